/**
 * `aozora/photochem`: gas-phase chemical mechanisms (CMAQ CHEMMECH and KPP readers), photolysis
 * frequencies, a stiff (Rosenbrock) integrator and the observation-based box model.
 * @packageDocumentation
 */
export type { KineticReaction, KineticSystem, RateEnvironment } from "./system";
export { airNumberDensity, BOLTZMANN_J_PER_K } from "./air";
export { compileKinetics, type CompiledKinetics } from "./kinetics";
export { sparseLuSymbolic, sparseLuPosition, sparseLuFactor, sparseLuSolve, type SparseLuPattern } from "./sparse-lu";
export {
  integrate,
  type IntegrateOptions,
  type IntegrateResult,
  type IntegrateStats,
  type IntegrateConstraint,
} from "./integrate";
export { closedBox, type ClosedBoxOptions, type ClosedBoxResult } from "./closed-box";
export { ROSENBROCK_METHODS, type RosenbrockMethod, type RosenbrockCoefficients } from "./tables/rosenbrock";
export {
  atomImbalance,
  type AtomImbalance,
  isCmaqAerosolSpecies,
  RATE_KINDS,
  summariseMechanism,
  type ArrheniusTerm,
  type ExpressionTerm,
  type Mechanism,
  type MechanismChange,
  type MechanismProduct,
  type MechanismReaction,
  type MechanismSummary,
  type RateExpression,
} from "./mechanism";
export { parseChemmech, type ParseChemmechOptions } from "./chemmech";
export { CMAQ_CONSTANT_SPECIES, CMAQ_DEFAULT_CONSTANTS_PPM } from "./tables/cmaq-constants";
export {
  compileMechanism,
  STANDARD_ATMOSPHERE_PA,
  type CompileMechanismOptions,
  type CompiledMechanism,
  type ExcludedReaction,
} from "./compile";
export { CB6R5_NITROGEN_ATOMS, CB6R5_NITROGEN_ROUNDING } from "./tables/cb6r5-nitrogen";
export { parseKpp, KPP_ACCEPTED_FUNCTIONS, type ParseKppOptions } from "./kpp";
export { MCM_V331_RATES, type McmRate } from "./tables/mcm-rates";
export { MCM_V331_PHOTOLYSIS, CB6R5_MCM_J, type McmPhotolysisParameters } from "./tables/mcm-photolysis";
export { readChemmech, readKpp, type ReadChemmechOptions, type ReadKppOptions } from "./read-mechanism";
export {
  readCsqy,
  loadCsqy,
  interpolateCsqyRow,
  photolysisFrequencies,
  type CsqyData,
  type CsqyBand,
  type CsqyTable,
  type CsqyCorrection,
  type PhotolysisFrequencyOptions,
  type PhotolysisFrequencies,
} from "./csqy";
export {
  solarPosition,
  solarCoordinates,
  julianDay,
  refractionDeg,
  type SolarPosition,
  type SolarCoordinates,
} from "./solar";
export { twoStream, type TwoStreamFluxes } from "./twostream";
export {
  clearSkyActinicFlux,
  rayleighCrossSection,
  standardAtmosphere,
  type ClearSkyOptions,
  type ActinicFlux,
} from "./actinic";
export {
  photolysisAt,
  type PhotolysisSite,
  type PhotolysisAtOptions,
  type PhotolysisSeries,
  type JSource,
  type PerInstant,
} from "./photolysis";
export { CMAQ_SURFACE_ALBEDO, type LandUseCategory, type SurfaceAlbedoRow } from "./tables/albedo";
export { US_STANDARD_ATMOSPHERE_1976, CMAQ_INLINE_PHOTOLYSIS } from "./tables/atmosphere";
export { photolysisDiurnalSpec, type PhotolysisDiurnalOptions } from "./figures";
export { obmBudgetSpec, obmRadicalsSpec, rirSpec, type ObmFigureOptions, type RirFigureOptions } from "./figures-obm";
export {
  obmObservationsFromTable,
  type ObmMechanismName,
  type ObmTableOptions,
  type ObmColumnUse,
  type ObmColumnUnused,
  type ObmTableRead,
} from "./obm-input";
export { PHOTOCHEM_LABELS, photoLabel, type PhotochemLabelKey } from "./labels";
export {
  mapVocToMechanism,
  type VocMechanismName,
  type MapVocOptions,
  type VocMappingTerm,
  type VocMappedSpecies,
  type VocUnmappedSpecies,
  type VocMechanismMapping,
} from "./voc-mapping";
export {
  VOC_MECHANISM_ROWS,
  VOC_MECHANISM_SOURCE,
  VOC_MECHANISM_UNASSIGNED,
  CB6R5_SURROGATES,
  SAPRC07_SURROGATES,
  type VocMechanismRow,
  type SpeciationToolTerm,
  type SurrogateSpecies,
} from "./tables/voc-mechanism";
export { saturationVapourPressureBuck, waterNumberDensity } from "./water";
export { ozoneBudgetTerms, type OzoneBudgetTerm, type OzoneBudgetTerms, type BudgetReaction } from "./budget";
export {
  runObm,
  relativeIncrementalReactivity,
  CB6R5_RIR_GROUPS,
  DEFAULT_DEPOSITION_VELOCITY_CM_PER_S,
  type ObmObservations,
  type ObmOptions,
  type ObmBudget,
  type ObmResult,
  type RirGroup,
  type RirResult,
} from "./obm";
export {
  ekmaIsopleths,
  ekmaRegime,
  ekmaMetrics,
  ekmaCell,
  EKMA_DEFAULT_SCALES,
  EKMA_TRANSITIONAL_BAND,
  type EkmaOptions,
  type EkmaResult,
  type EkmaRegime,
  type EkmaRidgePoint,
  type EkmaSurface,
  type EkmaComparison,
  type EkmaMetric,
  type EkmaCellContext,
  type EkmaCellValue,
} from "./ekma";
export { ekmaIsoplethSpec, type EkmaIsoplethOptions } from "./figures-ekma";
