import { summariseAccount } from "../io/account";
import { AQI_POLLUTANTS, dailyAqi, type AqiStandard } from "../models/aqi/daily";
import { hourlyPollutantsFromTable } from "../models/aqi/input";
import type { NegativePolicy } from "../models/ozone/hourgrid";
import type { Verb } from "./verb";
import { inputOptions, readInput, type InputUse } from "./input";

const STANDARDS: AqiStandard[] = ["cn-2026", "cn-2012", "us-2024"];

/** What `aqi` reads: an hourly table of one site (times used: the hour label matters). */
const AQI_INPUT: InputUse = {
  kinds: ["table", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps (default +08:00 for the cn standards)",
  offsetFallback: (v) => (String(v.standard).startsWith("cn") ? "+08:00" : undefined),
  fileOption: "--file",
};

/**
 * `aozora aqi --file HOURLY.csv [--standard cn-2026|cn-2012|us-2024] [--utc-offset +08:00]
 * [--hour-label start|end] [--negative error|missing] [--round gbt8170|none] [--json]`: daily IAQI per pollutant, AQI,
 * primary pollutant and validity from an hourly monitoring table (`readMonitoringTable`; units
 * in the headers). `--round` defaults to `gbt8170` for cn-2026 (HJ 633-2026 §4.2.2: concentrations
 * rounded per GB/T 8170 to integers in µg/m3, CO to 0.1 mg/m3, before the IAQI) and to `none`
 * for cn-2012 and us-2024; `hj663` is accepted as the former name of `gbt8170`.
 */
export const aqiVerb: Verb = {
  name: "aqi",
  summary: "daily AQI from hourly PM2.5, PM10, SO2, NO2, CO, O3 (HJ 633-2026/2012, US EPA 2024)",
  usage: "--file HOURLY.csv [--standard cn-2026|cn-2012|us-2024] [--utc-offset ±HH:MM] [--json] ...",
  description: `Daily AQI from an hourly monitoring table (units in the headers or --units): IAQI per
pollutant, AQI, primary pollutant and validity (HJ 633-2026/2012, US EPA 2024).`,
  json: true,
  options: {
    file: {
      type: "string",
      value: "HOURLY.csv",
      required: true,
      fs: "input-file-or-dir",
      list: true,
      help: "hourly monitoring table (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    standard: { type: "string", choices: STANDARDS, default: "cn-2026", help: "AQI standard" },
    ...inputOptions(AQI_INPUT),
    negative: {
      type: "string",
      choices: ["error", "missing"],
      default: "error",
      help: "what negative concentrations are",
    },
    round: {
      type: "string",
      choices: ["gbt8170", "none", "hj663"],
      help: "rounding of concentrations before the IAQI: cn-2026 default gbt8170 (HJ 633-2026 §4.2.2: integers in µg/m3, CO 0.1 mg/m3, half to even; hj663 = the same), else none",
    },
  },
  async run(values, out, err) {
    const file = values.file as string;
    const standard = String(values.standard) as AqiStandard;
    const negative = String(values.negative) as NegativePolicy;
    const round = (typeof values.round === "string" ? values.round : standard === "cn-2026" ? "gbt8170" : "none") as
      "none" | "gbt8170" | "hj663"; // choices checked by the option parser
    // China's standards are in Beijing time; for the US table the offset must be given (or carried by the timestamps)
    const read = readInput(file, values, AQI_INPUT, err);
    // readInput moves hour-ending stamps to the start of their hour: the table's stamps open their hour
    const fromTable = hourlyPollutantsFromTable(read.table, { hourLabel: "start", file });
    const input = fromTable.input;
    // Ox and SPM are kept for the Japan EQS; the AQI does not use them
    const ignored = [
      ...fromTable.ignored,
      ...Object.keys(input.series).filter((p) => !(AQI_POLLUTANTS as readonly string[]).includes(p)),
    ];
    let result;
    try {
      result = dailyAqi(input, { standard, negative, round });
    } catch (e) {
      if (e instanceof RangeError) throw new RangeError(`${file}: ${e.message}`);
      throw e;
    }
    if (values.json) {
      out(
        JSON.stringify(
          {
            file,
            standard,
            citation: result.citation,
            round: result.round,
            utcOffsetMinutes: input.utcOffsetMinutes,
            hourLabel: read.input.hourLabel?.label,
            input: read.input,
            units: result.units,
            days: result.days,
            negatives: result.negatives,
            absentHours: result.absentHours,
            ignoredColumns: ignored,
            account: summariseAccount(read.accounts[0]),
          },
          null,
          1,
        ),
      );
      return 0;
    }
    const keys = Object.keys(result.units);
    out(`${file}: ${result.citation}; concentrations rounded: ${result.round}`);
    out(["date", "AQI", "primary", "complete", ...keys].join("\t"));
    for (const d of result.days) {
      out(
        [
          d.date,
          Number.isFinite(d.aqi) ? d.aqi : "NA",
          d.primary.join("+") || "-",
          d.complete ? "yes" : "no",
          ...keys.map((k) => (Number.isFinite(d.iaqi[k]) ? `${d.iaqi[k]}` : "NA")),
        ].join("\t"),
      );
    }
    if (result.absentHours) out(`${result.absentHours} hours of the local days spanned have no row in the file`);
    for (const [p, idx] of Object.entries(result.negatives))
      out(`${p}: ${idx.length} negative values treated as missing`);
    if (ignored.length) out(`columns not used: ${ignored.join(", ")}`);
    return 0;
  },
};
