import { AqTable } from "../table/table";
import { AccountBuilder, type ReadAccount } from "../io/account";
import { decodeText } from "../io/decode";
import { AozoraInputError } from "../io/errors";
import { FORBIDDEN_HEADERS, loadBytes, type ReadLimits, type Source } from "../io/source";

/** What {@link readHysplit} returns. */
export interface HysplitRead {
  /**
   * Trajectory endpoints in long form: `traj` (1-based number), `time` (UTC ms), `age` (h,
   * negative backward), `lat` (deg N), `lon` (deg E), `height` (m above ground) and one column
   * per diagnostic variable (`PRESSURE` in hPa, others in their HYSPLIT units).
   */
  endpoints: AqTable;
  /** Starting points: time (UTC ms), lat, lon, height (m AGL), one per trajectory. */
  starts: { time: number; lat: number; lon: number; height: number }[];
  /** `BACKWARD` or `FORWARD`. */
  direction: string;
  /** Vertical motion method, e.g. `OMEGA`. */
  verticalMotion: string;
  /** Meteorological grids: model id and first date (UTC ms). */
  metGrids: { model: string; time: number }[];
  account: ReadAccount;
}

const DIAG_UNITS: Record<string, string> = {
  PRESSURE: "hPa",
  THETA: "K",
  AIR_TEMP: "K",
  RAINFALL: "mm/h",
  MIXDEPTH: "m",
  RELHUMID: "%",
  SPCHUMID: "g/kg",
  H2OMIXRA: "g/kg",
  TERR_MSL: "m",
  SUN_FLUX: "W/m2",
};

/** Endpoint columns the reader always makes; diagnostic variables may not reuse these names. */
const FIXED_COLUMNS: ReadonlySet<string> = new Set(["traj", "time", "age", "lat", "lon", "height"]);

/** Date fields of an endpoint line (index, lowest, highest, description): out of range is an error, never rolled over. */
const DATE_FIELDS: readonly (readonly [number, number, number, string])[] = [
  [3, 1, 12, "a month"],
  [4, 1, 31, "a day"],
  [5, 0, 23, "an hour"],
  [6, 0, 59, "a minute"],
];

function daysInMonth(y: number, month: number): number {
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/** Two-digit HYSPLIT years: 00–49 → 2000s, 50–99 → 1900s. */
function year(yy: number): number {
  return yy >= 100 ? yy : yy < 50 ? 2000 + yy : 1900 + yy;
}

/** Cut a fixed-width line into fields of the given widths. */
function cut(line: string, widths: number[]): string[] {
  const out: string[] = [];
  let p = 0;
  for (const w of widths) {
    out.push(line.slice(p, p + w));
    p += w;
  }
  return out;
}

/**
 * A fixed-width field as HYSPLIT's Fortran writes it: `I` = an integer right-justified in the
 * width (`I6`); `F` with `d` decimals (`F8.1`, `F9.3`), right-justified; `1X` before it (`x`)
 * means the field's first character is a blank.
 */
interface FieldSpec {
  name: string;
  width: number;
  kind: "I" | "F";
  decimals?: number;
  x?: boolean;
}

const I6 = (name: string): FieldSpec => ({ name, width: 6, kind: "I" });
const F = (name: string, width: number, decimals: number, x = false): FieldSpec => ({
  name,
  width,
  kind: "F",
  decimals,
  x,
});

/** Fields of a met grid record: `A8, 5I6` (model id, then year, month, day, hour, forecast hour). */
const MET_FIELDS = ["met grid year", "met grid month", "met grid day", "met grid hour", "met grid forecast hour"].map(
  I6,
);
/** Fields of a starting-point record: `4I6, 2F9.3, F8.1`. */
const START_FIELDS: FieldSpec[] = [
  ...["start year", "start month", "start day", "start hour"].map(I6),
  F("start lat", 9, 3),
  F("start lon", 9, 3),
  F("start height", 8, 1),
];

/** Range checks shared by the three kinds of dated records: never rolled over. */
function checkDate(
  file: string,
  row: number,
  names: readonly string[],
  texts: readonly string[],
  [y, mo, d, h]: readonly number[],
): void {
  const bad = (k: number, what: string) => {
    throw new AozoraInputError({ file, row, column: names[k], expected: what, found: texts[k] });
  };
  if (mo < 1 || mo > 12) bad(1, "a month 1–12");
  if (d < 1 || d > 31) bad(2, "a day 1–31");
  if (d > daysInMonth(year(y), mo)) bad(2, `a day 1–${daysInMonth(year(y), mo)} of month ${mo}`);
  if (h < 0 || h > 23) bad(3, "an hour 0–23");
  if (y < 0) bad(0, "a year (two digits, or four)");
}

/**
 * Read a HYSPLIT trajectory endpoint file ("tdump"). Fields are read by column width, as
 * HYSPLIT writes them, because wide values run together (`-179.999`), and every field is checked
 * against its Fortran edit descriptor (width, integer or fixed decimals) and its range: a line
 * cut mid-field (`    954.1` cut to `    9`) or a value that does not fit its field is an error,
 * never a different number. All times are UTC.
 *
 * Reference: Draxler, R. & Rolph, G., HYSPLIT4 User's Guide, "Trajectory endpoints file format"
 * (ready.noaa.gov/hypub/trajinfo.html): record 1 `I6` number of met grids; records 2 `A8, 5I6`
 * "Data file starting Year, Month, Day, Hour, Forecast Hour"; record 3 `I6` number of
 * trajectories, `1X A8` direction, `1X A8` vertical motion; records 4 "4I6 - starting year,
 * month, day, hour / 2F9.3 - starting latitude, longitude / F8.1 - starting level above ground";
 * record 5 `I6` number of diagnostic variables and their labels; records 6 "I6 - trajectory
 * number / I6 - meteorological grid number / 5I6 - time of point: year month day hour minute /
 * I6 - forecast hour at point / F8.1 - age of the trajectory in hours / 2F9.3 - position latitude
 * and longitude / F8.1 - position height in meters above ground / n1XF8.1 - n diagnostic output
 * variables". HYSPLIT writes the position height with a blank before it too (`1X,F8.1`, 9
 * characters, as in its files), which this reader expects.
 *
 * @param limits `maxFileBytes` ({@link ReadLimits}).
 * @throws {AozoraInputError} naming the file row and field for a malformed line or field (wrong
 * width, not an integer, wrong number of decimals), a date field out of range in any record (met
 * grid, starting point, endpoint: month 13, hour 24 are never rolled over), a latitude or
 * longitude out of range, a trajectory or met grid number not in the header, a direction other
 * than BACKWARD/FORWARD, or a diagnostic variable named like a fixed column (`lat`, `time`, ...)
 * or an object internal (`__proto__`), or a header declaring zero trajectories (no data, never an
 * empty result); naming the file for one that is not a regular file or is over `maxFileBytes`.
 */
export function readHysplit(src: Source, limits: ReadLimits = {}): HysplitRead {
  const { name: file, bytes } = loadBytes(src, limits);
  const lines = decodeText(bytes, file).split(/\r\n|\n|\r/);
  const acc = new AccountBuilder(file);
  let li = 0;
  const num = (s: string, row: number, field: string, integer = false): number => {
    const t = s.trim();
    const v = Number(t);
    if (t === "" || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
      throw new AozoraInputError({ file, row, column: field, expected: integer ? "an integer" : "a number", found: s });
    }
    return v;
  };
  /** Read fixed-width fields from `line` at `pos`, each checked against its edit descriptor. */
  const fields = (
    line: string,
    pos: number,
    specs: readonly FieldSpec[],
    row: number,
  ): { v: number[]; t: string[] } => {
    const need = pos + specs.reduce((a, f) => a + f.width, 0);
    if (line.length < need)
      throw new AozoraInputError({
        file,
        row,
        column: specs[specs.length - 1].name,
        expected: `a line of at least ${need} characters (fixed-width fields ${specs.map((f) => f.name).join(", ")})`,
        found: `${line.length} characters`,
      });
    const v: number[] = [];
    const t: string[] = [];
    let p = pos;
    for (const f of specs) {
      const s = line.slice(p, p + f.width);
      p += f.width;
      const ok =
        f.kind === "I"
          ? /^ *-?\d+$/.test(s)
          : new RegExp(`^${f.x ? " +" : " *"}-?\\d*\\.\\d{${f.decimals}}$`).test(s) && /\d/.test(s);
      if (!ok)
        throw new AozoraInputError({
          file,
          row,
          column: f.name,
          expected:
            f.kind === "I"
              ? `an integer right-justified in ${f.width} characters (I${f.width})`
              : `a number with ${f.decimals} decimal${f.decimals === 1 ? "" : "s"} right-justified in ${f.width} characters (${f.x ? "1X," : ""}F${f.x ? f.width - 1 : f.width}.${f.decimals})`,
          found: s,
        });
      v.push(Number(s));
      t.push(s);
    }
    return { v, t };
  };
  const next = (): string => {
    if (li >= lines.length)
      throw new AozoraInputError({ file, row: li + 1, expected: "more header lines", found: "the end of the file" });
    return lines[li++];
  };
  const [ngText] = cut(next(), [6, 6]);
  const ngrids = num(ngText, 1, "number of met grids", true);
  if (ngrids < 1)
    throw new AozoraInputError({ file, row: 1, column: "number of met grids", expected: "at least 1", found: ngText });
  const metGrids: { model: string; time: number }[] = [];
  for (let g = 0; g < ngrids; g++) {
    const row = li + 1;
    const line = next();
    const { v, t } = fields(line, 8, MET_FIELDS, row);
    checkDate(
      file,
      row,
      MET_FIELDS.map((f) => f.name),
      t,
      v,
    );
    metGrids.push({ model: line.slice(0, 8).trim(), time: Date.UTC(year(v[0]), v[1] - 1, v[2], v[3]) });
  }
  let row = li + 1;
  const tl = next();
  const ntraj = num(tl.slice(0, 6), row, "number of trajectories", true);
  if (ntraj < 1)
    throw new AozoraInputError({
      file,
      row,
      column: "number of trajectories",
      expected: "at least one trajectory",
      found: tl.slice(0, 6).trim(),
    });
  const rest = tl.slice(6).trim().split(/\s+/);
  const direction = rest[0] ?? "";
  const verticalMotion = rest[1] ?? "";
  if (direction !== "BACKWARD" && direction !== "FORWARD")
    throw new AozoraInputError({ file, row, column: "direction", expected: "BACKWARD or FORWARD", found: direction });
  const starts: HysplitRead["starts"] = [];
  for (let k = 0; k < ntraj; k++) {
    row = li + 1;
    const { v, t } = fields(next(), 0, START_FIELDS, row);
    checkDate(
      file,
      row,
      START_FIELDS.map((f) => f.name),
      t,
      v,
    );
    if (Math.abs(v[4]) > 90 || Math.abs(v[5]) > 360)
      throw new AozoraInputError({
        file,
        row,
        column: Math.abs(v[4]) > 90 ? "start lat" : "start lon",
        expected: "a latitude within ±90 and a longitude within ±360",
        found: `${t[4]} ${t[5]}`,
      });
    starts.push({ time: Date.UTC(year(v[0]), v[1] - 1, v[2], v[3]), lat: v[4], lon: v[5], height: v[6] });
  }
  row = li + 1;
  const dl = next();
  const ndiag = num(dl.slice(0, 6), row, "number of diagnostic variables", true);
  const diagNames = dl
    .slice(6)
    .trim()
    .split(/\s+/)
    .filter((s) => s !== "");
  if (diagNames.length !== ndiag)
    throw new AozoraInputError({ file, row, expected: `${ndiag} diagnostic variable names`, found: dl.trim() });
  diagNames.forEach((d, k) => {
    // a diagnostic named like a fixed column (or an object internal) would overwrite or vanish
    if (FIXED_COLUMNS.has(d) || FORBIDDEN_HEADERS.has(d) || diagNames.indexOf(d) !== k) {
      throw new AozoraInputError({
        file,
        row,
        column: d,
        expected: `a diagnostic variable name used once and not one of ${[...FIXED_COLUMNS].join(", ")}`,
        found: d,
      });
    }
  });

  const cols = {
    traj: [] as number[],
    time: [] as number[],
    age: [] as number[],
    lat: [] as number[],
    lon: [] as number[],
    height: [] as number[],
  };
  const diag: number[][] = diagNames.map(() => []);
  const specs: FieldSpec[] = [
    ...["traj", "grid", "year", "month", "day", "hour", "minute", "forecast hour"].map(I6),
    F("age", 8, 1),
    F("lat", 9, 3),
    F("lon", 9, 3),
    F("height", 9, 1, true),
    ...diagNames.map((d) => F(d, 9, 1, true)),
  ];
  const names = specs.map((f) => f.name);
  const lineLength = specs.reduce((a, f) => a + f.width, 0);
  for (; li < lines.length; li++) {
    const line = lines[li];
    const r = li + 1;
    if (line.trim() === "") {
      acc.blankRows.push(r);
      continue;
    }
    acc.inputRows++;
    if (line.length < lineLength || line.slice(lineLength).trim() !== "")
      throw new AozoraInputError({
        file,
        row: r,
        expected: `an endpoint line of ${lineLength} characters (${ndiag} diagnostic variable${ndiag === 1 ? "" : "s"})`,
        found: `${line.length < lineLength ? line.length : line.trimEnd().length} characters`,
      });
    const { v, t: f } = fields(line, 0, specs, r);
    for (const [k, lo, hi, what] of DATE_FIELDS) {
      if (v[k] < lo || v[k] > hi)
        throw new AozoraInputError({ file, row: r, column: names[k], expected: `${what} ${lo}–${hi}`, found: f[k] });
    }
    if (v[4] > daysInMonth(year(v[2]), v[3]))
      throw new AozoraInputError({
        file,
        row: r,
        column: "day",
        expected: `a day 1–${daysInMonth(year(v[2]), v[3])} of month ${v[3]}`,
        found: f[4],
      });
    if (v[1] < 1 || v[1] > ngrids)
      throw new AozoraInputError({
        file,
        row: r,
        column: "grid",
        expected: `a met grid number 1..${ngrids}`,
        found: f[1],
      });
    if (v[0] < 1 || v[0] > ntraj)
      throw new AozoraInputError({
        file,
        row: r,
        column: "traj",
        expected: `a trajectory number 1..${ntraj}`,
        found: f[0],
      });
    if (Math.abs(v[9]) > 90 || Math.abs(v[10]) > 360)
      throw new AozoraInputError({
        file,
        row: r,
        column: Math.abs(v[9]) > 90 ? "lat" : "lon",
        expected: "a latitude within ±90 and a longitude within ±360",
        found: `${f[9]} ${f[10]}`,
      });
    cols.traj.push(v[0]);
    cols.time.push(Date.UTC(year(v[2]), v[3] - 1, v[4], v[5], v[6]));
    cols.age.push(v[8]);
    cols.lat.push(v[9]);
    cols.lon.push(v[10]);
    cols.height.push(v[11]);
    diagNames.forEach((_, k) => diag[k].push(v[12 + k]));
  }
  const data: Record<string, number[]> = { ...cols };
  const info: Record<string, { unit?: string; kind?: "number" | "time" }> = {
    traj: { unit: "1" },
    time: { kind: "time" },
    age: { unit: "h" },
    lat: { unit: "deg" },
    lon: { unit: "deg" },
    height: { unit: "m" },
  };
  diagNames.forEach((d, k) => {
    data[d] = diag[k];
    info[d] = { unit: DIAG_UNITS[d] ?? "1" };
  });
  const endpoints = AqTable.create(data, info, { column: "time", utcOffsetMinutes: 0 });
  return { endpoints, starts, direction, verticalMotion, metGrids, account: acc.finish(endpoints.numRows) };
}
