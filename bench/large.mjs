// Large tables (issue #9 "Speed and memory"): a 10-station × 10-year hourly table (876,000 rows ×
// 12 columns, CSV ≈ 90 MB, generated into the temp dir by bench/large-data.mjs, never committed).
// Targets: read + validate < 10 s with peak RSS < 2 GB; daily/monthly capture averaging (and AQI
// when the build has it) < 5 s; streaming aggregation in bounded memory; Arrow/Parquet I/O; the
// same file through pandas.read_csv when Python has pandas: three aozora reads and three pandas
// reads alternating in fresh processes (A P, P A, A P), medians and their ratio reported.
// Every case that measures memory runs in a fresh child process (peak RSS of that process alone).
// Called by bench/run.mjs; also runs alone: `node bench/large.mjs`. Needs `npm run build` first.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLargeCsv } from "./large-data.mjs";
const require = createRequire(import.meta.url);
const self = fileURLToPath(import.meta.url);

const load = () => loadavg().map((x) => +x.toFixed(2));
const cpuMs = (c) => Math.round((c.user + c.system) / 1000);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * Daily AQI (HJ 633, China default) for every station of the table: per station, its rows →
 * hourlyPollutantsFromTable → dailyAqi. Skipped, with the reason, on builds without dailyAqi.
 */
function aqiCase(a, table) {
  if (typeof a.dailyAqi !== "function" || typeof a.hourlyPollutantsFromTable !== "function")
    return { skipped: "dailyAqi is not in this build (hook: aqiCase in bench/large.mjs)" };
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  const st = table.strings("station");
  const groups = new Map();
  for (let i = 0; i < st.length; i++) (groups.get(st[i]) ?? groups.set(st[i], []).get(st[i])).push(i);
  let days = 0;
  for (const rows of groups.values()) {
    const { input } = a.hourlyPollutantsFromTable(table.take(rows).select(table.names.filter((n) => n !== "station")));
    days += a.dailyAqi(input).days.length;
  }
  return { ms: Math.round(performance.now() - t0), cpu_ms: cpuMs(process.cpuUsage(c0)), station_days: days };
}

/** Child-process cases: print one JSON line. */
async function child(mode, file, extra) {
  const a = require("../dist/index.js");
  const opts = { utcOffset: "+08:00", station: "station" };
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  const out = { mode };
  if (mode === "read-only") {
    // the read alone, for the runs paired with pandas
    const r = a.readMonitoringTable(file, opts);
    out.ms = Math.round(performance.now() - t0);
    out.cpu_ms = cpuMs(process.cpuUsage(c0));
    out.rows = r.table.numRows;
    out.missing_cells = r.account.cellChanges.length;
    out.maxrss_mb = rssMb();
  } else if (mode === "read") {
    const r = a.readMonitoringTable(file, opts);
    out.ms = Math.round(performance.now() - t0);
    out.cpu_ms = cpuMs(process.cpuUsage(c0));
    out.rows = r.table.numRows;
    out.columns = r.table.names.length;
    out.missing_cells = r.account.cellChanges.length;
    out.maxrss_mb = rssMb();
    for (const period of ["day", "month"]) {
      const t1 = performance.now(),
        c1 = process.cpuUsage();
      const avg = a.averageByStation(r.table, { station: "station", period, minCapture: 0.75 });
      out[`average_${period}`] = {
        ms: Math.round(performance.now() - t1),
        cpu_ms: cpuMs(process.cpuUsage(c1)),
        rows: avg.table.numRows,
      };
    }
    out.aqi = aqiCase(a, r.table);
    // columnar formats of the same table
    const dir = extra;
    let t1 = performance.now();
    a.writeArrow(r.table, join(dir, "large.arrow"));
    out.arrow_write_ms = Math.round(performance.now() - t1);
    out.arrow_mb = +(statSync(join(dir, "large.arrow")).size / 2 ** 20).toFixed(1);
    t1 = performance.now();
    const back = a.readArrow(join(dir, "large.arrow"));
    out.arrow_read_ms = Math.round(performance.now() - t1);
    if (back.numRows !== r.table.numRows) throw new Error("arrow round trip lost rows");
    t1 = performance.now();
    await a.writeParquet(r.table, join(dir, "large.parquet"));
    out.parquet_write_ms = Math.round(performance.now() - t1);
    out.parquet_mb = +(statSync(join(dir, "large.parquet")).size / 2 ** 20).toFixed(1);
    t1 = performance.now();
    const pq = await a.readParquet(join(dir, "large.parquet"));
    out.parquet_read_ms = Math.round(performance.now() - t1);
    if (pq.numRows !== r.table.numRows) throw new Error("parquet round trip lost rows");
    out.maxrss_after_all_mb = rssMb();
  } else if (mode === "read-grid" || mode === "read-duckdb") {
    // the same read by the grid reader (every cell as text first: the reader before the byte
    // reader) or through DuckDB; nothing else in this process
    const r =
      mode === "read-grid"
        ? a.readMonitoringTable(file, { ...opts, engine: "grid" })
        : await a.readMonitoringTable(file, { ...opts, engine: "duckdb" });
    out.ms = Math.round(performance.now() - t0);
    out.cpu_ms = cpuMs(process.cpuUsage(c0));
    out.rows = r.table.numRows;
    out.missing_cells = r.account.cellChanges.length;
    out.engine = r.engine?.used ?? "grid";
    out.maxrss_mb = rssMb();
  } else if (mode === "duckdb-query" || mode === "duckdb-query-js") {
    // one DuckDB result of 876,000 rows × 12 columns into JS: openDuckDb().query (chunk by chunk
    // into typed arrays) or, for comparison, node-api's getColumnsJS (a JS value per cell)
    const sql = `SELECT * FROM read_csv('${file}', header = true, nullstr = ['', 'NA', '-999'], timestampformat = '%Y-%m-%d %H:%M:%S')`;
    let rows;
    if (mode === "duckdb-query") {
      const db = await a.openDuckDb();
      rows = (await db.query(sql)).numRows;
      db.close();
    } else {
      const api = require("@duckdb/node-api");
      const inst = await api.DuckDBInstance.create(":memory:");
      const conn = await inst.connect();
      const reader = await conn.runAndReadAll(sql);
      rows = reader.getColumnsJS()[0].length;
      conn.closeSync();
      inst.closeSync();
    }
    out.ms = Math.round(performance.now() - t0);
    out.cpu_ms = cpuMs(process.cpuUsage(c0));
    out.rows = rows;
    out.maxrss_mb = rssMb();
  } else if (mode === "stream") {
    const r = await a.streamAggregate(file, {
      ...opts,
      groupBy: "station",
      period: "day",
      minCapture: 0.75,
      chunkBytes: Number(extra),
    });
    out.ms = Math.round(performance.now() - t0);
    out.cpu_ms = cpuMs(process.cpuUsage(c0));
    out.rows_in = r.account.inputRows;
    out.rows_out = r.table.numRows;
    out.chunks = r.account.chunks;
    out.maxrss_mb = rssMb();
  } else if (mode === "parquet-batches") {
    let rows = 0,
      batches = 0;
    for await (const b of a.readParquetBatches(file)) {
      rows += b.numRows;
      batches++;
    }
    out.ms = Math.round(performance.now() - t0);
    out.rows = rows;
    out.batches = batches;
    out.maxrss_mb = rssMb();
  }
  out.load = load();
  console.log(JSON.stringify(out));
}

function runChild(args, nodeFlags = []) {
  const res = spawnSync(process.execPath, [...nodeFlags, self, ...args], {
    env: { ...process.env, AOZORA_LARGE_CHILD: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop());
}

/** Run the large-table benchmark; returns result rows. */
export async function runLargeBench() {
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, "large-876k.csv");
  const g0 = performance.now();
  writeLargeCsv(csv);
  const csvMb = +(statSync(csv).size / 2 ** 20).toFixed(1);
  console.error(`large.csv: ${csvMb} MiB (${Math.round(performance.now() - g0)} ms to make or find)`);
  const rows = [];
  // side by side: three aozora reads and three pandas reads, alternating (A P, P A, A P) so that a
  // change of load hits both; medians and the ratio of the medians are reported
  const py = process.env.AOZORA_PYTHON ?? "/usr/bin/python3";
  const pandasScript = join(fileURLToPath(new URL(".", import.meta.url)), "reference", "pandas_read.py");
  const pandasRun = () => {
    const pr = spawnSync(py, [pandasScript, csv], { encoding: "utf8" });
    if (pr.status !== 0)
      return {
        skipped: pr.status === 3 ? "pandas not installed" : `python failed: ${pr.stderr?.slice(0, 200) || pr.error}`,
      };
    return { ...JSON.parse(pr.stdout.trim()), load: load() };
  };
  const pairs = [];
  for (let k = 0; k < 3; k++) {
    const first = k === 1 ? "pandas" : "aozora";
    const x = first === "aozora" ? runChild(["read-only", csv, ""]) : pandasRun();
    const y = first === "aozora" ? pandasRun() : runChild(["read-only", csv, ""]);
    pairs.push(first === "aozora" ? { aozora: x, pandas: y } : { aozora: y, pandas: x });
  }
  const median = (xs) => [...xs].sort((u, v) => u - v)[Math.floor(xs.length / 2)];
  const ours = pairs.map((p) => p.aozora);
  const read = runChild(["read", csv, dir]);
  const grid = runChild(["read-grid", csv, ""]);
  const duck = runChild(["read-duckdb", csv, ""]);
  rows.push({
    name: "readMonitoringTable (default engine js: the byte reader): 876,000 rows × 12 columns, 10 stations (CSV)",
    // median of the three runs paired with pandas (each a fresh process)
    median_ms: median(ours.map((o) => o.ms)),
    cpu_ms: median(ours.map((o) => o.cpu_ms)),
    maxrss_mb: Math.max(...ours.map((o) => o.maxrss_mb)),
    runs_ms: ours.map((o) => o.ms),
    runs_cpu_ms: ours.map((o) => o.cpu_ms),
    runs_load: ours.map((o) => o.load[0]),
    // the read at the start of the child that then averages and writes Arrow/Parquet
    full_child_read_ms: read.ms,
    full_child_read_cpu_ms: read.cpu_ms,
    target_ms: 10000,
    target_rss_mb: 1024,
    target: "wall time ≤ pandas read_csv (ratio_aozora_to_pandas ≤ 1) and peak RSS ≤ 1 GB (issue #17)",
    csv_mb: csvMb,
    rows: read.rows,
    missing_cells: read.missing_cells,
    cells: read.rows * 12,
    load: ours[0].load,
  });
  rows.push({
    name: 'readMonitoringTable engine "grid" (every cell as text first; the reader before the byte reader): same CSV',
    median_ms: grid.ms,
    cpu_ms: grid.cpu_ms,
    maxrss_mb: grid.maxrss_mb,
    missing_cells: grid.missing_cells,
    load: grid.load,
  });
  rows.push({
    name: 'readMonitoringTable engine "duckdb" (DuckDB read_csv as text + TRY_CAST, plain-number check): same CSV',
    median_ms: duck.ms,
    cpu_ms: duck.cpu_ms,
    maxrss_mb: duck.maxrss_mb,
    missing_cells: duck.missing_cells,
    engine: duck.engine,
    load: duck.load,
  });
  for (const mode of ["duckdb-query", "duckdb-query-js"]) {
    const q = runChild([mode, csv, ""]);
    rows.push({
      name:
        mode === "duckdb-query"
          ? "openDuckDb().query: typed read_csv of the same CSV, result chunk by chunk into typed arrays"
          : "same query through node-api getColumnsJS (a JS value per cell; the earlier query)",
      median_ms: q.ms,
      cpu_ms: q.cpu_ms,
      maxrss_mb: q.maxrss_mb,
      rows: q.rows,
      load: q.load,
    });
  }
  for (const p of ["day", "month"]) {
    const r = read[`average_${p}`];
    rows.push({
      name: `averageByStation ${p === "day" ? "daily" : "monthly"}, 75 % capture: 876,000 rows × 10 columns`,
      median_ms: r.ms,
      cpu_ms: r.cpu_ms,
      target_ms: 5000,
      rows_out: r.rows,
      load: read.load,
    });
  }
  rows.push({
    name: "dailyAqi (HJ 633-2026) per station over the 876,000-row table",
    ...(read.aqi.skipped
      ? { skipped: read.aqi.skipped }
      : { median_ms: read.aqi.ms, cpu_ms: read.aqi.cpu_ms, target_ms: 5000, station_days: read.aqi.station_days }),
    load: read.load,
  });
  rows.push({
    name: "writeArrow / readArrow (IPC file): same table",
    write_ms: read.arrow_write_ms,
    read_ms: read.arrow_read_ms,
    median_ms: read.arrow_read_ms,
    file_mb: read.arrow_mb,
    load: read.load,
  });
  rows.push({
    name: "writeParquet / readParquet (snappy): same table",
    write_ms: read.parquet_write_ms,
    read_ms: read.parquet_read_ms,
    median_ms: read.parquet_read_ms,
    file_mb: read.parquet_mb,
    maxrss_after_all_mb: read.maxrss_after_all_mb,
    load: read.load,
  });
  const pqb = runChild(["parquet-batches", join(dir, "large.parquet"), ""]);
  rows.push({
    name: "readParquetBatches: same table, one 100,000-row group at a time",
    median_ms: pqb.ms,
    batches: pqb.batches,
    maxrss_mb: pqb.maxrss_mb,
    load: pqb.load,
  });
  for (const [mb, flags] of [
    [16, []],
    [4, ["--max-old-space-size=128"]],
  ]) {
    const s = runChild(["stream", csv, String(mb << 20)], flags);
    rows.push({
      name: `streamAggregate daily per station, ${mb} MiB chunks${flags.length ? ", V8 heap capped at 128 MB" : ""}: same CSV`,
      median_ms: s.ms,
      cpu_ms: s.cpu_ms,
      maxrss_mb: s.maxrss_mb,
      chunks: s.chunks,
      rows_in: s.rows_in,
      rows_out: s.rows_out,
      node_flags: flags.join(" "),
      load: s.load,
    });
  }
  // pandas on the same file (the runs paired with aozora's above), if installed
  const theirs = pairs.map((p) => p.pandas);
  if (theirs.every((p) => p.skipped === undefined)) {
    const p = theirs[0];
    const ms = median(theirs.map((t) => t.read_ms)),
      cpu = median(theirs.map((t) => t.read_cpu_ms)),
      ourMs = median(ours.map((o) => o.ms)),
      ourCpu = median(ours.map((o) => o.cpu_ms));
    rows.push({
      name: `pandas ${p.pandas} read_csv (+ to_datetime, tz) on the same CSV`,
      median_ms: ms,
      cpu_ms: cpu,
      read_validate_ms: median(theirs.map((t) => t.read_validate_ms)),
      maxrss_mb: Math.max(...theirs.map((t) => t.maxrss_mb)),
      missing_cells: p.missing_cells,
      runs_ms: theirs.map((t) => t.read_ms),
      runs_cpu_ms: theirs.map((t) => t.read_cpu_ms),
      runs_load: theirs.map((t) => t.load[0]),
      load: p.load,
      // wall-time ratio (meaningful on a quiet machine) and CPU-time ratio (aozora's includes V8's GC threads),
      // of the medians of the paired runs; per pair in pair_ratios
      ratio_aozora_to_pandas: +(ourMs / ms).toFixed(2),
      ratio_cpu_aozora_to_pandas: +(ourCpu / cpu).toFixed(2),
      pair_ratios: pairs.map((q) => +(q.aozora.ms / q.pandas.read_ms).toFixed(2)),
      pair_cpu_ratios: pairs.map((q) => +(q.aozora.cpu_ms / q.pandas.read_cpu_ms).toFixed(2)),
      ratio_vs_read_validate: +(ourMs / median(theirs.map((t) => t.read_validate_ms))).toFixed(2),
      ratio_grid_to_pandas: +(grid.ms / ms).toFixed(2),
      ratio_duckdb_to_pandas: +(duck.ms / ms).toFixed(2),
    });
  } else {
    rows.push({ name: "pandas read_csv on the same CSV", skipped: theirs.find((t) => t.skipped)?.skipped });
  }
  for (const f of ["large.arrow", "large.parquet"]) rmSync(join(dir, f), { force: true });
  return rows;
}

if (process.env.AOZORA_LARGE_CHILD === "1") {
  await child(process.argv[2], process.argv[3], process.argv[4]);
} else if (process.argv[1] === self) {
  const rows = await runLargeBench();
  for (const r of rows) console.log(JSON.stringify(r));
}
