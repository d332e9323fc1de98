import { describe, expect, it } from "vitest";
import { cnIaqi, usAqi, truncateDecimals, type CnIaqiKey } from "../../../src/models/aqi";

// Breakpoints transcribed by hand from HJ 633-2012 Table 1 and HJ 633-2026 Table 3 (IAQI 0, 50, 100, 150, 200, 300, 400, 500).
const LEVELS = [0, 50, 100, 150, 200, 300, 400, 500];
const COMMON: Record<string, (number | null)[]> = {
  SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
  SO2_1h: [0, 150, 500, 650, 800, null, null, null],
  NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
  NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
  CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
  CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
  O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
  O3_8h: [0, 100, 160, 215, 265, 800, null, null],
};
const HAND = {
  "cn-2012": {
    ...COMMON,
    PM10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
    PM25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
  },
  "cn-2026": {
    ...COMMON,
    PM10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
    PM25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  },
} as const;

describe("China IAQI (HJ 633-2012 and HJ 633-2026)", () => {
  for (const version of ["cn-2012", "cn-2026"] as const) {
    for (const [key, bp] of Object.entries(HAND[version])) {
      it(`${version} ${key}: exact at every breakpoint, the segment midpoint, and rounded up just above each lower breakpoint`, () => {
        for (let i = 0; i < bp.length; i++) {
          const c = bp[i];
          if (c === null) continue;
          expect(cnIaqi(key as CnIaqiKey, c, version).iaqi).toBe(LEVELS[i]); // at a breakpoint: IAQI = its level
          const hi = bp[i + 1];
          if (hi === undefined || hi === null) continue;
          // midpoint of [BP_lo, BP_hi] maps to the midpoint of [IAQI_lo, IAQI_hi] (linearity)
          expect(cnIaqi(key as CnIaqiKey, (c + hi) / 2, version).iaqi).toBe((LEVELS[i] + LEVELS[i + 1]) / 2);
          // 0.1 % of the segment above BP_lo: IAQI_lo + 0.001·ΔIAQI (0.05 or 0.1) rounds UP to IAQI_lo + 1
          expect(cnIaqi(key as CnIaqiKey, c + 0.001 * (hi - c), version).iaqi).toBe(LEVELS[i] + 1);
        }
      });
    }
  }
  it("worked examples by hand", () => {
    // PM2.5 35.1: 50 + 50·(35.1 − 35)/(60 − 35) = 50.2 → 51 (2026)
    expect(cnIaqi("PM25_24h", 35.1, "cn-2026")).toMatchObject({ iaqi: 51 });
    expect(cnIaqi("PM25_24h", 35.1, "cn-2026").exact).toBeCloseTo(50.2, 12);
    // PM2.5 47.5: 2026 segment 35–60 → 75; 2012 segment 35–75 → 50 + 50·12.5/40 = 65.625 → 66
    expect(cnIaqi("PM25_24h", 47.5, "cn-2026").iaqi).toBe(75);
    expect(cnIaqi("PM25_24h", 47.5, "cn-2012").iaqi).toBe(66);
    // PM10 85: 2026 segment 50–120 → 75; 2012 segment 50–150 → 50 + 50·35/100 = 67.5 → 68
    expect(cnIaqi("PM10_24h", 85, "cn-2026").iaqi).toBe(75);
    expect(cnIaqi("PM10_24h", 85, "cn-2012").iaqi).toBe(68);
    // O3 8-h 500: 200 + 100·(500 − 265)/(800 − 265) = 243.925… → 244
    expect(cnIaqi("O3_8h", 500, "cn-2026").iaqi).toBe(244);
    // CO 24-h 2.1 mg/m3: 50 + 50·0.1/2 = 52.5 → 53; NO2 24-h 41: 50 + 50·1/40 = 51.25 → 52
    expect(cnIaqi("CO_24h", 2.1).iaqi).toBe(53);
    expect(cnIaqi("NO2_24h", 41).iaqi).toBe(52);
    // an exactly integer result is not pushed up by floating point: 35 → 50, 60 → 100
    expect(cnIaqi("PM25_24h", 35).iaqi).toBe(50);
    expect(cnIaqi("PM25_24h", 60).iaqi).toBe(100);
  });
  it("above the top breakpoint: the standards' notes (2012 defer to another averaging, 2026 fixed) and a cap at 500", () => {
    expect(cnIaqi("O3_8h", 850, "cn-2012")).toMatchObject({ useKey: "O3_1h" });
    expect(Number.isNaN(cnIaqi("O3_8h", 850, "cn-2012").iaqi)).toBe(true);
    expect(cnIaqi("O3_8h", 850, "cn-2026")).toMatchObject({ iaqi: 300, note: "above-top-fixed" });
    expect(cnIaqi("SO2_1h", 900, "cn-2012")).toMatchObject({ useKey: "SO2_24h" });
    expect(cnIaqi("SO2_1h", 900, "cn-2026")).toMatchObject({ iaqi: 200, note: "above-top-fixed" });
    expect(cnIaqi("PM25_24h", 600, "cn-2026")).toMatchObject({ iaqi: 500, note: "beyond-index" });
  });
  it("bad input", () => {
    expect(() => cnIaqi("PM25_24h", -1)).toThrow(/≥ 0/);
    expect(() => cnIaqi("PM1_24h" as CnIaqiKey, 1)).toThrow(/unknown pollutant key/);
    expect(Number.isNaN(cnIaqi("PM25_24h", NaN).iaqi)).toBe(true);
  });
});

// US segments transcribed by hand from EPA-454/B-24-002 (2024) Table 6
const US: Record<string, [number, number, number, number][]> = {
  O3_8h: [
    [0, 50, 0, 0.054],
    [51, 100, 0.055, 0.07],
    [101, 150, 0.071, 0.085],
    [151, 200, 0.086, 0.105],
    [201, 300, 0.106, 0.2],
  ],
  O3_1h: [
    [101, 150, 0.125, 0.164],
    [151, 200, 0.165, 0.204],
    [201, 300, 0.205, 0.404],
    [301, 500, 0.405, 0.604],
  ],
  PM25_24h: [
    [0, 50, 0, 9],
    [51, 100, 9.1, 35.4],
    [101, 150, 35.5, 55.4],
    [151, 200, 55.5, 125.4],
    [201, 300, 125.5, 225.4],
    [301, 500, 225.5, 325.4],
  ],
  PM10_24h: [
    [0, 50, 0, 54],
    [51, 100, 55, 154],
    [101, 150, 155, 254],
    [151, 200, 255, 354],
    [201, 300, 355, 424],
    [301, 500, 425, 604],
  ],
  CO_8h: [
    [0, 50, 0, 4.4],
    [51, 100, 4.5, 9.4],
    [101, 150, 9.5, 12.4],
    [151, 200, 12.5, 15.4],
    [201, 300, 15.5, 30.4],
    [301, 500, 30.5, 50.4],
  ],
  SO2_1h: [
    [0, 50, 0, 35],
    [51, 100, 36, 75],
    [101, 150, 76, 185],
    [151, 200, 186, 304],
  ],
  SO2_24h: [
    [201, 300, 305, 604],
    [301, 500, 605, 1004],
  ],
  NO2_1h: [
    [0, 50, 0, 53],
    [51, 100, 54, 100],
    [101, 150, 101, 360],
    [151, 200, 361, 649],
    [201, 300, 650, 1249],
    [301, 500, 1250, 2049],
  ],
};

describe("US AQI (EPA 2024)", () => {
  for (const [key, segs] of Object.entries(US)) {
    it(`${key}: AQI_lo at every lower and AQI_hi at every upper breakpoint`, () => {
      for (const [aLo, aHi, cLo, cHi] of segs) {
        expect(usAqi(key as never, cLo).aqi).toBe(aLo);
        expect(usAqi(key as never, cHi).aqi).toBe(aHi);
      }
    });
  }
  it("one interior point of every PM2.5, PM10 and O3 8-h segment (hand arithmetic)", () => {
    // PM2.5: 4.5 → 50·4.5/9 = 25; 22.25 → 22.2: 51 + 49·13.1/26.3 = 75.41 → 75; 45.45 → 45.4: 101 + 49·9.9/19.9 = 125.38 → 125;
    // 90.45 → 90.4: 151 + 49·34.9/69.9 = 175.46 → 175; 175.45 → 175.4: 201 + 99·49.9/99.9 = 250.45 → 250; 275.45 → 275.4: 301 + 199·49.9/99.9 = 400.40 → 400
    expect([4.5, 22.25, 45.45, 90.45, 175.45, 275.45].map((c) => usAqi("PM25_24h", c).aqi)).toEqual([
      25, 75, 125, 175, 250, 400,
    ]);
    // PM10: 27 → 25; 100: 51 + 49·45/99 = 73.27 → 73; 205: 101 + 49·50/99 = 125.75 → 126; 305: 151 + 49·50/99 = 175.75 → 176;
    // 390: 201 + 99·35/69 = 251.22 → 251; 515: 301 + 199·90/179 = 401.06 → 401
    expect([27, 100, 205, 305, 390, 515].map((c) => usAqi("PM10_24h", c).aqi)).toEqual([25, 73, 126, 176, 251, 401]);
    // O3 8-h: 0.027 → 25; 0.0625 → 0.062: 51 + 49·0.007/0.015 = 73.87 → 74; 0.095: 151 + 49·0.009/0.019 = 174.21 → 174;
    // 0.153: 201 + 99·0.047/0.094 = 250.5 → 251 (half up)
    expect([0.027, 0.0625, 0.095, 0.153].map((c) => usAqi("O3_8h", c).aqi)).toEqual([25, 74, 174, 251]);
  });
  it("truncation before look-up, then nearest-integer rounding (worked by hand)", () => {
    expect(usAqi("PM25_24h", 35.45).aqi).toBe(100); // 35.45 → 35.4 → top of 51–100
    expect(usAqi("PM25_24h", 35.5).aqi).toBe(101);
    expect(usAqi("PM25_24h", 9.05).aqi).toBe(50); // → 9.0
    // PM2.5 12.0: 51 + 49·(12.0 − 9.1)/(35.4 − 9.1) = 51 + 5.403 = 56.40 → 56
    expect(usAqi("PM25_24h", 12.0).aqi).toBe(56);
    // O3 8-h 0.0705 → 0.070 → 100; 0.078: 101 + 49·0.007/0.014 = 125.5 → 126 (half rounds up)
    expect(usAqi("O3_8h", 0.0705).aqi).toBe(100);
    expect(usAqi("O3_8h", 0.078).aqi).toBe(126);
    // CO 5.0 ppm: 51 + 49·0.5/4.9 = 56; SO2 200 ppb: 151 + 49·14/118 = 156.81 → 157
    expect(usAqi("CO_8h", 5.0).aqi).toBe(56);
    expect(usAqi("SO2_1h", 200).aqi).toBe(157);
    // NO2 100.9 → 100 → 100; PM10 154.9 → 154 → 100
    expect(usAqi("NO2_1h", 100.9).aqi).toBe(100);
    expect(usAqi("PM10_24h", 154.9).aqi).toBe(100);
    // O3 1-h 0.250: 201 + 99·0.045/0.199 = 223.39 → 223
    expect(usAqi("O3_1h", 0.25).aqi).toBe(223);
    expect(truncateDecimals(0.0709999, 3)).toBe(0.07);
  });
  it("outside a key's range: O3 1-h below 0.125, O3 8-h above 0.200, SO2 1-h above 304, beyond the index", () => {
    expect(usAqi("O3_1h", 0.1)).toMatchObject({ note: "below-range" });
    expect(usAqi("O3_8h", 0.21)).toMatchObject({ note: "above-range" });
    expect(usAqi("SO2_1h", 400)).toMatchObject({ note: "above-range" });
    // above the top PM2.5 segment (225.5–325.4 µg/m3 → 301–500) 40 CFR 58 App. G §12(ii) allows the
    // last two breakpoints: 301 + 199·(400 − 225.5)/(325.4 − 225.5) = 648.6 → 649; or cap at 500
    expect(usAqi("PM25_24h", 400)).toMatchObject({ aqi: 649, note: "beyond-index" });
    expect(usAqi("PM25_24h", 400, { beyondIndex: "cap" })).toMatchObject({ aqi: 500, note: "beyond-index" });
    expect(() => usAqi("PM25_24h", -0.1)).toThrow(/≥ 0/);
  });
});
