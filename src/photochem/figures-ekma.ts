/**
 * The EKMA isopleth figure of {@link ekmaIsopleths}.
 * @packageDocumentation
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { contourLines } from "../figures/contour";
import type { Lang } from "../figures/labels";
import { checkSize, fontConfig, fontFor, specFrame, withUnit } from "../figures/specs";
import { ekmaRegime, type EkmaResult } from "./ekma";
import { photoLabel } from "./labels";

/** Options of {@link ekmaIsoplethSpec}. */
export interface EkmaIsoplethOptions {
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Which metric to draw (default the result's `metric`). */
  metric?: "peakO3" | "netPO3";
  /** Axes in scalings of the observations (default) or in ppb (scaling × the observed mean). */
  axes?: "scaling" | "ppb";
  /** Contour levels (ppb); default about 8 round levels across the grid's range. */
  levels?: readonly number[];
  /** Figure title (default "O3 isopleths (EKMA)" in the language). */
  title?: string;
  /** Width and height in pixels (default 560 × 460). */
  width?: number;
  height?: number;
}

/** About `count` round levels (1, 2, 2.5 or 5 × 10ⁿ apart) strictly inside [lo, hi]. */
function niceLevels(lo: number, hi: number, count = 8): number[] {
  if (!(hi > lo)) return [];
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= 0.75 * raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v < hi; v += step) if (v > lo) out.push(+v.toPrecision(12));
  return out;
}

/**
 * EKMA ozone isopleth diagram: contour lines of peak O3 (or daytime net P(O3)) over the VOC (x) ×
 * NOx (y) grid of an {@link ekmaIsopleths} result, computed in the library by marching squares
 * (`contourLines`) and drawn as labelled lines; the ridge line (dashed; the NOx of maximum O3 for each
 * VOC, where it lies inside the grid), and the observed point with its regime (both of the metric
 * drawn: for the result's other metric they are recomputed with `ekmaRegime` and the result's band). The axes are scalings of
 * the observations, or ppb (scaling × the observed means of the result's `observed`).
 *
 * @param result - the result of {@link ekmaIsopleths}
 * @param opts - language, metric, axes, levels, title, size
 * @returns a Vega-Lite spec (layers) with inline data
 * @throws {RangeError} when the size or the language is not valid, or a level is not finite
 */
export function ekmaIsoplethSpec(result: EkmaResult, opts: EkmaIsoplethOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const metric = opts.metric ?? result.metric;
  const { width, height } = checkSize(opts.width ?? 560, opts.height ?? 460);
  const z = metric === "peakO3" ? result.peakO3 : result.netPO3;
  const flat = z.flat();
  const levels = opts.levels ?? niceLevels(Math.min(...flat), Math.max(...flat));
  const ppbAxes = opts.axes === "ppb";
  const fx = ppbAxes ? result.observed.vocPpb : 1;
  const fy = ppbAxes ? result.observed.noxPpb : 1;
  const xs = result.vocScales.map((v) => v * fx);
  const ys = result.noxScales.map((v) => v * fy);
  const contours = contourLines(z, xs, ys, levels);
  const lineRows: { x: number; y: number; level: number; line: string; k: number }[] = [];
  const labelRows: { x: number; y: number; text: string }[] = [];
  contours.forEach((c, q) =>
    c.lines.forEach((line, m) => {
      line.forEach((p, k) => lineRows.push({ x: p.x, y: p.y, level: c.level, line: `${q}-${m}`, k }));
      const mid = line[Math.floor(line.length / 2)];
      labelRows.push({ x: mid.x, y: mid.y, text: String(c.level) });
    }),
  );
  // the ridge and regime of the metric drawn (the result's own when it is the result's metric)
  const regime =
    metric === result.metric
      ? result.regime
      : ekmaRegime({ vocScales: result.vocScales, noxScales: result.noxScales, values: z }, result.regime.band);
  const ridgeRows = regime.ridge
    .filter((p) => p.edge === undefined)
    .map((p) => ({ x: p.vocScale * fx, y: p.noxScale * fy }));
  const regimeKey =
    regime.regime === "VOC-limited" ? "vocLimited" : regime.regime === "NOx-limited" ? "noxLimited" : "transitional";
  const metricTitle = withUnit(photoLabel(metric === "peakO3" ? "peakO3" : "daytimeNetPO3", lang), "ppb");
  const xTitle = ppbAxes ? withUnit(photoLabel("vocModel", lang), "ppb") : photoLabel("vocScaling", lang);
  const yTitle = ppbAxes ? withUnit(photoLabel("nox", lang), "ppb") : photoLabel("noxScaling", lang);
  const xScale = { domain: [xs[0], xs[xs.length - 1]], nice: false, zero: false };
  const yScale = { domain: [ys[0], ys[ys.length - 1]], nice: false, zero: false };
  const enc = {
    x: { field: "x", type: "quantitative" as const, title: xTitle, scale: xScale },
    y: { field: "y", type: "quantitative" as const, title: yTitle, scale: yScale },
  };
  return {
    ...specFrame(opts.title ?? photoLabel("ekmaTitle", lang), width, height),
    layer: [
      {
        data: { values: lineRows },
        mark: { type: "line", strokeWidth: 1.6, clip: true },
        encoding: {
          ...enc,
          color: {
            field: "level",
            type: "quantitative",
            title: metricTitle,
            scale: { scheme: "orangered" },
            legend: { orient: "bottom", direction: "horizontal", gradientLength: 220, titleLimit: 400 },
          },
          detail: { field: "line", type: "nominal" },
          order: { field: "k", type: "quantitative" },
        },
      },
      {
        data: { values: labelRows },
        mark: { type: "text", fontSize: 10, color: "#333", dy: -6 },
        encoding: { ...enc, text: { field: "text", type: "nominal" } },
      },
      {
        data: { values: ridgeRows },
        mark: { type: "line", color: "black", strokeDash: [6, 4], strokeWidth: 2 },
        encoding: { ...enc, order: { field: "x", type: "quantitative" } },
      },
      {
        data: { values: ridgeRows.length ? [ridgeRows[ridgeRows.length - 1]] : [] },
        mark: { type: "text", align: "right", dx: -4, dy: -8, fontSize: 11, fontWeight: "bold" },
        encoding: { ...enc, text: { value: photoLabel("ridge", lang) } },
      },
      {
        data: { values: [{ x: fx, y: fy }] },
        mark: { type: "point", shape: "diamond", filled: true, size: 140, color: "#1f77b4" },
        encoding: enc,
      },
      {
        data: { values: [{ x: fx, y: fy }] },
        mark: { type: "text", align: "left", dx: 9, dy: 12, fontSize: 11, fontWeight: "bold", color: "#1f77b4" },
        encoding: {
          ...enc,
          text: { value: `${photoLabel("observedPoint", lang)}: ${photoLabel(regimeKey, lang)}` },
        },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
