import { preparePmfInput } from "../../src/sourceapport/prepare";
import { simulatePmfInput } from "../../src/simulate/pmf";
import { Rng } from "../../src/random/rng";

/**
 * A well-posed known-truth case from simulatePmfInput's profiles: rotations are blocked in both
 * directions — each true contribution is 0 in a random 25 % of samples (G-space edges) and profile
 * elements below 15 % of the species' largest element are 0 (F edges) — and the data are
 * x = G·F + N(0, σ²) with the known σ = sqrt((EF·v)² + (MDL/2)²) as uncertainty (no clipping at
 * the detection limit, no σ from the noisy x, which would bias a weighted fit). Without the zeros
 * the truth is one point of a flat rotational valley and no bootstrap (which measures random
 * error, not rotational ambiguity; Paatero et al. 2014) can cover it.
 */
export function wellPosed(n: number, seed: number) {
  const sim = simulatePmfInput({ seed, n });
  const T = sim.truth,
    p = T.F.length,
    m = sim.species.length;
  const F = T.F.map((row) => row.map((v, j) => (v < 0.15 * Math.max(...T.F.map((r) => r[j])) ? 0 : v)));
  const rng = new Rng(seed + 1000);
  const G = T.G.map((row) => row.map((v) => (rng.uniform() < 0.25 ? 0 : v)));
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let k = 0; k < p; k++) v += G[i][k] * F[k][j];
      const sigma = Math.sqrt((T.errorFraction[j] * v) ** 2 + (T.mdl[j] / 2) ** 2);
      x[i * m + j] = v + sigma * rng.normal();
      s[i * m + j] = sigma;
    }
  }
  const input = preparePmfInput({
    x,
    s,
    n,
    m,
    species: sim.species,
    units: "µg/m3",
    samples: Array.from({ length: n }, (_, i) => `s${i + 1}`),
  });
  return { input, F, G, p, names: T.factors };
}
