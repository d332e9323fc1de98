import type { Lang } from "../../figures/labels";

/**
 * One issued alert: a span of consecutive days (China) or hours (Japan, US) at one level, with the
 * rule that fired. An episode whose level changes (an upgrade mid-episode) gives one alert per
 * level span, all with the same `episode` number.
 */
export interface IssuedAlert {
  country: "cn" | "jp" | "us";
  /** The rule's id in its table (e.g. `cn-mee-2017/red`, `jp-ox/chuiho`). */
  ruleId: string;
  /** The rule's level key (`red`, `chuiho`, …). */
  level: string;
  /** Order of the level within its rule set (1 = lowest). */
  rank: number;
  /** Name of the level in English, Japanese and Chinese. */
  name: Record<Lang, string>;
  /** The clause of the source text that fired, as the source words it. */
  clause: string;
  /**
   * First day (`YYYY-MM-DD`, local) or the start of the first hour (local ISO time with offset,
   * e.g. `2025-07-01T13:00:00+09:00`).
   */
  start: string;
  /** Last day (inclusive, local date) or the END of the last hour (local ISO time with offset). */
  end: string;
  /** UTC instant (ms) of `start` (for China's daily rules: 00:00 China Standard Time, +08:00, of the first day). */
  startUtcMs: number;
  /** UTC instant (ms) of the end of the span (exclusive: the midnight after the last day, or the end of the last hour). */
  endUtcMs: number;
  /** Number of the episode the alert belongs to (0-based, in time order). */
  episode: number;
  /** Largest value in the span (AQI dimensionless; Ox ppm; PM2.5 µg/m3 as the judging statistic). */
  peak: number;
  /** Days or hours in the span without a value (carried through by the rule's gap policy). */
  missing: number;
  /** What made the rule fire, in words (the conditions met and their counts). */
  evidence: string;
}

/**
 * A level per time step, for scoring: `keys` are local dates (`YYYY-MM-DD`) or local ISO hour
 * starts, `ranks` the level in force (0 = none; NaN = could not be judged, left out of scores).
 */
export interface AlertSeries {
  keys: string[];
  ranks: Float64Array;
}
