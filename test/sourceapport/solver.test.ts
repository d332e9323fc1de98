import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { corr } from "../helpers";
import { describe, expect, it } from "vitest";
import { NnlsSolver } from "../../src/sourceapport/nnls";
import { generic, kernelsFor } from "../../src/sourceapport/kernels";
import { qValues } from "../../src/sourceapport/als";
import { normaliseSolution, qExpected, runPmfSync, runSeed } from "../../src/sourceapport/solver";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { simulatePmfInput } from "../../src/simulate/pmf";
import { Rng } from "../../src/random/rng";
import type { PmfInput } from "../../src/sourceapport/types";

function simulatedInput(
  n: number,
  seed: number,
): { input: PmfInput; truth: ReturnType<typeof simulatePmfInput>["truth"] } {
  const sim = simulatePmfInput({ seed, n });
  const m = sim.species.length;
  const x = new Float64Array(n * m),
    s = new Float64Array(n * m);
  sim.x.forEach((r, i) => r.forEach((v, j) => (x[i * m + j] = v)));
  sim.s.forEach((r, i) => r.forEach((v, j) => (s[i * m + j] = v)));
  const input = preparePmfInput({
    x,
    s,
    n,
    m,
    species: sim.species,
    units: "µg/m3",
    samples: sim.x.map((_, i) => `s${i + 1}`),
  });
  return { input, truth: sim.truth };
}

describe("NNLS on normal equations", () => {
  it("hand cases: identity with a negative target, and a coupled 2×2", () => {
    const nn = new NnlsSolver(2);
    const x = new Float64Array(2);
    nn.solve(Float64Array.of(1, 0, 0, 1), 0, Float64Array.of(1, -2), 0, x, 0);
    expect(Array.from(x)).toEqual([1, 0]);
    // A = [[2,1],[1,2]], b = [1, 4]: unconstrained x = A⁻¹b = [(2·1−1·4)/3, (2·4−1·1)/3] = [−2/3, 7/3] → x1 < 0;
    // with x1 = 0: x2 = b2/A22 = 2, and the gradient for x1, (A x − b)_1 = 1·2 − 1 = 1 ≥ 0: optimal
    x.fill(0);
    nn.solve(Float64Array.of(2, 1, 1, 2), 0, Float64Array.of(1, 4), 0, x, 0);
    expect(x[0]).toBe(0);
    expect(x[1]).toBeCloseTo(2, 12);
  });
  it("satisfies the KKT conditions on 500 random problems (p = 1..8), from cold and warm starts", () => {
    const rng = new Rng(5);
    for (let t = 0; t < 500; t++) {
      const p = 1 + (t % 8);
      const M = Array.from({ length: (p + 3) * p }, () => rng.normal());
      const A = new Float64Array(p * p);
      for (let k = 0; k < p; k++)
        for (let l = 0; l < p; l++) for (let r = 0; r < p + 3; r++) A[k * p + l] += M[r * p + k] * M[r * p + l];
      const b = Float64Array.from({ length: p }, () => rng.normal());
      const x = Float64Array.from({ length: p }, () => (t % 2 ? Math.max(0, rng.normal()) : 0));
      new NnlsSolver(p).solve(A, 0, b, 0, x, 0);
      const scale = Math.max(...Array.from(b, Math.abs), 1);
      for (let k = 0; k < p; k++) {
        let g = -b[k];
        for (let l = 0; l < p; l++) g += A[k * p + l] * x[l];
        expect(x[k]).toBeGreaterThanOrEqual(0); // feasibility
        expect(g).toBeGreaterThan(-1e-8 * scale); // dual feasibility
        expect(Math.abs(x[k] * g)).toBeLessThan(1e-8 * scale * (1 + Math.abs(x[k]))); // complementarity
      }
    }
  });
});

describe("generated kernels", () => {
  it("equal the plain loops for p = 1..9", () => {
    const rng = new Rng(9);
    const n = 13,
      m = 7;
    for (let p = 1; p <= 9; p++) {
      const tri = (p * (p + 1)) / 2;
      const rnd = (len: number) => Float64Array.from({ length: len }, () => rng.uniform());
      const W = rnd(n * m),
        WX = rnd(n * m),
        O = rnd(m * tri),
        FT = rnd(m * p),
        G = rnd(n * p),
        X = rnd(n * m);
      const a = kernelsFor(p),
        g = generic(p);
      const A1 = new Float64Array(n * p * p),
        B1 = new Float64Array(n * p),
        A2 = new Float64Array(n * p * p),
        B2 = new Float64Array(n * p);
      for (let i = 0; i < n; i++) {
        a.row(W, WX, O, FT, A1.subarray(i * p * p), B1.subarray(i * p), i, m);
      }
      for (let i = 0; i < n; i++) {
        g.row(W, WX, O, FT, A2.subarray(i * p * p), B2.subarray(i * p), i, m);
      }
      for (let c = 0; c < A1.length; c++) expect(A1[c]).toBeCloseTo(A2[c], 12);
      for (let c = 0; c < B1.length; c++) expect(B1[c]).toBeCloseTo(B2[c], 12);
      const C1 = new Float64Array(m * tri),
        D1 = new Float64Array(m * p),
        C2 = new Float64Array(m * tri),
        D2 = new Float64Array(m * p);
      a.cols(W, WX, G, C1, D1, n, m);
      g.cols(W, WX, G, C2, D2, n, m);
      for (let c = 0; c < C1.length; c++) expect(C1[c]).toBeCloseTo(C2[c], 12);
      for (let c = 0; c < D1.length; c++) expect(D1[c]).toBeCloseTo(D2[c], 12);
      const F = rnd(p * m);
      expect(a.objective(X, W, G, F, n, m)).toBeCloseTo(g.objective(X, W, G, F, n, m), 10);
    }
  });
});

describe("Q values and conventions", () => {
  it("Q(true) and Q(robust) by hand", () => {
    // x = [3, 10], s = [1, 1], G = [1], F = [1, 1]: e = [2, 9]; Q(true) = 4 + 81 = 85;
    // Q(robust, α = 4): 4 + 4·9 = 40 (the term for |e| > α becomes α|e|)
    const q = qValues(
      Float64Array.of(3, 10),
      Float64Array.of(1, 1),
      Float64Array.of(1),
      Float64Array.of(1, 1),
      1,
      2,
      1,
      4,
    );
    expect(q).toEqual({ qTrue: 85, qRobust: 40 });
  });
  it("Q(expected) = n·m − p·(n + m): Baton Rouge k = 6 is 307·41 − 6·348 = 10499", () => {
    expect(qExpected(307, 41, 6)).toBe(10499);
  });
  it("normalisation makes factor means 1 and keeps G·F", () => {
    // G = [[1, 4], [3, 0]], F = [[2, 0], [1, 1]]: means 2 and 2 → G' = [[0.5, 2], [1.5, 0]], F' = [[4, 0], [2, 2]]
    const r = normaliseSolution(Float64Array.of(1, 4, 3, 0), Float64Array.of(2, 0, 1, 1), 2, 2, 2);
    expect(Array.from(r.G)).toEqual([0.5, 2, 1.5, 0]);
    expect(Array.from(r.F)).toEqual([4, 0, 2, 2]);
  });
  it("run seeds are distinct and reproducible", () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => runSeed(7, r + 1));
    expect(new Set(seeds).size).toBe(1000);
    expect(runSeed(7, 3)).toBe(seeds[2]);
  });
});

describe("PMF base runs", () => {
  const { input, truth } = simulatedInput(200, 11);
  const result = runPmfSync(input, { factors: 5, runs: 6, seed: 3 });

  it("recovers the known profiles and contributions (each true factor matched with r ≥ 0.95)", () => {
    const m = input.m,
      p = 5;
    for (let t = 0; t < truth.F.length; t++) {
      let bestR = -1,
        bestK = -1;
      for (let k = 0; k < p; k++) {
        const r = corr(truth.F[t], result.F.subarray(k * m, (k + 1) * m));
        if (r > bestR) {
          bestR = r;
          bestK = k;
        }
      }
      expect(bestR, `profile ${truth.factors[t]}`).toBeGreaterThanOrEqual(0.95);
      const gTrue = truth.G.map((row) => row[t]);
      const gFit = Array.from({ length: input.n }, (_, i) => result.G[i * p + bestK]);
      expect(corr(gTrue, gFit), `contributions ${truth.factors[t]}`).toBeGreaterThanOrEqual(0.95);
    }
  });
  it("reaches Q near its expectation on data with known noise (Q/Qexp within 0.8–1.2)", () => {
    const best = result.runs[result.bestIndex];
    expect(best.qTrue / result.qExpected).toBeGreaterThan(0.8);
    expect(best.qTrue / result.qExpected).toBeLessThan(1.2);
    expect(result.runs.every((r) => r.converged)).toBe(true);
  });
  it("reports the lowest-Q(robust) run, with contributions averaging 1", () => {
    const min = Math.min(...result.runs.map((r) => r.qRobust));
    expect(result.runs[result.bestIndex].qRobust).toBe(min);
    for (let k = 0; k < 5; k++) {
      let s = 0;
      for (let i = 0; i < input.n; i++) s += result.G[i * 5 + k];
      expect(s / input.n).toBeCloseTo(1, 12);
    }
  });
  it("same seed → bit-identical results", () => {
    const again = runPmfSync(input, { factors: 5, runs: 6, seed: 3 });
    expect(again.runs.map((r) => r.qTrue)).toEqual(result.runs.map((r) => r.qTrue));
    expect(again.G).toEqual(result.G);
    expect(again.F).toEqual(result.F);
  });
  it("non-convergence is reported, not hidden", () => {
    const r = runPmfSync(input, { factors: 5, runs: 2, seed: 3, maxIterations: 3 });
    expect(r.runs.map((x) => [x.iterations, x.converged])).toEqual([
      [3, false],
      [3, false],
    ]);
  });
  it("robust mode down-weights an outlier during the fit", () => {
    const x = new Float64Array(input.x);
    const cell = 17 * input.m + 3; // one OC value made 30× larger
    x[cell] *= 30;
    const spiked = { ...input, x };
    const plain = runPmfSync(spiked, { factors: 5, runs: 4, seed: 3 });
    const robust = runPmfSync(spiked, { factors: 5, runs: 4, seed: 3, robust: true });
    const fitted = (r: typeof plain) => {
      let y = 0;
      for (let k = 0; k < 5; k++) y += r.G[17 * 5 + k] * r.F[k * input.m + 3];
      return y;
    };
    // the robust fit stays near the un-spiked value; the plain fit is pulled towards the spike
    expect(Math.abs(fitted(robust) - input.x[cell])).toBeLessThan(Math.abs(fitted(plain) - input.x[cell]));
    expect(robust.runs[robust.bestIndex].qRobust).toBeLessThanOrEqual(plain.runs[plain.bestIndex].qRobust);
  });
  it("worker threads give the same bits as the main thread (compiled build)", async () => {
    const req = createRequire(__filename);
    const dist = req(
      join(__dirname, "..", "..", "dist", "sourceapport", "solver.js"),
    ) as typeof import("../../src/sourceapport/solver");
    const r = await dist.runPmf(input, { factors: 5, runs: 4, seed: 3, workers: 2 });
    const s = runPmfSync(input, { factors: 5, runs: 4, seed: 3 });
    expect(r.runs.map((x) => x.qTrue)).toEqual(s.runs.map((x) => x.qTrue));
    expect(r.G).toEqual(s.G);
  });
  it("rejects a number of factors the data cannot support", () => {
    expect(() => runPmfSync(input, { factors: 0 })).toThrow(RangeError);
    expect(() => runPmfSync(input, { factors: input.m })).toThrow(/factors must be an integer from 1 to 13/);
  });
});

describe("known truth: the Kawasaki–Shenyang example (7 named sources, data/shenyang-pm25-*.csv)", () => {
  it("every true profile is matched by a factor with r ≥ 0.95", () => {
    const dir = join(__dirname, "..", "..", "data");
    const truth = JSON.parse(readFileSync(join(dir, "shenyang-pm25.truth.json"), "utf8")) as {
      F: number[][];
      sources: string[];
    };
    const d = readEpaPmf(join(dir, "shenyang-pm25-con.csv"), join(dir, "shenyang-pm25-unc.csv"), {
      unit: "µg/m3",
      utcOffset: "+08:00",
    });
    const input = preparePmfInput(
      { x: d.x, s: d.s, n: d.n, m: d.m, species: d.species, units: "µg/m3", samples: d.samples },
      { total: "PM2.5" },
    );
    const r = runPmfSync(input, { factors: 7, runs: 8, seed: 1 });
    const m = input.m;
    for (let t = 0; t < truth.F.length; t++) {
      const best = Math.max(...Array.from({ length: 7 }, (_, k) => corr(truth.F[t], r.F.subarray(k * m, (k + 1) * m))));
      expect(best, truth.sources[t]).toBeGreaterThanOrEqual(0.95);
    }
  });
});
