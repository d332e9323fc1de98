/**
 * CMAQ's constant species and their default mixing ratios, from the CHEMMECH processor (US EPA CMAQ
 * v5.5, https://github.com/USEPA/CMAQ, commit 9bd3734, 2025-08-25).
 * @packageDocumentation
 */

import type { Mechanism } from "../mechanism";

/**
 * The constant species of CMAQ. CHEMMECH README, *Defining Elements*: "Constants species whose names and
 * volume mixing ratio are fixed. Names include M (any molecule in the atmosphere), O2 (oxygen), CH4
 * (methane), H2 (hydrogen), N2 (nitrogen), and H2O (water vapor)."
 */
export const CMAQ_CONSTANT_SPECIES: readonly string[] = ["M", "O2", "N2", "H2O", "H2", "CH4"];

/**
 * CMAQ's default mixing ratios (ppm) of the constant species, used where a file's `CONSTANTS` block
 * does not set them: `UTIL/chemmech/src/chemmech.f`, `NAMCONSTS`/`CVAL` ("default values of constant
 * species"): ATM_AIR 1.0D6, ATM_O2 0.2095D6, ATM_N2 0.7808D6, ATM_H2 0.5600D0, ATM_CH4 1.8500D0.
 */
export const CMAQ_DEFAULT_CONSTANTS_PPM: Readonly<Mechanism["constants"]> = {
  AIR: 1.0e6,
  O2: 0.2095e6,
  N2: 0.7808e6,
  H2: 0.56,
  CH4: 1.85,
};
