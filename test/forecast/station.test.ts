import { describe, expect, it } from "vitest";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import {
  dailyTarget,
  dailyMet,
  forecastAt,
  rollingOriginForecast,
  FORECAST_METHODS,
  type DailySeries,
  type DailyMet,
} from "../../src/forecast/station";
import { dailyAqi } from "../../src/models/aqi/daily";
import { mda8 } from "../../src/models/ozone/mda8";
import { AqTable } from "../../src/table/table";

const { table } = simulateForecastStation({ seed: 3, days: 400 });
const met = dailyMet(table.select(["time", "T", "RH", "WS", "WD", "BLH", "Stagnation", "Precip", "Radiation"]));
const pm = dailyTarget(table, "pm25");

function poison(series: DailySeries, m: DailyMet, afterTarget: number, afterMet: number): [DailySeries, DailyMet] {
  const v = Float64Array.from(series.values);
  for (let i = afterTarget + 1; i < v.length; i++) v[i] = i % 2 ? NaN : 1e9;
  const cols: Record<string, Float64Array> = {};
  for (const [k, c] of Object.entries(m.columns)) {
    const w = Float64Array.from(c);
    for (let i = afterMet + 1; i < w.length; i++) w[i] = i % 2 ? -1e9 : NaN;
    cols[k] = w;
  }
  return [
    { ...series, values: v },
    { ...m, columns: cols },
  ];
}

describe("station forecasts", () => {
  it("daily targets come from the library's dailyAqi and mda8", () => {
    const r = dailyAqi({
      times: table.times(),
      utcOffsetMinutes: 480,
      series: { "PM2.5": { values: table.numbers("PM2.5"), unit: "µg/m3" } },
    });
    expect(pm.values[10]).toBe(r.days[10].concentration.PM25_24h);
    // hand check of day 10: the plain mean of its 24 hours, rounded half-even to an integer (HJ 633-2026 §4.2.2)
    let s = 0;
    for (let h = 0; h < 24; h++) s += table.numbers("PM2.5")[240 + h];
    expect(Math.abs(pm.values[10] - s / 24)).toBeLessThanOrEqual(0.5);
    const o = dailyTarget(table, "mda8");
    expect(o.values[200]).toBe(mda8(table.times(), table.numbers("O3"), { utcOffsetMinutes: 480 })[200].mda8);
    const aqi = dailyTarget(table, "aqi");
    expect(aqi.unit).toBe("1");
    expect(aqi.values[0]).toBeGreaterThan(0);
  });

  it("daily met: means, precipitation summed, wind direction → U, V", () => {
    let s = 0,
      t = 0;
    for (let h = 0; h < 24; h++) {
      s += table.numbers("Precip")[48 + h];
      t += table.numbers("T")[48 + h];
    }
    expect(met.columns.Precip[2]).toBeCloseTo(s, 10);
    expect(met.columns.T[2]).toBeCloseTo(t / 24, 10);
    expect(met.units.Precip).toBe("mm/day");
    // wind from the north (0°) at 2 m/s blows towards the south: V = −2, U = 0
    const one = AqTable.create(
      {
        time: Array.from({ length: 24 }, (_, i) => Date.UTC(2024, 0, 1, i) - 8 * 3600000),
        WS: new Array(24).fill(2),
        WD: new Array(24).fill(0),
      },
      { WS: { unit: "m/s" }, WD: { unit: "deg" } },
      { column: "time", utcOffsetMinutes: 480 },
    );
    const d = dailyMet(one);
    expect(d.columns.V[0]).toBeCloseTo(-2, 12);
    expect(d.columns.U[0]).toBeCloseTo(0, 12);
  });

  it("no look-ahead: poisoning every observation after the origin and every met value after the target day changes nothing", () => {
    const origin = 300;
    for (const method of FORECAST_METHODS)
      for (const lead of [1, 3]) {
        const clean = forecastAt(pm, met, origin, { method, lead, seed: 5 });
        const [pp, mm] = poison(pm, met, origin, origin + lead);
        const dirty = forecastAt(pp, mm, origin, { method, lead, seed: 5 });
        expect(dirty, `${method} lead ${lead}`).toEqual(clean);
        expect(Number.isFinite(clean.value), `${method} lead ${lead}`).toBe(true);
        expect(clean.lower).toBeLessThanOrEqual(clean.value);
        expect(clean.upper).toBeGreaterThanOrEqual(clean.value);
      }
    // the poison does reach the forecast when it is placed on the origin day itself (the test can fail)
    const [pp] = poison(pm, met, origin - 1, 10_000);
    expect(forecastAt(pp, met, origin, { method: "persistence", lead: 1 }).value).not.toBe(
      forecastAt(pm, met, origin, { method: "persistence", lead: 1 }).value,
    );
  });

  it("rolling-origin forecasts equal one-at-a-time forecasts at each origin", () => {
    const roll = rollingOriginForecast(pm, met, { method: "mlr", lead: 2, firstOrigin: 350 });
    expect(roll.length).toBe(400 - 2 - 350);
    const one = forecastAt(pm, met, 360, { method: "mlr", lead: 2 });
    expect(roll[10].value).toBe(one.value);
    expect(roll[10].observed).toBe(pm.values[362]);
  });

  it("persistence forecasts the origin day's value", () => {
    const f = forecastAt(pm, met, 200, { method: "persistence", lead: 2 });
    expect(f.value).toBeCloseTo(Math.max(pm.values[200], 1), 9);
    expect(f.date).toBe(pm.dates[202]);
  });

  it("the forest is seeded: same seed, same bits; another seed differs", () => {
    const a = forecastAt(pm, met, 300, { method: "forest", lead: 1, seed: 11 });
    const b = forecastAt(pm, met, 300, { method: "forest", lead: 1, seed: 11 });
    const c = forecastAt(pm, met, 300, { method: "forest", lead: 1, seed: 12 });
    expect(b).toEqual(a);
    expect(c.value).not.toBe(a.value);
  });

  it("refuses bad options", () => {
    expect(() => forecastAt(pm, met, 100, { method: "mlr", lead: 4 })).toThrow(RangeError);
    expect(() => forecastAt(pm, met, 100, { method: "nope" as never, lead: 1 })).toThrow(RangeError);
    expect(() => forecastAt(pm, met, 5000, { method: "mlr", lead: 1 })).toThrow(RangeError);
    expect(() => forecastAt(pm, met, 100, { method: "mlr", lead: 1, predictors: ["XX"] })).toThrow(RangeError);
  });
});
