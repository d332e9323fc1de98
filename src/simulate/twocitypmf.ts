import { Rng } from "../random/rng";
import { observeMixture } from "./observe";
import type { PmfPrepData } from "../sourceapport/prepare";
import { pm25SourceModel, PM25_SOURCES, PM25_SPECIES } from "./pm25sources";
import { provenance, type Provenance } from "../provenance";

/** One simulated city of {@link simulateTwoCityPmf}. */
export interface TwoCitySite {
  name: string;
  /** Site UTC offset, minutes (Kawasaki +540, Shenyang +480). */
  utcOffsetMinutes: number;
  /** Sample labels: local dates YYYY-MM-DD. */
  dates: string[];
  /** UTC instants (ms) of local midnight of each date. */
  times: Float64Array;
  /**
   * Concentrations and uncertainties (days × species, µg/m3, row-major) with the dates as sample
   * labels, the times and the UTC offset: the data of `preparePmfInput`.
   */
  data: PmfPrepData;
  /** True contributions, days × sources (dimensionless; exactly 0 for a source absent at the site). */
  G: number[][];
}

/** Known truth of {@link simulateTwoCityPmf}. */
export interface TwoCityTruth {
  seed: number;
  species: string[];
  /** Source names, the order of F's rows and G's columns. */
  sources: string[];
  /** True profiles F (sources × species), µg/m3 per unit contribution, the same at both cities. */
  F: number[][];
  /** Sources present at one city only: source index → city name (coal at Shenyang, industry at Kawasaki). */
  siteOnly: Record<number, string>;
  /** Detection limit (µg/m3) and error fraction per species of the uncertainties. */
  mdl: number[];
  errorFraction: number[];
}

/** Relative level of each source (PM25_SOURCES order) at each city: shared sources differ in level and season. */
const LEVEL: Record<string, number[]> = {
  //         soil coal vehi  bb   so4  no3  ind
  Kawasaki: [0.6, 0, 1.3, 0.5, 1.1, 0.9, 1.0],
  Shenyang: [1.4, 1.6, 0.8, 1.3, 0.9, 1.2, 0],
};
/** Amplitude of the winter (cos) cycle of each source at each city. */
const WINTER: Record<string, number[]> = {
  Kawasaki: [-0.2, 0, 0.2, 0.3, -0.5, 0.4, 0],
  Shenyang: [-0.4, 0.7, 0.1, 0.6, -0.3, 0.7, 0],
};
const CITIES = [
  { name: "Kawasaki", utcOffsetMinutes: 540 },
  { name: "Shenyang", utcOffsetMinutes: 480 },
];

/**
 * Simulate daily PM2.5 composition (22 species incl. the total PM2.5) at two cities, Kawasaki and
 * Shenyang, for a joint PMF: five shared sources with the same profiles at both cities (soil,
 * vehicles, biomass burning, secondary sulfate, secondary nitrate) but each city's own level,
 * seasonal cycle and day-to-day series, and one local source at each (coal combustion at
 * Shenyang only, industry at Kawasaki only; their contributions are exactly 0 at the other city).
 * Profiles, detection limits and error fractions are those of simulatePm25Composition
 * (invented for the simulation, not measured; see PM25_SOURCES); contributions are
 * level·(1 + a·cos(2π·doy/365))·exp(0.55·z − 0.15), z ~ N(0, 1); observations and uncertainties
 * are equation-based, s = sqrt((EF·x)² + (MDL/2)²), x ≤ MDL → MDL/2 with s = 5/6·MDL (Norris et
 * al. 2014, EPA PMF 5.0 User Guide §5.1), 5 significant digits. No missing values.
 * Same seed → same output.
 * @throws {RangeError} when days is not a positive integer
 */
export function simulateTwoCityPmf(opts: { seed: number; days: number; start?: string }): {
  sites: TwoCitySite[];
  species: string[];
  truth: TwoCityTruth;
  provenance: Provenance;
} {
  if (!Number.isInteger(opts.days) || opts.days < 1)
    throw new RangeError(`simulateTwoCityPmf: days must be a positive integer, got ${opts.days}`);
  const rng = new Rng(opts.seed);
  const { F, mdl, ef } = pm25SourceModel();
  const m = PM25_SPECIES.length,
    p = PM25_SOURCES.length;
  const day0 = Date.parse((opts.start ?? "2024-01-01") + "T00:00:00Z");
  const sites: TwoCitySite[] = CITIES.map(({ name, utcOffsetMinutes }) => {
    const level = LEVEL[name],
      winter = WINTER[name];
    const dates: string[] = [],
      times = new Float64Array(opts.days),
      x = new Float64Array(opts.days * m),
      s = new Float64Array(opts.days * m),
      G: number[][] = [];
    for (let i = 0; i < opts.days; i++) {
      const local = day0 + i * 86400000;
      dates.push(new Date(local).toISOString().slice(0, 10));
      times[i] = local - utcOffsetMinutes * 60000;
      const c = Math.cos((2 * Math.PI * (i % 365)) / 365);
      const g = Array.from({ length: p }, (_, k) => {
        const z = rng.normal();
        return level[k] === 0 ? 0 : level[k] * (1 + winter[k] * c) * Math.exp(0.55 * z - 0.15);
      });
      G.push(g);
      for (let j = 0; j < m; j++) {
        const o = observeMixture(g, F, j, mdl[j], ef[j], rng, 5);
        x[i * m + j] = o.x;
        s[i * m + j] = o.s;
      }
    }
    const data: PmfPrepData = {
      x,
      s,
      n: opts.days,
      m,
      species: [...PM25_SPECIES],
      units: "µg/m3",
      samples: dates,
      times,
      utcOffsetMinutes,
    };
    return { name, utcOffsetMinutes, dates, times, data, G };
  });
  return {
    sites,
    species: [...PM25_SPECIES],
    truth: {
      seed: opts.seed,
      species: [...PM25_SPECIES],
      sources: [...PM25_SOURCES],
      F,
      siteOnly: { 1: "Shenyang", 6: "Kawasaki" },
      mdl,
      errorFraction: ef,
    },
    provenance: provenance(opts, opts.seed, { routine: "simulateTwoCityPmf" }),
  };
}
