/**
 * openair's `cutData` (Carslaw & Ropkins 2012; openair 2.18, R/cutData.R; the openair book,
 * "The type option", https://openair-project.github.io/book/sections/intro/openair-package.html):
 * split a series into the levels of a conditioning `type` — season, year, month, hour, weekday,
 * weekend, monthyear, seasonyear, week, daylight, wind sector, or the quantiles of any numeric
 * variable — so that every analysis can be repeated per level ({@link byType}) and every figure
 * faceted by it. Local calendar fields come from the series' site offset (China +480 min, Japan
 * +540 min), never from the machine's time zone.
 */

import { AqTable } from "../table/table";
import { quantileType7 } from "../stats/quantile";
import { daylightAt } from "./solar";

/** The conditioning types of openair's `cutData`; any other name is a column of the series (numeric → quantiles, text → its values). */
export type CutType = Exclude<CutKind, "quantile" | "factor"> | "yearseason" | (string & {});

/** A series to condition: UTC instants with the site's offset, and named variables (e.g. `wd`, `ws`, a species). */
export interface CutInput {
  /** UTC instants, ms (needed by the time types). */
  times?: ArrayLike<number>;
  /** The site's offset, minutes east of UTC (China 480, Japan 540); needed by the local-time types. */
  utcOffsetMinutes?: number;
  /** Variables by name: numbers (NaN = missing) or text (a factor, e.g. a site code). */
  columns?: Record<string, ArrayLike<number> | readonly string[]>;
}

/** Options of {@link cutData}. */
export interface CutOptions {
  /** Seasons by hemisphere (openair `hemisphere`, default "northern"): north winter = Dec–Feb, south summer = Dec–Feb. */
  hemisphere?: "northern" | "southern";
  /** Quantile classes of a numeric variable (openair `n.levels`, default 4). */
  nLevels?: number;
  /** First day of `weekday` (openair `start.day`: 0 = Sunday … 6 = Saturday; default 1 = Monday). */
  startDay?: number;
  /** Site latitude, degrees north: required by `daylight` (openair defaults to London; aozora never guesses). */
  latitude?: number;
  /** Site longitude, degrees EAST: required by `daylight`. */
  longitude?: number;
  /** Short labels for an axis (openair `is.axis`): months "Jan", quantile classes without the variable's name. */
  isAxis?: boolean;
}

/** Which family a level set belongs to (used to translate the level names in figures). */
export type CutKind =
  | "default"
  | "year"
  | "month"
  | "hour"
  | "weekday"
  | "weekend"
  | "season"
  | "monthyear"
  | "seasonyear"
  | "week"
  | "daylight"
  | "wd"
  | "quantile"
  | "factor";

/** Result of {@link cutData}. */
export interface CutResult {
  /** The type asked for (`yearseason` is reported as `seasonyear`). */
  type: string;
  kind: CutKind;
  /** The ordered levels, with openair's English labels (e.g. "winter (DJF)", "pm25 13.5 to 20.2"). */
  levels: string[];
  /** Level index of each row into `levels`; −1 when the row has no level (see `excluded`). */
  index: Int32Array;
  /** Label of each row (`levels[index]`), null when excluded. */
  labels: (string | null)[];
  /** Rows that got no level, and why (openair drops them with a warning; here they are listed). */
  excluded: { rows: number[]; reason: string };
  /** Quantile types: the class breaks (type-7 quantiles at 0, 1/n, …, 1, repeated values merged). */
  breaks?: number[];
}

/** openair's (English, C locale) month names, January first. */
export const OPENAIR_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** openair's weekday names, Sunday first (R `%A` in the C locale). */
export const OPENAIR_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** openair's season labels in its level order (spring, summer, autumn, winter), per hemisphere, and the months of each. */
export const OPENAIR_SEASONS: Record<"northern" | "southern", { label: string; months: number[] }[]> = {
  northern: [
    { label: "spring (MAM)", months: [3, 4, 5] },
    { label: "summer (JJA)", months: [6, 7, 8] },
    { label: "autumn (SON)", months: [9, 10, 11] },
    { label: "winter (DJF)", months: [12, 1, 2] },
  ],
  southern: [
    { label: "spring (SON)", months: [9, 10, 11] },
    { label: "summer (DJF)", months: [12, 1, 2] },
    { label: "autumn (MAM)", months: [3, 4, 5] },
    { label: "winter (JJA)", months: [6, 7, 8] },
  ],
};

/** openair's eight wind sectors in level order; a sector spans (c − 22.5°, c + 22.5°] around its centre c. */
export const OPENAIR_WD_SECTORS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"] as const;

const FIXED_TYPES = new Set([
  "default",
  "year",
  "month",
  "hour",
  "weekday",
  "weekend",
  "season",
  "monthyear",
  "seasonyear",
  "yearseason",
  "week",
  "daylight",
  "wd",
]);

/** Season index (into {@link OPENAIR_SEASONS}[hemisphere]) of a month 1–12. */
function seasonOf(month: number, hemisphere: "northern" | "southern"): number {
  const list = OPENAIR_SEASONS[hemisphere];
  for (let k = 0; k < 4; k++) if (list[k].months.includes(month)) return k;
  return -1;
}

/** Local calendar fields of a UTC instant at an offset. */
function fields(utcMs: number, off: number) {
  const d = new Date(utcMs + off * 60000);
  const year = d.getUTCFullYear();
  const yday = Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000);
  return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), wday: d.getUTCDay(), yday };
}

/**
 * R's `formatC(x, digits, width = 1, format = "g")` (C `%.<digits>g`): `digits` significant digits,
 * trailing zeros dropped, exponent form `1.23e+04` when the exponent is < −4 or ≥ digits. Rounding
 * is that of the C library on the exact binary value: an exact tie goes to the even digit
 * (190.5 → "190"), where JavaScript's `toPrecision` would round it up.
 */
export function formatSignificant(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  // 61 significant digits of the exact value (a double's expansion at these magnitudes is exact or beyond any tie)
  const [mant, e] = Math.abs(x).toExponential(60).split("e");
  let exp = Number(e);
  const all = mant.replace(".", "");
  let kept = all.slice(0, digits).split("").map(Number);
  const rest = all.slice(digits);
  const up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || kept[kept.length - 1] % 2 === 1));
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) {
      kept = [1, ...kept.slice(0, -1)];
      exp++;
    } else kept[i]++;
  }
  const sign = x < 0 ? "-" : "";
  const strip = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  const d = kept.join("");
  if (exp < -4 || exp >= digits) {
    const m = strip(d.length > 1 ? `${d[0]}.${d.slice(1)}` : d);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return sign + strip(`0.${"0".repeat(-exp - 1)}${d}`);
  const int = d.slice(0, exp + 1).padEnd(exp + 1, "0"),
    frac = d.slice(exp + 1);
  return sign + strip(frac ? `${int}.${frac}` : int);
}

/**
 * The labels R's `cut(x, breaks, include.lowest = TRUE)` gives its classes, as openair rewrites
 * them: brackets removed and "," turned into " to " ("13.5 to 20.2"). R formats the breaks with
 * 3 significant digits (`dig.lab = 3`), more when two neighbouring breaks would print alike.
 */
export function quantileLabels(breaks: readonly number[]): string[] {
  let ch: string[] = [];
  for (let dig = 3; dig <= 12; dig++) {
    ch = breaks.map((b) => formatSignificant(b, dig));
    if (ch.every((c, i) => i === 0 || c !== ch[i - 1])) break;
  }
  return ch.slice(1).map((hi, i) => `${ch[i]} to ${hi}`);
}

function getColumn(input: CutInput | AqTable, name: string): ArrayLike<number> | readonly string[] | undefined {
  if (input instanceof AqTable) {
    if (!input.names.includes(name)) return undefined;
    return input.info(name).kind === "string" ? input.strings(name) : input.numbers(name);
  }
  return input.columns?.[name];
}

function rowCount(input: CutInput | AqTable): number {
  if (input instanceof AqTable) return input.numRows;
  if (input.times) return input.times.length;
  const cols = Object.values(input.columns ?? {});
  return cols.length ? cols[0].length : 0;
}

/**
 * Split a series by a conditioning type, as openair's `cutData` (openair 2.18.2, R/cutData.R):
 *
 * - `default`: one level, "DD Month YYYY to DD Month YYYY" (first and last local date), or "all data" without times;
 * - `year` ("2025"), `month` ("January"… only the months present, calendar order), `hour` ("00"–"23"),
 *   `monthyear` ("January 2025", in time order), `week` (R `%W`: "00"–"53", Monday-based week of the
 *   year, in order of first appearance in time order);
 * - `weekday`: "Monday"… in calendar order from `startDay` (default Monday), only the days present;
 * - `weekend`: "weekday" (Mon–Fri) and "weekend" (Sat, Sun), both levels always;
 * - `season`: northern hemisphere winter = Dec–Feb, spring = Mar–May, summer = Jun–Aug, autumn =
 *   Sep–Nov, labelled "spring (MAM)", "summer (JJA)", "autumn (SON)", "winter (DJF)" in that order;
 *   southern (`hemisphere: "southern"`) summer = Dec–Feb … labelled "spring (SON)", "summer (DJF)",
 *   "autumn (MAM)", "winter (JJA)"; only seasons present;
 * - `seasonyear` (or `yearseason`): season and year, "winter (DJF) - 2025", December counted with
 *   the FOLLOWING year's winter (openair: "December 2010 is considered as part of winter 2011"),
 *   in time order;
 * - `daylight`: "daylight" / "nighttime" from the NOAA sunrise/sunset at the site (see
 *   {@link isDaylight}); `latitude` and `longitude` are required;
 * - `wd`: the eight 45° sectors "N", "NE", … "NW", a sector holding (c − 22.5°, c + 22.5°] (R
 *   `cut(wd, seq(22.5, 382.5, 45))`, and wd ≤ 22.5° is "N");
 * - any other name: a column; numeric → `nLevels` (default 4) classes between the type-7 quantiles
 *   at 0, 1/n, …, 1 (repeated quantiles merged, R `cut(include.lowest = TRUE)`: the first class
 *   [q0, q1], the others (q_k, q_k+1]), labelled "name q0 to q1" with R's 3 significant digits;
 *   text → its distinct values, sorted by code point.
 *
 * Rows without the needed value (a missing time, wind direction or variable) get no level
 * (index −1) and are listed in `excluded` (openair removes them with a warning).
 *
 * Differences from openair: `weekday` with fewer than seven days present keeps calendar order
 * (openair switches to order of appearance); `season` in the southern hemisphere lists only the
 * seasons present (openair keeps all four, the northern case only those present); `daylight`
 * needs the site's latitude/longitude and does not depend on a time zone (see {@link isDaylight});
 * text factors are sorted by code point (R sorts in the session's locale).
 *
 * @param input a table (its time column and offset) or {@link CutInput}
 * @param type the conditioning type
 * @param opts {@link CutOptions}
 * @returns levels in order, a level index and label per row, the excluded rows
 * @throws {RangeError} when a time type has no times or offset, `daylight` lacks latitude or
 *   longitude (or they are out of range), `wd` or a named column is absent, `nLevels` is not an
 *   integer ≥ 2, `startDay` is not 0–6, or `hemisphere` is unknown
 */
export function cutData(input: CutInput | AqTable, type: CutType, opts: CutOptions = {}): CutResult {
  const n = rowCount(input);
  const hemisphere = opts.hemisphere ?? "northern";
  if (hemisphere !== "northern" && hemisphere !== "southern")
    throw new RangeError(`cutData: hemisphere must be "northern" or "southern", got ${String(hemisphere)}`);
  const t = type === "yearseason" ? "seasonyear" : type;
  const index = new Int32Array(n).fill(-1);
  const missing: number[] = [];
  const finish = (kind: CutKind, levels: string[], reason: string, breaks?: number[]): CutResult => {
    const labels = Array.from(index, (k) => (k >= 0 ? levels[k] : null));
    return { type: t, kind, levels, index, labels, excluded: { rows: missing, reason }, ...(breaks ? { breaks } : {}) };
  };

  if (!FIXED_TYPES.has(t)) {
    const col = getColumn(input, t);
    if (!col) throw new RangeError(`cutData: type "${t}" is neither an openair type nor a column of the series`);
    if (col.length !== n) throw new RangeError(`cutData: column "${t}" has ${col.length} values for ${n} rows`);
    if (col.length > 0 && typeof col[0] === "string") {
      const s = col as readonly string[];
      const levels = [...new Set(s.filter((v) => v !== ""))].sort();
      const at = new Map(levels.map((l, k) => [l, k]));
      for (let i = 0; i < n; i++) {
        if (s[i] === "") missing.push(i);
        else index[i] = at.get(s[i])!;
      }
      return finish("factor", levels, `empty ${t}`);
    }
    const v = col as ArrayLike<number>;
    const nLevels = opts.nLevels ?? 4;
    if (!(Number.isInteger(nLevels) && nLevels >= 2))
      throw new RangeError(`cutData: nLevels must be an integer ≥ 2, got ${nLevels}`);
    const finite: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(v[i])) finite.push(v[i]);
    if (finite.length === 0) throw new RangeError(`cutData: column "${t}" has no finite values`);
    const sorted = Float64Array.from(finite).sort();
    const q: number[] = [];
    for (let k = 0; k <= nLevels; k++) {
      const b = quantileType7(sorted, k / nLevels, { sorted: true });
      if (q.length === 0 || b !== q[q.length - 1]) q.push(b);
    }
    if (q.length < 2) q.push(q[0]); // a constant variable: one class [x, x]
    const labels = quantileLabels(q).map((l) => (opts.isAxis ? l : `${t} ${l}`));
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (!Number.isFinite(x)) {
        missing.push(i);
        continue;
      }
      let k = 0;
      while (k < q.length - 2 && x > q[k + 1]) k++;
      index[i] = k;
    }
    return finish("quantile", labels, `missing ${t}`, q);
  }

  if (t === "wd") {
    const wd = getColumn(input, "wd") as ArrayLike<number> | undefined;
    if (!wd) throw new RangeError('cutData: type "wd" needs a column "wd" (degrees)');
    for (let i = 0; i < n; i++) {
      const d = wd[i];
      if (!Number.isFinite(d)) {
        missing.push(i);
        continue;
      }
      // R cut(wd, breaks = seq(22.5, 382.5, 45)): (22.5, 67.5] = NE … (337.5, 382.5] = N; wd ≤ 22.5 → N
      const k = Math.ceil((d - 22.5) / 45); // 1 = NE … 8 = N
      index[i] = k <= 0 || k >= 8 ? 0 : k;
    }
    return finish("wd", [...OPENAIR_WD_SECTORS], "missing wind direction");
  }

  // time types
  const times = input instanceof AqTable ? (input.timeColumn ? input.times() : undefined) : input.times;
  const off = input instanceof AqTable ? input.utcOffsetMinutes : input.utcOffsetMinutes;
  if (t === "default" && !times) {
    index.fill(0);
    return finish("default", ["all data"], "");
  }
  if (!times) throw new RangeError(`cutData: type "${t}" needs the series' times`);
  if (times.length !== n) throw new RangeError(`cutData: ${times.length} times for ${n} rows`);
  if (t === "daylight") {
    const { latitude, longitude } = opts;
    if (latitude === undefined || longitude === undefined)
      throw new RangeError(
        "cutData: type \"daylight\" needs the site's latitude and longitude (openair's London default is never used)",
      );
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180))
      throw new RangeError(`cutData: latitude ${latitude} / longitude ${longitude} out of range`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(times[i])) missing.push(i);
      else index[i] = daylightAt(times[i], latitude, longitude) ? 0 : 1;
    }
    return finish("daylight", ["daylight", "nighttime"], "missing time");
  }
  if (off === undefined) throw new RangeError(`cutData: type "${t}" needs the site's utcOffsetMinutes (local time)`);
  const startDay = opts.startDay ?? 1;
  if (!(Number.isInteger(startDay) && startDay >= 0 && startDay <= 6))
    throw new RangeError(`cutData: startDay must be an integer 0–6 (0 = Sunday), got ${startDay}`);

  // a key per row (orderable), then the levels: keys sorted, labelled
  const key = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) {
      missing.push(i);
      continue;
    }
    const f = fields(times[i], off);
    switch (t) {
      case "default":
        key[i] = 0;
        break;
      case "year":
        key[i] = f.year;
        break;
      case "month":
        key[i] = f.month;
        break;
      case "hour":
        key[i] = f.hour;
        break;
      case "monthyear":
        key[i] = f.year * 12 + f.month - 1;
        break;
      case "weekday":
        key[i] = (f.wday - startDay + 7) % 7;
        break;
      case "weekend":
        key[i] = f.wday === 0 || f.wday === 6 ? 1 : 0;
        break;
      case "season":
        key[i] = seasonOf(f.month, hemisphere);
        break;
      case "seasonyear":
        // December belongs to the next year's season (openair: "winter 2011 is Dec 2010, Jan, Feb 2011");
        // key = season year · 4 + the season's place in it (DJF 0, MAM 1, JJA 2, SON 3)
        key[i] = (f.month === 12 ? f.year + 1 : f.year) * 4 + (f.month === 12 ? 0 : Math.floor(f.month / 3));
        break;
      case "week":
        // R %W: week of the year, Monday as the first day, days before the first Monday in week 00
        key[i] = Math.floor((f.yday + 7 - ((f.wday + 6) % 7)) / 7);
        break;
    }
  }
  const present = [...new Set(Array.from(key).filter((k) => !Number.isNaN(k)))];
  let levelKeys: number[];
  let label: (k: number) => string;
  const kind = t as CutKind;
  switch (t) {
    case "default": {
      let lo = Infinity,
        hi = -Infinity;
      for (let i = 0; i < n; i++)
        if (Number.isFinite(times[i])) {
          lo = Math.min(lo, times[i]);
          hi = Math.max(hi, times[i]);
        }
      const d = (ms: number) => {
        const f = fields(ms, off);
        return `${String(f.day).padStart(2, "0")} ${OPENAIR_MONTHS[f.month - 1]} ${f.year}`;
      };
      levelKeys = [0];
      label = () => (Number.isFinite(lo) ? `${d(lo)} to ${d(hi)}` : "all data");
      break;
    }
    case "weekend":
      levelKeys = [0, 1];
      label = (k) => (k === 0 ? "weekday" : "weekend");
      break;
    case "week": {
      // order of first appearance in time order
      const order = Array.from({ length: n }, (_, i) => i)
        .filter((i) => !Number.isNaN(key[i]))
        .sort((a, b) => times[a] - times[b]);
      levelKeys = [...new Set(order.map((i) => key[i]))];
      label = (k) => String(k).padStart(2, "0");
      break;
    }
    default:
      levelKeys = present.sort((a, b) => a - b);
      label = (k) => {
        switch (t) {
          case "year":
            return String(k);
          case "month":
            return opts.isAxis ? OPENAIR_MONTHS[k - 1].slice(0, 3) : OPENAIR_MONTHS[k - 1];
          case "hour":
            return String(k).padStart(2, "0");
          case "monthyear":
            return `${OPENAIR_MONTHS[k % 12]} ${Math.floor(k / 12)}`;
          case "weekday":
            return OPENAIR_WEEKDAYS[(k + startDay) % 7];
          case "season":
            return OPENAIR_SEASONS[hemisphere][k].label;
          default: {
            // seasonyear: the season holding the first month of its place (DJF → Dec, MAM → Mar …)
            const place = k - 4 * Math.floor(k / 4);
            return `${OPENAIR_SEASONS[hemisphere][seasonOf(place === 0 ? 12 : place * 3, hemisphere)].label} - ${Math.floor(k / 4)}`;
          }
        }
      };
  }
  const at = new Map(levelKeys.map((k, j) => [k, j]));
  for (let i = 0; i < n; i++) if (!Number.isNaN(key[i])) index[i] = at.get(key[i])!;
  return finish(kind, levelKeys.map(label), "missing time");
}
