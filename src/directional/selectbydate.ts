/**
 * openair's `selectByDate` (openair 2.18, R/utilities.R; openair book, "Utility functions"):
 * select the records of a series by local date, year, month, day of month or weekday, and hour.
 */

import { AqTable } from "../table/table";
import { OPENAIR_MONTHS, OPENAIR_WEEKDAYS } from "./cutdata";

/** Options of {@link selectByDate}; every criterion given must hold (local time at the site's offset). */
export interface SelectByDateOptions {
  /** First local date kept, "YYYY-MM-DD" or "DD/MM/YYYY" (openair parses ymd or dmy), inclusive. */
  start?: string;
  /** Last local date kept, same forms, inclusive (the whole day). */
  end?: string;
  /** Year(s) kept. */
  year?: number | number[];
  /** Month(s) kept: 1–12, or names (matched on their first three letters: "jan", "February"). */
  month?: number | string | (number | string)[];
  /**
   * Day(s) kept: days of the month 1–31, or weekday names (first three letters: "mon", "Friday"),
   * or "weekday" (Monday–Friday) / "weekend" (Saturday, Sunday).
   */
  day?: number | string | (number | string)[];
  /** Hour(s) of the day kept, 0–23. */
  hour?: number | number[];
}

/** Result of {@link selectByDate}. */
export interface SelectByDateResult {
  /** Indices of the records kept, in input order. */
  rows: number[];
  /** The kept rows as a table, when the input was a table. */
  table?: AqTable;
}

const arr = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function parseDay(s: string, name: string): number {
  const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s.trim());
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(s.trim());
  const [y, m, d] = ymd ? [+ymd[1], +ymd[2], +ymd[3]] : dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [NaN, NaN, NaN];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (!Number.isFinite(ms) || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    throw new RangeError(`selectByDate: ${name} "${s}" is not a date YYYY-MM-DD or DD/MM/YYYY`);
  return Math.floor(ms / 86400000);
}

/**
 * Select records by date (openair `selectByDate`): by local date range (`start`, `end`, whole
 * days inclusive), `year`, `month` (numbers or names), `day` (days of the month, weekday names,
 * "weekday" or "weekend") and `hour`; all given criteria must hold. Local calendar fields come
 * from the site's offset. Names match on their first three letters, case-insensitive, as openair.
 *
 * @param input a table (its time column and offset) or `{ times, utcOffsetMinutes }`
 * @param opts {@link SelectByDateOptions}
 * @returns the kept row indices (and the table of those rows for a table input)
 * @throws {RangeError} for a date that is not YYYY-MM-DD or DD/MM/YYYY, a month outside 1–12 or an unknown month name, a day outside 1–31 or an unknown weekday name, an hour outside 0–23
 */
export function selectByDate(
  input: AqTable | { times: ArrayLike<number>; utcOffsetMinutes: number },
  opts: SelectByDateOptions,
): SelectByDateResult {
  const times = input instanceof AqTable ? input.times() : input.times;
  const off = (input instanceof AqTable ? input.utcOffsetMinutes : input.utcOffsetMinutes) ?? 0;
  const start = opts.start !== undefined ? parseDay(opts.start, "start") : -Infinity;
  const end = opts.end !== undefined ? parseDay(opts.end, "end") : Infinity;
  const years = arr(opts.year);
  const months = arr(opts.month)?.map((m) => {
    if (typeof m === "number") {
      if (!(Number.isInteger(m) && m >= 1 && m <= 12)) throw new RangeError(`selectByDate: month ${m} is not 1–12`);
      return m;
    }
    const k = OPENAIR_MONTHS.findIndex((n) => n.slice(0, 3).toLowerCase() === m.slice(0, 3).toLowerCase());
    if (k < 0) throw new RangeError(`selectByDate: "${m}" is not a month name`);
    return k + 1;
  });
  let mdays: number[] | undefined, wdays: number[] | undefined;
  const days = arr(opts.day);
  if (days) {
    if (days.every((d) => typeof d === "number")) {
      for (const d of days as number[])
        if (!(Number.isInteger(d) && d >= 1 && d <= 31)) throw new RangeError(`selectByDate: day ${d} is not 1–31`);
      mdays = days as number[];
    } else {
      const first = String(days[0]).toLowerCase();
      wdays =
        first === "weekday"
          ? [1, 2, 3, 4, 5]
          : first === "weekend"
            ? [0, 6]
            : days.map((d) => {
                const k = OPENAIR_WEEKDAYS.findIndex(
                  (n) => n.slice(0, 3).toLowerCase() === String(d).slice(0, 3).toLowerCase(),
                );
                if (k < 0) throw new RangeError(`selectByDate: "${d}" is not a weekday name, "weekday" or "weekend"`);
                return k;
              });
    }
  }
  const hours = arr(opts.hour);
  if (hours)
    for (const h of hours)
      if (!(Number.isInteger(h) && h >= 0 && h <= 23)) throw new RangeError(`selectByDate: hour ${h} is not 0–23`);
  const rows: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (!Number.isFinite(times[i])) continue;
    const local = times[i] + off * 60000;
    const dayNo = Math.floor(local / 86400000);
    if (dayNo < start || dayNo > end) continue;
    const d = new Date(local);
    if (years && !years.includes(d.getUTCFullYear())) continue;
    if (months && !months.includes(d.getUTCMonth() + 1)) continue;
    if (mdays && !mdays.includes(d.getUTCDate())) continue;
    if (wdays && !wdays.includes(d.getUTCDay())) continue;
    if (hours && !hours.includes(d.getUTCHours())) continue;
    rows.push(i);
  }
  return input instanceof AqTable ? { rows, table: input.take(rows) } : { rows };
}
