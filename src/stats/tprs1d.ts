import { householderQr } from "./qr";
import { absorbNullSpace } from "./tprs";
import { lanczosEigen, dotAt } from "./lanczos";
import { symmetricEigen } from "./symeigen";
import { penalisedGcvFit, type PenalisedFit } from "./gcvfit";

/**
 * The thin-plate spline kernel for d = 1 covariate and penalty order m = 2: η(r) = r³/12 (Wood
 * 2003, J. R. Statist. Soc. B 65:95–114, §2: for odd d, η_md(r) = Γ(d/2 − m) r^(2m−d) /
 * (2^(2m) π^(d/2) (m − 1)!); with d = 1, m = 2: Γ(−3/2) = 4√π/3, so η = r³/12). The penalty is
 * ∫ f''(x)² dx: the 1-D thin-plate spline is the natural cubic spline.
 * @param r distance (any unit; η has the unit cubed)
 */
export function tpsEta1d(r: number): number {
  const a = Math.abs(r);
  return (a * a * a) / 12;
}

/** Result of {@link thinPlateBasis1d}: a rank-k thin-plate regression spline basis in one covariate. */
export interface ThinPlateBasis1d {
  /** Basis dimension k. */
  k: number;
  /** Data rows n. */
  n: number;
  /** Distinct x values used as knots. */
  knots: number;
  /** Model matrix of the data rows, row-major n × k: k − 2 penalised columns, then 1, x − x̄. */
  X: Float64Array;
  /** Penalty matrix, row-major k × k (zero on the two null-space columns). */
  S: Float64Array;
  /** The centring of the covariate (mgcv's `shift`). */
  shift: number;
  /** The scaling after centring: the basis is built on (x − shift) · scale, so that |·| ≤ 1. */
  scale: number;
  /** Model matrix rows (m × k, row-major) at new points. */
  predictMatrix(x: ArrayLike<number>): Float64Array;
}

/**
 * Thin-plate regression spline basis of one covariate, m = 2 (Wood 2003, J. R. Statist. Soc. B
 * 65:95–114, §3; mgcv `s(x, bs = "tp")`, the default basis of `s(x)`): the distinct x are the
 * knots; E = [η(|xᵢ − xⱼ|)] ({@link tpsEta1d}) is reduced to its k largest-magnitude eigenpairs
 * Uₖ Dₖ ({@link lanczosEigen}); with T = [1, x] at the knots, the constraint Tᵀ Uₖ δ = 0 is
 * absorbed by Z, an orthonormal basis of the null space of (Uₖᵀ T)ᵀ; the basis is
 * [Uₖ Dₖ Z, T] at the knots, e(p)ᵀ Uₖ Z β_δ + t(p)ᵀ α at a new point p (e(p)ⱼ = η(|p − xⱼ|)), and
 * the penalty β_δᵀ Zᵀ Dₖ Z β_δ. The same construction as {@link thinPlateBasis} (two covariates)
 * with the 1-D kernel and null space. The covariate is centred (mgcv's `shift`) and divided by its
 * largest |x − x̄| (mgcv does not scale): E scales by c³ and T = [1, cx] keeps its span, so the
 * eigenvectors, Z and the basis' span are unchanged and the fit is the same — but the columns stay
 * within rounding of each other when x is in seconds since 1970 (E ~ 10²⁴ unscaled).
 * @param x the covariate, one value per data row (e.g. seconds since 1970 of each month)
 * @param k basis dimension (≥ 3, ≤ the number of distinct x; mgcv's `k`, default 10 in `s(x)`)
 * @throws {RangeError} when a value is not finite, k is not an integer ≥ 3, or there are fewer distinct x than k
 */
export function thinPlateBasis1d(x: ArrayLike<number>, k: number): ThinPlateBasis1d {
  const n = x.length;
  if (!(Number.isInteger(k) && k >= 3)) throw new RangeError(`thinPlateBasis1d: k must be an integer ≥ 3, got ${k}`);
  let mx = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`thinPlateBasis1d: x[${i}] is not finite`);
    mx += x[i];
  }
  mx /= n;
  let range = 0;
  for (let i = 0; i < n; i++) range = Math.max(range, Math.abs(x[i] - mx));
  const sc = range > 0 ? 1 / range : 1;
  const key = new Map<number, number>();
  const row = new Int32Array(n);
  const ku: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (x[i] - mx) * sc + 0;
    let j = key.get(a);
    if (j === undefined) {
      j = ku.length;
      key.set(a, j);
      ku.push(a);
    }
    row[i] = j;
  }
  const nu = ku.length;
  if (nu < k) throw new RangeError(`thinPlateBasis1d: ${nu} distinct x, fewer than the basis dimension k = ${k}`);
  const E = new Float64Array(nu * nu);
  for (let i = 0; i < nu; i++) for (let j = 0; j < i; j++) E[i * nu + j] = E[j * nu + i] = tpsEta1d(ku[i] - ku[j]);
  const eig = lanczosEigen(
    (q, out) => {
      for (let i = 0; i < nu; i++) out[i] = dotAt(E, i * nu, q, nu);
    },
    nu,
    k,
  );
  const T = new Float64Array(nu * 2); // [1, x] at the knots
  for (let i = 0; i < nu; i++) {
    T[i * 2] = 1;
    T[i * 2 + 1] = ku[i];
  }
  const { UZ, X1, S, kz } = absorbNullSpace(eig.vectors, eig.values, T, nu, k, 2);
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) X.set(X1.subarray(row[i] * k, row[i] * k + k), i * k);
  return {
    k,
    n,
    knots: nu,
    X,
    S,
    shift: mx,
    scale: sc,
    predictMatrix(px) {
      const m = px.length,
        out = new Float64Array(m * k);
      for (let p = 0; p < m; p++) {
        if (!Number.isFinite(px[p])) throw new RangeError(`thinPlateBasis1d.predictMatrix: x[${p}] is not finite`);
        const a = (px[p] - mx) * sc,
          o = p * k;
        for (let j = 0; j < nu; j++) {
          const e = tpsEta1d(a - ku[j]);
          if (e === 0) continue;
          for (let c = 0; c < kz; c++) out[o + c] += e * UZ[j * kz + c];
        }
        out[o + kz] = 1;
        out[o + kz + 1] = a;
      }
      return out;
    },
  };
}

/** Options of {@link gamSmooth1d}. */
export interface GamSmooth1dOptions {
  /** Basis dimension (mgcv `k`, default 10). */
  k?: number;
  /**
   * Penalise the null space too (mgcv `select = TRUE`, Marra & Wood 2011, Comput. Stat. Data
   * Anal. 55:2372–2387): a second penalty, the projector onto the null space of the smooth's
   * penalty after the sum-to-zero constraint (here the linear term), with its own smoothing
   * parameter. Default false.
   */
  select?: boolean;
  /**
   * `select` only: start the search at these log smoothing parameters (e.g. `rho` of a fit to
   * similar data, as a bootstrap refit does) instead of scanning the log λ plane first.
   */
  start?: readonly number[];
}

/** Result of {@link gamSmooth1d}. */
export interface GamSmooth1d {
  /** Fitted values at the data (same order as the input). */
  fitted: Float64Array;
  /** Residuals y − fitted. */
  residuals: Float64Array;
  /** Effective degrees of freedom of the whole model (intercept included). */
  edf: number;
  /** Smoothing parameters, one per penalty (of the penalties rescaled as mgcv does: ‖S‖ = ‖X‖∞²). */
  lambdas: number[];
  /** log of `lambdas`. */
  rho: number[];
  /** Scale σ̂² = RSS/(n − edf). */
  scale: number;
  /** GCV score n·RSS/(n − edf)². */
  gcv: number;
  /** Prediction and its standard error (Bayesian posterior, mgcv `predict(..., se.fit = TRUE)`) at new x. */
  predict(x: ArrayLike<number>): { fit: Float64Array; se: Float64Array };
}

/**
 * The model mgcv fits as `gam(y ~ s(x, k), select)` with the default Gaussian family and
 * `method = "GCV.Cp"` (mgcv 1.8.41; Wood 2017, *Generalized Additive Models*, 2nd ed.,
 * chapters 4–6): an intercept plus a thin-plate regression spline of x ({@link thinPlateBasis1d}) under
 * mgcv's identifiability constraint Σᵢ f(xᵢ) = 0 (absorbed by a Householder QR of the column sums,
 * mgcv `absorb.cons`); each penalty is rescaled as mgcv's `scale.penalty` (‖S‖₁ = ‖X‖∞²); the
 * smoothing parameter(s) minimise GCV n·RSS/(n − tr A)² (γ = 1) — one by {@link penalisedGcvFit}'s
 * scan; two (`select`) by a scan of the log λ plane (steps of 2 over ±16) refined by Nelder–Mead
 * (Nelder & Mead 1965, Comput. J. 7:308) to 10⁻¹⁰ of the score — and the standard errors are
 * those of the Bayesian posterior covariance σ̂²(XᵀX + Σλⱼ Sⱼ)⁻¹ (Wood 2006 §4.8; mgcv's `Vp`).
 * @param x covariate (finite), y responses (finite), same length
 * @throws {RangeError} when x and y differ in length, a value is not finite, there are fewer distinct x than k (or n ≤ k), or `start` is not 2 finite numbers
 */
export function gamSmooth1d(x: ArrayLike<number>, y: ArrayLike<number>, opts: GamSmooth1dOptions = {}): GamSmooth1d {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`gamSmooth1d: x has ${n} values, y ${y.length}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new RangeError(`gamSmooth1d: y[${i}] is not finite`);
  const k = opts.k ?? 10;
  const basis = thinPlateBasis1d(x, k);
  if (!(n > k)) throw new RangeError(`gamSmooth1d: needs more than k = ${k} rows, got ${n}`);
  // sum-to-zero constraint: C = 1ᵀX (1 × k); Zc (k × (k − 1)) spans its null space
  const C = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) C[j] += basis.X[i * k + j];
  const Zc = householderQr(C, k, 1).qColumns(1);
  const q = k - 1,
    p = k; // intercept + q constrained smooth columns
  const constrain = (B: Float64Array, rows: number) => {
    const out = new Float64Array(rows * p);
    for (let i = 0; i < rows; i++) {
      out[i * p] = 1;
      for (let c = 0; c < q; c++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += B[i * k + j] * Zc[j * q + c];
        out[i * p + 1 + c] = s;
      }
    }
    return out;
  };
  const Xm = constrain(basis.X, n);
  // S' = Zcᵀ S Zc (q × q), padded to p × p (the intercept is not penalised)
  const Sq = new Float64Array(q * q);
  for (let a = 0; a < q; a++)
    for (let b = 0; b < q; b++) {
      let s = 0;
      for (let i = 0; i < k; i++) {
        const zi = Zc[i * q + a];
        if (zi === 0) continue;
        for (let j = 0; j < k; j++) s += zi * basis.S[i * k + j] * Zc[j * q + b];
      }
      Sq[a * q + b] = s;
    }
  for (let a = 0; a < q; a++)
    for (let b = 0; b < a; b++) Sq[a * q + b] = Sq[b * q + a] = (Sq[a * q + b] + Sq[b * q + a]) / 2;
  const penalties: Float64Array[] = [Sq];
  if (opts.select) {
    // mgcv smoothCon(null.space.penalty = TRUE): eigenvectors of S with eigenvalues < max · ε^0.66
    const es = symmetricEigen(Sq, q);
    const tol = es.values[0] * Math.pow(2.220446049250313e-16, 0.66);
    const Sf = new Float64Array(q * q);
    for (let c = 0; c < q; c++) {
      if (!(es.values[c] < tol)) continue;
      for (let a = 0; a < q; a++)
        for (let b = 0; b < q; b++) Sf[a * q + b] += es.vectors[a * q + c] * es.vectors[b * q + c];
    }
    penalties.push(Sf);
  }
  // mgcv scale.penalty (smoothCon, before the constraint): S / (‖S‖₁ / ‖X‖∞²); the null-space penalty is not rescaled
  let xinf = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.abs(basis.X[i * k + j]);
    xinf = Math.max(xinf, s);
  }
  let norm1 = 0;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += Math.abs(basis.S[a * k + c]);
    norm1 = Math.max(norm1, s);
  }
  const factor = (xinf * xinf) / norm1;
  const scaled = penalties.map((Sj, idx) => (idx > 0 ? Sj : Sj.map((v) => v * factor)));
  const pad = (Sj: Float64Array, w: number, out: Float64Array) => {
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) out[(a + 1) * p + b + 1] += w * Sj[a * q + b];
  };
  let fit: PenalisedFit;
  let lambdas: number[];
  if (scaled.length === 1) {
    const S = new Float64Array(p * p);
    pad(scaled[0], 1, S);
    fit = penalisedGcvFit(Xm, n, p, y, S);
    lambdas = [fit.lambda];
  } else {
    const S = new Float64Array(p * p);
    const at = (rho: number[]) => {
      S.fill(0);
      for (let j = 0; j < scaled.length; j++) pad(scaled[j], Math.exp(rho[j]), S);
      return penalisedGcvFit(Xm, n, p, y, S, { lambda: 1 });
    };
    const score = (rho: number[]) => at(rho).gcv;
    let best = [0, 0],
      bestV = Infinity;
    if (opts.start) {
      if (opts.start.length !== 2 || !opts.start.every(Number.isFinite))
        throw new RangeError(`gamSmooth1d: start must hold 2 finite log smoothing parameters`);
      best = opts.start.slice();
    } else
      for (let a = -16; a <= 16; a += 2)
        for (let b = -16; b <= 16; b += 2) {
          const v = score([a, b]);
          if (v < bestV) {
            bestV = v;
            best = [a, b];
          }
        }
    const rho = nelderMead(score, best, opts.start ? 0.5 : 1, 1e-10);
    fit = at(rho);
    lambdas = rho.map(Math.exp);
  }
  const beta = fit.coefficients,
    G = fit.covarianceFactor;
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = y[i] - fit.fitted[i];
  return {
    fitted: fit.fitted,
    residuals,
    edf: fit.edf,
    lambdas,
    rho: lambdas.map(Math.log),
    scale: fit.scale,
    gcv: fit.gcv,
    predict(px) {
      const m = px.length;
      const Xp = constrain(basis.predictMatrix(px), m);
      const f = new Float64Array(m),
        se = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += Xp[i * p + j] * beta[j];
        f[i] = s;
        let v = 0;
        for (let c = 0; c < p; c++) {
          let g = 0;
          for (let j = 0; j < p; j++) g += Xp[i * p + j] * G[j * p + c];
          v += g * g;
        }
        se[i] = Math.sqrt(fit.scale * v);
      }
      return { fit: f, se };
    },
  };
}

/** Nelder–Mead simplex minimisation (standard coefficients 1, 2, 0.5, 0.5), until the simplex's score range ≤ tol·(|best| + tol). */
function nelderMead(f: (x: number[]) => number, x0: number[], step: number, tol: number): number[] {
  const d = x0.length;
  let pts = [x0.slice()];
  for (let i = 0; i < d; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  let vals = pts.map(f);
  for (let it = 0; it < 2000; it++) {
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
    pts = order.map((i) => pts[i]);
    vals = order.map((i) => vals[i]);
    if (vals[d] - vals[0] <= tol * (Math.abs(vals[0]) + tol)) break;
    const c = new Array(d).fill(0);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) c[j] += pts[i][j] / d;
    const along = (t: number) => c.map((cj, j) => cj + t * (pts[d][j] - cj));
    const r = along(-1),
      fr = f(r);
    if (fr < vals[0]) {
      const e = along(-2),
        fe = f(e);
      if (fe < fr) [pts[d], vals[d]] = [e, fe];
      else [pts[d], vals[d]] = [r, fr];
    } else if (fr < vals[d - 1]) [pts[d], vals[d]] = [r, fr];
    else {
      const cc = fr < vals[d] ? along(-0.5) : along(0.5),
        fc = f(cc);
      if (fc < Math.min(fr, vals[d])) [pts[d], vals[d]] = [cc, fc];
      else
        for (let i = 1; i <= d; i++) {
          pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j]));
          vals[i] = f(pts[i]);
        }
    }
  }
  return pts[vals.indexOf(Math.min(...vals))];
}
