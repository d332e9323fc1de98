import { mean } from "../stats/moments";
import { median } from "../stats/median";
import { demingRegression, type DemingResult } from "../stats/deming";

/** One filter sample matched with the continuous series of {@link compareWithFilter}. */
export interface FilterPair {
  /** Filter sampling period [start, end), UTC ms. */
  start: number;
  end: number;
  /** Filter value and mean of the continuous (e.g. Xact) values inside the period (same unit). */
  filter: number;
  continuous: number;
  /** Finite continuous values in the period / possible records. */
  capture: number;
  /** continuous / filter. */
  ratio: number;
  /** True when both values are finite and capture ≥ the threshold. */
  used: boolean;
}

/** Result of {@link compareWithFilter}. */
export interface FilterComparison {
  pairs: FilterPair[];
  n: number;
  /** Mean and median of the per-sample ratios continuous/filter, and the ratio of the means. */
  meanRatio: number;
  medianRatio: number;
  ratioOfMeans: number;
  /** Deming regression continuous = intercept + slope · filter (NaN fields when n < 3). */
  deming: DemingResult | null;
  /** Squared Pearson correlation. */
  r2: number;
  /** Mean bias continuous − filter (value unit) and as % of the filter mean. */
  bias: number;
  biasPct: number;
}

/**
 * Compare a continuous series (e.g. hourly Xact) with filter (offline) samples on matching
 * periods: the continuous values are averaged over each filter period [start, end) with a
 * data-capture threshold (default 0.75 of the possible records, `stepMs` apart, default 1 h),
 * then: per-sample ratio continuous/filter, Deming regression (errors in both methods,
 * δ = `errorRatio`, default 1; Cornbleet & Gochman 1979), r², and mean bias.
 *
 * @param continuous `times` (UTC ms, record starts) and `values`
 * @param filter `start`, `end` (UTC ms) and `values`, in the same unit as the continuous values
 * @throws {RangeError} when times and values differ in length, or a filter sample ends before it starts
 */
export function compareWithFilter(
  continuous: { times: ArrayLike<number>; values: ArrayLike<number> },
  filter: { start: ArrayLike<number>; end: ArrayLike<number>; values: ArrayLike<number> },
  opts: { minCapture?: number; stepMs?: number; errorRatio?: number } = {},
): FilterComparison {
  const minCapture = opts.minCapture ?? 0.75,
    step = opts.stepMs ?? 3600000;
  const t = continuous.times,
    v = continuous.values;
  if (t.length !== v.length) throw new RangeError("compareWithFilter: continuous times and values differ in length");
  const nf = filter.values.length;
  if (filter.start.length !== nf || filter.end.length !== nf)
    throw new RangeError("compareWithFilter: filter start, end and values differ in length");
  const order = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t[a] - t[b]);
  const ts = Float64Array.from(order, (i) => t[i]),
    vs = Float64Array.from(order, (i) => v[i]);
  const lower = (x: number) => {
    let lo = 0,
      hi = ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const pairs: FilterPair[] = [];
  for (let j = 0; j < nf; j++) {
    const a = filter.start[j],
      b = filter.end[j];
    if (!(b > a)) throw new RangeError(`compareWithFilter: filter sample ${j} ends before it starts`);
    let s = 0,
      c = 0;
    for (let i = lower(a); i < ts.length && ts[i] < b; i++)
      if (Number.isFinite(vs[i])) {
        s += vs[i];
        c++;
      }
    const capture = c / Math.round((b - a) / step);
    const cont = c > 0 ? s / c : NaN,
      f = filter.values[j];
    const used = Number.isFinite(f) && Number.isFinite(cont) && capture >= minCapture;
    pairs.push({ start: a, end: b, filter: f, continuous: cont, capture, ratio: cont / f, used });
  }
  const u = pairs.filter((p) => p.used);
  const n = u.length;
  const x = u.map((p) => p.filter),
    y = u.map((p) => p.continuous);
  const ratios = u
    .map((p) => p.ratio)
    .filter(Number.isFinite)
    .sort((p, q) => p - q);
  const medianRatio = median(ratios);
  let r2 = NaN;
  if (n >= 2) {
    const mx = mean(x),
      my = mean(y);
    let sxx = 0,
      syy = 0,
      sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
      sxy += (x[i] - mx) * (y[i] - my);
    }
    r2 = (sxy * sxy) / (sxx * syy);
  }
  const bias = n ? mean(y.map((q, i) => q - x[i])) : NaN;
  return {
    pairs,
    n,
    meanRatio: ratios.length ? mean(ratios) : NaN,
    medianRatio,
    ratioOfMeans: n ? mean(y) / mean(x) : NaN,
    deming: n >= 3 ? demingRegression(x, y, { errorRatio: opts.errorRatio }) : null,
    r2,
    bias,
    biasPct: n ? (100 * bias) / mean(x) : NaN,
  };
}
