import fc from "fast-check";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readEpaPmfResults } from "../../src/sourceapport/read-epapmf-results";
import { garbage, readsOrRejects, runs, type Tally } from "../property/harness";
import { CONTRIBUTIONS_TXT, DIAGNOSTICS_CSV, ERROR_SUMMARY_CSV, PROFILES_TXT } from "./epapmf-results-fixture";

const files = [
  { name: "run_profiles.txt", text: PROFILES_TXT },
  { name: "run_contributions.txt", text: CONTRIBUTIONS_TXT },
  { name: "run_diagnostics.csv", text: DIAGNOSTICS_CSV },
  { name: "run_BaseErrorEstimationSummary.csv", text: ERROR_SUMMARY_CSV },
];

/** Rows of delimited text as an array of cell arrays (numbers as numbers, as Excel stores them). */
function aoa(text: string, sep: string): (string | number)[][] {
  return text
    .split("\r\n")
    .map((l) => (l === "" ? [] : l.split(sep).map((c) => (c !== "" && Number.isFinite(Number(c)) ? Number(c) : c))));
}

function workbook(sheets: [string, (string | number)[][]][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [n, rows] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), n);
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

describe("readEpaPmfResults", () => {
  const r = readEpaPmfResults(files);

  it("reads the base-run profile tables (species × factor) as written", () => {
    const c = r.profiles.concentration!;
    expect(c.factors).toEqual(["Factor 1", "Factor 2"]);
    expect(c.species).toEqual(["A", "B", "PM", "Fe"]);
    // factor-major: Factor 1 = A 2, B 5, PM 10, Fe 0.3; Factor 2 = A 2, B 1, PM 4, Fe 0.1
    expect(Array.from(c.values)).toEqual([2, 5, 10, 0.3, 2, 1, 4, 0.1]);
    expect(c.run).toBe(3);
    expect(c.place).toMatchObject({ file: "run_profiles.txt", row: 1, lastRow: 7 });
    expect(Array.from(r.profiles.percentOfSpeciesSum!.values)).toEqual([
      50, 83.333, 71.429, 75, 50, 16.667, 28.571, 25,
    ]);
    expect(r.baseRun).toBe(3);
  });

  it("reads both contribution tables; columns that are not factors are left out, empty cells NaN in the account", () => {
    const g = r.contributions.normalised!;
    expect(g.samples).toEqual(["2025-01-02", "2025-01-01", "2025-01-03", "2025-01-04"]);
    expect(Array.from(g.values)).toEqual([0.5, 1.5, 2, 0.5, 0.5, 1, 1, 1]);
    const gc = r.contributions.concentration!;
    expect(gc.factors).toEqual(["Factor 1", "Factor 2"]);
    expect(Array.from(gc.values.slice(0, 4))).toEqual([5, 6, 20, 2]);
    expect(gc.values[5]).toBeNaN();
    const acc = r.accounts.find((a) => a.file === "run_contributions.txt")!;
    // row 16 of the file (2025-01-03 in the conc.-units block), column "Factor 2"
    expect(acc.cellChanges).toEqual([expect.objectContaining({ row: 16, column: "Factor 2", reason: "missing-code" })]);
    // lines 1, 3, 9, 11, 12 are empty (the text ends with a line break after line 17)
    expect(acc.blankRows).toEqual([1, 3, 9, 11, 12]);
  });

  it("reads the base run summary table: Q(Robust), Q(True) per run", () => {
    expect(r.runs.map((x) => [x.run, x.qRobust, x.qTrue, x.converged])).toEqual([
      [1, 18.25, 19.5, true],
      [2, 17, 18, true],
      [3, 16.5, 17.25, true],
    ]);
    expect(r.runs[2].cells["# of Steps"]).toBe("210");
  });

  it("reads the bootstrap mapping table and the Q(Robust) percentiles", () => {
    const m = r.bootstrap.mapping!;
    expect(m.baseFactors).toEqual(["Base Factor 1", "Base Factor 2"]);
    expect(m.bootFactors).toEqual(["Boot Factor 1", "Boot Factor 2"]);
    expect(m.counts).toEqual([
      [97, 1],
      [0, 100],
    ]);
    expect(m.unmapped).toEqual([2, 0]);
    expect(r.bootstrap.qRobustPercentiles).toEqual({
      Base: 16.5,
      Min: 12.1,
      "25th": 14.3,
      Median: 15.8,
      "75th": 17.2,
      Max: 21.9,
    });
  });

  it("reads DISP diagnostics and the per-factor BS / BS-DISP / DISP intervals; lists what it skipped", () => {
    expect(r.disp).toMatchObject({
      errorCode: 0,
      largestDecreaseQ: -0.0125,
      percentDQ: -7.5758e-4,
      swapsByFactor: [0, 1],
    });
    expect(r.intervals.map((t) => [t.kind, t.factor, t.species.join()])).toEqual([
      ["concentration", 1, "A,B"],
      ["concentration", 2, "A,B"],
    ]);
    const t = r.intervals[0];
    // row B of factor 1: base 5, BS 5th…95th 4.1 4.6 5 5.3 5.9, BS-DISP 4 5.1 6, DISP 4.5 5 5.6
    expect([t.base[1], t.bs5[1], t.bs25[1], t.bs50[1], t.bs75[1], t.bs95[1]]).toEqual([5, 4.1, 4.6, 5, 5.3, 5.9]);
    expect([t.bsDisp5[1], t.bsDispAverage[1], t.bsDisp95[1], t.dispMin[1], t.dispAverage[1], t.dispMax[1]]).toEqual([
      4, 5.1, 6, 4.5, 5, 5.6,
    ]);
    expect(r.skipped).toEqual([
      {
        place: { file: "run_BaseErrorEstimationSummary.csv", title: "DISP Displaced Species", row: 1, lastRow: 2 },
        reason: "a block this reader does not read",
      },
    ]);
  });

  it("reads the same numbers from .xlsx workbooks (title in column A, run in A, species in B)", () => {
    const base = workbook([
      ["Profiles", aoa(PROFILES_TXT, "\t")],
      ["Contributions", aoa(CONTRIBUTIONS_TXT, "\t")],
    ]);
    const diag = workbook([["Base Runs", aoa(DIAGNOSTICS_CSV, ",")]]);
    const x = readEpaPmfResults([
      { name: "run_base.xlsx", bytes: base },
      { name: "run_diagnostics.xlsx", bytes: diag },
      { name: "run_BaseErrorEstimationSummary.csv", text: ERROR_SUMMARY_CSV },
    ]);
    expect(Array.from(x.profiles.concentration!.values)).toEqual(Array.from(r.profiles.concentration!.values));
    expect(x.profiles.concentration!.place).toMatchObject({ file: "run_base.xlsx", sheet: "Profiles", row: 1 });
    expect(Array.from(x.contributions.normalised!.values)).toEqual(Array.from(r.contributions.normalised!.values));
    expect(x.runs.map((q) => q.qRobust)).toEqual([18.25, 17, 16.5]);
    expect(x.bootstrap.mapping!.counts).toEqual(r.bootstrap.mapping!.counts);
    expect(x.accounts[0].sheet?.sheets).toEqual(["Profiles", "Contributions"]);
  });

  it("names file, row and column of a value that is not a number (text and workbook)", () => {
    const bad = PROFILES_TXT.replace("3\tB\t5\t1", "3\tB\t5\tn/a");
    expect(() => readEpaPmfResults({ name: "p.txt", text: bad })).toThrow(AozoraInputError);
    expect(() => readEpaPmfResults({ name: "p.txt", text: bad })).toThrow(
      'p.txt, row 5, column "Factor 2" (#4): expected a number (or an empty cell), found "n/a"',
    );
    const wb = workbook([["Profiles", aoa(bad, "\t")]]);
    expect(() => readEpaPmfResults({ name: "b.xlsx", bytes: wb })).toThrow(
      'b.xlsx [sheet Profiles], row 5, column "Factor 2" (#4)',
    );
  });

  it("refuses a profile block without its header, a repeated species, files without any result block, and no files", () => {
    const noHead = PROFILES_TXT.replace("\t\tFactor 1\tFactor 2", "Run\tSpecies\tFactor 1\tFactor 2");
    expect(() => readEpaPmfResults({ name: "p.txt", text: noHead })).toThrow(/p\.txt, row 3: expected a header row/);
    const twice = PROFILES_TXT.replace("3\tPM\t10\t4", "3\tA\t10\t4");
    expect(() => readEpaPmfResults({ name: "p.txt", text: twice })).toThrow(
      /row 6, column #2: expected one row per species/,
    );
    expect(() => readEpaPmfResults({ name: "x.csv", text: "a,b\n1,2\n" })).toThrow(
      /x\.csv: expected EPA PMF 5\.0 result blocks/,
    );
    expect(() => readEpaPmfResults([])).toThrow(RangeError);
  });
});

describe("readEpaPmfResults with blocks of several base runs (a _base.xlsx Profiles sheet)", () => {
  // run #1's block: Factor 1 = A 9 …; run #3's: the fixture. The run table's lowest Q(Robust) is run 3 (16.5).
  const run1 = PROFILES_TXT.split("\r\n")
    .slice(0, 8)
    .join("\r\n")
    .replace(/#3/g, "#1")
    .replace("3\tA\t2\t2", "1\tA\t9\t2");
  const sources = [
    { name: "run_profiles.txt", text: run1 + "\r\n" + PROFILES_TXT },
    { name: "run_diagnostics.csv", text: DIAGNOSTICS_CSV },
  ];

  it("keeps the run with the lowest Q(Robust) and lists the other run's blocks as skipped", () => {
    const r = readEpaPmfResults(sources);
    expect(r.baseRun).toBe(3);
    expect(r.profiles.concentration!.values[0]).toBe(2);
    expect(r.skipped.map((s) => [s.place.row, s.reason])).toEqual([[1, "base run #1 (base run #3 is read)"]]);
  });

  it("reads the run named by option run, and refuses a run without blocks", () => {
    const r = readEpaPmfResults(sources, { run: 1 });
    expect(r.baseRun).toBe(1);
    expect(r.profiles.concentration!.values[0]).toBe(9);
    // run 1 has no "% of species sum" block
    expect(r.profiles.percentOfSpeciesSum).toBeUndefined();
    expect(() => readEpaPmfResults(sources, { run: 7 })).toThrow(
      /expected profile or contribution blocks of base run #7/,
    );
    expect(() => readEpaPmfResults(sources, { run: 0 })).toThrow(RangeError);
  });
});

describe("readEpaPmfResults on broken files", () => {
  // mutated versions of the fixture files: either read with accounts that add up, or an AozoraInputError
  for (const [name, valid, seed] of [
    ["profiles", PROFILES_TXT, 2101],
    ["contributions", CONTRIBUTIONS_TXT, 2102],
    ["diagnostics", DIAGNOSTICS_CSV, 2103],
    ["error summary", ERROR_SUMMARY_CSV, 2104],
  ] as const) {
    it(`${name}: an account that adds up or AozoraInputError`, () => {
      const tally: Tally = { read: 0, rejected: 0 };
      fc.assert(
        fc.property(garbage(valid), (s) =>
          readsOrRejects(tally, "*", () => readEpaPmfResults({ name: `${name}.txt`, text: s }).accounts),
        ),
        runs(seed, 100),
      );
      expect(tally.rejected).toBeGreaterThan(0);
      expect(tally.read).toBeGreaterThan(0);
    });
  }
});
