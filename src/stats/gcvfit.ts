import { householderQr, solveUpperTriangular } from "./qr";
import { symmetricEigen } from "./symeigen";

/** Options of {@link penalisedGcvFit}. */
export interface PenalisedFitOptions {
  /** Prior weights wᵢ > 0 (default 1): the fit minimises Σ wᵢ (yᵢ − μᵢ)² + λ βᵀSβ. */
  weights?: ArrayLike<number>;
  /** A fixed smoothing parameter λ ≥ 0 instead of the GCV choice. */
  lambda?: number;
}

/** Result of {@link penalisedGcvFit}. */
export interface PenalisedFit {
  coefficients: Float64Array;
  /** Fitted values μ = Xβ. */
  fitted: Float64Array;
  /** The smoothing parameter λ (of the penalty as given). */
  lambda: number;
  /** Effective degrees of freedom tr(A). */
  edf: number;
  /** Weighted residual sum of squares Σ wᵢ(yᵢ − μᵢ)². */
  rss: number;
  /** Scale estimate σ̂² = rss / (n − edf) (mgcv's `scale` for a Gaussian model). */
  scale: number;
  /** GCV score n · rss / (n − edf)² at λ. */
  gcv: number;
  /** GCV score at any λ ≥ 0 (for checks and plots). */
  gcvAt(lambda: number): number;
  /** Bayesian posterior covariance factor: Vβ = scale · G Gᵀ, G row-major p × p (Wood 2006 §4.8). */
  covarianceFactor: Float64Array;
}

/**
 * Penalised least squares with one quadratic penalty, min Σ wᵢ(yᵢ − xᵢᵀβ)² + λ βᵀSβ, with λ
 * chosen by generalised cross-validation (Craven & Wahba 1979, Numer. Math. 31:377–403):
 * λ minimises V(λ) = n Σ wᵢ(yᵢ − μᵢ)² / (n − tr A)², the score mgcv's `gam` minimises for a
 * Gaussian model by default (`method = "GCV.Cp"`, unknown scale, γ = 1; Wood 2017, *Generalized
 * Additive Models*, 2nd ed., §4.4.3 and §6.2.3). Computation as Wood (2017, §6.2.1, one
 * smoothing parameter): √W X = QR, R⁻ᵀ S R⁻¹ = U Λ Uᵀ, so that for every λ
 * tr A = Σ 1/(1 + λΛⱼ) and rss = ‖√W y‖² − ‖Qᵀ√W y‖² + Σ (λΛⱼ/(1 + λΛⱼ))² (UᵀQᵀ√W y)ⱼ²; V is
 * scanned on a grid of log λ (steps of 0.2, over λΛ from 10⁻⁹ to 10⁹) and refined by golden
 * section to 10⁻⁸ in log λ. The posterior covariance is scale · (XᵀWX + λS)⁻¹.
 * @param X row-major n × p model matrix (n > p)
 * @param n rows
 * @param p columns
 * @param y responses (n)
 * @param S row-major p × p penalty (symmetric, positive semi-definite)
 * @throws {RangeError} when sizes do not match, a weight is not positive, a value is not finite, λ is negative, or X is rank deficient
 */
export function penalisedGcvFit(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  S: ArrayLike<number>,
  opts: PenalisedFitOptions = {},
): PenalisedFit {
  if (!(n > p) || X.length !== n * p || y.length !== n || S.length !== p * p)
    throw new RangeError(`penalisedGcvFit: need X n × p with n > p, y of n, S p × p (n = ${n}, p = ${p})`);
  const w = opts.weights;
  if (w && w.length !== n) throw new RangeError(`penalisedGcvFit: weights must have n = ${n} entries`);
  const sw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    if (!(wi > 0) || !Number.isFinite(wi)) throw new RangeError(`penalisedGcvFit: weight ${i} must be > 0, got ${wi}`);
    if (!Number.isFinite(y[i])) throw new RangeError(`penalisedGcvFit: y[${i}] is not finite`);
    sw[i] = Math.sqrt(wi);
  }
  const Xw = new Float64Array(n * p),
    yw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yw[i] = sw[i] * y[i];
    for (let j = 0; j < p; j++) Xw[i * p + j] = sw[i] * X[i * p + j];
  }
  const qr = householderQr(Xw, n, p);
  const R = qr.r;
  let rmax = 0;
  for (let j = 0; j < p; j++) rmax = Math.max(rmax, Math.abs(R[j * p + j]));
  for (let j = 0; j < p; j++)
    if (!(Math.abs(R[j * p + j]) > 1e-12 * rmax))
      throw new RangeError(`penalisedGcvFit: X is rank deficient (column ${j} depends on the others)`);
  const qty = qr.qtMul(yw);
  let yy = 0,
    ff = 0;
  for (let i = 0; i < n; i++) yy += yw[i] * yw[i];
  for (let j = 0; j < p; j++) ff += qty[j] * qty[j];
  const rss0 = Math.max(0, yy - ff);
  // Rinv (p × p, upper), column by column
  const Rinv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    e.fill(0);
    e[c] = 1;
    const col = solveUpperTriangular(R, e);
    for (let i = 0; i < p; i++) Rinv[i * p + c] = col[i];
  }
  // M = Rinv' S Rinv
  const SR = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let l = 0; l < p; l++) {
      const s = S[i * p + l];
      if (s === 0) continue;
      for (let j = l; j < p; j++) SR[i * p + j] += s * Rinv[l * p + j];
    }
  const M = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let i = 0; i <= a; i++) s += Rinv[i * p + a] * SR[i * p + b];
      M[a * p + b] = s;
    }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) M[a * p + b] = M[b * p + a];
  const eig = symmetricEigen(M, p);
  const lam = eig.values.map((v) => Math.max(0, v));
  const f = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += eig.vectors[i * p + j] * qty[i];
    f[j] = s;
  }
  const parts = (l: number) => {
    let tr = 0,
      rss = rss0;
    for (let j = 0; j < p; j++) {
      const d = 1 + l * lam[j];
      tr += 1 / d;
      const r = (l * lam[j]) / d;
      rss += r * r * f[j] * f[j];
    }
    return { tr, rss, gcv: (n * rss) / ((n - tr) * (n - tr)) };
  };
  let lambda: number;
  if (opts.lambda !== undefined) {
    if (!(opts.lambda >= 0)) throw new RangeError(`penalisedGcvFit: lambda must be ≥ 0, got ${opts.lambda}`);
    lambda = opts.lambda;
  } else {
    let lmax = 0,
      lmin = Infinity;
    for (const v of lam) {
      if (v > lmax) lmax = v;
      if (v > 1e-12 * lam[0] && v < lmin) lmin = v;
    }
    if (!(lmax > 0)) lambda = 0;
    else {
      const lo = Math.log(1e-9 / lmax),
        hi = Math.log(1e9 / lmin);
      let best = lo,
        bestV = Infinity;
      for (let r = lo; r <= hi; r += 0.2) {
        const v = parts(Math.exp(r)).gcv;
        if (v < bestV) {
          bestV = v;
          best = r;
        }
      }
      let a = best - 0.2,
        b = best + 0.2;
      const g = (Math.sqrt(5) - 1) / 2;
      let c = b - g * (b - a),
        d = a + g * (b - a);
      let fc = parts(Math.exp(c)).gcv,
        fd = parts(Math.exp(d)).gcv;
      while (b - a > 1e-8) {
        if (fc < fd) {
          b = d;
          d = c;
          fd = fc;
          c = b - g * (b - a);
          fc = parts(Math.exp(c)).gcv;
        } else {
          a = c;
          c = d;
          fc = fd;
          d = a + g * (b - a);
          fd = parts(Math.exp(d)).gcv;
        }
      }
      lambda = Math.exp((a + b) / 2);
    }
  }
  const pt = parts(lambda);
  // β = Rinv U diag(1/(1+λΛ)) f ; G = Rinv U diag((1+λΛ)^(-1/2))
  const t = new Float64Array(p);
  const G = new Float64Array(p * p);
  const UD = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const d = 1 + lambda * lam[j];
    t[j] = f[j] / d;
    const sd = 1 / Math.sqrt(d);
    for (let i = 0; i < p; i++) UD[i * p + j] = eig.vectors[i * p + j] * sd;
  }
  const ut = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += eig.vectors[i * p + j] * t[j];
    ut[i] = s;
  }
  const beta = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let l = i; l < p; l++) s += Rinv[i * p + l] * ut[l];
    beta[i] = s;
  }
  for (let i = 0; i < p; i++)
    for (let l = i; l < p; l++) {
      const r = Rinv[i * p + l];
      if (r === 0) continue;
      for (let j = 0; j < p; j++) G[i * p + j] += r * UD[l * p + j];
    }
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += X[i * p + j] * beta[j];
    fitted[i] = s;
  }
  return {
    coefficients: beta,
    fitted,
    lambda,
    edf: pt.tr,
    rss: pt.rss,
    scale: pt.rss / (n - pt.tr),
    gcv: pt.gcv,
    gcvAt: (l: number) => parts(l).gcv,
    covarianceFactor: G,
  };
}
