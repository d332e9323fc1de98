import type { BootstrapResult } from "../sourceapport/bootstrap";
import type { PmfResult } from "../sourceapport/types";
import { assignMinCost } from "../stats/assign";
import { compareProfiles, type ProfileCompareOptions, type ProfileComparison } from "./similarity";
import { speciesMatchKey } from "./species";
import { TRACER_RULES, type TracerRule } from "./tables/tracers";
import type { SourceProfile } from "./types";

/**
 * PMF factor profiles as mass fractions: F_kj / F_k,total when the total variable (e.g. PM2.5) is
 * in the solution, else F_kj / Σ_j F_kj (the factor's reconstructed mass). The total variable
 * itself is kept in the species list (compareProfiles leaves it out).
 */
export function factorProfiles(result: PmfResult, opts: { total?: string } = {}): SourceProfile[] {
  const { species, m } = result.input;
  const totalName = opts.total ?? result.input.total;
  const t = totalName === undefined ? -1 : species.findIndex((s) => speciesMatchKey(s) === speciesMatchKey(totalName));
  return result.factorNames.map((name, k) => {
    const row = Array.from(result.F.subarray(k * m, (k + 1) * m));
    const mass = t >= 0 ? row[t] : row.reduce((a, b, j) => a + b, 0);
    return {
      name,
      category: "unknown",
      species: [...species],
      fraction: row.map((v) => (mass > 0 ? v / mass : NaN)),
      uncertainty: row.map(() => NaN),
      unit: "g/g" as const,
      provenance: {
        kind: "pmf-factor" as const,
        source: `PMF base run ${result.runs[result.bestIndex]?.run ?? "?"}`,
        notes: t >= 0 ? `fractions of ${species[t]}` : "fractions of the factor's species sum",
      },
    };
  });
}

/** One row of the factor-naming table. */
export interface FactorName {
  factor: string;
  /** Assigned source category, or "unidentified". */
  name: string;
  /** The reference profile behind the name (the best one of that category for this factor). */
  reference: string;
  /** Evidence: the comparison with that reference. */
  evidence: ProfileComparison | undefined;
  /** True when the reference passes SID and PD acceptance (Belis et al. 2015). */
  accepted: boolean;
  /** The category this factor would get on its own (best ranked candidate), before the one-to-one assignment. */
  bestAlone: string;
  /** Distance gap to the next-best category for this factor (larger = less ambiguous). */
  margin: number;
  /** Tracer sanity check for the assigned category (undefined when no rule exists). */
  tracerCheck?: TracerCheck;
}

/** Result of {@link identifyFactors}. */
export interface FactorIdentification {
  /** candidates[k]: every reference compared with factor k, best (lowest distance) first. */
  candidates: ProfileComparison[][];
  /** The factor-naming table, one row per factor. */
  naming: FactorName[];
  /** distance[k][r]: the ranking distance of factor k vs reference r (references in given order). */
  distance: number[][];
  references: string[];
  factors: string[];
}

/** Options of {@link identifyFactors}. */
export interface IdentifyOptions extends ProfileCompareOptions {
  /**
   * Name factors one-to-one (default true): a minimum-total-distance assignment of categories to
   * factors, so two factors never take the same name. With false, each factor takes its best
   * category independently (duplicates possible).
   */
  oneToOne?: boolean;
  /** A factor whose assigned reference has distance above this stays "unidentified" (default 0.6). */
  maxDistance?: number;
  /** Share-of-species matrix for tracer checks (see {@link speciesShares}); checks are skipped without it. */
  shares?: { species: string[]; share: number[][] };
  /** Tracer rules (default TRACER_RULES). */
  rules?: TracerRule[];
}

/**
 * Name factors from reference profiles. Every factor is compared with every reference
 * ({@link compareProfiles}: Pearson r, Spearman ρ, COD, SID, PD), candidates are ranked by the
 * distance (PD + SID/√2)/2, and categories are assigned one-to-one by the Hungarian algorithm on
 * the per-category best distances (more robust than naming each factor alone: a factor that
 * resembles two references cannot steal the name of another factor that fits one of them far
 * better). A factor whose best distance exceeds `maxDistance` stays "unidentified".
 * @throws {RangeError} when no reference profiles are given
 */
export function identifyFactors(
  factors: SourceProfile[],
  references: (SourceProfile & { complete?: boolean })[],
  opts: IdentifyOptions = {},
): FactorIdentification {
  if (references.length === 0) throw new RangeError("identifyFactors: no reference profiles");
  const maxDistance = opts.maxDistance ?? 0.6;
  const cmp = factors.map((f) => references.map((r) => compareProfiles(f, r, opts)));
  const distance = cmp.map((row) => row.map((c) => (Number.isFinite(c.distance) ? c.distance : 1)));
  const categories = [...new Set(references.map((r) => r.category))];
  // best reference per (factor, category)
  const bestRef = factors.map((_, k) =>
    categories.map((cat) => {
      let best = -1;
      references.forEach((r, i) => {
        if (r.category === cat && (best < 0 || distance[k][i] < distance[k][best])) best = i;
      });
      return best;
    }),
  );
  const catCost = factors.map((_, k) => categories.map((_, c) => distance[k][bestRef[k][c]]));
  let assigned: number[];
  if (opts.oneToOne ?? true) {
    // pad with "unidentified" columns costing maxDistance so that every factor can stay unnamed
    const cost = catCost.map((row) => [...row, ...factors.map(() => maxDistance)]);
    assigned = assignMinCost(cost).map((c) => (c < categories.length ? c : -1));
  } else
    assigned = catCost.map((row) => {
      const c = argmin(row);
      return row[c] <= maxDistance ? c : -1;
    });
  const naming: FactorName[] = factors.map((f, k) => {
    const order = catCost[k].map((d, c) => [d, c]).sort((a, b) => a[0] - b[0]);
    const c = assigned[k];
    const ev = c >= 0 ? cmp[k][bestRef[k][c]] : cmp[k][bestRef[k][order[0][1]]];
    const name = c >= 0 ? categories[c] : "unidentified";
    return {
      factor: f.name,
      name,
      reference: ev.reference,
      evidence: ev,
      accepted: c >= 0 && ev.accepted,
      bestAlone: categories[order[0][1]],
      margin: order.length > 1 ? order[1][0] - order[0][0] : NaN,
      tracerCheck: opts.shares ? checkTracers(name, opts.shares, k, opts.rules) : undefined,
    };
  });
  return {
    candidates: cmp.map((row) => [...row].sort((a, b) => a.distance - b.distance)),
    naming,
    distance,
    references: references.map((r) => r.name),
    factors: factors.map((f) => f.name),
  };
}

function argmin(a: number[]): number {
  let b = 0;
  for (let i = 1; i < a.length; i++) if (a[i] < a[b]) b = i;
  return b;
}

/**
 * Share of each species' total held by each factor, share[k][j] = F_kj / Σ_l F_lj (with
 * contributions normalised to mean 1, as PmfResult holds them, this is EPA PMF's "% of species
 * sum" / 100).
 */
export function speciesShares(result: PmfResult): { species: string[]; share: number[][] } {
  const { m, species } = result.input;
  const p = result.p;
  const share = Array.from({ length: p }, () => new Array<number>(m).fill(NaN));
  for (let j = 0; j < m; j++) {
    let tot = 0;
    for (let k = 0; k < p; k++) tot += Math.max(0, result.F[k * m + j]);
    for (let k = 0; k < p; k++) share[k][j] = tot > 0 ? Math.max(0, result.F[k * m + j]) / tot : NaN;
  }
  return { species: [...species], share };
}

/** Result of a tracer sanity check. */
export interface TracerCheck {
  category: string;
  rule: string;
  /** Tracers with their share of the species total held by the factor (NaN = not in the data). */
  tracers: { species: string; share: number; present: boolean }[];
  untestable: string[];
  /** "ok", "flagged" (too few tracers present) or "untestable" (no tracer in the data). */
  status: "ok" | "flagged" | "untestable";
  message: string;
}

/**
 * Tracer sanity check of factor k named `category` (rules in TRACER_RULES): e.g. a "vehicles"
 * factor holding < 15 % of each of EC, Cu, Zn and Sb is flagged. Returns undefined when no rule
 * exists for the category.
 */
export function checkTracers(
  category: string,
  shares: { species: string[]; share: number[][] },
  k: number,
  rules: TracerRule[] = TRACER_RULES,
): TracerCheck | undefined {
  const rule = rules.find((r) => r.category === category);
  if (!rule) return undefined;
  const keys = shares.species.map(speciesMatchKey);
  const tracers = rule.tracers.map((t) => {
    const j = keys.indexOf(speciesMatchKey(t));
    const share = j >= 0 ? shares.share[k][j] : NaN;
    return { species: t, share, present: share >= rule.minShareOfSpecies };
  });
  const untestable = tracers.filter((t) => Number.isNaN(t.share)).map((t) => t.species);
  const present = tracers.filter((t) => t.present).length;
  const status = untestable.length === tracers.length ? "untestable" : present >= rule.minPresent ? "ok" : "flagged";
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const message =
    status === "untestable"
      ? `no ${category} tracer (${rule.tracers.join(", ")}) in the data`
      : status === "ok"
        ? `${present} of ${rule.tracers.length - untestable.length} tracers present (${rule.why})`
        : `a "${category}" factor with too few tracers: ${tracers
            .filter((t) => !Number.isNaN(t.share))
            .map((t) => `${t.species} ${pct(t.share)}`)
            .join(", ")} of species totals (need ≥ ${rule.minPresent} at ≥ ${pct(rule.minShareOfSpecies)})`;
  return {
    category,
    rule: `${rule.tracers.join("/")}: ≥ ${rule.minPresent} at ≥ ${pct(rule.minShareOfSpecies)} of species total`,
    tracers,
    untestable,
    status,
    message,
  };
}

/**
 * Naming stability under the bootstrap: for each base factor, the share of converged BS runs that
 * reproduced it in which its BS profile (the mapped BS factor with the highest r) gets the same
 * name (best category alone) as the base factor. A base factor whose name changes in many BS runs
 * is rotationally ambiguous, whatever DISP says about swaps.
 */
export function namingStability(
  result: PmfResult,
  bs: BootstrapResult,
  references: (SourceProfile & { complete?: boolean })[],
  naming: FactorName[],
  opts: ProfileCompareOptions = {},
): { factor: string; name: string; runs: number; same: number; share: number }[] {
  const { m } = result.input;
  const base = factorProfiles(result);
  const out = naming.map((n) => ({ factor: n.factor, name: n.name, runs: 0, same: 0, share: NaN }));
  for (const run of bs.runs) {
    if (!run.converged) continue;
    for (let k = 0; k < result.p; k++) {
      let best = -1;
      run.mapping.forEach((b, l) => {
        if (b === k && (best < 0 || run.correlations[l][k] > run.correlations[best][k])) best = l;
      });
      if (best < 0) continue;
      const prof = { ...base[k], fraction: fractionsOf(Array.from(run.F.subarray(best * m, (best + 1) * m)), result) };
      const d = references.map((r) => compareProfiles(prof, r, opts).distance);
      const name = references[argmin(d.map((v) => (Number.isFinite(v) ? v : 1)))].category;
      out[k].runs++;
      if (name === naming[k].name) out[k].same++;
    }
  }
  for (const o of out) o.share = o.runs > 0 ? o.same / o.runs : NaN;
  return out;
}

function fractionsOf(row: number[], result: PmfResult): number[] {
  const t = result.input.total === undefined ? -1 : result.input.species.indexOf(result.input.total);
  const mass = t >= 0 ? row[t] : row.reduce((a, b) => a + b, 0);
  return row.map((v) => (mass > 0 ? v / mass : NaN));
}
