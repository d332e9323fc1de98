import { mean } from "../../stats/moments";
import { quantileType7 } from "../../stats/quantile";
import { chinaReferenceState, STP_298 } from "../../table/gas";
import { normaliseUnit } from "../../table/units";
import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";
import { convertGas, type ReferenceStateLike } from "../ozone/convert";
import {
  screenNegatives,
  toHourGrid,
  windowMean,
  type HourGrid,
  type HourLabel,
  type NegativePolicy,
} from "../ozone/hourgrid";
import { mda8FromGrid } from "../ozone/mda8";
import { hj663AnnualComplete } from "../ozone/metrics";
import { MDA8_CONVENTIONS } from "../ozone/tables/mda8-conventions";
import { GB3095_2026, HJ663_ANNUAL_PERCENTILES, type Gb3095Pollutant } from "./tables/gb3095-2026";
import { JAPAN_EQS } from "./tables/japan-eqs";
import { WHO_2021 } from "./tables/who-2021";

/** Hourly series by pollutant name (`PM2.5`, `PM10`, `SO2`, `NO2`, `CO`, `O3`, `Ox`, `SPM`), each with its unit. */
export interface HourlySeriesSet {
  times: ArrayLike<number>;
  utcOffsetMinutes: number;
  hourLabel?: HourLabel;
  series: Partial<Record<string, { values: ArrayLike<number>; unit: string }>>;
}

/** Exceedances of one limit in one period (a calendar year). */
export interface ExceedanceRow {
  standard: string;
  pollutant: string;
  /** `1h`, `24h`, `MDA8`, `8h`, `annual`, or a statistic such as `24h p95`. */
  averaging: string;
  /** Calendar year (local). */
  year: number;
  limit: number;
  /** Lower end of a zone standard (Japan NO2). */
  zoneLow?: number;
  unit: string;
  /** Valid values compared (hours, days or 1 for annual statistics). */
  n: number;
  /** Values above the limit (strictly greater: "≤ limit" meets the standard). */
  exceedances: number;
  /** Days with at least one exceeding value (hourly limits). */
  exceedanceDays?: number;
  /** Largest value compared, or the annual statistic. */
  value: number;
  /** For annual statistics: does the statistic exceed the limit. */
  exceeds?: boolean;
  /**
   * For annual statistics: does the year meet the completeness rule of the standard named in
   * `note` (false: the statistic comes from an incomplete year and is NOT a valid annual value).
   */
  validYear?: boolean;
  note?: string;
}

/** Days of a calendar year. */
const daysInYear = (y: number) => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);

/** Completeness of an annual statistic: `count` valid values against `min`, with the rule named. */
function completeness(count: number, min: number, what: string, rule: string): { validYear: boolean; text: string } {
  const validYear = count >= min;
  return {
    validYear,
    text: `${validYear ? "valid year" : "NOT a valid year"} under ${rule} (${count} ${what}; ≥ ${min} needed)`,
  };
}

/**
 * Japan's completeness rules for annual evaluation, as the Ministry of the Environment (MOE) applies
 * them when it counts 有効測定局 (stations whose year is evaluated against the EQS):
 * - PM2.5: ≥ 250 valid days. MOE, 平成22年度大気汚染状況 | PM2.5 (微小粒子状物質),
 *   https://www.env.go.jp/air/osen/jokyo_h22/pm25.html: "※有効測定局・・・・・測定している機器に等価性のあるもので、
 *   かつ年間測定日数が250日以上の測定局。" (a valid day is a day with a valid daily mean).
 * - SO2, NO2, SPM, CO: ≥ 6000 measured hours. MOE, 平成25年度 大気汚染状況について, Ⅰ 1. 二酸化窒素 note ※1
 *   (read from a public copy, https://fdocuments.net/document/a-cefcoe-1ioeeoec-i3i-1i3.html):
 *   "有効測定局・・・年間測定時間が6,000時間以上の測定局(光化学オキシダントを除く)。"; likewise the MOE white
 *   paper 平成3年版環境白書, https://www.env.go.jp/policy/hakusyo/h03/7911.html: "有効測定局とは、年間6,000時間以上
 *   測定を行った測定局をいう".
 * - Photochemical oxidant (Ox) is excluded from the 6000-h rule (same note ※1), so Ox rows carry no completeness note.
 */
export const JAPAN_EQS_COMPLETENESS = { pm25MinDays: 250, minHours: 6000 } as const;

/**
 * WHO 2021 (WHO global air quality guidelines, 2021, ISBN 9789240034228) states no data-completeness
 * rule for comparing an annual mean with its guideline levels. The ≥ 90 % of the year's days used here
 * is aozora's choice, taken from the minimum data capture of Directive 2008/50/EC Annex I for fixed
 * measurements, and each row's note says so.
 */
export const WHO_COMPLETENESS = { minDayFraction: 0.9 } as const;

/** Values above `limit` (strictly greater) and the count of finite values. NaN values are skipped. */
export function countExceedances(
  values: ArrayLike<number>,
  limit: number,
): { n: number; exceedances: number; max: number } {
  let n = 0,
    e = 0,
    m = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    if (v > limit) e++;
    if (v > m) m = v;
  }
  return { n, exceedances: e, max: n ? m : NaN };
}

const GAS_MW: Record<string, number> = {
  SO2: CRITERIA_GAS_MOLAR_MASS.SO2,
  NO2: CRITERIA_GAS_MOLAR_MASS.NO2,
  CO: CRITERIA_GAS_MOLAR_MASS.CO,
  O3: CRITERIA_GAS_MOLAR_MASS.O3,
  Ox: CRITERIA_GAS_MOLAR_MASS.O3,
  NOx: CRITERIA_GAS_MOLAR_MASS.NOx,
};

function grids(
  input: HourlySeriesSet,
  target: (p: string) => string | undefined,
  state: ReferenceStateLike,
  negative: NegativePolicy | undefined,
): Record<string, HourGrid> {
  const out: Record<string, HourGrid> = {};
  for (const [p, s] of Object.entries(input.series)) {
    const to = target(p);
    if (to === undefined || s === undefined) continue;
    if (s.values.length !== input.times.length)
      throw new RangeError(`${p}: ${s.values.length} values for ${input.times.length} times`);
    const u = normaliseUnit(s.unit);
    const raw = screenNegatives(s.values, {
      negative,
      name: p,
      unit: s.unit,
      times: input.times,
      utcOffsetMinutes: input.utcOffsetMinutes,
    }).values;
    let v: Float64Array;
    if (GAS_MW[p] !== undefined) v = convertGas(raw, u, to, GAS_MW[p], { state, times: input.times, name: p });
    else if (u === to) v = raw;
    else if (u === "mg/m3" && to === "µg/m3") v = raw.map((x) => x * 1000);
    else if (u === "µg/m3" && to === "mg/m3") v = raw.map((x) => x / 1000);
    else throw new RangeError(`${p}: unit "${s.unit}" cannot be converted to ${to}`);
    out[p] = toHourGrid(input.times, v, {
      utcOffsetMinutes: input.utcOffsetMinutes,
      hourLabel: input.hourLabel,
      name: p,
    });
  }
  return out;
}

function dailyMeans(g: HourGrid, minHours: number): Float64Array {
  return Float64Array.from({ length: g.nDays }, (_, d) => {
    const { mean, n } = windowMean(g.values, d * 24, d * 24 + 24);
    return n >= minHours ? mean : NaN;
  });
}

function years(g: HourGrid): number[] {
  return [...new Set(g.dates.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

function pick<T>(arr: ArrayLike<T>, g: HourGrid, year: number, perHour: boolean): T[] {
  const out: T[] = [];
  for (let d = 0; d < g.nDays; d++) {
    if (Number(g.dates[d].slice(0, 4)) !== year) continue;
    if (perHour) for (let h = 0; h < 24; h++) out.push(arr[d * 24 + h]);
    else out.push(arr[d]);
  }
  return out;
}

function hourlyRow(
  standard: string,
  p: string,
  g: HourGrid,
  year: number,
  limit: number,
  unit: string,
  hours?: [number, number],
): ExceedanceRow {
  let n = 0,
    e = 0,
    m = -Infinity;
  const days = new Set<number>();
  for (let d = 0; d < g.nDays; d++) {
    if (Number(g.dates[d].slice(0, 4)) !== year) continue;
    for (let h = hours ? hours[0] : 0; h <= (hours ? hours[1] : 23); h++) {
      const v = g.values[d * 24 + h];
      if (!Number.isFinite(v)) continue;
      n++;
      if (v > m) m = v;
      if (v > limit) {
        e++;
        days.add(d);
      }
    }
  }
  return {
    standard,
    pollutant: p,
    averaging: "1h",
    year,
    limit,
    unit,
    n,
    exceedances: e,
    exceedanceDays: days.size,
    value: n ? m : NaN,
  };
}

function dailyRow(
  standard: string,
  p: string,
  averaging: string,
  values: ArrayLike<number>,
  year: number,
  limit: number,
  unit: string,
): ExceedanceRow {
  const c = countExceedances(values, limit);
  return { standard, pollutant: p, averaging, year, limit, unit, n: c.n, exceedances: c.exceedances, value: c.max };
}

function statRow(
  standard: string,
  p: string,
  averaging: string,
  value: number,
  n: number,
  year: number,
  limit: number,
  unit: string,
  note?: string,
): ExceedanceRow {
  return {
    standard,
    pollutant: p,
    averaging,
    year,
    limit,
    unit,
    n,
    exceedances: value > limit ? 1 : 0,
    value,
    exceeds: Number.isFinite(value) ? value > limit : undefined,
    ...(note ? { note } : {}),
  };
}

const finite = (a: number[]) => a.filter((v) => Number.isFinite(v));

/** The finite values of `a` in order, as a new typed array (no intermediate JS array). */
function finiteOf(a: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) n++;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; i < a.length; i++) if (Number.isFinite(a[i])) out[j++] = a[i];
  return out;
}

/** Type-7 quantile of a fresh typed array, sorted in place (the same double as `quantileType7(v, p)`); NaN when empty. */
const quantileOfOwn = (v: Float64Array, p: number) => (v.length ? quantileType7(v.sort(), p, { sorted: true }) : NaN);

const NO_DAYS = new Float64Array(0);

/**
 * Exceedances of China's GB 3095-2026 (Table 1): per calendar year, hourly values above the 1-h
 * limits, valid daily means (≥ 20 h, HJ 663-2013) above the 24-h limits, valid MDA8 (HJ 663
 * convention) above the O3 8-h limit, the annual means, and the annual percentile statistics of
 * HJ 663-2013 (SO2/NO2 98th, PM/CO 95th, O3 MDA8 90th; type-7 percentile) against the short-term
 * limits. Gases are converted to µg/m3 (CO mg/m3) at China's reference state by date.
 *
 * @param opts.grade 1 or 2 (default 2, urban areas); opts.phase `transition`, `final`, or `auto`
 *   (default: transitional limits for years ≤ 2030, final from 2031)
 * @throws {RangeError} when the grade is not 1 or 2
 */
export function gb3095Exceedances(
  input: HourlySeriesSet,
  opts: {
    grade?: 1 | 2;
    phase?: "transition" | "final" | "auto";
    referenceState?: ReferenceStateLike;
    negative?: NegativePolicy;
    minHours?: number;
  } = {},
): ExceedanceRow[] {
  const grade = opts.grade ?? 2;
  if (grade !== 1 && grade !== 2) throw new RangeError(`gb3095Exceedances: grade must be 1 or 2, got ${String(grade)}`);
  const minHours = opts.minHours ?? 20;
  const pollutants: Gb3095Pollutant[] = ["SO2", "NO2", "CO", "O3", "PM10", "PM2.5"];
  const gs = grids(
    input,
    (p) => ((pollutants as string[]).includes(p) ? (p === "CO" ? "mg/m3" : "µg/m3") : undefined),
    opts.referenceState ?? chinaReferenceState,
    opts.negative,
  );
  const out: ExceedanceRow[] = [];
  for (const p of pollutants) {
    const g = gs[p];
    if (!g) continue;
    const daily = Array.from(dailyMeans(g, minHours));
    const mda8 = p === "O3" ? mda8FromGrid(g, MDA8_CONVENTIONS.cn).map((r) => r.mda8) : [];
    for (const year of years(g)) out.push(...gb3095YearRows(p, year, yearDays(g, year, daily, mda8), opts));
  }
  return out;
}

/**
 * One pollutant's days of one local calendar year: the input of {@link gb3095YearRows} and
 * {@link whoYearRows}, built from an hourly grid by {@link gb3095Exceedances} /
 * {@link whoExceedances}, or from daily aggregates computed elsewhere (the DuckDB network summary,
 * `summariseNetwork`).
 */
export interface PollutantYearDays {
  /** Local dates `YYYY-MM-DD` of the year's days, in order. */
  dates: readonly string[];
  /** Daily means aligned with `dates`, NaN where the day is not valid (fewer hours than the standard's minimum). */
  daily: ArrayLike<number>;
  /**
   * Optional: the finite values of `daily` in ascending order, when the caller has sorted them
   * already (saves the sort of the percentile row; must be exactly those values).
   */
  dailySorted?: Float64Array;
  /** O3 only: daily MDA8 aligned with `dates` under the standard's convention (NaN where not valid). */
  mda8?: ArrayLike<number>;
  /**
   * The year's hourly values: count of finite hours, their maximum (NaN when none), and for a
   * limit the hours strictly above it and the days with at least one such hour.
   */
  hourly: { n: number; max: number; above(limit: number): { hours: number; days: number } };
}

function yearDays(g: HourGrid, year: number, daily: number[], mda8: number[]): PollutantYearDays {
  const idx: number[] = [];
  for (let d = 0; d < g.nDays; d++) if (Number(g.dates[d].slice(0, 4)) === year) idx.push(d);
  let n = 0,
    m = -Infinity;
  for (const d of idx)
    for (let h = 0; h < 24; h++) {
      const v = g.values[d * 24 + h];
      if (!Number.isFinite(v)) continue;
      n++;
      if (v > m) m = v;
    }
  return {
    dates: idx.map((d) => g.dates[d]),
    daily: idx.map((d) => daily[d]),
    ...(mda8.length ? { mda8: idx.map((d) => mda8[d]) } : {}),
    hourly: {
      n,
      max: n ? m : NaN,
      above(limit) {
        let hours = 0,
          days = 0;
        for (const d of idx) {
          let any = false;
          for (let h = 0; h < 24; h++) {
            const v = g.values[d * 24 + h];
            if (Number.isFinite(v) && v > limit) {
              hours++;
              any = true;
            }
          }
          if (any) days++;
        }
        return { hours, days };
      },
    },
  };
}

/**
 * The GB 3095-2026 rows of {@link gb3095Exceedances} for one pollutant and one local calendar
 * year, from the year's days (daily means valid with ≥ 20 h, MDA8 under the HJ 663 convention,
 * hourly counts): one row per limit of Table 1 (1-h: hours above and days with an hour above;
 * 24-h / MDA8: valid days above, and the HJ 663 annual percentile row; annual: mean of valid daily
 * means with the HJ 663 validity). The single definition used by `gb3095Exceedances` and by the
 * DuckDB network summary.
 *
 * @param p pollutant (`SO2`, `NO2`, `CO`, `O3`, `PM10`, `PM2.5`), values in µg/m3 (CO mg/m3)
 * @param opts.grade 1 or 2 (default 2); opts.phase `transition`, `final` or `auto` (default: by year)
 * @throws {RangeError} when the grade is not 1 or 2 or the pollutant is not one of GB 3095's
 */
export function gb3095YearRows(
  p: string,
  year: number,
  days: PollutantYearDays,
  opts: { grade?: 1 | 2; phase?: "transition" | "final" | "auto" } = {},
): ExceedanceRow[] {
  const grade = opts.grade ?? 2;
  if (grade !== 1 && grade !== 2) throw new RangeError(`gb3095YearRows: grade must be 1 or 2, got ${String(grade)}`);
  if (!(p in HJ663_ANNUAL_PERCENTILES)) throw new RangeError(`gb3095YearRows: "${p}" is not a GB 3095 pollutant`);
  const out: ExceedanceRow[] = [];
  const phase =
    opts.phase === undefined || opts.phase === "auto" ? (year >= 2031 ? "final" : "transition") : opts.phase;
  const std = `GB 3095-2026 grade ${grade} (${phase})`;
  const daily = days.daily;
  const mda8 = days.mda8 ?? NO_DAYS;
  for (const lim of GB3095_2026.limits.filter((l) => l.pollutant === p)) {
    const limit = lim[phase][grade === 1 ? "grade1" : "grade2"];
    if (lim.averaging === "1h") {
      const a = days.hourly.above(limit);
      out.push({
        standard: std,
        pollutant: p,
        averaging: "1h",
        year,
        limit,
        unit: lim.unit,
        n: days.hourly.n,
        exceedances: a.hours,
        exceedanceDays: a.days,
        value: days.hourly.n ? days.hourly.max : NaN,
      });
    } else if (lim.averaging === "24h") {
      const ys = daily;
      out.push(dailyRow(std, p, "24h", ys, year, limit, lim.unit));
      const v = days.dailySorted ?? finiteOf(ys).sort();
      const q = HJ663_ANNUAL_PERCENTILES[p as Gb3095Pollutant];
      out.push(
        statRow(
          std,
          p,
          `24h p${q}`,
          v.length ? quantileType7(v, q / 100, { sorted: true }) : NaN,
          v.length,
          year,
          limit,
          lim.unit,
          "HJ 663-2013 annual percentile (type 7)",
        ),
      );
    } else if (lim.averaging === "MDA8") {
      const ys = mda8;
      out.push(dailyRow(std, p, "MDA8", ys, year, limit, lim.unit));
      const v = finiteOf(ys);
      out.push(
        statRow(
          std,
          p,
          "MDA8 p90",
          quantileOfOwn(v, 0.9),
          v.length,
          year,
          limit,
          lim.unit,
          "HJ 663-2013 annual percentile (type 7)",
        ),
      );
    } else if (lim.averaging === "annual") {
      const v = finiteOf(daily);
      const validDates = days.dates.filter((_, k) => Number.isFinite(daily[k]));
      const c = hj663AnnualComplete(validDates);
      out.push({
        ...statRow(
          std,
          p,
          "annual",
          mean(v),
          v.length,
          year,
          limit,
          lim.unit,
          `mean of valid daily means; ${c.complete ? "valid year" : "NOT a valid year"} under HJ 663 (${c.validDays} days; ≥ 324 and ≥ 27 per month, 25 in February)`,
        ),
        validYear: c.complete,
      });
    }
  }
  return out;
}

/**
 * Japan's "98 % value" of a year's daily means: the value at rank round(0.98·n) of the ascending
 * order (MOE evaluation notice; rank rounding is aozora's reading — verify).
 */
export function japan98PercentValue(dailyMeans: number[]): number {
  const v = finite(dailyMeans).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const k = Math.max(1, Math.round(0.98 * v.length));
  return v[k - 1];
}

/**
 * Japan's "2 % exclusion value" of a year's daily means: drop the highest round(0.02·n) values and
 * take the next highest (MOE evaluation notice; verify the rounding).
 */
export function japan2PercentExclusion(dailyMeans: number[]): number {
  const v = finite(dailyMeans).sort((a, b) => b - a);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.round(0.02 * v.length))];
}

/**
 * Evaluation against Japan's environmental quality standards (see {@link JAPAN_EQS}), per year:
 * photochemical oxidant (`Ox`, or `O3` when no Ox column, noted) daytime hourly values (05–20 h)
 * above 0.06 ppm with the number of days; PM2.5 annual mean and 98 % value of daily means (verify);
 * NO2 98 % value against the 0.04–0.06 ppm zone; SPM and SO2 daily means and hourly values, with
 * the 2 % exclusion value; CO daily means and fixed 8-h block means (1–8, 9–16, 17–24 h; verify).
 * A daily mean needs ≥ 20 hourly values (default). Gases in ppm (mass inputs converted at 298.15 K
 * by default), PM2.5 µg/m3, SPM mg/m3. The annual statistics (PM2.5 annual mean and 98 % value,
 * NO2 98 % value, SPM/SO2 2 % exclusion value) carry `validYear` and a note "valid year" / "NOT a
 * valid year" under {@link JAPAN_EQS_COMPLETENESS} (PM2.5 ≥ 250 valid days; SO2/NO2/SPM/CO ≥ 6000 hours; Ox
 * rows none, as MOE excludes Ox from the 6000-h rule).
 */
export function japanEqsEvaluation(
  input: HourlySeriesSet,
  opts: { referenceState?: ReferenceStateLike; negative?: NegativePolicy; minHours?: number } = {},
): ExceedanceRow[] {
  const minHours = opts.minHours ?? 20;
  const series = { ...input.series };
  let oxNote: string | undefined;
  if (!series.Ox && series.O3) {
    series.Ox = series.O3;
    oxNote = "O3 used as photochemical oxidant (no Ox column)";
  }
  const targets: Record<string, string> = {
    Ox: "ppm",
    "PM2.5": "µg/m3",
    NO2: "ppm",
    SPM: "mg/m3",
    SO2: "ppm",
    CO: "ppm",
  };
  const gs = grids({ ...input, series }, (p) => targets[p], opts.referenceState ?? STP_298, opts.negative);
  const out: ExceedanceRow[] = [];
  const S = "Japan EQS";
  const item = (p: string, a: string) => JAPAN_EQS.items.find((i) => i.pollutant === p && i.averaging === a)!;
  for (const [p, g] of Object.entries(gs)) {
    const daily = Array.from(dailyMeans(g, minHours));
    for (const year of years(g)) {
      const ys = pick(daily, g, year, false);
      // completeness of the year's annual statistics (JAPAN_EQS_COMPLETENESS)
      const hoursInYear = finite(pick(g.values, g, year, true)).length;
      const yc =
        p === "PM2.5"
          ? completeness(
              finite(ys).length,
              JAPAN_EQS_COMPLETENESS.pm25MinDays,
              "valid days",
              "the MOE PM2.5 evaluation",
            )
          : completeness(
              hoursInYear,
              JAPAN_EQS_COMPLETENESS.minHours,
              "measured hours",
              "the MOE long-term evaluation",
            );
      const annual = (row: ExceedanceRow): ExceedanceRow => ({
        ...row,
        validYear: yc.validYear,
        note: row.note ? `${row.note}; ${yc.text}` : yc.text,
      });
      if (p === "Ox") {
        const it = item("Ox", "1h");
        const row = hourlyRow(S, "Ox", g, year, it.limit, it.unit, [
          JAPAN_EQS.oxDaytime.firstHour,
          JAPAN_EQS.oxDaytime.lastHour,
        ]);
        out.push(oxNote ? { ...row, note: oxNote } : row);
      } else if (p === "PM2.5") {
        const a = item("PM2.5", "annual"),
          d = item("PM2.5", "24h");
        const v = finite(ys);
        out.push(
          annual(statRow(S, p, "annual", mean(v), v.length, year, a.limit, a.unit, "mean of valid daily means")),
        );
        out.push(dailyRow(S, p, "24h", ys, year, d.limit, d.unit));
        out.push(
          annual(
            statRow(
              S,
              p,
              "24h 98% value",
              japan98PercentValue(ys),
              v.length,
              year,
              d.limit,
              d.unit,
              "98th percentile evaluation (verify)",
            ),
          ),
        );
      } else if (p === "NO2") {
        const d = item("NO2", "24h");
        out.push({ ...dailyRow(S, p, "24h", ys, year, d.limit, d.unit), zoneLow: d.zoneLow });
        out.push({
          ...annual(
            statRow(
              S,
              p,
              "24h 98% value",
              japan98PercentValue(ys),
              finite(ys).length,
              year,
              d.limit,
              d.unit,
              "meets when ≤ 0.06 ppm (within the 0.04–0.06 zone or below)",
            ),
          ),
          zoneLow: d.zoneLow,
        });
      } else if (p === "SPM" || p === "SO2") {
        const d = item(p, "24h"),
          h = item(p, "1h");
        out.push(dailyRow(S, p, "24h", ys, year, d.limit, d.unit));
        out.push(hourlyRow(S, p, g, year, h.limit, h.unit));
        let consecutive = false;
        for (let i = 1; i < ys.length; i++) if (ys[i] > d.limit && ys[i - 1] > d.limit) consecutive = true;
        out.push(
          annual(
            statRow(
              S,
              p,
              "24h 2% exclusion",
              japan2PercentExclusion(ys),
              finite(ys).length,
              year,
              d.limit,
              d.unit,
              consecutive
                ? "2 consecutive days above the daily limit: not met"
                : "no 2 consecutive days above the daily limit",
            ),
          ),
        );
      } else if (p === "CO") {
        const d = item("CO", "24h"),
          e = item("CO", "8h");
        out.push(dailyRow(S, p, "24h", ys, year, d.limit, d.unit));
        const blocks: number[] = [];
        for (let day = 0; day < g.nDays; day++) {
          if (Number(g.dates[day].slice(0, 4)) !== year) continue;
          for (let b = 0; b < 3; b++) {
            const { mean, n } = windowMean(g.values, day * 24 + b * 8, day * 24 + b * 8 + 8);
            blocks.push(n >= 6 ? mean : NaN);
          }
        }
        out.push({ ...dailyRow(S, p, "8h", blocks, year, e.limit, e.unit), note: "fixed 8-h blocks (verify)" });
      }
    }
  }
  return out;
}

/**
 * Comparison with the WHO 2021 air quality guideline levels, per year: annual means; days above the
 * 24-h / MDA8 levels and the 99th percentile (type 7) of the daily values against them; O3 peak
 * season = highest 6-month running mean of monthly mean MDA8 (EU MDA8 convention; monthly means of
 * valid days). Gases in µg/m3 at 298.15 K by default (CO mg/m3); daily means need ≥ 18 h (75 %).
 * The annual means and the 99th-percentile rows carry `validYear` and a note "valid year" / "NOT a
 * valid year" under {@link WHO_COMPLETENESS} (≥ 90 % of the year's days valid; WHO states no rule).
 */
export function whoExceedances(
  input: HourlySeriesSet,
  opts: { referenceState?: ReferenceStateLike; negative?: NegativePolicy; minHours?: number } = {},
): ExceedanceRow[] {
  const minHours = opts.minHours ?? 18;
  const targets: Record<string, string> = {
    "PM2.5": "µg/m3",
    PM10: "µg/m3",
    O3: "µg/m3",
    NO2: "µg/m3",
    SO2: "µg/m3",
    CO: "mg/m3",
  };
  const gs = grids(input, (p) => targets[p], opts.referenceState ?? STP_298, opts.negative);
  const out: ExceedanceRow[] = [];
  for (const [p, g] of Object.entries(gs)) {
    const daily = Array.from(dailyMeans(g, minHours));
    const mda8 = p === "O3" ? mda8FromGrid(g, MDA8_CONVENTIONS.eu).map((r) => r.mda8) : [];
    for (const year of years(g)) out.push(...whoYearRows(p, year, yearDays(g, year, daily, mda8)));
  }
  return out;
}

/**
 * The WHO 2021 rows of {@link whoExceedances} for one pollutant and one local calendar year, from
 * the year's days (daily means valid with ≥ 18 h, MDA8 under the EU convention): annual mean of
 * valid daily means, days above the 24-h / MDA8 levels with the 99th-percentile row, and the O3
 * peak season; completeness by {@link WHO_COMPLETENESS}. The single definition used by
 * `whoExceedances` and by the DuckDB network summary.
 *
 * @param p pollutant (`PM2.5`, `PM10`, `O3`, `NO2`, `SO2`, `CO`), µg/m3 (CO mg/m3); others give no rows
 */
export function whoYearRows(p: string, year: number, days: PollutantYearDays): ExceedanceRow[] {
  const out: ExceedanceRow[] = [];
  const S = "WHO 2021 AQG";
  const q = WHO_2021.shortTermPercentile;
  const daily = days.daily;
  const mda8 = days.mda8 ?? NO_DAYS;
  const minDays = Math.ceil(WHO_COMPLETENESS.minDayFraction * daysInYear(year));
  const nDaily = finiteOf(daily).length;
  const annual = (row: ExceedanceRow, count: number): ExceedanceRow => {
    const c = completeness(
      count,
      minDays,
      `valid days of ${daysInYear(year)}`,
      "aozora's 90 % rule (WHO 2021 states none; 2008/50/EC Annex I data capture)",
    );
    return { ...row, validYear: c.validYear, note: row.note ? `${row.note}; ${c.text}` : c.text };
  };
  for (const gl of WHO_2021.guidelines.filter((x) => x.pollutant === p)) {
    if (gl.averaging === "annual") {
      const v = finiteOf(daily);
      out.push(
        annual(
          statRow(S, p, "annual", mean(v), v.length, year, gl.level, gl.unit, "mean of valid daily means"),
          nDaily,
        ),
      );
    } else if (gl.averaging === "24h" || gl.averaging === "MDA8") {
      const ys = gl.averaging === "MDA8" ? mda8 : daily;
      out.push(dailyRow(S, p, gl.averaging, ys, year, gl.level, gl.unit));
      const v = finiteOf(ys);
      out.push(
        annual(
          statRow(
            S,
            p,
            `${gl.averaging} p${q}`,
            quantileOfOwn(v, q / 100),
            v.length,
            year,
            gl.level,
            gl.unit,
            "WHO: short-term AQG as 99th percentile",
          ),
          v.length,
        ),
      );
    } else if (gl.averaging === "peak-season") {
      const monthly: number[] = [];
      const byMonth: number[][] = Array.from({ length: 12 }, () => []);
      for (let d = 0; d < days.dates.length; d++) {
        const m = Number(days.dates[d].slice(5, 7));
        if (m >= 1 && m <= 12 && Number.isFinite(mda8[d])) byMonth[m - 1].push(mda8[d]);
      }
      for (let m = 0; m < 12; m++) monthly.push(mean(byMonth[m]));
      let best = NaN;
      for (let m = 0; m + 6 <= 12; m++) {
        const w = monthly.slice(m, m + 6);
        if (w.every((x) => Number.isFinite(x))) {
          const s = mean(w);
          if (!(s <= best)) best = s;
        }
      }
      out.push(
        statRow(
          S,
          p,
          "peak-season",
          best,
          1,
          year,
          gl.level,
          gl.unit,
          "highest 6-month running mean of monthly mean MDA8 within the calendar year (NaN unless 6 consecutive months have data)",
        ),
      );
    }
  }
  return out;
}
