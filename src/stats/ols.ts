/** Result of {@link ols}. */
export interface OlsResult {
  /** Coefficients β (one per design column). */
  coefficients: number[];
  /** Covariance matrix of β: σ̂²·(XᵀX)⁻¹. */
  covariance: number[][];
  /** Standard errors of β. */
  se: number[];
  fitted: Float64Array;
  residuals: Float64Array;
  /** Residual degrees of freedom n − p. */
  df: number;
  /** σ̂ = sqrt(Σe²/(n − p)). */
  sigma: number;
  /** Coefficient of determination (with an intercept column). */
  r2: number;
  n: number;
  p: number;
  /** (XᵀX)⁻¹, for prediction variances. */
  xtxInverse: number[][];
}

/** Invert a small symmetric positive-definite matrix by Gauss–Jordan elimination with partial pivoting. */
function invert(a: number[][]): number[][] {
  const p = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    const scale = Math.max(...a.map((row) => Math.abs(row[c])), 1e-300);
    if (Math.abs(m[piv][c]) < 1e-12 * scale)
      throw new RangeError("ols: the design matrix is singular (collinear or constant columns)");
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * p; j++) m[c][j] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * p; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(p));
}

/**
 * Ordinary least squares y = Xβ + ε by the normal equations (XᵀX)β = Xᵀy, columns scaled to
 * unit RMS before inversion for conditioning. β̂ = (XᵀX)⁻¹Xᵀy, Cov(β̂) = σ̂²(XᵀX)⁻¹ with
 * σ̂² = Σe²/(n − p) (e.g. Draper & Smith, Applied Regression Analysis, 3rd ed., ch. 5).
 *
 * @param x design rows (include a column of 1 for an intercept)
 * @param y responses
 * @throws {RangeError} when there are no data, design rows and responses differ in number or width, there are not more observations than coefficients, or a value is not finite
 */
export function ols(x: ArrayLike<number>[], y: ArrayLike<number>): OlsResult {
  const n = y.length;
  if (x.length !== n) throw new RangeError(`ols: ${x.length} design rows for ${n} responses`);
  if (n === 0) throw new RangeError("ols: no data");
  const p = x[0].length;
  if (n <= p) throw new RangeError(`ols: needs more observations (${n}) than coefficients (${p})`);
  for (let i = 0; i < n; i++) {
    if (x[i].length !== p) throw new RangeError(`ols: design row ${i} has ${x[i].length} columns, expected ${p}`);
    if (!Number.isFinite(y[i])) throw new RangeError(`ols: response ${i} is not finite`);
    for (let j = 0; j < p; j++)
      if (!Number.isFinite(x[i][j])) throw new RangeError(`ols: design value [${i}][${j}] is not finite`);
  }
  const s = new Array(p).fill(0);
  for (let j = 0; j < p; j++) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += x[i][j] ** 2;
    s[j] = Math.sqrt(ss / n) || 1;
  }
  const xtx: number[][] = Array.from({ length: p }, () => new Array(p).fill(0));
  const xty = new Array(p).fill(0);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = x[i][a] / s[a];
      xty[a] += xa * y[i];
      for (let b = a; b < p; b++) xtx[a][b] += xa * (x[i][b] / s[b]);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a][b] = xtx[b][a];
  const invScaled = invert(xtx);
  const inv = invScaled.map((row, a) => row.map((v, b) => v / (s[a] * s[b])));
  const coefficients = new Array(p).fill(0);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) coefficients[a] += (invScaled[a][b] * xty[b]) / s[a];
  const fitted = new Float64Array(n),
    residuals = new Float64Array(n);
  let sse = 0,
    ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i];
  ybar /= n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < p; j++) f += x[i][j] * coefficients[j];
    fitted[i] = f;
    residuals[i] = y[i] - f;
    sse += residuals[i] ** 2;
    sst += (y[i] - ybar) ** 2;
  }
  const df = n - p;
  const sigma2 = sse / df;
  const covariance = inv.map((row) => row.map((v) => v * sigma2));
  return {
    coefficients,
    covariance,
    se: covariance.map((row, j) => Math.sqrt(row[j])),
    fitted,
    residuals,
    df,
    sigma: Math.sqrt(sigma2),
    r2: sst > 0 ? 1 - sse / sst : NaN,
    n,
    p,
    xtxInverse: inv,
  };
}

/** Result of {@link olsCentred} and {@link olsFromMoments}. */
export interface OlsCentredFit {
  /** β₀ = ȳ − x̄ᵀβ. */
  intercept: number;
  /** β (one per column). */
  beta: Float64Array;
}

/**
 * Least squares with an intercept from the raw moments of the data: Σxxᵀ (upper triangle, p × p
 * row-major), Σx, Σxy, Σy and n. The centred cross products Σxxᵀ − n x̄x̄ᵀ and Σxy − n x̄ȳ are formed
 * and (X_cᵀX_c)β = X_cᵀy_c is solved by Cholesky factorisation; β₀ = ȳ − x̄ᵀβ (Golub & Van Loan,
 * Matrix Computations, 4th ed., §4.2 and §5.3). Lets a caller that can update the moments cheaply
 * (sliding windows) avoid the O(n p²) pass of {@link olsCentred}.
 *
 * @param sxx Σ x_a x_b for a ≤ b at [a·p + b] (the lower triangle is not read)
 * @param sx Σ x_a
 * @param sxy Σ x_a y
 * @param sy Σ y
 * @param n rows
 * @param p columns
 * @throws {RangeError} when n ≤ p or the centred design is singular (rank < p)
 */
export function olsFromMoments(
  sxx: ArrayLike<number>,
  sx: ArrayLike<number>,
  sxy: ArrayLike<number>,
  sy: number,
  n: number,
  p: number,
): OlsCentredFit {
  if (n <= p) throw new RangeError(`olsFromMoments: needs more rows (${n}) than columns (${p})`);
  const mx = Float64Array.from(sx, (v) => v / n);
  const my = sy / n;
  // centred cross products, lower triangle row-major: c[i·p + j] for j ≤ i
  const c = new Float64Array(p * p);
  const b = new Float64Array(p);
  let maxDiag = 0;
  for (let i = 0; i < p; i++) {
    b[i] = sxy[i] - n * mx[i] * my;
    for (let j = 0; j <= i; j++) c[i * p + j] = sxx[j * p + i] - n * mx[i] * mx[j];
    maxDiag = Math.max(maxDiag, c[i * p + i]);
  }
  // Cholesky–Banachiewicz C = LLᵀ (L lower, in place; rows are contiguous)
  for (let i = 0; i < p; i++) {
    const oi = i * p;
    for (let j = 0; j <= i; j++) {
      const oj = j * p;
      let v = c[oi + j];
      for (let k = 0; k < j; k++) v -= c[oi + k] * c[oj + k];
      if (j < i) c[oi + j] = v / c[oj + j];
      else {
        if (!(v > 1e-13 * maxDiag))
          throw new RangeError(`olsFromMoments: the centred design is singular at column ${i}`);
        c[oi + i] = Math.sqrt(v);
      }
    }
  }
  const z = new Float64Array(p); // Lz = b
  for (let i = 0; i < p; i++) {
    let v = b[i];
    for (let k = 0; k < i; k++) v -= c[i * p + k] * z[k];
    z[i] = v / c[i * p + i];
  }
  const beta = new Float64Array(p); // Lᵀβ = z
  for (let i = p - 1; i >= 0; i--) {
    let v = z[i];
    for (let k = i + 1; k < p; k++) v -= c[k * p + i] * beta[k];
    beta[i] = v / c[i * p + i];
  }
  let intercept = my;
  for (let j = 0; j < p; j++) intercept -= mx[j] * beta[j];
  return { intercept, beta };
}

/**
 * Least squares with an intercept, y = β₀ + Xβ + ε, for many rows and a few hundred columns: the
 * moments of X and y are summed and {@link olsFromMoments} solves the centred normal equations by
 * Cholesky factorisation (centring removes the intercept's collinearity with the columns). Equal,
 * in exact arithmetic, to {@link ols} with a column of 1 — and to a partial-least-squares
 * regression with as many components as columns when X has full column rank, which is how
 * `nowcastO3Pls` reproduces EPA's PLS ozone NowCast.
 *
 * @param x row-major n × p design (no intercept column)
 * @param n rows
 * @param p columns
 * @param y n responses
 * @throws {RangeError} when sizes disagree, n ≤ p, or the centred design is singular (rank < p)
 */
export function olsCentred(x: ArrayLike<number>, n: number, p: number, y: ArrayLike<number>): OlsCentredFit {
  if (x.length !== n * p) throw new RangeError(`olsCentred: ${x.length} design values for ${n} × ${p}`);
  if (y.length !== n) throw new RangeError(`olsCentred: ${y.length} responses for ${n} rows`);
  if (n <= p) throw new RangeError(`olsCentred: needs more rows (${n}) than columns (${p})`);
  const sxx = new Float64Array(p * p),
    sx = new Float64Array(p),
    sxy = new Float64Array(p);
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const o = i * p;
    sy += y[i];
    for (let j = 0; j < p; j++) {
      const xj = x[o + j];
      sx[j] += xj;
      sxy[j] += xj * y[i];
      for (let k = j; k < p; k++) sxx[j * p + k] += xj * x[o + k];
    }
  }
  return olsFromMoments(sxx, sx, sxy, sy, n, p);
}
