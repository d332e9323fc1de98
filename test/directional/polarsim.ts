import { Rng } from "../../src/random/rng";

/**
 * A simulated hourly year with a known peak (the input of the openair fixtures `sim-*.csv`):
 * uniform directions, log-normal speeds (median 3.5 m/s, capped at 14), background 5 × LN(0, 0.3)
 * and a point source at 130°, 4–7 m/s, 40 × exp(−d²/(2·10²)) × LN(0, 0.3); wd to 0.1°, ws to 0.01 m/s,
 * values to 0.001 (as an instrument export), so that R reads exactly the same numbers.
 * scripts/compare-openair/polarplot.case.mjs has the same generator (through dist/).
 */
export function simulatedPolarYear(seed = 20251203) {
  const rng = new Rng(seed);
  const n = 8760;
  const wd = new Float64Array(n),
    ws = new Float64Array(n),
    c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = Math.round(3600 * rng.uniform()) / 10;
    ws[i] = Math.round(100 * Math.min(14, rng.lognormal(Math.log(3.5), 0.5))) / 100;
    const d = Math.abs(((((wd[i] - 130) % 360) + 540) % 360) - 180);
    const plume = ws[i] >= 4 && ws[i] <= 7 ? 40 * Math.exp(-(d * d) / (2 * 10 * 10)) : 0;
    c[i] = Math.round(1000 * (5 * rng.lognormal(0, 0.3) + plume * rng.lognormal(0, 0.3))) / 1000;
  }
  return { values: c, wd, ws };
}
