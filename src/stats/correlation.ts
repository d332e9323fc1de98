/**
 * Pearson correlation coefficient r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)²·Σ(y−ȳ)²) of paired samples
 * (Pearson 1896, Phil. Trans. R. Soc. A 187:253–318; two-pass: means first, then the centred sums).
 * Dimensionless, in [−1, 1]. NaN when n < 2 or either sample is constant (r undefined); a NaN
 * value makes r NaN (leave non-finite pairs out before calling).
 * @param x first sample (any unit)
 * @param y second sample, paired with x (any unit)
 * @throws {RangeError} when x and y differ in length
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`pearson: x has ${x.length} values, y has ${y.length}`);
  return pearsonStrided(x, y, x.length);
}

/**
 * {@link pearson} of two columns stored row-major in flat arrays: x_i = a[i·strideA + offsetA],
 * y_i = b[i·strideB + offsetB], i = 0..n−1 (e.g. factor k of an n×p contribution matrix: stride p,
 * offset k). Same definition, NaN rules and arithmetic as {@link pearson}.
 * @param a flat array holding the first column
 * @param b flat array holding the second column
 * @param n number of pairs
 * @param strideA distance between consecutive x values in `a` (default 1)
 * @param offsetA index of x₀ in `a` (default 0)
 * @param strideB distance between consecutive y values in `b` (default 1)
 * @param offsetB index of y₀ in `b` (default 0)
 * @throws {RangeError} when n is not a whole number ≥ 0 or a column runs past the end of its array
 */
export function pearsonStrided(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n: number,
  strideA = 1,
  offsetA = 0,
  strideB = 1,
  offsetB = 0,
): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pearson: n must be a whole number ≥ 0, got ${n}`);
  if (n > 0 && ((n - 1) * strideA + offsetA >= a.length || (n - 1) * strideB + offsetB >= b.length))
    throw new RangeError(`pearson: ${n} values at the given strides and offsets run past the end of the arrays`);
  if (n < 2) return NaN;
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i * strideA + offsetA];
    mb += b[i * strideB + offsetB];
  }
  ma /= n;
  mb /= n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i * strideA + offsetA] - ma,
      db = b[i * strideB + offsetB] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
