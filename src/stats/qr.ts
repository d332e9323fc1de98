/** Result of {@link householderQr}: A = Q R with Q (m × m) orthogonal, stored as Householder vectors. */
export interface HouseholderQr {
  rows: number;
  cols: number;
  /** R, the upper triangle of the first `cols` rows: row-major cols × cols. */
  r: Float64Array;
  /** Qᵀ b for a vector of length `rows` (a new array). */
  qtMul(b: ArrayLike<number>): Float64Array;
  /** Q b for a vector of length `rows` (a new array). */
  qMul(b: ArrayLike<number>): Float64Array;
  /** Columns `from` … rows − 1 of Q as a row-major rows × (rows − from) matrix (the orthogonal complement of A's columns when from = cols). */
  qColumns(from: number): Float64Array;
}

/**
 * QR factorisation of a real m × n matrix (m ≥ n) by Householder reflections (Golub & Van Loan
 * 2013, *Matrix Computations*, 4th ed., Algorithm 5.2.1): Hₙ…H₁A = R, Hⱼ = I − βⱼvⱼvⱼᵀ, the sign of
 * each reflection chosen to avoid cancellation. No pivoting: R[j][j] is ±0 when a column lies in
 * the span of the previous ones (the caller decides what rank deficiency means).
 * @param a row-major m × n matrix (only read)
 * @param m rows
 * @param n columns
 * @throws {RangeError} when the sizes do not match a, m < n, or a holds a non-finite value
 */
export function householderQr(a: ArrayLike<number>, m: number, n: number): HouseholderQr {
  if (!(Number.isInteger(m) && Number.isInteger(n) && n >= 1 && m >= n) || a.length !== m * n)
    throw new RangeError(`householderQr: a must be m × n with m ≥ n ≥ 1 (m = ${m}, n = ${n}), got ${a.length} values`);
  // column-major working copy: the column sweeps below read contiguous memory
  const w = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let c = 0; c < n; c++) {
      const x = a[i * n + c];
      if (!Number.isFinite(x)) throw new RangeError(`householderQr: a[${i * n + c}] is not finite`);
      w[c * m + i] = x;
    }
  const vs: Float64Array[] = [],
    betas = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const cj = j * m;
    let norm = 0;
    for (let i = j; i < m; i++) norm += w[cj + i] * w[cj + i];
    norm = Math.sqrt(norm);
    const v = new Float64Array(m - j);
    if (norm === 0) {
      vs.push(v);
      betas[j] = 0;
      continue;
    }
    const x0 = w[cj + j];
    const alpha = x0 >= 0 ? -norm : norm; // reflect onto −sign(x0)‖x‖ e1
    for (let i = j; i < m; i++) v[i - j] = w[cj + i];
    v[0] = x0 - alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    const beta = vv > 0 ? 2 / vv : 0;
    // two columns per sweep over v (each column's sums in the same order as one at a time)
    const len = m - j;
    let c = j;
    for (; c + 1 < n; c += 2) {
      const c0 = c * m + j,
        c1 = c0 + m;
      let s0 = 0,
        s1 = 0;
      for (let i = 0; i < len; i++) {
        const vi = v[i];
        s0 += vi * w[c0 + i];
        s1 += vi * w[c1 + i];
      }
      s0 *= beta;
      s1 *= beta;
      for (let i = 0; i < len; i++) {
        const vi = v[i];
        w[c0 + i] -= s0 * vi;
        w[c1 + i] -= s1 * vi;
      }
    }
    for (; c < n; c++) {
      const cc = c * m + j;
      let s = 0;
      for (let i = 0; i < len; i++) s += v[i] * w[cc + i];
      s *= beta;
      for (let i = 0; i < len; i++) w[cc + i] -= s * v[i];
    }
    vs.push(v);
    betas[j] = beta;
  }
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) r[i * n + j] = w[j * m + i];
  const reflect = (x: Float64Array, j: number) => {
    const v = vs[j];
    let s = 0;
    for (let i = j; i < m; i++) s += v[i - j] * x[i];
    s *= betas[j];
    for (let i = j; i < m; i++) x[i] -= s * v[i - j];
  };
  const check = (b: ArrayLike<number>, what: string) => {
    if (b.length !== m) throw new RangeError(`householderQr.${what}: b must have ${m} entries, got ${b.length}`);
  };
  return {
    rows: m,
    cols: n,
    r,
    qtMul(b) {
      check(b, "qtMul");
      const x = Float64Array.from(b);
      for (let j = 0; j < n; j++) reflect(x, j);
      return x;
    },
    qMul(b) {
      check(b, "qMul");
      const x = Float64Array.from(b);
      for (let j = n - 1; j >= 0; j--) reflect(x, j);
      return x;
    },
    qColumns(from) {
      if (!(Number.isInteger(from) && from >= 0 && from < m))
        throw new RangeError(`householderQr.qColumns: from must be an integer in [0, ${m}), got ${from}`);
      const c = m - from,
        out = new Float64Array(m * c);
      const e = new Float64Array(m);
      for (let k = 0; k < c; k++) {
        e.fill(0);
        e[from + k] = 1;
        for (let j = n - 1; j >= 0; j--) reflect(e, j);
        for (let i = 0; i < m; i++) out[i * c + k] = e[i];
      }
      return out;
    },
  };
}

/**
 * Solve R x = b (or Rᵀ x = b with `transpose`) for an upper-triangular n × n R by back (forward)
 * substitution (Golub & Van Loan 2013, Algorithms 3.1.1–3.1.2).
 * @param r row-major n × n, upper triangle read
 * @param b right-hand side, length n
 * @throws {RangeError} when the sizes do not match or a diagonal element is zero
 */
export function solveUpperTriangular(r: ArrayLike<number>, b: ArrayLike<number>, transpose = false): Float64Array {
  const n = b.length;
  if (r.length !== n * n) throw new RangeError(`solveUpperTriangular: r must be ${n} × ${n}, got ${r.length} values`);
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++)
    if (r[i * n + i] === 0) throw new RangeError(`solveUpperTriangular: R[${i}][${i}] is zero (singular)`);
  if (!transpose) {
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i];
      for (let j = i + 1; j < n; j++) s -= r[i * n + j] * x[j];
      x[i] = s / r[i * n + i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      let s = x[i];
      for (let j = 0; j < i; j++) s -= r[j * n + i] * x[j];
      x[i] = s / r[i * n + i];
    }
  }
  return x;
}
