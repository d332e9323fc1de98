import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CB6R5_RIR_GROUPS,
  compileMechanism,
  ekmaIsopleths,
  loadCsqy,
  readChemmech,
  relativeIncrementalReactivity,
  runObm,
  type ObmObservations,
  type ObmOptions,
  type ObmResult,
} from "../../src/photochem";
import { xianSummerDay } from "./photochem/xian-day";
import { sharedPath } from "./shared";

// RIR and EKMA on CB6r5 (CMAQ v5.5 mech_cb6r5_ae7_aq.def), an urban summer day at Xi'an (1 July, UTC+8),
// constrained hourly after one spin-up day (xianSummerDay); a NOx-rich (VOC-limited) and a NOx-poor (NOx-limited) variant.
const mechanism = readChemmech(sharedPath("reference", "mechanisms", "mech_cb6r5_ae7_aq.def"), {
  lenientExponent: true,
});
const mech = compileMechanism(mechanism);
const csqy = loadCsqy(join(__dirname, "..", "photochem", "fixtures", "CSQY_DATA_cb6r5_ae7_aq"));
const day = xianSummerDay;
const opts: ObmOptions = { site: { lat: 34.26, lon: 108.94, altitudeM: 400 }, photolysis: { csqy }, spinUpDays: 1 };
const groups = { AVOC: CB6R5_RIR_GROUPS.AVOC, NOx: CB6R5_RIR_GROUPS.NOx };
/** Daytime-integrated net P(O3) of a run (ppb), by hand: Σ over daytime hours of net (ppb/h) × 1 h. */
const daytimeP = (r: ObmResult) => r.budget.net.reduce((a, v, i) => a + (r.daytime[i] ? v : 0), 0);
const scaled = (o: ObmObservations, species: readonly string[], f: number): ObmObservations => ({
  ...o,
  ppb: Object.fromEntries(
    Object.entries(o.ppb).map(([s, v]) => [s, species.includes(s) ? Array.from(v, (x) => x * f) : v]),
  ),
});

describe("RIR on CB6r5 (Cardelino & Chameides 1995; 20 % reductions)", () => {
  it("NOx-rich day (NOx and HONO × 5: NOx 30 ppb at noon): RIR(NOx) < 0 and RIR(AVOC) > 0 (VOC-limited); each RIR is the finite-difference ratio of two runObm runs", () => {
    const obs = day(5);
    const r = relativeIncrementalReactivity(mech, obs, opts, groups);
    expect(r.groups.NOx.rir).toBeLessThan(0);
    expect(r.groups.AVOC.rir).toBeGreaterThan(0);
    // by hand from two runs: RIR = [(P_base − P_reduced)/P_base] / 0.2
    const pBase = daytimeP(runObm(mech, obs, opts));
    for (const [g, list] of Object.entries(groups)) {
      const present = list.filter((s) => obs.ppb[s] !== undefined);
      const pRed = daytimeP(runObm(mech, scaled(obs, present, 0.8), opts));
      expect(r.groups[g].rir).toBeCloseTo((pBase - pRed) / pBase / 0.2, 10);
    }
    expect(r.basePO3).toBeCloseTo(pBase, 10);
  }, 120_000);
  it("NOx-poor day (NOx and HONO × 0.1): RIR(NOx) > 0 (NOx-limited) and larger than RIR(AVOC)", () => {
    const r = relativeIncrementalReactivity(mech, day(0.1), opts, groups);
    expect(r.groups.NOx.rir).toBeGreaterThan(0);
    expect(r.groups.NOx.rir).toBeGreaterThan(r.groups.AVOC.rir);
  }, 120_000);
});

describe("ekmaIsopleths on CB6r5 against RIR", () => {
  it("the 0.8 cells of the netPO3 grid are RIR's reduced runs (same numbers); the EKMA regime agrees with the RIR signs", async () => {
    for (const f of [5, 0.1]) {
      const obs = day(f);
      const rir = relativeIncrementalReactivity(mech, obs, opts, groups);
      const g = await ekmaIsopleths(mechanism, obs, opts, {
        vocSpecies: CB6R5_RIR_GROUPS.AVOC.filter((s) => obs.ppb[s] !== undefined),
        vocScales: [0.8, 1, 1.25],
        noxScales: [0.8, 1, 1.25],
        metric: "netPO3",
        workers: 1,
      });
      expect(g.netPO3[1][1]).toBe(rir.basePO3);
      expect(g.netPO3[1][0]).toBe(rir.groups.NOx.reducedPO3);
      expect(g.netPO3[0][1]).toBe(rir.groups.AVOC.reducedPO3);
      // the local derivative has the sign of RIR(NOx) (both: more NOx → more or less P(O3))
      expect(Math.sign(g.regime.derivatives.dLnNOx)).toBe(Math.sign(rir.groups.NOx.rir));
      if (f === 5) expect(g.regime.side).toBe("VOC-limited");
      else expect(g.regime.side).toBe("NOx-limited");
      // and the isopleth ridge lies below the observed NOx for the NOx-rich day, above it for the NOx-poor day
      if (f === 5) expect(g.regime.ridgeNoxAtObserved).toBeLessThan(1);
      else expect(g.regime.ridgeNoxAtObserved).toBeGreaterThan(1);
    }
  }, 300_000);
});
