export {
  toHourGrid,
  windowMean,
  localDate,
  screenNegatives,
  type HourGrid,
  type HourGridOptions,
  type HourLabel,
  type NegativePolicy,
} from "./hourgrid";
export { MDA8_CONVENTIONS, type Mda8Convention } from "./tables/mda8-conventions";
export { AOT40, SOMO35, HJ663_ANNUAL } from "./tables/aot40";
export { REGIME_THRESHOLDS } from "./tables/regime";
export { mda8, mda8FromGrid, mda8Table, type Mda8Day, type Mda8Options } from "./mda8";
export {
  dailyMax1h,
  ozoneAnnualP90,
  hj663AnnualComplete,
  aot40,
  somo35,
  type DailyMax1h,
  type OzoneAnnual,
  type Aot40Result,
  type Somo35Result,
} from "./metrics";
export { convertGas, type ReferenceStateLike } from "./convert";
export { oxidantPpb, potentialOzoneUgm3, potentialOzoneJapanPpb } from "./oxidant";
export { vocNoxRegime, hchoNo2Regime, o3NoxRatio, type OzoneRegime, type RegimeThresholds } from "./regime";
export { weekdayWeekend, type WeekdayWeekend } from "./weekday";
export { diurnalMean } from "./diurnal";
export { diurnalOxSpec } from "./figures";
