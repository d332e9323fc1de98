import { REGIME_THRESHOLDS } from "./tables/regime";

/** An ozone-formation regime. */
export type OzoneRegime = "VOC-limited" | "transitional" | "NOx-limited";

/** Thresholds of a ratio indicator: below `vocLimitedBelow` VOC-limited, above `noxLimitedAbove` NOx-limited. */
export interface RegimeThresholds {
  vocLimitedBelow: number;
  noxLimitedAbove: number;
}

/** numerator/denominator, or NaN when the denominator is ≤ 0 or missing (the rule of every ratio indicator here). */
function ratioOrNaN(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : NaN;
}

/** The ratio numerator/denominator ({@link ratioOrNaN}) and its regime under `t`. */
function ratioRegime(
  numerator: number,
  denominator: number,
  t: RegimeThresholds,
): { ratio: number; regime: OzoneRegime | undefined } {
  const ratio = ratioOrNaN(numerator, denominator);
  return { ratio, regime: classify(ratio, t) };
}

function classify(ratio: number, t: RegimeThresholds): OzoneRegime | undefined {
  if (!(t.vocLimitedBelow <= t.noxLimitedAbove))
    throw new RangeError(
      `regime thresholds: vocLimitedBelow (${t.vocLimitedBelow}) must not exceed noxLimitedAbove (${t.noxLimitedAbove})`,
    );
  if (!Number.isFinite(ratio)) return undefined;
  if (ratio < t.vocLimitedBelow) return "VOC-limited";
  if (ratio > t.noxLimitedAbove) return "NOx-limited";
  return "transitional";
}

/**
 * Regime from the VOC/NOx ratio (VOC in ppbC, NOx in ppb); thresholds default to
 * {@link REGIME_THRESHOLDS}.vocNox (8 and 15). NOx ≤ 0 or missing → ratio NaN, regime undefined.
 */
export function vocNoxRegime(
  vocPpbC: number,
  noxPpb: number,
  thresholds: RegimeThresholds = REGIME_THRESHOLDS.vocNox,
): { ratio: number; regime: OzoneRegime | undefined } {
  return ratioRegime(vocPpbC, noxPpb, thresholds);
}

/** Regime from the HCHO/NO2 ratio (same units for both); thresholds default to 1 and 2 (Duncan et al. 2010). */
export function hchoNo2Regime(
  hcho: number,
  no2: number,
  thresholds: RegimeThresholds = REGIME_THRESHOLDS.hchoNo2,
): { ratio: number; regime: OzoneRegime | undefined } {
  return ratioRegime(hcho, no2, thresholds);
}

/**
 * Element-wise O3/NOx ratio (both ppb); NOx ≤ 0 or missing → NaN. An indicator of photochemical age vs fresh NO titration.
 * @throws {RangeError} when the series differ in length
 */
export function o3NoxRatio(o3Ppb: ArrayLike<number>, noxPpb: ArrayLike<number>): Float64Array {
  if (o3Ppb.length !== noxPpb.length)
    throw new RangeError(`o3NoxRatio: series lengths differ (${o3Ppb.length} vs ${noxPpb.length})`);
  return Float64Array.from(o3Ppb, (o, i) => ratioOrNaN(o, noxPpb[i]));
}
