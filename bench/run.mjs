// `npm run bench`: every benchmark group on generated data of realistic size; writes ONE file,
// bench/results.json, with all groups plus the machine (cores, CPU model, Node version, load).
// Targets live in the bench modules, never in timed tests.
//   node bench/run.mjs                 all groups
//   node bench/run.mjs --only large    the groups whose name matches (regular expression, e.g.
//                                      "large|qa"); the other groups' rows in results.json are kept
// Groups: readers, qa, vehicles, directional, polarplot-gam, smoothtrend, voc, ozone-aqi, energy, large, network, network-summarise, mechanism, forecast, hourly-ox, photochem-integrate, obm, cutdata, trajectory, trajcluster, pmf, pmf-joint, pmf-disp.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { runPmfBench, formatPmfTable } from "./pmf.mjs";
import { runTrajectoryBench } from "./trajectory.mjs";
import { runQaBench } from "./qa.mjs";
import { runVehicleBench } from "./vehicles.mjs";
import { runDirectionalBench } from "./directional.mjs";
import { runPolarPlotGamBench } from "./polarplot-gam.mjs";
import { runSmoothTrendBench } from "./smoothtrend.mjs";
import { runVocBench } from "./voc.mjs";
import { runOzoneAqiBench } from "./ozone-aqi.mjs";
import { runEnergyBench } from "./energy.mjs";
import { runLargeBench } from "./large.mjs";
import { runForecastBench } from "./forecast.mjs";
import { runNetworkBench } from "./network.mjs";
import { runHourlyOxBench } from "./hourly-ox.mjs";
import { runNetworkSummariseBench } from "./network-summarise.mjs";
import { runMechanismBench } from "./mechanism.mjs";
import { runPhotochemIntegrateBench } from "./photochem-integrate.mjs";
import { runCutdataBench } from "./cutdata.mjs";
import { runObmBench } from "./obm.mjs";
import { runTrajClusterBench } from "./trajcluster.mjs";
import { runPmfJointBench } from "./pmf-joint.mjs";
import { runPmfDispBench } from "./pmf-disp.mjs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

const dir = join(tmpdir(), "aozora-bench");
mkdirSync(dir, { recursive: true });

const GROUPS = [
  "readers",
  "qa",
  "vehicles",
  "directional",
  "polarplot-gam",
  "smoothtrend",
  "voc",
  "ozone-aqi",
  "energy",
  "large",
  "network",
  "network-summarise",
  "mechanism",
  "forecast",
  "hourly-ox",
  "photochem-integrate",
  "obm",
  "cutdata",
  "trajectory",
  "trajcluster",
  "pmf",
  "pmf-joint",
  "pmf-disp",
];
const oi = process.argv.indexOf("--only");
const onlyPattern = oi >= 0 ? process.argv[oi + 1] : undefined;
if (oi >= 0 && !onlyPattern) throw new Error("--only needs a pattern, e.g. --only large");
const only = onlyPattern ? new RegExp(onlyPattern, "i") : undefined;
const selected = GROUPS.filter(
  (g) => (only ? only.test(g) : true) && !(g === "pmf" && process.env.AOZORA_BENCH_PMF === "0"),
);
if (selected.length === 0) throw new Error(`--only ${onlyPattern} matches no group (groups: ${GROUPS.join(", ")})`);
const want = (g) => selected.includes(g);
const loadStart = loadavg().map((x) => +x.toFixed(2));
const tag = (group, rows) => rows.map((r) => ({ group, ...r }));

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

const results = [];
if (want("readers")) {
  const readerRows = [];
  // A year of hourly data at 40 variables (one station): 8,760 rows × 41 columns
  const rng = new a.Rng(1);
  const hours = 8760,
    vars = 40;
  const header = ["time", ...Array.from({ length: vars }, (_, j) => `v${j} (µg/m3)`)];
  const lines = [header.join(",")];
  const t0 = Date.UTC(2024, 0, 1);
  for (let h = 0; h < hours; h++) {
    const row = [new Date(t0 + h * 3600000).toISOString().slice(0, 19).replace("T", " ")];
    for (let j = 0; j < vars; j++) row.push(rng.uniform() < 0.01 ? "-999" : (50 * rng.uniform()).toFixed(3));
    lines.push(row.join(","));
  }
  const yearCsv = join(dir, "year.csv");
  writeFileSync(yearCsv, lines.join("\n") + "\n");

  let table;
  readerRows.push({
    ...time("readMonitoringTable: 8760 rows × 40 numeric columns (CSV)", () => {
      table = a.readMonitoringTable(yearCsv, { utcOffset: "+08:00" }).table;
    }),
    cells: hours * vars,
  });
  readerRows.push({ ...time("toCsv: same table", () => a.toCsv(table)), cells: hours * vars });
  readerRows.push({ ...time("toXlsx: same table", () => a.toXlsx(table), 3), cells: hours * vars });
  const xlsxPath = join(dir, "year.xlsx");
  writeFileSync(xlsxPath, a.toXlsx(table));
  readerRows.push({
    ...time("readMonitoringTable: same table from .xlsx", () => a.readMonitoringTable(xlsxPath, {}), 3),
    cells: hours * vars,
  });

  // EPA PMF pair: 2,000 samples × 40 species
  const pmf = a.simulatePmfInput({ seed: 2, n: 2000 });
  const csv = (m) => [["Date", ...pmf.species].join(","), ...m.map((r, i) => [`s${i}`, ...r].join(","))].join("\n");
  writeFileSync(join(dir, "con.csv"), csv(pmf.x));
  writeFileSync(join(dir, "unc.csv"), csv(pmf.s));
  readerRows.push({
    ...time("readEpaPmf: 2000 samples × 14 species (pair)", () =>
      a.readEpaPmf(join(dir, "con.csv"), join(dir, "unc.csv"), { unit: "µg/m3", sampleIds: true }),
    ),
    cells: 2 * 2000 * 14,
  });

  const xact = a.simulateXactExport({ seed: 3, start: "2025-01-01T01:00", hours: 24 * 30 });
  writeFileSync(join(dir, "xact.csv"), xact.csv);
  readerRows.push({
    ...time("readXact: 30 days hourly (≈750 records × 12 elements)", () =>
      a.readXact(join(dir, "xact.csv"), { utcOffset: "+08:00" }),
    ),
    records: xact.truth.records,
  });
  results.push(...tag("readers", readerRows));
}

for (const [g, run] of [
  ["qa", runQaBench],
  ["vehicles", runVehicleBench],
  ["directional", runDirectionalBench],
  ["polarplot-gam", runPolarPlotGamBench],
  ["smoothtrend", runSmoothTrendBench],
  ["voc", runVocBench],
  ["ozone-aqi", runOzoneAqiBench],
  ["energy", runEnergyBench],
  ["large", runLargeBench],
  ["network", runNetworkBench],
  ["network-summarise", runNetworkSummariseBench],
  ["mechanism", runMechanismBench],
  ["photochem-integrate", runPhotochemIntegrateBench],
  ["obm", runObmBench],
  ["trajcluster", runTrajClusterBench],
  ["pmf-joint", runPmfJointBench],
  // pmf-disp: full DISP of Baton Rouge, exhaustive vs fast, target ≤ 5 s; 100 bootstrap + BS-DISP on 20, ≤ 30 s (bench/pmf-disp.mjs)
  ["pmf-disp", runPmfDispBench],
]) {
  // directional: 10 years hourly, target < 2 s each; large: 876,000-row table (bench/large.mjs);
  // network: CNEMC year of 1,700 stations → Parquet with DuckDB, target ≤ 120 s, ≤ 2 GB (bench/network.mjs)
  // photochem-integrate: CB6r5 OBM-like 3 d spin-up + 24 h, target ≤ 2 s, beside scipy BDF (bench/photochem-integrate.mjs)
  // pmf-joint: runJointPmf of 2 × 365 × 22, k = 7, against the two separate fits, target ratio ≤ 2 (bench/pmf-joint.mjs)
  // obm: runObm on CB6r5, Xi'an July-like, 3 d spin-up + 24 h, target ≤ 2 s; EKMA 10 × 10 on 2 workers, target ≤ 60 s (bench/obm.mjs)
  if (want(g)) results.push(...tag(g, await run()));
}
// Station forecasts (bench/forecast.mjs): six methods, leads 1–3, rolling origin over year 3; target ≤ 30 s
if (want("forecast")) {
  const { rows, skill } = await runForecastBench();
  results.push(
    ...tag(
      "forecast",
      rows.map((r) => ({ ...r, median_ms: r.ms })),
    ),
    ...tag("forecast-skill", skill),
  );
}
// Same-day hourly Ox forecast (bench/hourly-ox.mjs): four methods, issued 06 and 09 h, rolling over year 3
if (want("cutdata")) {
  const rows = await runCutdataBench();
  results.push(
    ...tag(
      "cutdata",
      rows.map((r) => ({ ...r, median_ms: r.ms })),
    ),
  );
}
if (want("hourly-ox")) {
  const { rows, skill } = await runHourlyOxBench();
  results.push(
    ...tag(
      "hourly-ox",
      rows.map((r) => ({ ...r, median_ms: r.ms })),
    ),
    ...tag(
      "hourly-ox-skill",
      skill.map((r) => ({ name: `${r.method}, issued ${r.issueHour}:00`, ...r, rmse: r.dailyMaxRmse })),
    ),
  );
}
for (const r of results) if (r.cells && r.median_ms) r.cells_per_s = Math.round(r.cells / (r.median_ms / 1000));
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
for (const r of results)
  console.log(
    `[${r.group}] ${r.name}: ${r.skipped ? `skipped (${r.skipped})` : r.median_ms === undefined ? JSON.stringify({ rmse: r.rmse, MSESS: r.MSESS, coverage80: r.coverage80 }) : `median ${r.median_ms} ms`}${r.cells_per_s ? ` (${(r.cells_per_s / 1e6).toFixed(2)} M cells/s)` : ""}${r.maxrss_mb ? `, peak RSS ${r.maxrss_mb} MB` : ""}`,
  );

// Trajectories: PSCF on 3 years of 72-h back trajectories every 3 h (bench/trajectory.mjs)
let trajectoryResults;
if (want("trajectory")) {
  trajectoryResults = await runTrajectoryBench();
  for (const r of trajectoryResults) console.log(`${r.name}: ${r.ms} ms`);
}

// PMF base runs against the numpy reference (bench/pmf.mjs; several minutes). AOZORA_BENCH_PMF=0 skips it.
let pmfResults;
if (want("pmf")) {
  pmfResults = await runPmfBench();
  console.log("\nPMF: 20 base runs, aozora runPmf vs numpy/OpenBLAS multiplicative updates (bench/README.md)");
  console.log(formatPmfTable(pmfResults));
}

// One results file: groups not re-run keep their rows from the previous file (with their own date)
const path = new URL("./results.json", import.meta.url);
const prev = only && existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {};
const prevRows = (prev.results ?? []).filter((r) => r.group && !selected.includes(r.group));
const machine = {
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memory_gb: +(totalmem() / 2 ** 30).toFixed(1),
  platform: `${process.platform}-${process.arch}`,
};
const groupsRun = Object.fromEntries(
  selected.map((g) => [
    g,
    {
      date: new Date().toISOString(),
      load_avg_start: loadStart,
      load_avg_end: loadavg().map((x) => +x.toFixed(2)),
      ...machine,
    },
  ]),
);
const out = {
  version: pkg.version,
  date: new Date().toISOString(),
  ...machine,
  groups: { ...(prev.groups ?? {}), ...groupsRun },
  results: [...prevRows, ...results],
  ...(trajectoryResults ? { trajectory: trajectoryResults } : prev.trajectory ? { trajectory: prev.trajectory } : {}),
  ...(pmfResults ? { pmf: pmfResults } : prev.pmf ? { pmf: prev.pmf } : {}),
};
writeFileSync(path, JSON.stringify(out, null, 1) + "\n");
console.log(`bench/results.json: groups ${selected.join(", ")} (load average ${loadStart.join(" ")} at start)`);
