import { describe, expect, it } from "vitest";
import { verifyForecasts, type VerifiedForecast } from "../../src/forecast/verify";

function row(
  method: VerifiedForecast["method"],
  date: string,
  lead: number,
  value: number,
  observed: number,
): VerifiedForecast {
  return { origin: "", date, lead, method, value, lower: NaN, upper: NaN, observed };
}

describe("verifyForecasts", () => {
  // two days in January (DJF) and one in April (MAM), lead 1; persistence and mlr
  const rows = [
    row("persistence", "2025-01-02", 1, 50, 60),
    row("persistence", "2025-01-03", 1, 60, 40),
    row("persistence", "2025-04-01", 1, 20, 30),
    row("mlr", "2025-01-02", 1, 55, 60),
    row("mlr", "2025-01-03", 1, 50, 40),
    row("mlr", "2025-04-01", 1, 28, 30),
  ];
  it("scores by method and lead with skill against persistence on the same days", () => {
    const g = verifyForecasts(rows);
    expect(g.map((x) => x.group)).toEqual([
      { method: "mlr", lead: 1 },
      { method: "persistence", lead: 1 },
    ]);
    // mlr errors −5, 10, −2 → MSE (25 + 100 + 4)/3 = 43; persistence −10, 20, −10 → MSE 600/3 = 200
    expect(g[0].RMSE).toBeCloseTo(Math.sqrt(43), 12);
    expect(g[0].skill!.MSESS).toBeCloseTo(1 - 43 / 200, 12);
    // MAE 17/3 vs 40/3
    expect(g[0].skill!.MAESS).toBeCloseTo(1 - 17 / 40, 12);
    expect(g[1].skill!.MSESS).toBe(0);
    // persistence's Taylor statistics: obs 60, 40, 30 (ō = 130/3), forecast 50, 60, 20 (f̄ = 130/3)
    // Σ(o − ō)(f − f̄) = (50/3)(20/3) + (−10/3)(50/3) + (−40/3)(−70/3) = (1000 − 500 + 2800)/9 = 3300/9
    // Σ(o − ō)² = (2500 + 100 + 1600)/9 = 4200/9; Σ(f − f̄)² = (400 + 2500 + 4900)/9 = 7800/9
    expect(g[1].taylor.r).toBeCloseTo(3300 / Math.sqrt(4200 * 7800), 12);
    expect(g[1].taylor.sdRatio).toBeCloseTo(Math.sqrt(7800 / 4200), 12);
  });
  it("by season: openair's order (spring first), skill within each season", () => {
    const g = verifyForecasts(rows, { by: ["method", "season"] });
    expect(g.map((x) => `${x.group.method} ${x.group.season}`)).toEqual([
      "mlr MAM",
      "mlr DJF",
      "persistence MAM",
      "persistence DJF",
    ]);
    // mlr DJF: errors −5, 10 (MSE 62.5) vs persistence −10, 20 (MSE 250)
    expect(g[1].skill!.MSESS).toBeCloseTo(1 - 62.5 / 250, 12);
    // mlr MAM: error −2 vs −10 → 1 − 4/100
    expect(g[0].skill!.MSESS).toBeCloseTo(0.96, 12);
  });
  it("a row without a reference case has no part in the skill; reference null gives no skill", () => {
    const g = verifyForecasts([...rows, row("mlr", "2025-05-01", 1, 10, 10)]);
    expect(g[0].n).toBe(4);
    expect(g[0].skill!.n).toBe(3);
    expect(verifyForecasts(rows, { reference: null })[0].skill).toBeUndefined();
  });
  it("duplicate forecasts and unknown groupings are RangeErrors", () => {
    expect(() => verifyForecasts([...rows, rows[0]])).toThrow(RangeError);
    expect(() => verifyForecasts(rows, { by: ["week" as never] })).toThrow(RangeError);
    expect(() => verifyForecasts(rows, { by: ["lead", "lead"] })).toThrow(RangeError);
  });
});
