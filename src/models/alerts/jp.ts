import { median } from "../../stats/median";
import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";
import type { ReferenceState } from "../../table/gas";
import { normaliseUnit } from "../../table/units";
import { convertGas } from "../ozone/convert";
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
  /**
   * Unit of the values: `ppm` (default), `ppb` (divided by 1000), or `µg/m3` — converted to ppm as
   * O3 (Ox is measured and calibrated as ozone; M = 47.997 g/mol) at `referenceState`, which must
   * then be given: the Japanese criteria are volume fractions (ppm), and a mass concentration is
   * only convertible at the temperature and pressure it refers to.
   */
  unit?: "ppm" | "ppb" | "µg/m3";
  /** Reference state of µg/m3 values (e.g. `STP_298` 25 °C, `STP_293` 20 °C, 101.325 kPa); required with `unit: "µg/m3"`. */
  referenceState?: ReferenceState;
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
  /** Stations judged (1 for a single series). */
  stations: number;
  /** `"one station"` or `"hourly maximum over the stations"` (the 発令地域's highest station, per hour). */
  basis: "one station" | "hourly maximum over the stations";
  /** With several stations: per grid hour, the station giving the maximum (`""` when none has a value). */
  stationAtMax?: string[];
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
 * prefecture judges on its reference stations (基準測定点) of an area; this form takes one series
 * (one station, or a maximum the caller formed); the other form takes the area's stations.
 *
 * @param times UTC instants (ms) of the hourly values
 * @param ox hourly Ox in `unit` (ppm by default), NaN = missing
 * @param opts offset (default +09:00), hour label, unit (ppm, ppb, or µg/m3 with `referenceState`),
 *   continuing condition, missing-hour policy, rules
 * @throws {RangeError} for times that are not whole hours or repeat an hour, arrays of different
 *   lengths, a negative value, an unknown unit, µg/m3 without `referenceState`, or `continuing` flags
 *   not aligned with `times`
 */
export function jpOxAlerts(times: ArrayLike<number>, ox: ArrayLike<number>, opts?: JpOxAlertOptions): JpOxAlertResult;
/**
 * Photochemical oxidant alerts of an area (発令地域) from its stations' hourly Ox: per hour the
 * highest value over the stations that have one (Kanagawa's 要綱 judges an area on its reference
 * stations, 基準測定点; that any one of them reaching a level is enough — the hourly maximum — is
 * aozora's reading, not a quoted clause, and is stated in `basis`), then the rules of the
 * single-series form. Each station is put on the hour grid with the same offset and hour label; an
 * hour is missing only when no station has a value. Each alert's evidence names the station of its
 * peak; `stationAtMax` gives the station per hour.
 *
 * @param stations one or more stations' hourly Ox (in `opts.unit`)
 * @param opts as the single-series form; `continuing` flags per row are refused with several stations
 * @throws {RangeError} for no stations, and as the single-series form for each station's times, values and unit
 */
export function jpOxAlerts(
  stations: StationHourly | readonly StationHourly[],
  opts?: JpOxAlertOptions,
): JpOxAlertResult;
export function jpOxAlerts(
  stations: StationHourly | readonly StationHourly[],
  opts?: JpOxAlertOptions,
): JpOxAlertResult;
export function jpOxAlerts(
  a: ArrayLike<number> | StationHourly | readonly StationHourly[],
  b?: ArrayLike<number> | JpOxAlertOptions,
  c?: JpOxAlertOptions,
): JpOxAlertResult {
  const isStation = (x: unknown): x is StationHourly =>
    typeof x === "object" && x !== null && "times" in x && "values" in x;
  const multi = Array.isArray(a) && a.length > 0 && isStation(a[0]);
  if (multi || isStation(a)) {
    const list = multi ? (a as readonly StationHourly[]) : [a as StationHourly];
    return oxAlertsOfStations(list, (b as JpOxAlertOptions | undefined) ?? {});
  }
  if (Array.isArray(a) && a.length === 0 && (b === undefined || !("length" in (b as object))))
    throw new RangeError("jpOxAlerts: no stations");
  const opts = c ?? {};
  const off = opts.utcOffsetMinutes ?? 540;
  const grid = toHourGrid(a as ArrayLike<number>, b as ArrayLike<number>, {
    utcOffsetMinutes: off,
    hourLabel: opts.hourLabel ?? "start",
    name: "jpOxAlerts: Ox",
  });
  const ppm = oxToPpm(grid.values, opts, "jpOxAlerts: Ox");
  return oxAlertsOfGrid(grid.firstDayUtcMs, ppm, a as ArrayLike<number>, opts, 1);
}

/** Ox on a grid in ppm from ppm, ppb or µg/m3 at a stated reference state. */
function oxToPpm(values: Float64Array, opts: JpOxAlertOptions, name: string): Float64Array {
  const unit = normaliseUnit(String(opts.unit ?? "ppm"));
  if (unit === "ppm") return values;
  if (unit === "ppb") return values.map((v) => v / 1000);
  if (unit === "µg/m3") {
    if (!opts.referenceState)
      throw new RangeError(
        `${name}: Ox in µg/m3 needs referenceState (the temperature and pressure the mass concentration refers to) to be converted to ppm`,
      );
    return convertGas(values, "µg/m3", "ppm", CRITERIA_GAS_MOLAR_MASS.O3, { state: opts.referenceState, name });
  }
  throw new RangeError(`jpOxAlerts: unit must be "ppm", "ppb" or "µg/m3", got "${String(opts.unit)}"`);
}

/** The area's hourly maximum over stations, then the alerts. */
function oxAlertsOfStations(list: readonly StationHourly[], opts: JpOxAlertOptions): JpOxAlertResult {
  const off = opts.utcOffsetMinutes ?? 540;
  if (Array.isArray(opts.continuing) && list.length > 1)
    throw new RangeError(
      "jpOxAlerts: continuing flags per row need a single station (give a function of the hour instead)",
    );
  const grids = list.map((s, i) => {
    const g = toHourGrid(s.times, s.values, {
      utcOffsetMinutes: off,
      hourLabel: opts.hourLabel ?? "start",
      name: `jpOxAlerts: station ${s.station ?? i + 1}`,
    });
    return { first: g.firstDayUtcMs, ppm: oxToPpm(g.values, opts, `jpOxAlerts: station ${s.station ?? i + 1}`) };
  });
  const first = Math.min(...grids.map((g) => g.first));
  const end = Math.max(...grids.map((g) => g.first + g.ppm.length * HOUR));
  const n = Math.round((end - first) / HOUR);
  const max = new Float64Array(n).fill(NaN);
  const at: string[] = new Array(n).fill("");
  grids.forEach((g, i) => {
    const o = Math.round((g.first - first) / HOUR);
    for (let k = 0; k < g.ppm.length; k++) {
      const v = g.ppm[k];
      if (Number.isFinite(v) && !(max[o + k] >= v)) {
        max[o + k] = v;
        at[o + k] = list[i].station ?? `station ${i + 1}`;
      }
    }
  });
  const r = oxAlertsOfGrid(first, max, list.length === 1 ? list[0].times : [], opts, list.length);
  if (list.length > 1) {
    r.stationAtMax = at;
    for (const alert of r.alerts) {
      const from = Math.round((alert.startUtcMs - first) / HOUR);
      const to = Math.round((alert.endUtcMs - first) / HOUR) - 1;
      let best = from;
      for (let k = from; k <= to; k++) if (max[k] > max[best] || !Number.isFinite(max[best])) best = k;
      alert.evidence += `; hourly maximum of ${list.length} stations, peak at ${at[best]}`;
    }
  }
  return r;
}

function oxAlertsOfGrid(
  first: number,
  ppm: Float64Array,
  times: ArrayLike<number>,
  opts: JpOxAlertOptions,
  stations: number,
): JpOxAlertResult {
  const off = opts.utcOffsetMinutes ?? 540;
  const rules = [...(opts.rules ?? JP_OX_RULES)].sort((a, b) => a.rank - b.rank);
  const n = ppm.length;
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
    stations,
    basis: stations > 1 ? "hourly maximum over the stations" : "one station",
  };
}

/** One station's hourly series for {@link jpPm25Alerts} (PM2.5, µg/m3) and {@link jpOxAlerts} (Ox, in its `unit`). */
export interface StationHourly {
  /** Station code or name (for the evidence). */
  station?: string;
  /** UTC instants (ms) of the hourly values. */
  times: ArrayLike<number>;
  /** Hourly values (PM2.5 µg/m3; Ox in the unit given to `jpOxAlerts`), NaN = missing. */
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
