import { MersenneTwister19937, integer } from "random-js";

/** Options of {@link trainForest} (the meaning of ml-random-forest 2.1.0's options of the same names). */
export interface ForestOptions {
  /** Seed of the bootstrap and feature draws, a 32-bit integer (ml-random-forest `seed`). */
  seed: number;
  /** Number of trees (`nEstimators`). */
  trees: number;
  /** Fraction of the features drawn, with replacement, for each tree: ⌊k · maxFeatures⌋ (`maxFeatures` as a float, `replacement: true`). */
  maxFeatures: number;
  /** Maximum depth of a tree (ml-cart `maxDepth`; the root is depth 0). */
  maxDepth: number;
  /** A node with this many rows or fewer is a leaf (ml-cart `minNumSamples`). */
  minNumSamples: number;
}

/** A tree node: a leaf value, or a split `row[column] < value` → left, else right. */
type Node = { leaf: number } | { column: number; value: number; left: Node; right: Node };

/** A trained forest: the per-tree predictions for a feature row. */
export interface Forest {
  /** The prediction of every tree for one feature row (the row of all k features, in training column order). */
  treePredictions(row: ArrayLike<number>): number[];
}

/** ml-array-mean: the sum in order, divided by the count. */
function meanOf(y: Float64Array, idx: Int32Array | number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += y[idx[i]];
  return s / (to - from);
}

/** ml-cart `squaredError` of the rows `idx` (two passes: mean, then Σ(y − m)², in row order; 0 when empty). */
function squaredError(y: Float64Array, idx: number[]): number {
  if (idx.length === 0) return 0;
  const m = meanOf(y, idx, 0, idx.length);
  let e = 0;
  for (const i of idx) e += (y[i] - m) * (y[i] - m);
  return e;
}

/** One tree's training data: the bagged columns, responses, and each column's stable ascending order. */
interface TreeData {
  x: Float64Array[];
  y: Float64Array;
  /** order[c] = row indices sorted by x[c] ascending, ties in row order (a stable sort, as ml-cart's). */
  order: Int32Array[];
  /** Scratch: 1 for the rows of the node being split. */
  mark: Uint8Array;
}

/**
 * Grow one regression tree on the rows `rows` (indices into x/y, in the order ml-cart keeps them):
 * the same rule as ml-cart 2.1.1 `DecisionTreeRegression` (`TreeNode.train` / `bestSplit` /
 * `featureSplit`), with the candidate errors from prefix sums instead of a re-split per candidate.
 * A node's rows in x order are the tree's presorted order filtered to the node (the node keeps
 * its rows in row order, so ties stay in the order ml-cart's stable sort gives them).
 */
function grow(d: TreeData, rows: number[], depth: number, parentGain: number, o: ForestOptions): Node {
  const { x, y, mark } = d;
  const n = rows.length;
  if (n <= o.minNumSamples) return { leaf: meanOf(y, rows, 0, n) };
  for (const r of rows) mark[r] = 1;
  // candidates of every column, in ml-cart's order: columns in order, then split values ascending
  const candCol: number[] = [],
    candVal: number[] = [],
    candErr: number[] = [];
  let best = Infinity;
  const sx = new Float64Array(n),
    sy = new Float64Array(n),
    S = new Float64Array(n + 1),
    Q = new Float64Array(n + 1);
  for (let c = 0; c < x.length; c++) {
    const xc = x[c],
      ord = d.order[c];
    let m = 0;
    for (let k = 0; k < ord.length; k++) {
      const r = ord[k];
      if (mark[r]) {
        sx[m] = xc[r];
        sy[m] = y[r];
        m++;
      }
    }
    for (let k = 0; k < n; k++) {
      S[k + 1] = S[k] + sy[k];
      Q[k + 1] = Q[k] + sy[k] * sy[k];
    }
    let L = 0;
    for (let k = 1; k < n; k++) {
      if (sy[k - 1] === sy[k]) continue;
      const v = (sx[k - 1] + sx[k]) / 2;
      while (L < n && sx[L] < v) L++;
      const R = n - L;
      const eL = L ? Q[L] - (S[L] * S[L]) / L : 0;
      const eR = R ? Q[n] - Q[L] - ((S[n] - S[L]) * (S[n] - S[L])) / R : 0;
      const approx = eL + eR;
      candCol.push(c);
      candVal.push(v);
      candErr.push(approx);
      if (approx < best) best = approx;
    }
  }
  for (const r of rows) mark[r] = 0;
  // exact errors (ml-cart's arithmetic) for the candidates near the minimum; ml-cart keeps the first strict minimum
  let gain = Infinity,
    column = -1,
    value = NaN;
  const tol = Math.abs(best) * 1e-9 + 1e-12;
  for (let i = 0; i < candErr.length; i++) {
    if (candErr[i] > best + tol) continue;
    const xc = x[candCol[i]],
      v = candVal[i];
    const lesser: number[] = [],
      greater: number[] = [];
    for (const r of rows) (xc[r] < v ? lesser : greater).push(r);
    const e = squaredError(y, greater) + squaredError(y, lesser);
    if (e < gain) {
      gain = e;
      column = candCol[i];
      value = v;
    }
  }
  if (column < 0) return { leaf: meanOf(y, rows, 0, n) };
  const lesser: number[] = [],
    greater: number[] = [];
  for (const r of rows) (x[column][r] < value ? lesser : greater).push(r);
  if (depth < o.maxDepth && gain > 0 && gain !== parentGain && lesser.length > 0 && greater.length > 0)
    return {
      column,
      value,
      left: grow(d, lesser, depth + 1, gain, o),
      right: grow(d, greater, depth + 1, gain, o),
    };
  return { leaf: meanOf(y, rows, 0, n) };
}

function classify(node: Node, row: ArrayLike<number>, features: number[]): number {
  let nd = node;
  while (!("leaf" in nd)) nd = row[features[nd.column]] < nd.value ? nd.left : nd.right;
  return nd.leaf;
}

/**
 * A seeded random forest of regression trees that reproduces ml-random-forest 2.1.0
 * `RandomForestRegression` with ml-cart 2.1.1 trees (options `replacement: true`,
 * `useSampleBagging: true`, `noOOB: true`, a float `maxFeatures`): for each tree, a bootstrap
 * sample of the rows (random-js MT19937 seeded as ml-random-forest seeds it, then the next seed
 * drawn from that engine), ⌊k · maxFeatures⌋ features drawn with replacement, and a CART
 * regression tree (split `x < (x₍ᵢ₋₁₎ + x₍ᵢ₎)/2` between consecutive sorted values whose y
 * differ, least sum of the two sides' squared errors; a leaf when ≤ `minNumSamples` rows, at
 * `maxDepth`, when the split error is 0 or equals the parent's, or a side is empty). The trees
 * are the library's (the test compares every tree's prediction with ml-random-forest's); only
 * the split search is faster: ml-cart re-splits the node for every candidate threshold (O(n²)
 * per feature and node, ≈ 110 ms per tree on 730 days), here the candidates' errors come from
 * prefix sums over the rows presorted once per tree (O(n) per feature and node), and the candidates within 1e-9 of the least error are
 * re-evaluated with ml-cart's own two-pass arithmetic so that ties resolve as in ml-cart.
 *
 * @param x training rows (all finite), k features each
 * @param y training responses (finite)
 * @param o forest options
 * @throws {RangeError} when x and y differ in length, are empty, or the seed is not an integer
 */
export function trainForest(x: readonly ArrayLike<number>[], y: ArrayLike<number>, o: ForestOptions): Forest {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new RangeError(`trainForest: ${n} rows and ${y.length} responses`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`trainForest: seed must be an integer, got ${o.seed}`);
  const k = x[0].length;
  const nFeat = o.maxFeatures > 0 && o.maxFeatures <= 1 ? Math.floor(k * o.maxFeatures) : o.maxFeatures;
  if (!Number.isInteger(nFeat) || nFeat < 1 || nFeat > k)
    throw new RangeError(`trainForest: maxFeatures ${o.maxFeatures} gives ${nFeat} of ${k} features`);
  const trees: { root: Node; features: number[] }[] = [];
  let seed = o.seed;
  const drawRow = integer(0, n - 1);
  const drawFeature = integer(0, k - 1);
  for (let t = 0; t < o.trees; t++) {
    // ml-random-forest examplesBaggingWithReplacement: n draws, then the next seed from the same engine
    let engine = MersenneTwister19937.seed(seed);
    const sample = new Array<number>(n);
    for (let i = 0; i < n; i++) sample[i] = drawRow(engine);
    seed = engine.next();
    // featureBagging with replacement
    engine = MersenneTwister19937.seed(seed);
    const features = new Array<number>(nFeat);
    for (let i = 0; i < nFeat; i++) features[i] = drawFeature(engine);
    seed = engine.next();
    // the bagged training set: column j = feature features[j] of the sampled rows
    const cols = features.map((f) => Float64Array.from(sample, (r) => x[r][f]));
    const yy = Float64Array.from(sample, (r) => y[r]);
    const rows = sample.map((_, i) => i);
    const order = cols.map((col) => Int32Array.from(rows).sort((a, b) => col[a] - col[b] || a - b));
    const data: TreeData = { x: cols, y: yy, order, mark: new Uint8Array(n) };
    trees.push({ root: grow(data, rows, 0, 0, o), features });
  }
  return {
    treePredictions: (row) => trees.map((t) => classify(t.root, row, t.features)),
  };
}
