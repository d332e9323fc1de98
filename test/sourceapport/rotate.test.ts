import { describe, expect, it } from "vitest";
import { constrainPmf, fpeakPmf, type PmfConstraint } from "../../src/sourceapport/rotate";
import { runPmfSync } from "../../src/sourceapport/solver";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { simulatePmfInput } from "../../src/simulate/pmf";
import type { PmfResult } from "../../src/sourceapport/types";
import { wellPosed } from "./wellposed";

/** Profile elements ≤ thr × the species' largest element over the factors. */
function nearZeroF(F: Float64Array, m: number, p: number, thr: number): number {
  let c = 0;
  for (let j = 0; j < m; j++) {
    let top = 0;
    for (let k = 0; k < p; k++) top = Math.max(top, F[k * m + j]);
    for (let k = 0; k < p; k++) if (F[k * m + j] <= thr * top) c++;
  }
  return c;
}

/** Contributions ≤ thr × the factor's largest contribution. */
function nearZeroG(G: Float64Array, n: number, p: number, thr: number): number {
  let c = 0;
  for (let k = 0; k < p; k++) {
    let top = 0;
    for (let i = 0; i < n; i++) top = Math.max(top, G[i * p + k]);
    for (let i = 0; i < n; i++) if (G[i * p + k] <= thr * top) c++;
  }
  return c;
}

describe("Fpeak rotation", () => {
  const { input, p } = wellPosed(150, 11);
  const base = runPmfSync(input, { factors: p, runs: 5, seed: 3 });
  const { n, m } = input;

  it("strength 0 returns the base G and F exactly, with dQ 0", () => {
    const [r] = fpeakPmf(base, [0]);
    expect(r.strength).toBe(0);
    expect(r.G).toEqual(base.G);
    expect(r.F).toEqual(base.F);
    expect(r.dQ).toBe(0);
    expect(r.dQPct).toBe(0);
    expect(r.qTrue / base.runs[base.bestIndex].qTrue).toBeCloseTo(1, 10); // Q of the base point (normalising keeps G·F)
    expect(r.converged).toBe(true);
    // and the returned arrays are copies, not the base's own
    expect(r.G).not.toBe(base.G);
  });

  it("well-posed data: dQ ≥ 0 and non-decreasing in |φ| for φ > 0 and φ < 0; solutions normalised (mean G 1)", () => {
    const pos = fpeakPmf(base, [0.5, 1, 2, 5]);
    const neg = fpeakPmf(base, [-0.5, -1, -2, -5]);
    console.log(`Fpeak dQ: ${[...pos, ...neg].map((r) => `φ ${r.strength}: ${r.dQ.toFixed(2)}`).join(", ")}`);
    for (const series of [pos, neg]) {
      let prev = 0;
      for (const r of series) {
        expect(r.dQ).toBeGreaterThanOrEqual(-0.01);
        expect(r.dQ).toBeGreaterThanOrEqual(prev - 0.01);
        prev = r.dQ;
        expect(r.converged).toBe(true);
        expect(r.dQPct).toBeCloseTo((100 * r.dQ) / (r.qTrue - r.dQ), 10);
        for (let k = 0; k < p; k++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += r.G[i * p + k];
          expect(s / n).toBeCloseTo(1, 10);
        }
      }
      // a real rotation: the strongest strength costs something
      expect(series[series.length - 1].dQ).toBeGreaterThan(1);
    }
    expect(pos.map((r) => r.strength)).toEqual([0.5, 1, 2, 5]);
  });

  it("rotational freedom (no zeros in the true G or F): φ > 0 adds near-zero profile elements, φ < 0 near-zero contributions", () => {
    // plain simulatePmfInput data: every true contribution and profile element is positive, so the
    // base is one point of a rotational valley and Fpeak can sharpen either matrix at small dQ.
    // near zero: F ≤ 1e-3 × the species' largest element; G ≤ 1e-3 × the factor's largest contribution
    const sim = simulatePmfInput({ seed: 11, n: 150 });
    const mm = sim.species.length,
      nn = 150,
      pp = 5;
    const x = new Float64Array(nn * mm),
      s = new Float64Array(nn * mm);
    sim.x.forEach((r, i) => r.forEach((v, j) => (x[i * mm + j] = v)));
    sim.s.forEach((r, i) => r.forEach((v, j) => (s[i * mm + j] = v)));
    const free = runPmfSync(
      preparePmfInput({
        x,
        s,
        n: nn,
        m: mm,
        species: sim.species,
        units: "µg/m3",
        samples: sim.x.map((_, i) => `s${i + 1}`),
      }),
      { factors: pp, runs: 5, seed: 3 },
    );
    const [zero, plus, minus] = fpeakPmf(free, [0, 2, -2]);
    const f0 = nearZeroF(zero.F, mm, pp, 1e-3),
      g0 = nearZeroG(zero.G, nn, pp, 1e-3);
    const fPlus = nearZeroF(plus.F, mm, pp, 1e-3),
      gMinus = nearZeroG(minus.G, nn, pp, 1e-3);
    console.log(
      `near-zero F elements: base ${f0}, φ = 2: ${fPlus} (dQ ${plus.dQ.toFixed(2)}); near-zero G: base ${g0}, φ = −2: ${gMinus} (dQ ${minus.dQ.toFixed(2)})`,
    );
    expect(fPlus).toBeGreaterThan(f0);
    expect(gMinus).toBeGreaterThan(g0);
    // the opposite direction does not sharpen profiles
    expect(nearZeroF(minus.F, mm, pp, 1e-3)).toBeLessThanOrEqual(f0);
  });
});

/** One factor, G pinned (see disp.test.ts): species "pin" x = 2·g, s = 1e-4; "probe" x = 10·g + r, s = 1. */
function pinned(): PmfResult {
  const g = [0.5, 1.5, 1, 1],
    r = [1, 0, -0.5, 0];
  const x: number[] = [],
    s: number[] = [];
  g.forEach((gi, i) => {
    x.push(2 * gi, 10 * gi + r[i]);
    s.push(1e-4, 1);
  });
  return {
    input: {
      species: ["pin", "probe"],
      units: ["µg/m3", "µg/m3"],
      categories: ["strong", "strong"],
      samples: ["a", "b", "c", "d"],
      n: 4,
      m: 2,
      x: Float64Array.from(x),
      s: Float64Array.from(s),
      summary: [],
      changes: [],
      extraUncertaintyPct: 0,
    },
    p: 1,
    options: {
      factors: 1,
      runs: 1,
      seed: 1,
      robust: false,
      alpha: 4,
      maxIterations: 5000,
      tolerance: 0.1,
      relativeTolerance: 1e-5,
      window: 20,
      workers: 1,
    },
    qExpected: 0,
    runs: [],
    bestIndex: 0,
    G: Float64Array.from(g),
    F: Float64Array.of(2, 10),
    factorNames: ["Factor 1"],
  };
}

describe("constraints solved by hand (one factor, G pinned)", () => {
  // Q(base) = 1² + 0.5² = 1.25; with G = g fixed, F_probe = v costs dQ = Σg²·(v − 10)² = 4.5·(v − 10)²
  // (Σ g·r = 0); F_pin = 2 is forced by the pin (weight 1e8), so G stays g.
  const res = pinned();
  it("zero: F_probe = 0 costs 4.5·10² = 450", () => {
    const c = constrainPmf(res, [{ type: "zero", factor: 0, species: "probe" }]);
    expect(c.F[1]).toBe(0);
    expect(c.dQ).toBeCloseTo(450, 2);
    expect(c.steps[0].dQ).toBeCloseTo(450, 2);
    expect(c.steps[0].dQPct).toBeCloseTo((100 * 450) / 1.25, 0);
    expect(c.steps[0].value).toBe(0);
  });
  it("value: F_probe = 11 costs 4.5·1² = 4.5", () => {
    const c = constrainPmf(res, [{ type: "value", factor: 0, species: "probe", value: 11 }]);
    expect(Math.abs(c.F[1] / 11 - 1)).toBeLessThan(1e-7); // held exactly, up to the 1e-9 normalisation of G
    expect(c.dQ).toBeCloseTo(4.5, 4);
    expect(c.qTrue).toBeCloseTo(1.25 + 4.5, 4);
  });
  it("ratio: probe/pin = 4 with F_pin = 2 forces F_probe = 8, costing 4.5·2² = 18", () => {
    const c = constrainPmf(res, [{ type: "ratio", factor: 0, numerator: "probe", denominator: "pin", ratio: 4 }]);
    expect(c.F[0]).toBeCloseTo(2, 6);
    expect(c.F[1] / c.F[0] / 4 - 1).toBeLessThan(1e-3);
    expect(c.F[1] / c.F[0] / 4 - 1).toBeGreaterThan(-1e-3);
    expect(c.dQ).toBeGreaterThan(18 * 0.99);
    expect(c.dQ).toBeLessThan(18 * 1.01);
  });
  it("pull up with a 100 % budget (dQ ≤ 1.25): F_probe rises to between 10 + sqrt(0.9·1.25/4.5) = 10.5 and 10 + sqrt(1.25/4.5) = 10.527", () => {
    const c = constrainPmf(res, [{ type: "pull", factor: 0, species: "probe", direction: "up", dQPct: 100 }]);
    expect(c.F[1]).toBeGreaterThanOrEqual(10.5 * (1 - 1e-6));
    expect(c.F[1]).toBeLessThanOrEqual((10 + Math.sqrt(1.25 / 4.5)) * (1 + 1e-6));
    expect(Math.abs(c.steps[0].value! / c.F[1] - 1)).toBeLessThan(1e-7);
    expect(c.dQ).toBeLessThanOrEqual(1.25 * (1 + 1e-4));
    expect(c.dQ).toBeGreaterThanOrEqual(0.9 * 1.25 * (1 - 1e-4));
  });
});

describe("constraints on the well-posed case", () => {
  const { input, p } = wellPosed(150, 11);
  const base = runPmfSync(input, { factors: p, runs: 5, seed: 3 });
  const { m } = input;
  const J = (sp: string) => input.species.indexOf(sp);
  const F = (c: { F: Float64Array }, k: number, sp: string) => c.F[k * m + J(sp)];
  const top = (sp: string) => Math.max(...Array.from({ length: p }, (_, k) => base.F[k * m + J(sp)]));
  // the factor where a species is largest, and one where it is present but smaller
  const main = (sp: string) =>
    Array.from({ length: p }, (_, k) => k).sort((a, b) => base.F[b * m + J(sp)] - base.F[a * m + J(sp)])[0];
  const second = (sp: string) =>
    Array.from({ length: p }, (_, k) => k).sort((a, b) => base.F[b * m + J(sp)] - base.F[a * m + J(sp)])[1];

  it("zero, value, ratio, pull up and pull down in sequence: each holds, each step reports its dQ, the steps add up", () => {
    // OC is set to zero in the factor where it is second largest; the ratio OC/EC is held in the main OC factor
    const kOC = second("OC"),
      kSO4 = main("SO4"),
      kRatio = main("OC"),
      kSi = main("Si"),
      kK = main("K");
    expect(kRatio).not.toBe(kOC);
    expect(F(base, kRatio, "EC")).toBeGreaterThan(0.05 * top("EC"));
    expect(base.F[kOC * m + J("OC")]).toBeGreaterThan(0.05 * top("OC")); // a real element is set to zero
    const ratio0 = F(base, kRatio, "OC") / F(base, kRatio, "EC");
    expect(ratio0).toBeGreaterThan(0);
    const constraints: PmfConstraint[] = [
      { type: "zero", factor: kOC, species: "OC" },
      { type: "value", factor: kSO4, species: "SO4", value: 0.8 * F(base, kSO4, "SO4") },
      { type: "ratio", factor: kRatio, numerator: "OC", denominator: "EC", ratio: 1.2 * ratio0 },
      { type: "pull", factor: kSi, species: "Si", direction: "up", dQPct: 0.5 },
      { type: "pull", factor: kK, species: "K", direction: "down", dQPct: 0.5 },
    ];
    const c = constrainPmf(base, constraints);
    const qBase = base.runs[base.bestIndex].qTrue;
    console.log(
      `constraint steps: ${c.steps.map((s) => `${s.constraint.type} dQ ${s.dQ.toFixed(2)} (${s.dQPct.toFixed(3)} %)`).join("; ")}; total dQ ${c.dQ.toFixed(2)}`,
    );
    expect(F(c, kOC, "OC")).toBeLessThanOrEqual(1e-6 * top("OC"));
    expect(Math.abs(F(c, kSO4, "SO4") / (0.8 * F(base, kSO4, "SO4")) - 1)).toBeLessThan(1e-3);
    expect(Math.abs(F(c, kRatio, "OC") / F(c, kRatio, "EC") / (1.2 * ratio0) - 1)).toBeLessThan(1e-3);
    expect(F(c, kSi, "Si")).toBeGreaterThan(F(base, kSi, "Si"));
    expect(F(c, kK, "K")).toBeLessThan(F(base, kK, "K"));
    expect(c.steps.map((s) => s.constraint)).toEqual(constraints);
    // the pulls hold the value they reached (up to the renormalisation of G after an extrapolated
    // step, ~1e-6 relative); each pull's step dQ is within its budget (0.5 % of Q(base))
    expect(Math.abs(F(c, kSi, "Si") / c.steps[3].value! - 1)).toBeLessThan(1e-5);
    expect(Math.abs(F(c, kK, "K") / c.steps[4].value! - 1)).toBeLessThan(1e-5);
    for (const s of c.steps.slice(3)) expect(s.dQ).toBeLessThanOrEqual(0.005 * qBase * 1.01);
    for (const s of c.steps) expect(s.dQ).toBeGreaterThanOrEqual(-0.01);
    // zero, value and ratio move real elements away from the optimum: they cost Q
    for (const s of c.steps.slice(0, 3)) expect(s.dQ).toBeGreaterThan(1);
    expect(c.steps.reduce((a, s) => a + s.dQ, 0)).toBeCloseTo(c.dQ, 6);
    expect(c.dQPct).toBeCloseTo((100 * c.dQ) / qBase, 8);
    expect(c.converged).toBe(true);
  });

  it("rejects an unknown species, a factor out of range, a negative value or ratio, a zero budget", () => {
    expect(() => constrainPmf(base, [{ type: "zero", factor: 0, species: "Xx" }])).toThrow(/unknown species "Xx"/);
    expect(() => constrainPmf(base, [{ type: "zero", factor: p, species: "OC" }])).toThrow(RangeError);
    expect(() => constrainPmf(base, [{ type: "zero", factor: -1, species: "OC" }])).toThrow(RangeError);
    expect(() => constrainPmf(base, [{ type: "zero", factor: 0.5, species: "OC" }])).toThrow(/out of range/);
    expect(() => constrainPmf(base, [{ type: "value", factor: 0, species: "OC", value: -1 }])).toThrow(
      /value must be ≥ 0/,
    );
    expect(() =>
      constrainPmf(base, [{ type: "ratio", factor: 0, numerator: "OC", denominator: "EC", ratio: -2 }]),
    ).toThrow(/ratio must be > 0/);
    expect(() =>
      constrainPmf(base, [{ type: "ratio", factor: 0, numerator: "OC", denominator: "Yy", ratio: 2 }]),
    ).toThrow(RangeError);
    expect(() => constrainPmf(base, [{ type: "pull", factor: 0, species: "OC", direction: "up", dQPct: 0 }])).toThrow(
      /positive dQ budget/,
    );
  });
});
