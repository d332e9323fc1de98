/**
 * Gas concentration unit conversion with an explicit reference state.
 *
 * µg/m3 = ppb × MW / Vm, Vm = 22.414 × (T / 273.15) × (101.325 / P) L/mol (ideal gas; 24.465 L/mol
 * at 298.15 K, 101.325 kPa); ppbC = ppbv × carbon number (CONVENTIONS.md §4). China reports gaseous
 * pollutants at 298.15 K since 2018-09-01 (MEE announcement 2018 No. 29, amending GB 3095-2012) and
 * at 273.15 K before; Japan's standards are in ppm (volume), the EU's at 293.15 K.
 */

/** A reference state: temperature (K) and pressure (kPa). */
export interface ReferenceState {
  temperatureK: number;
  pressureKPa: number;
}

/** 0 °C, 1 atm ("standard", China before 2018-09-01, stack gases in Nm3). */
export const STP_273: ReferenceState = { temperatureK: 273.15, pressureKPa: 101.325 };
/** 25 °C, 1 atm (China since 2018-09-01, US EPA). */
export const STP_298: ReferenceState = { temperatureK: 298.15, pressureKPa: 101.325 };
/** 20 °C, 1 atm (EU Directive 2008/50/EC for gases). */
export const STP_293: ReferenceState = { temperatureK: 293.15, pressureKPa: 101.325 };

/** 2018-09-01T00:00+08:00 as a UTC instant (ms): the change of China's reference state. */
export const CHINA_REFERENCE_CHANGE_UTC_MS = Date.UTC(2018, 7, 31, 16, 0, 0);

/**
 * China's reference state for gases at a UTC instant (ms): 273.15 K before 2018-09-01 (Beijing time), 298.15 K from then on.
 * @throws {RangeError} when the time is not a finite UTC instant in ms
 */
export function chinaReferenceState(utcMs: number): ReferenceState {
  if (!Number.isFinite(utcMs))
    throw new RangeError(`chinaReferenceState: time must be a finite UTC instant in ms, got ${utcMs}`);
  return utcMs < CHINA_REFERENCE_CHANGE_UTC_MS ? STP_273 : STP_298;
}

/**
 * Molar volume (L/mol) of an ideal gas at a reference state: 22.414 × (T/273.15) × (101.325/P) (ideal gas law; CONVENTIONS.md §4).
 * @throws {RangeError} when temperature or pressure is not > 0
 */
export function molarVolume(state: ReferenceState = STP_298): number {
  const { temperatureK: t, pressureKPa: p } = state;
  if (!(t > 0) || !(p > 0))
    throw new RangeError(`molarVolume: temperature (K) and pressure (kPa) must be > 0, got ${t} K, ${p} kPa`);
  return 22.414 * (t / 273.15) * (101.325 / p);
}

/**
 * ppb (nmol/mol) → µg/m3 for a gas of molecular weight `mw` (g/mol) at `state`: µg/m3 = ppb × MW / Vm (CONVENTIONS.md §4).
 * @throws {RangeError} when the molecular weight is not > 0 g/mol
 */
export function ppbToUgm3(ppb: number, mw: number, state: ReferenceState = STP_298): number {
  if (!(mw > 0)) throw new RangeError(`ppbToUgm3: molecular weight must be > 0 g/mol, got ${mw}`);
  return (ppb * mw) / molarVolume(state);
}

/**
 * µg/m3 → ppb (nmol/mol) for a gas of molecular weight `mw` (g/mol) at `state`: ppb = µg/m3 × Vm / MW (CONVENTIONS.md §4).
 * @throws {RangeError} when the molecular weight is not > 0 g/mol
 */
export function ugm3ToPpb(ugm3: number, mw: number, state: ReferenceState = STP_298): number {
  if (!(mw > 0)) throw new RangeError(`ugm3ToPpb: molecular weight must be > 0 g/mol, got ${mw}`);
  return (ugm3 * molarVolume(state)) / mw;
}

/**
 * ppbv → ppbC (ppb of carbon atoms) for a compound with `carbonNumber` carbon atoms: ppbC = ppbv × carbon number (CONVENTIONS.md §4).
 * @throws {RangeError} when the carbon number is not a non-negative integer
 */
export function ppbToPpbC(ppb: number, carbonNumber: number): number {
  if (!(carbonNumber >= 0) || !Number.isInteger(carbonNumber))
    throw new RangeError(`ppbToPpbC: carbon number must be a non-negative integer, got ${carbonNumber}`);
  return ppb * carbonNumber;
}

/**
 * µg/m3 at one reference state → µg/m3 at another (same mixing ratio): × Vm(from)/Vm(to) (ideal
 * gas law; e.g. China's change from 273.15 K to 298.15 K in 2018, MEE announcement 2018 No. 29).
 */
export function convertReferenceState(ugm3: number, from: ReferenceState, to: ReferenceState): number {
  return (ugm3 * molarVolume(from)) / molarVolume(to);
}
