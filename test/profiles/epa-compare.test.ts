import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/figures/render";
import { compareWithEpaPmf, epaComparisonSpec } from "../../src/profiles/epa-compare";
import { epaContributionsCsv, epaProfilesCsv } from "../../src/sourceapport/export";
import { readEpaPmfResults } from "../../src/sourceapport/read-epapmf-results";
import { fixture } from "../sourceapport/fixture";
import { CONTRIBUTIONS_TXT, DIAGNOSTICS_CSV, PROFILES_TXT } from "../sourceapport/epapmf-results-fixture";

/*
 * aozora (test/sourceapport/fixture.ts): Factor 1 = A 2, B 1, PM 4; Factor 2 = A 2, B 6, PM 10;
 * G columns (mean 1) Factor 1 = 0.5, 1.5, 1, 1 and Factor 2 = 2, 0, 0.5, 1.5 on 2025-01-01…04;
 * best run Q(robust) = Q(true) = 16.
 * EPA (epapmf-results-fixture.ts): Factor 1 = A 2, B 5, PM 10 (Fe 0.3); Factor 2 = A 2, B 1, PM 4.
 * Profile r over A, B, PM, by hand:
 *   aozora F1 [2,1,4] · EPA F2 [2,1,4]: r = 1
 *   aozora F2 [2,6,10] · EPA F1 [2,5,10]: deviations (−4,0,4) and (−11/3,−2/3,13/3):
 *     Sxy = 32, Sxx = 32, Syy = 98/3 → r = 32/√(32·98/3) = 4√3/7 = 0.98974
 *   aozora F1 · EPA F1: Sxy = 28/3, Sxx = 14/3, Syy = 98/3 → r = 28/√1372 = 0.75593
 *   aozora F2 · EPA F2: Sxy = 8, Sxx = 32, Syy = 14/3 → r = 8/√(448/3) = 0.65465
 * so the swap (Σr = 1.98974) beats the identity (Σr = 1.41058).
 * Contribution r (by date): aozora F2 [2,0,0.5,1.5] · EPA F1 [2,0.5,0.5,1]: deviations
 *   (1,−1,−0.5,0.5) and (1,−0.5,−0.5,0): Sxy = 1.75, Sxx = 2.5, Syy = 1.5 → r = 1.75/√3.75 = 0.90370;
 *   aozora F1 [0.5,1.5,1,1] · EPA F2 [0.5,1.5,1,1]: r = 1.
 * % of species sum (aozora, ḡ = 1): F1 A 50, B 100/7 = 14.2857, PM 400/14 = 28.5714;
 *   F2 A 50, B 600/7 = 85.7143, PM 1000/14 = 71.4286. EPA's block: 83.333/16.667, 71.429/28.571.
 */
const epa = readEpaPmfResults([
  { name: "run_profiles.txt", text: PROFILES_TXT },
  { name: "run_contributions.txt", text: CONTRIBUTIONS_TXT },
  { name: "run_diagnostics.csv", text: DIAGNOSTICS_CSV },
]);

describe("compareWithEpaPmf", () => {
  const cmp = compareWithEpaPmf(fixture(), epa);

  it("matches factors by the assignment that maximises Σ profile r (here the swap)", () => {
    expect(cmp.factors.map((f) => [f.aozora, f.epa])).toEqual([
      ["Factor 1", "Factor 2"],
      ["Factor 2", "Factor 1"],
    ]);
    expect(cmp.factors[0].profileR).toBeCloseTo(1, 12);
    expect(cmp.factors[1].profileR).toBeCloseTo((4 * Math.sqrt(3)) / 7, 12);
    expect(cmp.sumProfileR).toBeCloseTo(1 + (4 * Math.sqrt(3)) / 7, 12);
    expect(cmp.species).toEqual({ shared: ["A", "B", "PM"], aozoraOnly: [], epaOnly: ["Fe"] });
    expect(cmp.unmatched).toEqual({ aozora: [], epa: [] });
  });

  it("pairs samples by their labels (EPA's rows are in another order) for the contribution r", () => {
    expect(cmp.samples).toEqual({ by: "label", paired: 4 });
    expect(cmp.factors[0].contributionR).toBeCloseTo(1, 12);
    expect(cmp.factors[1].contributionR).toBeCloseTo(1.75 / Math.sqrt(3.75), 12);
  });

  it("gives each species' share difference in percentage points (aozora − EPA)", () => {
    const f2 = cmp.factors[1];
    expect(cmp.epaShareSource).toBe("percent-of-species-sum");
    expect(f2.shareAozora[1]).toBeCloseTo(600 / 7, 10);
    expect(f2.shareDifference[0]).toBeCloseTo(0, 10);
    expect(f2.shareDifference[1]).toBeCloseTo(600 / 7 - 83.333, 10);
    expect(f2.shareDifference[2]).toBeCloseTo(1000 / 14 - 71.429, 10);
    expect(f2.maxShareDifference.species).toBe("B");
    expect(cmp.factors[0].shareDifference[1]).toBeCloseTo(100 / 7 - 16.667, 10);
  });

  it("computes EPA's shares from its conc. profiles when the % block is absent (ḡ = 1)", () => {
    const noPct = readEpaPmfResults([
      { name: "p.txt", text: PROFILES_TXT.split("\r\n").slice(0, 8).join("\r\n") },
      { name: "c.txt", text: CONTRIBUTIONS_TXT },
    ]);
    const c = compareWithEpaPmf(fixture(), noPct);
    expect(c.epaShareSource).toBe("computed");
    // EPA B: 5/(5+1) = 83.333…%
    expect(c.factors[1].shareDifference[1]).toBeCloseTo(600 / 7 - 500 / 6, 10);
  });

  it("compares Q of aozora's best run with EPA's base run #3", () => {
    expect(cmp.q).toEqual({
      aozoraRobust: 16,
      aozoraTrue: 16,
      epaRun: 3,
      epaRobust: 16.5,
      epaTrue: 17.25,
      ratioRobust: 16 / 16.5,
      ratioTrue: 16 / 17.25,
    });
  });

  it("pairs by position on request, and refuses pairings that cannot work", () => {
    const byPos = compareWithEpaPmf(fixture(), epa, { samples: "position" });
    expect(byPos.samples.by).toBe("position");
    // aozora F1 [0.5,1.5,1,1] against EPA F2 in file order [1.5,0.5,1,1]: deviations (−0.5,0.5,0,0)·(0.5,−0.5,0,0) → r = −1
    expect(byPos.factors[0].contributionR).toBeCloseTo(-1, 12);
    const other = fixture();
    other.input.samples = ["a", "b", "c", "d"];
    expect(() => compareWithEpaPmf(other, epa, { samples: "label" })).toThrow(RangeError);
    expect(() => compareWithEpaPmf(fixture(), { ...epa, profiles: {} })).toThrow(/conc\. of species/);
  });

  it("leaves the extra factor of the larger solution unmatched", () => {
    const one = {
      ...epa,
      profiles: {
        concentration: {
          ...epa.profiles.concentration!,
          factors: ["Factor 2"],
          values: Float64Array.from([2, 1, 4, 0.1]),
        },
      },
    };
    const c = compareWithEpaPmf(fixture(), one);
    expect(c.factors.map((f) => [f.aozora, f.epa])).toEqual([["Factor 1", "Factor 2"]]);
    expect(c.unmatched).toEqual({ aozora: ["Factor 2"], epa: [] });
  });
});

describe("epaComparisonSpec", () => {
  it("one panel per matched pair, aozora and EPA bars side by side, labels in en/ja/zh; renders", async () => {
    const cmp = compareWithEpaPmf(fixture(), epa);
    for (const [lang, yTitle] of [
      ["en", "% of species total"],
      ["ja", "成分総量に対する割合 (%)"],
      ["zh", "占组分总量的百分比 (%)"],
    ] as const) {
      const spec = epaComparisonSpec(cmp, { lang }) as unknown as {
        vconcat: {
          title: string;
          data: { values: { species: string; program: string; share: number }[] };
          encoding: { y: { title: string } };
        }[];
      };
      expect(spec.vconcat).toHaveLength(2);
      expect(spec.vconcat[1].title).toBe("Factor 2 ↔ EPA PMF Factor 1 (r = 0.990)");
      expect(spec.vconcat[0].encoding.y.title).toBe(yTitle);
      const b = spec.vconcat[1].data.values.filter((v) => v.species === "B");
      expect(b.map((v) => v.program)).toEqual(["aozora", "EPA PMF 5.0"]);
      expect(b[1].share).toBe(83.333);
      if (lang === "ja") expect(await renderSvg(spec as never)).toContain("成分");
    }
  });
});

describe("compareWithEpaPmf on aozora's own EPA-layout export (with a total variable)", () => {
  it("reads all four profile blocks (the total's empty % of factor total row stays a species row) and matches each factor with itself", () => {
    const res = fixture();
    const own = readEpaPmfResults([
      { name: "pmf_profiles.csv", text: epaProfilesCsv(res) },
      { name: "pmf_contributions.csv", text: epaContributionsCsv(res) },
    ]);
    // % of factor total excludes the total variable PM: its row is written with empty cells
    expect(own.profiles.percentOfFactorTotal!.species).toEqual(["A", "B", "PM"]);
    expect(own.profiles.percentOfFactorTotal!.values[2]).toBeNaN();
    // Factor 1 of the fixture: A 2, B 1 → 200/3 %, 100/3 % of the factor total (PM excluded)
    expect(own.profiles.percentOfFactorTotal!.values[0]).toBeCloseTo(200 / 3, 12);
    expect(own.profiles.percentOfTotalVariable!.values[0]).toBeCloseTo(50, 12); // A 2 of PM 4
    expect(own.skipped).toEqual([]);
    const c = compareWithEpaPmf(res, own);
    expect(c.factors.map((f) => [f.aozora, f.epa, f.profileR, f.contributionR])).toEqual([
      ["Factor 1", "Factor 1", 1, 1],
      ["Factor 2", "Factor 2", 1, 1],
    ]);
    for (const f of c.factors) for (const d of f.shareDifference) expect(Math.abs(d)).toBeLessThan(1e-12);
  });
});
