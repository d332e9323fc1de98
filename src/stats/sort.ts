import { quantilesType7 } from "./quantile";
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
  const h = fixedPrecisionCounts(out);
  if (!h) return out.sort();
  const { counts, lo, scale } = h;
  let j = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k];
    if (c === 0) continue;
    const v = (k + lo) / scale;
    for (let m = 0; m < c; m++) out[j++] = v;
  }
  return out;
}

/**
 * The counting step of {@link sortNumbersInPlace}: when `values` (n ≥ 64) are all at one fixed
 * decimal precision (see {@link sortNumbers}), the count of each whole number `k = v·scale` from
 * `lo` on; `undefined` otherwise (then the typed-array sort is the one used).
 */
function fixedPrecisionCounts(values: Float64Array): { counts: Uint32Array; lo: number; scale: number } | undefined {
  const n = values.length;
  if (n < 64) return undefined;
  scales: for (const s of FIXED_SCALES) {
    let lo = Infinity,
      hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const k = Math.round(v * s);
      // NaN, ±Infinity, −0 and values not at this precision fail here
      if (k / s !== v || (v === 0 && 1 / v < 0)) continue scales;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    const span = hi - lo + 1;
    if (!(span <= 4 * n + 65_536)) return undefined;
    const counts = new Uint32Array(span);
    for (let i = 0; i < n; i++) counts[Math.round(values[i] * s) - lo]++;
    return { counts, lo, scale: s };
  }
  return undefined;
}

/**
 * Type-7 quantiles of a sample, the same doubles as `quantilesType7(values, ps)` (Hyndman & Fan
 * 1996 type 7 on the ascending order), without writing the sorted sample when its values are at
 * a fixed decimal precision: the order statistics are read from the counts of
 * {@link sortNumbersInPlace}'s counting step. Otherwise `values` is sorted in place
 * ({@link sortNumbersInPlace}) and the quantiles read from it.
 *
 * @param values the sample; its order may be changed
 * @param ps probabilities in [0, 1]
 * @returns one quantile per p, in the order of `ps`
 * @throws {RangeError} when a p is outside [0, 1], there are no values, or a value is NaN
 */
export function quantilesType7InPlace(values: Float64Array, ps: readonly number[]): number[] {
  const h = fixedPrecisionCounts(values);
  if (!h) return quantilesType7(values.sort(), ps, { sorted: true });
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = values.length;
  // the ranks needed (⌊h⌋ and ⌊h⌋ + 1 of each p), read in one pass over the counts
  const ranks = [
    ...new Set(ps.flatMap((p) => [Math.floor((n - 1) * p), Math.min(n - 1, Math.floor((n - 1) * p) + 1)])),
  ].sort((a, b) => a - b);
  const at = new Map<number, number>();
  const { counts, lo, scale } = h;
  let r = 0,
    below = 0;
  for (let k = 0; k < counts.length && r < ranks.length; k++) {
    const c = counts[k];
    if (c === 0) continue;
    below += c;
    while (r < ranks.length && ranks[r] < below) at.set(ranks[r++], (k + lo) / scale);
  }
  return ps.map((p) => {
    const x = (n - 1) * p,
      f = Math.floor(x);
    return x === f ? at.get(f)! : at.get(f)! + (x - f) * (at.get(f + 1)! - at.get(f)!);
  });
}

/** Decimal scales tried by {@link sortNumbers}: whole numbers, then 1, 2 and 3 decimals. */
const FIXED_SCALES = [1, 10, 100, 1000] as const;
