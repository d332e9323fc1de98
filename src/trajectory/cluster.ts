import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { AqTable } from "../table/table";
import { pam } from "../stats/pam";
import { cutData, type CutOptions, type CutType } from "../directional/cutdata";
import { endpointColumns, type EndpointColumns } from "./bin";
import { featureWidth, fillDistances, type DistanceFeatures, type DistanceKernel } from "./cluster-distance";

/** Options of {@link trajCluster}. */
export interface TrajClusterOptions {
  /** Distance between two trajectories (openair `method`): `"euclid"` (default) or `"angle"`. */
  method?: "euclid" | "angle";
  /** Number of clusters (openair `n.cluster`, default 5). */
  nCluster?: number;
  /**
   * Use openair's distance formulas exactly (openair 2.18 `distEuclid`/`distAngle`, defects
   * included; see {@link trajCluster}), to reproduce an openair clustering. Default false.
   */
  openair?: boolean;
  /**
   * Worker threads for the distance matrix (default: one per core; 1 = this thread). Workers are
   * used only from the compiled library (dist/); the result is the same bits either way.
   */
  workers?: number;
  /**
   * openair's `type`: cluster each level separately (openair's default, `split.after = FALSE`),
   * by the arrival time of each trajectory (cutData's time types: season, month, year, weekday, …).
   * The result then carries `byType`. Arrivals come from the endpoints table's `time` at age 0, or
   * from `arrivals` (traj id → UTC ms).
   */
  type?: CutType;
  /** The receptor's offset, minutes east of UTC (China 480, Japan 540): needed by the local-time types. */
  utcOffsetMinutes?: number;
  /** Arrival instants (UTC ms) by traj id, when the endpoints are plain columns without times. */
  arrivals?: ReadonlyMap<number, number>;
  /** {@link cutData} options (hemisphere, …). */
  typeOptions?: CutOptions;
}

/** One level of a typed {@link trajCluster}. */
export interface TrajClusterLevel {
  level: string;
  /** Trajectories of the level. */
  n: number;
  result: TrajClusterResult;
}

/** One cluster of a {@link TrajClusterResult}. */
export interface TrajClusterSummary {
  /** 1-based cluster number; `label` is openair's "C1", "C2", …. */
  cluster: number;
  label: string;
  /** Trajectories in the cluster, and their percentage of all clustered trajectories (%, unrounded; openair rounds to 0.1). */
  n: number;
  percent: number;
  /** The medoid trajectory (its `traj` id). */
  medoid: number;
  /** The cluster-mean path: per point (age 0, −1, … h), the arithmetic mean latitude and longitude (deg) of its trajectories, as openair. */
  path: { age: number; lat: number; lon: number }[];
}

/** What {@link trajCluster} returns. */
export interface TrajClusterResult {
  method: "euclid" | "angle";
  openair: boolean;
  nCluster: number;
  /** The trajectories clustered (set-wide `traj` ids, in id order) and the 1-based cluster of each. */
  traj: number[];
  cluster: Int32Array;
  clusters: TrajClusterSummary[];
  /** Ages (h) of the points every clustered trajectory has, receptor first (0, −1, … for back trajectories). */
  ages: number[];
  /** Trajectories left out, with the reason (openair drops them silently). */
  excluded: { traj: number; points: number; reason: string }[];
  /** Unit of the dissimilarity: km (euclid: sum over points) or rad (angle: mean over points). */
  distanceUnit: "km" | "rad";
  /** Total dissimilarity of the trajectories to their medoids (distanceUnit). */
  cost: number;
  /** PAM swaps made after BUILD. */
  swaps: number;
  /** Bytes of the distance matrix (Float32 lower triangle: 2·n(n − 1) bytes). */
  distanceBytes: number;
  /** openair angle only: trajectory pairs whose angle was undefined (NaN) and set to distance 0, as openair does. */
  undefinedPairs: number;
  /** Angle (aozora) only: points that coincide with their receptor (direction undefined; the term counts 0). */
  pointsAtReceptor: number;
  /** Method and citations. */
  citation: string;
  /** With `type`: the clustering of each level (the top-level fields then describe all trajectories together). */
  byType?: { type: CutType; levels: TrajClusterLevel[]; excluded: { traj: number; reason: string }[] };
}

/** Mean radius of the Earth, km (IUGG: R1 = 6371.0088 km; Moritz 2000, Geodetic Reference System 1980). */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

interface Gathered {
  traj: number[];
  ages: number[];
  /** lat/lon per kept trajectory and point (point order = ages). */
  lat: Float64Array;
  lon: Float64Array;
  excluded: TrajClusterResult["excluded"];
}

/** Group endpoints by trajectory, order points by |age|, keep the trajectories with the common age set. */
function gather(ep: EndpointColumns): Gathered {
  const byTraj = new Map<number, number[]>();
  for (let i = 0; i < ep.traj.length; i++) {
    const t = ep.traj[i];
    let a = byTraj.get(t);
    if (!a) byTraj.set(t, (a = []));
    a.push(i);
  }
  const ids = [...byTraj.keys()].sort((a, b) => a - b);
  const excluded: Gathered["excluded"] = [];
  // the most common number of points (openair keeps only trajectories of the modal length)
  const counts = new Map<number, number>();
  for (const t of ids) counts.set(byTraj.get(t)!.length, (counts.get(byTraj.get(t)!.length) ?? 0) + 1);
  let mode = 0,
    modeCount = 0;
  for (const [len, c] of counts) if (c > modeCount || (c === modeCount && len > mode)) [mode, modeCount] = [len, c];
  let ages: number[] | undefined;
  const kept: number[][] = [];
  const traj: number[] = [];
  for (const t of ids) {
    const rows = byTraj.get(t)!;
    rows.sort((a, b) => Math.abs(ep.age[a]) - Math.abs(ep.age[b]));
    if (rows.length !== mode) {
      excluded.push({ traj: t, points: rows.length, reason: `${rows.length} points, the common length is ${mode}` });
      continue;
    }
    if (rows.some((r) => !Number.isFinite(ep.lat[r]) || !Number.isFinite(ep.lon[r]))) {
      excluded.push({ traj: t, points: rows.length, reason: "a point without latitude or longitude" });
      continue;
    }
    const a = rows.map((r) => ep.age[r]);
    if (!ages) ages = a;
    else if (a.some((v, k) => v !== ages![k])) {
      excluded.push({
        traj: t,
        points: rows.length,
        reason: `ages differ from the first trajectory's (${ages.join(", ")})`,
      });
      continue;
    }
    kept.push(rows);
    traj.push(t);
  }
  const P = mode;
  const lat = new Float64Array(kept.length * P),
    lon = new Float64Array(kept.length * P);
  kept.forEach((rows, i) =>
    rows.forEach((r, k) => {
      lat[i * P + k] = ep.lat[r];
      lon[i * P + k] = ep.lon[r];
    }),
  );
  return { traj, ages: ages ?? [], lat, lon, excluded };
}

/** Per-point features of each kernel (see `cluster-distance.ts`). */
function features(g: Gathered, kernel: DistanceKernel): { f: DistanceFeatures; atReceptor: number } {
  const n = g.traj.length,
    P = g.ages.length;
  const Q = kernel === "chord" || kernel === "openair-euclid" ? P : P - 1; // angles skip the receptor point
  const w = featureWidth(kernel);
  const x = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n * Q * w)));
  let atReceptor = 0;
  const origin: [number, number] = [g.lon[0], g.lat[0]];
  for (let i = 0; i < n; i++) {
    const lat0 = g.lat[i * P] * RAD,
      lon0 = g.lon[i * P] * RAD;
    for (let q = 0; q < Q; q++) {
      const k = kernel === "chord" || kernel === "openair-euclid" ? q : q + 1;
      const lat = g.lat[i * P + k],
        lon = g.lon[i * P + k];
      const o = (i * Q + q) * w;
      if (kernel === "chord") {
        const c = Math.cos(lat * RAD);
        x[o] = EARTH_RADIUS_KM * c * Math.cos(lon * RAD);
        x[o + 1] = EARTH_RADIUS_KM * c * Math.sin(lon * RAD);
        x[o + 2] = EARTH_RADIUS_KM * Math.sin(lat * RAD);
      } else if (kernel === "openair-euclid") {
        x[o] = lon;
        x[o + 1] = lat;
        x[o + 2] = Math.cos((lon * 3.14159) / 180);
      } else if (kernel === "openair-angle") {
        x[o] = lon;
        x[o + 1] = lat;
      } else {
        // initial great-circle bearing from the trajectory's own receptor point to this point
        const p = lat * RAD,
          dl = lon * RAD - lon0;
        const yy = Math.sin(dl) * Math.cos(p),
          xx = Math.cos(lat0) * Math.sin(p) - Math.sin(lat0) * Math.cos(p) * Math.cos(dl);
        if (yy === 0 && xx === 0) atReceptor++;
        x[o] = Math.atan2(yy, xx);
      }
    }
  }
  return { f: { kernel, n, points: Q, x, origin }, atReceptor };
}

function workerScript(): string | undefined {
  const f = join(__dirname, "cluster-worker.js");
  return existsSync(f) ? f : undefined;
}

/** Fill the packed triangle over `workers` threads (rows split for equal pair counts). */
async function distances(f: DistanceFeatures, workers: number): Promise<{ d: Float32Array; nanPairs: number }> {
  const n = f.n;
  const buf = new SharedArrayBuffer(4 * Math.max(1, (n * (n - 1)) / 2));
  const d = new Float32Array(buf, 0, (n * (n - 1)) / 2);
  const script = workerScript();
  if (workers <= 1 || !script || n < 200) return { d, nanPairs: fillDistances(f, d, 0, n) };
  const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round(n * Math.sqrt(w / workers)));
  const counts = await Promise.all(
    bounds.slice(0, -1).map(
      (a0, w) =>
        new Promise<number>((resolve, reject) => {
          const wk = new Worker(script, {
            workerData: {
              kernel: f.kernel,
              n,
              points: f.points,
              x: f.x.buffer,
              out: buf,
              origin: f.origin,
              a0,
              a1: bounds[w + 1],
            },
          });
          wk.once("message", (m: { ok: boolean; nanPairs?: number; message?: string }) => {
            void wk.terminate();
            if (m.ok) resolve(m.nanPairs!);
            else reject(new Error(`trajCluster worker: ${m.message}`));
          });
          wk.once("error", reject);
        }),
    ),
  );
  return { d, nanPairs: counts.reduce((a, b) => a + b, 0) };
}

/**
 * Cluster back trajectories, as openair's `trajCluster` (openair 2.18.2, R/trajCluster.R and
 * src/cluster.cpp; Carslaw, D. C. & Ropkins, K. (2012), openair — an R package for air quality
 * data analysis, Environ. Model. Softw. 27–28:52–61; the openair book, "Trajectory clustering",
 * bookdown.org/david_carslaw/openair): a dissimilarity between every pair of trajectories, then
 * k-medoids by PAM (`cluster::pam`, here {@link pam}; Kaufman & Rousseeuw 1990), the cluster of
 * every trajectory, the cluster-mean paths (mean latitude and longitude at each hour, as openair)
 * and the percentage of trajectories per cluster. PAM is deterministic: no seed.
 *
 * Distances (default, `openair: false`):
 * - `"euclid"`: the sum over the trajectory points (receptor included) of the straight-line
 *   distance in km between the two trajectories' points at the same age (points on a sphere of
 *   radius 6,371.0088 km; within 0.1 % of the great-circle distance below 1,000 km).
 * - `"angle"`: Sirois & Bottenheim's angle distance (Sirois, A. & Bottenheim, J. W. (1995), Use of
 *   backward trajectories to interpret the 5-year record of PAN and O3 ambient air concentrations
 *   at Kejimkujik National Park, Nova Scotia, J. Geophys. Res. 100:2867–2881): the mean over the
 *   points (receptor excluded) of the angle (rad) at the receptor between the directions to the
 *   two points, the directions being great-circle bearings from each trajectory's own receptor.
 *
 * openair's formulas (`openair: true`), which aozora does not use by default because:
 * - `distEuclid` computes 110·√((lon_i − lon_j)² + ((lat_i − lat_j)·cos(lon_i·3.14159/180))²):
 *   it is handed the longitude matrix where its code expects latitudes, so the cosine of the
 *   LONGITUDE scales the latitude difference and longitude differences are never shortened by
 *   cos(latitude). At 121° E (Shanghai) latitude differences count 0.26 times a longitude
 *   difference; at London (0°) the distance is the unscaled degree distance.
 * - `distAngle` measures angles in the plane of degrees (a degree of longitude as long as a
 *   degree of latitude) around the first trajectory's receptor, and a pair with any undefined
 *   term (acos of a rounded argument above 1, or a point at the receptor) gets distance 0 —
 *   `undefinedPairs` counts them.
 *
 * Like openair, only trajectories with the most common number of points are clustered; the rest
 * (and trajectories with a missing position, or other ages) are listed in `excluded`, never
 * dropped silently. openair identifies trajectories by arrival date; aozora by `traj` (several
 * start heights at one time stay separate trajectories).
 *
 * Memory and time: the dissimilarities are a Float32 lower triangle, 2·n(n − 1) bytes (8,760
 * trajectories: 153 MB); the O(n²·points) distance loop runs on worker threads; PAM's swap step
 * costs O(n²) per swap (FastPAM1). `bench/trajcluster.mjs` times 8,760 72-h trajectories.
 *
 * With `type` (openair's `type`, e.g. "season"), each level of the trajectories' arrival times is
 * clustered on its own (openair's default `split.after = FALSE`), percentages within the level;
 * `byType.levels` holds them (openair drops trajectories without a level; they are listed).
 *
 * @param endpoints endpoints table (`readHysplitFiles(...).endpoints`) or its columns (traj, age in h, lat, lon in deg)
 * @throws {RangeError} when `type` is given without arrival times, from {@link cutData} (a local-time type without `utcOffsetMinutes`), when `method` is unknown, `nCluster` is not an integer ≥ 1 or not below the number of trajectories kept, or `workers` is not a positive integer
 */
export async function trajCluster(
  endpoints: AqTable | EndpointColumns,
  opts: TrajClusterOptions = {},
): Promise<TrajClusterResult> {
  if (opts.type === undefined || opts.type === "default") return clusterAll(endpoints, opts);
  const ep = endpointColumns(endpoints);
  const arrivals = new Map<number, number>(opts.arrivals ?? []);
  if (!opts.arrivals) {
    if (!("numRows" in endpoints) || !endpoints.timeColumn)
      throw new RangeError("trajCluster: type needs arrival times: an endpoints table with times, or `arrivals`");
    const t = endpoints.times();
    for (let i = 0; i < ep.traj.length; i++) if (ep.age[i] === 0) arrivals.set(ep.traj[i], t[i]);
  }
  const all = await clusterAll(endpoints, opts);
  const ids = all.traj;
  const times = ids.map((t) => arrivals.get(t) ?? NaN);
  const cut = cutData({ times, utcOffsetMinutes: opts.utcOffsetMinutes }, opts.type, opts.typeOptions);
  const levels: TrajClusterLevel[] = [];
  for (let l = 0; l < cut.levels.length; l++) {
    const keep = new Set(ids.filter((_, i) => cut.index[i] === l));
    if (keep.size === 0) continue;
    const rows: number[] = [];
    for (let i = 0; i < ep.traj.length; i++) if (keep.has(ep.traj[i])) rows.push(i);
    const pick = (a: ArrayLike<number>) => Float64Array.from(rows, (r) => a[r]);
    const sub = { traj: pick(ep.traj), age: pick(ep.age), lat: pick(ep.lat), lon: pick(ep.lon) };
    levels.push({ level: cut.levels[l], n: keep.size, result: await clusterAll(sub, { ...opts, type: undefined }) });
  }
  return {
    ...all,
    byType: {
      type: opts.type,
      levels,
      excluded: cut.excluded.rows.map((i) => ({ traj: ids[i], reason: cut.excluded.reason })),
    },
  };
}

async function clusterAll(endpoints: AqTable | EndpointColumns, opts: TrajClusterOptions): Promise<TrajClusterResult> {
  const method = opts.method ?? "euclid";
  if (method !== "euclid" && method !== "angle")
    throw new RangeError(`trajCluster: method must be "euclid" or "angle", got ${String(method)}`);
  const k = opts.nCluster ?? 5;
  const cores = typeof availableParallelism === "function" ? availableParallelism() : 1;
  const workers = opts.workers ?? cores;
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`trajCluster: workers must be an integer ≥ 1, got ${workers}`);
  const g = gather(endpointColumns(endpoints));
  const n = g.traj.length;
  if (!Number.isInteger(k) || k < 1 || k >= n)
    throw new RangeError(`trajCluster: nCluster must be an integer in [1, ${n - 1}] for ${n} trajectories, got ${k}`);
  if (method === "angle" && g.ages.length < 2)
    throw new RangeError("trajCluster: the angle distance needs trajectories of at least 2 points");
  const openair = opts.openair ?? false;
  const kernel: DistanceKernel =
    method === "euclid" ? (openair ? "openair-euclid" : "chord") : openair ? "openair-angle" : "bearing";
  const { f, atReceptor } = features(g, kernel);
  const { d, nanPairs } = await distances(f, workers);
  const r = pam({ n, d }, k);
  const P = g.ages.length;
  const clusters: TrajClusterSummary[] = r.medoids.map((m, c) => {
    const lat = new Float64Array(P),
      lon = new Float64Array(P);
    for (let i = 0; i < n; i++)
      if (r.clustering[i] === c)
        for (let q = 0; q < P; q++) {
          lat[q] += g.lat[i * P + q];
          lon[q] += g.lon[i * P + q];
        }
    const size = r.sizes[c];
    return {
      cluster: c + 1,
      label: `C${c + 1}`,
      n: size,
      percent: (100 * size) / n,
      medoid: g.traj[m],
      path: g.ages.map((age, q) => ({ age, lat: lat[q] / size, lon: lon[q] / size })),
    };
  });
  return {
    method,
    openair,
    nCluster: k,
    traj: g.traj,
    cluster: Int32Array.from(r.clustering, (c) => c + 1),
    clusters,
    ages: g.ages,
    excluded: g.excluded,
    distanceUnit: method === "euclid" ? "km" : "rad",
    cost: r.cost.swap,
    swaps: r.swaps,
    distanceBytes: d.byteLength,
    undefinedPairs: nanPairs,
    pointsAtReceptor: atReceptor,
    citation:
      "openair trajCluster (Carslaw & Ropkins 2012, Environ. Model. Softw. 27–28:52–61); PAM (Kaufman & Rousseeuw 1990) with FastPAM1 swaps (Schubert & Rousseeuw 2019)" +
      (method === "angle" ? "; angle distance (Sirois & Bottenheim 1995, J. Geophys. Res. 100:2867)" : ""),
  };
}
