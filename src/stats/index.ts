/** Statistics shared across analyses (one function per module, each with its citation). */
export { logGamma, incompleteBeta, tCdf, tQuantile } from "./studentt";
export { quantileType7, quantilesType7 } from "./quantile";
export { sortNumbers } from "./sort";
export { median, type MedianOptions } from "./median";
export { mean, sampleSd, sampleVariance } from "./moments";
export { pearson, pearsonStrided } from "./correlation";
export { modStats, modStatsBy, type ModStats, type ModStatsGroup } from "./modstats";
export { skillScores, type SkillScores } from "./skill";
export { quantileVerification, type QuantileVerification, type CentralIntervalScore } from "./quantilescore";
export { eventScores, categoryScores, type EventScores } from "./contingency";
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
export { taylorStats, type TaylorStats } from "./taylor";
export { symmetricEigen, type SymmetricEigen } from "./symeigen";
export { tridiagonalEigen, type TridiagonalEigenOptions } from "./tridiageigen";
export { lanczosEigen, type LanczosOptions, type LanczosResult } from "./lanczos";
export { householderQr, solveUpperTriangular, type HouseholderQr } from "./qr";
export { tpsEta, thinPlateBasis, type ThinPlateBasis, type ThinPlateOptions, type PolarLattice } from "./tprs";
export { penalisedGcvFit, type PenalisedFitOptions, type PenalisedFit } from "./gcvfit";
export {
  tpsEta1d,
  thinPlateBasis1d,
  gamSmooth1d,
  type ThinPlateBasis1d,
  type GamSmooth1d,
  type GamSmooth1dOptions,
} from "./tprs1d";
export { stl, type StlOptions, type StlResult } from "./stl";
export { weightedPearson, weightedSpearman, weightedRanks, weightedLine } from "./weighted";
export { yorkRegression, huberRegression, type YorkResult, type HuberResult } from "./york";
export { hclust, type HclustMethod, type HclustResult } from "./hclust";
export { pam, packDissimilarity, type PamResult, type PackedDissimilarity } from "./pam";
export { pamFeatures, euclideanDissimilarity, type PamFeaturesOptions, type PamFeaturesResult } from "./pam-features";
export { kendallTau } from "./kendall";
export { quantileRegression, checkLoss, type QuantileRegressionResult } from "./quantreg";
