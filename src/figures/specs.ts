/**
 * Vega-Lite spec builders. Specs are built from in-memory arrays (never from files) and carry
 * their data inline, so a spec is self-contained and can be rendered anywhere (see render.ts).
 *
 * Time: instants are UTC milliseconds; the x axis shows the site's local wall-clock time. Each
 * instant is shifted by the site's offset and written as zone-less ISO text, parsed by Vega with
 * an explicit `utc:` format and drawn on a `utc` scale, so neither parsing nor axis labelling
 * ever consults the rendering machine's time zone.
 */

// @ts-ignore TS1479 under TypeScript 5.0 (tslab's checker, and what `npx tsc` runs here): it
// rejects even a type-only import of an ES module from a CommonJS file. TypeScript >= 5.8
// accepts it, so @ts-expect-error would fail there; the types resolve either way.
import type { TopLevelSpec } from "vega-lite";
import { formatOffset, parseOffset } from "../table/time";
import { label, type Lang } from "./labels";
import { nameLabels } from "./names";
import { estimateTextWidth } from "./textwidth";

/** Font family for Latin and Japanese text; the Debian package fonts-noto-cjk provides it. */
export const FIGURE_FONT_JA = "Noto Sans CJK JP";
/** Font family for Chinese text: the same Noto CJK design with simplified-Chinese glyph forms. */
export const FIGURE_FONT_ZH = "Noto Sans CJK SC";

/** Default plot size in pixels (the whole figure, axes and legend included). */
export const DEFAULT_WIDTH = 640;
/** Default plot height in pixels (the whole figure, axes and legend included). */
export const DEFAULT_HEIGHT = 320;

/** Vega-Lite schema URL of every spec the library builds. */
export const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * The frame every figure spec starts with: the Vega-Lite schema, the title (when given), the size
 * in pixels and `autosize: fit` within the padding (axes and legends stay inside width × height).
 * @param title the figure title, or undefined for none
 * @param width width in pixels
 * @param height height in pixels
 * @param opts `fit: false` leaves out `autosize`, so Vega-Lite's default applies (width × height is
 *   the plot area and axes and legends are drawn outside it)
 */
export function specFrame(
  title: string | undefined,
  width: number,
  height: number,
  opts: { fit?: boolean } = {},
): {
  $schema: string;
  title?: { text: string };
  width: number;
  height: number;
  autosize?: { type: "fit"; contains: "padding" };
} {
  return {
    $schema: SCHEMA,
    ...(title !== undefined ? { title: { text: title } } : {}),
    width,
    height,
    ...(opts.fit === false ? {} : { autosize: { type: "fit" as const, contains: "padding" as const } }),
  };
}

/** Vega time-format that reads `toLocalIso` text as UTC (no machine time zone involved). */
export const LOCAL_ISO_PARSE = "utc:'%Y-%m-%dT%H:%M:%S'";

/**
 * Time-axis tick labels: numeric and 24-hour, so they read the same in all three languages
 * (Vega's default is English month names and AM/PM). Applied with `formatType: "utc"`.
 */
export const TIME_AXIS_FORMAT = {
  year: "%Y",
  quarter: "%Y-%m",
  month: "%Y-%m",
  week: "%m-%d",
  date: "%m-%d",
  hours: "%H:%M",
  minutes: "%H:%M",
  seconds: "%H:%M:%S",
  milliseconds: "%H:%M:%S.%L",
};

/** Axis label font size in pixels (Vega-Lite's default), used to decide bar-label rotation. */
const AXIS_LABEL_SIZE = 10;

/**
 * Font family used for a figure language: Noto Sans CJK JP for English and Japanese, Noto Sans
 * CJK SC for Chinese (both fonts cover all CJK characters; they differ in regional glyph forms).
 */
export function fontFor(lang: Lang = "en"): string {
  return lang === "zh" ? FIGURE_FONT_ZH : FIGURE_FONT_JA;
}

/**
 * Local wall-clock time of a UTC instant at a site, as ISO 8601 text without zone.
 *
 * @param utcMs          instant, milliseconds since 1970-01-01T00:00Z
 * @param offsetMinutes  site offset east of UTC in minutes (China +480, Japan +540)
 * @returns e.g. `"2025-01-01T08:00:00"` for `Date.UTC(2025, 0, 1)` at +480 (whole seconds; milliseconds are dropped)
 * @throws Error when `utcMs` is not finite
 */
export function toLocalIso(utcMs: number, offsetMinutes: number): string {
  if (!Number.isFinite(utcMs)) throw new RangeError(`Instant ${utcMs} is not a finite number of UTC milliseconds`);
  return new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

/** Options of {@link timeSeriesSpec}. */
export interface TimeSeriesOptions {
  /** Instants, UTC milliseconds since 1970-01-01T00:00Z; one per value of each series. */
  times: ArrayLike<number>;
  /** Site offset east of UTC in minutes (China +480, Japan +540); the x axis shows this local time. */
  utcOffsetMinutes: number;
  /** One line per series, coloured by `name`; `values` align with `times`, NaN marks a missing value. */
  series: { name: string; values: ArrayLike<number> }[];
  /** Unit of the values, shown in the y-axis title, e.g. `"µg/m3"`. */
  unit: string;
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Figure title (optional). */
  title?: string;
  /** Whole-figure width in pixels (default 640). */
  width?: number;
  /** Whole-figure height in pixels (default 320). */
  height?: number;
  /** Label key for the y-axis title (default `"concentration"`). */
  yTitleKey?: string;
  /** Label key for the legend title (default `"species"`). */
  legendTitleKey?: string;
}

/** One plotted point of a time series (the inline data of {@link timeSeriesSpec}). */
export interface TimeSeriesRow {
  /** Local wall-clock time at the site, zone-less ISO text (see {@link toLocalIso}). */
  time: string;
  /** Series name (colour). */
  series: string;
  /** Value in the spec's unit; always finite. */
  value: number;
  /** Id of the unbroken run of finite values this point belongs to (lines never cross a gap). */
  segment: string;
  /** True when the point has no finite neighbour in its series (drawn as a dot, a line needs two points). */
  isolated: boolean;
}

/**
 * Line chart of one or more series against local time.
 *
 * - x: local wall-clock time at `utcOffsetMinutes`, axis title e.g. `Time (UTC+08:00)`;
 * - y: values, axis title `<Concentration label> (<unit>)`;
 * - colour: series name, in the order given, in the figure language where the name registry knows it
 *   (`nameLabels`: `SO2` → 二酸化硫黄 in Japanese, 二氧化硫 in Chinese; other names unchanged).
 *
 * NaN (and other non-finite) values, and instants that are not finite, are dropped from the data:
 * the line breaks there (each unbroken run is its own path) and is never drawn through zero. A
 * finite value with missing neighbours on both sides is drawn as a dot.
 *
 * The figure is exactly `width` × `height` pixels, axes, legend and title included.
 *
 * @returns a Vega-Lite spec with inline data (rows of {@link TimeSeriesRow})
 * @throws Error when a series length differs from `times`, a series name repeats, the offset is
 *   not whole minutes within ±14 h, or the size is not positive
 */
export function timeSeriesSpec(opts: TimeSeriesOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const offset = parseOffset(opts.utcOffsetMinutes);
  const { width, height } = checkSize(opts.width, opts.height);
  const n = opts.times.length;
  const names = uniqueNames(
    opts.series.map((s) => s.name),
    "series name",
  );
  // pollutant and site names in the figure language where the registry knows them (figures/names.ts)
  const shown = nameLabels(names, lang);

  const rows: TimeSeriesRow[] = [];
  opts.series.forEach((s, si) => {
    if (s.values.length !== n) {
      throw new RangeError(`Series "${s.name}" has ${s.values.length} values but there are ${n} times`);
    }
    const ok = (i: number): boolean =>
      i >= 0 && i < n && Number.isFinite(opts.times[i]) && Number.isFinite(s.values[i]);
    let run = -1; // index of the current unbroken run of finite values
    for (let i = 0; i < n; i++) {
      if (!ok(i)) continue;
      if (run < 0 || !ok(i - 1)) run++;
      rows.push({
        time: toLocalIso(opts.times[i], offset),
        series: shown[si],
        value: s.values[i],
        segment: `${si}:${run}`,
        isolated: !ok(i - 1) && !ok(i + 1),
      });
    }
  });

  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    data: { values: rows, format: { parse: { time: LOCAL_ISO_PARSE } } },
    encoding: {
      x: {
        field: "time",
        type: "temporal",
        scale: { type: "utc" },
        axis: { format: TIME_AXIS_FORMAT },
        title: `${label("time", lang)} (UTC${formatOffset(offset)})`,
      },
      y: {
        field: "value",
        type: "quantitative",
        title: withUnit(label(opts.yTitleKey ?? "concentration", lang), opts.unit),
      },
      color: {
        field: "series",
        type: "nominal",
        scale: { domain: shown },
        legend: { symbolType: "stroke", symbolStrokeWidth: 2 },
        title: label(opts.legendTitleKey ?? "species", lang),
      },
    },
    layer: [
      { mark: { type: "line", strokeWidth: 1.5 }, encoding: { detail: { field: "segment", type: "nominal" } } },
      { transform: [{ filter: "datum.isolated" }], mark: { type: "point", filled: true, size: 20 } },
    ],
    config: fontConfig(font),
  };
}

/** Options of {@link barSpec}. */
export interface BarOptions {
  /** Bar categories (x axis), in display order; must be distinct. */
  categories: string[];
  /** One value per category; NaN leaves the category empty (no bar, not a zero bar). */
  values: ArrayLike<number>;
  /** Unit of the values, shown in the y-axis title, e.g. `"µg/m3"`. */
  unit: string;
  /** Label language (default `"en"`). */
  lang?: Lang;
  /** Figure title (optional). */
  title?: string;
  /** Label key for the x-axis title (default `"species"`). */
  xTitleKey?: string;
  /** Label key for the y-axis title (default `"concentration"`). */
  yTitleKey?: string;
  /** Whole-figure width in pixels (default 640). */
  width?: number;
  /** Whole-figure height in pixels (default 320). */
  height?: number;
}

/**
 * Bar chart of one value per category, e.g. mean concentration per species.
 *
 * x: categories in the order given (all of them, even those without a value), title from
 * `xTitleKey`, known species and site names in the figure language (`nameLabels`: SO2 → 二酸化硫黄 /
 * 二氧化硫; other names unchanged); y: values, title `<Concentration label> (<unit>)`. Non-finite values are dropped
 * from the data, so their category shows no bar. The figure is exactly `width` × `height` pixels.
 *
 * @returns a Vega-Lite spec with inline data (rows `{ category, value }`)
 * @throws Error when `values` and `categories` differ in length, a category repeats, a label key
 *   is unknown, or the size is not positive
 */
export function barSpec(opts: BarOptions): TopLevelSpec {
  const lang = opts.lang ?? "en";
  const { width, height } = checkSize(opts.width, opts.height);
  if (opts.values.length !== opts.categories.length) {
    throw new RangeError(`barSpec: ${opts.values.length} values for ${opts.categories.length} categories`);
  }
  // species / site names in the figure language (unknown names unchanged)
  const categories = nameLabels(uniqueNames(opts.categories, "category"), lang);
  const rows: { category: string; value: number }[] = [];
  categories.forEach((category, i) => {
    const value = opts.values[i];
    if (Number.isFinite(value)) rows.push({ category, value });
  });
  const font = fontFor(lang);
  return {
    ...specFrame(opts.title, width, height),
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "category",
        type: "nominal",
        sort: null,
        scale: { domain: categories },
        axis: { labelAngle: labelsFitFlat(categories, width) ? 0 : -45 },
        title: label(opts.xTitleKey ?? "species", lang),
      },
      y: {
        field: "value",
        type: "quantitative",
        title: withUnit(label(opts.yTitleKey ?? "concentration", lang), opts.unit),
      },
    },
    config: fontConfig(font),
  };
}

/** `Concentration (µg/m3)`; a blank unit or `1` (dimensionless) gives the bare label. */
export function withUnit(text: string, unit: string): string {
  const u = unit.trim();
  return u === "" || u === "1" ? text : `${text} (${u})`;
}

/** Vega-Lite config setting one font everywhere text is drawn. */
export function fontConfig(font: string) {
  return {
    font,
    axis: { labelFont: font, titleFont: font },
    legend: { labelFont: font, titleFont: font },
    title: { font, subtitleFont: font },
    header: { labelFont: font, titleFont: font },
    text: { font },
  };
}

/** True when every category label fits, written horizontally, under its bar (rough, with margins). */
function labelsFitFlat(categories: string[], width: number): boolean {
  if (categories.length === 0) return true;
  const band = (width - 80) / categories.length; // ~80 px for the y axis and padding
  return categories.every((c) => estimateTextWidth(c, AXIS_LABEL_SIZE) <= 0.9 * band);
}

/**
 * A figure's width and height in pixels (defaults {@link DEFAULT_WIDTH} × `defaultHeight`).
 * @throws {RangeError} when either is not a positive number
 */
export function checkSize(
  width: number | undefined,
  height: number | undefined,
  defaultHeight: number = DEFAULT_HEIGHT,
): { width: number; height: number } {
  const w = width ?? DEFAULT_WIDTH;
  const h = height ?? defaultHeight;
  for (const [what, v] of [
    ["width", w],
    ["height", h],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0)
      throw new RangeError(`Figure ${what} must be a positive number of pixels, got ${v}`);
  }
  return { width: w, height: h };
}

function uniqueNames(names: string[], what: string): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new RangeError(`Duplicate ${what} "${name}"`);
    seen.add(name);
  }
  return names.slice();
}
