import { mean as sampleMean, sampleSd } from "../stats/moments";
import { quantileType7 } from "../stats/quantile";
import { tQuantile } from "../stats/studentt";

/** Summary of one group's emission factors (g/kg fuel). */
export interface EfGroupStats {
  group: string;
  n: number;
  mean: number;
  /** Half-width of the 95 % Student-t interval of the mean. */
  ci95: number;
  sd: number;
  p10: number;
  median: number;
  p90: number;
  p99: number;
  /** Share of the group's summed EF carried by its highest 10 % of records (skewness of the fleet). */
  top10Share: number;
}

/**
 * Distribution of emission factors per group (category, model year, VSP mode …): n, mean with a
 * 95 % t interval, SD, type-7 percentiles (Hyndman & Fan 1996) and the share of the summed EF
 * from the top 10 % of records (remote-sensing fleets are famously skewed, Bishop & Stedman
 * 1996). NaN values are left out; groups are sorted by their key (numeric when all keys are).
 * @throws {RangeError} when values and group keys differ in length
 */
export function efByGroup(ef: ArrayLike<number>, groups: ArrayLike<string | number>): EfGroupStats[] {
  if (ef.length !== groups.length)
    throw new RangeError(`efByGroup: ${ef.length} values for ${groups.length} group keys`);
  const by = new Map<string, number[]>();
  for (let i = 0; i < ef.length; i++) {
    if (!Number.isFinite(ef[i])) continue;
    const g = String(groups[i]);
    if (!by.has(g)) by.set(g, []);
    by.get(g)!.push(ef[i]);
  }
  const keys = [...by.keys()];
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  keys.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
  return keys.map((group) => {
    const v = by.get(group)!;
    const n = v.length;
    const mean = sampleMean(v);
    const sd = sampleSd(v);
    const sorted = [...v].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.max(1, Math.ceil(n / 10))).reduce((a, b) => a + b, 0);
    const total = sorted.reduce((a, b) => a + b, 0);
    return {
      group,
      n,
      mean,
      sd,
      ci95: n > 1 ? (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) : NaN,
      p10: quantileType7(v, 0.1),
      median: quantileType7(v, 0.5),
      p90: quantileType7(v, 0.9),
      p99: quantileType7(v, 0.99),
      top10Share: total > 0 ? top / total : NaN,
    };
  });
}
