/**
 * openair's `conditionalQuantile` (openair 2.18, R/conditionalQuantile.R; its reference page,
 * https://davidcarslaw.github.io/openair/reference/conditionalQuantile.html):
 * the distribution of the observations in bins of the modelled value (Wilks 2005).
 */

import { median } from "../stats/median";
import { quantileType7 } from "../stats/quantile";
import { finitePairs } from "../stats/modstats";
import { typedLevels, type ByTypeResult, type TypeOption } from "./bytype";

/** Options of {@link conditionalQuantile}. */
export interface ConditionalQuantileOptions extends TypeOption {
  /** Number of bin edges (openair `bins`, default 31: 30 bins from ⌊min⌋ to ⌈max⌉). */
  bins?: number;
  /** Fewest values a bin needs for its 25/75th and its 10/90th percentiles (openair `min.bin`, default [10, 20]). */
  minBin?: readonly [number, number];
  /** openair's rule: a bin's percentiles need MORE than `minBin` values (openair tests `n <= min.bin`). Default false. */
  openair?: boolean;
}

/** One bin of the modelled value ({@link conditionalQuantile}). */
export interface ConditionalQuantileBin {
  /** Bin centre, lower and upper edge (value units); bins are (lo, hi], the first [lo, hi]. */
  x: number;
  lo: number;
  hi: number;
  /** Pairs whose modelled value falls in the bin. */
  n: number;
  /** Median and type-7 percentiles of the observations of the bin (NaN: empty, or fewer values than `minBin`). */
  median: number;
  q25: number;
  q75: number;
  q10: number;
  q90: number;
}

/** Result of {@link conditionalQuantile}. */
export interface ConditionalQuantileResult {
  /** Bin edges (R `seq(floor(min), ceiling(max), length = bins)` over the observed and modelled values). */
  breaks: number[];
  bins: ConditionalQuantileBin[];
  /** Histograms over `histogramBreaks` (the edges of the whole data set, shared by every `type` panel): counts of the modelled and of the observed values. */
  histogramBreaks: number[];
  modCounts: number[];
  obsCounts: number[];
  /** Range of the observations (the perfect-model line runs over it). */
  obsRange: [number, number];
  /** Pairs used (both finite) and pairs left out (either missing). */
  n: number;
  dropped: number;
  /** With `type`: one result per level. */
  byType?: ByTypeResult<ConditionalQuantileResult>;
}

/** R `seq(from, to, length.out = m)`: from, from + i·by, …, exactly `to` last. */
function seqLength(from: number, to: number, m: number): number[] {
  if (m === 1) return [from];
  const by = (to - from) / (m - 1);
  const out = [from];
  for (let i = 1; i < m - 1; i++) out.push(from + i * by);
  out.push(to);
  return out;
}

/** R `cut(x, breaks, include.lowest = TRUE)` (right-closed): the bin index, or −1 outside. */
function binOf(v: number, b: number[]): number {
  const m = b.length - 1;
  if (!(v >= b[0] && v <= b[m])) return -1;
  if (v === b[0]) return 0;
  let lo = 0,
    hi = m - 1; // find the first j with v ≤ b[j + 1]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= b[mid + 1]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * openair's `conditionalQuantile`: pairs of observed and modelled values are binned by the
 * modelled value; per bin the median and the 25/75th and 10/90th percentiles of the observations
 * (the method as openair cites it: Wilks 2005, *Statistical Methods in the Atmospheric Sciences*,
 * 2nd ed., Academic Press, forecast verification; Murphy, Brown & Chen 1989, Weather and
 * Forecasting 4:485–501; openair 2.18 R/conditionalQuantile.R; Carslaw & Ropkins 2012, Environ.
 * Model. Softw. 27–28:52–61).
 *
 * - Pairs with a missing value are left out (openair `na.omit`).
 * - Edges: R `seq(floor(min), ceiling(max), length = bins)` over both variables (openair: the
 *   minimum and maximum of the numeric columns, i.e. obs and mod), per `type` panel; bins are
 *   right-closed with the lowest edge included (R `cut(include.lowest = TRUE)`).
 * - Per bin: n, the median (R `median`), the percentiles 25/75 and 10/90 by R's default type 7
 *   (`quantile`), each pair of percentiles NaN when the bin has fewer than `minBin` values.
 * - Histograms (openair's lower panel): counts of the modelled and the observed values over the
 *   edges of the whole data set.
 *
 * Difference from openair: openair documents `min.bin` as "the minimum number of points required"
 * but blanks a bin with `n <= min.bin`, so 10 values are not enough for the 25/75th; here a bin
 * with exactly `minBin` values keeps its percentiles (`openair: true` for openair's rule).
 *
 * @param obs observed values; mod modelled values (same unit, same length; NaN missing)
 * @param opts {@link ConditionalQuantileOptions}; `type` as openair's (`typeData` gives times and offset for the time types)
 * @throws {RangeError} when obs and mod differ in length, no pair is complete, bins is not an integer ≥ 2, minBin is not two counts ≥ 0, or a `type` cannot be cut
 */
export function conditionalQuantile(
  obs: ArrayLike<number>,
  mod: ArrayLike<number>,
  opts: ConditionalQuantileOptions = {},
): ConditionalQuantileResult {
  if (obs.length !== mod.length)
    throw new RangeError(`conditionalQuantile: ${obs.length} observations, ${mod.length} modelled values`);
  const nb = opts.bins ?? 31;
  if (!(Number.isInteger(nb) && nb >= 2))
    throw new RangeError(`conditionalQuantile: bins must be an integer ≥ 2, got ${nb}`);
  const minBin = opts.minBin ?? [10, 20];
  if (minBin.length !== 2 || !minBin.every((m) => Number.isFinite(m) && m >= 0))
    throw new RangeError(`conditionalQuantile: minBin must be two counts ≥ 0, got ${String(minBin)}`);
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < obs.length; i++)
    if (Number.isFinite(obs[i]) && Number.isFinite(mod[i])) {
      lo = Math.min(lo, obs[i], mod[i]);
      hi = Math.max(hi, obs[i], mod[i]);
    }
  if (!(lo <= hi)) throw new RangeError("conditionalQuantile: no pair has both an observed and a modelled value");
  const histogramBreaks = seqLength(Math.floor(lo), Math.ceil(hi), nb);
  const byType = typedLevels(opts, { columns: { obs, mod } }, (sub) =>
    panel(sub.pick(obs), sub.pick(mod), nb, minBin, !!opts.openair, histogramBreaks),
  );
  const all = panel(obs, mod, nb, minBin, !!opts.openair, histogramBreaks);
  return byType ? { ...all, byType } : all;
}

function panel(
  obs: ArrayLike<number>,
  mod: ArrayLike<number>,
  nb: number,
  minBin: readonly [number, number],
  openair: boolean,
  histogramBreaks: number[],
): ConditionalQuantileResult {
  const { o, m } = finitePairs(obs, mod, "conditionalQuantile");
  const dropped = obs.length - o.length;
  let lo = Infinity,
    hi = -Infinity,
    olo = Infinity,
    ohi = -Infinity;
  for (let i = 0; i < o.length; i++) {
    lo = Math.min(lo, o[i], m[i]);
    hi = Math.max(hi, o[i], m[i]);
    olo = Math.min(olo, o[i]);
    ohi = Math.max(ohi, o[i]);
  }
  const breaks = o.length ? seqLength(Math.floor(lo), Math.ceil(hi), nb) : [];
  const groups: number[][] = Array.from({ length: Math.max(0, nb - 1) }, () => []);
  for (let i = 0; i < o.length; i++) groups[binOf(m[i], breaks)].push(o[i]);
  const enough = (n: number, k: number) => (openair ? n > k : n >= k);
  const bins = groups.map((g, j) => {
    const n = g.length;
    const q = (p: number, k: number) => (n > 0 && enough(n, k) ? quantileType7(g, p) : NaN);
    return {
      x: breaks[j] + 0.5 * (breaks[j + 1] - breaks[j]),
      lo: breaks[j],
      hi: breaks[j + 1],
      n,
      median: n > 0 ? median(g) : NaN,
      q25: q(0.25, minBin[0]),
      q75: q(0.75, minBin[0]),
      q10: q(0.1, minBin[1]),
      q90: q(0.9, minBin[1]),
    };
  });
  const hb = histogramBreaks;
  const modCounts = new Array<number>(hb.length - 1).fill(0),
    obsCounts = new Array<number>(hb.length - 1).fill(0);
  for (let i = 0; i < o.length; i++) {
    const a = binOf(m[i], hb),
      b = binOf(o[i], hb);
    if (a >= 0) modCounts[a]++;
    if (b >= 0) obsCounts[b]++;
  }
  return {
    breaks,
    bins,
    histogramBreaks: hb,
    modCounts,
    obsCounts,
    obsRange: [olo, ohi],
    n: o.length,
    dropped,
  };
}
