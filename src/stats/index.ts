/** Statistics shared across analyses (one function per module, each with its citation). */
export { logGamma, incompleteBeta, tCdf, tQuantile } from "./studentt";
export { quantileType7 } from "./quantile";
export { demingRegression, type DemingResult } from "./deming";
export { passingBablok, type PassingBablokResult } from "./passingbablok";
export { blandAltman, type BlandAltmanResult } from "./blandaltman";
export { robustZ, type RobustZResult } from "./robustz";
export { roundHalfEven } from "./round";
export { erfc, normalCdf, normalQuantile } from "./normal";
export { welchTTest, type WelchResult } from "./welch";
export { pairedTTest, type PairedTResult } from "./pairedt";
export { mannWhitneyExactPmf } from "./mannwhitneydist";
export { mannWhitneyTest, midRanks, type MannWhitneyResult } from "./mannwhitney";
export { hodgesLehmannShift, type HodgesLehmannResult } from "./hodgeslehmann";
export { ols, type OlsResult } from "./ols";
export { lag1Autocorrelation } from "./autocorrelation";
export { bootstrapTwoSample, type TwoSampleBootstrap } from "./bootstraptwosample";
export { bootstrapRatioOfRatios, type RatioSample } from "./bootstrapratio";
