import { summariseAccount } from "../io/account";
import type { AqiStandard } from "../models/aqi/daily";
import {
  dailyMet,
  dailyTarget,
  forecastAt,
  FORECAST_METHODS,
  type ForecastMethod,
  type ForecastTarget,
} from "../forecast/station";
import { hourlyOxData, hourlyOxForecastAt, HOURLY_OX_METHODS, type HourlyOxMethod } from "../forecast/hourly-ox";
import type { AqTable } from "../table/table";
import type { Verb } from "./verb";
import { CliUsageError } from "./options";
import { seedOption } from "./common";
import { inputOptions, readInput, type InputUse } from "./input";

/** What `forecast` reads (history and met alike): one site's hourly series of any monitoring kind. */
const FORECAST_INPUT: InputUse = {
  kinds: ["table", "cnemc", "soramame", "nies"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps (default +08:00)",
  offsetFallback: () => "+08:00",
  fileOption: "--history/--met",
};

/** Met columns the hourly Ox forecast uses when the met file has them (WD is circular and left out). */
const OX_PREDICTORS = ["T", "Radiation", "WS", "RH", "BLH"];

/**
 * `aozora forecast --history HOURLY.csv --met MET.csv --target pm25|aqi|mda8 [--method …]
 * [--lead 1..3] [--json]`: the forecast made at the end of the last day of the history for that
 * day + lead, from the history (hourly pollutants, `readMonitoringTable`) and the hourly met table
 * (observed up to the origin, the user's forecast met after it: the met of the forecast day is used).
 * `--target ox-hourly [--issue-hour 9] [--date D]`: the same-day hourly Ox forecast of day D
 * (default the local date of the last history row) issued at the issue hour.
 */
export const forecastVerb: Verb = {
  name: "forecast",
  summary: "station forecast of daily PM2.5, AQI or O3 MDA8 for lead 1–3 days (baselines, regression, forest, analogs)",
  usage: "--history HOURLY.csv --met MET.csv --target pm25|aqi|mda8 [--method mlr] [--lead 1] [--json] ...",
  description: `Forecast of the daily PM2.5 mean, AQI or O3 MDA8 for the last history day + lead, trained only
on the history up to that day and the met up to the forecast day (supply forecast met after the origin).`,
  json: true,
  options: {
    history: {
      type: "string",
      value: "HOURLY.csv",
      required: true,
      fs: "input-file-or-dir",
      list: true,
      help: "hourly pollutant history (CNEMC: also a folder or a comma-separated list of daily files)",
    },
    met: {
      type: "string",
      value: "MET.csv",
      required: true,
      fs: "input-file",
      help: "hourly met (forecast met after the origin)",
    },
    target: {
      type: "string",
      choices: ["pm25", "aqi", "mda8", "ox-hourly"],
      required: true,
      help: "what to forecast (ox-hourly: the rest of the day's hourly Ox, ppb)",
    },
    method: {
      type: "string",
      choices: [...FORECAST_METHODS],
      default: "mlr",
      help: "forecast method (ox-hourly: persistence, climatology, mlr or qr)",
    },
    "issue-hour": {
      type: "number",
      integer: true,
      min: 1,
      max: 23,
      default: 9,
      value: "HOUR",
      help: "ox-hourly: local issue hour (observations of the hours before it are used)",
    },
    date: {
      type: "string",
      value: "YYYY-MM-DD",
      help: "ox-hourly: local date forecast (default the date of the last history row)",
    },
    lead: { type: "number", integer: true, min: 1, max: 3, default: 1, value: "DAYS", help: "lead in days" },
    standard: {
      type: "string",
      choices: ["cn-2026", "cn-2012", "us-2024"],
      default: "cn-2026",
      help: "AQI standard (target aqi)",
    },
    seed: seedOption,
    ...inputOptions(FORECAST_INPUT),
  },
  async run(values, out, err) {
    const h = readInput(values.history as string, values, { ...FORECAST_INPUT, fileOption: "--history" }, err);
    // --station names the history's station; the met file is one site's (a table or a one-station file)
    const m = readInput(
      values.met as string,
      { ...values, station: undefined },
      { ...FORECAST_INPUT, fileOption: "--met" },
      err,
    );
    if (values.target === "ox-hourly") return oxHourly(values, h.table, m.table, out, summariseAccount(h.accounts[0]));
    if (values.date !== undefined)
      throw new CliUsageError("--date", "--target ox-hourly (the only target with a date)", String(values.date));
    const target = String(values.target) as ForecastTarget;
    const method = String(values.method) as ForecastMethod;
    const lead = Number(values.lead);
    const y = dailyTarget(h.table, target, { standard: String(values.standard) as AqiStandard });
    const met = dailyMet(m.table);
    // the origin is the last history day with an observation
    let origin = y.values.length - 1;
    while (origin >= 0 && !Number.isFinite(y.values[origin])) origin--;
    if (origin < 0) throw new RangeError(`${String(values.history)}: no day with a valid ${target} value`);
    const last = new Date(Date.parse(y.dates[origin] + "T00:00:00Z") + lead * 86_400_000).toISOString().slice(0, 10);
    const ext = {
      ...y,
      dates: [...y.dates.slice(0, origin + 1)],
      values: new Float64Array(origin + 1 + lead).fill(NaN),
    };
    ext.values.set(y.values.subarray(0, origin + 1));
    for (let k = 1; k <= lead; k++)
      ext.dates.push(new Date(Date.parse(y.dates[origin] + "T00:00:00Z") + k * 86_400_000).toISOString().slice(0, 10));
    const f = forecastAt(ext, met, origin, { method, lead, seed: Number(values.seed) });
    if (values.json) {
      out(
        JSON.stringify(
          {
            history: values.history,
            met: values.met,
            target,
            unit: y.unit,
            forecast: f,
            forecastDate: last,
            input: { history: h.input, met: m.input },
            account: summariseAccount(h.accounts[0]),
          },
          null,
          1,
        ),
      );
      return 0;
    }
    out(`${String(values.history)}: ${target} (${y.unit}) forecast by ${method} at origin ${f.origin} for ${f.date}`);
    out(`value ${f.value.toFixed(1)}, 80 % interval ${f.lower.toFixed(1)} – ${f.upper.toFixed(1)}`);
    return 0;
  },
};

/** `--target ox-hourly`: {@link hourlyOxForecastAt} of the chosen day from the two tables. */
function oxHourly(
  values: Record<string, unknown>,
  history: AqTable,
  met: AqTable,
  out: (line: string) => void,
  account: unknown,
): number {
  const method = String(values.method) as HourlyOxMethod;
  if (!HOURLY_OX_METHODS.includes(method))
    throw new CliUsageError("--method", `one of ${HOURLY_OX_METHODS.join(", ")} with --target ox-hourly`, method);
  const predictors = OX_PREDICTORS.filter((c) => met.columns.some((x) => x.name === c && x.kind === "number"));
  if (predictors.length === 0)
    throw new CliUsageError(
      "--met",
      `a met file with at least one of ${OX_PREDICTORS.join(", ")} for --target ox-hourly`,
      met.names.join(", "),
      undefined,
      true,
    );
  const data = hourlyOxData(history, met, { predictors });
  const local = history.localTimes();
  const date = typeof values.date === "string" ? values.date : local[local.length - 1].slice(0, 10);
  if (!data.dates.includes(date))
    throw new CliUsageError(
      "--date",
      `a local date of the history or met (${data.dates[0]} to ${data.dates[data.dates.length - 1]})`,
      date,
    );
  const issueHour = Number(values["issue-hour"]);
  const f = hourlyOxForecastAt(data, date, { method, issueHour });
  if (values.json) {
    out(
      JSON.stringify(
        {
          history: values.history,
          met: values.met,
          target: "ox-hourly",
          unit: "ppb",
          predictors,
          forecast: f,
          account,
        },
        null,
        1,
      ),
    );
    return 0;
  }
  out(`${String(values.history)}: hourly Ox (ppb) of ${f.date} by ${method}, issued ${f.issueLocal} local`);
  for (const x of f.hours)
    out(
      `${String(x.hour).padStart(2, "0")}:00  ${x.value.toFixed(1)}  (80 % ${x.lower.toFixed(1)} – ${x.upper.toFixed(1)})`,
    );
  out(
    `daily 1-h max ${f.dailyMax.value.toFixed(1)} (80 % ${f.dailyMax.lower.toFixed(1)} – ${f.dailyMax.upper.toFixed(1)})`,
  );
  return 0;
}
