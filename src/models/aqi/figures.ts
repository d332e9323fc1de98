// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../../figures/labels";
import { fontConfig, fontFor, LOCAL_ISO_PARSE, SCHEMA, TIME_AXIS_FORMAT } from "../../figures/specs";
import type { DailyAqiResult } from "./daily";
import { ozLabel } from "../ozone/labels";
import { CN_AQI_CATEGORIES, US_AQI_CATEGORIES } from "./tables/categories";

/**
 * AQI category timeline: one bar per local day, height = AQI, coloured by the official category
 * colours of the standard (HJ 633 for China, EPA for the US); days without an AQI are left empty.
 *
 * @returns a Vega-Lite spec with inline data rows `{ date, aqi, category, primary }`
 */
export function aqiTimelineSpec(
  result: DailyAqiResult,
  opts: { lang?: Lang; width?: number; height?: number; title?: string } = {},
): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const cats = result.standard === "us-2024" ? US_AQI_CATEGORIES : CN_AQI_CATEGORIES;
  const rows = result.days
    .filter((d) => Number.isFinite(d.aqi))
    .map((d) => ({
      date: d.date + "T00:00:00",
      aqi: d.aqi,
      category: cats[d.category - 1].name[lang],
      primary: d.primary.join(", "),
    }));
  const font = fontFor(lang);
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    width: opts.width ?? 640,
    height: opts.height ?? 240,
    autosize: { type: "fit", contains: "padding" },
    data: { values: rows, format: { parse: { date: LOCAL_ISO_PARSE } } },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "date",
        type: "temporal",
        timeUnit: { unit: "yearmonthdate", utc: true },
        scale: { type: "utc" },
        axis: { format: TIME_AXIS_FORMAT },
        title: ozLabel("date", lang),
      },
      y: { field: "aqi", type: "quantitative", title: ozLabel("aqi", lang) },
      color: {
        field: "category",
        type: "nominal",
        scale: { domain: cats.map((c) => c.name[lang]), range: cats.map((c) => c.colour) },
        title: ozLabel("category", lang),
      },
      tooltip: [
        { field: "date", type: "temporal", format: "%Y-%m-%d", formatType: "utc" },
        { field: "aqi" },
        { field: "primary" },
      ],
    },
    config: fontConfig(font),
  } as TopLevelSpec;
}
