/**
 * Figure labels of the ozone, AQI and spatial figures, in English, Japanese and (simplified)
 * Chinese. Kept beside the figures (not in the shared figure label table); look up with {@link ozLabel}.
 */
import { labelLookup, type Lang } from "../../figures/labels";

export const OZONE_AQI_LABELS = {
  hourOfDay: { en: "Hour of day (local)", ja: "時刻（現地時間）", zh: "小时（当地时间）" },
  mixingRatio: { en: "Mixing ratio", ja: "体積混合比", zh: "体积混合比" },
  o3NoxRatio: { en: "O3/NOx", ja: "O3/NOx 比", zh: "O3/NOx 比值" },
  series: { en: "Series", ja: "系列", zh: "系列" },
  date: { en: "Date", ja: "日付", zh: "日期" },
  aqi: { en: "AQI", ja: "AQI（大気質指数）", zh: "AQI（空气质量指数）" },
  category: { en: "Category", ja: "区分", zh: "级别" },
  longitude: { en: "Longitude (°E)", ja: "経度（°E）", zh: "经度（°E）" },
  latitude: { en: "Latitude (°N)", ja: "緯度（°N）", zh: "纬度（°N）" },
  potentialOzone: { en: "Potential ozone O3 + NO2", ja: "ポテンシャルオゾン O3 + NO2", zh: "潜在臭氧 O3 + NO2" },
  station: { en: "Station", ja: "測定局", zh: "监测站" },
  mda8: { en: "MDA8 O3", ja: "日最大8時間平均 O3", zh: "O3 日最大8小时平均" },
  diurnalOx: { en: "Mean diurnal cycle", ja: "平均日変化", zh: "平均日变化" },
} as const;

export type OzoneAqiLabelKey = keyof typeof OZONE_AQI_LABELS;

/** Text of an ozone/AQI figure label. @throws Error for an unknown key or language */
export const ozLabel: (key: OzoneAqiLabelKey, lang?: Lang) => string = labelLookup(OZONE_AQI_LABELS, "ozone/AQI");
