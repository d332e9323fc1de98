import { CN_ALERT_RULE_SETS, type CnAlertRule, type CnAlertRuleSet, type DailyAqiCondition } from "./tables/cn";
import type { AlertSeries, IssuedAlert } from "./types";

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A daily AQI series: local dates and the (forecast or observed) daily AQI of each. */
export interface DailyAqiSeries {
  /** Local dates `YYYY-MM-DD`, ascending; a date not listed between two listed ones is a missing day. */
  dates: readonly string[];
  /** Daily AQI (dimensionless, HJ 633), NaN = missing. */
  values: ArrayLike<number>;
}

/** Options of {@link cnAlerts}. */
export interface CnAlertOptions {
  /** Rule set id (`cn-mee-2017`, the default; `cn-xinzhou-2020`) or a rule set of your own. */
  rules?: string | CnAlertRuleSet;
  /** Keep the blue level where the rule set has one (default true; `false` for plans that dropped it). */
  blue?: boolean;
  /**
   * Merge two episodes whose gap is at most this many days into one alert at the stricter level
   * (default 0: never). The 2017 text: "间隔时间不足以完全清除前一次的污染过程 … 应按一次重污染过程统计，
   * 从严启动预警" — how long a gap is "不足以完全清除" is the forecaster's judgement, so it is an input.
   */
  mergeGapDays?: number;
  /** Whether the AQI values are forecasts (预测, what the rules are written for) or observations; echoed in the result. */
  basis?: "forecast" | "observed";
}

/** The result of {@link cnAlerts}. */
export interface CnAlertResult {
  ruleSet: string;
  /** Title, issuer, date and URL of the rule set's source. */
  citation: string;
  basis: "forecast" | "observed";
  /** The alerts, in time order: one per episode (the highest level that holds for it). */
  alerts: IssuedAlert[];
  /** Every calendar day from the first to the last date: its AQI (NaN = missing) and the alert rank in force (0 = none). */
  daily: { date: string; aqi: number; rank: number; level: string | null }[];
  /** Calendar days without a value (absent from `dates` or NaN). */
  missingDates: string[];
  /** The same levels as a series for {@link alertScores} (NaN for a missing day outside an alert). */
  series: AlertSeries;
}

function meets(v: number, c: DailyAqiCondition): boolean {
  return c.atLeast ? v >= c.above : v > c.above;
}

/** Longest run of consecutive entries of `v` meeting `c`. */
function longestRun(v: readonly number[], c: DailyAqiCondition): number {
  let best = 0,
    run = 0;
  for (const x of v) {
    run = Number.isFinite(x) && meets(x, c) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function conditionText(c: DailyAqiCondition, n: number): string {
  return `AQI ${c.atLeast ? "≥" : ">"} ${c.above} on ${n} consecutive day(s) (needs ${c.days})`;
}

/**
 * The level of one episode: the highest-ranked rule with an alternative whose conditions all hold.
 * @returns the rule and the evidence, or undefined when no level's condition holds.
 */
function episodeLevel(
  values: readonly number[],
  rules: readonly CnAlertRule[],
): { rule: CnAlertRule; evidence: string } | undefined {
  const byRank = [...rules].sort((a, b) => b.rank - a.rank);
  for (const rule of byRank) {
    for (const alt of rule.when) {
      const runs = alt.map((c) => longestRun(values, c));
      if (alt.every((c, i) => runs[i] >= c.days))
        return { rule, evidence: alt.map((c, i) => conditionText(c, runs[i])).join(" and ") };
    }
  }
  return undefined;
}

function ruleSetOf(rules: CnAlertOptions["rules"]): CnAlertRuleSet {
  if (rules === undefined) return CN_ALERT_RULE_SETS["cn-mee-2017"];
  if (typeof rules !== "string") return rules;
  const r = CN_ALERT_RULE_SETS[rules];
  if (!r)
    throw new RangeError(
      `cnAlerts: rules must be one of ${Object.keys(CN_ALERT_RULE_SETS).join(", ")} or a rule set, got "${rules}"`,
    );
  return r;
}

/**
 * China's heavy-pollution weather alerts (重污染天气预警) from a daily AQI series, by a rule set of
 * `tables/cn.ts` (default `cn-mee-2017`: the Ministry's 2017 criteria — blue: 预测AQI日均值 > 200;
 * yellow: > 200 for 2 days (48 h); orange: > 200 for 3 days (72 h) and > 300; red: > 200 for 4 days
 * (96 h) and > 300 for 2 days (48 h), or 达到 500 — each clause quoted in the table).
 *
 * How the series is read:
 * - **Episodes** are maximal runs of consecutive calendar days with AQI > 200 (the lowest threshold of
 *   the rule set). Each episode gets the highest level whose condition holds for it ("且未达到高级别
 *   预警条件": highest level wins), and one alert from its first to its last day. A condition
 *   "> 300 for 2 days" needs 2 *consecutive* days > 300 inside the episode; "> 300" alone one day.
 * - **Thresholds**: "> 200" and "> 300" are strict (AQI 200 is not above 200); "达到500" is AQI ≥ 500.
 * - **Missing days** (NaN, or a date absent between two listed dates) are not days above 200: they end
 *   an episode and break every run. With `mergeGapDays` two episodes separated by a short gap (of
 *   missing or lower days) become one alert at the stricter of their levels ("从严启动预警"); the
 *   days of the gap are not counted towards any duration.
 * - The rules are written for forecasts ("预测"): pass forecast AQI to issue alerts; observed AQI
 *   gives the alerts a perfect forecast would have issued (for verification, {@link alertScores}).
 *   The daily AQI may be any 24 consecutive hours ("可以跨自然日"): the function takes the values
 *   as labelled by their dates.
 *
 * @param series local dates and daily AQI (dimensionless)
 * @param opts rule set, blue level, episode merging, basis
 * @returns alerts (level, rule id and clause, first and last day), the level of every day, missing days
 * @throws {RangeError} for an unknown rule set, a date that is not `YYYY-MM-DD`, dates not strictly
 *   ascending, arrays of different lengths, a negative AQI or a negative `mergeGapDays`
 */
export function cnAlerts(series: DailyAqiSeries, opts: CnAlertOptions = {}): CnAlertResult {
  const set = ruleSetOf(opts.rules);
  const rules = set.rules.filter((r) => opts.blue !== false || r.level !== "blue");
  const merge = opts.mergeGapDays ?? 0;
  if (!Number.isInteger(merge) || merge < 0)
    throw new RangeError(`cnAlerts: mergeGapDays must be a whole number ≥ 0, got ${merge}`);
  const { dates, values } = series;
  if (dates.length !== values.length)
    throw new RangeError(`cnAlerts: ${dates.length} dates for ${values.length} values`);
  // the calendar from the first to the last date
  const day = (s: string, i: number) => {
    const m = DATE.exec(s);
    const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
    if (!m || new Date(t).toISOString().slice(0, 10) !== s)
      throw new RangeError(`cnAlerts: date ${i} must be a calendar date YYYY-MM-DD, got "${s}"`);
    return t / DAY;
  };
  const cal: string[] = [];
  const aqi: number[] = [];
  if (dates.length > 0) {
    const d0 = day(dates[0], 0);
    let prev = d0 - 1;
    for (let i = 0; i < dates.length; i++) {
      const d = day(dates[i], i);
      if (d <= prev)
        throw new RangeError(
          `cnAlerts: dates must be strictly ascending; date ${i} "${dates[i]}" follows "${dates[i - 1]}"`,
        );
      for (let g = prev + 1; g < d; g++) {
        cal.push(new Date(g * DAY).toISOString().slice(0, 10));
        aqi.push(NaN);
      }
      const v = values[i];
      if (v < 0) throw new RangeError(`cnAlerts: AQI of ${dates[i]} is negative (${v})`);
      cal.push(dates[i]);
      aqi.push(Number.isFinite(v) ? v : NaN);
      prev = d;
    }
  }
  // a day belongs to an episode when it meets any condition of the rule set (here: AQI > 200)
  const inEpisode = (v: number) =>
    Number.isFinite(v) && rules.some((r) => r.when.some((alt) => alt.some((c) => meets(v, c))));
  // episodes: maximal runs of in-episode days
  const episodes: { from: number; to: number; rule?: CnAlertRule; evidence: string }[] = [];
  for (let i = 0; i < aqi.length;) {
    if (!inEpisode(aqi[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < aqi.length && inEpisode(aqi[j + 1])) j++;
    const lv = episodeLevel(aqi.slice(i, j + 1), rules);
    episodes.push({ from: i, to: j, rule: lv?.rule, evidence: lv?.evidence ?? "" });
    i = j + 1;
  }
  // merge episodes with short gaps: one process at the stricter level
  const merged: { from: number; to: number; rule?: CnAlertRule; evidence: string }[] = [];
  for (const e of episodes) {
    const last = merged[merged.length - 1];
    if (last && merge > 0 && e.from - last.to - 1 <= merge) {
      last.to = e.to;
      if (e.rule && (!last.rule || e.rule.rank > last.rule.rank)) {
        last.rule = e.rule;
        last.evidence = e.evidence;
      }
      last.evidence = last.evidence.includes("merged")
        ? last.evidence
        : `${last.evidence} (episodes merged: gap ≤ ${merge} day(s))`;
    } else merged.push({ ...e });
  }
  const rank = new Float64Array(cal.length);
  const level: (string | null)[] = new Array<string | null>(cal.length).fill(null);
  const alerts: IssuedAlert[] = [];
  for (const e of merged) {
    if (!e.rule) continue;
    let peak = -Infinity,
      missing = 0;
    for (let k = e.from; k <= e.to; k++) {
      rank[k] = e.rule.rank;
      level[k] = e.rule.level;
      if (Number.isFinite(aqi[k])) peak = Math.max(peak, aqi[k]);
      else missing++;
    }
    alerts.push({
      country: "cn",
      ruleId: e.rule.id,
      level: e.rule.level,
      rank: e.rule.rank,
      name: e.rule.name,
      clause: e.rule.clause,
      start: cal[e.from],
      end: cal[e.to],
      startUtcMs: Date.parse(cal[e.from] + "T00:00:00+08:00"),
      endUtcMs: Date.parse(cal[e.to] + "T00:00:00+08:00") + DAY,
      episode: alerts.length,
      peak,
      missing,
      evidence: e.evidence,
    });
  }
  const missingDates = cal.filter((_, k) => !Number.isFinite(aqi[k]));
  const ranks = Float64Array.from(rank, (r, k) => (r === 0 && !Number.isFinite(aqi[k]) ? NaN : r));
  return {
    ruleSet: set.id,
    citation: `${set.issuer}, ${set.title}${set.number ? `, ${set.number}` : ""}, ${set.date}, ${set.url}`,
    basis: opts.basis ?? "forecast",
    alerts,
    daily: cal.map((date, k) => ({ date, aqi: aqi[k], rank: rank[k], level: level[k] })),
    missingDates,
    series: { keys: cal, ranks },
  };
}
