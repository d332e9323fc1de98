/**
 * Arithmetic mean x̄ = (1/n)·Σxᵢ, summed left to right. NaN for an empty sample; a NaN value makes
 * the mean NaN (leave missing values out before calling). Unit of the values.
 * @param values the sample
 */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/**
 * Sample standard deviation s = √(Σ(xᵢ − x̄)²/(n − 1)) (the n − 1 "Bessel" form; two passes: the
 * mean first, then the centred squares). NaN for fewer than 2 values; a NaN value makes it NaN.
 * Unit of the values.
 * @param values the sample
 */
export function sampleSd(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values));
}

/**
 * Sample variance s² = Σ(xᵢ − x̄)²/(n − 1) (two passes, as {@link sampleSd}). NaN for fewer than 2
 * values; a NaN value makes it NaN. Unit: the values' unit squared.
 * @param values the sample
 */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) ** 2;
  return ss / (n - 1);
}
