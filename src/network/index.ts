/**
 * `aozora/network`: readers of the national monitoring networks' own files (China: the CNEMC
 * daily archive files and station list; Japan: 環境省 そらまめ君 downloads).
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
