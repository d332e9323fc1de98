import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { signalToNoise } from "../../src/sourceapport/prepare";
import { AozoraInputError } from "../../src/io/errors";

// EPA PMF 5.0 User Guide (Norris et al. 2014, EPA/600/R-14/108): the concentration and
// uncertainty files may be worksheets of one workbook; the user picks the worksheet of each.
const conc = [
  ["Sample", "SO4", "OC"],
  ["s1", 4, 2],
  ["s2", 6, 3],
  ["s3", 5, 1],
];
const unc = [
  ["Sample", "SO4", "OC"],
  ["s1", 0.4, 0.5],
  ["s2", 0.6, 0.5],
  ["s3", 0.5, 0.5],
];
function book(sheets: Record<string, (string | number)[][]>): { name: string; bytes: Uint8Array } {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return { name: "pmf-input.xlsx", bytes: XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array };
}
const opts = { unit: "µg/m3", sampleIds: true } as const;

describe("EPA PMF input from one workbook holding both matrices (issue #16 item 13)", () => {
  const wb = book({ Conc: conc, Unc: unc });
  it("sheet: { concentration, uncertainty } reads each matrix from its worksheet", () => {
    const d = readEpaPmf(wb, wb, { ...opts, sheet: { concentration: "Conc", uncertainty: "Unc" } });
    expect(d.species).toEqual(["SO4", "OC"]);
    expect(Array.from(d.x)).toEqual([4, 2, 6, 3, 5, 1]);
    expect(Array.from(d.s)).toEqual([0.4, 0.5, 0.6, 0.5, 0.5, 0.5]);
    expect(d.warnings).toEqual([]);
  });
  it("the same sheet for both (the default first sheet) is refused: uncertainty identical to concentration", () => {
    let err: AozoraInputError | undefined;
    try {
      readEpaPmf(wb, wb, opts);
    } catch (e) {
      err = e as AozoraInputError;
    }
    expect(err).toBeInstanceOf(AozoraInputError);
    expect(err!.file).toBe("pmf-input.xlsx");
    expect(err!.message).toMatch(/equals the concentration matrix .* in every cell/);
    expect(err!.message).toMatch(/sheet: \{ concentration, uncertainty \}/);
    expect(() => readEpaPmf(wb, wb, { ...opts, sheet: { concentration: "Conc", uncertainty: "Conc" } })).toThrow(
      /equals the concentration matrix of pmf-input\.xlsx \[sheet Conc\]/,
    );
  });
  it("a worksheet not in the workbook is an input error naming the sheets there", () => {
    expect(() => readEpaPmf(wb, wb, { ...opts, sheet: { concentration: "Conc", uncertainty: "Uncertainty" } })).toThrow(
      /worksheet named "Uncertainty" \(have: Conc, Unc\)/,
    );
  });
  it("warns when every species has S/N = 0 (swapped sheets)", () => {
    // swapped: x = 0.4..0.6 and 0.5, s = 4..6 and 1..3; d_ij = 0 wherever x ≤ s (EPA PMF 5.0 §5.3),
    // and here x < s in every cell, so S/N = 0 for SO4 and OC
    const d = readEpaPmf(wb, wb, { ...opts, sheet: { concentration: "Unc", uncertainty: "Conc" } });
    expect(Array.from(signalToNoise(d.x, d.s, d.n, d.m))).toEqual([0, 0]);
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/every species has S\/N = 0/);
    // one cell with x > s is enough for no warning: S/N(SO4) = (1/3)·(4.1 − 4)/4 > 0
    const one = book({ Conc: unc.map((r, i) => (i === 1 ? ["s1", 4.1, 0.5] : r)), Unc: conc });
    const d2 = readEpaPmf(one, one, { ...opts, sheet: { concentration: "Conc", uncertainty: "Unc" } });
    expect(signalToNoise(d2.x, d2.s, d2.n, d2.m)[0]).toBeCloseTo(0.1 / 4 / 3, 12);
    expect(d2.warnings).toEqual([]);
  });
  it("the same CSV file given as both matrices is refused, naming the uncertainty file", () => {
    const c = { name: "con.csv", text: "date,SO4,OC\ns1,4,2\ns2,6,3\n" };
    expect(() => readEpaPmf(c, { ...c, name: "unc.csv" }, opts)).toThrow(
      /unc\.csv, row 1: expected an uncertainty matrix \(it equals the concentration matrix of con\.csv in every cell/,
    );
  });
  it("one sheet name for both files", () => {
    const a = book({ Data: conc }),
      b = book({ Data: unc });
    const d = readEpaPmf({ ...a, name: "c.xlsx" }, { ...b, name: "u.xlsx" }, { ...opts, sheet: "Data" });
    expect(Array.from(d.s)).toEqual([0.4, 0.5, 0.6, 0.5, 0.5, 0.5]);
  });
});
