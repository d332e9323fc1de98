// Joint PMF over two sites (issue #21 item 5): runJointPmf on two simulated cities (Kawasaki +
// Shenyang, simulateTwoCityPmf seed 7: 2 × 365 days × 22 species, k = 7 = 5 shared sources + one
// site-only source at each city) against the two separate runPmf fits (k = 6 each, the sources
// present at that city), same runs and seed, timed side by side in one process (interleaved:
// separate, joint, separate, joint, …) so both see the same machine load. Target: joint wall
// time ≤ 2 × the two separate fits. Also reported: the ALS work (Σ iterations × rows over runs),
// which does not depend on the load, the lowest profile r against the truth and how many runs end
// within 1 % of the lowest Q(robust); the same for start "random" (the start before the split
// start), timed in the same loop for comparison.
// Called by bench/run.mjs (group `pmf-joint`); also runs alone: `node bench/pmf-joint.mjs`.
// AOZORA_BENCH_JOINT_RUNS (default 8) and AOZORA_BENCH_JOINT_REPS (default 3) set the size.
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const a = require(join(here, "..", "dist", "index.js"));

/** Target of the issue: joint wall time at most this multiple of the two separate fits. */
export const JOINT_TARGET_RATIO = 2;

export async function runPmfJointBench() {
  const runs = Number(process.env.AOZORA_BENCH_JOINT_RUNS ?? 8);
  const reps = Number(process.env.AOZORA_BENCH_JOINT_REPS ?? 3);
  const sim = a.simulateTwoCityPmf({ seed: 7, days: 365 });
  const m = sim.species.length;
  const sites = sim.sites.map((c) => ({
    name: c.name,
    input: a.preparePmfInput(c.data, { total: "PM2.5" }),
  }));
  const opts = { runs, seed: 1, workers: 1 };
  const work = (res, rows) => res.runs.reduce((s, r) => s + r.iterations * rows, 0);
  const separate = async () => {
    let w = 0;
    for (const s of sites) {
      const r = await a.runPmf(s.input, { ...opts, factors: 6 });
      w += work(r, s.input.n);
    }
    return w;
  };
  let jointResult;
  const joint = async () => {
    jointResult = await a.runJointPmf(sites, { ...opts, factors: 7, siteOnly: sim.truth.siteOnly });
    return work(jointResult, jointResult.stacked.n);
  };
  const within = (res) => {
    const best = Math.min(...res.runs.map((r) => r.qRobust));
    return res.runs.filter((r) => r.qRobust <= 1.01 * best).length;
  };
  let randomResult;
  const jointRandom = async () => {
    randomResult = await a.runJointPmf(sites, { ...opts, factors: 7, siteOnly: sim.truth.siteOnly, start: "random" });
    return work(randomResult, randomResult.stacked.n);
  };
  const timed = async (fn) => {
    const load = loadavg()[0];
    const t0 = process.hrtime.bigint();
    const w = await fn();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, work: w, load };
  };
  const sep = [],
    jnt = [],
    rnd = [];
  for (let r = 0; r < reps; r++) {
    sep.push(await timed(separate));
    jnt.push(await timed(joint));
    rnd.push(await timed(jointRandom));
  }
  const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
  const sepMs = median(sep.map((t) => t.ms)),
    jntMs = median(jnt.map((t) => t.ms));
  const ratios = jnt.map((t, i) => t.ms / sep[i].ms);
  const ratio = median(ratios);
  const rndMs = median(rnd.map((t) => t.ms));
  const rndRatios = rnd.map((t, i) => t.ms / sep[i].ms);
  const minR = Math.min(
    ...sim.truth.F.map((f) =>
      Math.max(
        ...Array.from({ length: 7 }, (_, k) => a.pearson(f, Array.from(jointResult.F.subarray(k * m, k * m + m)))),
      ),
    ),
  );
  const loads = [...sep, ...jnt, ...rnd].map((t) => +t.load.toFixed(2));
  const common = { runs, seed: 1, workers: 1, reps, load_avg: loads };
  return [
    {
      name: `runPmf × 2 sites separately (365 × 22 each, k = 6, ${runs} runs)`,
      median_ms: +sepMs.toFixed(0),
      ms_each: sep.map((t) => +t.ms.toFixed(0)),
      als_row_iterations: sep[0].work,
      ...common,
    },
    {
      name: `runJointPmf: 2 sites stacked (730 × 22, k = 7, 1 site-only factor per site, split start, ${runs} runs)`,
      median_ms: +jntMs.toFixed(0),
      ms_each: jnt.map((t) => +t.ms.toFixed(0)),
      als_row_iterations: jnt[0].work,
      ratio_to_separate: +ratio.toFixed(3),
      ratio_each: ratios.map((x) => +x.toFixed(3)),
      work_ratio: +(jnt[0].work / sep[0].work).toFixed(3),
      target_ratio: JOINT_TARGET_RATIO,
      met: ratio <= JOINT_TARGET_RATIO,
      min_profile_r: +minR.toFixed(4),
      runs_within_1pct_of_best_q: within(jointResult),
      ...common,
    },
    {
      name: `runJointPmf, start "random" (the start before the split start; same data, ${runs} runs)`,
      median_ms: +rndMs.toFixed(0),
      ms_each: rnd.map((t) => +t.ms.toFixed(0)),
      als_row_iterations: rnd[0].work,
      ratio_to_separate: +median(rndRatios).toFixed(3),
      ratio_each: rndRatios.map((x) => +x.toFixed(3)),
      work_ratio: +(rnd[0].work / sep[0].work).toFixed(3),
      runs_within_1pct_of_best_q: within(randomResult),
      ...common,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const r of await runPmfJointBench()) console.log(JSON.stringify(r));
}
