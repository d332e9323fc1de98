/**
 * Closed-box reference runs (issue #22 item 5): a compiled mechanism at a fixed physical state
 * (T, p, [M], O2, N2, H2O, photolysis frequencies) from initial mixing ratios, with no emissions,
 * deposition, dilution or constraints, for a number of hours, through {@link integrate}. The same
 * run integrated by another solver (test/validate/photochem-scipy.test.ts: scipy BDF) is the check
 * of the integrator on a full mechanism.
 * @packageDocumentation
 */
import type { CompiledMechanism } from "./compile";
import { compileKinetics } from "./kinetics";
import { integrate, type IntegrateOptions, type IntegrateStats } from "./integrate";
import type { RateEnvironment } from "./system";

/** Options of {@link closedBox}: those of {@link integrate} except the output times and constraints. */
export interface ClosedBoxOptions extends Omit<IntegrateOptions, "outputTimes" | "constrain"> {
  /** Interval between outputs (s, default 3600: hourly). */
  outputEverySec?: number;
}

/** Result of {@link closedBox}. */
export interface ClosedBoxResult {
  /** The mechanism's variable species. */
  species: readonly string[];
  /** Output times (s since the start): 0 (the initial state) and every `outputEverySec` up to the end. */
  timesSec: Float64Array;
  /** Mixing ratios (ppb = nmol/mol, relative to [M]) by species, one value per output time. */
  ppb: Record<string, Float64Array>;
  /** Concentrations (molecules cm⁻³) at each output time, in the species order. */
  states: Float64Array[];
  /** Air number density [M] used for the conversions (molecules cm⁻³). */
  M: number;
  /** Work done by the integrator. */
  stats: IntegrateStats;
}

/**
 * Run a compiled mechanism in a closed box at a fixed state for `hours` hours.
 *
 * Species not in `initialPpb` start at 0; mixing ratios convert to number densities with
 * c = ppb · 10⁻⁹ · [M] (`env.M`). Default tolerances: rtol 1e-4, atol 1e3 molecules cm⁻³ (4 × 10⁻⁸ ppb
 * at 298 K, 1 atm).
 * @param mech - from `compileMechanism`
 * @param env - the fixed state (temperature K, pressure Pa, number densities cm⁻³, J values s⁻¹)
 * @param initialPpb - initial mixing ratios (ppb) by species name
 * @param hours - duration (h), > 0
 * @param opts - integrator options and the output interval
 * @returns mixing ratios and concentrations at every output time and the integrator's statistics
 * @throws RangeError when a species of `initialPpb` is not a variable species of the mechanism, a mixing ratio is negative or not finite, `hours` or `outputEverySec` is not positive, or `env` lacks a photolysis frequency (from `rateConstants`)
 * @throws Error when the integration fails (see {@link integrate})
 */
export function closedBox(
  mech: CompiledMechanism,
  env: RateEnvironment,
  initialPpb: Readonly<Record<string, number>>,
  hours: number,
  opts: ClosedBoxOptions = {},
): ClosedBoxResult {
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError(`closedBox: hours must be > 0, got ${hours}`);
  const every = opts.outputEverySec ?? 3600;
  if (!(every > 0) || !Number.isFinite(every))
    throw new RangeError(`closedBox: outputEverySec must be > 0, got ${every}`);
  const species = mech.system.species;
  const index = new Map(species.map((s, i) => [s, i]));
  const c0 = new Float64Array(species.length);
  for (const [name, v] of Object.entries(initialPpb)) {
    const i = index.get(name);
    if (i === undefined) throw new RangeError(`closedBox: ${name} is not a variable species of the mechanism`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`closedBox: initial ${name} must be ≥ 0 ppb, got ${v}`);
    c0[i] = v * 1e-9 * env.M;
  }
  const k = mech.rateConstants(env);
  const t1 = hours * 3600;
  const outputTimes: number[] = [];
  for (let q = 1; q * every < t1 * (1 - 1e-12); q++) outputTimes.push(q * every);
  outputTimes.push(t1);
  const integrateOpts: ClosedBoxOptions = { ...opts };
  delete integrateOpts.outputEverySec;
  const r = integrate(compileKinetics(mech.system), k, c0, 0, t1, {
    rtol: 1e-4,
    atol: 1e3,
    ...integrateOpts,
    outputTimes,
  });
  const states = [c0, ...r.states];
  const ppb: Record<string, Float64Array> = {};
  species.forEach((s, i) => {
    ppb[s] = Float64Array.from(states, (c) => (c[i] / env.M) * 1e9);
  });
  return { species, timesSec: Float64Array.of(0, ...outputTimes), ppb, states, M: env.M, stats: r.stats };
}
