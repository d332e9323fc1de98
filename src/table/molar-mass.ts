/**
 * Molar masses (g/mol) of the criteria gases, from the IUPAC 2013 standard atomic weights
 * (conventional values H 1.008, C 12.011, N 14.007, O 15.999, S 32.06; CIAAW/IUPAC, Meija et al.
 * 2016, Pure Appl. Chem. 88:265). O3 = 3 × 15.999 = 47.997 g/mol: the rounded 48.00 is not used,
 * because at the truncation boundaries of the US AQI (0.001 ppm for O3) the 0.006 % difference
 * flips the sub-index (e.g. 139.295 µg/m3 at 298.15 K is 0.071 ppm with 47.997 but 0.070 ppm with
 * 48.00). NO2 46.01, SO2 64.07, CO 28.01, NO 30.01 are the sums rounded to 0.01. NOx is expressed
 * as NO2. Potential ozone (NO2 as O3-equivalent) uses the ratio O3/NO2 of this table.
 */
export const CRITERIA_GAS_MOLAR_MASS = {
  O3: 47.997,
  NO2: 46.01,
  NOx: 46.01,
  NO: 30.01,
  SO2: 64.07,
  CO: 28.01,
} as const;
