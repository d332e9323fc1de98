import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../random/rng";
import { cnIaqi } from "../models/aqi/iaqi";
import { CNEMC_STATION_HEADER, CNEMC_TYPES, type CnemcType } from "../network/cnemc-types";

/** One simulated CNEMC station. */
export interface CnemcSimStation {
  code: string;
  name: string;
  city: string;
  longitude: number;
  latitude: number;
}

/** Options of {@link writeCnemcArchive} / {@link simulateCnemcDay}. */
export interface CnemcSimOptions {
  /** Number of stations (codes 1001A, 1002A, …) or an explicit list. Default 20. */
  stations?: number | CnemcSimStation[];
  /** First local (China, +08:00) day, `YYYY-MM-DD`. Default `2025-01-01`. */
  start?: string;
  /** Number of days (files per kind). Default 2. */
  days?: number;
  seed: number;
  /** Encoding of the station list and the city file (`utf-8` or `gb18030`). Default `utf-8`. */
  encoding?: "utf-8" | "gb18030";
  /** Fraction of station-hours with no values (all types empty). Default 0.02. */
  missingFraction?: number;
  /**
   * Keep the hourly truth in memory (default true). The files are generated and written one day
   * at a time, so with `false` memory does not grow with the number of days (use it for large
   * archives: 1,700 stations × 365 days).
   */
  keepTruth?: boolean;
}

/** What {@link writeCnemcArchive} wrote and the values it used. */
export interface CnemcArchiveTruth {
  seed: number;
  stations: CnemcSimStation[];
  cities: string[];
  /** Local days `YYYYMMDD`, in file order. */
  dates: string[];
  /**
   * Written values per type: `values[type][s][h]` for station s and hour h = day·24 + hour column
   * (NaN = empty cell), exactly as written (rounded). Absent when `keepTruth` is false.
   */
  values?: Record<CnemcType, Float64Array[]>;
  /** City values per type, `cityValues[type][c][h]` (NaN = empty). */
  cityValues?: Record<CnemcType, Float64Array[]>;
}

const CITIES = ["北京", "天津", "石家庄", "沈阳", "上海", "南京", "杭州", "广州", "成都", "西安"];
const CITY_LONLAT = [
  [116.4, 39.9],
  [117.2, 39.1],
  [114.5, 38.0],
  [123.4, 41.8],
  [121.5, 31.2],
  [118.8, 32.1],
  [120.2, 30.3],
  [113.3, 23.1],
  [104.1, 30.7],
  [108.9, 34.3],
];

function makeStations(n: number, rng: Rng): CnemcSimStation[] {
  const out: CnemcSimStation[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % CITIES.length;
    out.push({
      code: `${1001 + i}A`,
      name: `监测点${i + 1}`,
      city: CITIES[c],
      longitude: Math.round((CITY_LONLAT[c][0] + (rng.uniform() - 0.5) * 0.4) * 1e4) / 1e4,
      latitude: Math.round((CITY_LONLAT[c][1] + (rng.uniform() - 0.5) * 0.4) * 1e4) / 1e4,
    });
  }
  return out;
}

/** Base hourly concentrations of the six pollutants (µg/m3, CO mg/m3) for one station-hour. */
function hourly(rng: Rng, doy: number, hour: number, level: number): [number, number, number, number, number, number] {
  const winter = 1 + 0.5 * Math.cos((2 * Math.PI * (doy - 15)) / 365);
  const summer = 2 - winter;
  const traffic =
    1 + 0.3 * Math.cos((2 * Math.PI * (hour - 8)) / 24) + 0.2 * Math.cos((2 * Math.PI * (hour - 19)) / 12);
  const sun = Math.max(0, Math.sin((Math.PI * (hour - 6)) / 14));
  const n = () => Math.exp(0.35 * rng.normal());
  const pm25 = 35 * level * winter * traffic * n();
  const pm10 = pm25 * (1.4 + 0.4 * rng.uniform());
  const so2 = 10 * level * winter * n();
  const no2 = 30 * level * traffic * n();
  const o3 = (20 + 110 * sun * summer) * n();
  const co = 0.7 * level * winter * traffic * n();
  return [pm25, pm10, so2, no2, o3, co];
}

function meanLast(a: Float64Array, end: number, len: number): number {
  let s = 0,
    k = 0;
  for (let i = Math.max(0, end - len + 1); i <= end; i++) if (!Number.isNaN(a[i])) ((s += a[i]), k++);
  return k === 0 ? NaN : s / k;
}
function maxLast(a: Float64Array, end: number, len: number): number {
  let m = NaN;
  for (let i = Math.max(0, end - len + 1); i <= end; i++) if (!(a[i] <= m)) m = Number.isNaN(a[i]) ? m : a[i];
  return m;
}

/** The six simulated base pollutants, in the order of {@link hourly}. */
const BASE = 6;

/**
 * One station's generator state between days: its own copy of the random stream (positioned where
 * the one-pass, station-major generation would be), its level, and the last 48 h of base values
 * and O3 8-h means (the previous day in [0, 24), the current day in [24, 48); NaN before the
 * spin-up day, which makes every running mean and max over it equal to the truncated one).
 */
interface StationStream {
  rng: Rng;
  level: number;
  hv: Float64Array[];
  o8: Float64Array;
}

/**
 * The per-station streams. The random draws are station-major (station 1's level and every hour
 * of every day, then station 2's …), as one pass over the whole archive would draw them; each
 * station's starting state is found by replaying the previous station's draws (the same calls in
 * the same order: `uniform` for the level; per hour `uniform` (missing) and {@link hourly}'s
 * `normal, uniform, normal, normal, normal, normal`), so the files come out identical while only
 * one day is held in memory.
 */
function stationStreams(stations: CnemcSimStation[], days: number, rng: Rng): StationStream[] {
  const H = (days + 1) * 24;
  const out: StationStream[] = [];
  for (let s = 0; s < stations.length; s++) {
    const own = rng.clone();
    const level = 0.6 + 0.8 * own.uniform();
    const hv: Float64Array[] = [];
    for (let k = 0; k < BASE; k++) hv.push(new Float64Array(48).fill(NaN));
    out.push({ rng: own, level, hv, o8: new Float64Array(48).fill(NaN) });
    if (s + 1 === stations.length) break;
    rng.uniform();
    for (let h = 0; h < H; h++) {
      rng.uniform();
      rng.normal();
      rng.uniform();
      rng.normal();
      rng.normal();
      rng.normal();
      rng.normal();
    }
  }
  return out;
}

/** One day's values of every type, hour-major: `values[type][hour · n + s]` for n stations (or cities). */
type DayValues = Record<CnemcType, Float64Array>;

function dayValues(n: number): DayValues {
  return Object.fromEntries(CNEMC_TYPES.map((t) => [t, new Float64Array(24 * n)])) as unknown as DayValues;
}

/**
 * Advance every station by one day (day index d: 0 is the spin-up day before the first file) and,
 * for d ≥ 1, fill `out` with the day's written values. Values are rounded as the archive writes
 * them: integers, CO with 3 decimals. Running values: `_24h` = mean of the available hourly values
 * of the last 24 h (this hour included), `O3_8h` = mean of the last 8 h, `O3_24h` = max of the last
 * 24 hourly O3, `O3_8h_24h` = max of the last 24 `O3_8h`; AQI = max of the HJ 633-2012 IAQI of
 * PM2.5 and PM10 (24-h breakpoints applied to the hourly value) and O3 (1-h).
 */
function simulateDay(streams: StationStream[], d: number, startDoy: number, mf: number, out: DayValues): void {
  const S = streams.length;
  for (let s = 0; s < S; s++) {
    const st = streams[s];
    const hv = st.hv,
      o8 = st.o8;
    for (let k = 0; k < BASE; k++) hv[k].copyWithin(0, 24, 48);
    o8.copyWithin(0, 24, 48);
    for (let hour = 0; hour < 24; hour++) {
      const missing = st.rng.uniform() < mf;
      const v = hourly(st.rng, startDoy - 1 + d, hour, st.level);
      for (let k = 0; k < BASE; k++)
        hv[k][24 + hour] = missing ? NaN : k === 5 ? Math.round(v[k] * 1000) / 1000 : Math.round(v[k]);
    }
    for (let hour = 0; hour < 24; hour++) o8[24 + hour] = Math.round(meanLast(hv[4], 24 + hour, 8));
    if (d === 0) continue;
    for (let hour = 0; hour < 24; hour++) {
      const i = hour * S + s,
        e = 24 + hour;
      const p = hv[0][e],
        q = hv[1][e],
        o = hv[4][e];
      out.AQI[i] = Number.isNaN(p)
        ? NaN
        : Math.max(
            cnIaqi("PM25_24h", p, "cn-2012").iaqi,
            cnIaqi("PM10_24h", q, "cn-2012").iaqi,
            cnIaqi("O3_1h", o, "cn-2012").iaqi || 0,
          );
      out["PM2.5"][i] = p;
      out["PM2.5_24h"][i] = Math.round(meanLast(hv[0], e, 24));
      out.PM10[i] = q;
      out.PM10_24h[i] = Math.round(meanLast(hv[1], e, 24));
      out.SO2[i] = hv[2][e];
      out.SO2_24h[i] = Math.round(meanLast(hv[2], e, 24));
      out.NO2[i] = hv[3][e];
      out.NO2_24h[i] = Math.round(meanLast(hv[3], e, 24));
      out.O3[i] = o;
      out.O3_24h[i] = Math.round(maxLast(hv[4], e, 24));
      out.O3_8h[i] = o8[e];
      out.O3_8h_24h[i] = Math.round(maxLast(o8, e, 24));
      out.CO[i] = hv[5][e];
      out.CO_24h[i] = Math.round(meanLast(hv[5], e, 24) * 1000) / 1000;
    }
  }
}

/** City means of one day (stations of each city, in station order; NaN skipped; rounded as written). */
function cityDay(members: number[][], S: number, day: DayValues, out: DayValues): void {
  const C = members.length;
  for (const t of CNEMC_TYPES) {
    const co = t.startsWith("CO");
    const src = day[t],
      dst = out[t];
    for (let hour = 0; hour < 24; hour++)
      for (let c = 0; c < C; c++) {
        let sum = 0,
          k = 0;
        for (const i of members[c]) {
          const v = src[hour * S + i];
          if (!Number.isNaN(v)) ((sum += v), k++);
        }
        dst[hour * C + c] = k === 0 ? NaN : co ? Math.round((sum / k) * 1000) / 1000 : Math.round(sum / k);
      }
  }
}

function dayList(start: string, days: number): { dates: string[]; startDoy: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) throw new RangeError(`writeCnemcArchive: start must be YYYY-MM-DD, got "${start}"`);
  const t0 = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const dates: string[] = [];
  for (let d = 0; d < days; d++) dates.push(new Date(t0 + d * 86400000).toISOString().slice(0, 10).replace(/-/g, ""));
  return { dates, startDoy: Math.floor((t0 - Date.UTC(+m[1], 0, 1)) / 86400000) + 1 };
}

/**
 * Bytes of one day's file: the header (already encoded) and the ASCII rows `date,hour,type,v,…`
 * (empty field for NaN; numbers as JavaScript writes them, integers through a digit loop).
 */
class DayBytes {
  private buf = Buffer.allocUnsafe(1 << 20);
  private len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  build(header: Uint8Array, date: string, values: DayValues, n: number): Buffer {
    this.len = 0;
    this.room(header.length);
    this.buf.set(header, 0);
    this.len = header.length;
    for (let hour = 0; hour < 24; hour++)
      for (const t of CNEMC_TYPES) {
        this.ascii(date + "," + hour + "," + t);
        const a = values[t];
        this.room(n * 12 + 1);
        let b = this.buf;
        let p = this.len;
        for (let s = hour * n, e = s + n; s < e; s++) {
          const v = a[s];
          b[p++] = 44; // ","
          if (v !== v) continue; // NaN: empty cell
          if (v >= 0 && v < 1e9 && Math.floor(v) === v) {
            let x = v,
              w = 1;
            while (x >= 10) ((x = Math.floor(x / 10)), w++);
            x = v;
            for (let j = p + w - 1; j >= p; j--) ((b[j] = 48 + (x % 10)), (x = Math.floor(x / 10)));
            p += w;
          } else {
            this.len = p;
            this.ascii(String(v));
            this.room((e - s) * 12 + 1);
            b = this.buf;
            p = this.len;
          }
        }
        b[p++] = 10; // "\n"
        this.len = p;
      }
    return this.buf.subarray(0, this.len);
  }
}

function encode(text: string, encoding: "utf-8" | "gb18030"): Uint8Array {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  // Node's TextEncoder writes only UTF-8: encode GB18030 through iconv-lite when present.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require("iconv-lite") as { encode(s: string, e: string): Uint8Array };
  return iconv.encode(text, "gb18030");
}

function writeBytes(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, "w");
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    closeSync(fd);
  }
}

/** Everything one simulated archive needs, set up from the options. */
function setup(opts: CnemcSimOptions, days: number, who: string) {
  const mf = opts.missingFraction ?? 0.02;
  if (!(mf >= 0 && mf < 1)) throw new RangeError(`${who}: missingFraction must be in [0, 1), got ${mf}`);
  const rng = new Rng(opts.seed);
  const stations = Array.isArray(opts.stations) ? opts.stations : makeStations(opts.stations ?? 20, rng);
  const cities = [...new Set(stations.map((s) => s.city))];
  const { dates, startDoy } = dayList(opts.start ?? "2025-01-01", days);
  const streams = stationStreams(stations, days, rng);
  return { mf, stations, cities, dates, startDoy, streams };
}

function truthArrays(n: number, days: number): Record<CnemcType, Float64Array[]> {
  return Object.fromEntries(
    CNEMC_TYPES.map((t) => [t, Array.from({ length: n }, () => new Float64Array(days * 24))]),
  ) as unknown as Record<CnemcType, Float64Array[]>;
}

function keepDay(truth: Record<CnemcType, Float64Array[]>, day: DayValues, n: number, d: number): void {
  for (const t of CNEMC_TYPES)
    for (let s = 0; s < n; s++) {
      const dst = truth[t][s],
        src = day[t];
      for (let hour = 0; hour < 24; hour++) dst[d * 24 + hour] = src[hour * n + s];
    }
}

/**
 * Write a simulated CNEMC daily archive into `folder` in the real layout: `china_sites_YYYYMMDD.csv`
 * and `china_cities_YYYYMMDD.csv` per day (header `date,hour,type,<codes or cities>`, one row per
 * hour 0–23 × type in the archive's order, empty cells for missing) and the station list
 * `stations.csv` (header 监测点编码,监测点名称,城市,经度,纬度,对照点; longitude °E, latitude °N).
 * Seeded: the same options give the same bytes.
 *
 * Generated and written one day at a time: memory is one day of values (plus the truth when
 * `keepTruth` is not false), whatever the number of days; the bytes are those of a one-pass
 * station-major generation of the whole archive (see the tests).
 *
 * Model (illustrative, not fitted): lognormal hourly noise around seasonal (winter high PM, SO2,
 * CO; summer high O3) and diurnal (traffic peaks, daytime O3) cycles per station level.
 *
 * @returns the file paths and the truth (stations, dates, written values)
 * @throws {RangeError} for a bad `start`, days < 1, or a missing fraction outside [0, 1)
 */
export function writeCnemcArchive(
  folder: string,
  opts: CnemcSimOptions,
): { sites: string[]; cities: string[]; stationList: string; truth: CnemcArchiveTruth } {
  const days = opts.days ?? 2;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`writeCnemcArchive: days must be an integer ≥ 1, got ${days}`);
  const { mf, stations, cities, dates, startDoy, streams } = setup(opts, days, "writeCnemcArchive");
  const enc = opts.encoding ?? "utf-8";
  mkdirSync(folder, { recursive: true });
  const keep = opts.keepTruth !== false;
  const S = stations.length,
    C = cities.length;
  const members = cities.map((c) => stations.map((s, i) => (s.city === c ? i : -1)).filter((i) => i >= 0));
  const siteHeader = encode("date,hour,type," + stations.map((s) => s.code).join(",") + "\n", "utf-8");
  const cityHeader = encode("date,hour,type," + cities.join(",") + "\n", enc);
  const day = dayValues(S),
    cday = dayValues(C);
  const values = keep ? truthArrays(S, days) : undefined;
  const cityValues = keep ? truthArrays(C, days) : undefined;
  const bytes = new DayBytes();
  const sites: string[] = [];
  const cityFiles: string[] = [];
  simulateDay(streams, 0, startDoy, mf, day); // the spin-up day: history for the first running values
  for (let d = 0; d < days; d++) {
    simulateDay(streams, d + 1, startDoy, mf, day);
    cityDay(members, S, day, cday);
    const sp = join(folder, `china_sites_${dates[d]}.csv`);
    writeBytes(sp, bytes.build(siteHeader, dates[d], day, S));
    sites.push(sp);
    const cp = join(folder, `china_cities_${dates[d]}.csv`);
    writeBytes(cp, bytes.build(cityHeader, dates[d], cday, C));
    cityFiles.push(cp);
    if (values && cityValues) {
      keepDay(values, day, S, d);
      keepDay(cityValues, cday, C, d);
    }
  }
  const stationList = join(folder, "stations.csv");
  const rows = [CNEMC_STATION_HEADER.join(",")];
  for (const s of stations) rows.push([s.code, s.name, s.city, s.longitude, s.latitude, "N"].join(","));
  writeFileSync(stationList, encode(rows.join("\n") + "\n", enc));
  const truth: CnemcArchiveTruth = { seed: opts.seed, stations, cities, dates };
  if (values && cityValues) {
    truth.values = values;
    truth.cityValues = cityValues;
  }
  return { sites, cities: cityFiles, stationList, truth };
}

/**
 * One simulated day in memory: the text of `china_sites_YYYYMMDD.csv` for the stations, and the
 * truth (as {@link writeCnemcArchive}, one day).
 * @throws {RangeError} for a bad `start` or missing fraction
 */
export function simulateCnemcDay(opts: CnemcSimOptions): { text: string; truth: CnemcArchiveTruth } {
  const { mf, stations, cities, dates, startDoy, streams } = setup(opts, 1, "simulateCnemcDay");
  const S = stations.length;
  const day = dayValues(S);
  simulateDay(streams, 0, startDoy, mf, day);
  simulateDay(streams, 1, startDoy, mf, day);
  const values = truthArrays(S, 1);
  keepDay(values, day, S, 0);
  const header = encode("date,hour,type," + stations.map((s) => s.code).join(",") + "\n", "utf-8");
  const text = Buffer.from(new DayBytes().build(header, dates[0], day, S)).toString("utf8");
  return { text, truth: { seed: opts.seed, stations, cities, dates, values } };
}
