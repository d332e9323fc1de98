/**
 * Down-weighting of grid cells with few trajectory endpoints, as openair's `trajLevel()`
 * applies it (R package openair, Carslaw & Ropkins 2012; function `trajLevel`, statistics
 * "pscf" and "cwt"; CONVENTIONS.md §2). A cell's weight is the `weight` of the first class whose
 * lower bound it exceeds (strictly), else `otherwise`; upper bounds are inclusive, so the classes
 * are the half-open intervals (a, b].
 */
export interface CellWeightClasses {
  /** Classes in decreasing order of `above`: weight applies when the count is > `above`. */
  classes: readonly { above: number; weight: number }[];
  /** Weight when the count exceeds no class bound. */
  otherwise: number;
  /** Whether `above` is a multiple of the mean count n̄ over cells with endpoints (PSCF) or an absolute count (CWT). */
  relativeToMean: boolean;
  citation: string;
}

/**
 * PSCF weights: n̄ = mean endpoint count over the cells that hold endpoints;
 * n > 2n̄ → 1; n ∈ (n̄, 2n̄] → 0.75; n ∈ (n̄/2, n̄] → 0.5; n ≤ n̄/2 → 0.15.
 */
export const PSCF_WEIGHTS: CellWeightClasses = {
  classes: [
    { above: 2, weight: 1 },
    { above: 1, weight: 0.75 },
    { above: 0.5, weight: 0.5 },
  ],
  otherwise: 0.15,
  relativeToMean: true,
  citation:
    'openair trajLevel(statistic = "pscf") (Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52–61); CONVENTIONS.md §2',
};

/**
 * CWT weights on the endpoint count N: N > 80 → 1; N ∈ (20, 80] → 0.7; N ∈ (10, 20] → 0.42;
 * N ≤ 10 → 0.05.
 */
export const CWT_WEIGHTS: CellWeightClasses = {
  classes: [
    { above: 80, weight: 1 },
    { above: 20, weight: 0.7 },
    { above: 10, weight: 0.42 },
  ],
  otherwise: 0.05,
  relativeToMean: false,
  citation: 'openair trajLevel(statistic = "cwt") (Carslaw & Ropkins 2012); CONVENTIONS.md §2',
};

/** The weight of a cell with `count` endpoints (`mean` = n̄, used when the classes are relative). */
export function cellWeight(count: number, w: CellWeightClasses, mean = 1): number {
  const scale = w.relativeToMean ? mean : 1;
  for (const c of w.classes) if (count > c.above * scale) return c.weight;
  return w.otherwise;
}
