import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kendallTau } from "../../src/stats/kendall";
import { Rng } from "../../src/random/rng";

/** The O(n²) definition, written out here independently of the library. */
function tauDefinition(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0,
    tx = 0,
    ty = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]),
        b = Math.sign(y[i] - y[j]);
      s += a * b;
      tx += a * a;
      ty += b * b;
    }
  return s / Math.sqrt(tx * ty);
}

describe("kendallTau: τ_b by Knight's (1966) O(n log n) method", () => {
  it("hand cases without and with ties", () => {
    // 6 pairs, one discordant (2,3): τ = (5 − 1)/6
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 15);
    // x = 1, 1, 2; y = 1, 2, 3 → S = 0 + 1 + 1 = 2; untied pairs in x 2, in y 3 → 2/√6
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 15);
    // joint ties: x = 1,1,2,2,3; y = 1,1,2,3,3. Of the 10 pairs, (1,2) is tied in both, (3,4) in x,
    // (4,5) in y, the other 7 concordant → S = 7; n_1 = 2, n_2 = 2 → 7/√(8·8) = 7/8
    expect(kendallTau([1, 1, 2, 2, 3], [1, 1, 2, 3, 3])).toBe(7 / 8);
    // perfect negative with a joint tie: x = 1,2,3,3; y = 3,2,1,1 → S = −5, n_1 = n_2 = 1 → −5/5
    expect(kendallTau([1, 2, 3, 3], [3, 2, 1, 1])).toBe(-1);
    // x = 1,2,2,3; y = 4,3,1,2: (1,2)(1,3)(1,4)(2,4) discordant, (3,4) concordant, (2,3) tied in x
    // → S = −3, n_1 = 1, n_2 = 0 → −3/√(5·6)
    expect(kendallTau([1, 2, 2, 3], [4, 3, 1, 2])).toBeCloseTo(-3 / Math.sqrt(30), 15);
    // −0 and +0 are one value (sgn(0 − −0) = 0): the second case again
    expect(kendallTau([0, -0, 1], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 15);
    // infinities are ordered values; equal infinities a tie: S = 5, n_1 = 1 → 5/√30
    expect(kendallTau([-Infinity, 0, Infinity, Infinity], [1, 2, 3, 4])).toBeCloseTo(5 / Math.sqrt(30), 15);
  });

  it("NaN when undefined; RangeError on unequal lengths", () => {
    expect(kendallTau([], [])).toBeNaN();
    expect(kendallTau([1], [2])).toBeNaN();
    expect(kendallTau([2, 2, 2], [1, 2, 3])).toBeNaN(); // constant x: 0/0
    expect(kendallTau([1, NaN, 3], [1, 2, 3])).toBeNaN();
    expect(() => kendallTau([1, 2], [1])).toThrow(RangeError);
  });

  it("equals the O(n²) definition on random samples with ties (exact counts, same last division)", () => {
    const rng = new Rng(1966);
    for (let rep = 0; rep < 60; rep++) {
      const n = 2 + rng.int(400);
      const levels = 1 + rng.int(rep % 3 === 0 ? 4 : 40); // few levels → many ties
      const rho = 2 * rng.uniform() - 1;
      const x = new Float64Array(n),
        y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const a = rng.normal(),
          b = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
        x[i] = Math.round(a * levels) / 10;
        y[i] = rep % 5 === 0 ? b : Math.round(b * levels);
      }
      const want = tauDefinition(x, y);
      if (Number.isNaN(want)) expect(kendallTau(x, y)).toBeNaN();
      else expect(kendallTau(x, y)).toBe(want);
    }
  });

  it('equals R\'s cor(method = "kendall") on 4 samples (fixtures/make-kendall.R)', () => {
    const dir = join(__dirname, "fixtures");
    const rows = readFileSync(join(dir, "kendall-input.csv"), "utf8").trim().split("\n").slice(1);
    const data = new Map<string, { x: number[]; y: number[] }>();
    for (const line of rows) {
      const [c, x, y] = line.split(",");
      if (!data.has(c)) data.set(c, { x: [], y: [] });
      data.get(c)!.x.push(Number(x));
      data.get(c)!.y.push(Number(y));
    }
    const ref = readFileSync(join(dir, "kendall-r.csv"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"))
      .slice(1)
      .map((l) => l.split(","));
    expect(ref.length).toBe(4);
    for (const [c, n, tau] of ref) {
      const d = data.get(c)!;
      expect(d.x.length).toBe(Number(n));
      const got = kendallTau(d.x, d.y);
      // measured: A and B equal, C and D 1 ulp apart (the same counts; the last square root and division rounded in another order)
      expect(Math.abs(got - Number(tau))).toBeLessThanOrEqual(Number.EPSILON * Math.abs(Number(tau)));
    }
  });
});
