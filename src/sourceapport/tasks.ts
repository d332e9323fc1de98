import { alsFit, alsRun, type Penalties, type RunOutcome, type RunSettings } from "./als";
import { dispSearch, type DispSearchResult, type DispSearchTask } from "./dispsearch";
import { splitStartRun } from "./jointstart";

/**
 * The data every task of one analysis shares (sent once to each worker): the matrices and the
 * fit settings. Matrices are n×m row-major.
 */
export interface TaskContext {
  x: Float64Array;
  s: Float64Array;
  n: number;
  m: number;
  settings: RunSettings;
  /** Structural zeros of G (n×p, 1 = G_ik held at 0), for a joint fit over sites. */
  gZero?: Uint8Array;
  /**
   * With `gZero`: base runs use the split start of {@link splitStartRun} with this many unmasked
   * sweeps (joint PMF, `start: "split"`); absent, the plain random start.
   */
  warmSweeps?: number;
}

/** A base run from a random start. */
export interface BaseRunTask {
  kind: "base";
  run: number;
  seed: number;
}

/**
 * A fit from a given start, optionally on a subset of rows (`rows`: indices into the context's
 * samples, repeats allowed, as in a bootstrap resample) and with penalty terms.
 */
export interface FitTask {
  kind: "fit";
  G0?: Float64Array;
  F0: Float64Array;
  rows?: Int32Array;
  penalties?: Penalties;
  /** Settings overriding the context's (e.g. a tighter window for warm starts). */
  settings?: Partial<RunSettings>;
}

export type PmfTask = BaseRunTask | FitTask | DispSearchTask;
export type PmfTaskResult<T extends PmfTask> = T extends BaseRunTask
  ? RunOutcome & { run: number; seed: number }
  : T extends DispSearchTask
    ? DispSearchResult
    : RunOutcome;

/** Gather rows of an n×m matrix (with repeats). */
export function takeRows<T extends Float64Array | Uint8Array>(a: T, m: number, rows: Int32Array): T {
  const out = (a instanceof Uint8Array ? new Uint8Array(rows.length * m) : new Float64Array(rows.length * m)) as T;
  for (let r = 0; r < rows.length; r++) out.set(a.subarray(rows[r] * m, rows[r] * m + m), r * m);
  return out;
}

/** Execute one task (in a worker or in this thread). */
export function executeTask(
  ctx: TaskContext,
  task: PmfTask,
): (RunOutcome & { run?: number; seed?: number }) | DispSearchResult {
  if (task.kind === "disp") {
    if (task.rows)
      return dispSearch(
        takeRows(ctx.x, ctx.m, task.rows),
        takeRows(ctx.s, ctx.m, task.rows),
        task.rows.length,
        ctx.m,
        task,
      );
    return dispSearch(ctx.x, ctx.s, ctx.n, ctx.m, task);
  }
  if (task.kind === "base") {
    const o =
      ctx.gZero && ctx.warmSweeps
        ? splitStartRun({ ...ctx, gZero: ctx.gZero, warmSweeps: ctx.warmSweeps }, task.seed)
        : alsRun(ctx.x, ctx.s, ctx.n, ctx.m, task.seed, ctx.settings, ctx.gZero);
    return { ...o, run: task.run, seed: task.seed };
  }
  const st = { ...ctx.settings, ...task.settings };
  if (task.rows) {
    const x = takeRows(ctx.x, ctx.m, task.rows),
      s = takeRows(ctx.s, ctx.m, task.rows);
    const gZero = ctx.gZero ? takeRows(ctx.gZero, st.p, task.rows) : undefined;
    return alsFit(x, s, task.rows.length, ctx.m, task.G0, task.F0, st, task.penalties, gZero);
  }
  return alsFit(ctx.x, ctx.s, ctx.n, ctx.m, task.G0, task.F0, st, task.penalties, ctx.gZero);
}
