import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/rng";

describe("Rng (xoshiro128**)", () => {
  it("matches the reference C implementation (Blackman & Vigna) from state {1,2,3,4}", () => {
    // values printed by the reference C code `xoshiro128starstar.c` compiled with gcc, state s = {1, 2, 3, 4}
    const r = Rng.fromState([1, 2, 3, 4]);
    expect([1, 2, 3, 4, 5, 6].map(() => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it("first output by hand: rotl(2*5, 7)*9 = 1280*9 = 11520", () => {
    expect(Rng.fromState([1, 2, 3, 4]).nextUint32()).toBe(((2 * 5) << 7) * 9);
  });
  it("same seed, same bits; different seed, different stream", () => {
    const a = new Rng(42),
      b = new Rng(42),
      c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.normal());
    const xb = Array.from({ length: 100 }, () => b.normal());
    const xc = Array.from({ length: 100 }, () => c.normal());
    expect(new Float64Array(xa)).toEqual(new Float64Array(xb));
    expect(xa).not.toEqual(xc);
  });
  it("uniform in [0,1) with mean ≈ 1/2 and normal with mean ≈ 0, variance ≈ 1 (n = 200000, 5 SE bounds)", () => {
    const r = new Rng(7);
    const n = 200000;
    let su = 0,
      sn = 0,
      sn2 = 0,
      min = 1,
      max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      su += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // SE of the mean of U(0,1) = sqrt(1/12/n) = 6.45e-4; of N(0,1) = 1/sqrt(n) = 2.24e-3; of the variance ≈ sqrt(2/n) = 3.16e-3
    expect(Math.abs(su / n - 0.5)).toBeLessThan(5 * 6.45e-4);
    expect(Math.abs(sn / n)).toBeLessThan(5 * 2.24e-3);
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(5 * 3.16e-3);
  });
});
