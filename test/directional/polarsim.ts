import { simulatePolarYear } from "../../src/simulate/polaryear";

/** The simulated polar year of the openair fixtures (`simulatePolarYear`, src/simulate/polaryear.ts). */
export function simulatedPolarYear(seed = 20251203) {
  return simulatePolarYear({ seed });
}
