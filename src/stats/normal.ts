/**
 * Standard normal distribution: CDF Φ(z) and quantile Φ⁻¹(p), for large-sample intervals
 * (Mann–Whitney normal approximation, bootstrap planners).
 *
 * Φ(z) = ½·erfc(−z/√2). erf(x) for |x| < 3 by the all-positive series
 * erf(x) = (2/√π)·e^{−x²}·Σ 2ⁿx^{2n+1}/(1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6), erfc(x) for
 * x ≥ 3 by the continued fraction A&S 7.1.14 (modified Lentz); both to ~1e-15 relative.
 * The quantile is found by bisection on Φ (to 1e-14 in z).
 */

const SQRT_PI = Math.sqrt(Math.PI);

function erfSeries(x: number): number {
  // (2/√π) e^{-x²} Σ_{n≥0} 2^n x^{2n+1} / (2n+1)!!
  let term = x,
    sum = x;
  const x2 = x * x;
  for (let n = 1; n < 500; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (2 / SQRT_PI) * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x,
    c = x,
    d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = k / 2;
    d = x + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = c * d;
    f *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Complementary error function erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

/** Standard normal CDF Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Standard normal quantile Φ⁻¹(p), 0 < p < 1 (e.g. normalQuantile(0.975) = 1.959964), by bisection on {@link normalCdf} (erf/erfc from Abramowitz & Stegun 7.1.6 and 7.1.14) to 1e-14.
 * @throws {RangeError} when p is outside (0, 1)
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -normalQuantile(1 - p);
  let lo = 0,
    hi = 1;
  while (normalCdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14; i++) {
    const mid = 0.5 * (lo + hi);
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
