import { bootstrapRows, timeOrder, type BootstrapResult } from "./bootstrap";
import {
  displacedElements,
  dispRunOptions,
  refitSettings,
  type DispInterval,
  type DispOptions,
  type DispSwaps,
} from "./disp";
import {
  columnCurvature,
  oneElementModel,
  type DispMethod,
  type DispSearchResult,
  type DispSearchTask,
} from "./dispsearch";
import { runTasks } from "./pool";
import { settingsOf } from "./solver";
import type { FitTask, TaskContext } from "./tasks";
import type { PmfResult } from "./types";
import { plainOptions, provenance, type Provenance } from "../provenance";

/** Options of {@link bsDispPmf}. */
export interface BsDispOptions extends DispOptions {
  /** dQmax levels (default 0.5, 1, 2, 4 — EPA PMF 5.0 BS-DISP). BS-DISP costs a full DISP per bootstrap run: choose `species` with care. */
  dQmax?: number[];
  /** How many of the bootstrap runs to use (default all usable). */
  runs?: number;
}

/**
 * BS-DISP interval of one profile element (over all bootstrap resamples): the fields of a DISP
 * interval, with `down` / `up` per level the lowest and highest displaced value over all
 * resamples (F units, factors mapped to the base).
 */
export type BsDispInterval = DispInterval;

/** Result of {@link bsDispPmf}. */
export interface BsDispResult {
  dQmax: number[];
  /** Bootstrap runs used (converged, every factor mapped one-to-one). */
  runsUsed: number[];
  /** Bootstrap runs skipped, with the reason. */
  runsSkipped: { run: number; reason: string }[];
  intervals: BsDispInterval[];
  /**
   * Per level, the swap table summed over the resamples (as ESAT's `BSDISP` adds the DISP swap
   * tables of its resamples): `byFactor[k]` = displacements of base factor k's elements whose
   * refit had a factor swap, `tried[k]` = its displacements.
   */
  swaps: DispSwaps[];
  /** Resamples whose DISP had at least one swap at some level (ESAT's "# of DISP swaps"). */
  resamplesWithSwaps: number;
  /** Base factors whose displacements had swaps already at the smallest dQmax (0.5): their BS-DISP intervals are not reliable. */
  unreliableFactors: string[];
  largestDecrease: number;
  fits: number;
  notConverged: number;
  /** ALS iterations over all fits (the polish of each resample's fit and the displacement fits). */
  iterations: number;
  /** Library version, options (levels, species, factors, steps, runs used, the bootstrap's options) and the bootstrap seed. */
  provenance?: Provenance;
}

/**
 * BS-DISP: displacement (DISP) inside each bootstrap resample, with small dQmax (0.5, 1, 2, 4),
 * so the interval covers both random error and rotational ambiguity (Paatero, Eberly, Brown,
 * Norris 2014, Atmos. Meas. Tech. 7:781; EPA PMF 5.0 User Guide). ESAT's BS-DISP documents the
 * levels: "BS-DISP dQmax values are (0.5, 1, 2, 4) while DISP dQmax values are (4, 8, 16, 32)"
 * (`esat/error/bs_disp.py`). Each usable bootstrap run is refitted from the base exactly as in
 * {@link bootstrapPmf} is reused: its own converged profiles (the bootstrap run's F, on the same rows)
 * are polished with the DISP refit settings — a few iterations, not a new fit from the base —
 * then every chosen element of every factor is
 * displaced down and up as in {@link dispPmf} (by default with the fast search, {@link DispMethod}),
 * followed continuously from the resample's own fit.
 * The swap test ({@link swappedFactors}) compares each refitted solution with the resample's own
 * fit (the solution the displacement started from), as ESAT does (each resample's DISP compares
 * against its own base); factors are mapped to the base by the bootstrap mapping and the swap
 * tables are summed over resamples. Factors with swaps already at the smallest dQmax are
 * flagged unreliable.
 *
 * @throws RangeError for an unknown species; Error when more than half of the displacement fits fail to converge.
 */
export async function bsDispPmf(
  result: PmfResult,
  bs: BootstrapResult,
  opts: BsDispOptions = {},
): Promise<BsDispResult> {
  const { input, p } = result;
  const { n, m, x, s } = input;
  const levels = [...(opts.dQmax ?? [0.5, 1, 2, 4])].sort((a, b) => a - b);
  const settings = refitSettings(settingsOf(result.options));
  const order = timeOrder(n, input.times);
  const runsUsed: number[] = [],
    runsSkipped: { run: number; reason: string }[] = [];
  for (const r of bs.runs) {
    if (opts.runs !== undefined && runsUsed.length >= opts.runs) break;
    const perm = new Set(r.mapping.filter((v) => v >= 0));
    if (!r.converged) runsSkipped.push({ run: r.run, reason: "bootstrap run did not converge" });
    else if (perm.size !== p)
      runsSkipped.push({ run: r.run, reason: "not every factor mapped one-to-one to a base factor" });
    else runsUsed.push(r.run);
  }
  const ctx: TaskContext = { x, s, n, m, settings: settingsOf(result.options) };
  const rowsOf = runsUsed.map((run) => bootstrapRows(n, bs.blockSize, bs.seed, run, order));
  // reuse the bootstrap fits: each resample's DISP starts from its own converged profiles (the
  // bootstrap run's F; G from the first half-step), polished with the refit settings
  const fitTasks: FitTask[] = runsUsed.map((run, ri) => ({
    kind: "fit",
    F0: bs.runs[run - 1].F,
    rows: rowsOf[ri],
    settings,
  }));
  const bsFits = await runTasks(ctx, fitTasks, { workers: opts.workers });
  const { js, ks } = displacedElements(input.species, p, opts, (sp) => `BS-DISP: unknown species "${sp}"`);
  const tasks: DispSearchTask[] = [];
  const taskRun: number[] = [];
  bsFits.forEach((fit, ri) => {
    const rows = rowsOf[ri];
    const mapping = bs.runs[runsUsed[ri] - 1].mapping;
    for (const kb of ks) {
      const k = mapping.indexOf(kb); // the resample's factor that maps to base factor kb
      for (const j of js) {
        const model = oneElementModel({ x, s, G: fit.G, F: fit.F, n, m, p }, k, j, rows);
        const curvature = Math.max(model.curvature, 1e-12);
        const colCurv = columnCurvature({ s, G: fit.G, n, m, p }, k, j, rows);
        for (const direction of [-1, 1] as const) {
          tasks.push({
            kind: "disp",
            k,
            j,
            direction,
            levels,
            G0: fit.G,
            F0: fit.F,
            qBase: settings.robust ? fit.qRobust : fit.qTrue,
            weight: 1e3 * curvature,
            curvature,
            columnCurvature: colCurv,
            slope: Math.max(0, -2 * direction * model.gradient),
            method: opts.method ?? "fast",
            steps: opts.steps,
            settings,
            rows,
            ...(opts.swapTest ? { swapTest: opts.swapTest } : {}),
          });
          taskRun.push(ri);
        }
      }
    }
  });
  const res: DispSearchResult[] = await runTasks({ ...ctx, settings }, tasks, {
    workers: opts.workers,
    onDone: (d, t) => opts.onProgress?.(d, t),
  });
  const fits = res.reduce((a, r) => a + r.fits, 0);
  const notConverged = res.reduce((a, r) => a + r.notConverged, 0);
  const iterations = res.reduce((a, r) => a + r.iterations, 0) + bsFits.reduce((a, o) => a + o.iterations, 0);
  if (fits > 0 && notConverged > fits / 2)
    throw new Error(
      `BS-DISP: ${notConverged} of ${fits} displacement fits did not converge within ${settings.maxIterations} iterations`,
    );
  const byKey = new Map<string, BsDispInterval>();
  const swaps: DispSwaps[] = levels.map((L) => ({
    dQmax: L,
    byFactor: new Array<number>(p).fill(0),
    tried: new Array<number>(p).fill(0),
    displacements: 0,
  }));
  const runsWithSwaps = new Set<number>();
  res.forEach((r, ti) => {
    const mapping = bs.runs[runsUsed[taskRun[ti]] - 1].mapping;
    const kb = mapping[r.k];
    const key = `${kb}:${r.j}`;
    let iv = byKey.get(key);
    if (!iv) {
      iv = {
        factor: result.factorNames[kb],
        k: kb,
        species: input.species[r.j],
        j: r.j,
        base: result.F[kb * m + r.j],
        down: levels.map(() => Infinity),
        up: levels.map(() => -Infinity),
      };
      byKey.set(key, iv);
    }
    levels.forEach((_, li) => {
      if (r.direction < 0) iv!.down[li] = Math.min(iv!.down[li], r.bounds[li]);
      else iv!.up[li] = Math.max(iv!.up[li], r.bounds[li]);
      swaps[li].tried[kb]++;
      if (r.swapped[li].length > 0) {
        swaps[li].displacements++;
        swaps[li].byFactor[kb]++;
        runsWithSwaps.add(taskRun[ti]);
      }
    });
  });
  const intervals = [...byKey.values()].sort((a, b) => a.k - b.k || a.j - b.j);
  const unreliableFactors = swaps.length
    ? swaps[0].byFactor.flatMap((c, k) => (c > 0 ? [result.factorNames[k]] : []))
    : [];
  const largestDecrease = Math.max(0, ...res.map((r) => -r.minDQ));
  const prov = provenance(
    {
      ...dispRunOptions(levels, input.species, js, ks, opts),
      runs: runsUsed.length,
      bootstrap: bs.provenance
        ? bs.provenance.options
        : { blockSize: bs.blockSize, minCorrelation: bs.minCorrelation, base: plainOptions(result.options) },
    },
    bs.seed,
    { routine: "bsDispPmf" },
  );
  return {
    dQmax: levels,
    runsUsed,
    runsSkipped,
    intervals,
    swaps,
    resamplesWithSwaps: runsWithSwaps.size,
    unreliableFactors,
    largestDecrease,
    fits,
    notConverged,
    iterations,
    provenance: prov,
  };
}
