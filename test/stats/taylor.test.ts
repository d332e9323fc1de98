import { describe, expect, it } from "vitest";
import { taylorStats } from "../../src/stats/taylor";

// Taylor (2001), J. Geophys. Res. 106 (D7), 7183–7192: E′² = σo² + σm² − 2σoσm r (eq. 4).
describe("taylorStats", () => {
  it("hand-worked σo, σm, r and centred RMS difference, and the law of cosines", () => {
    // o = 1, 2, 3, 4 (ō = 2.5, Σ(o − ō)² = 5); m = 2, 2, 2, 6 (m̄ = 3, Σ(m − m̄)² = 12)
    const s = taylorStats([1, 2, 3, 4], [2, 2, 2, 6]);
    expect(s.n).toBe(4);
    expect(s.sdObs).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.sdMod).toBeCloseTo(Math.sqrt(12 / 3), 14);
    expect(s.sdRatio).toBeCloseTo(Math.sqrt(12 / 5), 14);
    // Σ(m − m̄)(o − ō) = 6 → r = 6/√60
    expect(s.r).toBeCloseTo(6 / Math.sqrt(60), 14);
    // centred differences (m − m̄) − (o − ō): (−1 + 1.5, −1 + 0.5, −1 − 0.5, 3 − 1.5) = (0.5, −0.5, −1.5, 1.5)
    // Σ² = 0.25 + 0.25 + 2.25 + 2.25 = 5 → E′ = √(5/3)
    expect(s.crmsd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.crmsdNorm).toBeCloseTo(1, 14);
    // law of cosines: 5/3 + 4 − 2·√(5/3)·2·6/√60 = 5/3 + 4 − 4 = 5/3
    expect(s.crmsd ** 2).toBeCloseTo(s.sdObs ** 2 + s.sdMod ** 2 - 2 * s.sdObs * s.sdMod * s.r, 12);
    expect(s.bias).toBeCloseTo(0.5, 14);
  });
  it("a model equal to obs plus a constant is at the observed point; missing pairs are left out", () => {
    const s = taylorStats([3, 1, 4, 1, 5, NaN], [13, 11, 14, 11, 15, 7]);
    expect(s.n).toBe(5);
    expect(s.sdRatio).toBeCloseTo(1, 14);
    expect(s.r).toBeCloseTo(1, 14);
    expect(s.crmsd).toBeCloseTo(0, 14);
    expect(s.bias).toBeCloseTo(10, 14);
    // the identity on a larger irregular set
    const o = [12, 40, 33, 8, 25, 61, 17, 29];
    const m = [15, 31, 38, 12, 20, 48, 22, 35];
    const t = taylorStats(o, m);
    expect(t.crmsd ** 2).toBeCloseTo(t.sdObs ** 2 + t.sdMod ** 2 - 2 * t.sdObs * t.sdMod * t.r, 10);
  });
  it("fewer than 2 pairs give NaN; arrays of different lengths are a RangeError", () => {
    expect(taylorStats([1], [1]).r).toBeNaN();
    expect(() => taylorStats([1, 2], [1])).toThrow(RangeError);
  });
});
