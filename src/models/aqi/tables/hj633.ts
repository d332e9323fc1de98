/**
 * China's individual air-quality index (IAQI) breakpoints.
 *
 * - HJ 633-2012 《环境空气质量指数（AQI）技术规定（试行）》 Table 1 (in force 2016-01-01 to
 *   2026-02-28; use it for historical data).
 * - HJ 633-2026 《环境空气质量指数（AQI）技术规定》 Table 3 (issued 2026-02-14, in force from
 *   2026-03-01). It differs from 2012 in PM10 24-h at IAQI 100 (120, was 150) and PM2.5 24-h at
 *   IAQI 100 (60, was 75), and in the rules above the top breakpoint of SO2 1-h and O3 8-h.
 *
 * Units: µg/m3 except CO in mg/m3. Gases at the reference state of GB 3095 (298.15 K, 101.325 kPa
 * since 2018-09-01; 273.15 K before); PM at ambient conditions. `null` = no breakpoint (the
 * concentration range is not defined for that IAQI level).
 */

/** IAQI levels of the breakpoint rows. */
export const CN_IAQI_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** Pollutant-averaging keys of the China tables (column names of the standard's table). */
export type CnIaqiKey =
  "SO2_24h" | "SO2_1h" | "NO2_24h" | "NO2_1h" | "PM10_24h" | "CO_24h" | "CO_1h" | "O3_1h" | "O3_8h" | "PM25_24h";

/** One version of the China IAQI table: concentration breakpoints per key, aligned with {@link CN_IAQI_LEVELS}. */
export interface CnIaqiTable {
  id: "cn-2012" | "cn-2026";
  citation: string;
  /** Breakpoints BP at the IAQI levels 0, 50, 100, 150, 200, 300, 400, 500 (`null` = undefined). */
  breakpoints: Record<CnIaqiKey, readonly (number | null)[]>;
  /**
   * What happens when the concentration is above the highest defined breakpoint of a key whose
   * table stops before IAQI 500 (SO2 1-h above 800 µg/m3, O3 8-h above 800 µg/m3):
   * `useKey`: take the IAQI of another averaging (2012: SO2 24-h, O3 1-h);
   * `fixed`: a fixed IAQI (2026: SO2 1-h → 200, O3 8-h → 300).
   */
  aboveTop: Partial<Record<CnIaqiKey, { useKey: CnIaqiKey } | { fixed: number }>>;
}

/** HJ 633-2012 Table 1 (notes 2 and 3: SO2 1-h > 800 → use the SO2 24-h IAQI; O3 8-h > 800 → use the O3 1-h IAQI). */
export const HJ633_2012: CnIaqiTable = {
  id: "cn-2012",
  citation: "HJ 633-2012, Technical Regulation on Ambient Air Quality Index (on trial), Table 1 and its notes",
  breakpoints: {
    SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
    SO2_1h: [0, 150, 500, 650, 800, null, null, null],
    NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
    NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    PM10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
    CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
    CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
    O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
    O3_8h: [0, 100, 160, 215, 265, 800, null, null],
    PM25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
  },
  aboveTop: { SO2_1h: { useKey: "SO2_24h" }, O3_8h: { useKey: "O3_1h" } },
};

/** HJ 633-2026 Table 3 (notes: SO2 1-h > 800 → IAQI 200; O3 8-h > 800 → IAQI 300; IAQI and AQI rounded up, §4.2.6). */
export const HJ633_2026: CnIaqiTable = {
  id: "cn-2026",
  citation:
    "HJ 633-2026, Technical Regulation on Ambient Air Quality Index, Table 3 and its notes; §4.2.6 (rounding up)",
  breakpoints: {
    SO2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
    SO2_1h: [0, 150, 500, 650, 800, null, null, null],
    NO2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
    NO2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    PM10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
    CO_24h: [0, 2, 4, 14, 24, 36, 48, 60],
    CO_1h: [0, 5, 10, 35, 60, 90, 120, 150],
    O3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
    O3_8h: [0, 100, 160, 215, 265, 800, null, null],
    PM25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  },
  aboveTop: { SO2_1h: { fixed: 200 }, O3_8h: { fixed: 300 } },
};

/** The China tables by id. */
export const CN_IAQI_TABLES = { "cn-2012": HJ633_2012, "cn-2026": HJ633_2026 } as const;
