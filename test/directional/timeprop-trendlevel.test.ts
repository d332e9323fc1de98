import { describe, expect, it } from "vitest";
import { timeProp } from "../../src/directional/timeprop";
import { trendLevel } from "../../src/directional/trendlevel";
import { readFixtureCsv, readFixtureJson } from "./openair-fixtures";

// Fixtures: R openair 2.18.2.9005 timeProp(...)$data and trendLevel(...)$data on
// timeaverage-input.csv (+08:00), written by fixtures/openair/make-fixtures.R.
const input = readFixtureCsv("timeaverage-input.csv");
const series = { times: input.times, utcOffsetMinutes: 480, columns: input.columns, units: { pm25: "µg/m3" } };
const iso = (t: number) => new Date(t).toISOString().replace(".000", "");
const near = (a: number, b: number | null) =>
  b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("timeProp", () => {
  type Ref = { date: string[]; level: string[]; value: (number | null)[]; n: number[]; contribution: number[] };
  const ref = readFixtureJson<Record<string, Ref>>("timeprop-openair.json");
  const check = (r: ReturnType<typeof timeProp>, o: Ref) => {
    expect(r.rows.map((x) => iso(x.start))).toEqual(o.date);
    expect(r.rows.map((x) => x.level)).toEqual(o.level);
    expect(r.rows.map((x) => x.n)).toEqual(o.n);
    r.rows.forEach((x, i) => {
      expect(near(x.mean, o.value[i])).toBe(true);
      expect(near(x.contribution, o.contribution[i])).toBe(true);
    });
  };
  it("pm25 by wind sector, daily: every period × sector as openair", () =>
    check(timeProp(series, { pollutant: "pm25", proportion: "wd" }), ref.day));
  it("weekly, normalised to 100 %: as openair", () => {
    const r = timeProp(series, { pollutant: "pm25", avgTime: "week", normalise: true });
    check(r, ref.week_norm);
    expect(r.unit).toBe("%");
  });
  it("by hand: contributions add up to the period mean when nothing is missing", () => {
    const h = 3600000;
    const times = [0, 1, 2, 3].map((k) => k * h);
    const r = timeProp(
      { times, utcOffsetMinutes: 0, columns: { x: [10, 20, 30, 40], wd: [0, 0, 90, 90] } },
      { pollutant: "x" },
    );
    // N: mean 15, n 2 → 15·2/4 = 7.5; E: 35·2/4 = 17.5; total 25 = mean(10, 20, 30, 40)
    expect(r.rows.map((x) => [x.level, x.contribution, x.cumulative])).toEqual([
      ["N", 7.5, 7.5],
      ["E", 17.5, 25],
    ]);
  });
});

describe("trendLevel", () => {
  const ref = readFixtureJson<Record<string, Record<string, (string | number)[]>>>("trendlevel-openair.json");
  const check = (
    r: ReturnType<typeof trendLevel>,
    o: Record<string, (string | number)[]>,
    keys: [string, string, string, string],
  ) => {
    const got = new Map(r.cells.map((c) => [`${c.x}|${c.y}|${c.type}`, c.value]));
    const [kx, ky, kt, kv] = keys;
    o[kv].forEach((v, i) => {
      const g = got.get(`${o[kx][i]}|${o[ky][i]}|${o[kt][i]}`);
      expect(g !== undefined && near(g, v as number), `${o[kx][i]}|${o[ky][i]}|${o[kt][i]}`).toBe(true);
    });
    // the cells openair leaves NA are NaN here
    expect(r.cells.filter((c) => Number.isFinite(c.value)).length).toBe(o[kv].length);
  };
  it("default month × hour by year, mean: every cell as openair", () =>
    check(trendLevel(series, { pollutant: "no2" }), ref.default, ["month", "hour", "year", "no2.mean"]));
  it("weekday × hour by month, max: as openair", () =>
    check(
      trendLevel(series, { pollutant: "no2", x: "weekday", y: "hour", type: "month", statistic: "max" }),
      ref.max_weekday,
      ["weekday", "hour", "month", "no2.max"],
    ));
  it("month × wind sector, frequency: as openair", () =>
    check(
      trendLevel(series, { pollutant: "no2", x: "month", y: "wd", type: "default", statistic: "frequency" }),
      ref.freq,
      ["month", "wd", "default", "no2.frequency"],
    ));
  it("any statistic as a function; x, y, type must differ", () => {
    const r = trendLevel(series, { pollutant: "no2", statistic: (v) => Math.min(...v) });
    const min = trendLevel(series, { pollutant: "no2", statistic: "max" });
    expect(r.cells.every((c, i) => Number.isNaN(c.value) || c.value <= min.cells[i].value)).toBe(true);
    expect(() => trendLevel(series, { pollutant: "no2", x: "hour", y: "hour" })).toThrow(RangeError);
  });
});
