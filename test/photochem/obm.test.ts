import { describe, expect, it } from "vitest";
import {
  compileMechanism,
  parseChemmech,
  relativeIncrementalReactivity,
  runObm,
  saturationVapourPressureBuck,
  waterNumberDensity,
} from "../../src/photochem";

const T0 = Date.UTC(2024, 6, 1, 0, 0, 0);
const hours = (n: number, stepMin = 60) => Array.from({ length: n }, (_, i) => T0 + i * stepMin * 60000);
const fill = (n: number, v: number) => new Array<number>(n).fill(v);
const site = { lat: 34.26, lon: 108.94, altitudeM: 400 };

describe("water vapour (Buck 1981)", () => {
  it("matches the CRC Handbook saturation pressure of water at 20 and 30 °C within 0.2 % (with f ≈ 1.0042 at 1 atm)", () => {
    // CRC Handbook of Chemistry and Physics, "Vapor pressure of water from 0 to 370 °C": 2.3392 kPa at 20 °C, 4.2467 kPa at 30 °C
    const f = 1.0007 + 3.46e-6 * 1013.25;
    expect(saturationVapourPressureBuck(293.15) / f / 2339.2).toBeCloseTo(1, 2);
    expect(Math.abs(saturationVapourPressureBuck(293.15) / f / 2339.2 - 1)).toBeLessThan(2e-3);
    expect(Math.abs(saturationVapourPressureBuck(303.15) / f / 4246.7 - 1)).toBeLessThan(2e-3);
  });
  it("[H2O] = RH·e_w/(k_B T): 50 % at 25 °C and 1 atm, by hand", () => {
    const e = 1.00421 * 611.21 * Math.exp((17.502 * 25) / (240.97 + 25));
    const h = (0.5 * e) / (1.380649e-23 * 298.15) / 1e6;
    expect(waterNumberDensity(50, 298.15, 101325) / h).toBeCloseTo(1, 4);
    expect(() => waterNumberDensity(120, 298, 101325)).toThrow(RangeError);
    expect(() => saturationVapourPressureBuck(200)).toThrow(RangeError);
  });
});

describe("runObm budget on hand mechanisms", () => {
  const DEF1 = `
HAND1
REACTIONS[CM] =
<R1> HO2 + NO = OH + NO2 # 8.0E-12;
<R2> OH + NO2 = HNO3 # 1.1E-11;
<R3> NO2 = NO + O3 # 1.0/<NO2_IUPAC10>;
END
`;
  it("net P(O3) of held HO2, NO, OH, NO2 is k1[HO2][NO] − k2[OH][NO2] in ppb/h, by hand", () => {
    const mech = compileMechanism(parseChemmech(DEF1));
    const n = 3;
    const T = 298.15;
    const r = runObm(
      mech,
      {
        timesUtc: hours(n),
        ppb: { HO2: fill(n, 0.02), NO: fill(n, 2), OH: fill(n, 2e-4), NO2: fill(n, 10) },
        temperatureK: T,
        rhPercent: 50,
      },
      { site, photolysis: { j: { NO2_IUPAC10: fill(n, 8e-3) } }, spinUpDays: 0, nox: "hold" },
    );
    const M = 101325 / (1.380649e-23 * T) / 1e6;
    // rate in molecules cm-3 s-1 → ppb/h: ×1e9/M ×3600
    const p = 8.0e-12 * (0.02e-9 * M) * (2e-9 * M) * (1e9 / M) * 3600;
    const l = 1.1e-11 * (2e-4 * 1e-9 * M) * (10e-9 * M) * (1e9 / M) * 3600;
    expect(p).toBeCloseTo(8.0e-12 * 0.02 * 2 * 1e-9 * M * 3600, 6);
    for (let i = 0; i < n; i++) {
      expect(r.budget.production["HO2+NO"][i] / p).toBeCloseTo(1, 9);
      expect(r.budget.loss["OH+NO2"][i] / l).toBeCloseTo(1, 9);
      expect(r.budget.net[i] / (p - l)).toBeCloseTo(1, 9);
      expect(r.budget.production["RO2+NO"][i]).toBe(0);
    }
    expect(r.constraints.held.sort()).toEqual(["HO2", "NO", "NO2", "OH"]);
    expect(r.daytime).toEqual([true, true, true]);
  });
});
