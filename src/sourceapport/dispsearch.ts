import { pearsonStrided } from "../stats/correlation";
import { alsFit, type Penalties, type RunSettings } from "./als";

/** One displacement search: one profile element, one direction, all dQmax levels. */
export interface DispSearchTask {
  kind: "disp";
  /** Factor and species (0-based) of the element F_kj. */
  k: number;
  j: number;
  /** +1 displaces upwards, −1 downwards. */
  direction: 1 | -1;
  /** dQmax levels, ascending. */
  levels: number[];
  /** The base solution (start of every fit and reference for swaps). */
  G0: Float64Array;
  F0: Float64Array;
  /** The base objective (Q(true), or Q(robust) in robust mode) the dQ are measured from. */
  qBase: number;
  /**
   * 1e3 × the one-element curvature (the weight of the stiff penalty that held F_kj before
   * aozora 0.2; the element is now held exactly): only the default of `curvature`.
   */
  weight: number;
  /** Fits per level at most (fast: on average over the levels, default 10; exhaustive: default 6). */
  steps?: number;
  /** Fit settings for the refits. */
  settings: RunSettings;
  /** Other penalties held during the search (constraints already in place). */
  extra?: Penalties;
  /** Sample rows (a bootstrap resample) to search on instead of all samples; G0 is then for these rows. */
  rows?: Int32Array;
  /** Return the fitted G and F at the last level's bound. */
  keepSolution?: boolean;
  /** Which matrix the swap test compares (default `"contributions"`, see {@link SwapTest}). */
  swapTest?: SwapTest;
  /** Exhaustive search only: a bound is accepted once its dQ ≥ accept·dQmax (default 0.9). */
  accept?: number;
  /** How the bound of each level is located (default `"fast"`; {@link DispMethod}). */
  method?: DispMethod;
  /**
   * Σ_i G_ik²/s_ij² of the start solution: the curvature a of the one-element quadratic model
   * dQ(d) = a·d² (everything else fixed), which gives the fast search its first guess. Default
   * weight / 1e3 (the weight DISP sets is 1e3·a).
   */
  curvature?: number;
  /** Fast search: `columnCurvature` of the start solution, for the first step from it (default `curvature`). */
  columnCurvature?: number;
  /**
   * The slope b ≥ 0 of that model in this direction, dQ(d) = a·d² + b·d: −2·direction·Σ_i G_ik·r_ij/s_ij²
   * (r = x − GF), positive where the element sits at 0 with a non-zero gradient (default 0).
   */
  slope?: number;
}

/**
 * The one-element quadratic model of Q around a solution: with every other element of G and F
 * fixed, moving F_kj by δ changes Q(true) by exactly a·δ² − 2·g·δ, a = Σ_i G_ik²/s_ij² and
 * g = Σ_i G_ik·r_ij/s_ij², r = x − GF (dimensionless units of Q per F unit). The refit of DISP can
 * only lower this, so d = the root of a·d² + b·d = dQmax (b = −2·direction·g) is the shortest displacement
 * that can reach dQmax: the first guess of the fast search.
 *
 * @param sol the data x, s (n×m, or the full data when `rows` is given) and the solution G (n×p), F (p×m)
 * @param rows sample rows of x and s (a bootstrap resample) for the rows of G; default 0..n−1
 */
export function oneElementModel(
  sol: Record<"x" | "s" | "G" | "F", Float64Array> & Record<"n" | "m" | "p", number>,
  k: number,
  j: number,
  rows?: Int32Array,
): { curvature: number; gradient: number } {
  const { x, s, G, F, n, m, p } = sol;
  let a = 0,
    g = 0;
  for (let i = 0; i < n; i++) {
    const c = (rows ? rows[i] : i) * m + j;
    const w = 1 / (s[c] * s[c]);
    let y = 0;
    for (let l = 0; l < p; l++) y += G[i * p + l] * F[l * m + j];
    const gik = G[i * p + k];
    a += gik * gik * w;
    g += gik * (x[c] - y) * w;
  }
  return { curvature: a, gradient: g };
}

/**
 * The curvature of Q in F_kj when the other factors' elements of species j are refitted too (G
 * fixed): with M = Gᵀ·W_j·G (p × p, W_j = diag(1/s_ij²)), dQ(d) = d² / (M⁻¹)_kk — the Schur
 * complement of the one-element curvature a = M_kk, so ≤ a (equal when column k of G is
 * W-orthogonal to the others). Small where other factors can take over the species, as for the total
 * variable (TNMOC on Baton Rouge): the fast search's first step from the base. 0 when M is singular.
 *
 * @param sol the data x, s (n×m, or the full data when `rows` is given) and the solution G (n×p), F (p×m)
 * @param rows sample rows of x and s (a bootstrap resample) for the rows of G; default 0..n−1
 */
export function columnCurvature(
  sol: Record<"s" | "G", Float64Array> & Record<"n" | "m" | "p", number>,
  k: number,
  j: number,
  rows?: Int32Array,
): number {
  const { s, G, n, m, p } = sol;
  const M = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const c = (rows ? rows[i] : i) * m + j;
    const w = 1 / (s[c] * s[c]);
    for (let u = 0; u < p; u++) {
      const gu = G[i * p + u] * w;
      for (let v = 0; v <= u; v++) M[u * p + v] += gu * G[i * p + v];
    }
  }
  for (let u = 0; u < p; u++) for (let v = 0; v < u; v++) M[v * p + u] = M[u * p + v];
  // solve M·z = e_k by Gaussian elimination with partial pivoting; (M⁻¹)_kk = z_k
  const z = new Float64Array(p);
  z[k] = 1;
  const scale = Math.max(...Array.from({ length: p }, (_, u) => M[u * p + u]), 1e-300);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(M[r * p + c]) > Math.abs(M[piv * p + c])) piv = r;
    if (Math.abs(M[piv * p + c]) <= 1e-13 * scale) return 0;
    if (piv !== c) {
      for (let v = 0; v < p; v++) [M[c * p + v], M[piv * p + v]] = [M[piv * p + v], M[c * p + v]];
      [z[c], z[piv]] = [z[piv], z[c]];
    }
    for (let r = c + 1; r < p; r++) {
      const f = M[r * p + c] / M[c * p + c];
      if (f === 0) continue;
      for (let v = c; v < p; v++) M[r * p + v] -= f * M[c * p + v];
      z[r] -= f * z[c];
    }
  }
  for (let c = p - 1; c >= 0; c--) {
    let v = z[c];
    for (let u = c + 1; u < p; u++) v -= M[c * p + u] * z[u];
    z[c] = v / M[c * p + c];
  }
  return z[k] > 0 ? 1 / z[k] : 0;
}

/**
 * How a displacement search locates each level's bound:
 * `"fast"` (the default): the first crossing of dQ = dQmax along one path followed outwards from the
 * base for all levels together, by model steps (dQ ≈ α·d² + β·d through the two nearest fits; from
 * the base `columnCurvature`) and safeguarded regula falsi, settled when a fit lands within
 * 3 % of dQmax (then corrected by the local model) or the bracket is narrower than 1 % of d; see
 * `dispSearchFast`. Checked against brute-force 1-D scans (test/sourceapport/disp-bruteforce.test.ts)
 * and against the exhaustive search with `accept` 0.995 on every Baton Rouge element.
 * `"exhaustive"`: the search of aozora 0.1 — quadratic extrapolation from the last point (at most
 * doubling the displacement per fit), then regula falsi, every fit with the refit settings, a bound
 * accepted once its dQ ≥ `accept`·dQmax (default 0.9) or after `steps` fits per level (default 6). Its
 * default bounds are short: by up to 5–10 % of the displacement from `accept`, and far more where dQ
 * is flat (the total variable), where 6 fits doubling from 5 % of the element do not reach the bound.
 */
export type DispMethod = "exhaustive" | "fast";

/**
 * Which matrix the DISP/BS-DISP swap test compares with the base solution:
 * `"contributions"` (default): {@link swappedFactors}, Pearson r of the contribution columns G;
 * `"profiles"`: {@link swappedProfiles}, ESAT's exact rule (r² of the profile rows H).
 */
export type SwapTest = "contributions" | "profiles";

/** What one displacement search returns. */
export interface DispSearchResult {
  k: number;
  j: number;
  direction: 1 | -1;
  /** Per level: the displaced value of F_kj reached with dQ ≤ dQmax (F units). */
  bounds: number[];
  /** Per level: the dQ at that bound. */
  dQ: number[];
  /**
   * Per level: the refitted factors (0-based) at the bound whose contributions correlate better
   * with another base factor's than with their own ({@link swappedFactors}). Empty = no swap.
   */
  swapped: number[][];
  /** Lowest dQ seen in any fit (negative = Q fell below the base Q). */
  minDQ: number;
  /** Fits done and fits that hit the iteration limit. */
  fits: number;
  notConverged: number;
  /** ALS iterations over all fits. */
  iterations: number;
  /** The solution at the last level's bound (when `keepSolution`). */
  solution?: { G: Float64Array; F: Float64Array };
}

/** Pearson r of column ka of a and column kb of b (n×p row-major); 0 where r is undefined (a constant column). */
function colCorr(a: Float64Array, b: Float64Array, n: number, p: number, ka: number, kb: number): number {
  const r = pearsonStrided(a, b, n, p, ka, p, kb);
  return Number.isNaN(r) ? 0 : r;
}

/**
 * The factor-swap test of DISP and BS-DISP: the refitted factors (0-based) that match a
 * different base factor better than their own — refitted factor l is swapped when
 * r(G_l, G0_b) > r(G_l, G0_l) for some b ≠ l, r the Pearson correlation of the contributions
 * over the samples. Ties (identical base factors) are not swaps.
 *
 * The comparison is ESAT's (EPA's open-source PMF: `compare_all_factors` in `esat/utils.py`,
 * called by `esat/error/displacement.py` after each displacement refit: each refitted factor
 * against every base factor, a swap when another base factor matches better than its own). ESAT
 * compares the profiles H by r²; aozora compares the contributions G by r, the test EPA PMF 5.0
 * and `bootstrapPmf` use to map bootstrap factors to base factors. Profiles that include
 * the total variable (PM2.5) correlate strongly with each other — r² 0.5–0.9 between the seven
 * base profiles of the Kawasaki–Shenyang example — so a rotation within dQmax 4 that leaves a
 * factor's contributions at r > 0.95 with its own base can still make its profile nearer (by r²)
 * to another base profile; contributions of distinct sources are far apart (|r| ≤ 0.36 there)
 * and the test then reports a factor that has become another one, which is what a swap means.
 *
 * @param G refitted contributions, n × p (row-major); @param G0 base contributions, same shape
 */
export function swappedFactors(G: Float64Array, G0: Float64Array, n: number, p: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < p; l++) {
    const own = colCorr(G, G0, n, p, l, l);
    for (let b = 0; b < p; b++) {
      if (b !== l && colCorr(G, G0, n, p, l, b) > own) {
        out.push(l);
        break;
      }
    }
  }
  return out;
}

/**
 * ESAT's swap test, exactly: `compare_all_factors(disp_i_sa.H, self.H)` in `esat/utils.py`
 * (called from `esat/error/displacement.py` after each displacement refit), which for each
 * refitted profile row i computes r²(H_i, H0_i) and r²(H_i, H0_j) for every base row j and calls
 * a swap when some `j_r2 > i_r2` (r² = the square of numpy's `corrcoef`, over the species).
 * Returns the refitted factors (0-based) for which that holds (ESAT returns one flag for the
 * whole solution: true when this list is not empty). An undefined r (a constant row) counts as
 * r² = 0.
 *
 * @param F refitted profiles, p × m (row-major); @param F0 base profiles, same shape
 */
export function swappedProfiles(F: Float64Array, F0: Float64Array, p: number, m: number): number[] {
  const r2 = (a: Float64Array, b: Float64Array, ka: number, kb: number): number => {
    const r = pearsonStrided(a, b, m, 1, ka * m, 1, kb * m);
    return Number.isNaN(r) ? 0 : r * r;
  };
  const out: number[] = [];
  for (let i = 0; i < p; i++) {
    const own = r2(F, F0, i, i);
    for (let j = 0; j < p; j++) {
      if (j !== i && r2(F, F0, i, j) > own) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/**
 * Displace F_kj in one direction until the objective has risen by each dQmax, re-fitting all
 * other elements of G and F each time (EPA PMF 5.0 DISP; Paatero et al. 2014, Atmos. Meas.
 * Tech. 7:781). The element is held at its displaced value exactly (the column of species j is
 * refitted over the other factors; {@link holdPenalty}), so each fit's dQ is that of the displaced
 * value itself; each level's bound is where dQ reaches
 * dQmax, located as `t.method` says ({@link DispMethod}; default `"fast"`, the first crossing),
 * every fit starting from a point of the path already fitted. A downward search stops at 0. At
 * each bound the refitted solution is compared with the start (G0, F0) by the swap test
 * ({@link swappedFactors}, or {@link swappedProfiles}).
 */
export function dispSearch(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  t: DispSearchTask,
): DispSearchResult {
  return t.method === "exhaustive" ? dispSearchExhaustive(x, s, n, m, t) : dispSearchFast(x, s, n, m, t);
}

function dispSearchExhaustive(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  t: DispSearchTask,
): DispSearchResult {
  const { k, j, direction, levels, G0, F0, qBase, settings } = t;
  const p = settings.p;
  const steps = t.steps ?? 6;
  const accept = t.accept ?? 0.9;
  const v0 = F0[k * m + j];
  const step0 = firstStep(F0, settings.p, m, j, v0);
  type Pt = { d: number; dQ: number; G: Float64Array; F: Float64Array };
  const origin: Pt = { d: 0, dQ: 0, G: G0, F: F0 };
  const pts: Pt[] = [origin];
  let minDQ = 0,
    fits = 0,
    notConverged = 0,
    iterations = 0;
  const objective = settings.robust ? "qRobust" : "qTrue";
  // Each fit starts from the last point of the path (the farthest fit so far within dQmax), so
  // the displaced solution is followed continuously from the base, as the displacement of
  // Paatero et al. (2014) is; a fit started far from its target could land in another
  // basin (e.g. a relabelling of the factors) that no continuous displacement reaches.
  const evaluate = (d: number, from: Pt): Pt => {
    let v = v0 + direction * d;
    if (v < 0) {
      v = 0;
      d = v0;
    }
    const pen = holdPenalty(t, v);
    const o = alsFit(x, s, n, m, from.G, from.F, settings, pen);
    fits++;
    iterations += o.iterations;
    if (!o.converged) notConverged++;
    const dQ = o[objective] - qBase;
    minDQ = Math.min(minDQ, dQ);
    const pt = { d: Math.abs(o.F[k * m + j] - v0), dQ, G: o.G, F: o.F };
    pts.push(pt);
    return pt;
  };
  const bounds: number[] = [],
    dQs: number[] = [],
    swapped: number[][] = [];
  let last: Pt = origin;
  for (const L of levels) {
    let lo = origin;
    let hi: Pt | undefined;
    for (const q of pts) {
      if (q.dQ <= L && q.d > lo.d) lo = q;
      if (q.dQ > L && (!hi || q.d < hi.d)) hi = q;
    }
    for (let it = 0; it < steps; it++) {
      if (lo.dQ >= accept * L) break;
      if (direction < 0 && lo.d >= v0 - 1e-15 * Math.max(v0, 1)) break; // reached zero within the budget
      let d: number;
      if (!hi) {
        // quadratic extrapolation of dQ(d), but at most doubling the displacement per fit
        const grow = lo.dQ > 0 ? Math.sqrt(L / lo.dQ) * 1.05 : 2;
        d = lo.d > 0 ? lo.d * Math.min(2, Math.max(1.2, grow)) : step0;
      } else {
        const f = (L - lo.dQ) / (hi.dQ - lo.dQ);
        d = lo.d + Math.min(0.9, Math.max(0.1, f)) * (hi.d - lo.d);
      }
      const q = evaluate(d, lo);
      if (q.dQ <= L) {
        if (q.d > lo.d) lo = q;
      } else if (!hi || q.d < hi.d) hi = q;
    }
    bounds.push(v0 + direction * lo.d);
    dQs.push(lo.dQ);
    swapped.push(lo === origin ? [] : swapsOf(t, lo.G, lo.F, n, m));
    last = lo;
  }
  const out: DispSearchResult = { k, j, direction, bounds, dQ: dQs, swapped, minDQ, fits, notConverged, iterations };
  if (t.keepSolution) out.solution = { G: last.G, F: last.F };
  return out;
}

/**
 * The penalties of one displacement refit: F_kj held at `value` exactly (`fFixed`: in the F
 * half-step the column of species j is solved over the other factors on x_j − g_k·value, the
 * natural DISP semantics of Paatero et al. 2014 — the element is displaced and the rest of the
 * solution refitted), plus the task's other penalties.
 */
function holdPenalty(t: DispSearchTask, value: number): Penalties {
  const hold = { k: t.k, j: t.j, value };
  return t.extra ? { ...t.extra, fFixed: [...(t.extra.fFixed ?? []), hold] } : { fFixed: [hold] };
}

/** The first displacement step of a search: 5 % of the element, at least 1 % of the species' largest element. */
function firstStep(F0: Float64Array, p: number, m: number, j: number, v0: number): number {
  let colMax = 0;
  for (let l = 0; l < p; l++) colMax = Math.max(colMax, F0[l * m + j]);
  return Math.max(0.05 * v0, 0.01 * colMax, 1e-12);
}

/** The swap test of `t` on a refitted solution (G, F) against the start (G0, F0). */
function swapsOf(t: DispSearchTask, G: Float64Array, F: Float64Array, n: number, m: number): number[] {
  const p = t.settings.p;
  return t.swapTest === "profiles" ? swappedProfiles(F, t.F0, p, m) : swappedFactors(G, t.G0, n, p);
}

/** One fitted point of a displacement path: displacement d ≥ 0, its dQ, the solution. */
interface PathPoint {
  d: number;
  dQ: number;
  G: Float64Array;
  F: Float64Array;
  /** The element was held at 0 (a downward search that reached zero). */
  zero: boolean;
}

/** The smallest positive root of α·d² + β·d = goal (goal > 0; α of either sign), NaN when there is none. */
function quadRoot(goal: number, al: number, be: number): number {
  const disc = be * be + 4 * al * goal;
  if (!(disc >= 0)) return NaN;
  const den = be + Math.sqrt(disc);
  return den > 0 ? (2 * goal) / den : NaN;
}

/**
 * Where the model dQ(d) = α·d² + β·d reaches `goal`: the model through two fitted points P and N
 * (both d > 0), else the one-element model a·d² + b·d ({@link oneElementModel}) scaled through P.
 * NaN when neither gives a positive root.
 */
function modelRoot(P: PathPoint, N: PathPoint | undefined, goal: number, a: number, b: number): number {
  let d = NaN;
  if (N && N.d > 0 && P.d > 0 && N.d !== P.d) {
    const det = P.d * N.d * (P.d - N.d);
    d = quadRoot(goal, (P.dQ * N.d - N.dQ * P.d) / det, (N.dQ * P.d * P.d - P.dQ * N.d * N.d) / det);
  }
  if (!(d > 0) && P.d > 0 && P.dQ > 0) {
    const c = P.dQ / (a * P.d * P.d + b * P.d);
    d = quadRoot(goal, c * a, c * b);
  }
  return d;
}

/**
 * Fast search: a fitted point within this fraction of dQmax is taken as the bound, after the
 * correction by the local model through it and another fitted point (`NEAR_ALONE` when the
 * only other point is the base, where the model is the one-element model's shape, less exact).
 */
const NEAR = 0.03,
  NEAR_ALONE = 0.015;
/** Fast search: a bracket narrower than this fraction of its far end is resolved by the local model. */
const NARROW = 0.01;

/**
 * The fast displacement search ({@link DispMethod} `"fast"`). One path per element and direction,
 * followed outwards from the base for all levels together (the levels are nested: dQ ≤ 4 up to
 * the first crossing of 4, which lies before the first crossing of 8, …). The fitted points are
 * kept in order of displacement d; for each level the bound is the **first crossing** of dQ =
 * dQmax along them (EPA PMF 5.0: each element is displaced "until the change in Q reaches dQmax"):
 * `lo`, the last point before the first point with dQ > dQmax, and `hi`, that point. Without a
 * `hi` the next fit is the local model's root ({@link modelRoot}: through `lo` and the point
 * before it, from the base the one-element model), kept within [1.05, 2]·d(lo) so a hump of dQ
 * is not jumped over by more than a doubling; with one, the model root between them, kept 10 %
 * inside the bracket. A level is settled when a fit lands within 3 % of dQmax (the bound is then
 * the local model's root through it and its neighbour, within ±5 % of its d), when the bracket
 * is narrower than 1 % of d, or when a downward search reaches 0 with dQ ≤ dQmax. dQ(d) need not
 * be monotone nor smooth (on Baton Rouge it has humps and drops where the refit falls into a
 * lower minimum), which is why the search never stops at a step budget short of a crossing.
 * Every fit starts from `lo` (the farthest point within dQmax), moved along the path's tangent.
 * At most `steps` (default 10) fits per level on average over the levels.
 */
function dispSearchFast(x: Float64Array, s: Float64Array, n: number, m: number, t: DispSearchTask): DispSearchResult {
  const { k, j, direction, levels, G0, F0, qBase, weight, settings } = t;
  const budget = (t.steps ?? 10) * levels.length;
  const v0 = F0[k * m + j];
  const a = Math.max(t.curvature ?? weight / 1e3, 1e-300);
  const b = Math.max(t.slope ?? 0, 0);
  const aFirst = Math.max(Math.min(t.columnCurvature ?? a, a), 1e-300);
  const step0 = firstStep(F0, settings.p, m, j, v0);
  const objective = settings.robust ? "qRobust" : "qTrue";
  const origin: PathPoint = { d: 0, dQ: 0, G: G0, F: F0, zero: direction < 0 && v0 === 0 };
  // a window of 3 iterations at 0.3 × the refit tolerance: about the same decrease per iteration at the
  // stop as the refit settings' window of 10, in ~40 % fewer iterations (bounds move by < 0.2 % of the width)
  // (held exactly, the refit takes the longer steps of the free extrapolation schedule: ~20 % fewer
  // iterations on the Shenyang example; with other penalties (constraints) the penalised one)
  const fitSettings: RunSettings = {
    ...settings,
    window: 3,
    tolerance: 0.3 * settings.tolerance,
    ...(t.extra ? {} : { extrapolation: "free" as const }),
  };
  /** Fitted points in order of d. */
  const pts: PathPoint[] = [origin];
  let minDQ = 0,
    fits = 0,
    notConverged = 0,
    iterations = 0;
  /**
   * Fit at displacement d starting from `from`, moved along the path's tangent through `prev`
   * (a predictor step of continuation: start = from + τ·(from − prev), τ = (d − d_from)/(d_from − d_prev)
   * at most 2, clipped at 0), so the fit starts near its solution.
   */
  const evaluate = (d: number, from: PathPoint, prev?: PathPoint): PathPoint => {
    // F_kj is held at its displaced value exactly (holdPenalty), so the fitted d is the one asked for
    const zero = direction < 0 && d >= v0;
    const pen = holdPenalty(t, zero ? 0 : v0 + direction * d);
    let Gs = from.G,
      Fs = from.F;
    if (prev && prev.d < from.d) {
      const tau = Math.min(2, (d - from.d) / (from.d - prev.d));
      if (tau > 0) {
        Gs = from.G.map((v, c) => Math.max(0, v + tau * (v - prev.G[c])));
        Fs = from.F.map((v, c) => Math.max(0, v + tau * (v - prev.F[c])));
      }
    }
    const o = alsFit(x, s, n, m, Gs, Fs, fitSettings, pen);
    fits++;
    iterations += o.iterations;
    if (!o.converged) notConverged++;
    const dQ = o[objective] - qBase;
    minDQ = Math.min(minDQ, dQ);
    const q: PathPoint = { d: Math.abs(o.F[k * m + j] - v0), dQ, G: o.G, F: o.F, zero };
    let at = pts.length;
    while (at > 0 && pts[at - 1].d > q.d) at--;
    pts.splice(at, 0, q);
    return q;
  };
  const clampD = (d: number) => (direction < 0 ? Math.min(d, v0) : d);
  const bounds: number[] = [],
    dQs: number[] = [],
    swapped: number[][] = [];
  let last = origin;
  for (const L of levels) {
    let at: PathPoint, d: number;
    let stuck = false;
    for (;;) {
      const iHi = pts.findIndex((q) => q.dQ > L);
      const iLo = iHi < 0 ? pts.length - 1 : iHi - 1;
      const lo = pts[iLo],
        hi = iHi < 0 ? undefined : pts[iHi],
        below = iLo > 0 ? pts[iLo - 1] : undefined;
      /** The local model's root through P and its neighbour N, within ±5 % of P's d and inside the bracket. */
      const corrected = (P: PathPoint, N: PathPoint | undefined): number => {
        const r = modelRoot(P, N, L, a, b);
        const dd = r > 0 ? Math.min(1.05 * P.d, Math.max(0.95 * P.d, r)) : P.d;
        return clampD(Math.min(hi ? hi.d : Infinity, Math.max(lo.d, dd)));
      };
      if (lo.zero) {
        [at, d] = [lo, v0];
        break;
      }
      const nearLo = hi || (below && below !== origin) ? NEAR : NEAR_ALONE;
      if (lo !== origin && lo.dQ >= (1 - nearLo) * L) {
        [at, d] = [lo, corrected(lo, hi ?? below)];
        break;
      }
      if (hi && hi.dQ <= (1 + (lo === origin ? NEAR_ALONE : NEAR)) * L && !hi.zero) {
        [at, d] = [hi, corrected(hi, lo === origin ? undefined : lo)];
        break;
      }
      if ((hi && hi.d - lo.d <= NARROW * hi.d) || fits >= budget || stuck) {
        at = lo;
        d = hi && lo !== origin ? corrected(lo, hi) : lo.d;
        break;
      }
      let next: number;
      if (hi) {
        const w = hi.d - lo.d;
        next = lo.d > 0 ? modelRoot(lo, hi, L, a, b) : modelRoot(hi, undefined, L, a, b);
        if (!(next > 0)) next = lo.d + (w * (L - lo.dQ)) / Math.max(hi.dQ - lo.dQ, 1e-300);
        next = Math.min(hi.d - 0.1 * w, Math.max(lo.d + 0.1 * w, next));
      } else if (lo.d > 0) {
        next = modelRoot(lo, below, L, a, b);
        next = next > 0 ? Math.min(2 * lo.d, Math.max(1.05 * lo.d, next)) : 2 * lo.d;
      } else next = Math.max(quadRoot(L, aFirst, b), step0);
      const q = evaluate(clampD(next), lo, below);
      // no progress (the fit landed on a point already there): settle with what there is
      stuck = Math.abs(q.d - lo.d) <= 1e-9 * q.d || (hi !== undefined && Math.abs(q.d - hi.d) <= 1e-9 * q.d);
    }
    bounds.push(v0 + direction * d);
    dQs.push(at.dQ);
    swapped.push(at === origin ? [] : swapsOf(t, at.G, at.F, n, m));
    last = at;
  }
  const out: DispSearchResult = { k, j, direction, bounds, dQ: dQs, swapped, minDQ, fits, notConverged, iterations };
  if (t.keepSolution) out.solution = { G: last.G, F: last.F };
  return out;
}
