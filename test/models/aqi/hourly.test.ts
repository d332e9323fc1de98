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
  it("HJ 633-2026: PM 1-h value on the 24-h breakpoints; SO2 1-h > 800 → 200", () => {
    const r = hourlyAqi(input, { standard: "cn-2026" })[23];
    expect(r.local).toBe("2025-07-01T23:00");
    // PM2.5 100: segment 60–115 → 100 + 50·40/55 = 136.36 → 137
    expect(r.iaqi.PM25_24h).toBe(137);
    // O3 1-h 180: 50 + 50·20/40 = 75; O3 8-h (7·100 + 180)/8 = 110: 50 + 50·10/60 = 58.3 → 59
    expect(r.iaqi.O3_1h).toBe(75);
    expect(r.concentration.O3_8h).toBe(110);
    expect(r.iaqi.O3_8h).toBe(59);
    expect(r.iaqi.SO2_1h).toBe(200);
    expect(r.aqi).toBe(200);
    expect(r.primary).toEqual(["SO2_1h"]);
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
