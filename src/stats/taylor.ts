import { pearson } from "./correlation";
import { mean, sampleSd } from "./moments";
import { finitePairs } from "./modstats";

/** The statistics of a Taylor diagram point ({@link taylorStats}). */
export interface TaylorStats {
  /** Number of complete (obs, mod) pairs. */
  n: number;
  /** Standard deviation of the observations σ_o (n − 1 denominator, R `sd`), unit of the data. */
  sdObs: number;
  /** Standard deviation of the model or forecast σ_m (n − 1), unit of the data. */
  sdMod: number;
  /** Normalised standard deviation σ_m / σ_o (dimensionless; the radius on openair's `normalise = TRUE` diagram). */
  sdRatio: number;
  /** Pearson correlation r of mod and obs (the angle: θ = arccos r). */
  r: number;
  /** Centred RMS difference E′ = √(Σ[(m − m̄) − (o − ō)]² / (n − 1)), unit of the data. */
  crmsd: number;
  /** E′ / σ_o (dimensionless; the distance from the observed point on the normalised diagram). */
  crmsdNorm: number;
  /** Mean bias m̄ − ō (not shown by the diagram: E′ leaves it out), unit of the data. */
  bias: number;
}

/**
 * The statistics of a Taylor diagram (Taylor, K. E. (2001), "Summarizing multiple aspects of
 * model performance in a single diagram", J. Geophys. Res. 106 (D7), 7183–7192): the standard
 * deviations σ_o, σ_m, the correlation r and the centred pattern RMS difference E′, which obey
 * the law of cosines E′² = σ_o² + σ_m² − 2σ_oσ_m r (Taylor 2001, eq. 4), so a model at radius
 * σ_m/σ_o and angle arccos r lies at distance E′/σ_o from the observed point (1, 0). As openair's
 * `TaylorDiagram` (openair 2.18 `R/TaylorDiagram.R`: `na.omit`, then R `cor` and `sd`), pairs
 * with a missing value are left out and the SDs use the n − 1 denominator; E′ uses the same
 * denominator (Taylor writes 1/N for all three; the identity and the normalised values
 * σ_m/σ_o and E′/σ_o do not depend on the choice).
 *
 * @param obs observed values (any unit; NaN for missing)
 * @param mod model or forecast values paired with obs (same unit)
 * @throws {RangeError} when obs and mod differ in length
 */
export function taylorStats(obs: ArrayLike<number>, mod: ArrayLike<number>): TaylorStats {
  const { o, m } = finitePairs(obs, mod, "taylorStats");
  const n = o.length;
  if (n < 2) return { n, sdObs: NaN, sdMod: NaN, sdRatio: NaN, r: NaN, crmsd: NaN, crmsdNorm: NaN, bias: NaN };
  const oBar = mean(o),
    mBar = mean(m);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (m[i] - mBar - (o[i] - oBar)) ** 2;
  const sdObs = sampleSd(o),
    sdMod = sampleSd(m);
  const crmsd = Math.sqrt(ss / (n - 1));
  return {
    n,
    sdObs,
    sdMod,
    sdRatio: sdMod / sdObs,
    r: pearson(m, o),
    crmsd,
    crmsdNorm: crmsd / sdObs,
    bias: mBar - oBar,
  };
}
