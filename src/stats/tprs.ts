import { householderQr } from "./qr";
import { lanczosEigen, dotAt } from "./lanczos";

/**
 * The thin-plate spline kernel for d = 2 covariates and penalty order m = 2:
 * η(r) = r² log(r) / (8π), η(0) = 0 (Wood 2003, J. R. Statist. Soc. B 65:95–114, §2, with
 * η_md(r) = (−1)^(m+1+d/2) r^(2m−d) log(r) / (2^(2m−1) π^(d/2) (m−1)! (m−d/2)!) for even d; the
 * same constant as mgcv's `eta_const`, src/tprs.c: (−1)^4 / (2³ π¹ 1! 1!) = 1/(8π)).
 * @param r distance (any length unit; η has the unit squared)
 */
export function tpsEta(r: number): number {
  return r > 0 ? (r * r * Math.log(r)) / (8 * Math.PI) : 0;
}

/** η from the squared distance d² (no square root: d² log(d²) / (16π)). */
function etaSq(d2: number): number {
  return d2 > 0 ? (d2 * Math.log(d2)) / (16 * Math.PI) : 0;
}

/** Result of {@link thinPlateBasis}: a rank-k thin-plate regression spline basis in (x, y). */
export interface ThinPlateBasis {
  /** Basis dimension k (coefficients per fit). */
  k: number;
  /** Data rows n. */
  n: number;
  /** Distinct (x, y) locations used as knots. */
  knots: number;
  /** Model matrix of the data rows, row-major n × k: k − 3 penalised columns, then 1, x − x̄, y − ȳ. */
  X: Float64Array;
  /** Penalty matrix, row-major k × k (zero on the three null-space columns). */
  S: Float64Array;
  /** The centring of the covariates (mgcv's `shift`): x̄, ȳ. */
  shift: [number, number];
  /** The k eigenvalues of the kernel matrix E kept (largest |λ| first). */
  eigenvalues: Float64Array;
  /** Lanczos steps taken. */
  lanczosSteps: number;
  /** Model matrix rows (m × k, row-major) at new points. */
  predictMatrix(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array;
  /** Σⱼ Xⱼ(p) βⱼ at new points, without forming the model matrix (cost m × knots). */
  predict(beta: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): Float64Array;
}

/**
 * Thin-plate regression spline basis of two covariates, m = 2 (Wood 2003, J. R. Statist. Soc. B
 * 65:95–114, §3; mgcv `smooth.construct.tp.smooth.spec` and `tprs_setup`, src/tprs.c): the
 * distinct data locations are the knots; E = [η(‖xᵢ − xⱼ‖)] (see {@link tpsEta}) is reduced to
 * its k largest-magnitude eigenpairs Uₖ Dₖ ({@link lanczosEigen}); with T = [1, x, y] at the
 * knots, the constraint Tᵀ Uₖ δ = 0 is absorbed by Z, an orthonormal basis of the null space of
 * (Uₖᵀ T)ᵀ (Householder QR); the basis is f = [Uₖ Dₖ Z, T] (β_δ, α) at the knots,
 * e(p)ᵀ Uₖ Z β_δ + t(p)ᵀ α at a new point p, e(p)ⱼ = η(‖p − xⱼ‖), and the penalty is
 * β_δᵀ Zᵀ Dₖ Z β_δ. Covariates are centred first (mgcv's `shift`), which changes nothing but the
 * rounding. Differences from mgcv: no column rescaling (it is transparent), and no knot
 * subsampling — mgcv uses a random 2000 of the distinct locations when there are more than
 * 2000 (`max.knots`, seed 1); this function uses all of them (callers that must match mgcv
 * beyond 2000 locations cannot).
 * @param x first covariate, one value per data row
 * @param y second covariate (same unit as x: the spline is isotropic)
 * @param k basis dimension (≥ 4, ≤ the number of distinct locations; mgcv's `k`)
 * @throws {RangeError} when x and y differ in length, a value is not finite, k is not an integer ≥ 4, or there are fewer distinct locations than k
 */
export function thinPlateBasis(x: ArrayLike<number>, y: ArrayLike<number>, k: number): ThinPlateBasis {
  const n = x.length;
  if (y.length !== n)
    throw new RangeError(`thinPlateBasis: x and y must have the same length, got ${n} and ${y.length}`);
  if (!(Number.isInteger(k) && k >= 4)) throw new RangeError(`thinPlateBasis: k must be an integer ≥ 4, got ${k}`);
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`thinPlateBasis: row ${i} has a non-finite covariate`);
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  // distinct locations (exact equality of the centred values, as mgcv's Xd_strip)
  const key = new Map<string, number>();
  const row = new Int32Array(n);
  const ku: number[] = [],
    kv: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = x[i] - mx + 0,
      b = y[i] - my + 0;
    const s = `${a},${b}`;
    let j = key.get(s);
    if (j === undefined) {
      j = ku.length;
      key.set(s, j);
      ku.push(a);
      kv.push(b);
    }
    row[i] = j;
  }
  const nu = ku.length;
  if (nu < k) throw new RangeError(`thinPlateBasis: ${nu} distinct locations, fewer than the basis dimension k = ${k}`);
  const E = new Float64Array(nu * nu);
  for (let i = 0; i < nu; i++)
    for (let j = 0; j < i; j++) {
      const du = ku[i] - ku[j],
        dv = kv[i] - kv[j];
      E[i * nu + j] = E[j * nu + i] = etaSq(du * du + dv * dv);
    }
  const eig = lanczosEigen(
    (q, out) => {
      for (let i = 0; i < nu; i++) out[i] = dotAt(E, i * nu, q, nu);
    },
    nu,
    k,
  );
  const D = eig.values;
  const T = new Float64Array(nu * 3); // [1, x, y] at the knots
  for (let i = 0; i < nu; i++) {
    T[i * 3] = 1;
    T[i * 3 + 1] = ku[i];
    T[i * 3 + 2] = kv[i];
  }
  const { UZ, X1, S, kz } = absorbNullSpace(eig.vectors, D, T, nu, k, 3);
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) X.set(X1.subarray(row[i] * k, row[i] * k + k), i * k);
  const checkNew = (px: ArrayLike<number>, py: ArrayLike<number>) => {
    if (px.length !== py.length)
      throw new RangeError(`thinPlateBasis: new x and y must have the same length, got ${px.length} and ${py.length}`);
  };
  return {
    k,
    n,
    knots: nu,
    X,
    S,
    shift: [mx, my],
    eigenvalues: D,
    lanczosSteps: eig.steps,
    predictMatrix(px, py) {
      checkNew(px, py);
      const m = px.length,
        out = new Float64Array(m * k),
        e = new Float64Array(nu);
      for (let p = 0; p < m; p++) {
        const a = px[p] - mx,
          b = py[p] - my;
        for (let j = 0; j < nu; j++) {
          const du = a - ku[j],
            dv = b - kv[j];
          e[j] = etaSq(du * du + dv * dv);
        }
        const o = p * k;
        for (let j = 0; j < nu; j++) {
          const ej = e[j];
          if (ej === 0) continue;
          for (let c = 0; c < kz; c++) out[o + c] += ej * UZ[j * kz + c];
        }
        out[o + kz] = 1;
        out[o + kz + 1] = a;
        out[o + kz + 2] = b;
      }
      return out;
    },
    predict(beta, px, py) {
      checkNew(px, py);
      if (beta.length !== k) throw new RangeError(`thinPlateBasis.predict: beta must have k = ${k} entries`);
      const g = new Float64Array(nu); // Uₖ Z β_δ: the kernel weights of the knots
      for (let j = 0; j < nu; j++) {
        let s = 0;
        for (let c = 0; c < kz; c++) s += UZ[j * kz + c] * beta[c];
        g[j] = s;
      }
      const m = px.length,
        out = new Float64Array(m);
      for (let p = 0; p < m; p++) {
        const a = px[p] - mx,
          b = py[p] - my;
        let s = beta[kz] + beta[kz + 1] * a + beta[kz + 2] * b;
        for (let j = 0; j < nu; j++) {
          const du = a - ku[j],
            dv = b - kv[j];
          s += g[j] * etaSq(du * du + dv * dv);
        }
        out[p] = s;
      }
      return out;
    },
  };
}

/**
 * The step shared by the thin-plate regression spline bases ({@link thinPlateBasis}, and the 1-D
 * `thinPlateBasis1d`; Wood 2003 §3): from the k kernel eigenpairs Uₖ Dₖ (Uₖ nu × k) and the
 * null-space columns T (nu × M) at the knots, Z = an orthonormal basis of the null space of
 * (Uₖᵀ T)ᵀ (Householder QR), and returns Uₖ Z (nu × (k − M)), the model matrix at the knots
 * [Uₖ Dₖ Z, T] (nu × k) and the penalty Zᵀ Dₖ Z padded to k × k (zero on the M null-space columns).
 * Internal to src/stats.
 */
export function absorbNullSpace(
  U: Float64Array,
  D: Float64Array,
  T: Float64Array,
  nu: number,
  k: number,
  M: number,
): { UZ: Float64Array; X1: Float64Array; S: Float64Array; kz: number } {
  const UT = new Float64Array(k * M); // Uₖᵀ T
  for (let i = 0; i < nu; i++)
    for (let j = 0; j < k; j++) {
      const uij = U[i * k + j];
      if (uij === 0) continue;
      for (let c = 0; c < M; c++) UT[j * M + c] += uij * T[i * M + c];
    }
  const Z = householderQr(UT, k, M).qColumns(M); // k × (k − M)
  const kz = k - M;
  const UZ = new Float64Array(nu * kz);
  const X1 = new Float64Array(nu * k);
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < k; j++) {
      const uij = U[i * k + j];
      if (uij === 0) continue;
      const ud = uij * D[j];
      for (let c = 0; c < kz; c++) {
        UZ[i * kz + c] += uij * Z[j * kz + c];
        X1[i * k + c] += ud * Z[j * kz + c];
      }
    }
    for (let c = 0; c < M; c++) X1[i * k + kz + c] = T[i * M + c];
  }
  const S = new Float64Array(k * k);
  for (let a = 0; a < kz; a++)
    for (let b = a; b < kz; b++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += Z[j * kz + a] * D[j] * Z[j * kz + b];
      S[a * k + b] = S[b * k + a] = s;
    }
  return { UZ, X1, S, kz };
}
