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
}

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
  const { k, j, direction, levels, G0, F0, qBase, weight, settings } = t;
  const p = settings.p;
  const steps = t.steps ?? 6;
  const v0 = F0[k * m + j];
  let colMax = 0;
  for (let l = 0; l < p; l++) colMax = Math.max(colMax, F0[l * m + j]);
  const step0 = Math.max(0.05 * v0, 0.01 * colMax, 1e-12);
  type Pt = { d: number; dQ: number; G: Float64Array; F: Float64Array };
  const origin: Pt = { d: 0, dQ: 0, G: G0, F: F0 };
  const pts: Pt[] = [origin];
  let minDQ = 0,
    fits = 0,
    notConverged = 0;
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
      if (lo.dQ >= 0.9 * L) break;
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
    swapped.push(
      lo === origin ? [] : t.swapTest === "profiles" ? swappedProfiles(lo.F, F0, p, m) : swappedFactors(lo.G, G0, n, p),
    );
    last = lo;
  }
  const out: DispSearchResult = { k, j, direction, bounds, dQ: dQs, swapped, minDQ, fits, notConverged };
  if (t.keepSolution) out.solution = { G: last.G, F: last.F };
  return out;
}
