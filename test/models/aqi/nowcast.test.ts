import { describe, expect, it } from "vitest";
import { nowcast, nowcastAqi, nowcastO3, nowcastPm25, nowcastWindow } from "../../../src/models/aqi";
import * as root from "../../../src";

const H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1, 0); // 2025-07-01T00:00Z
/** Hourly stamps for values given oldest first. */
const stamps = (n: number, start = t0) => Array.from({ length: n }, (_, i) => start + i * H);

describe("nowcastWindow: the AirNow weighting, by hand", () => {
  it("AirNow-Tech's ozone example (forum t/151), with its missing hour 5", () => {
    // Quoted: "1. Range: 80-22=58  2. Scaled rate of change: 58/80= .725  3. Weight Factor: 1-.725= .275
    //  4. 63*(.275)0+69*(.275)1+80*(.275)2+74*(.275)3+60*(.275)4+Missing*(.275)5+35*(.275)6+22*(.275)7= 89.925"
    const w = nowcastWindow([63, 69, 80, 74, 60, NaN, 35, 22], "O3");
    expect(w.valid).toBe(true);
    expect(w.weightFactor).toBeCloseTo(0.275, 12);
    expect(w.hoursUsed).toBe(7);
    const num =
      63 + 69 * 0.275 + 80 * 0.075625 + 74 * 0.020796875 + 60 * 0.005719140625 + 35 * 0.275 ** 6 + 22 * 0.275 ** 7;
    expect(num).toBeCloseTo(89.925, 3); // the forum's numerator
    const den = 1 + 0.275 + 0.075625 + 0.020796875 + 0.005719140625 + 0.275 ** 6 + 0.275 ** 7;
    expect(w.value).toBeCloseTo(num / den, 10); // 65.27 ppb
    expect(w.value).toBeCloseTo(65.272, 2);
    // the forum's denominator line also lists (.275)^5 for the missing hour; with it the NowCast
    // would be 65.197 ppb: either way the truncated NowCast is 65 ppb
    expect(Math.floor(89.925 / (den + 0.275 ** 5))).toBe(65);
  });

  it("PM: the 'Computing the NowCast' presentation's example (12 h, w = 0.5 → 17.4 µg/m3)", () => {
    // Quoted (copy at https://cdn.slideserve.com/brina/computing-the-nowcast; the presentation
    // AirNow-Tech forum t/151 refers to): "Example 12-hour period 50 80 75 90 82 53 64 74 21 10 16 13
    // Range = 90-10 = 80 ug/m3 … Scaled rate of change is 80/90. Weight factor is 1 – 80/90 = .11 less
    // than .5, so use .5  13*(.5)0 + 16*(.5)1 + 10*(.5)2 + 21*(.5)3 + 74*(.5)4 + … / (.5)0 + (.5)1 + … = 17.4 ug/m3"
    const oldestFirst = [50, 80, 75, 90, 82, 53, 64, 74, 21, 10, 16, 13];
    const w = nowcastWindow([...oldestFirst].reverse(), "PM2.5");
    expect(w.weightFactor).toBe(0.5);
    expect(Math.floor(w.value * 10) / 10).toBe(17.4);
    const r = nowcastPm25(stamps(12), oldestFirst)[11];
    expect(r.truncated).toBe(17.4);
    // 2024 breakpoints 9.1–35.4 ↔ 51–100: 51 + 49·(17.4 − 9.1)/26.3 = 66.46 → 66
    expect(r.aqi).toBe(66);
  });

  it("PM2.5: w* = 0.2 is raised to the 0.5 floor; Σ w^(i−1) c_i / Σ w^(i−1) over 12 hours", () => {
    // most recent first: 50, 40, 30, 20, then 10 for 8 hours; min/max = 10/50 = 0.2 → w = 0.5
    const recent = [50, 40, 30, 20, 10, 10, 10, 10, 10, 10, 10, 10];
    const w = nowcastWindow(recent, "PM2.5");
    expect(w.weightFactor).toBe(0.5);
    // numerator 50 + 20 + 7.5 + 2.5 + 10·(1/16 + … + 1/2048) = 80 + 10·(255/2048) = 81.2451171875
    // denominator 1 + 1/2 + … + 1/2048 = 4095/2048 = 1.99951171875
    expect(w.value).toBeCloseTo(81.2451171875 / 1.99951171875, 12); // 40.6325…
    expect(w.hoursUsed).toBe(12);
  });

  it("PM2.5: steady values give w = 1, the plain 12-h mean; w* above 0.5 is used as is", () => {
    expect(nowcastWindow(Array(12).fill(10), "PM2.5")).toEqual({
      value: 10,
      weightFactor: 1,
      hoursUsed: 12,
      valid: true,
    });
    // 8 and 10 alternating: w = 0.8; Σ 0.8^i c_i / Σ 0.8^i, by hand over i = 0..11
    const recent = [10, 8, 10, 8, 10, 8, 10, 8, 10, 8, 10, 8];
    let num = 0,
      den = 0;
    for (let i = 0; i < 12; i++) {
      num += 0.8 ** i * recent[i];
      den += 0.8 ** i;
    }
    const w = nowcastWindow(recent, "PM2.5");
    expect(w.weightFactor).toBeCloseTo(0.8, 15);
    expect(w.value).toBeCloseTo(num / den, 12);
  });

  it("only the 12 (PM) or 8 (O3) most recent hours count", () => {
    expect(nowcastWindow([...Array(12).fill(10), 1000], "PM2.5").value).toBe(10);
    expect(nowcastWindow([...Array(8).fill(40), 0], "O3")).toMatchObject({ value: 40, weightFactor: 1 });
  });

  it("validity: 2 of the 3 most recent hours (forum t/172: 'the only requirement')", () => {
    const rest = Array(9).fill(20);
    expect(nowcastWindow([NaN, 20, 20, ...rest], "PM2.5").valid).toBe(true);
    expect(nowcastWindow([20, NaN, 20, ...rest], "PM2.5").valid).toBe(true);
    expect(nowcastWindow([NaN, NaN, 20, ...rest], "PM2.5")).toMatchObject({ valid: false, reason: "incomplete" });
    expect(nowcastWindow([20, NaN, NaN, ...rest], "PM2.5")).toMatchObject({ valid: false, hoursUsed: 10 });
    // two hours are enough: the window need not be full
    const two = nowcastWindow([30, 10], "PM2.5"); // w* = 1/3 → 0.5: (30 + 5)/(1.5)
    expect(two.value).toBeCloseTo(35 / 1.5, 12);
    expect(two.hoursUsed).toBe(2);
  });

  it("missing hours inside the window keep their hours-ago exponent and leave both sums", () => {
    // c1 = 40, c2 missing, c3 = 20 (2 hours ago), c4 = 20: w = 0.5; (40 + 20/4 + 20/8) / (1 + 1/4 + 1/8)
    const w = nowcastWindow([40, NaN, 20, 20], "PM2.5");
    expect(w.value).toBeCloseTo(47.5 / 1.375, 12);
    expect(w.hoursUsed).toBe(3);
  });

  it("all-zero window: w = 1 and NowCast 0 (c_max = 0 leaves no range to scale)", () => {
    expect(nowcastWindow(Array(12).fill(0), "PM2.5")).toEqual({
      value: 0,
      weightFactor: 1,
      hoursUsed: 12,
      valid: true,
    });
    expect(nowcastWindow([0, 0, NaN, 0], "O3")).toMatchObject({ value: 0, weightFactor: 1, valid: true });
  });

  it("O3 has no lower limit on w: a zero in the window makes w = 0, the NowCast the current hour", () => {
    const w = nowcastWindow([50, 60, 0, 40, 40, 40, 40, 40], "O3");
    expect(w.weightFactor).toBe(0);
    expect(w.value).toBe(50);
    // and with the current hour missing nothing keeps a weight: not valid
    expect(nowcastWindow([NaN, 60, 0, 40], "O3")).toMatchObject({ valid: false, reason: "zero-weight" });
    // PM with the same window keeps w = 0.5
    expect(nowcastWindow([50, 60, 0, 40, 40, 40, 40, 40], "PM2.5").weightFactor).toBe(0.5);
  });

  it("refuses negative values and unknown pollutants", () => {
    expect(() => nowcastWindow([10, -1, 10], "PM2.5")).toThrow(RangeError);
    expect(() => nowcastWindow([10, Infinity, 10], "PM2.5")).toThrow(/finite/);
    expect(() => nowcastWindow([10], "CO" as never)).toThrow(/PM2.5, PM10 or O3/);
  });
});

describe("nowcast over a series: truncation, AQI and category", () => {
  it("PM2.5 NowCast 40.63 → 40.6 µg/m3 → AQI 114 (Unhealthy for Sensitive Groups)", () => {
    // oldest first: 10 × 8, 20, 30, 40, 50
    const v = [10, 10, 10, 10, 10, 10, 10, 10, 20, 30, 40, 50];
    const rows = nowcastPm25(stamps(12), v);
    expect(rows).toHaveLength(12);
    const r = rows[11];
    expect(r.nowcast).toBeCloseTo(81.2451171875 / 1.99951171875, 12); // 40.6325
    // forum t/172: "truncated to … 0.1 ug/m3 for PM2.5 … The resulting AQI is rounded to the nearest whole number"
    expect(r.truncated).toBe(40.6);
    // EPA-454/B-24-002 Table 6: 35.5–55.4 ↔ 101–150: 101 + 49·(40.6 − 35.5)/19.9 = 113.56 → 114
    expect(r.aqi).toBe(114);
    expect(r.category).toBe(3);
    expect(r.weightFactor).toBe(0.5);
    expect(r.local).toBe("2025-07-01T11:00");
  });

  it("steady 10 µg/m3 → 10.0 → AQI 53 (9.1–35.4 ↔ 51–100: 51 + 49·0.9/26.3 = 52.68)", () => {
    const r = nowcastPm25(stamps(12), Array(12).fill(10))[11];
    expect(r).toMatchObject({ truncated: 10, aqi: 53, category: 2, weightFactor: 1, hoursUsed: 12, valid: true });
  });

  it("truncation is toward zero: 12.19 → 12.1, PM10 54.9 → 54 (AQI 50, not 51)", () => {
    expect(nowcastPm25(stamps(3), [12.19, 12.19, 12.19])[2].truncated).toBe(12.1);
    const pm10 = nowcast(stamps(3), [54.9, 54.9, 54.9], "PM10", { unit: "µg/m3" })[2];
    expect(pm10.truncated).toBe(54);
    expect(pm10.aqi).toBe(50);
  });

  it("the first hour of a series is not valid (1 of 3), the second is", () => {
    const rows = nowcastPm25(stamps(3), [30, 10, 10]);
    expect(rows[0]).toMatchObject({ valid: false, note: "incomplete", aqi: NaN, category: NaN });
    expect(rows[1].nowcast).toBeCloseTo((10 + 0.5 * 30) / 1.5, 12);
    expect(rows[1].hoursUsed).toBe(2);
  });

  it("absent rows are missing hours; rows run from the first to the last stamp", () => {
    // values at 00, 01, 02, 05 h: 03 and 04 have no row
    const times = [t0, t0 + H, t0 + 2 * H, t0 + 5 * H];
    const rows = nowcastPm25(times, [20, 20, 20, 20]);
    expect(rows.map((r) => r.local.slice(11))).toEqual(["00:00", "01:00", "02:00", "03:00", "04:00", "05:00"]);
    expect(rows[3]).toMatchObject({ valid: true, hoursUsed: 3 }); // 03 h: c1 missing, c2 c3 present
    expect(rows[4].valid).toBe(false); // 04 h: 04, 03 missing
    expect(rows[5].valid).toBe(false); // 05 h: 04, 03 missing
    expect(Number.isNaN(rows[3].hourly)).toBe(true);
  });

  it("hour-ending stamps shift by one hour; local time carries the offset", () => {
    const end = nowcastPm25(stamps(3, t0 + H), [10, 10, 10], { hourLabel: "end", utcOffsetMinutes: 540 });
    expect(end[0].utcMs).toBe(t0);
    expect(end[0].local).toBe("2025-07-01T09:00");
  });

  it("O3 (2016 method): AirNow's example as a series (ppb), 65 ppb → 0.065 ppm → AQI 84", () => {
    const oldestFirst = [22, 35, NaN, 60, 74, 80, 69, 63];
    const r = nowcastO3(stamps(8), oldestFirst, { unit: "ppb", o3Method: "2016" })[7];
    expect(r.weightFactor).toBeCloseTo(0.275, 12);
    expect(r.truncated).toBe(65);
    // Table 6 O3 8-h 0.055–0.070 ↔ 51–100: 51 + 49·0.010/0.015 = 83.67 → 84
    expect(r.aqi).toBe(84);
    // the same in ppm gives the same NowCast
    const ppm = nowcastO3(
      stamps(8),
      oldestFirst.map((x) => x / 1000),
      { unit: "ppm", o3Method: "2016" },
    )[7];
    expect(ppm.nowcast).toBeCloseTo(r.nowcast, 9);
    expect(ppm.aqi).toBe(84);
  });

  it("O3 in µg/m3 is converted at 298.15 K (1 ppb = 47.997/24.4654 µg/m3)", () => {
    const vm = (8.314462618 * 298.15) / 101.325; // L/mol
    const ugm3 = Array(8).fill((60 * 47.997) / vm);
    expect(nowcastO3(stamps(8), ugm3, { unit: "µg/m3", o3Method: "2016" })[7].nowcast).toBeCloseTo(60, 3);
    // the 2019 default: 8 valid hours of 336 → the surrogate 0.85·60 + 4.5 of the converted value
    expect(nowcastO3(stamps(8), ugm3, { unit: "µg/m3" })[7].nowcast).toBeCloseTo(55.5, 3);
  });

  it("O3 NowCast above 0.200 ppm uses the 1-h table with the current hour (250 ppb → AQI 223)", () => {
    const r = nowcastO3(stamps(8), Array(8).fill(250), { unit: "ppb", o3Method: "2016" })[7];
    // 1-h 0.205–0.404 ↔ 201–300: 201 + 99·0.045/0.199 = 223.39
    expect(r).toMatchObject({ aqi: 223, note: "o3-1h", category: 5 });
    // 2019 default: surrogate 0.85·250 + 4.5 = 217 ppb, also above 0.200 ppm → the same 1-h AQI
    expect(nowcastO3(stamps(8), Array(8).fill(250), { unit: "ppb" })[7]).toMatchObject({
      truncated: 217,
      aqi: 223,
      note: "o3-1h",
      o3Path: "surrogate-0",
    });
  });

  it("PM2.5 above the AQI-500 breakpoint is extended along the top segment (400 → 649, beyond-index)", () => {
    const r = nowcastPm25(stamps(3), [400, 400, 400])[2];
    // 301 + 199·(400 − 225.5)/99.9 = 648.6
    expect(r).toMatchObject({ aqi: 649, note: "beyond-index", category: 6 });
  });

  it("mg/m3 PM is converted; negative values are an error or, by choice, missing", () => {
    expect(nowcastPm25(stamps(3), [0.01, 0.01, 0.01], { unit: "mg/m3" })[2].nowcast).toBeCloseTo(10, 12);
    expect(() => nowcastPm25(stamps(3), [10, -2, 10])).toThrow(/negative/);
    const r = nowcastPm25(stamps(3), [10, -2, 10], { negative: "missing" });
    expect(r[2]).toMatchObject({ valid: true, hoursUsed: 2 });
    expect(r[1].valid).toBe(false);
  });

  it("refuses unknown units, missing O3 units and unequal lengths", () => {
    expect(() => nowcastPm25(stamps(3), [1, 2, 3], { unit: "ppb" })).toThrow(/µg\/m3 or mg\/m3/);
    expect(() => nowcastO3(stamps(3), [1, 2, 3], { unit: "" })).toThrow(/ppb, ppm or µg\/m3/);
    expect(() => nowcastPm25(stamps(3), [1, 2])).toThrow(/2 values for 3 times/);
    expect(() => nowcast(stamps(3), [1, 2, 3], "SO2" as never, { unit: "ppb" })).toThrow(RangeError);
  });

  it("is exported from the root", () => {
    expect(root.nowcastPm25).toBe(nowcastPm25);
    expect(root.nowcastO3).toBe(nowcastO3);
    expect(root.NOWCAST_RULES["PM2.5"].hours).toBe(12);
  });
});

describe("nowcastAqi: the station's hourly NowCast AQI", () => {
  it("is the highest pollutant NowCast AQI: PM2.5 10 µg/m3 (53) and O3 65 ppb (84, 2016 method) → 84, O3 primary; SO2 ignored", () => {
    const times = stamps(8);
    const input = {
      times,
      utcOffsetMinutes: 540,
      series: {
        "PM2.5": { values: Array(8).fill(10), unit: "µg/m3" },
        O3: { values: [NaN, NaN, 65, 65, 65, 65, 65, 65], unit: "ppb" },
        SO2: { values: Array(8).fill(5), unit: "ppb" },
      },
    };
    const rows = nowcastAqi(input, { o3Method: "2016" });
    expect(rows).toHaveLength(8);
    expect(rows[7]).toMatchObject({ aqi: 84, primary: ["O3"], category: 2, local: "2025-07-01T16:00" });
    expect(Object.keys(rows[7].pollutants).sort()).toEqual(["O3", "PM2.5"]);
    expect(rows[7].pollutants["PM2.5"]!.aqi).toBe(53);
    // 02 h: O3 has 1 of its last 3 hours, PM2.5 is valid: the AQI is PM2.5's
    expect(rows[2]).toMatchObject({ aqi: 53, primary: ["PM2.5"] });
    expect(rows[2].pollutants.O3!.valid).toBe(false);
    // 00 h: nothing valid
    expect(rows[0]).toMatchObject({ aqi: NaN, primary: [], category: NaN });
    // the 2019 default at 07 h: O3 surrogate 0.85·65 + 4.5 = 59.75 → 59 ppb → 51 + 49·0.004/0.015 = 64.07 → 64
    expect(nowcastAqi(input)[7]).toMatchObject({ aqi: 64, primary: ["O3"] });
  });

  it("refuses a station without PM2.5, PM10 or O3", () => {
    expect(() =>
      nowcastAqi({ times: stamps(2), utcOffsetMinutes: 0, series: { SO2: { values: [1, 2], unit: "ppb" } } }),
    ).toThrow(/no PM2.5, PM10 or O3/);
  });
});
