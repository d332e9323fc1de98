import { describe, expect, it } from "vitest";
import { vocReactivity, type VocColumnInput } from "../../../src/models/voc/reactivity";
import { moleculesPerPpb, ugm3ToMolecules, vocToPpb, vocToUgm3 } from "../../../src/models/voc/convert";
import { STP_273, STP_298 } from "../../../src/table/gas";

const col = (
  id: string,
  values: number[],
  unit: VocColumnInput["unit"] = "ppb",
  kind: "species" | "pair" = "species",
): VocColumnInput => ({ header: id, match: { kind, id }, unit, values });

// Hand calculations (CONVENTIONS §4). Vm(298.15 K, 101.325 kPa) = 22.414 × 298.15/273.15 = 24.465437 L/mol.
//   ethane 10 ppb:  C = 10 × 30.07 / 24.465437 = 12.290808 µg/m3; OFP = 0.28 × 12.290808 = 3.441426 µg/m3
//                   L_OH = 2.48e-13 × 10 × 2.461e10 = 0.0610328 s-1
//   toluene 5 ppb:  C = 5 × 92.14 / 24.465437 = 18.830647; OFP = 4 × C = 75.322587; L_OH = 5.63e-12 × 5 × 2.461e10 = 0.6927715
//                   SOA(yield) = 0.36 × C = 6.779033; SOAP-weighted = C × 100/100 = 18.830647
//   propylene 2 ppb: C = 2 × 42.08 / 24.465437 = 3.439955; OFP = 11.66 × C = 40.109874; L_OH = 2.63e-11 × 2 × 2.461e10 = 1.294486
// moleculesPerPpb uses k_B exactly: 2.46149e10 (CONVENTIONS rounds to 2.461e10), so L_OH agrees to 3e-4 relative (2.46149 / 2.461 = 1.00020).
describe("OFP, L_OH and SOA potential: hand calculations", () => {
  const r = vocReactivity([col("ethane", [10]), col("toluene", [5]), col("propylene", [2])]);
  const sp = (id: string) => r.species.find((s) => s.id === id)!;

  it("µg/m3 and OFP per species", () => {
    expect(sp("ethane").ugm3).toBeCloseTo(12.290808, 5);
    expect(sp("ethane").ofp!).toBeCloseTo(3.441426, 5);
    expect(sp("toluene").ugm3).toBeCloseTo(18.830647, 5);
    expect(sp("toluene").ofp!).toBeCloseTo(75.322587, 4);
    expect(sp("propylene").ofp!).toBeCloseTo(40.109874, 4);
    expect(r.totals.ofp).toBeCloseTo(3.441426 + 75.322587 + 40.109874, 4);
    expect(sp("toluene").ppbC).toBe(35);
  });

  it("L_OH per species and total (within 3e-4: 2.46149e10 vs the rounded 2.461e10)", () => {
    const rel = (a: number, b: number) => Math.abs(a / b - 1);
    expect(rel(sp("ethane").loh!, 0.0610328)).toBeLessThan(3e-4);
    expect(rel(sp("toluene").loh!, 0.6927715)).toBeLessThan(3e-4);
    expect(rel(sp("propylene").loh!, 1.294486)).toBeLessThan(3e-4);
    expect(rel(r.totals.loh, 0.0610328 + 0.6927715 + 1.294486)).toBeLessThan(3e-4);
  });

  it("SOA potential, shares and ranking", () => {
    expect(sp("toluene").soaFromYield!).toBeCloseTo(6.779033, 5);
    expect(sp("toluene").soaSoap!).toBeCloseTo(18.830647, 5);
    expect(sp("ethane").soaSoap!).toBeCloseTo((12.290808 * 0.1) / 100, 8);
    expect(sp("toluene").share.ofp!).toBeCloseTo(75.322587 / (3.441426 + 75.322587 + 40.109874), 6);
    expect(r.ranking.ofp).toEqual(["toluene", "propylene", "ethane"]);
    expect(r.ranking.loh).toEqual(["propylene", "toluene", "ethane"]);
    const groups = Object.fromEntries(r.groups.map((g) => [g.group, g.ofp]));
    expect(groups.aromatics).toBeCloseTo(75.322587, 4);
    expect(groups.alkenes).toBeCloseTo(40.109874, 4);
    expect(r.groups.reduce((a, g) => a + g.share.ofp, 0)).toBeCloseTo(1, 12);
  });
});

describe("unit conversion and reference states", () => {
  it("number density per ppb: 2.461e10 at 298.15 K and 2.687e10 at 273.15 K (CONVENTIONS §4)", () => {
    expect(moleculesPerPpb(STP_298) / 2.461e10).toBeCloseTo(1, 3);
    expect(moleculesPerPpb(STP_273) / 2.687e10).toBeCloseTo(1, 3);
  });
  it("ethane 10 ppb at 273.15 K = 10 × 30.07 / 22.414 = 13.415722 µg/m3; ppbC of toluene = 7 × ppb", () => {
    expect(vocToUgm3(10, "ppb", 30.07, 2, STP_273)).toBeCloseTo(13.415722, 5);
    expect(vocToPpb(35, "ppbC", 92.14, 7)).toBe(5);
    expect(vocToPpb(5000, "ppt", 92.14, 7)).toBe(5);
  });
  it("L_OH from µg/m3 input: toluene 10 µg/m3 → n = 10 × 6.022e11 / 92.14 = 6.5359e10 cm-3, L_OH = 0.36797 s-1", () => {
    expect(ugm3ToMolecules(10, 92.14) / 6.5359e10).toBeCloseTo(1, 4);
    const r = vocReactivity([col("toluene", [10], "µg/m3")]);
    expect(r.species[0].loh! / 0.36797).toBeCloseTo(1, 3);
    expect(r.species[0].ofp!).toBeCloseTo(40, 10); // 4 × 10
  });
  it("the reference state changes µg/m3 but not L_OH for ppb input", () => {
    const a = vocReactivity([col("ethane", [10])], { referenceState: STP_273 });
    expect(a.species[0].ugm3).toBeCloseTo(13.415722, 5);
    expect(a.species[0].loh! / (2.48e-13 * 10 * 2.687e10)).toBeCloseTo(1, 3);
  });
});

describe("co-eluting m/p-xylene: kept as a pair or split, and recorded", () => {
  // 4 ppb m,p-xylene: C = 4 × 106.17 / 24.465437 = 17.358366 µg/m3
  it("pair: MIR 7.795 → OFP = 135.30846; kOH 1.87e-11 → L_OH = 1.87e-11 × 4 × 2.461e10 = 1.840828", () => {
    const r = vocReactivity([col("m,p-xylene", [4], "ppb", "pair")]);
    expect(r.species[0].id).toBe("m,p-xylene");
    expect(r.species[0].ofp!).toBeCloseTo(135.30846, 4);
    expect(r.species[0].loh! / 1.840828).toBeCloseTo(1, 3);
    expect(r.coelution).toEqual([
      { header: "m,p-xylene", pair: "m,p-xylene", mode: "pair", members: ["m-xylene", "p-xylene"] },
    ]);
  });
  it("split with m-fraction 0.7: OFP = (9.75 × 0.7 + 5.84 × 0.3) × 17.358366 = 148.88270", () => {
    const r = vocReactivity([col("m,p-xylene", [4], "ppb", "pair")], {
      coelution: { mode: "split", fractions: { "m,p-xylene": 0.7 } },
    });
    expect(r.species.map((s) => s.id)).toEqual(["m-xylene", "p-xylene"]);
    expect(r.species[0].ppb).toBeCloseTo(2.8, 12);
    expect(r.totals.ofp).toBeCloseTo(148.8827, 3);
    expect(r.coelution[0]).toMatchObject({ mode: "split", fraction: 0.7 });
  });
  it("a split without a fraction, or a fraction outside [0, 1], is an error; a pair plus its member is a duplicate", () => {
    expect(() =>
      vocReactivity([col("m,p-xylene", [4], "ppb", "pair")], { coelution: { mode: "split", fractions: {} } }),
    ).toThrow(/fraction/);
    expect(() =>
      vocReactivity([col("m,p-xylene", [4], "ppb", "pair")], {
        coelution: { mode: "split", fractions: { "m,p-xylene": 1.2 } },
      }),
    ).toThrow(/fraction/);
    expect(() => vocReactivity([col("m,p-xylene", [4], "ppb", "pair"), col("m-xylene", [1])])).toThrow(
      /both hold m-xylene/,
    );
  });
});

describe("missing factors, missing values, bad input, uncertainty", () => {
  it("a species without a China-scale MIR is listed, and left out of the OFP sum", () => {
    const r = vocReactivity([col("cyclopentane", [10]), col("toluene", [5])], { scale: "cn" });
    expect(r.missingFactors).toContainEqual({ id: "cyclopentane", factor: "mir" });
    expect(r.species[0].ofp).toBeNull();
    expect(r.totals.ofp).toBeCloseTo(2.12 * 18.830647, 4);
  });
  it("species means use valid samples; per-sample totals count missing species", () => {
    const r = vocReactivity([col("ethane", [10, NaN, 20]), col("toluene", [5, 5, 5])]);
    expect(r.species[0].n).toBe(2);
    expect(r.species[0].ppb).toBe(15);
    expect(r.perSample.map((s) => s.missingSpecies)).toEqual([0, 1, 0]);
    expect(r.perSample[1].ppb).toBe(5);
    expect(r.totalsSamplingSe!.completeSamples).toBe(2);
    // SE of ppb totals over the two complete samples (15, 25): sd = 7.0711, se = 5
    expect(r.totalsSamplingSe!.ppb).toBeCloseTo(5, 10);
  });
  it("negative concentrations and unknown scales are errors", () => {
    expect(() => vocReactivity([col("ethane", [-1])])).toThrow(/negative/);
    expect(() => vocReactivity([col("ethane", [1])], { scale: "x" as never })).toThrow(/scale/);
    expect(() => vocReactivity([])).toThrow(/no VOC columns/);
  });
  it("uncertainty of totals: independent = root-sum-square, correlated = linear sum (10 % each)", () => {
    const cols = [col("ethane", [10]), col("toluene", [5])];
    const ind = vocReactivity(cols, { relativeUncertainty: 0.1 });
    expect(ind.species[1].uncertainty!.ofp!).toBeCloseTo(7.5322587, 5);
    expect(ind.totalsUncertainty!.ofp).toBeCloseTo(Math.hypot(0.3441426, 7.5322587), 5);
    const cor = vocReactivity(cols, { relativeUncertainty: 0.1, uncertaintyCorrelation: "correlated" });
    expect(cor.totalsUncertainty!.ofp).toBeCloseTo(0.3441426 + 7.5322587, 5);
    // factor uncertainty 20 % added in quadrature: toluene sqrt(0.1² + 0.2²) × 75.322587 = 16.84264
    const f = vocReactivity(cols, { relativeUncertainty: { toluene: 0.1 }, factorRelativeUncertainty: 0.2 });
    expect(f.species[1].uncertainty!.ofp!).toBeCloseTo(16.84264, 4);
    expect(f.species[0].uncertainty).toBeUndefined();
  });
});

describe("China's 2018-09-01 change of reference state, per sample", () => {
  // 2018-08-31 12:00 and 2018-09-01 12:00 Beijing time: 273.15 K, then 298.15 K
  const times = [Date.UTC(2018, 7, 31, 4), Date.UTC(2018, 8, 1, 4)];
  it("ethane 10 ppb: 13.415722 µg/m3 (10 × 30.07 / 22.414) before, 12.290808 after; L_OH from each sample's number density", () => {
    const r = vocReactivity([col("ethane", [10, 10])], { referenceState: "china-by-date" }, times);
    expect(r.statesUsed.map((s) => s.temperatureK)).toEqual([273.15, 298.15]);
    expect(r.species[0].ugm3).toBeCloseTo((13.415722 + 12.290808) / 2, 5);
    expect(r.perSample[0].ugm3).toBeCloseTo(13.415722, 5);
    expect(r.perSample[1].ugm3).toBeCloseTo(12.290808, 5);
    expect(r.perSample[0].loh / (2.48e-13 * 10 * 2.687e10)).toBeCloseTo(1, 3);
    expect(r.species[0].loh! / ((2.48e-13 * 10 * (2.687e10 + 2.461e10)) / 2)).toBeCloseTo(1, 3);
  });
  it("µg/m3 reported under each period's state converts to ppb with that state", () => {
    const r = vocReactivity(
      [col("ethane", [13.415722, 12.290808], "µg/m3")],
      { referenceState: "china-by-date" },
      times,
    );
    expect(r.perSample[0].ppb).toBeCloseTo(10, 5);
    expect(r.perSample[1].ppb).toBeCloseTo(10, 5);
  });
  it("needs the sample times", () => {
    expect(() => vocReactivity([col("ethane", [10, 10])], { referenceState: "china-by-date" })).toThrow(
      /needs one UTC time per sample/,
    );
  });
});
