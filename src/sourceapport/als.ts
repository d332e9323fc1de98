import { Rng } from "../random/rng";
import { NnlsSolver } from "./nnls";
import { kernelsFor, type Kernels } from "./kernels";

/** Settings of one base run (see {@link PmfOptions} for the meaning and defaults). */
export interface RunSettings {
  p: number;
  robust: boolean;
  alpha: number;
  maxIterations: number;
  tolerance: number;
  relativeTolerance: number;
  window: number;
}

/** What one run returns. */
export interface RunOutcome {
  G: Float64Array;
  F: Float64Array;
  qTrue: number;
  qRobust: number;
  iterations: number;
  converged: boolean;
}

/**
 * Q(true) and Q(robust) of a solution (CONVENTIONS §1): Q(true) = Σ e², e = (x − GF)/s;
 * Q(robust) replaces e² by α·|e| where |e| > α.
 */
export function qValues(x: Float64Array, s: Float64Array, G: Float64Array, F: Float64Array, n: number, m: number, p: number, alpha: number): { qTrue: number; qRobust: number } {
  let qt = 0, qr = 0;
  for (let i = 0; i < n; i++) {
    const gi = i * p, xi = i * m;
    for (let j = 0; j < m; j++) {
      let y = 0;
      for (let k = 0; k < p; k++) y += G[gi + k] * F[k * m + j];
      const e = (x[xi + j] - y) / s[xi + j];
      const e2 = e * e;
      qt += e2;
      const a = Math.abs(e);
      qr += a > alpha ? alpha * a : e2;
    }
  }
  return { qTrue: qt, qRobust: qr };
}

/**
 * Scratch space and the two half-steps of weighted ALS. The generated kernels (kernels.ts)
 * accumulate the normal equations: row by row for G (straight into a p×p matrix, solved at once,
 * so no n×p² buffer is kept) and, for F, into packed per-column sums in one pass over the data,
 * unpacked for each column's p×p NNLS.
 */
class AlsWorkspace {
  readonly tri: number;
  readonly nnls: NnlsSolver;
  readonly k: Kernels;
  readonly outer: Float64Array;
  readonly FT: Float64Array;
  readonly Ap: Float64Array;
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly col: Float64Array;
  /** Σ_j w_ij x_ij² per row (for the objective from the normal equations). */
  readonly cRow: Float64Array;
  constructor(readonly n: number, readonly m: number, readonly p: number) {
    this.tri = (p * (p + 1)) / 2;
    this.nnls = new NnlsSolver(p);
    this.k = kernelsFor(p);
    this.outer = new Float64Array(m * this.tri);
    this.FT = new Float64Array(m * p);
    this.Ap = new Float64Array(m * this.tri);
    this.A = new Float64Array(p * p);
    this.B = new Float64Array(m * p);
    this.col = new Float64Array(p);
    this.cRow = new Float64Array(n);
  }

  /** Unpack the packed lower triangle at `Ap[o..]` into the full symmetric `A`. */
  private unpack(o: number): void {
    const { p, A, Ap } = this;
    let t = o;
    for (let k = 0; k < p; k++) {
      for (let l = 0; l <= k; l++) {
        const v = Ap[t++];
        A[k * p + l] = v;
        A[l * p + k] = v;
      }
    }
  }

  /** Set the per-row constants Σ_j w_ij x_ij² (call when the weights change). */
  setRowConstants(w: Float64Array, x: Float64Array): void {
    const { n, m, cRow } = this;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let j = i * m, e = j + m; j < e; j++) c += w[j] * x[j] * x[j];
      cRow[i] = c;
    }
  }

  /** FT = Fᵀ (m×p), the layout the kernels read. */
  transposeF(F: Float64Array): Float64Array {
    const { m, p, FT } = this;
    for (let k = 0; k < p; k++) for (let j = 0; j < m; j++) FT[j * p + k] = F[k * m + j];
    return FT;
  }

  /** Weighted objective Σ w (x − G F)². */
  objective(x: Float64Array, w: Float64Array, G: Float64Array, F: Float64Array): number {
    return this.k.objective(x, w, G, this.transposeF(F), this.n, this.m);
  }

  /**
   * G (in/out, warm start) = argmin_{G ≥ 0} Σ w (x − G F)², row by row. Returns the weighted
   * objective at the new (G, F), from the normal equations: Σ_i c_i − 2 b_iᵀg_i + g_iᵀA_i g_i.
   */
  updateG(w: Float64Array, wx: Float64Array, F: Float64Array, G: Float64Array): number {
    const { n, m, p, tri, outer, A, B, nnls, cRow } = this;
    const FT = this.transposeF(F);
    for (let j = 0; j < m; j++) {
      let t = j * tri;
      for (let k = 0; k < p; k++) {
        const fk = FT[j * p + k];
        for (let l = 0; l <= k; l++) outer[t++] = fk * FT[j * p + l];
      }
    }
    const row = this.k.row;
    let q = 0;
    for (let i = 0; i < n; i++) {
      row(w, wx, outer, FT, A, B, i, m);
      const gi = i * p;
      nnls.solve(A, 0, B, 0, G, gi);
      let qi = cRow[i];
      for (let k = 0; k < p; k++) {
        const gk = G[gi + k];
        if (gk === 0) continue;
        let ag = 0;
        for (let l = 0; l < p; l++) ag += A[k * p + l] * G[gi + l];
        qi += gk * (ag - 2 * B[k]);
      }
      q += qi;
    }
    return q;
  }

  /** F (in/out, warm start) = argmin_{F ≥ 0} Σ w (x − G F)², column by column. */
  updateF(w: Float64Array, wx: Float64Array, G: Float64Array, F: Float64Array): void {
    const { n, m, p, tri, Ap, B, nnls, col, A } = this;
    this.k.cols(w, wx, G, Ap, B, n, m);
    for (let j = 0; j < m; j++) {
      this.unpack(j * tri);
      for (let k = 0; k < p; k++) col[k] = F[k * m + j];
      nnls.solve(A, 0, B, j * p, col, 0);
      for (let k = 0; k < p; k++) F[k * m + j] = col[k];
    }
  }
}

/**
 * One PMF base run by weighted alternating non-negative least squares with extrapolation.
 *
 * With F fixed, each row of G solves a p×p NNLS on the weighted normal equations; then each
 * column of F likewise (the problem is Paatero & Tapper 1994's; the ALS/NNLS scheme follows
 * Bro & De Jong 1997). After each ALS sweep the step is extrapolated, X ← max(0, X + β·ΔX), and
 * kept only if it lowers the objective; β grows after a success and shrinks after a failure
 * (the extrapolation of Ang & Gillis 2019, Neural Computation 31:417), so the run is monotone.
 *
 * The random start sets F_kj = U(0,1)·mean_j(x) from the run's seed. In robust mode the weights
 * are recomputed every iteration from the current scaled residuals e: s' = s·sqrt(|e|/α) where
 * |e| > α (iteratively reweighted least squares, as EPA PMF's robust mode).
 *
 * Converged when the objective decreased by less than max(`tolerance`, `relativeTolerance`·Q)
 * over the last `window`
 * iterations; otherwise the run stops at `maxIterations` and says so.
 */
export function alsRun(x: Float64Array, s: Float64Array, n: number, m: number, seed: number, st: RunSettings): RunOutcome {
  const { p, robust, alpha } = st;
  const rng = new Rng(seed);
  let G = new Float64Array(n * p);
  let F = new Float64Array(p * m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i * m + j];
    const mean = Math.max(sum / n, 1e-12);
    for (let k = 0; k < p; k++) F[k * m + j] = rng.uniform() * mean;
  }
  const nm = n * m;
  const w0 = new Float64Array(nm);
  for (let c = 0; c < nm; c++) w0[c] = 1 / (s[c] * s[c]);
  const w = robust ? new Float64Array(w0) : w0;
  const wx = new Float64Array(nm);
  for (let c = 0; c < nm; c++) wx[c] = w[c] * x[c];

  const ws = new AlsWorkspace(n, m, p);
  let Gn = new Float64Array(n * p);
  let Fn = new Float64Array(p * m);
  let Ge = new Float64Array(n * p);
  let Fe = new Float64Array(p * m);
  ws.setRowConstants(w, x);
  ws.updateG(w, wx, F, G); // first G from the random F
  let beta = 0.5, betaMax = 1;
  const history: number[] = [];
  let iterations = 0, converged = false;
  let obj = ws.objective(x, w, G, F);

  for (let it = 0; it < st.maxIterations; it++) {
    iterations = it + 1;
    // plain ALS sweep from (G, F)
    Gn.set(G);
    Fn.set(F);
    ws.updateF(w, wx, Gn, Fn);
    const qPlain = ws.updateG(w, wx, Fn, Gn);
    // extrapolated point
    for (let c = 0; c < Gn.length; c++) Ge[c] = Math.max(0, Gn[c] + beta * (Gn[c] - G[c]));
    for (let c = 0; c < Fn.length; c++) Fe[c] = Math.max(0, Fn[c] + beta * (Fn[c] - F[c]));
    const qExtra = ws.objective(x, w, Ge, Fe);
    let next: number;
    if (qExtra < qPlain) {
      [G, Ge] = [Ge, G];
      [F, Fe] = [Fe, F];
      next = qExtra;
      beta = Math.min(betaMax, beta * 1.05);
      betaMax = Math.min(1, betaMax * 1.01);
    } else {
      [G, Gn] = [Gn, G];
      [F, Fn] = [Fn, F];
      next = qPlain;
      betaMax = beta;
      beta = beta / 1.5;
    }
    if (robust) {
      next = reweight(x, s, w0, w, G, F, n, m, p, alpha);
      for (let c = 0; c < nm; c++) wx[c] = w[c] * x[c];
      ws.setRowConstants(w, x);
    }
    obj = next;
    history.push(obj);
    if (history.length > st.window && history[history.length - 1 - st.window] - obj < Math.max(st.tolerance, st.relativeTolerance * obj)) {
      converged = true;
      break;
    }
  }
  const q = qValues(x, s, G, F, n, m, p, alpha);
  return { G, F, qTrue: q.qTrue, qRobust: q.qRobust, iterations, converged };
}

/** Recompute robust weights w = w0·min(1, α/|e|) and return the robust objective Σ ρ(e) (the Huber form the IRLS minimises). */
function reweight(x: Float64Array, s: Float64Array, w0: Float64Array, w: Float64Array, G: Float64Array, F: Float64Array, n: number, m: number, p: number, alpha: number): number {
  let q = 0;
  for (let i = 0; i < n; i++) {
    const gi = i * p, xi = i * m;
    for (let j = 0; j < m; j++) {
      let y = 0;
      for (let k = 0; k < p; k++) y += G[gi + k] * F[k * m + j];
      const c = xi + j;
      const e = (x[c] - y) / s[c];
      const a = Math.abs(e);
      if (a > alpha) {
        w[c] = (w0[c] * alpha) / a;
        q += 2 * alpha * a - alpha * alpha;
      } else {
        w[c] = w0[c];
        q += a * a;
      }
    }
  }
  return q;
}
