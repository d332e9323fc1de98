import { createRequire } from "node:module";
import { join } from "node:path";
import { corr } from "../helpers";
import { describe, expect, it } from "vitest";
import {
  blockBootstrapRows,
  bootstrapPmf,
  chooseBlockSize,
  mapBootstrapFactors,
  politisWhiteBlockLength,
} from "../../src/sourceapport/bootstrap";
import { runPmfSync } from "../../src/sourceapport/solver";
import { Rng } from "../../src/random/rng";
import type { PmfResult } from "../../src/sourceapport/types";
import { wellPosed } from "./wellposed";

/** x_t = φ·x_{t−1} + ε_t, started from the stationary distribution. */
function ar1(phi: number, n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const x = new Float64Array(n);
  let v = rng.normal() / Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) {
    x[i] = v;
    v = phi * v + rng.normal();
  }
  return x;
}

describe("circular block bootstrap rows", () => {
  it("hand example: n = 7, b = 3, block starts 5, 0, 2 → 5 6 0 | 0 1 2 | 2 (wraps, cut to n)", () => {
    const starts = [5, 0, 2];
    const draws: number[] = [];
    const fake = {
      int: (n: number) => {
        draws.push(n);
        return starts.shift()!;
      },
    };
    expect(Array.from(blockBootstrapRows(7, 3, fake))).toEqual([5, 6, 0, 0, 1, 2, 2]);
    expect(draws).toEqual([7, 7, 7]); // ⌈7/3⌉ = 3 starts, each uniform on 0..n−1
  });
  it("length n, indices in range, blocks consecutive mod n; b = 1 is the ordinary bootstrap", () => {
    const rng = new Rng(3);
    for (const [n, b] of [
      [50, 1],
      [50, 7],
      [101, 10],
      [9, 9],
    ]) {
      const r = blockBootstrapRows(n, b, rng);
      expect(r).toHaveLength(n);
      for (let i = 0; i < n; i++) {
        expect(r[i]).toBeGreaterThanOrEqual(0);
        expect(r[i]).toBeLessThan(n);
        if (i % b !== 0) expect(r[i]).toBe((r[i - 1] + 1) % n);
      }
    }
    // with b = 1 the rows are the draws themselves
    const a = blockBootstrapRows(20, 1, new Rng(8));
    const ref = new Rng(8);
    expect(Array.from(a)).toEqual(Array.from({ length: 20 }, () => ref.int(20)));
  });
  it("rejects invalid sizes", () => {
    expect(() => blockBootstrapRows(10, 0, new Rng(1))).toThrow(RangeError);
    expect(() => blockBootstrapRows(10, 11, new Rng(1))).toThrow(RangeError);
    expect(() => blockBootstrapRows(10, 2.5, new Rng(1))).toThrow(RangeError);
  });
});

describe("automatic block length (Politis & White 2004, Patton et al. 2009)", () => {
  it("white noise → 1 (no autocorrelation significant at the first K_N lags)", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const x = ar1(0, 300, seed);
      expect(politisWhiteBlockLength(x).mHat).toBe(0);
      expect(chooseBlockSize(x)).toBe(1);
    }
  });
  it("AR(1) with φ = 0.9: > 1 and within a factor 2 of the theoretical optimum", () => {
    // Theory (Politis & White 2004, eq. for b_CB): R(k) = σ²φ^|k| gives G = Σ|k|R(k) = 2σ²φ/(1−φ)²,
    // g = ΣR(k) = σ²(1+φ)/(1−φ), D_CB = (4/3)g², so b = (2G²/D_CB)^{1/3}·n^{1/3}
    // = (1.5·(2φ/(1−φ²))²)^{1/3}·n^{1/3}. φ = 0.9: 2·0.9/0.19 = 9.4737, squared 89.75, ×1.5 = 134.6,
    // cube root 5.125; n = 1000 → 51.3.
    const theory = Math.cbrt(1.5 * ((2 * 0.9) / (1 - 0.81)) ** 2) * Math.cbrt(1000);
    expect(theory).toBeCloseTo(51.25, 1);
    for (let seed = 1; seed <= 5; seed++) {
      const b = chooseBlockSize(ar1(0.9, 1000, seed));
      expect(b).toBeGreaterThan(theory / 2);
      expect(b).toBeLessThan(theory * 2);
    }
  });
  it("hand case: alternating ±1 (n = 20) gives b_CB = 17.88, clamped to n/2 = 10", () => {
    // x = 1, −1, 1, …: mean 0, R(k) = (−1)^k·(20 − k)/20, ρ(k) = R(k). Critical value
    // 2·sqrt(log10(20)/20) = 0.5102; |ρ(k)| = 1 − k/20 ≥ 0.55 for k ≤ 9 and < 0.51 for k ≥ 10,
    // so m̂ = 9 (ρ(10..14) insignificant), M = min(2·9, M_max = ⌈√20⌉ + 5 = 10) = 10.
    const x = Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? -1 : 1));
    const R = (k: number) => ((-1) ** k * (20 - k)) / 20;
    const lam = (t: number) => (t <= 0.5 ? 1 : 2 * (1 - t));
    let G = 0,
      g = R(0);
    for (let k = 1; k <= 10; k++) {
      G += 2 * lam(k / 10) * k * R(k);
      g += 2 * lam(k / 10) * R(k);
    }
    // λ(k/10) = 1 for k ≤ 5, then 0.8, 0.6, 0.4, 0.2, 0:
    // G = 2·(−0.95 + 2·0.9 − 3·0.85 + 4·0.8 − 5·0.75 + 0.8·6·0.7 − 0.6·7·0.65 + 0.4·8·0.6 − 0.2·9·0.55) = 2·(−0.69) = −1.38
    expect(G).toBeCloseTo(-1.38, 10);
    // g = 1 + 2·(−0.95 + 0.9 − 0.85 + 0.8 − 0.75 + 0.8·0.7 − 0.6·0.65 + 0.4·0.6 − 0.2·0.55) = 1 + 2·(−0.55) = −0.1
    expect(g).toBeCloseTo(-0.1, 10);
    // b_CB = (2·1.38²/((4/3)·0.1²))^{1/3}·20^{1/3} = 285.66^{1/3}·2.7144 = 6.5876·2.7144 = 17.88
    const bCB = Math.cbrt((2 * G * G) / ((4 / 3) * g * g)) * Math.cbrt(20);
    const est = politisWhiteBlockLength(x);
    expect(est.mHat).toBe(9);
    expect(est.M).toBe(10);
    expect(est.circular).toBeCloseTo(bCB, 8);
    expect(bCB).toBeCloseTo(17.877, 2);
    expect(chooseBlockSize(x)).toBe(10);
  });
  it("several columns: the largest per-column length; constant columns give 1", () => {
    const n = 1000,
      a = ar1(0.9, n, 2),
      w = ar1(0, n, 3);
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      data[i * 3] = w[i];
      data[i * 3 + 1] = a[i];
      data[i * 3 + 2] = 4;
    }
    expect(chooseBlockSize(data, 3)).toBe(chooseBlockSize(a));
    expect(chooseBlockSize(new Float64Array(50).fill(2))).toBe(1);
    expect(() => chooseBlockSize(new Float64Array(10), 3)).toThrow(RangeError);
  });
});

describe("mapping bootstrap factors to base factors", () => {
  // base G (4×2): factor 1 = [1, 2, 3, 4], factor 2 = [2, 1, 4, 3]; drawn rows [3, 0, 0, 2] give
  // base columns [4, 1, 1, 3] and [3, 2, 2, 4]. Their r by hand: means 2.25 and 2.75, deviations
  // [1.75, −1.25, −1.25, 0.75] and [0.25, −0.75, −0.75, 1.25]: Σab = 3.25, Σa² = 6.75, Σb² = 2.75,
  // r = 3.25/sqrt(18.5625) = 0.75434.
  const baseG = Float64Array.of(1, 2, 2, 1, 3, 4, 4, 3);
  const rows = Int32Array.of(3, 0, 0, 2);
  it("a permuted (and rescaled) base G maps by that permutation", () => {
    // BS factor 1 = 2 × base factor 2 → [6, 4, 4, 8]; BS factor 2 = 0.5 × base factor 1 → [2, 0.5, 0.5, 1.5]
    const bsG = Float64Array.of(6, 2, 4, 0.5, 4, 0.5, 8, 1.5);
    const { mapping, correlations } = mapBootstrapFactors(baseG, bsG, rows, 2);
    expect(mapping).toEqual([1, 0]);
    expect(correlations[0][1]).toBeCloseTo(1, 12);
    expect(correlations[1][0]).toBeCloseTo(1, 12);
    expect(correlations[0][0]).toBeCloseTo(3.25 / Math.sqrt(18.5625), 12);
    expect(correlations[0][0]).toBeCloseTo(0.75434, 5);
  });
  it("r below the threshold leaves a factor unmapped; a constant factor has r = NaN and is unmapped", () => {
    // BS factor 1 = 10 − base factor 1 = [6, 9, 9, 7]: r = −1 and −0.754; BS factor 2 constant
    const bsG = Float64Array.of(6, 1, 9, 1, 9, 1, 7, 1);
    const { mapping, correlations } = mapBootstrapFactors(baseG, bsG, rows, 2);
    expect(mapping).toEqual([-1, -1]);
    expect(correlations[0][0]).toBeCloseTo(-1, 12);
    expect(correlations[1][0]).toBeNaN();
    // an exact copy of the drawn base rows maps to itself even with a threshold of 0.8 (r = 1 > 0.8 > 0.754)
    const copy = Float64Array.of(4, 3, 1, 2, 1, 2, 3, 4);
    expect(mapBootstrapFactors(baseG, copy, rows, 2, 0.8).mapping).toEqual([0, 1]);
  });
});

describe("bootstrap on known truth", () => {
  const { input, F: Ftrue, G: Gtrue, p, names } = wellPosed(300, 11);
  const base = runPmfSync(input, { factors: p, runs: 10, seed: 3 });
  let bs: Awaited<ReturnType<typeof bootstrapPmf>>;

  it("precondition: the base run fits (Q/Qexp < 1.3) and matches every true factor (r ≥ 0.98)", () => {
    expect(base.runs[base.bestIndex].qTrue / base.qExpected).toBeLessThan(1.3);
    for (let t = 0; t < p; t++) {
      const gt = Gtrue.map((r) => r[t]);
      const best = Math.max(
        ...Array.from({ length: p }, (_, k) =>
          corr(
            gt,
            Array.from({ length: input.n }, (_, i) => base.G[i * p + k]),
          ),
        ),
      );
      expect(best, names[t]).toBeGreaterThanOrEqual(0.98);
    }
  });

  it("50 runs: every factor reproduced, and the 5th–95th intervals cover ≥ 90 % of the true profile elements", async () => {
    const progress: number[] = [];
    bs = await bootstrapPmf(base, {
      runs: 50,
      seed: 5,
      workers: 1,
      onProgress: (d, t) => {
        expect(t).toBe(50);
        progress.push(d);
      },
    });
    expect(progress).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(bs.blockSize).toBe(1); // iid contributions
    expect(bs.blockSizeSource).toBe("auto");
    expect(bs.notConverged).toEqual([]);
    expect(bs.convergedRuns).toBe(50);
    for (const row of bs.mappingTable) {
      expect(row.reproduced + row.notReproduced).toBe(50);
      expect(row.mappedTo.reduce((a, b) => a + b, 0) + row.unmapped).toBe(50);
      expect(row.reproduced).toBeGreaterThanOrEqual(45);
    }
    // true profile on the same scale as the base: true G normalised to mean 1 → F_k × mean_i G_ik
    const m = input.m;
    let covered = 0;
    for (let t = 0; t < p; t++) {
      const gt = Gtrue.map((r) => r[t]);
      const mean = gt.reduce((a, b) => a + b, 0) / input.n;
      let k = 0,
        bestR = -1;
      for (let c = 0; c < p; c++) {
        const r = corr(
          gt,
          Array.from({ length: input.n }, (_, i) => base.G[i * p + c]),
        );
        if (r > bestR) {
          bestR = r;
          k = c;
        }
      }
      for (let j = 0; j < m; j++) {
        const iv = bs.intervals[k][j];
        expect(iv.count).toBe(bs.mappingTable[k].reproduced);
        expect(iv.p5).toBeLessThanOrEqual(iv.p25);
        expect(iv.p25).toBeLessThanOrEqual(iv.p50);
        expect(iv.p50).toBeLessThanOrEqual(iv.p75);
        expect(iv.p75).toBeLessThanOrEqual(iv.p95);
        const truth = Ftrue[t][j] * mean;
        if (iv.p5 <= truth && truth <= iv.p95) covered++;
      }
    }
    console.log(`bootstrap coverage of the true profile (5th–95th): ${covered}/${p * m} elements`);
    expect(covered / (p * m)).toBeGreaterThanOrEqual(0.9);
  });

  it("intervals are type-7 percentiles of the mapped runs' normalised profiles", () => {
    // recompute one element by hand from the runs: factor 1, species 1 (SO4)
    const k = 0,
      j = 0,
      m = input.m;
    const v: number[] = [];
    for (const r of bs.runs) {
      if (!r.converged) continue;
      let best = -1;
      for (let l = 0; l < p; l++)
        if (r.mapping[l] === k && (best < 0 || r.correlations[l][k] > r.correlations[best][k])) best = l;
      if (best >= 0) v.push(r.F[best * m + j]);
    }
    v.sort((a, b) => a - b);
    // type 7: h = (N − 1)·q, linear between v[⌊h⌋] and v[⌊h⌋ + 1]
    const q7 = (q: number) => {
      const h = (v.length - 1) * q,
        lo = Math.floor(h);
      return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    };
    const iv = bs.intervals[k][j];
    expect(iv.p5).toBeCloseTo(q7(0.05), 12);
    expect(iv.p50).toBeCloseTo(q7(0.5), 12);
    expect(iv.p95).toBeCloseTo(q7(0.95), 12);
    expect(iv.base).toBe(base.F[0]);
    expect(iv.species).toBe("SO4");
    // each run's normalised contributions average 1 → check through its profile scale: F·mean(G) is invariant,
    // so the BS PM2.5 estimates are close to the base ones
    expect(bs.intervals[k][m - 1].p50 / bs.intervals[k][m - 1].base).toBeGreaterThan(0.8);
    expect(bs.intervals[k][m - 1].p50 / bs.intervals[k][m - 1].base).toBeLessThan(1.25);
  });

  it("same seed → bit-identical result; another seed differs", async () => {
    const again = await bootstrapPmf(base, { runs: 50, seed: 5, workers: 1 });
    expect(again.runs.map((r) => r.qTrue)).toEqual(bs.runs.map((r) => r.qTrue));
    expect(again.intervals).toEqual(bs.intervals);
    expect(again.mappingTable).toEqual(bs.mappingTable);
    const other = await bootstrapPmf(base, { runs: 3, seed: 6, workers: 1 });
    expect(other.runs[0].qTrue).not.toBe(bs.runs[0].qTrue);
    expect(bs.runs.map((r) => r.run)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("a given block size is used; invalid options are rejected", async () => {
    const r = await bootstrapPmf(base, { runs: 2, seed: 5, blockSize: 10, workers: 1 });
    expect(r.blockSize).toBe(10);
    expect(r.blockSizeSource).toBe("given");
    await expect(bootstrapPmf(base, { runs: 0 })).rejects.toThrow(RangeError);
    await expect(bootstrapPmf(base, { blockSize: 0 })).rejects.toThrow(RangeError);
    await expect(bootstrapPmf(base, { blockSize: input.n + 1 })).rejects.toThrow(RangeError);
    await expect(bootstrapPmf(base, { minCorrelation: 1.5 })).rejects.toThrow(RangeError);
  });

  it("non-convergence: a few failed runs are listed and left out; more than half → a clear error", async () => {
    // a run that converges after i iterations gives the same result with any maxIterations ≥ i,
    // so with maxIterations = cap exactly the runs that needed more than cap iterations fail;
    // cap = the smallest iteration count that fails at most 25 runs (not more than half)
    const its = bs.runs.map((r) => r.iterations);
    const cap = [...new Set(its)].sort((a, b) => a - b).find((c) => its.filter((i) => i > c).length <= 25)!;
    const slow = bs.runs.filter((r) => r.iterations > cap).map((r) => r.run);
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.length).toBeLessThanOrEqual(25);
    const capped: PmfResult = { ...base, options: { ...base.options, maxIterations: cap } };
    const r = await bootstrapPmf(capped, { runs: 50, seed: 5, workers: 1 });
    expect(r.notConverged).toEqual(slow);
    expect(r.convergedRuns).toBe(50 - slow.length);
    for (const run of r.runs) expect(run.converged).toBe(!slow.includes(run.run));
    for (const row of r.mappingTable) expect(row.reproduced + row.notReproduced).toBe(50 - slow.length);
    expect(r.intervals[0][0].count).toBe(r.mappingTable[0].reproduced);

    const tiny: PmfResult = { ...base, options: { ...base.options, maxIterations: 2 } };
    await expect(bootstrapPmf(tiny, { runs: 4, seed: 5, workers: 1 })).rejects.toThrow(
      /4 of 4 runs did not converge within maxIterations = 2.*no bootstrap result is reported/,
    );
  });

  it("worker threads give the same bits as one thread (compiled build)", async () => {
    const req = createRequire(__filename);
    const dist = req(
      join(__dirname, "..", "..", "dist", "sourceapport", "bootstrap.js"),
    ) as typeof import("../../src/sourceapport/bootstrap");
    const done: number[] = [];
    const w2 = await dist.bootstrapPmf(base, { runs: 8, seed: 5, workers: 2, onProgress: (d) => done.push(d) });
    const w1 = await dist.bootstrapPmf(base, { runs: 8, seed: 5, workers: 1 });
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(w2.runs.map((r) => r.qTrue)).toEqual(w1.runs.map((r) => r.qTrue));
    expect(w2.runs.map((r) => r.F)).toEqual(w1.runs.map((r) => r.F));
    expect(w2.intervals).toEqual(w1.intervals);
    // and the compiled module equals the source one
    expect(w1.runs.map((r) => r.qTrue)).toEqual(bs.runs.slice(0, 8).map((r) => r.qTrue));
  });
});
