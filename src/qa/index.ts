/** PM2.5 composition QA: mass closure, ion balance, OC/EC and SOC, SOR/NOR, completeness, blanks, outliers. */
export { readSampleTable, SAMPLE_ID_HEADER, type SampleTableOptions, type SampleTableRead } from "./read";
export { massClosure, type MassClosureOptions, type MassClosureResult, type MassClosureSample } from "./massclosure";
export { MASS_CLOSURE_SETS, type MassClosureComponent, type MassClosureFormulaSet } from "./tables/massclosure";
export { IONS, GAS_MOLAR_MASS, type IonInfo } from "./tables/ions";
export { SYMBOL_ALIASES, TRACE_ELEMENTS } from "./tables/symbols";
export { findColumn as findQaColumn } from "./columns";
export { ionBalance, type IonBalanceResult, type IonBalanceSample } from "./ionbalance";
export { secondaryOrganicCarbon, type SocOptions, type SocResult, type SocGroup } from "./soc";
export { conversionRatios, type ConversionRatiosResult } from "./conversion";
export { completeness, type CompletenessResult, type SpeciesCompleteness } from "./completeness";
export { subtractFieldBlanks, type BlankSubtraction, type BlankChange } from "./blanks";
export { flagOutliers, type OutlierFlag } from "./outliers";
export { qaSummary, type CampaignQa } from "./summary";
export { massClosureSpec, ionBalanceSpec, completenessHeatmapSpec } from "./figures";
export { QA_LABELS, qaLabel } from "./labels";
