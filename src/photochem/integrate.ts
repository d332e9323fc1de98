/**
 * The stiff integrator: Rosenbrock methods with adaptive step size on the sparse LU of the
 * mechanism's Jacobian pattern.
 *
 * Method (Hairer & Wanner 1996, Solving ODEs II, §IV.7; Sandu et al. 1997, Atmos. Environ. 31,
 * 3459; as implemented in KPP's `int/rosenbrock.f90`): per step, G = I/(hγ) − J(t, y) is factorised
 * once and every stage solves G·K_i = f(t + α_i h, y + Σ a_ij K_j) + Σ (c_ij/h) K_j + hγ_i ∂f/∂t
 * (coefficients in `tables/rosenbrock.ts`); y₁ = y + Σ m_i K_i, error estimate Σ e_i K_i.
 *
 * Error control and step size, as KPP: err = √(mean_i (e_i/sc_i)²) with sc_i = atol_i + rtol_i ·
 * max(|y_i|, |y₁,i|) (floored at 10⁻¹⁰); the step is accepted when err ≤ 1 (or h ≤ hMin); the new step
 * is h · min(facMax, max(facMin, facSafe / err^(1/ℓ))) with ℓ = min(p, p̂) + 1 (facMin 0.2, facMax 6,
 * facSafe 0.9); no increase right after a rejection, and h · facRej (0.1) after two rejections in a
 * row; a singular G halves h (at most 5 times in a row); ∂f/∂t by a forward difference with
 * δ = √ε · max(10⁻⁶, |t|) when the rate constants depend on time.
 * @packageDocumentation
 */
import { compileKinetics, type CompiledKinetics } from "./kinetics";
import { sparseLuFactor, sparseLuSolve } from "./sparse-lu";
import type { KineticSystem } from "./system";
import { ROSENBROCK_METHODS, type RosenbrockMethod } from "./tables/rosenbrock";

/**
 * Species whose concentrations are imposed (the hook of the observation-based model): at t0 and at
 * every output time the integrator calls `values(t, out)` and sets those species to `out`; with
 * `hold` (default true) they then stay constant until the next output time (their rows of f and J
 * are zero), otherwise they evolve freely from the imposed value.
 */
export interface IntegrateConstraint {
  /** Indices (into the system's species) of the imposed species. */
  indices: readonly number[];
  /**
   * Writes the imposed concentrations (molecules cm⁻³) at time t (s) into `out`, in the order of `indices`.
   * @param tSec - the time (s) of the start of the output interval
   * @param out - receives one value per index
   */
  values(tSec: number, out: Float64Array): void;
  /** Hold the imposed values constant over each output interval (default true). */
  hold?: boolean;
}

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /** The Rosenbrock method (KPP's names; default `"rodas3"`, KPP's default). */
  method?: RosenbrockMethod;
  /** Relative tolerance, scalar or one per species (default 1e-4). */
  rtol?: number | ArrayLike<number>;
  /** Absolute tolerance in the concentrations' unit (molecules cm⁻³ for a mechanism), scalar or per species (default 1). */
  atol?: number | ArrayLike<number>;
  /** Times (s) at which the state is recorded, increasing, within (t0, t1]; default [t1]. They also end the intervals of `constrain`. */
  outputTimes?: readonly number[];
  /** Maximum number of steps (accepted + rejected) over the whole run (default 200 000, KPP's). */
  maxSteps?: number;
  /** First step size (s; default 1e-5 s, KPP's). */
  hStart?: number;
  /** Smallest step size (s; default 0: a step is only accepted when its error is within tolerance). */
  hMin?: number;
  /** Largest step size (s; default t1 − t0). */
  hMax?: number;
  /**
   * Negative concentrations after an accepted step: `"clip"` (default) sets them to 0, as KPP's
   * ICNTRL(16) = 1; `"none"` keeps them (linear invariants such as total N are then preserved to
   * rounding; clipping can add mass).
   */
  nonNegative?: "clip" | "none";
  /** Treat f as independent of t (skip ∂f/∂t). Default: true for a rate-constant array, false for a function. */
  autonomous?: boolean;
  /** Imposed species (the OBM hook), see {@link IntegrateConstraint}. */
  constrain?: IntegrateConstraint;
}

/** Work done by {@link integrate} (KPP's ISTATUS counters). */
export interface IntegrateStats {
  /** Steps attempted (accepted + rejected). */
  steps: number;
  /** Accepted steps. */
  accepted: number;
  /** Rejected steps (error above tolerance). */
  rejected: number;
  /** Evaluations of f. */
  functionEvaluations: number;
  /** Evaluations of the Jacobian. */
  jacobianEvaluations: number;
  /** LU factorisations of G. */
  luFactorizations: number;
  /** Forward/backward substitutions. */
  solves: number;
  /** Factorisations that met a zero pivot (each halves the step). */
  singular: number;
}

/** Result of {@link integrate}. */
export interface IntegrateResult {
  /** The output times (s). */
  times: Float64Array;
  /** The state at each output time (molecules cm⁻³, the system's species order). */
  states: Float64Array[];
  /** The state at t1. */
  final: Float64Array;
  /** Work done. */
  stats: IntegrateStats;
  /** The step size the controller proposes next (s): pass it as `hStart` to continue the run. */
  hNext: number;
  /** The method used (KPP name). */
  method: string;
}

const ROUNDOFF = Number.EPSILON;

function tolerance(name: string, v: number | ArrayLike<number>, n: number, check: (x: number) => boolean) {
  const out = new Float64Array(n);
  if (typeof v === "number") out.fill(v);
  else {
    if (v.length !== n)
      throw new RangeError(`integrate: ${name} must be a number or have ${n} values, got ${v.length}`);
    for (let i = 0; i < n; i++) out[i] = v[i];
  }
  for (let i = 0; i < n; i++)
    if (!check(out[i])) throw new RangeError(`integrate: ${name}[${i}] = ${out[i]} is out of range`);
  return out;
}

/**
 * Integrate a chemical mechanism from t0 to t1 with a Rosenbrock method: Hairer & Wanner (1996),
 * Solving Ordinary Differential Equations II, §IV.7; Sandu et al. (1997), Atmos. Environ. 31, 3459;
 * error control and step-size rules of KPP's `int/rosenbrock.f90` (see the module comment). The
 * linear systems use the sparse LU of {@link compileKinetics} (diagonal Markowitz ordering). The same
 * inputs give the same bits (no randomness, no threads).
 *
 * Units: concentrations in molecules cm⁻³, time in s, rate constants as in `system.ts` (any consistent
 * units work, e.g. dimensionless for test problems, with `atol` in the same unit).
 * @param system - the mechanism, or its {@link compileKinetics} result (compile once for many runs)
 * @param k - rate constants, one per reaction, or a function `(tSec, out)` writing them at time t (called at every stage time)
 * @param c0 - initial concentrations (one per species)
 * @param t0 - start time (s)
 * @param t1 - end time (s), > t0
 * @param opts - method, tolerances, output times, limits, non-negativity, constraints
 * @returns the states at the output times, the final state and the work statistics
 * @throws RangeError when c0 or k have the wrong length or non-finite values, t1 ≤ t0, the output times are not increasing within (t0, t1], a tolerance is out of range (atol > 0, 10ε < rtol < 1), a constraint index is not a species index or a constrained value is not finite, hMin > hMax, or an option is invalid
 * @throws Error when the run needs more than `maxSteps` steps, the step size falls below rounding, or G stays singular after 5 halvings: the message names the time reached (raise `maxSteps`, loosen `rtol`/`atol`, or check the rate constants)
 */
export function integrate(
  system: KineticSystem | CompiledKinetics,
  k: ArrayLike<number> | ((tSec: number, out: Float64Array) => void),
  c0: ArrayLike<number>,
  t0: number,
  t1: number,
  opts: IntegrateOptions = {},
): IntegrateResult {
  const ops: CompiledKinetics = "rhs" in system ? system : compileKinetics(system);
  const n = ops.species;
  const R = ops.reactions;
  const method = opts.method ?? "rodas3";
  const M = Object.prototype.hasOwnProperty.call(ROSENBROCK_METHODS, method) ? ROSENBROCK_METHODS[method] : undefined;
  if (!M)
    throw new RangeError(`integrate: unknown method ${String(method)} (${Object.keys(ROSENBROCK_METHODS).join(", ")})`);
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || !(t1 > t0))
    throw new RangeError(`integrate: t1 must be finite and > t0, got t0 = ${t0}, t1 = ${t1}`);
  if (c0.length !== n) throw new RangeError(`integrate: c0 must have ${n} values (one per species), got ${c0.length}`);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = c0[i];
    if (!Number.isFinite(y[i]))
      throw new RangeError(`integrate: c0[${i}] (${ops.system.species[i]}) = ${c0[i]} is not finite`);
  }
  const kfun = typeof k === "function" ? k : undefined;
  const kbuf = new Float64Array(R);
  if (!kfun) {
    const ka = k as ArrayLike<number>;
    if (ka.length !== R)
      throw new RangeError(`integrate: k must have ${R} values (one per reaction), got ${ka.length}`);
    for (let r = 0; r < R; r++) {
      kbuf[r] = ka[r];
      if (!Number.isFinite(kbuf[r]))
        throw new RangeError(`integrate: k[${r}] (${ops.system.reactions[r].label}) = ${ka[r]} is not finite`);
    }
  }
  const autonomous = opts.autonomous ?? !kfun;
  const rtol = tolerance("rtol", opts.rtol ?? 1e-4, n, (x) => x > 10 * ROUNDOFF && x < 1);
  const atol = tolerance("atol", opts.atol ?? 1, n, (x) => x > 0 && Number.isFinite(x));
  const maxSteps = opts.maxSteps ?? 200000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1)
    throw new RangeError(`integrate: maxSteps must be a positive integer, got ${maxSteps}`);
  const hMin = opts.hMin ?? 0;
  const hMax = Math.min(opts.hMax ?? t1 - t0, t1 - t0);
  const hStart = opts.hStart ?? Math.max(hMin, 1e-5);
  for (const [name, v] of [
    ["hMin", hMin],
    ["hMax", hMax],
    ["hStart", hStart],
  ] as const)
    if (!Number.isFinite(v) || v < 0 || (name !== "hMin" && v === 0))
      throw new RangeError(`integrate: ${name} must be ${name === "hMin" ? "≥ 0" : "> 0"}, got ${v}`);
  if (hMin > hMax) throw new RangeError(`integrate: hMin (${hMin} s) must not exceed hMax (${hMax} s)`);
  const nonNegative = opts.nonNegative ?? "clip";
  if (nonNegative !== "clip" && nonNegative !== "none")
    throw new RangeError(`integrate: nonNegative must be "clip" or "none", got ${String(nonNegative)}`);
  const outputTimes = opts.outputTimes ?? [t1];
  for (let q = 0; q < outputTimes.length; q++) {
    const t = outputTimes[q];
    if (!(t > (q === 0 ? t0 : outputTimes[q - 1])) || !(t <= t1))
      throw new RangeError(`integrate: outputTimes must increase within (t0, t1], got ${t} at position ${q}`);
  }
  const ends = outputTimes[outputTimes.length - 1] === t1 ? [...outputTimes] : [...outputTimes, t1];
  // constraints
  const con = opts.constrain;
  for (const i of con?.indices ?? [])
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new RangeError(`integrate: constrain index ${i} is not one of the ${n} species (0 … ${n - 1})`);
  const conIdx = Int32Array.from(con?.indices ?? []);
  const conVals = new Float64Array(conIdx.length);
  const hold = con ? con.hold !== false : false;
  const { lu } = ops;
  const nnz = lu.factorNonzeros;
  const heldRowPos: number[] = [];
  if (hold)
    for (const i of conIdx) {
      const p = lu.inverse[i];
      for (let q = lu.rowPtr[p]; q < lu.rowPtr[p + 1]; q++) heldRowPos.push(q);
    }
  const heldPos = Int32Array.from(heldRowPos);
  const heldIdx = hold ? conIdx : new Int32Array(0);

  const S = M.stages;
  const K = new Float64Array(n * S);
  const stageViews = Array.from({ length: S }, (_, s) => K.subarray(n * s, n * (s + 1)));
  const Ynew = new Float64Array(n);
  const Fcn0 = new Float64Array(n);
  const Fcn = new Float64Array(n);
  const dFdT = new Float64Array(n);
  const Jac0 = new Float64Array(nnz);
  const G = new Float64Array(nnz);
  const work = new Float64Array(n);
  const kbuf2 = new Float64Array(R);
  const diagPos = new Int32Array(n);
  for (let p = 0; p < n; p++) diagPos[p] = lu.diag[p];
  const stats: IntegrateStats = {
    steps: 0,
    accepted: 0,
    rejected: 0,
    functionEvaluations: 0,
    jacobianEvaluations: 0,
    luFactorizations: 0,
    solves: 0,
    singular: 0,
  };
  // f(t, y): with a rate-constant function, kb receives k(t); otherwise kbuf holds the constants
  const fun = (t: number, yv: Float64Array, out: Float64Array, kb: Float64Array) => {
    if (kfun) kfun(t, kb);
    ops.rhs(kfun ? kb : kbuf, yv, out);
    for (let q = 0; q < heldIdx.length; q++) out[heldIdx[q]] = 0;
    stats.functionEvaluations++;
  };
  const { a: A, c: C, m: Mw, e: E, alpha, gamma, newF } = M;
  const invElo = 1 / M.errorOrder;
  const facMin = 0.2,
    facMax = 6,
    facRej = 0.1,
    facSafe = 0.9;

  // the run's limits, checked before every step attempt (KPP's IERR −6 and −7)
  const checkLimits = (t: number, h: number) => {
    if (stats.steps >= maxSteps)
      throw new Error(
        `integrate: ${maxSteps} steps reached at t = ${t} s (of ${t1} s); raise maxSteps or loosen rtol/atol`,
      );
    if (t + 0.1 * h === t || h <= ROUNDOFF)
      throw new Error(
        `integrate: step size ${h} s too small at t = ${t} s; check the rate constants or loosen rtol/atol`,
      );
  };
  const times = new Float64Array(outputTimes.length);
  const states: Float64Array[] = [];
  let T = t0;
  let H = Math.min(Math.max(hMin, hStart), hMax);
  if (H <= 10 * ROUNDOFF) H = 1e-5;
  let rejectLast = false,
    rejectMore = false;
  let outIndex = 0;
  for (const te of ends) {
    if (con) {
      con.values(T, conVals);
      for (let q = 0; q < conIdx.length; q++) {
        const v = conVals[q];
        if (!Number.isFinite(v))
          throw new RangeError(
            `integrate: constrained value for ${ops.system.species[conIdx[q]]} at t = ${T} s is not finite`,
          );
        y[conIdx[q]] = v;
      }
    }
    while (T < te) {
      checkLimits(T, H);
      let toEnd = false;
      if (H >= te - T) {
        H = te - T;
        toEnd = true;
      }
      // f, J (and ∂f/∂t) at (T, y)
      fun(T, y, Fcn0, kbuf);
      ops.jacobian(kbuf, y, Jac0);
      stats.jacobianEvaluations++;
      for (let q = 0; q < heldPos.length; q++) Jac0[heldPos[q]] = 0;
      if (!autonomous) {
        const delta = Math.sqrt(ROUNDOFF) * Math.max(1e-6, Math.abs(T));
        fun(T + delta, y, dFdT, kbuf2);
        for (let i = 0; i < n; i++) dFdT[i] = (dFdT[i] - Fcn0[i]) / delta;
      }
      for (;;) {
        // G = I/(hγ) − J, factorised; a zero pivot halves h
        let nsing = 0;
        for (;;) {
          shiftedMatrix(G, Jac0, diagPos, 1 / (H * gamma[0]));
          stats.luFactorizations++;
          if (sparseLuFactor(lu, G, work) === 0) break;
          stats.singular++;
          if (++nsing > 5)
            throw new Error(
              `integrate: the matrix I/(hγ) − J is singular after 5 step halvings at t = ${T} s (h = ${H} s)`,
            );
          H *= 0.5;
          toEnd = false;
        }
        for (let s = 0; s < S; s++) {
          const base = (s * (s - 1)) / 2;
          if (s === 0) {
            for (let i = 0; i < n; i++) Fcn[i] = Fcn0[i];
          } else if (newF[s]) {
            combineStages(Ynew, y, K, A, base, s, 1);
            fun(T + alpha[s] * H, Ynew, Fcn, kbuf2);
          }
          const ks = stageViews[s];
          combineStages(ks, Fcn, K, C, base, s, 1 / H);
          if (!autonomous && gamma[s] !== 0) addScaled(ks, dFdT, H * gamma[s]);
          sparseLuSolve(lu, G, stageViews[s], work);
          stats.solves++;
        }
        // new solution and error estimate
        let err = solutionAndError(Ynew, y, K, Mw, E, atol, rtol);
        if (!Number.isFinite(err)) err = 1e10;
        let Hnew = H * Math.min(facMax, Math.max(facMin, facSafe / Math.pow(err, invElo)));
        stats.steps++;
        if (err <= 1 || H <= hMin) {
          stats.accepted++;
          if (nonNegative === "clip") for (let i = 0; i < n; i++) y[i] = Ynew[i] > 0 ? Ynew[i] : 0;
          else y.set(Ynew);
          T = toEnd ? te : T + H;
          Hnew = Math.max(hMin, Math.min(Hnew, hMax));
          if (rejectLast) Hnew = Math.min(Hnew, H);
          rejectLast = rejectMore = false;
          H = Hnew;
          break;
        }
        if (rejectMore) Hnew = H * facRej;
        rejectMore = rejectLast;
        rejectLast = true;
        H = Hnew;
        toEnd = false;
        stats.rejected++;
        checkLimits(T, H);
      }
    }
    if (outIndex < outputTimes.length && te === outputTimes[outIndex]) {
      times[outIndex++] = te;
      states.push(Float64Array.from(y));
    }
  }
  return { times, states, final: Float64Array.from(y), stats, hNext: H, method: M.name };
}

// The per-step kernels, kept out of integrate() so that V8 optimises them as small hot functions.

/** G = −J with 1/(hγ) added on the diagonal. */
function shiftedMatrix(G: Float64Array, J: Float64Array, diagPos: Int32Array, ghinv: number): void {
  for (let q = 0; q < G.length; q++) G[q] = -J[q];
  for (let p = 0; p < diagPos.length; p++) G[diagPos[p]] += ghinv;
}

/** out = base + scale·Σ_{j<s} w[offset + j]·K_j (K holds the stages one after another). */
function combineStages(
  out: Float64Array,
  base: Float64Array,
  K: Float64Array,
  w: readonly number[],
  offset: number,
  s: number,
  scale: number,
): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = base[i];
  for (let j = 0; j < s; j++) {
    const a = w[offset + j] * scale;
    if (a === 0) continue;
    const oj = n * j;
    for (let i = 0; i < n; i++) out[i] += a * K[oj + i];
  }
}

/** out += a·x. */
function addScaled(out: Float64Array, x: Float64Array, a: number): void {
  for (let i = 0; i < out.length; i++) out[i] += a * x[i];
}

/** y₁ = y + Σ m_s K_s into ynew; returns the KPP error norm of Σ e_s K_s (floored at 1e-10). */
function solutionAndError(
  ynew: Float64Array,
  y: Float64Array,
  K: Float64Array,
  m: readonly number[],
  e: readonly number[],
  atol: Float64Array,
  rtol: Float64Array,
): number {
  const n = y.length,
    S = m.length;
  let err = 0;
  for (let i = 0; i < n; i++) {
    let yn = y[i],
      ye = 0;
    for (let s = 0; s < S; s++) {
      const kv = K[n * s + i];
      yn += m[s] * kv;
      ye += e[s] * kv;
    }
    ynew[i] = yn;
    const r = ye / (atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yn)));
    err += r * r;
  }
  return Math.max(Math.sqrt(err / n), 1e-10);
}
