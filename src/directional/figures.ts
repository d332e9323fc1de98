/**
 * Vega-Lite figures of the directional and temporal analyses (openair-style): wind and
 * pollution roses, percentile rose, CPF, CBPF, polar plot, polar annulus, time variation and
 * Theil–Sen trend, plus the enrichment-factor chart. Polar figures are drawn with arc marks in
 * pixel space (0° = north at the top, clockwise, as a compass); labels en/ja/zh.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { fontConfig, fontFor, SCHEMA, specFrame, withUnit } from "../figures/specs";
import { nameLabel, nameLabels } from "../figures/names";
import { dirLabel, MONTHS, SEASONS, WEEKDAYS } from "./labels";
import type { RoseResult } from "./roses";
import type { CbpfRow, CpfRow } from "./cpf";
import type { PolarPlotResult } from "./polarplot";
import type { AnnulusCell, AnnulusPeriod } from "./annulus";
import type { TimeVariationResult } from "./timevariation";
import type { TrendResult } from "./trend";
import { byTypeSpec } from "./typefigures";

/** Options shared by the polar figures. */
export interface PolarFigureOptions {
  lang?: Lang;
  title?: string;
  /** Figure size in pixels (square; default 420). */
  size?: number;
  /** Colour scheme (Vega scheme name; default "viridis" for continuous, "tableau10" for categories). */
  scheme?: string;
}

const D2R = Math.PI / 180;
const LEGEND_W = 110;

export function polarFrame(
  size: number,
  maxR: number,
  rings: number[],
  ringUnit: string,
  lang: Lang,
  labelOffset = 0,
): any[] {
  const R = size / 2 - 24;
  const ringRows = rings.map((r) => ({ t0: 0, t1: 2 * Math.PI, r: (r / maxR) * R }));
  const ringText = rings.map((r) => ({
    x: 0,
    y: (r / maxR) * R,
    text: `${+(r + labelOffset).toPrecision(3)}${ringUnit}`,
  }));
  const compass = [
    { x: 0, y: R + 12, text: dirLabel("north", lang) },
    { x: R + 12, y: 0, text: dirLabel("east", lang) },
    { x: 0, y: -R - 12, text: dirLabel("south", lang) },
    { x: -R - 12, y: 0, text: dirLabel("west", lang) },
  ];
  const half = size / 2;
  const pos = {
    x: { field: "x", type: "quantitative", scale: { domain: [-half, half] }, axis: null },
    y: { field: "y", type: "quantitative", scale: { domain: [-half, half] }, axis: null },
  };
  return [
    {
      data: { values: ringRows },
      mark: { type: "arc", filled: false, stroke: "#999", strokeWidth: 0.6, strokeDash: [3, 3] },
      encoding: {
        theta: { field: "t0", type: "quantitative", scale: null },
        theta2: { field: "t1" },
        radius: { field: "r", type: "quantitative", scale: null },
      },
    },
    {
      data: { values: ringText },
      mark: { type: "text", fontSize: 9, color: "#555", align: "left", dx: 2, dy: -4 },
      encoding: { ...pos, text: { field: "text" } },
    },
    {
      data: { values: compass },
      mark: { type: "text", fontSize: 12, fontWeight: "bold" },
      encoding: { ...pos, text: { field: "text" } },
    },
  ];
}

export function niceRings(max: number): number[] {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let r = step; r <= max * 1.0001; r += step) out.push(r);
  return out;
}

export function arcEncoding(colour: any) {
  return {
    theta: { field: "t0", type: "quantitative", scale: null },
    theta2: { field: "t1" },
    radius: { field: "r0", type: "quantitative", scale: null },
    radius2: { field: "r1" },
    color: colour,
  };
}

export function base(size: number, lang: Lang, title: string | undefined, layers: any[]): TopLevelSpec {
  return {
    ...specFrame(title, size, size, { fit: false }),
    layer: layers,
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
  } as TopLevelSpec;
}

/**
 * Stacked rose of a {@link windRose} or {@link pollutionRose} result: one wedge per sector,
 * stacked by interval; radius = frequency (%). `intervalTitle` names the binned variable with
 * its unit (default: wind speed, m/s). The calm share is given in the subtitle.
 */
export function roseSpec(rose: RoseResult, opts: PolarFigureOptions & { intervalTitle?: string } = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const sectors = new Set(rose.rows.map((r) => r.wd)).size;
  const w = 360 / sectors;
  const tot = new Map<number, number>();
  for (const r of rose.rows) tot.set(r.wd, (tot.get(r.wd) ?? 0) + r.percent);
  const maxTot = Math.max(...tot.values(), 1e-9);
  const rings = niceRings(maxTot);
  const maxR = Math.max(maxTot, rings[rings.length - 1]);
  const cum = new Map<number, number>();
  const fmt = (v: number) => (Number.isFinite(v) ? +v.toPrecision(3) : "∞");
  // one class per break (its lower edge), the last open above: "> b" for (lo, hi], "≥ b" for [lo, hi)
  const nb = rose.breaks.length;
  const open = rose.closed === "left" ? "≥" : ">";
  const names = rose.breaks.map((b, i) =>
    i === nb - 1 ? `${open} ${fmt(b)}` : `${fmt(b)}–${fmt(rose.breaks[i + 1])}`,
  );
  const rows = rose.rows
    .map((r) => {
      const c0 = cum.get(r.wd) ?? 0;
      cum.set(r.wd, c0 + r.percent);
      const b = rose.breaks.indexOf(r.lo);
      return {
        t0: (r.wd - w / 2 + w * 0.05) * D2R,
        t1: (r.wd + w / 2 - w * 0.05) * D2R,
        r0: (c0 / maxR) * R,
        r1: ((c0 + r.percent) / maxR) * R,
        interval: names[b],
        order: b,
        percent: r.percent,
      };
    })
    .filter((r) => r.percent > 0);
  const legendTitle = opts.intervalTitle ?? withUnit(dirLabel("windSpeed", lang), "m/s");
  const spec = base(size, lang, opts.title, [
    {
      data: { values: rows },
      mark: { type: "arc", stroke: "white", strokeWidth: 0.3 },
      encoding: {
        ...arcEncoding({
          field: "interval",
          type: "ordinal",
          scale: { domain: names, scheme: opts.scheme ?? "viridis" },
          title: legendTitle,
        }),
        order: { field: "order" },
        tooltip: [{ field: "interval" }, { field: "percent", format: ".2f" }],
      },
    },
    ...polarFrame(size, maxR, rings, "%", lang),
  ]);
  (spec as any).title = {
    text: opts.title ?? "",
    subtitle: `${dirLabel("calm", lang)}: ${rose.calmPercent.toFixed(1)} %`,
  };
  return spec;
}

/** Wedges with radius = value (CPF per sector, or a single-value rose). */
export function cpfSpec(rows: CpfRow[], opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const w = 360 / rows.length;
  const maxV = Math.max(1e-9, ...rows.map((r) => (Number.isFinite(r.cpf) ? r.cpf : 0)));
  const rings = niceRings(maxV);
  const maxR = Math.max(maxV, rings[rings.length - 1]);
  const data = rows
    .filter((r) => Number.isFinite(r.cpf))
    .map((r) => ({
      t0: (r.wd - w / 2 + w * 0.05) * D2R,
      t1: (r.wd + w / 2 - w * 0.05) * D2R,
      r0: 0,
      r1: (r.cpf / maxR) * R,
      cpf: r.cpf,
      n: r.n,
    }));
  return base(size, lang, opts.title ?? dirLabel("cpf", lang), [
    {
      data: { values: data },
      mark: { type: "arc", stroke: "white", strokeWidth: 0.3 },
      encoding: {
        ...arcEncoding({
          field: "cpf",
          type: "quantitative",
          scale: { scheme: opts.scheme ?? "viridis", domain: [0, maxR] },
          title: dirLabel("probability", lang),
        }),
        tooltip: [{ field: "cpf", format: ".3f" }, { field: "n" }],
      },
    },
    ...polarFrame(size, maxR, rings, "", lang),
  ]);
}

/** Percentile rose: one filled wedge set per percentile, largest drawn first. `unit` of the values. */
export function percentileRoseSpec(
  rows: { wd: number; percentile: number; value: number }[],
  unit: string,
  opts: PolarFigureOptions = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const sectors = new Set(rows.map((r) => r.wd)).size;
  const w = 360 / sectors;
  const maxV = Math.max(1e-9, ...rows.map((r) => (Number.isFinite(r.value) ? r.value : 0)));
  const rings = niceRings(maxV);
  const maxR = Math.max(maxV, rings[rings.length - 1]);
  const ps = [...new Set(rows.map((r) => r.percentile))].sort((a, b) => a - b);
  const data = rows
    .filter((r) => Number.isFinite(r.value))
    .map((r) => ({
      t0: (r.wd - w / 2) * D2R,
      t1: (r.wd + w / 2) * D2R,
      r0: 0,
      r1: (r.value / maxR) * R,
      percentile: `P${r.percentile}`,
      order: -r.percentile,
      value: r.value,
    }));
  return base(size, lang, opts.title ?? dirLabel("percentileRose", lang), [
    {
      data: { values: data },
      mark: { type: "arc", stroke: "white", strokeWidth: 0.2 },
      encoding: {
        ...arcEncoding({
          field: "percentile",
          type: "ordinal",
          scale: { domain: ps.map((p) => `P${p}`), scheme: opts.scheme ?? "viridis" },
          title: dirLabel("percentile", lang),
        }),
        order: { field: "order" },
        tooltip: [{ field: "percentile" }, { field: "value", format: ".3g" }],
      },
    },
    ...polarFrame(size, maxR, rings, unit === "1" ? "" : ` ${unit}`, lang),
  ]);
}

/** CBPF per direction × wind-speed bin ({@link cbpf} rows) as a polar heat map; rings in m/s. */
export function cbpfSpec(rows: CbpfRow[], opts: PolarFigureOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const R = size / 2 - 24;
  const sectors = new Set(rows.map((r) => r.wd)).size;
  const w = 360 / sectors;
  const maxWs = Math.max(...rows.map((r) => r.wsHi));
  const data = rows
    .filter((r) => Number.isFinite(r.cpf))
    .map((r) => ({
      t0: (r.wd - w / 2) * D2R,
      t1: (r.wd + w / 2) * D2R,
      r0: (r.wsLo / maxWs) * R,
      r1: (r.wsHi / maxWs) * R,
      cbpf: r.cpf,
      n: r.n,
    }));
  return base(size, lang, opts.title ?? dirLabel("cbpf", lang), [
    {
      data: { values: data },
      mark: { type: "arc", stroke: null },
      encoding: {
        ...arcEncoding({
          field: "cbpf",
          type: "quantitative",
          scale: { scheme: opts.scheme ?? "viridis" },
          title: dirLabel("probability", lang),
        }),
        tooltip: [{ field: "cbpf", format: ".3f" }, { field: "n" }],
      },
    },
    ...polarFrame(size, maxWs, niceRings(maxWs), " m/s", lang),
  ]);
}

/** The colour-legend title of a polar plot's statistic, with its unit. */
function polarLegendTitle(res: PolarPlotResult, unit: string, lang: Lang): string {
  if (res.statistic === "cpf") return dirLabel("cbpf", lang);
  const key = (
    {
      mean: "mean",
      "weighted-mean": "weightedMean",
      median: "median",
      max: "maximum",
      frequency: "count",
      stdev: "stdev",
      percentile: "percentile",
    } as const
  )[res.statistic];
  return res.statistic === "frequency" ? dirLabel(key, lang) : withUnit(dirLabel(key, lang), unit);
}

/**
 * What a polar heat map needs of a surface (a {@link polarPlot} result, or another analysis on the
 * same square grid): the grid points' (u, v) in m/s of the shifted speed, the outer radius, the
 * grid spacing, and the speed added back on the ring labels (min(ws) for the GAM smoother).
 */
export interface PolarSurfaceFrame {
  grid: ArrayLike<{ u: number; v: number }>;
  radius: number;
  step: number;
  wsOffset: number;
}

/** The heat-map and frame layers of one polar surface (z aligned with res.grid). */
export function polarLayers(
  res: PolarSurfaceFrame,
  z: ArrayLike<number>,
  size: number,
  lang: Lang,
  colour: Record<string, unknown>,
): any[] {
  const half = size / 2,
    R = half - 24;
  const k = R / res.radius;
  const h = (res.step * k) / 2 + 0.3; // cells overlap by 0.3 px: no hairlines between them
  const data: { x0: number; x1: number; y0: number; y1: number; z: number }[] = [];
  for (let i = 0; i < res.grid.length; i++) {
    const g = res.grid[i];
    if (Number.isFinite(z[i]))
      data.push({ x0: g.u * k - h, x1: g.u * k + h, y0: g.v * k - h, y1: g.v * k + h, z: z[i] });
  }
  const sc = { domain: [-half, half] };
  return [
    {
      data: { values: data },
      mark: { type: "rect", strokeWidth: 0 },
      encoding: {
        x: { field: "x0", type: "quantitative", scale: sc, axis: null },
        x2: { field: "x1" },
        y: { field: "y0", type: "quantitative", scale: sc, axis: null },
        y2: { field: "y1" },
        color: { field: "z", type: "quantitative", ...colour },
      },
    },
    ...polarFrame(size, res.radius, niceRings(res.radius), " m/s", lang, res.wsOffset),
  ];
}

/**
 * One polar heat map of any surface on a square (u, v) grid (internal: the drawing shared by
 * {@link polarPlotSpec} and the two-pollutant figures).
 * @param frame the grid, radius, step and ring offset
 * @param z the value at each grid point (NaN = masked)
 * @param opts size, language, title, the legend title, colour scheme and optional colour domain
 */
export function polarSurfaceSpec(
  frame: PolarSurfaceFrame,
  z: ArrayLike<number>,
  opts: PolarFigureOptions & { legendTitle: string; domain?: [number, number] },
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const scale: Record<string, unknown> = { scheme: opts.scheme ?? "viridis" };
  if (opts.domain) scale.domain = opts.domain;
  return base(size, lang, opts.title, polarLayers(frame, z, size, lang, { scale, title: opts.legendTitle }));
}

function frameOf(res: PolarPlotResult): PolarSurfaceFrame {
  return { grid: res.grid, radius: res.radius, step: res.step, wsOffset: res.fit?.wsOffset ?? 0 };
}

/**
 * Polar plot ({@link polarPlot} result) as a heat map on the (u, v) grid, rings in m/s (for the
 * GAM smoother labelled with the speed itself, i.e. the ring radius + min(ws), as openair).
 * `unit` is the unit of the statistic (e.g. ng/m3; use "1" for cpf).
 */
export function polarPlotSpec(
  res: PolarPlotResult,
  unit: string,
  opts: PolarFigureOptions & { legendTitle?: string; domain?: [number, number] } = {},
): TopLevelSpec {
  const legendTitle = opts.legendTitle ?? polarLegendTitle(res, unit, opts.lang ?? "en");
  return polarSurfaceSpec(
    frameOf(res),
    res.grid.map((g) => g.z),
    { ...opts, legendTitle },
  );
}

/**
 * The `type` panels of a {@link polarPlot} run with `type` (its `byType`), one polar plot per
 * level under strip titles in `lang` (laid out by {@link byTypeSpec}), on one colour scale
 * spanning every panel, as openair draws them.
 * @param res a polarPlot result with `byType`
 * @param unit the statistic's unit (e.g. ng/m3; "1" for cpf)
 * @param opts language, title, panel size (default 260), colour scheme, `columns`
 * @throws {RangeError} when the result has no `byType` (run polarPlot with `type`) or no panel
 */
export function polarPlotTypeSpec(
  res: PolarPlotResult,
  unit: string,
  opts: PolarFigureOptions & { columns?: number } = {},
): TopLevelSpec {
  if (!res.byType) throw new RangeError("polarPlotTypeSpec: the result has no byType (polarPlot with a type option)");
  let lo = Infinity,
    hi = -Infinity;
  for (const p of res.byType.panels)
    for (const g of p.result.grid)
      if (Number.isFinite(g.z)) {
        if (g.z < lo) lo = g.z;
        if (g.z > hi) hi = g.z;
      }
  const domain: [number, number] | undefined = lo <= hi ? [lo, hi] : undefined;
  return byTypeSpec(
    res.byType,
    (r) => polarPlotSpec(r, unit, { lang: opts.lang, size: opts.size ?? 260, scheme: opts.scheme, domain }),
    { lang: opts.lang, title: opts.title, columns: opts.columns },
  );
}

/**
 * The three panels of a {@link polarPlot} run with `uncertainty: true`, side by side as openair
 * draws them: lower (prediction − 2 SE)², the prediction, upper (prediction + 2 SE)², on one
 * shared colour scale.
 * @throws {RangeError} when the result has no uncertainty surfaces (run polarPlot with `uncertainty: true`)
 */
export function polarUncertaintySpec(
  res: PolarPlotResult,
  unit: string,
  opts: PolarFigureOptions & { legendTitle?: string } = {},
): TopLevelSpec {
  if (!res.uncertainty)
    throw new RangeError("polarUncertaintySpec: the result has no uncertainty (polarPlot with uncertainty: true)");
  const lang = opts.lang ?? "en",
    size = opts.size ?? 300;
  const title = opts.legendTitle ?? polarLegendTitle(res, unit, lang);
  const central = res.grid.map((g) => g.z);
  let lo = Infinity,
    hi = -Infinity;
  for (const zs of [res.uncertainty.lower, central, res.uncertainty.upper])
    for (const v of zs)
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  const colour = { scale: { scheme: opts.scheme ?? "viridis", domain: [lo, hi] }, title };
  const panel = (zs: ArrayLike<number>, key: "lowerBound" | "prediction" | "upperBound") => ({
    width: size,
    height: size,
    title: dirLabel(key, lang),
    layer: polarLayers(frameOf(res), zs, size, lang, colour),
  });
  return {
    $schema: SCHEMA,
    ...(opts.title ? { title: opts.title } : {}),
    hconcat: [
      panel(res.uncertainty.lower, "lowerBound"),
      panel(central, "prediction"),
      panel(res.uncertainty.upper, "upperBound"),
    ],
    resolve: { scale: { color: "shared" } },
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
  } as TopLevelSpec;
}

/** Polar annulus ({@link polarAnnulus} cells): direction around, period outward (inner = first). */
export function polarAnnulusSpec(
  cells: AnnulusCell[],
  period: AnnulusPeriod,
  unit: string,
  opts: PolarFigureOptions = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    size = opts.size ?? 420;
  const half = size / 2,
    R = half - 24,
    R0 = R * 0.25;
  const periods = [...new Set(cells.map((c) => c.period))].sort((a, b) => a - b);
  const np = periods.length;
  const w = 360 / new Set(cells.map((c) => c.wd)).size;
  const band = (R - R0) / np;
  const data = cells
    .filter((c) => Number.isFinite(c.z))
    .map((c) => {
      const i = periods.indexOf(c.period);
      return { t0: (c.wd - w / 2) * D2R, t1: (c.wd + w / 2) * D2R, r0: R0 + i * band, r1: R0 + (i + 1) * band, z: c.z };
    });
  const name = (p: number) =>
    period === "hour"
      ? `${p}`
      : period === "weekday"
        ? WEEKDAYS[lang][p]
        : period === "month"
          ? MONTHS[lang][p - 1]
          : SEASONS[lang][p];
  const ticks = period === "hour" ? [0, 6, 12, 18, 23] : periods;
  const pos = {
    x: { field: "x", type: "quantitative", scale: { domain: [-half, half] }, axis: null },
    y: { field: "y", type: "quantitative", scale: { domain: [-half, half] }, axis: null },
  };
  const tickRows = ticks.map((p) => ({ x: 0, y: R0 + (periods.indexOf(p) + 0.5) * band, text: name(p) }));
  const compass = [
    { x: 0, y: R + 12, text: dirLabel("north", lang) },
    { x: R + 12, y: 0, text: dirLabel("east", lang) },
    { x: 0, y: -R - 12, text: dirLabel("south", lang) },
    { x: -R - 12, y: 0, text: dirLabel("west", lang) },
  ];
  return base(size, lang, opts.title ?? `${dirLabel(period === "hour" ? "hour" : period, lang)}`, [
    {
      data: { values: data },
      mark: { type: "arc", stroke: null },
      encoding: arcEncoding({
        field: "z",
        type: "quantitative",
        scale: { scheme: opts.scheme ?? "viridis" },
        title: withUnit(dirLabel("mean", lang), unit),
      }),
    },
    {
      data: { values: tickRows },
      mark: { type: "text", fontSize: 8, color: "white", baseline: "middle" },
      encoding: { ...pos, text: { field: "text" } },
    },
    {
      data: { values: compass },
      mark: { type: "text", fontSize: 12, fontWeight: "bold" },
      encoding: { ...pos, text: { field: "text" } },
    },
  ]);
}

/**
 * Time variation ({@link timeVariation}): hour × weekday on top, hour of day, month and weekday
 * below; mean lines with the bootstrap interval as a band. `series` name → result, so several
 * species or factors can be overlaid; known names are shown in the figure language (`nameLabels`:
 * SO2 → 二酸化硫黄 / 二氧化硫), others unchanged.
 */
export function timeVariationSpec(
  series: Record<string, TimeVariationResult>,
  unit: string,
  opts: { lang?: Lang; title?: string; width?: number; legendTitle?: string } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    W = opts.width ?? 720;
  const yTitle = withUnit(dirLabel("concentration", lang), unit);
  const hw: any[] = [],
    hr: any[] = [],
    mo: any[] = [],
    wk: any[] = [];
  const seriesNames = nameLabels(Object.keys(series), lang);
  for (const [i, r] of Object.values(series).entries()) {
    const name = seriesNames[i];
    for (const x of r.hourWeekday)
      if (Number.isFinite(x.mean))
        hw.push({ series: name, x: x.key, day: WEEKDAYS[lang][x.weekday!], mean: x.mean, lo: x.lo, hi: x.hi });
    for (const x of r.hour)
      if (Number.isFinite(x.mean)) hr.push({ series: name, x: x.key, mean: x.mean, lo: x.lo, hi: x.hi });
    for (const x of r.month)
      if (Number.isFinite(x.mean))
        mo.push({ series: name, x: MONTHS[lang][x.key - 1], mean: x.mean, lo: x.lo, hi: x.hi });
    for (const x of r.weekday)
      if (Number.isFinite(x.mean))
        wk.push({ series: name, x: WEEKDAYS[lang][x.key], mean: x.mean, lo: x.lo, hi: x.hi });
  }
  const colour = { field: "series", type: "nominal", title: opts.legendTitle ?? dirLabel("species", lang) };
  const panel = (values: any[], xEnc: any, width: number, height: number) => ({
    width,
    height,
    data: { values },
    layer: [
      {
        mark: { type: "area", opacity: 0.25 },
        encoding: {
          x: xEnc,
          y: { field: "lo", type: "quantitative", title: yTitle },
          y2: { field: "hi" },
          color: colour,
        },
      },
      {
        mark: { type: "line", point: xEnc.type !== "quantitative" },
        encoding: { x: xEnc, y: { field: "mean", type: "quantitative" }, color: colour },
      },
    ],
  });
  const third = Math.floor((W - 120) / 3);
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: [
      panel(
        hw,
        {
          field: "x",
          type: "quantitative",
          title: dirLabel("hourWeekday", lang),
          axis: {
            values: [12, 36, 60, 84, 108, 132, 156],
            labelExpr: `${JSON.stringify(WEEKDAYS[lang])}[floor(datum.value / 24)]`,
            grid: false,
          },
          scale: { domain: [0, 167], nice: false },
        },
        W - 60,
        160,
      ),
      {
        hconcat: [
          panel(
            hr,
            {
              field: "x",
              type: "quantitative",
              title: dirLabel("hour", lang),
              scale: { domain: [0, 23], nice: false },
            },
            third,
            150,
          ),
          panel(mo, { field: "x", type: "ordinal", title: dirLabel("month", lang), sort: MONTHS[lang] }, third, 150),
          panel(
            wk,
            { field: "x", type: "ordinal", title: dirLabel("weekday", lang), sort: WEEKDAYS[lang] },
            third,
            150,
          ),
        ],
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/** Theil–Sen trend ({@link theilSenTrend}): monthly means (deseasonalised if so) and the fitted line; subtitle slope with interval. */
export function trendSpec(
  res: TrendResult,
  unit: string,
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const pts = res.months
    .filter((m) => Number.isFinite(m.y))
    .map((m) => ({ t: m.t, y: m.y, label: `${m.year}-${String(m.month).padStart(2, "0")}` }));
  const t0 = pts[0].t,
    t1 = pts[pts.length - 1].t;
  const line = [t0, t1].map((t) => ({ t, y: res.intercept + res.slope * t }));
  const yTitle = withUnit(dirLabel("monthlyMean", lang), unit);
  return {
    title: {
      text: opts.title ?? dirLabel("trend", lang),
      subtitle: `${res.slope.toPrecision(3)} [${res.lo.toPrecision(3)}, ${res.hi.toPrecision(3)}] ${unit} ${dirLabel("perYear", lang)} (${(res.level * 100).toFixed(0)} %), p = ${res.pValue.toPrecision(2)}`,
    },
    ...specFrame(undefined, opts.width ?? 560, opts.height ?? 260, { fit: false }),
    layer: [
      {
        data: { values: pts },
        mark: { type: "line", point: true, color: "#4c78a8" },
        encoding: {
          x: {
            field: "t",
            type: "quantitative",
            title: dirLabel("time", lang),
            scale: { zero: false, nice: false },
            axis: { format: ".1f" },
          },
          y: { field: "y", type: "quantitative", title: yTitle },
          tooltip: [{ field: "label" }, { field: "y", format: ".3g" }],
        },
      },
      {
        data: { values: line },
        mark: { type: "line", color: "#e45756", strokeWidth: 2 },
        encoding: { x: { field: "t", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/** Enrichment factors per element (by symbol: `titanium`, `チタン`, `钛` → Ti) on a log axis, with the EF = 10 and 100 class lines. */
export function enrichmentSpec(
  rows: { element: string; ef: number }[],
  reference: string,
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const crustal = dirLabel("crustal", lang),
    anthro = dirLabel("anthropogenic", lang);
  const data = rows
    .filter((r) => Number.isFinite(r.ef) && r.ef > 0)
    .map((r) => ({ element: nameLabel(r.element, lang), ef: r.ef, cls: r.ef < 10 ? crustal : anthro }));
  const efs = data.map((d) => d.ef);
  const lo = 10 ** Math.floor(Math.log10(Math.min(0.1, ...efs) / 2)),
    hi = 10 ** Math.ceil(Math.log10(Math.max(1000, ...efs)));
  const y = {
    type: "quantitative",
    scale: { type: "log", domain: [lo, hi] },
    title: dirLabel("enrichmentFactor", lang),
  };
  return {
    title: { text: opts.title ?? `${dirLabel("enrichmentFactor", lang)} (${nameLabel(reference, lang)})` },
    ...specFrame(undefined, opts.width ?? 560, opts.height ?? 280, { fit: false }),
    layer: [
      {
        data: { values: data },
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "element",
            type: "nominal",
            sort: null,
            title: dirLabel("element", lang),
            axis: { labelAngle: 0 },
          },
          y: { field: "ef", ...y },
          y2: { datum: lo },
          color: {
            field: "cls",
            type: "nominal",
            title: null,
            scale: { domain: [crustal, anthro], range: ["#b79a6a", "#c0392b"] },
          },
          tooltip: [{ field: "element" }, { field: "ef", format: ".3g" }],
        },
      },
      {
        data: { values: [{ ef: 10 }, { ef: 100 }] },
        mark: { type: "rule", strokeDash: [4, 3], color: "#333" },
        encoding: { y: { field: "ef", ...y } },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
