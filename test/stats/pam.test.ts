import { describe, expect, it } from "vitest";
import { pam, packDissimilarity } from "../../src/stats/pam";

const euclid = (pts: number[][]) => pts.map((a) => pts.map((b) => Math.hypot(...a.map((v, k) => v - b[k]))));

describe("pam (k-medoids, R cluster::pam conventions)", () => {
  const line = [0, 1, 2, 6, 7, 20].map((x) => [x]);
  it("six points on a line, k = 2, by hand", () => {
    // BUILD: totals Σ|x − y| = 36, 32, 30, 30, 32, 84 → 6 (the last of the tie 2/6); then the largest
    // gain Σ max(dn − d, 0) = 12, 13, 12, –, 2, 14 → 20. Cost 6+5+4+0+1+0 = 16.
    // SWAP: 6 → 2 gives 2+1+0+4+5+0 = 12 (best exchange, −4); then nothing lowers 12.
    const r = pam(packDissimilarity(euclid(line)), 2);
    expect(r.cost).toEqual({ build: 16, swap: 12 });
    expect(r.swaps).toBe(1);
    expect(r.medoids).toEqual([2, 5]);
    expect([...r.clustering]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(r.sizes).toEqual([5, 1]);
    // R 4.2, cluster 2.1.4: pam(c(0,1,2,6,7,20), 2) → id.med 3 6, objective build 2.666667 = 16/6, swap 2 = 12/6
  });
  it("k = 3 by hand: BUILD adds 1 (gain 13), no swap improves (7 for 6 only ties at 3)", () => {
    const r = pam(packDissimilarity(euclid(line), "float32"), 3);
    expect(r.cost).toEqual({ build: 3, swap: 3 });
    expect(r.swaps).toBe(0);
    expect(r.medoids).toEqual([1, 3, 5]);
    expect([...r.clustering]).toEqual([0, 0, 0, 1, 1, 2]);
  });

  // R 4.2.2, cluster 2.1.4: set.seed(1); x <- matrix(round(rnorm(60), 2), 30); pam(dist(x), 4)
  const x = [
    [-0.63, 1.36],
    [0.18, -0.1],
    [-0.84, 0.39],
    [1.6, -0.05],
    [0.33, -1.38],
    [-0.82, -0.41],
    [0.49, -0.39],
    [0.74, -0.06],
    [0.58, 1.1],
    [-0.31, 0.76],
    [1.51, -0.16],
    [0.39, -0.25],
    [-0.62, 0.7],
    [-2.21, 0.56],
    [1.12, -0.69],
    [-0.04, -0.71],
    [-0.02, 0.36],
    [0.94, 0.77],
    [0.82, -0.11],
    [0.59, 0.88],
    [0.92, 0.4],
    [0.78, -0.61],
    [0.07, 0.34],
    [-1.99, -1.13],
    [0.62, 1.43],
    [-0.06, 1.98],
    [-0.16, -0.37],
    [-1.47, -1.04],
    [-0.48, 0.57],
    [0.42, -0.14],
  ];
  it("matches R's clustering, medoids and objective on 30 random points, k = 4", () => {
    const r = pam(packDissimilarity(euclid(x)), 4);
    expect([...r.clustering].map((c) => c + 1)).toEqual([
      1, 2, 1, 2, 2, 3, 2, 2, 4, 1, 2, 2, 1, 1, 2, 2, 1, 4, 2, 4, 4, 2, 1, 3, 4, 4, 2, 3, 1, 2,
    ]);
    expect(r.medoids.map((m) => m + 1)).toEqual([29, 7, 28, 9]);
    expect(r.cost.build / 30).toBeCloseTo(0.59069619976497978, 12);
    expect(r.cost.swap / 30).toBeCloseTo(0.53560801906758393, 12);
  });
  it("refuses a bad k, a wrong length and NaN", () => {
    const p = packDissimilarity(euclid(line));
    expect(() => pam(p, 0)).toThrow(RangeError);
    expect(() => pam(p, 6)).toThrow(/k must be an integer in \[1, 5\]/);
    expect(() => pam({ n: 6, d: new Float64Array(14) }, 2)).toThrow(/expected 15/);
    const bad = packDissimilarity(euclid(line));
    bad.d[3] = NaN;
    expect(() => pam(bad, 2)).toThrow(/entry 3 is NaN/);
    expect(() => packDissimilarity([[0, 1], [1]])).toThrow(RangeError);
  });
  it("k = 1 is the object of least total dissimilarity", () => {
    const r = pam(packDissimilarity(euclid(line)), 1);
    expect(r.medoids).toEqual([3]);
    expect(r.cost.swap).toBe(30);
  });
});
