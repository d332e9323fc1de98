import { AqTable, type ColumnData } from "../table/table";
import { normaliseSpecies } from "../table/species";
import { detectTimeFormat, parseOffset, parseTimestamp, type OffsetLike, type TimeFormat } from "../table/time";
import { findHeader } from "../table/header";
import { normaliseUnit, splitHeaderUnit } from "../table/units";
import { parseCompass, WIND_DIRECTION_HEADER } from "../table/compass";
import { AccountBuilder, type ReadAccount } from "./account";
import {
  missingCodeSet,
  missingCodeValues,
  NON_FINITE,
  parseCell,
  plainAsciiNumber,
  type BelowDetectionPolicy,
  type CellParse,
  checkNumberFormat,
  type NumberFormat,
  DEFAULT_MISSING_CODES,
} from "./cells";
import { AozoraInputError } from "./errors";
import {
  gridAccount,
  headerCellError,
  parseGridTimestamp,
  readGrid,
  requireDataRows,
  type Grid,
  type GridOptions,
} from "./grid";
import { FORBIDDEN_HEADERS, type Source } from "./source";
import { readMonitoringTableDuckDb, readTypedBytes } from "./monitoring-typed";

/** Options of {@link readMonitoringTable}. */
export interface MonitoringReadOptions extends GridOptions {
  /**
   * The site's UTC offset (`"+08:00"`, `"CN"`, `"JP"`, or minutes). Required when timestamps
   * carry no offset of their own: local clock text is never interpreted without it.
   */
  utcOffset?: OffsetLike;
  /** Time column: header text (as in the file) and layout. Default: detected. `false`: no time column. */
  time?: { column?: string; format?: TimeFormat } | false;
  /** Units by header (as in the file) or normalised name; they override units in headers. */
  units?: Record<string, string>;
  /** Unit for numeric columns whose header carries none and that `units` does not name. Without it such a column is an error. */
  defaultUnit?: string;
  /** Missing-value codes (default {@link DEFAULT_MISSING_CODES}). */
  missingCodes?: readonly string[];
  /** What `<DL` cells become (default `half-limit`, the EPA PMF convention). */
  belowDetection?: BelowDetectionPolicy;
  /**
   * Decimal mark of numbers in the file: `"."` (default) or `","` (European exports, often
   * `;`-separated: `12,5` = 12.5). Without it a cell such as `12,5` is an error naming the row
   * and column ("looks like a decimal comma; pass decimal: ','"), never text. Numeric xlsx cells
   * are numbers already and are not affected. See {@link NumberFormat}.
   */
  decimal?: "." | ",";
  /**
   * Digit-group separator of numbers in the file: `","` (`1,234.5`), `"."` (`1.234,5` with
   * `decimal: ","`), `" "` (also U+00A0, U+202F) or `"'"` (`1'234.5`); groups of three digits.
   * Default none: `"1,234"` is then an error naming the row and column. See {@link NumberFormat}.
   */
  thousands?: "," | "." | " " | "'";
  /** Columns to keep as text even if they look numeric (header text as in the file). */
  textColumns?: string[];
  /** Rename species to canonical names (default true); the original header is kept in the column info. */
  normaliseNames?: boolean;
  /**
   * Station (site) column of a long table holding several sites, header text as in the file
   * (e.g. `"station"`). It is kept as text; timestamps must then be unique per station rather
   * than across the file, and row order is checked per station.
   */
  station?: string;
  /**
   * Wind direction written as 16-point compass text (see {@link parseCompass}). A column whose
   * header is a wind direction (`WD`, `wd`, `風向`, `风向`, `wind direction`; unit in brackets
   * allowed) and that holds compass names (`NNE`, `北北東`, `东北`) or calm markers (`CALM`, `C`,
   * `静穏`, `静稳`) becomes degrees clockwise from north (N = 0, 22.5° steps; unit `deg`), numbers
   * in it are kept as degrees, and a column `calm` (unit `1`: 1 for a calm record, else 0) is
   * added. Every converted cell is in the account (`compass-direction`, `calm`).
   *
   * Calm has no direction: by default its direction is NaN, so the directional functions leave
   * calm records out (`windRose` then also leaves them out of its calm percentage). Set
   * `calmDirection` (degrees, e.g. 0) to keep them: `windRose` counts a record as calm by its
   * speed (ws below its `calm` threshold), whatever its direction.
   * `numeric: true` reads integer cells 0–16 as the Japanese 16-point code (1 = NNE … 16 = N,
   * 0 = calm) instead of degrees.
   */
  compass?: { numeric?: boolean; calmDirection?: number };
}

/** What {@link readMonitoringTable} returns. */
export interface MonitoringRead {
  table: AqTable;
  account: ReadAccount;
}

const TIME_HEADER =
  /^(date|time|datetime|date[ _]?time|timestamp|time[ _]?stamp|sample date|日時|日付|時刻|測定日時|测定时间|监测时间|時間|时间|日期|采样时间|観測日時)$/i;

/**
 * Index of the time column in a header: the one named by `time.column`, else the first header
 * that reads as a time (`time`, `date`, `日時`, `时间`, ...); -1 when there is none or `time` is false.
 */
export function timeColumnIndex(header: string[], time: MonitoringReadOptions["time"]): number {
  if (time === false) return -1;
  const want = time?.column;
  if (want !== undefined) return header.findIndex((h) => h.trim() === want || splitHeaderUnit(h).name === want);
  return findHeader(header, TIME_HEADER);
}

/**
 * Read a generic monitoring table (CSV, TSV or .xlsx): one header row, one row per time step,
 * one column per variable, units in the headers (`PM2.5 (µg/m3)`) or given as options.
 *
 * Timestamps become UTC instants; local clock text is read at the site's offset. Missing-value
 * codes become NaN and below-detection markers follow `belowDetection`; every such cell is in
 * the returned account. Duplicate timestamps are an error; out-of-order rows are kept in file
 * order and flagged.
 *
 * @throws {AozoraInputError} naming file, row and column, for: a bad or duplicated header, a
 * non-numeric cell in a numeric column (including `12,5` or `1,234` without the `decimal` /
 * `thousands` options), an unparseable or duplicated timestamp, a missing unit, a row of the
 * wrong length; naming the file for one that is not a regular file or is over `maxFileBytes`,
 * and for an .xlsx archive that is damaged or too large (`maxInflatedBytes`, `maxInflateRatio`).
 * @throws {RangeError} for `decimal`/`thousands` values outside their sets, or equal.
 */
export function readMonitoringTable(
  src: Source,
  opts?: MonitoringReadOptions & { engine?: "js" | "grid" },
): MonitoringRead;
/**
 * The same read with DuckDB (`engine: "duckdb"`): a promise of the same table and account, equal
 * to the JS reader's, plus which engine read the file. DuckDB tokenises the CSV and converts the
 * plain numbers on its own threads; any file or cell it cannot judge exactly as the JS reader
 * does (quotes, blank lines, other encodings, other time layouts, compass text, an error to
 * report) is read by the JS reader, so errors are the same. See `readMonitoringTableDuckDb`.
 *
 * @throws {AozoraInputError} as the JS reader.
 * @throws {RangeError} as the JS reader.
 */
export function readMonitoringTable(
  src: Source,
  opts: MonitoringReadOptions & { engine: "duckdb" },
): Promise<MonitoringRead & { engine: EngineUsed }>;
export function readMonitoringTable(
  src: Source,
  opts: MonitoringReadOptions & { engine?: MonitoringEngine } = {},
): MonitoringRead | Promise<MonitoringRead & { engine: EngineUsed }> {
  if (opts.engine === "duckdb") return readMonitoringTableDuckDb(src, opts);
  if (opts.engine !== "grid") {
    // a plain UTF-8 CSV in one pass over its bytes (same table and account); anything else below
    const fast = readTypedBytes(src, opts);
    if (typeof fast !== "string") return fast;
  }
  const grid = readGrid(src, opts);
  return gridToTable(grid, opts);
}

/**
 * How {@link readMonitoringTable} reads a file; every engine gives the same table, account and
 * errors:
 * - `js` (default): plain UTF-8 CSV/TSV files (no quotes, no blank lines) in one pass over their
 *   bytes, making strings only for cells that are not plain numbers; every other file (xlsx,
 *   Shift_JIS/GBK, quoted fields, …) and every file with an error to report by `grid`;
 * - `grid`: every cell as text first (the reader's reference path);
 * - `duckdb`: DuckDB tokenises and converts on its threads (a promise; see `readMonitoringTableDuckDb`).
 */
export type MonitoringEngine = "js" | "grid" | "duckdb";

/** Which engine read a file with `engine: "duckdb"`, and why the JS reader did when it did. */
export interface EngineUsed {
  used: "duckdb" | "js";
  /** Why the file went to the JS reader (a quote, a blank line, an error to report, …). */
  reason?: string;
}

/**
 * What earlier chunks of one file decided about each value column (by column index), so that a
 * chunked read ({@link readCsvChunks}) refuses what a whole-file read refuses: a column numeric
 * in an earlier chunk stays numeric (a text cell later is an error at its row), and a column that
 * was text because no cell was a number is an error at its first text cell once a later chunk
 * holds a number, as the whole-file read reports it. Columns with only missing cells so far are
 * undecided.
 */
export type ColumnKindMemory = Map<
  number,
  { kind: "number" } | { kind: "text"; row: number; text: string; reason: string }
>;

/**
 * Convert a {@link Grid} into a table (shared by the CSV and xlsx paths, and by each chunk of the
 * chunked reader, which passes the same `kinds` for every chunk of a file).
 *
 * @throws {AozoraInputError} as {@link readMonitoringTable}.
 * @throws {RangeError} for `decimal`/`thousands` values outside their sets, or equal.
 */
export function gridToTable(grid: Grid, opts: MonitoringReadOptions = {}, kinds?: ColumnKindMemory): MonitoringRead {
  const { file, header } = grid;
  checkNumberFormat({ decimal: opts.decimal, thousands: opts.thousands });
  requireDataRows(grid);
  const acc = gridAccount(grid);
  const offset = opts.utcOffset === undefined ? undefined : wrapOffset(opts.utcOffset, file);
  const layout = headerLayout(grid, opts);
  const { names, tj, sj } = layout;
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, ColumnMeta> = {};
  const groups = sj >= 0 ? stationGroups(grid, sj) : undefined;

  let siteOffset = offset;
  if (tj >= 0) {
    const { utcMs: time, textOffsets } = parseTimeColumn(
      grid,
      tj,
      opts.time ? opts.time.format : undefined,
      offset,
      groups,
    );
    siteOffset = siteOffsetOf(grid, tj, offset, textOffsets);
    cols[names[tj]] = time;
    info[names[tj]] = { original: header[tj], kind: "time" };
    flagOrder(
      (i) => grid.records[i].row,
      (i) => grid.records[i].fields[tj],
      time,
      acc,
      groups,
    );
  }
  const cells: CellSource = {
    n: grid.records.length,
    row: (i) => grid.records[i].row,
    cells: (j) => grid.records.map((r) => r.fields[j]),
    xlsxNumeric: grid.records.some((r) => r.numeric !== undefined)
      ? (i, j) => grid.records[i].numeric?.[j] === true
      : undefined,
  };
  valueColumns(grid, cells, layout, opts, acc, cols, info, kinds);
  const table = AqTable.create(
    cols,
    info,
    tj >= 0 ? { column: names[tj], utcOffsetMinutes: siteOffset ?? 0 } : undefined,
  );
  return { table, account: acc.finish(grid.records.length) };
}

/** Column information passed to `AqTable.create`. */
export type ColumnMeta = { unit?: string; original?: string; kind?: "number" | "time" | "string" };

/** The header of a monitoring table, read: column names, units, the time and station columns. */
export interface HeaderLayout {
  /** Table names per header cell (normalised; the time column is `time`). */
  names: string[];
  /** Unit per header cell, from the header or the `units` option. */
  units: (string | undefined)[];
  /** Normalised header names seen, with their column index. */
  seen: Map<string, number>;
  /** Time column index (-1: none). */
  tj: number;
  /** Station column index (-1: none). */
  sj: number;
}

/**
 * Read the header of a monitoring table (shared by {@link gridToTable} and the DuckDB reader):
 * names, units, the time column and the station column.
 *
 * @throws {AozoraInputError} for an empty, forbidden or repeated header cell, a time column the
 *   options name that is absent, another column named `time`, or an absent station column.
 */
export function headerLayout(
  grid: Pick<Grid, "file" | "header" | "headerRow">,
  opts: MonitoringReadOptions,
): HeaderLayout {
  const { file, header } = grid;
  const names: string[] = [];
  const units: (string | undefined)[] = [];
  const seen = new Map<string, number>();
  header.forEach((h, j) => {
    const raw = h.trim();
    if (raw === "")
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        columnNumber: j + 1,
        expected: "a column name",
        found: "an empty header cell",
      });
    const { name, unit } = splitHeaderUnit(raw);
    if (FORBIDDEN_HEADERS.has(raw) || FORBIDDEN_HEADERS.has(name)) {
      throw headerCellError(grid, j, "a column name that is not a JavaScript object property name", raw);
    }
    const nm = opts.normaliseNames === false ? name : normaliseSpecies(name);
    const prev = seen.get(nm);
    if (prev !== undefined) {
      throw headerCellError(
        grid,
        j,
        `a unique column name (column #${prev + 1} "${header[prev]}" is also "${nm}")`,
        raw,
      );
    }
    seen.set(nm, j);
    names.push(nm);
    const given = opts.units?.[raw] ?? opts.units?.[name] ?? opts.units?.[nm];
    units.push(given !== undefined ? normaliseUnit(given) : unit);
  });

  // time column
  const tj = timeColumnIndex(header, opts.time);
  if (tj < 0 && opts.time && opts.time.column !== undefined) {
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: `a time column "${opts.time.column}"`,
      found: header.join(", "),
    });
  }
  if (tj >= 0) {
    // one name for the time column across readers; the header as written stays in `original`
    const clash = names.findIndex((nm, j) => j !== tj && nm === "time");
    if (clash >= 0)
      throw headerCellError(grid, clash, `no other column named "time" besides the time column "${header[tj].trim()}"`);
    names[tj] = "time";
  }
  let sj = -1;
  if (opts.station !== undefined) {
    const want = opts.station;
    sj = header.findIndex((h) => h.trim() === want || splitHeaderUnit(h).name === want);
    if (sj < 0 || sj === tj)
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        expected: `a station column "${want}" (option station)`,
        found: header.join(", "),
      });
  }
  return { names, units, seen, tj, sj };
}

/**
 * The site's offset of a table: the `utcOffset` option, or else the one offset every timestamp
 * carried in its text.
 *
 * @throws {AozoraInputError} when there is no option and the texts carry no offset or several.
 */
export function siteOffsetOf(
  grid: Pick<Grid, "file" | "header">,
  tj: number,
  offset: number | undefined,
  textOffsets: Set<number | undefined>,
): number {
  if (offset !== undefined) return offset;
  // every timestamp carried its own offset; the site's offset is theirs when they agree
  const offs = [...textOffsets];
  if (offs.length !== 1 || offs[0] === undefined) {
    throw new AozoraInputError({
      file: grid.file,
      column: grid.header[tj].trim(),
      columnNumber: tj + 1,
      expected: "the site's UTC offset as option utcOffset (timestamps carry different offsets)",
    });
  }
  return offs[0];
}

/**
 * The cells of a table being read, by column: what {@link valueColumns} needs of its input (a
 * {@link Grid}, or the DuckDB reader's typed result).
 */
export interface CellSource {
  /** Number of records. */
  n: number;
  /** 1-based file row of record i. */
  row(i: number): number;
  /** Every cell text of column j. The DuckDB reader gives it only for columns without a plain number. */
  cells(j: number): string[];
  /** Column j read ahead (the typed readers), see {@link TypedColumn}. */
  typed?(j: number): TypedColumn | undefined;
  /** True when cell (i, j) was stored as a number in a workbook. */
  xlsxNumeric?(i: number, j: number): boolean;
}

/**
 * A column read ahead by a typed reader: every cell that is a plain ASCII number
 * ({@link plainAsciiNumber}), finite and not a missing code, as its number in `values`; every
 * other cell as its text: `rawText[k]` is the text of record `rawAt[k]` (increasing). `values` at
 * those records is unused.
 */
export interface TypedColumn {
  values: Float64Array;
  rawAt: ArrayLike<number>;
  rawText: string[];
}

/** Thrown by {@link valueColumns} when a typed source holds what only the text path reads (compass text). */
export class NeedsTextPath extends Error {}

/**
 * Read every value column (all but the time column) into `cols` and `info`, with every changed
 * cell in `acc`: compass wind directions, text columns (trimmed), numbers with missing codes and
 * below-detection markers. Shared by {@link gridToTable} and the DuckDB reader.
 *
 * @throws {AozoraInputError} as {@link readMonitoringTable} for a cell or a header.
 * @throws {NeedsTextPath} (internal) for compass text in a typed source.
 */
export function valueColumns(
  grid: Pick<Grid, "file" | "header" | "headerRow">,
  src: CellSource,
  layout: HeaderLayout,
  opts: MonitoringReadOptions,
  acc: AccountBuilder,
  cols: Record<string, ColumnData>,
  info: Record<string, ColumnMeta>,
  kinds?: ColumnKindMemory,
): void {
  const { file, header } = grid;
  const { names, units, seen, tj, sj } = layout;
  const n = src.n;
  const numberFormat: NumberFormat = { decimal: opts.decimal, thousands: opts.thousands };
  const localNumbers = (opts.decimal ?? ".") !== "." || opts.thousands !== undefined;
  const missing = missingCodeSet(opts.missingCodes ?? DEFAULT_MISSING_CODES);
  // values of the missing codes that are numbers (-999, -9999): a cell with one of these values
  // is missing however it is written (-999.00), so it goes through parseCell
  const missingValues = missingCodeValues(missing);
  const policy = opts.belowDetection ?? "half-limit";
  const textCols = new Set(opts.textColumns ?? []);
  for (let j = 0; j < header.length; j++) {
    if (j === tj) continue;
    const nm = names[j];
    const raw = header[j].trim();
    const typed = src.typed?.(j);
    const hasPlain = typed !== undefined && typed.rawAt.length < n;
    // a typed column's cells are its texts only when none of them was a plain number
    let cellsMemo: string[] | undefined;
    const cells = () => (cellsMemo ??= typed !== undefined ? typed.rawText : src.cells(j));
    if (j !== sj && !textCols.has(raw) && !textCols.has(nm) && WIND_DIRECTION_HEADER.test(splitHeaderUnit(raw).name)) {
      // plain numbers are never compass text: a typed column is converted only by the text path
      if (typed !== undefined) {
        if (opts.compass?.numeric === true || typed.rawText.some((c) => parseCompass(c).kind !== "none"))
          throw new NeedsTextPath(`compass text in column "${raw}"`);
      } else {
        const converted = compassColumn(src, j, nm, raw, file, cells(), missing, opts.compass, acc);
        if (converted) {
          if (seen.has("calm") || cols.calm !== undefined)
            throw headerCellError(grid, j, 'no other column named "calm" beside a compass wind-direction column', raw);
          cols[nm] = converted.wd;
          info[nm] = { original: raw, unit: "deg", kind: "number" };
          cols.calm = converted.calm;
          info.calm = { original: raw, unit: "1", kind: "number" };
          continue;
        }
      }
    }
    let isText = j === sj || textCols.has(raw) || textCols.has(nm);
    if (!isText) {
      const before = kinds?.get(j);
      if (before?.kind === "number") isText = false;
      else {
        isText = hasPlain ? false : looksText(cells(), missing, policy, numberFormat);
        if (before?.kind === "text" && !isText)
          // a number now in a column whose earlier cells were all text: the whole-file read fails at the first of them
          throw new AozoraInputError({
            file,
            row: before.row,
            column: raw,
            columnNumber: j + 1,
            expected: before.reason,
            found: before.text,
          });
        if (kinds !== undefined && before === undefined) {
          const cs = cells();
          if (isText) {
            const i = cs.findIndex((c) => parseCell(c, missing, policy, numberFormat).kind === "invalid");
            const p = parseCell(cs[i], missing, policy, numberFormat);
            kinds.set(j, {
              kind: "text",
              row: src.row(i),
              text: cs[i],
              reason: p.kind === "invalid" ? p.reason : "",
            });
          } else if (hasPlain || cs.some((c) => parseCell(c, missing, policy, numberFormat).kind !== "missing"))
            kinds.set(j, { kind: "number" });
        }
      }
    }
    if (isText) {
      // a station column repeats its texts row after row: trim each run once
      let lastC: string | undefined,
        lastT = "";
      cols[nm] = cells().map((c, i) => {
        const t = c === lastC ? lastT : (lastT = (lastC = c).trim());
        if (t !== c)
          acc.cellChanges.push({
            row: src.row(i),
            column: nm,
            original: c,
            value: NaN,
            text: t,
            reason: "whitespace-trimmed",
          });
        return t;
      });
      info[nm] = { original: raw, kind: "string" };
      continue;
    }
    const unit = units[j] ?? (opts.defaultUnit !== undefined ? normaliseUnit(opts.defaultUnit) : undefined);
    if (unit === undefined) {
      throw headerCellError(
        grid,
        j,
        `a unit for this numeric column: write it in the header as "${raw} (µg/m3)" or pass units: { "${raw}": "..." }`,
      );
    }
    const v = typed !== undefined ? typed.values : new Float64Array(n);
    const texts = typed === undefined ? cells() : undefined;
    // the typed readers give the plain numbers; only the other cells are visited
    const visits = typed !== undefined ? typed.rawAt.length : n;
    // a typed column's other cells are mostly a few missing codes: each text is parsed once
    // (parseCell is a function of the text alone here; at most 256 texts kept)
    const parsed = typed !== undefined ? new Map<string, CellParse>() : undefined;
    for (let k = 0; k < visits; k++) {
      let text: string;
      let xlsxNumber = false;
      const i = typed !== undefined ? typed.rawAt[k] : k;
      if (typed !== undefined) text = typed.rawText[k];
      else {
        text = texts![i];
        // numeric xlsx cells hold numbers whatever the decimal option says
        xlsxNumber = src.xlsxNumeric?.(i, j) === true;
        // the common case, without building a parse result
        const quick = localNumbers && !xlsxNumber ? undefined : plainAsciiNumber(text);
        if (quick !== undefined && Number.isFinite(quick) && !missingValues.includes(quick)) {
          v[i] = quick;
          continue;
        }
      }
      let p = parsed?.get(text);
      if (p === undefined) {
        p = parseCell(text, missing, policy, xlsxNumber ? {} : numberFormat);
        if (parsed !== undefined && parsed.size < 256) parsed.set(text, p);
      }
      const row = src.row(i);
      if (p.kind === "invalid")
        throw new AozoraInputError({ file, row, column: raw, columnNumber: j + 1, expected: p.reason, found: text });
      v[i] = p.value;
      if (p.kind === "missing")
        acc.cellChanges.push({ row, column: nm, original: text, value: NaN, reason: "missing-code" });
      else if (p.kind === "below-detection") {
        acc.cellChanges.push({
          row,
          column: nm,
          original: text,
          value: p.value,
          reason: "below-detection",
          detail: p.limit === undefined ? "no limit given: set to NaN" : `limit ${p.limit}, policy ${policy}`,
        });
      }
    }
    cols[nm] = v;
    info[nm] = { original: raw, unit, kind: "number" };
  }
}

/**
 * A wind-direction column of compass text → degrees and a calm flag; undefined when no cell is
 * compass text or calm (the column is then read as any other).
 */
function compassColumn(
  src: Pick<CellSource, "row">,
  j: number,
  nm: string,
  raw: string,
  file: string,
  cells: string[],
  missing: Set<string>,
  opts: MonitoringReadOptions["compass"],
  acc: AccountBuilder,
): { wd: Float64Array; calm: Float64Array } | undefined {
  const numeric = opts?.numeric === true;
  const calmDir = opts?.calmDirection ?? NaN;
  if (opts?.calmDirection !== undefined && !(calmDir >= 0 && calmDir < 360))
    throw new RangeError(`compass.calmDirection must be in [0, 360) degrees, got ${opts.calmDirection}`);
  const parsed = cells.map((c) => parseCompass(c, { numeric }));
  if (!parsed.some((p) => p.kind !== "none")) return undefined;
  const n = cells.length;
  const wd = new Float64Array(n);
  const calm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = parsed[i];
    const row = src.row(i);
    const text = cells[i];
    if (p.kind === "direction") {
      wd[i] = p.degrees;
      acc.cellChanges.push({
        row,
        column: nm,
        original: text,
        value: p.degrees,
        reason: "compass-direction",
        detail: p.point,
      });
    } else if (p.kind === "calm") {
      wd[i] = calmDir;
      calm[i] = 1;
      acc.cellChanges.push({
        row,
        column: nm,
        original: text,
        value: calmDir,
        reason: "calm",
        detail: Number.isNaN(calmDir)
          ? "calm: no direction (NaN), calm = 1"
          : `calm: direction set to ${calmDir}°, calm = 1`,
      });
    } else {
      const q = parseCell(text, missing, "missing");
      if (q.kind === "missing") {
        wd[i] = NaN;
        calm[i] = NaN;
        acc.cellChanges.push({ row, column: nm, original: text, value: NaN, reason: "missing-code" });
      } else if (q.kind === "number" && q.value >= 0 && q.value <= 360) {
        wd[i] = q.value;
      } else
        throw new AozoraInputError({
          file,
          row,
          column: raw,
          columnNumber: j + 1,
          expected: `a wind direction: a 16-point compass name (N, NNE, … NNW; 北, 北北東, …), calm (CALM, 静穏), a missing code${
            numeric ? ", a 16-point code 0–16" : ""
          } or degrees 0–360`,
          found: text,
        });
    }
  }
  return { wd, calm };
}

export function wrapOffset(o: OffsetLike, file: string): number {
  try {
    return parseOffset(o);
  } catch (e) {
    throw new AozoraInputError({
      file,
      expected: 'a UTC offset option such as "+08:00" (China) or "+09:00" (Japan)',
      found: String(o),
    });
  }
}

/**
 * A column is text when no cell parses as a number or a below-detection marker (`<0.05`, `ND`),
 * and some cell is not missing. A non-finite number (`Infinity`, `1e309`) and a number written
 * with a decimal comma or digit-group separators the options do not declare (`12,5`, `1,234`)
 * count as numbers, so that they are reported as errors instead of turning the column into text.
 */
function looksText(cells: string[], missing: Set<string>, policy: BelowDetectionPolicy, fmt: NumberFormat): boolean {
  let nonMissing = 0;
  for (const c of cells) {
    const p = parseCell(c, missing, policy, fmt);
    if (p.kind === "number" || p.kind === "below-detection") return false;
    if (p.kind === "invalid" && (p.numberLike === true || p.reason === NON_FINITE)) return false;
    if (p.kind !== "missing") nonMissing++;
  }
  return nonMissing > 0;
}

/** Station index (0, 1, ...) of every record, in order of first appearance. */
function stationGroups(grid: Grid, sj: number): Int32Array {
  return stationIndex(grid.records.length, (i) => grid.records[i].fields[sj]);
}

/** Station index (0, 1, ...) of each of `n` records by its station text (trimmed), in order of first appearance. */
export function stationIndex(n: number, text: (i: number) => string): Int32Array {
  const ids = new Map<string, number>();
  const g = new Int32Array(n);
  for (let i = 0; i < g.length; i++) {
    const s = text(i).trim();
    let k = ids.get(s);
    if (k === undefined) ids.set(s, (k = ids.size));
    g[i] = k;
  }
  return g;
}

/**
 * Parse the time column to UTC ms; errors name the row. Duplicates are errors (within a station
 * when `groups` gives each record's station index).
 */
export function parseTimeColumn(
  grid: Grid,
  tj: number,
  format: TimeFormat | undefined,
  offset: number | undefined,
  groups?: Int32Array,
): { utcMs: Float64Array; textOffsets: Set<number | undefined> } {
  const { file, header } = grid;
  const col = header[tj].trim();
  const n = grid.records.length;
  const out = new Float64Array(n);
  const xlsxNumeric = grid.records.some((r) => r.numeric?.[tj]);
  let fmt: Exclude<TimeFormat, "auto">;
  if (format && format !== "auto") fmt = format;
  else if (xlsxNumeric) fmt = "excel";
  else {
    const d = detectTimeFormat(grid.records.map((r) => r.fields[tj]));
    if ("reason" in d) {
      const rec = d.index === undefined ? undefined : grid.records[d.index];
      throw new AozoraInputError({
        file,
        row: rec?.row,
        column: col,
        columnNumber: tj + 1,
        expected: `timestamps of one layout (${d.reason})`,
        found: rec?.fields[tj],
      });
    }
    fmt = d.format;
  }
  // Duplicates: while every station's times increase, each new time is later than all before it
  // and cannot repeat one; at the first time that does not increase, index all earlier rows.
  let firstRow: Map<number, number>[] | undefined;
  const latest: number[] = [];
  const textOffsets = new Set<number | undefined>();
  // in a long table every timestamp text recurs once per station: parse each text once
  const cache = groups && !xlsxNumeric ? new Map<string, ReturnType<typeof parseTimestamp>>() : undefined;
  for (let i = 0; i < n; i++) {
    const rec = grid.records[i];
    const text = rec.fields[tj];
    const cellFmt = fmt === "excel" && rec.numeric && !rec.numeric[tj] ? "iso" : fmt;
    let p = cache?.get(text);
    if (p === undefined) {
      p = parseGridTimestamp(grid, rec, tj, cellFmt, offset);
      cache?.set(text, p);
    }
    if (!p) {
      const needsOffset = offset === undefined && parseTimestamp(text, cellFmt, 0) !== null;
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: col,
        columnNumber: tj + 1,
        expected: needsOffset
          ? 'a timestamp with a UTC offset, or the site\'s offset as option utcOffset ("+08:00" China, "+09:00" Japan): local times are never guessed'
          : `a timestamp in layout "${cellFmt}"`,
        found: text,
      });
    }
    const g = groups ? groups[i] : 0;
    const t = p.utcMs;
    textOffsets.add(p.textOffsetMinutes);
    out[i] = t;
    if (firstRow === undefined) {
      const last = latest[g];
      if (last === undefined || t > last) {
        latest[g] = t;
        continue;
      }
      firstRow = [];
      for (let k = 0; k < i; k++) {
        const gk = groups ? groups[k] : 0;
        const m = firstRow[gk] ?? (firstRow[gk] = new Map());
        if (!m.has(out[k])) m.set(out[k], grid.records[k].row);
      }
    }
    const seen = firstRow[g] ?? (firstRow[g] = new Map());
    const prev = seen.get(t);
    if (prev !== undefined) {
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: col,
        columnNumber: tj + 1,
        expected: `a timestamp not already used (row ${prev}${groups ? " of the same station" : ""} has the same instant)`,
        found: text,
      });
    }
    seen.set(t, rec.row);
  }
  return { utcMs: out, textOffsets };
}

/**
 * Flag every record whose time is earlier than a previous record's (of the same station when
 * `groups` is given) as `out-of-order` in the account; records stay in file order.
 */
export function flagOrder(
  row: (i: number) => number,
  text: (i: number) => string,
  t: Float64Array,
  acc: AccountBuilder,
  groups?: Int32Array,
): void {
  const max: number[] = [-Infinity];
  for (let i = 0; i < t.length; i++) {
    const g = groups ? groups[i] : 0;
    const m = max[g] ?? -Infinity;
    if (t[i] < m)
      acc.flagged.push({
        row: row(i),
        reason: "out-of-order",
        detail: `timestamp "${text(i)}" is earlier than a previous row's${groups ? " of the same station" : ""}; kept in file order`,
      });
    else max[g] = t[i];
  }
}
