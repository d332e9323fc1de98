// trajCluster benchmark (issue #18, Benchmarks): 8,760 simulated 72-h back trajectories (one year,
// hourly arrivals; the project's simulator, seed 18) into 6 clusters; target ≤ 10 s. openair's
// trajCluster on the same trajectories is timed in the same run (scripts/compare-openair/trajcluster.R,
// only the trajCluster call, after read.csv) when Rscript and openair are installed; the row says
// skipped otherwise. AOZORA_BENCH_TRAJCLUSTER_R=0 skips the R row (it takes minutes).
// Called by bench/run.mjs (group `trajcluster`); also runs alone: `node bench/trajcluster.mjs`.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openairAvailable } from "./openair-available.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

/** 8,760 hourly arrivals at Shanghai, 72-h back trajectories (73 endpoints each) as endpoint columns. */
export function yearOfTrajectories(arrivals = 8760) {
  const sim = a.simulateTrajectories({
    seed: 18,
    start: "2024-01-01T00:00",
    arrivals,
    everyHours: 1,
    site: { lat: 31.23, lon: 121.47 },
    source: { latMin: 33.5, latMax: 37.5, lonMin: 113.5, lonMax: 118.5 },
    species: [{ name: "Pb", unit: "ng/m3", background: 15, sigma: 0.5, perHour: 1.5 }],
  });
  const P = 73,
    n = sim.trajectories.length;
  const traj = new Float64Array(n * P),
    age = new Float64Array(n * P),
    lat = new Float64Array(n * P),
    lon = new Float64Array(n * P);
  sim.trajectories.forEach((t, i) => {
    for (let k = 0; k < P; k++) {
      traj[i * P + k] = i + 1;
      age[i * P + k] = -k;
      lat[i * P + k] = t.lat[k];
      lon[i * P + k] = t.lon[k];
    }
  });
  return { ep: { traj, age, lat, lon }, sim };
}

const cpuMs = (c) => +((c.user + c.system) / 1000).toFixed(0);

async function timed(name, fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = await fn();
  const ms = +(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0);
  return { name, ms, main_thread_cpu_ms: cpuMs(process.cpuUsage(c0)), load_avg: loadavg()[0].toFixed(2), out };
}

/** Run the benchmark: one timed run per configuration (each takes seconds). */
export async function runTrajClusterBench() {
  const { ep, sim } = yearOfTrajectories();
  const rows = [];
  for (const [label, opts, target] of [
    ["euclid (default), 6 clusters", { nCluster: 6 }, 10000],
    ["euclid (default), 6 clusters, 1 thread", { nCluster: 6, workers: 1 }, undefined],
    ["angle (default), 6 clusters", { nCluster: 6, method: "angle" }, undefined],
    ["euclid, openair: true, 6 clusters", { nCluster: 6, openair: true }, undefined],
  ]) {
    const { out, ...t } = await timed(`trajCluster ${label}: 8,760 × 72-h trajectories`, () => a.trajCluster(ep, opts));
    rows.push({
      ...t,
      median_ms: t.ms,
      trajectories: out.traj.length,
      swaps: out.swaps,
      distance_mb: +(out.distanceBytes / 1e6).toFixed(1),
      sizes: out.clusters.map((c) => c.n).join("/"),
      ...(target ? { target_ms: target, ok: t.ms <= target } : {}),
    });
  }
  const euclidMs = rows[0].ms,
    openairModeMs = rows[3].ms;
  if (process.env.AOZORA_BENCH_TRAJCLUSTER_R === "0")
    rows.push({ name: "openair trajCluster", skipped: "AOZORA_BENCH_TRAJCLUSTER_R=0" });
  else if (!openairAvailable()) rows.push({ name: "openair trajCluster", skipped: "Rscript or openair not installed" });
  else {
    const dir = join(tmpdir(), "aozora-bench");
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, "trajcluster-8760.csv");
    const lines = ["date,hour.inc,lat,lon"];
    sim.trajectories.forEach((t) => {
      const d = new Date(t.arrival).toISOString().slice(0, 19).replace("T", " ");
      for (let k = 0; k < 73; k++) lines.push(`${d},${-k},${t.lat[k]},${t.lon[k]}`);
    });
    writeFileSync(csv, lines.join("\n") + "\n");
    const out = execFileSync(
      "Rscript",
      [join(here, "../scripts/compare-openair/trajcluster.R"), "time", csv, "Euclid", "6"],
      {
        encoding: "utf8",
        env: { ...process.env, TZ: "UTC" },
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    const ms = Math.round(1000 * Number(out.trim()));
    rows.push({
      name: 'openair trajCluster(method = "Euclid", n.cluster = 6): same 8,760 trajectories',
      ms,
      median_ms: ms,
      ratio_openair_to_aozora: +(ms / euclidMs).toFixed(2),
      ratio_openair_to_aozora_openair_mode: +(ms / openairModeMs).toFixed(2),
      load_avg: loadavg()[0].toFixed(2),
    });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runTrajClusterBench()) console.log(JSON.stringify(r));
}
