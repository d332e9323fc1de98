import { describe, expect, it } from "vitest";
import { categoryScores, eventScores } from "../../src/stats/contingency";

// Wilks (2011) §8.2: the Finley tornado forecasts (Wilks Table 8.1: a = 28, b = 72, c = 23,
// d = 2680, n = 2803), whose scores Wilks works out: PC = 0.966, POD (H) = 0.549, FAR = 0.720,
// CSI (TS) = 0.228, B = 1.96, HSS = 0.355.
describe("eventScores", () => {
  it("reproduces Wilks' worked Finley scores from a table built from pairs", () => {
    const f: number[] = [],
      o: number[] = [];
    const add = (k: number, fv: number, ov: number) => {
      for (let i = 0; i < k; i++) {
        f.push(fv);
        o.push(ov);
      }
    };
    add(28, 1, 1);
    add(72, 1, 0);
    add(23, 0, 1);
    add(2680, 0, 0);
    const s = eventScores(f, o, 1);
    expect([s.hits, s.falseAlarms, s.misses, s.correctNegatives]).toEqual([28, 72, 23, 2680]);
    expect(s.accuracy).toBeCloseTo(0.966, 3);
    expect(s.POD).toBeCloseTo(0.549, 3);
    expect(s.FAR).toBeCloseTo(0.72, 3);
    expect(s.CSI).toBeCloseTo(0.228, 3);
    expect(s.bias).toBeCloseTo(1.96, 2);
    expect(s.HSS).toBeCloseTo(0.355, 3);
  });
  it("≥ by default, > with strict; missing pairs left out", () => {
    // AQI 200 forecast for an observed 200: an event under ≥, none under > (China's "AQI > 200")
    expect(eventScores([200], [200], 200).hits).toBe(1);
    expect(eventScores([200], [200], 200, true).correctNegatives).toBe(1);
    const s = eventScores([NaN, 250], [300, 100], 200);
    expect(s.falseAlarms + s.hits + s.misses + s.correctNegatives).toBe(1);
    expect(s.POD).toBeNaN(); // no observed event
  });
  it("bad arguments are RangeErrors", () => {
    expect(() => eventScores([1], [1, 2], 1)).toThrow(RangeError);
    expect(() => eventScores([1], [1], NaN)).toThrow(RangeError);
  });
});

describe("categoryScores (multi-category HSS, Wilks 2011 §8.2)", () => {
  it("a 3-category table worked by hand", () => {
    // table (rows forecast, columns observed): [[3,1,0],[1,2,1],[0,0,2]], n = 10
    const pairs: [string, string, number][] = [
      ["A", "A", 3],
      ["A", "B", 1],
      ["B", "A", 1],
      ["B", "B", 2],
      ["B", "C", 1],
      ["C", "C", 2],
    ];
    const f: string[] = [],
      o: string[] = [];
    for (const [x, y, k] of pairs) for (let i = 0; i < k; i++) (f.push(x), o.push(y));
    f.push("?");
    o.push("A"); // not a category: left out
    const s = categoryScores(f, o, ["A", "B", "C"]);
    expect(s.table).toEqual([
      [3, 1, 0],
      [1, 2, 1],
      [0, 0, 2],
    ]);
    expect(s.n).toBe(10);
    expect(s.leftOut).toBe(1);
    // PC = 7/10; forecast marginals 0.4, 0.4, 0.2; observed 0.4, 0.3, 0.3 → chance = 0.16 + 0.12 + 0.06 = 0.34
    // HSS = (0.7 − 0.34)/(1 − 0.34) = 0.36/0.66
    expect(s.accuracy).toBeCloseTo(0.7, 15);
    expect(s.HSS).toBeCloseTo(0.36 / 0.66, 12);
  });
  it("repeated categories are a RangeError", () => {
    expect(() => categoryScores([1], [1], [1, 1])).toThrow(RangeError);
  });
});
