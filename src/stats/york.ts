import { median } from "./median";
import { weightedLine } from "./weighted";

/** Result of {@link yorkRegression}. */
export interface YorkResult {
  /** Intercept a (unit of y) and slope b (unit of y per unit of x). */
  intercept: number;
  slope: number;
  /** Standard errors σ_a, σ_b (York et al. 2004 eqs. 13a, 13b). */
  interceptSe: number;
  slopeSe: number;
  /** Iterations of the slope update; `converged` false when the limit was reached first. */
  iterations: number;
  converged: boolean;
}

/**
 * Straight-line fit with errors in both coordinates, York, D., Evensen, N. M., Martínez, M. L. &
 * De Basabe Delgado, J. (2004), "Unified equations for the slope, intercept, and standard errors
 * of the best straight line", Am. J. Phys. 72(3):367–375, doi:10.1119/1.1632486, the algorithm of
 * their Section III: ω(X_i) = 1/σ(X_i)², ω(Y_i) = 1/σ(Y_i)², α_i = √(ω(X_i)ω(Y_i)),
 * W_i = ω(X_i)ω(Y_i)/(ω(X_i) + b²ω(Y_i) − 2b·r_i·α_i);
 * X̄ = ΣW_iX_i/ΣW_i, Ȳ likewise, U_i = X_i − X̄, V_i = Y_i − Ȳ,
 * β_i = W_i[U_i/ω(Y_i) + bV_i/ω(X_i) − (bU_i + V_i)r_i/α_i], b = ΣW_iβ_iV_i / ΣW_iβ_iU_i,
 * iterated from the ordinary least-squares slope until |Δb| ≤ `tolerance`; then a = Ȳ − bX̄,
 * x_i = X̄ + β_i, ū = x_i − x̄, σ_b² = 1/ΣW_iu_i², σ_a² = 1/ΣW_i + x̄²σ_b².
 * (openair's `YorkFit`, used by polarPlot's "york_slope", is this algorithm with tolerance 1e-7
 * and at most 100 iterations, the defaults here.)
 * @param x abscissae X_i (unit of x)
 * @param y ordinates Y_i (unit of y)
 * @param sx standard uncertainties σ(X_i) > 0 (unit of x)
 * @param sy standard uncertainties σ(Y_i) > 0 (unit of y)
 * @param opts r: correlation r_i of the errors of X_i and Y_i (a number for all, default 0); tolerance (unit of the slope), maxIterations; initialSlope (default: the ordinary least-squares slope; the iteration can have more than one fixed point, so the start matters)
 * @throws {RangeError} when the lengths differ, there are fewer than 3 points, a value is not finite, an uncertainty is not > 0, or r is outside [−1, 1]
 */
export function yorkRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  sx: ArrayLike<number>,
  sy: ArrayLike<number>,
  opts: { r?: number | ArrayLike<number>; tolerance?: number; maxIterations?: number; initialSlope?: number } = {},
): YorkResult {
  const n = x.length;
  if (y.length !== n || sx.length !== n || sy.length !== n)
    throw new RangeError(
      `yorkRegression: x (${n}), y (${y.length}), sx (${sx.length}), sy (${sy.length}) differ in length`,
    );
  if (n < 3) throw new RangeError(`yorkRegression: needs at least 3 points, got ${n}`);
  const wx = new Float64Array(n),
    wy = new Float64Array(n),
    ri = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`yorkRegression: point ${i} is not finite`);
    if (!(sx[i] > 0) || !(sy[i] > 0) || !Number.isFinite(sx[i]) || !Number.isFinite(sy[i]))
      throw new RangeError(
        `yorkRegression: uncertainties of point ${i} must be finite and > 0, got ${sx[i]}, ${sy[i]}`,
      );
    wx[i] = 1 / (sx[i] * sx[i]);
    wy[i] = 1 / (sy[i] * sy[i]);
    const r = opts.r === undefined ? 0 : typeof opts.r === "number" ? opts.r : opts.r[i];
    if (!(r >= -1 && r <= 1)) throw new RangeError(`yorkRegression: r must be in [−1, 1], got ${r}`);
    ri[i] = r;
  }
  const tol = opts.tolerance ?? 1e-7,
    maxIt = opts.maxIterations ?? 100;
  const W = new Float64Array(n),
    B = new Float64Array(n);
  let xb = 0,
    yb = 0;
  const step = (b: number): number => {
    let sw = 0,
      swx = 0,
      swy = 0;
    for (let i = 0; i < n; i++) {
      const al = Math.sqrt(wx[i] * wy[i]);
      W[i] = (wx[i] * wy[i]) / (wx[i] + b * b * wy[i] - 2 * b * ri[i] * al);
      sw += W[i];
      swx += W[i] * x[i];
      swy += W[i] * y[i];
    }
    xb = swx / sw;
    yb = swy / sw;
    let top = 0,
      bot = 0;
    for (let i = 0; i < n; i++) {
      const al = Math.sqrt(wx[i] * wy[i]);
      const u = x[i] - xb,
        v = y[i] - yb;
      B[i] = W[i] * (u / wy[i] + (b * v) / wx[i] - ((b * u + v) * ri[i]) / al);
      top += W[i] * B[i] * v;
      bot += W[i] * B[i] * u;
    }
    return top / bot;
  };
  let b = opts.initialSlope ?? weightedLine(x, y, new Float64Array(n).fill(1)).slope;
  let it = 0,
    converged = false;
  while (it < maxIt) {
    it++;
    const nb = step(b);
    const d = Math.abs(nb - b);
    b = nb;
    if (!(d > tol)) {
      converged = Number.isFinite(b);
      break;
    }
  }
  step(b); // W, X̄, Ȳ, β at the final slope (York's steps 8–9)
  const a = yb - b * xb;
  let sw = 0,
    swx = 0;
  for (let i = 0; i < n; i++) {
    sw += W[i];
    swx += W[i] * (xb + B[i]);
  }
  const xbar = swx / sw;
  let su = 0;
  for (let i = 0; i < n; i++) {
    const u = xb + B[i] - xbar;
    su += W[i] * u * u;
  }
  const slopeSe = Math.sqrt(1 / su);
  return {
    intercept: a,
    slope: b,
    interceptSe: Math.sqrt(1 / sw + xbar * xbar * slopeSe * slopeSe),
    slopeSe,
    iterations: it,
    converged,
  };
}

/** Result of {@link huberRegression}. */
export interface HuberResult {
  /** Intercept (unit of y) and slope (unit of y per unit of x). */
  intercept: number;
  slope: number;
  /** Robust scale s of the (√w-scaled) residuals at the last iteration (MAD/0.6745). */
  scale: number;
  iterations: number;
  converged: boolean;
}

/**
 * Straight-line Huber M-estimate y = a + b·x by iteratively reweighted least squares, as R's
 * `MASS::rlm(y ~ x, weights = w, method = "M")` with its defaults (Venables, W. N. & Ripley, B. D.
 * (2002), Modern Applied Statistics with S, 4th ed., Springer, §6.5; Huber, P. J. (1964), "Robust
 * estimation of a location parameter", Ann. Math. Stat. 35:73–101): case weights w of the
 * "inv.var" kind (rows scaled by √w), start from weighted least squares, then repeat
 * s = median|r_i|/0.6745 of the scaled residuals r_i = √w_i(y_i − a − bx_i),
 * ψ weights h_i = min(1, k·s/|r_i|) with k = 1.345, and weighted least squares with weights h_i·w_i,
 * until √(Σ(r_old − r_new)²/Σr_old²) ≤ `tolerance` (1e-4) or `maxIterations` (20) passes. openair's
 * polarPlot "robust_slope" calls exactly this.
 * @param x predictor (unit of x)
 * @param y response (unit of y)
 * @param opts weights (≥ 0, default 1), k (default 1.345), tolerance, maxIterations
 * @throws {RangeError} when the lengths differ, there are fewer than 2 points, a value is not finite, or a weight is negative
 */
export function huberRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: { weights?: ArrayLike<number>; k?: number; tolerance?: number; maxIterations?: number } = {},
): HuberResult {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`huberRegression: x has ${n} values, y has ${y.length}`);
  if (n < 2) throw new RangeError(`huberRegression: needs at least 2 points, got ${n}`);
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`huberRegression: point ${i} is not finite`);
  const w = opts.weights ?? new Float64Array(n).fill(1);
  if (w.length !== n) throw new RangeError(`huberRegression: ${n} points, ${w.length} weights`);
  const k = opts.k ?? 1.345,
    tol = opts.tolerance ?? 1e-4,
    maxIt = opts.maxIterations ?? 20;
  let line = weightedLine(x, y, w);
  const sq = Float64Array.from(w, Math.sqrt);
  const resid = (l: { intercept: number; slope: number }) =>
    Float64Array.from({ length: n }, (_, i) => sq[i] * (y[i] - l.intercept - l.slope * x[i]));
  let r = resid(line);
  const h = new Float64Array(n);
  let scale = NaN,
    it = 0,
    converged = false;
  for (it = 1; it <= maxIt; it++) {
    scale = median(Float64Array.from(r, Math.abs)) / 0.6745;
    if (scale === 0) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) h[i] = Math.min(1, k / Math.abs(r[i] / scale)) * w[i];
    line = weightedLine(x, y, h);
    const r2 = resid(line);
    let num = 0,
      den = 0;
    for (let i = 0; i < n; i++) {
      num += (r[i] - r2[i]) ** 2;
      den += r[i] * r[i];
    }
    r = r2;
    if (Math.sqrt(num / Math.max(1e-20, den)) <= tol) {
      converged = true;
      break;
    }
  }
  return { intercept: line.intercept, slope: line.slope, scale, iterations: Math.min(it, maxIt), converged };
}
