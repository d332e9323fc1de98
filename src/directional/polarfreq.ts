import { median } from "../stats/median";
import { mean, sampleSd } from "../stats/moments";
import { checkWindSpeeds } from "./wind";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** Statistic of a {@link polarFreq} cell. */
export type PolarFreqStatistic = "frequency" | "mean" | "median" | "max" | "stdev" | "weighted-mean";

/** Input of {@link polarFreq}: wind, and the values when the statistic is not `frequency`. */
export interface PolarFreqSeries {
  /** Wind direction, degrees clockwise from north (from which the wind blows). */
  wd: ArrayLike<number>;
  /** Wind speed, m/s. */
  ws: ArrayLike<number>;
  /** Concentrations (any unit; NaN = missing); needed by every statistic except `frequency`. */
  values?: ArrayLike<number>;
}

/** Options of {@link polarFreq} (with `type`/`typeData`/`typeOptions`, {@link TypeOption}, for panels). */
export interface PolarFreqOptions extends TypeOption {
  /**
   * Per cell: `frequency` = number of records (default); `mean`, `median`, `max`, `stdev` (n − 1;
   * a one-record cell has none and is left out, as openair) of the values; `weighted-mean` = the
   * cell's share of the sum of all values, % (openair's "weighted.mean": Σ_cell c / Σ_all c × 100).
   */
  statistic?: PolarFreqStatistic;
  /** Wind-speed interval, m/s (default 1, openair's `ws.int`). */
  wsInterval?: number;
  /** Number of direction sectors (default 36, openair's `wd.nint`; the width is 360/sectors). */
  sectors?: number;
  /** Cells with fewer records are left out (default 1, openair's `min.bin`). */
  minBin?: number;
  /**
   * `true` reproduces openair's binning, which splits north into two cells: directions in
   * (360 − w/2, 360] go to a "360°" cell and [0, w/2] to a "0°" cell (openair draws both at the
   * same place, the later over the earlier). Default `false`: one north sector.
   */
  openairNorthSplit?: boolean;
}

/** One occupied cell of {@link polarFreq}. */
export interface PolarFreqCell {
  /** Sector centre, degrees (0 = north; 360 only with `openairNorthSplit`). */
  wd: number;
  /** Speed interval (wsLo, wsHi], m/s (the first also holds ws = 0). */
  wsLo: number;
  wsHi: number;
  /** Records in the cell. */
  n: number;
  /** The statistic: a count, the values' unit, or % for `weighted-mean`. */
  value: number;
}

/** Result of {@link polarFreq}. */
export interface PolarFreqResult {
  statistic: PolarFreqStatistic;
  cells: PolarFreqCell[];
  /** Sector width (degrees) and speed interval (m/s). */
  sectorWidth: number;
  wsInterval: number;
  /**
   * Upper edge of the outermost speed interval, m/s. In a `type` panel: that of all rows, so that
   * every panel is drawn to one radius (openair's `max.ws` of all rows).
   */
  maxWs: number;
  /** Records used (finite wd, ws and, unless `frequency`, value). */
  n: number;
  /** With `type`: one polarFreq per level (openair's panels; see {@link polarFreq}). */
  byType?: ByTypeResult<PolarFreqResult>;
}

/**
 * Frequencies or a statistic of the values per wind direction × speed cell, openair's
 * `polarFreq` (Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52–61; openair manual,
 * "polarFreq: Function to plot wind speed/direction frequencies and other statistics"): direction
 * sectors of w = 360/`sectors` degrees centred on multiples of w, a direction d going to the
 * centre w·⌈d/w − ½⌉ (so a sector holds (c − w/2, c + w/2]), and speed intervals
 * ((k − 1)·Δ, k·Δ] of Δ = `wsInterval` (ws = 0 in the first), openair's rule
 * `ws.int * ceiling(ws / ws.int)`. Records with a missing wd, ws or (unless `frequency`) value
 * are left out, as openair's `na.omit`; calm records stay (openair's `remove.calm = FALSE`).
 *
 * Difference from openair (issue #18 item 4): openair keeps w·⌈d/w − ½⌉ = 360 as its own level,
 * so north is split into a 360° cell (d in (360 − w/2, 360]) and a 0° cell (d in [0, w/2]), drawn
 * on top of each other. aozora counts both in one north sector by default;
 * `openairNorthSplit: true` reproduces openair's two cells.
 *
 * **`type`** ({@link TypeOption}; openair's `polarFreq(type = …)`, e.g. "season", "year",
 * "daylight") gives `byType`, one polarFreq per level. openair's polarFreq.R drops the records
 * with a missing wd, ws or pollutant (`na.omit`), then cuts the rest by type and runs its
 * `prepare.grid` per level (`group_by(across(type)) %>% do(prepare.grid(.))`): the cells, their
 * counts, `min.bin` and the statistic (`weighted.mean`: `mean(x) * length(x) / nrow(mydata)`,
 * normalised to 100 % of the level) are per level, as here; the sector width, the speed interval
 * and `max.ws` (the plot radius, `max(mydata$ws)` before the split) are those of all rows, so
 * each panel's `maxWs` is the whole series' ({@link polarFreqTypeSpec} also shares the colour scale,
 * as openair's one key). The result's own cells are those of all rows.
 *
 * @param s wd (degrees), ws (m/s) and, for statistics other than `frequency`, values (any unit)
 * @param opts statistic, intervals, minimum records per cell, openair's north split, and `type`/`typeData`/`typeOptions` for panels
 * @returns the occupied cells, sector width and speed interval (and `byType` with `type`)
 * @throws {RangeError} when the statistic is unknown, values are missing for a statistic that needs them, lengths differ, a wind speed is negative, wsInterval is not > 0, sectors is not an integer in 4..360, minBin is not an integer ≥ 1, or the `type` cannot be cut
 */
export function polarFreq(s: PolarFreqSeries, opts: PolarFreqOptions = {}): PolarFreqResult {
  const stat = opts.statistic ?? "frequency";
  if (!["frequency", "mean", "median", "max", "stdev", "weighted-mean"].includes(stat))
    throw new RangeError(`polarFreq: unknown statistic "${stat}" (frequency, mean, median, max, stdev, weighted-mean)`);
  const n = s.wd.length;
  if (s.ws.length !== n) throw new RangeError(`polarFreq: wd (${n}) and ws (${s.ws.length}) differ in length`);
  const values = s.values;
  if (stat !== "frequency" && !values) throw new RangeError(`polarFreq: statistic "${stat}" needs values`);
  if (values && values.length !== n)
    throw new RangeError(`polarFreq: values (${values.length}) and wd (${n}) differ in length`);
  checkWindSpeeds(s.ws, "polarFreq");
  const dWs = opts.wsInterval ?? 1;
  if (!(dWs > 0 && Number.isFinite(dWs))) throw new RangeError(`polarFreq: wsInterval must be > 0, got ${dWs}`);
  const sectors = opts.sectors ?? 36;
  if (!Number.isInteger(sectors) || sectors < 4 || sectors > 360)
    throw new RangeError(`polarFreq: sectors must be an integer in 4..360, got ${sectors}`);
  const minBin = opts.minBin ?? 1;
  if (!Number.isInteger(minBin) || minBin < 1)
    throw new RangeError(`polarFreq: minBin must be an integer ≥ 1, got ${minBin}`);
  const settings = { stat, dWs, sectors, minBin, split: opts.openairNorthSplit === true };
  const whole = polarFreqCells(s.wd, s.ws, values, settings);
  const columns: Record<string, ArrayLike<number>> = values
    ? { value: values, wd: s.wd, ws: s.ws }
    : { wd: s.wd, ws: s.ws };
  const byType = typedLevels(opts, { columns }, (sub) => ({
    ...polarFreqCells(sub.pick(s.wd), sub.pick(s.ws), values ? sub.pick(values) : undefined, settings),
    maxWs: whole.maxWs,
  }));
  return byType ? { ...whole, byType } : whole;
}

/** The cells of {@link polarFreq} for one set of rows (arguments already checked). */
function polarFreqCells(
  wdIn: ArrayLike<number>,
  wsIn: ArrayLike<number>,
  values: ArrayLike<number> | undefined,
  o: { stat: PolarFreqStatistic; dWs: number; sectors: number; minBin: number; split: boolean },
): PolarFreqResult {
  const { stat, dWs, sectors, minBin, split } = o;
  const n = wdIn.length;
  const w = 360 / sectors;
  const groups = new Map<number, number[]>(); // key = sectorIndex * 1e6 + speedIndex
  let used = 0,
    total = 0;
  for (let i = 0; i < n; i++) {
    const d0 = wdIn[i],
      v = wsIn[i];
    const c = values ? values[i] : 0;
    if (!Number.isFinite(d0) || !Number.isFinite(v)) continue;
    if (stat !== "frequency" && !Number.isFinite(c)) continue;
    const d = d0 >= 0 && d0 <= 360 ? d0 : ((d0 % 360) + 360) % 360;
    let a = Math.ceil(d / w - 0.5) + 0; // + 0: no −0
    if (!split && a === sectors) a = 0;
    const b = Math.max(1, Math.ceil(v / dWs));
    const key = a * 1e6 + b;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
    used++;
    total += c;
  }
  const cells: PolarFreqCell[] = [];
  let maxB = 0;
  for (const key of [...groups.keys()].sort((x, y) => x - y)) {
    const g = groups.get(key)!;
    const a = Math.floor(key / 1e6),
      b = key - a * 1e6;
    if (g.length < minBin) continue;
    const value =
      stat === "frequency"
        ? g.length
        : stat === "mean"
          ? mean(g)
          : stat === "median"
            ? median(g)
            : stat === "max"
              ? g.reduce((p, q) => (q > p ? q : p), -Infinity)
              : stat === "stdev"
                ? sampleSd(g)
                : (100 * g.reduce((p, q) => p + q, 0)) / total;
    if (!Number.isFinite(value)) continue; // the sd of one record
    cells.push({ wd: a * w, wsLo: (b - 1) * dWs, wsHi: b * dWs, n: g.length, value });
    if (b > maxB) maxB = b;
  }
  return { statistic: stat, cells, sectorWidth: w, wsInterval: dWs, maxWs: maxB * dWs, n: used };
}
