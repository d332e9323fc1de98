/** MSE and MAE of a forecast and of a reference forecast, and the skill scores ({@link skillScores}). */
export interface SkillScores {
  /** Number of cases with the observation, the forecast and the reference all finite. */
  n: number;
  /** Mean squared error of the forecast, in the unit of the data squared. */
  MSE: number;
  /** Mean squared error of the reference forecast (e.g. persistence), unit squared. */
  MSEref: number;
  /** MSE skill score 1 − MSE/MSEref (dimensionless; 1 perfect, 0 no better than the reference, < 0 worse). */
  MSESS: number;
  /** Mean absolute error of the forecast, in the unit of the data. */
  MAE: number;
  /** Mean absolute error of the reference forecast, in the unit of the data. */
  MAEref: number;
  /** MAE skill score 1 − MAE/MAEref (dimensionless). */
  MAESS: number;
}

/**
 * Skill of a forecast against a reference forecast (persistence, climatology) in the mean squared
 * and the mean absolute error. The generic skill score is SS = (A − A_ref) / (A_perf − A_ref) for an
 * accuracy measure A whose perfect value is A_perf (Wilks, D. S. (2011), *Statistical Methods in
 * the Atmospheric Sciences*, 3rd ed., Academic Press, §8.1.5 "skill scores"); for MSE and MAE,
 * A_perf = 0, so MSESS = 1 − MSE/MSE_ref (Murphy, A. H. (1988), "Skill scores based on the mean
 * square error and their relationships to the correlation coefficient", Mon. Wea. Rev. 116,
 * 2417–2424) and MAESS = 1 − MAE/MAE_ref. MSE = mean((f − o)²), MAE = mean|f − o| over the cases
 * where the observation o, the forecast f and the reference r are all finite (the same cases for
 * both, so the two forecasts are scored on one sample). A skill score with a zero reference error
 * is NaN (the reference is perfect).
 *
 * @param obs observed values (any unit; NaN for missing)
 * @param forecast the forecast scored, paired with `obs` (same unit)
 * @param reference the reference forecast of the same cases (same unit)
 * @throws {RangeError} when the three arrays differ in length
 */
export function skillScores(
  obs: ArrayLike<number>,
  forecast: ArrayLike<number>,
  reference: ArrayLike<number>,
): SkillScores {
  if (obs.length !== forecast.length || obs.length !== reference.length)
    throw new RangeError(
      `skillScores: obs has ${obs.length} values, forecast ${forecast.length}, reference ${reference.length}`,
    );
  let n = 0,
    se = 0,
    seRef = 0,
    ae = 0,
    aeRef = 0;
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i],
      f = forecast[i],
      r = reference[i];
    if (!Number.isFinite(o) || !Number.isFinite(f) || !Number.isFinite(r)) continue;
    n++;
    se += (f - o) ** 2;
    seRef += (r - o) ** 2;
    ae += Math.abs(f - o);
    aeRef += Math.abs(r - o);
  }
  const ss = (a: number, ref: number) => (ref === 0 ? NaN : 1 - a / ref);
  return {
    n,
    MSE: se / n,
    MSEref: seRef / n,
    MSESS: ss(se, seRef),
    MAE: ae / n,
    MAEref: aeRef / n,
    MAESS: ss(ae, aeRef),
  };
}
