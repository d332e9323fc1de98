import { roundHalfEven } from "../../stats/round";
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
  /**
   * Concentration per indicator key, µg/m3 (CO mg/m3), rounded as the option `round` says.
   * HJ 633-2026: `SO2_1h`, `NO2_1h`, `CO_1h`, `O3_1h`, `PM10_1h`, `PM25_1h` (and none other).
   * HJ 633-2012: `SO2_1h`, `NO2_1h`, `CO_1h`, `O3_1h`, `O3_8h`, `PM10_24h`, `PM25_24h` (24-h
   * running means), and `SO2_24h` when SO2 1-h is above 800 µg/m3.
   */
  concentration: Record<string, number>;
  /** IAQI per key of `concentration` (NaN when the value is missing or defers to another key). */
  iaqi: Record<string, number>;
  /** AQI = max IAQI; NaN when no IAQI. */
  aqi: number;
  /** Keys with IAQI = AQI when AQI > 50. */
  primary: string[];
  /** Category level 1–6 (NaN when no AQI). */
  category: number;
}

/** Options of {@link hourlyAqi}. */
export interface HourlyAqiOptions {
  /** `cn-2026` (HJ 633-2026, default) or `cn-2012` (HJ 633-2012). */
  standard?: CnVersion;
  /** Reference state for ppb ↔ µg/m3 (default China's, by date). */
  referenceState?: ReferenceStateLike;
  /** Negative concentrations: `"error"` (default) or `"missing"`. */
  negative?: NegativePolicy;
  /**
   * Rounding of the concentrations before the IAQI: `"gbt8170"` (default for `cn-2026`: HJ 633-2026
   * §4.2.3 "污染物浓度单位和修约要求同4.2.2", i.e. GB/T 8170 half to even, integers in µg/m3, CO one
   * decimal in mg/m3) or `"none"` (default for `cn-2012`).
   */
  round?: "none" | "gbt8170";
}

const MIN_24H = 20;
const MIN_8H = 6;

/**
 * Real-time (hourly) China AQI, one row per local hour of the days spanned.
 *
 * HJ 633-2026 (`cn-2026`, default): the six 1-h indicators of §4.2.3, "实时报的指标包括SO2、NO2、
 * CO、O3、PM10和PM2.5 1小时平均6个指标。统计时段均为当前1小时平均" — SO2, NO2, CO and O3 on the 1-h
 * breakpoints, PM10 and PM2.5 1-h values on the daily breakpoints (formula 1: "当C_P为PM10或PM2.5
 * 1小时平均时，取表3中日平均的高位值/低位值"). No O3 8-h running mean (that was an indicator of the 2012
 * real-time report only). SO2 1-h above 800 µg/m3: Table 3 note b, "SO2 1小时平均浓度值高于
 * 800 µg/m3的，IAQI按照200计". Concentrations rounded per §4.2.3/§4.2.2 (GB/T 8170) by default.
 *
 * HJ 633-2012 (`cn-2012`): the nine indicators of §5.1.3, "SO2、NO2、O3、CO、PM10和PM2.5的1小时平均，以及
 * O3 8小时滑动平均和PM10、PM2.5的24小时滑动平均，共计9个指标" — O3 8-h running mean ending with the hour
 * (≥ 6 values), PM 24-h running means ending with the hour (≥ 20 values, HJ 663; the 1-h PM values
 * have no IAQI); SO2 1-h > 800 µg/m3 → the SO2 24-h running-mean IAQI (Table 1 note 2); O3 8-h
 * > 800 → the O3 1-h IAQI (already counted). No rounding by default.
 *
 * Both: IAQI rounded up (HJ 633-2026 §4.2.6); AQI = max IAQI; primary pollutant(s) when AQI > 50.
 *
 * @throws RangeError for an unknown standard or `round`, unknown units, mismatched lengths,
 *   non-hourly or duplicated times, and (policy `"error"`) negative concentrations
 */
export function hourlyAqi(input: HourlyPollutants, opts: HourlyAqiOptions = {}): HourlyAqiRow[] {
  const version = opts.standard ?? "cn-2026";
  if (version !== "cn-2012" && version !== "cn-2026")
    throw new RangeError(`hourlyAqi: standard must be cn-2012 or cn-2026, got "${String(version)}"`);
  const round = opts.round ?? (version === "cn-2026" ? "gbt8170" : "none");
  if (round !== "none" && round !== "gbt8170")
    throw new RangeError(`hourlyAqi: round must be "none" or "gbt8170", got "${String(round)}"`);
  const R = (c: number, mgm3: boolean) => (round === "none" ? c : roundHalfEven(c, mgm3 ? 1 : 0));
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
    /** IAQI of `c` on the breakpoints of `table`, stored under `key` (default: the table key). */
    const set = (table: CnIaqiKey, c: number, key: string = table) => {
      const cr = R(c, table.startsWith("CO"));
      conc[key] = cr;
      const r = cnIaqi(table, cr, version);
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
      if (version === "cn-2012") set("O3_8h", mean(grids.O3, 8, MIN_8H));
    }
    for (const [p, key] of [
      ["PM10", "PM10_24h"],
      ["PM2.5", "PM25_24h"],
    ] as const) {
      const g = grids[p];
      if (!g) continue;
      if (version === "cn-2012") set(key, mean(g, 24, MIN_24H));
      else set(key, g.values[k], key.replace("_24h", "_1h"));
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
