import { describe, expect, it } from "vitest";
import { LEIGHTON, NOX_MECHANISM, ROBERTSON, ROBERTSON_K } from "./helpers";
import {
  compileKinetics,
  integrate,
  ROSENBROCK_METHODS,
  type KineticSystem,
  type RosenbrockMethod,
} from "../../src/photochem";

const METHODS = Object.keys(ROSENBROCK_METHODS) as RosenbrockMethod[];
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("closed box: first-order chain A → B → C (Bateman)", () => {
  // A(t) = A0 e^{−k1 t}; B(t) = A0 k1/(k2 − k1) (e^{−k1 t} − e^{−k2 t}); C = A0 − A − B
  const sys: KineticSystem = {
    species: ["A", "B", "C"],
    reactions: [
      { label: "k1", reactants: [0], products: [{ index: 1, coefficient: 1 }] },
      { label: "k2", reactants: [1], products: [{ index: 2, coefficient: 1 }] },
    ],
  };
  const k1 = 1e-3,
    k2 = 5e-2,
    A0 = 1e12;
  const bateman = (t: number) => {
    const A = A0 * Math.exp(-k1 * t);
    const B = ((A0 * k1) / (k2 - k1)) * (Math.exp(-k1 * t) - Math.exp(-k2 * t));
    return [A, B, A0 - A - B];
  };
  for (const method of METHODS) {
    it(`${method}: hourly output over 6 h within 1e-5 relative + 10 atol of the analytic solution (rtol 1e-7, atol 1)`, () => {
      const out = Array.from({ length: 6 }, (_, h) => 3600 * (h + 1));
      const r = integrate(sys, Float64Array.of(k1, k2), [A0, 0, 0], 0, 6 * 3600, {
        method,
        rtol: 1e-7,
        atol: 1,
        outputTimes: out,
      });
      expect([...r.times]).toEqual(out);
      r.states.forEach((s, q) => {
        const ref = bateman(out[q]);
        for (const i of [0, 1, 2])
          expect(Math.abs(s[i] - ref[i]), `${method} t=${out[q]} i=${i}`).toBeLessThan(1e-5 * ref[i] + 10);
      });
      expect(r.stats.steps).toBe(r.stats.accepted + r.stats.rejected);
      expect(r.stats.luFactorizations).toBeGreaterThanOrEqual(r.stats.steps);
      expect(r.stats.solves).toBe(r.stats.steps * ROSENBROCK_METHODS[method].stages);
      expect(r.method).toBe(ROSENBROCK_METHODS[method].name);
    });
  }
});

describe("closed box: NO–NO2–O3 photostationary state", () => {
  // NO2 + hν → NO + O3 (J; O(3P) + O2 → O3 folded in), NO + O3 → NO2 (k).
  // With d = [NO] − [NO]0: [NO2] = N0 − d, [O3] = O0 + d, d' = J(N0 − d) − k(NO0 + d)(O0 + d) = −k(d − r+)(d − r−),
  // r± the roots of k d² + (k(NO0 + O0) + J) d − (J N0 − k NO0 O0) = 0. Then u = (d − r+)/(d − r−) obeys
  // u' = −k(r+ − r−) u, so d(t) = (r+ − u r−)/(1 − u), u = u0 e^{−k(r+ − r−)t}, u0 = (0 − r+)/(0 − r−).
  // The steady state is [O3][NO]/[NO2] = J/k (Leighton).
  const sys = LEIGHTON;
  const J = 8e-3,
    k = 1.9e-14; // s-1; cm3 molecule-1 s-1
  const ppb = 2.46e10; // molecules cm-3 per ppb at 298 K, 1 atm
  const NO0 = 10 * ppb,
    N0 = 20 * ppb,
    O0 = 40 * ppb;
  const qa = k,
    qb = k * (NO0 + O0) + J,
    qc = -(J * N0 - k * NO0 * O0);
  const disc = Math.sqrt(qb * qb - 4 * qa * qc);
  const rp = (-qb + disc) / (2 * qa),
    rm = (-qb - disc) / (2 * qa);
  const d = (t: number) => {
    const u = (rp / rm) * Math.exp(-k * (rp - rm) * t);
    return (rp - u * rm) / (1 - u);
  };
  for (const method of ["rodas3", "rodas4", "ros4"] as const) {
    it(`${method}: the analytic time solution at 10, 30, 60, 300 s (1e-6) and the Leighton ratio J/k after 1 h (1e-6)`, () => {
      const out = [10, 30, 60, 300, 3600];
      const r = integrate(sys, Float64Array.of(J, k), [NO0, N0, O0], 0, 3600, {
        method,
        rtol: 1e-8,
        atol: 1e-2,
        outputTimes: out,
      });
      for (let q = 0; q < 4; q++) {
        const dd = d(out[q]);
        expect(rel(r.states[q][0], NO0 + dd)).toBeLessThan(1e-6);
        expect(rel(r.states[q][1], N0 - dd)).toBeLessThan(1e-6);
        expect(rel(r.states[q][2], O0 + dd)).toBeLessThan(1e-6);
      }
      const [no, no2, o3] = r.final;
      expect(rel((o3 * no) / no2, J / k)).toBeLessThan(1e-6);
      expect(rel(no + no2, NO0 + N0)).toBeLessThan(1e-12);
    });
  }
});

describe("closed box: Robertson's stiff problem", () => {
  // Test Set for IVP Solvers (Mazzia & Magherini, Univ. Bari), problem ROBER, rober.f rev. 1.2 (2006-10-02),
  // subroutine solut: "computed using double precision RADAU ... rtol = atol = h0 = 1.1d-18":
  //   y(1e11) = (0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050)
  // https://archimede.uniba.it/~testset/problems/rober.php
  // At t = 40 the value quoted from Hairer & Wanner II §IV.1 (0.7158270687, 9.185534764e-6, 0.2841637457);
  // scipy Radau at rtol 1e-12 gives the same digits (test/validate/photochem-scipy.test.ts).
  const atol = Float64Array.of(1e-14, 1e-20, 1e-14);
  for (const method of ["rodas3", "rodas4", "ros4", "ros3"] as const) {
    it(`${method}: t = 40 and t = 1e11 (Test Set reference) within 1e-6 relative`, () => {
      const r = integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1e11, {
        method,
        rtol: 1e-9,
        atol,
        outputTimes: [40, 1e11],
      });
      const y40 = [0.7158270687, 9.185534764e-6, 0.2841637457];
      y40.forEach((v, i) => expect(rel(r.states[0][i], v), `${method} y${i + 1}(40)`).toBeLessThan(1e-6));
      const yEnd = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505];
      yEnd.forEach((v, i) => expect(rel(r.final[i], v), `${method} y${i + 1}(1e11)`).toBeLessThan(1e-6));
      expect(r.final[0] + r.final[1] + r.final[2]).toBeCloseTo(1, 12);
    });
  }
  it("is stiff: the loose default tolerance takes few steps over 11 decades of time", () => {
    const r = integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1e11, {
      rtol: 1e-3,
      atol: Float64Array.of(1e-8, 1e-14, 1e-8),
    });
    expect(r.stats.accepted).toBeLessThan(500);
    expect(rel(r.final[2], 0.999999979166505)).toBeLessThan(1e-6);
  });
});

describe("closed box: conservation of N in a hand NOx/NOy mechanism", () => {
  const { system: sys, k, c0, nitrogen: w } = NOX_MECHANISM;
  const i = (name: string) => sys.species.indexOf(name);
  const totalN = (c: ArrayLike<number>) => w.reduce((s, wi, q) => s + wi * c[q], 0);
  for (const method of METHODS)
    it(`${method}: total N after 12 h equals the initial to 1e-10 relative`, () => {
      const r = integrate(sys, k, c0, 0, 12 * 3600, {
        method,
        rtol: 1e-4,
        atol: 1,
        nonNegative: "none",
        outputTimes: [3600, 43200],
      });
      expect(Math.abs(totalN(r.final) - totalN(c0)) / totalN(c0)).toBeLessThan(1e-10);
      expect(r.final[i("HNO3")]).toBeGreaterThan(c0[i("HNO3")]); // the run did something
    });
});

describe("integrate: constrained species (the OBM hook)", () => {
  // NO2 → NO + O3 (J), NO + O3 → NO2 (k) with O3 held at an hourly observed value: within hour h the system
  // is linear, NO2' = −J·NO2 + k·O3_h·NO with NO + NO2 = N, so
  // NO2(t) = eq + (NO2(t_h) − eq)·e^{−(J + k O3_h)(t − t_h)}, eq = N·k·O3_h/(J + k·O3_h).
  const sys = LEIGHTON;
  const J = 2e-3,
    k = 1.9e-14,
    ppb = 2.46e10;
  const O3obs = [30, 60, 45].map((x) => x * ppb);
  it("holds O3 at each hour's value and follows the analytic NO2 hour by hour (1e-6)", () => {
    const seen: number[] = [];
    const r = integrate(sys, Float64Array.of(J, k), [10 * ppb, 10 * ppb, 0], 0, 3 * 3600, {
      rtol: 1e-8,
      atol: 1e-2,
      outputTimes: [1800, 3600, 7200, 10800],
      constrain: {
        indices: [2],
        values: (t, out) => {
          seen.push(t);
          out[0] = O3obs[Math.floor(t / 3600)];
        },
      },
    });
    expect(seen).toEqual([0, 1800, 3600, 7200]); // at t0 and every output time before t1
    const N = 20 * ppb;
    let no2 = 10 * ppb;
    const ref: number[] = [];
    let t = 0;
    for (const te of [1800, 3600, 7200, 10800]) {
      const o3 = O3obs[Math.floor(t / 3600)];
      const eq = (N * k * o3) / (J + k * o3);
      no2 = eq + (no2 - eq) * Math.exp(-(J + k * o3) * (te - t));
      ref.push(no2);
      t = te;
    }
    r.states.forEach((s, q) => {
      expect(rel(s[1], ref[q])).toBeLessThan(1e-6);
      expect(rel(s[0] + s[1], N)).toBeLessThan(1e-12);
    });
    expect(r.states[0][2]).toBe(O3obs[0]);
    expect(r.states[2][2]).toBe(O3obs[1]);
    expect(r.final[2]).toBe(O3obs[2]);
  });
  it("without hold the imposed value is only a reset: O3 then evolves (no longer equal to the value)", () => {
    const r = integrate(sys, Float64Array.of(J, k), [10 * ppb, 10 * ppb, 0], 0, 3600, {
      constrain: { indices: [2], values: (_t, out) => (out[0] = 30 * ppb), hold: false },
    });
    expect(r.final[2]).not.toBe(30 * ppb);
  });
});

describe("integrate: time-dependent rate constants", () => {
  // A → B with k(t) = k0 (1 + sin ωt): A(t) = A0 exp(−k0 (t + (1 − cos ωt)/ω))
  const sys: KineticSystem = {
    species: ["A", "B"],
    reactions: [{ label: "r", reactants: [0], products: [{ index: 1, coefficient: 1 }] }],
  };
  const k0 = 2e-4,
    om = (2 * Math.PI) / 86400;
  for (const method of ["rodas3", "ros4", "rodas4"] as const)
    it(`${method}: follows the analytic solution over a day (1e-6)`, () => {
      const r = integrate(sys, (t, out) => (out[0] = k0 * (1 + Math.sin(om * t))), [1e10, 0], 0, 86400, {
        method,
        rtol: 1e-8,
        atol: 1e-6,
        outputTimes: [21600, 43200, 86400],
      });
      r.states.forEach((s, q) => {
        const t = r.times[q];
        expect(rel(s[0], 1e10 * Math.exp(-k0 * (t + (1 - Math.cos(om * t)) / om)))).toBeLessThan(1e-6);
      });
    });
});

describe("integrate: arguments, limits, reuse", () => {
  it("a compiled system gives the same bits as the system itself", () => {
    const a = integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 40, { atol: 1e-10 });
    const b = integrate(compileKinetics(ROBERTSON), ROBERTSON_K, [1, 0, 0], 0, 40, { atol: 1e-10 });
    expect([...b.final]).toEqual([...a.final]);
    expect(b.stats).toEqual(a.stats);
  });
  it("throws an Error naming the time when maxSteps is reached", () => {
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1e11, { atol: 1e-10, maxSteps: 20 })).toThrow(
      /20 steps reached at t = /,
    );
  });
  it("refuses bad arguments with RangeError", () => {
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0], 0, 1)).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, Float64Array.of(1, 2), [1, 0, 0], 0, 1)).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 1, 1)).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { rtol: 0 })).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { atol: [1, 1] })).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { outputTimes: [0.5, 0.4] })).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { outputTimes: [2] })).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [NaN, 0, 0], 0, 1)).toThrow(RangeError);
    expect(() =>
      integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { constrain: { indices: [3], values: () => undefined } }),
    ).toThrow(RangeError);
    expect(() =>
      integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { constrain: { indices: [0.5], values: () => undefined } }),
    ).toThrow(RangeError);
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { hMin: 0.5, hMax: 0.1 })).toThrow(/hMin/);
    // @ts-expect-error a name from Object.prototype is not a method
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { method: "toString" })).toThrow(RangeError);
    // @ts-expect-error an unknown method
    expect(() => integrate(ROBERTSON, ROBERTSON_K, [1, 0, 0], 0, 1, { method: "euler" })).toThrow(RangeError);
  });
  it("clip sets negative concentrations to zero; none keeps them", () => {
    // A → −1 B (a negative yield, as CB6's −PAR): B goes negative without clipping
    const sys: KineticSystem = {
      species: ["A", "B"],
      reactions: [{ label: "r", reactants: [0], products: [{ index: 1, coefficient: -1 }] }],
    };
    const none = integrate(sys, Float64Array.of(1e-3), [1e6, 0], 0, 3600, { nonNegative: "none" });
    const clip = integrate(sys, Float64Array.of(1e-3), [1e6, 0], 0, 3600);
    expect(none.final[1]).toBeCloseTo(-(1e6 - none.final[0]), 0);
    expect(clip.final[1]).toBe(0);
  });
});

describe("integrate: order of convergence with fixed steps (hMin = hMax = h)", () => {
  // With hMin = hMax = h every step has size h and is accepted, so the global error at T behaves as C·h^p:
  // log2(e(h)/e(h/2)) → p, the order of the method (Hairer & Wanner 1996, §IV.7), for
  //  (a) A + B → C, k = 1, A0 = 1, B0 = 2: with Δ = B0 − A0, A(t) = Δ·A0/(B0·e^{kΔt} − A0), autonomous;
  //  (b) A → B with k(t) = 1 + sin t, A(t) = exp(−(t + 1 − cos t)), non-autonomous (the ∂f/∂t terms γ_i).
  const abc: KineticSystem = {
    species: ["A", "B", "C"],
    reactions: [{ label: "r", reactants: [0, 1], products: [{ index: 2, coefficient: 1 }] }],
  };
  const decay: KineticSystem = {
    species: ["A", "B"],
    reactions: [{ label: "k", reactants: [0], products: [{ index: 1, coefficient: 1 }] }],
  };
  const T = 2;
  const cases = [
    {
      name: "A + B → C",
      step: { ros2: 0.0125, ros3: 0.025, ros4: 0.05, rodas3: 0.05, rodas4: 0.1 },
      run: (method: RosenbrockMethod, h: number) =>
        integrate(abc, Float64Array.of(1), [1, 2, 0], 0, T, {
          method,
          hMin: h,
          hMax: h,
          hStart: h,
          nonNegative: "none",
        }).final[0] -
        1 / (2 * Math.exp(T) - 1),
    },
    {
      name: "A → B, k(t) = 1 + sin t",
      step: { ros2: 0.0125, ros3: 0.025, ros4: 0.05, rodas3: 0.05, rodas4: 0.2 },
      run: (method: RosenbrockMethod, h: number) =>
        integrate(decay, (t, out) => (out[0] = 1 + Math.sin(t)), [1, 0], 0, T, {
          method,
          hMin: h,
          hMax: h,
          hStart: h,
          nonNegative: "none",
        }).final[0] - Math.exp(-(T + 1 - Math.cos(T))),
    },
  ];
  for (const method of METHODS)
    for (const c of cases)
      it(`${method}, ${c.name}: observed order ${ROSENBROCK_METHODS[method].order[0]} ± 0.2`, () => {
        const p = ROSENBROCK_METHODS[method].order[0];
        // a step pair in the asymptotic range of each method, with errors above ~1e-8, the floor that the
        // forward-difference ∂f/∂t (δ = √ε·max(1e-6, |t|), as KPP) puts on the time-dependent case
        const h = c.step[method];
        const e = [h, h / 2].map((x) => Math.abs(c.run(method, x)));
        expect(
          Math.abs(Math.log2(e[0] / e[1]) - p),
          `${method} ${c.name}: errors ${e.map((x) => x.toExponential(2))}`,
        ).toBeLessThan(0.2);
      });
});
