import { pearson } from "./correlation";
import { incompleteBeta } from "./studentt";

/** The model-evaluation statistics of {@link modStats} (openair's `modStats`, same names). */
export interface ModStats {
  /** Number of complete (obs, mod) pairs. */
  n: number;
  /** Fraction of pairs with 0.5 ≤ mod/obs ≤ 2 (dimensionless, 0–1). */
  FAC2: number;
  /** Mean bias, mean(mod − obs), in the unit of the data. */
  MB: number;
  /** Mean gross error, mean(|mod − obs|), in the unit of the data. */
  MGE: number;
  /** Normalised mean bias, Σ(mod − obs) / Σobs (dimensionless). */
  NMB: number;
  /** Normalised mean gross error, Σ|mod − obs| / Σobs (dimensionless). */
  NMGE: number;
  /** Root mean square error, √mean((mod − obs)²), in the unit of the data. */
  RMSE: number;
  /** Pearson correlation coefficient of mod and obs (NaN when either is constant or n < 3). */
  r: number;
  /** Two-sided p-value of r (t test with n − 2 degrees of freedom, as R's `cor.test`). */
  P: number;
  /** Coefficient of efficiency, 1 − Σ|mod − obs| / Σ|obs − mean(obs)| (Legates & McCabe 2013). */
  COE: number;
  /** Index of agreement, Willmott et al. (2012) refined form (−1 … 1). */
  IOA: number;
}

/**
 * The pairs of `obs` and `mod` where both are finite (R `na.omit` of the two columns), in order.
 * Internal to src/stats (modStats, taylorStats).
 * @throws {RangeError} when obs and mod differ in length (the message names `fn`)
 */
export function finitePairs(obs: ArrayLike<number>, mod: ArrayLike<number>, fn: string): { o: number[]; m: number[] } {
  if (obs.length !== mod.length) throw new RangeError(`${fn}: obs has ${obs.length} values, mod has ${mod.length}`);
  const o: number[] = [],
    m: number[] = [];
  for (let i = 0; i < obs.length; i++)
    if (Number.isFinite(obs[i]) && Number.isFinite(mod[i])) {
      o.push(obs[i]);
      m.push(mod[i]);
    }
  return { o, m };
}

/**
 * Model-evaluation statistics of paired observations and model values (or forecasts), with the
 * definitions of R openair's `modStats` (Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28,
 * 52–61; openair 2.18 `R/modStats.R`, read for its rules): pairs where either value is not finite
 * are left out first (`na.omit`); then, with O = obs, M = mod, Ō = mean(O):
 * - n = the number of pairs; FAC2 = #{0.5 ≤ M/O ≤ 2} / #{M/O not NaN} (a pair 0/0 is left out of
 *   both counts, M/0 with M ≠ 0 counts in the denominator only — openair's rule);
 * - MB = mean(M − O); MGE = mean|M − O|; NMB = Σ(M − O)/ΣO; NMGE = Σ|M − O|/ΣO;
 *   RMSE = √mean((M − O)²);
 * - r = Pearson's r with the two-sided p-value of t = r√((n − 2)/(1 − r²)) on n − 2 degrees of
 *   freedom (R `cor.test`, method "pearson");
 * - COE = 1 − Σ|M − O| / Σ|O − Ō| (Legates, D. R. & McCabe, G. J. (2013), Int. J. Climatol. 33,
 *   1053–1056);
 * - IOA = 1 − Σ|M − O| / (2Σ|O − Ō|) when Σ|M − O| ≤ 2Σ|O − Ō|, else 2Σ|O − Ō| / Σ|M − O| − 1
 *   (Willmott, C. J., Robeson, S. M. & Matsuura, K. (2012), Int. J. Climatol. 32, 2088–2094).
 * MB, MGE and RMSE carry the unit of the data; the others are dimensionless. With no pairs every
 * statistic but n is NaN.
 *
 * @param obs observed values (any unit; NaN for missing)
 * @param mod model or forecast values paired with `obs` (same unit)
 * @throws {RangeError} when obs and mod differ in length
 */
export function modStats(obs: ArrayLike<number>, mod: ArrayLike<number>): ModStats {
  const { o, m } = finitePairs(obs, mod, "modStats");
  const n = o.length;
  let within = 0,
    ratios = 0,
    sumD = 0,
    sumAbs = 0,
    sumSq = 0,
    sumO = 0;
  for (let i = 0; i < n; i++) {
    const q = m[i] / o[i];
    if (!Number.isNaN(q)) {
      ratios++;
      if (q >= 0.5 && q <= 2) within++;
    }
    const d = m[i] - o[i];
    sumD += d;
    sumAbs += Math.abs(d);
    sumSq += d * d;
    sumO += o[i];
  }
  const oBar = sumO / n;
  let spread = 0;
  for (let i = 0; i < n; i++) spread += Math.abs(o[i] - oBar);
  const r = n >= 3 ? pearson(m, o) : NaN;
  let P = NaN;
  if (Number.isFinite(r)) {
    const df = n - 2;
    // Two-sided P(|T| ≥ t), t = r √(df / (1 − r²)): I_x(df/2, 1/2) with x = df / (df + t²) = 1 − r²
    // (Numerical Recipes 3rd ed. §6.14), computed directly: 2 (1 − tCdf) underflows to 0 below ~1e-16.
    P = Math.abs(r) >= 1 ? 0 : incompleteBeta(1 - r * r, df / 2, 0.5);
  }
  const rhs = 2 * spread;
  return {
    n,
    FAC2: ratios > 0 ? within / ratios : NaN,
    MB: sumD / n,
    MGE: sumAbs / n,
    NMB: sumD / sumO,
    NMGE: sumAbs / sumO,
    RMSE: Math.sqrt(sumSq / n),
    r,
    P,
    COE: 1 - sumAbs / spread,
    IOA: sumAbs <= rhs ? 1 - sumAbs / rhs : rhs / sumAbs - 1,
  };
}

/** One group of {@link modStatsBy}: the group's value of each `type` and its {@link ModStats}. */
export interface ModStatsGroup extends ModStats {
  /** The group's value of each type (e.g. `{ method: "mlr", lead: 1 }`). */
  group: Record<string, string | number>;
}

/** Compare group values of one type: numbers ascending, strings by `<` (R's default factor order, C locale). */
function compareLevel(a: string | number, b: string | number, order: readonly (string | number)[] | undefined): number {
  if (order) return order.indexOf(a) - order.indexOf(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a),
    y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * {@link modStats} for each group of paired values, as openair's `modStats(…, type = …)` (openair
 * 2.18 `R/modStats.R`: the data are split by every combination of the `type` variables present —
 * `group_by(across(type))` — and each statistic computed on each split). Each key of `type` is a
 * grouping variable with one value per pair (a method name, a lead in days, a season label, a
 * station code); only combinations that occur are returned, sorted by the types in the order of
 * the keys, each type's values ascending (numbers numerically, text by code point, as R orders a
 * factor's levels in the C locale) unless `opts.levels` gives the order (e.g. openair's season
 * order spring, summer, autumn, winter). Values that are not finite are left out inside each
 * group, as in {@link modStats}; a group whose pairs are all missing is kept with n = 0.
 *
 * @param obs observed values (any unit; NaN for missing)
 * @param mod model or forecast values paired with `obs` (same unit)
 * @param type grouping variables, each with one value per pair
 * @param opts `levels`: the order of a type's values (values not listed are an error)
 * @throws {RangeError} when obs, mod and a type differ in length, or a value is missing from `opts.levels`
 */
export function modStatsBy(
  obs: ArrayLike<number>,
  mod: ArrayLike<number>,
  type: Record<string, ArrayLike<string | number>>,
  opts: { levels?: Record<string, readonly (string | number)[]> } = {},
): ModStatsGroup[] {
  if (obs.length !== mod.length)
    throw new RangeError(`modStatsBy: obs has ${obs.length} values, mod has ${mod.length}`);
  const keys = Object.keys(type);
  for (const k of keys)
    if (type[k].length !== obs.length)
      throw new RangeError(`modStatsBy: type "${k}" has ${type[k].length} values, obs has ${obs.length}`);
  const groups = new Map<string, { group: Record<string, string | number>; idx: number[] }>();
  for (let i = 0; i < obs.length; i++) {
    const group: Record<string, string | number> = {};
    for (const k of keys) {
      const v = type[k][i];
      const order = opts.levels?.[k];
      if (order && !order.includes(v))
        throw new RangeError(`modStatsBy: value "${String(v)}" of type "${k}" is not in opts.levels.${k}`);
      group[k] = v;
    }
    const id = JSON.stringify(keys.map((k) => group[k]));
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { group, idx: [] }));
    g.idx.push(i);
  }
  const sorted = [...groups.values()].sort((a, b) => {
    for (const k of keys) {
      const c = compareLevel(a.group[k], b.group[k], opts.levels?.[k]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return sorted.map(({ group, idx }) => ({
    group,
    ...modStats(
      idx.map((i) => obs[i]),
      idx.map((i) => mod[i]),
    ),
  }));
}
