import { modStatsBy, type ModStatsGroup } from "../stats/modstats";
import { skillScores, type SkillScores } from "../stats/skill";
import { taylorStats, type TaylorStats } from "../stats/taylor";
import type { ForecastMethod, StationForecast } from "./station";

/** A verified forecast: a {@link StationForecast} with the observed value of its day (and optionally its station). */
export interface VerifiedForecast extends StationForecast {
  /** The observed value of `date`, in the target's unit (NaN when missing). */
  observed: number;
  /** Station code, when the rows come from several stations. */
  station?: string;
}

/** How {@link verifyForecasts} groups rows (openair's `type`). */
export type VerifyGroupBy = "method" | "lead" | "season" | "month" | "station";

/** One group of {@link verifyForecasts}: openair's statistics and the skill against the reference method. */
export interface ForecastScoreGroup extends ModStatsGroup {
  /** Skill against the reference forecast of the same days (and leads, stations); undefined when no reference rows match. */
  skill?: SkillScores;
  /** The group's Taylor diagram statistics (σ_m/σ_o, r, E′; {@link taylorStats}), for `taylorDiagram`. */
  taylor: TaylorStats;
}

/** Meteorological seasons in openair's order (spring, summer, autumn, winter; `cutData(type = "season")`, northern hemisphere). */
const SEASONS = ["MAM", "JJA", "SON", "DJF"] as const;
const SEASON_OF_MONTH = ["DJF", "DJF", "MAM", "MAM", "MAM", "JJA", "JJA", "JJA", "SON", "SON", "SON", "DJF"];

function groupValue(r: VerifiedForecast, by: VerifyGroupBy): string | number {
  if (by === "method") return r.method;
  if (by === "lead") return r.lead;
  if (by === "station") return r.station ?? "";
  const month = Number(r.date.slice(5, 7));
  if (by === "month") return month;
  return SEASON_OF_MONTH[month - 1];
}

/**
 * Scores of station forecasts by group, as forecasters report them: openair's `modStats`
 * statistics ({@link modStatsBy}: n, FAC2, MB, MGE, NMB, NMGE, RMSE, r, COE, IOA) for every
 * combination of `by` (default method and lead; also `season` — meteorological seasons of the
 * forecast day's local date, MAM/JJA/SON/DJF, in openair's order spring → winter, `cutData(type =
 * "season")` northern hemisphere; `month` 1–12; `station`), and the skill against a reference
 * method (default persistence, {@link skillScores}: MSESS = 1 − MSE/MSE_ref, MAESS = 1 −
 * MAE/MAE_ref, Wilks 2011 §8.1.5; Murphy 1988). The reference forecast of a row is the row of the
 * reference method for the same forecast day, lead and station; skill is computed on the rows of
 * the group that have one (the same cases for both), so the reference method's own group has
 * skill 0. Each group also carries its Taylor diagram statistics ({@link taylorStats}). Statistics are in the target's unit (MB, MGE, RMSE), the others dimensionless.
 *
 * @param rows forecasts with their observations (e.g. from {@link rollingOriginForecast}, several methods and leads concatenated)
 * @param opts `by`: grouping (default `["method", "lead"]`); `reference`: the reference method (default `"persistence"`, `null` for no skill)
 * @throws {RangeError} when `by` names an unknown grouping or repeats one, or two rows of one method are for the same day, lead and station
 */
export function verifyForecasts(
  rows: readonly VerifiedForecast[],
  opts: { by?: VerifyGroupBy[]; reference?: ForecastMethod | null } = {},
): ForecastScoreGroup[] {
  const by = opts.by ?? ["method", "lead"];
  const known: VerifyGroupBy[] = ["method", "lead", "season", "month", "station"];
  for (const b of by)
    if (!known.includes(b))
      throw new RangeError(`verifyForecasts: by must be among ${known.join(", ")}, got "${String(b)}"`);
  if (new Set(by).size !== by.length) throw new RangeError(`verifyForecasts: by repeats a grouping (${by.join(", ")})`);
  const caseKey = (r: VerifiedForecast) => `${r.date}|${r.lead}|${r.station ?? ""}`;
  const seen = new Set<string>();
  for (const r of rows) {
    const k = `${r.method}|${caseKey(r)}`;
    if (seen.has(k))
      throw new RangeError(
        `verifyForecasts: two ${r.method} forecasts for ${r.date}, lead ${r.lead}${r.station ? `, station ${r.station}` : ""}`,
      );
    seen.add(k);
  }
  const type: Record<string, (string | number)[]> = {};
  for (const b of by) type[b] = rows.map((r) => groupValue(r, b));
  const levels = by.includes("season") ? { season: SEASONS } : undefined;
  const groups = modStatsBy(
    rows.map((r) => r.observed),
    rows.map((r) => r.value),
    type,
    { levels },
  );
  const reference = opts.reference === undefined ? "persistence" : opts.reference;
  const inGroup = (g: ModStatsGroup, i: number) => by.every((b) => type[b][i] === g.group[b]);
  const withTaylor = groups.map((g) => {
    const idx = rows.flatMap((_, i) => (inGroup(g, i) ? [i] : []));
    return {
      ...g,
      taylor: taylorStats(
        idx.map((i) => rows[i].observed),
        idx.map((i) => rows[i].value),
      ),
    };
  });
  if (reference === null) return withTaylor;
  const ref = new Map<string, number>();
  for (const r of rows) if (r.method === reference) ref.set(caseKey(r), r.value);
  return withTaylor.map((g) => {
    const o: number[] = [],
      f: number[] = [],
      rf: number[] = [];
    rows.forEach((r, i) => {
      if (!inGroup(g, i)) return;
      const v = ref.get(caseKey(r));
      if (v === undefined) return;
      o.push(r.observed);
      f.push(r.value);
      rf.push(v);
    });
    return o.length ? { ...g, skill: skillScores(o, f, rf) } : { ...g };
  });
}
