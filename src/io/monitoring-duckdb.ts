/**
 * `readMonitoringTable(file, { engine: "duckdb" })`: the same reader, with DuckDB (embedded,
 * `@duckdb/node-api`) tokenising the CSV and converting the numbers on its threads. The result —
 * table and account — equals the JS reader's exactly; where DuckDB cannot follow a rule of the JS
 * reader cheaply, the file is read by the JS reader instead ({@link duckDbFastPathRefusal} lists
 * when), and every error comes from the JS reader (so it names the same file, row and column).
 *
 * How equality is kept:
 * - DuckDB reads every column as text (`VARCHAR`, no quoting, no type sniffing) and returns for
 *   each value column the double `TRY_CAST(cell AS DOUBLE)` *only* for cells whose text is a plain
 *   ASCII decimal (the grammar of {@link plainAsciiNumber}, checked by a regular expression),
 *   finite and not a numeric missing code; every other cell comes back as its text, and the JS
 *   reader's own rules ({@link valueColumns}: missing codes, below-detection markers, text
 *   columns, errors) read it. DuckDB's cast of a plain decimal is correctly rounded, as is
 *   JavaScript's `Number`, so both give the same double.
 * - Timestamps: when every time cell has the layout of the first data row's among
 *   `YYYY-MM-DD HH:MM[:SS]` (space or `T`, optional `Z` / `±HH:MM`; two-digit fields), DuckDB's
 *   `strptime` gives the wall-clock instant (it refuses day 30 of February, hour 24 and second 60
 *   as `parseTimestamp` does — hour 24, which the JS reader reads as midnight, goes to the JS
 *   reader). Any other cell → the JS reader.
 * - Rows: file row = header row + 1 + record index, which holds only for files without blank
 *   lines, quotes or lone CR line ends: those go to the JS reader. The record count is checked
 *   against the file's line count.
 *
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { AqTable, type ColumnData } from "../table/table";
import { AccountBuilder } from "./account";
import { missingCodeSet, missingCodeValues, DEFAULT_MISSING_CODES } from "./cells";
import { detectDelimiter, parseDelimited, type Delimiter } from "./delimited";
import { openDuckDb, type DuckDbColumns } from "./duckdb";
import { AozoraInputError } from "./errors";
import {
  flagOrder,
  headerLayout,
  readMonitoringTable,
  siteOffsetOf,
  stationIndex,
  valueColumns,
  wrapOffset,
  NeedsTextPath,
  type CellSource,
  type EngineUsed,
  type ColumnMeta,
  type MonitoringRead,
  type MonitoringReadOptions,
} from "./monitoring";
import { fileByteLimit, type Source } from "./source";

/** The plain ASCII decimal of {@link plainAsciiNumber}, as a DuckDB (RE2) regular expression. */
const PLAIN_NUMBER = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?";

/** Time layouts DuckDB reads here: the first data row's decides; all rows must match it. */
interface TimeLayout {
  /** RE2 pattern of the whole cell. */
  re: string;
  /** strptime format of the first `len` characters. */
  fmt: string;
  len: number;
  /** The cell ends in `Z` or `±HH:MM`. */
  offset: boolean;
}

/** The layout of one time text, if it is one DuckDB reads here. */
function timeLayout(text: string): TimeLayout | undefined {
  const m = /^\d{4}-\d{2}-\d{2}([ T])\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  if (!m) return undefined;
  const sep = m[1],
    secs = m[2] !== undefined;
  const len = secs ? 19 : 16;
  const base = `[0-9]{4}-[0-9]{2}-[0-9]{2}${sep}[0-9]{2}:[0-9]{2}${secs ? ":[0-9]{2}" : ""}`;
  const offset = m[3] !== undefined;
  return {
    re: base + (offset ? "(Z|[+-][0-9]{2}:[0-9]{2})" : ""),
    fmt: `%Y-%m-%d${sep}%H:%M${secs ? ":%S" : ""}`,
    len,
    offset,
  };
}

/** SQL string literal. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Why a file cannot take the DuckDB path (it is then read by the JS reader), or undefined when it
 * can. The DuckDB path needs: a path to a file within `maxFileBytes` that is not a workbook;
 * UTF-8 text (the `encoding` option unset or `utf-8`; no NUL byte; valid UTF-8); header on row 1;
 * at least two columns; no `"` anywhere (no quoted fields), no lone CR line end, no blank line;
 * plain decimal numbers (no `decimal`/`thousands` option); time layout detected or `iso`.
 */
export function duckDbFastPathRefusal(
  src: Source,
  opts: MonitoringReadOptions,
): { refusal: string } | { bytes: Buffer; file: string } {
  if (typeof src !== "string") return { refusal: "not a file path" };
  if (/\.xlsx$/i.test(src)) return { refusal: "a workbook" };
  if (opts.encoding !== undefined && opts.encoding !== "utf-8") return { refusal: `encoding ${opts.encoding}` };
  if ((opts.headerRow ?? 1) !== 1) return { refusal: "header not on row 1" };
  if ((opts.decimal ?? ".") !== "." || opts.thousands !== undefined) return { refusal: "decimal/thousands option" };
  if (opts.time === false) return { refusal: "no time column" };
  if (opts.time?.format !== undefined && opts.time.format !== "auto" && opts.time.format !== "iso")
    return { refusal: `time format ${opts.time.format}` };
  let size: number;
  try {
    const st = statSync(src);
    if (!st.isFile()) return { refusal: "not a regular file" };
    size = st.size;
  } catch {
    return { refusal: "not readable" };
  }
  if (size > fileByteLimit(opts)) return { refusal: "over maxFileBytes" };
  let bytes: Buffer;
  try {
    bytes = readFileSync(src);
  } catch {
    return { refusal: "not readable" };
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { refusal: "a zip archive" };
  if (bytes.indexOf(0) >= 0) return { refusal: "NUL bytes (UTF-16?)" };
  if (!isUtf8(bytes)) return { refusal: "not valid UTF-8" };
  if (bytes.indexOf(34) >= 0) return { refusal: "quotes" };
  for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1))
    if (bytes[i + 1] !== 10) return { refusal: "a lone CR line end" };
  if (bytes.indexOf("\n\n") >= 0 || bytes.indexOf("\n\r\n") >= 0) return { refusal: "a blank line" };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[bom] === 10 || bytes[bom] === 13) return { refusal: "a blank first line" };
  return { bytes, file: src };
}

/** Start offset of every line of `b` (and the end as the last entry). */
function lineStarts(b: Buffer): Float64Array {
  let n = 1;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  const out = new Float64Array(n + 1);
  let k = 1;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) out[k++] = i + 1;
  out[k] = b.length;
  return out.subarray(0, k + 1);
}

/**
 * Read a monitoring CSV/TSV through DuckDB; see the module notes. Falls back to the JS reader
 * (same options) whenever the fast path does not apply or finds anything the JS reader must judge.
 *
 * @throws {AozoraInputError} exactly as {@link readMonitoringTable} (the JS reader throws it).
 * @throws {RangeError} as {@link readMonitoringTable}, for bad option values.
 */
export async function readMonitoringTableDuckDb(
  src: Source,
  opts: MonitoringReadOptions = {},
): Promise<MonitoringRead & { engine: EngineUsed }> {
  const js = (reason: string) => {
    const r = readMonitoringTable(src, { ...opts, engine: "js" });
    return { table: r.table, account: r.account, engine: { used: "js" as const, reason } };
  };
  const pre = duckDbFastPathRefusal(src, opts);
  if ("refusal" in pre) return js(pre.refusal);
  try {
    const r = await fastRead(pre.file, pre.bytes, opts);
    if (typeof r === "string") return js(r);
    return { table: r.table, account: r.account, engine: { used: "duckdb" } };
  } catch (e) {
    if (e instanceof AozoraInputError) return js(`an error to report: ${e.message}`);
    if (e instanceof NeedsTextPath) return js(e.message);
    throw e;
  }
}

/** The DuckDB path proper: the read, or a reason to use the JS reader. */
async function fastRead(file: string, bytes: Buffer, opts: MonitoringReadOptions): Promise<MonitoringRead | string> {
  // header and delimiter as the JS reader finds them: from the first 21 lines
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let headEnd = bom;
  for (let k = 0; k < 21 && headEnd >= 0; k++)
    headEnd = bytes.indexOf(10, headEnd) < 0 ? -1 : bytes.indexOf(10, headEnd) + 1;
  const headText = bytes.toString("utf8", bom, headEnd < 0 ? bytes.length : headEnd);
  const delimiter: Delimiter = opts.delimiter ?? detectDelimiter(headText);
  const { records } = parseDelimited(headText, file, delimiter);
  if (records.length < 2 || records[0].row !== 1) return "no data row in the first lines";
  const header = records[0].fields;
  const w = header.length;
  if (w < 2) return "fewer than two columns";
  if (records[1].fields.length !== w) return "a first data row of another width";
  const grid = { file, header, headerRow: 1 };
  const offset = opts.utcOffset === undefined ? undefined : wrapOffset(opts.utcOffset, file);
  const layout = headerLayout(grid, opts);
  const { names, tj, sj } = layout;
  if (tj < 0) return "no time column";
  const tl = timeLayout(records[1].fields[tj]);
  if (!tl) return `time layout of "${records[1].fields[tj]}"`;

  // expected records: lines after the header (the last may lack its line end)
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  if (bytes[bytes.length - 1] !== 10) lines++;
  const expected = lines - 1;

  const missingValues = missingCodeValues(missingCodeSet(opts.missingCodes ?? DEFAULT_MISSING_CODES));
  const isMissingValue = missingValues.length
    ? ` OR x IN (${missingValues.map((v) => `${v}::DOUBLE`).join(", ")})`
    : "";
  const c = (j: number) => `c${j}`;
  const select: string[] = [];
  for (let j = 0; j < w; j++) {
    if (j === tj) {
      select.push(
        `CASE WHEN regexp_full_match(${c(j)}, ${lit(tl.re)}) THEN epoch_ms(try_strptime(${c(j)}[1:${tl.len}], ${lit(tl.fmt)})) END AS t`,
      );
      if (tl.offset)
        select.push(
          `CASE WHEN ${c(j)}[${tl.len + 1}] = 'Z' THEN 0 ELSE (CASE WHEN ${c(j)}[${tl.len + 1}] = '-' THEN -1 ELSE 1 END) * TRY_CAST(${c(j)}[${tl.len + 2}:${tl.len + 3}] || ${c(j)}[${tl.len + 5}:${tl.len + 6}] AS INTEGER) END AS o`,
        );
    } else if (j === sj) select.push(`coalesce(${c(j)}, '') AS r${j}`);
    else {
      const x = `TRY_CAST(${c(j)} AS DOUBLE)`;
      select.push(`${x} AS x${j}`);
      select.push(
        `CASE WHEN ${x} IS NULL OR NOT isfinite(${x})${isMissingValue.replace(/\bx\b/g, x)} OR NOT regexp_full_match(${c(j)}, ${lit(PLAIN_NUMBER)}) THEN coalesce(${c(j)}, '') END AS r${j}`,
      );
    }
  }
  const columns = header.map((_, j) => `${lit(c(j))}: 'VARCHAR'`).join(", ");
  const delim = delimiter === "\t" ? "\\t" : delimiter;
  const sql = `SELECT ${select.join(", ")} FROM read_csv(${lit(file)}, header = false, skip = 1, columns = {${columns}}, delim = ${lit(delim)}, quote = '"', escape = '"', nullstr = '', auto_detect = false, strict_mode = true, null_padding = false)`;
  const db = await openDuckDb();
  let res: DuckDbColumns;
  try {
    res = await db.query(sql);
  } catch (e) {
    return `DuckDB: ${(e as Error).message.split("\n")[0]}`; // wrong field count and the like: the JS reader names the row
  } finally {
    db.close();
  }
  const n = res.numRows;
  if (n !== expected) return `DuckDB read ${n} records, the file has ${expected} lines below the header`;
  if (n === 0) return "no data rows";

  // times
  const local = res.columns.t as Float64Array;
  const utc = new Float64Array(n);
  const textOffsets = new Set<number | undefined>();
  if (tl.offset) {
    const code = res.columns.o as Float64Array;
    let last = NaN,
      lastMin = 0;
    for (let i = 0; i < n; i++) {
      const k = code[i];
      if (k !== last) {
        // ±HHMM → minutes, with parseOffset's limits (minutes ≤ 59, at most 14 h)
        const a = Math.abs(k),
          mm = a % 100,
          min = Math.sign(k) * (Math.floor(a / 100) * 60 + mm);
        if (!(mm <= 59 && Math.abs(min) <= 840)) return "an offset out of range";
        last = k;
        lastMin = min === 0 ? 0 : min;
        textOffsets.add(lastMin);
      }
      if (local[i] !== local[i]) return "a time cell DuckDB did not read";
      utc[i] = local[i] - lastMin * 60000;
    }
  } else {
    if (offset === undefined) return "local times without utcOffset";
    textOffsets.add(undefined);
    for (let i = 0; i < n; i++) {
      if (local[i] !== local[i]) return "a time cell DuckDB did not read";
      utc[i] = local[i] - offset * 60000;
    }
  }
  const siteOffset = siteOffsetOf(grid, tj, offset, textOffsets);
  const stationText = sj >= 0 ? (res.columns[`r${sj}`] as string[]) : undefined;
  const groups = stationText ? stationIndex(n, (i) => stationText[i]) : undefined;
  if (hasDuplicate(utc, groups)) return "a repeated timestamp";

  const row = (i: number) => i + 2;
  const acc = new AccountBuilder(file);
  acc.inputRows = n;
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, ColumnMeta> = {};
  cols[names[tj]] = utc;
  info[names[tj]] = { original: header[tj], kind: "time" };
  let starts: Float64Array | undefined;
  const timeText = (i: number) => {
    // the cell's text, from the file (only for the rows flagged out of order)
    starts ??= lineStarts(bytes);
    const line = bytes.toString("utf8", starts[i + 1], starts[i + 2]).replace(/\r?\n$/, "");
    return line.split(delimiter)[tj];
  };
  flagOrder(row, timeText, utc, acc, groups);
  const source: CellSource = {
    n,
    row,
    cells: (j) => res.columns[`r${j}`] as string[],
    typed: (j) =>
      j === sj
        ? { values: new Float64Array(0), raw: res.columns[`r${j}`] as string[] }
        : { values: res.columns[`x${j}`] as Float64Array, raw: res.columns[`r${j}`] as (string | null)[] },
  };
  valueColumns(grid, source, layout, opts, acc, cols, info);
  const table = AqTable.create(cols, info, { column: names[tj], utcOffsetMinutes: siteOffset });
  return { table, account: acc.finish(n) };
}

/** True when two records (of the same station, with `groups`) have the same instant. */
function hasDuplicate(t: Float64Array, groups?: Int32Array): boolean {
  const latest: number[] = [];
  let i = 0;
  for (; i < t.length; i++) {
    const g = groups ? groups[i] : 0;
    const last = latest[g];
    if (last !== undefined && !(t[i] > last)) break;
    latest[g] = t[i];
  }
  if (i === t.length) return false; // every station's times increase
  const seen: Set<number>[] = [];
  for (let k = 0; k < t.length; k++) {
    const g = groups ? groups[k] : 0;
    const s = seen[g] ?? (seen[g] = new Set());
    if (s.has(t[k])) return true;
    s.add(t[k]);
  }
  return false;
}
