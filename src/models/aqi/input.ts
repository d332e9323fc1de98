import type { AqTable } from "../../table/table";
import { AozoraInputError } from "../../io/errors";
import type { HourLabel } from "../ozone/hourgrid";
import { AQI_POLLUTANTS, type HourlyPollutants } from "./daily";

/** Columns kept besides the AQI pollutants: Japan's EQS items photochemical oxidant and SPM. */
const EQS_ONLY = ["Ox", "SPM"] as const;

/**
 * The pollutant columns of a monitoring table, with their units, as input for `dailyAqi`,
 * `hourlyAqi`, `gb3095Exceedances`, `japanEqsEvaluation` and `whoExceedances`: the AQI pollutants
 * (`PM2.5`, `PM10`, `SO2`, `NO2`, `CO`, `O3`, as named by `readMonitoringTable`) and Japan's two
 * EQS items that are not AQI pollutants, photochemical oxidant `Ox` (光化学オキシダント) and
 * suspended particulate matter `SPM` (浮遊粒子状物質). Other columns are listed in `ignored`.
 * `notes` says what was kept and, when the table has O3 but no Ox, that `japanEqsEvaluation` will
 * use O3 as the oxidant (its Ox rows say so too) — nothing is substituted here.
 *
 * @param opts `hourLabel` (whether a stamp opens or closes its hour), `file` (name used in error messages)
 * @throws AozoraInputError when the table has no time column or no pollutant column
 */
export function hourlyPollutantsFromTable(
  table: AqTable,
  opts: { hourLabel?: HourLabel; file?: string } = {},
): { input: HourlyPollutants; ignored: string[]; notes: string[] } {
  const file = opts.file ?? "<table>";
  if (!table.timeColumn) throw new AozoraInputError({ file, expected: "a time column (hourly data)" });
  const series: HourlyPollutants["series"] = {};
  const ignored: string[] = [];
  const kept = [...AQI_POLLUTANTS, ...EQS_ONLY] as readonly string[];
  for (const c of table.columns) {
    if (c.name === table.timeColumn) continue;
    if (kept.includes(c.name) && c.kind === "number")
      series[c.name as keyof typeof series] = { values: table.numbers(c.name), unit: c.unit };
    else ignored.push(c.name);
  }
  if (Object.keys(series).length === 0)
    throw new AozoraInputError({
      file,
      expected: `at least one AQI pollutant column (${AQI_POLLUTANTS.join(", ")}) or Japan EQS column (${EQS_ONLY.join(", ")}) with a unit`,
      found: table.names.join(", "),
    });
  const notes: string[] = [];
  const eqs = EQS_ONLY.filter((p) => series[p] !== undefined);
  if (eqs.length)
    notes.push(
      `${eqs.join(" and ")} kept for the Japan EQS evaluation (not AQI pollutants: the AQI does not use them)`,
    );
  if (series.O3 && !series.Ox)
    notes.push("no Ox column: japanEqsEvaluation uses O3 as photochemical oxidant and notes it in its Ox rows");
  return {
    input: { times: table.times(), utcOffsetMinutes: table.utcOffsetMinutes ?? 0, hourLabel: opts.hourLabel, series },
    ignored,
    notes,
  };
}
