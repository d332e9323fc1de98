import { pearson } from "../stats/correlation";
import { midRanks } from "../stats/mannwhitney";
import { kendallTau } from "../stats/kendall";
import { hclust, type HclustResult } from "../stats/hclust";

/** Correlation of {@link corPlot}. */
export type CorMethod = "pearson" | "spearman" | "kendall";

/** Result of {@link corPlot}. */
export interface CorPlotResult {
  method: CorMethod;
  /** Variable names in the plotted order (the dendrogram's leaf order when clustered). */
  names: string[];
  /** r[i][j] between names[i] and names[j] (dimensionless; NaN when undefined). */
  r: number[][];
  /** Pairs with both values finite, per cell. */
  n: number[][];
  /** Variables left out: no finite correlation with any other. */
  dropped: string[];
  /** The clustering (of the variables in input order) when `cluster` is on. */
  clustering?: HclustResult;
}

/**
 * Correlation matrix with hierarchical-clustering order, openair's `corPlot` (Carslaw & Ropkins
 * 2012; openair manual, "corPlot: Correlation matrices with conditioning"; Friendly, M. (2002),
 * "Corrgrams: Exploratory displays for correlation matrices", Am. Stat. 56:316–324): the
 * correlation of every pair of variables over the records where both are finite (R's
 * `use = "pairwise.complete.obs"`; Spearman ranks and Kendall's τ_b are taken over those pairs too,
 * as R's `cor`), then, with `cluster` (default true), the variables ordered as the leaves of
 * `hclust(dist(r))`: complete linkage of the Euclidean distances between the rows of the
 * correlation matrix (openair's rule). Variables with no finite correlation with any other are
 * left out and listed in `dropped` (openair removes them too).
 * @param columns name → values (any units; NaN = missing)
 * @param opts method (default "pearson"), cluster (default true)
 * @throws {RangeError} when the columns differ in length, the method is unknown, or fewer than two variables remain
 */
export function corPlot(
  columns: Record<string, ArrayLike<number>>,
  opts: { method?: CorMethod; cluster?: boolean } = {},
): CorPlotResult {
  const method = opts.method ?? "pearson";
  if (!["pearson", "spearman", "kendall"].includes(method))
    throw new RangeError(`corPlot: unknown method "${method}" (pearson, spearman, kendall)`);
  const all = Object.keys(columns);
  const len = all.length ? columns[all[0]].length : 0;
  for (const k of all)
    if (columns[k].length !== len)
      throw new RangeError(`corPlot: column "${k}" has ${columns[k].length} values, "${all[0]}" has ${len}`);
  const p = all.length;
  const R = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  const N = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const a = columns[all[i]],
        b = columns[all[j]];
      const xs: number[] = [],
        ys: number[] = [];
      for (let t = 0; t < len; t++)
        if (Number.isFinite(a[t]) && Number.isFinite(b[t])) {
          xs.push(a[t]);
          ys.push(b[t]);
        }
      let r: number;
      if (xs.length < 2) r = NaN;
      else if (method === "pearson") r = pearson(xs, ys);
      else if (method === "spearman") r = pearson(midRanks(xs).ranks, midRanks(ys).ranks);
      else r = kendallTau(xs, ys);
      R[i][j] = R[j][i] = Number.isFinite(r) ? r : NaN;
      N[i][j] = N[j][i] = xs.length;
    }
  const keep = all.map((_, i) => R[i].some((v, j) => j !== i && Number.isFinite(v)));
  const idx = all.map((_, i) => i).filter((i) => keep[i]);
  if (idx.length < 2) throw new RangeError(`corPlot: fewer than two variables with a finite correlation`);
  const r0 = idx.map((i) => idx.map((j) => R[i][j]));
  const n0 = idx.map((i) => idx.map((j) => N[i][j]));
  let order = idx.map((_, k) => k);
  let clustering: HclustResult | undefined;
  if (opts.cluster !== false) {
    // dist(): Euclidean distance between rows; NaN cells left out and the sum scaled up, as R's dist
    const m = idx.length;
    const d = Array.from({ length: m }, () => new Array<number>(m).fill(0));
    for (let a = 0; a < m; a++)
      for (let b = a + 1; b < m; b++) {
        let s = 0,
          c = 0;
        for (let k = 0; k < m; k++) {
          const v = r0[a][k] - r0[b][k];
          if (Number.isFinite(v)) {
            s += v * v;
            c++;
          }
        }
        d[a][b] = d[b][a] = c > 0 ? Math.sqrt((s * m) / c) : Infinity;
      }
    clustering = hclust(d, "complete");
    order = clustering.order;
  }
  return {
    method,
    names: order.map((k) => all[idx[k]]),
    r: order.map((a) => order.map((b) => r0[a][b])),
    n: order.map((a) => order.map((b) => n0[a][b])),
    dropped: all.filter((_, i) => !keep[i]),
    ...(clustering ? { clustering } : {}),
  };
}
