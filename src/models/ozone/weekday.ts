import { mean, sampleVariance } from "../../stats/moments";
import { tQuantile } from "../../stats/studentt";

/** Weekday (Mon–Fri) vs weekend (Sat–Sun) contrast of a daily statistic. */
export interface WeekdayWeekend {
  weekdayMean: number;
  weekendMean: number;
  weekdayN: number;
  weekendN: number;
  /** weekend − weekday. */
  difference: number;
  /** Welch 95 % (or `level`) confidence interval of the difference; NaN when a group has < 2 days. */
  ci: [number, number];
  /** weekend / weekday. */
  ratio: number;
}

/**
 * Weekday/weekend contrast ("weekend effect") of daily values keyed by local date (`YYYY-MM-DD`),
 * e.g. MDA8 or daily NOx: means per group, their difference with a Welch t interval (Welch 1947;
 * Student t quantile from `tQuantile`), and the ratio. Non-finite values are skipped.
 * Holidays are not treated specially; pass `holidays` (dates) to count them as weekend days.
 * @throws {RangeError} when a date is not YYYY-MM-DD
 */
export function weekdayWeekend(
  rows: readonly { date: string; value: number }[],
  opts: { level?: number; holidays?: readonly string[] } = {},
): WeekdayWeekend {
  const level = opts.level ?? 0.95;
  const hol = new Set(opts.holidays ?? []);
  const wd: number[] = [],
    we: number[] = [];
  for (const r of rows) {
    if (!Number.isFinite(r.value)) continue;
    const t = Date.parse(r.date + "T00:00:00Z");
    if (!Number.isFinite(t)) throw new RangeError(`weekdayWeekend: date "${r.date}" is not YYYY-MM-DD`);
    const dow = new Date(t).getUTCDay();
    (dow === 0 || dow === 6 || hol.has(r.date) ? we : wd).push(r.value);
  }
  const m1 = wd.length ? mean(wd) : NaN,
    m2 = we.length ? mean(we) : NaN;
  let ci: [number, number] = [NaN, NaN];
  if (wd.length >= 2 && we.length >= 2) {
    const a = sampleVariance(wd) / wd.length,
      b = sampleVariance(we) / we.length;
    const se = Math.sqrt(a + b);
    const df = (a + b) ** 2 / (a ** 2 / (wd.length - 1) + b ** 2 / (we.length - 1));
    const q = se > 0 ? tQuantile(1 - (1 - level) / 2, df) : 0;
    ci = [m2 - m1 - q * se, m2 - m1 + q * se];
  }
  return {
    weekdayMean: m1,
    weekendMean: m2,
    weekdayN: wd.length,
    weekendN: we.length,
    difference: m2 - m1,
    ci,
    ratio: m2 / m1,
  };
}
