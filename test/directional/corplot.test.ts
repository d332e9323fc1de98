import { describe, expect, it } from "vitest";
import { corPlot } from "../../src/directional/corplot";
import { corPlotSpec } from "../../src/directional/figures-polarx";
import { kendallTau } from "../../src/stats/kendall";

describe("corPlot (openair): pairwise-complete correlations, hclust(dist(r)) order", () => {
  // a and b rise together, c falls with them, d is unrelated; b has a missing value
  const cols = {
    a: [1, 2, 3, 4, 5, 6],
    d: [2, 1, 2, 1, 2, 1],
    b: [2, 4, 6, NaN, 10, 13],
    c: [6, 5, 4, 3, 2, 1],
  };
  it("pairwise complete: r(a, b) uses the 5 rows where both are finite", () => {
    const r = corPlot(cols, { cluster: false });
    expect(r.names).toEqual(["a", "d", "b", "c"]);
    const ab = r.r[0][2];
    // by hand over rows 1, 2, 3, 5, 6: a = 1, 2, 3, 5, 6 (mean 3.4), b = 2, 4, 6, 10, 13 (mean 7)
    // Σdx·dy = (−2.4)(−5) + (−1.4)(−3) + (−0.4)(−1) + 1.6·3 + 2.6·6 = 12 + 4.2 + 0.4 + 4.8 + 15.6 = 37
    // Σdx² = 5.76 + 1.96 + 0.16 + 2.56 + 6.76 = 17.2; Σdy² = 25 + 9 + 1 + 9 + 36 = 80
    expect(ab).toBeCloseTo(37 / Math.sqrt(17.2 * 80), 14);
    expect(r.n[0][2]).toBe(5);
    expect(r.r[0][3]).toBeCloseTo(-1, 14);
  });
  it("the clustered order puts a and b (the closest rows of r) side by side", () => {
    const r = corPlot(cols);
    // rows of r: a ≈ b (both ≈ (1, ·, 1, −1)) merge first
    expect(r.clustering!.merge[0].map((m) => -m - 1).sort()).toEqual([0, 2]); // a and b in input order
    const i = r.names.indexOf("a"),
      j = r.names.indexOf("b");
    expect(Math.abs(i - j)).toBe(1);
    expect(r.clustering!.height.length).toBe(3);
  });
  it("spearman and kendall by hand", () => {
    const s = corPlot({ x: [1, 2, 3, 4], y: [1, 3, 2, 4] }, { method: "spearman", cluster: false });
    // ranks equal the values: d² = 0 + 1 + 1 + 0 → ρ = 1 − 6·2/(4·15) = 0.8
    expect(s.r[0][1]).toBeCloseTo(0.8, 14);
    const k = corPlot({ x: [1, 2, 3, 4], y: [1, 3, 2, 4] }, { method: "kendall", cluster: false });
    // 6 pairs, one discordant (2,3): τ = (5 − 1)/6
    expect(k.r[0][1]).toBeCloseTo(4 / 6, 14);
    // τ_b with ties: x = 1, 1, 2; y = 1, 2, 3 → S = 0 + 1 + 1 = 2, n_x pairs 2, n_y pairs 3 → 2/√6
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 14);
  });
  it("a constant column is dropped; figure; bad arguments", () => {
    const r = corPlot({ ...cols, k: [5, 5, 5, 5, 5, 5] });
    expect(r.dropped).toEqual(["k"]);
    const spec = corPlotSpec(r, { lang: "ja" }) as any;
    expect(spec.data.values.length).toBe(16);
    expect(JSON.stringify(spec)).toContain("相関行列");
    expect(() => corPlot({ a: [1, 2], b: [1] })).toThrow(RangeError);
    expect(() => corPlot(cols, { method: "xx" as never })).toThrow(/unknown method/);
    expect(() => corPlot({ a: [1, 2, 3] })).toThrow(/fewer than two/);
  });
});
