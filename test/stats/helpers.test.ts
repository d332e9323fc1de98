import { describe, expect, it } from "vitest";
import { mean, median, pearson, pearsonStrided, quantileType7, sampleSd, sampleVariance } from "../../src/stats";
import { percentileOf } from "../../src/directional/wind";

// One home per helper (issue #15 item 4): the variants the private copies had are options here,
// each checked against values worked by hand.
describe("median (src/stats/median)", () => {
  it("odd n: the middle order statistic; even n: the mean of the two middle ones", () => {
    // sorted 1 2 3 5 8 → x(3) = 3
    expect(median([8, 1, 5, 3, 2])).toBe(3);
    // sorted 1 2 3 5 → (2 + 3)/2 = 2.5
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it("±Infinity are values: median [1, ∞, ∞] = ∞, [−∞, 1, 2, ∞] = (1 + 2)/2 = 1.5, [5, ∞] = ∞", () => {
    expect(median([Infinity, 1, Infinity])).toBe(Infinity);
    expect(median([Infinity, 2, -Infinity, 1])).toBe(1.5);
    expect(median([5, Infinity])).toBe(Infinity);
  });
  it("empty: NaN by default, RangeError with empty: 'throw'", () => {
    expect(median([])).toBeNaN();
    expect(() => median([], { empty: "throw" })).toThrow(RangeError);
  });
  it("NaN: RangeError by default naming the value, left out with nan: 'omit'", () => {
    expect(() => median([1, NaN, 3])).toThrow(/value 1 is NaN/);
    // omit → [1, 3, 4] → 3; [NaN, NaN] omitted → empty → NaN, or throws with empty: "throw"
    expect(median([4, NaN, 1, 3], { nan: "omit" })).toBe(3);
    expect(median([NaN, NaN], { nan: "omit" })).toBeNaN();
    expect(() => median([NaN], { nan: "omit", empty: "throw" })).toThrow(RangeError);
  });
  it("does not change its input", () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });
  it("equals type 7 at p = 0.5 (Hyndman & Fan 1996)", () => {
    const v = [2.5, 9, 1, 4, 7, 3];
    // sorted 1 2.5 3 4 7 9 → (3 + 4)/2 = 3.5; type 7: h = 5·0.5 = 2.5 → 3 + 0.5·(4 − 3) = 3.5
    expect(median(v)).toBe(3.5);
    expect(quantileType7(v, 0.5)).toBe(3.5);
  });
});

describe("quantileType7", () => {
  it("h = (n − 1)p with linear interpolation: [1, 2, 3, 4], p = 0.25 → h = 0.75 → 1.75", () => {
    expect(quantileType7([4, 3, 2, 1], 0.25)).toBe(1.75);
    // R: quantile(c(1, 2, 3, 4), 0.9) = 3.7 (h = 2.7 → 3 + 0.7·1)
    expect(quantileType7([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 14);
  });
  it("whole-number h gives the order statistic itself, also next to an infinite value", () => {
    // [1, ∞], p = 0 → h = 0 → x[0] = 1 (x[0] + 0·(∞ − 1) would be NaN)
    expect(quantileType7([1, Infinity], 0)).toBe(1);
    expect(quantileType7([1, Infinity], 1)).toBe(Infinity);
    // [−∞, 2, 3]: p = 0.5 → h = 1 → 2
    expect(quantileType7([3, -Infinity, 2], 0.5)).toBe(2);
  });
  it("sorted: true uses the order as given (no copy, no sort)", () => {
    const s = [1, 2, 4, 8];
    // h = 3·(1/3) = 1 → 2; h = 3·0.5 = 1.5 → 2 + 0.5·2 = 3
    expect(quantileType7(s, 0.5, { sorted: true })).toBe(3);
    expect(quantileType7(Float64Array.of(1, 2, 4, 8), 0.75, { sorted: true })).toBe(5); // h = 2.25 → 4 + 0.25·4
  });
  it("bad arguments are RangeErrors", () => {
    expect(() => quantileType7([1], 1.5)).toThrow(RangeError);
    expect(() => quantileType7([], 0.5)).toThrow(RangeError);
    expect(() => quantileType7([1, NaN], 0.5, { sorted: true })).toThrow(RangeError);
  });
  it("percentileOf (directional) is type 7 of the finite values on a 0–100 scale", () => {
    // finite values 1 2 3 4 (NaN and ∞ left out); p = 25 → h = 0.75 → 1.75
    expect(percentileOf([4, NaN, 3, Infinity, 2, 1], 25)).toBe(1.75);
    expect(() => percentileOf([NaN], 50)).toThrow(RangeError);
  });
});

describe("pearson (src/stats/correlation)", () => {
  it("r by hand: x = 1 2 3, y = 1 3 2 → Sxy = 1, Sxx = Syy = 2 → r = 0.5", () => {
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 15);
    // x = 1 2 3 4, y = 2 4 5 9: x̄ = 2.5, ȳ = 5; Sxy = 1.5·3 + 0.5·1 + 0 + 1.5·4 = 11, Sxx = 5, Syy = 9 + 1 + 0 + 16 = 26
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(11 / Math.sqrt(5 * 26), 15);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 15);
  });
  it("undefined r is NaN: n < 2, a constant sample, a NaN value", () => {
    expect(pearson([1], [2])).toBeNaN();
    expect(pearson([], [])).toBeNaN();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(pearson([1, NaN, 3], [1, 2, 3])).toBeNaN();
  });
  it("different lengths are a RangeError", () => {
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
  it("pearsonStrided reads columns of a row-major matrix: same r as the columns taken out", () => {
    // 4×2 matrix rows (x, y): (1,2) (2,4) (3,5) (4,9) → r = 11/√130 as above
    const m = Float64Array.of(1, 2, 2, 4, 3, 5, 4, 9);
    expect(pearsonStrided(m, m, 4, 2, 0, 2, 1)).toBeCloseTo(11 / Math.sqrt(130), 15);
    expect(pearsonStrided(m, m, 4, 2, 0, 2, 0)).toBeCloseTo(1, 15);
    expect(() => pearsonStrided(m, m, 5, 2, 0, 2, 1)).toThrow(RangeError);
    expect(() => pearsonStrided(m, m, 1.5)).toThrow(RangeError);
  });
});

describe("mean, sampleVariance, sampleSd (src/stats/moments)", () => {
  it("by hand: 2 4 4 4 5 5 7 9 → x̄ = 40/8 = 5, Σ(x − x̄)² = 9+1+1+1+0+0+4+16 = 32, s² = 32/7", () => {
    const v = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(v)).toBe(5);
    expect(sampleVariance(v)).toBeCloseTo(32 / 7, 14);
    expect(sampleSd(v)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });
  it("too few values give NaN: mean of none, variance and SD of one", () => {
    expect(mean([])).toBeNaN();
    expect(sampleVariance([3])).toBeNaN();
    expect(sampleSd([3])).toBeNaN();
    // two values 1, 3: x̄ = 2, s² = (1 + 1)/1 = 2
    expect(sampleVariance([1, 3])).toBe(2);
  });
  it("a NaN value propagates", () => {
    expect(mean([1, NaN])).toBeNaN();
    expect(sampleSd([1, NaN, 2])).toBeNaN();
  });
});
