/**
 * `aozora/forecast`: station forecasts of daily PM2.5, daily AQI and O3 MDA8 (lead 1–3 days) by
 * persistence, climatology, multiple linear and quantile regression, a seeded random forest and
 * an analog ensemble, with strict time-ordered (rolling-origin) training; the same-day hourly Ox
 * forecast from an issue time (`hourlyOxForecastAt`, `rollingHourlyOxForecast`).
 * @packageDocumentation
 */
export {
  dailyTarget,
  dailyMet,
  forecastAt,
  rollingOriginForecast,
  FORECAST_METHODS,
  type ForecastTarget,
  type ForecastMethod,
  type DailySeries,
  type DailyMet,
  type StationForecastOptions,
  type StationForecast,
} from "./station";
export { quantileRegression, checkLoss, type QuantileRegressionResult } from "../stats/quantreg";
export {
  hourlyOxData,
  hourlyOxForecastAt,
  rollingHourlyOxForecast,
  verifyHourlyOx,
  HOURLY_OX_METHODS,
  type HourlyOxData,
  type HourlyOxDataOptions,
  type HourlyOxMethod,
  type HourlyOxForecastOptions,
  type OxValue,
  type HourlyOxForecast,
  type HourlyOxVerified,
  type HourlyOxVerification,
} from "./hourly-ox";
export {
  forecastSeriesSpec,
  forecastScatterSpec,
  contingencySpec,
  forecastCategoryBands,
  type ForecastRow,
  type CategoryBand,
  type CategoryTable,
  type ForecastSeriesOptions,
  type ForecastScatterOptions,
  type ContingencyOptions,
} from "./figures";
export { FORECAST_LABELS, forecastLabel, type ForecastLabelKey } from "./labels";
export { verifyForecasts, type VerifiedForecast, type VerifyGroupBy, type ForecastScoreGroup } from "./verify";
export { trainForest, type Forest, type ForestOptions } from "./forest";
