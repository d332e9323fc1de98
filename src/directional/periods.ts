/**
 * Averaging periods as openair's `timeAverage` cuts time (R `cut.POSIXt(date, avg.time)`, used by
 * openair 2.18 R/timeAverage.R): "sec", "min", "hour", "day", "week", "month", "quarter", "year",
 * "season", each optionally preceded by a count ("2 day", "15 min"). Periods are local to the
 * site's offset and start where R starts them: the first period begins at the first instant
 * rounded down to its unit (the minute, the hour, local midnight, the Monday of its week, the
 * first of its month, quarter or year), and the next ones follow every N units — so "6 hour" is
 * counted from the first record's hour, not from midnight (give `startDate` to anchor it).
 * Seasons are Dec–Feb, Mar–May, Jun–Aug, Sep–Nov, December counted with the following year.
 */

/** A period unit of {@link parseAvgTime}. */
export type AvgUnit = "sec" | "min" | "hour" | "day" | "week" | "month" | "quarter" | "year" | "season";

/** A parsed averaging time: N units. */
export interface AvgTime {
  n: number;
  unit: AvgUnit;
  /** As given, e.g. "2 day". */
  text: string;
}

const UNITS: Record<string, AvgUnit> = {
  sec: "sec",
  secs: "sec",
  min: "min",
  mins: "min",
  hour: "hour",
  hours: "hour",
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  quarter: "quarter",
  quarters: "quarter",
  year: "year",
  years: "year",
  season: "season",
};

const FIXED_MS: Partial<Record<AvgUnit, number>> = {
  sec: 1000,
  min: 60000,
  hour: 3600000,
  day: 86400000,
  week: 7 * 86400000,
};

/**
 * Parse an openair averaging time: `"day"`, `"2 day"`, `"15 min"`, `"month"`, `"season"` … (units
 * sec, min, hour, day, week, month, quarter, year, season; plural forms accepted).
 * @throws {RangeError} for an unknown unit, a count that is not a positive integer, or a count with "season"
 */
export function parseAvgTime(text: string): AvgTime {
  const parts = text.trim().split(/\s+/);
  const unit = UNITS[parts[parts.length - 1]];
  const n = parts.length === 2 ? Number(parts[0]) : 1;
  if (!unit || parts.length > 2 || !(Number.isInteger(n) && n >= 1))
    throw new RangeError(
      `avgTime "${text}" is not "[N ]unit" with unit sec, min, hour, day, week, month, quarter, year or season`,
    );
  if (unit === "season" && n !== 1) throw new RangeError(`avgTime "${text}": seasons cannot be multiplied`);
  return { n, unit, text };
}

/**
 * openair's nominal length of an averaging time in seconds (R/timeAverage.R: a month counts 31
 * days, a quarter or season 93 days, a year 8784 hours): used only to decide whether the series is
 * averaged (period longer than the records' interval) or expanded.
 */
export function nominalSeconds(a: AvgTime): number {
  const s: Record<AvgUnit, number> = {
    sec: 1,
    min: 60,
    hour: 3600,
    day: 86400,
    week: 7 * 86400,
    month: 31 * 86400,
    quarter: 93 * 86400,
    season: 93 * 86400,
    year: 8784 * 3600,
  };
  return a.n * s[a.unit];
}

/** The periods of one series: the period index of an instant, and the UTC start of a period. */
export interface PeriodGrid {
  /** Period index (0 = the first period) of a UTC instant; negative before the first period. */
  index(utcMs: number): number;
  /** UTC instant (ms) at which period `k` starts. */
  start(k: number): number;
}

function localFields(utcMs: number, off: number) {
  const d = new Date(utcMs + off * 60000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), day: d.getUTCDate(), wday: d.getUTCDay() };
}

/** Season key: season year · 4 + place (0 = DJF, 1 = MAM, 2 = JJA, 3 = SON), December with the next year. */
function seasonKey(y: number, m0: number): number {
  return m0 === 11 ? (y + 1) * 4 : y * 4 + Math.floor((m0 + 1) / 3);
}

/**
 * The periods of `a` for a series whose first instant is `firstUtc`, at the site's offset
 * (R `cut.POSIXt` breaks: see the module comment).
 * @param a the averaging time; firstUtc the earliest instant (ms); off the site's offset (minutes)
 */
export function periodGrid(a: AvgTime, firstUtc: number, off: number): PeriodGrid {
  const offMs = off * 60000;
  const fixed = FIXED_MS[a.unit];
  if (fixed !== undefined) {
    const local = firstUtc + offMs;
    let start: number;
    if (a.unit === "week") {
      const dayStart = Math.floor(local / 86400000) * 86400000;
      const wday = new Date(dayStart).getUTCDay();
      start = dayStart - ((wday + 6) % 7) * 86400000; // back to Monday (R start.on.monday)
    } else {
      const unitMs = a.unit === "day" ? 86400000 : fixed;
      start = Math.floor(local / unitMs) * unitMs;
    }
    const step = a.n * fixed;
    const start0 = start - offMs;
    return { index: (t) => Math.floor((t - start0) / step), start: (k) => start0 + k * step };
  }
  const f = localFields(firstUtc, off);
  if (a.unit === "season") {
    const k0 = seasonKey(f.y, f.m);
    return {
      index: (t) => {
        const g = localFields(t, off);
        return seasonKey(g.y, g.m) - k0;
      },
      start: (k) => {
        const key = k0 + k,
          y = Math.floor(key / 4),
          place = key - 4 * y;
        return (place === 0 ? Date.UTC(y - 1, 11, 1) : Date.UTC(y, place * 3 - 1, 1)) - offMs;
      },
    };
  }
  const months = a.unit === "month" ? a.n : a.unit === "quarter" ? 3 * a.n : 12 * a.n;
  const m0 = a.unit === "month" ? f.y * 12 + f.m : a.unit === "quarter" ? f.y * 12 + f.m - (f.m % 3) : f.y * 12;
  return {
    index: (t) => {
      const g = localFields(t, off);
      return Math.floor((g.y * 12 + g.m - m0) / months);
    },
    start: (k) => {
      const mm = m0 + k * months;
      return Date.UTC(Math.floor(mm / 12), mm % 12, 1) - offMs;
    },
  };
}

/**
 * The instants from `first` to `last` (inclusive) every `interval` (openair's `date.pad`: R
 * `seq(start, end, by = interval)`; a calendar month or year keeps the local day and clock time of
 * `first`, normalised as R/C `mktime` does when the day does not exist).
 * @param interval an {@link AvgTime} (the series' record interval)
 */
export function gridInstants(first: number, last: number, interval: AvgTime, off: number): number[] {
  const out: number[] = [];
  const fixed = FIXED_MS[interval.unit];
  if (fixed !== undefined) {
    const step = interval.n * fixed;
    for (let t = first; t <= last; t += step) out.push(t);
    return out;
  }
  const offMs = off * 60000;
  const d = new Date(first + offMs);
  const months = interval.unit === "year" ? 12 * interval.n : interval.unit === "month" ? interval.n : 3 * interval.n;
  for (let k = 0; ; k++) {
    const t =
      Date.UTC(
        d.getUTCFullYear(),
        d.getUTCMonth() + k * months,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
      ) - offMs;
    if (t > last) break;
    out.push(t);
  }
  return out;
}

/**
 * openair's `find.time.interval`: the most common gap (ms) between the distinct sorted instants
 * (the first such gap on a tie); NaN for fewer than two distinct instants. openair reads a gap of
 * 31 days as one month and 365–366 days as one year.
 */
export function mostCommonGap(sortedTimes: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  let prev = NaN;
  for (let i = 0; i < sortedTimes.length; i++) {
    const t = sortedTimes[i];
    if (t === prev || !Number.isFinite(t)) continue;
    if (Number.isFinite(prev)) counts.set(t - prev, (counts.get(t - prev) ?? 0) + 1);
    prev = t;
  }
  let best = NaN,
    bestN = 0;
  // R's which.max(table(...)) takes the smallest gap among equally common ones (table sorts its names)
  for (const [g, c] of [...counts].sort((x, y) => x[0] - y[0]))
    if (c > bestN) {
      best = g;
      bestN = c;
    }
  return best;
}
