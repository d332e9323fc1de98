import * as aq from "arquero";
import { formatInstant } from "./time";

/** What a column holds. `time` columns hold UTC instants in ms (Float64Array). */
export type ColumnKind = "number" | "time" | "string";

/** Metadata carried by every column of an {@link AqTable}. */
export interface ColumnInfo {
  /** Column name in the table (species names normalised, e.g. `SO4 2-`). */
  name: string;
  /** The header as written in the source file (or the name, for computed columns). */
  original: string;
  /** Unit, normalised (`µg/m3`); `1` for dimensionless numbers; `""` for text and time columns. */
  unit: string;
  kind: ColumnKind;
}

/** Column data accepted by {@link AqTable.create}. */
export type ColumnData = Float64Array | number[] | string[];

/**
 * aozora's one table type: columnar, typed, backed by an arquero `ColumnTable`, with a unit on
 * every column and, when the data are time series, a time column of UTC instants plus the
 * site's UTC offset (China +480 min, Japan +540 min).
 *
 * Numeric and time columns are `Float64Array`s (missing = NaN); text columns are `string[]`.
 * Tables are immutable: methods return new tables.
 */
export class AqTable {
  /** The arquero table (use it for verbs: filter, groupby, rollup, ...). */
  readonly data: aq.ColumnTable;
  /** Column metadata in column order. */
  readonly columns: readonly ColumnInfo[];
  /** Name of the time column, if any. */
  readonly timeColumn?: string;
  /** The site's offset from UTC, minutes east (+480 China, +540 Japan). */
  readonly utcOffsetMinutes?: number;

  private constructor(data: aq.ColumnTable, columns: ColumnInfo[], timeColumn?: string, utcOffsetMinutes?: number) {
    this.data = data;
    this.columns = Object.freeze(columns.map((c) => Object.freeze({ ...c })));
    this.timeColumn = timeColumn;
    this.utcOffsetMinutes = utcOffsetMinutes;
  }

  /**
   * Build a table from columns and their metadata.
   * @param columns name → values (numbers as Float64Array or number[], text as string[])
   * @param info per-column metadata (unit required for numbers; `original` defaults to the name)
   * @param time the time column (kind `time`, UTC ms) and the site's UTC offset in minutes
   * @throws {RangeError} when a column name is `__proto__`, `constructor` or `prototype`, columns differ in length, a numeric column has no unit, or the time column is missing or not of kind time
   */
  static create(
    columns: Record<string, ColumnData>,
    info: Record<string, { unit?: string; original?: string; kind?: ColumnKind }>,
    time?: { column: string; utcOffsetMinutes: number },
  ): AqTable {
    const names = Object.keys(columns);
    const meta: ColumnInfo[] = [];
    const data: Record<string, Float64Array | string[]> = {};
    let n: number | undefined;
    for (const name of names) {
      if (name === "__proto__" || name === "constructor" || name === "prototype") {
        throw new RangeError(`column name "${name}" is not allowed`);
      }
      const v = columns[name];
      if (n === undefined) n = v.length;
      else if (v.length !== n) throw new RangeError(`column "${name}" has ${v.length} values, expected ${n}`);
      const i = info[name] ?? {};
      const isText = Array.isArray(v) && v.length > 0 && typeof v[0] === "string";
      const kind: ColumnKind = i.kind ?? (time?.column === name ? "time" : isText ? "string" : "number");
      if (kind === "number" && (i.unit === undefined || i.unit === "")) {
        throw new RangeError(`numeric column "${name}" has no unit (use "1" for dimensionless)`);
      }
      data[name] =
        kind === "string" ? (v as string[]) : v instanceof Float64Array ? v : Float64Array.from(v as number[]);
      meta.push({ name, original: i.original ?? name, unit: kind === "number" ? i.unit! : "", kind });
    }
    if (time) {
      const t = meta.find((c) => c.name === time.column);
      if (!t || t.kind !== "time") throw new RangeError(`time column "${time.column}" is missing or not of kind time`);
    }
    return new AqTable(aq.table(data, names), meta, time?.column, time?.utcOffsetMinutes);
  }

  /** Number of rows. */
  get numRows(): number {
    return this.data.numRows();
  }

  /** Column names in order. */
  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  /**
   * Metadata of one column (throws if absent).
   * @throws {RangeError} when the table has no column `name`
   */
  info(name: string): ColumnInfo {
    const c = this.columns.find((x) => x.name === name);
    if (!c) throw new RangeError(`no column "${name}" (have: ${this.names.join(", ")})`);
    return c;
  }

  /** Unit of a column. */
  unit(name: string): string {
    return this.info(name).unit;
  }

  /**
   * Numeric (or time) values of a column as a Float64Array (NaN = missing).
   * @throws {RangeError} when there is no column `name` or it holds text
   */
  numbers(name: string): Float64Array {
    const c = this.info(name);
    if (c.kind === "string") throw new RangeError(`column "${name}" holds text, not numbers`);
    return this.data.column(name) as unknown as Float64Array;
  }

  /**
   * Text values of a text column.
   * @throws {RangeError} when there is no column `name` or it holds numbers
   */
  strings(name: string): string[] {
    const c = this.info(name);
    if (c.kind !== "string") throw new RangeError(`column "${name}" holds numbers, not text`);
    return this.data.column(name) as unknown as string[];
  }

  /**
   * UTC instants (ms) of the time column.
   * @throws {RangeError} when the table has no time column
   */
  times(): Float64Array {
    if (!this.timeColumn) throw new RangeError("this table has no time column");
    return this.numbers(this.timeColumn);
  }

  /** Local ISO 8601 timestamps with the site's offset, e.g. `2025-01-01T08:00:00+08:00`. */
  localTimes(): string[] {
    const off = this.utcOffsetMinutes ?? 0;
    return Array.from(this.times(), (t) => formatInstant(t, off));
  }

  /** A new table with only these columns (metadata kept). */
  select(names: string[]): AqTable {
    const cols: Record<string, ColumnData> = {};
    const info: Record<string, ColumnInfo> = {};
    for (const n of names) {
      const c = this.info(n);
      cols[n] = this.data.column(n) as unknown as ColumnData;
      info[n] = c;
    }
    const keepTime = this.timeColumn && names.includes(this.timeColumn);
    return AqTable.create(
      cols,
      info,
      keepTime ? { column: this.timeColumn!, utcOffsetMinutes: this.utcOffsetMinutes ?? 0 } : undefined,
    );
  }

  /** A new table with the rows whose index is in `rows` (in that order). */
  take(rows: ArrayLike<number>): AqTable {
    const cols: Record<string, ColumnData> = {};
    const info: Record<string, ColumnInfo> = {};
    for (const c of this.columns) {
      const src = this.data.column(c.name) as unknown as ArrayLike<number | string>;
      if (c.kind === "string") cols[c.name] = Array.from(rows, (r) => src[r] as string);
      else cols[c.name] = Float64Array.from(rows, (r) => src[r] as number);
      info[c.name] = c;
    }
    return AqTable.create(
      cols,
      info,
      this.timeColumn ? { column: this.timeColumn, utcOffsetMinutes: this.utcOffsetMinutes ?? 0 } : undefined,
    );
  }

  /** A new table with one column added or replaced. */
  withColumn(name: string, values: ColumnData, meta: { unit?: string; original?: string; kind?: ColumnKind }): AqTable {
    const cols: Record<string, ColumnData> = {};
    const info: Record<string, { unit?: string; original?: string; kind?: ColumnKind }> = {};
    for (const c of this.columns) {
      cols[c.name] = this.data.column(c.name) as unknown as ColumnData;
      info[c.name] = c;
    }
    cols[name] = values;
    info[name] = meta;
    return AqTable.create(
      cols,
      info,
      this.timeColumn ? { column: this.timeColumn, utcOffsetMinutes: this.utcOffsetMinutes ?? 0 } : undefined,
    );
  }

  /** Rows as plain objects (time as local ISO text), e.g. for display or JSON. */
  toObjects(limit = Infinity): Record<string, number | string>[] {
    const n = Math.min(limit, this.numRows);
    const out: Record<string, number | string>[] = [];
    const local = this.timeColumn ? this.localTimes() : [];
    for (let r = 0; r < n; r++) {
      const o: Record<string, number | string> = Object.create(null);
      for (const c of this.columns) {
        o[c.name] =
          c.kind === "time" ? local[r] : (this.data.column(c.name) as unknown as ArrayLike<number | string>)[r];
      }
      out.push(o);
    }
    return out;
  }
}
