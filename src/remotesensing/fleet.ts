import { mean as sampleMean } from "../stats/moments";
import { Rng } from "../random/rng";
import { quantileType7 } from "../stats/quantile";
import { provenance, type Provenance } from "../provenance";

/** Fleet emissions of one category. */
export interface FleetRow {
  category: string;
  /** Records used. */
  n: number;
  /** Mean fuel-based EF, g/kg, with a bootstrap 95 % percentile interval. */
  efMean: number;
  efLow: number;
  efHigh: number;
  /** Fuel burned, kg/day (input). */
  fuelKgPerDay: number;
  /** Emissions, kg/day = EF·fuel/1000, with the interval. */
  emission: number;
  emissionLow: number;
  emissionHigh: number;
}

/**
 * Fuel-based fleet emission estimate (Singer & Harley 1996, J. Air Waste Manage. Assoc.
 * 46:581–593): E_c (kg/day) = mean EF_c (g/kg) × fuel_c (kg/day) / 1000 per category c, summed
 * over categories. Intervals: percentile bootstrap (type 7) of the mean EF, resampling records
 * within each category with replacement (`resamples`, seeded), the total from the same resample
 * index of every category.
 * @throws {RangeError} when a category has no usable record
 */
export function fleetEmissions(
  ef: ArrayLike<number>,
  category: ArrayLike<string>,
  fuelKgPerDay: Record<string, number>,
  opts: { seed: number; resamples?: number },
): { rows: FleetRow[]; total: { emission: number; low: number; high: number }; provenance: Provenance } {
  const B = opts.resamples ?? 1000;
  const rng = new Rng(opts.seed);
  const cats = Object.keys(fuelKgPerDay);
  const totals = new Float64Array(B);
  const rows: FleetRow[] = cats.map((c) => {
    const v: number[] = [];
    for (let i = 0; i < ef.length; i++) if (category[i] === c && Number.isFinite(ef[i])) v.push(ef[i]);
    if (v.length === 0) throw new RangeError(`fleetEmissions: no usable record of category "${c}"`);
    const mean = sampleMean(v);
    const boots = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let s = 0;
      for (let t = 0; t < v.length; t++) s += v[rng.int(v.length)];
      boots[b] = s / v.length;
      totals[b] += (boots[b] * fuelKgPerDay[c]) / 1000;
    }
    const lo = quantileType7(boots, 0.025),
      hi = quantileType7(boots, 0.975);
    const fuel = fuelKgPerDay[c];
    return {
      category: c,
      n: v.length,
      efMean: mean,
      efLow: lo,
      efHigh: hi,
      fuelKgPerDay: fuel,
      emission: (mean * fuel) / 1000,
      emissionLow: (lo * fuel) / 1000,
      emissionHigh: (hi * fuel) / 1000,
    };
  });
  return {
    rows,
    total: {
      emission: rows.reduce((a, r) => a + r.emission, 0),
      low: quantileType7(totals, 0.025),
      high: quantileType7(totals, 0.975),
    },
    provenance: provenance({ resamples: B, fuelKgPerDay }, opts.seed, { routine: "fleetEmissions" }),
  };
}
