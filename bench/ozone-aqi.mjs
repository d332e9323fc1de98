// Ozone/AQI/IDW speed (issue 6, ozone/AQI part): a year of hourly data for 8 stations (8,760 h ×
// 6 pollutants each) through dailyAqi (HJ 633-2026) and MDA8 (three conventions), GB 3095-2026
// exceedances, and IDW of 8 stations onto a 0.005° grid over a 0.75° × 0.45° city box. Called by
// bench/run.mjs; also runs alone: `node bench/ozone-aqi.mjs`. Target (2-core machine): a station-year
// of daily AQI in < 100 ms; the 151 × 91 IDW grid in < 200 ms.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";
const require = createRequire(import.meta.url);
const time = (name, fn, reps = 5) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};
const a = require("../dist/index.js");

export async function runOzoneAqiBench() {
  const rng = new a.Rng(6);
  const n = 8760,
    t0 = Date.UTC(2024, 0, 1) - 480 * 60000;
  const times = Float64Array.from({ length: n }, (_, h) => t0 + h * 3600000);
  const s = (m) => ({
    values: Float64Array.from({ length: n }, () => m * Math.exp(0.4 * rng.normal())),
    unit: "µg/m3",
  });
  const input = {
    times,
    utcOffsetMinutes: 480,
    series: { "PM2.5": s(40), PM10: s(80), SO2: s(10), NO2: s(35), CO: { ...s(0.8), unit: "mg/m3" }, O3: s(90) },
  };
  const rows = [];
  rows.push({
    ...time("dailyAqi cn-2026: one station-year (8760 h × 6 pollutants)", () =>
      a.dailyAqi(input, { standard: "cn-2026" }),
    ),
    target_ms: 100,
  });
  rows.push(time("dailyAqi us-2024: one station-year", () => a.dailyAqi(input, { standard: "us-2024" })));
  rows.push(
    time("mda8 ×3 conventions: one station-year", () => {
      for (const c of ["cn", "us", "eu"])
        a.mda8(times, input.series.O3.values, { utcOffsetMinutes: 480, convention: c });
    }),
  );
  rows.push(time("gb3095Exceedances: one station-year", () => a.gb3095Exceedances(input)));
  const st = Array.from({ length: 8 }, (_, i) => ({ lon: 108.6 + 0.08 * i, lat: 34.05 + 0.04 * i, value: 100 + i }));
  rows.push({
    ...time("idwGrid: 8 stations → 151 × 91 cells, radius 20 km", () =>
      a.idwGrid(st, { lonMin: 108.55, lonMax: 109.3, latMin: 34.0, latMax: 34.45, step: 0.005 }, { radiusKm: 20 }),
    ),
    target_ms: 200,
  });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runOzoneAqiBench())
    console.log(`${r.name}: median ${r.median_ms} ms${r.target_ms ? ` (target < ${r.target_ms} ms)` : ""}`);
}
