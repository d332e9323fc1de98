import { median } from "./median";
import { normalQuantile } from "./normal";
/** Result of {@link passingBablok}: y = intercept + slope·x. */
export interface PassingBablokResult {
  slope: number;
  intercept: number;
  /** Two-sided confidence intervals at `level` (Passing & Bablok 1983, §3); NaN bounds when n is too small for the rank interval. */
  slopeCI: [number, number];
  interceptCI: [number, number];
  level: number;
  /** Number of pairs. */
  n: number;
  /** Number of pairwise slopes used (pairs with identical points and slopes of exactly −1 are excluded). */
  slopes: number;
  /** The shift K: the number of pairwise slopes below −1. */
  shift: number;
}

/**
 * Passing–Bablok regression of y (method/lab B) on x (method/lab A): a rank method robust to
 * outliers, with no assumption on the error distribution (Passing & Bablok 1983, J. Clin. Chem.
 * Clin. Biochem. 21:709–720).
 *
 * Pairwise slopes S_ij = (y_j − y_i)/(x_j − x_i), i < j; pairs with identical points (0/0) and
 * slopes of exactly −1 are left out; x_i = x_j with y_j ≠ y_i gives ±∞. With N slopes sorted and
 * K = #(S_ij < −1) the slope is the median shifted by K: b = S_((N+1)/2+K) for odd N,
 * b = ½(S_(N/2+K) + S_(N/2+1+K)) for even N (1-based). Intercept a = median(y_i − b·x_i).
 * Confidence interval for b: C = z_(1−α/2)·sqrt(n(n−1)(2n+5)/18), M1 = round((N − C)/2),
 * M2 = N − M1 + 1, b_L = S_(M1+K), b_U = S_(M2+K); a_L = median(y_i − b_U·x_i),
 * a_U = median(y_i − b_L·x_i). When M1 < 1 (very small n) the interval bounds are NaN.
 *
 * @param x lab A / reference method values (any unit; the same unit as y)
 * @param y lab B / test method values
 * @param options level of the confidence intervals (default 0.95)
 * @throws {RangeError} when level is outside (0, 1), x and y differ in length, there are fewer than 3 pairs, a pair is not finite, all points are identical, or the slope is undefined (too many tied x)
 */
export function passingBablok(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { level?: number } = {},
): PassingBablokResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`Passing–Bablok: level must be in (0, 1), got ${level}`);
  if (x.length !== y.length) throw new RangeError(`Passing–Bablok: x has ${x.length} values, y has ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`Passing–Bablok needs at least 3 pairs, got ${n}`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`Passing–Bablok: pair ${i} is not finite (${x[i]}, ${y[i]})`);
  const buf = new Float64Array((n * (n - 1)) / 2);
  let N = 0,
    k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[j] - x[i],
        dy = y[j] - y[i];
      if (dx === 0 && dy === 0) continue;
      const sl = dx === 0 ? (dy > 0 ? Infinity : -Infinity) : dy / dx;
      if (sl === -1) continue;
      if (sl < -1) k++;
      buf[N++] = sl;
    }
  }
  if (N === 0) throw new RangeError("Passing–Bablok: all points are identical");
  const s = buf.subarray(0, N).sort(); // typed-array sort: numeric, ±Infinity at the ends
  const at = (r: number) => (r >= 1 && r <= N ? s[r - 1] : NaN); // 1-based rank
  const slope = N % 2 ? at((N + 1) / 2 + k) : 0.5 * (at(N / 2 + k) + at(N / 2 + 1 + k));
  if (!Number.isFinite(slope)) throw new RangeError("Passing–Bablok: slope undefined (too many tied x values)");
  const C = normalQuantile(1 - (1 - level) / 2) * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const m1 = Math.round((N - C) / 2),
    m2 = N - m1 + 1;
  const bl = m1 >= 1 ? at(m1 + k) : NaN,
    bu = m1 >= 1 ? at(m2 + k) : NaN;
  const res = (b: number) => {
    const r: number[] = [];
    for (let i = 0; i < n; i++) r.push(y[i] - b * x[i]);
    return median(r);
  };
  const intercept = res(slope);
  const ai = Number.isFinite(bu) ? res(bu) : NaN,
    au = Number.isFinite(bl) ? res(bl) : NaN;
  return { slope, intercept, slopeCI: [bl, bu], interceptCI: [ai, au], level, n, slopes: N, shift: k };
}
