/**
 * `aozora/network`: readers of the national monitoring networks' own files (China: the CNEMC
 * daily archive files and station list; Japan: 環境省 そらまめ君 downloads and the NIES
 * 大気環境時間値 files).
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
export {
  readSoramame,
  isSoramameHeader,
  SORAMAME_CODES,
  type SoramameReadOptions,
  type SoramameRead,
} from "./soramame";
export { readNiesHourly, isNiesHourlyHeader, type NiesReadOptions, type NiesRead } from "./nies";
export { NIES_VALUE_CODES, NIES_UNIT_CODES, NIES_ITEM_ALIASES } from "./tables/nies";
export {
  summariseNetwork,
  NETWORK_POLLUTANTS,
  type NetworkStation,
  type NetworkSummaryOptions,
  type NetworkSummary,
  type NetworkSummaryAccount,
  type StationYearSummary,
  type PollutantYearSummary,
  type AqiYearSummary,
  type StationTrend,
} from "./summarise";
export { NETWORK_SUMMARY_RULES } from "./tables/summary";
export { ingestCnemcArchive, type CnemcIngestOptions, type CnemcIngestAccount } from "./ingest";
export { stationTrendMapSpec } from "./figures";
