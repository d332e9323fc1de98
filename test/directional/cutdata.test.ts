import { describe, expect, it } from "vitest";
import { cutData, formatSignificant, quantileLabels } from "../../src/directional/cutdata";
import { AqTable } from "../../src/table/table";
import { sunTimes } from "../../src/directional/solar";
import { readFixtureCsv, readFixtureJson } from "./openair-fixtures";

// Fixtures: R openair 2.18.2.9005 `cutData` on the rows of cutdata-input.csv (every 7 h from
// 2024-11-25 to 2026-01-10 UTC, the site at +08:00: openair dates in tz "Etc/GMT-8"), written by
// test/directional/fixtures/openair/make-fixtures.R. Each case holds openair's levels and each
// row's level as a 1-based index (null = the row got no level).
type Case = { index: (number | null)[]; levels: string[] };
const input = readFixtureCsv("cutdata-input.csv");
const openair = readFixtureJson<Record<string, Case>>("cutdata-openair.json");
const series = { times: input.times, utcOffsetMinutes: 480, columns: input.columns };

function expectSame(name: string, got: ReturnType<typeof cutData>) {
  const ref = openair[name];
  expect(got.levels).toEqual(ref.levels);
  const idx = Array.from(got.index, (k) => (k < 0 ? null : k + 1));
  expect(idx).toEqual(ref.index);
}

describe("cutData agrees with openair 2.18.2 row by row", () => {
  const plain: [string, string, object][] = [
    ["year", "year", {}],
    ["month", "month", {}],
    ["hour", "hour", {}],
    ["weekday", "weekday", {}],
    ["weekend", "weekend", {}],
    ["season", "season", {}],
    ["season_southern", "season", { hemisphere: "southern" }],
    ["monthyear", "monthyear", {}],
    ["seasonyear", "seasonyear", {}],
    ["wd", "wd", {}],
    ["week", "week", {}],
    ["ws", "ws", {}],
    ["pm25", "pm25", {}],
    ["pm25_6", "pm25", { nLevels: 6 }],
  ];
  for (const [name, type, opts] of plain)
    it(`${name}: levels and every row's level`, () => expectSame(name, cutData(series, type, opts)));

  it("daylight at Shanghai (31.2304° N, 121.4737° E): every row as openair but 2 within a minute of sunrise", () => {
    // openair 2.18 on R 4.2 takes the Julian day from as.Date(date), which is the UTC date (R < 4.3), so
    // for local hours before 08:00 its Sun is a day early; that moves sunrise by up to a minute, and the
    // rows at 05:00 on 2025-05-13 and 2025-07-15 (sunrise 04:59–05:02) fall on different sides.
    const ref = openair.daylight_shanghai;
    const got = cutData(series, "daylight", { latitude: 31.2304, longitude: 121.4737 });
    expect(got.levels).toEqual(ref.levels);
    const differ: number[] = [];
    got.index.forEach((k, i) => k + 1 !== ref.index[i] && differ.push(i));
    expect(differ.length).toBe(2);
    for (const i of differ) {
      const local = new Date(input.times[i] + 480 * 60000).toISOString();
      const sun = sunTimes(local.slice(0, 10), 31.2304, 121.4737, 480);
      const near = Math.min(Math.abs(input.times[i] - sun.sunrise), Math.abs(input.times[i] - sun.sunset));
      expect(near).toBeLessThan(3 * 60000);
      expect(Number(local.slice(11, 13))).toBeLessThan(8);
    }
  });

  it("daylight at Kawasaki (35.5308° N, 139.7029° E, +09:00) as openair's cutDaylight", () => {
    const ref = readFixtureJson<{ daylight: number[] }>("cutdata-daylight-kawasaki.json");
    const got = cutData(series, "daylight", { latitude: 35.5308, longitude: 139.7029 });
    expect(Array.from(got.index, (k) => (k === 0 ? 1 : 0))).toEqual(ref.daylight);
  });

  it("rows openair drops are listed, not lost: 20 missing pm25 values", () => {
    const r = cutData(series, "pm25");
    expect(r.excluded.rows.length).toBe(20);
    expect(r.excluded.rows.every((i) => Number.isNaN(input.columns.pm25[i]))).toBe(true);
  });
});

describe("cutData worked by hand", () => {
  // 2025-12-01T00:00+08:00 (Monday) … one row each
  const at = (iso: string) => Date.parse(iso);
  const times = [
    at("2025-11-30T16:00:00Z"), // 2025-12-01 00:00 +08:00, Monday, December → winter of 2026
    at("2025-12-31T15:59:00Z"), // 2025-12-31 23:59 +08:00, Wednesday
    at("2025-12-31T16:00:00Z"), // 2026-01-01 00:00 +08:00, Thursday
    at("2026-03-01T03:00:00Z"), // 2026-03-01 11:00 +08:00, Sunday, spring
  ];
  const s = { times, utcOffsetMinutes: 480, columns: { wd: [0, 22.5, 22.6, 337.5], x: [1, 2, 3, 4] } };

  it("local time from the site offset, not UTC: 2025-12-31 23:59 +08:00 is still 2025", () => {
    expect(cutData(s, "year").labels).toEqual(["2025", "2025", "2026", "2026"]);
    expect(cutData(s, "hour").labels).toEqual(["00", "23", "00", "11"]);
    // the same instants in Japan (+09:00): the second row is already 2026-01-01 00:59
    expect(cutData({ ...s, utcOffsetMinutes: 540 }, "year").labels).toEqual(["2025", "2026", "2026", "2026"]);
  });
  it("seasonyear: December 2025 is winter 2026 with January 2026", () => {
    expect(cutData(s, "seasonyear").labels).toEqual([
      "winter (DJF) - 2026",
      "winter (DJF) - 2026",
      "winter (DJF) - 2026",
      "spring (MAM) - 2026",
    ]);
  });
  it("weekday/weekend: Monday, Wednesday, Thursday, Sunday", () => {
    expect(cutData(s, "weekday").labels).toEqual(["Monday", "Wednesday", "Thursday", "Sunday"]);
    expect(cutData(s, "weekday").levels).toEqual(["Monday", "Wednesday", "Thursday", "Sunday"]);
    expect(cutData(s, "weekday", { startDay: 0 }).levels).toEqual(["Sunday", "Monday", "Wednesday", "Thursday"]);
    expect(cutData(s, "weekend").labels).toEqual(["weekday", "weekday", "weekday", "weekend"]);
  });
  it("wd sectors (c − 22.5°, c + 22.5°]: 22.5° is N, 22.6° NE, 337.5° NW", () => {
    expect(cutData(s, "wd").labels).toEqual(["N", "N", "NE", "NW"]);
  });
  it("quantiles of x = 1..4: type-7 breaks 1, 1.75, 2.5, 3.25, 4 and R's labels", () => {
    const r = cutData(s, "x");
    expect(r.breaks).toEqual([1, 1.75, 2.5, 3.25, 4]);
    expect(r.levels).toEqual(["x 1 to 1.75", "x 1.75 to 2.5", "x 2.5 to 3.25", "x 3.25 to 4"]);
    expect(r.labels).toEqual(r.levels); // [1, 1.75] holds 1 (include.lowest), then one value per class
  });
  it("default: one level naming the first and last local day", () => {
    expect(cutData(s, "default").levels).toEqual(["01 December 2025 to 01 March 2026"]);
  });
  it("an AqTable gives its time column and offset", () => {
    const t = AqTable.create(
      { time: Float64Array.from(times), x: [1, 2, 3, 4] },
      { time: { kind: "time" }, x: { unit: "µg/m3" } },
      { column: "time", utcOffsetMinutes: 540 },
    );
    expect(cutData(t, "year").labels).toEqual(["2025", "2026", "2026", "2026"]);
    expect(cutData(t, "x").levels.length).toBe(4);
  });
  it("R's %g labels: 3 significant digits, more when neighbours would print alike", () => {
    expect(formatSignificant(190, 3)).toBe("190");
    expect(formatSignificant(21.1, 3)).toBe("21.1");
    expect(formatSignificant(0.000012345, 3)).toBe("1.23e-05");
    expect(formatSignificant(123456, 3)).toBe("1.23e+05");
    expect(formatSignificant(190.5, 3)).toBe("190"); // exact tie → even, as C printf (openair's "30.1 to 190")
    expect(formatSignificant(191.5, 3)).toBe("192");
    expect(formatSignificant(0.0012345, 3)).toBe("0.00123");
    expect(formatSignificant(-2.5, 1)).toBe("-2");
    expect(formatSignificant(999.6, 3)).toBe("1e+03");
    // 1.2341 and 1.2349 print alike with 3 digits ("1.23"), differ with 4: R moves to 4 for all
    expect(quantileLabels([1.2341, 1.2349, 2])).toEqual(["1.234 to 1.235", "1.235 to 2"]);
  });
  it("refuses what it cannot do", () => {
    expect(() => cutData(s, "daylight")).toThrow(/latitude and longitude/);
    expect(() => cutData({ times }, "month")).toThrow(/utcOffsetMinutes/);
    expect(() => cutData(s, "nosuch")).toThrow(/neither/);
    expect(() => cutData(s, "x", { nLevels: 1 })).toThrow(RangeError);
    expect(() => cutData(s, "weekday", { startDay: 7 })).toThrow(RangeError);
  });
});
