/**
 * Calendar periods for averaging time series: local days or local months at the site's UTC
 * offset. One definition shared by the in-memory averaging ({@link averageSeries} in
 * `src/metals/averaging.ts`) and the streaming aggregation (`src/large/stream.ts`), so both give
 * the same periods, possible-record counts and labels.
 */

/** Averaging period: a local calendar day or month. */
export type AveragingPeriod = "day" | "month";

/** Integer period keys and their bounds for one period kind and site offset. */
export interface PeriodCalendar {
  period: AveragingPeriod;
  /** Period key of a UTC instant (ms): local day number since 1970-01-01, or year·12 + month. */
  keyOf(utcMs: number): number;
  /** UTC instant (ms) at which the period `key` starts (local midnight / local first of month). */
  startOf(key: number): number;
  /** Possible records in period `key` at one record every `stepMs` (24 a day for hourly data). */
  possible(key: number, stepMs: number): number;
  /** Local label: `YYYY-MM-DD` or `YYYY-MM`. */
  label(key: number): string;
}

/**
 * The calendar of local days or months at a site's offset (minutes east of UTC; China +480,
 * Japan +540). Neither country uses daylight saving, so every local day has 24 hours.
 * @throws {RangeError} when the period is not day or month
 */
export function periodCalendar(period: AveragingPeriod, utcOffsetMinutes: number): PeriodCalendar {
  if (period !== "day" && period !== "month")
    throw new RangeError(`period must be "day" or "month", got ${String(period)}`);
  const off = utcOffsetMinutes * 60000;
  const keyOf =
    period === "day"
      ? (t: number) => Math.floor((t + off) / 86400000)
      : (t: number) => {
          const d = new Date(t + off);
          return d.getUTCFullYear() * 12 + d.getUTCMonth();
        };
  const startOf = (key: number) =>
    (period === "day" ? key * 86400000 : Date.UTC(Math.floor(key / 12), key % 12, 1)) - off;
  return {
    period,
    keyOf,
    startOf,
    possible: (key, stepMs) => Math.round((startOf(key + 1) - startOf(key)) / stepMs),
    label: (key) => new Date(startOf(key) + off).toISOString().slice(0, period === "day" ? 10 : 7),
  };
}
