import type { Lang } from "../../figures/labels";
import type { VocGroup } from "./tables/species";

/** Figure words of the VOC figures in English, Japanese and (simplified) Chinese. */
export const VOC_LABELS = {
  ofp: { en: "Ozone formation potential (OFP)", ja: "オゾン生成ポテンシャル (OFP)", zh: "臭氧生成潜势 (OFP)" },
  loh: { en: "OH reactivity (L_OH)", ja: "OH 反応性 (L_OH)", zh: "OH 反应活性 (L_OH)" },
  soaFromYield: { en: "SOA formation potential", ja: "SOA 生成ポテンシャル", zh: "SOA 生成潜势" },
  ppb: { en: "Mixing ratio", ja: "体積混合比", zh: "体积混合比" },
  share: { en: "Share (%)", ja: "割合 (%)", zh: "占比 (%)" },
  group: { en: "Group", ja: "成分群", zh: "组分类别" },
  species: { en: "Species", ja: "成分", zh: "物种" },
  sample: { en: "Sample (local time)", ja: "試料（現地時刻）", zh: "样品（当地时间）" },
  topSpecies: { en: "Top species", ja: "上位成分", zh: "贡献前列物种" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Group names in the three languages. */
export const VOC_GROUP_LABELS: Record<VocGroup, Record<Lang, string>> = {
  alkanes: { en: "Alkanes", ja: "アルカン", zh: "烷烃" },
  alkenes: { en: "Alkenes", ja: "アルケン", zh: "烯烃" },
  BVOC: { en: "BVOC", ja: "植物起源 VOC", zh: "生物源 VOC" },
  alkynes: { en: "Alkynes", ja: "アルキン", zh: "炔烃" },
  aromatics: { en: "Aromatics", ja: "芳香族炭化水素", zh: "芳香烃" },
  OVOCs: { en: "OVOCs", ja: "含酸素 VOC", zh: "含氧 VOC" },
  halocarbons: { en: "Halocarbons", ja: "ハロカーボン", zh: "卤代烃" },
};

/** A VOC figure word in one language. */
export function vocLabel(key: keyof typeof VOC_LABELS, lang: Lang = "en"): string {
  return VOC_LABELS[key][lang];
}
