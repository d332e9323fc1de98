// Directional-analysis speed (issue #5): polar plot (mean and CBPF) and the CBPF table on 10
// years of hourly data (87,600 rows), target < 2 s each. Called by bench/run.mjs; also runs
// alone: `node bench/directional.mjs`. Needs `npm run build` first.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

/** 10 years hourly: uniform directions, log-normal speeds, a point source at 130° for 4–7 m/s. */
function tenYears() {
  const rng = new a.Rng(10);
  const n = 87600;
  const wd = new Float64Array(n),
    ws = new Float64Array(n),
    values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = 360 * rng.uniform();
    ws[i] = Math.min(15, rng.lognormal(Math.log(3.5), 0.5));
    const d = Math.abs(((((wd[i] - 130) % 360) + 540) % 360) - 180);
    values[i] = 5 * rng.lognormal(0, 0.3) + (ws[i] >= 4 && ws[i] <= 7 ? 40 * Math.exp(-(d * d) / 200) : 0);
  }
  return { values, wd, ws };
}

function time(name, fn, reps = 3, target = 2000) {
  return { ...timeIt(name, fn, reps), target_ms: target, rows: 87600 };
}

/** Run the directional benchmark; returns result rows (median/min ms, target, where the maximum landed). */
export async function runDirectionalBench() {
  const s = tenYears();
  const rows = [
    time("polarPlot mean (kernel smoother): 87,600 hourly rows, 101×101 grid", () =>
      a.polarPlot(s, { smoother: "kernel" }),
    ),
    time("polarPlot CBPF (P90, kernel smoother): 87,600 hourly rows, 101×101 grid", () =>
      a.polarPlot(s, { smoother: "kernel", statistic: "cpf", percentile: 90 }),
    ),
    time("cbpf table (P90, 16 sectors × 1 m/s bins): 87,600 rows", () => a.cbpf(s, { percentile: 90 })),
    time("cpf (16 sectors) + windRose: 87,600 rows", () => [a.cpf(s), a.windRose(s.ws, s.wd)]),
  ];
  return rows.map(({ out, ...r }) => ({
    ...r,
    ...(out && out.max ? { max_wd: +out.max.wd.toFixed(0), max_ws: +out.max.ws.toFixed(1) } : {}),
    ok: r.median_ms < r.target_ms,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runDirectionalBench())
    console.log(
      `${r.name}: median ${r.median_ms} ms (target < ${r.target_ms} ms)${r.max_wd !== undefined ? `, max at ${r.max_wd}° ${r.max_ws} m/s` : ""}`,
    );
}
