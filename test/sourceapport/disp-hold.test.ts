import { describe, expect, it } from "vitest";
import { alsFit, type RunSettings } from "../../src/sourceapport/als";
import { Rng } from "../../src/random/rng";

/** Q(true) = Σ ((x − GF)/s)² written out (G n×p, F p×m row-major). */
function q(
  x: Float64Array,
  s: Float64Array,
  G: Float64Array,
  F: Float64Array,
  n: number,
  m: number,
  p: number,
): number {
  let t = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let y = 0;
      for (let l = 0; l < p; l++) y += G[i * p + l] * F[l * m + j];
      t += ((x[i * m + j] - y) / s[i * m + j]) ** 2;
    }
  return t;
}

/**
 * Brute-force minimum of Q over every element but F_kj = v, with G ≥ 0, F ≥ 0 and mean_i G_ik = 1
 * (the normalisation DISP fits keep; without it scaling factor k would move F_kj for free), by
 * exact line minimisation along coordinate directions (the other G and F elements one at a time)
 * and along mean-preserving pair directions e_i − e_i' for column k of G — an independent
 * method (no normal equations, no NNLS), from several random starts; the lowest Q is returned.
 */
function bruteForce(
  x: Float64Array,
  s: Float64Array,
  n: number,
  m: number,
  p: number,
  k: number,
  j: number,
  v: number,
  starts: number,
): number {
  const rng = new Rng(99);
  let best = Infinity;
  for (let st = 0; st < starts; st++) {
    const G = new Float64Array(n * p).map(() => 0.2 + rng.uniform());
    for (let l = 0; l < p; l++) {
      let c = 0;
      for (let i = 0; i < n; i++) c += G[i * p + l];
      if (l === k) for (let i = 0; i < n; i++) G[i * p + l] *= n / c;
    }
    const F = new Float64Array(p * m).map(() => rng.uniform());
    F[k * m + j] = v;
    // move along direction u (pairs of (array, index, coefficient)) by the exact minimiser of the quadratic Q(t)
    const line = (u: [Float64Array, number, number][]) => {
      const at = (t: number) => {
        for (const [A, c, w] of u) A[c] += t * w;
        const r = q(x, s, G, F, n, m, p);
        for (const [A, c, w] of u) A[c] -= t * w;
        return r;
      };
      const q0 = at(0),
        qp = at(1),
        qm = at(-1);
      const h = (qp + qm - 2 * q0) / 2,
        g = (qp - qm) / 2;
      if (!(h > 0)) return;
      let t = -g / (2 * h);
      // keep every moved element ≥ 0
      for (const [A, c, w] of u) if (w !== 0 && A[c] + t * w < 0) t = -A[c] / w;
      for (const [A, c, w] of u) A[c] = Math.max(0, A[c] + t * w);
    };
    for (let sweep = 0; sweep < 4000; sweep++) {
      for (let i = 0; i < n; i++) for (let l = 0; l < p; l++) if (l !== k) line([[G, i * p + l, 1]]);
      for (let i = 0; i < n; i++)
        for (let i2 = i + 1; i2 < n; i2++)
          line([
            [G, i * p + k, 1],
            [G, i2 * p + k, -1],
          ]);
      for (let l = 0; l < p; l++) for (let c = 0; c < m; c++) if (l !== k || c !== j) line([[F, l * m + c, 1]]);
    }
    best = Math.min(best, q(x, s, G, F, n, m, p));
  }
  return best;
}

describe("DISP refit with the displaced element held exactly", () => {
  // a tiny problem: 8 samples × 4 species, 2 factors, 5 % noise
  const n = 8,
    m = 4,
    p = 2;
  const rng = new Rng(5);
  // zeros in both profiles and in both contribution columns pin the rotation: a displaced element costs Q
  const Gt = new Float64Array(n * p).map((_, e) => (e === 2 || e === 5 || e === 9 ? 0 : 0.1 + 2 * rng.uniform()));
  const Ft = new Float64Array([1, 0.5, 0, 0.2, 0, 0.3, 1, 0.6]);
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < m; c++) {
      let y = 0;
      for (let l = 0; l < p; l++) y += Gt[i * p + l] * Ft[l * m + c];
      s[i * m + c] = 0.05 * y + 0.01;
      x[i * m + c] = Math.max(0, y + s[i * m + c] * rng.normal());
    }
  // the refit settings of DISP's fast search, converged tightly
  const st: RunSettings = {
    p,
    robust: false,
    alpha: 4,
    maxIterations: 20000,
    tolerance: 1e-10,
    relativeTolerance: 1e-14,
    window: 20,
    normaliseG: true,
    extrapolation: "free",
  };
  const base = alsFit(x, s, n, m, undefined, Ft, { ...st, normaliseG: false, extrapolation: undefined });

  it.each([
    [0, 1, 1.3],
    [1, 2, 0.8],
    [1, 3, 1.5],
  ])("factor %i, species %i held at %f × its base value: exact value, Q = brute-force minimum", (k, j, f) => {
    let c = 0;
    for (let i = 0; i < n; i++) c += base.G[i * p + k];
    const mean = c / n;
    const G0 = base.G.map((g, e) => (e % p === k ? g / mean : g));
    const F0 = base.F.map((v, e) => (Math.floor(e / m) === k ? v * mean : v));
    const v = F0[k * m + j] * f;
    const o = alsFit(x, s, n, m, G0, F0, st, { fFixed: [{ k, j, value: v }] });
    expect(o.converged).toBe(true);
    expect(o.F[k * m + j]).toBe(v); // held exactly, not short of it
    let g = 0;
    for (let i = 0; i < n; i++) g += o.G[i * p + k];
    expect(g / n).toBeCloseTo(1, 8);
    expect(o.qTrue).toBeCloseTo(q(x, s, o.G, o.F, n, m, p), 9);
    const bf = bruteForce(x, s, n, m, p, k, j, v, 4);
    console.log(
      `held F[${k},${j}] = ${v.toPrecision(4)}: Q ${o.qTrue.toFixed(6)} (base ${base.qTrue.toFixed(6)}), brute force ${bf.toFixed(6)}`,
    );
    expect(o.qTrue - base.qTrue).toBeGreaterThan(0.1); // the hold costs Q: the comparison is not of two unconstrained minima
    expect(Math.abs(o.qTrue - bf)).toBeLessThanOrEqual(1e-6 * bf + 1e-8);
  });
});
