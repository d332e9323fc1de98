import { describe, expect, it } from "vitest";
import { skillScores } from "../../src/stats/skill";
import { modStats, modStatsBy } from "../../src/stats/modstats";

// Skill score SS = (A − A_ref)/(A_perf − A_ref) with A_perf = 0 for MSE and MAE (Wilks 2011 §8.1.5;
// Murphy 1988, Mon. Wea. Rev. 116, 2417): MSESS = 1 − MSE/MSE_ref, MAESS = 1 − MAE/MAE_ref.
describe("skillScores", () => {
  it("hand-worked MSE and MAE skill against a reference", () => {
    // o = 10, 20, 30, 40; f − o = 1, −1, 2, 0; r − o = 4, −2, −4, 2
    const s = skillScores([10, 20, 30, 40], [11, 19, 32, 40], [14, 18, 26, 42]);
    expect(s.n).toBe(4);
    expect(s.MSE).toBeCloseTo(6 / 4, 15); // 1 + 1 + 4 + 0
    expect(s.MSEref).toBeCloseTo(40 / 4, 15); // 16 + 4 + 16 + 4
    expect(s.MSESS).toBeCloseTo(1 - 6 / 40, 15); // 0.85
    expect(s.MAE).toBeCloseTo(4 / 4, 15);
    expect(s.MAEref).toBeCloseTo(12 / 4, 15);
    expect(s.MAESS).toBeCloseTo(1 - 4 / 12, 15);
  });
  it("a case missing in any of the three is left out of all; a perfect reference gives NaN skill", () => {
    const s = skillScores([10, NaN, 30, 40], [11, 1, NaN, 41], [14, 1, 1, 40]);
    expect(s.n).toBe(2); // cases 0 and 3
    expect(s.MSE).toBeCloseTo(1, 15);
    expect(s.MSEref).toBeCloseTo(8, 15); // (16 + 0)/2
    expect(s.MSESS).toBeCloseTo(1 - 1 / 8, 15);
    expect(skillScores([1, 2], [2, 2], [1, 2]).MSESS).toBeNaN();
    expect(skillScores([1, 2], [1, 2], [2, 3]).MSESS).toBe(1);
  });
  it("the forecast scored against itself has skill 0; worse than the reference is negative", () => {
    expect(skillScores([1, 2, 3], [2, 2, 2], [2, 2, 2]).MSESS).toBe(0);
    // f − o = 2, 2; r − o = 1, 1 → MSESS = 1 − 4/1 = −3
    expect(skillScores([1, 2], [3, 4], [2, 3]).MSESS).toBeCloseTo(-3, 15);
  });
  it("arrays of different lengths are a RangeError", () => {
    expect(() => skillScores([1, 2], [1, 2], [1])).toThrow(RangeError);
  });
});

describe("modStatsBy (openair's modStats with type)", () => {
  it("groups every combination that occurs, sorted by the types, each group scored alone", () => {
    const obs = [1, 2, 3, 4, 10, 20, 5, 5];
    const mod = [2, 2, 2, 6, 12, 18, 5, NaN];
    const method = ["b", "b", "b", "b", "a", "a", "b", "a"];
    const lead = [1, 1, 1, 1, 1, 1, 2, 2];
    const g = modStatsBy(obs, mod, { method, lead });
    expect(g.map((x) => x.group)).toEqual([
      { method: "a", lead: 1 },
      { method: "a", lead: 2 },
      { method: "b", lead: 1 },
      { method: "b", lead: 2 },
    ]);
    // a, lead 1: O = 10, 20; M = 12, 18 → d = 2, −2: MB 0, MGE 2, RMSE 2, NMGE 4/30
    expect(g[0].n).toBe(2);
    expect(g[0].MB).toBeCloseTo(0, 15);
    expect(g[0].MGE).toBeCloseTo(2, 15);
    expect(g[0].RMSE).toBeCloseTo(2, 15);
    expect(g[0].NMGE).toBeCloseTo(4 / 30, 15);
    // a, lead 2: the one pair has a missing model value → n = 0, statistics NaN
    expect(g[1].n).toBe(0);
    expect(g[1].RMSE).toBeNaN();
    // b, lead 1 is the four-pair set of modstats.test.ts: RMSE √(6/4), IOA 0.5
    expect(g[2].RMSE).toBeCloseTo(Math.sqrt(1.5), 15);
    expect(g[2].IOA).toBeCloseTo(0.5, 15);
    expect(g[2]).toEqual({ group: { method: "b", lead: 1 }, ...modStats([1, 2, 3, 4], [2, 2, 2, 6]) });
    expect(g[3].n).toBe(1);
    expect(g[3].MB).toBe(0);
  });
  it("levels fix the order of a type's values; numbers sort numerically", () => {
    const g = modStatsBy(
      [1, 2, 3],
      [1, 2, 3],
      { season: ["DJF", "MAM", "SON"] },
      { levels: { season: ["MAM", "JJA", "SON", "DJF"] } },
    );
    expect(g.map((x) => x.group.season)).toEqual(["MAM", "SON", "DJF"]);
    expect(modStatsBy([1, 2, 3], [1, 2, 3], { lead: [10, 2, 1] }).map((x) => x.group.lead)).toEqual([1, 2, 10]);
    expect(() => modStatsBy([1], [1], { season: ["X"] }, { levels: { season: ["MAM"] } })).toThrow(RangeError);
    expect(() => modStatsBy([1, 2], [1, 2], { lead: [1] })).toThrow(RangeError);
  });
});
