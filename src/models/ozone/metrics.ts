import { quantileType7 } from "../../stats/quantile";
import { toHourGrid, windowMax, type HourGridOptions } from "./hourgrid";
import { mda8FromGrid, type Mda8Day } from "./mda8";
import { MDA8_CONVENTIONS } from "./tables/mda8-conventions";
import { AOT40, HJ663_ANNUAL, SOMO35 } from "./tables/aot40";

/** One day's maximum hourly value. */
export interface DailyMax1h {
  date: string;
  /** Maximum hourly value (input unit); NaN when fewer than `minHours` values. */
  max1h: number;
  hours: number;
  valid: boolean;
}

/**
 * Daily maximum 1-h value per local day. Valid when the day has at least `minHours` hourly values
 * (default 18, i.e. 75 %: an assumption — HJ 663-2013 sets no separate rule for the 1-h maximum; verify).
 */
export function dailyMax1h(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  opts: HourGridOptions & { minHours?: number },
): DailyMax1h[] {
  const g = toHourGrid(times, values, opts);
  const minHours = opts.minHours ?? 18;
  const out: DailyMax1h[] = [];
  for (let d = 0; d < g.nDays; d++) {
    const { max: m, n } = windowMax(g.values, d * 24, d * 24 + 24);
    const valid = n >= minHours;
    out.push({ date: g.dates[d], max1h: valid ? m : NaN, hours: n, valid });
  }
  return out;
}

/**
 * Annual data validity (GB 3095-2012 Table 4, applied by HJ 663-2013 §6; verify numbering): at least 324 valid days in the year and at least 27 in
 * every month (25 in February).
 *
 * @param validDates local dates `YYYY-MM-DD` of the valid daily values of one calendar year
 * @returns the verdict, the day count and the valid days per month (index 0 = January)
 * @throws {RangeError} when a date is not YYYY-MM-DD
 */
export function hj663AnnualComplete(validDates: readonly string[]): {
  complete: boolean;
  validDays: number;
  perMonth: number[];
} {
  const perMonth = new Array(12).fill(0);
  for (const d of validDates) {
    // two ASCII digits at 5–6 (the usual case) read without a substring; anything else as before
    const c5 = d.charCodeAt(5) - 48,
      c6 = d.charCodeAt(6) - 48;
    const m = c5 >= 0 && c5 <= 9 && c6 >= 0 && c6 <= 9 ? c5 * 10 + c6 : Number(d.slice(5, 7));
    if (!(m >= 1 && m <= 12)) throw new RangeError(`hj663AnnualComplete: date "${d}" is not YYYY-MM-DD`);
    perMonth[m - 1]++;
  }
  const complete =
    validDates.length >= HJ663_ANNUAL.minDays &&
    perMonth.every((n, m) => n >= (m === 1 ? HJ663_ANNUAL.minDaysFebruary : HJ663_ANNUAL.minDaysPerMonth));
  return { complete, validDays: validDates.length, perMonth };
}

/** China's annual O3 statistic for one calendar year. */
export interface OzoneAnnual {
  year: number;
  /** 90th percentile of the valid daily MDA8 (HJ 663-2013 percentile = type 7); NaN when no valid day. */
  p90: number;
  validDays: number;
  /** Valid days per month (index 0 = January). */
  validDaysPerMonth: number[];
  /** True when ≥ 324 valid days and ≥ 27 per month (25 in February). */
  complete: boolean;
}

/**
 * 90th percentile of daily MDA8 per calendar year (China's annual O3 evaluation, HJ 663-2013),
 * from daily MDA8 rows (e.g. from `mda8` with the `cn` convention). The percentile is computed
 * on whatever valid days there are; `complete` says whether the year meets the annual validity rule.
 */
export function ozoneAnnualP90(days: readonly Mda8Day[]): OzoneAnnual[] {
  const byYear = new Map<number, Mda8Day[]>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(d);
  }
  const out: OzoneAnnual[] = [];
  for (const [year, rows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const valid = rows.filter((r) => r.valid && Number.isFinite(r.mda8));
    out.push(
      ozoneP90OfYear(
        year,
        valid.map((r) => r.date),
        valid.map((r) => r.mda8),
      ),
    );
  }
  return out;
}

/**
 * The HJ 663-2013 annual O3 statistic of one calendar year from its days' MDA8 (the rule of
 * {@link ozoneAnnualP90}, without per-day objects): the days with a finite MDA8 are the valid
 * days (an invalid day's MDA8 is NaN), their type-7 90th percentile and the annual validity.
 *
 * @param dates local dates `YYYY-MM-DD` of the days, all in `year`
 * @param mda8 the days' MDA8 (NaN when not valid), same length as `dates`
 * @throws {RangeError} when the lengths differ or a valid day's date is not YYYY-MM-DD
 */
export function ozoneP90OfYear(year: number, dates: readonly string[], mda8: ArrayLike<number>): OzoneAnnual {
  if (dates.length !== mda8.length)
    throw new RangeError(`ozoneP90OfYear: ${dates.length} dates but ${mda8.length} MDA8 values`);
  const validDates: string[] = [];
  const v = new Float64Array(mda8.length);
  let n = 0;
  for (let d = 0; d < mda8.length; d++)
    if (Number.isFinite(mda8[d])) {
      validDates.push(dates[d]);
      v[n++] = mda8[d];
    }
  const { complete, perMonth } = hj663AnnualComplete(validDates);
  return {
    year,
    p90: n ? quantileType7(v.subarray(0, n), HJ663_ANNUAL.ozonePercentile / 100) : NaN,
    validDays: n,
    validDaysPerMonth: perMonth,
    complete,
  };
}

/** AOT40 of one season of one year. */
export interface Aot40Result {
  year: number;
  season: "crops" | "forests";
  /** Sum over the measured daylight hours of max(0, C − 80 µg/m3) (or − 40 ppb), in unit·h. */
  measured: number;
  /** `measured × possibleHours / measuredHours` when coverage ≥ 90 %, else NaN. */
  aot40: number;
  measuredHours: number;
  possibleHours: number;
  coverage: number;
  unit: "µg/m3·h" | "ppb·h";
}

/**
 * AOT40 per year and season (Directive 2008/50/EC; see {@link AOT40}).
 *
 * @param times UTC instants (ms) of hourly O3
 * @param o3    hourly O3 in `unit` (`"µg/m3"`: threshold 80; `"ppb"`: threshold 40)
 * @param opts  `season` `"crops"` (May–Jul, default) or `"forests"` (Apr–Sep); hour options
 * @returns one row per year that has any hour in the season
 * @throws {RangeError} when the season or the unit is not one of those listed
 */
export function aot40(
  times: ArrayLike<number>,
  o3: ArrayLike<number>,
  opts: HourGridOptions & { unit: "µg/m3" | "ppb"; season?: "crops" | "forests" },
): Aot40Result[] {
  const season = opts.season ?? "crops";
  const months = AOT40.seasons[season];
  if (!months) throw new RangeError(`aot40: season must be "crops" or "forests", got "${String(opts.season)}"`);
  if (opts.unit !== "µg/m3" && opts.unit !== "ppb")
    throw new RangeError(`aot40: unit must be "µg/m3" or "ppb", got "${String(opts.unit)}"`);
  const thr = opts.unit === "ppb" ? AOT40.thresholdPpb : AOT40.thresholdUgm3;
  const g = toHourGrid(times, o3, { name: "O3", ...opts });
  const acc = new Map<number, { sum: number; n: number }>();
  for (let d = 0; d < g.nDays; d++) {
    const date = g.dates[d];
    const y = Number(date.slice(0, 4)),
      m = Number(date.slice(5, 7));
    if (!months.includes(m)) continue;
    if (!acc.has(y)) acc.set(y, { sum: 0, n: 0 });
    const a = acc.get(y)!;
    for (let h = AOT40.firstHour; h <= AOT40.lastHour; h++) {
      const v = g.values[d * 24 + h];
      if (!Number.isFinite(v)) continue;
      a.n++;
      a.sum += Math.max(0, v - thr);
    }
  }
  const hoursPerDay = AOT40.lastHour - AOT40.firstHour + 1;
  const out: Aot40Result[] = [];
  for (const [year, a] of [...acc].sort((p, q) => p[0] - q[0])) {
    let days = 0;
    for (const m of months) days += new Date(Date.UTC(year, m, 0)).getUTCDate();
    const possible = days * hoursPerDay;
    const coverage = a.n / possible;
    out.push({
      year,
      season,
      measured: a.sum,
      aot40: coverage >= AOT40.minCoverage ? (a.sum * possible) / a.n : NaN,
      measuredHours: a.n,
      possibleHours: possible,
      coverage,
      unit: opts.unit === "ppb" ? "ppb·h" : "µg/m3·h",
    });
  }
  return out;
}

/** SOMO35 of one year. */
export interface Somo35Result {
  year: number;
  /** Σ over the valid days of max(0, MDA8 − 35 ppb) (or − 70 µg/m3), unit·days; not scaled for missing days. */
  somo35: number;
  /**
   * SOMO35 rescaled for missing days, SOMO35 × daysInYear / validDays (see {@link somo35});
   * NaN when `coverage` is below the option `minCoverage` (default 0.75 of the year's days, WHO/Europe ENHIS 36).
   */
  somo35Scaled: number;
  validDays: number;
  /** Local days of the year present in the data (valid or not). */
  daysInData: number;
  /** Days of the calendar year (365 or 366). */
  daysInYear: number;
  /** validDays / daysInYear. */
  coverage: number;
}

/**
 * SOMO35 per calendar year: Σ_days max(0, MDA8 − 35 ppb) over the valid days, MDA8 under the EU
 * convention by default. Two values: `somo35`, the sum over the valid days as measured (no
 * scaling), and `somo35Scaled`, rescaled for missing days as EEA does,
 * SOMO35_scaled = SOMO35_measured × N_total / N_valid (N_total the days of the year, N_valid the
 * days with a valid MDA8) — the same correction that Directive 2008/50/EC Annex VII prescribes
 * for AOT40, "AOT40_estimate = AOT40_measured × total possible number of hours / number of
 * measured hourly values". The rescaling of SOMO35 itself is attributed to EEA, but EEA's own
 * wording was not found in the texts searched (EEA "Air quality in Europe" reports, ETC/ACM and
 * ETC/ATNI mapping papers): verify it before citing this formula as EEA's.
 * The scaled value assumes the missing days resemble the measured ones; it is NaN below
 * `minCoverage` (default 0.75 of the calendar year's days, not of the summer) so a summer-only record
 * is not extrapolated to a year. The 75 % follows the station selection used for SOMO35 from AirBase
 * data processed by ETC/ACC: WHO Regional Office for Europe, ENHIS indicator 36 "Percentage of people
 * living in cities with various SOMO35 levels" (updated 26 May 2016),
 * https://gateway.euro.who.int/en/indicators/enhis_36-percentage-of-people-living-in-cities-with-various-somo35-levels/ :
 * "Only data from urban or suburban background monitoring stations, available for at least 75% days of
 * the year, are used in this analysis."
 *
 * @param opts hour-grid options, `unit`: `"ppb"` (cut-off 35) or `"µg/m3"` (cut-off 70),
 *   `convention` of the MDA8, `minCoverage` (0–1) for `somo35Scaled`
 * @throws {RangeError} when the unit is not ppb or µg/m3, or `minCoverage` is outside 0–1
 */
export function somo35(
  times: ArrayLike<number>,
  o3: ArrayLike<number>,
  opts: HourGridOptions & { unit: "ppb" | "µg/m3"; convention?: "cn" | "us" | "eu"; minCoverage?: number },
): Somo35Result[] {
  if (opts.unit !== "µg/m3" && opts.unit !== "ppb")
    throw new RangeError(`somo35: unit must be "ppb" or "µg/m3", got "${String(opts.unit)}"`);
  const minCoverage = opts.minCoverage ?? 0.75;
  if (!(minCoverage >= 0 && minCoverage <= 1))
    throw new RangeError(`somo35: minCoverage must be between 0 and 1, got ${String(minCoverage)}`);
  const cut = opts.unit === "ppb" ? SOMO35.cutoffPpb : SOMO35.cutoffUgm3;
  const days = mda8FromGrid(toHourGrid(times, o3, { name: "O3", ...opts }), MDA8_CONVENTIONS[opts.convention ?? "eu"]);
  const acc = new Map<number, Somo35Result>();
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    if (!acc.has(y)) {
      const daysInYear = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
      acc.set(y, { year: y, somo35: 0, somo35Scaled: NaN, validDays: 0, daysInData: 0, daysInYear, coverage: 0 });
    }
    const a = acc.get(y)!;
    a.daysInData++;
    if (!d.valid) continue;
    a.validDays++;
    a.somo35 += Math.max(0, d.mda8 - cut);
  }
  for (const a of acc.values()) {
    a.coverage = a.validDays / a.daysInYear;
    a.somo35Scaled = a.validDays > 0 && a.coverage >= minCoverage ? (a.somo35 * a.daysInYear) / a.validDays : NaN;
  }
  return [...acc.values()].sort((p, q) => p.year - q.year);
}
