import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import { writeCsv } from "../../src/io/write";
import { dailyMet, dailyTarget, forecastAt } from "../../src/forecast/station";
import { readMonitoringTable } from "../../src/io/monitoring";

const dir = mkdtempSync(join(tmpdir(), "aozora-forecast-"));
const { table } = simulateForecastStation({ seed: 2, days: 200 });
// history: 198 days of pollutants; met: all 200 days (the last two stand for the forecast met)
const hist = table
  .select(["time", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3"])
  .take(Array.from({ length: 198 * 24 }, (_, i) => i));
const metT = table.select(["time", "T", "RH", "WS", "WD", "BLH", "Stagnation", "Precip"]);
writeCsv(hist, join(dir, "history.csv"));
writeCsv(metT, join(dir, "met.csv"));

describe("aozora forecast", () => {
  it("forecasts the day after the last history day and matches the library (read back from the same files)", async () => {
    const r = await run([
      "forecast",
      "--history",
      join(dir, "history.csv"),
      "--met",
      join(dir, "met.csv"),
      "--target",
      "pm25",
      "--lead",
      "2",
      "--json",
    ]);
    // stderr holds only the two detection statements (history, met), nothing else
    expect(r.err.split("\n")).toEqual([
      'detected: monitoring table (one header row with a time column "time" (#1) and 6 other column(s))',
      'detected: monitoring table (one header row with a time column "time" (#1) and 7 other column(s))',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const h = readMonitoringTable(join(dir, "history.csv"), { utcOffset: "+08:00" }).table;
    const m = readMonitoringTable(join(dir, "met.csv"), { utcOffset: "+08:00" }).table;
    const y = dailyTarget(h, "pm25");
    expect(j.forecast.origin).toBe(y.dates[197]);
    expect(j.forecastDate).toBe(table.localTimes()[199 * 24].slice(0, 10));
    const ext = {
      ...y,
      dates: [...y.dates, ...dailyMet(m).dates.slice(198, 200)],
      values: new Float64Array(200).fill(NaN),
    };
    ext.values.set(y.values);
    expect(j.forecast.value).toBe(forecastAt(ext, dailyMet(m), 197, { method: "mlr", lead: 2, seed: 1 }).value);
  });

  it("refuses a lead of 4 and an unknown target", async () => {
    const base = ["forecast", "--history", join(dir, "history.csv"), "--met", join(dir, "met.csv")];
    expect((await run([...base, "--target", "pm25", "--lead", "4"])).code).toBe(2);
    expect((await run([...base, "--target", "pm10"])).code).toBe(2);
  });
});
