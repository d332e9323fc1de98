import { Rng } from "../random/rng";
import { formatInstant } from "../table/time";
import { VOC_SPECIES_ROWS } from "../models/voc/tables/species";
import { kohOf, requireVocSpecies } from "../models/voc/registry";
import { provenance, type Provenance } from "../provenance";

/** Known truth of {@link simulateVocCanisters}. */
export interface VocCanisterTruth {
  seed: number;
  utcOffsetMinutes: number;
  /** Local sampling times (`YYYY-MM-DD HH:mm`, UTC+8) as written in the file. */
  samples: string[];
  /** Source names and their median contributions (scale factors of the profiles). */
  sources: { name: string; median: number }[];
  /** Molar fraction of m-xylene in the reported m/p-xylene sum (the same in every sample). */
  mXyleneFraction: number;
  /** Species (registry ids) in the file, m- and p-xylene written together as one `m/p-xylene` column. */
  species: string[];
  /** True mixing ratios (ppb) per species per sample, before rounding to 3 decimals (m- and p-xylene separate). */
  ppb: Record<string, number[]>;
  /** File cells written below detection (`<0.005`): 1-based file row and registry id. */
  belowDetection: { row: number; species: string; limit: number }[];
  /** File cells left empty (missing). */
  missing: { row: number; species: string }[];
  /** Columns in the file that are not registry species (they must be reported as unmatched). */
  unknownColumns: string[];
}

const SOURCES = [
  "vehicle exhaust",
  "LPG/natural gas",
  "solvent use",
  "combustion",
  "biogenic",
  "background/secondary",
] as const;

/**
 * Source profiles (ppb per unit contribution) for the main species; other PAMS species get a
 * small vehicle + solvent share. Shapes follow the usual urban-China profiles (vehicle: C2–C5
 * alkenes, isopentane, toluene, xylenes; LPG: propane, butanes; solvents: aromatics, ethyl
 * acetate, C9–C11 alkanes; combustion: ethane, ethylene, acetylene, benzene; biogenic:
 * isoprene, pinenes; background: ethane, acetone, halocarbons). Synthetic, not a measured profile.
 */
const PROFILE: Record<string, [number, number, number, number, number, number]> = {
  ethane: [0.6, 0.8, 0, 1.2, 0, 1.8],
  ethylene: [1.4, 0, 0, 1.0, 0, 0.2],
  acetylene: [0.9, 0, 0, 1.1, 0, 0.3],
  propane: [0.4, 2.2, 0, 0.3, 0, 0.5],
  propylene: [0.5, 0.2, 0, 0.3, 0, 0.05],
  isobutane: [0.3, 0.9, 0, 0.05, 0, 0.1],
  "n-butane": [0.5, 1.3, 0.1, 0.1, 0, 0.15],
  isopentane: [0.9, 0.1, 0.1, 0.05, 0, 0.1],
  "n-pentane": [0.4, 0.1, 0.1, 0.05, 0, 0.05],
  isoprene: [0.03, 0, 0, 0, 1.0, 0],
  "alpha-pinene": [0, 0, 0, 0, 0.08, 0],
  "beta-pinene": [0, 0, 0, 0, 0.04, 0],
  benzene: [0.3, 0, 0.05, 0.5, 0, 0.1],
  toluene: [0.6, 0, 1.2, 0.2, 0, 0.1],
  ethylbenzene: [0.15, 0, 0.5, 0.02, 0, 0.02],
  "m-xylene": [0.25, 0, 0.55, 0.02, 0, 0.01],
  "p-xylene": [0.11, 0, 0.24, 0.01, 0, 0.005],
  "o-xylene": [0.12, 0, 0.3, 0.01, 0, 0.01],
  styrene: [0.03, 0, 0.2, 0.05, 0, 0],
  "1,2,4-trimethylbenzene": [0.08, 0, 0.2, 0, 0, 0],
  "n-decane": [0.03, 0, 0.15, 0, 0, 0],
  "n-undecane": [0.02, 0, 0.12, 0, 0, 0],
  "2-methylpentane": [0.25, 0, 0.1, 0, 0, 0.03],
  "n-hexane": [0.2, 0, 0.2, 0, 0, 0.05],
  "1-butene": [0.15, 0.05, 0, 0.1, 0, 0],
  "1,3-butadiene": [0.08, 0, 0, 0.05, 0, 0],
  acetone: [0.2, 0, 0.3, 0.1, 0.1, 2.5],
  MEK: [0.05, 0, 0.25, 0.05, 0, 0.4],
  MTBE: [0.12, 0, 0, 0, 0, 0],
  "ethyl acetate": [0, 0, 0.8, 0, 0, 0.1],
  isopropanol: [0, 0, 0.4, 0, 0, 0.1],
  dichloromethane: [0, 0, 0.3, 0, 0, 0.4],
  chloroform: [0, 0, 0.02, 0, 0, 0.06],
  "1,2-dichloroethane": [0, 0, 0.1, 0.05, 0, 0.15],
};
const DEFAULT_PROFILE: [number, number, number, number, number, number] = [0.03, 0, 0.02, 0.008, 0, 0.008];
const OVOC_HALO = [
  "acetone",
  "MEK",
  "MTBE",
  "ethyl acetate",
  "isopropanol",
  "dichloromethane",
  "chloroform",
  "1,2-dichloroethane",
];

/** Chinese headers for the zh variant of the file: the registry's Chinese names, `间/对二甲苯` for the pair. */
function zhName(id: string): string {
  return id === "m,p-xylene" ? "间/对二甲苯" : requireVocSpecies(id).zh;
}

/**
 * Simulate a canister VOC campaign in a Xi'an-like city (UTC+8): `days` days × 3 samples
 * (08:00, 14:00, 20:00 local), the 57 PAMS compounds (m/p-xylene as one column) plus five OVOCs and
 * three halocarbons, in ppb, from six sources with log-normal daily contributions, a diurnal
 * pattern (traffic peaks morning and evening, biogenic at 14:00) and photochemical loss at
 * 14:00 (exp(−kOH × 2.0e6 OH cm-3 × 3 h)); measurement noise log-normal σ = 0.12. One column
 * (`1-octene`) is deliberately not in the registry. A few cells are written `<0.005` or empty.
 *
 * @returns the English-header CSV, the Chinese-header CSV (same values), and the truth
 * @throws {RangeError} when `start` is not YYYY-MM-DD
 */
export function simulateVocCanisters(opts: {
  seed: number;
  start: string;
  days: number;
  utcOffsetMinutes: number;
  mXyleneFraction: number;
}): { csv: string; csvZh: string; truth: VocCanisterTruth; provenance: Provenance } {
  const rng = new Rng(opts.seed);
  const pams = VOC_SPECIES_ROWS.filter((r) => r.pams).map((r) => r.id);
  const species = [...pams, ...OVOC_HALO];
  const columns: string[] = [];
  for (const id of species) {
    if (id === "p-xylene") continue;
    columns.push(id === "m-xylene" ? "m,p-xylene" : id);
  }
  const medians = [2, 0.8, 1.3, 1, 0.8, 0.6];
  // species without an explicit profile: the default profile times a fixed log-normal factor (σ 0.8)
  const scale = new Map(species.map((id) => [id, PROFILE[id] ? 1 : Math.exp(0.8 * rng.normal())]));
  const t0 = Date.parse(opts.start + "T00:00Z") - opts.utcOffsetMinutes * 60000;
  if (!Number.isFinite(t0)) throw new RangeError(`start "${opts.start}" is not YYYY-MM-DD`);
  const truth: VocCanisterTruth = {
    seed: opts.seed,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    samples: [],
    sources: SOURCES.map((name, k) => ({ name, median: medians[k] })),
    mXyleneFraction: opts.mXyleneFraction,
    species,
    ppb: Object.fromEntries(species.map((s) => [s, [] as number[]])),
    belowDetection: [],
    missing: [],
    unknownColumns: ["1-octene (ppb)"],
  };
  const header = [
    "Time",
    "Canister",
    ...columns.map((c) => `${c === "m,p-xylene" ? "m/p-xylene" : c} (ppb)`),
    "1-octene (ppb)",
  ];
  const headerZh = ["采样时间", "样品编号", ...columns.map((c) => `${zhName(c)}(ppb)`), "1-辛烯(ppb)"];
  const body: string[][] = [];
  const oh = 2.0e6;
  for (let d = 0; d < opts.days; d++) {
    const daily = medians.map((m) => m * Math.exp(0.4 * rng.normal()));
    for (const hour of [8, 14, 20]) {
      const t = t0 + d * 86400000 + hour * 3600000;
      const local = formatInstant(t, opts.utcOffsetMinutes).slice(0, 16).replace("T", " ");
      truth.samples.push(local);
      const diurnal =
        hour === 14
          ? [0.6, 0.8, 1.0, 0.7, 2.2, 1.2]
          : hour === 8
            ? [1.4, 1.1, 0.9, 1.2, 0.4, 0.9]
            : [1.2, 1.0, 1.0, 1.1, 0.3, 1.0];
      const values = new Map<string, number>();
      for (const id of species) {
        const p = PROFILE[id] ?? DEFAULT_PROFILE;
        let c = 0;
        for (let k = 0; k < 6; k++) c += p[k] * daily[k] * diurnal[k];
        c *= scale.get(id)!;
        if (hour === 14) {
          const k = kohOf(requireVocSpecies(id));
          if (k) c *= Math.exp(-k.value * oh * 3 * 3600);
        }
        c *= Math.exp(0.12 * rng.normal());
        values.set(id, c);
      }
      // one m/p split for every sample (the simulated m-xylene fraction)
      const mp = values.get("m-xylene")! + values.get("p-xylene")!;
      values.set("m-xylene", mp * opts.mXyleneFraction);
      values.set("p-xylene", mp * (1 - opts.mXyleneFraction));
      for (const id of species) truth.ppb[id].push(values.get(id)!);
      const row = body.length + 2;
      const cells = columns.map((c) => {
        const v = c === "m,p-xylene" ? mp : values.get(c)!;
        return v.toFixed(3);
      });
      // a few below-detection and missing cells among the low species
      columns.forEach((c, j) => {
        if (c === "m,p-xylene") return;
        if (values.get(c)! < 0.01 && rng.uniform() < 0.5) {
          cells[j] = "<0.005";
          truth.belowDetection.push({ row, species: c, limit: 0.005 });
        } else if (rng.uniform() < 0.002) {
          cells[j] = "";
          truth.missing.push({ row, species: c });
        }
      });
      const octene = (0.02 * daily[2] * Math.exp(0.2 * rng.normal())).toFixed(3);
      body.push([local, `XA-${String(body.length + 1).padStart(3, "0")}`, ...cells, octene]);
    }
  }
  const quote = (c: string) => (c.includes(",") ? `"${c}"` : c);
  const csvOf = (h: string[]) => [h.map(quote), ...body].map((r) => r.join(",")).join("\n") + "\n";
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateVocCanisters" }),
    csv: csvOf(header),
    csvZh: csvOf(headerZh),
    truth,
  };
}
