import type { SourceProfile } from "./types";
import { splitHeaderUnit } from "../table/units";
import { AccountBuilder, type ReadAccount } from "../io/account";
import { missingCodeSet, parseCell } from "../io/cells";
import { AozoraInputError } from "../io/errors";
import { readGrid, requireDataRows, type Grid, type GridOptions } from "../io/grid";
import type { Source } from "../io/source";

/** Result of the profile readers. */
export interface ProfilesRead {
  profiles: SourceProfile[];
  account: ReadAccount;
}

function findCol(grid: Grid, names: string[], required: boolean, what: string): number {
  const j = grid.header.findIndex((h) =>
    names.includes(
      splitHeaderUnit(h)
        .name.toLowerCase()
        .replace(/[\s-]+/g, "_"),
    ),
  );
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
  if (j < 0) return NaN;
  const c = parseCell(r.fields[j], missingCodeSet(), "missing");
  if (c.kind === "invalid" || c.kind === "below-detection")
    throw new AozoraInputError({
      file: grid.file,
      row: r.row,
      column: grid.header[j],
      columnNumber: j + 1,
      expected: what,
      found: r.fields[j],
    });
  if (c.kind === "missing")
    acc.cellChanges.push({
      row: r.row,
      column: grid.header[j],
      original: r.fields[j],
      value: NaN,
      reason: "missing-code",
    });
  return c.value;
}

/** A cell that names something (profile, species, test): empty is an error, never a nameless group. */
function nameCell(grid: Grid, r: { row: number; fields: string[] }, j: number, what: string): string {
  const t = r.fields[j].trim();
  if (t === "")
    throw new AozoraInputError({
      file: grid.file,
      row: r.row,
      column: grid.header[j],
      columnNumber: j + 1,
      expected: what,
      found: "an empty cell",
    });
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
 * are kept as NaN (listed as cell changes); a negative fraction, an unknown unit or an empty
 * profile or species name is an error.
 */
export function readProfiles(src: Source, opts: GridOptions = {}): ProfilesRead {
  const grid = readGrid(src, opts);
  requireDataRows(grid);
  const acc = new AccountBuilder(grid.file);
  acc.blankRows.push(...grid.blankRows);
  acc.inputRows = grid.records.length;
  const jp = findCol(grid, ["profile", "profile_name", "source"], true, "profile");
  const js = findCol(grid, ["species", "species_name"], true, "species");
  const jv = findCol(grid, ["fraction", "value", "mass_fraction"], true, "fraction");
  const ju = findCol(grid, ["uncertainty", "unc", "sd"], false, "uncertainty");
  const jc = findCol(grid, ["category"], false, "category");
  const jk = findCol(grid, ["code", "profile_code"], false, "code");
  const unit = splitHeaderUnit(grid.header[jv]).unit ?? "";
  const scale = SCALE[unit];
  if (scale === undefined)
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow,
      column: grid.header[jv],
      expected: `a unit in the fraction header: ${Object.keys(SCALE).join(", ")}, e.g. "fraction (%)"`,
    });
  const rows = grid.records.map((r) => {
    const value = numberCell(grid, acc, r, jv, "a fraction (number ≥ 0)");
    if (value < 0)
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: grid.header[jv],
        expected: "a fraction ≥ 0",
        found: r.fields[jv],
      });
    const name = nameCell(grid, r, jp, "a profile name");
    return {
      key: name,
      name,
      category: jc >= 0 && r.fields[jc].trim() !== "" ? r.fields[jc].trim() : name,
      code: jk >= 0 ? r.fields[jk].trim() : undefined,
      species: nameCell(grid, r, js, "a species name"),
      value: value * scale,
      unc: numberCell(grid, acc, r, ju, "an uncertainty (number)") * scale,
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
  return { profiles, account: acc.finish(grid.records.length) };
}

/**
 * Read a SPECIATE-style export (US EPA SPECIATE database, Simon et al. 2010, Atmos. Pollut. Res.
 * 1:196–206): columns PROFILE_CODE, SPECIES_NAME, WEIGHT_PERCENT, optional PROFILE_NAME and
 * UNCERTAINTY_PERCENT (absolute, in weight-percent units). Weight percents become g/g (÷ 100).
 * Categories come from `categories` (code → category), else the profile name.
 */
export function readSpeciate(
  src: Source,
  opts: GridOptions & { categories?: Record<string, string> } = {},
): ProfilesRead {
  const grid = readGrid(src, opts);
  requireDataRows(grid);
  const acc = new AccountBuilder(grid.file);
  acc.blankRows.push(...grid.blankRows);
  acc.inputRows = grid.records.length;
  const jc = findCol(grid, ["profile_code"], true, "PROFILE_CODE");
  const jn = findCol(grid, ["profile_name"], false, "PROFILE_NAME");
  const js = findCol(grid, ["species_name"], true, "SPECIES_NAME");
  const jw = findCol(grid, ["weight_percent"], true, "WEIGHT_PERCENT");
  const ju = findCol(grid, ["uncertainty_percent"], false, "UNCERTAINTY_PERCENT");
  const rows = grid.records.map((r) => {
    const code = nameCell(grid, r, jc, "a profile code");
    const w = numberCell(grid, acc, r, jw, "a weight percent (0–100)");
    if (w < 0 || w > 100)
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: grid.header[jw],
        expected: "a weight percent from 0 to 100",
        found: r.fields[jw],
      });
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
      unc: numberCell(grid, acc, r, ju, "an uncertainty percent") / 100,
      row: r.row,
    };
  });
  return {
    profiles: collect(grid, acc, rows, "speciate", "WEIGHT_PERCENT/100"),
    account: acc.finish(grid.records.length),
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
 */
export function readDilutionTunnel(
  src: Source,
  opts: GridOptions = {},
): { rows: DilutionTunnelRow[]; unit: string; account: ReadAccount } {
  const grid = readGrid(src, opts);
  requireDataRows(grid);
  const acc = new AccountBuilder(grid.file);
  acc.blankRows.push(...grid.blankRows);
  acc.inputRows = grid.records.length;
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
  if (!unit)
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow,
      column: grid.header[c.sample],
      expected: 'a concentration unit in the header, e.g. "sample (µg/m3)"',
    });
  const drOf = new Map<string, number>();
  const rows = grid.records.map((r) => {
    const get = (j: number, what: string) => numberCell(grid, acc, r, j, what);
    const test = nameCell(grid, r, c.test, "a test id");
    const dr = get(c.dr, "a dilution ratio ≥ 1");
    if (!(dr >= 1))
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: grid.header[c.dr],
        expected: "a dilution ratio ≥ 1",
        found: r.fields[c.dr],
      });
    if (drOf.has(test) && drOf.get(test) !== dr)
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: grid.header[c.dr],
        expected: `the same dilution ratio as earlier rows of test "${test}" (${drOf.get(test)})`,
        found: r.fields[c.dr],
      });
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
      if (out[k] < 0)
        throw new AozoraInputError({
          file: grid.file,
          row: r.row,
          column: grid.header[j],
          expected: "an uncertainty ≥ 0",
          found: r.fields[j],
        });
    }
    return out;
  });
  return { rows, unit, account: acc.finish(grid.records.length) };
}
