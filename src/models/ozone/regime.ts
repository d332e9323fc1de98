import { REGIME_THRESHOLDS } from "./tables/regime";

/** An ozone-formation regime. */
export type OzoneRegime = "VOC-limited" | "transitional" | "NOx-limited";

/** Thresholds of a ratio indicator: below `vocLimitedBelow` VOC-limited, above `noxLimitedAbove` NOx-limited. */
export interface RegimeThresholds {
  vocLimitedBelow: number;
  noxLimitedAbove: number;
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
  const ratio = noxPpb > 0 ? vocPpbC / noxPpb : NaN;
  return { ratio, regime: classify(ratio, thresholds) };
}

/** Regime from the HCHO/NO2 ratio (same units for both); thresholds default to 1 and 2 (Duncan et al. 2010). */
export function hchoNo2Regime(
  hcho: number,
  no2: number,
  thresholds: RegimeThresholds = REGIME_THRESHOLDS.hchoNo2,
): { ratio: number; regime: OzoneRegime | undefined } {
  const ratio = no2 > 0 ? hcho / no2 : NaN;
  return { ratio, regime: classify(ratio, thresholds) };
}

/**
 * Element-wise O3/NOx ratio (both ppb); NOx ≤ 0 or missing → NaN. An indicator of photochemical age vs fresh NO titration.
 * @throws {RangeError} when the series differ in length
 */
export function o3NoxRatio(o3Ppb: ArrayLike<number>, noxPpb: ArrayLike<number>): Float64Array {
  if (o3Ppb.length !== noxPpb.length)
    throw new RangeError(`o3NoxRatio: series lengths differ (${o3Ppb.length} vs ${noxPpb.length})`);
  return Float64Array.from(o3Ppb, (o, i) => (noxPpb[i] > 0 ? o / noxPpb[i] : NaN));
}
