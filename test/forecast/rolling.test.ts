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

describe("rolling-origin forecasts (the series aligned once, truncated at each origin)", () => {
  it("every method: each rolling forecast equals forecastAt at its origin (refit every day)", () => {
    for (const method of FORECAST_METHODS) {
      const roll = rollingOriginForecast(pm, met, { method, lead: 2, firstOrigin: 380, seed: 5, analogs: 10 });
      expect(roll.length).toBe(400 - 2 - 380);
      for (const k of [0, 7, roll.length - 1]) {
        const one = forecastAt(pm, met, 380 + k, { method, lead: 2, seed: 5, analogs: 10 });
        const { observed, ...r } = roll[k];
        expect(r, `${method} origin ${380 + k}`).toEqual(one);
        expect(observed).toBe(pm.values[382 + k]);
      }
    }
  });
  it("refit every 7 days: the refit origins equal forecastAt; nothing after an origin reaches its forecasts", () => {
    for (const method of ["mlr", "forest", "qr"] as const) {
      const opts = { method, lead: 1, firstOrigin: 350, refitEvery: 7, seed: 2 };
      const clean = rollingOriginForecast(pm, met, opts);
      const { observed: _o, ...r14 } = clean[14]; // origin 364, a refit origin
      expect(r14).toEqual(forecastAt(pm, met, 364, { method, lead: 1, seed: 2 }));
      // poison everything after origin 367 (target) and after its forecast day 368 (met): the rows with
      // origins 350 … 367 (refits at 350, 357, 364; 365–367 use the model of 364) are unchanged
      const [pp, mm] = poison(pm, met, 367, 368);
      const dirty = rollingOriginForecast(pp, mm, opts);
      for (let k = 0; k <= 17; k++) {
        const { observed: a, ...x } = clean[k];
        const { observed: b, ...y } = dirty[k];
        expect(y, `${method} origin ${350 + k}`).toEqual(x);
        if (k < 17) expect(b).toBe(a);
      }
      // and the poison does change the next row (the test can fail)
      expect(dirty[18].value).not.toBe(clean[18].value);
    }
  });
  it("extra quantile levels: the interval levels reproduce lower/upper, levels are non-decreasing", () => {
    for (const method of FORECAST_METHODS) {
      const f = forecastAt(pm, met, 300, { method, lead: 1, quantiles: [0.05, 0.1, 0.5, 0.9, 0.95], seed: 3 });
      const q = f.quantiles!;
      expect(q).toHaveLength(5);
      for (let k = 1; k < 5; k++) expect(q[k], method).toBeGreaterThanOrEqual(q[k - 1]);
      if (method !== "qr" && method !== "persistence") {
        expect(q[1]).toBe(f.lower);
        expect(q[3]).toBe(f.upper);
        // the value is the median of the sample for these (mlr's is the OLS fit, not a residual quantile)
        if (method !== "mlr") expect(q[2]).toBe(f.value);
      }
      // without the option the forecast has no quantiles and the same value
      const g = forecastAt(pm, met, 300, { method, lead: 1, seed: 3 });
      expect(g.quantiles).toBeUndefined();
      expect(g.value).toBe(f.value);
      expect(g.lower).toBe(f.lower);
    }
    expect(() => forecastAt(pm, met, 300, { method: "mlr", lead: 1, quantiles: [1.2] })).toThrow(RangeError);
  });
});
