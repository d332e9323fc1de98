// DISP and BS-DISP speed on the EPA PMF Baton Rouge example (issue #21 item 3), on 2 workers from dist/:
// full DISP (41 species × 6 factors × 2 directions × dQmax 4/8/16/32) with the fast default search, and the
// slow exhaustive search run to dQ ≥ 0.995·dQmax (up to 40 fits per level: the reference the fast bounds are
// compared with, to 1 % of each interval width) side by side, wall and CPU (main thread + workers); then 100
// bootstrap runs + BS-DISP on 20 of them. Targets: full DISP ≤ 5 s, bootstrap + BS-DISP ≤ 30 s (on 2 cores).
// Environment: AOZORA_SHARED (the EPA data), AOZORA_BENCH_BSDISP_SPECIES (BS-DISP species: "all" or every
// n-th species, default 8 → 6 species).
import { createRequire } from "node:module";
import { join } from "node:path";
import { loadavg } from "node:os";
import { SHARED } from "./pmf.mjs";
const require = createRequire(import.meta.url);
const dist = (p) => require(join("..", "dist", p));

/** Wall (ms) and CPU (s, this process: main thread and its workers) of `f`, with the load average before. */
async function measure(f) {
  const load = loadavg().map((x) => +x.toFixed(2));
  const r0 = process.resourceUsage();
  const t0 = performance.now();
  const out = await f();
  const ms = performance.now() - t0;
  const r1 = process.resourceUsage();
  const cpu = (r1.userCPUTime + r1.systemCPUTime - r0.userCPUTime - r0.systemCPUTime) / 1e6;
  return { out, ms: Math.round(ms), cpu_s: +cpu.toFixed(1), load_avg: load };
}

export async function runPmfDispBench() {
  const { readEpaPmf } = dist("sourceapport/read-epapmf.js");
  const { preparePmfInput } = dist("sourceapport/prepare.js");
  const { runPmf } = dist("sourceapport/solver.js");
  const { dispPmf } = dist("sourceapport/disp.js");
  const { bootstrapPmf } = dist("sourceapport/bootstrap.js");
  const { bsDispPmf } = dist("sourceapport/bsdisp.js");
  const con = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-con.csv"),
    unc = join(SHARED, "data", "epa-pmf", "Dataset-BatonRouge-unc.csv");
  let d;
  try {
    d = readEpaPmf(con, unc, { unit: "µg/m3", utcOffset: "-06:00" });
  } catch (e) {
    return [{ name: "DISP Baton Rouge", skipped: `EPA example data not readable under ${SHARED}: ${e.message}` }];
  }
  const input = preparePmfInput({ ...d, units: "µg/m3" });
  const base = await runPmf(input, { factors: 6, runs: 20, seed: 1, workers: 2 });
  const rows = [];
  const disp = {};
  const variants = [
    { label: "fast (default)", opts: { method: "fast" }, target: true },
    {
      label: "exhaustive reference (accept 0.995, 40 steps)",
      opts: { method: "exhaustive", accept: 0.995, steps: 40 },
    },
  ];
  for (const v of variants) {
    const t = await measure(() => dispPmf(base, { workers: 2, ...v.opts }));
    disp[v.opts.method] = t.out;
    rows.push({
      name: `DISP Baton Rouge k = 6, all ${input.m} species × 6 factors × 2 directions, dQmax 4/8/16/32, ${v.label}, 2 workers`,
      median_ms: t.ms,
      cpu_s: t.cpu_s,
      load_avg: t.load_avg,
      fits: t.out.fits,
      als_iterations: t.out.iterations,
      not_converged: t.out.notConverged,
      swaps: t.out.swaps.map((w) => w.displacements).join("/"),
      ...(v.target ? { target_ms: 5000, ok: t.ms <= 5000 } : {}),
    });
  }
  // the fast bounds against the reference's, per element-level (both sides), as % of the reference interval width
  let worst = 0,
    over = 0,
    levels = 0;
  disp.fast.intervals.forEach((iv, c) => {
    const r = disp.exhaustive.intervals[c];
    r.up.forEach((_, l) => {
      const w = r.up[l] - r.down[l];
      if (w > 0) {
        const diff = Math.max(Math.abs(iv.up[l] - r.up[l]), Math.abs(iv.down[l] - r.down[l])) / w;
        levels++; // element-levels with a zero-width reference interval are not compared
        worst = Math.max(worst, diff);
        if (diff > 0.01) over++;
      }
    });
  });
  rows[0].worst_vs_reference_pct_of_width = +(100 * worst).toFixed(2);
  rows[0].element_levels_over_1pct_of_width = `${over} of ${levels}`;
  rows[0].cpu_ratio_reference_over_fast = +(rows[1].cpu_s / rows[0].cpu_s).toFixed(2);
  rows[0].wall_ratio_reference_over_fast = +(rows[1].median_ms / rows[0].median_ms).toFixed(2);
  const every = process.env.AOZORA_BENCH_BSDISP_SPECIES ?? "8";
  const species = every === "all" ? undefined : input.species.filter((_, j) => j % Number(every) === 0);
  const t = await measure(async () => {
    const bs = await bootstrapPmf(base, { runs: 100, workers: 2 });
    const b = await bsDispPmf(base, bs, { runs: 20, workers: 2, species });
    return b;
  });
  rows.push({
    name: `100 bootstrap runs + BS-DISP on 20 of them (${species ? species.length : input.m} species × 6 factors, dQmax 0.5/1/2/4, fast search), Baton Rouge k = 6, 2 workers`,
    median_ms: t.ms,
    cpu_s: t.cpu_s,
    load_avg: t.load_avg,
    fits: t.out.fits,
    als_iterations: t.out.iterations,
    runs_used: t.out.runsUsed.length,
    target_ms: 30000,
    ok: t.ms <= 30000,
  });
  return rows;
}
