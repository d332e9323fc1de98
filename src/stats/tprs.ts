import { householderQr } from "./qr";
import { lanczosEigen, dotAt } from "./lanczos";

/**
 * The thin-plate spline kernel for d = 2 covariates and penalty order m = 2:
 * η(r) = r² log(r) / (8π), η(0) = 0 (Wood 2003, J. R. Statist. Soc. B 65:95–114, §2, with
 * η_md(r) = (−1)^(m+1+d/2) r^(2m−d) log(r) / (2^(2m−1) π^(d/2) (m−1)! (m−d/2)!) for even d; the
 * same constant as mgcv's `eta_const`, src/tprs.c: (−1)^4 / (2³ π¹ 1! 1!) = 1/(8π)).
 * @param r distance (any length unit; η has the unit squared)
 */
export function tpsEta(r: number): number {
  return r > 0 ? (r * r * Math.log(r)) / (8 * Math.PI) : 0;
}

/** η from the squared distance d² (no square root: d² log(d²) / (16π) = r² log(r) / (8π), {@link tpsEta}). */
export function etaSq(d2: number): number {
  return d2 > 0 ? (d2 * Math.log(d2)) / (16 * Math.PI) : 0;
}

/**
 * Data points on a polar lattice centred at the origin of (x, y): point i lies at radius
 * `radii[ring[i]]` and angle θ = 2π·`sector[i]`/`sectors` from the +y axis towards +x, so
 * x = r sin θ, y = r cos θ (the layout of a polar plot's (direction, speed) bins: sector = direction
 * bin, ring = speed bin). See {@link ThinPlateOptions}.
 */
export interface PolarLattice {
  /** Number of equal angular sectors N (≥ 1). */
  sectors: number;
  /** Radius of each ring (same unit as x and y; ≥ 0). */
  radii: ArrayLike<number>;
  /** Sector index of each data point, an integer in [0, N). */
  sector: ArrayLike<number>;
  /** Ring index of each data point, an integer in [0, radii.length). */
  ring: ArrayLike<number>;
}

/** Options of {@link thinPlateBasis}. */
export interface ThinPlateOptions {
  /**
   * The points lie on this polar lattice (checked: every (x, y) within 10⁻⁹ × the largest radius of
   * its lattice position). The kernel matrix E of the knots is then a principal submatrix of a
   * block-circulant matrix (E between two lattice points depends only on their rings and on the
   * difference of their sectors, mod N), so the products E q of the eigen-step are made by a real
   * discrete Fourier transform over the sectors — O(knots · N + N · rings²) each instead of
   * O(knots²); when N is a multiple of 4 the sector sums are folded twice (sectors s and N − s,
   * frequencies f and N/2 − f), about a quarter of the products — and E is never stored. The basis
   * is the same as without the option up to rounding (the Lanczos iteration stops at the same
   * tolerance).
   */
  polar?: PolarLattice;
}

/** Result of {@link thinPlateBasis}: a rank-k thin-plate regression spline basis in (x, y). */
export interface ThinPlateBasis {
  /** Basis dimension k (coefficients per fit). */
  k: number;
  /** Data rows n. */
  n: number;
  /** Distinct (x, y) locations used as knots. */
  knots: number;
  /** Model matrix of the data rows, row-major n × k: k − 3 penalised columns, then 1, x − x̄, y − ȳ. */
  X: Float64Array;
  /** Penalty matrix, row-major k × k (zero on the three null-space columns). */
  S: Float64Array;
  /** The centring of the covariates (mgcv's `shift`): x̄, ȳ. */
  shift: [number, number];
  /** The k eigenvalues of the kernel matrix E kept (largest |λ| first). */
  eigenvalues: Float64Array;
  /** Lanczos steps taken. */
  lanczosSteps: number;
  /** Model matrix rows (m × k, row-major) at new points. */
  predictMatrix(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array;
  /** Σⱼ Xⱼ(p) βⱼ at new points, without forming the model matrix (cost m × knots). */
  predict(beta: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): Float64Array;
  /** The knot index (0 … knots − 1) of each data row (knots are numbered in order of first appearance). */
  rowKnot: Int32Array;
  /**
   * The kernel weights g = Uₖ Z β_δ of the knots (one per knot), so that the prediction at a point p is
   * Σⱼ gⱼ η(‖p − xⱼ‖) + β_{k−3} + β_{k−2}(p_x − x̄) + β_{k−1}(p_y − ȳ) (what {@link ThinPlateBasis.predict} sums).
   * @throws {RangeError} when beta does not have k entries
   */
  knotWeights(beta: ArrayLike<number>): Float64Array;
}

/**
 * Thin-plate regression spline basis of two covariates, m = 2 (Wood 2003, J. R. Statist. Soc. B
 * 65:95–114, §3; mgcv `smooth.construct.tp.smooth.spec` and `tprs_setup`, src/tprs.c): the
 * distinct data locations are the knots; E = [η(‖xᵢ − xⱼ‖)] (see {@link tpsEta}) is reduced to
 * its k largest-magnitude eigenpairs Uₖ Dₖ ({@link lanczosEigen}); with T = [1, x, y] at the
 * knots, the constraint Tᵀ Uₖ δ = 0 is absorbed by Z, an orthonormal basis of the null space of
 * (Uₖᵀ T)ᵀ (Householder QR); the basis is f = [Uₖ Dₖ Z, T] (β_δ, α) at the knots,
 * e(p)ᵀ Uₖ Z β_δ + t(p)ᵀ α at a new point p, e(p)ⱼ = η(‖p − xⱼ‖), and the penalty is
 * β_δᵀ Zᵀ Dₖ Z β_δ. Covariates are centred first (mgcv's `shift`), which changes nothing but the
 * rounding. Differences from mgcv: no column rescaling (it is transparent), and no knot
 * subsampling — mgcv uses a random 2000 of the distinct locations when there are more than
 * 2000 (`max.knots`, seed 1); this function uses all of them (callers that must match mgcv
 * beyond 2000 locations cannot).
 * @param x first covariate, one value per data row
 * @param y second covariate (same unit as x: the spline is isotropic)
 * @param k basis dimension (≥ 4, ≤ the number of distinct locations; mgcv's `k`)
 * @param opts `polar`: the points lie on a polar lattice (a faster, matrix-free eigen-step)
 * @throws {RangeError} when x and y differ in length, a value is not finite, k is not an integer ≥ 4, there are fewer distinct locations than k, or `polar` does not describe the points (sizes, indices, positions)
 */
export function thinPlateBasis(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  k: number,
  opts: ThinPlateOptions = {},
): ThinPlateBasis {
  const n = x.length;
  if (y.length !== n)
    throw new RangeError(`thinPlateBasis: x and y must have the same length, got ${n} and ${y.length}`);
  if (!(Number.isInteger(k) && k >= 4)) throw new RangeError(`thinPlateBasis: k must be an integer ≥ 4, got ${k}`);
  let mx = 0,
    my = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i]))
      throw new RangeError(`thinPlateBasis: row ${i} has a non-finite covariate`);
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  if (opts.polar) checkLattice(opts.polar, x, y);
  // distinct locations (exact equality of the centred values, as mgcv's Xd_strip)
  const key = new Map<string, number>();
  const row = new Int32Array(n);
  const ku: number[] = [],
    kv: number[] = [],
    first: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = x[i] - mx + 0,
      b = y[i] - my + 0;
    const s = `${a},${b}`;
    let j = key.get(s);
    if (j === undefined) {
      j = ku.length;
      key.set(s, j);
      ku.push(a);
      kv.push(b);
      first.push(i);
    }
    row[i] = j;
  }
  const nu = ku.length;
  if (nu < k) throw new RangeError(`thinPlateBasis: ${nu} distinct locations, fewer than the basis dimension k = ${k}`);
  const matvec = opts.polar ? latticeProduct(opts.polar, first) : denseProduct(ku, kv);
  const eig = lanczosEigen(matvec, nu, k);
  const D = eig.values;
  const T = new Float64Array(nu * 3); // [1, x, y] at the knots
  for (let i = 0; i < nu; i++) {
    T[i * 3] = 1;
    T[i * 3 + 1] = ku[i];
    T[i * 3 + 2] = kv[i];
  }
  const { UZ, X1, S, kz } = absorbNullSpace(eig.vectors, D, T, nu, k, 3);
  const X = new Float64Array(n * k);
  for (let i = 0; i < n; i++) X.set(X1.subarray(row[i] * k, row[i] * k + k), i * k);
  const knotWeights = (beta: ArrayLike<number>) => {
    if (beta.length !== k) throw new RangeError(`thinPlateBasis: beta must have k = ${k} entries, got ${beta.length}`);
    const g = new Float64Array(nu); // Uₖ Z β_δ: the kernel weights of the knots
    for (let j = 0; j < nu; j++) {
      let s = 0;
      for (let c = 0; c < kz; c++) s += UZ[j * kz + c] * beta[c];
      g[j] = s;
    }
    return g;
  };
  const checkNew = (px: ArrayLike<number>, py: ArrayLike<number>) => {
    if (px.length !== py.length)
      throw new RangeError(`thinPlateBasis: new x and y must have the same length, got ${px.length} and ${py.length}`);
  };
  return {
    k,
    n,
    knots: nu,
    X,
    S,
    shift: [mx, my],
    eigenvalues: D,
    lanczosSteps: eig.steps,
    rowKnot: row,
    knotWeights,
    predictMatrix(px, py) {
      checkNew(px, py);
      const m = px.length,
        out = new Float64Array(m * k),
        e = new Float64Array(nu);
      for (let p = 0; p < m; p++) {
        const a = px[p] - mx,
          b = py[p] - my;
        for (let j = 0; j < nu; j++) {
          const du = a - ku[j],
            dv = b - kv[j];
          e[j] = etaSq(du * du + dv * dv);
        }
        const o = p * k;
        for (let j = 0; j < nu; j++) {
          const ej = e[j];
          if (ej === 0) continue;
          for (let c = 0; c < kz; c++) out[o + c] += ej * UZ[j * kz + c];
        }
        out[o + kz] = 1;
        out[o + kz + 1] = a;
        out[o + kz + 2] = b;
      }
      return out;
    },
    predict(beta, px, py) {
      checkNew(px, py);
      const g = knotWeights(beta);
      const m = px.length,
        out = new Float64Array(m);
      for (let p = 0; p < m; p++) {
        const a = px[p] - mx,
          b = py[p] - my;
        let s = beta[kz] + beta[kz + 1] * a + beta[kz + 2] * b;
        for (let j = 0; j < nu; j++) {
          const du = a - ku[j],
            dv = b - kv[j];
          s += g[j] * etaSq(du * du + dv * dv);
        }
        out[p] = s;
      }
      return out;
    },
  };
}

/**
 * The step shared by the thin-plate regression spline bases ({@link thinPlateBasis}, and the 1-D
 * `thinPlateBasis1d`; Wood 2003 §3): from the k kernel eigenpairs Uₖ Dₖ (Uₖ nu × k) and the
 * null-space columns T (nu × M) at the knots, Z = an orthonormal basis of the null space of
 * (Uₖᵀ T)ᵀ (Householder QR), and returns Uₖ Z (nu × (k − M)), the model matrix at the knots
 * [Uₖ Dₖ Z, T] (nu × k) and the penalty Zᵀ Dₖ Z padded to k × k (zero on the M null-space columns).
 * Internal to src/stats.
 */
export function absorbNullSpace(
  U: Float64Array,
  D: Float64Array,
  T: Float64Array,
  nu: number,
  k: number,
  M: number,
): { UZ: Float64Array; X1: Float64Array; S: Float64Array; kz: number } {
  const UT = new Float64Array(k * M); // Uₖᵀ T
  for (let i = 0; i < nu; i++)
    for (let j = 0; j < k; j++) {
      const uij = U[i * k + j];
      if (uij === 0) continue;
      for (let c = 0; c < M; c++) UT[j * M + c] += uij * T[i * M + c];
    }
  const qr = householderQr(UT, k, M);
  const Z = qr.qColumns(M); // k × (k − M)
  const kz = k - M;
  const UZ = new Float64Array(nu * kz);
  const X1 = new Float64Array(nu * k);
  // row i of Uₖ Z is entries M … k − 1 of Qᵀ uᵢ (Z = columns M … k − 1 of Q): M reflections of
  // O(k) each instead of a k × (k − M) product per row
  const u = new Float64Array(k),
    ud = new Float64Array(k);
  for (let i = 0; i < nu; i++) {
    for (let j = 0; j < k; j++) {
      u[j] = U[i * k + j];
      ud[j] = u[j] * D[j];
    }
    const qu = qr.qtMul(u),
      qd = qr.qtMul(ud);
    for (let c = 0; c < kz; c++) {
      UZ[i * kz + c] = qu[M + c];
      X1[i * k + c] = qd[M + c];
    }
    for (let c = 0; c < M; c++) X1[i * k + kz + c] = T[i * M + c];
  }
  const S = new Float64Array(k * k);
  for (let a = 0; a < kz; a++)
    for (let b = a; b < kz; b++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += Z[j * kz + a] * D[j] * Z[j * kz + b];
      S[a * k + b] = S[b * k + a] = s;
    }
  return { UZ, X1, S, kz };
}

type Product = (q: Float64Array, out: Float64Array) => void;

/** E q with E = [η(‖pᵢ − pⱼ‖)] stored densely (nu² doubles): any knot layout. */
function denseProduct(ku: number[], kv: number[]): Product {
  const nu = ku.length;
  const E = new Float64Array(nu * nu);
  for (let i = 0; i < nu; i++)
    for (let j = 0; j < i; j++) {
      const du = ku[i] - ku[j],
        dv = kv[i] - kv[j];
      E[i * nu + j] = E[j * nu + i] = etaSq(du * du + dv * dv);
    }
  return (q, out) => {
    for (let i = 0; i < nu; i++) out[i] = dotAt(E, i * nu, q, nu);
  };
}

function checkLattice(p: PolarLattice, x: ArrayLike<number>, y: ArrayLike<number>): void {
  const n = x.length,
    N = p.sectors,
    nR = p.radii.length;
  if (!(Number.isInteger(N) && N >= 1))
    throw new RangeError(`thinPlateBasis: polar.sectors must be an integer ≥ 1, got ${N}`);
  if (p.sector.length !== n || p.ring.length !== n)
    throw new RangeError(`thinPlateBasis: polar.sector and polar.ring must have one entry per point (${n})`);
  let rmax = 0;
  for (let r = 0; r < nR; r++) {
    if (!(p.radii[r] >= 0 && Number.isFinite(p.radii[r])))
      throw new RangeError(`thinPlateBasis: polar.radii[${r}] must be finite and ≥ 0, got ${p.radii[r]}`);
    rmax = Math.max(rmax, p.radii[r]);
  }
  const tol = 1e-9 * (rmax || 1);
  for (let i = 0; i < n; i++) {
    const s = p.sector[i],
      r = p.ring[i];
    if (!(Number.isInteger(s) && s >= 0 && s < N && Number.isInteger(r) && r >= 0 && r < nR))
      throw new RangeError(`thinPlateBasis: point ${i} has lattice indices (sector ${s}, ring ${r}) out of range`);
    const th = (2 * Math.PI * s) / N,
      rad = p.radii[r];
    if (Math.abs(x[i] - rad * Math.sin(th)) > tol || Math.abs(y[i] - rad * Math.cos(th)) > tol)
      throw new RangeError(
        `thinPlateBasis: point ${i} (${x[i]}, ${y[i]}) is not at its lattice position (radius ${rad}, sector ${s} of ${N})`,
      );
  }
}

/**
 * E q for knots on a polar lattice (see {@link ThinPlateOptions}): with c_ab(d) = η(distance of
 * ring a at sector 0 and ring b at sector d), (E q)ₚ = Σ_q c_{a(p) b(q)}(s(p) − s(q) mod N) q_q. The
 * sums over sectors are circular convolutions, diagonal in the discrete Fourier basis: with
 * Ĉ_ab(f) = Σ_d c_ab(d) cos(2πfd/N) (real, as c_ab(d) = c_ab(N − d)), A_b(f) = Σ q cos(2πfs/N),
 * B_b(f) = Σ q sin(2πfs/N) over the knots of ring b, (E q)ₚ = (1/N) Σ_{f=0}^{⌊N/2⌋} w_f
 * [(Ĉ A)_{a(p)}(f) cos(2πf s(p)/N) + (Ĉ B)_{a(p)}(f) sin(2πf s(p)/N)], w_f = 1 for f = 0 and N/2, else 2.
 * `first[j]` is a data row of knot j.
 */
function latticeProduct(p: PolarLattice, first: number[]): Product {
  const N = p.sectors,
    nR = p.radii.length,
    H = Math.floor(N / 2) + 1,
    nu = first.length;
  // cos/sin(2π m/N) for m = f·d mod N
  const cosT = new Float64Array(N),
    sinT = new Float64Array(N);
  for (let m = 0; m < N; m++) {
    cosT[m] = Math.cos((2 * Math.PI * m) / N);
    sinT[m] = Math.sin((2 * Math.PI * m) / N);
  }
  // c_ab(d), d ≤ N/2 computed, mirrored: exact symmetry c_ab(d) = c_ab(N − d) = c_ba(d)
  const c = new Float64Array(nR * nR * N);
  for (let a = 0; a < nR; a++)
    for (let b = a; b < nR; b++)
      for (let d = 0; 2 * d <= N; d++) {
        const ra = p.radii[a],
          rb = p.radii[b];
        const du = rb * sinT[d],
          dv = rb * cosT[d] - ra;
        const e = etaSq(du * du + dv * dv);
        c[(a * nR + b) * N + d] = c[(b * nR + a) * N + d] = e;
        if (d > 0) c[(a * nR + b) * N + N - d] = c[(b * nR + a) * N + N - d] = e;
      }
  // Ĉ(f) per frequency, nR × nR, row-major: C[(f·nR + a)·nR + b]
  const C = new Float64Array(H * nR * nR);
  for (let f = 0; f < H; f++)
    for (let a = 0; a < nR; a++)
      for (let b = a; b < nR; b++) {
        let s = 0;
        const o = (a * nR + b) * N;
        for (let d = 0, m = 0; d < N; d++, m = (m + f) % N) s += c[o + d] * cosT[m];
        C[(f * nR + a) * nR + b] = C[(f * nR + b) * nR + a] = s;
      }
  // per sector: cos/sin of f·sector (forward) and the same × w_f / N (back), H per sector
  const cs = new Float64Array(N * H),
    sn = new Float64Array(N * H),
    csW = new Float64Array(N * H),
    snW = new Float64Array(N * H);
  for (let sec = 0; sec < N; sec++)
    for (let f = 0; f < H; f++) {
      const w = (f === 0 || 2 * f === N ? 1 : 2) / N,
        m = (f * sec) % N;
      cs[sec * H + f] = cosT[m];
      sn[sec * H + f] = sinT[m];
      csW[sec * H + f] = w * cosT[m];
      snW[sec * H + f] = w * sinT[m];
    }
  const ringOf = new Int32Array(nu),
    secOf = new Int32Array(nu);
  for (let j = 0; j < nu; j++) {
    ringOf[j] = p.ring[first[j]] * H;
    secOf[j] = p.sector[first[j]] * H;
  }
  if (N % 4 === 0) return foldedProduct(N, nR, C, cosT, sinT, ringOf, secOf, H);
  const A = new Float64Array(nR * H),
    B = new Float64Array(nR * H),
    At = new Float64Array(H * nR),
    Bt = new Float64Array(H * nR),
    YA = new Float64Array(H * nR), // frequency-major
    YB = new Float64Array(H * nR),
    ones = new Float64Array(H).fill(1);
  return (q, out) => {
    A.fill(0);
    B.fill(0);
    for (let j = 0; j < nu; j++) {
      const x = q[j];
      if (x === 0) continue;
      const o = ringOf[j],
        so = secOf[j];
      for (let f = 0; f < H; f++) {
        A[o + f] += x * cs[so + f];
        B[o + f] += x * sn[so + f];
      }
    }
    for (let b = 0; b < nR; b++)
      for (let f = 0; f < H; f++) {
        At[f * nR + b] = A[b * H + f];
        Bt[f * nR + b] = B[b * H + f];
      }
    mixRings(C, At, Bt, H, nR, YA, YB, ones);
    for (let j = 0; j < nu; j++) {
      const r = ringOf[j] / H,
        so = secOf[j];
      let s = 0;
      for (let f = 0; f < H; f++) s += YA[f * nR + r] * csW[so + f] + YB[f * nR + r] * snW[so + f];
      out[j] = s;
    }
  };
}

/**
 * The lattice product of {@link latticeProduct} for N a multiple of 4 (the 36 or 72 direction bins
 * of a polar plot), with the sector sums folded twice, as the first two stages of a fast Fourier
 * transform: sectors s and N − s share cos(2πfs/N) and have opposite sin, and frequencies f and
 * N/2 − f share them up to the sign (−1)^s; so the transforms over the sectors of each ring cost
 * (N/4 + 1)(N/2 + 1) products for the cosines and as many for the sines instead of N(N/2 + 1) each.
 * The knots' vector is first scattered onto the full lattice (zero where there is no knot).
 * `ringOf`/`secOf` are the ring and sector of each knot, times H.
 */
function foldedProduct(
  N: number,
  nR: number,
  C: Float64Array,
  cosT: Float64Array,
  sinT: Float64Array,
  ringOf: Int32Array,
  secOf: Int32Array,
  H: number,
): Product {
  const half = N / 2,
    Q = N / 4,
    S = half + 1,
    F = Q + 1,
    nu = ringOf.length;
  // c(f, s), sn(f, s) for f ≤ N/4, s ≤ N/2
  const c = new Float64Array(F * S),
    sn = new Float64Array(F * S);
  for (let f = 0; f < F; f++)
    for (let t = 0; t < S; t++) {
      c[f * S + t] = cosT[(f * t) % N];
      sn[f * S + t] = sinT[(f * t) % N];
    }
  // the same tables frequency-fastest, for the back transform
  const cT = new Float64Array(S * F),
    snT = new Float64Array(S * F);
  for (let f = 0; f < F; f++)
    for (let t = 0; t < S; t++) {
      cT[t * F + f] = c[f * S + t];
      snT[t * F + f] = sn[f * S + t];
    }
  const ring = new Int32Array(nu),
    sec = new Int32Array(nu);
  for (let j = 0; j < nu; j++) {
    ring[j] = ringOf[j] / H;
    sec[j] = secOf[j] / H;
  }
  const lat = new Float64Array(nR * N), // the vector on the full lattice, ring-major
    P = new Float64Array(S),
    Mi = new Float64Array(S),
    At = new Float64Array(H * nR), // frequency-major
    Bt = new Float64Array(H * nR),
    YA = new Float64Array(H * nR),
    YB = new Float64Array(H * nR),
    cA = new Float64Array(F * 2), // per f: the even-s and odd-s coefficients of the cosines
    cB = new Float64Array(F * 2);
  const wf = Float64Array.from({ length: H }, (_, f) => (f === 0 || f === half ? 1 : 2) / N);
  return (q, out) => {
    lat.fill(0);
    for (let j = 0; j < nu; j++) lat[ring[j] * N + sec[j]] = q[j];
    for (let b = 0; b < nR; b++) {
      const o = b * N;
      P[0] = lat[o];
      Mi[0] = 0;
      P[half] = lat[o + half];
      Mi[half] = 0;
      for (let t = 1; t < half; t++) {
        P[t] = lat[o + t] + lat[o + N - t];
        Mi[t] = lat[o + t] - lat[o + N - t];
      }
      for (let f = 0; f < F; f++) {
        const fo = f * S;
        let ec = 0,
          oc = 0,
          es = 0,
          os = 0;
        for (let t = 0; t < S - 1; t += 2) {
          ec += P[t] * c[fo + t];
          es += Mi[t] * sn[fo + t];
          oc += P[t + 1] * c[fo + t + 1];
          os += Mi[t + 1] * sn[fo + t + 1];
        }
        ec += P[half] * c[fo + half]; // half is even
        es += Mi[half] * sn[fo + half];
        At[f * nR + b] = ec + oc;
        Bt[f * nR + b] = es + os;
        const g = half - f;
        if (g !== f) {
          At[g * nR + b] = ec - oc;
          Bt[g * nR + b] = os - es;
        }
      }
    }
    mixRings(C, At, Bt, H, nR, YA, YB, wf);
    for (let a = 0; a < nR; a++) {
      for (let f = 0; f < F; f++) {
        const g = half - f,
          ya = YA[f * nR + a],
          yb = YB[f * nR + a];
        if (g !== f) {
          const ya2 = YA[g * nR + a],
            yb2 = YB[g * nR + a];
          cA[2 * f] = ya + ya2;
          cA[2 * f + 1] = ya - ya2;
          cB[2 * f] = yb - yb2;
          cB[2 * f + 1] = yb + yb2;
        } else {
          cA[2 * f] = cA[2 * f + 1] = ya;
          cB[2 * f] = cB[2 * f + 1] = yb;
        }
      }
      const o = a * N;
      for (let t = 0; t < S; t++) {
        const par = t & 1;
        let cc = 0,
          dd = 0;
        const to = t * F;
        for (let f = 0; f < F; f++) {
          cc += cT[to + f] * cA[2 * f + par];
          dd += snT[to + f] * cB[2 * f + par];
        }
        lat[o + t] = cc + dd;
        if (t > 0 && t < half) lat[o + N - t] = cc - dd;
      }
    }
    for (let j = 0; j < nu; j++) out[j] = lat[ring[j] * N + sec[j]];
  };
}

/**
 * The middle step of the lattice products: per frequency f, Y(f) = w_f Ĉ(f) X(f) for the cosine
 * and sine parts (X, Y frequency-major, H × rings; Ĉ(f) rings × rings, `C[(f·nR + a)·nR + b]`).
 */
function mixRings(
  C: Float64Array,
  At: Float64Array,
  Bt: Float64Array,
  H: number,
  nR: number,
  YA: Float64Array,
  YB: Float64Array,
  w: Float64Array,
): void {
  for (let f = 0; f < H; f++) {
    const fo = f * nR,
      wf = w[f];
    for (let a = 0; a < nR; a++) {
      const o = (f * nR + a) * nR;
      let sa = 0,
        sb = 0;
      for (let b = 0; b < nR; b++) {
        const cab = C[o + b];
        sa += cab * At[fo + b];
        sb += cab * Bt[fo + b];
      }
      YA[fo + a] = wf === 1 ? sa : wf * sa;
      YB[fo + a] = wf === 1 ? sb : wf * sb;
    }
  }
}
