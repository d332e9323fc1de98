import { describe, expect, it } from "vitest";
import { rollingMean } from "../../src/directional/rollingmean";
import { selectByDate } from "../../src/directional/selectbydate";
import { calcPercentile } from "../../src/directional/calcpercentile";
import { AqTable } from "../../src/table/table";
import { readFixtureCsv, readFixtureJson } from "./openair-fixtures";

// Fixtures: R openair 2.18.2.9005 rollingMean / calcPercentile / selectByDate on
// timeaverage-input.csv (hourly with 74 missing records, at +08:00), make-fixtures.R.
const input = readFixtureCsv("timeaverage-input.csv");
const series = { times: input.times, utcOffsetMinutes: 480, columns: input.columns, units: { no2: "µg/m3" } };
const near = (a: number, b: number | null) =>
  b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const iso = (t: number) => new Date(t).toISOString().replace(".000", "");

describe("rollingMean", () => {
  const ref = readFixtureJson<Record<string, (number | null)[]>>("rollingmean-openair.json");
  for (const align of ["right", "left", "centre"] as const)
    it(`8-h ${align}, 75 %: every record as openair with ends "openair"`, () => {
      const r = rollingMean(series, { pollutant: "no2", width: 8, dataThresh: 75, align, ends: "openair" });
      expect(r.name).toBe("rolling8no2");
      const bad = ref[align].map((v, i) => (near(r.values[i], v) ? -1 : i)).filter((i) => i >= 0);
      expect(bad).toEqual([]);
    });
  it("24-h right 50 % pm25 (new.name) as openair; the exact ends agree with openair away from the ends", () => {
    const r = rollingMean(series, { pollutant: "pm25", width: 24, dataThresh: 50, align: "right", newName: "pm24" });
    expect(ref.pm24.every((v, i) => near(r.values[i], v))).toBe(true);
    const c = rollingMean(series, { pollutant: "no2", align: "centre" });
    const n = ref.centre.length;
    for (let i = 5; i < n - 5; i++) expect(near(c.values[i], ref.centre[i])).toBe(true);
  });
  it("by hand: right-aligned 3-record mean, 2 of 3 needed, a missing hour padded", () => {
    const h = 3600000;
    const times = [0, 1, 2, 4, 5].map((k) => k * h); // hour 3 missing: padded as missing
    const x = [3, 6, 9, 12, NaN];
    const r = rollingMean(
      { times, utcOffsetMinutes: 0, columns: { x } },
      { pollutant: "x", width: 3, dataThresh: 60, align: "right" },
    );
    // hour 0: [−2, 0] → 1 of 3 < 60 % → NaN; hour 1: 2 of 3 → 4.5; hour 2: 6; hour 4: [2, 3, 4] → (9 + 12)/2; hour 5: [3, 4, 5] → 1 of 3
    expect(Array.from(r.values)).toEqual([NaN, 4.5, 6, 10.5, NaN]);
    // left-aligned (30 %): hour 2 [2, 3, 4] → (9 + 12)/2; hour 4 [4, 5, 6]: 12 alone, 1 of 3 ≥ 30 % → 12;
    // openair's end code counts one more missing there (2 + 1 of 3) → NaN
    const l = rollingMean(
      { times, utcOffsetMinutes: 0, columns: { x } },
      { pollutant: "x", width: 3, dataThresh: 30, align: "left" },
    );
    expect(Array.from(l.values)).toEqual([6, 7.5, 10.5, 12, NaN]);
    const lo = rollingMean(
      { times, utcOffsetMinutes: 0, columns: { x } },
      { pollutant: "x", width: 3, dataThresh: 30, align: "left", ends: "openair" },
    );
    expect(Array.from(lo.values)).toEqual([6, 7.5, 10.5, NaN, NaN]);
  });
  it("adds the column to a table (unit kept); refuses bad options", () => {
    const t = AqTable.create(
      { time: Float64Array.from([0, 3600000]), o3: [10, 20] },
      { time: { kind: "time" }, o3: { unit: "ppb" } },
      { column: "time", utcOffsetMinutes: 540 },
    );
    const r = rollingMean(t, { pollutant: "o3", width: 2, align: "right", dataThresh: 50 });
    expect(r.table!.unit("rolling2o3")).toBe("ppb");
    expect(Array.from(r.table!.numbers("rolling2o3"))).toEqual([10, 15]);
    expect(() => rollingMean(series, { pollutant: "o3" })).toThrow(/no column/);
    expect(() => rollingMean(series, { pollutant: "no2", width: 0 })).toThrow(RangeError);
    expect(() => rollingMean(series, { pollutant: "no2", align: "middle" as never })).toThrow(RangeError);
  });
});

describe("calcPercentile", () => {
  it("monthly 5th, 50th, 95th percentiles of pm25 as openair", () => {
    const ref = readFixtureJson<{ date: string[]; p5: number[]; p50: number[]; p95: number[] }>(
      "calcpercentile-openair.json",
    );
    const r = calcPercentile(series, { pollutant: "pm25", percentile: [5, 50, 95] });
    expect(Array.from(r.times, iso)).toEqual(ref.date);
    ref.p5.forEach((v, i) => expect(near(r.columns["percentile.5"][i], v)).toBe(true));
    ref.p50.forEach((v, i) => expect(near(r.columns["percentile.50"][i], v)).toBe(true));
    ref.p95.forEach((v, i) => expect(near(r.columns["percentile.95"][i], v)).toBe(true));
  });
});

describe("selectByDate", () => {
  const ref = readFixtureJson<Record<string, string[]>>("selectbydate-openair.json");
  const pick = (o: Parameters<typeof selectByDate>[1]) => selectByDate(series, o).rows.map((i) => iso(input.times[i]));
  it("start/end dates (local, whole days) as openair", () =>
    expect(pick({ start: "2025-02-01", end: "03/02/2025" })).toEqual(ref.start_end));
  it("weekend in February as openair", () => expect(pick({ day: "weekend", month: 2 })).toEqual(ref.weekend));
  it("Mondays and Fridays 08–09 h in January (names by 3 letters) as openair", () =>
    expect(pick({ day: ["mon", "fri"], hour: [8, 9], month: "jan" })).toEqual(ref.mon_fri));
  it("days 1 and 2 of each month at hour 0 as openair", () =>
    expect(pick({ day: [1, 2], hour: 0 })).toEqual(ref.day_num));
  it("refuses bad criteria", () => {
    expect(() => pick({ month: 13 })).toThrow(RangeError);
    expect(() => pick({ month: "foo" })).toThrow(/month name/);
    expect(() => pick({ hour: 24 })).toThrow(RangeError);
    expect(() => pick({ start: "2025-02-30" })).toThrow(/not a date/);
    expect(() => pick({ day: "someday" })).toThrow(/weekday name/);
  });
});
