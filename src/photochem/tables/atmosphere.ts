/**
 * Constants of the clear-sky atmosphere used for actinic fluxes, each with its source.
 * @packageDocumentation
 */

/**
 * U.S. Standard Atmosphere, 1976 (NOAA, NASA, USAF; NOAA-S/T 76-1562, Washington DC, 1976), the
 * two lowest layers (geopotential altitude): sea-level temperature 288.15 K and pressure
 * 101 325 Pa, lapse rate −6.5 K km⁻¹ to 11 km, isothermal 216.65 K from 11 to 20 km; g0 = 9.80665
 * m s⁻², molar mass of air 0.0289644 kg mol⁻¹, gas constant R* = 8.31432 J mol⁻¹ K⁻¹ (the
 * standard's own value).
 */
export const US_STANDARD_ATMOSPHERE_1976 = {
  seaLevelTemperatureK: 288.15,
  seaLevelPressurePa: 101325,
  /** Temperature gradient of the first layer (K m⁻¹). */
  lapseRateKPerM: -0.0065,
  /** Top of the first layer, the tropopause (geopotential m). */
  tropopauseM: 11000,
  /** Top of the isothermal layer (geopotential m). */
  isothermalTopM: 20000,
  g0: 9.80665,
  molarMassKgPerMol: 0.0289644,
  gasConstant: 8.31432,
} as const;

/**
 * Constants of CMAQ v5.5's in-line photolysis (`CCTM/src/phot/inline/PHOT_MOD.F` and
 * `CCTM/src/ICL/fixed/const/CONST.EXT`, github.com/USEPA/CMAQ commit 9bd3734): Earth radius
 * `REARTH` 6 370 000 m ("default Re in MM5 and WRF"), mean gravity `GRAV` 9.80622 m s⁻², dry-air
 * gas constant `RDGAS` = 1000·8.314510/28.9628 J kg⁻¹ K⁻¹, the Dobson-unit conversion
 * `DU_TO_CONC` 2.6879 × 10¹⁶ molecules cm⁻² DU⁻¹, the stratospheric temperature `STRAT_TEMP`
 * 225 K for the O3_STRAT cross sections, the top of the atmosphere `ZTOA` 50 km, the
 * stratospheric layer's asymmetry factor 0.05, and the zenith-angle cutoff 85° ("the code returns
 * zeros for angles greater then or equalt to 85 degrees").
 */
export const CMAQ_INLINE_PHOTOLYSIS = {
  earthRadiusM: 6370000.0,
  gravity: 9.80622,
  dryAirGasConstant: (1.0e3 * 8.31451) / 28.9628,
  duToMoleculesPerCm2: 2.6879e16,
  stratosphereTemperatureK: 225.0,
  topOfAtmosphereM: 50.0e3,
  stratosphereAsymmetry: 0.05,
  zenithCutoffDeg: 85,
} as const;
