/**
 * Standard atomic weights (g/mol), IUPAC 2021 abridged values to 4–5 significant digits
 * (Prohaska et al. 2022, Pure Appl. Chem. 94:573–600), for oxide → element conversion and
 * stoichiometric profiles.
 */
export const ATOMIC_WEIGHT: Record<string, number> = {
  H: 1.008,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  Na: 22.99,
  Mg: 24.305,
  Al: 26.982,
  Si: 28.085,
  P: 30.974,
  S: 32.06,
  Cl: 35.45,
  K: 39.098,
  Ca: 40.078,
  Ti: 47.867,
  Mn: 54.938,
  Fe: 55.845,
};
