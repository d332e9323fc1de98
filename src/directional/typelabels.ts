/**
 * en/ja/zh names of the levels of openair's fixed conditioning types ({@link cutData}): months,
 * weekdays, seasons, weekday/weekend, daylight/nighttime, wind sectors, and the composed labels
 * (month-year, season-year, the default date range, quantile classes).
 */

import type { Lang } from "../figures/labels";
import { CALENDAR_MONTHS } from "../figures/calendar";
import { OPENAIR_MONTHS, OPENAIR_SEASONS, OPENAIR_WEEKDAYS, OPENAIR_WD_SECTORS, type CutKind } from "./cutdata";

/** Weekday names, Sunday first (openair's order of {@link OPENAIR_WEEKDAYS}). */
const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  en: OPENAIR_WEEKDAYS,
  ja: ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"],
  zh: ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
};

/** Season names by openair label (both hemispheres' labels: the months are in the label). */
const SEASON_WORD: Record<string, Record<Lang, string>> = {
  spring: { en: "spring", ja: "春", zh: "春季" },
  summer: { en: "summer", ja: "夏", zh: "夏季" },
  autumn: { en: "autumn", ja: "秋", zh: "秋季" },
  winter: { en: "winter", ja: "冬", zh: "冬季" },
};
const SEASON_MONTHS: Record<string, string> = { DJF: "12–2月", MAM: "3–5月", JJA: "6–8月", SON: "9–11月" };

/** Wind sectors N … NW in Japanese and Chinese compass words. */
const SECTOR_NAMES: Record<Lang, readonly string[]> = {
  en: OPENAIR_WD_SECTORS,
  ja: ["北", "北東", "東", "南東", "南", "南西", "西", "北西"],
  zh: ["北", "东北", "东", "东南", "南", "西南", "西", "西北"],
};

const FIXED: Record<string, Record<Lang, string>> = {
  weekday: { en: "weekday", ja: "平日", zh: "工作日" },
  weekend: { en: "weekend", ja: "週末", zh: "周末" },
  daylight: { en: "daylight", ja: "昼間", zh: "白天" },
  nighttime: { en: "nighttime", ja: "夜間", zh: "夜间" },
  "all data": { en: "all data", ja: "全データ", zh: "全部数据" },
};

function season(label: string, lang: Lang): string {
  const m = /^(\w+) \((\w+)\)$/.exec(label);
  if (!m || !SEASON_WORD[m[1]]) return label;
  return lang === "en" ? label : `${SEASON_WORD[m[1]][lang]} (${SEASON_MONTHS[m[2]] ?? m[2]})`;
}

/**
 * A level of {@link cutData} in a figure language: the fixed types' levels translated (e.g.
 * "winter (DJF)" → "冬 (12–2月)" / "冬季 (12–2月)", "Monday" → "月曜日" / "星期一", "NE" → "北東" /
 * "东北", "January 2025" → "2025年1月"); years, hours and quantile classes unchanged except the
 * range word ("pm25 2.4 to 13.5" → "pm25 2.4～13.5"). English returns openair's label.
 *
 * @param kind the level family (`CutResult.kind` / `ByTypeResult.kind`)
 * @param level the openair label
 */
export function typeLevelLabel(kind: CutKind, level: string, lang: Lang = "en"): string {
  if (lang === "en") return level;
  const month = (name: string) => {
    // full names, or openair's axis abbreviations ("Jan")
    const k = OPENAIR_MONTHS.findIndex((m) => m === name || (name.length === 3 && m.startsWith(name)));
    return k >= 0 ? CALENDAR_MONTHS[lang][k] : name;
  };
  switch (kind) {
    case "month":
      return month(level);
    case "weekday": {
      const k = OPENAIR_WEEKDAYS.indexOf(level as (typeof OPENAIR_WEEKDAYS)[number]);
      return k >= 0 ? WEEKDAY_NAMES[lang][k] : level;
    }
    case "season":
      return season(level, lang);
    case "wd": {
      const k = OPENAIR_WD_SECTORS.indexOf(level as (typeof OPENAIR_WD_SECTORS)[number]);
      return k >= 0 ? SECTOR_NAMES[lang][k] : level;
    }
    case "weekend":
    case "daylight":
      return FIXED[level]?.[lang] ?? level;
    case "monthyear": {
      const m = /^(\w+) (\d{4})$/.exec(level);
      return m ? `${m[2]}年${month(m[1])}` : level;
    }
    case "seasonyear": {
      const m = /^(.*) - (\d{4})$/.exec(level);
      return m ? `${m[2]}年 ${season(m[1], lang)}` : level;
    }
    case "hour":
      return lang === "ja" ? `${Number(level)}時` : `${Number(level)}时`;
    case "default": {
      if (FIXED[level]) return FIXED[level][lang];
      const m = /^(\d{2}) (\w+) (\d{4}) to (\d{2}) (\w+) (\d{4})$/.exec(level);
      if (!m) return level;
      const d = (dd: string, mm: string, yy: string) =>
        `${yy}年${OPENAIR_MONTHS.indexOf(mm as (typeof OPENAIR_MONTHS)[number]) + 1}月${Number(dd)}日`;
      return `${d(m[1], m[2], m[3])}${lang === "ja" ? "～" : "至"}${d(m[4], m[5], m[6])}`;
    }
    case "quantile":
      return level.replace(" to ", lang === "ja" ? "～" : "–");
    default:
      return level;
  }
}

/** openair's seasons of a hemisphere in openair's level order, translated (see {@link typeLevelLabel}). */
export function seasonLevels(hemisphere: "northern" | "southern", lang: Lang = "en"): string[] {
  return OPENAIR_SEASONS[hemisphere].map((s) => typeLevelLabel("season", s.label, lang));
}
