import { describe, expect, it } from "vitest";
import { polarFreq } from "../../src/directional/polarfreq";
import { polarFreqSpec, polarFreqTypeSpec } from "../../src/directional/figures-polarx";

// Hand-worked records (wd °, ws m/s, value). With 36 sectors (w = 10°) a direction d goes to the
// centre 10·⌈d/10 − ½⌉ (openair's `wd.int * ceiling(wd / wd.int - 0.5)`), so a sector is (c − 5, c + 5];
// a speed goes to ((k − 1), k] m/s (openair's `ceiling(ws / ws.int)`), ws = 0 in the first.
const wd = [0, 5, 5.1, 356, 360, 354.9, 15, 15, 90, 91];
const ws = [0, 0.5, 1.0, 1.5, 0.2, 0.9, 1.01, 2.0, 3.0, 3.0];
const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN];
const cell = (r: ReturnType<typeof polarFreq>, d: number, hi: number) =>
  r.cells.find((c) => c.wd === d && c.wsHi === hi);

describe("polarFreq: openair's bins, by hand", () => {
  it("counts per cell, one north sector by default", () => {
    const r = polarFreq({ wd, ws });
    // north (355, 5] ∪ … : 0 (ws 0 → first interval), 5, 360 (ws 0.2) → (0, 1]; 356 (ws 1.5) → (1, 2]
    expect(cell(r, 0, 1)?.n).toBe(3);
    expect(cell(r, 0, 2)?.n).toBe(1);
    // 5.1 → 10° (0.1 past the edge), ws 1.0 → (0, 1]; 354.9 → 350°; 15 → 10° (15 is the upper edge)
    expect(cell(r, 10, 1)?.n).toBe(1);
    expect(cell(r, 350, 1)?.n).toBe(1);
    expect(cell(r, 10, 2)?.n).toBe(2); // 15° at 1.01 and at 2.0 m/s → (1, 2]
    expect(cell(r, 10, 2)?.value).toBe(2);
    expect(cell(r, 90, 3)?.n).toBe(2); // 91° → 10·⌈9.1 − 0.5⌉ = 90°
    expect(r.n).toBe(10); // frequency needs no values: the NaN value does not matter
    expect(r.cells.reduce((s, c) => s + c.n, 0)).toBe(10);
    expect(r.maxWs).toBe(3);
    expect(r.cells.some((c) => c.wd === 360)).toBe(false);
  });

  it("openairNorthSplit reproduces openair's 0° and 360° cells", () => {
    const r = polarFreq({ wd, ws }, { openairNorthSplit: true });
    expect(cell(r, 0, 1)?.n).toBe(2); // 0 and 5
    expect(cell(r, 360, 1)?.n).toBe(1); // 360 (ws 0.2)
    expect(cell(r, 360, 2)?.n).toBe(1); // 356
    expect(cell(r, 0, 2)).toBeUndefined();
  });

  it("mean, median, max, stdev, weighted mean; a missing value leaves its record out", () => {
    const m = polarFreq({ wd, ws, values }, { statistic: "mean" });
    expect(m.n).toBe(9);
    expect(cell(m, 0, 1)?.value).toBeCloseTo((1 + 2 + 5) / 3, 12);
    expect(cell(m, 90, 3)?.n).toBe(1); // 91° has a NaN value
    expect(
      polarFreq({ wd, ws, values }, { statistic: "median" }).cells.find((c) => c.wd === 0 && c.wsHi === 1)?.value,
    ).toBe(2);
    expect(
      polarFreq({ wd, ws, values }, { statistic: "max" }).cells.find((c) => c.wd === 0 && c.wsHi === 1)?.value,
    ).toBe(5);
    const sd = polarFreq({ wd, ws, values }, { statistic: "stdev" });
    // sd of 1, 2, 5 (n − 1): mean 8/3, squares (25 + 4 + 49)/9 = 78/9, / 2 → √(13/3)
    expect(cell(sd, 0, 1)?.value).toBeCloseTo(Math.sqrt(13 / 3), 12);
    expect(cell(sd, 90, 3)).toBeUndefined(); // one record: no sd, left out as openair
    const wm = polarFreq({ wd, ws, values }, { statistic: "weighted-mean" });
    // Σ of all used values = 45; north (0, 1] holds 1 + 2 + 5 = 8 → 17.78 %
    expect(cell(wm, 0, 1)?.value).toBeCloseTo((100 * 8) / 45, 12);
    expect(wm.cells.reduce((s, c) => s + c.value, 0)).toBeCloseTo(100, 10);
  });

  it("minBin drops sparse cells; bad arguments are RangeErrors", () => {
    const r = polarFreq({ wd, ws }, { minBin: 2 });
    expect(r.cells.map((c) => [c.wd, c.wsHi, c.n])).toEqual([
      [0, 1, 3],
      [10, 2, 2],
      [90, 3, 2],
    ]);
    expect(() => polarFreq({ wd, ws }, { statistic: "mean" })).toThrow(RangeError);
    expect(() => polarFreq({ wd, ws: [-1, ...ws.slice(1)] })).toThrow(/negative/);
    expect(() => polarFreq({ wd, ws }, { wsInterval: 0 })).toThrow(RangeError);
    expect(() => polarFreq({ wd, ws }, { sectors: 7.5 })).toThrow(RangeError);
    expect(() => polarFreq({ wd, ws }, { statistic: "mode" as never })).toThrow(/unknown statistic/);
  });

  it("spec: one wedge per cell, labels per language", () => {
    const r = polarFreq({ wd, ws });
    const spec = polarFreqSpec(r, "", { lang: "ja" }) as any;
    expect(spec.layer[0].data.values.length).toBe(r.cells.length);
    expect(spec.layer[0].encoding.color.title).toBe("件数");
    expect(JSON.stringify(polarFreqSpec(r, "", { lang: "zh" }))).toContain("按风向和风速");
  });

  it("type: one polarFreq per level (openair's polarFreq(type = …)), by hand", () => {
    // rows 0–4 in January 2025 (winter), rows 5–9 in July 2025 (summer), UTC+8; hourly
    const jan = Date.UTC(2025, 0, 10),
      jul = Date.UTC(2025, 6, 10);
    const times = wd.map((_, i) => (i < 5 ? jan : jul) + (i % 5) * 3_600_000);
    const typeData = { times, utcOffsetMinutes: 480 };
    const f = polarFreq({ wd, ws }, { type: "season", typeData });
    expect(f.byType!.panels.map((p) => p.level)).toEqual(["summer (JJA)", "winter (DJF)"]);
    const winter = f.byType!.panels[1].result,
      summer = f.byType!.panels[0].result;
    // winter: wd 0, 5, 5.1, 356, 360 at ws 0, 0.5, 1.0, 1.5, 0.2 → north (0, 1]: 0, 5, 360; north
    // (1, 2]: 356; 10° (0, 1]: 5.1
    expect(winter.cells.map((c) => [c.wd, c.wsHi, c.n])).toEqual([
      [0, 1, 3],
      [0, 2, 1],
      [10, 1, 1],
    ]);
    // summer: 354.9 at 0.9 → 350° (0, 1]; 15 at 1.01 and 2.0 → 10° (1, 2]; 90, 91 at 3 → 90° (2, 3]
    expect(summer.cells.map((c) => [c.wd, c.wsHi, c.n])).toEqual([
      [10, 2, 2],
      [90, 3, 2],
      [350, 1, 1],
    ]);
    // every panel is drawn to the radius of all rows (3 m/s), also winter whose fastest cell is (1, 2]
    expect(winter.maxWs).toBe(3);
    expect(f.maxWs).toBe(3);
    expect(f.cells.reduce((s, c) => s + c.n, 0)).toBe(10); // the whole series' own cells
    // weighted mean per level: winter values 1..5 sum to 15, north (0, 1] holds 1 + 2 + 5 = 8 → 53.3 %;
    // summer keeps 6, 7, 8, 9 (91° has no value): Σ 30, 10° (1, 2] holds 7 + 8 → 50 %
    const wm = polarFreq({ wd, ws, values }, { statistic: "weighted-mean", type: "season", typeData });
    const [su, wi] = wm.byType!.panels.map((p) => p.result);
    expect(cell(wi, 0, 1)?.value).toBeCloseTo((100 * 8) / 15, 12);
    expect(cell(su, 10, 2)?.value).toBeCloseTo(50, 12);
    expect(su.n).toBe(4);
    // the mean of the summer 90° (2, 3] cell is the one finite value, 9
    const m = polarFreq({ wd, ws, values }, { statistic: "mean", type: "season", typeData });
    expect(cell(m.byType!.panels[0].result, 90, 3)?.value).toBe(9);
    // wind-sector type from the function's own wd: the 10 rows in openair's 8 sectors
    const bySector = polarFreq({ wd, ws }, { type: "wd" });
    expect(bySector.byType!.panels.reduce((s, p) => s + p.n, 0)).toBe(10);
    // figure: one panel per level, one colour scale from 0 to the largest count of any panel (3)
    const spec = polarFreqTypeSpec(f, "", { lang: "zh" }) as any;
    expect(spec.concat.length).toBe(2);
    expect(spec.concat[0].layer[0].encoding.color.scale.domain).toEqual([0, 3]);
    expect(JSON.stringify(spec)).toContain("冬");
    expect(() => polarFreqTypeSpec(polarFreq({ wd, ws }))).toThrow(RangeError);
  });
});
