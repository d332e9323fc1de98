import { AqTable, type ColumnData } from "../table/table";
import { parseTimestamp, detectTimeFormat, type OffsetLike, type TimeFormat } from "../table/time";
import { normaliseUnit } from "../table/units";
import { AccountBuilder, type ReadAccount } from "../io/account";
import { missingCodeSet, parseCell } from "../io/cells";
import { AozoraInputError, offsetOption } from "../io/errors";
import { headerCellError, parseGridTimestamp, readGrid, type Grid, type GridOptions } from "../io/grid";
import { FORBIDDEN_HEADERS, type Source } from "../io/source";

/** Options of {@link readEpaPmf}. */
export interface EpaPmfReadOptions extends Omit<GridOptions, "headerRow" | "sheet"> {
  /**
   * Concentration unit of every species (e.g. `µg/m3`, `ppbC`), or one per species header.
   * EPA PMF files carry no units, so this is required.
   */
  unit: string | Record<string, string>;
  /**
   * The site's UTC offset for the sample dates (EPA AQS data are in local standard time,
   * e.g. `-06:00` for US Central). Required unless `sampleIds` is true.
   */
  utcOffset?: OffsetLike;
  /** Layout of the dates in the first column (default detected; EPA's own files are `mdy`). */
  timeFormat?: TimeFormat;
  /** The first column holds sample identifiers, not dates (no time column). */
  sampleIds?: boolean;
  /** Cell texts read as missing (default `-999`, `-9999`, empty, `NA`, `NaN`). They become NaN. */
  missingCodes?: readonly string[];
  /**
   * Worksheet of an .xlsx file (EPA PMF 5.0 lets the user pick the worksheet of each input
   * file): one name for both files, or one per file. A workbook holding both matrices is given
   * as both sources with `{ concentration: "Conc", uncertainty: "Unc" }`. Default: the first sheet.
   */
  sheet?: string | { concentration?: string; uncertainty?: string };
}

/** A PMF input pair: concentration and uncertainty tables of the same shape, plus dense matrices. */
export interface EpaPmfData {
  /** Concentrations; first column `time` (UTC ms) or `sample` (text), then one column per species. */
  concentration: AqTable;
  /** Uncertainties, same shape, same units. */
  uncertainty: AqTable;
  /** Species headers as written in the files, in order. */
  species: string[];
  /** First-column texts as written (dates or sample ids). */
  samples: string[];
  /** Number of samples (rows) and species (columns). */
  n: number;
  m: number;
  /** Row-major n×m concentration matrix (NaN = missing). */
  x: Float64Array;
  /** Row-major n×m uncertainty matrix (NaN = missing). */
  s: Float64Array;
  /** One account per file (concentration, uncertainty). */
  accounts: { concentration: ReadAccount; uncertainty: ReadAccount };
  /**
   * Warnings about the pair as a whole (the data are returned unchanged), e.g. every species
   * having S/N = 0 (no cell with x > s: an uncertainty matrix larger than every concentration,
   * often swapped files or a wrong sheet).
   */
  warnings: string[];
}

const PMF_MISSING = ["", "-999", "-999.0", "-9999", "-9999.0", "NA", "NaN"];

/**
 * Smallest uncertainty accepted in PMF input: 1e-100 (in the data's unit). PMF minimises
 * Q = Σ ((x − GF)/s)² (Paatero & Tapper 1994; EPA PMF 5.0 User Guide, Norris et al. 2014, Eq. 2-2),
 * so every uncertainty must be a positive number whose weight 1/s² is finite: a subnormal
 * uncertainty such as 1e-320 makes 1/s² = Infinity and Q = NaN. With s ≥ 1e-100, 1/s² ≤ 1e200,
 * and (x/s)² stays finite for any concentration below 1e54 — far beyond any measurement, and far
 * below any real uncertainty, so the floor refuses only values that are not uncertainties.
 */
export const PMF_MIN_UNCERTAINTY = 1e-100;

/**
 * Read EPA PMF 5.0 input: a concentration file and an uncertainty file of the same shape, first
 * column the sample date (or id), one column per species; comma or tab separated; blank
 * lines, and lines of delimiters only (EPA's own example files end with lines of tabs), are
 * blank rows listed in the account's `blankRows`, never samples. Negative concentrations are kept (PMF allows them); an uncertainty
 * must be positive.
 *
 * Reference: Norris, G. et al. (2014) EPA Positive Matrix Factorization (PMF) 5.0 Fundamentals
 * and User Guide, EPA/600/R-14/108, §4 (input files).
 *
 * A workbook holding both matrices is read with `sheet` (one worksheet per matrix). An
 * uncertainty matrix identical to the concentration matrix (the same sheet or file read twice)
 * is refused. When every species has S/N = 0 (EPA PMF 5.0 User Guide §5.3: d_ij = (x_ij −
 * s_ij)/s_ij only where x_ij > s_ij, else 0 — so S/N = 0 for every species means no cell has
 * x > s), the pair is returned with a warning in `warnings`.
 *
 * With `sampleIds`, an empty sample id is an error and a repeated id is kept and flagged in both
 * accounts (`duplicate-sample-id`, naming the row it repeats).
 *
 * @throws {AozoraInputError} if the two files differ in shape, headers or sample dates, a cell
 * is not a number, an uncertainty is below {@link PMF_MIN_UNCERTAINTY} (0, negative, subnormal), a
 * date is unparseable or duplicated, a sample id is empty, a worksheet is not in the workbook, or
 * the uncertainty matrix equals the concentration matrix cell by cell.
 */
export function readEpaPmf(concentration: Source, uncertainty: Source, opts: EpaPmfReadOptions): EpaPmfData {
  const sheetC = typeof opts.sheet === "object" ? opts.sheet.concentration : opts.sheet,
    sheetU = typeof opts.sheet === "object" ? opts.sheet.uncertainty : opts.sheet;
  const gc = readGrid(concentration, { ...opts, sheet: sheetC });
  const gu = readGrid(uncertainty, { ...opts, sheet: sheetU });
  const species = checkHeaders(gc, gu);
  if (gc.records.length !== gu.records.length) {
    // name the file with the extra rows and its first extra row
    const row = Math.min(gc.records.length, gu.records.length);
    const [extra, other] = gc.records.length > gu.records.length ? [gc, gu] : [gu, gc];
    throw new AozoraInputError({
      file: extra.file,
      row: extra.records[row].row,
      expected: `the same number of samples as ${other.file} (${other.records.length})`,
      found: `${extra.records.length} samples`,
    });
  }
  const n = gc.records.length;
  const m = species.length;
  if (n === 0)
    throw new AozoraInputError({ file: gc.file, row: 2, expected: "at least one sample row", found: "no data rows" });
  const samples = gc.records.map((r) => r.fields[0].trim());
  gu.records.forEach((r, i) => {
    if (r.fields[0].trim() !== samples[i]) {
      throw new AozoraInputError({
        file: gu.file,
        row: r.row,
        column: gu.header[0],
        columnNumber: 1,
        expected: `the same sample as row ${gc.records[i].row} of ${gc.file} ("${samples[i]}")`,
        found: r.fields[0],
      });
    }
  });

  const units = species.map((sp) => {
    const u = typeof opts.unit === "string" ? opts.unit : opts.unit[sp];
    if (u === undefined || u.trim() === "")
      throw new AozoraInputError({
        file: gc.file,
        row: 1,
        column: sp,
        expected: "a unit for this species in option unit",
      });
    return normaliseUnit(u);
  });

  const missing = missingCodeSet(opts.missingCodes ?? PMF_MISSING);
  const accC = new AccountBuilder(gc.file);
  const accU = new AccountBuilder(gu.file);
  accC.inputRows = accU.inputRows = n;
  accC.blankRows.push(...gc.blankRows);
  accU.blankRows.push(...gu.blankRows);
  accC.sheet = gc.sheet;
  accU.sheet = gu.sheet;
  const x = fill(gc, m, missing, accC, species, false);
  const s = fill(gu, m, missing, accU, species, true);
  // an uncertainty matrix equal to the concentration matrix is the same data read twice
  let identical = true,
    signal = false;
  for (let k = 0; k < n * m; k++) {
    const same = x[k] === s[k] || (Number.isNaN(x[k]) && Number.isNaN(s[k]));
    if (!same) identical = false;
    if (x[k] > s[k]) signal = true;
  }
  if (identical) {
    const where = (f: string, sh: string | undefined) => (sh === undefined ? f : `${f} [sheet ${sh}]`);
    throw new AozoraInputError({
      file: gu.file,
      row: gu.headerRow,
      expected: `an uncertainty matrix (it equals the concentration matrix of ${where(gc.file, sheetC)} in every cell: the same data read twice; for a workbook holding both matrices pass sheet: { concentration, uncertainty })`,
      found: `the concentration values${sheetU === undefined ? "" : ` in sheet ${sheetU}`}`,
    });
  }
  const warnings: string[] = [];
  if (!signal)
    warnings.push(
      `every species has S/N = 0: no cell of ${gc.file} exceeds its uncertainty in ${gu.file} (EPA PMF 5.0 §5.3); check that the files (or sheets) are not swapped and the uncertainties are in the concentration unit`,
    );

  let first: { name: string; data: ColumnData; kind: "time" | "string" };
  let time: { column: string; utcOffsetMinutes: number } | undefined;
  if (opts.sampleIds) {
    // an empty id names no sample: an error; a repeated id (two analyses of one filter, or a
    // copy-paste) is kept and flagged in both accounts, naming the row it repeats
    const firstRow = new Map<string, number>();
    gc.records.forEach((r, i) => {
      if (samples[i] === "")
        throw new AozoraInputError({
          file: gc.file,
          row: r.row,
          column: gc.header[0],
          columnNumber: 1,
          expected: "a sample id",
          found: "an empty cell",
        });
      const seen = firstRow.get(samples[i]);
      if (seen === undefined) firstRow.set(samples[i], r.row);
      else {
        const note = { reason: "duplicate-sample-id", detail: `sample id "${samples[i]}" is also on row ${seen}` };
        accC.flagged.push({ row: r.row, ...note });
        accU.flagged.push({ row: gu.records[i].row, ...note });
      }
    });
    first = { name: "sample", data: samples, kind: "string" };
  } else {
    const t = parseDates(gc, opts);
    first = { name: "time", data: t.utcMs, kind: "time" };
    time = { column: "time", utcOffsetMinutes: t.offset };
  }
  const toTable = (mat: Float64Array) => {
    const cols: Record<string, ColumnData> = { [first.name]: first.data };
    const info: Record<string, { unit?: string; original?: string; kind?: "number" | "time" | "string" }> = {
      [first.name]: { original: gc.header[0], kind: first.kind },
    };
    species.forEach((sp, j) => {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = mat[i * m + j];
      cols[sp] = v;
      info[sp] = { original: sp, unit: units[j], kind: "number" };
    });
    return AqTable.create(cols, info, time);
  };
  return {
    concentration: toTable(x),
    uncertainty: toTable(s),
    species,
    samples,
    n,
    m,
    x,
    s,
    accounts: { concentration: accC.finish(n), uncertainty: accU.finish(n) },
    warnings,
  };
}

function checkHeaders(gc: Grid, gu: Grid): string[] {
  if (gc.header.length < 2)
    throw new AozoraInputError({
      file: gc.file,
      row: gc.headerRow,
      expected: "a sample column and at least one species column",
      found: `${gc.header.length} column(s)`,
    });
  const seen = new Set<string>();
  const species = gc.header.slice(1).map((h, k) => {
    const name = h.trim();
    const j = k + 1;
    if (name === "") throw headerCellError(gc, j, "a species name");
    if (FORBIDDEN_HEADERS.has(name))
      throw headerCellError(gc, j, "a species name that is not a JavaScript object property name");
    if (seen.has(name)) throw headerCellError(gc, j, "a species name not used by another column");
    seen.add(name);
    return name;
  });
  if (gu.header.length !== gc.header.length) {
    throw new AozoraInputError({
      file: gu.file,
      row: gu.headerRow,
      expected: `${gc.header.length} columns, as in ${gc.file}`,
      found: `${gu.header.length} columns`,
    });
  }
  gu.header.forEach((h, j) => {
    if (j > 0 && h.trim() !== gc.header[j].trim()) {
      throw new AozoraInputError({
        file: gu.file,
        row: gu.headerRow,
        column: h,
        columnNumber: j + 1,
        expected: `species "${gc.header[j].trim()}" as in ${gc.file}`,
        found: h,
      });
    }
  });
  return species;
}

function fill(
  g: Grid,
  m: number,
  missing: Set<string>,
  acc: AccountBuilder,
  species: string[],
  isUnc: boolean,
): Float64Array {
  const n = g.records.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const rec = g.records[i];
    for (let j = 0; j < m; j++) {
      const text = rec.fields[j + 1];
      const p = parseCell(text, missing, "missing");
      if (p.kind === "number") {
        if (isUnc && !(p.value >= PMF_MIN_UNCERTAINTY)) {
          throw new AozoraInputError({
            file: g.file,
            row: rec.row,
            column: species[j],
            columnNumber: j + 2,
            expected: `a positive uncertainty of at least ${PMF_MIN_UNCERTAINTY} (PMF weights residuals by 1/s²; 0, negative and subnormal values such as 1e-320 make Q undefined)`,
            found: text,
          });
        }
        out[i * m + j] = p.value;
      } else if (p.kind === "missing") {
        out[i * m + j] = NaN;
        acc.cellChanges.push({ row: rec.row, column: species[j], original: text, value: NaN, reason: "missing-code" });
      } else {
        throw new AozoraInputError({
          file: g.file,
          row: rec.row,
          column: species[j],
          columnNumber: j + 2,
          expected: "a number or a missing-value code (-999, empty)",
          found: text,
        });
      }
    }
  }
  return out;
}

function parseDates(g: Grid, opts: EpaPmfReadOptions): { utcMs: Float64Array; offset: number } {
  if (opts.utcOffset === undefined) {
    throw new AozoraInputError({
      file: g.file,
      column: g.header[0],
      columnNumber: 1,
      expected: 'option utcOffset (the site\'s offset for the sample dates, e.g. "-06:00") or sampleIds: true',
    });
  }
  const offset = offsetOption(g.file, opts.utcOffset, 'a UTC offset such as "+08:00"');
  let fmt = opts.timeFormat;
  if (!fmt || fmt === "auto") {
    const d = detectTimeFormat(g.records.map((r) => r.fields[0]));
    if ("reason" in d) {
      const rec = d.index === undefined ? undefined : g.records[d.index];
      throw new AozoraInputError({
        file: g.file,
        row: rec?.row,
        column: g.header[0],
        columnNumber: 1,
        expected: `sample dates of one layout (${d.reason}), or sampleIds: true`,
        found: rec?.fields[0],
      });
    }
    fmt = d.format;
  }
  const out = new Float64Array(g.records.length);
  const first = new Map<number, number>();
  g.records.forEach((r, i) => {
    const p = parseGridTimestamp(g, r, 0, fmt as Exclude<TimeFormat, "auto">, offset);
    if (!p)
      throw new AozoraInputError({
        file: g.file,
        row: r.row,
        column: g.header[0],
        columnNumber: 1,
        expected: `a sample date in layout "${fmt}"`,
        found: r.fields[0],
      });
    const prev = first.get(p.utcMs);
    if (prev !== undefined)
      throw new AozoraInputError({
        file: g.file,
        row: r.row,
        column: g.header[0],
        columnNumber: 1,
        expected: `a sample date not already used (row ${prev} has the same)`,
        found: r.fields[0],
      });
    first.set(p.utcMs, r.row);
    out[i] = p.utcMs;
  });
  return { utcMs: out, offset };
}
