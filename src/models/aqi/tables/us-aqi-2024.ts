/**
 * US EPA Air Quality Index breakpoints after the 2024 PM NAAQS revision (in AirNow from
 * 2024-05-06): EPA-454/B-24-002, Technical Assistance Document for the Reporting of Daily Air
 * Quality – the Air Quality Index (AQI), May 2024, Table 6; 40 CFR Part 58 Appendix G.
 *
 * Concentrations are truncated before look-up (Table 6 footnotes): O3 ppm to 3 decimals, PM2.5
 * µg/m3 to 1 decimal, PM10 µg/m3 to an integer, CO ppm to 1 decimal, SO2 and NO2 ppb to integers.
 * Each segment is closed: [cLo, cHi] maps linearly to [aqiLo, aqiHi].
 */

/** Pollutant-averaging keys of the US table. `SO2_24h` carries the 1-h SO2 rows above AQI 200, which use 24-h means. */
export type UsAqiKey = "O3_8h" | "O3_1h" | "PM25_24h" | "PM10_24h" | "CO_8h" | "SO2_1h" | "SO2_24h" | "NO2_1h";

/** One segment of the US table. */
export interface UsAqiSegment {
  aqiLo: number;
  aqiHi: number;
  cLo: number;
  cHi: number;
}

/** Units of the US keys (gases by volume). */
export const US_AQI_UNITS: Record<UsAqiKey, "ppm" | "ppb" | "µg/m3"> = {
  O3_8h: "ppm",
  O3_1h: "ppm",
  PM25_24h: "µg/m3",
  PM10_24h: "µg/m3",
  CO_8h: "ppm",
  SO2_1h: "ppb",
  SO2_24h: "ppb",
  NO2_1h: "ppb",
};

/** Truncation (decimal places kept) per key, Table 6 footnotes. */
export const US_AQI_DECIMALS: Record<UsAqiKey, number> = {
  O3_8h: 3,
  O3_1h: 3,
  PM25_24h: 1,
  PM10_24h: 0,
  CO_8h: 1,
  SO2_1h: 0,
  SO2_24h: 0,
  NO2_1h: 0,
};

const seg = (aqiLo: number, aqiHi: number, cLo: number, cHi: number): UsAqiSegment => ({ aqiLo, aqiHi, cLo, cHi });

/**
 * Segments per key. O3 8-h stops at AQI 300 (above 0.200 ppm the 1-h O3 AQI is used); O3 1-h
 * starts at AQI 101 (0.125 ppm); SO2 1-h stops at AQI 200 (304 ppb) and AQI 201–500 use 24-h
 * SO2 (`SO2_24h`).
 */
export const US_AQI_2024: { citation: string; segments: Record<UsAqiKey, readonly UsAqiSegment[]> } = {
  citation: "US EPA, EPA-454/B-24-002 (May 2024) Table 6; 40 CFR Part 58 App. G (2024 PM NAAQS revision)",
  segments: {
    O3_8h: [
      seg(0, 50, 0.0, 0.054),
      seg(51, 100, 0.055, 0.07),
      seg(101, 150, 0.071, 0.085),
      seg(151, 200, 0.086, 0.105),
      seg(201, 300, 0.106, 0.2),
    ],
    O3_1h: [
      seg(101, 150, 0.125, 0.164),
      seg(151, 200, 0.165, 0.204),
      seg(201, 300, 0.205, 0.404),
      seg(301, 500, 0.405, 0.604),
    ],
    PM25_24h: [
      seg(0, 50, 0.0, 9.0),
      seg(51, 100, 9.1, 35.4),
      seg(101, 150, 35.5, 55.4),
      seg(151, 200, 55.5, 125.4),
      seg(201, 300, 125.5, 225.4),
      seg(301, 500, 225.5, 325.4),
    ],
    PM10_24h: [
      seg(0, 50, 0, 54),
      seg(51, 100, 55, 154),
      seg(101, 150, 155, 254),
      seg(151, 200, 255, 354),
      seg(201, 300, 355, 424),
      seg(301, 500, 425, 604),
    ],
    CO_8h: [
      seg(0, 50, 0.0, 4.4),
      seg(51, 100, 4.5, 9.4),
      seg(101, 150, 9.5, 12.4),
      seg(151, 200, 12.5, 15.4),
      seg(201, 300, 15.5, 30.4),
      seg(301, 500, 30.5, 50.4),
    ],
    SO2_1h: [seg(0, 50, 0, 35), seg(51, 100, 36, 75), seg(101, 150, 76, 185), seg(151, 200, 186, 304)],
    SO2_24h: [seg(201, 300, 305, 604), seg(301, 500, 605, 1004)],
    NO2_1h: [
      seg(0, 50, 0, 53),
      seg(51, 100, 54, 100),
      seg(101, 150, 101, 360),
      seg(151, 200, 361, 649),
      seg(201, 300, 650, 1249),
      seg(301, 500, 1250, 2049),
    ],
  },
};
