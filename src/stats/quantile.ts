/**
 * Sample quantile, Hyndman & Fan (1996, Am. Stat. 50:361–365) type 7 (R's default, numpy's
 * "linear", simple-statistics' `quantileSorted`): for sorted x[0..n−1], h = (n − 1)·p,
 * Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]); where h is a whole number Q = x[h] exactly (so an
 * infinite neighbour does not turn an order statistic into NaN). Units are those of the values.
 * @param values the sample; not changed
 * @param p probability in [0, 1]
 * @param opts `sorted: true` when `values` are already in ascending order (no copy, no sort)
 * @throws {RangeError} when p is outside [0, 1], there are no values, or a value is NaN
 */
export function quantileType7(values: ArrayLike<number>, p: number, opts: { sorted?: boolean } = {}): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const x = opts.sorted ? values : Float64Array.from(values);
  if (x.length === 0) throw new RangeError("quantile: no values");
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) throw new RangeError(`quantile: value ${i} is NaN`);
  if (!opts.sorted) (x as Float64Array).sort();
  const h = (x.length - 1) * p,
    lo = Math.floor(h);
  return h === lo ? x[lo] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
}

/**
 * Several type-7 quantiles of one sample ({@link quantileType7} for each p, the same doubles),
 * with one NaN check and one sort. With `sorted: true` the values must be in ascending order
 * with any NaN last (the order of `Float64Array.prototype.sort` and `sortNumbers`), so one look
 * at the last value finds a NaN.
 *
 * @param values the sample; not changed
 * @param ps probabilities in [0, 1]
 * @param opts `sorted: true` when `values` are ascending (NaN last)
 * @returns one quantile per p, in the order of `ps`
 * @throws {RangeError} when a p is outside [0, 1], there are no values, or a value is NaN
 */
export function quantilesType7(
  values: ArrayLike<number>,
  ps: readonly number[],
  opts: { sorted?: boolean } = {},
): number[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (values.length === 0) throw new RangeError("quantile: no values");
  let x: ArrayLike<number>;
  if (opts.sorted) {
    if (Number.isNaN(values[values.length - 1])) throw new RangeError(`quantile: value ${values.length - 1} is NaN`);
    x = values;
  } else {
    const y = Float64Array.from(values);
    for (let i = 0; i < y.length; i++) if (Number.isNaN(y[i])) throw new RangeError(`quantile: value ${i} is NaN`);
    x = y.sort();
  }
  return ps.map((p) => {
    const h = (x.length - 1) * p,
      lo = Math.floor(h);
    return h === lo ? x[lo] : x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
  });
}
