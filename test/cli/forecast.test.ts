import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import { writeCsv } from "../../src/io/write";
import { dailyMet, dailyTarget, forecastAt } from "../../src/forecast/station";
import { readMonitoringTable } from "../../src/io/monitoring";
import { hourlyOxData, hourlyOxForecastAt } from "../../src/forecast/hourly-ox";

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
    expect(r.err).toBe("");
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

describe("aozora forecast --target ox-hourly", () => {
  const { table: t } = simulateForecastStation({ seed: 3, start: "2024-05-01", days: 120 });
  // history up to 08:00 local on the last day (hours starting 00–08); met through the whole last day
  const hist = t.select(["time", "O3", "NO2"]).take(Array.from({ length: 119 * 24 + 9 }, (_, i) => i));
  writeCsv(hist, join(dir, "ox-history.csv"));
  writeCsv(t.select(["time", "T", "Radiation", "WS", "RH", "WD"]), join(dir, "ox-met.csv"));
  const base = ["forecast", "--history", join(dir, "ox-history.csv"), "--met", join(dir, "ox-met.csv")];

  it("forecasts the rest of the last history day from 09:00 and matches the library on the same files", async () => {
    const r = await run([...base, "--target", "ox-hourly", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const h = readMonitoringTable(join(dir, "ox-history.csv"), { utcOffset: "+08:00" }).table;
    const m = readMonitoringTable(join(dir, "ox-met.csv"), { utcOffset: "+08:00" }).table;
    const data = hourlyOxData(h, m, { predictors: ["T", "Radiation", "WS", "RH"] });
    const f = hourlyOxForecastAt(data, "2024-08-28", { method: "mlr", issueHour: 9 });
    expect(j.predictors).toEqual(["T", "Radiation", "WS", "RH"]); // WD left out
    expect(j.forecast.date).toBe("2024-08-28");
    expect(j.forecast.issueLocal).toBe("2024-08-28T09:00");
    expect(j.forecast.hours).toHaveLength(15);
    expect(j.forecast.hours[5].value).toBe(f.hours[5].value);
    expect(j.forecast.dailyMax.value).toBe(f.dailyMax.value);
  });

  it("refuses a method the hourly forecast lacks, --date with a daily target and an issue hour of 24", async () => {
    const bad = await run([...base, "--target", "ox-hourly", "--method", "forest"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--method: expected one of persistence, climatology, mlr, qr/);
    expect((await run([...base, "--target", "mda8", "--date", "2024-08-28"])).code).toBe(2);
    expect((await run([...base, "--target", "ox-hourly", "--issue-hour", "24"])).code).toBe(2);
    expect((await run([...base, "--target", "ox-hourly", "--date", "2030-01-01"])).code).toBe(2);
  });
});
