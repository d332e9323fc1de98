/**
 * Typed readers of a monitoring CSV: the same table and account as the grid reader
 * ({@link gridToTable}), without making a string per cell.
 *
 * - `readTypedBytes` (the default path of `readMonitoringTable` for files that qualify): one
 *   pass over the file's bytes; plain numbers are read from the bytes
 *   ({@link plainNumberAt}, the grammar and value of {@link plainAsciiNumber}); only the
 *   other cells (missing codes, `<DL`, text) and the time cells become strings.
 * - `readMonitoringTableDuckDb` (`engine: "duckdb"`): DuckDB (embedded, `@duckdb/node-api`)
 *   tokenises the file and converts the numbers on its threads.
 *
 * Both hand their columns to the grid reader's own column rules ({@link valueColumns}: missing
 * codes, below-detection markers, text columns, units), time rules (`detectTimeFormat`,
 * `parseTimestamp`, the site offset, duplicates, out-of-order flags) and account. A file either
 * path cannot judge exactly as the grid reader does goes to the grid reader
 * ({@link typedPathRefusal} lists when), and so does any file with an error to report, so errors
 * are the grid reader's own (file, row, column).
 *
 * How DuckDB keeps equality: every column is read as text (`VARCHAR`, no sniffing); for each value
 * column it returns `TRY_CAST(cell AS DOUBLE)` and, for every cell whose text is not a plain
 * ASCII decimal (checked by a regular expression of {@link plainAsciiNumber}'s grammar), finite
 * and not a numeric missing code, the text. DuckDB's cast of a plain decimal is correctly rounded,
 * as is JavaScript's `Number`, so both give the same double. Timestamps: when every time cell has
 * the first data row's layout among `YYYY-MM-DD HH:MM[:SS]` (space or `T`, optional `Z` /
 * `±HH:MM`, two-digit fields), DuckDB's `strptime` gives the wall-clock instant (it refuses 30
 * February and second 60 as `parseTimestamp` does; hour 24, which `parseTimestamp` reads as the
 * next midnight, and any other layout go to the grid reader).
 *
 * Rows: file row = 2 + record index, which holds because files with blank lines, quotes or a
 * lone CR are refused; the record count is checked against the file's line count.
 *
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { detectTimeFormat, parseTimestamp, type TimeFormat } from "../table/time";
import { AqTable, type ColumnData } from "../table/table";
import { AccountBuilder } from "./account";
import { missingCodeSet, missingCodeValues, plainNumberAt, DEFAULT_MISSING_CODES } from "./cells";
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
  type ColumnKindMemory,
  type ColumnMeta,
  type EngineUsed,
  type HeaderLayout,
  type MonitoringRead,
  type MonitoringReadOptions,
  type TypedColumn,
} from "./monitoring";
import { fileByteLimit, type Source } from "./source";

/**
 * Why a file cannot take a typed path (it is then read by the grid reader), or its bytes. A typed
 * path needs: a path to a regular file within `maxFileBytes` that is not a workbook; UTF-8 text
 * (the `encoding` option unset or `utf-8`; no NUL byte; valid UTF-8; a BOM is fine); the header on
 * row 1; no `"` anywhere (no quoted fields), no lone CR line end, no blank line; plain decimal
 * numbers (no `decimal`/`thousands` option); a time column.
 */
export function typedPathRefusal(
  src: Source,
  opts: MonitoringReadOptions,
): { refusal: string } | { bytes: Buffer; file: string } {
  if (typeof src !== "string") return { refusal: "not a file path" };
  if (/\.xlsx$/i.test(src)) return { refusal: "a workbook" };
  if (opts.encoding !== undefined && opts.encoding !== "utf-8") return { refusal: `encoding ${opts.encoding}` };
  if ((opts.headerRow ?? 1) !== 1) return { refusal: "header not on row 1" };
  if ((opts.decimal ?? ".") !== "." || opts.thousands !== undefined) return { refusal: "decimal/thousands option" };
  if (opts.time === false) return { refusal: "no time column" };
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
  if (bytes.length > fileByteLimit(opts)) return { refusal: "over maxFileBytes" };
  const refusal = byteRefusal(bytes);
  return refusal === undefined ? { bytes, file: src } : { refusal };
}

/** Why a file's bytes cannot take the byte reader (see {@link typedPathRefusal}), or undefined. */
function byteRefusal(bytes: Buffer): string | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "a zip archive";
  if (bytes.indexOf(0) >= 0) return "NUL bytes (UTF-16?)";
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return "a UTF-16 byte-order mark";
  if (!isUtf8(bytes)) return "not valid UTF-8";
  if (bytes.indexOf(34) >= 0) return "quotes";
  for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1))
    if (bytes[i + 1] !== 10) return "a lone CR line end";
  if (bytes.indexOf("\n\n") >= 0 || bytes.indexOf("\n\r\n") >= 0) return "a blank line";
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.length === bom || bytes[bom] === 10 || bytes[bom] === 13) return "a blank first line";
  return undefined;
}

/** The header line of a file on a typed path, read as the grid reader reads it. */
interface Head {
  file: string;
  grid: { file: string; header: string[]; headerRow: number };
  layout: HeaderLayout;
  delimiter: Delimiter;
  /** Byte offset of the first data line. */
  dataStart: number;
  /** The `utcOffset` option in minutes. */
  offset: number | undefined;
  /** The first data row's time cell. */
  firstTime: string;
  /** Records below the header: lines (the last may lack its line end). */
  records: number;
}

/** Read the header (and the delimiter, from the first 21 lines as the grid reader does), or a reason to refuse. */
function readHead(file: string, bytes: Buffer, opts: MonitoringReadOptions): Head | string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let headEnd = bom;
  for (let k = 0; k < 21 && headEnd >= 0; k++) {
    const lf = bytes.indexOf(10, headEnd);
    headEnd = lf < 0 ? -1 : lf + 1;
  }
  const headText = bytes.toString("utf8", bom, headEnd < 0 ? bytes.length : headEnd);
  const delimiter: Delimiter = opts.delimiter ?? detectDelimiter(headText);
  const { records } = parseDelimited(headText, file, delimiter);
  if (records.length < 2 || records[0].row !== 1) return "no data row";
  const header = records[0].fields;
  if (header.length < 2) return "fewer than two columns";
  const grid = { file, header, headerRow: 1 };
  const offset = opts.utcOffset === undefined ? undefined : wrapOffset(opts.utcOffset, file);
  const layout = headerLayout(grid, opts);
  if (layout.tj < 0) return "no time column";
  if (records[1].fields.length <= layout.tj) return "a short first data row";
  let lines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  if (bytes[bytes.length - 1] !== 10) lines++;
  const lf = bytes.indexOf(10, bom);
  return {
    file,
    grid,
    layout,
    delimiter,
    dataStart: lf + 1,
    offset,
    firstTime: records[1].fields[layout.tj],
    records: lines - 1,
  };
}

/** What a typed engine read: times and the value columns. */
interface TypedParts {
  n: number;
  /** The byte reader: each record's time text as an index into `timeDistinct` (texts in order of first appearance). */
  timeIds?: Int32Array;
  timeDistinct?: string[];
  /** Per distinct text, its {@link isoKey} (-1 for a text of another layout). */
  timeKeys?: number[];
  /** Or wall-clock instants (ms, as if UTC) and, for texts with an offset, ±HHMM codes (DuckDB). */
  local?: Float64Array;
  offsetCodes?: Float64Array;
  /** The station column's texts. */
  station?: string[];
  /** The byte reader: each record's station index by its trimmed text, in order of first appearance (as `stationIndex`). */
  stationIds?: Int32Array;
  /** Value columns by index (not the time or station column). */
  columns: (TypedColumn | undefined)[];
  /** The text of the time cell of record i, for the out-of-order notes (DuckDB: from the file). */
  timeText: (i: number) => string;
}

/** The table and account from a typed engine's columns, by the grid reader's rules; a string = use the grid reader. */
function assembleTyped(
  head: Head,
  opts: MonitoringReadOptions,
  parts: TypedParts,
  chunk: { rowBase: number; kinds?: ColumnKindMemory; format?: { value?: TimeFormat } } = { rowBase: 0 },
): MonitoringRead | string {
  const { file, grid, layout, offset } = head;
  const { names, tj } = layout;
  const n = parts.n;
  if (n === 0) return "no data rows";
  if (n !== head.records) return `read ${n} records, the file has ${head.records} lines below the header`;
  const utc = new Float64Array(n);
  const textOffsets = new Set<number | undefined>();
  if (parts.timeIds !== undefined) {
    // each distinct text once, in order of first appearance: the layout detected from them is the
    // one detected from every cell (every value fits, or the first day/month over 12 decides)
    const distinct = parts.timeDistinct!;
    let fmt = opts.time ? opts.time.format : undefined;
    if (fmt === undefined || fmt === "auto") {
      const d = detectTimeFormat(distinct);
      if ("reason" in d) return "no one time layout";
      fmt = d.format;
    }
    if (chunk.format) chunk.format.value = fmt;
    const instants = new Float64Array(distinct.length);
    const keys = parts.timeKeys;
    for (let k = 0; k < distinct.length; k++) {
      // a strict ISO text by its digits (isoInstant); any other, and the edge cases, by parseTimestamp
      const fast = fmt === "iso" && offset !== undefined && keys !== undefined ? isoInstant(keys[k]) : NaN;
      if (fast === fast) {
        textOffsets.add(undefined);
        instants[k] = fast - offset! * 60000;
        continue;
      }
      const p = parseTimestamp(distinct[k], fmt, offset);
      if (p === null) return "a time cell that does not parse";
      textOffsets.add(p.textOffsetMinutes);
      instants[k] = p.utcMs;
    }
    const ids = parts.timeIds;
    for (let i = 0; i < n; i++) utc[i] = instants[ids[i]];
  } else {
    const local = parts.local!;
    const code = parts.offsetCodes;
    let last = NaN,
      lastMin = 0;
    for (let i = 0; i < n; i++) {
      if (local[i] !== local[i]) return "a time cell DuckDB did not read";
      let o: number;
      if (code !== undefined) {
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
        o = lastMin;
      } else {
        if (offset === undefined) return "local times without utcOffset";
        o = offset;
      }
      utc[i] = local[i] - o * 60000;
    }
    if (code === undefined) textOffsets.add(undefined);
  }
  const siteOffset = siteOffsetOf(grid, tj, offset, textOffsets);
  const station = parts.station;
  const groups =
    parts.stationIds !== undefined
      ? parts.stationIds
      : station !== undefined
        ? stationIndex(n, (i) => station[i])
        : undefined;
  if (hasDuplicate(utc, groups)) return "a repeated timestamp";

  const row = (i: number) => i + 2 + chunk.rowBase;
  const acc = new AccountBuilder(file);
  acc.inputRows = n;
  const cols: Record<string, ColumnData> = {};
  const info: Record<string, ColumnMeta> = {};
  cols[names[tj]] = utc;
  info[names[tj]] = { original: grid.header[tj], kind: "time" };
  flagOrder(row, parts.timeText, utc, acc, groups);
  const source: CellSource = {
    n,
    row,
    cells: (j) => {
      if (j === layout.sj && station !== undefined) return station;
      throw new Error(`aozora internal error: no texts of column ${j} in a typed read`);
    },
    typed: (j) => parts.columns[j],
  };
  valueColumns(grid, source, layout, opts, acc, cols, info, chunk.kinds);
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

/** Run a typed engine and fall back to the grid reader on a refusal, an error to report or compass text. */
function orGrid<T>(src: Source, opts: MonitoringReadOptions, run: () => T | string, grid: (reason: string) => T): T {
  try {
    const r = run();
    return typeof r === "string" ? grid(r) : r;
  } catch (e) {
    if (e instanceof AozoraInputError) return grid(`an error to report: ${e.message}`);
    if (e instanceof NeedsTextPath) return grid(e.message);
    throw e;
  }
}

/**
 * The byte reader: read a qualifying file's columns in one pass, or say why not (a string). Used
 * by `readMonitoringTable` before the grid reader.
 *
 * @throws {AozoraInputError} from the header rules (the caller then uses the grid reader).
 */
export function readTypedBytes(src: Source, opts: MonitoringReadOptions): MonitoringRead | string {
  const pre = typedPathRefusal(src, opts);
  if ("refusal" in pre) return pre.refusal;
  return orGrid<MonitoringRead | string>(
    src,
    opts,
    () => {
      const head = readHead(pre.file, pre.bytes, opts);
      if (typeof head === "string") return head;
      const parts = scanBytes(pre.bytes, head, opts);
      return typeof parts === "string" ? parts : assembleTyped(head, opts, parts);
    },
    (reason) => reason,
  );
}

/** The bytes with a final LF: the scan below then needs no bounds check (every loop stops at a LF). */
function withFinalLf(b: Buffer): Buffer {
  if (b.length > 0 && b[b.length - 1] === 10) return b;
  const out = Buffer.allocUnsafe(b.length + 1);
  b.copy(out, 0);
  out[b.length] = 10;
  return out;
}

/**
 * Strings of short fields (at most 16 bytes; missing codes such as `-999`, `NA`, ``) made once:
 * a field whose bytes equal a kept one's gets the kept string (the same text as decoding the
 * bytes again); at most 32 texts are kept.
 */
class ShortTexts {
  private readonly bytes = Buffer.alloc(32 * 16);
  private readonly lens = new Int32Array(32);
  private readonly texts: string[] = [];
  get(b: Buffer, a: number, z: number): string {
    const l = z - a;
    if (l === 0) return "";
    if (l > 16) return b.toString("utf8", a, z);
    const n = this.texts.length;
    for (let k = 0; k < n; k++) {
      if (this.lens[k] !== l) continue;
      const o = k * 16;
      let i = 0;
      while (i < l && this.bytes[o + i] === b[a + i]) i++;
      if (i === l) return this.texts[k];
    }
    const t = b.toString("utf8", a, z);
    if (n < 32) {
      b.copy(this.bytes, n * 16, a, z);
      this.lens[n] = l;
      this.texts.push(t);
    }
    return t;
  }
}

/**
 * One pass over the data lines: numbers from the bytes, strings only for the other cells.
 *
 * A value field is read by {@link plainNumberAt} from the bytes (no string; the common writing
 * `[+-]digits[.digits]` of at most 15 digits as one correctly rounded division, Clinger 1990);
 * it is a number when the number ends where the field does, else it is kept as text. The bytes
 * end in a LF (a copy when the file does not), so no loop checks a bound.
 */
function scanBytes(b0: Buffer, head: Head, opts: MonitoringReadOptions): TypedParts | string {
  const { tj, sj } = head.layout;
  const w = head.grid.header.length;
  const d = head.delimiter.charCodeAt(0);
  const cap = Math.max(head.records, 0);
  const missingValues = missingCodeValues(missingCodeSet(opts.missingCodes ?? DEFAULT_MISSING_CODES));
  // only values within [mvMin, mvMax] can be a numeric missing code
  let mvMin = Infinity,
    mvMax = -Infinity;
  for (const v of missingValues) {
    if (v < mvMin) mvMin = v;
    if (v > mvMax) mvMax = v;
  }
  // kind per column: 0 value, 1 time, 2 station; every column has a Float64Array (empty when not a value column)
  const kind = new Uint8Array(w);
  const none = new Float64Array(0);
  const values: Float64Array[] = [];
  const rawAt: number[][] = [];
  const rawText: string[][] = [];
  for (let j = 0; j < w; j++) {
    kind[j] = j === tj ? 1 : j === sj ? 2 : 0;
    values.push(kind[j] === 0 ? new Float64Array(cap) : none);
    rawAt.push([]);
    rawText.push([]);
  }
  const short = new ShortTexts();
  // time cells: a strict `YYYY-MM-DD[ T]HH:MM[:00]` cell is keyed by a small integer (no string per
  // record); any other by its text; each distinct cell gets an id, its text kept once
  const timeIds = new Int32Array(cap);
  const timeDistinct: string[] = [];
  const timeKeys: number[] = [];
  const idOfText = new Map<string, number>();
  const idOfKey = new Map<number, number>();
  // per id: its strict-ISO cell as key·4 + variant (-1: a text of another layout)
  const idFull = new Int32Array(cap + 1).fill(-1);
  let lastId = 0;
  const station: string[] | undefined = sj >= 0 ? new Array(cap) : undefined;
  let prevSt = "",
    prevA = -1,
    prevLen = -1,
    prevG = 0;
  // station index per record, as stationIndex gives it (trimmed text, order of first appearance)
  const stationOf = new Map<string, number>();
  const stationIds = new Int32Array(sj >= 0 ? cap : 0);
  // a final LF (a copy of the bytes only when the file lacks one): the records are the same
  const b = withFinalLf(b0);
  const len = b.length;
  const stop = { end: 0 };
  let pos = head.dataStart,
    r = 0;
  while (pos < len) {
    if (r >= cap) return "more records than lines";
    let a = pos,
      empty = true,
      z = pos;
    for (let j = 0; j < w; j++) {
      const k = kind[j];
      let c: number;
      if (k === 0) {
        // the number that starts the field (plainNumberAt: no string, no bounds check thanks to
        // the final LF); a plain number when it ends where the field does
        const v = plainNumberAt(b, a, stop);
        z = stop.end;
        c = b[z];
        if (v !== undefined && (c === d || c === 10 || c === 13)) {
          empty = false;
          if (v - v === 0 && !(v >= mvMin && v <= mvMax && missingValues.includes(v))) values[j][r] = v;
          else {
            rawAt[j].push(r);
            rawText[j].push(short.get(b, a, z));
          }
        } else {
          // any other field is kept as text
          while (c !== d && c !== 10 && c !== 13) c = b[++z];
          if (z > a) empty = false;
          rawAt[j].push(r);
          rawText[j].push(short.get(b, a, z));
        }
      } else {
        // a strict ISO time cell ends 16 or 19 bytes on: isoKey checks every byte before that end
        // (digits, "-", ":", " " or "T": never a delimiter , ; TAB nor a line end), so the field
        // is exactly those bytes; any other field is scanned to its end
        let key = -1;
        if (k === 1) {
          const e16 = a + 16 < len ? b[a + 16] : 0;
          if (e16 === d || e16 === 10 || e16 === 13) key = isoKey(b, a, (z = a + 16));
          else {
            const e19 = a + 19 < len ? b[a + 19] : 0;
            if (e19 === d || e19 === 10 || e19 === 13) key = isoKey(b, a, (z = a + 19));
          }
        }
        if (key >= 0) c = b[z];
        else {
          z = a;
          c = b[z];
          while (c !== d && c !== 10 && c !== 13) c = b[++z];
        }
        if (z > a) empty = false;
        if (k === 1) {
          if (key < 0) key = isoKey(b, a, z);
          let id: number | undefined;
          if (key >= 0) {
            // the cell's bytes as one small integer; the previous record's id or the next one
            // (a file by station repeats the time sequence, a file by time repeats each time)
            // before the Map
            const full = key * 4 + isoVariant(b, a, z);
            if (idFull[lastId] === full) id = lastId;
            else if (idFull[lastId + 1] === full) id = lastId + 1;
            else {
              id = idOfKey.get(full);
              if (id === undefined) {
                idOfKey.set(full, (id = timeDistinct.push(b.toString("latin1", a, z)) - 1));
                timeKeys.push(key);
                idFull[id] = full;
              }
            }
            lastId = id;
          } else {
            const t = b.toString("utf8", a, z);
            id = idOfText.get(t);
            if (id === undefined) {
              idOfText.set(t, (id = timeDistinct.push(t) - 1));
              timeKeys.push(-1);
            }
          }
          timeIds[r] = id;
        } else {
          const l = z - a;
          let same = l === prevLen;
          for (let q = 0; same && q < l; q++) same = b[a + q] === b[prevA + q];
          if (!same) {
            prevSt = b.toString("utf8", a, z);
            prevLen = l;
            const tr = prevSt.trim();
            let g = stationOf.get(tr);
            if (g === undefined) stationOf.set(tr, (g = stationOf.size));
            prevG = g;
          }
          prevA = a;
          station![r] = prevSt;
          stationIds[r] = prevG;
        }
      }
      // b[z] is the delimiter or the line end (the final LF at the latest)
      if (j < w - 1) {
        if (c !== d) return "a row with fewer fields than the header";
      } else if (c === d) return "a row with more fields than the header";
      a = z + 1;
    }
    if (empty) return "a row of empty fields";
    r++;
    // z is at the line end: CR LF (a CR is always followed by LF here) or LF
    pos = b[z] === 13 ? z + 2 : z + 1;
  }
  const columns: (TypedColumn | undefined)[] = [];
  for (let j = 0; j < w; j++)
    if (kind[j] === 0)
      columns[j] = {
        values: values[j].length === r ? values[j] : values[j].slice(0, r),
        rawAt: rawAt[j],
        rawText: rawText[j],
      };
  return {
    n: r,
    timeIds: timeIds.subarray(0, r),
    timeDistinct,
    timeKeys,
    station: station && (r === cap ? station : station.slice(0, r)),
    stationIds: station && stationIds.subarray(0, r),
    columns,
    timeText: (i) => timeDistinct[timeIds[i]],
  };
}

/**
 * A small integer standing for the exact bytes of a strict `YYYY-MM-DD[ T]HH:MM[:00]` cell
 * (years 1900–2155): ((((Y − 1900)·13 + M)·32 + D)·25 + h)·60 + min, each field below its radix,
 * so two cells of one {@link isoVariant} have the same key only when their bytes are the same
 * (a V8 small integer: a fast Map key); -1 for any other cell.
 */
export function isoKey(b: Uint8Array, a: number, z: number): number {
  const l = z - a;
  if (l !== 16 && l !== 19) return -1;
  if (b[a + 4] !== 45 || b[a + 7] !== 45 || b[a + 13] !== 58) return -1;
  const sep = b[a + 10];
  if (sep !== 32 && sep !== 84) return -1;
  if (l === 19 && (b[a + 16] !== 58 || b[a + 17] !== 48 || b[a + 18] !== 48)) return -1;
  // the twelve digits, each 0–9 (a byte below "0" gives a negative, above "9" more than 9)
  const y0 = b[a] - 48,
    y1 = b[a + 1] - 48,
    y2 = b[a + 2] - 48,
    y3 = b[a + 3] - 48,
    m0 = b[a + 5] - 48,
    m1 = b[a + 6] - 48,
    d0 = b[a + 8] - 48,
    d1 = b[a + 9] - 48,
    h0 = b[a + 11] - 48,
    h1 = b[a + 12] - 48,
    n0 = b[a + 14] - 48,
    n1 = b[a + 15] - 48;
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | n0 | n1) < 0) return -1;
  if (
    y0 > 9 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    m0 > 9 ||
    m1 > 9 ||
    d0 > 9 ||
    d1 > 9 ||
    h0 > 9 ||
    h1 > 9 ||
    n0 > 9 ||
    n1 > 9
  )
    return -1;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - 1900,
    mo = m0 * 10 + m1,
    d = d0 * 10 + d1,
    h = h0 * 10 + h1,
    mi = n0 * 10 + n1;
  if (!(y >= 0 && y < 256 && mo <= 12 && d <= 31 && h <= 24 && mi <= 59)) return -1;
  return (((y * 13 + mo) * 32 + d) * 25 + h) * 60 + mi;
}

/**
 * The wall-clock instant (ms, as if UTC) of a strict ISO cell from its {@link isoKey}, when its
 * fields are a real date and an hour 0–23: `Date.UTC` of the digits, the value `parseTimestamp`
 * gives the text in layout `iso` (seconds are 00). NaN for key -1 and for anything else (month or
 * day 0, 30 February, hour 24), which `parseTimestamp` then judges.
 */
export function isoInstant(key: number): number {
  if (key < 0) return NaN;
  const mi = key % 60;
  let q = (key - mi) / 60;
  const h = q % 25;
  q = (q - h) / 25;
  const d = q % 32;
  q = (q - d) / 32;
  const mo = q % 13;
  const y = (q - mo) / 13 + 1900;
  if (mo < 1 || d < 1 || h > 23) return NaN;
  const dim = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[mo];
  if (d > dim) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi);
}

/** Days per month (index 1–12; February of a common year). */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Which strict layout a cell with an {@link isoKey} has: T separator (2) and `:00` seconds (1). */
function isoVariant(b: Uint8Array, a: number, z: number): number {
  return (b[a + 10] === 84 ? 2 : 0) + (z - a === 19 ? 1 : 0);
}

/** The plain ASCII decimal of {@link plainAsciiNumber}, as a DuckDB (RE2) regular expression. */
const PLAIN_NUMBER = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?";

/** A time layout DuckDB reads: the first data row's decides; all rows must match it. */
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
  const base = `[0-9]{4}-[0-9]{2}-[0-9]{2}${sep}[0-9]{2}:[0-9]{2}${secs ? ":[0-9]{2}" : ""}`;
  const offset = m[3] !== undefined;
  return {
    re: base + (offset ? "(Z|[+-][0-9]{2}:[0-9]{2})" : ""),
    fmt: `%Y-%m-%d${sep}%H:%M${secs ? ":%S" : ""}`,
    len: secs ? 19 : 16,
    offset,
  };
}

/** SQL string literal. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

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
 * Read a monitoring CSV/TSV through DuckDB (`readMonitoringTable(file, { engine: "duckdb" })`);
 * see the module notes. Falls back to the grid reader (same options) whenever the DuckDB path does
 * not apply or finds anything the grid reader must judge.
 *
 * @throws {AozoraInputError} exactly as {@link readMonitoringTable} (the grid reader throws it).
 * @throws {RangeError} as {@link readMonitoringTable}, for bad option values.
 */
export async function readMonitoringTableDuckDb(
  src: Source,
  opts: MonitoringReadOptions = {},
): Promise<MonitoringRead & { engine: EngineUsed }> {
  const grid = (reason: string) => {
    const r = readMonitoringTable(src, { ...opts, engine: "js" });
    return { table: r.table, account: r.account, engine: { used: "js" as const, reason } };
  };
  const pre = typedPathRefusal(src, opts);
  if ("refusal" in pre) return grid(pre.refusal);
  let head: Head | string;
  try {
    head = readHead(pre.file, pre.bytes, opts);
  } catch (e) {
    if (e instanceof AozoraInputError) return grid(`an error to report: ${e.message}`);
    throw e;
  }
  if (typeof head === "string") return grid(head);
  const h = head;
  if (opts.time && opts.time.format !== undefined && opts.time.format !== "auto" && opts.time.format !== "iso")
    return grid(`time format ${opts.time.format}`);
  const tl = timeLayout(h.firstTime);
  if (!tl) return grid(`time layout of "${h.firstTime}"`);
  let res: DuckDbColumns;
  const db = await openDuckDb();
  try {
    res = await db.query(duckDbSql(h, tl, opts));
  } catch (e) {
    // a row of another width and the like: the grid reader names the row
    return grid(`DuckDB: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    db.close();
  }
  return orGrid<MonitoringRead & { engine: EngineUsed }>(
    src,
    opts,
    () => {
      const { tj, sj } = h.layout;
      const n = res.numRows;
      const columns: (TypedColumn | undefined)[] = [];
      h.grid.header.forEach((_, j) => {
        if (j === tj || j === sj) return;
        const raw = res.columns[`r${j}`] as (string | null)[];
        const at: number[] = [],
          text: string[] = [];
        for (let i = 0; i < n; i++)
          if (raw[i] !== null) {
            at.push(i);
            text.push(raw[i]!);
          }
        columns[j] = { values: res.columns[`x${j}`] as Float64Array, rawAt: at, rawText: text };
      });
      let starts: Float64Array | undefined;
      const r = assembleTyped(h, opts, {
        n,
        local: res.columns.t as Float64Array,
        offsetCodes: tl.offset ? (res.columns.o as Float64Array) : undefined,
        station: sj >= 0 ? (res.columns[`r${sj}`] as string[]) : undefined,
        columns,
        timeText: (i) => {
          // the cell's text, from the file (only for the rows flagged out of order)
          starts ??= lineStarts(pre.bytes);
          const line = pre.bytes.toString("utf8", starts[i + 1], starts[i + 2]).replace(/\r?\n$/, "");
          return line.split(h.delimiter)[tj];
        },
      });
      return typeof r === "string" ? r : { ...r, engine: { used: "duckdb" as const } };
    },
    grid,
  );
}

/** The one query of the DuckDB path. */
function duckDbSql(h: Head, tl: TimeLayout, opts: MonitoringReadOptions): string {
  const { tj, sj } = h.layout;
  const w = h.grid.header.length;
  const mv = missingCodeValues(missingCodeSet(opts.missingCodes ?? DEFAULT_MISSING_CODES));
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
      const missing = mv.length ? ` OR ${x} IN (${mv.map((v) => `${v}::DOUBLE`).join(", ")})` : "";
      select.push(`${x} AS x${j}`);
      select.push(
        `CASE WHEN ${x} IS NULL OR NOT isfinite(${x})${missing} OR NOT regexp_full_match(${c(j)}, ${lit(PLAIN_NUMBER)}) THEN coalesce(${c(j)}, '') END AS r${j}`,
      );
    }
  }
  const columns = h.grid.header.map((_, j) => `${lit(c(j))}: 'VARCHAR'`).join(", ");
  const delim = h.delimiter === "\t" ? "\\t" : h.delimiter;
  return `SELECT ${select.join(", ")} FROM read_csv(${lit(h.file)}, header = false, skip = 1, columns = {${columns}}, delim = ${lit(delim)}, quote = '"', escape = '"', nullstr = '', auto_detect = false, strict_mode = true, null_padding = false)`;
}

/**
 * The byte reader on one chunk of a large file (for `readCsvChunks`): `bytes` holds the file's
 * header line, then complete data lines, the first of them file row `firstRow`. Gives the table
 * and account the grid reader gives for the same lines (rows in the account and in errors are
 * file rows), or why it cannot (a string: the caller reads the chunk by the grid reader, which
 * then reports any error). `kinds` is the column-kind memory shared by the chunks of a file;
 * `format.value` receives the time layout used (detected or given).
 */
export function readTypedChunk(
  file: string,
  bytes: Buffer,
  opts: MonitoringReadOptions,
  firstRow: number,
  kinds: ColumnKindMemory,
  format: { value?: TimeFormat },
): MonitoringRead | string {
  if ((opts.headerRow ?? 1) !== 1) return "header not on row 1";
  if (opts.encoding !== undefined && opts.encoding !== "utf-8") return `encoding ${opts.encoding}`;
  if ((opts.decimal ?? ".") !== "." || opts.thousands !== undefined) return "decimal/thousands option";
  if (opts.time === false) return "no time column";
  const refusal = byteRefusal(bytes);
  if (refusal !== undefined) return refusal;
  return orGrid<MonitoringRead | string>(
    file,
    opts,
    () => {
      const head = readHead(file, bytes, opts);
      if (typeof head === "string") return head;
      const parts = scanBytes(bytes, head, opts);
      return typeof parts === "string"
        ? parts
        : assembleTyped(head, opts, parts, { rowBase: firstRow - 2, kinds, format });
    },
    (reason) => reason,
  );
}
