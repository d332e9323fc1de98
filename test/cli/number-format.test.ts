import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { numberFormatOf } from "../../src/cli/common";
import { run } from "./run";

// Issue #20: "Decimal commas and thousands separators: ... parse with an explicit `decimal: ","` /
// `thousands: ","` option (and `--decimal` on the CLI) or refuse with the row and column".
// Issue #16 item 13: "`sheet` option for the concentration and uncertainty files (EPA PMF lets the
// user pick the worksheet)".

const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-numfmt-"));

describe("--decimal / --thousands", () => {
  it("map to the readers' decimal / thousands options (space → ' ')", () => {
    expect(numberFormatOf({ decimal: ",", thousands: "space" })).toEqual({ decimal: ",", thousands: " " });
    expect(numberFormatOf({})).toEqual({});
  });
  it("read: 12,5 in a ;-separated export is refused without --decimal and read as 12.5 with it", async () => {
    const file = join(tmp, "eu.csv");
    writeFileSync(file, "Time;PM2.5 (µg/m3)\n2025-05-01 00:00;12,5\n2025-05-01 01:00;7\n");
    const plain = await run(["read", "--file", file, "--utc-offset", "+01:00"]);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/eu\.csv, row 2, column "PM2\.5/);
    const r = await run(["read", "--file", file, "--utc-offset", "+01:00", "--decimal", ",", "--json"]);
    expect(r.code, r.err).toBe(0);
    const col = JSON.parse(r.out).tables.data.columns[1];
    expect([col.name, col.kind, col.unit]).toEqual(["PM2.5", "number", "µg/m3"]); // numeric, unit kept
    const bad = await run(["read", "--file", file, "--decimal", ";"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--decimal/);
  });
  it("aqi: 1.234,5-style cells read with --decimal , --thousands . (24-h PM2.5 75 → IAQI 100, HJ 633-2012 Table 1)", async () => {
    const rows = [
      "Time;PM2.5 (µg/m3)",
      ...Array.from({ length: 24 }, (_, h) => `2025-05-01 ${String(h).padStart(2, "0")}:00;75,0`),
    ];
    const file = join(tmp, "eu-hourly.csv");
    writeFileSync(file, rows.join("\n") + "\n");
    const r = await run([
      "aqi",
      "--file",
      file,
      "--standard",
      "cn-2012",
      "--decimal",
      ",",
      "--thousands",
      ".",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).days[0].iaqi).toEqual({ PM25_24h: 100 });
  });
  it("an option the reader does not use is refused: --decimal with --kind hysplit", async () => {
    const tdump = join(tmp, "x.tdump");
    writeFileSync(tdump, "     1     1\n");
    const r = await run(["read", "--file", tdump, "--kind", "hysplit", "--decimal", ","]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--decimal/);
  });
});

describe("pmf / read --sheet with a workbook holding both matrices", () => {
  it("read --kind epa-pmf --sheet picks the worksheet; --unc-sheet on pmf names the uncertainty's", async () => {
    const conc = [
      ["Date", "SO4", "NO3"],
      ["2025-01-01", 1, 2],
      ["2025-01-02", 3, 4],
    ];
    const unc = [
      ["Date", "SO4", "NO3"],
      ["2025-01-01", 0.1, 0.2],
      ["2025-01-02", 0.3, 0.4],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(conc), "Conc");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(unc), "Unc");
    const file = join(tmp, "both-con.xlsx");
    writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
    // the same sheet read as both matrices is refused (identical matrices, issue #16 item 13)
    const same = await run([
      "read",
      "--file",
      file,
      "--kind",
      "epa-pmf",
      "--unc",
      file,
      "--unit",
      "µg/m3",
      "--sheet",
      "Conc",
    ]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/identical|same/i);
    const help = await run(["pmf", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--unc-sheet/);
  });
});
