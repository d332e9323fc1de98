import type { Provenance } from "../provenance";

/**
 * Shared types of the PMF engine: the prepared input (after S/N, categories, uncertainty
 * handling and exclusions) and the solver's result. Matrices are dense, row-major Float64Arrays.
 */

/** EPA PMF species category. Strong: used as given; weak: uncertainty × 3; bad: excluded. */
export type SpeciesCategory = "strong" | "weak" | "bad";

/** Signal-to-noise and category of one species (all species, including bad and excluded ones). */
export interface SpeciesSummary {
  name: string;
  /** EPA PMF 5.0 S/N: mean over samples of max(0, (x − s)/s) (Norris et al. 2014, §5.3). */
  sn: number;
  category: SpeciesCategory;
  /** Why the category was set: "given", "auto (S/N < 0.5)", "total variable", "default". */
  categoryReason: string;
  /** Share of samples with x below its uncertainty (x ≤ s), 0..1. */
  belowUncertaintyShare: number;
  /** Share of cells that were missing and replaced, 0..1. */
  missingShare: number;
  unit: string;
}

/** One change made while preparing the input (cell replaced, sample or species excluded). */
export interface PrepChange {
  kind: "missing-replaced" | "below-mdl-replaced" | "sample-excluded" | "species-excluded";
  /** Sample label (date text or id), for cell and sample changes. */
  sample?: string;
  /** 0-based sample index in the original data. */
  sampleIndex?: number;
  species?: string;
  /** Original value and new value (cells). */
  from?: number;
  to?: number;
  reason: string;
}

/** The PMF problem as the solver sees it. */
export interface PmfInput {
  /** Species used in the fit, in order (bad/excluded species removed). */
  species: string[];
  /** Units of the used species. */
  units: string[];
  /** Categories of the used species (strong or weak). */
  categories: ("strong" | "weak")[];
  /** Sample labels of the used samples. */
  samples: string[];
  /** UTC instants (ms) of the used samples, when known. */
  times?: Float64Array;
  /** The site's UTC offset in minutes, when times are known. */
  utcOffsetMinutes?: number;
  /** Number of samples and species used. */
  n: number;
  m: number;
  /** Concentrations, n×m row-major. */
  x: Float64Array;
  /** Final uncertainties used in the fit, n×m row-major (weak × 3, extra modeling uncertainty added). */
  s: Float64Array;
  /** The designated total variable (e.g. PM2.5 mass, TNMOC), if any; it is weak and in `species`. */
  total?: string;
  /** S/N and category of every species of the original data, including bad ones. */
  summary: SpeciesSummary[];
  /** Every change made during preparation. */
  changes: PrepChange[];
  /** Extra modeling uncertainty applied, % (0–25). */
  extraUncertaintyPct: number;
}

/** One base run. */
export interface PmfRun {
  /** 1-based run number. */
  run: number;
  /** The seed of this run's random start (derived from the base seed and the run number). */
  seed: number;
  /** Q(true) = Σ ((x − GF)/s)² over all cells. */
  qTrue: number;
  /** Q(robust): terms with |r/s| > α replaced by α·|r/s| (α = 4). */
  qRobust: number;
  iterations: number;
  converged: boolean;
  /** Contributions n×p and profiles p×m (row-major), as fitted (not normalised). */
  G: Float64Array;
  F: Float64Array;
}

/** Solver options. */
export interface PmfOptions {
  /** Number of factors p. */
  factors: number;
  /** Number of random starts (default 20). */
  runs?: number;
  /** Base seed (default 1). Run r uses a seed derived from it. */
  seed?: number;
  /** Down-weight outliers during the fit (IRLS with α). Default false: minimise Q(true). */
  robust?: boolean;
  /** Outlier threshold α for Q(robust) and the robust fit (default 4). */
  alpha?: number;
  /** Maximum iterations per run (default 5000). */
  maxIterations?: number;
  /**
   * Converged when the objective decreases by less than max(`tolerance`, `relativeTolerance`·Q)
   * over `window` iterations (defaults 0.1, 1e-5 and 20). The relative part stops the slow
   * final creep on large problems (Q ≈ 10⁵: 1.3 over 20 iterations), far below the statistical
   * spread of Q (≈ sqrt(2·Qexp)); set it to 0 for an absolute-only test like ESAT's.
   */
  tolerance?: number;
  relativeTolerance?: number;
  window?: number;
  /** Worker threads (default: min(runs, available cores)); 1 runs in this thread. */
  workers?: number;
  /** Called after each finished run. */
  onProgress?: (done: number, total: number, run: PmfRun) => void;
}

/** The result of a set of base runs. */
export interface PmfResult {
  input: PmfInput;
  /** Number of factors. */
  p: number;
  /** Options as used (defaults filled in; no callbacks). */
  options: Required<Omit<PmfOptions, "onProgress">>;
  /** Q(expected) = n·m − p·(n + m) over the used cells (strong and weak species; see CONVENTIONS §1, "verify"). */
  qExpected: number;
  /** All runs in run order. */
  runs: PmfRun[];
  /** Index into `runs` of the reported solution: the lowest Q(robust). */
  bestIndex: number;
  /** Best run's contributions, normalised so each factor's mean over samples is 1 (n×p). */
  G: Float64Array;
  /** Best run's profiles scaled accordingly, in concentration units (p×m). */
  F: Float64Array;
  /** Factor names (default "Factor 1" …). */
  factorNames: string[];
  /** Library version, options (without `workers`) and base seed of the runs: same provenance and input, same bits. */
  provenance?: Provenance;
}
