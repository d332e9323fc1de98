/**
 * Constants of the remote-sensing analyses, each with its source. Values marked "default" are
 * documented, overridable choices, not universal facts.
 */

/** Molar masses, g/mol (IUPAC 2021 atomic weights): CO, propane (HC is reported as propane), NO, NO2, CO2, carbon. */
export const MOLAR_MASS = { CO: 28.01, C3H8: 44.097, NO: 30.006, NO2: 46.006, CO2: 44.009, C: 12.011 } as const;

/**
 * Fuel carbon mass fraction w_c (g C per g fuel), defaults: gasoline 0.866, diesel 0.87
 * (typical values of 40 CFR 1065/1066 test fuels; real fuels vary by ±1–2 %: pass the local
 * value; "verify"). CNG/LPG: methane 0.749 and propane 0.817 by stoichiometry (12.011/16.043,
 * 3·12.011/44.097). Bishop & Stedman's constant 0.014 kg fuel per mol C corresponds to
 * w_c = 12.011/14 = 0.858.
 */
export const FUEL_CARBON_FRACTION: Record<string, number> = { gasoline: 0.866, diesel: 0.87, cng: 0.749, lpg: 0.817 };

/**
 * HC reported by NDIR remote sensors is propane-equivalent and under-reads total hydrocarbons;
 * multiplying by 2 approximates an FID total-HC measurement (Singer et al. 1998, J. Air Waste
 * Manage. Assoc. 48:781; used by Bishop & Stedman, e.g. Bishop & Stedman 2008 ES&T 42:1651).
 */
export const HC_NDIR_TO_FID = 2;

/**
 * Physical-range limits for the ratios (molar, dimensionless) and kinematics, defaults:
 * exhaust CO2 is at most ≈ 15 % and CO rarely above ≈ 10 %, HC (propane) ≈ 1 % and NO ≈ 0.5 % in
 * the worst exhaust, so ratios above the upper limits cannot come from one exhaust plume; small
 * negative ratios are instrument noise around zero and are kept (removing them biases fleet
 * means upward, Bishop & Stedman 2008), larger negative ones are out of range.
 */
export const RATIO_LIMITS = {
  coCo2: [-0.05, 3],
  hcCo2: [-0.005, 0.3],
  noCo2: [-0.005, 0.06],
  opacity: [-5, 100], // %
  speed: [0, 200], // km/h
  accel: [-15, 15], // km/h/s
} as const;

/**
 * Vehicle specific power operating modes (kW/t) of Frey, Unal, Chen, Li & Xuan (2002) "Evaluation
 * and recommendation of a modal method for modeling vehicle emissions", NCSU report for US EPA,
 * 14 modes: upper bin edges (the last mode is open).
 */
export const VSP_MODE_EDGES = [-2, 0, 1, 4, 7, 10, 13, 16, 19, 23, 28, 33, 39];

/**
 * VSP coefficients for light-duty vehicles, Jiménez-Palacios (1999) PhD thesis, MIT:
 * VSP = v·(1.1·a + 9.81·grade + 0.132) + 0.000302·v³ (v m/s, a m/s², grade as a fraction; kW/t).
 */
export const VSP_LIGHT_DUTY = { massFactor: 1.1, g: 9.81, rolling: 0.132, aero: 0.000302 } as const;
