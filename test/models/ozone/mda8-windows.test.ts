import { describe, expect, it } from "vitest";
import { mda8FromGrid, mda8FromWindows, mda8Windows } from "../../../src/models/ozone/mda8";
import { MDA8_CONVENTIONS, type Mda8Convention } from "../../../src/models/ozone/tables/mda8-conventions";
import type { HourGrid } from "../../../src/models/ozone/hourgrid";

/** Seeded uniform [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random grid: values with runs of missing hours (missing fraction `miss`). */
function grid(seed: number, nDays: number, miss: number): HourGrid {
  const u = rng(seed);
  const values = new Float64Array(nDays * 24);
  let gap = 0;
  for (let h = 0; h < values.length; h++) {
    if (gap > 0) gap--;
    else if (u() < miss) gap = Math.floor(u() * 10);
    values[h] = gap > 0 ? NaN : Math.round(u() * 2000) / 10;
  }
  const dates = Array.from({ length: nDays }, (_, d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10));
  return { firstDayUtcMs: 0, nDays, utcOffsetMinutes: 480, values, dates, negatives: [], absentHours: 0 };
}

/** Brute force: every window of every day summed on its own (the definition of the conventions). */
function bruteMda8(g: HourGrid, c: Mda8Convention) {
  return g.dates.map((date, d) => {
    let best = NaN,
      bestStart = NaN,
      valid = 0;
    for (const s of c.windowStarts) {
      let sum = 0,
        n = 0;
      for (let k = d * 24 + s; k < d * 24 + s + 8; k++)
        if (k >= 0 && k < g.values.length && Number.isFinite(g.values[k])) {
          sum += g.values[k];
          n++;
        }
      if (n < c.minHoursPerWindow) continue;
      valid++;
      if (!(sum / n <= best)) {
        best = sum / n;
        bestStart = s;
      }
    }
    const ok = valid >= c.minWindows;
    return {
      date,
      mda8: ok ? best : NaN,
      maxOfValidWindows: best,
      windowStart: bestStart,
      validWindows: valid,
      windows: c.windowStarts.length,
      valid: ok,
    };
  });
}

describe("MDA8 from shared 8-h means equals the window-by-window definition (random grids)", () => {
  const conventions = [MDA8_CONVENTIONS.cn, MDA8_CONVENTIONS.us, MDA8_CONVENTIONS.eu];
  it("mda8FromGrid: every field, every day, three conventions, 40 random grids", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = grid(seed, 1 + (seed % 9) * 4, [0, 0.05, 0.2, 0.5][seed % 4]);
      for (const c of conventions) expect(mda8FromGrid(g, c)).toEqual(bruteMda8(g, c));
    }
  });
  it("one set of 8-h means (starts −7 … 23) serves HJ 663, App. U and 2008/50/EC: the same bits as each alone", () => {
    for (let seed = 100; seed < 130; seed++) {
      const g = grid(seed, 10 + (seed % 5), 0.15);
      const win = mda8Windows(g.values, g.nDays, -7, 23);
      for (const c of conventions) {
        const a = mda8FromWindows(win, g.nDays, c);
        const b = bruteMda8(g, c);
        expect(Array.from(a.mda8)).toEqual(b.map((r) => r.mda8));
        expect(Array.from(a.windowStart)).toEqual(b.map((r) => r.windowStart));
        expect(Array.from(a.validWindows)).toEqual(b.map((r) => r.validWindows));
      }
    }
  });
  it("a custom convention with starts beyond one day (−10, 30) and a tie keeps the first window", () => {
    const c: Mda8Convention = {
      id: "cn",
      citation: "test",
      windowStarts: [-10, 0, 8, 30],
      minHoursPerWindow: 1,
      minWindows: 1,
    };
    const g = grid(7, 5, 0.1);
    expect(mda8FromGrid(g, c)).toEqual(bruteMda8(g, c));
    const flat = grid(8, 3, 0);
    flat.values.fill(50);
    expect(mda8FromGrid(flat, MDA8_CONVENTIONS.cn).map((r) => r.windowStart)).toEqual([0, 0, 0]);
  });
  it("windows that do not cover a convention's starts are refused", () => {
    const g = grid(9, 3, 0);
    expect(() => mda8FromWindows(mda8Windows(g.values, 3, 0, 16), 3, MDA8_CONVENTIONS.eu)).toThrow(RangeError);
    expect(() => mda8Windows(g.values, 3, 5, 1)).toThrow(RangeError);
  });
});
