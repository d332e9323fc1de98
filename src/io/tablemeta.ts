import type { ReadLimits } from "./source";
import { VERSION } from "../version";
import { AqTable, type ColumnData, type ColumnInfo, type ColumnKind } from "../table/table";
import { parseOffset, type OffsetLike } from "../table/time";
import { normaliseUnit } from "../table/units";
import { AozoraInputError, offsetOption } from "./errors";
import { FORBIDDEN_HEADERS } from "./source";

/**
 * The table metadata that Arrow and Parquet files written by aozora carry (schema key
 * `aozora`, JSON): every column's unit, original header and kind, the time column and the
 * site's UTC offset. With it a table survives a write → read round trip unchanged.
 */
export interface AqTableMeta {
  format: "aozora-table";
  /** Library version that wrote the file. */
  version: string;
  timeColumn?: string;
  utcOffsetMinutes?: number;
  columns: { name: string; unit: string; original: string; kind: ColumnKind }[];
}

/** Metadata key under which {@link AqTableMeta} is stored (Arrow schema metadata, Parquet key/value metadata). */
export const TABLE_META_KEY = "aozora";

/** The metadata of a table, as stored in Arrow/Parquet files. */
export function tableMeta(t: AqTable): AqTableMeta {
  return {
    format: "aozora-table",
    version: VERSION,
    ...(t.timeColumn !== undefined ? { timeColumn: t.timeColumn, utcOffsetMinutes: t.utcOffsetMinutes ?? 0 } : {}),
    columns: t.columns.map((c) => ({ name: c.name, unit: c.unit, original: c.original, kind: c.kind })),
  };
}

/** Parse stored metadata; `undefined` when absent; an error naming the file when malformed. */
export function parseTableMeta(text: string | undefined, file: string): AqTableMeta | undefined {
  if (text === undefined) return undefined;
  let m: AqTableMeta;
  try {
    m = JSON.parse(text) as AqTableMeta;
  } catch {
    throw new AozoraInputError({ file, expected: `JSON table metadata under key "${TABLE_META_KEY}"`, found: text });
  }
  const kinds = ["number", "time", "string"];
  if (
    m === null ||
    typeof m !== "object" ||
    m.format !== "aozora-table" ||
    !Array.isArray(m.columns) ||
    !m.columns.every(
      (c) =>
        c !== null &&
        typeof c === "object" &&
        typeof c.name === "string" &&
        typeof c.unit === "string" &&
        (c.original === undefined || typeof c.original === "string") &&
        kinds.includes(c.kind),
    ) ||
    (m.timeColumn !== undefined && typeof m.timeColumn !== "string")
  ) {
    throw new AozoraInputError({
      file,
      expected: `aozora table metadata (format "aozora-table") under key "${TABLE_META_KEY}"`,
      found: text,
    });
  }
  if (m.utcOffsetMinutes !== undefined) {
    const o = m.utcOffsetMinutes;
    if (typeof o !== "number" || !Number.isInteger(o) || Math.abs(o) > 14 * 60)
      throw new AozoraInputError({
        file,
        column: m.timeColumn,
        expected: "a stored UTC offset of whole minutes within ±14 h (UTC−12:00 to UTC+14:00 are the offsets in use)",
        found: `${String(o)} minutes`,
      });
  }
  return m;
}

/** Options for reading Arrow/Parquet files that were not written by aozora (no stored units). */
export interface ColumnarReadOptions extends ReadLimits {
  /** Units by column name, for files without aozora metadata (they override nothing stored). */
  units?: Record<string, string>;
  /** Unit for numeric columns that have none stored and that `units` does not name. */
  defaultUnit?: string;
  /** The site's UTC offset when the file stores none (a timestamp column's time zone is used otherwise). */
  utcOffset?: OffsetLike;
  /** Columns to read (default all). */
  columns?: string[];
}

/** A column as read from a columnar file, before metadata is applied. */
export interface RawColumn {
  name: string;
  values: ColumnData;
  kind: ColumnKind;
  /** Time zone text of a timestamp column, when the file has one. */
  timeZone?: string;
  /** 1-based position of the column in the file (default: its position in the list). */
  columnNumber?: number;
}

/**
 * Build an {@link AqTable} from raw columns and, when present, the stored metadata. Without
 * metadata: numeric columns take units from `opts.units`/`opts.defaultUnit` (else an error
 * naming the column), a timestamp column becomes the time column, and the offset comes from its
 * time zone (`+08:00`) or `opts.utcOffset`.
 *
 * Nothing is accepted silently: a column name that is a JavaScript object internal
 * (`__proto__`, `constructor`, ...: the same rule as the text readers), two columns of one name,
 * ±Infinity in a number column, a null (missing) timestamp, and an offset beyond ±14 h (stored
 * or as a time zone such as `+15:00`) are errors naming the column and, for values, the 1-based
 * row (`firstRow` is the file row of the first value, for readers that go batch by batch).
 * Nulls in number columns are missing values (NaN), as aozora writes them.
 *
 * @throws {AozoraInputError} for the cases above and for metadata that does not fit the columns.
 */
export function buildTable(
  file: string,
  raw: RawColumn[],
  meta: AqTableMeta | undefined,
  opts: ColumnarReadOptions,
  firstRow = 1,
): AqTable {
  // keyed by column names from the file: no prototype, so no name can reach Object.prototype
  const cols: Record<string, ColumnData> = Object.create(null);
  const info: Record<string, Partial<ColumnInfo>> = Object.create(null);
  const seen = new Map<string, number>();
  raw.forEach((r, k) => {
    const number = r.columnNumber ?? k + 1;
    if (FORBIDDEN_HEADERS.has(r.name))
      throw new AozoraInputError({
        file,
        column: r.name,
        columnNumber: number,
        expected: "a column name that is not a JavaScript object property name",
        found: r.name,
      });
    const before = seen.get(r.name);
    if (before !== undefined)
      throw new AozoraInputError({
        file,
        column: r.name,
        columnNumber: number,
        expected: `a column name not used by another column (column #${before} has it)`,
        found: r.name,
      });
    seen.set(r.name, number);
    if (r.kind === "string") return;
    const v = r.values as ArrayLike<number>;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (r.kind === "number" ? x === Infinity || x === -Infinity : !Number.isFinite(x))
        throw new AozoraInputError({
          file,
          row: firstRow + i,
          column: r.name,
          columnNumber: number,
          expected: r.kind === "number" ? "a finite number or null (missing)" : "a timestamp (not null)",
          found: Number.isNaN(x) ? "null" : String(x),
        });
    }
  });
  const byName = new Map(meta?.columns.map((c) => [c.name, c]));
  let timeColumn = meta?.timeColumn;
  let offset = meta?.utcOffsetMinutes;
  for (const r of raw) {
    const m = byName.get(r.name);
    if (m) {
      if ((m.kind === "string") !== (r.kind === "string")) {
        throw new AozoraInputError({
          file,
          column: r.name,
          expected: `a ${m.kind} column as the stored metadata says`,
          found: `a ${r.kind} column`,
        });
      }
      cols[r.name] = r.values;
      info[r.name] = { unit: m.unit, original: m.original, kind: m.kind };
      continue;
    }
    cols[r.name] = r.values;
    if (r.kind === "number") {
      const u = opts.units?.[r.name] ?? opts.defaultUnit;
      if (u === undefined)
        throw new AozoraInputError({
          file,
          column: r.name,
          expected: `a unit for this numeric column: pass units: { "${r.name}": "..." } or defaultUnit (the file stores none)`,
        });
      info[r.name] = { unit: normaliseUnit(u), kind: "number" };
    } else info[r.name] = { kind: r.kind };
    if (r.kind === "time" && timeColumn === undefined) {
      timeColumn = r.name;
      if (offset === undefined && r.timeZone !== undefined) {
        try {
          offset = parseOffset(r.timeZone);
        } catch {
          // a zone name such as Asia/Shanghai: the option below must give the offset; but an
          // offset text that is out of range (+15:00) is an error, not a zone name
          if (/^(?:UTC|GMT)?\s*[+-]\d/i.test(r.timeZone.trim()))
            throw new AozoraInputError({
              file,
              column: r.name,
              columnNumber: r.columnNumber,
              expected: "a time zone offset within ±14 h (UTC−12:00 to UTC+14:00)",
              found: r.timeZone,
            });
        }
      }
    }
  }
  if (timeColumn !== undefined && !(timeColumn in cols)) timeColumn = undefined; // not among the selected columns
  if (timeColumn !== undefined && offset === undefined) {
    if (opts.utcOffset === undefined)
      throw new AozoraInputError({
        file,
        column: timeColumn,
        expected: "the site's UTC offset as option utcOffset (the file stores none)",
      });
    offset = offsetOption(file, opts.utcOffset, 'a UTC offset option such as "+08:00" (China) or "+09:00" (Japan)');
  }
  try {
    return AqTable.create(
      cols,
      info,
      timeColumn !== undefined ? { column: timeColumn, utcOffsetMinutes: offset ?? 0 } : undefined,
    );
  } catch (e) {
    // the columns and the stored metadata disagree (e.g. the stored time column is not a timestamp)
    throw new AozoraInputError({
      file,
      expected: "columns that fit the stored table metadata",
      found: String((e as Error).message ?? e),
    });
  }
}
