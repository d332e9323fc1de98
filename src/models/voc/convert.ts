import { molarVolume, ppbToUgm3, ugm3ToPpb, STP_298, type ReferenceState } from "../../table/gas";
import { normaliseUnit } from "../../table/units";

/**
 * VOC concentration units and their conversion with an explicit reference state
 * (CONVENTIONS.md §4; `src/table/gas.ts`): µg/m3 = ppb × MW / Vm, ppbC = ppb × carbon number,
 * number density n (molecules cm-3) = ppb × 1e-9 × P / (k_B T) (2.461e10 per ppb at 298.15 K and
 * 101.325 kPa, 2.687e10 at 273.15 K), or from mass: n = C(µg/m3) × 1e-6 (g/µg) × 1e-6 (m3/cm3)
 * × N_A / MW = C × 6.022e11 / MW.
 */

/** Units a VOC column may carry. */
export type VocUnit = "ppb" | "ppt" | "ppm" | "ppbC" | "µg/m3";

/** Avogadro constant (mol-1), CODATA 2018 exact. */
export const AVOGADRO = 6.02214076e23;
/** Boltzmann constant (J K-1), CODATA 2018 exact. */
export const BOLTZMANN = 1.380649e-23;

/** Normalise unit text to a {@link VocUnit}, or `undefined` if it is not one (`ug/m3`, `ppbv`, `μg/m³` are accepted). */
export function vocUnit(unit: string): VocUnit | undefined {
  const u = normaliseUnit(unit);
  if (u === "ppb" || u === "ppt" || u === "ppm" || u === "ppbC" || u === "µg/m3") return u;
  return undefined;
}

/**
 * A mole-ratio unit as the exact fraction ppb = value × num / den (ppt 1/1000, ppm 1000/1, ppbC
 * 1/carbon): integers, so both directions are one exact multiply and divide. `undefined` for µg/m3.
 */
function ppbFraction(unit: VocUnit, carbon: number): { num: number; den: number } | undefined {
  switch (unit) {
    case "ppb":
      return { num: 1, den: 1 };
    case "ppt":
      return { num: 1, den: 1000 };
    case "ppm":
      return { num: 1000, den: 1 };
    case "ppbC":
      if (!(carbon > 0)) throw new RangeError(`ppbC needs a carbon number > 0, got ${carbon}`);
      return { num: 1, den: carbon };
    case "µg/m3":
      return undefined;
  }
}

/**
 * Convert a value in `unit` to ppb (nmol/mol) for a compound of molecular weight `mw` (g/mol) and `carbon` atoms.
 * @throws {RangeError} when ppbC is asked for a species without a carbon number > 0
 */
export function vocToPpb(
  value: number,
  unit: VocUnit,
  mw: number,
  carbon: number,
  state: ReferenceState = STP_298,
): number {
  const f = ppbFraction(unit, carbon);
  return f ? (value * f.num) / f.den : ugm3ToPpb(value, mw, state);
}

/**
 * Convert a value in `unit` to µg/m3 at `state`.
 * @throws {RangeError} when ppbC is asked for a species without a carbon number > 0
 */
export function vocToUgm3(
  value: number,
  unit: VocUnit,
  mw: number,
  carbon: number,
  state: ReferenceState = STP_298,
): number {
  if (unit === "µg/m3") return value;
  return ppbToUgm3(vocToPpb(value, unit, mw, carbon, state), mw, state);
}

/**
 * Convert ppb to `unit`.
 * @throws {RangeError} when ppbC is asked for a species without a carbon number > 0
 */
export function ppbToVoc(
  ppb: number,
  unit: VocUnit,
  mw: number,
  carbon: number,
  state: ReferenceState = STP_298,
): number {
  const f = ppbFraction(unit, carbon);
  return f ? (ppb * f.den) / f.num : ppbToUgm3(ppb, mw, state);
}

/**
 * Molecules cm-3 per ppb at `state`: 1e-9 × P / (k_B T) × 1e-6 m3/cm3 (2.4615e10 at 298.15 K, 1 atm).
 * @throws {RangeError} when temperature or pressure is not > 0
 */
export function moleculesPerPpb(state: ReferenceState = STP_298): number {
  if (!(state.temperatureK > 0) || !(state.pressureKPa > 0))
    throw new RangeError("moleculesPerPpb: temperature and pressure must be > 0");
  return ((1e-9 * state.pressureKPa * 1000) / (BOLTZMANN * state.temperatureK)) * 1e-6;
}

/** Number density (molecules cm-3) from a mass concentration (µg/m3) and MW (g/mol): C × 1e-6 g / MW × N_A / 1e6 cm3. */
export function ugm3ToMolecules(ugm3: number, mw: number): number {
  return (ugm3 * 1e-12 * AVOGADRO) / mw;
}

/** Molar volume (L/mol) at `state` (re-exported for convenience). */
export { molarVolume };
