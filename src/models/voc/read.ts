import { STP_298, type ReferenceState } from "../../table/gas";
import { formatInstant } from "../../table/time";
import { findHeader } from "../../table/header";
import { splitHeaderUnit } from "../../table/units";
import { ppbToVoc, vocToPpb, vocUnit, type VocUnit } from "./convert";
import { matchVocName, type MatchedBy, type NameAliases } from "./names";
import { getCoElutingPair, requireVocSpecies } from "./registry";
import type { VocColumnInput } from "./reactivity";
import type { ReadAccount } from "../../io/account";
import { DEFAULT_MISSING_CODES, missingCodeSet, parseCell, type BelowDetectionPolicy } from "../../io/cells";
import { AozoraInputError } from "../../io/errors";
import { gridAccount, readGrid, type Grid, type GridOptions } from "../../io/grid";
import { gridToTable, parseTimeColumn } from "../../io/monitoring";
import type { OffsetLike, TimeFormat } from "../../table/time";
import { parseOffset } from "../../table/time";
import type { Source } from "../../io/source";
import type { AqTable } from "../../table/table";

/** Options of {@link readVocTable}. */
export interface VocReadOptions extends GridOptions {
  /** The site's UTC offset (`"+08:00"`, `"CN"`, minutes); required when timestamps carry none. */
  utcOffset?: OffsetLike;
  /** Time column header and layout (default: detected); `false` for none. */
  time?: { column?: string; format?: TimeFormat } | false;
  /** Unit of VOC columns whose header carries none (`ppb`, `µg/m3`, `ppbC`, `ppt`, `ppm`). */
  units?: string;
  /**
   * Columns of different units in one file: `error` (default) or `convert` every VOC column to
   * `targetUnit` at `referenceState` (each conversion is listed in `conversions`).
   */
  mixedUnits?: "error" | "convert";
  /** Unit to convert to when `mixedUnits` is `convert` (default `ppb`). */
  targetUnit?: VocUnit;
  /** Reference state for conversions between ppb and µg/m3 (default 298.15 K, 101.325 kPa). */
  referenceState?: ReferenceState;
  /** Negative concentrations: `error` (default), or set to `missing`/`zero` (each listed in the account as flagged rows). */
  negative?: "error" | "missing" | "zero";
  /** Missing-value codes (default the library's list). */
  missingCodes?: readonly string[];
  /** What `<DL` cells become (default `half-limit`). */
  belowDetection?: BelowDetectionPolicy;
  /** Extra header → species id names. */
  aliases?: NameAliases;
  /** Unknown species columns: `report` (default: listed in `unmatched`) or `error`. */
  unknown?: "report" | "error";
}

/** A matched VOC column. */
export interface VocReadColumn extends VocColumnInput {
  columnNumber?: number;
  by: MatchedBy;
  /** The unit as written in the file (before any conversion). */
  fileUnit: VocUnit;
}

/** A column (or, in long layout, a species name) that is not a registry species. */
export interface VocUnmatched {
  header: string;
  columnNumber?: number;
  reason: "unknown species" | "text column";
  /** Closest registry id, if any. */
  suggestion?: string;
  /** Long layout: the file rows carrying this name. */
  rows?: number[];
}

/** What {@link readVocTable} returns. */
export interface VocRead {
  file: string;
  layout: "wide" | "long";
  /** Sample instants (UTC ms) when the file has a time column. */
  times?: Float64Array;
  utcOffsetMinutes?: number;
  /** One label per sample: local ISO time, the sample id, or `#row`. */
  samples: string[];
  columns: VocReadColumn[];
  unmatched: VocUnmatched[];
  /** Whole-column unit conversions done because of `mixedUnits: "convert"`. */
  conversions: { header: string; from: VocUnit; to: VocUnit }[];
  /** Long layout: sample × species combinations absent from the file (NaN in the result). */
  absentCells: { sample: string; column: string }[];
  account: ReadAccount;
}

const LONG_SPECIES = /^(species|compound|compound name|voc|vocs|name|物种|物種|化合物|化合物名|成分|物質名|物质)$/i;
const LONG_VALUE = /^(value|concentration|conc|conc\.|result|浓度|濃度|測定値|测定值|数值)$/i;
const LONG_UNIT = /^(unit|units|单位|單位|単位)$/i;
const SAMPLE_ID =
  /^(sample|sample id|sample_id|sampleid|canister|canister id|样品|样品编号|樣品編號|サンプル|試料|試料番号)$/i;

/**
 * Read a VOC table: wide (one row per sample, a time or sample-id column and one column per
 * species, units in the headers such as `乙烷(ppb)` or given as `units`) or long (columns
 * time/sample, species, value and optionally unit). Species are matched by name, synonym,
 * Japanese/Chinese name or CAS number (`matchVocName`); unknown species are listed in
 * `unmatched` (or rejected with `unknown: "error"`), never dropped silently. Co-eluting pairs
 * (`m/p-xylene`) are returned as pair columns; the calculation decides to keep or split them.
 *
 * @throws {AozoraInputError} naming file, row and column for: a VOC column without a unit, an
 * unsupported unit, mixed units (unless `mixedUnits: "convert"`), two columns of the same
 * species, a negative value (unless `negative` says otherwise), a non-numeric cell, a bad time.
 */
export function readVocTable(src: Source, opts: VocReadOptions = {}): VocRead {
  const grid = readGrid(src, opts);
  const names = grid.header.map((h) => splitHeaderUnit(h).name.trim());
  const si = names.findIndex((h) => LONG_SPECIES.test(h));
  const vi = names.findIndex((h) => LONG_VALUE.test(h));
  if (si >= 0 && vi >= 0) return readLong(grid, si, vi, opts);
  return readWide(grid, opts);
}

function readWide(grid: Grid, opts: VocReadOptions): VocRead {
  const { file } = grid;
  // decide per header: VOC (species or pair) or not, before parsing, so non-VOC numeric columns need no unit
  const matches = grid.header.map((h) => matchVocName(splitHeaderUnit(h).name, opts.aliases));
  const unitsFor: Record<string, string> = {};
  grid.header.forEach((h, j) => {
    if (matches[j].kind === "unknown" && splitHeaderUnit(h).unit === undefined) unitsFor[h.trim()] = "1";
  });
  const sampleIdCol = findHeader(grid.header, SAMPLE_ID);
  const { table, account } = gridToTable(grid, {
    utcOffset: opts.utcOffset,
    time: opts.time,
    units: unitsFor,
    defaultUnit: opts.units,
    missingCodes: opts.missingCodes,
    belowDetection: opts.belowDetection,
    textColumns: sampleIdCol >= 0 ? [grid.header[sampleIdCol].trim()] : undefined,
    normaliseNames: false,
  });
  const times = table.timeColumn ? table.times() : undefined;
  const off = table.utcOffsetMinutes;
  const headerIndex = new Map(grid.header.map((h, j) => [h.trim(), j]));
  const colOf = (j: number) => table.columns.find((c) => c.original.trim() === grid.header[j].trim())!;
  const samples = times
    ? Array.from(times, (t) => formatInstant(t, off ?? 0))
    : sampleIdCol >= 0
      ? table.strings(colOf(sampleIdCol).name)
      : grid.records.map((r) => `#${r.row}`);
  const columns: VocReadColumn[] = [];
  const unmatched: VocUnmatched[] = [];
  const acc = { flagged: account.flagged };
  table.columns.forEach((c) => {
    const j = headerIndex.get(c.original.trim())!;
    if (c.kind === "time" || j === sampleIdCol) return;
    const m = matches[j];
    const header = grid.header[j].trim();
    if (m.kind === "unknown") {
      if (opts.unknown === "error")
        throw new AozoraInputError({
          file,
          row: grid.headerRow,
          column: header,
          columnNumber: j + 1,
          expected: `a VOC species name, synonym or CAS number known to the registry${m.suggestion ? ` (did you mean "${m.suggestion}"?)` : ""}`,
          found: header,
        });
      unmatched.push({
        header,
        columnNumber: j + 1,
        reason: c.kind === "string" ? "text column" : "unknown species",
        suggestion: m.suggestion,
      });
      return;
    }
    if (c.kind === "string") {
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        column: header,
        columnNumber: j + 1,
        expected: `numbers in the column of ${m.id}`,
        found: "only text",
      });
    }
    const u = vocUnit(c.unit);
    if (!u)
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        column: header,
        columnNumber: j + 1,
        expected: "a VOC unit: ppb, ppt, ppm, ppbC or µg/m3",
        found: c.unit,
      });
    const values = Float64Array.from(table.numbers(c.name));
    checkNegative(
      values,
      grid.records.map((r) => r.row),
      header,
      j + 1,
      file,
      opts.negative ?? "error",
      acc.flagged,
    );
    columns.push(wideColumn(header, j, m, u, values));
  });
  const conversions = checkColumns(columns, grid, opts);
  return {
    file,
    layout: "wide",
    times,
    utcOffsetMinutes: off,
    samples,
    columns,
    unmatched,
    conversions,
    absentCells: [],
    account,
  };
}

function readLong(grid: Grid, si: number, vi: number, opts: VocReadOptions): VocRead {
  const { file } = grid;
  const names = grid.header.map((h) => splitHeaderUnit(h).name.trim());
  const ui = names.findIndex((h) => LONG_UNIT.test(h));
  const valueUnit = splitHeaderUnit(grid.header[vi]).unit;
  const sampleIdCol = names.findIndex((h) => SAMPLE_ID.test(h));
  let tj = -1;
  if (opts.time !== false) {
    const want = opts.time?.column;
    tj =
      want !== undefined
        ? names.indexOf(want)
        : names.findIndex((h) =>
            /^(date|time|datetime|date ?time|timestamp|日時|日付|時刻|采样时间|时间|日期|時間)$/i.test(h),
          );
    if (want !== undefined && tj < 0)
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        expected: `a time column "${want}"`,
        found: grid.header.join(", "),
      });
  }
  if (tj < 0 && sampleIdCol < 0)
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected:
        "a time column or a sample column in a long-format VOC table (columns: time/sample, species, value[, unit])",
      found: grid.header.join(", "),
    });
  const acc = gridAccount(grid);
  const offset = opts.utcOffset === undefined ? undefined : parseOffset(opts.utcOffset);
  // time per row (duplicates are legitimate in long layout: one row per species)
  let rowTimes: Float64Array | undefined;
  let siteOffset = offset;
  if (tj >= 0) {
    rowTimes = new Float64Array(grid.records.length);
    // parse per distinct timestamp text through the shared parser (which rejects duplicates)
    const distinct = [...new Set(grid.records.map((r) => r.fields[tj].trim()))];
    const firstRec = distinct.map((t) => grid.records.find((r) => r.fields[tj].trim() === t)!);
    const sub: Grid = { ...grid, records: firstRec };
    const { utcMs, textOffsets } = parseTimeColumn(sub, tj, opts.time ? opts.time.format : undefined, offset);
    if (siteOffset === undefined) {
      const offs = [...textOffsets];
      siteOffset = offs.length === 1 && offs[0] !== undefined ? offs[0] : 0;
    }
    const map = new Map(distinct.map((t, k) => [t, utcMs[k]]));
    grid.records.forEach((r, i) => (rowTimes![i] = map.get(r.fields[tj].trim())!));
  }
  const missing = missingCodeSet(opts.missingCodes ?? DEFAULT_MISSING_CODES);
  const policy = opts.belowDetection ?? "half-limit";
  const sampleKeys: string[] = [];
  const sampleIndex = new Map<string, number>();
  const sampleTimes: number[] = [];
  type Col = {
    header: string;
    match: { kind: "species" | "pair"; id: string };
    by: MatchedBy;
    unit?: VocUnit;
    cells: Map<number, number>;
    rows: Map<number, number>;
  };
  const cols = new Map<string, Col>();
  const unknown = new Map<string, VocUnmatched>();
  grid.records.forEach((rec, i) => {
    const key = tj >= 0 ? String(rowTimes![i]) : rec.fields[sampleIdCol].trim();
    let s = sampleIndex.get(key);
    if (s === undefined) {
      s = sampleKeys.length;
      sampleIndex.set(key, s);
      sampleKeys.push(tj >= 0 ? formatInstant(rowTimes![i], siteOffset ?? 0) : key);
      if (tj >= 0) sampleTimes.push(rowTimes![i]);
    }
    const name = rec.fields[si].trim();
    const m = matchVocName(name, opts.aliases);
    if (m.kind === "unknown") {
      if (opts.unknown === "error")
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: grid.header[si].trim(),
          columnNumber: si + 1,
          expected: `a VOC species name, synonym or CAS number known to the registry${m.suggestion ? ` (did you mean "${m.suggestion}"?)` : ""}`,
          found: name,
        });
      const u = unknown.get(name) ?? { header: name, reason: "unknown species", suggestion: m.suggestion, rows: [] };
      u.rows!.push(rec.row);
      unknown.set(name, u);
      return;
    }
    const unitText = ui >= 0 ? rec.fields[ui].trim() : (valueUnit ?? opts.units);
    if (unitText === undefined || unitText === "")
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: ui >= 0 ? grid.header[ui].trim() : grid.header[vi].trim(),
        expected: "a unit (a unit column, a unit in the value header, or option units)",
      });
    const unit = vocUnit(unitText);
    if (!unit)
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: ui >= 0 ? grid.header[ui].trim() : grid.header[vi].trim(),
        expected: "a VOC unit: ppb, ppt, ppm, ppbC or µg/m3",
        found: unitText,
      });
    let col = cols.get(m.id);
    if (!col) {
      col = { header: name, match: { kind: m.kind, id: m.id }, by: m.by, unit, cells: new Map(), rows: new Map() };
      cols.set(m.id, col);
    }
    if (col.unit !== unit) {
      if ((opts.mixedUnits ?? "error") === "error")
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: grid.header[ui >= 0 ? ui : vi].trim(),
          expected: `the same unit for ${m.id} in every row (row ${[...col.rows.values()][0]} has ${col.unit}); or option mixedUnits: "convert"`,
          found: unit,
        });
    }
    if (col.cells.has(s))
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: grid.header[si].trim(),
        expected: `one value of ${m.id} per sample (row ${col.rows.get(s)} has one for the same sample)`,
        found: name,
      });
    const text = rec.fields[vi];
    const p = parseCell(text, missing, policy);
    if (p.kind === "invalid")
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: grid.header[vi].trim(),
        columnNumber: vi + 1,
        expected: p.reason,
        found: text,
      });
    let v = p.value;
    if (p.kind === "missing")
      acc.cellChanges.push({ row: rec.row, column: name, original: text, value: NaN, reason: "missing-code" });
    else if (p.kind === "below-detection")
      acc.cellChanges.push({
        row: rec.row,
        column: name,
        original: text,
        value: v,
        reason: "below-detection",
        detail: p.limit === undefined ? "no limit given: set to NaN" : `limit ${p.limit}, policy ${policy}`,
      });
    if (col.unit !== unit && Number.isFinite(v)) {
      // convert this row's value into the column's first unit (mixedUnits: convert)
      const e = entityMwC(m.id);
      v = ppbToVoc(
        vocToPpb(v, unit, e.mw, e.carbon, opts.referenceState ?? STP_298),
        col.unit!,
        e.mw,
        e.carbon,
        opts.referenceState ?? STP_298,
      );
      acc.flagged.push({
        row: rec.row,
        reason: "unit-converted",
        detail: `${name}: ${text} ${unit} → ${v} ${col.unit}`,
      });
    }
    col.cells.set(s, v);
    col.rows.set(s, rec.row);
  });
  const nS = sampleKeys.length;
  const columns: VocReadColumn[] = [];
  const absentCells: VocRead["absentCells"] = [];
  for (const col of cols.values()) {
    const values = new Float64Array(nS).fill(NaN);
    const rows: number[] = new Array(nS).fill(0);
    for (let s = 0; s < nS; s++) {
      const v = col.cells.get(s);
      if (v === undefined) absentCells.push({ sample: sampleKeys[s], column: col.header });
      else {
        values[s] = v;
        rows[s] = col.rows.get(s)!;
      }
    }
    checkNegative(values, rows, col.header, vi + 1, file, opts.negative ?? "error", acc.flagged);
    columns.push({
      header: col.header,
      columnNumber: undefined,
      match: col.match,
      by: col.by,
      unit: col.unit!,
      fileUnit: col.unit!,
      values,
    });
  }
  const conversions = checkColumns(columns, grid, opts);
  return {
    file,
    layout: "long",
    times: tj >= 0 ? Float64Array.from(sampleTimes) : undefined,
    utcOffsetMinutes: tj >= 0 ? siteOffset : undefined,
    samples: sampleKeys,
    columns,
    unmatched: [...unknown.values()],
    conversions,
    absentCells,
    account: acc.finish(grid.records.length),
  };
}

function entityMwC(id: string): { mw: number; carbon: number } {
  const p = getCoElutingPair(id);
  const s = requireVocSpecies(p ? p.members[0] : id);
  return { mw: s.mw, carbon: s.carbon };
}

function checkNegative(
  values: Float64Array,
  rows: number[],
  header: string,
  columnNumber: number,
  file: string,
  policy: "error" | "missing" | "zero",
  flagged: { row: number; reason: string; detail?: string }[],
): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] < 0)) continue;
    if (policy === "error") {
      throw new AozoraInputError({
        file,
        row: rows[i],
        column: header,
        columnNumber,
        expected: 'a concentration ≥ 0 (or option negative: "missing" | "zero")',
        found: String(values[i]),
      });
    }
    flagged.push({
      row: rows[i],
      reason: policy === "zero" ? "negative-set-zero" : "negative-set-missing",
      detail: `${header}: ${values[i]} → ${policy === "zero" ? 0 : "NaN"}`,
    });
    values[i] = policy === "zero" ? 0 : NaN;
  }
}

/** The checks both layouts end with: one column per species, then one unit (or the conversions made). */
function checkColumns(columns: VocReadColumn[], grid: Grid, opts: VocReadOptions): VocRead["conversions"] {
  checkDuplicates(columns, grid.file, grid.headerRow);
  return unifyUnits(columns, grid.file, grid.headerRow, opts);
}

function checkDuplicates(columns: VocReadColumn[], file: string, headerRow: number): void {
  const owner = new Map<string, VocReadColumn>();
  for (const c of columns) {
    const ids = c.match.kind === "pair" ? [c.match.id, ...getCoElutingPair(c.match.id)!.members] : [c.match.id];
    for (const id of ids) {
      const prev = owner.get(id);
      if (prev)
        throw new AozoraInputError({
          file,
          row: headerRow,
          column: c.header,
          columnNumber: c.columnNumber,
          expected: `one column per species (column "${prev.header}" also holds ${id})`,
          found: c.header,
        });
      owner.set(id, c);
    }
  }
}

function unifyUnits(
  columns: VocReadColumn[],
  file: string,
  headerRow: number,
  opts: VocReadOptions,
): VocRead["conversions"] {
  const units = new Set(columns.map((c) => c.unit));
  if (units.size <= 1) return [];
  if ((opts.mixedUnits ?? "error") === "error") {
    const by = [...units].map(
      (u) =>
        `${u}: ${columns
          .filter((c) => c.unit === u)
          .slice(0, 3)
          .map((c) => `"${c.header}"`)
          .join(", ")}${columns.filter((c) => c.unit === u).length > 3 ? ", ..." : ""}`,
    );
    throw new AozoraInputError({
      file,
      row: headerRow,
      expected: `one unit for all VOC columns, or option mixedUnits: "convert" (found ${by.join("; ")})`,
    });
  }
  const to = opts.targetUnit ?? "ppb";
  const state = opts.referenceState ?? STP_298;
  const conversions: VocRead["conversions"] = [];
  for (const c of columns) {
    if (c.unit === to) continue;
    const e = entityMwC(c.match.id);
    const v = c.values as Float64Array;
    for (let i = 0; i < v.length; i++)
      v[i] = ppbToVoc(vocToPpb(v[i], c.unit, e.mw, e.carbon, state), to, e.mw, e.carbon, state);
    conversions.push({ header: c.header, from: c.unit, to });
    c.unit = to;
  }
  return conversions;
}

/** A matched column of a wide table (0-based index `j`), in the file's unit. */
function wideColumn(
  header: string,
  j: number,
  m: { kind: "species" | "pair"; id: string; by: MatchedBy },
  u: VocUnit,
  values: Float64Array,
): VocReadColumn {
  return { header, columnNumber: j + 1, match: { kind: m.kind, id: m.id }, by: m.by, unit: u, fileUnit: u, values };
}

/** Options of {@link vocReadFromTable}. */
export interface VocFromTableOptions {
  /** Negative concentrations: `error` (default), or set to `missing`/`zero` (each in the account). */
  negative?: "error" | "missing" | "zero";
  /** Extra header → species id names. */
  aliases?: NameAliases;
}

/**
 * The VOC columns of a table another reader has read (a national network file through
 * `readCnemcDaily`, `readSoramame`, `readNiesHourly`, or a monitoring table): each numeric column
 * whose name (`splitHeaderUnit` of its original header, else its name) is a registry species or
 * co-eluting pair, with the table's unit; every other numeric or text column is listed in
 * `unmatched`. Samples are the table's rows (local ISO times when it has a time column). Row
 * numbers in errors and in the account are 1-based rows of the table (a network reader pivots its
 * file: the file's own rows are in `account`, the reader's account). Nothing is converted: all
 * VOC columns must share one unit.
 *
 * @param table the table read
 * @param file the file it was read from (for messages)
 * @param account the reader's account (returned as the result's account, with negatives flagged)
 * @throws {AozoraInputError} when no column is a VOC species (network files carry NMHC, CH4 and THC
 *   at most: totals, not species), a VOC column's unit is not a VOC unit, the VOC columns have
 *   different units, two columns hold one species, or a value is negative (policy `error`)
 */
export function vocReadFromTable(
  table: AqTable,
  file: string,
  account: ReadAccount,
  opts: VocFromTableOptions = {},
): VocRead {
  const times = table.timeColumn ? table.times() : undefined;
  const rows = Array.from({ length: table.numRows }, (_, i) => i + 1);
  const columns: VocReadColumn[] = [];
  const unmatched: VocUnmatched[] = [];
  const seen = new Map<string, string>();
  table.columns.forEach((c, j) => {
    if (c.kind === "time") return;
    const header = c.original.trim() || c.name;
    const m = matchVocName(splitHeaderUnit(header).name, opts.aliases);
    if (m.kind === "unknown" || c.kind !== "number") {
      unmatched.push({
        header,
        columnNumber: j + 1,
        reason: c.kind === "number" ? "unknown species" : "text column",
        ...(m.kind === "unknown" && m.suggestion ? { suggestion: m.suggestion } : {}),
      });
      return;
    }
    const u = vocUnit(c.unit ?? "");
    if (!u)
      throw new AozoraInputError({
        file,
        column: header,
        expected: "a VOC unit: ppb, ppt, ppm, ppbC or µg/m3",
        found: c.unit ?? "no unit",
      });
    const other = seen.get(m.id);
    if (other !== undefined)
      throw new AozoraInputError({ file, column: header, expected: `one column of ${m.id}`, found: `also "${other}"` });
    seen.set(m.id, header);
    const values = Float64Array.from(table.numbers(c.name));
    checkNegative(values, rows, header, j + 1, file, opts.negative ?? "error", account.flagged);
    columns.push(wideColumn(header, j, m, u, values));
  });
  if (!columns.length)
    throw new AozoraInputError({
      file,
      expected:
        "speciated VOC columns (ethane, toluene, m,p-xylene, … as in the VOC registry); national network files carry at most NMHC, CH4 and THC, which are totals, not species",
      found: `the columns ${unmatched.map((u) => u.header).join(", ") || "none"}`,
    });
  const units = [...new Set(columns.map((c) => c.unit))];
  if (units.length > 1)
    throw new AozoraInputError({
      file,
      column: columns.find((c) => c.unit !== columns[0].unit)!.header,
      expected: `VOC columns in one unit (${columns[0].header} is ${columns[0].unit})`,
      found: units.join(", "),
    });
  const off = table.utcOffsetMinutes;
  return {
    file,
    layout: "wide",
    ...(times ? { times: Float64Array.from(times) } : {}),
    ...(off !== undefined ? { utcOffsetMinutes: off } : {}),
    samples: times ? Array.from(times, (t) => formatInstant(t, off ?? 0)) : rows.map((r) => `#${r}`),
    columns,
    unmatched,
    conversions: [],
    absentCells: [],
    account,
  };
}
