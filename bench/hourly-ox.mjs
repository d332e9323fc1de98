// Same-day hourly Ox forecast (issue #19 item 1, "hourly Ox for the same day"): forecasts issued
// at 06:00 and 09:00 local for the rest of the day on the seeded Shenyang-like station
// (simulateForecastStation seed 19, 2023–2025; Ox = O3 + NO2 in ppb at 298.15 K; met T, Radiation,
// WS, RH of the day used as its forecast, i.e. perfect prognosis). Rolling over 2025 (year 3),
// each day trained on everything before it, refitted every 30 days. No setting is tuned: year 3 is
// touched once. Scores by the library's modStats and eventScores (daily 1-h max ≥ 120 ppb = 0.12 ppm).
// Called by bench/run.mjs; also runs alone: `node bench/hourly-ox.mjs` (needs dist: bash scripts/build.sh).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

/** Rows `{ name, ms }` and the skill table. */
export async function runHourlyOxBench() {
  const t0 = performance.now();
  const { table } = a.simulateForecastStation({ seed: 19 });
  const data = a.hourlyOxData(
    table.select(["time", "O3", "NO2"]),
    table.select(["time", "T", "Radiation", "WS", "RH"]),
  );
  const tPrep = performance.now() - t0;
  const skill = [];
  const rows = [{ name: "simulate 3 years + hourly Ox grid", ms: +tPrep.toFixed(0) }];
  for (const issueHour of [6, 9]) {
    let persistenceRmse = NaN;
    for (const method of a.HOURLY_OX_METHODS) {
      const t1 = performance.now();
      const f = a.rollingHourlyOxForecast(data, { method, issueHour, firstDay: "2025-01-01", refitEvery: 30 });
      const ms = performance.now() - t1;
      const v = a.verifyHourlyOx(f, { thresholdPpb: 120 });
      if (method === "persistence") persistenceRmse = v.dailyMax.RMSE;
      rows.push({ name: `${method}, issued ${issueHour}:00, 365 days (refit every 30)`, ms: +ms.toFixed(0) });
      skill.push({
        issueHour,
        method,
        hourlyRmse: +v.hourly.RMSE.toFixed(2),
        dailyMaxRmse: +v.dailyMax.RMSE.toFixed(2),
        dailyMaxVsPersistence: +(v.dailyMax.RMSE / persistenceRmse).toFixed(3),
        dailyMaxR: +v.dailyMax.r.toFixed(3),
        n: v.dailyMax.n,
        eventsObserved: v.event.hits + v.event.misses,
        POD: +v.event.POD.toFixed(3),
        FAR: Number.isFinite(v.event.FAR) ? +v.event.FAR.toFixed(3) : null,
        CSI: +v.event.CSI.toFixed(3),
        HSS: +v.event.HSS.toFixed(3),
        coverage80Hourly: +v.coverage.hourly.toFixed(3),
        coverage80DailyMax: +v.coverage.dailyMax.toFixed(3),
      });
    }
  }
  return { rows, skill };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, skill } = await runHourlyOxBench();
  console.table(rows);
  console.table(skill);
}
