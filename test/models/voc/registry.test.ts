import { describe, expect, it } from "vitest";
import { SOAP_DERWENT2010_PROVENANCE, VOC_SPECIES_ROWS } from "../../../src/models/voc/tables/species";
import { getVocSpecies, kohOf, mirOf, pairEntity, speciesEntity, VOC_GROUPS } from "../../../src/models/voc/registry";

// IUPAC 2021 standard atomic weights (conventional values)
const AW: Record<string, number> = { C: 12.011, H: 1.008, O: 15.999, Cl: 35.45 };
function formulaMw(f: string): number {
  let mw = 0;
  for (const m of f.matchAll(/([A-Z][a-z]?)(\d*)/g)) mw += AW[m[1]] * (m[2] === "" ? 1 : Number(m[2]));
  return mw;
}
function casCheckDigitOk(cas: string): boolean {
  const [a, b, c] = cas.split("-");
  const digits = (a + b).split("").reverse();
  const s = digits.reduce((acc, d, i) => acc + Number(d) * (i + 1), 0);
  return s % 10 === Number(c);
}

describe("VOC species registry", () => {
  it("has 84 compounds with unique ids and CAS numbers whose check digits are valid", () => {
    expect(VOC_SPECIES_ROWS.length).toBe(84);
    expect(new Set(VOC_SPECIES_ROWS.map((r) => r.id)).size).toBe(84);
    expect(new Set(VOC_SPECIES_ROWS.map((r) => r.cas)).size).toBe(84);
    for (const r of VOC_SPECIES_ROWS) expect(casCheckDigitOk(r.cas), r.id + " " + r.cas).toBe(true);
    // a wrong digit fails the check (the test can fail)
    expect(casCheckDigitOk("74-84-1")).toBe(false);
  });

  it("molecular weights agree with the formulas (IUPAC atomic weights) within 0.02 g/mol; carbon numbers match the formulas", () => {
    for (const r of VOC_SPECIES_ROWS) {
      expect(Math.abs(formulaMw(r.formula) - r.mw), `${r.id} ${r.formula}`).toBeLessThan(0.02);
      const c = /^C(\d*)/.exec(r.formula)!;
      expect(r.carbon, r.id).toBe(c[1] === "" ? 1 : Number(c[1]));
    }
    // hand check: toluene C7H8 = 7 x 12.011 + 8 x 1.008 = 92.141
    expect(formulaMw("C7H8")).toBeCloseTo(92.141, 3);
  });

  it("58 PAMS rows (57 PAMS compounds with m- and p-xylene separate); every group populated; BVOC = isoprene and pinenes", () => {
    expect(VOC_SPECIES_ROWS.filter((r) => r.pams).length).toBe(58);
    for (const g of VOC_GROUPS)
      expect(
        VOC_SPECIES_ROWS.some((r) => r.group === g),
        g,
      ).toBe(true);
    expect(
      VOC_SPECIES_ROWS.filter((r) => r.group === "BVOC")
        .map((r) => r.id)
        .sort(),
    ).toEqual(["alpha-pinene", "beta-pinene", "isoprene"]);
  });

  it("every row has en/ja/zh names", () => {
    for (const r of VOC_SPECIES_ROWS) {
      expect(r.ja.length, r.id).toBeGreaterThan(0);
      expect(r.zh.length, r.id).toBeGreaterThan(0);
      expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(r.ja + r.zh), r.id).toBe(true);
    }
    expect(getVocSpecies("ethane")!.zh).toBe("乙烷");
    expect(getVocSpecies("ethane")!.ja).toBe("エタン");
    expect(getVocSpecies("78-79-5")!.id).toBe("isoprene");
  });

  it("kOH: evaluated Atkinson & Arey (2003) value first, AOPWIN estimate (flagged) where none", () => {
    expect(kohOf(getVocSpecies("toluene")!)).toEqual({
      value: 5.63e-12,
      source: "Atkinson & Arey 2003",
      estimate: false,
    });
    expect(kohOf(getVocSpecies("acetylene")!)).toEqual({ value: 8.15e-13, source: "AOPWIN estimate", estimate: true });
    expect(kohOf(getVocSpecies("methylcyclopentane")!)!.estimate).toBe(true);
  });

  it("guards against the peer-table errors: cis/trans-2-butene, p-ethyltoluene, methylcyclohexane, isoprene kOH", () => {
    // Atkinson & Arey (2003): trans-2-butene 6.40e-11 > cis-2-butene 5.64e-11 (AeroViz has them swapped)
    expect(getVocSpecies("trans-2-butene")!.kohAtkinson2003).toBe(6.4e-11);
    expect(getVocSpecies("cis-2-butene")!.kohAtkinson2003).toBe(5.64e-11);
    // m-ethyltoluene 1.86e-11, p-ethyltoluene 1.18e-11 (AeroViz: 1.18e-11 and 1.86e-11)
    expect(getVocSpecies("m-ethyltoluene")!.kohAtkinson2003).toBe(1.86e-11);
    expect(getVocSpecies("p-ethyltoluene")!.kohAtkinson2003).toBe(1.18e-11);
    // methylcyclohexane 9.64e-12 (AeroViz copies cyclopentane's 4.97e-12); isoprene 1.0e-10 (AeroViz has a 3.7e-11 row)
    expect(getVocSpecies("methylcyclohexane")!.kohAtkinson2003).toBe(9.64e-12);
    expect(getVocSpecies("isoprene")!.kohAtkinson2003).toBe(1e-10);
  });

  it("MIR scales; China scale missing for some species", () => {
    const tol = getVocSpecies("toluene")!;
    expect(mirOf(tol, "saprc07")).toBe(4);
    expect(mirOf(tol, "cn")).toBe(2.12);
    expect(mirOf(getVocSpecies("cyclopentane")!, "cn")).toBeNull();
  });

  it("m,p-xylene kept as a pair: factors are the members' means (hand: (9.75 + 5.84)/2 = 7.795; (2.31e-11 + 1.43e-11)/2 = 1.87e-11)", () => {
    const p = pairEntity("m,p-xylene");
    expect(p.members).toEqual(["m-xylene", "p-xylene"]);
    expect(p.mir.saprc07).toBeCloseTo(7.795, 12);
    expect(p.mir.cn).toBeCloseTo((6.41 + 4.17) / 2, 12);
    expect(p.koh).toBeCloseTo(1.87e-11, 24);
    expect(p.soaYield).toBeCloseTo((0.069 + 0.072) / 2, 12);
    expect(p.soap).toBeNull(); // p-xylene has no sourced SOAP value
    expect(p.mw).toBeCloseTo(106.17, 10);
    expect(speciesEntity("m-xylene").mir.saprc07).toBe(9.75);
  });
});

// Primary VOCs of the Master Chemical Mechanism, MCM v3.3.1 (methane + 142 VOCs, mcm.york.ac.uk, "Browse
// the mechanism"), written out here by their MCM names for the registry species that have one. Derwent et
// al. (2010) computed SOAP with MCM v3.1 for 113 of these; a species without an MCM scheme cannot have a
// Derwent SOAP. Not in the MCM: cyclopentane, methylcyclopentane, methylcyclohexane, 2,3-/2,4-dimethylpentane,
// 2,2,4-/2,3,4-trimethylpentane, 2-/3-methylheptane, 2-methyl-1-pentene, m-/p-diethylbenzene (MCM's only C10+
// aromatic is 3,5-diethyltoluene), vinyl acetate, chlorobenzene; MVK is a product species, not a primary VOC.
const MCM_NAME: Record<string, string> = {
  ethylene: "C2H4",
  acetylene: "C2H2",
  ethane: "C2H6",
  propylene: "C3H6",
  propane: "C3H8",
  isobutane: "IC4H10",
  "1-butene": "BUT1ENE",
  "n-butane": "NC4H10",
  "trans-2-butene": "TBUT2ENE",
  "cis-2-butene": "CBUT2ENE",
  isopentane: "IC5H12",
  "1-pentene": "PENT1ENE",
  "n-pentane": "NC5H12",
  isoprene: "C5H8",
  "trans-2-pentene": "TPENT2ENE",
  "cis-2-pentene": "CPENT2ENE",
  "2,2-dimethylbutane": "M22C4",
  "2,3-dimethylbutane": "M23C4",
  "2-methylpentane": "M2PE",
  "3-methylpentane": "M3PE",
  "1-hexene": "HEX1ENE",
  "n-hexane": "NC6H14",
  benzene: "BENZENE",
  cyclohexane: "CHEX",
  "2-methylhexane": "M2HEX",
  "3-methylhexane": "M3HEX",
  "n-heptane": "NC7H16",
  toluene: "TOLUENE",
  "n-octane": "NC8H18",
  ethylbenzene: "EBENZ",
  "m-xylene": "MXYL",
  "p-xylene": "PXYL",
  styrene: "STYRENE",
  "o-xylene": "OXYL",
  "n-nonane": "NC9H20",
  isopropylbenzene: "IPBENZ",
  "n-propylbenzene": "PBENZ",
  "m-ethyltoluene": "METHTOL",
  "p-ethyltoluene": "PETHTOL",
  "1,3,5-trimethylbenzene": "TM135B",
  "o-ethyltoluene": "OETHTOL",
  "1,2,4-trimethylbenzene": "TM124B",
  "n-decane": "NC10H22",
  "1,2,3-trimethylbenzene": "TM123B",
  "n-undecane": "NC11H24",
  "n-dodecane": "NC12H26",
  "1,3-butadiene": "C4H6",
  "alpha-pinene": "APINENE",
  "beta-pinene": "BPINENE",
  formaldehyde: "HCHO",
  acetaldehyde: "CH3CHO",
  acetone: "CH3COCH3",
  MEK: "MEK",
  ethanol: "C2H5OH",
  methanol: "CH3OH",
  propionaldehyde: "C2H5CHO",
  acrolein: "ACR",
  methacrolein: "MACR",
  benzaldehyde: "BENZAL",
  "n-butanal": "C3H7CHO",
  MTBE: "MTBE",
  isopropanol: "IPROPOL",
  "ethyl acetate": "ETHACET",
  dichloromethane: "CH2CL2",
  chloroform: "CHCL3",
  TCE: "TRICLETH",
  PCE: "TCE",
  "vinyl chloride": "VINCL",
  "1,2-dichloroethane": "CH2CLCH2CL",
};

describe("SOAP (Derwent et al. 2010): provenance and the MCM constraint", () => {
  const soap = new Map(VOC_SPECIES_ROWS.map((r) => [r.id, r.soapDerwent2010]));

  it("toluene is the reference of the scale (SOAP = 100 by definition)", () => {
    expect(soap.get("toluene")).toBe(100);
  });

  it("a species without an MCM scheme has no SOAP (the AeroViz 0 / 0.4 for cyclopentane … 3-methylheptane are dropped)", () => {
    const notInMcm = VOC_SPECIES_ROWS.filter((r) => !(r.id in MCM_NAME)).map((r) => r.id);
    expect(notInMcm.sort()).toEqual([
      "2,2,4-trimethylpentane",
      "2,3,4-trimethylpentane",
      "2,3-dimethylpentane",
      "2,4-dimethylpentane",
      "2-methyl-1-pentene",
      "2-methylheptane",
      "3-methylheptane",
      "MVK",
      "chlorobenzene",
      "cyclopentane",
      "m-diethylbenzene",
      "methylcyclohexane",
      "methylcyclopentane",
      "p-diethylbenzene",
      "vinyl acetate",
    ]);
    for (const id of notInMcm) expect(soap.get(id), id).toBeNull();
    expect(soap.get("2,3-dimethylpentane")).toBeNull(); // AeroViz: 0.4
    expect(soap.get("methylcyclohexane")).toBeNull(); // AeroViz: 0
  });

  it("every value has a recorded source, and every recorded id is an MCM species with a value", () => {
    const withValue = VOC_SPECIES_ROWS.filter((r) => r.soapDerwent2010 !== null)
      .map((r) => r.id)
      .sort();
    expect([...SOAP_DERWENT2010_PROVENANCE.aeroviz.ids].sort()).toEqual(withValue);
    expect(withValue.length).toBe(49);
    for (const id of withValue) expect(MCM_NAME[id], id).toBeDefined();
    for (const id of SOAP_DERWENT2010_PROVENANCE.notInMcm.ids) {
      expect(MCM_NAME[id], id).toBeUndefined();
      expect(soap.get(id), id).toBeNull();
    }
    for (const r of VOC_SPECIES_ROWS)
      if (r.soapDerwent2010 !== null) expect(r.soapDerwent2010).toBeGreaterThanOrEqual(0);
  });
});
