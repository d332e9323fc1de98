// `npm run bench`: speed of the foundation's readers and writers on generated data of realistic
// size; writes bench/results.json. Targets live here, never in timed tests.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { runPmfBench, formatPmfTable } from "./pmf.mjs";
import { runTrajectoryBench } from "./trajectory.mjs";
import { runQaBench } from "./qa.mjs";
import { runVehicleBench } from "./vehicles.mjs";
import { runDirectionalBench } from "./directional.mjs";
import { runVocBench } from "./voc.mjs";
import { runOzoneAqiBench } from "./ozone-aqi.mjs";
import { runEnergyBench } from "./energy.mjs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

const dir = join(tmpdir(), "aozora-bench");
mkdirSync(dir, { recursive: true });

function time(name, fn, reps = 5) {
  fn(); // warm-up
  const ts = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ts.sort((x, y) => x - y);
  return { name, median_ms: +ts[Math.floor(ts.length / 2)].toFixed(2), min_ms: +ts[0].toFixed(2), reps };
}

// A year of hourly data at 40 variables (one station): 8,760 rows × 41 columns
const rng = new a.Rng(1);
const hours = 8760, vars = 40;
const header = ["time", ...Array.from({ length: vars }, (_, j) => `v${j} (µg/m3)`)];
const lines = [header.join(",")];
const t0 = Date.UTC(2024, 0, 1) ;
for (let h = 0; h < hours; h++) {
  const row = [new Date(t0 + h * 3600000).toISOString().slice(0, 19).replace("T", " ")];
  for (let j = 0; j < vars; j++) row.push(rng.uniform() < 0.01 ? "-999" : (50 * rng.uniform()).toFixed(3));
  lines.push(row.join(","));
}
const yearCsv = join(dir, "year.csv");
writeFileSync(yearCsv, lines.join("\n") + "\n");

const results = [];
let table;
results.push({ ...time("readMonitoringTable: 8760 rows × 40 numeric columns (CSV)", () => { table = a.readMonitoringTable(yearCsv, { utcOffset: "+08:00" }).table; }), cells: hours * vars });
results.push({ ...time("toCsv: same table", () => a.toCsv(table)), cells: hours * vars });
results.push({ ...time("toXlsx: same table", () => a.toXlsx(table), 3), cells: hours * vars });
const xlsxPath = join(dir, "year.xlsx");
writeFileSync(xlsxPath, a.toXlsx(table));
results.push({ ...time("readMonitoringTable: same table from .xlsx", () => a.readMonitoringTable(xlsxPath, {}), 3), cells: hours * vars });

// EPA PMF pair: 2,000 samples × 40 species
const pmf = a.simulatePmfInput({ seed: 2, n: 2000 });
const csv = (m) => [["Date", ...pmf.species].join(","), ...m.map((r, i) => [`s${i}`, ...r].join(","))].join("\n");
writeFileSync(join(dir, "con.csv"), csv(pmf.x));
writeFileSync(join(dir, "unc.csv"), csv(pmf.s));
results.push({ ...time("readEpaPmf: 2000 samples × 14 species (pair)", () => a.readEpaPmf(join(dir, "con.csv"), join(dir, "unc.csv"), { unit: "µg/m3", sampleIds: true })), cells: 2 * 2000 * 14 });

const xact = a.simulateXactExport({ seed: 3, start: "2025-01-01T01:00", hours: 24 * 30 });
writeFileSync(join(dir, "xact.csv"), xact.csv);
results.push({ ...time("readXact: 30 days hourly (≈750 records × 12 elements)", () => a.readXact(join(dir, "xact.csv"), { utcOffset: "+08:00" })), records: xact.truth.records });

results.push(...(await runQaBench()));
results.push(...(await runVehicleBench()));
// Directional analyses on 10 years hourly (bench/directional.mjs), target < 2 s each
results.push(...(await runDirectionalBench()));

results.push(...(await runVocBench()));
results.push(...(await runOzoneAqiBench()));
results.push(...(await runEnergyBench()));

for (const r of results) if (r.cells) r.cells_per_s = Math.round(r.cells / (r.median_ms / 1000));
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
for (const r of results) console.log(`${r.name}: median ${r.median_ms} ms${r.cells_per_s ? ` (${(r.cells_per_s / 1e6).toFixed(2)} M cells/s)` : ""}`);

// Trajectories: PSCF on 3 years of 72-h back trajectories every 3 h (bench/trajectory.mjs)
const trajectoryResults = await runTrajectoryBench();
for (const r of trajectoryResults) console.log(`${r.name}: ${r.ms} ms`);

// PMF base runs against the numpy reference (bench/pmf.mjs; several minutes). AOZORA_BENCH_PMF=0 skips it.
let pmfResults;
if (process.env.AOZORA_BENCH_PMF !== "0") {
  pmfResults = await runPmfBench();
  console.log("\nPMF: 20 base runs, aozora runPmf vs numpy/OpenBLAS multiplicative updates (bench/README.md)");
  console.log(formatPmfTable(pmfResults));
}
const out = { version: pkg.version, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, results, trajectory: trajectoryResults, ...(pmfResults ? { pmf: pmfResults } : {}) };
writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
