// The stiff integrator on CB6r5 (issue #22 item 3; target: a 24-h OBM-like run after 3 days of
// spin-up ≤ 2 s on one core). The case is test/validate/photochem/cb6r5-box.json ("obm"): CMAQ's
// mech_cb6r5_ae7_aq.def (gas phase; heterogeneous and aerosol reactions off), fixed T, p, H2O, the
// photolysis rate constants on a half-sine day (06–18 h), 22 observed species (NO2, CO, SO2, VOCs)
// held hour by hour at a diurnal profile, every other species diluted at 1/(24 h), 96 h with hourly output. Side by side in the same run,
// the same system integrated by scipy.integrate.solve_ivp (BDF, same rtol/atol, analytic sparse
// Jacobian; test/validate/photochem-scipy.py), when python3 with scipy is present: wall times and
// CPU times and their ratios, and the O3 difference at the end (the wall time is the one the target
// is for; the CPU time is the one to trust on a loaded machine).
// Environment: AOZORA_SHARED (default ../shared) for the mechanism; AOZORA_PYTHON (default python3).
// Called by bench/run.mjs; also runs alone: `node bench/photochem-integrate.mjs` (needs dist: bash scripts/build.sh).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");
const here = dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.AOZORA_SHARED ?? resolve(here, "..", "..", "shared");
const PYTHON = process.env.AOZORA_PYTHON ?? "python3";
const CASE = JSON.parse(readFileSync(join(here, "..", "test", "validate", "photochem", "cb6r5-box.json"), "utf8"));
const SCIPY = join(here, "..", "test", "validate", "photochem-scipy.py");

const daylight = (t) => Math.max(0, Math.sin((Math.PI * (((t / 3600) % 24) - 6)) / 12));

/** The OBM-like CB6r5 case: system, noon rate constants, photolysis reactions, initial state, constraint. */
export function cb6r5ObmCase() {
  const def = join(SHARED, "reference", "mechanisms", "mech_cb6r5_ae7_aq.def");
  if (!existsSync(def)) return { skipped: `${def} not found (set AOZORA_SHARED)` };
  const mech = a.parseChemmech(readFileSync(def, "latin1"), { file: def, lenientExponent: true });
  const cm = a.compileMechanism(mech);
  const M = a.airNumberDensity(CASE.pressurePa, CASE.temperatureK);
  const kNoon = cm.rateConstants({
    temperatureK: CASE.temperatureK,
    pressurePa: CASE.pressurePa,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: CASE.h2oMixingRatio * M,
    photolysis: CASE.photolysis,
  });
  const photo = [];
  for (const r of mech.reactions) {
    const i = cm.reactionIndex(r.label);
    if (i !== undefined && r.rate.kind === "photolysis") photo.push(i);
  }
  const sp = cm.system.species;
  const c0 = Float64Array.from(sp, (s) => (CASE.initialPpb[s] ?? 0) * 1e-9 * M);
  const { constrained, amplitude, spinupHours, hours, dilutionPerSec } = CASE.obm;
  const indices = constrained.map((s) => sp.indexOf(s));
  const held = new Set(indices);
  // every species not held is diluted at dilutionPerSec: extra first-order reactions DIL_<species>
  const dil = sp.map((_, i) => i).filter((i) => !held.has(i));
  const system = {
    species: sp,
    reactions: [...cm.system.reactions, ...dil.map((i) => ({ label: `DIL_${sp[i]}`, reactants: [i], products: [] }))],
  };
  const k0 = Float64Array.from([...kNoon, ...dil.map(() => dilutionPerSec)]);
  const base = constrained.map((s) => CASE.initialPpb[s] * 1e-9 * M);
  const observed = (t, out) => {
    const f = 1 + amplitude * Math.cos((2 * Math.PI * (((t / 3600) % 24) - 8)) / 24);
    for (let q = 0; q < base.length; q++) out[q] = base[q] * f;
  };
  const t1 = 3600 * (spinupHours + hours);
  const outputTimes = Array.from({ length: spinupHours + hours }, (_, h) => 3600 * (h + 1));
  return { system, kNoon: k0, photo, c0, M, indices, observed, t1, outputTimes };
}

export function runPhotochemIntegrateBench() {
  const c = cb6r5ObmCase();
  if (c.skipped) return [{ name: "CB6r5 OBM-like 3 d spin-up + 24 h", skipped: c.skipped }];
  const { system, kNoon, photo, c0, M, indices, observed, t1, outputTimes } = c;
  const ck = a.compileKinetics(system);
  const isPhoto = new Uint8Array(kNoon.length);
  for (const i of photo) isPhoto[i] = 1;
  const k = (t, out) => {
    const f = daylight(t);
    for (let r = 0; r < kNoon.length; r++) out[r] = isPhoto[r] ? kNoon[r] * f : kNoon[r];
  };
  const rtol = 1e-4,
    atol = 1e3; // molecules cm-3 (4e-8 ppb)
  const o3 = system.species.indexOf("O3");
  const rows = [];
  for (const method of ["rodas3", "ros4", "rodas4"]) {
    const run = () =>
      a.integrate(ck, k, c0, 0, t1, { method, rtol, atol, outputTimes, constrain: { indices, values: observed } });
    run(); // warm-up
    const ts = [],
      cpu = [];
    let r;
    for (let rep = 0; rep < 3; rep++) {
      const t0 = performance.now(),
        c0u = process.cpuUsage();
      r = run();
      ts.push(performance.now() - t0);
      const du = process.cpuUsage(c0u);
      cpu.push((du.user + du.system) / 1000);
    }
    ts.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    rows.push({
      name: `CB6r5 (${system.species.length} species, ${system.reactions.length} reactions) OBM-like 72 h spin-up + 24 h, ${method} rtol ${rtol}`,
      median_ms: +ts[1].toFixed(1),
      min_ms: +ts[0].toFixed(1),
      reps: 3,
      cpu_ms: +cpu[1].toFixed(1),
      target_ms: 2000,
      steps: r.stats.steps,
      rejected: r.stats.rejected,
      lu: r.stats.luFactorizations,
      lu_nonzeros: ck.lu.factorNonzeros,
      o3_ppb_end: +((r.final[o3] / M) * 1e9).toFixed(4),
      _final: r.final,
    });
  }
  // scipy side by side
  const py = spawnSync(PYTHON, ["-c", "import scipy, numpy; print(scipy.__version__)"], { encoding: "utf8" });
  if (py.status !== 0) {
    rows.push({ name: "scipy solve_ivp BDF (same case)", skipped: "python3 with scipy not found" });
  } else {
    const dir = mkdtempSync(join(tmpdir(), "aozora-bench-photochem-"));
    const file = join(dir, "case.json");
    const values = [];
    const buf = new Float64Array(indices.length);
    for (const t of [0, ...outputTimes.slice(0, -1)]) {
      observed(t, buf);
      values.push(Array.from(buf));
    }
    writeFileSync(
      file,
      JSON.stringify({
        species: system.species,
        reactions: system.reactions.map((x) => ({
          reactants: x.reactants,
          products: x.products.map((p) => [p.index, p.coefficient]),
        })),
        k: Array.from(kNoon),
        c0: Array.from(c0),
        t0: 0,
        t1,
        outputTimes,
        method: "BDF",
        rtol,
        atol,
        diurnal: { reactions: photo },
        constrain: { indices, values },
      }),
    );
    const t0 = performance.now();
    const run = spawnSync(PYTHON, [SCIPY, file], { encoding: "utf8", maxBuffer: 1 << 28 });
    const wallTotal = performance.now() - t0;
    if (run.status !== 0)
      rows.push({ name: "scipy solve_ivp BDF (same case)", skipped: `failed: ${run.stderr.slice(0, 200)}` });
    else {
      const s = JSON.parse(run.stdout);
      const end = s.states[s.states.length - 1];
      const ts = rows[0];
      rows.push({
        name: `scipy ${py.stdout.trim()} solve_ivp BDF rtol ${rtol} (same case, one solve per hour)`,
        median_ms: +(s.wall_s * 1000).toFixed(1),
        cpu_ms: +(s.cpu_s * 1000).toFixed(1),
        process_ms: +wallTotal.toFixed(0),
        nfev: s.nfev,
        njev: s.njev,
        nlu: s.nlu,
        o3_ppb_end: +((end[o3] / M) * 1e9).toFixed(4),
        ratio_rodas3_to_scipy: +(ts.median_ms / (s.wall_s * 1000)).toFixed(3),
        cpu_ratio_rodas3_to_scipy: +(ts.cpu_ms / (s.cpu_s * 1000)).toFixed(3),
        o3_rel_diff_rodas3: +Math.abs(ts._final[o3] / end[o3] - 1).toExponential(2),
      });
    }
  }
  for (const r of rows) delete r._final;
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(runPhotochemIntegrateBench());
