/** Result of {@link symmetricEigen}: eigenvalues in decreasing order and the matching unit eigenvectors. */
export interface SymmetricEigen {
  /** Eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₙ. */
  values: Float64Array;
  /** Eigenvectors as columns of an n × n row-major matrix: column j (entries `vectors[i * n + j]`) belongs to `values[j]`. */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition A = V Λ Vᵀ of a real symmetric n × n matrix by the cyclic Jacobi method
 * (Golub & Van Loan 2013, *Matrix Computations*, 4th ed., §8.5.2–8.5.3: plane rotations chosen
 * to zero each off-diagonal element in turn, with the stable rotation of Rutishauser 1966,
 * Numer. Math. 9:1–10), sweeping until the off-diagonal Frobenius norm is below 10⁻¹⁵ of the
 * matrix's. Accurate to working precision also for tiny eigenvalues; cost O(n³) per sweep,
 * meant for the small dense matrices of a penalised fit (n ≲ 300).
 * @param a the matrix, row-major n × n (only read; must be symmetric)
 * @param n its order
 * @returns eigenvalues in decreasing order and their orthonormal eigenvectors (columns)
 * @throws {RangeError} when a is not n × n, not symmetric (relative asymmetry > 10⁻¹⁰) or holds a non-finite value
 * @throws {Error} when 100 sweeps do not converge (an internal fault)
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (!(Number.isInteger(n) && n >= 1) || a.length !== n * n)
    throw new RangeError(`symmetricEigen: a must be n × n (n = ${n}), got ${a.length} values`);
  const m = Float64Array.from(a);
  let norm = 0;
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(m[i])) throw new RangeError(`symmetricEigen: a[${i}] is not finite`);
    norm += m[i] * m[i];
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(m[i * n + j] - m[j * n + i]) > 1e-10 * (norm || 1))
        throw new RangeError(`symmetricEigen: a is not symmetric at (${i}, ${j})`);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const tol = 1e-15 * norm;
  let sweep = 0;
  for (; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * m[i * n + j] * m[i * n + j];
    if (Math.sqrt(off) <= tol) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p],
          aqq = m[q * n + q];
        // rotation angle: tan θ = t, the smaller root of t² + 2τt − 1 = 0, τ = (aqq − app)/(2 apq)
        const tau = (aqq - app) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t),
          s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p],
            akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k],
            aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
        m[p * n + q] = m[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p],
            vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  if (sweep === 100) throw new Error("symmetricEigen: Jacobi sweeps did not converge in 100 sweeps");
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i]);
  const values = new Float64Array(n),
    vectors = new Float64Array(n * n);
  order.forEach((src, j) => {
    values[j] = m[src * n + src];
    for (let i = 0; i < n; i++) vectors[i * n + j] = v[i * n + src];
  });
  return { values, vectors };
}
