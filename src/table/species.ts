/**
 * Species-name normalisation. Real headers spell one species many ways (`PM25`, `PM2.5`,
 * `pm2_5`, `SO4`, `SO42-`, `Sulfate`, `M_P Xylene`, `m/p-xylene`); aozora gives each column one
 * canonical name and keeps the original header beside it.
 *
 * The table is deliberately conservative: a header it does not know keeps its own text
 * (trimmed), never a guess.
 */
import { headerKey } from "./header";

/** Canonical name → spellings (compared after {@link speciesKey}). */
const CANONICAL: Record<string, string[]> = {
  "PM2.5": ["pm2.5", "pm25", "pm2_5", "pm 2.5", "fpm", "微小粒子状物質", "細颗粒物", "细颗粒物"],
  PM10: ["pm10", "pm 10", "可吸入颗粒物"],
  SPM: ["spm", "浮遊粒子状物質"],
  "SO4 2-": ["so4", "so42-", "so4 2-", "so4=", "so4--", "sulfate", "sulphate", "硫酸塩", "硫酸根", "硫酸盐"],
  "NO3 -": ["no3", "no3-", "no3 -", "nitrate", "硝酸塩", "硝酸根", "硝酸盐"],
  "NH4 +": ["nh4", "nh4+", "nh4 +", "ammonium", "アンモニウム", "铵", "铵根"],
  "Cl -": ["cl-", "chloride", "塩化物イオン", "氯离子"],
  OC: ["oc", "organic carbon", "有機炭素", "有机碳"],
  EC: ["ec", "elemental carbon", "元素状炭素", "元素碳"],
  SO2: ["so2", "sulfur dioxide", "二酸化硫黄", "二氧化硫"],
  NO2: ["no2", "nitrogen dioxide", "二酸化窒素", "二氧化氮"],
  NO: ["no", "nitric oxide", "一酸化窒素", "一氧化氮"],
  NOx: ["nox", "窒素酸化物", "氮氧化物"],
  O3: ["o3", "ozone", "オゾン", "臭氧"],
  Ox: ["ox", "光化学オキシダント", "oxidant"],
  CO: ["co", "carbon monoxide", "一酸化炭素", "一氧化碳"],
  "m,p-xylene": [
    "m,p-xylene",
    "m/p-xylene",
    "m_p xylene",
    "mp-xylene",
    "m+p-xylene",
    "m,p-二甲苯",
    "间/对二甲苯",
    "间,对-二甲苯",
  ],
  "o-xylene": ["o-xylene", "o xylene", "邻二甲苯", "o-二甲苯"],
  TNMOC: ["tnmoc"],
  TVOC: ["tvoc"],
  NMHC: ["nmhc", "非メタン炭化水素", "非甲烷总烃"],
  WS: ["ws", "wind speed", "wind", "風速", "风速"],
  WD: ["wd", "wind direction", "wind dir", "風向", "风向"],
  TEMP: ["temp", "temperature", "at", "気温", "温度", "气温"],
  RH: ["rh", "relative humidity", "湿度", "相対湿度", "相对湿度"],
};

/** Comparison key: lower case, full-width → half-width, spaces/underscores folded ({@link headerKey}). */
export function speciesKey(s: string): string {
  return headerKey(s);
}

const LOOKUP = new Map<string, string>();
for (const [canon, spellings] of Object.entries(CANONICAL)) {
  LOOKUP.set(speciesKey(canon), canon);
  for (const s of spellings) LOOKUP.set(speciesKey(s), canon);
}

/** Canonical species name for a header name (without unit), or the trimmed input if unknown. */
export function normaliseSpecies(name: string): string {
  const key = speciesKey(name);
  return LOOKUP.get(key) ?? LOOKUP.get(key.replace(/ /g, "")) ?? name.trim();
}

/** All canonical names known to the normaliser. */
export function knownSpecies(): string[] {
  return Object.keys(CANONICAL);
}
