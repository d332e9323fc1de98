import { describe, expect, it } from "vitest";
import { cnDailyAqiFromConcentrations, dailyAqi } from "../../src/models/aqi";

describe("cnDailyAqiFromConcentrations (the IAQI step shared by dailyAqi and the network summary)", () => {
  it("HJ 633-2026 §4.2.2 rounding: PM2.5 35.4 → 35 → IAQI 50, no primary; unrounded 35.4 → IAQI 51", () => {
    // hand calculation: 35 is the IAQI-50 breakpoint; HJ 633-2026 Table 3 breakpoints 35 → 50, 60 → 100: (100−50)/(60−35)·(35.4−35)+50 = 50.8 → rounded up 51 (§4.2.6)
    const r = cnDailyAqiFromConcentrations({ PM25_24h: 35.4 }, "cn-2026", "gbt8170");
    expect(r.concentration.PM25_24h).toBe(35);
    expect(r.iaqi.PM25_24h).toBe(50);
    expect(r.aqi).toBe(50);
    expect(r.primary).toEqual([]);
    const u = cnDailyAqiFromConcentrations({ PM25_24h: 35.4 }, "cn-2026", "none");
    expect(u.iaqi.PM25_24h).toBe(51);
    expect(u.primary).toEqual(["PM25_24h"]);
  });
  it("CO 2.05 mg/m3 → 2.0 (half to even) → IAQI 50; an invalid day is NaN and not complete", () => {
    const r = cnDailyAqiFromConcentrations({ CO_24h: 2.05, SO2_24h: NaN }, "cn-2026", "gbt8170");
    expect(r.concentration.CO_24h).toBe(2.0);
    expect(r.iaqi.CO_24h).toBe(50);
    expect(Number.isNaN(r.iaqi.SO2_24h)).toBe(true);
    expect(r.complete).toBe(false);
  });
  it("gives exactly what dailyAqi gives for a day of constant hourly values", () => {
    // 24 hours of PM2.5 = 80 µg/m3 starting at local midnight (+08:00): 24-h mean 80; HJ 633-2026 Table 3 PM2.5 breakpoints 60 → IAQI 100, 115 → 150: (150−100)/(115−60)·(80−60)+100 = 118.18 → 119 (rounded up)
    const t0 = Date.UTC(2025, 0, 1) - 8 * 3600e3;
    const times = Array.from({ length: 24 }, (_, h) => t0 + h * 3600e3);
    const d = dailyAqi({
      times,
      utcOffsetMinutes: 480,
      series: { "PM2.5": { values: times.map(() => 80), unit: "µg/m3" } },
    });
    const r = cnDailyAqiFromConcentrations({ PM25_24h: 80 }, "cn-2026", "gbt8170");
    expect(d.days[0].aqi).toBe(119);
    expect(r.aqi).toBe(119);
    expect(r.iaqi).toEqual(d.days[0].iaqi);
  });
  it("refuses an unknown version", () => {
    expect(() => cnDailyAqiFromConcentrations({}, "us-2024" as never, "none")).toThrow(RangeError);
  });
});
