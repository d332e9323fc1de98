import { describe, expect, it } from "vitest";
import { dailyAqi, hourlyPollutantsFromTable } from "../../../src/models/aqi";
import { roundHalfEven } from "../../../src/stats/round";
import { readMonitoringTable } from "../../../src/io/monitoring";
import { japanEqsEvaluation } from "../../../src/models/standards";
import { cnDailyAqiOfDay, cnDailyKeys, cnDailyAqiFromConcentrations } from "../../../src/models/aqi/daily";

const OFF = 480,
  H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1) - OFF * 60_000; // 2025-07-01 00:00 at UTC+8
const hours = (n: number) => Array.from({ length: n }, (_, h) => t0 + h * H);
const fill = (n: number, f: (h: number) => number) => Array.from({ length: n }, (_, h) => f(h));

describe("daily China AQI (HJ 633), worked by hand", () => {
  const n = 48;
  const input = {
    times: hours(n),
    utcOffsetMinutes: OFF,
    series: {
      "PM2.5": { values: fill(n, (h) => (h >= 24 && h < 29 ? NaN : 47.5)), unit: "µg/m3" }, // day 2: 19 hours only
      PM10: { values: fill(n, () => 85), unit: "µg/m3" },
      O3: { values: fill(n, (h) => (h % 24 >= 12 && h % 24 < 16 ? 180 : 60)), unit: "µg/m3" },
      SO2: { values: fill(n, () => 10), unit: "µg/m3" },
      NO2: { values: fill(n, () => 20), unit: "ppb" },
      CO: { values: fill(n, () => 1.0), unit: "mg/m3" },
    },
  };
  it("HJ 633-2026, unrounded: PM2.5 75, PM10 75 tie; O3 8-h 67; NO2 48; SO2 10; CO 25; no O3 1-h indicator", () => {
    const r = dailyAqi(input, { standard: "cn-2026", round: "none" });
    const d = r.days[0];
    expect(d.date).toBe("2025-07-01");
    // PM2.5 47.5: 50 + 50·12.5/25 = 75; PM10 85: 50 + 50·35/70 = 75
    // MDA8 (4·180 + 4·60)/8 = 120: 50 + 50·20/60 = 66.67 → 67
    // NO2 20 ppb × 46.01 / 24.46546 (298.15 K, after 2018-09-01) = 37.612 µg/m3: 37.612·50/40 = 47.02 → 48
    // SO2 10: 10·50/50 = 10; CO 1.0 mg/m3: 1·50/2 = 25
    // HJ 633-2026 §4.2.2 "日报的指标包括SO2、NO2、CO、PM10、PM2.5日平均以及O3日最大8小时平均6个指标":
    // the O3 1-h maximum (180 → 75) is not a daily indicator
    expect(d.iaqi).toEqual({ SO2_24h: 10, NO2_24h: 48, PM10_24h: 75, CO_24h: 25, O3_8h: 67, PM25_24h: 75 });
    expect(d.concentration.NO2_24h).toBeCloseTo((20 * 46.01) / ((22.414 * 298.15) / 273.15), 10);
    expect(d.aqi).toBe(75);
    expect(new Set(d.primary)).toEqual(new Set(["PM10_24h", "PM25_24h"]));
    expect(d.category).toBe(2);
    expect(d.complete).toBe(true);
    expect(r.round).toBe("none");
    expect(r.units).toMatchObject({ PM25_24h: "µg/m3", CO_24h: "mg/m3", O3_8h: "µg/m3" });
  });
  it("HJ 633-2026 default: concentrations rounded (GB/T 8170) before the IAQI — PM2.5 47.5 → 48 → 76, NO2 37.612 → 38 → 48", () => {
    const r = dailyAqi(input);
    const d = r.days[0];
    expect(r.round).toBe("gbt8170");
    // 47.5 half to even → 48: 50 + 50·13/25 = 76; NO2 38·50/40 = 47.5 → 48; MDA8 120 → 67
    expect(d.concentration.PM25_24h).toBe(48);
    expect(d.concentration.NO2_24h).toBe(38);
    expect(d.iaqi).toEqual({ SO2_24h: 10, NO2_24h: 48, PM10_24h: 75, CO_24h: 25, O3_8h: 67, PM25_24h: 76 });
    expect(d.aqi).toBe(76);
    expect(d.primary).toEqual(["PM25_24h"]);
  });
  it("HJ 633-2012: PM2.5 47.5 → 66, PM10 85 → 68; AQI 75 from O3 1-h alone", () => {
    const d = dailyAqi(input, { standard: "cn-2012" }).days[0];
    expect(d.iaqi.PM25_24h).toBe(66);
    expect(d.iaqi.PM10_24h).toBe(68);
    expect(d.aqi).toBe(75);
    expect(d.primary).toEqual(["O3_1h"]);
  });
  it("daily validity: 19 hourly PM2.5 values are not a daily mean (≥ 20 needed); the AQI uses the other pollutants", () => {
    const d = dailyAqi(input).days[1];
    expect(d.hours["PM2.5"]).toBe(19);
    expect(Number.isNaN(d.iaqi.PM25_24h)).toBe(true);
    expect(d.complete).toBe(false);
    expect(d.aqi).toBe(75);
    expect(d.primary).not.toContain("PM25_24h");
  });
  it("AQI ≤ 50 has no primary pollutant", () => {
    const d = dailyAqi({
      times: hours(24),
      utcOffsetMinutes: OFF,
      series: { "PM2.5": { values: fill(24, () => 20), unit: "µg/m3" } },
    }).days[0];
    expect(d.aqi).toBe(29); // 20·50/35 = 28.57 → 29
    expect(d.primary).toEqual([]);
  });
  it("O3 8-h above 800 µg/m3: 2012 defers to the 1-h IAQI (325), 2026 gives 300 (Table 3 note c)", () => {
    const s = {
      times: hours(24),
      utcOffsetMinutes: OFF,
      series: { O3: { values: fill(24, () => 850), unit: "µg/m3" } },
    };
    // HJ 633-2012 Table 1 note 3: "臭氧（O3）8小时平均浓度值高于800 µg/m3的，不再进行其空气质量分指数计算，
    // 臭氧（O3）空气质量分指数按1小时平均浓度计算的分指数报告"
    const a = dailyAqi(s, { standard: "cn-2012" }).days[0];
    expect(Number.isNaN(a.iaqi.O3_8h)).toBe(true);
    expect(a.iaqi.O3_1h).toBe(325); // 300 + 100·50/200 = 325
    expect(a.aqi).toBe(325);
    // HJ 633-2026 Table 3 note c: "O3 8小时平均浓度值高于800 µg/m3的，IAQI按照300计"
    const b = dailyAqi(s, { standard: "cn-2026" }).days[0];
    expect(b.iaqi).toEqual({ O3_8h: 300 });
    expect(b.aqi).toBe(300);
    expect(b.primary).toEqual(["O3_8h"]);
    expect(b.notes.join(" ")).toMatch(/IAQI 300 \(HJ 633-2026 Table 3 note c\)/);
  });
  it("a high O3 1-h peak sets the 2012 daily AQI but not the 2026 one (Table 3 note a: 1-h limits for real-time reports only)", () => {
    // O3 400 µg/m3 at 12–15 h, 60 otherwise: 1-h max 400 → IAQI 200 (1-h table: 400 ↔ 200);
    // MDA8 (4·400 + 4·60)/8 = 230 → 150 + 50·(230 − 215)/(265 − 215) = 165
    const s = {
      times: hours(24),
      utcOffsetMinutes: OFF,
      series: { O3: { values: fill(24, (h) => (h >= 12 && h < 16 ? 400 : 60)), unit: "µg/m3" } },
    };
    const a = dailyAqi(s, { standard: "cn-2012" }).days[0];
    expect(a.iaqi).toEqual({ O3_1h: 200, O3_8h: 165 });
    expect(a.aqi).toBe(200);
    expect(a.primary).toEqual(["O3_1h"]);
    // HJ 633-2026 Table 3 note a: "SO2、NO2、CO和O3 1小时平均浓度限值仅用于实时报"
    const b = dailyAqi(s, { standard: "cn-2026" }).days[0];
    expect(b.iaqi).toEqual({ O3_8h: 165 });
    expect(b.concentration.O3_1h).toBeUndefined();
    expect(b.aqi).toBe(165);
    expect(b.primary).toEqual(["O3_8h"]);
    expect(b.category).toBe(4); // 151–200 中度污染
  });
  it("2026: a day with an invalid MDA8 has no O3 IAQI at all (none from the 1-h values)", () => {
    // 12 hourly values (00–11 h) at 300 µg/m3: the China windows start 00–16 h and need ≥ 6 values,
    // so only the windows starting 00–06 h are valid: 7 < 14 → no MDA8 (HJ 663)
    const s = {
      times: hours(24),
      utcOffsetMinutes: OFF,
      series: {
        O3: { values: fill(24, (h) => (h < 12 ? 300 : NaN)), unit: "µg/m3" },
        "PM2.5": { values: fill(24, () => 20), unit: "µg/m3" },
      },
    };
    const d = dailyAqi(s).days[0];
    expect(Number.isNaN(d.iaqi.O3_8h)).toBe(true);
    expect(Object.keys(d.iaqi).sort()).toEqual(["O3_8h", "PM25_24h"]);
    expect(d.aqi).toBe(29); // PM2.5 20·50/35 = 28.57 → 29
    expect(d.complete).toBe(false);
  });
});

describe("China's reference state by date", () => {
  it("NO2 20 ppb: 41.05 µg/m3 at 273.15 K on 2018-08-01 (IAQI 52) but 37.61 µg/m3 at 298.15 K on 2018-09-01 (IAQI 48)", () => {
    const day = (y: number, m: number, d: number) =>
      Array.from({ length: 24 }, (_, h) => Date.UTC(y, m - 1, d, h) - OFF * 60_000);
    const run = (times: number[]) =>
      dailyAqi(
        { times, utcOffsetMinutes: OFF, series: { NO2: { values: times.map(() => 20), unit: "ppb" } } },
        { round: "none" },
      ).days[0];
    const before = run(day(2018, 8, 1)),
      after = run(day(2018, 9, 1));
    // 20 × 46.01 / 22.414 = 41.054 → 50 + 50·1.054/40 = 51.32 → 52
    expect(before.concentration.NO2_24h).toBeCloseTo((20 * 46.01) / 22.414, 10);
    expect(before.iaqi.NO2_24h).toBe(52);
    // 20 × 46.01 / 24.4655 = 37.612 → 37.612·50/40 = 47.02 → 48
    expect(after.iaqi.NO2_24h).toBe(48);
  });
});

describe("daily US AQI (EPA 2024), worked by hand", () => {
  it("O3 molar mass 47.997 g/mol (IUPAC O 15.999 × 3) decides a truncation boundary: 139.295 µg/m3 → 0.071 ppm → AQI 101", () => {
    // 298.15 K: Vm = 22.414 × 298.15/273.15 = 24.46544 L/mol; 139.295 × 24.46544 / 47.997 = 71.0026 ppb → 0.071 ppm
    // (with 48.00: 70.9982 ppb → truncated 0.070 ppm → AQI 100). EPA Table 6: 0.071–0.085 ppm ↔ 101–150 → 101
    const n = 48;
    const d = dailyAqi(
      {
        times: hours(n),
        utcOffsetMinutes: OFF,
        series: { O3: { values: fill(n, () => 139.295), unit: "µg/m3" } },
      },
      { standard: "us-2024" },
    ).days[0];
    expect(d.concentration.O3_8h).toBeCloseTo((139.295 * ((22.414 * 298.15) / 273.15)) / (3 * 15.999) / 1000, 12);
    expect(d.iaqi.O3_8h).toBe(101);
    expect(d.category).toBe(3);
  });
  it("PM2.5 12.0 → 56; O3 78 ppb all day → MDA8 0.078 ppm → 126 (primary O3_8h)", () => {
    const n = 48;
    const d = dailyAqi(
      {
        times: hours(n),
        utcOffsetMinutes: OFF,
        series: {
          "PM2.5": { values: fill(n, () => 12), unit: "µg/m3" },
          O3: { values: fill(n, () => 78), unit: "ppb" },
        },
      },
      { standard: "us-2024" },
    ).days[0];
    expect(d.iaqi.PM25_24h).toBe(56);
    expect(d.concentration.O3_8h).toBeCloseTo(0.078, 12);
    expect(d.iaqi.O3_8h).toBe(126);
    expect(Number.isNaN(d.iaqi.O3_1h)).toBe(true); // 0.078 < 0.125 ppm: no 1-h sub-index
    expect(d.aqi).toBe(126);
    expect(d.primary).toEqual(["O3_8h"]);
    expect(d.category).toBe(3);
  });
  it("SO2 1-h above 304 ppb with a 24-h mean below 305 ppb → AQI 200", () => {
    const d = dailyAqi(
      {
        times: hours(24),
        utcOffsetMinutes: OFF,
        series: { SO2: { values: fill(24, (h) => (h === 9 ? 400 : 10)), unit: "ppb" } },
      },
      { standard: "us-2024" },
    ).days[0];
    expect(d.concentration.SO2_24h).toBeCloseTo((400 + 23 * 10) / 24, 12);
    expect(d.iaqi.SO2_24h).toBe(200);
    expect(d.aqi).toBe(200);
  });
});

describe("bad input", () => {
  const base = { times: hours(2), utcOffsetMinutes: OFF };
  it("units, negatives, lengths", () => {
    expect(() => dailyAqi({ ...base, series: { "PM2.5": { values: [1, 2], unit: "ppb" } } })).toThrow(
      /PM2.5: unit "ppb" is not a particle mass concentration/,
    );
    expect(() => dailyAqi({ ...base, series: { O3: { values: [1, 2], unit: "ppbC" } } })).toThrow(/O3: unit "ppbC"/);
    expect(() => dailyAqi({ ...base, series: { O3: { values: [1, -3], unit: "ppb" } } })).toThrow(
      /O3: negative concentration -3 ppb at index 1 \(2025-07-01T01:00 local\)/,
    );
    const r = dailyAqi({ ...base, series: { O3: { values: [1, -3], unit: "ppb" } } }, { negative: "missing" });
    expect(r.negatives).toEqual({ O3: [1] });
    expect(r.absentHours).toBe(22);
    expect(() => dailyAqi({ ...base, series: { O3: { values: [1], unit: "ppb" } } })).toThrow(/1 values for 2 times/);
    expect(() => dailyAqi({ ...base, series: {} })).toThrow(/no pollutant series/);
  });
  it("a monitoring table: pollutant columns with units, others ignored", () => {
    const csv = "Time,PM2.5 (ug/m3),O3 (ppb),WS (m/s)\n2025-07-01 00:00,10,30,2\n2025-07-01 01:00,12,32,3\n";
    const { table } = readMonitoringTable({ text: csv, name: "x.csv" }, { utcOffset: "+08:00" });
    const { input, ignored } = hourlyPollutantsFromTable(table);
    expect(Object.keys(input.series).sort()).toEqual(["O3", "PM2.5"]);
    expect(input.series.O3!.unit).toBe("ppb");
    expect(ignored).toEqual(["WS"]);
  });
});

describe("Japan's EQS items from a station table (issue #16 item 7)", () => {
  // 大気汚染に係る環境基準: 光化学オキシダント "1時間値が0.06ppm以下であること" (daytime 05–20 h);
  // 浮遊粒子状物質 "1時間値の1日平均値が0.10mg/m3以下であり、かつ、1時間値が0.20mg/m3以下であること"
  const rows = Array.from({ length: 24 }, (_, h) => {
    const ox = h >= 12 && h < 15 ? 0.07 : 0.03;
    const spm = h === 3 ? 0.25 : 0.05;
    return `2025-07-01 ${String(h).padStart(2, "0")}:00,${ox},${spm},60,2`;
  });
  const csv = ["Time,Ox (ppm),SPM (mg/m3),O3 (µg/m3),WS (m/s)", ...rows].join("\n") + "\n";
  it("keeps Ox and SPM (not in ignored), says so in notes; the AQI does not use them", () => {
    const { table } = readMonitoringTable({ text: csv, name: "jp.csv" }, { utcOffset: "+09:00" });
    const { input, ignored, notes } = hourlyPollutantsFromTable(table);
    expect(Object.keys(input.series).sort()).toEqual(["O3", "Ox", "SPM"]);
    expect(input.series.Ox!.unit).toBe("ppm");
    expect(input.series.SPM!.unit).toBe("mg/m3");
    expect(ignored).toEqual(["WS"]);
    expect(notes.join(" ")).toMatch(/Ox and SPM kept for the Japan EQS/);
    expect(Object.keys(dailyAqi(input).days[0].iaqi)).toEqual(["O3_8h"]);
    const jp = japanEqsEvaluation(input);
    const ox = jp.find((r) => r.pollutant === "Ox")!;
    // the station's Ox, not O3: 3 daytime hours (12, 13, 14 h) at 0.07 > 0.06 ppm, on 1 day; no substitution note
    expect(ox).toMatchObject({ n: 15, exceedances: 3, exceedanceDays: 1, value: 0.07 });
    expect(ox.note).toBeUndefined();
    // SPM: hourly 0.25 > 0.20 once; daily mean (23·0.05 + 0.25)/24 = 0.0583 ≤ 0.10
    const spm1 = jp.find((r) => r.pollutant === "SPM" && r.averaging === "1h")!;
    expect(spm1).toMatchObject({ n: 24, exceedances: 1, value: 0.25 });
    expect(jp.find((r) => r.pollutant === "SPM" && r.averaging === "24h")!.value).toBeCloseTo(
      (23 * 0.05 + 0.25) / 24,
      12,
    );
  });
  it("O3 without Ox: the notes and the Ox row say O3 is used as the oxidant", () => {
    const text = [
      "Time,O3 (ppb)",
      ...Array.from({ length: 24 }, (_, h) => `2025-07-01 ${String(h).padStart(2, "0")}:00,40`),
    ].join("\n");
    const { table } = readMonitoringTable({ text, name: "o3.csv" }, { utcOffset: "+09:00" });
    const { input, notes } = hourlyPollutantsFromTable(table);
    expect(notes.join(" ")).toMatch(/no Ox column: japanEqsEvaluation uses O3 as photochemical oxidant/);
    expect(japanEqsEvaluation(input).find((r) => r.pollutant === "Ox")!.note).toMatch(
      /O3 used as photochemical oxidant/,
    );
  });
});

describe("rounding of daily concentrations (HJ 633-2026 §4.2.2, GB/T 8170 half to even; default for cn-2026)", () => {
  // §4.2.2: "其中SO2、NO2、O3、PM10、PM2.5浓度单位为µg/m3，按照GB/T 8170要求修约到整数，CO浓度单位为mg/m3，修约到1位小数"
  const day = Array.from({ length: 24 }, (_, h) => t0 + h * H);
  const run = (pm: number, round?: "none" | "gbt8170" | "hj663") =>
    dailyAqi(
      { times: day, utcOffsetMinutes: OFF, series: { "PM2.5": { values: day.map(() => pm), unit: "µg/m3" } } },
      round === undefined ? {} : { round },
    ).days[0];
  it("PM2.5 35.4 → 35 → IAQI 50, 优 (category 1), no primary pollutant; unrounded 50 + 50·0.4/25 = 50.8 → 51, 良, PM2.5 primary", () => {
    const d = run(35.4);
    expect(d.concentration.PM25_24h).toBe(35);
    expect(d.iaqi.PM25_24h).toBe(50);
    expect(d.aqi).toBe(50);
    expect(d.category).toBe(1);
    expect(d.primary).toEqual([]);
    const u = run(35.4, "none");
    expect(u.iaqi.PM25_24h).toBe(51);
    expect(u.category).toBe(2);
    expect(u.primary).toEqual(["PM25_24h"]);
    expect(run(35.4, "hj663").iaqi.PM25_24h).toBe(50); // former name of gbt8170
  });
  it("35.5 → 36 → 52; 36.5 → 36 (half to even) → 52", () => {
    expect(run(35.5).concentration.PM25_24h).toBe(36);
    expect(run(36.5).concentration.PM25_24h).toBe(36);
    expect(run(36.5).iaqi.PM25_24h).toBe(52); // 50 + 50·1/25 = 52
  });
  it("CO 2.05 mg/m3 → 2.0 (one decimal, half to even) → IAQI 50; unrounded 50 + 50·0.05/2 = 51.25 → 52", () => {
    const co = (round?: "none") =>
      dailyAqi(
        { times: day, utcOffsetMinutes: OFF, series: { CO: { values: day.map(() => 2.05), unit: "mg/m3" } } },
        round === undefined ? {} : { round },
      ).days[0];
    expect(co().concentration.CO_24h).toBe(2);
    expect(co().iaqi.CO_24h).toBe(50);
    expect(co("none").iaqi.CO_24h).toBe(52);
  });
  it("cn-2012 is not rounded by default (HJ 633-2012 sets no rounding of concentrations); US refuses rounding", () => {
    const r = dailyAqi(
      { times: day, utcOffsetMinutes: OFF, series: { "PM2.5": { values: day.map(() => 35.4), unit: "µg/m3" } } },
      { standard: "cn-2012" },
    );
    expect(r.round).toBe("none");
    expect(r.days[0].concentration.PM25_24h).toBeCloseTo(35.4, 12);
    expect(r.days[0].iaqi.PM25_24h).toBe(51); // 2012 table: 50 + 50·0.4/40 = 50.5 → 51
    expect(() =>
      dailyAqi(
        { times: day, utcOffsetMinutes: OFF, series: { "PM2.5": { values: day.map(() => 35.4), unit: "µg/m3" } } },
        { standard: "us-2024", round: "gbt8170" },
      ),
    ).toThrow(RangeError);
    expect(() => run(35.4, "up" as "none")).toThrow(/round must be "none" or "gbt8170"/);
  });
  it("roundHalfEven: 0.25 → 0.2, 0.35 → 0.4 (one decimal), 2.5 → 2, 3.5 → 4", () => {
    expect([
      roundHalfEven(0.25, 1),
      roundHalfEven(0.35, 1),
      roundHalfEven(2.5, 0),
      roundHalfEven(3.5, 0),
      roundHalfEven(2.51, 0),
    ]).toEqual([0.2, 0.4, 2, 4, 3]);
  });
});

describe("cnDailyAqiOfDay (the typed step of cnDailyAqiFromConcentrations)", () => {
  it("hand case: PM2.5 75 µg/m3 → IAQI 100 (HJ 633-2012 Table 1: 35→50, 75→100), primary PM25_24h", async () => {
    const keys = cnDailyKeys("cn-2012");
    const values = new Float64Array(keys.length).fill(NaN),
      given = new Uint8Array(keys.length);
    const k = keys.findIndex((x) => x.key === "PM25_24h");
    values[k] = 75;
    given[k] = 1;
    const x = new Float64Array(keys.length),
      sub = new Float64Array(keys.length),
      day = { aqi: NaN, complete: false };
    cnDailyAqiOfDay(values, given, "cn-2012", "none", x, sub, day);
    expect(day.aqi).toBe(100);
    expect(day.complete).toBe(true);
    expect(sub[k]).toBe(100);
    expect(Number.isNaN(sub[0])).toBe(true); // SO2 not given
  });

  it("equals cnDailyAqiFromConcentrations on 2,000 random days, both versions (AQI, IAQI, primary, complete, notes)", async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const scale: Record<string, number> = {
      SO2_24h: 900,
      NO2_24h: 600,
      PM10_24h: 700,
      CO_24h: 40,
      O3_1h: 1300,
      O3_8h: 1000,
      PM25_24h: 600,
    };
    for (let t = 0; t < 2000; t++) {
      for (const [version, round] of [
        ["cn-2026", "gbt8170"],
        ["cn-2012", "none"],
      ] as const) {
        const keys = cnDailyKeys(version);
        const c: Record<string, number> = {};
        const values = new Float64Array(keys.length),
          given = new Uint8Array(keys.length);
        keys.forEach((k, i) => {
          if (rnd() < 0.15) return; // key left out
          const v = rnd() < 0.1 ? NaN : rnd() * scale[k.key];
          c[k.input] = v;
          values[i] = v;
          given[i] = 1;
        });
        const ref = cnDailyAqiFromConcentrations(c, version, round);
        const x = new Float64Array(keys.length),
          sub = new Float64Array(keys.length),
          day = { aqi: NaN, complete: false },
          notes: string[] = [];
        cnDailyAqiOfDay(values, given, version, round, x, sub, day, notes);
        expect(Object.is(day.aqi, ref.aqi)).toBe(true);
        expect(day.complete).toBe(ref.complete);
        expect(notes).toEqual(ref.notes);
        const primary: string[] = [];
        keys.forEach((k, i) => {
          if (!given[i]) return;
          expect(Object.is(sub[i], ref.iaqi[k.key])).toBe(true);
          expect(Object.is(x[i], ref.concentration[k.key])).toBe(true);
          if (day.aqi > 50 && sub[i] === day.aqi) primary.push(k.key);
        });
        expect(primary).toEqual(ref.primary);
      }
    }
  });
});
