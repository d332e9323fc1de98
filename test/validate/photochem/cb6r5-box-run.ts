import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  airNumberDensity,
  compileMechanism,
  parseChemmech,
  type CompiledMechanism,
  type RateEnvironment,
} from "../../../src/photochem";

/** The reference case (cb6r5-box.json, shared with bench/photochem-integrate.mjs). */
export const CB6R5_BOX = JSON.parse(readFileSync(join(__dirname, "cb6r5-box.json"), "utf8")) as {
  temperatureK: number;
  pressurePa: number;
  h2oMixingRatio: number;
  hours: number;
  photolysis: Record<string, number>;
  initialPpb: Record<string, number>;
};

/** The CB6r5 closed box: compiled mechanism, fixed state, its rate constants, initial state (molecules cm⁻³) and [M]. */
export function cb6r5Box(defFile: string): {
  cm: CompiledMechanism;
  env: RateEnvironment;
  k: Float64Array;
  c0: Float64Array;
  M: number;
} {
  // the file writes one constant "8.3-11" without its exponent letter (reaction CL13); read it as CMAQ's Fortran does
  const mech = parseChemmech(readFileSync(defFile, "latin1"), { file: defFile, lenientExponent: true });
  const cm = compileMechanism(mech);
  const M = airNumberDensity(CB6R5_BOX.pressurePa, CB6R5_BOX.temperatureK);
  const env: RateEnvironment = {
    temperatureK: CB6R5_BOX.temperatureK,
    pressurePa: CB6R5_BOX.pressurePa,
    M,
    O2: 0.2095 * M,
    N2: 0.7808 * M,
    H2O: CB6R5_BOX.h2oMixingRatio * M,
    photolysis: CB6R5_BOX.photolysis,
  };
  const k = cm.rateConstants(env);
  const c0 = Float64Array.from(cm.system.species, (s) => (CB6R5_BOX.initialPpb[s] ?? 0) * 1e-9 * M);
  return { cm, env, k, c0, M };
}

/** Hour-of-day daylight factor of the OBM-like case: max(0, sin(π(h − 6)/12)). */
export const daylight = (t: number): number => Math.max(0, Math.sin((Math.PI * (((t / 3600) % 24) - 6)) / 12));

/**
 * The observation-constrained variant ("obm" in cb6r5-box.json; the case of bench/photochem-integrate.mjs):
 * photolysis on a half-sine day, the listed species held hourly at a diurnal profile, every other
 * species diluted at `dilutionPerSec` (extra first-order reactions `DIL_<species>`).
 */
export function cb6r5Obm(defFile: string) {
  const box = cb6r5Box(defFile);
  const { cm, k: kNoon, M } = box;
  const sp = cm.system.species;
  const o = (CB6R5_BOX as unknown as { obm: { constrained: string[]; amplitude: number; dilutionPerSec: number } }).obm;
  const photo = new Uint8Array(kNoon.length);
  for (const r of cm.mechanism.reactions) {
    const i = cm.reactionIndex(r.label);
    if (i !== undefined && r.rate.kind === "photolysis") photo[i] = 1;
  }
  const indices = o.constrained.map((s) => sp.indexOf(s));
  const held = new Set(indices);
  const dil = sp.map((_, i) => i).filter((i) => !held.has(i));
  const system = {
    species: sp,
    reactions: [...cm.system.reactions, ...dil.map((i) => ({ label: `DIL_${sp[i]}`, reactants: [i], products: [] }))],
  };
  const k0 = Float64Array.from([...kNoon, ...dil.map(() => o.dilutionPerSec)]);
  const photoIdx = [...photo.keys()].filter((r) => photo[r] === 1);
  const k = (t: number, out: Float64Array) => {
    const f = daylight(t);
    for (let r = 0; r < k0.length; r++) out[r] = r < photo.length && photo[r] ? k0[r] * f : k0[r];
  };
  const base = o.constrained.map((s) => CB6R5_BOX.initialPpb[s] * 1e-9 * M);
  const observed = (t: number, out: Float64Array) => {
    const f = 1 + o.amplitude * Math.cos((2 * Math.PI * (((t / 3600) % 24) - 8)) / 24);
    for (let q = 0; q < base.length; q++) out[q] = base[q] * f;
  };
  return { system, k0, k, photoIdx, c0: box.c0, M, indices, observed };
}
