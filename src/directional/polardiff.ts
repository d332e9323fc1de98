import { quantileType7 } from "../stats/quantile";
import { checkSeries, uvToDirection, type WindSeries } from "./wind";
import { polarPlot, type PolarGridPoint, type PolarPlotOptions, type PolarPlotResult } from "./polarplot";

/** Options of {@link polarDiff}: those of the GAM {@link polarPlot} (applied to both periods), and the colour limits. */
export interface PolarDiffOptions extends Omit<
  PolarPlotOptions,
  "smoother" | "bandwidth" | "maskDistance" | "calm" | "prior" | "wdBin" | "wsBin"
> {
  /**
   * Colour limits of the difference (value units). Default: symmetric ±L with L the smallest
   * 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ ≥ max |after − before| (nothing is clipped). `"openair"`: openair's rule
   * (±the second-largest value of R's `pretty(seq(0, max|Δ|, 5))`, which clips the largest
   * differences, and is ±1 whatever the unit when max |Δ| < 5); or give [lower, upper].
   */
  limits?: [number, number] | "openair";
  /**
   * Also the surface openair draws: its figure is not of the difference it returns but of a second
   * GAM fit, `polarPlot(difference grid, force.positive = FALSE)` with default settings (the grid
   * points as records, 5° bins). Default false (aozora draws the difference itself).
   */
  resmooth?: boolean;
}

/** Result of {@link polarDiff}. */
export interface PolarDiffResult {
  /** The two surfaces, each fitted on its own records on the speed scale of both (`wsRange` = the lowest and highest speed of both). */
  before: PolarPlotResult;
  after: PolarPlotResult;
  /** after − before per grid point of the common grid (u, v of ws − min(ws of both), as openair; NaN where either is masked). */
  grid: PolarGridPoint[];
  /** Grid points per axis, radius (m/s of the shifted speed), grid spacing (m/s). */
  gridSize: number;
  radius: number;
  step: number;
  /** The speed subtracted from every record: min(ws) over both periods, m/s (openair's common x − min(x)). */
  wsOffset: number;
  /** The largest |after − before| (value units). */
  maxAbs: number;
  /** Grid points of the largest increase and the largest decrease. */
  maxIncrease: PolarGridPoint;
  maxDecrease: PolarGridPoint;
  /** Colour limits (value units), see {@link PolarDiffOptions.limits}. */
  limits: [number, number];
  /** cpf: the threshold(s) of both periods' CPF, percentiles of the combined records (openair's). */
  threshold?: number;
  upper?: number;
  /** With `resmooth`: openair's drawn surface, a GAM fit of the difference grid (its u, v shifted by its own `fit.wsOffset` on top of `wsOffset`). */
  resmoothed?: PolarPlotResult;
}

/**
 * Difference of two polar plots, after − before (openair `polarDiff`, openair 2.18 polarDiff.R;
 * openair book, "Polar plot differences",
 * https://openair-project.github.io/book/sections/directional-analysis/polar-plots.html; the
 * polar plot: Carslaw et al. 2006, Atmos. Environ. 40:5424–5434, Carslaw & Ropkins 2012,
 * Environ. Model. Softw. 27–28:52–61). openair binds the two periods into one data frame, runs
 * `polarPlot(type = "period")` — one GAM surface per period, on the scales of the bound data (its
 * polarPlot computes them before the split by type): the speed shifted by the minimum of both
 * periods, the 30 speed bins over the combined range and the radius the maximum of both, the
 * direction bin width 10° only when every direction of both is a multiple of 10 (else 5°), CPF
 * thresholds from both — and subtracts the surfaces grid point by grid point (its returned
 * `data`). aozora does the same with {@link polarPlot} (GAM smoother, all its options) on each
 * period with `wsRange` = [lowest, highest] speed of both periods and `wdInterval` by the rule on
 * both, and for `cpf` the thresholds of the combined records passed to both as an absolute band;
 * the two surfaces then lie on one grid, node for node.
 *
 * Differences from openair 2.18.2.9005: (1) the figure shows the difference itself, openair's a
 * second GAM smooth of it (`resmooth: true` gives that surface); (2) the colour limits cover the
 * largest difference (openair's rule clips it; `limits: "openair"`); (3) polarPlot's own
 * corrections apply (`openair: true` restores openair's choices in both fits, the rim of grid
 * points outside the outer circle included). Measured against openair in the README and
 * scripts/compare-openair/polardiff.case.mjs.
 *
 * openair's `type` is not offered (openair uses `type` internally for the period).
 *
 * @param before the "before" records (values, wd in degrees, ws in m/s)
 * @param after the "after" records, the same pollutant and unit
 * @param opts polarPlot options for both periods; limits; resmooth
 * @returns both surfaces, the difference grid (value units), its extremes and colour limits
 * @throws {RangeError} when a period has no usable record, the series lengths differ, the smoother is not gam, the limits are not increasing, or from {@link polarPlot} (options, too few bins)
 */
export function polarDiff(before: WindSeries, after: WindSeries, opts: PolarDiffOptions = {}): PolarDiffResult {
  checkSeries(before, "polarDiff");
  checkSeries(after, "polarDiff");
  if ((opts as PolarPlotOptions).smoother !== undefined && (opts as PolarPlotOptions).smoother !== "gam")
    throw new RangeError(
      `polarDiff: only the gam smoother (openair's) is supported, got "${(opts as PolarPlotOptions).smoother}"`,
    );
  if (Array.isArray(opts.limits) && !(opts.limits[0] < opts.limits[1]))
    throw new RangeError(`polarDiff: limits must increase, got ${opts.limits.join(", ")}`);
  const usable = (s: WindSeries) => {
    const idx: number[] = [];
    for (let i = 0; i < s.values.length; i++)
      if (Number.isFinite(s.values[i]) && Number.isFinite(s.wd[i]) && Number.isFinite(s.ws[i])) idx.push(i);
    return idx;
  };
  const ib = usable(before),
    ia = usable(after);
  if (ib.length === 0 || ia.length === 0)
    throw new RangeError(
      `polarDiff: the ${ib.length === 0 ? "before" : "after"} period has no record with a finite value, wd and ws`,
    );
  // openair binds the periods and runs polarPlot(type = "period"): the speed shift, the speed bins
  // and the direction bin width come from both periods together (polarPlot's wsRange, wdInterval)
  let minC = Infinity,
    maxC = -Infinity,
    all10 = true;
  for (const [s, idx] of [
    [before, ib],
    [after, ia],
  ] as const)
    for (const i of idx) {
      if (s.ws[i] < minC) minC = s.ws[i];
      if (s.ws[i] > maxC) maxC = s.ws[i];
      if (s.wd[i] % 10 !== 0) all10 = false;
    }
  const wsRange: [number, number] = opts.wsRange ? [opts.wsRange[0], opts.wsRange[1]] : [minC, maxC];
  minC = wsRange[0];
  const { limits: _l, resmooth: _r, ...plotOpts } = opts;
  const common: PolarPlotOptions = {
    ...plotOpts,
    smoother: "gam",
    wsRange,
    wdInterval: opts.wdInterval ?? (all10 ? 10 : 5),
  };
  let threshold: number | undefined, upperT: number | undefined;
  const stat = opts.statistic ?? "mean";
  if (stat === "cpf" && !(opts.band && opts.trim !== undefined && opts.trim < 0)) {
    // openair: Pval = quantile(all_data[[pollutant]], percentile / 100) of both periods (trim: of the values ≥ trim × mean)
    let pool: number[] = [...ib.map((i) => before.values[i]), ...ia.map((i) => after.values[i])];
    if (opts.band && opts.trim !== undefined) {
      const mu = pool.reduce((a, b) => a + b, 0) / pool.length;
      pool = pool.filter((c) => c >= mu * opts.trim!);
      if (pool.length === 0) throw new RangeError("polarDiff: no values above the trim level");
    }
    const sorted = Float64Array.from(pool).sort();
    if (opts.band) {
      threshold = quantileType7(sorted, opts.band[0] / 100, { sorted: true });
      upperT = quantileType7(sorted, opts.band[1] / 100, { sorted: true });
    } else {
      const p = opts.percentile ?? 75;
      if (!(p >= 0 && p <= 100)) throw new RangeError(`polarDiff: percentile must be in 0..100, got ${p}`);
      threshold = quantileType7(sorted, p / 100, { sorted: true });
      upperT = Infinity;
    }
    common.band = [threshold, upperT];
    common.trim = -1;
    delete common.percentile;
  }
  const rb = polarPlot(before, common);
  const ra = polarPlot(after, common);
  // one speed scale and radius: the two surfaces share their grid node for node
  const G = rb.gridSize,
    radius = rb.radius,
    step = rb.step;
  const grid: PolarGridPoint[] = [];
  let maxAbs = 0,
    hi = -1,
    lo = -1;
  for (let iy = 0; iy < G; iy++) {
    const v = radius - iy * step;
    for (let ix = 0; ix < G; ix++) {
      const u = -radius + ix * step;
      const g = iy * G + ix;
      const z = ra.grid[g].z - rb.grid[g].z;
      const d = uvToDirection(u, v);
      grid.push({ u, v, wd: Number.isNaN(d) ? 0 : d, ws: Math.hypot(u, v) + minC, z });
      if (!Number.isFinite(z)) continue;
      if (Math.abs(z) > maxAbs) maxAbs = Math.abs(z);
      if (hi < 0 || z > grid[hi].z) hi = g;
      if (lo < 0 || z < grid[lo].z) lo = g;
    }
  }
  if (hi < 0) throw new RangeError("polarDiff: the two surfaces share no unmasked grid point");
  const limits: [number, number] = Array.isArray(opts.limits)
    ? [opts.limits[0], opts.limits[1]]
    : opts.limits === "openair"
      ? ((l) => [-l, l] as [number, number])(openairDiffLimit(maxAbs))
      : [-niceCeiling(maxAbs), niceCeiling(maxAbs)];
  let resmoothed: PolarPlotResult | undefined;
  if (opts.resmooth) {
    const keep = grid.filter((p) => Number.isFinite(p.z));
    resmoothed = polarPlot(
      {
        values: keep.map((p) => p.z),
        wd: keep.map((p) => (p.u === 0 && p.v === 0 ? 0 : p.wd)),
        ws: keep.map((p) => Math.hypot(p.u, p.v)),
      },
      { forcePositive: false, openair: opts.openair, grid: opts.grid },
    );
  }
  return {
    before: rb,
    after: ra,
    grid,
    gridSize: G,
    radius,
    step,
    wsOffset: minC,
    maxAbs,
    maxIncrease: grid[hi],
    maxDecrease: grid[lo],
    limits,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(upperT !== undefined && Number.isFinite(upperT) ? { upper: upperT } : {}),
    ...(resmoothed ? { resmoothed } : {}),
  };
}

/** The smallest 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ that is ≥ x (1 for x = 0). */
function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x * (1 - 1e-6)) return m * p; // 1e-6: a fit rounding over a round number does not double the scale
  return 10 * p;
}

/**
 * openair's polarDiff colour limit L (limits ±L): `lims <- pretty(seq(0, M, 5)); lims[length(lims) − 1]`
 * for M = max |after − before|, with R's `pretty` (R's R_pretty, n = 5, min.n = 1, high.u.bias
 * 1.5, u5.bias 0.5 + 1.5 × 1.5) of the range [0, 5⌊M/5⌋]; for M < 5 the sequence is the single 0,
 * `pretty(0)` is (−1, 0) and openair's limits are (1, −1): ±1.
 * @param maxAbs M, the largest absolute difference (value units)
 * @returns L (value units)
 * @throws {RangeError} when maxAbs is negative or not finite
 */
export function openairDiffLimit(maxAbs: number): number {
  if (!(maxAbs >= 0 && Number.isFinite(maxAbs)))
    throw new RangeError(`openairDiffLimit: maxAbs must be a finite number ≥ 0, got ${maxAbs}`);
  const top = 5 * Math.floor(maxAbs / 5);
  if (top === 0) return 1;
  const cell0 = top / 5;
  const base = 10 ** Math.floor(Math.log10(cell0));
  const h = 1.5,
    h5 = 0.5 + 1.5 * h;
  let unit = base;
  if (2 * base - cell0 < h * (cell0 - unit)) {
    unit = 2 * base;
    if (5 * base - cell0 < h5 * (cell0 - unit)) {
      unit = 5 * base;
      if (10 * base - cell0 < h * (cell0 - unit)) unit = 10 * base;
    }
  }
  let nu = Math.ceil(top / unit - 1e-7);
  while (nu * unit < top - 1e-10 * unit) nu++;
  return (nu - 1) * unit;
}
