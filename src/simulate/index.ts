/**
 * `aozora/simulate`: every seeded simulator of the project (the generators of `data/` and of the
 * tests' known truths). Each takes a `seed`; the same seed gives the same output.
 * @packageDocumentation
 */
export { simulateDilutionTunnel, simulateSpeciateProfiles, type DilutionTunnelTruth } from "./dilutiontunnel";
export { writeExampleData, EXAMPLE_SETTINGS } from "./examples";
export { simulateFilterCampaign, FILTER_SPECIES, type FilterCampaignTruth } from "./filtercampaign";
export { simulateHysplitTdump, type HysplitTruth } from "./hysplit";
export { simulateMonitoring, type MonitoringTruth } from "./monitoring";
export type { SourceTruth } from "./observe";
export { simulatePm25Composition, pm25SourceModel, PM25_SOURCES, PM25_SPECIES, type Pm25Truth } from "./pm25sources";
export { simulateTwoCityPmf, type TwoCitySite, type TwoCityTruth } from "./twocitypmf";
export { simulatePmfInput, type PmfTruth } from "./pmf";
export { simulatePolarYear, simulatePolarRetrofit, type PolarYearOptions, type PolarSource } from "./polaryear";
export { DEFAULT_POLAR_SOURCE } from "./polaryear";
export { writeNiesFiles, type NiesSimOptions, type NiesTruth, type NiesStationTruth } from "./nies";
export { writeSoramameFiles, type SoramameSimOptions, type SoramameTruth, type SoramameStationTruth } from "./soramame";
export { simulateRemoteSensing, type RsdTruth } from "./rsd";
export { simulateForecastStation, type ForecastStationTruth } from "./shenyang";
export { simulateCityStations, type SimStation, type StationsTruth } from "./stations";
export { simulateTenterLogs, type TenterSimOptions } from "./tenter";
export {
  simulateTrajectories,
  simulateTrajectoryExample,
  formatTdump,
  type LatLonBox,
  type SimulatedTrajectory,
  type TrajectorySimOptions,
  type TrajectorySimTruth,
  type TrajectoryExampleOptions,
} from "./trajectories";
export { simulateVocCanisters, type VocCanisterTruth } from "./voccanister";
export { simulateXianObmDays, type XianObmOptions, type XianObmTruth } from "./xianobm";
export { simulateXactExport, type XactTruth } from "./xact";
export { simulateXactYear, XACT_YEAR_SOURCES, type XactYearTruth, type XactYearSource } from "./xactyear";
export {
  writeCnemcArchive,
  simulateCnemcDay,
  type CnemcSimOptions,
  type CnemcSimStation,
  type CnemcArchiveTruth,
} from "./cnemc";
