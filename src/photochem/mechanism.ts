/**
 * A chemical mechanism as read from its file (CMAQ CHEMMECH `.def`, KPP `.eqn`/`.spc`): species,
 * reactions with their stoichiometry and rate expressions, before it is compiled into a
 * {@link KineticSystem} by {@link compileMechanism}.
 *
 * Rate-constant units: molecule cm⁻³ and s⁻¹ (first order s⁻¹, second order cm³ molecule⁻¹ s⁻¹,
 * third order cm⁶ molecule⁻² s⁻¹), except for a CHEMMECH file whose header says `REACTIONS[PP]`
 * (ppm and min⁻¹ for the non-falloff forms; converted when the mechanism is compiled).
 * @packageDocumentation
 */

/**
 * One modified-Arrhenius term `A · (T/300)^B · exp(−C/T)` as written in a mechanism file
 * (CMAQ `A^B@C`: `B` after `^`, `C` after `@`; both 0 when absent).
 */
export interface ArrheniusTerm {
  /** Pre-exponential factor A (molecule cm⁻³ s⁻¹ units of the reaction's order). */
  A: number;
  /** Temperature exponent B of (T/300 K). */
  B: number;
  /** Activation temperature C (K); the term is A·exp(−C/T). */
  C: number;
}

/**
 * The rate expression of a reaction. `kind` names the form; CMAQ's CHEMMECH README (Table 3,
 * "Formula, where M is air number density (molecules/cm3), T is air temperature (degrees K), and P
 * is air pressure (Atm)") numbers them:
 *
 * - `arrhenius` — types 1–4: `#A`, `#A^B`, `#A@C`, `#A^B@C` → A·(T/300)^B·exp(−C/T); KPP `ARR`-style
 *   functions are read into the same form.
 * - `reverse` — type 5, `#A@C*E<R>`: k = k_R · exp(C/T) / A (the reverse of an equilibrium).
 * - `reference` — type 6, `#A*K<R>`: k = A · k_R.
 * - `pressure` — type 7, `%1 #A`: A·(1 + 0.6·P), P in atm.
 * - `hno3oh` — type 8, `%2 #A0@C0&A2@C2&A3@C3`: k = k0 + k3[M]/(1 + k3[M]/k2) (the JPL OH + HNO3
 *   form; CMAQ's README prints the denominator as `1+k3/k2`, its code `FALLOFF_T08` multiplies k3
 *   by [M] first).
 * - `sumM` — types 9 and 9.1, `%3 #k1&k2[&k3]`: k = k1 + k2·[M] (+ k3).
 * - `falloff` — type 10, `#k0&kinf[&Fc[&N]]` (Troe form with the CMAQ defaults Fc = 0.6, N = 1).
 * - `photolysis` — type 0, `#A/<NAME>`: A·J(NAME).
 * - `heterogeneous` — type −1, `#A~<NAME>`: A·H(NAME), computed outside the gas-phase mechanism.
 * - `halogen` — type 12, `%H #A1@B1&A2@B2&A3`: min(A1·exp(−B1·P) + A2·exp(−B2·P), A3) over open
 *   water in sunlight (P in atm), the marine-halogen ozone loss.
 * - `expression` — a KPP rate expression: a sum of {@link ExpressionTerm}s.
 */
export type RateExpression =
  | { kind: "arrhenius"; term: ArrheniusTerm }
  | { kind: "reverse"; A: number; C: number; ref: string }
  | { kind: "reference"; A: number; ref: string }
  | { kind: "pressure"; A: number }
  | { kind: "hno3oh"; k0: ArrheniusTerm; k2: ArrheniusTerm; k3: ArrheniusTerm }
  | { kind: "sumM"; k1: ArrheniusTerm; k2: ArrheniusTerm; k3?: ArrheniusTerm }
  | {
      kind: "falloff";
      k0: ArrheniusTerm;
      kinf: ArrheniusTerm;
      /** Broadening factor Fc (CMAQ default 0.6 when not written). */
      Fc: number;
      /** Width parameter N (CMAQ default 1 when not written). */
      N: number;
    }
  | { kind: "photolysis"; A: number; name: string }
  | { kind: "heterogeneous"; A: number; name: string }
  | { kind: "halogen"; A1: number; B1: number; A2: number; B2: number; max: number }
  | { kind: "expression"; terms: readonly ExpressionTerm[] };

/**
 * One term of a KPP rate expression: A·(T/300)^B·exp(−C/T) × the number densities listed ×
 * J(photolysis) × the Troe factor × the OH + HNO3 factor, each when present.
 */
export interface ExpressionTerm {
  /** Factor A, with the term's sign. */
  A: number;
  /** Exponent B of (T/300 K). */
  B: number;
  /** Activation temperature C (K) of exp(−C/T). */
  C: number;
  /** Number densities multiplied in (`M`, `O2`, `N2`, `H2O`; repeated for a square). */
  densities: string[];
  /** Photolysis frequency multiplied in, by name. */
  photolysis?: string;
  /** Troe falloff k0·M/(1 + k0·M/kinf)·Fc^(1/(1 + (log10(k0·M/kinf)/N)²)) multiplied in. */
  falloff?: { k0: ArrheniusTerm; kinf: ArrheniusTerm; Fc: number; N: number };
  /** The OH + HNO3 form k0 + k3·M/(1 + k3·M/k2) multiplied in (MCM `KMT11`). */
  hno3oh?: { k0: ArrheniusTerm; k2: ArrheniusTerm; k3: ArrheniusTerm };
}

/** The kinds of {@link RateExpression}, in the order {@link summariseMechanism} lists them. */
export const RATE_KINDS = [
  "arrhenius",
  "reverse",
  "reference",
  "pressure",
  "hno3oh",
  "sumM",
  "falloff",
  "photolysis",
  "heterogeneous",
  "halogen",
  "expression",
] as const;

/** One product of a reaction: species name and stoichiometric coefficient (fractional, may be negative). */
export interface MechanismProduct {
  species: string;
  coefficient: number;
}

/** One reaction as written in the mechanism file. */
export interface MechanismReaction {
  /** Label without brackets and blanks (`R1`, `CL13`, `T01` for `< T01>`); a KPP `{n}` number as text. */
  label: string;
  /** 1-based line of the file where the reaction starts. */
  line: number;
  /** Reactants as written, constant species (M, O2, N2, H2O, H2, CH4) included; repeated for a self-reaction. */
  reactants: readonly string[];
  /** Products as written (constant species included), in file order. */
  products: readonly MechanismProduct[];
  /** The rate expression. */
  rate: RateExpression;
  /**
   * `gas` (gas-phase thermal or photolysis), `heterogeneous` (rate `~<NAME>` computed by the aerosol
   * module), or `aerosol` (a reactant or product is a CMAQ aerosol-phase species, see {@link isCmaqAerosolSpecies}).
   */
  phase: "gas" | "heterogeneous" | "aerosol";
}

/** A change the reader made to what is written in the file (never silent). */
export interface MechanismChange {
  /** 1-based line of the file. */
  line: number;
  /** Reaction label. */
  label: string;
  /** Machine-readable reason, e.g. `lenient-exponent`, `duplicate-product`, `eliminated-product`. */
  reason: string;
  /** The text in the file. */
  original: string;
  /** What was read. */
  detail: string;
}

/** A mechanism as read from a file. */
export interface Mechanism {
  /** The file read (or the `file` option for text). */
  file: string;
  /** Format of the file. */
  format: "chemmech" | "kpp";
  /** The mechanism name (first non-comment word of a CHEMMECH file), if any. */
  name?: string;
  /** Rate-constant units of the file: `CM` molecule cm⁻³ s⁻¹, `PP` ppm min⁻¹ (CHEMMECH `REACTIONS[PP]`). */
  units: "CM" | "PP";
  /** Variable species, in order of first appearance. */
  species: readonly string[];
  /** Constant species that occur in the reactions (of M, O2, N2, H2O, H2, CH4). */
  constantSpecies: readonly string[];
  /** The reactions, in file order. */
  reactions: readonly MechanismReaction[];
  /** Products removed from every reaction by the file's `ELIMINATE` block. */
  eliminated: readonly string[];
  /**
   * Mixing ratios (ppm) of the constant species from the file's `CONSTANTS` block, or CMAQ's defaults
   * where the block does not set them (CMAQ `UTIL/chemmech/src/chemmech.f`, `CVAL`: ATM_AIR 1.0E6,
   * ATM_O2 0.2095E6, ATM_N2 0.7808E6, ATM_H2 0.56, ATM_CH4 1.85).
   */
  constants: { AIR: number; O2: number; N2: number; H2: number; CH4: number };
  /** Every place where what was read differs from the literal text, with the reason. */
  changes: readonly MechanismChange[];
}

/**
 * True for a CMAQ aerosol-phase species name: `A` + name + mode letter `I`, `J` or `K` (Aitken,
 * accumulation, coarse), the naming of CMAQ's AE species namelists (e.g. `ASO4J`, `AOLGAJ`,
 * `APOCI`, `ACLK`), with at least two characters between the `A` and the mode letter so that
 * RACM2's gas-phase α-pinene `API` is not taken for one. Checked against the species of the three
 * CMAQ mechanisms in the reference folder (CB6r5, SAPRC-07TC, RACM2): every name it matches is an
 * aerosol species there.
 * @param name - species name
 * @returns whether the species is an aerosol-phase species
 */
export function isCmaqAerosolSpecies(name: string): boolean {
  return /^A[A-Z0-9]{2,}[IJK]$/.test(name);
}

/** Counts of a {@link Mechanism} for a summary. */
export interface MechanismSummary {
  file: string;
  name?: string;
  reactions: number;
  species: number;
  constantSpecies: readonly string[];
  /** Reactions per rate form (every kind listed, zeros included). */
  byForm: Record<(typeof RATE_KINDS)[number], number>;
  /** Reactions per phase. */
  byPhase: { gas: number; heterogeneous: number; aerosol: number };
  /** Photolysis-table names used, in order of first use. */
  photolysis: readonly string[];
  /** Label of the last reaction. */
  lastLabel?: string;
  /** Number of changes the reader made (see {@link Mechanism.changes}). */
  changes: number;
}

/**
 * Count the reactions of a mechanism by rate form and phase.
 * @param mech - a mechanism from {@link parseChemmech} or {@link parseKpp}
 * @returns the counts
 */
export function summariseMechanism(mech: Mechanism): MechanismSummary {
  const byForm = Object.fromEntries(RATE_KINDS.map((k) => [k, 0])) as MechanismSummary["byForm"];
  const byPhase = { gas: 0, heterogeneous: 0, aerosol: 0 };
  const photolysis: string[] = [];
  for (const r of mech.reactions) {
    byForm[r.rate.kind]++;
    byPhase[r.phase]++;
    if (r.rate.kind === "photolysis" && !photolysis.includes(r.rate.name)) photolysis.push(r.rate.name);
    if (r.rate.kind === "expression")
      for (const t of r.rate.terms)
        if (t.photolysis !== undefined && !photolysis.includes(t.photolysis)) photolysis.push(t.photolysis);
  }
  return {
    file: mech.file,
    ...(mech.name !== undefined ? { name: mech.name } : {}),
    reactions: mech.reactions.length,
    species: mech.species.length,
    constantSpecies: mech.constantSpecies,
    byForm,
    byPhase,
    photolysis,
    lastLabel: mech.reactions.length ? mech.reactions[mech.reactions.length - 1].label : undefined,
    changes: mech.changes.length,
  };
}

/** The change of one element's atoms in one reaction. */
export interface AtomImbalance {
  label: string;
  line: number;
  /** Atoms in the products minus atoms in the reactants (per reaction event). */
  delta: number;
}

/**
 * The reactions that do not conserve an element: Σ coefficient × atoms over the products minus Σ atoms
 * over the reactants, for every reaction where it differs from 0 by more than `tolerance`.
 * @param mech - the mechanism
 * @param atoms - atoms of the element per species (species not listed have none)
 * @param tolerance - absolute tolerance on the change (default 1e-9)
 * @returns the unbalanced reactions, in file order
 * @throws {RangeError} when the tolerance is negative or not finite
 */
export function atomImbalance(
  mech: Mechanism,
  atoms: Readonly<Record<string, number>>,
  tolerance = 1e-9,
): AtomImbalance[] {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    throw new RangeError(`atomImbalance: tolerance must be a finite number ≥ 0, got ${tolerance}`);
  const out: AtomImbalance[] = [];
  for (const r of mech.reactions) {
    let delta = 0;
    for (const s of r.reactants) delta -= atoms[s] ?? 0;
    for (const p of r.products) delta += p.coefficient * (atoms[p.species] ?? 0);
    if (Math.abs(delta) > tolerance) out.push({ label: r.label, line: r.line, delta });
  }
  return out;
}

/**
 * The variable species of a list of reactions in order of first appearance, and the constant species
 * that occur (in the order of `constantOrder`).
 * @param reactions - the reactions
 * @param isConstant - whether a name is a constant species
 * @param constantOrder - the constant species in the order to list them
 * @returns the variable and the constant species
 */
export function speciesOfReactions(
  reactions: readonly MechanismReaction[],
  isConstant: (name: string) => boolean,
  constantOrder: readonly string[],
): { species: string[]; constantSpecies: string[] } {
  const species: string[] = [];
  const seen = new Set<string>();
  const constants = new Set<string>();
  for (const r of reactions)
    for (const s of [...r.reactants, ...r.products.map((p) => p.species)]) {
      if (isConstant(s)) constants.add(s);
      else if (!seen.has(s)) {
        seen.add(s);
        species.push(s);
      }
    }
  return { species, constantSpecies: constantOrder.filter((s) => constants.has(s)) };
}
