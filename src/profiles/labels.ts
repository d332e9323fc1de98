import { labelLookup, type Lang } from "../figures/labels";

/**
 * Figure words of the source-profile and remote-sensing figures in English, Japanese and
 * Chinese (simplified). Kept beside the module (not in src/figures/labels.ts) to avoid edit
 * conflicts; {@link vlabel} looks them up.
 */
export const VEHICLE_LABELS = {
  massFraction: { en: "Mass fraction", ja: "質量分率", zh: "质量分数" },
  pmfFactor: { en: "PMF factor", ja: "PMF 因子", zh: "PMF 因子" },
  referenceProfile: { en: "Reference profile", ja: "参照プロファイル", zh: "参考源谱" },
  series: { en: "Profile", ja: "プロファイル", zh: "源谱" },
  factor: { en: "Factor", ja: "因子", zh: "因子" },
  reference: { en: "Reference", ja: "参照", zh: "参考" },
  species: { en: "Species", ja: "成分", zh: "组分" },
  distance: { en: "Distance (PD + SID/√2)/2", ja: "距離 (PD + SID/√2)/2", zh: "距离 (PD + SID/√2)/2" },
  pearson: { en: "Pearson r", ja: "ピアソン相関係数 r", zh: "皮尔逊相关系数 r" },
  modelYear: { en: "Model year", ja: "年式", zh: "车辆年款" },
  emissionFactor: { en: "Emission factor", ja: "排出係数", zh: "排放因子" },
  vspMode: { en: "VSP mode (kW/t)", ja: "VSP 区分 (kW/t)", zh: "VSP 区间 (kW/t)" },
  fuelBased: { en: "fuel-based", ja: "燃料基準", zh: "基于燃料" },
  CO: { en: "CO", ja: "CO", zh: "CO" },
  HC: { en: "HC", ja: "HC", zh: "HC" },
  NO: { en: "NO", ja: "NO", zh: "NO" },
  profileComparison: {
    en: "Factor vs reference profile",
    ja: "因子と参照プロファイルの比較",
    zh: "因子与参考源谱比较",
  },
  similarity: { en: "Factor–reference similarity", ja: "因子と参照プロファイルの類似度", zh: "因子与参考源谱的相似度" },
  efByYear: {
    en: "Remote-sensing emission factors by model year",
    ja: "年式別のリモートセンシング排出係数",
    zh: "按车辆年款的遥感排放因子",
  },
  efByVsp: {
    en: "Emission factor by VSP mode (mean, 95 % CI)",
    ja: "VSP 区分別の排出係数（平均と 95 % 信頼区間）",
    zh: "按 VSP 区间的排放因子（均值与 95 % 置信区间）",
  },
} as const;

export type VehicleLabelKey = keyof typeof VEHICLE_LABELS;

/** The text of a label key in a language (throws on an unknown key or language). */
export const vlabel: (key: VehicleLabelKey, lang?: Lang) => string = labelLookup(VEHICLE_LABELS, "vehicle/profile");
