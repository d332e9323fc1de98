import { AqTable, type ColumnData } from "../table/table";
import { parseTimestamp, type OffsetLike } from "../table/time";
import { normaliseSpecies } from "../table/species";
import { normaliseUnit, splitHeaderUnit } from "../table/units";
import type { ReadAccount } from "../io/account";
import { missingCodeSet, parseCell } from "../io/cells";
import { AozoraInputError, offsetOption } from "../io/errors";
import { cellError, gridAccount, headerCellError, readGrid, type Grid } from "../io/grid";
import { FORBIDDEN_HEADERS, type Source } from "../io/source";
import type { TextEncodingName } from "../io/decode";

/** Options of {@link readXact}. */
export interface XactReadOptions {
  /** The instrument clock's UTC offset (e.g. `"+08:00"` in Shanghai, `"+09:00"` in Kitakyushu). Required. */
  utcOffset: OffsetLike;
  /**
   * A record is "short" when VOLUME < this fraction of FLOW ACT × SAMPLE TIME of the record, or
   * of the nominal volume (nominal flow × nominal period) (default 0.75).
   */
  shortRecordFraction?: number;
  /**
   * The nominal sampling period, minutes: a record whose SAMPLE TIME is shorter (by more than
   * `sampleTimeToleranceMin`) is short. Default: the most frequent SAMPLE TIME of the ambient
   * records (the instrument's configured period, 60 for an hourly export).
   */
  nominalMinutes?: number;
  /** Slack on SAMPLE TIME, minutes (default 1: a 59-min record is not short, a 58-min one is). */
  sampleTimeToleranceMin?: number;
  /** Nominal flow, L/min, for the nominal volume (default: the median FLOW ACT of the ambient records; 16.7 L/min on a 625i). */
  nominalFlowLpm?: number;
  encoding?: TextEncodingName;
}

/** Meaning of Xact ALARM codes (Cooper Environmental Xact 625i operator manual; verify per firmware). */
export function describeXactAlarm(code: number): string {
  if (code === 0) return "OK";
  if (code >= 100 && code <= 110) return `instrument error ${code}`;
  if (code >= 200 && code <= 203) return `upscale (QA) warning ${code}`;
  return `unknown alarm code ${code}`;
}

/** What {@link readXact} returns. */
export interface XactRead {
  /** Ambient records: `time` (UTC ms, start of sample), instrument/met columns, then per element `El` and `El_unc` (ng/m3). */
  table: AqTable;
  /** Daily QA records (Sample Type 2), same columns; set aside from `table` and listed in the account. */
  qa: AqTable;
  /** Element symbols present in the analysis method, in file order. */
  elements: string[];
  /** Elements whose columns are empty in every record: not in the analysis method (omitted from the tables). */
  notAnalysed: string[];
  /** Per element, the number of ambient records with 0.0 (the instrument's "not detected"; kept as 0). */
  notDetected: Record<string, number>;
  account: ReadAccount;
}

const RE_ELEMENT = /^\s*([A-Z][a-z]?)\s*(\d{1,3})\s*\(\s*ng\/m3\s*\)\s*$/i;
const RE_UNCERT = /^\s*([A-Z][a-z]?)\s+uncert\s*\(\s*ng\/m3\s*\)\s*$/i;
const TEXT_COLUMNS = new Set(["XC VER", "Output Pin 7 (True=ON)"]);
const TIME_COLUMNS = new Set(["TIME", "PUMP START TIME"]);

/**
 * Read a Cooper Xact 625i hourly export: a first header row of element names, a second of
 * column headers (instrument/met columns, then `"<El> <Z> (ng/m3)"`, `"<El> Uncert (ng/m3)"`
 * pairs), then one record per sample. Tolerates the exports' header quirks (`Mg uncert`,
 * leading spaces, `Nb 41(ng/m3)`).
 *
 * Conventions (shared/README; Cooper 625i manual): empty element cells mean "not in the
 * analysis method" (NaN; an element empty everywhere is listed in `notAnalysed`); `0.0` means
 * not detected (kept as 0, counted in `notDetected`); ALARM ≠ 0 rows are kept and flagged;
 * Sample Type 2 rows are daily QA records, set aside into `qa`; short records (restarts) are
 * kept and flagged `short-record`: a record is short when its SAMPLE TIME is shorter than the
 * nominal period (`nominalMinutes`), or its VOLUME is below `shortRecordFraction` of the nominal
 * volume (nominal flow × nominal period) or of its own FLOW ACT × SAMPLE TIME. A 5-minute restart
 * record (SAMPLE TIME 5, VOLUME ≈ 16.7 × 5 L) passes the last test alone, so the first two are
 * needed (shared/README: "short 5-minute records appear after restarts"). A flagged short record
 * is never used as an hourly value by `xactHourly` unless asked (`exclude` without
 * `short-record`).
 *
 * @throws {AozoraInputError} for an unpaired element column, a non-numeric value, an
 * unparseable or duplicated TIME, a file without records.
 * @throws {RangeError} for `nominalMinutes`, `nominalFlowLpm` ≤ 0 or a negative `sampleTimeToleranceMin`.
 */
export function readXact(src: Source, opts: XactReadOptions): XactRead {
  const grid = readGrid(src, { headerRow: 2, encoding: opts.encoding, delimiter: "," });
  const { file, header } = grid;
  const offset = offsetOption(
    file,
    opts.utcOffset,
    'option utcOffset, the instrument clock\'s UTC offset (e.g. "+08:00")',
  );
  if (grid.records.length === 0)
    throw new AozoraInputError({
      file,
      row: grid.headerRow + 1,
      expected: "at least one record below the two header rows",
      found: "none",
    });
  const frac = opts.shortRecordFraction ?? 0.75;
  const acc = gridAccount(grid);

  type Col = { j: number; name: string; original: string; unit: string; kind: "number" | "time" | "string" };
  const cols: Col[] = [];
  const elements: string[] = [];
  const elementCol = new Map<string, number>();
  const uncCol = new Map<string, number>();
  header.forEach((h, j) => {
    const raw = h.trim();
    if (raw === "") {
      if (grid.records.some((r) => r.fields[j].trim() !== ""))
        throw headerCellError(grid, j, "a column header above these values");
      return;
    }
    if (FORBIDDEN_HEADERS.has(raw)) throw headerCellError(grid, j, "an Xact column header");
    let m = RE_ELEMENT.exec(raw);
    if (m) {
      const el = cap(m[1]);
      if (elementCol.has(el)) throw headerCellError(grid, j, `one column for element ${el}`, "a second one");
      elementCol.set(el, j);
      elements.push(el);
      return;
    }
    m = RE_UNCERT.exec(raw);
    if (m) {
      const el = cap(m[1]);
      if (!elementCol.has(el) || elementCol.get(el) !== j - 1) {
        throw headerCellError(grid, j, `the uncertainty column right after the "${el}" concentration column`);
      }
      uncCol.set(el, j);
      return;
    }
    if (/\(\s*ng\/m3\s*\)/i.test(raw))
      throw headerCellError(grid, j, 'an element header "<El> <Z> (ng/m3)" or "<El> Uncert (ng/m3)"');
    const { name, unit } = splitHeaderUnit(raw);
    const kind = TIME_COLUMNS.has(raw) ? "time" : TEXT_COLUMNS.has(raw) ? "string" : "number";
    const nm = raw === "TIME" ? "time" : raw === "PUMP START TIME" ? "pump start" : normaliseSpecies(name);
    cols.push({ j, name: nm, original: raw, unit: kind === "number" ? (unit ?? "1") : "", kind });
  });
  for (const el of elements) {
    if (!uncCol.has(el))
      throw new AozoraInputError({
        file,
        row: 2,
        column: header[elementCol.get(el)!].trim(),
        columnNumber: elementCol.get(el)! + 1,
        expected: `an "${el} Uncert (ng/m3)" column after it`,
      });
  }
  const col = (name: string) => cols.find((c) => c.original === name);
  for (const need of ["TIME", "Sample Type", "ALARM"]) {
    if (!col(need)) throw new AozoraInputError({ file, row: 2, expected: `a "${need}" column`, found: "none" });
  }

  const n = grid.records.length;
  const missing = missingCodeSet([""]);
  const values = new Map<string, ColumnData>();
  const numeric = (j: number, colName: string, name: string): Float64Array => {
    const v = new Float64Array(n);
    grid.records.forEach((r, i) => {
      const p = parseCell(r.fields[j], missing, "missing");
      if (p.kind === "invalid" || p.kind === "below-detection")
        throw new AozoraInputError({
          file,
          row: r.row,
          column: colName,
          columnNumber: j + 1,
          expected: "a number or an empty cell",
          found: r.fields[j],
        });
      v[i] = p.value;
    });
    return v;
  };
  for (const c of cols) {
    if (c.kind === "string")
      values.set(
        c.name,
        grid.records.map((r) => r.fields[c.j].trim()),
      );
    else if (c.kind === "time") values.set(c.name, times(grid, c.j, c.original, offset, c.original === "TIME"));
    else values.set(c.name, numeric(c.j, c.original, c.name));
  }
  const notAnalysed: string[] = [];
  const present: string[] = [];
  const notDetected: Record<string, number> = {};
  const sampleType = values.get(normaliseSpecies("Sample Type")) as Float64Array;
  for (const el of elements) {
    const jc = elementCol.get(el)!,
      ju = uncCol.get(el)!;
    const empty = grid.records.every((r) => r.fields[jc].trim() === "" && r.fields[ju].trim() === "");
    if (empty) {
      notAnalysed.push(el);
      continue;
    }
    present.push(el);
    const c = numeric(jc, header[jc].trim(), el);
    const u = numeric(ju, header[ju].trim(), el + "_unc");
    let nd = 0;
    grid.records.forEach((r, i) => {
      for (const [j, v, nm] of [
        [jc, c, el],
        [ju, u, el + "_unc"],
      ] as const) {
        if (r.fields[j].trim() === "")
          acc.cellChanges.push({
            row: r.row,
            column: nm,
            original: "",
            value: NaN,
            reason: "not-analysed",
            detail: "empty cell in a record where other records have this element",
          });
        else if (j === ju && v[i] < 0) throw cellError(grid, r, j, "a non-negative uncertainty");
      }
      if (c[i] === 0 && sampleType[i] !== 2) nd++;
    });
    notDetected[el] = nd;
    values.set(el, c);
    values.set(el + "_unc", u);
  }

  // row classification
  const alarm = values.get("ALARM") as Float64Array;
  const volume = col("VOLUME (L)") ? (values.get(col("VOLUME (L)")!.name) as Float64Array) : undefined;
  const flow = col("FLOW ACT (lpm)") ? (values.get(col("FLOW ACT (lpm)")!.name) as Float64Array) : undefined;
  const minutes = col("SAMPLE TIME (min)") ? (values.get(col("SAMPLE TIME (min)")!.name) as Float64Array) : undefined;
  const ambientRows: number[] = [];
  const qaRows: number[] = [];
  // nominal period: the most frequent SAMPLE TIME of ambient records (ties: the longest)
  let nominalMin = opts.nominalMinutes;
  if (nominalMin !== undefined && !(nominalMin > 0))
    throw new RangeError(`readXact: nominalMinutes must be > 0, got ${nominalMin}`);
  if (opts.nominalFlowLpm !== undefined && !(opts.nominalFlowLpm > 0))
    throw new RangeError(`readXact: nominalFlowLpm must be > 0, got ${opts.nominalFlowLpm}`);
  const tolMin = opts.sampleTimeToleranceMin ?? 1;
  if (!(tolMin >= 0)) throw new RangeError(`readXact: sampleTimeToleranceMin must be ≥ 0, got ${tolMin}`);
  const ambientIdx = grid.records.map((_, i) => i).filter((i) => sampleType[i] !== 2);
  if (nominalMin === undefined && minutes) {
    const count = new Map<number, number>();
    for (const i of ambientIdx) if (minutes[i] > 0) count.set(minutes[i], (count.get(minutes[i]) ?? 0) + 1);
    let best = -1;
    for (const [m, c] of count)
      if (c > best || (c === best && m > nominalMin!)) {
        best = c;
        nominalMin = m;
      }
  }
  let nominalFlow = opts.nominalFlowLpm;
  if (nominalFlow === undefined && flow) {
    const f = ambientIdx
      .map((i) => flow[i])
      .filter((v) => v > 0)
      .sort((a, b) => a - b);
    if (f.length) nominalFlow = f.length % 2 ? f[f.length >> 1] : 0.5 * (f[f.length / 2 - 1] + f[f.length / 2]);
  }
  const nominalVolume = nominalMin !== undefined && nominalFlow !== undefined ? nominalFlow * nominalMin : undefined;
  grid.records.forEach((r, i) => {
    if (sampleType[i] === 2) {
      qaRows.push(i);
      acc.setAside.push({
        row: r.row,
        reason: "qa-record",
        detail: "Sample Type 2: daily QA/upscale record, not ambient data (returned in `qa`)",
      });
      return;
    }
    if (sampleType[i] !== 1)
      acc.flagged.push({
        row: r.row,
        reason: "sample-type",
        detail: `Sample Type ${r.fields[col("Sample Type")!.j]} (1 = ambient expected)`,
      });
    ambientRows.push(i);
    if (alarm[i] !== 0 && !Number.isNaN(alarm[i]))
      acc.flagged.push({ row: r.row, reason: "alarm", detail: describeXactAlarm(alarm[i]) });
    const why: string[] = [];
    if (minutes && nominalMin !== undefined && minutes[i] < nominalMin - tolMin)
      why.push(`SAMPLE TIME ${minutes[i]} min < nominal period ${nominalMin} min`);
    if (volume && nominalVolume !== undefined && volume[i] < frac * nominalVolume)
      why.push(`volume ${volume[i]} L < ${frac} × nominal ${nominalFlow} L/min × ${nominalMin} min`);
    if (volume && flow && minutes && volume[i] < frac * flow[i] * minutes[i])
      why.push(`volume ${volume[i]} L < ${frac} × ${flow[i]} L/min × ${minutes[i]} min`);
    if (why.length) acc.flagged.push({ row: r.row, reason: "short-record", detail: why.join("; ") });
  });
  const ordered = [...cols.map((c) => c.name), ...present.flatMap((el) => [el, el + "_unc"])];
  const info: Record<string, { unit?: string; original?: string; kind?: "number" | "time" | "string" }> = {};
  for (const c of cols) info[c.name] = { original: c.original, unit: c.unit, kind: c.kind };
  for (const el of present) {
    info[el] = { original: header[elementCol.get(el)!].trim(), unit: normaliseUnit("ng/m3"), kind: "number" };
    info[el + "_unc"] = { original: header[uncCol.get(el)!].trim(), unit: normaliseUnit("ng/m3"), kind: "number" };
  }
  const all: Record<string, ColumnData> = {};
  for (const nm of ordered) all[nm] = values.get(nm)!;
  const full = AqTable.create(all, info, { column: "time", utcOffsetMinutes: offset });
  const table = full.take(ambientRows);
  checkDuplicates(grid, table.times(), ambientRows, file);
  return {
    table,
    qa: full.take(qaRows),
    elements: present,
    notAnalysed,
    notDetected,
    account: acc.finish(ambientRows.length),
  };
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1).toLowerCase();
}

function times(grid: Grid, j: number, name: string, offset: number, required: boolean): Float64Array {
  const out = new Float64Array(grid.records.length);
  grid.records.forEach((r, i) => {
    const text = r.fields[j];
    if (!required && text.trim() === "") {
      out[i] = NaN;
      return;
    }
    const p = parseTimestamp(text, "mdy", offset) ?? parseTimestamp(text, "iso", offset);
    if (!p)
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: name,
        columnNumber: j + 1,
        expected: "a timestamp MM/DD/YYYY HH:mm:ss",
        found: text,
      });
    out[i] = p.utcMs;
  });
  return out;
}

function checkDuplicates(grid: Grid, t: Float64Array, rows: number[], file: string): void {
  const first = new Map<number, number>();
  rows.forEach((ri, k) => {
    const prev = first.get(t[k]);
    const rec = grid.records[ri];
    if (prev !== undefined)
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: "TIME",
        columnNumber: 1,
        expected: `a TIME not already used by an ambient record (row ${prev})`,
        found: rec.fields[0],
      });
    first.set(t[k], rec.row);
  });
}
