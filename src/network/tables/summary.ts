/**
 * The validity rules and defaults of the network summary (`summariseNetwork`), each the same
 * number the library's hourly functions use, with its source:
 *
 * - `cnDailyMinHours` 20: a daily mean (and the HJ 633-2012 O3 daily 1-h maximum) needs ≥ 20
 *   hourly values — GB 3095-2012 Table 4 data validity as applied by HJ 663-2013 §6; the default
 *   `minHours` of `dailyAqi` (China) and `gb3095Exceedances`.
 * - `whoDailyMinHours` 18: 75 % of the day, the default `minHours` of `whoExceedances` (WHO 2021
 *   states no rule; 2008/50/EC Annex I data capture).
 * - `monthlyMinCapture` 0.75: a monthly mean for the trend needs 75 % of the month's hours, the
 *   default of `monthlyMeans` / `theilSenTrend`.
 * - `percentiles`: the percentiles reported of hourly and of daily values (type 7, Hyndman & Fan
 *   1996; the HJ 663-2013 percentile formula is the same interpolation).
 */
export const NETWORK_SUMMARY_RULES = {
  cnDailyMinHours: 20,
  whoDailyMinHours: 18,
  monthlyMinCapture: 0.75,
  percentiles: [5, 25, 50, 75, 90, 95, 98] as readonly number[],
} as const;
