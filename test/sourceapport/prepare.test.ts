import { describe, expect, it } from "vitest";
import { equationUncertainty, preparePmfInput, signalToNoise, type PmfPrepData } from "../../src/sourceapport/prepare";
import { thrown } from "../helpers";

/** Build row-major data from per-species columns (cols[j][i]). */
function data(xCols: number[][], sCols: number[][], names?: string[]): PmfPrepData {
  const m = xCols.length;
  const n = xCols[0].length;
  const x = new Float64Array(n * m);
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      x[i * m + j] = xCols[j][i];
      s[i * m + j] = sCols[j][i];
    }
  }
  return {
    x,
    s,
    n,
    m,
    species: names ?? xCols.map((_, j) => String.fromCharCode(65 + j)),
    units: "µg/m3",
    samples: Array.from({ length: n }, (_, i) => `d${i + 1}`),
  };
}

const col = (x: Float64Array, n: number, m: number, j: number) => Array.from({ length: n }, (_, i) => x[i * m + j]);

describe("equationUncertainty", () => {
  it("x > MDL: s = sqrt((EF·x)² + (MDL/2)²); x ≤ MDL: x = MDL/2, s = 5/6·MDL, recorded", () => {
    // one species, MDL 0.01, EF 0.1; samples 0.02, 0.01 (= MDL), 0.004, missing
    const x = Float64Array.from([0.02, 0.01, 0.004, NaN]);
    const r = equationUncertainty(x, 4, 1, [0.01], [0.1], { species: ["Ni"], samples: ["a", "b", "c", "d"] });
    // sqrt(0.002² + 0.005²) = 0.0053852
    expect(r.s[0]).toBeCloseTo(0.0053851648, 10);
    expect(r.x[0]).toBe(0.02);
    // at and below the MDL: x = 0.005, s = 5/6 × 0.01 = 0.0083333
    expect(r.x[1]).toBe(0.005);
    expect(r.s[1]).toBeCloseTo(0.0083333333, 10);
    expect(r.x[2]).toBe(0.005);
    expect(r.s[2]).toBeCloseTo(0.0083333333, 10);
    // missing stays missing, not recorded here
    expect(Number.isNaN(r.x[3]) && Number.isNaN(r.s[3])).toBe(true);
    expect(r.changes).toEqual([
      expect.objectContaining({
        kind: "below-mdl-replaced",
        sampleIndex: 1,
        sample: "b",
        species: "Ni",
        from: 0.01,
        to: 0.005,
      }),
      expect.objectContaining({
        kind: "below-mdl-replaced",
        sampleIndex: 2,
        sample: "c",
        species: "Ni",
        from: 0.004,
        to: 0.005,
      }),
    ]);
    // the input is not modified
    expect(x[1]).toBe(0.01);
  });

  it("rejects MDL ≤ 0, negative EF and wrong shapes", () => {
    expect(thrown(() => equationUncertainty(new Float64Array(2), 2, 1, [0], [0.1])).expected).toMatch(/MDL > 0/);
    expect(thrown(() => equationUncertainty(new Float64Array(2), 2, 1, [0.1], [-0.1])).expected).toMatch(
      /error fraction/,
    );
    expect(thrown(() => equationUncertainty(new Float64Array(3), 2, 1, [0.1], [0.1])).expected).toMatch(/n×m/);
    expect(thrown(() => equationUncertainty(new Float64Array(2), 2, 1, [0.1, 0.2], [0.1])).expected).toMatch(
      /one MDL per species/,
    );
  });
});

describe("signalToNoise", () => {
  // 3 samples × 2 species
  //   A: x 2, 4, 1   s 1, 1, 0.5 → d = 1, 3, 1          → S/N = 5/3 = 1.6666667
  //   B: x 1, 0.5, 3 s 1, 1, 1   → d = 0 (x = s), 0, 2  → S/N = 2/3 = 0.6666667
  const d = data(
    [
      [2, 4, 1],
      [1, 0.5, 3],
    ],
    [
      [1, 1, 0.5],
      [1, 1, 1],
    ],
  );
  it("reproduces a hand-calculated 3×2 example", () => {
    const sn = signalToNoise(d.x, d.s, 3, 2);
    expect(sn[0]).toBeCloseTo(1.6666667, 7);
    expect(sn[1]).toBeCloseTo(0.6666667, 7);
  });

  it("missing cells count as d = 0 by default, or are excluded on request", () => {
    // A: x 2, NaN, 4; s 1, 1, 1 → d = 1, –, 3
    const e = data([[2, NaN, 4]], [[1, 1, 1]]);
    expect(signalToNoise(e.x, e.s, 3, 1)[0]).toBeCloseTo(4 / 3, 12); // (1 + 0 + 3)/3 = 1.3333333
    expect(signalToNoise(e.x, e.s, 3, 1, { missing: "exclude" })[0]).toBeCloseTo(2, 12); // (1 + 3)/2
  });

  it("rejects matrices of the wrong size", () => {
    expect(thrown(() => signalToNoise(new Float64Array(3), new Float64Array(4), 2, 2)).expected).toMatch(/n×m/);
  });
});

describe("preparePmfInput", () => {
  it("by default every species is strong and used as given", () => {
    const d = data(
      [
        [2, 4, 1],
        [1, 0.5, 3],
      ],
      [
        [1, 1, 0.5],
        [1, 1, 1],
      ],
    );
    const p = preparePmfInput(d);
    expect(p.species).toEqual(["A", "B"]);
    expect(p.categories).toEqual(["strong", "strong"]);
    expect([p.n, p.m]).toEqual([3, 2]);
    expect(Array.from(p.x)).toEqual(Array.from(d.x));
    expect(Array.from(p.s)).toEqual(Array.from(d.s));
    expect(p.changes).toEqual([]);
    expect(p.extraUncertaintyPct).toBe(0);
    expect(p.units).toEqual(["µg/m3", "µg/m3"]);
    expect(p.summary[0]).toMatchObject({
      name: "A",
      category: "strong",
      categoryReason: "default",
      belowUncertaintyShare: 0,
      missingShare: 0,
      unit: "µg/m3",
    });
    expect(p.summary[0].sn).toBeCloseTo(1.6666667, 7);
    // B: x ≤ s in samples 1 (x = s) and 2 → 2/3
    expect(p.summary[1].belowUncertaintyShare).toBeCloseTo(0.6666667, 7);
  });

  it("auto categories at the thresholds: S/N exactly 0.5 is weak, exactly 1 is strong", () => {
    // 2 samples, s = 1 everywhere:
    //   A: x 2, 2    → d 1, 1     → S/N 1    → strong
    //   B: x 2, 0.5  → d 1, 0     → S/N 0.5  → weak
    //   C: x 1.8, .5 → d 0.8, 0   → S/N 0.4  → bad
    //   D: x 2.9, .1 → d 1.9, 0   → S/N 0.95 → weak
    //   E: x 10, 10  → d 9, 9     → S/N 9    → strong
    const d = data(
      [
        [2, 2],
        [2, 0.5],
        [1.8, 0.5],
        [2.9, 0.1],
        [10, 10],
      ],
      Array.from({ length: 5 }, () => [1, 1]),
    );
    const p = preparePmfInput(d, { autoCategories: true });
    expect(p.summary.map((q) => q.category)).toEqual(["strong", "weak", "bad", "weak", "strong"]);
    expect(p.summary.map((q) => q.sn)).toEqual([1, 0.5, 0.4, expect.closeTo(0.95, 12), 9]);
    expect(p.summary[1].categoryReason).toBe("auto (0.5 ≤ S/N < 1)");
    expect(p.summary[2].categoryReason).toBe("auto (S/N < 0.5)");
    expect(p.summary[0].categoryReason).toBe("auto (S/N ≥ 1)");
    expect(p.species).toEqual(["A", "B", "D", "E"]);
    expect(p.categories).toEqual(["strong", "weak", "weak", "strong"]);
    // weak → s × 3 (s = 1 → 3)
    expect(col(p.s, 2, 4, 1)).toEqual([3, 3]);
    expect(col(p.s, 2, 4, 0)).toEqual([1, 1]);
    expect(p.changes).toEqual([expect.objectContaining({ kind: "species-excluded", species: "C" })]);
    // overridden thresholds: bad < 0.45, weak < 0.96 → C bad, B weak, D weak, A strong
    const q = preparePmfInput(d, { autoCategories: { bad: 0.45, weak: 0.96 } });
    expect(q.summary.map((r) => r.category)).toEqual(["strong", "weak", "bad", "weak", "strong"]);
    // bad threshold 0.3: C (0.4) becomes weak
    expect(preparePmfInput(d, { autoCategories: { bad: 0.3 } }).summary[2].category).toBe("weak");
  });

  it("an S/N equal to a threshold up to input rounding counts as at the threshold", () => {
    // s = 0.5: x = 1 − 4e-12 gives S/N = 1 − 8e-12 (like Baton Rouge "Unidentified",
    // 0.999999999996) → strong; x = 1 − 1e-6 gives S/N = 1 − 2e-6 → weak
    const d = data(
      [
        [1 - 4e-12, 1 - 4e-12],
        [1 - 1e-6, 1 - 1e-6],
        [10, 10],
      ],
      [
        [0.5, 0.5],
        [0.5, 0.5],
        [1, 1],
      ],
    );
    const p = preparePmfInput(d, { autoCategories: true });
    expect(p.summary[0].sn).toBeLessThan(1);
    expect(p.summary.map((q) => q.category)).toEqual(["strong", "weak", "strong"]);
  });

  it("given categories override auto ones; the total variable is weak and stays", () => {
    const d = data(
      [
        [2, 2],
        [1.8, 0.5],
        [10, 10],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [4, 4],
      ],
      ["A", "C", "E", "PM25"],
    );
    // PM25 has S/N 0 (x < s) and would be bad; as the total it is weak
    const p = preparePmfInput(d, { autoCategories: true, categories: { C: "strong", E: "weak" }, total: "PM25" });
    expect(p.summary.map((q) => [q.category, q.categoryReason])).toEqual([
      ["strong", "auto (S/N ≥ 1)"],
      ["strong", "given"],
      ["weak", "given"],
      ["weak", "total variable"],
    ]);
    expect(p.species).toEqual(["A", "C", "E", "PM25"]);
    expect(p.total).toBe("PM25");
    expect(col(p.s, 2, 4, 3)).toEqual([12, 12]); // 4 × 3
    expect(p.changes).toEqual([]);
    // given "bad" excludes, recorded
    const q = preparePmfInput(d, { categories: { A: "bad" } });
    expect(q.species).toEqual(["C", "E", "PM25"]);
    expect(q.changes).toEqual([{ kind: "species-excluded", species: "A", reason: "category bad (given; S/N 1)" }]);
  });

  it("missing: median replacement x = median, s = 4 × median, each cell recorded", () => {
    // A: 1, NaN, 3, 2     → median of (1, 3, 2) = 2 → x 2, s 8
    // B: 1, 4, NaN(s), 2  → the uncertainty is missing: median of (1, 4, 2) = 2 → x 2, s 8
    // C: 5, 5, 5, 5       → untouched
    const d = data(
      [
        [1, NaN, 3, 2],
        [1, 4, 7, 2],
        [5, 5, 5, 5],
      ],
      [
        [0.1, 0.1, 0.1, 0.1],
        [0.1, 0.1, NaN, 0.1],
        [1, 1, 1, 1],
      ],
    );
    const p = preparePmfInput(d);
    expect(col(p.x, 4, 3, 0)).toEqual([1, 2, 3, 2]);
    expect(col(p.s, 4, 3, 0)).toEqual([0.1, 8, 0.1, 0.1]);
    expect(col(p.x, 4, 3, 1)).toEqual([1, 4, 2, 2]);
    expect(col(p.s, 4, 3, 1)).toEqual([0.1, 0.1, 8, 0.1]);
    expect(p.changes).toEqual([
      expect.objectContaining({ kind: "missing-replaced", species: "A", sampleIndex: 1, sample: "d2", to: 2 }),
      expect.objectContaining({ kind: "missing-replaced", species: "B", sampleIndex: 2, sample: "d3", from: 7, to: 2 }),
    ]);
    expect(p.summary[0].missingShare).toBe(0.25);
    expect(p.summary[2].missingShare).toBe(0);
    // S/N: replaced cell contributes 0: A d = 9, 0, 29, 19 → 57/4 = 14.25
    expect(p.summary[0].sn).toBeCloseTo(14.25, 12);
    // even count: A' 1, 4, NaN, 2, 3 → median (2 + 3)/2 = 2.5, s = 10
    const e = data(
      [
        [1, 4, NaN, 2, 3],
        [5, 5, 5, 5, 5],
      ],
      [
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ],
    );
    const q = preparePmfInput(e);
    expect(q.x[2 * 2]).toBe(2.5);
    expect(q.s[2 * 2]).toBe(10);
  });

  it("missing: drop-sample removes the sample, recorded", () => {
    const d = data(
      [
        [1, NaN, 3, 2],
        [1, 4, 7, 2],
      ],
      [
        [0.1, 0.1, 0.1, 0.1],
        [0.1, 0.1, 0.1, 0.1],
      ],
    );
    d.times = Float64Array.from([10, 20, 30, 40]);
    d.utcOffsetMinutes = -360;
    const p = preparePmfInput(d, { missing: "drop-sample" });
    expect(p.samples).toEqual(["d1", "d3", "d4"]);
    expect(Array.from(p.times!)).toEqual([10, 30, 40]);
    expect(p.utcOffsetMinutes).toBe(-360);
    expect(col(p.x, 3, 2, 0)).toEqual([1, 3, 2]);
    expect(p.changes).toEqual([
      { kind: "sample-excluded", sample: "d2", sampleIndex: 1, reason: 'missing value in A (missing: "drop-sample")' },
    ]);
    // a missing value in an excluded species does not drop the sample
    const q = preparePmfInput(
      data(
        [
          [1, NaN, 3, 2],
          [1, 4, 7, 2],
          [2, 2, 2, 2],
        ],
        Array.from({ length: 3 }, () => [0.1, 0.1, 0.1, 0.1]),
      ),
      { missing: "drop-sample", excludeSpecies: ["A"] },
    );
    expect(q.n).toBe(4);
    expect(q.changes).toEqual([{ kind: "species-excluded", species: "A", reason: "excluded by user" }]);
  });

  it("extra modeling uncertainty s' = sqrt(s² + (pct/100·x)²), after weak × 3", () => {
    // x = 2, s = 1, 10 %: strong sqrt(1 + 0.2²) = 1.0198039; weak sqrt(3² + 0.2²) = 3.0066593
    const d = data(
      [
        [2, 2],
        [2, 2],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    );
    const p = preparePmfInput(d, { extraUncertaintyPct: 10, categories: { B: "weak" } });
    expect(p.s[0]).toBeCloseTo(1.0198039, 7);
    expect(p.s[1]).toBeCloseTo(3.0066593, 7);
    expect(p.x[0]).toBe(2);
    expect(p.extraUncertaintyPct).toBe(10);
    // applies to median-replaced cells too: x 0.5 → s = sqrt((4·0.5)² + (0.25·0.5)²)... with 25 %:
    // A: 0.5, NaN → median 0.5, s = 2 → sqrt(2² + 0.125²) = 2.0039024
    const e = data(
      [
        [0.5, NaN],
        [2, 2],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    );
    expect(preparePmfInput(e, { extraUncertaintyPct: 25 }).s[2]).toBeCloseTo(2.0039024, 7);
  });

  it("sample and species exclusions are recorded", () => {
    const d = data(
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 9, 9, 9],
      ],
      Array.from({ length: 3 }, () => [1, 1, 1, 1]),
    );
    const p = preparePmfInput(d, { excludeSamples: [0, "d3"], excludeSpecies: ["B"] });
    expect(p.samples).toEqual(["d2", "d4"]);
    expect(p.species).toEqual(["A", "C"]);
    expect(Array.from(p.x)).toEqual([2, 9, 4, 9]);
    expect(p.changes).toEqual([
      { kind: "sample-excluded", sample: "d1", sampleIndex: 0, reason: "excluded by user" },
      { kind: "sample-excluded", sample: "d3", sampleIndex: 2, reason: "excluded by user" },
      { kind: "species-excluded", species: "B", reason: "excluded by user" },
    ]);
    expect(p.summary[1]).toMatchObject({ name: "B", category: "bad", categoryReason: "excluded by user" });
    expect(p.summary).toHaveLength(3);
  });

  it("errors: unknown species, bad percentage, all missing, too few species or samples", () => {
    const d = data(
      [
        [1, 2, 3],
        [4, 5, 6],
        [NaN, NaN, NaN],
      ],
      Array.from({ length: 3 }, () => [1, 1, 1]),
    );
    const ok = { excludeSpecies: ["C"] };
    let e = thrown(() => preparePmfInput(d, { ...ok, categories: { Zn: "weak" } }));
    expect([e.file, e.column]).toEqual(["<pmf input>", "Zn"]);
    expect(thrown(() => preparePmfInput(d, { ...ok, total: "Mass" })).column).toBe("Mass");
    expect(thrown(() => preparePmfInput(d, { excludeSpecies: ["X"] })).column).toBe("X");
    expect(thrown(() => preparePmfInput(d, { ...ok, extraUncertaintyPct: 26 })).expected).toMatch(/0 and 25/);
    expect(thrown(() => preparePmfInput(d, { ...ok, extraUncertaintyPct: -1 })).expected).toMatch(/0 and 25/);
    e = thrown(() => preparePmfInput(d));
    expect(e.column).toBe("C");
    expect(e.found).toMatch(/all 3 samples missing/);
    // fewer than 2 species
    expect(thrown(() => preparePmfInput(d, { excludeSpecies: ["B", "C"] })).expected).toMatch(/at least 2 species/);
    // fewer than 2 samples
    expect(thrown(() => preparePmfInput(d, { ...ok, excludeSamples: [0, 1] })).expected).toMatch(/at least 2 samples/);
    // unknown sample, total given as bad, bad thresholds
    expect(thrown(() => preparePmfInput(d, { ...ok, excludeSamples: ["nope"] })).found).toBe("nope");
    expect(thrown(() => preparePmfInput(d, { ...ok, excludeSamples: [3] })).found).toBe("3");
    expect(thrown(() => preparePmfInput(d, { ...ok, total: "A", categories: { A: "bad" } })).column).toBe("A");
    expect(thrown(() => preparePmfInput(d, { ...ok, autoCategories: { bad: 2, weak: 1 } })).expected).toMatch(
      /bad ≤ weak/,
    );
    // uncertainty ≤ 0
    const z = data(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 0],
        [1, 1],
      ],
    );
    expect(thrown(() => preparePmfInput(z)).column).toBe("A");
    // median ≤ 0 cannot give s = 4 × median
    const neg = data(
      [
        [-1, NaN, -2],
        [1, 1, 1],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
    );
    expect(thrown(() => preparePmfInput(neg)).expected).toMatch(/median > 0/);
    expect(preparePmfInput(neg, { missing: "drop-sample" }).n).toBe(2);
  });
});
