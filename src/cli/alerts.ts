import { summariseAccount } from "../io/account";
import { AozoraInputError } from "../io/errors";
import { dailyAqi } from "../models/aqi/daily";
import { hourlyPollutantsFromTable } from "../models/aqi/input";
import { cnAlerts } from "../models/alerts/cn";
import { jpOxAlerts, jpPm25Alerts, type StationHourly } from "../models/alerts/jp";
import { usAqiAlerts } from "../models/alerts/us";
import { nowcastAqi, type NowcastAqiRow } from "../models/aqi/nowcast";
import type { HourlyPollutants } from "../models/aqi/daily";
import { CN_ALERT_RULE_SETS } from "../models/alerts/tables/cn";
import type { IssuedAlert } from "../models/alerts/types";
import { localDate } from "../models/ozone/hourgrid";
import type { AqTable } from "../table/table";
import { CliUsageError, type OptionValues } from "./options";
import type { Verb } from "./verb";
import { inputOptions, readHead, readInput, type InputUse } from "./input";
import type { TextEncodingName } from "../io/decode";

const COUNTRY_OFFSET: Record<string, string> = { cn: "+08:00", jp: "+09:00" };
const CN_RULES = Object.keys(CN_ALERT_RULE_SETS);
const JP_RULES = ["all", "ox", "pm25"];
const US_RULES = ["nowcast"];
const RULES_OF: Record<string, readonly string[]> = { cn: CN_RULES, jp: JP_RULES, us: US_RULES };

/** What `alerts` reads: an hourly (or, for China, daily AQI) table of one site or, for Japan, of an area's stations. */
const ALERTS_INPUT: InputUse = {
  kinds: ["table", "cnemc"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps (default +08:00 for cn, +09:00 for jp)",
  offsetFallback: (v: OptionValues) => COUNTRY_OFFSET[String(v.country)],
  fileOption: "--file",
};

/**
 * Ox from a table column in ppm or ppb. Any other unit is an input error naming the column: Ox in
 * µg/m3 needs the reference state it refers to, which a file's header does not carry (the library's
 * `jpOxAlerts` converts µg/m3 when the caller states `referenceState`).
 */
function oxPpm(table: AqTable, file: string): { values: Float64Array; unit: "ppm" | "ppb" } {
  const unit = table.unit("Ox");
  if (unit !== "ppm" && unit !== "ppb")
    throw new AozoraInputError({
      file,
      column: "Ox",
      expected:
        'photochemical oxidant in "ppm" or "ppb" (µg/m3 needs a stated reference state: use the library\'s jpOxAlerts with referenceState)',
      found: unit,
    });
  return { values: table.numbers("Ox"), unit };
}

/** Rows of the table per station (a text column `station`), or the whole table as one station. */
function byStation(table: AqTable): { station: string; rows: number[] }[] {
  if (!table.names.includes("station") || table.info("station").kind !== "string")
    return [{ station: "the file", rows: Array.from({ length: table.numRows }, (_, i) => i) }];
  const codes = table.strings("station");
  const map = new Map<string, number[]>();
  codes.forEach((c, i) => {
    if (!map.has(c)) map.set(c, []);
    map.get(c)!.push(i);
  });
  return [...map].map(([station, rows]) => ({ station, rows }));
}

function pick(a: ArrayLike<number>, rows: number[]): Float64Array {
  return Float64Array.from(rows, (i) => a[i]);
}

/**
 * `aozora alerts --file FILE --country cn|jp|us [--rule …] [--json]`: the alerts each country's rules
 * issue from a file. **cn**: a table with an `AQI` column (dimensionless, header `AQI (1)` or
 * `--units AQI=1`; one row per local day — forecast or observed daily AQI) or hourly pollutants
 * (daily AQI by `dailyAqi`, `--standard`), then `cnAlerts` with the rule set `--rule`
 * (`cn-mee-2017` default, `cn-xinzhou-2020`). **jp**: hourly `Ox` (ppm or ppb) → `jpOxAlerts`
 * (an area's several stations in a `station` column: the hourly maximum over stations, since the
 * prefecture issues when a reference station reaches the level) and hourly `PM2.5` (µg/m3) →
 * `jpPm25Alerts` (morning median / noon maximum over the stations). The "expected to continue"
 * conditions take the library's default (assumed to hold).
 */
export const alertsVerb: Verb = {
  name: "alerts",
  summary: "alerts issued by China's heavy-pollution levels and Japan's Ox/PM2.5 rules (cited tables)",
  usage: "--file FILE --country cn|jp|us [--rule RULE] [--json] ...",
  description: `Alerts from a file by each country's rules (tables in src/models/alerts/tables, clause quoted per rule).
cn: daily AQI (a column AQI, unit 1, one row per local day) or hourly pollutants (daily AQI by HJ 633),
    rule set cn-mee-2017 (MEP 2017: blue/yellow/orange/red) or cn-xinzhou-2020 (city plan: yellow/orange/red).
jp: hourly Ox (ppm or ppb): 注意報 ≥ 0.12, 警報 ≥ 0.24, 重大緊急時警報 ≥ 0.40 ppm; hourly PM2.5 (µg/m3):
    注意喚起 when the 5–7 時 median > 85 or the 5–12 時 maximum > 80 µg/m3 over the stations (column station).
us: hourly PM2.5, PM10 (µg/m3) and/or O3 (ppb, ppm, µg/m3) → NowCast AQI (AirNow's rules), highest pollutant
    per hour; alerts from --min-level (default 3, Unhealthy for Sensitive Groups); --utc-offset needed.
"Expected to continue" conditions are assumed to hold (the library's documented default).`,
  json: true,
  options: {
    file: {
      type: "string",
      value: "FILE",
      required: true,
      fs: "input-file-or-dir",
      list: true,
      help: "hourly table, or for cn a daily AQI table (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    country: { type: "string", choices: ["cn", "jp", "us"], required: true, help: "whose rules" },
    rule: {
      type: "string",
      choices: [...CN_RULES, ...JP_RULES, ...US_RULES],
      help: "cn: cn-mee-2017 (default) or cn-xinzhou-2020; jp: all (default), ox or pm25; us: nowcast (default)",
    },
    "no-blue": { type: "boolean", help: "cn: drop the blue level (plans that have none)" },
    "merge-gap": {
      type: "number",
      integer: true,
      min: 0,
      max: 30,
      default: 0,
      value: "DAYS",
      unit: "days",
      help: "cn: merge episodes separated by at most this many days into one alert at the stricter level",
    },
    "min-level": {
      type: "number",
      integer: true,
      min: 3,
      max: 6,
      value: "LEVEL",
      help: "us: the lowest AQI category that alerts, 3 = Unhealthy for Sensitive Groups (default) … 6 = Hazardous",
    },
    standard: {
      type: "string",
      choices: ["cn-2026", "cn-2012"],
      default: "cn-2026",
      help: "cn, hourly input: the AQI standard of the daily AQI",
    },
    ...inputOptions(ALERTS_INPUT),
  },
  async run(values, out, err) {
    const file = values.file as string;
    const country = String(values.country);
    const rule = typeof values.rule === "string" ? values.rule : RULES_OF[country][0];
    if (!RULES_OF[country].includes(rule))
      throw new CliUsageError("--rule", `a rule of --country ${country} (${RULES_OF[country].join(", ")})`, rule);
    if (country !== "us" && values["min-level"] !== undefined)
      throw new CliUsageError("--min-level", "an option of --country us", String(values["min-level"]));
    if (country !== "cn" && values["no-blue"] === true)
      throw new CliUsageError("--no-blue", "an option of --country cn", "--no-blue");
    if (country !== "cn" && values.standard !== "cn-2026")
      throw new CliUsageError("--standard", "an option of --country cn", String(values.standard));
    if (country !== "cn" && Number(values["merge-gap"]) !== 0)
      throw new CliUsageError("--merge-gap", "an option of --country cn", String(values["merge-gap"]));
    // an area's stations in one generic table: keep its station column (timestamps unique per station)
    let use = ALERTS_INPUT;
    try {
      const head = readHead(
        file,
        typeof values.encoding === "string" ? (values.encoding as TextEncodingName) : undefined,
        typeof values.sheet === "string" ? values.sheet : undefined,
      );
      const col = (head.rows[0] ?? []).find((h) => h.trim().toLowerCase() === "station");
      if (col !== undefined) use = { ...ALERTS_INPUT, stationColumn: col.trim() };
    } catch {
      // the reader reports an unreadable file with its row and column
    }
    const read = readInput(file, values, use, err);
    const table = read.table;
    const off = table.utcOffsetMinutes ?? 0;
    const alerts: IssuedAlert[] = [];
    const sections: Record<string, unknown> = {};
    if (country === "cn") {
      if (byStation(table).length > 1)
        throw new AozoraInputError({
          file,
          column: "station",
          expected: "one station (China's alert levels are judged per city: one station or city per file)",
          found: `${byStation(table).length} stations`,
        });
      let series: { dates: string[]; values: Float64Array };
      let basis: string;
      if (table.names.includes("AQI")) {
        const times = table.times();
        series = { dates: Array.from(times, (t) => localDate(t, off)), values: table.numbers("AQI") };
        basis = "the file's daily AQI column";
      } else {
        const { input } = hourlyPollutantsFromTable(table, { hourLabel: "start", file });
        const d = dailyAqi(input, { standard: String(values.standard) as "cn-2026" | "cn-2012" });
        series = { dates: d.days.map((x) => x.date), values: Float64Array.from(d.days, (x) => x.aqi) };
        basis = `daily AQI from the hourly pollutants (${d.citation})`;
      }
      let r;
      try {
        r = cnAlerts(series, {
          rules: rule,
          blue: values["no-blue"] !== true,
          mergeGapDays: Number(values["merge-gap"]),
        });
      } catch (e) {
        if (e instanceof RangeError) throw new RangeError(`${file}: ${e.message}`);
        throw e;
      }
      alerts.push(...r.alerts);
      sections.cn = {
        ruleSet: r.ruleSet,
        citation: r.citation,
        aqi: basis,
        days: r.daily.length,
        missingDates: r.missingDates,
      };
    } else if (country === "us") {
      if (byStation(table).length > 1)
        throw new AozoraInputError({
          file,
          column: "station",
          expected: "one site (the NowCast AQI is per monitor: one site per file)",
          found: `${byStation(table).length} stations`,
        });
      const times = table.times();
      const used = (["PM2.5", "PM10", "O3"] as const).filter((p) => table.names.includes(p));
      if (used.length === 0)
        throw new AozoraInputError({ file, expected: "a column PM2.5, PM10 or O3", found: table.names.join(", ") });
      // AirNow's current AQI is the highest NowCast AQI of the pollutants, hour by hour (nowcastAqi: one home of the rule)
      const input: HourlyPollutants = { times, utcOffsetMinutes: off, series: {} };
      for (const p of used) input.series[p] = { values: table.numbers(p), unit: table.unit(p) };
      let rows: NowcastAqiRow[];
      try {
        rows = nowcastAqi(input);
      } catch (e) {
        if (e instanceof RangeError) {
          // nowcast's messages name the pollutant: give it as the column
          const msg = e.message;
          const column = used.find((p) => msg.includes(p));
          throw new AozoraInputError({ file, ...(column ? { column } : {}), expected: msg });
        }
        throw e;
      }
      const byHour = new Map(rows.map((r) => [r.utcMs, r]));
      const notes: Record<string, number> = {};
      for (const r of rows)
        for (const p of used) {
          const note = r.pollutants[p]?.note;
          if (note) notes[`${p}: ${note}`] = (notes[`${p}: ${note}`] ?? 0) + 1;
        }
      const t = rows.map((r) => r.utcMs);
      const minLevel = values["min-level"] === undefined ? undefined : Number(values["min-level"]);
      const r = usAqiAlerts(
        t,
        rows.map((r) => r.aqi),
        { utcOffsetMinutes: off, ...(minLevel === undefined ? {} : { minLevel }) },
      );
      for (const a of r.alerts) {
        const ps = new Set<string>();
        for (let x = a.startUtcMs; x < a.endUtcMs; x += 3_600_000) {
          const h = byHour.get(x);
          if (h && Number.isFinite(h.aqi)) for (const p of h.primary) ps.add(p);
        }
        a.evidence += `; NowCast AQI of ${[...ps].join(", ")}`;
      }
      alerts.push(...r.alerts);
      sections.us = { pollutants: used, hours: t.length, nowcastNotes: notes, source: r.source };
    } else {
      const groups = byStation(table);
      const times = table.times();
      const hasOx = table.names.includes("Ox"),
        hasPm = table.names.includes("PM2.5");
      if ((rule === "ox" && !hasOx) || (rule === "pm25" && !hasPm) || (!hasOx && !hasPm))
        throw new AozoraInputError({
          file,
          expected:
            rule === "ox"
              ? "a column Ox (ppm or ppb)"
              : rule === "pm25"
                ? "a column PM2.5 (µg/m3)"
                : "a column Ox or PM2.5",
          found: table.names.join(", "),
        });
      if (hasOx && rule !== "pm25") {
        const ox = oxPpm(table, file);
        // the area's stations: jpOxAlerts takes their hourly maximum (the 発令地域 basis)
        const r = jpOxAlerts(
          groups.map((g) => ({ station: g.station, times: pick(times, g.rows), values: pick(ox.values, g.rows) })),
          { utcOffsetMinutes: off, unit: ox.unit },
        );
        alerts.push(...r.alerts);
        sections.ox = {
          stations: r.stations,
          basis: r.basis,
          missingHours: r.missingHours,
          continuing: r.continuing,
        };
      }
      if (hasPm && rule !== "ox") {
        if (table.unit("PM2.5") !== "µg/m3")
          throw new AozoraInputError({ file, column: "PM2.5", expected: "PM2.5 in µg/m3", found: table.unit("PM2.5") });
        const pm = table.numbers("PM2.5");
        const stations: StationHourly[] = groups.map((g) => ({
          station: g.station,
          times: pick(times, g.rows),
          values: pick(pm, g.rows),
        }));
        const r = jpPm25Alerts(stations, { utcOffsetMinutes: off });
        alerts.push(...r.alerts);
        sections.pm25 = { stations: stations.length, days: r.days.length, continuing: r.continuing };
      }
    }
    if (values.json) {
      out(
        JSON.stringify(
          { file, country, rule, input: read.input, ...sections, alerts, account: summariseAccount(read.accounts[0]) },
          null,
          1,
        ),
      );
      return 0;
    }
    out(`${file}: ${country} rules (${rule}); ${alerts.length} alert(s)`);
    const cn = sections.cn as { citation: string; aqi: string } | undefined;
    if (cn) out(`source: ${cn.citation}; AQI: ${cn.aqi}`);
    if (alerts.length) out(["level", "name", "start", "end", "rule", "evidence"].join("\t"));
    for (const a of alerts) out([a.level, a.name.en, a.start, a.end, a.ruleId, a.evidence].join("\t"));
    return 0;
  },
};
