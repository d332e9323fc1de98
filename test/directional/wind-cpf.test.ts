import { describe, expect, it } from "vitest";
import { vectorMeanWind, sectorIndex, windToUV, uvToDirection } from "../../src/directional/wind";
import { cpf, cbpf } from "../../src/directional/cpf";
import { windRose, percentileRose, pollutionRose } from "../../src/directional/roses";

describe("vector-averaged wind direction (CONVENTIONS §2)", () => {
  it("350° and 10° average to north, not 180°", () => {
    const w = vectorMeanWind([1, 1], [350, 10]);
    expect(w.wd).toBeCloseTo(0, 9);
    // resultant: mean(cos) = cos(10°) = 0.984808
    expect(w.vectorWs).toBeCloseTo(0.984807753, 8);
  });
  it("speed-weighted: ws 2 from N and 1 from E → atan2(0.5, 1) = 26.565°", () => {
    // mean(ws·sin) = (0 + 1)/2 = 0.5, mean(ws·cos) = (2 + 0)/2 = 1
    const w = vectorMeanWind([2, 1], [0, 90]);
    expect(w.wd).toBeCloseTo((Math.atan2(0.5, 1) * 180) / Math.PI, 9);
    expect(w.wd).toBeCloseTo(26.56505118, 6);
    expect(w.scalarWs).toBe(1.5);
    expect(w.vectorWs).toBeCloseTo(Math.sqrt(0.25 + 1), 12);
  });
  it("opposite winds of equal speed have no direction; NaN pairs are skipped", () => {
    expect(vectorMeanWind([1, 1], [90, 270]).wd).toBeNaN();
    expect(vectorMeanWind([1, NaN, 3], [180, 0, 180]).wd).toBeCloseTo(180, 9);
  });
  it("u, v place a north wind at the top (v > 0) and an east wind to the right", () => {
    expect(windToUV(2, 0).v).toBeCloseTo(2, 12);
    expect(windToUV(2, 90).u).toBeCloseTo(2, 12);
    expect(uvToDirection(-1, 0)).toBeCloseTo(270, 12);
  });
  it("sectors are centred on north", () => {
    expect(sectorIndex(11.24, 16)).toBe(0);
    expect(sectorIndex(11.25, 16)).toBe(1);
    expect(sectorIndex(348.75, 16)).toBe(0);
    expect(sectorIndex(348.7, 16)).toBe(15);
    expect(sectorIndex(NaN, 16)).toBe(-1);
  });
});

describe("CPF (Ashbaugh 1985), hand-computed", () => {
  // values 1..8: N gets 1,2,3; E 4,5; S 6,7; W 8 (ws 2 m/s)
  const values = [1, 2, 3, 4, 5, 6, 7, 8];
  const wd = [0, 0, 0, 90, 90, 180, 180, 270];
  const ws = values.map(() => 2);
  it("P75 of 1..8 (type 7) = 6 + 0.25·1 = 6.25 → 7 (S) and 8 (W) exceed it", () => {
    const r = cpf({ values, wd, ws }, { sectors: 4 });
    expect(r.threshold).toBe(6.25);
    expect(r.rows.map((x) => [x.wd, x.n, x.m])).toEqual([
      [0, 3, 0],
      [90, 2, 0],
      [180, 2, 1],
      [270, 1, 1],
    ]);
    expect(r.rows.map((x) => x.cpf)).toEqual([0, 0, 0.5, 1]);
  });
  it("a calm record counts in the percentile but in no sector", () => {
    // 9 values 1..8, 100: P75 → h = 8·0.75 = 6 → 7; only 8 (W) and 100 (calm) exceed it
    const r = cpf({ values: [...values, 100], wd: [...wd, 0], ws: [...ws, 0.2] }, { sectors: 4 });
    expect(r.threshold).toBe(7);
    expect(r.rows.map((x) => [x.n, x.m])).toEqual([
      [3, 0],
      [2, 0],
      [2, 0],
      [1, 1],
    ]);
  });
  it("band P50–P90: 4.5 ≤ C ≤ 7.3 → 5 (E), 6 and 7 (S)", () => {
    // P50: h = 3.5 → 4.5; P90: h = 6.3 → 7.3
    const r = cpf({ values, wd, ws }, { sectors: 4, band: [50, 90] });
    expect(r.threshold).toBe(4.5);
    expect(r.upper).toBeCloseTo(7.3, 12);
    expect(r.rows.map((x) => x.cpf)).toEqual([0, 0.5, 1, 0]);
  });
});

describe("CBPF (Uria-Tellaetxe & Carslaw 2014), hand-computed", () => {
  it("per sector × speed bin", () => {
    // N: (1, 1 m/s), (2, 3 m/s), (9, 3 m/s); S: (3, 1 m/s), (10, 1 m/s), (4, 3 m/s)
    const values = [1, 2, 9, 3, 10, 4];
    const wd = [0, 0, 0, 180, 180, 180];
    const ws = [1, 3, 3, 1, 1, 3];
    // P75 of [1,2,3,4,9,10]: h = 3.75 → 4 + 0.75·5 = 7.75 → 9 (N, 2–4) and 10 (S, 0–2) exceed it
    const r = cbpf({ values, wd, ws }, { sectors: 4, wsBreaks: [0, 2, 4], calm: 0 });
    expect(r.threshold).toBe(7.75);
    const get = (d: number, lo: number) => r.rows.find((x) => x.wd === d && x.wsLo === lo)!;
    expect([get(0, 0).n, get(0, 0).m]).toEqual([1, 0]);
    expect(get(0, 2).cpf).toBe(0.5);
    expect(get(180, 0).cpf).toBe(0.5);
    expect(get(180, 2).cpf).toBe(0);
    expect(get(90, 0).cpf).toBeNaN();
  });
});

describe("roses, hand-computed", () => {
  // openair R/windRose.R documents: "the argument breaks = c(0, 1, 10, 100) breaks the data into
  // segments <1, 1-10, 10-100, >100", and its code appends max(x) as a last break when
  // max(breaks) < max(x): n breaks are the lower edges of n classes, the last open above.
  it("wind rose: frequencies per sector × speed, calms apart; n breaks give n classes, the last open above", () => {
    // ws 0.2 (calm), 1, 3, 5, 7 from N, N, E, E, S; breaks 0, 2, 4, 6 → (0, 2], (2, 4], (4, 6], > 6:
    // N: 1 → (0, 2]; E: 3 → (2, 4], 5 → (4, 6]; S: 7 → > 6. Each record is 1/5 = 20 %.
    const r = windRose([0.2, 1, 3, 5, 7], [0, 0, 90, 90, 180], { sectors: 4, breaks: [0, 2, 4, 6] });
    expect(r.calmCount).toBe(1);
    expect(r.calmPercent).toBe(20);
    expect(r.rows).toHaveLength(4 * 4); // 4 sectors × 4 classes
    const f = (d: number, lo: number) => r.rows.find((x) => x.wd === d && x.lo === lo)!.percent;
    expect([f(0, 0), f(90, 2), f(90, 4), f(180, 6)]).toEqual([20, 20, 20, 20]);
    expect(f(180, 4)).toBe(0); // 7 m/s is above the last break 6, not in (4, 6]
    expect(r.rows.reduce((s, x) => s + x.percent, 0) + r.calmPercent).toBeCloseTo(100, 12);
  });
  it("default breaks 0, 2, 4, 6, 8: five classes, the last '> 8' holds every ws above 8 m/s", () => {
    // ws 1, 2, 2.5, 8, 8.1, 12, 30 all from N, by hand with (lo, hi]:
    // (0, 2]: 1, 2 → 2; (2, 4]: 2.5 → 1; (4, 6]: 0; (6, 8]: 8 → 1; > 8: 8.1, 12, 30 → 3
    const r = windRose([1, 2, 2.5, 8, 8.1, 12, 30], [0, 0, 0, 0, 0, 0, 0], { sectors: 4 });
    expect(r.breaks).toEqual([0, 2, 4, 6, 8]);
    const n = r.rows.filter((x) => x.wd === 0);
    expect(n.map((x) => [x.label, x.count])).toEqual([
      ["(0, 2]", 2],
      ["(2, 4]", 1],
      ["(4, 6]", 0],
      ["(6, 8]", 1],
      ["> 8", 3],
    ]);
    expect([n[4].lo, n[4].hi]).toEqual([8, Infinity]);
  });
  it("interval convention: default (lo, hi] as openair (R cut right = TRUE); [lo, hi) on request; last class open-ended", () => {
    // ws 2, 4, 9, 20 all from the north, breaks 0, 2, 4, 6, calm 0.5, by hand:
    // (lo, hi]: 2 → (0, 2], 4 → (2, 4], nothing in (4, 6], 9 and 20 → > 6 (open: 20 is kept, not dropped)
    const r = windRose([2, 4, 9, 20], [0, 0, 0, 0], { sectors: 4, breaks: [0, 2, 4, 6] });
    const n = r.rows.filter((x) => x.wd === 0);
    expect(r.closed).toBe("right");
    expect(n.map((x) => [x.label, x.count])).toEqual([
      ["(0, 2]", 1],
      ["(2, 4]", 1],
      ["(4, 6]", 0],
      ["> 6", 2],
    ]);
    expect(n[3].hi).toBe(Infinity);
    // [lo, hi): 2 → [2, 4), 4 → [4, 6), 9, 20 → ≥ 6
    const lr = windRose([2, 4, 9, 20], [0, 0, 0, 0], { sectors: 4, breaks: [0, 2, 4, 6], closed: "left" });
    expect(lr.closed).toBe("left");
    expect(lr.rows.filter((x) => x.wd === 0).map((x) => [x.label, x.count])).toEqual([
      ["[0, 2)", 0],
      ["[2, 4)", 1],
      ["[4, 6)", 1],
      ["≥ 6", 2],
    ]);
    // percent is of all finite records, calms included: 1 calm + 4 → 20 % each
    const c = windRose([0.2, 2, 4, 9, 20], [0, 0, 0, 0, 0], { sectors: 4, breaks: [0, 2, 4, 6] });
    expect(c.rows.filter((x) => x.wd === 0).map((x) => x.percent)).toEqual([20, 20, 0, 40]);
    expect(() => windRose([1], [0], { closed: "both" as never })).toThrow(RangeError);
    expect(() => windRose([1], [0], { breaks: [] })).toThrow(RangeError);
  });
  it("pollution rose bins concentrations; the last class is open above the last break", () => {
    // values 1, 5, 9 from N, N, E; breaks 0, 4, 8 → (0, 4], (4, 8], > 8: N 1 → (0, 4], N 5 → (4, 8], E 9 → > 8
    const r = pollutionRose([1, 5, 9], [0, 0, 90], [3, 3, 3], { sectors: 4, breaks: [0, 4, 8] });
    expect(r.rows.filter((x) => x.count > 0).map((x) => [x.wd, x.lo, x.count])).toEqual([
      [0, 0, 1],
      [0, 4, 1],
      [90, 8, 1],
    ]);
  });
  it("percentile rose: type-7 percentiles per sector", () => {
    const r = percentileRose([1, 2, 3, 4, 10], [0, 0, 0, 0, 180], [2, 2, 2, 2, 2], {
      sectors: 4,
      percentiles: [50, 75],
    });
    // N: 1,2,3,4 → P50 = 2.5, P75 = h 2.25 → 3.25
    expect(r.rows.filter((x) => x.wd === 0).map((x) => x.value)).toEqual([2.5, 3.25]);
    expect(r.sectors.find((x) => x.wd === 180)!.mean).toBe(10);
  });
});
