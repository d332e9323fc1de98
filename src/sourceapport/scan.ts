import { runPmf } from "./solver";
import type { PmfInput, PmfOptions } from "./types";
import type { Provenance } from "../provenance";

/** One point of a number-of-factors scan. */
export interface FactorScanPoint {
  factors: number;
  qTrue: number;
  qRobust: number;
  qExpected: number;
  /** Q(robust)/Q(expected) of the best run. */
  qRatio: number;
  /** How many of the runs converged. */
  converged: number;
  runs: number;
  /** The provenance of this k's base runs (library version, options, seed; see {@link runPmf}). */
  provenance?: Provenance;
}

/**
 * Base runs for each number of factors in `factors` (e.g. 3..9), reporting the best run's Q and
 * Q/Qexp: the usual first look at how many factors the data support (EPA PMF 5.0 User Guide §6;
 * Brown et al. 2015, Sci. Total Environ. 518–519:626). Each k uses the same base seed.
 */
export async function scanFactors(
  input: PmfInput,
  factors: number[],
  opts: Omit<PmfOptions, "factors">,
): Promise<FactorScanPoint[]> {
  const out: FactorScanPoint[] = [];
  for (const k of factors) {
    const r = await runPmf(input, { ...opts, factors: k });
    const best = r.runs[r.bestIndex];
    out.push({
      factors: k,
      qTrue: best.qTrue,
      qRobust: best.qRobust,
      qExpected: r.qExpected,
      qRatio: best.qRobust / r.qExpected,
      converged: r.runs.filter((x) => x.converged).length,
      runs: r.runs.length,
      provenance: r.provenance,
    });
  }
  return out;
}
