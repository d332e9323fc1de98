/**
 * Readers for tenter (stenter) machine logs and exhaust stack measurements (CSV/TSV/xlsx), minute
 * to shift resolution. Readers only read: they convert declared units to the canonical unit of
 * each quantity, check the file's consistency and account for every cell and row; they compute
 * no energy totals (see `src/models/energy/aggregate.ts`).
 */
import { parseOffset, parseTimestamp, type OffsetLike } from "../../table/time";
import { headerKey } from "../../table/header";
import { splitHeaderUnit } from "../../table/units";
import type { ReadAccount } from "../../io/account";
import { missingCodeSet, parseCell } from "../../io/cells";
import { AozoraInputError, offsetOption } from "../../io/errors";
import { gridAccount, headerCellError, parseGridTimestamp, readGrid, type Grid } from "../../io/grid";
import type { Source } from "../../io/source";
import type { TextEncodingName } from "../../io/decode";

/** Numeric quantities of a machine log and their canonical units (values are converted to these). */
export const MACHINE_LOG_UNITS = {
  speed: "m/min",
  width: "m",
  gsm: "g/m2",
  electricity: "kWh",
  gas: "Nm3",
  steam: "kg",
  coal: "kg",
  heat: "MJ",
  oilFlow: "kg/h",
  oilSupplyTemp: "°C",
  oilReturnTemp: "°C",
  exhaustTemp: "°C",
  exhaustHumidity: "g/kg",
  productionM: "m",
  productionKg: "kg",
  moistureIn: "%",
  moistureOut: "%",
  durationMin: "min",
} as const;

/** A numeric quantity of a machine log. */
export type MachineQuantity = keyof typeof MACHINE_LOG_UNITS;

/** Energy meters; every run interval must have a reading of each metered stream. */
export const ENERGY_QUANTITIES: readonly MachineQuantity[] = ["electricity", "gas", "steam", "coal", "heat", "oilFlow"];

/** The thermal energy meters (one per machine). */
export const THERMAL_QUANTITIES: readonly MachineQuantity[] = ["gas", "steam", "coal", "heat", "oilFlow"];

/** One logged interval of one machine. Numbers are in {@link MACHINE_LOG_UNITS}; NaN = not logged. */
export interface MachineInterval {
  /** 1-based row of the file. */
  row: number;
  /** The file it came from. */
  file: string;
  machine: string;
  /** Old (comparison/baseline) or new (retrofit) machine. */
  group: "old" | "new";
  /** Before or after the retrofit, when the file says so. */
  period?: "before" | "after";
  /** Interval start, UTC ms. */
  start: number;
  /** Interval end, UTC ms. */
  end: number;
  lot?: string;
  shift?: string;
  article?: string;
  fabricClass?: string;
  state: "run" | "idle";
  values: Partial<Record<MachineQuantity, number>>;
}

/** Options of {@link readMachineLog}. */
export interface MachineLogReadOptions {
  /** The logger clock's UTC offset (`"+08:00"` in Jiangsu). Required. */
  utcOffset: OffsetLike;
  /**
   * Units of columns whose header carries none, by quantity or by header text,
   * e.g. `{ electricity: "kWh", "Gas": "Nm3" }`. A header unit wins if both are given and agree;
   * if they disagree the reader throws.
   */
  units?: Record<string, string>;
  /** Interval length in minutes when the file has only a start time (no end or duration column). */
  intervalMinutes?: number;
  /** Allow a lot id to reappear on the same machine after another lot (default false: a duplicated lot is an error). */
  allowRepeatedLots?: boolean;
  encoding?: TextEncodingName;
  /** Worksheet of an .xlsx workbook. */
  sheet?: string;
}

/** What {@link readMachineLog} returns. */
export interface MachineLogRead {
  intervals: MachineInterval[];
  /** Quantities present, with the unit written in the file (before conversion). */
  fileUnits: Partial<Record<MachineQuantity, string>>;
  /** The thermal meter of each machine (gas, steam, coal, heat or oilFlow). */
  thermalMeter: Record<string, MachineQuantity>;
  account: ReadAccount;
}

type TextKey = "machine" | "group" | "period" | "start" | "end" | "lot" | "shift" | "article" | "fabricClass" | "state";

const TEXT_ALIASES: Record<TextKey, string[]> = {
  machine: ["machine", "machine id", "machineid", "machine_id", "tenter", "机台", "设备", "設備", "機台"],
  group: ["group", "old/new", "machine type", "type", "新旧", "新/旧", "新旧区分"],
  period: ["period", "phase", "时期", "期間"],
  start: [
    "start",
    "time",
    "start time",
    "timestamp",
    "datetime",
    "date time",
    "开始时间",
    "时间",
    "開始時刻",
    "時刻",
    "日時",
  ],
  end: ["end", "end time", "stop", "结束时间", "終了時刻"],
  lot: ["lot", "lot id", "batch", "批次", "批号", "ロット"],
  shift: ["shift", "班次", "シフト"],
  article: ["article", "fabric", "fabric article", "品种", "品種", "品番"],
  fabricClass: ["class", "fabric class", "fabricclass", "fabric_class", "类别", "分類"],
  state: ["state", "status", "run/idle", "运行状态", "状態"],
};

/** Header names of numeric quantities (before the unit). Production is split by the unit's dimension. */
const NUMERIC_ALIASES: Record<string, MachineQuantity | "production"> = {
  speed: "speed",
  "fabric speed": "speed",
  车速: "speed",
  速度: "speed",
  width: "width",
  "fabric width": "width",
  门幅: "width",
  幅: "width",
  gsm: "gsm",
  grammage: "gsm",
  "areal density": "gsm",
  克重: "gsm",
  目付: "gsm",
  electricity: "electricity",
  power: "electricity",
  "electric energy": "electricity",
  电耗: "electricity",
  用电: "electricity",
  電力量: "electricity",
  gas: "gas",
  "natural gas": "gas",
  天然气: "gas",
  ガス: "gas",
  steam: "steam",
  蒸汽: "steam",
  蒸気: "steam",
  coal: "coal",
  煤: "coal",
  石炭: "coal",
  heat: "heat",
  "thermal energy": "heat",
  "heat energy": "heat",
  热量: "heat",
  熱量: "heat",
  "oil flow": "oilFlow",
  "thermal oil flow": "oilFlow",
  导热油流量: "oilFlow",
  "oil supply temp": "oilSupplyTemp",
  "oil supply temperature": "oilSupplyTemp",
  导热油供油温度: "oilSupplyTemp",
  "oil return temp": "oilReturnTemp",
  "oil return temperature": "oilReturnTemp",
  导热油回油温度: "oilReturnTemp",
  "exhaust temp": "exhaustTemp",
  "exhaust temperature": "exhaustTemp",
  排气温度: "exhaustTemp",
  排気温度: "exhaustTemp",
  "exhaust humidity": "exhaustHumidity",
  排气湿度: "exhaustHumidity",
  排気湿度: "exhaustHumidity",
  production: "production",
  output: "production",
  产量: "production",
  生産量: "production",
  "moisture in": "moistureIn",
  "inlet moisture": "moistureIn",
  进布含水率: "moistureIn",
  "moisture out": "moistureOut",
  "outlet moisture": "moistureOut",
  出布含水率: "moistureOut",
  duration: "durationMin",
  interval: "durationMin",
  时长: "durationMin",
};

/** Unit text (lower case, spaces removed) → quantity dimension and factor to the canonical unit. */
const UNIT_TABLE: Record<string, { dim: string; factor: number }> = {
  "m/min": { dim: "speed", factor: 1 },
  m: { dim: "length", factor: 1 },
  km: { dim: "length", factor: 1000 },
  cm: { dim: "length", factor: 0.01 },
  mm: { dim: "length", factor: 0.001 },
  "g/m2": { dim: "areal", factor: 1 },
  "g/m²": { dim: "areal", factor: 1 },
  gsm: { dim: "areal", factor: 1 },
  kwh: { dim: "energy-kwh", factor: 1 },
  mwh: { dim: "energy-kwh", factor: 1000 },
  wh: { dim: "energy-kwh", factor: 0.001 },
  mj: { dim: "energy-mj", factor: 1 },
  gj: { dim: "energy-mj", factor: 1000 },
  kj: { dim: "energy-mj", factor: 0.001 },
  nm3: { dim: "normal-volume", factor: 1 },
  "nm³": { dim: "normal-volume", factor: 1 },
  kg: { dim: "mass", factor: 1 },
  t: { dim: "mass", factor: 1000 },
  "kg/h": { dim: "mass-rate", factor: 1 },
  "t/h": { dim: "mass-rate", factor: 1000 },
  "°c": { dim: "temperature", factor: 1 },
  "℃": { dim: "temperature", factor: 1 },
  degc: { dim: "temperature", factor: 1 },
  c: { dim: "temperature", factor: 1 },
  "g/kg": { dim: "humidity-ratio", factor: 1 },
  "kg/kg": { dim: "humidity-ratio", factor: 1000 },
  "%": { dim: "percent", factor: 1 },
  min: { dim: "time", factor: 1 },
  h: { dim: "time", factor: 60 },
  s: { dim: "time", factor: 1 / 60 },
};

/** The unit dimension each quantity needs. Energy meters in MJ/GJ are converted to kWh for electricity (1 kWh = 3.6 MJ) and vice versa for heat. */
const QUANTITY_DIM: Record<MachineQuantity, string[]> = {
  speed: ["speed"],
  width: ["length"],
  gsm: ["areal"],
  electricity: ["energy-kwh", "energy-mj"],
  heat: ["energy-mj", "energy-kwh"],
  gas: ["normal-volume"],
  steam: ["mass"],
  coal: ["mass"],
  oilFlow: ["mass-rate"],
  oilSupplyTemp: ["temperature"],
  oilReturnTemp: ["temperature"],
  exhaustTemp: ["temperature"],
  exhaustHumidity: ["humidity-ratio"],
  productionM: ["length"],
  productionKg: ["mass"],
  moistureIn: ["percent"],
  moistureOut: ["percent"],
  durationMin: ["time"],
};

function unitKey(u: string): string {
  return u.trim().toLowerCase().replace(/\s+/g, "").replace("³", "3").replace("²", "2");
}

const normName = (s: string): string => headerKey(s);

/** Factor converting `unit` of `q` to the canonical unit, or undefined if the unit does not fit. */
function unitFactor(q: MachineQuantity, unit: string): number | undefined {
  const u = UNIT_TABLE[unitKey(unit)] ?? (unitKey(unit) === "nm3" ? UNIT_TABLE["nm3"] : undefined);
  if (!u || !QUANTITY_DIM[q].includes(u.dim)) return undefined;
  if (q === "electricity" && u.dim === "energy-mj") return u.factor / 3.6;
  if (q === "heat" && u.dim === "energy-kwh") return u.factor * 3.6;
  return u.factor;
}

const STATE_WORDS: Record<string, "run" | "idle"> = {
  run: "run",
  running: "run",
  production: "run",
  "1": "run",
  on: "run",
  运行: "run",
  生产: "run",
  稼働: "run",
  運転: "run",
  idle: "idle",
  stop: "idle",
  stopped: "idle",
  standby: "idle",
  "0": "idle",
  off: "idle",
  待机: "idle",
  停机: "idle",
  待機: "idle",
  停止: "idle",
};
const GROUP_WORDS: Record<string, "old" | "new"> = {
  old: "old",
  baseline: "old",
  existing: "old",
  旧: "old",
  旧机: "old",
  既設: "old",
  旧型: "old",
  new: "new",
  retrofit: "new",
  新: "new",
  新机: "new",
  新設: "new",
  新型: "new",
};
const PERIOD_WORDS: Record<string, "before" | "after"> = {
  before: "before",
  baseline: "before",
  pre: "before",
  改造前: "before",
  導入前: "before",
  after: "after",
  reporting: "after",
  post: "after",
  改造后: "after",
  導入後: "after",
};

interface NumCol {
  j: number;
  q: MachineQuantity;
  header: string;
  unit: string;
  factor: number;
}

/**
 * Read one machine log: one row per logged interval (a minute, an hour, a lot or a shift) of one
 * machine. Columns are recognised by header name (English, Chinese or Japanese aliases) and
 * every numeric column needs a unit, in the header (`electricity (kWh)`, `gas (Nm3)`,
 * `production (kg)`) or in `options.units`; values are converted to {@link MACHINE_LOG_UNITS}.
 *
 * Required: machine, group (old/new), start time (plus end, duration, or `intervalMinutes`),
 * state (run/idle), electricity, one thermal meter per machine (gas Nm3, steam kg, coal kg, heat
 * MJ or thermal-oil flow kg/h with supply and return temperatures), and production (m and/or kg).
 *
 * Accounting (never a silent zero): an empty energy or production cell becomes NaN, is listed as
 * a cell change (`missing-code`) and its row is flagged `missing-meter`; a negative reading is
 * kept and flagged `negative-reading`; a run interval with zero production but energy use is
 * flagged `zero-production-with-energy`. Downstream aggregation sets such lots aside and says so.
 *
 * @throws {AozoraInputError} for a missing required column, a numeric column without a unit or
 * with a unit of the wrong dimension, a non-numeric value, an unknown state/group word, an
 * unparseable time, an end before its start, overlapping intervals of one machine, a machine
 * changing group or thermal meter, a lot on two machines, a lot with two articles or classes, a
 * lot reappearing after another lot (unless `allowRepeatedLots`).
 */
export function readMachineLog(src: Source, opts: MachineLogReadOptions): MachineLogRead {
  const grid = readGrid(src, { encoding: opts.encoding, sheet: opts.sheet });
  return machineLogFromGrid(grid, opts);
}

/**
 * Read several machine-log files (e.g. one per machine) as one log. Units may differ between
 * files as long as they convert (kWh and MWh); a quantity whose unit does not fit (electricity in
 * Nm3), a machine appearing in two files with different thermal meters, overlapping intervals or
 * lots shared between files are errors. The accounts are returned per file.
 * @throws {RangeError} when no files are given
 * @throws {AozoraInputError} when a machine's thermal meter differs between files
 */
export function readMachineLogs(
  srcs: Source[],
  opts: MachineLogReadOptions,
): {
  intervals: MachineInterval[];
  thermalMeter: Record<string, MachineQuantity>;
  fileUnits: Partial<Record<MachineQuantity, string>>[];
  accounts: ReadAccount[];
} {
  if (srcs.length === 0) throw new RangeError("readMachineLogs: no files");
  const reads = srcs.map((s) => readMachineLog(s, opts));
  // keyed by machine id (data): no prototype, so ids such as `constructor` or `__proto__` are plain keys
  const thermalMeter: Record<string, MachineQuantity> = Object.create(null);
  const meterFile: Record<string, string> = Object.create(null);
  reads.forEach((r, k) => {
    for (const [m, q] of Object.entries(r.thermalMeter)) {
      if (thermalMeter[m] !== undefined && thermalMeter[m] !== q) {
        throw new AozoraInputError({
          file: r.account.file,
          column: q,
          expected: `machine "${m}" metered as in ${meterFile[m]} (${thermalMeter[m]} in ${MACHINE_LOG_UNITS[thermalMeter[m]]}): the same machine must keep one thermal meter and unit`,
          found: `${q} in ${r.fileUnits[q]}`,
        });
      }
      thermalMeter[m] = q;
      meterFile[m] = r.account.file;
    }
    void k;
  });
  const intervals = reads.flatMap((r) => r.intervals);
  checkConsistency(intervals, opts.allowRepeatedLots ?? false);
  return { intervals, thermalMeter, fileUnits: reads.map((r) => r.fileUnits), accounts: reads.map((r) => r.account) };
}

function machineLogFromGrid(grid: Grid, opts: MachineLogReadOptions): MachineLogRead {
  const { file, header } = grid;
  const offset = offsetOption(file, opts.utcOffset, 'option utcOffset, the logger clock\'s UTC offset (e.g. "+08:00")');
  const unitsOpt = opts.units ?? {};
  const text: Partial<Record<TextKey, number>> = {};
  const nums: NumCol[] = [];
  const fileUnits: Partial<Record<MachineQuantity, string>> = {};
  header.forEach((h, j) => {
    const { name, unit: headerUnit } = splitHeaderUnit(h);
    const n = normName(name);
    const nFull = normName(h);
    for (const key of Object.keys(TEXT_ALIASES) as TextKey[]) {
      if (TEXT_ALIASES[key].includes(n) || TEXT_ALIASES[key].includes(nFull)) {
        if (text[key] !== undefined)
          throw headerCellError(grid, j, `one "${key}" column`, `a second one (first: "${header[text[key]!]}")`);
        text[key] = j;
        return;
      }
    }
    const alias = Object.prototype.hasOwnProperty.call(NUMERIC_ALIASES, n) ? NUMERIC_ALIASES[n] : undefined;
    if (alias === undefined) {
      throw headerCellError(
        grid,
        j,
        `a known machine-log column (machine, group, start, end, lot, shift, article, class, state, speed, width, gsm, electricity, gas, steam, coal, heat, oil flow, oil supply/return temp, exhaust temp, exhaust humidity, production, moisture in/out, duration)`,
      );
    }
    const optUnit = unitsOpt[h] ?? unitsOpt[name] ?? (alias !== "production" ? unitsOpt[alias] : undefined);
    if (headerUnit !== undefined && optUnit !== undefined && unitKey(headerUnit) !== unitKey(optUnit)) {
      throw headerCellError(grid, j, `the header unit to agree with options.units ("${optUnit}")`, headerUnit);
    }
    const unit = headerUnit ?? optUnit;
    if (unit === undefined) {
      throw headerCellError(
        grid,
        j,
        `a unit in the header, e.g. "${name} (${alias === "production" ? "kg" : MACHINE_LOG_UNITS[alias]})", or in options.units`,
      );
    }
    let q: MachineQuantity;
    if (alias === "production") {
      const d = UNIT_TABLE[unitKey(unit)]?.dim;
      if (d === "length") q = "productionM";
      else if (d === "mass") q = "productionKg";
      else throw headerCellError(grid, j, "production in a length (m, km) or mass (kg, t) unit", unit);
    } else q = alias;
    const factor = unitFactor(q, unit);
    if (factor === undefined) {
      throw headerCellError(grid, j, `${q} in a unit convertible to ${MACHINE_LOG_UNITS[q]}`, unit);
    }
    if (fileUnits[q] !== undefined) throw headerCellError(grid, j, `one ${q} column`, "a second one");
    fileUnits[q] = unit;
    nums.push({ j, q, header: h, unit, factor });
  });
  const need = (key: TextKey, what: string) => {
    if (text[key] === undefined)
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        expected: `a ${what} column (header one of: ${TEXT_ALIASES[key].slice(0, 4).join(", ")})`,
      });
    return text[key]!;
  };
  const jMachine = need("machine", "machine id");
  const jGroup = need("group", "old/new group");
  const jStart = need("start", "start time");
  const jState = need("state", "run/idle state");
  const has = (q: MachineQuantity) => nums.some((c) => c.q === q);
  if (!has("electricity"))
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: 'an electricity meter column, e.g. "electricity (kWh)" (IPMVP Option B meters every energy stream)',
    });
  if (!THERMAL_QUANTITIES.some(has))
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected:
        'a thermal energy meter column: "gas (Nm3)", "steam (kg)", "coal (kg)", "heat (MJ)" or "oil flow (kg/h)" with oil supply/return temp (°C)',
    });
  if (has("oilFlow") && !(has("oilSupplyTemp") && has("oilReturnTemp")))
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: "oil supply temp (°C) and oil return temp (°C) columns beside oil flow (kg/h)",
    });
  if (!has("productionM") && !has("productionKg"))
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: 'a production column, "production (kg)" and/or "production (m)"',
    });
  if (text.end === undefined && !has("durationMin") && opts.intervalMinutes === undefined) {
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: "an end-time or duration (min) column, or options.intervalMinutes",
    });
  }
  if (opts.intervalMinutes !== undefined && !(opts.intervalMinutes > 0))
    throw new RangeError(`readMachineLog: intervalMinutes must be > 0, got ${opts.intervalMinutes}`);

  const acc = gridAccount(grid);
  const missing = missingCodeSet();
  const intervals: MachineInterval[] = [];
  // keyed by machine id (data): no prototype, so ids such as `constructor` or `__proto__` are plain keys
  const thermalMeter: Record<string, MachineQuantity> = Object.create(null);
  const thermalRow: Record<string, number> = Object.create(null);
  const groupOf: Record<string, { g: "old" | "new"; row: number }> = Object.create(null);

  const parseTime = (rec: Grid["records"][number], j: number): number => {
    const t = rec.fields[j];
    const p = parseGridTimestamp(grid, rec, j, rec.numeric?.[j] ? "excel" : "iso", offset);
    if (!p)
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[j],
        columnNumber: j + 1,
        expected: "a local date-time (YYYY-MM-DD HH:MM) or an Excel date",
        found: t,
      });
    if (p.hadOffset)
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[j],
        columnNumber: j + 1,
        expected: "a local time without offset (the clock's offset is options.utcOffset)",
        found: t,
      });
    return p.utcMs;
  };
  const word = <T>(rec: Grid["records"][number], j: number, table: Record<string, T>, what: string): T => {
    const t = rec.fields[j].normalize("NFKC").trim().toLowerCase();
    const v = Object.prototype.hasOwnProperty.call(table, t) ? table[t] : undefined;
    if (v === undefined)
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[j],
        columnNumber: j + 1,
        expected: what,
        found: rec.fields[j],
      });
    return v;
  };
  const optText = (rec: Grid["records"][number], key: TextKey): string | undefined => {
    const j = text[key];
    if (j === undefined) return undefined;
    const t = rec.fields[j].trim();
    return t === "" ? undefined : t;
  };

  // pre-pass: the thermal meter of each machine = the thermal column with readings for it
  for (const rec of grid.records) {
    const machine = rec.fields[jMachine].trim();
    for (const c of nums) {
      if (!THERMAL_QUANTITIES.includes(c.q) || c.q === "oilSupplyTemp" || c.q === "oilReturnTemp") continue;
      const t = rec.fields[c.j].trim();
      if (missing.has(t.toLowerCase())) continue;
      if (thermalMeter[machine] !== undefined && thermalMeter[machine] !== c.q) {
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: c.header,
          columnNumber: c.j + 1,
          expected: `machine "${machine}" metered on ${thermalMeter[machine]} (${fileUnits[thermalMeter[machine]]}) as at row ${thermalRow[machine]}: one thermal meter and unit per machine`,
          found: t,
        });
      }
      thermalMeter[machine] = c.q;
      thermalRow[machine] ??= rec.row;
    }
  }
  for (const rec of grid.records) {
    const machine = rec.fields[jMachine].trim();
    if (machine !== "" && thermalMeter[machine] === undefined) {
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[jMachine],
        columnNumber: jMachine + 1,
        expected: `thermal meter readings for machine "${machine}" (every thermal column is empty for it; a missing meter is not a zero)`,
        found: machine,
      });
    }
  }
  for (const rec of grid.records) {
    const machine = rec.fields[jMachine].trim();
    if (machine === "")
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[jMachine],
        columnNumber: jMachine + 1,
        expected: "a machine id",
        found: "",
      });
    const group = word(rec, jGroup, GROUP_WORDS, "old or new (旧/新)");
    if (groupOf[machine] && groupOf[machine].g !== group) {
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[jGroup],
        columnNumber: jGroup + 1,
        expected: `machine "${machine}" in group "${groupOf[machine].g}" as at row ${groupOf[machine].row}`,
        found: group,
      });
    }
    groupOf[machine] ??= { g: group, row: rec.row };
    const state = word(rec, jState, STATE_WORDS, "run or idle (运行/待机)");
    const period =
      text.period !== undefined ? word(rec, text.period, PERIOD_WORDS, "before or after (改造前/改造后)") : undefined;
    const start = parseTime(rec, jStart);
    const values: Partial<Record<MachineQuantity, number>> = {};
    const flags = new Set<string>();
    for (const c of nums) {
      const cell = rec.fields[c.j];
      // another machine's thermal meter: not applicable to this machine (left out, not a reading)
      if (THERMAL_QUANTITIES.includes(c.q) && thermalMeter[machine] !== c.q && missing.has(cell.trim().toLowerCase()))
        continue;
      const p = rec.numeric?.[c.j]
        ? { kind: "number" as const, value: Number(cell) }
        : parseCell(cell, missing, "missing");
      if (p.kind === "invalid" || p.kind === "below-detection") {
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: c.header,
          columnNumber: c.j + 1,
          expected: `a number (${c.unit}) or an empty cell`,
          found: cell,
        });
      }
      if (p.kind === "missing") {
        values[c.q] = NaN;
        const isOilTemp = (c.q === "oilSupplyTemp" || c.q === "oilReturnTemp") && thermalMeter[machine] === "oilFlow";
        const isMeter = ENERGY_QUANTITIES.includes(c.q) || c.q === "productionKg" || c.q === "productionM" || isOilTemp;
        acc.cellChanges.push({
          row: rec.row,
          column: c.q,
          original: cell,
          value: NaN,
          reason: "missing-code",
          detail: isMeter ? "meter reading missing (not zero)" : undefined,
        });
        if (isMeter && (state === "run" || ENERGY_QUANTITIES.includes(c.q) || isOilTemp))
          flags.add(`missing-meter:${c.q}`);
        continue;
      }
      const v = p.value * c.factor;
      values[c.q] = v;
      const canBeNegative = c.q === "oilSupplyTemp" || c.q === "oilReturnTemp" || c.q === "exhaustTemp";
      if (v < 0 && !canBeNegative) flags.add(`negative-reading:${c.q}`);
    }
    let end: number;
    if (text.end !== undefined) end = parseTime(rec, text.end);
    else if (values.durationMin !== undefined && Number.isFinite(values.durationMin))
      end = start + values.durationMin * 60000;
    else if (opts.intervalMinutes !== undefined) end = start + opts.intervalMinutes * 60000;
    else throw new AozoraInputError({ file, row: rec.row, column: "duration", expected: "a duration", found: "" });
    if (!(end > start))
      throw new AozoraInputError({
        file,
        row: rec.row,
        column: header[text.end ?? jStart],
        expected: "an end after the start",
        found: new Date(end).toISOString(),
      });
    const energy = ENERGY_QUANTITIES.reduce(
      (s, q) => s + (Number.isFinite(values[q]) && (values[q] as number) > 0 ? 1 : 0),
      0,
    );
    const prodKeys: MachineQuantity[] = ["productionKg", "productionM"];
    const prodZero = prodKeys.some((q) => values[q] === 0) && !prodKeys.some((q) => (values[q] ?? 0) > 0);
    if (state === "run" && energy > 0 && prodZero) flags.add("zero-production-with-energy");
    for (const f of flags) {
      const [reason, q] = f.split(":");
      acc.flagged.push({
        row: rec.row,
        reason,
        detail: q ? `${q} (${fileUnits[q as MachineQuantity]})` : "run interval with energy use but production 0",
      });
    }
    intervals.push({
      row: rec.row,
      file,
      machine,
      group,
      period,
      start,
      end,
      lot: optText(rec, "lot"),
      shift: optText(rec, "shift"),
      article: optText(rec, "article"),
      fabricClass: optText(rec, "fabricClass"),
      state,
      values,
    });
  }
  checkConsistency(intervals, opts.allowRepeatedLots ?? false);
  return { intervals, fileUnits, thermalMeter, account: acc.finish(intervals.length) };
}

/** Overlaps per machine, lots on two machines or with two articles/classes, repeated lots. */
function checkConsistency(intervals: MachineInterval[], allowRepeatedLots: boolean): void {
  const byMachine = new Map<string, MachineInterval[]>();
  for (const iv of intervals) {
    const list = byMachine.get(iv.machine) ?? [];
    list.push(iv);
    byMachine.set(iv.machine, list);
  }
  const lotMachine = new Map<string, MachineInterval>();
  for (const [machine, list] of byMachine) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.row - b.row);
    const seenLots = new Map<string, MachineInterval>();
    let prevLot: string | undefined;
    for (let k = 0; k < sorted.length; k++) {
      const iv = sorted[k];
      if (k > 0 && iv.start < sorted[k - 1].end) {
        const p = sorted[k - 1];
        throw new AozoraInputError({
          file: iv.file,
          row: iv.row,
          column: "start",
          expected: `intervals of machine "${machine}" not to overlap: this one starts at ${new Date(iv.start).toISOString()} before the interval at ${p.file} row ${p.row} ends (${new Date(p.end).toISOString()})`,
        });
      }
      if (iv.lot !== undefined) {
        const other = lotMachine.get(iv.lot);
        if (other && other.machine !== machine) {
          throw new AozoraInputError({
            file: iv.file,
            row: iv.row,
            column: "lot",
            expected: `lot "${iv.lot}" on one machine (duplicated lot: also on "${other.machine}" at ${other.file} row ${other.row})`,
            found: iv.lot,
          });
        }
        if (
          other &&
          ((other.article ?? "") !== (iv.article ?? "") || (other.fabricClass ?? "") !== (iv.fabricClass ?? ""))
        ) {
          throw new AozoraInputError({
            file: iv.file,
            row: iv.row,
            column: "article",
            expected: `lot "${iv.lot}" to keep article "${other.article ?? ""}" and class "${other.fabricClass ?? ""}" (as at row ${other.row})`,
            found: `${iv.article ?? ""} / ${iv.fabricClass ?? ""}`,
          });
        }
        lotMachine.set(iv.lot, other ?? iv);
        if (!allowRepeatedLots && iv.lot !== prevLot && seenLots.has(iv.lot)) {
          const first = seenLots.get(iv.lot)!;
          throw new AozoraInputError({
            file: iv.file,
            row: iv.row,
            column: "lot",
            expected: `each lot once per machine (duplicated lot "${iv.lot}": first at ${first.file} row ${first.row}, another lot in between; set allowRepeatedLots for re-runs)`,
            found: iv.lot,
          });
        }
        if (!seenLots.has(iv.lot)) seenLots.set(iv.lot, iv);
        prevLot = iv.lot;
      }
    }
  }
}

/** One stack (exhaust treatment) measurement: inlet and outlet concentration and flow of one pollutant. */
export interface StackMeasurement {
  row: number;
  /** Sampling time, UTC ms (NaN when not given). */
  time: number;
  /** The machine or treatment unit measured. */
  unit: string;
  /** Pollutant name as written (VOC, NMHC, oil mist, particulate, ...). */
  pollutant: string;
  /** Inlet concentration, mg/Nm3 (converted from ppm when the file gives ppm and a molar mass). */
  inletConc: number;
  /** Outlet concentration, mg/Nm3. */
  outletConc: number;
  /** Inlet flow, Nm3/h. */
  inletFlow: number;
  /** Outlet flow, Nm3/h. */
  outletFlow: number;
}

/** Options of {@link readStackMeasurements}. */
export interface StackReadOptions {
  utcOffset: OffsetLike;
  /** Molar mass (g/mol) per pollutant for files in ppm (e.g. `{ NMHC: 16.04 }` for NMHC as methane; verify the basis). */
  molarMass?: Record<string, number>;
  /** Molar volume (L/mol) at the normal state of the Nm3 (default 22.414, 0 °C and 101.325 kPa; `molarVolume(STP_273)`). */
  molarVolumeL?: number;
  encoding?: TextEncodingName;
  sheet?: string;
}

/**
 * Read a stack-measurement table: one row per measurement with columns `time`, `unit` (machine
 * or treatment line), `pollutant`, `inlet (mg/Nm3)`, `outlet (mg/Nm3)`, `inlet flow (Nm3/h)`,
 * `outlet flow (Nm3/h)` (one flow column `flow (Nm3/h)` is used for both sides). Concentrations
 * in ppm are converted with mg/Nm3 = ppm·M/Vm (Vm = 22.414 L/mol at 0 °C, 101.325 kPa).
 *
 * @throws {AozoraInputError} for missing columns or units, non-numeric or negative values, a
 * missing value (a measurement needs all four numbers), or ppm without a molar mass.
 */
export function readStackMeasurements(
  src: Source,
  opts: StackReadOptions,
): { measurements: StackMeasurement[]; account: ReadAccount } {
  const grid = readGrid(src, { encoding: opts.encoding, sheet: opts.sheet });
  const { file, header } = grid;
  const offset = parseOffset(opts.utcOffset);
  const vm = opts.molarVolumeL ?? 22.414;
  const col: Record<string, { j: number; unit?: string }> = {};
  header.forEach((h, j) => {
    const { name, unit } = splitHeaderUnit(h);
    const n = normName(name);
    const key = ["time", "date time", "datetime", "时间", "日時"].includes(n)
      ? "time"
      : ["unit", "machine", "line", "source", "设备", "設備"].includes(n)
        ? "unit"
        : ["pollutant", "species", "污染物", "物質"].includes(n)
          ? "pollutant"
          : ["inlet", "inlet conc", "inlet concentration", "进口浓度", "入口濃度"].includes(n)
            ? "inletConc"
            : ["outlet", "outlet conc", "outlet concentration", "出口浓度", "出口濃度"].includes(n)
              ? "outletConc"
              : ["inlet flow", "进口风量", "入口風量"].includes(n)
                ? "inletFlow"
                : ["outlet flow", "出口风量", "出口風量"].includes(n)
                  ? "outletFlow"
                  : ["flow", "风量", "風量"].includes(n)
                    ? "flow"
                    : undefined;
    if (!key)
      throw headerCellError(
        grid,
        j,
        "a stack-measurement column (time, unit, pollutant, inlet (mg/Nm3), outlet (mg/Nm3), inlet flow (Nm3/h), outlet flow (Nm3/h) or flow (Nm3/h))",
      );
    col[key] = { j, unit };
  });
  for (const k of ["unit", "pollutant", "inletConc", "outletConc"]) {
    if (!col[k])
      throw new AozoraInputError({
        file,
        row: grid.headerRow,
        expected: `a "${k === "inletConc" ? "inlet (mg/Nm3)" : k === "outletConc" ? "outlet (mg/Nm3)" : k}" column`,
      });
  }
  if (!col.flow && !(col.inletFlow && col.outletFlow))
    throw new AozoraInputError({
      file,
      row: grid.headerRow,
      expected: 'flow columns: "inlet flow (Nm3/h)" and "outlet flow (Nm3/h)", or one "flow (Nm3/h)"',
    });
  for (const k of ["inletConc", "outletConc"]) {
    const u = col[k].unit ? unitKey(col[k].unit!) : undefined;
    if (u !== "mg/nm3" && u !== "ppm" && u !== "mg/m3")
      throw headerCellError(
        grid,
        col[k].j,
        "a concentration unit in the header: mg/Nm3 (or ppm)",
        col[k].unit ?? "no unit",
      );
    if (u === "mg/m3")
      throw headerCellError(
        grid,
        col[k].j,
        "mg/Nm3 (concentration at the normal state, 0 °C and 101.325 kPa, dry): convert mg/m3 at stack conditions first",
        col[k].unit,
      );
  }
  for (const k of ["flow", "inletFlow", "outletFlow"]) {
    if (!col[k]) continue;
    const u = col[k].unit ? unitKey(col[k].unit!) : undefined;
    if (u !== "nm3/h") throw headerCellError(grid, col[k].j, "flow in Nm3/h", col[k].unit ?? "no unit");
  }
  const acc = gridAccount(grid);
  const missing = missingCodeSet();
  const out: StackMeasurement[] = [];
  for (const rec of grid.records) {
    const pollutant = rec.fields[col.pollutant.j].trim();
    const num = (k: string): number => {
      const c = col[k];
      const t = rec.fields[c.j];
      const p = rec.numeric?.[c.j] ? { kind: "number" as const, value: Number(t) } : parseCell(t, missing, "missing");
      if (p.kind !== "number")
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: header[c.j],
          columnNumber: c.j + 1,
          expected: `a number (${c.unit}); a stack measurement needs inlet and outlet concentration and flow`,
          found: t,
        });
      if (p.value < 0)
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: header[c.j],
          columnNumber: c.j + 1,
          expected: "a non-negative value",
          found: t,
        });
      if (unitKey(c.unit ?? "") === "ppm") {
        const mw = opts.molarMass?.[pollutant];
        if (!(mw !== undefined && mw > 0))
          throw new AozoraInputError({
            file,
            row: rec.row,
            column: header[c.j],
            columnNumber: c.j + 1,
            expected: `options.molarMass["${pollutant}"] (g/mol) to convert ppm to mg/Nm3`,
          });
        return (p.value * mw) / vm;
      }
      return p.value;
    };
    let time = NaN;
    if (col.time) {
      const t = rec.fields[col.time.j];
      const p = parseGridTimestamp(grid, rec, col.time.j, rec.numeric?.[col.time.j] ? "excel" : "iso", offset);
      if (!p)
        throw new AozoraInputError({
          file,
          row: rec.row,
          column: header[col.time.j],
          columnNumber: col.time.j + 1,
          expected: "a local date-time",
          found: t,
        });
      time = p.utcMs;
    }
    const inletFlow = num(col.inletFlow ? "inletFlow" : "flow");
    const outletFlow = num(col.outletFlow ? "outletFlow" : "flow");
    out.push({
      row: rec.row,
      time,
      unit: rec.fields[col.unit.j].trim(),
      pollutant,
      inletConc: num("inletConc"),
      outletConc: num("outletConc"),
      inletFlow,
      outletFlow,
    });
  }
  return { measurements: out, account: acc.finish(out.length) };
}
