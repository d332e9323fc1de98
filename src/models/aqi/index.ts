export {
  CN_IAQI_LEVELS,
  HJ633_2012,
  HJ633_2026,
  CN_IAQI_TABLES,
  type CnIaqiKey,
  type CnIaqiTable,
} from "./tables/hj633";
export { US_AQI_2024, US_AQI_UNITS, US_AQI_DECIMALS, type UsAqiKey, type UsAqiSegment } from "./tables/us-aqi-2024";
export { CN_AQI_CATEGORIES, US_AQI_CATEGORIES, aqiCategory, type AqiCategory } from "./tables/categories";
export { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";
export { cnIaqi, usAqi, truncateDecimals, type CnVersion, type IaqiValue, type UsAqiValue } from "./iaqi";
export {
  dailyAqi,
  cnDailyAqiFromConcentrations,
  type CnDailyConcentrations,
  type CnDailyAqi,
  AQI_POLLUTANTS,
  type AqiPollutant,
  type AqiStandard,
  type HourlyPollutants,
  type DailyAqiOptions,
  type DailyAqiRow,
  type DailyAqiResult,
} from "./daily";
export { hourlyPollutantsFromTable } from "./input";
export { hourlyAqi, type HourlyAqiRow, type HourlyAqiOptions } from "./hourly";
export { aqiTimelineSpec } from "./figures";
export { OZONE_AQI_LABELS, ozLabel, type OzoneAqiLabelKey } from "../ozone/labels";
export {
  nowcast,
  nowcastPm25,
  nowcastO3,
  nowcastWindow,
  nowcastAqi,
  type NowcastAqiRow,
  type NowcastWindow,
  type NowcastRow,
  type NowcastOptions,
} from "./nowcast";
export { nowcastO3Pls, type O3Nowcast2019 } from "./nowcast-o3";
export {
  NOWCAST_RULES,
  NOWCAST_COMPLETENESS,
  O3_NOWCAST_2019,
  O3_NOWCAST_2019_METHODS,
  type NowcastPollutant,
  type NowcastRule,
  type O3NowcastMethod,
  type O3Nowcast2019Path,
} from "./tables/nowcast";
