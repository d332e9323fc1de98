import { describe, expect, it } from "vitest";
import { hourlyAqi } from "../../../src/models/aqi";

const OFF = 480,
  H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1) - OFF * 60_000;

describe("real-time (hourly) China AQI, by hand", () => {
  const times = Array.from({ length: 24 }, (_, h) => t0 + h * H);
  // PM2.5 40 µg/m3 for 23 hours, 100 at 23:00; O3 180 µg/m3 at 23:00, 100 otherwise
  const input = {
    times,
    utcOffsetMinutes: OFF,
    series: {
      "PM2.5": { values: times.map((_, h) => (h === 23 ? 100 : 40)), unit: "µg/m3" },
      O3: { values: times.map((_, h) => (h === 23 ? 180 : 100)), unit: "µg/m3" },
      SO2: { values: times.map((_, h) => (h === 23 ? 900 : 10)), unit: "µg/m3" },
    },
  };
  it("HJ 633-2026 (§4.2.3, six 1-h indicators): PM 1-h value on the daily breakpoints; no O3 8-h; SO2 1-h > 800 → 200", () => {
    // §4.2.3 "实时报的指标包括SO2、NO2、CO、O3、PM10和PM2.5 1小时平均6个指标。统计时段均为当前1小时平均"
    const r = hourlyAqi(input, { standard: "cn-2026" })[23];
    expect(r.local).toBe("2025-07-01T23:00");
    // PM2.5 100: daily segment 60–115 → 100 + 50·40/55 = 136.36 → 137 (formula 1: PM 1-h on the 日平均 limits)
    expect(r.iaqi.PM25_1h).toBe(137);
    // O3 1-h 180: 50 + 50·20/40 = 75
    expect(r.iaqi.O3_1h).toBe(75);
    // Table 3 note b: "SO2 1小时平均浓度值高于800 µg/m3的，IAQI按照200计"
    expect(r.iaqi.SO2_1h).toBe(200);
    expect(Object.keys(r.iaqi).sort()).toEqual(["O3_1h", "PM25_1h", "SO2_1h"]);
    expect(r.aqi).toBe(200);
    expect(r.primary).toEqual(["SO2_1h"]);
  });
  it("an O3 8-h running mean of 275 µg/m3 sets the 2012 real-time AQI (202) but is not a 2026 indicator (AQI 32 from O3 1-h 100)", () => {
    // O3 300 µg/m3 at 15–22 h, 100 at 23 h: 8-h mean ending 23 h = (7·300 + 100)/8 = 275
    // 2012: 8-h table 265–800 ↔ 200–300: 200 + 100·10/535 = 201.87 → 202; 1-h 100: 100·50/160 = 31.25 → 32
    const s = {
      times,
      utcOffsetMinutes: OFF,
      series: { O3: { values: times.map((_, h) => (h >= 15 && h < 23 ? 300 : 100)), unit: "µg/m3" } },
    };
    const old = hourlyAqi(s, { standard: "cn-2012" })[23];
    expect(old.concentration.O3_8h).toBe(275);
    expect(old.iaqi.O3_8h).toBe(202);
    expect(old.aqi).toBe(202);
    const now = hourlyAqi(s)[23];
    expect(now.iaqi).toEqual({ O3_1h: 32 });
    expect(now.aqi).toBe(32);
    expect(now.primary).toEqual([]);
  });
  it("2026 real-time concentrations rounded as §4.2.2 (§4.2.3 '修约要求同4.2.2'): PM2.5 35.4 → 35 → 50; CO 2.05 → 2.0 mg/m3", () => {
    const s = {
      times,
      utcOffsetMinutes: OFF,
      series: {
        "PM2.5": { values: times.map(() => 35.4), unit: "µg/m3" },
        CO: { values: times.map(() => 5.05), unit: "mg/m3" },
      },
    };
    const r = hourlyAqi(s)[5];
    expect(r.concentration.PM25_1h).toBe(35);
    expect(r.iaqi.PM25_1h).toBe(50);
    // CO 1-h 5.05 → 5.0 (half to even) → IAQI 50 (1-h table 5 ↔ 50); unrounded 50 + 50·0.05/5 = 50.5 → 51
    expect(r.concentration.CO_1h).toBe(5);
    expect(r.iaqi.CO_1h).toBe(50);
    expect(r.aqi).toBe(50);
    const u = hourlyAqi(s, { round: "none" })[5];
    expect(u.iaqi.PM25_1h).toBe(51);
    expect(u.iaqi.CO_1h).toBe(51);
    expect(() => hourlyAqi(s, { round: "hj" as "none" })).toThrow(RangeError);
  });
  it("HJ 633-2012: PM 24-h running mean (23·40 + 100)/24 = 42.5 → 50 + 50·7.5/40 = 59.4 → 60; SO2 1-h > 800 → the 24-h running-mean IAQI", () => {
    const r = hourlyAqi(input, { standard: "cn-2012" })[23];
    expect(r.concentration.PM25_24h).toBeCloseTo(42.5, 12);
    expect(r.iaqi.PM25_24h).toBe(60);
    expect(Number.isNaN(r.iaqi.SO2_1h)).toBe(true);
    // SO2 24-h running mean (23·10 + 900)/24 = 47.08 → 47.08·50/50 = 47.08 → 48
    expect(r.iaqi.SO2_24h).toBe(48);
    expect(r.aqi).toBe(75);
    // before 20 hours of PM2.5 the 2012 running mean is not valid
    expect(Number.isNaN(hourlyAqi(input, { standard: "cn-2012" })[18].iaqi.PM25_24h)).toBe(true);
  });
});
