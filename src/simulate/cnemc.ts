import { mkdirSync, writeFileSync } from "node:fs";
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
  /** Keep the hourly truth in memory (default true; false for very large archives). */
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

/**
 * Simulate hourly values of every type for the stations over `days` days (plus one spin-up day
 * so that the first running values have history). Values are rounded as the archive writes them:
 * integers, CO with 3 decimals. Running values: `_24h` = mean of the available hourly values of
 * the last 24 h (this hour included), `O3_8h` = mean of the last 8 h, `O3_24h` = max of the last
 * 24 hourly O3, `O3_8h_24h` = max of the last 24 `O3_8h`; AQI = max of the HJ 633-2012 IAQI of
 * PM2.5 and PM10 (24-h breakpoints applied to the hourly value) and O3 (1-h).
 */
function simulateValues(
  stations: CnemcSimStation[],
  days: number,
  startDoy: number,
  rng: Rng,
  missingFraction: number,
): Record<CnemcType, Float64Array[]> {
  const H = (days + 1) * 24;
  const out = Object.fromEntries(CNEMC_TYPES.map((t) => [t, [] as Float64Array[]])) as unknown as Record<
    CnemcType,
    Float64Array[]
  >;
  const base = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"] as const;
  for (let s = 0; s < stations.length; s++) {
    const level = 0.6 + 0.8 * rng.uniform();
    const hv = base.map(() => new Float64Array(H));
    for (let h = 0; h < H; h++) {
      const missing = rng.uniform() < missingFraction;
      const v = hourly(rng, startDoy - 1 + Math.floor(h / 24), h % 24, level);
      for (let k = 0; k < 6; k++)
        hv[k][h] = missing ? NaN : k === 5 ? Math.round(v[k] * 1000) / 1000 : Math.round(v[k]);
    }
    const o8 = new Float64Array(H);
    for (let h = 0; h < H; h++) o8[h] = Math.round(meanLast(hv[4], h, 8));
    const sl = (a: Float64Array) => a.slice(24);
    const run = (a: Float64Array, f: (a: Float64Array, e: number) => number, co = false) => {
      const r = new Float64Array(H);
      for (let h = 0; h < H; h++) r[h] = co ? Math.round(f(a, h) * 1000) / 1000 : Math.round(f(a, h));
      return sl(r);
    };
    const mean24 = (a: Float64Array, e: number) => meanLast(a, e, 24);
    const max24 = (a: Float64Array, e: number) => maxLast(a, e, 24);
    const aqi = new Float64Array(days * 24);
    for (let h = 0; h < days * 24; h++) {
      const p = hv[0][h + 24],
        q = hv[1][h + 24],
        o = hv[4][h + 24];
      aqi[h] = Number.isNaN(p)
        ? NaN
        : Math.max(
            cnIaqi("PM25_24h", p, "cn-2012").iaqi,
            cnIaqi("PM10_24h", q, "cn-2012").iaqi,
            cnIaqi("O3_1h", o, "cn-2012").iaqi || 0,
          );
    }
    out.AQI.push(aqi);
    out["PM2.5"].push(sl(hv[0]));
    out["PM2.5_24h"].push(run(hv[0], mean24));
    out.PM10.push(sl(hv[1]));
    out.PM10_24h.push(run(hv[1], mean24));
    out.SO2.push(sl(hv[2]));
    out.SO2_24h.push(run(hv[2], mean24));
    out.NO2.push(sl(hv[3]));
    out.NO2_24h.push(run(hv[3], mean24));
    out.O3.push(sl(hv[4]));
    out.O3_24h.push(run(hv[4], max24));
    out.O3_8h.push(sl(o8));
    out.O3_8h_24h.push(run(o8, max24));
    out.CO.push(sl(hv[5]));
    out.CO_24h.push(run(hv[5], mean24, true));
  }
  return out;
}

function dayList(start: string, days: number): { dates: string[]; startDoy: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) throw new RangeError(`writeCnemcArchive: start must be YYYY-MM-DD, got "${start}"`);
  const t0 = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const dates: string[] = [];
  for (let d = 0; d < days; d++) dates.push(new Date(t0 + d * 86400000).toISOString().slice(0, 10).replace(/-/g, ""));
  return { dates, startDoy: Math.floor((t0 - Date.UTC(+m[1], 0, 1)) / 86400000) + 1 };
}

/** The text of one day's file (sites or cities) from per-type column arrays. */
function dayText(date: string, day: number, names: string[], values: Record<CnemcType, Float64Array[]>): string {
  const parts: string[] = ["date,hour,type," + names.join(",") + "\n"];
  for (let hour = 0; hour < 24; hour++) {
    const h = day * 24 + hour;
    for (const t of CNEMC_TYPES) {
      const cols = values[t];
      let line = date + "," + hour + "," + t;
      for (let s = 0; s < cols.length; s++) {
        const v = cols[s][h];
        line += Number.isNaN(v) ? "," : "," + v;
      }
      parts.push(line + "\n");
    }
  }
  return parts.join("");
}

function cityMeans(stations: CnemcSimStation[], cities: string[], values: Record<CnemcType, Float64Array[]>) {
  const out = {} as Record<CnemcType, Float64Array[]>;
  for (const t of CNEMC_TYPES) {
    out[t] = cities.map((c) => {
      const idx = stations.map((s, i) => (s.city === c ? i : -1)).filter((i) => i >= 0);
      const n = values[t][0].length;
      const r = new Float64Array(n);
      for (let h = 0; h < n; h++) {
        let sum = 0,
          k = 0;
        for (const i of idx) if (!Number.isNaN(values[t][i][h])) ((sum += values[t][i][h]), k++);
        r[h] = k === 0 ? NaN : t.startsWith("CO") ? Math.round((sum / k) * 1000) / 1000 : Math.round(sum / k);
      }
      return r;
    });
  }
  return out;
}

function encode(text: string, encoding: "utf-8" | "gb18030"): Uint8Array | string {
  if (encoding === "utf-8") return text;
  // Node's TextEncoder writes only UTF-8: encode GB18030 through iconv-lite when present.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const iconv = require("iconv-lite") as { encode(s: string, e: string): Uint8Array };
  return iconv.encode(text, "gb18030");
}

/**
 * Write a simulated CNEMC daily archive into `folder` in the real layout: `china_sites_YYYYMMDD.csv`
 * and `china_cities_YYYYMMDD.csv` per day (header `date,hour,type,<codes or cities>`, one row per
 * hour 0–23 × type in the archive's order, empty cells for missing) and the station list
 * `stations.csv` (header 监测点编码,监测点名称,城市,经度,纬度,对照点; longitude °E, latitude °N).
 * Seeded: the same options give the same bytes.
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
  const mf = opts.missingFraction ?? 0.02;
  if (!(mf >= 0 && mf < 1)) throw new RangeError(`writeCnemcArchive: missingFraction must be in [0, 1), got ${mf}`);
  const rng = new Rng(opts.seed);
  const stations = Array.isArray(opts.stations) ? opts.stations : makeStations(opts.stations ?? 20, rng);
  const cities = [...new Set(stations.map((s) => s.city))];
  const { dates, startDoy } = dayList(opts.start ?? "2025-01-01", days);
  const enc = opts.encoding ?? "utf-8";
  mkdirSync(folder, { recursive: true });
  // values are generated per block of days to bound memory when the truth is not kept
  const codes = stations.map((s) => s.code);
  const sites: string[] = [];
  const cityFiles: string[] = [];
  const values = simulateValues(stations, days, startDoy, rng, mf);
  const cv = cityMeans(stations, cities, values);
  for (let d = 0; d < days; d++) {
    const sp = join(folder, `china_sites_${dates[d]}.csv`);
    writeFileSync(sp, dayText(dates[d], d, codes, values));
    sites.push(sp);
    const cp = join(folder, `china_cities_${dates[d]}.csv`);
    writeFileSync(cp, encode(dayText(dates[d], d, cities, cv), enc));
    cityFiles.push(cp);
  }
  const stationList = join(folder, "stations.csv");
  const rows = [CNEMC_STATION_HEADER.join(",")];
  for (const s of stations) rows.push([s.code, s.name, s.city, s.longitude, s.latitude, "N"].join(","));
  writeFileSync(stationList, encode(rows.join("\n") + "\n", enc));
  const truth: CnemcArchiveTruth = { seed: opts.seed, stations, cities, dates };
  if (opts.keepTruth !== false) {
    truth.values = values;
    truth.cityValues = cv;
  }
  return { sites, cities: cityFiles, stationList, truth };
}

/**
 * One simulated day in memory: the text of `china_sites_YYYYMMDD.csv` for the stations, and the
 * truth (as {@link writeCnemcArchive}, one day).
 * @throws {RangeError} for a bad `start` or missing fraction
 */
export function simulateCnemcDay(opts: CnemcSimOptions): { text: string; truth: CnemcArchiveTruth } {
  const mf = opts.missingFraction ?? 0.02;
  if (!(mf >= 0 && mf < 1)) throw new RangeError(`simulateCnemcDay: missingFraction must be in [0, 1), got ${mf}`);
  const rng = new Rng(opts.seed);
  const stations = Array.isArray(opts.stations) ? opts.stations : makeStations(opts.stations ?? 20, rng);
  const { dates, startDoy } = dayList(opts.start ?? "2025-01-01", 1);
  const values = simulateValues(stations, 1, startDoy, rng, mf);
  return {
    text: dayText(
      dates[0],
      0,
      stations.map((s) => s.code),
      values,
    ),
    truth: { seed: opts.seed, stations, cities: [...new Set(stations.map((s) => s.city))], dates, values },
  };
}
