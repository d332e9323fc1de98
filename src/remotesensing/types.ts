/**
 * Remote-sensing (RSD) records, column-wise. Ratios are molar and dimensionless; HC is reported
 * propane-equivalent (NDIR). Speeds in m/s and accelerations in m/s² (the reader converts from
 * the file's km/h and km/h/s and says so).
 */
export interface RsdRecords {
  n: number;
  /** Measurement instants, UTC ms, and the site's offset (Xiamen +480). */
  time: Float64Array;
  utcOffsetMinutes: number;
  /** 1-based file rows. */
  rows: number[];
  plate: string[];
  /** Plate-derived category (e.g. passenger car, taxi, bus, light truck, heavy truck). */
  category: string[];
  fuel: string[];
  /** Model year (NaN when missing). */
  modelYear: Float64Array;
  /** m/s and m/s². */
  speed: Float64Array;
  accel: Float64Array;
  /** Molar ratios CO/CO2, HC/CO2 (propane-equivalent), NO/CO2 (NaN when missing). */
  coCo2: Float64Array;
  hcCo2: Float64Array;
  noCo2: Float64Array;
  /** CO2 plume signal as reported (NaN when missing: the ratios then have no basis). */
  co2: Float64Array;
  /** Smoke opacity or PM index, % (NaN when missing). */
  opacity: Float64Array;
  /** The instrument's own validity flag. */
  instrumentValid: boolean[];
  /** Reader flags per record (e.g. "missing-co2", "out-of-range:co_co2", "duplicate-record", "repeat-plate"). */
  flags: string[][];
}

/** Flags that make a record unusable for emission factors (repeat-plate is informative only). */
export const EXCLUDING_FLAGS = ["missing-co2", "instrument-invalid", "duplicate-record", "missing-ratio"] as const;

/** True when record i can be used for emission factors: no excluding flag and no out-of-range ratio. */
export function usableRecord(r: RsdRecords, i: number): boolean {
  return !r.flags[i].some((f) => (EXCLUDING_FLAGS as readonly string[]).includes(f) || f.startsWith("out-of-range:"));
}
