import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CB6R5_SURROGATES,
  mapVocToMechanism,
  SAPRC07_SURROGATES,
  VOC_MECHANISM_ROWS,
  VOC_MECHANISM_UNASSIGNED,
  type VocMechanismName,
} from "../../src/photochem";
import { VOC_SPECIES_ROWS } from "../../src/models/voc";
import { STP_273 } from "../../src/table/gas";

// Source: US EPA / CMAS Speciation Tool, github.com/CMASCenter/Speciation-Tool, commit b90a7de3f7b2f36ca6dabd604c2a7402260054ba,
// import_data/mechanism_forImport_11Feb2020_speciate5_0_withSOAALK_8may2024_v0.csv. Rows quoted with their line numbers.

const row = (id: string) => {
  const r = VOC_MECHANISM_ROWS.find((x) => x.id === id);
  if (r === undefined) throw new Error(id);
  return r;
};

describe("VOC_MECHANISM_ROWS against the Speciation Tool file", () => {
  it.each([
    // line: "mechanism","SPECIES_ID","mech_species","moles_ratio"
    ["n-butane", 592, "cb6r3Ae7", [["PAR", 4, 6988]]], // 6988: "CB6R3_AE7","592","PAR","4.0000"
    ["toluene", 717, "cb6r3Ae7", [["TOL", 1, 7169]]], // 7169: "CB6R3_AE7","717","TOL","1.0000"
    ["m-xylene", 524, "cb6r3Ae7", [["XYLMN", 1, 6833]]], // 6833: "CB6R3_AE7","524","XYLMN","1.0000"
    ["p-xylene", 648, "cb6r3Ae7", [["XYLMN", 1, 7080]]], // 7080: "CB6R3_AE7","648","XYLMN","1.0000"
    ["isoprene", 511, "cb6r3Ae7", [["ISOP", 1, 6817]]], // 6817: "CB6R3_AE7","511","ISOP","1.0000"
    ["propane", 671, "cb6r3Ae7", [["PRPA", 1, 7107]]], // 7107: "CB6R3_AE7","671","PRPA","1.0000"
    [
      "ethylbenzene",
      449,
      "cb6r3Ae7",
      [
        ["PAR", 1, 6710], // 6710: "CB6R3_AE7","449","PAR","1.0000"
        ["TOL", 1, 6711], // 6711: "CB6R3_AE7","449","TOL","1.0000"
      ],
    ],
    [
      "styrene",
      698,
      "cb6r3Ae7",
      [
        ["OLE", 0.5, 7143], // 7143: "CB6R3_AE7","698","OLE","0.5000"
        ["TOL", 1, 7144], // 7144: "CB6R3_AE7","698","TOL","1.0000"
      ],
    ],
    ["n-butane", 592, "saprc07tcAe7", [["ALK3", 1, 30862]]], // 30862: "SAPRC07TC_AE7","592","ALK3","1.0000"
    ["toluene", 717, "saprc07tcAe7", [["TOLU", 1, 31063]]], // 31063: "SAPRC07TC_AE7","717","TOLU","1.0000"
    [
      "1,2,4-trimethylbenzene",
      30,
      "saprc07tcAe7",
      [
        ["ARO2", 0.5, 29886], // 29886: "SAPRC07TC_AE7","30","ARO2","0.5000"
        ["B124", 0.5, 29887], // 29887: "SAPRC07TC_AE7","30","B124","0.5000"
      ],
    ],
    [
      "chlorobenzene",
      340,
      "saprc07tcAe7",
      [
        ["ARO1", 0.15, 30310], // 30310: "SAPRC07TC_AE7","340","ARO1","0.1500"
        ["NROG", 0.85, 30311], // 30311: "SAPRC07TC_AE7","340","NROG","0.8500"
      ],
    ],
  ] as const)("%s (SPECIATE %i) %s", (id, speciateId, mech, terms) => {
    const r = row(id);
    expect(r.speciateId).toBe(speciateId);
    expect(r[mech]).toEqual(terms);
  });

  it("has one row per registry species, in registry order, with the registry's CAS number", () => {
    expect(VOC_MECHANISM_ROWS.map((r) => [r.id, r.cas])).toEqual(VOC_SPECIES_ROWS.map((r) => [r.id, r.cas]));
    for (const r of VOC_MECHANISM_ROWS) {
      expect(r.cb6r3Ae7.length, r.id).toBeGreaterThan(0);
      expect(r.saprc07tcAe7.length, r.id).toBeGreaterThan(0);
    }
  });

  it("every surrogate used has an entry in its mechanism's surrogate table, and the unassigned list is exactly the rows with no modelled surrogate", () => {
    const unassigned = (mech: VocMechanismName) => {
      const table = mech === "cb6r5" ? CB6R5_SURROGATES : SAPRC07_SURROGATES;
      const out: Record<string, string> = {};
      for (const r of VOC_MECHANISM_ROWS) {
        const terms = mech === "cb6r5" ? r.cb6r3Ae7 : r.saprc07tcAe7;
        for (const [s] of terms) expect(table[s], `${mech} ${s}`).toBeDefined();
        if (terms.every(([s]) => table[s].species === null)) out[r.id] = terms.map(([s]) => s).join("+");
      }
      return out;
    };
    expect(unassigned("cb6r5")).toEqual(VOC_MECHANISM_UNASSIGNED.cb6r5);
    expect(unassigned("saprc07")).toEqual(VOC_MECHANISM_UNASSIGNED.saprc07);
  });

  it("CB6 conserves carbon: Σ moles × carbons of the surrogate = the registry's carbon number, for every species", () => {
    // Carbons per CB6 surrogate, Speciation Tool import_data/carbons_all_mechanisms_speciate5_0_8may2024_v0.csv
    // (same commit), lines 78–102: "CB6R3_AE7","ACET","3" "ALD2","2" "ALDX","2" "BENZ","6" "ETH","2" "ETHA","2"
    // "ETHY","2" "ETOH","2" "FORM","1" "IOLE","4" "ISOP","5" "KET","1" "MEOH","1" "OLE","2" "PAR","1" "PRPA","3"
    // "TERP","10" "TOL","7" "UNR","1" "XYLMN","8" "APIN","10" "IVOC","12".
    const C: Record<string, number> = {
      ACET: 3,
      ALD2: 2,
      ALDX: 2,
      BENZ: 6,
      ETH: 2,
      ETHA: 2,
      ETHY: 2,
      ETOH: 2,
      FORM: 1,
      IOLE: 4,
      ISOP: 5,
      KET: 1,
      MEOH: 1,
      OLE: 2,
      PAR: 1,
      PRPA: 3,
      TERP: 10,
      TOL: 7,
      UNR: 1,
      XYLMN: 8,
      APIN: 10,
      IVOC: 12,
    };
    for (const sp of VOC_SPECIES_ROWS) {
      const terms = row(sp.id).cb6r3Ae7;
      const carbon = terms.reduce((s, [name, m]) => s + m * C[name], 0);
      expect(carbon, sp.id).toBeCloseTo(sp.carbon, 10);
    }
  });
});

describe("every model species is a gas-phase species of CMAQ's mechanism", () => {
  // fixtures/cmaq-namelists: the species column of CMAQ v5.5's GC namelists (see their header lines)
  const gc = (f: string) =>
    new Set(
      readFileSync(join(__dirname, "fixtures", "cmaq-namelists", f), "utf8")
        .split("\n")
        .filter((l) => l !== "" && !l.startsWith("#")),
    );
  it.each([
    ["cb6r5", CB6R5_SURROGATES, "GC_cb6r5_ae7_aq.txt"],
    ["saprc07", SAPRC07_SURROGATES, "GC_saprc07tc_ae6_aq.txt"],
  ] as const)("%s", (_m, table, file) => {
    const names = gc(file);
    for (const [surrogate, s] of Object.entries(table))
      if (s.species !== null) expect(names.has(s.species), surrogate).toBe(true);
    // the not-modelled surrogates really are absent
    for (const [surrogate, s] of Object.entries(table))
      if (s.species === null) expect(names.has(surrogate), surrogate).toBe(false);
  });
});

describe("mapVocToMechanism", () => {
  it("sums moles per mole × ppb into the lumped species (CB6r5; hand sums)", () => {
    const m = mapVocToMechanism(
      { "n-butane": [2, 1], propane: [1, 0.5], "106-97-8": [0, 1], ethylbenzene: [3, NaN], benzene: [0.4, 0.2] },
      "cb6r5",
    );
    // PAR: 4 × n-butane (by id) + 4 × n-butane (by CAS) + 1 × ethylbenzene = [8 + 0 + 3, 4 + 4 + NaN]
    expect(m.species.PAR[0]).toBeCloseTo(11, 12);
    expect(m.species.PAR[1]).toBeNaN();
    expect(m.species.PRPA).toEqual([1, 0.5]);
    expect(m.species.TOL[0]).toBeCloseTo(3, 12);
    expect(m.species.BENZENE).toEqual([0.4, 0.2]); // BENZ renamed by CMAQ's DESID namelist
    expect(m.species.BENZ).toBeUndefined();
    expect(m.unit).toBe("ppb");
    expect(m.unmapped).toEqual([]);
    const eb = m.mapped.find((x) => x.input === "ethylbenzene");
    expect(eb?.terms.map((t) => [t.species, t.molesPerMole, t.line])).toEqual([
      ["PAR", 1, 6710],
      ["TOL", 1, 6711],
    ]);
  });

  it("SAPRC-07TC: renamed species and split assignments", () => {
    const m = mapVocToMechanism(
      { toluene: [1], "1,2,4-trimethylbenzene": [2], "m-xylene": [1], "p-xylene": [3], ethylene: [5] },
      "saprc07",
    );
    expect(m.species.TOLUENE).toEqual([1]);
    expect(m.species.ARO2MN).toEqual([1]); // 0.5 × 2 ppb
    expect(m.species.TMBENZ124).toEqual([1]);
    expect(m.species.MXYL).toEqual([1]);
    expect(m.species.PXYL).toEqual([3]);
    expect(m.species.ETHENE).toEqual([5]);
  });

  it("accounts for unknown, unmodelled and partly modelled inputs", () => {
    const m = mapVocToMechanism({ chloroform: [1], chlorobenzene: [2], "m-/p-xylol": [1], unobtainium: [1] }, "cb6r5");
    expect(m.unmapped.map((u) => [u.input, u.reason])).toEqual([
      ["chloroform", "not-modelled"],
      ["m-/p-xylol", "not-in-registry"],
      ["unobtainium", "not-in-registry"],
    ]);
    expect(m.unmapped[0].detail).toContain("UNR");
    // chlorobenzene: 1 PAR (line 6556) + 5 UNR (line 6557, not modelled): 2 ppb → 2 ppb PAR, the UNR share reported
    expect(m.species.PAR).toEqual([2]);
    const cb = m.mapped.find((x) => x.input === "chlorobenzene");
    expect(cb?.partlyNotModelled).toBe(true);
    expect(cb?.terms.find((t) => t.surrogate === "UNR")?.species).toBeNull();
    expect(Object.keys(m.species)).toEqual(["PAR"]);
  });

  it("converts µg/m3 at the stated reference state (hand: ppb = µg/m3 × 22.414 × T/273.15 / MW)", () => {
    // toluene MW 92.14 g/mol (registry). 10 µg/m3 at 298.15 K: 10 × 22.414 × 298.15/273.15 / 92.14 = 2.65524 ppb
    const hand298 = (10 * 22.414 * (298.15 / 273.15)) / 92.14;
    const m = mapVocToMechanism({ toluene: [10] }, "cb6r5", { unit: "µg/m3" });
    expect(m.species.TOL[0]).toBeCloseTo(hand298, 10);
    expect(hand298).toBeCloseTo(2.65524, 4);
    expect(m.input).toEqual({ unit: "µg/m3", state: { temperatureK: 298.15, pressureKPa: 101.325 } });
    // at 273.15 K: 10 × 22.414 / 92.14 = 2.43260 ppb
    const m0 = mapVocToMechanism({ toluene: [10] }, "cb6r5", { unit: "µg/m3", state: STP_273 });
    expect(m0.species.TOL[0]).toBeCloseTo((10 * 22.414) / 92.14, 10);
  });

  it("maps a co-eluting pair only where both members have one assignment (CB6r5 XYLMN; SAPRC MXYL ≠ PXYL)", () => {
    // CB6r5: m-xylene line 6833 and p-xylene line 7080 are both 1 XYLMN, so 1.5 ppb m/p-xylene is 1.5 ppb XYLMN
    const cb = mapVocToMechanism({ "m/p-xylene": [1.5], "m,p-ethyltoluene": [1] }, "cb6r5");
    expect(cb.species.XYLMN).toEqual([2.5]); // + 1 × m,p-ethyltoluene (lines 7340, 7398: 1 XYLMN each)
    expect(cb.species.PAR).toEqual([1]); // m,p-ethyltoluene: 1 PAR each (lines 7339, 7397)
    expect(cb.mapped[0].members).toEqual(["m-xylene", "p-xylene"]);
    expect(cb.mapped[0].cas).toBe("108-38-3+106-42-3");
    // SAPRC-07TC: m-xylene → MXYL (line 30609), p-xylene → PXYL (line 30979): refused
    const sp = mapVocToMechanism({ "m,p-xylene": [1.5], "m,p-ethyltoluene": [1] }, "saprc07");
    expect(sp.unmapped.map((u) => [u.input, u.reason])).toEqual([["m,p-xylene", "co-eluting-pair"]]);
    expect(sp.unmapped[0].detail).toContain("MXYL");
    expect(sp.species.ARO2MN).toEqual([1]); // both ethyltoluenes 1 ARO2 (lines 31259, 31313)
    expect(sp.species.MXYL).toBeUndefined();
  });

  it("refuses series of different lengths", () => {
    expect(() => mapVocToMechanism({ toluene: [1, 2], benzene: [1] }, "cb6r5")).toThrow(RangeError);
  });
});
