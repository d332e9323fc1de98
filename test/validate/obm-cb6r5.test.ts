import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compileMechanism,
  loadCsqy,
  ozoneBudgetTerms,
  readChemmech,
  runObm,
  type ObmObservations,
} from "../../src/photochem";
import { xianSummerDay } from "./photochem/xian-day";
import { sharedPath } from "./shared";

// CB6r5 OBM on a plausible urban summer day (Xi'an, 1 July, UTC+8), constrained hourly, after one spin-up day.
const mech = compileMechanism(
  readChemmech(sharedPath("reference", "mechanisms", "mech_cb6r5_ae7_aq.def"), { lenientExponent: true }),
);
const csqy = loadCsqy(join(__dirname, "..", "photochem", "fixtures", "CSQY_DATA_cb6r5_ae7_aq"));
const T0 = Date.UTC(2024, 6, 1, -8, 0, 0); // 00:00 local (UTC+8)
const n = 24;
const times = Array.from({ length: n }, (_, i) => T0 + i * 3600e3);
// local hour h: a daytime bell (0 at night, 1 at 13:00); the observations are xianSummerDay()
const sun = (h: number) => Math.max(0, Math.sin((Math.PI * (h - 6)) / 14));
const series = (f: (h: number) => number) => times.map((_, i) => f(i + 0.5));
const obs: ObmObservations = xianSummerDay(); // the same day as the EKMA/RIR tests (photochem/xian-day.ts)
const site = { lat: 34.26, lon: 108.94, altitudeM: 400 };

describe("runObm with CB6r5 (sanity on an urban summer day)", () => {
  it("lists CB6r5's peroxy radicals from the mechanism's NO and HO2 reactions (mech_cb6r5_ae7_aq.def)", () => {
    const t = ozoneBudgetTerms(mech);
    expect([...t.peroxyRadicals].sort()).toEqual(
      ["BZO2", "C2O3", "CXO3", "EPX2", "HCO3", "ISO2", "MEO2", "OPO3", "TO2", "XLO2", "XO2", "XO2H", "XO2N"].sort(),
    );
    expect(t.production["HO2+NO"].map((r) => r.label)).toEqual(["R25"]);
    expect(t.loss["OH+NO2"].map((r) => r.label)).toEqual(["R45"]);
    expect(t.loss["O1D+H2O"].map((r) => r.label)).toEqual(["R11"]);
  });
  it("noon OH and HO2 within a Chinese summer campaign's range (Ma et al. 2022, ACP 22, 7005: maximum diurnal-mean OH 1.0e7, HO2 1.1e9 cm-3)", () => {
    const r = runObm(mech, obs, { site, photolysis: { csqy }, spinUpDays: 1 });
    const i = 12; // interval 12:00–13:00 local
    expect(r.radicals.OH[i]).toBeGreaterThan(2e6);
    expect(r.radicals.OH[i]).toBeLessThan(2e7);
    expect(r.radicals.HO2[i]).toBeGreaterThan(1e8);
    expect(r.radicals.HO2[i]).toBeLessThan(3e9);
    expect(r.budget.net[i]).toBeGreaterThan(0);
    expect(r.daytime[i]).toBe(true);
    expect(r.daytime[0]).toBe(false);
  });
});

describe("runObm defaults: free O3 with deposition and a boundary layer (issue #22)", () => {
  // an illustrative summer mixing-height cycle (m): 300 m at night, growing 07–15 h to 2000 m, collapsing 18–20 h
  const blh = series((h) =>
    h < 7 || h > 20 ? 300 : h < 15 ? 300 + (1700 * (h - 7)) / 8 : h < 18 ? 2000 : 2000 - (1700 * (h - 18)) / 2,
  );
  const peak = (o: object) =>
    Math.max(...runObm(mech, obs, { site, photolysis: { csqy }, spinUpDays: 3, ...o }).ppb.O3);
  it("the old settings (no deposition, O3 background 0, 1/day dilution) accumulate O3 to ~290 ppb after 3 spin-up days", () => {
    const p = peak({ depositionVelocityCmPerSec: {}, backgroundPpb: { O3: 0 } });
    expect(p).toBeGreaterThan(270);
    expect(p).toBeLessThan(310);
  });
  it("the new defaults (O3 v_d 1 cm/s over 1000 m, O3 background = its observation) lower it to ~240 ppb; with a diurnal mixing height the peak is within 100–200 ppb", () => {
    const d = peak({});
    expect(d).toBeGreaterThan(220);
    expect(d).toBeLessThan(260);
    const b = peak({ boundaryLayerHeightM: blh });
    expect(b).toBeGreaterThan(100);
    expect(b).toBeLessThan(200);
  });
});
