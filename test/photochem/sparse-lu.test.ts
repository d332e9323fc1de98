import { describe, expect, it } from "vitest";
import { sparseLuFactor, sparseLuPosition, sparseLuSolve, sparseLuSymbolic } from "../../src/photochem";
import { Rng } from "../../src/random/rng";

/** Dense Gaussian elimination with partial pivoting (the independent reference). */
function denseSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let q = c; q <= n; q++) M[r][q] -= f * M[c][q];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let q = r + 1; q < n; q++) s -= M[r][q] * x[q];
    x[r] = s / M[r][r];
  }
  return x;
}

function randomSparse(n: number, density: number, seed: number) {
  const rng = new Rng(seed);
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rows: number[] = [],
    cols: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j && rng.uniform() < density) {
        A[i][j] = rng.uniform() * 2 - 1;
        rows.push(i);
        cols.push(j);
      }
  // a diagonal that keeps the pivots away from zero (as 1/(hγ) − J does), not dominant
  for (let i = 0; i < n; i++) A[i][i] = 1 + rng.uniform();
  const b = Array.from({ length: n }, () => rng.uniform() * 10 - 5);
  return { A, rows, cols, b };
}

describe("sparse LU against a dense solve", () => {
  for (const [n, density, seed] of [
    [30, 0.1, 1],
    [90, 0.04, 2],
    [90, 0.15, 3],
  ] as const) {
    for (const ordering of ["markowitz", "natural"] as const) {
      it(`n = ${n}, density ${density}, ${ordering} ordering: same solution (relative 1e-10)`, () => {
        const { A, rows, cols, b } = randomSparse(n, density, seed);
        const lu = sparseLuSymbolic(n, rows, cols, { ordering });
        const vals = new Float64Array(lu.factorNonzeros);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            if (A[i][j] !== 0) {
              const p = sparseLuPosition(lu, i, j);
              expect(p).toBeGreaterThanOrEqual(0);
              vals[p] = A[i][j];
            }
        const work = new Float64Array(n).fill(123); // dirty scratch must not matter
        expect(sparseLuFactor(lu, vals, work)).toBe(0);
        const x = Float64Array.from(b);
        sparseLuSolve(lu, vals, x, work);
        const ref = denseSolve(A, b);
        const scale = Math.max(...ref.map(Math.abs));
        for (let i = 0; i < n; i++) expect(Math.abs(x[i] - ref[i]) / scale).toBeLessThan(1e-10);
        // and the residual A·x − b is small
        for (let i = 0; i < n; i++) {
          let s = -b[i];
          for (let j = 0; j < n; j++) s += A[i][j] * x[j];
          expect(Math.abs(s)).toBeLessThan(1e-9 * scale);
        }
      });
    }
  }

  it("Markowitz puts the hub of an arrow matrix last: no fill-in (3n − 2 nonzeros) vs a full factor in natural order", () => {
    // row 0 and column 0 full, plus the diagonal: eliminating index 0 first fills the whole matrix
    const n = 12;
    const rows: number[] = [],
      cols: number[] = [];
    for (let j = 1; j < n; j++) {
      rows.push(0, j);
      cols.push(j, 0);
    }
    const nat = sparseLuSymbolic(n, rows, cols, { ordering: "natural" });
    const mk = sparseLuSymbolic(n, rows, cols);
    expect(nat.nonzeros).toBe(3 * n - 2);
    expect(nat.factorNonzeros).toBe(n * n);
    expect(mk.factorNonzeros).toBe(3 * n - 2);
    // the hub is eliminated when at most one leaf is left (a 2 × 2 block is full either way)
    expect(mk.inverse[0]).toBeGreaterThanOrEqual(n - 2);
  });

  it("reports a zero pivot instead of dividing by it", () => {
    const lu = sparseLuSymbolic(2, [0, 1], [1, 0], { ordering: "natural" });
    const vals = new Float64Array(lu.factorNonzeros);
    vals[sparseLuPosition(lu, 0, 0)] = 0;
    vals[sparseLuPosition(lu, 0, 1)] = 1;
    vals[sparseLuPosition(lu, 1, 0)] = 1;
    vals[sparseLuPosition(lu, 1, 1)] = 1;
    expect(sparseLuFactor(lu, vals, new Float64Array(2))).toBe(1);
  });

  it("refuses an entry outside the matrix", () => {
    expect(() => sparseLuSymbolic(3, [0], [3])).toThrow(RangeError);
  });
});
