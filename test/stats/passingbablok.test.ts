import { describe, expect, it } from "vitest";
import { passingBablok } from "../../src/stats/passingbablok";
import { normalQuantile } from "../../src/stats/normal";
import { Rng } from "../../src/random/rng";

// Published data sets with published Passing–Bablok results:
// (1) data posted to the SAS Communities "An example of Passing-Bablok Regression in SAS" with
//     MedCalc's estimates (quoted in R. Wicklin, "Passing-Bablok regression in SAS", The DO Loop,
//     2022-02-14): intercept 0.02860 (0.02203, 0.03832), slope 0.9117 (0.8971, 0.9310).
// (2) the creatinine data of the R package mcr (serum vs plasma creatinine, 110 patients, 2 missing),
//     mcr::mcreg(method.reg = "PaBa", method.ci = "analytical"): intercept −0.1171729
//     (−0.2001149, −0.020000), slope 1.0880089 (1.0000000, 1.173005).
const medcalcX = [
  0.07, 0.04, 0.07, 0.05, 0.06, 0.06, 0.03, 0.04, 0.05, 0.05, 0.12, 0.1, 0.03, 0.18, 0.29, 0.05, 0.04, 0.11, 0.38, 0.04,
  0.03, 0.06, 0.46, 0.08, 0.02, 0.12, 0.16, 0.07, 0.07, 0.04, 0.11, 0.23, 0.15, 0.05, 0.04, 0.05, 0.17, 8.43, 1.86,
  0.17, 8.29, 5.98, 0.57, 0.07, 0.06, 0.21, 8.29, 0.28, 8.25, 0.18, 0.17, 0.15, 8.33, 5.58, 0.09, 1.0, 0.09, 3.88, 0.51,
  4.09, 0.89, 5.61, 4.52, 0.09, 0.05, 0.05, 0.04, 0.05, 0.09, 0.03, 2.27, 1.5, 5.05, 0.22, 2.13, 0.05, 4.09, 1.46, 1.2,
  0.02, 1.0, 3.39, 1.0, 2.07, 6.68, 3.0, 0.06, 7.17, 1.0, 2.0, 2.91, 3.92, 1.0, 7.2, 6.42, 2.38, 1.97, 4.72, 1.64, 5.48,
  5.54, 0.02,
];
const medcalcY = [
  0.07, 0.1, 0.08, 0.1, 0.08, 0.07, 0.05, 0.05, 0.08, 0.1, 0.21, 0.17, 0.11, 0.24, 0.33, 0.05, 0.05, 0.21, 0.36, 0.05,
  0.06, 0.07, 0.27, 0.05, 0.09, 0.23, 0.25, 0.1, 0.07, 0.06, 0.23, 0.21, 0.2, 0.07, 0.14, 0.11, 0.26, 8.12, 1.47, 0.27,
  7.71, 5.26, 0.43, 0.1, 0.11, 0.24, 7.84, 0.23, 7.79, 0.25, 0.22, 0.21, 7.67, 5.05, 0.14, 3.72, 0.13, 3.54, 0.42, 3.64,
  0.71, 5.18, 4.15, 0.12, 0.05, 0.05, 0.07, 0.07, 0.11, 0.05, 2.08, 1.21, 4.46, 0.25, 1.93, 0.08, 3.61, 1.13, 0.97,
  0.05, 1.0, 3.11, 0.05, 1.83, 6.06, 2.97, 0.09, 6.55, 1.0, 0.05, 2.45, 3.36, 1.0, 6.88, 5.83, 2.04, 1.76, 4.37, 1.25,
  4.77, 5.16, 0.06,
];
const creatinineX = [
  0.82, 1.83, 1.39, 0.81, 1.72, 3.23, 1.23, 1.37, 1.72, 0.96, 0.76, 1.15, 0.95, 1.0, 1.52, 1.56, 2.45, 1.85, 0.89, 0.82,
  1.01, 0.96, 3.38, 1.31, 1.1, 1.26, 1.15, 1.2, 1.01, 1.33, 0.87, 1.66, 1.41, 1.08, 1.17, 1.77, 1.33, 1.23, 1.21, 1.2,
  1.49, 0.89, 1.09, 1.03, 1.07, 0.89, 1.39, 0.96, 1.06, 1.17, 0.9, 1.39, 0.91, 2.28, 0.9, 1.34, 1.32, 1.02, 1.04, 1.27,
  1.08, 1.1, 1.39, 1.07, 0.79, 1.02, 0.94, 1.99, 0.7, 0.84, 0.66, 1.1, 0.9, 2.06, 1.31, 1.03, 1.61, 1.52, 1.11, 0.85,
  1.2, 1.09, 1.27, 2.06, 1.21, 0.77, 1.06, 1.02, 1.0, 1.47, 0.97, 1.7, 1.78, 0.93, 0.92, 1.59, 0.68, 0.7, 1.08, 0.83,
  1.17, 0.98, 0.77, 0.91, 1.1, 0.8, 0.85, 0.82,
];
const creatinineY = [
  0.79, 1.62, 1.36, 1.3, 1.88, 3.35, 1.06, 1.34, 1.56, 0.94, 0.69, 1.16, 0.71, 0.83, 1.44, 1.26, 2.36, 1.9, 0.95, 0.77,
  0.82, 0.88, 3.42, 1.15, 0.96, 1.12, 1.02, 1.29, 0.87, 1.13, 0.82, 1.33, 1.14, 0.93, 1.09, 1.89, 1.57, 1.29, 1.13,
  1.11, 1.61, 0.79, 1.19, 0.96, 1.25, 0.87, 1.36, 0.86, 1.03, 0.86, 0.8, 1.22, 0.86, 2.25, 0.87, 1.3, 1.04, 0.92, 1.01,
  1.21, 1.11, 1.21, 1.54, 0.99, 0.79, 1.06, 1.02, 2.15, 0.56, 1.01, 0.59, 1.17, 0.82, 2.09, 1.44, 1.22, 1.77, 1.6, 1.13,
  1.06, 1.38, 1.24, 1.29, 2.08, 1.31, 0.82, 1.28, 1.15, 1.04, 1.51, 1.13, 1.84, 1.94, 1.32, 1.36, 1.88, 0.73, 0.78,
  1.01, 0.9, 1.3, 0.96, 0.61, 1.27, 1.05, 1.12, 0.72, 0.87,
];

describe("passingBablok", () => {
  it("small hand example: median of pairwise slopes shifted by K", () => {
    // x = 1..4, y = 3, 1, 2, 4. Pairwise slopes (y_j − y_i)/(x_j − x_i):
    // (1,2) −2, (1,3) −0.5, (1,4) 1/3, (2,3) 1, (2,4) 1.5, (3,4) 2. Sorted: −2, −0.5, 1/3, 1, 1.5, 2.
    // N = 6, K = #(S < −1) = 1; N even → b = ½(S_(3+1) + S_(4+1)) = ½(1 + 1.5) = 1.25.
    // a = median(y − 1.25x) = median(1.75, −1.5, −1.75, −1) = ½(−1.5 + −1) = −1.25.
    const r = passingBablok([1, 2, 3, 4], [3, 1, 2, 4]);
    expect(r.shift).toBe(1);
    expect(r.slopes).toBe(6);
    expect(r.slope).toBeCloseTo(1.25, 12);
    expect(r.intercept).toBeCloseTo(-1.25, 12);
    // C = 1.96·sqrt(4·3·13/18) = 5.77 > N: M1 = round(0.115) = 0, no rank interval for n = 4
    expect(r.slopeCI[0]).toBeNaN();
  });

  it("drops slopes of exactly −1 and identical points", () => {
    // x = 1, 2, 3, 3; y = 2, 1, 5, 5: (1,2) slope −1 dropped; (3,4) identical dropped.
    // Left: (1,3) 1.5, (1,4) 1.5, (2,3) 4, (2,4) 4 → N = 4, K = 0, b = ½(1.5 + 4) = 2.75
    const r = passingBablok([1, 2, 3, 3], [2, 1, 5, 5]);
    expect(r.slopes).toBe(4);
    expect(r.slope).toBeCloseTo(2.75, 12);
  });

  it("exact line y = 2x + 1 gives slope 2 and intercept 1", () => {
    const x = [0.5, 1, 2, 3.5, 4, 7, 9, 10];
    const r = passingBablok(
      x,
      x.map((v) => 2 * v + 1),
    );
    expect(r.slope).toBe(2);
    expect(r.intercept).toBe(1);
    expect(r.slopeCI).toEqual([2, 2]);
  });

  it("recovers a known slope and intercept from noisy data", () => {
    const rng = new Rng(8);
    const x: number[] = [],
      y: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = 1 + 19 * rng.uniform();
      x.push(t + 0.3 * rng.normal());
      y.push(0.5 + 1.2 * t + 0.3 * rng.normal());
    }
    const r = passingBablok(x, y);
    expect(r.slope).toBeGreaterThan(1.15);
    expect(r.slope).toBeLessThan(1.25);
    expect(r.slopeCI[0]).toBeLessThan(1.2);
    expect(r.slopeCI[1]).toBeGreaterThan(1.2);
    expect(r.interceptCI[0]).toBeLessThan(0.5);
    expect(r.interceptCI[1]).toBeGreaterThan(0.5);
  });

  it("agrees with MedCalc's slope on the SAS Communities data set", () => {
    // MedCalc's slope 0.9117 agrees to 3 decimals (0.91176 here). Its interval (0.8971, 0.9310) and
    // intercept 0.0286 differ from the rank interval of Passing & Bablok (1983) used here and by
    // mcr: MedCalc's interval method is not documented in the post, so only the slope is checked.
    const r = passingBablok(medcalcX, medcalcY);
    expect(r.n).toBe(102);
    expect(r.slope).toBeCloseTo(0.9117, 3);
    expect(r.slopeCI[0]).toBeLessThan(0.9117);
    expect(r.slopeCI[1]).toBeGreaterThan(0.9117);
  });

  it("matches R mcr on the creatinine data", () => {
    const r = passingBablok(creatinineX, creatinineY);
    expect(r.n).toBe(108);
    expect(r.slope).toBeCloseTo(1.0880089, 6);
    expect(r.intercept).toBeCloseTo(-0.1171729, 6);
    // the interval bounds agree to 1e-4 (mcr's upper slope bound 1.173005 vs 1.173077 here: mcr
    // ranks slope angles, which can order near-equal slopes differently)
    expect(r.slopeCI[0]).toBeCloseTo(1.0, 6);
    expect(Math.abs(r.slopeCI[1] - 1.173005)).toBeLessThan(1e-4);
    expect(Math.abs(r.interceptCI[0] - -0.2001149)).toBeLessThan(1e-4);
    expect(r.interceptCI[1]).toBeCloseTo(-0.02, 6);
  });

  it("rejects bad input", () => {
    expect(() => passingBablok([1, 2], [1, 2])).toThrow(RangeError);
    expect(() => passingBablok([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => passingBablok([1, NaN, 3], [1, 2, 3])).toThrow(/pair 1/);
  });
});

describe("normalQuantile", () => {
  it("matches tabulated standard normal quantiles", () => {
    // Φ⁻¹(0.975) = 1.959963985, Φ⁻¹(0.95) = 1.644853627, Φ⁻¹(0.995) = 2.575829304, Φ⁻¹(0.01) = −2.326347874
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
  });
});
