/**
 * Daily maximum 8-hour mean (MDA8) conventions (CONVENTIONS.md §4). Window start hours are local
 * clock hours relative to 00:00 of the day (negative = previous day, ≥ 17 reaches into the next
 * day); a window starting at s covers the hourly values of [s, s+8).
 *
 * - China, HJ 663-2013 (《环境空气质量评价技术规范（试行）》) §3 (definitions) with the data-validity rules of
 *   GB 3095-2012 Table 4 (applied by HJ 663-2013 §6; verify numbering): the 8-h running means of
 *   a natural day whose last hour ends 08:00–24:00 (17 windows, covering 00–08 … 16–24); a mean
 *   needs ≥ 6 hourly values; a daily maximum needs ≥ 14 valid means.
 * - US, 40 CFR Part 50 Appendix U §3: 17 running 8-h means starting 07:00–23:00 local; a mean needs
 *   ≥ 6 hourly values (75 %); a day is valid with ≥ 13 valid means (75 %) (the App. U substitution
 *   test for days that would exceed with missing hours is not applied).
 * - EU, Directive 2008/50/EC Annex VII: 24 running 8-h means, each assigned to the day on which it
 *   ends (17:00 of the previous day–01:00 … 16:00–24:00); a mean needs ≥ 6 hourly values
 *   (Annex I: 75 %), a day ≥ 18 valid means.
 */

/** One MDA8 convention. */
export interface Mda8Convention {
  id: "cn" | "us" | "eu";
  citation: string;
  /** Local start hours of the day's windows. */
  windowStarts: readonly number[];
  /** Minimum hourly values in an 8-h window. */
  minHoursPerWindow: number;
  /** Minimum valid windows for a valid daily maximum. */
  minWindows: number;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const MDA8_CONVENTIONS: Record<"cn" | "us" | "eu", Mda8Convention> = {
  cn: {
    id: "cn",
    citation:
      "HJ 663-2013 §3; GB 3095-2012 Table 4 validity (8-h means ending 08:00–24:00; ≥ 6 h per mean, ≥ 14 means per day)",
    windowStarts: range(0, 16),
    minHoursPerWindow: 6,
    minWindows: 14,
  },
  us: {
    id: "us",
    citation: "40 CFR Part 50 Appendix U §3 (17 windows starting 07:00–23:00; ≥ 6 h, ≥ 13 windows)",
    windowStarts: range(7, 23),
    minHoursPerWindow: 6,
    minWindows: 13,
  },
  eu: {
    id: "eu",
    citation: "Directive 2008/50/EC Annex VII (24 windows assigned to the day they end; ≥ 6 h, ≥ 18 windows)",
    windowStarts: range(-7, 16),
    minHoursPerWindow: 6,
    minWindows: 18,
  },
};
