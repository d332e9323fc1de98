/**
 * Hourly series on a local-day grid. Times are UTC instants (ms) plus the site's UTC offset; each
 * hourly value covers one local clock hour, and which hour is explicit: `hourLabel: "start"`
 * (default; the instant is the start of the averaging hour, openair's convention) or `"end"` (the
 * instant is its end, as Chinese and Japanese station exports label hour 1..24). The hour covering
 * [h, h+1) local belongs to the local day in which it starts.
 */

/** Whether an hourly instant marks the start or the end of its averaging hour. */
export type HourLabel = "start" | "end";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** What to do with a negative concentration. */
export type NegativePolicy = "error" | "missing";

/** Options shared by the hourly analyses. */
export interface HourGridOptions {
  /** Site offset east of UTC, minutes (China +480, Japan +540). */
  utcOffsetMinutes: number;
  /** Start or end of the averaging hour (default `"start"`). */
  hourLabel?: HourLabel;
  /** Negative values: `"error"` (default, RangeError) or `"missing"` (set NaN and counted in `negatives`). */
  negative?: NegativePolicy;
  /** Name used in error messages. */
  name?: string;
}

/** Hourly values laid out as `nDays × 24` local hours, NaN where missing. */
export interface HourGrid {
  /** UTC instant (ms) of 00:00 local on the first day. */
  firstDayUtcMs: number;
  nDays: number;
  utcOffsetMinutes: number;
  /** values[d*24 + h] covers local hour [h, h+1) of day d. */
  values: Float64Array;
  /** Local dates `YYYY-MM-DD`, one per day. */
  dates: string[];
  /** Indices (in the input) of negative values set missing under `negative: "missing"`. */
  negatives: number[];
  /** Grid hours without any input row (absent from the file). */
  absentHours: number;
}

/** Local date `YYYY-MM-DD` of the local midnight that is `utcMs` (ms). */
export function localDate(utcMs: number, utcOffsetMinutes: number): string {
  return new Date(utcMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Lay hourly values on a local-day grid spanning every day touched by `times`.
 *
 * @param times  UTC instants (ms), whole local hours; duplicates are an error
 * @param values concentrations aligned with `times` (NaN = missing)
 * @throws RangeError for a non-finite or non-hourly instant, a duplicated hour, different
 *   lengths, or (policy `"error"`) a negative value, naming the index and local time
 */
export function toHourGrid(times: ArrayLike<number>, values: ArrayLike<number>, opts: HourGridOptions): HourGrid {
  const name = opts.name ?? "series";
  const off = opts.utcOffsetMinutes * 60_000;
  const shift = opts.hourLabel === "end" ? -HOUR : 0;
  if (opts.hourLabel !== undefined && opts.hourLabel !== "start" && opts.hourLabel !== "end")
    throw new RangeError(`hourLabel must be "start" or "end", got "${String(opts.hourLabel)}"`);
  if (times.length !== values.length)
    throw new RangeError(`${name}: ${values.length} values for ${times.length} times`);
  if (times.length === 0) throw new RangeError(`${name}: no hourly values`);
  let lo = Infinity,
    hi = -Infinity;
  const local = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (!Number.isFinite(t)) throw new RangeError(`${name}: time ${i} is not a finite UTC instant`);
    const l = t + off + shift;
    if (((l % HOUR) + HOUR) % HOUR !== 0)
      throw new RangeError(
        `${name}: time ${i} (${new Date(t + off).toISOString().slice(0, 19)} local) is not on a whole local hour: hourly data expected`,
      );
    local[i] = l;
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  const day0 = Math.floor(lo / DAY) * DAY;
  const nDays = Math.floor(hi / DAY) - day0 / DAY + 1;
  const grid = new Float64Array(nDays * 24).fill(NaN);
  const seen = new Uint8Array(nDays * 24);
  const negatives: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const k = Math.round((local[i] - day0) / HOUR);
    if (seen[k])
      throw new RangeError(
        `${name}: two values for the hour starting ${new Date(local[i]).toISOString().slice(0, 16)} local (index ${i})`,
      );
    seen[k] = 1;
    let v = values[i];
    if (v < 0) {
      if ((opts.negative ?? "error") === "error") {
        throw new RangeError(
          `${name}: negative concentration ${v} at index ${i} (hour starting ${new Date(local[i]).toISOString().slice(0, 16)} local); pass negative: "missing" to treat negatives as missing`,
        );
      }
      negatives.push(i);
      v = NaN;
    }
    grid[k] = v;
  }
  let absent = 0;
  for (let k = 0; k < seen.length; k++) if (!seen[k]) absent++;
  const dates = Array.from({ length: nDays }, (_, d) => new Date(day0 + d * DAY).toISOString().slice(0, 10));
  return {
    firstDayUtcMs: day0 - opts.utcOffsetMinutes * 60_000,
    nDays,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    values: grid,
    dates,
    negatives,
    absentHours: absent,
  };
}

/** Mean of the finite values in `values[from, to)` (indices clipped to the array) and their count. */
export function windowMean(values: Float64Array, from: number, to: number): { mean: number; n: number } {
  let s = 0,
    n = 0;
  for (let k = Math.max(0, from); k < Math.min(values.length, to); k++) {
    const v = values[k];
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return { mean: n > 0 ? s / n : NaN, n };
}

/** Maximum of the finite values in `values[from, to)` (indices clipped to the array; −Infinity when none) and their count. */
export function windowMax(values: Float64Array, from: number, to: number): { max: number; n: number } {
  let m = -Infinity,
    n = 0;
  for (let k = Math.max(0, from); k < Math.min(values.length, to); k++) {
    const v = values[k];
    if (Number.isFinite(v)) {
      n++;
      if (v > m) m = v;
    }
  }
  return { max: m, n };
}

/**
 * Screen a raw series for negative values before any unit conversion, so that messages quote the
 * value as written: policy `"error"` throws naming the index, value, unit and local time;
 * `"missing"` returns a copy with NaN there and the indices.
 * @throws {RangeError} when a concentration is negative and `negative` is not "missing"
 */
export function screenNegatives(
  values: ArrayLike<number>,
  opts: { negative?: NegativePolicy; name: string; unit: string; times: ArrayLike<number>; utcOffsetMinutes: number },
): { values: Float64Array; negatives: number[] } {
  const out = Float64Array.from(values);
  const negatives: number[] = [];
  for (let i = 0; i < out.length; i++) {
    if (!(out[i] < 0)) continue;
    if ((opts.negative ?? "error") === "error") {
      const t = opts.times[i];
      const when = Number.isFinite(t)
        ? new Date(t + opts.utcOffsetMinutes * 60_000).toISOString().slice(0, 16) + " local"
        : `index ${i}`;
      throw new RangeError(
        `${opts.name}: negative concentration ${out[i]} ${opts.unit} at index ${i} (${when}); pass negative: "missing" to treat negatives as missing`,
      );
    }
    negatives.push(i);
    out[i] = NaN;
  }
  return { values: out, negatives };
}
