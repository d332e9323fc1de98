import { availableParallelism } from "node:os";
import { alsRun, normaliseInPlace, type RunSettings, type RunOutcome } from "./als";
import type { PmfInput, PmfOptions, PmfResult, PmfRun } from "./types";
import { runTasks } from "./pool";
import type { BaseRunTask } from "./tasks";
import { provenance } from "../provenance";
import { PMF_MIN_UNCERTAINTY } from "./read-epapmf";

/** Defaults of {@link PmfOptions}. */
export const PMF_DEFAULTS = {
  runs: 20,
  seed: 1,
  robust: false,
  alpha: 4,
  maxIterations: 5000,
  tolerance: 0.1,
  relativeTolerance: 1e-5,
  window: 20,
} as const;

/**
 * The seed of run r (1-based) from the base seed: a SplitMix32-style hash, so runs are
 * independent streams and any run can be repeated alone.
 */
export function runSeed(base: number, run: number): number {
  let z = (Math.imul(base >>> 0, 0x9e3779b1) + Math.imul(run, 0x85ebca77)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Q(expected) = n·m − p·(n + m) (Paatero & Hopke 2003; EPA PMF 5.0 User Guide §6). */
export function qExpected(n: number, m: number, p: number): number {
  return n * m - p * (n + m);
}

/**
 * Normalise a solution so each factor's mean contribution is 1 (EPA PMF convention): G_ik /= c_k,
 * F_kj *= c_k with c_k = mean_i G_ik. A factor with all-zero contributions is left as is. With
 * `rows` (a joint fit over sites), c_k = Σ_i G_ik / rows[k], the mean over the rows[k] samples of
 * the sites where factor k exists (G_ik is 0 at the others).
 */
export function normaliseSolution(
  G: Float64Array,
  F: Float64Array,
  n: number,
  m: number,
  p: number,
  rows?: ArrayLike<number>,
): { G: Float64Array; F: Float64Array } {
  const g = new Float64Array(G),
    f = new Float64Array(F);
  normaliseInPlace(g, f, n, m, p, rows);
  return { G: g, F: f };
}

/** {@link PmfOptions} checked against the input, defaults filled in. */
export function resolvePmfOptions(opts: PmfOptions, input: PmfInput): Required<Omit<PmfOptions, "onProgress">> {
  const p = opts.factors;
  if (!Number.isInteger(p) || p < 1 || p >= Math.min(input.n, input.m)) {
    throw new RangeError(
      `factors must be an integer from 1 to ${Math.min(input.n, input.m) - 1} (n = ${input.n} samples, m = ${input.m} species), got ${p}`,
    );
  }
  // Q = Σ ((x − GF)/s)²: every uncertainty must give a finite weight 1/s² (PMF_MIN_UNCERTAINTY)
  for (let k = 0; k < input.n * input.m; k++) {
    const s = input.s[k];
    if (!Number.isNaN(s) && !(s >= PMF_MIN_UNCERTAINTY && s < Infinity))
      throw new RangeError(
        `uncertainty of sample ${Math.floor(k / input.m)} ("${input.samples[Math.floor(k / input.m)]}"), species "${input.species[k % input.m]}" must be finite and at least ${PMF_MIN_UNCERTAINTY}, got ${s}`,
      );
  }
  const runs = opts.runs ?? PMF_DEFAULTS.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const cores = typeof availableParallelism === "function" ? availableParallelism() : 1;
  return {
    factors: p,
    runs,
    seed: (opts.seed ?? PMF_DEFAULTS.seed) >>> 0,
    robust: opts.robust ?? PMF_DEFAULTS.robust,
    alpha: opts.alpha ?? PMF_DEFAULTS.alpha,
    maxIterations: opts.maxIterations ?? PMF_DEFAULTS.maxIterations,
    tolerance: opts.tolerance ?? PMF_DEFAULTS.tolerance,
    relativeTolerance: opts.relativeTolerance ?? PMF_DEFAULTS.relativeTolerance,
    window: opts.window ?? PMF_DEFAULTS.window,
    workers: Math.max(1, Math.min(opts.workers ?? cores, runs)),
  };
}

/** Fit settings of resolved options. */
export function settingsOf(o: Required<Omit<PmfOptions, "onProgress">>): RunSettings {
  return {
    p: o.factors,
    robust: o.robust,
    alpha: o.alpha,
    maxIterations: o.maxIterations,
    tolerance: o.tolerance,
    relativeTolerance: o.relativeTolerance,
    window: o.window,
  };
}

function assemble(input: PmfInput, o: Required<Omit<PmfOptions, "onProgress">>, runs: PmfRun[]): PmfResult {
  let bestIndex = 0;
  runs.forEach((r, i) => {
    if (r.qRobust < runs[bestIndex].qRobust) bestIndex = i;
  });
  const best = runs[bestIndex];
  const { G, F } = normaliseSolution(best.G, best.F, input.n, input.m, o.factors);
  return {
    input,
    p: o.factors,
    options: o,
    qExpected: qExpected(input.n, input.m, o.factors),
    runs,
    bestIndex,
    G,
    F,
    factorNames: Array.from({ length: o.factors }, (_, k) => `Factor ${k + 1}`),
    provenance: provenance(o, o.seed, { routine: "runPmf" }),
  };
}

/** A base run's record from its outcome. */
export const toRun = (run: number, seed: number, o: RunOutcome): PmfRun => ({
  run,
  seed,
  qTrue: o.qTrue,
  qRobust: o.qRobust,
  iterations: o.iterations,
  converged: o.converged,
  G: o.G,
  F: o.F,
});

/**
 * PMF base runs: `runs` random starts of weighted ALS (see {@link alsRun}) spread over worker
 * threads (default one per core); the reported solution is the run with the lowest Q(robust),
 * normalised so contributions average 1. Runs depend only on their seeds, so the result is
 * bit-identical whatever the number of workers (and to {@link runPmfSync}).
 *
 * Method: Paatero & Tapper (1994) Environmetrics 5:111; EPA PMF 5.0 User Guide (Norris et al.
 * 2014, EPA/600/R-14/108) for Q(true), Q(robust) and the base-run conventions.
 *
 * @throws {RangeError} for `factors` or `runs` out of range, or an uncertainty in `input.s` that is
 *   not NaN (missing) and not a finite number of at least {@link PMF_MIN_UNCERTAINTY} (1e-100).
 */
export async function runPmf(input: PmfInput, opts: PmfOptions): Promise<PmfResult> {
  const o = resolvePmfOptions(opts, input);
  const tasks: BaseRunTask[] = Array.from({ length: o.runs }, (_, r) => ({
    kind: "base",
    run: r + 1,
    seed: runSeed(o.seed, r + 1),
  }));
  const runs: PmfRun[] = [];
  const out = await runTasks({ x: input.x, s: input.s, n: input.n, m: input.m, settings: settingsOf(o) }, tasks, {
    workers: o.workers,
    onDone: (done, total, r) => opts.onProgress?.(done, total, toRun(r.run, r.seed, r)),
  });
  out.forEach((r) => runs.push(toRun(r.run, r.seed, r)));
  return assemble(input, o, runs);
}

/**
 * {@link runPmf} in this thread, synchronously.
 *
 * @throws {RangeError} as {@link runPmf}.
 */
export function runPmfSync(input: PmfInput, opts: PmfOptions): PmfResult {
  const o = resolvePmfOptions(opts, input);
  const st = settingsOf(o);
  const runs: PmfRun[] = [];
  for (let r = 1; r <= o.runs; r++) {
    const seed = runSeed(o.seed, r);
    const run = toRun(r, seed, alsRun(input.x, input.s, input.n, input.m, seed, st));
    runs.push(run);
    opts.onProgress?.(r, o.runs, run);
  }
  return assemble(input, o, runs);
}
