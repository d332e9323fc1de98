/**
 * openair's `timeAverage` (openair 2.18, R/timeAverage.R; openair book, "Utility functions:
 * timeAverage", https://openair-project.github.io/book/sections/appendices/appendix-utilities.html):
 * aggregate a time series to any period with a statistic, openair's data-capture threshold and
 * vector-averaged wind direction.
 */

import { AqTable } from "../table/table";
import { quantileType7 } from "../stats/quantile";
import { sampleSd } from "../stats/moments";
import { median } from "../stats/median";
import { gridInstants, mostCommonGap, nominalSeconds, parseAvgTime, periodGrid, type AvgTime } from "./periods";
import { uvToDirection } from "./wind";

/** Statistics of {@link timeAverage} (openair's names). */
export type TimeAverageStatistic =
  "mean" | "median" | "frequency" | "max" | "min" | "sum" | "sd" | "data.cap" | "percentile";

/** A time series for {@link timeAverage}: UTC instants, the site's offset, numeric columns and their units. */
export interface TimeSeriesInput {
  /** UTC instants, ms. */
  times: ArrayLike<number>;
  /** The site's offset, minutes east of UTC (China 480, Japan 540). */
  utcOffsetMinutes: number;
  /** Numeric columns (NaN = missing); `wd` (degrees) and `ws` (m/s) are treated as wind. */
  columns: Record<string, ArrayLike<number>>;
  /** Unit of each column (carried to the result; `wd` "°", `ws` "m/s"). */
  units?: Record<string, string>;
}

/** Options of {@link timeAverage}. */
export interface TimeAverageOptions {
  /** The period (openair `avg.time`, default "day"): "hour", "day", "week", "month", "quarter", "season", "year", "N unit" ("6 hour", "2 week", "15 min"). */
  avgTime?: string;
  /** Data-capture threshold, % (openair `data.thresh`, default 0): a period's value needs at least this share of its expected records. */
  dataThresh?: number;
  /** The statistic (default "mean"). */
  statistic?: TimeAverageStatistic;
  /** Percentile for `statistic: "percentile"`, 0–100 (default 95). */
  percentile?: number;
  /** Start the periods (and the expected records) here: a UTC instant (ms) or local text "YYYY-MM-DD[ HH:MM[:SS]]" at the site's offset (openair `start.date`). */
  startDate?: number | string;
  /** Extend the expected records to here (openair `end.date`), same forms. */
  endDate?: number | string;
  /** The records' interval (openair `interval`, e.g. "hour"); default: the most common gap between records. */
  interval?: string;
  /** Wind speed as the resultant of the vector mean (openair `vector.ws`, default false: scalar mean). */
  vectorWs?: boolean;
  /** Expanding to a shorter period (e.g. hourly → "15 min"): repeat each record in its new sub-periods (openair `fill`, default false: NaN). */
  fill?: boolean;
  /**
   * Wind direction for statistics other than the mean: `"vector-mean"` (default) gives every
   * period the direction of the mean (u, v) whatever the statistic (frequency and data.cap apply
   * to wd as to any column); `"openair"` applies the statistic to the components u = ws·sin wd and
   * v = ws·cos wd and takes atan2 of those, as openair does (a max or a percentile of the components
   * is not a direction: use only to reproduce an openair table).
   */
  windStatistic?: "vector-mean" | "openair";
}

/** Result of {@link timeAverage}. */
export interface TimeAverageResult {
  avgTime: string;
  statistic: TimeAverageStatistic;
  dataThresh: number;
  utcOffsetMinutes: number;
  /** Period starts, UTC ms (local midnight, first of month …); for an expansion, the new record times. */
  times: Float64Array;
  /** The statistic per period and column (NaN: below the capture threshold or no data). */
  columns: Record<string, Float64Array>;
  /** Unit of each output column: the input's, "1" for frequency (a count), "%" for data.cap. */
  units: Record<string, string>;
  /** Valid (finite) values per period and column. */
  valid: Record<string, Float64Array>;
  /** Records expected per period: the records present plus openair's padding (the capture denominator). */
  expected: Float64Array;
  /** `season`: the season label of each period ("winter (DJF)" …). */
  season?: string[];
  /** Text columns of a table input that were left out (openair drops non-numeric columns). */
  dropped: string[];
  /** The result as a table (units kept), when the input was a table. */
  table?: AqTable;
}

const SEASON_NAMES = ["winter (DJF)", "spring (MAM)", "summer (JJA)", "autumn (SON)"];

/** Parse a start/end date: a UTC instant or local "YYYY-MM-DD[ HH:MM[:SS]]" at the offset. */
function dateOption(v: number | string, off: number, name: string): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`timeAverage: ${name} must be a finite UTC instant, got ${v}`);
    return v;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v.trim());
  if (!m) throw new RangeError(`timeAverage: ${name} "${v}" is not "YYYY-MM-DD[ HH:MM[:SS]]" (local time)`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - off * 60000;
}

function statOf(x: Float64Array, n: number, statistic: TimeAverageStatistic, p: number, len: number): number {
  // x[0..n) are the finite values of a period with `len` records
  switch (statistic) {
    case "mean": {
      if (n === 0) return NaN;
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i];
      return s / n;
    }
    case "sum": {
      if (n === 0) return NaN;
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i];
      return s;
    }
    case "frequency":
      return n;
    case "data.cap":
      return n === 0 ? 0 : 100 * (1 - (len - n) / len);
    case "max": {
      if (n === 0) return NaN;
      let m = -Infinity;
      for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
      return m;
    }
    case "min": {
      if (n === 0) return NaN;
      let m = Infinity;
      for (let i = 0; i < n; i++) if (x[i] < m) m = x[i];
      return m;
    }
    case "sd":
      return n < 2 ? NaN : sampleSd(x.subarray(0, n));
    case "median":
      return n === 0 ? NaN : median(x.subarray(0, n));
    case "percentile":
      return n === 0 ? NaN : quantileType7(x.subarray(0, n), p);
  }
}

/**
 * Time averages of a series (openair `timeAverage`): each column's statistic per period, with
 * openair's data-capture rule and vector-averaged wind direction.
 *
 * - Periods: see {@link parseAvgTime} / {@link periodGrid} — local to the site's offset (R
 *   `cut.POSIXt`), the first starting at the first record (or `startDate`) rounded down to the
 *   unit; every period from the first to the last is returned (openair pads missing periods).
 * - Statistics (finite values only): mean, median, max, min, sum, sd (n − 1), frequency (number of
 *   valid values), data.cap (100 × valid / expected records, %), percentile (type 7, R's default).
 * - `dataThresh` (openair R/timeAverage.R, `date.pad`): when > 0, the records are first padded to
 *   a regular grid at the series' interval (the most common gap, or `interval`) from the FIRST to
 *   the LAST record (or `startDate`/`endDate`, which openair adds as empty records); a period's
 *   `expected` records are its records after padding — so a first day starting at 05:00 expects 19
 *   hourly records, not 24 — and its value is kept when (missing / expected) ≤ 1 − dataThresh/100,
 *   exactly openair's test `sum(is.na(x)) / length(x) <= 1 - data.thresh` (floating point
 *   included: at 90 % a period with 9 of 10 values fails, as in openair).
 * - Wind: with a `wd` column (degrees), u = ws·sin wd and v = ws·cos wd (unit vectors without `ws`)
 *   are averaged under the same rule and wd = atan2(ū, v̄) in [0, 360); `vectorWs` makes
 *   ws = √(ū² + v̄²) (the resultant), else ws is the scalar statistic.
 * - Expansion: when the period is shorter than the records' interval (hourly → "15 min"), the
 *   series is put on the finer grid from the first record to the last record's interval end, each
 *   record in its first sub-period, the others NaN or, with `fill`, the record repeated.
 *
 * Differences from openair: `min` of a period without values is NaN (openair: Inf); a season's
 * time is its start (1 Dec, 1 Mar, 1 Jun, 1 Sep; openair stamps the mean time of its records) and
 * its capture uses the same padded grid as every period (openair pads the season means' times);
 * the default wind direction of a non-mean statistic is the vector-mean direction (see
 * `windStatistic`); an expansion without `fill` leaves out openair's extra empty last row.
 *
 * @param input a table (its numeric columns; text columns are listed in `dropped`) or {@link TimeSeriesInput}
 * @param opts {@link TimeAverageOptions}
 * @returns period starts (UTC) and the statistic per column, with valid counts and expected records
 * @throws {RangeError} for an unknown avgTime, interval or statistic, dataThresh or percentile outside
 *   0–100, a bad start/end date, columns whose length differs from the times', no finite time, or an
 *   expansion whose period does not divide the records' interval with `fill`
 */
export function timeAverage(input: AqTable | TimeSeriesInput, opts: TimeAverageOptions = {}): TimeAverageResult {
  const statistic = opts.statistic ?? "mean";
  const STATS: TimeAverageStatistic[] = [
    "mean",
    "median",
    "frequency",
    "max",
    "min",
    "sum",
    "sd",
    "data.cap",
    "percentile",
  ];
  if (!STATS.includes(statistic))
    throw new RangeError(`timeAverage: statistic must be one of ${STATS.join(", ")}, got ${String(statistic)}`);
  const dataThresh = opts.dataThresh ?? 0;
  if (!(dataThresh >= 0 && dataThresh <= 100))
    throw new RangeError(`timeAverage: dataThresh must be in 0..100 (%), got ${dataThresh}`);
  const percentile = opts.percentile ?? 95;
  if (!(percentile >= 0 && percentile <= 100))
    throw new RangeError(`timeAverage: percentile must be in 0..100, got ${percentile}`);
  const avg = parseAvgTime(opts.avgTime ?? "day");

  // the series
  let times: ArrayLike<number>, off: number;
  const cols: Record<string, ArrayLike<number>> = {};
  const units: Record<string, string> = {};
  const dropped: string[] = [];
  if (input instanceof AqTable) {
    times = input.times();
    off = input.utcOffsetMinutes ?? 0;
    for (const c of input.columns) {
      if (c.name === input.timeColumn) continue;
      if (c.kind === "string") dropped.push(c.name);
      else {
        cols[c.name] = input.numbers(c.name);
        units[c.name] = c.unit;
      }
    }
  } else {
    times = input.times;
    off = input.utcOffsetMinutes;
    for (const [k, v] of Object.entries(input.columns)) {
      if (v.length !== times.length)
        throw new RangeError(`timeAverage: column "${k}" has ${v.length} values for ${times.length} times`);
      cols[k] = v;
      units[k] = input.units?.[k] ?? (k === "wd" ? "°" : k === "ws" ? "m/s" : "");
    }
  }
  const names = Object.keys(cols);

  // rows sorted by time (records without a time are left out: openair cannot place them either)
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) if (Number.isFinite(times[i])) order.push(i);
  order.sort((a, b) => times[a] - times[b] || a - b);
  if (order.length === 0) throw new RangeError("timeAverage: no finite time");
  let t: number[] = order.map((i) => times[i]);
  const hasWd = names.includes("wd"),
    hasWs = names.includes("ws");
  const colVals: Record<string, number[]> = {};
  for (const k of names) colVals[k] = order.map((i) => cols[k][i]);
  if (hasWd) {
    colVals["\u0000u"] = order.map((i) => (hasWs ? cols.ws[i] : 1) * Math.sin((cols.wd[i] * Math.PI) / 180));
    colVals["\u0000v"] = order.map((i) => (hasWs ? cols.ws[i] : 1) * Math.cos((cols.wd[i] * Math.PI) / 180));
  }
  const all = Object.keys(colVals);
  // openair adds start.date / end.date as records without values
  const addRow = (at: number, front: boolean) => {
    if (front) t = [at, ...t];
    else t.push(at);
    for (const k of all) front ? colVals[k].unshift(NaN) : colVals[k].push(NaN);
  };
  if (opts.startDate !== undefined) addRow(dateOption(opts.startDate, off, "startDate"), true);
  if (opts.endDate !== undefined) addRow(dateOption(opts.endDate, off, "endDate"), false);
  if (opts.startDate !== undefined || opts.endDate !== undefined) {
    const o = t.map((_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
    t = o.map((i) => t[i]);
    for (const k of all) colVals[k] = o.map((i) => colVals[k][i]);
  }

  // the records' interval
  const gap = mostCommonGap(t);
  let interval: AvgTime;
  if (opts.interval !== undefined) interval = parseAvgTime(opts.interval);
  else if (!Number.isFinite(gap)) interval = avg;
  else {
    const days = gap / 86400000;
    interval =
      days === 31
        ? parseAvgTime("month")
        : days === 365 || days === 366
          ? parseAvgTime("year")
          : { n: gap / 1000, unit: "sec", text: `${gap / 1000} sec` };
  }
  const gapSec = Number.isFinite(gap) ? gap / 1000 : nominalSeconds(avg);
  const outUnits: Record<string, string> = {};
  for (const k of names) outUnits[k] = statistic === "frequency" ? "1" : statistic === "data.cap" ? "%" : units[k];

  if (nominalSeconds(avg) < gapSec) return expand(t, colVals, names, avg, gapSec, off, opts, outUnits, dropped, input);

  // padding (openair date.pad) when a capture threshold is asked for, or an interval is forced
  const pad = dataThresh > 0 || opts.interval !== undefined;
  let onGrid: number[] = [];
  if (pad) {
    const grid = gridInstants(t[0], t[t.length - 1], interval, off);
    const present = new Set(t);
    onGrid = grid.filter((g) => !present.has(g));
  }
  const periods = periodGrid(avg, t[0], off);
  const np = periods.index(t[t.length - 1]) + 1;
  const expected = new Float64Array(np);
  const pIdx = t.map((x) => periods.index(x));
  for (const p of pIdx) expected[p]++;
  for (const g of onGrid) expected[periods.index(g)]++;
  // contiguous row ranges per period (rows sorted by time)
  const startRow = new Int32Array(np + 1);
  for (const p of pIdx) startRow[p + 1]++;
  for (let p = 0; p < np; p++) startRow[p + 1] += startRow[p];

  const out: Record<string, Float64Array> = {},
    valid: Record<string, Float64Array> = {};
  const buf = new Float64Array(t.length);
  const p01 = percentile / 100;
  const thresh = dataThresh / 100;
  const windStat = opts.windStatistic ?? "vector-mean";
  for (const k of all) {
    const v = colVals[k];
    const res = new Float64Array(np),
      cnt = new Float64Array(np);
    const isComp = k.startsWith("\u0000");
    const stat: TimeAverageStatistic =
      isComp && windStat === "vector-mean" && statistic !== "data.cap" ? "mean" : statistic;
    for (let p = 0; p < np; p++) {
      let n = 0;
      for (let r = startRow[p]; r < startRow[p + 1]; r++) if (Number.isFinite(v[r])) buf[n++] = v[r];
      cnt[p] = n;
      const len = expected[p];
      if (len === 0) {
        res[p] = NaN; // a period without any record: openair's padded NA row
        continue;
      }
      const ok = !pad || (len - n) / len <= 1 - thresh;
      res[p] = ok ? statOf(buf, n, stat, p01, len) : NaN;
    }
    out[k] = res;
    valid[k] = cnt;
  }
  if (hasWd && statistic !== "data.cap" && !(statistic === "frequency" && windStat === "vector-mean")) {
    const u = out["\u0000u"],
      vv = out["\u0000v"];
    out.wd = Float64Array.from(u, (x, p) =>
      Number.isFinite(x) && Number.isFinite(vv[p]) ? (x === 0 && vv[p] === 0 ? 0 : uvToDirection(x, vv[p])) : NaN,
    );
    if (hasWs && opts.vectorWs) out.ws = Float64Array.from(u, (x, p) => Math.hypot(x, vv[p]));
  }
  delete out["\u0000u"];
  delete out["\u0000v"];
  delete valid["\u0000u"];
  delete valid["\u0000v"];
  const starts = Float64Array.from({ length: np }, (_, p) => periods.start(p));
  const result: TimeAverageResult = {
    avgTime: avg.text,
    statistic,
    dataThresh,
    utcOffsetMinutes: off,
    times: starts,
    columns: out,
    units: outUnits,
    valid,
    expected,
    dropped,
  };
  if (avg.unit === "season")
    result.season = Array.from(
      starts,
      (s) => SEASON_NAMES[Math.floor(((new Date(s + off * 60000).getUTCMonth() + 1) % 12) / 3)],
    );
  if (input instanceof AqTable) result.table = asTable(result, names);
  return result;
}

function asTable(r: TimeAverageResult, names: string[]): AqTable {
  const cols: Record<string, Float64Array> = { time: r.times };
  const info: Record<string, { unit?: string; kind?: "number" | "time" }> = { time: { kind: "time" } };
  for (const k of names) {
    cols[k] = r.columns[k];
    info[k] = { unit: r.units[k] || "1", kind: "number" };
  }
  return AqTable.create(cols, info, { column: "time", utcOffsetMinutes: r.utcOffsetMinutes });
}

/** openair's expansion to a period shorter than the records' interval. */
function expand(
  t: number[],
  colVals: Record<string, number[]>,
  names: string[],
  avg: AvgTime,
  gapSec: number,
  off: number,
  opts: TimeAverageOptions,
  units: Record<string, string>,
  dropped: string[],
  input: AqTable | TimeSeriesInput,
): TimeAverageResult {
  const step = nominalSeconds(avg) * 1000;
  if (!(avg.unit === "sec" || avg.unit === "min" || avg.unit === "hour" || avg.unit === "day" || avg.unit === "week"))
    throw new RangeError(`timeAverage: cannot expand to "${avg.text}" (calendar periods are not of one length)`);
  const factor = (gapSec * 1000) / step;
  if (opts.fill && !Number.isInteger(factor))
    throw new RangeError(
      `timeAverage: expanding records every ${gapSec} s to "${avg.text}" needs a whole number of sub-periods (openair: non-regular time expansion)`,
    );
  const end = t[t.length - 1] + gapSec * 1000;
  const grid: number[] = [];
  for (let x = t[0]; x < end; x += step) grid.push(x);
  const at = new Map(t.map((x, i) => [x, i]));
  const out: Record<string, Float64Array> = {},
    valid: Record<string, Float64Array> = {};
  for (const k of names) {
    const v = colVals[k];
    const res = new Float64Array(grid.length).fill(NaN);
    let last = -1;
    let lastAt = -Infinity;
    grid.forEach((g, j) => {
      const i = at.get(g);
      if (i !== undefined) {
        res[j] = v[i];
        last = i;
        lastAt = g;
      } else if (opts.fill && last >= 0 && g < lastAt + gapSec * 1000) res[j] = v[last];
    });
    out[k] = res;
    valid[k] = Float64Array.from(res, (x) => (Number.isFinite(x) ? 1 : 0));
  }
  const r: TimeAverageResult = {
    avgTime: avg.text,
    statistic: opts.statistic ?? "mean",
    dataThresh: opts.dataThresh ?? 0,
    utcOffsetMinutes: off,
    times: Float64Array.from(grid),
    columns: out,
    units,
    valid,
    expected: new Float64Array(grid.length).fill(1),
    dropped,
  };
  if (input instanceof AqTable) r.table = asTable(r, names);
  return r;
}
