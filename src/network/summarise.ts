import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { theilSenInterval, theilSenTrendOfMonths, type MonthlyMean } from "../directional/trend";
import { openDuckDb, type DuckDb, type DuckDbColumns } from "../io/duckdb";
import { AozoraInputError } from "../io/errors";
import { cnDailyAqiFromConcentrations, type AqiPollutant, type CnDailyConcentrations } from "../models/aqi/daily";
import type { HourGrid } from "../models/ozone/hourgrid";
import { mda8FromGrid } from "../models/ozone/mda8";
import { hj663AnnualComplete, ozoneAnnualP90 } from "../models/ozone/metrics";
import { MDA8_CONVENTIONS } from "../models/ozone/tables/mda8-conventions";
import {
  gb3095YearRows,
  whoYearRows,
  type ExceedanceRow,
  type PollutantYearDays,
} from "../models/standards/exceedance";
import { GB3095_2026 } from "../models/standards/tables/gb3095-2026";
import { mean } from "../stats/moments";
import { quantileType7 } from "../stats/quantile";
import { parseOffset } from "../table/time";
import { normaliseUnit } from "../table/units";
import { NETWORK_SUMMARY_RULES } from "./tables/summary";
import { CNEMC_UNITS } from "./cnemc-types";

/** The pollutants the summary uses (dataset column names, as the CNEMC files name the types). */
export const NETWORK_POLLUTANTS: readonly AqiPollutant[] = ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"];

/** The unit of each pollutant column: the CNEMC archive's (`CNEMC_UNITS`; µg/m3, CO mg/m3). */
const UNIT: Readonly<Record<AqiPollutant, string>> = CNEMC_UNITS;

/** A station of the optional station list (e.g. `readCnemcStations`): code and, for the tables and maps, city and position. */
export interface NetworkStation {
  code: string;
  name?: string;
  city?: string;
  longitude?: number;
  latitude?: number;
}

/** Options of {@link summariseNetwork}. */
export interface NetworkSummaryOptions {
  /**
   * The station list. Rows of a station not in it are set aside (not summarised) and counted per
   * code in `account.unknownStations`; absent: every station of the dataset is summarised.
   */
  stations?: readonly NetworkStation[];
  /** Only these local years (default: every `year=YYYY` partition). */
  years?: readonly number[];
  /** GB 3095-2026 grade (default 2) and phase (`auto`: transitional limits to 2030, final from 2031). */
  grade?: 1 | 2;
  phase?: "transition" | "final" | "auto";
  /** Percentiles (0–100) of hourly and daily values (default {@link NETWORK_SUMMARY_RULES}.percentiles). */
  percentiles?: readonly number[];
  /**
   * The Theil–Sen trend per station: `basis` `"annual"` (default: annual means = means of the
   * valid daily means, years valid under HJ 663 only, ≥ 3 years) or `"monthly"` (deseasonalised
   * monthly means of the hourly values, capture ≥ 75 %, {@link theilSenTrendOfMonths}; needs ≥ 24
   * months); `pollutants` (default PM2.5, PM10, NO2, O3), bootstrap `nBoot` (default 200),
   * `level` (0.95), `seed` (1). `false`: no trends.
   */
  trend?:
    | false
    | {
        basis?: "annual" | "monthly";
        pollutants?: readonly AqiPollutant[];
        nBoot?: number;
        level?: number;
        seed?: number;
      };
  /** Called with each station-year as soon as it is computed (in year order, then station order). */
  onRow?: (row: StationYearSummary) => void;
  /** Keep the station-year rows in the result (default true; false with `onRow` keeps memory flat). */
  keepRows?: boolean;
  /** DuckDB settings, e.g. `{ threads: "2", memory_limit: "1GB" }`. */
  duckdb?: Record<string, string>;
}

/** Statistics of one pollutant in one station-year (values in `unit`). */
export interface PollutantYearSummary {
  unit: string;
  /** Hours with a value. */
  hours: number;
  /** hours / hours in the local year (8760 or 8784). */
  completeness: number;
  /** Mean of the hourly values (NaN when none). */
  hourlyMean: number;
  /** Percentiles of the hourly values by percentile (`"p50"`), type 7; NaN when none. */
  hourly: Record<string, number>;
  /** Days with a valid daily mean (≥ 20 hours). */
  validDays: number;
  /** Annual mean: mean of the valid daily means (HJ 663-2013); NaN when none. */
  annualMean: number;
  /** Whether the year is valid under HJ 663 (≥ 324 valid days, ≥ 27 a month, 25 in February). */
  annualValid: boolean;
  /** Percentiles of the valid daily means, type 7; NaN when none. */
  daily: Record<string, number>;
}

/** Days per China AQI category in one station-year under one version of HJ 633. */
export interface AqiYearSummary {
  /** Days per category level 1–6 (index 0 = level 1, 优). */
  categories: number[];
  /** Days with an AQI. */
  days: number;
  /** Days of the year without an AQI (no valid indicator). */
  noAqi: number;
  /** Days whose AQI used every indicator present (`complete`). */
  completeDays: number;
  /** Days each key (`PM25_24h`, `O3_8h`, …) was a primary pollutant (AQI > 50). */
  primary: Record<string, number>;
}

/** One station and one local year of {@link summariseNetwork}. */
export interface StationYearSummary {
  station: string;
  city?: string;
  year: number;
  /** Hours of the local year. */
  hoursInYear: number;
  /** Rows of the dataset for the station in the year. */
  rows: number;
  pollutants: Partial<Record<AqiPollutant, PollutantYearSummary>>;
  /** Daily AQI under HJ 633-2026 (GB/T 8170 rounding) and HJ 633-2012 (no rounding). */
  aqi: { "cn-2026": AqiYearSummary; "cn-2012": AqiYearSummary };
  /** O3: valid MDA8 days (HJ 663 convention), their 90th percentile (HJ 663-2013) and the HJ 663 annual validity. */
  mda8?: { validDays: number; p90: number; complete: boolean };
  /** The rows of `gb3095Exceedances` (GB 3095-2026) and `whoExceedances` (WHO 2021) for this station-year. */
  exceedances: { gb3095: ExceedanceRow[]; who: ExceedanceRow[] };
}

/** Theil–Sen trend of one pollutant at one station. */
export interface StationTrend {
  station: string;
  city?: string;
  pollutant: AqiPollutant;
  unit: string;
  basis: "annual" | "monthly";
  /** True for the monthly basis (classical additive decomposition, {@link theilSenTrendOfMonths}). */
  deseasonalised: boolean;
  /** Points fitted (years or months). */
  n: number;
  /** Slope (unit per year) and its bootstrap interval at `level`; NaN when not computed (`reason`). */
  slope: number;
  lo: number;
  hi: number;
  /** Slope as % per year of the mean of the points fitted. */
  slopePct: number;
  /** Mann–Kendall two-sided p-value. */
  pValue: number;
  level: number;
  /** Why there is no trend (too few valid years or months). */
  reason?: string;
}

/** What {@link summariseNetwork} read, set aside and changed. */
export interface NetworkSummaryAccount {
  dataset: string;
  /** UTC offset of the dataset (`aozora.offset`), minutes. */
  utcOffsetMinutes: number;
  /** Per partition: files, rows and stations summarised. */
  years: { year: number; files: number; rows: number; stations: number }[];
  /** Rows read. */
  rows: number;
  /** Rows of stations not in the station list, set aside (not summarised), per code. */
  unknownStations: Record<string, number>;
  /** Listed stations with no row in a year, per year. */
  absentStations: Record<string, string[]>;
  /** Cells below 0 set missing, per column. */
  negatives: Record<string, number>;
  /** NaN or infinite cells set missing, per column. */
  nonFinite: Record<string, number>;
  /** Pollutants the dataset has no column for (no statistic, AQI without them). */
  absentColumns: string[];
  notes: string[];
}

/** Result of {@link summariseNetwork}. */
export interface NetworkSummary {
  /** One row per station and year (empty when `keepRows` is false). */
  rows: StationYearSummary[];
  trends: StationTrend[];
  account: NetworkSummaryAccount;
  /** The rules applied, for the record. */
  citation: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const pKey = (p: number) => `p${p}`;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const ONE_HOUR_LIMITED: readonly AqiPollutant[] = ["SO2", "NO2", "CO", "O3"];

/** The `year=YYYY` partitions of a hive dataset folder, each with its Parquet files. */
function partitions(dataset: string): { year: number; files: string[] }[] {
  if (!existsSync(dataset) || !statSync(dataset).isDirectory())
    throw new AozoraInputError({ file: dataset, expected: "a dataset folder with year=YYYY partitions" });
  const out: { year: number; files: string[] }[] = [];
  for (const name of readdirSync(dataset).sort()) {
    const m = /^year=(\d{4})$/.exec(name);
    if (!m) continue;
    const dir = join(dataset, name);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".parquet"))
      .sort()
      .map((f) => join(dir, f));
    if (files.length) out.push({ year: Number(m[1]), files });
  }
  if (!out.length)
    throw new AozoraInputError({
      file: dataset,
      expected: "hive partitions year=YYYY holding .parquet files (aozora network ingest)",
      found: readdirSync(dataset).slice(0, 5).join(", ") || "an empty folder",
    });
  return out;
}

const num = (c: DuckDbColumns, name: string) => c.columns[name] as Float64Array;

/**
 * Per station and local year, from a Parquet dataset of hourly CNEMC values (hive layout
 * `DATASET/year=YYYY/*.parquet`, columns `station`, `time` TIMESTAMPTZ = UTC start of the hour,
 * one DOUBLE per type, key-value metadata `aozora.units` and `aozora.offset`, as written by
 * `aozora network ingest`): completeness, hourly mean and percentiles, annual mean (mean of valid
 * daily means) and percentiles of daily means, days per AQI category under HJ 633-2026 and
 * HJ 633-2012, O3 MDA8 P90, the GB 3095-2026 and WHO 2021 exceedance rows, and a Theil–Sen trend
 * per station.
 *
 * **One definition of every rule.** DuckDB computes only aggregates — per station and local day
 * the count, sum and maximum of the finite non-negative hourly values of each pollutant, the hours
 * above each GB 3095 1-h limit and the 24 hourly O3 values; per station-year the type-7 percentiles
 * of the hourly values (`quantile_cont`) — and the library's own functions apply the rules:
 * validity (≥ 20 h a day, {@link NETWORK_SUMMARY_RULES}), the MDA8 (`mda8FromGrid`, HJ 663 and EU
 * conventions), the IAQI and AQI (`cnDailyAqiFromConcentrations`), the MDA8 P90 (`ozoneAnnualP90`,
 * HJ 663-2013 percentile), the exceedance rows (`gb3095YearRows`, `whoYearRows`, the same rows as
 * `gb3095Exceedances` / `whoExceedances`), the trend (`theilSenInterval`, `theilSenTrendOfMonths`).
 * Tests compare every aggregate and every row with those hourly functions on the same data.
 *
 * **Memory** is flat in the number of years: one year partition is aggregated at a time and its
 * rows handed to `onRow`; only the annual (or monthly) means for the trends are kept.
 *
 * **Nothing dropped silently.** Negative, NaN or infinite cells are set missing and counted per
 * column; rows of stations not in `stations` are counted per code and set aside; a station with
 * two rows for one hour, a time not on the hour, or a row whose local date is outside its
 * partition's year is an error.
 *
 * @param dataset the dataset folder
 * @throws {AozoraInputError} when the folder has no `year=YYYY` partitions, a column `station` or
 *   `time` is missing or of the wrong type, `aozora.offset` / `aozora.units` metadata is missing or
 *   a pollutant's unit is not µg/m3 (CO mg/m3), two rows share a station and hour, a time is not on
 *   the hour, or a row's local year differs from its partition
 * @throws {RangeError} for a percentile outside [0, 100], a grade other than 1 or 2, or a year not in the dataset
 * @throws {Error} DuckDB's own error when a Parquet file cannot be read
 */
export async function summariseNetwork(dataset: string, opts: NetworkSummaryOptions = {}): Promise<NetworkSummary> {
  const percentiles = opts.percentiles ?? NETWORK_SUMMARY_RULES.percentiles;
  for (const p of percentiles)
    if (!(p >= 0 && p <= 100)) throw new RangeError(`summariseNetwork: percentiles must be in [0, 100], got ${p}`);
  const grade = opts.grade ?? 2;
  if (grade !== 1 && grade !== 2) throw new RangeError(`summariseNetwork: grade must be 1 or 2, got ${String(grade)}`);
  let parts = partitions(dataset);
  if (opts.years) {
    const have = new Set(parts.map((p) => p.year));
    for (const y of opts.years)
      if (!have.has(y))
        throw new RangeError(`summariseNetwork: year ${y} is not in ${dataset} (has ${[...have].join(", ")})`);
    parts = parts.filter((p) => opts.years!.includes(p.year));
  }
  const trendOpts = opts.trend === false ? undefined : (opts.trend ?? {});
  const trendPollutants = trendOpts?.pollutants ?? (["PM2.5", "PM10", "NO2", "O3"] as AqiPollutant[]);
  const basis = trendOpts?.basis ?? "annual";
  const keepRows = opts.keepRows ?? true;
  const listed = opts.stations ? new Map(opts.stations.map((s) => [s.code, s])) : undefined;

  const db = await openDuckDb(":memory:", opts.duckdb ?? {});
  try {
    const meta = await datasetMeta(db, dataset, parts);
    const off = meta.utcOffsetMinutes * 60_000;
    const account: NetworkSummaryAccount = {
      dataset,
      utcOffsetMinutes: meta.utcOffsetMinutes,
      years: [],
      rows: 0,
      unknownStations: {},
      absentStations: {},
      negatives: {},
      nonFinite: {},
      absentColumns: NETWORK_POLLUTANTS.filter((p) => !meta.pollutants.includes(p)),
      notes: [],
    };
    const present = meta.pollutants;
    const rows: StationYearSummary[] = [];
    // trend inputs: per station and pollutant, annual means or monthly sums
    const annual = new Map<string, { year: number; mean: number; valid: boolean }[]>();
    const monthly = new Map<string, Map<number, { s: number; n: number }>>();
    let carry = new Map<string, Float64Array>(); // last local day's 24 O3 hours per station, for the EU MDA8 of 1 January
    let carryDay = NaN;

    const query = (year: number, files: string[]) =>
      yearQueries(db, files, present, off, year, percentiles, grade, opts.phase);
    let next = parts.length ? query(parts[0].year, parts[0].files) : undefined;
    for (let k = 0; k < parts.length; k++) {
      const { year, files } = parts[k];
      const { daily, station } = await next!;
      next = k + 1 < parts.length ? query(parts[k + 1].year, parts[k + 1].files) : undefined;
      const d0 = Math.round(Date.UTC(year, 0, 1) / DAY),
        d1 = Math.round(Date.UTC(year + 1, 0, 1) / DAY);
      const nDays = d1 - d0;
      const dates = Array.from({ length: nDays }, (_, i) => new Date((d0 + i) * DAY).toISOString().slice(0, 10));
      // per station: read the station query's account columns
      const sCodes = station.columns.station as (string | null)[];
      const perStation = new Map<string, number>();
      let yearRows = 0,
        yearStations = 0;
      for (let i = 0; i < station.numRows; i++) {
        const code = String(sCodes[i]);
        const n = num(station, "nrows")[i];
        account.rows += n;
        if (num(station, "offhour")[i] > 0)
          throw new AozoraInputError({
            file: files[0],
            column: "time",
            expected: "times on the whole hour (UTC start of the hour)",
            found: `${num(station, "offhour")[i]} times of station ${code} off the hour`,
          });
        if (num(station, "outside")[i] > 0)
          throw new AozoraInputError({
            file: files[0],
            column: "time",
            expected: `rows whose local (${meta.offsetText}) date is in the partition's year ${year}`,
            found: `${num(station, "outside")[i]} rows of station ${code} outside it`,
          });
        present.forEach((p, j) => {
          const neg = num(station, `neg${j}`)[i],
            nf = num(station, `nonfinite${j}`)[i];
          if (neg) account.negatives[p] = (account.negatives[p] ?? 0) + neg;
          if (nf) account.nonFinite[p] = (account.nonFinite[p] ?? 0) + nf;
        });
        if (listed && !listed.has(code)) {
          account.unknownStations[code] = (account.unknownStations[code] ?? 0) + n;
          continue;
        }
        perStation.set(code, i);
        yearRows += n;
        yearStations++;
      }
      if (listed) account.absentStations[String(year)] = [...listed.keys()].filter((c) => !perStation.has(c));
      account.years.push({ year, files: files.length, rows: yearRows, stations: yearStations });

      // the daily aggregates, ordered by station then day: walk station by station
      const dCodes = daily.columns.station as (string | null)[];
      const dDay = num(daily, "d");
      const nextCarry = new Map<string, Float64Array>();
      let i = 0;
      while (i < daily.numRows) {
        const code = String(dCodes[i]);
        let j = i;
        while (j < daily.numRows && String(dCodes[j]) === code) j++;
        const si = perStation.get(code);
        if (si === undefined) {
          i = j;
          continue;
        }
        for (let r = i; r < j; r++)
          if (num(daily, "nrows")[r] !== num(daily, "distinct_hours")[r])
            throw new AozoraInputError({
              file: files[0],
              column: "time",
              expected: "one row per station and hour",
              found: `${num(daily, "nrows")[r]} rows for ${num(daily, "distinct_hours")[r]} hours of station ${code} on ${new Date(dDay[r] * DAY).toISOString().slice(0, 10)}`,
            });
        // day arrays of the year
        const dayIdx = new Int32Array(j - i);
        for (let r = i; r < j; r++) dayIdx[r - i] = dDay[r] - d0;
        const col = (name: string, fill: number) => {
          const a = new Float64Array(nDays).fill(fill);
          const src = num(daily, name);
          for (let r = i; r < j; r++) a[dayIdx[r - i]] = src[r];
          return a;
        };
        const P: Partial<
          Record<AqiPollutant, { n: Float64Array; s: Float64Array; x?: Float64Array; a?: Float64Array }>
        > = {};
        present.forEach((p, q) => {
          P[p] = {
            n: col(`n${q}`, 0),
            s: col(`s${q}`, 0),
            ...(ONE_HOUR_LIMITED.includes(p) ? { x: col(`x${q}`, NaN), a: col(`a${q}`, 0) } : {}),
          };
        });
        // O3 hour grid with the previous local day first (EU MDA8 windows reach 7 h into it)
        let o3grid: HourGrid | undefined;
        if (P.O3) {
          const values = new Float64Array((nDays + 1) * 24).fill(NaN);
          const prev = carryDay === d0 - 1 ? carry.get(code) : undefined;
          if (prev) values.set(prev, 0);
          for (let h = 0; h < 24; h++) {
            const src = num(daily, `o${h}`);
            for (let r = i; r < j; r++) values[(dayIdx[r - i] + 1) * 24 + h] = src[r];
          }
          nextCarry.set(code, values.slice(nDays * 24));
          o3grid = {
            firstDayUtcMs: (d0 - 1) * DAY - off,
            nDays: nDays + 1,
            utcOffsetMinutes: meta.utcOffsetMinutes,
            values,
            dates: [new Date((d0 - 1) * DAY).toISOString().slice(0, 10), ...dates],
            negatives: [],
            absentHours: 0,
          };
        }
        const row = stationYear(code, listed?.get(code)?.city, year, dates, P, o3grid, station, si, percentiles, {
          grade,
          phase: opts.phase,
        });
        row.rows = num(station, "nrows")[si];
        // trend inputs
        for (const p of trendPollutants) {
          const ps = row.pollutants[p];
          const key = `${code}\u0000${p}`;
          if (!ps) continue;
          if (basis === "annual") {
            if (!annual.has(key)) annual.set(key, []);
            annual.get(key)!.push({ year, mean: ps.annualMean, valid: ps.annualValid });
          } else {
            if (!monthly.has(key)) monthly.set(key, new Map());
            const m = monthly.get(key)!;
            const { n, s } = P[p]!;
            for (let d = 0; d < nDays; d++) {
              const mk = year * 12 + Number(dates[d].slice(5, 7)) - 1;
              const acc = m.get(mk) ?? { s: 0, n: 0 };
              acc.s += s[d];
              acc.n += n[d];
              m.set(mk, acc);
            }
          }
        }
        opts.onRow?.(row);
        if (keepRows) rows.push(row);
        i = j;
      }
      carry = nextCarry;
      carryDay = d1 - 1;
    }

    // trends
    const trends: StationTrend[] = [];
    if (trendOpts) {
      const nBoot = trendOpts.nBoot ?? 200,
        level = trendOpts.level ?? 0.95,
        seed = trendOpts.seed ?? 1;
      const keys = [...(basis === "annual" ? annual.keys() : monthly.keys())];
      for (const key of keys) {
        const [code, p] = key.split("\u0000") as [string, AqiPollutant];
        const base = {
          station: code,
          ...(listed?.get(code)?.city !== undefined ? { city: listed!.get(code)!.city } : {}),
          pollutant: p,
          unit: UNIT[p],
          basis,
          deseasonalised: basis === "monthly",
          level,
        };
        const none = (n: number, reason: string): StationTrend => ({
          ...base,
          n,
          slope: NaN,
          lo: NaN,
          hi: NaN,
          slopePct: NaN,
          pValue: NaN,
          reason,
        });
        if (basis === "annual") {
          const pts = annual.get(key)!.filter((a) => a.valid && Number.isFinite(a.mean));
          if (pts.length < 3) {
            trends.push(none(pts.length, `${pts.length} valid annual means (HJ 663); at least 3 needed`));
            continue;
          }
          const x = pts.map((a) => a.year + 0.5),
            y = pts.map((a) => a.mean);
          const f = theilSenInterval(x, y, { nBoot, level, seed });
          trends.push({
            ...base,
            n: f.n,
            slope: f.slope,
            lo: f.lo,
            hi: f.hi,
            slopePct: (100 * f.slope) / mean(y),
            pValue: f.pValue,
          });
        } else {
          const m = monthly.get(key)!;
          const ks = [...m.keys()].sort((a, b) => a - b);
          const months: MonthlyMean[] = [];
          for (let mk = ks[0]; mk <= ks[ks.length - 1]; mk++) {
            const y = Math.floor(mk / 12),
              mo = (mk % 12) + 1;
            const possible = Math.round((Date.UTC(y, mo, 1) - Date.UTC(y, mo - 1, 1)) / HOUR);
            const a = m.get(mk) ?? { s: 0, n: 0 };
            const capture = a.n / possible;
            months.push({
              year: y,
              month: mo,
              t: y + (mo - 0.5) / 12,
              n: a.n,
              possible,
              capture,
              mean: capture >= NETWORK_SUMMARY_RULES.monthlyMinCapture && a.n > 0 ? a.s / a.n : NaN,
            });
          }
          try {
            const t = theilSenTrendOfMonths(months, meta.utcOffsetMinutes, {
              deseasonalise: true,
              nBoot,
              level,
              seed,
              minCapture: NETWORK_SUMMARY_RULES.monthlyMinCapture,
            });
            trends.push({
              ...base,
              n: t.months.filter((r) => Number.isFinite(r.y)).length,
              slope: t.slope,
              lo: t.lo,
              hi: t.hi,
              slopePct: t.slopePct,
              pValue: t.pValue,
            });
          } catch (e) {
            if (!(e instanceof RangeError)) throw e;
            trends.push(none(months.filter((r) => Number.isFinite(r.mean)).length, e.message));
          }
        }
      }
    }
    if (account.absentColumns.length)
      account.notes.push(`no column for ${account.absentColumns.join(", ")}: left out of the statistics and the AQI`);
    return {
      rows,
      trends,
      account,
      citation:
        "HJ 633-2026 Table 3 / HJ 633-2012 Table 1 (daily AQI, cnDailyAqiFromConcentrations); HJ 663-2013 (daily validity ≥ 20 h, MDA8, annual percentiles and validity); GB 3095-2026 Table 1; WHO global air quality guidelines 2021 Table 0.1; Theil–Sen (Sen 1968) with bootstrap interval",
    };
  } finally {
    db.close();
  }
}

/** Offset, units and columns of the dataset, checked. */
async function datasetMeta(
  db: DuckDb,
  dataset: string,
  parts: { year: number; files: string[] }[],
): Promise<{ utcOffsetMinutes: number; offsetText: string; pollutants: AqiPollutant[] }> {
  const files = parts.flatMap((p) => p.files);
  const list = `[${files.map(sqlString).join(", ")}]`;
  const kv = await db.query(
    `SELECT DISTINCT file_name, decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${list}) WHERE decode(key) IN ('aozora.offset', 'aozora.units')`,
  );
  const byFile = new Map<string, Record<string, string>>();
  for (let i = 0; i < kv.numRows; i++) {
    const f = String(kv.columns.file_name[i]);
    if (!byFile.has(f)) byFile.set(f, {});
    byFile.get(f)![String(kv.columns.k[i])] = String(kv.columns.v[i]);
  }
  let offsetText: string | undefined;
  let units: Record<string, string> | undefined;
  for (const f of files) {
    const m = byFile.get(f) ?? {};
    if (m["aozora.offset"] === undefined)
      throw new AozoraInputError({
        file: f,
        expected: "key-value metadata aozora.offset (e.g. +08:00)",
        found: "none",
      });
    if (offsetText !== undefined && m["aozora.offset"] !== offsetText)
      throw new AozoraInputError({
        file: f,
        expected: `aozora.offset ${offsetText} as in the dataset's other files`,
        found: m["aozora.offset"],
      });
    offsetText = m["aozora.offset"];
    if (m["aozora.units"] === undefined)
      throw new AozoraInputError({ file: f, expected: "key-value metadata aozora.units (JSON)", found: "none" });
    try {
      units = JSON.parse(m["aozora.units"]) as Record<string, string>;
    } catch {
      throw new AozoraInputError({ file: f, expected: "aozora.units as a JSON object", found: m["aozora.units"] });
    }
  }
  let utcOffsetMinutes: number;
  try {
    utcOffsetMinutes = parseOffset(offsetText!);
  } catch {
    throw new AozoraInputError({ file: files[0], expected: "aozora.offset as ±HH:MM", found: offsetText });
  }
  const desc = await db.query(`DESCRIBE SELECT * FROM read_parquet(${list}, hive_partitioning = false)`);
  const types = new Map<string, string>();
  for (let i = 0; i < desc.numRows; i++)
    types.set(String(desc.columns.column_name[i]), String(desc.columns.column_type[i]));
  if (types.get("station") !== "VARCHAR")
    throw new AozoraInputError({
      file: files[0],
      column: "station",
      expected: "a VARCHAR column station",
      found: types.get("station") ?? "no such column",
    });
  if (types.get("time") !== "TIMESTAMP WITH TIME ZONE")
    throw new AozoraInputError({
      file: files[0],
      column: "time",
      expected: "a TIMESTAMPTZ column time (UTC start of the hour)",
      found: types.get("time") ?? "no such column",
    });
  const pollutants: AqiPollutant[] = [];
  for (const p of NETWORK_POLLUTANTS) {
    const t = types.get(p);
    if (t === undefined) continue;
    if (t !== "DOUBLE" && t !== "FLOAT")
      throw new AozoraInputError({ file: files[0], column: p, expected: "a DOUBLE column", found: t });
    const u = units?.[p];
    if (u === undefined || normaliseUnit(u) !== UNIT[p])
      throw new AozoraInputError({
        file: files[0],
        column: p,
        expected: `unit ${UNIT[p]} in aozora.units`,
        found: u ?? "no unit",
      });
    pollutants.push(p);
  }
  if (!pollutants.length)
    throw new AozoraInputError({
      file: files[0],
      expected: `at least one of the columns ${NETWORK_POLLUTANTS.join(", ")}`,
      found: [...types.keys()].join(", "),
    });
  return { utcOffsetMinutes, offsetText: offsetText!, pollutants };
}

/**
 * The two aggregate queries of one year partition. `daily`: per station and local day, for each
 * pollutant q the count `n{q}`, sum `s{q}` and (1-h limited gases) max `x{q}` of the finite
 * non-negative hourly values and the hours above the year's GB 3095 1-h limit `a{q}`, the O3
 * values of local hours 0–23 `o0`…`o23`, the rows and distinct hours. `station`: per station the
 * rows, times off the hour, rows outside the year, negative and non-finite cells per pollutant and
 * the type-7 percentiles of the hourly values `q{q}_{k}`.
 */
async function yearQueries(
  db: DuckDb,
  files: string[],
  present: readonly AqiPollutant[],
  off: number,
  year: number,
  percentiles: readonly number[],
  grade: 1 | 2,
  phaseOpt: "transition" | "final" | "auto" | undefined,
): Promise<{ daily: DuckDbColumns; station: DuckDbColumns }> {
  const phase = phaseOpt === undefined || phaseOpt === "auto" ? (year >= 2031 ? "final" : "transition") : phaseOpt;
  const limit1h = (p: AqiPollutant) =>
    GB3095_2026.limits.find((l) => l.pollutant === p && l.averaging === "1h")![phase][
      grade === 1 ? "grade1" : "grade2"
    ];
  const list = `[${files.map(sqlString).join(", ")}]`;
  const base = `WITH r AS (SELECT station, epoch_ms(time) AS ms, ${present
    .map((p, q) => `${sqlIdent(p)} AS r${q}`)
    .join(", ")} FROM read_parquet(${list}, hive_partitioning = false)),
 h AS (SELECT station, (ms + ${off}) // ${DAY} AS d, ((ms + ${off}) % ${DAY}) // ${HOUR} AS hr, ms % ${HOUR} AS frac, ${present
   .map((_, q) => `r${q}, CASE WHEN isfinite(r${q}) AND r${q} >= 0 THEN r${q} END AS v${q}`)
   .join(", ")} FROM r)`;
  const d0 = Math.round(Date.UTC(year, 0, 1) / DAY),
    d1 = Math.round(Date.UTC(year + 1, 0, 1) / DAY);
  const iO3 = present.indexOf("O3");
  const dailyCols = [
    "count(*) AS nrows",
    "bit_count(bit_or(CAST(1 AS BIGINT) << CAST(hr AS INTEGER))) AS distinct_hours",
    ...present.flatMap((p, q) => [
      `count(v${q}) AS n${q}`,
      `coalesce(sum(v${q}), 0) AS s${q}`,
      ...(ONE_HOUR_LIMITED.includes(p)
        ? [`max(v${q}) AS x${q}`, `count(*) FILTER (WHERE v${q} > ${limit1h(p)}) AS a${q}`]
        : []),
    ]),
    ...(iO3 >= 0 ? Array.from({ length: 24 }, (_, k) => `max(v${iO3}) FILTER (WHERE hr = ${k}) AS o${k}`) : []),
  ];
  const dailySql = `${base} SELECT station, d, ${dailyCols.join(", ")} FROM h WHERE d >= ${d0} AND d < ${d1} GROUP BY station, d ORDER BY station, d`;
  const ps = `[${percentiles.map((p) => p / 100).join(", ")}]`;
  const inner = [
    "count(*) AS nrows",
    "count(*) FILTER (WHERE frac <> 0) AS offhour",
    `count(*) FILTER (WHERE d < ${d0} OR d >= ${d1}) AS outside`,
    ...present.flatMap((_, q) => [
      `count(*) FILTER (WHERE r${q} < 0) AS neg${q}`,
      `count(*) FILTER (WHERE r${q} IS NOT NULL AND NOT isfinite(r${q})) AS nonfinite${q}`,
      `quantile_cont(v${q}, ${ps}) AS q${q}`,
    ]),
  ];
  const outer = [
    "station",
    "nrows",
    "offhour",
    "outside",
    ...present.flatMap((_, q) => [
      `neg${q}`,
      `nonfinite${q}`,
      ...percentiles.map((_, k) => `CAST(q${q}[${k + 1}] AS DOUBLE) AS q${q}_${k}`),
    ]),
  ];
  const stationSql = `${base} SELECT ${outer.join(", ")} FROM (SELECT station, ${inner.join(", ")} FROM h GROUP BY station) ORDER BY station`;
  const daily = await db.query(dailySql);
  const station = await db.query(stationSql);
  return { daily, station };
}

/** The summary of one station-year from its day arrays (library rules only). */
function stationYear(
  code: string,
  city: string | undefined,
  year: number,
  dates: string[],
  P: Partial<Record<AqiPollutant, { n: Float64Array; s: Float64Array; x?: Float64Array; a?: Float64Array }>>,
  o3grid: HourGrid | undefined,
  station: DuckDbColumns,
  si: number,
  percentiles: readonly number[],
  std: { grade: 1 | 2; phase?: "transition" | "final" | "auto" },
): StationYearSummary {
  const nDays = dates.length;
  const minCn = NETWORK_SUMMARY_RULES.cnDailyMinHours,
    minWho = NETWORK_SUMMARY_RULES.whoDailyMinHours;
  const present = NETWORK_POLLUTANTS.filter((p) => P[p]);
  const dailyMean = (p: AqiPollutant, min: number) => {
    const { n, s } = P[p]!;
    return Float64Array.from({ length: nDays }, (_, d) => (n[d] >= min ? s[d] / n[d] : NaN));
  };
  const pollutants: Partial<Record<AqiPollutant, PollutantYearSummary>> = {};
  const gb: ExceedanceRow[] = [],
    who: ExceedanceRow[] = [];
  const cnMda8 = o3grid ? mda8FromGrid(o3grid, MDA8_CONVENTIONS.cn).slice(1) : undefined;
  const euMda8 = o3grid ? mda8FromGrid(o3grid, MDA8_CONVENTIONS.eu).slice(1) : undefined;
  const dailyCn: Partial<Record<AqiPollutant, Float64Array>> = {};
  const colIndex = NETWORK_POLLUTANTS.filter((p) => P[p]); // same order as the query's `present`
  for (const p of present) {
    const q = colIndex.indexOf(p);
    const { n, s, x, a } = P[p]!;
    let hours = 0,
      sum = 0,
      max = -Infinity;
    for (let d = 0; d < nDays; d++) {
      hours += n[d];
      sum += s[d];
      if (x && x[d] > max) max = x[d];
    }
    const dCn = dailyMean(p, minCn);
    dailyCn[p] = dCn;
    const validDates = dates.filter((_, d) => Number.isFinite(dCn[d]));
    const valid = Array.from(dCn).filter((v) => Number.isFinite(v));
    const hourly: Record<string, number> = {},
      daily: Record<string, number> = {};
    percentiles.forEach((pc, k) => {
      hourly[pKey(pc)] = num(station, `q${q}_${k}`)[si];
      daily[pKey(pc)] = valid.length ? quantileType7(valid, pc / 100) : NaN;
    });
    pollutants[p] = {
      unit: UNIT[p],
      hours,
      completeness: hours / (nDays * 24),
      hourlyMean: hours ? sum / hours : NaN,
      hourly,
      validDays: valid.length,
      annualMean: mean(valid),
      annualValid: hj663AnnualComplete(validDates).complete,
      daily,
    };
    const hourlyStats: PollutantYearDays["hourly"] = {
      n: hours,
      max: hours && x ? max : NaN,
      above(limit) {
        // the daily query counted hours above the year's GB 3095 1-h limit (a{q}) for these gases only
        if (!a) throw new Error(`summariseNetwork: no hourly counts above ${limit} for ${p}`);
        let h = 0,
          days = 0;
        for (let d = 0; d < nDays; d++) {
          h += a[d];
          if (a[d] > 0) days++;
        }
        return { hours: h, days };
      },
    };
    gb.push(
      ...gb3095YearRows(
        p,
        year,
        {
          dates,
          daily: dCn,
          ...(cnMda8 && p === "O3" ? { mda8: cnMda8.map((r) => r.mda8) } : {}),
          hourly: hourlyStats,
        },
        std,
      ),
    );
    who.push(
      ...whoYearRows(p, year, {
        dates,
        daily: dailyMean(p, minWho),
        ...(euMda8 && p === "O3" ? { mda8: euMda8.map((r) => r.mda8) } : {}),
        hourly: hourlyStats,
      }),
    );
  }
  // daily AQI, both versions, from the daily indicators
  const aqi = { "cn-2026": emptyAqi(), "cn-2012": emptyAqi() };
  const o3max = P.O3
    ? Float64Array.from({ length: nDays }, (_, d) => (P.O3!.n[d] >= minCn ? P.O3!.x![d] : NaN))
    : undefined;
  for (let d = 0; d < nDays; d++) {
    const c: CnDailyConcentrations = {};
    if (dailyCn.SO2) c.SO2_24h = dailyCn.SO2[d];
    if (dailyCn.NO2) c.NO2_24h = dailyCn.NO2[d];
    if (dailyCn.PM10) c.PM10_24h = dailyCn.PM10[d];
    if (dailyCn.CO) c.CO_24h = dailyCn.CO[d];
    if (cnMda8) c.O3_8h = cnMda8[d].mda8;
    if (dailyCn["PM2.5"]) c.PM25_24h = dailyCn["PM2.5"][d];
    tally(aqi["cn-2026"], cnDailyAqiFromConcentrations(c, "cn-2026", "gbt8170"));
    if (o3max) c.O3_1h = o3max[d];
    tally(aqi["cn-2012"], cnDailyAqiFromConcentrations(c, "cn-2012", "none"));
  }
  const p90 = cnMda8 ? ozoneAnnualP90(cnMda8)[0] : undefined;
  // GB rows in the order of gb3095Exceedances (GB 3095 Table 1: SO2, NO2, CO, O3, PM10, PM2.5)
  const order = GB3095_2026.limits.map((l) => l.pollutant as string).filter((p, i, a) => a.indexOf(p) === i);
  gb.sort((x, y) => order.indexOf(x.pollutant) - order.indexOf(y.pollutant));
  return {
    station: code,
    ...(city !== undefined ? { city } : {}),
    year,
    hoursInYear: nDays * 24,
    rows: 0,
    pollutants,
    aqi,
    ...(p90 ? { mda8: { validDays: p90.validDays, p90: p90.p90, complete: p90.complete } } : {}),
    exceedances: { gb3095: gb, who },
  };
}

function emptyAqi(): AqiYearSummary {
  return { categories: [0, 0, 0, 0, 0, 0], days: 0, noAqi: 0, completeDays: 0, primary: {} };
}

function tally(acc: AqiYearSummary, r: ReturnType<typeof cnDailyAqiFromConcentrations>): void {
  if (!Number.isFinite(r.aqi)) {
    acc.noAqi++;
    return;
  }
  acc.days++;
  acc.categories[r.category - 1]++;
  if (r.complete) acc.completeDays++;
  for (const k of r.primary) acc.primary[k] = (acc.primary[k] ?? 0) + 1;
}
