// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import { fontConfig, fontFor, SCHEMA, specFrame } from "../figures/specs";
import { nameLabel, nameLabels } from "../figures/names";
import type { FactorIdentification, ProfileComparison } from "./index";
import { vlabel } from "./labels";

/**
 * Factor-vs-reference profile bars: for each compared species, the factor's and the
 * reference's mass fractions side by side on a log axis (fractions span 1e-5 … 1), with r, SID
 * and PD in the subtitle. Fractions below 1e-6 (e.g. zero-filled species of a complete reference) are clamped to the
 * axis floor 1e-6, so they show no bar. Species, factor and reference names the registry knows are
 * shown in the figure language (`nameLabel`), others unchanged.
 */
export function profileComparisonSpec(
  c: ProfileComparison,
  opts: { lang?: Lang; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const font = fontFor(lang);
  const f = vlabel("pmfFactor", lang),
    r = vlabel("referenceProfile", lang);
  const sp = nameLabels(c.species, lang);
  const rows = sp.flatMap((s, j) => [
    { species: s, series: `${f}: ${nameLabel(c.profile, lang)}`, value: Math.max(1e-6, c.x[j]) },
    { species: s, series: `${r}: ${nameLabel(c.reference, lang)}`, value: Math.max(1e-6, c.y[j]) },
  ]);
  return {
    title: {
      text: `${vlabel("profileComparison", lang)}: ${c.profile} / ${c.reference}`,
      subtitle: `r = ${c.pearson.toFixed(2)}, SID = ${c.sid.toFixed(2)}, PD = ${c.pd.toFixed(2)}`,
    },
    ...specFrame(undefined, opts.width ?? 640, opts.height ?? 280, { fit: false }),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: { field: "species", type: "nominal", sort: null, title: vlabel("species", lang), axis: { labelAngle: -45 } },
      xOffset: { field: "series", type: "nominal" },
      y: {
        field: "value",
        type: "quantitative",
        scale: { type: "log", domain: [1e-6, 1] },
        title: `${vlabel("massFraction", lang)} (g/g)`,
      },
      // bars on a log axis need an explicit base (a log scale has no zero)
      y2: { datum: 1e-6 },
      color: {
        field: "series",
        type: "nominal",
        title: vlabel("series", lang),
        legend: { orient: "bottom", labelLimit: 400 },
      },
    },
    config: fontConfig(font),
  } as TopLevelSpec;
}

/**
 * Heatmap of the ranking distance (or Pearson r) of every factor against every reference, values printed in the cells.
 * Factor names in the figure language (`nameLabel`) unless `factorLabels` are given.
 */
export function similarityHeatmapSpec(
  id: FactorIdentification,
  opts: { lang?: Lang; metric?: "distance" | "pearson"; factorLabels?: string[] } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const metric = opts.metric ?? "distance";
  const rows: { factor: string; reference: string; value: number }[] = [];
  id.factors.forEach((f, k) => {
    const label = opts.factorLabels?.[k] ?? nameLabel(f, lang);
    id.references.forEach((ref, r) => {
      const c = id.candidates[k].find((x) => x.reference === ref)!;
      rows.push({
        factor: label,
        reference: ref,
        value: Number((metric === "distance" ? id.distance[k][r] : c.pearson).toFixed(2)),
      });
    });
  });
  const title = metric === "distance" ? vlabel("distance", lang) : vlabel("pearson", lang);
  return {
    title: { text: vlabel("similarity", lang) },
    data: { values: rows },
    ...specFrame(undefined, Math.max(240, 46 * id.references.length), Math.max(160, 28 * id.factors.length), {
      fit: false,
    }),
    encoding: {
      x: {
        field: "reference",
        type: "nominal",
        sort: null,
        title: vlabel("reference", lang),
        axis: { labelAngle: -40, labelLimit: 200 },
      },
      y: { field: "factor", type: "nominal", sort: null, title: vlabel("factor", lang) },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: "value",
            type: "quantitative",
            title,
            scale:
              metric === "distance" ? { scheme: "viridis", domain: [0, 1] } : { scheme: "blueorange", domain: [-1, 1] },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: { text: { field: "value", type: "quantitative" }, color: { value: "white" } },
      },
    ],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
