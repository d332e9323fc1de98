import { describe, expect, it } from "vitest";
import { thinPlateBasis } from "../../src/stats/tprs";
import { penalisedGcvFit } from "../../src/stats/gcvfit";
import { predictPolarGrid } from "../../src/directional/polarpredict";
import { latticePoints } from "../stats/polarlattice";

/** Points of a polar lattice, every `skip`-th lattice point left out, and a noisy bump at (3, −2). */
const lattice = (N: number, radii: number[], skip: number, seed: number) =>
  latticePoints(
    N,
    radii,
    (s, r) => (s * radii.length + r) % skip === 3,
    (u, v) => Math.exp(-((u - 3) ** 2 + (v + 2) ** 2) / 4),
    seed,
  );

/**
 * The reference prediction at (pu, pv): the basis' prediction matrix row (Σ over the knots of
 * η(‖p − xⱼ‖)·(UₖZ)ⱼ·, then 1, u, v; Wood 2003 §3) times β — built from UₖZ directly, so it does not
 * share `knotWeights` or `rowKnot` with `predictPolarGrid`.
 */
function bruteForce(b: ReturnType<typeof thinPlateBasis>, beta: Float64Array, pu: number, pv: number): number {
  const row = b.predictMatrix([pu], [pv]);
  let s = 0;
  for (let c = 0; c < b.k; c++) s += row[c] * beta[c];
  return s;
}

describe("predictPolarGrid: the fit on a square grid by the lattice's 8 symmetries", () => {
  const cases: [string, number, number[], number, number][] = [
    [
      "36 sectors, ring 0 at the origin (openair's speed positions), every 7th point empty, 51 nodes",
      36,
      Array.from({ length: 12 }, (_, j) => (j * 9) / 11),
      7,
      51,
    ],
    [
      "72 sectors, ring centres (j + ½)·0.5, every 5th point empty, 50 nodes (even)",
      72,
      Array.from({ length: 10 }, (_, j) => (j + 0.5) * 0.5),
      5,
      50,
    ],
  ];
  for (const [what, N, radii, skip, G] of cases)
    it(`${what}: equals the prediction-matrix row × β at every node`, () => {
      const { x, y, sector, ring, z } = lattice(N, radii, skip, 3);
      const b = thinPlateBasis(x, y, 30, { polar: { sectors: N, radii, sector, ring } });
      const fit = penalisedGcvFit(b.X, b.n, b.k, z, b.S);
      const top = radii[radii.length - 1];
      const nodes = Float64Array.from({ length: G }, (_, i) => -top + (2 * top * i) / (G - 1));
      const p = predictPolarGrid(b, fit.coefficients, { sectors: N, radii, sector, ring }, nodes);
      expect(p.length).toBe(G * G);
      let scale = 0;
      for (const q of p) scale = Math.max(scale, Math.abs(q));
      expect(scale).toBeGreaterThan(0.5); // the bump of height 1 is there
      let worst = 0;
      for (let iv = 0; iv < G; iv++)
        for (let iu = 0; iu < G; iu++)
          worst = Math.max(worst, Math.abs(p[iv * G + iu] - bruteForce(b, fit.coefficients, nodes[iu], nodes[iv])));
      expect(worst / scale).toBeLessThan(1e-11);
      // the surface is not itself symmetric (the bump is at (3, −2)): the symmetry is in the kernel only
      expect(Math.abs(p[0] - p[G * G - 1])).toBeGreaterThan(1e-3);
    });
  it("falls back to the direct sum when the sectors are not a multiple of 4 or the nodes are not symmetric", () => {
    const radii = [0.5, 1, 1.5, 2, 2.5, 3];
    const { x, y, sector, ring, z } = lattice(30, radii, 9, 5);
    const b = thinPlateBasis(x, y, 20, { polar: { sectors: 30, radii, sector, ring } });
    const fit = penalisedGcvFit(b.X, b.n, b.k, z, b.S);
    const nodes = [-3, -1.2, 0, 0.7, 3];
    const p = predictPolarGrid(b, fit.coefficients, { sectors: 30, radii, sector, ring }, nodes);
    for (let iv = 0; iv < 5; iv++)
      for (let iu = 0; iu < 5; iu++)
        expect(p[iv * 5 + iu]).toBeCloseTo(bruteForce(b, fit.coefficients, nodes[iu], nodes[iv]), 10);
  });
  it("RangeError when the lattice does not give each data row a sector and a ring, or beta has the wrong length", () => {
    const radii = [1, 2, 3];
    const { x, y, sector, ring, z } = lattice(8, radii, 100, 1);
    const b = thinPlateBasis(x, y, 6, { polar: { sectors: 8, radii, sector, ring } });
    const fit = penalisedGcvFit(b.X, b.n, b.k, z, b.S);
    expect(() =>
      predictPolarGrid(b, fit.coefficients, { sectors: 8, radii, sector: sector.slice(1), ring }, [-1, 1]),
    ).toThrow(RangeError);
    expect(() => predictPolarGrid(b, [1, 2], { sectors: 8, radii, sector, ring }, [-1, 1])).toThrow(RangeError);
  });
});
