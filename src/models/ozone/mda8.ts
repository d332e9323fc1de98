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

/** MDA8 per day from a prepared {@link HourGrid}. */
export function mda8FromGrid(grid: HourGrid, convention: Mda8Convention): Mda8Day[] {
  const out: Mda8Day[] = [];
  for (let d = 0; d < grid.nDays; d++) {
    let best = NaN,
      bestStart = NaN,
      valid = 0;
    for (const s of convention.windowStarts) {
      const from = d * 24 + s;
      // windows reaching before the first or after the last day of the grid lack those hours
      const { mean, n } = windowMean(grid.values, from, from + 8);
      if (n < convention.minHoursPerWindow) continue;
      valid++;
      if (!(mean <= best)) {
        best = mean;
        bestStart = s;
      }
    }
    const ok = valid >= convention.minWindows;
    out.push({
      date: grid.dates[d],
      mda8: ok ? best : NaN,
      maxOfValidWindows: best,
      windowStart: bestStart,
      validWindows: valid,
      windows: convention.windowStarts.length,
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
