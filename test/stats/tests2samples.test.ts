import { describe, expect, it } from "vitest";
import {
  hodgesLehmannShift,
  lag1Autocorrelation,
  mannWhitneyExactPmf,
  mannWhitneyTest,
  normalCdf,
  normalQuantile,
  ols,
  pairedTTest,
  tCdf,
  tQuantile,
  welchTTest,
} from "../../src/stats";

describe("normal distribution", () => {
  it("matches tabulated values", () => {
    // Φ values from Abramowitz & Stegun Table 26.1 / any 16-digit table
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(3.5)).toBeCloseTo(0.9997673709209645, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 10);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 10);
  });
});

describe("Welch t-test", () => {
  it("gives the Welch–Satterthwaite df and t of a hand calculation", () => {
    const x = [1, 2, 3, 4],
      y = [2, 4, 6, 8, 10];
    // x̄ = 2.5, s²x = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3; ȳ = 6, s²y = (16 + 4 + 0 + 4 + 16)/4 = 10
    const vx = 5 / 3 / 4,
      vy = 10 / 5; // s²/n: 5/12 and 2
    const se = Math.sqrt(vx + vy); // sqrt(29/12) = 1.554563
    const df = (vx + vy) ** 2 / (vx ** 2 / 3 + vy ** 2 / 4); // (29/12)² / (25/432 + 1) = 5.520788
    const r = welchTTest(x, y);
    expect(r.difference).toBeCloseTo(-3.5, 12);
    expect(r.se).toBeCloseTo(se, 12);
    expect(r.df).toBeCloseTo(df, 10);
    expect(r.df).toBeCloseTo(5.520788, 5);
    expect(r.t).toBeCloseTo(-3.5 / se, 12);
    expect(r.t).toBeCloseTo(-2.251437, 5);
    expect(r.p).toBeCloseTo(2 * tCdf(-3.5 / se, df), 12);
    const q = tQuantile(0.975, df);
    expect(r.lower).toBeCloseTo(-3.5 - q * se, 10);
    expect(r.upper).toBeCloseTo(-3.5 + q * se, 10);
  });
  it("matches a published example", () => {
    // Data of Example 1 in Wikipedia's "Welch's t-test" article (t = −2.46, p = 0.021 as printed);
    // deterministic numpy with the same formulas: t = −2.455356, df = 24.98853.
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const r = welchTTest(a1, a2);
    expect(r.t).toBeCloseTo(-2.455356, 5);
    expect(r.df).toBeCloseTo(24.98853, 4);
    expect(r.p).toBeCloseTo(0.021, 3);
  });
  it("reduces to Student's pooled t (df = 2n − 2) for equal sizes and variances", () => {
    const x = [1, 3, 5],
      y = [2, 4, 6]; // both s² = 4, n = 3 → df = (8/3)²/(2·(4/3)²/2) = 4
    const r = welchTTest(x, y);
    expect(r.df).toBeCloseTo(4, 12);
    expect(r.t).toBeCloseTo(-1 / Math.sqrt(8 / 3), 12);
  });
  it("rejects samples too small", () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});

describe("paired t-test", () => {
  it("matches the hand calculation", () => {
    // d = (0.1, 0.3, 0.2, 0.4): d̄ = 0.25, s² = (0.0225+0.0025+0.0025+0.0225)/3 = 0.05/3
    const r = pairedTTest([1.1, 2.3, 3.2, 4.4], [1, 2, 3, 4]);
    const sd = Math.sqrt(0.05 / 3);
    expect(r.meanDifference).toBeCloseTo(0.25, 12);
    expect(r.sd).toBeCloseTo(sd, 12);
    expect(r.t).toBeCloseTo(0.25 / (sd / 2), 10);
    expect(r.df).toBe(3);
    expect(r.upper - r.meanDifference).toBeCloseTo((3.182446 * sd) / 2, 5); // t(0.975, 3) = 3.182446
  });
});

describe("Mann–Whitney U", () => {
  it("exact p on a small untied example", () => {
    // pooled order: 1.1x 2.3x 3.2y 4.0x 5.5y 6.1y 7.0y → R_x = 1 + 2 + 4 = 7, U = 7 − 3·4/2 = 1
    // C(7,3) = 35 arrangements; U = 0 and U = 1 one each → P(U ≤ 1) = 2/35, two-sided 4/35
    const r = mannWhitneyTest([1.1, 2.3, 4.0], [3.2, 5.5, 6.1, 7.0]);
    expect(r.u).toBe(1);
    expect(r.method).toBe("exact");
    expect(r.p).toBeCloseTo(4 / 35, 14);
  });
  it("exact null distribution: m = n = 2 has counts 1,1,2,1,1 over 6", () => {
    const pmf = Array.from(mannWhitneyExactPmf(2, 2));
    expect(pmf.map((v) => v * 6)).toEqual([1, 1, 2, 1, 1].map((v) => expect.closeTo(v, 12)));
  });
  it("normal approximation with tie and continuity correction", () => {
    // pooled: 1x 2x 2x 2y 3x 3y 3y 4y 5y → ranks 1, 3,3,3, 6,6,6, 8, 9
    // R_x = 1 + 3 + 3 + 6 = 13, U = 13 − 10 = 3; ties: two groups of 3 → Σ(t³−t) = 48
    // σ² = 4·5/12 · (10 − 48/(9·8)) = 15.5556; z = (3 − 10 + 0.5)/σ
    const r = mannWhitneyTest([1, 2, 2, 3], [2, 3, 3, 4, 5]);
    expect(r.u).toBe(3);
    expect(r.tieSum).toBe(48);
    expect(r.method).toBe("normal");
    const sigma = Math.sqrt((20 / 12) * (10 - 48 / 72));
    expect(r.z).toBeCloseTo(-6.5 / sigma, 12);
    expect(r.p).toBeCloseTo(2 * normalCdf(-6.5 / sigma), 12);
    expect(r.p).toBeCloseTo(0.09934, 4);
  });
});

describe("Hodges–Lehmann shift", () => {
  it("median of pairwise differences and the exact order-statistic interval", () => {
    // x − y differences (12): −5.9 −5.0 −4.7 −4.4 −3.8 −3.2 −3.0 −2.1 −2.1 −1.5 −0.9 0.8
    // median = (−3.2 + −3.0)/2 = −3.1. 95 %: P(U ≤ 0) = 1/35 ≥ 0.025 → k = 1 → [D(1), D(12)],
    // achieved confidence 1 − 2/35.
    const r = hodgesLehmannShift([1.1, 2.3, 4.0], [3.2, 5.5, 6.1, 7.0]);
    expect(r.estimate).toBeCloseTo(-3.1, 12);
    expect(r.lower).toBeCloseTo(-5.9, 12);
    expect(r.upper).toBeCloseTo(0.8, 12);
    expect(r.achievedConfidence).toBeCloseTo(33 / 35, 12);
  });
  it("exact interval with k > 1 (m = n = 6)", () => {
    // For m = n = 6 the lower 2.5 % critical value: P(U ≤ 5) = 0.02056, P(U ≤ 6) = 0.03247 (Mann–Whitney
    // tables, e.g. Hollander & Wolfe Table A.6) → q = 6, interval [D(6), D(31)].
    const pmf = mannWhitneyExactPmf(6, 6);
    let c5 = 0;
    for (let u = 0; u <= 5; u++) c5 += pmf[u];
    expect(c5).toBeCloseTo(19 / 924, 12); // counts 1,1,2,3,5,7 over C(12,6) = 924
    const x = [10, 11, 12, 13, 14, 15],
      y = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5];
    const r = hodgesLehmannShift(x, y);
    // differences x_i − y_j = (i − j) + 9.5 for i, j = 0..5: value 9.5 + k occurs 6 − |k| times
    const d: number[] = [];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) d.push(x[i] - y[j]);
    d.sort((a, b) => a - b);
    expect(r.estimate).toBeCloseTo(9.5, 12);
    expect(r.lower).toBe(d[5]);
    expect(r.upper).toBe(d[30]);
  });
});

describe("OLS", () => {
  it("simple regression by hand", () => {
    // x̄ = 3, ȳ = 4, Sxy = 6, Sxx = 10 → b = 0.6, a = 2.2; SSE = 2.4, σ² = 0.8
    const x = [1, 2, 3, 4, 5],
      y = [2, 4, 5, 4, 5];
    const r = ols(
      x.map((v) => [1, v]),
      y,
    );
    expect(r.coefficients[0]).toBeCloseTo(2.2, 12);
    expect(r.coefficients[1]).toBeCloseTo(0.6, 12);
    expect(r.sigma).toBeCloseTo(Math.sqrt(0.8), 12);
    expect(r.se[1]).toBeCloseTo(Math.sqrt(0.8 / 10), 12);
    expect(r.se[0]).toBeCloseTo(Math.sqrt(0.8 * (1 / 5 + 9 / 10)), 12);
    expect(r.r2).toBeCloseTo(0.6, 12);
    expect(r.df).toBe(3);
  });
  it("refuses a singular design", () => {
    expect(() =>
      ols(
        [
          [1, 1],
          [1, 1],
          [1, 1],
        ],
        [1, 2, 3],
      ),
    ).toThrow(/singular/);
  });
});

describe("lag-1 autocorrelation", () => {
  it("alternating series", () => {
    // mean 0, Σe_t e_{t−1} = −3, Σe² = 4
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75, 12);
  });
});
