/**
 * WebAssembly SIMD kernels of the PMF solver (kernels-wasm.ts) against the JS kernels
 * (kernels.ts): the same bits from every kernel and from whole fits, on random problems with odd
 * and even m and p; Q(true) of a fit against the textbook formula Σ ((x − GF)/s)² written out
 * here; and the same bits with 1 or 2 worker threads (dist/, as test/reproducibility). The WASM
 * module is assembled by the vitest global setup (test/setup/wasm-kernels.ts).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Rng } from "../../src/random/rng";
import { kernelsFor, generic } from "../../src/sourceapport/kernels";
import { kernelArena, kernelChoiceFromEnv, WASM_MAX_P } from "../../src/sourceapport/kernels-wasm";
import { NnlsSolver } from "../../src/sourceapport/nnls";
import { alsRun, type RunSettings } from "../../src/sourceapport/als";
import { runPmfSync } from "../../src/sourceapport/solver";
import { wellPosed } from "./wellposed";

/** IEEE-754 bytes as hex: equal strings ⇔ bit-identical. */
const bits = (a: Float64Array | number[]) => {
  const f = a instanceof Float64Array ? a : Float64Array.from(a);
  return Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString("hex");
};

const saved = process.env.AOZORA_PMF_KERNELS;
afterEach(() => {
  if (saved === undefined) delete process.env.AOZORA_PMF_KERNELS;
  else process.env.AOZORA_PMF_KERNELS = saved;
});

/** Run `f` with AOZORA_PMF_KERNELS set to `kind`. */
function withKernels<T>(kind: "js" | "wasm", f: () => T): T {
  const before = process.env.AOZORA_PMF_KERNELS;
  process.env.AOZORA_PMF_KERNELS = kind;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.AOZORA_PMF_KERNELS;
    else process.env.AOZORA_PMF_KERNELS = before;
  }
}

describe("WASM kernels: the module is built and chosen", () => {
  it("kernelArena gives WASM kernels for p ≤ 16 and JS above; the env variable is checked", () => {
    expect(kernelArena(6, 100, "auto").kind).toBe("wasm");
    expect(kernelArena(6, 100, "js").kind).toBe("js");
    expect(kernelArena(WASM_MAX_P + 1, 100, "auto").kind).toBe("js");
    expect(() => kernelArena(WASM_MAX_P + 1, 100, "wasm")).toThrow(RangeError);
    process.env.AOZORA_PMF_KERNELS = "simd";
    expect(() => kernelChoiceFromEnv()).toThrow(RangeError);
    process.env.AOZORA_PMF_KERNELS = "js";
    expect(kernelChoiceFromEnv()).toBe("js");
  });

  it("a WASM kernel refuses arrays from outside its arena, and a full arena says so", () => {
    const a = kernelArena(2, 8, "wasm");
    const outside = new Float64Array(4);
    expect(() => a.kernels.objective(outside, outside, outside, outside, 1, 2)).toThrow(RangeError);
    expect(() => a.alloc(1e6)).toThrow(RangeError);
  });
});

describe("WASM kernels: the same bits as the JS kernels", () => {
  // n, m, p: odd and even m and p (odd p leaves a scalar tail lane in row/cols; odd m one in the objective)
  const cases: [number, number, number][] = [
    [13, 7, 1],
    [9, 1, 2],
    [17, 8, 3],
    [11, 9, 4],
    [20, 13, 5],
    [31, 41, 6],
    [15, 10, 7],
    [12, 25, 8],
    [7, 6, 9],
    [5, 11, 16],
  ];
  for (const [n, m, p] of cases) {
    it(`row, cols and objective for n = ${n}, m = ${m}, p = ${p}`, () => {
      const rng = new Rng(100 + 7 * p + m);
      const tri = (p * (p + 1)) / 2;
      // a spread of magnitudes so that rounding differs between summation orders; some W = 0 (skipped by cols)
      const rnd = (len: number, zeros = false) =>
        Float64Array.from({ length: len }, () =>
          zeros && rng.uniform() < 0.1 ? 0 : rng.uniform() * 10 ** (4 * rng.uniform() - 2),
        );
      const W = rnd(n * m, true),
        WX = rnd(n * m),
        O = rnd(m * tri),
        FT = rnd(m * p),
        G = rnd(n * p),
        F = rnd(p * m),
        X = rnd(n * m);
      const arena = kernelArena(p, 4 * n * m + 4 * m * tri + 2 * n * p + 4 * m * p + 2 * p * p, "wasm");
      const inArena = (a: Float64Array) => {
        const v = arena.alloc(a.length);
        v.set(a);
        return v;
      };
      const [w, wx, o, ft, g, f, x] = [W, WX, O, FT, G, F, X].map(inArena);
      const A1 = arena.alloc(p * p),
        b1 = arena.alloc(p),
        Ap1 = arena.alloc(m * tri),
        B1 = arena.alloc(m * p);
      const js = kernelsFor(p),
        plain = generic(p);
      const A2 = new Float64Array(p * p),
        b2 = new Float64Array(p),
        A3 = new Float64Array(p * p),
        b3 = new Float64Array(p);
      for (let i = 0; i < n; i++) {
        arena.kernels.row(w, wx, o, ft, A1, b1, i, m);
        js.row(W, WX, O, FT, A2, b2, i, m);
        plain.row(W, WX, O, FT, A3, b3, i, m);
        expect(bits(A1)).toBe(bits(A2));
        expect(bits(b1)).toBe(bits(b2));
        expect(bits(A3)).toBe(bits(A2));
        expect(bits(b3)).toBe(bits(b2));
      }
      const Ap2 = new Float64Array(m * tri).fill(7), // overwritten, not accumulated
        B2 = new Float64Array(m * p).fill(7);
      Ap1.fill(7);
      B1.fill(7);
      arena.kernels.cols(w, wx, g, Ap1, B1, n, m);
      js.cols(W, WX, G, Ap2, B2, n, m);
      expect(bits(Ap1)).toBe(bits(Ap2));
      expect(bits(B1)).toBe(bits(B2));
      const q1 = arena.kernels.objective(x, w, g, f, n, m),
        q2 = js.objective(X, W, G, F, n, m),
        q3 = plain.objective(X, W, G, F, n, m);
      expect(bits([q1])).toBe(bits([q2]));
      expect(bits([q3])).toBe(bits([q2]));
      // and the textbook sum, term by term in row-major order: equal to 1e-12 relative
      let q = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let y = 0;
          for (let k = 0; k < p; k++) y += G[i * p + k] * F[k * m + j];
          q += W[i * m + j] * (X[i * m + j] - y) ** 2;
        }
      expect(Math.abs(q1 - q) / q).toBeLessThan(1e-12);
    });
  }

  it("hand case: objective of a 1×3 problem with p = 1 (odd m: the last column in the even sum)", () => {
    // X = [1, 2, 4], W = [1, 2, 3], G = [1], F = [1, 1, 1]: r = [0, 1, 3]; Q = 0 + 2 + 27 = 29
    const a = kernelArena(1, 16, "wasm");
    const v = (...x: number[]) => {
      const t = a.alloc(x.length);
      t.set(x);
      return t;
    };
    expect(a.kernels.objective(v(1, 2, 4), v(1, 2, 3), v(1), v(1, 1, 1), 1, 3)).toBe(29);
    expect(
      kernelsFor(1).objective(
        Float64Array.of(1, 2, 4),
        Float64Array.of(1, 2, 3),
        Float64Array.of(1),
        Float64Array.of(1, 1, 1),
        1,
        3,
      ),
    ).toBe(29);
  });
});

describe("WASM kernels: the fused half-steps (normal equations + NNLS) give the JS bits and solve the NNLS", () => {
  // X unrelated to any G·F (no exact non-negative fit), so many NNLS constraints are active; row 2
  // has all weights 0 (A = 0: the solution is 0) and factor 0 of F is all zero in column 1
  const cases: [number, number, number][] = [
    [23, 9, 1],
    [19, 12, 3],
    [31, 41, 6],
    [17, 25, 8],
    [9, 20, 16],
  ];
  for (const [n, m, p] of cases) {
    it(`gstep and fstep for n = ${n}, m = ${m}, p = ${p}`, () => {
      const rng = new Rng(500 + p);
      const tri = (p * (p + 1)) / 2;
      const rnd = (len: number) =>
        Float64Array.from({ length: len }, () => rng.uniform() * 10 ** (2 * rng.uniform() - 1));
      const X = rnd(n * m),
        W = rnd(n * m),
        F0 = rnd(p * m),
        G0 = rnd(n * p);
      for (let j = 0; j < m; j++) W[2 * m + j] = 0;
      F0[1] = 0;
      for (let c = 0; c < G0.length; c += 3) G0[c] = 0; // warm starts with some zeros
      const WX = W.map((w, c) => w * X[c]);
      const cRow = Float64Array.from({ length: n }, (_, i) => {
        let c = 0;
        for (let j = 0; j < m; j++) c += W[i * m + j] * X[i * m + j] ** 2;
        return c;
      });
      const FT = new Float64Array(m * p),
        O = new Float64Array(m * tri);
      for (let j = 0; j < m; j++) {
        let t = j * tri;
        for (let k = 0; k < p; k++) {
          FT[j * p + k] = F0[k * m + j];
          for (let l = 0; l <= k; l++) O[t++] = F0[k * m + j] * F0[l * m + j];
        }
      }
      const arena = kernelArena(
        p,
        6 * n * m + 2 * n * tri + 2 * m * tri + 2 * n * p + 3 * m * p + 2 * p * p + n + 5 * p + 64,
        "wasm",
      );
      const put = (a: Float64Array) => {
        const v = arena.alloc(a.length);
        v.set(a);
        return v;
      };
      const [w, wx, o, ft, cr] = [W, WX, O, FT, cRow].map(put);
      const g1 = put(G0),
        f1 = put(F0),
        A1 = arena.alloc(p * p),
        b1 = arena.alloc(p),
        Ap1 = arena.alloc(m * tri),
        B1 = arena.alloc(m * p),
        scr = arena.alloc(p * p + 5 * p);
      const js = kernelsFor(p);
      const g2 = G0.slice(),
        f2 = F0.slice();
      const q1 = arena.kernels.gstep(w, wx, o, ft, A1, b1, g1, cr, n, m, scr);
      const q2 = js.gstep(
        W,
        WX,
        O,
        FT,
        new Float64Array(p * p),
        new Float64Array(p),
        g2,
        cRow,
        n,
        m,
        new Float64Array(0),
      );
      expect(bits(g1)).toBe(bits(g2));
      expect(bits([q1])).toBe(bits([q2]));
      // independent checks: the returned value is Σ w (x − G F0)² at the new G (1e-9 relative), and
      // each row satisfies the NNLS optimality conditions (g ≥ 0; gradient b − A g zero where g > 0, ≤ 0 where g = 0)
      let q = 0,
        zeros = 0;
      const plain = generic(p),
        A = new Float64Array(p * p),
        b = new Float64Array(p);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let y = 0;
          for (let k = 0; k < p; k++) y += g2[i * p + k] * F0[k * m + j];
          q += W[i * m + j] * (X[i * m + j] - y) ** 2;
        }
        plain.row(W, WX, O, FT, A, b, i, m);
        let scale = 0;
        for (let k = 0; k < p; k++) scale = Math.max(scale, A[k * p + k] * (1 + g2[i * p + k]));
        for (let k = 0; k < p; k++) {
          const gk = g2[i * p + k];
          let grad = b[k];
          for (let l = 0; l < p; l++) grad -= A[k * p + l] * g2[i * p + l];
          expect(gk).toBeGreaterThanOrEqual(0);
          if (gk > 0) expect(Math.abs(grad)).toBeLessThanOrEqual(1e-8 * scale + 1e-300);
          else {
            expect(grad).toBeLessThanOrEqual(1e-8 * scale + 1e-300);
            zeros++;
          }
        }
        if (i === 2) for (let k = 0; k < p; k++) expect(g2[i * p + k]).toBe(0);
      }
      expect(Math.abs(q1 - q) / q).toBeLessThan(1e-9);
      expect(zeros).toBeGreaterThanOrEqual(p > 1 ? p + 3 : 1); // active constraints beyond row 2 were exercised (p > 1)
      // F half-step from the new G, on the transposed weights
      const WT = new Float64Array(m * n),
        WXT = new Float64Array(m * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          WT[j * n + i] = W[i * m + j];
          WXT[j * n + i] = WX[i * m + j];
        }
      g1.set(g2);
      const [wt, wxt] = [WT, WXT].map(put);
      arena.kernels.fstep(wt, wxt, g1, arena.alloc(n * tri), A1, b1, f1, n, m, scr);
      js.fstep(WT, WXT, g2, new Float64Array(n * tri), new Float64Array(p * p), new Float64Array(p), f2, n, m, scr);
      expect(bits(f1)).toBe(bits(f2));
      // and the same bits as the F half-step on the untransposed weights: cols (Σ_i into per-column sums), then NNLS per column
      const f3 = F0.slice(),
        Ap3 = new Float64Array(m * tri),
        B3 = new Float64Array(m * p),
        A3 = new Float64Array(p * p),
        col = new Float64Array(p),
        solver = new NnlsSolver(p);
      js.cols(W, WX, g2, Ap3, B3, n, m);
      for (let j = 0; j < m; j++) {
        let t = j * tri;
        for (let k = 0; k < p; k++)
          for (let l = 0; l <= k; l++) {
            A3[k * p + l] = Ap3[t];
            A3[l * p + k] = Ap3[t++];
          }
        for (let k = 0; k < p; k++) col[k] = F0[k * m + j];
        solver.solve(A3, 0, B3, j * p, col, 0);
        for (let k = 0; k < p; k++) f3[k * m + j] = col[k];
      }
      expect(bits(f3)).toBe(bits(f2));
      for (let j = 0; j < m; j++) {
        // the column's normal equations summed here cell by cell: Σ_i w_ij g_i g_iᵀ, Σ_i wx_ij g_i
        A.fill(0);
        b.fill(0);
        for (let i = 0; i < n; i++)
          for (let k = 0; k < p; k++) {
            b[k] += WX[i * m + j] * g2[i * p + k];
            for (let l = 0; l < p; l++) A[k * p + l] += W[i * m + j] * g2[i * p + k] * g2[i * p + l];
          }
        let scale = 0;
        for (let k = 0; k < p; k++) scale = Math.max(scale, A[k * p + k] * (1 + f2[k * m + j]));
        for (let k = 0; k < p; k++) {
          let grad = b[k];
          for (let l = 0; l < p; l++) grad -= A[k * p + l] * f2[l * m + j];
          expect(f2[k * m + j]).toBeGreaterThanOrEqual(0);
          if (f2[k * m + j] > 0) expect(Math.abs(grad)).toBeLessThanOrEqual(1e-8 * scale + 1e-300);
          else expect(grad).toBeLessThanOrEqual(1e-8 * scale + 1e-300);
        }
      }
    });
  }
});

describe("WASM kernels: whole fits give the same bits as the JS kernels", () => {
  const settings = (p: number, robust: boolean): RunSettings => ({
    p,
    robust,
    alpha: 4,
    maxIterations: 150,
    tolerance: 0.1,
    relativeTolerance: 1e-5,
    window: 20,
  });
  const problems: [number, number, number, boolean][] = [
    [37, 9, 3, false],
    [50, 11, 5, true],
    [64, 12, 6, false],
    [41, 13, 7, true],
    [30, 8, 2, false],
  ];
  for (const [n, m, p, robust] of problems) {
    it(`alsRun n = ${n}, m = ${m}, p = ${p}${robust ? ", robust" : ""}: identical G, F, Q; Q(true) = Σ((x − GF)/s)² to 1e-12`, () => {
      const rng = new Rng(n * 31 + m);
      // random non-negative rank-p data with noise, s = 0.1·x + 0.05
      const G0 = Float64Array.from({ length: n * p }, () => rng.uniform() * 3);
      const F0 = Float64Array.from({ length: p * m }, () => (rng.uniform() < 0.2 ? 0 : rng.uniform()));
      const x = new Float64Array(n * m),
        s = new Float64Array(n * m);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let v = 0;
          for (let k = 0; k < p; k++) v += G0[i * p + k] * F0[k * m + j];
          s[i * m + j] = 0.1 * v + 0.05;
          x[i * m + j] = Math.max(0, v + s[i * m + j] * rng.normal());
        }
      const js = withKernels("js", () => alsRun(x, s, n, m, 5, settings(p, robust)));
      const wa = withKernels("wasm", () => alsRun(x, s, n, m, 5, settings(p, robust)));
      expect(bits(wa.G)).toBe(bits(js.G));
      expect(bits(wa.F)).toBe(bits(js.F));
      expect(bits([wa.qTrue, wa.qRobust])).toBe(bits([js.qTrue, js.qRobust]));
      expect(wa.iterations).toBe(js.iterations);
      let q = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let y = 0;
          for (let k = 0; k < p; k++) y += wa.G[i * p + k] * wa.F[k * m + j];
          q += ((x[i * m + j] - y) / s[i * m + j]) ** 2;
        }
      expect(Math.abs(wa.qTrue - q) / q).toBeLessThan(1e-12);
    });
  }
});

describe("WASM kernels: same seed, same bits with WASM and JS kernels and with 1 or 2 workers", () => {
  type Solver = typeof import("../../src/sourceapport/solver");
  const req = createRequire(__filename);
  const dist = req(join(__dirname, "..", "..", "dist", "sourceapport", "solver.js")) as Solver;
  it("runPmf (dist/, WASM) on 1 and 2 workers = runPmfSync (src/, JS kernels)", async () => {
    const { input, p } = wellPosed(90, 5);
    const opts = { factors: p, runs: 4, seed: 11, maxIterations: 300 };
    process.env.AOZORA_PMF_KERNELS = "wasm"; // the workers inherit it (a fit throws if WASM is unavailable)
    const w2 = await dist.runPmf(input, { ...opts, workers: 2 });
    const w1 = await dist.runPmf(input, { ...opts, workers: 1 });
    const js = withKernels("js", () => runPmfSync(input, opts));
    for (const r of [w1, js]) {
      expect(r.runs.map((x) => bits(x.G) + bits(x.F))).toEqual(w2.runs.map((x) => bits(x.G) + bits(x.F)));
      expect(r.runs.map((x) => bits([x.qTrue, x.qRobust]))).toEqual(w2.runs.map((x) => bits([x.qTrue, x.qRobust])));
    }
  });
});
