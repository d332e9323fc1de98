/**
 * Round half to even ("banker's rounding"; IEC 60559 roundTiesToEven) at `decimals` places — R's
 * `round()`, and China's GB/T 8170-2008 rule "四舍六入五成双" used for reported concentrations.
 * A value within `tolerance` (in units of the last kept place) of a half counts as a half, so that
 * 35.5 stored as 35.49999999 rounds as 35.5 would (default 1e-9; pass 0 for exact halves only).
 */
export function roundHalfEven(x: number, decimals = 0, tolerance = 1e-9): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const y = x * f;
  const fl = Math.floor(y);
  const frac = y - fl;
  let r: number;
  if (Math.abs(frac - 0.5) <= tolerance) r = fl % 2 === 0 ? fl : fl + 1;
  else r = frac < 0.5 ? fl : fl + 1;
  return r / f;
}
