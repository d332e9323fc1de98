import { bootstrapTwoSample } from "../../stats/bootstraptwosample";
import { hodgesLehmannShift } from "../../stats/hodgeslehmann";
import { mannWhitneyTest } from "../../stats/mannwhitney";
import { ols } from "../../stats/ols";
import { pairedTTest } from "../../stats/pairedt";
import { tQuantile } from "../../stats/studentt";
import { welchTTest } from "../../stats/welch";
import { type AnalysisUnit, MIXED, unitElectricityKwh, unitThermalMJ } from "./aggregate";
import { primaryEnergyMJ } from "./convert";
import { cvRmse, fractionalSavingsUncertainty, nmbe, residualAutocorrelation } from "./g14";
import { type SecBasis, unitProduction } from "./sec";
import type { EnergyParameters } from "./tables/factors";

/** Which energy a comparison uses: total final (MJ), thermal (MJ), electric (kWh) or total primary (MJ). */
export type EnergyKind = "total" | "thermal" | "electric" | "primary";

/** Unit of an {@link EnergyKind}. */
export function energyUnit(kind: EnergyKind): string {
  return kind === "electric" ? "kWh" : "MJ";
}

/** Energy of a unit of a kind. */
export function unitEnergy(u: AnalysisUnit, kind: EnergyKind, params: EnergyParameters): number {
  const el = unitElectricityKwh(u);
  switch (kind) {
    case "total":
      return unitThermalMJ(u) + 3.6 * el;
    case "thermal":
      return unitThermalMJ(u);
    case "electric":
      return el;
    case "primary":
      return primaryEnergyMJ({ electricityKwh: el, thermalFuelMJ: u.thermalFuelMJ }, params);
  }
}

/** Options shared by the comparison designs. */
export interface DesignOptions {
  basis: SecBasis;
  params: EnergyParameters;
  /** Energy kind compared (default `total`). */
  energy?: EnergyKind;
  /** Confidence level (default 0.95). */
  confidence?: number;
  /** Bootstrap replicates (default 2000). */
  replicates?: number;
  /** Bootstrap seed (default 1). */
  seed?: number;
  /**
   * Which units are the reporting (retrofit) side: `group` (new machines vs the old machine,
   * default) or `period` (after vs before on the same machines).
   */
  contrast?: "group" | "period";
}

/**
 * True when the unit is on the reporting side of the contrast.
 * @throws {RangeError} when the contrast is "period" and the unit has no period
 */
export function isReporting(u: AnalysisUnit, contrast: "group" | "period" = "group"): boolean {
  if (contrast === "group") return u.group === "new";
  if (u.period === undefined)
    throw new RangeError(`contrast "period" needs a period (before/after) column; unit ${u.id} has none`);
  return u.period === "after";
}

function split(units: AnalysisUnit[], o: DesignOptions) {
  const kind = o.energy ?? "total";
  const base: { e: number; p: number; u: AnalysisUnit }[] = [],
    rep: { e: number; p: number; u: AnalysisUnit }[] = [];
  for (const u of units) {
    const p = unitProduction(u, o.basis),
      e = unitEnergy(u, kind, o.params);
    if (!(p > 0) || !Number.isFinite(e))
      throw new RangeError(`compare: unit ${u.id} has no positive production per ${o.basis} or no energy`);
    (isReporting(u, o.contrast) ? rep : base).push({ e, p, u });
  }
  if (base.length < 2 || rep.length < 2)
    throw new RangeError(
      `compare: need at least 2 baseline and 2 reporting units (have ${base.length} and ${rep.length})`,
    );
  return { base, rep, kind };
}

/** Result of {@link compareUnpaired}. */
export interface UnpairedComparison {
  basis: SecBasis;
  energy: EnergyKind;
  /** Energy unit per production unit, e.g. `MJ/kg`. */
  secUnit: string;
  nBaseline: number;
  nReporting: number;
  /** SEC as ratio of totals ΣE/ΣP. */
  secBaseline: number;
  secReporting: number;
  /** SEC_reporting / SEC_baseline with a stratified bootstrap percentile interval (units resampled). */
  ratio: { estimate: number; lower: number; upper: number };
  /** Savings over the reporting production: SEC_baseline·ΣP_rep − ΣE_rep (energy unit), with a bootstrap interval. */
  savings: { estimate: number; lower: number; upper: number; fraction: number };
  /** Welch t on log SEC per unit: ratio of geometric means exp(Δ) with interval, df, p. */
  welchLog: { ratio: number; lower: number; upper: number; df: number; t: number; p: number };
  /** Welch t on SEC per unit: difference (reporting − baseline), interval, df, p. */
  welch: { difference: number; lower: number; upper: number; df: number; t: number; p: number };
  /** Mann–Whitney U test of per-unit SEC, and the Hodges–Lehmann shift (reporting − baseline) with interval. */
  mannWhitney: { u: number; p: number; method: string };
  hodgesLehmann: { shift: number; lower: number; upper: number; achievedConfidence: number };
  confidence: number;
  replicates: number;
  seed: number;
}

/**
 * Unpaired comparison of SEC between baseline and reporting units (CONVENTIONS §5): ratio of
 * totals with a stratified bootstrap over units; Welch t (Welch–Satterthwaite df) on log SEC
 * (ratio of geometric means) and on SEC; Mann–Whitney U with the Hodges–Lehmann shift.
 */
export function compareUnpaired(units: AnalysisUnit[], o: DesignOptions): UnpairedComparison {
  const { base, rep, kind } = split(units, o);
  const conf = o.confidence ?? 0.95,
    reps = o.replicates ?? 2000,
    seed = o.seed ?? 1;
  const tot = (xs: { e: number; p: number }[], idx?: Int32Array) => {
    let e = 0,
      p = 0;
    if (idx)
      for (let k = 0; k < idx.length; k++) {
        e += xs[idx[k]].e;
        p += xs[idx[k]].p;
      }
    else
      for (const x of xs) {
        e += x.e;
        p += x.p;
      }
    return { e, p };
  };
  const b = tot(base),
    r = tot(rep);
  const secB = b.e / b.p,
    secR = r.e / r.p;
  // one resampling scheme for both statistics: reporting (a) and baseline (c) totals of the resampled units
  type Totals = { e: number; p: number };
  const bootTotals = (stat: (a: Totals, c: Totals) => number, s: number) =>
    bootstrapTwoSample(rep.length, base.length, (ir, ib) => stat(tot(rep, ir), tot(base, ib)), {
      replicates: reps,
      seed: s,
      confidence: conf,
    });
  const ratioBoot = bootTotals((a, c) => a.e / a.p / (c.e / c.p), seed);
  // savings at the reporting production as logged (the reporting production is a condition, resampled with its energy)
  const savBoot = bootTotals((a, c) => (c.e / c.p) * a.p - a.e, seed + 1);
  const sB = base.map((x) => x.e / x.p),
    sR = rep.map((x) => x.e / x.p);
  const wl = welchTTest(sR.map(Math.log), sB.map(Math.log), conf);
  const w = welchTTest(sR, sB, conf);
  const mw = mannWhitneyTest(sR, sB);
  const hl = hodgesLehmannShift(sR, sB, conf);
  const saving = secB * r.p - r.e;
  return {
    basis: o.basis,
    energy: kind,
    secUnit: `${energyUnit(kind)}/${o.basis === "kg" ? "kg" : "1000 m"}`,
    nBaseline: base.length,
    nReporting: rep.length,
    secBaseline: secB,
    secReporting: secR,
    ratio: { estimate: secR / secB, lower: ratioBoot.lower, upper: ratioBoot.upper },
    savings: { estimate: saving, lower: savBoot.lower, upper: savBoot.upper, fraction: saving / (secB * r.p) },
    welchLog: {
      ratio: Math.exp(wl.difference),
      lower: Math.exp(wl.lower),
      upper: Math.exp(wl.upper),
      df: wl.df,
      t: wl.t,
      p: wl.p,
    },
    welch: { difference: w.difference, lower: w.lower, upper: w.upper, df: w.df, t: w.t, p: w.p },
    mannWhitney: { u: mw.u, p: mw.p, method: mw.method },
    hodgesLehmann: { shift: hl.estimate, lower: hl.lower, upper: hl.upper, achievedConfidence: hl.achievedConfidence },
    confidence: conf,
    replicates: reps,
    seed,
  };
}

/** Result of {@link comparePaired}. */
export interface PairedComparison {
  basis: SecBasis;
  energy: EnergyKind;
  /** One pair per article run on both sides: SEC (ratio of totals of its units) on each side. */
  pairs: {
    article: string;
    secBaseline: number;
    secReporting: number;
    unitsBaseline: number;
    unitsReporting: number;
  }[];
  /** Articles set aside because they ran on one side only. */
  unpaired: string[];
  /** Units left out because they ran several articles (shifts). */
  mixedUnitsExcluded: number;
  /** exp(mean Δlog SEC) with its t interval; paired t on log SEC. */
  ratio: { estimate: number; lower: number; upper: number };
  t: number;
  df: number;
  p: number;
  confidence: number;
}

/**
 * Paired design (CONVENTIONS §5): the same fabric article on the old and the new machine. Per
 * article and side, SEC = ratio of totals of its units; the paired t-test on Δ = log SEC_new −
 * log SEC_old gives the ratio exp(mean Δ) with interval exp(mean Δ ± t·s/√n).
 * @throws {RangeError} when a unit has no article or fewer than 2 articles ran on both sides
 */
export function comparePaired(units: AnalysisUnit[], o: DesignOptions): PairedComparison {
  const { base, rep, kind } = split(units, o);
  let mixed = 0;
  const agg = (xs: { e: number; p: number; u: AnalysisUnit }[]) => {
    const m = new Map<string, { e: number; p: number; n: number }>();
    for (const x of xs) {
      const a = x.u.article;
      if (a === MIXED) {
        mixed++;
        continue;
      }
      if (a === undefined)
        throw new RangeError(`comparePaired: unit ${x.u.id} has no article (the paired design pairs by article)`);
      const t = m.get(a) ?? { e: 0, p: 0, n: 0 };
      t.e += x.e;
      t.p += x.p;
      t.n++;
      m.set(a, t);
    }
    return m;
  };
  const B = agg(base),
    R = agg(rep);
  const pairs: PairedComparison["pairs"] = [];
  const unpaired: string[] = [];
  for (const a of [...new Set([...B.keys(), ...R.keys()])].sort()) {
    const b = B.get(a),
      r = R.get(a);
    if (!b || !r) {
      unpaired.push(a);
      continue;
    }
    pairs.push({
      article: a,
      secBaseline: b.e / b.p,
      secReporting: r.e / r.p,
      unitsBaseline: b.n,
      unitsReporting: r.n,
    });
  }
  if (pairs.length < 2)
    throw new RangeError(
      `comparePaired: need at least 2 articles run on both sides, have ${pairs.length}${mixed ? ` (${mixed} units ran several articles and were left out: use lot units)` : ""}`,
    );
  const conf = o.confidence ?? 0.95;
  const t = pairedTTest(
    pairs.map((p) => Math.log(p.secReporting)),
    pairs.map((p) => Math.log(p.secBaseline)),
    conf,
  );
  return {
    basis: o.basis,
    energy: kind,
    pairs,
    unpaired,
    mixedUnitsExcluded: mixed,
    ratio: { estimate: Math.exp(t.meanDifference), lower: Math.exp(t.lower), upper: Math.exp(t.upper) },
    t: t.t,
    df: t.df,
    p: t.p,
    confidence: conf,
  };
}

/** Result of {@link compareRegression}. */
export interface RegressionComparison {
  basis: SecBasis;
  energy: EnergyKind;
  /** E = β0 + β1·P + β2·D + β3·D·P: coefficients and standard errors (energy unit; P in kg or 1000 m). */
  coefficients: { b0: number; b1: number; b2: number; b3: number };
  se: { b0: number; b1: number; b2: number; b3: number };
  df: number;
  /** Savings over the reporting units: −(m·β2 + β3·ΣP_rep), interval from Cov(β) and t(n − 4). */
  savings: { estimate: number; lower: number; upper: number; fraction: number };
  /**
   * IPMVP Option B: baseline model E = a + b·P fitted on baseline units only, adjusted to the
   * reporting production; savings = Σŷ − ΣE over reporting units. Interval from the baseline
   * model's prediction error over the m reporting units, σ²·(m + cᵀ(XᵀX)⁻¹c) with c = Σx_rep
   * (t with n − 2 df); and the ASHRAE G14 FSU interval savings·(1 ± FSU).
   */
  baseline: {
    a: number;
    b: number;
    n: number;
    r2: number;
    cvRmse: number;
    nmbe: number;
    rho: number;
    adjustedBaseline: number;
    reportingEnergy: number;
    m: number;
    savings: number;
    lower: number;
    upper: number;
    fraction: number;
    fsu: number;
    fsuLower: number;
    fsuUpper: number;
    /** Whether CV(RMSE) ≤ 15 % and |NMBE| ≤ 5 % (G14 monthly limits; lots are closer to monthly data than hourly). */
    meetsG14: boolean;
  };
  /** Fitted lines per side for figures: energy = intercept + slope·P. */
  lines: { side: "baseline" | "reporting"; intercept: number; slope: number; pMin: number; pMax: number }[];
  confidence: number;
}

/**
 * Regression with production as covariate (CONVENTIONS §5; IPMVP Option B adjusted baseline):
 * E = β0 + β1·P + β2·D + β3·D·P with D = 1 for reporting units, by OLS; and the Option B
 * baseline model on the baseline units with ASHRAE Guideline 14 CV(RMSE), NMBE and FSU (ρ from
 * the baseline residuals in time order).
 */
export function compareRegression(units: AnalysisUnit[], o: DesignOptions): RegressionComparison {
  const { base, rep, kind } = split(units, o);
  const conf = o.confidence ?? 0.95;
  const all = [...base.map((x) => ({ ...x, d: 0 })), ...rep.map((x) => ({ ...x, d: 1 }))];
  const fit = ols(
    all.map((x) => [1, x.p, x.d, x.d * x.p]),
    all.map((x) => x.e),
  );
  const [b0, b1, b2, b3] = fit.coefficients;
  const m = rep.length;
  const sumP = rep.reduce((s, x) => s + x.p, 0);
  const c = [0, 0, -m, -sumP];
  const est = c.reduce((s, ci, i) => s + ci * fit.coefficients[i], 0);
  let v = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) v += c[i] * c[j] * fit.covariance[i][j];
  const q = tQuantile(1 - (1 - conf) / 2, fit.df);
  const adjusted = rep.reduce((s, x) => s + b0 + b1 * x.p, 0);
  // Option B baseline model
  const bs = [...base].sort((x, y) => x.u.start - y.u.start);
  const bfit = ols(
    bs.map((x) => [1, x.p]),
    bs.map((x) => x.e),
  );
  const [a, b] = bfit.coefficients;
  const y = bs.map((x) => x.e);
  const cv = cvRmse(y, bfit.fitted, 2),
    nb = nmbe(y, bfit.fitted, 2);
  const rho = bs.length >= 3 ? residualAutocorrelation(bfit.residuals) : 0;
  const adj = rep.reduce((s, x) => s + a + b * x.p, 0);
  const ere = rep.reduce((s, x) => s + x.e, 0);
  const sav = adj - ere;
  const cvec = [m, sumP];
  let quad = 0;
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) quad += cvec[i] * cvec[j] * bfit.xtxInverse[i][j];
  const seSav = bfit.sigma * Math.sqrt(m + quad);
  const qb = tQuantile(1 - (1 - conf) / 2, bfit.df);
  const fraction = sav / adj;
  const fsu = fractionalSavingsUncertainty({
    cv,
    n: bs.length,
    m,
    fraction,
    rho: Math.max(-0.99, Math.min(0.99, rho)),
    p: 2,
    confidence: conf,
  });
  const range = (xs: { p: number }[]) => [Math.min(...xs.map((x) => x.p)), Math.max(...xs.map((x) => x.p))];
  const [bmin, bmax] = range(base),
    [rmin, rmax] = range(rep);
  return {
    basis: o.basis,
    energy: kind,
    coefficients: { b0, b1, b2, b3 },
    se: { b0: fit.se[0], b1: fit.se[1], b2: fit.se[2], b3: fit.se[3] },
    df: fit.df,
    savings: { estimate: est, lower: est - q * Math.sqrt(v), upper: est + q * Math.sqrt(v), fraction: est / adjusted },
    baseline: {
      a,
      b,
      n: bs.length,
      r2: bfit.r2,
      cvRmse: cv,
      nmbe: nb,
      rho,
      adjustedBaseline: adj,
      reportingEnergy: ere,
      m,
      savings: sav,
      lower: sav - qb * seSav,
      upper: sav + qb * seSav,
      fraction,
      fsu: fsu.fsu,
      fsuLower: sav * (1 - fsu.fsu),
      fsuUpper: sav * (1 + fsu.fsu),
      meetsG14: cv <= 0.15 && Math.abs(nb) <= 0.05,
    },
    lines: [
      { side: "baseline", intercept: b0, slope: b1, pMin: bmin, pMax: bmax },
      { side: "reporting", intercept: b0 + b2, slope: b1 + b3, pMin: rmin, pMax: rmax },
    ],
    confidence: conf,
  };
}
