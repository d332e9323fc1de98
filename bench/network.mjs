// A whole national network on DuckDB (issue #17 item 4): `ingestCnemcArchive` on one simulated
// year of CNEMC daily files for 1,700 stations (365 china_sites files, 15 types, ≈ 223 M values),
// generated once (seeded, `writeCnemcArchive` streaming one day at a time, keepTruth false) into
// the temp dir — never committed, not timed. The ingest runs in a fresh child process: wall, CPU
// (user + system of every thread, DuckDB's included) and peak RSS (`process.resourceUsage().maxRSS`)
// of that process alone. Targets: ingest ≤ 120 s and ≤ 2 GB peak RSS on the 2-core machine;
// writing the simulated year ≤ 60 s.
//
//   node bench/network.mjs                                   the benchmark (needs dist/: bash scripts/build.sh)
//   node bench/network.mjs --write-years N [--dir D] [--stations S] [--out DATASET]
//                                                            write N simulated years (2015-01-01 on) into D
//                                                            (default $TMPDIR/aozora-bench/cnemc-<S>x<N>y),
//                                                            and with --out also ingest them into DATASET
// From another bench module: `import { writeCnemcYears, prepareNetworkDataset } from "./network.mjs"`.
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const self = fileURLToPath(import.meta.url);
const a = () => require("../dist/index.js");

const load = () => loadavg().map((x) => +x.toFixed(2));
const cpuMs = (c) => Math.round((c.user + c.system) / 1000);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Days from `YYYY-01-01` of `first` through the end of year `first + years − 1`. */
function daysOf(first, years) {
  return Math.round((Date.UTC(first + years, 0, 1) - Date.UTC(first, 0, 1)) / 86400000);
}

/**
 * Write `years` simulated calendar years of CNEMC daily files (from `firstYear`-01-01) for
 * `stations` stations into `dir`, seeded; skipped when the folder already holds them (a marker file
 * records the options). Streams one day at a time: memory does not grow with the years.
 * @returns { dir, files, days, ms } (ms = 0 when the files were already there)
 */
export function writeCnemcYears({ years = 1, stations = 1700, seed = 17, firstYear = 2015, dir } = {}) {
  const d = dir ?? join(tmpdir(), "aozora-bench", `cnemc-${stations}x${years}y`);
  const days = daysOf(firstYear, years);
  const marker = join(d, "bench-options.json");
  const want = JSON.stringify({ years, stations, seed, firstYear, days, version: a().VERSION });
  const files = () =>
    readdirSync(d)
      .filter((f) => /^china_sites_\d{8}\.csv$/.test(f))
      .sort()
      .map((f) => join(d, f));
  if (existsSync(marker) && readFileSync(marker, "utf8") === want && !process.env.AOZORA_BENCH_REGEN)
    return { dir: d, files: files(), days, ms: 0 };
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  const t0 = performance.now();
  a().writeCnemcArchive(d, { seed, stations, days, start: `${firstYear}-01-01`, keepTruth: false });
  const ms = Math.round(performance.now() - t0);
  writeFileSync(marker, want);
  return { dir: d, files: files(), days, ms };
}

/**
 * The simulated archive (see {@link writeCnemcYears}) and its ingested dataset (`out`, default
 * `<dir>-dataset`), each made only when missing. For benchmarks that start from the dataset
 * (`network summarise`).
 * @returns { dir, out, files, account } (account undefined when the dataset was already there)
 */
export async function prepareNetworkDataset(opts = {}) {
  const arch = writeCnemcYears(opts);
  const out = opts.out ?? `${arch.dir}-dataset`;
  const done = join(out, "bench-ingested.json");
  if (existsSync(done) && readFileSync(done, "utf8") === readFileSync(join(arch.dir, "bench-options.json"), "utf8"))
    return { dir: arch.dir, out, files: arch.files };
  rmSync(out, { recursive: true, force: true });
  const account = await a().ingestCnemcArchive({ dir: arch.dir, out });
  writeFileSync(done, readFileSync(join(arch.dir, "bench-options.json"), "utf8"));
  return { dir: arch.dir, out, files: arch.files, account };
}

/** Child: ingest `dir` into `out`, print one JSON line. */
async function child(dir, out) {
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  const acc = await a().ingestCnemcArchive({ dir, out });
  const ms = Math.round(performance.now() - t0);
  const bytes = acc.parts.reduce((s, p) => s + statSync(p.file).size, 0);
  console.log(
    JSON.stringify({
      ms,
      cpu_ms: cpuMs(process.cpuUsage(c0)),
      maxrss_mb: rssMb(),
      files: acc.files,
      input_rows: acc.inputRows,
      rows: acc.rows,
      stations: acc.stations,
      phases: acc.phases,
      dataset_mb: +(bytes / 2 ** 20).toFixed(1),
      load: load(),
    }),
  );
}

function runChild(args) {
  const res = spawnSync(process.execPath, [self, ...args], {
    env: { ...process.env, AOZORA_NETWORK_CHILD: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`bench child ${args.join(" ")} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop());
}

/** Run the network benchmark; returns result rows (bench/run.mjs group `network`). */
export async function runNetworkBench({ stations = 1700 } = {}) {
  const gl = load();
  const gen = writeCnemcYears({ years: 1, stations, firstYear: 2025 });
  const csvMb = +(gen.files.reduce((s, f) => s + statSync(f).size, 0) / 2 ** 20).toFixed(1);
  const rows = [];
  if (gen.ms > 0)
    rows.push({
      name: `writeCnemcArchive: ${stations} stations × ${gen.days} days (sites + cities files, keepTruth false)`,
      median_ms: gen.ms,
      target_ms: 60000,
      files: gen.files.length * 2,
      csv_mb: csvMb,
      load: gl,
    });
  const out = join(tmpdir(), "aozora-bench", `cnemc-${stations}x1y-ingest`);
  const r = runChild(["--child", gen.dir, out]);
  const values = r.input_rows * stations;
  rows.push({
    name: `ingestCnemcArchive: ${r.files} daily files × ${stations} stations × 15 types → Parquet (DuckDB, 2 threads, 1 GB limit)`,
    median_ms: r.ms,
    cpu_ms: r.cpu_ms,
    maxrss_mb: r.maxrss_mb,
    target_ms: 120000,
    target_rss_mb: 2048,
    read_ms: r.phases.readMs,
    write_ms: r.phases.writeMs,
    csv_mb: csvMb,
    dataset_mb: r.dataset_mb,
    values,
    rows: r.rows,
    rows_per_s: Math.round(r.rows / (r.ms / 1000)),
    values_per_s: Math.round(values / (r.ms / 1000)),
    load: r.load,
  });
  rmSync(out, { recursive: true, force: true });
  return rows;
}

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
if (process.argv[1] === self) {
  if (process.env.AOZORA_NETWORK_CHILD === "1" && process.argv[2] === "--child")
    await child(process.argv[3], process.argv[4]);
  else if (arg("--write-years") !== undefined) {
    const years = Number(arg("--write-years"));
    const stations = Number(arg("--stations") ?? 1700);
    if (!Number.isInteger(years) || years < 1) throw new Error("--write-years needs a count of years ≥ 1");
    const opts = { years, stations, ...(arg("--dir") ? { dir: arg("--dir") } : {}) };
    if (arg("--out") !== undefined) {
      const r = await prepareNetworkDataset({ ...opts, out: arg("--out") });
      console.log(JSON.stringify({ dir: r.dir, out: r.out, files: r.files.length, rows: r.account?.rows }));
    } else {
      const r = writeCnemcYears(opts);
      console.log(JSON.stringify({ dir: r.dir, files: r.files.length, days: r.days, ms: r.ms }));
    }
  } else {
    const rows = await runNetworkBench();
    for (const r of rows) console.log(JSON.stringify(r));
  }
}
