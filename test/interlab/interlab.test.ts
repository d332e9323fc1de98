import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSampleTable } from "../../src/qa/read";
import { pairLabResults, readLabPair } from "../../src/interlab/read";
import { compareLabs } from "../../src/interlab/compare";
import { classifyEn, classifyZ, enNumber, zScore } from "../../src/interlab/proficiency";
import { AozoraInputError } from "../../src/io/errors";
import type { FilterCampaignTruth } from "../../src/simulate/filtercampaign";

const src = (name: string, text: string) => readSampleTable({ name, text });
const DATA = join(__dirname, "..", "..", "data");

describe("z and En (ISO 13528:2022 §9.4, §9.7)", () => {
  it("by hand", () => {
    // z = (10.5 − 10)/0.5 = 1; En = (10.5 − 10)/sqrt(0.3² + 0.4²) = 0.5/0.5 = 1
    expect(zScore(10.5, 10, 0.5)).toBe(1);
    expect(enNumber(10.5, 0.3, 10, 0.4)).toBeCloseTo(1, 12);
    expect(zScore(8.5, 10, 0.5)).toBe(-3);
    expect(classifyZ(2)).toBe("satisfactory");
    expect(classifyZ(-2.5)).toBe("questionable");
    expect(classifyZ(3)).toBe("unsatisfactory");
    expect(classifyEn(1)).toBe("satisfactory");
    expect(classifyEn(-1.01)).toBe("unsatisfactory");
    expect(() => zScore(1, 1, 0)).toThrow(RangeError);
  });
});

describe("pairing two labs' results", () => {
  const A = "sample,OC (µg/m3),EC (µg/m3)\ns1,1,0.5\ns2,2,0.6\ns3,3,0.7\n";
  it("pairs by id in lab A's order, species in both", () => {
    const p = pairLabResults(
      src("a.csv", A),
      src("b.csv", "sample,EC (µg/m3),OC (µg/m3),Al (ng/m3)\ns3,0.8,3.3,1\ns1,0.4,1.1,2\ns2,0.6,2.2,3\n"),
    );
    expect(p.ids).toEqual(["s1", "s2", "s3"]);
    expect(p.species).toEqual(["OC", "EC"]);
    expect(Array.from(p.b.OC)).toEqual([1.1, 2.2, 3.3]);
    expect(p.onlyB).toEqual(["Al"]);
  });
  it("mismatched ids: error naming file, row and column; or set aside on request", () => {
    const b = src("b.csv", "sample,OC (µg/m3),EC (µg/m3)\ns1,1,0.5\ns2,2,0.6\ns4,3,0.7\n");
    let err: AozoraInputError | undefined;
    try {
      pairLabResults(src("a.csv", A), b);
    } catch (e) {
      err = e as AozoraInputError;
    }
    expect(err).toBeInstanceOf(AozoraInputError);
    expect(err!.file).toBe("a.csv");
    expect(err!.row).toBe(4);
    expect(err!.column).toBe("sample");
    expect(err!.found).toBe("s3");
    const p = pairLabResults(src("a.csv", A), b, { unmatched: "drop" });
    expect(p.ids).toEqual(["s1", "s2"]);
    expect(p.unmatched).toEqual([
      { lab: "A", row: 4, sample: "s3" },
      { lab: "B", row: 4, sample: "s4" },
    ]);
  });
  it("different units per lab: error naming the column and both units", () => {
    const b = src("b.csv", "sample,OC (ng/m3),EC (µg/m3)\ns1,1000,0.5\ns2,2000,0.6\ns3,3000,0.7\n");
    expect(() => pairLabResults(src("a.csv", A), b)).toThrow(
      /b\.csv, row 1, column "OC \(ng\/m3\)".*µg\/m3.*found "ng\/m3"/,
    );
  });
  it("duplicate ids in one lab's file", () => {
    expect(() => src("b.csv", "sample,OC (µg/m3)\ns1,1\ns1,2\n")).toThrow(
      /b\.csv, row 3, column "sample".*unique sample id/,
    );
  });
});

describe("compareLabs", () => {
  it("a proportional difference by hand: b = 2a", () => {
    // a = 1..6, b = 2a: d = a → bias 3.5; every pairwise slope 2 → PB slope 2, intercept 0;
    // relative difference 200·a/(3a) = 66.7 % for every pair → disagree
    const a = "sample,OC (µg/m3)\n" + [1, 2, 3, 4, 5, 6].map((v) => `s${v},${v}`).join("\n") + "\n";
    const b = "sample,OC (µg/m3)\n" + [1, 2, 3, 4, 5, 6].map((v) => `s${v},${2 * v}`).join("\n") + "\n";
    const r = compareLabs(pairLabResults(src("a.csv", a), src("b.csv", b)));
    const s = r.species[0];
    expect(s.blandAltman!.bias).toBeCloseTo(3.5, 12);
    expect(s.passingBablok!.slope).toBe(2);
    expect(s.passingBablok!.intercept).toBe(0);
    expect(s.deming!.slope).toBeCloseTo(2, 10);
    expect(s.medianRatio).toBe(2);
    expect(s.meanRelativeDifferencePct).toBeCloseTo(200 / 3, 10);
    expect(s.verdict).toBe("disagree");
    // z for lab B against lab A with σpt = 10 % of X: (2a − a)/(0.1a) = 10
    expect(s.scores.every((x) => Math.abs(x.z - 10) < 1e-9)).toBe(true);
    // En = a/sqrt((0.1·2a)² + (0.1·a)²) = 1/sqrt(0.05) = 4.472
    expect(s.scores[0].en).toBeCloseTo(1 / Math.sqrt(0.05), 9);
    expect(r.criterion).toMatch(/agree: .*bias: .*disagree: /);
  });

  it("simulated campaign: finds lab B's known OC and NO3 biases", () => {
    const truth = JSON.parse(readFileSync(join(DATA, "filter-campaign.truth.json"), "utf8")) as FilterCampaignTruth;
    const p = readLabPair(join(DATA, "filter-campaign-lab-a.csv"), join(DATA, "filter-campaign-lab-b.csv"));
    expect(p.ids).toHaveLength(120);
    const r = compareLabs(p);
    const by = Object.fromEntries(r.species.map((s) => [s.species, s]));
    expect(Object.keys(truth.labBBias).sort()).toEqual(["NO3", "OC"]);
    for (const [sp, f] of Object.entries(truth.labBBias)) {
      const name = sp === "NO3" ? "NO3 -" : sp;
      const s = by[name];
      expect(s.verdict, sp).toBe("disagree");
      expect(s.passingBablok!.slopeCI[0]).toBeLessThan(f);
      expect(s.passingBablok!.slopeCI[1]).toBeGreaterThan(f);
      expect(s.geometricMeanRatio).toBeCloseTo(f, 1);
    }
    // species without bias: mostly "agree" (each test has a 5 % false-alarm rate), never "disagree"
    const others = r.species.filter((s) => !["OC", "NO3 -"].includes(s.species));
    expect(others.filter((s) => s.verdict === "disagree")).toEqual([]);
    expect(others.filter((s) => s.verdict === "agree").length).toBeGreaterThanOrEqual(others.length - 4);
  });
});
