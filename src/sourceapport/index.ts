/**
 * Source apportionment: PMF input preparation, the base-run solver, diagnostics, exports and
 * figures (EPA PMF 5.0 conventions; see CONVENTIONS.md §1).
 */
export * from "./types";
export { equationUncertainty, signalToNoise, preparePmfInput, SN_THRESHOLD_TOLERANCE, type PmfPrepData, type PmfPrepOptions, type EquationUncertaintyResult, type SignalToNoiseOptions } from "./prepare";
export { runPmf, runPmfSync, runSeed, qExpected, normaliseSolution, PMF_DEFAULTS } from "./solver";
export { qValues } from "./als";
export { scanFactors, type FactorScanPoint } from "./scan";
export * from "./diagnostics";
export * from "./export";
export * from "./figures";
