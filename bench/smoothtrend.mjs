// smoothTrend (issue #18): 10 simulated years hourly (87,600 rows) at UTC+8 → 120 monthly means,
// the GAM with the analytic band, with `deseason` (STL), and the bootstrap band (200 refits);
// openair's smoothTrend on the same CSV timed in the same run (R times smoothTrend() alone, after
// read.csv; its bootstrap band is drawn by panel.gam, timed separately), ratio = openair / aozora.
// The openair rows are skipped when Rscript or openair is absent. Called by bench/run.mjs; also
// runs alone: `node bench/smoothtrend.mjs`. Needs `bash scripts/build.sh` first.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { time } from "./timing.mjs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");
const here = dirname(fileURLToPath(import.meta.url));

function tenYears() {
  const rng = new a.Rng(21);
  const n = 87600;
  const t0 = Date.UTC(2015, 0, 1) - 8 * 3600000;
  const times = new Float64Array(n),
    values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / 8760;
    times[i] = t0 + i * 3600000;
    values[i] = 30 + 6 * Math.sin(t / 2) - 1.1 * t + 8 * Math.cos(2 * Math.PI * t) + 10 * rng.normal();
  }
  return { times, values };
}

function openairSeconds(csv, deseason, simulate) {
  try {
    const out = execFileSync(
      "Rscript",
      [
        join(here, "../scripts/compare-openair/smoothtrend.R"),
        csv,
        "Etc/GMT-8",
        deseason ? "TRUE" : "FALSE",
        "month",
        "mean",
        "NA",
        join(dirname(csv), "st-bench"),
        ...(simulate ? ["simulate", "FALSE"] : []),
      ],
      { encoding: "utf8", env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "pipe", "ignore"] },
    );
    const m = (simulate ? /simulate seconds ([\d.]+)/ : /^seconds ([\d.]+)/m).exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Run the benchmark; rows with median/min ms, openair's time and the ratio (no target is set by the issue). */
export async function runSmoothTrendBench() {
  const s = tenYears();
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, "smoothtrend-10y.csv");
  let text = "t,value\n";
  for (let i = 0; i < s.times.length; i++) text += `${s.times[i] / 1000},${s.values[i]}\n`;
  writeFileSync(csv, text);
  const rows = [];
  for (const [label, opts, reps] of [
    ["analytic band", {}, 5],
    ["deseason (STL)", { deseason: true }, 5],
    ["bootstrap band, 200 refits", { simulate: true, nBoot: 200 }, 1],
  ]) {
    const t = time(
      `smoothTrend ${label}: 87,600 hourly rows → 120 months`,
      () => a.smoothTrend(s.times, s.values, 480, opts),
      reps,
    );
    const { out, ...r } = t;
    const row = { ...r, rows: 87600, edf: +out.edf.toFixed(2) };
    const sec = openairSeconds(csv, !!opts.deseason, !!opts.simulate);
    if (sec !== undefined) {
      row.openair_ms = +(1000 * sec).toFixed(0);
      row.ratio = +((1000 * sec) / r.median_ms).toFixed(2);
    } else row.openair = "skipped: Rscript or openair not installed";
    rows.push(row);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runSmoothTrendBench())
    console.log(
      `${r.name}: median ${r.median_ms} ms` +
        (r.openair_ms !== undefined ? `; openair ${r.openair_ms} ms, ratio ${r.ratio}×` : `; ${r.openair}`),
    );
}
