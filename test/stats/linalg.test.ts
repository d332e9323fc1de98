import { describe, expect, it } from "vitest";
import { symmetricEigen } from "../../src/stats/symeigen";
import { tridiagonalEigen } from "../../src/stats/tridiageigen";
import { lanczosEigen } from "../../src/stats/lanczos";
import { householderQr, solveUpperTriangular } from "../../src/stats/qr";

describe("symmetricEigen (Jacobi), worked by hand", () => {
  it("[[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2", () => {
    const e = symmetricEigen([2, 1, 1, 2], 2);
    expect(e.values[0]).toBeCloseTo(3, 14);
    expect(e.values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(e.vectors[0])).toBeCloseTo(Math.SQRT1_2, 14); // column 0 = (v00, v10)
    expect(e.vectors[0] * e.vectors[2]).toBeCloseTo(0.5, 14); // same sign
    expect(e.vectors[1] * e.vectors[3]).toBeCloseTo(-0.5, 14); // opposite signs
  });
  it("[[4, 1, 0], [1, 4, 1], [0, 1, 4]]: 4 + √2, 4, 4 − √2 (characteristic polynomial (4 − λ)((4 − λ)² − 2))", () => {
    const a = [4, 1, 0, 1, 4, 1, 0, 1, 4];
    const e = symmetricEigen(a, 3);
    expect([...e.values].map((v) => +v.toFixed(12))).toEqual(
      [4 + Math.SQRT2, 4, 4 - Math.SQRT2].map((v) => +v.toFixed(12)),
    );
    // A v = λ v for every pair
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 3; i++) {
        let s = 0;
        for (let l = 0; l < 3; l++) s += a[i * 3 + l] * e.vectors[l * 3 + j];
        expect(s).toBeCloseTo(e.values[j] * e.vectors[i * 3 + j], 12);
      }
  });
  it("refuses a non-symmetric matrix", () => {
    expect(() => symmetricEigen([1, 2, 3, 4], 2)).toThrow(RangeError);
  });
});

describe("tridiagonalEigen (implicit QL)", () => {
  it("tridiag(−1, 2, −1) of order 9: λⱼ = 2 − 2 cos(jπ/10) (the second-difference matrix)", () => {
    const n = 9;
    const e = tridiagonalEigen(new Array(n).fill(2), new Array(n - 1).fill(-1));
    const want = Array.from({ length: n }, (_, j) => 2 - 2 * Math.cos(((n - j) * Math.PI) / (n + 1)));
    for (let j = 0; j < n; j++) expect(e.values[j]).toBeCloseTo(want[j], 13);
    // eigenvector j ∝ sin(i·jπ/10): check the largest one
    const jj = n; // λ = 2 − 2cos(9π/10)
    let nrm = 0;
    for (let i = 1; i <= n; i++) nrm += Math.sin((i * jj * Math.PI) / (n + 1)) ** 2;
    for (let i = 0; i < n; i++)
      expect(Math.abs(e.vectors[i * n])).toBeCloseTo(
        Math.abs(Math.sin(((i + 1) * jj * Math.PI) / (n + 1))) / Math.sqrt(nrm),
        12,
      );
  });
});

describe("lanczosEigen (full reorthogonalisation)", () => {
  it("the 5 largest-magnitude eigenvalues of tridiag(−1, 2, −1), n = 200: 2 − 2cos(jπ/201), j = 200…196", () => {
    const n = 200;
    const r = lanczosEigen(
      (x, y) => {
        for (let i = 0; i < n; i++) y[i] = 2 * x[i] - (i > 0 ? x[i - 1] : 0) - (i < n - 1 ? x[i + 1] : 0);
      },
      n,
      5,
    );
    for (let t = 0; t < 5; t++) expect(r.values[t]).toBeCloseTo(2 - 2 * Math.cos(((n - t) * Math.PI) / (n + 1)), 9);
  });
  it("largest magnitude irrespective of sign: diag(5, −9, 1, 3, −7, 0.5) → −9, −7, 5", () => {
    const d = [5, -9, 1, 3, -7, 0.5];
    const r = lanczosEigen(
      (x, y) => {
        for (let i = 0; i < d.length; i++) y[i] = d[i] * x[i];
      },
      d.length,
      3,
    );
    expect([...r.values].map((v) => +v.toFixed(10))).toEqual([-9, -7, 5]);
    // eigenvector of −9 is ±e₂
    expect(Math.abs(r.vectors[1 * 3 + 0])).toBeCloseTo(1, 10);
  });
});

describe("householderQr and triangular solves", () => {
  it("A = [[3, 0], [4, 5], [0, 12]]: |R₁₁| = 5, |R₂₂| = 12 (hand Gram–Schmidt), A = QR and QᵀQ = I", () => {
    const a = [3, 0, 4, 5, 0, 12];
    const qr = householderQr(a, 3, 2);
    expect(Math.abs(qr.r[0])).toBeCloseTo(5, 14);
    // second column minus its projection on q1 = (0.6, 0.8, 0): (0,5,12) − 4·(0.6,0.8,0) = (−2.4, 1.8, 12), norm √(5.76 + 3.24 + 144) = √153
    expect(Math.abs(qr.r[3])).toBeCloseTo(Math.sqrt(153), 13);
    expect(Math.abs(qr.r[1])).toBeCloseTo(4, 14);
    // reconstruct: Q [R; 0] columns
    for (let c = 0; c < 2; c++) {
      const rc = [qr.r[c], qr.r[2 + c], 0];
      const col = qr.qMul(rc);
      for (let i = 0; i < 3; i++) expect(col[i]).toBeCloseTo(a[i * 2 + c], 13);
    }
    const b = [1, 2, 3];
    const back = qr.qMul(qr.qtMul(b));
    b.forEach((v, i) => expect(back[i]).toBeCloseTo(v, 14));
    // the complement column is orthogonal to A's columns
    const z = qr.qColumns(2);
    expect(3 * z[0] + 4 * z[1]).toBeCloseTo(0, 13);
    expect(5 * z[1] + 12 * z[2]).toBeCloseTo(0, 13);
  });
  for (const [m, n] of [
    [9, 5],
    [8, 4],
  ])
    it(`${m} × ${n} (columns swept in pairs${n % 2 ? " and one alone" : ""}): |R| = modified Gram–Schmidt's, A = Q [R; 0]`, () => {
      const a = Array.from({ length: m * n }, (_, i) => Math.sin(1.3 * i + 0.2) + (i % n === 0 ? 2 : 0));
      const qr = householderQr(a, m, n);
      // modified Gram–Schmidt on the columns, by hand
      const q = Array.from({ length: n }, (_, c) => Array.from({ length: m }, (_, i) => a[i * n + c]));
      for (let c = 0; c < n; c++) {
        for (let d = 0; d < c; d++) {
          const r = q[d].reduce((t, x, i) => t + x * q[c][i], 0);
          expect(Math.abs(qr.r[d * n + c])).toBeCloseTo(Math.abs(r), 12);
          q[c] = q[c].map((x, i) => x - r * q[d][i]);
        }
        const norm = Math.hypot(...q[c]);
        expect(Math.abs(qr.r[c * n + c])).toBeCloseTo(norm, 12);
        q[c] = q[c].map((x) => x / norm);
      }
      for (let c = 0; c < n; c++) {
        const rc = Array.from({ length: m }, (_, i) => (i < n && i <= c ? qr.r[i * n + c] : 0));
        const col = qr.qMul(rc);
        for (let i = 0; i < m; i++) expect(col[i]).toBeCloseTo(a[i * n + c], 12);
      }
    });
  it("solves R x = b and Rᵀ x = b for R = [[2, 1], [0, 4]]", () => {
    const R = [2, 1, 0, 4];
    expect([...solveUpperTriangular(R, [4, 8])]).toEqual([1, 2]); // 2x + y = 4, 4y = 8
    expect([...solveUpperTriangular(R, [2, 9], true)]).toEqual([1, 2]); // 2x = 2, x + 4y = 9
    expect(() => solveUpperTriangular([1, 0, 0, 0], [1, 1])).toThrow(RangeError);
  });
});
