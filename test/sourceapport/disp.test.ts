import { describe, expect, it } from "vitest";
import { dispPmf, type DispResult } from "../../src/sourceapport/disp";
import { bsDispPmf } from "../../src/sourceapport/bsdisp";
import { bootstrapPmf } from "../../src/sourceapport/bootstrap";
import { runPmfSync } from "../../src/sourceapport/solver";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { Rng } from "../../src/random/rng";
import type { PmfResult } from "../../src/sourceapport/types";
import { wellPosed } from "./wellposed";
import { swappedFactors, swappedProfiles } from "../../src/sourceapport/dispsearch";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { join } from "node:path";

/** A hand-made one-factor result (n = 4 samples, contributions g, profile f) on data x, s. */
function oneFactor(species: string[], x: number[], s: number[], g: number[], f: number[]): PmfResult {
  const n = g.length,
    m = species.length;
  return {
    input: {
      species,
      units: species.map(() => "µg/m3"),
      categories: species.map(() => "strong" as const),
      samples: g.map((_, i) => `s${i + 1}`),
      n,
      m,
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
    F: Float64Array.from(f),
    factorNames: ["Factor 1"],
  };
}

/** Intervals contain the base and widen with dQmax (down non-increasing, up non-decreasing). */
function expectNested(d: { intervals: { base: number; down: number[]; up: number[] }[] }, levels: number): void {
  for (const iv of d.intervals) {
    expect(iv.down).toHaveLength(levels);
    expect(iv.up).toHaveLength(levels);
    expect(iv.down[0]).toBeLessThanOrEqual(iv.base);
    expect(iv.up[0]).toBeGreaterThanOrEqual(iv.base);
    expect(iv.down[levels - 1]).toBeGreaterThanOrEqual(0);
    for (let l = 1; l < levels; l++) {
      expect(iv.down[l]).toBeLessThanOrEqual(iv.down[l - 1]);
      expect(iv.up[l]).toBeGreaterThanOrEqual(iv.up[l - 1]);
    }
  }
}

/** Golden-section minimum of a unimodal f on [a, b]. */
function goldenMin(f: (u: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a),
    d = a + r * (b - a);
  for (let it = 0; it < 200; it++) {
    if (f(c) < f(d)) b = d;
    else a = c;
    c = b - r * (b - a);
    d = a + r * (b - a);
  }
  return f((a + b) / 2);
}

/*
 * DISP holds a displaced element and refits everything else; dispSearch stops a level when the
 * fit at the bound has dQ ≥ 0.9·dQmax (and never reports a bound with dQ > dQmax), so a hand
 * dQ(d) must put each reported bound in [0.9·dQmax, dQmax].
 */
describe("DISP on one-factor cases solved by hand", () => {
  const g = [0.5, 1.5, 1, 1]; // mean 1, Σg² = 0.25 + 2.25 + 1 + 1 = 4.5, Σ(g − 1)² = 0.5

  it("G pinned by a species with tiny uncertainty: dQ(d) = d²·Σ g_i²/s² = 4.5·d², so d(dQmax) = sqrt(dQmax/4.5)", async () => {
    // species "pin": x = 2·g with s = 1e-4 (weight 1e8) fixes G = g; species "probe": x = 10·g + r
    // with s = 1 and r = [1, 0, −0.5, 0], Σ g·r = 0.5 − 0.5 = 0, so the weighted LS profile is 10
    // and Q(base) = 1² + 0.5² = 1.25. Displacing F_probe by d with G fixed: Q = 1.25 + Σ g²·d² = 1.25 + 4.5·d²
    // (G moves by O(1e-8) relative: weight 1 against 1e8 of the pin).
    const r = [1, 0, -0.5, 0];
    const x: number[] = [],
      s: number[] = [];
    g.forEach((gi, i) => {
      x.push(2 * gi, 10 * gi + r[i]);
      s.push(1e-4, 1);
    });
    const res = oneFactor(["pin", "probe"], x, s, g, [2, 10]);
    const d = await dispPmf(res, { workers: 1, species: ["probe"] });
    expect(d.dQmax).toEqual([4, 8, 16, 32]);
    expect(d.qBase).toBeCloseTo(1.25, 5);
    expect(d.polishDecrease).toBeLessThan(1e-5);
    expect(d.intervals).toHaveLength(1);
    const iv = d.intervals[0];
    expect([iv.factor, iv.species, iv.k, iv.j]).toEqual(["Factor 1", "probe", 0, 1]);
    expect(iv.base).toBeCloseTo(10, 6);
    // d(dQmax) = sqrt(L/4.5): 0.9428, 1.3333, 1.8856, 2.6667 (dQmax 8 → 4/3, 32 → 8/3)
    [4, 8, 16, 32].forEach((L, l) => {
      for (const bound of [iv.up[l], iv.down[l]]) {
        const dq = 4.5 * (bound - 10) ** 2;
        expect(dq, `dQmax ${L}`).toBeGreaterThanOrEqual(0.9 * L * (1 - 1e-5));
        expect(dq, `dQmax ${L}`).toBeLessThanOrEqual(L * (1 + 1e-5));
      }
      expect(iv.up[l] - 10).toBeLessThanOrEqual(Math.sqrt(L / 4.5) * (1 + 1e-5));
      expect(iv.up[l] - 10).toBeGreaterThanOrEqual(Math.sqrt((0.9 * L) / 4.5) * (1 - 1e-5));
    });
    expectNested(d, 4);
    expect(d.swaps.map((w) => w.displacements)).toEqual([0, 0, 0, 0]); // one factor cannot swap
    expect(d.largestDecreasePct).toBeLessThan(1e-3);
    expect(d.warning).toBeUndefined();
    expect(d.notConverged).toBe(0);
  });

  it("G free: the refit mixes G with a constant (G_i = 1 + c·(g_i − 1)); dQ from the hand formula", async () => {
    // x = g·(2, 10) exactly, s = 1, plus a species "blank" with x = −0.5, s = 1 whose profile
    // stays 0 (G ≥ 0, x < 0: the NNLS optimum is F = 0), adding the constant 4·0.25 = 1 to Q so the
    // base Q is 1, not 0. Holding F_probe = 10 + d (mean G = 1): for a profile f' = (u, 10 + d) the
    // best G is G_i = 1 + c·e_i (e = g − 1, Σe = 0, S = Σe² = 0.5), and
    //   Q − 1 = n·|f − f'|² + S·|f − c·f'|²,  minimised over c: S·dist²(f, line f'),
    //   dQ(d) = min_u 4·((2 − u)² + d²) + 0.5·(2·(10 + d) − 10·u)²/(u² + (10 + d)²).
    // A fit that keeps G = g instead (as a rescaled unconstrained G step does) gives a far steeper dQ.
    const x: number[] = [],
      s: number[] = [];
    g.forEach((gi) => {
      x.push(2 * gi, 10 * gi, -0.5);
      s.push(1, 1, 1);
    });
    const res = oneFactor(["other", "probe", "blank"], x, s, g, [2, 10, 0]);
    const handDQ = (v: number) =>
      goldenMin((u) => 4 * ((2 - u) ** 2 + (v - 10) ** 2) + (0.5 * (2 * v - 10 * u) ** 2) / (u * u + v * v), 0, 4);
    // by hand for small d: u ≈ 2 gives 4d² + 0.5·4d²/104 ≈ 4.02·d², so d(4) ≈ 1.0
    expect(handDQ(11)).toBeGreaterThan(3.9);
    expect(handDQ(11)).toBeLessThan(4.05);
    const d = await dispPmf(res, { workers: 1, species: ["probe"] });
    expect(d.qBase).toBeCloseTo(1, 8);
    const iv = d.intervals[0];
    expect(iv.base).toBeCloseTo(10, 6);
    [4, 8, 16, 32].forEach((L, l) => {
      for (const bound of [iv.up[l], iv.down[l]]) {
        const dq = handDQ(bound);
        expect(dq, `dQmax ${L}, bound ${bound}`).toBeGreaterThanOrEqual(0.9 * L * (1 - 1e-4));
        expect(dq, `dQmax ${L}, bound ${bound}`).toBeLessThanOrEqual(L * (1 + 1e-4));
      }
    });
    expectNested(d, 4);
    expect(d.warning).toBeUndefined();
  });

  it("rejects an unknown species", async () => {
    const res = oneFactor(["a", "b"], [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], g, [1, 1]);
    await expect(dispPmf(res, { species: ["c"] })).rejects.toThrow(/unknown species "c"/);
  });
});

describe("DISP on a well-posed known-truth case", () => {
  const { input, p } = wellPosed(150, 11);
  const base = runPmfSync(input, { factors: p, runs: 5, seed: 3 });
  const species = ["SO4", "OC", "Si"];
  let d: DispResult;

  it("precondition: the base run fits (Q/Qexp < 1.3)", () => {
    expect(base.runs[base.bestIndex].qTrue / base.qExpected).toBeLessThan(1.3);
  });

  it("intervals contain the base and are nested; no swap, no Q decrease, every fit converged", async () => {
    const progress: number[] = [];
    d = await dispPmf(base, {
      workers: 1,
      species,
      onProgress: (done, total) => {
        expect(total).toBe(3 * p * 2);
        progress.push(done);
      },
    });
    expect(progress).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(d.intervals).toHaveLength(3 * p);
    expect(new Set(d.intervals.map((iv) => iv.species))).toEqual(new Set(species));
    expectNested(d, 4);
    // the base value is the converged base run's element (polishing moves it by far less than 0.1 % of the species' largest element)
    for (const iv of d.intervals) {
      const top = Math.max(...Array.from({ length: p }, (_, k) => base.F[k * input.m + iv.j]));
      expect(Math.abs(iv.base - base.F[iv.k * input.m + iv.j])).toBeLessThan(1e-3 * top);
    }
    for (const w of d.swaps) {
      expect(w.displacements).toBe(0);
      expect(w.byFactor).toEqual(new Array(p).fill(0));
    }
    expect(d.largestDecreasePct).toBeLessThan(0.1);
    expect(d.warning).toBeUndefined();
    expect(d.notConverged).toBe(0);
    expect(d.fits).toBeGreaterThan(0);
  });

  it("tripled uncertainties widen the intervals: s×3 divides Q by 9, so the s×3 interval at dQmax 4 is the s×1 interval at dQmax 36", async () => {
    const s3: PmfResult = { ...base, input: { ...input, s: input.s.map((v) => 3 * v) } };
    const wide = await dispPmf(s3, { workers: 1, species, dQmax: [4] });
    const ref = await dispPmf(base, { workers: 1, species, dQmax: [36] });
    const width = (r: DispResult, l: number) =>
      r.intervals.reduce((a, iv) => a + iv.up[l] - iv.down[l], 0) / r.intervals.length;
    const ratio = width(wide, 0) / width(d, 0);
    console.log(
      `DISP mean interval width at dQmax 4: s×1 ${width(d, 0).toFixed(4)}, s×3 ${width(wide, 0).toFixed(4)} (×${ratio.toFixed(2)})`,
    );
    // a quadratic dQ(d) gives ×3 (d ∝ sqrt(dQmax·s²)); a one-sided (linear) rise at a zero element up to ×9
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeGreaterThan(2.5);
    // both searches end with dQ(s×1) in [0.9·36, 36]: for dQ ∝ d^γ, γ in [1, 2], the bounds agree within a factor 1/0.9
    wide.intervals.forEach((iv, c) => {
      const r = ref.intervals[c];
      expect([iv.k, iv.j]).toEqual([r.k, r.j]);
      for (const [a, b] of [
        [iv.up[0] - iv.base, r.up[0] - r.base],
        [iv.base - iv.down[0], r.base - r.down[0]],
      ]) {
        if (b === 0) expect(a).toBe(0);
        else {
          expect(a / b).toBeGreaterThan(0.9);
          expect(a / b).toBeLessThan(1 / 0.9);
        }
      }
    });
  });

  it("a base that is not a minimum: the polish alone lowers Q, and the warning says so", async () => {
    // a worse point: factor 1's profile scaled by 1.1 with G unchanged
    const F = new Float64Array(base.F);
    for (let j = 0; j < input.m; j++) F[j] *= 1.1;
    const worse: PmfResult = { ...base, F };
    let qWorse = 0;
    for (let i = 0; i < input.n; i++) {
      for (let j = 0; j < input.m; j++) {
        let y = 0;
        for (let k = 0; k < p; k++) y += base.G[i * p + k] * F[k * input.m + j];
        qWorse += ((input.x[i * input.m + j] - y) / input.s[i * input.m + j]) ** 2;
      }
    }
    const qBest = base.runs[base.bestIndex].qTrue;
    expect(qWorse).toBeGreaterThan(qBest * 1.01);
    const r = await dispPmf(worse, { workers: 1, species: ["SO4"], factors: [0] });
    expect(r.warning).toMatch(/not a global minimum/);
    expect(r.largestDecreasePct).toBeGreaterThan(0.1);
    // polishing returns to the base minimum: the decrease is Q(worse) − Q(base) (within the refit tolerance)
    expect(r.largestDecrease / (qWorse - qBest)).toBeGreaterThan(0.99);
    expect(r.largestDecrease / (qWorse - qBest)).toBeLessThan(1.01);
    expect(r.largestDecreasePct).toBeCloseTo((100 * r.largestDecrease) / qWorse, 8);
  });
});

/**
 * Two sources with the same profile (x = (g1 + g2)·fᵀ + noise) fitted with two factors: the
 * split of the contributions between the factors costs nothing, so displaced fits re-split them
 * and factors swap.
 */
function duplicated(seed: number) {
  const n = 80,
    m = 6,
    rng = new Rng(seed);
  const f = [3, 1, 0.5, 2, 0.2, 1.5];
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const h = Math.exp(0.6 * rng.normal()) + Math.exp(0.6 * rng.normal());
    for (let j = 0; j < m; j++) {
      const v = h * f[j],
        sigma = 0.1 * v + 0.01;
      x[i * m + j] = v + sigma * rng.normal();
      s[i * m + j] = sigma;
    }
  }
  const input = preparePmfInput({
    x,
    s,
    n,
    m,
    species: ["a", "b", "c", "d", "e", "f"],
    units: "µg/m3",
    samples: Array.from({ length: n }, (_, i) => `s${i + 1}`),
  });
  return runPmfSync(input, { factors: 2, runs: 3, seed: 1 });
}

/**
 * Two sources whose profiles nearly coincide (f2 = f1 + a small perturbation): the split of the
 * mass between them is weakly determined, so the profiles can mix at small dQ.
 */
function nearlyCollinear(seed: number) {
  const n = 80,
    m = 6,
    rng = new Rng(seed);
  const f1 = [3, 1, 0.5, 2, 0.2, 1.5];
  const f2 = [3.3, 1, 0.5, 1.8, 0.3, 1.5];
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const g1 = Math.exp(0.6 * rng.normal()),
      g2 = Math.exp(0.6 * rng.normal());
    for (let j = 0; j < m; j++) {
      const v = g1 * f1[j] + g2 * f2[j],
        sigma = 0.1 * v + 0.01;
      x[i * m + j] = v + sigma * rng.normal();
      s[i * m + j] = sigma;
    }
  }
  const input = preparePmfInput({
    x,
    s,
    n,
    m,
    species: ["a", "b", "c", "d", "e", "f"],
    units: "µg/m3",
    samples: Array.from({ length: n }, (_, i) => `s${i + 1}`),
  });
  return runPmfSync(input, { factors: 2, runs: 3, seed: 1 });
}

describe("the swap test (swappedFactors)", () => {
  // The rule (ESAT, esat/utils.py compare_all_factors, applied after each displacement refit in
  // esat/error/displacement.py): a refitted factor is swapped when another base factor matches
  // it better than its own base factor; aozora measures the match on the contributions (r).
  // G0 columns (n = 4): a = 1, 2, 3, 4 and b = 4, 1, 3, 2; by hand r(a, b) = −0.4
  // (deviations −1.5, −0.5, 0.5, 1.5 and 1.5, −1.5, 0.5, −0.5: Σ = −2.25 + 0.75 + 0.25 − 0.75 = −2, Σd² = 5 each).
  const G0 = Float64Array.from([1, 4, 2, 1, 3, 3, 4, 2]);
  it("a relabelling (columns exchanged) swaps both factors", () => {
    expect(swappedFactors(Float64Array.from([4, 1, 1, 2, 3, 3, 2, 4]), G0, 4, 2)).toEqual([0, 1]);
  });
  it("a small change keeps each factor's identity", () => {
    // column a + (0.1, −0.1, 0, 0): still r ≈ 1 with a and ≈ −0.4 with b
    expect(swappedFactors(Float64Array.from([1.1, 4, 1.9, 1, 3, 3, 4, 2]), G0, 4, 2)).toEqual([]);
  });
  it("a factor that became more like the other base factor swaps; a tie is not a swap", () => {
    // refitted column a = 0.5·a + b = 4.5, 2, 4.5, 4: deviations 0.75, −1.75, 0.75, 0.25 → r with a
    // = (−1.125 + 0.875 + 0.375 + 0.375)/sqrt(5·4.25) = 0.5/4.61 = 0.11, with b = (1.125 + 2.625 + 0.375 − 0.125)/4.61 = 0.87
    expect(swappedFactors(Float64Array.from([4.5, 4, 2, 1, 4.5, 3, 4, 2]), G0, 4, 2)).toEqual([0]);
    // identical base columns: r is the same with both, no swap
    const same = Float64Array.from([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(swappedFactors(same, same, 4, 2)).toEqual([]);
  });
});

describe("factor swaps in rotationally ambiguous cases", () => {
  // EPA PMF 5.0 User Guide and Paatero et al. (2014): swaps at the smallest dQmax (4) mean the
  // solution has significant rotational ambiguity. Counted per displaced factor as ESAT's swap
  // table (esat/error/displacement.py: count_table / swap_table per factor and dQmax).
  it("two factors with duplicated profiles swap already at dQmax 4; counts per displaced factor add up", async () => {
    for (const seed of [1, 3]) {
      const d = await dispPmf(duplicated(seed), { workers: 1 });
      console.log(
        `duplicated profiles (seed ${seed}): displacements with a swap per dQmax ${d.swaps.map((w) => `${w.dQmax}: ${w.displacements}`).join(", ")}`,
      );
      expect(d.swaps[0].dQmax).toBe(4);
      expect(d.swaps[0].displacements).toBeGreaterThan(0);
      for (const w of d.swaps) {
        expect(w.tried).toEqual([12, 12]); // 6 elements × 2 directions per factor
        expect(w.byFactor.reduce((a, b) => a + b, 0)).toBe(w.displacements);
        w.byFactor.forEach((c, k) => expect(c).toBeLessThanOrEqual(w.tried[k]));
      }
    }
  });
  it("two factors with nearly collinear profiles swap at dQmax 4", async () => {
    const d = await dispPmf(nearlyCollinear(2), { workers: 1, dQmax: [4] });
    console.log(`nearly collinear profiles: displacements with a swap at dQmax 4: ${d.swaps[0].displacements} of 24`);
    expect(d.swaps[0].displacements).toBeGreaterThan(0);
  });
});

/**
 * The simulator's Kawasaki–Shenyang example (data/shenyang-pm25-*.csv; 7 sources recovered at
 * r ≥ 0.95, see solver.test.ts), prepared and fitted as notebook 01 does.
 */
function shenyang(): PmfResult {
  const dir = join(__dirname, "..", "..", "data");
  const raw = readEpaPmf(join(dir, "shenyang-pm25-con.csv"), join(dir, "shenyang-pm25-unc.csv"), {
    unit: "µg/m3",
    utcOffset: "+08:00",
  });
  const input = preparePmfInput(
    { x: raw.x, s: raw.s, n: raw.n, m: raw.m, species: raw.species, units: "µg/m3", samples: raw.samples },
    { total: "PM2.5", autoCategories: true, missing: "median" },
  );
  return runPmfSync(input, { factors: 7, runs: 20, seed: 20250105 });
}

describe("the Kawasaki–Shenyang example: no swap at dQmax 4, no factor flagged by BS-DISP", () => {
  const base = shenyang();
  const jSO4 = base.input.species.indexOf("SO4");
  const kSulfate = Array.from({ length: 7 }, (_, k) => k).reduce((a, k) =>
    base.F[k * base.input.m + jSO4] > base.F[a * base.input.m + jSO4] ? k : a,
  );

  it("DISP of SO4 in every factor: zero swaps at dQmax 4; the sulfate factor keeps most of its SO4", async () => {
    const d = await dispPmf(base, { workers: 1, species: ["SO4"], dQmax: [4] });
    expect(d.swaps[0].tried).toEqual(new Array(7).fill(2));
    expect(d.swaps[0].displacements).toBe(0);
    expect(d.swaps[0].byFactor).toEqual(new Array(7).fill(0));
    // Before the path was followed continuously, the downward search of SO4 in the sulfate
    // factor jumped to 0 in one refit and landed on a relabelling of three factors with dQ ≈ 0.
    // Taking most of a source's marker away costs far more than dQ = 4 on a continuous path.
    const iv = d.intervals.find((v) => v.k === kSulfate)!;
    expect(iv.down[0]).toBeGreaterThan(0.5 * iv.base);
    expect(d.warning).toBeUndefined();
  }, 300000);

  it("BS-DISP of SO4 on one resample: no swap at dQmax 0.5, no factor flagged unreliable", async () => {
    const bs = await bootstrapPmf(base, { runs: 1, seed: 5, workers: 1 });
    const r = await bsDispPmf(base, bs, { workers: 1, species: ["SO4"], runs: 1 });
    expect(r.runsUsed).toEqual([1]);
    expect(r.swaps[0].dQmax).toBe(0.5);
    expect(r.swaps[0].byFactor).toEqual(new Array(7).fill(0));
    expect(r.unreliableFactors).toEqual([]);
  }, 300000);
});

describe("BS-DISP", () => {
  const { input, p } = wellPosed(150, 11);
  const base = runPmfSync(input, { factors: p, runs: 5, seed: 3 });

  it("well-posed: intervals contain the base at every dQmax and are nested; runs add up; no unreliable factor", async () => {
    const bs = await bootstrapPmf(base, { runs: 3, seed: 5, workers: 1 });
    const r = await bsDispPmf(base, bs, { workers: 1, species: ["SO4", "OC"] });
    expect(r.dQmax).toEqual([0.5, 1, 2, 4]);
    expect(r.runsUsed.length + r.runsSkipped.length).toBe(3);
    expect(r.runsUsed).toEqual([1, 2, 3]);
    expect(r.intervals).toHaveLength(2 * p);
    expectNested(r, 4);
    for (const iv of r.intervals) expect(iv.base).toBe(base.F[iv.k * input.m + iv.j]);
    expect(r.swaps[0].byFactor).toEqual(new Array(p).fill(0));
    expect(r.unreliableFactors).toEqual([]);
    expect(r.notConverged).toBe(0);
    expect(r.largestDecrease).toBeLessThan(0.001 * base.runs[base.bestIndex].qTrue);
  });

  it("duplicated profiles: runs without a one-to-one mapping are skipped, swaps at dQmax 0.5 flag factors unreliable", async () => {
    const dup = duplicated(3);
    const bs = await bootstrapPmf(dup, { runs: 8, seed: 5, workers: 1 });
    // expected from the bootstrap mapping itself: a run is usable when its mapping is a permutation
    const usable = bs.runs
      .filter((run) => run.converged && new Set(run.mapping.filter((v) => v >= 0)).size === 2)
      .map((run) => run.run);
    const r = await bsDispPmf(dup, bs, { workers: 1, species: ["a", "d"] });
    expect(r.runsUsed).toEqual(usable);
    expect(r.runsUsed.length + r.runsSkipped.length).toBe(8);
    expect(r.runsSkipped.length).toBeGreaterThan(0);
    for (const sk of r.runsSkipped) expect(sk.reason).toMatch(/one-to-one/);
    expect(r.unreliableFactors).toEqual(r.swaps[0].byFactor.flatMap((c, k) => (c > 0 ? [dup.factorNames[k]] : [])));
    expect(r.unreliableFactors.length).toBeGreaterThan(0);
    console.log(
      `BS-DISP, duplicated profiles: used runs ${r.runsUsed.join(", ")}; skipped ${r.runsSkipped.map((x) => x.run).join(", ")}; swaps ${r.swaps.map((w) => `${w.dQmax}: ${w.displacements}`).join(", ")}; unreliable ${r.unreliableFactors.join(", ")}`,
    );
    // `runs` limits the runs used, taken in order
    const first = await bsDispPmf(dup, bs, { workers: 1, species: ["a"], runs: 2 });
    expect(first.runsUsed).toEqual(usable.slice(0, 2));
    expect(first.runsUsed.length + first.runsSkipped.length).toBe(usable[1]);
  });
});

describe("ESAT's swap test on the profiles (swapTest: 'profiles')", () => {
  // esat/utils.py compare_all_factors(matrix1, matrix2): for each row i of the refitted H,
  // i_r2 = r²(H_i, H0_i); for every base row j, j_r2 = r²(H_i, H0_j); "if j_r2 > i_r2: swap = True".
  const F0 = Float64Array.from([1, 2, 3, 1, 3, 2]); // base profiles: rows [1, 2, 3] and [1, 3, 2]
  it("a refitted profile equal to the other base profile swaps (r² 1 > 0.25 by hand)", () => {
    // row 0 refitted to [1, 3, 2]: r² with base row 1 = 1; with its own base row [1, 2, 3]:
    // dx = (−1, 0, 1), dy = (−1, 1, 0), Σdxdy = 1, Σdx² = Σdy² = 2 → r = 0.5, r² = 0.25
    expect(swappedProfiles(Float64Array.from([1, 3, 2, 1, 3, 2]), F0, 2, 3)).toEqual([0]);
  });
  it("r² ignores the sign (a mirrored profile is still its own), a constant row counts as r² = 0", () => {
    // row 0 = [3, 2, 1]: r = −1 with [1, 2, 3] (r² 1), r = −0.5 with [1, 3, 2] (r² 0.25): no swap;
    // row 1 = [2, 2, 2]: r undefined with every base row → 0, never > 0: no swap
    expect(swappedProfiles(Float64Array.from([3, 2, 1, 2, 2, 2]), F0, 2, 3)).toEqual([]);
  });
  it("dispPmf passes the option to every search and records it in the provenance", async () => {
    const dup = duplicated(1);
    const d = await dispPmf(dup, { workers: 1, dQmax: [4], factors: [0], swapTest: "profiles" });
    expect(d.provenance!.options.swapTest).toBe("profiles");
    const def = await dispPmf(dup, { workers: 1, dQmax: [4], factors: [0] });
    expect(def.provenance!.options.swapTest).toBeUndefined(); // the default (contributions) is not an option given
  });
});
