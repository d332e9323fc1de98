/**
 * Issue #20, "Numbers and times are never silently wrong": decimal commas and thousands
 * separators, and the Excel 1904 date system. Expected values are worked by hand in the comments.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../property/harness";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable, type MonitoringReadOptions } from "../../src/io/monitoring";
import { makeZip, sheetXml, xlsxEntries } from "./zipfixture";

function thrown(f: () => unknown): AozoraInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError");
}

const read = (text: string, opts: MonitoringReadOptions = {}) =>
  readMonitoringTable({ name: "eu.csv", text }, { utcOffset: "+01:00", ...opts });

const EU = "Zeit;PM10 (µg/m3);NO2 (µg/m3)\n2025-01-01 00:00;12,5;40\n2025-01-01 01:00;7,25;41,0\n";

describe("decimal commas and thousands separators", () => {
  it("a ;-separated European export with 12,5 is refused at its row and column, never read as text", () => {
    const e = thrown(() => read(EU, { time: { column: "Zeit" } }));
    expect([e.row, e.column, e.columnNumber, e.found]).toEqual([2, "PM10 (µg/m3)", 2, "12,5"]);
    expect(e.expected).toBe('a plain number: "12,5" looks like a decimal comma; pass decimal: ","');
  });

  it('with decimal: "," the same file reads 12.5, 7.25 and 40, 41', () => {
    const { table, account } = read(EU, { time: { column: "Zeit" }, decimal: "," });
    expect(Array.from(table.numbers("PM10"))).toEqual([12.5, 7.25]);
    expect(Array.from(table.numbers("NO2"))).toEqual([40, 41]);
    expect(table.unit("PM10")).toBe("µg/m3");
    expect(account.cellChanges).toEqual([]);
  });

  it('"1,234" in every cell is refused, naming both readings; thousands: "," reads 1234 and 1234567.5', () => {
    const text = 'time,CO (ppb)\n2025-01-01T00:00Z,"1,234"\n2025-01-01T01:00Z,"1,234,567.5"\n';
    const e = thrown(() => read(text));
    expect([e.row, e.column, e.found]).toEqual([2, "CO (ppb)", "1,234"]);
    expect(e.expected).toBe(
      'a plain number: "1,234" looks like a decimal comma or a thousands separator; pass decimal: "," or thousands: ","',
    );
    expect(Array.from(read(text, { thousands: "," }).table.numbers("CO"))).toEqual([1234, 1234567.5]);
  });

  it('decimal "," with thousands ".", " " (also U+00A0, U+202F) and "\'"', () => {
    const dot = "time;CO (ppb)\n2025-01-01T00:00Z;1.234,5\n2025-01-01T01:00Z;12\n";
    expect(Array.from(read(dot, { decimal: ",", thousands: "." }).table.numbers("CO"))).toEqual([1234.5, 12]);
    const sp =
      "time;CO (ppb)\n2025-01-01T00:00Z;1 234,5\n2025-01-01T01:00Z;1\u00a0000\n2025-01-01T02:00Z;2\u202f000,25\n";
    expect(Array.from(read(sp, { decimal: ",", thousands: " " }).table.numbers("CO"))).toEqual([1234.5, 1000, 2000.25]);
    const ch = "time,CO (ppb)\n2025-01-01T00:00Z,1'234.5\n";
    expect(Array.from(read(ch, { thousands: "'" }).table.numbers("CO"))).toEqual([1234.5]);
    // below-detection limits are read with the same decimal mark: <0,5 → DL/2 = 0.25
    const bdl = "time;CO (ppb)\n2025-01-01T00:00Z;<0,5\n";
    expect(Array.from(read(bdl, { decimal: "," }).table.numbers("CO"))).toEqual([0.25]);
  });

  it("without the option, 1 234 and 1'234 and 1.234,5 are refused with the option to pass", () => {
    const cases: [string, string][] = [
      ["1 234", 'thousands: " "'],
      ["1'234", 'thousands: "\'"'],
      ["1.234,5", 'decimal: "," and thousands: "."'],
    ];
    for (const [cell, option] of cases) {
      const e = thrown(() => read(`time;CO (ppb)\n2025-01-01T00:00Z;${cell}\n`));
      expect([e.row, e.column, e.found]).toEqual([2, "CO (ppb)", cell]);
      expect(e.expected.endsWith(`pass ${option}`)).toBe(true);
    }
  });

  it('with decimal ",", a decimal point (12.5) and bad digit groups (12,50,0 with thousands ",") are errors, not guesses', () => {
    const e = thrown(() => read("time;CO (ppb)\n2025-01-01T00:00Z;1,5\n2025-01-01T01:00Z;12.5\n", { decimal: "," }));
    expect([e.row, e.found, e.expected]).toEqual([
      3,
      "12.5",
      'a number written with decimal "," (options decimal, thousands)',
    ]);
    const g = thrown(() => read('time,CO (ppb)\n2025-01-01T00:00Z,"12,50,0"\n', { thousands: "," }));
    expect([g.row, g.found]).toEqual([2, "12,50,0"]);
  });

  it("bad option values are a RangeError", () => {
    expect(() => read(EU, { decimal: ";" as "," })).toThrow(RangeError);
    expect(() => read(EU, { thousands: "_" as "," })).toThrow(RangeError);
    expect(() => read(EU, { decimal: ",", thousands: "," })).toThrow(RangeError);
    expect(() => read(EU, { thousands: "." })).toThrow(RangeError); // "." is already the decimal mark
  });

  it("numeric xlsx cells are numbers whatever decimal says", () => {
    const bytes = makeZip(
      xlsxEntries(
        sheetXml([
          ["time", "CO (ppb)"],
          ["2025-01-01T00:00:00Z", 12.5],
        ]),
      ),
    );
    const { table } = readMonitoringTable({ name: "n.xlsx", bytes }, { decimal: "," });
    expect(Array.from(table.numbers("CO"))).toEqual([12.5]);
  });
});

describe("Excel 1904 date system", () => {
  const rows = [
    ["time", "PM2.5 (µg/m3)"],
    [43538.5, 10],
    [43538.75, 20],
  ];
  it('<workbookPr date1904="1"/>: serial 43538.5 is 1904-01-01 + 43538.5 d = 2023-03-15 12:00 local', () => {
    // 1904 serial 43538 = 1900 serial 43538 + 1462 = 45000; 1900 serial 44927 is 2023-01-01, and
    // 45000 − 44927 = 73 days later = Jan (31) + Feb (28) + 14 → 2023-03-15. At +09:00, 12:00 local = 03:00Z.
    const bytes = makeZip(xlsxEntries(sheetXml(rows), { date1904: true }));
    const { table } = readMonitoringTable({ name: "mac.xlsx", bytes }, { utcOffset: "+09:00" });
    expect(Array.from(table.times(), (t) => new Date(t).toISOString())).toEqual([
      "2023-03-15T03:00:00.000Z",
      "2023-03-15T09:00:00.000Z",
    ]);
  });

  it("the same serials in a 1900-system workbook are 1,462 days earlier: 2019-03-14", () => {
    // 2023-03-15 − 1462 d: 2019-03-15 + 1461 d (2019–2022, one leap day) = 2023-03-15, so 2019-03-14
    const bytes = makeZip(xlsxEntries(sheetXml(rows)));
    const { table } = readMonitoringTable({ name: "win.xlsx", bytes }, { utcOffset: "+09:00" });
    expect(new Date(table.times()[0]).toISOString()).toBe("2019-03-14T03:00:00.000Z");
  });
});

describe("properties: decimal commas and digit groups (fast-check, fixed seeds)", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0));
  const hours = (n: number) =>
    Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 0, 1, i)).toISOString().replace(".000Z", "Z"));

  it('any finite number written with a decimal comma reads back exactly with decimal: ","; without it, the first comma cell is refused', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 12 }), (vals) => {
        const cells = vals.map((v) => String(v).replace(".", ","));
        const text = ["time;X (ppb)", ...hours(vals.length).map((t, i) => `${t};${cells[i]}`)].join("\n") + "\n";
        const got = readMonitoringTable({ name: "p.csv", text }, { decimal: "," }).table.numbers("X");
        expect(Array.from(got)).toEqual(vals);
        const first = cells.findIndex((c) => c.includes(","));
        if (first < 0) return;
        const e = thrown(() => readMonitoringTable({ name: "p.csv", text }));
        expect([e.row, e.column, e.found]).toEqual([first + 2, "X (ppb)", cells[first]]);
      }),
      runs(0x20d1),
    );
  });

  it("integers written in groups of three with any separator read back with that thousands option", () => {
    const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e15, max: 1e15 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(",", ".", " ", "'"),
        (vals, sep) => {
          const th = sep as "," | "." | " " | "'";
          const cells = vals.map((v) => group(v, sep));
          const text = ["time;X (ppb)", ...hours(vals.length).map((t, i) => `${t};"${cells[i]}"`)].join("\n") + "\n";
          const opts = th === "." ? { thousands: th, decimal: "," as const } : { thousands: th };
          expect(Array.from(readMonitoringTable({ name: "g.csv", text }, opts).table.numbers("X"))).toEqual(vals);
          const first = cells.findIndex((c) => c.includes(sep));
          if (first < 0 || sep === ".") return; // "1.234" without options is the plain number 1.234
          const e = thrown(() => readMonitoringTable({ name: "g.csv", text }));
          expect([e.row, e.found]).toEqual([first + 2, cells[first]]);
        },
      ),
      runs(0x20d2),
    );
  });
});
