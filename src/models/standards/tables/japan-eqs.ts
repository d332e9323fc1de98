/**
 * Japan's environmental quality standards for air (大気汚染に係る環境基準), Ministry of the
 * Environment: SO2, CO, SPM (環境庁告示第25号, 1973), NO2 (環境庁告示第38号, 1978), photochemical
 * oxidants (1973 notice), PM2.5 (環境省告示第33号, 2009). Evaluation (評価方法): short-term
 * evaluation compares every hourly/daily value; long-term evaluation uses the 2 % exclusion value
 * of daily means (SO2, CO, SPM: not exceeded on 2 consecutive days) or the 98th percentile of daily
 * means (NO2, PM2.5).
 */
export interface JapanEqsItem {
  pollutant: "Ox" | "PM2.5" | "NO2" | "SPM" | "SO2" | "CO";
  averaging: "1h" | "24h" | "annual" | "8h";
  /** Limit value (inclusive: ≤ limit meets the standard). */
  limit: number;
  /** Lower end of a zone standard (NO2 0.04–0.06 ppm: "within the zone or below"). */
  zoneLow?: number;
  unit: "ppm" | "µg/m3" | "mg/m3";
  /** How compliance is evaluated. */
  evaluation: string;
  /** Marked where the rule should be checked against the primary text. */
  verify?: boolean;
}

export const JAPAN_EQS = {
  citation:
    "MOE Japan, Environmental Quality Standards for air (1973 No. 25; 1978 No. 38; 2009 No. 33) and evaluation notices",
  /** Photochemical oxidant daytime: hourly values between 05:00 and 20:00 (the hours starting 05:00 … 19:00). */
  oxDaytime: { firstHour: 5, lastHour: 19 },
  items: [
    {
      pollutant: "Ox",
      averaging: "1h",
      limit: 0.06,
      unit: "ppm",
      evaluation: "every daytime (05–20 h) hourly value ≤ 0.06 ppm",
    },
    {
      pollutant: "PM2.5",
      averaging: "annual",
      limit: 15,
      unit: "µg/m3",
      evaluation: "annual mean of daily means ≤ 15 µg/m3",
    },
    {
      pollutant: "PM2.5",
      averaging: "24h",
      limit: 35,
      unit: "µg/m3",
      evaluation: "98th percentile of the year's daily means ≤ 35 µg/m3",
      verify: true,
    },
    {
      pollutant: "NO2",
      averaging: "24h",
      limit: 0.06,
      zoneLow: 0.04,
      unit: "ppm",
      evaluation: "98th percentile of the year's daily means within 0.04–0.06 ppm or below",
    },
    {
      pollutant: "SPM",
      averaging: "24h",
      limit: 0.1,
      unit: "mg/m3",
      evaluation: "daily mean ≤ 0.10 mg/m3 (long term: 2 % exclusion value, no 2 consecutive days above)",
    },
    { pollutant: "SPM", averaging: "1h", limit: 0.2, unit: "mg/m3", evaluation: "every hourly value ≤ 0.20 mg/m3" },
    { pollutant: "SO2", averaging: "24h", limit: 0.04, unit: "ppm", evaluation: "daily mean ≤ 0.04 ppm" },
    { pollutant: "SO2", averaging: "1h", limit: 0.1, unit: "ppm", evaluation: "every hourly value ≤ 0.1 ppm" },
    { pollutant: "CO", averaging: "24h", limit: 10, unit: "ppm", evaluation: "daily mean ≤ 10 ppm" },
    { pollutant: "CO", averaging: "8h", limit: 20, unit: "ppm", evaluation: "every 8-h mean ≤ 20 ppm" },
  ] as readonly JapanEqsItem[],
} as const;
