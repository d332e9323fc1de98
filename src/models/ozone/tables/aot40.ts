/**
 * AOT40 definition, Directive 2008/50/EC Annex I (A) and Annex VII: the sum of the differences
 * between hourly concentrations greater than 80 µg/m3 (= 40 ppb) and 80 µg/m3, using only the
 * 1-h values measured between 08:00 and 20:00 (Central European Time in the Directive; here the
 * site's local time, i.e. the 12 hours starting 08:00 … 19:00), over May–July (vegetation, crops)
 * or April–September (forests, UNECE/EEA usage). When not all possible hours are measured, AOT40 is
 * scaled by (possible hours / measured hours); the Directive requires ≥ 90 % of the hours (Annex I
 * (B) data-capture criteria for AOT40).
 */
export const AOT40 = {
  citation: "Directive 2008/50/EC Annex I(A), Annex VII; EEA/UNECE (forests Apr–Sep)",
  thresholdUgm3: 80,
  thresholdPpb: 40,
  /** Local start hours of the daylight hours counted (08:00–20:00). */
  firstHour: 8,
  lastHour: 19,
  /** Months (1–12) of each season. */
  seasons: { crops: [5, 6, 7], forests: [4, 5, 6, 7, 8, 9] } as Record<"crops" | "forests", number[]>,
  minCoverage: 0.9,
} as const;

/**
 * SOMO35: the annual sum of the daily maximum 8-h means over 35 ppb (70 µg/m3), in ppb·days (WHO
 * 2008 HRAPIE / EMEP / EEA "Air quality in Europe" indicator; MDA8 under the EU convention).
 */
export const SOMO35 = {
  citation: "WHO (2008) Health risks of ozone from long-range transboundary air pollution; EEA",
  cutoffPpb: 35,
  cutoffUgm3: 70,
} as const;

/**
 * China's annual ozone evaluation statistic: the 90th percentile of the daily MDA8 values of a
 * calendar year, with the percentile of HJ 663-2013 (k = 1 + (n − 1)·p/100, s = ⌊k⌋,
 * X_p = X_(s) + (X_(s+1) − X_(s))·(k − s), the ordered values X_(1) ≤ … ≤ X_(n)), which equals the
 * Hyndman–Fan type 7 quantile (verify the section number of the formula in the standard).
 * Annual statistics need ≥ 324 valid days and ≥ 27 per month (25 in February) (GB 3095-2012 Table 4,
 * applied by HJ 663-2013 §6; verify numbering).
 */
export const HJ663_ANNUAL = {
  citation: "HJ 663-2013 (percentile formula; §6 data statistics); GB 3095-2012 Table 4 (data validity)",
  ozonePercentile: 90,
  minDays: 324,
  minDaysPerMonth: 27,
  minDaysFebruary: 25,
} as const;
