import { describe, expect, it } from "vitest";
import { compileKinetics, sparseLuPosition, type KineticSystem } from "../../src/photochem";
import { randomSystem, randomVector } from "./helpers";

function denseJ(sys: ReturnType<typeof compileKinetics>, k: Float64Array, c: Float64Array): number[][] {
  const vals = new Float64Array(sys.lu.factorNonzeros);
  sys.jacobian(k, c, vals);
  const n = sys.species;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const p = sparseLuPosition(sys.lu, i, j);
      return p < 0 ? 0 : vals[p];
    }),
  );
}

describe("compileKinetics: right-hand side and analytic Jacobian", () => {
  it("self-reaction NO + NO (+O2 folded into k) → 2 NO2: loss of NO is 2 × rate, J = −4k[NO]", () => {
    const sys: KineticSystem = {
      species: ["NO", "NO2"],
      reactions: [{ label: "R22", reactants: [0, 0], products: [{ index: 1, coefficient: 2 }] }],
    };
    const ck = compileKinetics(sys);
    const k = Float64Array.of(2e-38 * 5.1e18); // k·[O2], cm3 molecule-1 s-1
    const c = Float64Array.of(2.5e12, 1e12);
    const rate = k[0] * 2.5e12 * 2.5e12; // by hand
    const f = new Float64Array(2);
    ck.rhs(k, c, f);
    expect(f[0] / (-2 * rate)).toBeCloseTo(1, 14);
    expect(f[1] / (2 * rate)).toBeCloseTo(1, 14);
    const r = new Float64Array(1);
    ck.rates(k, c, r);
    expect(r[0] / rate).toBeCloseTo(1, 14);
    const J = denseJ(ck, k, c);
    expect(J[0][0] / (-4 * k[0] * 2.5e12)).toBeCloseTo(1, 14);
    expect(J[1][0] / (4 * k[0] * 2.5e12)).toBeCloseTo(1, 14);
    expect(J[0][1]).toBe(0);
  });

  it("a species on both sides counts its net coefficient (2B → B + C: ν_B = −1)", () => {
    const sys: KineticSystem = {
      species: ["B", "C"],
      reactions: [
        {
          label: "r",
          reactants: [0, 0],
          products: [
            { index: 0, coefficient: 1 },
            { index: 1, coefficient: 1 },
          ],
        },
      ],
    };
    const f = new Float64Array(2);
    compileKinetics(sys).rhs(Float64Array.of(3), Float64Array.of(2, 0), f);
    expect([...f]).toEqual([-12, 12]); // rate 3·2² = 12
  });

  it("matches a central finite-difference Jacobian on a random 40 × 100 system (relative 1e-6)", () => {
    const sys = randomSystem(40, 100, 7);
    const ck = compileKinetics(sys);
    const k = randomVector(100, 8, 0.1, 2);
    const c = randomVector(40, 9, 0.5, 3);
    const J = denseJ(ck, k, c);
    const fp = new Float64Array(40),
      fm = new Float64Array(40);
    let worst = 0;
    for (let j = 0; j < 40; j++) {
      const h = 1e-6 * c[j];
      const cp = Float64Array.from(c),
        cm = Float64Array.from(c);
      cp[j] += h;
      cm[j] -= h;
      ck.rhs(k, cp, fp);
      ck.rhs(k, cm, fm);
      for (let i = 0; i < 40; i++) {
        const fd = (fp[i] - fm[i]) / (2 * h);
        const scale = Math.max(1, Math.abs(fd));
        worst = Math.max(worst, Math.abs(fd - J[i][j]) / scale);
        // a Jacobian entry outside the LU pattern must be zero
        if (sparseLuPosition(ck.lu, i, j) < 0) expect(Math.abs(fd)).toBeLessThan(1e-6);
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("refuses an index outside the species list", () => {
    const bad: KineticSystem = { species: ["A"], reactions: [{ label: "R1", reactants: [1], products: [] }] };
    expect(() => compileKinetics(bad)).toThrow(/R1.*reactant index 1/);
  });
});
