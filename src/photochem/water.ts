/**
 * Water vapour from relative humidity, for the box model's H2O number density.
 * @packageDocumentation
 */
import { BOLTZMANN_J_PER_K } from "./air";

/**
 * Saturation vapour pressure over liquid water (Pa), Buck (1981) with the enhancement factor of moist air:
 * e_w = f · 6.1121 · exp(17.502·t / (240.97 + t)) hPa, f = 1.0007 + 3.46 × 10⁻⁶ · P(hPa), t in °C
 * (A. L. Buck, 1981, "New equations for computing vapor pressure and enhancement factor",
 * J. Appl. Meteor. 20, 1527–1532, the e_w2/f_w2 pair of its Table 2, stated accurate to ±0.05 % over −20…+50 °C).
 * The primary paper was not retrieved in this session; the coefficients are those widely reproduced from it
 * and are checked in the tests against the CRC Handbook's saturation pressures of water.
 * @param temperatureK - air temperature (K), 233.15 … 333.15 (−40 … +60 °C)
 * @param pressurePa - air pressure (Pa, for the enhancement factor; default 101 325)
 * @returns saturation vapour pressure of water in moist air (Pa)
 * @throws RangeError when the temperature is outside −40 … +60 °C or the pressure is negative or not finite
 */
export function saturationVapourPressureBuck(temperatureK: number, pressurePa = 101325): number {
  if (!(temperatureK >= 233.15 && temperatureK <= 333.15))
    throw new RangeError(`saturationVapourPressureBuck: temperature must be 233.15–333.15 K, got ${temperatureK}`);
  if (!(pressurePa >= 0) || !Number.isFinite(pressurePa))
    throw new RangeError(`saturationVapourPressureBuck: pressure must be ≥ 0 Pa, got ${pressurePa}`);
  const t = temperatureK - 273.15;
  const f = 1.0007 + 3.46e-6 * (pressurePa / 100);
  return f * 611.21 * Math.exp((17.502 * t) / (240.97 + t));
}

/**
 * Water vapour number density (molecules cm⁻³) from relative humidity: [H2O] = (RH/100) · e_w(T, P) / (k_B·T),
 * with e_w from {@link saturationVapourPressureBuck} (RH relative to liquid water, the WMO convention).
 * @param rhPercent - relative humidity (%), 0 … 100 (supersaturation up to 105 % accepted)
 * @param temperatureK - air temperature (K)
 * @param pressurePa - air pressure (Pa)
 * @returns [H2O] in molecules cm⁻³
 * @throws RangeError when RH is outside 0 … 105 % or the temperature/pressure is out of range
 */
export function waterNumberDensity(rhPercent: number, temperatureK: number, pressurePa: number): number {
  if (!(rhPercent >= 0 && rhPercent <= 105))
    throw new RangeError(`waterNumberDensity: relative humidity must be 0–105 %, got ${rhPercent}`);
  const e = saturationVapourPressureBuck(temperatureK, pressurePa);
  return ((rhPercent / 100) * e) / (BOLTZMANN_J_PER_K * temperatureK) / 1e6;
}
