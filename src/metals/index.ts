/**
 * Heavy metals from a continuous XRF monitor (Cooper Xact 625i): hourly alignment and flags,
 * MDL table, PMF input, daily/monthly averages with data capture, comparison with filter data,
 * enrichment factors against upper-crust composition, tracer ratios.
 */
export { XACT625I_MDL_NG_M3, XACT625I_MDL_SOURCE, xactMdlTable } from "./tables/mdl";
export { UCC_MCLENNAN_2001, UCC_RUDNICK_GAO_2014, CRUST_TABLES, type CrustTable } from "./tables/crust";
export {
  xactHourly,
  xactAmbientRows,
  reasonsByRow,
  DEFAULT_XACT_EXCLUDE,
  type XactSeries,
  type XactHourNote,
} from "./xactseries";
export { xactToPmf, type XactPmfData } from "./pmfinput";
export { averageSeries, type AveragedSeries } from "./averaging";
export { compareWithFilter, type FilterComparison, type FilterPair } from "./filtercompare";
export { enrichmentFactors, efClass, type EfReference, type EfClass, type EnrichmentRow } from "./enrichment";
export { tracerRatios, DEFAULT_TRACERS, type TracerDefinition } from "./ratios";
export { readXact, describeXactAlarm, type XactReadOptions, type XactRead } from "./read-xact";
