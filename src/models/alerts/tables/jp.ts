/**
 * Japan's air-pollution alert rules as data: photochemical oxidant (光化学オキシダント, Ox) 注意報 /
 * 警報 / 重大緊急時警報 on hourly values in ppm, and the PM2.5 注意喚起 on hourly values in µg/m3.
 * Each entry quotes its clause and names its source.
 *
 * **Sources found** (searched 2026-12-03):
 * - 大気汚染防止法 (昭和43年法律第97号) 第23条第1項 (the prefectural governor makes the state known
 *   when pollution reaches the case the Cabinet Order sets) and 大気汚染防止法施行令 (昭和43年政令第329号)
 *   第11条・別表第五: the 中欄 (第11条第1項, 注意報) for oxidant reads "1時間値百万分の0.12以上である大気の
 *   汚染の状態になった場合" — as tabulated by 横浜市環境創造局,
 *   https://www.city.yokohama.lg.jp/kurashi/machizukuri-kankyo/kankyohozen/kansoku/kanshi_center/yogo/kijun/table5.html
 *   (the order's own text at https://www.japaneselawtranslation.go.jp/ja/laws/view/4599/ja was not
 *   read to its 別表第五; the 下欄 for oxidant was not seen in the table excerpt either).
 * - 神奈川県大気汚染緊急時措置要綱 (Kanagawa Prefecture; extract of 2017-04 at
 *   https://www.city.kawasaki.jp/300/page/0000032366.html), 別表第2 発令基準等,
 *   http://www.pref.kanagawa.jp/sys/taikikanshi/haturei/bp2.htm: 注意報 "1時間値0.12ppm以上である大気の
 *   汚染の状態になったとき", 警報 "1時間値0.24ppm以上である…", 重大緊急時警報 "1時間値0.4ppm以上である…",
 *   each "(気象条件からみて各欄の基準が継続すると認められることを条件とする)"; release (解除基準) of 警報:
 *   "発令基準以下となったにもかかわらず、なお汚染が継続すると予想されるときは注意報に切り換える" and
 *   "注意報の発令基準以下となり、その状況が継続すると認められるときは、警報、注意報ともに解除する".
 *   警報 is not in the Act: "大気汚染防止法に規定がない警報については、各都道府県が要綱等に基づき独自に
 *   定めている" (横浜市, oxalarm.html). Names of the top level differ by prefecture (重大緊急時警報
 *   Kanagawa, 重大緊急警報 Osaka, 重大警報 Mie/Hyogo/Miyagi); the 0.4 ppm threshold is the same.
 * - PM2.5: 環境省「注意喚起のための暫定的な指針」(微小粒子状物質(PM2.5)に関する専門家会合, 2013-02-27)
 *   and its 判断方法の改善 (2013-11; 第2次 2014-11). The ministry's own text was NOT read; the rule is
 *   quoted from 神奈川県「PM2.5の高濃度予報とは?」, http://www.pref.kanagawa.jp/docs/pf7/pm/p616896.html:
 *   morning "県内の一般環境大気測定局（一般局）における午前5時から午前7時までのそれぞれの1時間値の平均値
 *   からその中央値を求め、中央値が…85μg/立方メートルを超過した場合" (午前8時頃), afternoon "午前5時から
 *   正午までのそれぞれの1時間値の平均値のうち、80μg/立方メートルを超過した測定局があった場合" (午後1時頃),
 *   "朝方に注意喚起を行った場合は、そのまま予報を1日継続するため、日中の予報は行いません", and release
 *   "日付が変わるまで注意喚起は解除しません"; the ministry's table as 徳島県 reproduces it
 *   (https://tokushima-hokancenter.jp/taiki/pc/explain3): 日平均値 "70超", 5時~7時 "85超",
 *   5時~12時 "80超". Chiba (http://www.air.taiki.pref.chiba.lg.jp/k/explain8) words it the same
 *   (中央値 in the morning, 最大値 at noon); Fukuoka/Kitakyushu and Hokkaido count stations instead
 *   ("2ヶ所以上の測定局で85超"), Shimane uses "以上" — regional variants, not encoded.
 *
 * **Hour labels.** Japanese hourly values are labelled by the END of their hour (国立環境研究所,
 * https://tenbou.nies.go.jp/download/explain_values.html: "1時データ | 0時〜0時59分のデータ"), so
 * "午前5時から7時の1時間値" are the values labelled 5, 6 and 7 時 = the hours starting 04:00, 05:00
 * and 06:00 JST, and "5時から12時" the eight hours starting 04:00 … 11:00 JST.
 */
import type { Lang } from "../../../figures/labels";

/** One photochemical-oxidant alert level: hourly Ox ≥ `ppm` while conditions are expected to continue. */
export interface JpOxAlertRule {
  id: string;
  /** 1 = 注意報, 2 = 警報, 3 = 重大緊急時警報. */
  rank: number;
  /** Hourly Ox threshold in ppm (inclusive: "以上"). */
  ppm: number;
  name: Record<Lang, string>;
  /** The legal basis and the source of the clause. */
  source: string;
  url: string;
  clause: string;
}

/** The oxidant rules, lowest first (Kanagawa's 要綱 and the Cabinet Order). */
export const JP_OX_RULES: readonly JpOxAlertRule[] = [
  {
    id: "jp-ox/chuiho",
    rank: 1,
    ppm: 0.12,
    name: { en: "Photochemical oxidant advisory", ja: "光化学スモッグ注意報", zh: "光化学烟雾注意报" },
    source:
      "大気汚染防止法第23条第1項; 大気汚染防止法施行令第11条第1項・別表第五中欄 (as tabulated by 横浜市); 神奈川県大気汚染緊急時措置要綱 別表第2",
    url: "http://www.pref.kanagawa.jp/sys/taikikanshi/haturei/bp2.htm",
    clause:
      "注意報：1時間値0.12ppm以上である大気の汚染の状態になったとき（気象条件からみて各欄の基準が継続すると認められることを条件とする）",
  },
  {
    id: "jp-ox/keiho",
    rank: 2,
    ppm: 0.24,
    name: { en: "Photochemical oxidant warning", ja: "光化学スモッグ警報", zh: "光化学烟雾警报" },
    source: "神奈川県大気汚染緊急時措置要綱 別表第2 (prefectural; not in the Act)",
    url: "http://www.pref.kanagawa.jp/sys/taikikanshi/haturei/bp2.htm",
    clause:
      "警報：1時間値0.24ppm以上である大気の汚染の状態になったとき（気象条件からみて各欄の基準が継続すると認められることを条件とする）",
  },
  {
    id: "jp-ox/judai",
    rank: 3,
    ppm: 0.4,
    name: {
      en: "Photochemical oxidant emergency warning",
      ja: "光化学スモッグ重大緊急時警報",
      zh: "光化学烟雾重大紧急警报",
    },
    source:
      "神奈川県大気汚染緊急時措置要綱 別表第2; 大気汚染防止法施行令第11条第2項・別表第五下欄 (重大緊急時; the order's 下欄 text not seen)",
    url: "http://www.pref.kanagawa.jp/sys/taikikanshi/haturei/bp2.htm",
    clause:
      "重大緊急時警報：1時間値0.4ppm以上である大気の汚染の状態になったとき（気象条件からみて各欄の基準が継続すると認められることを条件とする）",
  },
];

/** A PM2.5 注意喚起 judgement: the mean of a window of hours per station, aggregated over the area's stations. */
export interface JpPm25AlertRule {
  id: string;
  /** "morning" (午前中の早めの時間帯での判断) or "noon" (午後からの活動に備えた判断). */
  judgement: "morning" | "noon";
  /** The window in Japanese hour-ending labels (時), inclusive: 5–7 or 5–12. */
  labelFrom: number;
  labelTo: number;
  /** How station means are combined over the area: the median (morning) or the maximum (noon: "超過した測定局があった場合"). */
  aggregate: "median" | "max";
  /** Threshold in µg/m3, strict ("超過", "超"). */
  above: number;
  /** The local clock hour after which the judgement can be made (end of the window) and the issue time the text names. */
  judgedAtHour: number;
  issuedAround: string;
  name: Record<Lang, string>;
  source: string;
  url: string;
  clause: string;
}

/** The daily-mean level the judgements stand for: "日平均値70μg/m3超" (µg/m3). */
export const JP_PM25_GUIDELINE_DAILY = 70;

/** The PM2.5 注意喚起 judgements (MOE provisional guideline 2013 and its 2013-11 revision, as Kanagawa applies them). */
export const JP_PM25_RULES: readonly JpPm25AlertRule[] = [
  {
    id: "jp-pm25/morning",
    judgement: "morning",
    labelFrom: 5,
    labelTo: 7,
    aggregate: "median",
    above: 85,
    judgedAtHour: 7,
    issuedAround: "08:00",
    name: { en: "PM2.5 advisory (morning)", ja: "PM2.5注意喚起（朝）", zh: "PM2.5提醒（早间）" },
    source:
      "環境省 注意喚起のための暫定的な指針 (2013-02-27, 判断方法の改善 2013-11) as applied by 神奈川県 (PM2.5の高濃度予報とは?)",
    url: "http://www.pref.kanagawa.jp/docs/pf7/pm/p616896.html",
    clause:
      "県内の一般環境大気測定局（一般局）における午前5時から午前7時までのそれぞれの1時間値の平均値からその中央値を求め、中央値が1立方メートルあたり85マイクログラム（85μg/立方メートル）を超過した場合に、その日のPM2.5の濃度が高くなるおそれがあると判断し、注意喚起を行う。",
  },
  {
    id: "jp-pm25/noon",
    judgement: "noon",
    labelFrom: 5,
    labelTo: 12,
    aggregate: "max",
    above: 80,
    judgedAtHour: 12,
    issuedAround: "13:00",
    name: { en: "PM2.5 advisory (noon)", ja: "PM2.5注意喚起（昼）", zh: "PM2.5提醒（午间）" },
    source:
      "環境省 注意喚起のための暫定的な指針の判断方法の改善 (2013-11) as applied by 神奈川県 (PM2.5の高濃度予報とは?)",
    url: "http://www.pref.kanagawa.jp/docs/pf7/pm/p616896.html",
    clause:
      "県内の一般環境大気測定局（一般局）における午前5時から正午までのそれぞれの1時間値の平均値のうち、80μg/立方メートルを超過した測定局があった場合に、その日の午後からのPM2.5の濃度が高くなるおそれがあると判断し、注意喚起を行う。",
  },
];
