// polarDiff and polarCluster against openair's polarDiff()$data and polarCluster(): a simulated
// before/after pair (the source at 130°, 4–7 m/s cut to 40 % after a retrofit, a new low-wind source
// at 250° after) and the example year's V split at 1 July (data/shanghai-xact-2025.csv).
// polarDiff rows: r and max |Δ| of the difference surface over grid points unmasked in both,
// aozora's default and `openair: true`; openair's colour limit. CBPF in the default mode is not
// clipped at 1 (a documented difference): its max |Δ| is reported, the `openair: true` row is the
// target (the default's difference r ≥ 0.99 stays a target).
// polarCluster rows: share of grid points (and of rows) in the same cluster after the best
// matching of cluster labels — the target with `openair: true`; in the default (a corrected
// surface, the nearest-node row rule: documented differences) the agreement is reported and the
// row rule is checked by a nearest-node search.
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

/** The simulated retrofit (aozora's simulatePolarRetrofit: before, a source at 130°, 4–7 m/s; after, cut to 40 % and a new one at 250°, 1–3 m/s), hourly dates from 2025-01-01. */
function retrofit() {
  const { before, after } = a.simulatePolarRetrofit();
  const date = Array.from(before.values, (_, i) =>
    new Date(Date.UTC(2025, 0, 1) + i * 3600e3).toISOString().slice(0, 19).replace("T", " "),
  );
  return { before: { ...before, date }, after: { ...after, date } };
}

function writeInput(name, s) {
  let t = "date,wd,ws,conc\n";
  for (let i = 0; i < s.values.length; i++)
    t +=
      [s.date ? s.date[i] : new Date(Date.UTC(2025, 0, 1) + i * 3600e3).toISOString().slice(0, 19).replace("T", " ")]
        .concat([s.wd[i], s.ws[i], s.values[i]].map((x) => (Number.isFinite(x) ? x : "NA")))
        .join(",") + "\n";
  const f = join(dir, name);
  writeFileSync(f, t);
  return f;
}

const readCsv = (f) =>
  readFileSync(f, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map((x) => (x === "NA" || x === '"NA"' ? NaN : Number(x.replace(/"/g, "")))));

/** aozora's surface at openair's points (u, v): the node when the grids align, else bilinear (NaN outside). */
function sampleAt(grid, G, R, step, u, v) {
  const fx = (u + R) / step,
    fy = (R - v) / step;
  const jx = Math.floor(fx + 1e-9),
    jy = Math.floor(fy + 1e-9);
  const tx = Math.max(0, fx - jx),
    ty = Math.max(0, fy - jy);
  const at = (x, y) => (x < 0 || y < 0 || x >= G || y >= G ? NaN : grid[y * G + x].z);
  if (tx < 1e-6 && ty < 1e-6) return at(jx, jy);
  return (
    (1 - tx) * (1 - ty) * at(jx, jy) +
    tx * (1 - ty) * at(jx + 1, jy) +
    (1 - tx) * ty * at(jx, jy + 1) +
    tx * ty * at(jx + 1, jy + 1)
  );
}

function compareGrid(grid, G, R, step, oa, col = 2) {
  const A = [],
    O = [];
  let maxd = 0;
  for (const row of oa) {
    const [u, v] = row,
      z = row[col];
    const za = sampleAt(grid, G, R, step, u, v);
    if (Number.isFinite(z) && Number.isFinite(za)) {
      A.push(za);
      O.push(z);
      maxd = Math.max(maxd, Math.abs(za - z));
    }
  }
  return { r: a.pearson(A, O), maxd, n: A.length };
}

/** Share of items with the same label after the best one-to-one matching of labels (brute force over permutations, k ≤ 8). */
export function agreement(x, y, k) {
  const m = Array.from({ length: k + 1 }, () => new Float64Array(k + 1));
  let n = 0;
  for (let i = 0; i < x.length; i++)
    if (x[i] > 0 && y[i] > 0) {
      m[x[i]][y[i]]++;
      n++;
    }
  let best = 0;
  const perm = Array.from({ length: k }, (_, i) => i + 1);
  const rec = (j, used, s) => {
    if (j > k) {
      best = Math.max(best, s);
      return;
    }
    for (const p of perm) if (!used.has(p)) rec(j + 1, new Set([...used, p]), s + m[j][p]);
  };
  rec(1, new Set(), 0);
  const same = Array.from({ length: k }, (_, i) => m[i + 1][i + 1]).reduce((s, q) => s + q, 0);
  return { matched: best / n, sameNumbers: same / n, n };
}

function openairDiff(b, f, stat, pct, tag) {
  const out = join(dir, `oa-diff-${tag}.csv`),
    drawn = join(dir, `oa-diff-drawn-${tag}.csv`);
  const txt = execFileSync("Rscript", [join(here, "polardiff.R"), b, f, stat, pct, out, drawn], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "ignore"],
  }).toString();
  const lim = Number(/limit (\S+)/.exec(txt)[1]);
  return { data: readCsv(out), drawn: readCsv(drawn), limit: lim };
}

function openairCluster(csv, k, tag) {
  const g = join(dir, `oa-cl-${tag}.csv`),
    rows = join(dir, `oa-clrows-${tag}.csv`);
  const txt = execFileSync("Rscript", [join(here, "polarcluster.R"), csv, String(k), g, rows], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "ignore"],
  }).toString();
  const seconds = Number(/seconds (\S+)/.exec(txt)[1]);
  const grid = readFileSync(g, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const rr = readFileSync(rows, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => (l === "NA" ? 0 : Number(l.replace(/"/g, "").replace("C", ""))));
  return { grid, rows: rr, seconds };
}

/** max |min(a, 1) − min(b, 1)| over the grid points unmasked in both surfaces (openair's clipped CBPF difference). */
function clippedMaxAbs(before, after) {
  let m = 0;
  for (let g = 0; g < before.length; g++) {
    const b = before[g].z,
      f = after[g].z;
    if (Number.isFinite(b) && Number.isFinite(f)) m = Math.max(m, Math.abs(Math.min(f, 1) - Math.min(b, 1)));
  }
  return m;
}

/**
 * Share of rows (finite value, wd, ws) whose cluster is that of the grid node nearest their
 * position of the shifted speed ws − wsOffset (masked or outside the grid: no cluster, 0), found by
 * comparing the distances to the 4 × 4 nodes around the position.
 */
function nearestNodeAgreement(s, surface, lvl) {
  const G = surface.gridSize,
    R = surface.radius,
    st = surface.step,
    off = surface.fit.wsOffset;
  let n = 0,
    same = 0;
  for (let i = 0; i < s.values.length; i++) {
    if (!Number.isFinite(s.values[i]) || !Number.isFinite(s.wd[i]) || !Number.isFinite(s.ws[i])) continue;
    const x = s.ws[i] - off;
    const u = x * Math.sin((s.wd[i] * Math.PI) / 180),
      v = x * Math.cos((s.wd[i] * Math.PI) / 180);
    const cx = Math.floor((u + R) / st),
      cy = Math.floor((R - v) / st);
    let best = Infinity,
      cl = 0;
    for (let iy = cy - 1; iy <= cy + 2; iy++)
      for (let ix = cx - 1; ix <= cx + 2; ix++) {
        const du = u - (-R + ix * st),
          dv = v - (R - iy * st);
        const d = du * du + dv * dv;
        if (d < best) {
          best = d;
          cl = ix < 0 || iy < 0 || ix >= G || iy >= G ? 0 : lvl.grid[iy * G + ix];
        }
      }
    n++;
    if (cl === lvl.rows[i]) same++;
  }
  return { share: same / n, n };
}

export async function run() {
  mkdirSync(dir, { recursive: true });
  const rows = [];
  // polarDiff
  const h = a.xactHourly(a.readXact(join(root, "data/shanghai-xact-2025.csv"), { utcOffset: "+08:00" }));
  const cut = Date.UTC(2025, 6, 1) - 8 * 3600e3;
  const pick = (keep) => {
    const idx = [];
    for (let i = 0; i < h.times.length; i++) if (keep(h.times[i])) idx.push(i);
    return { values: idx.map((i) => h.conc.V[i]), wd: idx.map((i) => h.wd[i]), ws: idx.map((i) => h.ws[i]) };
  };
  const sim = retrofit();
  const pairs = [
    ["simulated retrofit", sim.before, sim.after, "sim"],
    ["example year V, H1 → H2", pick((t) => t < cut), pick((t) => t >= cut), "xact"],
  ];
  const stats = [
    ["mean", {}, "mean", "NA"],
    ["CBPF P75", { statistic: "cpf", percentile: 75 }, "cpf", "75"],
  ];
  for (const [label, b, f, tag] of pairs) {
    const bf = writeInput(`diff-${tag}-before.csv`, b),
      ff = writeInput(`diff-${tag}-after.csv`, f);
    for (const [sl, opts, stat, pct] of stats) {
      const oa = openairDiff(bf, ff, stat, pct, `${tag}-${stat}`);
      for (const mode of ["openair: true", "default"]) {
        const res = a.polarDiff(b, f, { ...opts, openair: mode === "openair: true", resmooth: true });
        const c = compareGrid(res.grid, res.gridSize, res.radius, res.step, oa.data, 4);
        const what = `${label}, ${sl}, ${mode}`;
        rows.push({
          fn: "polarDiff",
          what: `${what}: difference r`,
          aozora: c.r,
          openair: 1,
          target: "≥ 0.99",
          pass: c.r >= 0.99,
        });
        let oaMax = 0;
        for (const q of oa.data) if (Number.isFinite(q[4])) oaMax = Math.max(oaMax, Math.abs(q[4]));
        if (stat === "cpf" && mode === "default") {
          // documented differences: aozora's default does not clip the smoothed CBPF at 1 (openair
          // clips each period's surface before subtracting) and places bins at their centres; the
          // max |Δ| target is the `openair: true` row; here the value is reported, with the maximum
          // of the surfaces clipped at 1 in the label
          const clipped = clippedMaxAbs(res.before.grid, res.after.grid);
          rows.push({
            fn: "polarDiff",
            what: `${what}: max |after − before| (not clipped at 1, documented; clipped at 1: ${clipped.toPrecision(4)}; max |aozora − openair| ${c.maxd.toPrecision(3)})`,
            aozora: res.maxAbs,
            openair: oaMax,
            target: "reported (the openair: true row is the target)",
            pass: true,
          });
        } else
          rows.push({
            fn: "polarDiff",
            what: `${what}: max |after − before| (max |aozora − openair| ${c.maxd.toPrecision(3)})`,
            aozora: res.maxAbs,
            openair: oaMax,
            target: "within 5 %",
            pass: Math.abs(res.maxAbs / oaMax - 1) <= 0.05,
          });
        if (mode === "openair: true") {
          const d = compareGrid(
            res.resmoothed.grid,
            res.resmoothed.gridSize,
            res.resmoothed.radius,
            res.resmoothed.step,
            oa.drawn,
            2,
          );
          rows.push({
            fn: "polarDiff",
            what: `${what}: drawn (re-smoothed) surface r (openair keeps the rim outside the circle)`,
            aozora: d.r,
            openair: 1,
            target: "reported",
            pass: true,
          });
          rows.push({
            fn: "polarDiff",
            what: `${label}, ${sl}: openair's colour limit (limits: "openair")`,
            aozora: a.openairDiffLimit(res.maxAbs),
            note: "openair: limits c(−L, L) with L as printed; L = −1 gives c(1, −1), i.e. ±1",
            openair: Math.abs(oa.limit),
            target: "equal",
            pass: a.openairDiffLimit(res.maxAbs) === Math.abs(oa.limit),
          });
        }
      }
    }
  }
  // polarCluster
  const clusterInputs = [
    ["simulated year (two sources)", sim.after, "sim"],
    ["example year V", { values: h.conc.V, wd: h.wd, ws: h.ws }, "xact"],
  ];
  for (const [label, s, tag] of clusterInputs) {
    const csv = writeInput(`cl-${tag}.csv`, s);
    const k = 6;
    const oa = openairCluster(csv, k, tag);
    for (const mode of ["openair: true", "default"]) {
      const t0 = performance.now();
      const res = a.polarCluster(s, { nClusters: k, openair: mode === "openair: true" });
      const secs = (performance.now() - t0) / 1000;
      const lvl = res.levels[0];
      const G = res.surface.gridSize,
        R = res.surface.radius,
        st = res.surface.step;
      const ga = [],
        go = [];
      for (const [u, v, , cl] of oa.grid) {
        const ix = Math.round((u + R) / st),
          iy = G - 1 - Math.round((v + R) / st);
        ga.push(lvl.grid[iy * G + ix]);
        go.push(cl);
      }
      const gAgree = agreement(ga, go, k);
      const rAgree = agreement(lvl.rows, oa.rows, k);
      const what = `${label}, ${k} clusters, ${mode}`;
      if (mode === "openair: true") {
        rows.push({
          fn: "polarCluster",
          what: `${what}: grid points in the same cluster (best label matching; same numbers ${gAgree.sameNumbers.toFixed(4)})`,
          aozora: gAgree.matched,
          openair: 1,
          target: "≥ 0.99",
          pass: gAgree.matched >= 0.99,
        });
        rows.push({
          fn: "polarCluster",
          what: `${what}: rows in the same cluster`,
          aozora: rAgree.matched,
          openair: 1,
          target: "≥ 0.99",
          pass: rAgree.matched >= 0.99,
        });
      } else {
        // documented differences (polarCluster's TSDoc): the default clusters polarPlot's corrected
        // surface (bins at their centres, north bin, outer mask) and gives a row the grid point
        // nearest its shifted position; k-medoids can move whole clusters for a small change of
        // the surface, so agreement with openair is reported, and the row rule is checked
        rows.push({
          fn: "polarCluster",
          what: `${what}: grid points in the same cluster as openair's (best label matching; same numbers ${gAgree.sameNumbers.toFixed(4)})`,
          aozora: gAgree.matched,
          openair: 1,
          // a floor, not agreement: session 9 measured 60–84 % on the two data sets; below half is a regression
          target: "≥ 0.5 (default surface differs, documented)",
          pass: gAgree.matched >= 0.5,
        });
        rows.push({
          fn: "polarCluster",
          what: `${what}: rows in the same cluster as openair's`,
          aozora: rAgree.matched,
          openair: 1,
          target: "≥ 0.5 (default surface and row rule differ, documented)",
          pass: rAgree.matched >= 0.5,
        });
        const near = nearestNodeAgreement(s, res.surface, lvl);
        rows.push({
          fn: "polarCluster",
          what: `${what}: rows whose cluster is that of the grid point nearest their shifted position (search of the 4 × 4 nodes around it; ${near.n} rows)`,
          aozora: near.share,
          openair: "",
          target: "= 1 (documented row rule)",
          pass: near.share === 1,
        });
      }
      rows.push({
        fn: "polarCluster",
        what: `${what}: seconds (openair ${oa.seconds.toFixed(1)} s)`,
        aozora: secs,
        openair: oa.seconds,
        target: "reported",
        pass: true,
      });
    }
  }
  return rows;
}
