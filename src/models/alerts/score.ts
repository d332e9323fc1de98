import { eventScores, type EventScores } from "../../stats/contingency";
import type { AlertSeries } from "./types";

/** The result of {@link alertScores}: the 2 × 2 table and scores, and how the steps were matched. */
export interface AlertScores extends EventScores {
  /** The lowest rank counted as an event (e.g. 2 = yellow and above for `cn-mee-2017`). */
  minRank: number;
  /** Steps (days or hours) present in both series with both levels judged. */
  matched: number;
  /** Steps of either series absent from the other, or not judged (NaN) in one of them. */
  leftOut: number;
}

/**
 * Score issued alerts against observed ones, step by step (days or hours matched by key): the event
 * is "an alert of rank ≥ `minRank` in force", and the table and scores are those of
 * {@link eventScores} (src/stats/contingency.ts: POD, FAR, CSI, proportion correct, bias, HSS; Wilks
 * 2011 §8.2). Typical use: the alerts of forecast AQI against those of observed AQI (the alert a
 * perfect forecast would have issued), `cnAlerts(forecast).series` vs `cnAlerts(observed).series`.
 *
 * @param issued the issued (forecast-based) levels
 * @param observed the observed levels
 * @param minRank the lowest rank that counts as an event (default 1: any alert)
 * @throws {RangeError} when `minRank` is not a positive number, or a series has keys and ranks of different lengths
 */
export function alertScores(issued: AlertSeries, observed: AlertSeries, minRank = 1): AlertScores {
  if (!(minRank > 0)) throw new RangeError(`alertScores: minRank must be > 0, got ${minRank}`);
  for (const [name, s] of [
    ["issued", issued],
    ["observed", observed],
  ] as const)
    if (s.keys.length !== s.ranks.length)
      throw new RangeError(`alertScores: ${name} has ${s.keys.length} keys for ${s.ranks.length} ranks`);
  const obs = new Map<string, number>();
  observed.keys.forEach((k, i) => obs.set(k, observed.ranks[i]));
  const f: number[] = [],
    o: number[] = [];
  const seen = new Set<string>();
  issued.keys.forEach((k, i) => {
    seen.add(k);
    const v = obs.get(k);
    if (v === undefined || !Number.isFinite(v) || !Number.isFinite(issued.ranks[i])) return;
    f.push(issued.ranks[i]);
    o.push(v);
  });
  const unmatchedObserved = observed.keys.filter((k) => !seen.has(k)).length;
  const s = eventScores(f, o, minRank);
  return { ...s, minRank, matched: f.length, leftOut: issued.keys.length - f.length + unmatchedObserved };
}
