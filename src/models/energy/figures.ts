/**
 * Vega-Lite figures of the tenter-retrofit analysis (labels in en/ja/zh): SEC box/strip plots old
 * vs new by fabric class, energy-vs-production regression lines, savings with intervals, stacked
 * energy breakdown, inlet/outlet emission bars, co-benefit summary. Specs carry their data inline.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../../figures/labels";
import { fontConfig, fontFor, SCHEMA, withUnit } from "../../figures/specs";
import { nameLabel } from "../../figures/names";
import { type AnalysisUnit } from "./aggregate";
import type { CoBenefitRow } from "./cobenefit";
import {
  type EnergyKind,
  energyUnit,
  isReporting,
  unitEnergy,
  type PairedComparison,
  type RegressionComparison,
  type UnpairedComparison,
} from "./compare";
import type { StackSummary } from "./exhaust";
import { energyLabel as L } from "./labels";
import { type SecBasis, unitProduction } from "./sec";
import type { EnergyParameters } from "./tables/factors";

const OLD_COLOR = "#8c564b",
  NEW_COLOR = "#1f77b4";

function perUnit(basis: SecBasis): string {
  return basis === "kg" ? "kg" : "1000 m";
}

/** Options common to the figures. */
export interface EnergyFigureOptions {
  lang?: Lang;
  title?: string;
  width?: number;
  height?: number;
}

function base(o: EnergyFigureOptions, w = 560, h = 300) {
  const lang = o.lang ?? "en";
  /** Schema, title and font: the top of every spec. */
  const head = {
    $schema: SCHEMA,
    ...(o.title !== undefined ? { title: { text: o.title } } : {}),
    config: fontConfig(fontFor(lang)),
  };
  return {
    lang,
    head,
    /** {@link head} with the size: the top of every single-view spec. */
    frame: { ...head, width: o.width ?? w, height: o.height ?? h },
    width: o.width ?? w,
    height: o.height ?? h,
  };
}

/**
 * Box plot with the individual units (strip) of per-unit SEC, old vs new side by side, by fabric
 * class. Per-unit SEC = E/P of each lot or shift (the box shows their spread; the comparison
 * statistics use ratios of totals).
 */
export function secBoxSpec(
  units: AnalysisUnit[],
  basis: SecBasis,
  params: EnergyParameters,
  o: EnergyFigureOptions & { energy?: EnergyKind; contrast?: "group" | "period" } = {},
): TopLevelSpec {
  const b = base(o);
  const kind = o.energy ?? "total";
  const sideOld = L("old", b.lang),
    sideNew = L("new", b.lang);
  const rows = units.map((u) => ({
    cls: u.fabricClass ?? "—",
    side: isReporting(u, o.contrast) ? sideNew : sideOld,
    sec: unitEnergy(u, kind, params) / unitProduction(u, basis),
    id: u.id,
  }));
  const classes = [...new Set(rows.map((r) => r.cls))].sort();
  const enc = {
    x: { field: "cls", type: "nominal", sort: classes, title: L("fabricClass", b.lang), axis: { labelAngle: 0 } },
    xOffset: { field: "side", type: "nominal", sort: [sideOld, sideNew] },
    color: {
      field: "side",
      type: "nominal",
      sort: [sideOld, sideNew],
      scale: { range: [OLD_COLOR, NEW_COLOR] },
      title: L("machineGroup", b.lang),
    },
  };
  return {
    ...b.frame,
    data: { values: rows },
    layer: [
      {
        mark: { type: "boxplot", extent: 1.5, opacity: 0.35, size: 28, outliers: false },
        encoding: {
          ...enc,
          y: {
            field: "sec",
            type: "quantitative",
            title: withUnit(L("sec", b.lang), `${energyUnit(kind)}/${perUnit(basis)}`),
            scale: { zero: false },
          },
        },
      },
      {
        mark: { type: "point", filled: true, size: 9, opacity: 0.45 },
        encoding: { ...enc, y: { field: "sec", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}

/** Energy vs production per unit with the fitted lines E = β0 + β1·P (+ β2·D + β3·D·P) of each side. */
export function regressionSpec(
  units: AnalysisUnit[],
  reg: RegressionComparison,
  params: EnergyParameters,
  o: EnergyFigureOptions & { contrast?: "group" | "period" } = {},
): TopLevelSpec {
  const b = base(o);
  const sOld = L("baselineLine", b.lang),
    sNew = L("reportingLine", b.lang);
  const pts = units.map((u) => ({
    p: unitProduction(u, reg.basis),
    e: unitEnergy(u, reg.energy, params),
    side: isReporting(u, o.contrast) ? sNew : sOld,
  }));
  const lines = reg.lines.flatMap((l) =>
    [l.pMin, l.pMax].map((p) => ({ p, e: l.intercept + l.slope * p, side: l.side === "baseline" ? sOld : sNew })),
  );
  const color = {
    field: "side",
    type: "nominal",
    sort: [sOld, sNew],
    scale: { range: [OLD_COLOR, NEW_COLOR] },
    title: L("machineGroup", b.lang),
  };
  const x = {
    field: "p",
    type: "quantitative",
    title: withUnit(L("production", b.lang), reg.basis === "kg" ? "kg" : "1000 m"),
  };
  const y = { field: "e", type: "quantitative", title: withUnit(L("energy", b.lang), energyUnit(reg.energy)) };
  return {
    ...b.frame,
    layer: [
      {
        data: { values: pts },
        mark: { type: "point", filled: true, size: 10, opacity: 0.35 },
        encoding: { x, y, color },
      },
      {
        data: { values: lines },
        mark: { type: "line", strokeWidth: 2.5 },
        encoding: { x, y, color, detail: { field: "side" } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Savings (1 − ratio, %) with 95 % intervals: the unpaired ratio of totals overall and per fabric
 * class, the paired ratio and the regression savings fraction.
 */
export function savingsSpec(
  r: {
    unpaired?: UnpairedComparison;
    unpairedByClass?: { fabricClass: string; result: UnpairedComparison }[];
    paired?: PairedComparison;
    regression?: RegressionComparison;
  },
  o: EnergyFigureOptions = {},
): TopLevelSpec {
  const b = base(o, 560, 280);
  const rows: { label: string; design: string; est: number; lo: number; hi: number }[] = [];
  const all = L("allClasses", b.lang);
  // a SEC ratio (reporting/baseline) with its interval as a saving in %: 100·(1 − ratio), bounds swapped
  const ratioRow = (
    label: string,
    design: "unpaired" | "paired",
    ratio: { estimate: number; lower: number; upper: number },
  ) =>
    rows.push({
      label,
      design: L(design, b.lang),
      est: 100 * (1 - ratio.estimate),
      lo: 100 * (1 - ratio.upper),
      hi: 100 * (1 - ratio.lower),
    });
  if (r.unpaired) ratioRow(all, "unpaired", r.unpaired.ratio);
  if (r.paired) ratioRow(all, "paired", r.paired.ratio);
  if (r.regression) {
    const g = r.regression,
      adj = g.baseline.adjustedBaseline;
    rows.push({
      label: all,
      design: L("regression", b.lang),
      est: 100 * g.savings.fraction,
      lo: (100 * g.savings.lower) / adj,
      hi: (100 * g.savings.upper) / adj,
    });
  }
  for (const c of r.unpairedByClass ?? []) ratioRow(c.fabricClass, "unpaired", c.result.ratio);
  const labels = [all, ...(r.unpairedByClass ?? []).map((c) => c.fabricClass)];
  const designs = [L("unpaired", b.lang), L("paired", b.lang), L("regression", b.lang)];
  const y = { field: "label", type: "nominal", sort: labels, title: L("fabricClass", b.lang) };
  const yOffset = { field: "design", type: "nominal", sort: designs };
  const color = {
    field: "design",
    type: "nominal",
    sort: designs,
    title: L("design", b.lang),
    legend: { orient: "bottom", direction: "vertical", labelLimit: 480 },
  };
  return {
    ...b.frame,
    data: { values: rows },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y,
          yOffset,
          color,
          x: { field: "lo", type: "quantitative", title: L("savingsPct", b.lang), scale: { zero: false } },
          x2: { field: "hi" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 60 },
        encoding: { y, yOffset, color, x: { field: "est", type: "quantitative" } },
      },
    ],
  } as TopLevelSpec;
}

/** Stacked SEC breakdown per machine and period: thermal and electric energy, running and idle (MJ per kg or per 1000 m). */
export function energyBreakdownSpec(units: AnalysisUnit[], basis: SecBasis, o: EnergyFigureOptions = {}): TopLevelSpec {
  const b = base(o);
  const groups = new Map<string, { p: number; tr: number; ti: number; er: number; ei: number }>();
  for (const u of units) {
    const k = `${u.machine}${u.period ? ` (${L(u.period, b.lang)})` : ""}`;
    const t = groups.get(k) ?? { p: 0, tr: 0, ti: 0, er: 0, ei: 0 };
    t.p += unitProduction(u, basis);
    t.tr += u.thermalRunMJ;
    t.ti += u.thermalIdleMJ;
    t.er += 3.6 * u.electricityRunKwh;
    t.ei += 3.6 * u.electricityIdleKwh;
    groups.set(k, t);
  }
  const comps = [
    L("thermalRun", b.lang),
    L("thermalIdle", b.lang),
    L("electricRun", b.lang),
    L("electricIdle", b.lang),
  ];
  const rows = [...groups].flatMap(([k, t]) =>
    [t.tr, t.ti, t.er, t.ei].map((v, i) => ({ mp: k, comp: comps[i], order: i, v: v / t.p })),
  );
  const order = [...groups.keys()].sort();
  return {
    ...b.frame,
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: { field: "mp", type: "nominal", sort: order, title: L("machinePeriod", b.lang), axis: { labelAngle: -30 } },
      y: { field: "v", type: "quantitative", stack: "zero", title: withUnit(L("sec", b.lang), `MJ/${perUnit(basis)}`) },
      color: {
        field: "comp",
        type: "nominal",
        sort: comps,
        scale: { range: ["#d62728", "#ff9896", "#1f77b4", "#aec7e8"] },
        title: L("component", b.lang),
      },
      order: { field: "order", type: "quantitative" },
    },
  } as TopLevelSpec;
}

/** Inlet vs outlet emission rate (kg/h) per pollutant (known names in the figure language) and treatment unit, with the mass-rate removal efficiency on top. */
export function emissionBarsSpec(stack: StackSummary[], o: EnergyFigureOptions = {}): TopLevelSpec {
  const b = base(o, 520, 280);
  const sIn = L("inlet", b.lang),
    sOut = L("outlet", b.lang);
  const multi = new Set(stack.map((s) => s.unit)).size > 1;
  const name = (s: StackSummary) => (multi ? `${s.unit} ` : "") + nameLabel(s.pollutant, b.lang);
  const rows = stack.flatMap((s) => [
    { p: name(s), side: sIn, v: s.inletRate },
    { p: name(s), side: sOut, v: s.outletRate },
  ]);
  const eff = stack.map((s) => ({ p: name(s), v: s.inletRate, t: `η = ${(100 * s.efficiency).toFixed(1)} %` }));
  const x = { field: "p", type: "nominal", title: L("pollutant", b.lang), axis: { labelAngle: 0 } };
  return {
    ...b.frame,
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar" },
        encoding: {
          x,
          xOffset: { field: "side", type: "nominal", sort: [sIn, sOut] },
          y: { field: "v", type: "quantitative", title: withUnit(L("emissionRate", b.lang), "kg/h") },
          color: {
            field: "side",
            type: "nominal",
            sort: [sIn, sOut],
            scale: { range: ["#7f7f7f", "#2ca02c"] },
            title: L("side", b.lang),
          },
        },
      },
      {
        data: { values: eff },
        mark: { type: "text", dy: -8, fontSize: 11 },
        encoding: { x, y: { field: "v", type: "quantitative" }, text: { field: "t" } },
      },
    ],
  } as TopLevelSpec;
}

/** Co-benefit summary: annual amount without and with the project per item (CO2 and each pollutant, t/yr), one panel per item (known names in the figure language) with its own scale. */
export function coBenefitSpec(rows: CoBenefitRow[], o: EnergyFigureOptions = {}): TopLevelSpec {
  const b = base(o, 130, 220);
  const sW = L("without", b.lang),
    sP = L("with", b.lang);
  const data = rows.flatMap((r) => [
    { item: nameLabel(r.item, b.lang), side: sW, v: r.without, label: "" },
    { item: nameLabel(r.item, b.lang), side: sP, v: r.with, label: `−${(100 * r.fraction).toFixed(0)} %` },
  ]);
  const items = rows.map((r) => nameLabel(r.item, b.lang));
  const color = {
    field: "side",
    type: "nominal",
    sort: [sW, sP],
    scale: { range: ["#7f7f7f", "#2ca02c"] },
    title: null,
  };
  return {
    ...b.head,
    data: { values: data },
    facet: { field: "item", type: "nominal", sort: items, title: null, header: { labelFontSize: 12 } },
    spec: {
      width: b.width,
      height: b.height,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            x: { field: "side", type: "nominal", sort: [sW, sP], title: null, axis: { labelAngle: 0 } },
            y: { field: "v", type: "quantitative", title: withUnit(L("annual", b.lang), "t/yr") },
            color,
          },
        },
        {
          mark: { type: "text", dy: -8 },
          encoding: {
            x: { field: "side", type: "nominal", sort: [sW, sP] },
            y: { field: "v", type: "quantitative" },
            text: { field: "label" },
          },
        },
      ],
    },
    resolve: { scale: { y: "independent" } },
  } as TopLevelSpec;
}
