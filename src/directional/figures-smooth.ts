/** Vega-Lite figures of openair's smoothTrend and conditionalQuantile (issue #18); labels en/ja/zh. */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import {
  LOCAL_ISO_PARSE,
  TIME_AXIS_FORMAT,
  checkSize,
  fontConfig,
  fontFor,
  specFrame,
  toLocalIso,
  withUnit,
} from "../figures/specs";
import { formatOffset } from "../table/time";
import { dirLabel } from "./labels";
import type { SmoothTrendResult } from "./smoothtrend";
import type { ConditionalQuantileResult } from "./condquantile";

/**
 * {@link smoothTrend} as openair draws it: the period values (points joined by a thin line), the
 * GAM curve and its band (shaded; the level and whether analytic or bootstrap in the legend),
 * against local time at the site's offset. `unit` is the values' unit.
 * @throws {RangeError} when the size is not positive
 */
export function smoothTrendSpec(
  res: SmoothTrendResult,
  unit: string,
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width, opts.height, 300);
  const off = res.utcOffsetMinutes;
  // consecutive valid periods share a segment: the line breaks at a missing period (openair draws type "b" with NA gaps)
  let seg = 0;
  const pts = res.periods
    .map((p, i) => {
      if (i > 0 && !Number.isFinite(res.periods[i - 1].y)) seg++;
      return { time: toLocalIso(p.time, off), y: p.y, segment: seg };
    })
    .filter((p) => Number.isFinite(p.y));
  const curve = res.fit.map((p) => ({ time: toLocalIso(p.time, off), pred: p.pred, lower: p.lower, upper: p.upper }));
  const meanKey = res.avgTime === "month" ? "monthlyMean" : res.avgTime === "season" ? "seasonalMean" : "annualMean";
  const yTitle = withUnit(
    dirLabel(meanKey, lang) + (res.deseasonalised ? ` (${dirLabel("deseasonalised", lang)})` : ""),
    unit,
  );
  const bandName = `${Math.round(res.level * 100)} % ${dirLabel("interval", lang)}${res.band === "bootstrap" ? ` (${dirLabel("bootstrap", lang)})` : ""}`;
  const names = [dirLabel(meanKey, lang), dirLabel("gamFit", lang), bandName];
  const colour = {
    field: "what",
    type: "nominal",
    scale: { domain: names, range: ["#4c78a8", "#e45756", "#f2a5a4"] },
    title: null,
  };
  const x = {
    field: "time",
    type: "temporal",
    scale: { type: "utc" },
    axis: { format: TIME_AXIS_FORMAT, formatType: "utc" },
    title: `${dirLabel("time", lang)} (UTC${formatOffset(off)})`,
  };
  const parse = { format: { parse: { time: LOCAL_ISO_PARSE } } };
  return {
    ...specFrame(opts.title ?? dirLabel("smoothTrend", lang), width, height),
    layer: [
      {
        data: { values: curve.map((c) => ({ ...c, what: names[2] })), ...parse },
        mark: { type: "area", opacity: 0.45 },
        encoding: {
          x,
          y: { field: "lower", type: "quantitative", title: yTitle, scale: { zero: false } },
          y2: { field: "upper" },
          color: colour,
        },
      },
      {
        data: { values: pts.map((p) => ({ ...p, what: names[0] })), ...parse },
        mark: { type: "line", point: { size: 18 }, strokeWidth: 0.8 },
        encoding: {
          x,
          y: { field: "y", type: "quantitative" },
          color: { ...colour, legend: null },
          detail: { field: "segment", type: "nominal" },
        },
      },
      {
        data: { values: curve.map((c) => ({ ...c, what: names[1] })), ...parse },
        mark: { type: "line", strokeWidth: 2.2 },
        encoding: { x, y: { field: "pred", type: "quantitative" }, color: { ...colour, legend: null } },
      },
    ],
    resolve: { scale: { color: "independent", fill: "independent", stroke: "independent" } },
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/**
 * {@link conditionalQuantile} as openair draws it: observed against predicted (bin centres), the
 * 10–90th and 25–75th percentile bands, the median and the perfect-model line over the observed
 * range (openair's colours: YlOrRd 1, 2, 5 and #0080ff), with the histograms of the predicted
 * (grey bars) and observed values (blue outline) in a panel below. `unit` is the values' unit.
 * @throws {RangeError} when the size is not positive
 */
export function conditionalQuantileSpec(
  res: ConditionalQuantileResult,
  unit: string,
  opts: { lang?: Lang; title?: string; size?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width } = checkSize(opts.size ?? 360, opts.size ?? 360);
  const names = [
    dirLabel("quantile25to75", lang),
    dirLabel("quantile10to90", lang),
    dirLabel("median", lang),
    dirLabel("perfectModel", lang),
  ];
  const colours = ["#FFFFB2", "#FECC5C", "#BD0026", "#0080ff"];
  const colour = { field: "what", type: "nominal", scale: { domain: names, range: colours }, title: null };
  const lo = res.histogramBreaks[0],
    hi = res.histogramBreaks[res.histogramBreaks.length - 1] * 1.05;
  const dom = { domain: [lo, hi], nice: false, zero: false };
  const xTitle = withUnit(dirLabel("predictedValue", lang), unit);
  const yTitle = withUnit(dirLabel("observedValue", lang), unit);
  const band = (a: "q10" | "q25", b: "q90" | "q75", what: string) =>
    res.bins.filter((r) => Number.isFinite(r[a])).map((r) => ({ x: r.x, lo: r[a], hi: r[b], what }));
  const med = res.bins.filter((r) => Number.isFinite(r.median)).map((r) => ({ x: r.x, y: r.median, what: names[2] }));
  const perfect = [res.obsRange[0], res.obsRange[1]].map((v) => ({ x: v, y: v, what: names[3] }));
  const hist = res.modCounts.map((c, j) => ({
    lo: res.histogramBreaks[j],
    hi: res.histogramBreaks[j + 1],
    mod: c,
    obs: res.obsCounts[j],
  }));
  const xEnc = { field: "x", type: "quantitative", scale: dom, title: xTitle };
  const histNames = [dirLabel("predictions", lang), dirLabel("observations", lang)];
  return {
    $schema: specFrame(undefined, width, width).$schema,
    title: { text: opts.title ?? dirLabel("conditionalQuantile", lang) },
    vconcat: [
      {
        width,
        height: width,
        layer: [
          {
            data: { values: band("q10", "q90", names[1]) },
            mark: { type: "area" },
            encoding: {
              x: xEnc,
              y: { field: "lo", type: "quantitative", scale: dom, title: yTitle },
              y2: { field: "hi" },
              color: colour,
            },
          },
          {
            data: { values: band("q25", "q75", names[0]) },
            mark: { type: "area" },
            encoding: {
              x: xEnc,
              y: { field: "lo", type: "quantitative", scale: dom },
              y2: { field: "hi" },
              color: colour,
            },
          },
          {
            data: { values: perfect },
            mark: { type: "line", strokeWidth: 1.5 },
            encoding: { x: xEnc, y: { field: "y", type: "quantitative", scale: dom }, color: colour },
          },
          {
            data: { values: med },
            mark: { type: "line", strokeWidth: 2 },
            encoding: { x: xEnc, y: { field: "y", type: "quantitative", scale: dom }, color: colour },
          },
        ],
      },
      {
        width,
        height: Math.round(width / 3),
        data: { values: hist.map((h) => ({ ...h, m: histNames[0], o: histNames[1] })) },
        layer: [
          {
            mark: { type: "rect", opacity: 0.18 },
            encoding: {
              fill: { field: "m", type: "nominal", scale: { range: ["#000000"] }, title: null },
              x: { field: "lo", type: "quantitative", scale: dom, title: xTitle },
              x2: { field: "hi" },
              y: { field: "mod", type: "quantitative", title: dirLabel("sampleSize", lang) },
              tooltip: [{ field: "mod", title: histNames[0] }],
            },
          },
          {
            mark: { type: "rect", fillOpacity: 0, strokeWidth: 1 },
            encoding: {
              stroke: { field: "o", type: "nominal", scale: { range: ["#0080ff"] }, title: null },
              x: { field: "lo", type: "quantitative", scale: dom },
              x2: { field: "hi" },
              y: { field: "obs", type: "quantitative" },
              tooltip: [{ field: "obs", title: histNames[1] }],
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: "independent", fill: "independent", stroke: "independent" } },
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
