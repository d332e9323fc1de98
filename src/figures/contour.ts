/**
 * Contour lines (isolines) of a function sampled on a rectilinear grid, by marching squares, for
 * figures that draw isopleths as line marks (Vega-Lite has no contour mark for gridded values).
 * @packageDocumentation
 */

/** One contour level: its polylines in data coordinates. */
export interface ContourLevel {
  /** The level (the value on every point of the lines). */
  level: number;
  /** Polylines, each a list of points (x, y); a closed line repeats its first point at the end. */
  lines: { x: number; y: number }[][];
}

/**
 * Contour lines of z(x, y) on a rectilinear grid by marching squares (Lorensen & Cline 1987,
 * *Computer Graphics* 21(4), 163–169, the 2-D case): each grid cell's four corners are classed as
 * ≥ level or below; where an edge joins a corner of each class, the line crosses it at the point of
 * linear interpolation between the two corner values; a cell with two opposite corners above and two
 * below (a saddle) is resolved by the mean of its four corners (the line separates the corners whose
 * class differs from the centre's). The segments are then joined end to end into polylines.
 *
 * Cells with a non-finite corner are skipped (the line stops at them). Coordinates may be unequally
 * spaced; interpolation is linear in the coordinates as given (pass log values for a log axis).
 *
 * @param z - values, `z[i][j]` at (`xs[i]`, `ys[j]`): one row per x, one column per y
 * @param xs - the x coordinates, strictly increasing (at least 2)
 * @param ys - the y coordinates, strictly increasing (at least 2)
 * @param levels - the contour levels
 * @returns one entry per level (in the order given), with its polylines
 * @throws {RangeError} when the grid is smaller than 2 × 2, the coordinates are not strictly increasing
 *   and finite, `z` does not have `xs.length` rows of `ys.length` values, or a level is not finite
 */
export function contourLines(
  z: readonly (readonly number[])[] | readonly ArrayLike<number>[],
  xs: readonly number[],
  ys: readonly number[],
  levels: readonly number[],
): ContourLevel[] {
  const nx = xs.length,
    ny = ys.length;
  if (nx < 2 || ny < 2) throw new RangeError(`contourLines: the grid must be at least 2 × 2, got ${nx} × ${ny}`);
  for (const [name, v] of [
    ["xs", xs],
    ["ys", ys],
  ] as const)
    for (let i = 0; i < v.length; i++)
      if (!Number.isFinite(v[i]) || (i > 0 && !(v[i] > v[i - 1])))
        throw new RangeError(`contourLines: ${name} must be finite and strictly increasing (at index ${i})`);
  if (z.length !== nx) throw new RangeError(`contourLines: z has ${z.length} rows for ${nx} x values`);
  for (let i = 0; i < nx; i++)
    if (z[i].length !== ny) throw new RangeError(`contourLines: z[${i}] has ${z[i].length} values for ${ny} y values`);
  for (const l of levels) if (!Number.isFinite(l)) throw new RangeError(`contourLines: level ${l} is not finite`);
  return levels.map((level) => ({ level, lines: joinSegments(cellSegments(z, xs, ys, level)) }));
}

type Pt = { x: number; y: number };

/** The segments of one level, cell by cell. */
function cellSegments(z: readonly ArrayLike<number>[], xs: readonly number[], ys: readonly number[], level: number) {
  const segs: [Pt, Pt][] = [];
  const lerp = (a: number, b: number, za: number, zb: number) => a + ((level - za) / (zb - za)) * (b - a);
  for (let i = 0; i + 1 < xs.length; i++)
    for (let j = 0; j + 1 < ys.length; j++) {
      // corners counter-clockwise from (x_i, y_j): 0 = (i, j), 1 = (i+1, j), 2 = (i+1, j+1), 3 = (i, j+1)
      const v = [z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1]];
      if (!v.every(Number.isFinite)) continue;
      const up = v.map((q) => q >= level);
      const code = (up[0] ? 1 : 0) | (up[1] ? 2 : 0) | (up[2] ? 4 : 0) | (up[3] ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // the crossing on each edge: 0 bottom (0–1), 1 right (1–2), 2 top (3–2), 3 left (0–3)
      const edge = (e: number): Pt => {
        switch (e) {
          case 0:
            return { x: lerp(xs[i], xs[i + 1], v[0], v[1]), y: ys[j] };
          case 1:
            return { x: xs[i + 1], y: lerp(ys[j], ys[j + 1], v[1], v[2]) };
          case 2:
            return { x: lerp(xs[i], xs[i + 1], v[3], v[2]), y: ys[j + 1] };
          default:
            return { x: xs[i], y: lerp(ys[j], ys[j + 1], v[0], v[3]) };
        }
      };
      const crossing = [0, 1, 2, 3].filter((e) => up[e] !== up[(e + 1) % 4]);
      if (crossing.length === 2) {
        segs.push([edge(crossing[0]), edge(crossing[1])]);
        continue;
      }
      // saddle (codes 5 and 10): every edge is crossed; pair them by the centre's class
      const centreUp = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
      // corner k lies between edges k-1 and k; cut off each corner whose class differs from the centre's
      for (let k = 0; k < 4; k++) if (up[k] !== centreUp) segs.push([edge((k + 3) % 4), edge(k)]);
    }
  return segs;
}

/** Join segments that share end points into polylines. */
function joinSegments(segs: [Pt, Pt][]): Pt[][] {
  const key = (p: Pt) => `${p.x.toPrecision(12)},${p.y.toPrecision(12)}`;
  const at = new Map<string, number[]>();
  segs.forEach((s, q) => {
    for (const p of s) {
      const k = key(p);
      const list = at.get(k);
      if (list) list.push(q);
      else at.set(k, [q]);
    }
  });
  const used = new Uint8Array(segs.length);
  const lines: Pt[][] = [];
  const next = (p: Pt): [Pt, Pt] | undefined => {
    for (const q of at.get(key(p)) ?? []) {
      if (used[q]) continue;
      used[q] = 1;
      const s = segs[q];
      return key(s[0]) === key(p) ? [s[0], s[1]] : [s[1], s[0]];
    }
    return undefined;
  };
  for (let q = 0; q < segs.length; q++) {
    if (used[q]) continue;
    used[q] = 1;
    const line: Pt[] = [segs[q][0], segs[q][1]];
    // extend forwards, then backwards
    for (let s = next(line[line.length - 1]); s; s = next(line[line.length - 1])) line.push(s[1]);
    for (let s = next(line[0]); s; s = next(line[0])) line.unshift(s[1]);
    lines.push(line);
  }
  return lines;
}
