// Chemical mechanism readers and rate constants (src/photochem): CB6r5 from the CMAQ reference folder
// (shared/reference/mechanisms, or $AOZORA_SHARED) parsed and compiled, then rateConstants(env) — called
// once per integrator step — timed over 10,000 calls at varying temperature, side by side (same run) with
// its peer in the integrator, one evaluation of every reaction rate k·Π[reactants] of the same system.
// Target (2-core machine, quiet): rateConstants ≤ 20 µs per call for CB6r5 (≈ 320 gas-phase reactions),
// i.e. ≤ 0.04 s for the ≈ 2,000 steps of a 24-h box-model run whose budget is 2 s (issue #22).
// Called by bench/run.mjs; also runs alone: `node bench/mechanism.mjs`.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";

const require = createRequire(import.meta.url);
const a = require("../dist/index.js");
const time = (name, fn, reps = 5) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};

/** Returns benchmark rows (same shape as bench/run.mjs rows). */
export async function runMechanismBench() {
  const shared = resolve(
    process.env.AOZORA_SHARED ?? join(fileURLToPath(new URL("..", import.meta.url)), "..", "shared"),
  );
  const path = join(shared, "reference", "mechanisms", "mech_cb6r5_ae7_aq.def");
  if (!existsSync(path)) return [{ name: "CB6r5 mechanism", skipped: `${path} not found (set AOZORA_SHARED)` }];
  const text = readFileSync(path, "utf8");
  const rows = [];
  let mech;
  rows.push(
    time(
      "parseChemmech: mech_cb6r5_ae7_aq.def (349 reactions)",
      () => (mech = a.parseChemmech(text, { file: path, lenientExponent: true })),
      10,
    ),
  );
  let c;
  rows.push(time("compileMechanism: CB6r5, gas phase", () => (c = a.compileMechanism(mech)), 10));
  const nr = c.system.reactions.length;
  const photolysis = Object.fromEntries(c.photolysisNames.map((n) => [n, 1e-4]));
  const envs = Array.from({ length: 100 }, (_, i) => {
    const T = 260 + 0.4 * i;
    const M = a.airNumberDensity(101325, T);
    return { temperatureK: T, pressurePa: 101325, M, O2: 0.2095 * M, N2: 0.7808 * M, H2O: 4e17, photolysis };
  });
  const k = new Float64Array(nr);
  const calls = 10000;
  const rc = time(`rateConstants: CB6r5 (${nr} reactions), ${calls} calls`, () => {
    for (let i = 0; i < calls; i++) c.rateConstants(envs[i % 100], k);
  });
  const fixed = time(`rateConstants: same, at one temperature (thermal part reused), ${calls} calls`, () => {
    for (let i = 0; i < calls; i++) c.rateConstants(envs[0], k);
  });
  fixed.us_per_call = +((fixed.median_ms * 1000) / calls).toFixed(2);
  // peer: one evaluation of all reaction rates k·Π[reactants] (what the integrator does per function call)
  const conc = new Float64Array(c.system.species.length).fill(1e10);
  const reactants = c.system.reactions.map((r) => Int32Array.from(r.reactants));
  const rate = new Float64Array(nr);
  const peer = time(`reaction rates k·Π[reactants]: same system, ${calls} evaluations (peer)`, () => {
    for (let n = 0; n < calls; n++)
      for (let r = 0; r < nr; r++) {
        let v = k[r];
        const rr = reactants[r];
        for (let j = 0; j < rr.length; j++) v *= conc[rr[j]];
        rate[r] = v;
      }
  });
  rc.us_per_call = +((rc.median_ms * 1000) / calls).toFixed(2);
  peer.us_per_call = +((peer.median_ms * 1000) / calls).toFixed(2);
  rc.ratio_to_peer = +(rc.median_ms / peer.median_ms).toFixed(2);
  rc.target_us = 20;
  rows.push(rc, fixed, peer);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runMechanismBench()) console.log(JSON.stringify(r));
}
