/**
 * Figures of conditioned ("type") analyses: any per-level result of {@link byType} (or of a
 * function's `type` option) laid out as openair's panels, with the level names in the figure's
 * language.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { facetSpecs } from "../figures/facet";
import {
  fontConfig,
  fontFor,
  LOCAL_ISO_PARSE,
  specFrame,
  TIME_AXIS_FORMAT,
  toLocalIso,
  withUnit,
} from "../figures/specs";
import { nameLabel } from "../figures/names";
import type { TimePropResult } from "./timeprop";
import type { TrendLevelResult } from "./trendlevel";
import { dirLabel } from "./labels";
import type { ByTypeResult } from "./bytype";
import { typeLevelLabel } from "./typelabels";

/**
 * One figure of a conditioned analysis: `panel` draws each level's result (e.g.
 * `(r) => roseSpec(r, { lang, size: 300 })`), and the panels are laid out by
 * {@link facetSpecs} under strip titles naming the levels in `lang` (for two types, one row per
 * level of the second type, as openair's lattice layout).
 *
 * @param result a {@link byType} result (or the `byType` field of an analysis run with `type`)
 * @param panel the figure of one level's result
 * @param opts `lang` (default "en"), `title`, `columns` (default ⌈√n⌉; for two types the first type's level count)
 * @throws {RangeError} when the result has no panels
 */
export function byTypeSpec<R>(
  result: ByTypeResult<R>,
  panel: (r: R, level: string) => TopLevelSpec,
  opts: { lang?: Lang; title?: string; columns?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  if (result.panels.length === 0) throw new RangeError("byTypeSpec: the result has no panels (no rows in any level)");
  const panels = result.panels.map((p) => ({
    title: p.levels.map((l, j) => typeLevelLabel(result.kind[j], l, lang)).join(" · "),
    spec: panel(p.result, p.level),
  }));
  const columns = opts.columns ?? (result.type.length === 2 ? result.typeLevels[0].length : undefined);
  return facetSpecs(panels, { title: opts.title, columns });
}

/** Axis title of a conditioning variable: the directional label of a fixed type, wind direction for "wd", else the variable's name. */
function axisTitle(type: string, lang: Lang): string {
  if (type === "wd") return dirLabel("windDirection", lang);
  try {
    return dirLabel(type, lang);
  } catch {
    return nameLabel(type, lang);
  }
}

const TYPE_FIGURE_LABELS: Record<string, Record<Lang, string>> = {
  contribution: { en: "contribution weighted by mean", ja: "平均値で重み付けした寄与", zh: "按均值加权的贡献" },
  percent: { en: "% contribution to", ja: "寄与率 (%)：", zh: "贡献率 (%)：" },
};

/**
 * Stacked bars of a {@link timeProp} result (openair's `timeProp` plot): one bar per period from
 * its start to its end (local time on the axis), split by the levels of the proportion variable
 * in openair's order, their heights the contributions (pollutant units, or % with `normalise`).
 *
 * @param r a {@link timeProp} result
 * @param opts `lang`, `title`, `width`/`height` in pixels (default 720 × 320), `scheme` (Vega scheme, default "tableau10")
 */
export function timePropSpec(
  r: TimePropResult,
  opts: { lang?: Lang; title?: string; width?: number; height?: number; scheme?: string } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const names = r.levels.map((l) => typeLevelLabel(r.kind, l, lang));
  const values = r.rows.map((x) => ({
    start: toLocalIso(x.start, r.utcOffsetMinutes),
    end: toLocalIso(x.end, r.utcOffsetMinutes),
    level: names[r.levels.indexOf(x.level)],
    order: r.levels.indexOf(x.level),
    y0: x.cumulative - x.contribution,
    y1: x.cumulative,
    mean: x.mean,
  }));
  const pol = nameLabel(r.pollutant, lang);
  const yTitle = r.normalise ? `${TYPE_FIGURE_LABELS.percent[lang]} ${pol}` : withUnit(pol, r.unit);
  return {
    ...specFrame(opts.title, opts.width ?? 720, opts.height ?? 320),
    data: { values, format: { parse: { start: LOCAL_ISO_PARSE, end: LOCAL_ISO_PARSE } } },
    mark: { type: "rect", stroke: "white", strokeWidth: 0.3 },
    encoding: {
      x: {
        field: "start",
        type: "temporal",
        scale: { type: "utc" },
        title: dirLabel("date", lang),
        axis: { format: TIME_AXIS_FORMAT },
      },
      x2: { field: "end" },
      y: { field: "y0", type: "quantitative", title: yTitle },
      y2: { field: "y1" },
      color: {
        field: "level",
        type: "nominal",
        scale: { domain: names, scheme: opts.scheme ?? "tableau10" },
        title: r.proportion === "wd" ? dirLabel("windDirection", lang) : nameLabel(r.proportion, lang),
      },
      order: { field: "order" },
      tooltip: [{ field: "level" }, { field: "start" }, { field: "mean", format: ".3g" }],
    },
    config: fontConfig(fontFor(lang)),
  } as unknown as TopLevelSpec;
}

/**
 * Heat map of a {@link trendLevel} result (openair's `trendLevel` plot): x levels across, y levels
 * down, the statistic as colour, one panel per level of `type` laid out by {@link facetSpecs};
 * level names in the figure language, empty cells left blank.
 *
 * @param r a {@link trendLevel} result
 * @param opts `lang`, `title`, `width`/`height` of each panel in pixels (default 320 × 260), `scheme` (default "yelloworangered")
 */
export function trendLevelSpec(
  r: TrendLevelResult,
  opts: { lang?: Lang; title?: string; width?: number; height?: number; scheme?: string } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const [kx, ky, kt] = r.kinds;
  const xs = r.xLevels.map((l) => typeLevelLabel(kx, l, lang)),
    ys = r.yLevels.map((l) => typeLevelLabel(ky, l, lang));
  const finite = r.cells.filter((c) => Number.isFinite(c.value)).map((c) => c.value);
  const domain = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
  const legend = withUnit(`${nameLabel(r.pollutant, lang)} (${r.statistic})`, r.unit);
  const panels = r.typeLevels.map((t) => ({
    title: typeLevelLabel(kt, t, lang),
    spec: {
      width: opts.width ?? 320,
      height: opts.height ?? 260,
      data: {
        values: r.cells
          .filter((c) => c.type === t && Number.isFinite(c.value))
          .map((c) => ({ x: xs[r.xLevels.indexOf(c.x)], y: ys[r.yLevels.indexOf(c.y)], value: c.value, n: c.n })),
      },
      mark: { type: "rect" },
      encoding: {
        x: { field: "x", type: "ordinal", sort: xs, scale: { domain: xs }, title: axisTitle(r.x, lang) },
        y: { field: "y", type: "ordinal", sort: ys, scale: { domain: ys }, title: axisTitle(r.y, lang) },
        color: {
          field: "value",
          type: "quantitative",
          scale: { scheme: opts.scheme ?? "yelloworangered", domain },
          title: legend,
        },
        tooltip: [{ field: "x" }, { field: "y" }, { field: "value", format: ".3g" }, { field: "n" }],
      },
      config: fontConfig(fontFor(lang)),
    } as unknown as TopLevelSpec,
  }));
  return facetSpecs(panels, { title: opts.title, columns: Math.min(panels.length, 3) });
}
