import { tQuantile } from "./studentt";

/** Result of {@link blandAltman}: differences d = b − a. */
export interface BlandAltmanResult {
  n: number;
  /** Mean difference (bias), unit of the data (or % for `relative`). */
  bias: number;
  /** Standard deviation of the differences (n − 1 denominator). */
  sd: number;
  /** Limits of agreement bias ∓ z·sd (z = 1.96 by default). */
  lower: number;
  upper: number;
  /** Confidence intervals (t with n − 1 df) of the bias and of each limit. */
  biasCI: [number, number];
  lowerCI: [number, number];
  upperCI: [number, number];
  /** Multiplier of sd in the limits. */
  z: number;
  /** Confidence level of the intervals. */
  level: number;
  /** Whether the differences are relative: 100·(b − a)/((a + b)/2), in %. */
  relative: boolean;
  /** Per-pair means (a + b)/2 and differences, for the plot. */
  means: number[];
  differences: number[];
}

/**
 * Bland–Altman analysis of agreement between two methods (labs) measuring the same samples
 * (Bland & Altman 1986, Lancet i:307–310; 1999, Stat. Methods Med. Res. 8:135–160, §2–3).
 *
 * d_i = b_i − a_i (or 100·(b_i − a_i)/m_i with m_i = (a_i + b_i)/2 when `relative`);
 * bias = mean(d), s = SD(d), limits of agreement bias ∓ 1.96·s. Standard errors:
 * SE(bias) = s/√n, SE(limit) ≈ sqrt(3s²/n) (Bland & Altman 1986 §"precision of the estimated
 * limits"; 1999 §2.3); intervals estimate ∓ t_(1−α/2, n−1)·SE.
 *
 * @param a lab A / method A values
 * @param b lab B / method B values (same unit)
 * @param options z (default 1.96), level (default 0.95), relative (default false)
 * @throws {RangeError} when a and b differ in length, there are fewer than 3 pairs, a pair is not finite, or (relative) a pair has mean 0
 */
export function blandAltman(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { z?: number; level?: number; relative?: boolean } = {},
): BlandAltmanResult {
  const z = options.z ?? 1.96,
    level = options.level ?? 0.95,
    relative = options.relative ?? false;
  if (a.length !== b.length) throw new RangeError(`Bland–Altman: a has ${a.length} values, b has ${b.length}`);
  const n = a.length;
  if (n < 3) throw new RangeError(`Bland–Altman needs at least 3 pairs, got ${n}`);
  const means: number[] = [],
    differences: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i]))
      throw new RangeError(`Bland–Altman: pair ${i} is not finite (${a[i]}, ${b[i]})`);
    const m = (a[i] + b[i]) / 2;
    if (relative && m === 0) throw new RangeError(`Bland–Altman: pair ${i} has mean 0, relative difference undefined`);
    means.push(m);
    differences.push(relative ? (100 * (b[i] - a[i])) / m : b[i] - a[i]);
  }
  let bias = 0;
  for (const d of differences) bias += d;
  bias /= n;
  let ss = 0;
  for (const d of differences) ss += (d - bias) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const t = tQuantile(1 - (1 - level) / 2, n - 1);
  const seBias = sd / Math.sqrt(n),
    seLimit = Math.sqrt((3 * sd * sd) / n);
  const lower = bias - z * sd,
    upper = bias + z * sd;
  return {
    n,
    bias,
    sd,
    lower,
    upper,
    z,
    level,
    relative,
    biasCI: [bias - t * seBias, bias + t * seBias],
    lowerCI: [lower - t * seLimit, lower + t * seLimit],
    upperCI: [upper - t * seLimit, upper + t * seLimit],
    means,
    differences,
  };
}
