import { Rng } from "../random/rng";
import { quantileType7 } from "./quantile";

/** Result of {@link bootstrapTwoSample}. */
export interface TwoSampleBootstrap {
  /** The statistic on the data as given. */
  estimate: number;
  /** Percentile interval. */
  lower: number;
  upper: number;
  confidence: number;
  replicates: number;
  seed: number;
  /** The bootstrap values (length `replicates`). */
  values: Float64Array;
}

/**
 * Stratified (two-sample) nonparametric bootstrap with percentile interval (Efron & Tibshirani,
 * An Introduction to the Bootstrap, 1993, §8.3 and §13.3): each replicate draws na indices with
 * replacement from sample A and nb from sample B (units = lots or shifts) and evaluates
 * `statistic(idxA, idxB)`. Seeded; the same seed gives the same replicates.
 */
export function bootstrapTwoSample(
  na: number,
  nb: number,
  statistic: (idxA: Int32Array, idxB: Int32Array) => number,
  opts: { replicates?: number; seed: number; confidence?: number },
): TwoSampleBootstrap {
  const reps = opts.replicates ?? 2000;
  const confidence = opts.confidence ?? 0.95;
  if (!(Number.isInteger(reps) && reps >= 10)) throw new RangeError(`bootstrap: replicates must be an integer ≥ 10, got ${reps}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  if (na < 1 || nb < 1) throw new RangeError(`bootstrap: both samples need units (got ${na} and ${nb})`);
  const ia = Int32Array.from({ length: na }, (_, i) => i), ib = Int32Array.from({ length: nb }, (_, i) => i);
  const estimate = statistic(ia, ib);
  const rng = new Rng(opts.seed);
  const values = new Float64Array(reps);
  const ra = new Int32Array(na), rb = new Int32Array(nb);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < na; i++) ra[i] = rng.int(na);
    for (let i = 0; i < nb; i++) rb[i] = rng.int(nb);
    values[r] = statistic(ra, rb);
  }
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < reps) throw new RangeError(`bootstrap: the statistic was not finite in ${reps - finite.length} replicates`);
  const a = (1 - confidence) / 2;
  return { estimate, lower: quantileType7(finite, a), upper: quantileType7(finite, 1 - a), confidence, replicates: reps, seed: opts.seed, values };
}
