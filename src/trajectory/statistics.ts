import type { AqTable } from "../table/table";
import { quantileType7 } from "../stats/quantile";
import { binEndpoints, endpointColumns, type EndpointColumns, type GridOptions } from "./bin";
import { cellsFrom, type TrajectoryGrid } from "./result";
import type { TrajectoryJoin } from "./join";
import { CWT_WEIGHTS, PSCF_WEIGHTS, cellWeight, type CellWeightClasses } from "./tables/weights";

/** Options of {@link pscf}. */
export interface PscfOptions extends GridOptions {
  /** Percentile (0–100) of the concentration that defines "high" (default 75). */
  percentile?: number;
  /**
   * What the percentile is taken over: `endpoints` (openair: every endpoint carries its
   * trajectory's concentration, so long trajectories count more; default) or `trajectories`
   * (one value per matched trajectory).
   */
  percentileOver?: "endpoints" | "trajectories";
  /** A fixed threshold instead of a percentile (same unit as the concentration). */
  threshold?: number;
  /** Weighting classes (default {@link PSCF_WEIGHTS}); `false` for none. */
  weights?: CellWeightClasses | false;
}

/** Options of {@link cwt}. */
export interface CwtOptions extends GridOptions {
  /** Weighting classes (default {@link CWT_WEIGHTS}); `false` for none. */
  weights?: CellWeightClasses | false;
}

function valueMap(join: TrajectoryJoin): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of join.trajectories) if (t.status === "matched") m.set(t.traj, t.value);
  if (m.size === 0)
    throw new RangeError(
      `no trajectory has a ${join.species} concentration within ${join.toleranceMinutes} min of its arrival (${join.unmatched.length} unmatched)`,
    );
  return m;
}

/**
 * Potential Source Contribution Function (Ashbaugh et al. 1985; Pekney et al. 2006, Aerosol
 * Sci. Technol. 40:952): per lat/lon cell, PSCF = m_ij / n_ij, n_ij = endpoints of all matched
 * trajectories in the cell, m_ij = endpoints of trajectories whose concentration is strictly
 * above the threshold (a percentile, type 7). Cells with few endpoints are down-weighted as in
 * openair's `trajLevel(statistic = "pscf")` ({@link PSCF_WEIGHTS}: n̄ = mean count over occupied
 * cells; ×0.75 for n ∈ (n̄, 2n̄], ×0.5 for (n̄/2, n̄], ×0.15 for n ≤ n̄/2). Trajectories without a
 * concentration (see `join.unmatched`) do not enter n or m (openair, given rows with a missing
 * concentration, would still count them in n). Longitudes are binned as written (HYSPLIT:
 * −180…180), so a trajectory crossing the antimeridian lands in cells at both ends of the map.
 *
 * @param endpoints the endpoints table (`readHysplitFiles(...).endpoints`) or its columns
 * @param join      concentrations per trajectory from {@link joinConcentration}
 * @throws {RangeError} when the percentile is outside [0, 100]
 */
export function pscf(
  endpoints: AqTable | EndpointColumns,
  join: TrajectoryJoin,
  opts: PscfOptions = {},
): TrajectoryGrid {
  const ep = endpointColumns(endpoints);
  const value = valueMap(join);
  const p = opts.percentile ?? 75;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  let threshold = opts.threshold;
  if (threshold === undefined) {
    if ((opts.percentileOver ?? "endpoints") === "endpoints") {
      const b0 = binEndpoints(ep, { ...opts, value, collectValues: true });
      threshold = quantileType7(b0.endpointValues!, p / 100);
    } else threshold = quantileType7(Array.from(value.values()), p / 100);
  }
  const b = binEndpoints(ep, { ...opts, value, threshold });
  const meanCount = b.n.reduce((a, x) => a + x, 0) / b.n.length;
  const w = opts.weights === undefined ? PSCF_WEIGHTS : opts.weights;
  const cells = cellsFrom(b, (c) => ({
    m: b.m[c],
    value: b.m[c] / b.n[c],
    weight: w ? cellWeight(b.n[c], w, meanCount) : 1,
  }));
  return {
    statistic: "pscf",
    resolution: b.resolution,
    cells,
    unit: "1",
    species: join.species,
    percentile: opts.threshold === undefined ? p : undefined,
    threshold,
    concentrationUnit: join.unit,
    meanCount,
    endpointsUsed: b.endpointsUsed,
    trajectoriesUsed: b.trajectoriesUsed,
    method: `PSCF = m/n (Pekney et al. 2006); weights: ${w ? w.citation : "none"}`,
  };
}

/**
 * Concentration-Weighted Trajectory (Seibert et al. 1994; Hsu et al. 2003, Atmos. Environ.
 * 37:545): per cell, the mean concentration over the endpoints in the cell (each endpoint carries
 * its trajectory's concentration, i.e. Σ C_l τ_ijl / Σ τ_ijl with τ the endpoints of trajectory l
 * in the cell), down-weighted as openair's `trajLevel(statistic = "cwt")` does
 * ({@link CWT_WEIGHTS}: ×0.7 for N ∈ (20, 80], ×0.42 for (10, 20], ×0.05 for N ≤ 10).
 */
export function cwt(endpoints: AqTable | EndpointColumns, join: TrajectoryJoin, opts: CwtOptions = {}): TrajectoryGrid {
  const b = binEndpoints(endpointColumns(endpoints), { ...opts, value: valueMap(join) });
  const w = opts.weights === undefined ? CWT_WEIGHTS : opts.weights;
  const cells = cellsFrom(b, (c) => ({ value: b.sum[c] / b.n[c], weight: w ? cellWeight(b.n[c], w) : 1 }));
  return {
    statistic: "cwt",
    resolution: b.resolution,
    cells,
    unit: join.unit,
    concentrationUnit: join.unit,
    species: join.species,
    endpointsUsed: b.endpointsUsed,
    trajectoriesUsed: b.trajectoriesUsed,
    method: `CWT = mean concentration of the cell's endpoints (Hsu et al. 2003); weights: ${w ? w.citation : "none"}`,
  };
}

/**
 * Trajectory frequency map: per cell, the percentage of trajectories with at least one
 * endpoint in the cell (`value`, %), plus the endpoint count `n`. (openair's
 * `trajLevel(statistic = "frequency")` instead maps 100·n/max(n); that is `n` rescaled.)
 * Needs no concentrations: every trajectory counts.
 */
export function trajectoryFrequency(endpoints: AqTable | EndpointColumns, opts: GridOptions = {}): TrajectoryGrid {
  const b = binEndpoints(endpointColumns(endpoints), opts);
  const cells = cellsFrom(b, (c) => ({ value: (100 * b.trajectories[c]) / b.trajectoriesUsed, weight: 1 }));
  return {
    statistic: "frequency",
    resolution: b.resolution,
    cells,
    unit: "%",
    endpointsUsed: b.endpointsUsed,
    trajectoriesUsed: b.trajectoriesUsed,
    method: "percentage of trajectories passing through each cell",
  };
}
