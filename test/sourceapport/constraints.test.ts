import { describe, expect, it } from "vitest";
import { constrainPmf } from "../../src/sourceapport/rotate";
import { PMF_DEFAULTS } from "../../src/sourceapport/solver";
import type { PmfConstraint, PmfExpressionTerm } from "../../src/sourceapport/rotate";
import type { PmfResult } from "../../src/sourceapport/types";

/** A hand-built result (the base solution given as G, F; dQ is measured from its Q). */
function resultOf(
  species: string[],
  samples: string[],
  x: number[],
  s: number[],
  G: number[],
  F: number[],
  p: number,
): PmfResult {
  const n = samples.length,
    m = species.length;
  return {
    input: {
      species,
      units: species.map(() => "µg/m3"),
      categories: species.map(() => "strong" as const),
      samples,
      n,
      m,
      x: Float64Array.from(x),
      s: Float64Array.from(s),
      summary: [],
      changes: [],
      extraUncertaintyPct: 0,
    },
    p,
    options: { ...PMF_DEFAULTS, factors: p, runs: 1, workers: 1 },
    qExpected: 0,
    runs: [],
    bestIndex: 0,
    G: Float64Array.from(G),
    F: Float64Array.from(F),
    factorNames: Array.from({ length: p }, (_, k) => `Factor ${k + 1}`),
  };
}

/**
 * Two factors, contributions pinned except factor A on sample d (the last). Species pinA (A
 * only) x = 2·gA, pinB (B only) x = 3·gB, s = 1e-4 — except pinA on d, s = 1e6 (free); probe (A
 * only) x = 10·gA, s = 1e-3 on a, b, c, e, f (so F[A, probe] is held by them) and x = 10.5, s = 1
 * on d. gA = 0.5 1.5 1 0 2 1, gB = 1.2 0.8 1 2 0 1 (both mean 1); the zeros on e and f block the
 * rotations (A taking pinB or B taking pinA and probe). The base (the truth) has Q = 0.5² = 0.25.
 *
 * By hand, with G[A, d] = v in normalised units (mean 1 over the six samples): the pinned
 * products 2·gA on the other samples sum to 10, so the product q_d of sample d satisfies
 * q_d/((10 + q_d)/6) = v, q_d = 10v/(6 − v), the probe on d is predicted 5·q_d and
 * Q(v) = (10.5 − 50v/(6 − v))².
 */
function twoFactor(): PmfResult {
  const gA = [0.5, 1.5, 1, 0, 2, 1],
    gB = [1.2, 0.8, 1, 2, 0, 1];
  const x: number[] = [],
    s: number[] = [];
  for (let i = 0; i < 6; i++) {
    x.push(2 * gA[i], 3 * gB[i], i === 5 ? 10.5 : 10 * gA[i]);
    s.push(i === 5 ? 1e6 : 1e-4, 1e-4, i === 5 ? 1 : 1e-3);
  }
  const G = gA.flatMap((a, i) => [a, gB[i]]);
  return resultOf(["pinA", "pinB", "probe"], ["a", "b", "c", "e", "f", "d"], x, s, G, [2, 0, 10, 0, 3, 0], 2);
}
const qOf = (v: number) => (10.5 - (50 * v) / (6 - v)) ** 2;
/** v where Q(v) − 0.25 = L on the side `sign` (−1 below the base v = 1, +1 above): 50v/(6 − v) = R, v = 6R/(50 + R). */
const vAt = (L: number, sign: 1 | -1) => {
  const R = 10.5 + sign * Math.sqrt(L + 0.25);
  return (6 * R) / (50 + R);
};

describe("contribution constraints solved by hand (two factors, all but G[A, d] pinned)", () => {
  const res = twoFactor();
  const GAd = (G: Float64Array) => G[5 * 2 + 0];
  it("the hand formula reproduces the base: Q(1) = 0.25", () => {
    expect(qOf(1)).toBeCloseTo(0.25, 12);
  });
  it("zero: G[A, d] = 0 leaves the probe on d unexplained, Q = 10.5² = 110.25, dQ = 110", () => {
    const c = constrainPmf(res, [{ type: "zero", factor: 0, samples: ["d"] }]);
    expect(GAd(c.G)).toBe(0);
    // 110 up to ~1e-5 relative: factor B may take a trace of the probe (s = 1e-3 on a, b, c)
    expect(c.dQ).toBeCloseTo(110, 2);
    expect(c.steps[0].dQPct).toBeCloseTo((100 * 110) / 0.25, 0);
  });
  it("value: G[A, d] = 0.8 gives q_d = 8/5.2, probe 7.6923, Q = 2.8077² = 7.8831, dQ = 7.6331", () => {
    const c = constrainPmf(res, [{ type: "value", factor: 0, sample: "d", value: 0.8 }]);
    expect(Math.abs(GAd(c.G) / 0.8 - 1)).toBeLessThan(1e-6);
    expect(qOf(0.8)).toBeCloseTo(7.88314, 5);
    expect(c.dQ).toBeCloseTo(7.63314, 3);
  });
  it("ratio between factors as an expression: G[A, d] − 0.8·G[B, d] = 0 with G[B, d] = 1 pinned is the same 7.6331", () => {
    const c = constrainPmf(res, [
      {
        type: "expression",
        factor: 0,
        terms: [
          { matrix: "G", factor: 0, sample: "d", coef: 1 },
          { matrix: "G", factor: 1, sample: "d", coef: -0.8 },
        ],
        value: 0,
      },
    ]);
    expect(Math.abs(c.G[5 * 2 + 1] - 1)).toBeLessThan(2e-3);
    expect(Math.abs(GAd(c.G) / 0.8 - 1)).toBeLessThan(2e-3); // a stiff penalty: held to ~1e-3
    expect(c.dQ / 7.63314 - 1).toBeLessThan(0.01);
    expect(c.dQ / 7.63314 - 1).toBeGreaterThan(-0.01);
  });
  it("pull down with a 1000 % budget (dQ ≤ 2.5): G[A, d] falls to v with Q(v) − 0.25 between 0.95·2.5 and 2.5", () => {
    const c = constrainPmf(res, [{ type: "pull", factor: 0, sample: "d", direction: "down", dQPct: 1000 }]);
    const v = GAd(c.G);
    expect(v).toBeGreaterThanOrEqual(vAt(2.5, -1) * (1 - 1e-4)); // 0.9016
    expect(v).toBeLessThanOrEqual(vAt(0.95 * 2.5, -1) * (1 + 1e-4)); // 0.9049
    expect(c.steps[0].value!).toBeCloseTo(v, 6);
    expect(c.dQ).toBeCloseTo(qOf(v) - 0.25, 3);
    expect(c.dQ).toBeLessThanOrEqual(2.5 * (1 + 1e-3));
  });
  it("pull up with the same budget: v rises until the probe on d is overshot by sqrt(2.75)", () => {
    const c = constrainPmf(res, [{ type: "pull", factor: 0, sample: "d", direction: "up", dQPct: 1000 }]);
    const v = GAd(c.G);
    expect(v).toBeGreaterThanOrEqual(vAt(0.95 * 2.5, 1) * (1 - 1e-4));
    expect(v).toBeLessThanOrEqual(vAt(2.5, 1) * (1 + 1e-4));
    expect(c.dQ).toBeCloseTo(qOf(v) - 0.25, 3);
    expect(c.dQ).toBeLessThanOrEqual(2.5 * (1 + 1e-3));
  });
});

/** One factor, G pinned (as in rotate.test.ts): "pin" x = 2·g, s = 1e-4; "probe" x = 10·g + r, s = 1. */
function pinned(): PmfResult {
  const g = [0.5, 1.5, 1, 1],
    r = [1, 0, -0.5, 0];
  const x = g.flatMap((gi, i) => [2 * gi, 10 * gi + r[i]]);
  const s = g.flatMap(() => [1e-4, 1]);
  return resultOf(["pin", "probe"], ["a", "b", "c", "d"], x, s, g, [2, 10], 1);
}

describe("profile expressions solved by hand (one factor, G pinned; dQ(F_probe = v) = Σg²·(v − 10)² = 4.5·(v − 10)²)", () => {
  const res = pinned();
  /** The expression a·F[probe] + b·F[pin] = value (pulled when a budget is given). */
  const probePin = (a: number, b: number, value: number, dQPct?: number): PmfConstraint[] => {
    const terms: PmfExpressionTerm[] = [
      { matrix: "F", factor: 0, species: "probe", coef: a },
      { matrix: "F", factor: 0, species: "pin", coef: b },
    ];
    return [
      dQPct === undefined
        ? { type: "expression", factor: 0, terms, value }
        : { type: "expression", factor: 0, terms, value, dQPct },
    ];
  };
  it("sum: F[probe] + F[pin] = 13 with F[pin] = 2 forces F[probe] = 11, dQ = 4.5", () => {
    const c = constrainPmf(res, probePin(1, 1, 13));
    expect(c.F[0]).toBeCloseTo(2, 6);
    expect(c.F[1]).toBeCloseTo(11, 2);
    expect(c.dQ / 4.5 - 1).toBeLessThan(0.01);
    expect(c.dQ / 4.5 - 1).toBeGreaterThan(-0.01);
  });
  it("ratio form: F[probe] − 4·F[pin] = 0 forces F[probe] = 8, dQ = 18", () => {
    const c = constrainPmf(res, probePin(1, -4, 0));
    expect(c.F[1] / c.F[0] / 4 - 1).toBeLessThan(1e-3);
    expect(c.F[1] / c.F[0] / 4 - 1).toBeGreaterThan(-1e-3);
    expect(c.dQ / 18 - 1).toBeLessThan(0.01);
    expect(c.dQ / 18 - 1).toBeGreaterThan(-0.01);
  });
  it("the ratio pulled with a 100 % budget (dQ ≤ 1.25): F[probe] moves from 10 towards 8 only to 10 − sqrt(1.25/4.5) = 9.473 … 9.486", () => {
    const c = constrainPmf(res, probePin(1, -4, 0, 100));
    expect(c.F[1]).toBeGreaterThanOrEqual((10 - Math.sqrt(1.25 / 4.5)) * (1 - 1e-4));
    expect(c.F[1]).toBeLessThanOrEqual((10 - Math.sqrt((0.95 * 1.25) / 4.5)) * (1 + 1e-4));
    expect(c.dQ).toBeLessThanOrEqual(1.25 * (1 + 1e-3));
    // the reported value is the expression's value reached: F[probe] − 4·2
    expect(c.steps[0].value!).toBeCloseTo(c.F[1] - 4 * c.F[0], 3);
  });
  it("a pulled expression whose target costs less than its budget is met: F[probe] + F[pin] = 12.2 with 1000 % (dQ 0.18 ≤ 12.5)", () => {
    const c = constrainPmf(res, probePin(1, 1, 12.2, 1000));
    expect(c.F[1]).toBeCloseTo(10.2, 2);
    expect(c.dQ).toBeCloseTo(4.5 * 0.2 ** 2, 2);
  });
});

describe("constraint arguments", () => {
  const res = pinned();
  it("unknown samples, empty expressions and bad budgets are RangeErrors", () => {
    expect(() => constrainPmf(res, [{ type: "zero", factor: 0, samples: ["zz"] }])).toThrow(/unknown sample "zz"/);
    expect(() => constrainPmf(res, [{ type: "expression", factor: 0, terms: [], value: 0 }])).toThrow(RangeError);
    expect(() => constrainPmf(res, [{ type: "pull", factor: 0, sample: "a", direction: "up", dQPct: 0 }])).toThrow(
      /positive dQ budget/,
    );
    expect(() =>
      constrainPmf(res, [
        { type: "expression", factor: 0, terms: [{ matrix: "F", factor: 3, species: "pin", coef: 1 }], value: 1 },
      ]),
    ).toThrow(/factor 3 is out of range/);
  });
});
