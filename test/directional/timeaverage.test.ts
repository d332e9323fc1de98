import { describe, expect, it } from "vitest";
import { timeAverage } from "../../src/directional/timeaverage";
import { parseAvgTime, periodGrid, mostCommonGap } from "../../src/directional/periods";
import { AqTable } from "../../src/table/table";
import { readFixtureCsv, readFixtureJson } from "./openair-fixtures";

// Fixtures: R openair 2.18.2.9005 `timeAverage` on timeaverage-input.csv (hourly, 2025-01-03 05:00
// to 2025-03-10 17:00 at +08:00, 74 hourly records missing, 150 pm25 and 41 no2 values missing),
// openair dates in tz "Etc/GMT-8"; written by test/directional/fixtures/openair/make-fixtures.R.
type Out = {
  date: string[];
  pm25: (number | null)[];
  no2: (number | null)[];
  ws: (number | null)[];
  wd: (number | null)[];
};
const input = readFixtureCsv("timeaverage-input.csv");
const openair = readFixtureJson<Record<string, Out>>("timeaverage-openair.json");
const series = { times: input.times, utcOffsetMinutes: 480, columns: input.columns };

function expectClose(got: Float64Array, ref: (number | null)[], what: string, tol = 1e-9) {
  expect(got.length, what).toBe(ref.length);
  ref.forEach((r, i) => {
    if (r === null) expect(Number.isNaN(got[i]), `${what}[${i}] NaN`).toBe(true);
    else
      expect(Math.abs(got[i] - r), `${what}[${i}] ${got[i]} vs ${r}`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(r)),
      );
  });
}

function same(name: string, opts: Parameters<typeof timeAverage>[1], checkDates = true) {
  const ref = openair[name];
  const r = timeAverage(series, opts);
  if (checkDates) expect(Array.from(r.times, (t) => new Date(t).toISOString().replace(".000", ""))).toEqual(ref.date);
  for (const k of ["pm25", "no2", "ws", "wd"] as const) expectClose(r.columns[k], ref[k], `${name}.${k}`);
  return r;
}

describe("timeAverage agrees with openair 2.18.2 on the same data", () => {
  const cases: [string, Parameters<typeof timeAverage>[1]][] = [
    ["day", { avgTime: "day" }],
    ["day_thresh75", { avgTime: "day", dataThresh: 75 }],
    ["day_thresh90", { avgTime: "day", dataThresh: 90 }],
    ["month", { avgTime: "month" }],
    ["month_thresh75", { avgTime: "month", dataThresh: 75 }],
    ["week", { avgTime: "week" }],
    ["hour6", { avgTime: "6 hour" }],
    ["day2", { avgTime: "2 day" }],
    ["year", { avgTime: "year" }],
    ["median", { avgTime: "day", statistic: "median", windStatistic: "openair" }],
    ["max", { avgTime: "day", statistic: "max", windStatistic: "openair" }],
    ["sum", { avgTime: "day", statistic: "sum" }],
    ["sd", { avgTime: "day", statistic: "sd", windStatistic: "openair" }],
    ["frequency", { avgTime: "day", statistic: "frequency", windStatistic: "openair" }],
    ["data_cap", { avgTime: "day", statistic: "data.cap" }],
    ["percentile95", { avgTime: "day", statistic: "percentile", percentile: 95, windStatistic: "openair" }],
    ["vector_ws", { avgTime: "day", vectorWs: true }],
    ["start_date", { avgTime: "day", dataThresh: 75, startDate: "2025-01-01 00:00" }],
    ["hour6_start", { avgTime: "6 hour", startDate: "2025-01-03 00:00" }],
  ];
  for (const [name, opts] of cases) it(`${name}: every period and column`, () => void same(name, opts));

  it("min: as openair where a period has values", () => {
    const ref = openair.min;
    const r = timeAverage(series, { avgTime: "day", statistic: "min", windStatistic: "openair" });
    for (const k of ["pm25", "no2", "ws"] as const)
      expectClose(
        r.columns[k],
        ref[k].map((v) => (v === null ? null : v)),
        `min.${k}`,
      );
  });

  it("season: the same values as openair (openair stamps each season with its records' mean time)", () => {
    const ref = openair.season;
    const r = timeAverage(series, { avgTime: "season" });
    for (const k of ["pm25", "no2", "ws", "wd"] as const) expectClose(r.columns[k], ref[k], `season.${k}`);
    expect(r.season).toEqual(["winter (DJF)", "spring (MAM)"]);
    expect(Array.from(r.times, (t) => new Date(t).toISOString())).toEqual([
      "2024-11-30T16:00:00.000Z",
      "2025-02-28T16:00:00.000Z",
    ]);
  });
});

describe("timeAverage worked by hand", () => {
  const h = 3600000;
  const t0 = Date.UTC(2025, 0, 1, 21); // 2025-01-02 05:00 +08:00
  it("data.thresh counts from the first record: a first day from 05:00 expects 19 hours (openair date.pad)", () => {
    // 2025-01-02 05:00 … 2025-01-03 23:00 local (43 hourly records); values 1 on day 1, 2 on day 2 except 6 missing
    const times = Array.from({ length: 43 }, (_, i) => t0 + i * h);
    const x = times.map((_, i) => (i < 19 ? 1 : i >= 19 + 18 ? NaN : 2));
    const r = timeAverage({ times, utcOffsetMinutes: 480, columns: { x } }, { avgTime: "day", dataThresh: 75 });
    expect(Array.from(r.expected)).toEqual([19, 24]);
    expect(Array.from(r.valid.x)).toEqual([19, 18]);
    // day 2: 6/24 missing = 0.25 ≤ 1 − 0.75 → kept (mean 2); with 80 %: 0.25 > 0.2 → NaN
    expect(Array.from(r.columns.x)).toEqual([1, 2]);
    const r80 = timeAverage({ times, utcOffsetMinutes: 480, columns: { x } }, { avgTime: "day", dataThresh: 80 });
    expect(Array.from(r80.columns.x)).toEqual([1, NaN]);
    // startDate at local midnight (openair adds it as an empty record at 00:00, the grid's first hour):
    // day 1 now expects 24 hours, 19 valid = 79 % → kept at 75 %, NaN at 80 %
    const opts = { avgTime: "day", startDate: "2025-01-02" } as const;
    const rs = timeAverage({ times, utcOffsetMinutes: 480, columns: { x } }, { ...opts, dataThresh: 75 });
    expect(Array.from(rs.expected)).toEqual([24, 24]);
    expect(Array.from(rs.columns.x)).toEqual([1, 2]);
    const rs80 = timeAverage({ times, utcOffsetMinutes: 480, columns: { x } }, { ...opts, dataThresh: 80 });
    expect(Array.from(rs80.columns.x)).toEqual([NaN, NaN]);
  });
  it("openair's floating-point test: at 90 %, 9 of 10 values fail (0.1 > 1 − 0.9 = 0.09999…)", () => {
    const times = Array.from({ length: 10 }, (_, i) => Date.UTC(2025, 0, 1, 0, i * 6)); // every 6 min, one hour
    const x = times.map((_, i) => (i === 3 ? NaN : i));
    const r = timeAverage({ times, utcOffsetMinutes: 0, columns: { x } }, { avgTime: "hour", dataThresh: 90 });
    expect(Number.isNaN(r.columns.x[0])).toBe(true);
    const r89 = timeAverage({ times, utcOffsetMinutes: 0, columns: { x } }, { avgTime: "hour", dataThresh: 89 });
    expect(r89.columns.x[0]).toBe((0 + 1 + 2 + 4 + 5 + 6 + 7 + 8 + 9) / 9);
  });
  it("vector-averaged wind: 350° and 10° at 2 m/s average to north; vectorWs gives the resultant", () => {
    const times = [Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1)];
    const c = { ws: [2, 2], wd: [350, 10] };
    const r = timeAverage({ times, utcOffsetMinutes: 0, columns: c }, { avgTime: "day" });
    expect(r.columns.wd[0]).toBe(0);
    expect(r.columns.ws[0]).toBe(2);
    // 0° and 180° at 2 m/s: scalar mean 2, vector mean 0 (openair's vector.ws example)
    const r2 = timeAverage(
      { times, utcOffsetMinutes: 0, columns: { ws: [2, 2], wd: [0, 180] } },
      { avgTime: "day", vectorWs: true },
    );
    expect(r2.columns.ws[0]).toBeCloseTo(0, 12);
    // median of wd with the default rule is the vector-mean direction, not a median of components
    const r3 = timeAverage({ times, utcOffsetMinutes: 0, columns: c }, { avgTime: "day", statistic: "max" });
    expect(r3.columns.wd[0]).toBe(0);
    expect(r3.columns.ws[0]).toBe(2);
  });
  it("periods follow R's cut: weeks from Monday, '6 hour' from the first record's hour, local months", () => {
    const first = Date.UTC(2025, 0, 8, 2, 30); // Wed 2025-01-08 10:30 +08:00
    const w = periodGrid(parseAvgTime("week"), first, 480);
    expect(new Date(w.start(0) + 480 * 60000).toISOString()).toBe("2025-01-06T00:00:00.000Z"); // Monday
    const h6 = periodGrid(parseAvgTime("6 hour"), first, 480);
    expect(new Date(h6.start(1) + 480 * 60000).toISOString()).toBe("2025-01-08T16:00:00.000Z"); // 10:00 + 6 h
    const m = periodGrid(parseAvgTime("month"), first, 540);
    expect(m.index(Date.UTC(2025, 0, 31, 15, 0))).toBe(1); // 2025-02-01 00:00 +09:00 is February
    expect(m.index(Date.UTC(2025, 0, 31, 14, 59))).toBe(0);
    expect(mostCommonGap([0, 1, 2, 4, 6, 8])).toBe(2);
  });
  it("statistics by hand on one day of 4 values", () => {
    const times = [0, 1, 2, 3].map((i) => i * h);
    const x = [1, 2, 4, NaN];
    const run = (
      statistic: Parameters<typeof timeAverage>[1] extends infer O
        ? O extends { statistic?: infer S }
          ? S
          : never
        : never,
      extra = {},
    ) => timeAverage({ times, utcOffsetMinutes: 0, columns: { x } }, { statistic, ...extra }).columns.x[0];
    expect(run("mean")).toBeCloseTo(7 / 3, 14);
    expect(run("median")).toBe(2);
    expect(run("max")).toBe(4);
    expect(run("min")).toBe(1);
    expect(run("sum")).toBe(7);
    expect(run("sd")).toBeCloseTo(Math.sqrt(((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2), 14);
    expect(run("frequency")).toBe(3);
    expect(run("data.cap")).toBe(75);
    expect(run("percentile", { percentile: 50 })).toBe(2); // type 7 at 0.5 of 1, 2, 4
    expect(run("percentile", { percentile: 75 })).toBe(3); // h = 2·0.75 = 1.5 → 2 + 0.5·(4 − 2)
  });
  it("expands hourly records to 15 min, repeated with fill", () => {
    const times = [0, h];
    const r = timeAverage({ times, utcOffsetMinutes: 0, columns: { x: [1, 2] } }, { avgTime: "15 min", fill: true });
    expect(Array.from(r.columns.x)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    const r2 = timeAverage({ times, utcOffsetMinutes: 0, columns: { x: [1, 2] } }, { avgTime: "15 min" });
    expect(Array.from(r2.columns.x)).toEqual([1, NaN, NaN, NaN, 2, NaN, NaN, NaN]);
  });
  it("a table in, a table out: units kept, text columns listed", () => {
    const t = AqTable.create(
      { time: Float64Array.from([0, h]), no2: [10, 20], site: ["a", "a"] },
      { time: { kind: "time" }, no2: { unit: "µg/m3" }, site: { kind: "string" } },
      { column: "time", utcOffsetMinutes: 540 },
    );
    const r = timeAverage(t, { avgTime: "day" });
    expect(r.table!.unit("no2")).toBe("µg/m3");
    expect(r.dropped).toEqual(["site"]);
    expect(timeAverage(t, { statistic: "frequency" }).units.no2).toBe("1");
  });
  it("refuses bad options", () => {
    const s = { times: [0], utcOffsetMinutes: 0, columns: { x: [1] } };
    expect(() => timeAverage(s, { avgTime: "fortnight" })).toThrow(RangeError);
    expect(() => timeAverage(s, { dataThresh: 101 })).toThrow(RangeError);
    expect(() => timeAverage(s, { statistic: "mode" as never })).toThrow(RangeError);
    expect(() => timeAverage(s, { startDate: "1/1/2025" })).toThrow(/YYYY-MM-DD/);
    expect(() => timeAverage({ ...s, columns: { x: [1, 2] } })).toThrow(/values for 1 times/);
  });
});
