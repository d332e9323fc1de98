import { chinaReferenceState, STP_298 } from "../../table/gas";
import { roundHalfEven } from "../../stats/round";
import { normaliseUnit } from "../../table/units";
import { convertGas, type ReferenceStateLike } from "../ozone/convert";
import {
  screenNegatives,
  toHourGrid,
  windowMax,
  windowMean,
  type HourGrid,
  type HourLabel,
  type NegativePolicy,
} from "../ozone/hourgrid";
import { mda8FromGrid } from "../ozone/mda8";
import { MDA8_CONVENTIONS } from "../ozone/tables/mda8-conventions";
import { cnIaqi, usAqi, type CnVersion, type IaqiValue } from "./iaqi";
import type { CnIaqiKey } from "./tables/hj633";
import { aqiCategory, CN_AQI_CATEGORIES, US_AQI_CATEGORIES, type AqiCategory } from "./tables/categories";
import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";

/** Pollutants of the AQI (canonical column names of `readMonitoringTable`). */
export type AqiPollutant = "PM2.5" | "PM10" | "SO2" | "NO2" | "CO" | "O3";
export const AQI_POLLUTANTS: readonly AqiPollutant[] = ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3"];

/** Which AQI. */
export type AqiStandard = CnVersion | "us-2024";

/** Hourly input of {@link dailyAqi}. */
export interface HourlyPollutants {
  /** UTC instants (ms), one per hour, shared by all series. */
  times: ArrayLike<number>;
  /** Site offset east of UTC, minutes (China +480). */
  utcOffsetMinutes: number;
  /** Whether each instant starts (default) or ends its averaging hour. */
  hourLabel?: HourLabel;
  /**
   * Series present (any subset), each with its unit (`µg/m3`, `mg/m3`, `ppb`, `ppm`). `Ox`
   * (photochemical oxidant) and `SPM` (suspended particulate matter) are Japan's EQS items: carried
   * for `japanEqsEvaluation`, not used by the AQI.
   */
  series: Partial<Record<AqiPollutant | "Ox" | "SPM", { values: ArrayLike<number>; unit: string }>>;
}

/** Options of {@link dailyAqi}. */
export interface DailyAqiOptions {
  /** `cn-2026` (HJ 633-2026, default), `cn-2012` (HJ 633-2012) or `us-2024` (EPA 2024). */
  standard?: AqiStandard;
  /** Reference state for ppb ↔ µg/m3: China default `chinaReferenceState` (273.15 K before 2018-09-01, 298.15 K after); US 298.15 K. */
  referenceState?: ReferenceStateLike;
  /** Negative concentrations: `"error"` (default) or `"missing"` (counted in `negatives`). */
  negative?: NegativePolicy;
  /** Minimum hourly values for a daily mean and a daily 1-h maximum (China default 20, GB 3095-2012 Table 4 data validity as applied by HJ 663-2013 §6; US default 18, 75 %). */
  minHours?: number;
  /**
   * China only: rounding of the daily concentrations before the IAQI.
   * `"gbt8170"` (default for `cn-2026`): round half to even (GB/T 8170 "四舍六入五成双") to
   * integers in µg/m3 (SO2, NO2, O3, PM10, PM2.5) and to one decimal in mg/m3 (CO), as HJ 633-2026
   * §4.2.2 requires: "其中SO2、NO2、O3、PM10、PM2.5浓度单位为µg/m3，按照GB/T 8170要求修约到整数，CO浓度单位为
   * mg/m3，修约到1位小数". `"none"` (default for `cn-2012`, whose text sets no rounding of the
   * concentrations): the unrounded means. `"hj663"` is the former name of `"gbt8170"` (same rule).
   */
  round?: "none" | "gbt8170" | "hj663";
  /** US only: above the AQI-500 breakpoint extend the top segment (default, 40 CFR 58 App. G §12(ii)) or `"cap"` at 500. */
  beyondIndex?: "extend" | "cap";
}

/** One day's AQI. */
export interface DailyAqiRow {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Daily concentration per key (`PM25_24h`, `O3_8h`, ...) in the unit of `units[key]`; NaN when not valid. */
  concentration: Record<string, number>;
  /** IAQI (China) or sub-index AQI (US) per key; NaN when not valid or not defined. */
  iaqi: Record<string, number>;
  /** AQI = max of the valid sub-indices; NaN when none. */
  aqi: number;
  /** Keys whose sub-index equals the AQI, when AQI > 50 (HJ 633 §5; EPA "responsible pollutant"). */
  primary: string[];
  /** Category level 1–6 (NaN when no AQI). */
  category: number;
  /** Hourly values present per pollutant. */
  hours: Record<string, number>;
  /** True when every pollutant supplied gave a valid daily value. */
  complete: boolean;
  /** Notes such as `O3_8h above 800 µg/m3: IAQI 300 (HJ 633-2026 Table 3 note c)` or `PM25_24h above the IAQI-500 breakpoint: capped at 500`. */
  notes: string[];
}

/** Result of {@link dailyAqi}. */
export interface DailyAqiResult {
  standard: AqiStandard;
  citation: string;
  /** Unit of each concentration key. */
  units: Record<string, string>;
  days: DailyAqiRow[];
  /** Input indices of negative values set missing, per pollutant (policy `"missing"`). */
  negatives: Record<string, number[]>;
  /** Hours of the local-day grid with no input row. */
  absentHours: number;
  /** Rounding applied to the daily concentrations before the IAQI (`"gbt8170"` or `"none"`; see {@link DailyAqiOptions.round}). */
  round: "none" | "gbt8170";
}

const CN_UNITS: Record<AqiPollutant, string> = {
  "PM2.5": "µg/m3",
  PM10: "µg/m3",
  SO2: "µg/m3",
  NO2: "µg/m3",
  CO: "mg/m3",
  O3: "µg/m3",
};
const US_UNITS: Record<AqiPollutant, string> = {
  "PM2.5": "µg/m3",
  PM10: "µg/m3",
  SO2: "ppb",
  NO2: "ppb",
  CO: "ppm",
  O3: "ppm",
};

function toTarget(
  p: AqiPollutant,
  s: { values: ArrayLike<number>; unit: string },
  target: string,
  times: ArrayLike<number>,
  state: ReferenceStateLike,
): Float64Array {
  const u = normaliseUnit(s.unit);
  if (p === "PM2.5" || p === "PM10") {
    if (u === "µg/m3") return Float64Array.from(s.values);
    if (u === "mg/m3") return Float64Array.from(s.values, (v) => v * 1000);
    throw new RangeError(`${p}: unit "${s.unit}" is not a particle mass concentration (use µg/m3 or mg/m3)`);
  }
  return convertGas(s.values, u, target, CRITERIA_GAS_MOLAR_MASS[p as "SO2" | "NO2" | "CO" | "O3"], {
    state,
    times,
    name: p,
  });
}

function dailyMean(g: HourGrid, d: number, minHours: number): { value: number; n: number } {
  const { mean, n } = windowMean(g.values, d * 24, d * 24 + 24);
  return { value: n >= minHours ? mean : NaN, n };
}

function dailyMax(g: HourGrid, d: number, minHours: number): { value: number; n: number } {
  const { max, n } = windowMax(g.values, d * 24, d * 24 + 24);
  return { value: n >= minHours ? max : NaN, n };
}

/** Maximum of the 24 running 8-h means starting in the day (≥ 6 hours each), for the US CO 8-h AQI. */
function dailyMax8hAllStarts(g: HourGrid, d: number): number {
  let best = NaN;
  for (let s = 0; s < 24; s++) {
    const { mean, n } = windowMean(g.values, d * 24 + s, d * 24 + s + 8);
    if (n >= 6 && !(mean <= best)) best = mean;
  }
  return best;
}

/**
 * China's daily indicators of one day (HJ 633 daily report), before rounding: 24-h means of SO2,
 * NO2, PM10, CO and PM2.5 and the O3 MDA8 (and, HJ 633-2012 only, the O3 daily maximum 1-h mean),
 * in µg/m3 (CO mg/m3); NaN when the day's value is not valid; a key left out when the pollutant is
 * not measured.
 */
export interface CnDailyConcentrations {
  SO2_24h?: number;
  NO2_24h?: number;
  PM10_24h?: number;
  CO_24h?: number;
  /** Used by HJ 633-2012 only (HJ 633-2026 Table 3 note a: the O3 1-h limit is for the real-time report). */
  O3_1h?: number;
  O3_8h?: number;
  PM25_24h?: number;
}

/** The daily indicators of HJ 633 in the order of its tables: key, field of {@link CnDailyConcentrations}, unit. */
const CN_DAILY_KEYS_2012: readonly { key: CnIaqiKey; input: keyof CnDailyConcentrations; unit: string }[] = [
  { key: "SO2_24h", input: "SO2_24h", unit: "µg/m3" },
  { key: "NO2_24h", input: "NO2_24h", unit: "µg/m3" },
  { key: "PM10_24h", input: "PM10_24h", unit: "µg/m3" },
  { key: "CO_24h", input: "CO_24h", unit: "mg/m3" },
  // HJ 633-2012 §5.1.2: the O3 daily maximum 1-h mean is one of the seven daily indicators
  { key: "O3_1h", input: "O3_1h", unit: "µg/m3" },
  { key: "O3_8h", input: "O3_8h", unit: "µg/m3" },
  { key: "PM25_24h", input: "PM25_24h", unit: "µg/m3" },
];
/** HJ 633-2026: the six indicators (no O3 1-h, Table 3 note a). */
const CN_DAILY_KEYS_2026 = CN_DAILY_KEYS_2012.filter((k) => k.key !== "O3_1h");

/** One day's China AQI from its daily indicators ({@link cnDailyAqiFromConcentrations}). */
export interface CnDailyAqi {
  /** The concentrations used (rounded per `round`), NaN when not valid. */
  concentration: Record<string, number>;
  /** Unit per key (`µg/m3`, CO `mg/m3`). */
  units: Record<string, string>;
  /** IAQI per key; NaN when not valid. */
  iaqi: Record<string, number>;
  /** max of the valid IAQI (formula 2); NaN when none. */
  aqi: number;
  /** Keys whose IAQI equals the AQI, when AQI > 50 (§4.3.1 of HJ 633-2026; §5 of HJ 633-2012). */
  primary: string[];
  /** Category level 1–6 (NaN when no AQI). */
  category: number;
  /** True when every key given had a valid value. */
  complete: boolean;
  notes: string[];
}

/**
 * The China daily AQI of one day from its daily indicators — the single definition of the IAQI
 * step used by {@link dailyAqi} (which computes the indicators from hourly data) and by callers
 * that computed the same indicators elsewhere (the DuckDB network summary). Rules: see
 * {@link dailyAqi}: HJ 633-2026 §4.2.2 rounding (GB/T 8170, integers in µg/m3, CO one decimal in
 * mg/m3) when `round` is `"gbt8170"`, IAQI by Table 3 (2026) or Table 1 (2012), IAQI rounded up
 * (§4.2.6), AQI = max IAQI, primary pollutants when AQI > 50; 2012: an MDA8 above 800 µg/m3
 * defers to the 1-h IAQI (Table 1 note 3); 2026: an MDA8 above 800 µg/m3 gives IAQI 300 (Table 3
 * note c), and `O3_1h` is ignored.
 *
 * @param c the day's indicators (unrounded), µg/m3 and CO mg/m3
 * @param version `cn-2026` or `cn-2012`
 * @param round `"gbt8170"` (HJ 633-2026 §4.2.2) or `"none"`
 * @throws {RangeError} when the version is not cn-2026 or cn-2012
 */
export function cnDailyAqiFromConcentrations(
  c: CnDailyConcentrations,
  version: CnVersion,
  round: "none" | "gbt8170",
): CnDailyAqi {
  if (version !== "cn-2026" && version !== "cn-2012")
    throw new RangeError(`cnDailyAqiFromConcentrations: version must be cn-2026 or cn-2012, got "${String(version)}"`);
  const keys = cnDailyKeys(version);
  const values = new Float64Array(keys.length),
    given = new Uint8Array(keys.length),
    x = new Float64Array(keys.length),
    sub = new Float64Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const v = c[keys[k].input];
    if (v !== undefined) {
      values[k] = v;
      given[k] = 1;
    }
  }
  const notes: string[] = [];
  const day = { aqi: NaN, complete: true };
  cnDailyAqiOfDay(values, given, version, round, x, sub, day, notes);
  const concentration: Record<string, number> = {},
    iaqi: Record<string, number> = {},
    units: Record<string, string> = {};
  const primary: string[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (!given[k]) continue;
    concentration[keys[k].key] = x[k];
    units[keys[k].key] = keys[k].unit;
    iaqi[keys[k].key] = sub[k];
    if (day.aqi > 50 && sub[k] === day.aqi) primary.push(keys[k].key);
  }
  const cat = aqiCategory(day.aqi, CN_AQI_CATEGORIES);
  return {
    concentration,
    units,
    iaqi,
    aqi: day.aqi,
    primary,
    category: cat ? cat.level : NaN,
    complete: day.complete,
    notes,
  };
}

/**
 * The daily indicators of one version of HJ 633, in the order of its tables (the order of the
 * keys of {@link cnDailyAqiFromConcentrations}' result): IAQI key, field of
 * {@link CnDailyConcentrations} and unit.
 */
export function cnDailyKeys(
  version: CnVersion,
): readonly { key: CnIaqiKey; input: keyof CnDailyConcentrations; unit: string }[] {
  return version === "cn-2012" ? CN_DAILY_KEYS_2012 : CN_DAILY_KEYS_2026;
}

/**
 * The step of {@link cnDailyAqiFromConcentrations} on typed arrays, for callers that compute many
 * days (the network summary): the same rules and the same doubles, without objects per day.
 * Arrays are indexed as {@link cnDailyKeys}(version): `values` the unrounded indicators (NaN when
 * not valid), `given` 1 for an indicator supplied (0: as if the key were left out); writes the
 * rounded concentrations to `x`, the IAQI to `sub` (NaN for a key not given), the AQI (max of the
 * finite IAQI, NaN when none) and `complete` (every given key valid) to `day`, and the notes (if
 * `notes` is given). Primary pollutants: the given keys with `sub` = AQI when AQI > 50.
 *
 * @throws {RangeError} when the version is not cn-2026 or cn-2012
 */
export function cnDailyAqiOfDay(
  values: ArrayLike<number>,
  given: ArrayLike<number>,
  version: CnVersion,
  round: "none" | "gbt8170",
  x: Float64Array,
  sub: Float64Array,
  day: { aqi: number; complete: boolean },
  notes?: string[],
): void {
  if (version !== "cn-2026" && version !== "cn-2012")
    throw new RangeError(`cnDailyAqiOfDay: version must be cn-2026 or cn-2012, got "${String(version)}"`);
  const keys = cnDailyKeys(version);
  let complete = true,
    aqi = -Infinity;
  for (let k = 0; k < keys.length; k++) {
    if (!given[k]) {
      x[k] = NaN;
      sub[k] = NaN;
      continue;
    }
    const key = keys[k];
    const v = values[k];
    const c = round === "none" ? v : roundHalfEven(v, key.unit === "mg/m3" ? 1 : 0);
    x[k] = c;
    if (!Number.isFinite(c)) complete = false;
    const r = cnIaqi(key.key, c, version);
    sub[k] = r.iaqi;
    if (Number.isFinite(r.iaqi) && r.iaqi > aqi) aqi = r.iaqi;
    if (!notes) continue;
    if (key.key === "O3_8h") {
      if (r.useKey)
        notes.push("O3_8h above 800 µg/m3: no 8-h IAQI, the O3_1h IAQI is used (HJ 633-2012 Table 1 note 3)");
      if (r.note === "above-top-fixed") notes.push("O3_8h above 800 µg/m3: IAQI 300 (HJ 633-2026 Table 3 note c)");
    } else if (r.note === "beyond-index") notes.push(`${key.key} above the IAQI-500 breakpoint: capped at 500`);
  }
  day.aqi = aqi === -Infinity ? NaN : aqi;
  day.complete = complete;
}

/** AQI = max of the finite sub-indices, the keys equal to it when AQI > 50, and the category level (module-internal helper, also used by `nowcastAqi`). */
export function aqiOfSubIndices(
  iaqi: Record<string, number>,
  categories: readonly AqiCategory[],
): { aqi: number; primary: string[]; category: number } {
  let aqi = -Infinity;
  for (const k of Object.keys(iaqi)) if (Number.isFinite(iaqi[k]) && iaqi[k] > aqi) aqi = iaqi[k];
  if (aqi === -Infinity) aqi = NaN;
  const primary = aqi > 50 ? Object.keys(iaqi).filter((k) => iaqi[k] === aqi) : [];
  const cat = aqiCategory(aqi, categories);
  return { aqi, primary, category: cat ? cat.level : NaN };
}

/**
 * Daily AQI from hourly concentrations.
 *
 * China, HJ 633-2026 (`cn-2026`, default): six indicators, §4.2.2 "日报的指标包括SO2、NO2、CO、
 * PM10、PM2.5日平均以及O3日最大8小时平均6个指标" — the 24-h means of SO2, NO2, CO, PM10, PM2.5
 * and the O3 daily maximum 8-h mean (MDA8, HJ 663 convention). The O3 1-h maximum is not an
 * indicator of the daily report (Table 3 note a: "SO2、NO2、CO和O3 1小时平均浓度限值仅用于实时报"),
 * so a high 1-h peak never sets the day's AQI and a day with an invalid MDA8 has no O3 IAQI. An
 * MDA8 above 800 µg/m3 follows note c: "O3 8小时平均浓度值高于800 µg/m3的，IAQI按照300计". The
 * concentrations are rounded before the IAQI (§4.2.2, GB/T 8170; option `round`), the IAQI is
 * rounded up (§4.2.6 "全部向上进位取整数"); AQI = max IAQI (formula 2); primary pollutant(s) =
 * keys with IAQI = AQI when AQI > 50 (§4.3.1).
 *
 * China, HJ 633-2012 (`cn-2012`): seven indicators, §5.1.2 "日报的指标包括二氧化硫（SO2）、二氧化氮
 * （NO2）、颗粒物（粒径小于等于10µm）、颗粒物（粒径小于等于2.5µm）、一氧化碳（CO）的24小时平均，以及臭氧
 * （O3）的日最大1小时平均、臭氧（O3）的日最大8小时滑动平均，共计7个指标" — the O3 1-h maximum has its
 * own IAQI, and an MDA8 above 800 µg/m3 defers to it (Table 1 note 3: "臭氧（O3）8小时平均浓度值高于
 * 800 µg/m3的，不再进行其空气质量分指数计算，臭氧（O3）空气质量分指数按1小时平均浓度计算的分指数报告").
 * No rounding of the concentrations by default.
 *
 * Both: a daily mean needs ≥ 20 hourly values (GB 3095-2012 Table 4 / HJ 663-2013 §6); the 2012 O3
 * 1-h maximum uses the same count (aozora's choice: HJ 663 sets none); MDA8 ≥ 14 valid 8-h means.
 * Gases are converted to µg/m3 (CO mg/m3) at the reference state (default: China's, by date).
 *
 * US (EPA-454/B-24-002, 2024): PM2.5 and PM10 24-h means; O3 MDA8 (40 CFR 50 App. U windows) in
 * ppm, and the daily maximum 1-h O3 where ≥ 0.125 ppm (O3 sub-index = the larger; MDA8 above
 * 0.200 ppm uses the 1-h value only); CO daily maximum 8-h mean (ppm); NO2 and SO2 daily maximum
 * 1-h (ppb), SO2 above 304 ppb using the 24-h mean (AQI 200 when that is below 305 ppb). Means
 * need ≥ 18 hourly values (75 %). Gases at 298.15 K.
 *
 * @throws RangeError for unknown units, mismatched lengths, non-hourly or duplicated times, an
 *   unknown `round` (or `round` other than `"none"` with `us-2024`), and (policy `"error"`)
 *   negative concentrations
 */
export function dailyAqi(input: HourlyPollutants, opts: DailyAqiOptions = {}): DailyAqiResult {
  const standard = opts.standard ?? "cn-2026";
  if (standard !== "cn-2012" && standard !== "cn-2026" && standard !== "us-2024")
    throw new RangeError(`dailyAqi: unknown standard "${String(standard)}" (use cn-2026, cn-2012 or us-2024)`);
  const isCn = standard !== "us-2024";
  const state = opts.referenceState ?? (isCn ? chinaReferenceState : STP_298);
  const minHours = opts.minHours ?? (isCn ? 20 : 18);
  const usOpts = { beyondIndex: opts.beyondIndex ?? ("extend" as const) };
  const targetUnits = isCn ? CN_UNITS : US_UNITS;
  const round = opts.round ?? (standard === "cn-2026" ? "gbt8170" : "none");
  if (round !== "none" && round !== "gbt8170" && round !== "hj663")
    throw new RangeError(`dailyAqi: round must be "none" or "gbt8170", got "${String(round)}"`);
  if (round !== "none" && !isCn)
    throw new RangeError(`dailyAqi: round "${round}" applies to the China standards only (the US AQI truncates)`);
  const present = AQI_POLLUTANTS.filter((p) => input.series[p] !== undefined);
  if (present.length === 0)
    throw new RangeError(`dailyAqi: no pollutant series (expected any of ${AQI_POLLUTANTS.join(", ")})`);
  const grids: Partial<Record<AqiPollutant, HourGrid>> = {};
  const negatives: Record<string, number[]> = {};
  let absent = 0;
  for (const p of present) {
    const s = input.series[p]!;
    if (s.values.length !== input.times.length)
      throw new RangeError(`${p}: ${s.values.length} values for ${input.times.length} times`);
    const screened = screenNegatives(s.values, {
      negative: opts.negative,
      name: p,
      unit: s.unit,
      times: input.times,
      utcOffsetMinutes: input.utcOffsetMinutes,
    });
    const v = toTarget(p, { values: screened.values, unit: s.unit }, targetUnits[p], input.times, state);
    const g = toHourGrid(input.times, v, {
      utcOffsetMinutes: input.utcOffsetMinutes,
      hourLabel: input.hourLabel,
      name: p,
    });
    grids[p] = g;
    if (screened.negatives.length) negatives[p] = screened.negatives;
    absent = g.absentHours;
  }
  const g0 = grids[present[0]]!;
  const units: Record<string, string> = {};
  const days: DailyAqiRow[] = [];
  const mda8Rows = grids.O3 ? mda8FromGrid(grids.O3, MDA8_CONVENTIONS[isCn ? "cn" : "us"]) : undefined;
  for (let d = 0; d < g0.nDays; d++) {
    const conc: Record<string, number> = {},
      iaqi: Record<string, number> = {},
      hours: Record<string, number> = {};
    const notes: string[] = [];
    let complete = true;
    const setC = (key: string, value: number, unit: string) => {
      conc[key] = value;
      units[key] = unit;
      if (!Number.isFinite(value)) complete = false;
    };
    for (const p of present) {
      const g = grids[p]!;
      hours[p] = dailyMean(g, d, 0).n;
    }
    if (isCn) {
      // the daily indicators from the hour grids (unrounded); the IAQI rule is cnDailyAqiFromConcentrations
      const c: CnDailyConcentrations = {};
      const m24 = (p: AqiPollutant) => (grids[p] ? dailyMean(grids[p]!, d, minHours).value : undefined);
      c.SO2_24h = m24("SO2");
      c.NO2_24h = m24("NO2");
      c.PM10_24h = m24("PM10");
      c.CO_24h = m24("CO");
      if (grids.O3) {
        if (standard === "cn-2012") c.O3_1h = dailyMax(grids.O3, d, minHours).value;
        c.O3_8h = mda8Rows![d].mda8;
      }
      c["PM25_24h"] = m24("PM2.5");
      const r = cnDailyAqiFromConcentrations(c, standard as CnVersion, round === "none" ? "none" : "gbt8170");
      Object.assign(conc, r.concentration);
      Object.assign(iaqi, r.iaqi);
      Object.assign(units, r.units);
      notes.push(...r.notes);
      if (!r.complete) complete = false;
    } else {
      if (grids["PM2.5"]) {
        const c = dailyMean(grids["PM2.5"], d, minHours).value;
        setC("PM25_24h", c, "µg/m3");
        iaqi.PM25_24h = usAqiNote(usAqi("PM25_24h", c, usOpts), "PM25_24h", notes);
      }
      if (grids.PM10) {
        const c = dailyMean(grids.PM10, d, minHours).value;
        setC("PM10_24h", c, "µg/m3");
        iaqi.PM10_24h = usAqiNote(usAqi("PM10_24h", c, usOpts), "PM10_24h", notes);
      }
      if (grids.O3) {
        const c8 = mda8Rows![d].mda8;
        const c1 = dailyMax(grids.O3, d, minHours).value;
        setC("O3_8h", c8, "ppm");
        conc.O3_1h = c1;
        units.O3_1h = "ppm";
        const a8 = usAqi("O3_8h", c8, usOpts),
          a1 = usAqi("O3_1h", c1, usOpts);
        if (a8.note === "above-range") notes.push("O3_8h above 0.200 ppm: the 1-h O3 AQI is used");
        iaqi.O3_8h = a8.aqi;
        iaqi.O3_1h = usAqiNote(a1, "O3_1h", notes);
      }
      if (grids.CO) {
        const c = dailyMean(grids.CO, d, minHours).n >= minHours ? dailyMax8hAllStarts(grids.CO, d) : NaN;
        setC("CO_8h", c, "ppm");
        iaqi.CO_8h = usAqiNote(usAqi("CO_8h", c, usOpts), "CO_8h", notes);
      }
      if (grids.SO2) {
        const c1 = dailyMax(grids.SO2, d, minHours).value;
        setC("SO2_1h", c1, "ppb");
        const a1 = usAqi("SO2_1h", c1, usOpts);
        if (a1.note === "above-range") {
          const c24 = dailyMean(grids.SO2, d, minHours).value;
          conc.SO2_24h = c24;
          units.SO2_24h = "ppb";
          const a24 = usAqi("SO2_24h", c24, usOpts);
          iaqi.SO2_1h = NaN;
          iaqi.SO2_24h = a24.note === "below-range" ? 200 : usAqiNote(a24, "SO2_24h", notes);
          notes.push(
            a24.note === "below-range"
              ? "SO2 1-h above 304 ppb with 24-h mean below 305 ppb: AQI 200"
              : "SO2 1-h above 304 ppb: the 24-h SO2 AQI is used",
          );
        } else iaqi.SO2_1h = a1.aqi;
      }
      if (grids.NO2) {
        const c = dailyMax(grids.NO2, d, minHours).value;
        setC("NO2_1h", c, "ppb");
        iaqi.NO2_1h = usAqiNote(usAqi("NO2_1h", c, usOpts), "NO2_1h", notes);
      }
    }
    const { aqi, primary, category } = aqiOfSubIndices(iaqi, isCn ? CN_AQI_CATEGORIES : US_AQI_CATEGORIES);
    days.push({
      date: g0.dates[d],
      concentration: conc,
      iaqi,
      aqi,
      primary,
      category,
      hours,
      complete,
      notes,
    });
  }
  const citation = isCn
    ? standard === "cn-2012"
      ? "HJ 633-2012 §5.1.2 (7 daily indicators), Table 1 (IAQI); HJ 663-2013 (daily validity, MDA8)"
      : `HJ 633-2026 §4.2.2 (6 daily indicators${round === "none" ? "; concentrations NOT rounded" : ", GB/T 8170 rounding"}), Table 3 (IAQI); HJ 663-2013 (daily validity, MDA8)`
    : "US EPA EPA-454/B-24-002 (2024) AQI; 40 CFR 50 App. U (MDA8)";
  return {
    standard,
    citation,
    units,
    days,
    negatives,
    absentHours: absent,
    round: round === "none" ? "none" : "gbt8170",
  };
}

function usAqiNote(r: ReturnType<typeof usAqi>, key: string, notes: string[]): number {
  if (r.note === "beyond-index")
    notes.push(
      `${key} above the AQI-500 breakpoint: ${r.aqi === 500 ? "capped at 500" : `top segment extended to ${r.aqi} ("Beyond the AQI")`}`,
    );
  return r.aqi;
}
