/**
 * Student's t distribution: cumulative distribution and quantile, for confidence intervals and
 * tests across the library (Deming/Passing–Bablok intervals, Welch tests, ASHRAE G14 FSU).
 *
 * CDF through the regularised incomplete beta function I_x(a, b) evaluated by Lentz's continued
 * fraction (Press et al., Numerical Recipes 3rd ed., §6.4); quantile by bisection on the CDF
 * (to 1e-12 in t).
 */

/** ln Γ(x) for x > 0 (Lanczos 1964, SIAM J. Numer. Anal. B 1:86, approximation with g = 7, n = 9; reflection for x < 0.5; relative error < 1e-14). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1,
    d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * Regularised incomplete beta function I_x(a, b), 0 ≤ x ≤ 1, a, b > 0, by Lentz's continued fraction (Press et al., Numerical Recipes 3rd ed. 2007, §6.4).
 * @throws {RangeError} when x is outside [0, 1]
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * P(T ≤ t) for Student's t with `df` > 0 degrees of freedom (df may be fractional, e.g. Welch), through I_x(df/2, 1/2) with x = df/(df + t²) (Numerical Recipes 3rd ed., §6.14).
 * @throws {RangeError} when the degrees of freedom are not > 0
 */
export function tCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tCdf: degrees of freedom must be > 0, got ${df}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (e.g. tQuantile(0.975, 10) = 2.228139), by bisection on {@link tCdf} to 1e-12.
 * @throws {RangeError} when p is outside (0, 1) or the degrees of freedom are not > 0
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: degrees of freedom must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0,
    hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = 0.5 * (lo + hi);
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** The t statistic, two-sided p-value and confidence interval of one estimate ({@link tInference}). */
export interface TInference {
  /** Standard error of the estimate (same unit as the estimate). */
  se: number;
  /** Degrees of freedom (may be fractional, e.g. Welch–Satterthwaite). */
  df: number;
  /** t = estimate / se. */
  t: number;
  /** Two-sided p-value 2·(1 − F_t(|t|, df)). */
  p: number;
  /** estimate − t_{1−α/2, df}·se. */
  lower: number;
  /** estimate + t_{1−α/2, df}·se. */
  upper: number;
  /** The confidence level 1 − α of the interval. */
  confidence: number;
}

/**
 * Student-t inference on one estimate with standard error `se` and `df` degrees of freedom, the
 * step every t-test ends with (Student 1908; Welch 1947): t = estimate/se, two-sided
 * p = 2·(1 − F_t(|t|, df)), interval estimate ± t_{1−α/2, df}·se at confidence 1 − α.
 * With se = 0, t is 0 for a zero estimate and ±∞ otherwise (p = 1 or 0, a zero-width interval).
 * @throws {RangeError} when confidence is outside (0, 1), se is negative or not finite, or df is not > 0
 */
export function tInference(estimate: number, se: number, df: number, confidence: number): TInference {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`tInference: confidence must be in (0, 1), got ${confidence}`);
  if (!(se >= 0 && Number.isFinite(se)))
    throw new RangeError(`tInference: standard error must be finite and ≥ 0, got ${se}`);
  if (!(df > 0)) throw new RangeError(`tInference: degrees of freedom must be > 0, got ${df}`);
  const t = se > 0 ? estimate / se : estimate === 0 ? 0 : Math.sign(estimate) * Infinity;
  const p = 2 * (1 - tCdf(Math.abs(t), df));
  const q = tQuantile(1 - (1 - confidence) / 2, df);
  return { se, df, t, p, lower: estimate - q * se, upper: estimate + q * se, confidence };
}
