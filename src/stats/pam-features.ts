import { pam, type PackedDissimilarity } from "./pam";

/** Options of {@link pamFeatures}. */
export interface PamFeaturesOptions {
  /**
   * Standardise each feature before the distances: (x − mean) / mean absolute deviation, as R's
   * `cluster::pam(stand = TRUE)` (its `meanabsdev`, not the SD). Default false.
   */
  standardize?: boolean;
  /** Most SWAP steps (default 10,000, as {@link pam}). */
  maxSwaps?: number;
}

/** Result of {@link pamFeatures}. */
export interface PamFeaturesResult {
  /** Row index (0-based) of each cluster's medoid; cluster c has medoid `medoids[c]`. */
  medoids: Int32Array;
  /** Cluster (0-based) of every row, numbered by first appearance (row 0 is in cluster 0), as R's `pam`. */
  clustering: Int32Array;
  /** Rows per cluster. */
  sizes: number[];
  /** Mean distance of the rows to their medoid after BUILD and after SWAP (R's `objective`; the features' unit, or standardised units). */
  objective: { build: number; swap: number };
  /** SWAP steps taken. */
  swaps: number;
  /** The centre and scale used per feature when `standardize` (else 0 and 1). */
  center: Float64Array;
  scale: Float64Array;
}

/**
 * Euclidean dissimilarities of feature rows, packed for {@link pam} (Float64, n(n − 1)/2 entries:
 * 8,000 rows take 256 MB), optionally standardised as R's `cluster::pam(stand = TRUE)` /
 * `daisy(stand = TRUE)`: (x − mean) / mean absolute deviation.
 * @param features feature columns, each of n values (e.g. [u, v, z])
 * @param standardize standardise each feature first (default false)
 * @returns the packed triangle, and the centre and scale used per feature
 * @throws {RangeError} when there are no features, the columns differ in length, a value is not finite, or a standardised feature has zero mean absolute deviation
 */
export function euclideanDissimilarity(
  features: readonly ArrayLike<number>[],
  standardize = false,
): { diss: PackedDissimilarity; center: Float64Array; scale: Float64Array } {
  const d = features.length;
  if (d < 1) throw new RangeError("pam: needs at least one feature column");
  const n = features[0].length;
  const center = new Float64Array(d),
    scale = new Float64Array(d).fill(1);
  const X: Float64Array[] = [];
  for (let f = 0; f < d; f++) {
    const col = features[f];
    if (col.length !== n) throw new RangeError(`pam: feature ${f} has ${col.length} values, feature 0 has ${n}`);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i])) throw new RangeError(`pam: feature ${f}, row ${i} is not finite (${col[i]})`);
      m += col[i];
    }
    if (standardize) {
      m /= n;
      let mad = 0;
      for (let i = 0; i < n; i++) mad += Math.abs(col[i] - m);
      mad /= n;
      if (!(mad > 0)) throw new RangeError(`pam: feature ${f} is constant (mean absolute deviation 0)`);
      center[f] = m;
      scale[f] = mad;
    }
    X.push(Float64Array.from(col, (x) => (x - center[f]) / scale[f]));
  }
  const tri = new Float64Array((n * (n - 1)) / 2);
  for (let i = 1; i < n; i++) {
    const base = (i * (i - 1)) / 2;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = X[f][i] - X[f][j];
        s += t * t;
      }
      tri[base + j] = Math.sqrt(s);
    }
  }
  return { diss: { n, d: tri }, center, scale };
}

/**
 * PAM (k-medoids, {@link pam}: Kaufman & Rousseeuw 1990; BUILD + SWAP with FastPAM1 swap costs and
 * R `cluster::pam`'s tie rules) on the Euclidean distances of feature rows, as
 * `cluster::pam(x, k, stand = …)` — the call of openair's `polarCluster` (`stand = TRUE`,
 * `pamonce = 3`, which finds the same medoids as the original SWAP).
 * @param features feature columns, each of n values
 * @param k number of clusters, 1 ≤ k < n
 * @param opts standardisation, swap limit
 * @returns medoids, cluster of every row (0-based), sizes, mean objectives, the standardisation used
 * @throws {RangeError} when there are no features, the columns differ in length, a value is not finite, k is not an integer in 1..n − 1, or a standardised feature has zero mean absolute deviation
 */
export function pamFeatures(
  features: readonly ArrayLike<number>[],
  k: number,
  opts: PamFeaturesOptions = {},
): PamFeaturesResult {
  const n = features.length ? features[0].length : 0;
  if (features.length && !(Number.isInteger(k) && k >= 1 && k < n))
    throw new RangeError(`pam: k must be an integer in 1..${n - 1} (n − 1), got ${k}`);
  const { diss, center, scale } = euclideanDissimilarity(features, opts.standardize ?? false);
  const r = pam(diss, k, { maxSwaps: opts.maxSwaps });
  return {
    medoids: Int32Array.from(r.medoids),
    clustering: r.clustering,
    sizes: r.sizes,
    objective: { build: r.cost.build / n, swap: r.cost.swap / n },
    swaps: r.swaps,
    center,
    scale,
  };
}
