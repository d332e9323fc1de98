/**
 * openair's `rollingMean` (openair 2.18, R/utilities.R and src/rolling.cpp; openair book,
 * "Utility functions"): a moving mean over a fixed number of records with a data-capture
 * threshold, on the series padded to its regular interval (openair `date.pad`), returned for the
 * original records.
 */

import { AqTable } from "../table/table";
import { gridInstants, mostCommonGap } from "./periods";
import type { TimeSeriesInput } from "./timeaverage";

/** Options of {@link rollingMean}. */
export interface RollingMeanOptions {
  /** The column to average (openair `pollutant`). */
  pollutant: string;
  /** Window width in records (openair `width`, default 8: the 8-hour mean of hourly data). */
  width?: number;
  /** Data capture, % of the window (openair `data.thresh`, default 75). */
  dataThresh?: number;
  /** Where the window sits relative to its record (openair `align`, default "centre"). */
  align?: "right" | "left" | "centre" | "center";
  /** Name of the new column (openair `new.name`, default `rolling<width><pollutant>`, e.g. "rolling8o3"). */
  newName?: string;
  /**
   * The first and last width − 1 records: `"exact"` (default) uses the records of the window that
   * exist and counts the rest as missing; `"openair"` reproduces openair's C++ code, whose ends
   * differ (a left-aligned end window counts one record too many as missing; a centred window
   * near either end uses only the records on one side of it).
   */
  ends?: "exact" | "openair";
}

/** Result of {@link rollingMean}. */
export interface RollingMeanResult {
  /** The new column's name. */
  name: string;
  /** The rolling mean at each input record, in input order (NaN: below capture or no time). */
  values: Float64Array;
  /** Unit (that of the pollutant). */
  unit: string;
  /** The input table with the new column, when the input was a table. */
  table?: AqTable;
}

/**
 * Rolling mean of one column (openair `rollingMean`). The series is first padded to a regular
 * grid at its most common interval from the first to the last record (missing records become
 * missing values, as openair's `date.pad`); at each record the window is the `width` records
 * ending there (`align: "right"`), starting there ("left"), or around it ("centre": from
 * ⌈width/2⌉ − 1 before to ⌊width/2⌋ after, openair's placement), and the mean of its finite
 * values is kept when 1 − missing/width ≥ dataThresh/100 (openair's test; records outside the
 * series count as missing). Right-aligned 8-hour means are the basis of the ozone MDA8.
 *
 * @param input a table or {@link TimeSeriesInput}
 * @param opts {@link RollingMeanOptions}
 * @throws {RangeError} when the pollutant is absent, width is not a positive integer, dataThresh is outside 0–100, align is unknown, or a column's length differs from the times'
 */
export function rollingMean(input: AqTable | TimeSeriesInput, opts: RollingMeanOptions): RollingMeanResult {
  const width = opts.width ?? 8,
    cap = opts.dataThresh ?? 75,
    align0 = opts.align ?? "centre";
  if (!(Number.isInteger(width) && width >= 1))
    throw new RangeError(`rollingMean: width must be a positive integer, got ${width}`);
  if (!(cap >= 0 && cap <= 100)) throw new RangeError(`rollingMean: dataThresh must be in 0..100 (%), got ${cap}`);
  if (!["right", "left", "centre", "center"].includes(align0))
    throw new RangeError(`rollingMean: align must be right, left or centre, got ${String(align0)}`);
  const align = align0 === "center" ? "centre" : align0;
  const name = opts.newName ?? `rolling${width}${opts.pollutant}`;
  let times: ArrayLike<number>, values: ArrayLike<number>, unit: string, off: number;
  if (input instanceof AqTable) {
    times = input.times();
    values = input.numbers(opts.pollutant);
    unit = input.unit(opts.pollutant);
    off = input.utcOffsetMinutes ?? 0;
  } else {
    const v = input.columns[opts.pollutant];
    if (!v) throw new RangeError(`rollingMean: no column "${opts.pollutant}"`);
    if (v.length !== input.times.length)
      throw new RangeError(
        `rollingMean: column "${opts.pollutant}" has ${v.length} values for ${input.times.length} times`,
      );
    times = input.times;
    values = v;
    unit = input.units?.[opts.pollutant] ?? "";
    off = input.utcOffsetMinutes;
  }
  // pad to the regular grid (openair date.pad), keep the records' own positions
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) if (Number.isFinite(times[i])) order.push(i);
  order.sort((a, b) => times[a] - times[b] || a - b);
  const out = new Float64Array(times.length).fill(NaN);
  if (order.length === 0) return finish();
  const sorted = order.map((i) => times[i]);
  const gap = mostCommonGap(sorted);
  const grid = Number.isFinite(gap)
    ? gridInstants(sorted[0], sorted[sorted.length - 1], { n: gap / 1000, unit: "sec", text: "" }, off)
    : [sorted[0]];
  // merged padded series: every record, plus grid instants without a record
  const present = new Set(sorted);
  const merged: { t: number; row: number }[] = order.map((i) => ({ t: times[i], row: i }));
  for (const g of grid) if (!present.has(g)) merged.push({ t: g, row: -1 });
  merged.sort((a, b) => a.t - b.t || (a.row < 0 ? 1 : b.row < 0 ? -1 : a.row - b.row));
  const n = merged.length;
  const x = Float64Array.from(merged, (m) => (m.row >= 0 ? values[m.row] : NaN));
  if (width > n) return finish(); // openair returns the data without the column
  const res = new Float64Array(n).fill(NaN);
  const mean = (a: number, b: number, missingOutside: number) => {
    let s = 0,
      na = missingOutside,
      nd = 0;
    for (let j = a; j <= b; j++) {
      if (Number.isFinite(x[j])) {
        s += x[j];
        nd++;
      } else na++;
    }
    return 1 - na / width < cap / 100 ? NaN : s / nd;
  };
  // window [p − before, p + after]
  const before = align === "right" ? width - 1 : align === "left" ? 0 : width - 1 - Math.floor(width / 2);
  const after = width - 1 - before;
  for (let p = 0; p < n; p++) {
    const a = p - before,
      b = p + after;
    const ca = Math.max(0, a),
      cb = Math.min(n - 1, b);
    res[p] = mean(ca, cb, ca - a + (b - cb));
  }
  if (opts.ends === "openair") {
    // openair src/rolling.cpp `ends()`, reproduced: right ends [0, i]; left ends [i, n−1] with one extra missing
    const rightEnds = (start: number, end: number) => {
      for (let i = start; i <= end; i++) res[i] = mean(start, i, end - start - i + 1);
    };
    const leftEnds = (start: number, end: number) => {
      for (let i = end; i >= start; i--) res[i] = mean(i, end, i - start + 1);
    };
    if (align === "right") rightEnds(0, width - 2);
    if (align === "left") leftEnds(n - width, n - 1);
    if (align === "centre") {
      rightEnds(0, Math.floor(width / 2));
      leftEnds(n - Math.floor(width / 2), n - 1);
    }
  }
  for (let j = 0; j < n; j++) if (merged[j].row >= 0) out[merged[j].row] = res[j];
  return finish();

  function finish(): RollingMeanResult {
    const r: RollingMeanResult = { name, values: out, unit };
    if (input instanceof AqTable) r.table = input.withColumn(name, out, { unit: unit || "1", kind: "number" });
    return r;
  }
}
