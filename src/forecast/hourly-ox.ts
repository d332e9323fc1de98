import type { AqTable } from "../table/table";
import { STP_298 } from "../table/gas";
import { normaliseUnit } from "../table/units";
import { CRITERIA_GAS_MOLAR_MASS } from "../table/molar-mass";
import { convertGas, type ReferenceStateLike } from "../models/ozone/convert";
import { oxidantPpb } from "../models/ozone/oxidant";
import { ols } from "../stats/ols";
import { quantileType7 } from "../stats/quantile";
import { modStats, type ModStats } from "../stats/modstats";
import { eventScores, type EventScores } from "../stats/contingency";
import { quantileRegression } from "../stats/quantreg";
import { JP_OX_RULES } from "../models/alerts/tables/jp";

const HOUR = 3_600_000;
const DAY = 86_400_000;
/**
 * Relative change of the check-loss objective at which the quantile regressions stop (IRLS; the
 * shared default 1e-10 takes up to 200 iterations on a year of hours; at 1e-6 the objective is
 * within about 1e-5 of it, relative, in 50–90 iterations).
 */
const QR_TOL = 1e-6;

/** Hourly oxidant (or O3) and meteorology on a grid of whole local days. */
export interface HourlyOxData {
  /** What `values` holds: `Ox` = O3 + NO2 (ppb) or `O3` (ppb). */
  target: "Ox" | "O3";
  /** Unit of `values`. */
  unit: "ppb";
  /** UTC instant (ms) of 00:00 local on the first day. */
  firstDayUtcMs: number;
  /** Site offset east of UTC, minutes. */
  utcOffsetMinutes: number;
  /** Local dates `YYYY-MM-DD`, one per day. */
  dates: string[];
  /** values[d·24 + h]: the hour [h, h+1) local of day d; NaN = missing. */
  values: Float64Array;
  /** Meteorological predictors on the same grid (NaN = missing), by column name. */
  met: Record<string, Float64Array>;
  /** Unit of each met column. */
  metUnits: Record<string, string>;
}

/** Options of {@link hourlyOxData}. */
export interface HourlyOxDataOptions {
  /** `Ox` (default; the table's `Ox` column, or O3 + NO2 in ppb) or `O3`. */
  target?: "Ox" | "O3";
  /** Reference state for µg/m3 → ppb (default 298.15 K, 101.325 kPa). */
  referenceState?: ReferenceStateLike;
  /** Met columns to keep (default every numeric column of `met` but the time). */
  predictors?: string[];
  /** Whether the stamps of both tables open (`"start"`, default) or close (`"end"`) their hour. */
  hourLabel?: "start" | "end";
}

function gasPpb(t: AqTable, name: string, state: ReferenceStateLike, times: ArrayLike<number>): Float64Array {
  const u = normaliseUnit(t.unit(name) ?? "");
  if (u === "ppb") return Float64Array.from(t.numbers(name));
  const mw = name === "Ox" ? CRITERIA_GAS_MOLAR_MASS.O3 : CRITERIA_GAS_MOLAR_MASS[name as "O3" | "NO2"];
  return convertGas(t.numbers(name), u, "ppb", mw, { state, times, name });
}

/**
 * Lay an hourly history (O3 and NO2, or an `Ox` column, with their units) and an hourly met table
 * (forecast or observed T, Radiation, WS, RH …, each with its unit) on one grid of whole local days
 * spanning both tables, so that a forecast can read the met of the coming day. Stamps mark the
 * start of the hour by default (as the simulators write them); `hourLabel: "end"` shifts stamps
 * that close their hour (Japanese and Chinese exports' hours 1–24) back by one hour. Ox = O3 + NO2 in ppb (the library's `oxidantPpb`; µg/m3 converted at
 * `referenceState`, ppm × 1000); a table `Ox` column in ppb or ppm is used as is.
 *
 * @throws {RangeError} when a table has no time column or UTC offset, the offsets differ, a needed
 *   column (Ox, or O3 and NO2) is missing or has a unit that is not a gas concentration, a stamp is
 *   not on a whole hour, two rows share an hour, or `hourLabel` is neither start nor end
 */
export function hourlyOxData(history: AqTable, met?: AqTable, opts: HourlyOxDataOptions = {}): HourlyOxData {
  const off = history.utcOffsetMinutes;
  if (off === undefined || !history.timeColumn)
    throw new RangeError("hourlyOxData: the history table needs a time column and a UTC offset");
  if (met && (met.utcOffsetMinutes !== off || !met.timeColumn))
    throw new RangeError(
      `hourlyOxData: the met table needs a time column and the history's UTC offset (${off} min), got ${String(met.utcOffsetMinutes)}`,
    );
  const target = opts.target ?? "Ox";
  if (target !== "Ox" && target !== "O3")
    throw new RangeError(`hourlyOxData: target must be Ox or O3, got "${String(target)}"`);
  const state = opts.referenceState ?? STP_298;
  const times = history.times();
  const has = (t: AqTable, c: string) => t.columns.some((x) => x.name === c && x.kind === "number");
  let values: Float64Array;
  if (target === "Ox" && has(history, "Ox")) values = gasPpb(history, "Ox", state, times);
  else {
    if (!has(history, "O3")) throw new RangeError(`hourlyOxData: the history needs an O3 column for ${target}`);
    const o3 = gasPpb(history, "O3", state, times);
    if (target === "O3") values = o3;
    else {
      if (!has(history, "NO2")) throw new RangeError("hourlyOxData: Ox needs an Ox column, or O3 and NO2 columns");
      values = oxidantPpb(o3, gasPpb(history, "NO2", state, times));
    }
  }
  const metTimes = met ? met.times() : new Float64Array(0);
  if (opts.hourLabel !== undefined && opts.hourLabel !== "start" && opts.hourLabel !== "end")
    throw new RangeError(`hourlyOxData: hourLabel must be "start" or "end", got "${String(opts.hourLabel)}"`);
  const shift = opts.hourLabel === "end" ? -HOUR : 0;
  const offMs = off * 60_000 + shift;
  let d0 = Infinity,
    d1 = -Infinity;
  for (const ts of [times, metTimes])
    for (let i = 0; i < ts.length; i++) {
      const l = ts[i] + offMs;
      if (!Number.isFinite(l) || l % HOUR !== 0)
        throw new RangeError(
          `hourlyOxData: time ${i} is not on a whole hour (hourly data with hour-start stamps expected)`,
        );
      d0 = Math.min(d0, Math.floor(l / DAY));
      d1 = Math.max(d1, Math.floor(l / DAY));
    }
  if (!Number.isFinite(d0)) throw new RangeError("hourlyOxData: no hourly rows");
  const nDays = d1 - d0 + 1;
  const firstDayUtcMs = d0 * DAY - off * 60_000;
  const place = (ts: ArrayLike<number>, v: ArrayLike<number>, name: string): Float64Array => {
    const g = new Float64Array(nDays * 24).fill(NaN);
    const seen = new Uint8Array(nDays * 24);
    for (let i = 0; i < ts.length; i++) {
      const k = Math.round((ts[i] + shift - firstDayUtcMs) / HOUR);
      if (seen[k]) throw new RangeError(`hourlyOxData: ${name}: two rows for the hour of row ${i}`);
      seen[k] = 1;
      g[k] = v[i];
    }
    return g;
  };
  const grid = place(times, values, target);
  const metCols: Record<string, Float64Array> = {};
  const metUnits: Record<string, string> = {};
  if (met) {
    const names = opts.predictors ?? met.columns.filter((c) => c.kind === "number").map((c) => c.name);
    for (const n of names) {
      if (!has(met, n)) throw new RangeError(`hourlyOxData: predictor "${n}" is not a numeric column of the met table`);
      metCols[n] = place(metTimes, met.numbers(n), n);
      metUnits[n] = met.unit(n) ?? "";
    }
  }
  const dates = Array.from({ length: nDays }, (_, d) => new Date((d0 + d) * DAY).toISOString().slice(0, 10));
  return { target, unit: "ppb", firstDayUtcMs, utcOffsetMinutes: off, dates, values: grid, met: metCols, metUnits };
}

/** Methods of the hourly Ox forecast. */
export type HourlyOxMethod = "persistence" | "climatology" | "mlr" | "qr";
/** Every method, baselines first. */
export const HOURLY_OX_METHODS: readonly HourlyOxMethod[] = ["persistence", "climatology", "mlr", "qr"];

/** Options of {@link hourlyOxForecastAt} and {@link rollingHourlyOxForecast}. */
export interface HourlyOxForecastOptions {
  method: HourlyOxMethod;
  /** Issue time as a local clock hour 1–23 (e.g. 6 or 9): the hours starting before it are observed, the forecast covers the hours starting at or after it. */
  issueHour: number;
  /** Met predictors used (default every met column of the data). */
  predictors?: string[];
  /** Quantile levels of the prediction interval (default 0.1 and 0.9). */
  interval?: [number, number];
  /** Climatology window, ± days of the day of year (default 15). */
  climatologyWindow?: number;
  /** Fewest training days a regression needs (default 60). */
  minTrainingDays?: number;
}

/** A forecast value with its interval (ppb). */
export interface OxValue {
  value: number;
  lower: number;
  upper: number;
}

/** One issued forecast of the rest of a day. */
export interface HourlyOxForecast {
  /** Local date forecast. */
  date: string;
  /** Issue time: UTC instant (ms) and local clock text. */
  issueUtcMs: number;
  issueLocal: string;
  method: HourlyOxMethod;
  /** One entry per local hour from `issueHour` to 23: the hour [hour, hour+1). */
  hours: (OxValue & { hour: number; utcMs: number })[];
  /** The day's 1-h maximum (ppb): never below the maximum already observed before the issue time. */
  dailyMax: OxValue;
  /** Maximum of the hours observed before the issue time (NaN if none). */
  observedSoFar: number;
}

interface View {
  values: Float64Array;
  met: Record<string, Float64Array>;
}

function checkOptions(data: HourlyOxData, opts: HourlyOxForecastOptions): string[] {
  if (!HOURLY_OX_METHODS.includes(opts.method))
    throw new RangeError(
      `hourlyOxForecast: method must be ${HOURLY_OX_METHODS.join(", ")}, got "${String(opts.method)}"`,
    );
  if (!Number.isInteger(opts.issueHour) || opts.issueHour < 1 || opts.issueHour > 23)
    throw new RangeError(`hourlyOxForecast: issueHour must be an integer local hour 1–23, got ${opts.issueHour}`);
  const iv = opts.interval ?? [0.1, 0.9];
  if (!(iv[0] > 0 && iv[0] < 0.5 && iv[1] > 0.5 && iv[1] < 1))
    throw new RangeError(`hourlyOxForecast: interval must be [lo < 0.5, hi > 0.5] in (0, 1), got [${iv.join(", ")}]`);
  const names = opts.predictors ?? Object.keys(data.met);
  for (const n of names)
    if (!data.met[n]) throw new RangeError(`hourlyOxForecast: predictor "${n}" is not a met column of the data`);
  return names;
}

/**
 * What is known when the forecast of day `d` is issued at `issueHour` local: the target up to the
 * hour before the issue time, the met up to the end of day d (the met of day d must be the user's
 * forecast of it). Later values are replaced by NaN, so no model or feature can read them.
 */
function knownAt(data: HourlyOxData, d: number, issueHour: number, names: string[]): View {
  const cut = d * 24 + issueHour;
  const values = data.values.slice();
  values.fill(NaN, Math.min(cut, values.length));
  const met: Record<string, Float64Array> = {};
  for (const n of names) {
    const m = data.met[n].slice();
    m.fill(NaN, Math.min((d + 1) * 24, m.length));
    met[n] = m;
  }
  return { values, met };
}

function dayMax(v: Float64Array, d: number, minHours = 18): number {
  let m = -Infinity,
    n = 0;
  for (let h = 0; h < 24; h++) {
    const x = v[d * 24 + h];
    if (Number.isFinite(x)) {
      n++;
      if (x > m) m = x;
    }
  }
  return n >= minHours ? m : NaN;
}

function maxBefore(v: Float64Array, d: number, hour: number): number {
  let m = -Infinity;
  for (let h = 0; h < hour; h++) {
    const x = v[d * 24 + h];
    if (Number.isFinite(x) && x > m) m = x;
  }
  return m === -Infinity ? NaN : m;
}

function lastBefore(v: Float64Array, d: number, hour: number): number {
  for (let k = d * 24 + hour - 1; k >= Math.max(0, d * 24 + hour - 3); k--) if (Number.isFinite(v[k])) return v[k];
  return NaN;
}

function doyOf(date: string): number {
  const t = Date.parse(date + "T00:00:00Z");
  return (t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1)) / DAY;
}

/** Day-level met of day d: mean and maximum of each predictor over its 24 hours (≥ 18 valid). */
function dayMet(view: View, names: string[], d: number): number[] | undefined {
  const out: number[] = [];
  for (const n of names) {
    const m = view.met[n];
    let s = 0,
      c = 0,
      mx = -Infinity;
    for (let h = 0; h < 24; h++) {
      const x = m[d * 24 + h];
      if (Number.isFinite(x)) {
        s += x;
        c++;
        if (x > mx) mx = x;
      }
    }
    if (c < 18) return undefined;
    out.push(s / c, mx);
  }
  return out;
}

/**
 * Design row of target hour `h` (0–23; 24 = the daily maximum) of day d at issue hour H:
 * 1, the last observed value before H (≤ 3 h back), the maximum observed before H, the previous
 * day's 1-h maximum, the annual harmonics of the day, the day's met (mean and max of each
 * predictor) and, for an hourly target, the met of hour h.
 */
function designRow(
  view: View,
  names: string[],
  dates: string[],
  d: number,
  h: number,
  H: number,
): number[] | undefined {
  if (d < 1) return undefined;
  const last = lastBefore(view.values, d, H);
  const soFar = maxBefore(view.values, d, H);
  const prev = dayMax(view.values, d - 1);
  if (!Number.isFinite(last) || !Number.isFinite(soFar) || !Number.isFinite(prev)) return undefined;
  const dm = dayMet(view, names, d);
  if (!dm) return undefined;
  const a = (2 * Math.PI * doyOf(dates[d])) / 365.25;
  const row = [1, last, soFar, prev, Math.cos(a), Math.sin(a), ...dm];
  if (h < 24)
    for (const n of names) {
      const x = view.met[n][d * 24 + h];
      if (!Number.isFinite(x)) return undefined;
      row.push(x);
    }
  return row;
}

/** A fitted model: the forecast of day t from the features in `view` (the view of day t). */
type Model = (view: View, t: number) => OxValue;

function targetOf(view: View, d: number, h: number): number {
  return h < 24 ? view.values[d * 24 + h] : dayMax(view.values, d);
}

/** Fit the model of target hour h (24 = daily max) on the training days 1..d−1 of `view`. */
function fitModel(
  data: HourlyOxData,
  view: View,
  names: string[],
  d: number,
  h: number,
  opts: HourlyOxForecastOptions,
): Model {
  const H = opts.issueHour;
  const [pl, ph] = opts.interval ?? [0.1, 0.9];
  const none: OxValue = { value: NaN, lower: NaN, upper: NaN };
  if (opts.method === "persistence") {
    // the same hour (or the daily max) of the day before; interval from the training day-to-day changes
    const diffs: number[] = [];
    for (let t = 1; t < d; t++) {
      const a = targetOf(view, t, h),
        b = targetOf(view, t - 1, h);
      if (Number.isFinite(a) && Number.isFinite(b)) diffs.push(a - b);
    }
    if (diffs.length < 2) return () => none;
    const lo = quantileType7(diffs, pl),
      hi = quantileType7(diffs, ph);
    return (v, t) => {
      const y = targetOf(v, t - 1, h);
      return { value: y, lower: Math.max(0, y + lo), upper: Math.max(0, y + hi) };
    };
  }
  if (opts.method === "climatology") {
    const w = opts.climatologyWindow ?? 15;
    const doys: number[] = [],
      ys: number[] = [];
    for (let t = 0; t < d; t++) {
      const y = targetOf(view, t, h);
      if (Number.isFinite(y)) {
        doys.push(doyOf(data.dates[t]));
        ys.push(y);
      }
    }
    return (_v, t) => {
      const doy = doyOf(data.dates[t]);
      const vals: number[] = [];
      for (let i = 0; i < ys.length; i++) {
        const dd = Math.abs(doys[i] - doy);
        if (Math.min(dd, 365.25 - dd) <= w) vals.push(ys[i]);
      }
      if (vals.length < 2) return none;
      return { value: quantileType7(vals, 0.5), lower: quantileType7(vals, pl), upper: quantileType7(vals, ph) };
    };
  }
  const x: number[][] = [],
    y: number[] = [];
  for (let t = 1; t < d; t++) {
    const yt = targetOf(view, t, h);
    if (!Number.isFinite(yt)) continue;
    const row = designRow(view, names, data.dates, t, h, H);
    if (row) {
      x.push(row);
      y.push(yt);
    }
  }
  if (y.length < Math.max(opts.minTrainingDays ?? 60, (x[0]?.length ?? 0) + 2)) return () => none;
  // a column constant over the training days (radiation at a night hour) or equal to an earlier
  // one (radiation at the hour of the daily maximum) is dropped: it would make the design singular
  const keep = [0];
  for (let j = 1; j < x[0].length; j++)
    if (x.some((r) => r[j] !== x[0][j]) && !keep.some((k) => x.every((r) => r[k] === r[j]))) keep.push(j);
  const sub = (r: number[]) => keep.map((j) => r[j]);
  for (let i = 0; i < x.length; i++) x[i] = sub(x[i]);
  const dot = (b: number[], r: number[]) => keep.reduce((s, j, k) => s + r[j] * b[k], 0);
  if (opts.method === "mlr") {
    const r = ols(x, y);
    const lo = quantileType7(r.residuals, pl),
      hi = quantileType7(r.residuals, ph);
    return (v, t) => {
      const row = designRow(v, names, data.dates, t, h, H);
      if (!row) return none;
      const f = dot(r.coefficients, row);
      return { value: Math.max(0, f), lower: Math.max(0, f + lo), upper: Math.max(0, f + hi) };
    };
  }
  const qo = { tol: QR_TOL };
  const b50 = quantileRegression(x, y, 0.5, qo).coefficients;
  const blo = quantileRegression(x, y, pl, qo).coefficients;
  const bhi = quantileRegression(x, y, ph, qo).coefficients;
  return (v, t) => {
    const row = designRow(v, names, data.dates, t, h, H);
    if (!row) return none;
    const q = [dot(blo, row), dot(b50, row), dot(bhi, row)].sort((a, b) => a - b); // no crossing
    return { value: Math.max(0, q[1]), lower: Math.max(0, q[0]), upper: Math.max(0, q[2]) };
  };
}

function assemble(
  data: HourlyOxData,
  view: View,
  d: number,
  opts: HourlyOxForecastOptions,
  models: Model[],
): HourlyOxForecast {
  const H = opts.issueHour;
  const hours: HourlyOxForecast["hours"] = [];
  for (let h = H; h < 24; h++) {
    const v = models[h](view, d);
    hours.push({ hour: h, utcMs: data.firstDayUtcMs + (d * 24 + h) * HOUR, ...v });
  }
  const soFar = maxBefore(view.values, d, H);
  const m = models[24](view, d);
  const floor = Number.isFinite(soFar) ? soFar : -Infinity;
  const dailyMax = {
    value: Math.max(m.value, floor),
    lower: Math.max(m.lower, floor),
    upper: Math.max(m.upper, floor),
  };
  const issueUtcMs = data.firstDayUtcMs + (d * 24 + H) * HOUR;
  return {
    date: data.dates[d],
    issueUtcMs,
    issueLocal: new Date(issueUtcMs + data.utcOffsetMinutes * 60_000).toISOString().slice(0, 16),
    method: opts.method,
    hours,
    dailyMax,
    observedSoFar: soFar,
  };
}

/**
 * Same-day hourly Ox (or O3) forecast issued at `issueHour` local on day `day` (an index into
 * `data.dates`, or a date): each remaining hour's value and the day's 1-h maximum, in ppb, with a
 * prediction interval. Trained only on what is known at the issue time: the target up to the hour
 * before it (earlier days complete) and the met up to the end of the day (which must be the
 * user's forecast met for the day; observed met there makes a perfect-prognosis experiment).
 *
 * Methods:
 * - `persistence`: the same hour of the day before (the daily maximum: yesterday's); interval from
 *   the training quantiles of the day-to-day change.
 * - `climatology`: median and quantiles of the same hour (or daily maximum) over the training days
 *   within ±`climatologyWindow` days of the day of year.
 * - `mlr`: one ordinary least-squares model per target hour and one for the daily maximum (the
 *   library's `ols`), on: the last observed value before the issue time, the maximum observed
 *   before it, the previous day's maximum, annual harmonics, the day's met (mean and maximum of
 *   each predictor) and the met of the target hour; interval from the residuals' type-7 quantiles.
 * - `qr`: the same designs by linear quantile regression (Koenker & Bassett 1978,
 *   `quantileRegression`) at τ = 0.5 and the interval levels (sorted, so quantiles never cross).
 *
 * Values are floored at 0; the daily maximum is never below the maximum already observed.
 *
 * @throws {RangeError} for an unknown method or predictor, an issue hour outside 1–23, a bad interval, or a day outside the data
 */
export function hourlyOxForecastAt(
  data: HourlyOxData,
  day: number | string,
  opts: HourlyOxForecastOptions,
): HourlyOxForecast {
  const names = checkOptions(data, opts);
  const d = typeof day === "string" ? data.dates.indexOf(day) : day;
  if (!Number.isInteger(d) || d < 0 || d >= data.dates.length)
    throw new RangeError(`hourlyOxForecastAt: day ${String(day)} is not a day of the data`);
  const view = knownAt(data, d, opts.issueHour, names);
  return assemble(data, view, d, opts, fitModels(data, view, names, d, opts));
}

/** Fit the model of every target hour from the issue hour on (and of the daily maximum, index 24) on `view`, days < d. */
function fitModels(data: HourlyOxData, view: View, names: string[], d: number, opts: HourlyOxForecastOptions): Model[] {
  const models: Model[] = [];
  for (let h = 0; h <= 24; h++)
    models.push(
      h < 24 && h < opts.issueHour
        ? () => ({ value: NaN, lower: NaN, upper: NaN })
        : fitModel(data, view, names, d, h, opts),
    );
  return models;
}

/** A rolling forecast with the observations of its day. */
export interface HourlyOxVerified extends HourlyOxForecast {
  hours: (OxValue & { hour: number; utcMs: number; observed: number })[];
  dailyMax: OxValue & { observed: number };
}

/**
 * Rolling same-day forecasts: for every day from `firstDay` to `lastDay` (default the last day), a
 * forecast issued at `issueHour`, trained only on what was known then. Models are refitted every
 * `refitEvery` days (default 1); between refits the coefficients of the latest refit day (≤ the
 * current day) are used, and every day's features are read from that day's own truncated view,
 * so no later value is seen.
 *
 * @returns forecasts with the observed values (NaN where missing; the observed daily maximum needs ≥ 18 hours)
 * @throws {RangeError} as {@link hourlyOxForecastAt}, or for a bad `firstDay`, `lastDay` or `refitEvery`
 */
export function rollingHourlyOxForecast(
  data: HourlyOxData,
  opts: HourlyOxForecastOptions & { firstDay: number | string; lastDay?: number | string; refitEvery?: number },
): HourlyOxVerified[] {
  const names = checkOptions(data, opts);
  const idx = (x: number | string | undefined, dflt: number, what: string) => {
    const i = x === undefined ? dflt : typeof x === "string" ? data.dates.indexOf(x) : x;
    if (!Number.isInteger(i) || i < 0 || i >= data.dates.length)
      throw new RangeError(`rollingHourlyOxForecast: ${what} ${String(x)} is not a day of the data`);
    return i;
  };
  const first = idx(opts.firstDay, 0, "firstDay");
  const last = idx(opts.lastDay, data.dates.length - 1, "lastDay");
  const every = opts.refitEvery ?? 1;
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError(`rollingHourlyOxForecast: refitEvery must be a positive integer, got ${every}`);
  const out: HourlyOxVerified[] = [];
  let models: Model[] = [];
  for (let d = first; d <= last; d++) {
    const view = knownAt(data, d, opts.issueHour, names);
    if ((d - first) % every === 0) models = fitModels(data, view, names, d, opts);
    const f = assemble(data, view, d, opts, models);
    const hours = f.hours.map((x) => ({ ...x, observed: data.values[d * 24 + x.hour] }));
    out.push({ ...f, hours, dailyMax: { ...f.dailyMax, observed: dayMax(data.values, d) } });
  }
  return out;
}

/** Scores of rolling hourly Ox forecasts ({@link verifyHourlyOx}). */
export interface HourlyOxVerification {
  /** modStats of every forecast hour against its observation (ppb). */
  hourly: ModStats;
  /** modStats of the daily 1-h maximum (ppb). */
  dailyMax: ModStats;
  /** Daily maximum ≥ `thresholdPpb` as a yes/no event (forecast median vs observed). */
  event: EventScores;
  thresholdPpb: number;
  /** Share of observations inside the prediction interval: every hour, and the daily maximum. */
  coverage: { hourly: number; dailyMax: number };
}

/** Japan's photochemical oxidant 注意報 level (ppb), from the cited alert table. */
const CHUIHO_PPB = JP_OX_RULES.find((r) => r.id === "jp-ox/chuiho")!.ppm * 1000;

/**
 * Verify rolling hourly Ox forecasts: the library's `modStats` (openair's definitions) of the
 * hourly values and of the daily maximum, `eventScores` of the daily maximum reaching
 * `thresholdPpb` (default: the 注意報 level of `JP_OX_RULES`, 1時間値0.12ppm以上 = 120 ppb, with
 * its clause and source in that table), and the interval coverage.
 *
 * @throws {RangeError} when the threshold is not finite
 */
export function verifyHourlyOx(
  rows: readonly HourlyOxVerified[],
  opts: { thresholdPpb?: number } = {},
): HourlyOxVerification {
  const thr = opts.thresholdPpb ?? CHUIHO_PPB;
  if (!Number.isFinite(thr)) throw new RangeError(`verifyHourlyOx: thresholdPpb must be finite, got ${thr}`);
  const ho: number[] = [],
    hf: number[] = [];
  let hin = 0,
    hn = 0;
  for (const r of rows)
    for (const x of r.hours) {
      ho.push(x.observed);
      hf.push(x.value);
      if (Number.isFinite(x.observed) && Number.isFinite(x.value)) {
        hn++;
        if (x.observed >= x.lower && x.observed <= x.upper) hin++;
      }
    }
  const dobs = rows.map((r) => r.dailyMax.observed),
    dfc = rows.map((r) => r.dailyMax.value);
  let din = 0,
    dn = 0;
  for (const r of rows)
    if (Number.isFinite(r.dailyMax.observed) && Number.isFinite(r.dailyMax.value)) {
      dn++;
      if (r.dailyMax.observed >= r.dailyMax.lower && r.dailyMax.observed <= r.dailyMax.upper) din++;
    }
  return {
    hourly: modStats(ho, hf),
    dailyMax: modStats(dobs, dfc),
    event: eventScores(dfc, dobs, thr),
    thresholdPpb: thr,
    coverage: { hourly: hn ? hin / hn : NaN, dailyMax: dn ? din / dn : NaN },
  };
}
