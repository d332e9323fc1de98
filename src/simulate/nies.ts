/**
 * Simulated NIES 大気環境時間値 files, in the layout {@link readNiesHourly} reads (Shift_JIS CSV,
 * header `測定年度,測定局コード,市町村コード,測定項目コード,測定単位コード,測定月,測定日,01h,…,24h`,
 * one row per station × item × day of the fixed 31-day month grid with the days a month lacks
 * filled with 9998, integer cells in the unit code's scale, codes 9997/9998/9999, space-padded
 * fields), for the round-trip tests. Seeded: the same options write the same bytes. The model
 * (diurnal cycles plus noise) is illustrative only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../random/rng";
import { encodeShiftJis } from "../io/encode";
import { NIES_HEADER, NIES_HOUR_COLUMNS } from "../network/tables/nies";

/** One simulated item: code, unit code, the scale factor of its integers, and a mean in file integers. */
interface SimItem {
  code: string;
  unitCode: string;
  factor: number;
  column: string;
  mean: (hour: number, r: Rng) => number;
}

const ITEMS: SimItem[] = [
  { code: "SO2", unitCode: "PPB", factor: 1, column: "SO2", mean: (h, r) => 2 + r.normal() },
  {
    code: "NO2",
    unitCode: "PPB",
    factor: 1,
    column: "NO2",
    mean: (h, r) => 15 + 8 * Math.sin((h / 24) * 2 * Math.PI) + 4 * r.normal(),
  },
  {
    code: "OX",
    unitCode: "PPB",
    factor: 1,
    column: "Ox",
    mean: (h, r) => 30 + 20 * Math.sin(((h - 8) / 24) * 2 * Math.PI) + 5 * r.normal(),
  },
  { code: "CO", unitCode: "0.1PPM", factor: 0.1, column: "CO", mean: (h, r) => 3 + r.normal() },
  { code: "PM25", unitCode: "UG/M3", factor: 1, column: "PM2.5", mean: (h, r) => 12 + 6 * r.normal() },
  { code: "WS", unitCode: "0.1M/S", factor: 0.1, column: "WS", mean: (h, r) => 25 + 10 * r.normal() },
  { code: "TEMP", unitCode: "0.1'C", factor: 0.1, column: "TEMP", mean: (h, r) => 150 + 40 * r.normal() },
  { code: "WD", unitCode: "16DIRC", factor: 1, column: "WD code", mean: (h, r) => r.int(17) },
];

/** Options of {@link writeNiesFiles}. */
export interface NiesSimOptions {
  /** Seed (required: same seed, same bytes). */
  seed: number;
  /** 測定年度 (April to March; default 2023, whose February has 29 days). */
  fiscalYear?: number;
  /** 都道府県コード of the file name (default "14", Kanagawa). */
  prefecture?: string;
  /** Stations: 測定局コード and 市町村コード (default two Kawasaki stations). */
  stations?: { code: string; municipality: string; pm25Code?: "PM25" | "PMFL" | "PMBH" }[];
  /** Months written, in the file's order (default all: 4 … 12, 1 … 3). */
  months?: number[];
  /** Fraction of hourly cells written as 9999, 9998 or 9997 (default 0.03). */
  codeFraction?: number;
}

/** What one station's rows encode. */
export interface NiesStationTruth {
  code: string;
  municipality: string;
  /** UTC instants (ms) of the START of each hour of the real days written, in time order. */
  times: number[];
  /** Column name (as readNiesHourly names it) → values in the column's unit (NaN for a code cell). */
  values: Record<string, number[]>;
}

/** What {@link writeNiesFiles} returns. */
export interface NiesTruth {
  file: string;
  seed: number;
  fiscalYear: number;
  stations: NiesStationTruth[];
  /** Data rows written (real days and the 9998-filled days). */
  rows: number;
  /** Rows of days the months do not have (all 9998). */
  paddingRows: number;
  /** Code cells written on real days: 1-based file row, hour column, code. */
  codes: { row: number; column: string; code: string }[];
}

/**
 * Write one NIES-layout hourly file `j{prefecture}_{fiscalYear}.csv` (the CSV the download's zip
 * holds) into `dir` and return the truth.
 *
 * @param dir output folder (created if absent)
 * @param opts seed, fiscal year, stations, months, code fraction
 * @throws {RangeError} for a fiscal year outside 1900–2998, a month outside 1–12, or a code fraction outside [0, 1)
 */
export function writeNiesFiles(dir: string, opts: NiesSimOptions): NiesTruth {
  const fy = opts.fiscalYear ?? 2023;
  if (!Number.isInteger(fy) || fy < 1900 || fy > 2998)
    throw new RangeError(`writeNiesFiles: fiscalYear must be an integer 1900–2998, got ${fy}`);
  const months = opts.months ?? [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
  for (const m of months)
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`writeNiesFiles: months must be 1–12, got ${m}`);
  const frac = opts.codeFraction ?? 0.03;
  if (!(frac >= 0 && frac < 1)) throw new RangeError(`writeNiesFiles: codeFraction must be in [0, 1), got ${frac}`);
  const stations = opts.stations ?? [
    { code: "14130010", municipality: "14131", pm25Code: "PM25" as const },
    { code: "14130020", municipality: "14132", pm25Code: "PMFL" as const },
  ];
  const rng = new Rng(opts.seed);
  const header = [...Object.values(NIES_HEADER), ...NIES_HOUR_COLUMNS].join(",");
  const lines = [header];
  const truth: NiesStationTruth[] = [];
  const codes: NiesTruth["codes"] = [];
  let paddingRows = 0;
  const CODES = ["9999", "9998", "9997"];
  // real days of the months written, in time order (the table's order)
  const realDays: number[] = [];
  for (const m of months) {
    const y = m >= 4 ? fy : fy + 1;
    for (let d = 1; d <= 31; d++) {
      const t = Date.UTC(y, m - 1, d);
      if (new Date(t).getUTCMonth() === m - 1) realDays.push(t);
    }
  }
  realDays.sort((a, b) => a - b);
  const dayIndex = new Map(realDays.map((t, i) => [t, i]));
  for (const s of stations) {
    const values: Record<string, number[]> = {};
    for (const it of ITEMS) values[it.column] = new Array(realDays.length * 24).fill(NaN);
    for (const it of ITEMS) {
      const itemCode = it.code === "PM25" ? (s.pm25Code ?? "PM25") : it.code;
      for (const m of months) {
        const y = m >= 4 ? fy : fy + 1;
        for (let d = 1; d <= 31; d++) {
          const t = Date.UTC(y, m - 1, d);
          const real = new Date(t).getUTCMonth() === m - 1;
          const row = lines.length + 1; // 1-based file row of this line (header is row 1)
          const cells: string[] = [];
          for (let h = 0; h < 24; h++) {
            if (!real) {
              cells.push("9998");
              continue;
            }
            if (rng.uniform() < frac) {
              const c = CODES[rng.int(3)];
              cells.push(c);
              codes.push({ row, column: NIES_HOUR_COLUMNS[h], code: c });
              continue;
            }
            const raw =
              it.code === "WD" ? it.mean(h, rng) : Math.max(it.code === "PM25" ? -2 : 0, Math.round(it.mean(h, rng)));
            const v = raw === 0 ? 0 : raw; // no −0: the file holds "0"
            cells.push(String(v));
            values[it.column][dayIndex.get(t)! * 24 + h] = it.factor === 1 ? v : Math.round(v * it.factor * 1e9) / 1e9;
          }
          if (!real) paddingRows++;
          lines.push(
            [
              String(fy),
              s.code,
              s.municipality,
              itemCode.padEnd(4),
              it.unitCode.padEnd(6),
              String(m).padStart(2),
              String(d).padStart(2),
              ...cells.map((c) => c.padStart(4)),
            ].join(","),
          );
        }
      }
    }
    const times = [];
    for (const t of realDays) for (let h = 0; h < 24; h++) times.push(t + h * 3_600_000 - 9 * 3_600_000);
    truth.push({ code: s.code, municipality: s.municipality, times, values });
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `j${opts.prefecture ?? "14"}_${fy}.csv`);
  writeFileSync(file, encodeShiftJis(lines.join("\r\n") + "\r\n"));
  return { file, seed: opts.seed, fiscalYear: fy, stations: truth, rows: lines.length - 1, paddingRows, codes };
}
