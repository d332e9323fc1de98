import { tridiagonalEigen } from "./tridiageigen";

/** Options of {@link lanczosEigen}. */
export interface LanczosOptions {
  /** Relative convergence tolerance of the Ritz residuals (default 10⁻¹⁰ ≈ mgcv's ε^0.7 · 1.4). */
  tolerance?: number;
}

/** Result of {@link lanczosEigen}: the k eigenpairs of largest magnitude, in decreasing |λ|. */
export interface LanczosResult {
  /** Eigenvalues, |λ₁| ≥ |λ₂| ≥ … ≥ |λₖ| (signed). */
  values: Float64Array;
  /** Eigenvectors as columns of an n × k row-major matrix (column j belongs to values[j]), unit length. */
  vectors: Float64Array;
  /** Lanczos steps taken. */
  steps: number;
}

/**
 * The k eigenvalues of largest magnitude of a real symmetric n × n matrix, and their
 * eigenvectors, by the Lanczos iteration with full reorthogonalisation (Lanczos 1950, J. Res.
 * Nat. Bur. Stand. 45:255; Golub & Van Loan 2013 §10.1, Algorithm 10.1.1 with complete
 * reorthogonalisation, §10.3.1): the matrix is only used through `matvec`, the Krylov basis is
 * kept orthogonal to working precision (Gram–Schmidt twice), and the iteration stops when every
 * wanted Ritz pair has residual |βⱼ sⱼᵢ| ≤ tolerance · max|θ|. This is the eigen-step of mgcv's
 * thin-plate regression spline (Wood 2003, J. R. Statist. Soc. B 65:95–114, §3; mgcv `Rlanczos`,
 * the largest-magnitude eigenvalues "irrespective of sign"). The start vector is fixed
 * (deterministic: (1 + i mod 7)/‖·‖), so no seed is needed.
 * @param matvec y ← A x (must not keep x)
 * @param n order of A
 * @param k how many eigenpairs (1 ≤ k ≤ n)
 * @throws {RangeError} when k is not an integer in [1, n] or the tolerance is not in (0, 1)
 * @throws {Error} when the iteration has not converged after n steps (an internal fault)
 */
export function lanczosEigen(
  matvec: (x: Float64Array, y: Float64Array) => void,
  n: number,
  k: number,
  opts: LanczosOptions = {},
): LanczosResult {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 1 && k <= n))
    throw new RangeError(`lanczosEigen: k must be an integer in [1, n = ${n}], got ${k}`);
  const tol = opts.tolerance ?? 1e-10;
  if (!(tol > 0 && tol < 1)) throw new RangeError(`lanczosEigen: tolerance must be in (0, 1), got ${tol}`);
  // Krylov basis, row-major (step × n), grown as needed
  let cap = Math.min(n, Math.max(2 * k + 20, 64));
  let Q = new Float64Array(cap * n);
  const alpha: number[] = [],
    beta: number[] = [];
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = 1 + (i % 7);
  normalise(q);
  const w = new Float64Array(n);
  const c = new Float64Array(n);
  /** w ← w − Q₀..ⱼ (Q₀..ⱼᵀ w), twice (classical Gram–Schmidt with reorthogonalisation). */
  const orthogonalise = (rows: number) => {
    for (let pass = 0; pass < 2; pass++) {
      for (let s = 0; s < rows; s++) c[s] = dotAt(Q, s * n, w, n);
      for (let s = 0; s < rows; s++) {
        const d = c[s],
          o = s * n;
        for (let i = 0; i < n; i++) w[i] -= d * Q[o + i];
      }
    }
  };
  let nextCheck = Math.min(n, Math.max(k + 20, Math.ceil(1.5 * k)));
  for (let j = 0; j < n; j++) {
    if (j === cap) {
      cap = Math.min(n, 2 * cap);
      const bigger = new Float64Array(cap * n);
      bigger.set(Q);
      Q = bigger;
    }
    Q.set(q, j * n);
    matvec(q, w);
    const a = dot(q, w);
    alpha.push(a);
    orthogonalise(j + 1);
    const b = Math.sqrt(dot(w, w));
    const done = j + 1 === n;
    if (j + 1 >= nextCheck || done || b === 0) {
      const m = alpha.length;
      const T0 = tridiagonalEigen(alpha, beta, { rows: [m - 1] }); // last row of the eigenvectors: the Ritz residuals
      const idx = Array.from({ length: m }, (_, i) => i).sort(
        (x, y) => Math.abs(T0.values[y]) - Math.abs(T0.values[x]),
      );
      const scale = Math.abs(T0.values[idx[0]]) || 1;
      let converged = m >= k;
      if (converged)
        for (let t = 0; t < k; t++) {
          const last = T0.vectors[idx[t]];
          if (Math.abs(b * last) > tol * scale) {
            converged = false;
            break;
          }
        }
      if (converged) {
        const T = tridiagonalEigen(alpha, beta);
        const values = new Float64Array(k),
          vectors = new Float64Array(n * k);
        const Sk = new Float64Array(m * k); // the wanted eigenvectors of T, m × k
        for (let t = 0; t < k; t++) {
          values[t] = T.values[idx[t]];
          for (let s = 0; s < m; s++) Sk[s * k + t] = T.vectors[s * m + idx[t]];
        }
        for (let s = 0; s < m; s++) {
          const o = s * n,
            so = s * k;
          for (let i = 0; i < n; i++) {
            const qsi = Q[o + i],
              vo = i * k;
            for (let t = 0; t < k; t++) vectors[vo + t] += qsi * Sk[so + t];
          }
        }
        return { values, vectors, steps: m };
      }
      if (done) break;
      nextCheck = Math.min(n, j + 1 + Math.max(10, Math.ceil(0.2 * k)));
    }
    if (b <= 1e-14 * (Math.abs(a) || 1)) {
      // invariant subspace found: continue with a unit vector orthogonal to the basis (β = 0)
      let found = false;
      for (let t = 0; t < n && !found; t++) {
        w.fill(0);
        w[(j + 1 + t) % n] = 1;
        orthogonalise(j + 1);
        found = Math.sqrt(dot(w, w)) > 1e-8;
      }
      q.set(w);
      normalise(q);
      beta.push(0);
      continue;
    }
    beta.push(b);
    for (let i = 0; i < n; i++) q[i] = w[i] / b;
  }
  throw new Error(`lanczosEigen: ${k} eigenpairs did not converge in ${n} steps`);
}

/** Σᵢ a[o + i]·b[i], i < n, with four partial sums (faster in V8 than one); internal, shared with the tprs kernel product. */
export function dotAt(a: Float64Array, o: number, b: Float64Array, n: number): number {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[o + i] * b[i];
    s1 += a[o + i + 1] * b[i + 1];
    s2 += a[o + i + 2] * b[i + 2];
    s3 += a[o + i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[o + i] * b[i];
  return s0 + s1 + s2 + s3;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalise(x: Float64Array): void {
  const s = Math.sqrt(dot(x, x));
  for (let i = 0; i < x.length; i++) x[i] /= s;
}
