import { describe, expect, it } from "vitest";
import { blandAltman } from "../../src/stats/blandaltman";
import { robustZ } from "../../src/stats/robustz";

// Bland & Altman (1986) Lancet i:307–310, Table 1: peak expiratory flow rate (l/min) of 17
// subjects, first reading with the large Wright meter and the mini Wright meter. Published:
// mean difference (Wright − mini) −2.1, SD 38.8, limits −2.1 ∓ 2·38.8 = −79.7 to 75.5; SE of the
// bias 9.4, 95 % CI −22.0 to 17.8 (t = 2.12, 16 df); SE of a limit sqrt(3s²/n) = 16.3; CI of the
// lower limit −114.3 to −45.1, of the upper limit 40.9 to 110.1.
const wright = [494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427];
const mini = [512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451];

describe("blandAltman", () => {
  it("reproduces Bland & Altman (1986) PEFR example", () => {
    const r = blandAltman(mini, wright, { z: 2 }); // d = Wright − mini
    expect(r.n).toBe(17);
    expect(r.bias).toBeCloseTo(-2.1, 1);
    expect(r.sd).toBeCloseTo(38.8, 1);
    expect(r.lower).toBeCloseTo(-79.7, 0);
    expect(r.upper).toBeCloseTo(75.5, 0);
    expect(Math.abs(r.biasCI[0] - -22.0)).toBeLessThan(0.15);
    expect(Math.abs(r.biasCI[1] - 17.8)).toBeLessThan(0.15);
    expect(Math.abs(r.lowerCI[0] - -114.3)).toBeLessThan(0.3);
    expect(Math.abs(r.lowerCI[1] - -45.1)).toBeLessThan(0.3);
    expect(Math.abs(r.upperCI[0] - 40.9)).toBeLessThan(0.3);
    expect(Math.abs(r.upperCI[1] - 110.1)).toBeLessThan(0.3);
  });

  it("relative differences by hand", () => {
    // a = 10, 20, 40; b = 11, 18, 44: d% = 100·1/10.5 = 9.5238, 100·(−2)/19 = −10.5263, 100·4/42 = 9.5238
    const r = blandAltman([10, 20, 40], [11, 18, 44], { relative: true });
    expect(r.bias).toBeCloseTo((9.523809524 - 10.526315789 + 9.523809524) / 3, 8);
    expect(r.means).toEqual([10.5, 19, 42]);
  });

  it("rejects unequal lengths and NaN", () => {
    expect(() => blandAltman([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => blandAltman([1, 2, NaN], [1, 2, 3])).toThrow(/pair 2/);
  });
});

describe("robustZ", () => {
  it("median/MAD by hand", () => {
    // x = 1, 2, 3, 4, 100: median 3, |x − 3| = 2, 1, 0, 1, 97 → MAD 1; scale 1.482602
    const r = robustZ([1, 2, 3, 4, 100, NaN]);
    expect(r.median).toBe(3);
    expect(r.mad).toBe(1);
    expect(r.z[4]).toBeCloseTo(97 / 1.482602218505602, 10);
    expect(r.z[0]).toBeCloseTo(-2 / 1.482602218505602, 10);
    expect(r.z[5]).toBeNaN();
    expect(r.n).toBe(5);
  });
});
