// polarPlot with openair's GAM smoother (issue #18): 10 simulated years hourly (87,600 rows),
// target ≤ 1 s, and openair's polarPlot on the same data timed in the same run (target: aozora
// ≥ 5× faster). The CSV is written once to the temporary folder; only the fits are timed (R times
// polarPlot() alone, after read.csv, in scripts/compare-openair/polarplot.R). The openair row is
// skipped when Rscript or openair is absent. Called by bench/run.mjs; also runs alone:
// `node bench/polarplot-gam.mjs`. Needs `npm run build` first.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { time } from "./timing.mjs";
import { openairAvailable } from "./openair-available.mjs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");
const here = dirname(fileURLToPath(import.meta.url));

/** 10 years hourly (simulatePolarYear: uniform directions (0.1°), log-normal speeds (0.01 m/s, cap 15), a noiseless source at 130° for 4–7 m/s). */
const tenYears = () => a.simulatePolarYear({ seed: 18, hours: 87600, maxWs: 15, plumeNoise: false });

/** Seconds of openair's polarPlot fit (median of `reps` R runs), or undefined without R. */
function openairSeconds(csv, statistic, percentile, reps) {
  const ts = [];
  for (let r = 0; r < reps; r++) {
    const out = execFileSync(
      "Rscript",
      [
        join(here, "../scripts/compare-openair/polarplot.R"),
        csv,
        "conc",
        statistic,
        percentile,
        "0",
        join(dirname(csv), "oa-out.csv"),
      ],
      { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "pipe", "ignore"] },
    );
    ts.push(Number(/seconds ([\d.]+)/.exec(out)[1]));
  }
  ts.sort((x, y) => x - y);
  return ts[Math.floor(ts.length / 2)];
}

/** Run the benchmark; rows with median/min ms, target, openair's time and the ratio. */
export async function runPolarPlotGamBench() {
  const s = tenYears();
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, "polarplot-gam-10y.csv");
  let text = "wd,ws,conc\n";
  for (let i = 0; i < s.values.length; i++) text += `${s.wd[i]},${s.ws[i]},${s.values[i]}\n`;
  writeFileSync(csv, text);
  const R = openairAvailable();
  const rows = [];
  for (const [label, opts, stat, pct] of [
    ["mean", {}, "mean", "NA"],
    ["CBPF P90", { statistic: "cpf", percentile: 90 }, "cpf", "90"],
  ]) {
    const t = time(`polarPlot GAM ${label}: 87,600 hourly rows, k = 100, 201×201 grid`, () => a.polarPlot(s, opts), 5);
    const { out, ...r } = t;
    const row = {
      ...r,
      rows: 87600,
      target_ms: 1000,
      knots: out.fit.knots,
      edf: +out.fit.edf.toFixed(2),
      max_wd: +out.max.wd.toFixed(0),
      max_ws: +out.max.ws.toFixed(2),
      ok: r.median_ms <= 1000,
    };
    if (R) {
      const sec = openairSeconds(csv, stat, pct, 3);
      row.openair_ms = +(1000 * sec).toFixed(0);
      row.ratio = +((1000 * sec) / r.median_ms).toFixed(2);
      row.ratio_target = 5;
      row.ok = row.ok && row.ratio >= 5;
    } else row.openair = "skipped: Rscript or openair not installed";
    rows.push(row);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runPolarPlotGamBench())
    console.log(
      `${r.name}: median ${r.median_ms} ms (target ≤ ${r.target_ms} ms), knots ${r.knots}, edf ${r.edf}, max at ${r.max_wd}° ${r.max_ws} m/s` +
        (r.openair_ms !== undefined
          ? `; openair ${r.openair_ms} ms, ratio ${r.ratio}× (target ≥ 5×)`
          : `; ${r.openair}`),
    );
}
