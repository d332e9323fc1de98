/**
 * Figures of the photolysis module.
 * @packageDocumentation
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see src/figures/specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "../figures/labels";
import {
  checkSize,
  fontConfig,
  fontFor,
  LOCAL_ISO_PARSE,
  SCHEMA,
  TIME_AXIS_FORMAT,
  toLocalIso,
  withUnit,
} from "../figures/specs";
import { formatOffset, parseOffset, type OffsetLike } from "../table/time";
import type { PhotolysisSeries } from "./photolysis";
import { photoLabel } from "./labels";

/** Options of {@link photolysisDiurnalSpec}. */
export interface PhotolysisDiurnalOptions {
  /** The site's UTC offset (minutes or text such as `"+08:00"`); the x axis shows this local time. */
  utcOffset: OffsetLike;
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** The NO2 and O(1D) table names (default `NO2_IUPAC10` and `O3_O1D_IUPAC10`). */
  names?: [string, string];
  /** Figure title (optional). */
  title?: string;
  /** Panel width in pixels (default 560). */
  width?: number;
  /** Height of each panel in pixels (default 160). */
  height?: number;
}

/**
 * Diurnal cycle of J(NO2) (top panel, 10⁻³ s⁻¹) and J(O1D) (bottom panel, 10⁻⁵ s⁻¹) of a
 * {@link photolysisAt} result, against the site's local time, with the source of the values
 * (clear sky, scaled to measured J(NO2), user supplied) in the panel titles.
 *
 * @param series - the result of {@link photolysisAt}
 * @param opts - UTC offset, language, table names, title and size
 * @returns a Vega-Lite spec (vertical concatenation) with inline data
 * @throws {RangeError} when a table name is not in the series, the offset or language is not valid, or the size is not positive
 */
export function photolysisDiurnalSpec(series: PhotolysisSeries, opts: PhotolysisDiurnalOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const offset = parseOffset(opts.utcOffset);
  const [no2, o1d] = opts.names ?? ["NO2_IUPAC10", "O3_O1D_IUPAC10"];
  for (const n of [no2, o1d])
    if (series.j[n] === undefined) throw new RangeError(`photolysisDiurnalSpec: no J series "${n}" in the result`);
  const { width, height } = checkSize(opts.width ?? 560, opts.height ?? 160, 160);
  const sourceText = (name: string) => {
    const s = series.source[name];
    return photoLabel(s === "user" ? "user" : s === "clear-sky" ? "clearSky" : "scaled", lang);
  };
  const panel = (name: string, key: "jNO2" | "jO1D", scale: number, unit: string, color: string) => ({
    width,
    height,
    title: { text: `${photoLabel(key, lang)} — ${sourceText(name)}`, anchor: "start" as const, fontSize: 12 },
    data: {
      values: series.times.map((t, i) => ({ time: toLocalIso(t, offset), j: series.j[name][i] / scale })),
      format: { parse: { time: LOCAL_ISO_PARSE } },
    },
    mark: { type: "line" as const, color, strokeWidth: 2 },
    encoding: {
      x: {
        field: "time",
        type: "temporal" as const,
        scale: { type: "utc" as const },
        axis: { format: TIME_AXIS_FORMAT },
        title: `${photoLabel("localTime", lang)} (UTC${formatOffset(offset)})`,
      },
      y: {
        field: "j",
        type: "quantitative" as const,
        title: withUnit(photoLabel("photolysisFrequency", lang), unit),
      },
    },
  });
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    vconcat: [panel(no2, "jNO2", 1e-3, "10⁻³ s⁻¹", "#1f77b4"), panel(o1d, "jO1D", 1e-5, "10⁻⁵ s⁻¹", "#d62728")],
    config: fontConfig(fontFor(lang)),
  } as TopLevelSpec;
}
