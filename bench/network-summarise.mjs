// Network summary (issue #17 item 4, benchmark "summarise on 10 simulated years ≤ 60 s on 2 cores,
// memory flat in the number of years"): `summariseNetwork` on a simulated national dataset of
// 1,700 stations × 1, 3 and 10 local years (hive `year=YYYY/*.parquet`, the ingest schema), each
// case in a fresh child process: wall time, CPU time (all threads: DuckDB's and V8's) and peak RSS.
// The dataset is generated once per seed into the temp dir by DuckDB SQL (outside the timed part;
// never committed). Called by bench/run.mjs (group `network`); also runs alone:
//   node bench/network-summarise.mjs [--years 1,3,10] [--stations 1700]
// Needs `bash scripts/build.sh` first (loads dist/).
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { tmpdir, loadavg, availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const self = fileURLToPath(import.meta.url);

const load = () => loadavg().map((x) => +x.toFixed(2));
const cpuMs = (c) => Math.round((c.user + c.system) / 1000);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Target of issue #17: 10 years in ≤ 60 s on the 2-core machine. */
export const NETWORK_SUMMARY_TARGET_S = 60;

/** The columns this generator writes, with their units from the library's cited CNEMC table. */
const COLUMNS = ["AQI", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3"];

/**
 * Write a simulated national dataset in the ingest schema (station VARCHAR, time TIMESTAMPTZ =
 * UTC start of the hour, one DOUBLE per type, key-value metadata aozora.units / aozora.offset):
 * `stations` stations (codes 1001A, …) × the local years `firstYear … firstYear + years − 1`, one
 * partition per year, rows sorted by station then time (as `aozora network ingest` writes them), values from DuckDB's hash of (seed, station, hour) — a seasonal and diurnal
 * cycle plus noise per pollutant, 2 % of station-hours empty. Deterministic for a seed.
 */
export async function writeNetworkDataset(dir, { stations = 1700, years = 10, firstYear = 2015, seed = 17 } = {}) {
  const a = require("../dist/index.js");
  const db = await a.openDuckDb(":memory:", { threads: "2" });
  try {
    await db.query("SET TimeZone = 'UTC'");
    const units = Object.fromEntries(COLUMNS.map((c) => [c, a.CNEMC_UNITS[c]]));
    const kv = `{'aozora.units': '${JSON.stringify(units)}', 'aozora.offset': '+08:00'}`;
    for (let y = firstYear; y < firstYear + years; y++) {
      const part = join(dir, `year=${y}`);
      if (existsSync(join(part, "data_0.parquet"))) continue;
      mkdirSync(part, { recursive: true });
      const t0 = Date.UTC(y, 0, 1) - 8 * 3600e3;
      const hours = Math.round((Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 3600e3);
      // u(k): uniform [0, 1) from the hash of (seed, station, hour, k)
      const u = (k) => `(hash(${seed}, s, h, ${k}) % 1000003) / 1000003.0`;
      const miss = `${u(0)} < 0.02`;
      const season = `cos(2 * pi() * ((h / 24.0) + ${Math.round((t0 - Date.UTC(y, 0, 1)) / 864e5)}) / 365.25)`;
      const diurnal = `sin(2 * pi() * ((h + 8) % 24 - 9) / 24.0)`;
      const col = (name, expr) =>
        `CASE WHEN ${miss} THEN NULL ELSE round(greatest(${expr}, 0), ${name === "CO" ? 1 : 0}) END AS "${name}"`;
      const sql = `COPY (
        SELECT printf('%dA', 1001 + s) AS station,
          to_timestamp(${t0 / 1000} + h * 3600) AS time,
          ${col("PM2.5", `(40 + 25 * ${season}) * (0.4 + 1.2 * ${u(1)}) * (1 + (s % 7) / 10.0)`)},
          ${col("PM10", `(70 + 35 * ${season}) * (0.4 + 1.2 * ${u(2)})`)},
          ${col("SO2", `(10 + 8 * ${season}) * (0.3 + 1.4 * ${u(3)})`)},
          ${col("NO2", `(32 + 10 * ${season}) * (0.4 + 1.2 * ${u(4)}) * (1 - 0.3 * ${diurnal})`)},
          ${col("CO", `(0.8 + 0.4 * ${season}) * (0.5 + ${u(5)})`)},
          ${col("O3", `(70 - 30 * ${season}) * (1 + 0.8 * ${diurnal}) * (0.6 + 0.8 * ${u(6)})`)},
          CAST(NULL AS DOUBLE) AS "AQI"
        FROM range(${stations}) a(s), range(${hours}) b(h)
        ORDER BY s, h
      ) TO '${join(part, "data_0.parquet")}' (FORMAT parquet, KV_METADATA ${kv})`;
      await db.query(sql);
    }
  } finally {
    db.close();
  }
  return dir;
}

/** Child: summarise the first `n` years of the dataset, print one JSON line. */
async function child(dir, n) {
  const a = require("../dist/index.js");
  const years = readdirSync(dir)
    .map((f) => /^year=(\d{4})$/.exec(f))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort()
    .slice(0, n);
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  let rows = 0,
    aqiDays = 0;
  // the main thread's heap (used, sampled every 100 ms): with keepRows false it should not grow with the years
  let heapPeak = 0;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 100);
  const s = await a.summariseNetwork(dir, {
    years,
    keepRows: false,
    onRow: (r) => {
      rows++;
      aqiDays += r.aqi["cn-2026"].days;
    },
    // default workers: one per core (2 here), each with a one-thread DuckDB; every year split into
    // one station range per worker (so 1 year uses both cores too)
  });
  clearInterval(sampler);
  const out = {
    years: n,
    ms: Math.round(performance.now() - t0),
    cpu_ms: cpuMs(process.cpuUsage(c0)),
    maxrss_mb: rssMb(),
    main_heap_peak_mb: Math.round(heapPeak / 2 ** 20),
    station_years: rows,
    cores: availableParallelism(),
    aqi_days: aqiDays,
    rows_read: s.account.rows,
    trends: s.trends.length,
  };
  console.log(JSON.stringify(out));
}

/** Run the 1/3/10-year cases (each in a fresh process) on a generated dataset; rows for results.json. */
export async function runNetworkSummariseBench({ yearsList = [1, 3, 10], stations = 1700 } = {}) {
  const max = Math.max(...yearsList);
  const dir = join(tmpdir(), "aozora-bench", `network-${stations}x${max}-seed17-sorted`);
  const g0 = performance.now();
  await writeNetworkDataset(dir, { stations, years: max });
  const genMs = Math.round(performance.now() - g0);
  const bytes = readdirSync(dir)
    .filter((f) => f.startsWith("year="))
    .reduce((s, f) => s + statSync(join(dir, f, "data_0.parquet")).size, 0);
  const rows = [];
  for (const n of yearsList) {
    const l = load();
    const r = spawnSync(process.execPath, [self, "--child", dir, String(n)], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`network summarise child (${n} years) failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split("\n").pop());
    rows.push({
      name: `summariseNetwork ${stations} stations × ${n} years`,
      ...out,
      target_s: n === 10 ? NETWORK_SUMMARY_TARGET_S : undefined,
      generate_ms: genMs,
      dataset_mb: Math.round(bytes / 2 ** 20),
      load: l,
      load_end: load(),
    });
    console.error(
      `summariseNetwork ${stations} × ${n} y: ${(out.ms / 1000).toFixed(1)} s wall, ${(out.cpu_ms / 1000).toFixed(1)} s CPU, peak RSS ${out.maxrss_mb} MB, main heap peak ${out.main_heap_peak_mb} MB (load ${l.join(" ")} → ${load().join(" ")})`,
    );
  }
  return rows;
}

if (process.argv[1] === self) {
  if (process.argv[2] === "--child") await child(process.argv[3], Number(process.argv[4]));
  else {
    const yi = process.argv.indexOf("--years"),
      si = process.argv.indexOf("--stations");
    const yearsList = yi > 0 ? process.argv[yi + 1].split(",").map(Number) : undefined;
    const stations = si > 0 ? Number(process.argv[si + 1]) : undefined;
    console.log(JSON.stringify(await runNetworkSummariseBench({ yearsList, stations }), null, 1));
  }
}
