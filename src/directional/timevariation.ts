import { mean as sampleMean } from "../stats/moments";
import { Rng } from "../random/rng";
import { provenance, type Provenance } from "../provenance";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** One group of {@link timeVariation}: mean and bootstrap interval. */
export interface TimeVariationRow {
  /** Group key: hour 0–23, weekday 0 = Monday … 6 = Sunday, month 1–12; for hour × weekday, `weekday * 24 + hour`. */
  key: number;
  hour?: number;
  weekday?: number;
  n: number;
  mean: number;
  /** Bootstrap percentile interval of the mean at `level` (NaN when n < 2). */
  lo: number;
  hi: number;
}

/** Result of {@link timeVariation}. */
export interface TimeVariationResult {
  hour: TimeVariationRow[];
  weekday: TimeVariationRow[];
  month: TimeVariationRow[];
  hourWeekday: TimeVariationRow[];
  level: number;
  nBoot: number;
  /** Library version, options (nBoot, level, UTC offset) and seed of the bootstrap intervals. */
  provenance?: Provenance;
  /** With `type`: the time variation of each level (each with the same seed). */
  byType?: ByTypeResult<TimeVariationResult>;
}

/** Local hour (0–23), weekday (0 = Monday) and month (1–12) of a UTC instant at a site. */
export function localCalendar(
  utcMs: number,
  offsetMinutes: number,
): { hour: number; weekday: number; month: number; year: number; day: number } {
  const d = new Date(utcMs + offsetMinutes * 60000);
  return {
    hour: d.getUTCHours(),
    weekday: (d.getUTCDay() + 6) % 7,
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
    day: d.getUTCDate(),
  };
}

function groupStats(
  groups: number[][],
  keyOf: (g: number) => Partial<TimeVariationRow> & { key: number },
  rng: Rng,
  nBoot: number,
  level: number,
): TimeVariationRow[] {
  const a = (1 - level) / 2;
  return groups.map((g, gi) => {
    const n = g.length;
    const mean = sampleMean(g);
    let lo = NaN,
      hi = NaN;
    if (n >= 2) {
      const bm = new Float64Array(nBoot);
      for (let b = 0; b < nBoot; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += g[rng.int(n)];
        bm[b] = s / n;
      }
      bm.sort();
      const q = (p: number) => {
        const h = (nBoot - 1) * p,
          l = Math.floor(h);
        return l + 1 < nBoot ? bm[l] + (h - l) * (bm[l + 1] - bm[l]) : bm[l];
      };
      lo = q(a);
      hi = q(1 - a);
    }
    return { ...keyOf(gi), n, mean, lo, hi };
  });
}

/**
 * Time variation (openair `timeVariation`): the mean of the values by local hour of day, day of
 * week, month, and hour × weekday, each with a bootstrap percentile interval of the mean
 * (`nBoot` resamples of the group's values with replacement, seeded; Efron & Tibshirani 1993).
 * Works on any series: a measured species or a PMF factor contribution.
 *
 * @param times UTC instants (ms); @param values any unit (NaN skipped)
 * @param utcOffsetMinutes the site's offset (China +480, Japan +540): groups use local time
 * With `type` ({@link TypeOption}: e.g. "season", "weekend", "daylight", or a variable's quantiles
 * via `typeData`) `byType` holds the time variation of each level, as openair's
 * `timeVariation(type = …)`, each level's bootstrap drawn with the same seed.
 *
 * @param opts `nBoot` (default 200), `level` (default 0.95), `seed` (default 1), `type`/`typeData`/`typeOptions`
 * @throws {RangeError} when times and values differ in length, nBoot is not an integer ≥ 10, level is outside (0, 1), or a `type` cannot be cut
 */
export function timeVariation(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  utcOffsetMinutes: number,
  opts: { nBoot?: number; level?: number; seed?: number } & TypeOption = {},
): TimeVariationResult {
  if (times.length !== values.length)
    throw new RangeError(`timeVariation: ${times.length} times, ${values.length} values`);
  const byType = typedLevels(opts, { times, utcOffsetMinutes, columns: { value: values } }, (sub) =>
    timeVariation(sub.pick(times), sub.pick(values), utcOffsetMinutes, { ...opts, type: undefined }),
  );
  const nBoot = opts.nBoot ?? 200,
    level = opts.level ?? 0.95;
  if (!(Number.isInteger(nBoot) && nBoot >= 10)) throw new RangeError(`nBoot must be an integer ≥ 10, got ${nBoot}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const rng = new Rng(opts.seed ?? 1);
  const hour: number[][] = Array.from({ length: 24 }, () => []);
  const wk: number[][] = Array.from({ length: 7 }, () => []);
  const mon: number[][] = Array.from({ length: 12 }, () => []);
  const hw: number[][] = Array.from({ length: 168 }, () => []);
  for (let i = 0; i < times.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !Number.isFinite(times[i])) continue;
    const c = localCalendar(times[i], utcOffsetMinutes);
    hour[c.hour].push(v);
    wk[c.weekday].push(v);
    mon[c.month - 1].push(v);
    hw[c.weekday * 24 + c.hour].push(v);
  }
  return {
    hour: groupStats(hour, (g) => ({ key: g, hour: g }), rng, nBoot, level),
    weekday: groupStats(wk, (g) => ({ key: g, weekday: g }), rng, nBoot, level),
    month: groupStats(mon, (g) => ({ key: g + 1 }), rng, nBoot, level),
    hourWeekday: groupStats(hw, (g) => ({ key: g, weekday: Math.floor(g / 24), hour: g % 24 }), rng, nBoot, level),
    level,
    nBoot,
    provenance: provenance({ nBoot, level, utcOffsetMinutes }, opts.seed ?? 1, { routine: "timeVariation" }),
    ...(byType ? { byType } : {}),
  };
}
