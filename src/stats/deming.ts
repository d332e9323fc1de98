import { tQuantile } from "./studentt";

/** Result of {@link demingRegression}: y = intercept + slope·x, with jackknife standard errors. */
export interface DemingResult {
  slope: number;
  intercept: number;
  /** Ratio of the error variances δ = σ²(y error) / σ²(x error) used (1 = orthogonal regression). */
  errorRatio: number;
  n: number;
  /** Jackknife standard errors (Linnet 1990). */
  slopeSE: number;
  interceptSE: number;
  /** Two-sided confidence intervals at `level`, t with n − 2 degrees of freedom. */
  slopeCI: [number, number];
  interceptCI: [number, number];
  level: number;
}

function fit(x: ArrayLike<number>, y: ArrayLike<number>, delta: number, skip: number): [number, number] {
  let n = 0,
    mx = 0,
    my = 0;
  for (let i = 0; i < x.length; i++)
    if (i !== skip) {
      n++;
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  let sxx = 0,
    syy = 0,
    sxy = 0;
  for (let i = 0; i < x.length; i++) {
    if (i === skip) continue;
    const dx = x[i] - mx,
      dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxy === 0) throw new RangeError("Deming regression: x and y have zero covariance (slope undefined)");
  const d = syy - delta * sxx;
  const slope = (d + Math.sqrt(d * d + 4 * delta * sxy * sxy)) / (2 * sxy);
  return [slope, my - slope * mx];
}

/**
 * Deming regression of y on x, both measured with error (method comparison, e.g. XRF vs filter,
 * lab A vs lab B). With sums of squares about the means sxx, syy, sxy and δ = σ²_y/σ²_x:
 * slope = (syy − δ·sxx + sqrt((syy − δ·sxx)² + 4·δ·sxy²)) / (2·sxy), intercept = ȳ − slope·x̄
 * (Deming 1943; Cornbleet & Gochman 1979, Clin. Chem. 25:432). Standard errors by the jackknife
 * (Linnet 1990, Clin. Chem. 36:1640), intervals with t(n − 2).
 * @param x method/lab A values (any unit; the same unit as y)
 * @param y method/lab B values
 * @param options errorRatio δ (default 1), level (default 0.95)
 * @throws {RangeError} when x and y differ in length, there are fewer than 3 pairs, errorRatio is not > 0, or a pair is not finite
 */
export function demingRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { errorRatio?: number; level?: number } = {},
): DemingResult {
  const delta = options.errorRatio ?? 1,
    level = options.level ?? 0.95;
  if (x.length !== y.length) throw new RangeError(`Deming regression: x has ${x.length} values, y has ${y.length}`);
  const n = x.length;
  if (n < 3) throw new RangeError(`Deming regression needs at least 3 pairs, got ${n}`);
  if (!(delta > 0)) throw new RangeError(`Deming regression: errorRatio must be > 0, got ${delta}`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`Deming regression: pair ${i} is not finite (${x[i]}, ${y[i]})`);
  const [slope, intercept] = fit(x, y, delta, -1);
  // jackknife pseudo-values
  let sb = 0,
    sa = 0;
  const pb = new Float64Array(n),
    pa = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [b, a] = fit(x, y, delta, i);
    pb[i] = n * slope - (n - 1) * b;
    pa[i] = n * intercept - (n - 1) * a;
    sb += pb[i];
    sa += pa[i];
  }
  sb /= n;
  sa /= n;
  let vb = 0,
    va = 0;
  for (let i = 0; i < n; i++) {
    vb += (pb[i] - sb) ** 2;
    va += (pa[i] - sa) ** 2;
  }
  const slopeSE = Math.sqrt(vb / (n * (n - 1))),
    interceptSE = Math.sqrt(va / (n * (n - 1)));
  const t = tQuantile(1 - (1 - level) / 2, n - 2);
  return {
    slope,
    intercept,
    errorRatio: delta,
    n,
    slopeSE,
    interceptSE,
    slopeCI: [slope - t * slopeSE, slope + t * slopeSE],
    interceptCI: [intercept - t * interceptSE, intercept + t * interceptSE],
    level,
  };
}
