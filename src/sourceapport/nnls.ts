/**
 * Non-negative least squares on normal equations: minimise ½·xᵀAx − bᵀx subject to x ≥ 0 for a
 * small symmetric positive (semi-)definite A (p×p, row-major). Lawson & Hanson's active-set
 * method in the "fast NNLS" form of Bro & De Jong (1997, J. Chemometrics 11:393), warm-started
 * from the previous solution's passive set, which is what makes alternating least squares cheap.
 */
export class NnlsSolver {
  private readonly p: number;
  private readonly passive: Uint8Array;
  private readonly z: Float64Array;
  private readonly idx: Int32Array;
  private readonly L: Float64Array;
  private readonly y: Float64Array;

  constructor(p: number) {
    this.p = p;
    this.passive = new Uint8Array(p);
    this.z = new Float64Array(p);
    this.idx = new Int32Array(p);
    this.L = new Float64Array(p * p);
    this.y = new Float64Array(p);
  }

  /**
   * Solve in place: `x` holds the warm start (must be ≥ 0) and receives the solution.
   * `A` (p×p row-major) and `b` (p) are not modified.
   */
  solve(A: Float64Array, aOff: number, b: Float64Array, bOff: number, x: Float64Array, xOff: number): void {
    const p = this.p,
      P = this.passive;
    let scale = 0;
    for (let k = 0; k < p; k++) scale = Math.max(scale, A[aOff + k * p + k]);
    if (!(scale > 0)) {
      for (let k = 0; k < p; k++) x[xOff + k] = 0;
      return;
    }
    const tol = 1e-12 * scale * p;
    let anyPassive = false;
    for (let k = 0; k < p; k++) {
      P[k] = x[xOff + k] > 0 ? 1 : 0;
      if (P[k]) anyPassive = true;
    }
    if (anyPassive) this.feasible(A, aOff, b, bOff, x, xOff);
    for (let outer = 0; outer < 3 * p + 10; outer++) {
      // w = b − A x (negative gradient); pick the most violated active constraint
      let best = -1,
        bestW = tol;
      for (let k = 0; k < p; k++) {
        if (P[k]) continue;
        let s = b[bOff + k];
        const row = aOff + k * p;
        for (let l = 0; l < p; l++) s -= A[row + l] * x[xOff + l];
        if (s > bestW) {
          bestW = s;
          best = k;
        }
      }
      if (best < 0) return;
      P[best] = 1;
      if (!this.feasible(A, aOff, b, bOff, x, xOff)) {
        // numerically stuck (singular subproblem): keep the feasible point reached
        return;
      }
    }
  }

  /**
   * Starting from feasible x (x_k > 0 only on the passive set), move to the unconstrained
   * minimiser on the passive set, dropping variables that would turn negative (inner loop).
   * Returns false if the passive subproblem could not be solved.
   */
  private feasible(
    A: Float64Array,
    aOff: number,
    b: Float64Array,
    bOff: number,
    x: Float64Array,
    xOff: number,
  ): boolean {
    const p = this.p,
      P = this.passive,
      z = this.z;
    for (let inner = 0; inner < 3 * p + 10; inner++) {
      if (!this.solvePassive(A, aOff, b, bOff)) return false;
      let alpha = Infinity;
      for (let k = 0; k < p; k++) {
        if (P[k] && z[k] <= 0) {
          const d = x[xOff + k] - z[k];
          const a = d > 0 ? x[xOff + k] / d : 0;
          if (a < alpha) alpha = a;
        }
      }
      if (alpha === Infinity) {
        for (let k = 0; k < p; k++) x[xOff + k] = P[k] ? z[k] : 0;
        return true;
      }
      for (let k = 0; k < p; k++) {
        if (!P[k]) continue;
        const old = x[xOff + k];
        const v = old + alpha * (z[k] - old);
        // the variable(s) that set alpha land on 0 up to rounding: they leave the passive set
        if (v <= 0 || (z[k] <= 0 && v <= 1e-12 * old)) {
          x[xOff + k] = 0;
          P[k] = 0;
        } else x[xOff + k] = v;
      }
    }
    return false;
  }

  /** z_P = A_PP⁻¹ b_P by Cholesky (with a tiny ridge if A_PP is singular); z = 0 off P. */
  private solvePassive(A: Float64Array, aOff: number, b: Float64Array, bOff: number): boolean {
    const p = this.p,
      P = this.passive,
      z = this.z,
      idx = this.idx,
      L = this.L,
      y = this.y;
    let q = 0;
    for (let k = 0; k < p; k++) {
      z[k] = 0;
      if (P[k]) idx[q++] = k;
    }
    if (q === 0) return true;
    for (let attempt = 0; attempt < 2; attempt++) {
      let ridge = 0;
      if (attempt === 1) {
        let tr = 0;
        for (let a = 0; a < q; a++) tr += A[aOff + idx[a] * p + idx[a]];
        ridge = 1e-10 * (tr / q);
      }
      let ok = true;
      for (let a = 0; a < q && ok; a++) {
        for (let c = 0; c <= a; c++) {
          let s = A[aOff + idx[a] * p + idx[c]] + (a === c ? ridge : 0);
          for (let k = 0; k < c; k++) s -= L[a * q + k] * L[c * q + k];
          if (a === c) {
            if (!(s > 0)) {
              ok = false;
              break;
            }
            L[a * q + a] = Math.sqrt(s);
          } else L[a * q + c] = s / L[c * q + c];
        }
      }
      if (!ok) continue;
      for (let a = 0; a < q; a++) {
        let s = b[bOff + idx[a]];
        for (let k = 0; k < a; k++) s -= L[a * q + k] * y[k];
        y[a] = s / L[a * q + a];
      }
      for (let a = q - 1; a >= 0; a--) {
        let s = y[a];
        for (let k = a + 1; k < q; k++) s -= L[k * q + a] * y[k];
        y[a] = s / L[a * q + a];
      }
      for (let a = 0; a < q; a++) z[idx[a]] = y[a];
      return true;
    }
    return false;
  }
}
