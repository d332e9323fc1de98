/**
 * 環境省 大気汚染物質広域監視システム「そらまめ君」(https://soramame.env.go.jp) download files.
 *
 * Layout read (as issue #17 describes the downloads; the ministry's own file specification was
 * NOT found — see the README's "Japan: soramame and NIES files" — so the layout is checked
 * strictly and anything else is an error, never a guess): a CSV in Shift_JIS, one header row
 * `測定局コード,[測定局名,]日付,時,<item>(<unit>),…` such as `SO2(ppm)`, `SPM(mg/m3)`,
 * `PM2.5(μg/m3)`, `HUM(％)`, `TEMP(℃)`, `WD(16方位)`, `WS(m/s)`; one row per station × hour;
 * `日付` a local (JST, +09:00) date `YYYY/MM/DD` (also `YYYY-MM-DD`, `YYYYMMDD`); `時` the local
 * hour label 1–24.
 *
 * Hour label, a documented fact: the national hourly values are labelled by the END of their
 * hour. 国立環境研究所 環境展望台 "測定値について" (https://tenbou.nies.go.jp/download/explain_values.html):
 * "1時データ | 0時〜0時59分のデータ または、0時30分〜1時29分のデータ … 24時データ | 23時〜23時59分のデータ
 * または、23時30分〜24時29分のデータ" (the page adds that which of the two applies differs by
 * prefecture or city). So 時 = h covers [h−1, h) local by default (`hourLabel: "end"`), and the
 * table's time is the START of that hour (aozora's convention, `HourLabel` "start" in the
 * hourly analyses): 時 = 24 of 2024/04/01 is 2024-04-01T23:00+09:00. With `hourLabel: "start"`
 * 時 = h covers [h, h+1) and must be 0–23.
 */
import { AqTable } from "../table/table";
import { AozoraInputError } from "../io/errors";
import { readGrid, type Grid, type GridOptions } from "../io/grid";
import { gridToTable, type MonitoringReadOptions } from "../io/monitoring";
import { DEFAULT_MISSING_CODES } from "../io/cells";
import type { ReadAccount } from "../io/account";
import type { Source } from "../io/source";
import { parseCompass, WIND_DIRECTION_HEADER } from "../table/compass";
import { splitHeaderUnit } from "../table/units";

/**
 * Cell codes of soramame files that mean "no valid value", with their meaning. The ministry's
 * list was not found; these are the markers issue #17 names (blank, `-`, `調整中` = instrument
 * adjusting/calibrating, `欠測` = missing) plus `***`, the missing marker of Japanese municipal
 * hourly downloads (Yokohama City, "欠測データ(***)", https://expydoc.com/doc/7559724/), and
 * `#`, `<`-free markers are not assumed. Each such cell becomes NaN and is counted in the account
 * with its code.
 */
export const SORAMAME_CODES: Readonly<Record<string, string>> = {
  "": "blank: no value",
  "-": "no value",
  "--": "no value",
  "***": "missing (欠測)",
  欠測: "missing (欠測)",
  調整中: "instrument adjusting (調整中)",
  保守: "instrument maintenance (保守)",
  未測定: "not measured (未測定)",
};

/** Options of {@link readSoramame}. */
export interface SoramameReadOptions extends GridOptions {
  /**
   * Which end of its hour the `時` label marks: `"end"` (default, the documented national
   * convention: 1–24, 時 = h covers [h−1, h)) or `"start"` (0–23, 時 = h covers [h, h+1)).
   */
  hourLabel?: "start" | "end";
  /** Units by header (as in the file) or item name, overriding the header's. */
  units?: Record<string, string>;
  /** Read integer wind-direction cells 0–16 as the 16-point code (1 = NNE … 16 = N, 0 = calm). Default false. */
  compassCodes?: boolean;
  /** Direction given to calm hours, degrees (default NaN: no direction; see {@link MonitoringReadOptions.compass}). */
  calmDirection?: number;
}

/** What {@link readSoramame} returns. */
export interface SoramameRead {
  /** Long table: `time` (start of the hour, UTC, offset +09:00), `station` (測定局コード), items with units, `calm` when there is a wind direction. */
  table: AqTable;
  /** Every code, compass conversion, calm hour and hour-24 label; `notes` say which hour convention was applied. */
  account: ReadAccount;
}

const STATION = "測定局コード";
const STATION_NAME = "測定局名";
const DATE = "日付";
const HOUR = "時";

function clean(h: string): string {
  return h.replace(/^\uFEFF/, "").trim();
}

/**
 * True when a header row is a soramame download's: it holds `測定局コード`, `日付` and `時`
 * (trimmed; a BOM on the first cell ignored). For the CLI's `--kind` detection.
 * @param header the cells of the file's first row
 */
export function isSoramameHeader(header: readonly string[]): boolean {
  const h = header.map(clean);
  return h.includes(STATION) && h.includes(DATE) && h.includes(HOUR);
}

/**
 * Read one 環境省 そらまめ君 download file (layout and sources in the module comment) into a long
 * {@link AqTable}: `time` = the start of each hour as a UTC instant (site offset +09:00),
 * `station` = 測定局コード (text), `station name` = 測定局名 when present, one numeric column
 * per item with the unit of its header (`μg/m3` → `µg/m3`, `％` → `%`, `℃` → `°C`), the wind
 * direction in degrees with a `calm` flag column (16-point names `NNE`/`北北東` and `CALM`/`静穏`,
 * see {@link parseCompass}). Codes in {@link SORAMAME_CODES} become NaN; every such cell, every
 * compass and calm conversion and every 時 = 24 is in the account; `account.notes` states the
 * hour convention applied. Default encoding Shift_JIS.
 *
 * @throws {AozoraInputError} naming file, row and column: a header without 測定局コード/日付/時
 *   (also when the file is not in the encoding given: "pass encoding"), a date that is not a
 *   calendar date, an hour outside 1–24 (`hourLabel` "end") or 0–23 ("start"), a cell that is
 *   neither a number nor a known code, an unknown compass name, a header without a unit, a
 *   duplicated station × hour; for bytes invalid in the encoding and UTF-16 without a BOM.
 * @throws {RangeError} for a `hourLabel` other than "start"/"end" or a `calmDirection` outside [0, 360).
 */
export function readSoramame(src: Source, opts: SoramameReadOptions = {}): SoramameRead {
  const label = opts.hourLabel ?? "end";
  if (label !== "start" && label !== "end")
    throw new RangeError(`readSoramame: hourLabel must be "start" or "end", got ${JSON.stringify(label)}`);
  const grid = readGrid(src, { ...opts, encoding: opts.encoding ?? "shift_jis" });
  const header = grid.header.map(clean);
  if (!isSoramameHeader(header))
    throw new AozoraInputError({
      file: grid.file,
      row: grid.headerRow,
      expected: `a soramame header with ${STATION}, ${DATE} and ${HOUR} (a file in another encoding than ${
        opts.encoding ?? "shift_jis"
      } reads as garbled text: pass encoding)`,
      found: grid.header.join(","),
    });
  const sj = header.indexOf(STATION),
    dj = header.indexOf(DATE),
    hj = header.indexOf(HOUR),
    nj = header.indexOf(STATION_NAME);
  const hour24: { row: number; text: string }[] = [];
  const times = grid.records.map((r) => localHourStart(grid, r, dj, hj, label, hour24));
  checkCells(grid, header, [sj, dj, hj, nj], opts.compassCodes === true);
  // a grid with one ISO time column in place of 日付 + 時, station columns renamed
  const keep = header.map((_, j) => j).filter((j) => j !== dj && j !== hj);
  const newHeader = ["time", ...keep.map((j) => (j === sj ? "station" : j === nj ? "station name" : grid.header[j]))];
  const g2: Grid = {
    ...grid,
    header: newHeader,
    records: grid.records.map((r, i) => ({ row: r.row, fields: [times[i], ...keep.map((j) => r.fields[j])] })),
  };
  const mopts: MonitoringReadOptions = {
    utcOffset: "+09:00",
    time: { column: "time", format: "iso" },
    station: "station",
    textColumns: nj >= 0 ? ["station name"] : [],
    missingCodes: [...DEFAULT_MISSING_CODES, ...Object.keys(SORAMAME_CODES)],
    units: opts.units,
    compass: { numeric: opts.compassCodes, calmDirection: opts.calmDirection },
  };
  const { table, account } = gridToTable(g2, mopts);
  for (const c of account.cellChanges)
    if (c.reason === "missing-code") {
      const meaning = SORAMAME_CODES[c.original.trim()];
      if (meaning !== undefined) c.detail = `soramame code: ${meaning}`;
    }
  for (const h of hour24)
    account.cellChanges.push({
      row: h.row,
      column: "time",
      original: h.text,
      value: NaN,
      reason: "hour-24",
      detail:
        label === "end"
          ? "時 24 = the hour ending at 24:00 (midnight ending the day): its start, 23:00 the same day, is the time"
          : "時 24 is not an hour start",
    });
  const notes = [
    label === "end"
      ? "hour label: 時 = h marks the END of its hour (national convention, NIES 環境展望台 測定値について); time = start of the hour, h − 1 local (JST +09:00)"
      : 'hour label: 時 = h marks the START of its hour (option hourLabel "start"); time = h local (JST +09:00)',
  ];
  return { table, account: { ...account, notes } };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Every item cell must be a number or a soramame code, and every wind-direction cell a 16-point
 * name, calm or a code (the generic reader would otherwise keep an all-text column as text).
 */
function checkCells(grid: Grid, header: string[], skip: number[], numericCodes: boolean): void {
  const codes = new Set([...DEFAULT_MISSING_CODES, ...Object.keys(SORAMAME_CODES)].map((c) => c.toUpperCase()));
  header.forEach((h, j) => {
    if (skip.includes(j)) return;
    const wind = WIND_DIRECTION_HEADER.test(splitHeaderUnit(h).name);
    for (const r of grid.records) {
      const t = r.fields[j].trim();
      if (codes.has(t.toUpperCase())) continue;
      if (wind ? parseCompass(t, { numeric: numericCodes }).kind !== "none" : NUMBER.test(t)) continue;
      throw new AozoraInputError({
        file: grid.file,
        row: r.row,
        column: grid.header[j].trim(),
        columnNumber: j + 1,
        expected: wind
          ? `a 16-point compass direction (N, NNE, … NNW; 北, 北北東, …), calm (CALM, 静穏)${numericCodes ? ", a 16-point code 0–16" : ""} or a soramame code (${Object.keys(
              SORAMAME_CODES,
            )
              .filter((c) => c !== "")
              .join(" ")}, blank)`
          : `a number or a soramame code (${Object.keys(SORAMAME_CODES)
              .filter((c) => c !== "")
              .join(" ")}, blank)`,
        found: r.fields[j],
      });
    }
  });
}

/** The local ISO start of a row's hour (`YYYY-MM-DDTHH:00:00+09:00`); errors name the row and column. */
function localHourStart(
  grid: Grid,
  rec: Grid["records"][number],
  dj: number,
  hj: number,
  label: "start" | "end",
  hour24: { row: number; text: string }[],
): string {
  const dt = rec.fields[dj].trim();
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(dt) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(dt);
  const y = m ? Number(m[1]) : NaN,
    mo = m ? Number(m[2]) : NaN,
    d = m ? Number(m[3]) : NaN;
  const day = Date.UTC(y, mo - 1, d);
  const check = new Date(day);
  if (!m || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    throw new AozoraInputError({
      file: grid.file,
      row: rec.row,
      column: grid.header[dj].trim(),
      columnNumber: dj + 1,
      expected: "a calendar date YYYY/MM/DD (local, JST)",
      found: rec.fields[dj],
    });
  const ht = rec.fields[hj].trim().replace(/時$/, "");
  const h = /^\d{1,2}$/.test(ht) ? Number(ht) : NaN;
  const [lo, hi] = label === "end" ? [1, 24] : [0, 23];
  if (!(h >= lo && h <= hi))
    throw new AozoraInputError({
      file: grid.file,
      row: rec.row,
      column: grid.header[hj].trim(),
      columnNumber: hj + 1,
      expected: `an hour label ${lo}–${hi} (hourLabel "${label}"${label === "end" ? ": 時 = h is the hour ending at h:00" : ""})`,
      found: rec.fields[hj],
    });
  if (h === 24) hour24.push({ row: rec.row, text: rec.fields[hj] });
  const start = new Date(day + (label === "end" ? h - 1 : h) * 3_600_000);
  const p = (x: number) => String(x).padStart(2, "0");
  return `${start.getUTCFullYear()}-${p(start.getUTCMonth() + 1)}-${p(start.getUTCDate())}T${p(start.getUTCHours())}:00:00+09:00`;
}
