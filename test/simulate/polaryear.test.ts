import { describe, expect, it } from "vitest";
import { simulatePolarYear } from "../../src/simulate/polaryear";

describe("simulatePolarYear", () => {
  it("same seed, same bits; another seed, another series", () => {
    const a = simulatePolarYear({ seed: 5, hours: 500 }),
      b = simulatePolarYear({ seed: 5, hours: 500 }),
      c = simulatePolarYear({ seed: 6, hours: 500 });
    expect(a.values).toEqual(b.values);
    expect(a.wd).toEqual(b.wd);
    expect(a.values).not.toEqual(c.values);
  });
  it("the known source: near 130° at 4–7 m/s the mean is the background 5·e^(0.045) plus ≈40·e^(0.045)·E[exp(−d²/200)]; elsewhere the background", () => {
    const s = simulatePolarYear();
    let inS = 0,
      nIn = 0,
      out = 0,
      nOut = 0;
    for (let i = 0; i < s.values.length; i++) {
      const d = Math.abs(((((s.wd[i] - 130) % 360) + 540) % 360) - 180);
      if (d <= 2 && s.ws[i] >= 4 && s.ws[i] <= 7) {
        inS += s.values[i];
        nIn++;
      } else if (d > 60) {
        out += s.values[i];
        nOut++;
      }
      expect(s.ws[i]).toBeLessThanOrEqual(14);
      expect(s.wd[i] >= 0 && s.wd[i] <= 360).toBe(true);
    }
    const bg = 5 * Math.exp(0.3 ** 2 / 2); // mean of 5·LN(0, 0.3) = 5.229
    expect(out / nOut).toBeCloseTo(bg, 1);
    // within 2° of the source exp(−d²/200) ≥ 0.98: the mean is near bg + 40·1.046·0.993
    expect(inS / nIn).toBeGreaterThan(bg + 40 * 1.046 * 0.98 * 0.8);
    expect(inS / nIn).toBeLessThan(bg + 40 * 1.046 * 1.2);
    expect(() => simulatePolarYear({ hours: 0 })).toThrow(RangeError);
  });
});
