/**
 * NIES 大気環境時間値データ: the hourly files of 国立環境研究所 環境数値データベース (環境展望台,
 * https://tenbou.nies.go.jp/download/), one CSV per prefecture and fiscal year (`j{都道府県}_{年度}.zip`).
 *
 * Layout read (sources in `tables/nies.ts`: the format description TJ_manu.pdf as quoted by a public
 * parser; the PDF itself was not available here): Shift_JIS (CP932) CSV, one header row
 * `測定年度,測定局コード,市町村コード,測定項目コード,測定単位コード,測定月,測定日,01h,…,24h` (columns
 * found by name), one row per station × item × day of a fixed 12 months × 31 days grid (days a
 * month lacks are filled with 9998), the fiscal year starting in April (months 1–3 are in the next
 * calendar year), integer cells in the unit code's scale (`0.1PPM`: 3 = 0.3 ppm), cells 9997 /
 * 9998 / 9999 = error / not measured / missing, fields padded with spaces.
 *
 * Hour label, a documented fact: `01h` … `24h` mark the END of their hour — 国立環境研究所 環境展望台
 * "測定値について" (https://tenbou.nies.go.jp/download/explain_values.html): "1時データ | 0時〜0時59分の
 * データ または、0時30分〜1時29分のデータ … 24時データ | 23時〜23時59分のデータ …". So `h`h covers
 * [h − 1, h) local (JST, +09:00) and the table's time is that hour's start.
 */
import { AqTable } from "../table/table";
import { AozoraInputError } from "../io/errors";
import { cellError, gridAccount, readGrid, requireDataRows, type GridOptions } from "../io/grid";
import type { ReadAccount } from "../io/account";
import type { Source } from "../io/source";
import { parseCompass } from "../table/compass";
import { normaliseSpecies } from "../table/species";
import { normaliseUnit } from "../table/units";
import {
  NIES_HEADER,
  NIES_HOUR_COLUMNS,
  NIES_ITEM_ALIASES,
  NIES_UNIT_CODES,
  NIES_VALUE_CODES,
  NIES_WIND_CODE,
} from "./tables/nies";

/** Options of {@link readNiesHourly}. */
export interface NiesReadOptions extends GridOptions {
  /**
   * Which end of its hour a label `h`h marks: only `"end"` (the documented NIES convention, see the
   * module comment). Any other value is refused: the files have no hour 0.
   */
  hourLabel?: "end";
  /** Units by item code (as in the file) or column name for unit codes the reader does not know (no scaling). */
  units?: Record<string, string>;
  /**
   * Read the `16DIRC` wind-direction items as the Japanese 16-point code (1 = NNE … 16 = N, 0 =
   * calm; the convention of Japanese municipal data, Yokohama City — TJ_manu.pdf's own code
   * table was not seen) into `WD` degrees and a `calm` flag. Default false: the codes are kept
   * as the number column `WD code` (unit `1`), never taken for degrees.
   */
  compassCodes?: boolean;
}

/** What {@link readNiesHourly} returns. */
export interface NiesRead {
  /**
   * Long table: `time` (start of the hour, UTC, offset +09:00), `station` (測定局コード, text),
   * `municipality code` (市町村コード, text, when the file has it), one numeric column per item
   * in its unit (`PM2.5` for PM25/PMFL/PMBH), rows sorted by station then time.
   */
  table: AqTable;
  /** Every code cell (9997/9998/9999, blank), the padding rows set aside, compass conversions; `notes` the conventions applied. */
  account: ReadAccount;
}

const JST_MINUTES = 540;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function clean(h: string): string {
  return h.replace(/^\uFEFF/, "").trim();
}

/**
 * True when a header row is an NIES hourly file's: it has 測定年度, 測定局コード, 測定項目コード,
 * 測定単位コード, 測定月, 測定日 and the hour columns 01h … 24h (trimmed; a BOM ignored). For the
 * CLI's `--kind` detection.
 * @param header the cells of the file's first row
 */
export function isNiesHourlyHeader(header: readonly string[]): boolean {
  const h = new Set(header.map(clean));
  const required = [
    NIES_HEADER.fiscalYear,
    NIES_HEADER.station,
    NIES_HEADER.item,
    NIES_HEADER.unit,
    NIES_HEADER.month,
    NIES_HEADER.day,
  ];
  return required.every((c) => h.has(c)) && NIES_HOUR_COLUMNS.every((c) => h.has(c));
}

/** One item column being built: values per output row, with the unit and scaling applied. */
interface ItemColumn {
  name: string;
  unit: string;
  factor: number;
  unitCode: string;
  /** item codes seen for this column (PM25, PMFL, …) */
  codes: Set<string>;
  wind: boolean;
}

/**
 * Read one NIES 大気環境時間値 file (layout and sources in the module comment and `tables/nies.ts`)
 * into a long {@link AqTable}: `time` = the start of each hour as a UTC instant (offset +09:00),
 * `station`, one column per item with the unit of its unit code, the integers scaled (`0.1PPM`
 * × 0.1 → ppm; `10PPBC` × 10 → ppbC). Cells 9997/9998/9999 and blank become NaN, each in the
 * account with its meaning; the rows of days a month does not have (4/31, 2/30, …) must hold only
 * 9998 or blank and are set aside (`not-a-calendar-day`); `account.notes` state the hour
 * convention, the fiscal-year rule and every unit scaling. Default encoding Shift_JIS.
 *
 * @param src the file (path, or bytes with a name)
 * @param opts encoding, units for unknown unit codes, `compassCodes` for wind directions
 * @throws {AozoraInputError} naming file, row and column: a header without the NIES columns (also
 *   when the file is not in the encoding given), a fiscal year, month or day that is not one, a
 *   cell that is neither an integer nor a code, a value of 9000 or more that is not 9997–9999, a
 *   real value on a day the month does not have, two unit codes for one item, the same station ×
 *   item × day twice, two item codes (PM25 and PMFL) for the same station hour, a wind code
 *   outside 0–16; for bytes invalid in the encoding and UTF-16 without a BOM.
 * @throws {RangeError} for an `hourLabel` other than "end".
 */
export function readNiesHourly(src: Source, opts: NiesReadOptions = {}): NiesRead {
  if (opts.hourLabel !== undefined && opts.hourLabel !== "end")
    throw new RangeError(
      `readNiesHourly: hourLabel must be "end" (NIES labels 01h–24h mark the end of their hour), got ${JSON.stringify(opts.hourLabel)}`,
    );
  const grid = readGrid(src, { ...opts, encoding: opts.encoding ?? "shift_jis" });
  const header = grid.header.map(clean);
  if (!isNiesHourlyHeader(header))
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow,
      expected: `an NIES hourly header ${Object.values(NIES_HEADER).join(",")},01h,…,24h (a file in another encoding than ${
        opts.encoding ?? "shift_jis"
      } reads as garbled text: pass encoding)`,
      found: grid.header.join(","),
    });
  requireDataRows(grid);
  const col = (name: string) => header.indexOf(name);
  const jy = col(NIES_HEADER.fiscalYear),
    js = col(NIES_HEADER.station),
    jm = col(NIES_HEADER.municipality),
    ji = col(NIES_HEADER.item),
    ju = col(NIES_HEADER.unit),
    jmo = col(NIES_HEADER.month),
    jd = col(NIES_HEADER.day);
  const jh = NIES_HOUR_COLUMNS.map(col);
  const acc = gridAccount(grid);

  const int = (r: (typeof grid.records)[number], j: number, lo: number, hi: number, what: string): number => {
    const t = r.fields[j].trim();
    const v = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
    if (!(v >= lo && v <= hi)) throw cellError(grid, r, j, `${what} (an integer ${lo}–${hi})`);
    return v;
  };

  // stations in order of appearance; per station the local days seen; per output cell the value
  const stationOrder: string[] = [];
  const municipality = new Map<string, { code: string; row: number }>();
  const items = new Map<string, ItemColumn>(); // by column name
  const seen = new Map<string, number>(); // station|item|day → row
  // values: station → column name → day index (local days since epoch) → 24 values
  const values = new Map<string, Map<string, Map<number, Float64Array>>>();
  const days = new Map<string, Set<number>>();
  const itemRowCodes = new Map<string, Map<number, { code: string; row: number }>>(); // station|column → day → which item code
  let padding = 0;

  for (const r of grid.records) {
    const fy = int(r, jy, 1900, 2999, "a fiscal year 測定年度");
    const month = int(r, jmo, 1, 12, "a month 測定月");
    const day = int(r, jd, 1, 31, "a day 測定日");
    const station = r.fields[js].trim();
    if (!/^\d{1,12}$/.test(station)) throw cellError(grid, r, js, "a station code 測定局コード (digits)");
    const itemCode = r.fields[ji].trim();
    if (itemCode === "") throw cellError(grid, r, ji, "an item code 測定項目コード (SO2, NO2, OX, PM25, …)");
    const unitCode = r.fields[ju].trim();
    const year = month >= 4 ? fy : fy + 1; // 年度 starts in April
    const dayMs = Date.UTC(year, month - 1, day);
    const real = new Date(dayMs).getUTCMonth() === month - 1;
    // the 24 cells: integers, codes or blank
    const cells = new Float64Array(24);
    const codeCells: { j: number; text: string }[] = [];
    for (let h = 0; h < 24; h++) {
      const j = jh[h];
      const t = r.fields[j].trim();
      if (t === "" || t in NIES_VALUE_CODES) {
        cells[h] = NaN;
        codeCells.push({ j, text: t });
        continue;
      }
      const v = /^[-+]?\d{1,5}$/.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(v))
        throw cellError(
          grid,
          r,
          j,
          `an integer in the unit code's scale or a code (${Object.keys(NIES_VALUE_CODES).join(" ")}, blank)`,
        );
      if (v >= 9000)
        throw cellError(
          grid,
          r,
          j,
          `a value below 9000 or one of the codes ${Object.entries(NIES_VALUE_CODES)
            .map(([c, m]) => `${c} ${m}`)
            .join(", ")} (TJ_manu.pdf)`,
        );
      cells[h] = v;
    }
    if (!real) {
      // a day the month does not have: filled with 9998 (TJ_manu.pdf); anything else is an error
      const bad = codeCells.length === 24 ? codeCells.find((c) => c.text !== "9998" && c.text !== "") : undefined;
      if (codeCells.length !== 24 || bad) {
        const h = codeCells.length !== 24 ? jh[cells.findIndex((x) => !Number.isNaN(x))] : bad!.j;
        throw cellError(
          grid,
          r,
          h,
          `9998 (the fill of a day that ${year}-${String(month).padStart(2, "0")} does not have: 測定日 ${day})`,
        );
      }
      acc.setAside.push({
        row: r.row,
        reason: "not-a-calendar-day",
        detail: `測定日 ${month}/${day} of 年度 ${fy} is not a calendar day (${year}); its cells are the fill 9998`,
      });
      padding++;
      continue;
    }
    // the item's column: PM25/PMFL/PMBH → PM2.5; the wind codes; others by their code
    const wind = unitCode.toUpperCase() === NIES_WIND_CODE;
    const base = NIES_ITEM_ALIASES[itemCode] ?? normaliseSpecies(itemCode);
    const name = wind ? (opts.compassCodes ? "WD" : `${base} code`) : base;
    let ic = items.get(name);
    if (!ic) {
      const known = NIES_UNIT_CODES[unitCode.toUpperCase()];
      const given = opts.units?.[itemCode] ?? opts.units?.[name];
      const unit = wind
        ? opts.compassCodes
          ? "deg"
          : "1"
        : given !== undefined
          ? normaliseUnit(given)
          : known
            ? known.unit
            : unitCode === ""
              ? undefined
              : unitCode;
      if (unit === undefined) throw cellError(grid, r, ju, `a unit code 測定単位コード (PPB, UG/M3, 0.1PPM, …)`);
      ic = {
        name,
        unit,
        factor: !wind && given === undefined && known ? known.factor : 1,
        unitCode,
        codes: new Set(),
        wind,
      };
      items.set(name, ic);
    } else if (ic.unitCode !== unitCode)
      throw cellError(grid, r, ju, `the unit code ${ic.unitCode} of ${name} in the rows above (one unit per item)`);
    ic.codes.add(itemCode);
    const key = `${station}|${itemCode}|${dayMs}`;
    const prev = seen.get(key);
    if (prev !== undefined)
      throw cellError(
        grid,
        r,
        jd,
        `one row per station × item × day (row ${prev} has ${station} ${itemCode} ${month}/${day} too)`,
      );
    seen.set(key, r.row);
    // two method codes of one quantity for the same station day (PM25 and PMFL): an error, never a silent pick
    const ck = `${station}|${name}`;
    let byDay = itemRowCodes.get(ck);
    if (!byDay) itemRowCodes.set(ck, (byDay = new Map()));
    const other = byDay.get(dayMs);
    if (other && other.code !== itemCode)
      throw cellError(
        grid,
        r,
        ji,
        `one item code per quantity and station day (row ${other.row} has ${other.code} for ${name} on ${month}/${day})`,
      );
    byDay.set(dayMs, { code: itemCode, row: r.row });
    // station bookkeeping
    if (!values.has(station)) {
      values.set(station, new Map());
      days.set(station, new Set());
      stationOrder.push(station);
    }
    if (jm >= 0) {
      const m = r.fields[jm].trim();
      const had = municipality.get(station);
      if (!had) municipality.set(station, { code: m, row: r.row });
      else if (had.code !== m)
        throw cellError(grid, r, jm, `the municipality code ${had.code} of station ${station} (row ${had.row})`);
    }
    days.get(station)!.add(dayMs);
    let byCol = values.get(station)!.get(name);
    if (!byCol) values.get(station)!.set(name, (byCol = new Map()));
    // scale, or read the wind codes; account every code cell and conversion
    const out = new Float64Array(24);
    for (let h = 0; h < 24; h++) {
      const v = cells[h];
      if (Number.isNaN(v)) {
        out[h] = NaN;
        continue;
      }
      if (ic.wind && opts.compassCodes) {
        const p = parseCompass(String(v), { numeric: true });
        if (p.kind === "none")
          throw cellError(grid, r, jh[h], "a 16-point wind code 0–16 (1 = NNE … 16 = N, 0 = calm)");
        out[h] = p.kind === "direction" ? p.degrees : NaN;
        acc.cellChanges.push({
          row: r.row,
          column: "WD",
          original: r.fields[jh[h]].trim(),
          value: out[h],
          reason: p.kind === "calm" ? "calm" : "compass-direction",
          detail: p.kind === "calm" ? "code 0: calm, no direction" : `code ${v} = ${p.point}`,
        });
      } else out[h] = ic.factor === 1 ? v : Math.round(v * ic.factor * 1e9) / 1e9;
    }
    for (const c of codeCells)
      acc.cellChanges.push({
        row: r.row,
        column: name,
        original: c.text,
        value: NaN,
        reason: "missing-code",
        detail: c.text === "" ? "blank: no value" : `NIES code ${c.text}: ${NIES_VALUE_CODES[c.text]}`,
      });
    byCol.set(dayMs, out);
    // wind codes read as degrees: keep the calm flag beside them
    if (ic.wind && opts.compassCodes) {
      let calm = values.get(station)!.get("calm");
      if (!calm) values.get(station)!.set("calm", (calm = new Map()));
      calm.set(
        dayMs,
        Float64Array.from(cells, (v) => (Number.isNaN(v) ? NaN : v === 0 ? 1 : 0)),
      );
    }
  }

  // the long table: station order of the file, then time
  const names = [...items.keys()];
  if ([...items.values()].some((c) => c.wind && opts.compassCodes)) names.push("calm");
  const time: number[] = [];
  const stationCol: string[] = [];
  const muniCol: string[] = [];
  const cols: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const s of stationOrder) {
    const sd = [...days.get(s)!].sort((a, b) => a - b);
    const sv = values.get(s)!;
    for (const d of sd)
      for (let h = 0; h < 24; h++) {
        // label h+1 (01h … 24h) ends at h+1 local: the hour starts at h local = d + h − 9 UTC
        time.push(d + h * HOUR - JST_MINUTES * 60_000);
        stationCol.push(s);
        if (jm >= 0) muniCol.push(municipality.get(s)!.code);
        for (const n of names) cols[n].push(sv.get(n)?.get(d)?.[h] ?? NaN);
      }
  }
  const columns: Record<string, number[] | string[] | Float64Array> = {
    time: Float64Array.from(time),
    station: stationCol,
  };
  const info: Record<string, { unit?: string; original?: string; kind?: "number" | "time" | "string" }> = {
    time: { kind: "time", original: `${NIES_HEADER.month}/${NIES_HEADER.day} + 01h…24h` },
    station: { kind: "string", original: NIES_HEADER.station },
  };
  if (jm >= 0) {
    columns["municipality code"] = muniCol;
    info["municipality code"] = { kind: "string", original: NIES_HEADER.municipality };
  }
  for (const n of names) {
    columns[n] = Float64Array.from(cols[n]);
    const ic = items.get(n);
    info[n] = ic ? { unit: ic.unit, original: [...ic.codes].join("/") } : { unit: "1", original: "WD (calm: code 0)" };
  }
  const table = AqTable.create(columns, info, { column: "time", utcOffsetMinutes: JST_MINUTES });
  const notes = [
    "hour label: 01h … 24h mark the END of their hour (NIES 環境展望台 測定値について); time = start of the hour, h − 1 local (JST +09:00)",
    "fiscal year: 測定年度 starts in April; months 1–3 are in the next calendar year",
    ...[...items.values()]
      .filter((c) => c.factor !== 1)
      .map((c) => `${c.name}: unit code ${c.unitCode}, file integers × ${c.factor} → ${c.unit}`),
    ...[...items.values()]
      .filter(
        (c) =>
          !c.wind &&
          !NIES_UNIT_CODES[c.unitCode.toUpperCase()] &&
          !opts.units?.[[...c.codes][0]] &&
          !opts.units?.[c.name],
      )
      .map(
        (c) => `${c.name}: unit code ${c.unitCode} is not in the reader's table: kept as the unit, values not scaled`,
      ),
    ...[...items.values()]
      .filter(
        (c) =>
          c.codes.size > 1 ||
          (c.codes.size === 1 && NIES_ITEM_ALIASES[[...c.codes][0]] !== undefined && [...c.codes][0] !== "PM25"),
      )
      .map((c) => `${c.name}: item codes ${[...c.codes].join(", ")} (measurement methods) read as one column`),
    ...(padding ? [`${padding} rows of days the months do not have (the fill 9998) set aside`] : []),
  ];
  const account = acc.finish(grid.records.length - padding);
  account.notes = notes;
  return { table, account };
}
