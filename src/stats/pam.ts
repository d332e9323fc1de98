/** Options of {@link pam}. */
export interface PamOptions {
  /**
   * Standardise each feature before the distances: (x − mean) / mean absolute deviation, as R's
   * `cluster::pam(stand = TRUE)` (its `meanabsdev`, not the SD). Default false.
   */
  standardize?: boolean;
  /** Most SWAP steps (default 1000; PAM stops earlier when no swap lowers the objective). */
  maxSwaps?: number;
}

/** Result of {@link pam}. */
export interface PamResult {
  /** Row index (0-based) of each cluster's medoid; cluster c has medoid `medoids[c]`. */
  medoids: Int32Array;
  /**
   * Cluster (0-based) of every row. Clusters are numbered in the order their first row appears
   * (R's `pam` numbering: row 0 is in cluster 0).
   */
  clustering: Int32Array;
  /** Mean distance of the rows to their medoid after BUILD and after SWAP (R's `objective`; the features' unit, or standardised units). */
  objective: { build: number; swap: number };
  /** SWAP steps taken. */
  swaps: number;
  /** The centre and scale used per feature when `standardize` (else 0 and 1). */
  center: Float64Array;
  scale: Float64Array;
}

/**
 * Partitioning Around Medoids (k-medoids; Kaufman, L. & Rousseeuw, P. J. (1990), *Finding Groups
 * in Data: An Introduction to Cluster Analysis*, Wiley, ch. 2; R's `cluster::pam`), Euclidean
 * distance on the feature columns. BUILD: the first medoid is the row with the least total
 * distance to all rows; each next one the row that lowers the total distance to the nearest
 * medoid the most. SWAP: the (medoid, non-medoid) exchange that lowers the total distance most is
 * made, until none lowers it. Deterministic: no seed (ties go to the lower row index). Each swap
 * step is O(n²) distance evaluations with the shared-term bookkeeping of FastPAM1 (Schubert, E. &
 * Rousseeuw, P. J. (2019), "Faster k-Medoids Clustering", SISAP 2019, LNCS 11807, 171–187; R's
 * `pamonce = 3`), which finds the same best swap as the original; distances are computed on the
 * fly (memory O(n·k), no n × n matrix).
 *
 * @param features feature columns, each of n values (e.g. [u, v, z])
 * @param k number of clusters, 1 ≤ k < n
 * @param opts standardisation, swap limit
 * @returns medoids, cluster of every row (0-based), objectives
 * @throws {RangeError} when there are no features, the columns differ in length, a value is not finite, k is not an integer in 1..n − 1, or a standardised feature has zero mean absolute deviation
 */
export function pam(features: ArrayLike<number>[], k: number, opts: PamOptions = {}): PamResult {
  const d = features.length;
  if (d < 1) throw new RangeError("pam: needs at least one feature column");
  const n = features[0].length;
  for (let f = 0; f < d; f++) {
    if (features[f].length !== n)
      throw new RangeError(`pam: feature ${f} has ${features[f].length} values, feature 0 has ${n}`);
  }
  if (!(Number.isInteger(k) && k >= 1 && k < n))
    throw new RangeError(`pam: k must be an integer in 1..${n - 1} (n − 1), got ${k}`);
  const maxSwaps = opts.maxSwaps ?? 1000;
  const center = new Float64Array(d),
    scale = new Float64Array(d).fill(1);
  // feature columns (standardised when asked)
  const X: Float64Array[] = [];
  for (let f = 0; f < d; f++) {
    const col = features[f];
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i])) throw new RangeError(`pam: feature ${f}, row ${i} is not finite (${col[i]})`);
      m += col[i];
    }
    if (opts.standardize) {
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
  // distances from row i to every row, into buf (features summed in order: the same doubles for every pair order)
  const buf = new Float64Array(n);
  const x0 = X[0],
    x1 = d > 1 ? X[1] : X[0],
    x2 = d > 2 ? X[2] : X[0];
  const distRow = (i: number): Float64Array => {
    if (d === 3) {
      const a0 = x0[i],
        a1 = x1[i],
        a2 = x2[i];
      for (let j = 0; j < n; j++) {
        const t0 = x0[j] - a0,
          t1 = x1[j] - a1,
          t2 = x2[j] - a2;
        buf[j] = Math.sqrt(t0 * t0 + t1 * t1 + t2 * t2);
      }
      return buf;
    }
    buf.fill(0);
    for (let f = 0; f < d; f++) {
      const c = X[f],
        xi = c[i];
      for (let j = 0; j < n; j++) {
        const t = c[j] - xi;
        buf[j] += t * t;
      }
    }
    for (let j = 0; j < n; j++) buf[j] = Math.sqrt(buf[j]);
    return buf;
  };
  // BUILD
  const isMed = new Uint8Array(n);
  const med: number[] = [];
  const D1 = new Float64Array(n).fill(Infinity);
  for (let step = 0; step < k; step++) {
    let best = -Infinity,
      bi = -1;
    for (let i = 0; i < n; i++) {
      if (isMed[i]) continue;
      let gain = 0;
      const q = distRow(i);
      if (step === 0) {
        for (let j = 0; j < n; j++) gain -= q[j];
      } else
        for (let j = 0; j < n; j++) {
          const g = D1[j] - q[j];
          if (g > 0) gain += g;
        }
      if (gain > best) {
        best = gain;
        bi = i;
      }
    }
    isMed[bi] = 1;
    med.push(bi);
    const qb = distRow(bi);
    for (let j = 0; j < n; j++) if (qb[j] < D1[j]) D1[j] = qb[j];
  }
  const near = new Int32Array(n),
    D2 = new Float64Array(n);
  const order: number[] = [];
  const assign = () => {
    order.length = 0;
    for (let m = 0; m < k; m++) order.push(m);
    order.sort((a, b) => med[a] - med[b]);
    D1.fill(Infinity);
    D2.fill(Infinity);
    near.fill(-1);
    // medoids in row order; a tie within rounding (1e-12 relative) goes to the lower row, as R's pam
    for (const m of order) {
      const q = distRow(med[m]);
      q[med[m]] = -1; // a medoid belongs to itself, also when a copy of it is another medoid
      for (let j = 0; j < n; j++) {
        if (q[j] < D1[j] * (1 - 1e-12)) {
          D2[j] = D1[j];
          D1[j] = q[j];
          near[j] = m;
        } else if (q[j] < D2[j]) D2[j] = q[j];
      }
    }
    let tot = 0;
    for (let j = 0; j < n; j++) {
      if (D1[j] < 0) D1[j] = 0;
      tot += D1[j];
    }
    return tot;
  };
  let total = assign();
  const build = total / n;
  // SWAP
  let swaps = 0;
  const corr = new Float64Array(k);
  while (swaps < maxSwaps) {
    let bestDelta = 0,
      bm = -1,
      bh = -1;
    for (let h = 0; h < n; h++) {
      if (isMed[h]) continue;
      corr.fill(0);
      let shared = 0;
      const qh = distRow(h);
      for (let j = 0; j < n; j++) {
        const q = qh[j];
        const closer = q - D1[j];
        if (closer < 0) shared += closer;
        // if j's own medoid is the one removed: j goes to h or to its second-nearest medoid
        corr[near[j]] += Math.min(q, D2[j]) - D1[j] - (closer < 0 ? closer : 0);
      }
      for (let m = 0; m < k; m++) {
        const delta = shared + corr[m];
        if (delta < bestDelta) {
          bestDelta = delta;
          bm = m;
          bh = h;
        }
      }
    }
    // stop when no swap lowers the total beyond rounding (relative 1e-12)
    if (bm < 0 || !(bestDelta < -1e-12 * Math.abs(total))) break;
    isMed[med[bm]] = 0;
    isMed[bh] = 1;
    med[bm] = bh;
    total = assign();
    swaps++;
  }
  // number clusters by first appearance
  const relabel = new Int32Array(k).fill(-1);
  let next = 0;
  const clustering = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    if (relabel[near[j]] < 0) relabel[near[j]] = next++;
    clustering[j] = relabel[near[j]];
  }
  const medoids = new Int32Array(k);
  for (let m = 0; m < k; m++) medoids[relabel[m]] = med[m];
  return { medoids, clustering, objective: { build, swap: total / n }, swaps, center, scale };
}
