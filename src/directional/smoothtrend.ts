/**
 * openair's `smoothTrend` (openair 2.18, R/smoothTrend.R and the `fitGam`/`panel.gam` helpers of
 * R/utilities.R; its reference page,
 * https://davidcarslaw.github.io/openair/reference/smoothTrend.html): a GAM
 * smooth of monthly (or seasonal, yearly) means with a 95 % band, analytic or by a residual
 * block bootstrap.
 */

import { Rng } from "../random/rng";
import { gamSmooth1d, type GamSmooth1d } from "../stats/tprs1d";
import { normalQuantile } from "../stats/normal";
import { quantileType7 } from "../stats/quantile";
import { provenance, type Provenance } from "../provenance";
import { timeAverage } from "./timeaverage";
import { mostCommonGap } from "./periods";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";
import { stl } from "../stats/stl";

/** Options of {@link smoothTrend}. */
export interface SmoothTrendOptions extends TypeOption {
  /** Averaging period (openair `avg.time`): "month" (default), "season" or "year". */
  avgTime?: "month" | "season" | "year";
  /** Statistic of each period (openair `statistic`): "mean" (default) or "percentile". */
  statistic?: "mean" | "percentile";
  /** Percentile for `statistic: "percentile"`, 0–100 (default 95). */
  percentile?: number;
  /** Data-capture threshold of a period, % (openair `data.thresh`, default 0). */
  dataThresh?: number;
  /** Deseasonalise the period means first (openair `deseason`, default false; monthly means only). */
  deseason?: boolean;
  /** Basis dimension of the smooth (openair/mgcv `k`; default mgcv's 10). */
  k?: number;
  /** Band by the residual bootstrap (openair `simulate`, default false: the analytic band from the fit's standard errors). */
  simulate?: boolean;
  /** Bootstrap resamples (openair `n`, default 200). */
  nBoot?: number;
  /** Resample residuals in blocks of round(n^(1/3)) periods (openair `autocor`, default false: single residuals). */
  autocor?: boolean;
  /** Level of the band (default 0.95; openair fixes 95 %). */
  level?: number;
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Points of the fitted curve from the first to the last valid period (openair `n = 100`). */
  nPoints?: number;
  /**
   * Reproduce openair's own behaviour where it differs (see {@link smoothTrend}): the bootstrap
   * refits `gam(y ~ s(x))` — mgcv's default k, no `select` — on an evenly spaced x of as many
   * points as periods, and its curve is the mean of the resamples. Default false.
   */
  openair?: boolean;
}

/** A period below capture filled for the deseasonalisation only ({@link smoothTrend}). */
export interface StlFill {
  /** Period start, UTC ms. */
  time: number;
  /** The value used in the decomposition (linear interpolation between the nearest valid periods). */
  value: number;
  reason: "missing-filled-for-deseasonalisation";
}

/** One period of {@link smoothTrend}. */
export interface SmoothTrendPeriod {
  /** Period start, UTC ms (local first of the month, season or year at the site's offset). */
  time: number;
  /** The period's statistic (NaN below the capture threshold). */
  value: number;
  /** The value fitted: `value`, or the deseasonalised value (NaN where `value` is NaN). */
  y: number;
}

/** One point of the fitted curve of {@link smoothTrend}. */
export interface SmoothTrendPoint {
  /** UTC ms. */
  time: number;
  /** Fitted value (value units). */
  pred: number;
  lower: number;
  upper: number;
}

/** Result of {@link smoothTrend}. */
export interface SmoothTrendResult {
  /** The averaging period and the site's offset (minutes east of UTC). */
  avgTime: "month" | "season" | "year";
  utcOffsetMinutes: number;
  /** The periods from the first to the last valid one. */
  periods: SmoothTrendPeriod[];
  /** The fitted curve and its band. */
  fit: SmoothTrendPoint[];
  /** Effective degrees of freedom of the GAM (intercept included) and its smoothing parameters. */
  edf: number;
  lambdas: number[];
  /** Whether the values were deseasonalised (false also when asked but the series has ≤ 24 periods, as openair). */
  deseasonalised: boolean;
  /** Deseasonalisation only: periods below capture filled for the decomposition, with the value used. */
  filled: StlFill[];
  /** How the band was made. */
  band: "analytic" | "bootstrap";
  level: number;
  nBoot: number;
  /** Library version, options and seed (of the bootstrap). */
  provenance: Provenance;
  /** With `type`: the trend of each level. */
  byType?: ByTypeResult<SmoothTrendResult>;
}

/**
 * openair's `smoothTrend`: the trend of period means (monthly by default) smoothed by a GAM, with
 * a 95 % band (openair 2.18 R/smoothTrend.R, R/utilities.R `fitGam`, `panel.gam`; Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52–61;
 * the GAM: Wood 2017, *Generalized Additive Models*, 2nd ed.).
 *
 * 1. Period statistics by {@link timeAverage} (openair calls `timeAverage(avg.time, statistic,
 *    percentile, data.thresh, interval)` with the interval of the whole series), local to the
 *    site's offset; leading and trailing periods without a value are dropped.
 * 2. `deseason` (monthly, more than 24 periods; openair silently skips it for ≤ 24, and so does
 *    this function — `deseasonalised` says so): {@link stl}, openair's `stl(s.window = 11,
 *    robust = TRUE, s.degree = 1)`, trend + remainder.
 * 3. The GAM: `gam(y ~ s(x), select = TRUE)` (`s(x, k = k)` with `k`), x = the period start in
 *    seconds since 1970 — {@link gamSmooth1d}: thin-plate regression spline, null-space penalty,
 *    smoothing parameters by GCV. Predicted at `nPoints` (100) evenly spaced instants from the
 *    first to the last valid period, band fit ± z·se with z = Φ⁻¹(level/2 + 1/2) (openair: `qnorm`).
 * 4. `simulate`: residual bootstrap (openair `panel.gam`): residuals of the fit resampled in
 *    overlapping blocks of length 1 (round(n^(1/3)) with `autocor`; openair `samp.boot.block`:
 *    block starts uniform on 1…n − L + 1, blocks concatenated and cut to n), added to the fitted
 *    values, the GAM refitted to each of `nBoot` resamples; the band is the type-7 quantiles
 *    (1 ∓ level)/2 of the resampled curves (seeded {@link Rng}; same seed, same bits).
 *
 * Differences from openair (openair's behaviour with `openair: true` where marked):
 * - The bootstrap refits the same model at the periods' own times and the curve is the fit to the
 *   data. openair (`openair: true`) refits `gam(y ~ s(x))` — dropping `k` and `select` — with the
 *   resampled values placed on an evenly spaced x of n points (not the periods' times, which are
 *   months of 28–31 days and may have gaps), and its curve is the mean of the resamples; its band
 *   is always 95 %. openair also only draws the bootstrap band: the `fit` it returns is the analytic one.
 * - The smoothing parameters are the GCV minimum (found by a scan and Nelder–Mead); mgcv's `magic`
 *   optimiser can stop short of it with `select = TRUE` (on one simulated 8-year monthly series:
 *   GCV 27.699 against the minimum 27.697 that mgcv's own score reaches at other smoothing
 *   parameters, curves within 0.7 % of the mean); on the comparison series of
 *   `scripts/compare-openair/smoothtrend.case.mjs` the curves agree to 2·10⁻⁶. Without `select`
 *   they agree to 10⁻⁷.
 * - `avgTime: "season"`: a season is stamped at its start (1 Dec, 1 Mar, …; {@link timeAverage});
 *   openair stamps the mean time of its records, so the x of the fit differs by about 1.5 months.
 * - One percentile per call (openair also takes several and draws them together).
 * - `deseason`: openair fills missing months by a Kalman smoother (`StructTS` + `tsSmooth`); here
 *   they are filled by linear interpolation and listed in `filled` (equal where no month is missing).
 *
 * @param times UTC instants (ms); values the series (any unit; NaN missing); utcOffsetMinutes the site's offset
 * @param opts {@link SmoothTrendOptions}
 * @throws {RangeError} when times and values differ in length, an option is out of range, there are fewer than k + 1 valid periods, or a `type` cannot be cut
 */
export function smoothTrend(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  utcOffsetMinutes: number,
  opts: SmoothTrendOptions = {},
): SmoothTrendResult {
  if (times.length !== values.length)
    throw new RangeError(`smoothTrend: ${times.length} times, ${values.length} values`);
  const sorted = Float64Array.from(times)
    .filter((t) => Number.isFinite(t))
    .sort();
  const gap = mostCommonGap(sorted);
  const days = gap / 86400000;
  const interval = !Number.isFinite(gap)
    ? undefined
    : days === 31
      ? "month"
      : days === 365 || days === 366
        ? "year"
        : `${gap / 1000} sec`;
  const byType = typedLevels(opts, { times, utcOffsetMinutes, columns: { value: values } }, (sub) =>
    smoothTrendOf(sub.pick(times), sub.pick(values), utcOffsetMinutes, opts, interval),
  );
  const all = smoothTrendOf(times, values, utcOffsetMinutes, opts, interval);
  return byType ? { ...all, byType } : all;
}

function smoothTrendOf(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  off: number,
  opts: SmoothTrendOptions,
  interval: string | undefined,
): SmoothTrendResult {
  const avgTime = opts.avgTime ?? "month";
  if (!["month", "season", "year"].includes(avgTime))
    throw new RangeError(`smoothTrend: avgTime must be "month", "season" or "year", got ${String(avgTime)}`);
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`smoothTrend: level must be in (0, 1), got ${level}`);
  const nBoot = opts.nBoot ?? 200;
  if (!(Number.isInteger(nBoot) && nBoot >= 2))
    throw new RangeError(`smoothTrend: nBoot must be an integer ≥ 2, got ${nBoot}`);
  const nPoints = opts.nPoints ?? 100;
  if (!(Number.isInteger(nPoints) && nPoints >= 2))
    throw new RangeError(`smoothTrend: nPoints must be an integer ≥ 2, got ${nPoints}`);
  const ta = timeAverage(
    { times, utcOffsetMinutes: off, columns: { value: values } },
    {
      avgTime,
      statistic: opts.statistic ?? "mean",
      percentile: opts.percentile,
      dataThresh: opts.dataThresh ?? 0,
      interval,
    },
  );
  const v = ta.columns.value;
  let first = -1,
    last = -1;
  for (let i = 0; i < v.length; i++)
    if (Number.isFinite(v[i])) {
      if (first < 0) first = i;
      last = i;
    }
  if (first < 0) throw new RangeError("smoothTrend: no period has a value");
  const t = Array.from(ta.times.subarray(first, last + 1));
  const value = Array.from(v.subarray(first, last + 1));
  let y = value;
  let deseasonalised = false;
  let filled: StlFill[] = [];
  if (opts.deseason && avgTime === "month" && value.length > 24) {
    const full = value.slice();
    for (let i = 0; i < full.length; i++) {
      if (Number.isFinite(full[i])) continue;
      let lo = i - 1,
        hi = i + 1;
      while (!Number.isFinite(value[lo])) lo--;
      while (!Number.isFinite(value[hi])) hi++;
      full[i] = value[lo] + ((i - lo) / (hi - lo)) * (value[hi] - value[lo]);
      filled.push({ time: t[i], value: full[i], reason: "missing-filled-for-deseasonalisation" });
    }
    const d = stl(full, 12, { sWindow: 11, sDegree: 1, robust: true });
    y = value.map((x, i) => (Number.isFinite(x) ? x - d.seasonal[i] : NaN));
    deseasonalised = true;
  }
  const xs: number[] = [],
    ys: number[] = [];
  for (let i = 0; i < t.length; i++)
    if (Number.isFinite(y[i])) {
      xs.push(t[i] / 1000);
      ys.push(y[i]);
    }
  const k = opts.k ?? 10;
  if (xs.length <= k) throw new RangeError(`smoothTrend: needs more than k = ${k} valid periods, got ${xs.length}`);
  const model = gamSmooth1d(xs, ys, { k, select: !(opts.simulate && opts.openair) });
  const x0 = xs[0],
    x1 = xs[xs.length - 1];
  const grid = (m: number) => Array.from({ length: m }, (_, i) => x0 + ((x1 - x0) * i) / (m - 1));
  let fit: SmoothTrendPoint[];
  if (!opts.simulate) {
    const g = grid(nPoints);
    const p = model.predict(g);
    const z = normalQuantile(level / 2 + 0.5);
    fit = g.map((x, i) => ({
      time: x * 1000,
      pred: p.fit[i],
      lower: p.fit[i] - z * p.se[i],
      upper: p.fit[i] + z * p.se[i],
    }));
  } else fit = bootstrapBand(model, xs, k, nBoot, level, opts, grid);
  const periods = t.map((time, i) => ({ time, value: value[i], y: y[i] }));
  return {
    avgTime,
    utcOffsetMinutes: off,
    periods,
    fit,
    edf: model.edf,
    lambdas: model.lambdas,
    deseasonalised,
    filled,
    band: opts.simulate ? "bootstrap" : "analytic",
    level,
    nBoot,
    provenance: provenance(
      {
        avgTime,
        statistic: opts.statistic ?? "mean",
        percentile: opts.percentile,
        dataThresh: opts.dataThresh ?? 0,
        deseason: !!opts.deseason,
        k,
        simulate: !!opts.simulate,
        nBoot,
        autocor: !!opts.autocor,
        level,
        openair: !!opts.openair,
        utcOffsetMinutes: off,
      },
      opts.seed ?? 1,
      { routine: "smoothTrend" },
    ),
  };
}

/**
 * Block indices of openair's `samp.boot.block(n, B, L)` for one resample: ⌈n/L⌉ overlapping blocks
 * of L consecutive indices, each starting uniformly on 0…n − L, concatenated and cut to n.
 */
function blockIndices(n: number, L: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  let j = 0;
  while (j < n) {
    const s = rng.int(n - L + 1);
    for (let l = 0; l < L && j < n; l++) out[j++] = s + l;
  }
  return out;
}

function bootstrapBand(
  model: GamSmooth1d,
  xs: number[],
  k: number,
  nBoot: number,
  level: number,
  opts: SmoothTrendOptions,
  grid: (m: number) => number[],
): SmoothTrendPoint[] {
  const n = xs.length;
  const L = opts.autocor ? Math.round(Math.pow(n, 1 / 3)) : 1;
  const rng = new Rng(opts.seed ?? 1);
  const oa = !!opts.openair;
  const at = oa ? grid(n) : grid(opts.nPoints ?? 100);
  const xFit = oa ? at : xs;
  const boots: Float64Array[] = [];
  for (let b = 0; b < nBoot; b++) {
    const idx = blockIndices(n, L, rng);
    const yb = Array.from(model.fitted, (f, i) => f + model.residuals[idx[i]]);
    const m = gamSmooth1d(xFit, yb, oa ? {} : { k, select: true, start: model.rho });
    boots.push(m.predict(at).fit);
  }
  const lo = oa ? 0.025 : (1 - level) / 2,
    hi = oa ? 0.975 : 1 - (1 - level) / 2;
  const centre = oa ? null : model.predict(at).fit;
  const col = new Float64Array(nBoot);
  return at.map((x, i) => {
    let s = 0;
    for (let b = 0; b < nBoot; b++) {
      col[b] = boots[b][i];
      s += col[b];
    }
    return {
      time: x * 1000,
      pred: centre ? centre[i] : s / nBoot,
      lower: quantileType7(col, lo),
      upper: quantileType7(col, hi),
    };
  });
}
