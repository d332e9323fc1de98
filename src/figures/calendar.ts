/**
 * Calendar plot of daily values (as openair's `calendarPlot`): one panel per month, a weekday ×
 * week grid of days, each day coloured by its value (continuous scale) or its category
 * (e.g. an AQI class, an MDA8 exceedance), with the day number written in the cell.
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see specs.ts)
import type { TopLevelSpec } from "vega-lite";
import type { Lang } from "./labels";
import { fontConfig, fontFor, SCHEMA, withUnit } from "./specs";

/** Weekday names, Monday first, per figure language. */
export const CALENDAR_WEEKDAYS: Record<Lang, string[]> = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  ja: ["月", "火", "水", "木", "金", "土", "日"],
  zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
};

/** Month names, January first, per figure language. */
export const CALENDAR_MONTHS: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  ja: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  zh: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
};

/** Panel title of a month: "Jan 2025", "2025年1月". */
export function calendarMonthTitle(year: number, month: number, lang: Lang): string {
  return lang === "en" ? `${CALENDAR_MONTHS.en[month - 1]} ${year}` : `${year}年${month}月`;
}

/** Options of {@link calendarSpec}. */
export interface CalendarOptions {
  /** Local calendar dates `YYYY-MM-DD` (one per value; distinct). */
  dates: string[];
  /** Continuous values (NaN = no data), one per date. Give `values` or `categories`. */
  values?: ArrayLike<number>;
  /** Category per date ("" = no data), e.g. an AQI class; colours from `categoryColors`. */
  categories?: string[];
  /** Category → CSS colour, in legend order (required with `categories`). */
  categoryColors?: Record<string, string>;
  /** Unit of the values for the legend title (e.g. "ng/m3"). */
  unit?: string;
  /** Legend title (default "Value"/"値"/"数值" with the unit). */
  legendTitle?: string;
  lang?: Lang;
  title?: string;
  /** Vega colour scheme of the continuous scale (default "yelloworangered"). */
  scheme?: string;
  /** Continuous colour domain [min, max] (default: data range). */
  domain?: [number, number];
  /** Month panels per row (default 4). */
  columns?: number;
  /** Cell size in pixels (default 18). */
  cell?: number;
}

const LEGEND_VALUE: Record<Lang, string> = { en: "Value", ja: "値", zh: "数值" };

/**
 * Build the calendar plot. Every day of every month that holds a date is drawn: days without a
 * value are light grey. Weeks start on Monday; rows are the weeks of the month, under a row of
 * weekday names. The inline data hold one row per day (`week` ≥ 0) and seven weekday-name rows
 * per month (`week` −1, `date` "").
 *
 * @throws Error for a malformed or repeated date, lengths that differ, or neither/both of values
 *   and categories (or categories without colours)
 */
export function calendarSpec(opts: CalendarOptions): TopLevelSpec {
  const lang = opts.lang ?? "en",
    cell = opts.cell ?? 18;
  const n = opts.dates.length;
  if ((opts.values === undefined) === (opts.categories === undefined))
    throw new RangeError("calendarSpec: give either values or categories");
  if (opts.values && opts.values.length !== n)
    throw new RangeError(`calendarSpec: ${opts.values.length} values for ${n} dates`);
  if (opts.categories && opts.categories.length !== n)
    throw new RangeError(`calendarSpec: ${opts.categories.length} categories for ${n} dates`);
  if (opts.categories && !opts.categoryColors) throw new RangeError("calendarSpec: categories need categoryColors");
  const byDate = new Map<string, number | string>();
  const months = new Set<string>();
  opts.dates.forEach((d, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d + "T00:00:00Z")))
      throw new RangeError(`calendarSpec: date "${d}" is not YYYY-MM-DD`);
    if (byDate.has(d)) throw new RangeError(`calendarSpec: date ${d} repeats`);
    byDate.set(d, opts.values ? opts.values[i] : opts.categories![i]);
    months.add(d.slice(0, 7));
  });
  const monthKeys = [...months].sort();
  const rows: {
    date: string;
    panel: string;
    wd: string;
    week: number;
    day: number | string;
    value: number | null;
    category: string | null;
  }[] = [];
  for (const mk of monthKeys) {
    const y = +mk.slice(0, 4),
      m = +mk.slice(5, 7);
    const first = new Date(Date.UTC(y, m - 1, 1));
    const offset = (first.getUTCDay() + 6) % 7;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    // weekday names as the panel's first row (week −1)
    CALENDAR_WEEKDAYS[lang].forEach((w) =>
      rows.push({
        date: "",
        panel: calendarMonthTitle(y, m, lang),
        wd: w,
        week: -1,
        day: w,
        value: null,
        category: null,
      }),
    );
    for (let d = 1; d <= days; d++) {
      const date = `${mk}-${String(d).padStart(2, "0")}`;
      const v = byDate.get(date);
      const wdi = (offset + d - 1) % 7;
      rows.push({
        date,
        panel: calendarMonthTitle(y, m, lang),
        wd: CALENDAR_WEEKDAYS[lang][wdi],
        week: Math.floor((offset + d - 1) / 7),
        day: d,
        value: typeof v === "number" && Number.isFinite(v) ? v : null,
        category: typeof v === "string" && v !== "" ? v : null,
      });
    }
  }
  const panels = monthKeys.map((mk) => calendarMonthTitle(+mk.slice(0, 4), +mk.slice(5, 7), lang));
  const legendTitle = opts.legendTitle ?? withUnit(LEGEND_VALUE[lang], opts.unit ?? "");
  const colour = opts.values
    ? {
        field: "value",
        type: "quantitative",
        title: legendTitle,
        scale: { scheme: opts.scheme ?? "yelloworangered", ...(opts.domain ? { domain: opts.domain } : {}) },
      }
    : {
        field: "category",
        type: "nominal",
        title: legendTitle,
        scale: { domain: Object.keys(opts.categoryColors!), range: Object.values(opts.categoryColors!) },
      };
  const x = { field: "wd", type: "ordinal", sort: CALENDAR_WEEKDAYS[lang], title: null, axis: null };
  const yEnc = { field: "week", type: "ordinal", title: null, axis: null, scale: { domain: [-1, 0, 1, 2, 3, 4, 5] } };
  const hasField = opts.values ? "isValid(datum.value)" : "isValid(datum.category)";
  const isDay = "datum.week >= 0";
  return {
    $schema: SCHEMA,
    ...(opts.title !== undefined ? { title: { text: opts.title } } : {}),
    data: { values: rows },
    facet: {
      field: "panel",
      type: "ordinal",
      sort: panels,
      title: null,
      header: { labelFontSize: 11, labelFontWeight: "bold" },
    },
    columns: opts.columns ?? 4,
    spec: {
      width: 7 * cell,
      height: 7 * cell,
      layer: [
        {
          transform: [{ filter: isDay }],
          mark: { type: "rect", color: "#eeeeee", stroke: "white", strokeWidth: 1 },
          encoding: { x, y: yEnc },
        },
        {
          transform: [{ filter: `${isDay} && ${hasField}` }],
          mark: { type: "rect", stroke: "white", strokeWidth: 1 },
          encoding: {
            x,
            y: yEnc,
            color: colour,
            tooltip: [{ field: "date" }, { field: opts.values ? "value" : "category" }],
          },
        },
        {
          transform: [{ filter: isDay }],
          mark: { type: "text", fontSize: Math.max(6, cell * 0.42), color: "#333" },
          encoding: { x, y: yEnc, text: { field: "day" } },
        },
        {
          transform: [{ filter: "datum.week < 0" }],
          mark: { type: "text", fontSize: Math.max(6, cell * 0.4), color: "#555" },
          encoding: { x, y: yEnc, text: { field: "day" } },
        },
      ],
    },
    resolve: { scale: { x: "shared", y: "shared" } },
    config: { ...fontConfig(fontFor(lang)), view: { stroke: null } },
  } as TopLevelSpec;
}
