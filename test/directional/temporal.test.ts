import { describe, expect, it } from "vitest";
import { theilSen, theilSenTrend, monthlyMeans } from "../../src/directional/trend";
import { timeVariation } from "../../src/directional/timevariation";
import { Rng } from "../../src/random/rng";

describe("Theil–Sen", () => {
  it("slope = median of pairwise slopes, worked by hand", () => {
    // x 1..5, y 1,3,2,5,4: slopes 2, .5, 4/3, .75, −1, 1, 1/3, 3, 1, −1 → sorted
    // −1, −1, 1/3, .5, .75, 1, 1, 4/3, 2, 3 → median (.75 + 1)/2 = .875;
    // intercept = median(y − .875x) = median(.125, 1.25, −.625, 1.5, −.375) = .125
    const r = theilSen([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]);
    expect(r.slope).toBe(0.875);
    expect(r.intercept).toBe(0.125);
  });
  it("is robust: one wild point does not move a perfect line", () => {
    expect(theilSen([0, 1, 2, 3, 4, 5, 6], [0, 2, 4, 600, 8, 10, 12]).slope).toBe(2);
  });
});

/** Hourly values for `years` years from 2020-01 (local, +8): each month constant = a + b·t + amp·sin(2π·month/12), t = decimal mid-month year. */
function monthlySeries(years: number, a: number, b: number, amp: number) {
  const times: number[] = [],
    values: number[] = [];
  for (let y = 2020; y < 2020 + years; y++)
    for (let m = 1; m <= 12; m++) {
      const t = y + (m - 0.5) / 12;
      const v = a + b * (t - 2020) + amp * Math.sin((2 * Math.PI * m) / 12);
      const start = Date.UTC(y, m - 1, 1) - 8 * 3600000,
        end = Date.UTC(y, m, 1) - 8 * 3600000;
      for (let h = start; h < end; h += 3600000) {
        times.push(h);
        values.push(v);
      }
    }
  return { times, values };
}

describe("Theil–Sen trend on monthly means", () => {
  it("deseasonalised: recovers 2 units/year exactly from a linear trend + seasonal cycle", () => {
    const s = monthlySeries(3, 10, 2, 3);
    const r = theilSenTrend(s.times, s.values, 480, { deseasonalise: true, nBoot: 100 });
    expect(r.slope).toBeCloseTo(2, 9);
    // the deseasonalised series is an exact line: every bootstrap slope is 2
    expect(r.lo).toBeCloseTo(2, 9);
    expect(r.hi).toBeCloseTo(2, 9);
    expect(r.pValue).toBeLessThan(1e-6);
    // raw monthly means include the seasonal cycle: not exactly 2
    const raw = theilSenTrend(s.times, s.values, 480, { nBoot: 100 });
    expect(Math.abs(raw.slope - 2)).toBeGreaterThan(1e-3);
  });
  it("capture threshold: a month with < 75 % of its hours is not used", () => {
    const s = monthlySeries(1, 5, 0, 0);
    // blank the first 10 days of January (240 of 744 h → capture 504/744 = 0.677)
    for (let i = 0; i < 240; i++) s.values[i] = NaN;
    const m = monthlyMeans(s.times, s.values, 480);
    expect(m[0].possible).toBe(744);
    expect(m[0].capture).toBeCloseTo(504 / 744, 12);
    expect(m[0].mean).toBeNaN();
    expect(m[1].mean).toBe(5);
  });
  it("deseasonalisation with one year is refused, and the message counts the months given", () => {
    const s = monthlySeries(1, 5, 1, 1);
    expect(() => theilSenTrend(s.times, s.values, 480, { deseasonalise: true })).toThrow(
      /got 12 months \(12 valid\).*at least 24 consecutive months/,
    );
  });
  it("deseasonalised, 3 years with one month below capture: no throw, the month is filled in the account and not fitted (openair fills before stl)", () => {
    const s = monthlySeries(3, 10, 2, 3);
    // June 2021 (month index 17): blank its first 15 days (360 of 720 h → capture 0.5 < 0.75)
    const start = Date.UTC(2021, 5, 1) - 8 * 3600000;
    let blanked = 0;
    for (let i = 0; i < s.times.length; i++)
      if (s.times[i] >= start && s.times[i] < start + 360 * 3600000) {
        s.values[i] = NaN;
        blanked++;
      }
    expect(blanked).toBe(360);
    const r = theilSenTrend(s.times, s.values, 480, { deseasonalise: true, nBoot: 50 });
    expect(r.filled).toHaveLength(1);
    expect(r.filled[0]).toMatchObject({ year: 2021, month: 6, reason: "below-capture-filled-for-deseasonalisation" });
    expect(r.filled[0].capture).toBeCloseTo(0.5, 12);
    // fill = mean of May and July 2021 (linear interpolation), by hand from the generator:
    // May: 10 + 2·(1 + 4.5/12) + 3·sin(2π·5/12); July: 10 + 2·(1 + 6.5/12) + 3·sin(2π·7/12)
    const may = 10 + 2 * (1 + 4.5 / 12) + 3 * Math.sin((2 * Math.PI * 5) / 12);
    const jul = 10 + 2 * (1 + 6.5 / 12) + 3 * Math.sin((2 * Math.PI * 7) / 12);
    expect(r.filled[0].value).toBeCloseTo((may + jul) / 2, 9);
    const june = r.months.find((m) => m.year === 2021 && m.month === 6)!;
    expect(june.y).toBeNaN();
    expect(r.months.filter((m) => Number.isFinite(m.y))).toHaveLength(35);
    // the fill perturbs the seasonal indices slightly; the robust slope stays near the true 2 /year
    expect(Math.abs(r.slope - 2)).toBeLessThan(0.05);
  });
  it("same seed, same interval", () => {
    const rng = new Rng(1);
    const s = monthlySeries(3, 10, 1, 2);
    const noisy = s.values.map((v) => v + rng.normal());
    const a = theilSenTrend(s.times, noisy, 480, { seed: 5, nBoot: 50 });
    const b = theilSenTrend(s.times, noisy, 480, { seed: 5, nBoot: 50 });
    expect([a.lo, a.hi]).toEqual([b.lo, b.hi]);
    expect(a.lo).toBeLessThan(a.slope);
    expect(a.hi).toBeGreaterThan(a.slope);
  });
});

describe("time variation", () => {
  it("groups by local hour/weekday/month; constant groups have a zero-width interval", () => {
    // two weeks hourly from Monday 2025-01-06 00:00 local (+8); value = local hour
    const t0 = Date.UTC(2025, 0, 6) - 8 * 3600000;
    const times = Array.from({ length: 24 * 14 }, (_, i) => t0 + i * 3600000);
    const values = times.map((_, i) => i % 24);
    const r = timeVariation(times, values, 480, { nBoot: 50 });
    for (const h of r.hour) {
      expect(h.mean).toBe(h.key);
      expect(h.n).toBe(14);
      expect([h.lo, h.hi]).toEqual([h.key, h.key]);
    }
    for (const w of r.weekday) expect(w.mean).toBe(11.5);
    expect(r.month[0].n).toBe(24 * 14);
    expect(r.month[1].n).toBe(0);
    expect(r.hourWeekday[24 * 6 + 23]).toMatchObject({ weekday: 6, hour: 23, n: 2, mean: 23 });
  });
  it("bootstrap interval brackets the mean and is reproducible with the seed", () => {
    const rng = new Rng(2);
    const t0 = Date.UTC(2025, 0, 1);
    const times = Array.from({ length: 24 * 60 }, (_, i) => t0 + i * 3600000);
    const values = times.map(() => rng.lognormal(1, 0.5));
    const a = timeVariation(times, values, 480, { seed: 3 }),
      b = timeVariation(times, values, 480, { seed: 3 });
    expect(a).toEqual(b);
    for (const h of a.hour) {
      expect(h.lo).toBeLessThan(h.mean);
      expect(h.hi).toBeGreaterThan(h.mean);
    }
  });
});
