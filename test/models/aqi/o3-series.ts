/**
 * Hourly ozone series (ppb) for the 2019 NowCast tests, built by formula: a diurnal cycle
 * 35 + 25·sin(2π(h − 9)/24) plus a synoptic swing and deterministic noise from a linear
 * congruential generator (glibc constants), rounded to whole ppb as AirNow data are, with chosen
 * hours missing. The tests hold the values EPA's own R code (US EPA O3-Nowcast, `run.nowcast`)
 * gives on exactly these series.
 */
export function o3Series(): Record<string, Float64Array> {
  let state = 12345;
  const noise = () => {
    state = (1103515245 * state + 12345) % 2147483648;
    return state / 2147483648 - 0.5; // [−0.5, 0.5)
  };
  const base = (n: number) =>
    Float64Array.from({ length: n }, (_, t) =>
      Math.max(
        0,
        Math.round(
          35 + 25 * Math.sin((2 * Math.PI * (t - 9)) / 24) + 10 * Math.sin((2 * Math.PI * t) / 150) + 12 * noise(),
        ),
      ),
    );
  // a: 360 hours, missing hours 100, 200–202 and 340 (the current hour of one window)
  const a = base(360);
  for (const t of [100, 200, 201, 202, 340]) a[t] = NaN;
  // b: 336 hours with a 7-hour gap ending 10 hours before the current hour (the longest run still allowed)
  const b = base(336);
  for (let t = 319; t < 326; t++) b[t] = NaN;
  // c: 336 hours, from hour 130 three hours missing in every 8: every 8-h mean there lacks 3 of 8 (> 25 %)
  const c = base(336);
  for (let t = 130; t < 336; t += 8) for (let j = 0; j < 3 && t + j < 335; j++) c[t + j] = NaN;
  return { a, b, c };
}
