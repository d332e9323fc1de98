import { RATIO_LIMITS } from "./tables/constants";
import type { RsdRecords } from "./types";
import { detectTimeFormat, parseTimestamp, type OffsetLike } from "../table/time";
import { findHeaders } from "../table/header";
import { splitHeaderUnit } from "../table/units";
import type { ReadAccount } from "../io/account";
import { missingCodeSet, numberOrMissingCell, parseCell } from "../io/cells";
import { AozoraInputError, offsetOption } from "../io/errors";
import { cellError, gridAccount, headerCellError, parseGridTimestamp, readGrid, type GridOptions } from "../io/grid";
import type { Source } from "../io/source";

/** Options of {@link readRemoteSensing}. */
export interface RsdReadOptions extends GridOptions {
  /** The site's UTC offset for the local times in the file (Xiamen "+08:00"). Required. */
  utcOffset: OffsetLike;
  /** Physical-range limits (default RATIO_LIMITS). */
  limits?: Partial<Record<keyof typeof RATIO_LIMITS, readonly [number, number]>>;
}

/** Result of {@link readRemoteSensing}. */
export interface RsdRead {
  records: RsdRecords;
  account: ReadAccount;
  /** Records per flag. */
  flagCounts: Record<string, number>;
}

const COLS = {
  time: ["time", "datetime", "timestamp", "測定時刻", "时间"],
  plate: ["plate", "license plate", "licence plate", "车牌", "车牌号"],
  category: ["category", "vehicle type", "type", "车型"],
  fuel: ["fuel", "fuel type", "燃料"],
  modelYear: ["model year", "model_year", "year", "年式", "车辆年份"],
  speed: ["speed", "车速"],
  accel: ["accel", "acceleration", "加速度"],
  coCo2: ["co/co2", "co_co2", "q_co"],
  hcCo2: ["hc/co2", "hc_co2", "q_hc"],
  noCo2: ["no/co2", "no_co2", "q_no"],
  co2: ["co2", "co2_signal"],
  opacity: ["opacity", "smoke", "pm index", "不透光度"],
  valid: ["valid", "validity", "flag", "有效"],
} as const;
type Key = keyof typeof COLS;
const REQUIRED: Key[] = [
  "time",
  "plate",
  "category",
  "fuel",
  "modelYear",
  "speed",
  "accel",
  "coCo2",
  "hcCo2",
  "noCo2",
  "co2",
];

/**
 * Read roadside remote-sensing records (CSV/TSV/xlsx, one row per vehicle pass). Columns
 * (case-insensitive; units in parentheses): time (local, site offset given), plate, category,
 * fuel, model year, speed (km/h or m/s), accel (km/h/s or m/s2), CO/CO2, HC/CO2, NO/CO2 (molar
 * ratios; HC propane-equivalent), CO2 (plume signal), optional opacity (%) and valid (1/0, Y/N).
 *
 * Nothing is dropped: records are flagged, with counts in `flagCounts` and one account entry per
 * flag — `missing-co2` (no CO2 signal: the ratios have no basis), `missing-ratio`,
 * `out-of-range:<column>` (outside RATIO_LIMITS, e.g. CO/CO2 > 3), `instrument-invalid`,
 * `duplicate-record` (same plate and time as an earlier row), `repeat-plate` (the plate was seen
 * earlier at another time; informative, the record stays usable). Empty cells become NaN and are
 * listed as cell changes. Speeds are converted to m/s and accelerations to m/s².
 *
 * @throws {AozoraInputError} for a missing required column, two columns for one quantity (e.g.
 *   `CO2 (%)` and `co2_signal`; the error names both), a speed or acceleration without a unit, an
 *   offset that is not one, unreadable times.
 */
export function readRemoteSensing(src: Source, opts: RsdReadOptions): RsdRead {
  const grid = readGrid(src, opts);
  const file = grid.file;
  const offset = offsetOption(
    file,
    opts.utcOffset,
    'option utcOffset, a UTC offset such as "+08:00" (China) or "+09:00" (Japan)',
  );
  const limits = { ...RATIO_LIMITS, ...(opts.limits ?? {}) };
  const heads = grid.header.map((h) => splitHeaderUnit(h));
  const col = {} as Record<Key, number>;
  for (const key of Object.keys(COLS) as Key[]) {
    const matching = findHeaders(grid.header, COLS[key]);
    if (matching.length > 1) {
      // two columns for one quantity (CO2 (%) and co2_signal): never use the first silently
      const [a, b] = matching;
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        column: grid.header[b],
        columnNumber: b + 1,
        expected: `one ${COLS[key][0] === "co2" ? "CO2" : `"${COLS[key][0]}"`} column; "${grid.header[a]}" (#${a + 1}) is one already`,
        found: `a second ${COLS[key][0] === "co2" ? "CO2" : `"${COLS[key][0]}"`} column "${grid.header[b]}" (#${b + 1})`,
      });
    }
    col[key] = matching.length > 0 ? matching[0] : -1;
    if (col[key] < 0 && REQUIRED.includes(key)) {
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        expected: `a "${COLS[key][0]}" column (have: ${grid.header.join(", ")})`,
      });
    }
  }
  const unitOf = (k: Key) => (heads[col[k]].unit ?? "").toLowerCase();
  const speedUnit = unitOf("speed"),
    accelUnit = unitOf("accel");
  const speedScale = speedUnit === "m/s" ? 1 : speedUnit === "km/h" ? 1 / 3.6 : NaN;
  const accelScale = /^m\/s(2|²|\^2)$/.test(accelUnit) ? 1 : accelUnit === "km/h/s" ? 1 / 3.6 : NaN;
  if (Number.isNaN(speedScale)) throw headerCellError(grid, col.speed, "a speed unit in the header: (km/h) or (m/s)");
  if (Number.isNaN(accelScale))
    throw headerCellError(grid, col.accel, "an acceleration unit in the header: (km/h/s) or (m/s2)");

  const acc = gridAccount(grid);
  const n = grid.records.length;
  const fmt = detectTimeFormat(grid.records.slice(0, 50).map((r) => r.fields[col.time]));
  if (!("format" in fmt))
    throw new AozoraInputError({
      file,
      column: grid.header[col.time],
      expected: "times in one recognisable layout",
      found: fmt.reason,
    });
  const missing = missingCodeSet();
  const rec: RsdRecords = {
    n,
    utcOffsetMinutes: offset,
    time: new Float64Array(n),
    rows: [],
    plate: [],
    category: [],
    fuel: [],
    modelYear: new Float64Array(n),
    speed: new Float64Array(n),
    accel: new Float64Array(n),
    coCo2: new Float64Array(n),
    hcCo2: new Float64Array(n),
    noCo2: new Float64Array(n),
    co2: new Float64Array(n),
    opacity: new Float64Array(n).fill(NaN),
    instrumentValid: [],
    flags: [],
  };
  const num = (r: { row: number; fields: string[] }, k: Key): number => {
    return numberOrMissingCell(file, grid.header, acc.cellChanges, r, col[k], missing, "a number or an empty cell");
  };
  const seen = new Map<string, number>(); // plate → first time
  const seenKey = new Set<string>();
  grid.records.forEach((r, i) => {
    const t = parseGridTimestamp(grid, r, col.time, fmt.format, offset);
    if (!t) throw cellError(grid, r, col.time, `a ${fmt.format} time`);
    rec.time[i] = t.utcMs;
    rec.rows.push(r.row);
    const plate = r.fields[col.plate].trim();
    rec.plate.push(plate);
    rec.category.push(r.fields[col.category].trim());
    rec.fuel.push(r.fields[col.fuel].trim().toLowerCase());
    rec.modelYear[i] = num(r, "modelYear");
    rec.speed[i] = num(r, "speed") * speedScale;
    rec.accel[i] = num(r, "accel") * accelScale;
    rec.coCo2[i] = num(r, "coCo2");
    rec.hcCo2[i] = num(r, "hcCo2");
    rec.noCo2[i] = num(r, "noCo2");
    rec.co2[i] = num(r, "co2");
    if (col.opacity >= 0) rec.opacity[i] = num(r, "opacity");
    const v = col.valid >= 0 ? r.fields[col.valid].trim().toLowerCase() : "1";
    if (!["1", "0", "y", "n", "yes", "no", "true", "false", "v", "x"].includes(v))
      throw cellError(grid, r, col.valid, "a validity flag 1/0, Y/N, true/false or V/X");
    rec.instrumentValid.push(["1", "y", "yes", "true", "v"].includes(v));
    const flags: string[] = [];
    if (!rec.instrumentValid[i]) flags.push("instrument-invalid");
    if (Number.isNaN(rec.co2[i])) flags.push("missing-co2");
    if ([rec.coCo2[i], rec.hcCo2[i], rec.noCo2[i]].some(Number.isNaN) && !Number.isNaN(rec.co2[i]))
      flags.push("missing-ratio");
    const check = (k: "coCo2" | "hcCo2" | "noCo2" | "opacity", v: number, name: string, scale = 1) => {
      const [lo, hi] = limits[k];
      if (Number.isFinite(v) && (v * scale < lo || v * scale > hi)) flags.push(`out-of-range:${name}`);
    };
    check("coCo2", rec.coCo2[i], "co_co2");
    check("hcCo2", rec.hcCo2[i], "hc_co2");
    check("noCo2", rec.noCo2[i], "no_co2");
    check("opacity", rec.opacity[i], "opacity");
    const kmh = rec.speed[i] * 3.6,
      kmhs = rec.accel[i] * 3.6;
    if (Number.isFinite(kmh) && (kmh < limits.speed[0] || kmh > limits.speed[1])) flags.push("out-of-range:speed");
    if (Number.isFinite(kmhs) && (kmhs < limits.accel[0] || kmhs > limits.accel[1])) flags.push("out-of-range:accel");
    const key = `${plate}\u0000${t.utcMs}`;
    if (seenKey.has(key)) flags.push("duplicate-record");
    else if (plate !== "" && seen.has(plate)) flags.push("repeat-plate");
    seenKey.add(key);
    if (!seen.has(plate)) seen.set(plate, t.utcMs);
    rec.flags.push(flags);
    for (const f of flags) acc.flagged.push({ row: r.row, reason: f });
  });
  const flagCounts: Record<string, number> = {};
  for (const fl of rec.flags) for (const f of fl) flagCounts[f] = (flagCounts[f] ?? 0) + 1;
  return { records: rec, account: acc.finish(n), flagCounts };
}
