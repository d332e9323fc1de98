/**
 * Number densities of air for rate constants.
 * @packageDocumentation
 */

/** Boltzmann constant k_B (J K⁻¹), exact in the 2019 SI (CODATA 2018). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;

/**
 * Air number density [M] = p / (k_B·T) of an ideal gas, in molecules cm⁻³.
 *
 * At 101 325 Pa and 273.15 K this is the Loschmidt constant, 2.686 780 111 × 10¹⁹ cm⁻³ (CODATA 2018).
 * @param pressurePa - pressure (Pa)
 * @param temperatureK - temperature (K)
 * @returns [M] in molecules cm⁻³
 * @throws RangeError when the pressure is negative or the temperature is not positive (or either is not finite)
 */
export function airNumberDensity(pressurePa: number, temperatureK: number): number {
  if (!Number.isFinite(pressurePa) || pressurePa < 0)
    throw new RangeError(`pressure must be ≥ 0 Pa, got ${pressurePa}`);
  if (!Number.isFinite(temperatureK) || temperatureK <= 0)
    throw new RangeError(`temperature must be > 0 K, got ${temperatureK}`);
  return pressurePa / (BOLTZMANN_J_PER_K * temperatureK) / 1e6;
}
