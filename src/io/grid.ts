import * as XLSX from "xlsx";
import { AozoraInputError } from "./errors";
import { decodeText, type TextEncodingName } from "./decode";
import { checkFieldCount, detectDelimiter, parseDelimited, type Delimiter, type DelimitedRecord } from "./delimited";
import { loadBytes, type Source } from "./source";
import { zipProblem } from "./zipcheck";

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
  /** For a workbook: the worksheet read and why (see {@link SheetChoice}). */
  sheet?: SheetChoice;
}

export interface GridOptions {
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
  const { name, bytes } = loadBytes(src);
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

function xlsxGrid(name: string, bytes: Uint8Array, opts: GridOptions): Grid {
  const damaged = zipProblem(bytes);
  if (damaged !== undefined)
    throw new AozoraInputError({
      file: name,
      expected: "a readable .xlsx workbook (an undamaged zip archive)",
      found: damaged,
    });
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: "buffer", cellDates: false, cellText: false, dense: true });
  } catch (e) {
    throw new AozoraInputError({
      file: name,
      expected: "a readable .xlsx workbook",
      found: String((e as Error).message ?? e),
    });
  }
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
  const range = XLSX.utils.decode_range(ref);
  const rowsOut: { row: number; fields: string[]; numeric: boolean[] }[] = [];
  const blank: number[] = [];
  const width = range.e.c + 1;
  // with `dense: true` SheetJS keeps cells in `!data[row][col]`, not under "A1"-style keys
  const denseData = (ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const fields: string[] = new Array(width).fill("");
    const numeric: boolean[] = new Array(width).fill(false);
    let any = false;
    for (let c = 0; c <= range.e.c; c++) {
      const cell = (denseData ? denseData[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })]) as
        XLSX.CellObject | undefined;
      if (!cell || cell.v === undefined || cell.v === null) continue;
      any = true;
      if (cell.t === "n") {
        fields[c] = String(cell.v);
        numeric[c] = true;
      } else if (cell.t === "b") fields[c] = cell.v ? "TRUE" : "FALSE";
      else if (cell.t === "e") fields[c] = String(cell.w ?? "#ERROR");
      else if (cell.t === "d") fields[c] = (cell.v as Date).toISOString();
      else fields[c] = String(cell.v);
    }
    if (any) rowsOut.push({ row: r + 1, fields, numeric });
    else blank.push(r + 1);
  }
  const headerRow = opts.headerRow ?? rowsOut[0]?.row ?? 1;
  const hi = rowsOut.findIndex((r) => r.row === headerRow);
  if (hi < 0)
    throw new AozoraInputError({ file: name, row: headerRow, expected: "a header row", found: "an empty row" });
  let header = rowsOut[hi].fields;
  // trim trailing empty header cells
  let w = header.length;
  while (w > 0 && header[w - 1] === "") w--;
  header = header.slice(0, w);
  const data = rowsOut.slice(hi + 1).map((r) => {
    for (let c = w; c < r.fields.length; c++) {
      if (r.fields[c] !== "")
        throw new AozoraInputError({
          file: name,
          row: r.row,
          columnNumber: c + 1,
          expected: `no value beyond the ${w} header columns`,
          found: r.fields[c],
        });
    }
    return { row: r.row, fields: r.fields.slice(0, w), numeric: r.numeric.slice(0, w) };
  });
  return { file: name, header, headerRow, records: data, blankRows: blank.filter((b) => b > headerRow), sheet };
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
