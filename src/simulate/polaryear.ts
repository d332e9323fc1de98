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
  /**
   * The point sources (default one: {@link DEFAULT_POLAR_SOURCE}, 40 ng/m3 at 130°, 4–7 m/s, σ 10°).
   * Their plumes add up before the one LN(0, 0.3) factor of the hour.
   */
  sources?: readonly PolarSource[];
}

/** A point source of {@link simulatePolarYear}: A · exp(−d²/(2σ²)) for wsMin ≤ ws ≤ wsMax, d the angular distance from wd. */
export interface PolarSource {
  /** Direction of the source, degrees. */
  wd: number;
  /** Speeds at which it reaches the site, m/s (inclusive). */
  wsMin: number;
  wsMax: number;
  /** Amplitude A, ng/m3. */
  amplitude: number;
  /** Angular spread σ, degrees. */
  sigma: number;
}

/** The source of the openair comparison fixtures: 40 ng/m3 at 130°, 4–7 m/s, σ = 10°. */
export const DEFAULT_POLAR_SOURCE: PolarSource = { wd: 130, wsMin: 4, wsMax: 7, amplitude: 40, sigma: 10 };

/**
 * A simulated hourly series with one known point source, for checking polar plots (the input of
 * the openair comparison fixtures `test/directional/fixtures/openair-sim-*.csv` and of
 * `scripts/compare-openair/polarplot.case.mjs`): directions uniform on [0, 360) rounded to 0.1°,
 * speeds log-normal (median 3.5 m/s, σ_log 0.5) capped at `maxWs` (14 m/s) and rounded to 0.01 m/s, values
 * (ng/m3) = background 5 × LN(0, 0.3) + a source at 130° active for 4–7 m/s,
 * 40 × exp(−d²/(2·10²)) × LN(0, 0.3) with d the angular distance (degrees) from 130°, rounded to
 * 0.001 as an instrument export (so that R reads exactly the same numbers). Same seed, same series.
 * The polar-plot benchmark (bench/polarplot-gam.mjs) uses 10 years with seed 18, a 15 m/s cap and a noiseless plume.
 * Other `sources` replace the one at 130° (their plumes add, the sum times one LN(0, 0.3) draw).
 * @param opts seed, length, speed cap, plume noise, sources
 * @returns values (ng/m3), wd (degrees), ws (m/s)
 * @throws {RangeError} when hours is not a positive integer, maxWs not positive, or a source has a sigma ≤ 0 or wsMin > wsMax
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
  const sources = opts.sources ?? [DEFAULT_POLAR_SOURCE];
  for (const q of sources)
    if (!(q.sigma > 0 && q.wsMin <= q.wsMax))
      throw new RangeError(`simulatePolarYear: a source needs sigma > 0 and wsMin ≤ wsMax, got ${JSON.stringify(q)}`);
  const rng = new Rng(opts.seed ?? 20251203);
  const wd = new Float64Array(n),
    ws = new Float64Array(n),
    c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = Math.round(3600 * rng.uniform()) / 10;
    ws[i] = Math.round(100 * Math.min(cap, rng.lognormal(Math.log(3.5), 0.5))) / 100;
    let plume = 0;
    for (const q of sources) {
      if (!(ws[i] >= q.wsMin && ws[i] <= q.wsMax)) continue;
      const d = Math.abs(((((wd[i] - q.wd) % 360) + 540) % 360) - 180);
      plume += q.amplitude * Math.exp(-(d * d) / (2 * q.sigma * q.sigma));
    }
    c[i] = Math.round(1000 * (5 * rng.lognormal(0, 0.3) + plume * (noise ? rng.lognormal(0, 0.3) : 1))) / 1000;
  }
  return { values: c, wd, ws };
}

/**
 * A simulated before/after pair for {@link polarDiff} (the retrofit of
 * `scripts/compare-openair/polardiff.case.mjs` and of the fixture
 * `test/directional/fixtures/openair-polardiff-sim.csv`): two years of {@link simulatePolarYear}
 * (seeds 11 and 12 by default, those of the fixture); before, the source at 130°, 4–7 m/s (σ 10°)
 * at 40 ng/m3; after, the same source cut to 16 ng/m3 (40 %) and a new one at 250°, 1–3 m/s
 * (σ 15°) at 25 ng/m3. Same seeds, same bits.
 * @param opts `seeds`: the generator seeds of the before and after years (default [11, 12])
 * @returns the two periods: values (ng/m3), wd (degrees), ws (m/s)
 */
export function simulatePolarRetrofit(opts: { seeds?: [number, number] } = {}): {
  before: ReturnType<typeof simulatePolarYear>;
  after: ReturnType<typeof simulatePolarYear>;
} {
  const old = (amplitude: number): PolarSource => ({ ...DEFAULT_POLAR_SOURCE, amplitude });
  const added: PolarSource = { wd: 250, wsMin: 1, wsMax: 3, amplitude: 25, sigma: 15 };
  return {
    before: simulatePolarYear({ seed: opts.seeds?.[0] ?? 11, sources: [old(40)] }),
    after: simulatePolarYear({ seed: opts.seeds?.[1] ?? 12, sources: [old(16), added] }),
  };
}
