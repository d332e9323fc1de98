/**
 * openair's `calcPercentile` (openair 2.18, R/calcPercentile.R): percentiles of one column per
 * averaging period, one output column per percentile, named as openair names them.
 */

import { AqTable } from "../table/table";
import { timeAverage, type TimeSeriesInput } from "./timeaverage";

/** Result of {@link calcPercentile}. */
export interface CalcPercentileResult {
  /** Period starts, UTC ms. */
  times: Float64Array;
  /** One column per percentile, named `percentile.<p>` (openair's names, e.g. "percentile.95"). */
  columns: Record<string, Float64Array>;
  /** Unit of the percentiles (that of the pollutant). */
  unit: string;
  utcOffsetMinutes: number;
}

/**
 * Percentiles per period (openair `calcPercentile`): for each percentile p, {@link timeAverage}
 * with `statistic: "percentile"` (type 7 quantiles, R's default) at `avgTime` with `dataThresh`,
 * as a column `percentile.p`.
 *
 * @param input a table or {@link TimeSeriesInput}
 * @param opts `pollutant` (required), `avgTime` (default "month"), `percentile` 0–100 or a list (default 50), `dataThresh` % (default 0)
 * @throws {RangeError} when the pollutant is absent, a percentile is outside 0–100, or from {@link timeAverage}
 */
export function calcPercentile(
  input: AqTable | TimeSeriesInput,
  opts: { pollutant: string; avgTime?: string; percentile?: number | number[]; dataThresh?: number },
): CalcPercentileResult {
  const ps = Array.isArray(opts.percentile) ? opts.percentile : [opts.percentile ?? 50];
  let series: TimeSeriesInput;
  if (input instanceof AqTable)
    series = {
      times: input.times(),
      utcOffsetMinutes: input.utcOffsetMinutes ?? 0,
      columns: { [opts.pollutant]: input.numbers(opts.pollutant) },
      units: { [opts.pollutant]: input.unit(opts.pollutant) },
    };
  else {
    const v = input.columns[opts.pollutant];
    if (!v) throw new RangeError(`calcPercentile: no column "${opts.pollutant}"`);
    series = { ...input, columns: { [opts.pollutant]: v } };
  }
  const columns: Record<string, Float64Array> = {};
  let times: Float64Array = new Float64Array(0);
  for (const p of ps) {
    const r = timeAverage(series, {
      avgTime: opts.avgTime ?? "month",
      statistic: "percentile",
      percentile: p,
      dataThresh: opts.dataThresh ?? 0,
    });
    columns[`percentile.${p}`] = r.columns[opts.pollutant];
    times = r.times;
  }
  return {
    times,
    columns,
    unit: series.units?.[opts.pollutant] ?? "",
    utcOffsetMinutes: series.utcOffsetMinutes,
  };
}
