import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { readMonitoringTable } from "../../src/io/monitoring";
import { neutraliseFormula, toCsv, toXlsx, writeCsv, writeXlsx } from "../../src/io/write";
import { AqTable } from "../../src/table/table";

const UG = "\u00b5g/m3";
// 2025-01-01 00:00, 01:00, 02:00 UTC = 09:00, 10:00, 11:00 at +09:00
const T = [Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1, 2)];

function sample(): AqTable {
  return AqTable.create(
    {
      time: T,
      "PM2.5": [0.1 + 0.2, NaN, 12.5],
      O3: [1e-7, -3.25, 0],
      site: ["北九州", "Dalian, LN", 'say "hi"'],
    },
    { "PM2.5": { unit: UG }, O3: { unit: "ppb" } },
    { column: "time", utcOffsetMinutes: 540 },
  );
}

function expectSample(t: AqTable): void {
  expect(t.names).toEqual(["time", "PM2.5", "O3", "site"]);
  expect(t.utcOffsetMinutes).toBe(540);
  expect(Array.from(t.times())).toEqual(T);
  expect(t.localTimes()).toEqual([
    "2025-01-01T09:00:00+09:00",
    "2025-01-01T10:00:00+09:00",
    "2025-01-01T11:00:00+09:00",
  ]);
  const pm = t.numbers("PM2.5");
  expect(pm[0]).toBe(0.30000000000000004); // 0.1 + 0.2 in binary floating point
  expect(pm[0]).toBe(0.1 + 0.2);
  expect(Number.isNaN(pm[1])).toBe(true);
  expect(pm[2]).toBe(12.5);
  expect(Array.from(t.numbers("O3"))).toEqual([1e-7, -3.25, 0]);
  expect(t.unit("PM2.5")).toBe(UG);
  expect(t.unit("O3")).toBe("ppb");
  expect(t.info("site").kind).toBe("string");
  expect(t.strings("site")).toEqual(["北九州", "Dalian, LN", 'say "hi"']);
}

describe("toCsv / readMonitoringTable round trip", () => {
  it("writes the documented layout", () => {
    const text = toCsv(sample());
    expect(text.split("\r\n")).toEqual([
      `time,PM2.5 (${UG}),O3 (ppb),site`,
      "2025-01-01T09:00:00+09:00,0.30000000000000004,1e-7,北九州",
      '2025-01-01T10:00:00+09:00,,-3.25,"Dalian, LN"',
      '2025-01-01T11:00:00+09:00,12.5,0,"say ""hi"""',
      "",
    ]);
    expect(toCsv(sample(), { delimiter: "\t" }).split("\r\n")[0]).toBe(`time\tPM2.5 (${UG})\tO3 (ppb)\tsite`);
  });

  it("values (NaN, 0.1+0.2, 1e-7), units, instants and the +09:00 offset come back", () => {
    const { table, account } = readMonitoringTable({ name: "rt.csv", text: toCsv(sample()) });
    expectSample(table);
    // the NaN was written as an empty cell: one missing-code change, in file row 3
    expect(account.cellChanges.map((c) => [c.row, c.column, c.original, c.reason])).toEqual([
      [3, "PM2.5", "", "missing-code"],
    ]);
  });

  it("tab-separated, with a BOM, through a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "aozora-write-"));
    try {
      const path = join(dir, "sub", "rt.tsv");
      writeCsv(sample(), path, { delimiter: "\t", bom: true });
      const bytes = readFileSync(path);
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xef, 0xbb, 0xbf]);
      expectSample(readMonitoringTable(path).table);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("offsets 0 (Z), -06:00 and +05:30 come back", () => {
    for (const off of [0, -360, 330]) {
      const t = AqTable.create(
        { time: T, x: [1, 2, 3] },
        { x: { unit: "1" } },
        { column: "time", utcOffsetMinutes: off },
      );
      const back = readMonitoringTable({ name: "o.csv", text: toCsv(t) }).table;
      expect(back.utcOffsetMinutes).toBe(off);
      expect(Array.from(back.times())).toEqual(T);
    }
    const z = AqTable.create({ time: [T[0]] }, {}, { column: "time", utcOffsetMinutes: 0 });
    expect(toCsv(z)).toBe("time\r\n2025-01-01T00:00:00Z\r\n");
  });

  it("-0 is written as -0", () => {
    const t = AqTable.create(
      { time: [T[0]], x: [-0] },
      { x: { unit: "1" } },
      { column: "time", utcOffsetMinutes: 540 },
    );
    expect(toCsv(t).split("\r\n")[1]).toBe("2025-01-01T09:00:00+09:00,-0");
    expect(Object.is(readMonitoringTable({ name: "z.csv", text: toCsv(t) }).table.numbers("x")[0], -0)).toBe(true);
  });
});

describe("toXlsx / readMonitoringTable round trip", () => {
  it("values, units, instants and offset come back; numbers are numeric cells", () => {
    const bytes = toXlsx(sample());
    const { table, account } = readMonitoringTable({ name: "rt.xlsx", bytes });
    expectSample(table);
    expect(account.cellChanges.map((c) => [c.row, c.column, c.reason])).toEqual([[3, "PM2.5", "missing-code"]]);

    const ws = XLSX.read(bytes, { type: "buffer" }).Sheets.data;
    expect(ws.A1.v).toBe("time");
    expect(ws.B1.v).toBe(`PM2.5 (${UG})`);
    expect(ws.A2.t).toBe("s");
    expect(ws.A2.v).toBe("2025-01-01T09:00:00+09:00");
    expect(ws.B2.t).toBe("n");
    expect(ws.B2.v).toBe(0.1 + 0.2);
    expect(ws.B3).toBeUndefined(); // NaN → no cell
  });

  it("writeXlsx writes a file that reads back, with a chosen sheet name", () => {
    const dir = mkdtempSync(join(tmpdir(), "aozora-write-"));
    try {
      const path = join(dir, "rt.xlsx");
      writeXlsx(sample(), path, { sheet: "PM" });
      expect(XLSX.read(readFileSync(path), { type: "buffer" }).SheetNames).toEqual(["PM"]);
      expectSample(readMonitoringTable(path, { sheet: "PM" }).table);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("formula injection", () => {
  const EVIL = "=cmd|' /C calc'!A0";

  it("neutraliseFormula prefixes an apostrophe to =, +, -, @, tab and CR", () => {
    expect(neutraliseFormula(EVIL)).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula("+1+1")).toBe("'+1+1");
    expect(neutraliseFormula("-2")).toBe("'-2");
    expect(neutraliseFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    expect(neutraliseFormula("Kitakyushu")).toBe("Kitakyushu");
    expect(neutraliseFormula("")).toBe("");
  });

  it("text cells and headers are neutralised in CSV and xlsx; negative numbers are not", () => {
    const t = AqTable.create({ note: [EVIL, "@x"], "=HYPERLINK": [-1, 2] }, { "=HYPERLINK": { unit: "1" } });
    const lines = toCsv(t).split("\r\n");
    expect(lines[0]).toBe("note,'=HYPERLINK (1)");
    expect(lines[1]).toBe("'=cmd|' /C calc'!A0,-1");
    expect(lines[2]).toBe("'@x,2");
    for (const line of lines) expect(line.startsWith("=")).toBe(false);

    const ws = XLSX.read(toXlsx(t), { type: "buffer" }).Sheets.data;
    expect(ws.A2.v).toBe("'=cmd|' /C calc'!A0");
    expect(ws.A2.f).toBeUndefined();
    expect(ws.B1.v).toBe("'=HYPERLINK (1)");
    expect(ws.B2.v).toBe(-1);
  });
});
