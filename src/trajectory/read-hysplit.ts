import { AqTable } from "../table/table";
import { AccountBuilder, type ReadAccount } from "../io/account";
import { decodeText } from "../io/decode";
import { AozoraInputError } from "../io/errors";
import { FORBIDDEN_HEADERS, loadBytes, type Source } from "../io/source";

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
 * Read a HYSPLIT trajectory endpoint file ("tdump"). Fields are read by column width, as
 * HYSPLIT writes them (`8I6,F8.1,2F9.3,n(1X,F8.1)`), because wide values run together
 * (`-179.999`). All times are UTC.
 *
 * Reference: Draxler, R. & Rolph, G., HYSPLIT4 User's Guide, "Trajectory endpoints file format".
 *
 * @throws {AozoraInputError} naming the file row and field for a malformed line, a date field
 * out of range (month 13, hour 24: never rolled over), or a diagnostic variable named like a
 * fixed column (`lat`, `time`, ...) or an object internal (`__proto__`).
 */
export function readHysplit(src: Source): HysplitRead {
  const { name: file, bytes } = loadBytes(src);
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
  const next = (): string => {
    if (li >= lines.length)
      throw new AozoraInputError({ file, row: li + 1, expected: "more header lines", found: "the end of the file" });
    return lines[li++];
  };
  const [ngText] = cut(next(), [6, 6]);
  const ngrids = num(ngText, 1, "number of met grids", true);
  const metGrids: { model: string; time: number }[] = [];
  for (let g = 0; g < ngrids; g++) {
    const row = li + 1;
    const f = cut(next(), [8, 6, 6, 6, 6, 6]);
    const [y, mo, d, h] = [1, 2, 3, 4].map((k) => num(f[k], row, "met grid date", true));
    metGrids.push({ model: f[0].trim(), time: Date.UTC(year(y), mo - 1, d, h) });
  }
  let row = li + 1;
  const tl = next();
  const ntraj = num(tl.slice(0, 6), row, "number of trajectories", true);
  const rest = tl.slice(6).trim().split(/\s+/);
  const direction = rest[0] ?? "";
  const verticalMotion = rest[1] ?? "";
  const starts: HysplitRead["starts"] = [];
  for (let k = 0; k < ntraj; k++) {
    row = li + 1;
    const f = cut(next(), [6, 6, 6, 6, 9, 9, 8]);
    const [y, mo, d, h] = f.slice(0, 4).map((s) => num(s, row, "start date", true));
    starts.push({
      time: Date.UTC(year(y), mo - 1, d, h),
      lat: num(f[4], row, "start lat"),
      lon: num(f[5], row, "start lon"),
      height: num(f[6], row, "start height"),
    });
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
  const widths = [6, 6, 6, 6, 6, 6, 6, 6, 8, 9, 9, 9, ...diagNames.map(() => 9)];
  const names = [
    "traj",
    "grid",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "forecast hour",
    "age",
    "lat",
    "lon",
    "height",
    ...diagNames,
  ];
  for (; li < lines.length; li++) {
    const line = lines[li];
    const r = li + 1;
    if (line.trim() === "") {
      acc.blankRows.push(r);
      continue;
    }
    acc.inputRows++;
    const minLen = widths.reduce((a, b) => a + b, 0);
    if (line.length < minLen - 8)
      throw new AozoraInputError({
        file,
        row: r,
        expected: `an endpoint line of ${minLen} characters (fixed-width fields)`,
        found: `${line.length} characters`,
      });
    const f = cut(line, widths);
    const v = f.map((s, k) => num(s, r, names[k], k < 8));
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
