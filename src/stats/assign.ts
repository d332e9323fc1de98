/**
 * Minimum-cost assignment of rows to columns (Hungarian algorithm, Kuhn 1955; Munkres 1957;
 * the O(n²·m) potentials form of Jonker & Volgenant). Rows ≤ columns: every row gets a distinct
 * column. Costs must be finite.
 *
 * @returns col[i] = the column assigned to row i
 * @throws {RangeError} when there are fewer columns than rows or a cost is not finite
 */
export function assignMinCost(cost: number[][]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0].length;
  if (n > m) throw new RangeError(`assignMinCost: ${n} rows need at least as many columns, got ${m}`);
  for (const row of cost)
    for (const c of row) if (!Number.isFinite(c)) throw new RangeError("assignMinCost: costs must be finite");
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array(n + 1).fill(0),
    v = new Array(m + 1).fill(0),
    p = new Array(m + 1).fill(0),
    way = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array(m + 1).fill(INF),
      used = new Array(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF,
        j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const col = new Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) col[p[j] - 1] = j - 1;
  return col;
}
