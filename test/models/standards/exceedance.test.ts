import { describe, expect, it } from "vitest";
import {
  gb3095Exceedances,
  japanEqsEvaluation,
  whoExceedances,
  countExceedances,
  japan98PercentValue,
  japan2PercentExclusion,
  GB3095_2026,
  JAPAN_EQS,
  WHO_2021,
} from "../../../src/models/standards";

const OFF = 480,
  H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1) - OFF * 60_000;
const times = Array.from({ length: 48 }, (_, h) => t0 + h * H);
const find = (rows: ReturnType<typeof gb3095Exceedances>, p: string, a: string) =>
  rows.find((r) => r.pollutant === p && r.averaging === a)!;

describe("GB 3095-2026 exceedances", () => {
  const input = {
    times,
    utcOffsetMinutes: OFF,
    series: {
      "PM2.5": { values: times.map((_, h) => (h < 24 ? 40 : 30)), unit: "µg/m3" },
      O3: { values: times.map((_, h) => (h === 14 ? 210 : 50)), unit: "µg/m3" },
    },
  };
  it("grade 2, transitional (2025): PM2.5 24-h 60 not exceeded; annual mean 35 > 30; O3 1-h 210 > 200 once", () => {
    const rows = gb3095Exceedances(input);
    expect(find(rows, "PM2.5", "24h")).toMatchObject({ year: 2025, limit: 60, n: 2, exceedances: 0, value: 40 });
    expect(find(rows, "PM2.5", "annual")).toMatchObject({ limit: 30, value: 35, exceeds: true, n: 2 });
    // 95th percentile of [30, 40], type 7: 30 + 0.95·10 = 39.5
    expect(find(rows, "PM2.5", "24h p95").value).toBeCloseTo(39.5, 12);
    expect(find(rows, "O3", "1h")).toMatchObject({ limit: 200, n: 48, exceedances: 1, exceedanceDays: 1, value: 210 });
    expect(rows[0].standard).toBe("GB 3095-2026 grade 2 (transition)");
  });
  it("grade 1 transitional 24-h PM2.5 limit 35: one day above; final grade 2 uses 50", () => {
    expect(find(gb3095Exceedances(input, { grade: 1 }), "PM2.5", "24h")).toMatchObject({ limit: 35, exceedances: 1 });
    expect(find(gb3095Exceedances(input, { phase: "final" }), "PM2.5", "24h").limit).toBe(50);
    expect(find(gb3095Exceedances(input, { phase: "final" }), "PM2.5", "annual").limit).toBe(25);
  });
  it("table rows: 14 limits, CO in mg/m3", () => {
    expect(GB3095_2026.limits.length).toBe(14);
    expect(GB3095_2026.limits.find((l) => l.pollutant === "CO")!.unit).toBe("mg/m3");
  });
});

describe("Japan EQS", () => {
  it("photochemical oxidant: only daytime hours (05:00–20:00) count against 0.06 ppm", () => {
    // hour 04 = 80 ppb (night), 10 = 70 ppb (daytime: exceeds), 20 = 90 ppb (the hour 20:00–21:00 is not daytime)
    const o3 = times.map((_, h) => (h === 4 ? 80 : h === 10 ? 70 : h === 20 ? 90 : 30));
    const rows = japanEqsEvaluation({ times, utcOffsetMinutes: OFF, series: { O3: { values: o3, unit: "ppb" } } });
    const ox = rows.find((r) => r.pollutant === "Ox")!;
    expect(ox).toMatchObject({ limit: 0.06, unit: "ppm", n: 30, exceedances: 1, exceedanceDays: 1 });
    expect(ox.value).toBeCloseTo(0.07, 12);
    expect(ox.note).toMatch(/O3 used/);
    expect(JAPAN_EQS.oxDaytime).toEqual({ firstHour: 5, lastHour: 19 });
  });
  it("98 % value and 2 % exclusion value (50 daily means 1…50)", () => {
    const v = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(japan98PercentValue(v)).toBe(49); // rank round(0.98·50) = 49
    expect(japan2PercentExclusion(v)).toBe(49); // drop round(0.02·50) = 1 highest
  });
  it("NO2 zone standard and PM2.5 rows", () => {
    const rows = japanEqsEvaluation({
      times,
      utcOffsetMinutes: OFF,
      series: {
        NO2: { values: times.map(() => 50), unit: "ppb" },
        "PM2.5": { values: times.map(() => 20), unit: "µg/m3" },
      },
    });
    const no2 = rows.find((r) => r.pollutant === "NO2" && r.averaging === "24h 98% value")!;
    expect(no2).toMatchObject({ limit: 0.06, zoneLow: 0.04, exceeds: false });
    expect(no2.value).toBeCloseTo(0.05, 12);
    expect(rows.find((r) => r.pollutant === "PM2.5" && r.averaging === "annual")).toMatchObject({
      value: 20,
      limit: 15,
      exceeds: true,
    });
  });
});

describe("WHO 2021", () => {
  it("PM2.5 daily 40 and 30: both days above 15; annual 35 above 5", () => {
    const rows = whoExceedances({
      times,
      utcOffsetMinutes: OFF,
      series: { "PM2.5": { values: times.map((_, h) => (h < 24 ? 40 : 30)), unit: "µg/m3" } },
    });
    expect(rows.find((r) => r.averaging === "24h")).toMatchObject({ limit: 15, exceedances: 2 });
    expect(rows.find((r) => r.averaging === "annual")).toMatchObject({ limit: 5, value: 35, exceeds: true });
    expect(WHO_2021.guidelines.find((g) => g.pollutant === "O3" && g.averaging === "peak-season")!.level).toBe(60);
  });
  it("countExceedances is strict (= limit meets the standard) and skips NaN", () => {
    expect(countExceedances([35, 35.1, NaN, 10], 35)).toEqual({ n: 3, exceedances: 1, max: 35.1 });
  });
  it("bad units are named", () => {
    expect(() =>
      whoExceedances({
        times,
        utcOffsetMinutes: OFF,
        series: { "PM2.5": { values: times.map(() => 1), unit: "ppb" } },
      }),
    ).toThrow(/PM2.5: unit "ppb" cannot be converted/);
  });
});

describe("annual statistics from an incomplete year carry a completeness note (issue #16 item 5)", () => {
  const start = Date.UTC(2025, 0, 1) - OFF * 60_000; // 2025-01-01 00:00 at UTC+8
  const days = (n: number) => {
    const t = Array.from({ length: n * 24 }, (_, h) => start + h * H);
    return {
      times: t,
      utcOffsetMinutes: OFF,
      series: {
        "PM2.5": { values: t.map(() => 20), unit: "µg/m3" },
        NO2: { values: t.map(() => 20), unit: "ppb" },
      },
    };
  };
  // MOE, 平成22年度大気汚染状況 | PM2.5, https://www.env.go.jp/air/osen/jokyo_h22/pm25.html:
  //   "※有効測定局・・・・・測定している機器に等価性のあるもので、かつ年間測定日数が250日以上の測定局。"
  // MOE, 平成25年度 大気汚染状況について, note ※1: "有効測定局・・・年間測定時間が6,000時間以上の測定局
  //   (光化学オキシダントを除く)。"; 平成3年版環境白書 https://www.env.go.jp/policy/hakusyo/h03/7911.html:
  //   "有効測定局とは、年間6,000時間以上測定を行った測定局をいう".
  // Hand count: 250 full days = 250 valid days and 250 × 24 = 6000 hours (valid); 249 days = 5976 h (not).
  it("Japan EQS: PM2.5 needs ≥ 250 valid days, NO2 ≥ 6000 measured hours (250 days × 24 h = 6000)", () => {
    const ok = japanEqsEvaluation(days(250));
    const pm = ok.find((r) => r.pollutant === "PM2.5" && r.averaging === "annual")!;
    expect(pm).toMatchObject({ value: 20, n: 250, validYear: true });
    expect(pm.note).toMatch(
      /^mean of valid daily means; valid year under the MOE PM2.5 evaluation \(250 valid days; ≥ 250 needed\)$/,
    );
    expect(ok.find((r) => r.pollutant === "NO2" && r.averaging === "24h 98% value")!.validYear).toBe(true);
    const short = japanEqsEvaluation(days(249));
    const pm2 = short.find((r) => r.pollutant === "PM2.5" && r.averaging === "annual")!;
    expect(pm2.validYear).toBe(false);
    expect(pm2.note).toMatch(/NOT a valid year under the MOE PM2.5 evaluation \(249 valid days; ≥ 250 needed\)/);
    expect(short.find((r) => r.pollutant === "PM2.5" && r.averaging === "24h 98% value")!.validYear).toBe(false);
    const no2 = short.find((r) => r.pollutant === "NO2" && r.averaging === "24h 98% value")!;
    expect(no2.validYear).toBe(false);
    expect(no2.note).toMatch(
      /NOT a valid year under the MOE long-term evaluation \(5976 measured hours; ≥ 6000 needed\)/,
    );
  });
  // Same MOE note ※1: the 6000-h rule is "(光化学オキシダントを除く)", so an Ox row never carries it.
  it("Japan EQS: photochemical oxidant rows carry no 6000-h completeness note (MOE excludes Ox)", () => {
    const d = days(100);
    const ox = japanEqsEvaluation({ ...d, series: { Ox: { values: d.times.map(() => 0.03), unit: "ppm" } } }).filter(
      (r) => r.pollutant === "Ox",
    );
    expect(ox.length).toBeGreaterThan(0);
    for (const r of ox) {
      expect(r.validYear).toBeUndefined();
      expect(r.note ?? "").not.toMatch(/valid year/);
    }
  });
  it("WHO 2021: ≥ 90 % of the year's days (2025: ⌈0.9 × 365⌉ = 329) — 329 days valid, 328 not", () => {
    const ok = whoExceedances(days(329)).find((r) => r.pollutant === "PM2.5" && r.averaging === "annual")!;
    expect(ok).toMatchObject({ value: 20, n: 329, validYear: true, exceeds: true });
    expect(ok.note).toMatch(/valid year under aozora's 90 % rule .*\(329 valid days of 365; ≥ 329 needed\)/);
    const short = whoExceedances(days(328));
    const a = short.find((r) => r.pollutant === "PM2.5" && r.averaging === "annual")!;
    expect(a.validYear).toBe(false);
    expect(a.note).toMatch(/NOT a valid year/);
    expect(short.find((r) => r.pollutant === "PM2.5" && r.averaging === "24h p99")!.validYear).toBe(false);
  });
  it("GB 3095 annual rows carry validYear too (HJ 663: ≥ 324 days and ≥ 27 per month)", () => {
    const r = gb3095Exceedances(days(60)).find((x) => x.pollutant === "PM2.5" && x.averaging === "annual")!;
    expect(r.validYear).toBe(false);
    expect(r.note).toMatch(/NOT a valid year under HJ 663 \(60 days/);
  });
});
