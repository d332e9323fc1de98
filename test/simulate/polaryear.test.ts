import { describe, expect, it } from "vitest";
import { simulatePolarRetrofit, simulatePolarYear } from "../../src/simulate/polaryear";

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

  it("simulatePolarRetrofit: before 40 ng/m3 at 130°, 4–7 m/s; after 16 there and 25 at 250°, 1–3 m/s", () => {
    const { before, after } = simulatePolarRetrofit();
    const bg = 5 * Math.exp(0.3 ** 2 / 2); // 5·LN(0, 0.3): mean 5.229; a plume A·LN(0, 0.3): mean 1.046·A
    // mean within 2° of a source (exp(−d²/2σ²) ≥ 0.98 for σ = 10°, ≥ 0.991 for σ = 15°)
    const near = (s: typeof before, wd: number, lo: number, hi: number) => {
      let sum = 0,
        n = 0;
      for (let i = 0; i < s.values.length; i++) {
        const d = Math.abs(((((s.wd[i] - wd) % 360) + 540) % 360) - 180);
        if (d <= 2 && s.ws[i] >= lo && s.ws[i] <= hi) {
          sum += s.values[i];
          n++;
        }
      }
      return sum / n;
    };
    const tol = (amp: number) => 0.2 * amp + 1; // sampling: ~100–200 hours of LN(0, 0.3) per cell
    expect(Math.abs(near(before, 130, 4, 7) - (bg + 40 * 1.046 * 0.99))).toBeLessThan(tol(40));
    expect(Math.abs(near(after, 130, 4, 7) - (bg + 16 * 1.046 * 0.99))).toBeLessThan(tol(16));
    expect(Math.abs(near(before, 250, 1, 3) - bg)).toBeLessThan(1);
    expect(Math.abs(near(after, 250, 1, 3) - (bg + 25 * 1.046 * 0.995))).toBeLessThan(tol(25));
    // the before period is simulatePolarYear's default source with seed 11; other seeds, other years
    expect(before.values).toEqual(simulatePolarYear({ seed: 11 }).values);
    const other = simulatePolarRetrofit({ seeds: [3, 4] });
    expect(other.before.values).toEqual(simulatePolarYear({ seed: 3 }).values);
    expect(other.after.values).not.toEqual(after.values);
    expect(() => simulatePolarYear({ sources: [{ wd: 0, wsMin: 5, wsMax: 1, amplitude: 1, sigma: 10 }] })).toThrow(
      RangeError,
    );
  });
});
