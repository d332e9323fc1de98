import { VSP_LIGHT_DUTY, VSP_MODE_EDGES } from "./tables/constants";

/**
 * Vehicle specific power, kW per tonne (Jiménez-Palacios 1999, MIT PhD thesis):
 * VSP = v·(1.1·a + 9.81·grade + 0.132) + 0.000302·v³ for light-duty vehicles.
 *
 * @param speed  m/s
 * @param accel  m/s²
 * @param grade  road grade as a fraction (rise/run; default 0)
 * @param coef   coefficients (default light duty); heavy-duty vehicles need their own
 */
export function vsp(
  speed: number,
  accel: number,
  grade = 0,
  coef: { massFactor: number; g: number; rolling: number; aero: number } = VSP_LIGHT_DUTY,
): number {
  return speed * (coef.massFactor * accel + coef.g * grade + coef.rolling) + coef.aero * speed ** 3;
}

/** Operating mode 1..14 of a VSP value by the bins of Frey et al. (2002): < −2, [−2, 0), [0, 1), …, ≥ 39 kW/t. NaN → 0. */
export function vspMode(v: number, edges: readonly number[] = VSP_MODE_EDGES): number {
  if (Number.isNaN(v)) return 0;
  let i = 0;
  while (i < edges.length && v >= edges[i]) i++;
  return i + 1;
}

/** Label of a VSP mode, e.g. "[4, 7)" or "< −2" or "≥ 39" (kW/t). */
export function vspModeLabel(mode: number, edges: readonly number[] = VSP_MODE_EDGES): string {
  if (mode === 1) return `< ${edges[0]}`;
  if (mode === edges.length + 1) return `≥ ${edges[edges.length - 1]}`;
  return `[${edges[mode - 2]}, ${edges[mode - 1]})`;
}
