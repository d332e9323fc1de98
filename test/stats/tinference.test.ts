import { describe, expect, it } from "vitest";
import { tInference } from "../../src/stats/studentt";
import { pairedTTest } from "../../src/stats/pairedt";
import { welchTTest } from "../../src/stats/welch";

// Issue #15 item 4: the t statistic / p / interval step that pairedTTest and welchTTest each wrote
// has one home. Reference values: Student's t table, t_{0.975, 10} = 2.228 (e.g. NIST/SEMATECH
// e-Handbook §1.3.6.7.2), and the two-sided p of t = 2 at df = 10, 0.0734.
describe("tInference", () => {
  it("estimate 2, se 1, df 10: t = 2, p = 0.0734, 95 % interval 2 ± 2.2281", () => {
    const r = tInference(2, 1, 10, 0.95);
    expect(r.t).toBe(2);
    expect(r.p).toBeCloseTo(0.0734, 4);
    expect(r.lower).toBeCloseTo(2 - 2.228139, 5);
    expect(r.upper).toBeCloseTo(2 + 2.228139, 5);
    expect(r.se).toBe(1);
    expect(r.df).toBe(10);
    expect(r.confidence).toBe(0.95);
  });

  it("se = 0: t is 0 for a zero estimate (p = 1), ±∞ otherwise (p = 0)", () => {
    expect(tInference(0, 0, 3, 0.95)).toMatchObject({ t: 0, p: 1, lower: 0, upper: 0 });
    expect(tInference(-1, 0, 3, 0.95)).toMatchObject({ t: -Infinity, p: 0, lower: -1, upper: -1 });
  });

  it("refuses a confidence outside (0, 1), a negative se and df ≤ 0", () => {
    expect(() => tInference(1, 1, 10, 1)).toThrow(RangeError);
    expect(() => tInference(1, -1, 10, 0.95)).toThrow(RangeError);
    expect(() => tInference(1, 1, 0, 0.95)).toThrow(RangeError);
  });

  it("pairedTTest uses it: differences 1, 2, 3 → mean 2, sd 1, se 1/√3, df 2, t = 2√3 = 3.4641", () => {
    const r = pairedTTest([2, 4, 6], [1, 2, 3]);
    expect(r.meanDifference).toBe(2);
    expect(r.sd).toBeCloseTo(1, 12);
    expect(r.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.df).toBe(2);
    expect(r.t).toBeCloseTo(2 * Math.sqrt(3), 10);
    // t_{0.975, 2} = 4.303 (t table)
    expect(r.upper - r.meanDifference).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
  });

  it("welchTTest uses it: x = 1,2,3 (s² = 1), y = 4,6,8 (s² = 4) → se = √(5/3), df = (5/3)²/((1/3)²/2 + (4/3)²/2) = 50/17 = 2.9412", () => {
    const r = welchTTest([1, 2, 3], [4, 6, 8]);
    expect(r.difference).toBe(-4);
    expect(r.se).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(r.df).toBeCloseTo(50 / 17, 12);
    expect(r.t).toBeCloseTo(-4 / Math.sqrt(5 / 3), 10);
  });
});
