import { describe, expect, it } from "vitest";
import { AqTable } from "../../src/table/table";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import {
  HOURLY_OX_METHODS,
  hourlyOxData,
  hourlyOxForecastAt,
  rollingHourlyOxForecast,
  verifyHourlyOx,
  type HourlyOxData,
  type HourlyOxVerified,
} from "../../src/forecast";
import { Rng } from "../../src/random/rng";

const H = 3_600_000;
const OFF = 540; // Japan
const day0 = Date.UTC(2025, 0, 1) - OFF * 60_000; // 2025-01-01T00:00+09:00

/** A grid-shaped data set built by hand: `days` local days, Ox from f(d, h), met T from g(d, h). */
function handData(
  days: number,
  ox: (d: number, h: number) => number,
  temp: (d: number, h: number) => number,
): HourlyOxData {
  const values = new Float64Array(days * 24),
    T = new Float64Array(days * 24);
  for (let d = 0; d < days; d++)
    for (let h = 0; h < 24; h++) {
      values[d * 24 + h] = ox(d, h);
      T[d * 24 + h] = temp(d, h);
    }
  const dates = Array.from({ length: days }, (_, d) =>
    new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10),
  );
  return {
    target: "Ox",
    unit: "ppb",
    firstDayUtcMs: day0,
    utcOffsetMinutes: OFF,
    dates,
    values,
    met: { T },
    metUnits: { T: "°C" },
  };
}

describe("hourlyOxData", () => {
  it("Ox = O3 + NO2 in ppb from µg/m3 at 298.15 K, on a grid that spans the met's extra day", () => {
    const vm = (8.314462618 * 298.15) / 101.325; // 24.465 L/mol
    const times = [day0, day0 + H];
    const hist = AqTable.create(
      { time: Float64Array.from(times), O3: Float64Array.from([96, 96]), NO2: Float64Array.from([46.01, 0]) },
      { O3: { unit: "µg/m3" }, NO2: { unit: "µg/m3" } },
      { column: "time", utcOffsetMinutes: OFF },
    );
    const metTimes = Float64Array.from({ length: 48 }, (_, i) => day0 + i * H);
    const met = AqTable.create(
      { time: metTimes, T: Float64Array.from(metTimes, (_, i) => i) },
      { T: { unit: "°C" } },
      { column: "time", utcOffsetMinutes: OFF },
    );
    const d = hourlyOxData(hist, met);
    expect(d.dates).toEqual(["2025-01-01", "2025-01-02"]);
    // O3 96 µg/m3 = 96·Vm/47.997 ppb; NO2 46.01 µg/m3 = 1·Vm ppb
    expect(d.values[0]).toBeCloseTo((96 * vm) / 47.997 + vm, 2);
    expect(d.values[1]).toBeCloseTo((96 * vm) / 47.997, 2);
    expect(Number.isNaN(d.values[2])).toBe(true);
    expect(d.met.T[47]).toBe(47);
    expect(hourlyOxData(hist, met, { target: "O3" }).values[0]).toBeCloseTo((96 * vm) / 47.997, 2);
  });

  it("hour-ending stamps (hourLabel end): the stamp 01:00 holds the hour 00–01", () => {
    const hist = AqTable.create(
      { time: Float64Array.from([day0 + H, day0 + 24 * H]), Ox: Float64Array.from([50, 60]) },
      { Ox: { unit: "ppb" } },
      { column: "time", utcOffsetMinutes: OFF },
    );
    const d = hourlyOxData(hist, undefined, { hourLabel: "end" });
    expect(d.dates).toEqual(["2025-01-01"]); // 24:00 closes the last hour of 1 January
    expect(d.values[0]).toBe(50);
    expect(d.values[23]).toBe(60);
    expect(hourlyOxData(hist).dates).toEqual(["2025-01-01", "2025-01-02"]);
    expect(() => hourlyOxData(hist, undefined, { hourLabel: "middle" as never })).toThrow(/hourLabel/);
  });

  it("an Ox column in ppm is used as is (× 1000); missing columns and offsets are refused", () => {
    const hist = AqTable.create(
      { time: Float64Array.from([day0]), Ox: Float64Array.from([0.121]) },
      { Ox: { unit: "ppm" } },
      { column: "time", utcOffsetMinutes: OFF },
    );
    expect(hourlyOxData(hist).values[0]).toBeCloseTo(121, 9);
    const noNo2 = AqTable.create(
      { time: Float64Array.from([day0]), O3: Float64Array.from([1]) },
      { O3: { unit: "ppb" } },
      { column: "time", utcOffsetMinutes: OFF },
    );
    expect(() => hourlyOxData(noNo2)).toThrow(/O3 and NO2/);
    const cn = AqTable.create(
      { time: Float64Array.from([day0]), T: Float64Array.from([1]) },
      { T: { unit: "°C" } },
      {
        column: "time",
        utcOffsetMinutes: 480,
      },
    );
    expect(() => hourlyOxData(hist, cn)).toThrow(/UTC offset/);
  });
});

describe("hourly Ox forecast by hand", () => {
  it("persistence: yesterday's same hour; daily max = max(yesterday's max, observed so far); interval from day-to-day changes", () => {
    // Ox = 10·d + h: every day-to-day change is +10, so the interval is [y + 10, y + 10]
    const data = handData(
      5,
      (d, h) => 10 * d + h,
      () => 0,
    );
    const f = hourlyOxForecastAt(data, 4, { method: "persistence", issueHour: 9 });
    expect(f.hours).toHaveLength(15);
    expect(f.hours[0]).toMatchObject({ hour: 9, value: 39, lower: 49, upper: 49 });
    expect(f.hours[14]).toMatchObject({ hour: 23, value: 53 });
    // yesterday's max 53; observed so far today 40 + 8 = 48
    expect(f.dailyMax.value).toBe(53);
    expect(f.observedSoFar).toBe(48);
    expect(f.issueLocal).toBe("2025-01-05T09:00");
  });

  it("the daily maximum never falls below what was already observed before the issue time", () => {
    // a morning spike of 200 ppb at 07 h on the last day; yesterday's max is 23
    const data = handData(
      4,
      (d, h) => (d === 3 && h === 7 ? 200 : h),
      () => 0,
    );
    const f = hourlyOxForecastAt(data, 3, { method: "persistence", issueHour: 9 });
    expect(f.dailyMax.value).toBe(200);
    expect(f.dailyMax.lower).toBe(200);
  });

  it("climatology: median and type-7 quantiles of the same hour over the training days in the window", () => {
    // hour 12 on days 0..9 = 0, 10, …, 90 (days before day 10); window ±15 days covers them all
    const data = handData(
      11,
      (d, h) => (h === 12 ? 10 * d : 1),
      () => 0,
    );
    const f = hourlyOxForecastAt(data, 10, { method: "climatology", issueHour: 9 });
    const h12 = f.hours.find((x) => x.hour === 12)!;
    // median of 0..90 step 10 = 45; type-7 10 % = 0 + 0.9·10 = 9; 90 % = 81
    expect(h12.value).toBeCloseTo(45, 12);
    expect(h12.lower).toBeCloseTo(9, 12);
    expect(h12.upper).toBeCloseTo(81, 12);
  });

  it("mlr and qr recover an exact linear law of the target hour's (forecast) temperature", () => {
    // Ox at hours ≥ 9 = 20 + 3·T_h; T random; hours < 9 random
    const rng = new Rng(7);
    const n = 120;
    const T = Array.from({ length: n * 24 }, () => 10 + 20 * rng.uniform());
    const morning = Array.from({ length: n * 24 }, () => 30 + 10 * rng.uniform());
    const data = handData(
      n,
      (d, h) => (h >= 9 ? 20 + 3 * T[d * 24 + h] : morning[d * 24 + h]),
      (d, h) => T[d * 24 + h],
    );
    for (const method of ["mlr", "qr"] as const) {
      const f = hourlyOxForecastAt(data, n - 1, { method, issueHour: 9 });
      for (const x of f.hours) expect(x.value).toBeCloseTo(20 + 3 * T[(n - 1) * 24 + x.hour], method === "mlr" ? 6 : 2);
      // exact fit: the interval collapses onto the value
      expect(f.hours[3].upper - f.hours[3].lower).toBeLessThan(method === "mlr" ? 1e-6 : 0.05);
    }
  });

  it("refuses bad options", () => {
    const data = handData(
      5,
      () => 1,
      () => 0,
    );
    expect(() => hourlyOxForecastAt(data, 4, { method: "forest" as never, issueHour: 9 })).toThrow(/method/);
    expect(() => hourlyOxForecastAt(data, 4, { method: "mlr", issueHour: 0 })).toThrow(/issueHour/);
    expect(() => hourlyOxForecastAt(data, 4, { method: "mlr", issueHour: 9, interval: [0.6, 0.9] })).toThrow(
      /interval/,
    );
    expect(() => hourlyOxForecastAt(data, 4, { method: "mlr", issueHour: 9, predictors: ["RH"] })).toThrow(/RH/);
    expect(() => hourlyOxForecastAt(data, 9, { method: "mlr", issueHour: 9 })).toThrow(/not a day/);
    expect(() => rollingHourlyOxForecast(data, { method: "mlr", issueHour: 9, firstDay: 1, refitEvery: 0 })).toThrow(
      /refitEvery/,
    );
  });
});

describe("no look-ahead (a future value cannot leak into the forecast)", () => {
  const { table } = simulateForecastStation({ seed: 5, start: "2024-04-01", days: 150 });
  const data = hourlyOxData(table.select(["time", "O3", "NO2"]), table.select(["time", "T", "Radiation", "WS", "RH"]));
  const d = 140;
  const issueHour = 9;
  /** A copy with every value the forecaster cannot know at the issue time replaced by `v`. */
  const poison = (v: number): HourlyOxData => {
    const values = data.values.slice();
    values.fill(v, d * 24 + issueHour);
    const met: Record<string, Float64Array> = {};
    for (const [k, m] of Object.entries(data.met)) {
      met[k] = m.slice();
      met[k].fill(v, (d + 1) * 24);
    }
    return { ...data, values, met };
  };

  for (const method of HOURLY_OX_METHODS)
    it(`${method}: Ox after the issue time and met after the day replaced by NaN, +1e9, −1e9 → bit-identical forecast`, () => {
      const base = hourlyOxForecastAt(data, d, { method, issueHour });
      expect(base.hours.every((x) => Number.isFinite(x.value))).toBe(true);
      for (const v of [NaN, 1e9, -1e9]) expect(hourlyOxForecastAt(poison(v), d, { method, issueHour })).toEqual(base);
    });

  it("control: the last observed hour before the issue time and the day's forecast met do change it", () => {
    const base = hourlyOxForecastAt(data, d, { method: "mlr", issueHour });
    const v1 = data.values.slice();
    v1[d * 24 + issueHour - 1] += 40;
    expect(hourlyOxForecastAt({ ...data, values: v1 }, d, { method: "mlr", issueHour }).hours[0].value).not.toBe(
      base.hours[0].value,
    );
    const T = data.met.T.slice();
    T[d * 24 + 14] += 8;
    const f = hourlyOxForecastAt({ ...data, met: { ...data.met, T } }, d, { method: "mlr", issueHour });
    expect(f.hours.find((x) => x.hour === 14)!.value).not.toBe(base.hours.find((x) => x.hour === 14)!.value);
  });

  it("rolling forecasts: poison after the last day's issue time leaves every forecast unchanged", () => {
    const opts = { method: "mlr" as const, issueHour, firstDay: 130, lastDay: d, refitEvery: 4 };
    const strip = (rows: HourlyOxVerified[]) =>
      rows.map((r) => ({
        ...r,
        hours: r.hours.map(({ observed, ...x }) => x),
        dailyMax: { ...r.dailyMax, observed: 0 },
      }));
    const base = strip(rollingHourlyOxForecast(data, opts));
    expect(base).toHaveLength(11);
    expect(strip(rollingHourlyOxForecast(poison(1e9), opts))).toEqual(base);
    // between refits the day's own morning is still read (refit day 130, 134, 138: day 139 uses 138's fit)
    const one = hourlyOxForecastAt(data, 138, { method: "mlr", issueHour });
    expect(base[8].hours[0].value).toBe(one.hours[0].value);
  });
});

describe("verifyHourlyOx", () => {
  it("modStats, the 0.12 ppm event and the coverage, by hand", () => {
    const row = (fc: number, obs: number, lo: number, hi: number): HourlyOxVerified => ({
      date: "2025-07-01",
      issueUtcMs: 0,
      issueLocal: "",
      method: "mlr",
      observedSoFar: NaN,
      hours: [{ hour: 12, utcMs: 0, value: fc, lower: lo, upper: hi, observed: obs }],
      dailyMax: { value: fc, lower: lo, upper: hi, observed: obs },
    });
    const v = verifyHourlyOx([row(130, 125, 120, 140), row(100, 121, 90, 110), row(80, 70, 60, 100)]);
    // errors 5, −21, 10: RMSE √((25 + 441 + 100)/3) = √188.67
    expect(v.dailyMax.RMSE).toBeCloseTo(Math.sqrt(566 / 3), 12);
    expect(v.hourly.n).toBe(3);
    // event ≥ 120 ppb: day 1 hit, day 2 miss, day 3 correct negative
    expect(v.event).toMatchObject({ hits: 1, misses: 1, falseAlarms: 0, correctNegatives: 1 });
    expect(v.coverage.dailyMax).toBeCloseTo(2 / 3, 12);
    expect(v.thresholdPpb).toBe(120);
  });
});
