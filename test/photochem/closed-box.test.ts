import { describe, expect, it } from "vitest";
import {
  airNumberDensity,
  closedBox,
  compileMechanism,
  parseChemmech,
  type RateEnvironment,
} from "../../src/photochem";

// CB6r5's R1 and R3, as written in mech_cb6r5_ae7_aq.def, with O(3P) + O2 → O3 folded into R1
// (R1's product O replaced by O3 so that the box is the 2-reaction photostationary system).
const DEF = `
LEIGHTON
REACTIONS[CM] =
<R1> NO2 = NO + O3  # 1.0/<NO2_IUPAC10>;
<R3> O3 + NO = NO2 # 2.07E-12@1400;
END
`;

describe("closedBox", () => {
  const T = 298.15;
  const M = airNumberDensity(101325, T);
  const env: RateEnvironment = {
    temperatureK: T,
    pressurePa: 101325,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: 0.01 * M,
    photolysis: { NO2_IUPAC10: 8e-3 },
  };
  const mech = compileMechanism(parseChemmech(DEF));
  it("reaches the Leighton photostationary state [O3][NO]/[NO2] = J/k, k = 2.07e-12·exp(−1400/T), and keeps NO + NO2", () => {
    const r = closedBox(mech, env, { NO: 10, NO2: 20, O3: 40 }, 2, { rtol: 1e-8, atol: 1e-2 });
    expect([...r.timesSec]).toEqual([0, 3600, 7200]);
    expect(r.ppb.NO[0]).toBeCloseTo(10, 12);
    const k = 2.07e-12 * Math.exp(-1400 / T); // cm3 molecule-1 s-1, by hand
    const last = r.timesSec.length - 1;
    // in ppb: [O3][NO]/[NO2] (molecules cm-3) = J/k, so ppb(O3)·ppb(NO)/ppb(NO2) = J/(k·M·1e-9)
    const ratio = (r.ppb.O3[last] * r.ppb.NO[last]) / r.ppb.NO2[last];
    expect(ratio / (8e-3 / (k * M * 1e-9))).toBeCloseTo(1, 6);
    expect(r.ppb.NO[last] + r.ppb.NO2[last]).toBeCloseTo(30, 9);
    expect(r.states[last][mech.system.species.indexOf("O3")] / M / 1e-9).toBeCloseTo(r.ppb.O3[last], 12);
    expect(r.stats.accepted).toBeGreaterThan(0);
  });
  it("outputs every outputEverySec and at the end", () => {
    const r = closedBox(mech, env, { NO2: 20 }, 1.5, { outputEverySec: 1800 });
    expect([...r.timesSec]).toEqual([0, 1800, 3600, 5400]);
  });
  it("refuses a species the mechanism does not have, a negative mixing ratio, and a missing J value", () => {
    expect(() => closedBox(mech, env, { NO3: 1 }, 1)).toThrow(/NO3 is not a variable species/);
    expect(() => closedBox(mech, env, { NO: -1 }, 1)).toThrow(RangeError);
    expect(() => closedBox(mech, { ...env, photolysis: {} }, { NO: 1 }, 1)).toThrow(RangeError);
    expect(() => closedBox(mech, env, { NO: 1 }, 0)).toThrow(RangeError);
  });
});
