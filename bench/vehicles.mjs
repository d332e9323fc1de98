// Vehicle-emission benchmark (issue #10): remote-sensing reading and emission factors on a large
// simulated record set, and factor naming. Targets: 50,000 RSD passes read + EFs in < 1 s;
// naming 7 factors against 9 references in < 10 ms. Called by bench/run.mjs; runs alone too:
// `node bench/vehicles.mjs`.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { time as timeIt } from "./timing.mjs";

const require = createRequire(import.meta.url);
const time = (name, fn, reps = 5) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};
const a = require("../dist/index.js");

export async function runVehicleBench() {
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const sim = a.simulateRemoteSensing({ seed: 1, vehicles: 20000, passes: 50000, days: 30, start: "2025-05-01" });
  const file = join(dir, "rsd.csv");
  writeFileSync(file, sim.csv);
  const rows = [];
  rows.push({
    ...time(
      "readRemoteSensing + rsdEmissions: 50,000 passes (target < 1000 ms)",
      () => a.rsdEmissions(a.readRemoteSensing(file, { utcOffset: "+08:00" }).records),
      3,
    ),
    records: 50000,
  });
  const pm = a.simulatePm25Composition({ seed: 2, days: 1 }).truth;
  const refs = [
    ...a.profilesFromMatrix(pm.F, pm.species, pm.sources, {
      total: "PM2.5",
      provenance: { kind: "simulated", source: "bench" },
    }),
    ...a.builtinProfiles(),
  ];
  const factors = refs
    .slice(0, 7)
    .map((r) => ({ ...r, name: r.name + " factor", fraction: r.fraction.map((v, j) => v * (1 + 0.1 * Math.sin(j))) }));
  rows.push(
    time("identifyFactors: 7 factors × 11 references (target < 10 ms)", () => a.identifyFactors(factors, refs), 20),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runVehicleBench());
