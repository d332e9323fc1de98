/**
 * Wind basics shared by the directional analyses (openair conventions, CONVENTIONS.md §2):
 * directions are meteorological (degrees clockwise from north, the direction the wind blows
 * FROM), speeds in m/s, and a bin at (wd, ws) is placed at u = ws·sin(wd), v = ws·cos(wd) so that
 * north is up and a source lies in the direction it appears on the plot.
 */

import { quantileType7 } from "../stats/quantile";

/** Default calm-wind threshold, m/s: ws below it has no meaningful direction (a common convention, e.g. US EPA-454/R-99-005 §6; verify for your anemometer's starting threshold). */
export const DEFAULT_CALM_MS = 0.5;

/** A plain directional series: one concentration (or factor contribution) per record, with the wind of that record. */
export interface WindSeries {
  /** Concentrations or contributions (any unit; NaN = missing). */
  values: ArrayLike<number>;
  /** Wind direction, degrees clockwise from north (from which the wind blows). */
  wd: ArrayLike<number>;
  /** Wind speed, m/s. */
  ws: ArrayLike<number>;
}

const RAD = Math.PI / 180;

/** u = ws·sin(wd), v = ws·cos(wd) (m/s; wd in degrees clockwise from north, the direction the wind blows from): the plotting position of a (wd, ws) pair, north up, as in openair (Carslaw & Ropkins 2012). */
export function windToUV(ws: number, wdDeg: number): { u: number; v: number } {
  return { u: ws * Math.sin(wdDeg * RAD), v: ws * Math.cos(wdDeg * RAD) };
}

/** Direction (degrees in [0, 360)) of the position (u, v); NaN when u = v = 0. */
export function uvToDirection(u: number, v: number): number {
  if (u === 0 && v === 0) return NaN;
  // rounding residue (e.g. sin 350° + sin 10° ≈ 1e-17) must not turn north into 359.99999…°
  if (Math.abs(u) < 1e-12 * Math.abs(v)) u = 0;
  if (Math.abs(v) < 1e-12 * Math.abs(u)) v = 0;
  const d = Math.atan2(u, v) / RAD;
  return d < 0 ? d + 360 : d;
}

/**
 * Vector-averaged wind (CONVENTIONS.md §2): wd = atan2(mean(ws·sin wd), mean(ws·cos wd)),
 * resultant speed = |(mean ws·sin wd, mean ws·cos wd)|, and the scalar mean speed.
 * Pairs with a non-finite ws or wd are skipped; a negative ws is a RangeError.
 *
 * @param ws wind speeds, m/s
 * @param wd wind directions, degrees from north
 * @returns `{ wd }` in [0, 360) (NaN when no pair or a zero resultant), `vectorWs` and `scalarWs` in m/s, `n` pairs used
 * @throws {RangeError} when speeds and directions differ in length
 */
export function vectorMeanWind(
  ws: ArrayLike<number>,
  wd: ArrayLike<number>,
): { wd: number; vectorWs: number; scalarWs: number; n: number } {
  if (ws.length !== wd.length) throw new RangeError(`vectorMeanWind: ${ws.length} speeds, ${wd.length} directions`);
  checkWindSpeeds(ws, "vectorMeanWind");
  let su = 0,
    sv = 0,
    ss = 0,
    n = 0;
  for (let i = 0; i < ws.length; i++) {
    const s = ws[i],
      d = wd[i];
    if (!Number.isFinite(s) || !Number.isFinite(d)) continue;
    su += s * Math.sin(d * RAD);
    sv += s * Math.cos(d * RAD);
    ss += s;
    n++;
  }
  if (n === 0) return { wd: NaN, vectorWs: NaN, scalarWs: NaN, n };
  su /= n;
  sv /= n;
  const r = Math.hypot(su, sv);
  return { wd: r < 1e-12 ? NaN : uvToDirection(su, sv), vectorWs: r, scalarWs: ss / n, n };
}

/**
 * Index of the direction sector holding `wdDeg`, for `sectors` equal sectors centred on north
 * (sector 0 spans [−w/2, w/2) with w = 360/sectors). NaN direction → −1.
 */
export function sectorIndex(wdDeg: number, sectors: number): number {
  if (!Number.isFinite(wdDeg)) return -1;
  const w = 360 / sectors;
  const a = (((wdDeg + w / 2) % 360) + 360) % 360;
  return Math.min(sectors - 1, Math.floor(a / w));
}

/** Centre (degrees) of each of `sectors` sectors centred on north. */
export function sectorCentres(sectors: number): number[] {
  checkSectors(sectors);
  return Array.from({ length: sectors }, (_, k) => (k * 360) / sectors);
}

/** Throws a RangeError unless `sectors` is an integer in 4..360. */
export function checkSectors(sectors: number): void {
  if (!Number.isInteger(sectors) || sectors < 4 || sectors > 360)
    throw new RangeError(`sectors must be an integer in 4..360, got ${sectors}`);
}

/**
 * Throws a RangeError (naming `fn`) unless values, wd and ws have one length and no wind speed
 * is negative (see {@link checkWindSpeeds}); returns the length.
 */
export function checkSeries(s: WindSeries, fn: string): number {
  const n = s.values.length;
  if (s.wd.length !== n || s.ws.length !== n)
    throw new RangeError(`${fn}: values (${n}), wd (${s.wd.length}) and ws (${s.ws.length}) differ in length`);
  checkWindSpeeds(s.ws, fn);
  return n;
}

/**
 * Throws a RangeError (naming `fn`, the first index and value, and how many there are) when a
 * wind speed is negative. A speed is a magnitude (≥ 0), so a negative value is a sensor or export
 * fault: it is never counted as calm or dropped silently. Set such records to NaN to exclude
 * them (non-finite speeds are skipped as missing, as everywhere in this module).
 *
 * @param ws wind speeds, m/s
 */
export function checkWindSpeeds(ws: ArrayLike<number>, fn: string): void {
  let first = -1,
    count = 0;
  for (let i = 0; i < ws.length; i++)
    if (ws[i] < 0) {
      if (first < 0) first = i;
      count++;
    }
  if (count > 0)
    throw new RangeError(
      `${fn}: ws[${first}] = ${ws[first]} m/s is negative (${count} negative wind speed${count > 1 ? "s" : ""}); a speed is ≥ 0: set faulty records to NaN to exclude them`,
    );
}

/**
 * Percentile p (0–100) of the finite values (NaN and ±Infinity left out): {@link quantileType7}
 * at p/100 (Hyndman & Fan 1996 type 7, R's default).
 * @throws {RangeError} when p is outside 0..100 or no value is finite
 */
export function percentileOf(values: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in 0..100, got ${p}`);
  const x: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) x.push(values[i]);
  if (x.length === 0) throw new RangeError("percentile: no finite values");
  return quantileType7(x, p / 100);
}
