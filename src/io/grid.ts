import type * as XLSX from "xlsx";
import { AccountBuilder } from "./account";
import { AozoraInputError } from "./errors";
import { parseTimestamp, type ParsedTime, type TimeFormat } from "../table/time";
import { decodeText, type TextEncodingName } from "./decode";
import { checkFieldCount, detectDelimiter, parseDelimited, type Delimiter, type DelimitedRecord } from "./delimited";
import { loadBytes, type ReadLimits, type Source } from "./source";
import { storedZip, unzipChecked, type ZipLimits } from "./zipcheck";

/** A rectangular grid of cell texts with file row numbers: the common form of CSV, TSV and xlsx input. */
export interface Grid {
  file: string;
  /** Header row cells. */
  header: string[];
  /** 1-based file row of the header. */
  headerRow: number;
  /** Data records after the header. `numeric[j]` is true for xlsx cells stored as numbers. */
  records: { row: number; fields: string[]; numeric?: boolean[] }[];
  /** 1-based rows that were blank. */
  blankRows: number[];
  /**
   * True for a workbook in the 1904 date system (`<workbookPr date1904="1"/>` in the workbook
   * part, ECMA-376 Part 4 "Dates and Times"; older Mac Excel): its numeric date cells are days since 1904-01-01, i.e.
   * {@link EXCEL_1904_OFFSET_DAYS} less than the same instant's 1900-system serial.
   */
  date1904?: boolean;
  /** For a workbook: the worksheet read and why (see {@link SheetChoice}). */
  sheet?: SheetChoice;
}

export interface GridOptions extends ReadLimits, ZipLimits {
  /** Text encoding of CSV/TSV files (default utf-8; BOM removed). */
  encoding?: TextEncodingName;
  /** Field separator; detected from the header line by default. */
  delimiter?: Delimiter;
  /** 1-based row holding the header (rows above it are a preamble and are not data). Default 1. */
  headerRow?: number;
  /** Worksheet name for .xlsx (default: the first visible sheet; hidden sheets are skipped and listed in the account). */
  sheet?: string;
}

/** The worksheet a workbook reader read: its name, all sheet names in order, and the hidden sheets skipped before it. */
export interface SheetChoice {
  /** The worksheet read. */
  name: string;
  /** Every worksheet of the workbook, in workbook order. */
  sheets: string[];
  /** Hidden worksheets before it that were not read (empty when the first sheet is visible or `sheet` was given). */
  hiddenSkipped: string[];
}

/** True if bytes start like a zip archive (.xlsx). */
function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** Read a CSV/TSV or .xlsx source into a {@link Grid}. */
export function readGrid(src: Source, opts: GridOptions = {}): Grid {
  const { name, bytes } = loadBytes(src, opts);
  if (/\.xlsx$/i.test(name) && !isZip(bytes)) {
    // SheetJS would read such bytes as CSV/HTML text by its own rules; refuse instead
    throw new AozoraInputError({
      file: name,
      expected: "a readable .xlsx workbook (a zip archive); for text, name the file .csv or .tsv",
      found: "bytes that are not a zip archive",
    });
  }
  if (isZip(bytes)) return xlsxGrid(name, bytes, opts);
  const text = decodeText(bytes, name, opts.encoding);
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const { records, blankRows } = parseDelimited(text, name, delimiter);
  const headerRow = opts.headerRow ?? 1;
  const hi = records.findIndex((r) => r.row >= headerRow);
  if (hi < 0 || records[hi].row !== headerRow) {
    throw new AozoraInputError({
      file: name,
      row: headerRow,
      expected: "a header row",
      found: records.length === 0 ? "an empty file" : "a blank line",
    });
  }
  const header = records[hi].fields;
  // A line of delimiters only (EPA PMF 5.0's own example files end with lines of tabs) is a blank
  // row, reported in blankRows like an empty line, never a record of empty cells.
  const data: DelimitedRecord[] = [];
  for (const r of records.slice(hi + 1)) {
    if (r.fields.every((f) => f.trim() === "")) blankRows.push(r.row);
    else data.push(r);
  }
  blankRows.sort((a, b) => a - b);
  for (const r of data) checkFieldCount(r, header.length, name, delimiter);
  return {
    file: name,
    header,
    headerRow,
    records: data.map((r) =>
      r.fields.length === header.length ? r : { row: r.row, fields: r.fields.slice(0, header.length) },
    ),
    blankRows: blankRows.filter((b) => b > headerRow),
  };
}

/**
 * Blank out the `<dimension ref="…"/>` element of worksheet XML (ECMA-376 Part 1, §18.3.1.35:
 * "the used range of the worksheet", which a writer may declare as `A1:XFD1048576` for a sheet of
 * two rows): the range is then what the cells span. The element is replaced by spaces of the same
 * length, so the XML stays well-formed and nothing else moves; it must come before `<sheetData>`
 * (§18.3.1.99, CT_Worksheet sequence), so only the bytes before it are searched.
 */
function dropDimension(xml: Uint8Array): Uint8Array {
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.length);
  const sd = buf.indexOf("sheetData");
  const headEnd = sd < 0 ? Math.min(buf.length, 1 << 16) : sd;
  const head = buf.toString("latin1", 0, headEnd);
  const m = /<(\w+:)?dimension\b[^>]*?(\/>|>\s*<\/(\w+:)?dimension\s*>)/.exec(head);
  if (!m) return xml;
  const out = Uint8Array.from(xml);
  out.fill(0x20, m.index, m.index + m[0].length);
  return out;
}

/** Excel serial days between the 1900 and 1904 date systems (1900-01-00 to 1904-01-01): 1,462. */
export const EXCEL_1904_OFFSET_DAYS = 1462;

/** SheetJS, loaded on the first workbook: requiring it costs ~0.12 s of CPU that readers of CSV files need not pay. */
let sheetjs: typeof XLSX | undefined;
function xlsxLib(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sheetjs ??= require("xlsx") as typeof XLSX);
}

/** Open a checked workbook (zip limits, rebuilt archive, no `<dimension>`) with SheetJS. */
function openWorkbook(name: string, bytes: Uint8Array, opts: ZipLimits): XLSX.WorkBook {
  const unzipped = unzipChecked(bytes, opts);
  if ("problem" in unzipped)
    throw new AozoraInputError({
      file: name,
      expected: unzipped.tooLarge ?? "a readable .xlsx workbook (an undamaged zip archive)",
      found: unzipped.problem,
    });
  // SheetJS reads a plain stored archive rebuilt from the checked entries: never the original
  // structure (ZIP64, damage), and worksheets without their declared <dimension>
  const rebuilt = storedZip(
    unzipped.entries.map((x) =>
      /^xl\/worksheets\/[^/]+\.xml$/i.test(x.name) ? { name: x.name, data: dropDimension(x.data) } : x,
    ),
  );
  try {
    // nodim: SheetJS ignores any <dimension> left and takes the range from the cells
    return xlsxLib().read(rebuilt, {
      type: "buffer",
      cellDates: false,
      cellText: false,
      dense: true,
      nodim: true,
    } as XLSX.ParsingOptions);
  } catch (e) {
    throw new AozoraInputError({
      file: name,
      expected: "a readable .xlsx workbook",
      found: String((e as Error).message ?? e),
    });
  }
}

type SparseRow = { row: number; cells: { c: number; text: string; numeric: boolean }[] };

/** The non-empty rows of a worksheet (1-based rows, 0-based columns), cell values as text. */
function sparseRows(ws: XLSX.WorkSheet): SparseRow[] {
  // with `dense: true` SheetJS keeps cells in `!data[row][col]`; only the rows and cells that
  // exist are visited (forEach skips holes), never the whole declared range
  const denseData = (ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"] ?? [];
  const rowsOut: SparseRow[] = [];
  denseData.forEach((cellsOfRow, r) => {
    if (!cellsOfRow) return;
    const cells: SparseRow["cells"] = [];
    cellsOfRow.forEach((cell, c) => {
      if (!cell || cell.v === undefined || cell.v === null) return;
      let text: string;
      if (cell.t === "n") text = String(cell.v);
      else if (cell.t === "b") text = cell.v ? "TRUE" : "FALSE";
      else if (cell.t === "e") text = String(cell.w ?? "#ERROR");
      else if (cell.t === "d") text = (cell.v as Date).toISOString();
      else text = String(cell.v);
      cells.push({ c, text, numeric: cell.t === "n" });
    });
    if (cells.length > 0) rowsOut.push({ row: r + 1, cells });
  });
  return rowsOut;
}

/** One worksheet as ragged rows: see {@link readWorkbookRows}. */
export interface SheetRows {
  /** Worksheet name. */
  name: string;
  /** True for a hidden or very hidden worksheet. */
  hidden: boolean;
  /** Rows holding at least one cell: 1-based row, cell texts from column A to the row's last cell. */
  rows: DelimitedRecord[];
}

/**
 * Every worksheet of an .xlsx workbook as ragged rows of cell texts (no header, no rectangle):
 * for workbooks that hold several titled blocks per sheet (EPA PMF 5.0 result workbooks). The
 * same checked opening as {@link readGrid} (zip limits, rebuilt archive); numeric cells are
 * their shortest round-trip text.
 *
 * @throws {AozoraInputError} when the bytes are not a readable workbook or exceed the limits
 */
export function readWorkbookRows(
  src: Source,
  opts: ReadLimits & ZipLimits = {},
): { file: string; sheets: SheetRows[] } {
  const { name, bytes } = loadBytes(src, opts);
  if (!isZip(bytes))
    throw new AozoraInputError({
      file: name,
      expected: "a readable .xlsx workbook (a zip archive)",
      found: "not a zip archive",
    });
  const wb = openWorkbook(name, bytes, opts);
  const sheets = wb.SheetNames.map((sn, i) => {
    const ws = wb.Sheets[sn];
    const rows = (ws ? sparseRows(ws) : []).map((r) => {
      const w = r.cells.reduce((a, x) => Math.max(a, x.c + 1), 0);
      const fields: string[] = new Array(w).fill("");
      for (const x of r.cells) fields[x.c] = x.text;
      return { row: r.row, fields };
    });
    return { name: sn, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0, rows };
  });
  return { file: name, sheets };
}

/** True if bytes start like a zip archive (.xlsx); exported for readers that take text or workbooks. */
export function isZipBytes(b: Uint8Array): boolean {
  return isZip(b);
}

function xlsxGrid(name: string, bytes: Uint8Array, opts: GridOptions): Grid {
  const wb = openWorkbook(name, bytes, opts);
  // Excel's sheet state (ECMA-376 Part 1, §18.3.1.94 `sheet`, attribute `state`: visible,
  // hidden, veryHidden); SheetJS gives it as `Hidden` 0/1/2. A user opening the workbook sees the
  // first visible sheet, so that is the default, never a hidden scratch sheet before it.
  const hidden = (i: number) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
  let sheetName: string;
  const hiddenSkipped: string[] = [];
  if (opts.sheet !== undefined) sheetName = opts.sheet;
  else {
    const first = wb.SheetNames.findIndex((_, i) => !hidden(i));
    if (first < 0)
      throw new AozoraInputError({
        file: name,
        expected: `a visible worksheet, or option sheet naming a hidden one (hidden: ${wb.SheetNames.join(", ")})`,
        found: "only hidden worksheets",
      });
    hiddenSkipped.push(...wb.SheetNames.slice(0, first));
    sheetName = wb.SheetNames[first];
  }
  const sheet: SheetChoice = { name: sheetName, sheets: [...wb.SheetNames], hiddenSkipped };
  const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, sheetName) ? wb.Sheets[sheetName] : undefined;
  if (!ws)
    throw new AozoraInputError({
      file: name,
      expected: `a worksheet named "${sheetName}" (have: ${wb.SheetNames.join(", ")})`,
    });
  const ref = ws["!ref"];
  if (!ref) throw new AozoraInputError({ file: name, row: 1, expected: "a header row", found: "an empty worksheet" });
  const rowsOut = sparseRows(ws);
  const headerRow = opts.headerRow ?? rowsOut[0]?.row ?? 1;
  const hi = rowsOut.findIndex((r) => r.row === headerRow);
  if (hi < 0)
    throw new AozoraInputError({ file: name, row: headerRow, expected: "a header row", found: "an empty row" });
  // the header's width: up to its last non-empty cell
  let w = 0;
  for (const x of rowsOut[hi].cells) if (x.text !== "" && x.c + 1 > w) w = x.c + 1;
  const header: string[] = new Array(w).fill("");
  for (const x of rowsOut[hi].cells) if (x.c < w) header[x.c] = x.text;
  const data = rowsOut.slice(hi + 1).map((r) => {
    const fields: string[] = new Array(w).fill("");
    const numeric: boolean[] = new Array(w).fill(false);
    for (const x of r.cells) {
      if (x.c >= w) {
        if (x.text === "") continue;
        throw new AozoraInputError({
          file: name,
          row: r.row,
          columnNumber: x.c + 1,
          expected: `no value beyond the ${w} header columns`,
          found: x.text,
        });
      }
      fields[x.c] = x.text;
      numeric[x.c] = x.numeric;
    }
    return { row: r.row, fields, numeric };
  });
  // blank rows: the rows between the header and the last row with a cell that hold none
  const blankRows: number[] = [];
  for (let k = hi; k + 1 < rowsOut.length; k++)
    for (let r = rowsOut[k].row + 1; r < rowsOut[k + 1].row; r++) blankRows.push(r);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  return { file: name, header, headerRow, records: data, blankRows, sheet, ...(date1904 ? { date1904 } : {}) };
}

/**
 * The error for one bad header cell of a grid: file, the header row, the header text (trimmed;
 * none for an empty cell) and 1-based column number, what was expected and what was found (the
 * header text unless `found` is given; "an empty header cell" for an empty one).
 */
export function headerCellError(
  grid: Pick<Grid, "file" | "header" | "headerRow">,
  j: number,
  expected: string,
  found?: string,
): AozoraInputError {
  const name = grid.header[j].trim();
  return new AozoraInputError({
    file: grid.file,
    row: grid.headerRow,
    ...(name === "" ? {} : { column: name }),
    columnNumber: j + 1,
    expected,
    found: found ?? (name === "" ? "an empty header cell" : name),
  });
}

/**
 * The error for one bad cell of a grid: file, 1-based file row, the column's header (trimmed) and
 * 1-based number, what was expected and what was found (the cell's text unless `found` is given), the
 * error format of every reader ({@link AozoraInputError}).
 */
export function cellError(
  grid: Pick<Grid, "file" | "header">,
  r: { row: number; fields: string[] },
  j: number,
  expected: string,
  found: string = r.fields[j],
): AozoraInputError {
  return new AozoraInputError({
    file: grid.file,
    row: r.row,
    column: grid.header[j].trim(),
    columnNumber: j + 1,
    expected,
    found,
  });
}

/**
 * Start the account of a reader that reads every record of `grid` (the one place this set-up is
 * written): the file name, the grid's blank rows, its worksheet (for a workbook) and
 * `inputRows` = the number of data records. Rows the reader then sets aside or flags go into the
 * returned builder, so `finish(kept)` checks `inputRows === kept + setAside` against the file.
 */
export function gridAccount(grid: Grid): AccountBuilder {
  const acc = new AccountBuilder(grid.file);
  acc.inputRows = grid.records.length;
  acc.blankRows.push(...grid.blankRows);
  acc.sheet = grid.sheet;
  return acc;
}

/** Throw an {@link AozoraInputError} (file, the row below the header) when the grid has no data rows. */
export function requireDataRows(grid: Grid): void {
  if (grid.records.length === 0) {
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow + 1,
      expected: "at least one data row below the header",
      found: "none",
    });
  }
}

/**
 * Parse the timestamp in cell `j` of a grid record ({@link parseTimestamp}). A numeric xlsx cell
 * read as an Excel serial in a 1904-system workbook ({@link Grid.date1904}) is moved forward by
 * {@link EXCEL_1904_OFFSET_DAYS} days. ECMA-376 Part 4 (transitional), "Date Representation":
 * "In the 1900 date base system, the lower limit is January 1, 1900, which has serial value 1"
 * (and 1900 is treated as a leap year), "In the 1904 date base system, the lower limit is January
 * 1, 1904, which has serial value 0"; 1904-01-01 is 1900 serial 1 + 366 + 365 + 365 + 365 = 1,462.
 *
 * @returns the instant, or `null` when the text does not fit `format` (as parseTimestamp).
 */
export function parseGridTimestamp(
  grid: Grid,
  rec: Grid["records"][number],
  j: number,
  format: Exclude<TimeFormat, "auto">,
  offsetMinutes: number | undefined,
): ParsedTime | null {
  const p = parseTimestamp(rec.fields[j], format, offsetMinutes);
  if (p && format === "excel" && grid.date1904 === true && rec.numeric?.[j] === true)
    return { ...p, utcMs: p.utcMs + EXCEL_1904_OFFSET_DAYS * 86400000 };
  return p;
}
