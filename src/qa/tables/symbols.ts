/**
 * Formula symbols of the composition QA and the column spellings they match. A symbol is matched
 * to a table column by comparing compact keys (NFKC, lower case, spaces/underscores removed) with
 * the column's name and its original header (without unit). Ions and elements are distinct:
 * `Ca` is calcium by XRF/ICP, `Ca_ion` is Ca2+ by ion chromatography.
 */
export const SYMBOL_ALIASES: Record<string, string[]> = {
  PM25: ["pm2.5", "pm25", "pm2_5", "mass", "pm2.5mass", "pmmass", "質量濃度", "质量浓度"],
  SO4: ["so42-", "so4", "so4=", "sulfate", "sulphate", "硫酸塩", "硫酸根", "硫酸盐"],
  NO3: ["no3-", "no3", "nitrate", "硝酸塩", "硝酸根", "硝酸盐"],
  NH4: ["nh4+", "nh4", "ammonium", "アンモニウム", "铵", "铵根"],
  Cl_ion: ["cl-", "chloride", "塩化物イオン", "氯离子"],
  Na_ion: ["na+", "sodiumion"],
  K_ion: ["k+", "potassiumion"],
  Mg_ion: ["mg2+", "mg++"],
  Ca_ion: ["ca2+", "ca++"],
  F_ion: ["f-", "fluoride"],
  OC: ["oc", "organiccarbon", "有機炭素", "有机碳"],
  EC: ["ec", "elementalcarbon", "元素状炭素", "元素碳"],
  SO2: ["so2", "二酸化硫黄", "二氧化硫"],
  NO2: ["no2", "二酸化窒素", "二氧化氮"],
};

/** Elements that may appear as columns (symbols are the element symbols). */
export const ELEMENTS: readonly string[] = [
  "Na", "Mg", "Al", "Si", "P", "S", "Cl", "K", "Ca", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "As", "Se", "Br", "Rb", "Sr", "Zr", "Mo", "Ag", "Cd", "Sn", "Sb", "Ba", "Hg", "Tl", "Pb",
];

/** Trace elements summed by the `traceElements` component (elements that are not crustal majors or sea-salt ions). */
export const TRACE_ELEMENTS: readonly string[] = ["V", "Cr", "Mn", "Co", "Ni", "Cu", "Zn", "Ga", "As", "Se", "Br", "Rb", "Sr", "Zr", "Mo", "Ag", "Cd", "Sn", "Sb", "Ba", "Hg", "Tl", "Pb"];
