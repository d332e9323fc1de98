import type { AqTable } from "../../table/table";
import { AozoraInputError } from "../../io/errors";
import type { HourLabel } from "../ozone/hourgrid";
import { AQI_POLLUTANTS, type HourlyPollutants } from "./daily";

/**
 * The AQI pollutant columns of a monitoring table (`PM2.5`, `PM10`, `SO2`, `NO2`, `CO`, `O3`, as
 * named by `readMonitoringTable`), with their units, as input for `dailyAqi`. Other columns are
 * ignored (listed in `ignored`).
 *
 * @param opts `hourLabel` (whether a stamp opens or closes its hour), `file` (name used in error messages)
 * @throws AozoraInputError when the table has no time column or no AQI pollutant column
 */
export function hourlyPollutantsFromTable(
  table: AqTable,
  opts: { hourLabel?: HourLabel; file?: string } = {},
): { input: HourlyPollutants; ignored: string[] } {
  const file = opts.file ?? "<table>";
  if (!table.timeColumn) throw new AozoraInputError({ file, expected: "a time column (hourly data)" });
  const series: HourlyPollutants["series"] = {};
  const ignored: string[] = [];
  for (const c of table.columns) {
    if (c.name === table.timeColumn) continue;
    if ((AQI_POLLUTANTS as readonly string[]).includes(c.name) && c.kind === "number")
      series[c.name as keyof typeof series] = { values: table.numbers(c.name), unit: c.unit };
    else ignored.push(c.name);
  }
  if (Object.keys(series).length === 0)
    throw new AozoraInputError({
      file,
      expected: `at least one AQI pollutant column (${AQI_POLLUTANTS.join(", ")}) with a unit`,
      found: table.names.join(", "),
    });
  return {
    input: { times: table.times(), utcOffsetMinutes: table.utcOffsetMinutes ?? 0, hourLabel: opts.hourLabel, series },
    ignored,
  };
}
