import { describe, expect, it } from "vitest";
import { demingRegression, quantileType7, tCdf, tQuantile } from "../../src/stats";

describe("Student t", () => {
  it("matches printed t tables", () => {
    // two-sided 95 % critical values (e.g. any statistics text's t table)
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 5);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281389, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0422725, 6);
    expect(tQuantile(0.95, 5)).toBeCloseTo(2.0150484, 6);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.2281389, 6);
    // df = 1 is the Cauchy distribution: P(T ≤ 1) = 1/2 + atan(1)/π = 0.75
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 12);
    // df = 2 has a closed form: P(T ≤ t) = 1/2 + t / (2·sqrt(2 + t²))
    expect(tCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(2 + 2.25)), 12);
  });
});

describe("quantile type 7", () => {
  it("interpolates as R's default", () => {
    // x = 1..5, p = 0.3: h = 4·0.3 = 1.2 → 2 + 0.2·(3 − 2) = 2.2
    expect(quantileType7([5, 1, 4, 2, 3], 0.3)).toBeCloseTo(2.2, 12);
    expect(quantileType7([7], 0.9)).toBe(7);
  });
});

describe("Deming regression", () => {
  it("is exact on points on a line", () => {
    const x = [1, 2, 3, 4, 5],
      y = x.map((v) => 2 * v + 1);
    const r = demingRegression(x, y);
    expect(r.slope).toBeCloseTo(2, 12);
    expect(r.intercept).toBeCloseTo(1, 12);
    expect(r.slopeSE).toBeCloseTo(0, 10);
  });
  it("matches the closed form by hand", () => {
    // x = (1,2,3), y = (1,3,2): x̄ = ȳ = 2, sxx = syy = 2, sxy = 1.
    // δ = 1: slope = (2 − 2 + sqrt(0 + 4·1·1)) / (2·1) = 1, intercept = 2 − 1·2 = 0
    const r = demingRegression([1, 2, 3], [1, 3, 2]);
    expect(r.slope).toBeCloseTo(1, 12);
    expect(r.intercept).toBeCloseTo(0, 12);
    // δ = 4: slope = (2 − 8 + sqrt(36 + 16)) / 2 = (−6 + 7.2111026) / 2 = 0.6055513
    expect(demingRegression([1, 2, 3], [1, 3, 2], { errorRatio: 4 }).slope).toBeCloseTo((-6 + Math.sqrt(52)) / 2, 12);
    // δ → ∞ tends to ordinary least squares of y on x: sxy/sxx = 0.5
    expect(demingRegression([1, 2, 3], [1, 3, 2], { errorRatio: 1e9 }).slope).toBeCloseTo(0.5, 6);
  });
  it("rejects bad input", () => {
    expect(() => demingRegression([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => demingRegression([1, 2, 3], [1, 2])).toThrow(/3 values, y has 2/);
    expect(() => demingRegression([1, 2, NaN], [1, 2, 3])).toThrow(/pair 2/);
  });
});
