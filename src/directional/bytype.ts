/**
 * openair's `type` conditioning for any analysis: split a series by {@link cutData} and run the
 * analysis once per level (openair splits its data frame by the `type` column and draws a panel
 * per level; Carslaw & Ropkins 2012, §2.3; openair book, "The type option").
 */

import type { AqTable } from "../table/table";
import { cutData, type CutInput, type CutKind, type CutOptions, type CutType } from "./cutdata";

/** The rows of one level, with a helper that picks those rows out of any per-row array. */
export interface TypeSubset {
  /** Row indices (into the full series) of this level, in order. */
  rows: Int32Array;
  /** The values of `a` at `rows` (a new Float64Array). */
  pick(a: ArrayLike<number>): Float64Array;
  /** The text values of `a` at `rows`. */
  pickText(a: readonly string[]): string[];
}

/** One level of a {@link byType} result. */
export interface TypeLevel<R> {
  /** The level label (two types: "level1, level2"). */
  level: string;
  /** The label per type (one or two entries). */
  levels: string[];
  /** Rows in the level. */
  n: number;
  /** The analysis on the level's rows. */
  result: R;
}

/** Result of {@link byType}. */
export interface ByTypeResult<R> {
  /** The type(s), as given. */
  type: CutType[];
  /** The family of each type's levels (for translating them in figures). */
  kind: CutKind[];
  /** The ordered level labels of each type (all of them, also those without rows). */
  typeLevels: string[][];
  /** One entry per level (or level pair) with rows, in openair's panel order (first type fastest). */
  panels: TypeLevel<R>[];
  /** Levels (or pairs) without rows: no result (openair draws no panel for them). */
  empty: string[];
  /** Rows that got no level (a missing time, wind direction or variable), by reason: left out of every panel. */
  excluded: { rows: number[]; reason: string }[];
}

/** Options of {@link byType}: those of {@link cutData}. */
export type ByTypeOptions = CutOptions;

function subset(rows: Int32Array): TypeSubset {
  return {
    rows,
    pick: (a) => Float64Array.from(rows, (r) => a[r]),
    pickText: (a) => Array.from(rows, (r) => a[r]),
  };
}

/**
 * Run `fn` once per level of `type` (openair's `type` argument): the rows of the series are split
 * by {@link cutData} and `fn` gets each level's rows. `"default"` gives one level holding every
 * row (openair's "all data" panel, labelled by its date range). Two types (openair allows
 * `type = c("season", "daylight")`) give one panel per pair of levels that has rows, the first
 * type varying fastest. Rows that get no level are listed in `excluded`, never silently dropped;
 * levels without rows are listed in `empty`. Statistics that openair computes per panel (the
 * percentile threshold of a CPF, the quantile breaks of a pollution rose) are computed on the
 * level's rows, as openair does, because `fn` only sees those rows.
 *
 * @example
 * ```ts
 * const byseason = byType({ times, utcOffsetMinutes: 480, columns: { ws, wd } }, "season",
 *   (sub) => windRose(sub.pick(ws), sub.pick(wd)));
 * byseason.panels.map((p) => [p.level, p.result.calmPercent]);
 * ```
 * @param input a table or {@link CutInput} (times + offset for the time types, `wd` for "wd", the variable for quantiles)
 * @param type one type or two
 * @param fn the analysis of one level's rows
 * @param opts {@link cutData} options (hemisphere, nLevels, startDay, latitude/longitude for daylight)
 * @throws {RangeError} when more than two types are given, or from {@link cutData}
 */
export function byType<R>(
  input: CutInput | AqTable,
  type: CutType | readonly CutType[],
  fn: (sub: TypeSubset, level: string) => R,
  opts: ByTypeOptions = {},
): ByTypeResult<R> {
  const types = typeof type === "string" ? [type] : [...type];
  if (types.length < 1 || types.length > 2)
    throw new RangeError(`byType: give one or two types (openair's limit), got ${types.length}`);
  const cuts = types.map((t) => cutData(input, t, opts));
  const n = cuts[0].index.length;
  const nl = cuts.map((c) => c.levels.length);
  const cells = nl.reduce((a, b) => a * b, 1);
  const counts = new Int32Array(cells);
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let cell = 0,
      mult = 1,
      ok = true;
    for (let j = 0; j < cuts.length; j++) {
      const k = cuts[j].index[i];
      if (k < 0) {
        ok = false;
        break;
      }
      cell += k * mult;
      mult *= nl[j];
    }
    cellOf[i] = ok ? cell : -1;
    if (ok) counts[cell]++;
  }
  const rowsOf = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(cells);
  for (let i = 0; i < n; i++) if (cellOf[i] >= 0) rowsOf[cellOf[i]][fill[cellOf[i]]++] = i;
  const panels: TypeLevel<R>[] = [];
  const empty: string[] = [];
  for (let cell = 0; cell < cells; cell++) {
    const labels: string[] = [];
    let rem = cell;
    for (let j = 0; j < cuts.length; j++) {
      labels.push(cuts[j].levels[rem % nl[j]]);
      rem = Math.floor(rem / nl[j]);
    }
    const level = labels.join(", ");
    if (counts[cell] === 0) {
      empty.push(level);
      continue;
    }
    panels.push({ level, levels: labels, n: counts[cell], result: fn(subset(rowsOf[cell]), level) });
  }
  return {
    type: types,
    kind: cuts.map((c) => c.kind),
    typeLevels: cuts.map((c) => c.levels),
    panels,
    empty,
    excluded: cuts.filter((c) => c.excluded.rows.length > 0).map((c) => ({ ...c.excluded })),
  };
}

/**
 * The `type` option every directional analysis takes (openair's `type`): the conditioning type,
 * and what {@link cutData} needs beyond the analysis' own arguments.
 */
export interface TypeOption {
  /** openair's `type` (one or two types); the result then carries `byType`, one analysis per level. */
  type?: CutType | readonly CutType[];
  /**
   * Per-row data for the cut when the analysis' own arguments lack them: `times` and
   * `utcOffsetMinutes` for the time types (when the function has no times), other variables for
   * their quantiles (e.g. `{ columns: { temp } }` with `type: "temp"`). The function's own
   * arrays (`ws`, `wd`, the values as `value`, its times and offset) are added to it.
   */
  typeData?: CutInput;
  /** {@link cutData} options: hemisphere, nLevels, startDay, latitude/longitude (daylight). */
  typeOptions?: CutOptions;
}

/**
 * Run an analysis per level when `opts.type` is set (the wiring of {@link TypeOption} into a
 * public function): the cut input is `opts.typeData` plus the function's own per-row arrays;
 * `run` repeats the analysis on one level's rows. Returns undefined when no type is given.
 *
 * @param opts the function's options (`type`, `typeData`, `typeOptions`)
 * @param own the function's own per-row data (columns such as ws, wd, value; times and offset when it has them)
 * @param run the analysis on a subset
 * @throws {RangeError} from {@link byType} / {@link cutData}
 */
export function typedLevels<R>(
  opts: TypeOption,
  own: CutInput,
  run: (sub: TypeSubset, level: string) => R,
): ByTypeResult<R> | undefined {
  if (opts.type === undefined) return undefined;
  const data = opts.typeData ?? {};
  const lengths = [
    ...Object.entries(own.columns ?? {}),
    ...Object.entries(data.columns ?? {}),
    ...(own.times ? [["times", own.times] as const] : []),
    ...(data.times ? [["typeData.times", data.times] as const] : []),
  ];
  const n = lengths.length ? lengths[0][1].length : 0;
  for (const [name, a] of lengths)
    if (a.length !== n) throw new RangeError(`type: "${name}" has ${a.length} rows, the series ${n}`);
  const input: CutInput = {
    times: data.times ?? own.times,
    utcOffsetMinutes: data.utcOffsetMinutes ?? own.utcOffsetMinutes,
    columns: { ...(own.columns ?? {}), ...(data.columns ?? {}) },
  };
  return byType(input, opts.type, run, opts.typeOptions);
}
