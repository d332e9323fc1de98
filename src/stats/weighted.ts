/**
 * Weighted correlation: the weighted Pearson r and the weighted Spearman ρ of the R package
 * wCorr (Emad, A. & Bailey, P. (2017), "wCorr Formulas", wCorr package vignette, American
 * Institutes for Research; https://cran.r-project.org/package=wCorr), which openair's polar
 * correlation statistics use (Grange, Carslaw & Lewis 2016, Atmos. Environ. 145:128–134).
 */

function checkWeighted(fn: string, x: ArrayLike<number>, y: ArrayLike<number> | null, w: ArrayLike<number>): void {
  if (y && x.length !== y.length) throw new RangeError(`${fn}: x has ${x.length} values, y has ${y.length}`);
  if (w.length !== x.length) throw new RangeError(`${fn}: ${x.length} values, ${w.length} weights`);
  for (let i = 0; i < w.length; i++)
    if (!(w[i] >= 0) || !Number.isFinite(w[i]))
      throw new RangeError(`${fn}: weight ${i} must be finite and ≥ 0, got ${w[i]}`);
}

/**
 * Weighted Pearson correlation (wCorr's "Pearson" formula):
 * r = Σw(x − x̄)(y − ȳ) / √(Σw(x − x̄)² · Σw(y − ȳ)²), x̄ = Σwx/Σw, ȳ = Σwy/Σw.
 * Equal weights give {@link pearson}. Dimensionless; NaN when either sample is constant under the
 * weights or the weights sum to 0; a NaN value makes r NaN.
 * @param x first sample (any unit)
 * @param y second sample, paired with x (any unit)
 * @param w weights, ≥ 0
 * @throws {RangeError} when the lengths differ or a weight is negative or not finite
 */
export function weightedPearson(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  checkWeighted("weightedPearson", x, y, w);
  const n = x.length;
  let sw = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const mx = sx / sw,
    my = sy / sw;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx,
      dy = y[i] - my;
    sxy += w[i] * dx * dy;
    sxx += w[i] * dx * dx;
    syy += w[i] * dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Weighted ranks (wCorr's `wrank`): sorted ascending, a group of t tied values whose weights sum
 * to W_g, preceded by values of total weight W_<, gets the rank W_< + (t + 1)/(2t) · W_g. Unit
 * weights give the mid-ranks ({@link midRanks}); one untied value of weight w gets W_< + w.
 * @param x values (NaN not allowed: they have no order)
 * @param w weights, ≥ 0
 * @returns ranks, in the order of x
 * @throws {RangeError} when the lengths differ, a weight is negative or not finite, or a value is NaN
 */
export function weightedRanks(x: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  checkWeighted("weightedRanks", x, null, w);
  const n = x.length;
  for (let i = 0; i < n; i++) if (Number.isNaN(x[i])) throw new RangeError(`weightedRanks: value ${i} is NaN`);
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const r = new Float64Array(n);
  let below = 0;
  for (let i = 0; i < n;) {
    let j = i,
      tw = w[idx[i]];
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) tw += w[idx[++j]];
    const t = j - i + 1;
    const rank = below + ((t + 1) / (2 * t)) * tw;
    for (let k = i; k <= j; k++) r[idx[k]] = rank;
    below += tw;
    i = j + 1;
  }
  return r;
}

/**
 * Weighted Spearman correlation (wCorr's "Spearman"): {@link weightedPearson} of the
 * {@link weightedRanks} of x and of y, with the same weights. Unit weights give Spearman's ρ with
 * mid-ranks for ties. Dimensionless.
 * @param x first sample
 * @param y second sample, paired with x
 * @param w weights, ≥ 0
 * @throws {RangeError} when the lengths differ, a weight is negative or not finite, or a value is NaN
 */
export function weightedSpearman(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  checkWeighted("weightedSpearman", x, y, w);
  return weightedPearson(weightedRanks(x, w), weightedRanks(y, w), w);
}

/**
 * Weighted least-squares line y = a + b·x minimising Σw(y − a − bx)²:
 * b = Σw(x − x̄)(y − ȳ)/Σw(x − x̄)², a = ȳ − b·x̄ (weighted means).
 * @param x predictor (unit of x)
 * @param y response (unit of y)
 * @param w weights, ≥ 0
 * @returns intercept (unit of y) and slope (unit of y per unit of x); NaN when x is constant under the weights
 * @throws {RangeError} when the lengths differ or a weight is negative or not finite
 */
export function weightedLine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
): { intercept: number; slope: number } {
  checkWeighted("weightedLine", x, y, w);
  let sw = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const mx = sx / sw,
    my = sy / sw;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - mx;
    sxy += w[i] * dx * (y[i] - my);
    sxx += w[i] * dx * dx;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}
