/**
 * Unrolled inner loops of the PMF solver, generated once per number of factors p.
 *
 * The weighted normal equations need, for every row (or column), a sum of m (or n) weighted
 * p×p outer products. Written as generic loops this is bound by loop and index overhead in
 * JavaScript; with the p(p+1)/2 accumulators held in local variables (code generated for the
 * given p, then compiled by the engine) it runs about 2.7× faster on this machine (bench/). The
 * generated code is built only from the integer p — no user input reaches it.
 */

export interface Kernels {
  /**
   * Row i of the G half-step: A = Σ_j W_ij·O_j written as a full symmetric p×p matrix (O_j the
   * packed outer product f_j f_jᵀ), b = Σ_j WX_ij·FT_j; fused so no n×p² buffer is needed.
   */
  row(
    W: Float64Array,
    WX: Float64Array,
    O: Float64Array,
    FT: Float64Array,
    A: Float64Array,
    b: Float64Array,
    i: number,
    m: number,
  ): void;
  /** Per column j: Ap[j] = Σ_i W_ij·(g_i g_iᵀ) (packed), B[j] = Σ_i WX_ij·g_i. Overwrites Ap and B. */
  cols(
    W: Float64Array,
    WX: Float64Array,
    G: Float64Array,
    Ap: Float64Array,
    B: Float64Array,
    n: number,
    m: number,
  ): void;
  /**
   * Σ_ij W_ij (X_ij − g_i·F_·j)², F p×m row-major. Summed in two partial sums, the even columns
   * j of every row (and an odd last column) in one and the odd columns in the other, added at the
   * end: the order of the two f64x2 lanes of the WASM kernel (kernels-wasm.ts), so both give the
   * same bits.
   */
  objective(X: Float64Array, W: Float64Array, G: Float64Array, F: Float64Array, n: number, m: number): number;
}

const cache = new Map<number, Kernels>();
/** Above this p the unrolled code gets long; plain loops are used instead. */
const MAX_UNROLLED_P = 16;

/** Kernels for p factors (cached). */
export function kernelsFor(p: number): Kernels {
  let k = cache.get(p);
  if (!k) {
    k = p <= MAX_UNROLLED_P ? generate(p) : generic(p);
    cache.set(p, k);
  }
  return k;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function triPairs(p: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < p; k++) for (let l = 0; l <= k; l++) out.push([k, l]);
  return out;
}

function generate(p: number): Kernels {
  const tri = (p * (p + 1)) / 2;
  const T = range(tri),
    P = range(p),
    pairs = triPairs(p);
  const row = `
    let ${T.map((t) => `a${t} = 0`).join(", ")};
    let ${P.map((k) => `b${k} = 0`).join(", ")};
    const xi = i * m;
    for (let j = 0; j < m; j++) {
      const w = W[xi + j], wx = WX[xi + j], o = j * ${tri}, f = j * ${p};
      ${T.map((t) => `a${t} += w * O[o + ${t}];`).join(" ")}
      ${P.map((k) => `b${k} += wx * FT[f + ${k}];`).join(" ")}
    }
    ${pairs.map(([k, l], t) => (k === l ? `A[${k * p + k}] = a${t};` : `A[${k * p + l}] = a${t}; A[${l * p + k}] = a${t};`)).join(" ")}
    ${P.map((k) => `b[${k}] = b${k};`).join(" ")}`;
  const cols = `
    Ap.fill(0, 0, m * ${tri});
    B.fill(0, 0, m * ${p});
    for (let i = 0; i < n; i++) {
      const gi = i * ${p}, xi = i * m;
      ${P.map((k) => `const g${k} = G[gi + ${k}];`).join(" ")}
      ${pairs.map(([k, l], t) => `const h${t} = g${k} * g${l};`).join(" ")}
      for (let j = 0; j < m; j++) {
        const w = W[xi + j];
        if (w === 0) continue;
        const wx = WX[xi + j], o = j * ${tri}, q = j * ${p};
        ${T.map((t) => `Ap[o + ${t}] += w * h${t};`).join(" ")}
        ${P.map((k) => `B[q + ${k}] += wx * g${k};`).join(" ")}
      }
    }`;
  const dot = (j: string) => P.map((k) => `g${k} * F[f${k} + ${j}]`).join(" + ");
  const objective = `
    let s0 = 0, s1 = 0;
    ${P.map((k) => `const f${k} = ${k} * m;`).join(" ")}
    for (let i = 0; i < n; i++) {
      const gi = i * ${p}, xi = i * m;
      ${P.map((k) => `const g${k} = G[gi + ${k}];`).join(" ")}
      let j = 0;
      for (; j + 1 < m; j += 2) {
        const r0 = X[xi + j] - (${dot("j")});
        s0 += W[xi + j] * r0 * r0;
        const r1 = X[xi + j + 1] - (${dot("j + 1")});
        s1 += W[xi + j + 1] * r1 * r1;
      }
      if (j < m) {
        const r = X[xi + j] - (${dot("j")});
        s0 += W[xi + j] * r * r;
      }
    }
    return s0 + s1;`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = (args: string, body: string) => new Function(...args.split(","), body);
  return {
    row: make("W,WX,O,FT,A,b,i,m", row) as Kernels["row"],
    cols: make("W,WX,G,Ap,B,n,m", cols) as Kernels["cols"],
    objective: make("X,W,G,F,n,m", objective) as Kernels["objective"],
  };
}

/** Plain-loop kernels (any p); also the reference the generated ones are tested against. */
export function generic(p: number): Kernels {
  const tri = (p * (p + 1)) / 2;
  return {
    row(W, WX, O, FT, A, b, i, m) {
      A.fill(0, 0, p * p);
      b.fill(0, 0, p);
      for (let j = 0; j < m; j++) {
        const w = W[i * m + j],
          wx = WX[i * m + j];
        let t = 0;
        for (let k = 0; k < p; k++) {
          for (let l = 0; l <= k; l++) A[k * p + l] += w * O[j * tri + t++];
          b[k] += wx * FT[j * p + k];
        }
      }
      for (let k = 0; k < p; k++) for (let l = 0; l < k; l++) A[l * p + k] = A[k * p + l];
    },
    cols(W, WX, G, Ap, B, n, m) {
      Ap.fill(0, 0, m * tri);
      B.fill(0, 0, m * p);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          const w = W[i * m + j],
            wx = WX[i * m + j];
          let t = 0;
          for (let k = 0; k < p; k++) {
            for (let l = 0; l <= k; l++) Ap[j * tri + t++] += w * G[i * p + k] * G[i * p + l];
            B[j * p + k] += wx * G[i * p + k];
          }
        }
      }
    },
    objective(X, W, G, F, n, m) {
      const sums = [0, 0]; // even / odd columns (an odd last column is even)
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let y = 0;
          for (let k = 0; k < p; k++) y = k === 0 ? G[i * p] * F[j] : y + G[i * p + k] * F[k * m + j];
          const r = X[i * m + j] - y;
          sums[j % 2] += W[i * m + j] * r * r;
        }
      }
      return sums[0] + sums[1];
    },
  };
}
