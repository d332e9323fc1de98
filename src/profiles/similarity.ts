import { pearson } from "../stats/correlation";
import { midRanks } from "../stats/mannwhitney";
import { speciesMatchKey } from "./species";
import type { SourceProfile } from "./types";

/**
 * Similarity metrics between two profiles given as aligned mass-fraction vectors x, y (same
 * species order). All are symmetric in x and y.
 */

/** Pearson r of two profiles is {@link pearson} of src/stats (one definition for the library). */
export { pearson };

/** Ranks 1..n with ties given their average rank: the mid-ranks of {@link midRanks} (src/stats/mannwhitney) as an array. */
export function averageRanks(x: ArrayLike<number>): number[] {
  return Array.from(midRanks(x).ranks);
}

/** Spearman rank correlation ρ: Pearson r of the average ranks (ties share their mean rank; Spearman 1904, as in Belis et al. 2015 for profile comparison). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPair(x, y);
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Coefficient of divergence, COD = sqrt((1/m)·Σ_j ((x_j − y_j)/(x_j + y_j))²) over the m species
 * with x_j + y_j > 0 (Wongphatarakul, Friedlander & Pinto 1998, Environ. Sci. Technol.
 * 32:3926–3934). 0 = identical, 1 = no species in common; profiles are similar below ≈ 0.3.
 */
export function coefficientOfDivergence(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { s, m } = sumOverShared(x, y, (r) => r * r);
  return m === 0 ? NaN : Math.sqrt(s / m);
}

/**
 * Standardised identity distance, SID = (√2/m)·Σ_j |x_j − y_j|/(x_j + y_j) over the m species with
 * x_j + y_j > 0, in [0, √2]. Belis et al. (2015) Atmos. Environ. 119:35–44 (European source
 * apportionment intercomparison; also Pernigotti & Belis 2018, Atmos. Environ. 180:138–148,
 * the DeltaSA tool): profiles are "comparable" when SID < 1 and PD < 0.4. The constants are
 * exported as {@link SID_ACCEPT} and {@link PD_ACCEPT} (transcribed, not rechecked against the
 * primary text in this session: treat as overridable defaults).
 */
export function sid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { s, m } = sumOverShared(x, y, Math.abs);
  return m === 0 ? NaN : (Math.SQRT2 / m) * s;
}

/** Pearson distance PD = 1 − r² (Belis et al. 2015); accepted below {@link PD_ACCEPT}. */
export function pearsonDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const r = pearson(x, y);
  return 1 - r * r;
}

/** Acceptance thresholds of Belis et al. (2015): SID < 1 and PD < 0.4. */
export const SID_ACCEPT = 1;
export const PD_ACCEPT = 0.4;

/** The comparison of a profile (e.g. a PMF factor) with a reference profile. */
export interface ProfileComparison {
  profile: string;
  reference: string;
  category: string;
  /** Species compared by r, ρ and PD (match keys), with the two fraction vectors. */
  species: string[];
  x: number[];
  y: number[];
  /** Species that were absent from the reference and entered as 0 (reference marked complete). */
  zeroFilled: string[];
  pearson: number;
  spearman: number;
  /** COD and SID over species listed in both profiles. */
  cod: number;
  sid: number;
  pd: number;
  /** SID < sidAccept and PD < pdAccept. */
  accepted: boolean;
  /**
   * Ranking distance used by aozora: (PD + SID/√2)/2 in [0, 1] (PD weighs the major species,
   * SID every species equally). aozora's choice, not a published statistic.
   */
  distance: number;
}

/** Options of {@link compareProfiles}. */
export interface ProfileCompareOptions {
  /** Species left out (match keys), default the total-mass variables PM2.5, PM10, PM, TSP. */
  exclude?: string[];
  /**
   * Treat the reference as complete (species it does not list are 0) when its `complete` flag
   * says so; default true. Matters for stoichiometric and crustal references.
   */
  useComplete?: boolean;
  sidAccept?: number;
  pdAccept?: number;
}

const TOTALS = ["PM2.5", "PM10", "PM", "TSP", "Mass", "mass", "PM1"];

/**
 * Compare a profile x with a reference y on their common species (matched by
 * {@link speciesMatchKey}). When the reference is `complete` (its species account for its whole
 * mass: stoichiometric salts, crust, sea salt), species of x missing from it enter r, ρ and PD
 * with y = 0; COD and SID always use the species listed in both (Belis et al. 2015).
 */
export function compareProfiles(
  x: SourceProfile,
  y: SourceProfile & { complete?: boolean },
  opts: ProfileCompareOptions = {},
): ProfileComparison {
  const exclude = new Set((opts.exclude ?? TOTALS).map(speciesMatchKey));
  const ymap = new Map<string, number>();
  y.species.forEach((s, j) => {
    if (Number.isFinite(y.fraction[j])) ymap.set(speciesMatchKey(s), y.fraction[j]);
  });
  const species: string[] = [],
    xs: number[] = [],
    ys: number[] = [],
    zeroFilled: string[] = [];
  const bothX: number[] = [],
    bothY: number[] = [];
  const fill = (opts.useComplete ?? true) && y.complete === true;
  x.species.forEach((s, j) => {
    const k = speciesMatchKey(s);
    const v = x.fraction[j];
    if (exclude.has(k) || !Number.isFinite(v)) return;
    const w = ymap.get(k);
    if (w !== undefined) {
      species.push(k);
      xs.push(v);
      ys.push(w);
      bothX.push(v);
      bothY.push(w);
    } else if (fill) {
      species.push(k);
      xs.push(v);
      ys.push(0);
      zeroFilled.push(k);
    }
  });
  const r = pearson(xs, ys);
  const s = sid(bothX, bothY);
  const pd = 1 - r * r;
  const accepted = s < (opts.sidAccept ?? SID_ACCEPT) && pd < (opts.pdAccept ?? PD_ACCEPT);
  return {
    profile: x.name,
    reference: y.name,
    category: y.category,
    species,
    x: xs,
    y: ys,
    zeroFilled,
    pearson: r,
    spearman: spearman(xs, ys),
    cod: coefficientOfDivergence(bothX, bothY),
    sid: s,
    pd,
    accepted,
    distance: Number.isFinite(pd) && Number.isFinite(s) ? (Math.max(0, pd) + s / Math.SQRT2) / 2 : NaN,
  };
}

/** Σ term((x_j − y_j)/(x_j + y_j)) over the m species with x_j + y_j > 0, and m (COD and SID). */
function sumOverShared(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  term: (r: number) => number,
): { s: number; m: number } {
  const n = checkPair(x, y);
  let s = 0,
    m = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] + y[i];
    if (!(d > 0)) continue;
    s += term((x[i] - y[i]) / d);
    m++;
  }
  return { s, m };
}

function checkPair(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length)
    throw new RangeError(`profiles must have the same length, got ${x.length} and ${y.length}`);
  return x.length;
}
