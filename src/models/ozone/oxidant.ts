import { CRITERIA_GAS_MOLAR_MASS } from "../../table/molar-mass";

function pairwise(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  what: string,
  f: (x: number, y: number) => number,
): Float64Array {
  if (a.length !== b.length) throw new RangeError(`${what}: series lengths differ (${a.length} vs ${b.length})`);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i], b[i]);
  return out;
}

/**
 * Total oxidant Ox = O3 + NO2, added in molar units (ppb) (CONVENTIONS.md §4). Missing in either → NaN.
 *
 * @param o3Ppb hourly O3 in ppb
 * @param no2Ppb hourly NO2 in ppb
 * @returns Ox in ppb
 */
export function oxidantPpb(o3Ppb: ArrayLike<number>, no2Ppb: ArrayLike<number>): Float64Array {
  return pairwise(o3Ppb, no2Ppb, "oxidantPpb", (o, n) => o + n);
}

/**
 * "Potential ozone" as mass: O3 + NO2 expressed as O3-equivalent, O3 (µg/m3) + NO2 (µg/m3) ×
 * 48.00/46.01 (CONVENTIONS.md §4), equal to Ox (ppb) × 48.00/Vm at the same reference state.
 *
 * @param o3Ugm3 O3 in µg/m3
 * @param no2Ugm3 NO2 in µg/m3 (the same reference state as O3)
 * @returns potential ozone, µg/m3 (as O3)
 */
export function potentialOzoneUgm3(o3Ugm3: ArrayLike<number>, no2Ugm3: ArrayLike<number>): Float64Array {
  const k = CRITERIA_GAS_MOLAR_MASS.O3 / CRITERIA_GAS_MOLAR_MASS.NO2;
  return pairwise(o3Ugm3, no2Ugm3, "potentialOzoneUgm3", (o, n) => o + n * k);
}

/**
 * Potential ozone in the Japanese usage PO = O3 + NO2 − 0.1·NOx (ppb), the 0.1·NOx term removing
 * the NO2 emitted directly with NOx (Itano et al., 2007, and later Japanese studies; coefficient
 * 0.1 is a documented default — verify for your region), all in ppb.
 */
export function potentialOzoneJapanPpb(
  o3Ppb: ArrayLike<number>,
  no2Ppb: ArrayLike<number>,
  noxPpb: ArrayLike<number>,
  opts: { primaryNo2Fraction?: number } = {},
): Float64Array {
  const a = opts.primaryNo2Fraction ?? 0.1;
  if (noxPpb.length !== o3Ppb.length)
    throw new RangeError(`potentialOzoneJapanPpb: series lengths differ (${o3Ppb.length} vs ${noxPpb.length})`);
  const ox = oxidantPpb(o3Ppb, no2Ppb);
  for (let i = 0; i < ox.length; i++) ox[i] -= a * noxPpb[i];
  return ox;
}
