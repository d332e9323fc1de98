import { pamFeatures } from "../stats/pam-features";
import { checkSeries, type WindSeries } from "./wind";
import { polarPlot, type PolarPlotOptions, type PolarPlotResult } from "./polarplot";
import { polarDiff, type PolarDiffResult } from "./polardiff";

/** Options of {@link polarCluster}: those of the GAM {@link polarPlot}, the number(s) of clusters and an `after` period. */
export interface PolarClusterOptions extends Omit<
  PolarPlotOptions,
  "smoother" | "bandwidth" | "maskDistance" | "calm" | "prior" | "wdBin" | "wsBin"
> {
  /** Number of clusters, one or several (openair's `n.clusters`, default 6). */
  nClusters?: number | number[];
  /**
   * A second period: the clusters are then of the difference surface after − before
   * ({@link polarDiff}; openair's `after` argument), and `afterRows` gives the cluster of its rows.
   */
  after?: WindSeries;
}

/** Summary of one cluster's rows (openair's `clust_stats`). */
export interface PolarClusterStat {
  /** Cluster number, 1-based (openair's "C1", "C2", …). */
  cluster: number;
  /** Rows in the cluster, their mean value (value units), share of the rows with a cluster (%), and share of the total of value × rows (%). */
  n: number;
  mean: number;
  nPercent: number;
  valuePercent: number;
}

/** One clustering of {@link polarCluster} (one number of clusters). */
export interface PolarClusterLevel {
  /** Number of clusters. */
  k: number;
  /** Cluster (1-based) of every grid point of `surface.grid` (0 = masked, not clustered). */
  grid: Int32Array;
  /** Cluster (1-based) of every input row (0 = no cluster: missing value/wd/ws, or at a masked grid point). */
  rows: Int32Array;
  /** With `after`: cluster of every row of the after period. */
  afterRows?: Int32Array;
  /** Medoid grid points (indices into `surface.grid`), cluster c at position c − 1. */
  medoids: Int32Array;
  /** Mean standardised distance to the medoid after PAM's BUILD and SWAP. */
  objective: { build: number; swap: number };
  /** Per cluster: rows, mean value and shares (of the `rows` assignment). */
  stats: PolarClusterStat[];
}

/** Result of {@link polarCluster}. */
export interface PolarClusterResult {
  /** The clustered surface: the polar plot (101 × 101 grid, as openair's `cluster = TRUE`), or with `after` the difference. */
  surface: PolarPlotResult | PolarDiffResult;
  /** Grid points clustered (unmasked). */
  points: number;
  /** One entry per number of clusters, in the order given. */
  levels: PolarClusterLevel[];
}

/**
 * k-medoids clusters of a polar plot surface (openair `polarCluster`, openair 2.18 polarCluster.R;
 * Carslaw, D. C. & Beevers, S. D. (2013), "Characterising and understanding emission sources using
 * bivariate polar plots and k-means clustering", Environ. Model. Softw. 40, 325–329; the polar
 * plot: Carslaw et al. 2006, Atmos. Environ. 40:5424–5434; openair book, "Polar plot clustering",
 * https://openair-project.github.io/book/sections/directional-analysis/polar-plots.html).
 * As openair: the GAM {@link polarPlot} is predicted on a 101 × 101 grid (openair's
 * `cluster = TRUE`); the unmasked grid points, with features (u, v, z), are clustered by
 * Partitioning Around Medoids on features standardised by their mean absolute deviation
 * (`cluster::pam(stand = TRUE, pamonce = 3)`; {@link pamFeatures}) — openair's documentation and code use
 * PAM, not the k-means of the 2013 paper; PAM is deterministic, so there is no seed. Grid points
 * are given to PAM in openair's order (u fastest, v from −R upward), so the cluster numbers are
 * openair's (numbered by first appearance). With `after`, the difference surface of
 * {@link polarDiff} is clustered instead (openair's `after`). Each input row gets the cluster of
 * its grid point (openair appends `cluster` to the data; rows at a masked point get none).
 *
 * Differences from openair 2.18.2.9005 (`openair: true` restores each, and openair's choices in
 * {@link polarPlot}): a row goes to the grid point nearest to its position of the shifted speed
 * ws − min(ws), the grid's own coordinates; openair places a row at its unshifted speed and takes
 * the grid point below and left of it (`findInterval`), up to one grid step away (and off by
 * min(ws) radially when min(ws) > 0). polarPlot's default masks grid points outside the outer
 * radius, so they are not clustered; openair clusters them too (a thin rim beyond the circle).
 * openair's `type` is not offered (openair allows only "default").
 *
 * @param data the records (values, wd in degrees, ws in m/s)
 * @param opts polarPlot options, `nClusters`, `after`
 * @returns the surface, and per number of clusters the cluster of every grid point and every row, medoids and cluster statistics
 * @throws {RangeError} when a number of clusters is not an integer in 1..(grid points − 1), the smoother is not gam, or from {@link polarPlot} / {@link polarDiff}
 */
export function polarCluster(data: WindSeries, opts: PolarClusterOptions = {}): PolarClusterResult {
  checkSeries(data, "polarCluster");
  const ks =
    opts.nClusters === undefined ? [6] : typeof opts.nClusters === "number" ? [opts.nClusters] : opts.nClusters;
  if (ks.length === 0) throw new RangeError("polarCluster: nClusters is empty");
  if ((opts as PolarPlotOptions).smoother !== undefined && (opts as PolarPlotOptions).smoother !== "gam")
    throw new RangeError(
      `polarCluster: only the gam smoother (openair's) is supported, got "${(opts as PolarPlotOptions).smoother}"`,
    );
  const { nClusters: _k, after, ...plotOpts } = opts;
  const grid = plotOpts.grid ?? 101;
  const surface: PolarPlotResult | PolarDiffResult = after
    ? polarDiff(data, after, { ...plotOpts, grid })
    : polarPlot(data, { ...plotOpts, smoother: "gam", grid });
  const G = surface.gridSize,
    R = surface.radius,
    step = surface.step;
  const offset = "wsOffset" in surface ? surface.wsOffset : (surface.fit?.wsOffset ?? 0);
  // unmasked points in openair's order: expand.grid(u, v), u fastest, v from −R up (aozora's grid: rows from v = +R down)
  const idx: number[] = [];
  for (let iy = G - 1; iy >= 0; iy--)
    for (let ix = 0; ix < G; ix++) if (Number.isFinite(surface.grid[iy * G + ix].z)) idx.push(iy * G + ix);
  const fu = idx.map((g) => surface.grid[g].u),
    fv = idx.map((g) => surface.grid[g].v),
    fz = idx.map((g) => surface.grid[g].z);
  for (const k of ks)
    if (!(Number.isInteger(k) && k >= 1 && k < idx.length))
      throw new RangeError(`polarCluster: nClusters must be integers in 1..${idx.length - 1}, got ${k}`);
  // row → grid point: nearest node of the shifted position (openair: findInterval of the unshifted one)
  const rowPoint = (s: WindSeries): Int32Array => {
    const out = new Int32Array(s.values.length).fill(-1);
    for (let i = 0; i < s.values.length; i++) {
      const c = s.values[i],
        d = s.wd[i],
        w = s.ws[i];
      if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w)) continue;
      const x = opts.openair ? w : w - offset;
      const u = x * Math.sin((d * Math.PI) / 180),
        v = x * Math.cos((d * Math.PI) / 180);
      let ix: number, iy: number;
      if (opts.openair) {
        ix = Math.min(G - 2, Math.max(0, Math.floor((u + R) / step + 1e-9)));
        const jv = Math.min(G - 2, Math.max(0, Math.floor((v + R) / step + 1e-9)));
        iy = G - 1 - jv;
      } else {
        ix = Math.round((u + R) / step);
        iy = Math.round((R - v) / step);
        if (ix < 0 || iy < 0 || ix >= G || iy >= G) continue;
      }
      out[i] = iy * G + ix;
    }
    return out;
  };
  const dataPoint = rowPoint(data),
    afterPoint = after ? rowPoint(after) : undefined;
  const levels: PolarClusterLevel[] = ks.map((k) => {
    const p = pamFeatures([fu, fv, fz], k, { standardize: true });
    const g = new Int32Array(G * G);
    idx.forEach((gi, t) => (g[gi] = p.clustering[t] + 1));
    const rows = Int32Array.from(dataPoint, (q) => (q < 0 ? 0 : g[q]));
    const stats: PolarClusterStat[] = [];
    let nAll = 0,
      vAll = 0;
    const n = new Float64Array(k + 1),
      sum = new Float64Array(k + 1);
    rows.forEach((c, i) => {
      if (c === 0) return;
      n[c]++;
      sum[c] += data.values[i];
    });
    for (let c = 1; c <= k; c++) {
      nAll += n[c];
      vAll += sum[c];
    }
    for (let c = 1; c <= k; c++)
      if (n[c] > 0)
        stats.push({
          cluster: c,
          n: n[c],
          mean: sum[c] / n[c],
          nPercent: (100 * n[c]) / nAll,
          valuePercent: (100 * sum[c]) / vAll,
        });
    return {
      k,
      grid: g,
      rows,
      ...(afterPoint ? { afterRows: Int32Array.from(afterPoint, (q) => (q < 0 ? 0 : g[q])) } : {}),
      medoids: Int32Array.from(p.medoids, (t) => idx[t]),
      objective: p.objective,
      stats,
    };
  });
  return { surface, points: idx.length, levels };
}
