import type { SourceProfile } from "./types";
import { EPA_PROFILE_HEADER_EXPECTED, epaProfileHeader } from "../sourceapport/read-epapmf-results";
import { findHeader } from "../table/header";
import { splitHeaderUnit } from "../table/units";
import { AccountBuilder, type ReadAccount } from "../io/account";
import { missingCodeSet, numberOrMissingCell } from "../io/cells";
import { AozoraInputError } from "../io/errors";
import {
  cellError,
  gridAccount,
  headerCellError,
  readGrid,
  requireDataRows,
  type Grid,
  type GridOptions,
} from "../io/grid";
import { loadBytes, type Source } from "../io/source";
import { decodeText } from "../io/decode";
import { parseDelimited, type DelimitedRecord } from "../io/delimited";

/** Result of the profile readers. */
export interface ProfilesRead {
  profiles: SourceProfile[];
  account: ReadAccount;
  /** Layout read: `long` (profile/species/fraction rows), `speciate`, or `epa-pmf` (factor-profile blocks, {@link readEpaPmfProfiles}). */
  layout?: "long" | "speciate" | "epa-pmf";
  /** For `epa-pmf`: each factor's share of each species' sum (the "% of species sum" block ÷ 100), when the file has it. */
  shares?: { species: string[]; share: number[][] };
}

function findCol(grid: Grid, names: string[], required: boolean, what: string): number {
  const j = findHeader(grid.header, names, { hyphens: true });
  if (j < 0 && required)
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow,
      expected: `a ${what} column (one of ${names.join(", ")}; have: ${grid.header.join(", ")})`,
    });
  return j;
}

const SCALE: Record<string, number> = {
  "%": 0.01,
  "g/g": 1,
  fraction: 1,
  "mg/g": 1e-3,
  "µg/g": 1e-6,
  "ug/g": 1e-6,
  ppm: 1e-6,
};

function numberCell(
  grid: Grid,
  acc: AccountBuilder,
  r: { row: number; fields: string[] },
  j: number,
  what: string,
): number {
  return numberOrMissingCell(grid.file, grid.header, acc.cellChanges, r, j, missingCodeSet(), what);
}

/** The error for a negative uncertainty (an uncertainty is a standard deviation, ≥ 0). */
function negativeUncertainty(grid: Grid, r: { row: number; fields: string[] }, j: number): AozoraInputError {
  return cellError(grid, r, j, "an uncertainty ≥ 0");
}

/** A cell that names something (profile, species, test): empty is an error, never a nameless group. */
function nameCell(grid: Grid, r: { row: number; fields: string[] }, j: number, what: string): string {
  const t = r.fields[j].trim();
  if (t === "") throw cellError(grid, r, j, what, "an empty cell");
  return t;
}

function collect(
  grid: Grid,
  acc: AccountBuilder,
  rows: {
    key: string;
    name: string;
    category: string;
    code?: string;
    species: string;
    value: number;
    unc: number;
    row: number;
  }[],
  kind: SourceProfile["provenance"]["kind"],
  note: string,
): SourceProfile[] {
  const by = new Map<string, typeof rows>();
  for (const r of rows) {
    if (!by.has(r.key)) by.set(r.key, []);
    const list = by.get(r.key)!;
    if (list.some((x) => x.species === r.species))
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        expected: `one row per species in profile "${r.name}"`,
        found: `a second "${r.species}"`,
      });
    list.push(r);
  }
  // A mass fraction is a part of the particle mass, so the fractions of one profile can sum to
  // more than 1 g/g only through species counted twice (S and SO4, OC and OM) or a unit mistake
  // (% read as g/g): the profile is kept and flagged, never silently accepted.
  for (const list of by.values()) {
    let sum = 0;
    for (const r of list) if (Number.isFinite(r.value)) sum += r.value;
    if (sum > 1 + 1e-9)
      acc.flagged.push({
        row: list[0].row,
        reason: "profile-sum-above-1",
        detail: `profile "${list[0].name}" (rows ${list[0].row}–${list[list.length - 1].row}): the fractions sum to ${Number(sum.toPrecision(6))} g/g; a mass fraction sum cannot exceed 1 g/g`,
      });
  }
  return [...by.values()].map((list) => ({
    name: list[0].name,
    category: list[0].category,
    code: list[0].code,
    species: list.map((r) => r.species),
    fraction: list.map((r) => r.value),
    uncertainty: list.map((r) => r.unc),
    unit: "g/g" as const,
    provenance: { kind, source: `${grid.file}, rows ${list[0].row}–${list[list.length - 1].row}`, notes: note },
  }));
}

/**
 * Read user source profiles from a long-format CSV/TSV/xlsx: columns `profile`, `species`,
 * `fraction (<unit>)` (unit %, g/g, mg/g, µg/g or ppm; converted to g/g), optional
 * `uncertainty` (same unit), `category` (default: the profile name) and `code`. Empty fractions
 * are kept as NaN (listed as cell changes); a negative fraction, a fraction above 1 g/g, a negative
 * uncertainty, an unknown unit or an empty profile or species name is an error. A profile whose
 * fractions sum to more than 1 g/g is kept and flagged in the account (`profile-sum-above-1`, on
 * its first row): a mass fraction sum above 1 means species counted twice or a unit mistake.
 *
 * @throws {AozoraInputError} naming file, row and column for the errors above.
 */
export function readProfiles(src: Source, opts: GridOptions & { total?: string } = {}): ProfilesRead {
  const loaded = loadBytes(src);
  if (looksEpaProfiles(loaded.name, loaded.bytes, opts)) return readEpaPmfProfiles(loaded, opts);
  const grid = readGrid(loaded, opts);
  requireDataRows(grid);
  const acc = gridAccount(grid);
  const jp = findCol(grid, ["profile", "profile_name", "source"], true, "profile");
  const js = findCol(grid, ["species", "species_name"], true, "species");
  const jv = findCol(grid, ["fraction", "value", "mass_fraction"], true, "fraction");
  const ju = findCol(grid, ["uncertainty", "unc", "sd"], false, "uncertainty");
  const jc = findCol(grid, ["category"], false, "category");
  const jk = findCol(grid, ["code", "profile_code"], false, "code");
  const unit = splitHeaderUnit(grid.header[jv]).unit ?? "";
  const scale = SCALE[unit];
  if (scale === undefined)
    throw headerCellError(
      grid,
      jv,
      `a unit in the fraction header: ${Object.keys(SCALE).join(", ")}, e.g. "fraction (%)"`,
    );
  const rows = grid.records.map((r) => {
    const value = numberCell(grid, acc, r, jv, "a fraction (number ≥ 0)");
    if (value < 0 || value * scale > 1)
      throw cellError(
        grid,
        r,
        jv,
        value < 0 ? "a fraction ≥ 0" : `a fraction of at most 1 g/g${scale === 1 ? "" : ` (${1 / scale} ${unit})`}`,
      );
    const unc = numberCell(grid, acc, r, ju, "an uncertainty (number)");
    if (unc < 0) throw negativeUncertainty(grid, r, ju);
    const name = nameCell(grid, r, jp, "a profile name");
    return {
      key: name,
      name,
      category: jc >= 0 && r.fields[jc].trim() !== "" ? r.fields[jc].trim() : name,
      code: jk >= 0 ? r.fields[jk].trim() : undefined,
      species: nameCell(grid, r, js, "a species name"),
      value: value * scale,
      unc: unc * scale,
      row: r.row,
    };
  });
  const profiles = collect(
    grid,
    acc,
    rows,
    "file",
    unit === "g/g" || unit === "fraction" ? "fractions as given" : `converted from ${unit} to g/g`,
  );
  return { profiles, account: acc.finish(grid.records.length), layout: "long" };
}

/** True for a text file in the EPA PMF 5.0 factor-profile layout (a "Factor Profiles" title or a header row that starts with an empty cell). */
function looksEpaProfiles(name: string, bytes: Uint8Array, opts: GridOptions): boolean {
  if (bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return false; // .xlsx: long layout only
  const text = decodeText(bytes, name, opts.encoding);
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/, 1)[0] ?? "";
  const cell = first
    .split(/[,\t;]/)[0]
    .replace(/^"|"$/g, "")
    .trim();
  return /^factor profiles/i.test(cell) || (cell === "" && /[,\t]\s*"?factor\b/i.test(first));
}

/** Options of {@link readEpaPmfProfiles}. */
export interface EpaProfilesReadOptions extends Pick<GridOptions, "encoding" | "delimiter"> {
  /**
   * The total variable (e.g. `PM2.5`): fractions are F_kj / F_k,total, as EPA PMF's "% of total
   * variable" block. Default: the factor's species sum Σ_j F_kj (as `factorProfiles`).
   */
  total?: string;
}

/**
 * Read factor profiles written in the EPA PMF 5.0 layout, so that a PMF result from EPA PMF (a
 * colleague's run) or from aozora can be named against local source profiles (`identifyFactors`,
 * `aozora identify --profiles F`):
 * - EPA PMF 5.0's base-run `<name>_profiles.csv` / `.txt` export (Norris et al. 2014, EPA PMF 5.0
 *   User Guide, EPA/600/R-14/108, base-run output files): blocks "Factor Profiles (conc. of
 *   species) from Base Run #r …", "(% of species sum)", "(% of total variable)", each a title
 *   line, a blank line, a header row whose first two cells are empty (run, species) followed by
 *   `Factor 1` …, then one row per species: run, species name, one value per factor (comma or
 *   tab separated). This is the layout EPA's ESAT reads back from PMF5 (quanted/esat,
 *   `eval/factor_comparison.py`: header `i[0] == '' and i[1] == ''`, columns run, species, factors).
 * - aozora's own `<name>_profiles.csv` (`pmf --out`, `epaProfilesCsv`): the same blocks with one
 *   leading empty header cell (species, then factors).
 * The number of leading empty header cells gives the species column. Profiles come from the
 * "conc. of species" block (the first block when titles are missing); fractions are divided by
 * the total variable or the species sum (see `total`); the "% of species sum" block, when
 * present, is returned as `shares` for tracer checks. Empty cells are NaN with a cell change.
 *
 * @throws {AozoraInputError} naming file, row and column for a header without factor columns,
 * a non-numeric value, a species row without a name, a second row for one species in a block, a
 * file without a "conc. of species" block, or a `total` not among the species.
 */
export function readEpaPmfProfiles(src: Source, opts: EpaProfilesReadOptions = {}): ProfilesRead {
  const { name: file, bytes } = loadBytes(src);
  const text = decodeText(bytes, file, opts.encoding).replace(/^\uFEFF/, "");
  const delimiter = opts.delimiter ?? ((text.match(/\t/g)?.length ?? 0) > (text.match(/,/g)?.length ?? 0) ? "\t" : ",");
  const { records, blankRows } = parseDelimited(text, file, delimiter);
  const acc = new AccountBuilder(file);
  type Block = {
    title: string;
    row: number;
    header?: DelimitedRecord;
    k0: number;
    factors: string[];
    rows: DelimitedRecord[];
  };
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const r of records) {
    const cells = r.fields.map((f) => f.trim());
    if (cells.every((c) => c === "")) {
      blankRows.push(r.row);
      continue;
    }
    const nonEmpty = cells.filter((c) => c !== "");
    if (/^factor (profiles|contributions)/i.test(nonEmpty[0]) && nonEmpty.length === 1) {
      cur = { title: nonEmpty[0], row: r.row, k0: 0, factors: [], rows: [] };
      blocks.push(cur);
      continue;
    }
    if (!cur) {
      cur = { title: "", row: r.row, k0: 0, factors: [], rows: [] };
      blocks.push(cur);
    }
    if (!cur.header) {
      const hp = epaProfileHeader(cells);
      if (!hp)
        throw new AozoraInputError({
          file,
          row: r.row,
          expected: EPA_PROFILE_HEADER_EXPECTED,
          found: r.fields.join(delimiter === "\t" ? " | " : ","),
        });
      const { k0, factors } = hp;
      cur.header = r;
      cur.k0 = k0;
      cur.factors = factors;
      continue;
    }
    cur.rows.push(r);
  }
  const kind = (b: Block) =>
    /conc\.? of species/i.test(b.title)
      ? "conc"
      : /% of species sum/i.test(b.title)
        ? "species-sum"
        : /% of total variable/i.test(b.title)
          ? "total-variable"
          : b.title === ""
            ? "untitled"
            : "other";
  const conc = blocks.find((b) => kind(b) === "conc") ?? blocks.find((b) => kind(b) === "untitled");
  if (!conc || !conc.header)
    throw new AozoraInputError({
      file,
      row: 1,
      expected: 'a block "Factor Profiles (conc. of species) from Base Run …" (EPA PMF 5.0 profile export)',
      found: blocks.length ? blocks.map((b) => `"${b.title}"`).join(", ") : "no block",
    });
  const matrix = (b: Block) => {
    const species: string[] = [],
      v: number[][] = b.factors.map(() => []);
    const seen = new Map<string, number>();
    for (const r of b.rows) {
      const sp = (r.fields[b.k0 - 1] ?? "").trim();
      if (sp === "")
        throw new AozoraInputError({
          file,
          row: r.row,
          columnNumber: b.k0,
          expected: "a species name",
          found: "an empty cell",
        });
      if (seen.has(sp))
        throw new AozoraInputError({
          file,
          row: r.row,
          column: sp,
          columnNumber: b.k0,
          expected: `one row per species in block "${b.title}" (row ${seen.get(sp)} has "${sp}")`,
          found: "a second row",
        });
      seen.set(sp, r.row);
      species.push(sp);
      const header = b.header!.fields.map((h) => h.trim());
      const codes = missingCodeSet();
      b.factors.forEach((_f, k) => {
        const j = b.k0 + k;
        const row = { row: r.row, fields: header.map((_, q) => r.fields[q] ?? "") };
        v[k].push(numberOrMissingCell(file, header, acc.cellChanges, row, j, codes, "a number (or an empty cell)"));
      });
    }
    return { species, v };
  };
  const cm = matrix(conc);
  const tKey = opts.total?.trim().toLowerCase();
  const t = tKey === undefined ? -1 : cm.species.findIndex((sp) => sp.toLowerCase() === tKey);
  if (tKey !== undefined && t < 0)
    throw new AozoraInputError({
      file,
      row: conc.header!.row,
      expected: `the total variable "${opts.total}" among the species of block "${conc.title}"`,
      found: cm.species.join(", "),
    });
  const last = conc.rows.length ? conc.rows[conc.rows.length - 1].row : conc.header!.row;
  const profiles: SourceProfile[] = conc.factors.map((f, k) => {
    const row = cm.v[k];
    const mass = t >= 0 ? row[t] : row.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    return {
      name: f,
      category: "unknown",
      species: [...cm.species],
      fraction: row.map((x) => (mass > 0 ? x / mass : NaN)),
      uncertainty: row.map(() => NaN),
      unit: "g/g" as const,
      provenance: {
        kind: "pmf-factor" as const,
        source: `${file}, rows ${conc.header!.row}–${last}${conc.title ? ` (${conc.title})` : ""}`,
        notes:
          (t >= 0 ? `fractions of ${cm.species[t]}` : "fractions of the factor's species sum") +
          (conc.title === "" ? "; untitled first block read as conc. of species" : ""),
      },
    };
  });
  const ss = blocks.find((b) => kind(b) === "species-sum");
  let shares: ProfilesRead["shares"];
  if (ss && ss.header) {
    const sm = matrix(ss);
    shares = { species: sm.species, share: sm.v.map((col) => col.map((x) => x / 100)) };
  }
  acc.blankRows.push(...blankRows.sort((a, b) => a - b));
  const dataRows = blocks.reduce((n, b) => n + b.rows.length, 0);
  acc.inputRows = dataRows;
  return { profiles, account: acc.finish(dataRows), layout: "epa-pmf", ...(shares ? { shares } : {}) };
}

/**
 * Read a SPECIATE-style export (US EPA SPECIATE database, Simon et al. 2010, Atmos. Pollut. Res.
 * 1:196–206): columns PROFILE_CODE, SPECIES_NAME, WEIGHT_PERCENT, optional PROFILE_NAME and
 * UNCERTAINTY_PERCENT (absolute, in weight-percent units). Weight percents become g/g (÷ 100).
 * Categories come from `categories` (code → category), else the profile name. A weight percent
 * outside 0–100 or a negative uncertainty is an error; a profile whose weight percents sum to more
 * than 100 % is flagged in the account (`profile-sum-above-1`, on its first row).
 *
 * @throws {AozoraInputError} naming file, row and column for the errors above.
 */
export function readSpeciate(
  src: Source,
  opts: GridOptions & { categories?: Record<string, string> } = {},
): ProfilesRead {
  const grid = readGrid(src, opts);
  requireDataRows(grid);
  const acc = gridAccount(grid);
  const jc = findCol(grid, ["profile_code"], true, "PROFILE_CODE");
  const jn = findCol(grid, ["profile_name"], false, "PROFILE_NAME");
  const js = findCol(grid, ["species_name"], true, "SPECIES_NAME");
  const jw = findCol(grid, ["weight_percent"], true, "WEIGHT_PERCENT");
  const ju = findCol(grid, ["uncertainty_percent"], false, "UNCERTAINTY_PERCENT");
  const rows = grid.records.map((r) => {
    const code = nameCell(grid, r, jc, "a profile code");
    const w = numberCell(grid, acc, r, jw, "a weight percent (0–100)");
    if (w < 0 || w > 100) throw cellError(grid, r, jw, "a weight percent from 0 to 100");
    const unc = numberCell(grid, acc, r, ju, "an uncertainty percent");
    if (unc < 0) throw negativeUncertainty(grid, r, ju);
    const name = jn >= 0 && r.fields[jn].trim() !== "" ? r.fields[jn].trim() : code;
    return {
      key: code,
      name,
      category:
        (opts.categories && Object.prototype.hasOwnProperty.call(opts.categories, code)
          ? opts.categories[code]
          : undefined) ?? name,
      code,
      species: nameCell(grid, r, js, "a species name"),
      value: w / 100,
      unc: unc / 100,
      row: r.row,
    };
  });
  return {
    profiles: collect(grid, acc, rows, "speciate", "WEIGHT_PERCENT/100"),
    account: acc.finish(grid.records.length),
    layout: "speciate",
  };
}

/** One species measurement of one dilution-tunnel test, as read. */
export interface DilutionTunnelRow {
  row: number;
  test: string;
  vehicle: string;
  fuel: string;
  /** Dilution ratio DR (≥ 1, dimensionless). */
  dilutionRatio: number;
  species: string;
  /** Diluted-exhaust sample and dilution-air background concentrations with 1σ uncertainties, `unit`. */
  sample: number;
  sampleUnc: number;
  background: number;
  backgroundUnc: number;
}

/**
 * Read dilution-tunnel test results (long format): columns test, vehicle, fuel, dilution_ratio,
 * species, sample (<unit>), sample_unc, background, background_unc (same unit, e.g. µg/m3).
 * A dilution ratio below 1, a negative uncertainty or a test whose dilution ratio changes
 * between rows is an error. The reader computes nothing (see dilutionTunnelProfiles).
 * @throws {AozoraInputError} when a required column is missing, the sample header has no concentration unit, a dilution ratio is below 1 or changes within a test, or an uncertainty is negative
 */
export function readDilutionTunnel(
  src: Source,
  opts: GridOptions = {},
): { rows: DilutionTunnelRow[]; unit: string; account: ReadAccount } {
  const grid = readGrid(src, opts);
  requireDataRows(grid);
  const acc = gridAccount(grid);
  const c = {
    test: findCol(grid, ["test", "test_id"], true, "test"),
    vehicle: findCol(grid, ["vehicle"], false, "vehicle"),
    fuel: findCol(grid, ["fuel"], false, "fuel"),
    dr: findCol(grid, ["dilution_ratio", "dr"], true, "dilution_ratio"),
    species: findCol(grid, ["species"], true, "species"),
    sample: findCol(grid, ["sample"], true, "sample"),
    sampleUnc: findCol(grid, ["sample_unc"], true, "sample_unc"),
    background: findCol(grid, ["background"], true, "background"),
    backgroundUnc: findCol(grid, ["background_unc"], true, "background_unc"),
  };
  const unit = splitHeaderUnit(grid.header[c.sample]).unit;
  if (!unit) throw headerCellError(grid, c.sample, 'a concentration unit in the header, e.g. "sample (µg/m3)"');
  const drOf = new Map<string, number>();
  const rows = grid.records.map((r) => {
    const get = (j: number, what: string) => numberCell(grid, acc, r, j, what);
    const test = nameCell(grid, r, c.test, "a test id");
    const dr = get(c.dr, "a dilution ratio ≥ 1");
    if (!(dr >= 1)) throw cellError(grid, r, c.dr, "a dilution ratio ≥ 1");
    if (drOf.has(test) && drOf.get(test) !== dr)
      throw cellError(grid, r, c.dr, `the same dilution ratio as earlier rows of test "${test}" (${drOf.get(test)})`);
    drOf.set(test, dr);
    const out: DilutionTunnelRow = {
      row: r.row,
      test,
      vehicle: c.vehicle >= 0 ? r.fields[c.vehicle].trim() : "",
      fuel: c.fuel >= 0 ? r.fields[c.fuel].trim() : "",
      dilutionRatio: dr,
      species: nameCell(grid, r, c.species, "a species name"),
      sample: get(c.sample, "a concentration"),
      sampleUnc: get(c.sampleUnc, "an uncertainty ≥ 0"),
      background: get(c.background, "a concentration"),
      backgroundUnc: get(c.backgroundUnc, "an uncertainty ≥ 0"),
    };
    for (const [k, j] of [
      ["sampleUnc", c.sampleUnc],
      ["backgroundUnc", c.backgroundUnc],
    ] as const) {
      if (out[k] < 0) throw negativeUncertainty(grid, r, j);
    }
    return out;
  });
  return { rows, unit, account: acc.finish(grid.records.length) };
}
