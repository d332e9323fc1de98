/**
 * openair's `timeProp` (openair 2.18, R/timeProp.R; openair book, "timeProp"): the mean of a
 * pollutant per averaging period split into the contributions of the levels of another variable
 * (wind sectors, trajectory clusters, quantiles of a variable), for a stacked-bar time series.
 */

import { AqTable } from "../table/table";
import { cutData, type CutKind, type CutOptions } from "./cutdata";
import { parseAvgTime, periodGrid } from "./periods";
import type { TimeSeriesInput } from "./timeaverage";

/** One period × level bar segment of {@link timeProp}. */
export interface TimePropRow {
  /** Period start and end, UTC ms. */
  start: number;
  end: number;
  /** The level of the proportion variable. */
  level: string;
  /** Mean of the pollutant in this period and level (pollutant units; NaN when no value). */
  mean: number;
  /** Records of this period and level (records with a missing pollutant value included, as openair's `length(date)`). */
  n: number;
  /** Contribution mean · n / N (N = the period's records of all levels), 0 when the mean is NaN; % of the period's total with `normalise`. */
  contribution: number;
  /** Sum of the contributions of this and the earlier levels of the period (the bar segment's top). */
  cumulative: number;
}

/** Result of {@link timeProp}. */
export interface TimePropResult {
  pollutant: string;
  proportion: string;
  kind: CutKind;
  /** The levels, in openair's order (the stacking order). */
  levels: string[];
  /** Present period × level groups, by period then level. */
  rows: TimePropRow[];
  normalise: boolean;
  /** Unit of `mean` and `contribution` (the pollutant's; "%" with normalise). */
  unit: string;
  /** Records without a level of the proportion variable (left out). */
  excluded: number[];
  /** The site's offset (minutes), for local-time axes. */
  utcOffsetMinutes: number;
}

/**
 * timeProp (openair `timeProp`): records are cut by the `proportion` variable ({@link cutData}:
 * "wd" sectors, a text column such as a trajectory cluster, or `nLevels` quantiles of a numeric
 * one) and by period (`avgTime`, default "day", openair's periods: see {@link periodGrid}); per
 * period and level the pollutant's mean m and record count n give the contribution m · n / N,
 * N the period's records, so that the contributions of a period add up to the period mean when no
 * value is missing (openair counts every record in n, also one whose pollutant value is missing).
 * `normalise` rescales each period to 100 %.
 *
 * @param input a table or {@link TimeSeriesInput} with the pollutant and the proportion variable
 * @param opts `pollutant`, `proportion` (default "wd"), `avgTime` (default "day"), `normalise` (default false), and {@link CutOptions} for the proportion cut
 * @throws {RangeError} when the pollutant is absent, or from {@link cutData} / the averaging time
 */
export function timeProp(
  input: AqTable | TimeSeriesInput,
  opts: { pollutant: string; proportion?: string; avgTime?: string; normalise?: boolean } & CutOptions,
): TimePropResult {
  const proportion = opts.proportion ?? "wd";
  const times = input instanceof AqTable ? input.times() : input.times;
  const off = (input instanceof AqTable ? input.utcOffsetMinutes : input.utcOffsetMinutes) ?? 0;
  let values: ArrayLike<number>, unit: string;
  if (input instanceof AqTable) {
    values = input.numbers(opts.pollutant);
    unit = input.unit(opts.pollutant);
  } else {
    const v = input.columns[opts.pollutant];
    if (!v) throw new RangeError(`timeProp: no column "${opts.pollutant}"`);
    values = v;
    unit = input.units?.[opts.pollutant] ?? "";
  }
  const cut = cutData(input instanceof AqTable ? input : { ...input }, proportion, opts);
  const nl = cut.levels.length;
  const avg = parseAvgTime(opts.avgTime ?? "day");
  let first = Infinity;
  for (let i = 0; i < times.length; i++) if (cut.index[i] >= 0 && times[i] < first) first = times[i];
  const excluded = [...cut.excluded.rows];
  const rows: TimePropRow[] = [];
  const base = {
    pollutant: opts.pollutant,
    proportion,
    kind: cut.kind,
    levels: cut.levels,
    normalise: !!opts.normalise,
  };
  if (!Number.isFinite(first)) return { ...base, rows, unit, excluded, utcOffsetMinutes: off };
  const grid = periodGrid(avg, first, off);
  const acc = new Map<number, { s: Float64Array; c: Float64Array; n: Float64Array }>();
  for (let i = 0; i < times.length; i++) {
    const k = cut.index[i];
    if (k < 0) continue;
    if (!Number.isFinite(times[i])) {
      excluded.push(i);
      continue;
    }
    const p = grid.index(times[i]);
    let a = acc.get(p);
    if (!a) acc.set(p, (a = { s: new Float64Array(nl), c: new Float64Array(nl), n: new Float64Array(nl) }));
    a.n[k]++;
    if (Number.isFinite(values[i])) {
      a.s[k] += values[i];
      a.c[k]++;
    }
  }
  for (const p of [...acc.keys()].sort((x, y) => x - y)) {
    const a = acc.get(p)!;
    const N = a.n.reduce((x, y) => x + y, 0);
    const part: TimePropRow[] = [];
    for (let k = 0; k < nl; k++) {
      if (a.n[k] === 0) continue;
      const mean = a.c[k] > 0 ? a.s[k] / a.c[k] : NaN;
      const c = (mean * a.n[k]) / N;
      part.push({
        start: grid.start(p),
        end: grid.start(p + 1),
        level: cut.levels[k],
        mean,
        n: a.n[k],
        contribution: Number.isNaN(c) ? 0 : c,
        cumulative: 0,
      });
    }
    if (opts.normalise) {
      const tot = part.reduce((x, r) => x + r.contribution, 0);
      for (const r of part) r.contribution = (r.contribution * 100) / tot;
    }
    let cum = 0;
    for (const r of part) r.cumulative = cum += r.contribution;
    rows.push(...part);
  }
  return {
    ...base,
    rows,
    unit: opts.normalise ? "%" : unit,
    excluded: excluded.sort((x, y) => x - y),
    utcOffsetMinutes: off,
  };
}
