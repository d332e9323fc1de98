import { describe, expect, it } from "vitest";
import { dispPmf } from "../../src/sourceapport/disp";
import { columnCurvature, oneElementModel } from "../../src/sourceapport/dispsearch";
import { runPmfSync } from "../../src/sourceapport/solver";
import { wellPosed } from "./wellposed";
import { worstRelativeDifference } from "./dispcompare";

describe("the one-element quadratic model of Q (first guess of the fast DISP search)", () => {
  it("a = Σ G_ik²/s_ij², g = Σ G_ik·r_ij/s_ij² by hand on a 2×2 case", () => {
    // G = [[1, 2], [3, 0]] (n = 2, p = 2), F = [[1], [0.5]] (m = 1), x = [2.5, 2], s = [1, 2]
    // fitted y = [1·1 + 2·0.5, 3·1] = [2, 3]; r = [0.5, −1]; w = [1, 0.25]
    // factor 0: a = 1²·1 + 3²·0.25 = 3.25, g = 1·0.5·1 + 3·(−1)·0.25 = −0.25
    // factor 1: a = 2²·1 + 0 = 4, g = 2·0.5·1 = 1
    const G = Float64Array.from([1, 2, 3, 0]),
      F = Float64Array.from([1, 0.5]),
      x = Float64Array.from([2.5, 2]),
      s = Float64Array.from([1, 2]);
    expect(oneElementModel({ x, s, G, F, n: 2, m: 1, p: 2 }, 0, 0)).toEqual({ curvature: 3.25, gradient: -0.25 });
    expect(oneElementModel({ x, s, G, F, n: 2, m: 1, p: 2 }, 1, 0)).toEqual({ curvature: 4, gradient: 1 });
    // rows of a resample: row 1 twice → a = 2·9·0.25 = 4.5, g = 2·3·(−1)·0.25 = −1.5 (G rows are the resample's)
    const Gr = Float64Array.from([3, 0, 3, 0]);
    expect(oneElementModel({ x, s, G: Gr, F, n: 2, m: 1, p: 2 }, 0, 0, Int32Array.from([1, 1]))).toEqual({
      curvature: 4.5,
      gradient: -1.5,
    });
  });
});

describe("the column curvature (first step of the fast DISP search from the base)", () => {
  it("1 / (M⁻¹)_kk with M = Gᵀ·W_j·G, by hand on a 2×2 case; 0 when the contributions are collinear", () => {
    // G = [[1, 2], [3, 0]], s = [1, 2] (w = [1, 0.25]): M = [[1 + 9·0.25, 2], [2, 4]] = [[3.25, 2], [2, 4]], det 9
    // (M⁻¹)_00 = 4/9 → 9/4 = 2.25 (≤ a = M_00 = 3.25); (M⁻¹)_11 = 3.25/9 → 9/3.25
    const G = Float64Array.from([1, 2, 3, 0]),
      s = Float64Array.from([1, 2]);
    expect(columnCurvature({ s, G, n: 2, m: 1, p: 2 }, 0, 0)).toBeCloseTo(2.25, 12);
    expect(columnCurvature({ s, G, n: 2, m: 1, p: 2 }, 1, 0)).toBeCloseTo(9 / 3.25, 12);
    // rows of a resample: rows [1, 1, 0] (G rows are the resample's, w = [0.25, 0.25, 1]) → M = [[5.5, 2], [2, 4]],
    // det 18, (M⁻¹)_00 = 4/18 → 4.5 (the Schur complement 5.5 − 2²/4)
    const G3 = Float64Array.from([3, 0, 3, 0, 1, 2]);
    expect(columnCurvature({ s, G: G3, n: 3, m: 1, p: 2 }, 0, 0, Int32Array.from([1, 1, 0]))).toBeCloseTo(4.5, 12);
    // collinear columns: the other factor takes the species over at no cost
    expect(columnCurvature({ s, G: Float64Array.from([1, 2, 3, 6]), n: 2, m: 1, p: 2 }, 0, 0)).toBe(0);
  });
});

describe("fast DISP against the exhaustive reference search (simulated well-posed data, k = 5)", () => {
  const { input, p } = wellPosed(150, 11);
  const base = runPmfSync(input, { factors: p, runs: 5, seed: 3 });
  const species = ["SO4", "OC", "Si", "EC"];

  it("same intervals to 1 % of each interval width, same swap counts, fewer ALS iterations", async () => {
    const fast = await dispPmf(base, { workers: 1, species, method: "fast" });
    // the reference: the exhaustive search run to dQ ≥ 0.995·dQmax (d within 0.5 % for a quadratic dQ)
    const ref = await dispPmf(base, { workers: 1, species, method: "exhaustive", accept: 0.995, steps: 40 });
    const old = await dispPmf(base, { workers: 1, species, method: "exhaustive" });
    const worst = worstRelativeDifference(fast, ref);
    console.log(
      `fast vs exhaustive (accept 0.995): worst bound difference ${(100 * worst).toFixed(3)} % of the interval width; ` +
        `ALS iterations fast ${fast.iterations} (${fast.fits} fits), exhaustive default ${old.iterations} (${old.fits} fits), reference ${ref.iterations} (${ref.fits} fits)`,
    );
    expect(fast.provenance!.options.method).toBe("fast");
    expect(ref.provenance!.options.method).toBe("exhaustive");
    expect(worst).toBeLessThan(0.01);
    expect(fast.swaps.map((w) => w.displacements)).toEqual(ref.swaps.map((w) => w.displacements));
    expect(fast.swaps.map((w) => w.byFactor)).toEqual(ref.swaps.map((w) => w.byFactor));
    expect(fast.notConverged).toBe(0);
    expect(fast.iterations).toBeLessThan(old.iterations);
    // the default exhaustive search stops at dQ ≥ 0.9·dQmax: its bounds are short by up to 5 % (quadratic dQ) to
    // 10 % (linear) of the displacement, so it is the less precise of the two
    expect(worstRelativeDifference(old, ref)).toBeGreaterThan(worst);
  }, 120_000);
});
