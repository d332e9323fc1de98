import { molarVolume, STP_298, type ReferenceState } from "../../table/gas";
import { normaliseUnit } from "../../table/units";

/** A reference state, or a function giving it per UTC instant (e.g. `chinaReferenceState`). */
export type ReferenceStateLike = ReferenceState | ((utcMs: number) => ReferenceState);

/** Units a gas series may carry. */
const VOLUME: Record<string, number> = { ppb: 1, ppm: 1000 };
const MASS: Record<string, number> = { "µg/m3": 1, "mg/m3": 1000 };

/**
 * Convert a gas series between ppb/ppm and µg/m3/mg/m3 (µg/m3 = ppb × MW / Vm, CONVENTIONS.md §4),
 * at a reference state that may depend on the time (China: 273.15 K before 2018-09-01, 298.15 K
 * since). Same-kind conversions (ppm → ppb, mg/m3 → µg/m3) need no state.
 *
 * @param values series in `from`
 * @param from unit of `values` (`ppb`, `ppm`, `µg/m3`, `mg/m3`; spellings as `normaliseUnit` accepts)
 * @param to unit of the result (same choices)
 * @param mw molar mass, g/mol
 * @param opts `state` (reference state, or a function of the UTC instant), `times` (UTC instants
 *   in ms, needed when `state` is a function), `name` (used in error messages)
 * @throws RangeError for an unknown unit, naming `name`
 */
export function convertGas(
  values: ArrayLike<number>,
  from: string,
  to: string,
  mw: number,
  opts: { state?: ReferenceStateLike; times?: ArrayLike<number>; name?: string } = {},
): Float64Array {
  const f = normaliseUnit(from),
    t = normaliseUnit(to);
  const name = opts.name ?? "gas";
  const known = (u: string) => u in VOLUME || u in MASS;
  if (!known(f))
    throw new RangeError(`${name}: unit "${from}" is not a gas concentration unit (use ppb, ppm, µg/m3 or mg/m3)`);
  if (!known(t)) throw new RangeError(`${name}: target unit "${to}" is not a gas concentration unit`);
  const out = new Float64Array(values.length);
  const state = opts.state ?? STP_298;
  const vmAt = (i: number): number => {
    if (typeof state !== "function") return molarVolume(state);
    if (!opts.times) throw new RangeError(`${name}: a time-dependent reference state needs the times`);
    return molarVolume(state(opts.times[i]));
  };
  const fixedVm = typeof state === "function" ? NaN : molarVolume(state);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (f in VOLUME && t in VOLUME) out[i] = (v * VOLUME[f]) / VOLUME[t];
    else if (f in MASS && t in MASS) out[i] = (v * MASS[f]) / MASS[t];
    else {
      const vm = Number.isNaN(fixedVm) ? vmAt(i) : fixedVm;
      if (f in VOLUME)
        out[i] = (v * VOLUME[f] * mw) / vm / MASS[t]; // ppb → µg/m3 → target
      else out[i] = (v * MASS[f] * vm) / mw / VOLUME[t]; // µg/m3 → ppb → target
    }
  }
  return out;
}
