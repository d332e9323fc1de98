/** One cut point of a high-emitter screen with its confusion counts against known status. */
export interface CutPointRow {
  cut: number;
  flagged: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** FP/(FP + TN): clean vehicles wrongly flagged, as a share of clean records. */
  falsePositiveRate: number;
  /** FP/flagged: share of flagged records that are not high emitters (the cost of a roadside pull-over). */
  falseDiscoveryRate: number;
  /** TP/(TP + FN): high emitters caught. */
  sensitivity: number;
}

/** Flag records whose value exceeds `cut` (NaN never flagged). */
export function screenHighEmitters(values: ArrayLike<number>, cut: number): boolean[] {
  return Array.from(values, (v) => v > cut);
}

/**
 * The false-positive trade-off of a single-pass screen: for each cut point, how many records are
 * flagged and, against a known status (simulation truth or a follow-up inspection), the true and
 * false positives. A single remote-sensing pass measures a plume with noise, so a low cut catches
 * more high emitters but flags more clean vehicles (Bishop & Stedman 1996; Zhang et al. 1996,
 * Environ. Sci. Technol. 30:1445 on RSD screening errors).
 * @throws {RangeError} when values and statuses differ in length
 */
export function cutPointTradeoff(values: ArrayLike<number>, isHigh: ArrayLike<boolean>, cuts: number[]): CutPointRow[] {
  if (values.length !== isHigh.length)
    throw new RangeError(`cutPointTradeoff: ${values.length} values for ${isHigh.length} statuses`);
  return cuts.map((cut) => {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) continue;
      const f = values[i] > cut;
      if (f && isHigh[i]) tp++;
      else if (f) fp++;
      else if (isHigh[i]) fn++;
      else tn++;
    }
    return {
      cut,
      flagged: tp + fp,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      trueNegatives: tn,
      falsePositiveRate: fp + tn > 0 ? fp / (fp + tn) : NaN,
      falseDiscoveryRate: tp + fp > 0 ? fp / (tp + fp) : NaN,
      sensitivity: tp + fn > 0 ? tp / (tp + fn) : NaN,
    };
  });
}

/** The lowest cut point whose false-discovery rate is at most `maxFalseDiscovery` (undefined if none). */
export function chooseCutPoint(rows: CutPointRow[], maxFalseDiscovery: number): CutPointRow | undefined {
  return [...rows]
    .sort((a, b) => a.cut - b.cut)
    .find((r) => r.flagged > 0 && r.falseDiscoveryRate <= maxFalseDiscovery);
}
