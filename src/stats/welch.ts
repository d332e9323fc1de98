import { mean, sampleVariance } from "./moments";
import { tInference, type TInference } from "./studentt";

/** Result of {@link welchTTest}. */
export interface WelchResult extends TInference {
  meanX: number;
  meanY: number;
  /** meanX − meanY. */
  difference: number;
  /** Standard error of the difference, sqrt(sx²/nx + sy²/ny). */
  se: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

function meanVar(v: ArrayLike<number>, what: string): { n: number; mean: number; variance: number } {
  const n = v.length;
  if (n < 2) throw new RangeError(`welchTTest: ${what} needs at least 2 values, got ${n}`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(v[i])) throw new RangeError(`welchTTest: ${what}[${i}] is not a finite number`);
  return { n, mean: mean(v), variance: sampleVariance(v) };
}

/**
 * Welch's unequal-variance two-sample t-test (Welch 1947, Biometrika 34:28–35) with the
 * Welch–Satterthwaite degrees of freedom
 * df = (sx²/nx + sy²/ny)² / ((sx²/nx)²/(nx−1) + (sy²/ny)²/(ny−1)).
 *
 * @param x first sample (e.g. SEC of new-machine lots, MJ/kg)
 * @param y second sample (e.g. SEC of old-machine lots)
 * @param confidence interval level (default 0.95)
 * @throws {RangeError} when confidence is outside (0, 1) or both samples have zero variance
 */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): WelchResult {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`welchTTest: confidence must be in (0, 1), got ${confidence}`);
  const a = meanVar(x, "x"),
    b = meanVar(y, "y");
  const vx = a.variance / a.n,
    vy = b.variance / b.n;
  const se = Math.sqrt(vx + vy);
  if (!(se > 0)) throw new RangeError("welchTTest: both samples have zero variance");
  const df = (vx + vy) ** 2 / (vx ** 2 / (a.n - 1) + vy ** 2 / (b.n - 1));
  const difference = a.mean - b.mean;
  return { meanX: a.mean, meanY: b.mean, difference, ...tInference(difference, se, df, confidence) };
}
