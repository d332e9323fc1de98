import { etaSq, type PolarLattice, type ThinPlateBasis } from "../stats/tprs";

/** The points of the square grid on `nodes` × `nodes`, row-major, u fastest: entry iv·G + iu is (nodes[iu], nodes[iv]). */
export function gridPoints(nodes: ArrayLike<number>): { u: Float64Array; v: Float64Array } {
  const G = nodes.length;
  const u = new Float64Array(G * G),
    v = new Float64Array(G * G);
  for (let iv = 0; iv < G; iv++)
    for (let iu = 0; iu < G; iu++) {
      u[iv * G + iu] = nodes[iu];
      v[iv * G + iu] = nodes[iv];
    }
  return { u, v };
}

/**
 * The prediction of a thin-plate spline fit ({@link ThinPlateBasis}) whose knots lie on a polar
 * lattice, on the square grid of nodes (`nodes[iu]`, `nodes[iv]`) centred on the lattice's centre,
 * using the symmetries the two share (internal to the GAM polar plot). The lattice of N sectors
 * (N a multiple of 4) is mapped onto itself by the 8 symmetries of the square (reflections
 * u → −u, v → −v and u ↔ v, and their compositions; sector a goes to −a, N/2 − a and N/4 − a mod N),
 * and so is a grid with nodes[G − 1 − i] = −nodes[i]. With δ the kernel weights of the knots
 * (`knotWeights`, zero on lattice points without a knot) and g such a symmetry,
 * Σ_x δ(x) η(‖g p − x‖) = Σ_x δ(g x) η(‖p − x‖): the kernel row e(p) = [η(‖p − x‖)] over the
 * lattice is evaluated for one node of each orbit only (about 1/8 of the nodes) and dotted with the
 * 8 permuted weight vectors; the polynomial part β_{k−3} + β_{k−2}(u − ū) + β_{k−1}(v − v̄) is
 * added at each node. Equal to `basis.predict(beta, u, v)` up to rounding (the kernel of the
 * image node is that of its orbit's node: the two positions agree to rounding). Falls back to
 * `basis.predict` when N is not a multiple of 4 or the nodes are not symmetric about 0 (within
 * 10⁻¹² of their range).
 * @param basis the basis the fit was made with (its data rows are the lattice's points)
 * @param beta the fit's coefficients (k)
 * @param lattice the polar lattice of the basis's data rows (sector and ring of each data row, radii in the unit of u, v)
 * @param nodes the grid's coordinates along each axis (same unit), increasing
 * @returns the predictions, row-major G × G: entry iv·G + iu is at (nodes[iu], nodes[iv])
 * @throws {RangeError} when beta does not have k entries or the lattice does not have one sector and ring per data row
 */
export function predictPolarGrid(
  basis: ThinPlateBasis,
  beta: ArrayLike<number>,
  lattice: PolarLattice,
  nodes: ArrayLike<number>,
): Float64Array {
  const G = nodes.length,
    N = lattice.sectors,
    nR = lattice.radii.length;
  if (lattice.sector.length !== basis.n || lattice.ring.length !== basis.n)
    throw new RangeError(
      `predictPolarGrid: the lattice must give a sector and a ring for each of the ${basis.n} data rows`,
    );
  const g = basis.knotWeights(beta);
  let span = 0;
  for (let i = 0; i < G; i++) span = Math.max(span, Math.abs(nodes[i]));
  let symmetric = N % 4 === 0 && N > 0;
  for (let i = 0; i < G && symmetric; i++)
    if (Math.abs(nodes[i] + nodes[G - 1 - i]) > 1e-12 * (span || 1)) symmetric = false;
  if (!symmetric) {
    const { u, v } = gridPoints(nodes);
    return basis.predict(beta, u, v);
  }
  const L = N * nR;
  // the knots' weights on the lattice (point a·nR + b: sector a, ring b)
  const delta = new Float64Array(L);
  const seen = new Uint8Array(basis.knots);
  for (let i = 0; i < basis.n; i++) {
    const j = basis.rowKnot[i];
    if (seen[j]) continue;
    seen[j] = 1;
    delta[lattice.sector[i] * nR + lattice.ring[i]] = g[j];
  }
  const lu = new Float64Array(L),
    lv = new Float64Array(L);
  for (let a = 0; a < N; a++) {
    const th = (2 * Math.PI * a) / N;
    for (let b = 0; b < nR; b++) {
      lu[a * nR + b] = lattice.radii[b] * Math.sin(th);
      lv[a * nR + b] = lattice.radii[b] * Math.cos(th);
    }
  }
  // the 8 symmetries: first swap u ↔ v (e), then u → −u (α), then v → −v (β); sector maps σ
  const mod = (x: number) => ((x % N) + N) % N;
  const perms: Float64Array[] = [];
  const nodeMaps: ((iu: number, iv: number) => number)[] = [];
  const m = (i: number) => G - 1 - i;
  for (let e = 0; e < 2; e++)
    for (let al = 0; al < 2; al++)
      for (let be = 0; be < 2; be++) {
        const sigma = (a: number) => {
          let s = e ? mod(N / 4 - a) : a;
          if (al) s = mod(-s);
          if (be) s = mod(N / 2 - s);
          return s;
        };
        const d = new Float64Array(L);
        for (let a = 0; a < N; a++) {
          const sa = sigma(a);
          for (let b = 0; b < nR; b++) d[a * nR + b] = delta[sa * nR + b];
        }
        perms.push(d);
        nodeMaps.push((iu, iv) => {
          let x = e ? iv : iu,
            y = e ? iu : iv;
          if (al) x = m(x);
          if (be) y = m(y);
          return y * G + x;
        });
      }
  const [mx, my] = basis.shift;
  const kz = basis.k - 3;
  const b0 = beta[kz],
    bu = beta[kz + 1],
    bv = beta[kz + 2];
  const out = new Float64Array(G * G);
  const done = new Uint8Array(G * G);
  const row = new Float64Array(L);
  for (let iv = 0; iv < G; iv++)
    for (let iu = 0; iu < G; iu++) {
      if (done[iv * G + iu]) continue;
      const pu = nodes[iu],
        pv = nodes[iv];
      for (let x = 0; x < L; x++) {
        const du = pu - lu[x],
          dv = pv - lv[x];
        row[x] = etaSq(du * du + dv * dv);
      }
      for (let t = 0; t < 8; t++) {
        const q = nodeMaps[t](iu, iv);
        if (done[q]) continue;
        done[q] = 1;
        const d = perms[t];
        let s0 = 0,
          s1 = 0;
        let x = 0;
        for (; x + 1 < L; x += 2) {
          s0 += d[x] * row[x];
          s1 += d[x + 1] * row[x + 1];
        }
        for (; x < L; x++) s0 += d[x] * row[x];
        const qu = q % G,
          qv = (q - qu) / G;
        out[q] = s0 + s1 + b0 + bu * (nodes[qu] - mx) + bv * (nodes[qv] - my);
      }
    }
  return out;
}
