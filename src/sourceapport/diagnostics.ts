/**
 * Diagnostics of a PMF solution, as EPA PMF 5.0 reports them: factor profiles (concentration,
 * % of species total, % of factor total), factor contributions (normalised and in mass units of
 * the total variable), scaled residuals with the |r/s| > 3 flag, Q/Qexp per species and per
 * sample, observed-versus-predicted regressions, and G-space pairs.
 *
 * Conventions (CONVENTIONS.md §1): G is n×p row-major, normalised so that each factor's mean over
 * samples is 1; F is p×m row-major in concentration units; x and s are n×m row-major. The product
 * G·F (the prediction) does not depend on that normalisation.
 *
 * References:
 * - Norris, G., Duvall, R., Brown, S., Bai, S. (2014) EPA Positive Matrix Factorization (PMF) 5.0
 *   Fundamentals and User Guide, EPA/600/R-14/108 (base model results, residuals,
 *   observed/predicted, G-space plots; factor profiles as concentration, % of species, % of total).
 * - Paatero, P., Tapper, U. (1994) Positive matrix factorization: a non-negative factor model with
 *   optimal utilization of error estimates of data values. Environmetrics 5:111–126 (Q, scaled
 *   residuals r/s).
 * - Brown, S.G., Eberly, S., Paatero, P., Norris, G.A. (2015) Methods for estimating uncertainty
 *   in PMF solutions: examples with ambient air and water quality data and guidance on reporting
 *   PMF results. Sci. Total Environ. 518–519:626–635 (what to report: Q/Qexp, scaled residuals,
 *   observed/predicted statistics).
 */

import { linearRegression, rSquared } from "simple-statistics";
import { pearson } from "../stats/correlation";
import { quantileType7 } from "../stats/quantile";
import { AqTable, type ColumnData, type ColumnKind } from "../table/table";
import type { PmfInput, PmfResult } from "./types";

/** Threshold of the scaled-residual flag, |r/s| > 3 (Norris et al. 2014). */
export const SCALED_RESIDUAL_FLAG = 3;

/** Column metadata as accepted by {@link AqTable.create}. */
type Info = Record<string, { unit?: string; original?: string; kind?: ColumnKind }>;

/**
 * Check that the matrices of a result have the sizes its input says (n×p, p×m, n×m).
 * @throws Error naming the first matrix of the wrong size
 */
export function checkPmfResult(result: PmfResult): void {
  const { input, p } = result;
  const { n, m } = input;
  const want: [string, ArrayLike<number>, number][] = [
    ["G", result.G, n * p],
    ["F", result.F, p * m],
    ["input.x", input.x, n * m],
    ["input.s", input.s, n * m],
  ];
  for (const [what, a, len] of want) {
    if (a.length !== len)
      throw new RangeError(`PMF result: ${what} has ${a.length} values, expected ${len} (n=${n}, m=${m}, p=${p})`);
  }
  if (input.species.length !== m) throw new RangeError(`PMF result: ${input.species.length} species names for m=${m}`);
  if (input.units.length !== m) throw new RangeError(`PMF result: ${input.units.length} species units for m=${m}`);
  if (input.samples.length !== n) throw new RangeError(`PMF result: ${input.samples.length} sample labels for n=${n}`);
  if (result.factorNames.length !== p)
    throw new RangeError(`PMF result: ${result.factorNames.length} factor names for p=${p}`);
  if (input.times && input.times.length !== n)
    throw new RangeError(`PMF result: ${input.times.length} times for n=${n}`);
}

/**
 * Index of the total variable (e.g. PM2.5 mass) among the fitted species, or −1 when none is set.
 * @throws Error when `input.total` names a species that is not among the fitted species
 */
export function totalIndex(input: PmfInput): number {
  if (input.total === undefined) return -1;
  const t = input.species.indexOf(input.total);
  if (t < 0) throw new RangeError(`PMF result: total variable "${input.total}" is not among the fitted species`);
  return t;
}

/** Mean over samples of each factor's contribution (1 for a normalised G), length p. */
function factorMeans(result: PmfResult): Float64Array {
  const { p } = result;
  const n = result.input.n;
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) mean[k] += result.G[i * p + k];
  for (let k = 0; k < p; k++) mean[k] /= n;
  return mean;
}

/** The common unit of `units`, or `"mixed"` when they differ. */
function commonUnit(units: string[]): string {
  return units.length > 0 && units.every((u) => u === units[0]) ? units[0] : "mixed";
}

/** Factor profiles in the three EPA PMF 5.0 forms, as p×m row-major matrices. */
export interface ProfileMatrices {
  /** Number of factors and species. */
  p: number;
  m: number;
  factorNames: string[];
  species: string[];
  /** Units of the species (of `concentration`). */
  units: string[];
  /** F_kj in the species' concentration unit (p×m). */
  concentration: Float64Array;
  /**
   * % of species total: 100·F_kj·ḡ_k / Σ_k' F_k'j·ḡ_k' with ḡ_k the mean contribution of factor k
   * (= 100·F_kj / Σ_k' F_k'j for a normalised G). NaN when the species' sum is 0.
   */
  percentOfSpecies: Float64Array;
  /**
   * % of factor total: 100·F_kj / Σ_j' F_kj' over the species other than the total variable;
   * NaN for the total variable itself and when the factor's sum is 0. Species in different units
   * are summed as they are (as EPA PMF does), so read this with care for mixed units.
   */
  percentOfFactorTotal: Float64Array;
  /**
   * % of the total variable (EPA PMF 5.0 `_profiles.csv` third block): 100·F_kj / F_k,total; only
   * when a total variable is set (NaN where F_k,total is 0).
   */
  percentOfTotalVariable?: Float64Array;
  /** Index of the total variable among the species, −1 when none. */
  totalIndex: number;
}

/**
 * Profiles of a solution as matrices: concentration (F), % of species total and % of factor total,
 * and % of the total variable when one is set (Norris et al. 2014).
 *
 * @param result a PMF result (G normalised to mean 1, F in concentration units)
 * @returns p×m row-major matrices; see {@link ProfileMatrices} for the formulas
 * @throws Error when the matrices do not match the input's sizes
 */
export function profileMatrices(result: PmfResult): ProfileMatrices {
  checkPmfResult(result);
  const { p, F } = result;
  const { m, species, units } = result.input;
  const t = totalIndex(result.input);
  const gbar = factorMeans(result);
  const pctSpecies = new Float64Array(p * m);
  const pctFactor = new Float64Array(p * m);
  const pctTotal = t >= 0 ? new Float64Array(p * m) : undefined;
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let k = 0; k < p; k++) sum += F[k * m + j] * gbar[k];
    for (let k = 0; k < p; k++) pctSpecies[k * m + j] = sum !== 0 ? (100 * F[k * m + j] * gbar[k]) / sum : NaN;
  }
  for (let k = 0; k < p; k++) {
    let sum = 0;
    for (let j = 0; j < m; j++) if (j !== t) sum += F[k * m + j];
    for (let j = 0; j < m; j++) {
      pctFactor[k * m + j] = j === t || sum === 0 ? NaN : (100 * F[k * m + j]) / sum;
      if (pctTotal) {
        const tot = F[k * m + t];
        pctTotal[k * m + j] = tot !== 0 ? (100 * F[k * m + j]) / tot : NaN;
      }
    }
  }
  return {
    p,
    m,
    factorNames: result.factorNames.slice(),
    species: species.slice(),
    units: units.slice(),
    concentration: Float64Array.from(F),
    percentOfSpecies: pctSpecies,
    percentOfFactorTotal: pctFactor,
    ...(pctTotal ? { percentOfTotalVariable: pctTotal } : {}),
    totalIndex: t,
  };
}

/**
 * Factor profiles as a tidy table, one row per factor and species (factor-major order):
 *
 * | column | unit | meaning |
 * |---|---|---|
 * | `factor` | text | factor name |
 * | `species` | text | species name |
 * | `unit` | text | the species' concentration unit |
 * | `concentration` | the species' unit (`"mixed"` when species differ; then see `unit`) | F_kj |
 * | `percentOfSpecies` | `%` | 100·F_kj·ḡ_k / Σ_k F_kj·ḡ_k (= 100·F_kj/Σ_k F_kj with G normalised to mean 1) |
 * | `percentOfFactorTotal` | `%` | 100·F_kj / Σ_j F_kj, total variable excluded from the sum (NaN on its own row) |
 * | `percentOfTotalVariable` | `%` | 100·F_kj / F_k,total (only when a total variable is set) |
 *
 * Reference: Norris et al. (2014) EPA PMF 5.0 User Guide, EPA/600/R-14/108 (factor
 * profiles: concentration and % of species); Brown et al. (2015) Sci. Total Environ. 518:626.
 *
 * @param result a PMF result
 * @returns an {@link AqTable} with p·m rows
 */
export function profiles(result: PmfResult): AqTable {
  const pm = profileMatrices(result);
  const { p, m } = pm;
  const factor: string[] = [];
  const species: string[] = [];
  const unit: string[] = [];
  for (let k = 0; k < p; k++) {
    for (let j = 0; j < m; j++) {
      factor.push(pm.factorNames[k]);
      species.push(pm.species[j]);
      unit.push(pm.units[j]);
    }
  }
  const cols: Record<string, ColumnData> = {
    factor,
    species,
    unit,
    concentration: pm.concentration,
    percentOfSpecies: pm.percentOfSpecies,
    percentOfFactorTotal: pm.percentOfFactorTotal,
  };
  const info: Info = {
    factor: { kind: "string" },
    species: { kind: "string" },
    unit: { kind: "string" },
    concentration: { unit: commonUnit(pm.units) },
    percentOfSpecies: { unit: "%" },
    percentOfFactorTotal: { unit: "%" },
  };
  if (pm.percentOfTotalVariable) {
    cols.percentOfTotalVariable = pm.percentOfTotalVariable;
    info.percentOfTotalVariable = { unit: "%" };
  }
  return AqTable.create(cols, info);
}

/** The first column of per-sample tables: `time` (kind time) when times are known, else `sample`. */
function sampleColumn(input: PmfInput): {
  cols: Record<string, ColumnData>;
  info: Info;
  time?: { column: string; utcOffsetMinutes: number };
} {
  if (input.times) {
    return {
      cols: { time: Float64Array.from(input.times) },
      info: { time: { kind: "time" } },
      time: { column: "time", utcOffsetMinutes: input.utcOffsetMinutes ?? 0 },
    };
  }
  return { cols: { sample: input.samples.slice() }, info: { sample: { kind: "string" } } };
}

/**
 * Name of the mass-unit contribution column of a factor in {@link contributions}:
 * `"<factor> [<total variable>]"`, e.g. `"Factor 1 [PM2.5]"`.
 */
export function massColumnName(factorName: string, total: string): string {
  return `${factorName} [${total}]`;
}

/**
 * Factor contributions per sample.
 *
 * Columns: `time` (UTC instants, with the site's offset) when `input.times` is set, otherwise
 * `sample` (text); then one column per factor, named as the factor, holding the normalised
 * contribution G_ik (mean 1 over samples, unit `"1"`); and, when a total variable is set, one
 * column per factor named `"<factor> [<total>]"` ({@link massColumnName}) holding the contribution
 * in mass units G_ik·F_k,total (unit of the total variable, e.g. µg/m3).
 *
 * Reference: Norris et al. (2014) EPA PMF 5.0 User Guide, EPA/600/R-14/108 (factor
 * contributions normalised to an average of 1; in concentration units of the total variable).
 *
 * @param result a PMF result
 * @returns an {@link AqTable} with n rows
 */
export function contributions(result: PmfResult): AqTable {
  checkPmfResult(result);
  const { p, G, F, factorNames, input } = result;
  const { n, m } = input;
  const t = totalIndex(input);
  const { cols, info, time } = sampleColumn(input);
  for (let k = 0; k < p; k++) {
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) g[i] = G[i * p + k];
    cols[factorNames[k]] = g;
    info[factorNames[k]] = { unit: "1" };
  }
  if (t >= 0) {
    for (let k = 0; k < p; k++) {
      const name = massColumnName(factorNames[k], input.species[t]);
      const fkt = F[k * m + t];
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = G[i * p + k] * fkt;
      cols[name] = c;
      info[name] = { unit: input.units[t] };
    }
  }
  return AqTable.create(cols, info, time);
}

/**
 * The fitted (predicted) concentrations G·F, n×m row-major, in the species' units.
 * @param result a PMF result
 */
export function predictedMatrix(result: PmfResult): Float64Array {
  checkPmfResult(result);
  const { p, G, F } = result;
  const { n, m } = result.input;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let k = 0; k < p; k++) v += G[i * p + k] * F[k * m + j];
      out[i * m + j] = v;
    }
  }
  return out;
}

/** Box-plot statistics (type-7 quantiles, as numpy's default and R's `quantile`). */
export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Residual statistics of one species. */
export interface SpeciesResiduals {
  species: string;
  unit: string;
  /** Number of finite scaled residuals. */
  count: number;
  /** Q_j = Σ_i (r_ij/s_ij)² (Q(true) of this species, dimensionless). */
  q: number;
  /** Qexp_j = Qexp/m: the overall Q(expected) shared equally by the m species. */
  qExpected: number;
  /** Q_j / Qexp_j (NaN when Qexp ≤ 0). */
  qRatio: number;
  /** Number of samples with |r/s| > threshold (3 by default). */
  flagged: number;
  /** Labels (`input.samples`) of those samples, in sample order. */
  flaggedSamples: string[];
  /** 0-based indices of those samples. */
  flaggedIndices: number[];
  /** Box-plot statistics of the scaled residuals (NaN when there are none). */
  box: BoxStats;
}

/** Residual statistics of one sample. */
export interface SampleResiduals {
  sample: string;
  /** 0-based sample index. */
  index: number;
  /** Q_i = Σ_j (r_ij/s_ij)². */
  q: number;
  /** Q_i / (Qexp/n) (NaN when Qexp ≤ 0). */
  qRatio: number;
}

/** Residuals of a PMF solution (see {@link residuals}). */
export interface PmfResiduals {
  n: number;
  m: number;
  /** Residuals r = x − G·F, n×m row-major, in the species' units. */
  residual: Float64Array;
  /** Scaled residuals r/s, n×m row-major, dimensionless (NaN where x or s is not finite or s ≤ 0). */
  scaled: Float64Array;
  /** Flag threshold used on |r/s|. */
  threshold: number;
  /** Q(expected) of the result, as used for the ratios. */
  qExpected: number;
  /** Per species, in species order. */
  species: SpeciesResiduals[];
  /** Per sample, in sample order. */
  samples: SampleResiduals[];
}

/** Type-7 box statistics of the finite values (NaN for all when there are none). */
export function boxStats(values: ArrayLike<number>): BoxStats {
  const v = Array.from(values).filter((x) => Number.isFinite(x));
  if (v.length === 0) return { min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN };
  v.sort((a, b) => a - b);
  return {
    min: v[0],
    q1: quantileType7(v, 0.25, { sorted: true }),
    median: quantileType7(v, 0.5, { sorted: true }),
    q3: quantileType7(v, 0.75, { sorted: true }),
    max: v[v.length - 1],
  };
}

/**
 * Residuals and scaled residuals of a solution, with the EPA PMF 5.0 checks.
 *
 * - r_ij = x_ij − Σ_k G_ik F_kj (species units); scaled residual r_ij/s_ij (Paatero & Tapper 1994).
 * - Per species: count and list of samples with |r/s| > `threshold` (default 3: EPA PMF 5.0 flags
 *   these; Norris et al. 2014); Q_j = Σ_i (r/s)² (Q(true)); Q_j / Qexp_j with
 *   Qexp_j = Qexp / m, i.e. the result's Q(expected) = n·m − p·(n + m) shared equally among the m
 *   species (a convention: EPA PMF 5.0 shows Q/Qexp per species, and splitting Qexp evenly makes
 *   the per-species ratios average to the overall Q/Qexp); box-plot statistics (min, q1, median,
 *   q3, max; type-7 quantiles, `quantileType7` of src/stats) of the scaled residuals.
 * - Per sample: Q_i and Q_i / (Qexp / n).
 *
 * Cells where x or s is not finite, or s ≤ 0, get a NaN scaled residual and are left out of Q
 * and the statistics. When Qexp ≤ 0 (too few samples for the number of factors) the ratios are NaN.
 *
 * Reporting of Q/Qexp and scaled residuals: Brown et al. (2015) Sci. Total Environ. 518:626.
 *
 * @param result a PMF result
 * @param opts `threshold` on |r/s| (default 3)
 * @throws {RangeError} when the threshold is not positive
 */
export function residuals(result: PmfResult, opts: { threshold?: number } = {}): PmfResiduals {
  const threshold = opts.threshold ?? SCALED_RESIDUAL_FLAG;
  if (!(threshold > 0)) throw new RangeError(`scaled-residual threshold must be positive, got ${threshold}`);
  const pred = predictedMatrix(result);
  const { n, m, x, s, species, units, samples } = result.input;
  const residual = new Float64Array(n * m);
  const scaled = new Float64Array(n * m);
  for (let c = 0; c < n * m; c++) {
    residual[c] = x[c] - pred[c];
    scaled[c] = Number.isFinite(x[c]) && Number.isFinite(s[c]) && s[c] > 0 ? residual[c] / s[c] : NaN;
  }
  const qExp = result.qExpected;
  const qExpSpecies = qExp / m;
  const qExpSample = qExp / n;
  const speciesOut: SpeciesResiduals[] = [];
  for (let j = 0; j < m; j++) {
    const col: number[] = [];
    const flaggedIndices: number[] = [];
    let q = 0;
    for (let i = 0; i < n; i++) {
      const z = scaled[i * m + j];
      if (!Number.isFinite(z)) continue;
      col.push(z);
      q += z * z;
      if (Math.abs(z) > threshold) flaggedIndices.push(i);
    }
    speciesOut.push({
      species: species[j],
      unit: units[j],
      count: col.length,
      q,
      qExpected: qExpSpecies,
      qRatio: qExp > 0 ? q / qExpSpecies : NaN,
      flagged: flaggedIndices.length,
      flaggedSamples: flaggedIndices.map((i) => samples[i]),
      flaggedIndices,
      box: boxStats(col),
    });
  }
  const samplesOut: SampleResiduals[] = [];
  for (let i = 0; i < n; i++) {
    let q = 0;
    for (let j = 0; j < m; j++) {
      const z = scaled[i * m + j];
      if (Number.isFinite(z)) q += z * z;
    }
    samplesOut.push({ sample: samples[i], index: i, q, qRatio: qExp > 0 ? q / qExpSample : NaN });
  }
  return { n, m, residual, scaled, threshold, qExpected: qExp, species: speciesOut, samples: samplesOut };
}

/** Observed-versus-predicted statistics of one species. */
export interface SpeciesFit {
  species: string;
  unit: string;
  /** Number of samples with finite observed and predicted values. */
  count: number;
  /** Coefficient of determination of the OLS line (= squared Pearson r); NaN when undefined. */
  r2: number;
  /** Slope of observed on predicted (dimensionless); NaN when the predictions are constant. */
  slope: number;
  /** Intercept of observed on predicted (species unit). */
  intercept: number;
}

/** Observed versus predicted (see {@link observedPredicted}). */
export interface ObservedPredicted {
  /** Predicted concentrations G·F, n×m row-major. */
  predicted: Float64Array;
  /** Per species, in species order. */
  species: SpeciesFit[];
}

/**
 * Observed versus predicted concentrations per species: ordinary least squares of observed on
 * predicted (observed = slope·predicted + intercept; simple-statistics `linearRegression`) and its
 * r² (`rSquared`), as EPA PMF 5.0's observed/predicted scatter plots and regression table
 * (Norris et al. 2014; reporting per Brown et al. 2015, Sci. Total Environ. 518:626).
 *
 * Slope, intercept and r² are NaN when fewer than two samples are usable, or when the
 * predictions (slope) or observations (r²) do not vary.
 *
 * @param result a PMF result
 */
export function observedPredicted(result: PmfResult): ObservedPredicted {
  const predicted = predictedMatrix(result);
  const { n, m, x, species, units } = result.input;
  const out: SpeciesFit[] = [];
  for (let j = 0; j < m; j++) {
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const pv = predicted[i * m + j];
      const ov = x[i * m + j];
      if (Number.isFinite(pv) && Number.isFinite(ov)) pts.push([pv, ov]);
    }
    let slope = NaN;
    let intercept = NaN;
    let r2 = NaN;
    if (pts.length >= 2 && !pts.every((q) => q[0] === pts[0][0])) {
      const line = linearRegression(pts);
      slope = line.m;
      intercept = line.b;
      if (!pts.every((q) => q[1] === pts[0][1])) r2 = rSquared(pts, (v: number) => line.m * v + line.b);
    }
    out.push({ species: species[j], unit: units[j], count: pts.length, r2, slope, intercept });
  }
  return { predicted, species: out };
}

/** Contributions of two factors sample by sample (see {@link gSpace}). */
export interface GSpacePairs {
  /** 0-based factor indices. */
  a: number;
  b: number;
  factorA: string;
  factorB: string;
  /** Sample labels. */
  samples: string[];
  /** Normalised contributions G_ia and G_ib (dimensionless, mean 1). */
  ga: Float64Array;
  gb: Float64Array;
  /** Pearson correlation of ga and gb (NaN when undefined). */
  r: number;
}

/**
 * G-space pairs (G_ia, G_ib) of two factors: the data of EPA PMF 5.0's G-space plots, used to look
 * for rotational ambiguity (edges) and factor mixing (Paatero, P., Hopke, P.K., Begum, B.A.,
 * Biswas, S.K. (2005) Atmos. Environ. 39:193–201; Norris et al. 2014).
 *
 * @param result a PMF result
 * @param a first factor, 0-based
 * @param b second factor, 0-based
 * @throws Error when a factor index is out of range
 */
export function gSpace(result: PmfResult, a: number, b: number): GSpacePairs {
  checkPmfResult(result);
  const { p, G, factorNames } = result;
  const n = result.input.n;
  for (const k of [a, b]) {
    if (!Number.isInteger(k) || k < 0 || k >= p) throw new RangeError(`factor index ${k} is out of range 0..${p - 1}`);
  }
  const ga = new Float64Array(n);
  const gb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ga[i] = G[i * p + a];
    gb[i] = G[i * p + b];
  }
  let r = NaN;
  if (n >= 2) {
    const v = pearson(ga, gb);
    r = Number.isFinite(v) ? v : NaN;
  }
  return { a, b, factorA: factorNames[a], factorB: factorNames[b], samples: result.input.samples.slice(), ga, gb, r };
}

/** G-space pairs of every pair of factors a < b, in order (0,1), (0,2), …, (p−2, p−1). */
export function gSpaceAll(result: PmfResult): GSpacePairs[] {
  const out: GSpacePairs[] = [];
  for (let a = 0; a < result.p; a++) for (let b = a + 1; b < result.p; b++) out.push(gSpace(result, a, b));
  return out;
}

/**
 * Scaled residuals r/s as a table: `time` or `sample` first (as {@link contributions}), then one
 * column per species (unit `"1"`).
 */
export function scaledResidualTable(result: PmfResult, res: PmfResiduals = residuals(result)): AqTable {
  const { n, m, species } = result.input;
  const { cols, info, time } = sampleColumn(result.input);
  for (let j = 0; j < m; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = res.scaled[i * m + j];
    cols[species[j]] = c;
    info[species[j]] = { unit: "1" };
  }
  return AqTable.create(cols, info, time);
}

/**
 * One row per fitted species: unit, category, Q, Q/Qexp (Qexp_j = Qexp/m), number and list of
 * samples with |r/s| > 3, box statistics of r/s, and observed-versus-predicted r², slope and
 * intercept (see {@link residuals} and {@link observedPredicted}).
 */
export function speciesDiagnosticTable(
  result: PmfResult,
  res: PmfResiduals = residuals(result),
  fit: ObservedPredicted = observedPredicted(result),
): AqTable {
  const rows = res.species;
  const num = (f: (r: SpeciesResiduals, j: number) => number) => Float64Array.from(rows, f);
  return AqTable.create(
    {
      species: rows.map((r) => r.species),
      unit: rows.map((r) => r.unit),
      category: result.input.categories.slice(),
      q: num((r) => r.q),
      qExpected: num((r) => r.qExpected),
      qRatio: num((r) => r.qRatio),
      flagged: num((r) => r.flagged),
      flaggedSamples: rows.map((r) => r.flaggedSamples.join("; ")),
      min: num((r) => r.box.min),
      q1: num((r) => r.box.q1),
      median: num((r) => r.box.median),
      q3: num((r) => r.box.q3),
      max: num((r) => r.box.max),
      r2: num((_, j) => fit.species[j].r2),
      slope: num((_, j) => fit.species[j].slope),
      intercept: num((_, j) => fit.species[j].intercept),
    },
    {
      species: { kind: "string" },
      unit: { kind: "string" },
      category: { kind: "string" },
      q: { unit: "1" },
      qExpected: { unit: "1" },
      qRatio: { unit: "1" },
      flagged: { unit: "1" },
      flaggedSamples: { kind: "string" },
      min: { unit: "1" },
      q1: { unit: "1" },
      median: { unit: "1" },
      q3: { unit: "1" },
      max: { unit: "1" },
      r2: { unit: "1" },
      slope: { unit: "1" },
      intercept: { unit: commonUnit(result.input.units) },
    },
  );
}
