/**
 * Missing-value imputation of a regular series by a weighted moving average, as imputeTS's
 * `na_ma(x, k, weighting)` (S. Moritz & T. Bartz-Beielstein, "imputeTS: Time Series Missing Value
 * Imputation in R", The R Journal 9(1), 2017; source `src/ma.cpp`, https://github.com/SteffenMoritz/imputeTS):
 * each missing value i is replaced by the weighted mean of the observed values at i−k … i+k (the
 * series' own values, never earlier imputations); "If all observations in the current window are
 * NA, the window size is automatically increased until there are at least 2 non-NA values
 * present." Weights: `"exponential"` 1/2^|j−i| (the default), `"linear"` 1/(|j−i|+1), `"simple"` 1.
 *
 * @param x series (NaN = missing)
 * @param k half-width of the window (default 4, imputeTS's default)
 * @param weighting `"exponential"` (default), `"linear"` or `"simple"`
 * @returns a copy with every NaN replaced
 * @throws {RangeError} when k < 1, the weighting is unknown, or fewer than 2 values are observed
 */
export function imputeMovingAverage(
  x: ArrayLike<number>,
  k = 4,
  weighting: "exponential" | "linear" | "simple" = "exponential",
): Float64Array {
  if (!(k >= 1)) throw new RangeError(`imputeMovingAverage: k must be ≥ 1, got ${k}`);
  if (weighting !== "exponential" && weighting !== "linear" && weighting !== "simple")
    throw new RangeError(
      `imputeMovingAverage: weighting must be exponential, linear or simple, got "${String(weighting)}"`,
    );
  const n = x.length;
  const out = Float64Array.from(x);
  let observed = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i])) observed++;
  if (observed === n) return out;
  if (observed < 2) throw new RangeError("imputeMovingAverage: at least 2 observed values are needed");
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(x[i])) continue;
    let kt = k;
    for (;;) {
      let c = 0;
      for (let j = Math.max(0, i - kt); j <= Math.min(n - 1, i + kt); j++) if (!Number.isNaN(x[j])) c++;
      if (c >= 2) break;
      kt++;
    }
    let num = 0,
      den = 0;
    for (let j = Math.max(0, i - kt); j <= Math.min(n - 1, i + kt); j++) {
      if (Number.isNaN(x[j])) continue;
      const d = Math.abs(j - i);
      const w = weighting === "exponential" ? 1 / 2 ** d : weighting === "linear" ? 1 / (d + 1) : 1;
      num += w * x[j];
      den += w;
    }
    out[i] = num / den;
  }
  return out;
}
