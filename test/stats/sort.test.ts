import { describe, expect, it } from "vitest";
import { quantilesType7InPlace, sortNumbers, sortNumbersInPlace } from "../../src/stats/sort";
import { quantileType7, quantilesType7 } from "../../src/stats/quantile";
import { Rng } from "../../src/random/rng";

/** The reference: the engine's typed-array sort (ECMA-262 TypedArray SortCompare). */
const reference = (v: ArrayLike<number>) => Float64Array.from(v).sort();

/** Bit patterns, so that −0 and +0 and every NaN payload would differ. */
const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));

describe("sortNumbers", () => {
  it("equals Float64Array.prototype.sort bit for bit on values at fixed precision (the counting path)", () => {
    const rng = new Rng(5);
    for (const [scale, n] of [
      [1, 8760],
      [10, 8760],
      [100, 500],
      [1000, 2000],
      [1, 64],
    ] as const) {
      const v = Float64Array.from({ length: n }, () => Math.round(rng.uniform() * 900 * scale) / scale);
      expect(bits(sortNumbers(v))).toEqual(bits(reference(v)));
    }
  });

  it("equals the typed-array sort on samples the counting path must refuse", () => {
    const rng = new Rng(6);
    const cases: number[][] = [
      Array.from({ length: 300 }, () => rng.uniform() * 100), // arbitrary doubles
      [...Array.from({ length: 200 }, (_, i) => i % 7), -0, 0, -0], // −0 must stay before +0
      [...Array.from({ length: 200 }, (_, i) => i), NaN, Infinity, -Infinity], // NaN last, infinities
      [...Array.from({ length: 200 }, (_, i) => i), 1e15], // span too wide for counting
      [...Array.from({ length: 200 }, (_, i) => i / 10), 0.05], // a value finer than 0.1 in a 0.1 sample
      [3, 1, 2], // short
      [],
    ];
    for (const c of cases) expect(bits(sortNumbers(c))).toEqual(bits(reference(c)));
  });

  it("gives the same type-7 percentiles as quantileType7 on the raw values", () => {
    const rng = new Rng(7);
    // a CNEMC-like station-year: whole µg/m3, with ties; and CO at 0.1 mg/m3
    for (const scale of [1, 10]) {
      const raw = Array.from({ length: 8760 }, () => Math.round(rng.uniform() ** 2 * 300 * scale) / scale);
      const sorted = sortNumbers(raw);
      for (const p of [0, 0.05, 0.25, 0.5, 0.9, 0.95, 0.98, 1])
        expect(quantileType7(sorted, p, { sorted: true })).toBe(quantileType7(raw, p));
    }
  });

  it("does not change its input", () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    const copy = v.slice();
    sortNumbers(v);
    expect(v).toEqual(copy);
  });
});

describe("quantilesType7", () => {
  it("equals quantileType7 for each p, sorted or not; refuses NaN, an empty sample and p outside [0, 1]", () => {
    const rng = new Rng(8);
    const raw = Array.from({ length: 1001 }, () => Math.round(rng.uniform() * 500) / 10);
    const ps = [0, 0.05, 0.25, 0.5, 0.9, 0.98, 1];
    const want = ps.map((p) => quantileType7(raw, p));
    expect(quantilesType7(raw, ps)).toEqual(want);
    expect(quantilesType7(sortNumbers(raw), ps, { sorted: true })).toEqual(want);
    // by hand: 1..5 → p = 0.3: h = 1.2 → 2 + 0.2 × (3 − 2) = 2.2
    expect(quantilesType7([5, 1, 4, 2, 3], [0.3])[0]).toBeCloseTo(2.2, 15);
    expect(() => quantilesType7(Float64Array.from([1, 2, NaN]).sort(), [0.5], { sorted: true })).toThrow(RangeError);
    expect(() => quantilesType7([1, NaN, 2], [0.5])).toThrow(RangeError);
    expect(() => quantilesType7([], [0.5])).toThrow(RangeError);
    expect(() => quantilesType7([1], [1.5])).toThrow(RangeError);
  });
});

describe("sortNumbersInPlace", () => {
  it("sorts a subarray of a scratch buffer in place, bit for bit the typed-array sort, leaving the rest alone", () => {
    const rng = new Rng(21);
    const buf = new Float64Array(10_000).fill(-1);
    for (const [n, dec] of [
      [8760, 0],
      [5000, 1],
      [40, 0],
      [3000, 7],
    ] as const) {
      buf.fill(-1);
      const v = Float64Array.from({ length: n }, () => Math.round(rng.uniform() * 300 * 10 ** dec) / 10 ** dec);
      const sub = buf.subarray(0, n);
      sub.set(v);
      const out = sortNumbersInPlace(sub);
      expect(out).toBe(sub);
      expect(bits(out)).toEqual(bits(reference(v)));
      if (n < buf.length) expect(buf[n]).toBe(-1);
    }
  });
});

describe("quantilesType7InPlace", () => {
  const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98, 0.99, 1, 1 / 3];
  /** The reference: type 7 on the engine's typed-array sort. */
  const want = (v: Float64Array) => quantilesType7(Float64Array.from(v).sort(), ps, { sorted: true });
  it("the same doubles as quantilesType7 on the typed-array sort, counting path (random samples, 4 precisions)", () => {
    const rng = new Rng(17);
    for (let t = 0; t < 60; t++) {
      const scale = [1, 10, 100, 1000][t % 4];
      const n = 64 + Math.floor(rng.uniform() * 9000);
      // skewed like hourly concentrations, with many ties
      const v = Float64Array.from({ length: n }, () => Math.round(rng.uniform() ** 3 * 500 * scale) / scale);
      const w = want(v);
      expect(quantilesType7InPlace(Float64Array.from(v), ps)).toEqual(w);
    }
  });
  it("falls back to the sort (arbitrary doubles, −0, short samples) with the same doubles; errors as quantilesType7", () => {
    const rng = new Rng(18);
    for (const v of [
      Float64Array.from({ length: 500 }, () => rng.uniform() * 100),
      Float64Array.from([...Array.from({ length: 100 }, (_, i) => i % 5), -0]),
      Float64Array.from([5, 1, 3]),
      Float64Array.from({ length: 100 }, () => 7),
    ])
      expect(quantilesType7InPlace(Float64Array.from(v), ps)).toEqual(want(v));
    expect(() => quantilesType7InPlace(new Float64Array(0), ps)).toThrow(RangeError);
    expect(() => quantilesType7InPlace(Float64Array.from([1, NaN, 2]), ps)).toThrow(RangeError);
    expect(() =>
      quantilesType7InPlace(
        Float64Array.from({ length: 100 }, (_, i) => i),
        [1.5],
      ),
    ).toThrow(RangeError);
  });
  it("a hand case: 1 … 100 (whole numbers) → p50 = 50.5, p90 = 90.1, p0 = 1, p100 = 100", () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    const [a, b, c, d] = quantilesType7InPlace(v, [0.5, 0.9, 0, 1]);
    expect([a, c, d]).toEqual([50.5, 1, 100]);
    expect(b).toBeCloseTo(90.1, 12);
  });
});
