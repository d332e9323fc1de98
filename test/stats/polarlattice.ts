import { Rng } from "../../src/random/rng";

/**
 * Points of a polar lattice (N sectors from +y towards +x, the given ring radii) except those
 * `empty(sector, ring)` leaves out, with a response z = f(x, y) + N(0, 0.05²) noise (seeded).
 */
export function latticePoints(
  N: number,
  radii: number[],
  empty: (s: number, r: number) => boolean,
  f: (x: number, y: number) => number,
  seed: number,
) {
  const x: number[] = [],
    y: number[] = [],
    sector: number[] = [],
    ring: number[] = [],
    z: number[] = [];
  const rng = new Rng(seed);
  for (let s = 0; s < N; s++)
    for (let r = 0; r < radii.length; r++) {
      if (empty(s, r)) continue;
      const th = (2 * Math.PI * s) / N;
      x.push(radii[r] * Math.sin(th));
      y.push(radii[r] * Math.cos(th));
      sector.push(s);
      ring.push(r);
      z.push(f(x[x.length - 1], y[y.length - 1]) + 0.05 * rng.normal());
    }
  return { x, y, sector, ring, z };
}
