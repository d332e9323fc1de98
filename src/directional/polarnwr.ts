import { weightedLine, weightedPearson, weightedSpearman } from "../stats/weighted";
import { huberRegression, yorkRegression } from "../stats/york";
import { quantileRegression } from "../stats/quantreg";
import { checkWindSpeeds, uvToDirection } from "./wind";
import type { PolarGridPoint } from "./polarplot";

/** Kernel-weighted two-pollutant statistic of {@link polarPairStatistic}. */
export type PolarPairStatistic = "r" | "spearman" | "robust-slope" | "quantile-slope" | "york-slope";

/** Input of {@link polarPairStatistic}: two series y and x (slopes are dy/dx) with the wind of each record. */
export interface PolarPairSeries {
  /** The first pollutant (openair's `pollutant[1]`; the response of the slopes), any unit. */
  y: ArrayLike<number>;
  /** The second pollutant (openair's `pollutant[2]`; the predictor of the slopes), any unit. */
  x: ArrayLike<number>;
  /** Wind direction, degrees clockwise from north (from which the wind blows). */
  wd: ArrayLike<number>;
  /** Wind speed, m/s (or openair's other radial variable `x`, in its unit). */
  ws: ArrayLike<number>;
  /** Standard uncertainties of y and x (their units), needed by `york-slope` (openair's `y_error`, `x_error`). */
  yError?: ArrayLike<number>;
  xError?: ArrayLike<number>;
}

/** Options of {@link polarPairStatistic}. */
export interface PolarPairOptions {
  /** The statistic (default `r`): openair's "r"/"Pearson", "Spearman", "robust_slope", "quantile_slope", "york_slope". */
  statistic?: PolarPairStatistic;
  /** σ of the Gaussian kernel in wind speed, m/s (default 1.5, openair's `ws_spread` in the code; its help page says 0.5). */
  wsSpread?: number;
  /** σ of the Gaussian kernel in wind direction, degrees (default 5, openair's `wd_spread`; its help page says 4). */
  wdSpread?: number;
  /** Quantile level τ of `quantile-slope` (default 0.5, openair's `tau`). */
  tau?: number;
  /** A point needs at least this many records with weight > `weightCut` (default 100, openair's). */
  minRecords?: number;
  /** Records with a relative kernel weight ≤ this are left out (default 0.001, openair's). */
  weightCut?: number;
  /** Square grid points per axis for the figure (default 51, openair's prediction grid; 0 = none). */
  grid?: number;
  /** Direction step of openair's evaluation points, degrees (default: 10 when every wd is a multiple of 10, else 5, as openair). */
  wdInterval?: number;
  /**
   * `true` reproduces openair's direction difference wd − wd₀, which is wrapped only when below
   * −180° (so a point at 10° does not see records at 355°, 15° away across north). Default
   * `false`: the difference is wrapped into [−180°, 180°) both ways.
   */
  openairWrap?: boolean;
}

/** One evaluation point of {@link polarPairStatistic}: position and the kernel-weighted statistic. */
export interface PolarPairPoint {
  /** Radial value above the minimum (m/s; openair's shifted x) and direction (degrees). */
  ws: number;
  wd: number;
  /** Plotting position u = ws·sin(wd), v = ws·cos(wd), m/s. */
  u: number;
  v: number;
  /** The statistic (NaN: fewer than `minRecords` records, or no fit). */
  z: number;
  /** Records with weight > `weightCut`. */
  n: number;
}

/** Result of {@link polarPairStatistic}. */
export interface PolarPairResult {
  statistic: PolarPairStatistic;
  /** openair's evaluation points: 30 speeds from 0 to the maximum × directions wdInterval..360. */
  points: PolarPairPoint[];
  /** The statistic evaluated at each point of a square (u, v) grid (NaN outside the radius), row by row from the top. */
  grid: PolarGridPoint[];
  gridSize: number;
  /** Outer radius (m/s above the minimum speed) and grid spacing (m/s). */
  radius: number;
  step: number;
  /** The minimum speed subtracted from every record (openair's x − min(x)), m/s. */
  wsOffset: number;
  wsSpread: number;
  wdSpread: number;
  wdInterval: number;
  /** The grid point with the largest finite statistic (undefined when there is none or no grid). */
  max?: PolarGridPoint;
  /** Records used (finite wd, ws, y, x and, for `york-slope`, errors). */
  n: number;
}

const STATS: readonly PolarPairStatistic[] = ["r", "spearman", "robust-slope", "quantile-slope", "york-slope"];

/**
 * Kernel-weighted two-pollutant statistics by wind speed and direction: openair's `polarPlot`
 * with `statistic = "r"` (or "Pearson"), "Spearman", "robust_slope", "quantile_slope" or
 * "york_slope" and two pollutants (Grange, S. K., Carslaw, D. C. & Lewis, A. C. (2016), "Source
 * apportionment advances using polar plots of bivariate correlation and regression statistics",
 * Atmos. Environ. 145:128–134, doi:10.1016/j.atmosenv.2016.09.016; openair manual, `polarPlot`,
 * "statistic"). At a point (ws₀, wd₀) every record gets the Gaussian kernel weight
 * w = exp(−½[(ws − ws₀)²/σ_ws² + (wd − wd₀)²/σ_wd²]) divided by the largest weight at that point;
 * the records with w > 0.001 are kept, and with fewer than 100 the point has no value. The
 * statistic of y and x under those weights: `r` = weighted Pearson ({@link weightedPearson}),
 * `spearman` = weighted Spearman ({@link weightedSpearman}, wCorr's weighted ranks),
 * `robust-slope` = Huber M-estimate slope ({@link huberRegression}, `MASS::rlm(y ~ x, weights = w)`),
 * `quantile-slope` = slope of the weighted τ-quantile regression min Σ w·ρ_τ(y − a − bx)
 * (Koenker & Bassett 1978; openair's `quantreg::rq(..., weights = w)`), `york-slope` = York
 * (2004) slope ({@link yorkRegression}) with the uncertainties divided by w, as openair's
 * `YorkFit(weight = w)`; records whose x or y uncertainty is 0 (e.g. an Xact "not detected" 0.0)
 * have no York weight and are left out of the fit, as openair's sums leave them out (their
 * weight is NaN under `na.rm = TRUE`); they still count toward the 100 records and, as in openair,
 * in the ordinary least-squares slope the iteration starts from. As openair, speeds are shifted to ws − min(ws) first, and the
 * evaluation points are 30 speeds from 0 to the maximum × directions wdInterval, 2·wdInterval, …,
 * 360 (`points`). These are the values openair's polarPlot then smooths with its GAM surface;
 * here they are also evaluated directly on a square (u, v) grid (`grid`, drawn by
 * {@link polarPairSpec}), without a further smoother.
 *
 * Difference from openair: openair wraps the direction difference only when it is below −180°,
 * so evaluation points between 0° and 180° miss the records on the other side of north (a
 * measured defect: at wd₀ = 5° a record at 355° gets weight 0 instead of exp(−2)); aozora wraps
 * both ways, `openairWrap: true` reproduces openair.
 *
 * @param s y, x (any units), wd (degrees), ws (m/s); yError, xError for `york-slope`
 * @param opts statistic, kernel spreads, τ, minimum records, grid size, openair's wrap
 * @returns openair's evaluation points, the square grid and its maximum
 * @throws {RangeError} when the statistic is unknown, lengths differ, a wind speed is negative, `york-slope` lacks errors, a spread, τ, weightCut, wdInterval or grid is out of range, or no record is usable
 */
export function polarPairStatistic(s: PolarPairSeries, opts: PolarPairOptions = {}): PolarPairResult {
  const stat = opts.statistic ?? "r";
  if (!STATS.includes(stat))
    throw new RangeError(`polarPairStatistic: unknown statistic "${stat}" (${STATS.join(", ")})`);
  const n0 = s.y.length;
  if (s.x.length !== n0 || s.wd.length !== n0 || s.ws.length !== n0)
    throw new RangeError(
      `polarPairStatistic: y (${n0}), x (${s.x.length}), wd (${s.wd.length}) and ws (${s.ws.length}) differ in length`,
    );
  checkWindSpeeds(s.ws, "polarPairStatistic");
  const york = stat === "york-slope";
  if (york && (!s.xError || !s.yError)) throw new RangeError("polarPairStatistic: york-slope needs xError and yError");
  if (york && (s.xError!.length !== n0 || s.yError!.length !== n0))
    throw new RangeError("polarPairStatistic: xError and yError must have the length of y");
  const sWs = opts.wsSpread ?? 1.5,
    sWd = opts.wdSpread ?? 5,
    tau = opts.tau ?? 0.5,
    minN = opts.minRecords ?? 100,
    cut = opts.weightCut ?? 0.001,
    G = opts.grid ?? 51;
  if (!(sWs > 0) || !(sWd > 0)) throw new RangeError("polarPairStatistic: wsSpread and wdSpread must be > 0");
  if (!(tau > 0 && tau < 1)) throw new RangeError(`polarPairStatistic: tau must be in (0, 1), got ${tau}`);
  if (!(cut >= 0 && cut < 1)) throw new RangeError(`polarPairStatistic: weightCut must be in [0, 1), got ${cut}`);
  if (!Number.isInteger(minN) || minN < 3)
    throw new RangeError(`polarPairStatistic: minRecords must be an integer ≥ 3`);
  if (!(G === 0 || (Number.isInteger(G) && G >= 5)))
    throw new RangeError(`polarPairStatistic: grid must be 0 or an integer ≥ 5, got ${G}`);
  // records with every needed value (openair's na.omit)
  const keep: number[] = [];
  for (let i = 0; i < n0; i++) {
    if (![s.y[i], s.x[i], s.wd[i], s.ws[i]].every(Number.isFinite)) continue;
    if (york && !(Number.isFinite(s.xError![i]) && Number.isFinite(s.yError![i]))) continue;
    keep.push(i);
  }
  const n = keep.length;
  if (n === 0) throw new RangeError("polarPairStatistic: no record has finite y, x, wd and ws");
  const Y = Float64Array.from(keep, (i) => s.y[i]),
    X = Float64Array.from(keep, (i) => s.x[i]),
    WD = Float64Array.from(keep, (i) => s.wd[i]),
    WS = Float64Array.from(keep, (i) => s.ws[i]);
  const XE = york ? Float64Array.from(keep, (i) => s.xError![i]) : null,
    YE = york ? Float64Array.from(keep, (i) => s.yError![i]) : null;
  let wsMin = Infinity,
    wsMax = -Infinity,
    all10 = true;
  for (let i = 0; i < n; i++) {
    if (WS[i] < wsMin) wsMin = WS[i];
    if (WS[i] > wsMax) wsMax = WS[i];
    if (WD[i] % 10 !== 0) all10 = false;
  }
  for (let i = 0; i < n; i++) WS[i] -= wsMin;
  const radius = wsMax - wsMin;
  if (!(radius > 0)) throw new RangeError("polarPairStatistic: the wind speeds do not vary");
  const wdInt = opts.wdInterval ?? (all10 ? 10 : 5);
  if (!(wdInt > 0 && 360 % wdInt === 0))
    throw new RangeError(`polarPairStatistic: wdInterval must divide 360, got ${wdInt}`);
  const wrapBoth = opts.openairWrap !== true;
  const e = new Float64Array(n);
  const iWs = 1 / (sWs * sWs),
    iWd = 1 / (sWd * sWd);
  const sel = new Int32Array(n),
    wsel = new Float64Array(n);

  const evaluate = (ws0: number, wd0: number): { z: number; m: number } => {
    let eMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = WS[i] - ws0;
      let d = WD[i] - wd0;
      if (d < -180) d += 360;
      else if (wrapBoth && d >= 180) d -= 360;
      const v = -0.5 * (a * a * iWs + d * d * iWd);
      e[i] = v;
      if (v > eMax) eMax = v;
    }
    let m = 0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(e[i] - eMax);
      if (w > cut) {
        sel[m] = i;
        wsel[m] = w;
        m++;
      }
    }
    if (m < minN) return { z: NaN, m };
    const y = new Float64Array(m),
      x = new Float64Array(m),
      w = wsel.subarray(0, m);
    for (let k = 0; k < m; k++) {
      y[k] = Y[sel[k]];
      x[k] = X[sel[k]];
    }
    let z = NaN;
    try {
      if (stat === "r") z = weightedPearson(x, y, w);
      else if (stat === "spearman") z = weightedSpearman(x, y, w);
      else if (stat === "robust-slope") z = huberRegression(x, y, { weights: w }).slope;
      else if (stat === "quantile-slope") {
        const rows = Array.from({ length: m }, (_, k) => [w[k], w[k] * x[k]]);
        z = quantileRegression(
          rows,
          Float64Array.from(y, (v, k) => v * w[k]),
          tau,
        ).coefficients[1];
      } else {
        // records with an uncertainty of 0 have no York weight: openair's sums skip them (NaN, na.rm)
        const ok: number[] = [];
        for (let k = 0; k < m; k++) if (XE![sel[k]] > 0 && YE![sel[k]] > 0) ok.push(k);
        const sx = Float64Array.from(ok, (k) => XE![sel[k]] / w[k]);
        const sy = Float64Array.from(ok, (k) => YE![sel[k]] / w[k]);
        z = yorkRegression(
          Float64Array.from(ok, (k) => x[k]),
          Float64Array.from(ok, (k) => y[k]),
          sx,
          sy,
          { initialSlope: weightedLine(x, y, new Float64Array(m).fill(1)).slope }, // openair's start: OLS of all m
        ).slope;
      }
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      z = NaN; // a singular fit at this point (openair's try-error → NA)
    }
    return { z: Number.isFinite(z) ? z : NaN, m };
  };

  const points: PolarPairPoint[] = [];
  const nWs = 30;
  for (let b = 360 / wdInt, a = 1; a <= b; a++) {
    const wd = a * wdInt;
    for (let k = 0; k < nWs; k++) {
      const ws = (radius * k) / (nWs - 1);
      const { z, m } = evaluate(ws, wd);
      points.push({ ws, wd, u: ws * Math.sin((wd * Math.PI) / 180), v: ws * Math.cos((wd * Math.PI) / 180), z, n: m });
    }
  }
  const grid: PolarGridPoint[] = [];
  const step = G > 0 ? (2 * radius) / (G - 1) : 0;
  let best = -1;
  for (let iy = 0; iy < G; iy++) {
    const v = radius - iy * step;
    for (let ix = 0; ix < G; ix++) {
      const u = -radius + ix * step;
      const r = Math.hypot(u, v);
      const wdp = uvToDirection(u, v);
      const wd = Number.isNaN(wdp) ? 0 : wdp;
      const z = r <= radius + 1e-9 ? evaluate(r, wd).z : NaN;
      grid.push({ u, v, wd, ws: r, z });
      if (Number.isFinite(z) && (best < 0 || z > grid[best].z)) best = grid.length - 1;
    }
  }
  return {
    statistic: stat,
    points,
    grid,
    gridSize: G,
    radius,
    step,
    wsOffset: wsMin,
    wsSpread: sWs,
    wdSpread: sWd,
    wdInterval: wdInt,
    ...(best >= 0 ? { max: grid[best] } : {}),
    n,
  };
}
