import { describe, expect, it } from "vitest";
import { hclust } from "../../src/stats/hclust";

const euclid = (pts: number[][]) => pts.map((a) => pts.map((b) => Math.hypot(...a.map((v, k) => v - b[k]))));

describe("hclust (R's stats::hclust conventions)", () => {
  it("four points on a line, by hand", () => {
    // 0, 1, 3, 7: complete linkage merges {1,2} at 1, then {1,2}+3 at max(3, 2) = 3, then all at max(7, 6, 4) = 7
    const d = euclid([[0], [1], [3], [7]]);
    const c = hclust(d);
    expect(c.merge).toEqual([
      [-1, -2],
      [-3, 1], // a singleton before a cluster, as R
      [-4, 2],
    ]);
    expect(c.height).toEqual([1, 3, 7]);
    expect(c.order).toEqual([3, 2, 0, 1]);
    // single linkage: 1, then 3 joins at 2, then 7 at 4
    expect(hclust(d, "single").height).toEqual([1, 2, 4]);
    // average: {1,2}–3 = (3 + 2)/2 = 2.5; {1,2,3}–7 = (7 + 6 + 4)/3
    expect(hclust(d, "average").height).toEqual([1, 2.5, 17 / 3]);
  });

  // R 4 output: set.seed(3); x <- matrix(round(rnorm(40), 1), 10); hclust(dist(x)) and hclust(dist(x), "average")
  const x = [
    [-1, -0.7, -0.6, 0.9],
    [-0.3, -1.1, -0.9, 0.9],
    [0.3, -0.7, -0.2, 0.7],
    [-1.2, 0.3, -1.7, 0.7],
    [0.2, 0.2, -0.5, -0.4],
    [0, -0.3, -0.7, 0.7],
    [0.1, -1, 1.2, 1.3],
    [1.1, -0.6, 1, 0],
    [-1.2, 1.2, -0.1, -1],
    [1.3, 0.2, -1.1, 0.8],
  ];
  it("matches R's merge, heights and order (complete)", () => {
    const c = hclust(euclid(x));
    expect(c.merge).toEqual([
      [-3, -6],
      [-1, -2],
      [1, 2],
      [-7, -8],
      [-5, -10],
      [-4, 3],
      [5, 6],
      [-9, 7],
      [4, 8],
    ]);
    const h = [0.707107, 0.860233, 1.374773, 1.7, 1.734935, 2.345208, 2.574879, 3.38969, 3.725587];
    c.height.forEach((v, i) => expect(v).toBeCloseTo(h[i], 6));
    expect(c.order.map((i) => i + 1)).toEqual([7, 8, 9, 5, 10, 4, 3, 6, 1, 2]);
  });
  it("matches R (average)", () => {
    const c = hclust(euclid(x), "average");
    expect(c.merge).toEqual([
      [-3, -6],
      [-1, -2],
      [1, 2],
      [-5, 3],
      [-7, -8],
      [-10, 4],
      [-4, 6],
      [5, 7],
      [-9, 8],
    ]);
    const h = [0.707107, 0.860233, 1.099867, 1.657811, 1.7, 1.880959, 2.01892, 2.451456, 2.917961];
    c.height.forEach((v, i) => expect(v).toBeCloseTo(h[i], 6));
    expect(c.order.map((i) => i + 1)).toEqual([9, 7, 8, 4, 10, 5, 3, 6, 1, 2]);
  });
  it("bad input", () => {
    expect(() => hclust([[0]])).toThrow(RangeError);
    expect(() =>
      hclust([
        [0, 1],
        [2, 0],
      ]),
    ).toThrow(/symmetric/);
    expect(() =>
      hclust(
        [
          [0, 1],
          [1, 0],
        ],
        "ward" as never,
      ),
    ).toThrow(/unknown method/);
  });
});
