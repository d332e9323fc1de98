import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { thrown } from "../helpers";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { readMonitoringTable } from "../../src/io/monitoring";
import { AozoraInputError } from "../../src/io/errors";

const UG = "\u00b5g/m3"; // canonical µg/m3 (MICRO SIGN)

function hex(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h.replace(/\s+/g, ""), "hex"));
}

function xlsxBytes(aoa: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "Sheet1");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

describe("readMonitoringTable: layout", () => {
  it("reads a UTF-8 CSV with a BOM; the BOM is not part of the first header", () => {
    const text = "\uFEFF日時,PM2.5 (ug/m3),SO2 (ppb)\r\n2025-01-01 09:00,12.5,3\r\n2025-01-01 10:00,14,4.25\r\n";
    const { table, account } = readMonitoringTable({ name: "bom.csv", text }, { utcOffset: "JP" });
    // the time column is always named "time"; the header as written is its `original`
    expect(table.names).toEqual(["time", "PM2.5", "SO2"]);
    expect(table.timeColumn).toBe("time");
    expect(table.info("time").original).toBe("日時");
    expect(table.utcOffsetMinutes).toBe(540);
    // 09:00 and 10:00 at +09:00 = 00:00 and 01:00 UTC
    expect(Array.from(table.times())).toEqual([Date.UTC(2025, 0, 1, 0, 0), Date.UTC(2025, 0, 1, 1, 0)]);
    expect(Array.from(table.numbers("PM2.5"))).toEqual([12.5, 14]);
    expect(Array.from(table.numbers("SO2"))).toEqual([3, 4.25]);
    expect(table.unit("PM2.5")).toBe(UG);
    expect(table.info("PM2.5").original).toBe("PM2.5 (ug/m3)");
    expect(table.unit("SO2")).toBe("ppb");
    expect(account.file).toBe("bom.csv");
    expect(account.inputRows).toBe(2);
    expect(account.keptRows).toBe(2);
    expect(account.cellChanges).toEqual([]);
  });

  it("tab-separated", () => {
    const text = "time\tNO2 (ppb)\tO3 (ppb)\n2025-01-01 08:00\t21\t30.5\n2025-01-01 09:00\t22\t31\n";
    const { table } = readMonitoringTable({ name: "t.tsv", text }, { utcOffset: "CN" });
    expect(table.names).toEqual(["time", "NO2", "O3"]);
    // 08:00 at +08:00 = 00:00 UTC
    expect(table.times()[0]).toBe(Date.UTC(2025, 0, 1, 0, 0));
    expect(Array.from(table.numbers("O3"))).toEqual([30.5, 31]);
  });

  it("semicolon-separated", () => {
    const text = "Date;PM10 (µg/m3);WS (m/s)\n2025-01-01 00:00;40;1.5\n2025-01-01 01:00;41;2\n";
    const { table } = readMonitoringTable({ name: "s.csv", text }, { utcOffset: 0 });
    expect(table.names).toEqual(["time", "PM10", "WS"]);
    expect(table.info("time").original).toBe("Date");
    expect(Array.from(table.numbers("PM10"))).toEqual([40, 41]);
    expect(Array.from(table.numbers("WS"))).toEqual([1.5, 2]);
    expect(table.unit("WS")).toBe("m/s");
    expect(table.times()[1]).toBe(Date.UTC(2025, 0, 1, 1, 0));
  });

  it("quoted fields with commas, doubled quotes and line breaks; rows are file rows", () => {
    const text = [
      "time,PM10 (ug/m3),remark", // row 1
      '2025-01-01T00:00:00Z,20,"dusty, windy"', // row 2
      '2025-01-01T01:00:00Z,NA,"line one', // row 3 (record continues on row 4)
      'line two"',
      '2025-01-01T02:00:00Z,,"said ""hi"""', // row 5
      "2025-01-01T03:00:00Z,-9999,ok", // row 6
      "",
    ].join("\n");
    const { table, account } = readMonitoringTable({ name: "q.csv", text });
    expect(table.strings("remark")).toEqual(["dusty, windy", "line one\nline two", 'said "hi"', "ok"]);
    expect(table.info("remark")).toEqual({ name: "remark", original: "remark", unit: "", kind: "string" });
    expect(Array.from(table.numbers("PM10"))).toEqual([20, NaN, NaN, NaN]);
    expect(account.cellChanges.map((c) => [c.row, c.column, c.original])).toEqual([
      [3, "PM10", "NA"],
      [5, "PM10", ""],
      [6, "PM10", "-9999"],
    ]);
    expect(account.inputRows).toBe(4);
  });

  it("a preamble above the header (headerRow option) and a blank line in the data", () => {
    const text =
      "Station: Kitakyushu\nExported 2025-02-01\ntime,PM2.5 (ug/m3)\n2025-01-01 09:00,10\n\n2025-01-01 10:00,11\n";
    const { table, account } = readMonitoringTable({ name: "p.csv", text }, { headerRow: 3, utcOffset: "+09:00" });
    expect(Array.from(table.numbers("PM2.5"))).toEqual([10, 11]);
    expect(account.blankRows).toEqual([5]);
    expect(account.inputRows).toBe(2);
    expect(account.keptRows).toBe(2);
  });

  it("reads a file path", () => {
    const dir = mkdtempSync(join(tmpdir(), "aozora-mon-"));
    try {
      const path = join(dir, "m.csv");
      writeFileSync(path, "time,CO (ppm)\n2025-01-01T00:00:00+08:00,0.4\n");
      const { table, account } = readMonitoringTable(path);
      expect(account.file).toBe(path);
      expect(table.numbers("CO")[0]).toBe(0.4);
      // 00:00 at +08:00 = 2024-12-31 16:00 UTC
      expect(table.times()[0]).toBe(Date.UTC(2024, 11, 31, 16, 0));
      const e = thrown(() => readMonitoringTable(join(dir, "absent.csv")));
      expect(e.file).toBe(join(dir, "absent.csv"));
      expect(e.message).toMatch(/a readable file/);
      expect(e.found).toBe("ENOENT");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readMonitoringTable: missing values and detection limits", () => {
  it("every missing code becomes NaN with one cellChange naming the file row", () => {
    const text = [
      "time,SO2 (ppb)", // row 1
      "2025-01-01 00:00,-999", // row 2
      "2025-01-01 01:00,-9999", // row 3
      "2025-01-01 02:00,", // row 4
      "2025-01-01 03:00,NA", // row 5
      "2025-01-01 04:00,N/D", // row 6
      "2025-01-01 05:00,7", // row 7
      "2025-01-01 06:00,欠測", // row 8
    ].join("\n");
    const { table, account } = readMonitoringTable({ name: "m.csv", text }, { utcOffset: "UTC" });
    const v = table.numbers("SO2");
    expect(Array.from(v)).toEqual([NaN, NaN, NaN, NaN, NaN, 7, NaN]);
    expect(account.cellChanges).toHaveLength(6);
    expect(account.cellChanges.map((c) => c.row)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(account.cellChanges.map((c) => c.original)).toEqual(["-999", "-9999", "", "NA", "N/D", "欠測"]);
    for (const c of account.cellChanges) {
      expect(c.reason).toBe("missing-code");
      expect(c.column).toBe("SO2");
      expect(Number.isNaN(c.value)).toBe(true);
    }
  });

  it("custom missing codes replace the default list", () => {
    const text = "time,SO2 (ppb)\n2025-01-01 00:00,-1\n2025-01-01 01:00,-999\n";
    const { table, account } = readMonitoringTable({ name: "m.csv", text }, { utcOffset: 0, missingCodes: ["-1"] });
    // -999 is then a plain (negative) number
    expect(Array.from(table.numbers("SO2"))).toEqual([NaN, -999]);
    expect(account.cellChanges.map((c) => [c.row, c.original])).toEqual([[2, "-1"]]);
  });

  it("below detection: <0.05 is 0.025 by default (half the limit), ND is NaN", () => {
    const text =
      "time,Pb (ng/m3)\n2025-01-01 00:00,<0.05\n2025-01-01 01:00,ND\n2025-01-01 02:00,0.3\n2025-01-01 03:00,＜0.2\n";
    const { table, account } = readMonitoringTable({ name: "d.csv", text }, { utcOffset: "CN" });
    const v = table.numbers("Pb");
    // half-limit: 0.05 / 2 = 0.025; full-width ＜0.2 → 0.2 / 2 = 0.1
    expect(v[0]).toBe(0.025);
    expect(Number.isNaN(v[1])).toBe(true);
    expect(v[2]).toBe(0.3);
    expect(v[3]).toBe(0.1);
    expect(table.unit("Pb")).toBe("ng/m3");
    expect(account.cellChanges.map((c) => [c.row, c.original, c.reason])).toEqual([
      [2, "<0.05", "below-detection"],
      [3, "ND", "below-detection"],
      [5, "＜0.2", "below-detection"],
    ]);
    expect(account.cellChanges[0].value).toBe(0.025);
    expect(account.cellChanges[0].detail).toMatch(/limit 0.05, policy half-limit/);
    expect(Number.isNaN(account.cellChanges[1].value)).toBe(true);
  });

  it("below detection under the other policies", () => {
    const text = "time,Pb (ng/m3)\n2025-01-01 00:00,<0.05\n2025-01-01 01:00,ND\n";
    const read = (belowDetection: "limit" | "zero" | "missing") =>
      readMonitoringTable({ name: "d.csv", text }, { utcOffset: "CN", belowDetection }).table.numbers("Pb");
    expect(read("limit")[0]).toBe(0.05);
    expect(read("zero")[0]).toBe(0);
    expect(Number.isNaN(read("missing")[0])).toBe(true);
    for (const p of ["limit", "zero", "missing"] as const) expect(Number.isNaN(read(p)[1])).toBe(true);
  });
});

describe("readMonitoringTable: headers and encodings", () => {
  it("Japanese headers with units are normalised; originals kept", () => {
    const text =
      "測定日時,微小粒子状物質(µg/m3),二酸化窒素(ppb),風速(m/s),気温(℃)\n2025年1月1日 9時,12,20,3.5,-1.5\n2025年1月1日 10時,13,21,3.0,-1.0\n";
    const { table } = readMonitoringTable({ name: "jp.csv", text }, { utcOffset: "JP" });
    expect(table.names).toEqual(["time", "PM2.5", "NO2", "WS", "TEMP"]);
    expect(table.info("time")).toEqual({ name: "time", original: "測定日時", unit: "", kind: "time" });
    expect(table.info("PM2.5")).toEqual({ name: "PM2.5", original: "微小粒子状物質(µg/m3)", unit: UG, kind: "number" });
    expect(table.unit("WS")).toBe("m/s");
    expect(table.unit("TEMP")).toBe("\u00b0C");
    // 2025年1月1日 9時 at +09:00 = 00:00 UTC
    expect(table.times()[0]).toBe(Date.UTC(2025, 0, 1, 0, 0));
    expect(Array.from(table.numbers("TEMP"))).toEqual([-1.5, -1]);
  });

  it("Chinese headers with μg/m³ units", () => {
    const text = "监测时间,细颗粒物(μg/m³),臭氧(μg/m³),二氧化硫(μg/m³)\n2025-01-01 08:00,35,60,8\n";
    const { table } = readMonitoringTable({ name: "cn.csv", text }, { utcOffset: "CN" });
    expect(table.names).toEqual(["time", "PM2.5", "O3", "SO2"]);
    expect(table.info("time").original).toBe("监测时间");
    for (const n of ["PM2.5", "O3", "SO2"]) expect(table.unit(n)).toBe(UG);
    expect(table.times()[0]).toBe(Date.UTC(2025, 0, 1, 0, 0));
  });

  it("normaliseNames: false keeps the header names", () => {
    const text = "time,PM25 (ug/m3)\n2025-01-01T00:00Z,1\n";
    const { table } = readMonitoringTable({ name: "n.csv", text }, { normaliseNames: false });
    expect(table.names).toEqual(["time", "PM25"]);
  });

  // "日時,微小粒子状物質(ug/m3)\r\n2025/01/01 01:00,12.5\r\n" in Shift_JIS:
  // 日 93FA, 時 8E9E, 微 94F7, 小 8FAC, 粒 97B1, 子 8E71, 状 8FF3, 物 95A8, 質 8EBF; ASCII as is.
  const SJIS = hex(`
    93fa 8e9e 2c 94f7 8fac 97b1 8e71 8ff3 95a8 8ebf 28 75 67 2f 6d 33 29 0d 0a
    32 30 32 35 2f 30 31 2f 30 31 20 30 31 3a 30 30 2c 31 32 2e 35 0d 0a`);

  it("Shift_JIS bytes with encoding shift_jis", () => {
    const { table } = readMonitoringTable(
      { name: "sjis.csv", bytes: SJIS },
      { encoding: "shift_jis", utcOffset: "JP" },
    );
    expect(table.names).toEqual(["time", "PM2.5"]);
    expect(table.info("time").original).toBe("日時");
    expect(table.info("PM2.5").original).toBe("微小粒子状物質(ug/m3)");
    expect(table.unit("PM2.5")).toBe(UG);
    expect(table.numbers("PM2.5")[0]).toBe(12.5);
    // 2025-01-01 01:00 at +09:00 = 2024-12-31 16:00 UTC
    expect(table.times()[0]).toBe(Date.UTC(2024, 11, 31, 16, 0));
  });

  it("Shift_JIS bytes read as the default utf-8 are an AozoraInputError naming the row", () => {
    const e = thrown(() => readMonitoringTable({ name: "sjis.csv", bytes: SJIS }, { utcOffset: "JP" }));
    expect(e.file).toBe("sjis.csv");
    expect(e.row).toBe(1);
    expect(e.message).toMatch(/shift_jis/);
    expect(e.message).toMatch(/not valid utf-8/);
  });

  // "时间,细颗粒物(ug/m3)\r\n2025-01-01 01:00,33\r\n" in GBK: 时 CAB1, 间 BCE4, 细 CFB8, 颗 BFC5, 粒 C1A3, 物 CEEF
  const GBK = hex(`
    cab1 bce4 2c cfb8 bfc5 c1a3 ceef 28 75 67 2f 6d 33 29 0d 0a
    32 30 32 35 2d 30 31 2d 30 31 20 30 31 3a 30 30 2c 33 33 0d 0a`);

  it("GBK bytes with encoding gbk", () => {
    const { table } = readMonitoringTable({ name: "gbk.csv", bytes: GBK }, { encoding: "gbk", utcOffset: "CN" });
    expect(table.names).toEqual(["time", "PM2.5"]);
    expect(table.info("time").original).toBe("时间");
    expect(table.numbers("PM2.5")[0]).toBe(33);
    // 2025-01-01 01:00 at +08:00 = 2024-12-31 17:00 UTC
    expect(table.times()[0]).toBe(Date.UTC(2024, 11, 31, 17, 0));
    expect(thrown(() => readMonitoringTable({ name: "gbk.csv", bytes: GBK }, { utcOffset: "CN" })).row).toBe(1);
  });
});

describe("readMonitoringTable: xlsx", () => {
  it("reads a workbook with Excel date serials in the time column", () => {
    const bytes = xlsxBytes([
      ["Date", "PM2.5 (µg/m3)", "NO2 (ppb)", "site"],
      // 45658 = 2025-01-01 (1900 system: 1 + 45656 real days + Excel's fictitious 1900-02-29)
      [45658.375, 10.5, 20, "Kitakyushu"], // + 9/24 day = 09:00
      [45658 + 10 / 24, null, 21, "Kitakyushu"], // 10:00 (a fraction that is not exact in binary)
      [45658.5, 12, 22, "Kitakyushu"], // + 12/24 day = 12:00
    ]);
    const { table, account } = readMonitoringTable({ name: "w.xlsx", bytes }, { utcOffset: "+09:00" });
    expect(table.names).toEqual(["time", "PM2.5", "NO2", "site"]);
    // 09:00, 10:00, 12:00 at +09:00 = 00:00, 01:00, 03:00 UTC
    expect(Array.from(table.times())).toEqual([
      Date.UTC(2025, 0, 1, 0),
      Date.UTC(2025, 0, 1, 1),
      Date.UTC(2025, 0, 1, 3),
    ]);
    expect(table.localTimes()[0]).toBe("2025-01-01T09:00:00+09:00");
    expect(Array.from(table.numbers("PM2.5"))).toEqual([10.5, NaN, 12]);
    expect(table.unit("PM2.5")).toBe(UG);
    expect(table.strings("site")).toEqual(["Kitakyushu", "Kitakyushu", "Kitakyushu"]);
    // the empty cell is in spreadsheet row 3 (header is row 1)
    expect(account.cellChanges.map((c) => [c.row, c.column, c.reason])).toEqual([[3, "PM2.5", "missing-code"]]);
    expect(account.inputRows).toBe(3);
  });

  it("Excel serial times need the site offset", () => {
    const bytes = xlsxBytes([
      ["Date", "PM2.5 (µg/m3)"],
      [45658.375, 1],
    ]);
    const e = thrown(() => readMonitoringTable({ name: "w.xlsx", bytes }));
    expect(e.row).toBe(2);
    expect(e.column).toBe("Date");
    expect(e.message).toMatch(/utcOffset/);
  });

  it("ISO text times in a workbook, and a chosen sheet", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["notes"], ["nothing here"]]), "README");
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["time", "O3 (ppb)"],
        ["2025-01-01T08:00:00+08:00", 35],
        ["2025-01-01T09:00:00+08:00", 36],
      ]),
      "data",
    );
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    const { table } = readMonitoringTable({ name: "s.xlsx", bytes }, { sheet: "data" });
    expect(table.utcOffsetMinutes).toBe(480);
    expect(Array.from(table.times())).toEqual([Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1)]);
    expect(Array.from(table.numbers("O3"))).toEqual([35, 36]);
    const e = thrown(() => readMonitoringTable({ name: "s.xlsx", bytes }, { sheet: "nope" }));
    expect(e.message).toMatch(/worksheet named "nope" \(have: README, data\)/);
  });
});

describe("readMonitoringTable: time", () => {
  it("timestamps that carry their offset need no utcOffset option", () => {
    const text = "time,O3 (ppb)\n2025-01-01T09:00:00+09:00,30\n2025-01-01T10:00:00+09:00,31\n";
    const { table } = readMonitoringTable({ name: "o.csv", text });
    expect(table.utcOffsetMinutes).toBe(540);
    expect(Array.from(table.times())).toEqual([Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1)]);
    expect(table.localTimes()).toEqual(["2025-01-01T09:00:00+09:00", "2025-01-01T10:00:00+09:00"]);
  });

  it("mixed offsets in the text need the site offset as an option", () => {
    const text = "time,O3 (ppb)\n2025-01-01T09:00:00+09:00,30\n2025-01-01T09:00:00+08:00,31\n";
    const e = thrown(() => readMonitoringTable({ name: "o.csv", text }));
    expect(e.column).toBe("time");
    expect(e.message).toMatch(/utcOffset/);
    const { table } = readMonitoringTable({ name: "o.csv", text }, { utcOffset: "JP" });
    expect(table.utcOffsetMinutes).toBe(540);
    // 09:00+09:00 = 00:00 UTC; 09:00+08:00 = 01:00 UTC
    expect(Array.from(table.times())).toEqual([Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1)]);
  });

  it("the time column and its layout can be named", () => {
    const text = "when,PM10 (ug/m3)\n02/01/2025 10:00,5\n03/01/2025 10:00,6\n";
    const { table } = readMonitoringTable(
      { name: "d.csv", text },
      { time: { column: "when", format: "dmy" }, utcOffset: 0 },
    );
    // day-first: 2 January and 3 January
    expect(Array.from(table.times())).toEqual([Date.UTC(2025, 0, 2, 10), Date.UTC(2025, 0, 3, 10)]);
    const mdy = readMonitoringTable(
      { name: "d.csv", text },
      { time: { column: "when", format: "mdy" }, utcOffset: 0 },
    ).table;
    // month-first: 1 February and 1 March
    expect(Array.from(mdy.times())).toEqual([Date.UTC(2025, 1, 1, 10), Date.UTC(2025, 2, 1, 10)]);
  });

  it("time: false reads the time-like column as text", () => {
    const text = "time,PM10 (ug/m3)\n2025-01-01 00:00,5\n";
    const { table } = readMonitoringTable({ name: "d.csv", text }, { time: false });
    expect(table.timeColumn).toBeUndefined();
    expect(table.strings("time")).toEqual(["2025-01-01 00:00"]);
  });

  it("out-of-order rows are kept in file order and flagged", () => {
    const text = [
      "time,PM2.5 (ug/m3)", // row 1
      "2025-01-01 00:00,1", // row 2
      "2025-01-01 02:00,2", // row 3
      "2025-01-01 01:00,3", // row 4: earlier than row 3
      "2025-01-01 03:00,4", // row 5
    ].join("\n");
    const { table, account } = readMonitoringTable({ name: "o.csv", text }, { utcOffset: 0 });
    expect(Array.from(table.times())).toEqual([
      Date.UTC(2025, 0, 1, 0),
      Date.UTC(2025, 0, 1, 2),
      Date.UTC(2025, 0, 1, 1),
      Date.UTC(2025, 0, 1, 3),
    ]);
    expect(Array.from(table.numbers("PM2.5"))).toEqual([1, 2, 3, 4]);
    expect(account.flagged).toHaveLength(1);
    expect(account.flagged[0].row).toBe(4);
    expect(account.flagged[0].reason).toBe("out-of-order");
    expect(account.setAside).toEqual([]);
    expect(account.keptRows).toBe(4);
  });
});

describe("readMonitoringTable: columns and account", () => {
  it("text columns are detected; a numeric-looking code column can be forced to text", () => {
    const text =
      "time,station,code,PM2.5 (ug/m3)\n2025-01-01 00:00,Kitakyushu,0401,1\n2025-01-01 01:00,Dalian,-999,2\n";
    const auto = readMonitoringTable({ name: "t.csv", text }, { utcOffset: 0, units: { code: "1" } }).table;
    expect(auto.info("station")).toEqual({ name: "station", original: "station", unit: "", kind: "string" });
    expect(auto.strings("station")).toEqual(["Kitakyushu", "Dalian"]);
    expect(auto.info("code").kind).toBe("number");
    expect(Array.from(auto.numbers("code"))).toEqual([401, NaN]);
    const forced = readMonitoringTable(
      { name: "t.csv", text },
      { utcOffset: 0, textColumns: ["station", "code"] },
    ).table;
    expect(forced.strings("code")).toEqual(["0401", "-999"]);
  });

  it("units from options override the header; defaultUnit fills columns without one", () => {
    const text = "time,PM2.5 (mg/m3),SO2,ratio\n2025-01-01 00:00,1,2,0.5\n";
    const { table } = readMonitoringTable(
      { name: "u.csv", text },
      { utcOffset: 0, units: { "PM2.5": "ug/m3", SO2: "ppbv" }, defaultUnit: "1" },
    );
    expect(table.unit("PM2.5")).toBe(UG);
    expect(table.unit("SO2")).toBe("ppb");
    expect(table.unit("ratio")).toBe("1");
  });

  it("a column with only missing cells is numeric (NaN), not text", () => {
    const text = "time,NO (ppb)\n2025-01-01 00:00,\n2025-01-01 01:00,NA\n";
    const { table, account } = readMonitoringTable({ name: "e.csv", text }, { utcOffset: 0 });
    expect(table.info("NO").kind).toBe("number");
    expect(Array.from(table.numbers("NO"))).toEqual([NaN, NaN]);
    expect(account.cellChanges.map((c) => c.row)).toEqual([2, 3]);
  });

  it("account counts add up: inputRows = keptRows + setAside; blank rows are not data rows", () => {
    const text = "time,PM2.5 (ug/m3)\n2025-01-01 00:00,1\n\n2025-01-01 01:00,-999\n2025-01-01 02:00,<1\n\n\n";
    const { table, account } = readMonitoringTable({ name: "a.csv", text }, { utcOffset: "UTC" });
    expect(account.inputRows).toBe(3);
    expect(account.keptRows).toBe(3);
    expect(account.setAside).toEqual([]);
    expect(account.inputRows).toBe(account.keptRows + account.setAside.length);
    expect(table.numRows).toBe(3);
    expect(account.blankRows).toEqual([3, 6, 7]);
    expect(account.cellChanges.map((c) => [c.row, c.reason])).toEqual([
      [4, "missing-code"],
      [5, "below-detection"],
    ]);
    expect(table.numbers("PM2.5")[2]).toBe(0.5); // <1 → 1 / 2
  });

  it("a table with no time column", () => {
    const text = "sample,OC (ug/m3),EC (ug/m3)\nA1,3.2,1.1\nA2,2.8,0.9\n";
    const { table } = readMonitoringTable({ name: "nt.csv", text });
    expect(table.timeColumn).toBeUndefined();
    expect(table.strings("sample")).toEqual(["A1", "A2"]);
    expect(Array.from(table.numbers("EC"))).toEqual([1.1, 0.9]);
  });
});

describe("readMonitoringTable: column kinds and empty files", () => {
  it("a column of only ND markers is numeric (NaN), each cell accounted for", () => {
    const r = readMonitoringTable(
      { name: "nd.csv", text: "time,Cd (ng/m3),PM2.5 (µg/m3)\n2025-01-01 00:00,ND,12\n2025-01-01 01:00,ND,13\n" },
      { utcOffset: "+08:00" },
    );
    expect(r.table.info("Cd").kind).toBe("number");
    expect(r.table.unit("Cd")).toBe("ng/m3");
    expect(Array.from(r.table.numbers("Cd")).every(Number.isNaN)).toBe(true);
    expect(r.account.cellChanges.map((c) => [c.row, c.column, c.reason])).toEqual([
      [2, "Cd", "below-detection"],
      [3, "Cd", "below-detection"],
    ]);
  });
  it("textColumns adds to detection: an unlisted text column is still text", () => {
    const r = readMonitoringTable(
      {
        name: "t.csv",
        text: "time,code,site,PM2.5 (µg/m3)\n2025-01-01 00:00,0401,Kawasaki,12\n2025-01-01 01:00,0402,Kawasaki,13\n",
      },
      { utcOffset: "JP", textColumns: ["code"] },
    );
    expect(r.table.strings("code")).toEqual(["0401", "0402"]);
    expect(r.table.strings("site")).toEqual(["Kawasaki", "Kawasaki"]);
  });
  it("a header without data rows is an error naming row 2", () => {
    const e = thrown(() =>
      readMonitoringTable({ name: "empty.csv", text: "time,PM2.5 (µg/m3)\n" }, { utcOffset: "CN" }),
    );
    expect(e.file).toBe("empty.csv");
    expect(e.row).toBe(2);
    expect(e.message).toMatch(/at least one data row/);
  });
});

describe("text cells with surrounding white space", () => {
  it("are trimmed and every trimmed cell is in the account (row, column, original, kept text)", () => {
    // file rows: 1 header, 2 "  Kawasaki " (trimmed), 3 "Kawasaki" (unchanged), 4 "Shenyang\t" (trimmed)
    const text =
      "time,site,PM2.5 (µg/m3)\n2025-01-01 00:00,  Kawasaki ,12\n2025-01-01 01:00,Kawasaki,13\n2025-01-01 02:00,Shenyang\t,14\n";
    const { table, account } = readMonitoringTable({ name: "pad.csv", text }, { utcOffset: "JP" });
    expect(table.strings("site")).toEqual(["Kawasaki", "Kawasaki", "Shenyang"]);
    const trims = account.cellChanges.filter((c) => c.reason === "whitespace-trimmed");
    expect(trims.map((c) => ({ row: c.row, column: c.column, original: c.original, text: c.text }))).toEqual([
      { row: 2, column: "site", original: "  Kawasaki ", text: "Kawasaki" },
      { row: 4, column: "site", original: "Shenyang\t", text: "Shenyang" },
    ]);
  });
});
