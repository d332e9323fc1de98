import { AqTable } from "../../table/table";
import { toHourGrid, windowMean, type HourGrid, type HourGridOptions } from "./hourgrid";
import { MDA8_CONVENTIONS, type Mda8Convention } from "./tables/mda8-conventions";

/** One day's MDA8. */
export interface Mda8Day {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** MDA8 in the input unit; NaN when the day is not valid under the convention. */
  mda8: number;
  /** Maximum of the valid 8-h means even when the day is not valid (NaN when none). */
  maxOfValidWindows: number;
  /** Local start hour of the window giving the maximum (relative to 00:00 of the day). */
  windowStart: number;
  /** Valid 8-h means / windows of the day. */
  validWindows: number;
  windows: number;
  valid: boolean;
}

/** Options of {@link mda8}. */
export interface Mda8Options extends HourGridOptions {
  /** `"cn"` (HJ 663, default), `"us"` (40 CFR 50 App. U) or `"eu"` (2008/50/EC), or a custom convention. */
  convention?: "cn" | "us" | "eu" | Mda8Convention;
}

/**
 * The 8-h means of an hour grid at every window start an MDA8 convention can use, computed once
 * and shared by several conventions (HJ 663's windows are a subset of 2008/50/EC's): the window
 * starting at grid hour `from` (= day × 24 + local start hour) is at index `from − first`.
 */
export interface Mda8Windows {
  /** Grid hour of the first window start (≤ 0: windows may reach before the grid). */
  first: number;
  /** Mean of the finite hourly values of [from, from + 8) (hours outside the grid absent); NaN when none. */
  mean: Float64Array;
  /** Count of those values (0–8). */
  n: Uint8Array;
}

/** MDA8 of every day as typed arrays (the columns of {@link Mda8Day}, one entry per day). */
export interface Mda8Arrays {
  /** MDA8 in the input unit; NaN when the day is not valid under the convention. */
  mda8: Float64Array;
  /** Maximum of the valid 8-h means even when the day is not valid (NaN when none). */
  maxOfValidWindows: Float64Array;
  /** Local start hour of the window giving the maximum (NaN when none). */
  windowStart: Float64Array;
  /** Valid 8-h means of the day. */
  validWindows: Float64Array;
}

/**
 * The 8-h running means of `values` (an hour grid of `nDays` × 24 local hours, NaN where missing)
 * for window start hours `minStart … maxStart` of every day (local hours relative to 00:00; may
 * be negative or ≥ 24). Each mean sums its up-to-8 finite values in hour order (the arithmetic of
 * `windowMean`), once per start hour, whatever the number of conventions that use it.
 *
 * @param out buffers to reuse (grown when too short)
 * @throws {RangeError} when `minStart > maxStart` or either is not an integer
 */
export function mda8Windows(
  values: Float64Array,
  nDays: number,
  minStart: number,
  maxStart: number,
  out?: Mda8Windows,
): Mda8Windows {
  if (!(Number.isInteger(minStart) && Number.isInteger(maxStart) && minStart <= maxStart))
    throw new RangeError(`mda8Windows: start hours must be integers with min ≤ max, got ${minStart}, ${maxStart}`);
  const len = values.length;
  const first = minStart,
    size = Math.max(0, (nDays - 1) * 24 + maxStart - minStart + 1);
  const mean = out && out.mean.length >= size ? out.mean : new Float64Array(size);
  const cnt = out && out.n.length >= size ? out.n : new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const from = first + i;
    let s = 0,
      n = 0;
    for (let k = from < 0 ? 0 : from, e = from + 8 > len ? len : from + 8; k < e; k++) {
      const v = values[k];
      if (Number.isFinite(v)) {
        s += v;
        n++;
      }
    }
    mean[i] = n > 0 ? s / n : NaN;
    cnt[i] = n;
  }
  return { first, mean, n: cnt };
}

/**
 * MDA8 of each of `nDays` days under `convention` from shared 8-h means (`mda8Windows`,
 * which must cover the convention's start hours): the maximum of the day's valid means (≥
 * `minHoursPerWindow` hours; the first window wins a tie), valid with ≥ `minWindows` valid means.
 * The one rule behind {@link mda8FromGrid}.
 *
 * @param out arrays to fill (length ≥ nDays), else new ones
 * @throws {RangeError} when the windows do not cover the convention's start hours
 */
export function mda8FromWindows(
  win: Mda8Windows,
  nDays: number,
  convention: Mda8Convention,
  out?: Mda8Arrays,
): Mda8Arrays {
  const starts = convention.windowStarts;
  const ns = starts.length;
  for (const s of starts)
    if (s - win.first < 0 || (nDays - 1) * 24 + s - win.first >= win.mean.length)
      throw new RangeError(`mda8FromWindows: the 8-h means do not cover window start ${s}`);
  const o = out ?? {
    mda8: new Float64Array(nDays),
    maxOfValidWindows: new Float64Array(nDays),
    windowStart: new Float64Array(nDays),
    validWindows: new Float64Array(nDays),
  };
  const mean = win.mean,
    cnt = win.n;
  const minH = convention.minHoursPerWindow,
    minW = convention.minWindows;
  for (let d = 0; d < nDays; d++) {
    let best = NaN,
      bestStart = NaN,
      valid = 0;
    const base = d * 24 - win.first;
    for (let j = 0; j < ns; j++) {
      const s = starts[j];
      const i = base + s;
      if (cnt[i] < minH) continue;
      valid++;
      const m = mean[i];
      if (!(m <= best)) {
        best = m;
        bestStart = s;
      }
    }
    o.mda8[d] = valid >= minW ? best : NaN;
    o.maxOfValidWindows[d] = best;
    o.windowStart[d] = bestStart;
    o.validWindows[d] = valid;
  }
  return o;
}

/** MDA8 per day from a prepared {@link HourGrid} (`mda8Windows` then `mda8FromWindows`). */
export function mda8FromGrid(grid: HourGrid, convention: Mda8Convention): Mda8Day[] {
  const out: Mda8Day[] = [];
  if (grid.nDays <= 0) return out;
  const starts = convention.windowStarts;
  const win = starts.length
    ? mda8Windows(grid.values, grid.nDays, Math.min(...starts), Math.max(...starts))
    : mda8Windows(grid.values, grid.nDays, 0, 0);
  const a = mda8FromWindows(win, grid.nDays, convention);
  const minW = convention.minWindows;
  for (let d = 0; d < grid.nDays; d++) {
    const ok = a.validWindows[d] >= minW;
    out.push({
      date: grid.dates[d],
      mda8: a.mda8[d],
      maxOfValidWindows: a.maxOfValidWindows[d],
      windowStart: a.windowStart[d],
      validWindows: a.validWindows[d],
      windows: starts.length,
      valid: ok,
    });
  }
  return out;
}

/**
 * Daily maximum 8-hour mean ozone (MDA8) per local day, under a selectable convention
 * (China HJ 663-2013, US 40 CFR 50 App. U, EU 2008/50/EC; see {@link MDA8_CONVENTIONS}).
 * 8-h means are arithmetic means of the available hourly values when at least
 * `minHoursPerWindow` are present; no rounding or truncation is applied (the US AQI truncates
 * later, see `usAqi`).
 *
 * @param times  UTC instants (ms) of hourly O3
 * @param o3     hourly O3 in any one unit (µg/m3 or ppb); the result is in the same unit
 * @returns one row per local day spanned by the data
 * @throws {RangeError} when the convention is not cn, us or eu
 */
export function mda8(times: ArrayLike<number>, o3: ArrayLike<number>, opts: Mda8Options): Mda8Day[] {
  const conv = typeof opts.convention === "object" ? opts.convention : MDA8_CONVENTIONS[opts.convention ?? "cn"];
  if (!conv) throw new RangeError(`mda8: unknown convention "${String(opts.convention)}" (use cn, us or eu)`);
  return mda8FromGrid(toHourGrid(times, o3, { name: "O3", ...opts }), conv);
}

/**
 * Daily MDA8 as an {@link AqTable} (one row per local day), for calendars and joins: `time` (UTC
 * instant of local midnight, the site's offset kept), `date` (local `YYYY-MM-DD`), `MDA8` (in
 * `unit`, NaN on invalid days), `validWindows` (count, unit `1`) and `valid` (`"yes"`/`"no"`).
 *
 * @param opts MDA8 options and `unit`: the unit of `o3` (e.g. `"µg/m3"` or `"ppb"`), carried by the MDA8 column
 */
export function mda8Table(
  times: ArrayLike<number>,
  o3: ArrayLike<number>,
  opts: Mda8Options & { unit: string },
): AqTable {
  const rows = mda8(times, o3, opts);
  const off = opts.utcOffsetMinutes;
  const t = Float64Array.from(rows, (r) => Date.parse(r.date + "T00:00:00Z") - off * 60_000);
  return AqTable.create(
    {
      time: t,
      date: rows.map((r) => r.date),
      MDA8: Float64Array.from(rows, (r) => r.mda8),
      validWindows: Float64Array.from(rows, (r) => r.validWindows),
      valid: rows.map((r) => (r.valid ? "yes" : "no")),
    },
    {
      time: { kind: "time" },
      date: { kind: "string" },
      MDA8: { unit: opts.unit, original: "MDA8 O3" },
      validWindows: { unit: "1" },
      valid: { kind: "string" },
    },
    { column: "time", utcOffsetMinutes: off },
  );
}
