/**
 * CMAQ `CSQY_DATA_<mechanism>` photolysis tables: the reader and the band sum that turns an actinic
 * flux per wavelength band into photolysis frequencies J (s⁻¹).
 *
 * The file (CMAQ v5.5, `CCTM/src/phot/inline/CSQY_DATA.F`, subroutine `LOAD_CSQY_DATA`, reads it)
 * lists the mechanism's photolysis tables, the reference temperatures, the in-line wavelength bands
 * (start, effective and end wavelength in nm and the top-of-atmosphere photon flux in
 * photons cm⁻² s⁻¹ per band), then for every table and temperature one `CS` row (absorption cross
 * section, cm² molecule⁻¹, averaged over the band) and one `EQY` row ("EQY = eCS·eQY/CS averaged
 * over Solar Flux and 77 bins in UCI Model", the file's header), and at the end the ozone cross
 * sections used for the stratospheric ozone column (`O3_STRAT`, "Table 4-5 in … NASA-JPL 2006").
 * @packageDocumentation
 */
import { AozoraInputError } from "../io/errors";
import { decodeText } from "../io/decode";
import { loadBytes, type ReadLimits, type Source } from "../io/source";
import { airNumberDensity } from "./air";

/** One in-line photolysis wavelength band of a CSQY file. */
export interface CsqyBand {
  /** Band start wavelength (nm). */
  startNm: number;
  /** Effective wavelength of the band (nm): CMAQ's `WAVELENGTH(IWL)` (Rayleigh, wavelength-dependent yields). */
  effectiveNm: number;
  /** Band end wavelength (nm). */
  endNm: number;
  /** Extraterrestrial photon flux in the band at 1 AU (photons cm⁻² s⁻¹): CMAQ's `FEXT`. */
  toaPhotonFlux: number;
}

/** One photolysis table: CS and EQY per reference temperature (rows) and band (columns). */
export interface CsqyTable {
  /** The table name, as the mechanism's `/<NAME>` photolysis references use it (e.g. `NO2_IUPAC10`). */
  name: string;
  /** Band-averaged absorption cross sections (cm² molecule⁻¹), `cs[temperatureIndex][bandIndex]`. */
  cs: number[][];
  /** Effective quantum yields (dimensionless), `eqy[temperatureIndex][bandIndex]`. */
  eqy: number[][];
}

/** The contents of a CMAQ CSQY file. */
export interface CsqyData {
  /** The file name used in messages. */
  file: string;
  /** The mechanism named on the first line (`Table for Mechanism = CB6R5_AE7_AQ`). */
  mechanism: string;
  /** Reference temperatures of the tables (K), increasing. */
  temperaturesK: number[];
  /** The wavelength bands, in file order. */
  bands: CsqyBand[];
  /** The photolysis tables, in file order. */
  tables: CsqyTable[];
  /** The ozone cross sections for the column above the model (`O3_STRAT`): temperatures (K) and CS per band (cm²). */
  o3Strat: { temperaturesK: number[]; cs: number[][] };
  /** The comment lines (`!` …) and free text between the header fields, with their 1-based line numbers (the references). */
  comments: { line: number; text: string }[];
}

const FORTRAN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([EeDd][+-]?\d+)?$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Read a CMAQ CSQY photolysis-table file (e.g. `CSQY_DATA_cb6r5_ae7_aq`) from its text.
 *
 * The layout is the one CMAQ v5.5 `LOAD_CSQY_DATA` reads: `Table for Mechanism = …`, `NPHOTAB = n`
 * and n table names, `NTEMP = n` and n `index temperature` rows, `N_INLINE_BAND = n` and n rows
 * `index, start nm, effective nm, end nm, photon flux,`, then for each table (in the order listed)
 * and each temperature a `NAME CS T v1 … vn` row followed by a `NAME EQY T v1 … vn` row, and
 * `NTEMP_STRAT = n` with n `O3_STRAT CS T v1 … vn` rows. Lines starting with `!` are comments;
 * free text is allowed only between `NTEMP`'s rows and `N_INLINE_BAND` (where CMAQ skips a fixed
 * 15 lines of references). Nothing is changed or dropped: every number is the number in the file.
 *
 * @param text - the file's text
 * @param opts.file - the name used in error messages (default `<string>`)
 * @returns the tables, temperatures, bands and the stratospheric ozone cross sections
 * @throws {AozoraInputError} naming the file, line and field when a header line is missing or
 *   malformed, a number is not a number (or negative), a table row is out of order (name, `CS`/`EQY`,
 *   temperature), a row has the wrong number of values, a name is listed twice, or text follows the end
 */
export function readCsqy(text: string, opts: { file?: string } = {}): CsqyData {
  const file = opts.file ?? "<string>";
  const lines = text.split(/\r\n|\n|\r/);
  const comments: { line: number; text: string }[] = [];
  let i = 0; // index of the next line to read
  const fail = (line: number, expected: string, found: string, column?: string, columnNumber?: number): never => {
    throw new AozoraInputError({ file, row: line, column, columnNumber, expected, found });
  };
  /** The next line that is neither blank nor a `!` comment (comments recorded), or null at the end. */
  const next = (): { line: number; text: string } | null => {
    while (i < lines.length) {
      const t = lines[i];
      i++;
      if (t.trim() === "") continue;
      if (t.trimStart().startsWith("!")) {
        comments.push({ line: i, text: t.trim() });
        continue;
      }
      return { line: i, text: t };
    }
    return null;
  };
  const need = (what: string) => {
    const l = next();
    if (l === null) return fail(lines.length, what, "the end of the file");
    return l;
  };
  const num = (s: string, line: number, column: string, columnNumber: number, what: string): number => {
    if (!FORTRAN_NUMBER.test(s)) fail(line, what, s, column, columnNumber);
    const v = Number(s.replace(/[dD]/, "E"));
    if (!Number.isFinite(v) || v < 0) fail(line, what, s, column, columnNumber);
    return v;
  };
  const count = (l: { line: number; text: string }, key: string): number => {
    const m = new RegExp(`^\\s*${key}\\s*=\\s*(\\S+)\\s*$`).exec(l.text);
    if (m === null) return fail(l.line, `"${key} = <count>"`, l.text.trim());
    const n = Number(m[1]);
    if (!Number.isSafeInteger(n) || n < 1) return fail(l.line, `a positive whole count after "${key} ="`, m[1]);
    return n;
  };

  const head = need(`the first line "Table for Mechanism = <name>"`);
  const hm = /^\s*Table for Mechanism\s*=\s*(\S+)\s*$/i.exec(head.text);
  if (hm === null) fail(head.line, `"Table for Mechanism = <name>"`, head.text.trim());
  const mechanism = hm![1];

  const nPhot = count(need(`"NPHOTAB = <count>"`), "NPHOTAB");
  const names: string[] = [];
  for (let k = 0; k < nPhot; k++) {
    const l = need(`photolysis table name ${k + 1} of ${nPhot}`);
    const name = l.text.trim();
    if (!NAME.test(name)) fail(l.line, `photolysis table name ${k + 1} of ${nPhot} (letters, digits, _)`, name);
    if (names.includes(name)) fail(l.line, `a table name not listed before`, name);
    names.push(name);
  }

  const nTemp = count(need(`"NTEMP = <count>"`), "NTEMP");
  const temperaturesK: number[] = [];
  for (let k = 0; k < nTemp; k++) {
    const l = need(`temperature row ${k + 1} of ${nTemp} ("index temperature")`);
    const f = l.text.trim().split(/\s+/);
    if (f.length !== 2 || Number(f[0]) !== k + 1)
      fail(l.line, `temperature row ${k + 1} of ${nTemp} ("${k + 1} <temperature K>")`, l.text.trim());
    const t = num(f[1], l.line, "TEMP", 2, "a temperature in K");
    if (t <= 0 || (k > 0 && t <= temperaturesK[k - 1]))
      fail(l.line, "a positive temperature (K) above the previous one", f[1], "TEMP", 2);
    temperaturesK.push(t);
  }

  // free text (references without "!") up to the band count, as CMAQ skips it
  let bandHead: { line: number; text: string } | null = null;
  for (let l = next(); l !== null; l = next()) {
    if (/^\s*N_INLINE_BAND\s*=/.test(l.text)) {
      bandHead = l;
      break;
    }
    comments.push({ line: l.line, text: l.text.trim() });
  }
  if (bandHead === null) fail(lines.length, `"N_INLINE_BAND = <count>"`, "the end of the file");
  const nBand = count(bandHead!, "N_INLINE_BAND");
  const bands: CsqyBand[] = [];
  const bandColumns = ["I", "START_WL_BIN(nm)", "EFFECT_WL_BIN(nm)", "END_WL_BIN(nm)", "photon_flux(cm-2*s-1)"];
  for (let k = 0; k < nBand; k++) {
    const l = need(`band row ${k + 1} of ${nBand}`);
    const f = l.text
      .trim()
      .replace(/,\s*$/, "")
      .split(/\s*,\s*/);
    if (f.length !== 5 || Number(f[0]) !== k + 1)
      fail(
        l.line,
        `band row ${k + 1} of ${nBand} ("${k + 1}, start nm, effective nm, end nm, photon flux,")`,
        l.text.trim(),
      );
    const v = f.slice(1).map((s, j) => num(s, l.line, bandColumns[j + 1], j + 2, `a non-negative number`));
    if (!(v[0] < v[1] && v[1] < v[2]))
      fail(l.line, "start < effective < end wavelength", `${f[1]}, ${f[2]}, ${f[3]}`, bandColumns[2], 3);
    if (k > 0 && v[0] < bands[k - 1].endNm)
      fail(
        l.line,
        `a band starting at or after the previous band's end (${bands[k - 1].endNm} nm)`,
        f[1],
        bandColumns[1],
        2,
      );
    bands.push({ startNm: v[0], effectiveNm: v[1], endNm: v[2], toaPhotonFlux: v[3] });
  }

  const values = (l: { line: number; text: string }, f: string[], what: string): number[] =>
    f.slice(3).map((s, j) => num(s, l.line, `WBIN(${j + 1})`, j + 4, what));
  const checkRow = (l: { line: number; text: string }, name: string, quantity: string, tK: number): string[] => {
    const f = l.text.trim().split(/\s+/);
    const want = `"${name} ${quantity} ${tK.toFixed(3)}" and ${nBand} values`;
    if (f[0] !== name) fail(l.line, want, f[0], "PHOTAB", 1);
    if (f[1] !== quantity) fail(l.line, want, f[1] ?? "", "QUANTITY", 2);
    const t = num(f[2] ?? "", l.line, "TEMP", 3, want);
    if (Math.abs(t - tK) > 1e-6 * tK) fail(l.line, want, f[2], "TEMP", 3);
    if (f.length !== 3 + nBand) fail(l.line, want, `${f.length - 3} values`);
    return f;
  };
  const tables: CsqyTable[] = [];
  for (const name of names) {
    const cs: number[][] = [];
    const eqy: number[][] = [];
    for (const tK of temperaturesK) {
      const lc = need(`the ${name} CS row at ${tK} K`);
      cs.push(values(lc, checkRow(lc, name, "CS", tK), "a cross section (cm², ≥ 0)"));
      const le = need(`the ${name} EQY row at ${tK} K`);
      eqy.push(values(le, checkRow(le, name, "EQY", tK), "an effective quantum yield (≥ 0)"));
    }
    tables.push({ name, cs, eqy });
  }

  const nStrat = count(need(`"NTEMP_STRAT = <count>"`), "NTEMP_STRAT");
  const stratT: number[] = [];
  const stratCs: number[][] = [];
  for (let k = 0; k < nStrat; k++) {
    const l = need(`O3_STRAT row ${k + 1} of ${nStrat}`);
    const f = l.text.trim().split(/\s+/);
    const want = `"O3_STRAT CS <temperature K>" and ${nBand} values`;
    if (f[0] !== "O3_STRAT") fail(l.line, want, f[0], "PHOTAB", 1);
    if (f[1] !== "CS") fail(l.line, want, f[1] ?? "", "QUANTITY", 2);
    const t = num(f[2] ?? "", l.line, "TEMP", 3, want);
    if (k > 0 && t <= stratT[k - 1]) fail(l.line, "a temperature above the previous O3_STRAT row's", f[2], "TEMP", 3);
    if (f.length !== 3 + nBand) fail(l.line, want, `${f.length - 3} values`);
    stratT.push(t);
    stratCs.push(values(l, f, "a cross section (cm², ≥ 0)"));
  }
  const rest = next();
  if (rest !== null) fail(rest.line, "the end of the file after the O3_STRAT rows", rest.text.trim());
  return { file, mechanism, temperaturesK, bands, tables, o3Strat: { temperaturesK: stratT, cs: stratCs }, comments };
}

/**
 * Load and read a CSQY file (a path, or in-memory bytes or text with a name), ASCII/UTF-8.
 * @param src - the file
 * @param limits - the largest file read (default 128 MiB)
 * @returns what {@link readCsqy} returns
 * @throws {AozoraInputError} for a missing, unreadable or too large file, bytes that are not UTF-8, and everything {@link readCsqy} refuses
 * @throws {RangeError} for a `maxFileBytes` that is not a positive integer
 */
export function loadCsqy(src: Source, limits?: ReadLimits): CsqyData {
  const { name, bytes } = loadBytes(src, limits);
  return readCsqy(decodeText(bytes, name), { file: name });
}

/**
 * CMAQ's temperature interpolation of a table row (`GET_CSQY`): linear between the two reference
 * temperatures around `temperatureK`, the first row at or below the lowest reference temperature
 * and the last row at or above the highest (clamped, no extrapolation).
 * @param temperaturesK - reference temperatures (K), increasing
 * @param rows - one row of values per reference temperature
 * @param temperatureK - the temperature (K)
 * @returns the interpolated row
 * @throws {RangeError} when the temperature is not finite or the rows do not match the temperatures
 */
export function interpolateCsqyRow(
  temperaturesK: readonly number[],
  rows: readonly (readonly number[])[],
  temperatureK: number,
): number[] {
  if (!Number.isFinite(temperatureK))
    throw new RangeError(`interpolateCsqyRow: temperature must be finite, got ${temperatureK}`);
  if (rows.length !== temperaturesK.length || rows.length === 0)
    throw new RangeError(`interpolateCsqyRow: ${rows.length} rows for ${temperaturesK.length} temperatures`);
  const n = temperaturesK.length;
  if (temperatureK <= temperaturesK[0]) return rows[0].slice();
  if (temperatureK >= temperaturesK[n - 1]) return rows[n - 1].slice();
  let k = 0;
  while (!(temperatureK > temperaturesK[k] && temperatureK <= temperaturesK[k + 1])) k++;
  const y = (temperatureK - temperaturesK[k]) / (temperaturesK[k + 1] - temperaturesK[k]);
  return rows[k].map((v, j) => v + (rows[k + 1][j] - v) * y);
}

/**
 * The CMAQ `GET_CSQY` corrections applied to a table, by name (CMAQ v5.5 `DEFINE_CSQY_ADJUST`;
 * only the kinds that CB6r5's tables use are implemented, see {@link photolysisFrequencies}).
 */
export type CsqyCorrection =
  "acetaldehyde" | "higher-aldehydes" | "methylglyoxal" | "acrolein" | "formaldehyde-molecular" | "acetone" | "glyoxal";

/** Table names → CMAQ v5.5 `DEFINE_CSQY_ADJUST` case (the names CMAQ lists for each case). */
const CORRECTION_OF: Readonly<Record<string, CsqyCorrection>> = {
  CCHO_R: "acetaldehyde",
  CCHO_R_SAPRC99: "acetaldehyde",
  CH3CHO_RACM2: "acetaldehyde",
  ALD2_R_IUPAC10: "acetaldehyde",
  ALD2_R_IUPAC13: "acetaldehyde",
  C2CHO: "higher-aldehydes",
  ALD_RACM2: "higher-aldehydes",
  BALD_RACM2: "higher-aldehydes",
  UALD_RACM2: "higher-aldehydes",
  ALDX_R_IUPAC10: "higher-aldehydes",
  ALDX_R_IUPAC13: "higher-aldehydes",
  MGLY_06: "methylglyoxal",
  BACL_07: "methylglyoxal",
  MGLY_IUPAC04: "methylglyoxal",
  MGLY_IUPAC10: "methylglyoxal",
  ACRO_09: "acrolein",
  HCHO_M_MCMv32: "formaldehyde-molecular",
  HCHOM_06: "formaldehyde-molecular",
  HCHO_M_SAPRC99: "formaldehyde-molecular",
  HCHO_MOL_RACM2: "formaldehyde-molecular",
  FORM_M_IUPAC10: "formaldehyde-molecular",
  FORM_M_IUPAC13: "formaldehyde-molecular",
  HCHO_MOL_JPL19: "formaldehyde-molecular",
  ACET_06: "acetone",
  ACETONE: "acetone",
  CH3COCH3_RACM2: "acetone",
  ACET_IUPAC10: "acetone",
  GLYOX_R_CRI: "glyoxal",
  GLYOX_M_CRI: "glyoxal",
  GLY_R_IUPAC10: "glyoxal",
  GLY_R_IUPAC13: "glyoxal",
};

/** CMAQ's radical-channel formaldehyde tables (`LHCHOR_06`), whose yield enters the molecular-channel correction. */
const HCHO_RADICAL = [
  "HCHOR_06",
  "HCHO_R_SAPRC99",
  "HCHO_RAD_RACM2",
  "FORM_R_IUPAC10",
  "FORM_R_IUPAC13",
  "HCHO_R_MCMv32",
  "HCHO_RAD_JPL19",
];

/**
 * Cameron-Smith (2000) effective acetone cross sections for the 7 Fast-JX bands at 235 K and 298 K
 * (cm²) and the density coefficient (cm³), CMAQ v5.5 `CSQY_DATA.F` `OP0` and `YY30` (used only for a
 * file with 7 bands, as CMAQ does).
 */
const ACETONE_OP0 = [
  [2.982e-20, 1.301e-20, 4.321e-21, 1.038e-21, 5.878e-23, 1.529e-25, 0.0],
  [3.255e-20, 1.476e-20, 5.179e-21, 1.304e-21, 9.619e-23, 2.671e-25, 0.0],
];
const ACETONE_YY30 = [5.651e-20, 1.595e-19, 2.134e-19, 1.262e-19, 1.306e-19, 1.548e-19, 0.0];

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));

/** Options of {@link photolysisFrequencies}. */
export interface PhotolysisFrequencyOptions {
  /** Air number density (molecules cm⁻³) for CMAQ's pressure corrections (default: 101 325 Pa at the temperature). */
  airDensity?: number;
  /** Apply CMAQ's `GET_CSQY` temperature/pressure corrections of named tables (default true); false gives the plain table product. */
  corrections?: boolean;
}

/** Result of {@link photolysisFrequencies}. */
export interface PhotolysisFrequencies {
  /** J (s⁻¹) by table name. */
  j: Record<string, number>;
  /** The correction applied to each corrected table (names absent here use the tabulated CS and EQY). */
  corrected: Record<string, CsqyCorrection>;
}

/**
 * Photolysis frequencies from an actinic flux per band, as CMAQ's in-line photolysis forms them
 * (v5.5 `PHOT_MOD.F`, `NEW_OPTICS`: `BLKRJ = Σ_IWL ACTINIC_FLUX(IWL) · CSZ(IWL) · QYZ(IWL)` "[ 1 / sec ]",
 * the actinic flux in photons cm⁻² s⁻¹ per band): J = Σ_b F_b · CS_b(T) · EQY_b(T), with CS and EQY
 * each interpolated linearly in temperature and clamped at the ends of the table
 * ({@link interpolateCsqyRow}).
 *
 * With `corrections` (default), CMAQ's `GET_CSQY` corrections of named tables follow the
 * interpolation, each clamped to [0, 1] as CMAQ does: acetaldehyde and higher aldehydes
 * (QY = 1/(1 + (1/QY − 1)·[M]·4.0568 × 10⁻²⁰) for QY > 10⁻⁵), methylglyoxal (IUPAC 2003, Chen et al.
 * 2000; pressure in Torr floored at 400 below 370 nm), acrolein (Gardner et al. 1987), molecular
 * formaldehyde (JPL 10-6, using the radical-channel yield of the file's `FORM_R`/`HCHOR` table),
 * acetone (Cameron-Smith 2000 effective cross sections `OP0`/`YY30`, for a 7-band file) and glyoxal
 * (IUPAC 2013, Salter et al. 2013; see below). Other names use the tabulated values. All of them are
 * unity at the tables' reference density (≈ 2.465 × 10¹⁹ cm⁻³) except acetone's, which replaces
 * the cross section.
 *
 * Glyoxal: CMAQ v5.5 `RQY_GLYOXAL` is documented as the quantum yield at [M] "relative to total yield
 * at … DENS_NUMB = 2.46E19" but multiplies by the yield at 2.46 × 10¹⁹ (its variable `IQY_DENS0`, "reciprocal of
 * total qy at DENS0", is assigned the yield itself); this function applies the documented ratio
 * Φ([M])/Φ(2.46 × 10¹⁹), so J(GLY_R_IUPAC13) here is larger than CMAQ v5.5's by 1/Φ(2.46 × 10¹⁹) per band.
 *
 * @param csqy - the tables ({@link readCsqy})
 * @param fluxPerBand - actinic flux per band (photons cm⁻² s⁻¹), one value per `csqy.bands`
 * @param temperatureK - air temperature (K)
 * @param opts - air density and whether to apply the corrections
 * @returns J (s⁻¹) by table name, and which corrections were applied
 * @throws {RangeError} when the flux has the wrong length or a negative or non-finite value, or the
 *   temperature or density is not positive and finite
 */
export function photolysisFrequencies(
  csqy: CsqyData,
  fluxPerBand: ArrayLike<number>,
  temperatureK: number,
  opts: PhotolysisFrequencyOptions = {},
): PhotolysisFrequencies {
  const nb = csqy.bands.length;
  if (fluxPerBand.length !== nb)
    throw new RangeError(`photolysisFrequencies: fluxPerBand has ${fluxPerBand.length} values for ${nb} bands`);
  for (let b = 0; b < nb; b++)
    if (!Number.isFinite(fluxPerBand[b]) || fluxPerBand[b] < 0)
      throw new RangeError(`photolysisFrequencies: fluxPerBand[${b}] must be finite and ≥ 0, got ${fluxPerBand[b]}`);
  if (!Number.isFinite(temperatureK) || temperatureK <= 0)
    throw new RangeError(`photolysisFrequencies: temperatureK must be > 0, got ${temperatureK}`);
  const dens = opts.airDensity ?? airNumberDensity(101325, temperatureK);
  if (!Number.isFinite(dens) || dens <= 0)
    throw new RangeError(`photolysisFrequencies: airDensity must be > 0 molecules cm⁻³, got ${dens}`);
  const doCorrect = opts.corrections ?? true;
  const cs = new Map<string, number[]>();
  const qy = new Map<string, number[]>();
  for (const t of csqy.tables) {
    cs.set(t.name, interpolateCsqyRow(csqy.temperaturesK, t.cs, temperatureK));
    qy.set(t.name, interpolateCsqyRow(csqy.temperaturesK, t.eqy, temperatureK));
  }
  const corrected: Record<string, CsqyCorrection> = {};
  if (doCorrect) {
    const radical = HCHO_RADICAL.find((n) => qy.has(n));
    for (const t of csqy.tables) {
      const kind = CORRECTION_OF[t.name];
      if (kind === undefined) continue;
      const ok = correct(kind, cs.get(t.name)!, qy.get(t.name)!, {
        temperatureK,
        dens,
        bands: csqy.bands,
        radicalQy: radical === undefined ? undefined : qy.get(radical),
      });
      if (ok) corrected[t.name] = kind;
    }
  }
  const j: Record<string, number> = {};
  for (const t of csqy.tables) {
    const c = cs.get(t.name)!;
    const q = qy.get(t.name)!;
    let s = 0;
    for (let b = 0; b < nb; b++) s += fluxPerBand[b] * c[b] * q[b];
    j[t.name] = s;
  }
  return { j, corrected };
}

/** Apply one CMAQ GET_CSQY correction in place; false when it does not apply (e.g. acetone without 7 bands). */
function correct(
  kind: CsqyCorrection,
  cs: number[],
  qy: number[],
  env: { temperatureK: number; dens: number; bands: readonly CsqyBand[]; radicalQy?: number[] },
): boolean {
  const { temperatureK: T, dens, bands } = env;
  const nb = bands.length;
  switch (kind) {
    case "acetaldehyde":
    case "higher-aldehydes":
      for (let b = 0; b < nb; b++) if (qy[b] > 1e-5) qy[b] = clamp01(1 / (1 + (1 / qy[b] - 1) * dens * 4.0568e-20));
      return true;
    case "methylglyoxal":
      for (let b = 0; b < nb; b++) {
        const lam = bands[b].effectiveNm;
        if (lam >= 500 || lam <= 240 || qy[b] <= 0) continue;
        const phi0 = lam < 380.41 ? 1.0 : Math.max(2.755e6 * Math.exp(-5639 / lam), 1.0e3);
        const k = lam < 380.41 ? 7.08021e-3 : Math.max(1.93e4 * Math.exp(-5639 / lam), 7.0059);
        let p = 1.03547e-19 * T * dens; // Torr
        let factor = 2.5524 * T; // Torr at 2.465e19 molecules cm-3
        if (lam <= 370) {
          p = Math.max(400, p);
          factor = Math.max(400, factor);
        }
        qy[b] = clamp01((qy[b] * (phi0 + k * factor)) / (phi0 + k * p));
      }
      return true;
    case "acrolein":
      for (let b = 0; b < nb; b++)
        qy[b] = clamp01(dens >= 8.0e17 ? 153.5 * qy[b] * (4.0e-3 + 1 / (8.6e-2 + 1.613e-17 * dens)) : 12.431 * qy[b]);
      return true;
    case "formaldehyde-molecular": {
      const r = env.radicalQy;
      if (r === undefined) return false;
      for (let b = 0; b < nb; b++) {
        const lam = bands[b].effectiveNm;
        if (lam <= 329.0 || qy[b] <= 0) continue;
        if (r[b] > 0.9999999)
          throw new Error(`photolysisFrequencies: radical formaldehyde yield ${r[b]} ≥ 1 in band ${b + 1}`);
        const beta = 1 / (1 - r[b]);
        let p: number;
        let alpha: number;
        if (T < 300 && T > 220) {
          p = 1.36312e-22 * dens * T; // atm
          alpha = (1 / qy[b] - beta) * (1 + 0.05 * (lam - 329.0) * ((T - 80.0) * 0.0125));
        } else if (T <= 220) {
          p = 3.0e-20 * dens;
          alpha = (1 / qy[b] - beta) * (1 + 0.0875 * (lam - 329.0));
        } else {
          p = 4.09e-20 * dens;
          alpha = (1 / qy[b] - beta) * (1 + 0.1375 * (lam - 329.0));
        }
        qy[b] = clamp01((qy[b] * (beta + 3.3601e-3 * T * alpha)) / (beta + p * alpha));
      }
      return true;
    }
    case "acetone":
      if (nb !== ACETONE_YY30.length) return false;
      for (let b = 0; b < nb; b++) {
        cs[b] =
          ((298.0 - T) * ACETONE_OP0[0][b] + (T - 235.0) * ACETONE_OP0[1][b]) /
          ((298.0 - 235.0) * (1 + ACETONE_YY30[b] * dens));
        qy[b] = 1.0;
      }
      return true;
    case "glyoxal":
      for (let b = 0; b < nb; b++) qy[b] = clamp01(glyoxalRelativeYield(T, dens, bands[b].effectiveNm) * qy[b]);
      return true;
  }
}

/**
 * Total glyoxal quantum yield at (T, [M]) relative to that at [M] = 2.46 × 10¹⁹ cm⁻³, IUPAC (2013)
 * after Salter et al. (2013), with CMAQ v5.5 `RQY_GLYOXAL`'s coefficients (250–460 nm, else 1).
 */
function glyoxalRelativeYield(T: number, dens: number, lam: number): number {
  if (!(lam < 460 && lam > 250)) return 1;
  const t = T / 295;
  const wn = 1e7 / lam - 23800;
  const a1 = 6.48e-19 * t ** -1.83 * Math.exp(-7.6e-4 * t ** -0.515 * wn);
  const a2 = 1.128e2 * t ** -1.53 * Math.exp(-4.61e-3 * t ** -0.507 * wn);
  const a3 = 2.25e-16 * t ** -9.18 * Math.exp(-7.8e-4 * t ** -7.03 * wn);
  const phi = (d: number) => (1 + a2 + a3 * d) / ((1 + a1 * d + a2) * (1 + a3 * d));
  return phi(dens) / phi(2.46e19);
}
