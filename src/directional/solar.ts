/**
 * Solar position, sunrise and sunset by the NOAA method: the equations of the NOAA Global
 * Monitoring Laboratory's Solar Calculator and its spreadsheet "NOAA_Solar_Calculations_day.xls"
 * (https://gml.noaa.gov/grad/solcalc/calcdetails.html; Cornwall, Horiuchi & Lehman, NOAA SRRB),
 * which implement Meeus, J. (1998) *Astronomical Algorithms*, 2nd ed., Willmann-Bell, ch. 25
 * (solar coordinates, low accuracy) and ch. 28 (equation of time). Sunrise and sunset are when the
 * Sun's centre is 0.833° below the horizon (refraction 34′ plus the semi-diameter 16′), as the
 * calculator defines them; NOAA states the results are accurate to about a minute between ±72°
 * latitude. openair's `cutDaylight` (R/cutData.R) uses the same equations.
 */

import { solarCoordinates } from "../photochem/solar";

const RAD = Math.PI / 180;

/** Julian century (TT ≈ UT) of a UTC instant: (JD − 2451545) / 36525, JD = ms / 86400000 + 2440587.5. */
export function julianCentury(utcMs: number): number {
  return (utcMs / 86400000 + 2440587.5 - 2451545) / 36525;
}

/** Solar declination (degrees) and equation of time (minutes) at a UTC instant (NOAA / Meeus). */
export interface SolarGeometry {
  /** Apparent declination of the Sun, degrees. */
  declination: number;
  /** Equation of time, minutes (apparent minus mean solar time). */
  equationOfTime: number;
}

/**
 * The Sun's declination and the equation of time at a UTC instant, by the NOAA Solar Calculator's
 * equations (Meeus 1998 ch. 25 and 28): geometric mean longitude L0 = 280.46646 + T(36000.76983 +
 * 0.0003032 T), mean anomaly M = 357.52911 + T(35999.05029 − 0.0001537 T), eccentricity e =
 * 0.016708634 − T(0.000042037 + 0.0000001267 T), equation of centre, apparent longitude (nutation
 * term 0.00569 + 0.00478 sin Ω), obliquity corrected by 0.00256 cos Ω, and Smart's equation of
 * time. T is the Julian century of the instant. Computed by the photochem module's
 * `solarCoordinates` (the one home of these formulas, checked there against Meeus Example 25.a and
 * the NREL SPA test case).
 *
 * @param utcMs a UTC instant (ms since 1970-01-01T00:00Z)
 * @throws {RangeError} when the instant is not finite
 */
export function solarGeometry(utcMs: number): SolarGeometry {
  const c = solarCoordinates(utcMs);
  return { declination: c.declinationDeg, equationOfTime: c.equationOfTimeMin };
}

/**
 * Sunrise hour angle (degrees) for a latitude and declination: acos(cos 90.833° / (cos φ cos δ) −
 * tan φ tan δ), the argument clipped to [−1, 1] (0° = polar night, 180° = midnight sun).
 */
function sunriseHourAngle(latitude: number, declination: number): number {
  const phi = latitude * RAD,
    d = declination * RAD;
  const x = Math.cos(90.833 * RAD) / (Math.cos(phi) * Math.cos(d)) - Math.tan(phi) * Math.tan(d);
  return Math.acos(Math.min(1, Math.max(-1, x))) / RAD;
}

function checkSite(latitude: number, longitude: number, fn: string): void {
  if (!(latitude >= -90 && latitude <= 90))
    throw new RangeError(`${fn}: latitude must be in −90..90°, got ${latitude}`);
  if (!(longitude >= -180 && longitude <= 180))
    throw new RangeError(`${fn}: longitude must be in −180..180° (east positive), got ${longitude}`);
}

/** Sunrise, solar noon and sunset of one local day (UTC instants, ms), and the day length. */
export interface SunTimes {
  /** UTC instant of sunrise (NaN in polar night or midnight sun). */
  sunrise: number;
  /** UTC instant of solar noon. */
  solarNoon: number;
  /** UTC instant of sunset (NaN in polar night or midnight sun). */
  sunset: number;
  /** Minutes between sunrise and sunset (0 in polar night, 1440 in midnight sun). */
  dayLengthMinutes: number;
}

/**
 * Sunrise, solar noon and sunset of a local calendar day at a site, as the NOAA Solar Calculator
 * computes them: the time of the event is found from the Sun's position at the start of the day
 * (0 h UT of the date), then recomputed once with the Sun's position at that first estimate
 * (sunrise/sunset UTC minutes = 720 − 4(λ ± H) − E, λ east longitude, H the sunrise hour angle,
 * E the equation of time).
 *
 * @param date the local date `YYYY-MM-DD`
 * @param latitude degrees north (south negative); longitude degrees EAST (west negative)
 * @param utcOffsetMinutes the site's offset (China 480, Japan 540): only used to pick which UTC
 *   day the local date is (the results are UTC instants)
 * @throws {RangeError} when the date is not YYYY-MM-DD or the latitude/longitude are out of range
 */
export function sunTimes(date: string, latitude: number, longitude: number, utcOffsetMinutes: number): SunTimes {
  checkSite(latitude, longitude, "sunTimes");
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`sunTimes: date must be YYYY-MM-DD, got "${date}"`);
  const day0 = Date.UTC(+m[1], +m[2] - 1, +m[3]); // 0 h UT of the date, as the calculator's JD
  const event = (sign: number) => {
    const at = (ms: number) => {
      const g = solarGeometry(ms);
      const h = sunriseHourAngle(latitude, g.declination);
      return { minutes: 720 - 4 * (longitude + sign * h) - g.equationOfTime, h };
    };
    const first = at(day0);
    return at(day0 + first.minutes * 60000);
  };
  const rise = event(1),
    set = event(-1);
  const g = solarGeometry(day0 + (720 - 4 * longitude) * 60000);
  const noonMin = 720 - 4 * longitude - g.equationOfTime;
  // the local day holds its events: move by whole days when the UTC date differs from the local one
  const toUtc = (min: number) => {
    let local = min + utcOffsetMinutes;
    let ms = day0 + min * 60000;
    while (local < 0) {
      local += 1440;
      ms += 86400000;
    }
    while (local >= 1440) {
      local -= 1440;
      ms -= 86400000;
    }
    return ms;
  };
  const polar = rise.h <= 0 || rise.h >= 180;
  return {
    sunrise: polar ? NaN : toUtc(rise.minutes),
    solarNoon: toUtc(noonMin),
    sunset: polar ? NaN : toUtc(set.minutes),
    dayLengthMinutes: 8 * rise.h,
  };
}

/**
 * Whether the Sun is up at a UTC instant at a site (openair `cutData(type = "daylight")`, its
 * `cutDaylight`, both from NOAA's method): with the Sun's declination δ and equation of time E at
 * the instant itself, solar noon is at 720 − 4λ − E minutes UTC and the Sun is up within ±4H
 * minutes of it (H the sunrise hour angle above), i.e. strictly between sunrise and sunset; always
 * in midnight sun, never in polar night.
 *
 * Difference from openair: openair compares the local clock time (of the data's time zone) with
 * sunrise and sunset of that clock day without wrapping, so when the zone is far from the site's
 * longitude (e.g. UTC clock time in China) part of the day is misclassified; here the time from
 * solar noon is taken modulo 24 h, which needs no time zone at all. openair also defaults to a
 * London latitude/longitude: here both are required.
 *
 * @param utcMs the instant; latitude degrees north; longitude degrees EAST
 * @throws {RangeError} when the latitude/longitude are out of range
 */
export function isDaylight(utcMs: number, latitude: number, longitude: number): boolean {
  checkSite(latitude, longitude, "isDaylight");
  return daylightAt(utcMs, latitude, longitude);
}

/** {@link isDaylight} without the argument checks (for loops over many rows). */
export function daylightAt(utcMs: number, latitude: number, longitude: number): boolean {
  const g = solarGeometry(utcMs);
  const h = sunriseHourAngle(latitude, g.declination);
  if (h <= 0) return false;
  if (h >= 180) return true;
  const noon = 720 - 4 * longitude - g.equationOfTime; // minutes UTC
  const minuteOfDay = (((utcMs % 86400000) + 86400000) % 86400000) / 60000;
  let d = (minuteOfDay - noon) % 1440;
  if (d < -720) d += 1440;
  if (d >= 720) d -= 1440;
  return Math.abs(d) < 4 * h;
}
