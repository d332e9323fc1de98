/**
 * Sparse LU factorisation without pivoting on a fixed sparsity pattern, for the Rosenbrock matrix
 * G = I/(hγ) − J of a chemical mechanism (KPP's approach: Sandu, Potra, Carmichael & Damian 1996,
 * "Efficient implementation of fully implicit methods for atmospheric chemical kinetics",
 * J. Comput. Phys. 129, 101–110; KPP `src/kpp.c` `BestSparsity` and the generated `KppDecomp`).
 *
 * - Symbolic step, once per mechanism: the rows and columns are reordered by the diagonal Markowitz
 *   rule — at elimination step s choose, among the remaining indices i, the one minimising
 *   (r_i − 1)(c_i − 1), r_i and c_i the nonzeros of row i and column i in the remaining submatrix —
 *   and the fill-in of the elimination is added to the pattern.
 * - Numeric step, per Rosenbrock step: a row-wise (Doolittle) elimination on that pattern, with the
 *   diagonal as pivot. No pivoting is done, so this is not a general-purpose solver: it relies on the
 *   diagonal of G, 1/(hγ) − J_ii with J_ii ≤ 0 for chemical loss, staying away from zero; a zero pivot
 *   is reported, and the integrator then halves the step (as KPP does).
 *
 * Kinetics-specific (symmetric ordering, diagonal pivots), so it lives here, not in src/stats/.
 * @packageDocumentation
 */

/** The symbolic factorisation: ordering and the pattern of L + U (with fill-in), in compressed rows. */
export interface SparseLuPattern {
  /** Matrix order. */
  n: number;
  /** perm[p] = the original row/column index eliminated at position p. */
  perm: Int32Array;
  /** inverse[i] = the position of original index i. */
  inverse: Int32Array;
  /** Row pointers into {@link col} (length n + 1), rows in eliminated order. */
  rowPtr: Int32Array;
  /** Column positions (eliminated order), sorted within each row. */
  col: Int32Array;
  /** Index into {@link col} of each row's diagonal. */
  diag: Int32Array;
  /** Structural nonzeros of the matrix given (diagonal included), before fill-in. */
  nonzeros: number;
  /** Nonzeros of L + U: {@link nonzeros} plus the fill-in. */
  factorNonzeros: number;
}

/**
 * Symbolic LU factorisation of a sparsity pattern (the diagonal is always included).
 * @param n - matrix order
 * @param rows - row indices of the nonzeros (original order)
 * @param cols - column indices of the nonzeros, same length as rows
 * @param opts - `ordering`: `"markowitz"` (default; diagonal Markowitz as KPP) or `"natural"` (no reordering)
 * @returns the ordering and the pattern of L + U
 * @throws RangeError when n is not a non-negative integer, rows and cols differ in length, an index is outside [0, n), or the ordering is unknown
 */
export function sparseLuSymbolic(
  n: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  opts: { ordering?: "markowitz" | "natural" } = {},
): SparseLuPattern {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sparseLuSymbolic: n must be a non-negative integer, got ${n}`);
  if (rows.length !== cols.length)
    throw new RangeError(`sparseLuSymbolic: rows (${rows.length}) and cols (${cols.length}) must have the same length`);
  const ordering = opts.ordering ?? "markowitz";
  if (ordering !== "markowitz" && ordering !== "natural")
    throw new RangeError(`sparseLuSymbolic: ordering must be "markowitz" or "natural", got ${String(ordering)}`);
  // dense boolean structure; n is a mechanism's species count (tens to a few thousand)
  const S = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) S[i * n + i] = 1;
  for (let q = 0; q < rows.length; q++) {
    const i = rows[q],
      j = cols[q];
    if (!Number.isInteger(i) || i < 0 || i >= n || !Number.isInteger(j) || j < 0 || j >= n)
      throw new RangeError(`sparseLuSymbolic: entry ${q} (${i}, ${j}) is outside a ${n} × ${n} matrix`);
    S[i * n + j] = 1;
  }
  let nonzeros = 0;
  for (let q = 0; q < n * n; q++) nonzeros += S[q];
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  // S is permuted in place (symmetric swaps) and receives the fill-in as elimination proceeds;
  // rc[i], cc[i]: nonzeros of row i and column i within the active submatrix [s, n) × [s, n),
  // kept up to date so that each step costs O(n) plus its fill-in (O(n²) overall, not O(n³))
  const rc = new Int32Array(n),
    cc = new Int32Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (S[i * n + j]) {
        rc[i]++;
        cc[j]++;
      }
  const upper = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (ordering === "markowitz" && s < n - 1) {
      let best = Infinity,
        bestI = s;
      for (let i = s; i < n; i++) {
        const crt = (rc[i] - 1) * (cc[i] - 1);
        if (crt < best) {
          best = crt;
          bestI = i;
        }
      }
      if (bestI !== s) {
        for (let j = 0; j < n; j++) {
          const t = S[s * n + j];
          S[s * n + j] = S[bestI * n + j];
          S[bestI * n + j] = t;
        }
        for (let j = 0; j < n; j++) {
          const t = S[j * n + s];
          S[j * n + s] = S[j * n + bestI];
          S[j * n + bestI] = t;
        }
        let t = perm[s];
        perm[s] = perm[bestI];
        perm[bestI] = t;
        t = rc[s];
        rc[s] = rc[bestI];
        rc[bestI] = t;
        t = cc[s];
        cc[s] = cc[bestI];
        cc[bestI] = t;
      }
    }
    // row s and column s leave the active submatrix; row i (> s) with a nonzero in column s receives
    // the upper part of row s (the fill-in)
    const rs = s * n;
    let nu = 0;
    for (let k = s + 1; k < n; k++)
      if (S[rs + k]) {
        upper[nu++] = k;
        cc[k]--;
      }
    for (let i = s + 1; i < n; i++) {
      const ri = i * n;
      if (!S[ri + s]) continue;
      rc[i]--;
      for (let q = 0; q < nu; q++) {
        const k = upper[q];
        if (!S[ri + k]) {
          S[ri + k] = 1;
          rc[i]++;
          cc[k]++;
        }
      }
    }
  }
  const rowPtr = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) nnz += S[i * n + j];
    rowPtr[i + 1] = nnz;
  }
  const col = new Int32Array(nnz);
  const diag = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (S[i * n + j]) {
        if (i === j) diag[i] = p;
        col[p++] = j;
      }
  const inverse = new Int32Array(n);
  for (let q = 0; q < n; q++) inverse[perm[q]] = q;
  return { n, perm, inverse, rowPtr, col, diag, nonzeros, factorNonzeros: nnz };
}

/**
 * Position in the factor's value array of the element (i, j) of the original matrix.
 * @param lu - the symbolic factorisation
 * @param i - original row index
 * @param j - original column index
 * @returns the index into the value array, or −1 when (i, j) is not in the pattern of L + U
 * @throws RangeError when i or j is outside [0, n)
 */
export function sparseLuPosition(lu: SparseLuPattern, i: number, j: number): number {
  if (!(i >= 0 && i < lu.n && j >= 0 && j < lu.n))
    throw new RangeError(`sparseLuPosition: (${i}, ${j}) is outside a ${lu.n} × ${lu.n} matrix`);
  const r = lu.inverse[i],
    c = lu.inverse[j];
  let lo = lu.rowPtr[r],
    hi = lu.rowPtr[r + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = lu.col[mid];
    if (v === c) return mid;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Numeric LU factorisation in place: `values` holds the matrix on the pattern of L + U (fill-in
 * positions zero) and receives L (unit diagonal, not stored) and U.
 * @param lu - the symbolic factorisation
 * @param values - the matrix entries at the pattern positions (length `lu.factorNonzeros`), overwritten by the factors
 * @param work - scratch of length ≥ n (its contents on entry do not matter)
 * @returns 0 when the factorisation succeeded, else 1 + the position of the first zero (or non-finite) pivot
 */
export function sparseLuFactor(lu: SparseLuPattern, values: Float64Array, work: Float64Array): number {
  const { n, rowPtr, col, diag } = lu;
  for (let i = 0; i < n; i++) {
    const r0 = rowPtr[i],
      r1 = rowPtr[i + 1],
      d = diag[i];
    for (let p = r0; p < r1; p++) work[col[p]] = values[p];
    for (let p = r0; p < d; p++) {
      const k = col[p];
      const a = work[k] / values[diag[k]];
      work[k] = a;
      if (a === 0) continue;
      const k1 = rowPtr[k + 1];
      for (let q = diag[k] + 1; q < k1; q++) work[col[q]] -= a * values[q];
    }
    for (let p = r0; p < r1; p++) {
      const c = col[p];
      values[p] = work[c];
      work[c] = 0;
    }
    const piv = values[d];
    if (piv === 0 || !Number.isFinite(piv)) return i + 1;
  }
  return 0;
}

/**
 * Solve (LU)·x = b in place with the factors of {@link sparseLuFactor}; b and x in the ORIGINAL order.
 * @param lu - the symbolic factorisation
 * @param values - the factors
 * @param b - right-hand side (original order), overwritten by the solution
 * @param work - scratch of length ≥ n
 */
export function sparseLuSolve(lu: SparseLuPattern, values: Float64Array, b: Float64Array, work: Float64Array): void {
  const { n, perm, rowPtr, col, diag } = lu;
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let p = rowPtr[i], d = diag[i]; p < d; p++) s -= values[p] * work[col[p]];
    work[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = work[i];
    const d = diag[i];
    for (let p = d + 1, r1 = rowPtr[i + 1]; p < r1; p++) s -= values[p] * work[col[p]];
    work[i] = s / values[d];
  }
  for (let i = 0; i < n; i++) b[perm[i]] = work[i];
}
