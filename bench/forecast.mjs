// Station forecasts (issue #19 item 1): training all methods on 2 years of hourly data and
// rolling-origin verification over the third year, on the seeded Shenyang-like station.
// Hyper-parameters (analog count K) are chosen on year 2 only (origins in year 2, trained on what
// precedes each origin); year 3 is touched once, for the reported scores.
// Called by bench/run.mjs; also runs alone: `node bench/forecast.mjs`.
// Target: all six methods, leads 1–3, trained and verified over one year in ≤ 30 s on 2 cores.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

/** RMSE over the pairs with both values finite (n reported), by the library's modStats (openair's definitions). */
function rmse(rows) {
  const s = a.modStats(
    rows.map((r) => r.observed),
    rows.map((r) => r.value),
  );
  return { rmse: s.RMSE, n: s.n };
}

/** Rows `{ name, ms, ... }` and the skill table. */
export async function runForecastBench() {
  const t0 = performance.now();
  const { table } = a.simulateForecastStation({ seed: 19 });
  const met = a.dailyMet(table.select(["time", "T", "RH", "WS", "WD", "BLH", "Stagnation", "Precip", "Radiation"]));
  const pm = a.dailyTarget(table, "pm25");
  const tPrep = performance.now() - t0;
  const y2 = pm.dates.indexOf("2023-12-31"); // origins in 2024 → forecasts for 2024 (year 2)
  const y3 = pm.dates.indexOf("2024-12-31"); // origins from 2024-12-31 → forecasts for 2025 (year 3)
  const refitEvery = 30;
  const forestRefitEvery = 91; // ml-cart trees are slow (≈ 60 ms per tree on 730 days): the forest is refitted quarterly
  // tuning on year 2 (lead 1): analog ensemble K
  const t1 = performance.now();
  const tuning = {};
  for (const k of [10, 20, 40]) {
    const rows = a
      .rollingOriginForecast(pm, met, { method: "analog", lead: 1, firstOrigin: y2, refitEvery, analogs: k })
      .filter((r) => r.date <= "2024-12-31");
    tuning[k] = +rmse(rows).rmse.toFixed(3);
  }
  const bestK = Number(Object.entries(tuning).sort((x, y) => x[1] - y[1])[0][0]);
  const tTune = performance.now() - t1;
  const t2 = performance.now();
  const skill = [];
  for (const lead of [1, 2, 3])
    for (const method of a.FORECAST_METHODS) {
      const every = method === "forest" ? forestRefitEvery : refitEvery;
      const rows = a.rollingOriginForecast(pm, met, {
        method,
        lead,
        firstOrigin: y3,
        refitEvery: every,
        analogs: bestK,
        seed: 1,
      });
      const { rmse: e, n } = rmse(rows);
      let cover = 0;
      for (const r of rows) if (r.observed >= r.lower && r.observed <= r.upper) cover++;
      skill.push({ lead, method, rmse: +e.toFixed(2), n, coverage80: +(cover / rows.length).toFixed(3) });
    }
  const tVerify = performance.now() - t2;
  const rows = [
    { name: "simulate 3 years + daily targets and met", ms: +tPrep.toFixed(0) },
    { name: "tune analog K on year 2 (3 × 366 rolling origins)", ms: +tTune.toFixed(0), tuning, bestK },
    {
      name: "train all 6 methods on ≥ 2 years + rolling-origin verification over year 3, leads 1–3 (refit every 30 days, the forest every 91)",
      ms: +tVerify.toFixed(0),
      target_ms: 30000,
    },
  ];
  return { rows, skill };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, skill } = await runForecastBench();
  console.table(rows);
  console.table(skill);
}
