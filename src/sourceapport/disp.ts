import { alsFit, qValues, type RunSettings } from "./als";
import {
  columnCurvature,
  oneElementModel,
  type DispMethod,
  type DispSearchResult,
  type DispSearchTask,
  type SwapTest,
} from "./dispsearch";
import { runTasks } from "./pool";
import { settingsOf } from "./solver";
import type { PmfResult } from "./types";
import { plainOptions, provenance, type Provenance } from "../provenance";

/** Options of {@link dispPmf}. */
export interface DispOptions {
  /** dQmax levels (default 4, 8, 16, 32 — EPA PMF 5.0). */
  dQmax?: number[];
  /** Species to displace (default all used species). */
  species?: string[];
  /** Factors to displace, 0-based (default all). */
  factors?: number[];
  /** Fits per level and element at most (fast: on average over the levels, default 10; exhaustive: default 6). */
  steps?: number;
  /**
   * How each bound is located (default `"fast"`, see {@link DispMethod}: the first crossing of
   * dQmax, checked against brute-force scans; `"exhaustive"` is the search of aozora 0.1, whose
   * bounds are short where dQ is flat or when it stops at dQ ≥ 0.9·dQmax). Both follow the
   * displaced solution continuously from the base.
   */
  method?: DispMethod;
  /**
   * Exhaustive method only: a bound is accepted once its dQ ≥ accept·dQmax (default 0.9; the
   * reference for the fast search uses 0.995 with more `steps`).
   */
  accept?: number;
  /**
   * Which matrix the swap test compares (default `"contributions"`; `"profiles"` = ESAT's exact
   * `compare_all_factors` rule on the profiles by r², see {@link swappedProfiles}).
   */
  swapTest?: SwapTest;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** DISP interval of one profile element. */
export interface DispInterval {
  factor: string;
  k: number;
  species: string;
  j: number;
  /** Base value of F_kj (F units of the species). */
  base: number;
  /** Per dQmax level: lowest and highest value reached with dQ ≤ dQmax. */
  down: number[];
  up: number[];
}

/** One dQmax level of the DISP / BS-DISP swap table. */
export interface DispSwaps {
  dQmax: number;
  /** Per base factor: its displacements whose refit had a factor swap. */
  byFactor: number[];
  /** Per base factor: its displacements (element × direction; in BS-DISP summed over resamples). */
  tried: number[];
  /** Displacements with a swap, all factors. */
  displacements: number;
}

/** Result of {@link dispPmf}. */
export interface DispResult {
  dQmax: number[];
  /** The objective of the base solution after polishing with the refit settings, and how much polishing lowered it. */
  qBase: number;
  polishDecrease: number;
  intervals: DispInterval[];
  /**
   * Per level, EPA PMF 5.0's swap table as ESAT computes it (`swap_table`, `count_table` in
   * `esat/error/displacement.py`): `byFactor[k]` = displacements (element × direction) of factor
   * k's elements whose refitted solution had a swap (some refitted factor's contributions
   * correlating better with another base factor's than with its own; {@link swappedFactors}); `tried[k]` = factor k's
   * displacements; `displacements` = displacements with a swap, over all factors.
   */
  swaps: DispSwaps[];
  /** Largest decrease of the objective below the base seen in any fit (≥ 0), absolute and in % of the base. */
  largestDecrease: number;
  largestDecreasePct: number;
  /** Set when a fit found a lower objective than the base by more than 0.1 %: the base run is not a global minimum. */
  warning?: string;
  fits: number;
  notConverged: number;
  /** ALS iterations over all displacement fits (the cost of the run). */
  iterations: number;
  /** Library version, options (levels, species, factors, steps, the base runs' options) and the base seed. DISP itself draws no random numbers. */
  provenance?: Provenance;
}

/** Refit settings for displacement fits: warm starts converge in a few iterations with a tighter test. */
export function refitSettings(base: RunSettings): RunSettings {
  return { ...base, tolerance: 0.01, relativeTolerance: 1e-7, window: 10, maxIterations: 1000, normaliseG: true };
}

/**
 * The profile elements a DISP or BS-DISP run displaces: species indices `js` (those named in
 * `opts.species`, in that order, else all) and factor indices `ks` (`opts.factors`, else all p).
 *
 * @param species the input's species names
 * @param p number of factors
 * @param unknown the error message for a species not in `species`
 * @throws {RangeError} with `unknown(name)` when a named species is not in the input
 */
export function displacedElements(
  species: readonly string[],
  p: number,
  opts: Pick<DispOptions, "species" | "factors">,
  unknown: (name: string) => string,
): { js: number[]; ks: number[] } {
  const js = opts.species
    ? opts.species.map((sp) => {
        const j = species.indexOf(sp);
        if (j < 0) throw new RangeError(unknown(sp));
        return j;
      })
    : species.map((_, j) => j);
  const ks = opts.factors ?? Array.from({ length: p }, (_, k) => k);
  return { js, ks };
}

/**
 * The options of a DISP or BS-DISP run as its provenance records them: the dQmax levels, the
 * displaced species (names) and factors (indices), the step count (null: the default) and the
 * swap test when one was given.
 */
export function dispRunOptions(
  levels: number[],
  species: readonly string[],
  js: number[],
  ks: number[],
  opts: Pick<DispOptions, "steps" | "swapTest" | "method">,
): Record<string, unknown> {
  return {
    dQmax: levels,
    species: js.map((j) => species[j]),
    factors: ks,
    steps: opts.steps ?? null,
    method: opts.method ?? "fast",
    ...(opts.swapTest ? { swapTest: opts.swapTest } : {}),
  };
}

/**
 * Displacement (DISP) error estimation: every profile element F_kj is displaced down and up
 * until the objective (Q(true), or Q(robust) in robust mode) rises by each dQmax (default 4, 8,
 * 16, 32), re-fitting everything else; the displaced values are the interval. The displaced
 * solution is followed continuously from the base (each refit starts from the previous point
 * of the path and the displacement at most doubles per fit), so a refit cannot jump to a
 * relabelling of the factors that no continuous displacement reaches.
 *
 * Factor swaps, per level: the refitted factors at each bound are compared with the base
 * factors, and the displacement counts as a swap for the displaced factor when some refitted
 * factor matches another base factor better than its own — the rule of EPA's open-source ESAT
 * (`compare_all_factors`, counted per displaced factor in `esat/error/displacement.py`), applied
 * to the contributions as {@link swappedFactors} explains. The EPA PMF 5.0 User Guide reads swaps at the smallest dQmax
 * (4) as a sign that the solution has significant rotational ambiguity; on a well-posed solution
 * there are none. Any fit that lowers Q below the base is reported — by more than 0.1 % it means
 * the base run was not a global minimum, and `warning` says so.
 *
 * Method: Paatero, Eberly, Brown, Norris (2014) Methods for estimating uncertainty in factor
 * analytic solutions, Atmos. Meas. Tech. 7:781–797; EPA PMF 5.0 User Guide (Norris et al. 2014).
 * @throws {RangeError} when a displaced species is not in the input
 * @throws {Error} when more than half of the displacement fits do not converge within maxIterations
 */
export async function dispPmf(result: PmfResult, opts: DispOptions = {}): Promise<DispResult> {
  const { input, p } = result;
  const { n, m, x, s } = input;
  const levels = [...(opts.dQmax ?? [4, 8, 16, 32])].sort((a, b) => a - b);
  const settings = refitSettings(settingsOf(result.options));
  const objective = settings.robust ? "qRobust" : "qTrue";
  // polish the base with the refit settings so dQ is measured from a converged point
  const polished = alsFit(x, s, n, m, result.G, result.F, settings);
  const before = qValues(x, s, result.G, result.F, n, m, p, settings.alpha)[objective];
  const qBase = polished[objective];
  const { js, ks } = displacedElements(
    input.species,
    p,
    opts,
    (sp) => `DISP: unknown species "${sp}" (have: ${input.species.join(", ")})`,
  );
  const tasks: DispSearchTask[] = [];
  for (const k of ks) {
    for (const j of js) {
      const model = oneElementModel({ x, s, G: polished.G, F: polished.F, n, m, p }, k, j);
      const curvature = Math.max(model.curvature, 1e-12);
      const colCurv = columnCurvature({ s, G: polished.G, n, m, p }, k, j);
      for (const direction of [-1, 1] as const) {
        tasks.push({
          kind: "disp",
          k,
          j,
          direction,
          levels,
          G0: polished.G,
          F0: polished.F,
          qBase,
          weight: 1e3 * curvature,
          curvature,
          columnCurvature: colCurv,
          slope: Math.max(0, -2 * direction * model.gradient),
          method: opts.method ?? "fast",
          ...(opts.accept !== undefined ? { accept: opts.accept } : {}),
          steps: opts.steps,
          settings,
          ...(opts.swapTest ? { swapTest: opts.swapTest } : {}),
        });
      }
    }
  }
  const res: DispSearchResult[] = await runTasks({ x, s, n, m, settings }, tasks, {
    workers: opts.workers,
    onDone: (d, t) => opts.onProgress?.(d, t),
  });
  const fits = res.reduce((a, r) => a + r.fits, 0);
  const notConverged = res.reduce((a, r) => a + r.notConverged, 0);
  const iterations = res.reduce((a, r) => a + r.iterations, 0);
  if (fits > 0 && notConverged > fits / 2) {
    throw new Error(
      `DISP: ${notConverged} of ${fits} displacement fits did not converge within ${settings.maxIterations} iterations; the intervals would not be reliable`,
    );
  }
  const intervals: DispInterval[] = [];
  const byKey = new Map<string, DispInterval>();
  for (const r of res) {
    const key = `${r.k}:${r.j}`;
    let iv = byKey.get(key);
    if (!iv) {
      iv = {
        factor: result.factorNames[r.k],
        k: r.k,
        species: input.species[r.j],
        j: r.j,
        base: polished.F[r.k * m + r.j],
        down: [],
        up: [],
      };
      byKey.set(key, iv);
      intervals.push(iv);
    }
    if (r.direction < 0) iv.down = r.bounds;
    else iv.up = r.bounds;
  }
  const swaps: DispSwaps[] = levels.map((L, li) => {
    const byFactor = new Array<number>(p).fill(0),
      tried = new Array<number>(p).fill(0);
    let displacements = 0;
    for (const r of res) {
      tried[r.k]++;
      if (r.swapped[li].length > 0) {
        displacements++;
        byFactor[r.k]++;
      }
    }
    return { dQmax: L, byFactor, tried, displacements };
  });
  const largestDecrease = Math.max(0, before - qBase, ...res.map((r) => -r.minDQ));
  const largestDecreasePct = (100 * largestDecrease) / Math.max(before, 1e-300);
  const prov = provenance(
    {
      ...dispRunOptions(levels, input.species, js, ks, opts),
      base: plainOptions(result.options),
    },
    result.options.seed,
    { routine: "dispPmf" },
  );
  const out: DispResult = {
    dQmax: levels,
    qBase,
    polishDecrease: before - qBase,
    intervals,
    swaps,
    largestDecrease,
    largestDecreasePct,
    fits,
    notConverged,
    iterations,
    provenance: prov,
  };
  if (largestDecreasePct > 0.1) {
    out.warning = `DISP found a solution with Q ${largestDecrease.toFixed(1)} (${largestDecreasePct.toFixed(2)} %) below the base run: the base run is not a global minimum — rerun the base runs (more runs, other seeds) before interpreting the intervals`;
  }
  return out;
}
