import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { ReadAccount } from "../io/account";
import { plainAsciiNumber } from "../io/cells";
import type { TextEncodingName } from "../io/decode";
import { AozoraInputError } from "../io/errors";
import { gridAccount, readGrid } from "../io/grid";
import type { Source } from "../io/source";
import { AqTable, type ColumnData } from "../table/table";
import { CNEMC_STATION_HEADER, CNEMC_TYPES, CNEMC_UNITS, cnemcColumnName, type CnemcType } from "./cnemc-types";

/** Which end of the averaging hour the archive's `hour` column marks. */
export type HourLabel = "start" | "end";

/** Options of {@link readCnemcDaily}. */
export interface CnemcDailyOptions {
  /** Text encoding (default utf-8; `gb18030` for city files saved from Chinese Excel). */
  encoding?: TextEncodingName;
  /**
   * Which end of the hour `hour` marks. Default `end`: CNEMC publishes hour-ending averages (the
   * value at 14:00 is the mean of 13:00–14:00), so hour h of day D is the interval [h−1, h) local;
   * hour 0 is 23:00–24:00 of the previous day. Source: CNEMC's release notes of the national
   * real-time platform (中国环境监测总站 全国城市空气质量实时发布平台, 数据发布说明,
   * https://air.cnemc.cn:18007), as quoted in the README of the public collector HeQinWill/CNEMC
   * (https://github.com/HeQinWill/CNEMC): "监测点位1小时浓度平均值指该点位1小时内所测项目浓度的
   * 算术平均值或测量值，如16时的小时均值为15:00-16:00的算术平均值或测量值" and "8小时滑动平均值是指
   * 当前小时前8小时内所测项目小时浓度的算术平均值". The daily archive files redistribute the
   * platform's hourly values; the archive's own README (https://quotsoft.net/air/) was NOT found,
   * so that the files keep the platform's hour labels is an inference, not a quoted statement.
   * The table's time column always marks the START of the averaging hour.
   */
  hourLabel?: HourLabel;
}

/** The account of {@link readCnemcDaily}: the generic account per file plus the CNEMC facts. */
export interface CnemcAccount {
  files: ReadAccount[];
  kind: "sites" | "cities";
  /** Station codes (or city names) in the order of the first file. */
  stations: string[];
  /** Empty cells per table column. */
  missingCells: Record<string, number>;
  /** The hour convention applied. */
  hourLabel: HourLabel;
  /** How `hour` became the time column. */
  hourConversion: string;
}

/**
 * `sites` for a `china_sites_*.csv` header, `cities` for a `china_cities_*.csv` header (first
 * three columns `date,hour,type`, then station codes like `1001A` or city names), else undefined.
 */
export function isCnemcHeader(header: readonly string[]): "sites" | "cities" | undefined {
  if (header.length < 4) return undefined;
  if (header[0].trim() !== "date" || header[1].trim() !== "hour" || header[2].trim() !== "type") return undefined;
  const rest = header.slice(3).filter((h) => h.trim() !== "");
  return rest.every((h) => /^\d{4}A$/.test(h.trim())) ? "sites" : "cities";
}

function listFiles(src: string | string[] | { folder: string }): string[] {
  if (typeof src === "string") return [src];
  if (Array.isArray(src)) return src;
  const names = readdirSync(src.folder).filter((f) => /^china_(sites|cities)_\d{8}\.csv$/.test(f));
  return names
    .sort((a, b) => a.slice(-12).localeCompare(b.slice(-12)) || a.localeCompare(b))
    .map((f) => join(src.folder, f));
}

const TYPE_INDEX = new Map<string, number>(CNEMC_TYPES.map((t, i) => [t, i]));

/**
 * Read CNEMC daily archive files (`china_sites_YYYYMMDD.csv` or `china_cities_YYYYMMDD.csv`,
 * header `date,hour,type,<stations>`, one row per hour × type) into a long table: `time`
 * (UTC instants, start of the averaging hour, offset +08:00), `station` (code or city) and one
 * numeric column per type with its unit (µg/m3; CO mg/m3; AQI `1`); the archive's running values
 * are kept as published in columns named `PM2.5_24h (published)` etc.
 *
 * A folder `{ folder }` reads every `china_sites_*.csv` and `china_cities_*.csv` there, sorted by
 * date; all files read together must be of one kind (sites or cities).
 *
 * @throws {AozoraInputError} for an unknown `type`, a non-numeric cell, a date that disagrees with
 *   the file name, a row of the wrong length, a duplicated (date, hour, type), an hour outside 0–23,
 *   a header that is not `date,hour,type,…`, files of both kinds, or bytes not valid in the encoding
 * @throws {RangeError} for an unknown hourLabel
 */
export function readCnemcDaily(
  src: string | string[] | { folder: string },
  opts: CnemcDailyOptions = {},
): { table: AqTable; account: CnemcAccount } {
  const hourLabel = opts.hourLabel ?? "end";
  if (hourLabel !== "start" && hourLabel !== "end")
    throw new RangeError(`readCnemcDaily: hourLabel must be "start" or "end", got "${String(hourLabel)}"`);
  const files = listFiles(src);
  const shift = hourLabel === "end" ? -3600000 : 0;
  const times: number[] = [];
  const stationCol: string[] = [];
  const cols: number[][] = CNEMC_TYPES.map(() => []);
  const missing: Record<string, number> = {};
  const accounts: ReadAccount[] = [];
  let kind: "sites" | "cities" | undefined;
  let firstStations: string[] = [];
  const datesRead = new Map<string, string>();
  for (const f of files) {
    // one CSV grid reader for every format (quoting, field counts, blank rows, size limits)
    const grid = readGrid(f, { delimiter: ",", ...(opts.encoding ? { encoding: opts.encoding } : {}) });
    const name = grid.file;
    const header = grid.header;
    const k = isCnemcHeader(header);
    if (!k)
      throw new AozoraInputError({
        file: name,
        row: grid.headerRow,
        expected: "a CNEMC header date,hour,type,<stations>",
        found: header.join(","),
      });
    if (kind && kind !== k)
      throw new AozoraInputError({
        file: name,
        row: grid.headerRow,
        expected: `a china_${kind} file like the others read with it`,
        found: k,
      });
    kind = k;
    const stations = header.slice(3).map((s) => s.trim());
    if (firstStations.length === 0) firstStations = stations;
    const nameDate = /(\d{8})\.csv$/i.exec(basename(name))?.[1];
    const acc = gridAccount(grid);
    // grid: hour → type → values
    const seen = new Set<string>();
    const hours = new Map<number, (string[] | undefined)[]>();
    let date = "";
    for (const { row, fields: cells } of grid.records) {
      const d = cells[0].trim();
      if (!/^\d{8}$/.test(d) || (nameDate !== undefined && d !== nameDate) || (date !== "" && d !== date))
        throw new AozoraInputError({
          file: name,
          row,
          column: "date",
          columnNumber: 1,
          expected: `the date of the file name (${nameDate ?? (date || "YYYYMMDD")})`,
          found: d,
        });
      date = d;
      const hour = Number(cells[1]);
      if (!Number.isInteger(hour) || hour < 0 || hour > 23 || cells[1].trim() === "")
        throw new AozoraInputError({
          file: name,
          row,
          column: "hour",
          columnNumber: 2,
          expected: "an hour 0–23",
          found: cells[1],
        });
      const ti = TYPE_INDEX.get(cells[2].trim());
      if (ti === undefined)
        throw new AozoraInputError({
          file: name,
          row,
          column: "type",
          columnNumber: 3,
          expected: `a type of ${CNEMC_TYPES.join(", ")}`,
          found: cells[2],
        });
      const key = `${hour}|${ti}`;
      if (seen.has(key))
        throw new AozoraInputError({
          file: name,
          row,
          column: "type",
          columnNumber: 3,
          expected: `one row per (date, hour, type); (${d}, ${hour}, ${cells[2]}) repeats`,
          found: cells[2],
        });
      seen.add(key);
      for (let c = 3; c < cells.length; c++) {
        const t = cells[c].trim();
        if (t !== "" && plainAsciiNumber(t) === undefined)
          throw new AozoraInputError({
            file: name,
            row,
            column: header[c],
            columnNumber: c + 1,
            expected: "a number or an empty cell",
            found: cells[c],
          });
      }
      let g = hours.get(hour);
      if (!g) hours.set(hour, (g = new Array(CNEMC_TYPES.length)));
      g[ti] = cells;
    }
    if (date !== "") {
      const earlier = datesRead.get(date);
      if (earlier !== undefined)
        throw new AozoraInputError({
          file: name,
          row: grid.records[0].row,
          column: "date",
          columnNumber: 1,
          expected: `a date not already read (${date} is also in ${earlier})`,
          found: date,
        });
      datesRead.set(date, name);
    }
    const y = +date.slice(0, 4),
      mo = +date.slice(4, 6),
      dd = +date.slice(6, 8);
    const day0 = Date.UTC(y, mo - 1, dd) - 8 * 3600000;
    let kept = 0;
    for (const hour of [...hours.keys()].sort((a, b) => a - b)) {
      const g = hours.get(hour)!;
      for (let s = 0; s < stations.length; s++) {
        times.push(day0 + hour * 3600000 + shift);
        stationCol.push(stations[s]);
        for (let ti = 0; ti < CNEMC_TYPES.length; ti++) {
          const cell = g[ti]?.[s + 3]?.trim() ?? "";
          if (cell === "") {
            const cn = cnemcColumnName(CNEMC_TYPES[ti]);
            missing[cn] = (missing[cn] ?? 0) + 1;
            cols[ti].push(NaN);
          } else cols[ti].push(plainAsciiNumber(cell)!);
        }
      }
      kept += g.filter((x) => x !== undefined).length;
    }
    // every input row became part of the long table (wide rows are pivoted, none set aside)
    accounts.push(acc.finish(kept));
  }
  const columns: Record<string, ColumnData> = { time: Float64Array.from(times), station: stationCol };
  const info: Record<string, { unit?: string; original?: string; kind?: "time" | "string" | "number" }> = {
    time: { kind: "time", original: "date,hour" },
    station: { kind: "string", original: kind === "cities" ? "city" : "station code" },
  };
  CNEMC_TYPES.forEach((t: CnemcType, i) => {
    const n = cnemcColumnName(t);
    columns[n] = Float64Array.from(cols[i]);
    info[n] = { unit: CNEMC_UNITS[t], original: t };
  });
  const table = AqTable.create(columns, info, { column: "time", utcOffsetMinutes: 480 });
  return {
    table,
    account: {
      files: accounts,
      kind: kind ?? "sites",
      stations: firstStations,
      missingCells: missing,
      hourLabel,
      hourConversion:
        hourLabel === "end"
          ? "hour h of local day D (+08:00) marks the END of its hour: time = D h:00 − 1 h (start of the averaging hour)"
          : "hour h of local day D (+08:00) marks the START of its hour: time = D h:00",
    },
  };
}

/** One station of the CNEMC station list. */
export interface CnemcStation {
  code: string;
  name: string;
  city: string;
  /** °E */
  longitude: number;
  /** °N */
  latitude: number;
}

/**
 * Read the CNEMC station list (header 监测点编码,监测点名称,城市,经度,纬度[,对照点], as in the list
 * files circulated with the archive; the primary publication of this layout was not found).
 * @throws {AozoraInputError} for a header without these columns, a row of the wrong length, or a
 *   longitude outside [-180, 180] / latitude outside [-90, 90] or not a number (naming row and column)
 */
export function readCnemcStations(src: Source, opts: { encoding?: TextEncodingName } = {}): CnemcStation[] {
  const grid = readGrid(src, { delimiter: ",", ...(opts.encoding ? { encoding: opts.encoding } : {}) });
  const name = grid.file;
  const header = grid.header.map((h) => h.trim());
  const idx = CNEMC_STATION_HEADER.slice(0, 5).map((h) => header.indexOf(h));
  const miss = idx.findIndex((i) => i < 0);
  if (miss >= 0)
    throw new AozoraInputError({
      file: name,
      row: grid.headerRow,
      expected: `a column "${CNEMC_STATION_HEADER[miss]}"`,
      found: grid.header.join(","),
    });
  const out: CnemcStation[] = [];
  for (const { row, fields: c } of grid.records) {
    const num = (k: number, lim: number) => {
      const t = c[idx[k]].trim();
      const v = Number(t);
      if (t === "" || !Number.isFinite(v) || Math.abs(v) > lim)
        throw new AozoraInputError({
          file: name,
          row,
          column: header[idx[k]],
          columnNumber: idx[k] + 1,
          expected: `a number in [-${lim}, ${lim}] degrees`,
          found: t,
        });
      return v;
    };
    out.push({
      code: c[idx[0]].trim(),
      name: c[idx[1]].trim(),
      city: c[idx[2]].trim(),
      longitude: num(3, 180),
      latitude: num(4, 90),
    });
  }
  return out;
}
