import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { deserialize, serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { theilSenInterval, theilSenTrendOfMonths, type MonthlyMean } from "../directional/trend";
import { openDuckDb, type DuckDb } from "../io/duckdb";
import { AozoraInputError } from "../io/errors";
import { cnDailyAqiOfDay, cnDailyKeys, type AqiPollutant, type CnDailyConcentrations } from "../models/aqi/daily";
import { aqiCategory, CN_AQI_CATEGORIES } from "../models/aqi/tables/categories";
import type { HourGrid } from "../models/ozone/hourgrid";
import { mda8FromWindows, mda8Windows, type Mda8Arrays, type Mda8Windows } from "../models/ozone/mda8";
import { hj663AnnualComplete, ozoneP90OfYear } from "../models/ozone/metrics";
import { MDA8_CONVENTIONS } from "../models/ozone/tables/mda8-conventions";
import {
  gb3095YearRows,
  whoYearRows,
  type ExceedanceRow,
  type PollutantYearDays,
} from "../models/standards/exceedance";
import { GB3095_2026 } from "../models/standards/tables/gb3095-2026";
import { mean } from "../stats/moments";
import { quantilesType7InPlace } from "../stats/sort";
import { quantilesType7 } from "../stats/quantile";
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
  /**
   * DuckDB settings, e.g. `{ threads: "2", memory_limit: "1GB" }` (with workers, each worker's
   * DuckDB; there `threads` defaults to 1 and `enable_external_file_cache` to false).
   */
  duckdb?: Record<string, string>;
  /**
   * Worker threads (default: one per core; 1 = all on this thread). With n > 1 workers each year
   * partition is split into n station ranges at row-group boundaries (Parquet statistics of
   * `station`; DuckDB then reads only the row groups of a range), one task each, so a single
   * year uses every core too. The results do not depend on it: each station-year is computed by
   * the same code from the same rows, and the tasks are taken in year then station order.
   */
  workers?: number;
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

/**
 * Per station and local year, from a Parquet dataset of hourly CNEMC values (hive layout
 * `DATASET/year=YYYY/*.parquet`, columns `station`, `time` TIMESTAMPTZ = UTC start of the hour,
 * one DOUBLE per type, key-value metadata `aozora.units` and `aozora.offset`, as written by
 * `aozora network ingest`): completeness, hourly mean and percentiles, annual mean (mean of valid
 * daily means) and percentiles of daily means, days per AQI category under HJ 633-2026 and
 * HJ 633-2012, O3 MDA8 P90, the GB 3095-2026 and WHO 2021 exceedance rows, and a Theil–Sen trend
 * per station.
 *
 * **One definition of every rule.** DuckDB only reads the Parquet columns: each year partition is
 * read once, in file order, and each station's hours are placed on the local hour grid of the
 * year as soon as its rows end (rows grouped by station, as `aozora network ingest` writes them;
 * a partition whose rows are not grouped is read again sorted by DuckDB, and `account.notes` says
 * so). Everything else is the library's code on those hours: the daily count, sum and maximum
 * and the hours above each GB 3095 1-h limit, validity (≥ 20 h a day, {@link NETWORK_SUMMARY_RULES}),
 * the type-7 percentiles of the hourly values (`quantilesType7InPlace`: the same doubles as
 * `quantilesType7` on the typed-array sort, read from `sortNumbers`' counts at fixed precision), the MDA8 (`mda8FromWindows` on one set of `mda8Windows` 8-h means, the rule of `mda8FromGrid`, HJ 663 and EU
 * conventions), the IAQI and AQI (`cnDailyAqiOfDay`, the typed step of `cnDailyAqiFromConcentrations`), the MDA8 P90 (`ozoneP90OfYear`, the rule of `ozoneAnnualP90`,
 * HJ 663-2013 percentile), the exceedance rows (`gb3095YearRows`, `whoYearRows`, the same rows as
 * `gb3095Exceedances` / `whoExceedances`), the trend (`theilSenInterval`, `theilSenTrendOfMonths`).
 * Tests compare every row with those hourly functions on the same data.
 *
 * **Memory** is about flat in the number of years and in the number of stations (bench group
 * `network-summarise`: main heap peak 45 / 56 MB for 1 / 10 years of 1,700 stations): per task one
 * station's hour grid, one set of day arrays and one batch of rows at a time (plus, per station
 * of the task, its summary row and the O3 hours of 31 December for the next year's EU MDA8); a
 * year's rows are handed to `onRow` once its tasks are done and then dropped (at most one result
 * per worker waits; a worker's rows come packed in one transferred buffer and each row object is
 * made only when it is handed to `onRow`, so none piles up on the main thread's heap); only the
 * annual (or monthly) means for the trends cross the years.
 *
 * **Nothing dropped silently.** Negative, NaN or infinite cells are set missing and counted per
 * column; rows of stations not in `stations` are counted per code and set aside; a station with
 * two rows for one hour, a time not on the hour, or a row whose local date is outside its
 * partition's year is an error.
 *
 * @param dataset the dataset folder
 * @throws {AozoraInputError} when the folder has no `year=YYYY` partitions, a column `station` or
 *   `time` is missing or of the wrong type, `aozora.offset` / `aozora.units` metadata is missing or
 *   a pollutant's unit is not µg/m3 (CO mg/m3), two rows share a station and hour, a time is NULL
 *   or not on the hour, or a row's local year differs from its partition
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
  const want = poolSize(opts.workers);
  // no external file cache in the workers: each partition is read once per task, and the cache
  // (DuckDB keeps what it read of every file) grew with the number of years
  const workerDb = { threads: "1", enable_external_file_cache: "false", ...(opts.duckdb ?? {}) };
  let pool: ReturnType<typeof yearPool> | undefined;
  try {
    // with at least as many years as workers every worker has a task: start them now, so that
    // their start-up (module loading) overlaps the metadata and the station splits read here
    if (want > 1 && parts.length >= want) pool = yearPool(want, workerDb);
    const meta = await datasetMeta(db, dataset, parts);
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
    // (annual: per key the flat triples year, mean, valid 1/0 — numbers only, no object per station-year)
    const annual = new Map<string, number[]>();
    const monthly = new Map<string, Map<number, { s: number; n: number }>>();
    const base = (part: { year: number; files: string[] }, k: number): NetworkYearTask => ({
      year: part.year,
      files: part.files,
      ...(k > 0 && parts[k - 1].year === part.year - 1 ? { prevFiles: parts[k - 1].files } : {}),
      present,
      utcOffsetMinutes: meta.utcOffsetMinutes,
      offsetText: meta.offsetText,
      percentiles: [...percentiles],
      grade,
      ...(opts.phase ? { phase: opts.phase } : {}),
      ...(listed ? { listed: [...listed.values()].map((x) => [x.code, x.city] as [string, string | undefined]) } : {}),
      ...(trendOpts && basis === "monthly" ? { monthlyFor: [...trendPollutants] } : {}),
    });
    // with workers, each year is split into one station range per worker: every worker has work
    // however few the years, and a task's memory (half a year's stations on 2 workers) is the
    // same whatever the number of years
    const splits = want;
    const tasks: NetworkYearTask[] = [];
    for (let k = 0; k < parts.length; k++) {
      const cuts = await stationSplits(db, parts[k].files, splits);
      if (!cuts.length) tasks.push(base(parts[k], k));
      else
        for (let i = 0; i <= cuts.length; i++)
          tasks.push({ ...base(parts[k], k), range: [i ? cuts[i - 1] : null, i < cuts.length ? cuts[i] : null] });
    }
    const nw = Math.min(want, tasks.length);
    if (!pool && nw > 1) pool = yearPool(nw, workerDb);
    const run = pool ?? { run: (t: NetworkYearTask) => summariseYear(db, t) };
    let trends: StationTrend[] = [];
    try {
      // at most nw tasks in flight; results taken in task order (year, then station range)
      // a task that fails while an earlier one is awaited is reported when its turn comes (or not at all after an earlier error)
      const start = (t: NetworkYearTask) => {
        const p = run.run(t);
        p.catch(() => {});
        return p;
      };
      // the tasks in flight, oldest first (a result is dropped from here once taken: memory flat in years)
      const pending = tasks.slice(0, nw).map(start);
      let parted: NetworkYearResult[] = [];
      for (let k = 0; k < tasks.length; k++) {
        const got = await pending.shift()!;
        if (k + nw < tasks.length) pending.push(start(tasks[k + nw]));
        // the station ranges of one year, merged into that year's result
        parted.push(got);
        if (k + 1 < tasks.length && tasks[k + 1].year === got.year) continue;
        const r = parted.reduce(mergeYearResults);
        // the year's rows in station order, each made from its packed bytes only when handed out
        const yearRows = yearRowList(parted);
        parted = [];
        account.rows += r.rowsRead;
        for (const [c, n] of Object.entries(r.negatives)) account.negatives[c] = (account.negatives[c] ?? 0) + n;
        for (const [c, n] of Object.entries(r.nonFinite)) account.nonFinite[c] = (account.nonFinite[c] ?? 0) + n;
        for (const [code, n] of r.setAside) account.unknownStations[code] = (account.unknownStations[code] ?? 0) + n;
        account.notes.push(...r.notes);
        const have = new Set(yearRows.map((x) => x.station));
        if (listed) account.absentStations[String(r.year)] = [...listed.keys()].filter((c) => !have.has(c));
        const yearAccount = { year: r.year, files: tasks[k].files.length, rows: 0, stations: yearRows.length };
        account.years.push(yearAccount);
        for (const entry of yearRows) {
          const row = entry.get();
          yearAccount.rows += row.rows;
          if (basis === "annual")
            for (const p of trendPollutants) {
              const ps = row.pollutants[p];
              if (!ps) continue;
              const key = `${row.station}\u0000${p}`;
              let a = annual.get(key);
              if (!a) annual.set(key, (a = []));
              a.push(r.year, ps.annualMean, ps.annualValid ? 1 : 0);
            }
          opts.onRow?.(row);
          if (keepRows) rows.push(row);
        }
        for (const [key, months] of r.monthly ?? []) {
          if (!monthly.has(key)) monthly.set(key, new Map());
          const m = monthly.get(key)!;
          for (const [mk, sum, n] of months) {
            const acc = m.get(mk) ?? { s: 0, n: 0 };
            acc.s += sum;
            acc.n += n;
            m.set(mk, acc);
          }
        }
      }

      // trends: each station's series is independent and has the same seed, so the rows are the same
      // bits however the stations are split (1, 2 or 3 workers, or this thread)
      if (trendOpts) {
        const settings: TrendSettings = {
          basis,
          nBoot: trendOpts.nBoot ?? 200,
          level: trendOpts.level ?? 0.95,
          seed: trendOpts.seed ?? 1,
          utcOffsetMinutes: meta.utcOffsetMinutes,
        };
        const jobs: TrendJob[] = [];
        for (const key of basis === "annual" ? annual.keys() : monthly.keys()) {
          const [code, p] = key.split("\u0000") as [string, AqiPollutant];
          const city = listed?.get(code)?.city;
          jobs.push({
            station: code,
            ...(city !== undefined ? { city } : {}),
            pollutant: p,
            ...(basis === "annual"
              ? { annual: annualPoints(annual.get(key)!) }
              : { monthly: [...monthly.get(key)!].map(([mk, a]) => [mk, a.s, a.n] as [number, number, number]) }),
          });
        }
        annual.clear();
        monthly.clear();
        if (pool && jobs.length > 1) {
          // a few chunks per worker (the stations' costs differ); results taken in job order
          const size = Math.ceil(jobs.length / (4 * nw));
          const chunks: Promise<StationTrend[]>[] = [];
          for (let i = 0; i < jobs.length; i += size) {
            const p = pool.trends(jobs.slice(i, i + size), settings);
            p.catch(() => {});
            chunks.push(p);
          }
          trends = (await Promise.all(chunks)).flat();
        } else trends = stationTrends(jobs, settings);
      }
    } finally {
      await pool?.close();
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
    await pool?.close();
    db.close();
  }
}

/** The flat triples (year, annual mean, valid 1/0) of one station and pollutant as {@link TrendJob}'s `annual`. */
function annualPoints(flat: readonly number[]): { year: number; mean: number; valid: boolean }[] {
  const out: { year: number; mean: number; valid: boolean }[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push({ year: flat[i], mean: flat[i + 1], valid: flat[i + 2] === 1 });
  return out;
}

/** One station and pollutant's trend input for {@link stationTrends} (plain data: it crosses to a worker thread). */
export interface TrendJob {
  station: string;
  city?: string;
  pollutant: AqiPollutant;
  /** Annual basis: per year, the annual mean and its HJ 663 validity. */
  annual?: { year: number; mean: number; valid: boolean }[];
  /** Monthly basis: [year·12 + month − 1, sum, count] of the valid hourly values. */
  monthly?: [number, number, number][];
}

/** The settings shared by every {@link TrendJob} of one summary. */
export interface TrendSettings {
  basis: "annual" | "monthly";
  nBoot: number;
  level: number;
  seed: number;
  /** UTC offset of the dataset, minutes (the monthly basis' local months). */
  utcOffsetMinutes: number;
}

/**
 * The Theil–Sen trend rows of {@link summariseNetwork}, one per job, in job order (on this thread
 * or a worker). Annual basis: the valid annual means (HJ 663-2013), ≥ 3 needed,
 * {@link theilSenInterval} at x = year + 0.5 (unit per year). Monthly basis: monthly means with
 * capture ≥ {@link NETWORK_SUMMARY_RULES}.monthlyMinCapture, {@link theilSenTrendOfMonths}
 * deseasonalised. Every job is fitted with the same `seed`, so a row depends only on its own job:
 * the same bits however the jobs are split across threads. Theil–Sen: Sen (1968), bootstrap
 * interval of the slope.
 *
 * @param jobs per station and pollutant, the annual or monthly series (`settings.basis`)
 * @param settings basis, bootstrap resamples, interval level, seed, UTC offset (minutes)
 * @returns one row per job; a job with too few valid points gets NaN numbers and a `reason`
 * @throws {Error} only what the Theil–Sen routines throw other than their RangeError for too few points
 */
export function stationTrends(jobs: readonly TrendJob[], settings: TrendSettings): StationTrend[] {
  const { basis, nBoot, level, seed } = settings;
  const trends: StationTrend[] = [];
  for (const job of jobs) {
    const base = {
      station: job.station,
      ...(job.city !== undefined ? { city: job.city } : {}),
      pollutant: job.pollutant,
      unit: UNIT[job.pollutant],
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
      const pts = (job.annual ?? []).filter((a) => a.valid && Number.isFinite(a.mean));
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
      const m = new Map<number, { s: number; n: number }>();
      for (const [mk, s, n] of job.monthly ?? []) m.set(mk, { s, n });
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
        const t = theilSenTrendOfMonths(months, settings.utcOffsetMinutes, {
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
  return trends;
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

/** One year partition for {@link summariseYear} (plain data: it crosses to a worker thread). */
export interface NetworkYearTask {
  year: number;
  files: string[];
  /** The previous year's partition, when it is summarised too (its last local day's O3 opens this year's EU MDA8 windows). */
  prevFiles?: string[];
  present: AqiPollutant[];
  utcOffsetMinutes: number;
  offsetText: string;
  percentiles: number[];
  grade: 1 | 2;
  phase?: "transition" | "final" | "auto";
  /** The station list (code, city); absent: every station. */
  listed?: [string, string | undefined][];
  /** Pollutants whose monthly sums the monthly trend needs. */
  monthlyFor?: AqiPollutant[];
  /**
   * Only the stations in [from, to) (DuckDB's VARCHAR order; `null`: open end; the first range
   * also takes a NULL station): one part of a partition split by {@link stationSplits}. Absent:
   * every station.
   */
  range?: [string | null, string | null];
}

/** What {@link summariseYear} gives back for one partition. */
export interface NetworkYearResult {
  year: number;
  /** Station-years in station order (empty when they are in `packed`). */
  rows: StationYearSummary[];
  /** The station-years packed by {@link packYearResult} (as a worker sends them), in place of `rows`. */
  packed?: PackedRows;
  rowsRead: number;
  negatives: Record<string, number>;
  nonFinite: Record<string, number>;
  setAside: [string, number][];
  notes: string[];
  /** Per `station\u0000pollutant`: [year·12 + month − 1, sum, count] of the valid hourly values. */
  monthly?: [string, [number, number, number][]][];
}

/**
 * The last local day (24 hours) of O3 per station of a partition: the valid values (finite,
 * ≥ 0), NaN elsewhere.
 */
async function lastDayO3(
  db: DuckDb,
  files: string[],
  year: number,
  off: number,
  where: string,
): Promise<Map<string, Float64Array>> {
  const out = new Map<string, Float64Array>();
  const start = (Math.round(Date.UTC(year + 1, 0, 1) / DAY) - 1) * DAY - off; // UTC instant of local 31 December 00:00
  const r = await db.query(
    `SELECT station, CAST(epoch_ms(time) AS DOUBLE) AS ms, CAST("O3" AS DOUBLE) AS v FROM read_parquet([${files.map(sqlString).join(", ")}], hive_partitioning = false) WHERE epoch_ms(time) >= ${start} AND epoch_ms(time) < ${start + DAY}${
      where ? ` AND ${where.slice(" WHERE ".length)}` : ""
    }`,
  );
  const st = r.columns.station as (string | null)[],
    ms = r.columns.ms as Float64Array,
    v = r.columns.v as Float64Array;
  for (let i = 0; i < r.numRows; i++) {
    const h = (ms[i] - start) / HOUR;
    if (h !== Math.floor(h) || h < 0 || h >= 24) continue;
    const code = String(st[i]);
    let a = out.get(code);
    if (!a) out.set(code, (a = new Float64Array(24).fill(NaN)));
    if (v[i] >= 0 && v[i] !== Infinity) a[h] = v[i];
  }
  return out;
}

/**
 * Summarise one year partition (the work of {@link summariseNetwork} for one year, on the main
 * thread or a worker): one scan, then the library's rules per station.
 */
export async function summariseYear(db: DuckDb, task: NetworkYearTask): Promise<NetworkYearResult> {
  const { year, files, present, percentiles, grade } = task;
  const off = task.utcOffsetMinutes * 60_000;
  const listed = task.listed ? new Map(task.listed) : undefined;
  const where = rangeWhere(task.range);
  const d0 = Math.round(Date.UTC(year, 0, 1) / DAY),
    d1 = Math.round(Date.UTC(year + 1, 0, 1) / DAY);
  const nDays = d1 - d0;
  const dates = Array.from({ length: nDays }, (_, i) => new Date((d0 + i) * DAY).toISOString().slice(0, 10));
  const gridDates = [new Date((d0 - 1) * DAY).toISOString().slice(0, 10), ...dates];
  const monthOfDay = Int32Array.from(dates, (t) => year * 12 + Number(t.slice(5, 7)) - 1);
  const limits = present.map((p) => (ONE_HOUR_LIMITED.includes(p) ? limit1h(p, year, grade, task.phase) : NaN));
  const iO3 = present.indexOf("O3");
  const carry = iO3 >= 0 && task.prevFiles ? await lastDayO3(db, task.prevFiles, year - 1, off, where) : undefined;
  const ps = percentiles.map((pc) => pc / 100);
  const scratch = present.map(() => new Float64Array(nDays * 24));
  const o3values = new Float64Array((nDays + 1) * 24);
  const days = dayScratch(present, nDays);
  const scanOnce = async (sortByStation: boolean) => {
    // per station only its summary row (and the monthly sums of the monthly trend): the day arrays are not kept
    const done: { row: StationYearSummary; monthly?: [string, [number, number, number][]][] }[] = [];
    const tally = await scanYear(db, files, present, off, year, task.offsetText, sortByStation, where, (st) => {
      if (listed && !listed.has(st.code)) return false;
      const { P, sorted } = stationDays(st.values, present, nDays, limits, scratch, days);
      // O3 hour grid with the previous local day first (EU MDA8 windows reach 7 h into it)
      let o3grid: HourGrid | undefined;
      if (iO3 >= 0) {
        // one buffer for every station (the grid is not kept past stationYear)
        const values = o3values;
        const prev = carry?.get(st.code);
        if (prev) values.set(prev, 0);
        else values.fill(NaN, 0, 24);
        values.set(st.values[iO3], 24);
        o3grid = {
          firstDayUtcMs: (d0 - 1) * DAY - off,
          nDays: nDays + 1,
          utcOffsetMinutes: task.utcOffsetMinutes,
          values,
          dates: gridDates,
          negatives: [],
          absentHours: 0,
        };
      }
      const hourlyPct: Partial<Record<AqiPollutant, Record<string, number>>> = {};
      present.forEach((p, q) => {
        const h: Record<string, number> = {};
        const qs = sorted[q].length ? quantilesType7InPlace(sorted[q], ps) : undefined;
        percentiles.forEach((pc, k) => (h[pKey(pc)] = qs ? qs[k] : NaN));
        hourlyPct[p] = h;
      });
      const row = stationYear(
        st.code,
        listed?.get(st.code),
        year,
        dates,
        P,
        o3grid,
        hourlyPct,
        percentiles,
        { grade, phase: task.phase },
        days,
      );
      row.rows = st.rows;
      done.push({ row, ...(task.monthlyFor ? { monthly: monthlySums(row, P, task.monthlyFor, monthOfDay) } : {}) });
      return true;
    });
    return { done, tally };
  };
  const notes: string[] = [];
  let scanned: Awaited<ReturnType<typeof scanOnce>>;
  try {
    scanned = await scanOnce(false);
  } catch (e) {
    if (!(e instanceof NotGroupedByStation)) throw e;
    notes.push(
      `year ${year}: the rows are not grouped by station (as aozora network ingest writes them); DuckDB sorted them by station first`,
    );
    scanned = await scanOnce(true);
  }
  const { done, tally } = scanned;
  done.sort((x, y) => (x.row.station < y.row.station ? -1 : x.row.station > y.row.station ? 1 : 0));
  const negatives: Record<string, number> = {},
    nonFinite: Record<string, number> = {};
  present.forEach((p, q) => {
    if (tally.negatives[q]) negatives[p] = tally.negatives[q];
    if (tally.nonFinite[q]) nonFinite[p] = tally.nonFinite[q];
  });
  return {
    year,
    rows: done.map((x) => x.row),
    rowsRead: tally.rows,
    negatives,
    nonFinite,
    setAside: [...tally.setAside],
    notes,
    ...(task.monthlyFor ? { monthly: done.flatMap((x) => x.monthly!) } : {}),
  };
}

/** Per pollutant of `monthlyFor` that the row has: [year·12 + month − 1, sum, count] of its valid hourly values, from the day arrays. */
function monthlySums(
  row: StationYearSummary,
  P: Partial<Record<AqiPollutant, DayArrays>>,
  monthlyFor: readonly AqiPollutant[],
  monthOfDay: Int32Array,
): [string, [number, number, number][]][] {
  const out: [string, [number, number, number][]][] = [];
  for (const p of monthlyFor) {
    if (!row.pollutants[p]) continue;
    const { n, s } = P[p]!;
    const months: [number, number, number][] = [];
    for (let d = 0; d < monthOfDay.length; d++) {
      const mk = monthOfDay[d];
      const last = months[months.length - 1];
      if (last && last[0] === mk) {
        last[1] += s[d];
        last[2] += n[d];
      } else months.push([mk, s[d], n[d]]);
    }
    out.push([`${row.station}\u0000${p}`, months]);
  }
  return out;
}

/** The SQL condition (` WHERE …`, or empty) of a station range of {@link NetworkYearTask}. */
function rangeWhere(range: [string | null, string | null] | undefined): string {
  if (!range) return "";
  const [from, to] = range;
  const c: string[] = [];
  if (from !== null) c.push(`station >= ${sqlString(from)}`);
  if (to !== null)
    c.push(from === null ? `(station < ${sqlString(to)} OR station IS NULL)` : `station < ${sqlString(to)}`);
  return c.length ? ` WHERE ${c.join(" AND ")}` : "";
}

/**
 * Split points of a partition into `k` station ranges of about equal rows, from the Parquet
 * row-group statistics of `station` (no data read): the minimum station of the row group at
 * each k-th of the rows. With rows grouped by station (as ingest writes them) DuckDB then
 * reads only the row groups of a range (min/max pruning); without statistics, no split.
 * Any split points give the same summary: a range is a filter, each station is in one range.
 */
export async function stationSplits(db: DuckDb, files: string[], k: number): Promise<string[]> {
  if (k <= 1) return [];
  const r = await db.query(
    `SELECT row_group_num_rows AS n, stats_min_value AS lo FROM parquet_metadata([${files.map(sqlString).join(", ")}]) WHERE path_in_schema = 'station'`,
  );
  const n = r.columns.n as Float64Array,
    lo = r.columns.lo as (string | null)[];
  if (!r.numRows || lo.some((x) => x === null)) return [];
  // row groups by their first station (one sorted file: file order; several files: interleaved)
  const order = [...lo.keys()].sort((i, j) => (lo[i]! < lo[j]! ? -1 : lo[i]! > lo[j]! ? 1 : n[i] - n[j]));
  let total = 0;
  for (let i = 0; i < r.numRows; i++) total += n[i];
  const out: string[] = [];
  let at = 0;
  for (const i of order) {
    if (out.length === k - 1) break;
    const b = lo[i]!;
    if (at >= ((out.length + 1) * total) / k && b > (out.length ? out[out.length - 1] : lo[order[0]]!)) out.push(b);
    at += n[i];
  }
  return out;
}

/** The compiled worker script, when running from dist/ (from TypeScript sources there is none). */
function yearWorkerScript(): string | undefined {
  const f = join(__dirname, "summarise-worker.js");
  return existsSync(f) ? f : undefined;
}

/** Worker threads: the request, else one per core; 1 without a compiled worker. */
function poolSize(requested: number | undefined): number {
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1))
    throw new RangeError(`summariseNetwork: workers must be an integer ≥ 1, got ${requested}`);
  if (!yearWorkerScript()) return 1;
  const cores = typeof availableParallelism === "function" ? availableParallelism() : 1;
  return Math.max(1, requested ?? cores);
}

/**
 * Two station ranges of one year as one result: counts added, notes once, monthly sums joined
 * (the rows are taken by {@link yearRowList} from the ranges' results; none here).
 */
function mergeYearResults(a: NetworkYearResult, b: NetworkYearResult): NetworkYearResult {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const o = { ...x };
    for (const [k, n] of Object.entries(y)) o[k] = (o[k] ?? 0) + n;
    return o;
  };
  return {
    year: a.year,
    rows: [],
    rowsRead: a.rowsRead + b.rowsRead,
    negatives: sum(a.negatives, b.negatives),
    nonFinite: sum(a.nonFinite, b.nonFinite),
    setAside: [...a.setAside, ...b.setAside],
    notes: [...a.notes, ...b.notes.filter((n) => !a.notes.includes(n))],
    ...(a.monthly || b.monthly ? { monthly: [...(a.monthly ?? []), ...(b.monthly ?? [])] } : {}),
  };
}

/**
 * The station-years of a {@link NetworkYearResult} as one buffer (each row `v8.serialize`d, the
 * structured clone a worker message makes): a worker transfers the buffer (no copy) and the main
 * thread deserialises each row only when it hands it to `onRow`, so a year's rows never sit on
 * its heap as objects (they die young; the heap stays flat in the number of years).
 */
export interface PackedRows {
  /** Station of each row, in the result's order. */
  stations: string[];
  /** The serialised rows, one after another. */
  bytes: Uint8Array;
  /** End offset (bytes) of each row in `bytes`. */
  ends: number[];
}

/**
 * A year result with its rows packed ({@link PackedRows}) and the buffer to transfer: what a
 * worker posts. Deserialising a row gives the same values (bits) as the structured clone of
 * `postMessage` (the same serialiser).
 */
export function packYearResult(r: NetworkYearResult): { result: NetworkYearResult; transfer: ArrayBuffer[] } {
  const parts = r.rows.map((row) => serialize(row));
  let total = 0;
  const ends = parts.map((b) => (total += b.length));
  const bytes = new Uint8Array(total);
  parts.forEach((b, i) => bytes.set(b, i ? ends[i - 1] : 0));
  const packed: PackedRows = { stations: r.rows.map((row) => row.station), bytes, ends };
  return { result: { ...r, rows: [], packed }, transfer: [bytes.buffer as ArrayBuffer] };
}

/**
 * The rows of one year's station-range results in station order (the order of the ranges'
 * rows concatenated, then a stable sort by station), each made by `get` when asked: packed
 * rows are deserialised there, one at a time.
 */
function yearRowList(parts: readonly NetworkYearResult[]): { station: string; get: () => StationYearSummary }[] {
  const out: { station: string; get: () => StationYearSummary }[] = [];
  for (const r of parts) {
    const pk = r.packed;
    if (pk)
      pk.stations.forEach((station, i) =>
        out.push({
          station,
          get: () => deserialize(pk.bytes.subarray(i ? pk.ends[i - 1] : 0, pk.ends[i])) as StationYearSummary,
        }),
      );
    else for (const row of r.rows) out.push({ station: row.station, get: () => row });
  }
  if (parts.length > 1) out.sort((x, y) => (x.station < y.station ? -1 : x.station > y.station ? 1 : 0));
  return out;
}

/** The error a worker posted, as the class it was thrown as. */
export interface PostedError {
  kind: "input" | "range" | "error";
  message: string;
  where?: ConstructorParameters<typeof AozoraInputError>[0];
}

/** A message to a worker of {@link summariseNetwork}: a year task, or a chunk of station trends. */
export type SummariseWorkerMessage =
  { type: "task"; task: NetworkYearTask } | { type: "trends"; jobs: readonly TrendJob[]; settings: TrendSettings };

/**
 * A pool of `n` worker threads, each with its own DuckDB (`settings`), running year tasks and
 * chunks of station trends (queued in the order asked). `close` lets the jobs in flight end (a
 * worker is never terminated inside a DuckDB call, which aborts the process), drops the queued
 * ones, then terminates the workers.
 */
function yearPool(
  n: number,
  settings: Record<string, string>,
): {
  run: (t: NetworkYearTask) => Promise<NetworkYearResult>;
  trends: (jobs: readonly TrendJob[], settings: TrendSettings) => Promise<StationTrend[]>;
  close: () => Promise<void>;
} {
  const script = yearWorkerScript()!;
  const idle: Worker[] = [];
  const queue: { msg: SummariseWorkerMessage; resolve: (r: never) => void; reject: (e: unknown) => void }[] = [];
  const all: Worker[] = [];
  let busy = 0,
    closing = false,
    closed: Promise<void> | undefined;
  let onSettled = () => {};
  const dispatch = () => {
    while (!closing && idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy++;
      const onMessage = (msg: { type: "done"; result: never } | { type: "error"; error: PostedError }) => {
        w.off("message", onMessage);
        w.off("error", onError);
        busy--;
        idle.push(w);
        if (msg.type === "done") job.resolve(msg.result);
        else job.reject(revive(msg.error));
        dispatch();
        onSettled();
      };
      const onError = (e: unknown) => {
        w.off("message", onMessage);
        busy--;
        job.reject(e);
        onSettled();
      };
      w.on("message", onMessage);
      w.on("error", onError);
      w.postMessage(job.msg);
    }
  };
  for (let k = 0; k < n; k++) {
    const w = new Worker(script, { workerData: { settings } });
    all.push(w);
    idle.push(w);
  }
  const ask = <R>(msg: SummariseWorkerMessage) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ msg, resolve: resolve as (r: never) => void, reject });
      dispatch();
    });
  return {
    run: (task) => ask<NetworkYearResult>({ type: "task", task }),
    trends: (jobs, s) => ask<StationTrend[]>({ type: "trends", jobs, settings: s }),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const job of queue.splice(0)) job.reject(new Error("summariseNetwork: stopped"));
        onSettled = () => {
          if (busy > 0) return;
          onSettled = () => {};
          Promise.all(all.map((w) => w.terminate())).then(
            () => resolve(),
            () => resolve(),
          );
        };
        onSettled();
      })),
  };
}

/** Rebuild a worker's error as the class it was thrown as. */
function revive(e: PostedError): Error {
  if (e.kind === "input" && e.where) return new AozoraInputError(e.where);
  if (e.kind === "range") return new RangeError(e.message);
  return new Error(e.message);
}

/** A thrown value as a {@link PostedError} (for the worker). */
export function postedError(e: unknown): PostedError {
  if (e instanceof AozoraInputError)
    return {
      kind: "input",
      message: e.message,
      where: {
        file: e.file,
        expected: e.expected,
        ...(e.row !== undefined ? { row: e.row } : {}),
        ...(e.column !== undefined ? { column: e.column } : {}),
        ...(e.columnNumber !== undefined ? { columnNumber: e.columnNumber } : {}),
        ...(e.found !== undefined ? { found: e.found } : {}),
      },
    };
  return { kind: e instanceof RangeError ? "range" : "error", message: e instanceof Error ? e.message : String(e) };
}

/** Per local day of one pollutant: count `n`, sum `s`, (1-h limited gases) maximum `x` and hours above the 1-h limit `a` of the valid hourly values. */
interface DayArrays {
  n: Float64Array;
  s: Float64Array;
  x?: Float64Array;
  a?: Float64Array;
}

/** The GB 3095-2026 1-h limit of a gas in a year (grade, phase `auto`: transitional to 2030). */
function limit1h(p: AqiPollutant, year: number, grade: 1 | 2, phaseOpt: "transition" | "final" | "auto" | undefined) {
  const phase = phaseOpt === undefined || phaseOpt === "auto" ? (year >= 2031 ? "final" : "transition") : phaseOpt;
  return GB3095_2026.limits.find((l) => l.pollutant === p && l.averaging === "1h")![phase][
    grade === 1 ? "grade1" : "grade2"
  ];
}

/** One station's hours in one partition, as {@link scanYear} hands them out. */
interface StationHours {
  code: string;
  /** Rows of the station in the partition. */
  rows: number;
  /**
   * Per pollutant (in the order of `present`): the valid hourly values (finite, ≥ 0) on the local
   * hour grid of the year (index = (local day − 1 January) × 24 + local hour), NaN where there is
   * none. Reused for the next station: copy what must be kept.
   */
  values: Float64Array[];
}

/** Thrown by {@link scanYear} when a station's rows come in two separate runs. */
class NotGroupedByStation extends Error {}

/**
 * Read one year partition once, in the files' order, and hand out each station's hours as soon
 * as its rows end (rows must come grouped by station, as `aozora network ingest` writes them:
 * otherwise {@link NotGroupedByStation}; with `sortByStation` DuckDB sorts them first). DuckDB
 * only reads the Parquet columns; every aggregate and rule is computed by the caller from the
 * hour grid. Checks: a time not on the hour, a NULL time, a local date outside the partition's
 * year and two rows for one station-hour are errors naming the station; negative and non-finite
 * cells are counted per pollutant and set missing. `onStation` returns false for a station set
 * aside (its rows counted in `setAside`).
 */
async function scanYear(
  db: DuckDb,
  files: string[],
  present: readonly AqiPollutant[],
  off: number,
  year: number,
  offsetText: string,
  sortByStation: boolean,
  where: string,
  onStation: (s: StationHours) => boolean,
): Promise<{ rows: number; negatives: number[]; nonFinite: number[]; setAside: Map<string, number> }> {
  const list = `[${files.map(sqlString).join(", ")}]`;
  const nq = present.length;
  const d0 = Math.round(Date.UTC(year, 0, 1) / DAY),
    d1 = Math.round(Date.UTC(year + 1, 0, 1) / DAY);
  const nDays = d1 - d0,
    nHours = nDays * 24;
  const t0 = d0 * DAY - off; // UTC instant of local midnight, 1 January
  // NULL arrives as NaN; a NaN in the file (not NULL) comes as +Infinity, counted with the infinite
  // cells (`nonFinite`) exactly as before, and set missing like them
  const sql = `SELECT station, CAST(epoch_ms(time) AS DOUBLE) AS ms, ${present
    .map(
      (p, q) =>
        `CASE WHEN isnan(${sqlIdent(p)}) THEN CAST('Infinity' AS DOUBLE) ELSE CAST(${sqlIdent(p)} AS DOUBLE) END AS v${q}`,
    )
    .join(", ")} FROM read_parquet(${list}, hive_partitioning = false)${where}${
    sortByStation ? " ORDER BY station" : ""
  }`;
  const negatives = new Array<number>(nq).fill(0),
    nonFinite = new Array<number>(nq).fill(0);
  const setAside = new Map<string, number>();
  const values = Array.from({ length: nq }, () => new Float64Array(nHours).fill(NaN));
  const seen = new Uint8Array(nHours);
  const dayRows = new Uint16Array(nDays);
  const finished = new Set<string>();
  let cur: string | null | undefined = undefined,
    code = "",
    rows = 0,
    total = 0,
    offHour = 0,
    noTime = 0,
    outside = 0,
    dupDay = -1;
  const err = (expected: string, found: string) =>
    new AozoraInputError({ file: files[0], column: "time", expected, found });
  const finish = () => {
    if (noTime)
      throw err("a time on every row (UTC start of the hour)", `${noTime} rows of station ${code} with no time`);
    if (offHour)
      throw err("times on the whole hour (UTC start of the hour)", `${offHour} times of station ${code} off the hour`);
    if (outside)
      throw err(
        `rows whose local (${offsetText}) date is in the partition's year ${year}`,
        `${outside} rows of station ${code} outside it`,
      );
    if (dupDay >= 0) {
      let hours = 0;
      for (let h = 0; h < 24; h++) hours += seen[dupDay * 24 + h];
      throw err(
        "one row per station and hour",
        `${dayRows[dupDay]} rows for ${hours} hours of station ${code} on ${new Date((d0 + dupDay) * DAY).toISOString().slice(0, 10)}`,
      );
    }
    finished.add(code);
    if (!onStation({ code, rows, values })) setAside.set(code, (setAside.get(code) ?? 0) + rows);
    for (const v of values) v.fill(NaN);
    seen.fill(0);
    dayRows.fill(0);
  };
  await db.queryBatches(
    sql,
    (b) => {
      const st = b.columns.station as (string | null)[];
      const ms = b.columns.ms as Float64Array;
      const V = present.map((_, q) => b.columns[`v${q}`] as Float64Array);
      for (let i = 0; i < b.numRows; i++) {
        if (st[i] !== cur) {
          if (cur !== undefined) finish();
          cur = st[i];
          code = String(cur);
          if (finished.has(code)) throw new NotGroupedByStation(code);
          rows = offHour = noTime = outside = 0;
          dupDay = -1;
        }
        rows++;
        total++;
        const h = (ms[i] - t0) / HOUR;
        if (h !== Math.floor(h)) {
          if (h === h) offHour++;
          else noTime++;
          continue;
        }
        if (h < 0 || h >= nHours) {
          outside++;
          continue;
        }
        const d = (h / 24) | 0;
        dayRows[d]++;
        if (seen[h]) {
          if (dupDay < 0) dupDay = d;
          continue;
        }
        seen[h] = 1;
        for (let q = 0; q < nq; q++) {
          const v = V[q][i];
          if (v >= 0 && v !== Infinity) values[q][h] = v;
          else if (v === v) {
            if (v < 0) negatives[q]++;
            if (v === Infinity || v === -Infinity) nonFinite[q]++;
          }
        }
      }
    },
    { reuse: true },
  );
  if (cur !== undefined) finish();
  return { rows: total, negatives, nonFinite, setAside };
}

/**
 * The day arrays of one station-year from its hour grid (count, sum, maximum and hours above the
 * 1-h limit of the valid values per local day, summed in hour order), and per pollutant its valid
 * valid hourly values (in a scratch buffer per pollutant) for the type-7 percentiles ({@link quantilesType7InPlace}).
 */
function stationDays(
  values: Float64Array[],
  present: readonly AqiPollutant[],
  nDays: number,
  limits: readonly number[],
  scratch: Float64Array[] = present.map(() => new Float64Array(nDays * 24)),
  days: DayScratch = dayScratch(present, nDays),
): { P: Partial<Record<AqiPollutant, DayArrays>>; sorted: Float64Array[] } {
  const P: Partial<Record<AqiPollutant, DayArrays>> = {};
  const sorted: Float64Array[] = [];
  present.forEach((p, q) => {
    // each pollutant's valid hours are sorted in its own scratch buffer (reused for the next station)
    const buf = scratch[q];
    const v = values[q];
    const limited = ONE_HOUR_LIMITED.includes(p);
    // the day arrays of the scratch, overwritten for every station (nothing keeps them past stationYear)
    const { n, s, x, a } = days.days[p]!;
    const lim = limits[q];
    let k = 0;
    for (let d = 0; d < nDays; d++) {
      let dn = 0,
        ds = 0,
        dx = -Infinity,
        da = 0;
      for (let h = d * 24, e = h + 24; h < e; h++) {
        const y = v[h];
        if (y !== y) continue;
        dn++;
        ds += y;
        if (y > dx) dx = y;
        if (y > lim) da++;
        buf[k++] = y;
      }
      n[d] = dn;
      s[d] = ds;
      if (x) x[d] = dn ? dx : NaN;
      if (a) a[d] = da;
    }
    P[p] = days.days[p]!;
    sorted.push(buf.subarray(0, k));
  });
  return { P, sorted };
}

/**
 * Day arrays reused from station to station within one task (count, sum, maximum, hours above
 * the 1-h limit; daily means under the China and WHO hour rules; the valid daily means).
 */
interface DayScratch {
  days: Partial<Record<AqiPollutant, DayArrays>>;
  cn: Partial<Record<AqiPollutant, Float64Array>>;
  who: Partial<Record<AqiPollutant, Float64Array>>;
  valid: Float64Array;
  /** The shared 8-h means of the O3 grid and the MDA8 under HJ 663 and 2008/50/EC (grid days: the previous day first). */
  win?: Mda8Windows;
  cnMda8?: Mda8Arrays;
  euMda8?: Mda8Arrays;
}

/** A {@link DayScratch} for the pollutants `present` and `nDays` days. */
function dayScratch(present: readonly AqiPollutant[], nDays: number): DayScratch {
  const out: DayScratch = { days: {}, cn: {}, who: {}, valid: new Float64Array(nDays) };
  for (const p of present) {
    const limited = ONE_HOUR_LIMITED.includes(p);
    out.days[p] = {
      n: new Float64Array(nDays),
      s: new Float64Array(nDays),
      ...(limited ? { x: new Float64Array(nDays), a: new Float64Array(nDays) } : {}),
    };
    out.cn[p] = new Float64Array(nDays);
    out.who[p] = new Float64Array(nDays);
  }
  return out;
}

/** The summary of one station-year from its day arrays (library rules only). */
function stationYear(
  code: string,
  city: string | undefined,
  year: number,
  dates: string[],
  P: Partial<Record<AqiPollutant, DayArrays>>,
  o3grid: HourGrid | undefined,
  hourlyPct: Partial<Record<AqiPollutant, Record<string, number>>>,
  percentiles: readonly number[],
  std: { grade: 1 | 2; phase?: "transition" | "final" | "auto" },
  scratch: DayScratch = dayScratch(
    NETWORK_POLLUTANTS.filter((p) => P[p]),
    dates.length,
  ),
): StationYearSummary {
  const nDays = dates.length;
  const minCn = NETWORK_SUMMARY_RULES.cnDailyMinHours,
    minWho = NETWORK_SUMMARY_RULES.whoDailyMinHours;
  const present = NETWORK_POLLUTANTS.filter((p) => P[p]);
  const pcs = percentiles.map((pc) => pc / 100);
  const dailyMean = (p: AqiPollutant, min: number, out: Float64Array) => {
    const { n, s } = P[p]!;
    for (let d = 0; d < nDays; d++) out[d] = n[d] >= min ? s[d] / n[d] : NaN;
    return out;
  };
  const pollutants: Partial<Record<AqiPollutant, PollutantYearSummary>> = {};
  const gb: ExceedanceRow[] = [],
    who: ExceedanceRow[] = [];
  // MDA8 under HJ 663 and 2008/50/EC from one set of 8-h means (start hours −7 … 16 cover both);
  // the grid starts with the previous local day, dropped here
  let cnMda8: Float64Array | undefined, euMda8: Float64Array | undefined;
  if (o3grid) {
    const g = o3grid.nDays;
    const win = (scratch.win = mda8Windows(o3grid.values, g, -7, 16, scratch.win));
    scratch.cnMda8 = mda8FromWindows(win, g, MDA8_CONVENTIONS.cn, scratch.cnMda8);
    scratch.euMda8 = mda8FromWindows(win, g, MDA8_CONVENTIONS.eu, scratch.euMda8);
    cnMda8 = scratch.cnMda8.mda8.subarray(1, g);
    euMda8 = scratch.euMda8.mda8.subarray(1, g);
  }
  const dailyCn: Partial<Record<AqiPollutant, Float64Array>> = {};
  for (const p of present) {
    const { n, s, x, a } = P[p]!;
    let hours = 0,
      sum = 0,
      max = -Infinity;
    for (let d = 0; d < nDays; d++) {
      hours += n[d];
      sum += s[d];
      if (x && x[d] > max) max = x[d];
    }
    const dCn = dailyMean(p, minCn, scratch.cn[p]!);
    dailyCn[p] = dCn;
    const validDates: string[] = [];
    const valid = scratch.valid;
    let nValid = 0;
    for (let d = 0; d < nDays; d++)
      if (dCn[d] === dCn[d]) {
        validDates.push(dates[d]);
        valid[nValid++] = dCn[d];
      }
    const validSorted = valid.slice(0, nValid).sort();
    const hourly = hourlyPct[p]!,
      daily: Record<string, number> = {};
    const dq = nValid ? quantilesType7(validSorted, pcs, { sorted: true }) : undefined;
    percentiles.forEach((pc, k) => (daily[pKey(pc)] = dq ? dq[k] : NaN));
    pollutants[p] = {
      unit: UNIT[p],
      hours,
      completeness: hours / (nDays * 24),
      hourlyMean: hours ? sum / hours : NaN,
      hourly,
      validDays: nValid,
      annualMean: mean(valid.subarray(0, nValid)),
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
          dailySorted: validSorted,
          ...(cnMda8 && p === "O3" ? { mda8: cnMda8 } : {}),
          hourly: hourlyStats,
        },
        std,
      ),
    );
    who.push(
      ...whoYearRows(p, year, {
        dates,
        daily: dailyMean(p, minWho, scratch.who[p]!),
        ...(euMda8 && p === "O3" ? { mda8: euMda8 } : {}),
        hourly: hourlyStats,
      }),
    );
  }
  // daily AQI, both versions, from the daily indicators
  const aqi = { "cn-2026": emptyAqi(), "cn-2012": emptyAqi() };
  let o3max: Float64Array | undefined;
  if (P.O3) {
    const { n, x } = P.O3;
    o3max = new Float64Array(nDays);
    for (let d = 0; d < nDays; d++) o3max[d] = n[d] >= minCn ? x![d] : NaN;
  }
  // each day's indicators, indexed as cnDailyKeys(version); a series absent = the key left out
  const series: Partial<Record<keyof CnDailyConcentrations, ArrayLike<number>>> = {
    ...(dailyCn.SO2 ? { SO2_24h: dailyCn.SO2 } : {}),
    ...(dailyCn.NO2 ? { NO2_24h: dailyCn.NO2 } : {}),
    ...(dailyCn.PM10 ? { PM10_24h: dailyCn.PM10 } : {}),
    ...(dailyCn.CO ? { CO_24h: dailyCn.CO } : {}),
    ...(cnMda8 ? { O3_8h: cnMda8 } : {}),
    ...(o3max ? { O3_1h: o3max } : {}),
    ...(dailyCn["PM2.5"] ? { PM25_24h: dailyCn["PM2.5"] } : {}),
  };
  for (const [version, round] of [
    ["cn-2026", "gbt8170"],
    ["cn-2012", "none"],
  ] as const) {
    const keys = cnDailyKeys(version);
    const cols = keys.map((k) => series[k.input]);
    const given = Uint8Array.from(cols, (c) => (c ? 1 : 0));
    const values = new Float64Array(keys.length),
      x = new Float64Array(keys.length),
      sub = new Float64Array(keys.length);
    const day = { aqi: NaN, complete: true };
    const acc = aqi[version];
    for (let d = 0; d < nDays; d++) {
      for (let k = 0; k < keys.length; k++) values[k] = cols[k] ? cols[k]![d] : NaN;
      cnDailyAqiOfDay(values, given, version, round, x, sub, day);
      if (!Number.isFinite(day.aqi)) {
        acc.noAqi++;
        continue;
      }
      acc.days++;
      acc.categories[aqiCategory(day.aqi, CN_AQI_CATEGORIES)!.level - 1]++;
      if (day.complete) acc.completeDays++;
      if (day.aqi > 50)
        for (let k = 0; k < keys.length; k++)
          if (given[k] && sub[k] === day.aqi) acc.primary[keys[k].key] = (acc.primary[keys[k].key] ?? 0) + 1;
    }
  }
  const p90 = cnMda8 ? ozoneP90OfYear(year, dates, cnMda8) : undefined;
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
