/**
 * Source apportionment: PMF input preparation, the base-run solver, diagnostics, exports and
 * figures (EPA PMF 5.0 conventions; see CONVENTIONS.md §1).
 */
export * from "./types";
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
export { qValues } from "./als";
export { scanFactors, type FactorScanPoint } from "./scan";
export * from "./diagnostics";
export * from "./export";
export * from "./figures";
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
export { swappedFactors } from "./dispsearch";
export { bsDispPmf, type BsDispOptions, type BsDispResult, type BsDispInterval } from "./bsdisp";
export { fpeakPmf, constrainPmf, type AlteredSolution, type PmfConstraint, type ConstrainedResult } from "./rotate";
export { alsFit, alsRun, type Penalties, type RunOutcome, type RunSettings } from "./als";
export * from "./errorfigures";
