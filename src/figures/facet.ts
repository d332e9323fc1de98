/**
 * Conditioned ("type") figures laid out as openair lays its lattice panels: one panel per level
 * in a grid, each under a strip title naming its level, filled row by row from the top left (for
 * a second type, one row of panels per level of it), with one shared legend.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { SCHEMA } from "./specs";

/** One panel of {@link facetSpecs}: a figure and the title of its strip. */
export interface FacetPanel {
  /** The strip title (the level, already in the figure's language). */
  title: string;
  /** The panel's figure (a spec built by the library). */
  spec: TopLevelSpec;
}

/** Options of {@link facetSpecs}. */
export interface FacetOptions {
  /** Panels per row (default: openair's layout, ⌈√n⌉ for one type; the first type's levels for two). */
  columns?: number;
  /** Figure title above the grid. */
  title?: string;
  /** Scales shared by all panels ("shared", default) or each its own ("independent"): colour legends merge when shared. */
  colour?: "shared" | "independent";
}

const TOP_ONLY = ["$schema", "config", "autosize", "padding", "background", "usermeta", "datasets"];

/**
 * Lay per-level figures out as a grid with strip titles (openair's panels for `type`). Each
 * panel keeps its own marks and size; its own title moves to a subtitle under the strip title
 * (e.g. a rose's calm share). The first panel's `config` (fonts of the figure language) is used
 * for the whole figure.
 *
 * @param panels one per level, in openair's order
 * @param opts {@link FacetOptions}
 * @throws {RangeError} when there are no panels or `columns` is not a positive integer
 */
export function facetSpecs(panels: FacetPanel[], opts: FacetOptions = {}): TopLevelSpec {
  if (panels.length === 0) throw new RangeError("facetSpecs: no panels");
  const columns = opts.columns ?? Math.ceil(Math.sqrt(panels.length));
  if (!(Number.isInteger(columns) && columns >= 1))
    throw new RangeError(`facetSpecs: columns must be a positive integer, got ${columns}`);
  const first = panels[0].spec as unknown as Record<string, unknown>;
  const concat = panels.map(({ title, spec }) => {
    const s: Record<string, unknown> = { ...(spec as unknown as Record<string, unknown>) };
    for (const k of TOP_ONLY) delete s[k];
    const own = s.title as { text?: string; subtitle?: string } | string | undefined;
    const sub = typeof own === "string" ? own : [own?.text, own?.subtitle].filter((x) => x).join(" · ");
    s.title = {
      text: title,
      ...(sub ? { subtitle: sub } : {}),
      anchor: "middle",
      fontWeight: "bold",
      fontSize: 13,
      frame: "group",
    };
    return s;
  });
  const colour = opts.colour ?? "shared";
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title, anchor: "middle" } } : {}),
    columns,
    concat,
    resolve: { scale: { color: colour }, legend: { color: colour } },
    ...(first.config ? { config: first.config } : {}),
  } as unknown as TopLevelSpec;
}
