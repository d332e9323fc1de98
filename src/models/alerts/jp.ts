import { median } from "../../stats/median";
import { formatInstant } from "../../table/time";
import { toHourGrid, type HourLabel } from "../ozone/hourgrid";
import { JP_OX_RULES, JP_PM25_RULES, type JpOxAlertRule, type JpPm25AlertRule } from "./tables/jp";
import { hourlySeries, hourlySpans } from "./spans";
import type { AlertSeries, IssuedAlert } from "./types";

const HOUR = 3_600_000;

/** "The weather is such that the state is expected to continue" (気象条件からみて継続すると認められる), per hour. */
export type ContinuingInput = boolean | ArrayLike<boolean> | ((hourStartUtcMs: number) => boolean);

/** Options of {@link jpOxAlerts}. */
export interface JpOxAlertOptions {
  /** Site offset east of UTC in minutes (default 540, Japan Standard Time). */
  utcOffsetMinutes?: number;
  /** Whether `times` mark the start (default) or the end of each averaging hour. */
  hourLabel?: HourLabel;
  /** Unit of the values: `ppm` (default) or `ppb` (divided by 1000). */
  unit?: "ppm" | "ppb";
  /**
   * Whether the weather is expected to keep the level, per hour: `true` (the default — the
   * simplification aozora documents: conditions are taken to continue whenever a threshold is
   * reached, so an alert is in force exactly while the hourly value stays at or above it), `false`,
   * a flag per input row (aligned with `times`), or a function of the hour's start (UTC ms).
   */
  continuing?: ContinuingInput;
  /**
   * A missing hour (NaN or no row): `"hold"` (default) keeps the level in force through a gap
   * inside the record — Kanagawa's 要綱 releases only when a value is below the threshold
   * ("発令基準以下となったとき"), which needs a measurement — and never issues or upgrades; after the
   * last value of the record an alert ends with the last measured hour. `"release"` ends any alert
   * at a missing hour.
   */
  missing?: "hold" | "release";
  /** The levels (default {@link JP_OX_RULES}: 0.12 / 0.24 / 0.40 ppm). */
  rules?: readonly JpOxAlertRule[];
}

/** The result of {@link jpOxAlerts}. */
export interface JpOxAlertResult {
  /** The alerts, one per run of hours at one level (an upgrade mid-episode gives two, same `episode`). */
  alerts: IssuedAlert[];
  /** Level per grid hour (0 = none; NaN = missing hour outside an alert) with local ISO hour starts as keys. */
  series: AlertSeries;
  /** Ox per grid hour in ppm (NaN = missing), aligned with `series.keys`. */
  oxPpm: Float64Array;
  /** Hours of the grid without a value. */
  missingHours: number;
  /** The assumption used for "expected to continue". */
  continuing: string;
}

function continuingAt(c: ContinuingInput | undefined, times: ArrayLike<number>, name: string) {
  if (c === undefined || typeof c === "boolean") {
    const v = c ?? true;
    return () => v;
  }
  if (typeof c === "function") return (hourStart: number) => c(hourStart) === true;
  if (c.length !== times.length)
    throw new RangeError(`${name}: continuing has ${c.length} flags for ${times.length} times`);
  return undefined;
}

/**
 * Photochemical oxidant alerts of Japan from hourly Ox (ppm): 注意報 at ≥ 0.12 ppm (大気汚染防止法
 * 第23条第1項, 施行令第11条第1項・別表第五), 警報 at ≥ 0.24 ppm (prefectural: 神奈川県大気汚染緊急時
 * 措置要綱 別表第2), 重大緊急時警報 at ≥ 0.40 ppm (要綱 別表第2; 施行令第11条第2項), each "気象条件から
 * みて各欄の基準が継続すると認められることを条件とする" — the clauses are quoted in `tables/jp.ts`.
 *
 * Per hour, the level in force is the highest whose threshold the hourly value reaches ("以上": ≥)
 * while `continuing` holds; an hour where `continuing` is false issues and upgrades nothing but keeps
 * an alert in force at the level its value still reaches. Below a threshold the alert is downgraded
 * or released at that hour (要綱 解除基準: "なお汚染が継続すると予想されるときは注意報に切り換える";
 * "注意報の発令基準以下となり … 解除する"). The value of an hour is known at its end: an alert's
 * `start` is the start of the first hour at the level, `end` the end of its last hour. The
 * prefecture judges on its reference stations (基準測定点) of an area; pass one station's series, or
 * the area's hourly maximum.
 *
 * @param times UTC instants (ms) of the hourly values
 * @param ox hourly Ox in `unit` (ppm by default), NaN = missing
 * @param opts offset (default +09:00), hour label, unit, continuing condition, missing-hour policy, rules
 * @throws {RangeError} for times that are not whole hours or repeat an hour, arrays of different
 *   lengths, a negative value, an unknown unit, or `continuing` flags not aligned with `times`
 */
export function jpOxAlerts(
  times: ArrayLike<number>,
  ox: ArrayLike<number>,
  opts: JpOxAlertOptions = {},
): JpOxAlertResult {
  const off = opts.utcOffsetMinutes ?? 540;
  const unit = opts.unit ?? "ppm";
  if (unit !== "ppm" && unit !== "ppb")
    throw new RangeError(`jpOxAlerts: unit must be "ppm" or "ppb", got "${String(unit)}"`);
  const rules = [...(opts.rules ?? JP_OX_RULES)].sort((a, b) => a.rank - b.rank);
  const grid = toHourGrid(times, ox, {
    utcOffsetMinutes: off,
    hourLabel: opts.hourLabel ?? "start",
    name: "jpOxAlerts: Ox",
  });
  const first = grid.firstDayUtcMs;
  const n = grid.values.length;
  const ppm = unit === "ppb" ? grid.values.map((v) => v / 1000) : grid.values;
  // continuing flags on the grid
  let cont = continuingAt(opts.continuing, times, "jpOxAlerts");
  if (!cont) {
    const flags = new Uint8Array(n).fill(1);
    const arr = opts.continuing as ArrayLike<boolean>;
    const shift = opts.hourLabel === "end" ? HOUR : 0;
    for (let i = 0; i < times.length; i++) flags[Math.round((times[i] - shift - first) / HOUR)] = arr[i] ? 1 : 0;
    cont = (t: number) => flags[Math.round((t - first) / HOUR)] === 1;
  }
  const ranks = new Float64Array(n);
  let lastValue = n - 1;
  while (lastValue >= 0 && !Number.isFinite(ppm[lastValue])) lastValue--;
  let prev = 0,
    missingHours = 0;
  for (let k = 0; k < n; k++) {
    const v = ppm[k];
    if (!Number.isFinite(v)) {
      missingHours++;
      // held through a gap inside the record; after the last value the record (and the alert) ends
      prev = (opts.missing ?? "hold") === "hold" && k < lastValue ? prev : 0;
      ranks[k] = prev;
      continue;
    }
    let byValue = 0;
    for (const r of rules) if (v >= r.ppm) byValue = r.rank;
    const level = cont(first + k * HOUR) ? byValue : Math.min(prev, byValue);
    ranks[k] = level;
    prev = level;
  }
  const byRank = new Map(rules.map((r) => [r.rank, r]));
  const alerts = hourlySpans(
    ranks,
    ppm,
    first,
    off,
    (r) => {
      const rule = byRank.get(r)!;
      return { ruleId: rule.id, level: rule.id.split("/")[1], rank: r, name: rule.name, clause: rule.clause };
    },
    "jp",
    (from, to) => {
      const rule = byRank.get(ranks[from])!;
      let peak = -Infinity;
      for (let i = from; i <= to; i++) if (Number.isFinite(ppm[i])) peak = Math.max(peak, ppm[i]);
      return `hourly Ox ≥ ${rule.ppm} ppm for ${to - from + 1} h (peak ${peak} ppm)`;
    },
  );
  return {
    alerts,
    series: hourlySeries(ranks, ppm, first, off),
    oxPpm: Float64Array.from(ppm),
    missingHours,
    continuing:
      opts.continuing === undefined
        ? "assumed: the weather is taken to keep the level whenever a threshold is reached (aozora's default)"
        : "given by the caller",
  };
}

/** One station's hourly PM2.5 for {@link jpPm25Alerts}. */
export interface StationHourly {
  /** Station code or name (for the evidence). */
  station?: string;
  /** UTC instants (ms) of the hourly values. */
  times: ArrayLike<number>;
  /** Hourly PM2.5 in µg/m3, NaN = missing. */
  values: ArrayLike<number>;
}

/** Options of {@link jpPm25Alerts}. */
export interface JpPm25AlertOptions {
  /** Site offset east of UTC in minutes (default 540). */
  utcOffsetMinutes?: number;
  /** Whether `times` mark the start (default) or the end of each averaging hour. */
  hourLabel?: HourLabel;
  /**
   * Whether high concentrations are expected to continue on a day ("かつ高濃度の状態が継続すると判断
   * される場合", Chiba): `true` (default: assumed), or a function of the local date and judgement.
   */
  continuing?: boolean | ((date: string, judgement: "morning" | "noon") => boolean);
  /** Hours of a station's window that must have a value for its mean (default: all of them: 3 and 8). */
  minHours?: { morning: number; noon: number };
  /** The judgements (default {@link JP_PM25_RULES}). */
  rules?: readonly JpPm25AlertRule[];
}

/** One day of {@link jpPm25Alerts}. */
export interface JpPm25Day {
  date: string;
  /** Per judgement: the station means (µg/m3; NaN = too few hours), the area statistic and whether it fired. */
  judgements: {
    ruleId: string;
    stationMeans: Record<string, number>;
    /** Median (morning) or maximum (noon) of the station means, µg/m3; NaN when no station has a mean. */
    value: number;
    fired: boolean;
    /** Not judged because an earlier judgement of the day already issued the advisory. */
    skipped: boolean;
  }[];
}

/** The result of {@link jpPm25Alerts}. */
export interface JpPm25AlertResult {
  alerts: IssuedAlert[];
  days: JpPm25Day[];
  /** Per local day: 1 = advisory issued, 0 = not, NaN = could not be judged (no station mean). */
  series: AlertSeries;
  continuing: string;
}

/**
 * Japan's PM2.5 注意喚起 (advisory) from hourly PM2.5 (µg/m3) of an area's general stations, by the
 * Ministry of the Environment's provisional guideline (daily mean expected > 70 µg/m3) as Kanagawa
 * applies it (clauses in `tables/jp.ts`): **morning** — each station's mean of the hours labelled
 * 5–7 時 (hour-ending: the hours starting 04:00–06:00 JST), the median over stations > 85 µg/m3
 * (issued about 08:00); **noon** — each station's mean of 5–12 時 (hours starting 04:00–11:00), any
 * station (the maximum) > 80 µg/m3 (issued about 13:00), judged only when the morning did not issue.
 * Thresholds are strict ("超過"). An advisory holds to the end of the local day ("日付が変わるまで
 * 注意喚起は解除しません"): `start` is the end of the judging window (07:00 or 12:00 local), `end`
 * the next midnight. A station's window mean needs `minHours` values (default all hours: an
 * assumption — the guideline states no completeness rule); stations without one are left out, and
 * a day where no station has a mean is not judged.
 *
 * @param stations one or more stations' hourly PM2.5 (µg/m3)
 * @param opts offset (default +09:00), hour label, continuing condition, completeness, rules
 * @throws {RangeError} for no stations, times that are not whole hours or repeat an hour, arrays of
 *   different lengths, a negative value, or `minHours` outside the window lengths
 */
export function jpPm25Alerts(
  stations: StationHourly | readonly StationHourly[],
  opts: JpPm25AlertOptions = {},
): JpPm25AlertResult {
  const list = Array.isArray(stations) ? (stations as readonly StationHourly[]) : [stations as StationHourly];
  if (list.length === 0) throw new RangeError("jpPm25Alerts: no stations");
  const off = opts.utcOffsetMinutes ?? 540;
  const rules = opts.rules ?? JP_PM25_RULES;
  for (const r of rules) {
    const len = r.labelTo - r.labelFrom + 1;
    const need = opts.minHours?.[r.judgement] ?? len;
    if (!Number.isInteger(need) || need < 1 || need > len)
      throw new RangeError(`jpPm25Alerts: minHours.${r.judgement} must be a whole number in 1..${len}, got ${need}`);
  }
  const grids = list.map((s, i) =>
    toHourGrid(s.times, s.values, {
      utcOffsetMinutes: off,
      hourLabel: opts.hourLabel ?? "start",
      name: `jpPm25Alerts: station ${s.station ?? i}`,
    }),
  );
  const names = list.map((s, i) => s.station ?? `station ${i + 1}`);
  const dayIndex = grids.map((g) => new Map(g.dates.map((d, i) => [d, i])));
  const allDates = [...new Set(grids.flatMap((g) => g.dates))].sort();
  const cont = opts.continuing ?? true;
  const days: JpPm25Day[] = [];
  const alerts: IssuedAlert[] = [];
  const ranks = new Float64Array(allDates.length);
  allDates.forEach((date, d) => {
    const day: JpPm25Day = { date, judgements: [] };
    let issued = false,
      judged = false;
    for (const r of rules) {
      const stationMeans: Record<string, number> = {};
      const means: number[] = [];
      const need = opts.minHours?.[r.judgement] ?? r.labelTo - r.labelFrom + 1;
      grids.forEach((g, i) => {
        const di = dayIndex[i].get(date) ?? -1;
        let s = 0,
          n = 0;
        if (di >= 0)
          // label L (hour-ending) = the hour starting at L − 1
          for (let label = r.labelFrom; label <= r.labelTo; label++) {
            const v = g.values[di * 24 + label - 1];
            if (Number.isFinite(v)) {
              s += v;
              n++;
            }
          }
        const m = n >= need ? s / n : NaN;
        stationMeans[names[i]] = m;
        if (Number.isFinite(m)) means.push(m);
      });
      const value = means.length === 0 ? NaN : r.aggregate === "median" ? median(means) : Math.max(...means);
      if (Number.isFinite(value)) judged = true;
      const skipped = issued;
      const ok = typeof cont === "function" ? cont(date, r.judgement) : cont;
      const fired = !skipped && Number.isFinite(value) && value > r.above && ok;
      day.judgements.push({ ruleId: r.id, stationMeans, value, fired, skipped });
      if (fired) {
        issued = true;
        const midnight = Date.parse(`${date}T00:00:00Z`) - off * 60_000;
        const s = midnight + r.judgedAtHour * HOUR,
          e = midnight + 24 * HOUR;
        alerts.push({
          country: "jp",
          ruleId: r.id,
          level: "chuikanki",
          rank: 1,
          name: r.name,
          clause: r.clause,
          start: formatInstant(s, off),
          end: formatInstant(e, off),
          startUtcMs: s,
          endUtcMs: e,
          episode: alerts.length,
          peak: value,
          missing: 0,
          evidence: `${r.aggregate} over ${means.length} station(s) of the ${r.labelFrom}–${r.labelTo} 時 means = ${value} µg/m3 > ${r.above} (issued around ${r.issuedAround})`,
        });
      }
    }
    ranks[d] = issued ? 1 : judged ? 0 : NaN;
    days.push(day);
  });
  return {
    alerts,
    days,
    series: { keys: allDates, ranks },
    continuing:
      opts.continuing === undefined
        ? "assumed: high concentrations are taken to continue whenever a judgement exceeds its threshold (aozora's default)"
        : "given by the caller",
  };
}
