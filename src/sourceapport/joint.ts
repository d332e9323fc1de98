/**
 * Joint PMF over several sites: one model X = G·F + E over the stacked samples of the sites, with
 * one set of profiles F shared by every site and each site's own contributions G (its rows of the
 * stacked G). A factor may be declared present at one site only (`siteOnly`): its contributions
 * are then structural zeros — held at exactly 0 — in the rows of every other site, so it can only
 * explain that site's data (a local source), while the other factors are shared sources whose
 * profile is estimated from all sites at once.
 *
 * Objective, robust mode and run conventions are those of {@link runPmf} (Paatero & Tapper 1994;
 * EPA PMF 5.0 User Guide, Norris et al. 2014): the joint Q is the sum over all cells of all sites,
 * so Q(joint) = Σ_sites Q(site). Sources: we did not find a primary text that specifies a joint
 * PMF over sites with shared profiles and site-only factors, so the conventions below
 * (normalisation, Q(expected), resampling within sites) are ours and stated where used. The
 * nearest primary text we located is Paatero's PMF2/PMF3 User's Guide, Part 2 (2004), whose
 * contents list a section "The key matrices Gkey, …, Ckey" (per-element controls of G); we did
 * not read it. The structural zero here is a hard zero: the element is not a parameter of the fit.
 */
import { Rng } from "../random/rng";
import { qValues } from "./als";
import {
  blockBootstrapRows,
  chooseBlockSize,
  summariseBootstrap,
  timeOrder,
  bootstrapSettings,
  type BootstrapOptions,
  type BootstrapResult,
} from "./bootstrap";
import { runTasks } from "./pool";
import { normaliseSolution, resolvePmfOptions, runSeed, settingsOf, toRun } from "./solver";
import type { BaseRunTask, FitTask, TaskContext } from "./tasks";
import type { PmfInput, PmfOptions, PmfResult, PmfRun } from "./types";
import { provenance, type Provenance } from "../provenance";

/** One site of a joint fit: its name (unique) and its prepared input. */
export interface JointPmfSite {
  name: string;
  input: PmfInput;
}

/** Options of {@link runJointPmf}: those of {@link runPmf} plus the site-only factors. */
export interface JointPmfOptions extends Omit<PmfOptions, "onProgress"> {
  /**
   * Factors present at one site only: factor index (0-based) → site name. The factor's
   * contributions are held at exactly 0 in the samples of every other site. Factors not listed
   * are shared by all sites.
   */
  siteOnly?: Record<number, string>;
  /**
   * How each base run starts when there are site-only factors (ignored without them):
   * `"split"` (default) fits `warmSweeps` sweeps without the structural zeros from the random
   * start, then puts in each site-only slot the fitted factor with the smallest share of
   * contributions at the other sites (see {@link runJointPmf}); `"random"` applies the
   * structural zeros from the random start on (the only start before the split start; for comparison).
   */
  start?: "split" | "random";
  /** Unmasked sweeps of the split start (integer ≥ 1; default 20). */
  warmSweeps?: number;
  /** Called after each finished run. */
  onProgress?: (done: number, total: number, run: JointPmfRun) => void;
}

/** Q of one site's cells (dimensionless). */
export interface SiteQ {
  site: string;
  qTrue: number;
  qRobust: number;
}

/** One base run of a joint fit: a {@link PmfRun} over the stacked data, and its Q split by site. */
export interface JointPmfRun extends PmfRun {
  /** Q(true) and Q(robust) of each site's cells; they sum to the run's qTrue and qRobust. */
  sites: SiteQ[];
}

/** One site of a {@link JointPmfResult}. */
export interface JointPmfSiteResult {
  name: string;
  /** The site's input as given (its own sample labels and times). */
  input: PmfInput;
  /** Row offset of the site in the stacked data. */
  offset: number;
  /** Indices (0-based) of the factors present at this site (shared ones and its own site-only ones). */
  factors: number[];
  /** The site's contributions, input.n × p row-major (normalised as the joint G; 0 for absent factors). */
  G: Float64Array;
  /** Q(true), Q(robust) of the site's cells in the reported solution. */
  qTrue: number;
  qRobust: number;
}

/** The result of {@link runJointPmf}. */
export interface JointPmfResult {
  /** Number of factors (shared and site-only). */
  p: number;
  /** Factor names (default "Factor 1" …). */
  factorNames: string[];
  /** Shared profiles p×m (row-major), in the species' units, scaled as described in {@link runJointPmf}. */
  F: Float64Array;
  /** Per-site contributions and Q. */
  sites: JointPmfSiteResult[];
  /** presence[s][k]: factor k exists at site s. */
  presence: boolean[][];
  /**
   * The stacked problem: samples labelled "site/sample" (as given for one site), x and s of the
   * sites one after the other, a species weak when it is weak at any site (the fit uses the
   * sites' own s), times when every site has them (each site's UTC offset is in its own input).
   */
  stacked: PmfInput;
  /** Stacked contributions, Σ n_s × p (normalised). */
  G: Float64Array;
  /** Structural zeros of the stacked G (1 = held at 0), Σ n_s × p. */
  gZero: Uint8Array;
  /** Samples over which each factor's mean contribution is 1 (Σ n_s over the sites where it exists). */
  rowsPerFactor: number[];
  /** Q(true), Q(robust) of the reported solution over all sites (= Σ of the sites'). */
  qTrue: number;
  qRobust: number;
  /** Q(expected) = N·m − (Σ_k rowsPerFactor[k] + p·m): cells minus free parameters. */
  qExpected: number;
  /** Options as used (defaults filled in; no callbacks). */
  options: Required<Omit<PmfOptions, "onProgress">> & {
    siteOnly: Record<number, string>;
    start: "split" | "random";
    warmSweeps: number;
  };
  /** All runs in run order. */
  runs: JointPmfRun[];
  /** Index into `runs` of the reported solution: the lowest total Q(robust). */
  bestIndex: number;
  /** Library version, options (without `workers`) and base seed. */
  provenance?: Provenance;
}

/** The stacked input, the G mask and the site bookkeeping of a joint fit. */
interface Stacked {
  input: PmfInput;
  gZero: Uint8Array | undefined;
  offsets: number[];
  presence: boolean[][];
  rowsPerFactor: number[];
}

function stack(sites: JointPmfSite[], p: number, siteOnly: Record<number, string>): Stacked {
  if (!Array.isArray(sites) || sites.length === 0) throw new RangeError("runJointPmf: sites must be a non-empty array");
  const names = sites.map((s) => s.name);
  names.forEach((nm, i) => {
    if (typeof nm !== "string" || nm === "") throw new RangeError(`runJointPmf: site ${i + 1} has no name`);
    if (names.indexOf(nm) !== i) throw new RangeError(`runJointPmf: site name "${nm}" is used twice`);
  });
  const first = sites[0].input;
  const m = first.m;
  for (const { name, input } of sites.slice(1)) {
    for (let j = 0; j < Math.max(m, input.m); j++) {
      if (input.species[j] !== first.species[j])
        throw new RangeError(
          `runJointPmf: site "${name}" species ${j + 1} is "${input.species[j] ?? "(none)"}" but site "${sites[0].name}" has "${first.species[j] ?? "(none)"}"; every site must use the same species in the same order`,
        );
      if (input.units[j] !== first.units[j])
        throw new RangeError(
          `runJointPmf: site "${name}" species "${input.species[j]}" is in ${input.units[j]} but site "${sites[0].name}" has ${first.units[j]}`,
        );
    }
    if ((input.total ?? "") !== (first.total ?? ""))
      throw new RangeError(
        `runJointPmf: site "${name}" total variable is "${input.total ?? "(none)"}" but site "${sites[0].name}" has "${first.total ?? "(none)"}"`,
      );
  }
  const presence = sites.map(() => new Array<boolean>(p).fill(true));
  for (const key of Object.keys(siteOnly)) {
    const k = Number(key);
    if (!Number.isInteger(k) || k < 0 || k >= p)
      throw new RangeError(`runJointPmf: siteOnly factor index must be an integer from 0 to ${p - 1}, got ${key}`);
    const s = names.indexOf(siteOnly[k]);
    if (s < 0)
      throw new RangeError(
        `runJointPmf: siteOnly[${k}] is "${siteOnly[k]}", which is not a site (sites: ${names.join(", ")})`,
      );
    sites.forEach((_, t) => (presence[t][k] = t === s));
  }
  const N = sites.reduce((a, s) => a + s.input.n, 0);
  const x = new Float64Array(N * m),
    sd = new Float64Array(N * m);
  const offsets: number[] = [];
  const samples: string[] = [];
  const allTimes = sites.every((s) => s.input.times);
  const times = allTimes ? new Float64Array(N) : undefined;
  const masked = Object.keys(siteOnly).length > 0;
  const gZero = masked ? new Uint8Array(N * p) : undefined;
  const rowsPerFactor = new Array<number>(p).fill(0);
  let o = 0;
  sites.forEach(({ name, input }, t) => {
    offsets.push(o);
    x.set(input.x, o * m);
    sd.set(input.s, o * m);
    if (times) times.set(input.times!, o);
    for (let i = 0; i < input.n; i++) samples.push(sites.length > 1 ? `${name}/${input.samples[i]}` : input.samples[i]);
    for (let k = 0; k < p; k++) {
      if (presence[t][k]) rowsPerFactor[k] += input.n;
      else for (let i = 0; i < input.n; i++) gZero![(o + i) * p + k] = 1;
    }
    o += input.n;
  });
  const one = sites.length === 1;
  const input: PmfInput = {
    species: [...first.species],
    units: [...first.units],
    categories: first.categories.map((c, j) => (sites.some((s) => s.input.categories[j] === "weak") ? "weak" : c)),
    samples,
    ...(times ? { times } : {}),
    ...(one && first.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: first.utcOffsetMinutes } : {}),
    n: N,
    m,
    x,
    s: sd,
    ...(first.total !== undefined ? { total: first.total } : {}),
    summary: one ? first.summary : [],
    changes: one ? first.changes : [],
    extraUncertaintyPct: Math.max(...sites.map((s) => s.input.extraUncertaintyPct)),
  };
  return { input, gZero, offsets, presence, rowsPerFactor };
}

/** Q of each site's block of rows. */
function siteQs(sites: JointPmfSite[], offsets: number[], G: Float64Array, F: Float64Array, p: number, alpha: number) {
  return sites.map(({ name, input }, t) => {
    const o = offsets[t];
    const q = qValues(input.x, input.s, G.subarray(o * p, (o + input.n) * p), F, input.n, input.m, p, alpha);
    return { site: name, qTrue: q.qTrue, qRobust: q.qRobust };
  });
}

/**
 * Joint PMF over several sites: one weighted-ALS model over the stacked samples of all sites
 * (`sites[0]` first), with profiles F shared by all sites and each site's own contributions;
 * factors listed in `siteOnly` exist at that site only (their G is held at exactly 0 at the
 * others, by leaving them out of those rows' NNLS — a structural zero, not a penalty).
 *
 * Runs, seeds, robust mode, convergence and the choice of the reported run (lowest Q(robust)
 * over all sites) are exactly those of {@link runPmf} on the stacked data: same seed → same bits
 * whatever the number of workers, and a joint fit of one site without `siteOnly` is bit-identical
 * to runPmf on that site.
 *
 * Normalisation (how the G/F scale is fixed across sites): each factor's mean contribution is 1
 * over all samples of the sites where it exists — Σ_i G_ik / rowsPerFactor[k] = 1, the sum over
 * the stacked rows —, F scaled accordingly (G_ik/c_k, F_kj·c_k; G·F unchanged). A shared factor's
 * per-site mean is then its site's level relative to the pooled mean; a site-only factor has mean
 * 1 at its site. Q(true) and Q(robust) are reported overall and per site (the overall value is
 * the sum of the sites'). Q(expected) = N·m − (Σ_k rowsPerFactor[k] + p·m), the cells minus the
 * free parameters (the structural zeros are not parameters), which reduces to runPmf's
 * n·m − p·(n + m) without site-only factors.
 *
 * Start (with site-only factors): `start: "split"` (default) runs `warmSweeps` sweeps from each
 * run's random start without the structural zeros, then puts in each site-only slot the fitted
 * factor with the smallest share of contributions at the other sites (minimum-cost assignment
 * over all slots; `splitStartRun` in jointstart.ts) and fits on with the zeros. With the zeros from the
 * first iteration (`start: "random"`, kept for comparison) a shared source that the random start
 * puts in a site-only slot cannot leave it: on the simulated two-city pair 2 of 8 runs reached
 * the lowest Q that way, 8 of 8 with the split start. No primary text specifies this start; the
 * rule is ours.
 *
 * @param sites the sites: unique names and prepared inputs with the same species, units and total variable
 * @param opts {@link PmfOptions} (factors = shared + site-only) and `siteOnly`
 * @throws {RangeError} when `sites` is empty, a name is missing or repeated, a site's species,
 *   units or total variable differ from the first site's (the message names the site and the
 *   species), a `siteOnly` entry names no factor index or no site, `start` is not "split" or
 *   "random", `warmSweeps` is not an integer ≥ 1, or for the options and
 *   uncertainties as {@link runPmf} (checked on the stacked data)
 */
export async function runJointPmf(sites: JointPmfSite[], opts: JointPmfOptions): Promise<JointPmfResult> {
  const { siteOnly = {}, onProgress, start = "split", warmSweeps = 20, ...rest } = opts;
  if (!Number.isInteger(opts.factors) || opts.factors < 1)
    throw new RangeError(`runJointPmf: factors must be a positive integer, got ${opts.factors}`);
  if (start !== "split" && start !== "random")
    throw new RangeError(`runJointPmf: start must be "split" or "random", got ${String(start)}`);
  if (!Number.isInteger(warmSweeps) || warmSweeps < 1)
    throw new RangeError(`runJointPmf: warmSweeps must be an integer ≥ 1, got ${warmSweeps}`);
  const st = stack(sites, opts.factors, siteOnly);
  const o = resolvePmfOptions(rest, st.input);
  const settings = settingsOf(o);
  const tasks: BaseRunTask[] = Array.from({ length: o.runs }, (_, r) => ({
    kind: "base",
    run: r + 1,
    seed: runSeed(o.seed, r + 1),
  }));
  const { n, m } = st.input,
    p = o.factors;
  const context: TaskContext = {
    x: st.input.x,
    s: st.input.s,
    n,
    m,
    settings,
    ...(st.gZero ? { gZero: st.gZero } : {}),
    ...(st.gZero && start === "split" ? { warmSweeps } : {}),
  };
  const toJointRun = (r: PmfRun): JointPmfRun => ({ ...r, sites: siteQs(sites, st.offsets, r.G, r.F, p, o.alpha) });
  const out = await runTasks(context, tasks, {
    workers: o.workers,
    onDone: (done, total, r) => onProgress?.(done, total, toJointRun(toRun(r.run, r.seed, r))),
  });
  const runs = out.map((r) => toJointRun(toRun(r.run, r.seed, r)));
  let bestIndex = 0;
  runs.forEach((r, i) => {
    if (r.qRobust < runs[bestIndex].qRobust) bestIndex = i;
  });
  const best = runs[bestIndex];
  const { G, F } = normaliseSolution(best.G, best.F, n, m, p, st.rowsPerFactor);
  const q = siteQs(sites, st.offsets, G, F, p, o.alpha);
  const siteResults: JointPmfSiteResult[] = sites.map(({ name, input }, t) => ({
    name,
    input,
    offset: st.offsets[t],
    factors: st.presence[t].flatMap((on, k) => (on ? [k] : [])),
    G: G.slice(st.offsets[t] * p, (st.offsets[t] + input.n) * p),
    qTrue: q[t].qTrue,
    qRobust: q[t].qRobust,
  }));
  const siteOnlyUsed: Record<number, string> = { ...siteOnly };
  const startUsed = { start, warmSweeps };
  return {
    p,
    factorNames: Array.from({ length: p }, (_, k) => `Factor ${k + 1}`),
    F,
    sites: siteResults,
    presence: st.presence,
    stacked: st.input,
    G,
    gZero: st.gZero ?? new Uint8Array(n * p),
    rowsPerFactor: st.rowsPerFactor,
    qTrue: best.qTrue,
    qRobust: best.qRobust,
    qExpected: n * m - (st.rowsPerFactor.reduce((a, b) => a + b, 0) + p * m),
    options: { ...o, siteOnly: siteOnlyUsed, ...startUsed },
    runs,
    bestIndex,
    provenance: provenance({ ...o, siteOnly: siteOnlyUsed, ...startUsed, sites: sites.map((s) => s.name) }, o.seed, {
      routine: "runJointPmf",
    }),
  };
}

/**
 * One site of a joint solution as a {@link PmfResult} of that site alone, with only the factors
 * present there (shared ones and its site-only ones, in factor order): its input, its rows of G
 * and the shared F, so every single-site diagnostic and figure ({@link profileSpec},
 * {@link contributionSpec}, residuals, …) applies. G keeps the joint normalisation (mean 1 over
 * the sites where the factor exists), so a shared factor's mean here is the site's level
 * relative to the pooled mean. `runs` holds the reported run only; Q(expected) is the site's
 * n·m − p_s·(n + m) (p_s = its number of factors).
 *
 * @throws {RangeError} when `site` is not one of the result's sites
 */
export function jointSiteResult(result: JointPmfResult, site: string): PmfResult {
  const t = result.sites.findIndex((s) => s.name === site);
  if (t < 0)
    throw new RangeError(`jointSiteResult: no site "${site}" (sites: ${result.sites.map((s) => s.name).join(", ")})`);
  const sr = result.sites[t];
  const { n, m } = sr.input;
  const ks = sr.factors,
    p = result.p,
    ps = ks.length;
  const G = new Float64Array(n * ps),
    F = new Float64Array(ps * m);
  for (let i = 0; i < n; i++) ks.forEach((k, c) => (G[i * ps + c] = sr.G[i * p + k]));
  ks.forEach((k, c) => F.set(result.F.subarray(k * m, k * m + m), c * m));
  const best = result.runs[result.bestIndex];
  return {
    input: sr.input,
    p: ps,
    options: { ...plainRunOptions(result.options), factors: ps },
    qExpected: n * m - ps * (n + m),
    runs: [{ ...best, qTrue: sr.qTrue, qRobust: sr.qRobust, G, F }],
    bestIndex: 0,
    G,
    F,
    factorNames: ks.map((k) => result.factorNames[k]),
    ...(result.provenance ? { provenance: result.provenance } : {}),
  };
}

function plainRunOptions(o: JointPmfResult["options"]): Required<Omit<PmfOptions, "onProgress">> {
  const { siteOnly: _siteOnly, start: _start, warmSweeps: _warmSweeps, ...rest } = o;
  return rest;
}

/** How one site is resampled in {@link jointBootstrapRows}. */
export interface SiteResampling {
  /** Row offset of the site in the stacked data. */
  offset: number;
  /** The site's rows (0-based within the site) in time order (see {@link timeOrder}); its length is the site's n. */
  order: ArrayLike<number>;
  /** Block length, samples (1 to n). */
  blockSize: number;
}

/**
 * The stacked rows of joint bootstrap run r: one generator `new Rng(runSeed(seed, r))`; for each
 * site in turn, {@link blockBootstrapRows}(n_s, blockSize_s, rng) (circular blocks, Politis &
 * Romano 1992) over the site's time order, shifted by the site's offset. Every site keeps its
 * number of samples and only its own samples.
 * @throws {RangeError} when a block size is not an integer from 1 to its site's n
 */
export function jointBootstrapRows(sites: SiteResampling[], seed: number, r: number): Int32Array {
  const rng = new Rng(runSeed(seed, r));
  const rows = new Int32Array(sites.reduce((a, s) => a + s.order.length, 0));
  for (const pl of sites) {
    const n = pl.order.length;
    const pos = blockBootstrapRows(n, pl.blockSize, rng);
    for (let i = 0; i < n; i++) rows[pl.offset + i] = pl.offset + pl.order[pos[i]];
  }
  return rows;
}

/** The result of {@link bootstrapJointPmf}: a {@link BootstrapResult} with each site's block length. */
export interface JointBootstrapResult extends BootstrapResult {
  /** Block length (samples) used at each site; `blockSize` is the largest. */
  siteBlockSizes: { site: string; blockSize: number; source: "auto" | "given" }[];
}

/**
 * Bootstrap of a joint solution, resampling within each site: in run r, each site's samples are
 * block-resampled on their own (the circular block bootstrap of {@link bootstrapPmf}, in the
 * site's time order, with the site's block length: {@link chooseBlockSize} on the site's base
 * contributions of its own factors, or `blockSize` for all), the draws of the sites taken one
 * after the other from one generator seeded runSeed(seed, r); the stacked resample keeps each
 * site's number of samples and structural zeros. Each run refits from the joint F with the base
 * settings; factors are mapped to base factors as {@link bootstrapPmf} does
 * ({@link mapBootstrapFactors}: Pearson r of the contributions over all drawn rows, r ≥
 * `minCorrelation`), and each BS solution is normalised as the base (mean 1 over the drawn rows
 * of the sites where the factor exists). Mapping table and type-7 percentile intervals as
 * {@link bootstrapPmf}. Same seed → same bits, whatever the number of workers.
 *
 * A site-only factor's contributions are 0 at the other sites in both the base and every BS
 * solution, which raises its r with itself; the mapping of shared factors is unaffected.
 *
 * @throws {RangeError} for `runs` or `minCorrelation` out of range, or a `blockSize` that is not an
 *   integer from 1 to the smallest site's number of samples
 * @throws {Error} when more than half of the runs do not converge (raise maxIterations)
 */
export async function bootstrapJointPmf(
  result: JointPmfResult,
  opts: BootstrapOptions = {},
): Promise<JointBootstrapResult> {
  const { p, stacked } = result;
  const { n, m } = stacked;
  const { runs, minCorrelation, seed } = bootstrapSettings(opts, result.options.seed);
  const minN = Math.min(...result.sites.map((s) => s.input.n));
  if (
    opts.blockSize !== undefined &&
    !(Number.isInteger(opts.blockSize) && opts.blockSize >= 1 && opts.blockSize <= minN)
  )
    throw new RangeError(
      `blockSize must be an integer from 1 to the smallest site's number of samples (${minN}), got ${opts.blockSize}`,
    );
  const plans = result.sites.map((s) => {
    const order = timeOrder(s.input.n, s.input.times);
    let blockSize = opts.blockSize;
    if (blockSize === undefined) {
      const ps = s.factors.length;
      const Gt = new Float64Array(s.input.n * ps);
      for (let i = 0; i < s.input.n; i++) s.factors.forEach((k, c) => (Gt[i * ps + c] = s.G[order[i] * p + k]));
      blockSize = chooseBlockSize(Gt, ps);
    }
    return { order, blockSize, offset: s.offset };
  });
  const rowsOf: Int32Array[] = [];
  const tasks: FitTask[] = [];
  for (let r = 1; r <= runs; r++) {
    const rows = jointBootstrapRows(plans, seed, r);
    const G0 = new Float64Array(n * p);
    for (let i = 0; i < n; i++) G0.set(result.G.subarray(rows[i] * p, rows[i] * p + p), i * p);
    rowsOf.push(rows);
    tasks.push({ kind: "fit", F0: result.F, G0, rows });
  }
  const settings = settingsOf(plainRunOptions(result.options));
  const masked = result.gZero.some((v) => v === 1);
  const context: TaskContext = {
    x: stacked.x,
    s: stacked.s,
    n,
    m,
    settings,
    ...(masked ? { gZero: result.gZero } : {}),
  };
  const outcomes = await runTasks(context, tasks, {
    workers: opts.workers,
    onDone: (done, total) => opts.onProgress?.(done, total),
  });
  // resampling within sites keeps every site's number of rows, so rowsPerFactor is unchanged
  const base: PmfResult = {
    input: stacked,
    p,
    options: plainRunOptions(result.options),
    qExpected: result.qExpected,
    runs: result.runs,
    bestIndex: result.bestIndex,
    G: result.G,
    F: result.F,
    factorNames: result.factorNames,
  };
  const blockSize = Math.max(...plans.map((pl) => pl.blockSize));
  const source = opts.blockSize !== undefined ? ("given" as const) : ("auto" as const);
  const summary = summariseBootstrap(base, outcomes, rowsOf, {
    seed,
    minCorrelation,
    blockSize,
    blockSizeSource: source,
    rowsPerFactor: result.rowsPerFactor,
    routine: "bootstrapJointPmf",
    extra: { siteBlockSizes: plans.map((pl) => pl.blockSize), siteOnly: result.options.siteOnly },
  });
  return {
    ...summary,
    siteBlockSizes: result.sites.map((s, t) => ({ site: s.name, blockSize: plans[t].blockSize, source })),
  };
}
