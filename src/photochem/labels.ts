/**
 * Figure labels of the photochemistry figures, in English, Japanese and (simplified) Chinese. Kept
 * beside the figures (not in the shared figure label table); look up with {@link photoLabel}.
 */
import { labelLookup, type Lang } from "../figures/labels";

export const PHOTOCHEM_LABELS = {
  // OBM figures (figures-obm.ts)
  o3Rate: { en: "O3 production and loss", ja: "O3 の生成と消失", zh: "O3 生成与损耗" },
  netPO3: { en: "net P(O3)", ja: "正味の O3 生成速度", zh: "O3 净生成速率" },
  budgetTerm: { en: "Budget term", ja: "収支項", zh: "收支项" },
  radicals: { en: "Radicals", ja: "ラジカル", zh: "自由基" },
  concentration: { en: "Concentration", ja: "濃度", zh: "浓度" },
  localHour: { en: "Local hour", ja: "現地時刻（時）", zh: "当地时间（时）" },
  rir: { en: "Relative incremental reactivity (RIR)", ja: "相対増分反応性 (RIR)", zh: "相对增量反应活性 (RIR)" },
  precursorGroup: { en: "Precursor group", ja: "前駆物質", zh: "前体物" },
  AVOC: { en: "Anthropogenic VOC", ja: "人為起源 VOC", zh: "人为源 VOC" },
  BVOC: { en: "Biogenic VOC", ja: "植物起源 VOC", zh: "天然源 VOC" },
  CO: { en: "CO", ja: "CO", zh: "CO" },
  NOx: { en: "NOx", ja: "NOx", zh: "NOx" },
  jNO2: { en: "J(NO2)", ja: "J(NO2)（NO2 光分解速度）", zh: "J(NO2)（NO2 光解速率）" },
  jO1D: { en: "J(O1D)", ja: "J(O1D)（O3 → O(1D) 光分解速度）", zh: "J(O1D)（O3 → O(1D) 光解速率）" },
  photolysisFrequency: { en: "Photolysis frequency", ja: "光分解速度定数", zh: "光解速率常数" },
  localTime: { en: "Local time", ja: "現地時刻", zh: "当地时间" },
  zenith: { en: "Solar zenith angle", ja: "太陽天頂角", zh: "太阳天顶角" },
  clearSky: { en: "clear sky", ja: "晴天", zh: "晴空" },
  scaled: { en: "scaled to measured J(NO2)", ja: "実測 J(NO2) で補正", zh: "按实测 J(NO2) 校正" },
  user: { en: "user supplied", ja: "ユーザー指定", zh: "用户提供" },
  // EKMA isopleths (ekmaIsoplethSpec)
  ekmaTitle: { en: "O3 isopleths (EKMA)", ja: "O3 等濃度曲線（EKMA）", zh: "O3 等浓度曲线（EKMA）" },
  vocScaling: { en: "VOC (× observed)", ja: "VOC（観測値に対する倍率）", zh: "VOC（相对观测值的倍数）" },
  noxScaling: { en: "NOx (× observed)", ja: "NOx（観測値に対する倍率）", zh: "NOx（相对观测值的倍数）" },
  vocModel: { en: "VOC (Σ model species)", ja: "VOC（モデル化学種の合計）", zh: "VOC（模式物种之和）" },
  nox: { en: "NOx", ja: "NOx", zh: "NOx" },
  peakO3: { en: "Peak O3", ja: "O3 最高濃度", zh: "O3 峰值浓度" },
  daytimeNetPO3: { en: "Daytime net P(O3)", ja: "日中の正味 O3 生成量", zh: "日间 O3 净生成量" },
  ridge: { en: "Ridge line", ja: "リッジライン", zh: "脊线" },
  observedPoint: { en: "Observed", ja: "観測点", zh: "观测点" },
  vocLimited: { en: "VOC-limited", ja: "VOC 律速", zh: "VOC 控制区" },
  noxLimited: { en: "NOx-limited", ja: "NOx 律速", zh: "NOx 控制区" },
  transitional: { en: "transitional", ja: "遷移領域", zh: "过渡区" },
} as const;

export type PhotochemLabelKey = keyof typeof PHOTOCHEM_LABELS;

/** Text of a photochemistry figure label. @throws {RangeError} for an unknown key or language */
export const photoLabel: (key: PhotochemLabelKey, lang?: Lang) => string = labelLookup(PHOTOCHEM_LABELS, "photochem");
