/**
 * Figures of conditioned ("type") analyses: any per-level result of {@link byType} (or of a
 * function's `type` option) laid out as openair's panels, with the level names in the figure's
 * language.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { facetSpecs } from "../figures/facet";
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
