import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { ReadAccount } from "../io/account";
import { decodeText } from "../io/decode";
import { checkFieldCount, detectDelimiter, parseDelimited, type Delimiter } from "../io/delimited";
import { AozoraInputError, unreadableFile } from "../io/errors";
import { requireRegularFile } from "../io/source";
import type { Grid } from "../io/grid";
import { gridToTable, timeColumnIndex, type ColumnKindMemory, type MonitoringReadOptions } from "../io/monitoring";
import { periodCalendar } from "../table/aggregate";
import type { AqTable } from "../table/table";
import { detectTimeFormat, type TimeFormat } from "../table/time";
import { readTypedChunk } from "../io/monitoring-typed";
import { assemble, type StationAverageOptions, type StationAverages, type StationPart } from "./average";

/** Options of {@link readCsvChunks}. */
export interface CsvChunkOptions extends Omit<MonitoringReadOptions, "sheet"> {
  /** Bytes read per chunk (default 16 MiB); a chunk ends at the last complete record. */
  chunkBytes?: number;
}

/** One chunk of a CSV file read by {@link readCsvChunks}. */
export interface CsvChunk {
  table: AqTable;
  /** The chunk's account; rows are rows of the whole file. */
  account: ReadAccount;
  /** File row of each table row. */
  rows: Int32Array;
  /**
   * Which reader read the chunk: `bytes` (the byte reader of `readMonitoringTable`, for UTF-8
   * chunks without quotes, blank lines or lone CRs, and no decimal/thousands option) or `grid`
   * (every cell as text first; also for any chunk the byte reader refuses or finds an error in).
   * Both give the same table and account.
   */
  engine: "bytes" | "grid";
}

/** Line breaks in text, counted as {@link parseDelimited} counts rows (CRLF, LF, lone CR). */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * End (exclusive) of the last complete record in `b[0, len)`: just after the last LF that is not
 * inside a quoted field, by the same rules as {@link parseDelimited} (a quote opens a quoted field
 * only at the start of a field; `""` inside quotes is a literal quote). -1 if there is none.
 */
function lastRecordEnd(b: Uint8Array, len: number, delimiter: number): number {
  let inQ = false,
    fieldStart = true,
    last = -1;
  for (let i = 0; i < len; i++) {
    const c = b[i];
    if (inQ) {
      if (c === 34) {
        if (i + 1 >= len) break; // cannot tell a closing quote from a doubled one yet
        if (b[i + 1] === 34) i++;
        else inQ = false;
      }
      continue;
    }
    if (c === 34 && fieldStart) {
      inQ = true;
      fieldStart = false;
    } else if (c === 10) {
      last = i + 1;
      fieldStart = true;
    } else fieldStart = c === delimiter || c === 13;
  }
  return last;
}

/**
 * Read a large monitoring CSV/TSV file (as {@link readMonitoringTable} reads, same options and
 * checks) in chunks of about `chunkBytes`, yielding one table and account per chunk: memory stays
 * about one chunk whatever the file's size. Rows in errors and accounts are rows of the whole file.
 * The time layout is detected on the first chunk and kept for the rest. UTF-16 files and files
 * whose line ends are lone CRs are not supported here (use `readMonitoringTable`).
 *
 * Duplicate timestamps are caught within a chunk; across chunks {@link streamAggregate} catches
 * them (at most one record per station and time step).
 * @throws {AozoraInputError} when the file cannot be read, is UTF-16, has no header row (in the first chunk) or a row that cannot be parsed
 */
export async function* readCsvChunks(path: string, opts: CsvChunkOptions = {}): AsyncGenerator<CsvChunk> {
  const chunkBytes = Math.max(1 << 16, opts.chunkBytes ?? 16 << 20);
  let fh;
  try {
    // O_NONBLOCK: a FIFO is opened without waiting for a writer, then refused below
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadableFile(path, e);
  }
  try {
    try {
      requireRegularFile(await fh.stat(), path);
    } catch (e) {
      if (e instanceof AozoraInputError) throw e;
      throw new AozoraInputError({
        file: path,
        expected: "a readable file",
        found: (e as NodeJS.ErrnoException).code ?? String(e),
      });
    }
    let buf: Uint8Array = new Uint8Array(chunkBytes);
    let have = 0,
      pos = 0,
      eof = false,
      first = true;
    let line = 1; // file row at which the next chunk starts
    let header: string[] | undefined,
      headerRow = opts.headerRow ?? 1,
      delimiter: Delimiter | undefined = opts.delimiter;
    let chunkOpts: MonitoringReadOptions = { ...opts };
    // column kinds decided by earlier chunks: a later chunk cannot turn a numeric column into text
    const kinds: ColumnKindMemory = new Map();
    let headerBytes: Buffer | undefined;
    while (!eof || have > 0) {
      if (!eof && have < buf.length) {
        const { bytesRead } = await fh.read(buf, have, buf.length - have, pos);
        pos += bytesRead;
        have += bytesRead;
        if (bytesRead === 0) eof = true;
        if (!eof && have < buf.length) continue;
      }
      if (first && have >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
        throw new AozoraInputError({
          file: path,
          expected:
            "UTF-8, Shift_JIS or GBK text for chunked reading (UTF-16 is not supported here: use readMonitoringTable)",
        });
      }
      if (delimiter === undefined) {
        // delimiters are ASCII in every supported encoding: look at the complete lines of the
        // first 64 KiB (detectDelimiter compares the header with the lines below it)
        const head = buf.subarray(0, Math.min(have, 65536));
        const lf = eof && head.length === have ? have : head.lastIndexOf(10);
        delimiter = detectDelimiter(new TextDecoder().decode(head.subarray(0, lf < 0 ? head.length : lf)));
      }
      let end = eof ? have : lastRecordEnd(buf, have, delimiter.charCodeAt(0));
      if (end < 0) {
        // no complete record in the buffer: grow it
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf.subarray(0, have));
        buf = bigger;
        continue;
      }
      if (end === 0) break;
      // the byte reader first (header line + this chunk's lines); the grid reader below when it
      // refuses the chunk (and then reports any error)
      if (first) {
        const lf = buf.subarray(0, end).indexOf(10);
        if (lf >= 0) headerBytes = Buffer.from(buf.subarray(0, lf + 1));
      }
      if (headerBytes !== undefined && (first || header !== undefined)) {
        const chunk = Buffer.from(buf.buffer, buf.byteOffset, end);
        const lines = first ? chunk : Buffer.concat([headerBytes, chunk]);
        const format: { value?: TimeFormat } = {};
        const typed = readTypedChunk(path, lines, { ...chunkOpts, delimiter }, first ? 2 : line, kinds, format);
        if (typeof typed !== "string") {
          let nl = 0;
          for (let i = buf.indexOf(10); i >= 0 && i < end; i = buf.indexOf(10, i + 1)) nl++;
          const n = typed.account.inputRows;
          const firstRow = first ? 2 : line;
          if (first) {
            header = parseDelimited(decodeText(headerBytes, path, opts.encoding), path, delimiter).records[0].fields;
            if (
              opts.time !== false &&
              (opts.time?.format === undefined || opts.time.format === "auto") &&
              format.value !== undefined
            ) {
              const j = timeColumnIndex(header, opts.time);
              if (j >= 0) chunkOpts = { ...opts, time: { column: header[j].trim(), format: format.value } };
            }
          }
          line += nl;
          buf.copyWithin(0, end, have);
          have -= end;
          first = false;
          const rows = new Int32Array(n);
          for (let i = 0; i < n; i++) rows[i] = firstRow + i;
          yield { table: typed.table, account: typed.account, rows, engine: "bytes" };
          continue;
        }
      }
      let text: string;
      try {
        text = decodeText(buf.subarray(0, end), path, opts.encoding);
      } catch (e) {
        if (e instanceof AozoraInputError && e.row !== undefined)
          throw new AozoraInputError({ file: path, row: e.row + line - 1, expected: e.expected, found: e.found });
        throw e;
      }
      const { records, blankRows } = parseDelimited(text, path, delimiter);
      for (const r of records) r.row += line - 1;
      const blanks = blankRows.map((b) => b + line - 1);
      let data = records;
      if (header === undefined) {
        const hi = records.findIndex((r) => r.row >= headerRow);
        if (hi < 0 || records[hi].row !== headerRow) {
          if (!eof)
            throw new AozoraInputError({ file: path, row: headerRow, expected: "a header row within the first chunk" });
          throw new AozoraInputError({
            file: path,
            row: headerRow,
            expected: "a header row",
            found: records.length === 0 ? "an empty file" : "a blank line",
          });
        }
        header = records[hi].fields;
        data = records.slice(hi + 1);
        if (
          data.length > 0 &&
          opts.time !== false &&
          (opts.time?.format === undefined || opts.time.format === "auto")
        ) {
          // decide the timestamp layout once, on the first chunk, so later chunks cannot disagree
          const j = timeColumnIndex(header, opts.time);
          if (j >= 0) {
            const d = detectTimeFormat(data.map((r) => r.fields[j]));
            if ("format" in d) chunkOpts = { ...opts, time: { column: header[j].trim(), format: d.format } };
          }
        }
      }
      for (const r of data) checkFieldCount(r, header.length, path, delimiter);
      const grid: Grid = {
        file: path,
        header,
        headerRow,
        records: data.map((r) =>
          r.fields.length === header!.length ? r : { row: r.row, fields: r.fields.slice(0, header!.length) },
        ),
        blankRows: blanks.filter((b) => b > headerRow),
      };
      line += countLines(text);
      buf.copyWithin(0, end, have);
      have -= end;
      first = false;
      if (grid.records.length === 0) continue;
      const { table, account } = gridToTable(grid, chunkOpts, kinds);
      yield { table, account, rows: Int32Array.from(grid.records, (r) => r.row), engine: "grid" };
    }
    if (header === undefined)
      throw new AozoraInputError({ file: path, row: headerRow, expected: "a header row", found: "an empty file" });
  } finally {
    await fh.close();
  }
}

/** Options of {@link streamAggregate}. */
export interface StreamAggregateOptions extends CsvChunkOptions, StationAverageOptions {
  /** Station column (header as in the file); omit for a single-station file. */
  groupBy?: string;
  /** Keep only these stations. */
  stations?: string[];
  /** Keep rows at or after this instant (UTC ms). */
  from?: number;
  /** Keep rows before this instant (UTC ms). */
  to?: number;
  /** Row filter applied to each chunk: true/1 keeps the row. */
  where?: (chunk: AqTable) => ArrayLike<boolean | number>;
  /** Called with each chunk's full account (e.g. to write it to disk); only counts are kept in memory. */
  onChunk?: (account: ReadAccount, chunk: AqTable) => void;
}

/** Counts of what the streaming reader changed, set aside or flagged, over the whole file. */
export interface StreamAccount {
  file: string;
  /** Data rows read (header and blank lines not counted). */
  inputRows: number;
  /** Rows that passed the filters and were aggregated. */
  aggregatedRows: number;
  /** Rows left out by `stations`, `from`/`to` or `where`. */
  filteredOut: number;
  chunks: number;
  /** Chunks read by the byte reader (the others by the grid reader; see {@link CsvChunk.engine}). */
  byteReaderChunks: number;
  blankRows: number;
  /** Changed cells by reason (missing-code, below-detection, ...) and by column. */
  cellChanges: Record<string, number>;
  cellChangesByColumn: Record<string, number>;
  /** Flagged rows by reason (`out-of-order`: earlier than a previous row of the same station, across chunks too). */
  flagged: Record<string, number>;
}

/** Per-station accumulators: sums and counts per (period, column) and filled time slots per period. */
class StationAcc {
  k0 = 0;
  np = 0;
  sums = new Float64Array(0);
  counts = new Uint32Array(0);
  slots = new Uint8Array(0);
  lastTime = -Infinity;
  constructor(
    readonly nc: number,
    readonly slotBytes: number,
  ) {}

  /** Index of period `key`, growing the arrays (both ways) as needed. */
  index(key: number): number {
    if (this.np === 0) {
      this.k0 = key;
      this.grow(0, 64);
    }
    if (key < this.k0) {
      const shift = Math.max(this.k0 - key, 64);
      this.grow(shift, this.capacity() + shift);
      this.k0 -= shift;
    } else if (key - this.k0 >= this.capacity()) this.grow(0, Math.max(2 * this.capacity(), key - this.k0 + 1));
    const p = key - this.k0;
    if (p >= this.np) this.np = p + 1;
    return p;
  }

  private capacity(): number {
    return this.sums.length / this.nc;
  }

  private grow(shift: number, cap: number): void {
    const s = new Float64Array(cap * this.nc),
      c = new Uint32Array(cap * this.nc),
      sl = new Uint8Array(cap * this.slotBytes);
    s.set(this.sums, shift * this.nc);
    c.set(this.counts, shift * this.nc);
    sl.set(this.slots, shift * this.slotBytes);
    this.sums = s;
    this.counts = c;
    this.slots = sl;
    if (shift > 0 && this.np > 0) this.np += shift;
  }
}

/**
 * Filter and average a CSV file of any size to local days or months per station, with a capture
 * threshold, reading it in chunks ({@link readCsvChunks}) so memory is bounded by one chunk plus
 * the accumulators (stations × periods × columns × 12 bytes): a national network's file need not
 * fit in memory. Gives exactly what {@link averageByStation} gives on the same rows in memory
 * (same sums in the same order).
 *
 * Each station may have at most one record per time step (`stepMs`, default 1 h): a second record
 * in the same step is an error naming its row, also across chunks.
 *
 * @example
 * const daily = await streamAggregate("network.csv", { groupBy: "station", period: "day", minCapture: 0.75, utcOffset: "+08:00", station: "station" });
 * @throws {RangeError} when minCapture is outside 0..1
 * @throws {AozoraInputError} when the file has no time column, no data row, lacks a column to average or holds text in it, or repeats a time (per station)
 */
export async function streamAggregate(
  path: string,
  opts: StreamAggregateOptions = {},
): Promise<StationAverages & { account: StreamAccount }> {
  const period = opts.period ?? "day",
    minCapture = opts.minCapture ?? 0.75,
    step = opts.stepMs ?? 3600000;
  if (!(minCapture >= 0 && minCapture <= 1)) throw new RangeError(`minCapture must be in 0..1, got ${minCapture}`);
  const readOpts: CsvChunkOptions = { ...opts, ...(opts.groupBy !== undefined ? { station: opts.groupBy } : {}) };
  const keepStations = opts.stations ? new Set(opts.stations) : undefined;
  const account: StreamAccount = {
    file: path,
    inputRows: 0,
    aggregatedRows: 0,
    filteredOut: 0,
    chunks: 0,
    byteReaderChunks: 0,
    blankRows: 0,
    cellChanges: {},
    cellChangesByColumn: {},
    flagged: {},
  };
  const stations = new Map<string, StationAcc>();
  let names: string[] | undefined, stationName: string | undefined, source: AqTable | undefined;
  let cal: ReturnType<typeof periodCalendar> | undefined;
  let slotsPerPeriod = 0,
    slotBytes = 0;
  for await (const { table, account: acc, rows, engine } of readCsvChunks(path, readOpts)) {
    opts.onChunk?.(acc, table);
    account.chunks++;
    if (engine === "bytes") account.byteReaderChunks++;
    account.inputRows += acc.inputRows;
    account.blankRows += acc.blankRows.length;
    for (const c of acc.cellChanges) {
      account.cellChanges[c.reason] = (account.cellChanges[c.reason] ?? 0) + 1;
      account.cellChangesByColumn[c.column] = (account.cellChangesByColumn[c.column] ?? 0) + 1;
    }
    for (const f of acc.flagged)
      if (f.reason !== "out-of-order") account.flagged[f.reason] = (account.flagged[f.reason] ?? 0) + 1;
    if (!table.timeColumn)
      throw new AozoraInputError({ file: path, expected: "a time column (streamAggregate averages time series)" });
    if (names === undefined) {
      source = table;
      stationName =
        opts.groupBy !== undefined
          ? table.columns.find((c) => c.original.trim() === opts.groupBy || c.name === opts.groupBy)?.name
          : undefined;
      names = opts.columns ?? table.columns.filter((c) => c.kind === "number").map((c) => c.name);
      cal = periodCalendar(period, table.utcOffsetMinutes ?? 0);
      slotsPerPeriod = Math.ceil((period === "day" ? 86400000 : 31 * 86400000) / step);
      slotBytes = (slotsPerPeriod + 7) >> 3;
    }
    for (const nm of names) {
      const c = table.columns.find((x) => x.name === nm);
      if (!c)
        throw new AozoraInputError({
          file: path,
          column: nm,
          expected: `a column "${nm}" to average (have: ${table.names.join(", ")})`,
        });
      if (c.kind !== "number") {
        throw new AozoraInputError({
          file: path,
          column: c.original,
          expected: `numbers in this column (rows ${rows[0]}–${rows[rows.length - 1]} hold only text in it)`,
        });
      }
    }
    const times = table.times();
    const cols = names.map((n) => table.numbers(n));
    const st = stationName !== undefined ? table.strings(stationName) : undefined;
    const mask = opts.where?.(table);
    const tcol = table.info(table.timeColumn).original;
    let cur: StationAcc | undefined, curName: string | undefined;
    for (let i = 0; i < times.length; i++) {
      const sname = st ? st[i] : "";
      if (sname !== curName) {
        curName = sname;
        cur = stations.get(sname);
        if (!cur) stations.set(sname, (cur = new StationAcc(names.length, slotBytes)));
      }
      const a = cur!;
      const t = times[i];
      if (t < a.lastTime) account.flagged["out-of-order"] = (account.flagged["out-of-order"] ?? 0) + 1;
      else a.lastTime = t;
      if (
        (keepStations && !keepStations.has(sname)) ||
        (opts.from !== undefined && t < opts.from) ||
        (opts.to !== undefined && t >= opts.to) ||
        (mask && !mask[i])
      ) {
        account.filteredOut++;
        continue;
      }
      const key = cal!.keyOf(t);
      const p = a.index(key);
      const slot = Math.floor((t - cal!.startOf(key)) / step);
      const byte = p * slotBytes + (slot >> 3),
        bit = 1 << (slot & 7);
      if (a.slots[byte] & bit) {
        throw new AozoraInputError({
          file: path,
          row: rows[i],
          column: tcol,
          expected: `at most one record per ${stationName !== undefined ? "station and " : ""}time step (${step / 60000} min): an earlier row${stationName !== undefined ? ` of station "${sname}"` : ""} is in the same step`,
        });
      }
      a.slots[byte] |= bit;
      account.aggregatedRows++;
      const base = p * names.length;
      for (let j = 0; j < cols.length; j++) {
        const v = cols[j][i];
        if (v === v) {
          // finite: readers never produce ±Infinity
          a.sums[base + j] += v;
          a.counts[base + j]++;
        }
      }
    }
  }
  if (names === undefined || source === undefined || cal === undefined)
    throw new AozoraInputError({ file: path, expected: "at least one data row below the header", found: "none" });
  const parts: StationPart[] = [];
  for (const [station, a] of stations) {
    // periods from the station's first to last record, as averageSeries does
    let lo = -1,
      hi = -1;
    for (let p = 0; p < a.np; p++) {
      let any = false;
      for (let b = 0; b < slotBytes && !any; b++) any = a.slots[p * slotBytes + b] !== 0;
      if (any) {
        if (lo < 0) lo = p;
        hi = p;
      }
    }
    if (lo < 0) continue; // every row of this station was filtered out
    const np = hi - lo + 1;
    const times = new Float64Array(np),
      possible = new Float64Array(np);
    for (let p = 0; p < np; p++) {
      times[p] = cal.startOf(a.k0 + lo + p);
      possible[p] = cal.possible(a.k0 + lo + p, step);
    }
    const means: Record<string, Float64Array> = {},
      counts: Record<string, Float64Array> = {},
      capture: Record<string, Float64Array> = {};
    names.forEach((nm, j) => {
      const s = new Float64Array(np),
        c = new Float64Array(np);
      for (let p = 0; p < np; p++) {
        s[p] = a.sums[(lo + p) * names!.length + j];
        c[p] = a.counts[(lo + p) * names!.length + j];
      }
      const cap = Float64Array.from(c, (x, p) => x / possible[p]);
      means[nm] = Float64Array.from(s, (x, p) => (c[p] > 0 && cap[p] >= minCapture ? x / c[p] : NaN));
      counts[nm] = c;
      capture[nm] = cap;
    });
    parts.push({ station, times, possible, means, counts, capture });
  }
  const res = assemble(source, names, stationName, parts, period, minCapture);
  return { ...res, account };
}
