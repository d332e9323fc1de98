/**
 * Bootstrap (BS) error estimation of a PMF solution, as EPA PMF 5.0 does it: block-resample the
 * samples, refit from the base profiles, map each bootstrap factor to a base factor by the
 * correlation of their contributions, and report how often each base factor was reproduced and
 * percentile intervals of every profile element.
 *
 * Design (CONVENTIONS.md §1, "Error estimation"):
 * - Resampling: the circular block bootstrap (Politis & Romano 1992): ⌈n/b⌉ blocks of b
 *   consecutive samples, each starting at a uniformly drawn sample and wrapping from the last
 *   sample to the first, concatenated and cut to n rows. Unlike the moving-block bootstrap
 *   (Künsch 1989), whose blocks stop at the end of the series, every sample has the same chance
 *   of being drawn. b = 1 is the ordinary (iid) bootstrap. Samples are taken in time order
 *   (`input.times` when given, else row order); gaps in the sampling schedule are ignored.
 * - Block length: {@link chooseBlockSize} on the base contributions (Politis & White 2004 with the
 *   correction of Patton, Politis & White 2009), the largest over factors; overridable.
 * - Each BS run fits the resampled data from the base solution (F0 = result.F, the best run's
 *   profiles as reported — the normalisation does not change the fit, whose first step solves G
 *   for that F —; G0 = the base contributions of the drawn rows, the NNLS warm start) with the
 *   base settings, settingsOf(result.options), and its seed is
 *   runSeed(seed, r), so any run can be repeated alone and the result does not depend on the
 *   number of worker threads.
 * - Mapping: Pearson r between each BS factor's contributions and each base factor's
 *   contributions over the drawn rows (base rows taken with the same indices, repeats included);
 *   a BS factor maps to the base factor of highest r when r ≥ `minCorrelation` (default 0.6,
 *   EPA PMF's default), else it is unmapped. Several BS factors may map to one base factor.
 * - Intervals: each BS solution is normalised so every factor's contributions average 1 over its
 *   drawn rows (F scaled accordingly, as the base); per base factor, each converged run in which
 *   it was reproduced contributes one profile: that of the BS factor mapped to it with the highest
 *   r. Percentiles are Hyndman & Fan (1996) type 7 (linear interpolation between order
 *   statistics at h = (N − 1)·q, as R's and numpy's defaults; `quantileType7` of src/stats).
 * - Runs that do not converge within maxIterations are listed and left out of the mapping and
 *   the intervals; when more than half of them fail, {@link bootstrapPmf} throws (it never falls
 *   back to the base run).
 *
 * References:
 * - Norris, G., Duvall, R., Brown, S., Bai, S. (2014) EPA PMF 5.0 Fundamentals and User Guide,
 *   EPA/600/R-14/108 (bootstrap: block resampling, mapping with r ≥ 0.6, BS percentiles).
 * - Paatero, P., Eberly, S., Brown, S.G., Norris, G.A. (2014) Methods for estimating uncertainty
 *   in factor analytic solutions. Atmos. Meas. Tech. 7:781–797.
 * - Künsch, H.R. (1989) The jackknife and the bootstrap for general stationary observations.
 *   Ann. Statist. 17:1217–1241 (moving blocks).
 * - Politis, D.N., Romano, J.P. (1992) A circular block-resampling procedure for stationary data.
 *   In: LePage & Billard (eds.) Exploring the Limits of Bootstrap, Wiley, 263–270.
 * - Politis, D.N., White, H. (2004) Automatic block-length selection for the dependent bootstrap.
 *   Econometric Rev. 23:53–70; Patton, A., Politis, D.N., White, H. (2009) Correction. Econometric
 *   Rev. 28:372–375.
 * - Hyndman, R.J., Fan, Y. (1996) Sample quantiles in statistical packages. Am. Stat. 50:361–365.
 */

import { quantileType7 } from "../stats/quantile";
import { pearson } from "../stats/correlation";
import { Rng } from "../random/rng";
import { runTasks } from "./pool";
import { normaliseSolution, runSeed, settingsOf } from "./solver";
import type { FitTask, TaskContext } from "./tasks";
import type { RunOutcome } from "./als";
import type { PmfResult } from "./types";
import { plainOptions, provenance, type Provenance } from "../provenance";

/** Defaults of {@link BootstrapOptions}. */
export const BOOTSTRAP_DEFAULTS = { runs: 100, minCorrelation: 0.6 } as const;

/** Options of {@link bootstrapPmf}. */
export interface BootstrapOptions {
  /** Number of bootstrap runs (default 100). */
  runs?: number;
  /** Block length in samples (default: {@link chooseBlockSize} on the base contributions). */
  blockSize?: number;
  /** Base seed (default: the base runs' seed, `result.options.seed`). Run r uses runSeed(seed, r). */
  seed?: number;
  /** Smallest contribution correlation r for a BS factor to map to a base factor (default 0.6). */
  minCorrelation?: number;
  /** Worker threads (default one per core; 1 runs in this thread). The result does not depend on it. */
  workers?: number;
  /** Called after each finished BS run (in completion order). */
  onProgress?: (done: number, total: number) => void;
}

/** One bootstrap run. */
export interface BootstrapRun {
  /** 1-based run number. */
  run: number;
  /** This run's seed, runSeed(seed, run); its rows are blockBootstrapRows(n, blockSize, new Rng(seed)) in time order. */
  seed: number;
  /** Q(true) and Q(robust) of the fit on the resampled data (dimensionless). */
  qTrue: number;
  qRobust: number;
  iterations: number;
  converged: boolean;
  /** BS factor l → the base factor (0-based) it maps to, or −1 when unmapped. Empty for a run that did not converge. */
  mapping: number[];
  /** correlations[l][k]: Pearson r between BS factor l's and base factor k's contributions over the drawn rows (NaN when either is constant). Empty for a run that did not converge. */
  correlations: number[][];
  /** The BS profiles p×m (row-major, in the input's concentration units), normalised so each BS factor's contributions average 1 over the drawn rows. */
  F: Float64Array;
}

/** One row of the mapping table: base factor k, and BS factor k (the one started from base factor k). */
export interface BootstrapMappingRow {
  /** Base factor name. */
  factor: string;
  /** Converged runs in which at least one BS factor mapped to this base factor (count of runs). */
  reproduced: number;
  /** Converged runs in which no BS factor mapped to it; reproduced + notReproduced = converged runs. */
  notReproduced: number;
  /**
   * EPA PMF's table row: mappedTo[l] = converged runs in which BS factor k (started from this base
   * factor's profile) mapped to base factor l; the diagonal entry counts the runs where it stayed
   * this factor. Σ mappedTo + unmapped = converged runs.
   */
  mappedTo: number[];
  /** Converged runs in which BS factor k mapped to no base factor (r < minCorrelation for all). */
  unmapped: number;
}

/** Percentiles of one profile element over the BS runs that reproduced its factor. */
export interface BootstrapInterval {
  species: string;
  /** Concentration unit of the species (the unit of every value below). */
  unit: string;
  /** Number of BS values (= the factor's `reproduced` count). */
  count: number;
  /** Type-7 percentiles of the normalised BS profile element (NaN when count is 0). */
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** The base solution's value (result.F). */
  base: number;
}

/** The result of {@link bootstrapPmf}. */
export interface BootstrapResult {
  /** Block length used, in samples, and whether it was chosen from the data or given. */
  blockSize: number;
  blockSizeSource: "auto" | "given";
  /** Base seed and mapping threshold used. */
  seed: number;
  minCorrelation: number;
  /** Factor names of the base solution (order of every per-factor array). */
  factorNames: string[];
  /** Every run, in run order (converged or not). */
  runs: BootstrapRun[];
  /** Number of converged runs (the denominator of the mapping table and the intervals). */
  convergedRuns: number;
  /** Mapping table, one row per base factor. */
  mappingTable: BootstrapMappingRow[];
  /** Total unmapped BS factors over all converged runs (Σ of the rows' `unmapped`). */
  unmapped: number;
  /** intervals[k][j]: base factor k, species j (input.species order), in concentration units. */
  intervals: BootstrapInterval[][];
  /** Run numbers (1-based) that did not converge within maxIterations (left out of the statistics). */
  notConverged: number[];
  /** Library version, options (runs, block size, mapping threshold, the base runs' options) and seed: same provenance and base, same bits. */
  provenance?: Provenance;
}

/** The random draws the resampler needs (an {@link Rng}, or a stand-in in tests). */
export type IntSource = Pick<Rng, "int">;

/**
 * Row indices of one circular block bootstrap resample (Politis & Romano 1992) of n samples with
 * blocks of `blockSize`: ⌈n/b⌉ starts drawn with rng.int(n), each block t = start, start + 1, …
 * (mod n), concatenated and cut to n indices. With b = 1 it is the ordinary bootstrap.
 * @throws {RangeError} when n is not a positive integer or blockSize is not an integer from 1 to n
 */
export function blockBootstrapRows(n: number, blockSize: number, rng: IntSource): Int32Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > n)
    throw new RangeError(`blockSize must be an integer from 1 to n = ${n}, got ${blockSize}`);
  const out = new Int32Array(n);
  let c = 0;
  while (c < n) {
    const start = rng.int(n);
    for (let t = 0; t < blockSize && c < n; t++) out[c++] = (start + t) % n;
  }
  return out;
}

/** The Politis–White block lengths of one series (unrounded) and the quantities behind them. */
export interface BlockLengthEstimate {
  /** Optimal block length of the circular block bootstrap, b_CB (samples; 1 when mHat = 0). */
  circular: number;
  /** Optimal expected block length of the stationary bootstrap, b_SB. */
  stationary: number;
  /** m̂: the smallest lag after which K_N consecutive autocorrelations are insignificant. */
  mHat: number;
  /** Bandwidth M of the flat-top lag window (2·m̂, at most M_max). */
  M: number;
}

/** Flat-top lag window of Politis & Romano (1995): 1 for |t| ≤ ½, 2(1 − |t|) to |t| = 1, then 0. */
function flatTop(t: number): number {
  const a = Math.abs(t);
  return a <= 0.5 ? 1 : a <= 1 ? 2 * (1 - a) : 0;
}

/**
 * Automatic block length of Politis & White (2004) with the correction of Patton, Politis & White
 * (2009), for one series x of length n:
 * - autocovariances R(k) = (1/n) Σ_t (x_t − x̄)(x_{t+k} − x̄), ρ(k) = R(k)/R(0);
 * - m̂ = the smallest m ≥ 0 with |ρ(m + i)| < c·sqrt(log10(n)/n) for i = 1..K_N (c = 2,
 *   K_N = max(5, ⌈log10 n⌉)), searched up to M_max = ⌈√n⌉ + K_N (M_max when none is found);
 *   M = min(2m̂, M_max);
 * - Ĝ = Σ_{|k|≤M} λ(k/M)|k|R(k), ĝ = Σ_{|k|≤M} λ(k/M)R(k) (λ: flat-top window);
 *   D_CB = (4/3)ĝ², D_SB = 2ĝ²; b = (2Ĝ²/D)^{1/3}·n^{1/3}.
 * When m̂ = 0 — no autocorrelation significant at the first K_N lags, i.e. the correlogram is
 * that of white noise — both lengths are 1 (the ordinary bootstrap) rather than the noise-driven
 * value the formula gives with M = 2; a constant series also gives 1. (This pre-test is ours;
 * np::b.star and arch use M = 2 in that case.)
 */
export function politisWhiteBlockLength(series: ArrayLike<number>): BlockLengthEstimate {
  const n = series.length;
  if (n < 3) return { circular: 1, stationary: 1, mHat: 0, M: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += series[i];
  mean /= n;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = series[i] - mean;
  const kn = Math.max(5, Math.ceil(Math.log10(n)));
  const mMax = Math.min(Math.ceil(Math.sqrt(n)) + kn, n - 1);
  const maxLag = Math.min(mMax + kn, n - 1);
  const R = new Float64Array(maxLag + 1);
  for (let k = 0; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += e[t] * e[t + k];
    R[k] = s / n;
  }
  if (!(R[0] > 0)) return { circular: 1, stationary: 1, mHat: 0, M: 0 };
  const crit = 2 * Math.sqrt(Math.log10(n) / n);
  const insignificant = (k: number) => k > maxLag || Math.abs(R[k] / R[0]) < crit;
  let mHat = -1;
  for (let m = 0; m <= mMax && mHat < 0; m++) {
    let all = true;
    for (let i = 1; i <= kn && all; i++) all = insignificant(m + i);
    if (all) mHat = m;
  }
  if (mHat === 0) return { circular: 1, stationary: 1, mHat: 0, M: 0 };
  const M = mHat < 0 ? mMax : Math.min(2 * mHat, mMax);
  let G = 0,
    g = R[0];
  for (let k = 1; k <= M; k++) {
    const l = flatTop(k / M);
    G += 2 * l * k * R[k];
    g += 2 * l * R[k];
  }
  const n3 = Math.cbrt(n);
  const circular = Math.cbrt((2 * G * G) / ((4 / 3) * g * g)) * n3;
  const stationary = Math.cbrt((2 * G * G) / (2 * g * g)) * n3;
  return {
    circular: Number.isFinite(circular) ? circular : 1,
    stationary: Number.isFinite(stationary) ? stationary : 1,
    mHat: mHat < 0 ? mMax : mHat,
    M,
  };
}

/**
 * Block length (samples) for {@link blockBootstrapRows}: the Politis–White circular-bootstrap
 * length (Politis & White 2004, with the correction of Patton, Politis & White 2009;
 * {@link politisWhiteBlockLength}) of each column of `data` (n×columns row-major, e.g. the base
 * contributions G with columns = p, in time order), the largest over columns (the most persistent
 * factor decides, so no factor's dependence is cut), rounded to the nearest integer and clamped
 * to [1, ⌊n/2⌋].
 * @throws {RangeError} when columns is not a positive integer or the data length is not a multiple of it
 */
export function chooseBlockSize(data: ArrayLike<number>, columns = 1): number {
  if (!Number.isInteger(columns) || columns < 1)
    throw new RangeError(`columns must be a positive integer, got ${columns}`);
  const n = Math.floor(data.length / columns);
  if (n * columns !== data.length)
    throw new RangeError(`data length ${data.length} is not a multiple of columns = ${columns}`);
  let b = 1;
  const col = new Float64Array(n);
  for (let k = 0; k < columns; k++) {
    for (let i = 0; i < n; i++) col[i] = data[i * columns + k];
    b = Math.max(b, Math.round(politisWhiteBlockLength(col).circular));
  }
  return Math.max(1, Math.min(b, Math.floor(n / 2)));
}

/**
 * Map the factors of a bootstrap solution to base factors as EPA PMF 5.0 does (Norris et al.
 * 2014): correlations[l][k] = Pearson r between
 * column l of `bsG` (rows.length×p, one row per drawn sample) and column k of the base G (n×p)
 * taken at `rows`; mapping[l] = the k of highest r when that r ≥ minCorrelation, else −1.
 * @throws {RangeError} when the bootstrap G does not have rows × p values
 */
export function mapBootstrapFactors(
  baseG: ArrayLike<number>,
  bsG: ArrayLike<number>,
  rows: Int32Array,
  p: number,
  minCorrelation: number = BOOTSTRAP_DEFAULTS.minCorrelation,
): { mapping: number[]; correlations: number[][] } {
  const nb = rows.length;
  if (bsG.length !== nb * p)
    throw new RangeError(`bootstrap G has ${bsG.length} values, expected rows × p = ${nb * p}`);
  const base: Float64Array[] = [],
    bs: Float64Array[] = [];
  for (let k = 0; k < p; k++) {
    const a = new Float64Array(nb),
      b = new Float64Array(nb);
    for (let i = 0; i < nb; i++) {
      a[i] = baseG[rows[i] * p + k];
      b[i] = bsG[i * p + k];
    }
    base.push(a);
    bs.push(b);
  }
  const correlations = bs.map((b) => base.map((a) => pearson(b, a)));
  const mapping = correlations.map((r) => {
    let best = -1;
    for (let k = 0; k < p; k++) if (r[k] >= minCorrelation && (best < 0 || r[k] > r[best])) best = k;
    return best;
  });
  return { mapping, correlations };
}

/** Sample order for blocks: by `times` when given (stable), else row order. */
export function timeOrder(n: number, times: Float64Array | undefined): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (!times || times.length !== n) return order;
  return order.sort((a, b) => times[a] - times[b] || a - b);
}

/**
 * The sample rows (indices into the data) of bootstrap run r: circular blocks (Politis & Romano
 * 1992) drawn with the run's seed runSeed(seed, r) over the samples in time order (`order`, from
 * {@link timeOrder}).
 */
export function bootstrapRows(
  n: number,
  blockSize: number,
  seed: number,
  r: number,
  order: Int32Array | number[],
): Int32Array {
  const pos = blockBootstrapRows(n, blockSize, new Rng(runSeed(seed, r)));
  return pos.map((q) => order[q]);
}

/**
 * The number of runs, mapping threshold and base seed of a bootstrap from its options (defaults
 * {@link BOOTSTRAP_DEFAULTS}; the seed defaults to the base runs' seed).
 * @throws {RangeError} when runs is not a positive integer or minCorrelation is outside [−1, 1]
 */
export function bootstrapSettings(
  opts: BootstrapOptions,
  baseSeed: number,
): { runs: number; minCorrelation: number; seed: number } {
  const runs = opts.runs ?? BOOTSTRAP_DEFAULTS.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const minCorrelation = opts.minCorrelation ?? BOOTSTRAP_DEFAULTS.minCorrelation;
  if (!(minCorrelation >= -1 && minCorrelation <= 1))
    throw new RangeError(`minCorrelation must be in [−1, 1], got ${minCorrelation}`);
  return { runs, minCorrelation, seed: (opts.seed ?? baseSeed) >>> 0 };
}

/**
 * Bootstrap error estimation of a PMF solution as EPA PMF 5.0 does it (Norris et al. 2014,
 * EPA/600/R-14/108; Paatero et al. 2014, Atmos. Meas. Tech. 7:781): `runs` circular
 * block-bootstrap resamples of the samples (Politis & Romano 1992; block length by Politis & White
 * 2004, {@link chooseBlockSize}), each refitted from the base solution on worker threads, mapped to
 * the base factors by contribution correlation (r ≥ 0.6); returns the mapping table and
 * 5th/25th/50th/75th/95th percentile intervals (type 7) of every profile element, in the input's
 * concentration units.
 * Same seed → bit-identical result, whatever the number of workers.
 * @throws RangeError for invalid options
 * @throws Error when more than half of the runs do not converge (raise maxIterations in
 *   result.options, or check the base solution)
 */
export async function bootstrapPmf(result: PmfResult, opts: BootstrapOptions = {}): Promise<BootstrapResult> {
  const { input, p } = result;
  const { n, m } = input;
  if (result.G.length !== n * p || result.F.length !== p * m)
    throw new RangeError(`result matrices do not match n = ${n}, m = ${m}, p = ${p}`);
  const { runs, minCorrelation, seed } = bootstrapSettings(opts, result.options.seed);
  const order = timeOrder(n, input.times);
  let blockSize: number;
  if (opts.blockSize !== undefined) {
    blockSize = opts.blockSize;
    if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > n)
      throw new RangeError(`blockSize must be an integer from 1 to n = ${n}, got ${blockSize}`);
  } else {
    const Gt = new Float64Array(n * p);
    for (let i = 0; i < n; i++) Gt.set(result.G.subarray(order[i] * p, order[i] * p + p), i * p);
    blockSize = chooseBlockSize(Gt, p);
  }

  const rowsOf: Int32Array[] = [];
  const tasks: FitTask[] = [];
  for (let r = 1; r <= runs; r++) {
    const rows = bootstrapRows(n, blockSize, seed, r, order);
    const G0 = new Float64Array(n * p);
    for (let i = 0; i < n; i++) G0.set(result.G.subarray(rows[i] * p, rows[i] * p + p), i * p);
    rowsOf.push(rows);
    tasks.push({ kind: "fit", F0: result.F, G0, rows });
  }
  const context: TaskContext = { x: input.x, s: input.s, n, m, settings: settingsOf(result.options) };
  const outcomes = await runTasks(context, tasks, {
    workers: opts.workers,
    onDone: (done, total) => opts.onProgress?.(done, total),
  });

  return summariseBootstrap(result, outcomes, rowsOf, {
    seed,
    minCorrelation,
    blockSize,
    blockSizeSource: opts.blockSize !== undefined ? "given" : "auto",
    routine: "bootstrapPmf",
  });
}

/** How a set of bootstrap fits was drawn (for {@link summariseBootstrap}). */
export interface BootstrapPlan {
  seed: number;
  minCorrelation: number;
  blockSize: number;
  blockSizeSource: "auto" | "given";
  /** Rows over which each factor's mean is 1 (a joint fit over sites); default all drawn rows. */
  rowsPerFactor?: number[];
  /** Routine named in the provenance, and extra options recorded there. */
  routine: string;
  extra?: Record<string, unknown>;
}

/**
 * The statistics of a set of bootstrap fits (outcomes[r] fitted on rows rowsOf[r] of the base
 * data): normalisation, mapping to the base factors, mapping table and type-7 intervals, as
 * described for {@link bootstrapPmf}. Shared by {@link bootstrapPmf} and the joint-site bootstrap
 * (the plan's options already checked by {@link bootstrapSettings}).
 * @throws {Error} when more than half of the runs did not converge
 */
export function summariseBootstrap(
  result: PmfResult,
  outcomes: RunOutcome[],
  rowsOf: Int32Array[],
  plan: BootstrapPlan,
): BootstrapResult {
  const { input, p } = result;
  const { n, m } = input;
  const { seed, minCorrelation, blockSize } = plan;
  const runs = outcomes.length;
  const notConverged: number[] = [];
  const bsRuns: BootstrapRun[] = outcomes.map((o, idx) => {
    const run = idx + 1;
    const ok = o.converged && Number.isFinite(o.qTrue);
    if (!ok) notConverged.push(run);
    // normalise: contributions average 1 over the drawn rows, F scaled accordingly
    const { G, F } = normaliseSolution(o.G, o.F, n, m, p, plan.rowsPerFactor);
    const mapped = ok
      ? mapBootstrapFactors(result.G, G, rowsOf[idx], p, minCorrelation)
      : { mapping: [], correlations: [] };
    return {
      run,
      seed: runSeed(seed, run),
      qTrue: o.qTrue,
      qRobust: o.qRobust,
      iterations: o.iterations,
      converged: ok,
      mapping: mapped.mapping,
      correlations: mapped.correlations,
      F,
    };
  });
  if (notConverged.length * 2 > runs) {
    throw new Error(
      `bootstrap: ${notConverged.length} of ${runs} runs did not converge within maxIterations = ${result.options.maxIterations} ` +
        `(runs ${notConverged.slice(0, 10).join(", ")}${notConverged.length > 10 ? ", …" : ""}); more than half failed, so no bootstrap result is reported. ` +
        `Raise maxIterations in the base options or check the base solution.`,
    );
  }

  const good = bsRuns.filter((r) => r.converged);
  const names =
    result.factorNames.length === p ? result.factorNames : Array.from({ length: p }, (_, k) => `Factor ${k + 1}`);
  const mappingTable: BootstrapMappingRow[] = names.map((factor) => ({
    factor,
    reproduced: 0,
    notReproduced: 0,
    mappedTo: new Array<number>(p).fill(0),
    unmapped: 0,
  }));
  const values: number[][][] = Array.from({ length: p }, () => Array.from({ length: m }, () => [] as number[]));
  for (const r of good) {
    for (let l = 0; l < p; l++) {
      if (r.mapping[l] < 0) mappingTable[l].unmapped++;
      else mappingTable[l].mappedTo[r.mapping[l]]++;
    }
    for (let k = 0; k < p; k++) {
      let best = -1;
      for (let l = 0; l < p; l++)
        if (r.mapping[l] === k && (best < 0 || r.correlations[l][k] > r.correlations[best][k])) best = l;
      if (best < 0) {
        mappingTable[k].notReproduced++;
        continue;
      }
      mappingTable[k].reproduced++;
      for (let j = 0; j < m; j++) values[k][j].push(r.F[best * m + j]);
    }
  }
  const intervals: BootstrapInterval[][] = values.map((row, k) =>
    row.map((v, j) => {
      v.sort((a, b) => a - b);
      const q = (x: number) => (v.length ? quantileType7(v, x, { sorted: true }) : NaN);
      return {
        species: input.species[j],
        unit: input.units[j],
        count: v.length,
        p5: q(0.05),
        p25: q(0.25),
        p50: q(0.5),
        p75: q(0.75),
        p95: q(0.95),
        base: result.F[k * m + j],
      };
    }),
  );
  return {
    blockSize,
    blockSizeSource: plan.blockSizeSource,
    seed,
    minCorrelation,
    factorNames: names,
    runs: bsRuns,
    convergedRuns: good.length,
    mappingTable,
    unmapped: mappingTable.reduce((a, r) => a + r.unmapped, 0),
    intervals,
    notConverged,
    provenance: provenance(
      {
        runs,
        blockSize,
        blockSizeSource: plan.blockSizeSource,
        minCorrelation,
        base: plainOptions(result.options),
        ...plan.extra,
      },
      seed,
      { routine: plan.routine },
    ),
  };
}
