import { formatInstant } from "../../table/time";
import type { Lang } from "../../figures/labels";
import type { AlertSeries, IssuedAlert } from "./types";

const HOUR = 3_600_000;

/** What a level of an hourly rule set says about itself, for {@link hourlySpans}. */
export interface HourlyLevel {
  ruleId: string;
  level: string;
  rank: number;
  name: Record<Lang, string>;
  clause: string;
}

/**
 * Turn a level per hour into issued alerts: each run of hours at one level > 0 is one alert, each
 * run of hours at any level > 0 one episode (so an upgrade mid-episode gives two alerts with the
 * same episode number). `start` is the start of the first hour, `end` the end of the last one.
 *
 * @param ranks level in force per hour (0 = none)
 * @param values the judged value per hour (for the peak; NaN = missing, counted)
 * @param firstHourUtcMs UTC instant (ms) of the start of hour 0
 * @param utcOffsetMinutes site offset for the local times
 * @param levelOf the level description of a rank > 0
 * @param country the rule set's country
 * @param evidence the words for an alert's evidence, from its first and last hour index
 */
export function hourlySpans(
  ranks: ArrayLike<number>,
  values: ArrayLike<number>,
  firstHourUtcMs: number,
  utcOffsetMinutes: number,
  levelOf: (rank: number) => HourlyLevel,
  country: IssuedAlert["country"],
  evidence: (from: number, to: number) => string,
): IssuedAlert[] {
  const out: IssuedAlert[] = [];
  let episode = -1;
  for (let k = 0; k < ranks.length;) {
    const r = ranks[k];
    if (!(r > 0)) {
      k++;
      continue;
    }
    if (k === 0 || !(ranks[k - 1] > 0)) episode++;
    let j = k;
    while (j + 1 < ranks.length && ranks[j + 1] === r) j++;
    let peak = -Infinity,
      missing = 0;
    for (let i = k; i <= j; i++) {
      if (Number.isFinite(values[i])) peak = Math.max(peak, values[i]);
      else missing++;
    }
    const lv = levelOf(r);
    const s = firstHourUtcMs + k * HOUR,
      e = firstHourUtcMs + (j + 1) * HOUR;
    out.push({
      country,
      ruleId: lv.ruleId,
      level: lv.level,
      rank: lv.rank,
      name: lv.name,
      clause: lv.clause,
      start: formatInstant(s, utcOffsetMinutes),
      end: formatInstant(e, utcOffsetMinutes),
      startUtcMs: s,
      endUtcMs: e,
      episode,
      peak,
      missing,
      evidence: evidence(k, j),
    });
    k = j + 1;
  }
  return out;
}

/**
 * The hourly levels as a series for scoring: keys are the local ISO hour starts; a missing hour
 * (value NaN) outside an alert is NaN (not judged).
 *
 * @param ranks level per hour (0 = none)
 * @param values the judged value per hour (NaN = missing)
 * @param firstHourUtcMs UTC instant (ms) of the start of hour 0
 * @param utcOffsetMinutes site offset
 */
export function hourlySeries(
  ranks: ArrayLike<number>,
  values: ArrayLike<number>,
  firstHourUtcMs: number,
  utcOffsetMinutes: number,
): AlertSeries {
  const keys: string[] = [];
  const out = new Float64Array(ranks.length);
  for (let k = 0; k < ranks.length; k++) {
    keys.push(formatInstant(firstHourUtcMs + k * HOUR, utcOffsetMinutes));
    out[k] = ranks[k] === 0 && !Number.isFinite(values[k]) ? NaN : ranks[k];
  }
  return { keys, ranks: out };
}
