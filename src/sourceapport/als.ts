import { Rng } from "../random/rng";
import { NnlsSolver } from "./nnls";
import { rowObjective, stepScratchDoubles, type Kernels } from "./kernels";
import { kernelArena, type KernelArena } from "./kernels-wasm";

/** Settings of one base run (see {@link PmfOptions} for the meaning and defaults). */
export interface RunSettings {
  p: number;
  robust: boolean;
  alpha: number;
  maxIterations: number;
  tolerance: number;
  relativeTolerance: number;
  window: number;
  /**
   * Keep each factor's mean contribution at 1 (rescaling F to match) after every iteration.
   * Needed when F elements are pulled or held (DISP, constraints, Fpeak): otherwise scaling a
   * whole factor (F_k·c, G_k/c) would move the element at no cost in Q. A factor with an
   * element held at a positive value (`fTargets`, `fFixed`) also keeps mean 1 inside the G
   * half-step (a Lagrange multiplier), so the fit reaches the constrained minimum.
   */
  normaliseG?: boolean;
  /** Instead keep each factor's profile summing to 1 (rescaling G); used when G is pulled (negative Fpeak). */
  normaliseF?: boolean;
  /**
   * Which `EXTRAPOLATION` schedule a fit uses (default: `penalised` for fits with penalties
   * or a normalisation, else `free`). DISP refits, whose only penalty is the displaced element
   * held exactly (`fFixed`), use `free`.
   */
  extrapolation?: "free" | "penalised";
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
 * Extra terms added to the objective of a fit (used by DISP, constraints and Fpeak; Q(true) and
 * Q(robust) reported by a fit never include them). Indices are 0-based: factor k, species j,
 * sample i.
 */
export interface Penalties {
  /** weight·(F_kj − target)²: pulls an element to a value (large weight ≈ fixed). */
  fTargets?: { k: number; j: number; target: number; weight: number }[];
  /** F_kj = value exactly (a hard constraint: the element is eliminated from its column's NNLS). */
  fFixed?: { k: number; j: number; value: number }[];
  /** weight·(F_ka − ratio·F_kb)²: a ratio between two species in one factor. */
  ratios?: { k: number; a: number; b: number; ratio: number; weight: number }[];
  /** Σ_kj l1F[j]·F_kj (length m): pushes profile elements towards 0 (sharper F). */
  l1F?: Float64Array;
  /** Σ_ik l1G[k]·G_ik (length p): pushes contributions towards 0 (sharper G). */
  l1G?: Float64Array;
  /** G_ik = value exactly (a hard constraint: the element is eliminated from its row's NNLS). */
  gFixed?: { i: number; k: number; value: number }[];
  /**
   * weight·(Σ coef·X − value)², X an element of F (`index` = species j) or of G (`index` =
   * sample i) of factor k: a linear expression of profile and/or contribution elements held at
   * a value (constraints: G targets, G ratios between factors, F sums and expressions).
   */
  expressions?: PenaltyExpression[];
}

/** One linear expression of {@link Penalties}: weight·(Σ coef·X − value)². */
export interface PenaltyExpression {
  terms: { matrix: "F" | "G"; k: number; index: number; coef: number }[];
  value: number;
  weight: number;
}

/** Σ coef·X of an expression at (G, F) (G n×p, F p×m row-major). */
export function expressionValue(e: PenaltyExpression, G: Float64Array, F: Float64Array, m: number, p: number): number {
  let v = 0;
  for (const t of e.terms) v += t.coef * (t.matrix === "F" ? F[t.k * m + t.index] : G[t.index * p + t.k]);
  return v;
}

/** The value of the G-side and expression penalties ({@link Penalties} `expressions`; `gFixed` costs nothing). */
export function constraintPenalty(G: Float64Array, F: Float64Array, m: number, p: number, pen?: Penalties): number {
  let q = 0;
  for (const e of pen?.expressions ?? []) q += e.weight * (expressionValue(e, G, F, m, p) - e.value) ** 2;
  return q;
}

/**
 * Factors whose mean contribution the G half-step holds at 1 when `normaliseG` (see
 * {@link AlsWorkspace.updateGHeld}): those with a profile element held at a positive value, and
 * every factor an expression or a held contribution (G_ik > 0) names — their constraints are
 * stated in normalised units (contributions mean 1), so the scale of the factor must not drift.
 */
function heldFactors(pen: Penalties | undefined): number[] {
  if (!pen) return [];
  const ks = [
    ...(pen.fTargets ?? []).filter((t) => t.target > 0).map((t) => t.k),
    ...(pen.fFixed ?? []).filter((t) => t.value > 0).map((t) => t.k),
    ...(pen.gFixed ?? []).filter((t) => t.value > 0).map((t) => t.k),
    ...(pen.expressions ?? []).flatMap((e) => e.terms.map((t) => t.k)),
  ];
  return [...new Set(ks)];
}

/**
 * Add the expression penalties to one half-step's p×p normal equations A·y = b, y the factor
 * loadings of one F column (`matrix` "F", `index` = j) or one G row ("G", `index` = i): the
 * terms on y give A += w·a·aᵀ, b −= w·a·r, r the rest of the expression (other terms at their
 * current values) minus its value. Elements fixed in `fixed` are eliminated afterwards by the caller.
 */
function addExpressions(
  pen: Penalties,
  matrix: "F" | "G",
  index: number,
  A: Float64Array,
  ao: number,
  B: Float64Array,
  bo: number,
  G: Float64Array,
  F: Float64Array,
  m: number,
  p: number,
): void {
  const a = new Float64Array(p);
  for (const e of pen.expressions ?? []) {
    let on = false,
      r = -e.value;
    a.fill(0);
    for (const t of e.terms) {
      if (t.matrix === matrix && t.index === index) {
        a[t.k] += t.coef;
        on = true;
      } else r += t.coef * (t.matrix === "F" ? F[t.k * m + t.index] : G[t.index * p + t.k]);
    }
    if (!on) continue;
    for (let k = 0; k < p; k++) {
      if (a[k] === 0) continue;
      B[bo + k] -= e.weight * a[k] * r;
      for (let l = 0; l < p; l++) A[ao + k * p + l] += e.weight * a[k] * a[l];
    }
  }
}

/**
 * Eliminate y_k = value from a p×p system A·y = b (A at `ao`, b at `bo`): its column moves to
 * the right-hand side and row k is decoupled, so the NNLS returns y_k = value exactly.
 */
function eliminateFixed(
  A: Float64Array,
  ao: number,
  B: Float64Array,
  bo: number,
  p: number,
  k: number,
  value: number,
): void {
  const d = A[ao + k * p + k] > 0 ? A[ao + k * p + k] : 1;
  for (let l = 0; l < p; l++) {
    if (l === k) continue;
    B[bo + l] -= A[ao + l * p + k] * value;
    A[ao + l * p + k] = 0;
    A[ao + k * p + l] = 0;
  }
  A[ao + k * p + k] = d;
  B[bo + k] = d * value;
}

/**
 * The G-side penalties of row i (expressions on G_i·, then G_ik fixed) added to the row's
 * normal equations (A at `ao`, b at `bo`); applied after every other term of the row.
 */
function addGRowPenalties(
  pen: Penalties | undefined,
  i: number,
  A: Float64Array,
  ao: number,
  B: Float64Array,
  bo: number,
  G: Float64Array,
  F: Float64Array,
  m: number,
  p: number,
): void {
  if (!pen || (!pen.expressions && !pen.gFixed)) return;
  if (pen.expressions) addExpressions(pen, "G", i, A, ao, B, bo, G, F, m, p);
  for (const g of pen.gFixed ?? []) if (g.i === i) eliminateFixed(A, ao, B, bo, p, g.k, g.value);
}

/** The value of the penalty terms that act on F (the G terms are counted by the G half-step). */
export function fPenalty(F: Float64Array, m: number, p: number, pen: Penalties | undefined): number {
  if (!pen) return 0;
  let q = 0;
  for (const t of pen.fTargets ?? []) q += t.weight * (F[t.k * m + t.j] - t.target) ** 2;
  for (const r of pen.ratios ?? []) q += r.weight * (F[r.k * m + r.a] - r.ratio * F[r.k * m + r.b]) ** 2;
  if (pen.l1F) for (let k = 0; k < p; k++) for (let j = 0; j < m; j++) q += pen.l1F[j] * F[k * m + j];
  return q;
}

/** The value of the penalty terms that act on G. */
export function gPenalty(G: Float64Array, n: number, p: number, pen: Penalties | undefined): number {
  if (!pen?.l1G) return 0;
  let q = 0;
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) q += pen.l1G[k] * G[i * p + k];
  return q;
}

/** The data, uncertainties and fitted factors (row-major n×m, n×p, p×m) a residual is taken from. */
type ResidualInputs = Record<"x" | "s" | "G" | "F", Float64Array> & Record<"n" | "m" | "p", number>;

/**
 * Visit every cell's scaled residual e = (x − GF)/s (CONVENTIONS §1), row by row: `visit(c, e)`
 * with c = i·m + j the row-major cell index. The one loop behind {@link qValues} and the robust
 * reweighting.
 */
function eachScaledResidual(r: ResidualInputs, visit: (c: number, e: number) => void): void {
  const { x, s, G, F, n, m, p } = r;
  for (let i = 0; i < n; i++) {
    const gi = i * p,
      xi = i * m;
    for (let j = 0; j < m; j++) {
      let y = 0;
      for (let k = 0; k < p; k++) y += G[gi + k] * F[k * m + j];
      const c = xi + j;
      visit(c, (x[c] - y) / s[c]);
    }
  }
}

/**
 * Q(true) and Q(robust) of a solution (CONVENTIONS §1): Q(true) = Σ e², e = (x − GF)/s;
 * Q(robust) replaces e² by α·|e| where |e| > α.
 */
export function qValues(
  x: Float64Array,
  s: Float64Array,
  G: Float64Array,
  F: Float64Array,
  n: number,
  m: number,
  p: number,
  alpha: number,
): { qTrue: number; qRobust: number } {
  let qt = 0,
    qr = 0;
  eachScaledResidual({ x, s, G, F, n, m, p }, (_c, e) => {
    const e2 = e * e;
    qt += e2;
    const a = Math.abs(e);
    qr += a > alpha ? alpha * a : e2;
  });
  return { qTrue: qt, qRobust: qr };
}

/** Unpack the packed lower triangle at `Ap[o..]` (p(p+1)/2 values, row by row) into the full symmetric p×p `A`. */
function unpackTriangle(Ap: Float64Array, o: number, A: Float64Array, p: number): void {
  let t = o;
  for (let k = 0; k < p; k++) {
    for (let l = 0; l <= k; l++) {
      const v = Ap[t++];
      A[k * p + l] = v;
      A[l * p + k] = v;
    }
  }
}

/**
 * Scratch space and the two half-steps of weighted ALS. The kernels (kernels.ts in JavaScript,
 * kernels-wasm.ts in WebAssembly SIMD, bit-identical) accumulate the normal equations: row by row
 * for G (straight into a p×p matrix, solved at once, so no n×p² buffer is kept) and, for F, into
 * packed per-column sums in one pass over the data, unpacked for each column's p×p NNLS. Every
 * array a kernel reads or writes comes from the workspace's {@link KernelArena} (for WASM, views
 * into the kernels' linear memory), sized once for the fit by {@link AlsWorkspace.doubles}.
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
  /** Scratch of the fused half-steps (Kernels.gstep, fstep). */
  readonly scratch: Float64Array;
  /** The weights transposed (m×n), for the F half-step ({@link setWeights}). */
  readonly WT: Float64Array;
  readonly WXT: Float64Array;
  /** Packed g_i g_iᵀ per row (n × tri), written by the F half-step. */
  readonly H: Float64Array;
  /** Structural zeros of G (n×p, 1 = G_ik held at 0; see {@link alsFit}'s `gZero`). */
  gZero?: Uint8Array;
  /** Doubles the workspace takes from its arena, plus `extra` for the caller's arrays. */
  static doubles(n: number, m: number, p: number, extra: number): number {
    const tri = (p * (p + 1)) / 2;
    return 2 * m * tri + 2 * m * p + p * p + n + stepScratchDoubles(p) + 2 * n * m + n * tri + extra;
  }
  constructor(
    readonly n: number,
    readonly m: number,
    readonly p: number,
    readonly arena: KernelArena,
  ) {
    this.tri = (p * (p + 1)) / 2;
    this.nnls = new NnlsSolver(p);
    this.k = arena.kernels;
    this.outer = arena.alloc(m * this.tri);
    this.FT = arena.alloc(m * p);
    this.Ap = arena.alloc(m * this.tri);
    this.A = arena.alloc(p * p);
    this.B = arena.alloc(m * p);
    this.col = new Float64Array(p);
    this.cRow = arena.alloc(n);
    this.scratch = arena.alloc(stepScratchDoubles(p));
    this.WT = arena.alloc(m * n);
    this.WXT = arena.alloc(m * n);
    this.H = arena.alloc(n * this.tri);
  }

  /** Set the per-row constants Σ_j w_ij x_ij² and the transposed weights (call when the weights change). */
  setWeights(w: Float64Array, wx: Float64Array, x: Float64Array): void {
    const { n, m, cRow, WT, WXT } = this;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let j = i * m, e = j + m; j < e; j++) c += w[j] * x[j] * x[j];
      cRow[i] = c;
      for (let j = 0; j < m; j++) {
        WT[j * n + i] = w[i * m + j];
        WXT[j * n + i] = wx[i * m + j];
      }
    }
  }

  /** FT = Fᵀ (m×p), the layout the kernels read. */
  transposeF(F: Float64Array): Float64Array {
    const { m, p, FT } = this;
    for (let k = 0; k < p; k++) for (let j = 0; j < m; j++) FT[j * p + k] = F[k * m + j];
    return FT;
  }

  /**
   * Fᵀ (returned) and, in `outer`, each column's lower-triangle products f_jk·f_jl (l ≤ k), packed
   * `tri` per column: the F-side of the normal equations both G half-steps start from.
   */
  private packOuter(F: Float64Array): Float64Array {
    const { m, p, tri, outer } = this;
    const FT = this.transposeF(F);
    for (let j = 0; j < m; j++) {
      let t = j * tri;
      for (let k = 0; k < p; k++) {
        const fk = FT[j * p + k];
        for (let l = 0; l <= k; l++) outer[t++] = fk * FT[j * p + l];
      }
    }
    return FT;
  }

  /** Weighted objective Σ w (x − G F)² (arrays from the arena). */
  objective(x: Float64Array, w: Float64Array, G: Float64Array, F: Float64Array): number {
    return this.k.objective(x, w, G, F, this.n, this.m);
  }

  /**
   * G (in/out, warm start) = argmin_{G ≥ 0} Σ w (x − G F)² (+ Σ l1G_k·G_ik), row by row. Returns
   * that objective at the new (G, F), from the normal equations: Σ_i c_i − 2 b_iᵀg_i + g_iᵀA_i g_i.
   */
  updateG(
    w: Float64Array,
    wx: Float64Array,
    F: Float64Array,
    G: Float64Array,
    l1G?: Float64Array,
    pen?: Penalties,
  ): number {
    const { n, m, p, tri, outer, A, B, nnls, cRow } = this;
    const FT = this.packOuter(F);
    // no term of the row's own: the fused half-step (normal equations, NNLS, objective in one kernel call)
    if (!l1G && !this.gZero && !pen?.expressions && !pen?.gFixed)
      return this.k.gstep(w, wx, outer, FT, A, B, G, cRow, n, m, this.scratch);
    const row = this.k.row;
    let q = 0;
    for (let i = 0; i < n; i++) {
      row(w, wx, outer, FT, A, B, i, m);
      // an L1 term c·g adds −c/2 to b; the objective below then includes it
      if (l1G) for (let k = 0; k < p; k++) B[k] -= 0.5 * l1G[k];
      if (this.gZero) dropZeros(A, B, this.gZero, i, p);
      const gi = i * p;
      addGRowPenalties(pen, i, A, 0, B, 0, G, F, m, p);
      nnls.solve(A, 0, B, 0, G, gi);
      q += rowObjective(cRow[i], A, 0, B, 0, G, gi, p);
    }
    return q;
  }

  /** Per-row normal equations kept for {@link updateGHeld} (n·p² and n·p), allocated on first use. */
  private An?: Float64Array;
  private Bn?: Float64Array;
  private Bl?: Float64Array;

  /**
   * {@link updateG} with the mean contribution of each factor in `held` kept at 1: a Lagrange
   * term λ_k·Σ_i G_ik is added for each held factor, λ_k found (warm-started from and written
   * back to `lam`) so that |mean_i G_ik − 1| ≤ 1e-9. Used when profile elements are held at a
   * value in normalised units (G mean 1): otherwise the unconstrained G half-step rescales the
   * factor, the normalisation moves the held element, and the fit settles at a point that is
   * not the constrained minimum (DISP intervals far too narrow). Returns the objective without
   * the Lagrange terms.
   */
  updateGHeld(
    w: Float64Array,
    wx: Float64Array,
    F: Float64Array,
    G: Float64Array,
    l1G: Float64Array | undefined,
    held: number[],
    lam: Float64Array,
    pen?: Penalties,
  ): number {
    const { n, m, p, tri, outer, A, B, nnls, cRow } = this;
    const pp = p * p;
    const An = (this.An ??= new Float64Array(n * pp)),
      Bn = (this.Bn ??= new Float64Array(n * p)),
      Bl = (this.Bl ??= new Float64Array(n * p));
    const FT = this.packOuter(F);
    for (let i = 0; i < n; i++) {
      this.k.row(w, wx, outer, FT, A, B, i, m);
      if (l1G) for (let k = 0; k < p; k++) B[k] -= 0.5 * l1G[k];
      if (this.gZero) dropZeros(A, B, this.gZero, i, p);
      An.set(A, i * pp);
      for (let k = 0; k < p; k++) Bn[i * p + k] = B[k];
      addGRowPenalties(pen, i, An, i * pp, Bn, i * p, G, F, m, p);
    }
    // contributions fixed by a constraint (gFixed) take no Lagrange term: they stay at their value
    const free = new Uint8Array(n * p).fill(1);
    for (const g of pen?.gFixed ?? []) free[g.i * p + g.k] = 0;
    const solveRows = () => {
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < p; k++) Bl[i * p + k] = Bn[i * p + k] - 0.5 * lam[k] * free[i * p + k];
        nnls.solve(An, i * pp, Bl, i * p, G, i * p);
      }
    };
    const meanMinus1 = (k: number) => {
      let c = 0;
      for (let i = 0; i < n; i++) c += G[i * p + k];
      return c / n - 1;
    };
    // only factors whose contributions can be positive at all (some A_ii,kk > 0)
    const ks = held.filter((k) => {
      for (let i = 0; i < n; i++) if (An[i * pp + k * p + k] > 0) return true;
      return false;
    });
    solveRows();
    const tol = 1e-9;
    for (let cycle = 0; cycle < 50; cycle++) {
      let worst = 0;
      for (const k of ks) {
        let a = lam[k],
          fa = meanMinus1(k);
        if (Math.abs(fa) <= tol) continue;
        // first step from the slope of mean G_k in λ_k when only G_ik moves: −Σ 1/(2n·A_ii,kk) over rows with G_ik > 0
        let sum = 0,
          all = 0;
        for (let i = 0; i < n; i++) {
          const d = An[i * pp + k * p + k];
          if (!(d > 0) || !free[i * p + k]) continue;
          all += 1 / d;
          if (G[i * p + k] > 0) sum += 1 / d;
        }
        const slope = (-0.5 * (sum > 0 ? sum : all)) / n;
        const f = (v: number) => {
          lam[k] = v;
          solveRows();
          return meanMinus1(k);
        };
        // f(λ) = mean G_k − 1 is decreasing and piecewise linear in λ: secant steps outwards until
        // the root is bracketed, then Illinois regula falsi inside the bracket
        let b = a - fa / slope,
          fb = f(b);
        for (let it = 0; it < 60 && fa * fb > 0; it++) {
          const step = b - a;
          const sec = fb !== fa ? b - (fb * step) / (fb - fa) : b + 4 * step;
          const c =
            step > 0
              ? Math.min(Math.max(sec, b + step), b + 4 * step)
              : Math.max(Math.min(sec, b + step), b + 4 * step);
          a = b;
          fa = fb;
          b = c;
          fb = f(c);
        }
        for (let it = 0; it < 100 && Math.abs(fb) > tol && fa * fb < 0; it++) {
          const c = b - (fb * (b - a)) / (fb - fa);
          const fc = f(c);
          if (fc * fb < 0) {
            a = b;
            fa = fb;
          } else fa /= 2;
          b = c;
          fb = fc;
        }
        worst = Math.max(worst, Math.abs(fb));
      }
      if (worst <= tol) break;
    }
    let q = 0;
    for (let i = 0; i < n; i++) q += rowObjective(cRow[i], An, i * pp, Bn, i * p, G, i * p, p);
    return q;
  }

  /**
   * F (in/out, warm start) = argmin_{F ≥ 0} Σ w (x − G F)² (+ the F penalties), column by
   * column (a ratio couples two columns: each is solved with the other at its current value).
   */
  updateF(w: Float64Array, wx: Float64Array, G: Float64Array, F: Float64Array, pen?: Penalties): void {
    const { n, m, p, tri, Ap, B, nnls, col, A } = this;
    if (!pen?.fTargets && !pen?.ratios && !pen?.l1F && !pen?.expressions && !pen?.fFixed)
      return this.k.fstep(this.WT, this.WXT, G, this.H, A, B, F, n, m, this.scratch);
    this.k.cols(w, wx, G, Ap, B, n, m);
    for (let j = 0; j < m; j++) {
      unpackTriangle(Ap, j * tri, A, p);
      const bo = j * p;
      if (pen) {
        for (const t of pen.fTargets ?? []) {
          if (t.j !== j) continue;
          A[t.k * p + t.k] += t.weight;
          B[bo + t.k] += t.weight * t.target;
        }
        for (const r of pen.ratios ?? []) {
          if (r.a === j) {
            A[r.k * p + r.k] += r.weight;
            B[bo + r.k] += r.weight * r.ratio * F[r.k * m + r.b];
          } else if (r.b === j) {
            A[r.k * p + r.k] += r.weight * r.ratio * r.ratio;
            B[bo + r.k] += r.weight * r.ratio * F[r.k * m + r.a];
          }
        }
        if (pen.l1F) for (let k = 0; k < p; k++) B[bo + k] -= 0.5 * pen.l1F[j];
        if (pen.expressions) addExpressions(pen, "F", j, A, 0, B, bo, G, F, m, p);
        for (const fx of pen.fFixed ?? []) if (fx.j === j) eliminateFixed(A, 0, B, bo, p, fx.k, fx.value);
      }
      for (let k = 0; k < p; k++) col[k] = F[k * m + j];
      nnls.solve(A, 0, B, bo, col, 0);
      // d·value/d can differ from value in the last bit: a fixed element is set to its value exactly
      if (pen) for (const fx of pen.fFixed ?? []) if (fx.j === j) col[fx.k] = fx.value;
      for (let k = 0; k < p; k++) F[k * m + j] = col[k];
    }
  }
}

/**
 * Leave the structurally zero factors of row i (gZero[i·p + k] = 1) out of that row's NNLS:
 * row and column k of A are cleared (the diagonal kept, so the solver's scale is unchanged) and
 * b_k = 0, so with g_ik = 0 at the start the gradient b_k − (A g)_k is 0 and g_ik never enters
 * the passive set: it stays exactly 0 and the other factors solve the reduced problem.
 */
function dropZeros(A: Float64Array, B: Float64Array, gZero: Uint8Array, i: number, p: number): void {
  for (let k = 0; k < p; k++) {
    if (!gZero[i * p + k]) continue;
    for (let l = 0; l < p; l++) {
      if (l === k) continue;
      A[k * p + l] = 0;
      A[l * p + k] = 0;
    }
    B[k] = 0;
  }
}

/** One extrapolation schedule of {@link alsFit} (see `EXTRAPOLATION`). */
export interface ExtrapolationSchedule {
  readonly beta0: number;
  readonly betaMax0: number;
  readonly grow: number;
  readonly growMax: number;
  readonly betaCap: number;
  readonly shrink: number;
}

/**
 * The extrapolation schedules of {@link alsFit} (Ang & Gillis 2019, Algorithm 2): start β =
 * `beta0`, β̄ = `betaMax0`; after an accepted step β ← min(β̄, `grow`·β), β̄ ← min(`betaCap`,
 * `growMax`·β̄); after a rejected one β̄ ← β, β ← β/`shrink`.
 *
 * `penalised` (fits with penalty terms or a normalisation: DISP, constraints, Fpeak) keeps Ang &
 * Gillis's values (grow 1.05, growMax 1.01, β̄ ≤ 1). `free` (base and bootstrap runs) relaxes
 * β̄ ≤ 1 to 4 with faster growth, the longer steps of Bro 1998's ALS line search. Measured sweeps
 * (20 runs, seed 1; the same best Q to 0.1 or lower): Baton Rouge k = 6 2,005 → 1,575, St. Louis
 * 5,216 → 3,811, the hourly bench year k = 8 (4 runs) 830 → 667. Faster schedules (growth 1.5,
 * cap 8) save a few % more but reach another solution of the same Q on the Shenyang known truth,
 * whose vehicle share then misses by 30 % (test/profiles/identify); with penalties the free
 * schedule leaves Fpeak's dQ non-monotone in the strength (test/sourceapport/rotate).
 */
export const EXTRAPOLATION: { readonly free: ExtrapolationSchedule; readonly penalised: ExtrapolationSchedule } = {
  free: { beta0: 0.5, betaMax0: 1, grow: 1.3, growMax: 1.1, betaCap: 4, shrink: 1.5 },
  penalised: { beta0: 0.5, betaMax0: 1, grow: 1.05, growMax: 1.01, betaCap: 1, shrink: 1.5 },
};

/**
 * One PMF base run by weighted alternating non-negative least squares with extrapolation.
 *
 * With F fixed, each row of G solves a p×p NNLS on the weighted normal equations; then each
 * column of F likewise (the problem is Paatero & Tapper 1994's; the ALS/NNLS scheme follows
 * Bro & De Jong 1997). After each ALS sweep the step is extrapolated, X ← max(0, X + β·ΔX), and
 * kept only if it lowers the objective; β grows after a success and shrinks after a failure
 * (the extrapolation of Ang & Gillis 2019, Neural Computation 31:417), so the run is monotone.
 * For runs without penalties their bound β ≤ β̄ ≤ 1 is relaxed to β̄ ≤ 4 with faster growth
 * (the longer steps of Bro 1998's ALS line search; `EXTRAPOLATION`): on the EPA examples
 * and the hourly bench year this needs 20–27 % fewer sweeps and ends at the same or a lower Q.
 *
 * The random start sets F_kj = U(0,1)·mean_j(x) from the run's seed. In robust mode the weights
 * are recomputed every iteration from the current scaled residuals e: s' = s·sqrt(|e|/α) where
 * |e| > α (iteratively reweighted least squares, as EPA PMF's robust mode).
 *
 * Converged when the objective decreased by less than max(`tolerance`, `relativeTolerance`·Q)
 * over the last `window`
 * iterations; otherwise the run stops at `maxIterations` and says so.
 *
 * The normal-equation sums and the objective run in WebAssembly SIMD (f64x2) kernels when built
 * and supported, else in the generated JavaScript kernels; both add the same terms in the same
 * order, so G, F and Q are bit-identical either way (`AOZORA_PMF_KERNELS=js|wasm|auto` chooses;
 * kernels-wasm.ts). Without penalties each half-step is one kernel call (normal equations and the
 * NNLS of every row or column: Kernels.gstep, fstep); with them the NNLS runs in JavaScript
 * (nnls.ts, the same operations, so the same bits).
 */
export function alsRun(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  seed: number,
  st: RunSettings,
  gZero?: Uint8Array,
): RunOutcome {
  return alsFit(x, s, n, m, undefined, randomStartF(x, n, m, st.p, seed), st, undefined, gZero);
}

/** The random start of a base run (p×m): F_kj = U(0,1)·mean_j(x), drawn from `new Rng(seed)` column by column. */
export function randomStartF(x: Float64Array, n: number, m: number, p: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const F = new Float64Array(p * m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i * m + j];
    const mean = Math.max(sum / n, 1e-12);
    for (let k = 0; k < p; k++) F[k * m + j] = rng.uniform() * mean;
  }
  return F;
}

/**
 * Weighted ALS with extrapolation from a given start (see {@link alsRun} for the method): F0 is
 * required; with G0 the first half-step keeps it as the warm start of the G update (bootstrap,
 * DISP and constraints start from the base solution). `pen` adds penalty terms to the objective
 * (not to the reported Q). G0 and F0 are not modified. `gZero` (n×p, 1 = structural zero) holds
 * G_ik at exactly 0 (joint PMF over sites: factor k absent at row i's site; see dropZeros).
 */
export function alsFit(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  G0: Float64Array | undefined,
  F0: Float64Array,
  st: RunSettings,
  pen?: Penalties,
  gZero?: Uint8Array,
): RunOutcome {
  const { p, robust, alpha } = st;
  const nm = n * m;
  // every array a kernel touches comes from one arena (WASM linear memory or plain arrays)
  const arena = kernelArena(p, AlsWorkspace.doubles(n, m, p, 3 * nm + 3 * (n + m) * p));
  const ws = new AlsWorkspace(n, m, p, arena);
  const xa = arena.alloc(nm);
  xa.set(x.subarray(0, nm));
  let G = arena.alloc(n * p);
  if (G0) G.set(G0);
  if (gZero) for (let c = 0; c < n * p; c++) if (gZero[c]) G[c] = 0;
  let F = arena.alloc(p * m);
  F.set(F0);
  const w0 = new Float64Array(nm);
  for (let c = 0; c < nm; c++) w0[c] = 1 / (s[c] * s[c]);
  const w = arena.alloc(nm);
  w.set(w0);
  const wx = arena.alloc(nm);
  for (let c = 0; c < nm; c++) wx[c] = w[c] * x[c];

  let Gn = arena.alloc(n * p);
  let Fn = arena.alloc(p * m);
  let Ge = arena.alloc(n * p);
  let Fe = arena.alloc(p * m);
  ws.gZero = gZero;
  ws.setWeights(w, wx, x);
  // factors with an element held at a positive value in normalised units (G mean 1): their mean
  // contribution is held at 1 inside the G half-step (see AlsWorkspace.updateGHeld)
  const held = st.normaliseG ? heldFactors(pen) : [];
  const lam = new Float64Array(p);
  // a factor with an element fixed at a positive value is not rescaled by the normalisation: its
  // mean contribution is held at 1 by the G half-step, and rescaling would move the fixed element
  // off its value (the F half-step would put it back, but the fit would end a little off it)
  let fixedScale: Uint8Array | undefined;
  if (st.normaliseG && held.length) {
    for (const fx of pen?.fFixed ?? []) if (fx.value > 0) (fixedScale ??= new Uint8Array(p))[fx.k] = 1;
  }
  const updateG = (FF: Float64Array, GG: Float64Array) =>
    held.length ? ws.updateGHeld(w, wx, FF, GG, pen?.l1G, held, lam, pen) : ws.updateG(w, wx, FF, GG, pen?.l1G, pen);
  updateG(F, G); // first G from the start F
  const penaltyF = (FF: Float64Array) => fPenalty(FF, m, p, pen);
  // with G-side or expression penalties the half-step's own objective omits constants: evaluate directly
  const direct = !!(pen?.expressions?.length || pen?.gFixed?.length);
  const penaltyGF = (GG: Float64Array, FF: Float64Array) =>
    gPenalty(GG, n, p, pen) + constraintPenalty(GG, FF, m, p, pen);
  const X = st.extrapolation
    ? EXTRAPOLATION[st.extrapolation]
    : pen || st.normaliseG || st.normaliseF
      ? EXTRAPOLATION.penalised
      : EXTRAPOLATION.free;
  let beta: number = X.beta0,
    betaMax: number = X.betaMax0;
  const history: number[] = [];
  let iterations = 0,
    converged = false;

  for (let it = 0; it < st.maxIterations; it++) {
    iterations = it + 1;
    // plain ALS sweep from (G, F)
    Gn.set(G);
    Fn.set(F);
    ws.updateF(w, wx, Gn, Fn, pen);
    const qHalf = updateG(Fn, Gn);
    const qPlain = direct ? ws.objective(xa, w, Gn, Fn) + penaltyF(Fn) + penaltyGF(Gn, Fn) : qHalf + penaltyF(Fn);
    // extrapolated point
    for (let c = 0; c < Gn.length; c++) Ge[c] = Math.max(0, Gn[c] + beta * (Gn[c] - G[c]));
    for (let c = 0; c < Fn.length; c++) Fe[c] = Math.max(0, Fn[c] + beta * (Fn[c] - F[c]));
    for (const fx of pen?.fFixed ?? []) Fe[fx.k * m + fx.j] = fx.value; // the extrapolation must not move fixed elements
    for (const gx of pen?.gFixed ?? []) Ge[gx.i * p + gx.k] = gx.value;
    const qExtra = ws.objective(xa, w, Ge, Fe) + penaltyF(Fe) + penaltyGF(Ge, Fe);
    let next: number;
    if (qExtra < qPlain) {
      [G, Ge] = [Ge, G];
      [F, Fe] = [Fe, F];
      next = qExtra;
      beta = Math.min(betaMax, beta * X.grow);
      betaMax = Math.min(X.betaCap, betaMax * X.growMax);
    } else {
      [G, Gn] = [Gn, G];
      [F, Fn] = [Fn, F];
      next = qPlain;
      betaMax = beta;
      beta = beta / X.shrink;
    }
    if (st.normaliseG) normaliseInPlace(G, F, n, m, p, undefined, fixedScale);
    else if (st.normaliseF) normaliseRowsF(G, F, n, m, p);
    if (robust) {
      next = reweight({ x, s, G, F, n, m, p }, w0, w, alpha) + penaltyF(F) + penaltyGF(G, F);
      for (let c = 0; c < nm; c++) wx[c] = w[c] * x[c];
      ws.setWeights(w, wx, x);
    }
    history.push(next);
    if (
      history.length > st.window &&
      history[history.length - 1 - st.window] - next < Math.max(st.tolerance, st.relativeTolerance * next)
    ) {
      converged = true;
      break;
    }
  }
  const q = qValues(x, s, G, F, n, m, p, alpha);
  // copies out of the arena (a WASM memory's buffer cannot be transferred between threads)
  return { G: G.slice(), F: F.slice(), qTrue: q.qTrue, qRobust: q.qRobust, iterations, converged };
}

/**
 * Rescale so each factor's mean contribution is 1 (G_k /= c_k, F_k *= c_k); GF is unchanged.
 * The mean is Σ_i G_ik / rows[k] when `rows` is given (a joint fit: the rows of the sites where
 * factor k exists), else over all n rows. Factors with `skip[k]` ≠ 0 are left as they are.
 */
export function normaliseInPlace(
  G: Float64Array,
  F: Float64Array,
  n: number,
  m: number,
  p: number,
  rows?: ArrayLike<number>,
  skip?: ArrayLike<number>,
): void {
  for (let k = 0; k < p; k++) {
    if (skip && skip[k]) continue;
    let c = 0;
    for (let i = 0; i < n; i++) c += G[i * p + k];
    c /= rows ? rows[k] : n;
    if (!(c > 0)) continue;
    for (let i = 0; i < n; i++) G[i * p + k] /= c;
    for (let j = 0; j < m; j++) F[k * m + j] *= c;
  }
}

/** Rescale so each factor's profile sums to 1 (F_k /= c_k, G_k *= c_k); GF is unchanged. */
export function normaliseRowsF(G: Float64Array, F: Float64Array, n: number, m: number, p: number): void {
  for (let k = 0; k < p; k++) {
    let c = 0;
    for (let j = 0; j < m; j++) c += F[k * m + j];
    if (!(c > 0)) continue;
    for (let j = 0; j < m; j++) F[k * m + j] /= c;
    for (let i = 0; i < n; i++) G[i * p + k] *= c;
  }
}

/** Recompute robust weights w = w0·min(1, α/|e|) and return the robust objective Σ ρ(e) (the Huber form the IRLS minimises). */
function reweight(r: ResidualInputs, w0: Float64Array, w: Float64Array, alpha: number): number {
  let q = 0;
  eachScaledResidual(r, (c, e) => {
    const a = Math.abs(e);
    if (a > alpha) {
      w[c] = (w0[c] * alpha) / a;
      q += 2 * alpha * a - alpha * alpha;
    } else {
      w[c] = w0[c];
      q += a * a;
    }
  });
  return q;
}
