/**
 * `aozora/network`: readers of the national monitoring networks' own files (CNEMC daily archive).
 * @packageDocumentation
 */
export { CNEMC_TYPES, CNEMC_UNITS, CNEMC_STATION_HEADER, cnemcColumnName, type CnemcType } from "./cnemc-types";
export {
  readCnemcDaily,
  readCnemcStations,
  isCnemcHeader,
  type CnemcDailyOptions,
  type CnemcAccount,
  type CnemcStation,
  type HourLabel,
} from "./read-cnemc";
