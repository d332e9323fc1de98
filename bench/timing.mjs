// Shared timing helper of the benchmark modules: one warm-up call, then `reps` timed calls;
// returns { name, median_ms, min_ms, reps, out } (`out` = the last call's return value).
export function time(name, fn, reps = 5) {
  fn(); // warm-up
  const ts = [];
  let out;
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    out = fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ts.sort((x, y) => x - y);
  return { name, median_ms: +ts[Math.floor(ts.length / 2)].toFixed(2), min_ms: +ts[0].toFixed(2), reps, out };
}
