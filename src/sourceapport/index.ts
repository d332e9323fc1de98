/**
 * Source apportionment: PMF input preparation, the base-run solver, diagnostics, exports and
 * figures (EPA PMF 5.0 conventions; see CONVENTIONS.md §1).
 */
export type { SpeciesCategory, SpeciesSummary, PrepChange, PmfInput, PmfRun, PmfOptions, PmfResult } from "./types";
export {
  equationUncertainty,
  signalToNoise,
  preparePmfInput,
  SN_THRESHOLD_TOLERANCE,
  type PmfPrepData,
  type PmfPrepOptions,
  type EquationUncertaintyResult,
  type SignalToNoiseOptions,
} from "./prepare";
export { runPmf, runPmfSync, runSeed, qExpected, normaliseSolution, PMF_DEFAULTS } from "./solver";
export { closePmfPool, addPmfWorkerInit, pmfPoolInfo, type PmfWorkerInit, type PmfPoolInfo } from "./pool";
export { qValues } from "./als";
export { scanFactors, type FactorScanPoint } from "./scan";
export {
  checkPmfResult,
  totalIndex,
  profileMatrices,
  profiles,
  massColumnName,
  contributions,
  predictedMatrix,
  boxStats,
  residuals,
  observedPredicted,
  gSpace,
  gSpaceAll,
  scaledResidualTable,
  speciesDiagnosticTable,
  SCALED_RESIDUAL_FLAG,
  type ProfileMatrices,
  type BoxStats,
  type SpeciesResiduals,
  type SampleResiduals,
  type PmfResiduals,
  type SpeciesFit,
  type ObservedPredicted,
  type GSpacePairs,
} from "./diagnostics";
export {
  runsTable,
  speciesSummaryTable,
  epaProfilesCsv,
  epaContributionsCsv,
  exportPmfResult,
  constraintStepsTable,
  type PmfExportOptions,
} from "./export";
export {
  profileSpec,
  contributionSpec,
  fingerprintSpec,
  residualBoxSpec,
  observedPredictedSpec,
  gSpaceSpec,
  qScanSpec,
  type PmfFigureOptions,
  type ContributionSpecOptions,
  type ResidualBoxOptions,
  type QScanPoint,
} from "./figures";
export {
  bootstrapPmf,
  blockBootstrapRows,
  bootstrapRows,
  chooseBlockSize,
  politisWhiteBlockLength,
  mapBootstrapFactors,
  timeOrder,
  BOOTSTRAP_DEFAULTS,
  type BlockLengthEstimate,
  type IntSource,
  type BootstrapOptions,
  type BootstrapResult,
  type BootstrapRun,
  type BootstrapMappingRow,
  type BootstrapInterval,
} from "./bootstrap";
export { dispPmf, refitSettings, type DispOptions, type DispResult, type DispInterval, type DispSwaps } from "./disp";
export { swappedFactors, swappedProfiles, type SwapTest, type DispMethod } from "./dispsearch";
export { bsDispPmf, type BsDispOptions, type BsDispResult, type BsDispInterval } from "./bsdisp";
export {
  fpeakPmf,
  constrainPmf,
  describeConstraint,
  type AlteredSolution,
  type PmfConstraint,
  type PmfExpressionTerm,
  type ConstrainedResult,
} from "./rotate";
export { readPmfConstraints, parsePmfConstraints, type ConstraintNames } from "./read-constraints";
export { alsFit, alsRun, type Penalties, type PenaltyExpression, type RunOutcome, type RunSettings } from "./als";
export {
  intervalWhiskers,
  intervalProfileSpec,
  swapTableSpec,
  fpeakCurveSpec,
  constrainedComparisonSpec,
  bootstrapIntervalTable,
  dispIntervalTable,
  INTERVAL_METHODS,
  type IntervalMethod,
  type IntervalProfileOptions,
  type IntervalWhiskerRow,
  type SwapTableOptions,
  type FpeakPoint,
  type FpeakCurveOptions,
  type ConstrainedComparisonOptions,
} from "./errorfigures";
export {
  runJointPmf,
  jointSiteResult,
  bootstrapJointPmf,
  jointBootstrapRows,
  type JointPmfSite,
  type JointPmfOptions,
  type JointPmfRun,
  type JointPmfResult,
  type JointPmfSiteResult,
  type JointBootstrapResult,
  type SiteQ,
  type SiteResampling,
} from "./joint";
export { jointProfileSpec, jointContributionSpec } from "./jointfigures";
export { readEpaPmf, type EpaPmfReadOptions, type EpaPmfData } from "./read-epapmf";
export {
  readEpaPmfResults,
  type EpaPmfResults,
  type EpaPmfResultsReadOptions,
  type EpaBlockPlace,
  type EpaProfileTable,
  type EpaContributionTable,
  type EpaBaseRunRow,
  type EpaBootstrapMapping,
  type EpaDispDiagnostics,
  type EpaIntervalKind,
  type EpaIntervalTable,
} from "./read-epapmf-results";
