import { Rng } from "../../src/random/rng";
import type { KineticSystem } from "../../src/photochem";

/** A random mass-action system: each reaction has 0–3 reactants (self-reactions allowed) and 1–3 products with fractional, sometimes negative, coefficients. */
export function randomSystem(nSpecies: number, nReactions: number, seed: number): KineticSystem {
  const rng = new Rng(seed);
  const species = Array.from({ length: nSpecies }, (_, i) => `S${i}`);
  const reactions = Array.from({ length: nReactions }, (_, r) => {
    const u = rng.uniform();
    const nr = u < 0.05 ? 0 : u < 0.45 ? 1 : u < 0.95 ? 2 : 3;
    const reactants = Array.from({ length: nr }, () => rng.int(nSpecies));
    if (nr >= 2 && rng.uniform() < 0.15) reactants[1] = reactants[0]; // a self-reaction
    const np = 1 + rng.int(3);
    const products = Array.from({ length: np }, () => ({
      index: rng.int(nSpecies),
      coefficient: rng.uniform() < 0.1 ? -0.5 * rng.uniform() : 0.2 + 1.8 * rng.uniform(),
    }));
    return { label: `R${r + 1}`, reactants, products };
  });
  return { species, reactions };
}

export function randomVector(n: number, seed: number, lo: number, hi: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}
