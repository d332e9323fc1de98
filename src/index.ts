/**
 * aozora (青空): air-quality research toolkit for the Japan–China city-to-city studies.
 * Data flow: io (readers/writers) → table (AqTable) → analyses → results → figures.
 * @packageDocumentation
 */
export { AqTable, type ColumnInfo, type ColumnKind, type ColumnData } from "./table/table";
export {
  SITE_OFFSETS,
  parseOffset,
  formatOffset,
  formatInstant,
  parseTimestamp,
  detectTimeFormat,
  type OffsetLike,
  type TimeFormat,
} from "./table/time";
export { normaliseUnit, splitHeaderUnit } from "./table/units";
export { headerKey, findHeader, type HeaderKeyOptions } from "./table/header";
export { normaliseSpecies, knownSpecies } from "./table/species";

export { AozoraInputError } from "./io/errors";
export {
  summariseAccount,
  checkAccount,
  type ReadAccount,
  type CellChange,
  type CellChangeReason,
  type RowNote,
} from "./io/account";
export { DEFAULT_MISSING_CODES, type BelowDetectionPolicy } from "./io/cells";
export type { Source } from "./io/source";
export type { TextEncodingName } from "./io/decode";
export { readMonitoringTable, type MonitoringReadOptions, type MonitoringRead } from "./io/monitoring";
export { readEpaPmf, type EpaPmfReadOptions, type EpaPmfData } from "./io/epapmf";
export { readXact, describeXactAlarm, type XactReadOptions, type XactRead } from "./io/xact";
export { readHysplit, type HysplitRead } from "./io/hysplit";
export { toCsv, writeCsv, toXlsx, writeXlsx, neutraliseFormula, quoteCsvField } from "./io/write";

export { toDanfo, fromDanfo, type DanfoFrameLike } from "./edge/danfo";
export { Rng } from "./random/rng";
export { simulateMonitoring, type MonitoringTruth } from "./simulate/monitoring";
export { simulatePmfInput, type PmfTruth } from "./simulate/pmf";
export { simulateXactExport, type XactTruth } from "./simulate/xact";
export { simulateHysplitTdump, type HysplitTruth } from "./simulate/hysplit";
export { simulateXactYear, XACT_YEAR_SOURCES, type XactYearTruth, type XactYearSource } from "./simulate/xactyear";
export { writeExampleData, EXAMPLE_SETTINGS } from "./simulate/examples";

export * from "./figures";
export { VERSION } from "./version";
export { provenance, plainOptions, NON_RESULT_OPTIONS, type Provenance, type ProvenanceSettings } from "./provenance";
export type { Delimiter } from "./io/delimited";
export type { ParsedTime } from "./table/time";
export type { GridOptions as GridReadOptions } from "./io/grid";
export * from "./sourceapport";
export { simulateFilterCampaign, FILTER_SPECIES, type FilterCampaignTruth } from "./simulate/filtercampaign";
export { simulatePm25Composition, PM25_SOURCES, PM25_SPECIES, type Pm25Truth } from "./simulate/pm25sources";
export * from "./stats";
export {
  STP_273,
  STP_293,
  STP_298,
  CHINA_REFERENCE_CHANGE_UTC_MS,
  chinaReferenceState,
  molarVolume,
  ppbToUgm3,
  ugm3ToPpb,
  ppbToPpbC,
  convertReferenceState,
  type ReferenceState,
} from "./table/gas";
export * from "./trajectory";
export * from "./qa";
export * from "./interlab";
export * from "./profiles";
export * from "./remotesensing";
export * from "./directional";
export * from "./metals";
export * from "./models/voc";
export * from "./models/ozone";
export * from "./models/aqi";
export * from "./models/standards";
export * from "./spatial";
export * from "./models/energy";
export * from "./notebook";
export * from "./large";
