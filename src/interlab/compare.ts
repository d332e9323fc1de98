import { mean, sampleSd } from "../stats/moments";
import { median } from "../stats/median";
import { blandAltman, type BlandAltmanResult } from "../stats/blandaltman";
import { demingRegression, type DemingResult } from "../stats/deming";
import { passingBablok, type PassingBablokResult } from "../stats/passingbablok";
import type { PairedLabResults } from "./read";
import { classifyEn, classifyZ, enNumber, zScore, type ScoreClass } from "./proficiency";

/** Per-species verdict of {@link compareLabs}. */
export type Verdict = "agree" | "bias" | "disagree" | "insufficient";

/** Options of {@link compareLabs}. */
export interface CompareLabsOptions {
  /** Confidence level of every interval (default 0.95). */
  level?: number;
  /** Largest acceptable |mean relative difference| in %, global or per species (default 10). */
  tolerancePct?: number | Record<string, number>;
  /** Deming error-variance ratio (default 1). */
  errorRatio?: number;
  /**
   * Assigned value for z and En: `"a"` (lab A's result is the reference; scores for lab B) or
   * reference values per species aligned with the sample ids, with their expanded uncertainty
   * (scores for both labs). Default `"a"`.
   */
  assigned?: "a" | { values: Record<string, ArrayLike<number>>; uncertainty: Record<string, ArrayLike<number>> };
  /** σpt as a fraction of the assigned value, global or per species (default 0.10, fitness for purpose, ISO 13528:2022 §8.2). */
  sigmaPtRel?: number | Record<string, number>;
  /** Relative expanded (k = 2) uncertainties of each lab's results, global or per species (default 0.10 each; state your own). */
  uRel?: { a?: number | Record<string, number>; b?: number | Record<string, number> };
  /** Minimum complete pairs to compare a species (default 5). */
  minPairs?: number;
}

/** One z/En score. */
export interface LabScore {
  lab: string;
  sample: string;
  value: number;
  assigned: number;
  z: number;
  en: number;
  zClass: ScoreClass;
  enClass: ScoreClass;
}

/**
 * How a pair with at least one result reported below detection (`<DL`) stands:
 * - `both-censored`: both labs reported "<" (agreement in the sense that neither detected it; no number to compare)
 * - `a-censored-b-above-dl` / `b-censored-a-above-dl`: one lab reported "<DL" while the other
 *   reported a value above that DL (the results contradict each other)
 * - `a-censored-b-below-dl` / `b-censored-a-below-dl`: the other lab's value is at or below the
 *   censored lab's DL (consistent with it)
 * - `a-censored-b-missing` / `b-censored-a-missing`: the other lab has no result
 * - `a-censored-limit-unknown` / `b-censored-limit-unknown`: `ND` without a number; the other's value cannot be placed
 */
export type CensoredCase =
  | "both-censored"
  | "a-censored-b-above-dl"
  | "a-censored-b-below-dl"
  | "b-censored-a-above-dl"
  | "b-censored-a-below-dl"
  | "a-censored-b-missing"
  | "b-censored-a-missing"
  | "a-censored-limit-unknown"
  | "b-censored-limit-unknown";

/** One pair with a censored result, reported apart from the statistics (see {@link compareLabs}). */
export interface CensoredPair {
  sample: string;
  case: CensoredCase;
  /** Lab A's and lab B's reported value (NaN when censored or missing), unit of the species. */
  a: number;
  b: number;
  /** Detection limits of the censored results (NaN when that lab's result is not censored or `ND` gave no limit). */
  aLimit: number;
  bLimit: number;
  /**
   * Range of z-scores the censored result could have, from a true value of 0 to the DL:
   * [(0 − X)/σpt, (DL − X)/σpt] (the z-score arrow range, ZSAR, of the DUCARES paper cited at
   * {@link compareLabs}), for the lab being scored when an assigned value exists; not a score.
   */
  zRange?: { lab: string; range: [number, number] };
}

/** Per-species comparison of {@link compareLabs}. */
export interface SpeciesComparison {
  species: string;
  unit: string;
  /** Complete pairs used; pairs with a missing or censored value in either lab are left out and counted. */
  n: number;
  /** Pairs not used (missing or censored in either lab): `excluded = pairs − n`. */
  excluded: number;
  /** Pairs with a result reported below detection in either lab, each with its case; never in the statistics or scores. */
  censored: CensoredPair[];
  /** Number of censored pairs per case (only the cases that occur). */
  censoredSummary: Partial<Record<CensoredCase, number>>;
  meanA: number;
  meanB: number;
  /** Mean and SD of b − a (unit of the species). */
  meanDifference: number;
  sdDifference: number;
  /** Mean of 100·(b − a)/((a + b)/2), %. */
  meanRelativeDifferencePct: number;
  /** Median and geometric mean of b/a over pairs with a, b > 0. */
  medianRatio: number;
  geometricMeanRatio: number;
  pearsonR: number;
  blandAltman: BlandAltmanResult | null;
  blandAltmanRelative: BlandAltmanResult | null;
  deming: DemingResult | null;
  passingBablok: PassingBablokResult | null;
  scores: LabScore[];
  /** Share of |z| ≤ 2 and |En| ≤ 1 per lab scored. */
  scoreSummary: Record<string, { n: number; zSatisfactory: number; enSatisfactory: number }>;
  verdict: Verdict;
  /** Why: the tests that failed and the relative difference. */
  reasons: string[];
}

/** The verdict rule, as printed in every result. */
export function verdictCriterion(level: number, tolerancePct: string): string {
  const p = Math.round(level * 100);
  return (
    `agree: the ${p} % CI of the Passing–Bablok slope contains 1, that of its intercept contains 0, the ${p} % CI of the Bland–Altman bias contains 0, and |mean relative difference| ≤ ${tolerancePct} %; ` +
    `bias: at least one CI test fails but |mean relative difference| ≤ ${tolerancePct} %; disagree: |mean relative difference| > ${tolerancePct} %; ` +
    `insufficient: fewer complete uncensored pairs than the minimum, or the regression is undefined (a constant series) or the relative difference cannot be computed`
  );
}

const pick = (v: number | Record<string, number> | undefined, sp: string, def: number): number =>
  v === undefined ? def : typeof v === "number" ? v : (v[sp] ?? def);

/**
 * Inter-laboratory comparison of paired results per species (both labs analysed splits of the
 * same filters): difference and ratio statistics, Bland–Altman (absolute and relative; Bland &
 * Altman 1986, 1999), Deming (Cornbleet & Gochman 1979, jackknife CI) and Passing–Bablok (1983)
 * regression of B on A with confidence intervals, z-scores and En numbers against an assigned
 * value (ISO 13528:2022 §9.4, §9.7), and a verdict per species with the criterion stated
 * (`criterion`).
 *
 * Results reported below detection ("<x", `ND`) are censored values, not measurements: the
 * reader's substitute (DL/2 by default) is never scored with z or En and never enters the
 * differences, ratios, Bland–Altman, Deming or Passing–Bablok. Each pair with a censored result is
 * listed in `censored` with its case (both censored; one censored with the other lab's value above
 * or below that DL) and, where an assigned value exists, the range of z the result could have
 * (true value 0 … DL). This follows ISO 13528's treatment of truncated ("less than") results,
 * which are left out of the statistical analysis and of scoring: ISO 13528:2015 and 2022
 * §5.5.3 "Reporting of 'less than' or 'greater than' a limit (censored data)" (clause number and
 * title from the standard's published table of contents). The clause's body was not accessible to
 * us, so it is not quoted here; the most primary accessible text that states the rule is the DUCARES
 * paper "Introduction of z-score arrow ranges (ZSAR) in proficiency testing", Accred. Qual.
 * Assur. (2015), doi:10.1007/s00769-015-1160-1, abstract: "Most proficiency
 * testing (PT) providers do not calculate the performance of participants that report results
 * that are below the limit of quantification, so-called truncated results ("< results"). The ISO
 * FDIS 13528 standard describes three approaches for the analysis of censored data. DUCARES
 * leaves out truncated results from the statistical evaluation." Its z-score arrow range "considers
 * the full interval of potentially possible results as described by the truncated value <x …
 * from the limit value x down to zero": here [(0 − X)/σpt, (x − X)/σpt].
 *
 * The verdict is never "agree" when the regression is undefined (a constant series) or the mean
 * relative difference exceeds the tolerance (issue #20).
 */
export function compareLabs(
  p: PairedLabResults,
  opts: CompareLabsOptions = {},
): { labs: [string, string]; level: number; criterion: string; species: SpeciesComparison[]; assigned: string } {
  const level = opts.level ?? 0.95,
    minPairs = Math.max(3, opts.minPairs ?? 5);
  const tolText = typeof opts.tolerancePct === "object" ? "the species' tolerance" : String(opts.tolerancePct ?? 10);
  const out: SpeciesComparison[] = [];
  for (const sp of p.species) {
    const A = p.a[sp],
      B = p.b[sp];
    const cA = p.censored?.[0][sp],
      cB = p.censored?.[1][sp];
    const idx: number[] = [],
      cidx: number[] = [];
    for (let i = 0; i < A.length; i++) {
      if (cA?.[i] || cB?.[i]) cidx.push(i);
      else if (Number.isFinite(A[i]) && Number.isFinite(B[i])) idx.push(i);
    }
    const a = idx.map((i) => A[i]),
      b = idx.map((i) => B[i]);
    const n = a.length;
    const d = b.map((v, i) => v - a[i]);
    const rel = b.map((v, i) => (a[i] + v === 0 ? NaN : (200 * (v - a[i])) / (a[i] + v))).filter(Number.isFinite);
    const ratios = b
      .map((v, i) => v / a[i])
      .filter((r, i) => a[i] > 0 && b[i] > 0 && Number.isFinite(r))
      .sort((x, y) => x - y);
    const md = n ? mean(d) : NaN;
    const sdd = sampleSd(d);
    const ma = n ? mean(a) : NaN,
      mb = n ? mean(b) : NaN;
    let sab = 0,
      saa = 0,
      sbb = 0;
    for (let i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) ** 2;
      sbb += (b[i] - mb) ** 2;
    }
    const tol = pick(opts.tolerancePct, sp, 10);
    const relMean = rel.length ? mean(rel) : NaN;
    const base: SpeciesComparison = {
      species: sp,
      unit: p.units[sp],
      n,
      excluded: A.length - n,
      censored: [],
      censoredSummary: {},
      meanA: ma,
      meanB: mb,
      meanDifference: md,
      sdDifference: sdd,
      meanRelativeDifferencePct: relMean,
      medianRatio: median(ratios),
      geometricMeanRatio: ratios.length ? Math.exp(mean(ratios.map(Math.log))) : NaN,
      pearsonR: sab / Math.sqrt(saa * sbb),
      blandAltman: null,
      blandAltmanRelative: null,
      deming: null,
      passingBablok: null,
      scores: [],
      scoreSummary: {},
      verdict: "insufficient",
      reasons: [],
    };
    const sPt = pick(opts.sigmaPtRel, sp, 0.1);
    const refX =
      opts.assigned !== undefined && opts.assigned !== "a"
        ? opts.assigned.values[sp]
        : (undefined as ArrayLike<number> | undefined);
    for (const i of cidx) {
      const ca = cA?.[i] === 1,
        cb = cB?.[i] === 1;
      const la = ca ? (p.detectionLimit?.[0][sp]?.[i] ?? NaN) : NaN,
        lb = cb ? (p.detectionLimit?.[1][sp]?.[i] ?? NaN) : NaN;
      const va = ca ? NaN : A[i],
        vb = cb ? NaN : B[i];
      const side = (x: "a" | "b", lim: number, other: number): CensoredCase => {
        const y = x === "a" ? "b" : "a";
        if (!Number.isFinite(other)) return `${x}-censored-${y}-missing` as CensoredCase;
        if (!Number.isFinite(lim)) return `${x}-censored-limit-unknown` as CensoredCase;
        return `${x}-censored-${y}-${other > lim ? "above" : "below"}-dl` as CensoredCase;
      };
      const kase: CensoredCase = ca && cb ? "both-censored" : ca ? side("a", la, vb) : side("b", lb, va);
      const rec: CensoredPair = { sample: p.ids[i], case: kase, a: va, b: vb, aLimit: la, bLimit: lb };
      // z-score arrow range of the censored result of the lab being scored (ZSAR, Accred. Qual. Assur. 2015)
      const zr = (lab: string, lim: number, X: number) => {
        if (X > 0 && Number.isFinite(lim)) rec.zRange = { lab, range: [-X / (sPt * X), (lim - X) / (sPt * X)] };
      };
      if (refX === undefined) {
        if (cb && !ca && (opts.assigned === undefined || opts.assigned === "a")) zr(p.labs[1], lb, va);
      } else if (ca !== cb) zr(ca ? p.labs[0] : p.labs[1], ca ? la : lb, refX[i]);
      base.censored.push(rec);
      base.censoredSummary[kase] = (base.censoredSummary[kase] ?? 0) + 1;
    }
    if (cidx.length)
      base.reasons.push(
        `${cidx.length} pair(s) with a result below detection left out of every statistic and score (a "<" result is not a measured value; ISO 13528's treatment of truncated results): ` +
          Object.entries(base.censoredSummary)
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
      );
    if (n < minPairs) {
      base.reasons.push(`${n} complete uncensored pairs < minimum ${minPairs}`);
      out.push(base);
      continue;
    }
    base.blandAltman = blandAltman(a, b, { level });
    const relOk = a.every((v, i) => v + b[i] !== 0);
    base.blandAltmanRelative = relOk ? blandAltman(a, b, { level, relative: true }) : null;
    try {
      base.deming = demingRegression(a, b, { errorRatio: opts.errorRatio, level });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      base.reasons.push(`Deming: ${(e as Error).message}`);
    }
    try {
      base.passingBablok = passingBablok(a, b, { level });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      base.reasons.push(`Passing–Bablok: ${(e as Error).message}`);
    }
    // scores
    const ids = idx.map((i) => p.ids[i]);
    const uA = pick(opts.uRel?.a, sp, 0.1),
      uB = pick(opts.uRel?.b, sp, 0.1);
    const score = (lab: string, x: number[], ux: number, X: number[], UX: number[]) => {
      x.forEach((v, i) => {
        if (!(X[i] > 0) || !Number.isFinite(UX[i])) return;
        const z = zScore(v, X[i], sPt * X[i]);
        const en = enNumber(v, ux * Math.abs(v), X[i], UX[i]);
        base.scores.push({
          lab,
          sample: ids[i],
          value: v,
          assigned: X[i],
          z,
          en,
          zClass: classifyZ(z),
          enClass: classifyEn(en),
        });
      });
    };
    if (opts.assigned === undefined || opts.assigned === "a") {
      score(
        p.labs[1],
        b,
        uB,
        a,
        a.map((v) => uA * Math.abs(v)),
      );
    } else {
      const Xv = opts.assigned.values[sp],
        Uv = opts.assigned.uncertainty[sp];
      if (Xv && Uv) {
        const X = idx.map((i) => Xv[i]),
          U = idx.map((i) => Uv[i]);
        score(p.labs[0], a, uA, X, U);
        score(p.labs[1], b, uB, X, U);
      }
    }
    for (const lab of p.labs) {
      const s = base.scores.filter((x) => x.lab === lab);
      if (s.length)
        base.scoreSummary[lab] = {
          n: s.length,
          zSatisfactory: s.filter((x) => x.zClass === "satisfactory").length / s.length,
          enSatisfactory: s.filter((x) => x.enClass === "satisfactory").length / s.length,
        };
    }
    // verdict
    const pb = base.passingBablok,
      ba = base.blandAltman;
    const fails: string[] = [];
    if (pb) {
      if (!(pb.slopeCI[0] <= 1 && pb.slopeCI[1] >= 1))
        fails.push(
          `Passing–Bablok slope ${pb.slope.toPrecision(4)} (CI ${pb.slopeCI[0].toPrecision(4)}–${pb.slopeCI[1].toPrecision(4)}) excludes 1`,
        );
      if (!(pb.interceptCI[0] <= 0 && pb.interceptCI[1] >= 0))
        fails.push(
          `Passing–Bablok intercept ${pb.intercept.toPrecision(3)} (CI ${pb.interceptCI[0].toPrecision(3)}–${pb.interceptCI[1].toPrecision(3)}) excludes 0`,
        );
    }
    if (!(ba.biasCI[0] <= 0 && ba.biasCI[1] >= 0))
      fails.push(
        `Bland–Altman bias ${ba.bias.toPrecision(3)} ${p.units[sp]} (CI ${ba.biasCI[0].toPrecision(3)}–${ba.biasCI[1].toPrecision(3)}) excludes 0`,
      );
    base.reasons.push(...fails, `mean relative difference ${relMean.toFixed(1)} % (tolerance ±${tol} %)`);
    // never "agree" without a defined regression or with a relative difference beyond the tolerance (issue #20)
    const undefinedFit = !pb || !base.deming || !Number.isFinite(pb.slope) || !Number.isFinite(base.deming.slope);
    if (!Number.isFinite(relMean)) {
      base.verdict = "insufficient";
      base.reasons.push("the mean relative difference cannot be computed");
    } else if (Math.abs(relMean) > tol) base.verdict = "disagree";
    else if (undefinedFit) {
      base.verdict = "insufficient";
      base.reasons.push(
        "the regression is undefined (a constant series or too few distinct values): no verdict of agreement",
      );
    } else base.verdict = fails.length === 0 ? "agree" : "bias";
    out.push(base);
  }
  return {
    labs: p.labs,
    level,
    criterion: verdictCriterion(level, tolText),
    species: out,
    assigned: opts.assigned === undefined || opts.assigned === "a" ? `lab ${p.labs[0]}` : "reference values",
  };
}
