import { mean as sampleMean, sampleSd } from "./moments";
import { tInference, type TInference } from "./studentt";

/** Result of {@link pairedTTest}. */
export interface PairedTResult extends TInference {
  /** Number of pairs. */
  n: number;
  /** Mean of the differences x_i − y_i. */
  meanDifference: number;
  /** Standard deviation of the differences. */
  sd: number;
}

/**
 * Paired t-test on differences d_i = x_i − y_i (Student 1908): t = d̄/(s_d/√n), df = n − 1,
 * interval d̄ ± t_{1−α/2, n−1}·s_d/√n. On log values the back-transformed mean and interval are
 * a ratio of geometric means, exp(d̄) [exp(lower), exp(upper)].
 * @throws {RangeError} when x and y differ in length, confidence is outside (0, 1), there are fewer than 2 pairs, or a pair is not finite
 */
export function pairedTTest(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): PairedTResult {
  if (x.length !== y.length) throw new RangeError(`pairedTTest: ${x.length} x values for ${y.length} y values`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`pairedTTest: confidence must be in (0, 1), got ${confidence}`);
  const n = x.length;
  if (n < 2) throw new RangeError(`pairedTTest: needs at least 2 pairs, got ${n}`);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = x[i] - y[i];
    if (!Number.isFinite(d[i])) throw new RangeError(`pairedTTest: pair ${i} is not finite`);
  }
  const mean = sampleMean(d);
  const sd = sampleSd(d);
  // se = sd/√n, df = n − 1
  return { n, meanDifference: mean, sd, ...tInference(mean, sd / Math.sqrt(n), n - 1, confidence) };
}
