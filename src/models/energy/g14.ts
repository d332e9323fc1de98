import { lag1Autocorrelation } from "../../stats/autocorrelation";
import { tQuantile } from "../../stats/studentt";

/**
 * CV(RMSE) of a baseline model (ASHRAE Guideline 14-2014 eq. 4-3; CONVENTIONS §5):
 * CV = sqrt(Σ(y − ŷ)²/(n − p)) / ȳ, with p the number of model parameters.
 */
export function cvRmse(y: ArrayLike<number>, yhat: ArrayLike<number>, p: number): number {
  const n = check(y, yhat, p);
  let ss = 0,
    s = 0;
  for (let i = 0; i < n; i++) {
    ss += (y[i] - yhat[i]) ** 2;
    s += y[i];
  }
  return Math.sqrt(ss / (n - p)) / (s / n);
}

/** NMBE (ASHRAE Guideline 14-2014 eq. 4-4; CONVENTIONS §5): Σ(y − ŷ) / ((n − p)·ȳ). */
export function nmbe(y: ArrayLike<number>, yhat: ArrayLike<number>, p: number): number {
  const n = check(y, yhat, p);
  let d = 0,
    s = 0;
  for (let i = 0; i < n; i++) {
    d += y[i] - yhat[i];
    s += y[i];
  }
  return d / ((n - p) * (s / n));
}

function check(y: ArrayLike<number>, yhat: ArrayLike<number>, p: number): number {
  if (y.length !== yhat.length) throw new RangeError(`G14: ${y.length} observations for ${yhat.length} predictions`);
  if (!(Number.isInteger(p) && p >= 0 && y.length > p)) throw new RangeError(`G14: need n (${y.length}) > p (${p})`);
  return y.length;
}

/** ASHRAE Guideline 14 calibration limits (CONVENTIONS §5). */
export const G14_LIMITS = {
  monthly: { cvRmse: 0.15, nmbe: 0.05 },
  hourly: { cvRmse: 0.3, nmbe: 0.1 },
} as const;

/** Inputs of {@link fractionalSavingsUncertainty}. */
export interface FsuInput {
  /** CV(RMSE) of the baseline model (fraction). */
  cv: number;
  /** Baseline observations. */
  n: number;
  /** Reporting-period observations. */
  m: number;
  /** Savings fraction F = savings / adjusted baseline energy. */
  fraction: number;
  /** Lag-1 autocorrelation of the baseline residuals (0 = independent). */
  rho: number;
  /** Model parameters (for the t degrees of freedom n − p; default 2). */
  p?: number;
  /** Confidence level (default 0.95; Guideline 14 often quotes 0.68 or 0.90). */
  confidence?: number;
}

/**
 * Fractional savings uncertainty (ASHRAE Guideline 14-2014 Annex B, Reddy & Claridge 2000;
 * formula as in CONVENTIONS §5):
 * FSU = t·1.26·CV·sqrt((n/n′)(1 + 2/n′)(1/m)) / F, n′ = n(1 − ρ)/(1 + ρ),
 * t the two-sided Student quantile at `confidence` with n − p degrees of freedom.
 * The savings interval is savings·(1 ± FSU).
 * @throws {RangeError} when n ≤ p or m < 1, rho is outside (−1, 1), or the savings fraction is zero
 */
export function fractionalSavingsUncertainty(i: FsuInput): { fsu: number; nEffective: number; t: number } {
  const conf = i.confidence ?? 0.95;
  const p = i.p ?? 2;
  if (!(i.n > p && i.m >= 1)) throw new RangeError(`FSU: need n > p and m ≥ 1 (n ${i.n}, p ${p}, m ${i.m})`);
  if (!(i.rho > -1 && i.rho < 1)) throw new RangeError(`FSU: rho must be in (−1, 1), got ${i.rho}`);
  if (!(i.fraction !== 0 && Number.isFinite(i.fraction)))
    throw new RangeError(`FSU: the savings fraction must be non-zero, got ${i.fraction}`);
  const nEff = (i.n * (1 - i.rho)) / (1 + i.rho);
  const t = tQuantile(1 - (1 - conf) / 2, i.n - p);
  const fsu = (t * 1.26 * i.cv * Math.sqrt((i.n / nEff) * (1 + 2 / nEff) * (1 / i.m))) / Math.abs(i.fraction);
  return { fsu, nEffective: nEff, t };
}

/** Lag-1 autocorrelation of residuals in time order (re-export for the FSU input). */
export const residualAutocorrelation = lag1Autocorrelation;
