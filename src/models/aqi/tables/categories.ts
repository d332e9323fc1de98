/**
 * AQI categories with their official colours and names.
 *
 * China: HJ 633-2012 Table 2 / HJ 633-2026 (same six levels and RGB colours): 0–50 优 green
 * (0,228,0), 51–100 良 yellow (255,255,0), 101–150 轻度污染 orange (255,126,0), 151–200 中度污染
 * red (255,0,0), 201–300 重度污染 purple (153,0,76), > 300 严重污染 maroon (126,0,35).
 * US: EPA-454/B-24-002 Table 1: Good green (0,228,0), Moderate yellow (255,255,0), Unhealthy for
 * Sensitive Groups orange (255,126,0), Unhealthy red (255,0,0), Very Unhealthy purple
 * (143,63,151), Hazardous maroon (126,0,35).
 */
import type { Lang } from "../../../figures/labels";

/** One AQI category. */
export interface AqiCategory {
  /** 1..6. */
  level: number;
  /** Lowest and highest AQI of the category (integers). */
  lo: number;
  hi: number;
  /** Official colour as `#rrggbb`. */
  colour: string;
  /** Category name per language (the official Chinese or English name; Japanese a translation). */
  name: Record<Lang, string>;
}

export const CN_AQI_CATEGORIES: readonly AqiCategory[] = [
  { level: 1, lo: 0, hi: 50, colour: "#00e400", name: { en: "Excellent", ja: "優", zh: "优" } },
  { level: 2, lo: 51, hi: 100, colour: "#ffff00", name: { en: "Good", ja: "良", zh: "良" } },
  { level: 3, lo: 101, hi: 150, colour: "#ff7e00", name: { en: "Lightly polluted", ja: "軽度汚染", zh: "轻度污染" } },
  {
    level: 4,
    lo: 151,
    hi: 200,
    colour: "#ff0000",
    name: { en: "Moderately polluted", ja: "中度汚染", zh: "中度污染" },
  },
  { level: 5, lo: 201, hi: 300, colour: "#99004c", name: { en: "Heavily polluted", ja: "重度汚染", zh: "重度污染" } },
  {
    level: 6,
    lo: 301,
    hi: Infinity,
    colour: "#7e0023",
    name: { en: "Severely polluted", ja: "深刻な汚染", zh: "严重污染" },
  },
];

export const US_AQI_CATEGORIES: readonly AqiCategory[] = [
  { level: 1, lo: 0, hi: 50, colour: "#00e400", name: { en: "Good", ja: "良好", zh: "优" } },
  { level: 2, lo: 51, hi: 100, colour: "#ffff00", name: { en: "Moderate", ja: "普通", zh: "中等" } },
  {
    level: 3,
    lo: 101,
    hi: 150,
    colour: "#ff7e00",
    name: { en: "Unhealthy for Sensitive Groups", ja: "敏感な人に有害", zh: "对敏感人群不健康" },
  },
  { level: 4, lo: 151, hi: 200, colour: "#ff0000", name: { en: "Unhealthy", ja: "有害", zh: "不健康" } },
  { level: 5, lo: 201, hi: 300, colour: "#8f3f97", name: { en: "Very Unhealthy", ja: "非常に有害", zh: "非常不健康" } },
  { level: 6, lo: 301, hi: Infinity, colour: "#7e0023", name: { en: "Hazardous", ja: "危険", zh: "危险" } },
];

/** The category of an integer AQI (NaN → undefined). */
export function aqiCategory(aqi: number, categories: readonly AqiCategory[]): AqiCategory | undefined {
  if (!Number.isFinite(aqi)) return undefined;
  return categories.find((c) => aqi <= c.hi) ?? categories[categories.length - 1];
}
