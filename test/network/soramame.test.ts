import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSoramame, isSoramameHeader } from "../../src/network/soramame";
import { readMonitoringTable } from "../../src/io/monitoring";
import { thrown } from "../helpers";
import { encodeShiftJis } from "../../src/io/encode";
import { writeSoramameFiles } from "../../src/simulate/soramame";
import { windRose } from "../../src/directional/roses";
import { polarPlot } from "../../src/directional/polarplot";

const HEADER = "測定局コード,測定局名,日付,時,SO2(ppm),PM2.5(μg/m3),WD(16方位),WS(m/s),HUM(％),TEMP(℃)";
const sj = (text: string, name = "14130010.csv") => ({ name, bytes: encodeShiftJis(text) });
const fixture = [
  HEADER,
  "14130010,川崎市役所,2024/04/01,1,0.001,12,NNE,2.1,55,12.3",
  "14130010,川崎市役所,2024/04/01,2,調整中,,静穏,0.2,56,12.0",
  "14130010,川崎市役所,2024/04/01,24,0.002,8,北北東,1.0,50,11.0",
  "14130010,川崎市役所,2024/04/02,1,***,9,CALM,0.3,51,10.5",
].join("\r\n");

describe("Shift_JIS encoder", () => {
  it("writes the Shift_JIS codes (reference bytes from iconv-lite: 測 91AA 定 92E8 局 8BC7 静 90C3 穏 89B8 北 966B 東 938C)", () => {
    expect(Buffer.from(encodeShiftJis("測定局静穏北北東,A1")).toString("hex")).toBe(
      "91aa92e88bc790c389b8966b966b938c2c4131",
    );
    expect(() => encodeShiftJis("😀")).toThrow(RangeError);
  });
});

describe("readSoramame: a hand-written file in the download layout", () => {
  const { table, account } = readSoramame(sj(fixture));
  it("times are hour starts at JST: 時 h of day D = D (h−1):00 +09:00", () => {
    // by hand: 2024-04-01 00:00 JST = 2024-03-31T15:00Z; 時 24 = 23:00 JST = 14:00Z; 04-02 時 1 = 04-01T15:00Z
    expect(Array.from(table.times())).toEqual([
      Date.UTC(2024, 2, 31, 15),
      Date.UTC(2024, 2, 31, 16),
      Date.UTC(2024, 3, 1, 14),
      Date.UTC(2024, 3, 1, 15),
    ]);
    expect(table.localTimes()[2]).toBe("2024-04-01T23:00:00+09:00");
    expect(table.utcOffsetMinutes).toBe(540);
  });
  it("units from the headers, full-width and Greek mu mapped", () => {
    expect(table.unit("SO2")).toBe("ppm");
    expect(table.unit("PM2.5")).toBe("µg/m3");
    expect(table.unit("HUM")).toBe("%");
    expect(table.unit("TEMP")).toBe("°C");
    expect(table.unit("WD")).toBe("deg");
    expect(table.strings("station")).toEqual(["14130010", "14130010", "14130010", "14130010"]);
  });
  it("codes become NaN, 16-point wind becomes degrees, calm is flagged; all in the account", () => {
    expect(Array.from(table.numbers("SO2"))).toEqual([0.001, NaN, 0.002, NaN]);
    expect(Array.from(table.numbers("WD"))).toEqual([22.5, NaN, 22.5, NaN]);
    expect(Array.from(table.numbers("calm"))).toEqual([0, 1, 0, 1]);
    const by = (r: string) =>
      account.cellChanges.filter((c) => c.reason === r).map((c) => [c.row, c.column, c.original]);
    expect(by("missing-code")).toEqual([
      [3, "SO2", "調整中"],
      [5, "SO2", "***"],
      [3, "PM2.5", ""],
    ]);
    expect(by("compass-direction")).toEqual([
      [2, "WD", "NNE"],
      [4, "WD", "北北東"],
    ]);
    expect(by("calm")).toEqual([
      [3, "WD", "静穏"],
      [5, "WD", "CALM"],
    ]);
    expect(by("hour-24")).toEqual([[4, "time", "24"]]);
    expect(account.cellChanges.find((c) => c.original === "調整中")?.detail).toMatch(/adjusting/);
    expect(account.notes?.[0]).toMatch(/END of its hour/);
    expect(account.inputRows).toBe(4);
  });
  it("hourLabel start: 時 h is the start of its hour, 0–23", () => {
    const r = readSoramame(
      sj([HEADER, "1,a,2024/04/01,0,0.001,1,N,1,1,1", "1,a,2024/04/01,23,0.001,1,N,1,1,1"].join("\n")),
      {
        hourLabel: "start",
      },
    );
    expect(Array.from(r.table.times())).toEqual([Date.UTC(2024, 2, 31, 15), Date.UTC(2024, 3, 1, 14)]);
    expect(r.account.notes?.[0]).toMatch(/START/);
  });
  it("the detector", () => {
    expect(isSoramameHeader(HEADER.split(","))).toBe(true);
    expect(isSoramameHeader(["\uFEFF測定局コード", "日付", "時"])).toBe(true);
    expect(isSoramameHeader(["date", "hour", "type", "1001A"])).toBe(false);
  });
});

describe("readSoramame: hostile variants give clear errors", () => {
  const row = (h: string, extra = "0.001") =>
    [HEADER, `14130010,川崎,2024/04/01,${h},${extra},12,NNE,2.1,55,12.3`].join("\n");
  it("hour 25 and hour 0 (hour-ending labels run 1–24)", () => {
    for (const h of ["25", "0"]) {
      const e = thrown(() => readSoramame(sj(row(h))));
      expect(e.row).toBe(2);
      expect(e.column).toBe("時");
      expect(e.message).toMatch(/1–24/);
    }
    expect(thrown(() => readSoramame(sj(row("24")), { hourLabel: "start" })).message).toMatch(/0–23/);
  });
  it("a code the format does not have", () => {
    const e = thrown(() => readSoramame(sj(row("1", "###"))));
    expect(e.row).toBe(2);
    expect(e.column).toBe("SO2(ppm)");
  });
  it("an unknown compass name", () => {
    const e = thrown(() => readSoramame(sj([HEADER, "1,a,2024/04/01,1,0.001,12,NNNE,2.1,55,12.3"].join("\n"))));
    expect(e.column).toBe("WD(16方位)");
    expect(e.message).toMatch(/16-point compass/);
  });
  it("a date that is not a calendar date", () => {
    const e = thrown(() => readSoramame(sj(row("1").replace("2024/04/01", "2024/02/30"))));
    expect(e.column).toBe("日付");
  });
  it("duplicated station × hour", () => {
    const text = [HEADER, ...[1, 2].map(() => "1,a,2024/04/01,1,0.001,12,N,2,5,1")].join("\n");
    expect(thrown(() => readSoramame(sj(text))).row).toBe(3);
  });
  it("UTF-16 without a BOM is an error, never garbled text", () => {
    const u16 = Buffer.from(fixture, "utf16le");
    expect(thrown(() => readSoramame({ name: "x.csv", bytes: u16 })).message).toMatch(/UTF-16/);
  });
  it("a Shift_JIS file read as UTF-8 names the encoding to pass", () => {
    expect(thrown(() => readSoramame(sj(fixture), { encoding: "utf-8" })).message).toMatch(/shift_jis/);
  });
  it("a UTF-8 file read with the default Shift_JIS: an error, not a table", () => {
    thrown(() => readSoramame({ name: "x.csv", bytes: new TextEncoder().encode(fixture) }));
  });
  it("a file that is not a soramame download", () => {
    const e = thrown(() => readSoramame(sj("date,PM2.5(ug/m3)\n2024-01-01,1")));
    expect(e.message).toMatch(/測定局コード/);
  });
});

describe("readSoramame round-trips simulated files (several seeds)", () => {
  for (const seed of [1, 2, 3, 17, 2024]) {
    it(`seed ${seed}`, () => {
      const dir = mkdtempSync(join(tmpdir(), "soramame-"));
      const truth = writeSoramameFiles(dir, { seed, days: 5, windNames: seed % 2 ? "ja" : "en", calmFraction: 0.15 });
      for (const st of truth.stations) {
        const { table, account } = readSoramame(st.file);
        expect(Array.from(table.times())).toEqual(st.times);
        for (const [item, values] of Object.entries(st.values)) expect(Array.from(table.numbers(item))).toEqual(values);
        expect(Array.from(table.numbers("WD"))).toEqual(st.wd);
        expect(Array.from(table.numbers("calm"))).toEqual(st.calm);
        const codes = account.cellChanges.filter((c) => c.reason === "missing-code");
        expect(codes.map((c) => [c.row, c.original]).sort()).toEqual(st.codes.map((c) => [c.row, c.code]).sort());
        expect(account.cellChanges.filter((c) => c.reason === "calm").length).toBe(
          st.calm.filter((c) => c === 1).length,
        );
        expect(account.cellChanges.filter((c) => c.reason === "hour-24").length).toBe(5);
        expect(table.strings("station").every((s) => s === st.code)).toBe(true);
      }
      // same seed, same bytes
      const again = writeSoramameFiles(mkdtempSync(join(tmpdir(), "soramame-")), {
        seed,
        days: 5,
        windNames: seed % 2 ? "ja" : "en",
        calmFraction: 0.15,
      });
      expect(again.stations.map((s) => s.values)).toEqual(truth.stations.map((s) => s.values));
    });
  }
});

describe("directional functions take a soramame table directly", () => {
  const { table } = readSoramame(sj(fixture));
  it("windRose: calm hours (no direction) are left out; with calmDirection they count as calm by their speed", () => {
    const ws = table.numbers("WS"),
      wd = table.numbers("WD");
    const r = windRose(ws, wd, { sectors: 16 });
    // by hand: rows 1 and 3 have a direction (NNE, 2.1 and 1.0 m/s); the two calm rows have none
    expect(r.n).toBe(2);
    expect(r.calmCount).toBe(0);
    const nne = r.rows.filter((x) => x.wd === 22.5 && x.count > 0);
    expect(nne.map((x) => x.count).reduce((a, b) => a + b, 0)).toBe(2);
    const kept = readSoramame(sj(fixture), { calmDirection: 0 }).table;
    const r2 = windRose(kept.numbers("WS"), kept.numbers("WD"), { sectors: 16 });
    // calm rows have ws 0.2 and 0.3 < 0.5 m/s (the default calm threshold): both counted as calm
    expect(r2.n).toBe(4);
    expect(r2.calmCount).toBe(2);
  });
  it("polarPlot accepts the columns", () => {
    const dir = mkdtempSync(join(tmpdir(), "soramame-"));
    const st = writeSoramameFiles(dir, { seed: 5, days: 20 }).stations[0];
    const t = readSoramame(st.file).table;
    const res = polarPlot({ values: t.numbers("PM2.5"), wd: t.numbers("WD"), ws: t.numbers("WS") });
    expect(res.bins.length).toBeGreaterThan(0);
  });
});

describe("readMonitoringTable converts a compass wind-direction column", () => {
  it("風向 text → degrees and calm, counted", () => {
    const text =
      "日時,風向,風速(m/s)\n2024-04-01 01:00,北北東,2.0\n2024-04-01 02:00,静穏,0.1\n2024-04-01 03:00,270,3.0\n2024-04-01 04:00,,1.0";
    const { table, account } = readMonitoringTable({ name: "m.csv", text }, { utcOffset: "JP" });
    // 風向 is normalised to WD (the header as written stays in info().original)
    expect(Array.from(table.numbers("WD"))).toEqual([22.5, NaN, 270, NaN]);
    expect(table.info("WD").original).toBe("風向");
    expect(Array.from(table.numbers("calm"))).toEqual([0, 1, 0, NaN]);
    expect(table.unit("WD")).toBe("deg");
    expect(account.cellChanges.map((c) => c.reason)).toEqual(["compass-direction", "calm", "missing-code"]);
  });
  it("numeric 16-point codes only with compass.numeric", () => {
    const text =
      "time,WD,WS(m/s)\n2024-04-01T01:00+09:00,C,0.2\n2024-04-01T02:00+09:00,4,2\n2024-04-01T03:00+09:00,16,2";
    expect(Array.from(readMonitoringTable({ name: "m.csv", text }).table.numbers("WD"))).toEqual([NaN, 4, 16]);
    expect(
      Array.from(readMonitoringTable({ name: "m.csv", text }, { compass: { numeric: true } }).table.numbers("WD")),
    ).toEqual([NaN, 90, 0]);
  });
  it("a degree column without compass text is read as before", () => {
    const text = "time,WD(deg),WS(m/s)\n2024-04-01T01:00+09:00,10,0.2";
    const { table } = readMonitoringTable({ name: "m.csv", text });
    expect(table.names).toEqual(["time", "WD", "WS"]);
  });
});
