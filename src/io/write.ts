import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as XLSX from "xlsx";
import type { AqTable } from "../table/table";
import { formatInstant } from "../table/time";

/**
 * Neutralise spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe so Excel/LibreOffice show
 * it as text instead of running it.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
}

/** Header text for a column: `name (unit)` for numbers, the name for time and text columns. */
export function headerFor(name: string, unit: string, kind: string): string {
  return kind === "number" ? `${name} (${unit})` : name;
}

/**
 * Cell values of a table, row by row: time as local ISO 8601 with offset, text protected against
 * formula injection, numbers as numbers (NaN → null). The CSV and xlsx writers share this.
 */
function cellValues(t: AqTable): (string | number | null)[][] {
  const off = t.utcOffsetMinutes ?? 0;
  const rows: (string | number | null)[][] = [];
  const cols = t.columns.map((c) => ({ c, v: t.data.column(c.name) as unknown as ArrayLike<number | string> }));
  for (let r = 0; r < t.numRows; r++) {
    rows.push(
      cols.map(({ c, v }) => {
        const x = v[r];
        if (c.kind === "time") return formatInstant(x as number, off);
        if (c.kind === "string") return neutraliseFormula(String(x));
        return Number.isNaN(x as number) ? null : (x as number);
      }),
    );
  }
  return rows;
}

/** Number or text as CSV cell text: shortest round-trip decimal, `-0` kept, null → empty. */
function csvText(x: string | number | null): string {
  if (x === null) return "";
  if (typeof x === "string") return x;
  return Object.is(x, -0) ? "-0" : String(x); // String(-0) is "0"
}

/**
 * One CSV field (RFC 4180 §2.6–2.7): text containing a double quote, CR, LF or the delimiter is
 * enclosed in double quotes with each `"` doubled; other text is written as it is. The one CSV
 * quoting rule of the library (every CSV writer uses it).
 * @param text the cell text (already formula-neutralised where it comes from data, see {@link neutraliseFormula})
 * @param delimiter the field separator (default `,`)
 */
export function quoteCsvField(text: string, delimiter = ","): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Format a table as CSV text (RFC 4180, UTF-8): header `name (unit)`, times as local ISO 8601
 * with the site's offset (`2025-01-01T08:00:00+08:00`), numbers in shortest round-trip form,
 * missing as empty cells, text cells protected against formula injection. What this writes,
 * {@link readMonitoringTable} reads back to the same values, units, instants and offset.
 */
export function toCsv(t: AqTable, opts: { delimiter?: "," | "\t" } = {}): string {
  const d = opts.delimiter ?? ",";
  const header = t.columns.map((c) => quoteCsvField(neutraliseFormula(headerFor(c.name, c.unit, c.kind)), d));
  const lines = [header.join(d), ...cellValues(t).map((r) => r.map((x) => quoteCsvField(csvText(x), d)).join(d))];
  return lines.join("\r\n") + "\r\n";
}

/** Write a table as CSV (see {@link toCsv}); creates the folder. */
export function writeCsv(t: AqTable, path: string, opts: { delimiter?: "," | "\t"; bom?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  // a BOM makes Excel open UTF-8 (Japanese/Chinese headers) correctly
  writeFileSync(path, (opts.bom ? "\uFEFF" : "") + toCsv(t, opts), "utf8");
}

/**
 * Write a table as .xlsx: one sheet with the header row `name (unit)`, numbers as numeric
 * cells, times as local ISO 8601 text with offset (unambiguous, unlike Excel date serials),
 * text cells protected against formula injection.
 */
export function toXlsx(t: AqTable, opts: { sheet?: string } = {}): Uint8Array {
  const header = t.columns.map((c) => neutraliseFormula(headerFor(c.name, c.unit, c.kind)));
  const aoa: (string | number | null)[][] = [header, ...cellValues(t)];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, opts.sheet ?? "data");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Uint8Array;
}

/** Write a table as .xlsx (see {@link toXlsx}); creates the folder. */
export function writeXlsx(t: AqTable, path: string, opts: { sheet?: string } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, toXlsx(t, opts));
}
