/**
 * Solar position from a UTC instant and a site's latitude and longitude: the NOAA Solar Calculator's
 * algorithm (NOAA Global Monitoring Laboratory, "NOAA Solar Calculator", spreadsheet
 * `NOAA_Solar_Calculations_day.xls`, https://gml.noaa.gov/grad/solcalc/calcdetails.html), which is
 * the low-accuracy solar coordinates of Meeus (1998), *Astronomical Algorithms*, 2nd ed., chapters
 * 25 (solar coordinates, Earth–Sun distance), 22 (obliquity) and 28 (equation of time). UTC is used
 * for dynamical time (ΔT ≈ 1 min is neglected, as the NOAA calculator does).
 * @packageDocumentation
 */

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Solar position at one instant and site. */
export interface SolarPosition {
  /** Geometric (unrefracted) solar zenith angle (degrees); photolysis uses this. */
  zenithDeg: number;
  /** Zenith angle corrected for refraction by the NOAA calculator's formula (degrees). */
  refractedZenithDeg: number;
  /** Azimuth clockwise from north (degrees, 0–360). */
  azimuthDeg: number;
  /** Apparent solar declination (degrees). */
  declinationDeg: number;
  /** Equation of time (minutes): true solar time minus mean solar time. */
  equationOfTimeMin: number;
  /** Earth–Sun distance (astronomical units), Meeus eq. 25.5. */
  earthSunDistanceAu: number;
  /** Hour angle (degrees, −180 to 180; negative before solar noon). */
  hourAngleDeg: number;
}

/** Julian day of a UTC instant (ms since 1970-01-01T00:00Z): JD = ms/86 400 000 + 2 440 587.5. */
export function julianDay(utcMs: number): number {
  return utcMs / 86400000 + 2440587.5;
}

const mod360 = (x: number) => ((x % 360) + 360) % 360;

/** The Sun's coordinates at a UTC instant, independent of the site: what {@link solarCoordinates} returns. */
export interface SolarCoordinates {
  /** Apparent solar declination (degrees). */
  declinationDeg: number;
  /** Equation of time (minutes): true solar time minus mean solar time. */
  equationOfTimeMin: number;
  /** Earth–Sun distance (astronomical units), Meeus eq. 25.5. */
  earthSunDistanceAu: number;
}

/**
 * The Sun's apparent declination, the equation of time and the Earth–Sun distance at a UTC instant,
 * by the NOAA Solar Calculator's formulas (Meeus 1998, ch. 25 low accuracy): mean longitude
 * L0 = 280.46646 + 36000.76983 T + 0.0003032 T², mean anomaly M = 357.52911 + 35999.05029 T −
 * 0.0001537 T², eccentricity e = 0.016708634 − 0.000042037 T − 0.0000001267 T², equation of centre,
 * apparent longitude λ = ☉ − 0.00569 − 0.00478 sin Ω, obliquity ε = ε0 + 0.00256 cos Ω,
 * δ = asin(sin ε sin λ), R = 1.000001018 (1 − e²)/(1 + e cos v), the equation of time of Meeus eq. 28.3
 * (Smart's). T is Julian centuries from J2000.0 (JD 2 451 545.0). The one home of these formulas:
 * {@link solarPosition} and the directional module's `solarGeometry`, `sunTimes` and `isDaylight` use it.
 *
 * @param utcMs - the instant, ms since 1970-01-01T00:00Z
 * @returns declination (degrees), equation of time (minutes), Earth–Sun distance (AU)
 * @throws {RangeError} when the instant is not finite
 */
export function solarCoordinates(utcMs: number): SolarCoordinates {
  if (!Number.isFinite(utcMs)) throw new RangeError(`solarCoordinates: utcMs must be finite, got ${utcMs}`);
  const jd = julianDay(utcMs);
  const T = (jd - 2451545.0) / 36525;
  const L0 = mod360(280.46646 + T * (36000.76983 + T * 0.0003032));
  const M = 357.52911 + T * (35999.05029 - 0.0001537 * T);
  const e = 0.016708634 - T * (0.000042037 + 0.0000001267 * T);
  const Mr = M * RAD;
  const C =
    Math.sin(Mr) * (1.914602 - T * (0.004817 + 0.000014 * T)) +
    Math.sin(2 * Mr) * (0.019993 - 0.000101 * T) +
    Math.sin(3 * Mr) * 0.000289;
  const trueLong = L0 + C;
  const trueAnom = M + C;
  const R = (1.000001018 * (1 - e * e)) / (1 + e * Math.cos(trueAnom * RAD));
  const omega = (125.04 - 1934.136 * T) * RAD;
  const lambda = (trueLong - 0.00569 - 0.00478 * Math.sin(omega)) * RAD;
  const eps0 = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
  const eps = (eps0 + 0.00256 * Math.cos(omega)) * RAD;
  const decl = Math.asin(Math.sin(eps) * Math.sin(lambda));
  const y = Math.tan(eps / 2) ** 2;
  const L0r = L0 * RAD;
  const eot =
    4 *
    DEG *
    (y * Math.sin(2 * L0r) -
      2 * e * Math.sin(Mr) +
      4 * e * y * Math.sin(Mr) * Math.cos(2 * L0r) -
      0.5 * y * y * Math.sin(4 * L0r) -
      1.25 * e * e * Math.sin(2 * Mr));
  return { declinationDeg: decl * DEG, equationOfTimeMin: eot, earthSunDistanceAu: R };
}

/**
 * Solar zenith and azimuth angles, declination, equation of time and Earth–Sun distance at a site
 * and UTC instant, by the NOAA Solar Calculator's formulas ({@link solarCoordinates}: Meeus 1998,
 * ch. 25 low accuracy, and the equation of time of eq. 28.3), true solar time = UTC minutes + EoT +
 * 4·longitude, cos Z = sin φ sin δ + cos φ cos δ cos H.
 *
 * @param utcMs - the instant, ms since 1970-01-01T00:00Z
 * @param latDeg - latitude (degrees, north positive)
 * @param lonDeg - longitude (degrees, east positive: Beijing 116.4, Tokyo 139.7)
 * @returns the angles in degrees, EoT in minutes, distance in AU
 * @throws {RangeError} when the instant is not finite or latitude/longitude are outside [−90, 90] / [−180, 360]
 */
export function solarPosition(utcMs: number, latDeg: number, lonDeg: number): SolarPosition {
  if (!Number.isFinite(utcMs)) throw new RangeError(`solarPosition: utcMs must be finite, got ${utcMs}`);
  if (!(latDeg >= -90 && latDeg <= 90))
    throw new RangeError(`solarPosition: latitude must be in [-90, 90], got ${latDeg}`);
  if (!(lonDeg >= -180 && lonDeg <= 360))
    throw new RangeError(`solarPosition: longitude must be in [-180, 360], got ${lonDeg}`);
  const sc = solarCoordinates(utcMs);
  const decl = sc.declinationDeg * RAD;
  const eot = sc.equationOfTimeMin;
  const R = sc.earthSunDistanceAu;
  const dayMin = (((utcMs % 86400000) + 86400000) % 86400000) / 60000;
  const tst = (((dayMin + eot + 4 * lonDeg) % 1440) + 1440) % 1440;
  let H = tst / 4 - 180;
  if (H < -180) H += 360;
  const lat = latDeg * RAD;
  const cosZ = Math.min(
    1,
    Math.max(-1, Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(H * RAD)),
  );
  const zenith = Math.acos(cosZ) * DEG;
  const sinZ = Math.sin(zenith * RAD);
  let azimuth: number;
  const den = Math.cos(lat) * sinZ;
  if (Math.abs(den) < 1e-12) azimuth = latDeg > 0 ? 180 : 0;
  else {
    const a = Math.acos(Math.min(1, Math.max(-1, (Math.sin(lat) * cosZ - Math.sin(decl)) / den))) * DEG;
    azimuth = H > 0 ? mod360(a + 180) : mod360(540 - a);
  }
  return {
    zenithDeg: zenith,
    refractedZenithDeg: zenith - refractionDeg(90 - zenith),
    azimuthDeg: azimuth,
    declinationDeg: decl * DEG,
    equationOfTimeMin: eot,
    earthSunDistanceAu: R,
    hourAngleDeg: H,
  };
}

/**
 * Approximate atmospheric refraction (degrees) at a true solar elevation (degrees), the NOAA Solar
 * Calculator's formula: above 85° none; 5–85°: (58.1/tan h − 0.07/tan³ h + 0.000086/tan⁵ h)″;
 * −0.575–5°: (1735 − 518.2 h + 103.4 h² − 12.79 h³ + 0.711 h⁴)″; below: (−20.772/tan h)″.
 * @param elevationDeg - true (geometric) solar elevation (degrees)
 * @returns the refraction (degrees) to add to the elevation
 */
export function refractionDeg(elevationDeg: number): number {
  const h = elevationDeg;
  if (h > 85) return 0;
  const t = Math.tan(h * RAD);
  let arcsec: number;
  if (h > 5) arcsec = 58.1 / t - 0.07 / t ** 3 + 0.000086 / t ** 5;
  else if (h > -0.575) arcsec = 1735 + h * (-518.2 + h * (103.4 + h * (-12.79 + h * 0.711)));
  else arcsec = -20.772 / t;
  return arcsec / 3600;
}
