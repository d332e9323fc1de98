import { aqiCategory, US_AQI_CATEGORIES } from "../aqi/tables/categories";
import { toHourGrid, type HourLabel } from "../ozone/hourgrid";
import { hourlySeries, hourlySpans } from "./spans";
import { US_ACTION_DAY } from "./tables/us";
import type { AlertSeries, IssuedAlert } from "./types";

/** Options of {@link usAqiAlerts}. */
export interface UsAqiAlertOptions {
  /** Site offset east of UTC in minutes (required: US sites span −10:00 … −04:00; Japan +540, China +480 for embassy monitors). */
  utcOffsetMinutes: number;
  /** Whether `times` mark the start (default) or the end of each averaging hour. */
  hourLabel?: HourLabel;
  /** The lowest AQI category that issues an alert, 3–6 (default 3, Unhealthy for Sensitive Groups). */
  minLevel?: number;
}

/** The result of {@link usAqiAlerts}. */
export interface UsAqiAlertResult {
  alerts: IssuedAlert[];
  /** AQI category in force per grid hour (0 = below `minLevel`; NaN = missing), local ISO hour starts as keys. */
  series: AlertSeries;
  source: string;
}

/**
 * US AQI category alerts from an hourly AQI series (e.g. the NowCast AQI that AirNow shows): each
 * run of hours in one category ≥ `minLevel` is one alert (an upgrade from Unhealthy for Sensitive
 * Groups to Unhealthy gives two alerts in one episode). Categories are EPA's (EPA-454/B-24-002
 * Table 1: 101–150 Unhealthy for Sensitive Groups, 151–200 Unhealthy, 201–300 Very Unhealthy,
 * 301+ Hazardous); the threshold is a choice, since EPA leaves it to local agencies ("Different
 * air pollution control agencies call them at different levels", AirNow, in `tables/us.ts`). A
 * missing hour issues nothing and ends an alert. AQI values are integers by EPA's rounding; a
 * fractional value is placed by `aqiCategory` (a value above a category's upper integer is in the
 * next one).
 *
 * @param times UTC instants (ms) of the hourly values
 * @param aqi hourly AQI (dimensionless), NaN = missing
 * @param opts offset, hour label, lowest alerting category
 * @throws {RangeError} for times that are not whole hours or repeat an hour, arrays of different
 *   lengths, a negative AQI, or `minLevel` outside 3–6
 */
export function usAqiAlerts(
  times: ArrayLike<number>,
  aqi: ArrayLike<number>,
  opts: UsAqiAlertOptions,
): UsAqiAlertResult {
  const min = opts.minLevel ?? US_ACTION_DAY.defaultMinLevel;
  if (!Number.isInteger(min) || min < 3 || min > 6)
    throw new RangeError(`usAqiAlerts: minLevel must be a category 3–6, got ${min}`);
  const grid = toHourGrid(times, aqi, {
    utcOffsetMinutes: opts.utcOffsetMinutes,
    hourLabel: opts.hourLabel ?? "start",
    name: "usAqiAlerts: AQI",
  });
  const ranks = Float64Array.from(grid.values, (v) => {
    const c = aqiCategory(v, US_AQI_CATEGORIES);
    return c && c.level >= min ? c.level : 0;
  });
  const alerts = hourlySpans(
    ranks,
    grid.values,
    grid.firstDayUtcMs,
    opts.utcOffsetMinutes,
    (r) => {
      const c = US_AQI_CATEGORIES[r - 1];
      return {
        ruleId: `us-aqi/${r}`,
        level: c.name.en,
        rank: r,
        name: c.name,
        clause: `AQI ${c.lo}–${Number.isFinite(c.hi) ? c.hi : "500+"} (${c.name.en}); ${US_ACTION_DAY.clause}`,
      };
    },
    "us",
    (from, to) => {
      const c = US_AQI_CATEGORIES[ranks[from] - 1];
      return `hourly AQI ${c.lo}–${Number.isFinite(c.hi) ? c.hi : "500+"} for ${to - from + 1} h (alerts from category ${min})`;
    },
  );
  return {
    alerts,
    series: hourlySeries(ranks, grid.values, grid.firstDayUtcMs, opts.utcOffsetMinutes),
    source: `${US_ACTION_DAY.source}, ${US_ACTION_DAY.url}`,
  };
}
