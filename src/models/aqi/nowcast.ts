import { STP_298 } from "../../table/gas";
import { normaliseUnit } from "../../table/units";
import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";
import { convertGas } from "../ozone/convert";
import { toHourGrid, type HourLabel, type NegativePolicy } from "../ozone/hourgrid";
import { truncateDecimals, usAqi } from "./iaqi";
import { aqiOfSubIndices, type HourlyPollutants } from "./daily";
import { aqiCategory, US_AQI_CATEGORIES } from "./tables/categories";
import {
  NOWCAST_COMPLETENESS,
  NOWCAST_RULES,
  O3_NOWCAST_2019,
  type NowcastPollutant,
  type O3Nowcast2019Path,
  type O3NowcastMethod,
} from "./tables/nowcast";
import { nowcastO3Pls } from "./nowcast-o3";

/** The NowCast of one window of hours. */
export interface NowcastWindow {
  /** NowCast concentration (PM µg/m3, O3 ppb), unrounded; NaN when not valid. */
  value: number;
  /** Weight factor w used (w* = c_min/c_max, limited to [minWeight, 1]); NaN when not valid. */
  weightFactor: number;
  /** Valid (finite) hours in the window. */
  hoursUsed: number;
  /** Whether ≥ 2 of the 3 most recent hours are valid (and the weights do not vanish). */
  valid: boolean;
  /** Why the NowCast is not valid: `incomplete` (fewer than 2 of the 3 most recent hours), `zero-weight` (O3: w = 0 and no current hour). */
  reason?: "incomplete" | "zero-weight";
}

/**
 * The NowCast of one window, most recent hour first: `recent[0]` is the current hour c₁,
 * `recent[i]` the hour i hours before it (NaN = missing). Only the first `hours` entries (12 for
 * PM, 8 for O3) are used.
 *
 * The steps (AirNow FAQ, https://www.airnow.gov/faqs/how-nowcast-algorithm-used-report/):
 * "1. Select the minimum and maximum PM measurements. 2. Subtract the minimum measurement from the
 * maximum measurement to get the range. 3. Divide the range by the maximum measurement in the 12
 * hour period to get the scaled rate of change. 4. Subtract the scaled rate of change from 1 to get
 * the weight factor. The weight factor must be between .5 and 1. … 5. If the weight factor is less
 * than 0.5, then set it equal to 0.5. 6. Multiply each hourly measurement by the weight factor
 * raised to the power of the number of hours ago the value was measured (for the current hour, the
 * factor is raised to the zero power). 7. Compute the NowCast by summing the products from Step 6
 * and dividing by the sum of the weight factor raised to the power of the number of hours ago each
 * value was measured." So w* = c_min/c_max, w = max(w*, 0.5), NowCast = Σ w^(i−1) c_i / Σ w^(i−1)
 * over the valid hours. Ozone (AirNow-Tech forum t/151, 2016): the last 8 hours, "There is no
 * minimum weight factor … There is a maximum weight factor of 1."
 *
 * Missing hours are left out of both sums and of c_min/c_max; their hours-ago exponents are kept
 * (AirNow-Tech's ozone example skips the missing hour 5 in the numerator). Validity: "2 of the past
 * 3 hourly data points must be valid" (AirNow-Tech forum t/172), the only requirement, so a window
 * may have as few as 2 valid hours. A window whose valid hours are all 0 (c_max = 0) has no range
 * to scale; it is taken as w = 1 (no variability: the special case c_min = c_max) and a NowCast of
 * 0 (EPA's O3-Nowcast code, `GetNowcast.r`, likewise returns 0 when all values are 0). Negative
 * values are not addressed by the sources: the caller screens them (see {@link nowcast}).
 *
 * @param recent concentrations, most recent first (PM µg/m3, O3 ppb)
 * @param pollutant `PM2.5`, `PM10` or `O3`
 * @throws RangeError for an unknown pollutant or a negative or infinite value
 */
export function nowcastWindow(recent: ArrayLike<number>, pollutant: NowcastPollutant): NowcastWindow {
  const rule = NOWCAST_RULES[pollutant];
  if (!rule) throw new RangeError(`nowcastWindow: pollutant must be PM2.5, PM10 or O3, got "${String(pollutant)}"`);
  const n = Math.min(rule.hours, recent.length);
  let lo = Infinity,
    hi = -Infinity,
    used = 0,
    recentValid = 0;
  for (let i = 0; i < n; i++) {
    const c = recent[i];
    if (Number.isNaN(c)) continue;
    if (!(c >= 0) || !Number.isFinite(c))
      throw new RangeError(`nowcastWindow: ${pollutant} value ${i} hours ago must be finite and ≥ 0, got ${c}`);
    used++;
    if (i < NOWCAST_COMPLETENESS.recentHours) recentValid++;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  if (recentValid < NOWCAST_COMPLETENESS.minValid)
    return { value: NaN, weightFactor: NaN, hoursUsed: used, valid: false, reason: "incomplete" };
  const w = hi === 0 ? 1 : Math.min(1, Math.max(rule.minWeight, lo / hi));
  let num = 0,
    den = 0;
  for (let i = 0; i < n; i++) {
    const c = recent[i];
    if (Number.isNaN(c)) continue;
    const wi = w ** i; // 0 ** 0 = 1: the current hour keeps its weight when w = 0 (O3)
    num += wi * c;
    den += wi;
  }
  if (den === 0) return { value: NaN, weightFactor: w, hoursUsed: used, valid: false, reason: "zero-weight" };
  return { value: num / den, weightFactor: w, hoursUsed: used, valid: true };
}

/** One hour's NowCast and NowCast AQI. */
export interface NowcastRow {
  /** UTC instant (ms) of the start of the hour. */
  utcMs: number;
  /** Local time `YYYY-MM-DDTHH:mm` of the start of the hour. */
  local: string;
  /** The hour's own concentration (NowCast unit; NaN when missing). */
  hourly: number;
  /** NowCast concentration, unrounded (PM µg/m3, O3 ppb); NaN when not valid. */
  nowcast: number;
  /** NowCast truncated as AirNow reports it: PM2.5 to 0.1 µg/m3, PM10 to 1 µg/m3, O3 to 1 ppb (0.001 ppm). */
  truncated: number;
  /** Weight factor w; NaN when not valid. */
  weightFactor: number;
  /** Valid hours in the window. */
  hoursUsed: number;
  /** ≥ 2 of the 3 most recent hours valid. */
  valid: boolean;
  /** NowCast AQI (US EPA 2024 table, nearest integer); NaN when not valid. */
  aqi: number;
  /** US AQI category level 1–6 (NaN when no AQI). */
  category: number;
  /** Why not valid, or how the AQI was obtained (`o3-1h`: NowCast above 0.200 ppm, AQI from the current 1-h O3; `beyond-index`: above AQI 500; `no-nowcast`: the 2019 O3 decision tree gives none). */
  note?: "incomplete" | "zero-weight" | "o3-1h" | "beyond-index" | "no-nowcast";
  /** O3 with the 2019 method: the path of EPA's decision tree (`pls`, `surrogate-0`, `previous-1`, …; see {@link nowcastO3Pls}). */
  o3Path?: O3Nowcast2019Path;
}

/** Options of {@link nowcast}. */
export interface NowcastOptions {
  /** Unit of `values`: PM `µg/m3` or `mg/m3`; O3 `ppb`, `ppm` or `µg/m3` (converted at 298.15 K, 101.325 kPa). */
  unit: string;
  /** Site offset east of UTC in minutes, for the `local` column (default 0). */
  utcOffsetMinutes?: number;
  /** Whether a stamp is the start (default) or the end of its hour. */
  hourLabel?: HourLabel;
  /** Negative values: `"error"` (default) or `"missing"` (left out, as a missing hour). */
  negative?: NegativePolicy;
  /**
   * Ozone method: `"2019"` (default; EPA's PLS NowCast, which AirNow runs since 2019-08-01) or
   * `"2016"` (the weighted 8 h). Ignored for PM.
   */
  o3Method?: O3NowcastMethod;
}

/**
 * US NowCast, hour by hour, of an hourly series, with the NowCast AQI and category.
 *
 * For each hour from the first to the last stamp, the window is that hour and the 11 (PM) or 7 (O3)
 * hours before it; hours without a row are missing. The NowCast is {@link nowcastWindow} of the
 * window. Then, AirNow-Tech forum t/172: "The Nowcast values are then truncated to 1 ug/m3 for PM10
 * or 0.1 ug/m3 for PM2.5. This truncated concentration is then converted to AQI using the AQI
 * equation. The resulting AQI is rounded to the nearest whole number." O3 is truncated to 1 ppb
 * (0.001 ppm, forum t/170 and EPA-454/B-24-002 Table 6) and looked up in the 8-h O3 table; above
 * its top breakpoint (0.200 ppm) the 1-h O3 table is used (Table 6 footnote: 8-h values above
 * 0.200 ppm are reported with the 1-h O3 AQI), with the current hour's value — which 1-h value
 * AirNow takes there is aozora's reading, not a quoted rule (note `o3-1h`). The AQI uses the library's US 2024 breakpoints (`usAqi`, EPA-454/B-24-002
 * Table 6); above AQI 500 it is extended along the top segment (note `beyond-index`).
 *
 * Ozone, `o3Method` `"2019"` (default): EPA's partial-least-squares NowCast, a prediction of the
 * 8-h mean centred on the current hour from the station's previous two weeks
 * ({@link nowcastO3Pls}). AirNow-Tech forum t/356: "On August 1, 2019, the AirNow Data Management
 * Center implemented a new EPA method for calculating the ozone Nowcast using a Partial Least
 * Squares (PLS) method." — so this is what AirNow reports today. Each hour's window is that hour
 * and the 335 before it; hours before the first stamp are missing (a short series therefore takes
 * the surrogate 0.85 c + 4.5 of `GetNowcast.r`). When the decision tree says "use previous hour
 * NowCast value", the row of that earlier hour is carried over (its NowCast and AQI), as AirNow's
 * operational code reads the earlier hour's value from its database. `o3Method: "2016"`: AirNow's
 * weighted 8-h ozone NowCast of 2016 (forum t/151), which it replaced.
 *
 * The Technical Assistance Document (EPA-454/B-24-002, May 2024; NEPIS P101AP0Q) could not be
 * read for this implementation: the stored copies show only its table of contents, and the 2018
 * edition (EPA 454/B-18-007, NEPIS P100W5UG) describes the NowCast in words with a figure, no
 * worked numbers. The clauses quoted are AirNow's and EPA's fact sheet's, and the worked examples
 * checked are AirNow-Tech's and the "Computing the NowCast" presentation's.
 *
 * @param times UTC instants (ms), whole hours
 * @param values concentrations in `opts.unit` (NaN = missing)
 * @param pollutant `PM2.5`, `PM10` or `O3`
 * @throws RangeError for an unknown pollutant, unit or `o3Method`, different lengths, non-hourly or
 *   duplicated times, and (policy `"error"`) a negative value
 */
export function nowcast(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  pollutant: NowcastPollutant,
  opts: NowcastOptions,
): NowcastRow[] {
  const rule = NOWCAST_RULES[pollutant];
  if (!rule) throw new RangeError(`nowcast: pollutant must be PM2.5, PM10 or O3, got "${String(pollutant)}"`);
  if (times.length !== values.length)
    throw new RangeError(`nowcast: ${values.length} values for ${times.length} times`);
  const u = normaliseUnit(String(opts.unit ?? ""));
  let v: ArrayLike<number>;
  if (pollutant === "O3") {
    if (u !== "ppb" && u !== "ppm" && u !== "µg/m3")
      throw new RangeError(`nowcast: O3 unit must be ppb, ppm or µg/m3, got "${String(opts.unit)}"`);
    v = u === "ppb" ? values : convertGas(values, u, "ppb", CRITERIA_GAS_MOLAR_MASS.O3, { state: STP_298, name: "O3" });
  } else {
    if (u !== "µg/m3" && u !== "mg/m3")
      throw new RangeError(`nowcast: ${pollutant} unit must be µg/m3 or mg/m3, got "${String(opts.unit)}"`);
    v = u === "µg/m3" ? values : Float64Array.from(values, (x) => x * 1000);
  }
  const offset = opts.utcOffsetMinutes ?? 0;
  const grid = toHourGrid(times, v, {
    utcOffsetMinutes: offset,
    hourLabel: opts.hourLabel,
    negative: opts.negative,
    name: pollutant,
  });
  // trim the grid's whole local days to the hours from the first to the last stamp
  const shift = opts.hourLabel === "end" ? -3_600_000 : 0;
  let tMin = Infinity,
    tMax = -Infinity;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < tMin) tMin = times[i];
    if (times[i] > tMax) tMax = times[i];
  }
  const first = Math.round((tMin + shift - grid.firstDayUtcMs) / 3_600_000);
  const last = Math.round((tMax + shift - grid.firstDayUtcMs) / 3_600_000);
  const o3Method = opts.o3Method ?? "2019";
  if (o3Method !== "2019" && o3Method !== "2016")
    throw new RangeError(`nowcast: o3Method must be "2019" or "2016", got "${String(o3Method)}"`);
  if (pollutant === "O3" && o3Method === "2019") return nowcastO3Series2019(grid, first, last, offset);
  const out: NowcastRow[] = [];
  const recent = new Float64Array(rule.hours);
  for (let k = first; k <= last; k++) {
    for (let i = 0; i < rule.hours; i++) recent[i] = k - i >= 0 ? grid.values[k - i] : NaN;
    const w = nowcastWindow(recent, pollutant);
    const utcMs = grid.firstDayUtcMs + k * 3_600_000;
    const row: NowcastRow = {
      utcMs,
      local: new Date(utcMs + offset * 60_000).toISOString().slice(0, 16),
      hourly: grid.values[k],
      nowcast: w.value,
      truncated: NaN,
      weightFactor: w.weightFactor,
      hoursUsed: w.hoursUsed,
      valid: w.valid,
      aqi: NaN,
      category: NaN,
    };
    if (!w.valid) row.note = w.reason;
    else if (pollutant === "O3") o3Aqi(row, recent[0]);
    else {
      row.truncated = truncateDecimals(w.value, rule.decimals);
      const a = usAqi(rule.aqiKey, row.truncated);
      if (a.note === "beyond-index") row.note = "beyond-index";
      row.aqi = a.aqi;
      const cat = aqiCategory(a.aqi, US_AQI_CATEGORIES);
      row.category = cat ? cat.level : NaN;
    }
    out.push(row);
  }
  return out;
}

/** The AQI of a truncated O3 NowCast (ppb): the 8-h table, above 0.200 ppm the 1-h table with the current hour. */
function o3Aqi(row: NowcastRow, currentPpb: number): void {
  const rule = NOWCAST_RULES.O3;
  row.truncated = truncateDecimals(row.nowcast, rule.decimals);
  let a = usAqi(rule.aqiKey, row.truncated / 1000);
  if (a.note === "above-range") {
    a = usAqi("O3_1h", Number.isNaN(currentPpb) ? NaN : currentPpb / 1000);
    row.note = "o3-1h";
  } else if (a.note === "beyond-index") row.note = "beyond-index";
  row.aqi = a.aqi;
  const cat = aqiCategory(a.aqi, US_AQI_CATEGORIES);
  row.category = cat ? cat.level : NaN;
}

/** Hour by hour, the 2019 ozone NowCast over a grid (ppb): windows of 336 hours, hours before the grid missing. */
function nowcastO3Series2019(
  grid: { values: Float64Array; firstDayUtcMs: number },
  first: number,
  last: number,
  offset: number,
): NowcastRow[] {
  const H = O3_NOWCAST_2019.windowHours;
  const window = new Float64Array(H);
  const out: NowcastRow[] = [];
  for (let k = first; k <= last; k++) {
    for (let i = 0; i < H; i++) {
      const g = k - H + 1 + i;
      window[i] = g >= 0 ? grid.values[g] : NaN;
    }
    const w = nowcastO3Pls(window);
    const utcMs = grid.firstDayUtcMs + k * 3_600_000;
    const row: NowcastRow = {
      utcMs,
      local: new Date(utcMs + offset * 60_000).toISOString().slice(0, 16),
      hourly: grid.values[k],
      nowcast: w.value,
      truncated: NaN,
      weightFactor: NaN,
      hoursUsed: w.hoursUsed,
      valid: false,
      aqi: NaN,
      category: NaN,
      o3Path: w.path,
    };
    if (w.path === "previous-1" || w.path === "previous-2") {
      // GetNowcast.r: "Use previous hour NowCast value instead" / "Using value from 2 hours previous"
      const back = w.path === "previous-1" ? 1 : 2;
      const before = out.length >= back ? out[out.length - back] : undefined;
      if (before && before.valid) {
        row.nowcast = before.nowcast;
        row.truncated = before.truncated;
        row.aqi = before.aqi;
        row.category = before.category;
        row.valid = true;
        if (before.note) row.note = before.note;
      } else row.note = "no-nowcast";
    } else if (Number.isNaN(w.value)) row.note = "no-nowcast";
    else {
      row.valid = true;
      o3Aqi(row, window[H - 1]);
    }
    out.push(row);
  }
  return out;
}

/**
 * PM2.5 NowCast (12 h, weight factor ≥ 0.5, truncated to 0.1 µg/m3, US 2024 PM2.5 breakpoints) of
 * an hourly series; see {@link nowcast} for the rules and their sources.
 *
 * @param times UTC instants (ms), whole hours
 * @param values PM2.5 in `opts.unit` (default µg/m3; NaN = missing)
 * @throws RangeError for an unknown unit, different lengths, non-hourly or duplicated times, and
 *   (policy `"error"`) a negative value
 */
export function nowcastPm25(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  opts: Partial<NowcastOptions> = {},
): NowcastRow[] {
  return nowcast(times, values, "PM2.5", { ...opts, unit: opts.unit ?? "µg/m3" });
}

/**
 * Ozone NowCast of an hourly series: by default EPA's 2019 PLS method that AirNow runs
 * ({@link nowcastO3Pls}), with `o3Method: "2016"` the weighted 8 h (no lower limit on the weight
 * factor); truncated to 1 ppb and looked up in the US 8-h O3 breakpoints. See {@link nowcast} for
 * the rules and their sources.
 *
 * @param times UTC instants (ms), whole hours
 * @param values O3 in `opts.unit` (ppb, ppm or µg/m3 at 298.15 K; NaN = missing)
 * @throws RangeError for a missing or unknown unit or `o3Method`, different lengths, non-hourly or
 *   duplicated times, and (policy `"error"`) a negative value
 */
export function nowcastO3(times: ArrayLike<number>, values: ArrayLike<number>, opts: NowcastOptions): NowcastRow[] {
  return nowcast(times, values, "O3", opts);
}

/** One hour's NowCast AQI over the pollutants present. */
export interface NowcastAqiRow {
  /** UTC instant (ms) of the start of the hour. */
  utcMs: number;
  /** Local time `YYYY-MM-DDTHH:mm` of the start of the hour. */
  local: string;
  /** The NowCast row of each pollutant present (`PM2.5`, `PM10`, `O3`). */
  pollutants: Partial<Record<NowcastPollutant, NowcastRow>>;
  /** Highest NowCast AQI of the pollutants (NaN when none is valid). */
  aqi: number;
  /** Pollutants whose NowCast AQI equals `aqi`, when `aqi` > 50 (as the library's `dailyAqi`). */
  primary: NowcastPollutant[];
  /** US AQI category level 1–6 (NaN when no AQI). */
  category: number;
}

/**
 * The hourly US NowCast AQI of a station: the {@link nowcast} of each of PM2.5, PM10 and O3 in
 * `input` (other pollutants are not NowCast pollutants and are ignored), and per hour the highest
 * of their NowCast AQIs with the pollutant(s) giving it and the category — the AQI is the maximum
 * of the pollutant indices, as in the library's US daily AQI (`dailyAqi`, EPA-454/B-24-002). Hours
 * run from the first to the last stamp of `input.times`.
 *
 * @param input hourly series with units (`hourlyPollutantsFromTable` gives them from a table)
 * @param opts `negative`: `"error"` (default) or `"missing"`; `o3Method`: `"2019"` (default) or `"2016"` (see {@link nowcast})
 * @throws RangeError when no PM2.5, PM10 or O3 series is present, or as {@link nowcast} (units, lengths, times, negatives)
 */
export function nowcastAqi(
  input: HourlyPollutants,
  opts: { negative?: NegativePolicy; o3Method?: O3NowcastMethod } = {},
): NowcastAqiRow[] {
  const present = (["PM2.5", "PM10", "O3"] as const).filter((p) => input.series[p] !== undefined);
  if (present.length === 0) throw new RangeError("nowcastAqi: no PM2.5, PM10 or O3 series");
  const per: Partial<Record<NowcastPollutant, NowcastRow[]>> = {};
  for (const p of present) {
    const s = input.series[p]!;
    per[p] = nowcast(input.times, s.values, p, {
      unit: s.unit,
      utcOffsetMinutes: input.utcOffsetMinutes,
      hourLabel: input.hourLabel,
      negative: opts.negative,
      o3Method: opts.o3Method,
    });
  }
  const first = per[present[0]]!;
  return first.map((r0, k) => {
    const pollutants: NowcastAqiRow["pollutants"] = {};
    const sub: Record<string, number> = {};
    for (const p of present) {
      pollutants[p] = per[p]![k];
      sub[p] = per[p]![k].aqi;
    }
    const { aqi, primary, category } = aqiOfSubIndices(sub, US_AQI_CATEGORIES);
    return { utcMs: r0.utcMs, local: r0.local, pollutants, aqi, primary: primary as NowcastPollutant[], category };
  });
}
