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

// Robertson (1966) kinetics as a mass-action system: A → B (0.04), B + B → B + C (3e7), B + C → A + C (1e4)
export const ROBERTSON: KineticSystem = {
  species: ["A", "B", "C"],
  reactions: [
    { label: "1", reactants: [0], products: [{ index: 1, coefficient: 1 }] },
    {
      label: "2",
      reactants: [1, 1],
      products: [
        { index: 1, coefficient: 1 },
        { index: 2, coefficient: 1 },
      ],
    },
    {
      label: "3",
      reactants: [1, 2],
      products: [
        { index: 0, coefficient: 1 },
        { index: 2, coefficient: 1 },
      ],
    },
  ],
};
export const ROBERTSON_K = Float64Array.of(0.04, 3e7, 1e4);

/**
 * A hand NOx/NOy–HOx mechanism (17 reactions, a self-reaction NO + NO, photolysis folded into first-order
 * k) whose nitrogen is conserved: total N = NO + NO2 + NO3 + 2·N2O5 + HNO3 + HONO.
 */
export const NOX_MECHANISM = (() => {
  // species: NO NO2 NO3 N2O5 HNO3 HONO O3 OH HO2 CO; total N = NO + NO2 + NO3 + 2·N2O5 + HNO3 + HONO
  const S = ["NO", "NO2", "NO3", "N2O5", "HNO3", "HONO", "O3", "OH", "HO2", "CO"];
  const i = (s: string) => S.indexOf(s);
  const rx = (label: string, re: string[], pr: [string, number][]) => ({
    label,
    reactants: re.map(i),
    products: pr.map(([s, c]) => ({ index: i(s), coefficient: c })),
  });
  const sys: KineticSystem = {
    species: S,
    reactions: [
      rx(
        "NO2+hv",
        ["NO2"],
        [
          ["NO", 1],
          ["O3", 1],
        ],
      ),
      rx("NO+O3", ["NO", "O3"], [["NO2", 1]]),
      rx("NO2+O3", ["NO2", "O3"], [["NO3", 1]]),
      rx(
        "NO3+hv",
        ["NO3"],
        [
          ["NO2", 1],
          ["O3", 1],
        ],
      ),
      rx("NO3+NO", ["NO3", "NO"], [["NO2", 2]]),
      rx("NO2+NO3", ["NO2", "NO3"], [["N2O5", 1]]),
      rx(
        "N2O5",
        ["N2O5"],
        [
          ["NO2", 1],
          ["NO3", 1],
        ],
      ),
      rx("N2O5+H2O", ["N2O5"], [["HNO3", 2]]),
      rx("OH+NO2", ["OH", "NO2"], [["HNO3", 1]]),
      rx(
        "HNO3+hv",
        ["HNO3"],
        [
          ["OH", 1],
          ["NO2", 1],
        ],
      ),
      rx("NO+NO+O2", ["NO", "NO"], [["NO2", 2]]),
      rx("OH+NO", ["OH", "NO"], [["HONO", 1]]),
      rx(
        "HONO+hv",
        ["HONO"],
        [
          ["OH", 1],
          ["NO", 1],
        ],
      ),
      rx(
        "HO2+NO",
        ["HO2", "NO"],
        [
          ["OH", 1],
          ["NO2", 1],
        ],
      ),
      rx("OH+CO", ["OH", "CO"], [["HO2", 1]]),
      rx("O3+hv", ["O3"], [["OH", 2]]),
      rx("HO2+HO2", ["HO2", "HO2"], []),
    ],
  };
  const k = Float64Array.of(
    8e-3,
    1.9e-14,
    3.5e-17,
    0.15,
    2.6e-11,
    1.2e-12,
    0.04,
    2e-5,
    1.1e-11,
    7e-7,
    2e-38 * 5.2e18,
    7e-12,
    1.5e-3,
    8.5e-12,
    2.3e-13,
    2e-5,
    2.9e-12,
  );
  const ppb = 2.46e10;
  const c0 = [5, 15, 0, 0, 1, 0.5, 50, 0, 0, 200].map((x) => x * ppb);
  return { system: sys, k, c0, nitrogen: [1, 1, 1, 2, 1, 1, 0, 0, 0, 0] };
})();

/** NO2 + hν → NO + O3 (J; O(3P) + O2 → O3 folded in), NO + O3 → NO2 (k): the photostationary system. */
export const LEIGHTON: KineticSystem = {
  species: ["NO", "NO2", "O3"],
  reactions: [
    {
      label: "J",
      reactants: [1],
      products: [
        { index: 0, coefficient: 1 },
        { index: 2, coefficient: 1 },
      ],
    },
    { label: "k", reactants: [0, 2], products: [{ index: 1, coefficient: 1 }] },
  ],
};
