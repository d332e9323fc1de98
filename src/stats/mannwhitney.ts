import { mannWhitneyExactPmf } from "./mannwhitneydist";
import { normalCdf } from "./normal";

/** Result of {@link mannWhitneyTest}. */
export interface MannWhitneyResult {
  /** U for x: the number of pairs (x_i, y_j) with x_i > y_j, ties counting ½ (R's `W`). */
  u: number;
  nx: number;
  ny: number;
  /** Two-sided p-value. */
  p: number;
  /** `exact` (no ties, small samples) or `normal` (tie-corrected, continuity-corrected). */
  method: "exact" | "normal";
  /** z statistic of the normal approximation (NaN for the exact method). */
  z: number;
  /** Σ(t³ − t) over tie groups in the pooled sample. */
  tieSum: number;
}

/** Mid-ranks (1-based) of the pooled values, and Σ(t³ − t) over tie groups. */
export function midRanks(values: ArrayLike<number>): { ranks: Float64Array; tieSum: number } {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]] === values[idx[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[idx[k]] = r;
    const t = j - i + 1;
    tieSum += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieSum };
}

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test, two-sided (Mann & Whitney 1947; Hollander & Wolfe,
 * Nonparametric Statistical Methods, 2nd ed. 1999, §4.1).
 *
 * U = R_x − nx(nx+1)/2 with R_x the mid-rank sum of x in the pooled sample. Exact p from the
 * null distribution when there are no ties and nx·ny ≤ 2500 (`exact: "auto"`); otherwise the
 * normal approximation with tie correction
 * σ² = nx·ny/12 · ((N+1) − Σ(t³−t)/(N(N−1))) and continuity correction ½ (as R's wilcox.test).
 * @throws {RangeError} when a sample is empty, a value is not finite, or the exact distribution is asked for tied data
 */
export function mannWhitneyTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: { exact?: "auto" | boolean; continuity?: boolean } = {},
): MannWhitneyResult {
  const nx = x.length,
    ny = y.length;
  if (nx < 1 || ny < 1) throw new RangeError(`mannWhitneyTest: both samples need values (got ${nx} and ${ny})`);
  const pooled = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) pooled[i] = x[i];
  for (let j = 0; j < ny; j++) pooled[nx + j] = y[j];
  for (let i = 0; i < pooled.length; i++)
    if (!Number.isFinite(pooled[i])) throw new RangeError(`mannWhitneyTest: value ${i} is not finite`);
  const { ranks, tieSum } = midRanks(pooled);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i];
  const u = rx - (nx * (nx + 1)) / 2;
  const exactOpt = opts.exact ?? "auto";
  const useExact = exactOpt === true || (exactOpt === "auto" && tieSum === 0 && nx * ny <= 2500);
  if (useExact) {
    if (tieSum !== 0) throw new RangeError("mannWhitneyTest: the exact distribution needs untied data");
    const pmf = mannWhitneyExactPmf(nx, ny);
    let le = 0,
      ge = 0;
    for (let k = 0; k < pmf.length; k++) {
      if (k <= u) le += pmf[k];
      if (k >= u) ge += pmf[k];
    }
    return { u, nx, ny, p: Math.min(1, 2 * Math.min(le, ge)), method: "exact", z: NaN, tieSum };
  }
  const N = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  const d = u - (nx * ny) / 2;
  const cc = opts.continuity === false ? 0 : 0.5 * Math.sign(d);
  const z = sigma > 0 ? (d - cc) / sigma : 0;
  const p = Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  return { u, nx, ny, p, method: "normal", z, tieSum };
}
