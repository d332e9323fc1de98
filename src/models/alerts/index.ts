export {
  CN_MEE_2017,
  CN_XINZHOU_2020,
  CN_ALERT_RULE_SETS,
  type CnAlertRule,
  type CnAlertRuleSet,
  type DailyAqiCondition,
} from "./tables/cn";
export {
  JP_OX_RULES,
  JP_PM25_RULES,
  JP_PM25_GUIDELINE_DAILY,
  type JpOxAlertRule,
  type JpPm25AlertRule,
} from "./tables/jp";
export { US_ACTION_DAY } from "./tables/us";
export type { IssuedAlert, AlertSeries } from "./types";
export { cnAlerts, type CnAlertOptions, type CnAlertResult, type DailyAqiSeries } from "./cn";
export {
  jpOxAlerts,
  jpPm25Alerts,
  type ContinuingInput,
  type JpOxAlertOptions,
  type JpOxAlertResult,
  type JpPm25AlertOptions,
  type JpPm25AlertResult,
  type JpPm25Day,
  type StationHourly,
} from "./jp";
export { alertScores, type AlertScores } from "./score";
export { usAqiAlerts, type UsAqiAlertOptions, type UsAqiAlertResult } from "./us";
