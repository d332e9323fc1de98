import { describe, expect, it } from "vitest";
import { julianDay, refractionDeg, solarCoordinates, solarPosition } from "../../src/photochem";
import { solarGeometry } from "../../src/directional";

describe("solarPosition (NOAA Solar Calculator = Meeus low-accuracy solar coordinates)", () => {
  it("Meeus (1998) Example 25.a, 1992 October 13.0 TD: δ = −7.78507°, R = 0.99766 AU", () => {
    // Astronomical Algorithms 2nd ed., p. 165: JDE 2448908.5, apparent declination −7°47′06″ = −7.78507°,
    // R = 0.99766 AU (the low-accuracy method this function implements)
    const t = (2448908.5 - 2440587.5) * 86400000;
    expect(julianDay(t)).toBe(2448908.5);
    const p = solarPosition(t, 0, 0);
    expect(p.declinationDeg).toBeCloseTo(-7.78507, 4);
    expect(p.earthSunDistanceAu).toBeCloseTo(0.99766, 5);
    // Meeus Example 28.b, same instant: equation of time E = +13m42.6s = 13.71 min (eq. 28.3)
    expect(p.equationOfTimeMin).toBeCloseTo(13.71, 1);
  });
  it("NREL SPA test case (Reda & Andreas, NREL/TP-560-34302, Table A5.1): Golden CO, 2003-10-17 12:30:30 −07:00", () => {
    // published: geocentric declination δ = −9.31434°, R = 0.9965422974 AU, topocentric azimuth
    // Φ = 194.34024°, topocentric zenith 50.11162° with refraction at 820 hPa, 11 °C (50.12795° before
    // refraction). Geocentric zenith by hand: 50.12795° − parallax 0.0019° (8.794″/R · cos e, e = 39.87°)
    // = 50.1261°. The NOAA algorithm takes UTC for TT (ΔT = 67 s is ignored).
    const p = solarPosition(Date.UTC(2003, 9, 17, 19, 30, 30), 39.742476, -105.1786);
    expect(Math.abs(p.declinationDeg - -9.31434)).toBeLessThan(0.002); // NOAA low accuracy: 0.0015°
    expect(p.earthSunDistanceAu).toBeCloseTo(0.9965422974, 4);
    expect(Math.abs(p.zenithDeg - 50.1261)).toBeLessThan(0.01);
    expect(Math.abs(p.azimuthDeg - 194.34024)).toBeLessThan(0.01);
    expect(p.hourAngleDeg).toBeGreaterThan(0); // afternoon
  });
  it("refraction: none above 85°, NOAA's 58.1″/tan h − … at 40°, and the horizon formula at 0° (1735″)", () => {
    expect(refractionDeg(86)).toBe(0);
    const t = Math.tan((40 * Math.PI) / 180);
    expect(refractionDeg(40)).toBeCloseTo((58.1 / t - 0.07 / t ** 3 + 0.000086 / t ** 5) / 3600, 12);
    expect(refractionDeg(0)).toBeCloseTo(1735 / 3600, 12);
  });
  it("Beijing at local solar noon of the June solstice is near 90 − (39.9 − 23.44)° from the zenith", () => {
    // 2025-06-21: δ ≈ +23.44° (the obliquity); noon zenith = latitude − δ = 16.5°
    let best = 90;
    for (let m = 3 * 60; m < 6 * 60; m++)
      best = Math.min(best, solarPosition(Date.UTC(2025, 5, 21, 0, m), 39.9, 116.4).zenithDeg);
    expect(best).toBeCloseTo(39.9 - 23.44, 1);
  });
  it("refuses a latitude beyond the poles", () => {
    expect(() => solarPosition(0, 91, 0)).toThrow(RangeError);
  });
});

describe("one home for the Sun's coordinates (issue #22)", () => {
  it("solarCoordinates gives Meeus Example 25.a (δ = −7.78507°, R = 0.99766 AU); directional's solarGeometry is the same numbers", () => {
    const t = (2448908.5 - 2440587.5) * 86400000;
    const c = solarCoordinates(t);
    expect(c.declinationDeg).toBeCloseTo(-7.78507, 4);
    expect(c.earthSunDistanceAu).toBeCloseTo(0.99766, 5);
    for (const ms of [t, Date.UTC(2024, 6, 1, 4), Date.UTC(2025, 11, 21, 23, 30)]) {
      const g = solarGeometry(ms);
      const s = solarCoordinates(ms);
      expect(g.declination).toBe(s.declinationDeg);
      expect(g.equationOfTime).toBe(s.equationOfTimeMin);
      expect(solarPosition(ms, 35, 139.7).declinationDeg).toBe(s.declinationDeg);
    }
    expect(() => solarCoordinates(NaN)).toThrow(RangeError);
  });
});
