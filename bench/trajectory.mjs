// Trajectory benchmark (issue: PSCF on 3 years of 72-h back trajectories every 3 h, target < 10 s):
// 8,760 trajectories × 73 hourly endpoints (639,480 endpoints), simulated, written as 365 daily
// HYSPLIT tdump files, read back, joined to a 3-hourly concentration series, then PSCF, CWT and
// the frequency map at 1° and 0.5°. Called by bench/run.mjs; also runs alone: `node bench/trajectory.mjs`.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

const ms = (t0) => +(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1);

export async function runTrajectoryBench() {
  const rows = [];
  let t = process.hrtime.bigint();
  const source = { latMin: 33.5, latMax: 37.5, lonMin: 113.5, lonMax: 118.5 };
  const sim = a.simulateTrajectories({
    seed: 3,
    start: "2022-01-01T00:00",
    arrivals: 8760,
    site: { lat: 31.23, lon: 121.47 },
    source,
    species: [{ name: "Pb", unit: "ng/m3", background: 15, sigma: 0.5, perHour: 1.5 }],
  });
  rows.push({ name: "simulateTrajectories: 8760 × 72-h back trajectories", ms: ms(t) });
  const dir = join(tmpdir(), "aozora-bench-traj");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < sim.trajectories.length; i += 24)
    writeFileSync(
      join(dir, `tdump-${String(i / 24).padStart(4, "0")}`),
      a.formatTdump(sim.trajectories.slice(i, i + 24)),
    );
  t = process.hrtime.bigint();
  const read = a.readHysplitFiles(dir);
  rows.push({
    name: "readHysplitFiles: 365 tdump files, 639,480 endpoints",
    ms: ms(t),
    endpoints: read.endpoints.numRows,
  });
  const conc = a.AqTable.create(
    { time: sim.trajectories.map((x) => x.arrival), Pb: sim.trajectories.map((x) => x.conc.Pb) },
    { time: { kind: "time" }, Pb: { unit: "ng/m3" } },
    { column: "time", utcOffsetMinutes: 480 },
  );
  t = process.hrtime.bigint();
  const j = a.joinConcentration(read.trajectories, conc, "Pb");
  rows.push({ name: "joinConcentration: 8760 arrivals", ms: ms(t) });
  for (const resolution of [1, 0.5]) {
    t = process.hrtime.bigint();
    const g = a.pscf(read.endpoints, j, { resolution });
    rows.push({ name: `pscf: ${resolution}° grid (target < 10 s)`, ms: ms(t), cells: g.cells.length });
    t = process.hrtime.bigint();
    a.cwt(read.endpoints, j, { resolution });
    rows.push({ name: `cwt: ${resolution}° grid`, ms: ms(t) });
  }
  t = process.hrtime.bigint();
  a.trajectoryFrequency(read.endpoints);
  rows.push({ name: "trajectoryFrequency: 1° grid", ms: ms(t) });
  const g = a.pscf(read.endpoints, j);
  t = process.hrtime.bigint();
  await a.renderSvg(a.trajectoryMapSpec(g, { site: { lat: 31.23, lon: 121.47 } }));
  rows.push({ name: "trajectoryMapSpec + renderSvg: PSCF map", ms: ms(t) });
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runTrajectoryBench()) console.log(`${r.name}: ${r.ms} ms`);
}
