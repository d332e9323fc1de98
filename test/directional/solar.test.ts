import { describe, expect, it } from "vitest";
import { isDaylight, solarGeometry, sunTimes } from "../../src/directional/solar";

// Reference times: the NOAA Global Monitoring Laboratory Solar Calculator
// (https://gml.noaa.gov/grad/solcalc/, "NOAA Solar Calculator"; its algorithm page
// https://gml.noaa.gov/grad/solcalc/calcdetails.html). The web page could not be opened from
// this machine, so the values were produced on 2026-12-03 by running the calculator's own
// JavaScript (main.js functions calcSunriseSet/calcSunriseSetUTC, as published with the page)
// offline for these sites and dates; the calculator shows them rounded to the minute.
// Shanghai 31.2304° N 121.4737° E (UTC+8); Kawasaki 35.5308° N 139.7029° E (UTC+9).
const NOAA = [
  // site, date, sunrise, sunset (local clock, hh:mm:ss as the calculator's unrounded minutes)
  { site: "Shanghai", lat: 31.2304, lon: 121.4737, off: 480, date: "2025-06-21", rise: "04:50:28", set: "19:01:21" },
  { site: "Shanghai", lat: 31.2304, lon: 121.4737, off: 480, date: "2025-12-21", rise: "06:48:36", set: "16:55:40" },
  { site: "Kawasaki", lat: 35.5308, lon: 139.7029, off: 540, date: "2025-06-21", rise: "04:26:04", set: "18:59:53" },
  { site: "Kawasaki", lat: 35.5308, lon: 139.7029, off: 540, date: "2025-12-21", rise: "06:46:33", set: "16:31:50" },
];

const localMs = (date: string, hms: string, off: number) => Date.parse(`${date}T${hms}Z`) - off * 60000;

describe("sunTimes (NOAA Solar Calculator method)", () => {
  for (const r of NOAA)
    it(`${r.site} ${r.date}: sunrise ${r.rise}, sunset ${r.set} as the NOAA calculator (±1 min)`, () => {
      const s = sunTimes(r.date, r.lat, r.lon, r.off);
      expect(Math.abs(s.sunrise - localMs(r.date, r.rise, r.off))).toBeLessThan(60000);
      expect(Math.abs(s.sunset - localMs(r.date, r.set, r.off))).toBeLessThan(60000);
      expect(s.solarNoon).toBeGreaterThan(s.sunrise);
      expect(s.solarNoon).toBeLessThan(s.sunset);
    });

  it("declination at the June solstice is the obliquity, ≈ +23.44° (Meeus 1998 ch. 22: ε ≈ 23.436° in 2025)", () => {
    // 2025-06-21 02:42 UTC is the solstice (NASA/USNO tables); δ = ε there
    expect(solarGeometry(Date.UTC(2025, 5, 21, 2, 42)).declination).toBeCloseTo(23.436, 2);
    // equinox 2025-03-20 09:01 UTC: δ ≈ 0
    expect(Math.abs(solarGeometry(Date.UTC(2025, 2, 20, 9, 1)).declination)).toBeLessThan(0.01);
  });

  it("polar night and midnight sun: no sunrise or sunset, day length 0 or 1440 min", () => {
    const night = sunTimes("2025-12-21", 78.2, 15.6, 60); // Longyearbyen
    expect(night.dayLengthMinutes).toBe(0);
    expect(night.sunrise).toBeNaN();
    const day = sunTimes("2025-06-21", 78.2, 15.6, 60);
    expect(day.dayLengthMinutes).toBe(1440);
    expect(isDaylight(Date.UTC(2025, 5, 21, 0, 0), 78.2, 15.6)).toBe(true);
    expect(isDaylight(Date.UTC(2025, 11, 21, 12, 0), 78.2, 15.6)).toBe(false);
  });

  it("rejects latitude/longitude out of range and a bad date", () => {
    expect(() => sunTimes("2025-6-1", 30, 120, 480)).toThrow(RangeError);
    expect(() => isDaylight(0, 91, 0)).toThrow(/latitude/);
    expect(() => isDaylight(0, 0, 200)).toThrow(/longitude/);
  });
});

describe("isDaylight", () => {
  it("Shanghai 2025-12-21: 06:45 night, 06:55 day, 16:50 day, 17:00 night (NOAA sunrise 06:48:36, sunset 16:55:40)", () => {
    const at = (hm: string) => isDaylight(localMs("2025-12-21", hm + ":00", 480), 31.2304, 121.4737);
    expect([at("06:45"), at("06:55"), at("16:50"), at("17:00")]).toEqual([false, true, true, false]);
  });
  it("does not depend on a time zone: a site far from its zone's meridian keeps both twilights", () => {
    // Kashgar 39.47° N 75.99° E keeps China's +8, 3.9 h east of its meridian. Worked by hand for
    // 2025-12-21 (δ ≈ −23.44°, E ≈ +2 min): solar noon 720 − 4·75.99 − 2 ≈ 414 min = 06:54 UTC;
    // H = acos(cos 90.833° / (cos φ cos δ) − tan φ tan δ) = acos(−0.0205 + 0.3570) ≈ 70.3°, 4H ≈ 281 min,
    // so sunrise ≈ 02:13 UTC (10:13 local), sunset ≈ 11:35 UTC (19:35 local).
    const up = (h: number, m: number) => isDaylight(Date.UTC(2025, 11, 21, h, m), 39.47, 75.99);
    expect([up(2, 0), up(2, 30), up(11, 20), up(11, 50), up(20, 0)]).toEqual([false, true, true, false, false]);
  });
});
