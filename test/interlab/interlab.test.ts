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

describe("censored results (<DL) are not measurements (issue #16 item 8)", () => {
  // ISO 13528:2015/2022 §5.5.3 "Reporting of 'less than' or 'greater than' a limit (censored
  // data)" (clause title from the table of contents; its body was not available). The rule as
  // stated in the most primary accessible text: "Most proficiency testing (PT) providers do not calculate the performance of
  // participants that report results that are below the limit of quantification, so-called
  // truncated results ("< results"). ... DUCARES leaves out truncated results from the statistical
  // evaluation." (Introduction of z-score arrow ranges (ZSAR) in proficiency testing, Accred. Qual.
  // Assur. 2015, doi:10.1007/s00769-015-1160-1)
  const A = "sample,Ti (ng/m3)\ns1,<0.5\ns2,<0.5\ns3,<0.5\ns4,1\ns5,2\ns6,3\ns7,4\ns8,5\ns9,6\n";
  const B = "sample,Ti (ng/m3)\ns1,<0.4\ns2,0.8\ns3,0.3\ns4,<0.8\ns5,2.2\ns6,3.3\ns7,4.4\ns8,5.5\ns9,6.6\n";
  const p = pairLabResults(src("a.csv", A), src("b.csv", B));
  const s = compareLabs(p).species[0];

  it("the reader marks each censored cell with its limit", () => {
    expect(Array.from(p.censored[0].Ti)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(p.censored[1].Ti)).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(p.detectionLimit[0].Ti[0]).toBe(0.5);
    expect(p.detectionLimit[1].Ti[3]).toBe(0.8);
    expect(Number.isNaN(p.detectionLimit[1].Ti[1])).toBe(true);
  });

  it("statistics use only the 5 uncensored pairs (b = 1.1 a), worked by hand", () => {
    expect(s.n).toBe(5);
    expect(s.excluded).toBe(4);
    // a = 2..6: mean 4; b = 1.1a: mean 4.4; d = 0.1a: mean 0.4
    expect(s.meanA).toBeCloseTo(4, 12);
    expect(s.meanB).toBeCloseTo(4.4, 12);
    expect(s.blandAltman!.bias).toBeCloseTo(0.4, 12);
    // every pairwise slope is 1.1 → PB slope 1.1, intercept 0
    expect(s.passingBablok!.slope).toBeCloseTo(1.1, 12);
    expect(s.passingBablok!.intercept).toBeCloseTo(0, 12);
    // relative difference 200·0.1a/(2.1a) = 9.5238 % in every pair
    expect(s.meanRelativeDifferencePct).toBeCloseTo(20 / 2.1, 10);
  });

  it("no z or En for a censored result; each censored pair is reported with its case", () => {
    // z for lab B against lab A, σpt = 0.1·X: (1.1a − a)/(0.1a) = 1 for the 5 uncensored pairs only.
    // As DL/2, s4 would have scored (0.4 − 1)/0.1 = −6 (unsatisfactory) and s1 (0.2 − 0.25)/0.025 = −2.
    expect(s.scores.map((x) => x.sample)).toEqual(["s5", "s6", "s7", "s8", "s9"]);
    expect(s.scores.every((x) => Math.abs(x.z - 1) < 1e-9)).toBe(true);
    expect(s.censored.map((c) => [c.sample, c.case])).toEqual([
      ["s1", "both-censored"],
      ["s2", "a-censored-b-above-dl"], // B 0.8 > A's DL 0.5: the labs contradict each other
      ["s3", "a-censored-b-below-dl"], // B 0.3 ≤ 0.5: consistent
      ["s4", "b-censored-a-above-dl"], // A 1 > B's DL 0.8
    ]);
    expect(s.censoredSummary).toEqual({
      "both-censored": 1,
      "a-censored-b-above-dl": 1,
      "a-censored-b-below-dl": 1,
      "b-censored-a-above-dl": 1,
    });
    // s4: B "<0.8" against X = 1, σpt = 0.1: z could be anywhere in [(0 − 1)/0.1, (0.8 − 1)/0.1] = [−10, −2]
    const s4 = s.censored[3];
    expect(s4.zRange!.lab).toBe("B");
    expect(s4.zRange!.range[0]).toBeCloseTo(-10, 12);
    expect(s4.zRange!.range[1]).toBeCloseTo(-2, 12);
    expect(s4.a).toBe(1);
    expect(Number.isNaN(s4.b)).toBe(true);
    // lab A is the reference: a censored A result gives no assigned value and no z range
    expect(s.censored[1].zRange).toBeUndefined();
    expect(s.reasons.join(" ")).toMatch(/4 pair\(s\) with a result below detection left out/);
  });
});

describe("censored results without a limit (ND) and missing partners", () => {
  it("ND has no limit: the other lab's value cannot be placed; a censored result beside a missing one", () => {
    const a = "sample,V (ng/m3)\ns1,ND\ns2,<0.2\ns3,1\ns4,2\ns5,3\ns6,4\ns7,5\n";
    const b = "sample,V (ng/m3)\ns1,0.7\ns2,\ns3,1\ns4,2\ns5,3\ns6,4\ns7,5\n";
    const s = compareLabs(pairLabResults(src("a.csv", a), src("b.csv", b))).species[0];
    expect(s.censored.map((c) => [c.sample, c.case])).toEqual([
      ["s1", "a-censored-limit-unknown"],
      ["s2", "a-censored-b-missing"],
    ]);
    expect(s.censored[0].aLimit).toBeNaN();
    expect(s.censored[1].aLimit).toBe(0.2);
    expect(s.n).toBe(5);
    expect(s.scores).toHaveLength(5);
  });
});

describe("censored results in the simulated campaign (issue #16 item 8)", () => {
  it("Ti, V, Ni: every pair with a '<' cell is reported apart and none is scored", () => {
    const p = readLabPair(join(DATA, "filter-campaign-lab-a.csv"), join(DATA, "filter-campaign-lab-b.csv"));
    const r = compareLabs(p);
    // independent count from the raw text: cells starting with "<", by sample id, per lab
    const raw = (f: string) => {
      const lines = readFileSync(join(DATA, f), "utf8").trim().split(/\r?\n/);
      const head = lines[0].split(",");
      return { head, rows: new Map(lines.slice(1).map((l) => [l.split(",")[0], l.split(",")] as const)) };
    };
    const A = raw("filter-campaign-lab-a.csv"),
      B = raw("filter-campaign-lab-b.csv");
    for (const sp of ["Ti", "V", "Ni"]) {
      const ja = A.head.findIndex((h) => h.startsWith(`${sp} (`)),
        jb = B.head.findIndex((h) => h.startsWith(`${sp} (`));
      let both = 0,
        one = 0;
      const censoredIds = new Set<string>();
      for (const [id, fa] of A.rows) {
        const ca = fa[ja].startsWith("<"),
          cb = B.rows.get(id)![jb].startsWith("<");
        if (ca && cb) both++;
        else if (ca || cb) one++;
        if (ca || cb) censoredIds.add(id);
      }
      const s = r.species.find((x) => x.species === sp)!;
      expect(s.censored.length, sp).toBe(both + one);
      expect(s.censoredSummary["both-censored"] ?? 0, sp).toBe(both);
      expect(both + one, sp).toBeGreaterThan(0);
      expect(
        s.scores.filter((x) => censoredIds.has(x.sample)),
        sp,
      ).toEqual([]);
      // before this change V (KWS-20250125, z = −5.2) and Ni (KWS-20250121, KWS-20250216) scored
      // "unsatisfactory" from DL/2 substitutes of "<" results; no uncensored pair is unsatisfactory
      expect(
        s.scores.filter((x) => x.zClass === "unsatisfactory"),
        sp,
      ).toEqual([]);
    }
  });
});

describe("a verdict is never 'agree' without a defined regression or beyond the tolerance (issue #20)", () => {
  const mk = (v: number[]) => "sample,OC (µg/m3)\n" + v.map((x, i) => `s${i},${x}`).join("\n") + "\n";
  it("constant series: regression undefined → insufficient, not agree", () => {
    const s = compareLabs(pairLabResults(src("a.csv", mk([5, 5, 5, 5, 5, 5])), src("b.csv", mk([5, 5, 5, 5, 5, 5]))))
      .species[0];
    expect(s.passingBablok).toBeNull();
    expect(s.deming).toBeNull();
    expect(s.verdict).toBe("insufficient");
    expect(s.reasons.join(" ")).toMatch(/regression is undefined/);
  });
  it("every CI test passes but |mean relative difference| > tolerance → disagree", () => {
    const a = [0.1, 1, 2, 3, 4, 5],
      b = [0.3, 0.8, 2.3, 2.8, 4.2, 4.9];
    const s = compareLabs(pairLabResults(src("a.csv", mk(a)), src("b.csv", mk(b)))).species[0];
    // by hand: 200(b − a)/(a + b) = 100, −22.22, 13.95, −6.90, 4.88, −2.02 → mean 14.62 %
    const byHand = (100 - 400 / 18 + 60 / 4.3 - 40 / 5.8 + 40 / 8.2 - 20 / 9.9) / 6;
    expect(s.meanRelativeDifferencePct).toBeCloseTo(byHand, 10);
    expect(byHand).toBeCloseTo(14.615, 3);
    // the CI tests all pass on these data
    const pb = s.passingBablok!;
    expect(pb.slopeCI[0] <= 1 && pb.slopeCI[1] >= 1).toBe(true);
    expect(pb.interceptCI[0] <= 0 && pb.interceptCI[1] >= 0).toBe(true);
    expect(s.blandAltman!.biasCI[0] <= 0 && s.blandAltman!.biasCI[1] >= 0).toBe(true);
    expect(s.verdict).toBe("disagree");
  });
});
