// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import { fontConfig, fontFor, specFrame, toLocalIso, withUnit } from "../../figures/specs";
import type { Lang } from "../../figures/labels";
import { VOC_GROUPS, type VocGroup } from "./registry";
import { VOC_GROUP_LABELS, vocLabel } from "./labels";
import type { VocReactivity } from "./reactivity";

/**
 * Vega-Lite figures of a {@link VocReactivity} result, labelled in en/ja/zh: group composition
 * of concentration, OFP and L_OH (stacked to 100 %), per-sample OFP or L_OH stacked by group,
 * and the top species by OFP, L_OH or SOA potential.
 */

/** Fixed group colours (colour-blind-safe Okabe–Ito palette), in {@link VOC_GROUPS} order. */
export const VOC_GROUP_COLOURS: Record<VocGroup, string> = {
  alkanes: "#0072B2",
  alkenes: "#D55E00",
  BVOC: "#009E73",
  alkynes: "#999999",
  aromatics: "#E69F00",
  OVOCs: "#CC79A7",
  halocarbons: "#56B4E9",
};

const UNITS = { ppb: "ppb", ofp: "µg/m3", loh: "s-1", soaFromYield: "µg/m3" } as const;

function groupColour(lang: Lang, present: VocGroup[]) {
  const order = VOC_GROUPS.filter((g) => present.includes(g));
  return {
    field: "groupLabel",
    type: "nominal" as const,
    title: vocLabel("group", lang),
    scale: { domain: order.map((g) => VOC_GROUP_LABELS[g][lang]), range: order.map((g) => VOC_GROUP_COLOURS[g]) },
    sort: order.map((g) => VOC_GROUP_LABELS[g][lang]),
  };
}

/**
 * A bar chart of VOC rows: the frame (no title for an empty one, no autosize), inline data, bar
 * marks, `encoding` as given and the figure-language font.
 */
function vocBars(
  lang: Lang,
  opts: { title?: string; width?: number; height?: number },
  width: number,
  height: number,
  rows: object[],
  encoding: object,
): TopLevelSpec {
  return {
    ...specFrame(opts.title || undefined, opts.width ?? width, opts.height ?? height, { fit: false }),
    data: { values: rows },
    mark: { type: "bar" },
    encoding,
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}

/**
 * Group shares of mixing ratio, OFP and L_OH side by side (each bar stacked to 100 %): shows how
 * a small share of the mixing ratio (alkenes, aromatics) carries most of the reactivity.
 */
export function vocGroupShareSpec(
  r: VocReactivity,
  opts: {
    lang?: Lang;
    metrics?: ("ppb" | "ofp" | "loh" | "soaFromYield")[];
    title?: string;
    width?: number;
    height?: number;
  } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const metrics = opts.metrics ?? ["ppb", "ofp", "loh"];
  const rows: { metric: string; groupLabel: string; order: number; share: number; value: number }[] = [];
  for (const m of metrics) {
    for (const g of r.groups)
      rows.push({
        metric: vocLabel(m, lang),
        groupLabel: VOC_GROUP_LABELS[g.group][lang],
        order: VOC_GROUPS.indexOf(g.group),
        share: 100 * g.share[m],
        value: g[m],
      });
  }
  return vocBars(lang, opts, 360, 320, rows, {
    x: {
      field: "metric",
      type: "nominal",
      sort: metrics.map((m) => vocLabel(m, lang)),
      title: null,
      axis: { labelAngle: 0, labelLimit: 200 },
    },
    y: {
      field: "share",
      type: "quantitative",
      stack: "zero",
      title: vocLabel("share", lang),
      scale: { domain: [0, 100] },
    },
    color: groupColour(
      lang,
      r.groups.map((g) => g.group),
    ),
    order: { field: "order", type: "quantitative" },
    tooltip: [
      { field: "groupLabel", type: "nominal" },
      { field: "share", type: "quantitative", format: ".1f" },
      { field: "value", type: "quantitative", format: ".3g" },
    ],
  });
}

/**
 * Per-sample OFP (µg/m3) or L_OH (s-1) stacked by group, x = local sampling time (needs `times`).
 * @throws {RangeError} when the samples have no times
 */
export function vocSampleStackSpec(
  r: VocReactivity,
  opts: {
    metric?: "ofp" | "loh";
    utcOffsetMinutes: number;
    lang?: Lang;
    title?: string;
    width?: number;
    height?: number;
  },
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const metric = opts.metric ?? "ofp";
  const rows: { t: string; groupLabel: string; order: number; value: number }[] = [];
  for (const s of r.perSample) {
    if (s.time === undefined)
      throw new RangeError("vocSampleStackSpec needs sample times: pass times to vocReactivity");
    for (const g of VOC_GROUPS) {
      const v = s.byGroup[g];
      // local wall-clock text "MM-DD HH" (numeric in every language; no machine time zone involved)
      if (v)
        rows.push({
          t: toLocalIso(s.time, opts.utcOffsetMinutes).slice(5, 13).replace("T", " "),
          groupLabel: VOC_GROUP_LABELS[g][lang],
          order: VOC_GROUPS.indexOf(g),
          value: v[metric],
        });
    }
  }
  return vocBars(lang, opts, 640, 280, rows, {
    x: { field: "t", type: "ordinal", sort: null, title: vocLabel("sample", lang), axis: { labelAngle: -60 } },
    y: {
      field: "value",
      type: "quantitative",
      stack: "zero",
      title: withUnit(vocLabel(metric, lang), UNITS[metric]),
    },
    color: groupColour(
      lang,
      r.groups.map((g) => g.group),
    ),
    order: { field: "order", type: "quantitative" },
  });
}

/** Top-N species by OFP, L_OH or yield-based SOA potential: horizontal bars coloured by group, species names in the figure language. */
export function vocTopSpeciesSpec(
  r: VocReactivity,
  opts: {
    metric?: "ofp" | "loh" | "soaFromYield";
    topN?: number;
    lang?: Lang;
    title?: string;
    width?: number;
    height?: number;
  } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const metric = opts.metric ?? "ofp";
  const top = r.species
    .filter((s) => s[metric] !== null && Number.isFinite(s[metric] as number))
    .sort((a, b) => (b[metric] as number) - (a[metric] as number) || a.id.localeCompare(b.id))
    .slice(0, opts.topN ?? 10);
  const rows = top.map((s) => ({
    name: s.names[lang],
    groupLabel: VOC_GROUP_LABELS[s.group][lang],
    value: s[metric] as number,
    share: 100 * ((s.share[metric] as number) ?? 0),
  }));
  return vocBars(lang, opts, 420, 24 * rows.length, rows, {
    y: { field: "name", type: "nominal", sort: rows.map((x) => x.name), title: vocLabel("species", lang) },
    x: { field: "value", type: "quantitative", title: withUnit(vocLabel(metric, lang), UNITS[metric]) },
    color: groupColour(lang, [...new Set(top.map((s) => s.group))]),
    tooltip: [
      { field: "name", type: "nominal" },
      { field: "value", type: "quantitative", format: ".3g" },
      { field: "share", type: "quantitative", format: ".1f" },
    ],
  });
}
