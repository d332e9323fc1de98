import { AqTable } from "../table/table";
import { dailyAqi, type AqiStandard, type AqiPollutant } from "../models/aqi/daily";
import { mda8 } from "../models/ozone/mda8";
import { ols } from "../stats/ols";
import { quantileType7 } from "../stats/quantile";
import { sampleSd } from "../stats/moments";
import { quantileRegression } from "../stats/quantreg";
import { trainForest } from "./forest";

/** What is forecast: daily mean PM2.5 (µg/m3), daily AQI (dimensionless) or O3 MDA8 (µg/m3). */
export type ForecastTarget = "pm25" | "aqi" | "mda8";
/** Forecast methods. */
export type ForecastMethod = "persistence" | "climatology" | "mlr" | "qr" | "forest" | "analog";
/** Every method, baselines first. */
export const FORECAST_METHODS: readonly ForecastMethod[] = [
  "persistence",
  "climatology",
  "mlr",
  "qr",
  "forest",
  "analog",
];

/** A daily series on consecutive local dates (NaN = no valid value). */
export interface DailySeries {
  /** Local dates `YYYY-MM-DD`, consecutive. */
  dates: string[];
  values: Float64Array;
  unit: string;
}

/** Daily meteorological predictors on consecutive local dates, each column with its unit. */
export interface DailyMet {
  dates: string[];
  columns: Record<string, Float64Array>;
  units: Record<string, string>;
}

const DAY = 86_400_000;

function localDates(firstUtcMs: number, off: number, n: number): string[] {
  const out: string[] = [];
  for (let d = 0; d < n; d++) out.push(new Date(firstUtcMs + off * 60000 + d * DAY).toISOString().slice(0, 10));
  return out;
}

/**
 * The daily target series from an hourly history table (columns named as `readMonitoringTable`
 * names them, each with its unit): `pm25` = the PM2.5 24-h mean and `aqi` = the daily AQI, both from
 * the library's {@link dailyAqi} (its validity rules, standard `cn-2026` by default); `mda8` = the
 * library's {@link mda8} (convention `cn`, HJ 663; O3 in the table's unit).
 *
 * @throws {RangeError} when the table has no time column or offset, lacks PM2.5 (pm25) or O3 (mda8), or the library's AQI/MDA8 refuses the data
 */
export function dailyTarget(
  history: AqTable,
  target: ForecastTarget,
  opts: { standard?: AqiStandard } = {},
): DailySeries {
  const off = history.utcOffsetMinutes;
  if (off === undefined || !history.timeColumn)
    throw new RangeError("dailyTarget: the history table needs a time column and a UTC offset");
  const times = history.times();
  const has = (c: string) => history.columns.some((x) => x.name === c);
  if (target === "mda8") {
    if (!has("O3")) throw new RangeError("dailyTarget: mda8 needs an O3 column");
    const days = mda8(times, history.numbers("O3"), { utcOffsetMinutes: off, convention: "cn" });
    return { dates: days.map((d) => d.date), values: Float64Array.from(days, (d) => d.mda8), unit: history.unit("O3") };
  }
  if (target !== "pm25" && target !== "aqi")
    throw new RangeError(`dailyTarget: target must be pm25, aqi or mda8, got "${String(target)}"`);
  const series: Partial<Record<AqiPollutant, { values: Float64Array; unit: string }>> = {};
  const pols: AqiPollutant[] = target === "pm25" ? ["PM2.5"] : ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"];
  for (const p of pols) if (has(p)) series[p] = { values: history.numbers(p), unit: history.unit(p) };
  if (!series["PM2.5"] && target === "pm25") throw new RangeError("dailyTarget: pm25 needs a PM2.5 column");
  const r = dailyAqi({ times, utcOffsetMinutes: off, series }, { standard: opts.standard ?? "cn-2026" });
  if (target === "pm25")
    return {
      dates: r.days.map((d) => d.date),
      values: Float64Array.from(r.days, (d) => d.concentration.PM25_24h),
      unit: r.units.PM25_24h ?? "µg/m3",
    };
  return { dates: r.days.map((d) => d.date), values: Float64Array.from(r.days, (d) => d.aqi), unit: "1" };
}

/**
 * Daily meteorological predictors from an hourly met table: the local-day mean of every numeric
 * column (at least 18 hours present, else NaN), except columns whose unit is `mm` (precipitation),
 * which are summed, and a wind direction column `WD` (deg), which becomes the daily mean wind
 * vector components `U` and `V` (m/s, with `WS`). Each daily value is valid for its local day: a
 * forecast for day D uses the met of day D, which the user supplies as a forecast when D is ahead
 * of the origin (observed met there would be a perfect-prognosis experiment).
 *
 * @throws {RangeError} when the table has no time column or offset
 */
export function dailyMet(met: AqTable): DailyMet {
  const off = met.utcOffsetMinutes;
  if (off === undefined || !met.timeColumn)
    throw new RangeError("dailyMet: the met table needs a time column and a UTC offset");
  const times = met.times();
  const dayIndex = (t: number) => Math.floor((t + off * 60000) / DAY);
  let d0 = Infinity,
    d1 = -Infinity;
  for (const t of times) {
    d0 = Math.min(d0, dayIndex(t));
    d1 = Math.max(d1, dayIndex(t));
  }
  const nDays = Number.isFinite(d0) ? d1 - d0 + 1 : 0;
  const dates = localDates(d0 * DAY - off * 60000, off, nDays);
  const columns: Record<string, Float64Array> = {};
  const units: Record<string, string> = {};
  const numeric = met.columns.filter((c) => c.kind === "number");
  const ws = numeric.some((c) => c.name === "WS") ? met.numbers("WS") : undefined;
  for (const c of numeric) {
    const v = met.numbers(c.name);
    const sum = new Float64Array(nDays);
    const cnt = new Float64Array(nDays);
    const su = new Float64Array(nDays);
    const sv = new Float64Array(nDays);
    for (let i = 0; i < v.length; i++) {
      if (!Number.isFinite(v[i])) continue;
      const d = dayIndex(times[i]) - d0;
      if (c.name === "WD") {
        if (!ws || !Number.isFinite(ws[i])) continue;
        const a = (v[i] * Math.PI) / 180;
        su[d] += -ws[i] * Math.sin(a);
        sv[d] += -ws[i] * Math.cos(a);
      } else sum[d] += v[i];
      cnt[d]++;
    }
    if (c.name === "WD") {
      columns.U = Float64Array.from(su, (s, d) => (cnt[d] >= 18 ? s / cnt[d] : NaN));
      columns.V = Float64Array.from(sv, (s, d) => (cnt[d] >= 18 ? s / cnt[d] : NaN));
      units.U = units.V = "m/s";
      continue;
    }
    const isSum = c.unit === "mm";
    columns[c.name] = Float64Array.from(sum, (s, d) => (cnt[d] >= 18 ? (isSum ? s : s / cnt[d]) : NaN));
    units[c.name] = isSum ? "mm/day" : c.unit;
  }
  return { dates, columns, units };
}

/** Options of {@link forecastAt} and {@link rollingOriginForecast}. */
export interface StationForecastOptions {
  method: ForecastMethod;
  /** Lead in days (1–3): the forecast for origin + lead. */
  lead: number;
  /** Quantile levels of the prediction interval (default 0.1 and 0.9). */
  interval?: [number, number];
  /**
   * Further quantile levels in (0, 1) to forecast (e.g. 0.05, 0.1, …, 0.95, for reliability and
   * CRPS with `quantileVerification`); returned in {@link StationForecast.quantiles}, same order.
   * For `qr` each level not already fitted (0.5 and the interval levels are) is one more quantile regression, and the levels' predictions are sorted
   * (monotone rearrangement, Chernozhukov, Fernández-Val & Galichon 2010, Econometrica 78,
   * 1093–1125) so that they do not cross.
   */
  quantiles?: number[];
  /** Met predictors (daily column names of {@link dailyMet}) used by mlr, qr, forest and analog (default all). */
  predictors?: string[];
  /** Seed of the forest (default 1). */
  seed?: number;
  /** Forest: trees (default 25, each on a bootstrap sample and 34 % of the features) and maximum depth (default 6; leaves ≥ 10 samples). */
  trees?: number;
  maxDepth?: number;
  /** Analog ensemble: analogs K (default 20). */
  analogs?: number;
  /** Climatology: half-width of the day-of-year window, days (default 15). */
  climatologyWindow?: number;
}

/** One forecast. */
export interface StationForecast {
  /** Local date of the origin (the last day whose observation is used). */
  origin: string;
  /** Local date forecast (origin + lead). */
  date: string;
  lead: number;
  method: ForecastMethod;
  /** Point forecast (median of the predictive distribution), in the target's unit. */
  value: number;
  /** Lower and upper ends of the prediction interval (the `interval` quantiles), target's unit. */
  lower: number;
  upper: number;
  /** The forecast quantiles at the `quantiles` levels (same order, target's unit), when asked for. */
  quantiles?: number[];
}

interface Prepared {
  y: Float64Array;
  lny: Float64Array;
  doy: Float64Array;
  met: Float64Array[];
  names: string[];
}

function dayOfYear(date: string): number {
  const t = Date.parse(date + "T00:00:00Z");
  return (t - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / DAY;
}

function alignMet(target: DailySeries, met: DailyMet | undefined, names: string[] | undefined): Prepared {
  const n = target.dates.length;
  const use = names ?? (met ? Object.keys(met.columns) : []);
  const metCols: Float64Array[] = [];
  if (use.length && !met) throw new RangeError("forecast: predictors named but no met table given");
  if (met) {
    const at = new Map(met.dates.map((d, i) => [d, i]));
    for (const name of use) {
      const col = met.columns[name];
      if (!col)
        throw new RangeError(`forecast: no met predictor "${name}" (have ${Object.keys(met.columns).join(", ")})`);
      metCols.push(Float64Array.from(target.dates, (d) => (at.has(d) ? col[at.get(d)!] : NaN)));
    }
  }
  return {
    y: target.values,
    lny: Float64Array.from(target.values, (v) => Math.log(Math.max(v, 1))),
    doy: Float64Array.from(target.dates, dayOfYear),
    met: metCols,
    names: use,
  };
}

/** Feature row for target day t with origin o = t − lead: ln y_o, ln y_{o−1}, annual harmonics of t, met of t. */
function features(p: Prepared, t: number, lead: number): number[] | undefined {
  const o = t - lead;
  if (o < 1) return undefined;
  const w = (2 * Math.PI * p.doy[t]) / 365.25;
  const row = [p.lny[o], p.lny[o - 1], Math.sin(w), Math.cos(w), Math.sin(2 * w), Math.cos(2 * w)];
  for (const m of p.met) row.push(m[t]);
  for (const v of row) if (!Number.isFinite(v)) return undefined;
  return row;
}

function finiteY(p: Prepared, t: number): boolean {
  return Number.isFinite(p.y[t]);
}

/** Training pairs: target days t ≤ origin with a valid observation and complete features. */
function trainingSet(p: Prepared, origin: number, lead: number): { x: number[][]; y: number[]; t: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  const ts: number[] = [];
  for (let t = lead + 1; t <= origin; t++) {
    if (!finiteY(p, t)) continue;
    const f = features(p, t, lead);
    if (!f) continue;
    x.push(f);
    y.push(p.lny[t]);
    ts.push(t);
  }
  return { x, y, t: ts };
}

function standardise(x: number[][]): { mu: number[]; sd: number[] } {
  const k = x[0].length;
  const mu = new Array(k).fill(0);
  const sd = new Array(k).fill(0);
  for (const r of x) for (let j = 0; j < k; j++) mu[j] += r[j] / x.length;
  for (const r of x) for (let j = 0; j < k; j++) sd[j] += (r[j] - mu[j]) ** 2 / Math.max(1, x.length - 1);
  return { mu, sd: sd.map((v) => Math.sqrt(v) || 1) };
}

/** A fitted model for one origin: predicts ln-scale quantiles for a feature row (q50, lo, hi, then the extra levels). */
type Fitted = (
  row: number[],
  doyT: number,
  prevRow?: number[],
) => { q50: number; lo: number; hi: number; extra: number[] };

/** Type-7 quantiles of one sample at several levels (one sort). */
function quantilesOf(values: ArrayLike<number>, levels: readonly number[]): number[] {
  const x = Float64Array.from(values).sort();
  return levels.map((p) => quantileType7(x, p, { sorted: true }));
}

function fit(p: Prepared, origin: number, opts: StationForecastOptions): Fitted | undefined {
  const lead = opts.lead;
  const [pl, ph] = opts.interval ?? [0.1, 0.9];
  const extra = opts.quantiles ?? [];
  const levels = [0.5, pl, ph, ...extra];
  const tr = trainingSet(p, origin, lead);
  if (tr.y.length < 30) return undefined;
  /** q50, lo, hi and extras from ln-quantiles at `levels`. */
  const pack = (q: number[]) => ({ q50: q[0], lo: q[1], hi: q[2], extra: q.slice(3) });
  if (opts.method === "persistence") {
    const ratio = tr.t.map((t) => p.lny[t] - p.lny[t - lead]);
    const qs = quantilesOf(ratio, levels);
    return (row) => pack(qs.map((q, i) => (i === 0 ? row[0] : row[0] + q)));
  }
  if (opts.method === "climatology") {
    const h = opts.climatologyWindow ?? 15;
    return (_row, doyT) => {
      const vals: number[] = [];
      for (const s of tr.t) {
        const dd = Math.abs(p.doy[s] - doyT);
        if (Math.min(dd, 365.25 - dd) <= h) vals.push(p.lny[s]);
      }
      if (vals.length < 5) return pack(levels.map(() => NaN));
      return pack(quantilesOf(vals, levels));
    };
  }
  const design = tr.x.map((r) => [1, ...r]);
  if (opts.method === "mlr") {
    const r = ols(design, tr.y);
    const qs = quantilesOf(r.residuals, levels.slice(1));
    return (row) => {
      let f = r.coefficients[0];
      for (let j = 0; j < row.length; j++) f += r.coefficients[j + 1] * row[j];
      return pack([f, ...qs.map((q) => f + q)]);
    };
  }
  if (opts.method === "qr") {
    // one fit per distinct level (an extra level equal to 0.5 or an interval level reuses that fit)
    const byLevel = new Map<number, number[]>();
    for (const tau of levels)
      if (!byLevel.has(tau)) byLevel.set(tau, quantileRegression(design, tr.y, tau).coefficients);
    const fits = levels.map((tau) => byLevel.get(tau)!);
    return (row) => {
      const q = fits.map((beta) => {
        let f = beta[0];
        for (let j = 0; j < row.length; j++) f += beta[j + 1] * row[j];
        return f;
      });
      const [a, b, c] = q;
      // the extra levels rearranged together with the median and interval ends (sorted by level)
      const order = levels.map((_, i) => i).sort((x, y) => levels[x] - levels[y]);
      const sortedQ = order.map((i) => q[i]).sort((x, y) => x - y);
      const rearranged = new Array<number>(levels.length);
      order.forEach((i, k) => (rearranged[i] = sortedQ[k]));
      return { q50: a, lo: Math.min(b, a), hi: Math.max(c, a), extra: rearranged.slice(3) };
    };
  }
  if (opts.method === "forest") {
    const forest = trainForest(tr.x, tr.y, {
      seed: opts.seed ?? 1,
      trees: opts.trees ?? 25,
      maxFeatures: 0.34,
      maxDepth: opts.maxDepth ?? 6,
      minNumSamples: 10,
    });
    return (row) => pack(quantilesOf(forest.treePredictions(row), levels));
  }
  if (opts.method === "analog") {
    const k = opts.analogs ?? 20;
    // predictors of the analog metric: persistence ln y_o and the met of the target day (not the harmonics)
    const cols = [0, ...p.met.map((_, j) => 6 + j)];
    const sd = cols.map((c) => sampleSd(tr.x.map((r) => r[c])) || 1);
    return (row, _t, prevRow) => {
      const dist: { d: number; y: number }[] = [];
      for (let i = 0; i < tr.x.length; i++) {
        // Delle Monache et al. (2013) eq. 1 with w_i = 1 and the window j ∈ {−1, 0}: the previous
        // candidate day must also be a training row, one day earlier
        const prev = i > 0 && tr.t[i - 1] === tr.t[i] - 1 ? tr.x[i - 1] : undefined;
        let d = 0;
        for (let c = 0; c < cols.length; c++) {
          let s = (row[cols[c]] - tr.x[i][cols[c]]) ** 2;
          if (prev && prevRow) s += (prevRow[cols[c]] - prev[cols[c]]) ** 2;
          d += Math.sqrt(s) / sd[c];
        }
        dist.push({ d, y: tr.y[i] });
      }
      dist.sort((a, b) => a.d - b.d);
      const members = dist.slice(0, k).map((e) => e.y);
      return pack(quantilesOf(members, levels));
    };
  }
  throw new RangeError(`forecast: unknown method "${String(opts.method)}" (use ${FORECAST_METHODS.join(", ")})`);
}

function checkOptions(opts: StationForecastOptions): void {
  if (!FORECAST_METHODS.includes(opts.method))
    throw new RangeError(`forecast: unknown method "${String(opts.method)}" (use ${FORECAST_METHODS.join(", ")})`);
  if (!Number.isInteger(opts.lead) || opts.lead < 1 || opts.lead > 3)
    throw new RangeError(`forecast: lead must be 1, 2 or 3 days, got ${opts.lead}`);
  const iv = opts.interval ?? [0.1, 0.9];
  if (!(iv[0] > 0 && iv[0] < 0.5 && iv[1] > 0.5 && iv[1] < 1))
    throw new RangeError(`forecast: interval must be [lo < 0.5, hi > 0.5] in (0, 1), got [${iv.join(", ")}]`);
  for (const q of opts.quantiles ?? [])
    if (!(q > 0 && q < 1)) throw new RangeError(`forecast: quantiles must be in (0, 1), got ${q}`);
}

/**
 * Truncate the inputs to what is known at the origin: observations up to the origin day, met up to
 * the target day. Every method sees only these arrays, so no later value can leak.
 */
function known(target: DailySeries, met: DailyMet | undefined, origin: number, lead: number) {
  const tEnd = origin + lead + 1;
  const y = Float64Array.from(target.values.subarray(0, origin + 1));
  const tgt: DailySeries = {
    dates: target.dates.slice(0, tEnd),
    values: new Float64Array(tEnd).fill(NaN),
    unit: target.unit,
  };
  tgt.values.set(y);
  let m: DailyMet | undefined;
  if (met) {
    const last = target.dates[Math.min(tEnd, target.dates.length) - 1] ?? "";
    const keep = met.dates.filter((d) => d <= last).length;
    const columns: Record<string, Float64Array> = {};
    for (const [k, v] of Object.entries(met.columns)) columns[k] = Float64Array.from(v.subarray(0, keep));
    m = { dates: met.dates.slice(0, keep), columns, units: met.units };
  }
  return { tgt, m };
}

/**
 * The same arrays as `alignMet(known(target, met, origin, lead))`, cut from the series aligned once:
 * copies of length origin + lead + 1 (met up to the target day), the target NaN after the origin.
 */
function knownPrepared(full: Prepared, origin: number, lead: number): Prepared {
  const tEnd = Math.min(origin + lead + 1, full.y.length);
  const y = new Float64Array(tEnd).fill(NaN);
  y.set(full.y.subarray(0, origin + 1));
  const lny = new Float64Array(tEnd).fill(NaN);
  lny.set(full.lny.subarray(0, origin + 1));
  return {
    y,
    lny,
    doy: full.doy.slice(0, tEnd),
    met: full.met.map((m) => m.slice(0, tEnd)),
    names: full.names,
  };
}

function predictOne(
  p: Prepared,
  model: Fitted | undefined,
  t: number,
  lead: number,
  nExtra: number | undefined,
): { value: number; lower: number; upper: number; quantiles?: number[] } {
  const none = { value: NaN, lower: NaN, upper: NaN };
  const row = model ? features(p, t, lead) : undefined;
  if (!model || !row) return nExtra === undefined ? none : { ...none, quantiles: new Array<number>(nExtra).fill(NaN) };
  const q = model(row, p.doy[t], features(p, t - 1, lead));
  const out = { value: Math.exp(q.q50), lower: Math.exp(q.lo), upper: Math.exp(q.hi) };
  return nExtra === undefined ? out : { ...out, quantiles: q.extra.map(Math.exp) };
}

/**
 * One forecast made at the end of local day `origin` (an index into `target.dates`, or a date) for
 * origin + lead. Trained only on what is known then: the target up to the origin day and the met
 * up to the forecast day (the met of the forecast day must be the user's forecast of it). Methods
 * (all on ln of the target, value = exp of the predicted median, interval = exp of the predicted
 * `interval` quantiles):
 * - `persistence`: the origin day's value; interval from the training quantiles of ln(y_t / y_{t−lead}).
 * - `climatology`: median and quantiles of the training days within ±`climatologyWindow` days of the
 *   target's day of year (any year).
 * - `mlr`: OLS of ln y_t on ln y_o, ln y_{o−1}, annual and semi-annual harmonics of the target day,
 *   and the met of the target day; interval from the type-7 quantiles of the residuals.
 * - `qr`: linear quantile regression (Koenker & Bassett 1978) of the same design at τ = 0.5 and the interval levels.
 * - `forest`: a seeded random forest of bagged CART regression trees on the same features (25
 *   trees, 34 % of the features per tree, depth ≤ 6, leaves ≥ 10 rows by default) — the trees of
 *   ml-random-forest 2.1.0 `RandomForestRegression` with ml-cart 2.1.1, grown by {@link trainForest}'s
 *   faster split search (same trees, tested); median and interval from the per-tree predictions (a
 *   spread of tree means, not Meinshausen's quantile regression forest).
 * - `analog`: analog ensemble of Delle Monache, L., Eckel, F. A., Rife, D. L., Nagarajan, B. &
 *   Searight, K. (2013), "Probabilistic weather prediction with an analog ensemble", Mon. Wea.
 *   Rev. 141, 3498–3516, eq. 1: ‖F_t, A_t′‖ = Σ_{i=1}^{N_v} (w_i/σ_{f_i}) √(Σ_{j=−t̃}^{t̃} (F_{i,t+j} − A_{i,t′+j})²),
 *   the K analogs with the smallest distance giving the ensemble of their observations. Here the
 *   predictors are ln y_o and the target day's met, w_i = 1, σ_{f_i} = their training SD, and the
 *   window is j ∈ {−1, 0} days (the day after the target is not known at the origin).
 *
 * @throws {RangeError} for an unknown method, a lead outside 1–3, a bad interval, an origin outside the series, or unknown predictors
 */
export function forecastAt(
  target: DailySeries,
  met: DailyMet | undefined,
  origin: number | string,
  opts: StationForecastOptions,
): StationForecast {
  checkOptions(opts);
  const o = typeof origin === "string" ? target.dates.indexOf(origin) : origin;
  if (!Number.isInteger(o) || o < 0 || o >= target.dates.length)
    throw new RangeError(`forecastAt: origin ${String(origin)} is not a day of the series`);
  const { tgt, m } = known(target, met, o, opts.lead);
  const p = alignMet(tgt, m, opts.predictors);
  const t = o + opts.lead;
  const model = fit(p, o, opts);
  const date = t < tgt.dates.length ? tgt.dates[t] : "";
  return {
    origin: target.dates[o],
    date,
    lead: opts.lead,
    method: opts.method,
    ...predictOne(p, model, t, opts.lead, opts.quantiles?.length),
  };
}

/**
 * Rolling-origin forecasts: for every origin day from `firstOrigin` to the last day with an
 * observation lead days later, a forecast trained only on what is known at that origin. Models
 * are refitted every `refitEvery` days (default 1 = every origin); between refits the model of the
 * latest refit origin (≤ the current origin) is used, so still no later value is seen.
 *
 * @returns forecasts with the observed value of the forecast day
 * @throws {RangeError} as {@link forecastAt}, or when `firstOrigin` is not in the series
 */
export function rollingOriginForecast(
  target: DailySeries,
  met: DailyMet | undefined,
  opts: StationForecastOptions & { firstOrigin: number | string; refitEvery?: number },
): (StationForecast & { observed: number })[] {
  checkOptions(opts);
  const first = typeof opts.firstOrigin === "string" ? target.dates.indexOf(opts.firstOrigin) : opts.firstOrigin;
  if (!Number.isInteger(first) || first < 0 || first >= target.dates.length)
    throw new RangeError(`rollingOriginForecast: firstOrigin ${String(opts.firstOrigin)} is not a day of the series`);
  const every = opts.refitEvery ?? 1;
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError(`rollingOriginForecast: refitEvery must be a positive integer, got ${every}`);
  const out: (StationForecast & { observed: number })[] = [];
  const full = alignMet(target, met, opts.predictors);
  let model: Fitted | undefined;
  for (let o = first; o + opts.lead < target.dates.length; o++) {
    const p = knownPrepared(full, o, opts.lead);
    if ((o - first) % every === 0) model = fit(p, o, opts);
    const t = o + opts.lead;
    out.push({
      origin: target.dates[o],
      date: target.dates[t],
      lead: opts.lead,
      method: opts.method,
      ...predictOne(p, model, t, opts.lead, opts.quantiles?.length),
      observed: full.y[t],
    });
  }
  return out;
}
