/**
 * alertScores: the contingency table of issued vs observed alerts, by hand. Issued ranks
 * [0, 2, 2, 0, 3, NaN] against observed [0, 2, 0, 2, 3, 1] (days 1–6), event rank ≥ 2: day 6 is
 * not judged in the issued series and left out; a = 2 (days 2, 5), b = 1 (day 3), c = 1 (day 4),
 * d = 1 (day 1). POD = 2/3, FAR = 1/3, CSI = 2/4, PC = 3/5, bias = 3/3,
 * HSS = 2(ad − bc)/((a + c)(c + d) + (a + b)(b + d)) = 2(2 − 1)/(3·2 + 3·2) = 1/6 (Wilks 2011 §8.2).
 */
import { describe, expect, it } from "vitest";
import { alertScores } from "../../../src/models/alerts/score";
import { cnAlerts } from "../../../src/models/alerts/cn";

const keys = ["d1", "d2", "d3", "d4", "d5", "d6"];

describe("alertScores", () => {
  it("matches steps by key and scores with eventScores", () => {
    const s = alertScores(
      { keys, ranks: Float64Array.from([0, 2, 2, 0, 3, NaN]) },
      { keys, ranks: Float64Array.from([0, 2, 0, 2, 3, 1]) },
      2,
    );
    expect([s.hits, s.falseAlarms, s.misses, s.correctNegatives]).toEqual([2, 1, 1, 1]);
    expect(s.POD).toBeCloseTo(2 / 3, 15);
    expect(s.FAR).toBeCloseTo(1 / 3, 15);
    expect(s.CSI).toBe(0.5);
    expect(s.accuracy).toBe(0.6);
    expect(s.bias).toBe(1);
    expect(s.HSS).toBeCloseTo(1 / 6, 15);
    expect([s.matched, s.leftOut, s.minRank]).toEqual([5, 1, 2]);
  });

  it("steps present in only one series are left out", () => {
    const s = alertScores(
      { keys: ["a", "b"], ranks: Float64Array.from([1, 1]) },
      { keys: ["b", "c"], ranks: Float64Array.from([1, 0]) },
    );
    expect([s.hits, s.matched, s.leftOut]).toEqual([1, 1, 2]);
  });

  it("forecast-based vs observed-equivalent China alerts: one hit, one false alarm, one miss", () => {
    const dates = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06", "2025-01-07"];
    // forecast: yellow on days 1–2, yellow on days 5–6; observed: yellow on days 1–2 and 3 only a blue day 7
    const f = cnAlerts({ dates, values: [250, 250, 100, 100, 250, 250, 100] });
    const o = cnAlerts({ dates, values: [250, 260, 100, 100, 100, 100, 230] }, { basis: "observed" });
    const s = alertScores(f.series, o.series, 2); // yellow and above
    // days 1–2 hits, days 5–6 false alarms, day 7 (observed blue, rank 1) is not an event at rank ≥ 2
    expect([s.hits, s.falseAlarms, s.misses, s.correctNegatives]).toEqual([2, 2, 0, 3]);
    const any = alertScores(f.series, o.series, 1);
    expect([any.hits, any.falseAlarms, any.misses, any.correctNegatives]).toEqual([2, 2, 1, 2]);
  });

  it("refuses a bad minRank and mismatched series", () => {
    const a = { keys: ["a"], ranks: Float64Array.from([1]) };
    expect(() => alertScores(a, a, 0)).toThrow(RangeError);
    expect(() => alertScores({ keys: ["a", "b"], ranks: Float64Array.from([1]) }, a)).toThrow(/keys/);
  });
});
