import { Rng } from "../random/rng";
import { observeMixture, type SourceTruth } from "./observe";
import { provenance, type Provenance } from "../provenance";

/** Known truth of {@link simulatePmfInput}. */
export interface PmfTruth extends SourceTruth {
  factors: string[];
}

const SPECIES = ["SO4", "NO3", "NH4", "OC", "EC", "K", "Al", "Si", "Ca", "Fe", "Cu", "Zn", "Pb", "PM2.5"];
const FACTORS = ["secondary sulfate", "secondary nitrate", "vehicle", "dust", "biomass burning"];
/** Profiles in µg/m3 per unit contribution; PM2.5 (the total) is the row sum plus 10 % unexplained mass. */
const PROFILES: number[][] = [
  [8.0, 0.3, 2.9, 0.8, 0.05, 0.02, 0.01, 0.02, 0.01, 0.02, 0.001, 0.005, 0.002],
  [0.4, 6.0, 1.9, 0.5, 0.05, 0.02, 0.01, 0.02, 0.01, 0.02, 0.001, 0.005, 0.001],
  [0.3, 0.8, 0.2, 3.0, 2.2, 0.02, 0.03, 0.08, 0.04, 0.25, 0.03, 0.06, 0.008],
  [0.2, 0.1, 0.02, 0.3, 0.02, 0.12, 1.2, 3.5, 0.9, 0.8, 0.003, 0.01, 0.002],
  [0.3, 0.4, 0.3, 4.5, 0.6, 0.65, 0.01, 0.03, 0.02, 0.02, 0.002, 0.02, 0.004],
];

/**
 * Simulate PMF input X = G·F + noise with known G and F (5 sources, 14 species incl. the total
 * PM2.5), and equation-based uncertainties s = sqrt((EF·x)² + (MDL/2)²), x ≤ MDL → x = MDL/2,
 * s = 5/6·MDL (Norris et al. 2014, EPA PMF 5.0 User Guide §5.1).
 * Contributions are log-normal (σ = 0.6) scaled to mean 1.
 */
export function simulatePmfInput(opts: { seed: number; n: number }): {
  x: number[][];
  s: number[][];
  species: string[];
  truth: PmfTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const p = FACTORS.length;
  const F = PROFILES.map((row) => [...row, row.reduce((a, b) => a + b, 0) * 1.1]);
  const m = SPECIES.length;
  const mdl = SPECIES.map((_, j) => (j === m - 1 ? 1 : j < 5 ? 0.05 : j === 5 ? 0.01 : 0.002));
  const ef = SPECIES.map((_, j) => (j === m - 1 ? 0.05 : 0.1));
  const G: number[][] = [];
  for (let i = 0; i < opts.n; i++) G.push(Array.from({ length: p }, () => Math.exp(0.6 * rng.normal() - 0.18)));
  const x: number[][] = [];
  const s: number[][] = [];
  for (let i = 0; i < opts.n; i++) {
    const xr: number[] = [],
      sr: number[] = [];
    for (let j = 0; j < m; j++) {
      const o = observeMixture(G[i], F, j, mdl[j], ef[j], rng, 6);
      xr.push(o.x);
      sr.push(o.s);
    }
    x.push(xr);
    s.push(sr);
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulatePmfInput" }),
    x,
    s,
    species: SPECIES,
    truth: { seed: opts.seed, species: SPECIES, factors: FACTORS, F, G, mdl, errorFraction: ef },
  };
}
