import { readFileSync } from "node:fs";
import { join } from "node:path";
import { airNumberDensity, compileMechanism, parseChemmech, type CompiledMechanism } from "../../../src/photochem";

/** The reference case (cb6r5-box.json, shared with bench/photochem-integrate.mjs). */
export const CB6R5_BOX = JSON.parse(readFileSync(join(__dirname, "cb6r5-box.json"), "utf8")) as {
  temperatureK: number;
  pressurePa: number;
  h2oMixingRatio: number;
  hours: number;
  photolysis: Record<string, number>;
  initialPpb: Record<string, number>;
};

/** The CB6r5 closed box: compiled mechanism, constant rate constants, initial state (molecules cm⁻³) and [M]. */
export function cb6r5Box(defFile: string): { cm: CompiledMechanism; k: Float64Array; c0: Float64Array; M: number } {
  // the file writes one constant "8.3-11" without its exponent letter (reaction CL13); read it as CMAQ's Fortran does
  const mech = parseChemmech(readFileSync(defFile, "latin1"), { file: defFile, lenientExponent: true });
  const cm = compileMechanism(mech);
  const M = airNumberDensity(CB6R5_BOX.pressurePa, CB6R5_BOX.temperatureK);
  const k = cm.rateConstants({
    temperatureK: CB6R5_BOX.temperatureK,
    pressurePa: CB6R5_BOX.pressurePa,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: CB6R5_BOX.h2oMixingRatio * M,
    photolysis: CB6R5_BOX.photolysis,
  });
  const c0 = Float64Array.from(cm.system.species, (s) => (CB6R5_BOX.initialPpb[s] ?? 0) * 1e-9 * M);
  return { cm, k, c0, M };
}
