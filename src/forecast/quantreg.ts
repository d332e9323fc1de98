/** Result of {@link quantileRegression}. */
export interface QuantileRegressionResult {
  /** Coefficients β (one per design column). */
  coefficients: number[];
  /** Quantile level τ. */
  tau: number;
  /** Iterations used. */
  iterations: number;
  /** Objective Σ ρ_τ(y − Xβ) at the solution. */
  objective: number;
}

/** Check (pinball) loss ρ_τ(u) = u·(τ − 1[u < 0]) of Koenker & Bassett (1978). */
export function checkLoss(u: number, tau: number): number {
  return u * (tau - (u < 0 ? 1 : 0));
}

function solve(a: number[][], b: number[]): number[] {
  const p = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    if (Math.abs(d) < 1e-300) throw new RangeError("quantileRegression: the design matrix is singular");
    for (let j = c; j <= p; j++) m[c][j] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = c; j <= p; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row[p]);
}

/**
 * Linear quantile regression: β̂(τ) = argmin_β Σ_i ρ_τ(y_i − x_iᵀβ), ρ_τ(u) = u(τ − I(u < 0))
 * (Koenker, R. & Bassett, G., 1978, "Regression Quantiles", Econometrica 46(1), 33–50, eq. 3.1).
 * Solved by iteratively reweighted least squares (Schlossmacher, E. J., 1973, "An iterative
 * technique for absolute deviations curve fitting", JASA 68, 857–859, extended to the asymmetric
 * loss): weights w_i = (τ if r_i ≥ 0 else 1 − τ) / max(|r_i|, ε), until the relative change of the
 * objective is below `tol`. IRLS approaches the linear-programming solution from the smooth side;
 * with ε = 1e-6 (in the units of y) the objective is within a few ε·n of the LP optimum.
 *
 * @param x design rows (include a column of 1 for an intercept)
 * @param y responses
 * @param tau quantile level in (0, 1)
 * @throws {RangeError} when τ is outside (0, 1), x and y differ in length or width, there are fewer rows than columns, a value is not finite, or the design is singular
 */
export function quantileRegression(
  x: ArrayLike<number>[],
  y: ArrayLike<number>,
  tau: number,
  opts: { maxIterations?: number; tol?: number; epsilon?: number } = {},
): QuantileRegressionResult {
  if (!(tau > 0 && tau < 1)) throw new RangeError(`quantileRegression: tau must be in (0, 1), got ${tau}`);
  const n = y.length;
  if (x.length !== n) throw new RangeError(`quantileRegression: ${x.length} design rows for ${n} responses`);
  if (n === 0) throw new RangeError("quantileRegression: no data");
  const p = x[0].length;
  if (n < p)
    throw new RangeError(`quantileRegression: needs at least as many observations (${n}) as coefficients (${p})`);
  for (let i = 0; i < n; i++) {
    if (x[i].length !== p)
      throw new RangeError(`quantileRegression: design row ${i} has ${x[i].length} columns, expected ${p}`);
    if (!Number.isFinite(y[i])) throw new RangeError(`quantileRegression: y[${i}] is not finite`);
    for (let j = 0; j < p; j++)
      if (!Number.isFinite(x[i][j])) throw new RangeError(`quantileRegression: x[${i}][${j}] is not finite`);
  }
  const maxIt = opts.maxIterations ?? 200;
  const tol = opts.tol ?? 1e-10;
  const eps = opts.epsilon ?? 1e-6;
  const w = new Float64Array(n).fill(1);
  let beta: number[] = new Array(p).fill(0);
  let prev = Infinity;
  let it = 0;
  let obj = Infinity;
  for (it = 1; it <= maxIt; it++) {
    const a = Array.from({ length: p }, () => new Array(p).fill(0));
    const b = new Array(p).fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const wi = w[i];
      for (let j = 0; j < p; j++) {
        const v = wi * xi[j];
        b[j] += v * y[i];
        for (let k = j; k < p; k++) a[j][k] += v * xi[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) a[j][k] = a[k][j];
    beta = solve(a, b);
    obj = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let j = 0; j < p; j++) f += x[i][j] * beta[j];
      const r = y[i] - f;
      obj += checkLoss(r, tau);
      w[i] = (r >= 0 ? tau : 1 - tau) / Math.max(Math.abs(r), eps);
    }
    if (Math.abs(prev - obj) <= tol * Math.max(1, Math.abs(obj))) break;
    prev = obj;
  }
  return { coefficients: beta, tau, iterations: Math.min(it, maxIt), objective: obj };
}
