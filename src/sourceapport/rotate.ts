import {
  alsFit,
  expressionValue,
  normaliseRowsF,
  qValues,
  type PenaltyExpression,
  type Penalties,
  type RunSettings,
} from "./als";
import { dispSearch } from "./dispsearch";
import { refitSettings } from "./disp";
import { normaliseSolution, settingsOf } from "./solver";
import type { PmfResult } from "./types";

/** One rotated or constrained solution. */
export interface AlteredSolution {
  /** Contributions (n×p, mean 1 per factor) and profiles (p×m) of the solution. */
  G: Float64Array;
  F: Float64Array;
  qTrue: number;
  qRobust: number;
  /** Objective (Q(true), or Q(robust) in robust mode) minus the base's, absolute and in % of the base. */
  dQ: number;
  dQPct: number;
  iterations: number;
  converged: boolean;
}

function baseObjective(result: PmfResult, st: RunSettings): number {
  const { input, p } = result;
  const q = qValues(input.x, input.s, result.G, result.F, input.n, input.m, p, st.alpha);
  return st.robust ? q.qRobust : q.qTrue;
}

function describe(
  result: PmfResult,
  st: RunSettings,
  qBase: number,
  G: Float64Array,
  F: Float64Array,
  iterations: number,
  converged: boolean,
): AlteredSolution {
  const { input, p } = result;
  const q = qValues(input.x, input.s, G, F, input.n, input.m, p, st.alpha);
  const obj = st.robust ? q.qRobust : q.qTrue;
  return {
    G,
    F,
    qTrue: q.qTrue,
    qRobust: q.qRobust,
    dQ: obj - qBase,
    dQPct: (100 * (obj - qBase)) / qBase,
    iterations,
    converged,
  };
}

/**
 * Fpeak-style rotation scan (Paatero, Hopke, Song, Ramadan 2002, Chemom. Intell. Lab. Syst.
 * 60:253; EPA PMF 5.0 User Guide §7). A strength φ > 0 rotates towards sharper profiles (more
 * zeros in F, contributions mixed — EPA's positive Fpeak "subtracts F vectors and adds G
 * vectors"); φ < 0 towards sharper contributions (more zeros in G). The rotation is driven by a
 * penalty of size |φ|·Q_base/(p·m) on the contributions (φ > 0, profiles held at unit sum) or on
 * the profiles (φ < 0, contributions held at mean 1), re-fitting everything; each strength
 * reports dQ so a user can scan strengths and keep rotations that cost little Q. The strength
 * scale is aozora's own, not numerically equal to EPA's Fpeak values. φ = 0 returns the base
 * solution itself. Returned solutions are normalised (contributions mean 1).
 *
 * @throws Error when a rotated fit does not converge (never returns the base in its place).
 */
export function fpeakPmf(result: PmfResult, strengths: number[]): (AlteredSolution & { strength: number })[] {
  const { input, p } = result;
  const { n, m, x, s } = input;
  const st = refitSettings(settingsOf(result.options));
  const qBase = baseObjective(result, st);
  const scale = qBase / (p * m);
  const meanF = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < p; k++) meanF[j] += result.F[k * m + j] / p;
    meanF[j] = Math.max(meanF[j], 1e-300);
  }
  return strengths.map((phi) => {
    if (phi === 0)
      return {
        strength: 0,
        ...describe(result, st, qBase, new Float64Array(result.G), new Float64Array(result.F), 0, true),
      };
    let o;
    if (phi < 0) {
      // contributions held at mean 1, a pull on the profiles: the rotation makes G sparser
      o = alsFit(x, s, n, m, result.G, result.F, st, { l1F: Float64Array.from(meanF, (f) => (-phi * scale) / f) });
    } else {
      // profiles held at unit sum, a pull on the contributions: the rotation makes F sparser
      const G0 = new Float64Array(result.G),
        F0 = new Float64Array(result.F);
      normaliseRowsF(G0, F0, n, m, p);
      const meanG = new Float64Array(p);
      for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) meanG[k] += G0[i * p + k] / n;
      const l1G = Float64Array.from(meanG, (g) => (phi * scale * (m / n)) / Math.max(g, 1e-300));
      o = alsFit(x, s, n, m, G0, F0, { ...st, normaliseG: false, normaliseF: true }, { l1G });
    }
    if (!o.converged)
      throw new Error(`Fpeak strength ${phi}: the rotated fit did not converge within ${st.maxIterations} iterations`);
    const norm = normaliseSolution(o.G, o.F, n, m, p);
    return { strength: phi, ...describe(result, st, qBase, norm.G, norm.F, o.iterations, o.converged) };
  });
}

/**
 * One term `coef·X` of a constraint expression: X a profile element F[factor, species] or a
 * contribution element G[factor, sample] (factor 0-based, species and sample by their labels in
 * the prepared input; G in normalised units, contributions mean 1 per factor).
 */
export type PmfExpressionTerm =
  | { matrix: "F"; factor: number; species: string; coef: number }
  | { matrix: "G"; factor: number; sample: string; coef: number };

/**
 * A constraint of {@link constrainPmf} (factor 0-based; species and samples by their labels in
 * the prepared input, `input.species` and `input.samples`). Profile constraints name a
 * `species`, contribution constraints a `sample` (or `samples`):
 * - `zero`: the element set to zero (hard); on contributions, one factor on several samples;
 * - `value`: the element set to a value (hard; F in concentration units, G normalised);
 * - `ratio`: F[factor, numerator] = ratio·F[factor, denominator] (a stiff penalty);
 * - `pull`: the element pulled up or down maximally within `dQPct` % of the base objective;
 * - `expression`: Σ coef·X = value over F and/or G elements (EPA's ratio and sum forms:
 *   F[1,Pb] − 2·F[1,Zn] = 0, F[1,Pb] + F[2,Pb] = c, G[1,d] − 0.5·G[2,d] = 0); without `dQPct`
 *   held (a stiff penalty), with `dQPct` pulled towards the value as far as that budget allows;
 *   its `factor` is the one it is listed under (the first term's, as the file reader sets it), so
 *   every constraint has a factor for tables that list constraints by factor.
 */
export type PmfConstraint =
  | { type: "zero"; factor: number; species: string }
  | { type: "zero"; factor: number; samples: string[] }
  | { type: "value"; factor: number; species: string; value: number }
  | { type: "value"; factor: number; sample: string; value: number }
  | { type: "ratio"; factor: number; numerator: string; denominator: string; ratio: number }
  | { type: "pull"; factor: number; species: string; direction: "up" | "down"; dQPct: number }
  | { type: "pull"; factor: number; sample: string; direction: "up" | "down"; dQPct: number }
  | { type: "expression"; factor: number; terms: PmfExpressionTerm[]; value: number; dQPct?: number };

/** Result of {@link constrainPmf}. */
export interface ConstrainedResult extends AlteredSolution {
  /**
   * dQ added by each constraint in turn (cumulative order as given), absolute and % of base;
   * `value` is the value the element (or the expression) was set to or reached.
   */
  steps: { constraint: PmfConstraint; dQ: number; dQPct: number; value?: number }[];
}

/**
 * A constraint as one line of text with 1-based factors named as in EPA PMF's constraint
 * screens: `F[Factor 2, Pb] = 0`, `G[Factor 1, 2019-01-05] pulled down (dQ ≤ 0.5 %)`,
 * `F[Factor 1, Pb] − 2·F[Factor 1, Zn] = 0`.
 * @param factorNames names of the factors (0-based index → name)
 */
export function describeConstraint(c: PmfConstraint, factorNames: readonly string[]): string {
  const f = (k: number) => factorNames[k] ?? `Factor ${k + 1}`;
  const el = (k: number, what: string, m: "F" | "G") => `${m}[${f(k)}, ${what}]`;
  const num = (v: number) => String(Number(v.toPrecision(6)));
  switch (c.type) {
    case "expression": {
      const body = c.terms
        .map((t, i) => {
          const e = t.matrix === "F" ? el(t.factor, t.species, "F") : el(t.factor, t.sample, "G");
          const a = Math.abs(t.coef);
          const sign = t.coef < 0 ? (i === 0 ? "−" : " − ") : i === 0 ? "" : " + ";
          return `${sign}${a === 1 ? "" : `${num(a)}·`}${e}`;
        })
        .join("");
      return `${body} = ${num(c.value)}${c.dQPct !== undefined ? ` (pulled, dQ ≤ ${num(c.dQPct)} %)` : ""}`;
    }
    case "ratio":
      return `F[${f(c.factor)}, ${c.numerator}] / F[${f(c.factor)}, ${c.denominator}] = ${num(c.ratio)}`;
    case "pull":
      return `${"species" in c ? el(c.factor, c.species, "F") : el(c.factor, c.sample, "G")} pulled ${c.direction} (dQ ≤ ${num(c.dQPct)} %)`;
    case "zero":
      return "species" in c ? `${el(c.factor, c.species, "F")} = 0` : `G[${f(c.factor)}, ${c.samples.join(" ")}] = 0`;
    case "value":
      return `${"species" in c ? el(c.factor, c.species, "F") : el(c.factor, c.sample, "G")} = ${num(c.value)}`;
  }
}

/** The 0-based factor of a constraint or term, checked. */
function factorOf(k: number, p: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= p)
    throw new RangeError(`constraint: factor ${k} is out of range 0..${p - 1}`);
  return k;
}

/** The data's uncertainties and a solution (row-major), which {@link curvature} is measured on. */
interface AtSolution {
  G: Float64Array;
  F: Float64Array;
  s: Float64Array;
  n: number;
  m: number;
  p: number;
}

/**
 * Curvature of the objective in one element with everything else fixed (Σ G_ik²/s_ij² for F_kj,
 * Σ F_kj²/s_ij² for G_ik): the scale a stiff penalty on that element is measured against.
 */
function curvature(t: PenaltyExpression["terms"][number], at: AtSolution): number {
  const { G, F, s, n, m, p } = at;
  let a = 0;
  if (t.matrix === "F") for (let i = 0; i < n; i++) a += G[i * p + t.k] ** 2 / s[i * m + t.index] ** 2;
  else for (let j = 0; j < m; j++) a += F[t.k * m + j] ** 2 / s[t.index * m + j] ** 2;
  return Math.max(a, 1e-12);
}

/**
 * Weight of the stiff penalty that holds an expression: 10³ × its curvature per unit along a
 * term (curvature/coef²). Over profile terms the cheapest term is used (min): F columns are
 * solved one at a time with the other columns at their current values, and a penalty far
 * stiffer than the cheapest element's cost would drag dearer elements and stall the
 * alternation (the constrained optimum moves the cheapest element, as a ratio constraint
 * does). Over contribution terms the dearest (max): all terms on one sample are solved
 * together in that sample's row, while the factor's mean held at 1 makes moving one G element
 * far dearer than its own curvature says, so the cheapest-term weight would hold it too loosely.
 */
function stiffWeight(terms: PenaltyExpression["terms"], at: AtSolution): number {
  const c = terms.map((t) => curvature(t, at) / (t.coef * t.coef));
  return 1e3 * (terms.some((t) => t.matrix === "G") ? Math.max(...c) : Math.min(...c));
}

/**
 * Move a linear expression q = Σ coef·X of F and G elements from its current value towards
 * `goal` (±Infinity for "maximally") and stop where the objective reaches `level` (dQ from
 * the base, absolute): the expression is held at each trial target t by a stiff penalty and
 * everything else refitted, each fit starting from the farthest fit within the budget (the
 * path followed continuously, as DISP's). Trials double the displacement until one exceeds
 * the budget (or try the goal itself when it is finite), then bisect (`steps` fits) until the
 * dQ is within 95 % of the budget. Returns the reached value of q and its solution.
 */
function pullExpression(
  r: PmfResult,
  st: RunSettings,
  qBase: number,
  pen: Penalties,
  terms: PenaltyExpression["terms"],
  goal: number,
  level: number,
  G0: Float64Array,
  F0: Float64Array,
): { value: number; target: number; G: Float64Array; F: Float64Array } {
  const { n, m, x, s } = r.input;
  const p = r.p;
  const obj = st.robust ? "qRobust" : "qTrue";
  const q0 = expressionValue({ terms, value: 0, weight: 0 }, G0, F0, m, p);
  const dir = goal >= q0 ? 1 : -1;
  const span = Math.abs(goal - q0);
  const weight = stiffWeight(terms, { G: G0, F: F0, s, n, m, p });
  type Pt = { d: number; dQ: number; G: Float64Array; F: Float64Array; q: number };
  let lo: Pt = { d: 0, dQ: 0, G: G0, F: F0, q: q0 };
  let hi: Pt | undefined;
  // one contribution element is held exactly at each trial value (a hard hold converges far
  // faster than a stiff penalty against the factor's mean held at 1); an expression by the penalty
  const single = terms.length === 1 && terms[0].matrix === "G" && terms[0].coef === 1 ? terms[0] : undefined;
  const fit = (d: number, from: Pt): Pt => {
    const target = q0 + dir * d;
    const o = alsFit(
      x,
      s,
      n,
      m,
      from.G,
      from.F,
      st,
      single
        ? { ...pen, gFixed: [...(pen.gFixed ?? []), { i: single.index, k: single.k, value: Math.max(0, target) }] }
        : { ...pen, expressions: [...(pen.expressions ?? []), { terms, value: target, weight }] },
    );
    const q = expressionValue({ terms, value: 0, weight: 0 }, o.G, o.F, m, p);
    return { d, dQ: o[obj] - qBase, G: o.G, F: o.F, q };
  };
  const accept = (t: Pt) => {
    if (t.dQ <= level) {
      if (t.d > lo.d) lo = t;
    } else if (!hi || t.d < hi.d) hi = t;
  };
  let scale = Math.abs(q0);
  for (const t of terms)
    scale = Math.max(scale, Math.abs(t.coef * (t.matrix === "F" ? F0[t.k * m + t.index] : G0[t.index * p + t.k])));
  if (Number.isFinite(span)) accept(fit(span, lo));
  let d = Math.min(span, Math.max(0.05 * scale, 1e-9));
  for (let it = 0; it < 40 && !hi && lo.d < span; it++) {
    accept(fit(d, lo));
    d = Math.min(span, 2 * d);
  }
  for (let it = 0; it < 12 && hi && lo.dQ < 0.95 * (level - 0) && hi.d - lo.d > 1e-9 * Math.max(scale, 1e-300); it++) {
    const f = (level - lo.dQ) / (hi.dQ - lo.dQ);
    accept(fit(lo.d + Math.min(0.9, Math.max(0.1, f)) * (hi.d - lo.d), lo));
  }
  return { value: lo.q, target: q0 + dir * lo.d, G: lo.G, F: lo.F };
}

/**
 * Constrained solution in the way of EPA PMF 5.0's constraints (Norris et al. 2014,
 * EPA/600/R-14/108, the constrained-run chapter): set a profile or contribution element to
 * zero or to a value, hold a linear expression of F and/or G elements at a value (EPA's
 * ratio and sum forms: `F[1,Pb] − 2·F[1,Zn] = 0`, `F[1,Pb] + F[2,Pb] = c`, a ratio of two
 * factors' contributions on a day), or pull an element up or down maximally — as far as a
 * dQ budget (% of the base objective) allows. The text of the User Guide could not be found
 * by the searches made for this work (none of the public corpora holds it), so these are the
 * semantics of ESAT, EPA's open-source PMF (`esat/rotational/constrained.py`: "pull down",
 * "pull up", "pull to value" with a dQ limit, "set to zero", "set to base value", "define
 * limits"; expressions `(coef*[factor:I|feature:J]) − … = 0` each with a dQ limit), and of
 * ME-2's pulling (Paatero & Hopke 2009, J. Chemometrics 23:91): set-to constraints are hard,
 * pulls are soft and stop at the dQ budget.
 *
 * Constraints are applied in order, each on top of the previous ones, and each step reports
 * the dQ it cost (EPA's "% dQ": 100·dQ/Q_base, Q = Q(true), or Q(robust) in robust mode). A
 * pull's budget is the step's own: step i may raise the objective by dQPct_i % of Q_base over
 * the previous steps. After a pull the element is held at the value it reached. Zero, value
 * and pulled elements are then hard constraints in normalised units (contributions mean 1):
 * zero exactly, values to ~1e-6 relative (the renormalisation of G); ratio constraints and
 * expressions are stiff penalties (held to ~1e-3 relative to the scale of their terms).
 *
 * @throws {RangeError} for an unknown species or sample, a factor out of range, a negative
 * value or ratio, an empty expression or a pull without a positive dQ budget
 * @throws {Error} when a constrained fit does not converge within `maxIterations`
 */
export function constrainPmf(result: PmfResult, constraints: PmfConstraint[]): ConstrainedResult {
  const { input, p } = result;
  const { n, m, x, s } = input;
  const st = refitSettings(settingsOf(result.options));
  const qBase = baseObjective(result, st);
  const jOf = (sp: string) => {
    const j = input.species.indexOf(sp);
    if (j < 0) throw new RangeError(`constraint: unknown species "${sp}" (have: ${input.species.join(", ")})`);
    return j;
  };
  const iOf = (sample: string) => {
    const i = input.samples.indexOf(sample);
    if (i < 0)
      throw new RangeError(`constraint: unknown sample "${sample}" (have: ${input.samples.slice(0, 5).join(", ")}, …)`);
    return i;
  };
  const term = (t: PmfExpressionTerm) => {
    if (!Number.isFinite(t.coef))
      throw new RangeError(`constraint: an expression coefficient must be finite, got ${t.coef}`);
    const k = factorOf(t.factor, p);
    return t.matrix === "F"
      ? { matrix: "F" as const, k, index: jOf(t.species), coef: t.coef }
      : { matrix: "G" as const, k, index: iOf(t.sample), coef: t.coef };
  };
  const pen: Penalties = { fFixed: [], ratios: [], gFixed: [], expressions: [] };
  let G: Float64Array = new Float64Array(result.G),
    F: Float64Array = new Float64Array(result.F);
  let prev = 0,
    iterations = 0;
  const steps: ConstrainedResult["steps"] = [];
  for (const c of constraints) {
    let value: number | undefined;
    if (c.type === "expression") {
      if (c.terms.length === 0) throw new RangeError("constraint: an expression needs at least one term");
      factorOf(c.factor, p);
      if (!Number.isFinite(c.value))
        throw new RangeError(`constraint: an expression's value must be finite, got ${c.value}`);
      const terms = c.terms.map(term);
      if (c.dQPct === undefined) {
        pen.expressions!.push({ terms, value: c.value, weight: stiffWeight(terms, { G, F, s, n, m, p }) });
        value = c.value;
      } else {
        if (!(c.dQPct > 0)) throw new RangeError(`constraint: a dQ budget must be positive (in %), got ${c.dQPct}`);
        const r = pullExpression(result, st, qBase, pen, terms, c.value, prev + (c.dQPct / 100) * qBase, G, F);
        pen.expressions!.push({ terms, value: r.target, weight: stiffWeight(terms, { G, F, s, n, m, p }) });
        G = r.G;
        F = r.F;
        value = r.value;
      }
    } else {
      const k = factorOf(c.factor, p);
      if (c.type === "pull" && "sample" in c) {
        const i = iOf(c.sample);
        if (!(c.dQPct > 0)) throw new RangeError(`constraint: a pull needs a positive dQ budget in %, got ${c.dQPct}`);
        const level = prev + (c.dQPct / 100) * qBase;
        const terms = [{ matrix: "G" as const, k, index: i, coef: 1 }];
        const r = pullExpression(result, st, qBase, pen, terms, c.direction === "up" ? Infinity : 0, level, G, F);
        value = Math.max(0, r.value);
        pen.gFixed!.push({ i, k, value });
        G = r.G;
        F = r.F;
      } else if (c.type === "pull" && "species" in c) {
        const j = jOf(c.species);
        if (!(c.dQPct > 0)) throw new RangeError(`constraint: a pull needs a positive dQ budget in %, got ${c.dQPct}`);
        const r = dispSearch(x, s, n, m, {
          kind: "disp",
          k,
          j,
          direction: c.direction === "up" ? 1 : -1,
          levels: [prev + (c.dQPct / 100) * qBase],
          G0: G,
          F0: F,
          qBase,
          weight: curvature({ matrix: "F", k, index: j, coef: 1 }, { G, F, s, n, m, p }) * 1e3,
          settings: st,
          extra: pen,
          keepSolution: true,
          steps: 8,
        });
        value = r.bounds[0];
        pen.fFixed!.push({ k, j, value });
      } else if (c.type === "zero" && "samples" in c) {
        for (const sample of c.samples) pen.gFixed!.push({ i: iOf(sample), k, value: 0 });
        value = 0;
      } else if (c.type === "value" && "sample" in c) {
        if (!(c.value >= 0)) throw new RangeError(`constraint: value must be ≥ 0, got ${c.value}`);
        pen.gFixed!.push({ i: iOf(c.sample), k, value: c.value });
        value = c.value;
      } else if ((c.type === "zero" || c.type === "value") && "species" in c) {
        const j = jOf(c.species);
        value = c.type === "zero" ? 0 : c.value;
        if (!(value >= 0)) throw new RangeError(`constraint: value must be ≥ 0, got ${value}`);
        pen.fFixed!.push({ k, j, value });
      } else if (c.type === "ratio") {
        const a = jOf(c.numerator),
          b = jOf(c.denominator);
        if (!(c.ratio > 0)) throw new RangeError(`constraint: ratio must be > 0, got ${c.ratio}`);
        pen.ratios!.push({
          k,
          a,
          b,
          ratio: c.ratio,
          weight: curvature({ matrix: "F", k, index: a, coef: 1 }, { G, F, s, n, m, p }) * 1e3,
        });
      } else throw new RangeError(`constraint: unknown constraint ${JSON.stringify(c)}`);
    }
    const o = alsFit(x, s, n, m, G, F, st, pen);
    if (!o.converged)
      throw new Error(
        `constraint ${JSON.stringify(c)}: the constrained fit did not converge within ${st.maxIterations} iterations`,
      );
    G = o.G;
    F = o.F;
    iterations += o.iterations;
    const d = describe(result, st, qBase, G, F, 0, true);
    steps.push({ constraint: c, dQ: d.dQ - prev, dQPct: (100 * (d.dQ - prev)) / qBase, value });
    prev = d.dQ;
  }
  return { ...describe(result, st, qBase, G, F, iterations, true), steps };
}
