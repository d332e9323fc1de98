/**
 * Observations for the OBM from a table another reader has read (a monitoring table with VOC,
 * NO/NO2/O3/CO and meteorology columns): which column is which, unit conversions, VOC → mechanism
 * species, and the RIR groups of the species found — with an account of every column.
 * @packageDocumentation
 */
import type { ReadAccount } from "../io/account";
import { AozoraInputError } from "../io/errors";
import { convertGas } from "../models/ozone/convert";
import { vocReadFromTable } from "../models/voc/read";
import { getVocSpecies } from "../models/voc/registry";
import { CRITERIA_GAS_MOLAR_MASS } from "../table/molar-mass";
import { headerKey } from "../table/header";
import { STP_298, type ReferenceState } from "../table/gas";
import type { AqTable } from "../table/table";
import { normaliseUnit, splitHeaderUnit } from "../table/units";
import { matchVocName } from "../models/voc/names";
import type { ObmObservations } from "./obm";
import { mapVocToMechanism, type VocMechanismMapping } from "./voc-mapping";

/** The mechanisms of the CMAQ files shipped in `shared/reference/mechanisms/`. */
export type ObmMechanismName = "cb6r5" | "saprc07tc" | "racm2";

/** Options of {@link obmObservationsFromTable}. */
export interface ObmTableOptions {
  /** Which mechanism the VOCs are mapped to (`racm2`: no cited VOC mapping; only columns named as model species are used). */
  mechanism: ObmMechanismName;
  /** The variable species of the compiled mechanism (`compiled.system.species`). */
  species: readonly string[];
  /** The file the table was read from (for messages). */
  file: string;
  /** The reader's account (its blank rows give the file rows of table rows). */
  account?: ReadAccount;
  /** Reference state of µg/m3 and mg/m3 columns (default 298.15 K, 101.325 kPa: China's reporting state since 2018-09-01). */
  state?: ReferenceState;
  /**
   * The column holding the boundary-layer (mixing) height, by its header or its name without the unit
   * (e.g. `"BLH"` for `BLH (m)`); in m or km, > 0 in every hour. Returned as `boundaryLayerHeightM`, for
   * `runObm`'s option of that name. Without it no column is read as a height.
   */
  boundaryLayerHeightColumn?: string;
}

/** How one column of the table was used. */
export interface ObmColumnUse {
  /** The header as written. */
  header: string;
  /** 1-based column number in the table. */
  columnNumber: number;
  /** What it became: a VOC input, a model species (by name), or temperature, RH, pressure, J(NO2). */
  use: "voc" | "species" | "temperature" | "rh" | "pressure" | "jNO2" | "boundaryLayerHeight";
  /** The model species (for `species`), or the VOC registry id (for `voc`). */
  name?: string;
  /** The unit in the table and the conversion applied (`"ppm → ppb (× 1000)"`), if any. */
  unit: string;
  conversion?: string;
}

/** A column that was not used, with the reason. */
export interface ObmColumnUnused {
  header: string;
  columnNumber: number;
  reason: string;
}

/** Result of {@link obmObservationsFromTable}. */
export interface ObmTableRead {
  /** The observations for `runObm` (ppb by mechanism species, K, %, Pa, s⁻¹). */
  obs: ObmObservations;
  /** The boundary-layer height (m) of each hour, when `boundaryLayerHeightColumn` named a column. */
  boundaryLayerHeightM?: Float64Array;
  /** The VOC mapping with its account (mapped inputs and their moles per mole; unmapped inputs and why); undefined for racm2. */
  vocMapping?: VocMechanismMapping;
  /** VOC columns that the mechanism has no cited mapping for (racm2), by header. */
  vocNotMapped: string[];
  /** Mapped model species that are not variable species of the mechanism given (a reduced mechanism file): left out, listed here. */
  notInMechanism: { species: string; inputs: string[] }[];
  /** Every column used. */
  columns: ObmColumnUse[];
  /** Every column not used. */
  unused: ObmColumnUnused[];
  /**
   * RIR groups of the observed model species: `AVOC` (VOC model species filled by non-biogenic inputs, and
   * organic species given by name), `BVOC` (filled only by the registry's BVOC group: isoprene, pinenes), `CO`,
   * `NOx` (NO, NO2); groups without an observed member are left out.
   */
  rirGroups: Record<string, string[]>;
}

const NAMES = {
  temperature: ["T", "temp", "temperature", "air temperature", "TEMP", "気温", "温度", "气温"],
  rh: ["RH", "relative humidity", "humidity", "湿度", "相対湿度", "相对湿度"],
  pressure: ["P", "pressure", "air pressure", "PRES", "気圧", "气压"],
  jNO2: ["JNO2", "J(NO2)", "J_NO2", "jno2", "NO2 photolysis frequency"],
} as const;

/** Inorganic or non-VOC species that are never in a VOC group (the rest of the organic names go to AVOC). */
const INORGANIC = new Set([
  "NO",
  "NO2",
  "O3",
  "CO",
  "HONO",
  "HNO3",
  "SO2",
  "H2O2",
  "NO3",
  "N2O5",
  "OH",
  "HO2",
  "PAN",
  "PNA",
  "HNO4",
  "NH3",
  "CL2",
  "HCL",
  "CLNO2",
]);

const MIXING_RATIO: Record<string, number> = { ppt: 1e-3, ppb: 1, ppm: 1e3 };

/**
 * Observations for {@link runObm} from a table (the CLI's and the notebooks' path: a reader gives the table,
 * this function decides what each column is). Columns, by their name without unit (`headerKey`):
 * - VOC species of aozora's registry (matched as `vocReadFromTable` does: one unit for all, no duplicates, no
 *   negatives) → `mapVocToMechanism` (CB6r5, SAPRC-07TC; the account is returned). RACM2 has no cited mapping
 *   in aozora: its VOC columns are listed in `vocNotMapped`, not used.
 * - a column named exactly as a variable species of the mechanism (NO, NO2, O3, CO, HONO, or any model species
 *   such as `FORM`, `ISO`) → that species, in ppt/ppb/ppm (→ ppb) or, for NO, NO2, O3, CO and SO2, µg/m3 or
 *   mg/m3 (→ ppb at `state`, molar masses `CRITERIA_GAS_MOLAR_MASS`).
 * - temperature (`T`, `気温`, `气温`; °C or K), relative humidity (`RH`, `湿度`; %), pressure (`P`, `気圧`,
 *   `气压`; hPa, kPa, Pa; default 101 325 Pa when absent), J(NO2) (`JNO2`; s⁻¹, optional: scales the clear-sky J).
 * - the boundary-layer height, only from the column named by `boundaryLayerHeightColumn` (m or km → m).
 * Every other column is listed in `unused` with the reason (e.g. `NOx`: NO and NO2 are used).
 *
 * @param table a table with a time column of equally spaced UTC instants (hourly)
 * @param opts mechanism, its variable species, file name and account (messages), reference state
 * @returns the observations, the VOC mapping account, the use of every column and the RIR groups
 * @throws {AozoraInputError} naming file, row and column when: the table has no time column or the times are not
 *   equally spaced and increasing; temperature or RH is absent; a used column has a missing value (the OBM
 *   needs every hour), a negative value, or a unit that is not one of those above; two columns are one species;
 *   a VOC column breaks a rule of `vocReadFromTable`; or `boundaryLayerHeightColumn` names no column, or its
 *   column has a value that is not > 0
 */
export function obmObservationsFromTable(table: AqTable, opts: ObmTableOptions): ObmTableRead {
  const { file } = opts;
  const state = opts.state ?? STP_298;
  const blank = [...(opts.account?.blankRows ?? [])].sort((a, b) => a - b);
  /** 1-based file row of table row i (one header row, blank rows skipped). */
  const fileRow = (i: number) => {
    let r = i + 2;
    for (const b of blank) if (b <= r) r++;
    return r;
  };
  if (!table.timeColumn)
    throw new AozoraInputError({ file, expected: "a time column (hourly UTC instants)", found: "none" });
  const times = Array.from(table.times());
  if (times.length < 2)
    throw new AozoraInputError({ file, expected: "at least two hourly rows", found: `${times.length} row(s)` });
  const dt = times[1] - times[0];
  for (let i = 1; i < times.length; i++)
    if (!(dt > 0) || times[i] - times[i - 1] !== dt)
      throw new AozoraInputError({
        file,
        row: fileRow(i),
        column: table.info(table.timeColumn).original,
        expected: `equally spaced, increasing times (${dt / 60000} min after the previous row)`,
        found: `${(times[i] - times[i - 1]) / 60000} min`,
      });
  const n = times.length;
  const variable = new Set(opts.species);
  const columns: ObmColumnUse[] = [];
  const unused: ObmColumnUnused[] = [];
  const ppb: Record<string, Float64Array> = {};
  const seen = new Map<string, string>();
  const values = (name: string, header: string, j: number, negativeOk = false): Float64Array => {
    const v = Float64Array.from(table.numbers(name));
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(v[i]))
        throw new AozoraInputError({
          file,
          row: fileRow(i),
          column: header,
          columnNumber: j + 1,
          expected: "a value in every hour (the box model is constrained hour by hour; fill or cut the gap first)",
          found: "missing",
        });
      if (!negativeOk && v[i] < 0)
        throw new AozoraInputError({
          file,
          row: fileRow(i),
          column: header,
          columnNumber: j + 1,
          expected: "a value ≥ 0",
          found: String(v[i]),
        });
    }
    return v;
  };
  /** Throws naming the first row whose value fails `ok` (after the missing/negative checks of `values`). */
  const check = (v: Float64Array, ok: (x: number) => boolean, header: string, j: number, expected: string) => {
    const bad = v.findIndex((x) => !ok(x));
    if (bad >= 0)
      throw new AozoraInputError({
        file,
        row: fileRow(bad),
        column: header,
        columnNumber: j + 1,
        expected,
        found: String(v[bad]),
      });
  };
  const badUnit = (header: string, j: number, expected: string, unit: string) =>
    new AozoraInputError({ file, column: header, columnNumber: j + 1, expected, found: unit || "no unit" });
  const once = (key: string, header: string, j: number) => {
    const other = seen.get(key);
    if (other !== undefined)
      throw new AozoraInputError({
        file,
        column: header,
        columnNumber: j + 1,
        expected: `one column of ${key}`,
        found: `also "${other}"`,
      });
    seen.set(key, header);
  };
  const keyOf = (names: readonly string[]) => new Set(names.map((s) => headerKey(s)));
  const metKeys = {
    temperature: keyOf(NAMES.temperature),
    rh: keyOf(NAMES.rh),
    pressure: keyOf(NAMES.pressure),
    jNO2: keyOf(NAMES.jNO2),
  };
  const met: Partial<Record<keyof typeof metKeys, Float64Array>> = {};
  const vocColumns = new Set<string>();
  // the boundary-layer height column, by header or by name without its unit
  const blhName = opts.boundaryLayerHeightColumn;
  let blhIndex = -1;
  let blh: Float64Array | undefined;
  if (blhName !== undefined) {
    const want = headerKey(splitHeaderUnit(blhName).name);
    const hits = table.columns
      .map((c, j) => ({ c, j }))
      .filter(
        ({ c }) =>
          c.kind !== "time" &&
          ((c.original.trim() || c.name) === blhName.trim() ||
            headerKey(splitHeaderUnit(c.original.trim() || c.name).name) === want),
      );
    if (hits.length !== 1)
      throw new AozoraInputError({
        file,
        expected: `one column "${blhName}" (the boundary-layer height)`,
        found:
          hits.length === 0
            ? `columns ${table.columns.map((c) => `"${c.original.trim() || c.name}"`).join(", ")}`
            : `${hits.length} columns`,
      });
    blhIndex = hits[0].j;
  }
  table.columns.forEach((c, j) => {
    if (c.kind === "time") return;
    const header = c.original.trim() || c.name;
    const name = c.name;
    const unit = normaliseUnit(c.unit ?? "");
    if (j === blhIndex) {
      const f = ({ m: 1, km: 1000 } as Record<string, number>)[unit];
      if (c.kind !== "number" || f === undefined)
        throw badUnit(header, j, "a boundary-layer height in m or km, e.g. BLH (m)", unit);
      const v = values(name, header, j);
      check(v, (x) => x > 0, header, j, "a boundary-layer height > 0");
      blh = f === 1 ? v : v.map((x) => x * f);
      columns.push({
        header,
        columnNumber: j + 1,
        use: "boundaryLayerHeight",
        unit,
        ...(f !== 1 ? { conversion: "km → m (× 1000)" } : {}),
      });
      return;
    }
    if (c.kind !== "number") {
      unused.push({ header, columnNumber: j + 1, reason: "text column" });
      return;
    }
    if (matchVocName(splitHeaderUnit(header).name).kind !== "unknown") {
      vocColumns.add(header); // a registry VOC or co-eluting pair: read by vocReadFromTable below
      return;
    }
    if (variable.has(name)) {
      once(name, header, j);
      let v: Float64Array;
      let conversion: string | undefined;
      if (unit in MIXING_RATIO) {
        v = values(name, header, j).map((x) => x * MIXING_RATIO[unit]);
        if (unit !== "ppb") conversion = `${unit} → ppb (× ${MIXING_RATIO[unit]})`;
      } else if ((unit === "µg/m3" || unit === "mg/m3") && name in CRITERIA_GAS_MOLAR_MASS) {
        const mw = CRITERIA_GAS_MOLAR_MASS[name as keyof typeof CRITERIA_GAS_MOLAR_MASS];
        v = convertGas(values(name, header, j), unit, "ppb", mw, { state, name: header });
        conversion = `${unit} → ppb (MW ${mw} g/mol, ${state.temperatureK} K, ${state.pressureKPa} kPa)`;
      } else
        throw badUnit(
          header,
          j,
          `a mixing ratio (ppt, ppb, ppm)${name in CRITERIA_GAS_MOLAR_MASS ? " or µg/m3, mg/m3" : ""} for model species ${name}`,
          unit,
        );
      ppb[name] = v;
      columns.push({ header, columnNumber: j + 1, use: "species", name, unit, ...(conversion ? { conversion } : {}) });
      return;
    }
    const k = headerKey(name);
    for (const what of ["temperature", "rh", "pressure", "jNO2"] as const) {
      if (!metKeys[what].has(k)) continue;
      once(what, header, j);
      let v: Float64Array;
      let conversion: string | undefined;
      if (what === "temperature") {
        if (unit === "°C") {
          v = values(name, header, j, true).map((x) => x + 273.15);
          conversion = "°C → K (+ 273.15)";
        } else if (unit === "K") v = values(name, header, j);
        else throw badUnit(header, j, "a temperature in °C or K", unit);
      } else if (what === "rh") {
        if (unit !== "%") throw badUnit(header, j, "relative humidity in %", unit);
        v = values(name, header, j);
        check(v, (x) => x <= 100, header, j, "relative humidity in [0, 100] %");
      } else if (what === "pressure") {
        const f = { hPa: 100, kPa: 1000, Pa: 1 }[unit];
        if (f === undefined) throw badUnit(header, j, "a pressure in hPa, kPa or Pa", unit);
        v = values(name, header, j).map((x) => x * f);
        if (f !== 1) conversion = `${unit} → Pa (× ${f})`;
      } else {
        if (unit !== "s-1" && unit !== "1/s") throw badUnit(header, j, "J(NO2) in s-1", unit);
        v = values(name, header, j);
      }
      met[what] = v;
      columns.push({ header, columnNumber: j + 1, use: what, unit, ...(conversion ? { conversion } : {}) });
      return;
    }
    unused.push({
      header,
      columnNumber: j + 1,
      reason:
        k === "nox"
          ? "NOx is not a model species (NO and NO2 are used)"
          : "not a VOC of the registry, a variable species of the mechanism, or T, RH, P, J(NO2)",
    });
  });
  if (!met.temperature)
    throw new AozoraInputError({ file, expected: "a temperature column (T, in °C or K)", found: "none" });
  if (!met.rh) throw new AozoraInputError({ file, expected: "a relative humidity column (RH, in %)", found: "none" });

  // VOCs: the registry columns, read with the VOC rules, then mapped
  let vocMapping: VocMechanismMapping | undefined;
  const vocNotMapped: string[] = [];
  const notInMechanism: { species: string; inputs: string[] }[] = [];
  const groupOf = new Map<string, { avoc: number; bvoc: number }>();
  if (vocColumns.size > 0) {
    const read = vocReadFromTable(table, file, opts.account ?? emptyAccount(file));
    for (const c of read.columns) values(table.columns[c.columnNumber! - 1].name, c.header, c.columnNumber! - 1);
    if (opts.mechanism === "racm2") {
      for (const c of read.columns) vocNotMapped.push(c.header);
    } else {
      const input: Record<string, number[]> = {};
      for (const c of read.columns) input[c.match.id] = Array.from(c.values);
      vocMapping = mapVocToMechanism(input, opts.mechanism === "cb6r5" ? "cb6r5" : "saprc07", {
        unit: read.columns[0].unit,
        state,
      });
      const from = new Map<string, string[]>();
      for (const m of vocMapping.mapped) {
        const bio = m.members
          ? m.members.every((x) => getVocSpecies(x)?.group === "BVOC")
          : getVocSpecies(m.id)?.group === "BVOC";
        for (const t of m.terms) {
          if (t.species === null) continue;
          const arr = from.get(t.species) ?? [];
          arr.push(m.input);
          from.set(t.species, arr);
          const g = groupOf.get(t.species) ?? { avoc: 0, bvoc: 0 };
          g[bio ? "bvoc" : "avoc"] += t.molesPerMole;
          groupOf.set(t.species, g);
        }
      }
      for (const c of read.columns)
        columns.push({ header: c.header, columnNumber: c.columnNumber!, use: "voc", name: c.match.id, unit: c.unit });
      for (const [s, series] of Object.entries(vocMapping.species)) {
        if (!variable.has(s)) {
          notInMechanism.push({ species: s, inputs: from.get(s) ?? [] });
          continue;
        }
        if (ppb[s] !== undefined)
          throw new AozoraInputError({
            file,
            column: seen.get(s),
            expected: `model species ${s} either as its own column or from the VOC columns, not both`,
            found: `also from ${(from.get(s) ?? []).join(", ")}`,
          });
        ppb[s] = Float64Array.from(series);
      }
    }
  }
  const rirGroups: Record<string, string[]> = {};
  const add = (g: string, s: string) => (rirGroups[g] ??= []).push(s);
  for (const s of Object.keys(ppb)) {
    const g = groupOf.get(s);
    if (s === "CO") add("CO", s);
    else if (s === "NO" || s === "NO2") add("NOx", s);
    else if (g) add(g.bvoc > g.avoc ? "BVOC" : "AVOC", s);
    else if (!INORGANIC.has(s)) add("AVOC", s);
  }
  const order = ["AVOC", "BVOC", "CO", "NOx"];
  const groups: Record<string, string[]> = {};
  for (const g of order) if (rirGroups[g]) groups[g] = rirGroups[g];
  const obs: ObmObservations = {
    timesUtc: times,
    ppb,
    temperatureK: met.temperature,
    rhPercent: met.rh,
    ...(met.pressure ? { pressurePa: met.pressure } : {}),
    ...(met.jNO2 ? { jNO2: met.jNO2 } : {}),
  };
  return {
    obs,
    ...(blh ? { boundaryLayerHeightM: blh } : {}),
    ...(vocMapping ? { vocMapping } : {}),
    vocNotMapped,
    notInMechanism,
    columns,
    unused,
    rirGroups: groups,
  };
}

function emptyAccount(file: string): ReadAccount {
  return { file, inputRows: 0, keptRows: 0, setAside: [], flagged: [], cellChanges: [], blankRows: [] };
}
