import { label as baseLabel, labelLookup, type Lang } from "../figures/labels";
import { CALENDAR_MONTHS, CALENDAR_WEEKDAYS } from "../figures/calendar";

/**
 * en/ja/zh labels of the directional, temporal and heavy-metal figures (merged in front of the
 * library's common labels by {@link dirLabel}). Every row carries all three languages.
 */
export const DIRECTIONAL_LABELS = {
  frequency: { en: "Frequency (%)", ja: "頻度 (%)", zh: "频率 (%)" },
  calm: { en: "calm", ja: "静穏", zh: "静风" },
  windRose: { en: "Wind rose", ja: "風配図", zh: "风玫瑰图" },
  pollutionRose: { en: "Pollution rose", ja: "汚染ローズ", zh: "污染玫瑰图" },
  percentileRose: { en: "Percentile rose", ja: "パーセンタイルローズ", zh: "百分位玫瑰图" },
  percentile: { en: "Percentile", ja: "パーセンタイル", zh: "百分位" },
  cpf: { en: "CPF", ja: "CPF（条件付き確率）", zh: "CPF（条件概率）" },
  cbpf: { en: "CBPF", ja: "CBPF（条件付き二変量確率）", zh: "CBPF（条件双变量概率）" },
  probability: { en: "Probability", ja: "確率", zh: "概率" },
  mean: { en: "Mean", ja: "平均", zh: "平均值" },
  weightedMean: { en: "Weighted mean", ja: "重み付き平均", zh: "加权平均" },
  median: { en: "Median", ja: "中央値", zh: "中位数" },
  maximum: { en: "Maximum", ja: "最大値", zh: "最大值" },
  count: { en: "Count", ja: "件数", zh: "计数" },
  stdev: { en: "Standard deviation", ja: "標準偏差", zh: "标准差" },
  lowerBound: { en: "Lower (−2 SE)", ja: "下限（−2 SE）", zh: "下限（−2 SE）" },
  prediction: { en: "Prediction", ja: "予測", zh: "预测" },
  upperBound: { en: "Upper (+2 SE)", ja: "上限（+2 SE）", zh: "上限（+2 SE）" },
  // polarDiff, polarCluster
  difference: { en: "After − before", ja: "差（後 − 前）", zh: "差值（后 − 前）" },
  cluster: { en: "Cluster", ja: "クラスター", zh: "聚类" },
  nClusters: { en: "clusters", ja: "クラスター", zh: "类" },
  // polarFreq, kernel-weighted two-pollutant statistics, corPlot, conditionalQuantile (issue #18)
  polarFreq: { en: "By wind direction and speed", ja: "風向・風速別", zh: "按风向和风速" },
  max: { en: "Maximum", ja: "最大値", zh: "最大值" },
  contribution: { en: "Contribution (%)", ja: "寄与率 (%)", zh: "贡献率 (%)" },
  pearsonR: { en: "Pearson correlation", ja: "ピアソン相関係数", zh: "皮尔逊相关系数" },
  spearmanR: { en: "Spearman correlation", ja: "スピアマン順位相関係数", zh: "斯皮尔曼等级相关系数" },
  kendallTau: { en: "Kendall correlation", ja: "ケンドール順位相関係数", zh: "肯德尔等级相关系数" },
  robustSlope: { en: "Robust regression slope", ja: "ロバスト回帰の傾き", zh: "稳健回归斜率" },
  quantileSlope: { en: "Quantile regression slope", ja: "分位点回帰の傾き", zh: "分位数回归斜率" },
  yorkSlope: { en: "York regression slope", ja: "York 回帰の傾き", zh: "York 回归斜率" },
  correlationMatrix: { en: "Correlation matrix", ja: "相関行列", zh: "相关矩阵" },
  conditionalQuantile: { en: "Conditional quantiles", ja: "条件付き分位点", zh: "条件分位数" },
  perfectModel: { en: "Perfect model", ja: "完全なモデル", zh: "理想模型" },
  quantile25to75: { en: "25–75th percentiles", ja: "25–75 パーセンタイル", zh: "第 25–75 百分位" },
  quantile10to90: { en: "10–90th percentiles", ja: "10–90 パーセンタイル", zh: "第 10–90 百分位" },
  sampleSize: { en: "Number of records", ja: "データ数", zh: "记录数" },
  predictions: { en: "predictions", ja: "予測値", zh: "预测值" },
  observations: { en: "observations", ja: "観測値", zh: "观测值" },
  hour: { en: "Hour (local)", ja: "時（現地時刻）", zh: "小时（当地时间）" },
  weekday: { en: "Weekday", ja: "曜日", zh: "星期" },
  month: { en: "Month", ja: "月", zh: "月份" },
  season: { en: "Season", ja: "季節", zh: "季节" },
  hourWeekday: { en: "Hour × weekday", ja: "時刻 × 曜日", zh: "小时 × 星期" },
  trend: { en: "Theil–Sen trend", ja: "Theil–Sen トレンド", zh: "Theil–Sen 趋势" },
  monthlyMean: { en: "Monthly mean", ja: "月平均", zh: "月均值" },
  perYear: { en: "per year", ja: "/年", zh: "/年" },
  // smoothTrend (issue #18)
  smoothTrend: { en: "Smooth trend (GAM)", ja: "平滑化トレンド（GAM）", zh: "平滑趋势（GAM）" },
  seasonalMean: { en: "Seasonal mean", ja: "季節平均", zh: "季均值" },
  annualMean: { en: "Annual mean", ja: "年平均", zh: "年均值" },
  deseasonalised: { en: "deseasonalised", ja: "季節調整済み", zh: "去季节" },
  interval: { en: "interval", ja: "信頼区間", zh: "置信区间" },
  bootstrap: { en: "bootstrap", ja: "ブートストラップ", zh: "自助法" },
  predictedValue: { en: "Predicted value", ja: "予測値", zh: "预测值" },
  observedValue: { en: "Observed value", ja: "観測値", zh: "观测值" },
  gamFit: { en: "GAM fit", ja: "GAM 平滑曲線", zh: "GAM 拟合" },
  enrichmentFactor: { en: "Enrichment factor", ja: "濃縮係数", zh: "富集因子" },
  element: { en: "Element", ja: "元素", zh: "元素" },
  ratio: { en: "Ratio", ja: "比", zh: "比值" },
  filter: { en: "Filter", ja: "フィルター", zh: "滤膜" },
  continuousXrf: { en: "Xact (XRF)", ja: "Xact（蛍光X線）", zh: "Xact（X射线荧光）" },
  north: { en: "N", ja: "北", zh: "北" },
  east: { en: "E", ja: "東", zh: "东" },
  south: { en: "S", ja: "南", zh: "南" },
  west: { en: "W", ja: "西", zh: "西" },
  date: { en: "Date", ja: "日付", zh: "日期" },
  week: { en: "Week", ja: "週", zh: "周" },
  crustal: { en: "crustal (EF < 10)", ja: "地殻起源 (EF < 10)", zh: "地壳源 (EF < 10)" },
  anthropogenic: { en: "anthropogenic (EF > 10)", ja: "人為起源 (EF > 10)", zh: "人为源 (EF > 10)" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Weekday names, Monday first (the calendar figure's table). */
export const WEEKDAYS = CALENDAR_WEEKDAYS;

/** Month names, January first (the calendar figure's table). */
export const MONTHS = CALENDAR_MONTHS;

/** Season names (DJF, MAM, JJA, SON). */
export const SEASONS: Record<Lang, string[]> = {
  en: ["Winter (DJF)", "Spring (MAM)", "Summer (JJA)", "Autumn (SON)"],
  ja: ["冬 (12–2月)", "春 (3–5月)", "夏 (6–8月)", "秋 (9–11月)"],
  zh: ["冬季 (12–2月)", "春季 (3–5月)", "夏季 (6–8月)", "秋季 (9–11月)"],
};

/** Label of a key of {@link DIRECTIONAL_LABELS}, else of the library's common labels. */
export const dirLabel: (key: keyof typeof DIRECTIONAL_LABELS | (string & {}), lang?: Lang) => string = labelLookup(
  DIRECTIONAL_LABELS,
  "directional",
  baseLabel,
);
