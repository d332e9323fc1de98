/**
 * Names shown in figures — pollutants and species, source (factor) names, sites and labs — in
 * English, Japanese and Chinese (simplified), where the registry knows them. A name the
 * registry does not know is the user's own and passes through unchanged.
 *
 * Pollutants are recognised through the species normaliser (src/table/species.ts), so every
 * spelling it knows (`SO2`, `sulfur dioxide`, `二酸化硫黄`, `二氧化硫`; `SO4`, `SO42-`, `sulfate`,
 * `硫酸盐`) gets the same label. Gases are named in words in Japanese and Chinese (二酸化硫黄 /
 * 二氧化硫, as in the Japanese environmental quality standards and HJ 633) and by formula in
 * English; particulate species keep their formula in every language (SO₄²⁻, PM2.5, OC).
 */
import { normaliseSpecies, speciesKey } from "../table/species";
import { isLang, LANGS, type Lang } from "./labels";

/** One name in the three figure languages. */
export type NameRow = Record<Lang, string>;

/** Pollutant and species labels, keyed by the canonical name of the species normaliser. */
export const POLLUTANT_NAMES: Record<string, NameRow> = {
  "PM2.5": { en: "PM2.5", ja: "PM2.5", zh: "PM2.5" },
  PM10: { en: "PM10", ja: "PM10", zh: "PM10" },
  SPM: { en: "SPM", ja: "浮遊粒子状物質 (SPM)", zh: "悬浮颗粒物 (SPM)" },
  SO2: { en: "SO₂", ja: "二酸化硫黄", zh: "二氧化硫" },
  NO2: { en: "NO₂", ja: "二酸化窒素", zh: "二氧化氮" },
  NO: { en: "NO", ja: "一酸化窒素", zh: "一氧化氮" },
  NOx: { en: "NOₓ", ja: "窒素酸化物", zh: "氮氧化物" },
  O3: { en: "O₃", ja: "オゾン", zh: "臭氧" },
  Ox: { en: "Ox", ja: "光化学オキシダント", zh: "光化学氧化剂" },
  CO: { en: "CO", ja: "一酸化炭素", zh: "一氧化碳" },
  "SO4 2-": { en: "SO₄²⁻", ja: "SO₄²⁻", zh: "SO₄²⁻" },
  "NO3 -": { en: "NO₃⁻", ja: "NO₃⁻", zh: "NO₃⁻" },
  "NH4 +": { en: "NH₄⁺", ja: "NH₄⁺", zh: "NH₄⁺" },
  "Cl -": { en: "Cl⁻", ja: "Cl⁻", zh: "Cl⁻" },
  "Na+": { en: "Na⁺", ja: "Na⁺", zh: "Na⁺" },
  "K+": { en: "K⁺", ja: "K⁺", zh: "K⁺" },
  "Mg2+": { en: "Mg²⁺", ja: "Mg²⁺", zh: "Mg²⁺" },
  "Ca2+": { en: "Ca²⁺", ja: "Ca²⁺", zh: "Ca²⁺" },
  OC: { en: "OC", ja: "OC", zh: "OC" },
  EC: { en: "EC", ja: "EC", zh: "EC" },
};

/**
 * Elements of the PM composition tables (XRF / ICP-MS), with their English, Japanese and Chinese
 * names. Figures show the IUPAC symbol in every language (as PMF and XRF tables in Japanese and
 * Chinese do); the names are recognised as spellings of the element, so a column `titanium`,
 * `チタン` or `钛` is labelled `Ti`. Element names are the standard ones of each language.
 */
export const ELEMENT_NAMES: Record<string, NameRow> = {
  Na: { en: "sodium", ja: "ナトリウム", zh: "钠" },
  Mg: { en: "magnesium", ja: "マグネシウム", zh: "镁" },
  Al: { en: "aluminium", ja: "アルミニウム", zh: "铝" },
  Si: { en: "silicon", ja: "ケイ素", zh: "硅" },
  P: { en: "phosphorus", ja: "リン", zh: "磷" },
  S: { en: "sulfur", ja: "硫黄", zh: "硫" },
  Cl: { en: "chlorine", ja: "塩素", zh: "氯" },
  K: { en: "potassium", ja: "カリウム", zh: "钾" },
  Ca: { en: "calcium", ja: "カルシウム", zh: "钙" },
  Ti: { en: "titanium", ja: "チタン", zh: "钛" },
  V: { en: "vanadium", ja: "バナジウム", zh: "钒" },
  Cr: { en: "chromium", ja: "クロム", zh: "铬" },
  Mn: { en: "manganese", ja: "マンガン", zh: "锰" },
  Fe: { en: "iron", ja: "鉄", zh: "铁" },
  Co: { en: "cobalt", ja: "コバルト", zh: "钴" },
  Ni: { en: "nickel", ja: "ニッケル", zh: "镍" },
  Cu: { en: "copper", ja: "銅", zh: "铜" },
  Zn: { en: "zinc", ja: "亜鉛", zh: "锌" },
  As: { en: "arsenic", ja: "ヒ素", zh: "砷" },
  Se: { en: "selenium", ja: "セレン", zh: "硒" },
  Br: { en: "bromine", ja: "臭素", zh: "溴" },
  Sr: { en: "strontium", ja: "ストロンチウム", zh: "锶" },
  Cd: { en: "cadmium", ja: "カドミウム", zh: "镉" },
  Sb: { en: "antimony", ja: "アンチモン", zh: "锑" },
  Ba: { en: "barium", ja: "バリウム", zh: "钡" },
  Pb: { en: "lead", ja: "鉛", zh: "铅" },
  Hg: { en: "mercury", ja: "水銀", zh: "汞" },
};

/** Source (PMF factor) names, with further spellings that mean the same source. */
export const SOURCE_NAMES: Record<string, NameRow & { aliases?: string[] }> = {
  soil: { en: "soil", ja: "土壌", zh: "土壤", aliases: ["soil dust", "crustal"] },
  dust: { en: "dust", ja: "黄砂", zh: "沙尘", aliases: ["desert dust", "asian dust"] },
  "road dust": { en: "road dust", ja: "道路粉じん", zh: "道路扬尘" },
  "coal combustion": { en: "coal combustion", ja: "石炭燃焼", zh: "燃煤", aliases: ["coal", "coal burning"] },
  vehicles: { en: "vehicles", ja: "自動車", zh: "机动车", aliases: ["vehicle", "vehicle exhaust", "motor vehicles"] },
  traffic: { en: "traffic", ja: "交通", zh: "交通" },
  "biomass burning": { en: "biomass burning", ja: "バイオマス燃焼", zh: "生物质燃烧" },
  "secondary sulfate": { en: "secondary sulfate", ja: "二次硫酸塩", zh: "二次硫酸盐", aliases: ["secondary sulphate"] },
  "secondary nitrate": { en: "secondary nitrate", ja: "二次硝酸塩", zh: "二次硝酸盐" },
  industry: { en: "industry", ja: "産業", zh: "工业", aliases: ["industrial"] },
  steel: { en: "steel", ja: "鉄鋼", zh: "钢铁", aliases: ["steel works", "steel industry"] },
  shipping: { en: "shipping", ja: "船舶", zh: "船舶", aliases: ["ships"] },
  "sea salt": { en: "sea salt", ja: "海塩", zh: "海盐" },
};

/** Site and place names of the project's areas. */
export const SITE_NAMES: Record<string, NameRow> = {
  Kawasaki: { en: "Kawasaki", ja: "川崎", zh: "川崎" },
  Fukuoka: { en: "Fukuoka", ja: "福岡", zh: "福冈" },
  Shenyang: { en: "Shenyang", ja: "瀋陽", zh: "沈阳" },
  Shanghai: { en: "Shanghai", ja: "上海", zh: "上海" },
  Xiamen: { en: "Xiamen", ja: "廈門", zh: "厦门" },
  "Xi'an": { en: "Xi'an", ja: "西安", zh: "西安" },
  Changshu: { en: "Changshu", ja: "常熟", zh: "常熟" },
  Jiangsu: { en: "Jiangsu", ja: "江蘇", zh: "江苏" },
};

/** Lab names: "<site> lab" in each language. */
const LAB_SUFFIX: NameRow = { en: " lab", ja: "ラボ", zh: "实验室" };

function fold(s: string): string {
  return speciesKey(s).replace(/ /g, "");
}

const SOURCE_LOOKUP = new Map<string, NameRow>();
for (const row of Object.values(SOURCE_NAMES))
  for (const s of [...LANGS.map((l) => row[l]), ...(row.aliases ?? [])]) SOURCE_LOOKUP.set(fold(s), row);
const SITE_LOOKUP = new Map<string, NameRow>();
for (const row of Object.values(SITE_NAMES)) for (const l of LANGS) SITE_LOOKUP.set(fold(row[l]), row);
const ELEMENT_LOOKUP = new Map<string, NameRow>();
for (const [symbol, names] of Object.entries(ELEMENT_NAMES)) {
  const row = { en: symbol, ja: symbol, zh: symbol };
  for (const s of [symbol, ...LANGS.map((l) => names[l]), ...(symbol === "Al" ? ["aluminum"] : [])])
    ELEMENT_LOOKUP.set(fold(s), row);
}
const POLLUTANT_LOOKUP = new Map<string, NameRow>();
for (const row of Object.values(POLLUTANT_NAMES)) for (const l of LANGS) POLLUTANT_LOOKUP.set(fold(row[l]), row);

/** The registry row of a name (pollutant, source, site or "<site> lab"), or undefined. */
function rowOf(name: string): NameRow | undefined {
  const key = fold(name);
  const src = SOURCE_LOOKUP.get(key) ?? SITE_LOOKUP.get(key);
  if (src) return src;
  const pol = POLLUTANT_NAMES[normaliseSpecies(name)] ?? POLLUTANT_LOOKUP.get(key);
  if (pol) return pol;
  const el = ELEMENT_LOOKUP.get(key);
  if (el) return el;
  const lab = /^(.+?)(?:\s*lab(?:oratory)?|\s*ラボ|\s*实验室)$/i.exec(name.trim());
  const site = lab ? SITE_LOOKUP.get(fold(lab[1])) : undefined;
  if (site) return { en: site.en + LAB_SUFFIX.en, ja: site.ja + LAB_SUFFIX.ja, zh: site.zh + LAB_SUFFIX.zh };
  return undefined;
}

/**
 * The label of a name in a figure language: pollutants and species (`SO2` → ja 二酸化硫黄,
 * zh 二氧化硫; `sulfate` → SO₄²⁻), source / factor names (`secondary sulfate` → ja 二次硫酸塩,
 * zh 二次硫酸盐), sites (`Shenyang` → ja 瀋陽, zh 沈阳) and "<site> lab" names (`Kawasaki lab` →
 * ja 川崎ラボ); elements by their symbol in every language (`titanium`, `チタン`, `钛` → `Ti`;
 * {@link ELEMENT_NAMES}). A label in any of the three languages is recognised too, so labels convert
 * between languages; an English source name keeps its own spelling in English (`coal` stays
 * `coal`, and is 石炭燃焼 / 燃煤 in Japanese / Chinese). A name the registry does not know is
 * returned unchanged.
 *
 * @param name a pollutant, species, source, site or lab name as the user or the data gives it
 * @param lang `"en"` (default), `"ja"` or `"zh"`
 * @throws Error naming the language when it is not supported
 */
export function nameLabel(name: string, lang: Lang = "en"): string {
  if (!isLang(lang)) throw new Error(`Unknown figure language "${String(lang)}" (use ${LANGS.join(", ")})`);
  const row = rowOf(name);
  if (!row) return name;
  // an English source name keeps its spelling in English figures ("coal", "vehicle exhaust")
  if (
    lang === "en" &&
    SOURCE_LOOKUP.get(fold(name)) === row &&
    fold(name) !== fold(row.ja) &&
    fold(name) !== fold(row.zh)
  )
    return name;
  return row[lang];
}

/**
 * {@link nameLabel} of every name of a list (factor names, species of an axis, series). When
 * two different names would get the same label (e.g. `SO4` and `SO4 2-` in one table), the list
 * keeps the names as given, so that no two categories of a figure merge.
 *
 * @param names names in figure order
 * @param lang `"en"` (default), `"ja"` or `"zh"`
 * @throws Error naming the language when it is not supported
 */
export function nameLabels(names: readonly string[], lang: Lang = "en"): string[] {
  const out = names.map((n) => nameLabel(n, lang));
  return new Set(out).size === new Set(names).size ? out : names.slice();
}
