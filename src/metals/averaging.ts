import { vectorMeanWind } from "../directional/wind";
import { periodCalendar } from "../table/aggregate";

/** Result of {@link averageSeries}. */
export interface AveragedSeries {
  period: "day" | "month";
  /** Period starts (UTC ms of local midnight / local first of month). */
  times: Float64Array;
  /** Local period labels: `YYYY-MM-DD` or `YYYY-MM`. */
  labels: string[];
  /** Possible records per period (hours, for hourly data). */
  possible: Float64Array;
  /** Per column: mean (NaN when capture < threshold), valid count and capture (0–1). */
  means: Record<string, Float64Array>;
  counts: Record<string, Float64Array>;
  capture: Record<string, Float64Array>;
  /** Scalar mean speed (m/s) and vector-averaged direction (degrees) per period, when wind was given (same capture rule, on pairs). */
  ws?: Float64Array;
  wd?: Float64Array;
  minCapture: number;
}

/**
 * Average a regular series to local days or months with a data-capture threshold: a period's
 * mean is kept only when its finite values cover at least `minCapture` (default 0.75) of the
 * period's possible records (`stepMs` apart, default 1 h: 24 per day, 24·days per month).
 * Wind, when given, is averaged as vectors for the direction (CONVENTIONS.md §2:
 * atan2(mean ws·sin wd, mean ws·cos wd)) and as a scalar mean for the speed.
 *
 * @param times UTC instants (ms); columns name → values (any unit; the unit is unchanged)
 * @param utcOffsetMinutes the site's offset: periods are local days/months
 * @throws {RangeError} when minCapture is outside 0..1, there is no finite time, or a column's length differs from the times'
 */
export function averageSeries(
  times: ArrayLike<number>,
  columns: Record<string, ArrayLike<number>>,
  utcOffsetMinutes: number,
  opts: {
    period?: "day" | "month";
    minCapture?: number;
    stepMs?: number;
    wind?: { ws: ArrayLike<number>; wd: ArrayLike<number> };
  } = {},
): AveragedSeries {
  const period = opts.period ?? "day",
    minCapture = opts.minCapture ?? 0.75,
    step = opts.stepMs ?? 3600000;
  if (!(minCapture >= 0 && minCapture <= 1)) throw new RangeError(`minCapture must be in 0..1, got ${minCapture}`);
  const cal = periodCalendar(period, utcOffsetMinutes);
  let k0 = Infinity,
    k1 = -Infinity;
  for (let i = 0; i < times.length; i++)
    if (Number.isFinite(times[i])) {
      const k = cal.keyOf(times[i]);
      k0 = Math.min(k0, k);
      k1 = Math.max(k1, k);
    }
  if (!Number.isFinite(k0)) throw new RangeError("averageSeries: no finite times");
  const np = k1 - k0 + 1;
  const idx = new Int32Array(times.length);
  for (let i = 0; i < times.length; i++) idx[i] = Number.isFinite(times[i]) ? cal.keyOf(times[i]) - k0 : -1;
  const tOut = new Float64Array(np),
    possible = new Float64Array(np),
    labels: string[] = [];
  for (let p = 0; p < np; p++) {
    tOut[p] = cal.startOf(k0 + p);
    possible[p] = cal.possible(k0 + p, step);
    labels.push(cal.label(k0 + p));
  }
  const means: Record<string, Float64Array> = {},
    counts: Record<string, Float64Array> = {},
    capture: Record<string, Float64Array> = {};
  for (const [name, v] of Object.entries(columns)) {
    if (v.length !== times.length)
      throw new RangeError(`averageSeries: column ${name} has ${v.length} values for ${times.length} times`);
    const s = new Float64Array(np),
      c = new Float64Array(np);
    for (let i = 0; i < v.length; i++)
      if (idx[i] >= 0 && Number.isFinite(v[i])) {
        s[idx[i]] += v[i];
        c[idx[i]]++;
      }
    const cap = Float64Array.from(c, (x, p) => x / possible[p]);
    means[name] = Float64Array.from(s, (x, p) => (c[p] > 0 && cap[p] >= minCapture ? x / c[p] : NaN));
    counts[name] = c;
    capture[name] = cap;
  }
  const out: AveragedSeries = { period, times: tOut, labels, possible, means, counts, capture, minCapture };
  if (opts.wind) {
    const { ws, wd } = opts.wind;
    const groupsS: number[][] = Array.from({ length: np }, () => []),
      groupsD: number[][] = Array.from({ length: np }, () => []);
    for (let i = 0; i < times.length; i++)
      if (idx[i] >= 0 && Number.isFinite(ws[i]) && Number.isFinite(wd[i])) {
        groupsS[idx[i]].push(ws[i]);
        groupsD[idx[i]].push(wd[i]);
      }
    out.ws = new Float64Array(np).fill(NaN);
    out.wd = new Float64Array(np).fill(NaN);
    for (let p = 0; p < np; p++) {
      if (groupsS[p].length / possible[p] < minCapture || groupsS[p].length === 0) continue;
      const w = vectorMeanWind(groupsS[p], groupsD[p]);
      out.ws[p] = w.scalarWs;
      out.wd[p] = w.wd;
    }
  }
  return out;
}
