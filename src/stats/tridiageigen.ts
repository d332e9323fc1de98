import type { SymmetricEigen } from "./symeigen";

/** Options of {@link tridiagonalEigen}. */
export interface TridiagonalEigenOptions {
  /**
   * Accumulate only these rows of the eigenvector matrix (cost O(n²) instead of O(n³)); the
   * result's `vectors` is then rows.length × n (row r of the output = row rows[r] of V, columns
   * in the order of `values`). Used by the Lanczos convergence test, which needs the last row only.
   */
  rows?: number[];
}

/**
 * Eigen-decomposition of a real symmetric tridiagonal n × n matrix (diagonal `diag`, first
 * off-diagonal `off`, `off[i]` coupling rows i and i + 1) by the implicit QL method with
 * Wilkinson-type shifts (Bowdler, Martin, Reinsch & Wilkinson 1968, "The QR and QL algorithms
 * for symmetric matrices", Numer. Math. 11:293–306, procedure tql2; Golub & Van Loan 2013 §8.3),
 * accumulating the plane rotations into the eigenvector matrix. This is the eigen-step of a
 * Lanczos iteration ({@link lanczosEigen}).
 * @param diag the n diagonal elements
 * @param off the n − 1 off-diagonal elements
 * @param opts `rows`: accumulate only some rows of the eigenvector matrix
 * @returns eigenvalues in decreasing order and orthonormal eigenvectors (columns, row-major n × n; with `rows`, those rows only)
 * @throws {RangeError} when off does not have n − 1 elements, a value is not finite, or a row is out of range
 * @throws {Error} when an eigenvalue needs more than 60 QL iterations (an internal fault)
 */
export function tridiagonalEigen(
  diag: ArrayLike<number>,
  off: ArrayLike<number>,
  opts: TridiagonalEigenOptions = {},
): SymmetricEigen {
  const n = diag.length;
  if (n < 1 || off.length !== n - 1)
    throw new RangeError(`tridiagonalEigen: off must have n − 1 = ${n - 1} elements, got ${off.length}`);
  const d = Float64Array.from(diag),
    e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = off[i];
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(d[i]) || !Number.isFinite(e[i]))
      throw new RangeError(`tridiagonalEigen: element ${i} is not finite`);
  const rows = opts.rows ?? Array.from({ length: n }, (_, i) => i);
  for (const r of rows)
    if (!(Number.isInteger(r) && r >= 0 && r < n))
      throw new RangeError(`tridiagonalEigen: row ${r} is not in 0..${n - 1}`);
  const nr = rows.length;
  const z = new Float64Array(nr * n); // the kept rows of V
  rows.forEach((r, k) => (z[k * n + r] = 1));
  for (let l = 0; l < n; l++) {
    let iter = 0,
      m: number;
    for (;;) {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (++iter > 60) throw new Error(`tridiagonalEigen: eigenvalue ${l} did not converge in 60 iterations`);
      // shift from the leading 2 × 2 block of the unreduced part
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1,
        c = 1,
        p = 0,
        i: number;
      let deflated = false;
      for (i = m - 1; i >= l; i--) {
        const f = s * e[i],
          b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        for (let k = 0; k < nr; k++) {
          const zk1 = z[k * n + i + 1],
            zk = z[k * n + i];
          z[k * n + i + 1] = s * zk + c * zk1;
          z[k * n + i] = c * zk - s * zk1;
        }
      }
      if (deflated) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[b] - d[a]);
  const values = new Float64Array(n),
    vectors = new Float64Array(nr * n);
  order.forEach((src, j) => {
    values[j] = d[src];
    for (let i = 0; i < nr; i++) vectors[i * n + j] = z[i * n + src];
  });
  return { values, vectors };
}
