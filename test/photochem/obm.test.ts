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

// A hand Ox mechanism: every reaction that changes Ox = O3 + NO2 + O1D is a term of the budget.
const DEF_OX = `
HANDOX
REACTIONS[CM] =
<R1> NO2 = NO + O3 # 1.0/<NO2_IUPAC10>;
<R2> O3 + NO = NO2 # 2.07E-12@1400;
<R3> HO2 + NO = OH + NO2 # 3.45E-12@-270;
<R4> OH + NO2 = HNO3 # 1.1E-11;
<R5> O3 + HO2 = OH # 2.0E-15;
<R6> O3 + OH = HO2 # 7.3E-14;
<R7> OH + CO = HO2 # 2.4E-13;
<R8> O3 = O1D # 1.0/<O3O1D_IUPAC10>;
<R9> O1D + H2O = 2.0*OH # 2.14E-10;
<R10> O1D + M = O3 # 3.0E-11;
<R11> ETH + O3 = FORM + 0.16*OH # 9.1E-15@2580;
<R12> ETH + OH = XO2H + RO2 # 8.0E-12;
<R13> XO2H + NO = NO2 + HO2 # 2.7E-12@-360;
<R14> XO2H + HO2 = ROOH # 6.8E-13@-800;
<R15> HO2 + HO2 = H2O2 # 2.9E-12;
END
`;

describe("runObm ozone budget closure and RIR on a hand mechanism", () => {
  const mech = compileMechanism(parseChemmech(DEF_OX));
  it("finds XO2H as the only peroxy radical and the terms by their reactants", () => {
    const r = runObm(
      mech,
      { timesUtc: hours(2), ppb: { CO: fill(2, 200), ETH: fill(2, 5) }, temperatureK: 298, rhPercent: 50 },
      { site, photolysis: { j: { NO2_IUPAC10: fill(2, 8e-3), O3O1D_IUPAC10: fill(2, 3e-5) } }, spinUpDays: 0 },
    );
    const t = r.budget.terms;
    expect(t.peroxyRadicals).toEqual(["XO2H"]);
    expect(t.production["HO2+NO"].map((x) => x.label)).toEqual(["R3"]);
    expect(t.production["RO2+NO"].map((x) => x.label)).toEqual(["R13"]);
    expect(t.loss["OH+NO2"].map((x) => x.label)).toEqual(["R4"]);
    expect(t.loss["O1D+H2O"].map((x) => x.label)).toEqual(["R9"]);
    expect(t.loss["O3+OH"].map((x) => x.label)).toEqual(["R6"]);
    expect(t.loss["O3+HO2"].map((x) => x.label)).toEqual(["R5"]);
    expect(t.loss["O3+VOC"].map((x) => x.label)).toEqual(["R11"]);
  });
  /** The free-Ox run of the closure tests: 10-min steps, CO and ETH held, O3/NO/NO2 free, no dilution. */
  const freeOxRun = (n: number, extra: object) =>
    runObm(
      mech,
      {
        timesUtc: hours(n, 10),
        ppb: { CO: fill(n, 300), ETH: fill(n, 5), O3: fill(n, 40), NO: fill(n, 5), NO2: fill(n, 10) },
        temperatureK: 298,
        rhPercent: 50,
      },
      {
        site,
        photolysis: { j: { NO2_IUPAC10: fill(n, 8e-3), O3O1D_IUPAC10: fill(n, 3e-5) } },
        spinUpDays: 0,
        dilutionPerSec: 0,
        free: ["O3", "NO", "NO2"],
        rtol: 1e-7,
        atol: 1e-2,
        ...extra,
      },
    );
  it("P − L equals d[Ox]/dt of the free run (Ox = O3 + NO2 + O1D, no dilution), trapezoid over 10-min outputs", () => {
    const n = 13;
    const r = freeOxRun(n, { depositionVelocityCmPerSec: {} });
    expect(r.constraints.held.sort()).toEqual(["CO", "ETH"]);
    const ox = (i: number) => r.ppb.O3[i] + r.ppb.NO2[i] + r.ppb.O1D[i];
    let checked = 0;
    for (let i = 0; i + 1 < n; i++) {
      const d = (ox(i + 1) - ox(i)) / (10 / 60); // ppb/h
      const pl = 0.5 * (r.budget.net[i] + r.budget.net[i + 1]);
      expect(Math.abs(d - pl)).toBeLessThan(0.02 * Math.abs(d) + 1e-3);
      checked++;
    }
    expect(checked).toBe(n - 1);
    expect(Math.abs(r.budget.net[0])).toBeGreaterThan(0.1); // a non-trivial budget
  });

  it("with the default O3 deposition (1 cm/s over a 1000 m layer, F0AM) d[Ox]/dt = P − L − k_dep[O3], k_dep = 1e-5 s⁻¹", () => {
    const n = 13;
    const r = freeOxRun(n, {});
    expect(r.method.deposition.velocityCmPerSec).toEqual({ O3: 1 });
    expect(r.method.boundaryLayerHeightM).toEqual(fill(n, 1000));
    const kdep = 1 / (100 * 1000); // s⁻¹
    const ox = (i: number) => r.ppb.O3[i] + r.ppb.NO2[i] + r.ppb.O1D[i];
    for (let i = 0; i + 1 < n; i++) {
      const d = (ox(i + 1) - ox(i)) / (10 / 60); // ppb/h
      const dep = kdep * 3600 * 0.5 * (r.ppb.O3[i] + r.ppb.O3[i + 1]); // ppb/h
      const pl = 0.5 * (r.budget.net[i] + r.budget.net[i + 1]) - dep;
      expect(Math.abs(d - pl)).toBeLessThan(0.02 * Math.abs(d) + 1e-3);
    }
    expect(kdep * 3600 * 40).toBeCloseTo(1.44, 10); // 1.44 ppb/h at 40 ppb: a visible term
  });
  it("a growing boundary layer entrains background air: with chemistry off, X − X_bg falls as H_i/H (1000 → 2000 m halves it)", () => {
    const DEF_INERT = `
INERT
REACTIONS[CM] =
<R1> TRACER = TRACER2 # 0.0;
END
`;
    const inert = compileMechanism(parseChemmech(DEF_INERT));
    const n = 3;
    const r = runObm(
      inert,
      { timesUtc: hours(n), ppb: { TRACER: fill(n, 50) }, temperatureK: 298, rhPercent: 50 },
      {
        site,
        photolysis: { j: {} },
        spinUpDays: 0,
        dilutionPerSec: 0,
        free: ["TRACER"],
        backgroundPpb: { TRACER: 10 },
        boundaryLayerHeightM: [1000, 2000, 2000],
        rtol: 1e-8,
        atol: 1e-6,
      },
    );
    // interval 0: H 1000 → 2000 m, (50 − 10)·1000/2000 + 10 = 30 ppb; interval 1: no growth
    expect(r.ppb.TRACER[0]).toBeCloseTo(30, 4);
    expect(r.ppb.TRACER[1]).toBeCloseTo(30, 4);
    expect(() =>
      runObm(
        inert,
        { timesUtc: hours(n), ppb: { TRACER: fill(n, 50) }, temperatureK: 298, rhPercent: 50 },
        { site, photolysis: { j: {} }, boundaryLayerHeightM: [1000, 0, 100] },
      ),
    ).toThrow(RangeError);
  });

  const DEF_HOX = `
HANDHOX
REACTIONS[CM] =
<S1> SRC = OH # 1.0/<SRC_J>;
<R1> OH + CO = HO2 # 2.4E-13;
<R2> HO2 + NO = OH + NO2 # 8.5E-12;
<R3> OH + NO2 = HNO3 # 1.1E-11;
<R4> HO2 + HO2 = H2O2 # 2.9E-12;
<R5> NO2 = NO + O3 # 1.0/<NO2_IUPAC10>;
<R6> O3 + NO = NO2 # 1.9E-14;
END
`;
  const hox = compileMechanism(parseChemmech(DEF_HOX));
  const n = 6;
  const run = (no: number, no2: number, extra: Record<string, number[]> = {}) =>
    relativeIncrementalReactivity(
      hox,
      {
        timesUtc: hours(n),
        ppb: { SRC: fill(n, 1), CO: fill(n, 2000), NO: fill(n, no), NO2: fill(n, no2), O3: fill(n, 40), ...extra },
        temperatureK: 298,
        rhPercent: 50,
      },
      { site, photolysis: { j: { NO2_IUPAC10: fill(n, 8e-3), SRC_J: fill(n, 1e-5) } }, spinUpDays: 0, nox: "hold" },
      extra.HNO3 ? { INERT: ["HNO3"] } : { CO: ["CO"], NOx: ["NO", "NO2"] },
    );
  it("RIR of a held species that no reaction consumes (HNO3) is exactly 0", () => {
    const r = run(1, 2, { HNO3: fill(n, 3) });
    expect(r.groups.INERT.rir).toBe(0);
    expect(r.groups.INERT.reducedPO3).toBe(r.basePO3);
  });
  it("RIR(NOx) > 0 when HO2 is lost mostly to HO2 + HO2 (NOx-limited) and < 0 when OH + NO2 removes the radicals (NOx-saturated)", () => {
    // low NOx: HO2 self-reaction dominates, P(O3) = k2[HO2][NO] grows with NO
    const low = run(0.02, 0.05);
    // high NOx: OH ≈ S/(k3[NO2]), P ≈ k1[CO]·S/(k3[NO2]) falls with NO2; net > 0 since k1[CO]/(k3[NO2]) ≈ 4.4 > 1
    const high = run(10, 10);
    expect(low.basePO3).toBeGreaterThan(0);
    expect(high.basePO3).toBeGreaterThan(0);
    expect(low.groups.NOx.rir).toBeGreaterThan(0.3);
    expect(high.groups.NOx.rir).toBeLessThan(-0.3);
    expect(high.groups.CO.rir).toBeGreaterThan(0.3);
    // in the NOx-saturated limit net P ∝ (k1[CO]/(k3[NO2]) − 1): reducing CO by 20 % gives RIR ≈ 4.36/3.36 ≈ 1.30
    const q = (2.4e-13 * 2000) / (1.1e-11 * 10);
    expect(high.groups.CO.rir).toBeCloseTo(q / (q - 1), 1);
  });
});
