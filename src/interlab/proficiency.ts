/** Performance class of a z-score (ISO 13528:2022 §9.4.1) or En number (§9.7.2). */
export type ScoreClass = "satisfactory" | "questionable" | "unsatisfactory";

/**
 * z-score z = (x − X)/σpt (ISO 13528:2022 §9.4): x the participant's result, X the assigned
 * value, σpt the standard deviation for proficiency assessment (same unit).
 * @throws {RangeError} when σpt is not > 0
 */
export function zScore(x: number, assigned: number, sigmaPt: number): number {
  if (!(sigmaPt > 0)) throw new RangeError(`z-score: σpt must be > 0, got ${sigmaPt}`);
  return (x - assigned) / sigmaPt;
}

/**
 * En number En = (x − X)/sqrt(U_x² + U_X²) (ISO 13528:2022 §9.7), with U_x and U_X the expanded
 * (k = 2) uncertainties of the result and of the assigned value.
 * @throws {RangeError} when the combined expanded uncertainty is not > 0
 */
export function enNumber(x: number, ux: number, assigned: number, uAssigned: number): number {
  const d = Math.sqrt(ux * ux + uAssigned * uAssigned);
  if (!(d > 0))
    throw new RangeError(`En: the combined expanded uncertainty must be > 0 (U_x = ${ux}, U_X = ${uAssigned})`);
  return (x - assigned) / d;
}

/** |z| ≤ 2 satisfactory, 2 < |z| < 3 questionable, |z| ≥ 3 unsatisfactory (ISO 13528:2022 §9.4.1; ISO/IEC 17043). */
export function classifyZ(z: number): ScoreClass {
  const a = Math.abs(z);
  return a <= 2 ? "satisfactory" : a < 3 ? "questionable" : "unsatisfactory";
}

/** |En| ≤ 1 satisfactory, otherwise unsatisfactory (ISO 13528:2022 §9.7.2). */
export function classifyEn(en: number): ScoreClass {
  return Math.abs(en) <= 1 ? "satisfactory" : "unsatisfactory";
}
