// Tenter retrofit (issue #7): reading machine logs and the whole analysis (aggregation, SEC,
// unpaired with 2000 bootstrap replicates, paired, regression + G14, planner, stack, CO2).
// Called by bench/run.mjs; also runs alone: `node bench/energy.mjs`.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";
const require = createRequire(import.meta.url);
const time = (name, fn, reps = 3) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};
const a = require("../dist/index.js");
const { simulateTenterLogs } = require("../dist/simulate/tenter.js");

/** Rows `{ name, median_ms, min_ms, reps, rows }`. Target: a 60-day, 4-machine log at 5-minute resolution read and analysed in < 5 s. */
export async function runEnergyBench() {
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const minutes of [30, 5]) {
    const sim = simulateTenterLogs({
      seed: 11,
      beforeStart: "2025-03-01",
      afterStart: "2025-05-01",
      days: 30,
      intervalMinutes: minutes,
      utcOffsetMinutes: 480,
    });
    const f = join(dir, `tenter-${minutes}min.csv`);
    writeFileSync(f, sim.logCsv);
    const rows = sim.logCsv.split("\n").length - 2;
    let log;
    out.push({
      ...time(`readMachineLog: 4 tenters × 30+30 days at ${minutes}-min intervals`, () => {
        log = a.readMachineLog(f, { utcOffset: "+08:00" });
      }),
      rows,
    });
    const p = a.defaultEnergyParameters();
    out.push({
      ...time(`analyseRetrofit (${minutes}-min log, 2000 bootstrap replicates)`, () =>
        a.analyseRetrofit(
          { intervals: log.intervals, thermalMeter: log.thermalMeter, flagged: a.flaggedRows([log.account]) },
          { params: p, replicates: 2000, seed: 1 },
        ),
      ),
      rows,
    });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runEnergyBench()) console.log(`${r.name}: median ${r.median_ms} ms (${r.rows} rows)`);
}
