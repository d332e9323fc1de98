/** Same-sample inter-laboratory comparison: pairing, statistics per species, z/En scores, verdicts, figures. */
export { pairLabResults, readLabPair, type PairedLabResults } from "./read";
export {
  compareLabs,
  verdictCriterion,
  type CompareLabsOptions,
  type SpeciesComparison,
  type LabScore,
  type Verdict,
  type CensoredPair,
  type CensoredCase,
} from "./compare";
export { zScore, enNumber, classifyZ, classifyEn, type ScoreClass } from "./proficiency";
export { blandAltmanSpec, labScatterSpec, zScoreSpec } from "./figures";
