// PMF speed benchmark: aozora's runPmf against a numpy/OpenBLAS multiplicative-update reference
// (bench/reference/mu_pmf.py, CONVENTIONS.md §1) on the same prepared matrices. Called by
// bench/run.mjs (`npm run bench`); also runs alone: `node bench/pmf.mjs [case ...]`.
//
// Cases: EPA PMF 5.0 example data Baton Rouge (307 × 41, k = 6) and St. Louis (418 × 13, k = 6),
// all species strong as in the CONVENTIONS reference Q values; and a simulated year of hourly
// XRF-like data (8,760 × 25, k = 8). Each solver runs in its own child process, one after the
// other (never side by side), so wall times do not compete for the 2 cores and each peak RSS
// belongs to one solver and one case.
//
// Error estimation case "bootstrap-baton-rouge" (issue: PMF error estimation): 100 bootstrap runs
// of Baton Rouge k = 6 on 2 workers against a 60 s target, and separately timed DISP of every
// profile element; `node bench/pmf.mjs bootstrap-baton-rouge` runs it alone. AOZORA_BENCH_DISP=0
// leaves DISP out.
//
// Kernels: each case runs aozora twice, with the JavaScript kernels (AOZORA_PMF_KERNELS=js) and
// with the WebAssembly SIMD kernels (=wasm, the default when built); both ratios against the
// reference are reported, and whether both gave the same bits (they must).
//
// Worker-pool case "pool-baton-rouge" (issue #21 item 2): the same 20 Baton Rouge k = 6 runs on
// 1 and 2 workers (cold first call, warm calls on the kept pool, and whole `aozora pmf`
// processes), wall and CPU, alternated in rounds (AOZORA_BENCH_POOL_ROUNDS, default 3);
// `node bench/pmf.mjs pool-baton-rouge` runs it alone.
//
// Environment: AOZORA_SHARED (default ../shared next to the repository) for the EPA data;
// AOZORA_PYTHON (default /usr/bin/python3) for the reference; AOZORA_BENCH_HOURLY_RUNS (aozora
// runs on the hourly year, default 20) and AOZORA_BENCH_HOURLY_REF_RUNS (default 2).
import { createRequire } from "node:module";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const dist = (p) => require(join(root, "dist", p));

export const PYTHON = process.env.AOZORA_PYTHON ?? "/usr/bin/python3";
export const SHARED = process.env.AOZORA_SHARED ?? resolve(root, "..", "shared");
const REFERENCE = join(here, "reference", "mu_pmf.py");
const SEED = 1;

/**
 * Targets (2-core machine): speed-up of 20 runs vs the reference in wall time (and, where set, in
 * CPU seconds per run: per core), Q no worse, memory. Issue #21 (WASM kernels): Baton Rouge ≥ 10×
 * wall and ≥ 5× per core; hourly ≥ 12× wall.
 */
export const TARGETS = {
  "baton-rouge": { speedup: 10, cpuSpeedup: 5, qRatioMax: 1 },
  "hourly-xrf": { speedup: 12, qRatioMax: 1 },
  peakMemoryMB: 1024,
  /** 100 bootstrap runs on Baton Rouge k = 6, 2 workers: wall seconds at most. */
  "bootstrap-baton-rouge": { bootstrapSeconds: 60 },
  /** Issue #21 item 2: 20 runs of Baton Rouge k = 6, 2 workers against 1 (wall speed-up at least, CPU ratio at most). */
  "pool-baton-rouge": { wallSpeedupMin: 1.8, cpuRatioMax: 1.1 },
};
/** The error-estimation case ids (not base-run comparisons; see runErrorBench). */
export const ERROR_CASES = ["bootstrap-baton-rouge"];
/** The worker-pool case id (1 vs 2 workers on the same 20 runs; see runPoolBench). */
export const POOL_CASES = ["pool-baton-rouge"];

// ---------------------------------------------------------------- simulated hourly XRF year

/** 25 elements of an hourly XRF monitor (Xact-like), ng/m3. */
export const XRF_ELEMENTS = [
  "Al",
  "Si",
  "S",
  "Cl",
  "K",
  "Ca",
  "Ti",
  "V",
  "Cr",
  "Mn",
  "Fe",
  "Ni",
  "Cu",
  "Zn",
  "As",
  "Se",
  "Br",
  "Rb",
  "Sr",
  "Cd",
  "Sn",
  "Sb",
  "Ba",
  "Hg",
  "Pb",
];
/**
 * 60-min MDLs, ng/m3: CONVENTIONS §3 (Xact 625i) where listed; Cl, Br, Rb, Sr, Sn and Hg are
 * bench assumptions of the same order (not instrument values).
 */
export const XRF_MDL = {
  Al: 100,
  Si: 18,
  S: 3.2,
  Cl: 1.0,
  K: 1.2,
  Ca: 0.3,
  Ti: 1.6,
  V: 0.12,
  Cr: 0.12,
  Mn: 0.14,
  Fe: 0.17,
  Ni: 0.096,
  Cu: 0.079,
  Zn: 0.067,
  As: 0.063,
  Se: 0.081,
  Br: 0.1,
  Rb: 0.1,
  Sr: 0.1,
  Cd: 2.5,
  Sn: 3.0,
  Sb: 5.2,
  Ba: 0.39,
  Hg: 0.2,
  Pb: 0.13,
};
/** 8 sources: mean contribution (ng/m3 of the profile's unit element), log-sd, and sparse profile (mass ratios). */
const XRF_SOURCES = [
  {
    name: "soil dust",
    mean: 800,
    sd: 0.9,
    profile: { Si: 1, Al: 0.4, Ca: 0.3, Fe: 0.25, K: 0.1, Ti: 0.03, Mn: 0.005, Sr: 0.002, Rb: 0.001, Ba: 0.003 },
  },
  { name: "secondary sulfate", mean: 2000, sd: 0.7, profile: { S: 1, Se: 0.0005 } },
  { name: "biomass burning", mean: 300, sd: 1.0, profile: { K: 1, Cl: 0.5, Br: 0.02, Rb: 0.005, Zn: 0.01 } },
  { name: "shipping (HFO)", mean: 100, sd: 0.9, profile: { S: 1, V: 0.3, Ni: 0.12, Fe: 0.05 } },
  {
    name: "traffic / brake wear",
    mean: 300,
    sd: 0.6,
    diurnal: true,
    profile: { Fe: 1, Cu: 0.15, Zn: 0.1, Sb: 0.02, Sn: 0.02, Ba: 0.05, Cr: 0.01, Mn: 0.01 },
  },
  { name: "smelter", mean: 40, sd: 1.2, profile: { Zn: 1, Pb: 0.5, Cu: 0.1, As: 0.03, Cd: 0.02, Mn: 0.05, Hg: 0.01 } },
  {
    name: "coal combustion",
    mean: 800,
    sd: 0.8,
    profile: { S: 1, Cl: 0.2, Ca: 0.1, Pb: 0.01, As: 0.005, Se: 0.003, Br: 0.002, Hg: 0.0005 },
  },
  { name: "sea salt", mean: 400, sd: 0.8, profile: { Cl: 1, S: 0.08, Ca: 0.04, K: 0.04, Br: 0.003, Sr: 0.001 } },
];

/**
 * A year of hourly XRF-like data (8,760 × 25), deterministic from `seed` (aozora's Rng): sparse
 * non-negative profiles (listed ratios × log-normal jitter, sd 0.2; zero elsewhere), log-normal
 * hourly contributions with AR(1) persistence (φ = 0.95) and a rush-hour cycle for traffic,
 * noise N(0, s²) with s = sqrt((0.1x)² + (MDL/2)²), then EPA equation-based uncertainty
 * (x ≤ MDL → MDL/2, s = 5/6·MDL; else s = sqrt((0.1x)² + (MDL/2)²)).
 */
export function simulateHourlyXrf(seed = 2025, hours = 8760) {
  const { Rng } = dist("random/rng.js");
  const { equationUncertainty } = dist("sourceapport/prepare.js");
  const rng = new Rng(seed);
  const m = XRF_ELEMENTS.length,
    p = XRF_SOURCES.length,
    n = hours;
  const F = new Float64Array(p * m);
  XRF_SOURCES.forEach((src, k) => {
    for (const [el, r] of Object.entries(src.profile))
      F[k * m + XRF_ELEMENTS.indexOf(el)] = r * Math.exp(0.2 * rng.normal());
  });
  const G = new Float64Array(n * p);
  const z = XRF_SOURCES.map(() => rng.normal());
  const phi = 0.95,
    innov = Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) {
    const hour = i % 24;
    XRF_SOURCES.forEach((src, k) => {
      z[k] = phi * z[k] + innov * rng.normal();
      let g = src.mean * Math.exp(src.sd * z[k] - (src.sd * src.sd) / 2);
      if (src.diurnal) g *= 0.4 + Math.exp(-((hour - 8) ** 2) / 4) + Math.exp(-((hour - 18) ** 2) / 6);
      G[i * p + k] = g;
    });
  }
  const mdl = XRF_ELEMENTS.map((e) => XRF_MDL[e]);
  const xObs = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let x = 0;
      for (let k = 0; k < p; k++) x += G[i * p + k] * F[k * m + j];
      const s = Math.sqrt((0.1 * x) ** 2 + (mdl[j] / 2) ** 2);
      xObs[i * m + j] = x + s * rng.normal();
    }
  }
  const eq = equationUncertainty(
    xObs,
    n,
    m,
    mdl,
    mdl.map(() => 0.1),
  );
  const t0 = Date.UTC(2025, 0, 1);
  const samples = Array.from({ length: n }, (_, i) =>
    new Date(t0 + i * 3600000).toISOString().slice(0, 16).replace("T", " "),
  );
  return {
    x: eq.x,
    s: eq.s,
    n,
    m,
    species: [...XRF_ELEMENTS],
    samples,
    units: "ng/m3",
    belowMdl: eq.changes.length,
    sources: XRF_SOURCES.map((s) => s.name),
  };
}

// ---------------------------------------------------------------- cases and files

function writePair(dir, name, input) {
  const csv = (a) => {
    const lines = [["Sample", ...input.species].join(",")];
    for (let i = 0; i < input.n; i++) {
      const row = [input.samples[i]];
      for (let j = 0; j < input.m; j++) row.push(String(a[i * input.m + j])); // shortest round-trip text
      lines.push(row.join(","));
    }
    return lines.join("\n") + "\n";
  };
  const con = join(dir, `${name}-con.csv`),
    unc = join(dir, `${name}-unc.csv`);
  writeFileSync(con, csv(input.x));
  writeFileSync(unc, csv(input.s));
  return { con, unc };
}

/** The three cases as prepared inputs written to CSV (the same files go to both solvers). */
export function prepareCases(dir, only) {
  const { readEpaPmf } = dist("sourceapport/read-epapmf.js");
  const { preparePmfInput } = dist("sourceapport/prepare.js");
  const cases = [];
  const want = (id) => !only || only.length === 0 || only.includes(id);
  for (const [id, file, label] of [
    ["baton-rouge", "BatonRouge", "Baton Rouge (EPA PMF 5.0 example)"],
    ["st-louis", "StLouis", "St. Louis (EPA PMF 5.0 example)"],
  ]) {
    if (!want(id)) continue;
    const con = join(SHARED, "data", "epa-pmf", `Dataset-${file}-con.csv`),
      unc = join(SHARED, "data", "epa-pmf", `Dataset-${file}-unc.csv`);
    let input;
    try {
      const d = readEpaPmf(con, unc, { unit: "µg/m3", sampleIds: true });
      input = preparePmfInput({ ...d, units: "µg/m3" }); // all species strong (as the CONVENTIONS §1 reference Q values)
    } catch (e) {
      cases.push({
        id,
        label,
        skipped: `EPA example data not readable under ${SHARED} (set AOZORA_SHARED): ${e.message}`,
      });
      continue;
    }
    cases.push({
      id,
      label,
      factors: 6,
      n: input.n,
      m: input.m,
      aozoraRuns: 20,
      referenceRuns: 20,
      ...writePair(dir, id, input),
    });
  }
  if (want("hourly-xrf")) {
    const sim = simulateHourlyXrf();
    const input = preparePmfInput(sim);
    const aozoraRuns = Number(process.env.AOZORA_BENCH_HOURLY_RUNS ?? 20);
    const referenceRuns = Number(process.env.AOZORA_BENCH_HOURLY_REF_RUNS ?? 2);
    cases.push({
      id: "hourly-xrf",
      label: "Simulated hourly XRF year (8 sources, seed 2025)",
      factors: 8,
      n: input.n,
      m: input.m,
      aozoraRuns,
      referenceRuns,
      belowMdlCells: sim.belowMdl,
      ...writePair(dir, "hourly-xrf", input),
    });
  }
  return cases;
}

// ---------------------------------------------------------------- child processes

function runChild(cmd, args, env, label, log) {
  return new Promise((resolveP, reject) => {
    const ch = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "",
      err = "";
    ch.stdout.on("data", (b) => (out += b));
    ch.stderr.on("data", (b) => {
      err += b;
      for (const line of String(b).split("\n")) if (line.trim()) log(`  [${label}] ${line.trim()}`);
    });
    ch.on("error", reject);
    ch.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${label} exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolveP(JSON.parse(out.trim().split("\n").pop()));
      } catch (e) {
        reject(new Error(`${label}: no JSON on stdout (${e.message}): ${out.slice(-500)}`));
      }
    });
  });
}

/**
 * Peak resident set size of this process in KB: VmHWM on Linux (this program only, all threads),
 * else resourceUsage().maxRSS (which on Linux also keeps the peak of the process that spawned us).
 */
function peakRssKb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

/** An EPA PMF pair read and prepared as the base-run cases (all species strong, µg/m3). */
function preparedPair(con, unc) {
  const { readEpaPmf } = dist("sourceapport/read-epapmf.js");
  const { preparePmfInput } = dist("sourceapport/prepare.js");
  const d = readEpaPmf(con, unc, { unit: "µg/m3", sampleIds: true });
  return preparePmfInput({ ...d, units: "µg/m3" });
}

/** In a child process: read the pair, run aozora's runPmf, print one JSON line. */
async function childMain([con, unc, factors, runs, workers]) {
  const { runPmf } = dist("sourceapport/solver.js");
  const input = preparedPair(con, unc);
  const t0 = performance.now();
  const res = await runPmf(input, {
    factors: Number(factors),
    runs: Number(runs),
    seed: SEED,
    workers: Number(workers),
    onProgress: (done, total, r) =>
      process.stderr.write(
        `run ${done}/${total}: Q(true) ${r.qTrue.toFixed(1)}  ${r.iterations} iterations${r.converged ? "" : " (not converged)"}\n`,
      ),
  });
  const seconds = (performance.now() - t0) / 1000;
  const ru = process.resourceUsage();
  const best = res.runs[res.bestIndex];
  process.stdout.write(
    JSON.stringify({
      seconds,
      options: res.options,
      bestIndex: res.bestIndex,
      best: { qTrue: best.qTrue, qRobust: best.qRobust },
      runs: res.runs.map((r) => ({
        run: r.run,
        seed: r.seed,
        qTrue: r.qTrue,
        qRobust: r.qRobust,
        iterations: r.iterations,
        converged: r.converged,
      })),
      peak_rss_kb: peakRssKb(),
      cpu_seconds: (ru.userCPUTime + ru.systemCPUTime) / 1e6, // all threads, including reading the CSVs
      kernels: process.env.AOZORA_PMF_KERNELS ?? "auto",
    }) + "\n",
  );
}

/**
 * In a child process: Baton Rouge (all species strong, as the base-run case), 20 base runs with k
 * = factors, then `bsRuns` bootstrap runs and (unless AOZORA_BENCH_DISP=0) DISP of every element,
 * each timed alone on `workers` threads; prints one JSON line.
 */
async function childErrorMain([con, unc, factors, bsRuns, workers]) {
  const { runPmf } = dist("sourceapport/solver.js");
  const { bootstrapPmf } = dist("sourceapport/bootstrap.js");
  const { dispPmf } = dist("sourceapport/disp.js");
  const input = preparedPair(con, unc);
  const w = Number(workers);
  let t0 = performance.now();
  const res = await runPmf(input, { factors: Number(factors), runs: 20, seed: SEED, workers: w });
  const baseSeconds = (performance.now() - t0) / 1000;
  const every = (what, step) => (done, total) => {
    if (done % step === 0 || done === total) process.stderr.write(`${what} ${done}/${total}\n`);
  };
  t0 = performance.now();
  const bs = await bootstrapPmf(res, { runs: Number(bsRuns), workers: w, onProgress: every("bootstrap run", 10) });
  const bootstrapSeconds = (performance.now() - t0) / 1000;
  const out = {
    n: input.n,
    m: input.m,
    factors: res.p,
    base: { runs: 20, seconds: baseSeconds, qRobust: res.runs[res.bestIndex].qRobust },
    bootstrap: {
      runs: bs.runs.length,
      seconds: bootstrapSeconds,
      blockSize: bs.blockSize,
      convergedRuns: bs.convergedRuns,
      reproduced: bs.mappingTable.map((r) => r.reproduced),
      unmapped: bs.unmapped,
      iterations: {
        median: median(bs.runs.map((r) => r.iterations)),
        max: Math.max(...bs.runs.map((r) => r.iterations)),
      },
    },
  };
  if (process.env.AOZORA_BENCH_DISP !== "0") {
    t0 = performance.now();
    const disp = await dispPmf(res, { workers: w, onProgress: every("DISP search", 50) });
    out.disp = {
      seconds: (performance.now() - t0) / 1000,
      elements: disp.intervals.length,
      searches: 2 * disp.intervals.length,
      fits: disp.fits,
      notConverged: disp.notConverged,
      swapsAtDQmax4: disp.swaps[0]?.byFactor,
      displacementsWithSwapsAtDQmax4: disp.swaps[0]?.displacements,
      largestDecreasePct: disp.largestDecreasePct,
      warning: disp.warning ?? null,
    };
  }
  const ru = process.resourceUsage();
  out.cpu_seconds = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  out.peak_rss_kb = peakRssKb();
  process.stdout.write(JSON.stringify(out) + "\n");
}

/**
 * In a child process (worker-pool case): Baton Rouge k = 6, 20 base runs on `workers` threads,
 * `reps` + 1 times in this process: the first call is cold (JIT and, with 2 workers, the pool's
 * start-up), the others warm (the pool's workers kept alive). Wall and CPU (process.cpuUsage():
 * every thread of the process) per call; the seconds between progress calls of a 1-worker call
 * are the per-run costs (runs run one after the other). Prints one JSON line.
 */
async function childPoolMain([con, unc, workers, reps]) {
  const { runPmf } = dist("sourceapport/solver.js");
  const input = preparedPair(con, unc);
  const w = Number(workers);
  const call = async () => {
    const stamps = [];
    const c0 = process.cpuUsage(),
      t0 = performance.now();
    const res = await runPmf(input, {
      factors: 6,
      runs: 20,
      seed: SEED,
      workers: w,
      onProgress: () => stamps.push(performance.now()),
    });
    const c = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    const runMs = stamps.map((t, i) => +(t - (i ? stamps[i - 1] : t0)).toFixed(1));
    return { wall, cpu: (c.user + c.system) / 1e6, runMs, iterations: res.runs.map((r) => r.iterations) };
  };
  const cold = await call();
  const warm = [];
  for (let k = 0; k < Number(reps); k++) warm.push(await call());
  process.stdout.write(JSON.stringify({ workers: w, cold, warm }) + "\n");
}

/** Why the EPA example pair cannot be read (undefined when it can). */
function epaDataMissing(con, unc) {
  try {
    readFileSync(con);
    readFileSync(unc);
  } catch (e) {
    return `EPA example data not readable under ${SHARED} (set AOZORA_SHARED): ${e.message}`;
  }
  return undefined;
}

/** CPU and wall seconds of one `aozora pmf` process (GNU time: user + system of the process and its threads). */
function timeCli(args) {
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "TIME %e %U %S", process.execPath, join(root, "dist", "cli", "main.js"), ...args],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const m = /TIME (\S+) (\S+) (\S+)\s*$/.exec(r.stderr ?? "");
  if (r.status !== 0 || !m)
    throw new Error(`aozora ${args[0]} failed (${r.status}): ${(r.error?.message ?? r.stderr ?? "").slice(-1000)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/**
 * The worker-pool case (issue #21 item 2): Baton Rouge k = 6, the same 20 base runs on 1 worker
 * (this thread) and on 2 workers, each in its own child process, alternated `rounds` times so
 * both see the same load (2 cores shared with other work; the load average is recorded before each
 * child). Medians over the rounds of: the cold first call, the warm calls (pool kept alive), and a
 * whole `aozora pmf --runs 20` process (CPU by GNU time). Returns records for `pool` in
 * bench/results.json.
 */
export async function runPoolBench(opts = {}) {
  const log = opts.log ?? ((s) => process.stderr.write(s + "\n"));
  const rounds = opts.rounds ?? Number(process.env.AOZORA_BENCH_POOL_ROUNDS ?? 3);
  const reps = opts.reps ?? 3;
  const con = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-con.csv"),
    unc = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-unc.csv");
  const id = "pool-baton-rouge",
    label = "Baton Rouge k = 6: the same 20 base runs on 1 and 2 workers (library calls and aozora pmf)";
  const missing = epaDataMissing(con, unc);
  if (missing) return [{ id, label, skipped: missing }];
  log(`PMF worker pool: ${label}, ${rounds} rounds`);
  const lib = { 1: [], 2: [] },
    cli = { 1: [], 2: [] },
    loads = [];
  for (let k = 0; k < rounds; k++)
    for (const w of [1, 2]) {
      loads.push(+loadavg()[0].toFixed(2));
      lib[w].push(
        await runChild(
          process.execPath,
          [fileURLToPath(import.meta.url), "--child-pool", con, unc, String(w), String(reps)],
          {},
          `aozora ${id} ${w} worker${w > 1 ? "s" : ""}`,
          log,
        ),
      );
      loads.push(+loadavg()[0].toFixed(2));
      const args = ["pmf", "--conc", con, "--unc", unc, "--factors", "6", "--runs", "20", "--seed", String(SEED)];
      cli[w].push(timeCli([...args, "--workers", String(w), "--json"]));
    }
  const med = (a) => r1(median(a), 3);
  const side = (w) => ({
    cold: { wall: med(lib[w].map((r) => r.cold.wall)), cpu: med(lib[w].map((r) => r.cold.cpu)) },
    warm: {
      wall: med(lib[w].flatMap((r) => r.warm.map((x) => x.wall))),
      cpu: med(lib[w].flatMap((r) => r.warm.map((x) => x.cpu))),
    },
    cli: { wall: med(cli[w].map((r) => r.wall)), cpu: med(cli[w].map((r) => r.cpu)) },
  });
  const one = side(1),
    two = side(2);
  const ratios = (what) => ({
    wallSpeedup: r1(one[what].wall / two[what].wall, 2),
    cpuRatio: r1(two[what].cpu / one[what].cpu, 2),
  });
  // per-run cost spread: the warm 1-worker calls (runs one after the other in this thread)
  const runMs = lib[1].flatMap((r) => r.warm).map((x) => x.runMs);
  const perRun = runMs[0].map((_, i) => median(runMs.map((a) => a[i])));
  const iterations = lib[1][0].warm[0].iterations;
  const t = TARGETS[id];
  const rec = {
    id,
    label,
    rounds,
    warmCallsPerRound: reps,
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads), samples: loads },
    oneWorker: one,
    twoWorkers: two,
    cold: ratios("cold"),
    warm: ratios("warm"),
    cli: ratios("cli"),
    runs: {
      iterations: { min: Math.min(...iterations), max: Math.max(...iterations), all: iterations },
      warmMs: { min: r1(Math.min(...perRun)), max: r1(Math.max(...perRun)), all: perRun.map((x) => r1(x)) },
    },
    target: t,
  };
  rec.met = {
    warmWallSpeedup: rec.warm.wallSpeedup >= t.wallSpeedupMin,
    warmCpuRatio: rec.warm.cpuRatio <= t.cpuRatioMax,
    cliWallSpeedup: rec.cli.wallSpeedup >= t.wallSpeedupMin,
    cliCpuRatio: rec.cli.cpuRatio <= t.cpuRatioMax,
  };
  return [rec];
}

/** Plain-text lines of runPoolBench's records. */
export function formatPoolLines(records) {
  return records.map((c) => {
    if (c.skipped) return `${c.id}: skipped (${c.skipped})`;
    const f = (what) =>
      `${what}: 1 worker ${c.oneWorker[what].wall} s / ${c.oneWorker[what].cpu} s CPU, 2 workers ${c.twoWorkers[what].wall} s / ${c.twoWorkers[what].cpu} s CPU → wall speed-up ${c[what].wallSpeedup}× (target ≥ ${c.target.wallSpeedupMin}), CPU ratio ${c[what].cpuRatio} (target ≤ ${c.target.cpuRatioMax})`;
    return [
      `${c.id} (medians of ${c.rounds} alternated rounds, load average ${c.loadAverage.min}–${c.loadAverage.max}):`,
      `  ${f("warm")}`,
      `  ${f("cold")}`,
      `  aozora pmf --runs 20 ${f("cli")}`,
      `  runs: ${c.runs.iterations.min}–${c.runs.iterations.max} iterations, ${c.runs.warmMs.min}–${c.runs.warmMs.max} ms each (warm, 1 worker)`,
    ].join("\n");
  });
}

/**
 * The error-estimation cases (ERROR_CASES): each in its own child process. Returns records for
 * `errorEstimation` in bench/results.json.
 */
export async function runErrorBench(opts = {}) {
  const log = opts.log ?? ((s) => process.stderr.write(s + "\n"));
  const workers = opts.workers ?? 2;
  const runs = opts.bootstrapRuns ?? 100;
  const con = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-con.csv"),
    unc = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-unc.csv");
  const id = "bootstrap-baton-rouge",
    label = `Baton Rouge k = 6: ${runs} bootstrap runs and DISP (all species)`;
  const missing = epaDataMissing(con, unc);
  if (missing) return [{ id, label, skipped: missing }];
  log(`PMF error estimation: ${label}, ${workers} workers`);
  const loadAverageBefore = +loadavg()[0].toFixed(2);
  const r = await runChild(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child-error", con, unc, "6", String(runs), String(workers)],
    {},
    `aozora ${id}`,
    log,
  );
  const t = TARGETS[id];
  const rec = {
    id,
    label,
    n: r.n,
    m: r.m,
    factors: r.factors,
    workers,
    loadAverageBefore,
    base: { runs: r.base.runs, seconds: r1(r.base.seconds, 2), qRobust: r1(r.base.qRobust) },
    bootstrap: {
      ...r.bootstrap,
      seconds: r1(r.bootstrap.seconds, 2),
      secondsPerRun: r1(r.bootstrap.seconds / r.bootstrap.runs, 3),
    },
    cpuSeconds: r1(r.cpu_seconds, 1),
    peakRssMB: r1(r.peak_rss_kb / 1024),
    target: t,
  };
  if (r.disp) rec.disp = { ...r.disp, seconds: r1(r.disp.seconds, 1) };
  rec.met = {
    bootstrapSeconds: r.bootstrap.seconds <= t.bootstrapSeconds,
    memory: rec.peakRssMB < TARGETS.peakMemoryMB,
  };
  return [rec];
}

/** Plain-text lines of runErrorBench's records. */
export function formatErrorLines(records) {
  return records.map((c) => {
    if (c.skipped) return `${c.id}: skipped (${c.skipped})`;
    const b = c.bootstrap;
    const parts = [
      `${c.id} (${c.n}×${c.m}, k = ${c.factors}, ${c.workers} workers): ${b.runs} bootstrap runs in ${b.seconds} s (target ≤ ${c.target.bootstrapSeconds} s: ${c.met.bootstrapSeconds ? "met" : "NOT met"}), block size ${b.blockSize}, ${b.convergedRuns} converged, reproduced per factor ${b.reproduced.join("/")}`,
    ];
    if (c.disp)
      parts.push(
        `DISP of all ${c.disp.elements} elements (${c.disp.searches} searches, ${c.disp.fits} fits) in ${c.disp.seconds} s; largest Q decrease ${c.disp.largestDecreasePct.toExponential(2)} %`,
      );
    parts.push(`base 20 runs ${c.base.seconds} s; peak ${c.peakRssMB} MB`);
    return parts.join("; ");
  });
}

function numpyAvailable() {
  const r = spawnSync(PYTHON, ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  return r.status === 0
    ? { ok: true, version: r.stdout.trim() }
    : { ok: false, why: (r.error?.message ?? r.stderr ?? "").trim().split("\n").pop() };
}

// ---------------------------------------------------------------- the benchmark

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (v, d = 1) => (v === undefined || v === null || Number.isNaN(v) ? null : +v.toFixed(d));

/** The results.json record of one aozora child run (`kernels`: which kernels it ran). */
function aozoraRecord(a, c, workers, kernels) {
  const aq = a.runs.map((r) => r.qTrue);
  const rec = {
    kernels,
    runs: c.aozoraRuns,
    workers,
    options: a.options,
    seconds: r1(a.seconds, 2),
    secondsPerRun: r1(a.seconds / c.aozoraRuns, 3),
    seconds20: r1((a.seconds / c.aozoraRuns) * 20, 2),
    bestQTrue: r1(Math.min(...aq)),
    medianQTrue: r1(median(aq)),
    reported: { run: a.bestIndex + 1, qTrue: r1(a.best.qTrue), qRobust: r1(a.best.qRobust) },
    iterations: {
      median: median(a.runs.map((r) => r.iterations)),
      max: Math.max(...a.runs.map((r) => r.iterations)),
    },
    converged: a.runs.filter((r) => r.converged).length,
    cpuSeconds: r1(a.cpu_seconds, 1),
    cpuSecondsPerRun: r1(a.cpu_seconds / c.aozoraRuns, 3),
    peakRssMB: r1(a.peak_rss_kb / 1024),
  };
  if (kernels === "wasm")
    rec.perRun = a.runs.map((r) => ({
      qTrue: r1(r.qTrue),
      qRobust: r1(r.qRobust),
      iterations: r.iterations,
      converged: r.converged,
    }));
  if (c.aozoraRuns < 20) rec.note = `${c.aozoraRuns} runs (not 20); seconds20 extrapolates linearly`;
  return rec;
}

/**
 * Run the PMF benchmark. Returns { cases: [...], targets, notes } for bench/results.json.
 * @param {{ cases?: string[], workers?: number, log?: (s: string) => void }} opts
 */
export async function runPmfBench(opts = {}) {
  const log = opts.log ?? ((s) => process.stderr.write(s + "\n"));
  const workers = opts.workers ?? 2;
  const dir = join(tmpdir(), "aozora-bench", "pmf");
  mkdirSync(dir, { recursive: true });
  const np = numpyAvailable();
  const notes = [];
  if (!np.ok) notes.push(`reference skipped: numpy not importable by ${PYTHON} (${np.why})`);
  const out = [];
  for (const c of prepareCases(dir, opts.cases)) {
    if (c.skipped) {
      notes.push(`${c.id}: ${c.skipped}`);
      out.push({ id: c.id, label: c.label, skipped: c.skipped });
      continue;
    }
    log(`PMF ${c.label}: ${c.n} × ${c.m}, k = ${c.factors}`);
    const rec = { id: c.id, label: c.label, n: c.n, m: c.m, factors: c.factors };
    if (c.belowMdlCells !== undefined) rec.belowMdlCells = c.belowMdlCells;

    rec.loadAverageBefore = +loadavg()[0].toFixed(2);
    const aozoraChild = (kernels) =>
      runChild(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          "--child",
          c.con,
          c.unc,
          String(c.factors),
          String(c.aozoraRuns),
          String(workers),
        ],
        { AOZORA_PMF_KERNELS: kernels },
        `aozora ${c.id} (${kernels})`,
        log,
      );
    const aj = await aozoraChild("js");
    const a = await aozoraChild("wasm");
    const aq = a.runs.map((r) => r.qTrue);
    rec.aozora = aozoraRecord(a, c, workers, "wasm");
    rec.aozoraJs = aozoraRecord(aj, c, workers, "js");
    // the kernels must not change a bit of the result: every run's Q(true), Q(robust), iterations
    const sig = (x) => JSON.stringify(x.runs.map((r) => [r.qTrue, r.qRobust, r.iterations]));
    rec.sameBitsJsWasm = sig(a) === sig(aj);
    rec.wasmOverJs = { wall: r1(aj.seconds / a.seconds, 2), cpu: r1(aj.cpu_seconds / a.cpu_seconds, 2) };
    rec.loadAverageAfter = +loadavg()[0].toFixed(2);

    if (np.ok) {
      // OpenBLAS threads: 1 is faster than 2 for these thin products (measured on Baton Rouge:
      // 5.1 s vs 5.8 s), so the reference gets 1 unless OPENBLAS_NUM_THREADS is set.
      const env = { OPENBLAS_NUM_THREADS: process.env.OPENBLAS_NUM_THREADS ?? "1" };
      const r = await runChild(
        PYTHON,
        [
          REFERENCE,
          "--con",
          c.con,
          "--unc",
          c.unc,
          "--factors",
          String(c.factors),
          "--runs",
          String(c.referenceRuns),
          "--seed",
          String(SEED),
        ],
        env,
        `reference ${c.id}`,
        log,
      );
      const rq = r.runs.map((x) => x.qTrue);
      const perRun = r.total_seconds / c.referenceRuns;
      rec.reference = {
        runs: c.referenceRuns,
        openblasThreads: env.OPENBLAS_NUM_THREADS,
        seconds: r1(r.total_seconds, 2),
        secondsPerRun: r1(perRun, 3),
        seconds20: r1(perRun * 20, 2),
        bestQTrue: r1(Math.min(...rq)),
        medianQTrue: r1(median(rq)),
        bestQRobust: r1(Math.min(...r.runs.map((x) => x.qRobust))),
        iterations: {
          median: median(r.runs.map((x) => x.iterations)),
          max: Math.max(...r.runs.map((x) => x.iterations)),
        },
        converged: r.runs.filter((x) => x.converged).length,
        cpuSeconds: r1(r.cpu_seconds, 1),
        peakRssMB: r1(r.peak_rss_kb / 1024),
        numpy: r.numpy,
        blas: r.blas,
        ftz: r.ftz,
        perRun: r.runs.map((x) => ({
          qTrue: r1(x.qTrue),
          iterations: x.iterations,
          converged: x.converged,
          seconds: x.seconds,
        })),
      };
      if (c.referenceRuns < 20)
        rec.reference.note = `${c.referenceRuns} runs (about ${Math.round(perRun)} s each); seconds20 = 20 × mean seconds per run`;
      rec.speedup = r1(rec.reference.seconds20 / rec.aozora.seconds20, 2);
      // CPU time per run (all threads): a per-core comparison, free of aozora's 2 workers vs the
      // reference's serial runs (and less sensitive to other load on the machine)
      rec.cpuSpeedup = r1(r.cpu_seconds / c.referenceRuns / (a.cpu_seconds / c.aozoraRuns), 2);
      rec.js = {
        speedup: r1(rec.reference.seconds20 / rec.aozoraJs.seconds20, 2),
        cpuSpeedup: r1(r.cpu_seconds / c.referenceRuns / (aj.cpu_seconds / c.aozoraRuns), 2),
      };
      rec.qRatio = +(Math.min(...aq) / Math.min(...rq)).toFixed(4);
      // like for like on the hourly case: the best of aozora's first N runs against the reference's N
      const k = Math.min(c.referenceRuns, aq.length);
      if (k < aq.length) rec.qRatioSameRuns = +(Math.min(...aq.slice(0, k)) / Math.min(...rq)).toFixed(4);
      rec.qRatioMedian = +(median(aq) / median(rq)).toFixed(4);
    } else {
      rec.reference = { skipped: notes[0] };
    }
    const t = TARGETS[c.id];
    const memOk = rec.aozora.peakRssMB < TARGETS.peakMemoryMB;
    if (t && rec.speedup !== undefined) {
      rec.target = { ...t, peakMemoryMB: TARGETS.peakMemoryMB };
      rec.met = {
        speedup: rec.speedup >= t.speedup,
        ...(t.cpuSpeedup !== undefined ? { cpuSpeedup: rec.cpuSpeedup >= t.cpuSpeedup } : {}),
        q: rec.qRatio <= t.qRatioMax,
        memory: memOk,
      };
    } else {
      rec.met = { memory: memOk };
    }
    out.push(rec);
  }
  const wantError = !opts.cases || opts.cases.length === 0 || opts.cases.some((c) => ERROR_CASES.includes(c));
  const errorEstimation = wantError ? await runErrorBench({ log, workers }) : [];
  const wantPool = !opts.cases || opts.cases.length === 0 || opts.cases.some((c) => POOL_CASES.includes(c));
  const pool = wantPool ? await runPoolBench({ log }) : [];
  return {
    seed: SEED,
    workers,
    cases: out,
    ...(errorEstimation.length ? { errorEstimation } : {}),
    ...(pool.length ? { pool } : {}),
    targets: TARGETS,
    notes,
  };
}

/** A plain-text table of runPmfBench's result. */
export function formatPmfTable(res) {
  const head = [
    "case",
    "n×m k",
    "aozora runs",
    "aozora s (20 runs)",
    "aozora best Q",
    "ref runs",
    "ref s (20 runs)",
    "ref best Q",
    "speed-up",
    "Q ratio",
    "peak MB aozora/ref",
    "target met",
  ];
  const rows = res.cases.map((c) => {
    if (c.skipped) return [c.id, "", "", "", "", "", "", "", "", "", "", `skipped`];
    const a = c.aozora,
      r = c.reference ?? {};
    const met = c.met
      ? Object.entries(c.met)
          .map(([k, v]) => `${k} ${v ? "yes" : "NO"}`)
          .join(", ")
      : "";
    const tgt = c.target ? ` (≥${c.target.speedup}×, Q ≤ ref)` : "";
    return [
      c.id,
      `${c.n}×${c.m} k=${c.factors}`,
      String(a.runs),
      `${a.seconds20}${a.runs < 20 ? "*" : ""}`,
      a.bestQTrue.toLocaleString("en-US"),
      r.skipped ? "—" : String(r.runs),
      r.skipped ? "—" : `${r.seconds20}${r.runs < 20 ? "*" : ""}`,
      r.skipped ? "—" : r.bestQTrue.toLocaleString("en-US"),
      c.speedup === undefined ? "—" : `${c.speedup}×${tgt}`,
      c.qRatio === undefined ? "—" : c.qRatio.toFixed(4),
      `${a.peakRssMB} / ${r.peakRssMB ?? "—"}`,
      met,
    ];
  });
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r) => "| " + r.map((v, j) => v.padEnd(w[j])).join(" | ") + " |";
  const out = [line(head), "|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|", ...rows.map(line)];
  if (res.cases.some((c) => c.aozora?.runs < 20 || c.reference?.runs < 20))
    out.push("* extrapolated: 20 × mean seconds per run (fewer than 20 runs were timed).");
  for (const c of res.cases)
    if (c.cpuSpeedup !== undefined)
      out.push(
        `${c.id}: CPU seconds per run, reference / aozora = ${c.cpuSpeedup}× (per-core speed-up); median Q ratio ${c.qRatioMedian}${c.qRatioSameRuns !== undefined ? `; best of aozora's first ${c.reference.runs} runs / reference = ${c.qRatioSameRuns}` : ""}; aozora converged ${c.aozora.converged}/${c.aozora.runs}, reference ${c.reference.converged}/${c.reference.runs}`,
      );
  for (const c of res.cases)
    if (c.aozoraJs)
      out.push(
        `${c.id}: WASM kernels ${c.aozora.seconds20} s, JS kernels ${c.aozoraJs.seconds20} s (20 runs; WASM/JS ${c.wasmOverJs.wall}× wall, ${c.wasmOverJs.cpu}× CPU; same bits: ${c.sameBitsJsWasm ? "yes" : "NO"})${c.js ? `; vs reference: WASM ${c.speedup}× wall ${c.cpuSpeedup}× per core, JS ${c.js.speedup}× wall ${c.js.cpuSpeedup}× per core` : ""}; load ${c.loadAverageBefore} → ${c.loadAverageAfter}`,
      );
  for (const n of res.notes) out.push(`note: ${n}`);
  const errors = res.errorEstimation ? ["PMF error estimation:", ...formatErrorLines(res.errorEstimation)] : [];
  if (res.pool) errors.push("PMF worker pool:", ...formatPoolLines(res.pool));
  if (res.cases.length === 0) return [...res.notes.map((n) => `note: ${n}`), ...errors].join("\n"); // error-estimation and pool cases only
  return [...out, ...(errors.length ? ["", ...errors] : [])].join("\n");
}

// ---------------------------------------------------------------- CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--child") {
    await childMain(process.argv.slice(3));
  } else if (process.argv[2] === "--child-error") {
    await childErrorMain(process.argv.slice(3));
  } else if (process.argv[2] === "--child-pool") {
    await childPoolMain(process.argv.slice(3));
  } else {
    const res = await runPmfBench({ cases: process.argv.slice(2) });
    console.log(formatPmfTable(res));
  }
}
