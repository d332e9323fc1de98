/** Options of {@link stl} (R `stats::stl` names in brackets). */
export interface StlOptions {
  /** Seasonal loess span in periods (`s.window`, odd ≥ 3; default 11, openair's choice). */
  sWindow?: number;
  /** Seasonal loess degree, 0 or 1 (`s.degree`, default 1). */
  sDegree?: 0 | 1;
  /** Trend loess span (`t.window`; default nextodd(⌈1.5·period/(1 − 1.5/sWindow)⌉)). */
  tWindow?: number;
  /** Trend loess degree (`t.degree`, default 1). */
  tDegree?: 0 | 1;
  /** Low-pass loess span (`l.window`; default nextodd(period)). */
  lWindow?: number;
  /** Robust fitting (`robust`, default true: 1 inner and 15 outer iterations; false: 2 inner, 0 outer). */
  robust?: boolean;
  /** Inner and outer iterations (`inner`, `outer`; defaults from `robust`). */
  inner?: number;
  outer?: number;
}

/** Result of {@link stl}: y = seasonal + trend + remainder. */
export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
  /** Final robustness weights (all 1 when not robust). */
  weights: Float64Array;
}

const nextOdd = (x: number) => (x % 2 === 0 ? x + 1 : x);

/**
 * Seasonal-trend decomposition by loess, STL (Cleveland, Cleveland, McRae & Terpenning 1990,
 * J. Official Statistics 6:3–73), as R's `stats::stl` computes it (R's `stl.f`, the authors'
 * netlib Fortran): inner loop — detrend, smooth each cycle-subseries by loess (tricube weights,
 * degree `sDegree`, span `sWindow`, evaluated every ⌈sWindow/10⌉ points and linearly interpolated,
 * extended one period at each end), low-pass the result by moving averages of period, period and
 * 3 and a loess of span `lWindow`, seasonal = smoothed cycle-subseries − low-pass, trend = loess of
 * (y − seasonal) with span `tWindow`; outer loop (robust) — bisquare weights of the residuals with
 * h = 6 · median|residual|. Jumps ⌈window/10⌉ as R's defaults. The input must have no missing value.
 * @param y the series (equally spaced, finite)
 * @param period observations per cycle (12 for monthly data; ≥ 2)
 * @throws {RangeError} when y holds a non-finite value, period is not an integer ≥ 2, there are fewer than two periods, or a window is not ≥ 3
 */
export function stl(y: ArrayLike<number>, period: number, opts: StlOptions = {}): StlResult {
  const n = y.length;
  if (!(Number.isInteger(period) && period >= 2))
    throw new RangeError(`stl: period must be an integer ≥ 2, got ${period}`);
  if (n <= 2 * period) throw new RangeError(`stl: needs more than two periods (${2 * period} values), got ${n}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new RangeError(`stl: y[${i}] is not finite`);
  const sw = opts.sWindow ?? 11;
  const sDeg = opts.sDegree ?? 1,
    tDeg = opts.tDegree ?? 1;
  const tw = opts.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sw)));
  const lw = opts.lWindow ?? nextOdd(period);
  for (const [name, w] of [
    ["sWindow", sw],
    ["tWindow", tw],
    ["lWindow", lw],
  ] as const)
    if (!(Number.isInteger(w) && w >= 3)) throw new RangeError(`stl: ${name} must be an integer ≥ 3, got ${w}`);
  const robust = opts.robust ?? true;
  const inner = opts.inner ?? (robust ? 1 : 2),
    outer = opts.outer ?? (robust ? 15 : 0);
  const ns = nextOdd(sw),
    nt = nextOdd(tw),
    nl = nextOdd(lw);
  const sJump = Math.ceil(sw / 10),
    tJump = Math.ceil(tw / 10),
    lJump = Math.ceil(lw / 10);
  const Y = Float64Array.from(y);
  const rw = new Float64Array(n).fill(1);
  const season = new Float64Array(n),
    trend = new Float64Array(n);
  let userw = false;
  for (let k = 0; ; k++) {
    for (let j = 0; j < inner; j++) {
      const detr = Float64Array.from(Y, (v, i) => v - trend[i]);
      const cyc = cycleSubseries(detr, period, ns, sDeg, sJump, userw, rw); // n + 2·period
      const low = lowPass(cyc, period); // n
      const lowS = loess(low, nl, tDeg, lJump, false, rw);
      for (let i = 0; i < n; i++) season[i] = cyc[period + i] - lowS[i];
      const des = Float64Array.from(Y, (v, i) => v - season[i]);
      trend.set(loess(des, nt, tDeg, tJump, userw, rw));
    }
    if (k >= outer) break;
    robustnessWeights(Y, season, trend, rw);
    userw = true;
  }
  if (outer <= 0) rw.fill(1);
  const remainder = Float64Array.from(Y, (v, i) => v - season[i] - trend[i]);
  return { seasonal: season, trend, remainder, weights: rw };
}

/** One loess value at xs (1-based positions nleft…nright of y), R stl.f `stlest`; NaN when all weights vanish. */
function loessAt(
  y: ArrayLike<number>,
  n: number,
  len: number,
  deg: number,
  xs: number,
  nleft: number,
  nright: number,
  userw: boolean,
  rw: ArrayLike<number>,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h,
    h1 = 0.001 * h;
  const w = new Float64Array(nright - nleft + 1);
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    let wj = 0;
    if (r <= h9) {
      wj = r <= h1 ? 1 : Math.pow(1 - Math.pow(r / h, 3), 3);
      if (userw) wj *= rw[j - 1];
      a += wj;
    }
    w[j - nleft] = wj;
  }
  if (!(a > 0)) return NaN;
  for (let j = 0; j < w.length; j++) w[j] /= a;
  if (h > 0 && deg > 0) {
    let m = 0;
    for (let j = nleft; j <= nright; j++) m += w[j - nleft] * j;
    let b = xs - m,
      c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - nleft] * (j - m) * (j - m);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - nleft] *= b * (j - m) + 1;
    }
  }
  let s = 0;
  for (let j = nleft; j <= nright; j++) s += w[j - nleft] * y[j - 1];
  return s;
}

/** Loess of a whole series with evaluation every `jump` points and linear interpolation between (R stl.f `stless`). */
function loess(
  y: ArrayLike<number>,
  len: number,
  deg: number,
  jump: number,
  userw: boolean,
  rw: ArrayLike<number>,
): Float64Array {
  const n = y.length;
  const ys = new Float64Array(n);
  if (n < 2) {
    ys[0] = y[0];
    return ys;
  }
  const nj = Math.min(jump, n - 1);
  const est = (i: number, l: number, r: number) => {
    const v = loessAt(y, n, len, deg, i, l, r, userw, rw);
    ys[i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  let nleft = 1,
    nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += nj) est(i, 1, n);
  } else if (nj === 1) {
    const nsh = Math.floor((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      est(i, nleft, nright);
    }
  } else {
    const nsh = Math.floor((len + 1) / 2);
    for (let i = 1; i <= n; i += nj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      est(i, nleft, nright);
    }
  }
  if (nj !== 1) {
    for (let i = 1; i <= n - nj; i += nj) {
      const delta = (ys[i + nj - 1] - ys[i - 1]) / nj;
      for (let j = i + 1; j <= i + nj - 1; j++) ys[j - 1] = ys[i - 1] + delta * (j - i);
    }
    const k = Math.floor((n - 1) / nj) * nj + 1;
    if (k !== n) {
      est(n, nleft, nright);
      if (k !== n - 1) {
        const delta = (ys[n - 1] - ys[k - 1]) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1] + delta * (j - k);
      }
    }
  }
  return ys;
}

/** Cycle-subseries smoothing, each extended one cycle at both ends (R stl.f `stlss`): length n + 2·period. */
function cycleSubseries(
  y: Float64Array,
  np: number,
  ns: number,
  deg: number,
  jump: number,
  userw: boolean,
  rw: Float64Array,
): Float64Array {
  const n = y.length;
  const out = new Float64Array(n + 2 * np);
  for (let j = 1; j <= np; j++) {
    const k = Math.floor((n - j) / np) + 1;
    const sub = new Float64Array(k),
      w = new Float64Array(k);
    for (let i = 1; i <= k; i++) {
      sub[i - 1] = y[(i - 1) * np + j - 1];
      w[i - 1] = userw ? rw[(i - 1) * np + j - 1] : 1;
    }
    const sm = loess(sub, ns, deg, jump, userw, w);
    const work = new Float64Array(k + 2);
    work.set(sm, 1);
    const left = loessAt(sub, k, ns, deg, 0, 1, Math.min(ns, k), userw, w);
    work[0] = Number.isNaN(left) ? work[1] : left;
    const right = loessAt(sub, k, ns, deg, k + 1, Math.max(1, k - ns + 1), k, userw, w);
    work[k + 1] = Number.isNaN(right) ? work[k] : right;
    for (let m = 1; m <= k + 2; m++) out[(m - 1) * np + j - 1] = work[m - 1];
  }
  return out;
}

/** Moving average of length len (R stl.f `stlma`): n − len + 1 values. */
function movingAverage(x: Float64Array, len: number): Float64Array {
  const m = x.length - len + 1;
  const out = new Float64Array(m);
  let s = 0;
  for (let i = 0; i < len; i++) s += x[i];
  out[0] = s / len;
  for (let j = 1; j < m; j++) {
    s += x[j + len - 1] - x[j - 1];
    out[j] = s / len;
  }
  return out;
}

/** Low-pass filter: moving averages of period, period and 3 (R stl.f `stlfts`). */
function lowPass(x: Float64Array, np: number): Float64Array {
  return movingAverage(movingAverage(movingAverage(x, np), np), 3);
}

/** Bisquare robustness weights, h = 6 · median |y − fit| (R stl.f `stlrwt`). */
function robustnessWeights(y: Float64Array, season: Float64Array, trend: Float64Array, rw: Float64Array): void {
  const n = y.length;
  const r = Float64Array.from(y, (v, i) => Math.abs(v - season[i] - trend[i]));
  const s = Float64Array.from(r).sort();
  const m1 = Math.floor(n / 2) + 1,
    m2 = n - m1 + 1;
  const cmad = 3 * (s[m1 - 1] + s[m2 - 1]);
  const c9 = 0.999 * cmad,
    c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const v = r[i];
    rw[i] = v <= c1 ? 1 : v <= c9 ? Math.pow(1 - Math.pow(v / cmad, 2), 2) : 0;
  }
}
