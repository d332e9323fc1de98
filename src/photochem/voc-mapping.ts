import { getVocSpecies } from "../models/voc/registry";
import { CO_ELUTING_PAIRS } from "../models/voc/tables/coelution";
import { vocToPpb, type VocUnit } from "../models/voc/convert";
import { STP_298, type ReferenceState } from "../table/gas";
import {
  CB6R5_SURROGATES,
  SAPRC07_SURROGATES,
  VOC_MECHANISM_ROWS,
  VOC_MECHANISM_SOURCE,
  type SurrogateSpecies,
  type VocMechanismRow,
} from "./tables/voc-mechanism";

/** The mechanisms {@link mapVocToMechanism} maps to. */
export type VocMechanismName = "cb6r5" | "saprc07";

/** Options of {@link mapVocToMechanism}. */
export interface MapVocOptions {
  /** Unit of every input series (default `"ppb"`); `"µg/m3"` is converted at {@link MapVocOptions.state}. */
  unit?: VocUnit;
  /**
   * Reference state of µg/m3 input (default 298.15 K, 101.325 kPa: China's reporting state since
   * 2018-09-01; use `STP_273` for earlier Chinese data). Ignored for mole-ratio units.
   */
  state?: ReferenceState;
}

/** One contribution of a measured species to a model species. */
export interface VocMappingTerm {
  /** Speciation Tool surrogate (as in its file). */
  surrogate: string;
  /** Model species of the mechanism's `.def` file, or `null` when the surrogate is not modelled. */
  species: string | null;
  /** Moles of surrogate per mole of compound (Speciation Tool `moles_ratio`). */
  molesPerMole: number;
  /** 1-based line of the Speciation Tool assignments file. */
  line: number;
  /** Rename or not-modelled reason (see `CB6R5_SURROGATES`, `SAPRC07_SURROGATES`). */
  note?: string;
}

/** How one input series was treated. */
export interface VocMappedSpecies {
  /** The key of the input. */
  input: string;
  /** Registry id (for a co-eluting pair, the pair id, e.g. `"m,p-xylene"`). */
  id: string;
  /** CAS number (for a pair, the members' joined by `+`). */
  cas: string;
  /** SPECIATE id (for a pair, the first member's). */
  speciateId: number;
  /** For a co-eluting pair: its members, whose Speciation Tool terms are identical in the mechanism. */
  members?: string[];
  /** Every term, modelled or not. */
  terms: VocMappingTerm[];
  /** True when at least one term is not a species of the mechanism (its share is reported, not added). */
  partlyNotModelled: boolean;
}

/** An input series that was not mapped, with the reason. */
export interface VocUnmappedSpecies {
  input: string;
  reason: "not-in-registry" | "no-assignment" | "not-modelled" | "co-eluting-pair";
  detail: string;
}

/** Result of {@link mapVocToMechanism}. */
export interface VocMechanismMapping {
  mechanism: VocMechanismName;
  /** Model species → ppb series (nmol/mol), same length as the inputs. NaN where any contributing input is NaN. */
  species: Record<string, number[]>;
  /** Unit of `species`: always ppb. */
  unit: "ppb";
  /** Unit of the input and, for µg/m3, the reference state used. */
  input: { unit: VocUnit; state?: ReferenceState };
  /** Every input mapped (fully or partly), with the moles per mole used. */
  mapped: VocMappedSpecies[];
  /** Every input not mapped to any model species, with the reason. */
  unmapped: VocUnmappedSpecies[];
  /** The sources of the assignments. */
  source: typeof VOC_MECHANISM_SOURCE;
}

function termsOf(row: VocMechanismRow, mechanism: VocMechanismName): VocMappingTerm[] {
  const rows = mechanism === "cb6r5" ? row.cb6r3Ae7 : row.saprc07tcAe7;
  const table: Readonly<Record<string, SurrogateSpecies>> =
    mechanism === "cb6r5" ? CB6R5_SURROGATES : SAPRC07_SURROGATES;
  return rows.map(([surrogate, molesPerMole, line]) => {
    const s = table[surrogate];
    if (s === undefined) throw new Error(`voc-mechanism table: surrogate ${surrogate} has no ${mechanism} entry`);
    const t: VocMappingTerm = { surrogate, species: s.species, molesPerMole, line };
    if (s.note !== undefined) t.note = s.note;
    return t;
  });
}

function addTerms(species: Record<string, number[]>, terms: VocMappingTerm[], ppb: number[], n: number): void {
  for (const t of terms) {
    if (t.species === null) continue;
    const out = (species[t.species] ??= new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) out[i] += t.molesPerMole * ppb[i];
  }
}

const ROW_BY_ID = new Map(VOC_MECHANISM_ROWS.map((r) => [r.id, r]));

/**
 * Measured VOC concentrations → the lumped species of CB6r5 or SAPRC-07TC (ppb), with an account
 * of every input: the moles per mole used (Speciation Tool row and line), the inputs only partly
 * modelled (unreactive carbon), and the inputs not mapped with the reason.
 *
 * Model species concentration = Σ over measured species of (moles per mole) × (species ppb): the
 * Speciation Tool's `moles_ratio` is moles of surrogate per mole of compound (e.g. n-butane → 4.0
 * PAR: 1 ppb n-butane is 4 ppb PAR). Assignments: US EPA / CMAS Speciation Tool
 * (github.com/CMASCenter/Speciation-Tool, commit b90a7de), CB6r3_AE7 rows for CB6r5 and
 * SAPRC07TC_AE7 rows, renamed to the CMAQ v5.5 `.def` species as CMAQ's emission namelists do;
 * see `src/photochem/tables/voc-mechanism.ts` ({@link VOC_MECHANISM_SOURCE}).
 *
 * µg/m3 input is converted with the library's gas conversion (`vocToPpb`: ppb = µg/m3 × Vm / MW,
 * Vm at the stated reference state; MW from the VOC registry).
 *
 * A co-eluting pair (`"m,p-xylene"`, `"m,p-ethyltoluene"`, or a synonym such as `"m/p-xylene"`) is
 * mapped when both members have the same Speciation Tool terms in the mechanism and the same MW
 * (CB6r5: m- and p-xylene are both 1 XYLMN), else it is `unmapped` with reason `co-eluting-pair`
 * (SAPRC-07TC: MXYL vs PXYL) and must be split first.
 *
 * @param concentrations input series keyed by registry id, CAS number (e.g. `"n-butane"`, `"106-97-8"`) or co-eluting pair id, all the same length
 * @param mechanism `"cb6r5"` or `"saprc07"`
 * @param opts input unit and reference state
 * @returns model species in ppb and the account
 * @throws {RangeError} when the series differ in length, or a ppbC input has no carbon number
 */
export function mapVocToMechanism(
  concentrations: Readonly<Record<string, readonly number[]>>,
  mechanism: VocMechanismName,
  opts: MapVocOptions = {},
): VocMechanismMapping {
  const unit = opts.unit ?? "ppb";
  const state = opts.state ?? STP_298;
  const keys = Object.keys(concentrations);
  const n = keys.length === 0 ? 0 : concentrations[keys[0]].length;
  const species: Record<string, number[]> = {};
  const mapped: VocMappedSpecies[] = [];
  const unmapped: VocUnmappedSpecies[] = [];
  for (const input of keys) {
    const series = concentrations[input];
    if (series.length !== n)
      throw new RangeError(`mapVocToMechanism: series "${input}" has ${series.length} values, "${keys[0]}" has ${n}`);
    const pair = CO_ELUTING_PAIRS.find((p) => p.id === input || p.synonyms.includes(input));
    if (pair !== undefined) {
      const rows = pair.members.map((m) => ROW_BY_ID.get(m));
      const regs = pair.members.map((m) => getVocSpecies(m));
      const terms = rows.map((r) => (r === undefined ? [] : termsOf(r, mechanism)));
      const key = (ts: VocMappingTerm[]) => ts.map((t) => `${t.molesPerMole} ${t.surrogate}`).join(" + ");
      if (
        regs[0] === undefined ||
        regs[1] === undefined ||
        rows[0] === undefined ||
        key(terms[0]) !== key(terms[1]) ||
        regs[0].mw !== regs[1].mw ||
        regs[0].carbon !== regs[1].carbon ||
        terms[0].every((t) => t.species === null)
      ) {
        unmapped.push({
          input,
          reason: "co-eluting-pair",
          detail: `${pair.id}: in ${mechanism} the members are not one assignment of the same MW (${pair.members
            .map((m, i) => `${m} → ${key(terms[i])}`)
            .join("; ")}); split the pair first`,
        });
        continue;
      }
      const reg = regs[0];
      const ppb = series.map((v) => vocToPpb(v, unit, reg.mw, reg.carbon, state));
      addTerms(species, terms[0], ppb, n);
      mapped.push({
        input,
        id: pair.id,
        cas: regs.map((r) => (r as { cas: string }).cas).join("+"),
        speciateId: rows[0].speciateId,
        members: [...pair.members],
        terms: terms[0],
        partlyNotModelled: terms[0].some((t) => t.species === null),
      });
      continue;
    }
    const reg = getVocSpecies(input);
    if (reg === undefined) {
      unmapped.push({ input, reason: "not-in-registry", detail: "not a VOC registry id or CAS number" });
      continue;
    }
    const row = ROW_BY_ID.get(reg.id);
    if (row === undefined) {
      unmapped.push({ input, reason: "no-assignment", detail: `${reg.id} (${reg.cas}) has no Speciation Tool row` });
      continue;
    }
    const terms = termsOf(row, mechanism);
    const modelled = terms.filter((t) => t.species !== null);
    if (modelled.length === 0) {
      unmapped.push({
        input,
        reason: "not-modelled",
        detail: terms.map((t) => `${t.molesPerMole} ${t.surrogate}: ${t.note ?? ""}`).join("; "),
      });
      continue;
    }
    const ppb = series.map((v) => vocToPpb(v, unit, reg.mw, reg.carbon, state));
    addTerms(species, terms, ppb, n);
    mapped.push({
      input,
      id: reg.id,
      cas: reg.cas,
      speciateId: row.speciateId,
      terms,
      partlyNotModelled: modelled.length < terms.length,
    });
  }
  return {
    mechanism,
    species,
    unit: "ppb",
    input: unit === "µg/m3" ? { unit, state } : { unit },
    mapped,
    unmapped,
    source: VOC_MECHANISM_SOURCE,
  };
}
