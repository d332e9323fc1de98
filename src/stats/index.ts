/** Statistics shared across analyses (one function per module, each with its citation). */
export { logGamma, incompleteBeta, tCdf, tQuantile } from "./studentt";
export { quantileType7 } from "./quantile";
export { demingRegression, type DemingResult } from "./deming";
export { passingBablok, normalQuantile, type PassingBablokResult } from "./passingbablok";
export { blandAltman, type BlandAltmanResult } from "./blandaltman";
export { robustZ, type RobustZResult } from "./robustz";
export { roundHalfEven } from "./round";
