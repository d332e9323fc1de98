import { mean } from "../stats/moments";
import type { AqTable } from "../table/table";
import { ppbToUgm3, STP_298, type ReferenceState } from "../table/gas";
import { findColumn, sampleLabels, valuesUgm3 } from "./columns";
import { GAS_MOLAR_MASS, IONS } from "./tables/ions";

/** Result of {@link conversionRatios}: per sample SOR and NOR (dimensionless, 0–1). */
export interface ConversionRatiosResult {
  samples: { sample: string; sor: number; nor: number }[];
  summary: { meanSor: number; meanNor: number; nSor: number; nNor: number };
  /** Reference state used for gases given in ppb. */
  referenceState: ReferenceState;
}

function gasUgm3(table: AqTable, col: string, mw: number, ref: ReferenceState): Float64Array {
  const u = table.unit(col);
  if (u === "ppb" || u === "ppm") {
    const v = table.numbers(col),
      f = u === "ppm" ? 1000 : 1;
    return Float64Array.from(v, (x) => ppbToUgm3(x * f, mw, ref));
  }
  return valuesUgm3(table, col);
}

/**
 * Sulfur and nitrogen oxidation ratios SOR = n(SO4 2-)/(n(SO4 2-) + n(SO2)) and
 * NOR = n(NO3-)/(n(NO3-) + n(NO2)), molar (Ohta & Okita 1990, Atmos. Environ. 24A:815; SOR > 0.1
 * indicates secondary sulfate formation). Gases in µg/m3 are used as they are; in ppb/ppm they
 * are converted at `referenceState` (default 298.15 K, 101.325 kPa: China since 2018-09-01).
 * @throws {RangeError} when neither SO4 and SO2 nor NO3 and NO2 columns are present
 */
export function conversionRatios(
  table: AqTable,
  opts: { columns?: Record<string, string>; idColumn?: string; referenceState?: ReferenceState } = {},
): ConversionRatiosResult {
  const ref = opts.referenceState ?? STP_298;
  const mw = (s: string) => IONS.find((i) => i.symbol === s)!.molarMass;
  const n = table.numRows;
  const nan = new Float64Array(n).fill(NaN);
  const col = (s: string) => findColumn(table, s, opts.columns);
  const so4c = col("SO4"),
    so2c = col("SO2"),
    no3c = col("NO3"),
    no2c = col("NO2");
  if ((so4c === undefined || so2c === undefined) && (no3c === undefined || no2c === undefined)) {
    throw new RangeError(`SOR/NOR: need SO4 and SO2, or NO3 and NO2 columns (have: ${table.names.join(", ")})`);
  }
  const so4 = so4c ? valuesUgm3(table, so4c) : nan,
    so2 = so2c ? gasUgm3(table, so2c, GAS_MOLAR_MASS.SO2, ref) : nan;
  const no3 = no3c ? valuesUgm3(table, no3c) : nan,
    no2 = no2c ? gasUgm3(table, no2c, GAS_MOLAR_MASS.NO2, ref) : nan;
  const ids = sampleLabels(table, opts.idColumn);
  const samples = ids.map((sample, i) => {
    const a = so4[i] / mw("SO4"),
      b = so2[i] / GAS_MOLAR_MASS.SO2;
    const c = no3[i] / mw("NO3"),
      d = no2[i] / GAS_MOLAR_MASS.NO2;
    return { sample, sor: a / (a + b), nor: c / (c + d) };
  });
  const meanOf = (k: "sor" | "nor") => {
    const v = samples.map((s) => s[k]).filter(Number.isFinite);
    return { m: mean(v), n: v.length };
  };
  const s = meanOf("sor"),
    o = meanOf("nor");
  return { samples, summary: { meanSor: s.m, meanNor: o.m, nSor: s.n, nNor: o.n }, referenceState: ref };
}
