/**
 * Ions of PM2.5 ion chromatography: charge and molar mass, for cation/anion equivalents
 * (µeq/m3 = µg/m3 · |z| / M) and molar ratios (SOR, NOR).
 *
 * Molar masses from IUPAC standard atomic weights (abridged, CIAAW 2021: H 1.008, N 14.007,
 * O 15.999, F 18.998, Na 22.990, Mg 24.305, S 32.06, Cl 35.45, K 39.098, Ca 40.078).
 */
export interface IonInfo {
  /** Symbol used in formulas and results (ASCII, valid as a mathjs symbol). */
  symbol: string;
  /** Display name. */
  name: string;
  /** Charge number z (signed). */
  charge: number;
  /** Molar mass, g/mol. */
  molarMass: number;
}

export const IONS: readonly IonInfo[] = [
  { symbol: "Na_ion", name: "Na+", charge: 1, molarMass: 22.99 },
  { symbol: "NH4", name: "NH4+", charge: 1, molarMass: 14.007 + 4 * 1.008 },
  { symbol: "K_ion", name: "K+", charge: 1, molarMass: 39.098 },
  { symbol: "Mg_ion", name: "Mg2+", charge: 2, molarMass: 24.305 },
  { symbol: "Ca_ion", name: "Ca2+", charge: 2, molarMass: 40.078 },
  { symbol: "F_ion", name: "F-", charge: -1, molarMass: 18.998 },
  { symbol: "Cl_ion", name: "Cl-", charge: -1, molarMass: 35.45 },
  { symbol: "NO3", name: "NO3-", charge: -1, molarMass: 14.007 + 3 * 15.999 },
  { symbol: "SO4", name: "SO4 2-", charge: -2, molarMass: 32.06 + 4 * 15.999 },
];

/** Molar masses of the precursor gases for SOR/NOR, g/mol (same atomic weights). */
export const GAS_MOLAR_MASS = { SO2: 32.06 + 2 * 15.999, NO2: 14.007 + 2 * 15.999 } as const;
