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
 * - "Computing the NowCast" (presentation that forum t/151 refers to; copy at
 *   https://cdn.slideserve.com/brina/computing-the-nowcast): the PM worked example, 12 hours
 *   50 … 13 µg/m3 → weight factor .5 → 17.4 µg/m3 (used in the test).
 * - AirNow-Tech forum, "Daily and Hourly AQI - Ozone", https://forum.airnowtech.org/t/daily-and-hourly-aqi-ozone/170
 *   ("Each 8-hour average concentration is truncated to .001ppm/1ppb").
 *
 * The Technical Assistance Document describes the NowCast in words only, as forum t/172 quotes it
 * ("From the EPA's AQI Technical Assistance Document page 7: EPA uses the NowCast to approximate
 * the complete daily AQI during any given hour"; TAD EPA 454/B-18-007, September 2018, NEPIS
 * P100W5UG, "Figure 3. The NowCast"). The current TAD (EPA-454/B-24-002, May 2024, NEPIS P101AP0Q)
 * could not be read for this implementation (searched again in session 7: only its table of contents
 * is in the stored copies), so no TAD worked example is used; the numbers checked are AirNow-Tech's
 * and the "Computing the NowCast" presentation's.
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

/** Which ozone NowCast: `"2019"` (EPA's PLS method, AirNow since 2019-08-01, the default) or `"2016"` (the weighted 8 h of forum t/151). */
export type O3NowcastMethod = "2019" | "2016";

/**
 * EPA's 2019 ozone NowCast (partial least squares), as data.
 *
 * Sources:
 * - AirNow-Tech forum, "The Nowcast for Ozone - 2019 Update (Partial Least Squares Method)",
 *   https://forum.airnowtech.org/t/the-nowcast-for-ozone-2019-update-partial-least-squares-method/356:
 *   "On August 1, 2019, the AirNow Data Management Center implemented a new EPA method for
 *   calculating the ozone Nowcast using a Partial Least Squares (PLS) method. All relevant R code
 *   and corresponding white paper cited in this post can be found on the US EPA's github." … "For
 *   O3, the Nowcast is a prediction of what the AQI would be for an 8-hour average centered on the
 *   current hour" … "The previous 2 weeks (336 data points) of hourly ozone data are considered
 *   when calculating a PLS nowcast."
 * - US EPA, O3-Nowcast repository, https://github.com/USEPA/O3-Nowcast (commit 9853995, files
 *   `GetNowcast.r` — the decision tree —, `NowcastFun_Upd.r` — `pls.nowcast`, `pls.now.fun`,
 *   `generateSurrogate`, `get.max.na.stream` —, `RunNowcast_local_v2.r`, and the white paper
 *   Reff, Mintz & Naess, "The O3 Nowcast: U.S. EPA's Method for Characterizing and Communicating
 *   Current Air Quality", `WhitePaper.pdf`). The constants below are the literals of that code,
 *   each named with the line it comes from.
 *
 * The coefficients of the regression are not constants: they are fitted every hour on the
 * station's own previous two weeks (see `nowcastO3Pls`).
 */
export const O3_NOWCAST_2019 = {
  /** `rollwindow = 336`: hours in the window (the current hour and the 335 before it). */
  windowHours: 336,
  /** `pls.window = 96`: lagged hourly values used as predictors (the current hour and the 95 before it). */
  lagHours: 96,
  /** `mean.conc.window = list(-4:3)`: the target 8-h mean runs from 4 hours before to 3 hours after the hour. */
  meanOffsets: [-4, 3] as const,
  /** `if (perc.missing <= 0.25) res <- mean(x, na.rm = T)`: an 8-h mean needs ≤ 25 % of its hours missing. */
  meanMaxMissing: 0.25,
  /** `if(perc.miss.rollmean>0.25){res<-NA}`: the fit needs ≤ 25 % of the 8-h means (of rows 96–336) missing. */
  fitMaxMissing: 0.25,
  /** `rowCountToUseSurrogate=252 # 75% completeness`: fewer valid hours in the 336 → surrogate. */
  minValidHours: 252,
  /** `get.max.na.stream(tdata$Value) > 7`: a longer run of missing hours → surrogate. */
  maxMissingRun: 7,
  /** `generateSurrogate`: "hard coded slope and intercept" `slope <- 0.85; intercept <- 4.5` (ppb). */
  surrogate: { slope: 0.85, intercept: 4.5 },
  /** `imputeTS::na.ma(data)`: missing predictors imputed by a weighted moving average, k = 4, exponential weights 1/2^distance (imputeTS defaults). */
  imputation: { k: 4, weighting: "exponential" as const },
  /** Unit of the data stream and of the NowCast (AirNow ozone data are ppb). */
  unit: "ppb" as const,
  citation:
    "AirNow-Tech forum t/356 (2019-08-01); US EPA O3-Nowcast (GetNowcast.r, NowcastFun_Upd.r, WhitePaper.pdf), https://github.com/USEPA/O3-Nowcast",
} as const;

/**
 * `MethodID` of `GetNowcast.r`, by the path of its decision tree: 1 zero (all values 0, or a
 * negative PLS prediction), 2 PLS, 3/5/7 surrogate from the current hour / 1 / 2 hours before, 4/6
 * the NowCast of the hour before / 2 hours before (current hour missing), 8 none.
 */
export const O3_NOWCAST_2019_METHODS = {
  zero: 1,
  pls: 2,
  "surrogate-0": 3,
  "previous-1": 4,
  "surrogate-1": 5,
  "previous-2": 6,
  "surrogate-2": 7,
  none: 8,
} as const;

/** A path of the 2019 ozone decision tree (keys of {@link O3_NOWCAST_2019_METHODS}). */
export type O3Nowcast2019Path = keyof typeof O3_NOWCAST_2019_METHODS;
