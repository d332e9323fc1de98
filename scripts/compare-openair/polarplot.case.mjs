// polarPlot (GAM smoother) against openair's polarPlot()$data: every statistic on the example
// year (data/shanghai-xact-2025.csv, V) and on a simulated year with a known source (130°, 4–7
// m/s), both in aozora's default (openair's defects corrected) and with `openair: true`.
// Rows: surface r over grid points unmasked in both, peak height ratio, peak distance in grid cells.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const require = createRequire(join(root, "package.json"));
const a = require(join(root, "dist/index.js"));
const dir = join(tmpdir(), "aozora-compare-openair");

/** The simulated year of the openair fixtures (src/simulate/polaryear.ts, through dist/). */
const simulatedYear = (seed = 20251203) => a.simulatePolarYear({ seed });

function writeInput(name, s) {
  let t = "wd,ws,conc\n";
  for (let i = 0; i < s.values.length; i++)
    t += [s.wd[i], s.ws[i], s.values[i]].map((x) => (Number.isFinite(x) ? x : "NA")).join(",") + "\n";
  const f = join(dir, name);
  writeFileSync(f, t);
  return f;
}

function openair(csv, statistic, percentile, tag) {
  const out = join(dir, `oa-${tag}.csv`);
  execFileSync("Rscript", [join(here, "polarplot.R"), csv, "conc", statistic, percentile, "0", out], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  return readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));
}

function compare(r, oa, clip) {
  const G = r.gridSize,
    up = r.radius,
    st = r.step;
  const A = [],
    O = [];
  let oMax = { z: -Infinity },
    aMax = { z: -Infinity };
  for (const [u, v, z] of oa) {
    const ix = Math.round((u + up) / st),
      iy = G - 1 - Math.round((v + up) / st);
    let za = r.grid[iy * G + ix].z;
    if (clip) za = Math.min(za, 1);
    if (Number.isFinite(z) && z > oMax.z) oMax = { z, ix, iy };
    if (Number.isFinite(za) && za > aMax.z) aMax = { z: za, ix, iy };
    if (Number.isFinite(z) && Number.isFinite(za)) {
      A.push(za);
      O.push(z);
    }
  }
  return {
    r: a.pearson(A, O),
    ratio: aMax.z / oMax.z,
    cells: Math.hypot(aMax.ix - oMax.ix, aMax.iy - oMax.iy),
    aMax,
    oMax,
  };
}

export async function run() {
  mkdirSync(dir, { recursive: true });
  const h = a.xactHourly(a.readXact(join(root, "data/shanghai-xact-2025.csv"), { utcOffset: "+08:00" }));
  const inputs = [
    ["example year V", { values: h.conc.V, wd: h.wd, ws: h.ws }, "xact"],
    ["simulated year", simulatedYear(), "sim"],
  ];
  const stats = [
    ["mean", {}, "mean", "NA"],
    ["median", { statistic: "median" }, "median", "NA"],
    ["max", { statistic: "max" }, "max", "NA"],
    ["frequency", { statistic: "frequency" }, "frequency", "NA"],
    ["stdev", { statistic: "stdev" }, "stdev", "NA"],
    ["weighted mean", { statistic: "weighted-mean" }, "weighted_mean", "NA"],
    ["percentile P75", { statistic: "percentile", percentile: 75 }, "percentile", "75"],
    ["CBPF P90", { statistic: "cpf", percentile: 90 }, "cpf", "90"],
    ["CBPF band P75–P90", { statistic: "cpf", band: [75, 90] }, "cpf", "75,90"],
  ];
  const rows = [];
  for (const [label, s, tag] of inputs) {
    const csv = writeInput(`${tag}.csv`, s);
    for (const [sl, opts, stat, pct] of stats) {
      const oa = openair(csv, stat, pct, `${tag}-${stat}-${pct}`);
      const cpf = stat === "cpf";
      for (const mode of ["openair: true", "default"]) {
        const r = a.polarPlot(s, { ...opts, openair: mode === "openair: true" });
        const c = compare(r, oa, cpf && mode === "default");
        const what = `${label}, ${sl}, ${mode}`;
        rows.push({
          fn: "polarPlot",
          what: `${what}: surface r`,
          aozora: c.r,
          openair: 1,
          target: "≥ 0.995",
          pass: c.r >= 0.995,
        });
        rows.push({
          fn: "polarPlot",
          what: `${what}: peak height${cpf && mode === "default" ? " (min(z, 1))" : ""}`,
          aozora: c.aMax.z,
          openair: c.oMax.z,
          target: "within 3 %",
          pass: Math.abs(c.ratio - 1) <= 0.03,
        });
        if (!cpf)
          rows.push({
            fn: "polarPlot",
            what: `${what}: peak position (grid cells apart, 201 × 201)`,
            aozora: c.cells,
            openair: 0,
            target: "≤ 1 cell (4 in the default: bins at centres)",
            pass: c.cells <= (mode === "default" ? 4 : 1),
          });
        else
          rows.push({
            fn: "polarPlot",
            what: `${what}: grid points above 1 (openair clips them)`,
            aozora: r.fit.aboveOne,
            openair: 0,
            target: "reported",
            pass: true,
          });
      }
    }
  }
  return rows;
}
