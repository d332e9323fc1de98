/**
 * A small, general DuckDB helper (issue #17): an embedded in-process DuckDB (`@duckdb/node-api`,
 * no server) and one query → its columns as typed arrays. Loaded lazily, so importing the library
 * does not load the native binary.
 *
 * Results are read chunk by chunk (DuckDB's data chunks of up to 2,048 rows, fetched from a
 * streaming result, one chunk ahead so that DuckDB works while JS copies) straight from each vector's memory into growing typed arrays: no JS value per
 * cell is made for numbers and times, so a result of a million rows costs its typed arrays and
 * little else (the earlier `getColumnsJS()` copy made one JS value, a `Date` or a bigint per cell).
 *
 * @module
 */
import type * as DuckDbApi from "@duckdb/node-api";

/** A bound parameter of {@link DuckDb.query}. */
export type DuckDbParam = string | number | boolean | null;

/** An open embedded DuckDB database and one connection to it. */
export interface DuckDb {
  /**
   * Run one SQL statement and return every result column: numeric columns (integers, floats,
   * decimals) as `Float64Array` with `NaN` for SQL NULL (64-bit integers beyond ±2^53 are rounded
   * to the nearest double), timestamps (`TIMESTAMP`, `TIMESTAMP WITH TIME ZONE`, `_S`, `_MS`,
   * `_NS`) as `Float64Array` of UTC milliseconds (floored to the millisecond; `NaN` for NULL,
   * ±Infinity for DuckDB's `infinity`/`-infinity`), booleans as `Uint8Array` (NULL → 0, true → 1),
   * `DATE` as ISO text `YYYY-MM-DD`, and everything else as `(string | null)[]`.
   *
   * The result is read chunk by chunk from a streaming result; each chunk's numbers are copied
   * from DuckDB's vector memory into the output typed arrays.
   *
   * @param sql the statement; `params` bind `$1`, `$2`, … (or `$name`).
   * @throws Error DuckDB's own error (the SQL text is not valid, a file is missing, …).
   */
  query(sql: string, params?: readonly DuckDbParam[]): Promise<DuckDbColumns>;
  /**
   * Run one SQL statement and hand its result to `onBatch` a batch at a time, in result order:
   * each batch holds the columns of `batchRows` rows or more (whole DuckDB chunks of up to 2,048
   * rows; the last batch may be shorter), typed as {@link DuckDb.query} types them. Memory is one
   * batch, whatever the size of the result. A batch's arrays are not reused after `onBatch`
   * returns (the caller may keep them), unless `reuse` is true: then the numeric and boolean
   * arrays of every batch are the same buffers, overwritten by the next batch (no garbage per
   * batch; the caller must copy what it keeps).
   *
   * @param sql the statement; `opts.params` bind `$1`, `$2`, … (or `$name`).
   * @param onBatch called once per batch, in result order.
   * @param opts `params` (bound values), `batchRows` (rows per batch, default 65,536) and `reuse`.
   * @returns the number of result rows
   * @throws Error DuckDB's own error; or the error `onBatch` throws (the result is then abandoned).
   */
  queryBatches(
    sql: string,
    onBatch: (batch: DuckDbColumns) => void,
    opts?: { params?: readonly DuckDbParam[]; batchRows?: number; reuse?: boolean },
  ): Promise<number>;
  /**
   * Run one SQL statement for its effect (`CREATE`, `COPY`, `SET`, `INSERT`, …) and discard any
   * result rows.
   *
   * @throws Error DuckDB's own error.
   */
  run(sql: string, params?: readonly DuckDbParam[]): Promise<void>;
  /** Close the connection and the database (idempotent). */
  close(): void;
}

/** The result of {@link DuckDb.query}: column names in order and one array per column. */
export interface DuckDbColumns {
  /** Column names in result order. */
  names: string[];
  /** DuckDB type name of each column (`DOUBLE`, `BIGINT`, `TIMESTAMP WITH TIME ZONE`, `VARCHAR`, …). */
  types: string[];
  /** One array per column, by name. */
  columns: Record<string, Float64Array | Uint8Array | (string | null)[]>;
  /** Number of rows. */
  numRows: number;
}

type Api = typeof DuckDbApi;
type Bindings = typeof import("@duckdb/node-bindings");

/** How one result column is copied out of a chunk. */
type Kind =
  | "f64"
  | "f32"
  | "i8"
  | "i16"
  | "i32"
  | "i64"
  | "u8"
  | "u16"
  | "u32"
  | "u64"
  | "ts-us"
  | "ts-s"
  | "ts-ms"
  | "ts-ns"
  | "bool"
  | "date"
  | "varchar"
  | "js-number"
  | "js-string";

/** DuckDB type ids ({@link DuckDbApi.DuckDBTypeId}) → copy kind and bytes per item in the vector. */
const KINDS: Record<number, [Kind, number]> = {
  1: ["bool", 1],
  2: ["i8", 1],
  3: ["i16", 2],
  4: ["i32", 4],
  5: ["i64", 8],
  6: ["u8", 1],
  7: ["u16", 2],
  8: ["u32", 4],
  9: ["u64", 8],
  10: ["f32", 4],
  11: ["f64", 8],
  12: ["ts-us", 8], // TIMESTAMP
  13: ["date", 4], // DATE: int32 days since 1970-01-01
  16: ["js-number", 0], // HUGEINT
  17: ["varchar", 16],
  19: ["js-number", 0], // DECIMAL
  20: ["ts-s", 8],
  21: ["ts-ms", 8],
  22: ["ts-ns", 8],
  31: ["ts-us", 8], // TIMESTAMP WITH TIME ZONE: int64 µs since the epoch, UTC
  32: ["js-number", 0], // UHUGEINT
};

const I64_MAX = 0x7fffffffffffffffn;
const TWO53 = 2 ** 53;

/**
 * UTC milliseconds of one int64 timestamp counted in units of `1 / perMs` ms (µs: 1000, ns: 1e6)
 * or of `msPer` ms (s: 1000), floored to the millisecond; DuckDB's `infinity` / `-infinity`
 * (int64 max and its negation) as ±Infinity.
 */
function tsMs(v: bigint, perMs: number, msPer: number): number {
  if (v === I64_MAX) return Infinity;
  if (v === -I64_MAX) return -Infinity;
  const x = Number(v);
  if (Math.abs(x) < TWO53) return perMs === 1 ? x * msPer : Math.floor(x / perMs);
  if (perMs === 1) return x * msPer;
  const q = v / BigInt(perMs);
  return Number(q * BigInt(perMs) > v ? q - 1n : q);
}

/** ISO date text of int32 days since 1970-01-01. */
function isoDate(days: number): string {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}

/** Output column under construction. */
interface OutCol {
  kind: Kind;
  width: number;
  num?: Float64Array;
  bool?: Uint8Array;
  str?: (string | null)[];
}

function grow(c: OutCol, need: number): void {
  if (c.num && c.num.length < need) {
    const b = new Float64Array(Math.max(need, c.num.length * 2));
    b.set(c.num);
    c.num = b;
  } else if (c.bool && c.bool.length < need) {
    const b = new Uint8Array(Math.max(need, c.bool.length * 2));
    b.set(c.bool);
    c.bool = b;
  }
}

/**
 * Copy one chunk's vector into `c` at row `at`. Validity: DuckDB's mask is uint64 words, bit i
 * of the mask (little-endian: byte i >> 3, bit i & 7) set when row i is not NULL; no mask = no NULLs.
 */
function copyVector(
  bindings: Bindings,
  chunk: DuckDbApi.DuckDBDataChunk,
  j: number,
  n: number,
  c: OutCol,
  at: number,
  api: Api,
): void {
  const vec = bindings.data_chunk_get_vector(chunk.chunk, j);
  const validity = bindings.vector_get_validity(vec, Math.ceil(n / 64) * 8) as Uint8Array | null;
  const valid = (i: number) => validity === null || ((validity[i >> 3] >> (i & 7)) & 1) === 1;
  if (c.kind === "varchar") {
    // the vector wrapper (which reads the whole vector) only when a string must be made
    let v: DuckDbApi.DuckDBVarCharVector | undefined;
    const data = bindings.vector_get_data(vec, n * 16);
    const u32 = new Uint32Array(data.buffer, data.byteOffset, n * 4);
    const out = c.str!;
    // a long table repeats the same short (inlined, ≤ 12 bytes) text row after row: reuse the
    // previous row's string when the 16-byte string record is the same
    let prev: string | null = null,
      p0 = -1,
      p1 = 0,
      p2 = 0,
      p3 = 0;
    for (let i = 0; i < n; i++) {
      if (!valid(i)) {
        out[at + i] = null;
        continue;
      }
      const k = i * 4;
      const len = u32[k];
      if (len <= 12 && len === p0 && u32[k + 1] === p1 && u32[k + 2] === p2 && u32[k + 3] === p3) {
        out[at + i] = prev;
        continue;
      }
      const s = (v ??= chunk.getColumnVector(j) as DuckDbApi.DuckDBVarCharVector).getItem(i);
      out[at + i] = s;
      if (len <= 12) {
        prev = s;
        p0 = len;
        p1 = u32[k + 1];
        p2 = u32[k + 2];
        p3 = u32[k + 3];
      } else p0 = -1;
    }
    return;
  }
  if (c.kind === "js-number" || c.kind === "js-string") {
    const vals = chunk.convertColumnValues(j, api.JSDuckDBValueConverter);
    if (c.kind === "js-number") for (let i = 0; i < n; i++) c.num![at + i] = vals[i] === null ? NaN : Number(vals[i]);
    else for (let i = 0; i < n; i++) c.str![at + i] = vals[i] === null ? null : String(vals[i]);
    return;
  }
  const data = bindings.vector_get_data(vec, n * c.width);
  const buf = data.buffer,
    off = data.byteOffset;
  if (c.kind === "bool") {
    const out = c.bool!;
    for (let i = 0; i < n; i++) out[at + i] = valid(i) && data[i] !== 0 ? 1 : 0;
    return;
  }
  if (c.kind === "date") {
    const d = new Int32Array(buf.slice(off, off + n * 4));
    for (let i = 0; i < n; i++) c.str![at + i] = valid(i) ? isoDate(d[i]) : null;
    return;
  }
  const out = c.num!;
  let src: ArrayLike<number> | BigInt64Array | BigUint64Array;
  // typed views need aligned offsets; DuckDB's vector memory is aligned, but copy if it is not
  const view = <T>(Ctor: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }) =>
    off % Ctor.BYTES_PER_ELEMENT === 0 ? new Ctor(buf, off, n) : new Ctor(buf.slice(off, off + n * c.width), 0, n);
  switch (c.kind) {
    case "f64":
      src = view(Float64Array);
      break;
    case "f32":
      src = view(Float32Array);
      break;
    case "i8":
      src = view(Int8Array);
      break;
    case "i16":
      src = view(Int16Array);
      break;
    case "i32":
      src = view(Int32Array);
      break;
    case "u8":
      src = view(Uint8Array);
      break;
    case "u16":
      src = view(Uint16Array);
      break;
    case "u32":
      src = view(Uint32Array);
      break;
    case "u64":
      src = view(BigUint64Array);
      break;
    default:
      src = view(BigInt64Array);
  }
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    const perMs = c.kind === "ts-us" ? 1000 : c.kind === "ts-ns" ? 1e6 : 1;
    const msPer = c.kind === "ts-s" ? 1000 : 1;
    const isTs = c.kind.startsWith("ts-");
    for (let i = 0; i < n; i++) {
      if (!valid(i)) out[at + i] = NaN;
      else out[at + i] = isTs ? tsMs(src[i] as bigint, perMs, msPer) : Number(src[i]);
    }
    return;
  }
  if (src instanceof Float64Array) out.set(src, at);
  else for (let i = 0; i < n; i++) out[at + i] = src[i];
  if (validity !== null) {
    // NULL → NaN: only the mask bytes with a clear bit are looked at bit by bit
    for (let k = 0, nb = (n + 7) >> 3; k < nb; k++) {
      const m = validity[k];
      if (m === 255) continue;
      for (let i = k << 3, e = Math.min(n, i + 8); i < e; i++) if (((m >> (i & 7)) & 1) === 0) out[at + i] = NaN;
    }
  }
}

/**
 * Open an embedded DuckDB database (in memory unless `path` is given).
 *
 * @param path a database file; omit (or `":memory:"`) for an in-memory database.
 * @param options DuckDB configuration settings, e.g. `{ threads: "2", memory_limit: "1GB" }`.
 * @returns the open database; call `close()` when done.
 * @throws Error when `@duckdb/node-api` cannot be loaded or the database cannot be opened.
 */
export async function openDuckDb(path = ":memory:", options: Record<string, string> = {}): Promise<DuckDb> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const api = require("@duckdb/node-api") as Api;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const bindings = require("@duckdb/node-bindings") as Bindings;
  const instance = await api.DuckDBInstance.create(path, options);
  const conn = await instance.connect();
  let open = true;
  /** Stream the result; hand out the columns every `batchRows` rows (and at the end, even when empty). */
  const streamBatches = async (
    sql: string,
    params: readonly DuckDbParam[] | undefined,
    batchRows: number,
    onBatch: (b: DuckDbColumns) => void,
    reuse = false,
  ): Promise<number> => {
    const result = await conn.stream(sql, params ? [...params] : undefined);
    const names = result.columnNames();
    const types = result.columnTypes().map((t) => t.toString());
    const kinds = names.map((_, j) => KINDS[result.columnTypeId(j)] ?? (["js-string", 0] as [Kind, number]));
    const fresh = (cap: number): OutCol[] =>
      kinds.map(([kind, width]) => {
        const c: OutCol = { kind, width };
        if (kind === "bool") c.bool = new Uint8Array(cap);
        else if (kind === "varchar" || kind === "js-string" || kind === "date") c.str = [];
        else c.num = new Float64Array(cap);
        return c;
      });
    const batched = Number.isFinite(batchRows);
    const first = batched ? batchRows + 2048 : 2048;
    let cols = fresh(first);
    let rows = 0,
      total = 0,
      handed = false;
    const hand = () => {
      const columns: DuckDbColumns["columns"] = {};
      names.forEach((name, j) => {
        const c = cols[j];
        columns[name] = c.num
          ? c.num.length === rows
            ? c.num
            : batched
              ? c.num.subarray(0, rows)
              : c.num.slice(0, rows)
          : c.bool
            ? c.bool.slice(0, rows)
            : c.str!;
      });
      onBatch({ names, types, columns, numRows: rows });
      handed = true;
    };
    // one chunk ahead: DuckDB computes the next chunk (on libuv's thread pool) while this one is
    // copied and handed out; a fetch in flight is always awaited before returning or throwing
    let next: Promise<DuckDbApi.DuckDBDataChunk | null> | undefined = result.fetchChunk();
    try {
      for (;;) {
        const chunk = await next;
        next = undefined;
        if (chunk === null) break;
        const n = chunk.rowCount;
        if (n === 0) break;
        next = result.fetchChunk();
        for (let j = 0; j < cols.length; j++) {
          grow(cols[j], rows + n);
          copyVector(bindings, chunk, j, n, cols[j], rows, api);
        }
        rows += n;
        total += n;
        if (rows >= batchRows) {
          hand();
          if (reuse) {
            for (const c of cols) if (c.str) c.str = [];
          } else cols = fresh(first);
          rows = 0;
        }
      }
    } catch (e) {
      if (next) await next.catch(() => null);
      throw e;
    }
    if (rows > 0 || !handed) hand();
    return total;
  };
  return {
    async query(sql, params) {
      let out: DuckDbColumns | undefined;
      await streamBatches(sql, params, Infinity, (b) => (out = b));
      return out!;
    },
    async queryBatches(sql, onBatch, opts = {}) {
      const n = opts.batchRows ?? 65_536;
      if (!(n >= 1)) throw new RangeError(`queryBatches: batchRows must be ≥ 1, got ${n}`);
      return streamBatches(sql, opts.params, n, onBatch, opts.reuse ?? false);
    },
    async run(sql, params) {
      await conn.run(sql, params ? [...params] : undefined);
    },
    close() {
      if (!open) return;
      open = false;
      conn.closeSync();
      instance.closeSync();
    },
  };
}
