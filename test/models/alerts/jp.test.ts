/**
 * Japan's alert rules (src/models/alerts/jp.ts, tables/jp.ts), every expected hour worked by hand
 * from the quoted clauses:
 *
 * 神奈川県大気汚染緊急時措置要綱 別表第2 (http://www.pref.kanagawa.jp/sys/taikikanshi/haturei/bp2.htm):
 *   注意報 "1時間値0.12ppm以上である大気の汚染の状態になったとき", 警報 "1時間値0.24ppm以上…",
 *   重大緊急時警報 "1時間値0.4ppm以上…", "(気象条件からみて各欄の基準が継続すると認められることを条件とする)";
 *   解除 of 警報: "発令基準以下となったにもかかわらず、なお汚染が継続すると予想されるときは注意報に切り換える".
 *   (注意報: 大気汚染防止法施行令第11条第1項・別表第五中欄 "1時間値百万分の0.12以上である大気の汚染の状態になった場合".)
 * 神奈川県「PM2.5の高濃度予報とは?」(MOE 暫定的な指針 2013, 判断方法の改善 2013-11):
 *   "午前5時から午前7時までのそれぞれの1時間値の平均値からその中央値を求め、中央値が…85μg/立方メートルを超過した場合",
 *   "午前5時から正午までのそれぞれの1時間値の平均値のうち、80μg/立方メートルを超過した測定局があった場合",
 *   "朝方に注意喚起を行った場合は … 日中の予報は行いません", "日付が変わるまで注意喚起は解除しません".
 * Hour labels: 時 is hour-ending (NIES: "1時データ | 0時〜0時59分のデータ"), so 5–7 時 are the hours
 * starting 04:00, 05:00, 06:00 JST.
 */
import { describe, expect, it } from "vitest";
import { jpOxAlerts, jpPm25Alerts } from "../../../src/models/alerts/jp";
import { STP_293, STP_298 } from "../../../src/table/gas";
import { JP_OX_RULES, JP_PM25_RULES } from "../../../src/models/alerts/tables/jp";

const H = 3_600_000;
/** UTC ms of a JST wall-clock hour. */
const jst = (date: string, hour: number) => Date.parse(`${date}T00:00:00+09:00`) + hour * H;
const hours = (date: string, from: number, n: number) => Array.from({ length: n }, (_, i) => jst(date, from + i));

describe("photochemical oxidant 注意報 / 警報 / 重大緊急時警報", () => {
  it("the table quotes the clauses: 0.12, 0.24 and 0.4 ppm, inclusive", () => {
    expect(JP_OX_RULES.map((r) => [r.ppm, r.clause.slice(0, r.clause.indexOf("（"))])).toEqual([
      [0.12, "注意報：1時間値0.12ppm以上である大気の汚染の状態になったとき"],
      [0.24, "警報：1時間値0.24ppm以上である大気の汚染の状態になったとき"],
      [0.4, "重大緊急時警報：1時間値0.4ppm以上である大気の汚染の状態になったとき"],
    ]);
    for (const r of JP_OX_RULES)
      expect(r.clause).toContain("気象条件からみて各欄の基準が継続すると認められることを条件とする");
  });

  it("0.12 ppm exactly issues (以上); an upgrade to 警報 at 0.24 and a switch back to 注意報 below it are one episode", () => {
    // hours starting 11:00 … 19:00 JST
    const ox = [0.1, 0.119, 0.12, 0.2, 0.24, 0.3, 0.239, 0.13, 0.11];
    const r = jpOxAlerts(hours("2025-07-01", 11, ox.length), ox);
    expect(r.alerts.map((a) => [a.level, a.start, a.end, a.episode, a.peak])).toEqual([
      ["chuiho", "2025-07-01T13:00:00+09:00", "2025-07-01T15:00:00+09:00", 0, 0.2],
      ["keiho", "2025-07-01T15:00:00+09:00", "2025-07-01T17:00:00+09:00", 0, 0.3],
      ["chuiho", "2025-07-01T17:00:00+09:00", "2025-07-01T19:00:00+09:00", 0, 0.239],
    ]);
    expect(r.alerts[1].ruleId).toBe("jp-ox/keiho");
    expect(r.alerts[1].name.ja).toBe("光化学スモッグ警報");
    expect(r.continuing).toContain("assumed");
  });

  it("0.40 ppm issues the 重大緊急時警報; 0.399 does not", () => {
    const r = jpOxAlerts(hours("2025-07-01", 12, 3), [0.399, 0.4, 0.1]);
    expect(r.alerts.map((a) => [a.level, a.rank, a.start])).toEqual([
      ["keiho", 2, "2025-07-01T12:00:00+09:00"],
      ["judai", 3, "2025-07-01T13:00:00+09:00"],
    ]);
  });

  it("ppb input is divided by 1000; stamps at the end of the hour are moved to its start", () => {
    const a = jpOxAlerts(hours("2025-07-01", 13, 2), [130, 100], { unit: "ppb" });
    expect(a.alerts.map((x) => [x.start, x.end])).toEqual([["2025-07-01T13:00:00+09:00", "2025-07-01T14:00:00+09:00"]]);
    // 14時 (hour-ending) = the hour starting 13:00
    const b = jpOxAlerts(hours("2025-07-01", 14, 2), [0.13, 0.1], { hourLabel: "end" });
    expect(b.alerts.map((x) => [x.start, x.end])).toEqual([["2025-07-01T13:00:00+09:00", "2025-07-01T14:00:00+09:00"]]);
  });

  it("an alert across midnight is one alert; times are UTC instants at +09:00", () => {
    const r = jpOxAlerts(hours("2025-07-01", 22, 4), [0.1, 0.13, 0.14, 0.1]);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({ start: "2025-07-01T23:00:00+09:00", end: "2025-07-02T01:00:00+09:00" });
    expect(r.alerts[0].startUtcMs).toBe(Date.UTC(2025, 6, 1, 14));
  });

  it("a missing hour holds the level in force (no release without a value below it) or, with missing: release, ends it", () => {
    const t = hours("2025-07-01", 12, 4);
    const hold = jpOxAlerts(t, [0.13, NaN, 0.13, 0.1]);
    expect(hold.alerts.map((a) => [a.start, a.end, a.missing])).toEqual([
      ["2025-07-01T12:00:00+09:00", "2025-07-01T15:00:00+09:00", 1],
    ]);
    const rel = jpOxAlerts(t, [0.13, NaN, 0.13, 0.1], { missing: "release" });
    expect(rel.alerts.map((a) => [a.start, a.episode])).toEqual([
      ["2025-07-01T12:00:00+09:00", 0],
      ["2025-07-01T14:00:00+09:00", 1],
    ]);
    // the record ends in an alert: it ends with the last measured hour, not at the grid's midnight
    const tail = jpOxAlerts(hours("2025-07-01", 12, 2), [0.1, 0.13]);
    expect(tail.alerts.map((a) => [a.start, a.end])).toEqual([
      ["2025-07-01T13:00:00+09:00", "2025-07-01T14:00:00+09:00"],
    ]);
    // a missing hour never issues: NaN then 0.1 → nothing; the hour is not judged in the series
    const none = jpOxAlerts(hours("2025-07-01", 12, 2), [NaN, 0.1]);
    expect(none.alerts).toEqual([]);
    expect(none.missingHours).toBe(23); // the day's grid: 24 hours, one with a value
  });

  it("'expected to continue' is an input: false issues nothing new and upgrades nothing", () => {
    const t = hours("2025-07-01", 12, 4);
    const ox = [0.13, 0.25, 0.25, 0.1];
    expect(jpOxAlerts(t, ox, { continuing: false }).alerts).toEqual([]);
    // flags per row: issued at 12:00, not expected to continue at 13:00 → stays 注意報, upgrade at 14:00
    const r = jpOxAlerts(t, ox, { continuing: [true, false, true, true] });
    expect(r.alerts.map((a) => [a.level, a.start, a.end])).toEqual([
      ["chuiho", "2025-07-01T12:00:00+09:00", "2025-07-01T14:00:00+09:00"],
      ["keiho", "2025-07-01T14:00:00+09:00", "2025-07-01T15:00:00+09:00"],
    ]);
    // a function of the hour start
    const f = jpOxAlerts(t, ox, { continuing: (s) => s >= jst("2025-07-01", 13) });
    expect(f.alerts.map((a) => [a.level, a.start])).toEqual([["keiho", "2025-07-01T13:00:00+09:00"]]);
    expect(f.continuing).toBe("given by the caller");
  });

  it("refuses negative values, misaligned flags and unknown units", () => {
    const t = hours("2025-07-01", 12, 2);
    expect(() => jpOxAlerts(t, [0.1, -0.01])).toThrow(/negative/);
    expect(() => jpOxAlerts(t, [0.1, 0.1], { continuing: [true] })).toThrow(/flags/);
    expect(() => jpOxAlerts(t, [0.1, 0.1], { unit: "mg/m3" as "ppm" })).toThrow(/unit/);
  });
});

describe("PM2.5 注意喚起", () => {
  const day = "2025-02-10";
  /** A station's 24 hours (starting 00:00 JST) from a value per hour start. */
  const station = (byHour: Record<number, number>, base = 20, name?: string) => ({
    station: name,
    times: hours(day, 0, 24),
    values: Array.from({ length: 24 }, (_, h) => byHour[h] ?? base),
  });

  it("the table: 5–7 時 median > 85, 5–12 時 any station > 80 (strict)", () => {
    expect(JP_PM25_RULES.map((r) => [r.labelFrom, r.labelTo, r.aggregate, r.above])).toEqual([
      [5, 7, "median", 85],
      [5, 12, "max", 80],
    ]);
    expect(JP_PM25_RULES[0].clause).toContain("中央値が1立方メートルあたり85マイクログラム");
    expect(JP_PM25_RULES[1].clause).toContain("80μg/立方メートルを超過した測定局があった場合");
  });

  it("morning: the hours starting 04:00–06:00 (labels 5–7 時), mean (90+90+80)/3 = 86.7 > 85; valid to midnight", () => {
    // the hours starting 03:00 (4 時) and 07:00 (8 時) are outside the window
    const r = jpPm25Alerts(station({ 3: 500, 4: 90, 5: 90, 6: 80, 7: 500 }));
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({
      ruleId: "jp-pm25/morning",
      start: "2025-02-10T07:00:00+09:00",
      end: "2025-02-11T00:00:00+09:00",
    });
    expect(r.alerts[0].peak).toBeCloseTo(260 / 3, 12);
    // the noon judgement is not made once the morning issued
    expect(r.days[0].judgements[1].skipped).toBe(true);
    expect(Array.from(r.series.ranks)).toEqual([1]);
  });

  it("exactly 85 does not issue (超過); noon then judges 5–12 時: (3·85 + 5·78)/8 = 80.625 > 80", () => {
    const noon = jpPm25Alerts(station({ 4: 85, 5: 85, 6: 85, 7: 78, 8: 78, 9: 78, 10: 78, 11: 78 }));
    expect(noon.days[0].judgements[0]).toMatchObject({ value: 85, fired: false });
    expect(noon.alerts.map((a) => [a.ruleId, a.start, a.peak])).toEqual([
      ["jp-pm25/noon", "2025-02-10T12:00:00+09:00", 80.625],
    ]);
    // (3·85 + 5·77)/8 = 80 exactly: not above 80
    const none = jpPm25Alerts(station({ 4: 85, 5: 85, 6: 85, 7: 77, 8: 77, 9: 77, 10: 77, 11: 77 }));
    expect(none.days[0].judgements[1].value).toBe(80);
    expect(none.alerts).toEqual([]);
    expect(Array.from(none.series.ranks)).toEqual([0]);
  });

  it("morning takes the MEDIAN over stations, noon the MAXIMUM", () => {
    const a = station({ 4: 90, 5: 90, 6: 90 }, 20, "A"); // morning mean 90
    const b = station({ 4: 84, 5: 84, 6: 84 }, 20, "B"); // 84
    const c = station({ 4: 100, 5: 100, 6: 100 }, 20, "C"); // 100
    expect(jpPm25Alerts([a, b, c]).alerts[0]).toMatchObject({ ruleId: "jp-pm25/morning", peak: 90 });
    // means 90, 84, 80 → median 84: no morning advisory; noon: A's 5–12 時 mean (3·90 + 5·20)/8 = 46.25, no
    const d = station({ 4: 80, 5: 80, 6: 80 }, 20, "D");
    const r = jpPm25Alerts([a, b, d]);
    expect(r.days[0].judgements[0]).toMatchObject({ value: 84, fired: false, stationMeans: { A: 90, B: 84, D: 80 } });
    expect(r.alerts).toEqual([]);
    // two stations: the median is the mean of the two, (90 + 84)/2 = 87 > 85
    expect(jpPm25Alerts([a, b]).alerts[0].peak).toBe(87);
    // noon: one station above 80 is enough
    const e = station({ 4: 81, 5: 81, 6: 81, 7: 81, 8: 81, 9: 81, 10: 81, 11: 81 }, 20, "E");
    expect(jpPm25Alerts([b, d, e]).alerts.map((x) => [x.ruleId, x.peak])).toEqual([["jp-pm25/noon", 81]]);
  });

  it("a station with a missing hour in the window is left out; a day without any station mean is not judged", () => {
    const a = station({ 4: 90, 5: NaN, 6: 90 }, 20, "A");
    const b = station({ 4: 86, 5: 86, 6: 86 }, 20, "B");
    const r = jpPm25Alerts([a, b]);
    expect(r.days[0].judgements[0].stationMeans.A).toBeNaN();
    expect(r.alerts[0].peak).toBe(86);
    // minHours 2: A's mean (90 + 90)/2 = 90 counts, median (90 + 86)/2 = 88
    expect(jpPm25Alerts([a, b], { minHours: { morning: 2, noon: 8 } }).alerts[0].peak).toBe(88);
    const empty = jpPm25Alerts(station({ 4: NaN, 5: NaN, 6: NaN }));
    expect(Array.from(empty.series.ranks)).toEqual([NaN]);
  });

  it("'high concentrations continue' is an input", () => {
    const s = station({ 4: 90, 5: 90, 6: 90 });
    expect(jpPm25Alerts(s, { continuing: false }).alerts).toEqual([]);
    expect(jpPm25Alerts(s, { continuing: (_d, j) => j === "morning" }).alerts).toHaveLength(1);
  });

  it("refuses no stations and a bad minHours", () => {
    expect(() => jpPm25Alerts([])).toThrow(/no stations/);
    expect(() => jpPm25Alerts(station({}), { minHours: { morning: 4, noon: 8 } })).toThrow(/minHours/);
  });
});

describe("jpOxAlerts over an area's stations: the hourly maximum (review follow-up)", () => {
  it("two stations worked by hand: 注意報 11:00, 警報 14:00–16:00, 注意報 again until 17:00", () => {
    // hours starting 11:00 … 18:00 JST
    const A = [0.1, 0.13, 0.2, 0.25, 0.23, 0.13, 0.1, 0.08];
    const B = [0.12, 0.11, 0.19, 0.2, 0.26, 0.11, 0.09, NaN];
    // hourly maximum: 0.12(B) 0.13(A) 0.2(A) 0.25(A) 0.26(B) 0.13(A) 0.1(A) 0.08(A)
    // → 注意報 11–14, 警報 14–16 (0.25, 0.26), 注意報 16–17 (0.13), released at 17:00 (0.1)
    const t = hours("2025-07-01", 11, 8);
    const r = jpOxAlerts([
      { station: "A", times: t, values: A },
      { station: "B", times: t, values: B },
    ]);
    expect(r.alerts.map((a) => [a.level, a.start, a.end, a.peak])).toEqual([
      ["chuiho", "2025-07-01T11:00:00+09:00", "2025-07-01T14:00:00+09:00", 0.2],
      ["keiho", "2025-07-01T14:00:00+09:00", "2025-07-01T16:00:00+09:00", 0.26],
      ["chuiho", "2025-07-01T16:00:00+09:00", "2025-07-01T17:00:00+09:00", 0.13],
    ]);
    expect(r.basis).toBe("hourly maximum over the stations");
    expect(r.stations).toBe(2);
    expect(r.alerts[1].evidence).toContain("peak at B");
    expect(r.alerts[0].evidence).toContain("peak at A");
    // the grid runs over the local day; 11:00 is hour 11
    expect(r.stationAtMax!.slice(11, 19)).toEqual(["B", "A", "A", "A", "B", "A", "A", "A"]);
    expect(r.missingHours).toBe(24 - 8);
  });

  it("stations with different hours: an hour is missing only when no station has a value", () => {
    const r = jpOxAlerts([
      { station: "A", times: hours("2025-07-01", 12, 2), values: [0.13, 0.1] },
      { station: "B", times: hours("2025-07-01", 13, 2), values: [0.05, 0.14] },
    ]);
    // max: 12 → 0.13 (A), 13 → 0.1 (A), 14 → 0.14 (B)
    expect(Array.from(r.oxPpm.slice(12, 15))).toEqual([0.13, 0.1, 0.14]);
    expect(r.alerts.map((a) => [a.start, a.end])).toEqual([
      ["2025-07-01T12:00:00+09:00", "2025-07-01T13:00:00+09:00"],
      ["2025-07-01T14:00:00+09:00", "2025-07-01T15:00:00+09:00"],
    ]);
  });

  it("one station object is the single-series form", () => {
    const t = hours("2025-07-01", 12, 3);
    const one = jpOxAlerts({ station: "A", times: t, values: [0.1, 0.13, 0.1] });
    const plain = jpOxAlerts(t, [0.1, 0.13, 0.1]);
    expect(one.alerts).toEqual(plain.alerts);
    expect(one.basis).toBe("one station");
  });

  it("refuses no stations and per-row continuing flags with several stations", () => {
    expect(() => jpOxAlerts([])).toThrow(/no stations/);
    const t = hours("2025-07-01", 12, 2);
    expect(() =>
      jpOxAlerts(
        [
          { times: t, values: [0.1, 0.1] },
          { times: t, values: [0.1, 0.1] },
        ],
        { continuing: [true, true] },
      ),
    ).toThrow(/single station/);
  });
});

describe("jpOxAlerts with Ox in µg/m3: converted as O3 at the stated reference state", () => {
  it("0.12 ppm = 0.12·47.997/24.4654 mg/m3 at 25 °C issues; the same mass at 20 °C is 0.118 ppm and does not", () => {
    const vm298 = 22.414 * (298.15 / 273.15); // 24.4654 L/mol (CONVENTIONS.md §4: 22.414 L/mol scaled by T)
    const ug = (0.12 * 1000 * 47.997) / vm298; // 235.42 µg/m3
    const t = hours("2025-07-01", 12, 2);
    const at25 = jpOxAlerts(t, [ug, 100], { unit: "µg/m3", referenceState: STP_298 });
    expect(at25.oxPpm[12]).toBeCloseTo(0.12, 12);
    expect(at25.alerts).toHaveLength(1);
    // at 20 °C: Vm = 24.0548 L/mol → ppm = 235.42·24.0548/47.997/1000 = 0.11798
    const at20 = jpOxAlerts(t, [ug, 100], { unit: "µg/m3", referenceState: STP_293 });
    expect(at20.oxPpm[12]).toBeCloseTo((0.12 * 293.15) / 298.15, 12);
    expect(at20.alerts).toHaveLength(0);
  });

  it("µg/m3 without a reference state is refused, naming what is missing", () => {
    expect(() => jpOxAlerts(hours("2025-07-01", 12, 1), [200], { unit: "µg/m3" })).toThrow(/referenceState/);
  });
});
