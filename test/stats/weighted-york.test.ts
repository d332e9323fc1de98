import { describe, expect, it } from "vitest";
import { weightedLine, weightedPearson, weightedRanks, weightedSpearman } from "../../src/stats/weighted";
import { huberRegression, yorkRegression } from "../../src/stats/york";
import { pearson } from "../../src/stats/correlation";
import { midRanks } from "../../src/stats/mannwhitney";

describe("weighted Pearson and Spearman (wCorr formulas)", () => {
  it("a hand-worked weighted r", () => {
    // x = 1, 2, 3; y = 1, 3, 2; w = 1, 1, 2: x̄ = 9/4, ȳ = 2; Σw·dx·dy = 1.25 − 0.25 + 0 = 1,
    // Σw·dx² = 1.5625 + 0.0625 + 2·0.5625 = 2.75, Σw·dy² = 2 → r = 1/√5.5
    expect(weightedPearson([1, 2, 3], [1, 3, 2], [1, 1, 2])).toBeCloseTo(1 / Math.sqrt(5.5), 14);
  });
  it("weight 2 = the record twice; equal weights = pearson", () => {
    const x = [1, 4, 2, 8, 5],
      y = [2, 3, 1, 9, 4];
    expect(weightedPearson(x, y, [1, 2, 1, 1, 1])).toBeCloseTo(pearson([1, 4, 4, 2, 8, 5], [2, 3, 3, 1, 9, 4]), 14);
    expect(weightedPearson(x, y, [3, 3, 3, 3, 3])).toBeCloseTo(pearson(x, y), 14);
  });
  it("weighted ranks by hand; unit weights give mid-ranks", () => {
    // sorted: 1 (w 2) → 0 + (2/2)·2 = 2; 2 (w 1) → 2 + 1 = 3; 3, 3 (w 1 + 1): 3 + (3/4)·2 = 4.5
    expect([...weightedRanks([3, 1, 3, 2], [1, 2, 1, 1])]).toEqual([4.5, 2, 4.5, 3]);
    const v = [5, 1, 5, 5, 2, 9];
    expect([...weightedRanks(v, [1, 1, 1, 1, 1, 1])]).toEqual([...midRanks(v).ranks]);
    // monotone transform leaves Spearman unchanged
    const x = [1, 4, 2, 8, 5],
      y = [2, 3, 1, 9, 4],
      w = [0.5, 1, 2, 1, 0.1];
    expect(weightedSpearman(x, y, w)).toBeCloseTo(
      weightedSpearman(
        x.map(Math.exp),
        y.map((t) => t ** 3),
        w,
      ),
      14,
    );
    expect(() => weightedPearson([1, 2], [1, 2], [1, -1])).toThrow(RangeError);
  });
  it("weighted line: a weight of 0 removes a point", () => {
    const l = weightedLine([0, 1, 2, 3], [1, 3, 5, 100], [1, 1, 1, 0]);
    expect(l.slope).toBeCloseTo(2, 14);
    expect(l.intercept).toBeCloseTo(1, 14);
  });
});

describe("York (2004) regression", () => {
  const x = [0.0, 0.9, 1.8, 2.6, 3.3, 4.4, 5.2, 6.1, 6.5, 7.4];
  const y = [5.9, 5.4, 4.4, 4.6, 3.5, 3.7, 2.8, 2.8, 2.4, 1.5];
  it("exact x (σx → 0): weighted least squares with weights 1/σy²", () => {
    const sy = [1, 0.5, 0.3, 0.2, 0.25, 0.4, 0.1, 0.6, 0.3, 0.2];
    const r = yorkRegression(
      x,
      y,
      x.map(() => 1e-9),
      sy,
      { tolerance: 1e-14 },
    );
    const wls = weightedLine(
      x,
      y,
      sy.map((s) => 1 / (s * s)),
    );
    expect(r.slope).toBeCloseTo(wls.slope, 9);
    expect(r.intercept).toBeCloseTo(wls.intercept, 9);
    // σ_b² = 1/Σw(x − x̄)² of weighted least squares
    const w = sy.map((s) => 1 / (s * s));
    const sw = w.reduce((a, b) => a + b, 0);
    const xb = w.reduce((a, wi, i) => a + wi * x[i], 0) / sw;
    const sxx = w.reduce((a, wi, i) => a + wi * (x[i] - xb) ** 2, 0);
    expect(r.slopeSe).toBeCloseTo(1 / Math.sqrt(sxx), 9);
    expect(r.interceptSe).toBeCloseTo(Math.sqrt(1 / sw + (xb * xb) / sxx), 9);
  });
  it("equal σx = σy: the orthogonal (total least squares) line", () => {
    const n = x.length;
    const mx = x.reduce((a, b) => a + b) / n,
      my = y.reduce((a, b) => a + b) / n;
    let sxx = 0,
      syy = 0,
      sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
      sxy += (x[i] - mx) * (y[i] - my);
    }
    // the major axis, minimiser of Σ perpendicular distances²: b = (syy − sxx + √((syy − sxx)² + 4sxy²)) / (2sxy)
    const b = (syy - sxx + Math.sqrt((syy - sxx) ** 2 + 4 * sxy * sxy)) / (2 * sxy);
    const r = yorkRegression(
      x,
      y,
      x.map(() => 0.3),
      y.map(() => 0.3),
      { tolerance: 1e-14 },
    );
    expect(r.slope).toBeCloseTo(b, 10);
    expect(r.intercept).toBeCloseTo(my - b * mx, 10);
    expect(r.converged).toBe(true);
  });
  it("bad input", () => {
    expect(() => yorkRegression([1, 2], [1, 2], [1, 1], [1, 1])).toThrow(RangeError);
    expect(() => yorkRegression([1, 2, 3], [1, 2, 3], [1, 0, 1], [1, 1, 1])).toThrow(/uncertainties/);
  });
});

describe("Huber M regression (MASS::rlm, method M)", () => {
  it("an exact line is returned unchanged", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const r = huberRegression(
      x,
      x.map((v) => 2 * v - 1),
    );
    expect(r.slope).toBeCloseTo(2, 12);
    expect(r.intercept).toBeCloseTo(-1, 12);
  });
  it("solves its estimating equations Σ ψ-weight·w·r·(1, x) = 0 and resists an outlier", () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = x.map((v, i) => 1 + 0.5 * v + 0.3 * Math.sin(i * 1.7));
    y[29] = 100; // a gross outlier
    const w = x.map((_, i) => 1 + (i % 3));
    const r = huberRegression(x, y, { weights: w, tolerance: 1e-12, maxIterations: 500 });
    const res = x.map((v, i) => Math.sqrt(w[i]) * (y[i] - r.intercept - r.slope * v));
    const s = r.scale;
    const psiW = res.map((e) => Math.min(1, (1.345 * s) / Math.abs(e)));
    let e0 = 0,
      e1 = 0;
    x.forEach((v, i) => {
      e0 += psiW[i] * Math.sqrt(w[i]) * res[i];
      e1 += psiW[i] * Math.sqrt(w[i]) * res[i] * v;
    });
    expect(Math.abs(e0)).toBeLessThan(1e-6);
    expect(Math.abs(e1)).toBeLessThan(1e-5);
    expect(Math.abs(r.slope - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(weightedLine(x, y, w).slope - 0.5)).toBeGreaterThan(0.5); // least squares is pulled away
  });
});
