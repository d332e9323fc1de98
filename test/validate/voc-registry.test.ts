import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDelimited } from "../../src/io/delimited";
import { VOC_SPECIES_ROWS } from "../../src/models/voc/tables/species";
import { getVocSpecies, kohOf } from "../../src/models/voc/registry";
import { matchVocName } from "../../src/models/voc/names";
import { sharedPath } from "./shared";

// Every value of the registry against the reference table shared/reference/voc-species.csv
// (Carter 2010 MIR, Zhang et al. 2021 China MIR, Atkinson & Arey 2003 kOH, AOPWIN kOH, Wu et al. 2017 yields).
const file = sharedPath("reference", "voc-species.csv");
const { records } = parseDelimited(readFileSync(file, "utf8"), file, ",");
const [head, ...rows] = records.map((r) => r.fields);
const col = (name: string) => {
  const j = head.indexOf(name);
  if (j < 0) throw new Error(`voc-species.csv has no column ${name}`);
  return j;
};
const num = (s: string): number | null => (s === "NA" ? null : Number(s));
const GROUP: Record<string, string[]> = {
  Alkanes: ["alkanes"],
  Alkenes: ["alkenes", "BVOC"],
  Alkynes: ["alkynes"],
  Aromatic_Hydrocarbons: ["aromatics"],
  Oxygenated_Organics: ["OVOCs"],
  Other_Organic_Compounds: ["halocarbons"],
};

describe("VOC registry = shared/reference/voc-species.csv", () => {
  it("same species set (84), matched by CAS, with the same canonical names", () => {
    expect(rows.length).toBe(84);
    expect(VOC_SPECIES_ROWS.length).toBe(rows.length);
    for (const r of rows) {
      const s = getVocSpecies(r[col("CAS")]);
      expect(s, r[col("Name")]).toBeDefined();
      expect(s!.id).toBe(r[col("Name")]);
    }
  });

  it("every MW, MIR (SAPRC-07 and China), kOH (Atkinson 2003 and AOPWIN) and SOA yield is equal; groups correspond", () => {
    let compared = 0;
    for (const r of rows) {
      const s = getVocSpecies(r[col("CAS")])!;
      const pairs: [number | null, number | null, string][] = [
        [s.mw, num(r[col("MW")]), "MW"],
        [s.mirSaprc07, num(r[col("MIR_SAPRC07_2010")]), "MIR_SAPRC07_2010"],
        [s.mirCn, num(r[col("MIR_cn")]), "MIR_cn"],
        [s.kohAtkinson2003, num(r[col("kOH_Atkinson2003")]), "kOH_Atkinson2003"],
        [s.kohAopwin, num(r[col("kOH_AOPWIN")]), "kOH_AOPWIN"],
        [s.soaYieldWu2017, num(r[col("SOA_yield_Wu2017")]), "SOA_yield_Wu2017"],
      ];
      for (const [mine, ref, what] of pairs) {
        expect(mine, `${s.id} ${what}`).toBe(ref);
        compared++;
      }
      expect(GROUP[r[col("Group")]], `${s.id} group`).toContain(s.group);
    }
    expect(compared).toBe(84 * 6);
  });

  it("the 57 PAMS compounds (58 rows with m/p-xylene separate) are the first 58 rows of the reference table", () => {
    const pams = rows.slice(0, 58).map((r) => r[col("Name")]);
    expect(
      VOC_SPECIES_ROWS.filter((s) => s.pams)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...pams].sort());
  });

  it("the used kOH is the Atkinson value, or the AOPWIN value flagged as an estimate where Atkinson is NA", () => {
    for (const r of rows) {
      const s = getVocSpecies(r[col("CAS")])!;
      const k = kohOf(s)!;
      const atk = num(r[col("kOH_Atkinson2003")]);
      if (atk !== null) expect(k).toEqual({ value: atk, source: "Atkinson & Arey 2003", estimate: false });
      else expect(k).toEqual({ value: num(r[col("kOH_AOPWIN")]), source: "AOPWIN estimate", estimate: true });
    }
  });

  it("the reference table's names and alternative names match the right species", () => {
    for (const r of rows) {
      const want = getVocSpecies(r[col("CAS")])!.id;
      for (const name of [r[col("Name")], ...r[col("alt_name")].split(";")]) {
        const m = matchVocName(name.trim().replace(/- /g, "-"));
        expect(m.kind === "species" ? m.id : m.kind, name).toBe(want);
      }
    }
  });
});
