/**
 * Molar masses (g/mol) of the criteria gases, from the IUPAC 2013 standard atomic weights
 * (H 1.008, C 12.011, N 14.007, O 15.999, S 32.06). O3 48.00 and NO2 46.01 are the values of
 * CONVENTIONS.md §4 (potential ozone: NO2 as O3-equivalent × 48.00/46.01). NOx is expressed as NO2.
 */
export const CRITERIA_GAS_MOLAR_MASS = { O3: 48.0, NO2: 46.01, NOx: 46.01, NO: 30.01, SO2: 64.07, CO: 28.01 } as const;
