import { describe, expect, it } from "vitest";
import { modStats } from "../../src/stats/modstats";

// Definitions of R openair's modStats (openair 2.18 R/modStats.R; Legates & McCabe 2013 for COE,
// Willmott et al. 2012 for IOA); every expected value below is worked by hand.
describe("modStats (openair's definitions)", () => {
  it("a hand-worked set of four pairs", () => {
    // O = 1, 2, 3, 4 (Ō = 2.5); M = 2, 2, 2, 6 → d = 1, 0, −1, 2
    const s = modStats([1, 2, 3, 4], [2, 2, 2, 6]);
    expect(s.n).toBe(4);
    // M/O = 2, 1, 0.667, 1.5: all within [0.5, 2] → 1
    expect(s.FAC2).toBe(1);
    expect(s.MB).toBeCloseTo(0.5, 15); // Σd = 2, /4
    expect(s.MGE).toBeCloseTo(1, 15); // Σ|d| = 4, /4
    expect(s.NMB).toBeCloseTo(0.2, 15); // 2 / 10
    expect(s.NMGE).toBeCloseTo(0.4, 15); // 4 / 10
    expect(s.RMSE).toBeCloseTo(Math.sqrt(6 / 4), 15); // Σd² = 1 + 0 + 1 + 4 = 6
    // Σ|O − Ō| = 1.5 + 0.5 + 0.5 + 1.5 = 4 → COE = 1 − 4/4 = 0; IOA: 4 ≤ 8 → 1 − 4/8 = 0.5
    expect(s.COE).toBeCloseTo(0, 15);
    expect(s.IOA).toBeCloseTo(0.5, 15);
    // r: M̄ = 3, Σ(M−M̄)(O−Ō) = (−1)(−1.5) + (−1)(−0.5) + (−1)(0.5) + 3(1.5) = 6;
    // Σ(M−M̄)² = 12, Σ(O−Ō)² = 5 → r = 6/√60 = 0.774597; t = r√(2/(1−r²)) = √3 = 1.7320508 on 2 df,
    // two-sided p = 1 − t/√(t² + 2) (Student t, 2 df: P(|T| > t) = 1 − t/√(2 + t²)) = 1 − √3/√5
    expect(s.r).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(s.P).toBeCloseTo(1 - Math.sqrt(3) / Math.sqrt(5), 9);
  });
  it("IOA's second branch, FAC2's counting of M/0 and 0/0, and missing pairs left out", () => {
    // O = 1, 3 (Ō = 2, Σ|O − Ō| = 2, RHS = 4); M = 6, 3 → Σ|d| = 5 > 4 → IOA = 4/5 − 1 = −0.2
    expect(modStats([1, 3], [6, 3]).IOA).toBeCloseTo(-0.2, 15);
    // pairs (0, 0) → 0/0 left out; (0, 1) → ∞ counted, not within; (2, 2) → within; (NaN, 1) dropped
    const s = modStats([0, 0, 2, NaN], [0, 1, 2, 1]);
    expect(s.n).toBe(3);
    expect(s.FAC2).toBe(0.5);
  });
  it("r is NaN for a constant model and when fewer than 3 pairs (cor.test needs 3)", () => {
    expect(modStats([1, 2, 3], [2, 2, 2]).r).toBeNaN();
    expect(modStats([1, 2], [1, 2]).r).toBeNaN();
  });
  it("arrays of different lengths are a RangeError", () => {
    expect(() => modStats([1, 2], [1])).toThrow(RangeError);
  });
  it("a tiny p-value does not underflow to 0 (R cor.test gives 2.4192286046087448e-91)", () => {
    // R 4.2.2: i <- 0:99; m <- i; o <- i + 5*sin(i); cor.test(m, o)$p.value = 2.4192286046087448e-91
    // (r = 0.99252587034086359); 2 (1 − tCdf) would give 0 here.
    const m = Array.from({ length: 100 }, (_, i) => i);
    const o = m.map((i) => i + 5 * Math.sin(i));
    const s = modStats(m, o);
    expect(s.r).toBeCloseTo(0.99252587034086359, 13);
    expect(s.P / 2.4192286046087448e-91).toBeCloseTo(1, 8);
  });
});
