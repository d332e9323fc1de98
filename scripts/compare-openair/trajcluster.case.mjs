// openair comparison of trajCluster and SQTBA (issue #18 item 3) on the example trajectories
// (data/shanghai-tdump-*.txt, 248 72-h back trajectories) and concentrations
// (data/shanghai-trajectory-conc.csv, Pb). Calls Rscript on trajcluster.R; aozora from dist/
// (run `bash scripts/build.sh` first).
// Alone: node -e "import('./scripts/compare-openair/trajcluster.case.mjs').then(async m=>console.table(await m.run()))"
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

export function rscript(args) {
  return execFileSync("Rscript", [join(here, "trajcluster.R"), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "ignore"],
  });
}

export function parseCsv(text) {
  const lines = text.trim().split(/\r?\n/);
  const head = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  return lines.slice(1).map((l) => {
    const f = l.split(",").map((x) => x.replace(/"/g, ""));
    const o = {};
    head.forEach((h, i) => (o[h] = f[i] === "NA" ? NaN : /^-?[\d.eE+-]+$/.test(f[i]) ? Number(f[i]) : f[i]));
    return o;
  });
}

const iso = (t) => new Date(t).toISOString().slice(0, 19).replace("T", " ");

/** Endpoints as openair's trajectory data frame (date = arrival, hour.inc 0, −1, …), optionally with a concentration column. */
export function writeTrajCsv(file, read, conc) {
  const e = read.endpoints;
  const traj = e.numbers("traj"),
    age = e.numbers("age"),
    lat = e.numbers("lat"),
    lon = e.numbers("lon");
  const arrival = new Map(read.trajectories.map((t) => [t.traj, t.start]));
  const idx = [...Array(e.numRows).keys()].sort((x, y) => traj[x] - traj[y] || Math.abs(age[x]) - Math.abs(age[y]));
  const lines = [conc ? "date,hour.inc,lat,lon,Pb" : "date,hour.inc,lat,lon"];
  for (const i of idx) {
    const row = [iso(arrival.get(traj[i])), age[i], lat[i], lon[i]];
    if (conc) {
      const v = conc.get(traj[i]);
      row.push(v === undefined || !Number.isFinite(v) ? "NA" : v);
    }
    lines.push(row.join(","));
  }
  writeFileSync(file, lines.join("\n") + "\n");
  return arrival;
}

function permutations(k) {
  if (k === 1) return [[0]];
  const out = [];
  for (const p of permutations(k - 1))
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), k - 1, ...p.slice(i)]);
  return out;
}

/** Best label matching of two clusterings (1-based labels): agreement share and the permutation. */
export function bestMatch(x, y, k) {
  const tab = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let i = 0; i < x.length; i++) tab[x[i] - 1][y[i] - 1]++;
  let best = -1,
    perm;
  for (const p of permutations(k)) {
    let s = 0;
    for (let c = 0; c < k; c++) s += tab[c][p[c]];
    if (s > best) [best, perm] = [s, p];
  }
  return { agree: best / x.length, perm };
}

const km = (a1, o1, a2, o2) => {
  const r = Math.PI / 180;
  const h =
    Math.sin(((a2 - a1) * r) / 2) ** 2 + Math.cos(a1 * r) * Math.cos(a2 * r) * Math.sin(((o2 - o1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
};

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), "aozora-trajcluster-"));
  const read = a.readHysplitFiles(join(root, "data"), { match: /^shanghai-tdump-\d+\.txt$/ });
  const file = join(dir, "traj.csv");
  const arrival = writeTrajCsv(file, read);
  const rows = [];
  for (const method of ["euclid", "angle"]) {
    const asg = join(dir, `assign-${method}.csv`),
      pth = join(dir, `paths-${method}.csv`);
    rscript(["cluster", file, method === "euclid" ? "Euclid" : "Angle", "5", asg, pth]);
    const oa = new Map(parseCsv(readFileSync(asg, "utf8")).map((r) => [r.date, Number(String(r.cluster).slice(1))]));
    const paths = parseCsv(readFileSync(pth, "utf8"));
    for (const openair of [true, false]) {
      const r = await a.trajCluster(read.endpoints, { method, nCluster: 5, openair });
      const mine = [...r.cluster],
        theirs = r.traj.map((t) => oa.get(iso(arrival.get(t))));
      const { agree, perm } = bestMatch(mine, theirs, 5);
      let maxKm = 0,
        maxPct = 0;
      for (const c of r.clusters) {
        const lab = `C${perm[c.cluster - 1] + 1}`;
        const theirPath = paths.filter((p) => p.cluster === lab);
        maxPct = Math.max(maxPct, Math.abs(c.percent - theirPath[0].freq));
        for (const p of c.path) {
          const q = theirPath.find((x) => x["hour.inc"] === p.age);
          maxKm = Math.max(maxKm, km(p.lat, p.lon, q.lat, q.lon));
        }
      }
      const tag = `${method}, ${openair ? "openair: true" : "default"}, 248 trajectories, 5 clusters`;
      rows.push({
        fn: "trajCluster",
        what: `${tag}: assignments equal up to labels`,
        aozora: +(100 * agree).toFixed(2),
        openair: 100,
        target: openair ? "100 %" : "report",
        pass: openair ? agree === 1 : true,
      });
      rows.push({
        fn: "trajCluster",
        what: `${tag}: largest mean-path distance (km) / % difference`,
        aozora: `${maxKm.toFixed(3)} km / ${maxPct.toFixed(2)} %`,
        openair: "0",
        target: openair ? "≤ 1 km, ≤ 0.05 %" : "report",
        pass: openair ? maxKm <= 1 && maxPct <= 0.05 : true,
      });
    }
  }
  // SQTBA: trajLevel(statistic = "sqtba", sigma = 1.5) on the example trajectories + Pb
  const conc = a.readMonitoringTable(join(root, "data", "shanghai-trajectory-conc.csv"), { utcOffset: "+08:00" });
  const joined = a.joinConcentration(read.trajectories, conc.table, "Pb", { toleranceMinutes: 0 });
  const pbFile = join(dir, "traj-pb.csv");
  writeTrajCsv(pbFile, read, new Map(joined.trajectories.map((t) => [t.traj, t.value])));
  const sqFile = join(dir, "sqtba.csv");
  rscript(["sqtba", pbFile, "1.5", sqFile]);
  const theirs = new Map(parseCsv(readFileSync(sqFile, "utf8")).map((r) => [`${r.ygrid}/${r.xgrid}`, r]));
  for (const openair of [true, false]) {
    const g = a.sqtba(read.endpoints, joined, { openair });
    let maxRel = 0,
      same = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      syy = 0,
      sxy = 0;
    for (const c of g.cells) {
      const o = theirs.get(`${c.lat}/${c.lon}`);
      if (!o) continue;
      same++;
      maxRel = Math.max(maxRel, Math.abs(c.value - o.Pb) / Math.abs(o.Pb));
      ((sx += c.value), (sy += o.Pb), (sxx += c.value ** 2), (syy += o.Pb ** 2), (sxy += c.value * o.Pb));
    }
    const r = (same * sxy - sx * sy) / Math.sqrt((same * sxx - sx * sx) * (same * syy - sy * sy));
    const tag = `Pb, σ = 1.5 km/h, 1° grid, ${openair ? "openair: true" : "default"}`;
    rows.push({
      fn: "sqtba",
      what: `${tag}: nodes (aozora / openair / both)`,
      aozora: g.cells.length,
      openair: theirs.size,
      target: "equal",
      pass: g.cells.length === theirs.size && same === theirs.size,
    });
    rows.push({
      fn: "sqtba",
      what: `${tag}: largest relative node difference; r over nodes`,
      aozora: `${maxRel.toExponential(2)}; r ${r.toFixed(6)}`,
      openair: "0; 1",
      target: openair ? "≤ 1e-9" : "report",
      pass: openair ? maxRel <= 1e-9 : true,
    });
  }
  return rows;
}
