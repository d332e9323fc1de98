import { describe, expect, it } from "vitest";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import { dailyAqi } from "../../src/models/aqi/daily";
import { pearson } from "../../src/stats";

const sim = simulateForecastStation({ seed: 7 });
const { table, truth } = sim;

function meanWhere(a: Float64Array, keep: (i: number) => boolean): number {
  let s = 0,
    n = 0;
  for (let i = 0; i < a.length; i++)
    if (keep(i)) {
      s += a[i];
      n++;
    }
  return s / n;
}

describe("simulateForecastStation", () => {
  it("writes three years of hourly rows at UTC+8 with a unit on every column", () => {
    expect(table.numRows).toBe(1096 * 24);
    expect(table.utcOffsetMinutes).toBe(480);
    // 2023-01-01 00:00 at UTC+8 is 2022-12-31 16:00 UTC
    expect(table.times()[0]).toBe(Date.UTC(2022, 11, 31, 16));
    expect(table.times()[1] - table.times()[0]).toBe(3_600_000);
    expect(table.unit("CO")).toBe("mg/m3");
    expect(table.unit("PM2.5")).toBe("µg/m3");
    expect(table.unit("T")).toBe("°C");
    expect(truth.daily.length).toBe(1096);
  });

  it("same seed, same bits; another seed differs", () => {
    const again = simulateForecastStation({ seed: 7, days: 30 });
    const first = simulateForecastStation({ seed: 7, days: 30 });
    expect(Array.from(again.table.numbers("PM2.5"))).toEqual(Array.from(first.table.numbers("PM2.5")));
    const other = simulateForecastStation({ seed: 8, days: 30 });
    expect(other.table.numbers("PM2.5")[5]).not.toBe(first.table.numbers("PM2.5")[5]);
  });

  it("heating season is dirtier, summer ozone is higher, stagnation drives PM2.5", () => {
    const day = (i: number) => truth.daily[Math.floor(i / 24)];
    const pm = table.numbers("PM2.5");
    const o3 = table.numbers("O3");
    const heat = meanWhere(pm, (i) => day(i).heating);
    const noHeat = meanWhere(pm, (i) => !day(i).heating);
    expect(heat / noHeat).toBeGreaterThan(1.5);
    const summerO3 = meanWhere(o3, (i) => ["06", "07"].includes(day(i).date.slice(5, 7)));
    const winterO3 = meanWhere(o3, (i) => ["12", "01"].includes(day(i).date.slice(5, 7)));
    expect(summerO3).toBeGreaterThan(winterO3 * 1.5);
    // multi-day episodes: the daily stagnation index is autocorrelated (AR(1) φ = 0.85 in the latent)
    const s = truth.daily.map((d) => d.stagnation);
    expect(pearson(s.slice(1), s.slice(0, -1))).toBeGreaterThan(0.6);
    // the heating-season daily AQI (the library's HJ 633-2026) reaches heavy pollution (> 200) on some days
    const r = dailyAqi({
      times: table.times(),
      utcOffsetMinutes: 480,
      series: { "PM2.5": { values: pm, unit: "µg/m3" }, O3: { values: o3, unit: "µg/m3" } },
    });
    const heavy = r.days.filter((d) => d.aqi > 200).length;
    expect(heavy).toBeGreaterThan(5);
    expect(heavy).toBeLessThan(150);
  });

  it("refuses a bad start or day count", () => {
    expect(() => simulateForecastStation({ seed: 1, start: "2023/01/01" })).toThrow(RangeError);
    expect(() => simulateForecastStation({ seed: 1, days: 0 })).toThrow(RangeError);
  });
});
