import { labelLookup, type Lang } from "../../figures/labels";

/** Figure labels of the tenter-retrofit figures, in English, Japanese and (simplified) Chinese. */
export const ENERGY_LABELS = {
  sec: { en: "Specific energy consumption", ja: "原単位（比エネルギー消費）", zh: "单位产品能耗" },
  fabricClass: { en: "Fabric class", ja: "生地分類", zh: "织物类别" },
  machineGroup: { en: "Machine", ja: "機械", zh: "设备" },
  old: { en: "Old tenter", ja: "旧テンター", zh: "旧定型机" },
  new: { en: "New tenter", ja: "新テンター", zh: "新定型机" },
  production: { en: "Production per lot", ja: "ロット当たり生産量", zh: "每批产量" },
  energy: { en: "Energy per lot", ja: "ロット当たりエネルギー", zh: "每批能耗" },
  baselineLine: { en: "Baseline (old)", ja: "ベースライン（旧）", zh: "基准线（旧）" },
  reportingLine: { en: "Reporting (new)", ja: "報告期間（新）", zh: "报告期（新）" },
  savingsPct: { en: "Energy saving (%)", ja: "省エネ率 (%)", zh: "节能率 (%)" },
  estimate: { en: "Estimate", ja: "推定値", zh: "估计值" },
  allClasses: { en: "All classes", ja: "全分類", zh: "全部类别" },
  design: { en: "Design", ja: "解析手法", zh: "分析方法" },
  unpaired: {
    en: "Unpaired (ratio of totals, bootstrap)",
    ja: "非対応（総量比・ブートストラップ）",
    zh: "非配对（总量比，自助法）",
  },
  paired: { en: "Paired by article (log SEC)", ja: "品種対応（対数原単位）", zh: "按品种配对（对数单耗）" },
  regression: { en: "Regression (IPMVP Option B)", ja: "回帰（IPMVP オプション B）", zh: "回归（IPMVP 方案 B）" },
  component: { en: "Component", ja: "内訳", zh: "构成" },
  thermalRun: { en: "Thermal, running", ja: "熱・稼働中", zh: "热能·运行" },
  thermalIdle: { en: "Thermal, idle", ja: "熱・待機中", zh: "热能·待机" },
  electricRun: { en: "Electric, running", ja: "電力・稼働中", zh: "电能·运行" },
  electricIdle: { en: "Electric, idle", ja: "電力・待機中", zh: "电能·待机" },
  machinePeriod: { en: "Machine and period", ja: "機械・期間", zh: "设备·时期" },
  pollutant: { en: "Pollutant", ja: "汚染物質", zh: "污染物" },
  emissionRate: { en: "Emission rate", ja: "排出速度", zh: "排放速率" },
  inlet: { en: "Inlet (untreated)", ja: "入口（処理前）", zh: "进口（处理前）" },
  outlet: { en: "Outlet (treated)", ja: "出口（処理後）", zh: "出口（处理后）" },
  side: { en: "Side", ja: "測定位置", zh: "位置" },
  annual: { en: "Annual amount", ja: "年間量", zh: "年排放量" },
  without: { en: "Without project", ja: "事業なし", zh: "无项目" },
  with: { en: "With project", ja: "事業あり", zh: "有项目" },
  item: { en: "Item", ja: "項目", zh: "项目" },
  before: { en: "before", ja: "導入前", zh: "改造前" },
  after: { en: "after", ja: "導入後", zh: "改造后" },
} as const;

/** A key of {@link ENERGY_LABELS}. */
export type EnergyLabelKey = keyof typeof ENERGY_LABELS;

/** Text of an energy-figure label in a language. */
export const energyLabel: (key: EnergyLabelKey, lang?: Lang) => string = labelLookup(ENERGY_LABELS, "energy");
