/**
 * Source profiles: the profile table, built-in generic profiles with citations, similarity
 * metrics (Pearson, Spearman, COD, SID/PD), factor naming with tracer checks, dilution-tunnel
 * composites and the vehicle contribution to primary PM2.5.
 */
export type { SourceProfile, ProfileProvenance } from "./types";
export { speciesMatchKey } from "./species";
export {
  crustalProfile,
  seaSaltProfile,
  ammoniumSulfateProfile,
  ammoniumNitrateProfile,
  builtinProfiles,
} from "./builtin";
export {
  pearson,
  spearman,
  averageRanks,
  coefficientOfDivergence,
  sid,
  pearsonDistance,
  compareProfiles,
  SID_ACCEPT,
  PD_ACCEPT,
  type ProfileComparison,
  type ProfileCompareOptions,
} from "./similarity";
export { assignMinCost } from "../stats/assign";
export {
  factorProfiles,
  identifyFactors,
  speciesShares,
  checkTracers,
  namingStability,
  type FactorName,
  type FactorIdentification,
  type IdentifyOptions,
  type TracerCheck,
} from "./identify";
export { profilesFromMatrix } from "./matrix";
export { TRACER_RULES, TRAFFIC_CATEGORIES, SECONDARY_CATEGORIES, type TracerRule } from "./tables/tracers";
export { dilutionTunnelProfiles, type TunnelTestProfile } from "./dilution";
export {
  readProfiles,
  readEpaPmfProfiles,
  readSpeciate,
  readDilutionTunnel,
  type ProfilesRead,
  type EpaProfilesReadOptions,
  type DilutionTunnelRow,
} from "./read";
export { vehicleContribution, type VehicleContributionRow, type VehicleContributionOptions } from "./vehicle";
export { profileComparisonSpec, similarityHeatmapSpec } from "./figures";
export {
  compareWithEpaPmf,
  epaComparisonSpec,
  epaComparisonTable,
  type EpaCompareOptions,
  type EpaComparison,
  type EpaFactorComparison,
  type EpaComparisonSpecOptions,
} from "./epa-compare";
export { VEHICLE_LABELS, vlabel, type VehicleLabelKey } from "./labels";
