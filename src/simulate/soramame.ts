/**
 * Simulated 環境省 そらまめ君 download files, in the layout {@link readSoramame} reads (Shift_JIS,
 * `測定局コード,測定局名,日付,時,SO2(ppm),NO2(ppm),SPM(mg/m3),PM2.5(μg/m3),WD(16方位),WS(m/s),TEMP(℃),HUM(％)`,
 * 時 = 1–24 hour-ending, JST dates), with adjusting/missing codes, calm hours and 16-point wind,
 * for simulated Japanese stations (default two Kawasaki stations). Returns the truth the files
 * encode. Seeded: the same seed writes the same bytes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../random/rng";
import { encodeShiftJis } from "../io/encode";
import { COMPASS_POINTS_EN, COMPASS_POINTS_JA } from "../table/compass";

/** Options of {@link writeSoramameFiles}. */
export interface SoramameSimOptions {
  /** Seed of the generator (required: same seed, same files). */
  seed: number;
  /** First local (JST) day, `YYYY-MM-DD` (default 2024-04-01). */
  start?: string;
  /** Number of days (default 7). */
  days?: number;
  /** Stations: 測定局コード and 測定局名 (default two Kawasaki stations). */
  stations?: { code: string; name: string }[];
  /** Fraction of value cells written as `調整中`, `欠測` or blank (default 0.03). */
  missingFraction?: number;
  /** Fraction of hours that are calm (静穏 / CALM, ws 0.0–0.4 m/s) (default 0.08). */
  calmFraction?: number;
  /** Write wind directions as Japanese names (北北東, 静穏; default) or English (NNE, CALM). */
  windNames?: "ja" | "en";
}

/** The values one simulated station's file encodes (NaN where a code was written). */
export interface SoramameStationTruth {
  code: string;
  name: string;
  file: string;
  /** UTC instants (ms) of the START of each hour, in file order. */
  times: number[];
  /** Item → values as written (rounded as in the file); NaN for a code cell. Units: SO2, NO2 ppm; SPM mg/m3; PM2.5 µg/m3; WS m/s; TEMP °C; HUM %. */
  values: Record<string, number[]>;
  /** Wind direction, degrees from north (NaN for calm and missing). */
  wd: number[];
  /** 1 for a calm hour, 0 otherwise, NaN when the direction cell is missing. */
  calm: number[];
  /** Code cells written: item, 1-based file row, code. */
  codes: { item: string; row: number; code: string }[];
}

/** What {@link writeSoramameFiles} returns. */
export interface SoramameTruth {
  files: string[];
  stations: SoramameStationTruth[];
  seed: number;
}

const ITEMS: { name: string; header: string; digits: number; mean: (h: number, r: Rng) => number }[] = [
  { name: "SO2", header: "SO2(ppm)", digits: 3, mean: (h, r) => Math.max(0, 0.002 + 0.001 * r.normal()) },
  {
    name: "NO2",
    header: "NO2(ppm)",
    digits: 3,
    mean: (h, r) => Math.max(0, 0.015 + 0.008 * Math.sin((h / 24) * 2 * Math.PI) + 0.004 * r.normal()),
  },
  { name: "SPM", header: "SPM(mg/m3)", digits: 3, mean: (h, r) => Math.max(0, 0.018 + 0.006 * r.normal()) },
  { name: "PM2.5", header: "PM2.5(μg/m3)", digits: 0, mean: (h, r) => Math.max(0, 12 + 5 * r.normal()) },
  { name: "WS", header: "WS(m/s)", digits: 1, mean: (h, r) => Math.max(0.5, 2.5 + 1.2 * r.normal()) },
  {
    name: "TEMP",
    header: "TEMP(℃)",
    digits: 1,
    mean: (h, r) => 15 + 4 * Math.sin(((h - 9) / 24) * 2 * Math.PI) + r.normal(),
  },
  { name: "HUM", header: "HUM(％)", digits: 0, mean: (h, r) => Math.min(100, Math.max(10, 60 + 10 * r.normal())) },
];
const CODES = ["調整中", "欠測", ""];

/**
 * Write one soramame-layout file per station into `dir` (`<code>.csv`, Shift_JIS) and return the
 * truth. Hours run 1–24 for each local day; a calm hour has WD 静穏 (or CALM) and WS 0.0–0.4.
 *
 * @param dir output folder (created if absent)
 * @param opts seed, first day, number of days, stations, code and calm fractions
 * @throws {RangeError} for a bad `start` date, `days` < 1, or fractions outside [0, 1)
 */
export function writeSoramameFiles(dir: string, opts: SoramameSimOptions): SoramameTruth {
  const start = opts.start ?? "2024-04-01";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) throw new RangeError(`writeSoramameFiles: start must be YYYY-MM-DD, got ${start}`);
  const days = opts.days ?? 7;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`writeSoramameFiles: days must be an integer ≥ 1, got ${days}`);
  const miss = opts.missingFraction ?? 0.03;
  const calmF = opts.calmFraction ?? 0.08;
  for (const [k, v] of [
    ["missingFraction", miss],
    ["calmFraction", calmF],
  ] as const)
    if (!(v >= 0 && v < 1)) throw new RangeError(`writeSoramameFiles: ${k} must be in [0, 1), got ${v}`);
  const stations = opts.stations ?? [
    { code: "14130010", name: "川崎市役所" },
    { code: "14131010", name: "大師" },
  ];
  const ja = (opts.windNames ?? "ja") === "ja";
  const rng = new Rng(opts.seed);
  mkdirSync(dir, { recursive: true });
  const day0 = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const header = [
    "測定局コード",
    "測定局名",
    "日付",
    "時",
    ...ITEMS.slice(0, 4).map((i) => i.header),
    "WD(16方位)",
    ...ITEMS.slice(4).map((i) => i.header),
  ];
  const out: SoramameTruth = { files: [], stations: [], seed: opts.seed };
  const p2 = (x: number) => String(x).padStart(2, "0");
  for (const st of stations) {
    const truth: SoramameStationTruth = {
      code: st.code,
      name: st.name,
      file: join(dir, `${st.code}.csv`),
      times: [],
      values: {},
      wd: [],
      calm: [],
      codes: [],
    };
    for (const it of ITEMS) truth.values[it.name] = [];
    const lines = [header.join(",")];
    let point = rng.int(16);
    for (let d = 0; d < days; d++) {
      const date = new Date(day0 + d * 86_400_000);
      const dateText = `${date.getUTCFullYear()}/${p2(date.getUTCMonth() + 1)}/${p2(date.getUTCDate())}`;
      for (let h = 1; h <= 24; h++) {
        const row = lines.length + 1;
        // start of the hour ending at h:00 JST
        truth.times.push(day0 + d * 86_400_000 + (h - 1) * 3_600_000 - 9 * 3_600_000);
        const calm = rng.uniform() < calmF;
        const cells: string[] = [st.code, st.name, dateText, String(h)];
        const item = (it: (typeof ITEMS)[number], v: number) => {
          if (rng.uniform() < miss) {
            const code = CODES[rng.int(CODES.length)];
            truth.codes.push({ item: it.name, row, code });
            truth.values[it.name].push(NaN);
            return code;
          }
          const text = v.toFixed(it.digits);
          truth.values[it.name].push(Number(text));
          return text;
        };
        for (const it of ITEMS.slice(0, 4)) cells.push(item(it, it.mean(h, rng)));
        // wind: a slowly turning 16-point direction
        point = (point + (rng.uniform() < 0.3 ? (rng.uniform() < 0.5 ? 1 : 15) : 0)) % 16;
        if (rng.uniform() < miss) {
          const code = CODES[rng.int(CODES.length)];
          truth.codes.push({ item: "WD", row, code });
          cells.push(code);
          truth.wd.push(NaN);
          truth.calm.push(NaN);
        } else if (calm) {
          cells.push(ja ? "静穏" : "CALM");
          truth.wd.push(NaN);
          truth.calm.push(1);
        } else {
          cells.push(ja ? COMPASS_POINTS_JA[point] : COMPASS_POINTS_EN[point]);
          truth.wd.push(point * 22.5);
          truth.calm.push(0);
        }
        for (const it of ITEMS.slice(4))
          cells.push(item(it, it.name === "WS" && calm ? rng.int(5) / 10 : it.mean(h, rng)));
        lines.push(cells.join(","));
      }
    }
    writeFileSync(truth.file, encodeShiftJis(lines.join("\r\n") + "\r\n"));
    out.files.push(truth.file);
    out.stations.push(truth);
  }
  return out;
}
