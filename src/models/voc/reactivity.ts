import { STP_298, chinaReferenceState, type ReferenceState } from "../../table/gas";
import { moleculesPerPpb, vocToPpb, vocToUgm3, type VocUnit } from "./convert";
import { VOC_GROUPS, pairEntity, speciesEntity, type MirScale, type VocEntity, type VocGroup } from "./registry";

/**
 * Ozone formation potential, OH reactivity and SOA formation potential of measured VOCs
 * (CONVENTIONS.md §4):
 * - OFP_i = MIR_i × C_i, C in µg/m3 → µg O3/m3 (Carter 1994 MIR method; MIR on the SAPRC-07 2010
 *   scale of Carter 2010, or the China MCM-based scale of Zhang et al. 2021).
 * - L_OH,i = kOH_i × n_i (s-1), n_i (molecules cm-3) = ppb × 1e-9 × P/(k_B T) (2.461e10 per ppb at
 *   298.15 K, 1 atm), kOH at 298 K (Atkinson & Arey 2003; AOPWIN estimates where not evaluated,
 *   flagged).
 * - SOA potential, two ways: SOAP-weighted mass (Derwent et al. 2010) C_i × SOAP_i / 100, in
 *   µg/m3 toluene-equivalent; and yield-based C_i × Y_i (Wu et al. 2017 yields), in µg/m3 SOA.
 *
 * Species values are means over the samples where the species is valid (not NaN); totals and
 * group sums are sums of species means. A species without a factor (e.g. no China-scale MIR) is
 * listed in `missingFactors` and left out of that sum — never silently.
 */

/** One measured column given to {@link vocReactivity}. */
export interface VocColumnInput {
  /** Header as in the file (for the record). */
  header: string;
  /** The registry species or co-eluting pair it holds. */
  match: { kind: "species" | "pair"; id: string };
  unit: VocUnit;
  /** Concentration per sample (NaN = missing). */
  values: ArrayLike<number>;
}

/**
 * What to do with a co-eluting pair such as m/p-xylene: keep it as one compound with averaged
 * factors (`pair`), or split it, `fractions[pairId]` being the fraction of the FIRST member
 * (m-xylene for `"m,p-xylene"`) in the reported sum (molar fraction; the isomers have equal MW).
 */
export type CoElutionChoice = { mode: "pair" } | { mode: "split"; fractions: Record<string, number> };

/** Options of {@link vocReactivity}. */
export interface VocReactivityOptions {
  /** MIR scale (default `saprc07`). */
  scale?: MirScale;
  /**
   * Reference state for ppb ↔ µg/m3 and number densities (default 298.15 K, 101.325 kPa), or
   * `"china-by-date"`: per sample, China's reference state at its time (273.15 K before
   * 2018-09-01 Beijing time, 298.15 K from then on; `chinaReferenceState`), which needs `times`.
   */
  referenceState?: ReferenceState | "china-by-date";
  /** Co-eluting pairs: keep (default) or split. */
  coelution?: CoElutionChoice;
  /**
   * Relative standard uncertainty (fraction, e.g. 0.1) of each species' mean concentration, by
   * species/pair id or header, or one number for all. Without it no uncertainty is reported.
   */
  relativeUncertainty?: number | Record<string, number>;
  /** Relative standard uncertainty of the factors (MIR, kOH, SOAP, yield), added in quadrature per species. */
  factorRelativeUncertainty?: number;
  /**
   * How species errors combine in totals: `independent` (default; root-sum-square, GUM eq. 10) or
   * `correlated` (fully correlated, e.g. one calibration standard: linear sum, GUM eq. 13 with r = 1).
   */
  uncertaintyCorrelation?: "independent" | "correlated";
  /** Number of species in the rankings (default 10). */
  topN?: number;
}

/** Per-species (or per-pair) result. */
export interface SpeciesReactivity {
  id: string;
  kind: "species" | "pair";
  /** Members (for a split pair: the member itself; for a kept pair: both). */
  members: string[];
  names: { en: string; ja: string; zh: string };
  group: VocGroup;
  /** The file header(s) the values came from. */
  headers: string[];
  /** Samples with a valid value. */
  n: number;
  ppb: number;
  ugm3: number;
  ppbC: number;
  mir: number | null;
  /** µg O3/m3. */
  ofp: number | null;
  /** cm3 molecule-1 s-1. */
  koh: number | null;
  kohEstimate: boolean;
  /** s-1. */
  loh: number | null;
  soap: number | null;
  /** µg/m3 toluene-equivalent (C × SOAP/100). */
  soaSoap: number | null;
  soaYield: number | null;
  /** µg/m3 (C × yield). */
  soaFromYield: number | null;
  /** Shares of the totals (0–1; null when the value is null). */
  share: { ppb: number; ofp: number | null; loh: number | null; soaSoap: number | null; soaFromYield: number | null };
  /** Standard uncertainties (same units), when relative uncertainties were given. */
  uncertainty?: {
    ppb: number;
    ugm3: number;
    ofp: number | null;
    loh: number | null;
    soaSoap: number | null;
    soaFromYield: number | null;
  };
}

/** Sums over a set of species. */
export interface ReactivitySums {
  ppb: number;
  ugm3: number;
  ppbC: number;
  ofp: number;
  loh: number;
  soaSoap: number;
  soaFromYield: number;
}

/** The result of {@link vocReactivity}. */
export interface VocReactivity {
  scale: MirScale;
  /** The reference state, or `"china-by-date"` (then `statesUsed` lists the states met). */
  referenceState: ReferenceState | "china-by-date";
  statesUsed: ReferenceState[];
  /** Molecules cm-3 per ppb at the reference state (the first sample's under `"china-by-date"`). */
  moleculesPerPpb: number;
  coelution: { header: string; pair: string; mode: "pair" | "split"; fraction?: number; members: string[] }[];
  samples: number;
  species: SpeciesReactivity[];
  groups: ({ group: VocGroup; species: number } & ReactivitySums & { share: ReactivitySums })[];
  totals: ReactivitySums;
  /** Standard uncertainty of the totals (when relative uncertainties were given). */
  totalsUncertainty?: ReactivitySums & { correlation: "independent" | "correlated" };
  /** Standard error of the mean of per-sample totals over complete samples (sampling variability). */
  totalsSamplingSe?: ReactivitySums & { completeSamples: number };
  /** Per-sample totals (species missing in a sample are counted in `missingSpecies`). */
  perSample: (ReactivitySums & {
    index: number;
    time?: number;
    missingSpecies: number;
    byGroup: Partial<Record<VocGroup, { ppb: number; ofp: number; loh: number }>>;
  })[];
  ranking: { ofp: string[]; loh: string[]; soaFromYield: string[] };
  /** Species left out of a sum because the factor is not in the registry. */
  missingFactors: { id: string; factor: "mir" | "koh" | "soap" | "soaYield" }[];
}

interface Working {
  entity: VocEntity;
  headers: string[];
  ppb: Float64Array;
  ugm3: Float64Array;
  /** Number density, molecules cm-3. */
  n: Float64Array;
  relU?: number;
}

const ZERO = (): ReactivitySums => ({ ppb: 0, ugm3: 0, ppbC: 0, ofp: 0, loh: 0, soaSoap: 0, soaFromYield: 0 });

/**
 * Compute OFP, L_OH and SOA potential per species, per group and in total.
 *
 * @param columns matched columns (from {@link readVocTable} or built by hand)
 * @param times optional UTC instants (ms) of the samples, copied into `perSample`
 * @throws RangeError for two columns holding the same species, a split fraction outside [0, 1],
 *   columns of different lengths, or a negative concentration
 */
export function vocReactivity(
  columns: VocColumnInput[],
  opts: VocReactivityOptions = {},
  times?: ArrayLike<number>,
): VocReactivity {
  const scale = opts.scale ?? "saprc07";
  if (scale !== "saprc07" && scale !== "cn")
    throw new RangeError(`MIR scale must be "saprc07" or "cn", got "${scale}"`);
  const stateOpt = opts.referenceState ?? STP_298;
  const choice: CoElutionChoice = opts.coelution ?? { mode: "pair" };
  if (columns.length === 0)
    throw new RangeError("no VOC columns to compute: none of the columns matched a registry species");
  const nS = columns[0].values.length;
  // the reference state of each sample (one unless "china-by-date")
  const sampleState: ReferenceState[] = [];
  if (stateOpt === "china-by-date") {
    if (!times || times.length !== nS)
      throw new RangeError(`referenceState "china-by-date" needs one UTC time per sample (${nS})`);
    for (let i = 0; i < nS; i++) sampleState.push(chinaReferenceState(times[i]));
  } else for (let i = 0; i < nS; i++) sampleState.push(stateOpt);
  const statesUsed = [...new Set(sampleState)];
  const stateIdx = sampleState.map((st) => statesUsed.indexOf(st));
  const mppOf = statesUsed.map((st) => moleculesPerPpb(st));
  const mpp = mppOf[0] ?? moleculesPerPpb(STP_298);
  const work: Working[] = [];
  const coelution: VocReactivity["coelution"] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, header: string) => {
    const prev = seen.get(id);
    if (prev !== undefined) throw new RangeError(`columns "${prev}" and "${header}" both hold ${id}`);
    seen.set(id, header);
  };

  for (const c of columns) {
    if (c.values.length !== nS)
      throw new RangeError(`column "${c.header}" has ${c.values.length} values, expected ${nS}`);
    for (let i = 0; i < nS; i++) {
      if (c.values[i] < 0)
        throw new RangeError(
          `column "${c.header}", sample ${i + 1}: negative concentration ${c.values[i]} (fix it or set a negative-value policy when reading)`,
        );
    }
    const conv = (ent: VocEntity, factor: number): Working => {
      const ppb = new Float64Array(nS);
      const ug = new Float64Array(nS);
      const nd = new Float64Array(nS);
      // every unit conversion is linear: convert 1 unit once per reference state, then scale
      const toPpb = statesUsed.map((st) => vocToPpb(factor, c.unit, ent.mw, ent.carbon, st));
      const toUg = statesUsed.map((st) => vocToUgm3(factor, c.unit, ent.mw, ent.carbon, st));
      for (let i = 0; i < nS; i++) {
        const k = stateIdx[i];
        ppb[i] = c.values[i] * toPpb[k];
        ug[i] = c.values[i] * toUg[k];
        nd[i] = ppb[i] * mppOf[k];
      }
      return {
        entity: ent,
        headers: [c.header],
        ppb,
        ugm3: ug,
        n: nd,
        relU: relUnc(opts.relativeUncertainty, ent.id, c.header),
      };
    };
    if (c.match.kind === "pair") {
      const pair = pairEntity(c.match.id);
      if (choice.mode === "split") {
        const f = choice.fractions[c.match.id];
        if (f === undefined || !(f >= 0 && f <= 1))
          throw new RangeError(`split of "${c.match.id}" needs a fraction of ${pair.members[0]} in [0, 1], got ${f}`);
        coelution.push({ header: c.header, pair: pair.id, mode: "split", fraction: f, members: pair.members });
        pair.members.forEach((m, k) => {
          claim(m, c.header);
          const w = conv(speciesEntity(m), k === 0 ? f : 1 - f);
          if (w.relU === undefined) w.relU = relUnc(opts.relativeUncertainty, pair.id, c.header);
          work.push(w);
        });
      } else {
        pair.members.forEach((m) => claim(m, c.header));
        claim(pair.id, c.header);
        coelution.push({ header: c.header, pair: pair.id, mode: "pair", members: pair.members });
        work.push(conv(pair, 1));
      }
    } else {
      claim(c.match.id, c.header);
      work.push(conv(speciesEntity(c.match.id), 1));
    }
  }

  const missingFactors: VocReactivity["missingFactors"] = [];
  const fr = opts.factorRelativeUncertainty ?? 0;
  const species: SpeciesReactivity[] = work.map((w) => {
    const e = w.entity;
    let n = 0;
    let sp = 0;
    let su = 0;
    let sn = 0;
    for (let i = 0; i < nS; i++) {
      if (Number.isNaN(w.ppb[i])) continue;
      n++;
      sp += w.ppb[i];
      su += w.ugm3[i];
      sn += w.n[i];
    }
    const ppb = n > 0 ? sp / n : NaN;
    const ug = n > 0 ? su / n : NaN;
    const nd = n > 0 ? sn / n : NaN;
    const mir = scale === "cn" ? e.mir.cn : e.mir.saprc07;
    if (mir === null) missingFactors.push({ id: e.id, factor: "mir" });
    if (e.koh === null) missingFactors.push({ id: e.id, factor: "koh" });
    if (e.soap === null) missingFactors.push({ id: e.id, factor: "soap" });
    if (e.soaYield === null) missingFactors.push({ id: e.id, factor: "soaYield" });
    const ofp = mir === null ? null : mir * ug;
    const loh = e.koh === null ? null : e.koh * nd;
    const soaSoap = e.soap === null ? null : (ug * e.soap) / 100;
    const soaFromYield = e.soaYield === null ? null : ug * e.soaYield;
    const r: SpeciesReactivity = {
      id: e.id,
      kind: e.kind,
      members: e.members,
      names: e.names,
      group: e.group,
      headers: w.headers,
      n,
      ppb,
      ugm3: ug,
      ppbC: ppb * e.carbon,
      mir,
      ofp,
      koh: e.koh,
      kohEstimate: e.kohEstimate,
      loh,
      soap: e.soap,
      soaSoap,
      soaYield: e.soaYield,
      soaFromYield,
      share: { ppb: 0, ofp: null, loh: null, soaSoap: null, soaFromYield: null },
    };
    if (w.relU !== undefined) {
      const rc = w.relU;
      const rf = Math.sqrt(rc * rc + fr * fr);
      const u = (x: number | null) => (x === null ? null : Math.abs(x) * rf);
      r.uncertainty = {
        ppb: ppb * rc,
        ugm3: ug * rc,
        ofp: u(ofp),
        loh: u(loh),
        soaSoap: u(soaSoap),
        soaFromYield: u(soaFromYield),
      };
    }
    return r;
  });

  const sum = (list: SpeciesReactivity[]): ReactivitySums => {
    const s = ZERO();
    for (const x of list) {
      if (x.n === 0) continue;
      s.ppb += x.ppb;
      s.ugm3 += x.ugm3;
      s.ppbC += x.ppbC;
      if (x.ofp !== null) s.ofp += x.ofp;
      if (x.loh !== null) s.loh += x.loh;
      if (x.soaSoap !== null) s.soaSoap += x.soaSoap;
      if (x.soaFromYield !== null) s.soaFromYield += x.soaFromYield;
    }
    return s;
  };
  const totals = sum(species);
  const ratio = (a: number | null, b: number) => (a === null || !Number.isFinite(a) ? null : b === 0 ? 0 : a / b);
  for (const s of species) {
    s.share = {
      ppb: ratio(s.ppb, totals.ppb) ?? 0,
      ofp: ratio(s.ofp, totals.ofp),
      loh: ratio(s.loh, totals.loh),
      soaSoap: ratio(s.soaSoap, totals.soaSoap),
      soaFromYield: ratio(s.soaFromYield, totals.soaFromYield),
    };
  }
  const groups: VocReactivity["groups"] = [];
  for (const g of VOC_GROUPS) {
    const list = species.filter((s) => s.group === g);
    if (list.length === 0) continue;
    const s = sum(list);
    const share = ZERO();
    for (const k of Object.keys(share) as (keyof ReactivitySums)[]) share[k] = totals[k] === 0 ? 0 : s[k] / totals[k];
    groups.push({ group: g, species: list.length, ...s, share });
  }

  let totalsUncertainty: VocReactivity["totalsUncertainty"];
  if (species.some((s) => s.uncertainty)) {
    const corr = opts.uncertaintyCorrelation ?? "independent";
    const u = ZERO();
    for (const s of species) {
      if (!s.uncertainty || s.n === 0) continue;
      const add = (k: keyof ReactivitySums, v: number | null) => {
        if (v === null) return;
        u[k] += corr === "independent" ? v * v : v;
      };
      add("ppb", s.uncertainty.ppb);
      add("ugm3", s.uncertainty.ugm3);
      add("ppbC", s.uncertainty.ppb * (s.ppb === 0 ? 0 : s.ppbC / s.ppb));
      add("ofp", s.uncertainty.ofp);
      add("loh", s.uncertainty.loh);
      add("soaSoap", s.uncertainty.soaSoap);
      add("soaFromYield", s.uncertainty.soaFromYield);
    }
    if (corr === "independent") for (const k of Object.keys(u) as (keyof ReactivitySums)[]) u[k] = Math.sqrt(u[k]);
    totalsUncertainty = { ...u, correlation: corr };
  }

  // per-sample totals
  const perSample: VocReactivity["perSample"] = [];
  // per-entity constants (a missing factor contributes 0 and is listed in missingFactors)
  const nW = work.length;
  const kMir = species.map((sp) => sp.mir ?? 0);
  const kLoh = species.map((sp) => sp.koh ?? 0);
  const kSoap = species.map((sp) => (sp.soap ?? 0) / 100);
  const kYield = species.map((sp) => sp.soaYield ?? 0);
  const carbon = work.map((w) => w.entity.carbon);
  const gIndex = species.map((sp) => VOC_GROUPS.indexOf(sp.group));
  const gp = new Float64Array(VOC_GROUPS.length);
  const go = new Float64Array(VOC_GROUPS.length);
  const gl = new Float64Array(VOC_GROUPS.length);
  const gSeen = new Uint8Array(VOC_GROUPS.length);
  for (let i = 0; i < nS; i++) {
    const s: VocReactivity["perSample"][number] = { ...ZERO(), index: i, missingSpecies: 0, byGroup: {} };
    if (times) s.time = times[i];
    gp.fill(0);
    go.fill(0);
    gl.fill(0);
    gSeen.fill(0);
    for (let j = 0; j < nW; j++) {
      const p = work[j].ppb[i];
      if (Number.isNaN(p)) {
        s.missingSpecies++;
        continue;
      }
      const ug = work[j].ugm3[i];
      const o = kMir[j] * ug;
      const l = kLoh[j] * work[j].n[i];
      s.ppb += p;
      s.ugm3 += ug;
      s.ppbC += p * carbon[j];
      s.ofp += o;
      s.loh += l;
      s.soaSoap += ug * kSoap[j];
      s.soaFromYield += ug * kYield[j];
      const g = gIndex[j];
      gSeen[g] = 1;
      gp[g] += p;
      go[g] += o;
      gl[g] += l;
    }
    for (let g = 0; g < VOC_GROUPS.length; g++)
      if (gSeen[g]) s.byGroup[VOC_GROUPS[g]] = { ppb: gp[g], ofp: go[g], loh: gl[g] };
    perSample.push(s);
  }
  const complete = perSample.filter((s) => s.missingSpecies === 0);
  let totalsSamplingSe: VocReactivity["totalsSamplingSe"];
  if (complete.length >= 2) {
    const se = ZERO();
    for (const k of Object.keys(se) as (keyof ReactivitySums)[]) {
      const xs = complete.map((s) => s[k]);
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const v = xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1);
      se[k] = Math.sqrt(v / xs.length);
    }
    totalsSamplingSe = { ...se, completeSamples: complete.length };
  }

  const topN = opts.topN ?? 10;
  const rank = (key: "ofp" | "loh" | "soaFromYield") =>
    species
      .filter((s) => s[key] !== null && Number.isFinite(s[key] as number))
      .sort((a, b) => (b[key] as number) - (a[key] as number) || a.id.localeCompare(b.id))
      .slice(0, topN)
      .map((s) => s.id);

  return {
    scale,
    referenceState: stateOpt,
    statesUsed,
    moleculesPerPpb: mpp,
    coelution,
    samples: nS,
    species,
    groups,
    totals,
    totalsUncertainty,
    totalsSamplingSe,
    perSample,
    ranking: { ofp: rank("ofp"), loh: rank("loh"), soaFromYield: rank("soaFromYield") },
    missingFactors,
  };
}

function relUnc(spec: number | Record<string, number> | undefined, id: string, header: string): number | undefined {
  if (spec === undefined) return undefined;
  const r = typeof spec === "number" ? spec : (spec[id] ?? spec[header]);
  if (r === undefined) return undefined;
  if (!(r >= 0) || !Number.isFinite(r))
    throw new RangeError(`relative uncertainty of ${id} must be a finite number ≥ 0, got ${r}`);
  return r;
}
