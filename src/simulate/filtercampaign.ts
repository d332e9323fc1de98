import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";

/**
 * A simulated same-sample filter campaign at Kawasaki (Japan, UTC+9) and Shenyang (China, UTC+8):
 * daily 24-h PM2.5 filters analysed for ions (IC), OC/EC (thermal-optical), elements (XRF/ICP-MS,
 * ng/m3) and gravimetric mass, with co-located SO2/NO2 daily means, field blanks, and a second
 * laboratory analysing splits of the same filters with a known bias on two species.
 *
 * Concentrations are invented for the example (urban winter levels, Shenyang higher than
 * Kawasaki), not measured: each species = site median × a daily meteorological factor (log-normal,
 * σ 0.5, shared) × a species factor (log-normal, σ 0.3); NH4+ neutralises 90 % of the SO4 2- and
 * NO3- equivalents; the true PM2.5 mass is the Chinese-variant mass closure (`cn`, OM/OC 1.6) ×
 * 1.10 (10 % unexplained mass: water, other) × (1 + 3 % noise). A lab's reported value =
 * (true + field-blank level) × (1 + 4 % noise) × its bias; values below the MDL are written
 * `<MDL`, about 1 % of cells `NA`.
 */
export const FILTER_SPECIES = [
  { name: "SO4", unit: "µg/m3", mdl: 0.02, blank: 0.03, median: { KWS: 4, SHY: 12 } },
  { name: "NO3", unit: "µg/m3", mdl: 0.02, blank: 0.05, median: { KWS: 2, SHY: 10 } },
  { name: "NH4", unit: "µg/m3", mdl: 0.02, blank: 0.03, median: { KWS: 0, SHY: 0 } },
  { name: "Cl-", unit: "µg/m3", mdl: 0.02, blank: 0.04, median: { KWS: 0.4, SHY: 2.5 } },
  { name: "Na+", unit: "µg/m3", mdl: 0.02, blank: 0.05, median: { KWS: 0.5, SHY: 0.6 } },
  { name: "K+", unit: "µg/m3", mdl: 0.02, blank: 0.01, median: { KWS: 0.15, SHY: 1.0 } },
  { name: "Mg2+", unit: "µg/m3", mdl: 0.01, blank: 0.005, median: { KWS: 0.02, SHY: 0.08 } },
  { name: "Ca2+", unit: "µg/m3", mdl: 0.02, blank: 0.03, median: { KWS: 0.1, SHY: 0.5 } },
  { name: "OC", unit: "µg/m3", mdl: 0.2, blank: 0.5, median: { KWS: 3, SHY: 14 } },
  { name: "EC", unit: "µg/m3", mdl: 0.05, blank: 0.02, median: { KWS: 1, SHY: 3.5 } },
  { name: "Al", unit: "ng/m3", mdl: 20, blank: 10, median: { KWS: 100, SHY: 600 } },
  { name: "Si", unit: "ng/m3", mdl: 15, blank: 8, median: { KWS: 250, SHY: 1500 } },
  { name: "Ca", unit: "ng/m3", mdl: 5, blank: 6, median: { KWS: 120, SHY: 700 } },
  { name: "Ti", unit: "ng/m3", mdl: 2, blank: 0, median: { KWS: 4, SHY: 50 } },
  { name: "Fe", unit: "ng/m3", mdl: 5, blank: 3, median: { KWS: 250, SHY: 800 } },
  { name: "K", unit: "ng/m3", mdl: 5, blank: 3, median: { KWS: 150, SHY: 1200 } },
  { name: "V", unit: "ng/m3", mdl: 1, blank: 0, median: { KWS: 2, SHY: 3 } },
  { name: "Mn", unit: "ng/m3", mdl: 1, blank: 0, median: { KWS: 12, SHY: 50 } },
  { name: "Ni", unit: "ng/m3", mdl: 1, blank: 0, median: { KWS: 1.5, SHY: 5 } },
  { name: "Cu", unit: "ng/m3", mdl: 1, blank: 0, median: { KWS: 10, SHY: 25 } },
  { name: "Zn", unit: "ng/m3", mdl: 2, blank: 2, median: { KWS: 60, SHY: 300 } },
  { name: "Pb", unit: "ng/m3", mdl: 2, blank: 0, median: { KWS: 12, SHY: 120 } },
] as const;

/** Known truth of {@link simulateFilterCampaign}. */
export interface FilterCampaignTruth {
  seed: number;
  sites: { code: string; name: string; utcOffset: string }[];
  /** Species, unit, MDL and field-blank level (unit of the species). */
  species: { name: string; unit: string; mdl: number; blank: number }[];
  /** True ambient values per sample (no blank, no noise), species → values in sample order. */
  samples: string[];
  truth: Record<string, number[]>;
  /** True PM2.5 mass and its unexplained fraction. */
  mass: number[];
  unexplainedFraction: number;
  /** Relative noise (SD) of each lab's analysis and of the weighing. */
  labNoise: number;
  massNoise: number;
  /** Multiplicative bias of lab B per species (1 = none). */
  labBBias: Record<string, number>;
  /** Cells written as NA / <MDL, per file. */
  missing: Record<string, { sample: string; species: string }[]>;
  belowDetection: Record<string, { sample: string; species: string }[]>;
}

const SITES = [
  { code: "KWS", name: "Kawasaki", utcOffset: "+09:00" },
  { code: "SHY", name: "Shenyang", utcOffset: "+08:00" },
];

/** Oxide/ion factors of the `cn` mass-closure set (see `src/qa/tables/massclosure.ts`), used for the true mass. */
function cnMass(v: Record<string, number>): number {
  const ng = (s: string) => v[s] / 1000;
  return (
    v.SO4 +
    v.NO3 +
    v.NH4 +
    1.6 * v.OC +
    v.EC +
    1.89 * ng("Al") +
    2.14 * ng("Si") +
    1.4 * ng("Ca") +
    1.43 * ng("Fe") +
    1.67 * ng("Ti") +
    v["Cl-"] +
    1.45 * v["Na+"] +
    ng("V") +
    ng("Mn") +
    ng("Ni") +
    ng("Cu") +
    ng("Zn") +
    ng("Pb")
  );
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/**
 * Simulate the campaign. Returns the CSV text of lab A's results (`labA`: samples of both sites
 * with gravimetric PM2.5 and co-located SO2/NO2), lab B's split results (`labB`: ions, OC/EC,
 * elements), the field blanks analysed by lab A (`blanks`), and the truth.
 */
export function simulateFilterCampaign(opts: {
  seed: number;
  days: number;
  start: string;
  blanksPerSite?: number;
  labBBias?: Record<string, number>;
}): { labA: string; labB: string; blanks: string; truth: FilterCampaignTruth; provenance: Provenance } {
  const rng = new Rng(opts.seed);
  const bias = opts.labBBias ?? { OC: 1.15, NO3: 0.85 };
  const labNoise = 0.04,
    massNoise = 0.03,
    unexplained = 0.1;
  const t0 = Date.parse(opts.start + "T00:00:00Z");
  const samples: string[] = [],
    sites: string[] = [],
    dates: string[] = [];
  const truth: Record<string, number[]> = {};
  for (const s of FILTER_SPECIES) truth[s.name] = [];
  const mass: number[] = [],
    so2: number[] = [],
    no2: number[] = [];
  for (const site of SITES) {
    const code = site.code as "KWS" | "SHY";
    for (let d = 0; d < opts.days; d++) {
      const date = new Date(t0 + d * 86400000).toISOString().slice(0, 10);
      samples.push(`${code}-${date.replace(/-/g, "")}`);
      sites.push(site.name);
      dates.push(date);
      const met = Math.exp(0.5 * rng.normal());
      const v: Record<string, number> = {};
      for (const s of FILTER_SPECIES)
        if (s.name !== "NH4") v[s.name] = s.median[code] * met * Math.exp(0.3 * rng.normal());
      v.NH4 = 0.9 * ((2 * v.SO4) / 96.056 + v.NO3 / 62.004) * 18.039;
      for (const s of FILTER_SPECIES) truth[s.name].push(v[s.name]);
      mass.push(cnMass(v) * (1 + unexplained));
      so2.push((code === "SHY" ? 40 : 5) * met * Math.exp(0.3 * rng.normal()));
      no2.push((code === "SHY" ? 45 : 35) * Math.sqrt(met) * Math.exp(0.2 * rng.normal()));
    }
  }
  const missing: FilterCampaignTruth["missing"] = { labA: [], labB: [], blanks: [] };
  const below: FilterCampaignTruth["belowDetection"] = { labA: [], labB: [], blanks: [] };
  const cell = (
    file: "labA" | "labB" | "blanks",
    sample: string,
    s: (typeof FILTER_SPECIES)[number],
    value: number,
  ): string => {
    if (rng.uniform() < 0.01) {
      missing[file].push({ sample, species: s.name });
      return "NA";
    }
    if (value < s.mdl) {
      below[file].push({ sample, species: s.name });
      return `<${s.mdl}`;
    }
    return fmt(value);
  };
  const head = (withMass: boolean) =>
    [
      "sample_id",
      "site",
      "date",
      ...(withMass ? ["PM2.5 (µg/m3)", "SO2 (µg/m3)", "NO2 (µg/m3)"] : []),
      ...FILTER_SPECIES.map((s) => `${s.name} (${s.unit})`),
    ].join(",");
  const rowsA: string[] = [head(true)],
    rowsB: string[] = [head(false)];
  samples.forEach((id, i) => {
    const ca = FILTER_SPECIES.map((s) =>
      cell("labA", id, s, (truth[s.name][i] + s.blank) * (1 + labNoise * rng.normal())),
    );
    const cb = FILTER_SPECIES.map((s) =>
      cell("labB", id, s, (truth[s.name][i] + s.blank) * (1 + labNoise * rng.normal()) * (bias[s.name] ?? 1)),
    );
    const m = fmt(mass[i] * (1 + massNoise * rng.normal()));
    rowsA.push([id, sites[i], dates[i], m, fmt(so2[i]), fmt(no2[i]), ...ca].join(","));
    rowsB.push([id, sites[i], dates[i], ...cb].join(","));
  });
  const rowsBl: string[] = [
    ["sample_id", "site", "date", ...FILTER_SPECIES.map((s) => `${s.name} (${s.unit})`)].join(","),
  ];
  const nb = opts.blanksPerSite ?? 6;
  for (const site of SITES) {
    for (let k = 0; k < nb; k++) {
      const date = new Date(t0 + Math.round(((k + 0.5) * opts.days) / nb) * 86400000).toISOString().slice(0, 10);
      const id = `${site.code}-FB${k + 1}`;
      rowsBl.push(
        [
          id,
          site.name,
          date,
          ...FILTER_SPECIES.map((s) => cell("blanks", id, s, s.blank * (1 + 0.2 * rng.normal()))),
        ].join(","),
      );
    }
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateFilterCampaign" }),
    labA: rowsA.join("\n") + "\n",
    labB: rowsB.join("\n") + "\n",
    blanks: rowsBl.join("\n") + "\n",
    truth: {
      seed: opts.seed,
      sites: SITES,
      species: FILTER_SPECIES.map((s) => ({ name: s.name, unit: s.unit, mdl: s.mdl, blank: s.blank })),
      samples,
      truth,
      mass,
      unexplainedFraction: unexplained,
      labNoise,
      massNoise,
      labBBias: bias,
      missing,
      belowDetection: below,
    },
  };
}
