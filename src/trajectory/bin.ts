import type { AqTable } from "../table/table";
import { cellIndex, cellKey, checkResolution } from "./grid";

/** Endpoint coordinates, by column: set-wide trajectory id, age (h), lat and lon (deg). */
export interface EndpointColumns {
  traj: ArrayLike<number>;
  age: ArrayLike<number>;
  lat: ArrayLike<number>;
  lon: ArrayLike<number>;
}

/** Options shared by the gridded trajectory statistics. */
export interface GridOptions {
  /** Cell size in degrees of latitude and longitude (default 1, openair's `lat.inc`/`lon.inc`). */
  resolution?: number;
  /** Count the receptor endpoint (age 0) as openair does (default true). */
  includeOrigin?: boolean;
  /** Use only endpoints with |age| ≤ this many hours (default: all). */
  maxAgeHours?: number;
}

/** Per-cell sums from {@link binEndpoints}. */
export interface BinnedCells {
  resolution: number;
  iy: number[];
  ix: number[];
  /** Endpoints in the cell. */
  n: number[];
  /** Distinct trajectories with at least one endpoint in the cell. */
  trajectories: number[];
  /** Endpoints in the cell whose trajectory's value is > the threshold (0 without a threshold). */
  m: number[];
  /** Sum of the trajectory values of the cell's endpoints (0 without values). */
  sum: number[];
  /** Endpoints used (all cells), and the distinct trajectories they belong to. */
  endpointsUsed: number;
  trajectoriesUsed: number;
  /** The value of every endpoint used (only with `collectValues`), for percentile thresholds. */
  endpointValues?: Float64Array;
}

/** The endpoint columns of an endpoints table (`readHysplit`/`readHysplitFiles`). */
export function endpointColumns(t: AqTable | EndpointColumns): EndpointColumns {
  if ("numRows" in t)
    return { traj: t.numbers("traj"), age: t.numbers("age"), lat: t.numbers("lat"), lon: t.numbers("lon") };
  return t;
}

/**
 * Put trajectory endpoints into lat/lon cells (see `grid.ts` for the cell rule) and count, per
 * cell, endpoints, distinct trajectories, endpoints of trajectories above a threshold, and the sum
 * of the trajectories' values.
 *
 * @param ep endpoint columns (traj, age in hours, lat and lon in degrees)
 * @param opts grid options plus `value`: trajectory id → value; endpoints of trajectories absent
 *   from it (or NaN) are skipped; without it, every endpoint counts (frequency maps).
 *   `threshold`: value above which (strictly) an endpoint counts in `m`. `collectValues`: return
 *   the value of every endpoint used (`endpointValues`).
 */
export function binEndpoints(
  ep: EndpointColumns,
  opts: GridOptions & { value?: Map<number, number>; threshold?: number; collectValues?: boolean } = {},
): BinnedCells {
  const res = opts.resolution ?? 1;
  checkResolution(res);
  const includeOrigin = opts.includeOrigin ?? true;
  const maxAge = opts.maxAgeHours ?? Infinity;
  const { traj, age, lat, lon } = ep;
  const N = traj.length;
  // visit endpoints trajectory by trajectory (files interleave trajectories), keeping file order within one
  const order = Array.from({ length: N }, (_, i) => i);
  order.sort((a, b) => traj[a] - traj[b] || a - b);
  const index = new Map<number, number>();
  const out: BinnedCells = {
    resolution: res,
    iy: [],
    ix: [],
    n: [],
    trajectories: [],
    m: [],
    sum: [],
    endpointsUsed: 0,
    trajectoriesUsed: 0,
  };
  const lastTraj: number[] = [];
  const values = opts.value && opts.collectValues ? new Float64Array(N) : undefined;
  const thr = opts.threshold ?? Infinity;
  let prevTraj = NaN;
  for (const i of order) {
    const a = Math.abs(age[i]);
    if (!(a <= maxAge) || (!includeOrigin && a === 0)) continue;
    const y = lat[i],
      x = lon[i];
    if (!Number.isFinite(y) || !Number.isFinite(x)) continue;
    let v = 0;
    if (opts.value) {
      const w = opts.value.get(traj[i]);
      if (w === undefined || !Number.isFinite(w)) continue;
      v = w;
    }
    const iy = cellIndex(y, res),
      ix = cellIndex(x, res),
      key = cellKey(iy, ix);
    let c = index.get(key);
    if (c === undefined) {
      c = out.n.length;
      index.set(key, c);
      (out.iy.push(iy),
        out.ix.push(ix),
        out.n.push(0),
        out.trajectories.push(0),
        out.m.push(0),
        out.sum.push(0),
        lastTraj.push(NaN));
    }
    out.n[c]++;
    out.sum[c] += v;
    if (v > thr) out.m[c]++;
    if (lastTraj[c] !== traj[i]) {
      lastTraj[c] = traj[i];
      out.trajectories[c]++;
    }
    if (values) values[out.endpointsUsed] = v;
    out.endpointsUsed++;
    if (traj[i] !== prevTraj) {
      prevTraj = traj[i];
      out.trajectoriesUsed++;
    }
  }
  if (values) out.endpointValues = values.subarray(0, out.endpointsUsed);
  return out;
}
