import { createWriteStream } from "node:fs";
import { neutraliseFormula, quoteCsvField } from "../io/write";
import { readCnemcStations } from "../network/read-cnemc";
import { summariseNetwork, NETWORK_POLLUTANTS, type StationYearSummary } from "../network/summarise";
import { NETWORK_SUMMARY_RULES } from "../network/tables/summary";
import { encodingOption, seedOption } from "./common";
import { checkPath } from "./fs";
import { ingestOptions } from "./network-ingest";
import { CliUsageError, type OptionSpecs, type OptionValues } from "./options";
import type { NetworkSubcommand } from "./network";
import type { TextEncodingName } from "../io/decode";

/** The options of `aozora network summarise` (`threads` and `memory-limit` shared with ingest). */
export const summariseOptions: OptionSpecs = {
  out: {
    type: "string",
    value: "PATH",
    help: "ingest: the dataset folder to write; summarise: a CSV file of the station-years (one row each)",
  },
  stations: {
    type: "string",
    value: "LIST.csv",
    fs: "input-file",
    help: "summarise: the station list (监测点编码,监测点名称,城市,经度,纬度); rows of other stations are counted and set aside",
  },
  encoding: encodingOption,
  years: {
    type: "string",
    value: "Y[,Y...]",
    help: "summarise: only these local years (default: every year=YYYY partition)",
    validate: (t) => (/^\d{4}(,\d{4})*$/.test(t) ? undefined : "years such as 2024 or 2023,2024"),
  },
  grade: { type: "number", integer: true, min: 1, max: 2, default: 2, help: "summarise: GB 3095-2026 grade" },
  trend: {
    type: "string",
    choices: ["annual", "monthly", "none"],
    default: "annual",
    help: "summarise: Theil–Sen trend of annual means (HJ 663 valid years) or deseasonalised monthly means, or none",
  },
  "n-boot": {
    type: "number",
    integer: true,
    min: 10,
    max: 100000,
    default: 200,
    help: "summarise: bootstrap resamples of the trend interval",
  },
  seed: seedOption,
  threads: ingestOptions.threads,
  "memory-limit": ingestOptions["memory-limit"],
};

const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : "");

/** CSV header and row of one station-year (units in the headers). */
function csvColumns(): string[] {
  const h = ["station", "city", "year", "hours in year", "rows"];
  for (const p of NETWORK_POLLUTANTS) {
    const u = p === "CO" ? "mg/m3" : "µg/m3";
    h.push(`${p} hours`, `${p} completeness`, `${p} hourly mean (${u})`, `${p} annual mean (${u})`);
    h.push(`${p} annual valid`, `${p} valid days`);
    for (const pc of NETWORK_SUMMARY_RULES.percentiles) h.push(`${p} daily p${pc} (${u})`);
  }
  for (const v of ["2026", "2012"]) {
    for (let l = 1; l <= 6; l++) h.push(`AQI HJ 633-${v} level ${l} days`);
    h.push(`AQI HJ 633-${v} days without AQI`);
  }
  h.push("O3 MDA8 valid days", "O3 MDA8 p90 (µg/m3)");
  return h;
}

function csvRow(r: StationYearSummary, exceedKeys: string[]): string[] {
  const c: string[] = [r.station, r.city ?? "", String(r.year), String(r.hoursInYear), String(r.rows)];
  for (const p of NETWORK_POLLUTANTS) {
    const s = r.pollutants[p];
    if (!s) {
      c.push(...new Array(6 + NETWORK_SUMMARY_RULES.percentiles.length).fill(""));
      continue;
    }
    c.push(String(s.hours), fmt(s.completeness), fmt(s.hourlyMean), fmt(s.annualMean));
    c.push(s.annualValid ? "yes" : "no", String(s.validDays));
    for (const pc of NETWORK_SUMMARY_RULES.percentiles) c.push(fmt(s.daily[`p${pc}`]));
  }
  for (const v of ["cn-2026", "cn-2012"] as const) {
    c.push(...r.aqi[v].categories.map(String), String(r.aqi[v].noAqi));
  }
  c.push(r.mda8 ? String(r.mda8.validDays) : "", r.mda8 ? fmt(r.mda8.p90) : "");
  const byKey = new Map(
    [...r.exceedances.gb3095, ...r.exceedances.who].map((e) => [exceedKey(e), e.exceedanceDays ?? e.exceedances]),
  );
  for (const k of exceedKeys) c.push(byKey.has(k) ? String(byKey.get(k)) : "");
  return c;
}

const exceedKey = (e: { standard: string; pollutant: string; averaging: string }) =>
  `${e.standard.startsWith("GB") ? "GB 3095-2026" : "WHO 2021"} ${e.pollutant} ${e.averaging} exceedance days`;

/** The exceedance columns: days above each 1-h, 24-h and MDA8 limit of GB 3095-2026 and each 24-h / MDA8 level of WHO 2021. */
function exceedColumns(): string[] {
  const gb = ["SO2 1h", "SO2 24h", "NO2 1h", "NO2 24h", "CO 1h", "CO 24h", "O3 1h", "O3 MDA8", "PM10 24h", "PM2.5 24h"];
  const who = ["PM2.5 24h", "PM10 24h", "O3 MDA8", "NO2 24h", "SO2 24h", "CO 24h"];
  return [...gb.map((k) => `GB 3095-2026 ${k} exceedance days`), ...who.map((k) => `WHO 2021 ${k} exceedance days`)];
}

/**
 * `aozora network summarise DATASET [--stations LIST.csv] [--years Y,…] [--grade 1|2]
 * [--trend annual|monthly|none] [--out SUMMARY.csv] [--json]`: per station and year of a Parquet
 * dataset written by `aozora network ingest` (`summariseNetwork`).
 */
export const summariseSubcommand: NetworkSubcommand = {
  name: "summarise",
  summary:
    "per station and year: completeness, means and percentiles, daily AQI (HJ 633-2026/2012), MDA8 P90, exceedance days (GB 3095-2026, WHO 2021), Theil–Sen trends",
  usage:
    "summarise DATASET [--stations LIST.csv] [--years Y,...] [--grade 1|2] [--trend annual|monthly|none] [--out SUMMARY.csv] [--json]",
  options: summariseOptions,
  positionals: { label: "DATASET", min: 1, max: 1, fs: "input-dir" },
  async run(values: OptionValues, out: (s: string) => void, _err: (s: string) => void, args: string[]) {
    const dataset = args[0];
    checkPath(dataset, "input-dir");
    const csvPath = typeof values.out === "string" ? values.out : undefined;
    if (csvPath !== undefined) {
      if (!/\.csv$/i.test(csvPath))
        throw new CliUsageError("--out", "a file name ending in .csv (summarise writes a CSV table)", csvPath);
      checkPath(csvPath, "output-file");
    }
    const stations =
      typeof values.stations === "string"
        ? readCnemcStations(values.stations, {
            ...(typeof values.encoding === "string" ? { encoding: values.encoding as TextEncodingName } : {}),
          })
        : undefined;
    const years = typeof values.years === "string" ? values.years.split(",").map(Number) : undefined;
    const trend = String(values.trend);
    const exceedKeys = exceedColumns();
    const csv = csvPath ? createWriteStream(csvPath) : undefined;
    const line = (cells: string[]) =>
      cells.map((x, k) => quoteCsvField(k < 2 ? neutraliseFormula(x) : x)).join(",") + "\r\n";
    csv?.write(line([...csvColumns(), ...exceedKeys]));
    const text: string[] = [];
    let n = 0;
    const s = await summariseNetwork(dataset, {
      ...(stations ? { stations } : {}),
      ...(years ? { years } : {}),
      grade: Number(values.grade) as 1 | 2,
      trend:
        trend === "none"
          ? false
          : { basis: trend as "annual" | "monthly", nBoot: Number(values["n-boot"]), seed: Number(values.seed) },
      keepRows: Boolean(values.json),
      duckdb: { threads: String(values.threads), memory_limit: String(values["memory-limit"]) },
      onRow: (r) => {
        n++;
        csv?.write(line(csvRow(r, exceedKeys)));
        if (!values.json && !csv) {
          const pm = r.pollutants["PM2.5"];
          const a = r.aqi["cn-2026"];
          text.push(
            [
              r.station,
              r.city ?? "-",
              r.year,
              pm ? fmt(pm.completeness) : "-",
              pm ? fmt(pm.annualMean) : "-",
              a.categories.slice(2).reduce((x, y) => x + y, 0),
              a.days,
              r.mda8 ? fmt(r.mda8.p90) : "-",
            ].join("\t"),
          );
        }
      },
    });
    if (csv) await new Promise<void>((res, rej) => csv.end((e?: Error | null) => (e ? rej(e) : res())));
    if (values.json) {
      out(JSON.stringify({ verb: "network summarise", dataset, ...s }));
      return 0;
    }
    out(`network summarise: ${dataset}: ${n} station-years, ${s.account.rows} rows read`);
    if (!csv) {
      out(
        [
          "station",
          "city",
          "year",
          "PM2.5 completeness",
          "PM2.5 annual mean (µg/m3)",
          "AQI>100 days",
          "AQI days",
          "MDA8 p90",
        ].join("\t"),
      );
      for (const t of text) out(t);
    } else out(`  table: ${csvPath}`);
    const unknown = Object.entries(s.account.unknownStations);
    if (unknown.length)
      out(`  rows of stations not in the list (set aside): ${unknown.map(([c, k]) => `${c} ${k}`).join(", ")}`);
    for (const [what, m] of [
      ["negative cells set missing", s.account.negatives],
      ["NaN/infinite cells set missing", s.account.nonFinite],
    ] as const) {
      const e = Object.entries(m);
      if (e.length) out(`  ${what}: ${e.map(([c, k]) => `${c} ${k}`).join(", ")}`);
    }
    for (const t of s.trends.filter((x) => Number.isFinite(x.slope)))
      out(
        `  trend ${t.station} ${t.pollutant}: ${fmt(t.slope)} ${t.unit}/yr [${fmt(t.lo)}, ${fmt(t.hi)}] (${t.basis}, n = ${t.n})`,
      );
    return 0;
  },
};
