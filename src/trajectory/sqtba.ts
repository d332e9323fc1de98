import type { AqTable } from "../table/table";
import { quantileType7 } from "../stats/quantile";
import { roundHalfEven } from "../stats/round";
import { endpointColumns, type EndpointColumns } from "./bin";
import { cellIndex, cellKey, checkResolution } from "./grid";
import type { TrajectoryJoin } from "./join";
import type { TrajectoryCell, TrajectoryGrid } from "./result";

/** Options of {@link sqtba}. */
export interface SqtbaOptions {
  /** Grid spacing (deg; openair `lat.inc`/`lon.inc`, default 1). */
  resolution?: number;
  /** Plume spread per hour of travel (km/h; openair `sigma`, default 1.5): σ = sigma · |age|. */
  sigma?: number;
  /** Keep grid nodes whose cell holds at least this many endpoints (openair `min.bin`, default 1). */
  minBin?: number;
  /** Grid extent (deg); default: openair's, the 0.2 % and 99.8 % quantiles of the endpoint latitudes and longitudes, rounded. */
  extent?: { latMin: number; latMax: number; lonMin: number; lonMax: number };
  /** Reproduce openair 2.18's computation exactly (see {@link sqtba}). Default false. */
  openair?: boolean;
}

/** Earth radius, km: the mean radius (IUGG R1) by default; openair uses the WGS-84 equatorial radius. */
const R_MEAN = 6371.0088,
  R_OPENAIR = 6378.137;
const RAD = Math.PI / 180;

/**
 * Simplified Quantitative Transport Bias Analysis, as openair's `trajLevel(statistic = "sqtba")`
 * (openair 2.18.2, R/trajLevel.R, `calc_SQTBA`; Carslaw & Ropkins 2012): every endpoint k of
 * trajectory l spreads a Gaussian "natural transport potential" over the grid nodes (x, y),
 * Q_lk(x, y) = (1/σ_k²) · exp(−½ (d/σ_k)²), with d the great-circle distance (km) from the
 * endpoint to the node and σ_k = sigma · |age_k| (km), and
 *
 *   SQTBA(x, y) = Σ_l c_l · Q̄_l(x, y) / Σ_l Q̄_l(x, y),   Q̄_l = (1/K_l) Σ_k Q_lk,
 *
 * c_l the concentration of trajectory l at its arrival (from {@link joinConcentration}),
 * K_l its number of endpoints used. The method is Zhou, L., Hopke, P. K. & Liu, W. (2004),
 * Comparison of two trajectory based models for locating particle sources for two rural New York
 * sites, Atmos. Environ. 38:1955–1963, simplifying the QTBA of Keeler, G. J. & Samson, P. J. (1989),
 * Environ. Sci. Technol. 23:1358–1364 (σ growing linearly with travel time; openair's help cites
 * 5.4 km after one hour from the literature and defaults to 1.5 km). The text of Zhou et al. was
 * not available to check the formula against: it is stated here as openair implements it. As
 * openair, each node's Gaussian is evaluated only for endpoints within 4° of latitude and of
 * longitude (strictly), and nodes are kept where the endpoint count of their cell is ≥ `minBin`.
 *
 * What aozora does differently by default (`openair: true` reproduces openair):
 * - distances by the haversine formula on the mean Earth radius; openair evaluates
 *   R·acos(sin φ₁ sin φ₂ + cos φ₁ cos φ₂ cos Δλ − 10⁻⁷) with R = 6378.137 km, and the −10⁻⁷ makes
 *   every distance at least 2.85 km (√(2·10⁻⁷)·R): a node 0 km from an endpoint reads 2.85 km, so
 *   the first hours' endpoints (σ = 1.5, 3 km) are down-weighted by exp(−4.06/σ²) = 0.16, 0.64.
 * - every endpoint but the receptor (age 0, where σ = 0) is used; openair takes rows 2 to
 *   max|age| of each trajectory, which leaves out the oldest endpoint (age −72 of a 72-h
 *   trajectory) as well and depends on the row order.
 * - the endpoint count that filters nodes is taken in the node's own cell at `resolution`;
 *   openair counts in 1° cells (`round(lat)`, `round(lon)`) whatever the resolution.
 * Trajectories without a concentration (see `join.unmatched`) are left out, as openair drops rows
 * with a missing concentration.
 *
 * @param endpoints endpoints table (`readHysplitFiles(...).endpoints`) or its columns
 * @param join concentrations per trajectory from {@link joinConcentration}
 * @returns a {@link TrajectoryGrid} with statistic "sqtba": one cell per kept node (value = SQTBA in the concentration unit, n = endpoints counted in its cell, weight 1)
 * @throws {RangeError} when no trajectory has a concentration, `sigma` is not > 0, `minBin` is not an integer ≥ 1, the resolution is outside (0, 10], or the extent is empty
 */
export function sqtba(
  endpoints: AqTable | EndpointColumns,
  join: TrajectoryJoin,
  opts: SqtbaOptions = {},
): TrajectoryGrid {
  const res = opts.resolution ?? 1;
  checkResolution(res);
  const sigma = opts.sigma ?? 1.5;
  if (!(Number.isFinite(sigma) && sigma > 0))
    throw new RangeError(`sqtba: sigma must be a number of km > 0, got ${sigma}`);
  const minBin = opts.minBin ?? 1;
  if (!Number.isInteger(minBin) || minBin < 1)
    throw new RangeError(`sqtba: minBin must be an integer ≥ 1, got ${minBin}`);
  const oa = opts.openair ?? false;
  const value = new Map<number, number>();
  for (const t of join.trajectories) if (t.status === "matched") value.set(t.traj, t.value);
  if (value.size === 0)
    throw new RangeError(
      `sqtba: no trajectory has a ${join.species} concentration (${join.unmatched.length} unmatched)`,
    );
  const ep = endpointColumns(endpoints);
  // endpoints of matched trajectories, grouped by trajectory in file order
  const rowsOf = new Map<number, number[]>();
  for (let i = 0; i < ep.traj.length; i++) {
    if (!value.has(ep.traj[i]) || !Number.isFinite(ep.lat[i]) || !Number.isFinite(ep.lon[i])) continue;
    let r = rowsOf.get(ep.traj[i]);
    if (!r) rowsOf.set(ep.traj[i], (r = []));
    r.push(i);
  }
  const lats: number[] = [],
    lons: number[] = [];
  for (const rows of rowsOf.values()) for (const i of rows) (lats.push(ep.lat[i]), lons.push(ep.lon[i]));
  const ext = opts.extent ?? {
    latMin: roundHalfEven(quantileType7(lats, 0.002), 0, 0),
    latMax: roundHalfEven(quantileType7(lats, 0.998), 0, 0),
    lonMin: roundHalfEven(quantileType7(lons, 0.002), 0, 0),
    lonMax: roundHalfEven(quantileType7(lons, 0.998), 0, 0),
  };
  if (!(ext.latMax >= ext.latMin && ext.lonMax >= ext.lonMin)) throw new RangeError("sqtba: the grid extent is empty");
  // R's seq(from, to, by): from + (0:n)·by, n = floor((to − from)/by + 1e-10)
  const gy = Array.from(
    { length: Math.floor((ext.latMax - ext.latMin) / res + 1e-10) + 1 },
    (_, j) => ext.latMin + j * res,
  );
  const gx = Array.from(
    { length: Math.floor((ext.lonMax - ext.lonMin) / res + 1e-10) + 1 },
    (_, j) => ext.lonMin + j * res,
  );
  const NX = gx.length;
  const Q = new Float64Array(gy.length * NX),
    Qc = new Float64Array(gy.length * NX);
  const cosGy = gy.map((y) => Math.cos(y * RAD)),
    sinGy = gy.map((y) => Math.sin(y * RAD));
  const R = oa ? R_OPENAIR : R_MEAN;
  let pointsUsed = 0;
  for (const [t, rows] of rowsOf) {
    const c = value.get(t)!;
    let use: number[];
    if (oa) {
      // openair: rows 2 … max|hour.inc| of the trajectory, in the data's order
      const maxAge = Math.max(...rows.map((i) => Math.abs(ep.age[i])));
      use = rows.slice(1, maxAge);
    } else use = rows.filter((i) => ep.age[i] !== 0);
    if (use.length === 0) continue;
    const w = 1 / use.length;
    for (const i of use) {
      const y = ep.lat[i],
        x = ep.lon[i];
      const s = sigma * Math.abs(ep.age[i]);
      if (!(s > 0)) continue;
      pointsUsed++;
      const sy = Math.sin(y * RAD),
        cy = Math.cos(y * RAD);
      const j0 = Math.max(0, Math.ceil((y - 4 - ext.latMin) / res) - 1),
        j1 = Math.min(gy.length - 1, Math.floor((y + 4 - ext.latMin) / res) + 1);
      const k0 = Math.max(0, Math.ceil((x - 4 - ext.lonMin) / res) - 1),
        k1 = Math.min(NX - 1, Math.floor((x + 4 - ext.lonMin) / res) + 1);
      for (let j = j0; j <= j1; j++) {
        const ny = gy[j];
        if (!(ny > y - 4 && ny < y + 4)) continue;
        for (let k = k0; k <= k1; k++) {
          const nx = gx[k];
          if (!(nx > x - 4 && nx < x + 4)) continue;
          let d: number;
          if (oa) d = Math.acos(sy * sinGy[j] + cy * cosGy[j] * Math.cos(nx * RAD - x * RAD) - 1e-7) * R;
          else {
            const h = Math.sin(((ny - y) * RAD) / 2) ** 2 + cy * cosGy[j] * Math.sin(((nx - x) * RAD) / 2) ** 2;
            d = 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
          }
          const q = (w / (s * s)) * Math.exp(-0.5 * (d / s) ** 2);
          Q[j * NX + k] += q;
          Qc[j * NX + k] += q * c;
        }
      }
    }
  }
  // endpoint counts per cell (all endpoints of the matched trajectories, receptor included)
  const cellRes = oa ? 1 : res;
  const count = new Map<number, { n: number; trajectories: number; last: number }>();
  let endpointsUsed = 0;
  for (const [t, rows] of rowsOf)
    for (const i of rows) {
      const key = cellKey(cellIndex(ep.lat[i], cellRes), cellIndex(ep.lon[i], cellRes));
      let c = count.get(key);
      if (!c) count.set(key, (c = { n: 0, trajectories: 0, last: NaN }));
      c.n++;
      if (c.last !== t) (c.trajectories++, (c.last = t));
      endpointsUsed++;
    }
  const cells: TrajectoryCell[] = [];
  const h = res / 2;
  for (let j = 0; j < gy.length; j++)
    for (let k = 0; k < NX; k++) {
      const c = count.get(cellKey(cellIndex(gy[j], cellRes), cellIndex(gx[k], cellRes)));
      if (!c || c.n < minBin) continue;
      const v = Qc[j * NX + k] / Q[j * NX + k];
      cells.push({
        latMin: gy[j] - h,
        latMax: gy[j] + h,
        lonMin: gx[k] - h,
        lonMax: gx[k] + h,
        lat: gy[j],
        lon: gx[k],
        n: c.n,
        m: 0,
        trajectories: c.trajectories,
        value: v,
        weight: 1,
        weighted: v,
      });
    }
  return {
    statistic: "sqtba",
    resolution: res,
    cells,
    unit: join.unit,
    concentrationUnit: join.unit,
    species: join.species,
    endpointsUsed,
    trajectoriesUsed: rowsOf.size,
    sigma,
    method:
      `SQTBA = Σ c·Q / Σ Q with Gaussian transport potentials, σ = ${sigma} km × |age| (Zhou, Hopke & Liu 2004; openair trajLevel "sqtba")` +
      (oa ? "; openair: true" : ""),
    pointsUsed,
  };
}
