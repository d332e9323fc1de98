import { mkdirSync, statSync } from "node:fs";
import { requireRegularFile } from "./source";
import { dirname } from "node:path";
import type { AqTable } from "../table/table";
import { AozoraInputError, unreadableFile } from "./errors";
import { loadEsm } from "./esm";
import { parquetChunkProblem } from "./parquetcheck";
import {
  buildTable,
  parseTableMeta,
  tableMeta,
  TABLE_META_KEY,
  type AqTableMeta,
  type ColumnarReadOptions,
  type RawColumn,
} from "./tablemeta";

/**
 * Apache Parquet input and output for {@link AqTable}, with hyparquet (reader) and
 * hyparquet-writer (https://github.com/hyparam). Numbers are `DOUBLE` (NaN written as null), the
 * time column `TIMESTAMP_MILLIS` (UTC instants), text `STRING` (UTF-8). Units, original headers,
 * kinds, the time column and the site's offset are stored as file key/value metadata (key
 * `aozora`, JSON), so a write → read round trip gives the same table. Row groups
 * (default 100,000 rows) let {@link readParquetBatches} read tables larger than memory.
 */

// The small parts of the two ES-module packages used here (their types sit behind "exports").
interface KeyValue {
  key: string;
  value?: string;
}
interface SchemaElement {
  name: string;
  type?: string;
  converted_type?: string;
  logical_type?: { type: string; unit?: string; isAdjustedToUTC?: boolean };
  num_children?: number;
}
interface ColumnChunkMeta {
  meta_data?: {
    path_in_schema?: string[];
    num_values: bigint | number;
    total_compressed_size: bigint | number;
    data_page_offset: bigint | number;
    dictionary_page_offset?: bigint | number;
  };
}
interface FileMetaData {
  schema: SchemaElement[];
  num_rows: bigint | number;
  row_groups: { num_rows: bigint | number; columns?: ColumnChunkMeta[] }[];
  key_value_metadata?: KeyValue[];
}
interface AsyncBuffer {
  byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer> | ArrayBuffer;
}
interface Hyparquet {
  parquetMetadataAsync(file: AsyncBuffer): Promise<FileMetaData>;
  parquetRead(o: {
    file: AsyncBuffer;
    metadata?: FileMetaData;
    columns?: string[];
    rowStart?: number;
    rowEnd?: number;
    utf8?: boolean;
    onChunk?: (c: { columnName: string; columnData: ArrayLike<unknown>; rowStart: number; rowEnd: number }) => void;
  }): Promise<void>;
  asyncBufferFromFile(path: string): Promise<AsyncBuffer>;
}
interface ColumnSource {
  name: string;
  data: ArrayLike<unknown>;
  type: "DOUBLE" | "TIMESTAMP" | "STRING";
  nullable?: boolean;
}
interface Writer {
  getBuffer?(): ArrayBuffer;
  finish(): void;
}
interface HyparquetWriter {
  parquetWriteBuffer(o: { columnData: ColumnSource[]; kvMetadata?: KeyValue[]; rowGroupSize?: number }): ArrayBuffer;
  fileWriter(path: string): Writer;
  schemaFromColumnData(o: { columnData: ColumnSource[] }): unknown[];
  ParquetWriter: new (o: { writer: Writer; schema: unknown[]; kvMetadata?: KeyValue[] }) => {
    write(o: { columnData: ColumnSource[]; rowGroupSize?: number }): void;
    finish(): void;
  };
}

const loadReader = () => loadEsm<Hyparquet>("hyparquet");
const loadWriter = () => loadEsm<HyparquetWriter>("hyparquet-writer");

/** Column sources of a table: NaN → null, times as Dates. */
function columnData(t: AqTable): ColumnSource[] {
  return t.columns.map((c) => {
    const v = t.data.column(c.name) as unknown as ArrayLike<number> & ArrayLike<string>;
    const n = t.numRows;
    if (c.kind === "string")
      return { name: c.name, data: Array.from(v as ArrayLike<string>), type: "STRING", nullable: false };
    const out: (number | Date | null)[] = new Array(n);
    if (c.kind === "time") for (let i = 0; i < n; i++) out[i] = Number.isNaN(v[i]) ? null : new Date(v[i] as number);
    else for (let i = 0; i < n; i++) out[i] = Number.isNaN(v[i]) ? null : (v[i] as number);
    return { name: c.name, data: out, type: c.kind === "time" ? "TIMESTAMP" : "DOUBLE", nullable: true };
  });
}

const kv = (t: AqTable): KeyValue[] => [{ key: TABLE_META_KEY, value: JSON.stringify(tableMeta(t)) }];

/** Format a table as Parquet bytes (see the module notes); `rowGroupSize` rows per row group (default 100,000). */
export async function toParquet(t: AqTable, opts: { rowGroupSize?: number } = {}): Promise<Uint8Array> {
  const w = await loadWriter();
  const buf = w.parquetWriteBuffer({
    columnData: columnData(t),
    kvMetadata: kv(t),
    rowGroupSize: opts.rowGroupSize ?? 100000,
  });
  return new Uint8Array(buf);
}

/** Write a table as a Parquet file (see {@link toParquet}); creates the folder. */
export async function writeParquet(t: AqTable, path: string, opts: { rowGroupSize?: number } = {}): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const w = await loadWriter();
  const cd = columnData(t);
  const pw = new w.ParquetWriter({
    writer: w.fileWriter(path),
    schema: w.schemaFromColumnData({ columnData: cd }),
    kvMetadata: kv(t),
  });
  pw.write({ columnData: cd, rowGroupSize: opts.rowGroupSize ?? 100000 });
  pw.finish();
}

/**
 * Write tables (the batches of one large table, same columns) to one Parquet file, one or more
 * row groups per batch: memory ≈ one batch. The first batch's metadata is stored.
 * @throws {RangeError} when there are no batches or a batch's columns differ from the first batch's
 */
export async function writeParquetBatches(
  path: string,
  batches: Iterable<AqTable> | AsyncIterable<AqTable>,
  opts: { rowGroupSize?: number } = {},
): Promise<{ rows: number; batches: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const w = await loadWriter();
  let pw: InstanceType<HyparquetWriter["ParquetWriter"]> | undefined;
  let names = "",
    rows = 0,
    count = 0;
  for await (const t of batches) {
    const cd = columnData(t);
    if (!pw) {
      pw = new w.ParquetWriter({
        writer: w.fileWriter(path),
        schema: w.schemaFromColumnData({ columnData: cd }),
        kvMetadata: kv(t),
      });
      names = t.names.join("\u0000");
    } else if (t.names.join("\u0000") !== names) {
      throw new RangeError(
        `writeParquetBatches: batch ${count + 1} has columns ${t.names.join(", ")}, the first had ${names.split("\u0000").join(", ")}`,
      );
    }
    pw.write({ columnData: cd, rowGroupSize: opts.rowGroupSize ?? Math.max(1, t.numRows) });
    rows += t.numRows;
    count++;
  }
  if (!pw) throw new RangeError("writeParquetBatches: no batches to write");
  pw.finish();
  return { rows, batches: count };
}

async function openFile(
  src: string | { name: string; bytes: Uint8Array },
  hp: Hyparquet,
): Promise<{ file: string; buffer: AsyncBuffer }> {
  if (typeof src !== "string") {
    const b = src.bytes;
    return { file: src.name, buffer: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  }
  try {
    // a FIFO or device (`/dev/zero`) has no size to read pages from: refuse it before hyparquet opens it
    requireRegularFile(statSync(src), src);
    return { file: src, buffer: await hp.asyncBufferFromFile(src) };
  } catch (e) {
    if (e instanceof AozoraInputError) throw e;
    throw unreadableFile(src, e);
  }
}

async function metadataOf(file: string, buffer: AsyncBuffer, hp: Hyparquet): Promise<FileMetaData> {
  try {
    return await hp.parquetMetadataAsync(buffer);
  } catch (e) {
    throw new AozoraInputError({ file, expected: "a Parquet file", found: String((e as Error).message ?? e) });
  }
}

function kindOf(file: string, e: SchemaElement): { kind: "number" | "time" | "string"; scale: number } {
  const lt = e.logical_type;
  if (e.converted_type === "TIMESTAMP_MILLIS" || (lt?.type === "TIMESTAMP" && lt.unit === "MILLIS"))
    return { kind: "time", scale: 1 };
  if (e.converted_type === "TIMESTAMP_MICROS" || (lt?.type === "TIMESTAMP" && lt.unit === "MICROS"))
    return { kind: "time", scale: 1e-3 };
  if (lt?.type === "TIMESTAMP" && lt.unit === "NANOS") return { kind: "time", scale: 1e-6 };
  if (e.converted_type === "UTF8" || lt?.type === "STRING" || e.type === "BYTE_ARRAY")
    return { kind: "string", scale: 1 };
  if (e.type === "DOUBLE" || e.type === "FLOAT" || e.type === "INT32" || e.type === "INT64")
    return { kind: "number", scale: 1 };
  throw new AozoraInputError({
    file,
    column: e.name,
    expected: "a number, timestamp or text column",
    found: String(e.type ?? "a nested column"),
  });
}

/**
 * Check the page headers of every column chunk of the row groups `groups` (see
 * `parquetChunkProblem`): damaged headers are an AozoraInputError before hyparquet decodes them.
 */
async function checkPages(file: string, buffer: AsyncBuffer, md: FileMetaData, groups: number[]): Promise<void> {
  for (const g of groups) {
    const rg = md.row_groups[g];
    for (const c of rg.columns ?? []) {
      const m = c.meta_data;
      if (!m) continue;
      const column = m.path_in_schema?.join(".");
      const dict = m.dictionary_page_offset === undefined ? undefined : Number(m.dictionary_page_offset);
      const data = Number(m.data_page_offset);
      const start = dict !== undefined && dict > 0 && dict < data ? dict : data;
      const size = Number(m.total_compressed_size);
      const rows = Number(rg.num_rows);
      let problem: string | undefined;
      if (!(Number.isSafeInteger(start) && Number.isSafeInteger(size) && start >= 4 && size >= 0))
        problem = `a column chunk at byte ${start} of ${size} bytes`;
      else if (start + size > buffer.byteLength - 8)
        problem = `a column chunk at byte ${start} of ${size} bytes, beyond the file`;
      else if (Number(m.num_values) !== rows)
        problem = `a column chunk of ${m.num_values} values in a row group of ${rows} rows`;
      else {
        const bytes = new Uint8Array(await buffer.slice(start, start + size));
        problem = parquetChunkProblem(bytes, rows, start);
      }
      if (problem !== undefined)
        throw new AozoraInputError({ file, column, expected: "undamaged Parquet pages", found: problem });
    }
  }
}

async function readRows(
  file: string,
  buffer: AsyncBuffer,
  md: FileMetaData,
  hp: Hyparquet,
  rowStart: number,
  rowEnd: number,
  opts: ColumnarReadOptions,
  meta: AqTableMeta | undefined,
): Promise<AqTable> {
  const leaves = md.schema.slice(1);
  if (leaves.some((e) => e.num_children))
    throw new AozoraInputError({ file, expected: "a flat Parquet schema (no nested columns)" });
  const chosen = leaves.filter((e) => !opts.columns || opts.columns.includes(e.name));
  const n = rowEnd - rowStart;
  const raw = new Map<string, RawColumn & { scale: number }>();
  for (const e of chosen) {
    const { kind, scale } = kindOf(file, e);
    if (raw.has(e.name))
      throw new AozoraInputError({
        file,
        column: e.name,
        columnNumber: leaves.indexOf(e) + 1,
        expected: `a column name not used by another column (column #${leaves.findIndex((x) => x.name === e.name) + 1} has it)`,
        found: e.name,
      });
    raw.set(e.name, {
      name: e.name,
      columnNumber: leaves.indexOf(e) + 1,
      kind,
      scale,
      values: kind === "string" ? new Array<string>(n).fill("") : new Float64Array(n).fill(NaN),
      timeZone: kind === "time" ? "UTC" : undefined,
    });
  }
  try {
    await hp.parquetRead({
      file: buffer,
      metadata: md,
      columns: chosen.map((e) => e.name),
      rowStart,
      rowEnd,
      utf8: true,
      onChunk: ({ columnName, columnData, rowStart: r0 }) => {
        const c = raw.get(columnName);
        if (!c) return;
        const out = c.values as unknown as { [k: number]: number | string };
        for (let i = 0; i < columnData.length; i++) {
          const k = r0 - rowStart + i;
          if (k < 0 || k >= n) continue;
          const x = columnData[i];
          if (c.kind === "string") out[k] = x === null || x === undefined ? "" : String(x);
          else out[k] = x === null || x === undefined ? NaN : x instanceof Date ? x.getTime() : Number(x) * c.scale;
        }
      },
    });
  } catch (e) {
    // hyparquet fails with its own errors on damaged pages (unsupported page type, bad lengths)
    if (e instanceof AozoraInputError) throw e;
    throw new AozoraInputError({
      file,
      row: rowStart + 1,
      expected: "undamaged Parquet pages",
      found: String((e as Error)?.message ?? e),
    });
  }
  // A Parquet timestamp is a UTC instant: it carries no site offset, so without aozora metadata
  // the offset must come from the option (the "UTC" zone above is not the site's).
  const cols = [...raw.values()].map(({ scale: _s, ...r }) => (meta ? r : { ...r, timeZone: undefined }));
  return buildTable(file, cols, meta, opts, rowStart + 1);
}

/**
 * Read a Parquet file (path or bytes) into a table. Files written by {@link writeParquet} come
 * back with their units, time column and offset; other files need `units`/`defaultUnit` and, for
 * a timestamp column, `utcOffset`.
 *
 * @throws {AozoraInputError} for bytes that are not Parquet, damaged page headers or pages, nested
 *   or unsupported columns, a numeric column without a unit, a time column without an offset, and
 *   the cases `buildTable` refuses (`__proto__` and other object-internal names, duplicate names,
 *   ±Infinity, null timestamps, offsets beyond ±14 h).
 */
export async function readParquet(
  src: string | { name: string; bytes: Uint8Array },
  opts: ColumnarReadOptions = {},
): Promise<AqTable> {
  const hp = await loadReader();
  const { file, buffer } = await openFile(src, hp);
  const md = await metadataOf(file, buffer, hp);
  const meta = parseTableMeta(md.key_value_metadata?.find((k) => k.key === TABLE_META_KEY)?.value, file);
  await checkPages(
    file,
    buffer,
    md,
    md.row_groups.map((_, g) => g),
  );
  return readRows(file, buffer, md, hp, 0, Number(md.num_rows), opts, meta);
}

/**
 * Read a Parquet file from disk one row group at a time (memory ≈ one row group), for tables
 * larger than memory. Yields one table per row group.
 */
export async function* readParquetBatches(path: string, opts: ColumnarReadOptions = {}): AsyncGenerator<AqTable> {
  const hp = await loadReader();
  const { file, buffer } = await openFile(path, hp);
  const md = await metadataOf(file, buffer, hp);
  const meta = parseTableMeta(md.key_value_metadata?.find((k) => k.key === TABLE_META_KEY)?.value, file);
  let start = 0;
  for (const [g, rg] of md.row_groups.entries()) {
    await checkPages(path, buffer, md, [g]);
    const end = start + Number(rg.num_rows);
    if (end > start) yield await readRows(file, buffer, md, hp, start, end, opts, meta);
    start = end;
  }
}
