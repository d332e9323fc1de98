import { alsFit, normaliseRowsF, qValues, type Penalties, type RunSettings } from "./als";
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

/** A constraint on one factor's profile (species by name, factor 0-based). */
export type PmfConstraint =
  | { type: "zero"; factor: number; species: string }
  | { type: "value"; factor: number; species: string; value: number }
  | { type: "ratio"; factor: number; numerator: string; denominator: string; ratio: number }
  | { type: "pull"; factor: number; species: string; direction: "up" | "down"; dQPct: number };

/** Result of {@link constrainPmf}. */
export interface ConstrainedResult extends AlteredSolution {
  /** dQ added by each constraint in turn (cumulative order as given), absolute and % of base. */
  steps: { constraint: PmfConstraint; dQ: number; dQPct: number; value?: number }[];
}

/**
 * Constrained solution in the way of EPA PMF 5.0's constraints (Norris et al. 2014, §7): set an
 * element to zero or to a value, hold a ratio between two species in a factor (a known tracer
 * ratio), or pull an element up or down as far as a dQ budget (% of the base objective) allows.
 * Constraints are applied in order, each on top of the previous ones, and each step reports
 * the dQ it cost. Zero, value and pulled elements are then hard constraints in normalised units
 * (contributions mean 1): zero exactly, values to ~1e-6 relative (the renormalisation of G);
 * ratio constraints are stiff penalties (held to ~1e-3 relative).
 *
 * @throws RangeError for an unknown species, a factor out of range or a negative value/ratio;
 * Error when a constrained fit does not converge.
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
  const stiff = (k: number, j: number, G: Float64Array) => {
    let a = 0;
    for (let i = 0; i < n; i++) a += G[i * p + k] ** 2 / s[i * m + j] ** 2;
    return 1e3 * Math.max(a, 1e-12);
  };
  const pen: Penalties = { fFixed: [], ratios: [] };
  let G: Float64Array = new Float64Array(result.G),
    F: Float64Array = new Float64Array(result.F);
  let prev = 0,
    iterations = 0;
  const steps: ConstrainedResult["steps"] = [];
  for (const c of constraints) {
    if (!Number.isInteger(c.factor) || c.factor < 0 || c.factor >= p)
      throw new RangeError(`constraint: factor ${c.factor} is out of range 0..${p - 1}`);
    const k = c.factor;
    let value: number | undefined;
    if (c.type === "pull") {
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
        weight: stiff(k, j, G),
        settings: st,
        extra: pen,
        keepSolution: true,
        steps: 8,
      });
      value = r.bounds[0];
      pen.fFixed!.push({ k, j, value });
    } else if (c.type === "zero" || c.type === "value") {
      const j = jOf(c.species);
      value = c.type === "zero" ? 0 : c.value;
      if (!(value >= 0)) throw new RangeError(`constraint: value must be ≥ 0, got ${value}`);
      pen.fFixed!.push({ k, j, value });
    } else {
      const a = jOf(c.numerator),
        b = jOf(c.denominator);
      if (!(c.ratio > 0)) throw new RangeError(`constraint: ratio must be > 0, got ${c.ratio}`);
      pen.ratios!.push({ k, a, b, ratio: c.ratio, weight: stiff(k, a, G) });
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
