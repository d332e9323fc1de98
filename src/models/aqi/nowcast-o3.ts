import { imputeMovingAverage } from "../../stats/impute";
import { olsFromMoments } from "../../stats/ols";
import { O3_NOWCAST_2019, O3_NOWCAST_2019_METHODS, type O3Nowcast2019Path } from "./tables/nowcast";

/** The 2019 ozone NowCast of one window. */
export interface O3Nowcast2019 {
  /**
   * NowCast ozone (ppb), unrounded; NaN when none. For the paths `previous-1` / `previous-2` the
   * value is not computed here: it is the NowCast of the hour before / 2 hours before (the series
   * function {@link nowcast} carries it over).
   */
  value: number;
  /** Path of EPA's decision tree (`GetNowcast.r`). */
  path: O3Nowcast2019Path;
  /** EPA's `MethodID` of that path (1–8). */
  methodId: number;
  /** Valid hours of the 336 (`rowcount`). */
  hoursUsed: number;
  /** Rows of the regression (8-h means available), for `path: "pls"`. */
  fitRows?: number;
}

/** Longest run of missing (NaN) values. */
function longestMissingRun(x: ArrayLike<number>): number {
  let best = 0,
    run = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

const result = (value: number, path: O3Nowcast2019Path, hoursUsed: number, fitRows?: number): O3Nowcast2019 => ({
  value,
  path,
  methodId: O3_NOWCAST_2019_METHODS[path],
  hoursUsed,
  ...(fitRows === undefined ? {} : { fitRows }),
});

/**
 * EPA's 2019 ozone NowCast of one two-week window (AirNow since 2019-08-01; forum t/356, US EPA
 * O3-Nowcast repository — sources in {@link O3_NOWCAST_2019}). `window` is the 336 hourly O3 values
 * in ppb, **oldest first**, the current hour last (NaN = missing). The decision tree of
 * `GetNowcast.r`, in its order:
 *
 * 1. no valid hour → none (MethodID 8);
 * 2. fewer than 252 valid hours ("does not meet 75% completeness criteria.  Using surrogate
 *    instead."), or 3. a run of more than 7 missing hours ("too many consecutive missing values") →
 *    the surrogate `0.85 c + 4.5` of the current hour, else of the hour before, else of 2 hours
 *    before (`generateSurrogate`: "hard coded slope and intercept"; MethodID 3/5/7), else none;
 * 4. all values 0 → 0 ("all values are 0; returning 0 as nowcast value."; 1);
 * 5. the current hour missing → the NowCast of the hour before if that hour has a value (4), else
 *    of 2 hours before if that one has (6), else none;
 * 6. otherwise PLS (`pls.nowcast`, `pls.now.fun`): missing hours are imputed (imputeTS `na.ma`,
 *    k = 4, exponential weights: `imputeMovingAverage`, as R imputeTS::na_ma); the target is the 8-h mean of the raw
 *    hours t−4 … t+3 (`rollapply(data, list(-4:3), …)`, a mean where ≤ 25 % of its hours are missing,
 *    none where the 8 hours leave the window); the predictors are the 96 imputed hours t−95 … t; the
 *    regression is fitted on the rows t = 96 … 336 that have a target, provided ≤ 25 % of them lack
 *    it (else none, "Failed to generate a NowCast value."), and evaluated at the current hour; a
 *    negative prediction gives 0 ("Nowcast was < 0, returning 0.").
 *
 * The regression: EPA fits `pls::mvr(Mean8Hr ~ Hr1 + … + Hr96)` with the default number of
 * components — as many as possible, min(rows − 1, 96) = 96 — and predicts with the last of them.
 * PLS with as many components as there are (linearly independent) predictors is ordinary least
 * squares with an intercept (the components then span the whole column space of the centred
 * predictors), so the fit here is least squares with an intercept, `olsFromMoments` (its moments
 * summed once over the window by a shift recursion). A singular design (fewer than 96 independent
 * lag columns, e.g. a long constant stretch) gives none with path `none`; EPA's code would still
 * return the PLS prediction there (not reproduced).
 *
 * Checked against EPA's own R code run (R 4.2.2, pls 2.8-1, zoo 1.8-11) on windows the tests build.
 *
 * @param window 336 hourly O3 values in ppb, oldest first (NaN = missing)
 * @throws RangeError when the window does not have 336 values or holds a negative or infinite value
 */
export function nowcastO3Pls(window: ArrayLike<number>): O3Nowcast2019 {
  const R = O3_NOWCAST_2019;
  const n = R.windowHours;
  if (window.length !== n) throw new RangeError(`nowcastO3Pls: the window must hold ${n} hours, got ${window.length}`);
  let valid = 0,
    sum = 0;
  for (let i = 0; i < n; i++) {
    const c = window[i];
    if (Number.isNaN(c)) continue;
    if (!(c >= 0) || !Number.isFinite(c))
      throw new RangeError(`nowcastO3Pls: O3 value ${n - 1 - i} hours ago must be finite and ≥ 0, got ${c}`);
    valid++;
    sum += c;
  }
  const cur = window[n - 1],
    prev1 = window[n - 2],
    prev2 = window[n - 3];
  if (valid === 0) return result(NaN, "none", 0);
  if (valid < R.minValidHours || longestMissingRun(window) > R.maxMissingRun) {
    const s = (c: number) => c * R.surrogate.slope + R.surrogate.intercept;
    if (!Number.isNaN(cur)) return result(s(cur), "surrogate-0", valid);
    if (!Number.isNaN(prev1)) return result(s(prev1), "surrogate-1", valid);
    if (!Number.isNaN(prev2)) return result(s(prev2), "surrogate-2", valid);
    return result(NaN, "none", valid);
  }
  if (sum === 0) return result(0, "zero", valid);
  if (Number.isNaN(cur)) {
    if (!Number.isNaN(prev1)) return result(NaN, "previous-1", valid);
    if (!Number.isNaN(prev2)) return result(NaN, "previous-2", valid);
    return result(NaN, "none", valid);
  }
  // the 8-h target means of the raw hours t−4 … t+3
  const [lo, hi] = R.meanOffsets;
  const width = hi - lo + 1;
  const mean8 = new Float64Array(n).fill(NaN);
  for (let t = -lo; t + hi < n; t++) {
    let s = 0,
      c = 0;
    for (let j = t + lo; j <= t + hi; j++) {
      if (!Number.isNaN(window[j])) {
        s += window[j];
        c++;
      }
    }
    if ((width - c) / width <= R.meanMaxMissing) mean8[t] = s / c;
  }
  const L = R.lagHours;
  const rows = n - L + 1; // t = L−1 … n−1 (0-based)
  let missing = 0;
  for (let t = L - 1; t < n; t++) if (Number.isNaN(mean8[t])) missing++;
  if (missing / rows > R.fitMaxMissing) return result(NaN, "none", valid);
  const imputed = imputeMovingAverage(window, R.imputation.k, R.imputation.weighting);
  // moments of the lag rows z[s … s+L−1], s = 0 … rows−1 (row s is hour t = s + L − 1): first over
  // every row by the shift recursion F(a+1, b+1) = F(a, b) − z[a]z[b] + z[rows+a]z[rows+b], then
  // the rows without a target taken out
  const z = imputed;
  const sxx = new Float64Array(L * L),
    sx = new Float64Array(L),
    sxy = new Float64Array(L);
  for (let b = 0; b < L; b++) {
    let v = 0;
    for (let q = 0; q < rows; q++) v += z[q] * z[q + b];
    sxx[b] = v;
  }
  for (let a = 1; a < L; a++)
    for (let b = a; b < L; b++)
      sxx[a * L + b] = sxx[(a - 1) * L + b - 1] - z[a - 1] * z[b - 1] + z[rows + a - 1] * z[rows + b - 1];
  let colSum = 0;
  for (let q = 0; q < rows; q++) colSum += z[q];
  sx[0] = colSum;
  for (let a = 1; a < L; a++) sx[a] = sx[a - 1] - z[a - 1] + z[rows + a - 1];
  let sy = 0;
  for (let q = 0; q < rows; q++) {
    const t = q + L - 1;
    if (Number.isNaN(mean8[t])) {
      for (let a = 0; a < L; a++) {
        const za = z[q + a];
        sx[a] -= za;
        for (let b = a; b < L; b++) sxx[a * L + b] -= za * z[q + b];
      }
      continue;
    }
    const yv = mean8[t];
    sy += yv;
    for (let a = 0; a < L; a++) sxy[a] += z[q + a] * yv;
  }
  const m = rows - missing;
  let fit;
  try {
    fit = olsFromMoments(sxx, sx, sxy, sy, m, L);
  } catch {
    return result(NaN, "none", valid, m);
  }
  let pred = fit.intercept;
  for (let j = 0; j < L; j++) pred += fit.beta[j] * imputed[n - L + j];
  if (pred < 0) return result(0, "zero", valid, m);
  return result(pred, "pls", valid, m);
}
