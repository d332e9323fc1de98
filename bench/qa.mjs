// Composition QA and inter-laboratory comparison speed (issue #8): a year of daily filters at
// 10 sites (3,650 samples) through the QA summary, and a 1,000-pair Passing–Bablok regression
// (≈500,000 pairwise slopes; the O(n² log n) step). Called by bench/run.mjs; runs alone:
// `node bench/qa.mjs`. Targets: QA summary < 2 s, Passing–Bablok n = 1,000 < 1 s.
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";

const require = createRequire(import.meta.url);
const time = (name, fn, reps = 3) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};
const a = require(join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "dist", "index.js"));

export async function runQaBench() {
  const out = [];
  // 10 sites × 365 days: the simulator writes 2 sites, so repeat its lab-A rows with new ids
  const sim = a.simulateFilterCampaign({ seed: 1, days: 365, start: "2024-01-01" });
  const [head, ...rows] = sim.labA.trim().split("\n");
  const big = [head];
  for (let k = 0; k < 5; k++)
    for (const r of rows) {
      const f = r.split(",");
      f[0] = `${f[0]}-${k}`;
      f[1] = `${f[1]}-${k}`;
      big.push(f.join(","));
    }
  const text = big.join("\n") + "\n";
  let read;
  out.push({
    ...time("readSampleTable: 3650 filters × 25 species", () => {
      read = a.readSampleTable({ name: "big.csv", text });
    }),
    samples: 3650,
  });
  out.push({
    ...time("qaSummary (mass closure cn, ion balance, completeness, outliers) per site: 10 sites × 365 filters", () =>
      a.qaSummary(read.table, { belowDetection: read.belowDetection, massClosure: { formulas: "cn" } }),
    ),
    samples: 3650,
    target_ms: 2000,
  });
  const rng = new a.Rng(2);
  const x = [],
    y = [];
  for (let i = 0; i < 1000; i++) {
    const t = 1 + 20 * rng.uniform();
    x.push(t * (1 + 0.05 * rng.normal()));
    y.push(1.1 * t * (1 + 0.05 * rng.normal()));
  }
  out.push({ ...time("passingBablok: n = 1000 (499,500 slopes)", () => a.passingBablok(x, y)), target_ms: 1000 });
  out.push({
    ...time("compareLabs: 730 filters × 22 species (Bland–Altman, Deming jackknife, Passing–Bablok, z/En)", () =>
      a.compareLabs(
        a.pairLabResults(
          a.readSampleTable({ name: "a.csv", text: sim.labA }),
          a.readSampleTable({ name: "b.csv", text: sim.labB }),
        ),
      ),
    ),
  });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const r of await runQaBench())
    console.log(`${r.name}: median ${r.median_ms} ms${r.target_ms ? ` (target < ${r.target_ms} ms)` : ""}`);
}
