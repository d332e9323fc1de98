import { chinaReferenceState } from "../../table/gas";
import { normaliseUnit } from "../../table/units";
import { convertGas, type ReferenceStateLike } from "../ozone/convert";
import { screenNegatives, toHourGrid, windowMean, type HourGrid, type NegativePolicy } from "../ozone/hourgrid";
import { AQI_POLLUTANTS, type AqiPollutant, type HourlyPollutants } from "./daily";
import { cnIaqi, type CnVersion } from "./iaqi";
import { aqiCategory, CN_AQI_CATEGORIES } from "./tables/categories";
import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";
import type { CnIaqiKey } from "./tables/hj633";

/** One hour's real-time AQI. */
export interface HourlyAqiRow {
  /** UTC instant (ms) of the start of the hour. */
  utcMs: number;
  /** Local time `YYYY-MM-DDTHH:mm` of the start of the hour. */
  local: string;
  concentration: Record<string, number>;
  iaqi: Record<string, number>;
  aqi: number;
  primary: string[];
  category: number;
}

const MIN_24H = 20;
const MIN_8H = 6;

/**
 * Real-time (hourly) China AQI (HJ 633 §5, real-time report): SO2, NO2, CO and O3 1-h values with
 * the 1-h breakpoints, the O3 8-h running mean ending with the hour (≥ 6 values) with the 8-h
 * breakpoints, and PM: HJ 633-2012 the 24-h running mean ending with the hour (≥ 20 values, HJ
 * 663) with the 24-h breakpoints; HJ 633-2026 the 1-h value with the 24-h breakpoints (Table 3
 * note). Above the top breakpoints: SO2 1-h > 800 µg/m3 → 2012 the SO2 24-h running-mean IAQI,
 * 2026 IAQI 200; O3 8-h > 800 → 2012 the O3 1-h IAQI (already counted), 2026 IAQI 300.
 * AQI = max IAQI; primary pollutant(s) when AQI > 50. One row per local hour of the days spanned.
 */
export function hourlyAqi(
  input: HourlyPollutants,
  opts: { standard?: CnVersion; referenceState?: ReferenceStateLike; negative?: NegativePolicy } = {},
): HourlyAqiRow[] {
  const version = opts.standard ?? "cn-2026";
  if (version !== "cn-2012" && version !== "cn-2026")
    throw new RangeError(`hourlyAqi: standard must be cn-2012 or cn-2026, got "${String(version)}"`);
  const state = opts.referenceState ?? chinaReferenceState;
  const grids: Partial<Record<AqiPollutant, HourGrid>> = {};
  for (const p of AQI_POLLUTANTS) {
    const s = input.series[p];
    if (!s) continue;
    if (s.values.length !== input.times.length)
      throw new RangeError(`${p}: ${s.values.length} values for ${input.times.length} times`);
    const raw = screenNegatives(s.values, {
      negative: opts.negative,
      name: p,
      unit: s.unit,
      times: input.times,
      utcOffsetMinutes: input.utcOffsetMinutes,
    }).values;
    const u = normaliseUnit(s.unit);
    let v: Float64Array;
    if (p === "PM2.5" || p === "PM10") {
      if (u === "µg/m3") v = raw;
      else if (u === "mg/m3") v = raw.map((x) => x * 1000);
      else throw new RangeError(`${p}: unit "${s.unit}" is not a particle mass concentration (use µg/m3 or mg/m3)`);
    } else
      v = convertGas(raw, u, p === "CO" ? "mg/m3" : "µg/m3", CRITERIA_GAS_MOLAR_MASS[p], {
        state,
        times: input.times,
        name: p,
      });
    grids[p] = toHourGrid(input.times, v, {
      utcOffsetMinutes: input.utcOffsetMinutes,
      hourLabel: input.hourLabel,
      name: p,
    });
  }
  const present = Object.keys(grids) as AqiPollutant[];
  if (present.length === 0)
    throw new RangeError(`hourlyAqi: no pollutant series (expected any of ${AQI_POLLUTANTS.join(", ")})`);
  const g0 = grids[present[0]]!;
  const out: HourlyAqiRow[] = [];
  for (let k = 0; k < g0.nDays * 24; k++) {
    const conc: Record<string, number> = {},
      iaqi: Record<string, number> = {};
    const set = (key: CnIaqiKey, c: number) => {
      conc[key] = c;
      const r = cnIaqi(key, c, version);
      iaqi[key] = r.iaqi;
      return r;
    };
    const mean = (g: HourGrid, hours: number, min: number) => {
      const m = windowMean(g.values, k - hours + 1, k + 1);
      return m.n >= min ? m.mean : NaN;
    };
    if (grids.SO2) {
      const r = set("SO2_1h", grids.SO2.values[k]);
      if (r.useKey) set("SO2_24h", mean(grids.SO2, 24, MIN_24H));
    }
    if (grids.NO2) set("NO2_1h", grids.NO2.values[k]);
    if (grids.CO) set("CO_1h", grids.CO.values[k]);
    if (grids.O3) {
      set("O3_1h", grids.O3.values[k]);
      set("O3_8h", mean(grids.O3, 8, MIN_8H));
    }
    for (const [p, key] of [
      ["PM10", "PM10_24h"],
      ["PM2.5", "PM25_24h"],
    ] as const) {
      const g = grids[p];
      if (g) set(key, version === "cn-2012" ? mean(g, 24, MIN_24H) : g.values[k]);
    }
    let aqi = -Infinity;
    for (const key of Object.keys(iaqi)) if (iaqi[key] > aqi) aqi = iaqi[key];
    if (aqi === -Infinity) aqi = NaN;
    const cat = aqiCategory(aqi, CN_AQI_CATEGORIES);
    const utcMs = g0.firstDayUtcMs + k * 3_600_000;
    out.push({
      utcMs,
      local: new Date(utcMs + input.utcOffsetMinutes * 60_000).toISOString().slice(0, 16),
      concentration: conc,
      iaqi,
      aqi,
      primary: aqi > 50 ? Object.keys(iaqi).filter((x) => iaqi[x] === aqi) : [],
      category: cat ? cat.level : NaN,
    });
  }
  return out;
}
