// openair comparison case of the polarx functions (issue #18): polarFreq, the kernel-weighted
// two-pollutant polar statistics, corPlot, conditionalQuantile, trajCluster, SQTBA. Calls Rscript
// on the .R files beside this file; aozora from dist/ (run `bash scripts/build.sh` first).
// POLARX_CASES=freq,pair,cor,cq,traj,sqtba selects comparisons (default: all).
// Alone: node -e "import('./scripts/compare-openair/polarx.case.mjs').then(async m=>console.table(await m.run()))"
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(import.meta.url);
const a = require(join(root, "dist", "index.js"));

function rscript(file, args) {
  return execFileSync("Rscript", [join(here, file), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "ignore"],
  });
}

function parseCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const f = l.split(",");
    const o = {};
    head.forEach((h, i) => (o[h] = f[i] === "NA" ? NaN : Number(f[i].replace(/"/g, ""))));
    return o;
  });
}

/** The Shanghai example year (hourly Xact): wd, ws and a few elements, written for R. */
function shanghai(dir) {
  const read = a.readXact(join(root, "data", "shanghai-xact-2025.csv"), { utcOffset: "+08:00" });
  const h = a.xactHourly(read);
  const cols = ["V", "Ni", "Fe", "Mn", "Zn", "Pb"];
  const n = h.wd.length;
  const lines = ["wd,ws," + cols.join(",") + ",V_unc,Ni_unc"];
  for (let i = 0; i < n; i++) {
    const row = [h.wd[i], h.ws[i], ...cols.map((c) => h.conc[c][i]), h.unc.V[i], h.unc.Ni[i]];
    lines.push(row.map((v) => (Number.isFinite(v) ? String(v) : "NA")).join(","));
  }
  const file = join(dir, "shanghai.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  return { file, h };
}

const maxAbs = (xs) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

function comparePolarFreq(data) {
  const rows = [];
  for (const st of ["frequency", "mean", "median", "max", "stdev", "weighted.mean"]) {
    const o = parseCsv(rscript("polarx-freq.R", [data.file, st]));
    const r = a.polarFreq(
      { wd: data.h.wd, ws: data.h.ws, values: data.h.conc.V },
      { statistic: st === "weighted.mean" ? "weighted-mean" : st, openairNorthSplit: true },
    );
    const key = (wd, hi) => `${wd}|${+hi.toFixed(9)}`;
    const mine = new Map(r.cells.map((c) => [key(c.wd, c.wsHi), c.value]));
    let missing = 0;
    const diffs = [];
    for (const c of o) {
      const v = mine.get(key(c.wd, c.ws));
      if (v === undefined) missing++;
      else diffs.push((v - c.weights) / Math.max(1e-12, Math.abs(c.weights)));
    }
    const d = maxAbs(diffs);
    rows.push({
      fn: "polarFreq",
      what: `${st} (V, openairNorthSplit): cells ${r.cells.length} vs ${o.length}, max rel. diff`,
      aozora: r.cells.length === o.length && missing === 0 ? d : `${missing} missing`,
      openair: 0,
      target: "≤ 1e-9, same cells",
      pass: r.cells.length === o.length && missing === 0 && d <= 1e-9,
    });
  }
  // type = "season" (openair's polarFreq(type = …)): the cells of every panel
  const lines = ["date,wd,ws,V"];
  const iso = (t) => new Date(t).toISOString().replace(".000Z", "Z");
  for (let i = 0; i < data.h.wd.length; i++) {
    const row = [data.h.wd[i], data.h.ws[i], data.h.conc.V[i]];
    lines.push([iso(data.h.times[i]), ...row.map((v) => (Number.isFinite(v) ? String(v) : "NA"))].join(","));
  }
  const dated = join(dirname(data.file), "shanghai-dated.csv");
  writeFileSync(dated, lines.join("\n") + "\n");
  for (const st of ["frequency", "mean", "weighted.mean"]) {
    const text = rscript("polarx-freq.R", [dated, st, "season"]);
    const head = text.split(/\r?\n/, 1)[0];
    const panelOf = text
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(",")[0].replace(/"/g, ""));
    const o = parseCsv(text.replace(head, head.replace('"panel"', '"panelIndex"')));
    const r = a.polarFreq(
      { wd: data.h.wd, ws: data.h.ws, values: st === "frequency" ? undefined : data.h.conc.V },
      {
        statistic: st === "weighted.mean" ? "weighted-mean" : st,
        openairNorthSplit: true,
        type: "season",
        typeData: { times: data.h.times, utcOffsetMinutes: data.h.utcOffsetMinutes },
      },
    );
    const key = (p, wd, hi) => `${p}|${wd}|${+hi.toFixed(9)}`;
    const mine = new Map();
    for (const p of r.byType.panels) for (const c of p.result.cells) mine.set(key(p.level, c.wd, c.wsHi), c.value);
    let missing = 0;
    const diffs = [];
    o.forEach((c, i) => {
      const v = mine.get(key(panelOf[i], c.wd, c.ws));
      if (v === undefined) missing++;
      else diffs.push((v - c.weights) / Math.max(1e-12, Math.abs(c.weights)));
    });
    const d = maxAbs(diffs);
    const ours = r.byType.panels.reduce((s, p) => s + p.result.cells.length, 0);
    const ok = ours === o.length && missing === 0;
    rows.push({
      fn: "polarFreq",
      what: `${st}, type = "season" (V, openairNorthSplit): ${r.byType.panels.length} panels, cells ${ours} vs ${o.length}, max rel. diff`,
      aozora: ok ? d : `${missing} missing`,
      openair: 0,
      target: "≤ 1e-9, same cells per panel",
      pass: ok && d <= 1e-9,
    });
  }
  // the north split: openair's two north cells vs aozora's one
  const o = parseCsv(rscript("polarx-freq.R", [data.file, "frequency"]));
  const n0 = o.filter((c) => c.wd === 0).reduce((s, c) => s + c.weights, 0);
  const n360 = o.filter((c) => c.wd === 360).reduce((s, c) => s + c.weights, 0);
  const mine = a.polarFreq({ wd: data.h.wd, ws: data.h.ws }).cells.filter((c) => c.wd === 0);
  const nN = mine.reduce((s, c) => s + c.n, 0);
  rows.push({
    fn: "polarFreq",
    what: `north: openair 0° cell ${n0} + 360° cell ${n360} records; aozora one north sector`,
    aozora: nN,
    openair: n0 + n360,
    target: "aozora = openair 0° + 360°",
    pass: nN === n0 + n360,
  });
  return rows;
}

function comparePair(data) {
  const rows = [];
  const h = data.h;
  for (const [st, mine] of [
    ["r", "r"],
    ["Spearman", "spearman"],
    ["robust_slope", "robust-slope"],
    ["quantile_slope", "quantile-slope"],
    ["york_slope", "york-slope"],
  ]) {
    const t0 = Date.now();
    const o = parseCsv(rscript("polarx-pair.R", [data.file, st]));
    const tR = Date.now() - t0;
    const t1 = Date.now();
    const r = a.polarPairStatistic(
      { y: h.conc.V, x: h.conc.Ni, wd: h.wd, ws: h.ws, yError: h.unc.V, xError: h.unc.Ni },
      { statistic: mine, openairWrap: true, grid: 0 },
    );
    const tA = Date.now() - t1;
    let both = 0,
      onlyOne = 0,
      worst = 0;
    const scale = Math.max(...o.filter((p) => Number.isFinite(p.z)).map((p) => Math.abs(p.z)));
    o.forEach((p, i) => {
      const q = r.points[i];
      if (Math.abs(q.ws - p.ws) > 1e-9 || q.wd !== p.wd) throw new Error(`polarPair: point ${i} differs`);
      if (Number.isFinite(p.z) && Number.isFinite(q.z)) {
        both++;
        worst = Math.max(worst, Math.abs(q.z - p.z) / scale);
      } else if (Number.isFinite(p.z) !== Number.isFinite(q.z)) onlyOne++;
    });
    const tol = st === "quantile_slope" ? 1e-4 : 1e-6;
    rows.push({
      fn: "polarPairStatistic",
      what: `${st} (V on Ni, openairWrap), ${o.length} points (${both} with values, ${onlyOne} in one only): max |Δ| / max |z|; aozora ${tA} ms, openair ${tR} ms`,
      aozora: worst,
      openair: 0,
      target: `≤ ${tol}`,
      pass: onlyOne === 0 && worst <= tol,
    });
  }
  // the wrap defect: aozora's two-way wrap vs openair's one-way wrap, near north
  const r1 = a.polarPairStatistic({ y: h.conc.V, x: h.conc.Ni, wd: h.wd, ws: h.ws }, { grid: 0 });
  const r2 = a.polarPairStatistic({ y: h.conc.V, x: h.conc.Ni, wd: h.wd, ws: h.ws }, { grid: 0, openairWrap: true });
  const changed = r1.points.filter((p, i) => p.n !== r2.points[i].n).map((p) => p.wd);
  rows.push({
    fn: "polarPairStatistic",
    what: `two-way vs openair's one-way wd wrap: points with other records (directions ${Math.min(...changed)}–${Math.max(...changed)}°)`,
    aozora: changed.length,
    openair: 0,
    target: "documented difference",
    pass: true,
  });
  return rows;
}

function compareCorPlot(data) {
  const rows = [];
  const cols = ["V", "Ni", "Fe", "Mn", "Zn", "Pb"];
  const input = Object.fromEntries([...cols.map((c) => [c, data.h.conc[c]]), ["ws", data.h.ws]]);
  for (const method of ["pearson", "spearman", "kendall"]) {
    const text = rscript("polarx-corplot.R", [data.file, method]);
    const secR = Number(/# seconds ([\d.]+)/.exec(text)?.[1]);
    const lines = text
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => !l.startsWith("#"))
      .map((l) => l.replace(/"/g, "").split(","));
    const m = Math.round(Math.sqrt(lines.length));
    const order = lines.slice(0, m).map((l) => l[0]); // x varies fastest: the first m rows give the order
    const t0 = Date.now();
    const r = a.corPlot(input, { method });
    const ms = Date.now() - t0;
    let worst = 0;
    for (const [x, y, c] of lines) {
      const i = r.names.indexOf(x),
        j = r.names.indexOf(y);
      worst = Math.max(worst, Math.abs(r.r[i][j] - Number(c)));
    }
    const same = order.join(" ") === r.names.join(" ");
    rows.push({
      fn: "corPlot",
      what: `${method}: order ${r.names.join(" ")} (openair ${order.join(" ")}); max |Δr| (aozora ${ms} ms, openair ${Math.round(secR * 1000)} ms)`,
      aozora: worst,
      openair: 0,
      target: "same order, ≤ 1e-12",
      pass: same && worst <= 1e-12,
    });
  }
  return rows;
}

/** Rows `{ fn, what, aozora, openair, target, pass }` of every comparison of this case. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "aozora-polarx-"));
  const data = shanghai(dir);
  const only = process.env.POLARX_CASES ? process.env.POLARX_CASES.split(",") : null;
  const want = (k) => !only || only.includes(k);
  return [
    ...(want("freq") ? comparePolarFreq(data) : []),
    ...(want("pair") ? comparePair(data) : []),
    ...(want("cor") ? compareCorPlot(data) : []),
  ];
}
