import { describe, expect, it } from "vitest";
import {
  type AnalysisUnit,
  comparePaired,
  compareRegression,
  compareUnpaired,
  defaultEnergyParameters,
} from "../../../src/models/energy";
import { Rng } from "../../../src/random/rng";
import { bootstrapTwoSample } from "../../../src/stats/bootstraptwosample";

const params = defaultEnergyParameters();
let clock = 0;
/** A unit with `e` MJ of thermal energy (no electricity) and `p` kg of production. */
function unit(id: string, group: "old" | "new", e: number, p: number, article = "X"): AnalysisUnit {
  clock += 3600000;
  return {
    id,
    machine: group === "old" ? "OLD-1" : "NEW-1",
    group,
    article,
    fabricClass: "c",
    start: clock,
    end: clock + 3600000,
    runHours: 1,
    idleHours: 0,
    electricityRunKwh: 0,
    electricityIdleKwh: 0,
    thermalRunMJ: e,
    thermalIdleMJ: 0,
    thermalFuelMJ: e,
    thermalFuel: "gas",
    meter: "gas",
    productionKg: p,
    productionM: NaN,
    speed: NaN,
    width: NaN,
    gsm: NaN,
    exhaustTemp: NaN,
    exhaustHumidity: NaN,
    rows: [],
  };
}

describe("unpaired comparison", () => {
  it("ratio of totals, savings and Hodges–Lehmann shift by hand", () => {
    const us = [
      unit("b1", "old", 10, 2),
      unit("b2", "old", 12, 2),
      unit("b3", "old", 9, 3),
      unit("r1", "new", 6, 2),
      unit("r2", "new", 8, 2.5),
      unit("r3", "new", 7, 2),
    ];
    const r = compareUnpaired(us, { basis: "kg", params, replicates: 200, seed: 3 });
    // SEC_base = 31/7, SEC_rep = 21/6.5; ratio = (21/6.5)/(31/7) = 0.729534
    expect(r.secBaseline).toBeCloseTo(31 / 7, 12);
    expect(r.secReporting).toBeCloseTo(21 / 6.5, 12);
    expect(r.ratio.estimate).toBeCloseTo(21 / 6.5 / (31 / 7), 12);
    // savings = SEC_base·ΣP_rep − ΣE_rep = (31/7)·6.5 − 21 = 7.785714
    expect(r.savings.estimate).toBeCloseTo((31 / 7) * 6.5 - 21, 10);
    // per-unit SEC: rep (3, 3.2, 3.5), base (5, 6, 3); differences rep − base sorted:
    // −3 −2.8 −2.5 −2 −1.8 −1.5 0 0.2 0.5 → median −1.8
    expect(r.hodgesLehmann.shift).toBeCloseTo(-1.8, 12);
    expect(r.mannWhitney.method).toBe("normal"); // SEC 3 occurs on both sides: a tie
    expect(r.ratio.lower).toBeLessThanOrEqual(r.ratio.upper);
  });
});

describe("unpaired comparison: the two bootstrap intervals", () => {
  // Issue #15 item 4: ratio and savings share one resampling of reporting and baseline units.
  // The statistics written out here: ratio = (ΣE_rep/ΣP_rep)/(ΣE_base/ΣP_base) with the given seed,
  // savings = (ΣE_base/ΣP_base)·ΣP_rep − ΣE_rep with seed + 1; reporting units are the first sample.
  it("ratio (seed 3) and savings (seed 4) intervals from the reporting-first resampling of totals", () => {
    const base = [
      [10, 2],
      [12, 2],
      [9, 3],
    ];
    const rep = [
      [6, 2],
      [8, 2.5],
      [7, 2],
    ];
    const us = [
      ...base.map(([e, p], i) => unit(`b${i}`, "old", e, p)),
      ...rep.map(([e, p], i) => unit(`r${i}`, "new", e, p)),
    ];
    const r = compareUnpaired(us, { basis: "kg", params, replicates: 200, seed: 3 });
    const sum = (xs: number[][], idx: Int32Array, k: number) => Array.from(idx).reduce((a, i) => a + xs[i][k], 0);
    const opts = { replicates: 200, confidence: 0.95 };
    const ratio = bootstrapTwoSample(
      3,
      3,
      (ir, ib) => sum(rep, ir, 0) / sum(rep, ir, 1) / (sum(base, ib, 0) / sum(base, ib, 1)),
      { ...opts, seed: 3 },
    );
    const sav = bootstrapTwoSample(
      3,
      3,
      (ir, ib) => (sum(base, ib, 0) / sum(base, ib, 1)) * sum(rep, ir, 1) - sum(rep, ir, 0),
      { ...opts, seed: 4 },
    );
    expect([r.ratio.lower, r.ratio.upper]).toEqual([ratio.lower, ratio.upper]);
    expect([r.savings.lower, r.savings.upper]).toEqual([sav.lower, sav.upper]);
    expect(ratio.lower).toBeLessThan(ratio.upper);
  });
});

describe("paired comparison by article", () => {
  it("ratio = geometric mean of the per-article ratios", () => {
    // articles X, Y, Z: SEC old 5, 4, 6; new 4, 3.5, 4.5 → ratios 0.8, 0.875, 0.75; geometric mean (0.525)^(1/3)
    const us = [
      unit("1", "old", 50, 10, "X"),
      unit("2", "old", 40, 10, "Y"),
      unit("3", "old", 60, 10, "Z"),
      unit("4", "new", 40, 10, "X"),
      unit("5", "new", 35, 10, "Y"),
      unit("6", "new", 45, 10, "Z"),
      unit("7", "new", 45, 10, "W"),
    ];
    const r = comparePaired(us, { basis: "kg", params });
    expect(r.pairs).toHaveLength(3);
    expect(r.unpaired).toEqual(["W"]);
    expect(r.ratio.estimate).toBeCloseTo(Math.cbrt(0.525), 12);
    expect(r.df).toBe(2);
    // interval exp(mean ± t(0.975, 2)·s/√3), t = 4.302653
    const d = [Math.log(0.8), Math.log(0.875), Math.log(0.75)];
    const m = d.reduce((s, x) => s + x, 0) / 3;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / 2);
    expect(r.ratio.upper).toBeCloseTo(Math.exp(m + (4.302653 * sd) / Math.sqrt(3)), 5);
    // a shift that ran several articles is left out of the pairing, and counted
    const withMixed = comparePaired([...us, unit("8", "old", 99, 10, "(mixed)")], { basis: "kg", params });
    expect(withMixed.mixedUnitsExcluded).toBe(1);
    expect(withMixed.ratio.estimate).toBeCloseTo(Math.cbrt(0.525), 12);
  });
});

describe("regression with production as covariate", () => {
  it("recovers exact lines and the savings Σ(ŷ_base − E) by hand", () => {
    // baseline E = 100 + 5P, reporting E = 80 + 4P; reporting P = 10, 20, 30
    // savings = Σ(100 + 5P − 80 − 4P) = Σ(20 + P) = 60 + 60 = 120
    const us = [
      ...[5, 15, 25, 35].map((p, i) => unit(`b${i}`, "old", 100 + 5 * p, p)),
      ...[10, 20, 30].map((p, i) => unit(`r${i}`, "new", 80 + 4 * p, p)),
    ];
    const r = compareRegression(us, { basis: "kg", params });
    expect(r.coefficients.b0).toBeCloseTo(100, 8);
    expect(r.coefficients.b1).toBeCloseTo(5, 8);
    expect(r.coefficients.b2).toBeCloseTo(-20, 8);
    expect(r.coefficients.b3).toBeCloseTo(-1, 8);
    expect(r.savings.estimate).toBeCloseTo(120, 8);
    expect(r.baseline.savings).toBeCloseTo(120, 8);
    // adjusted baseline Σ(100 + 5P) = 300 + 300 = 600 → fraction 0.2
    expect(r.baseline.fraction).toBeCloseTo(0.2, 10);
  });
  it("savings interval covers the true savings in a seeded simulation", () => {
    // E = 200 + 5P + N(0, 40²) baseline; reporting E = 200 + 4P + N(0, 40²); true savings Σ P_rep
    const rng = new Rng(77);
    let cover = 0;
    const sims = 200;
    for (let s = 0; s < sims; s++) {
      const us: AnalysisUnit[] = [];
      let trueSav = 0;
      for (let i = 0; i < 30; i++) {
        const p = 100 + 400 * rng.uniform();
        us.push(unit(`b${i}`, "old", 200 + 5 * p + 40 * rng.normal(), p));
      }
      for (let i = 0; i < 30; i++) {
        const p = 100 + 400 * rng.uniform();
        trueSav += p;
        us.push(unit(`r${i}`, "new", 200 + 4 * p + 40 * rng.normal(), p));
      }
      const r = compareRegression(us, { basis: "kg", params });
      if (r.savings.lower <= trueSav && trueSav <= r.savings.upper) cover++;
    }
    // nominal 95 %; Monte Carlo SE 1.5 % at 200 simulations
    expect(cover / sims).toBeGreaterThan(0.9);
    expect(cover / sims).toBeLessThanOrEqual(0.99);
  });
});
