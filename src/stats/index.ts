/** Statistics shared across analyses (one function per module, each with its citation). */
export { logGamma, incompleteBeta, tCdf, tQuantile } from "./studentt";
export { quantileType7 } from "./quantile";
export { demingRegression, type DemingResult } from "./deming";
