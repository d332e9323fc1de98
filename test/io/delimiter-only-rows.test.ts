import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { readMonitoringTable } from "../../src/io/monitoring";

// Issue #16 item 12 / #21: EPA PMF 5.0's own example files end with lines holding only tabs
// (EPA/600/R-14/108 §4: one row per sample, the first column the sample date). A line of
// delimiters only is a blank row — reported in the account's blankRows — never a sample filled
// with medians and never "expected a sample date".
describe("lines of delimiters only are blank rows", () => {
  const con = "Date\tPb\tZn\n1/13/2020\t1.5\t2.0\n1/16/2020\t1.0\t3.0\n1/19/2020\t2.5\t4.0\n\t\t\n\t\t\n";
  const unc = "Date\tPb\tZn\n1/13/2020\t0.2\t0.3\n1/16/2020\t0.2\t0.3\n1/19/2020\t0.3\t0.4\n\t\t\n\t\t\n";

  it("EPA PMF pair: 3 samples (not 5), the two tab-only lines 5 and 6 listed as blank rows", () => {
    const d = readEpaPmf(
      { name: "con.txt", text: con },
      { name: "unc.txt", text: unc },
      { unit: "µg/m3", utcOffset: "-06:00" },
    );
    expect(d.n).toBe(3);
    expect(d.m).toBe(2);
    expect(Array.from(d.x)).toEqual([1.5, 2.0, 1.0, 3.0, 2.5, 4.0]);
    expect(d.accounts.concentration.blankRows).toEqual([5, 6]);
    expect(d.accounts.uncertainty.blankRows).toEqual([5, 6]);
  });

  it("a comma-only line between data rows of a station CSV is a blank row, the rows around it are kept", () => {
    const csv = "time,PM2.5 (µg/m3)\n2025-01-01T00:00,10\n,\n2025-01-01T01:00,12\n";
    const { table, account } = readMonitoringTable({ name: "s.csv", text: csv }, { utcOffset: "+08:00" });
    expect(table.data.numRows()).toBe(2);
    expect(account.blankRows).toEqual([3]);
  });

  it("a row with one non-empty cell is still a record (an error here: no timestamp), not a blank row", () => {
    const csv = "time,PM2.5 (µg/m3)\n2025-01-01T00:00,10\n,11\n";
    expect(() => readMonitoringTable({ name: "s.csv", text: csv }, { utcOffset: "+08:00" })).toThrow(/row 3/);
  });
});
