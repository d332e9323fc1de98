import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isNiesHourlyHeader, readNiesHourly } from "../../src/network/nies";
import { NIES_HOUR_COLUMNS } from "../../src/network/tables/nies";
import { encodeShiftJis } from "../../src/io/encode";
import { writeNiesFiles } from "../../src/simulate/nies";
import { thrown } from "../helpers";

// NIES 大気環境時間値 files (layout: TJ_manu.pdf as quoted by twill3c/weather-atmosphere-atlas-ai jwaa/nies.py;
// hour labels: 環境展望台 "測定値について" — "1時データ | 0時〜0時59分のデータ …": 01h = 00:00–01:00 JST).
const HEADER =
  "測定年度,測定局コード,市町村コード,測定項目コード,測定単位コード,測定月,測定日," + NIES_HOUR_COLUMNS.join(",");
const row = (fy: number, st: string, item: string, unit: string, m: number, d: number, v: (h: number) => string) =>
  [
    String(fy),
    st,
    "14131",
    item.padEnd(4),
    unit.padEnd(6),
    String(m).padStart(2),
    String(d).padStart(2),
    ...Array.from({ length: 24 }, (_, h) => v(h + 1).padStart(4)),
  ].join(",");
const sj = (lines: string[], name = "j14_2023.csv") => ({
  name,
  bytes: encodeShiftJis([HEADER, ...lines].join("\r\n") + "\r\n"),
});

describe("readNiesHourly: a hand-written file in the documented layout", () => {
  // FY2023: April 2023 … March 2024 (2024 is a leap year: 2/29 exists, 2/30 does not)
  const file = sj([
    row(2023, "14130010", "PM25", "UG/M3", 4, 1, (h) => (h === 3 ? "9999" : h === 4 ? "9997" : String(h))),
    row(2023, "14130010", "CO", "0.1PPM", 4, 1, (h) => (h === 5 ? "9998" : "3")),
    row(2023, "14130010", "PM25", "UG/M3", 4, 31, () => "9998"), // a day April does not have
    row(2023, "14130010", "PM25", "UG/M3", 2, 29, () => "7"), // 2024-02-29
    row(2023, "14130010", "PM25", "UG/M3", 2, 30, () => "9998"),
  ]);
  const { table, account } = readNiesHourly(file);
  it("01h … 24h are hour ends: 01h of 2023-04-01 starts at 00:00 JST = 2023-03-31T15:00Z; Feb is in 2024", () => {
    const t = table.times();
    expect(t[0]).toBe(Date.UTC(2023, 2, 31, 15));
    expect(t[23]).toBe(Date.UTC(2023, 3, 1, 14)); // 24h = 23:00–24:00 JST
    expect(table.localTimes()[23]).toBe("2023-04-01T23:00:00+09:00");
    // rows sorted by station then time: 2024-02-29 (fiscal year 2023, month 2) after 2023-04-01
    expect(t[24]).toBe(Date.UTC(2024, 1, 28, 15));
    expect(table.numRows).toBe(48);
    expect(table.utcOffsetMinutes).toBe(540);
  });
  it("units from the unit codes, integers scaled (CO 0.1PPM: 3 → 0.3 ppm), codes → NaN with their meaning", () => {
    expect(table.unit("PM2.5")).toBe("µg/m3");
    expect(table.unit("CO")).toBe("ppm");
    const pm = Array.from(table.numbers("PM2.5"));
    expect(pm.slice(0, 5)).toEqual([1, 2, NaN, NaN, 5]);
    expect(pm.slice(24)).toEqual(new Array(24).fill(7));
    const co = Array.from(table.numbers("CO"));
    expect(co.slice(0, 6)).toEqual([0.3, 0.3, 0.3, 0.3, NaN, 0.3]);
    expect(co.slice(24)).toEqual(new Array(24).fill(NaN)); // no CO row for 2/29: absent, not a changed cell
    const codes = account.cellChanges.map((c) => [c.row, c.column, c.original, c.detail]);
    expect(codes).toEqual([
      [2, "PM2.5", "9999", "NIES code 9999: 欠測値 (missing)"],
      [2, "PM2.5", "9997", "NIES code 9997: エラー値 (error value)"],
      [3, "CO", "9998", "NIES code 9998: 未測値 (not measured; also fills the days a month does not have)"],
    ]);
    expect(account.notes).toContain("CO: unit code 0.1PPM, file integers × 0.1 → ppm");
  });
  it("the days a month lacks (4/31, 2/30) are set aside, every row accounted for", () => {
    expect(account.setAside.map((s) => [s.row, s.reason])).toEqual([
      [4, "not-a-calendar-day"],
      [6, "not-a-calendar-day"],
    ]);
    expect(account.inputRows).toBe(5);
    expect(account.keptRows + account.setAside.length).toBe(account.inputRows);
    expect(table.strings("station")).toEqual(new Array(48).fill("14130010"));
    expect(table.strings("municipality code")[0]).toBe("14131");
  });
  it("the header is detected; a soramame header is not", () => {
    expect(isNiesHourlyHeader(HEADER.split(","))).toBe(true);
    expect(isNiesHourlyHeader("測定局コード,日付,時,SO2(ppm)".split(","))).toBe(false);
  });
});

describe("readNiesHourly: round trip of simulated files (several seeds)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aozora-nies-"));
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every value, code and padding row reads back`, () => {
      const truth = writeNiesFiles(join(dir, `s${seed}`), { seed, months: [4, 2, 3], codeFraction: 0.05 });
      const { table, account } = readNiesHourly(truth.file);
      const stations = table.strings("station");
      const times = table.times();
      for (const st of truth.stations) {
        const rows = stations.flatMap((s, i) => (s === st.code ? [i] : []));
        expect(rows.map((i) => times[i])).toEqual(st.times);
        for (const [col, vals] of Object.entries(st.values)) {
          const got = table.numbers(col);
          expect(
            rows.map((i) => got[i]),
            `${st.code} ${col}`,
          ).toEqual(vals);
        }
      }
      // units by code; PMFL (filter-vibration method) read into PM2.5 and said so
      expect([table.unit("CO"), table.unit("WS"), table.unit("TEMP"), table.unit("Ox"), table.unit("WD code")]).toEqual(
        ["ppm", "m/s", "°C", "ppb", "1"],
      );
      expect(account.notes!.some((n) => /PM2\.5: item codes PM25, PMFL/.test(n))).toBe(true);
      const codeCells = account.cellChanges.filter((c) => c.reason === "missing-code");
      expect(codeCells.map((c) => [c.row, c.original])).toEqual(truth.codes.map((c) => [c.row, c.code]));
      expect(account.setAside.length).toBe(truth.paddingRows);
      expect(account.inputRows).toBe(truth.rows);
      // April has 30 days, Feb 2024 29, March 31: 90 days × 24 h per station
      expect(table.numRows).toBe(2 * 90 * 24);
    });
  }
  it("the same seed writes the same bytes", () => {
    const a = writeNiesFiles(join(dir, "a"), { seed: 9, months: [5] });
    const b = writeNiesFiles(join(dir, "b"), { seed: 9, months: [5] });
    expect(readNiesHourly(a.file).table.numbers("NO2")).toEqual(readNiesHourly(b.file).table.numbers("NO2"));
  });
  it("compassCodes reads 16DIRC as the Japanese 16-point code: 1 = NNE … 16 = N, 0 = calm", () => {
    const f = sj([row(2023, "14130010", "WD", "16DIRC", 5, 1, (h) => String(h % 17))]);
    const { table, account } = readNiesHourly(f, { compassCodes: true });
    const wd = Array.from(table.numbers("WD"));
    expect(wd.slice(0, 4)).toEqual([22.5, 45, 67.5, 90]); // codes 1, 2, 3, 4
    expect(wd[15]).toBe(0); // code 16 = N
    expect(wd[16]).toBeNaN(); // code 0 = calm: no direction
    expect(table.numbers("calm")[16]).toBe(1);
    expect(account.cellChanges.filter((c) => c.reason === "calm").length).toBe(1);
    // without the option the codes are never taken for degrees
    expect(readNiesHourly(f).table.names).toContain("WD code");
  });
});

describe("readNiesHourly: hostile variants name file, row and column", () => {
  const one = (v: (h: number) => string, item = "PM25", unit = "UG/M3", m = 4, d = 1) =>
    row(2023, "14130010", item, unit, m, d, v);
  const cases: [string, string[], RegExp][] = [
    [
      "a text cell",
      [one((h) => (h === 2 ? "abc" : "1"))],
      /row 2, column "02h" \(#9\): expected an integer in the unit code's scale or a code/,
    ],
    [
      "an unknown large code",
      [one((h) => (h === 5 ? "9992" : "1"))],
      /row 2, column "05h" \(#12\): expected a value below 9000 or one of the codes 9997/,
    ],
    [
      "a real value on 4/31",
      [one((h) => (h === 7 ? "12" : "9998"), "PM25", "UG/M3", 4, 31)],
      /row 2, column "07h" \(#14\): expected 9998 \(the fill of a day that 2023-04 does not have/,
    ],
    [
      "a month 13",
      [one(() => "1", "PM25", "UG/M3", 13, 1)],
      /row 2, column "測定月" \(#6\): expected a month 測定月 \(an integer 1–12\), found "13"/,
    ],
    ["a day 0", [one(() => "1", "PM25", "UG/M3", 4, 0)], /row 2, column "測定日" \(#7\): expected a day 測定日/],
    [
      "the same station item day twice",
      [one(() => "1"), one(() => "2")],
      /row 3, column "測定日" \(#7\): expected one row per station × item × day \(row 2 has/,
    ],
    [
      "two unit codes for one item",
      [one(() => "1"), one(() => "1", "PM25", "PPB", 4, 2)],
      /row 3, column "測定単位コード" \(#5\): expected the unit code UG\/M3 of PM2\.5/,
    ],
    [
      "PM25 and PMFL on the same day",
      [one(() => "1"), one(() => "1", "PMFL")],
      /row 3, column "測定項目コード" \(#4\): expected one item code per quantity and station day \(row 2 has PM25/,
    ],
  ];
  for (const [what, lines, re] of cases)
    it(what, () => {
      const e = thrown(() => readNiesHourly(sj(lines)));
      expect(e.name).toBe("AozoraInputError");
      expect(e.message).toMatch(/^j14_2023\.csv, /);
      expect(e.message).toMatch(re);
    });
  it("a file in UTF-8 read as Shift_JIS is an error naming the encoding, never garbled headers", () => {
    const bytes = new TextEncoder().encode([HEADER, one(() => "1")].join("\n"));
    const e = thrown(() => readNiesHourly({ name: "u.csv", bytes }));
    expect(e.message).toMatch(/u\.csv, row 1: expected text in shift_jis/);
    expect(readNiesHourly({ name: "u.csv", bytes }, { encoding: "utf-8" }).table.numRows).toBe(24);
  });
  it("a header without the NIES columns is an error naming the row and saying what was expected", () => {
    const e = thrown(() => readNiesHourly({ name: "x.csv", bytes: encodeShiftJis("a,b\n1,2\n") }));
    expect(e.message).toMatch(/x\.csv, row 1: expected an NIES hourly header 測定年度,測定局コード,市町村コード/);
  });
  it("hourLabel other than end is a RangeError (the files have no hour 0)", () => {
    expect(() => readNiesHourly(sj([one(() => "1")]), { hourLabel: "start" as never })).toThrow(RangeError);
  });
});
