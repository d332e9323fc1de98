import { CN_IAQI_LEVELS, CN_IAQI_TABLES, type CnIaqiKey } from "./tables/hj633";
import { US_AQI_2024, US_AQI_DECIMALS, type UsAqiKey } from "./tables/us-aqi-2024";

/** China AQI versions. */
export type CnVersion = "cn-2012" | "cn-2026";

/** An IAQI value with how it was obtained. */
export interface IaqiValue {
  /** Integer IAQI (rounded up), NaN when the concentration is missing or the key defers to another (`useKey`). */
  iaqi: number;
  /** Unrounded linear interpolation (NaN when not interpolated). */
  exact: number;
  /** Set when the concentration is above the key's top breakpoint and the standard says to use another averaging. */
  useKey?: CnIaqiKey;
  /** `above-top-fixed` (standard's fixed IAQI), `beyond-index` (above the IAQI-500 breakpoint: capped at 500). */
  note?: "above-top-fixed" | "beyond-index";
}

/** Floating-point slack before rounding up, so that an exact breakpoint (e.g. 35 µg/m3 → 50) is not pushed to 51 by representation error. */
const CEIL_SLACK = 1e-9;

/**
 * China individual air-quality index of one concentration (HJ 633-2012 §4.2 / HJ 633-2026 §4.2):
 * IAQI_P = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C_P − BP_Lo) + IAQI_Lo, BP_Lo ≤ C_P ≤ BP_Hi,
 * rounded up to an integer (HJ 633-2026 §4.2.6).
 *
 * Above the top breakpoint: SO2 1-h and O3 8-h follow the table's note (2012: use the SO2 24-h /
 * O3 1-h IAQI, returned as `useKey`; 2026: IAQI 200 / 300); other keys above their IAQI-500
 * breakpoint are capped at 500 with note `beyond-index` (the standards define no IAQI above 500).
 *
 * @param key  pollutant and averaging, e.g. `"PM25_24h"`, `"O3_8h"`
 * @param c    concentration in µg/m3 (CO in mg/m3), gases at the standard's reference state; NaN → NaN
 * @throws RangeError for a negative or infinite concentration or an unknown key/version
 */
export function cnIaqi(key: CnIaqiKey, c: number, version: CnVersion = "cn-2026"): IaqiValue {
  const table = CN_IAQI_TABLES[version];
  if (!table) throw new RangeError(`cnIaqi: unknown version "${String(version)}" (use cn-2012 or cn-2026)`);
  const bp = table.breakpoints[key];
  if (!bp)
    throw new RangeError(
      `cnIaqi: unknown pollutant key "${String(key)}" (use ${Object.keys(table.breakpoints).join(", ")})`,
    );
  if (Number.isNaN(c)) return { iaqi: NaN, exact: NaN };
  if (!(c >= 0) || !Number.isFinite(c))
    throw new RangeError(`cnIaqi: ${key} concentration must be finite and ≥ 0, got ${c}`);
  for (let i = 0; i + 1 < bp.length; i++) {
    const lo = bp[i],
      hi = bp[i + 1];
    if (lo === null || hi === null) break;
    if (c <= hi) {
      const iLo = CN_IAQI_LEVELS[i],
        iHi = CN_IAQI_LEVELS[i + 1];
      const exact = iLo + ((iHi - iLo) * (c - lo)) / (hi - lo);
      return { iaqi: Math.max(iLo, Math.ceil(exact - CEIL_SLACK)), exact };
    }
  }
  const rule = table.aboveTop[key];
  if (rule && "useKey" in rule) return { iaqi: NaN, exact: NaN, useKey: rule.useKey };
  if (rule && "fixed" in rule) return { iaqi: rule.fixed, exact: NaN, note: "above-top-fixed" };
  return { iaqi: 500, exact: NaN, note: "beyond-index" };
}

/**
 * Truncate a concentration to `decimals` places as the EPA AQI requires (toward zero, with a
 * tiny slack so that 0.070 stored as 0.06999999999 stays 0.070).
 */
export function truncateDecimals(c: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.floor(c * f + 1e-7) / f;
}

/** A US AQI value. */
export interface UsAqiValue {
  /** Integer AQI (nearest integer), NaN when missing or outside the key's table (e.g. O3 1-h below 0.125 ppm). */
  aqi: number;
  /** The truncated concentration used. */
  truncated: number;
  /** `below-range` (O3 1-h below 0.125 ppm), `above-range` (O3 8-h above 0.200 ppm, SO2 1-h above 304 ppb: use another averaging), `beyond-index` (above the AQI-500 breakpoint: extended along the top segment, or capped at 500 with `beyondIndex: "cap"`). */
  note?: "below-range" | "above-range" | "beyond-index";
}

/**
 * US AQI of one concentration (EPA-454/B-24-002, 2024, Eq. 1 and Table 6): truncate (O3 ppm 3
 * decimals, PM2.5 1, PM10 0, CO ppm 1, SO2/NO2 ppb 0), find the segment [BP_Lo, BP_Hi] holding
 * the value, I = (I_Hi − I_Lo)/(BP_Hi − BP_Lo)·(C − BP_Lo) + I_Lo, round to the nearest integer.
 * Above the AQI-500 breakpoint the default extends the top segment (40 CFR 58 App. G §12(ii):
 * "you may use the last two breakpoints ... when you apply Equation 1"; AirNow reports such values
 * as "Beyond the AQI"); `beyondIndex: "cap"` returns 500 instead. Both set note `beyond-index`.
 *
 * @param key `O3_8h`, `O3_1h` (ppm), `PM25_24h`, `PM10_24h` (µg/m3), `CO_8h` (ppm), `SO2_1h`, `SO2_24h`, `NO2_1h` (ppb)
 * @throws RangeError for a negative or infinite concentration or an unknown key
 */
export function usAqi(key: UsAqiKey, c: number, options: { beyondIndex?: "extend" | "cap" } = {}): UsAqiValue {
  const segs = US_AQI_2024.segments[key];
  if (!segs)
    throw new RangeError(`usAqi: unknown key "${String(key)}" (use ${Object.keys(US_AQI_2024.segments).join(", ")})`);
  if (Number.isNaN(c)) return { aqi: NaN, truncated: NaN };
  if (!(c >= 0) || !Number.isFinite(c))
    throw new RangeError(`usAqi: ${key} concentration must be finite and ≥ 0, got ${c}`);
  const t = truncateDecimals(c, US_AQI_DECIMALS[key]);
  if (t < segs[0].cLo) return { aqi: NaN, truncated: t, note: "below-range" };
  const eps = 1e-9;
  for (const s of segs) {
    if (t >= s.cLo - eps && t <= s.cHi + eps) {
      const exact = s.aqiLo + ((s.aqiHi - s.aqiLo) * (t - s.cLo)) / (s.cHi - s.cLo);
      return { aqi: Math.round(exact + 1e-9), truncated: t };
    }
  }
  const top = segs[segs.length - 1];
  if (top.aqiHi < 500) return { aqi: NaN, truncated: t, note: "above-range" };
  if (options.beyondIndex === "cap") return { aqi: 500, truncated: t, note: "beyond-index" };
  const extended = top.aqiLo + ((top.aqiHi - top.aqiLo) * (t - top.cLo)) / (top.cHi - top.cLo);
  return { aqi: Math.round(extended + 1e-9), truncated: t, note: "beyond-index" };
}
