/**
 * WHO global air quality guidelines 2021 (ISBN 978-92-4-003422-8), Table 0.1: air quality
 * guideline (AQG) levels, µg/m3 (CO mg/m3). Short-term (24-h, 8-h) AQG levels are defined as the
 * 99th percentile of the year's values (3–4 exceedance days per year). O3 peak season: the mean of
 * the daily maximum 8-h means in the six consecutive months with the highest six-month running mean.
 */
export interface WhoAqg {
  pollutant: "PM2.5" | "PM10" | "O3" | "NO2" | "SO2" | "CO";
  averaging: "annual" | "24h" | "MDA8" | "peak-season";
  level: number;
  unit: "µg/m3" | "mg/m3";
}

export const WHO_2021 = {
  citation: "WHO global air quality guidelines (2021), Table 0.1",
  shortTermPercentile: 99,
  guidelines: [
    { pollutant: "PM2.5", averaging: "annual", level: 5, unit: "µg/m3" },
    { pollutant: "PM2.5", averaging: "24h", level: 15, unit: "µg/m3" },
    { pollutant: "PM10", averaging: "annual", level: 15, unit: "µg/m3" },
    { pollutant: "PM10", averaging: "24h", level: 45, unit: "µg/m3" },
    { pollutant: "O3", averaging: "peak-season", level: 60, unit: "µg/m3" },
    { pollutant: "O3", averaging: "MDA8", level: 100, unit: "µg/m3" },
    { pollutant: "NO2", averaging: "annual", level: 10, unit: "µg/m3" },
    { pollutant: "NO2", averaging: "24h", level: 25, unit: "µg/m3" },
    { pollutant: "SO2", averaging: "24h", level: 40, unit: "µg/m3" },
    { pollutant: "CO", averaging: "24h", level: 4, unit: "mg/m3" },
  ] as readonly WhoAqg[],
} as const;
