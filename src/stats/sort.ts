/**
 * Ascending sort of a sample of numbers, the same doubles in the same order as
 * `Float64Array.prototype.sort` (ECMA-262 §23.2.3.29, TypedArray SortCompare: numeric order, −0
 * before +0, NaN last), in linear time when the values are published at a fixed decimal precision.
 *
 * Monitoring networks publish hourly values at a fixed precision (CNEMC: µg/m3 as whole numbers,
 * CO to 0.1 or 0.001 mg/m3), so a station-year of 8,760 values holds a few hundred distinct values.
 * When every value v is finite, not −0, and equals `Math.round(v·s) / s` for one scale
 * s ∈ {1, 10, 100, 1000} with the whole numbers `v·s` spanning at most `4n + 65,536`, the values
 * are counted by their whole number and written back as `k / s` — which is v itself, so the
 * result is bit for bit the typed-array sort (k₁ < k₂ ⇒ k₁/s < k₂/s for correctly rounded
 * division). Any other sample is sorted by `Float64Array.prototype.sort`.
 * `test/stats/sort.test.ts` compares both paths with the typed-array sort bit for bit.
 *
 * @param values the sample (not changed)
 * @returns a new `Float64Array` in ascending order
 */
export function sortNumbers(values: ArrayLike<number>): Float64Array {
  return sortNumbersInPlace(Float64Array.from(values));
}

/**
 * {@link sortNumbers} without the copy: sorts `out` itself (the same doubles in the same order as
 * `out.sort()`) and returns it, for callers that sort a scratch buffer many times.
 *
 * @param out the sample, sorted in place
 * @returns `out`
 */
export function sortNumbersInPlace(out: Float64Array): Float64Array {
  const n = out.length;
  if (n < 64) return out.sort();
  scales: for (const s of FIXED_SCALES) {
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = out[i];
      const k = Math.round(v * s);
      // NaN, ±Infinity, −0 and values not at this precision fail here
      if (k / s !== v || (v === 0 && 1 / v < 0)) continue scales;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const span = hi - lo + 1;
    if (!(span <= 4 * n + 65_536)) break;
    const counts = new Uint32Array(span);
    for (let i = 0; i < n; i++) counts[Math.round(out[i] * s) - lo]++;
    let j = 0;
    for (let k = 0; k < span; k++) {
      const c = counts[k];
      if (c === 0) continue;
      const v = (k + lo) / s;
      for (let m = 0; m < c; m++) out[j++] = v;
    }
    return out;
  }
  return out.sort();
}

/** Decimal scales tried by {@link sortNumbers}: whole numbers, then 1, 2 and 3 decimals. */
const FIXED_SCALES = [1, 10, 100, 1000] as const;
