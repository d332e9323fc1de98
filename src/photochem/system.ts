/**
 * The compiled form of a gas-phase chemical mechanism: the contract between the mechanism readers
 * (CMAQ CHEMMECH `.def`, KPP `.eqn`), the photolysis module and the stiff integrator.
 *
 * Units throughout: concentrations in molecules cm⁻³, time in seconds, first-order rate constants
 * in s⁻¹, second-order in cm³ molecule⁻¹ s⁻¹, third-order in cm⁶ molecule⁻² s⁻¹ (the units of
 * CMAQ's CHEMMECH rate constants, CMAQ `CHEMMECH` README).
 *
 * Rate law of reaction r: `rate_r = k_r · Π_{i ∈ reactants_r} c_i` (a self-reaction such as
 * NO + NO lists the index twice, so the rate is `k·[NO]²` and the loss of NO is `2·rate`).
 * Species held constant (M, O2, N2, H2O, and CH4/H2 as CMAQ holds them) are not variables: the
 * mechanism compiler folds their concentrations into `k_r`.
 * @packageDocumentation
 */

/** One reaction of a {@link KineticSystem}. */
export interface KineticReaction {
  /** The mechanism's label (e.g. `R1`, `<R25>` without brackets), for errors and budgets. */
  label: string;
  /** Indices into {@link KineticSystem.species} of the variable reactants, repeated for a self-reaction. */
  reactants: readonly number[];
  /** Products: index into {@link KineticSystem.species} and stoichiometric coefficient (fractional; may be negative, e.g. `-2.5*PAR`). */
  products: readonly { index: number; coefficient: number }[];
}

/** A mechanism compiled for integration: variable species and reactions (see the module's rate law). */
export interface KineticSystem {
  /** Variable species names, in the order of the concentration vectors. */
  species: readonly string[];
  /** The reactions, in the order of the rate-constant vectors. */
  reactions: readonly KineticReaction[];
}

/**
 * The physical state that rate constants depend on. Number densities in molecules cm⁻³,
 * temperature in K, pressure in Pa; photolysis frequencies in s⁻¹ keyed by the mechanism's
 * photolysis-table name (CMAQ: the name after `/<`, e.g. `NO2_IUPAC10`).
 */
export interface RateEnvironment {
  /** Temperature (K). */
  temperatureK: number;
  /** Pressure (Pa). */
  pressurePa: number;
  /** Air number density [M] (molecules cm⁻³). */
  M: number;
  /** O2 number density (molecules cm⁻³). */
  O2: number;
  /** N2 number density (molecules cm⁻³). */
  N2: number;
  /** Water vapour number density (molecules cm⁻³). */
  H2O: number;
  /** Photolysis frequencies (s⁻¹) by photolysis-table name; a name the mechanism needs and this lacks is an error. */
  photolysis: Readonly<Record<string, number>>;
}
