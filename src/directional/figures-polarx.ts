/**
 * Vega-Lite figures of openair's polarFreq, the kernel-weighted two-pollutant polar statistics,
 * corPlot and conditionalQuantile (issue #18); labels en/ja/zh.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { fontConfig, fontFor, specFrame, withUnit } from "../figures/specs";
import { nameLabel } from "../figures/names";
import { arcEncoding, base, niceRings, polarFrame, polarSurfaceSpec, type PolarFigureOptions } from "./figures";
import { dirLabel } from "./labels";
import type { PolarFreqResult } from "./polarfreq";
import type { PolarPairResult } from "./polarnwr";
import type { CorPlotResult } from "./corplot";
import { byTypeSpec } from "./typefigures";

const D2R = Math.PI / 180;

/**
 * {@link polarFreq} cells as wedges: direction around, speed interval outward (rings in m/s),
 * colour = the statistic on a square-root scale (openair's default `trans = TRUE`). With
 * `openairNorthSplit` the 0° and 360° cells are drawn at the same place, 360° on top, as openair.
 * `unit` is the values' unit (ignored for `frequency` and `weighted-mean`); `domain` fixes the
 * colour scale (e.g. shared by panels).
 */
export function polarFreqSpec(
  res: PolarFreqResult,
  unit = "",
  opts: PolarFigureOptions & { domain?: [number, number] } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const w = res.sectorWidth;
  const maxWs = Math.max(res.maxWs, 1e-9);
  const data = [...res.cells]
    .sort((a, b) => a.wd - b.wd)
    .map((c) => ({
      t0: (c.wd - w / 2) * D2R,
      t1: (c.wd + w / 2) * D2R,
      r0: (c.wsLo / maxWs) * R,
      r1: (c.wsHi / maxWs) * R,
      value: c.value,
      n: c.n,
      wd: c.wd,
      ws: `${c.wsLo}–${c.wsHi}`,
    }));
  const key = {
    frequency: "count",
    mean: "mean",
    median: "median",
    max: "max",
    stdev: "stdev",
    "weighted-mean": "contribution",
  }[res.statistic];
  const legend =
    res.statistic === "frequency" || res.statistic === "weighted-mean"
      ? dirLabel(key, lang)
      : withUnit(dirLabel(key, lang), unit);
  return base(size, lang, opts.title ?? dirLabel("polarFreq", lang), [
    {
      data: { values: data },
      mark: { type: "arc", stroke: null },
      encoding: {
        ...arcEncoding({
          field: "value",
          type: "quantitative",
          scale: {
            type: "sqrt",
            scheme: opts.scheme ?? "viridis",
            zero: true,
            ...(opts.domain ? { domain: opts.domain } : {}),
          },
          title: legend,
        }),
        tooltip: [{ field: "wd" }, { field: "ws" }, { field: "value", format: ".4g" }, { field: "n" }],
      },
    },
    ...polarFrame(size, maxWs, niceRings(maxWs), " m/s", lang),
  ]);
}

/**
 * The panels of a {@link polarFreq} run with `type` (openair's `polarFreq(type = …)`): one
 * {@link polarFreqSpec} per level under strip titles in `lang`, every panel to the radius of all
 * rows and on one colour scale from 0 to the largest cell of any panel (openair's single key).
 * @param res a polarFreq result with `byType`
 * @param unit the values' unit (ignored for `frequency` and `weighted-mean`)
 * @param opts language, title, panel size (default 260), colour scheme, `columns`
 * @throws {RangeError} when the result has no `byType` (run polarFreq with `type`) or no panel
 */
export function polarFreqTypeSpec(
  res: PolarFreqResult,
  unit = "",
  opts: PolarFigureOptions & { columns?: number } = {},
): TopLevelSpec {
  if (!res.byType) throw new RangeError("polarFreqTypeSpec: the result has no byType (polarFreq with a type option)");
  let hi = 0;
  for (const p of res.byType.panels) for (const c of p.result.cells) if (c.value > hi) hi = c.value;
  const domain: [number, number] = [0, hi > 0 ? hi : 1];
  return byTypeSpec(
    res.byType,
    (r) => polarFreqSpec(r, unit, { lang: opts.lang, size: opts.size ?? 260, scheme: opts.scheme, domain, title: "" }),
    { lang: opts.lang, title: opts.title ?? dirLabel("polarFreq", opts.lang ?? "en"), columns: opts.columns },
  );
}

/**
 * A {@link polarPairStatistic} result as a polar heat map on its square grid (drawn by
 * the same drawing as {@link polarPlotSpec}; rings in m/s above the minimum speed). Correlations use a diverging
 * scheme ("blueorange"), slopes "viridis"; `unit` is the slope's unit (e.g. "ng/ng"; ignored for
 * correlations).
 */
export function polarPairSpec(res: PolarPairResult, unit = "", opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const corr = res.statistic === "r" || res.statistic === "spearman";
  const key = {
    r: "pearsonR",
    spearman: "spearmanR",
    "robust-slope": "robustSlope",
    "quantile-slope": "quantileSlope",
    "york-slope": "yorkSlope",
  }[res.statistic];
  const legendTitle = corr || unit === "" ? dirLabel(key, lang) : withUnit(dirLabel(key, lang), unit);
  // correlations: the diverging scale centred on 0, from −1 to 1
  return polarSurfaceSpec(
    { grid: res.grid, radius: res.radius, step: res.step, wsOffset: 0 },
    res.grid.map((g) => g.z),
    {
      ...opts,
      scheme: opts.scheme ?? (corr ? "blueorange" : "viridis"),
      legendTitle,
      ...(corr ? { domain: [-1, 1] as [number, number] } : {}),
    },
  );
}

/**
 * {@link corPlot} matrix as a heat map in the clustered order (openair's corPlot layout: the
 * first variable at the top left), each cell labelled with 100·r as openair does; diverging
 * colours from −1 to 1. Variable names are shown in the figure language where known.
 */
export function corPlotSpec(res: CorPlotResult, opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const names = res.names.map((v) => nameLabel(v, lang));
  const data: { x: string; y: string; r: number | null; label: string; n: number }[] = [];
  res.r.forEach((row, i) =>
    row.forEach((r, j) =>
      data.push({
        x: names[j],
        y: names[i],
        r: Number.isFinite(r) ? r : null,
        label: Number.isFinite(r) ? String(Math.round(100 * r)) : "",
        n: res.n[i][j],
      }),
    ),
  );
  const key = { pearson: "pearsonR", spearman: "spearmanR", kendall: "kendallTau" }[res.method];
  const enc = {
    x: { field: "x", type: "nominal", sort: names, title: null, axis: { labelAngle: -45 } },
    y: { field: "y", type: "nominal", sort: names, title: null },
  };
  return {
    ...specFrame(opts.title ?? dirLabel("correlationMatrix", lang), size, size, { fit: false }),
    data: { values: data },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          ...enc,
          color: {
            field: "r",
            type: "quantitative",
            scale: { scheme: opts.scheme ?? "blueorange", domain: [-1, 1] },
            title: dirLabel(key, lang),
          },
          tooltip: [{ field: "x" }, { field: "y" }, { field: "r", format: ".3f" }, { field: "n" }],
        },
      },
      {
        mark: { type: "text", fontSize: Math.max(7, Math.min(12, 200 / names.length)) },
        encoding: { ...enc, text: { field: "label" } },
      },
    ],
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
  } as TopLevelSpec;
}
