import { Rng } from "../random/rng";

/** Options of {@link simulatePolarYear}. */
export interface PolarYearOptions {
  /** Seed of the generator (default 20251203, the seed of the openair fixtures `sim-*.csv`). */
  seed?: number;
  /** Hourly records (default 8760, one year). */
  hours?: number;
  /** Speed cap, m/s (default 14). */
  maxWs?: number;
  /** Multiply the source term by its own LN(0, 0.3) (default true; false: a noiseless plume, one random draw fewer per hour). */
  plumeNoise?: boolean;
}

/**
 * A simulated hourly series with one known point source, for checking polar plots (the input of
 * the openair comparison fixtures `test/directional/fixtures/openair-sim-*.csv` and of
 * `scripts/compare-openair/polarplot.case.mjs`): directions uniform on [0, 360) rounded to 0.1°,
 * speeds log-normal (median 3.5 m/s, σ_log 0.5) capped at `maxWs` (14 m/s) and rounded to 0.01 m/s, values
 * (ng/m3) = background 5 × LN(0, 0.3) + a source at 130° active for 4–7 m/s,
 * 40 × exp(−d²/(2·10²)) × LN(0, 0.3) with d the angular distance (degrees) from 130°, rounded to
 * 0.001 as an instrument export (so that R reads exactly the same numbers). Same seed, same series.
 * The polar-plot benchmark (bench/polarplot-gam.mjs) uses 10 years with seed 18, a 15 m/s cap and a noiseless plume.
 * @param opts seed, length, speed cap, plume noise
 * @returns values (ng/m3), wd (degrees), ws (m/s)
 * @throws {RangeError} when hours is not a positive integer or maxWs not positive
 */
export function simulatePolarYear(opts: PolarYearOptions = {}): {
  values: Float64Array;
  wd: Float64Array;
  ws: Float64Array;
} {
  const n = opts.hours ?? 8760;
  if (!(Number.isInteger(n) && n > 0))
    throw new RangeError(`simulatePolarYear: hours must be a positive integer, got ${n}`);
  const cap = opts.maxWs ?? 14,
    noise = opts.plumeNoise ?? true;
  if (!(cap > 0)) throw new RangeError(`simulatePolarYear: maxWs must be > 0, got ${cap}`);
  const rng = new Rng(opts.seed ?? 20251203);
  const wd = new Float64Array(n),
    ws = new Float64Array(n),
    c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = Math.round(3600 * rng.uniform()) / 10;
    ws[i] = Math.round(100 * Math.min(cap, rng.lognormal(Math.log(3.5), 0.5))) / 100;
    const d = Math.abs(((((wd[i] - 130) % 360) + 540) % 360) - 180);
    const plume = ws[i] >= 4 && ws[i] <= 7 ? 40 * Math.exp(-(d * d) / (2 * 10 * 10)) : 0;
    c[i] = Math.round(1000 * (5 * rng.lognormal(0, 0.3) + plume * (noise ? rng.lognormal(0, 0.3) : 1))) / 1000;
  }
  return { values: c, wd, ws };
}
