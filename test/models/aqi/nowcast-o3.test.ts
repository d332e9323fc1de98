import { describe, expect, it } from "vitest";
import { nowcastAqi, nowcastO3, nowcastO3Pls, O3_NOWCAST_2019 } from "../../../src/models/aqi";
import { imputeMovingAverage } from "../../../src/stats/impute";
import { olsCentred, ols } from "../../../src/stats/ols";
import * as root from "../../../src";
import { o3Series } from "./o3-series";

const H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1, 0);
const stamps = (n: number) => Array.from({ length: n }, (_, i) => t0 + i * H);

// EPA's own R code (https://github.com/USEPA/O3-Nowcast, commit 9853995: NowcastFun_Upd.r, GetNowcast.r,
// RunNowcast_local_v2.r's run.nowcast) run with R 4.2.2, pls 2.8-1 and zoo 1.8-11 on the series of
// ./o3-series.ts, printed with sprintf("%.12f"). imputeTS is not packaged for Debian: its na.ma was
// transcribed from imputeTS's src/ma.cpp for that run (series a and b have missing hours).
// Index = hour of the series (0-based); MethodID 2 = PLS.
const EPA_R_SERIES_A: Record<number, number> = {
  335: 36.238135391378,
  336: 31.543537070734,
  337: 26.710357776729,
  338: 25.800601150366,
  339: 23.863682145784,
  // 340: the current hour is missing → MethodID 4, "Use previous hour NowCast value instead"
  341: 25.648407767751,
  342: 30.283883951248,
  343: 33.289543864509,
  344: 38.407029216634,
  345: 44.127464948677,
  346: 50.771778124394,
  347: 56.014070781838,
  348: 60.125084566081,
  349: 62.867122446166,
  350: 63.545698435128,
  351: 63.184213974612,
  352: 62.058596332049,
  353: 61.142813742004,
  354: 58.035486768122,
  355: 54.70170951239,
  356: 50.374332827274,
  357: 44.990194670932,
  358: 38.247971869773,
  359: 31.751859140813,
};

describe("nowcastO3Pls: EPA's 2019 ozone NowCast of one 336-hour window", () => {
  const { a, b, c } = o3Series();

  it("PLS path equals EPA's R code (series a, every hour from 335 to 359 that has a current value)", () => {
    for (const [k, expected] of Object.entries(EPA_R_SERIES_A)) {
      const i = Number(k);
      const r = nowcastO3Pls(a.subarray(i - 335, i + 1));
      expect(r.path).toBe("pls");
      expect(r.methodId).toBe(2);
      expect(Math.abs(r.value - expected)).toBeLessThan(1e-8);
    }
  });

  it("a 7-hour gap is still PLS (GetNowcast.r: surrogate only when the run is > 7): series b → 39.501758747869 (EPA R)", () => {
    const r = nowcastO3Pls(b);
    expect(r).toMatchObject({ path: "pls", methodId: 2, hoursUsed: 329 });
    expect(Math.abs(r.value - 39.501758747869)).toBeLessThan(1e-8);
  });

  it("more than 25 % of the 8-h means missing → no NowCast (EPA R: 'Failed to generate a NowCast value.', MethodID 8)", () => {
    expect(c.reduce((n, x) => n + (Number.isNaN(x) ? 0 : 1), 0)).toBe(258); // ≥ 252: not the surrogate
    const r = nowcastO3Pls(c);
    expect(r.path).toBe("none");
    expect(r.methodId).toBe(8);
    expect(Number.isNaN(r.value)).toBe(true);
  });

  it("fewer than 252 valid hours → surrogate 0.85·c + 4.5 of the current hour, else 1, else 2 hours before", () => {
    // GetNowcast.r: rowcount < rowCountToUseSurrogate (252) → generateSurrogate: slope 0.85, intercept 4.5
    const w = new Float64Array(336).fill(NaN);
    w.fill(30, 100); // 236 valid hours
    w[335] = 40;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "surrogate-0", methodId: 3, value: 0.85 * 40 + 4.5 }); // 38.5
    w[335] = NaN;
    w[334] = 60;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "surrogate-1", methodId: 5, value: 55.5 });
    w[334] = NaN;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "surrogate-2", methodId: 7, value: 30 * 0.85 + 4.5 });
    w[333] = NaN;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "none", methodId: 8 });
  });

  it("a run of 8 missing hours → surrogate even with 328 valid hours", () => {
    const w = Float64Array.from(a.subarray(24, 360));
    for (let i = 10; i < 18; i++) w[i] = NaN;
    const r = nowcastO3Pls(w);
    expect(r.path).toBe("surrogate-0");
    expect(r.value).toBeCloseTo(0.85 * w[335] + 4.5, 12);
  });

  it("all values 0 → 0 (MethodID 1); current hour missing → the NowCast of an earlier hour (4, 6) or none", () => {
    expect(nowcastO3Pls(new Float64Array(336))).toMatchObject({ path: "zero", methodId: 1, value: 0 });
    const w = Float64Array.from(a.subarray(0, 336));
    w[335] = NaN;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "previous-1", methodId: 4 });
    w[334] = NaN;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "previous-2", methodId: 6 });
    w[333] = NaN;
    expect(nowcastO3Pls(w)).toMatchObject({ path: "none", methodId: 8 });
  });

  it("refuses a window of the wrong length or with a negative value", () => {
    expect(() => nowcastO3Pls(new Float64Array(335))).toThrow(/336 hours/);
    const w = new Float64Array(336).fill(20);
    w[300] = -1;
    expect(() => nowcastO3Pls(w)).toThrow(/35 hours ago/);
  });

  it("the table holds the literals of EPA's code", () => {
    expect(O3_NOWCAST_2019).toMatchObject({
      windowHours: 336,
      lagHours: 96,
      minValidHours: 252,
      maxMissingRun: 7,
      surrogate: { slope: 0.85, intercept: 4.5 },
    });
    expect(O3_NOWCAST_2019.meanOffsets).toEqual([-4, 3]);
  });
});

describe("nowcastO3 over a series: the 2019 method is the default", () => {
  const { a } = o3Series();
  const rows = nowcastO3(stamps(360), a, { unit: "ppb" });

  it("each hour's NowCast is EPA's; truncated to 1 ppb and looked up in the 8-h table", () => {
    expect(rows).toHaveLength(360);
    for (const [k, expected] of Object.entries(EPA_R_SERIES_A)) {
      const r = rows[Number(k)];
      expect(r.o3Path).toBe("pls");
      expect(Math.abs(r.nowcast - expected)).toBeLessThan(1e-8);
      expect(r.truncated).toBe(Math.floor(expected));
    }
    // hour 335: 36.238 → 36 ppb = 0.036 ppm; 0.000–0.054 ↔ 0–50: 50·36/54 = 33.3 → 33
    expect(rows[335]).toMatchObject({ truncated: 36, aqi: 33, category: 1, valid: true });
    // hour 350: 63.546 → 63 ppb; 0.055–0.070 ↔ 51–100: 51 + 49·(0.063 − 0.055)/0.015 = 77.1 → 77
    expect(rows[350]).toMatchObject({ truncated: 63, aqi: 77, category: 2 });
  });

  it("the missing current hour 340 takes the NowCast of hour 339 (GetNowcast.r MethodID 4)", () => {
    expect(rows[340]).toMatchObject({ o3Path: "previous-1", valid: true, aqi: rows[339].aqi });
    expect(rows[340].nowcast).toBe(rows[339].nowcast);
  });

  it("early hours, with the hours before the series missing, take the surrogate", () => {
    // hour 10: 11 valid hours of 336 → 0.85·c + 4.5
    expect(rows[10].o3Path).toBe("surrogate-0");
    expect(rows[10].nowcast).toBeCloseTo(0.85 * a[10] + 4.5, 12);
    // hour 100 is missing and so is its surrogate's current hour: the hour before is used
    expect(rows[100].o3Path).toBe("surrogate-1");
    expect(rows[100].nowcast).toBeCloseTo(0.85 * a[99] + 4.5, 12);
  });

  it("o3Method '2016' keeps AirNow's weighted 8 h (forum t/151); unknown methods are refused", () => {
    const old = nowcastO3(stamps(8), [22, 35, NaN, 60, 74, 80, 69, 63], { unit: "ppb", o3Method: "2016" })[7];
    expect(old).toMatchObject({ truncated: 65, aqi: 84 });
    expect(old.o3Path).toBeUndefined();
    expect(() => nowcastO3(stamps(8), Array(8).fill(1), { unit: "ppb", o3Method: "2020" as never })).toThrow(/2019/);
  });

  it("nowcastAqi passes the method on", () => {
    const series = { O3: { values: a, unit: "ppb" } };
    const now = nowcastAqi({ times: stamps(360), utcOffsetMinutes: 0, series });
    expect(now[350].aqi).toBe(77);
    const old = nowcastAqi({ times: stamps(360), utcOffsetMinutes: 0, series }, { o3Method: "2016" });
    expect(old[350].pollutants.O3!.o3Path).toBeUndefined();
  });

  it("is exported from the root", () => {
    expect(root.nowcastO3Pls).toBe(nowcastO3Pls);
    expect(root.O3_NOWCAST_2019.windowHours).toBe(336);
  });
});

describe("the helpers: imputation and centred least squares", () => {
  it("imputeMovingAverage: exponential weights 1/2^d over ±4, observed values only, window widened to 2 values", () => {
    // i = 2: 10 (d 2, ¼), 20 (d 1, ½), 50 (d 2, ¼) → 25; i = 3: 10 (⅛), 20 (¼), 50 (½) → 31.25/0.875
    const r = imputeMovingAverage([10, 20, NaN, NaN, 50]);
    expect(r[2]).toBeCloseTo(25, 12);
    expect(r[3]).toBeCloseTo(31.25 / 0.875, 12);
    // i = 0 with k = 1: the window grows to ±10 before it holds 5 (d 6) and 7 (d 10): (5/64 + 7/1024)/(1/64 + 1/1024) = 87/17
    const wide = imputeMovingAverage([NaN, NaN, NaN, NaN, NaN, NaN, 5, NaN, NaN, NaN, 7], 1);
    expect(wide[0]).toBeCloseTo(87 / 17, 12);
    expect(imputeMovingAverage([1, NaN, 3], 4, "simple")[1]).toBe(2);
    expect(imputeMovingAverage([1, NaN, NaN, 4], 1, "linear")[1]).toBeCloseTo((1 / 2 + 4 / 3) / (1 / 2 + 1 / 3), 12);
    expect(() => imputeMovingAverage([NaN, 1, NaN])).toThrow(/2 observed/);
  });

  it("olsCentred equals ols with a column of 1 and recovers an exact plane", () => {
    // y = 2 + 3 x1 − x2 exactly
    const xs = [
      [1, 2],
      [2, 0],
      [3, 5],
      [4, 1],
      [0, 3],
    ];
    const y = xs.map(([u, v]) => 2 + 3 * u - v);
    const fit = olsCentred(xs.flat(), 5, 2, y);
    expect(fit.intercept).toBeCloseTo(2, 12);
    expect(fit.beta[0]).toBeCloseTo(3, 12);
    expect(fit.beta[1]).toBeCloseTo(-1, 12);
    const noisy = y.map((v, i) => v + [0.3, -0.2, 0.1, -0.4, 0.2][i]);
    const a = olsCentred(xs.flat(), 5, 2, noisy);
    const b = ols(
      xs.map((r) => [1, ...r]),
      noisy,
    );
    expect(a.intercept).toBeCloseTo(b.coefficients[0], 10);
    expect(a.beta[1]).toBeCloseTo(b.coefficients[2], 10);
    expect(() => olsCentred([1, 2, 2, 4, 3, 6], 3, 2, [1, 2, 3])).toThrow(/singular/);
  });
});
