// openair comparison case of smoothTrend and conditionalQuantile (issue #18 item 3). Calls Rscript
// on smoothtrend.R / condquantile.R beside this file; aozora from dist/ (run `bash scripts/build.sh` first).
// Alone: node -e "import('./scripts/compare-openair/smoothtrend.case.mjs').then(async m=>console.table(await m.run()))"
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const require = createRequire(import.meta.url);
const a = require(join(root, "dist", "index.js"));

function rscript(file, args) {
  execFileSync("Rscript", [join(here, file), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "ignore", "ignore"],
  });
}
function readCsv(file) {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const head = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const f = l.split(",");
    const o = {};
    head.forEach((h, i) => (o[h] = f[i] === "NA" ? NaN : Number(f[i])));
    return o;
  });
}
const maxAbs = (x, y) => x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
const meanWidth = (rows) => rows.reduce((s, r) => s + (r.upper - r.lower), 0) / rows.length;

/** 8 simulated years of hourly values at UTC+8: smooth trend, seasonal cycle, noise, missing hours and a 6-week gap. */
function simulated(dir) {
  const rng = new a.Rng(11);
  const t0 = Date.UTC(2012, 0, 1) - 8 * 3600000;
  const n = 24 * 365 * 8;
  const times = new Float64Array(n),
    values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / (24 * 365.25);
    times[i] = t0 + i * 3600000;
    values[i] =
      20 + 5 * Math.sin((2 * Math.PI * t) / 6) - 0.8 * t + 6 * Math.cos(2 * Math.PI * (t - 0.05)) + 8 * rng.normal();
    if (rng.uniform() < 0.04 || (i >= 20000 && i <= 21000)) values[i] = NaN;
  }
  return write(dir, "sim", times, values);
}
/** The example year: hourly V (ng/m3) at the Shanghai-like site (UTC+8). */
function shanghai(dir) {
  const h = a.xactHourly(a.readXact(join(root, "data", "shanghai-xact-2025.csv"), { utcOffset: "+08:00" }));
  return write(dir, "shanghai-V", h.times, h.conc.V);
}
function write(dir, name, times, values) {
  const lines = ["t,value"];
  for (let i = 0; i < times.length; i++)
    lines.push(`${times[i] / 1000},${Number.isFinite(values[i]) ? values[i] : "NA"}`);
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, lines.join("\n") + "\n");
  return { name, file, times, values };
}

function compareTrend(dir, data, deseason, simulate) {
  const prefix = join(dir, `${data.name}-${deseason}`);
  rscript("smoothtrend.R", [
    data.file,
    "Etc/GMT-8",
    deseason ? "TRUE" : "FALSE",
    "month",
    "mean",
    "NA",
    prefix,
    ...(simulate ? ["simulate", "FALSE"] : []),
  ]);
  const fit = readCsv(`${prefix}-fit.csv`),
    dat = readCsv(`${prefix}-data.csv`);
  const r = a.smoothTrend(data.times, data.values, 480, { deseason });
  const what = `${data.name}, ${deseason ? "deseason (STL)" : "monthly means"}`;
  const pred = r.fit.map((p) => p.pred),
    oaPred = fit.map((f) => f.pred);
  const rows = [
    {
      fn: "smoothTrend",
      what: `${what}: monthly values max |Δ|`,
      aozora: maxAbs(
        r.periods.map((p) => p.y),
        dat.map((d) => d.conc),
      ),
      openair: 0,
      target: deseason ? "≤ 0.1" : "≤ 1e-9",
    },
    {
      fn: "smoothTrend",
      what: `${what}: fitted curve r`,
      aozora: a.pearson(pred, oaPred),
      openair: 1,
      target: "≥ 0.999",
    },
    {
      fn: "smoothTrend",
      what: `${what}: curve max |Δ| / mean`,
      aozora: maxAbs(pred, oaPred) / (oaPred.reduce((s, v) => s + v, 0) / oaPred.length),
      openair: 0,
      target: "≤ 0.01",
    },
    {
      fn: "smoothTrend",
      what: `${what}: 95 % band mean width`,
      aozora: meanWidth(r.fit),
      openair: meanWidth(fit),
      target: "ratio 0.97–1.03",
    },
  ];
  rows[0].pass = rows[0].aozora <= (deseason ? 0.1 : 1e-9);
  rows[1].pass = rows[1].aozora >= 0.999;
  rows[2].pass = rows[2].aozora <= 0.01;
  rows[3].pass = Math.abs(rows[3].aozora / rows[3].openair - 1) <= 0.03;
  if (simulate) {
    const sim = readCsv(`${prefix}-sim.csv`);
    const ours = a.smoothTrend(data.times, data.values, 480, { simulate: true, nBoot: 200 });
    const theirs = a.smoothTrend(data.times, data.values, 480, { simulate: true, nBoot: 200, openair: true });
    const w = meanWidth(sim);
    rows.push(
      {
        fn: "smoothTrend",
        what: `${data.name}: bootstrap band width (aozora default vs openair simulate = TRUE)`,
        aozora: meanWidth(ours.fit),
        openair: w,
        target: "ratio 0.8–1.25",
        pass: Math.abs(Math.log(meanWidth(ours.fit) / w)) <= Math.log(1.25),
      },
      {
        fn: "smoothTrend",
        what: `${data.name}: bootstrap band width (openair: true vs openair)`,
        aozora: meanWidth(theirs.fit),
        openair: w,
        target: "ratio 0.9–1.1",
        pass: Math.abs(Math.log(meanWidth(theirs.fit) / w)) <= Math.log(1.1),
      },
    );
  }
  return rows;
}

function compareCq(dir) {
  const rng = new a.Rng(2);
  const lines = ["obs,mod"];
  const obs = [],
    mod = [];
  for (let i = 0; i < 2000; i++) {
    const m = Math.exp(3 + 0.5 * rng.normal());
    const o = Math.max(0, 0.8 * m + 4 + 6 * rng.normal());
    obs.push(o);
    mod.push(m);
    lines.push(`${o},${m}`);
  }
  const inFile = join(dir, "cq.csv"),
    outFile = join(dir, "cq-out.csv");
  writeFileSync(inFile, lines.join("\n") + "\n");
  rscript("condquantile.R", [inFile, outFile]);
  const oa = readCsv(outFile);
  const r = a.conditionalQuantile(obs, mod, { openair: true });
  let d = 0,
    blanks = 0;
  oa.forEach((o, j) => {
    const b = r.bins[j];
    const pairs = [
      [o.x, b.x],
      [o.n, b.n === 0 ? NaN : b.n],
      [o.med, b.median],
      [o.q25, b.q25],
      [o.q75, b.q75],
      [o.q10, b.q10],
      [o.q90, b.q90],
    ];
    for (const [x, y] of pairs) {
      if (Number.isNaN(x) !== Number.isNaN(y)) blanks++;
      else if (!Number.isNaN(x)) d = Math.max(d, Math.abs(x - y));
    }
  });
  return [
    {
      fn: "conditionalQuantile",
      what: "2,000 simulated pairs: max |Δ| of centre, n, median, percentiles",
      aozora: d,
      openair: 0,
      target: "≤ 1e-9",
      pass: d <= 1e-9,
    },
    {
      fn: "conditionalQuantile",
      what: "bins blanked differently (openair: true)",
      aozora: blanks,
      openair: 0,
      target: "0",
      pass: blanks === 0,
    },
  ];
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "aozora-smooth-"));
  const sim = simulated(dir),
    sh = shanghai(dir);
  return [
    ...compareTrend(dir, sim, false, true),
    ...compareTrend(dir, sim, true, false),
    ...compareTrend(dir, sh, false, false),
    ...compareCq(dir),
  ];
}
