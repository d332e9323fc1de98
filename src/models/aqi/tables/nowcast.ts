/**
 * The rules of the US EPA / AirNow NowCast, as data.
 *
 * Sources (quoted where the rules are used, `src/models/aqi/nowcast.ts`):
 * - AirNow, "How is the NowCast algorithm used to report current air quality?", AirNow FAQ,
 *   https://www.airnow.gov/faqs/how-nowcast-algorithm-used-report/ (PM: "Use the past 12 hours of
 *   PM measurements in micrograms per cubic meter … The weight factor must be between .5 and 1.
 *   The minimum limit approximates a 3-hour average.").
 * - US EPA, "PM NowCast" fact sheet, NEPIS document P100X0J6,
 *   https://nepis.epa.gov/Exe/ZyPURL.cgi?Dockey=P100X0J6.txt (the same eight steps).
 * - AirNow-Tech forum, "The NowCast for PM2.5 and PM10",
 *   https://forum.airnowtech.org/t/the-nowcast-for-pm2-5-and-pm10/172 ("There is only 1
 *   requirement for a valid NowCast calculation: 2 of the past 3 hourly data points must be
 *   valid." "The Nowcast calculation uses the raw hourly concentrations (not truncated or
 *   rounded). The Nowcast values are then truncated to 1 ug/m3 for PM10 or 0.1 ug/m3 for PM2.5.").
 * - AirNow-Tech forum, "AirNow Updates to Ozone Real-time Reporting and Daily Reporting"
 *   (2016-04-21), https://forum.airnowtech.org/t/airnow-updates-to-ozone-real-time-reporting-and-daily-reporting/151
 *   (ozone: "the last 8 hours", "There is no minimum weight factor … There is a maximum weight
 *   factor of 1", "Missing data is handled the same way as the PM2.5 and PM10 NowCast").
 * - AirNow-Tech forum, "Daily and Hourly AQI - Ozone", https://forum.airnowtech.org/t/daily-and-hourly-aqi-ozone/170
 *   ("Each 8-hour average concentration is truncated to .001ppm/1ppb").
 *
 * The Technical Assistance Document (EPA-454/B-24-002, May 2024) describes the NowCast in words and
 * refers to AirNow for the method; its text was not available to this implementation (see the
 * TSDoc of `nowcast`).
 */
import type { UsAqiKey } from "./us-aqi-2024";

/** Pollutants with a NowCast. */
export type NowcastPollutant = "PM2.5" | "PM10" | "O3";

/** The NowCast rule of one pollutant. */
export interface NowcastRule {
  /** Hours in the window (the current hour and the hours before it). */
  hours: number;
  /** Lower limit of the weight factor (0 = none). */
  minWeight: number;
  /** Unit of the NowCast concentration. */
  unit: "µg/m3" | "ppb";
  /** Decimals kept when the NowCast is truncated before the AQI (in `unit`). */
  decimals: number;
  /** US AQI table the truncated NowCast is looked up in. */
  aqiKey: UsAqiKey;
  /** Where the rule is written. */
  citation: string;
}

/** Completeness: at least `minValid` of the `recentHours` most recent hours must be valid (AirNow-Tech, PM and O3). */
export const NOWCAST_COMPLETENESS = { recentHours: 3, minValid: 2 } as const;

/** NowCast rules per pollutant. */
export const NOWCAST_RULES: Record<NowcastPollutant, NowcastRule> = {
  "PM2.5": {
    hours: 12,
    minWeight: 0.5,
    unit: "µg/m3",
    decimals: 1,
    aqiKey: "PM25_24h",
    citation:
      "AirNow FAQ 'How is the NowCast algorithm used…'; EPA PM NowCast fact sheet (NEPIS P100X0J6); AirNow-Tech forum t/172",
  },
  PM10: {
    hours: 12,
    minWeight: 0.5,
    unit: "µg/m3",
    decimals: 0,
    aqiKey: "PM10_24h",
    citation: "AirNow FAQ 'How is the NowCast algorithm used…'; AirNow-Tech forum t/172",
  },
  O3: {
    hours: 8,
    minWeight: 0,
    unit: "ppb",
    decimals: 0,
    aqiKey: "O3_8h",
    citation: "AirNow-Tech forum t/151 (ozone NowCast, 2016-04-21) and t/170 (truncation to 1 ppb)",
  },
};
