import { describe, expect, it } from "vitest";
import {
  aot40,
  somo35,
  ozoneAnnualP90,
  hj663AnnualComplete,
  dailyMax1h,
  oxidantPpb,
  potentialOzoneUgm3,
  potentialOzoneJapanPpb,
  vocNoxRegime,
  hchoNo2Regime,
  o3NoxRatio,
  weekdayWeekend,
  convertGas,
  diurnalMean,
  type Mda8Day,
} from "../../../src/models/ozone";
import { STP_273, chinaReferenceState, tQuantile } from "../../../src";

const OFF = 480,
  H = 3_600_000;
const localHour = (y: number, m: number, d: number, h: number) => Date.UTC(y, m - 1, d, h) - OFF * 60_000;

describe("AOT40 (Directive 2008/50/EC), by hand", () => {
  // crops season 1 May – 31 Jul 2025: 92 days × 12 daylight hours = 1104 possible hours
  const times: number[] = [],
    o3: number[] = [];
  for (let d = 0; d < 92; d++)
    for (let h = 0; h < 24; h++) {
      const t = localHour(2025, 5, 1, 0) + (d * 24 + h) * H;
      times.push(t);
      let v = 60;
      if (d === 0 && h === 10) v = 100; // +20
      if (d === 0 && h === 11) v = 120; // +40
      if (d === 0 && h === 19) v = 90; // +10 (the hour 19:00–20:00 is the last one counted)
      if (d === 0 && h === 7) v = 200; // before 08:00: not counted
      if (d === 0 && h === 20) v = 150; // 20:00–21:00: not counted
      o3.push(v);
    }
  it("complete season: 20 + 40 + 10 = 70 µg/m3·h", () => {
    const [r] = aot40(times, o3, { utcOffsetMinutes: OFF, unit: "µg/m3" });
    expect(r).toMatchObject({
      year: 2025,
      season: "crops",
      measured: 70,
      aot40: 70,
      measuredHours: 1104,
      possibleHours: 1104,
      coverage: 1,
    });
  });
  it("90.9 % coverage: scaled 70 × 1104/1004 = 76.972…; 89.1 %: not valid", () => {
    // remove 100 (then 120) daylight hours of 60 µg/m3 from June
    const drop = (k: number) => {
      const keep: number[] = [];
      let dropped = 0;
      times.forEach((t, i) => {
        const h = new Date(t + OFF * 60_000).getUTCHours(),
          mon = new Date(t + OFF * 60_000).getUTCMonth() + 1;
        if (mon === 6 && h >= 8 && h <= 19 && dropped < k) {
          dropped++;
          return;
        }
        keep.push(i);
      });
      return aot40(
        keep.map((i) => times[i]),
        keep.map((i) => o3[i]),
        { utcOffsetMinutes: OFF, unit: "µg/m3" },
      )[0];
    };
    const a = drop(100);
    expect(a.measuredHours).toBe(1004);
    expect(a.aot40).toBeCloseTo((70 * 1104) / 1004, 10);
    expect(a.aot40).toBeCloseTo(76.97211155, 6);
    expect(Number.isNaN(drop(120).aot40)).toBe(true);
  });
  it("ppb threshold is 40 ppb; forests season counts Apr–Sep", () => {
    const [r] = aot40(
      times,
      o3.map((v) => v / 2),
      { utcOffsetMinutes: OFF, unit: "ppb" },
    );
    expect(r.measured).toBe(35); // (50−40) + (60−40) + (45−40)
    const [f] = aot40(times, o3, { utcOffsetMinutes: OFF, unit: "µg/m3", season: "forests" });
    expect(f.possibleHours).toBe(183 * 12); // Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 183 days
    expect(Number.isNaN(f.aot40)).toBe(true); // only May–Jul measured: 50 % coverage
  });
});

describe("SOMO35 (EU MDA8), by hand", () => {
  it("three days at 50, 30, 45 ppb: MDA8 50, 47.5 (window 17:00 of day 1 – 01:00 of day 2), 45 → 15 + 12.5 + 10 = 37.5", () => {
    const times: number[] = [],
      o3: number[] = [];
    [50, 30, 45].forEach((v, d) => {
      for (let h = 0; h < 24; h++) {
        times.push(localHour(2025, 7, 1, 0) + (d * 24 + h) * H);
        o3.push(v);
      }
    });
    const [r] = somo35(times, o3, { utcOffsetMinutes: OFF, unit: "ppb" });
    expect(r.validDays).toBe(3);
    expect(r.somo35).toBeCloseTo(37.5, 12);
  });
});

describe("SOMO35 rescaled for missing days (EEA: SOMO35_measured × N_total / N_valid), beside the unscaled sum", () => {
  // 45 ppb every hour on the first n days of 2025, nothing afterwards: every valid day adds 45 − 35 = 10 ppb·d
  const year = (n: number) => {
    const times: number[] = [],
      o3: number[] = [];
    for (let h = 0; h < 365 * 24; h++) {
      times.push(localHour(2025, 1, 1, 0) + h * H);
      o3.push(h < n * 24 ? 45 : NaN);
    }
    return somo35(times, o3, { utcOffsetMinutes: OFF, unit: "ppb" })[0];
  };
  it("300 valid days of 365: measured 3000 ppb·d, scaled 3000 × 365/300 = 3650 ppb·d (coverage 0.822)", () => {
    const r = year(300);
    expect(r.validDays).toBe(300);
    expect(r.daysInYear).toBe(365);
    expect(r.somo35).toBeCloseTo(3000, 9);
    expect(r.somo35Scaled).toBeCloseTo((3000 * 365) / 300, 9);
    expect(r.coverage).toBeCloseTo(300 / 365, 12);
  });
  // Default 75 % of the year's days: WHO/Europe ENHIS 36 (SOMO35 from AirBase, processed by ETC/ACC),
  // https://gateway.euro.who.int/en/indicators/enhis_36-percentage-of-people-living-in-cities-with-various-somo35-levels/
  // "Only data ... available for at least 75% days of the year, are used in this analysis."
  // Hand count: 0.75 × 365 = 273.75, so 274 days (274/365 = 0.7507) pass and 273 (0.7479) do not.
  it("coverage boundary 0.75 × 365 = 273.75: 274 days scaled to 2740 × 365/274 = 3650, 273 days NaN", () => {
    const r = year(274);
    expect(r.somo35).toBeCloseTo(2740, 9);
    expect(r.somo35Scaled).toBeCloseTo((2740 * 365) / 274, 9);
    const s = year(273);
    expect(s.somo35).toBeCloseTo(2730, 9);
    expect(Number.isNaN(s.somo35Scaled)).toBe(true);
  });
  it("200 valid days (coverage 0.548 < 0.75): the scaled value is NaN, the measured sum stays 2000", () => {
    const r = year(200);
    expect(r.somo35).toBeCloseTo(2000, 9);
    expect(Number.isNaN(r.somo35Scaled)).toBe(true);
  });
  it("minCoverage 0.5 lets 200 days be scaled: 2000 × 365/200 = 3650; minCoverage outside 0–1 is a RangeError", () => {
    const times = [localHour(2025, 1, 1, 0)];
    expect(() => somo35(times, [40], { utcOffsetMinutes: OFF, unit: "ppb", minCoverage: 2 })).toThrow(RangeError);
    const t: number[] = [],
      o3: number[] = [];
    for (let h = 0; h < 200 * 24; h++) {
      t.push(localHour(2025, 1, 1, 0) + h * H);
      o3.push(45);
    }
    const r = somo35(t, o3, { utcOffsetMinutes: OFF, unit: "ppb", minCoverage: 0.5 })[0];
    expect(r.daysInData).toBe(200);
    expect(r.somo35Scaled).toBeCloseTo(3650, 9);
  });
});

describe("China annual 90th percentile of MDA8 (HJ 663-2013: k = 1 + (n − 1)·p)", () => {
  it("10 days 100, 110, …, 190: k = 1 + 9·0.9 = 9.1 → 180 + 0.1·(190 − 180) = 181", () => {
    const days: Mda8Day[] = Array.from({ length: 10 }, (_, i) => ({
      date: `2025-07-${String(i + 1).padStart(2, "0")}`,
      mda8: 100 + 10 * i,
      maxOfValidWindows: 0,
      windowStart: 0,
      validWindows: 17,
      windows: 17,
      valid: true,
    }));
    const [y] = ozoneAnnualP90(days);
    expect(y.p90).toBeCloseTo(181, 12);
    expect(y.validDays).toBe(10);
    expect(y.validDaysPerMonth[6]).toBe(10);
    expect(y.complete).toBe(false); // needs ≥ 324 days
  });
});

describe("daily 1-h maximum", () => {
  it("max of the day; invalid with fewer than minHours values", () => {
    const times = Array.from({ length: 24 }, (_, h) => localHour(2025, 7, 1, h));
    const v = times.map((_, h) => (h === 15 ? 99 : h < 5 ? NaN : 10));
    const [d] = dailyMax1h(times, v, { utcOffsetMinutes: OFF });
    expect(d).toMatchObject({ date: "2025-07-01", max1h: 99, hours: 19, valid: true });
    expect(dailyMax1h(times, v, { utcOffsetMinutes: OFF, minHours: 20 })[0].valid).toBe(false);
  });
});

describe("oxidant and potential ozone", () => {
  it("Ox = O3 + NO2 (ppb); potential ozone O3 + NO2 × 47.997/46.01 (µg/m3); PO = Ox − 0.1·NOx", () => {
    expect(Array.from(oxidantPpb([40, NaN], [20, 5]))).toEqual([60, NaN]);
    // O3 = 3 × 15.999 = 47.997 g/mol (IUPAC): 80 + 46.01 × 47.997/46.01 = 127.997
    expect(potentialOzoneUgm3([80], [46.01])[0]).toBeCloseTo(127.997, 12);
    expect(potentialOzoneJapanPpb([40], [20], [50])[0]).toBeCloseTo(55, 12);
  });
  it("potential ozone from ppb equals Ox × 47.997/Vm (25 °C: 24.4654 L/mol)", () => {
    const o3 = convertGas([40], "ppb", "µg/m3", 47.997),
      no2 = convertGas([20], "ppb", "µg/m3", 46.01);
    // 60 ppb × 47.997 / (22.414 × 298.15/273.15) = 2879.82 / 24.46544 = 117.7097…
    expect(potentialOzoneUgm3(o3, no2)[0]).toBeCloseTo((60 * 47.997) / ((22.414 * 298.15) / 273.15), 10);
    expect(potentialOzoneUgm3(o3, no2)[0]).toBeCloseTo(117.7097, 3);
  });
  it("unit conversion: ppm → ppb, mg/m3 → µg/m3, 273.15 K state, China's change of reference state", () => {
    expect(convertGas([0.06], "ppm", "ppb", 48)[0]).toBeCloseTo(60, 12);
    expect(convertGas([1.2], "mg/m3", "µg/m3", 28.01)[0]).toBeCloseTo(1200, 12);
    expect(convertGas([22.414], "ppb", "µg/m3", 48, { state: STP_273 })[0]).toBeCloseTo(48, 10);
    const t = [Date.UTC(2018, 7, 31, 15), Date.UTC(2018, 7, 31, 16)]; // 23:00 and 00:00 Beijing time
    const v = convertGas([100, 100], "ppb", "µg/m3", 48, { state: chinaReferenceState, times: t });
    expect(v[0]).toBeCloseTo(4800 / 22.414, 10);
    expect(v[1]).toBeCloseTo(4800 / ((22.414 * 298.15) / 273.15), 10);
    expect(() => convertGas([1], "ppbC", "ppb", 48)).toThrow(/not a gas concentration unit/);
  });
});

describe("regime indicators (parameterised thresholds)", () => {
  it("VOC/NOx and HCHO/NO2", () => {
    expect(vocNoxRegime(60, 10)).toEqual({ ratio: 6, regime: "VOC-limited" });
    expect(vocNoxRegime(100, 10)).toEqual({ ratio: 10, regime: "transitional" });
    expect(vocNoxRegime(200, 10)).toEqual({ ratio: 20, regime: "NOx-limited" });
    expect(vocNoxRegime(100, 10, { vocLimitedBelow: 12, noxLimitedAbove: 20 }).regime).toBe("VOC-limited");
    expect(vocNoxRegime(100, 0).regime).toBeUndefined();
    expect(hchoNo2Regime(1.5, 1).regime).toBe("transitional");
    expect(hchoNo2Regime(0.5, 1).regime).toBe("VOC-limited");
    expect(hchoNo2Regime(3, 1).regime).toBe("NOx-limited");
    expect(() => hchoNo2Regime(1, 1, { vocLimitedBelow: 3, noxLimitedAbove: 2 })).toThrow(/must not exceed/);
    expect(Array.from(o3NoxRatio([30, 30], [10, 0]))).toEqual([3, NaN]);
  });
});

describe("weekday/weekend contrast", () => {
  it("Mon–Fri 10, 12, 14, 16, 18 (mean 14); Sat 20, Sun 22 (mean 21): difference 7, ratio 1.5, Welch interval", () => {
    const vals = [10, 12, 14, 16, 18, 20, 22];
    const rows = vals.map((v, i) => ({ date: `2025-07-${14 + i}`, value: v })); // 14 Jul 2025 is a Monday
    const r = weekdayWeekend(rows);
    expect(r).toMatchObject({ weekdayMean: 14, weekendMean: 21, weekdayN: 5, weekendN: 2, difference: 7, ratio: 1.5 });
    // var(weekday) = 40/4 = 10, /5 = 2; var(weekend) = 2/1 = 2, /2 = 1; se = √3; df = 3²/(2²/4 + 1²/1) = 4.5
    const half = tQuantile(0.975, 4.5) * Math.sqrt(3);
    expect(r.ci[0]).toBeCloseTo(7 - half, 10);
    expect(r.ci[1]).toBeCloseTo(7 + half, 10);
    expect(weekdayWeekend(rows, { holidays: ["2025-07-14"] }).weekendN).toBe(3);
  });
});

describe("diurnal mean", () => {
  it("groups by local hour", () => {
    const t = [Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 2, 0), Date.UTC(2025, 0, 1, 1)]; // 08:00, 08:00, 09:00 at UTC+8
    const d = diurnalMean(t, [2, 4, 7], OFF);
    expect(d[8]).toEqual({ hour: 8, mean: 3, n: 2 });
    expect(d[9].mean).toBe(7);
  });
});

describe("HJ 663 annual validity (≥ 324 days, ≥ 27 per month, 25 in February)", () => {
  const year = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  const monthLength = (d: string) => new Date(Date.UTC(2025, Number(d.slice(5, 7)), 0)).getUTCDate();
  it("a full year is valid; 24 February days are not; 25 are", () => {
    expect(hj663AnnualComplete(year)).toMatchObject({ complete: true, validDays: 365 });
    const dropFeb = (k: number) => year.filter((d) => !(d.slice(5, 7) === "02" && Number(d.slice(8, 10)) <= k));
    expect(hj663AnnualComplete(dropFeb(4)).complete).toBe(false); // 28 − 4 = 24 < 25
    expect(hj663AnnualComplete(dropFeb(3)).complete).toBe(true); // 25
  });
  it("323 days with every month complete is not a valid year", () => {
    // drop the last 4 days of 31-day months (7 × 4 = 28), 3 of 30-day months (4 × 3 = 12), 2 of February: 42 days
    const drop = (d: string) => {
      const L = monthLength(d);
      const k = L === 31 ? 4 : L === 30 ? 3 : 2;
      return Number(d.slice(8, 10)) > L - k;
    };
    const kept = year.filter((d) => !drop(d));
    expect(kept.length).toBe(323);
    const r = hj663AnnualComplete(kept);
    expect(r.perMonth).toEqual([27, 26, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27]);
    expect(r.complete).toBe(false);
    expect(hj663AnnualComplete([...kept, "2025-12-31"].sort()).complete).toBe(true); // 324
  });
});
