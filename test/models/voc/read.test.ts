import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readVocTable } from "../../../src/models/voc/read";
import { AozoraInputError } from "../../../src/io/errors";
import { vocReactivity } from "../../../src/models/voc/reactivity";
import { simulateVocCanisters } from "../../../src/simulate/voccanister";
import { EXAMPLE_SETTINGS } from "../../../src/simulate/examples";
import type { VocCanisterTruth } from "../../../src/simulate/voccanister";

const DATA = join(__dirname, "..", "..", "..", "data");
const src = (text: string, name = "voc.csv") => ({ name, text });

describe("readVocTable: wide layout", () => {
  it("Chinese, Japanese and English headers with units, CAS numbers, m/p-xylene; unknown columns reported", () => {
    const csv = [
      '采样时间,乙烷(ppb),エタン2,74-98-6 (ppb),"m,p-二甲苯(ppb)",TVOC(ppb),备注',
      "2024-07-01 08:00,10,1,5,4,30,ok",
      "2024-07-01 14:00,12,2,6,3,31,ok",
    ].join("\n");
    const r = readVocTable(src(csv), { utcOffset: "+08:00" });
    expect(r.layout).toBe("wide");
    expect(r.samples).toEqual(["2024-07-01T08:00:00+08:00", "2024-07-01T14:00:00+08:00"]);
    expect(r.times![0]).toBe(Date.UTC(2024, 6, 1, 0, 0));
    expect(r.columns.map((c) => [c.header, c.match.id, c.by])).toEqual([
      ["乙烷(ppb)", "ethane", "zh"],
      ["74-98-6 (ppb)", "propane", "cas"],
      ["m,p-二甲苯(ppb)", "m,p-xylene", "synonym"],
    ]);
    expect(r.unmatched.map((u) => [u.header, u.reason])).toEqual([
      ["エタン2", "unknown species"],
      ["TVOC(ppb)", "unknown species"],
      ["备注", "text column"],
    ]);
    expect(Array.from(r.columns[0].values)).toEqual([10, 12]);
  });

  it("missing and below-detection cells are in the account; species without a header unit need --units", () => {
    const csv = "Time,Ethane,Toluene\n2024-07-01 08:00,NA,<0.02\n2024-07-01 14:00,3,1\n";
    expect(() => readVocTable(src(csv), { utcOffset: "+08:00" })).toThrow(/column "Ethane" \(#2\): expected a unit/);
    const r = readVocTable(src(csv), { utcOffset: "+08:00", units: "ppb" });
    expect(r.account.cellChanges.map((c) => [c.row, c.column, c.reason, c.value])).toEqual([
      [2, "Ethane", "missing-code", NaN],
      [2, "Toluene", "below-detection", 0.01],
    ]);
  });

  it("mixed units: an error naming the units, or converted to ppb with a record of each column", () => {
    const csv = "Time,Ethane (ppb),Toluene (µg/m3)\n2024-07-01 08:00,10,18.830647\n";
    expect(() => readVocTable(src(csv), { utcOffset: "+08:00" })).toThrow(
      /one unit for all VOC columns.*ppb: "Ethane \(ppb\)"; µg\/m3: "Toluene \(µg\/m3\)"/,
    );
    const r = readVocTable(src(csv), { utcOffset: "+08:00", mixedUnits: "convert" });
    expect(r.conversions).toEqual([{ header: "Toluene (µg/m3)", from: "µg/m3", to: "ppb" }]);
    // 18.830647 µg/m3 × 24.465437 / 92.14 = 5.000000 ppb (hand: the toluene example of reactivity.test.ts)
    expect(r.columns[1].values[0]).toBeCloseTo(5, 5);
    expect(r.columns[1].fileUnit).toBe("µg/m3");
  });

  it("negative values: an error naming row and column, or set missing/zero with an account entry", () => {
    const csv = "Time,Ethane (ppb)\n2024-07-01 08:00,10\n2024-07-01 14:00,-0.4\n";
    try {
      readVocTable(src(csv), { utcOffset: "+08:00" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AozoraInputError);
      expect((e as Error).message).toMatch(
        /voc\.csv, row 3, column "Ethane \(ppb\)" \(#2\): expected a concentration ≥ 0/,
      );
    }
    const r = readVocTable(src(csv), { utcOffset: "+08:00", negative: "missing" });
    expect(Number.isNaN(r.columns[0].values[1])).toBe(true);
    expect(r.account.flagged).toEqual([{ row: 3, reason: "negative-set-missing", detail: "Ethane (ppb): -0.4 → NaN" }]);
  });

  it("two columns of one species, or a pair and its member, are errors; an unsupported unit is an error; unknown: error", () => {
    expect(() =>
      readVocTable(src("Time,ethane (ppb),乙烷 (ppb)\n2024-07-01 08:00,1,1\n"), { utcOffset: "+08:00" }),
    ).toThrow(/one column per species \(column "ethane \(ppb\)" also holds ethane\)/);
    expect(() =>
      readVocTable(src("Time,m/p-xylene (ppb),m-xylene (ppb)\n2024-07-01 08:00,1,1\n"), { utcOffset: "+08:00" }),
    ).toThrow(/also holds m-xylene/);
    expect(() => readVocTable(src("Time,ethane (mg/m3)\n2024-07-01 08:00,1\n"), { utcOffset: "+08:00" })).toThrow(
      /a VOC unit/,
    );
    expect(() =>
      readVocTable(src("Time,ethane (ppb),Tolune (ppb)\n2024-07-01 08:00,1,1\n"), {
        utcOffset: "+08:00",
        unknown: "error",
      }),
    ).toThrow(/did you mean "toluene"/);
  });
});

describe("readVocTable: long layout", () => {
  it("time, species, value, unit rows become one column per species; absent combinations are listed", () => {
    const csv = [
      "Time,Species,Value,Unit",
      "2024-07-01 08:00,乙烷,10,ppb",
      "2024-07-01 08:00,Toluene,5,ppb",
      "2024-07-01 14:00,乙烷,12,ppb",
      "2024-07-01 14:00,Unobtainium,1,ppb",
    ].join("\n");
    const r = readVocTable(src(csv), { utcOffset: "+08:00" });
    expect(r.layout).toBe("long");
    expect(r.samples).toEqual(["2024-07-01T08:00:00+08:00", "2024-07-01T14:00:00+08:00"]);
    expect(r.columns.map((c) => c.match.id)).toEqual(["ethane", "toluene"]);
    expect(Array.from(r.columns[1].values)).toEqual([5, NaN]);
    expect(r.absentCells).toEqual([{ sample: "2024-07-01T14:00:00+08:00", column: "Toluene" }]);
    expect(r.unmatched).toEqual([
      { header: "Unobtainium", reason: "unknown species", suggestion: undefined, rows: [5] },
    ]);
    expect(r.account.inputRows).toBe(4);
  });
  it("a species in two units is an error unless converted; a repeated sample × species is an error", () => {
    const csv = "Sample,Species,Value,Unit\nA,toluene,5,ppb\nB,toluene,18.830647,µg/m3\n";
    expect(() => readVocTable(src(csv))).toThrow(/row 3.*the same unit for toluene in every row/);
    const r = readVocTable(src(csv), { mixedUnits: "convert" });
    expect(r.columns[0].values[1]).toBeCloseTo(5, 5);
    expect(r.account.flagged[0]).toMatchObject({ row: 3, reason: "unit-converted" });
    expect(() => readVocTable(src("Sample,Species,Value (ppb)\nA,toluene,5\nA,甲苯,6\n"))).toThrow(
      /row 3.*one value of toluene per sample \(row 2/,
    );
  });
});

describe("the shipped canister example (data/xian-voc-canister*.csv)", () => {
  const truth = JSON.parse(readFileSync(join(DATA, "xian-voc-canister.truth.json"), "utf8")) as VocCanisterTruth;
  it("regenerates from its seed (same bits)", () => {
    const s = simulateVocCanisters(EXAMPLE_SETTINGS.vocCanister);
    expect(s.csv).toBe(readFileSync(join(DATA, "xian-voc-canister.csv"), "utf8"));
    expect(s.csvZh).toBe(readFileSync(join(DATA, "xian-voc-canister-zh.csv"), "utf8"));
  });
  for (const f of ["xian-voc-canister.csv", "xian-voc-canister-zh.csv"]) {
    it(`${f}: 60 samples, every species matched, the unknown column reported, missing cells accounted`, () => {
      const r = readVocTable(join(DATA, f), { utcOffset: "+08:00" });
      expect(r.samples.length).toBe(60);
      expect(r.columns.length).toBe(truth.species.length - 1); // m- and p-xylene in one column
      expect(r.unmatched.length).toBe(1);
      expect(r.unmatched[0].reason).toBe("unknown species");
      const missing = r.account.cellChanges
        .filter((c) => c.reason === "missing-code")
        .map((c) => c.row)
        .sort((a, b) => a - b);
      expect(missing).toEqual(truth.missing.map((m) => m.row).sort((a, b) => a - b));
      // values equal the truth to the 3 decimals written
      const tol = r.columns.find((c) => c.match.id === "toluene")!;
      const tolMissing = new Set(truth.missing.filter((m) => m.species === "toluene").map((m) => m.row - 2));
      expect(tolMissing.size).toBe(1);
      Array.from(tol.values).forEach((v, i) => {
        if (tolMissing.has(i)) expect(Number.isNaN(v)).toBe(true);
        else expect(Math.abs(v - truth.ppb.toluene[i])).toBeLessThanOrEqual(0.0005 + 1e-12);
      });
    });
  }
  it("splitting m/p-xylene with the simulated fraction recovers m- and p-xylene", () => {
    const r = readVocTable(join(DATA, "xian-voc-canister.csv"), { utcOffset: "+08:00" });
    const x = vocReactivity(r.columns, {
      coelution: { mode: "split", fractions: { "m,p-xylene": truth.mXyleneFraction } },
    });
    const m = x.species.find((s) => s.id === "m-xylene")!;
    const mean = truth.ppb["m-xylene"].reduce((a, b) => a + b, 0) / 60;
    expect(Math.abs(m.ppb - mean)).toBeLessThan(0.0005);
  });
});
