/** Linkage of {@link hclust}. */
export type HclustMethod = "complete" | "single" | "average";

/** Result of {@link hclust}, in R's `hclust` layout. */
export interface HclustResult {
  /**
   * Merge steps (n − 1 rows of two): a negative entry −i is observation i (1-based), a positive
   * entry k the cluster formed at step k; a singleton comes before a cluster, and of two clusters
   * the earlier one first (R's convention).
   */
  merge: [number, number][];
  /** Dissimilarity at each merge (the unit of the dissimilarities). */
  height: number[];
  /** Leaf order of the dendrogram, 0-based (R's `order` − 1). */
  order: number[];
  method: HclustMethod;
}

/**
 * Agglomerative hierarchical clustering of a dissimilarity matrix, as R's `stats::hclust`
 * (Murtagh, F. (1985), Multidimensional Clustering Algorithms, COMPSTAT Lectures 4, Physica-Verlag;
 * the Fortran `hclust`/`hcass2` behind R's function): at each step the two clusters at the
 * smallest dissimilarity are merged (ties: the pair with the smaller first, then second, cluster
 * number, a cluster being numbered by its smallest observation), and the dissimilarities to the
 * new cluster follow the Lance–Williams update: `complete` max(d_ik, d_jk), `single`
 * min(d_ik, d_jk), `average` (n_i d_ik + n_j d_jk)/(n_i + n_j). The leaf order is the in-order
 * walk of the merge tree (first merge entry on the left), R's `hc$order`.
 * @param d a symmetric n × n dissimilarity matrix (row arrays; the diagonal is ignored)
 * @param method linkage (default "complete", R's default)
 * @throws {RangeError} when the matrix is not square, has fewer than 2 rows, is not symmetric, or holds a NaN, or the method is unknown
 */
export function hclust(d: ArrayLike<number>[], method: HclustMethod = "complete"): HclustResult {
  const n = d.length;
  if (n < 2) throw new RangeError(`hclust: needs at least 2 observations, got ${n}`);
  if (!["complete", "single", "average"].includes(method))
    throw new RangeError(`hclust: unknown method "${method}" (complete, single, average)`);
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (d[i].length !== n) throw new RangeError(`hclust: row ${i} has ${d[i].length} values, expected ${n}`);
    for (let j = 0; j < n; j++) {
      if (i !== j && Number.isNaN(d[i][j])) throw new RangeError(`hclust: d[${i}][${j}] is NaN`);
      if (i !== j && d[i][j] !== d[j][i]) throw new RangeError(`hclust: d is not symmetric at [${i}][${j}]`);
      D[i * n + j] = d[i][j];
    }
  }
  const active = new Uint8Array(n).fill(1);
  const size = new Float64Array(n).fill(1);
  const ia: number[] = [],
    ib: number[] = [],
    height: number[] = [];
  for (let step = 0; step < n - 1; step++) {
    let best = Infinity,
      bi = -1,
      bj = -1;
    for (let i = 0; i < n; i++) {
      if (!active[i]) continue;
      for (let j = i + 1; j < n; j++)
        if (active[j] && D[i * n + j] < best) {
          best = D[i * n + j];
          bi = i;
          bj = j;
        }
    }
    if (bi < 0) {
      // only infinite dissimilarities left: merge the first two active clusters
      bi = active.indexOf(1);
      bj = active.indexOf(1, bi + 1);
      best = D[bi * n + bj];
    }
    ia.push(bi);
    ib.push(bj);
    height.push(best);
    active[bj] = 0;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi) continue;
      const a = D[bi * n + k],
        b = D[bj * n + k];
      const v =
        method === "complete"
          ? Math.max(a, b)
          : method === "single"
            ? Math.min(a, b)
            : (size[bi] * a + size[bj] * b) / (size[bi] + size[bj]);
      D[bi * n + k] = D[k * n + bi] = v;
    }
    size[bi] += size[bj];
  }
  // R's hcass2: singletons −(i + 1), clusters by the step (1-based) that formed them
  const last = new Int32Array(n).fill(0); // step (1-based) whose cluster is numbered by this observation, 0 = singleton
  const merge: [number, number][] = [];
  for (let s = 0; s < n - 1; s++) {
    let p = last[ia[s]] ? last[ia[s]] : -(ia[s] + 1);
    let q = last[ib[s]] ? last[ib[s]] : -(ib[s] + 1);
    if (p > 0 && q < 0) [p, q] = [q, p];
    else if (p > 0 && q > 0 && p > q) [p, q] = [q, p];
    merge.push([p, q]);
    last[ia[s]] = s + 1;
  }
  const order: number[] = [];
  const walk = (e: number) => {
    if (e < 0) order.push(-e - 1);
    else {
      walk(merge[e - 1][0]);
      walk(merge[e - 1][1]);
    }
  };
  walk(n - 1);
  return { merge, height, order, method };
}
