import { describe, expect, it } from "vitest";
import { cellError, gridAccount, headerCellError, readGrid } from "../../src/io/grid";
import { AozoraInputError } from "../../src/io/errors";
import { readProfiles, readSpeciate } from "../../src/profiles/read";
import { readMachineLog } from "../../src/models/energy";

// Issue #15 item 4: one home for the account set-up every grid reader wrote for itself.
describe("gridAccount: the account a grid reader starts from", () => {
  // header on line 1, data on lines 2, 4 and 5, line 3 blank (4 data lines minus 1 blank = 3 records)
  const csv = "a,b\n1,2\n\n3,4\n5,6\n";

  it("counts the data records, lists the blank row and names the file", () => {
    const acc = gridAccount(readGrid({ name: "g.csv", text: csv }));
    expect(acc.file).toBe("g.csv");
    expect(acc.inputRows).toBe(3);
    expect(acc.blankRows).toEqual([3]);
    expect(acc.sheet).toBeUndefined();
    // the invariant inputRows = kept + set aside: 3 = 2 + 1 adds up, 3 = 3 + 1 does not
    acc.setAside.push({ row: 5, reason: "test" });
    expect(acc.finish(2).inputRows).toBe(3);
    expect(() => gridAccount(readGrid({ name: "g.csv", text: csv })).finish(4)).toThrow(/does not add up/);
  });

  it("a reader built on it reports the same rows (readProfiles: 2 records, blank line 3)", () => {
    const text = "profile,species,fraction (g/g)\nsoil,Al,0.07\n\nsoil,Si,0.2\n";
    const { account } = readProfiles({ name: "p.csv", text });
    expect(account.inputRows).toBe(2);
    expect(account.blankRows).toEqual([3]);
    expect(account.keptRows).toBe(2);
  });
});

describe("cellError: the one bad-cell error of grid readers", () => {
  it('names file, row, column header and number, expected and the cell text: g.csv, row 4, column "b" (#2)', () => {
    const grid = readGrid({ name: "g.csv", text: "a,b\n1,2\n\n3,x\n" });
    const r = grid.records[1]; // file row 4 (row 3 is blank)
    const e = cellError(grid, r, 1, "a number");
    expect(e).toBeInstanceOf(AozoraInputError);
    expect(e).toMatchObject({ file: "g.csv", row: 4, column: "b", columnNumber: 2, expected: "a number", found: "x" });
    expect(e.message).toBe('g.csv, row 4, column "b" (#2): expected a number, found "x"');
    expect(cellError(grid, r, 0, "a name", "an empty cell").found).toBe("an empty cell");
    // the header as written, trimmed: " b " names column "b"
    const spaced = readGrid({ name: "g.csv", text: "a, b \n1,x\n" });
    expect(cellError(spaced, spaced.records[0], 1, "a number").column).toBe("b");
  });

  it("a reader built on it: readSpeciate's weight percent 120 → row 2, column WEIGHT_PERCENT (#3)", () => {
    const text = "PROFILE_CODE,SPECIES_NAME,WEIGHT_PERCENT\nP1,Lead,120\n";
    expect(() => readSpeciate({ name: "s.csv", text })).toThrow(
      's.csv, row 2, column "WEIGHT_PERCENT" (#3): expected a weight percent from 0 to 100, found "120"',
    );
  });
});

describe("headerCellError: the one bad-header-cell error of grid readers", () => {
  it('names the header row, the trimmed header and its number: h.csv, row 1, column "Pb" (#3)', () => {
    const grid = readGrid({ name: "h.csv", text: "Date, ,  Pb \n1,2,3\n" });
    const e = headerCellError(grid, 2, "a species name not used by another column");
    expect(e).toMatchObject({ file: "h.csv", row: 1, column: "Pb", columnNumber: 3, found: "Pb" });
    expect(e.message).toBe(
      'h.csv, row 1, column "Pb" (#3): expected a species name not used by another column, found "Pb"',
    );
    // an empty header cell: no column name, the number only
    const empty = headerCellError(grid, 1, "a species name");
    expect(empty.column).toBeUndefined();
    expect(empty.message).toBe('h.csv, row 1, column #2: expected a species name, found "an empty header cell"');
    expect(headerCellError(grid, 2, "one column for element Pb", "a second one").found).toBe("a second one");
  });

  it('a reader built on it: readProfiles with "fraction (kg)" → row 1, column "fraction (kg)" (#3), found the header', () => {
    const text = "profile,species,fraction (kg)\nsoil,Al,0.07\n";
    expect(() => readProfiles({ name: "p.csv", text })).toThrow(
      /^p\.csv, row 1, column "fraction \(kg\)" \(#3\): expected a unit in the fraction header: .*, found "fraction \(kg\)"$/,
    );
  });

  it('readMachineLog: an unknown column "foo" (#3) is named with its number and found', () => {
    const text = "start,end,foo\n2025-05-01 08:00,2025-05-01 09:00,1\n";
    expect(() => readMachineLog({ name: "m.csv", text }, { utcOffset: "+08:00" })).toThrow(
      /^m\.csv, row 1, column "foo" \(#3\): expected a known machine-log column .*, found "foo"$/,
    );
  });
});
