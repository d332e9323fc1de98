/**
 * US AQI category alerts (src/models/alerts/us.ts). Categories of EPA-454/B-24-002 Table 1
 * (101–150 Unhealthy for Sensitive Groups, 151–200 Unhealthy, 201–300 Very Unhealthy); AirNow:
 * "In some places, action days are called when the AQI is forecast to be Unhealthy for Sensitive
 * Groups, or Code Orange. … In many places, action days are called when the AQI is forecast to be
 * Unhealthy, or Code Red." Expected hours worked by hand.
 */
import { describe, expect, it } from "vitest";
import { usAqiAlerts } from "../../../src/models/alerts/us";
import { US_ACTION_DAY } from "../../../src/models/alerts/tables/us";

const H = 3_600_000;
// Los Angeles-like site at −08:00: hours starting 10:00 … 17:00 local on 2025-08-01
const t0 = Date.parse("2025-08-01T10:00:00-08:00");
const times = Array.from({ length: 8 }, (_, i) => t0 + i * H);
const aqi = [90, 100, 101, 150, 151, 160, 120, 99];

describe("usAqiAlerts", () => {
  it("from Unhealthy for Sensitive Groups (AQI ≥ 101) by default: 101 issues, 100 does not; the upgrade to Unhealthy is a second alert of the episode", () => {
    expect(US_ACTION_DAY.defaultMinLevel).toBe(3);
    const r = usAqiAlerts(times, aqi, { utcOffsetMinutes: -480 });
    expect(r.alerts.map((a) => [a.level, a.start, a.end, a.episode, a.peak])).toEqual([
      ["Unhealthy for Sensitive Groups", "2025-08-01T12:00:00-08:00", "2025-08-01T14:00:00-08:00", 0, 150],
      ["Unhealthy", "2025-08-01T14:00:00-08:00", "2025-08-01T16:00:00-08:00", 0, 160],
      ["Unhealthy for Sensitive Groups", "2025-08-01T16:00:00-08:00", "2025-08-01T17:00:00-08:00", 0, 120],
    ]);
    expect(r.alerts[1].ruleId).toBe("us-aqi/4");
    expect(r.alerts[1].clause).toContain("AQI 151–200 (Unhealthy)");
  });

  it("minLevel 4 (Code Red): only the two Unhealthy hours", () => {
    const r = usAqiAlerts(times, aqi, { utcOffsetMinutes: -480, minLevel: 4 });
    expect(r.alerts.map((a) => [a.start, a.end])).toEqual([["2025-08-01T14:00:00-08:00", "2025-08-01T16:00:00-08:00"]]);
  });

  it("a missing hour ends an alert; bad arguments are refused", () => {
    const r = usAqiAlerts(times, [101, NaN, 101, 50, 50, 50, 50, 50], { utcOffsetMinutes: -480 });
    expect(r.alerts.map((a) => a.episode)).toEqual([0, 1]);
    expect(() => usAqiAlerts(times, aqi, { utcOffsetMinutes: -480, minLevel: 2 })).toThrow(/3–6/);
    expect(() => usAqiAlerts(times, [-1, 0, 0, 0, 0, 0, 0, 0], { utcOffsetMinutes: -480 })).toThrow(/negative/);
  });
});
