/** Small helpers shared by the PMF figure modules (figures.ts, errorfigures.ts). */
import type { TopLevelSpec } from "vega-lite";
import { label, type Lang } from "../figures/labels";
import { checkSize, DEFAULT_HEIGHT, fontConfig, SCHEMA, withUnit } from "../figures/specs";

export { fontConfig, withUnit };
import { estimateTextWidth } from "../figures/textwidth";
import type { PmfFigureOptions } from "./figures";

export function size(opts: PmfFigureOptions, defaultHeight = DEFAULT_HEIGHT): { width: number; height: number } {
  return checkSize(opts.width, opts.height, defaultHeight);
}

export function titleOf(opts: PmfFigureOptions): object {
  return opts.title !== undefined ? { title: { text: opts.title } } : {};
}

/** Species-axis label angle: flat when every name fits under its band, else −45°. */
export function labelAngle(names: string[], width: number): number {
  if (names.length === 0) return 0;
  const band = (width - 80) / names.length;
  return names.every((c) => estimateTextWidth(c, 10) <= 0.9 * band) ? 0 : -45;
}

/** The common unit of `units`, or `"mixed"`. */
export function commonUnit(units: string[]): string {
  return units.length > 0 && units.every((u) => u === units[0]) ? units[0] : "mixed";
}

/** Finite number or null (Vega-Lite drops nulls from quantitative encodings). */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Whole-decade log-scale domain enclosing the positive values, with the lower end strictly below
 * the smallest value so that its bar (drawn up from the lower end) stays visible.
 */
export function logDomain(values: (number | null)[]): { domain?: [number, number]; nice?: boolean } {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x) && x > 0);
  if (v.length === 0) return {};
  const min = Math.min(...v);
  const max = Math.max(...v);
  let lo = 10 ** Math.floor(Math.log10(min));
  if (lo >= min * 0.999) lo /= 10;
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi < max) hi *= 10; // rounding of log10 near a whole decade
  return { domain: [lo, hi], nice: false };
}

/**
 * The species x encoding of one panel in a column of factor panels: every panel keeps the same
 * species order; only the bottom panel (`k === last`) shows the labels and the axis title.
 */
export function speciesPanelX(species: string[], k: number, last: number, angle: number, lang: Lang) {
  return {
    field: "species",
    type: "nominal",
    sort: null,
    scale: { domain: species },
    axis: k === last ? { labelAngle: angle } : { labels: false, ticks: false },
    title: k === last ? label("species", lang) : null,
  } as const;
}

/** A column of panels (one per factor) with independent y scales. */
export function stackedPanels(panels: object[], opts: PmfFigureOptions, font: string): TopLevelSpec {
  return {
    $schema: SCHEMA,
    ...titleOf(opts),
    vconcat: panels,
    resolve: { scale: { y: "independent" } },
    config: fontConfig(font),
  } as TopLevelSpec;
}
