/**
 * Reading EPA PMF 5.0 *result* files (a colleague's EPA PMF run), so that they can be compared
 * factor by factor with aozora's own PMF ({@link compareWithEpaPmf}).
 *
 * EPA PMF 5.0 writes its results per run under the output prefix, as text (`.csv` / `.txt`) or as
 * workbooks (`.xlsx`), one file per kind (Norris, G., Duvall, R., Brown, S., Bai, S. (2014) EPA
 * Positive Matrix Factorization (PMF) 5.0 Fundamentals and User Guide, EPA/600/R-14/108, the
 * output files of the base run and of the error estimation): `<prefix>_profiles`,
 * `<prefix>_contributions`, `<prefix>_residuals`, `<prefix>_diagnostics`,
 * `<prefix>_BaseErrorEstimationSummary` (text), or `<prefix>_base.xlsx` (sheets "Profiles",
 * "Contributions", "Residuals", "Run Comparison", …), `<prefix>_diagnostics.xlsx` (sheets "Input",
 * "Base Runs", "Bootstrap Runs") and `<prefix>_BaseErrorEstimationSummary.xlsx`.
 * Each file (each sheet) is a column of titled blocks. I could not obtain a real PMF 5.0 output
 * file, nor the User Guide's text of these files; the block titles and layouts read here are those
 * that three independent public readers of real PMF 5.0 output rely on, quoted in the comments:
 * - ESAT (US EPA, quanted/esat, `eval/factor_comparison.py`, `load_pmf_output`): the profile
 *   export's header row starts with two empty cells (run, species), then the factor names; the
 *   contribution export's column header is line 4, data from line 5, cells run, date, factors.
 * - an R reader of PMF 5.0 CSV exports (public GitHub R script `pmf_profiles` /
 *   `pmf_contributions` / `pmf_diagnostics`): titles "Factor Profiles (conc. of species) from
 *   Base Run", "(% of species sum)", "(% of total variable)"; "Factor Contributions (avg = 1) from
 *   Base Run", "Factor Contributions (conc. units) from Base Run" (one more line before its header,
 *   two trailing columns that are not factors); "Base run summary table:" followed by its header.
 * - Gutschke (2025, MSc thesis scripts, GPL-3, reading `_base.xlsx`, `_diagnostics.xlsx`,
 *   `_BaseErrorEstimationSummary.xlsx`): "Factor Profiles (% of species sum) from Base Run #r
 *   (Convergent Run)" in column A with species rows 3 rows below (run in A, species in B, factors
 *   from C); "Mapping of bootstrap factors to base factors:" with its header on the next row
 *   (boot factor label in A, base factors from B, then "Unmapped") ending before "Q(Robust)
 *   Percentile Report:"; "DISP Diagnostics:" / "BS-DISP Diagnostics:" with labels in column B and
 *   values from column C, %dQ on the third row and the swaps by factor on the fourth.
 * - S. K. Grange's R `read_pmf_base_error_estimations` (error estimation summary as CSV): "DISP
 *   Diagnostics" lines `,Label:,value` with the labels "Error Code", "Largest Decrease in Q",
 *   "%dQ", "Swaps by Factor"; per-factor tables "Concentrations for Factor n", then "Percent of
 *   Species Sum", "Percent of Factor Total" / "Percent of Total Variable", each a header line and
 *   one row per species with 13 columns: species, base run value, BS 5th, 25th, 50th, 75th, 95th
 *   percentile, BS-DISP 5th, average, 95th, DISP minimum, average, maximum.
 * The reader finds blocks by these titles anywhere in any file or sheet given, so the files of a
 * run can be passed together in any order; blocks it does not read (residuals, run comparison,
 * input statistics, …) are listed in `skipped`.
 */

import { AccountBuilder, type ReadAccount } from "../io/account";
import { parsePlainNumber } from "../io/cells";
import { decodeText, type TextEncodingName } from "../io/decode";
import { detectDelimiter, parseDelimited, type DelimitedRecord, type Delimiter } from "../io/delimited";
import { AozoraInputError } from "../io/errors";
import { isZipBytes, readWorkbookRows } from "../io/grid";
import { loadBytes, type ReadLimits, type Source } from "../io/source";
import type { ZipLimits } from "../io/zipcheck";

/** Options of {@link readEpaPmfResults}. */
export interface EpaPmfResultsReadOptions extends ReadLimits, ZipLimits {
  /** Text encoding of `.csv` / `.txt` files (default utf-8). */
  encoding?: TextEncodingName;
  /** Field separator of text files (default: detected, tab for EPA's `.txt`, comma for `.csv`). */
  delimiter?: Delimiter;
  /**
   * The base run whose profiles and contributions are returned, when the files hold blocks of
   * several runs (a `_base.xlsx` "Profiles" sheet holds one block per base run, titled "… from
   * Base Run #r …"). Default: the run with the lowest Q(Robust) in the base run summary table (the
   * run EPA PMF 5.0 selects by default), else the first run met.
   */
  run?: number;
}

/** Where a block was read: file, worksheet (for a workbook), 1-based rows of title and last data row. */
export interface EpaBlockPlace {
  file: string;
  sheet?: string;
  /** The block's title as written. */
  title: string;
  /** 1-based row of the title. */
  row: number;
  /** 1-based row of the block's last row. */
  lastRow: number;
}

/** A species × factor table of a base run: `values[k * m + j]` for factor k and species j (NaN = empty cell). */
export interface EpaProfileTable {
  species: string[];
  factors: string[];
  /** Factor-major p×m values (the layout of aozora's `F`). */
  values: Float64Array;
  /** The base run it is from (`#r` in the title), when the title says. */
  run?: number;
  place: EpaBlockPlace;
}

/** A sample × factor table of a base run: `values[i * p + k]` for sample i and factor k. */
export interface EpaContributionTable {
  /** The sample labels as written (dates or sample ids), in file order. */
  samples: string[];
  factors: string[];
  /** Sample-major n×p values (the layout of aozora's `G`). */
  values: Float64Array;
  run?: number;
  /** Preamble lines between the title and the header (conc.-units block), as written. */
  preamble: string[];
  place: EpaBlockPlace;
}

/** One row of the "Base run summary table:" (diagnostics file / sheet "Base Runs"). */
export interface EpaBaseRunRow {
  run: number;
  /** Q(Robust) (dimensionless), NaN when the table has no such column. */
  qRobust: number;
  /** Q(True) (dimensionless), NaN when absent. */
  qTrue: number;
  /** "Converged" column, when present (`Yes`/`No`, `TRUE`/`FALSE`). */
  converged?: boolean;
  /** Every cell of the row keyed by its header text, as written. */
  cells: Record<string, string>;
  row: number;
}

/** The bootstrap factor mapping ("Mapping of bootstrap factors to base factors:"). */
export interface EpaBootstrapMapping {
  /** Row labels (bootstrap factors, as written). */
  bootFactors: string[];
  /** Column labels (base factors, as written; "Unmapped" excluded). */
  baseFactors: string[];
  /** counts[b][k]: bootstrap runs in which boot factor b mapped to base factor k. */
  counts: number[][];
  /** Runs in which boot factor b was unmapped (0 when the table has no "Unmapped" column). */
  unmapped: number[];
  place: EpaBlockPlace;
}

/** Labels and numbers of a "DISP Diagnostics:" or "BS-DISP Diagnostics:" block. */
export interface EpaDispDiagnostics {
  /** Each label row: label (without the colon) and the numbers after it. */
  entries: { label: string; values: number[]; row: number }[];
  /** "Error Code", when present. */
  errorCode?: number;
  /** "Largest Decrease in Q" (a negative or zero Q change), when present. */
  largestDecreaseQ?: number;
  /** "%dQ", when present. */
  percentDQ?: number;
  /** "Swaps by Factor" (one count per factor, for the first dQmax), when present. */
  swapsByFactor?: number[];
  place: EpaBlockPlace;
}

/** Which quantity a per-factor interval table holds. */
export type EpaIntervalKind =
  "concentration" | "percent-species-sum" | "percent-factor-total" | "percent-total-variable";

/** One per-factor table of the error estimation summary (Grange's 13 columns). */
export interface EpaIntervalTable {
  kind: EpaIntervalKind;
  /** 1-based factor number from the title ("… for Factor n"), else the table's order within its kind. */
  factor: number;
  species: string[];
  base: Float64Array;
  bs5: Float64Array;
  bs25: Float64Array;
  bs50: Float64Array;
  bs75: Float64Array;
  bs95: Float64Array;
  bsDisp5: Float64Array;
  bsDispAverage: Float64Array;
  bsDisp95: Float64Array;
  dispMin: Float64Array;
  dispAverage: Float64Array;
  dispMax: Float64Array;
  place: EpaBlockPlace;
}

/** Everything {@link readEpaPmfResults} found in the files of one EPA PMF 5.0 run. */
export interface EpaPmfResults {
  profiles: {
    concentration?: EpaProfileTable;
    percentOfSpeciesSum?: EpaProfileTable;
    percentOfTotalVariable?: EpaProfileTable;
    percentOfFactorTotal?: EpaProfileTable;
  };
  contributions: {
    /** "Factor Contributions (avg = 1)": each factor's contributions normalised to mean 1. */
    normalised?: EpaContributionTable;
    /** "Factor Contributions (conc. units)": G·F_total in the total variable's unit. */
    concentration?: EpaContributionTable;
  };
  /** Base run summary table rows (Q values per run). */
  runs: EpaBaseRunRow[];
  /** The base run the profiles are from (`#r` in their title), else the run with the lowest Q(Robust). */
  baseRun?: number;
  bootstrap: {
    mapping?: EpaBootstrapMapping;
    /** "Q(Robust) Percentile Report:" cells keyed by header (e.g. Base, Min, 25th, Median, 75th, Max). */
    qRobustPercentiles?: Record<string, number>;
  };
  disp?: EpaDispDiagnostics;
  bsDisp?: EpaDispDiagnostics;
  /** Per-factor BS / BS-DISP / DISP interval tables of the error estimation summary. */
  intervals: EpaIntervalTable[];
  /** One account per file: blank rows, empty cells read as NaN, notes. */
  accounts: ReadAccount[];
  /** Blocks (and rows outside any block) that were not read, with where they are. */
  skipped: { place: EpaBlockPlace; reason: string }[];
}

type Kind =
  | { t: "profile"; which: keyof EpaPmfResults["profiles"] }
  | { t: "contrib"; which: keyof EpaPmfResults["contributions"] }
  | { t: "runs" }
  | { t: "bs-map" }
  | { t: "bs-q" }
  | { t: "disp"; which: "disp" | "bsDisp" }
  | { t: "interval"; kind: EpaIntervalKind }
  | { t: "other" };

/** The kind of a block title (first non-empty cell of a one-text-cell row), or undefined when it is no title. */
function titleKind(t: string): Kind | undefined {
  if (/^factor profiles \(conc\.? of species\)/i.test(t)) return { t: "profile", which: "concentration" };
  if (/^factor profiles \(% of species sum\)/i.test(t)) return { t: "profile", which: "percentOfSpeciesSum" };
  if (/^factor profiles \(% of total variable\)/i.test(t)) return { t: "profile", which: "percentOfTotalVariable" };
  if (/^factor profiles \(% of factor total\)/i.test(t)) return { t: "profile", which: "percentOfFactorTotal" };
  if (/^factor contributions \(avg\s*=\s*1\)/i.test(t)) return { t: "contrib", which: "normalised" };
  if (/^factor contributions \(conc\.? units\)/i.test(t)) return { t: "contrib", which: "concentration" };
  if (/^base run summary table/i.test(t)) return { t: "runs" };
  if (/^mapping of bootstrap factors to base factors/i.test(t)) return { t: "bs-map" };
  if (/^q\s*\(robust\) percentile report/i.test(t)) return { t: "bs-q" };
  if (/^bs-disp diagnostics/i.test(t)) return { t: "disp", which: "bsDisp" };
  if (/^disp diagnostics/i.test(t)) return { t: "disp", which: "disp" };
  if (/^concentrations for factor/i.test(t)) return { t: "interval", kind: "concentration" };
  if (/^percent of species sum/i.test(t)) return { t: "interval", kind: "percent-species-sum" };
  if (/^percent of factor total/i.test(t)) return { t: "interval", kind: "percent-factor-total" };
  if (/^percent of total variable/i.test(t)) return { t: "interval", kind: "percent-total-variable" };
  return undefined;
}

const trimQuotes = (s: string) => s.trim().replace(/^"(.*)"$/, "$1");

interface RawBlock {
  kind: Kind;
  title: string;
  row: number;
  rows: DelimitedRecord[];
}

/** Profile and contribution tables of every run met, before the base run is chosen. */
interface Collected {
  profiles: { which: keyof EpaPmfResults["profiles"]; table: EpaProfileTable }[];
  contributions: { which: keyof EpaPmfResults["contributions"]; table: EpaContributionTable }[];
}

interface Ctx {
  file: string;
  sheet?: string;
  acc: AccountBuilder;
  out: EpaPmfResults;
  all: Collected;
  intervalCount: Map<EpaIntervalKind, number>;
}

const label = (c: Ctx) => (c.sheet === undefined ? c.file : `${c.file} [sheet ${c.sheet}]`);

/** Split rows into titled blocks. A title is a row whose only non-empty cell is a text (not a number). */
function splitBlocks(rows: DelimitedRecord[], c: Ctx): RawBlock[] {
  const blocks: RawBlock[] = [];
  let cur: RawBlock | undefined;
  let loose: DelimitedRecord[] = [];
  const flushLoose = () => {
    if (loose.length)
      c.out.skipped.push({
        place: { file: c.file, sheet: c.sheet, title: "", row: loose[0].row, lastRow: loose[loose.length - 1].row },
        reason: "rows before the first block title",
      });
    loose = [];
  };
  let prevRow = -1;
  for (const r of rows) {
    const cells = r.fields.map(trimQuotes);
    const nonEmpty = cells.filter((x) => x !== "");
    if (nonEmpty.length === 0) {
      c.acc.blankRows.push(r.row);
      continue;
    }
    const afterBlank = r.row > prevRow + 1;
    prevRow = r.row;
    const known = nonEmpty.length <= 2 ? titleKind(nonEmpty[0]) : undefined;
    // an unknown title: one text cell in column A after a blank row (EPA's blocks are separated by
    // blank rows); without the blank row it is a row of the block, e.g. a species whose values are
    // all empty in aozora's own export ("PM,," in the % of factor total block)
    const unknownTitle =
      known === undefined &&
      nonEmpty.length === 1 &&
      parsePlainNumber(nonEmpty[0]) === undefined &&
      cells[0] !== "" &&
      (cur === undefined || afterBlank);
    // the conc.-units contributions have one line before their header (the R reader's skip = 3):
    // a one-cell text row there belongs to the block
    const inContribHead =
      cur !== undefined &&
      cur.kind.t === "contrib" &&
      !cur.rows.some((x) => x.fields.slice(1).some((v) => parsePlainNumber(v) !== undefined));
    if (known !== undefined || (unknownTitle && !inContribHead)) {
      flushLoose();
      cur = { kind: known ?? { t: "other" }, title: nonEmpty[0], row: r.row, rows: [] };
      blocks.push(cur);
      if (nonEmpty.length === 2) {
        // a DISP label row may carry its value beside the title; elsewhere the text is not read
        if (cur.kind.t === "disp") cur.rows.push(r);
        else
          c.out.skipped.push({
            place: {
              file: c.file,
              ...(c.sheet !== undefined ? { sheet: c.sheet } : {}),
              title: nonEmpty[0],
              row: r.row,
              lastRow: r.row,
            },
            reason: `text beside the block title: "${nonEmpty[1]}"`,
          });
      }
      continue;
    }
    if (cur) cur.rows.push(r);
    else loose.push(r);
  }
  flushLoose();
  return blocks;
}

function place(c: Ctx, b: RawBlock): EpaBlockPlace {
  return {
    file: c.file,
    ...(c.sheet !== undefined ? { sheet: c.sheet } : {}),
    title: b.title,
    row: b.row,
    lastRow: b.rows.length ? b.rows[b.rows.length - 1].row : b.row,
  };
}

/** A numeric cell: a plain number, or an empty cell read as NaN (a cell change in the account). */
function num(c: Ctx, r: DelimitedRecord, j: number, header: string | undefined, what: string): number {
  const t = (r.fields[j] ?? "").trim();
  if (t === "") {
    c.acc.cellChanges.push({
      row: r.row,
      column: header ?? `#${j + 1}`,
      original: "",
      value: NaN,
      reason: "missing-code",
      detail: `${label(c)}: empty cell read as NaN`,
    });
    return NaN;
  }
  const v = parsePlainNumber(t);
  if (v === undefined || !Number.isFinite(v))
    throw new AozoraInputError({
      file: label(c),
      row: r.row,
      ...(header ? { column: header } : {}),
      columnNumber: j + 1,
      expected: what,
      found: t,
    });
  return v;
}

const runOf = (title: string): number | undefined => {
  const m = /base run #\s*(\d+)/i.exec(title);
  return m ? Number(m[1]) : undefined;
};

/** What the EPA PMF profile readers expect of a profile block header (the `expected` of their error). */
export const EPA_PROFILE_HEADER_EXPECTED =
  'a header row of the EPA PMF profile layout: empty cell(s) for run/species, then the factor names ("Factor 1", …)';

/**
 * The header row of an EPA PMF profile block (trimmed cells): `k0` leading empty cells (run and/or
 * species columns), then the factor names up to the last non-empty cell; undefined when the row is
 * not such a header (no leading empty cell, no factor, or an empty cell among the factors).
 */
export function epaProfileHeader(cells: readonly string[]): { k0: number; factors: string[] } | undefined {
  let k0 = 0;
  while (k0 < cells.length && cells[k0] === "") k0++;
  const factors = cells.slice(k0);
  while (factors.length && factors[factors.length - 1] === "") factors.pop();
  if (k0 === 0 || factors.length === 0 || factors.some((f) => f === "")) return undefined;
  return { k0, factors };
}

function readProfile(c: Ctx, b: RawBlock): EpaProfileTable {
  const [head, ...data] = b.rows;
  if (!head)
    throw new AozoraInputError({
      file: label(c),
      row: b.row,
      expected: `a header row after "${b.title}" (empty run/species cells, then the factor names)`,
      found: "no row",
    });
  const h = head.fields.map(trimQuotes);
  const hp = epaProfileHeader(h);
  if (!hp)
    throw new AozoraInputError({
      file: label(c),
      row: head.row,
      expected: EPA_PROFILE_HEADER_EXPECTED,
      found: head.fields.join(" | "),
    });
  const { k0, factors } = hp;
  const p = factors.length;
  const species: string[] = [];
  const cols: number[][] = factors.map(() => []);
  const seen = new Map<string, number>();
  for (const r of data) {
    const sp = trimQuotes(r.fields[k0 - 1] ?? "");
    if (sp === "")
      throw new AozoraInputError({
        file: label(c),
        row: r.row,
        columnNumber: k0,
        expected: "a species name",
        found: "an empty cell",
      });
    if (seen.has(sp))
      throw new AozoraInputError({
        file: label(c),
        row: r.row,
        columnNumber: k0,
        expected: `one row per species in block "${b.title}" (row ${seen.get(sp)} has "${sp}")`,
        found: sp,
      });
    seen.set(sp, r.row);
    species.push(sp);
    for (let k = 0; k < p; k++) cols[k].push(num(c, r, k0 + k, factors[k], "a number (or an empty cell)"));
  }
  const m = species.length;
  const values = new Float64Array(p * m);
  for (let k = 0; k < p; k++) for (let j = 0; j < m; j++) values[k * m + j] = cols[k][j];
  const run = runOf(b.title);
  return { species, factors, values, ...(run !== undefined ? { run } : {}), place: place(c, b) };
}

function readContrib(c: Ctx, b: RawBlock): EpaContributionTable {
  // data rows hold a number after the first column (header and preamble lines hold none). EPA's
  // rows are run, date, factors (ESAT: date in column 2, factors from column 3); aozora's own
  // export (`epaContributionsCsv`) has the sample label in column 1: a numeric first cell (the
  // run number) tells EPA's layout
  const isData = (r: DelimitedRecord) => r.fields.slice(1).some((x) => parsePlainNumber(x) !== undefined);
  const first = b.rows.findIndex(isData);
  if (first < 1)
    throw new AozoraInputError({
      file: label(c),
      row: b.rows[0]?.row ?? b.row,
      expected: `a header row (run, date, factor names) and then data rows (run, date, one number per factor) after "${b.title}"`,
      found: first === 0 ? "a data row without a header" : "no data row",
    });
  const sc = parsePlainNumber(b.rows[first].fields[0] ?? "") !== undefined ? 1 : 0;
  const head = b.rows[first - 1];
  const preamble = b.rows.slice(0, first - 1).map((r) => r.fields.join(",").replace(/,+$/, ""));
  const h = head.fields.map(trimQuotes);
  const run = runOf(b.title);
  const normalised = c.all.contributions.find((x) => x.which === "normalised" && x.table.run === run)?.table.factors;
  const fcols: number[] = [];
  for (let j = sc + 1; j < h.length; j++) {
    if (h[j] === "") continue;
    if (normalised && b.kind.t === "contrib" && b.kind.which === "concentration" && !normalised.includes(h[j])) {
      c.out.skipped.push({
        place: { ...place(c, b), row: head.row },
        reason: `column ${j + 1} "${h[j]}" of "${b.title}" is not a factor of the avg = 1 block`,
      });
      continue;
    }
    fcols.push(j);
  }
  if (fcols.length === 0)
    throw new AozoraInputError({
      file: label(c),
      row: head.row,
      expected: `factor names from column ${sc + 2} on (${sc ? "run, date" : "sample"}, factors)`,
      found: head.fields.join(" | "),
    });
  const samples: string[] = [];
  const vals: number[] = [];
  for (const r of b.rows.slice(first)) {
    const s = trimQuotes(r.fields[sc] ?? "");
    if (s === "")
      throw new AozoraInputError({
        file: label(c),
        row: r.row,
        columnNumber: sc + 1,
        expected: "a sample date or id",
        found: "an empty cell",
      });
    samples.push(s);
    for (const j of fcols) vals.push(num(c, r, j, h[j], "a number (or an empty cell)"));
  }

  return {
    samples,
    factors: fcols.map((j) => h[j]),
    values: Float64Array.from(vals),
    ...(run !== undefined ? { run } : {}),
    preamble,
    place: place(c, b),
  };
}

function readRuns(c: Ctx, b: RawBlock): EpaBaseRunRow[] {
  const [head, ...data] = b.rows;
  if (!head) return [];
  const h = head.fields.map(trimQuotes);
  const find = (re: RegExp, not?: RegExp) => h.findIndex((x) => re.test(x) && !(not && not.test(x)));
  const jr = find(/run/i);
  const jq = find(/robust/i);
  const jt = find(/true/i, /\/|exp/i);
  const jc = find(/converg/i);
  if (jr < 0)
    throw new AozoraInputError({
      file: label(c),
      row: head.row,
      expected: 'a header row of the base run summary table with a run column ("Run Number")',
      found: head.fields.join(" | "),
    });
  return data.map((r) => {
    const cells: Record<string, string> = {};
    h.forEach((x, j) => {
      if (x !== "") cells[x] = (r.fields[j] ?? "").trim();
    });
    const conv = jc >= 0 ? (r.fields[jc] ?? "").trim().toLowerCase() : "";
    return {
      run: num(c, r, jr, h[jr], "a run number"),
      qRobust: jq >= 0 ? num(c, r, jq, h[jq], "a Q(Robust) value") : NaN,
      qTrue: jt >= 0 ? num(c, r, jt, h[jt], "a Q(True) value") : NaN,
      ...(conv !== "" ? { converged: conv === "yes" || conv === "true" } : {}),
      cells,
      row: r.row,
    };
  });
}

function readBsMap(c: Ctx, b: RawBlock): EpaBootstrapMapping {
  const [head, ...data] = b.rows;
  const h = (head?.fields ?? []).map(trimQuotes);
  const cols: number[] = [];
  let unm = -1;
  for (let j = 1; j < h.length; j++) {
    if (h[j] === "") continue;
    if (/^unmapped$/i.test(h[j])) unm = j;
    else cols.push(j);
  }
  if (!head || cols.length === 0)
    throw new AozoraInputError({
      file: label(c),
      row: head?.row ?? b.row,
      expected: 'a header row naming the base factors from column B (then "Unmapped")',
      found: head ? head.fields.join(" | ") : "no row",
    });
  return {
    bootFactors: data.map((r) => trimQuotes(r.fields[0] ?? "")),
    baseFactors: cols.map((j) => h[j]),
    counts: data.map((r) => cols.map((j) => num(c, r, j, h[j], "a count of bootstrap runs"))),
    unmapped: data.map((r) => (unm >= 0 ? num(c, r, unm, h[unm], "a count of bootstrap runs") : 0)),
    place: place(c, b),
  };
}

function readBsQ(c: Ctx, b: RawBlock): Record<string, number> {
  const [head, row] = b.rows;
  const out: Record<string, number> = {};
  if (!head || !row) return out;
  head.fields.forEach((x, j) => {
    const k = trimQuotes(x);
    if (k !== "") out[k] = num(c, row, j, k, "a Q(Robust) value");
  });
  return out;
}

function readDisp(c: Ctx, b: RawBlock): EpaDispDiagnostics {
  const entries: EpaDispDiagnostics["entries"] = [];
  for (const r of b.rows) {
    const cells = r.fields.map(trimQuotes);
    const li = cells.findIndex((x) => x !== "" && parsePlainNumber(x) === undefined);
    if (li < 0) continue;
    const values: number[] = [];
    for (let j = li + 1; j < cells.length; j++) if (cells[j] !== "") values.push(num(c, r, j, cells[li], "a number"));
    entries.push({ label: cells[li].replace(/:\s*$/, ""), values, row: r.row });
  }
  const get = (re: RegExp) => entries.find((e) => re.test(e.label))?.values;
  const one = (re: RegExp) => get(re)?.[0];
  const d: EpaDispDiagnostics = { entries, place: place(c, b) };
  const ec = one(/^error code/i),
    lq = one(/^largest decrease in q/i),
    pq = one(/^%\s*dq/i),
    sw = get(/^swaps by factor/i);
  if (ec !== undefined) d.errorCode = ec;
  if (lq !== undefined) d.largestDecreaseQ = lq;
  if (pq !== undefined) d.percentDQ = pq;
  if (sw !== undefined) d.swapsByFactor = sw;
  return d;
}

function readInterval(c: Ctx, b: RawBlock, kind: EpaIntervalKind): EpaIntervalTable | undefined {
  const [head, ...data] = b.rows;
  if (!head) return undefined; // a section heading ("Percent of Species Sum") without a table
  const nth = (c.intervalCount.get(kind) ?? 0) + 1;
  c.intervalCount.set(kind, nth);
  const fm = /factor\s*(\d+)/i.exec(b.title);
  // the species column: the first cell of the header that is not empty, or column 2 after an empty first cell
  const h = head.fields.map(trimQuotes);
  const j0 = data.length
    ? data[0].fields.findIndex((x) => trimQuotes(x) !== "" && parsePlainNumber(x) === undefined)
    : 0;
  if (j0 < 0 || h.length - j0 < 13)
    throw new AozoraInputError({
      file: label(c),
      row: data.length && j0 < 0 ? data[0].row : head.row,
      expected: `13 columns after "${b.title}": species, base run, BS 5th/25th/50th/75th/95th, BS-DISP 5th/average/95th, DISP min/average/max`,
      found: head.fields.join(" | "),
    });
  const cols = Array.from({ length: 12 }, () => new Float64Array(data.length));
  const species = data.map((r, i) => {
    for (let q = 0; q < 12; q++)
      cols[q][i] = num(c, r, j0 + 1 + q, h[j0 + 1 + q] || undefined, "a number (or an empty cell)");
    return trimQuotes(r.fields[j0] ?? "");
  });
  const [base, bs5, bs25, bs50, bs75, bs95, bsDisp5, bsDispAverage, bsDisp95, dispMin, dispAverage, dispMax] = cols;
  return {
    kind,
    factor: fm ? Number(fm[1]) : nth,
    species,
    base,
    bs5,
    bs25,
    bs50,
    bs75,
    bs95,
    bsDisp5,
    bsDispAverage,
    bsDisp95,
    dispMin,
    dispAverage,
    dispMax,
    place: place(c, b),
  };
}

function readRows(rows: DelimitedRecord[], c: Ctx): number {
  const blocks = splitBlocks(rows, c);
  // avg = 1 contributions first, so the conc.-units block can tell its factor columns
  const order = [...blocks].sort(
    (a, b) =>
      Number(!(a.kind.t === "contrib" && a.kind.which === "normalised")) -
      Number(!(b.kind.t === "contrib" && b.kind.which === "normalised")),
  );
  let read = 0;
  const once = <T>(slot: T | undefined, b: RawBlock, value: () => T): T | undefined => {
    if (slot !== undefined) {
      c.out.skipped.push({ place: place(c, b), reason: "a second block of this kind (the first one read is kept)" });
      return slot;
    }
    read += b.rows.length;
    return value();
  };
  for (const b of order) {
    const k = b.kind;
    if (k.t === "profile") {
      c.all.profiles.push({ which: k.which, table: readProfile(c, b) });
      read += b.rows.length;
    } else if (k.t === "contrib") {
      c.all.contributions.push({ which: k.which, table: readContrib(c, b) });
      read += b.rows.length;
    } else if (k.t === "runs") {
      if (c.out.runs.length) c.out.skipped.push({ place: place(c, b), reason: "a second base run summary table" });
      else {
        c.out.runs = readRuns(c, b);
        read += b.rows.length;
      }
    } else if (k.t === "bs-map") c.out.bootstrap.mapping = once(c.out.bootstrap.mapping, b, () => readBsMap(c, b));
    else if (k.t === "bs-q")
      c.out.bootstrap.qRobustPercentiles = once(c.out.bootstrap.qRobustPercentiles, b, () => readBsQ(c, b));
    else if (k.t === "disp") c.out[k.which] = once(c.out[k.which], b, () => readDisp(c, b));
    else if (k.t === "interval") {
      const t = readInterval(c, b, k.kind);
      if (t) {
        c.out.intervals.push(t);
        read += b.rows.length;
      }
    } else c.out.skipped.push({ place: place(c, b), reason: "a block this reader does not read" });
  }
  return read;
}

/**
 * Read the result files of one EPA PMF 5.0 run (see the module comment for the layouts and their
 * sources): base-run profiles (concentration of species, % of species sum, % of total variable,
 * % of factor total), contributions (avg = 1, and in concentration units when present), the base
 * run summary table (Q(Robust), Q(True) per run), the bootstrap mapping table and Q(Robust)
 * percentiles, the DISP and BS-DISP diagnostics (error code, largest decrease in Q, %dQ, swaps by
 * factor) and the per-factor BS / BS-DISP / DISP interval tables. Give every file of the run
 * (text `.csv` / `.txt`, or `.xlsx` workbooks, all sheets read); blocks are found by their titles.
 * Empty numeric cells become NaN (listed in the file's account); blocks not read are listed in
 * `skipped`; numbers are returned as written (EPA's units: the input data's concentration unit
 * for profiles, percent for the % tables).
 *
 * @example
 * ```ts
 * const epa = readEpaPmfResults(["run_profiles.csv", "run_contributions.csv", "run_diagnostics.csv"]);
 * const cmp = compareWithEpaPmf(aozoraResult, epa);
 * ```
 * When the files hold blocks of several base runs (a `_base.xlsx` "Profiles" sheet holds one per
 * run), the base run's are returned (option `run`, else the lowest Q(Robust)) and the others
 * listed in `skipped`.
 *
 * @throws {RangeError} when no source is given, or `run` is not a whole number ≥ 1
 * @throws {AozoraInputError} naming file (and sheet), row and column for an unreadable file or
 * workbook, a block without its header row, a non-numeric value cell, a species row without a
 * name or repeated in a block, a contribution row without a sample label, no block of EPA PMF
 * results in any file, or no profile or contribution block of the base run `run`
 */
export function readEpaPmfResults(
  sources: Source | readonly Source[],
  opts: EpaPmfResultsReadOptions = {},
): EpaPmfResults {
  const list: readonly Source[] = Array.isArray(sources) ? (sources as readonly Source[]) : [sources as Source];
  if (list.length === 0) throw new RangeError("readEpaPmfResults: sources must name at least one file, got none");
  const out: EpaPmfResults = {
    profiles: {},
    contributions: {},
    runs: [],
    bootstrap: {},
    intervals: [],
    accounts: [],
    skipped: [],
  };
  const all: Collected = { profiles: [], contributions: [] };
  if (opts.run !== undefined && !(Number.isInteger(opts.run) && opts.run >= 1))
    throw new RangeError(`readEpaPmfResults: run must be a whole number ≥ 1, got ${opts.run}`);
  for (const src of list) {
    const { name, bytes } = loadBytes(src, opts);
    const acc = new AccountBuilder(name);
    const ctx = (sheet?: string): Ctx => ({ file: name, sheet, acc, out, all, intervalCount: new Map() });
    let read = 0;
    if (isZipBytes(bytes)) {
      const wb = readWorkbookRows({ name, bytes }, opts);
      const notes: string[] = [];
      for (const sh of wb.sheets) {
        const before = acc.blankRows.length;
        read += readRows(sh.rows, ctx(sh.name));
        // blank rows of a workbook are per sheet: say which rows belong to which sheet
        if (acc.blankRows.length > before)
          notes.push(`sheet ${sh.name}: blank rows ${acc.blankRows.slice(before).join(", ")}`);
        acc.blankRows.length = before;
      }
      acc.sheet = {
        name: wb.sheets.map((s) => s.name).join(", "),
        sheets: wb.sheets.map((s) => s.name),
        hiddenSkipped: [],
      };
      const a = finishAccount(acc, read);
      if (notes.length) a.notes = notes;
      out.accounts.push(a);
    } else {
      const text = decodeText(bytes, name, opts.encoding).replace(/^\uFEFF/, "");
      const delimiter =
        opts.delimiter ??
        ((text.match(/\t/g)?.length ?? 0) > (text.match(/,/g)?.length ?? 0) ? "\t" : detectDelimiter(text));
      const { records, blankRows } = parseDelimited(text, name, delimiter);
      acc.blankRows.push(...blankRows);
      read += readRows(records, ctx());
      acc.blankRows.sort((a, b) => a - b);
      out.accounts.push(finishAccount(acc, read));
    }
  }
  chooseRun(out, all, opts.run);
  const found =
    Object.keys(out.profiles).length +
    Object.keys(out.contributions).length +
    out.runs.length +
    Object.keys(out.bootstrap).length +
    out.intervals.length +
    (out.disp ? 1 : 0) +
    (out.bsDisp ? 1 : 0);
  if (found === 0)
    throw new AozoraInputError({
      file: out.accounts.map((a) => a.file).join(", "),
      expected:
        'EPA PMF 5.0 result blocks ("Factor Profiles (conc. of species) from Base Run …", "Factor Contributions (avg = 1) …", "Base run summary table:", "Mapping of bootstrap factors to base factors:", "DISP Diagnostics:", …)',
      found: out.skipped.length ? out.skipped.map((s) => `"${s.place.title}"`).join(", ") : "no block",
    });
  return out;
}

/**
 * Choose the base run (option `run`, else the lowest Q(Robust) of the run table among the runs
 * that have blocks, else the first run met) and keep its profile and contribution tables; the
 * tables of other runs, and second tables of one kind for the same run, go to `skipped`.
 */
function chooseRun(out: EpaPmfResults, all: Collected, wanted: number | undefined): void {
  const tables = [...all.profiles, ...all.contributions].map((x) => x.table);
  const seen = [...new Set(tables.map((t) => t.run))];
  let run: number | undefined;
  if (wanted !== undefined) {
    if (tables.length && !seen.includes(wanted))
      throw new AozoraInputError({
        file: [...new Set(tables.map((t) => t.place.file))].join(", "),
        expected: `profile or contribution blocks of base run #${wanted} (option run)`,
        found: `blocks of run ${seen.map((r) => (r === undefined ? "(unnumbered)" : `#${r}`)).join(", ")}`,
      });
    run = wanted;
  } else if (seen.length > 1 && out.runs.some((r) => seen.includes(r.run) && Number.isFinite(r.qRobust))) {
    run = out.runs
      .filter((r) => seen.includes(r.run) && Number.isFinite(r.qRobust))
      .reduce((a, b) => (b.qRobust < a.qRobust ? b : a)).run;
  } else run = seen[0];
  const keep = <W extends string, T extends { run?: number; place: EpaBlockPlace }>(
    list: { which: W; table: T }[],
    slot: Partial<Record<W, T>>,
  ) => {
    for (const { which, table } of list) {
      if (table.run !== run)
        out.skipped.push({ place: table.place, reason: `base run #${table.run} (base run #${run} is read)` });
      else if (slot[which] !== undefined)
        out.skipped.push({ place: table.place, reason: "a second block of this kind (the first one read is kept)" });
      else slot[which] = table;
    }
  };
  keep(all.profiles, out.profiles);
  keep(all.contributions, out.contributions);
  if (run !== undefined) out.baseRun = run;
  else if (out.runs.length) {
    const best = out.runs.reduce((a, b) => (b.qRobust < a.qRobust ? b : a));
    if (Number.isFinite(best.qRobust)) out.baseRun = best.run;
  }
}

function finishAccount(acc: AccountBuilder, read: number): ReadAccount {
  acc.inputRows = read;
  return acc.finish(read);
}
