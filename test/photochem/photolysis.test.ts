import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clearSkyActinicFlux, photolysisAt, photolysisFrequencies, readCsqy } from "../../src/photochem";

const csqy = readCsqy(readFileSync(join(__dirname, "fixtures", "CSQY_DATA_cb6r5_ae7_aq"), "utf8"), { file: "csqy" });

/**
 * The MCM photolysis parameterisation J = l·cos(χ)^m·exp(−n·sec χ) (Saunders et al. 2003, Atmos. Chem.
 * Phys. 3, 161–180; MCM v3.3.1 http://chmlin9.leeds.ac.uk/MCMv3.3.1/parameters/photolysis_param.htt, the
 * same l, m, n as AtChem2 `mcm/photolysis-rates_v3.1` and UWCM/F0AM `MCMphoto.m` tabulate): fitted to a
 * two-stream clear-sky calculation (Hayman 1997) "for clear sky conditions at an altitude of 0.5 km on
 * 1 July at a latitude of 45o N" (MCM documentation, https://cri.york.ac.uk/MCM/, "Initiation by
 * photolysis"). The MCM page does not state the ozone column or albedo used; 300 and 345 DU are shown.
 */
const MCM: Record<string, { J: string; l: number; m: number; n: number }> = {
  NO2_IUPAC10: { J: "J4", l: 1.165e-2, m: 0.244, n: 0.267 },
  O3_O1D_IUPAC10: { J: "J1", l: 6.073e-5, m: 1.743, n: 0.474 },
  FORM_R_IUPAC13: { J: "J11", l: 4.642e-5, m: 0.762, n: 0.353 },
  FORM_M_IUPAC13: { J: "J12", l: 6.853e-5, m: 0.477, n: 0.323 },
};
const mcm = (name: string, sza: number) => {
  const p = MCM[name];
  const c = Math.cos((sza * Math.PI) / 180);
  return p.l * c ** p.m * Math.exp(-p.n / c);
};
/** Model J / MCM J at a zenith angle, MCM's conditions (0.5 km, 298 K; albedo 0.1 = F0AM's default). */
function ratio(name: string, sza: number, ozoneColumnDU: number): number {
  const f = clearSkyActinicFlux(csqy, { zenithDeg: sza, altitudeM: 500, albedo: 0.1, ozoneColumnDU });
  return photolysisFrequencies(csqy, f.flux, 298, { airDensity: f.surface.airDensity }).j[name] / mcm(name, sza);
}
const SZA = [0, 10, 20, 30, 40, 50, 60, 70];

describe("clear-sky J against the MCM parameterisation (Saunders et al. 2003), SZA 0–80°", () => {
  it("J(NO2): 15–16 % above MCM J4 at SZA 0–70° (300 DU), 24 % at 80°", () => {
    for (const z of SZA) expect(Math.abs(ratio("NO2_IUPAC10", z, 300) - 1.155)).toBeLessThan(0.01);
    expect(ratio("NO2_IUPAC10", 80, 300)).toBeCloseTo(1.24, 1);
  });
  it("J(NO2) at SZA 0 is 1.03e-2 s⁻¹; MCM's l·exp(−n) = 1.165e-2·e^−0.267 = 8.93e-3 s⁻¹", () => {
    const f = clearSkyActinicFlux(csqy, { zenithDeg: 0, altitudeM: 500, albedo: 0.1, ozoneColumnDU: 300 });
    const j = photolysisFrequencies(csqy, f.flux, 298, { airDensity: f.surface.airDensity }).j.NO2_IUPAC10;
    expect(mcm("NO2_IUPAC10", 0)).toBeCloseTo(1.165e-2 * Math.exp(-0.267), 12);
    expect(j).toBeGreaterThan(1.0e-2);
    expect(j).toBeLessThan(1.05e-2);
  });
  it("J(O1D): 50–61 % above MCM J1 at SZA ≤ 60° with 300 DU, 24–32 % with 345 DU; departs beyond 70° (×1.9 at 70°, ×5 at 80°)", () => {
    for (const z of SZA.filter((z) => z <= 60)) {
      const r300 = ratio("O3_O1D_IUPAC10", z, 300);
      expect(r300).toBeGreaterThan(1.45);
      expect(r300).toBeLessThan(1.65);
      const r345 = ratio("O3_O1D_IUPAC10", z, 345);
      expect(r345).toBeGreaterThan(1.2);
      expect(r345).toBeLessThan(1.35);
    }
    expect(ratio("O3_O1D_IUPAC10", 70, 300)).toBeCloseTo(1.9, 1);
    expect(ratio("O3_O1D_IUPAC10", 80, 300)).toBeGreaterThan(4);
  });
  it("J(HCHO → H + HCO): 21–29 % above MCM J11; J(HCHO → H2 + CO): 27 % above MCM J12 (SZA ≤ 70°, 300 DU)", () => {
    for (const z of SZA) {
      const r = ratio("FORM_R_IUPAC13", z, 300);
      expect(r).toBeGreaterThan(1.2);
      expect(r).toBeLessThan(1.3);
      expect(Math.abs(ratio("FORM_M_IUPAC13", z, 300) - 1.27)).toBeLessThan(0.01);
    }
  });
});

describe("photolysisAt", () => {
  const beijing = { lat: 39.9, lon: 116.4, altitudeM: 50 };
  const day = Array.from({ length: 96 }, (_, i) => Date.UTC(2025, 5, 21, 0, 0) + i * 15 * 60000); // UTC day, 15 min
  const base = photolysisAt(beijing, day, { csqy, temperatureK: 303 });
  const noon = base.j.NO2_IUPAC10.indexOf(Math.max(...base.j.NO2_IUPAC10));

  it("clear-sky noon J(NO2) in Beijing at the June solstice is in the published 8–10 × 10⁻³ s⁻¹ (issue #22), 8 % above MCM J4", () => {
    // noon 04:15 UTC (12:15 +08:00), SZA 16.5°; urban albedo, 300 DU
    expect(new Date(day[noon]).toISOString()).toBe("2025-06-21T04:15:00.000Z");
    expect(base.zenithDeg[noon]).toBeCloseTo(16.46, 1);
    const j = base.j.NO2_IUPAC10[noon];
    expect(j).toBeGreaterThan(8e-3);
    expect(j).toBeLessThan(10e-3);
    expect(j / mcm("NO2_IUPAC10", base.zenithDeg[noon])).toBeCloseTo(1.08, 1);
    expect(base.source.NO2_IUPAC10).toBe("clear-sky");
  });
  it("night: every J is 0 at SZA ≥ 85° (CMAQ's rule)", () => {
    const night = base.zenithDeg.map((z, i) => (z >= 85 ? i : -1)).filter((i) => i >= 0);
    expect(night.length).toBeGreaterThan(20);
    for (const i of night) for (const name of Object.keys(base.j)) expect(base.j[name][i]).toBe(0);
    expect(base.method.twilight).toMatch(/85°/);
  });
  it("scaled to a measured J(NO2): every J × measured/model, J(NO2) = the measurement; missing and night instants listed", () => {
    const measured = base.j.NO2_IUPAC10.map((v) => v * 0.6);
    measured[noon + 1] = NaN;
    const s = photolysisAt(beijing, day, { csqy, temperatureK: 303, measuredJNO2: measured });
    expect(s.j.NO2_IUPAC10[noon]).toBeCloseTo(measured[noon], 15);
    expect(s.j.O3_O1D_IUPAC10[noon] / base.j.O3_O1D_IUPAC10[noon]).toBeCloseTo(0.6, 12);
    expect(s.scale![noon]).toBeCloseTo(0.6, 12);
    expect(s.j.O3_O1D_IUPAC10[noon + 1]).toBe(base.j.O3_O1D_IUPAC10[noon + 1]); // unscaled, and said so
    expect(s.unscaled).toContainEqual({ index: noon + 1, reason: "measurement missing" });
    expect(s.unscaled.some((u) => u.reason === "model J(NO2) is zero")).toBe(true);
    expect(s.source.O3_O1D_IUPAC10).toBe("clear-sky scaled to measured J(NO2)");
  });
  it("user-supplied J series take precedence per name and are never scaled", () => {
    const hono = day.map(() => 1.5e-3);
    const s = photolysisAt(beijing, day, {
      csqy,
      measuredJNO2: base.j.NO2_IUPAC10.map((v) => v * 0.5),
      userJ: { HONO_IUPAC10: hono, EXTRA_J: hono },
    });
    expect(s.j.HONO_IUPAC10).toEqual(hono);
    expect(s.source.HONO_IUPAC10).toBe("user");
    expect(s.j.EXTRA_J).toEqual(hono);
    expect(s.source.EXTRA_J).toBe("user");
    expect(s.source.H2O2_IUPAC10).toBe("clear-sky scaled to measured J(NO2)");
  });
  it("refuses series of the wrong length and negative measurements", () => {
    expect(() => photolysisAt(beijing, day, { csqy, temperatureK: [300] })).toThrow(RangeError);
    expect(() => photolysisAt(beijing, day, { csqy, measuredJNO2: day.map(() => -1) })).toThrow(RangeError);
    expect(() => photolysisAt(beijing, day, { csqy, userJ: { X: [1] } })).toThrow(RangeError);
  });
});

describe('photolysisAt jMethod: "mcm" (MCM v3.3.1 parameterisation for the CB6r5 tables that have an MCM J)', () => {
  const site = { lat: 34.26, lon: 108.94, altitudeM: 400 };
  const day = Array.from({ length: 24 }, (_, h) => Date.UTC(2024, 6, 1, h));
  const cs = photolysisAt(site, day, { csqy });
  const m = photolysisAt(site, day, { csqy, jMethod: "mcm" });
  it("J(NO2), J(O1D), J(HCHO) are l·cos^m χ·exp(−n sec χ) with the MCM page's l, m, n (hand values at the run's χ)", () => {
    const noon = m.zenithDeg.indexOf(Math.min(...m.zenithDeg));
    const c = Math.cos((m.zenithDeg[noon] * Math.PI) / 180);
    // MCM v3.3.1: J4 l = 1.165e-2, m = 0.244, n = 0.267; J1 6.073e-5, 1.743, 0.474; J11 4.642e-5, 0.762, 0.353
    expect(m.j.NO2_IUPAC10[noon]).toBeCloseTo(1.165e-2 * c ** 0.244 * Math.exp(-0.267 / c), 15);
    expect(m.j.O3_O1D_IUPAC10[noon]).toBeCloseTo(6.073e-5 * c ** 1.743 * Math.exp(-0.474 / c), 18);
    expect(m.j.FORM_R_IUPAC13[noon]).toBeCloseTo(4.642e-5 * c ** 0.762 * Math.exp(-0.353 / c), 18);
    // overhead sun: J4 = l·e^(−n) = 1.165e-2 × 0.76567 = 8.920e-3 s⁻¹ by hand
    expect(1.165e-2 * Math.exp(-0.267)).toBeCloseTo(8.92e-3, 5);
    expect(m.source.NO2_IUPAC10).toBe("MCM v3.3.1");
    expect(m.method.jMethod).toBe("mcm");
  });
  it("tables without an MCM counterpart keep the clear-sky value; night is 0; a measured J(NO2) scales against MCM's J4", () => {
    expect(m.j.PAN_IUPAC10).toEqual(cs.j.PAN_IUPAC10);
    expect(m.source.PAN_IUPAC10).toBe("clear-sky");
    for (let i = 0; i < day.length; i++) if (m.zenithDeg[i] >= 85) expect(m.j.O3_O1D_IUPAC10[i]).toBe(0);
    const meas = m.j.NO2_IUPAC10.map((v) => v * 0.8);
    const s = photolysisAt(site, day, { csqy, jMethod: "mcm", measuredJNO2: meas });
    const noon = s.zenithDeg.indexOf(Math.min(...s.zenithDeg));
    expect(s.scale![noon]).toBeCloseTo(0.8, 12);
    expect(s.j.O3_O1D_IUPAC10[noon] / m.j.O3_O1D_IUPAC10[noon]).toBeCloseTo(0.8, 12);
    expect(s.source.O3_O1D_IUPAC10).toBe("MCM v3.3.1 scaled to measured J(NO2)");
    expect(() => photolysisAt(site, day, { csqy, jMethod: "tuv" as never })).toThrow(RangeError);
  });
});
