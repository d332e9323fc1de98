/**
 * Forecast figures: forecast vs observed time series with the prediction-interval band and the AQI
 * category bands (one panel per method or per lead), the contingency table of a categorical or
 * yes/no forecast as a heat map, and forecast vs observed scatter with the 1:1 and FAC2 lines.
 * Vega-Lite specs with inline data and labels in English, Japanese or Chinese.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import {
  checkSize,
  fontConfig,
  fontFor,
  LOCAL_ISO_PARSE,
  SCHEMA,
  specFrame,
  TIME_AXIS_FORMAT,
  withUnit,
} from "../figures/specs";
import type { EventScores } from "../stats/contingency";
import type { AqiStandard } from "../models/aqi/daily";
import { CN_AQI_CATEGORIES, US_AQI_CATEGORIES, type AqiCategory } from "../models/aqi/tables/categories";
import { CN_IAQI_LEVELS, CN_IAQI_TABLES, type CnIaqiKey } from "../models/aqi/tables/hj633";
import { US_AQI_2024, US_AQI_UNITS, type UsAqiKey } from "../models/aqi/tables/us-aqi-2024";
import { estimateTextWidth } from "../figures/textwidth";
import { forecastLabel } from "./labels";
import type { ForecastMethod, ForecastTarget, StationForecast } from "./station";

/** A forecast row as {@link rollingOriginForecast} returns it (the observed value is optional). */
export type ForecastRow = StationForecast & { observed?: number };

/** One AQI category band of a forecast figure: the range [lo, hi) of the target, its colour and name. */
export interface CategoryBand {
  /** 1..6 (the category level of the standard). */
  level: number;
  /** Lower and upper edge in the target's unit (`hi` = Infinity for the top category). */
  lo: number;
  hi: number;
  colour: string;
  /** Category name in the figure language. */
  name: string;
}

/**
 * The AQI category bands of a forecast target in the target's unit, read from the library's cited
 * tables: for `aqi` the category limits 50, 100, 150, 200, 300 (HJ 633 Table 2 / EPA-454/B-24-002
 * Table 1, {@link CN_AQI_CATEGORIES}); for `pm25` and `mda8` the concentration breakpoints of the
 * PM2.5 24-h and O3 8-h rows at those IAQI levels: China HJ 633-2012 Table 1 / HJ 633-2026 Table 3
 * (µg/m3; e.g. PM2.5 35, 60, 115, 150, 250 under HJ 633-2026), US EPA-454/B-24-002 Table 6 (the
 * upper end of each segment: PM2.5 9.0, 35.4, 55.4, 125.4, 225.4 µg/m3; O3 8-h in ppm, which stops
 * at AQI 300). The bands are for display: a value on an edge is drawn in either band.
 *
 * @param target `pm25` (µg/m3), `aqi` (dimensionless) or `mda8` (µg/m3 for China, ppm for the US)
 * @param standard `cn-2026` (default), `cn-2012` or `us-2024`
 * @param lang language of the category names (default `en`)
 * @throws {RangeError} for an unknown target or standard
 */
export function forecastCategoryBands(
  target: ForecastTarget,
  standard: AqiStandard = "cn-2026",
  lang: Lang = "en",
): CategoryBand[] {
  if (standard !== "cn-2026" && standard !== "cn-2012" && standard !== "us-2024")
    throw new RangeError(
      `forecastCategoryBands: standard must be cn-2026, cn-2012 or us-2024, got "${String(standard)}"`,
    );
  const cats = standard === "us-2024" ? US_AQI_CATEGORIES : CN_AQI_CATEGORIES;
  const band = (c: AqiCategory, lo: number, hi: number): CategoryBand => ({
    level: c.level,
    lo,
    hi,
    colour: c.colour,
    name: c.name[lang],
  });
  if (target === "aqi") return cats.map((c, i) => band(c, i === 0 ? 0 : cats[i - 1].hi, c.hi));
  if (target !== "pm25" && target !== "mda8")
    throw new RangeError(`forecastCategoryBands: target must be pm25, aqi or mda8, got "${String(target)}"`);
  if (standard === "us-2024") {
    const key: UsAqiKey = target === "pm25" ? "PM25_24h" : "O3_8h";
    const segs = US_AQI_2024.segments[key];
    return segs.map((s, i) => {
      const c = cats.find((x) => x.hi >= s.aqiHi) ?? cats[cats.length - 1];
      const top = i === segs.length - 1 && c.level === cats.length;
      return band(c, i === 0 ? 0 : segs[i - 1].cHi, top ? Infinity : s.cHi);
    });
  }
  const key: CnIaqiKey = target === "pm25" ? "PM25_24h" : "O3_8h";
  const bp = CN_IAQI_TABLES[standard].breakpoints[key];
  // category k (1..6) spans IAQI (limit k−1, limit k]; its concentration edges are the breakpoints at those IAQI levels
  const at = (iaqi: number) => bp[CN_IAQI_LEVELS.indexOf(iaqi as (typeof CN_IAQI_LEVELS)[number])] as number;
  return cats.map((c, i) => band(c, i === 0 ? 0 : at(cats[i - 1].hi), Number.isFinite(c.hi) ? at(c.hi) : Infinity));
}

/** The unit of a target's category bands (for the unit check of {@link forecastSeriesSpec}). */
function bandUnit(target: ForecastTarget, standard: AqiStandard): string {
  if (target === "aqi") return "1";
  if (standard === "us-2024") return US_AQI_UNITS[target === "pm25" ? "PM25_24h" : "O3_8h"];
  return "µg/m3";
}

/** Options of {@link forecastSeriesSpec}. */
export interface ForecastSeriesOptions {
  /** Unit of the forecast values (e.g. `"µg/m3"`; `"1"` for the AQI). */
  unit: string;
  /** One panel per `method` (default; the rows must then share one lead) or per `lead` (one method). */
  panels?: "method" | "lead";
  /** Methods to draw, in panel order (default: those present, in the order first seen). */
  methods?: readonly ForecastMethod[];
  /** Leads to draw (default: those present). */
  leads?: readonly number[];
  /** Local dates `YYYY-MM-DD` (inclusive) to draw; default all. */
  from?: string;
  to?: string;
  /** Draw the AQI category bands of this target under this standard (see {@link forecastCategoryBands}). */
  bands?: { target: ForecastTarget; standard?: AqiStandard };
  /** Horizontal threshold lines (e.g. alert levels) with their labels, in the forecast unit. */
  thresholds?: readonly { value: number; label: string }[];
  /** Top of the y axis in the forecast unit (default 1.05 × the largest value drawn); what lies above is clipped. */
  yMax?: number;
  /** Quantile levels of the interval, for its legend label only (default 0.1 and 0.9). */
  interval?: [number, number];
  /** Label language (default `"en"`). */
  lang?: Lang;
  title?: string;
  /** Panel width and height in pixels (defaults 640 × 200). */
  width?: number;
  panelHeight?: number;
}

const FORECAST_COLOUR = "#1f77b4";
const OBSERVED_COLOUR = "#222222";
const INTERVAL_COLOUR = "#9ecae1";

/** Rows of one line, with a segment id per unbroken run of finite values (lines never cross a gap). */
function segmented(dates: string[], values: number[], prefix: string) {
  const out: { date: string; value: number; segment: string }[] = [];
  let run = -1;
  for (let i = 0; i < dates.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    if (run < 0 || !Number.isFinite(values[i - 1])) run++;
    out.push({ date: dates[i] + "T00:00:00", value: values[i], segment: `${prefix}:${run}` });
  }
  return out;
}

/**
 * Forecast vs observed time series: per panel (one per method, or one per lead) the forecast line,
 * its prediction interval as a band (lower–upper of each row), the observed values (black), and,
 * optionally, the AQI category bands of the target in their official colours (light, behind) and
 * threshold lines with labels (e.g. alert levels). x: the local forecast date (`date` of each
 * row); y: the target in `unit`. Rows are sorted by date; a non-finite value leaves a gap (lines
 * are not drawn across it). The y scale of every panel runs from 0 to 1.05 × the largest value drawn
 * (forecast, interval, observed, threshold), or `yMax` (what lies above is clipped).
 *
 * @param rows forecasts, e.g. concatenated {@link rollingOriginForecast} outputs of several methods
 * @returns a Vega-Lite `vconcat` spec, one layered panel per method or lead; each panel's layers
 *   carry their own inline data: bands `{ lo, hi, name, colour }`, interval `{ date, lower, upper, segment }`,
 *   lines `{ date, value, series, segment }` (series = the localised "Forecast"/"Observed"),
 *   thresholds `{ value, label }`
 * @throws {RangeError} when no row is left to draw, a panel would mix leads (panels "method") or
 *   methods (panels "lead"), two rows share a panel and date, the unit does not fit the bands'
 *   target, or the size is not positive
 */
export function forecastSeriesSpec(rows: readonly ForecastRow[], opts: ForecastSeriesOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width, opts.panelHeight, 200);
  const by = opts.panels ?? "method";
  const kept = rows.filter(
    (r) =>
      (!opts.methods || opts.methods.includes(r.method)) &&
      (!opts.leads || opts.leads.includes(r.lead)) &&
      (!opts.from || r.date >= opts.from) &&
      (!opts.to || r.date <= opts.to),
  );
  if (kept.length === 0)
    throw new RangeError("forecastSeriesSpec: no forecast rows to draw (check methods, leads, from, to)");
  const other = by === "method" ? "lead" : "method";
  const others = [...new Set(kept.map((r) => r[other]))];
  if (others.length > 1)
    throw new RangeError(
      `forecastSeriesSpec: panels by ${by} need one ${other}, found ${others.join(", ")} (pass ${other === "lead" ? "leads" : "methods"}: [one])`,
    );
  const keys: (ForecastMethod | number)[] =
    by === "method"
      ? (opts.methods ?? [...new Set(kept.map((r) => r.method))]).filter((m) => kept.some((r) => r.method === m))
      : [...new Set(kept.map((r) => r.lead))].sort((a, b) => a - b);
  let bands: CategoryBand[] = [];
  if (opts.bands) {
    const std = opts.bands.standard ?? "cn-2026";
    const want = bandUnit(opts.bands.target, std);
    if (want !== "1" && opts.unit !== want)
      throw new RangeError(
        `forecastSeriesSpec: ${opts.bands.target} bands of ${std} are in ${want}, the forecasts are in ${opts.unit}`,
      );
    bands = forecastCategoryBands(opts.bands.target, std, lang);
  }
  const thresholds = (opts.thresholds ?? []).map((t) => ({ value: t.value, label: t.label }));
  let yMax = 0;
  for (const r of kept)
    for (const v of [r.value, r.lower, r.upper, r.observed ?? NaN]) if (Number.isFinite(v) && v > yMax) yMax = v;
  for (const t of thresholds) if (Number.isFinite(t.value) && t.value > yMax) yMax = t.value;
  yMax = opts.yMax ?? (yMax > 0 ? yMax * 1.05 : 1);
  if (!(yMax > 0)) throw new RangeError(`forecastSeriesSpec: yMax must be a positive number, got ${opts.yMax}`);
  const bandRows = bands
    .filter((b) => b.lo < yMax)
    .map((b) => ({ lo: b.lo, hi: Math.min(b.hi, yMax), name: b.name, colour: b.colour }));
  const fcName = forecastLabel("forecast", lang),
    obName = forecastLabel("observed", lang);
  const [pl, ph] = opts.interval ?? [0.1, 0.9];
  const ivName = `${forecastLabel("predictionInterval", lang)} (${Math.round(pl * 100)}–${Math.round(ph * 100)} %)`;
  const colourScale = { domain: [obName, fcName, ivName], range: [OBSERVED_COLOUR, FORECAST_COLOUR, INTERVAL_COLOUR] };
  const font = fontFor(lang);
  const yTitle = withUnit(
    opts.bands?.target === "aqi" || opts.unit === "1" ? "AQI" : forecastLabel("forecast", lang) + " / " + obName,
    opts.unit,
  );
  const panelTitle = (k: ForecastMethod | number) =>
    typeof k === "number"
      ? `${forecastLabel("lead", lang)} ${k} ${forecastLabel("days", lang)}`
      : forecastLabel(k, lang);
  const x = {
    field: "date",
    type: "temporal" as const,
    scale: { type: "utc" as const },
    axis: { format: TIME_AXIS_FORMAT },
    title: forecastLabel("date", lang),
  };
  const parse = { format: { parse: { date: LOCAL_ISO_PARSE } } };
  const yScale = { domain: [0, yMax], nice: false, zero: true };
  const panels = keys.map((k) => {
    const mine = kept
      .filter((r) => (by === "method" ? r.method === k : r.lead === k))
      .slice()
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let i = 1; i < mine.length; i++)
      if (mine[i].date === mine[i - 1].date)
        throw new RangeError(`forecastSeriesSpec: two forecasts for ${mine[i].date} in panel ${String(k)}`);
    const dates = mine.map((r) => r.date);
    const ivRows: { date: string; lower: number; upper: number; segment: string }[] = [];
    let run = -1;
    mine.forEach((r, i) => {
      const ok = (j: number) => j >= 0 && Number.isFinite(mine[j].lower) && Number.isFinite(mine[j].upper);
      if (!ok(i)) return;
      if (run < 0 || !ok(i - 1)) run++;
      ivRows.push({ date: r.date + "T00:00:00", lower: r.lower, upper: r.upper, segment: `iv:${run}` });
    });
    const lines = [
      ...segmented(
        dates,
        mine.map((r) => r.observed ?? NaN),
        "obs",
      ).map((r) => ({ ...r, series: obName })),
      ...segmented(
        dates,
        mine.map((r) => r.value),
        "fc",
      ).map((r) => ({ ...r, series: fcName })),
    ];
    const layer: Record<string, unknown>[] = [];
    if (bandRows.length)
      layer.push({
        data: { values: bandRows },
        mark: { type: "rect", opacity: 0.15, clip: true },
        encoding: {
          y: { field: "lo", type: "quantitative", scale: yScale },
          y2: { field: "hi" },
          fill: {
            field: "name",
            type: "nominal",
            scale: { domain: bands.map((b) => b.name), range: bands.map((b) => b.colour) },
            title: forecastLabel("aqiCategory", lang),
            legend: { symbolOpacity: 0.5 },
          },
        },
      });
    layer.push({
      data: { values: ivRows, ...parse },
      mark: { type: "area", opacity: 0.45, clip: true },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", scale: yScale, title: yTitle },
        y2: { field: "upper" },
        detail: { field: "segment", type: "nominal" },
        // the interval's own entry in the series legend
        color: { datum: ivName, type: "nominal", scale: colourScale, title: forecastLabel("series", lang) },
      },
    });
    layer.push({
      data: { values: lines, ...parse },
      mark: { type: "line", strokeWidth: 1.3, clip: true, point: { size: 10, filled: true } },
      encoding: {
        x,
        y: { field: "value", type: "quantitative", scale: yScale, title: yTitle },
        color: {
          field: "series",
          type: "nominal",
          scale: colourScale,
          title: forecastLabel("series", lang),
          legend: { symbolOpacity: 1 },
        },
        detail: { field: "segment", type: "nominal" },
      },
    });
    if (thresholds.length) {
      layer.push({
        data: { values: thresholds },
        mark: { type: "rule", strokeDash: [5, 3], color: "#7e0023", strokeWidth: 1.2, clip: true },
        encoding: { y: { field: "value", type: "quantitative", scale: yScale } },
      });
      layer.push({
        data: { values: thresholds },
        mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -2, color: "#7e0023", fontSize: 10 },
        encoding: {
          y: { field: "value", type: "quantitative", scale: yScale },
          x: { value: 0 },
          text: { field: "label" },
        },
      });
    }
    return { title: panelTitle(k), width, height, layer };
  });
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: panels,
    resolve: { scale: { x: "shared" } },
    config: fontConfig(font),
  } as unknown as TopLevelSpec;
}

/** The K × K output of `categoryScores` (only the parts the figure uses). */
export interface CategoryTable {
  /** `table[i][j]` = pairs with forecast category i and observed category j. */
  table: number[][];
  n: number;
  accuracy: number;
  HSS: number;
}

/** Options of {@link contingencySpec}. */
export interface ContingencyOptions {
  /** Category names in table order (required for a K × K table; for a 2 × 2 table default "Yes", "No"). */
  categories?: readonly string[];
  /** What the event is (e.g. `"AQI > 200"`), shown in the subtitle of a 2 × 2 table. */
  event?: string;
  /** Scores of one event to add to the subtitle of a K × K table (e.g. `eventScores` at AQI > 200). */
  eventScores?: EventScores;
  lang?: Lang;
  title?: string;
  /** Whole-figure width and height in pixels (defaults 420 × 360). */
  width?: number;
  height?: number;
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "—");

function eventSubtitle(s: EventScores, event?: string): string {
  return `${event ? event + ": " : ""}POD ${fmt(s.POD)} · FAR ${fmt(s.FAR)} · CSI ${fmt(s.CSI)} · HSS ${fmt(s.HSS)}`;
}

/**
 * Contingency table of forecast against observed categories as a heat map: rows (y) = forecast
 * category, columns (x) = observed category, colour and text = the count of pairs. A 2 × 2 table
 * comes from `eventScores` (rows and columns "Yes"/"No": hits, false alarms in the "Yes" forecast
 * row; misses, correct negatives in the "No" row; subtitle POD, FAR, CSI, HSS and n); a K × K table
 * from `categoryScores` (`categories` names its rows and columns; subtitle proportion correct PC,
 * multi-category HSS and n, and POD/FAR/CSI/HSS of `eventScores` when given). Scores with a zero
 * denominator (NaN) are shown as "—".
 *
 * @param scores the output of `eventScores` or `categoryScores` (src/stats/contingency.ts)
 * @returns a Vega-Lite spec with inline rows `{ forecast, observed, count, fi, oi }`
 * @throws {RangeError} when a K × K table is not square, the category names do not match its size or repeat, or the size is not positive
 */
export function contingencySpec(scores: EventScores | CategoryTable, opts: ContingencyOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width ?? 420, opts.height, 360);
  let table: number[][];
  let names: string[];
  let subtitle: string[];
  if ("table" in scores) {
    table = scores.table;
    const K = table.length;
    if (K === 0 || table.some((r) => r.length !== K))
      throw new RangeError("contingencySpec: the table must be square and non-empty");
    if (!opts.categories || opts.categories.length !== K)
      throw new RangeError(
        `contingencySpec: a ${K} × ${K} table needs ${K} category names, got ${opts.categories?.length ?? 0}`,
      );
    names = opts.categories.slice();
    subtitle = [`PC ${fmt(scores.accuracy)} · HSS ${fmt(scores.HSS)} · n = ${scores.n}`];
    if (opts.eventScores) subtitle.push(eventSubtitle(opts.eventScores, opts.event));
  } else {
    const s = scores;
    table = [
      [s.hits, s.falseAlarms],
      [s.misses, s.correctNegatives],
    ];
    names = opts.categories ? opts.categories.slice() : [forecastLabel("yes", lang), forecastLabel("no", lang)];
    if (names.length !== 2)
      throw new RangeError(`contingencySpec: a 2 × 2 table needs 2 category names, got ${names.length}`);
    const n = s.hits + s.falseAlarms + s.misses + s.correctNegatives;
    subtitle = [`${eventSubtitle(s, opts.event)} · n = ${n}`];
  }
  if (new Set(names).size !== names.length) throw new RangeError("contingencySpec: category names repeat");
  const rows: { forecast: string; observed: string; count: number; fi: number; oi: number }[] = [];
  let max = 0;
  table.forEach((r, i) =>
    r.forEach((count, j) => {
      rows.push({ forecast: names[i], observed: names[j], count, fi: i, oi: j });
      if (count > max) max = count;
    }),
  );
  const font = fontFor(lang);
  const fcTitle = forecastLabel("forecast", lang),
    obTitle = forecastLabel("observed", lang);
  return {
    ...specFrame(undefined, width, height),
    title: { text: opts.title ?? forecastLabel("contingencyTable", lang), subtitle },
    data: { values: rows },
    encoding: {
      x: {
        field: "observed",
        type: "nominal",
        sort: names,
        scale: { domain: names },
        title: obTitle,
        axis: { labelAngle: names.every((c) => estimateTextWidth(c, 10) <= (width - 140) / names.length) ? 0 : -35 },
      },
      y: { field: "forecast", type: "nominal", sort: names, scale: { domain: names }, title: fcTitle },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white" },
        encoding: {
          color: {
            field: "count",
            type: "quantitative",
            scale: { scheme: "blues", domain: [0, Math.max(1, max)] },
            title: forecastLabel("count", lang),
          },
        },
      },
      {
        mark: { type: "text", fontSize: 13 },
        encoding: {
          text: { field: "count", type: "quantitative" },
          color: { condition: { test: `datum.count > ${max / 2}`, value: "white" }, value: "black" },
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}

/** Options of {@link forecastScatterSpec}. */
export interface ForecastScatterOptions {
  /** Unit of forecasts and observations. */
  unit: string;
  /** Methods and leads to draw (default all present); points are coloured by method (and lead when several). */
  methods?: readonly ForecastMethod[];
  leads?: readonly number[];
  lang?: Lang;
  title?: string;
  /** Plot width and height in pixels (default 360 × 360; axes and legend outside). */
  width?: number;
  height?: number;
}

/**
 * Forecast (y) against observed (x) scatter with the 1:1 line (solid) and the FAC2 bounds
 * y = 2x and y = x/2 (dashed: a forecast between them is within a factor of two of the
 * observation, the FAC2 of `modStats`). Both axes run from 0 to 1.05 × the largest value;
 * pairs with a non-finite forecast or observation are left out (the count drawn is in the subtitle).
 *
 * @param rows forecasts with their observations (e.g. {@link rollingOriginForecast} outputs)
 * @returns a Vega-Lite spec: points `{ observed, forecast, series, date }`, lines `{ line, dash, x, y }`
 * @throws {RangeError} when no pair is left to draw or the size is not positive
 */
export function forecastScatterSpec(rows: readonly ForecastRow[], opts: ForecastScatterOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width ?? 360, opts.height, 360);
  const kept = rows.filter(
    (r) =>
      (!opts.methods || opts.methods.includes(r.method)) &&
      (!opts.leads || opts.leads.includes(r.lead)) &&
      Number.isFinite(r.value) &&
      Number.isFinite(r.observed ?? NaN),
  );
  if (kept.length === 0) throw new RangeError("forecastScatterSpec: no pair with a finite forecast and observation");
  const severalLeads = new Set(kept.map((r) => r.lead)).size > 1;
  const seriesOf = (r: ForecastRow) =>
    forecastLabel(r.method, lang) +
    (severalLeads ? `, ${forecastLabel("lead", lang)} ${r.lead} ${forecastLabel("days", lang)}` : "");
  const pts = kept.map((r) => ({
    observed: r.observed as number,
    forecast: r.value,
    series: seriesOf(r),
    date: r.date,
  }));
  const series = [...new Set(pts.map((p) => p.series))];
  let hi = 0;
  for (const p of pts) hi = Math.max(hi, p.observed, p.forecast);
  hi = hi > 0 ? hi * 1.05 : 1;
  const one = forecastLabel("oneToOne", lang),
    fac2 = forecastLabel("fac2", lang);
  const lines = [
    { line: one, dash: "solid", x: 0, y: 0 },
    { line: one, dash: "solid", x: hi, y: hi },
    { line: fac2 + " ×2", dash: "dashed", x: 0, y: 0 },
    { line: fac2 + " ×2", dash: "dashed", x: hi / 2, y: hi },
    { line: fac2 + " ×½", dash: "dashed", x: 0, y: 0 },
    { line: fac2 + " ×½", dash: "dashed", x: hi, y: hi / 2 },
  ];
  const scale = { domain: [0, hi], nice: false };
  const font = fontFor(lang);
  return {
    ...specFrame(undefined, width, height, { fit: false }),
    title: { text: opts.title ?? forecastLabel("forecastVsObserved", lang), subtitle: `n = ${pts.length}` },
    layer: [
      {
        data: { values: lines },
        mark: { type: "line", clip: true, color: "gray", strokeWidth: 1 },
        encoding: {
          x: { field: "x", type: "quantitative", scale },
          y: { field: "y", type: "quantitative", scale },
          strokeDash: {
            field: "dash",
            type: "nominal",
            scale: {
              domain: ["solid", "dashed"],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
            legend: {
              title: forecastLabel("line", lang),
              labelExpr: `datum.label === 'solid' ? ${JSON.stringify(one)} : ${JSON.stringify(fac2)}`,
            },
          },
          detail: { field: "line", type: "nominal" },
        },
      },
      {
        data: { values: pts },
        mark: { type: "point", filled: true, opacity: 0.55, size: 18 },
        encoding: {
          x: {
            field: "observed",
            type: "quantitative",
            scale,
            title: withUnit(forecastLabel("observed", lang), opts.unit),
          },
          y: {
            field: "forecast",
            type: "quantitative",
            scale,
            title: withUnit(forecastLabel("forecast", lang), opts.unit),
          },
          color: { field: "series", type: "nominal", scale: { domain: series }, title: forecastLabel("method", lang) },
          tooltip: [{ field: "date" }, { field: "observed" }, { field: "forecast" }],
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}
