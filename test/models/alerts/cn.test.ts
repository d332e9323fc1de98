/**
 * China's heavy-pollution weather alert levels (src/models/alerts/cn.ts, tables/cn.ts). Every
 * expected level is worked by hand from the quoted clause:
 *
 * 环境保护部《重污染天气预警分级标准》(2017-09-20, 环大气〔2017〕86号 work plan), rule set `cn-mee-2017`:
 *   蓝色预警 "预测AQI日均值>200，且未达到高级别预警条件"
 *   黄色预警 "预测AQI日均值>200将持续2天（48小时）及以上，且未达到高级别预警条件"
 *   橙色预警 "预测AQI日均值>200将持续3天（72小时）及以上，且预测AQI日均值>300，且未达到高级别预警条件"
 *   红色预警 "预测AQI日均值>200将持续4天（96小时）及以上，且预测AQI日均值>300将持续2天（48小时）及以上，或预测AQI日均值达到500"
 * 忻州市重污染天气应急预案 (忻州市生态环境局, 2021-03-16), rule set `cn-xinzhou-2020`:
 *   二级预警（橙色）"预测AQI日均值>200将持续72小时及以上，且未达到高级别预警条件时" (no > 300 condition)
 * and "当预测发生前后两次重污染过程，且间隔时间不足以完全清除前一次的污染过程 … 应按一次重污染过程统计，从严启动预警".
 */
import { describe, expect, it } from "vitest";
import { cnAlerts } from "../../../src/models/alerts/cn";
import { CN_MEE_2017, CN_XINZHOU_2020 } from "../../../src/models/alerts/tables/cn";

/** Consecutive dates from `first`. */
function days(first: string, n: number): string[] {
  const t0 = Date.parse(first + "T00:00:00Z");
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 86_400_000).toISOString().slice(0, 10));
}
const run = (aqi: number[], opts = {}, first = "2025-01-10") =>
  cnAlerts({ dates: days(first, aqi.length), values: aqi }, opts);

describe("cn-mee-2017: each level from its clause", () => {
  it("the table quotes each clause and names its source", () => {
    expect(CN_MEE_2017.rules.map((r) => r.clause)).toEqual([
      "蓝色预警：预测AQI日均值>200，且未达到高级别预警条件",
      "黄色预警：预测AQI日均值>200将持续2天（48小时）及以上，且未达到高级别预警条件",
      "橙色预警：预测AQI日均值>200将持续3天（72小时）及以上，且预测AQI日均值>300，且未达到高级别预警条件",
      "红色预警：预测AQI日均值>200将持续4天（96小时）及以上，且预测AQI日均值>300将持续2天（48小时）及以上，或预测AQI日均值达到500",
    ]);
    expect(CN_MEE_2017.issuer).toContain("环境保护部");
    expect(CN_MEE_2017.date).toBe("2017-09-20");
  });

  it("blue: one day > 200; 200 itself is not above 200 (strict)", () => {
    expect(run([150, 200, 200, 150]).alerts).toEqual([]);
    const r = run([150, 201, 150]);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({
      level: "blue",
      rank: 1,
      ruleId: "cn-mee-2017/blue",
      start: "2025-01-11",
      end: "2025-01-11",
    });
    expect(r.alerts[0].clause).toBe(CN_MEE_2017.rules[0].clause);
    // where the blue level is not kept, a one-day episode issues nothing
    expect(run([150, 201, 150], { blue: false }).alerts).toEqual([]);
  });

  it("yellow: > 200 on 2 consecutive days (48 h); start and end are the episode's days", () => {
    const r = run([150, 210, 220, 180]);
    expect(r.alerts.map((a) => [a.level, a.start, a.end, a.peak])).toEqual([
      ["yellow", "2025-01-11", "2025-01-12", 220],
    ]);
    expect(r.alerts[0].evidence).toBe("AQI > 200 on 2 consecutive day(s) (needs 2)");
    expect(r.daily.map((d) => d.rank)).toEqual([0, 2, 2, 0]);
  });

  it("orange: > 200 for 3 days and one day > 300; 3 days without > 300 stay yellow", () => {
    expect(run([210, 250, 310]).alerts[0].level).toBe("orange");
    expect(run([210, 250, 290]).alerts[0].level).toBe("yellow");
    // 300 is not above 300
    expect(run([210, 300, 250]).alerts[0].level).toBe("yellow");
    // the Xinzhou plan's orange needs no day above 300
    expect(run([210, 250, 290], { rules: "cn-xinzhou-2020" }).alerts[0]).toMatchObject({
      level: "orange",
      ruleId: "cn-xinzhou-2020/orange",
      clause: CN_XINZHOU_2020.rules[1].clause,
    });
  });

  it("red: > 200 for 4 days with 2 CONSECUTIVE days > 300, or one day at 500", () => {
    expect(run([210, 310, 320, 220]).alerts[0].level).toBe("red");
    // two days > 300 that are not consecutive: orange (4 days > 200 and a day > 300)
    const o = run([310, 210, 320, 220]);
    expect(o.alerts[0].level).toBe("orange");
    // 3 days > 200 with 2 days > 300 is not red (needs 4 days)
    expect(run([310, 320, 220]).alerts[0].level).toBe("orange");
    // "达到500": AQI ≥ 500, on its own
    const r500 = run([150, 500, 150]);
    expect(r500.alerts[0]).toMatchObject({ level: "red", start: "2025-01-11", end: "2025-01-11" });
    expect(r500.alerts[0].evidence).toBe("AQI ≥ 500 on 1 consecutive day(s) (needs 1)");
    expect(run([150, 499, 150]).alerts[0].level).toBe("blue");
  });

  it("highest level wins over the whole episode (a mid-episode upgrade issues the higher level for all of it)", () => {
    const r = run([150, 210, 220, 230, 310, 320, 190]);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({ level: "red", start: "2025-01-11", end: "2025-01-15" });
    expect(r.daily.map((d) => d.level)).toEqual([null, "red", "red", "red", "red", "red", null]);
  });

  it("episodes across month and year ends and leap days are consecutive calendar days", () => {
    expect(run([250, 250], {}, "2024-12-31").alerts[0]).toMatchObject({
      level: "yellow",
      start: "2024-12-31",
      end: "2025-01-01",
    });
    expect(run([250, 250, 250], {}, "2024-02-28").alerts[0]).toMatchObject({ start: "2024-02-28", end: "2024-03-01" });
  });
});

describe("missing days and merged episodes", () => {
  it("an absent date or a NaN value breaks an episode; both are listed", () => {
    const dates = ["2025-01-01", "2025-01-02", "2025-01-04", "2025-01-05"];
    const r = cnAlerts({ dates, values: [250, 250, 250, 250] });
    expect(r.alerts.map((a) => [a.level, a.start, a.end])).toEqual([
      ["yellow", "2025-01-01", "2025-01-02"],
      ["yellow", "2025-01-04", "2025-01-05"],
    ]);
    expect(r.missingDates).toEqual(["2025-01-03"]);
    expect(r.daily).toHaveLength(5);
    const n = run([250, 250, NaN, 250, 250], {}, "2025-01-01");
    expect(n.alerts.map((a) => a.level)).toEqual(["yellow", "yellow"]);
    expect(n.missingDates).toEqual(["2025-01-03"]);
    // a missing day outside any alert cannot be judged: NaN in the scoring series
    expect(Array.from(n.series.ranks)).toEqual([2, 2, NaN, 2, 2]);
  });

  it("mergeGapDays joins two episodes into one alert at the stricter level (从严); gap days count towards no duration", () => {
    // yellow (2 days), gap of 1 day at 180, orange (3 days with 310)
    const aqi = [250, 250, 180, 210, 310, 220];
    expect(run(aqi, {}, "2025-01-01").alerts.map((a) => a.level)).toEqual(["yellow", "orange"]);
    const m = run(aqi, { mergeGapDays: 1 }, "2025-01-01");
    expect(m.alerts).toHaveLength(1);
    expect(m.alerts[0]).toMatchObject({ level: "orange", start: "2025-01-01", end: "2025-01-06", missing: 0 });
    // the merged 5 days > 200 are not "4 consecutive days" with 2 consecutive > 300: not red
    expect(run([250, 310, 180, 310, 250], { mergeGapDays: 1 }, "2025-01-01").alerts[0].level).toBe("yellow");
    // a gap of 2 days is not merged with mergeGapDays 1
    expect(run([250, 250, 180, 180, 250, 250], { mergeGapDays: 1 }).alerts).toHaveLength(2);
    // a missing day inside a merged alert is counted
    expect(run([250, 250, NaN, 250, 250], { mergeGapDays: 1 }).alerts[0].missing).toBe(1);
  });
});

describe("bad arguments", () => {
  it("refuses unsorted or repeated dates, non-dates, negative AQI, length mismatch, unknown rule sets", () => {
    expect(() => cnAlerts({ dates: ["2025-01-02", "2025-01-01"], values: [1, 2] })).toThrow(/strictly ascending/);
    expect(() => cnAlerts({ dates: ["2025-01-01", "2025-01-01"], values: [1, 2] })).toThrow(/strictly ascending/);
    expect(() => cnAlerts({ dates: ["2025-02-30"], values: [1] })).toThrow(/calendar date/);
    expect(() => cnAlerts({ dates: ["2025-01-01"], values: [-1] })).toThrow(/negative/);
    expect(() => cnAlerts({ dates: ["2025-01-01"], values: [1, 2] })).toThrow(RangeError);
    expect(() => run([1], { rules: "cn-2099" })).toThrow(/cn-mee-2017/);
    expect(() => run([1], { mergeGapDays: -1 })).toThrow(RangeError);
  });

  it("an empty series gives no alerts", () => {
    expect(cnAlerts({ dates: [], values: [] }).alerts).toEqual([]);
  });
});
