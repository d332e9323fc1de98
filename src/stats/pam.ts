/**
 * Partitioning Around Medoids (k-medoids) on a packed dissimilarity triangle.
 *
 * The algorithm is Kaufman & Rousseeuw's PAM (Kaufman, L. & Rousseeuw, P. J. (1990), Finding
 * Groups in Data: An Introduction to Cluster Analysis, Wiley, ch. 2): BUILD picks k medoids
 * greedily, SWAP then repeatedly makes the single medoid ↔ non-medoid exchange that lowers the
 * total dissimilarity most, until none does. The swap costs are evaluated as FastPAM1 does
 * (Schubert, E. & Rousseeuw, P. J. (2019), "Faster k-Medoids Clustering: Improving the PAM,
 * CLARA, and CLARANS Algorithms", SISAP 2019, LNCS 11807:171–187, doi:10.1007/978-3-030-32047-8_16):
 * all k exchanges for a candidate in one pass over its dissimilarities, O(n²) per iteration
 * instead of O(k n²), which finds the same best swap as the original SWAP.
 */

/**
 * An n × n symmetric dissimilarity matrix stored as its strict lower triangle, row by row:
 * d(i, j) for i > j at index i(i − 1)/2 + j (the diagonal is 0). Float32 halves the memory
 * (8,760 objects: 38.4 million entries, 153 MB as Float32, 307 MB as Float64).
 */
export interface PackedDissimilarity {
  /** Number of objects. */
  n: number;
  /** The n(n − 1)/2 lower-triangle entries (≥ 0). */
  d: Float32Array | Float64Array;
}

/** What {@link pam} returns. */
export interface PamResult {
  /** Cluster of each object, 0-based; clusters are numbered by first appearance (object 0 is in cluster 0), as R's `cluster::pam`. */
  clustering: Int32Array;
  /** Medoid (0-based object index) of each cluster, in cluster order. */
  medoids: number[];
  /** Objects per cluster. */
  sizes: number[];
  /** Sum over objects of the dissimilarity to their medoid, after BUILD and after SWAP (R's `objective` × n). */
  cost: { build: number; swap: number };
  /** Swaps made. */
  swaps: number;
}

/**
 * Pack a full symmetric matrix (row arrays) into a {@link PackedDissimilarity}.
 * @param rows n arrays of n dissimilarities (only the strict lower triangle is read)
 * @param type storage (default "float64")
 * @throws {RangeError} when a row does not have n entries
 */
export function packDissimilarity(
  rows: readonly ArrayLike<number>[],
  type: "float32" | "float64" = "float64",
): PackedDissimilarity {
  const n = rows.length;
  const d = type === "float32" ? new Float32Array((n * (n - 1)) / 2) : new Float64Array((n * (n - 1)) / 2);
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== n)
      throw new RangeError(`packDissimilarity: row ${i} has ${rows[i].length} entries, expected ${n}`);
    const base = (i * (i - 1)) / 2;
    for (let j = 0; j < i; j++) d[base + j] = rows[i][j];
  }
  return { n, d };
}

/** Entry (i, j) of a packed triangle. */
function at(d: Float32Array | Float64Array, i: number, j: number): number {
  if (i === j) return 0;
  return i > j ? d[(i * (i - 1)) / 2 + j] : d[(j * (j - 1)) / 2 + i];
}

/**
 * k-medoids clustering by PAM (BUILD + SWAP; see the module comment for the method and the
 * FastPAM1 swap evaluation), with the tie rules of R's `cluster::pam` (cluster 2.1.4,
 * `variant = "original"`): in BUILD the last of equally good candidates is taken (the first
 * medoid minimises the total dissimilarity); in SWAP the first improving exchange in the order
 * (candidate ascending, medoid ascending) among equally good ones, and swapping stops when the
 * best exchange lowers the total by less than 16·ε·total; an object goes to its nearest medoid,
 * the lowest-numbered one on ties. Deterministic: no random start, no seed.
 *
 * @param diss the dissimilarities (packed lower triangle)
 * @param k number of clusters, 1 ≤ k < n
 * @param opts.maxSwaps stop after this many swaps (default 10,000)
 * @throws {RangeError} when k is not an integer in [1, n − 1], the triangle's length is not n(n − 1)/2, or an entry is negative or NaN
 */
export function pam(diss: PackedDissimilarity, k: number, opts: { maxSwaps?: number } = {}): PamResult {
  const { n, d } = diss;
  if (!Number.isInteger(k) || k < 1 || k >= n)
    throw new RangeError(`pam: k must be an integer in [1, ${n - 1}] (n = ${n}), got ${k}`);
  if (d.length !== (n * (n - 1)) / 2)
    throw new RangeError(`pam: expected ${(n * (n - 1)) / 2} dissimilarities for n = ${n}, got ${d.length}`);
  for (let p = 0; p < d.length; p++)
    if (!(d[p] >= 0)) throw new RangeError(`pam: dissimilarities must be ≥ 0 and not NaN, entry ${p} is ${d[p]}`);
  const maxSwaps = opts.maxSwaps ?? 10000;
  const isMed = new Uint8Array(n);
  const dn = new Float64Array(n).fill(Infinity);

  // BUILD
  const gain = new Float64Array(n);
  for (let step = 0; step < k; step++) {
    gain.fill(0);
    let p = 0;
    if (step === 0) {
      // first medoid: smallest total dissimilarity (the largest R "gain" n·s − Σ d)
      for (let a = 1; a < n; a++) {
        let ga = 0;
        for (let b = 0; b < a; b++, p++) {
          const v = d[p];
          ga += v;
          gain[b] += v;
        }
        gain[a] += ga;
      }
      let best = -1,
        bestTotal = Infinity;
      for (let i = 0; i < n; i++)
        if (gain[i] <= bestTotal) {
          bestTotal = gain[i];
          best = i;
        }
      isMed[best] = 1;
      for (let j = 0; j < n; j++) dn[j] = at(d, best, j);
      continue;
    }
    for (let i = 0; i < n; i++) gain[i] = dn[i]; // j = i itself: max(dn_i − 0, 0)
    for (let a = 1; a < n; a++) {
      const dna = dn[a];
      let ga = 0;
      for (let b = 0; b < a; b++, p++) {
        const v = d[p];
        if (dna > v) gain[b] += dna - v;
        const dnb = dn[b];
        if (dnb > v) ga += dnb - v;
      }
      gain[a] += ga;
    }
    let best = -1,
      bestGain = 0;
    for (let i = 0; i < n; i++)
      if (!isMed[i] && bestGain <= gain[i]) {
        bestGain = gain[i];
        best = i;
      }
    isMed[best] = 1;
    for (let j = 0; j < n; j++) {
      const v = at(d, best, j);
      if (dn[j] > v) dn[j] = v;
    }
  }
  let buildCost = 0;
  for (let j = 0; j < n; j++) buildCost += dn[j];

  // SWAP
  const med: number[] = [];
  for (let i = 0; i < n; i++) if (isMed[i]) med.push(i);
  const near = new Int32Array(n);
  const ds = new Float64Array(n);
  const S = new Float64Array(n);
  const C = new Float64Array(n * k);
  let cost = buildCost,
    swaps = 0;
  const nearest = () => {
    for (let j = 0; j < n; j++) {
      let a = Infinity,
        b = Infinity,
        s = 0;
      for (let m = 0; m < k; m++) {
        const v = at(d, med[m], j);
        if (a > v) {
          b = a;
          a = v;
          s = m;
        } else if (b > v) b = v;
      }
      dn[j] = a;
      ds[j] = b;
      near[j] = s;
    }
  };
  while (k > 1 && swaps < maxSwaps) {
    nearest();
    // ΔTD(m, c) = S[c] + C[c·k + m]: S collects objects that c would take over, C the
    // objects of medoid m that stay with m's replacement or move to their second medoid
    S.fill(0);
    C.fill(0);
    for (let c = 0; c < n; c++) S[c] = -dn[c];
    let p = 0;
    for (let a = 1; a < n; a++) {
      const dna = dn[a],
        dsa = ds[a],
        na = near[a];
      let sa = 0;
      const ca = a * k;
      for (let b = 0; b < a; b++, p++) {
        const v = d[p];
        // object a, candidate b
        if (v < dna) S[b] += v - dna;
        else C[b * k + na] += (v < dsa ? v : dsa) - dna;
        // object b, candidate a
        const dnb = dn[b];
        if (v < dnb) sa += v - dnb;
        else {
          const dsb = ds[b];
          C[ca + near[b]] += (v < dsb ? v : dsb) - dnb;
        }
      }
      S[a] += sa;
    }
    let best = 1,
      bh = -1,
      bm = -1;
    for (let h = 0; h < n; h++) {
      if (isMed[h]) continue;
      for (let m = 0; m < k; m++) {
        const dz = S[h] + C[h * k + m];
        if (best > dz) {
          best = dz;
          bh = h;
          bm = m;
        }
      }
    }
    if (!(best < -16 * Number.EPSILON * Math.abs(cost))) break;
    isMed[med[bm]] = 0;
    isMed[bh] = 1;
    med[bm] = bh;
    med.sort((x, y) => x - y);
    cost += best;
    swaps++;
  }
  nearest();
  cost = 0;
  for (let j = 0; j < n; j++) cost += dn[j];

  // medoids' own cluster; others the nearest (lowest-index medoid on ties); number by first appearance
  const sendTo = new Int32Array(n);
  for (let j = 0; j < n; j++) sendTo[j] = isMed[j] ? j : med[near[j]];
  const number = new Map<number, number>();
  const clustering = new Int32Array(n);
  const medoids: number[] = [];
  const sizes: number[] = [];
  for (let j = 0; j < n; j++) {
    let c = number.get(sendTo[j]);
    if (c === undefined) {
      c = medoids.length;
      number.set(sendTo[j], c);
      medoids.push(sendTo[j]);
      sizes.push(0);
    }
    clustering[j] = c;
    sizes[c]++;
  }
  return { clustering, medoids, sizes, cost: { build: buildCost, swap: cost }, swaps };
}
