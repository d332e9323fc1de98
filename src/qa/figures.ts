// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { fontConfig, fontFor, specFrame, withUnit } from "../figures/specs";
import type { Lang } from "../figures/labels";
import type { MassClosureResult } from "./massclosure";
import type { IonBalanceResult } from "./ionbalance";
import type { CampaignQa } from "./summary";
import { nameLabel, nameLabels } from "../figures/names";
import { qaLabel } from "./labels";

const fin = (x: number) => Number.isFinite(x);

/**
 * Mass closure: stacked bars of the reconstructed components per sample with the measured
 * (gravimetric) mass as black diamonds (µg/m3).
 */
export function massClosureSpec(
  r: MassClosureResult,
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const order = r.components.map((c) => qaLabel(c.key, lang));
  const bars: { sample: string; component: string; order: number; value: number }[] = [];
  const mass: { sample: string; value: number; what: string }[] = [];
  for (const s of r.samples) {
    r.components.forEach((c, k) => {
      const v = s.components[c.key];
      if (fin(v)) bars.push({ sample: s.sample, component: order[k], order: k, value: v });
    });
    if (fin(s.measured)) mass.push({ sample: s.sample, value: s.measured, what: qaLabel("measuredMass", lang) });
  }
  const samples = r.samples.map((s) => s.sample);
  const x = {
    field: "sample",
    type: "nominal",
    sort: samples,
    title: qaLabel("sample", lang),
    axis: { labelAngle: -60, labelOverlap: true },
  };
  const y = withUnit(qaLabel("concentration", lang), r.unit);
  return {
    ...(opts.title ? { title: opts.title } : {}),
    ...specFrame(undefined, opts.width ?? 760, opts.height ?? 320, { fit: false }),
    layer: [
      {
        data: { values: bars },
        mark: { type: "bar" },
        encoding: {
          x,
          y: { field: "value", type: "quantitative", stack: "zero", title: y },
          color: {
            field: "component",
            type: "nominal",
            sort: order,
            scale: { domain: order, scheme: "tableau10" },
            title: qaLabel("component", lang),
          },
          order: { field: "order", type: "quantitative" },
        },
      },
      {
        data: { values: mass },
        mark: { type: "point", shape: "diamond", filled: true, color: "black", size: 30 },
        encoding: {
          x,
          y: { field: "value", type: "quantitative" },
          shape: { field: "what", type: "nominal", title: null, scale: { range: ["diamond"] } },
        },
      },
    ],
    resolve: { legend: { color: "independent", shape: "independent" } },
    config: fontConfig(font),
  } as TopLevelSpec;
}

/**
 * Ion balance: cation vs anion equivalents (µeq/m3) per sample with the 1:1 line, coloured by group (e.g. site;
 * shown in the figure language by `nameLabel`, unknown names unchanged).
 */
export function ionBalanceSpec(
  results: { group: string; result: IonBalanceResult }[],
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const pts: { group: string; sample: string; anions: number; cations: number }[] = [];
  let max = 0;
  for (const { group, result } of results)
    for (const s of result.samples)
      if (fin(s.anions) && fin(s.cations)) {
        pts.push({ group: nameLabel(group, lang), sample: s.sample, anions: s.anions, cations: s.cations });
        max = Math.max(max, s.anions, s.cations);
      }
  const unit = "µeq/m3";
  return {
    ...(opts.title ? { title: opts.title } : {}),
    ...specFrame(undefined, opts.width ?? 380, opts.height ?? 360, { fit: false }),
    layer: [
      {
        data: { values: [{ v: 0 }, { v: max * 1.05 }] },
        mark: { type: "line", color: "gray", strokeDash: [4, 3] },
        encoding: { x: { field: "v", type: "quantitative" }, y: { field: "v", type: "quantitative" } },
      },
      {
        data: { values: pts },
        mark: { type: "point", filled: true, opacity: 0.7 },
        encoding: {
          x: { field: "anions", type: "quantitative", title: withUnit(qaLabel("anions", lang), unit) },
          y: { field: "cations", type: "quantitative", title: withUnit(qaLabel("cations", lang), unit) },
          color: { field: "group", type: "nominal", title: qaLabel("campaign", lang) },
          tooltip: [{ field: "sample" }],
        },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}

/**
 * Completeness heatmap: species × campaign, colour = % of samples with a value; the number is written in each cell.
 * Species and campaign (site) names are shown in the figure language (`nameLabels`), unknown names unchanged.
 */
export function completenessHeatmapSpec(
  campaigns: CampaignQa[],
  opts: { lang?: Lang; title?: string; width?: number; height?: number } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en",
    font = fontFor(lang);
  const all = [...new Set(campaigns.flatMap((c) => c.species.map((s) => s.species)))];
  const labelOf = new Map(nameLabels(all, lang).map((l, i) => [all[i], l]));
  const rows = campaigns.flatMap((c) =>
    c.species.map((s) => ({
      campaign: nameLabel(c.campaign, lang),
      species: labelOf.get(s.species)!,
      completeness: Math.round(1000 * s.completeness) / 10,
    })),
  );
  const species = campaigns[0]?.species.map((s) => labelOf.get(s.species)!) ?? [];
  const enc = {
    x: { field: "species", type: "nominal", sort: species, title: qaLabel("species", lang), axis: { labelAngle: -45 } },
    y: { field: "campaign", type: "nominal", title: qaLabel("campaign", lang) },
  };
  return {
    ...(opts.title ? { title: opts.title } : {}),
    ...specFrame(undefined, opts.width ?? 760, opts.height ?? 40 * Math.max(1, campaigns.length), { fit: false }),
    data: { values: rows },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          ...enc,
          color: {
            field: "completeness",
            type: "quantitative",
            scale: { domain: [50, 100], scheme: "redyellowgreen", clamp: true },
            title: qaLabel("completeness", lang),
          },
        },
      },
      {
        mark: { type: "text", fontSize: 8 },
        encoding: { ...enc, text: { field: "completeness", type: "quantitative", format: ".0f" } },
      },
    ],
    config: fontConfig(font),
  } as TopLevelSpec;
}
