/**
 * Axis, legend and title words used by the figures, in English, Japanese and Chinese
 * (simplified). One row per key; add a key by adding a row with all three languages.
 */

/** Figure language: English, Japanese, or (simplified) Chinese. */
export type Lang = "en" | "ja" | "zh";

/** The figure languages, in a fixed order. */
export const LANGS: readonly Lang[] = ["en", "ja", "zh"];

/**
 * Label dictionary: key → text per language. A plain data table so that translators can edit
 * it without touching code; every row must carry all three languages.
 */
export const LABELS = {
  time: { en: "Time", ja: "時刻", zh: "时间" },
  concentration: { en: "Concentration", ja: "濃度", zh: "浓度" },
  species: { en: "Species", ja: "成分", zh: "组分" },
  value: { en: "Value", ja: "値", zh: "数值" },
  hourOfDay: { en: "Hour of day", ja: "時間帯", zh: "小时" },
  windSpeed: { en: "Wind speed", ja: "風速", zh: "风速" },
  windDirection: { en: "Wind direction", ja: "風向", zh: "风向" },
  // source apportionment (PMF) figures
  factor: { en: "Factor", ja: "因子", zh: "因子" },
  profile: { en: "Factor profile", ja: "因子プロファイル", zh: "因子谱" },
  percentOfSpecies: { en: "% of species total", ja: "成分総量に対する割合 (%)", zh: "占组分总量的百分比 (%)" },
  percentOfFactorTotal: { en: "% of factor total", ja: "因子合計に対する割合 (%)", zh: "占因子总量的百分比 (%)" },
  contribution: { en: "Contribution", ja: "寄与濃度", zh: "贡献浓度" },
  normalisedContribution: { en: "Normalised contribution", ja: "規格化寄与", zh: "归一化贡献" },
  scaledResidual: { en: "Scaled residual", ja: "スケール化残差", zh: "标准化残差" },
  observed: { en: "Observed", ja: "観測値", zh: "观测值" },
  predicted: { en: "Predicted", ja: "予測値", zh: "预测值" },
  numberOfFactors: { en: "Number of factors", ja: "因子数", zh: "因子数" },
  qOverQexp: { en: "Q(robust)/Q(exp)", ja: "Q(robust)/Q(exp)", zh: "Q(robust)/Q(exp)" },
  sample: { en: "Sample", ja: "試料", zh: "样品" },
  pmfProgram: { en: "PMF program", ja: "PMF プログラム", zh: "PMF 程序" },
  // PMF error estimation and rotations (bootstrap, DISP, BS-DISP, Fpeak, constraints)
  errorInterval: { en: "Error interval", ja: "誤差範囲", zh: "误差范围" },
  dQmax: { en: "dQmax", ja: "dQmax（Q の許容増分）", zh: "dQmax（Q 的允许增量）" },
  factorSwaps: { en: "Factor swaps", ja: "因子の入れ替わり回数", zh: "因子交换次数" },
  fpeakStrength: { en: "Fpeak strength", ja: "Fpeak 強度", zh: "Fpeak 强度" },
  dQ: { en: "dQ (increase of Q)", ja: "dQ（Q の増加量）", zh: "dQ（Q 的增量）" },
  dQPct: { en: "dQ (% of base Q)", ja: "dQ（ベース Q に対する %）", zh: "dQ（占基础 Q 的 %）" },
  solution: { en: "Solution", ja: "解", zh: "解" },
  baseRun: { en: "Base run", ja: "ベースラン", zh: "基础运行" },
  constrained: { en: "Constrained", ja: "制約付き解", zh: "约束解" },
  site: { en: "Site", ja: "地点", zh: "站点" },
} as const satisfies Record<string, Record<Lang, string>>;

/** A key of {@link LABELS}. */
export type LabelKey = keyof typeof LABELS;

/** True when `lang` is one of the supported figure languages. */
export function isLang(lang: unknown): lang is Lang {
  return typeof lang === "string" && (LANGS as readonly string[]).includes(lang);
}

/**
 * Look up the text of a label key in one language.
 *
 * @param key  a key of {@link LABELS}, e.g. `"concentration"`
 * @param lang `"en"` (default), `"ja"` or `"zh"`
 * @returns the label text, e.g. `label("concentration", "ja")` → `"濃度"`
 * @throws Error naming the key when the key is unknown, or naming the language when it is not supported
 */
export function label(key: LabelKey | (string & {}), lang: Lang = "en"): string {
  if (!Object.prototype.hasOwnProperty.call(LABELS, key)) {
    throw new RangeError(`Unknown figure label key "${key}" (known keys: ${Object.keys(LABELS).join(", ")})`);
  }
  if (!isLang(lang)) throw new RangeError(`Unknown figure language "${String(lang)}" (use ${LANGS.join(", ")})`);
  return LABELS[key as LabelKey][lang];
}

/**
 * A label lookup over an area's own en/ja/zh table (e.g. the ozone/AQI or energy figure words):
 * `(key, lang) → text`. An unknown language is an error; an unknown key goes to `fallback` when
 * given (e.g. the library's common {@link label}), else is an error naming the table.
 *
 * @param table key → text per language (every row carries all three languages)
 * @param area  the table's name, for error messages (e.g. "ozone/AQI")
 * @throws {RangeError} when the language or a label key is unknown
 */
export function labelLookup<K extends string>(
  table: Record<K, Record<Lang, string>>,
  area: string,
  fallback?: (key: string, lang: Lang) => string,
): (key: K | (string & {}), lang?: Lang) => string {
  return (key, lang = "en") => {
    if (!isLang(lang)) throw new RangeError(`Unknown figure language "${String(lang)}" (use ${LANGS.join(", ")})`);
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key as K][lang];
    if (fallback) return fallback(key, lang);
    throw new RangeError(`Unknown ${area} label key "${key}" (known keys: ${Object.keys(table).join(", ")})`);
  };
}
