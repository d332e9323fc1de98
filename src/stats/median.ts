/** Options of {@link median}: what an empty sample and NaN values give. */
export interface MedianOptions {
  /** An empty sample (after NaN values are omitted): `"nan"` (default) returns NaN, `"throw"` throws a RangeError. */
  empty?: "nan" | "throw";
  /** NaN values: `"throw"` (default) throws a RangeError naming the first one, `"omit"` leaves them out. */
  nan?: "throw" | "omit";
}

/**
 * Sample median: for the n values sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎, the middle one x₍₍ₙ₊₁₎/₂₎ when n
 * is odd, the mean ½·(x₍ₙ/₂₎ + x₍ₙ/₂₊₁₎) of the two middle ones when n is even (the usual
 * definition; at p = ½ it is Hyndman & Fan's (1996, Am. Stat. 50:361–365) types 2 and 5–9, in
 * particular {@link quantileType7}(values, 0.5)). ±Infinity are ordinary
 * values (the median of [1, ∞, ∞] is ∞). Units are those of the values.
 * @param values the sample (any unit); not changed
 * @param opts what an empty sample and NaN values give (defaults: NaN for empty, NaN values throw)
 * @throws {RangeError} when a value is NaN (unless `nan: "omit"`), or the sample is empty with `empty: "throw"`
 */
export function median(values: ArrayLike<number>, opts: MedianOptions = {}): number {
  const x = Float64Array.from(values);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i])) x[n++] = x[i];
    else if (opts.nan !== "omit") throw new RangeError(`median: value ${i} is NaN (use nan: "omit" to leave NaN out)`);
  }
  if (n === 0) {
    if (opts.empty === "throw") throw new RangeError("median: no values");
    return NaN;
  }
  const s = x.subarray(0, n).sort(); // typed-array sort: numeric, ±Infinity at the ends
  const h = n >> 1;
  return n % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}
