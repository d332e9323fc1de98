import { AqTable } from "../table/table";
import { cellOf } from "./grid";
import type { BinnedCells } from "./bin";

/** One grid cell of a trajectory statistic. */
export interface TrajectoryCell {
  /** Cell bounds and centre (deg N, deg E). */
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
  lat: number;
  lon: number;
  /** Endpoints in the cell (n_ij). */
  n: number;
  /** Endpoints of trajectories above the threshold (m_ij; PSCF only, else 0). */
  m: number;
  /** Distinct trajectories through the cell. */
  trajectories: number;
  /** Unweighted statistic: PSCF m/n, CWT mean concentration, frequency % of trajectories, SQTBA at the node. */
  value: number;
  /** Weight applied for few endpoints (1 for frequency maps). */
  weight: number;
  /** value × weight: the mapped quantity. */
  weighted: number;
}

/** What {@link pscf}, {@link cwt}, {@link trajectoryFrequency} and {@link sqtba} return. */
export interface TrajectoryGrid {
  statistic: "pscf" | "cwt" | "frequency" | "sqtba";
  /** Cell size (deg). */
  resolution: number;
  /** Occupied cells, sorted by latitude then longitude. */
  cells: TrajectoryCell[];
  /** Unit of `value`/`weighted`: `1` (PSCF), the concentration unit (CWT, SQTBA), `%` (frequency). */
  unit: string;
  /** Species (PSCF/CWT). */
  species?: string;
  /** Percentile (0–100) and the concentration threshold it gave (PSCF). */
  percentile?: number;
  threshold?: number;
  /** Unit of the concentration (and of `threshold`). */
  concentrationUnit?: string;
  /** n̄: mean endpoints per occupied cell (the PSCF weighting reference). */
  meanCount?: number;
  /** SQTBA: the plume spread per hour (km/h) and the endpoints whose Gaussians entered the grid. */
  sigma?: number;
  pointsUsed?: number;
  /** Endpoints and trajectories that entered the statistic. */
  endpointsUsed: number;
  trajectoriesUsed: number;
  /** Citation of the method and weights. */
  method: string;
}

/** Cells as plain records, sorted by latitude then longitude. */
export function cellsFrom(
  b: BinnedCells,
  f: (c: number) => { m?: number; value: number; weight: number },
): TrajectoryCell[] {
  const cells: TrajectoryCell[] = [];
  for (let c = 0; c < b.n.length; c++) {
    const g = cellOf(b.iy[c], b.ix[c], b.resolution);
    const r = f(c);
    cells.push({
      latMin: g.latMin,
      latMax: g.latMax,
      lonMin: g.lonMin,
      lonMax: g.lonMax,
      lat: g.lat,
      lon: g.lon,
      n: b.n[c],
      m: r.m ?? 0,
      trajectories: b.trajectories[c],
      value: r.value,
      weight: r.weight,
      weighted: r.value * r.weight,
    });
  }
  return cells.sort((a, b) => a.lat - b.lat || a.lon - b.lon);
}

/**
 * A trajectory statistic's cells as a table: latMin, latMax, lonMin, lonMax, lat, lon (deg),
 * n, m, trajectories (counts), value, weight, weighted (in the statistic's unit).
 */
export function trajectoryGridTable(g: TrajectoryGrid): AqTable {
  const col = (k: keyof TrajectoryCell) => g.cells.map((c) => c[k]);
  const deg = { unit: "deg" },
    one = { unit: "1" },
    u = { unit: g.unit };
  return AqTable.create(
    {
      latMin: col("latMin"),
      latMax: col("latMax"),
      lonMin: col("lonMin"),
      lonMax: col("lonMax"),
      lat: col("lat"),
      lon: col("lon"),
      n: col("n"),
      m: col("m"),
      trajectories: col("trajectories"),
      value: col("value"),
      weight: col("weight"),
      weighted: col("weighted"),
    },
    {
      latMin: deg,
      latMax: deg,
      lonMin: deg,
      lonMax: deg,
      lat: deg,
      lon: deg,
      n: one,
      m: one,
      trajectories: one,
      value: u,
      weight: one,
      weighted: u,
    },
  );
}
