/**
 * A small, general DuckDB helper (issue #17): an embedded in-process DuckDB (`@duckdb/node-api`,
 * no server) and one query → its columns as typed arrays. Loaded lazily, so importing the library
 * does not load the native binary.
 *
 * @module
 */

/** An open embedded DuckDB database and one connection to it. */
export interface DuckDb {
  /**
   * Run one SQL statement and return every result column: numeric columns (integers, floats,
   * decimals) as `Float64Array` with `NaN` for SQL NULL, timestamps as `Float64Array` of UTC
   * milliseconds (`NaN` for NULL), booleans as `Uint8Array` (NULL → 0, counted in `nulls`), and
   * everything else as `(string | null)[]`.
   *
   * @param sql the statement; `params` bind `$1`, `$2`, … (or `$name`).
   * @throws Error DuckDB's own error (the SQL text is not valid, a file is missing, …).
   */
  query(sql: string, params?: readonly (string | number | boolean | null)[]): Promise<DuckDbColumns>;
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

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

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
  const api = require("@duckdb/node-api") as typeof import("@duckdb/node-api");
  const instance = await api.DuckDBInstance.create(path, options);
  const conn = await instance.connect();
  let open = true;
  return {
    async query(sql, params) {
      const reader = await conn.runAndReadAll(sql, params ? [...params] : undefined);
      const names = reader.columnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      const raw = reader.getColumnsJS();
      const columns: DuckDbColumns["columns"] = {};
      const numRows = reader.currentRowCount;
      names.forEach((name, j) => {
        const v = (raw[j] ?? []) as unknown[];
        const type = types[j];
        if (NUMERIC.test(type)) {
          const out = new Float64Array(v.length);
          for (let i = 0; i < v.length; i++) out[i] = v[i] === null ? NaN : Number(v[i]);
          columns[name] = out;
        } else if (type.startsWith("TIMESTAMP")) {
          const out = new Float64Array(v.length);
          for (let i = 0; i < v.length; i++) out[i] = v[i] === null ? NaN : (v[i] as Date).getTime();
          columns[name] = out;
        } else if (type === "BOOLEAN") {
          const out = new Uint8Array(v.length);
          for (let i = 0; i < v.length; i++) out[i] = v[i] === true ? 1 : 0;
          columns[name] = out;
        } else {
          columns[name] = v.map((x) => (x === null ? null : String(x)));
        }
      });
      return { names, types, columns, numRows };
    },
    close() {
      if (!open) return;
      open = false;
      conn.closeSync();
      instance.closeSync();
    },
  };
}
