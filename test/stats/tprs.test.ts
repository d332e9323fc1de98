import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/rng";
import { tpsEta, thinPlateBasis } from "../../src/stats/tprs";
import { penalisedGcvFit } from "../../src/stats/gcvfit";
import { latticePoints } from "./polarlattice";

describe("thin-plate spline kernel η(r) for d = 2, m = 2", () => {
  it("η(r) = r² log r / (8π): mgcv's eta_const (−1)^(m+1+d/2) / (2^(2m−1) π^(d/2) (m−1)! (m−d/2)!) = 1/(8π)", () => {
    expect(tpsEta(0)).toBe(0);
    expect(tpsEta(1)).toBe(0);
    expect(tpsEta(Math.E)).toBeCloseTo((Math.E * Math.E) / (8 * Math.PI), 15);
    expect(tpsEta(2)).toBeCloseTo((4 * Math.LN2) / (8 * Math.PI), 15); // 0.110318…
    expect(tpsEta(2)).toBeCloseTo(0.1103178000763258, 13);
    expect(tpsEta(0.5)).toBeLessThan(0); // r² log r < 0 inside the unit circle
  });
});

function scatter(seed: number, n: number) {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n }, () => 10 * rng.uniform() - 5);
  const y = Float64Array.from({ length: n }, () => 10 * rng.uniform() - 5);
  return { x, y, rng };
}

/** Solve A x = b (n × n, row-major) by Gaussian elimination with partial pivoting: the brute-force reference. */
function gaussSolve(A: number[], b: number[], n: number): number[] {
  const M = A.slice(),
    r = b.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i * n + c]) > Math.abs(M[p * n + c])) p = i;
    for (let j = 0; j < n; j++) [M[c * n + j], M[p * n + j]] = [M[p * n + j], M[c * n + j]];
    [r[c], r[p]] = [r[p], r[c]];
    for (let i = c + 1; i < n; i++) {
      const f = M[i * n + c] / M[c * n + c];
      for (let j = c; j < n; j++) M[i * n + j] -= f * M[c * n + j];
      r[i] -= f * r[c];
    }
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = r[i];
    for (let j = i + 1; j < n; j++) s -= M[i * n + j] * x[j];
    x[i] = s / M[i * n + i];
  }
  return x;
}

describe("thin-plate regression spline basis and the GCV fit", () => {
  it("a plane is in the penalty's null space: reproduced exactly with λ = 0 and with the GCV λ, at the data and at new points", () => {
    const { x, y } = scatter(5, 80);
    const z = Array.from(x, (xi, i) => 1.5 + 2 * xi - 3 * y[i]);
    const b = thinPlateBasis(x, y, 20);
    for (const lambda of [0, undefined]) {
      const f = penalisedGcvFit(b.X, b.n, b.k, z, b.S, lambda === undefined ? {} : { lambda });
      for (let i = 0; i < 80; i++) expect(f.fitted[i]).toBeCloseTo(z[i], 9);
      const p = b.predict(f.coefficients, [0, 4.2, -7], [0, -1, 2]);
      expect(p[0]).toBeCloseTo(1.5, 9);
      expect(p[1]).toBeCloseTo(1.5 + 8.4 + 3, 9);
      expect(p[2]).toBeCloseTo(1.5 - 14 - 6, 9); // extrapolation of a plane is the plane
      // the model matrix and the fast predictor agree
      const Xp = b.predictMatrix([4.2], [-1]);
      let s = 0;
      for (let j = 0; j < b.k; j++) s += Xp[j] * f.coefficients[j];
      expect(s).toBeCloseTo(p[1], 9);
    }
  });
  it("at the knots the prediction matrix equals the model matrix (E Uₖ = Uₖ Dₖ: the eigenvectors are exact)", () => {
    const { x, y } = scatter(6, 60);
    const b = thinPlateBasis(x, y, 15);
    const Xp = b.predictMatrix(x.subarray(0, 5), y.subarray(0, 5));
    for (let i = 0; i < 5 * b.k; i++) expect(Xp[i]).toBeCloseTo(b.X[i], 7);
  });
  it("GCV score = n·Σw(y − μ)²/(n − tr A)² by brute force (normal equations, A = X(XᵀWX + λS)⁻¹XᵀW), and the chosen λ minimises it", () => {
    const { x, y, rng } = scatter(7, 70);
    const z = Array.from(x, (xi, i) => Math.sin(xi) * Math.cos(y[i] / 2) + 0.3 * rng.normal());
    const w = Array.from(x, (_, i) => [0.25, 0.5, 0.75, 1][i % 4]);
    const b = thinPlateBasis(x, y, 16);
    const f = penalisedGcvFit(b.X, b.n, b.k, z, b.S, { weights: w });
    const n = b.n,
      p = b.k;
    const brute = (lambda: number) => {
      const A = new Array(p * p).fill(0),
        rhs = new Array(p).fill(0);
      for (let i = 0; i < n; i++)
        for (let a = 0; a < p; a++) {
          rhs[a] += b.X[i * p + a] * w[i] * z[i];
          for (let c = 0; c < p; c++) A[a * p + c] += b.X[i * p + a] * w[i] * b.X[i * p + c];
        }
      const XtWX = A.slice();
      for (let a = 0; a < p * p; a++) A[a] += lambda * b.S[a];
      const beta = gaussSolve(A, rhs, p);
      let rss = 0;
      for (let i = 0; i < n; i++) {
        let mu = 0;
        for (let a = 0; a < p; a++) mu += b.X[i * p + a] * beta[a];
        rss += w[i] * (z[i] - mu) ** 2;
      }
      // tr A = tr((XᵀWX + λS)⁻¹ XᵀWX): solve column by column
      let tr = 0;
      for (let c = 0; c < p; c++)
        tr += gaussSolve(
          A,
          XtWX.filter((_, k) => k % p === c),
          p,
        )[c];
      return (n * rss) / (n - tr) ** 2;
    };
    const scan: [number, number][] = [];
    for (let e = -8; e <= 4; e += 0.25) scan.push([Math.pow(10, e), brute(Math.pow(10, e))]);
    for (const [l, v] of scan.filter((_, i) => i % 8 === 0)) expect(f.gcvAt(l) / v).toBeCloseTo(1, 8);
    const best = scan.reduce((a, c) => (c[1] < a[1] ? c : a));
    expect(f.gcv).toBeLessThanOrEqual(best[1] * (1 + 1e-12));
    expect(Math.abs(Math.log10(f.lambda) - Math.log10(best[0]))).toBeLessThanOrEqual(0.25);
    expect(f.gcv / brute(f.lambda)).toBeCloseTo(1, 8);
    expect(f.edf).toBeGreaterThan(3);
    expect(f.edf).toBeLessThan(16);
  });
  it("refuses fewer distinct locations than k", () => {
    expect(() => thinPlateBasis([0, 1, 2, 0], [0, 0, 1, 0], 4)).toThrow(RangeError);
  });
  it("polar lattice (Fourier kernel products) = the dense kernel matrix: same eigenvalues, same fit at a fixed λ, same GCV λ", () => {
    // 36 sectors × 12 rings, every 7th lattice point empty, ring 0 at the origin (openair's first speed bin)
    const N = 36,
      radii = Array.from({ length: 12 }, (_, j) => (j * 9) / 11);
    const { x, y, sector, ring, z } = latticePoints(
      N,
      radii,
      (s, r) => (s * radii.length + r) % 7 === 3,
      (u, v) => Math.exp(-((u - 3) ** 2 + (v + 2) ** 2) / 4),
      11,
    );
    const dense = thinPlateBasis(x, y, 40);
    const polar = thinPlateBasis(x, y, 40, { polar: { sectors: N, radii, sector, ring } });
    expect(polar.knots).toBe(dense.knots); // the 36 origin points are one knot in both
    const atOrigin = ring.filter((r) => r === 0).length;
    expect(dense.knots).toBe(x.length - atOrigin + 1);
    for (let j = 0; j < 40; j++) expect(polar.eigenvalues[j] / dense.eigenvalues[j]).toBeCloseTo(1, 11);
    const px = [0.3, -4, 7.5],
      py = [1.1, 2, -2];
    const fd = penalisedGcvFit(dense.X, dense.n, dense.k, z, dense.S, { lambda: 0.01 });
    const fp = penalisedGcvFit(polar.X, polar.n, polar.k, z, polar.S, { lambda: 0.01 });
    const pd = dense.predict(fd.coefficients, px, py),
      pp = polar.predict(fp.coefficients, px, py);
    for (let i = 0; i < 3; i++) expect(Math.abs(pp[i] - pd[i])).toBeLessThan(1e-10);
    for (let i = 0; i < z.length; i++) expect(Math.abs(fp.fitted[i] - fd.fitted[i])).toBeLessThan(1e-10);
    const gd = penalisedGcvFit(dense.X, dense.n, dense.k, z, dense.S),
      gp = penalisedGcvFit(polar.X, polar.n, polar.k, z, polar.S);
    expect(gp.lambda / gd.lambda).toBeCloseTo(1, 5);
    expect(gp.edf).toBeCloseTo(gd.edf, 5);
  });
  for (const [N, nR] of [
    [72, 8],
    [30, 10],
  ])
    it(`polar lattice of ${N} sectors (${N % 4 === 0 ? "folded sector sums" : "plain sector sums"}) = the dense kernel matrix: same eigenvalues, same fit at a fixed λ`, () => {
      const radii = Array.from({ length: nR }, (_, j) => (j + 0.5) * 0.7);
      const { x, y, sector, ring, z } = latticePoints(
        N,
        radii,
        (s, r) => (s * 5 + r * 3) % 11 === 2, // about 1 point in 11 empty
        (u, v) => Math.sin(u) * Math.cos(v / 2),
        N,
      );
      const dense = thinPlateBasis(x, y, 30);
      const polar = thinPlateBasis(x, y, 30, { polar: { sectors: N, radii, sector, ring } });
      for (let j = 0; j < 30; j++) expect(polar.eigenvalues[j] / dense.eigenvalues[j]).toBeCloseTo(1, 10);
      const fd = penalisedGcvFit(dense.X, dense.n, dense.k, z, dense.S, { lambda: 0.01 });
      const fp = penalisedGcvFit(polar.X, polar.n, polar.k, z, polar.S, { lambda: 0.01 });
      for (let i = 0; i < z.length; i++) expect(Math.abs(fp.fitted[i] - fd.fitted[i])).toBeLessThan(1e-9);
    });
  it("refuses a polar lattice that does not describe the points", () => {
    const radii = [1, 2];
    const x = [0, 1, 0, -1, 0, 2, 0, -2],
      y = [1, 0, -1, 0, 2, 0, -2, 0];
    const sector = [0, 1, 2, 3, 0, 1, 2, 3],
      ring = [0, 0, 0, 0, 1, 1, 1, 1];
    expect(() => thinPlateBasis(x, y, 4, { polar: { sectors: 4, radii, sector, ring } })).not.toThrow();
    expect(() =>
      thinPlateBasis(x, y, 4, { polar: { sectors: 4, radii, sector: [1, 1, 2, 3, 0, 1, 2, 3], ring } }),
    ).toThrow(RangeError);
    expect(() =>
      thinPlateBasis(x, y, 4, { polar: { sectors: 4, radii, sector, ring: [0, 0, 0, 0, 1, 1, 1, 2] } }),
    ).toThrow(RangeError);
  });
});
