import { fixture } from "./fixture";
import { describe, expect, it } from "vitest";
import {
  boxStats,
  contributions,
  gSpace,
  gSpaceAll,
  observedPredicted,
  predictedMatrix,
  profileMatrices,
  profiles,
  residuals,
  scaledResidualTable,
  speciesDiagnosticTable,
} from "../../src/sourceapport/diagnostics";

describe("profiles", () => {
  it("% of species total: 100·F_kj / Σ_k F_kj (G has mean 1)", () => {
    const pm = profileMatrices(fixture());
    // species B: F = 1 (factor 1) and 6 (factor 2) → 100/7 % and 600/7 %
    expect(pm.percentOfSpecies[0 * 3 + 1]).toBeCloseTo(100 / 7, 12);
    expect(pm.percentOfSpecies[1 * 3 + 1]).toBeCloseTo(600 / 7, 12);
    // species A: 2 and 2 → 50 % each; PM: 4 and 10 → 28.57 % and 71.43 %
    expect(pm.percentOfSpecies[0]).toBeCloseTo(50, 12);
    expect(pm.percentOfSpecies[0 * 3 + 2]).toBeCloseTo(400 / 14, 12);
  });

  it("% of factor total excludes the total variable", () => {
    const pm = profileMatrices(fixture());
    // factor 1: A 2, B 1 (PM excluded) → 66.67 %, 33.33 %; factor 2: A 2, B 6 → 25 %, 75 %
    expect(pm.percentOfFactorTotal[0]).toBeCloseTo(200 / 3, 12);
    expect(pm.percentOfFactorTotal[1]).toBeCloseTo(100 / 3, 12);
    expect(pm.percentOfFactorTotal[3]).toBeCloseTo(25, 12);
    expect(pm.percentOfFactorTotal[4]).toBeCloseTo(75, 12);
    expect(pm.percentOfFactorTotal[2]).toBeNaN(); // the total variable's own row
    // % of the total variable: factor 2, B: 6/10 → 60 %
    expect(pm.percentOfTotalVariable![4]).toBeCloseTo(60, 12);
  });

  it("tidy table: one row per factor and species with units", () => {
    const t = profiles(fixture());
    expect(t.numRows).toBe(6);
    expect(t.names).toEqual([
      "factor",
      "species",
      "unit",
      "concentration",
      "percentOfSpecies",
      "percentOfFactorTotal",
      "percentOfTotalVariable",
    ]);
    expect(t.unit("concentration")).toBe("µg/m3");
    expect(t.unit("percentOfSpecies")).toBe("%");
    const rows = t.toObjects();
    const f2b = rows.find((r) => r.factor === "Factor 2" && r.species === "B")!;
    expect(f2b.concentration).toBe(6);
    expect(f2b.percentOfSpecies as number).toBeCloseTo(600 / 7, 12);
    expect(f2b.percentOfFactorTotal as number).toBeCloseTo(75, 12);
  });

  it("% of species weights F by the mean contribution when G is not normalised", () => {
    const r = fixture();
    // factor 2's contributions doubled (mean 2): its share of B becomes 6·2 / (1·1 + 6·2)
    const G = Float64Array.from(r.G, (v, c) => (c % 2 === 1 ? 2 * v : v));
    const pm = profileMatrices({ ...r, G });
    expect(pm.percentOfSpecies[1 * 3 + 1]).toBeCloseTo((100 * 12) / 13, 12);
  });
});

describe("contributions", () => {
  it("normalised columns (unit 1) and mass units G_ik·F_k,total", () => {
    const t = contributions(fixture());
    expect(t.names).toEqual(["sample", "Factor 1", "Factor 2", "Factor 1 [PM]", "Factor 2 [PM]"]);
    expect(t.unit("Factor 1")).toBe("1");
    expect(t.unit("Factor 2 [PM]")).toBe("µg/m3");
    expect(Array.from(t.numbers("Factor 2"))).toEqual([2, 0, 0.5, 1.5]);
    // sample 1, factor 2: 2 × F(2, PM) = 2 × 10 = 20 µg/m3; sample 2, factor 1: 1.5 × 4 = 6
    expect(t.numbers("Factor 2 [PM]")[0]).toBe(20);
    expect(t.numbers("Factor 1 [PM]")[1]).toBe(6);
    // the mass contributions of a sample sum to its predicted total: 0.5·4 + 2·10 = 22
    expect(t.numbers("Factor 1 [PM]")[0] + t.numbers("Factor 2 [PM]")[0]).toBe(22);
  });

  it("a time column with the site's offset when times are known", () => {
    const t = contributions(fixture({ times: true }));
    expect(t.timeColumn).toBe("time");
    expect(t.localTimes()[0]).toBe("2025-01-01T00:00:00+08:00");
  });
});

describe("residuals", () => {
  it("scaled residual of the perturbed cell is (5 − 4)/0.25 = 4, all others 0", () => {
    const res = residuals(fixture());
    expect(res.residual[2 * 3 + 1]).toBe(1);
    expect(res.scaled[2 * 3 + 1]).toBe(4);
    for (let c = 0; c < 12; c++) if (c !== 7) expect(res.scaled[c]).toBe(0);
  });

  it("flags |r/s| > 3: species B, sample 2025-01-03", () => {
    const res = residuals(fixture());
    const b = res.species[1];
    expect(b.flagged).toBe(1);
    expect(b.flaggedSamples).toEqual(["2025-01-03"]);
    expect(b.flaggedIndices).toEqual([2]);
    expect(res.species[0].flagged).toBe(0);
    // a higher threshold flags nothing
    expect(residuals(fixture(), { threshold: 4 }).species[1].flagged).toBe(0);
  });

  it("Q per species and per sample, ratios to Qexp/m and Qexp/n", () => {
    const res = residuals(fixture({ qExpected: 6 }));
    expect(res.species.map((s) => s.q)).toEqual([0, 16, 0]);
    expect(res.species[1].qExpected).toBe(2); // 6 / 3 species
    expect(res.species[1].qRatio).toBe(8); // 16 / 2
    expect(res.samples[2].q).toBe(16);
    expect(res.samples[2].qRatio).toBeCloseTo(16 / 1.5, 12); // Qexp/n = 6/4
  });

  it("ratios are NaN when Qexp ≤ 0 (here n·m − p(n+m) = −2)", () => {
    const res = residuals(fixture());
    expect(res.qExpected).toBe(-2);
    expect(res.species[1].qRatio).toBeNaN();
    expect(res.samples[2].qRatio).toBeNaN();
  });

  it("box statistics (type-7 quantiles) of B's scaled residuals 0, 0, 4, 0", () => {
    const b = residuals(fixture()).species[1].box;
    // sorted 0, 0, 0, 4: q3 at h = 3·0.75 = 2.25 → 0 + 0.25·(4 − 0) = 1
    expect(b).toEqual({ min: 0, q1: 0, median: 0, q3: 1, max: 4 });
    expect(boxStats([1, 2, 3, 4, NaN])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it("scaled-residual and species tables", () => {
    const r = fixture();
    const t = scaledResidualTable(r);
    expect(t.names).toEqual(["sample", "A", "B", "PM"]);
    expect(t.numbers("B")[2]).toBe(4);
    const d = speciesDiagnosticTable(r);
    expect(d.strings("flaggedSamples")).toEqual(["", "2025-01-03", ""]);
    expect(d.numbers("q3")[1]).toBe(1);
    expect(d.strings("category")).toEqual(["strong", "strong", "weak"]);
  });
});

describe("observedPredicted", () => {
  it("predicted = G·F", () => {
    expect(Array.from(predictedMatrix(fixture()))).toEqual([5, 12.5, 22, 3, 1.5, 6, 3, 4, 9, 5, 10, 19]);
  });

  it("r² = 1, slope 1, intercept 0 where predicted equals observed (A, PM)", () => {
    const fit = observedPredicted(fixture());
    for (const j of [0, 2]) {
      expect(fit.species[j].r2).toBeCloseTo(1, 12);
      expect(fit.species[j].slope).toBeCloseTo(1, 12);
      expect(fit.species[j].intercept).toBeCloseTo(0, 12);
    }
  });

  it("B: OLS of observed (12.5, 1.5, 5, 10) on predicted (12.5, 1.5, 4, 10), by hand", () => {
    // means 7 (pred) and 7.25 (obs); Sxy = 75.5, Sxx = 78.5, Syy = 73.25
    const b = observedPredicted(fixture()).species[1];
    expect(b.count).toBe(4);
    expect(b.slope).toBeCloseTo(75.5 / 78.5, 12);
    expect(b.intercept).toBeCloseTo(7.25 - (75.5 / 78.5) * 7, 12);
    expect(b.r2).toBeCloseTo((75.5 * 75.5) / (78.5 * 73.25), 12);
  });

  it("NaN statistics when the prediction is constant", () => {
    const r = fixture();
    const F = Float64Array.from([0, 1, 4, 0, 6, 10]); // A predicted 0 everywhere
    const a = observedPredicted({ ...r, F }).species[0];
    expect(a.slope).toBeNaN();
    expect(a.r2).toBeNaN();
  });
});

describe("gSpace", () => {
  it("pairs (G_ia, G_ib) and their Pearson r, by hand", () => {
    const g = gSpace(fixture(), 0, 1);
    expect(Array.from(g.ga)).toEqual([0.5, 1.5, 1, 1]);
    expect(Array.from(g.gb)).toEqual([2, 0, 0.5, 1.5]);
    // deviations (−.5, .5, 0, 0) and (1, −1, −.5, .5): Sab = −1, Saa = 0.5, Sbb = 2.5
    expect(g.r).toBeCloseTo(-1 / Math.sqrt(0.5 * 2.5), 12);
    expect(g.factorA).toBe("Factor 1");
    expect(gSpaceAll(fixture()).map((p) => [p.a, p.b])).toEqual([[0, 1]]);
    expect(() => gSpace(fixture(), 0, 2)).toThrow(/out of range/);
  });

  it("rejects a result whose matrices do not match its sizes", () => {
    const r = fixture();
    expect(() => profiles({ ...r, F: new Float64Array(5) })).toThrow(/F has 5 values/);
  });
});
