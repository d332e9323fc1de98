import { AqTable } from "../table/table";
import { AozoraInputError } from "../io/errors";

/** A trajectory to join: set-wide id, file, arrival (= start of a backward trajectory, UTC ms). */
export interface TrajectoryArrival {
  traj: number;
  file?: string;
  /** Arrival instant at the receptor, UTC ms (HYSPLIT starting time of a backward trajectory). */
  start: number;
  direction?: string;
}

/** Why a trajectory has no concentration. */
export type JoinStatus = "matched" | "no-time-within-tolerance" | "missing-value";

/** One trajectory's concentration after {@link joinConcentration}. */
export interface JoinedTrajectory {
  traj: number;
  file: string;
  /** Arrival, UTC ms. */
  arrival: number;
  /** Time of the concentration row used (UTC ms), NaN when none was within tolerance. */
  concTime: number;
  /** Concentration (in `unit`), NaN unless `status` is `matched`. */
  value: number;
  status: JoinStatus;
}

/** What {@link joinConcentration} returns. */
export interface TrajectoryJoin {
  species: string;
  unit: string;
  toleranceMinutes: number;
  /** One entry per trajectory, in input order. */
  trajectories: JoinedTrajectory[];
  /** Number of trajectories with a concentration. */
  matched: number;
  /** The trajectories without one, each with its reason (none is dropped silently). */
  unmatched: JoinedTrajectory[];
  /** The same as a table: traj, file, arrival (time), concTime (time), value (unit), status. */
  table: AqTable;
}

/**
 * Give each back trajectory the concentration measured when it arrived: the row of `conc`
 * whose time is nearest to the arrival instant, if within `toleranceMinutes` (ties go to the
 * earlier row). Both sides are UTC instants (a concentration table's site offset only affects
 * how its times are shown), so no clock conversion happens here. A trajectory whose nearest row
 * is too far, or holds a missing value (NaN), is reported in `unmatched` with its reason.
 *
 * @param arrivals trajectories (from `readHysplitFiles(...).trajectories`); must be backward
 * @param conc     a time-indexed table (e.g. from `readMonitoringTable`)
 * @param species  the concentration column
 * @param opts.file name of the concentration file, for messages
 * @param opts.toleranceMinutes largest |arrival − row time| accepted (min, default 0: exact match)
 * @throws {AozoraInputError} when the column is missing or not numeric, the table has no time
 *   column, or a trajectory is a forward trajectory
 */
export function joinConcentration(
  arrivals: readonly TrajectoryArrival[],
  conc: AqTable,
  species: string,
  opts: { toleranceMinutes?: number; file?: string } = {},
): TrajectoryJoin {
  const file = opts.file ?? "<concentration table>";
  const tol = opts.toleranceMinutes ?? 0;
  if (!(Number.isFinite(tol) && tol >= 0))
    throw new RangeError(`join tolerance must be a number of minutes ≥ 0, got ${tol}`);
  if (!conc.timeColumn)
    throw new AozoraInputError({ file, expected: "a concentration table with a time column", found: "no time column" });
  const col = conc.columns.find((c) => c.name === species || c.original === species);
  if (!col || col.kind !== "number") {
    throw new AozoraInputError({
      file,
      column: species,
      expected: `a numeric concentration column (have: ${conc.columns
        .filter((c) => c.kind === "number")
        .map((c) => c.name)
        .join(", ")})`,
      found: col ? col.kind : "no such column",
    });
  }
  const fwd = arrivals.find((a) => a.direction !== undefined && a.direction.toUpperCase() !== "BACKWARD");
  if (fwd)
    throw new AozoraInputError({
      file: fwd.file ?? `trajectory ${fwd.traj}`,
      expected: "backward trajectories (PSCF/CWT trace air back from the receptor)",
      found: fwd.direction,
    });
  const times = conc.times(),
    values = conc.numbers(col.name);
  const order = Array.from(times.keys())
    .filter((i) => Number.isFinite(times[i]))
    .sort((a, b) => times[a] - times[b]);
  const st = Float64Array.from(order, (i) => times[i]);
  const tolMs = tol * 60000;
  const out: JoinedTrajectory[] = arrivals.map((a) => {
    let lo = 0,
      hi = st.length; // first index with st >= a.start
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (st[mid] < a.start) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    for (const j of [lo - 1, lo]) {
      if (j < 0 || j >= st.length) continue;
      if (best < 0 || Math.abs(st[j] - a.start) < Math.abs(st[best] - a.start)) best = j;
    }
    const base = { traj: a.traj, file: a.file ?? "", arrival: a.start };
    if (best < 0 || Math.abs(st[best] - a.start) > tolMs)
      return { ...base, concTime: NaN, value: NaN, status: "no-time-within-tolerance" as const };
    const v = values[order[best]];
    return {
      ...base,
      concTime: st[best],
      value: Number.isFinite(v) ? v : NaN,
      status: Number.isFinite(v) ? ("matched" as const) : ("missing-value" as const),
    };
  });
  const table = AqTable.create(
    {
      traj: out.map((o) => o.traj),
      file: out.map((o) => o.file),
      arrival: out.map((o) => o.arrival),
      concTime: out.map((o) => o.concTime),
      value: out.map((o) => o.value),
      status: out.map((o) => o.status),
    },
    {
      traj: { unit: "1" },
      file: { kind: "string" },
      arrival: { kind: "time" },
      concTime: { kind: "time" },
      value: { unit: col.unit, original: col.name },
      status: { kind: "string" },
    },
    { column: "arrival", utcOffsetMinutes: conc.utcOffsetMinutes ?? 0 },
  );
  const unmatched = out.filter((o) => o.status !== "matched");
  return {
    species: col.name,
    unit: col.unit,
    toleranceMinutes: tol,
    trajectories: out,
    matched: out.length - unmatched.length,
    unmatched,
    table,
  };
}
