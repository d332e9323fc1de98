import { describe, expect, it } from "vitest";
import { quantileRegression, checkLoss } from "../../src/stats/quantreg";

describe("quantileRegression (Koenker & Bassett 1978; Frisch–Newton and IRLS)", () => {
  it("intercept only: the τ-quantile of 1..10 is the unique minimiser of Σρ_τ", () => {
    // by hand: with n = 10 and τ = 0.25, τn = 2.5 is not an integer, so the minimiser is the
    // ⌈τn⌉ = 3rd order statistic, 3; at τ = 0.75 the 8th, 8
    const y = [4, 1, 9, 2, 10, 3, 8, 5, 7, 6];
    const x = y.map(() => [1]);
    expect(quantileRegression(x, y, 0.25).coefficients[0]).toBeCloseTo(3, 4);
    expect(quantileRegression(x, y, 0.75).coefficients[0]).toBeCloseTo(8, 4);
  });

  it("median regression passes through the exact line despite one outlier", () => {
    // five points on y = 2 + 3x and one wild point: the LAD line is y = 2 + 3x (objective = |outlier residual|)
    const xs = [0, 1, 2, 3, 4, 5];
    const y = xs.map((v) => 2 + 3 * v);
    y[3] = 100;
    const r = quantileRegression(
      xs.map((v) => [1, v]),
      y,
      0.5,
    );
    expect(r.coefficients[0]).toBeCloseTo(2, 3);
    expect(r.coefficients[1]).toBeCloseTo(3, 3);
    expect(r.objective).toBeCloseTo(0.5 * (100 - 11), 2);
  });

  it("IRLS (the other solver) gives the same hand-solved answers", () => {
    const y = [4, 1, 9, 2, 10, 3, 8, 5, 7, 6];
    expect(
      quantileRegression(
        y.map(() => [1]),
        y,
        0.25,
        { method: "irls" },
      ).coefficients[0],
    ).toBeCloseTo(3, 4);
    const xs = [0, 1, 2, 3, 4, 5];
    const z = xs.map((v) => 2 + 3 * v);
    z[3] = 100;
    const r = quantileRegression(
      xs.map((v) => [1, v]),
      z,
      0.5,
      { method: "irls" },
    );
    expect(r.coefficients[1]).toBeCloseTo(3, 3);
  });

  it("Frisch–Newton reaches the LP optimum: no worse than IRLS, and no coefficient nudge lowers Σρ_τ", () => {
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const x = Array.from({ length: 300 }, () => [1, rnd() * 5, rnd() * 2, rnd()]);
    const y = x.map((r) => 1 + r[1] * 0.3 + r[2] * 0.1 + Math.log(rnd()));
    for (const tau of [0.1, 0.5, 0.9]) {
      const fn = quantileRegression(x, y, tau);
      const irls = quantileRegression(x, y, tau, { method: "irls" });
      expect(fn.iterations).toBeLessThan(40);
      expect(fn.objective).toBeLessThanOrEqual(irls.objective + 1e-9);
      // optimality: moving any coefficient by ±1e-4 does not decrease the objective
      const objective = (b: number[]) =>
        x.reduce((acc, r, i) => acc + checkLoss(y[i] - r.reduce((f, v, j) => f + v * b[j], 0), tau), 0);
      expect(objective(fn.coefficients)).toBeCloseTo(fn.objective, 9);
      for (let j = 0; j < 4; j++)
        for (const h of [1e-4, -1e-4]) {
          const b = fn.coefficients.slice();
          b[j] += h;
          expect(objective(b)).toBeGreaterThanOrEqual(fn.objective - 1e-9);
        }
    }
    expect(() => quantileRegression([[1], [1]], [1, 2], 0.5, { method: "simplex" as never })).toThrow(RangeError);
  });

  it("check loss ρ_τ(u) = u(τ − I(u<0))", () => {
    expect(checkLoss(2, 0.1)).toBeCloseTo(0.2, 12);
    expect(checkLoss(-2, 0.1)).toBeCloseTo(1.8, 12);
  });

  it("refuses a bad τ or shapes", () => {
    expect(() => quantileRegression([[1]], [1], 1)).toThrow(RangeError);
    expect(() => quantileRegression([[1], [1]], [1], 0.5)).toThrow(RangeError);
  });
});
