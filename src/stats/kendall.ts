/**
 * Kendall's τ_b = Σ_{i<j} sgn(x_i − x_j)·sgn(y_i − y_j) / √(Σ sgn(x_i − x_j)² · Σ sgn(y_i − y_j)²)
 * (Kendall, M. G. (1945), "The treatment of ties in ranking problems", Biometrika 33:239–251),
 * the statistic of R's `cor(method = "kendall")`. Dimensionless, in [−1, 1]; NaN when n < 2 or a
 * sample is constant. O(n²).
 * @param x first sample (finite values)
 * @param y second sample, paired with x
 * @throws {RangeError} when x and y differ in length
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTau: x has ${n} values, y has ${y.length}`);
  let s = 0,
    tx = 0,
    ty = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i],
      yi = y[i];
    for (let j = i + 1; j < n; j++) {
      const a = Math.sign(xi - x[j]),
        b = Math.sign(yi - y[j]);
      s += a * b;
      tx += a * a;
      ty += b * b;
    }
  }
  return s / Math.sqrt(tx * ty);
}
