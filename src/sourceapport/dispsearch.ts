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
}

/** What one displacement search returns. */
export interface DispSearchResult {
  k: number;
  j: number;
  direction: 1 | -1;
  /** Per level: the displaced value of F_kj reached with dQ ≤ dQmax (F units). */
  bounds: number[];
  /** Per level: the dQ at that bound. */
  dQ: number[];
  /** Per level: factors (0-based) whose contributions matched a different base factor best at the bound. */
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
function corr(a: Float64Array, b: Float64Array, n: number, p: number, ka: number, kb: number): number {
  const r = pearsonStrided(a, b, n, p, ka, p, kb);
  return Number.isNaN(r) ? 0 : r;
}

/** Factors of G whose contributions correlate best with a different factor of the base G0. */
export function swappedFactors(G: Float64Array, G0: Float64Array, n: number, p: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < p; l++) {
    let best = -1,
      bestR = -Infinity;
    for (let b = 0; b < p; b++) {
      const r = corr(G, G0, n, p, l, b);
      if (r > bestR) {
        bestR = r;
        best = b;
      }
    }
    if (best !== l) out.push(l);
  }
  return out;
}

/**
 * Displace F_kj in one direction until the objective has risen by each dQmax, re-fitting all
 * other elements of G and F each time (EPA PMF 5.0 DISP; Paatero et al. 2014, Atmos. Meas.
 * Tech. 7:781). The element is held by a stiff penalty; each level's bound is the largest
 * displacement found with dQ ≤ dQmax, located by quadratic extrapolation then regula falsi
 * between bracketing fits. A downward search stops at 0.
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
  const evaluate = (d: number): Pt => {
    let v = v0 + direction * d;
    if (v < 0) {
      v = 0;
      d = v0;
    }
    // warm start from the fitted point nearest in displacement
    let near = pts[0];
    for (const q of pts) if (Math.abs(q.d - d) < Math.abs(near.d - d)) near = q;
    const hold = { k, j, target: v, weight };
    const pen: Penalties = t.extra
      ? { ...t.extra, fTargets: [...(t.extra.fTargets ?? []), hold] }
      : { fTargets: [hold] };
    const o = alsFit(x, s, n, m, near.G, near.F, settings, pen);
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
        d = lo.d > 0 && lo.dQ > 0 ? Math.max(lo.d * 1.2, lo.d * Math.sqrt(L / lo.dQ) * 1.05) : step0 * 2 ** it;
      } else {
        const f = (L - lo.dQ) / (hi.dQ - lo.dQ);
        d = lo.d + Math.min(0.9, Math.max(0.1, f)) * (hi.d - lo.d);
      }
      const q = evaluate(d);
      if (q.dQ <= L) {
        if (q.d > lo.d) lo = q;
      } else if (!hi || q.d < hi.d) hi = q;
    }
    bounds.push(v0 + direction * lo.d);
    dQs.push(lo.dQ);
    swapped.push(lo === origin ? [] : swappedFactors(lo.G, G0, n, p));
    last = lo;
  }
  const out: DispSearchResult = { k, j, direction, bounds, dQ: dQs, swapped, minDQ, fits, notConverged };
  if (t.keepSolution) out.solution = { G: last.G, F: last.F };
  return out;
}
