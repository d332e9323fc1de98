import { Rng } from "../random/rng";
import { normalCdf, normalQuantile } from "./normal";
import { quantileType7 } from "./quantile";
import { provenance, type Provenance } from "../provenance";

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
  /** Interval method. */
  method: "percentile" | "bca";
  /** BCa bias correction z0 and acceleration a (NaN for percentile intervals). */
  z0: number;
  acceleration: number;
  /** Library version, options (sample sizes, replicates, confidence, interval) and seed; the statistic itself is not recorded. */
  provenance?: Provenance;
}

/**
 * Stratified (two-sample) nonparametric bootstrap (Efron & Tibshirani, An Introduction to the
 * Bootstrap, 1993, §8.3): each replicate draws na indices with replacement from sample A and nb
 * from sample B (units = lots or shifts) and evaluates `statistic(idxA, idxB)`. Seeded; the same
 * seed gives the same replicates.
 *
 * Intervals: `percentile` (E&T §13.3, default) or `bca` (bias-corrected and accelerated, E&T §14.3): z0 = Φ⁻¹(#{θ* < θ̂}/B); acceleration from the stratified jackknife (Davison &
 * Hinkley, Bootstrap Methods and their Application, 1997, §3.2.1 and eq. 5.23):
 * l_gj = (n_g − 1)(θ̄_g − θ_(gj)), a = Σ_g Σ_j (l_gj/n_g)³ / (6·(Σ_g Σ_j (l_gj/n_g)²)^{3/2});
 * the interval takes the type-7 quantiles at Φ(z0 + (z0 + z_α)/(1 − a(z0 + z_α))).
 * @throws {RangeError} when replicates is not an integer ≥ 10, confidence is outside (0, 1), a sample is empty, the statistic is not finite in some replicate, or the BCa adjustment fails
 */
export function bootstrapTwoSample(
  na: number,
  nb: number,
  statistic: (idxA: Int32Array, idxB: Int32Array) => number,
  opts: { replicates?: number; seed: number; confidence?: number; interval?: "percentile" | "bca" },
): TwoSampleBootstrap {
  const reps = opts.replicates ?? 2000;
  const confidence = opts.confidence ?? 0.95;
  if (!(Number.isInteger(reps) && reps >= 10))
    throw new RangeError(`bootstrap: replicates must be an integer ≥ 10, got ${reps}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  if (na < 1 || nb < 1) throw new RangeError(`bootstrap: both samples need units (got ${na} and ${nb})`);
  const ia = Int32Array.from({ length: na }, (_, i) => i),
    ib = Int32Array.from({ length: nb }, (_, i) => i);
  const estimate = statistic(ia, ib);
  const rng = new Rng(opts.seed);
  const values = new Float64Array(reps);
  const ra = new Int32Array(na),
    rb = new Int32Array(nb);
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < na; i++) ra[i] = rng.int(na);
    for (let i = 0; i < nb; i++) rb[i] = rng.int(nb);
    values[r] = statistic(ra, rb);
  }
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < reps)
    throw new RangeError(`bootstrap: the statistic was not finite in ${reps - finite.length} replicates`);
  const alpha = (1 - confidence) / 2;
  const method = opts.interval ?? "percentile";
  if (method === "percentile") {
    return {
      estimate,
      lower: quantileType7(finite, alpha),
      upper: quantileType7(finite, 1 - alpha),
      confidence,
      replicates: reps,
      seed: opts.seed,
      values,
      method,
      z0: NaN,
      acceleration: NaN,
      provenance: prov(na, nb, reps, confidence, method, opts.seed),
    };
  }
  let below = 0,
    equal = 0;
  for (const v of values) {
    if (v < estimate) below++;
    else if (v === estimate) equal++;
  }
  const prop = Math.min(Math.max((below + equal / 2) / reps, 0.5 / reps), 1 - 0.5 / reps);
  const z0 = normalQuantile(prop);
  // stratified jackknife
  let num = 0,
    den = 0;
  for (const [n, leave] of [
    [na, (i: number) => statistic(dropOne(ia, i), ib)],
    [nb, (i: number) => statistic(ia, dropOne(ib, i))],
  ] as const) {
    if (n < 2) continue;
    const th = new Float64Array(n);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      th[i] = leave(i);
      mean += th[i];
    }
    mean /= n;
    for (let i = 0; i < n; i++) {
      const l = ((n - 1) * (mean - th[i])) / n;
      num += l ** 3;
      den += l ** 2;
    }
  }
  const acc = den > 0 ? num / (6 * den ** 1.5) : 0;
  const adj = (q: number) => {
    const z = normalQuantile(q);
    return normalCdf(z0 + (z0 + z) / (1 - acc * (z0 + z)));
  };
  const lo = adj(alpha),
    hi = adj(1 - alpha);
  if (!(Number.isFinite(lo) && Number.isFinite(hi)))
    throw new RangeError('bootstrap: BCa adjustment failed (extreme bias or acceleration); use interval: "percentile"');
  return {
    estimate,
    lower: quantileType7(finite, lo),
    upper: quantileType7(finite, hi),
    confidence,
    replicates: reps,
    seed: opts.seed,
    values,
    method,
    z0,
    acceleration: acc,
    provenance: prov(na, nb, reps, confidence, method, opts.seed),
  };
}

function dropOne(idx: Int32Array, i: number): Int32Array {
  const out = new Int32Array(idx.length - 1);
  out.set(idx.subarray(0, i), 0);
  out.set(idx.subarray(i + 1), i);
  return out;
}

function prov(
  na: number,
  nb: number,
  replicates: number,
  confidence: number,
  interval: string,
  seed: number,
): Provenance {
  return provenance({ na, nb, replicates, confidence, interval }, seed, { routine: "bootstrapTwoSample" });
}
