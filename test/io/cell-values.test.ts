import { describe, expect, it } from "vitest";
import { DEFAULT_MISSING_CODES, missingCodeSet, missingCodeValues, parseCell } from "../../src/io/cells";
import { readMonitoringTable } from "../../src/io/monitoring";
import { thrown } from "../helpers";

// Issue #20 "Numbers and times are never silently wrong".
const csv = (text: string) => ({ name: "v.csv", text });
const M = missingCodeSet(DEFAULT_MISSING_CODES);

describe("missing codes are matched by value", () => {
  it("-999.00, -9999.000 and -9.99e2 are the codes -999 and -9999", () => {
    expect(missingCodeValues(M)).toEqual(expect.arrayContaining([-999, -9999]));
    for (const t of ["-999.00", "-9999.000", "-9.99e2", "－９９９．００"])
      expect(parseCell(t, M, "half-limit").kind).toBe("missing");
    // a near value is a number: -999.5 is not -999
    expect(parseCell("-999.5", M, "half-limit")).toEqual({ kind: "number", value: -999.5 });
  });

  it("the monitoring reader sets them to NaN and accounts for each", () => {
    const r = readMonitoringTable(
      csv("time,PM2.5 (µg/m3)\n2025-01-01T00:00Z,-999.00\n2025-01-01T01:00Z,12\n2025-01-01T02:00Z,-9999.000\n"),
    );
    const v = Array.from(r.table.numbers("PM2.5"));
    expect(Number.isNaN(v[0]) && v[1] === 12 && Number.isNaN(v[2])).toBe(true);
    expect(r.account.cellChanges.map((c) => [c.row, c.original, c.reason])).toEqual([
      [2, "-999.00", "missing-code"],
      [4, "-9999.000", "missing-code"],
    ]);
  });
});

describe("Unicode folding does not change a value", () => {
  it("5² is not 52 and ½ is not 1/2: they are invalid", () => {
    expect(parseCell("5²", M, "half-limit").kind).toBe("invalid");
    expect(parseCell("½", M, "half-limit").kind).toBe("invalid");
    expect(parseCell("<5²", M, "half-limit").kind).toBe("invalid");
  });

  it("full-width digits keep their value: １２．５ is 12.5, ＜０．２ is below 0.2", () => {
    expect(parseCell("１２．５", M, "half-limit")).toEqual({ kind: "number", value: 12.5 });
    expect(parseCell("＜０．２", M, "half-limit")).toEqual({ kind: "below-detection", value: 0.1, limit: 0.2 });
  });

  it("a 5² cell in a numeric column is an error naming the row and column", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("time,PM2.5 (µg/m3)\n2025-01-01T00:00Z,12\n2025-01-01T01:00Z,5²\n")),
    );
    expect([e.row, e.column, e.found]).toEqual([3, "PM2.5 (µg/m3)", "5²"]);
  });
});
