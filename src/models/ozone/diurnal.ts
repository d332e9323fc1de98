/**
 * Mean diurnal cycle: mean (and count) of the finite values per local hour of day 0–23.
 * @throws {RangeError} when values and times differ in length
 */
export function diurnalMean(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  utcOffsetMinutes: number,
): { hour: number; mean: number; n: number }[] {
  if (times.length !== values.length)
    throw new RangeError(`diurnalMean: ${values.length} values for ${times.length} times`);
  const s = new Float64Array(24),
    n = new Float64Array(24);
  for (let i = 0; i < times.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !Number.isFinite(times[i])) continue;
    const h = new Date(times[i] + utcOffsetMinutes * 60_000).getUTCHours();
    s[h] += v;
    n[h]++;
  }
  return Array.from({ length: 24 }, (_, h) => ({ hour: h, mean: n[h] ? s[h] / n[h] : NaN, n: n[h] }));
}
