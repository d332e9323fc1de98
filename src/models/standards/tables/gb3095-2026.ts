/**
 * GB 3095-2026 《环境空气质量标准》 Table 1 (issued 2026-02, effective 2026-03-01, replaces GB
 * 3095-2012 and its 2018 amendment): concentration limits in µg/m3 (CO mg/m3); gases at 298.15 K,
 * 101.325 kPa; PM at ambient conditions. Transitional limits apply until 2030-12-31, final
 * limits from 2031-01-01. Grade 1: class-1 areas (nature reserves, scenic areas); grade 2:
 * class-2 areas (residential, commercial, industrial, rural).
 */

/** Averaging periods of GB 3095. `MDA8` = daily maximum 8-h mean. */
export type Gb3095Averaging = "annual" | "24h" | "1h" | "MDA8";
export type Gb3095Pollutant = "SO2" | "NO2" | "CO" | "O3" | "PM10" | "PM2.5";

/** One row of GB 3095-2026 Table 1. */
export interface Gb3095Limit {
  pollutant: Gb3095Pollutant;
  averaging: Gb3095Averaging;
  unit: "µg/m3" | "mg/m3";
  transition: { grade1: number; grade2: number };
  final: { grade1: number; grade2: number };
}

const r = (
  pollutant: Gb3095Pollutant,
  averaging: Gb3095Averaging,
  t1: number,
  t2: number,
  f1: number,
  f2: number,
): Gb3095Limit => ({
  pollutant,
  averaging,
  unit: pollutant === "CO" ? "mg/m3" : "µg/m3",
  transition: { grade1: t1, grade2: t2 },
  final: { grade1: f1, grade2: f2 },
});

export const GB3095_2026 = {
  citation:
    "GB 3095-2026 Ambient Air Quality Standards, Table 1 (transitional limits to 2030-12-31; final from 2031-01-01)",
  /** First day of the final limits (local date). */
  finalFrom: "2031-01-01",
  limits: [
    r("SO2", "annual", 20, 60, 20, 20),
    r("SO2", "24h", 50, 150, 50, 50),
    r("SO2", "1h", 150, 500, 150, 150),
    r("NO2", "annual", 40, 40, 30, 30),
    r("NO2", "24h", 80, 80, 50, 50),
    r("NO2", "1h", 200, 200, 200, 200),
    r("CO", "24h", 4, 4, 4, 4),
    r("CO", "1h", 10, 10, 10, 10),
    r("O3", "MDA8", 100, 160, 100, 160),
    r("O3", "1h", 160, 200, 160, 200),
    r("PM10", "annual", 40, 60, 20, 50),
    r("PM10", "24h", 50, 120, 50, 100),
    r("PM2.5", "annual", 15, 30, 10, 25),
    r("PM2.5", "24h", 35, 60, 25, 50),
  ] as readonly Gb3095Limit[],
} as const;

/**
 * Percentiles of the annual evaluation of short-term limits (HJ 663-2013 §5 and its Table 1; verify for
 * the 2026 revision): SO2 and NO2 24-h 98th, PM10/PM2.5/CO 24-h 95th, O3 MDA8 90th percentile of
 * the year's daily values, compared with the 24-h/MDA8 limit.
 */
export const HJ663_ANNUAL_PERCENTILES: Record<Gb3095Pollutant, number> = {
  SO2: 98,
  NO2: 98,
  CO: 95,
  PM10: 95,
  "PM2.5": 95,
  O3: 90,
};
