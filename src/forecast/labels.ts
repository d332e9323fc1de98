/**
 * Figure labels of the forecast figures (time series with prediction intervals, contingency table,
 * forecast-vs-observed scatter), in English, Japanese and (simplified) Chinese. Kept beside the
 * figures (not in the shared figure label table); look up with {@link forecastLabel}.
 */
import { label, labelLookup, type Lang } from "../figures/labels";

/** Forecast figure words: key → text per language (every row carries all three). */
export const FORECAST_LABELS = {
  date: { en: "Date (local)", ja: "日付（現地）", zh: "日期（当地）" },
  forecast: { en: "Forecast", ja: "予報値", zh: "预报值" },
  observed: { en: "Observed", ja: "観測値", zh: "观测值" },
  series: { en: "Series", ja: "系列", zh: "系列" },
  predictionInterval: { en: "Prediction interval", ja: "予測区間", zh: "预测区间" },
  aqiCategory: { en: "AQI category", ja: "AQI 区分", zh: "AQI 级别" },
  threshold: { en: "Threshold", ja: "閾値", zh: "阈值" },
  lead: { en: "Lead", ja: "リードタイム", zh: "预见期" },
  days: { en: "d", ja: "日", zh: "天" },
  method: { en: "Method", ja: "手法", zh: "方法" },
  contingencyTable: { en: "Contingency table", ja: "分割表", zh: "列联表" },
  forecastVsObserved: { en: "Forecast vs observed", ja: "予報値と観測値", zh: "预报值与观测值" },
  count: { en: "Count", ja: "件数", zh: "频数" },
  yes: { en: "Yes", ja: "あり", zh: "是" },
  no: { en: "No", ja: "なし", zh: "否" },
  line: { en: "Line", ja: "線", zh: "线" },
  oneToOne: { en: "1:1", ja: "1:1 線", zh: "1:1 线" },
  fac2: { en: "FAC2 bounds (×2, ×½)", ja: "FAC2 の範囲（2 倍・1/2 倍）", zh: "FAC2 范围（2 倍、1/2 倍）" },
  persistence: { en: "Persistence", ja: "持続予報", zh: "持续性预报" },
  climatology: { en: "Climatology", ja: "気候値予報", zh: "气候态预报" },
  mlr: { en: "Multiple linear regression", ja: "重回帰", zh: "多元线性回归" },
  qr: { en: "Quantile regression", ja: "分位点回帰", zh: "分位数回归" },
  forest: { en: "Random forest", ja: "ランダムフォレスト", zh: "随机森林" },
  analog: { en: "Analog ensemble", ja: "アナログアンサンブル", zh: "相似集合预报" },
} as const;

/** A key of {@link FORECAST_LABELS}. */
export type ForecastLabelKey = keyof typeof FORECAST_LABELS;

/**
 * Text of a forecast figure label (falls back to the library's common labels, e.g. `"time"`).
 * @throws {RangeError} for an unknown key or language
 */
export const forecastLabel: (key: ForecastLabelKey | (string & {}), lang?: Lang) => string = labelLookup(
  FORECAST_LABELS,
  "forecast",
  label,
);
