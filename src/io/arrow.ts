import { readFileSync, readSync, mkdirSync, writeFileSync, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { dirname } from "node:path";
import * as A from "apache-arrow";
import type { AqTable } from "../table/table";
import { formatOffset } from "../table/time";
import { arrowIpcProblem, ipcFramingProblem } from "./arrowcheck";
import { AozoraInputError, unreadableFile } from "./errors";
import { loadBytes } from "./source";
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
 * Apache Arrow IPC input and output for {@link AqTable} (Arrow columnar format, file and stream
 * variants: https://arrow.apache.org/docs/format/Columnar.html#serialization-and-interprocess-communication-ipc).
 *
 * Numbers are `Float64` (NaN written as null), the time column is `Timestamp(ms)` with the site's
 * offset as its time zone (`+08:00`), text is dictionary-encoded `Utf8`. Units, original headers,
 * kinds, the time column and the offset are stored in the schema metadata (key `aozora`) and as
 * field metadata (`unit`), so a write → read round trip gives the same table. The types are
 * the standard ones other Arrow readers map to tz-aware timestamps, doubles and strings.
 */

function field(name: string, type: A.DataType, meta: Record<string, string>): A.Field {
  return new A.Field(name, type, true, new Map(Object.entries(meta)));
}

/** Arrow schema of a table (with aozora metadata). */
function schemaOf(t: AqTable): A.Schema {
  const tz = formatOffset(t.utcOffsetMinutes ?? 0);
  const fields = t.columns.map((c) =>
    field(
      c.name,
      c.kind === "number"
        ? new A.Float64()
        : c.kind === "time"
          ? new A.TimestampMillisecond(tz)
          : new A.Dictionary(new A.Utf8(), new A.Int32()),
      {
        unit: c.unit,
        original: c.original,
        kind: c.kind,
      },
    ),
  );
  return new A.Schema(fields, new Map([[TABLE_META_KEY, JSON.stringify(tableMeta(t))]]));
}

/** Validity bitmap of a Float64Array (bit clear for NaN) and its null count. */
function validity(v: ArrayLike<number>): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((v.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap, nulls };
}

/** One record batch holding a whole table. */
function batchOf(t: AqTable, schema: A.Schema): A.RecordBatch {
  const n = t.numRows;
  const children = t.columns.map((c, j) => {
    const type = schema.fields[j].type;
    const col = t.data.column(c.name) as unknown as ArrayLike<number> & ArrayLike<string>;
    if (c.kind === "string") return A.vectorFromArray(Array.from(col as ArrayLike<string>), type).data[0];
    const v = col as ArrayLike<number>;
    const { bitmap, nulls } = validity(v);
    if (c.kind === "number") {
      return A.makeData({
        type: type as A.Float64,
        length: n,
        nullCount: nulls,
        nullBitmap: nulls > 0 ? bitmap : undefined,
        data: v instanceof Float64Array ? v : Float64Array.from(v),
      });
    }
    const ms = new BigInt64Array(n);
    for (let i = 0; i < n; i++) ms[i] = Number.isFinite(v[i]) ? BigInt(Math.round(v[i])) : 0n;
    return A.makeData({
      type: type as A.TimestampMillisecond,
      length: n,
      nullCount: nulls,
      nullBitmap: nulls > 0 ? bitmap : undefined,
      data: ms as unknown as Int32Array,
    });
  });
  const struct = A.makeData({ type: new A.Struct(schema.fields), length: n, nullCount: 0, children });
  return new A.RecordBatch(schema, struct);
}

/**
 * Format a table as Arrow IPC bytes: the `file` format (random access, `.arrow`/Feather v2;
 * default) or the `stream` format (`.arrows`).
 */
export function toArrow(t: AqTable, opts: { format?: "file" | "stream" } = {}): Uint8Array {
  const schema = schemaOf(t);
  return A.tableToIPC(new A.Table(schema, [batchOf(t, schema)]), opts.format ?? "file");
}

/** Write a table as an Arrow IPC file (see {@link toArrow}); creates the folder. */
export function writeArrow(t: AqTable, path: string, opts: { format?: "file" | "stream" } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, toArrow(t, opts));
}

const MS_PER_UNIT: Record<number, number> = {
  [A.TimeUnit.SECOND]: 1000,
  [A.TimeUnit.MILLISECOND]: 1,
  [A.TimeUnit.MICROSECOND]: 1e-3,
  [A.TimeUnit.NANOSECOND]: 1e-6,
};

/** Values of a Float64 or Timestamp data chunk as ms/numbers with NaN for nulls, straight from its buffers; undefined for other types. */
function fastNumbers(d: A.Data, t: A.DataType): Float64Array | undefined {
  const isF64 = A.DataType.isFloat(t) && (t as A.Float).precision === A.Precision.DOUBLE;
  const isTs = A.DataType.isTimestamp(t);
  if (!isF64 && !isTs) return undefined;
  const vals = d.values as Float64Array | BigInt64Array;
  if (isTs && !(vals instanceof BigInt64Array)) return undefined;
  const out = new Float64Array(d.length);
  if (isF64) out.set((vals as Float64Array).subarray(0, d.length));
  else {
    const scale = MS_PER_UNIT[(t as A.Timestamp).unit];
    for (let i = 0; i < d.length; i++) out[i] = Number((vals as BigInt64Array)[i]) * scale;
  }
  if (d.nullCount > 0 && d.nullBitmap) {
    const bm = d.nullBitmap,
      off = d.offset;
    for (let i = 0; i < d.length; i++) if (!(bm[(off + i) >> 3] & (1 << ((off + i) & 7)))) out[i] = NaN;
  }
  return out;
}

/** Columns of Arrow record batches as aozora column data (nulls → NaN / ""). */
function rawColumns(file: string, schema: A.Schema, batches: A.RecordBatch[], want?: string[]): RawColumn[] {
  const n = batches.reduce((s, b) => s + b.numRows, 0);
  const out: RawColumn[] = [];
  for (let j = 0; j < schema.fields.length; j++) {
    const f = schema.fields[j];
    if (want && !want.includes(f.name)) continue;
    const t = f.type;
    if (
      A.DataType.isFloat(t) ||
      A.DataType.isInt(t) ||
      A.DataType.isDecimal(t) ||
      A.DataType.isTimestamp(t) ||
      A.DataType.isDate(t)
    ) {
      const isTime = A.DataType.isTimestamp(t) || A.DataType.isDate(t);
      const v = new Float64Array(n);
      let k = 0;
      for (const b of batches) {
        const vec = b.getChildAt(j)!;
        for (const d of vec.data) {
          const fast = fastNumbers(d, t);
          if (fast) {
            v.set(fast, k);
            k += fast.length;
            continue;
          }
          // Arrow JS returns timestamps and dates as epoch milliseconds, whatever the stored unit
          const part = A.makeVector(d);
          for (let i = 0; i < part.length; i++) {
            const x = part.get(i) as number | bigint | Date | null;
            v[k++] = x === null ? NaN : x instanceof Date ? x.getTime() : Number(x);
          }
        }
      }
      out.push({
        name: f.name,
        columnNumber: j + 1,
        values: v,
        kind: isTime ? "time" : "number",
        timeZone: A.DataType.isTimestamp(t) ? ((t as A.Timestamp).timezone ?? undefined) : undefined,
      });
    } else if (
      A.DataType.isUtf8(t) ||
      A.DataType.isLargeUtf8(t) ||
      (A.DataType.isDictionary(t) && A.DataType.isUtf8((t as A.Dictionary).dictionary))
    ) {
      const v: string[] = new Array(n);
      let k = 0;
      for (const b of batches) {
        const vec = b.getChildAt(j)!;
        for (let i = 0; i < vec.length; i++) v[k++] = (vec.get(i) as string | null) ?? "";
      }
      out.push({ name: f.name, columnNumber: j + 1, values: v, kind: "string" });
    } else {
      throw new AozoraInputError({
        file,
        column: f.name,
        expected: "a number, timestamp or text column",
        found: String(t),
      });
    }
  }
  return out;
}

/** Run `f`, turning anything but an AozoraInputError (Arrow JS failing on damaged bytes) into one naming the file. */
function decoding<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof AozoraInputError) throw e;
    throw new AozoraInputError({
      file,
      expected: "an undamaged Arrow IPC file or stream",
      found: String((e as Error)?.message ?? e),
    });
  }
}

function tableFrom(
  file: string,
  schema: A.Schema,
  batches: A.RecordBatch[],
  opts: ColumnarReadOptions,
  meta?: AqTableMeta,
  firstRow = 1,
): AqTable {
  const m = meta ?? parseTableMeta(schema.metadata.get(TABLE_META_KEY), file);
  const raw = decoding(file, () => rawColumns(file, schema, batches, opts.columns));
  return buildTable(file, raw, m, opts, firstRow);
}

/**
 * Read an Arrow IPC file or stream (bytes or a path) into a table. Files written by
 * {@link writeArrow} come back with their units, time column and offset; other files need
 * `units`/`defaultUnit` for numeric columns (see {@link ColumnarReadOptions}).
 *
 * @throws {AozoraInputError} for bytes that are not Arrow IPC or are damaged, unsupported column
 *   types, a numeric column without a unit, a time column without an offset, and the cases
 *   `buildTable` refuses (`__proto__` and other object-internal names, duplicate names, ±Infinity,
 *   null timestamps, offsets beyond ±14 h).
 */
export function readArrow(src: string | { name: string; bytes: Uint8Array }, opts: ColumnarReadOptions = {}): AqTable {
  const file = typeof src === "string" ? src : src.name;
  const { bytes } = loadBytes(src, opts);
  const damaged = arrowIpcProblem(bytes);
  if (damaged !== undefined)
    throw new AozoraInputError({ file, expected: "an undamaged Arrow IPC file or stream", found: damaged });
  let table: A.Table;
  try {
    table = A.tableFromIPC(bytes);
  } catch (e) {
    throw new AozoraInputError({
      file,
      expected: "an Arrow IPC file or stream",
      found: String((e as Error)?.message ?? e),
    });
  }
  if (table.schema.fields.length === 0)
    throw new AozoraInputError({
      file,
      expected: "an Arrow IPC file or stream with at least one column",
      found: "no columns",
    });
  return tableFrom(file, table.schema, table.batches, opts);
}

/**
 * Read an Arrow IPC file or stream from disk one record batch at a time, so tables larger than
 * memory can be filtered or aggregated batch by batch (memory ≈ one batch). Yields one table per
 * record batch, each with the file's units, time column and offset.
 * @throws {AozoraInputError} when the file cannot be read
 */
export async function* readArrowBatches(path: string, opts: ColumnarReadOptions = {}): AsyncGenerator<AqTable> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    throw unreadableFile(path, e);
  }
  try {
    // the framing first (small reads of headers and metadata only): Arrow JS loops on some damaged files
    const size = (await handle.stat()).size;
    const damaged = ipcFramingProblem(size, (pos, len) => {
      const buf = new Uint8Array(Math.max(0, Math.min(len, size - pos)));
      const got = readSync(handle.fd, buf, 0, buf.length, pos);
      return buf.subarray(0, got);
    });
    if (damaged !== undefined)
      throw new AozoraInputError({ file: path, expected: "an undamaged Arrow IPC file or stream", found: damaged });
    let reader: A.RecordBatchReader;
    try {
      reader = await A.RecordBatchReader.from(handle);
      await reader.open();
    } catch (e) {
      throw new AozoraInputError({
        file: path,
        expected: "an Arrow IPC file or stream",
        found: String((e as Error)?.message ?? e),
      });
    }
    const meta = parseTableMeta(reader.schema.metadata.get(TABLE_META_KEY), path);
    const it = reader[Symbol.asyncIterator]();
    let row = 1;
    for (;;) {
      let step: IteratorResult<A.RecordBatch>;
      try {
        step = await it.next();
      } catch (e) {
        throw new AozoraInputError({
          file: path,
          row,
          expected: "an undamaged Arrow IPC record batch",
          found: String((e as Error)?.message ?? e),
        });
      }
      if (step.done) break;
      yield tableFrom(path, reader.schema, [step.value], opts, meta, row);
      row += step.value.numRows;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Write tables (the batches of one large table, all with the same columns) to an Arrow IPC
 * stream file one record batch at a time: memory ≈ one batch. The first batch's units, time
 * column and offset go into the schema metadata.
 * @throws {RangeError} when a batch's columns differ from the first batch's
 */
export async function writeArrowBatches(
  path: string,
  batches: Iterable<AqTable> | AsyncIterable<AqTable>,
): Promise<{ rows: number; batches: number }> {
  mkdirSync(dirname(path), { recursive: true });
  const writer = new A.RecordBatchStreamWriter();
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  writer.toNodeStream().pipe(out);
  let schema: A.Schema | undefined,
    names = "",
    rows = 0,
    count = 0;
  for await (const t of batches) {
    if (!schema) {
      schema = schemaOf(t);
      names = t.names.join("\u0000");
    } else if (t.names.join("\u0000") !== names) {
      throw new RangeError(
        `writeArrowBatches: batch ${count + 1} has columns ${t.names.join(", ")}, the first had ${names.split("\u0000").join(", ")}`,
      );
    }
    writer.write(batchOf(t, schema));
    rows += t.numRows;
    count++;
  }
  writer.finish();
  await done;
  return { rows, batches: count };
}
