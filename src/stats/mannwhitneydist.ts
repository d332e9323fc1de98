/**
 * Exact null distribution of the Mann–Whitney U statistic for samples of sizes m and n without
 * ties: the number of arrangements f(m, n, u) with U = u follows
 * f(m, n, u) = f(m−1, n, u−n) + f(m, n−1, u), f(0, n, 0) = f(m, 0, 0) = 1 (Mann & Whitney 1947,
 * Ann. Math. Stat. 18:50–60, eq. 2). Returns P(U = u) for u = 0..m·n.
 * @throws {RangeError} when the sizes are not positive integers or m·n exceeds 40000
 */
export function mannWhitneyExactPmf(m: number, n: number): Float64Array {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1))
    throw new RangeError(`mannWhitneyExactPmf: sizes must be positive integers, got ${m}, ${n}`);
  if (m * n > 40000)
    throw new RangeError(`mannWhitneyExactPmf: m·n = ${m * n} is too large for the exact distribution (limit 40000)`);
  // prev[j] = f(i-1, j, ·); row i = 0: f(0, j) = [1]
  let prev: Float64Array[] = [];
  for (let j = 0; j <= n; j++) prev.push(Float64Array.of(1));
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j++) {
      const f = new Float64Array(i * j + 1);
      const a = prev[j]; // f(i-1, j), length (i-1)j+1, shifted by j
      for (let u = 0; u < a.length; u++) f[u + j] += a[u];
      const b = cur[j - 1]; // f(i, j-1), length i(j-1)+1
      for (let u = 0; u < b.length; u++) f[u] += b[u];
      cur.push(f);
    }
    prev = cur;
  }
  const counts = prev[n];
  let total = 0;
  for (const c of counts) total += c;
  return counts.map((c) => c / total);
}
