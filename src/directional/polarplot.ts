import { checkSeries, percentileOf, uvToDirection, type WindSeries } from "./wind";
import {
  polarGamScales,
  polarGamSurface,
  gridDirection,
  type PolarGamFit,
  type PolarGamScales,
  type PolarGamSettings,
  type PolarGamStatistic,
} from "./polargam";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/**
 * Statistic of a {@link polarPlot} bin (openair's `statistic`; `weighted.mean` is spelled
 * `weighted-mean`). The kernel smoother supports `mean`, `weighted-mean` and `cpf` only.
 */
export type PolarStatistic = PolarGamStatistic;

/** Options of {@link polarPlot}. */
export interface PolarPlotOptions {
  /**
   * `gam` (default): openair's smoother, a penalised thin-plate regression spline
   * `s(u, v, k = 100)` with GCV smoothness (mgcv); `kernel`: aozora's earlier Gaussian-kernel
   * smoother (fixed bandwidth, never overshoots; its own options `wdBin`, `wsBin`, `bandwidth`,
   * `maskDistance`, `calm`, `prior`).
   */
  smoother?: "gam" | "kernel";
  /** gam: basis dimension k of `s(u, v, k)` (default 100, openair's). */
  k?: number;
  /** gam: bins with fewer records are left out of the fit and of the mask (openair's `min.bin`, default 1). */
  minBin?: number;
  /** gam: weights of bins with 1, 2, 3 records (openair's `weights`, default [0.25, 0.5, 0.75]; 4 or more: 1). */
  weights?: [number, number, number];
  /** gam: fit √z and square the prediction back (openair's `force.positive`, default true). */
  forcePositive?: boolean;
  /** gam: also the lower and upper surfaces (prediction ∓ 2 SE, squared back), as openair's `uncertainty = TRUE`. */
  uncertainty?: boolean;
  /**
   * gam: reproduce openair 2.18 exactly, including its defects (default false; see {@link polarPlot}):
   * directions 0–5° binned at wd.int°, bin j placed at speed j·max/29, negative √-predictions
   * squared to positive values, no outer-radius mask unless `maxWs` is given, CPF clipped at 1.
   */
  openair?: boolean;
  /**
   * gam: the speed scale [lo, hi], m/s, instead of the records' own lowest and highest speed: the
   * speeds are shifted by lo (x = ws − lo, the plot's centre) and the 30 speed bins span
   * [0, hi − lo]; the radius is hi − lo unless `maxWs` is given. openair computes these on all
   * rows of the data it is given: over both periods in `polarDiff` (its `polarPlot(type =
   * "period")` on the bound data) and over every `type` panel. It must contain every usable speed.
   */
  wsRange?: [number, number];
  /**
   * gam: the direction bin width, 5 or 10° (default: openair's rule, 10 when every direction is a
   * multiple of 10, else 5; `polarDiff` applies it to both periods together, as openair).
   */
  wdInterval?: 5 | 10;
  /** gam cpf with `band`: openair's third `percentile` element: the band's percentiles are of the values ≥ trim × mean (trim < 0: `band` is in value units). */
  trim?: number;
  /**
   * Per (wd, ws) bin: `mean` of the values (default); `weighted-mean` = bin mean × bin count /
   * all records (openair's "weighted.mean": where the concentration comes from, frequency
   * included); `cpf` = CBPF, the share of the bin's records with C > P-th percentile, or with
   * P1 ≤ C ≤ P2 when `band` is given (Uria-Tellaetxe & Carslaw 2014).
   */
  statistic?: PolarStatistic;
  /** Percentile P (0–100) of the `cpf` statistic (default 75) or of the `percentile` statistic (default 50). */
  percentile?: number;
  /** Percentile band [P1, P2] of the `cpf` statistic (overrides `percentile`). */
  band?: [number, number];
  /** Direction bin width, degrees (default 10, as openair). */
  wdBin?: number;
  /** Wind-speed bin width, m/s (default: outer radius / 30, as openair's 30 speed intervals). */
  wsBin?: number;
  /**
   * Outer radius of the plot, m/s (default: the maximum finite speed). kernel: faster records
   * are dropped; gam: as openair's `upper`, the bins still span all records and the surface is
   * clipped to the circle.
   */
  maxWs?: number;
  /** Gaussian kernel bandwidth σ in (u, v), m/s (default outer radius / 12). */
  bandwidth?: number;
  /** Grid points farther than this from every bin with data are masked (m/s; default = bandwidth). */
  maskDistance?: number;
  /** Prediction grid points per axis (default 101 for the kernel smoother; 201 for gam, openair's, bilinear from a 51-node fit grid). */
  grid?: number;
  /** Records with ws < calm (m/s) are left out (default 0: none). */
  calm?: number;
  /**
   * Prior weight λ (in full-bin equivalents, default 1) of the overall statistic: the estimate is
   * pulled toward it where few bins support it (an isolated 1-record bin at the plot's edge
   * cannot make a maximum). 0 = plain Nadaraya–Watson.
   */
  prior?: number;
}

/** One occupied (wd, ws) bin of {@link polarPlot}. */
export interface PolarBin {
  /** Bin centre: direction (degrees) and speed (m/s), and its plotting position u, v (m/s). */
  wd: number;
  ws: number;
  u: number;
  v: number;
  /** Records in the bin. */
  n: number;
  /** The statistic of the bin (unsmoothed). */
  z: number;
}

/**
 * One grid point of {@link polarPlot}: position (m/s), its direction and speed, smoothed statistic (NaN = masked).
 * gam: u, v are of the shifted speed ws − min(ws) (openair's radial axis), ws = √(u² + v²) + min(ws) is the speed itself.
 */
export interface PolarGridPoint {
  u: number;
  v: number;
  wd: number;
  ws: number;
  z: number;
}

/** Result of {@link polarPlot}. */
export interface PolarPlotResult {
  statistic: PolarStatistic;
  bins: PolarBin[];
  grid: PolarGridPoint[];
  /** Grid points per axis, outer radius (m/s), grid spacing (m/s). */
  gridSize: number;
  radius: number;
  step: number;
  /** Kernel bandwidth (m/s); NaN for gam. */
  bandwidth: number;
  /** Grid points farther than this (m/s) from every occupied bin are masked (gam: 0.05 × the grid width, mgcv's exclude.too.far). */
  maskDistance: number;
  /** Which smoother made the surface. */
  smoother: "gam" | "kernel";
  /** gam: the fit (k, knots, λ, edf, GCV, the speed offset, counts of corrected grid points). */
  fit?: PolarGamFit;
  /** gam with `uncertainty`: the lower and upper surfaces (prediction ∓ 2 SE, squared back; NaN = masked), aligned with `grid`. */
  uncertainty?: { lower: Float64Array; upper: Float64Array };
  /** Threshold(s) of the cpf statistic, in value units. */
  threshold?: number;
  upper?: number;
  /** The unmasked grid point with the largest smoothed statistic. */
  max: PolarGridPoint;
  /** Records used. */
  n: number;
  /** With `type`: one polar plot per level (openair's panels), on the scales of all rows (see {@link polarPlot}). */
  byType?: ByTypeResult<PolarPlotResult>;
}

/**
 * Bivariate polar plot (Carslaw et al. 2006, Atmos. Environ. 40:5424–5434; openair `polarPlot`,
 * Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52–61; openair manual
 * https://openair-project.github.io/book/sections/directional-analysis/polar-plots.html).
 *
 * **`smoother: "gam"` (default)** — openair 2.18's pipeline, read from its polarPlot.R: records
 * with a missing value, wd or ws are left out; the speed is shifted, x = ws − min(ws) (the grid's
 * u, v are of x; `grid[].ws` and `max.ws` add min(ws) back; `fit.wsOffset`); directions are
 * binned at 10° when every direction is a multiple of 10, else 5° (wd.int·⌈wd/wd.int − ½⌉), speeds
 * in 30 equal bins of [0, max x] (right-closed, as R's `cut`) — `wsRange` [lo, hi] gives the shift
 * lo and the bins of [0, hi − lo] instead, `wdInterval` the direction bin width, as openair's
 * polarDiff takes them from both periods together; the statistic per bin (mean, median,
 * max, frequency = count, stdev (n − 1; NaN for one record), weighted-mean = mean × n / N,
 * percentile (type 7, `percentile`, default 50), cpf = share with C > P-th percentile of all used
 * records, or with P1 < C ≤ P2 for `band` (openair's `percentile = c(P1, P2)`; `trim` its third
 * element)); bins with fewer than `minBin` records dropped; weights 0.25/0.5/0.75 for bins of
 * 1/2/3 records, 1 otherwise; a fit of `√z ~ s(u, v, k = 100)` (mgcv `gam`, weights) by a
 * thin-plate regression spline ({@link thinPlateBasis}: Wood 2003, J. R. Statist. Soc. B
 * 65:95–114) with the smoothing parameter minimising GCV ({@link penalisedGcvFit}; mgcv's default
 * `GCV.Cp`); predicted on a 51 × 51 grid over [−R, R]², squared back, bilinearly interpolated to
 * `grid` × `grid` (201, as openair's `interp_grid`), and masked where farther than 0.05 of the
 * grid width from every bin with data (mgcv `exclude.too.far(…, 0.05)`). `uncertainty: true`: as
 * openair, the standard errors come from a fit weighted by the bin counts, the central surface
 * from an unweighted fit, and lower/upper = (prediction ∓ 2 SE)² (Bayesian posterior SE, mgcv
 * `predict.gam(se.fit = TRUE)`). Measured against openair 2.18.2.9005 (mgcv 1.8.41) on the
 * example year and a simulated year: with `openair: true` surface r > 0.99999 and the same peak
 * (test/directional/polargam.test.ts, fixtures of openair's output).
 *
 * Where aozora differs from openair by default (`openair: true` restores each):
 * 1. directions 0–5° are binned with north (360°); openair puts them in its first bin, plotted at
 *    wd.int° (its `cut(…, include.lowest = TRUE)` of the rounded value 0);
 * 2. a speed bin is placed at its centre (j + ½)·max/30; openair places bin j at j·max/29
 *    (`seq(min, max, length = 30)`), stretching the surface outward by up to half a bin;
 * 3. a negative √-scale prediction becomes 0; openair squares it into a positive value (a ring of
 *    spurious positive values where the fit dips below 0; `fit.negativePredictions` counts them);
 * 4. grid points outside the outer radius are masked; openair masks them only when `upper`
 *    (`maxWs`) is given;
 * 5. cpf: the smoothed surface is not clipped at 1 (`fit.aboveOne` counts the points above 1;
 *    on the example year's V CBPF P90 and the simulated year the √-GAM overshoots to about 1.1–1.2
 *    over a plateau that openair flattens to 1, which hides where the peak is).
 * Also: when the bins have more than 2000 distinct locations (5° bins, nearly all occupied, as
 * in many years of data), mgcv fits with a random 2000 of them as knots (`max.knots`, seed 1);
 * aozora uses all of them, so the two surfaces then differ slightly. With fewer distinct
 * occupied bins than k (a short record, 16-point compass winds), mgcv refuses and openair draws
 * the raw bins with a warning; aozora lowers k to the number of distinct bins − 1
 * (`fit.k` < `fit.kRequested`).
 *
 * **`smoother: "kernel"`** — aozora's earlier smoother: bins of `wdBin`° (centred on multiples of
 * it) and `wsBin`, a Nadaraya–Watson Gaussian-kernel estimate
 * ẑ(p) = (Σ_b w_b K(|p − p_b|/σ) z_b + λ z̄)/(Σ_b w_b K + λ), K(r) = exp(−r²/2) truncated at 3σ,
 * w_b = openair's weights, z̄ the overall statistic (`prior` λ), on √z for mean and weighted-mean;
 * masked beyond `maskDistance` from data and outside the radius. It has a fixed, user-visible
 * bandwidth, never overshoots, and flattens peaks narrower than σ (peak values lower than
 * openair's, about 0.6× on the example year; peak locations agree). Statistics: mean,
 * weighted-mean, cpf.
 *
 * **`type`** ({@link TypeOption}; openair's `type`, e.g. "season", "daylight", "year") gives
 * `byType`, one polar plot per level. As openair's polarPlot (its `min(ws)`, `max.ws`, `upper`,
 * `wd.int` and CPF `Pval` are computed before the rows are split by type), the gam panels share
 * the scales of all usable rows: the speed shift min(ws), the speed bins of [0, max x] and the
 * plot radius, the direction bin width, and the CPF threshold(s); the fit (λ by GCV), the
 * weighted-mean's record count and the maximum are per panel. The kernel smoother's panels share
 * the outer radius (the largest speed of all rows) and compute the rest per panel. The result's
 * own surface is that of all rows. `uncertainty` with `type`: each panel has its own ±2 SE
 * surfaces (openair sets `type` to "default" when `uncertainty = TRUE`).
 *
 * @param s values (any unit; e.g. ng/m3, or a PMF factor contribution), wd (degrees), ws (m/s)
 * @param opts smoother and statistic options, and `type`/`typeData`/`typeOptions` for panels
 * @returns bins, grid (z in the values' unit; cpf: a probability), the maximum, and for gam the fit
 * @throws {RangeError} when the smoother or statistic is unknown, an option is out of range (k, minBin, weights, grid, percentile, band, maxWs, wsRange (also when it leaves out a usable speed), wdInterval; kernel: wdBin, wsBin, bandwidth, maskDistance, prior), no record is usable, every record has the same speed, fewer than 5 bins are occupied (also in a `type` panel), or the `type` cannot be cut
 */
export function polarPlot(s: WindSeries, opts: PolarPlotOptions & TypeOption = {}): PolarPlotResult {
  const n = checkSeries(s, "polarPlot");
  const smoother = opts.smoother ?? "gam";
  if (smoother !== "gam" && smoother !== "kernel")
    throw new RangeError(`polarPlot: unknown smoother "${smoother}" (gam, kernel)`);
  if (smoother === "gam") {
    const settings = gamSettings(opts);
    const scales = polarGamScales(s, settings);
    const whole = polarPlotGam(s, settings, scales);
    const byType = typedLevels(opts, { columns: { value: s.values, wd: s.wd, ws: s.ws } }, (sub) =>
      polarPlotGam({ values: sub.pick(s.values), wd: sub.pick(s.wd), ws: sub.pick(s.ws) }, settings, scales),
    );
    return byType ? { ...whole, byType } : whole;
  }
  if (opts.type !== undefined) {
    let top = 0;
    for (let i = 0; i < n; i++)
      if (Number.isFinite(s.ws[i]) && Number.isFinite(s.values[i]) && s.ws[i] > top) top = s.ws[i];
    const shared = { ...opts, type: undefined, maxWs: opts.maxWs ?? top };
    const whole = polarPlot(s, { ...opts, type: undefined });
    const byType = typedLevels(opts, { columns: { value: s.values, wd: s.wd, ws: s.ws } }, (sub) =>
      polarPlot({ values: sub.pick(s.values), wd: sub.pick(s.wd), ws: sub.pick(s.ws) }, shared),
    );
    return byType ? { ...whole, byType } : whole;
  }
  const stat = opts.statistic ?? "mean";
  if (!["mean", "weighted-mean", "cpf"].includes(stat))
    throw new RangeError(`polarPlot: unknown statistic "${stat}" for the kernel smoother (mean, weighted-mean, cpf)`);
  const wdBin = opts.wdBin ?? 10;
  if (!(wdBin > 0 && 360 % wdBin === 0)) throw new RangeError(`wdBin must divide 360, got ${wdBin}`);
  const calm = opts.calm ?? 0;
  let radius = opts.maxWs ?? 0;
  if (opts.maxWs === undefined)
    for (let i = 0; i < n; i++)
      if (Number.isFinite(s.ws[i]) && Number.isFinite(s.values[i]) && s.ws[i] > radius) radius = s.ws[i];
  if (!(radius > 0)) throw new RangeError("polarPlot: no records with a positive wind speed");
  const wsBin = opts.wsBin ?? radius / 30;
  const h = opts.bandwidth ?? radius / 12;
  const maskD = opts.maskDistance ?? h;
  const G = opts.grid ?? 101;
  if (!(wsBin > 0) || !(h > 0) || !(maskD > 0) || !(Number.isInteger(G) && G >= 5))
    throw new RangeError("polarPlot: wsBin, bandwidth, maskDistance must be > 0 and grid an integer ≥ 5");
  let lo = -Infinity,
    hi = Infinity;
  if (stat === "cpf") {
    if (opts.band) {
      if (!(opts.band[0] < opts.band[1]))
        throw new RangeError(`band percentiles must increase, got ${opts.band.join(", ")}`);
      lo = percentileOf(s.values, opts.band[0]);
      hi = percentileOf(s.values, opts.band[1]);
    } else lo = percentileOf(s.values, opts.percentile ?? 75);
  }
  const nWd = 360 / wdBin,
    nWs = Math.ceil(radius / wsBin + 1e-9);
  const cnt = new Float64Array(nWd * nWs),
    sum = new Float64Array(nWd * nWs);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const c = s.values[i],
      d = s.wd[i],
      w = s.ws[i];
    if (!Number.isFinite(c) || !Number.isFinite(d) || !Number.isFinite(w) || w < calm || w > radius) continue;
    const a = Math.round((((d % 360) + 360) % 360) / wdBin) % nWd;
    const b = Math.min(nWs - 1, Math.floor(w / wsBin));
    const k = a * nWs + b;
    cnt[k]++;
    sum[k] += stat === "cpf" ? (opts.band ? (c >= lo && c <= hi ? 1 : 0) : c > lo ? 1 : 0) : c;
    used++;
  }
  const bins: PolarBin[] = [];
  for (let a = 0; a < nWd; a++)
    for (let b = 0; b < nWs; b++) {
      const k = a * nWs + b;
      if (cnt[k] === 0) continue;
      const wd = a * wdBin,
        ws = (b + 0.5) * wsBin;
      const mean = sum[k] / cnt[k];
      const z = stat === "weighted-mean" ? (mean * cnt[k]) / used : mean;
      bins.push({
        wd,
        ws,
        u: ws * Math.sin((wd * Math.PI) / 180),
        v: ws * Math.cos((wd * Math.PI) / 180),
        n: cnt[k],
        z,
      });
    }
  if (bins.length === 0) throw new RangeError("polarPlot: no records with finite value, wd and ws");
  const sqrtT = stat !== "cpf";
  const lambda = opts.prior ?? 1;
  if (!(lambda >= 0)) throw new RangeError(`polarPlot: prior must be ≥ 0, got ${lambda}`);
  let tot = 0;
  for (let k = 0; k < cnt.length; k++) tot += sum[k];
  const zAll = stat === "weighted-mean" ? tot / used / bins.length : tot / used; // weighted mean: the average occupied bin
  const zBar = sqrtT ? Math.sqrt(Math.max(0, zAll)) : zAll;
  const nb = bins.length;
  const bu = new Float64Array(nb),
    bv = new Float64Array(nb),
    bz = new Float64Array(nb),
    bw = new Float64Array(nb);
  bins.forEach((b, k) => {
    bu[k] = b.u;
    bv[k] = b.v;
    bz[k] = sqrtT ? Math.sqrt(Math.max(0, b.z)) : b.z;
    bw[k] = b.n >= 4 ? 1 : b.n * 0.25;
  });
  const step = (2 * radius) / (G - 1);
  const cut2 = 9 * h * h,
    inv2h2 = 1 / (2 * h * h),
    mask2 = maskD * maskD;
  const grid: PolarGridPoint[] = [];
  let best = -1;
  for (let iy = 0; iy < G; iy++) {
    const v = radius - iy * step;
    for (let ix = 0; ix < G; ix++) {
      const u = -radius + ix * step;
      const r = Math.hypot(u, v);
      let z = NaN;
      if (r <= radius + 1e-9) {
        let num = 0,
          den = 0,
          near = Infinity;
        for (let k = 0; k < nb; k++) {
          const du = u - bu[k],
            dv = v - bv[k];
          const d2 = du * du + dv * dv;
          if (d2 < near) near = d2;
          if (d2 > cut2) continue;
          const wk = bw[k] * Math.exp(-d2 * inv2h2);
          num += wk * bz[k];
          den += wk;
        }
        if (near <= mask2 && den > 0) {
          const e = (num + lambda * zBar) / (den + lambda);
          z = sqrtT ? e * e : e;
        }
      }
      const wdp = uvToDirection(u, v);
      grid.push({ u, v, wd: Number.isNaN(wdp) ? 0 : wdp, ws: r, z });
      if (Number.isFinite(z) && (best < 0 || z > grid[best].z)) best = grid.length - 1;
    }
  }
  return {
    statistic: stat,
    bins,
    grid,
    gridSize: G,
    radius,
    step,
    bandwidth: h,
    maskDistance: maskD,
    smoother: "kernel",
    ...(stat === "cpf" ? { threshold: lo, ...(opts.band ? { upper: hi } : {}) } : {}),
    max: grid[best],
    n: used,
  };
}

const GAM_STATS: PolarStatistic[] = [
  "mean",
  "median",
  "max",
  "frequency",
  "stdev",
  "weighted-mean",
  "percentile",
  "cpf",
];

/** The checked settings of the GAM smoother from the options. */
function gamSettings(opts: PolarPlotOptions): PolarGamSettings {
  const stat = opts.statistic ?? "mean";
  if (!GAM_STATS.includes(stat))
    throw new RangeError(`polarPlot: unknown statistic "${stat}" (${GAM_STATS.join(", ")})`);
  const k = opts.k ?? 100;
  if (!(Number.isInteger(k) && k >= 4)) throw new RangeError(`polarPlot: k must be an integer ≥ 4, got ${k}`);
  const minBin = opts.minBin ?? 1;
  if (!(Number.isInteger(minBin) && minBin >= 1))
    throw new RangeError(`polarPlot: minBin must be an integer ≥ 1, got ${minBin}`);
  const weights = opts.weights ?? [0.25, 0.5, 0.75];
  if (weights.length !== 3 || !weights.every((w) => w > 0 && Number.isFinite(w)))
    throw new RangeError(`polarPlot: weights must be three positive numbers, got ${weights.join(", ")}`);
  const G = opts.grid ?? 201;
  if (!(Number.isInteger(G) && G >= 5)) throw new RangeError(`polarPlot: grid must be an integer ≥ 5, got ${G}`);
  const p = opts.percentile;
  if (p !== undefined && !(p >= 0 && p <= 100))
    throw new RangeError(`polarPlot: percentile must be in 0..100, got ${p}`);
  if (opts.band && !(opts.band[0] < opts.band[1]))
    throw new RangeError(`band percentiles must increase, got ${opts.band.join(", ")}`);
  if (opts.band && (opts.trim === undefined || opts.trim >= 0) && !(opts.band[0] >= 0 && opts.band[1] <= 100))
    throw new RangeError(`polarPlot: band percentiles must be in 0..100, got ${opts.band.join(", ")}`);
  if (opts.maxWs !== undefined && !(opts.maxWs > 0))
    throw new RangeError(`polarPlot: maxWs must be > 0, got ${opts.maxWs}`);
  const wr = opts.wsRange;
  if (wr !== undefined && !(wr.length === 2 && Number.isFinite(wr[0]) && Number.isFinite(wr[1]) && wr[0] < wr[1]))
    throw new RangeError(`polarPlot: wsRange must be two finite increasing speeds, got ${String(wr)}`);
  if (opts.wdInterval !== undefined && opts.wdInterval !== 5 && opts.wdInterval !== 10)
    throw new RangeError(`polarPlot: wdInterval must be 5 or 10, got ${opts.wdInterval}`);
  return {
    statistic: stat,
    percentile: p,
    band: opts.band,
    trim: opts.trim,
    maxWs: opts.maxWs,
    wsRange: wr ? [wr[0], wr[1]] : undefined,
    wdInterval: opts.wdInterval,
    k,
    minBin,
    weights,
    forcePositive: opts.forcePositive ?? true,
    uncertainty: opts.uncertainty ?? false,
    openair: opts.openair ?? false,
    fitGrid: 51,
    grid: G,
    excludeDistance: 0.05,
  };
}

function polarPlotGam(s: WindSeries, settings: PolarGamSettings, scales: PolarGamScales): PolarPlotResult {
  const stat = settings.statistic,
    G = settings.grid;
  const r = polarGamSurface(s, settings, scales);
  const grid: PolarGridPoint[] = [];
  let best = -1;
  for (let g = 0; g < r.z.length; g++) {
    const u = r.u[g],
      v = r.v[g];
    grid.push({ u, v, wd: gridDirection(u, v), ws: Math.sqrt(u * u + v * v) + r.fit.wsOffset, z: r.z[g] });
    if (Number.isFinite(r.z[g]) && (best < 0 || r.z[g] > r.z[best])) best = g;
  }
  if (best < 0) throw new RangeError("polarPlot: every grid point is masked");
  return {
    statistic: stat,
    bins: r.bins,
    grid,
    gridSize: G,
    radius: r.radius,
    step: r.step,
    bandwidth: NaN,
    maskDistance: 0.05 * 2 * r.radius,
    smoother: "gam",
    fit: r.fit,
    ...(r.lower && r.upper ? { uncertainty: { lower: r.lower, upper: r.upper } } : {}),
    ...(r.threshold !== undefined ? { threshold: r.threshold } : {}),
    ...(r.upperThreshold !== undefined ? { upper: r.upperThreshold } : {}),
    max: grid[best],
    n: r.used,
  };
}
