/**
 * `aozora/forecast`: station forecasts of daily PM2.5, daily AQI and O3 MDA8 (lead 1–3 days) by
 * persistence, climatology, multiple linear and quantile regression, a seeded random forest and
 * an analog ensemble, with strict time-ordered (rolling-origin) training.
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
export { quantileRegression, checkLoss, type QuantileRegressionResult } from "./quantreg";
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
