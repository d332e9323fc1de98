/**
 * Figures of the observation-based box model: the ozone budget by hour, the radicals' diurnal cycle and
 * the RIR of the precursor groups.
 * @packageDocumentation
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
  toLocalIso,
  withUnit,
} from "../figures/specs";
import { mean } from "../stats/moments";
import { formatOffset, parseOffset, type OffsetLike } from "../table/time";
import { photoLabel, type PhotochemLabelKey } from "./labels";
import type { ObmResult, RirResult } from "./obm";

/** Options of {@link obmBudgetSpec} and {@link obmRadicalsSpec}. */
export interface ObmFigureOptions {
  /** The site's UTC offset (minutes or text such as `"+08:00"`); the x axis shows this local time. */
  utcOffset: OffsetLike;
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Figure title (optional). */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
  /** Height in pixels (default 320; for the radicals, of each of the two panels, default 170). */
  height?: number;
}

/** Colours of the budget terms: production blues/greens, losses reds/oranges. */
const TERM_COLOURS: Record<string, string> = {
  "HO2+NO": "#1f77b4",
  "RO2+NO": "#17becf",
  "OH+NO2": "#d62728",
  "O1D+H2O": "#ff7f0e",
  "O3+OH": "#8c564b",
  "O3+HO2": "#e377c2",
  "O3+VOC": "#bcbd22",
};

/**
 * The ozone (Ox) budget of an OBM run by hour: the production terms HO2+NO and RO2+NO stacked above zero,
 * the loss terms (OH+NO2, O(1D)+H2O, O3+OH, O3+HO2, O3+alkenes) stacked below zero, and net P(O3) = P − L as a
 * black line, all in ppb h⁻¹, against the site's local time (the end of each interval, where `runObm` reports
 * the rates).
 * @param result - from `runObm` (or `relativeIncrementalReactivity(...).base`)
 * @param opts - UTC offset, language, title and size
 * @returns a Vega-Lite spec (a layer of stacked bars and a line) with inline data
 * @throws {RangeError} when the offset or language is not valid, or the size is not positive
 */
export function obmBudgetSpec(result: ObmResult, opts: ObmFigureOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const offset = parseOffset(opts.utcOffset);
  const { width, height } = checkSize(opts.width, opts.height);
  const b = result.budget;
  const rows: { time: string; term: string; rate: number }[] = [];
  const order = [...Object.keys(b.production), ...Object.keys(b.loss)];
  result.timesUtc.forEach((t, i) => {
    const time = toLocalIso(t, offset);
    for (const [term, s] of Object.entries(b.production)) rows.push({ time, term, rate: s[i] });
    for (const [term, s] of Object.entries(b.loss)) rows.push({ time, term, rate: -s[i] });
  });
  const net = result.timesUtc.map((t, i) => ({ time: toLocalIso(t, offset), net: b.net[i] }));
  const x = {
    field: "time",
    type: "temporal" as const,
    scale: { type: "utc" as const },
    axis: { format: "%m-%d %H:%M", labelAngle: 0 },
    title: `${photoLabel("localTime", lang)} (UTC${formatOffset(offset)})`,
  };
  const yTitle = withUnit(photoLabel("o3Rate", lang), "ppb h⁻¹");
  const netLabel = photoLabel("netPO3", lang);
  return {
    ...specFrame(opts.title, width, height),
    layer: [
      {
        data: { values: rows, format: { parse: { time: LOCAL_ISO_PARSE } } },
        mark: { type: "bar" as const },
        encoding: {
          x: { ...x, timeUnit: "utcyearmonthdatehours" },
          y: { field: "rate", type: "quantitative" as const, stack: "zero", title: yTitle },
          color: {
            field: "term",
            type: "nominal" as const,
            scale: {
              domain: [...order, netLabel],
              range: [...order.map((k) => TERM_COLOURS[k] ?? "#7f7f7f"), "black"],
            },
            legend: { title: photoLabel("budgetTerm", lang) },
          },
          order: { field: "term", sort: "ascending" as const },
        },
      },
      {
        data: { values: net, format: { parse: { time: LOCAL_ISO_PARSE } } },
        mark: { type: "line" as const, strokeWidth: 2, point: { filled: true, size: 18 } },
        encoding: {
          x: { ...x, timeUnit: "utcyearmonthdatehours" },
          y: { field: "net", type: "quantitative" as const, title: yTitle },
          color: { datum: netLabel },
        },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/**
 * Mean diurnal cycle of OH (top panel, 10⁶ molecules cm⁻³) and HO2 and RO2 (bottom panel, 10⁸ molecules cm⁻³) of an
 * OBM run, by local hour of the output instant (the mean over the days of the run; one day gives the run itself).
 * @param result - from `runObm`
 * @param opts - UTC offset, language, title and size (height per panel)
 * @returns a Vega-Lite spec (vertical concatenation) with inline data
 * @throws {RangeError} when the offset or language is not valid, or the size is not positive
 */
export function obmRadicalsSpec(result: ObmResult, opts: ObmFigureOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const offset = parseOffset(opts.utcOffset);
  const { width, height } = checkSize(opts.width, opts.height, 170);
  const hourOf = (t: number) => Math.floor(((((t / 60000 + offset) % 1440) + 1440) % 1440) / 60);
  const byHour = (s: Float64Array, scale: number) => {
    const bins: number[][] = Array.from({ length: 24 }, () => []);
    result.timesUtc.forEach((t, i) => bins[hourOf(t)].push(s[i] / scale));
    return bins
      .map((v, h) => ({ h, v }))
      .filter((x) => x.v.length > 0)
      .map((x) => ({ hour: x.h, value: mean(x.v) }));
  };
  const rowsOf = (name: string, s: Float64Array, scale: number) =>
    byHour(s, scale).map((r) => ({ ...r, radical: name }));
  const xHour = {
    field: "hour",
    type: "quantitative" as const,
    scale: { domain: [0, 23] },
    axis: { tickCount: 12, format: "d" },
    title: `${photoLabel("localHour", lang)} (UTC${formatOffset(offset)})`,
  };
  const panel = (values: object[], unit: string, domain: string[], range: string[]) => ({
    width,
    height,
    data: { values },
    mark: { type: "line" as const, point: true, strokeWidth: 2 },
    encoding: {
      x: xHour,
      y: { field: "value", type: "quantitative" as const, title: withUnit(photoLabel("concentration", lang), unit) },
      color: {
        field: "radical",
        type: "nominal" as const,
        scale: { domain, range },
        legend: { title: photoLabel("radicals", lang) },
      },
    },
  });
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: [
      panel(rowsOf("OH", result.radicals.OH, 1e6), "10⁶ cm⁻³", ["OH"], ["#d62728"]),
      panel(
        [...rowsOf("HO2", result.radicals.HO2, 1e8), ...rowsOf("RO2", result.radicals.RO2, 1e8)],
        "10⁸ cm⁻³",
        ["HO2", "RO2"],
        ["#1f77b4", "#2ca02c"],
      ),
    ],
    resolve: { scale: { color: "independent" } },
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/** Options of {@link rirSpec}. */
export interface RirFigureOptions {
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Figure title (optional). */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
  /** Height in pixels (default 320). */
  height?: number;
}

/**
 * RIR bars per precursor group (Cardelino & Chameides 1995; `relativeIncrementalReactivity`): positive bars
 * (reducing the group reduces ozone production) in blue, negative in red, with the value written on each bar.
 * Group names `AVOC`, `BVOC`, `CO`, `NOx` are translated; other names are shown as given.
 * @param rir - from `relativeIncrementalReactivity`
 * @param opts - language, title and size
 * @returns a Vega-Lite bar spec with inline data
 * @throws {RangeError} when the language is not valid or the size is not positive
 */
export function rirSpec(rir: RirResult, opts: RirFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width, opts.height);
  const known = new Set<string>(["AVOC", "BVOC", "CO", "NOx"]);
  const values = Object.entries(rir.groups).map(([g, r]) => ({
    group: known.has(g) ? photoLabel(g as PhotochemLabelKey, lang) : g,
    rir: r.rir,
    label: r.rir.toFixed(2),
    sign: r.rir >= 0 ? "+" : "−",
  }));
  const x = {
    field: "group",
    type: "nominal" as const,
    sort: values.map((v) => v.group),
    axis: { labelAngle: 0 },
    title: photoLabel("precursorGroup", lang),
  };
  return {
    ...specFrame(opts.title, width, height),
    data: { values },
    layer: [
      {
        mark: { type: "bar" as const },
        encoding: {
          x,
          y: { field: "rir", type: "quantitative" as const, title: photoLabel("rir", lang) },
          color: {
            field: "sign",
            type: "nominal" as const,
            scale: { domain: ["+", "−"], range: ["#1f77b4", "#d62728"] },
            legend: null,
          },
        },
      },
      {
        mark: { type: "text" as const, dy: -6, fontSize: 11 },
        encoding: { x, y: { field: "rir", type: "quantitative" as const }, text: { field: "label" } },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule" as const, color: "black" },
        encoding: { y: { field: "zero", type: "quantitative" as const } },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
