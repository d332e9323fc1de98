/**
 * Lag-1 autocorrelation of a series, ρ = Σ_{t≥2} (e_t − ē)(e_{t−1} − ē) / Σ_t (e_t − ē)²
 * (the usual sample estimator, e.g. Box & Jenkins; ASHRAE Guideline 14-2014 Annex B uses it on
 * baseline-model residuals to count effective observations n' = n(1 − ρ)/(1 + ρ)).
 * @throws {RangeError} when there are fewer than 3 values
 */
export function lag1Autocorrelation(e: ArrayLike<number>): number {
  const n = e.length;
  if (n < 3) throw new RangeError(`lag1Autocorrelation: needs at least 3 values, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += e[i];
  mean /= n;
  let num = 0,
    den = 0;
  for (let i = 0; i < n; i++) {
    den += (e[i] - mean) ** 2;
    if (i > 0) num += (e[i] - mean) * (e[i - 1] - mean);
  }
  return den > 0 ? num / den : 0;
}
