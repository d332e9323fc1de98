export {
  GB3095_2026,
  HJ663_ANNUAL_PERCENTILES,
  type Gb3095Limit,
  type Gb3095Averaging,
  type Gb3095Pollutant,
} from "./tables/gb3095-2026";
export { JAPAN_EQS, type JapanEqsItem } from "./tables/japan-eqs";
export { WHO_2021, type WhoAqg } from "./tables/who-2021";
export {
  countExceedances,
  gb3095Exceedances,
  japanEqsEvaluation,
  whoExceedances,
  gb3095YearRows,
  whoYearRows,
  type PollutantYearDays,
  japan98PercentValue,
  japan2PercentExclusion,
  JAPAN_EQS_COMPLETENESS,
  WHO_COMPLETENESS,
  type ExceedanceRow,
  type HourlySeriesSet,
} from "./exceedance";
