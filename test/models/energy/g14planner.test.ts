import { describe, expect, it } from "vitest";
import { cvRmse, fractionalSavingsUncertainty, nmbe, planLots, ratioVariability } from "../../../src/models/energy";

describe("ASHRAE Guideline 14 statistics", () => {
  it("CV(RMSE) and NMBE by hand", () => {
    // e = y − ŷ = (1, 1, −1, 2): Σe² = 7, Σe = 3, n − p = 2, ȳ = 13
    const y = [10, 12, 14, 16],
      yh = [9, 11, 15, 14];
    expect(cvRmse(y, yh, 2)).toBeCloseTo(Math.sqrt(7 / 2) / 13, 12);
    expect(nmbe(y, yh, 2)).toBeCloseTo(3 / (2 * 13), 12);
  });
  it("FSU by the formula with lag-1 autocorrelation", () => {
    // n' = 50·0.7/1.3 = 26.923; t(0.975, 48) = 2.010635 (t table)
    // FSU = 2.010635·1.26·0.1·sqrt((50/26.923)(1 + 2/26.923)/30)/0.2 = 0.32666
    const r = fractionalSavingsUncertainty({ cv: 0.1, n: 50, m: 30, fraction: 0.2, rho: 0.3, p: 2 });
    const nE = (50 * 0.7) / 1.3;
    expect(r.nEffective).toBeCloseTo(nE, 12);
    expect(r.t).toBeCloseTo(2.010635, 5);
    expect(r.fsu).toBeCloseTo((2.010635 * 1.26 * 0.1 * Math.sqrt(((50 / nE) * (1 + 2 / nE)) / 30)) / 0.2, 5);
    expect(r.fsu).toBeCloseTo(0.32666, 4);
  });
});

describe("lot planner", () => {
  it("ratio variability by the delta method, by hand", () => {
    // R = 59/6; d = (10 − R, 22 − 2R, 27 − 3R) = (0.1667, 2.3333, −2.5); s_d = sqrt(11.7222/2); cv = s_d/(R·2)
    const r = ratioVariability([10, 22, 27], [1, 2, 3]);
    expect(r.ratio).toBeCloseTo(59 / 6, 12);
    const d = [10 - 59 / 6, 22 - 118 / 6, 27 - 177 / 6];
    expect(r.cv).toBeCloseTo(Math.sqrt(d.reduce((s, x) => s + x * x, 0) / 2) / ((59 / 6) * 2), 12);
  });
  it("lots for ±5 % at cv 10 % on both sides", () => {
    // large-sample n0 = 1.96²·(0.01 + 0.01)/0.05² = 30.7; with t: n = 31 gives t(60)·sqrt(0.02/31) =
    // 2.000298·0.025400 = 0.05081 > 0.05; n = 32 gives t(62)·sqrt(0.02/32) = 1.998972·0.025 = 0.04997 ≤ 0.05
    const r = planLots({ cvBaseline: 0.1, cvReporting: 0.1, target: 0.05 });
    expect(r.baselineLots).toBe(32);
    expect(r.reportingLots).toBe(32);
    expect(r.relativeHalfWidth).toBeCloseTo(1.998972 * 0.025, 5);
  });
});
