import { describe, expect, it } from "vitest";
import { quantileVerification } from "../../src/stats/quantilescore";
import { normalCdf, normalQuantile } from "../../src/stats/normal";

// Gneiting & Raftery (2007), JASA 102, 359–378: quantile score (1{y ≤ q} − τ)(q − y) (§6.1),
// interval score (u − l) + (2/α)(l − y)1{y < l} + (2/α)(y − u)1{y > u} (eq. 43).
describe("quantileVerification", () => {
  it("three cases and three levels worked by hand", () => {
    const obs = [5, 10, 15];
    const q = [
      [4, 11, 10], // τ = 0.1
      [6, 12, 14], // τ = 0.5
      [8, 13, 16], // τ = 0.9
    ];
    const v = quantileVerification(obs, [0.1, 0.5, 0.9], q);
    expect(v.n).toBe(3);
    // y ≤ q: τ 0.1 only case 1 (10 ≤ 11); τ 0.5 cases 0, 1; τ 0.9 all
    expect(v.coverage).toEqual([1 / 3, 2 / 3, 1]);
    // QS, τ = 0.1: case 0 (0 − .1)(4 − 5) = 0.1; case 1 (1 − .1)(11 − 10) = 0.9; case 2 (−.1)(10 − 15) = 0.5 → mean 0.5
    // τ = 0.5: 0.5, 1, 0.5 → 2/3; τ = 0.9: 0.1·3, 0.1·3, 0.1·1 → 0.7/3
    expect(v.pinball[0]).toBeCloseTo(0.5, 14);
    expect(v.pinball[1]).toBeCloseTo(2 / 3, 14);
    expect(v.pinball[2]).toBeCloseTo(0.7 / 3, 14);
    expect(v.crps).toBeCloseTo((2 * (0.5 + 2 / 3 + 0.7 / 3)) / 3, 14);
    // PIT bins (number of quantiles below y): case 0 → 1, case 1 → 0, case 2 → 2
    expect(v.pit.counts).toEqual([1, 1, 1, 0]);
    expect(v.pit.lower).toEqual([0, 0.1, 0.5, 0.9]);
    expect(v.pit.upper).toEqual([0.1, 0.5, 0.9, 1]);
    v.pit.expected.forEach((e, j) => expect(e).toBeCloseTo(3 * [0.1, 0.4, 0.4, 0.1][j], 14));
    // the 80 % interval [q.1, q.9]: [4, 8] in, [11, 13] out below (score 2 + (2/0.2)·1 = 12), [10, 16] in
    expect(v.intervals).toHaveLength(1);
    const iv = v.intervals[0];
    expect(iv.nominal).toBeCloseTo(0.8, 14);
    expect(iv.coverage).toBeCloseTo(2 / 3, 14);
    expect(iv.meanWidth).toBeCloseTo(4, 14);
    expect(iv.intervalScore).toBeCloseTo((4 + 12 + 6) / 3, 14);
  });
  it("the CRPS approximation from 99 percentiles of a normal forecast overestimates the closed form by 0.9–1.1 %", () => {
    // closed form for N(μ, σ²): σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ
    // (Gneiting, Raftery, Westveld & Goldman 2005, Mon. Wea. Rev. 133, 1098–1118, eq. 5)
    const levels = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
    const mu = 20,
      sigma = 5;
    for (const y of [20, 23, 31, 5]) {
      const v = quantileVerification(
        [y],
        levels,
        levels.map((t) => [mu + sigma * normalQuantile(t)]),
      );
      const z = (y - mu) / sigma;
      const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
      const exact = sigma * (z * (2 * normalCdf(z) - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
      expect((v.crps - exact) / exact).toBeGreaterThan(0.009);
      expect((v.crps - exact) / exact).toBeLessThan(0.011);
    }
  });
  it("a point forecast at every level gives CRPS = |error| (the CRPS of a point mass is the absolute error)", () => {
    const levels = [0.25, 0.5, 0.75];
    const v = quantileVerification([3], levels, [[5], [5], [5]]);
    // 2/3 · Σ(1 − τ)·2 = 2/3 · (0.75 + 0.5 + 0.25)·2 = 2
    expect(v.crps).toBeCloseTo(2, 14);
  });
  it("several central intervals widest first; missing cases left out; bad arguments are RangeErrors", () => {
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const v = quantileVerification([1, NaN, 2], levels, [
      [0, 0, 0],
      [1, 1, NaN],
      [2, 2, 2],
      [3, 3, 3],
      [4, 4, 4],
    ]);
    expect(v.n).toBe(1);
    expect(v.intervals.map((i) => +i.nominal.toFixed(10))).toEqual([0.9, 0.5]);
    expect(() => quantileVerification([1], [0.5, 0.1], [[1], [1]])).toThrow(RangeError);
    expect(() => quantileVerification([1], [0.5], [[1], [1]])).toThrow(RangeError);
    expect(() => quantileVerification([1], [1], [[1]])).toThrow(RangeError);
    expect(() => quantileVerification([1, 2], [0.5], [[1]])).toThrow(RangeError);
  });
});
