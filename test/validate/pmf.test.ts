import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync } from "../../src/sourceapport/solver";
import { sharedPath } from "./shared";

function input(name: string) {
  const d = readEpaPmf(
    sharedPath("data", "epa-pmf", `Dataset-${name}-con.csv`),
    sharedPath("data", "epa-pmf", `Dataset-${name}-unc.csv`),
    { unit: "µg/m3", utcOffset: "-06:00" },
  );
  // every species strong, data exactly as given (the setting for comparisons with other solvers)
  return preparePmfInput({ x: d.x, s: d.s, n: d.n, m: d.m, species: d.species, units: "µg/m3", samples: d.samples });
}

// CONVENTIONS.md §1: the lowest Q(true) of 20 multiplicative-update runs (fixed weights, float32,
// column-mean random starts): Baton Rouge k = 6: 64,137; St. Louis k = 6: 6,553.
describe("PMF base runs reach the independent reference Q (CONVENTIONS §1)", () => {
  it("Baton Rouge k = 6, 20 runs, seed 1, not robust: best Q(true) ≤ 64,137", () => {
    const r = runPmfSync(input("BatonRouge"), { factors: 6, runs: 20, seed: 1 });
    expect(r.qExpected).toBe(307 * 41 - 6 * (307 + 41));
    const best = r.runs[r.bestIndex];
    expect(best.qTrue).toBeLessThanOrEqual(64137);
    expect(r.runs.filter((x) => x.converged)).toHaveLength(20);
  });
  it("St. Louis k = 6, 20 runs, seed 1, not robust: best Q(true) ≤ 6,553", () => {
    const r = runPmfSync(input("StLouis"), { factors: 6, runs: 20, seed: 1 });
    expect(r.runs[r.bestIndex].qTrue).toBeLessThanOrEqual(6553);
    expect(r.runs.filter((x) => x.converged)).toHaveLength(20);
  });
});
