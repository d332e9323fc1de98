/**
 * Sample quantile, Hyndman & Fan (1996) type 7 (R's default, numpy's "linear"): for sorted
 * x[0..n−1], h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). NaN values are an error.
 */
export function quantileType7(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const x = Float64Array.from(values);
  if (x.length === 0) throw new RangeError("quantile: no values");
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) throw new RangeError(`quantile: value ${i} is NaN`);
  x.sort();
  const h = (x.length - 1) * p,
    lo = Math.floor(h);
  return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
}
