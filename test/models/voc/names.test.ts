import { describe, expect, it } from "vitest";
import { matchVocName, nameIndex, nameKey } from "../../../src/models/voc/names";
import { VOC_SPECIES_ROWS } from "../../../src/models/voc/tables/species";

const id = (h: string) => {
  const m = matchVocName(h);
  return m.kind === "unknown" ? undefined : m.id;
};

describe("VOC name matching", () => {
  it("normalises case, spaces, punctuation, full-width and Greek letters", () => {
    expect(nameKey("m,p-Xylene")).toBe("mpxylene");
    expect(nameKey("M/P xylene")).toBe("mpxylene");
    expect(nameKey("ｍ＋ｐ－Ｘｙｌｅｎｅ")).toBe("mpxylene");
    expect(nameKey("α-Pinene")).toBe("alphapinene");
  });

  it("matches real headers: English variants, Chinese, Japanese, traditional Chinese, CAS", () => {
    const cases: [string, string][] = [
      ["Ethane", "ethane"],
      ["乙烷", "ethane"],
      ["エタン", "ethane"],
      ["74-84-0", "ethane"],
      ["Isoprene", "isoprene"],
      ["异戊二烯", "isoprene"],
      ["異戊二烯", "isoprene"],
      ["イソプレン", "isoprene"],
      ["2,2-Dimethyl Butane", "2,2-dimethylbutane"],
      ["i-Pentane", "isopentane"],
      ["iso-pentane", "isopentane"],
      ["Propene", "propylene"],
      ["t-2-Butene", "trans-2-butene"],
      ["反-2-丁烯", "trans-2-butene"],
      ["c-2-butene", "cis-2-butene"],
      ["1.2.4-TMB", "1,2,4-trimethylbenzene"],
      ["1,3,5-三甲苯", "1,3,5-trimethylbenzene"],
      ["Cumene", "isopropylbenzene"],
      ["邻二甲苯", "o-xylene"],
      ["o-キシレン", "o-xylene"],
      ["n-Hexane", "n-hexane"],
      ["Hexane", "n-hexane"],
      ["MEK", "MEK"],
      ["2-Butanone", "MEK"],
      ["丁酮", "MEK"],
      ["IPA", "isopropanol"],
      ["VCM", "vinyl chloride"],
      ["β-蒎烯", "beta-pinene"],
      ["a-pinene", "alpha-pinene"],
      ["108-88-3", "toluene"],
    ];
    for (const [h, want] of cases) expect(id(h), h).toBe(want);
  });

  it("m/p-xylene in all its spellings is the co-eluting pair, never one of the isomers", () => {
    for (const h of [
      "m/p-xylene",
      "m,p-Xylene",
      "m+p-xylene",
      "M&P-Xylene",
      "间/对二甲苯",
      "m,p-二甲苯",
      "間/對二甲苯",
      "m,p-キシレン",
      "mp-xylene",
    ]) {
      const m = matchVocName(h);
      expect(m.kind, h).toBe("pair");
      if (m.kind === "pair") expect(m.members).toEqual(["m-xylene", "p-xylene"]);
    }
    expect(id("m-xylene")).toBe("m-xylene");
    expect(id("对二甲苯")).toBe("p-xylene");
  });

  it("every registry id, Japanese and Chinese name and CAS number matches its own species, and no key is shared", () => {
    for (const r of VOC_SPECIES_ROWS) {
      for (const h of [r.id, r.ja, r.zh, r.cas, ...r.synonyms]) expect(id(h), `${r.id}: ${h}`).toBe(r.id);
    }
    // the index is built with an ambiguity check; it holds several hundred spellings
    expect(nameIndex().size).toBeGreaterThan(400);
  });

  it("unknown headers are reported with a suggestion when one is close", () => {
    expect(matchVocName("TVOC")).toEqual({ kind: "unknown", suggestion: undefined });
    expect(matchVocName("Tolune")).toEqual({ kind: "unknown", suggestion: "toluene" });
    expect(matchVocName("xylene").kind).toBe("unknown"); // ambiguous: not guessed
    expect(matchVocName("butene").kind).toBe("unknown");
  });

  it("user aliases are tried first and must point to a registry entry", () => {
    expect(matchVocName("TMB-124", { "TMB-124": "1,2,4-trimethylbenzene" })).toMatchObject({
      kind: "species",
      id: "1,2,4-trimethylbenzene",
    });
    expect(() => matchVocName("X", { X: "unobtainium" })).toThrow(/not a registry species/);
  });
});
