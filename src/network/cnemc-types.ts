/**
 * The `type` values of the CNEMC daily archive files (`china_sites_YYYYMMDD.csv`,
 * `china_cities_YYYYMMDD.csv`, as redistributed at https://quotsoft.net/air/), in the order the
 * archive writes them, with their units (µg/m3; CO mg/m3; AQI dimensionless, unit `1`).
 *
 * Source of the layout: issue #17 (the archive's observed layout). The archive's own README was
 * not found in the search corpora; units follow GB 3095-2012 / HJ 663 (CO in mg/m3, others µg/m3).
 */
export const CNEMC_TYPES = [
  "AQI",
  "PM2.5",
  "PM2.5_24h",
  "PM10",
  "PM10_24h",
  "SO2",
  "SO2_24h",
  "NO2",
  "NO2_24h",
  "O3",
  "O3_24h",
  "O3_8h",
  "O3_8h_24h",
  "CO",
  "CO_24h",
] as const;

/** One `type` of the CNEMC archive. */
export type CnemcType = (typeof CNEMC_TYPES)[number];

/** Unit of each type (`1` = dimensionless). */
export const CNEMC_UNITS: Readonly<Record<CnemcType, string>> = {
  AQI: "1",
  "PM2.5": "µg/m3",
  "PM2.5_24h": "µg/m3",
  PM10: "µg/m3",
  PM10_24h: "µg/m3",
  SO2: "µg/m3",
  SO2_24h: "µg/m3",
  NO2: "µg/m3",
  NO2_24h: "µg/m3",
  O3: "µg/m3",
  O3_24h: "µg/m3",
  O3_8h: "µg/m3",
  O3_8h_24h: "µg/m3",
  CO: "mg/m3",
  CO_24h: "mg/m3",
};

/**
 * Column name in aozora's table for a type: the hourly values keep their names; the archive's
 * running statistics (`_24h`, `O3_8h`, `O3_8h_24h`) get the suffix ` (published)` so that they are
 * never confused with what aozora computes.
 */
export function cnemcColumnName(type: CnemcType): string {
  return type.includes("_") ? `${type} (published)` : type;
}

/**
 * Header of the archive's station list (站点列表): code, name, city, longitude, latitude, reference
 * station flag. Written from the widely circulated list files; the primary publication of the
 * list's layout was not found (see the reader's TSDoc).
 */
export const CNEMC_STATION_HEADER = ["监测点编码", "监测点名称", "城市", "经度", "纬度", "对照点"] as const;
