/**
 * `aozora/table`: the typed table {@link AqTable}, UTC instants and site offsets, units, species
 * names, and gas conversions (ppb ↔ µg/m³ at a stated reference state).
 * @packageDocumentation
 */
export { AqTable, type ColumnInfo, type ColumnKind, type ColumnData } from "./table";
export {
  SITE_OFFSETS,
  parseOffset,
  formatOffset,
  formatInstant,
  parseTimestamp,
  detectTimeFormat,
  type OffsetLike,
  type TimeFormat,
  type ParsedTime,
} from "./time";
export { normaliseUnit, splitHeaderUnit } from "./units";
export {
  parseCompass,
  compassPointDegrees,
  COMPASS_POINTS_EN,
  COMPASS_POINTS_JA,
  COMPASS_POINTS_ZH,
  CALM_CODES,
  WIND_DIRECTION_HEADER,
  type CompassParse,
} from "./compass";
export { normaliseSpecies, knownSpecies } from "./species";
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
} from "./gas";
export { CRITERIA_GAS_MOLAR_MASS } from "./molar-mass";
export { periodCalendar, type AveragingPeriod, type PeriodCalendar } from "./aggregate";
