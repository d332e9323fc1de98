import { quantileType7 } from "../stats/quantile";
import { median } from "../stats/median";
import { sampleSd } from "../stats/moments";
import { thinPlateBasis } from "../stats/tprs";
import { penalisedGcvFit } from "../stats/gcvfit";
import { uvToDirection, type WindSeries } from "./wind";
import { gridPoints, predictPolarGrid } from "./polarpredict";

/** Statistics of the GAM polar plot (openair's `statistic`, `weighted.mean` spelled `weighted-mean`). */
export type PolarGamStatistic =
  "mean" | "median" | "max" | "frequency" | "stdev" | "weighted-mean" | "percentile" | "cpf";

/** The settings of the GAM pipeline (a subset of {@link PolarPlotOptions}). */
export interface PolarGamSettings {
  statistic: PolarGamStatistic;
  percentile?: number;
  band?: [number, number];
  trim?: number;
  maxWs?: number;
  /** The speed scale [shift, top] (m/s) instead of the records' own min and max (polarPlot's `wsRange`). */
  wsRange?: [number, number];
  /** The direction bin width (5 or 10°) instead of openair's rule on the records' own directions. */
  wdInterval?: 5 | 10;
  k: number;
  minBin: number;
  weights: [number, number, number];
  forcePositive: boolean;
  uncertainty: boolean;
  openair: boolean;
  fitGrid: number;
  grid: number;
  excludeDistance: number;
}

/** One occupied bin of the GAM pipeline: position (openair's) and statistic. */
export interface PolarGamBin {
  wd: number;
  ws: number;
  u: number;
  v: number;
  n: number;
  z: number;
}

/** The fit of the GAM polar plot (mgcv's `s(u, v, k)` by GCV). */
export interface PolarGamFit {
  /** Basis dimension k used, distinct bin locations (knots), data rows (bins with a statistic). */
  k: number;
  /** The k asked for; k is lowered to knots − 1 when there are fewer distinct bins than that (mgcv refuses; openair then draws the raw bins). */
  kRequested: number;
  knots: number;
  rows: number;
  /** GCV smoothing parameter (of the unscaled penalty), effective degrees of freedom, GCV score, scale σ̂². */
  lambda: number;
  edf: number;
  gcv: number;
  scale: number;
  /** The wind speed subtracted from every record (openair's x − min(x)), m/s. */
  wsOffset: number;
  /** Grid points where the square-root prediction was negative (openair squares them back to positive values; aozora sets them to 0 unless `openair: true`). */
  negativePredictions: number;
  /** cpf only: grid points whose smoothed probability exceeds 1 (openair clips them to 1 only with `openair: true`). */
  aboveOne?: number;
}

/** Raw output of {@link polarGamSurface}. */
export interface PolarGamSurface {
  bins: PolarGamBin[];
  /** u, v (m/s, of the shifted speed), z, and with uncertainty lower / upper, on the output grid, row-major from the top row (v = +radius). */
  u: Float64Array;
  v: Float64Array;
  z: Float64Array;
  lower?: Float64Array;
  upper?: Float64Array;
  radius: number;
  step: number;
  threshold?: number;
  upperThreshold?: number;
  fit: PolarGamFit;
  used: number;
}

const D2R = Math.PI / 180;

/**
 * The scales a GAM polar plot shares between `type` panels, as openair computes them on all rows
 * before it splits them by type: the speed shift min(ws), the largest shifted speed (the speed-bin
 * breaks and positions), the direction bin width, and the CPF thresholds (value units).
 */
export interface PolarGamScales {
  minWs: number;
  maxX: number;
  wdInt: number;
  lo: number;
  hi: number;
}

/** Usable rows (finite value, wd and ws) of a series. */
function usableRows(s: WindSeries): number[] {
  const idx: number[] = [];
  for (let i = 0; i < s.values.length; i++)
    if (Number.isFinite(s.values[i]) && Number.isFinite(s.wd[i]) && Number.isFinite(s.ws[i])) idx.push(i);
  return idx;
}

/**
 * The scales of {@link polarGamSurface} computed from a whole series (internal).
 * @throws {RangeError} when no record is usable, every record has the same speed, maxWs is below the lowest speed, or no value is above the trim level
 */
export function polarGamScales(s: WindSeries, o: PolarGamSettings): PolarGamScales {
  const idx = usableRows(s);
  if (idx.length === 0) throw new RangeError("polarPlot: no records with finite value, wd and ws");
  const m = idx.length;
  let minWs = Infinity;
  let all10 = true;
  const conc = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const i = idx[t];
    conc[t] = s.values[i];
    if (s.wd[i] % 10 !== 0) all10 = false;
    if (s.ws[i] < minWs) minWs = s.ws[i];
  }
  let maxX = 0;
  for (let t = 0; t < m; t++) {
    const x = s.ws[idx[t]] - minWs;
    if (x > maxX) maxX = x;
  }
  if (o.wsRange) {
    const [a, b] = o.wsRange;
    if (!(a <= minWs && b >= minWs + maxX))
      throw new RangeError(
        `polarPlot: wsRange [${a}, ${b}] must contain every usable speed (${minWs} to ${minWs + maxX} m/s)`,
      );
    minWs = a;
    maxX = b - a;
  }
  if (!(maxX > 0)) throw new RangeError("polarPlot: all usable records have the same wind speed");
  if (o.maxWs !== undefined && !(o.maxWs - minWs > 0))
    throw new RangeError(`polarPlot: maxWs must exceed the lowest speed ${minWs} m/s`);
  let lo = NaN,
    hi = NaN;
  if (o.statistic === "cpf") {
    let pool: Float64Array = conc;
    if (o.band && o.trim !== undefined) {
      let mu = 0;
      for (const c of conc) mu += c;
      mu /= m;
      if (o.trim < 0) {
        lo = o.band[0];
        hi = o.band[1];
      } else pool = conc.filter((c) => c >= mu * o.trim!);
    }
    if (!(o.band && o.trim !== undefined && o.trim < 0)) {
      if (pool.length === 0) throw new RangeError("polarPlot: no values above the trim level");
      const sorted = Float64Array.from(pool).sort();
      if (o.band) {
        lo = quantileType7(sorted, o.band[0] / 100, { sorted: true });
        hi = quantileType7(sorted, o.band[1] / 100, { sorted: true });
      } else lo = quantileType7(sorted, (o.percentile ?? 75) / 100, { sorted: true });
    }
  }
  return { minWs, maxX, wdInt: o.wdInterval ?? (all10 ? 10 : 5), lo, hi };
}

/**
 * openair's polarPlot pipeline with mgcv's smoother (internal; see {@link polarPlot}). `scales`
 * (default: those of `s` itself) are the shared scales of a `type` panel.
 * @throws {RangeError} when no record is usable, every record has the same speed, or fewer than 5 bins are occupied
 */
export function polarGamSurface(
  s: WindSeries,
  o: PolarGamSettings,
  scales: PolarGamScales = polarGamScales(s, o),
): PolarGamSurface {
  // na.omit on (wd, x, pollutant)
  const idx = usableRows(s);
  if (idx.length === 0) throw new RangeError("polarPlot: no records with finite value, wd and ws");
  const m = idx.length;
  const { minWs, maxX, wdInt, lo, hi } = scales;
  const conc = new Float64Array(m),
    wdv = new Float64Array(m),
    x = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const i = idx[t];
    conc[t] = s.values[i];
    wdv[t] = s.wd[i];
    x[t] = s.ws[i] - minWs;
  }
  const upper = o.maxWs !== undefined ? o.maxWs - minWs : maxX;
  const clip = o.maxWs !== undefined;
  const nWd = 360 / wdInt,
    nWs = 30;
  const stat = o.statistic;
  // bins: wd = wd.int·ceiling(wd/wd.int − 0.5) in cut(breaks = seq(0, 360, wd.int), include.lowest)
  const by = maxX / nWs;
  const breaks = new Float64Array(nWs + 1);
  for (let j = 0; j <= nWs; j++) breaks[j] = j * by;
  breaks[nWs] = maxX;
  const binOf = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    const r = wdInt * Math.ceil(wdv[t] / wdInt - 0.5); // multiple of wd.int
    let a = Math.round(r / wdInt); // 0 … nWd (and beyond for wd outside 0–360)
    a = ((a % nWd) + nWd) % nWd; // 360 → 0 position index nWd ≡ 0
    // position index a: direction a·wd.int, 0 ≡ 360 (north). openair puts rounded 0 into the first bin (wd.int°).
    if (o.openair && r <= 0) a = 1 % nWd;
    let j = Math.max(0, Math.ceil(x[t] / by) - 1);
    while (j > 0 && x[t] <= breaks[j]) j--;
    while (j < nWs - 1 && x[t] > breaks[j + 1]) j++;
    binOf[t] = a * nWs + j;
  }
  const nb = nWd * nWs;
  const counts = new Int32Array(nb);
  for (let t = 0; t < m; t++) counts[binOf[t]]++;
  const start = new Int32Array(nb + 1);
  for (let b = 0; b < nb; b++) start[b + 1] = start[b] + counts[b];
  const fill = start.slice(0, nb);
  const members = new Float64Array(m);
  for (let t = 0; t < m; t++) members[fill[binOf[t]]++] = conc[t];
  const wsPos = (j: number) => (o.openair ? (j * maxX) / (nWs - 1) : (j + 0.5) * by);
  const bins: PolarGamBin[] = [];
  const fu: number[] = [],
    fv: number[] = [],
    fy: number[] = [],
    fw: number[] = [],
    fc: number[] = [],
    fSector: number[] = [],
    fRing: number[] = [];
  const exU: number[] = [],
    exV: number[] = [];
  for (let a = 0; a < nWd; a++)
    for (let j = 0; j < nWs; j++) {
      const b = a * nWs + j,
        c = counts[b];
      if (c === 0) continue;
      const vals = members.subarray(start[b], start[b + 1]);
      const wd = a === 0 ? 360 : a * wdInt;
      const ws = wsPos(j);
      const u = ws * Math.sin(Math.PI * (wd / 180)),
        v = ws * Math.cos(Math.PI * (wd / 180));
      if (c < o.minBin) continue;
      exU.push(u);
      exV.push(v);
      let z: number;
      switch (stat) {
        case "frequency":
          z = c;
          break;
        case "mean": {
          let sm = 0;
          for (const q of vals) sm += q;
          z = sm / c;
          break;
        }
        case "median":
          z = median(vals);
          break;
        case "max": {
          z = -Infinity;
          for (const q of vals) if (q > z) z = q;
          break;
        }
        case "stdev":
          z = c > 1 ? sampleSd(vals) : NaN;
          break;
        case "weighted-mean": {
          let sm = 0;
          for (const q of vals) sm += q;
          z = ((sm / c) * c) / m;
          break;
        }
        case "percentile":
          z = quantileType7(vals, (o.percentile ?? 50) / 100);
          break;
        case "cpf": {
          let k = 0;
          if (o.band) {
            for (const q of vals) if (q > lo && q <= hi) k++;
          } else for (const q of vals) if (q > lo) k++;
          z = k / c;
          break;
        }
      }
      bins.push({ wd, ws: ws + minWs, u, v, n: c, z });
      if (!Number.isFinite(z)) continue;
      const pw = o.forcePositive ? 0.5 : 1;
      const yv = Math.pow(z, pw);
      if (!Number.isFinite(yv)) continue; // a negative statistic has no square root: R gives NaN and mgcv drops the row
      fu.push(u);
      fv.push(v);
      fy.push(yv);
      fw.push(c === 1 ? o.weights[0] : c === 2 ? o.weights[1] : c === 3 ? o.weights[2] : 1);
      fc.push(c);
      fSector.push(a);
      fRing.push(j);
    }
  if (fy.length === 0) throw new RangeError("polarPlot: no bin has a statistic to fit");
  // fewer distinct bin locations than k: mgcv refuses (openair then draws the raw bins); aozora
  // lowers k to the number of distinct locations − 1 and says so in fit.k / fit.kRequested
  const distinct = new Set(fu.map((u, i) => `${u + 0},${fv[i] + 0}`)).size;
  if (distinct < 5)
    throw new RangeError(`polarPlot: ${distinct} distinct occupied bins, too few for a surface (need ≥ 5)`);
  const kUsed = Math.min(o.k, distinct - 1);
  // the bins lie on a polar lattice (sector = direction bin, ring = speed bin): the eigen-step's
  // kernel products go through a Fourier transform over the sectors instead of a dense matrix
  const radii = Float64Array.from({ length: nWs }, (_, j) => wsPos(j));
  const lattice = { sectors: nWd, radii, sector: fSector, ring: fRing };
  const basis = thinPlateBasis(fu, fv, kUsed, { polar: lattice });
  // prediction nodes: expand.grid(u = seq(−upper, upper, fitGrid), v = …): u fastest
  const G0 = o.fitGrid;
  const nodes = Float64Array.from({ length: G0 }, (_, i) => -upper + (2 * upper * i) / (G0 - 1));
  const back = (q: number, count: { neg: number }) => {
    if (!o.forcePositive) return q;
    if (q < 0) {
      count.neg++;
      if (!o.openair) return 0;
    }
    return q * q;
  };
  const neg = { neg: 0 };
  let central: Float64Array, lowerN: Float64Array | undefined, upperN: Float64Array | undefined;
  let fitInfo: { lambda: number; edf: number; gcv: number; scale: number };
  if (!o.uncertainty) {
    const fit = penalisedGcvFit(basis.X, fy.length, basis.k, fy, basis.S, { weights: fw });
    fitInfo = fit;
    const pred = predictPolarGrid(basis, fit.coefficients, lattice, nodes);
    central = pred.map((q) => back(q, neg));
  } else {
    // openair: SE from a fit weighted by the bin counts, the central surface from an unweighted fit
    const fitW = penalisedGcvFit(basis.X, fy.length, basis.k, fy, basis.S, { weights: fc });
    const pts = gridPoints(nodes);
    const Xp = basis.predictMatrix(pts.u, pts.v);
    const K = basis.k,
      Gm = fitW.covarianceFactor;
    const se = new Float64Array(G0 * G0);
    const row = new Float64Array(K);
    for (let p = 0; p < G0 * G0; p++) {
      row.fill(0);
      for (let i = 0; i < K; i++) {
        const xi = Xp[p * K + i];
        if (xi === 0) continue;
        for (let j = 0; j < K; j++) row[j] += xi * Gm[i * K + j];
      }
      let s2 = 0;
      for (let j = 0; j < K; j++) s2 += row[j] * row[j];
      se[p] = Math.sqrt(fitW.scale * s2);
    }
    const fit = penalisedGcvFit(basis.X, fy.length, basis.k, fy, basis.S);
    fitInfo = fit;
    const pred = predictPolarGrid(basis, fit.coefficients, lattice, nodes);
    const none = { neg: 0 };
    central = pred.map((q) => back(q, neg));
    lowerN = pred.map((q, i) => back(q - 2 * se[i], none));
    upperN = pred.map((q, i) => back(q + 2 * se[i], none));
  }
  // bilinear interpolation to grid × grid (fields::interp.surface, as openair's interp_grid)
  const Gn = o.grid;
  const step = (2 * upper) / (Gn - 1);
  const outU = new Float64Array(Gn * Gn),
    outV = new Float64Array(Gn * Gn);
  const interp = (src: Float64Array) => {
    const out = new Float64Array(Gn * Gn);
    for (let iy = 0; iy < Gn; iy++) {
      const vv = upper - iy * step;
      const fy0 = ((vv + upper) / (2 * upper)) * (G0 - 1);
      const jy = Math.min(G0 - 2, Math.max(0, Math.floor(fy0)));
      const ty = fy0 - jy;
      for (let ix = 0; ix < Gn; ix++) {
        const uu = -upper + ix * step;
        const fx0 = ((uu + upper) / (2 * upper)) * (G0 - 1);
        const jx = Math.min(G0 - 2, Math.max(0, Math.floor(fx0)));
        const tx = fx0 - jx;
        const z00 = src[jy * G0 + jx],
          z10 = src[jy * G0 + jx + 1],
          z01 = src[(jy + 1) * G0 + jx],
          z11 = src[(jy + 1) * G0 + jx + 1];
        out[iy * Gn + ix] = (1 - tx) * (1 - ty) * z00 + tx * (1 - ty) * z10 + (1 - tx) * ty * z01 + tx * ty * z11;
      }
    }
    return out;
  };
  const z = interp(central);
  const lowerG = lowerN && interp(lowerN),
    upperG = upperN && interp(upperN);
  // mask: exclude.too.far(dist) on the unit square of the grid, and the outer radius
  const dist = o.excludeDistance * 2 * upper;
  const d2max = dist * dist;
  let aboveOne = 0;
  // near[g] = 1 when some bin is within dist of grid point g: each bin marks the grid points of the
  // square around it (±dist, one step of margin) that pass the distance test
  const near = new Uint8Array(Gn * Gn);
  const xOf = (ix: number) => -upper + ix * step,
    yOf = (iy: number) => upper - iy * step;
  for (let b = 0; b < exU.length; b++) {
    const eu = exU[b],
      ev = exV[b];
    const x0 = Math.max(0, Math.floor((eu - dist + upper) / step) - 1),
      x1 = Math.min(Gn - 1, Math.ceil((eu + dist + upper) / step) + 1);
    const y0 = Math.max(0, Math.floor((upper - ev - dist) / step) - 1),
      y1 = Math.min(Gn - 1, Math.ceil((upper - ev + dist) / step) + 1);
    for (let iy = y0; iy <= y1; iy++) {
      const dv = yOf(iy) - ev;
      const rowStart = iy * Gn;
      for (let ix = x0; ix <= x1; ix++) {
        const du = xOf(ix) - eu;
        if (du * du + dv * dv <= d2max) near[rowStart + ix] = 1;
      }
    }
  }
  const r2 = (upper * (1 + 1e-12)) ** 2;
  for (let iy = 0; iy < Gn; iy++)
    for (let ix = 0; ix < Gn; ix++) {
      const g = iy * Gn + ix;
      const uu = xOf(ix),
        vv = yOf(iy);
      outU[g] = uu;
      outV[g] = vv;
      const outside = (clip || !o.openair) && uu * uu + vv * vv > r2;
      if (!near[g] || outside) {
        z[g] = NaN;
        if (lowerG) lowerG[g] = NaN;
        if (upperG) upperG[g] = NaN;
        continue;
      }
      if (stat === "cpf") {
        if (z[g] > 1) aboveOne++;
        if (o.openair) {
          if (z[g] > 1) z[g] = 1;
          if (lowerG && lowerG[g] > 1) lowerG[g] = 1;
          if (upperG && upperG[g] > 1) upperG[g] = 1;
        }
      }
    }
  return {
    bins,
    u: outU,
    v: outV,
    z,
    ...(lowerG ? { lower: lowerG, upper: upperG } : {}),
    radius: upper,
    step,
    ...(stat === "cpf" ? { threshold: lo, ...(o.band ? { upperThreshold: hi } : {}) } : {}),
    fit: {
      k: basis.k,
      kRequested: o.k,
      knots: basis.knots,
      rows: fy.length,
      lambda: fitInfo.lambda,
      edf: fitInfo.edf,
      gcv: fitInfo.gcv,
      scale: fitInfo.scale,
      wsOffset: minWs,
      negativePredictions: neg.neg,
      ...(stat === "cpf" ? { aboveOne } : {}),
    },
    used: m,
  };
}

/** Direction (degrees) of a grid point, 0 at the centre. */
export function gridDirection(u: number, v: number): number {
  const d = uvToDirection(u, v);
  return Number.isNaN(d) ? 0 : d;
}
