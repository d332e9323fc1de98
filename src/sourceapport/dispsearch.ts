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
  /** Penalty weight that holds F_kj at its displaced value. */
  weight: number;
  /** Fits per level at most (default 6). */
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
  /** How the bound of each level is located (default `"exhaustive"` here; {@link DispMethod}). */
  method?: DispMethod;
  /**
   * Σ_i G_ik²/s_ij² of the start solution: the curvature a of the one-element quadratic model
   * dQ(d) = a·d² (everything else fixed), which gives the fast search its first guess. Default
   * weight / 1e3 (the weight DISP sets is 1e3·a).
   */
  curvature?: number;
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
 * How a displacement search locates each level's bound:
 * `"exhaustive"`: the reference search — quadratic extrapolation from the last point (at most doubling the
 * displacement per fit), then regula falsi, every fit with the refit settings, a bound accepted once its
 * dQ ≥ `accept`·dQmax (default 0.9) or after `steps` fits;
 * `"fast"`: secant steps on √dQ(d) (exact for a quadratic dQ), starting from the one-element quadratic
 * model and from the neighbouring level's bound, fits with a loose convergence test (window 3) until
 * |dQ − dQmax| ≤ 1 % of dQmax, then one refit with the refit settings at that point, kept when its
 * dQ lies in [0.98·dQmax, dQmax] (else further secant steps with the refit settings).
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
 * Tech. 7:781). The element is held by a stiff penalty; each level's bound is the largest
 * displacement found with dQ ≤ dQmax, located by quadratic extrapolation (at most doubling the
 * displacement per fit) then regula falsi between bracketing fits, every fit starting from the
 * last point of the path. A downward search stops at 0. At each bound the refitted contributions
 * are compared with the starting ones (G0) by {@link swappedFactors}.
 */
export function dispSearch(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  t: DispSearchTask,
): DispSearchResult {
  return t.method === "fast" ? dispSearchFast(x, s, n, m, t) : dispSearchExhaustive(x, s, n, m, t);
}

function dispSearchExhaustive(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  t: DispSearchTask,
): DispSearchResult {
  const { k, j, direction, levels, G0, F0, qBase, weight, settings } = t;
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
    const hold = { k, j, target: v, weight };
    const pen: Penalties = t.extra
      ? { ...t.extra, fTargets: [...(t.extra.fTargets ?? []), hold] }
      : { fTargets: [hold] };
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

/** One fitted point of a displacement path: displacement d ≥ 0, its dQ, the solution, how it was fitted. */
interface PathPoint {
  d: number;
  dQ: number;
  G: Float64Array;
  F: Float64Array;
  /** Fitted with the refit settings (else with the loose window). */
  tight: boolean;
  /** The element was held at 0 (a downward search that reached zero). */
  zero: boolean;
}

/** The positive root of α·d² + β·d = goal (NaN when there is none). */
function quadRoot(goal: number, al: number, be: number): number {
  return al > 0 ? (2 * goal) / (be + Math.sqrt(be * be + 4 * al * goal)) : be > 0 ? goal / be : NaN;
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
 * Next displacement to try for the target dQ `goal`. dQ(d) is modelled as α·d² + β·d (the form of
 * the one-element model {@link oneElementModel}: quadratic for an element inside its range, with a
 * linear part for one held at 0 against its gradient), through the two fitted points nearest the
 * target ({@link modelRoot}: `lo`, the farthest with dQ ≤ dQmax, and `hi` beyond it, else `below`,
 * the one before `lo`); from the base alone, the one-element model itself, but at least `step0` (the
 * exhaustive search's first step, 5 % of the element or 1 % of the species' largest element: where the
 * refit makes dQ flat, as with rotational ambiguity, the model's step would be far too short). Inside a bracket the
 * step is kept 5 % away from its ends (linear interpolation when the model fails); without one,
 * it at most doubles d.
 */
function nextDisplacement(
  lo: PathPoint,
  hi: PathPoint | undefined,
  below: PathPoint | undefined,
  goal: number,
  a: number,
  b: number,
  step0: number,
): number {
  let d = lo.d > 0 ? modelRoot(lo, hi ?? below, goal, a, b) : hi ? modelRoot(hi, undefined, goal, a, b) : NaN;
  if (!(d > 0) && !hi) d = lo.d > 0 ? 2 * lo.d : Math.max(quadRoot(goal, a, b), step0);
  if (hi) {
    const w = hi.d - lo.d;
    if (!(d > 0)) d = lo.d + (w * Math.max(goal - lo.dQ, 0)) / Math.max(hi.dQ - lo.dQ, 1e-300);
    return Math.min(hi.d - 0.05 * w, Math.max(lo.d + 0.05 * w, d));
  }
  return lo.d > 0 ? Math.min(2 * lo.d, Math.max(1.01 * lo.d, d)) : d;
}

/**
 * The fast displacement search ({@link DispMethod} `"fast"`): per level, secant steps on √dQ(d)
 * with loose fits (window 3) until |dQ − 0.99·dQmax| ≤ 0.01·dQmax, then refits with the refit
 * settings until one has dQ in [0.98·dQmax, dQmax] (at most `steps` fits per level in all); the
 * bound is the farthest refit with dQ ≤ dQmax. Every fit starts from the farthest point of the
 * path within dQmax (the previous level's bound for a new level), so the path is followed
 * continuously from the base as in the exhaustive search.
 */
function dispSearchFast(x: Float64Array, s: Float64Array, n: number, m: number, t: DispSearchTask): DispSearchResult {
  const { k, j, direction, levels, G0, F0, qBase, weight, settings } = t;
  const steps = t.steps ?? 6;
  const v0 = F0[k * m + j];
  const a = Math.max(t.curvature ?? weight / 1e3, 1e-300);
  const b = Math.max(t.slope ?? 0, 0);
  const step0 = firstStep(F0, settings.p, m, j, v0);
  const loose: RunSettings = { ...settings, window: 3 };
  const objective = settings.robust ? "qRobust" : "qTrue";
  const origin: PathPoint = { d: 0, dQ: 0, G: G0, F: F0, tight: true, zero: direction < 0 && v0 === 0 };
  const pts: PathPoint[] = [origin];
  let minDQ = 0,
    fits = 0,
    notConverged = 0,
    iterations = 0;
  /**
   * Fit at displacement d starting from `from`, or with `prev` from the path's tangent there
   * (a predictor step of continuation: start = from + τ·(from − prev), τ = (d − d_from)/(d_from − d_prev),
   * clipped at 0), so the fit starts near its solution.
   */
  const evaluate = (d: number, from: PathPoint, tight: boolean, prev?: PathPoint): PathPoint => {
    const zero = direction < 0 && d >= v0;
    const hold = { k, j, target: zero ? 0 : v0 + direction * d, weight };
    const pen: Penalties = t.extra
      ? { ...t.extra, fTargets: [...(t.extra.fTargets ?? []), hold] }
      : { fTargets: [hold] };
    let Gs = from.G,
      Fs = from.F;
    if (prev && prev.d < from.d) {
      const tau = Math.min(2, (d - from.d) / (from.d - prev.d));
      if (tau > 0) {
        Gs = from.G.map((v, c) => Math.max(0, v + tau * (v - prev.G[c])));
        Fs = from.F.map((v, c) => Math.max(0, v + tau * (v - prev.F[c])));
      }
    }
    const o = alsFit(x, s, n, m, Gs, Fs, tight ? settings : loose, pen);
    fits++;
    iterations += o.iterations;
    if (!o.converged) notConverged++;
    const dQ = o[objective] - qBase;
    minDQ = Math.min(minDQ, dQ);
    const q: PathPoint = { d: Math.abs(o.F[k * m + j] - v0), dQ, G: o.G, F: o.F, tight, zero };
    pts.push(q);
    return q;
  };
  /** The farthest point with dQ ≤ L (and the one before it) and the nearest beyond, among `pool`. */
  const bracket = (L: number, pool: PathPoint[]) => {
    const within = pool.filter((q) => q.dQ <= L).sort((u, v) => v.d - u.d);
    const lo = within[0] ?? origin;
    let hi: PathPoint | undefined;
    for (const q of pool) if (q.dQ > L && q.d > lo.d && (!hi || q.d < hi.d)) hi = q;
    // the point before lo: clearly apart from it (a refit at the same d as a loose fit is not)
    const below = within.find((q) => q.d <= 0.8 * lo.d) ?? (lo === origin ? undefined : origin);
    return { lo, below, hi };
  };
  const bounds: number[] = [],
    dQs: number[] = [],
    swapped: number[][] = [];
  let last = origin;
  const tightPts = () => pts.filter((q) => q.tight);
  const clampD = (d: number) => (direction < 0 ? Math.min(d, v0) : d);
  for (const L of levels) {
    // near enough: the bound is then interpolated by the local model (a correction of ≤ 3 % of L)
    const near = (q: PathPoint) => q !== origin && (Math.abs(q.dQ - L) <= 0.03 * L || (q.zero && q.dQ <= L));
    let budget = steps;
    let final = tightPts().find(near);
    if (!final && !(origin.zero && L > 0)) {
      // loose secant steps towards dQ = L, then refits with the refit settings from the point reached
      let next: { d: number; from: PathPoint; prev?: PathPoint } | undefined;
      while (budget > 1) {
        const { lo, below, hi } = bracket(L, pts);
        const q = evaluate(clampD(nextDisplacement(lo, hi, below, L, a, b, step0)), lo, false, below);
        budget--;
        if (near(q)) {
          next = { d: q.d, from: q };
          break;
        }
      }
      // not near within the budget (a flat dQ, as in rotational ambiguity): refit the farthest point within L
      if (!next) {
        const lo = bracket(L, pts).lo;
        if (!lo.tight) next = { d: lo.d, from: lo };
      }
      while (budget > 0) {
        if (!next) {
          const br = bracket(L, tightPts());
          next = { d: nextDisplacement(br.lo, br.hi, br.below, L, a, b, step0), from: br.lo, prev: br.below };
        }
        const q = evaluate(clampD(next.d), next.from, true, next.prev);
        budget--;
        next = undefined;
        if (near(q)) {
          final = q;
          break;
        }
      }
    }
    let at: PathPoint, d: number;
    if (final) {
      at = final;
      if (final.zero && final.dQ <= L) d = v0;
      else {
        // the local model through the final refit and its nearest other refit (or the base)
        let nb: PathPoint | undefined;
        for (const q of tightPts())
          if (q !== final && q.d > 0 && (!nb || Math.abs(q.d - final.d) < Math.abs(nb.d - final.d))) nb = q;
        const r = modelRoot(final, nb, L, a, b);
        d = r > 0 ? clampD(Math.min(1.05 * final.d, Math.max(0.95 * final.d, r))) : final.d;
      }
    } else {
      at = origin.zero ? origin : bracket(L, tightPts()).lo;
      d = at === origin && origin.zero ? 0 : at.d;
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
