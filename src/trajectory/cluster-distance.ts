/**
 * Trajectory dissimilarities for {@link trajCluster}: the kernels that fill the packed lower
 * triangle (row a, columns b < a at a(a − 1)/2 + b), shared by the main thread and the worker
 * threads (`cluster-worker.ts`). Each kernel reads per-point features prepared once per
 * trajectory, so the O(n² · points) loop does no trigonometry.
 */

/** Which kernel: the aozora default or openair's formula, for the Euclidean or the angle distance. */
export type DistanceKernel = "chord" | "bearing" | "openair-euclid" | "openair-angle";

/** Features per trajectory point, laid out trajectory by trajectory. */
export interface DistanceFeatures {
  kernel: DistanceKernel;
  /** Trajectories. */
  n: number;
  /** Points per trajectory in `x` (features per point: see {@link featureWidth}). */
  points: number;
  x: Float64Array;
  /** openair-angle: the common origin (lon, lat of the first trajectory's receptor point). */
  origin?: [number, number];
}

/** Numbers stored per point by each kernel. */
export function featureWidth(kernel: DistanceKernel): number {
  return kernel === "bearing" ? 1 : kernel === "openair-angle" ? 2 : 3;
}

/** Rows [a0, a1) of the packed triangle; returns how many pairs had an undefined (NaN) openair angle, set to 0 as openair does. */
export function fillDistances(f: DistanceFeatures, out: Float32Array | Float64Array, a0: number, a1: number): number {
  const { x, points: P } = f;
  let nanPairs = 0;
  if (f.kernel === "chord") {
    const S = 3 * P;
    for (let a = Math.max(a0, 1); a < a1; a++) {
      const oa = a * S;
      let p = (a * (a - 1)) / 2;
      for (let b = 0; b < a; b++, p++) {
        let ob = b * S,
          s = 0;
        for (let k = oa, e = oa + S; k < e; k += 3, ob += 3) {
          const dx = x[k] - x[ob],
            dy = x[k + 1] - x[ob + 1],
            dz = x[k + 2] - x[ob + 2];
          s += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        out[p] = s;
      }
    }
  } else if (f.kernel === "openair-euclid") {
    // openair distEuclid: 110 · sqrt((lon_i − lon_j)² + ((lat_i − lat_j) · cos(lon_i · 3.14159/180))²), i the earlier trajectory
    const S = 3 * P;
    for (let a = Math.max(a0, 1); a < a1; a++) {
      const oa = a * S;
      let p = (a * (a - 1)) / 2;
      for (let b = 0; b < a; b++, p++) {
        let ob = b * S,
          s = 0;
        for (let k = oa, e = oa + S; k < e; k += 3, ob += 3) {
          const dlon = x[ob] - x[k],
            dlat = (x[ob + 1] - x[k + 1]) * x[ob + 2];
          s += 110 * Math.sqrt(dlon * dlon + dlat * dlat);
        }
        out[p] = s;
      }
    }
  } else if (f.kernel === "bearing") {
    const TWO_PI = 2 * Math.PI;
    for (let a = Math.max(a0, 1); a < a1; a++) {
      const oa = a * P;
      let p = (a * (a - 1)) / 2;
      for (let b = 0; b < a; b++, p++) {
        let ob = b * P,
          s = 0;
        for (let k = oa, e = oa + P; k < e; k++, ob++) {
          let d = Math.abs(x[k] - x[ob]);
          if (d > Math.PI) d = TWO_PI - d;
          s += d;
        }
        out[p] = s / P;
      }
    }
  } else {
    // openair distAngle: mean over points of acos(0.5 (A + B − C) / sqrt(A B)) in degree space around the first origin
    const [X0, Y0] = f.origin!;
    const S = 2 * P;
    for (let a = Math.max(a0, 1); a < a1; a++) {
      const oa = a * S;
      let p = (a * (a - 1)) / 2;
      for (let b = 0; b < a; b++, p++) {
        let ob = b * S,
          s = 0;
        for (let k = oa, e = oa + S; k < e; k += 2, ob += 2) {
          const li = x[ob],
            yi = x[ob + 1],
            lj = x[k],
            yj = x[k + 1];
          const A = (li - X0) ** 2 + (yi - Y0) ** 2;
          const B = (lj - X0) ** 2 + (yj - Y0) ** 2;
          const C = (lj - li) ** 2 + (yj - yi) ** 2;
          s += Math.acos((0.5 * (A + B - C)) / Math.pow(A * B, 0.5));
        }
        const v = s / P;
        if (Number.isNaN(v)) {
          nanPairs++;
          out[p] = 0;
        } else out[p] = v;
      }
    }
  }
  return nanPairs;
}
