/**
 * Figures and tidy tables of PMF error estimation and rotations, in the style of EPA PMF 5.0's
 * error-estimation summaries: factor profiles with bootstrap (BS), displacement (DISP) and
 * BS-DISP interval whiskers, the DISP / BS-DISP factor-swap table, the Fpeak dQ curve and a
 * base-versus-constrained profile comparison. Axis, legend and header words come from the figure
 * label table (English, Japanese, Chinese); render with `renderSvg` / `saveFigure`.
 *
 * References: Norris, G. et al. (2014) EPA Positive Matrix Factorization (PMF) 5.0 Fundamentals and
 * User Guide, EPA/600/R-14/108 (error estimation summaries, swap tables, Fpeak and constraints);
 * Paatero, P., Eberly, S., Brown, S.G., Norris, G.A. (2014) Methods for estimating uncertainty in
 * factor analytic solutions. Atmos. Meas. Tech. 7:781–797 (BS, DISP, BS-DISP; interval reporting).
 */

// @ts-ignore TS1479 under TypeScript 5.0 (tslab's checker, and what `npx tsc` runs here): it
// rejects even a type-only import of an ES module from a CommonJS file. TypeScript >= 5.8
// accepts it, so @ts-expect-error would fail there; the types resolve either way.
import type { TopLevelSpec } from "vega-lite";
import { nameLabel, nameLabels } from "../figures/names";
import { label, type Lang } from "../figures/labels";
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, fontFor, SCHEMA, specFrame } from "../figures/specs";
import { estimateTextWidth } from "../figures/textwidth";
import { AqTable } from "../table/table";
import type { BootstrapResult } from "./bootstrap";
import type { BsDispResult } from "./bsdisp";
import type { DispResult } from "./disp";
import type { PmfFigureOptions } from "./figures";
import type { PmfResult } from "./types";
import {
  withUnit,
  fontConfig,
  size,
  titleOf,
  labelAngle,
  commonUnit,
  finite,
  speciesPanelX,
  stackedPanels,
} from "./figurehelpers";

/** Base-value bars: the blue of the profile figures. */
const BAR_COLOUR = "#4c78a8";
/** Interval methods, in drawing order (left to right within a species' band), and their colours. */
export const INTERVAL_METHODS = ["BS", "DISP", "BS-DISP"] as const;
/** An interval method of {@link intervalProfileSpec}. */
export type IntervalMethod = (typeof INTERVAL_METHODS)[number];
const METHOD_COLOURS: Record<IntervalMethod, string> = { BS: "#e45756", DISP: "#54a24b", "BS-DISP": "#b279a2" };
/** The dQmax level of DISP shown by default (EPA PMF 5.0 reports DISP intervals at dQmax = 4). */
const DEFAULT_DISP_LEVEL = 4;
/** Lowest whisker end drawn on the log axis, relative to the panel's largest value. */
const LOG_SPAN = 1e-6;

// ------------------------------------------------------------------ shared helpers

/** Log-axis ticks and grid lines at whole decades of a {@link logDomain} (not at every minor tick). */
function decadeAxis(domain: [number, number] | undefined): object {
  if (!domain) return {};
  const values: number[] = [];
  for (let e = Math.round(Math.log10(domain[0])); e <= Math.round(Math.log10(domain[1])); e++) values.push(10 ** e);
  return { axis: { values, format: "~g" } };
}

/** The log-scale concentration axis of a species panel, whole-decade ticks when the domain is known. */
function logConcentrationY(domain: [number, number] | undefined, title: string) {
  return {
    field: "concentration",
    type: "quantitative",
    scale: { type: "log", ...(domain ? { domain, nice: false } : {}) },
    ...decadeAxis(domain),
    stack: null,
    title,
  } as const;
}

/** What every stacked species panel of factors `ks` shares: font, x-label angle, y title, last factor. */
function panelCommon(input: PmfResult["input"], ks: number[], width: number, lang: Lang) {
  const speciesNames = nameLabels(input.species, lang);
  return {
    font: fontFor(lang),
    speciesNames,
    angle: labelAngle(speciesNames, width),
    yTitle: withUnit(label("concentration", lang), commonUnit(input.units)),
    last: ks[ks.length - 1],
  };
}

/**
 * A tidy table of profile elements: the text columns `factor`, `species`, `unit`, then the
 * `numeric` columns in the order given (each with its unit and the value of a row).
 */
function elementTable<R extends { factor: string; species: string; unit: string }>(
  rows: R[],
  numeric: Record<string, { unit: string; value: (r: R) => number }>,
): AqTable {
  const columns: Parameters<typeof AqTable.create>[0] = {
    factor: rows.map((r) => r.factor),
    species: rows.map((r) => r.species),
    unit: rows.map((r) => r.unit),
  };
  const info: Parameters<typeof AqTable.create>[1] = {
    factor: { kind: "string" },
    species: { kind: "string" },
    unit: { kind: "string" },
  };
  for (const [name, c] of Object.entries(numeric)) {
    columns[name] = Float64Array.from(rows, c.value);
    info[name] = { unit: c.unit };
  }
  return AqTable.create(columns, info);
}

/** Factor index of `factor` (0-based index or name), or all factors. */
function factorsOf(result: PmfResult, factor: number | string | undefined, who: string): number[] {
  if (factor === undefined) return Array.from({ length: result.p }, (_, k) => k);
  const k = typeof factor === "number" ? factor : result.factorNames.indexOf(factor);
  if (!Number.isInteger(k) || k < 0 || k >= result.p) {
    throw new RangeError(`${who}: no factor ${JSON.stringify(factor)} (have: ${result.factorNames.join(", ")})`);
  }
  return [k];
}

function checkShapes(result: PmfResult, who: string): void {
  const { p, input, F } = result;
  if (F.length !== p * input.m)
    throw new RangeError(`${who}: result.F has ${F.length} values, expected p × m = ${p * input.m}`);
}

/** Index of the level equal to `dQmax` (within 1e-9), or −1. */
function levelIndex(levels: number[], dQmax: number): number {
  return levels.findIndex((L) => Math.abs(L - dQmax) <= 1e-9 * Math.max(1, Math.abs(dQmax)));
}

/** Clamp a whisker end onto the drawn log domain (values at or below its lower end are drawn at the axis). */
function plotValue(v: number | null, domain: [number, number] | undefined): number | null {
  if (v === null || !domain) return null;
  return Math.min(Math.max(v, domain[0]), domain[1]);
}

// ------------------------------------------------------------------ interval profiles

/** Options of {@link intervalProfileSpec}. */
export interface IntervalProfileOptions extends PmfFigureOptions {
  /** Bootstrap result: whiskers from the 5th to the 95th percentile. */
  bootstrap?: BootstrapResult;
  /** DISP result: whiskers from the lowest to the highest displaced value at `dispLevel`. */
  disp?: DispResult;
  /** BS-DISP result: whiskers at `bsdispLevel`. */
  bsdisp?: BsDispResult;
  /** DISP level shown, a dQmax of `disp.dQmax` (default 4 when present, else the smallest level). */
  dispLevel?: number;
  /** BS-DISP level shown, a dQmax of `bsdisp.dQmax` (default the largest level). */
  bsdispLevel?: number;
  /** One factor only (0-based index or name); default every factor, one panel each. */
  factor?: number | string;
}

/** One whisker of {@link intervalProfileSpec}: the exact interval ends and the ends as drawn. */
export interface IntervalWhiskerRow {
  factor: string;
  /** 0-based factor index. */
  k: number;
  species: string;
  /** `"BS"`, `"DISP"` or `"BS-DISP"`. */
  method: IntervalMethod;
  /** Legend text: method and level (`"BS 5–95 %"`, `"DISP dQmax 4"`, `"BS-DISP dQmax 4"`). */
  interval: string;
  /** Interval ends in concentration units, exactly as in the error-estimation result. */
  low: number;
  high: number;
  /** The ends as drawn: clamped onto the panel's log domain (a low end ≤ 0 is drawn at the axis). */
  lowPlot: number | null;
  highPlot: number | null;
}

/** The resolved level index of a DISP/BS-DISP result, with a readable error for a missing level. */
function pickLevel(levels: number[], asked: number | undefined, dflt: number, who: string): number {
  if (levels.length === 0) throw new RangeError(`${who}: the result has no dQmax levels`);
  if (asked === undefined) return dflt;
  const li = levelIndex(levels, asked);
  if (li < 0) throw new RangeError(`${who}: dQmax ${asked} is not among the result's levels (${levels.join(", ")})`);
  return li;
}

/**
 * Whole-decade log-scale domain enclosing the positive values (lower end strictly below the
 * smallest so its bar stays visible), at most 1/LOG_SPAN deep below the largest value.
 */
function logAxisScale(values: (number | null)[]): [number, number] | undefined {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x) && x > 0);
  if (v.length === 0) return undefined;
  const max = Math.max(...v);
  const min = Math.max(Math.min(...v), max * LOG_SPAN);
  let lo = 10 ** Math.floor(Math.log10(min));
  if (lo >= min * 0.999) lo /= 10;
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi < max) hi *= 10;
  return [lo, hi];
}

/**
 * The whisker rows of {@link intervalProfileSpec} (before clamping onto a log domain; `lowPlot`
 * and `highPlot` are the raw ends): BS p5–p95 (elements no BS run reproduced are left out), DISP
 * down–up at dQmax 4 (or `dispLevel`), BS-DISP down–up at the largest level (or `bsdispLevel`).
 * Non-finite ends are left out.
 * @throws {RangeError} when the bootstrap result and the PMF result differ in factors or species
 */
export function intervalWhiskers(result: PmfResult, opts: IntervalProfileOptions = {}): IntervalWhiskerRow[] {
  checkShapes(result, "intervalWhiskers");
  const { input, factorNames } = result;
  const ks = new Set(factorsOf(result, opts.factor, "intervalWhiskers"));
  const rows: IntervalWhiskerRow[] = [];
  const push = (k: number, j: number, method: IntervalMethod, interval: string, low: number, high: number) => {
    if (!ks.has(k) || !Number.isFinite(low) || !Number.isFinite(high)) return;
    rows.push({
      factor: factorNames[k],
      k,
      species: input.species[j],
      method,
      interval,
      low,
      high,
      lowPlot: low,
      highPlot: high,
    });
  };
  const bs = opts.bootstrap;
  if (bs) {
    if (bs.intervals.length !== result.p)
      throw new RangeError(
        `intervalWhiskers: the bootstrap result has ${bs.intervals.length} factors, the PMF result ${result.p}`,
      );
    bs.intervals.forEach((row, k) => {
      if (row.length !== input.m)
        throw new RangeError(
          `intervalWhiskers: the bootstrap result has ${row.length} species, the PMF result ${input.m}`,
        );
      row.forEach((iv, j) => {
        if (iv.count > 0) push(k, j, "BS", "BS 5–95 %", iv.p5, iv.p95);
      });
    });
  }
  const disp = opts.disp;
  if (disp) {
    const di = levelIndex(disp.dQmax, DEFAULT_DISP_LEVEL);
    const li = pickLevel(disp.dQmax, opts.dispLevel, di >= 0 ? di : 0, "intervalWhiskers (DISP)");
    const text = `DISP dQmax ${disp.dQmax[li]}`;
    for (const iv of disp.intervals) push(iv.k, iv.j, "DISP", text, iv.down[li], iv.up[li]);
  }
  const bsd = opts.bsdisp;
  if (bsd) {
    const li = pickLevel(bsd.dQmax, opts.bsdispLevel, bsd.dQmax.length - 1, "intervalWhiskers (BS-DISP)");
    const text = `BS-DISP dQmax ${bsd.dQmax[li]}`;
    for (const iv of bsd.intervals) push(iv.k, iv.j, "BS-DISP", text, iv.down[li], iv.up[li]);
  }
  return rows;
}

/**
 * Factor profiles with error intervals, as EPA PMF 5.0's error-estimation summary plots them:
 * per factor, bars of the base profile F_kj per species on a log scale, and for each available
 * interval type a whisker, side by side within the species' band (left to right BS, DISP,
 * BS-DISP): BS from the 5th to the 95th percentile, DISP from the lowest to the highest displaced
 * value at dQmax = 4, BS-DISP at its largest dQmax. The legend names the method and level.
 * A whisker end at or below the panel's lower log-axis limit (e.g. a DISP interval reaching 0)
 * is drawn at the axis.
 *
 * One panel per factor (`vconcat`, factor name as panel title, species labels under the last
 * panel), or one panel with `factor`. Inline data per panel: bar rows
 * `{ factor, species, base, concentration }` (concentration null where F_kj ≤ 0) and whisker rows
 * {@link IntervalWhiskerRow} (`low`/`high` exact, `lowPlot`/`highPlot` as drawn). Factor and
 * species names are shown in the figure language (`nameLabels`: SO2 → 二酸化硫黄 / 二氧化硫);
 * names the registry does not know pass through unchanged.
 * `width`/`height` are per panel (defaults 640 × 140).
 *
 * @throws RangeError when the results do not match the PMF result, or no interval is given
 */
export function intervalProfileSpec(result: PmfResult, opts: IntervalProfileOptions = {}): TopLevelSpec {
  if (!opts.bootstrap && !opts.disp && !opts.bsdisp)
    throw new RangeError("intervalProfileSpec: give at least one of bootstrap, disp, bsdisp");
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts, 140);
  const { input, factorNames, F } = result;
  const m = input.m;
  const ks = factorsOf(result, opts.factor, "intervalProfileSpec");
  const whiskers = intervalWhiskers(result, opts);
  const methods = INTERVAL_METHODS.filter((meth) => whiskers.some((w) => w.method === meth));
  const intervalNames = methods.map((meth) => whiskers.find((w) => w.method === meth)!.interval);
  const { font, angle, yTitle, last, speciesNames } = panelCommon(input, ks, width, lang);
  const speciesOf = new Map(input.species.map((s, j) => [s, speciesNames[j]]));
  const panels = ks.map((k) => {
    const name = nameLabel(factorNames[k], lang);
    const bars = speciesNames.map((species, j) => {
      const v = F[k * m + j];
      return { factor: name, species, base: v, concentration: Number.isFinite(v) && v > 0 ? v : null };
    });
    const ws = whiskers.filter((w) => w.k === k);
    const domain = logAxisScale([
      ...bars.map((b) => b.concentration),
      ...ws.map((w) => w.high),
      ...ws.map((w) => w.low),
    ]);
    const wsPlot = ws.map((w) => ({
      ...w,
      factor: name,
      species: speciesOf.get(w.species) ?? w.species,
      lowPlot: plotValue(w.low, domain),
      highPlot: plotValue(w.high, domain),
    }));
    const x = speciesPanelX(speciesNames, k, last, angle, lang);
    const y = logConcentrationY(domain, yTitle);
    return {
      title: { text: name, anchor: "start" as const, fontSize: 12 },
      width,
      height,
      layer: [
        {
          data: { values: bars },
          transform: [{ filter: "datum.concentration != null" }],
          mark: { type: "bar" as const, color: BAR_COLOUR, opacity: 0.75 },
          encoding: { x, y },
        },
        {
          data: { values: wsPlot },
          transform: [{ filter: "datum.lowPlot != null && datum.highPlot != null" }],
          mark: { type: "rule" as const, strokeWidth: 2 },
          encoding: {
            x,
            xOffset: { field: "interval", type: "nominal", scale: { domain: intervalNames, paddingOuter: 0.6 } },
            y: { ...y, field: "lowPlot" },
            y2: { field: "highPlot" },
            color: {
              field: "interval",
              type: "nominal",
              scale: { domain: intervalNames, range: methods.map((meth) => METHOD_COLOURS[meth]) },
              title: label("errorInterval", lang),
            },
          },
        },
      ],
      resolve: { scale: { y: "shared" } },
    };
  });
  return stackedPanels(panels, opts, font);
}

// ------------------------------------------------------------------ swap table

/** Options of {@link swapTableSpec}. */
export interface SwapTableOptions extends PmfFigureOptions {
  /** Factor names, in base order (default: from the result's intervals, else `Factor 1` …). */
  factorNames?: string[];
}

/** Factor names of a DISP/BS-DISP result: from `names`, else its intervals, else `Factor k`. */
function swapFactorNames(res: DispResult | BsDispResult, names: string[] | undefined): string[] {
  const p = res.swaps.length > 0 ? res.swaps[0].byFactor.length : 0;
  if (names) {
    if (names.length !== p) throw new RangeError(`swapTableSpec: ${names.length} factor names for ${p} factors`);
    return names;
  }
  const out = Array.from({ length: p }, (_, k) => `Factor ${k + 1}`);
  for (const iv of res.intervals as { k: number; factor: string }[]) if (iv.k < p && iv.factor) out[iv.k] = iv.factor;
  return out;
}

/**
 * The swap table of DISP or BS-DISP (EPA PMF 5.0's "# of swaps" summary) as a heat table: one
 * row per base factor, one column per dQmax level, each cell the number of displacements of that
 * factor's elements whose refitted solution had a factor swap (a refitted factor matching
 * another base factor better than its own; see `swappedFactors`),
 * coloured from white (0) upwards and labelled with the count. Swaps at the smallest level mean
 * the factor is not well defined; BS-DISP's `unreliableFactors` are those.
 *
 * Inline data rows: `{ factor, dQmax, swaps }` (dQmax as a number, columns in ascending order).
 */
export function swapTableSpec(res: DispResult | BsDispResult, opts: SwapTableOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const names = nameLabels(swapFactorNames(res, opts.factorNames), lang);
  const rows = res.swaps.flatMap((lv) => lv.byFactor.map((swaps, k) => ({ factor: names[k], dQmax: lv.dQmax, swaps })));
  const levels = res.swaps.map((lv) => lv.dQmax);
  const width = opts.width ?? Math.max(160, 70 * levels.length);
  const height = opts.height ?? Math.max(80, 24 * names.length);
  size({ width, height });
  const max = Math.max(1, ...rows.map((r) => r.swaps));
  const x = {
    field: "dQmax",
    type: "ordinal",
    sort: levels,
    axis: { labelAngle: 0, orient: "top" },
    title: label("dQmax", lang),
  } as const;
  const y = { field: "factor", type: "nominal", sort: names, title: label("factor", lang) } as const;
  const font = fontFor(lang);
  return {
    $schema: SCHEMA,
    ...titleOf(opts),
    width,
    height,
    data: { values: rows },
    layer: [
      {
        mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: "swaps",
            type: "quantitative",
            scale: { domain: [0, max], range: ["#ffffff", "#d6604d"] },
            title: label("factorSwaps", lang),
          },
        },
      },
      {
        mark: { type: "text", fontSize: 12 },
        encoding: { x, y, text: { field: "swaps", type: "quantitative", format: "d" } },
      },
    ],
    config: { ...fontConfig(font), view: { stroke: null } },
  } as TopLevelSpec;
}

// ------------------------------------------------------------------ Fpeak curve

/** One point of an Fpeak scan (e.g. an element of `fpeakPmf`'s result). */
export interface FpeakPoint {
  strength: number;
  /** Objective increase over the base (absolute). */
  dQ: number;
  /** The same in % of the base objective (needed with `percent`). */
  dQPct?: number;
}

/** Options of {@link fpeakCurveSpec}. */
export interface FpeakCurveOptions extends PmfFigureOptions {
  /** Plot dQ in % of the base objective (`dQPct`) instead of absolute dQ (default false). */
  percent?: boolean;
}

/**
 * dQ against the Fpeak strength (EPA PMF 5.0 User Guide: scan strengths and keep rotations whose
 * dQ stays small): a line with points, sorted by strength, and a dashed rule at dQ = 0.
 *
 * Inline data rows: `{ strength, dQ }` (or `{ strength, dQPct }` with `percent`); points with a
 * non-finite value are dropped.
 *
 * @throws Error when `points` is empty
 */
export function fpeakCurveSpec(points: FpeakPoint[], opts: FpeakCurveOptions = {}): TopLevelSpec {
  if (points.length === 0) throw new RangeError("fpeakCurveSpec: no points");
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts);
  const field = opts.percent ? "dQPct" : "dQ";
  const rows = points
    .map((q) => ({ strength: q.strength, [field]: opts.percent ? (q.dQPct ?? NaN) : q.dQ }))
    .filter((r) => Number.isFinite(r.strength) && Number.isFinite(r[field] as number))
    .sort((a, b) => a.strength - b.strength);
  const x = { field: "strength", type: "quantitative", title: label("fpeakStrength", lang) } as const;
  const y = { field, type: "quantitative", title: label(opts.percent ? "dQPct" : "dQ", lang) } as const;
  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    layer: [
      {
        data: { values: [{ [field]: 0 }] },
        mark: { type: "rule", color: "#999", strokeDash: [4, 4] },
        encoding: { y },
      },
      { data: { values: rows }, mark: { type: "line", color: BAR_COLOUR }, encoding: { x, y } },
      {
        data: { values: rows },
        mark: { type: "point", filled: true, color: BAR_COLOUR, size: 40 },
        encoding: { x, y },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}

// ------------------------------------------------------------------ base vs constrained

/** Options of {@link constrainedComparisonSpec}. */
export interface ConstrainedComparisonOptions extends PmfFigureOptions {
  /** One factor only (0-based index or name); default every factor, one panel each. */
  factor?: number | string;
  /** Legend text of the altered solution (default the `constrained` label, e.g. `"Fpeak 0.5"` for a rotation). */
  label?: string;
}

/**
 * Base versus constrained (or rotated) profiles: per factor, two bars per species side by side —
 * the base F_kj and the altered solution's F_kj — on a log scale (zero and negative values have
 * no bar). Works with any solution with profiles in the base's units and factor order
 * (`constrainPmf`, `fpeakPmf` results).
 *
 * One panel per factor (`vconcat`), or one with `factor`. Inline data rows per panel:
 * `{ factor, species, solution, value, concentration }` (`value` exact, `concentration` null
 * where ≤ 0). `width`/`height` are per panel (defaults 640 × 140).
 *
 * @throws RangeError when the altered profiles do not have p × m values
 */
export function constrainedComparisonSpec(
  result: PmfResult,
  constrained: { F: ArrayLike<number> },
  opts: ConstrainedComparisonOptions = {},
): TopLevelSpec {
  checkShapes(result, "constrainedComparisonSpec");
  const lang = opts.lang ?? "en";
  const { width, height } = size(opts, 140);
  const { input, factorNames, F, p } = result;
  const m = input.m;
  if (constrained.F.length !== p * m)
    throw new RangeError(
      `constrainedComparisonSpec: the constrained F has ${constrained.F.length} values, expected p × m = ${p * m}`,
    );
  const ks = factorsOf(result, opts.factor, "constrainedComparisonSpec");
  const baseName = label("baseRun", lang);
  const altName = opts.label ?? label("constrained", lang);
  if (altName === baseName) throw new RangeError(`constrainedComparisonSpec: the label must differ from "${baseName}"`);
  const solutions = [baseName, altName];
  const { font, angle, yTitle, last, speciesNames } = panelCommon(input, ks, width, lang);
  const panels = ks.map((k) => {
    const name = nameLabel(factorNames[k], lang);
    const rows: {
      factor: string;
      species: string;
      solution: string;
      value: number | null;
      concentration: number | null;
    }[] = [];
    speciesNames.forEach((species, j) => {
      for (const [solution, mat] of [
        [baseName, F],
        [altName, constrained.F],
      ] as const) {
        const v = mat[k * m + j];
        rows.push({
          factor: name,
          species,
          solution,
          value: finite(v),
          concentration: Number.isFinite(v) && v > 0 ? v : null,
        });
      }
    });
    const domain = logAxisScale(rows.map((r) => r.concentration));
    return {
      title: { text: name, anchor: "start" as const, fontSize: 12 },
      width,
      height,
      data: { values: rows },
      transform: [{ filter: "datum.concentration != null" }],
      mark: { type: "bar" as const },
      encoding: {
        x: speciesPanelX(speciesNames, k, last, angle, lang),
        xOffset: { field: "solution", type: "nominal", scale: { domain: solutions } },
        y: logConcentrationY(domain, yTitle),
        color: {
          field: "solution",
          type: "nominal",
          scale: { domain: solutions, range: [BAR_COLOUR, "#f58518"] },
          title: label("solution", lang),
        },
      },
    };
  });
  return stackedPanels(panels, opts, font);
}

// ------------------------------------------------------------------ tidy tables

/**
 * Bootstrap intervals as a tidy table, one row per factor and species: `factor`, `species`,
 * `unit` (text), `base` (the base F_kj), `p5`, `p25`, `p50`, `p75`, `p95` (type-7 percentiles of
 * the BS profiles, NaN when no run reproduced the factor) in concentration units, and `count`
 * (BS values behind them, unit `1`). Concentration columns carry the species' common unit, or
 * `mixed` (see the `unit` column).
 * @throws {RangeError} when the bootstrap result and the PMF result differ in factors
 */
export function bootstrapIntervalTable(result: PmfResult, bs: BootstrapResult): AqTable {
  if (bs.intervals.length !== result.p)
    throw new RangeError(
      `bootstrapIntervalTable: the bootstrap result has ${bs.intervals.length} factors, the PMF result ${result.p}`,
    );
  const rows = bs.intervals.flatMap((row, k) => row.map((iv) => ({ factor: result.factorNames[k], ...iv })));
  const unit = commonUnit(result.input.units);
  return elementTable(rows, {
    base: { unit, value: (r) => r.base },
    p5: { unit, value: (r) => r.p5 },
    p25: { unit, value: (r) => r.p25 },
    p50: { unit, value: (r) => r.p50 },
    p75: { unit, value: (r) => r.p75 },
    p95: { unit, value: (r) => r.p95 },
    count: { unit: "1", value: (r) => r.count },
  });
}

/**
 * DISP or BS-DISP intervals as a tidy table, one row per displaced element and dQmax level:
 * `factor`, `species`, `unit` (text), `dQmax` (unit `1`), `base` (the base F_kj), `low` and
 * `high` (the lowest and highest displaced values with dQ ≤ dQmax), in concentration units
 * (the species' common unit, or `mixed`).
 */
export function dispIntervalTable(result: PmfResult, res: DispResult | BsDispResult): AqTable {
  const { input } = result;
  const rows = res.intervals.flatMap((iv) =>
    res.dQmax.map((L, li) => ({
      factor: result.factorNames[iv.k] ?? iv.factor,
      species: iv.species,
      unit: input.units[iv.j] ?? "",
      dQmax: L,
      base: iv.base,
      low: iv.down[li],
      high: iv.up[li],
    })),
  );
  const unit = commonUnit(input.units);
  return elementTable(rows, {
    dQmax: { unit: "1", value: (r) => r.dQmax },
    base: { unit, value: (r) => r.base },
    low: { unit, value: (r) => r.low ?? NaN },
    high: { unit, value: (r) => r.high ?? NaN },
  });
}
