/**
 * China's heavy-pollution weather alert levels (重污染天气预警分级) as data, one rule set per source
 * text, with the clause quoted in each entry.
 *
 * **What was found and what was not** (searched 2026-12-03):
 * - Found: the Ministry of Environmental Protection's criteria table 《重污染天气预警分级标准》 in its
 *   presentation 重污染天气应急预案修订工作 (环境保护部, 2017-09-20), the national work plan
 *   《重污染天气预警分级标准和应急减排措施修订工作方案》(环大气〔2017〕86号) presented to the cities;
 *   reproduced at https://m.wenke99.com/p-9609601.html (a document-sharing copy: the "&gt;" signs
 *   were lost in its text extraction — it reads "预测AQI日均值200" — and its red clause is cut
 *   after "或 预测"; both are restored from the city plans below). → rule set `cn-mee-2017`.
 * - Found: a city plan revised after the 2018 guidance, in a government's own words: 忻州市生态环境局
 *   (Xinzhou Municipal Ecology and Environment Bureau), reply of 2021-03-16 quoting the
 *   忻州市重污染天气应急预案 (2020-11), https://sthjj.sxxz.gov.cn/hdjl/zxts/202103/t20210316_3610894.html;
 *   the same three levels and durations are in 呼和浩特市重污染天气应急预案 (2019修订版) §3.1,
 *   呼和浩特市人民政府 (a reproduction at http://www.lnhyxj88.com/news/301425_2.html). Its orange
 *   level has no "> 300" condition. → rule set `cn-xinzhou-2020`.
 * - NOT found: the text of 《关于推进重污染天气应急预案修订工作的指导意见》(环办大气函〔2018〕875号) itself
 *   (only citations of it in city plans), the later 《关于进一步优化重污染天气应对机制的指导意见》
 *   (环大气〔2024〕6号, cited by the 2024 牡丹江 and 贵州 drafts) and the 沈阳市重污染天气应急预案
 *   (沈政办发〔2020〕35号, cited in Shenyang's 2021 alert notices). No clause of theirs is encoded.
 *
 * All rules are on the **forecast** daily AQI (预测日AQI, HJ 633) of a city; given observed daily
 * AQI they give the alert a perfect forecast would have issued. The 2017 text adds: "AQI日均值按连续
 * 24小时（可以跨自然日）的均值计算" (the daily value may be any 24 consecutive hours, across midnight),
 * "当预测发生前后两次重污染过程，且间隔时间不足以完全清除前一次的污染过程，未达到解除预警条件时，应按
 * 一次重污染过程统计，从严启动预警" (two episodes with a gap too short to clear the first count as one,
 * at the stricter level) and that regions may adopt stricter criteria.
 */
import type { Lang } from "../../../figures/labels";

/** "Daily AQI above `above` (strictly, or ≥ with `atLeast`) on at least `days` consecutive days." */
export interface DailyAqiCondition {
  /** AQI threshold (dimensionless). */
  above: number;
  /** `true`: the condition is AQI ≥ `above` ("达到"); otherwise AQI > `above`. */
  atLeast?: boolean;
  /** Minimum number of consecutive days (1 day = 24 h). */
  days: number;
}

/** One alert level of a rule set. */
export interface CnAlertRule {
  /** Rule id, `<rule set>/<level>`. */
  id: string;
  /** Colour level. */
  level: "blue" | "yellow" | "orange" | "red";
  /** Order: 1 = lowest; the highest rank whose condition holds wins ("且未达到高级别预警条件"). */
  rank: number;
  /** Name in English, Japanese and Chinese. */
  name: Record<Lang, string>;
  /** Display colour (#rrggbb). */
  colour: string;
  /** The condition: any of the alternatives (OR), each a list of conditions that must all hold (AND). */
  when: readonly (readonly DailyAqiCondition[])[];
  /** The clause as the source words it. */
  clause: string;
}

/** A rule set: its levels and its source. */
export interface CnAlertRuleSet {
  id: string;
  /** Title of the source text. */
  title: string;
  issuer: string;
  /** Document number, where it has one. */
  number?: string;
  /** Date of the text (ISO). */
  date: string;
  url: string;
  /** How the text was obtained and what in it is restored or not verified. */
  note: string;
  /** Levels, lowest first. */
  rules: readonly CnAlertRule[];
}

const NAMES = {
  blue: { en: "Blue alert", ja: "青色警報", zh: "蓝色预警" },
  yellow: { en: "Yellow alert", ja: "黄色警報", zh: "黄色预警" },
  orange: { en: "Orange alert", ja: "橙色警報", zh: "橙色预警" },
  red: { en: "Red alert", ja: "赤色警報", zh: "红色预警" },
} as const;
const COLOURS = { blue: "#1f6fd1", yellow: "#f2c200", orange: "#ff7e00", red: "#e00000" } as const;
const RANKS = { blue: 1, yellow: 2, orange: 3, red: 4 } as const;

/** One level of rule set `set`: its id, rank, names and colour follow from the level. */
function rule(set: string, level: CnAlertRule["level"], when: CnAlertRule["when"], clause: string): CnAlertRule {
  return { id: `${set}/${level}`, level, rank: RANKS[level], name: NAMES[level], colour: COLOURS[level], when, clause };
}

/** "> 200 for 2 days" … the conditions shared by the rule sets. */
const OVER_200 = (days: number) => ({ above: 200, days });
/** Red: "> 200 for 4 days (96 h) and > 300 for 2 days (48 h)", or "达到500". */
const RED_WHEN: CnAlertRule["when"] = [
  [OVER_200(4), { above: 300, days: 2 }],
  [{ above: 500, atLeast: true, days: 1 }],
];

/**
 * Ministry of Environmental Protection, 《重污染天气预警分级标准》(2017-09-20; work plan 环大气〔2017〕86号):
 * four levels. Clauses as reproduced (">" restored):
 * - 蓝色预警 "预测AQI日均值>200，且未达到高级别预警条件"
 * - 黄色预警 "预测AQI日均值>200将持续2天（48小时）及以上，且未达到高级别预警条件"
 * - 橙色预警 "预测AQI日均值>200将持续3天（72小时）及以上，且预测AQI日均值>300，且未达到高级别预警条件"
 * - 红色预警 "预测AQI日均值>200将持续4天（96小时）及以上，且预测AQI日均值>300将持续2天（48小时）及以上，
 *   或预测[AQI日均值达到500]" (the bracket restored from the Xinzhou and Hohhot plans: "或预测AQI日均值达到500")
 */
export const CN_MEE_2017: CnAlertRuleSet = {
  id: "cn-mee-2017",
  title: "重污染天气预警分级标准（重污染天气应急预案修订工作）",
  issuer: "环境保护部 (Ministry of Environmental Protection)",
  number: "环大气〔2017〕86号 (work plan)",
  date: "2017-09-20",
  url: "https://m.wenke99.com/p-9609601.html",
  note: 'a reproduction of the ministry\'s presentation; ">" signs lost in its text are restored, the red clause is cut after "或 预测" and completed from the Xinzhou/Hohhot plans ("或预测AQI日均值达到500")',
  rules: [
    rule("cn-mee-2017", "blue", [[OVER_200(1)]], "蓝色预警：预测AQI日均值>200，且未达到高级别预警条件"),
    rule(
      "cn-mee-2017",
      "yellow",
      [[OVER_200(2)]],
      "黄色预警：预测AQI日均值>200将持续2天（48小时）及以上，且未达到高级别预警条件",
    ),
    rule(
      "cn-mee-2017",
      "orange",
      [[OVER_200(3), { above: 300, days: 1 }]],
      "橙色预警：预测AQI日均值>200将持续3天（72小时）及以上，且预测AQI日均值>300，且未达到高级别预警条件",
    ),
    rule(
      "cn-mee-2017",
      "red",
      RED_WHEN,
      "红色预警：预测AQI日均值>200将持续4天（96小时）及以上，且预测AQI日均值>300将持续2天（48小时）及以上，或预测AQI日均值达到500",
    ),
  ],
};

/**
 * 忻州市重污染天气应急预案 (2020-11), as 忻州市生态环境局 quotes it (reply of 2021-03-16), three levels:
 * - 三级预警（黄色）"预测AQI日均值>200将持续48小时及以上，且未达到高级别预警条件时"
 * - 二级预警（橙色）"预测AQI日均值>200将持续72小时及以上，且未达到高级别预警条件时"
 * - 一级预警（红色）"预测AQI日均值>200将持续96小时及以上，且预测AQI日均值>300将持续48小时及以上；或预测AQI日均值达到500"
 * The same levels and durations: 呼和浩特市重污染天气应急预案（2019修订版）§3.1.
 */
export const CN_XINZHOU_2020: CnAlertRuleSet = {
  id: "cn-xinzhou-2020",
  title: "忻州市重污染天气应急预案（忻州市生态环境局答复，2021-03-16）",
  issuer: "忻州市生态环境局 (Xinzhou Municipal Ecology and Environment Bureau)",
  date: "2021-03-16",
  url: "https://sthjj.sxxz.gov.cn/hdjl/zxts/202103/t20210316_3610894.html",
  note: "a government reply quoting the city's plan; same levels in 呼和浩特市重污染天气应急预案（2019修订版）§3.1 (http://www.lnhyxj88.com/news/301425_2.html)",
  rules: [
    rule(
      "cn-xinzhou-2020",
      "yellow",
      [[OVER_200(2)]],
      "三级预警（黄色）：预测AQI日均值>200将持续48小时及以上，且未达到高级别预警条件时",
    ),
    rule(
      "cn-xinzhou-2020",
      "orange",
      [[OVER_200(3)]],
      "二级预警（橙色）：预测AQI日均值>200将持续72小时及以上，且未达到高级别预警条件时",
    ),
    rule(
      "cn-xinzhou-2020",
      "red",
      RED_WHEN,
      "一级预警（红色）：预测AQI日均值>200将持续96小时及以上，且预测AQI日均值>300将持续48小时及以上；或预测AQI日均值达到500",
    ),
  ],
};

/** The China rule sets by id. */
export const CN_ALERT_RULE_SETS: Readonly<Record<string, CnAlertRuleSet>> = {
  [CN_MEE_2017.id]: CN_MEE_2017,
  [CN_XINZHOU_2020.id]: CN_XINZHOU_2020,
};
