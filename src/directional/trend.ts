import { Rng } from "../random/rng";
import { median } from "../stats/median";
import { normalCdf } from "../stats/normal";
import { localCalendar } from "./timevariation";
import { provenance, type Provenance } from "../provenance";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/**
 * Theil–Sen slope: the median of the pairwise slopes (y_j − y_i)/(x_j − x_i) over i < j with
 * x_i ≠ x_j (Theil 1950; Sen 1968, JASA 63:1379); intercept = median(y − slope·x) (Conover).
 * Non-finite pairs are skipped.
 * @throws {RangeError} when x and y differ in length or fewer than 2 points have distinct x
 */
export function theilSen(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; intercept: number; n: number } {
  if (x.length !== y.length) throw new RangeError(`theilSen: ${x.length} x, ${y.length} y`);
  const xs: number[] = [],
    ys: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  const n = xs.length;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (xs[j] !== xs[i]) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  if (slopes.length === 0) throw new RangeError("theilSen: needs at least 2 points with distinct x");
  const slope = median(slopes);
  const intercept = median(ys.map((v, i) => v - slope * xs[i]));
  return { slope, intercept, n };
}

/** One local calendar month of {@link monthlyMeans}. */
export interface MonthlyMean {
  year: number;
  month: number;
  /** Decimal year of the month's middle (year + (month − 0.5)/12). */
  t: number;
  n: number;
  /** Possible records in the month (hours, for hourly data). */
  possible: number;
  capture: number;
  /** Mean; NaN when capture < the threshold. */
  mean: number;
}

/**
 * Monthly means in local time with a data-capture rule: a month's mean is kept only when the
 * finite values cover at least `minCapture` of the month's possible records (`stepMs` apart,
 * default one hour).
 */
export function monthlyMeans(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  utcOffsetMinutes: number,
  opts: { minCapture?: number; stepMs?: number } = {},
): MonthlyMean[] {
  const minCapture = opts.minCapture ?? 0.75,
    step = opts.stepMs ?? 3600000;
  const acc = new Map<number, { s: number; n: number }>();
  let first = Infinity,
    last = -Infinity;
  for (let i = 0; i < times.length; i++) {
    if (!Number.isFinite(times[i])) continue;
    const c = localCalendar(times[i], utcOffsetMinutes);
    const key = c.year * 12 + c.month - 1;
    first = Math.min(first, key);
    last = Math.max(last, key);
    if (!Number.isFinite(values[i])) continue;
    const a = acc.get(key) ?? { s: 0, n: 0 };
    a.s += values[i];
    a.n++;
    acc.set(key, a);
  }
  const out: MonthlyMean[] = [];
  for (let key = first; key <= last; key++) {
    const year = Math.floor(key / 12),
      month = (key % 12) + 1;
    const ms = Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1);
    const possible = Math.round(ms / step);
    const a = acc.get(key) ?? { s: 0, n: 0 };
    const capture = a.n / possible;
    out.push({
      year,
      month,
      t: year + (month - 0.5) / 12,
      n: a.n,
      possible,
      capture,
      mean: capture >= minCapture && a.n > 0 ? a.s / a.n : NaN,
    });
  }
  return out;
}

/** Result of {@link theilSenTrend}. */
export interface TrendResult {
  /** Slope, value units per year, and its bootstrap interval. */
  slope: number;
  lo: number;
  hi: number;
  /** Intercept at decimal year 0 (value units): y = intercept + slope·t. */
  intercept: number;
  /** Slope as % per year of the mean of the monthly means used. */
  slopePct: number;
  /** Mann–Kendall two-sided p-value (normal approximation, no tie correction). */
  pValue: number;
  /** Monthly means used; `y` is the deseasonalised value when requested. */
  months: (MonthlyMean & { y: number })[];
  deseasonalised: boolean;
  /**
   * Account of months below capture that were filled (deseasonalisation only): their value
   * (linear interpolation between the nearest valid months, or the nearest valid month at the
   * ends) entered the moving average / seasonal indices only; the month itself is not in the fit.
   */
  filled: {
    year: number;
    month: number;
    capture: number;
    value: number;
    reason: "below-capture-filled-for-deseasonalisation";
  }[];
  level: number;
  nBoot: number;
  /** Library version, options (deseasonalise, nBoot, level, minCapture, UTC offset) and seed of the bootstrap interval. */
  provenance?: Provenance;
  /** With `type` ({@link theilSenTrend}): the trend of each level. */
  byType?: ByTypeResult<TrendResult>;
}

/**
 * Theil–Sen trend on monthly means (openair `TheilSen`; CONVENTIONS.md §2): monthly means in
 * local time with a data-capture threshold, optionally deseasonalised, slope = median of pairwise
 * slopes per year, with a bootstrap percentile interval (`nBoot` resamples of the months with
 * replacement, seeded) and the Mann–Kendall p-value.
 *
 * Deseasonalisation (differs from openair, which uses STL, Cleveland et al. 1990): classical
 * additive decomposition (Makridakis et al. 1998, ch. 3): the trend-cycle is the centred 2×12
 * moving average of the monthly means, the seasonal index of a calendar month is the mean of
 * (monthly mean − moving average) over the years, centred to sum to zero, and is subtracted from
 * each monthly mean. A linear trend plus any fixed monthly pattern is recovered exactly; it needs
 * at least 24 months from the first to the last month with data (so that every calendar month has
 * a centred 12-month moving average).
 *
 * Months below capture: openair's `TheilSen` (openair 2.18, R/TheilSen.R) fills missing monthly
 * means before `stl` ("fill any missing data using a Kalman filter", `StructTS` + `tsSmooth`).
 * Here, likewise, a month below capture is filled — by linear interpolation between the nearest
 * valid months (the nearest valid month at the series' ends) — for the decomposition only, listed
 * in `filled`, and left out of the slope fit (its `y` is NaN).
 *
 * @param times UTC instants (ms); values any unit; utcOffsetMinutes the site's offset
 * With `type` ({@link TypeOption}) `byType` holds the trend of each level (openair's
 * `TheilSen(type = …)`): each level's monthly means come from its own rows, their capture against
 * the whole month (so a type that splits the hours of a month, such as "daylight" or "wd", needs
 * `minCapture` lowered accordingly — openair's `data.thresh` has the same effect). A level whose
 * trend cannot be fitted (fewer than 3 valid months) throws like the whole series would.
 *
 * @param opts `deseasonalise` (default false), `nBoot` (default 500), `level` (0.95), `seed` (1), `minCapture` (0.75), `type`/`typeData`/`typeOptions`
 * @throws RangeError when fewer than 3 monthly means are valid, or (deseasonalise) the series spans fewer than 24 months, or a `type` cannot be cut
 */
export function theilSenTrend(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  utcOffsetMinutes: number,
  opts: {
    deseasonalise?: boolean;
    nBoot?: number;
    level?: number;
    seed?: number;
    minCapture?: number;
  } & TypeOption = {},
): TrendResult {
  const byType = typedLevels(opts, { times, utcOffsetMinutes, columns: { value: values } }, (sub) =>
    theilSenTrend(sub.pick(times), sub.pick(values), utcOffsetMinutes, { ...opts, type: undefined }),
  );
  const months = monthlyMeans(times, values, utcOffsetMinutes, { minCapture: opts.minCapture });
  const all = theilSenTrendOfMonths(months, utcOffsetMinutes, opts);
  return byType ? { ...all, byType } : all;
}

/**
 * {@link theilSenTrend} from monthly means already computed (e.g. by SQL over a Parquet dataset,
 * with {@link monthlyMeans}' capture rule): the same deseasonalisation, fit, bootstrap interval and
 * Mann–Kendall p-value. `theilSenTrend(t, v, off, o)` is `theilSenTrendOfMonths(monthlyMeans(t, v,
 * off, o), off, o)`. Months must be consecutive (one row per calendar month from the first to the
 * last), with NaN `mean` below capture.
 *
 * @param months consecutive monthly means (`t` decimal year of the month's middle)
 * @param utcOffsetMinutes the site's offset (recorded in the provenance)
 * @throws RangeError when fewer than 3 monthly means are valid, or (deseasonalise) the series spans fewer than 24 months
 */
export function theilSenTrendOfMonths(
  months: readonly MonthlyMean[],
  utcOffsetMinutes: number,
  opts: { deseasonalise?: boolean; nBoot?: number; level?: number; seed?: number; minCapture?: number } = {},
): TrendResult {
  const nBoot = opts.nBoot ?? 500,
    level = opts.level ?? 0.95;
  const ok = months.filter((m) => Number.isFinite(m.mean));
  if (ok.length < 3) throw new RangeError(`theilSenTrend: needs at least 3 valid monthly means, got ${ok.length}`);
  const overall = ok.reduce((s, m) => s + m.mean, 0) / ok.length;
  const filled: TrendResult["filled"] = [];
  let seasonal: number[] | undefined;
  if (opts.deseasonalise) {
    const valid = months.map((m, i) => (Number.isFinite(m.mean) ? i : -1)).filter((i) => i >= 0);
    const series = months.map((m, i) => {
      if (Number.isFinite(m.mean)) return m;
      let lo = -1,
        hi = -1;
      for (const j of valid) {
        if (j < i) lo = j;
        else if (hi < 0) hi = j;
      }
      const value =
        lo < 0
          ? months[hi].mean
          : hi < 0
            ? months[lo].mean
            : months[lo].mean + ((i - lo) / (hi - lo)) * (months[hi].mean - months[lo].mean);
      filled.push({
        year: m.year,
        month: m.month,
        capture: m.capture,
        value,
        reason: "below-capture-filled-for-deseasonalisation",
      });
      return { ...m, mean: value };
    });
    seasonal = seasonalIndices(series);
  }
  const rows = months.map((m) => ({
    ...m,
    y: Number.isFinite(m.mean) && seasonal ? m.mean - seasonal[m.month - 1] : m.mean,
  }));
  const used = rows.filter((r) => Number.isFinite(r.y));
  const x = used.map((r) => r.t),
    y = used.map((r) => r.y);
  const fit = theilSenInterval(x, y, { nBoot, level, seed: opts.seed });
  return {
    slope: fit.slope,
    lo: fit.lo,
    hi: fit.hi,
    intercept: fit.intercept,
    slopePct: (100 * fit.slope) / overall,
    pValue: fit.pValue,
    months: rows,
    deseasonalised: !!opts.deseasonalise,
    filled,
    level,
    nBoot,
    provenance: provenance(
      { deseasonalise: !!opts.deseasonalise, nBoot, level, minCapture: opts.minCapture ?? 0.75, utcOffsetMinutes },
      opts.seed ?? 1,
      { routine: "theilSenTrend" },
    ),
  };
}

/** Result of {@link theilSenInterval}. */
export interface TheilSenInterval {
  /** Theil–Sen slope (y units per x unit) and its bootstrap percentile interval. */
  slope: number;
  lo: number;
  hi: number;
  /** Intercept at x = 0 (Conover). */
  intercept: number;
  /** Mann–Kendall two-sided p-value (normal approximation, no tie correction). */
  pValue: number;
  /** Points used (finite x and y). */
  n: number;
}

/**
 * The fit and interval of {@link theilSenTrend} on any points (x, y): the Theil–Sen slope and
 * intercept ({@link theilSen}), a bootstrap percentile interval of the slope (`nBoot` resamples of
 * the points with replacement, seeded `Rng`, resamples with all-equal x skipped; type-7 quantiles
 * of the resampled slopes at (1 − level)/2 and 1 − (1 − level)/2) and the Mann–Kendall two-sided
 * p-value (S with the normal approximation and continuity correction, Var S = n(n−1)(2n+5)/18, no
 * tie correction; Mann 1945, Kendall 1975). Used on monthly means by {@link theilSenTrend} and on
 * annual means by the network summary.
 *
 * @param x abscissae (e.g. decimal years); y the values (any unit); non-finite pairs are skipped
 * @param opts `nBoot` (default 500), `level` (0.95), `seed` (1)
 * @throws RangeError when x and y differ in length or fewer than 2 points have distinct x
 */
export function theilSenInterval(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: { nBoot?: number; level?: number; seed?: number } = {},
): TheilSenInterval {
  if (x.length !== y.length) throw new RangeError(`theilSenInterval: ${x.length} x, ${y.length} y`);
  const nBoot = opts.nBoot ?? 500,
    level = opts.level ?? 0.95;
  const xs: number[] = [],
    ys: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  const fit = theilSen(xs, ys);
  const rng = new Rng(opts.seed ?? 1);
  const bs: number[] = [];
  const k = xs.length;
  for (let b = 0; b < nBoot; b++) {
    const xb: number[] = [],
      yb: number[] = [];
    for (let i = 0; i < k; i++) {
      const j = rng.int(k);
      xb.push(xs[j]);
      yb.push(ys[j]);
    }
    try {
      bs.push(theilSen(xb, yb).slope);
    } catch {
      /* all-equal x resample: skipped */
    }
  }
  const sorted = Float64Array.from(bs).sort();
  const q = (p: number) => {
    const h = (sorted.length - 1) * p,
      l = Math.floor(h);
    return l + 1 < sorted.length ? sorted[l] + (h - l) * (sorted[l + 1] - sorted[l]) : sorted[l];
  };
  // Mann–Kendall S
  let S = 0;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) S += Math.sign((ys[j] - ys[i]) * Math.sign(xs[j] - xs[i]));
  const varS = (k * (k - 1) * (2 * k + 5)) / 18;
  const z = S > 0 ? (S - 1) / Math.sqrt(varS) : S < 0 ? (S + 1) / Math.sqrt(varS) : 0;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return {
    slope: fit.slope,
    lo: q((1 - level) / 2),
    hi: q(1 - (1 - level) / 2),
    intercept: fit.intercept,
    pValue,
    n: k,
  };
}

/**
 * Seasonal indices (12, January first, summing to 0) of classical additive decomposition: mean
 * over the years of (monthly mean − centred 2×12 moving average). Months are consecutive.
 *
 * @throws RangeError when some calendar month has no centred moving average (fewer than 24 consecutive months, or gaps); the message gives the months counted
 */
export function seasonalIndices(months: { month: number; mean: number }[]): number[] {
  const y = months.map((m) => m.mean);
  const dev: number[][] = Array.from({ length: 12 }, () => []);
  for (let i = 6; i + 6 < y.length; i++) {
    let s = 0,
      ok = true;
    for (let k = -6; k <= 6; k++) {
      const v = y[i + k];
      if (!Number.isFinite(v)) {
        ok = false;
        break;
      }
      s += (k === -6 || k === 6 ? 0.5 : 1) * v;
    }
    if (ok) dev[months[i].month - 1].push(y[i] - s / 12);
  }
  if (dev.some((d) => d.length === 0)) {
    const missing = dev.map((d, k) => (d.length === 0 ? k + 1 : 0)).filter((k) => k > 0);
    throw new RangeError(
      `theilSenTrend: deseasonalisation needs a centred 12-month moving average (13 consecutive valid monthly means) for every calendar month; got ${y.length} months (${y.filter((v) => Number.isFinite(v)).length} valid), none for month(s) ${missing.join(", ")}; at least 24 consecutive months are needed`,
    );
  }
  const idx = dev.map((d) => d.reduce((a, b) => a + b, 0) / d.length);
  const mean = idx.reduce((a, b) => a + b, 0) / 12;
  return idx.map((v) => v - mean);
}
