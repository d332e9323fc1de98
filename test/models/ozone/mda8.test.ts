import { describe, expect, it } from "vitest";
import { mda8, mda8Table, MDA8_CONVENTIONS } from "../../../src/models/ozone";

const OFF = 480; // UTC+8
const H = 3_600_000;
/** UTC instant of local hour h (may be negative or ≥ 24) of 2025-07-15 at UTC+8. */
const at = (h: number) => Date.UTC(2025, 6, 15) - OFF * 60_000 + h * H;

/** 72 hours: 14 Jul (D−1), 15 Jul (D), 16 Jul (D+1), local hours starting 00:00 … 23:00. */
function syntheticDays(): { times: number[]; o3: number[] } {
  const times: number[] = [],
    o3: number[] = [];
  for (let h = -24; h < 48; h++) {
    times.push(at(h));
    let v = 40;
    if (h >= -8 && h < 0) v = 100; // D−1 16:00–23:59
    if (h >= 12 && h < 16) v = 80; // D 12:00–15:59
    if (h >= 24 && h < 31) v = 120; // D+1 00:00–06:59
    o3.push(v);
  }
  return { times, o3 };
}

describe("MDA8: the three conventions on one synthetic day (hand-checked)", () => {
  const { times, o3 } = syntheticDays();
  it("China (HJ 663): windows inside the day only → (4·80 + 4·40)/8 = 60", () => {
    const d = mda8(times, o3, { utcOffsetMinutes: OFF, convention: "cn" }).find((r) => r.date === "2025-07-15")!;
    expect(d.mda8).toBe(60);
    expect(d.validWindows).toBe(17);
    expect(d.windowStart).toBe(8); // first of the windows 08–16 … 12–20 holding all four 80s
  });
  it("EU (2008/50/EC): the window 17:00 (D−1)–01:00 counts for D → (7·100 + 40)/8 = 92.5", () => {
    const d = mda8(times, o3, { utcOffsetMinutes: OFF, convention: "eu" }).find((r) => r.date === "2025-07-15")!;
    expect(d.mda8).toBe(92.5);
    expect(d.windowStart).toBe(-7);
    expect(d.validWindows).toBe(24);
  });
  it("US (40 CFR 50 App. U): the window 23:00 (D)–07:00 (D+1) counts for D → (40 + 7·120)/8 = 110", () => {
    const rows = mda8(times, o3, { utcOffsetMinutes: OFF, convention: "us" });
    const d = rows.find((r) => r.date === "2025-07-15")!;
    expect(d.mda8).toBe(110);
    expect(d.windowStart).toBe(23);
    // the last day: windows starting 19–23 reach into the absent 17 Jul and have < 6 hours → 12 valid (07–18) < 13
    const last = rows.find((r) => r.date === "2025-07-16")!;
    expect(last.validWindows).toBe(12);
    expect(last.valid).toBe(false);
    expect(Number.isNaN(last.mda8)).toBe(true);
  });
  it("hourLabel 'end' shifts every value one hour earlier (the instant closes its hour)", () => {
    const shifted = times.map((t) => t + H); // the same data labelled by the end of each hour
    const d = mda8(shifted, o3, { utcOffsetMinutes: OFF, convention: "cn", hourLabel: "end" }).find(
      (r) => r.date === "2025-07-15",
    )!;
    expect(d.mda8).toBe(60);
  });
});

describe("MDA8 completeness rules", () => {
  it("China: ≥ 6 of 8 hours per mean and ≥ 14 valid means per day (hand count)", () => {
    const times: number[] = [],
      o3: number[] = [];
    for (let h = 0; h < 24; h++) {
      times.push(at(h));
      o3.push(50);
    }
    const missing = (hours: number[]) => o3.map((v, h) => (hours.includes(h) ? NaN : v));
    // hours 0–2 and 20–23 missing: windows starting 1–14 have ≥ 6 hours (start 0: 5; 15: 5; 16: 4) → 14 valid
    const a = mda8(times, missing([0, 1, 2, 20, 21, 22, 23]), { utcOffsetMinutes: OFF })[0];
    expect(a.validWindows).toBe(14);
    expect(a.valid).toBe(true);
    expect(a.mda8).toBe(50);
    // also hour 3 missing: start 1 now has 5 hours → starts 2–14 → 13 valid < 14
    const b = mda8(times, missing([0, 1, 2, 3, 20, 21, 22, 23]), { utcOffsetMinutes: OFF })[0];
    expect(b.validWindows).toBe(13);
    expect(b.valid).toBe(false);
    expect(Number.isNaN(b.mda8)).toBe(true);
    expect(b.maxOfValidWindows).toBe(50);
  });
  it("convention table matches CONVENTIONS.md §4", () => {
    expect(MDA8_CONVENTIONS.cn.windowStarts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(MDA8_CONVENTIONS.us.windowStarts[0]).toBe(7);
    expect(MDA8_CONVENTIONS.us.windowStarts.length).toBe(17);
    expect(MDA8_CONVENTIONS.eu.windowStarts.length).toBe(24);
    expect([MDA8_CONVENTIONS.cn.minWindows, MDA8_CONVENTIONS.us.minWindows, MDA8_CONVENTIONS.eu.minWindows]).toEqual([
      14, 13, 18,
    ]);
  });
  it("bad input: negative values, duplicated hours, non-hourly times", () => {
    const t = [at(0), at(1)];
    expect(() => mda8(t, [10, -2], { utcOffsetMinutes: OFF })).toThrow(/negative concentration -2 at index 1/);
    const r = mda8(t, [10, -2], { utcOffsetMinutes: OFF, negative: "missing" });
    expect(r[0].validWindows).toBe(0);
    expect(() => mda8([at(0), at(0)], [1, 2], { utcOffsetMinutes: OFF })).toThrow(/two values for the hour/);
    expect(() => mda8([at(0) + 60_000], [1], { utcOffsetMinutes: OFF })).toThrow(/not on a whole local hour/);
    expect(() => mda8(t, [1], { utcOffsetMinutes: OFF })).toThrow(/1 values for 2 times/);
  });
});

describe("mda8Table (for the calendar)", () => {
  it("one row per local day, local-midnight instants, unit carried", () => {
    const { times, o3 } = syntheticDays();
    const t = mda8Table(times, o3, { utcOffsetMinutes: OFF, convention: "cn", unit: "ppb" });
    expect(t.numRows).toBe(3);
    expect(t.strings("date")).toEqual(["2025-07-14", "2025-07-15", "2025-07-16"]);
    expect(t.numbers("MDA8")[1]).toBe(60);
    expect(t.unit("MDA8")).toBe("ppb");
    expect(t.times()[1]).toBe(at(0));
    expect(t.localTimes()[1]).toBe("2025-07-15T00:00:00+08:00");
  });
});
