import { VOC_SPECIES_ROWS, type VocGroup, type VocSpeciesRow } from "./tables/species";
import { CO_ELUTING_PAIRS, type CoElutingPair } from "./tables/coelution";

/**
 * Lookups in the VOC species registry (tables/species.ts) and the co-eluting pairs
 * (tables/coelution.ts): by id or CAS number, factor values on a chosen scale, and the
 * "reactivity entity" that the calculations use (one compound, or a co-eluting pair with
 * averaged factors).
 */

export type { VocGroup, VocSpeciesRow } from "./tables/species";

/** Groups in display order. */
export const VOC_GROUPS: readonly VocGroup[] = [
  "alkanes",
  "alkenes",
  "BVOC",
  "alkynes",
  "aromatics",
  "OVOCs",
  "halocarbons",
];

/** MIR scales: `saprc07` (Carter 2010) or `cn` (Zhang et al. 2021, China MCM-based). */
export type MirScale = "saprc07" | "cn";

/** Where a kOH value comes from. */
export type KohSource = "Atkinson & Arey 2003" | "AOPWIN estimate";

const BY_ID = new Map<string, VocSpeciesRow>(VOC_SPECIES_ROWS.map((r) => [r.id, r]));
const BY_CAS = new Map<string, VocSpeciesRow>(VOC_SPECIES_ROWS.map((r) => [r.cas, r]));

/** All registry rows. */
export function vocSpeciesList(): readonly VocSpeciesRow[] {
  return VOC_SPECIES_ROWS;
}

/** A registry row by id (`"ethane"`) or CAS number (`"74-84-0"`); `undefined` if unknown. */
export function getVocSpecies(idOrCas: string): VocSpeciesRow | undefined {
  return BY_ID.get(idOrCas) ?? BY_CAS.get(idOrCas.trim());
}

/**
 * A registry row by id; throws RangeError when unknown (a programming error, not bad input).
 * @throws {RangeError} when the id is not a registry species
 */
export function requireVocSpecies(id: string): VocSpeciesRow {
  const s = getVocSpecies(id);
  if (!s) throw new RangeError(`unknown VOC species id "${id}"`);
  return s;
}

/** MIR (g O3 / g VOC) of a species on a scale; `null` where the scale gives none. */
export function mirOf(s: VocSpeciesRow, scale: MirScale): number | null {
  return scale === "cn" ? s.mirCn : s.mirSaprc07;
}

/**
 * OH rate constant at 298 K (cm3 molecule-1 s-1): the evaluated value of Atkinson & Arey (2003)
 * where it exists, otherwise the AOPWIN structure–activity estimate, flagged `estimate: true`.
 */
export function kohOf(s: VocSpeciesRow): { value: number; source: KohSource; estimate: boolean } | null {
  if (s.kohAtkinson2003 !== null) return { value: s.kohAtkinson2003, source: "Atkinson & Arey 2003", estimate: false };
  if (s.kohAopwin !== null) return { value: s.kohAopwin, source: "AOPWIN estimate", estimate: true };
  return null;
}

/** The co-eluting pairs (e.g. m/p-xylene). */
export function coElutingPairs(): readonly CoElutingPair[] {
  return CO_ELUTING_PAIRS;
}

/** A co-eluting pair by id (`"m,p-xylene"`). */
export function getCoElutingPair(id: string): CoElutingPair | undefined {
  return CO_ELUTING_PAIRS.find((p) => p.id === id);
}

/**
 * What the calculations work on: a single compound or a co-eluting pair kept together.
 * For a pair every factor is the arithmetic mean of the members' factors (the usual practice
 * for co-eluting isomers, e.g. MIR(m,p-xylene) = (9.75 + 5.84)/2 = 7.795 on SAPRC-07), and is
 * `null` if any member lacks it; MW and carbon number are the members' (isomers: identical).
 */
export interface VocEntity {
  kind: "species" | "pair";
  id: string;
  /** Member species ids (one for a species). */
  members: string[];
  names: { en: string; ja: string; zh: string };
  group: VocGroup;
  mw: number;
  carbon: number;
  mir: { saprc07: number | null; cn: number | null };
  koh: number | null;
  kohSource: KohSource | "mean of members" | null;
  kohEstimate: boolean;
  soaYield: number | null;
  soap: number | null;
}

/** The entity of one registry species. */
export function speciesEntity(id: string): VocEntity {
  const s = requireVocSpecies(id);
  const k = kohOf(s);
  return {
    kind: "species",
    id: s.id,
    members: [s.id],
    names: { en: s.id, ja: s.ja, zh: s.zh },
    group: s.group,
    mw: s.mw,
    carbon: s.carbon,
    mir: { saprc07: s.mirSaprc07, cn: s.mirCn },
    koh: k ? k.value : null,
    kohSource: k ? k.source : null,
    kohEstimate: k ? k.estimate : false,
    soaYield: s.soaYieldWu2017,
    soap: s.soapDerwent2010,
  };
}

function meanOrNull(xs: (number | null)[]): number | null {
  if (xs.some((x) => x === null)) return null;
  return (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * The entity of a co-eluting pair kept together, with averaged factors.
 * @throws {RangeError} when the id is not a co-eluting pair
 */
export function pairEntity(id: string): VocEntity {
  const p = getCoElutingPair(id);
  if (!p) throw new RangeError(`unknown co-eluting pair "${id}"`);
  const ms = p.members.map((m) => speciesEntity(m));
  return {
    kind: "pair",
    id: p.id,
    members: [...p.members],
    names: { en: p.id, ja: p.ja, zh: p.zh },
    group: ms[0].group,
    mw: ms.reduce((a, m) => a + m.mw, 0) / ms.length,
    carbon: ms[0].carbon,
    mir: { saprc07: meanOrNull(ms.map((m) => m.mir.saprc07)), cn: meanOrNull(ms.map((m) => m.mir.cn)) },
    koh: meanOrNull(ms.map((m) => m.koh)),
    kohSource: ms.some((m) => m.koh === null) ? null : "mean of members",
    kohEstimate: ms.some((m) => m.kohEstimate),
    soaYield: meanOrNull(ms.map((m) => m.soaYield)),
    soap: meanOrNull(ms.map((m) => m.soap)),
  };
}
