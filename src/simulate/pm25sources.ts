import { Rng } from "../random/rng";
import { observeMixture, type SourceTruth } from "./observe";
import { provenance, type Provenance } from "../provenance";

/**
 * Illustrative PM2.5 source profiles for the Kawasaki–Shenyang example (µg/m3 of each species
 * per unit contribution; mean contributions are 1). Shapes follow the usual markers — soil: Al,
 * Si, Ca, Ti, Fe; coal combustion: SO4, OC, EC, Cl, As, Se, Pb; vehicles: OC, EC, Cu, Zn, Fe;
 * biomass burning: OC, K, Cl; secondary sulfate: SO4 + NH4; secondary nitrate: NO3 + NH4;
 * industry: Fe, Mn, Zn, Pb, Cu, Ni, V — but the numbers are invented for the simulation, not
 * measured profiles. PM2.5 (the total variable) is the species sum plus 10 % unexplained mass.
 */
export const PM25_SPECIES = [
  "OC",
  "EC",
  "SO4",
  "NO3",
  "NH4",
  "Cl",
  "K",
  "Na",
  "Al",
  "Si",
  "Ca",
  "Ti",
  "V",
  "Mn",
  "Fe",
  "Ni",
  "Cu",
  "Zn",
  "As",
  "Se",
  "Pb",
  "PM2.5",
] as const;
export const PM25_SOURCES = [
  "soil",
  "coal combustion",
  "vehicles",
  "biomass burning",
  "secondary sulfate",
  "secondary nitrate",
  "industry",
] as const;

//           OC    EC    SO4   NO3   NH4   Cl    K     Na    Al    Si    Ca    Ti     V      Mn     Fe    Ni     Cu     Zn     As     Se     Pb
const P: number[][] = [
  /* soil */ [
    0.3, 0.03, 0.1, 0.05, 0.01, 0.02, 0.12, 0.08, 0.9, 2.4, 0.7, 0.06, 0.002, 0.015, 0.6, 0.001, 0.002, 0.005, 0.0005,
    0.0002, 0.003,
  ],
  /* coal */ [
    1.8, 0.6, 2.2, 0.2, 0.4, 0.45, 0.08, 0.05, 0.15, 0.3, 0.1, 0.01, 0.003, 0.008, 0.12, 0.002, 0.004, 0.06, 0.012,
    0.006, 0.04,
  ],
  /* vehi */ [
    2.4, 1.7, 0.2, 0.4, 0.1, 0.05, 0.02, 0.02, 0.03, 0.08, 0.05, 0.003, 0.001, 0.004, 0.3, 0.001, 0.03, 0.05, 0.0005,
    0.0003, 0.006,
  ],
  /* bb   */ [
    3.5, 0.5, 0.25, 0.3, 0.2, 0.3, 0.55, 0.03, 0.02, 0.05, 0.03, 0.002, 0.0, 0.002, 0.03, 0.0, 0.002, 0.015, 0.0004,
    0.0002, 0.004,
  ],
  /* so4  */ [
    0.5, 0.02, 6.5, 0.2, 2.3, 0.01, 0.02, 0.01, 0.01, 0.02, 0.01, 0.001, 0.001, 0.001, 0.02, 0.0, 0.001, 0.005, 0.0004,
    0.001, 0.003,
  ],
  /* no3  */ [
    0.4, 0.02, 0.4, 5.5, 1.9, 0.1, 0.02, 0.01, 0.01, 0.02, 0.01, 0.001, 0.0, 0.001, 0.02, 0.0, 0.001, 0.004, 0.0001,
    0.0001, 0.002,
  ],
  /* ind  */ [
    0.6, 0.2, 0.5, 0.1, 0.1, 0.15, 0.03, 0.02, 0.05, 0.1, 0.08, 0.005, 0.015, 0.08, 1.2, 0.012, 0.04, 0.3, 0.003, 0.001,
    0.09,
  ],
];

/** Known truth of {@link simulatePm25Composition}. */
export interface Pm25Truth extends SourceTruth {
  sources: string[];
  /** Cells written as missing (-999): sample index and species. */
  missing: { sample: number; species: string }[];
}

/**
 * The measurement model of {@link simulatePm25Composition}: the 7 source profiles F (sources ×
 * species, µg/m3 per unit contribution, PM2.5 = 1.1 × the species sum), and per species the
 * detection limit (µg/m3) and error fraction of the equation-based uncertainty.
 */
export function pm25SourceModel(): { F: number[][]; mdl: number[]; ef: number[] } {
  const F = P.map((row) => [...row, Number((row.reduce((a, b) => a + b, 0) * 1.1).toFixed(4))]);
  const mdl = PM25_SPECIES.map((sp) =>
    sp === "PM2.5"
      ? 2
      : ["OC", "EC", "SO4", "NO3", "NH4"].includes(sp)
        ? 0.1
        : ["Cl", "K", "Na", "Al", "Si", "Ca", "Fe"].includes(sp)
          ? 0.02
          : 0.0015,
  );
  const ef = PM25_SPECIES.map((sp) => (sp === "PM2.5" ? 0.05 : ["Na", "Al", "Si"].includes(sp) ? 0.15 : 0.1));
  return { F, mdl, ef };
}

/**
 * Simulate a year of daily PM2.5 composition at a northern Chinese/Japanese city pair site:
 * X = G·F + noise with 7 named sources (coal combustion and biomass burning peaking in winter,
 * secondary sulfate in summer, secondary nitrate in winter, soil in spring), equation-based
 * uncertainties s = sqrt((EF·x)² + (MDL/2)²) (values ≤ MDL → MDL/2, s = 5/6·MDL; Norris et al.
 * 2014), and about 0.3 % of cells missing (written as -999). Dates are local days (UTC+8).
 */
export function simulatePm25Composition(opts: { seed: number; days: number; start?: string }): {
  x: number[][];
  s: number[][];
  dates: string[];
  species: string[];
  truth: Pm25Truth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const { F, mdl, ef } = pm25SourceModel();
  const m = PM25_SPECIES.length,
    p = PM25_SOURCES.length;
  const t0 = Date.parse((opts.start ?? "2024-01-01") + "T00:00:00Z");
  const season = (k: number, doy: number) => {
    const c = Math.cos((2 * Math.PI * doy) / 365); // +1 mid-winter, −1 mid-summer
    switch (PM25_SOURCES[k]) {
      case "coal combustion":
        return 1 + 0.7 * c;
      case "biomass burning":
        return 1 + 0.5 * c;
      case "secondary sulfate":
        return 1 - 0.5 * c;
      case "secondary nitrate":
        return 1 + 0.6 * c;
      case "soil":
        return 1 + 0.5 * Math.cos((2 * Math.PI * (doy - 100)) / 365);
      default:
        return 1;
    }
  };
  const G: number[][] = [],
    x: number[][] = [],
    s: number[][] = [],
    dates: string[] = [];
  const missing: Pm25Truth["missing"] = [];
  for (let i = 0; i < opts.days; i++) {
    const d = new Date(t0 + i * 86400000);
    dates.push(`${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`);
    const doy = i % 365;
    const g = Array.from({ length: p }, (_, k) => season(k, doy) * Math.exp(0.55 * rng.normal() - 0.15));
    G.push(g);
    const xr: number[] = [],
      sr: number[] = [];
    for (let j = 0; j < m; j++) {
      const o = observeMixture(g, F, j, mdl[j], ef[j], rng, 5);
      if (j < m - 1 && rng.uniform() < 0.003) {
        missing.push({ sample: i, species: PM25_SPECIES[j] });
        xr.push(-999);
        sr.push(-999);
        continue;
      }
      xr.push(o.x);
      sr.push(o.s);
    }
    x.push(xr);
    s.push(sr);
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulatePm25Composition" }),
    x,
    s,
    dates,
    species: [...PM25_SPECIES],
    truth: {
      seed: opts.seed,
      species: [...PM25_SPECIES],
      sources: [...PM25_SOURCES],
      F,
      G,
      mdl,
      errorFraction: ef,
      missing,
    },
  };
}
