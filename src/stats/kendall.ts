/**
 * Kendall's τ_b = Σ_{i<j} sgn(x_i − x_j)·sgn(y_i − y_j) / √(Σ sgn(x_i − x_j)² · Σ sgn(y_i − y_j)²)
 * (Kendall, M. G. (1945), "The treatment of ties in ranking problems", Biometrika 33:239–251),
 * the statistic of R's `cor(method = "kendall")`. Dimensionless, in [−1, 1]; NaN when n < 2, a
 * sample is constant, or a value is NaN.
 *
 * Computed in O(n log n) by Knight's method (Knight, W. R. (1966), "A computer method for
 * calculating Kendall's tau with ungrouped data", J. Am. Stat. Assoc. 61:436–439; the paper's own
 * text was not available here, the method is as its secondary accounts state it): sort the pairs by
 * x and, within ties of x, by y; count the exchanges S(y) a bubble sort would need to put that y
 * sequence in order (by a merge sort, which counts them while merging), then
 * "n_c − n_d = n_0 − n_1 − n_2 + n_3 − 2 S(y), where n_3 is computed like n_1 and n_2, but with
 * respect to the joint ties in x and y", with n_0 = n(n − 1)/2, n_1 = Σ t(t − 1)/2 over the tie
 * groups t of x and n_2 likewise over y, and τ_b = (n_c − n_d)/√((n_0 − n_1)(n_0 − n_2)). Every
 * count is a whole number below 2⁵³ for n < 1.3 · 10⁸, so the sums are exact; τ_b is the O(n²)
 * definition's value up to the rounding of the last division and square root.
 * `test/stats/kendall.test.ts` checks it by hand, against the O(n²) definition on random samples
 * with ties, and against R's `cor(method = "kendall")`.
 * @param x first sample (finite values; ±Infinity are ordered values)
 * @param y second sample, paired with x
 * @throws {RangeError} when x and y differ in length
 */
export function kendallTau(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTau: x has ${n} values, y has ${y.length}`);
  if (n < 2) return NaN;
  for (let i = 0; i < n; i++) if (x[i] !== x[i] || y[i] !== y[i]) return NaN;
  // order of the pairs by x, then y (−0 and +0 are one value, as sgn(x_i − x_j) = 0 says)
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const xa = x[a],
      xb = x[b];
    if (xa !== xb) return xa < xb ? -1 : 1;
    const ya = y[a],
      yb = y[b];
    return ya < yb ? -1 : ya > yb ? 1 : 0;
  });
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = y[order[i]];
  // n_1 (ties in x) and n_3 (joint ties) in one pass over the sorted pairs
  let n1 = 0,
    n3 = 0,
    tx = 1,
    txy = 1;
  for (let i = 1; i < n; i++) {
    const sameX = x[order[i]] === x[order[i - 1]];
    if (sameX) {
      tx++;
      if (ys[i] === ys[i - 1]) txy++;
      else {
        n3 += (txy * (txy - 1)) / 2;
        txy = 1;
      }
    } else {
      n1 += (tx * (tx - 1)) / 2;
      n3 += (txy * (txy - 1)) / 2;
      tx = 1;
      txy = 1;
    }
  }
  n1 += (tx * (tx - 1)) / 2;
  n3 += (txy * (txy - 1)) / 2;
  const swaps = mergeSortCountingExchanges(ys);
  // n_2 (ties in y) from the now sorted y
  let n2 = 0,
    ty = 1;
  for (let i = 1; i < n; i++) {
    if (ys[i] === ys[i - 1]) ty++;
    else {
      n2 += (ty * (ty - 1)) / 2;
      ty = 1;
    }
  }
  n2 += (ty * (ty - 1)) / 2;
  const n0 = (n * (n - 1)) / 2;
  const s = n0 - n1 - n2 + n3 - 2 * swaps;
  return s / Math.sqrt((n0 - n1) * (n0 - n2));
}

/**
 * Sorts `a` ascending in place (bottom-up merge sort, stable) and returns the number of pairs
 * i < j with a[i] > a[j] (strictly), i.e. the exchanges of adjacent elements a bubble sort makes.
 */
function mergeSortCountingExchanges(a: Float64Array): number {
  const n = a.length;
  let src: Float64Array = a,
    dst: Float64Array = new Float64Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n),
        hi = Math.min(lo + 2 * width, n);
      let i = lo,
        j = mid,
        k = lo;
      while (i < mid && j < hi) {
        if (src[j] < src[i]) {
          // src[j] jumps over every element left in the left run, each strictly greater
          swaps += mid - i;
          dst[k++] = src[j++];
        } else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src);
  return swaps;
}
