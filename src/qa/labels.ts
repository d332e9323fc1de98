import { labelLookup, type Lang } from "../figures/labels";

/** Figure words of the composition QA and inter-laboratory comparison, en/ja/zh. */
export const QA_LABELS = {
  sample: { en: "Sample", ja: "試料", zh: "样品" },
  species: { en: "Species", ja: "成分", zh: "组分" },
  campaign: { en: "Campaign", ja: "観測キャンペーン", zh: "观测批次" },
  component: { en: "Component", ja: "成分グループ", zh: "组分类别" },
  concentration: { en: "Concentration", ja: "濃度", zh: "浓度" },
  measuredMass: { en: "Measured PM2.5 mass", ja: "PM2.5 秤量値", zh: "PM2.5 称量质量" },
  reconstructedMass: { en: "Reconstructed mass", ja: "再構成質量", zh: "重构质量" },
  cations: { en: "Cation equivalents", ja: "陽イオン当量", zh: "阳离子当量" },
  anions: { en: "Anion equivalents", ja: "陰イオン当量", zh: "阴离子当量" },
  oneToOne: { en: "1:1", ja: "1:1", zh: "1:1" },
  meanOfLabs: { en: "Mean of the two labs", ja: "2機関の平均", zh: "两实验室均值" },
  difference: { en: "Difference (B − A)", ja: "差 (B − A)", zh: "差值 (B − A)" },
  relativeDifference: { en: "Relative difference (B − A)/mean", ja: "相対差 (B − A)/平均", zh: "相对差 (B − A)/均值" },
  bias: { en: "Bias", ja: "バイアス", zh: "偏差" },
  limitsOfAgreement: { en: "Limits of agreement", ja: "一致限界", zh: "一致性界限" },
  labA: { en: "Lab A", ja: "機関 A", zh: "实验室 A" },
  labB: { en: "Lab B", ja: "機関 B", zh: "实验室 B" },
  line: { en: "Line", ja: "直線", zh: "直线" },
  deming: { en: "Deming", ja: "Deming 回帰", zh: "Deming 回归" },
  passingBablok: { en: "Passing–Bablok", ja: "Passing–Bablok 回帰", zh: "Passing–Bablok 回归" },
  zScore: { en: "z-score", ja: "z スコア", zh: "z 值" },
  performance: { en: "Performance", ja: "評価", zh: "评价" },
  satisfactory: { en: "satisfactory", ja: "満足", zh: "满意" },
  questionable: { en: "questionable", ja: "疑わしい", zh: "可疑" },
  unsatisfactory: { en: "unsatisfactory", ja: "不満足", zh: "不满意" },
  completeness: { en: "Completeness (%)", ja: "データ取得率 (%)", zh: "数据完整率 (%)" },
  // mass-closure components
  ammoniumSulfate: { en: "Ammonium sulfate", ja: "硫酸アンモニウム", zh: "硫酸铵" },
  ammoniumNitrate: { en: "Ammonium nitrate", ja: "硝酸アンモニウム", zh: "硝酸铵" },
  sulfate: { en: "Sulfate", ja: "硫酸イオン", zh: "硫酸盐" },
  nitrate: { en: "Nitrate", ja: "硝酸イオン", zh: "硝酸盐" },
  ammonium: { en: "Ammonium", ja: "アンモニウムイオン", zh: "铵盐" },
  organicMatter: { en: "Organic matter", ja: "有機物", zh: "有机物" },
  elementalCarbon: { en: "Elemental carbon", ja: "元素状炭素", zh: "元素碳" },
  soil: { en: "Soil", ja: "土壌", zh: "土壤尘" },
  mineralDust: { en: "Mineral dust", ja: "鉱物粒子", zh: "矿物尘" },
  seaSalt: { en: "Sea salt", ja: "海塩", zh: "海盐" },
  traceElements: { en: "Trace elements", ja: "微量元素", zh: "微量元素" },
} as const satisfies Record<string, Record<Lang, string>>;

/** Look up a QA figure word; unknown keys (e.g. user components) are returned as they are. */
export const qaLabel: (key: string, lang?: Lang) => string = labelLookup(QA_LABELS, "QA", (key) => key);
