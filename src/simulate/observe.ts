import type { Rng } from "../random/rng";

/**
 * One simulated measurement of a true value v with equation-based uncertainty (Norris et al. 2014,
 * EPA PMF 5.0 User Guide): the observation is v + N(0, σ²) with σ = sqrt((EF·v)² + (MDL/2)²),
 * clipped at 0; an observation ≤ MDL is reported as MDL/2 with s = 5/6·MDL, otherwise
 * s = sqrt((EF·x)² + (MDL/2)²). Both are rounded to `digits` significant digits, as files hold them.
 */
export function observe(v: number, mdl: number, ef: number, rng: Rng, digits: number): { x: number; s: number } {
  const sigma = Math.sqrt((ef * v) ** 2 + (mdl / 2) ** 2);
  let x = Math.max(0, v + sigma * rng.normal());
  let s: number;
  if (x <= mdl) {
    x = mdl / 2;
    s = (5 / 6) * mdl;
  } else s = Math.sqrt((ef * x) ** 2 + (mdl / 2) ** 2);
  return { x: Number(x.toPrecision(digits)), s: Number(s.toPrecision(digits)) };
}

/**
 * {@link observe} of species j of a source mixture: the true value v = Σ_k g_k·F_kj (contributions
 * g of one sample, profiles F sources × species), then one simulated measurement of it.
 */
export function observeMixture(
  g: readonly number[],
  F: readonly (readonly number[])[],
  j: number,
  mdl: number,
  ef: number,
  rng: Rng,
  digits: number,
): { x: number; s: number } {
  let v = 0;
  for (let k = 0; k < g.length; k++) v += g[k] * F[k][j];
  return observe(v, mdl, ef, rng, digits);
}

/** Known truth shared by the source-composition simulators. */
export interface SourceTruth {
  seed: number;
  species: string[];
  /** True profiles F (sources × species), µg/m3 per unit contribution. */
  F: number[][];
  /** True contributions G (samples × sources), dimensionless, mean ≈ 1. */
  G: number[][];
  /** Detection limit (µg/m3) and error fraction per species used for the uncertainties. */
  mdl: number[];
  errorFraction: number[];
}
