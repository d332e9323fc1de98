import { tridiagonalEigen } from "./tridiageigen";

/** Options of {@link lanczosEigen}. */
export interface LanczosOptions {
  /**
   * Relative convergence tolerance of the Ritz residuals (default 10⁻¹³: every wanted Ritz pair
   * has |βⱼ sⱼᵢ| ≤ 10⁻¹³ · max|θ|, tighter than mgcv's ε^0.7 so that the basis, and the fit built
   * on it, no longer depend on where the iteration stopped).
   */
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
 * Nat. Bur. Stand. 45:255; Golub & Van Loan 2013 §10.1, Algorithm 10.1.1, with complete
 * reorthogonalisation, §10.3.1): the matrix is only used through `matvec`; each step takes the
 * three-term recurrence w = A qⱼ − αⱼ qⱼ − βⱼ₋₁ qⱼ₋₁ and then removes from w its components along
 * every earlier Lanczos vector by classical Gram–Schmidt, repeated once more when the pass shrank
 * ‖w‖ below 1/√2 of its length (the criterion of Daniel, Gragg, Kaufman & Stewart 1976, Math.
 * Comp. 30:772–795), so the Krylov basis stays orthogonal to working precision; the iteration
 * stops when every wanted Ritz pair has residual |βⱼ sⱼᵢ| ≤ tolerance · max|θ|. This is the
 * eigen-step of mgcv's thin-plate regression spline (Wood 2003, J. R. Statist. Soc. B
 * 65:95–114, §3; mgcv `Rlanczos`, the largest-magnitude eigenvalues "irrespective of sign").
 * The start vector is fixed (deterministic: (1 + i mod 7)/‖·‖), so no seed is needed.
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
  const tol = opts.tolerance ?? 1e-13;
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
    const a = dotAt(q, 0, w, n);
    alpha.push(a);
    // three-term recurrence, then full reorthogonalisation against q₀ … qⱼ
    const bPrev = j > 0 ? beta[j - 1] : 0;
    if (j > 0) {
      const o = (j - 1) * n;
      for (let i = 0; i < n; i++) w[i] -= a * q[i] + bPrev * Q[o + i];
    } else for (let i = 0; i < n; i++) w[i] -= a * q[i];
    let b = Math.sqrt(dotAt(w, 0, w, n));
    for (let pass = 0; pass < 2; pass++) {
      gramSchmidt(Q, j + 1, n, w, c);
      const b2 = Math.sqrt(dotAt(w, 0, w, n));
      const again = b2 < Math.SQRT1_2 * b;
      b = b2;
      if (!again) break;
    }
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
        const values = new Float64Array(k);
        const Sk = new Float64Array(m * k); // the wanted eigenvectors of T, m × k
        for (let t = 0; t < k; t++) {
          values[t] = T.values[idx[t]];
          for (let s = 0; s < m; s++) Sk[s * k + t] = T.vectors[s * m + idx[t]];
        }
        return { values, vectors: ritzVectors(Q, m, n, Sk, k), steps: m };
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
        gramSchmidt(Q, j + 1, n, w, c);
        gramSchmidt(Q, j + 1, n, w, c);
        found = Math.sqrt(dotAt(w, 0, w, n)) > 1e-8;
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

/** w ← w − Q₀..ᵣ₋₁ᵀ (Q₀..ᵣ₋₁ w): one classical Gram–Schmidt pass, four basis rows per sweep over w. */
function gramSchmidt(Q: Float64Array, rows: number, n: number, w: Float64Array, c: Float64Array): void {
  let s = 0;
  for (; s + 3 < rows; s += 4) dots4(Q, s * n, n, w, 0, n, c, s);
  for (; s < rows; s++) c[s] = dotAt(Q, s * n, w, n);
  s = 0;
  for (; s + 3 < rows; s += 4) {
    const o0 = s * n,
      o1 = o0 + n,
      o2 = o1 + n,
      o3 = o2 + n;
    const c0 = c[s],
      c1 = c[s + 1],
      c2 = c[s + 2],
      c3 = c[s + 3];
    for (let i = 0; i < n; i++) w[i] -= c0 * Q[o0 + i] + c1 * Q[o1 + i] + c2 * Q[o2 + i] + c3 * Q[o3 + i];
  }
  for (; s < rows; s++) {
    const d = c[s],
      o = s * n;
    for (let i = 0; i < n; i++) w[i] -= d * Q[o + i];
  }
}

/**
 * The Ritz vectors Qᵀ S (n × k, row-major) from the basis Q (m × n) and the wanted eigenvectors S
 * (m × k) of T: entry (i, t) = Σₛ Q[s][i] S[s][t], summed in the order s = 0, 1, …; a block of 64
 * rows of Q is transposed first and four entries t are summed together, so that both factors
 * stream contiguously.
 */
function ritzVectors(Q: Float64Array, m: number, n: number, S: Float64Array, k: number): Float64Array {
  const out = new Float64Array(n * k);
  const St = new Float64Array(k * m); // Sᵀ
  for (let s = 0; s < m; s++) for (let t = 0; t < k; t++) St[t * m + s] = S[s * k + t];
  const B = 64;
  const Qb = new Float64Array(B * m);
  for (let i0 = 0; i0 < n; i0 += B) {
    const i1 = Math.min(n, i0 + B);
    for (let s = 0; s < m; s++) for (let i = i0; i < i1; i++) Qb[(i - i0) * m + s] = Q[s * n + i];
    for (let i = i0; i < i1; i++) {
      const qo = (i - i0) * m,
        vo = i * k;
      let t = 0;
      for (; t + 3 < k; t += 4) dots4(St, t * m, m, Qb, qo, m, out, vo + t);
      for (; t < k; t++) {
        const o = t * m;
        let a0 = 0;
        for (let s = 0; s < m; s++) a0 += Qb[qo + s] * St[o + s];
        out[vo + t] = a0;
      }
    }
  }
  return out;
}

/**
 * out[at + r] = Σᵢ a[o + r·stride + i]·x[xo + i], i < len, for the four rows r = 0 … 3 of a (each
 * sum in the order i = 0, 1, …: x is read once for four rows).
 */
function dots4(
  a: Float64Array,
  o: number,
  stride: number,
  x: Float64Array,
  xo: number,
  len: number,
  out: Float64Array,
  at: number,
): void {
  const o1 = o + stride,
    o2 = o1 + stride,
    o3 = o2 + stride;
  let c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0;
  for (let i = 0; i < len; i++) {
    const xi = x[xo + i];
    c0 += a[o + i] * xi;
    c1 += a[o1 + i] * xi;
    c2 += a[o2 + i] * xi;
    c3 += a[o3 + i] * xi;
  }
  out[at] = c0;
  out[at + 1] = c1;
  out[at + 2] = c2;
  out[at + 3] = c3;
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

function normalise(x: Float64Array): void {
  const s = Math.sqrt(dotAt(x, 0, x, x.length));
  for (let i = 0; i < x.length; i++) x[i] /= s;
}
