import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CNEMC_TYPES } from "../../src/network/cnemc-types";
import { run } from "./run";

// Issue #17 item 3: `aozora aqi` reads a CNEMC daily archive file (detected, stated), picks the
// station with --station, and applies the hour-ending convention (hour h = end of the hour).
const tmp = mkdtempSync(join(tmpdir(), "aozora-aqi-cnemc-"));

/** A china_sites file of one day: constant values per type for two stations (hand-made, real header). */
function sitesFile(date: string, value: (type: string, station: string) => string): string {
  const rows = ["date,hour,type,1001A,1002A"];
  for (let h = 0; h < 24; h++)
    for (const t of CNEMC_TYPES) rows.push(`${date},${h},${t},${value(t, "1001A")},${value(t, "1002A")}`);
  const f = join(tmp, `china_sites_${date}.csv`);
  writeFileSync(f, rows.join("\n") + "\n");
  return f;
}

// PM2.5 75 µg/m3 at 1001A (HJ 633-2012 Table 1: 24-h PM2.5 75 → IAQI 100); every other pollutant far below
// its first breakpoint above IAQI 50 (SO2 5, NO2 10, PM10 20 µg/m3, CO 0.3 mg/m3, O3 30 µg/m3), so the AQI is 100
// with PM2.5 primary. 1002A has PM2.5 35 (IAQI 50).
const LOW: Record<string, string> = { SO2: "5", NO2: "10", PM10: "20", CO: "0.3", O3: "30", O3_8h: "30" };
const file = sitesFile("20250501", (t, s) => (t === "PM2.5" ? (s === "1001A" ? "75" : "35") : (LOW[t] ?? "1")));

describe("aozora aqi on a CNEMC daily file", () => {
  it("detects the kind, says so, uses --station and the hour-ending stamps", async () => {
    const r = await run(["aqi", "--file", file, "--standard", "cn-2012", "--station", "1001A", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("cnemc");
    expect(j.input.chosen).toBe("detected");
    expect(j.input.station.code).toBe("1001A");
    // hour-ending: hour 0 of 2025-05-01 is 23:00–24:00 of 2025-04-30; hours 1–23 belong to 2025-05-01
    expect(j.input.hourLabel.shiftMinutes).toBe(-60);
    const may1 = j.days.find((d: { date: string }) => d.date === "2025-05-01");
    expect(may1.iaqi.PM25_24h).toBe(100);
    expect(may1.aqi).toBe(100);
  });
  it("a file of several stations without --station is an error listing them", async () => {
    const r = await run(["aqi", "--file", file, "--standard", "cn-2012", "--json"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/1001A.*1002A/);
  });
});
