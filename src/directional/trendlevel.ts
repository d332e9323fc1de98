/**
 * openair's `trendLevel` (openair 2.18, R/trendLevel.R; openair book, "trendLevel"): a statistic
 * of a pollutant in every cell of two conditioning variables (default month × hour), per level of
 * a third (default year), for a heat map.
 */

import { AqTable } from "../table/table";
import { cutData, type CutInput, type CutKind, type CutOptions, type CutType } from "./cutdata";

/** One x × y × type cell of {@link trendLevel}. */
export interface TrendLevelCell {
  x: string;
  y: string;
  type: string;
  /** The statistic (pollutant units; a count for frequency); NaN when the cell has no value. */
  value: number;
  /** Valid values in the cell. */
  n: number;
}

/** Result of {@link trendLevel}. */
export interface TrendLevelResult {
  pollutant: string;
  statistic: string;
  x: CutType;
  y: CutType;
  type: CutType;
  /** Level families of x, y and type (for translated labels). */
  kinds: [CutKind, CutKind, CutKind];
  xLevels: string[];
  yLevels: string[];
  typeLevels: string[];
  /** Every x × y × type cell, type slowest, then y, x fastest. */
  cells: TrendLevelCell[];
  /** Unit of `value`: the pollutant's, or "1" for frequency. */
  unit: string;
}

/**
 * trendLevel (openair `trendLevel`): the records are cut by `x`, `y` and `type` ({@link cutData};
 * x and y with openair's axis labels, "Jan" and classes without the variable's name; `nLevels`
 * quantile classes for numeric variables, default 10, 10 and 4 as openair's `n.levels`) and the
 * statistic is taken of the pollutant's finite values in each cell: "mean" (default), "max",
 * "frequency" (number of valid values), or any function of the values. A cell without a value is
 * NaN (openair NA).
 *
 * @param input a table or {@link CutInput} whose `columns` hold the pollutant (and wd or other variables used as x, y, type)
 * @param opts `pollutant`; `x` (default "month"), `y` ("hour"), `type` ("year"); `statistic`; `nLevels` [x, y, type]; {@link CutOptions}
 * @throws {RangeError} when the pollutant is absent, two of x, y, type are the same, or from {@link cutData}
 */
export function trendLevel(
  input: AqTable | CutInput,
  opts: {
    pollutant: string;
    x?: CutType;
    y?: CutType;
    type?: CutType;
    statistic?: "mean" | "max" | "frequency" | ((values: number[]) => number);
    nLevels?: [number, number, number];
  } & CutOptions,
): TrendLevelResult {
  const x = opts.x ?? "month",
    y = opts.y ?? "hour",
    type = opts.type ?? "year";
  if (new Set([x, y, type]).size < 3)
    throw new RangeError(`trendLevel: x, y and type must differ, got ${x}, ${y}, ${type}`);
  const values =
    input instanceof AqTable ? input.numbers(opts.pollutant) : (input.columns?.[opts.pollutant] as ArrayLike<number>);
  if (!values || (values.length > 0 && typeof values[0] === "string"))
    throw new RangeError(`trendLevel: no numeric column "${opts.pollutant}"`);
  const nLevels = opts.nLevels ?? [10, 10, 4];
  const cx = cutData(input, x, { ...opts, nLevels: nLevels[0], isAxis: true });
  const cy = cutData(input, y, { ...opts, nLevels: nLevels[1], isAxis: true });
  const ct = cutData(input, type, { ...opts, nLevels: nLevels[2] });
  const nx = cx.levels.length,
    ny = cy.levels.length,
    nt = ct.levels.length;
  const groups: number[][] = Array.from({ length: nx * ny * nt }, () => []);
  for (let i = 0; i < values.length; i++) {
    const a = cx.index[i],
      b = cy.index[i],
      c = ct.index[i];
    if (a < 0 || b < 0 || c < 0 || !Number.isFinite(values[i])) continue;
    groups[(c * ny + b) * nx + a].push(values[i]);
  }
  const stat = opts.statistic ?? "mean";
  const f = (g: number[]): number => {
    if (g.length === 0) return NaN;
    if (typeof stat === "function") return stat(g);
    if (stat === "frequency") return g.length;
    if (stat === "max") return g.reduce((m, v) => (v > m ? v : m), -Infinity);
    return g.reduce((s, v) => s + v, 0) / g.length;
  };
  const cells: TrendLevelCell[] = [];
  for (let c = 0; c < nt; c++)
    for (let b = 0; b < ny; b++)
      for (let a = 0; a < nx; a++) {
        const g = groups[(c * ny + b) * nx + a];
        cells.push({ x: cx.levels[a], y: cy.levels[b], type: ct.levels[c], value: f(g), n: g.length });
      }
  const unit = stat === "frequency" ? "1" : input instanceof AqTable ? input.unit(opts.pollutant) : "";
  return {
    pollutant: opts.pollutant,
    statistic: typeof stat === "function" ? "function" : stat,
    x,
    y,
    type,
    kinds: [cx.kind, cy.kind, ct.kind],
    xLevels: cx.levels,
    yLevels: cy.levels,
    typeLevels: ct.levels,
    cells,
    unit,
  };
}
