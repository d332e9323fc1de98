import { tQuantile } from "../../stats/studentt";

/**
 * Relative lot-to-lot variability of a ratio-of-totals SEC (delta method for the ratio
 * estimator, Cochran, Sampling Techniques 3rd ed. §6.3): with R = ΣE/ΣP and residuals
 * d_i = E_i − R·P_i, the relative standard error of R from n units is
 * s_d/(√n·R·P̄), so the per-unit relative SD is cv = s_d/(R·P̄).
 * @throws {RangeError} when fewer than 2 units have energy and production
 */
export function ratioVariability(
  energy: ArrayLike<number>,
  production: ArrayLike<number>,
): { ratio: number; cv: number; n: number } {
  const n = energy.length;
  if (n !== production.length || n < 2)
    throw new RangeError(
      `ratioVariability: need ≥ 2 units with energy and production (got ${n}, ${production.length})`,
    );
  let e = 0,
    p = 0;
  for (let i = 0; i < n; i++) {
    e += energy[i];
    p += production[i];
  }
  const r = e / p;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (energy[i] - r * production[i]) ** 2;
  return { ratio: r, cv: Math.sqrt(ss / (n - 1)) / (r * (p / n)), n };
}

/** Inputs of {@link planLots}. */
export interface PlanInput {
  /** Per-unit relative SD of the baseline and reporting SEC ratio estimators (from {@link ratioVariability} on pilot data). */
  cvBaseline: number;
  cvReporting: number;
  /** Target relative half-width of the interval of the SEC ratio (e.g. 0.05 for ±5 %). */
  target: number;
  confidence?: number;
  /** Reporting units per baseline unit (default 1). */
  allocation?: number;
}

/**
 * Sample-size planner: the smallest number of baseline lots n (and ⌈allocation·n⌉ reporting
 * lots) for which the interval of the SEC ratio R_rep/R_base has relative half-width ≤ target:
 * t_{1−α/2, df}·sqrt(cv_b²/n + cv_r²/n_r) ≤ target, with df = n + n_r − 2 (log-ratio delta
 * method: Var(log R̂) ≈ cv²/n per group). Large-sample start n₀ = z²(cv_b² + cv_r²/a)/target².
 * @throws {RangeError} when an input is not a positive number or the target needs more than 1e6 lots
 */
export function planLots(i: PlanInput): { baselineLots: number; reportingLots: number; relativeHalfWidth: number } {
  const conf = i.confidence ?? 0.95,
    a = i.allocation ?? 1;
  for (const [k, v] of [
    ["cvBaseline", i.cvBaseline],
    ["cvReporting", i.cvReporting],
    ["target", i.target],
    ["allocation", a],
  ] as const) {
    if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`planLots: ${k} must be a positive number, got ${v}`);
  }
  const hw = (n: number) => {
    const nr = Math.ceil(a * n);
    return (
      tQuantile(1 - (1 - conf) / 2, Math.max(1, n + nr - 2)) *
      Math.sqrt(i.cvBaseline ** 2 / n + i.cvReporting ** 2 / nr)
    );
  };
  let n = 2;
  while (hw(n) > i.target) {
    n++;
    if (n > 1e6) throw new RangeError("planLots: target not reachable with ≤ 1e6 lots");
  }
  return { baselineLots: n, reportingLots: Math.ceil(a * n), relativeHalfWidth: hw(n) };
}

/** Pilot variability of the two sides from analysis units (energy and production already on one basis). */
export function pilotVariability(
  base: { e: number; p: number }[],
  rep: { e: number; p: number }[],
): { cvBaseline: number; cvReporting: number } {
  return {
    cvBaseline: ratioVariability(
      base.map((x) => x.e),
      base.map((x) => x.p),
    ).cv,
    cvReporting: ratioVariability(
      rep.map((x) => x.e),
      rep.map((x) => x.p),
    ).cv,
  };
}
