import { describe, expect, it } from "vitest";
import { ROSENBROCK_METHODS, type RosenbrockCoefficients } from "../../src/photochem";

// The order conditions of Rosenbrock methods, Hairer & Wanner (1996), Solving ODEs II, §IV.7,
// Table 7.1, in the original coefficients α_ij, γ_ij, b_i with β_ij = α_ij + γ_ij (j < i),
// α_i = Σ_j α_ij, β'_i = Σ_{j<i} β_ij and γ the diagonal:
//   order 1: Σ b_i = 1
//   order 2: Σ b_i β'_i = 1/2 − γ
//   order 3: Σ b_i α_i² = 1/3;  Σ b_i β_ik β'_k = 1/6 − γ + γ²
//   order 4: Σ b_i α_i³ = 1/4;  Σ b_i α_i α_ik β'_k = 1/8 − γ/3;  Σ b_i β_ik α_k² = 1/12 − γ/3;
//            Σ b_i β_ik β_kl β'_l = 1/24 − γ/2 + 3γ²/2 − γ³
// The table stores the transformed form (HW eq. 7.25, KPP): Γ⁻¹ = diag(1/γ) − C, A = αΓ⁻¹, mᵀ = bᵀΓ⁻¹;
// so α = AΓ and bᵀ = mᵀΓ. The embedded method's weights are m − e.

function original(M: RosenbrockCoefficients) {
  const s = M.stages;
  const low = (v: readonly number[], i: number, j: number) => v[(i * (i - 1)) / 2 + j];
  const g = M.gamma[0];
  const Gi = Array.from({ length: s }, (_, i) =>
    Array.from({ length: s }, (_, j) => (i === j ? 1 / g : j < i ? -low(M.c, i, j) : 0)),
  );
  const G = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  for (let j = 0; j < s; j++)
    for (let i = 0; i < s; i++) {
      let sum = i === j ? 1 : 0;
      for (let q = 0; q < i; q++) sum -= Gi[i][q] * G[q][j];
      G[i][j] = sum / Gi[i][i];
    }
  const A = Array.from({ length: s }, (_, i) => Array.from({ length: s }, (_, j) => (j < i ? low(M.a, i, j) : 0)));
  const alpha = A.map((row) => G[0].map((_, j) => row.reduce((acc, a, q) => acc + a * G[q][j], 0)));
  const weights = (w: readonly number[]) => G[0].map((_, j) => w.reduce((acc, x, q) => acc + x * G[q][j], 0));
  return { s, g, G, alpha, weights };
}

function residuals(M: RosenbrockCoefficients, w: readonly number[]): number[] {
  const { s, g, G, alpha, weights } = original(M);
  const b = weights(w);
  const beta = alpha.map((row, i) => row.map((x, j) => (j < i ? x + G[i][j] : 0)));
  const ai = alpha.map((r) => r.reduce((a, x) => a + x, 0));
  const bp = beta.map((r) => r.reduce((a, x) => a + x, 0));
  const sum = (f: (i: number) => number) => {
    let t = 0;
    for (let i = 0; i < s; i++) t += f(i);
    return t;
  };
  return [
    sum((i) => b[i]) - 1,
    sum((i) => b[i] * bp[i]) - (0.5 - g),
    sum((i) => b[i] * ai[i] ** 2) - 1 / 3,
    sum((i) => b[i] * sum((k) => beta[i][k] * bp[k])) - (1 / 6 - g + g * g),
    sum((i) => b[i] * ai[i] ** 3) - 1 / 4,
    sum((i) => b[i] * ai[i] * sum((k) => alpha[i][k] * bp[k])) - (1 / 8 - g / 3),
    sum((i) => b[i] * sum((k) => beta[i][k] * ai[k] ** 2)) - (1 / 12 - g / 3),
    sum((i) => b[i] * sum((k) => beta[i][k] * sum((l) => beta[k][l] * bp[l]))) -
      (1 / 24 - g / 2 + 1.5 * g * g - g ** 3),
  ];
}
/** Number of order conditions up to order p (1, 2, 4, 8 for p = 1..4). */
const upTo = [0, 1, 2, 4, 8];

describe("ROSENBROCK_METHODS against the order conditions of Hairer & Wanner (1996) Table 7.1", () => {
  for (const [key, M] of Object.entries(ROSENBROCK_METHODS)) {
    it(`${M.name}: order ${M.order[0]}, embedded order ${M.order[1]}, α_i and γ_i consistent`, () => {
      const main = residuals(M, M.m);
      const emb = residuals(
        M,
        M.m.map((x, i) => x - M.e[i]),
      );
      for (const r of main.slice(0, upTo[M.order[0]])) expect(Math.abs(r), key).toBeLessThan(1e-14);
      for (const r of emb.slice(0, upTo[M.order[1]])) expect(Math.abs(r), key).toBeLessThan(1e-14);
      // the orders are not higher than stated (a table with a wrong digit would fail one of the above)
      if (M.order[0] < 4)
        expect(Math.max(...main.slice(upTo[M.order[0]], upTo[M.order[0] + 1]).map(Math.abs))).toBeGreaterThan(1e-3);
      expect(Math.max(...emb.slice(upTo[M.order[1]], upTo[M.order[1] + 1]).map(Math.abs))).toBeGreaterThan(1e-3);
      // the stage times and the γ_i of the table are the row sums of α and Γ
      const { alpha, G } = original(M);
      alpha.forEach((row, i) => expect(row.reduce((a, x) => a + x, 0)).toBeCloseTo(M.alpha[i], 13));
      G.forEach((row, i) => expect(row.reduce((a, x) => a + x, 0)).toBeCloseTo(M.gamma[i], 13));
      expect(M.errorOrder).toBe(Math.min(...M.order) + 1);
    });
  }
});
