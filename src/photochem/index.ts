/**
 * `aozora/photochem`: gas-phase chemical mechanisms (CMAQ CHEMMECH and KPP readers), photolysis
 * frequencies, a stiff (Rosenbrock) integrator and the observation-based box model.
 * @packageDocumentation
 */
export type { KineticReaction, KineticSystem, RateEnvironment } from "./system";
export { airNumberDensity, BOLTZMANN_J_PER_K } from "./air";
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
export { solarPosition, julianDay, refractionDeg, type SolarPosition } from "./solar";
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
export { PHOTOCHEM_LABELS, photoLabel, type PhotochemLabelKey } from "./labels";
