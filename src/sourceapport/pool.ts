/**
 * The PMF worker pool (issue #21 item 2, "threads that pay"): one pool per process, created on
 * the first call that asks for more than one worker, its workers kept alive across calls
 * (`unref()`ed while idle, so a CLI, vitest or a notebook kernel exits normally) and closed by
 * {@link closePmfPool}. Each call's shared matrices (the context's x and s, and any typed array
 * that two or more of its tasks share, e.g. DISP's base G and F) are copied once into
 * SharedArrayBuffers and sent to a worker once per call, not per task; results come back copied
 * (transferring them would detach buffers in the worker, which slows every later typed-array
 * access of that V8 isolate by ~25 %: see worker.ts). Tasks are handed out one at a time from a queue to whichever
 * worker is free (runs differ 64–223 iterations on Baton Rouge k = 6, so a fixed split would leave
 * one worker idle). Every task's result depends only on the task and the context, so results are
 * bit-identical whatever the number of workers or the order they finish in.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { executeTask, type PmfTask, type PmfTaskResult, type TaskContext } from "./tasks";
import { kernelChoiceFromEnv, wasmKernelModule } from "./kernels-wasm";

/** The compiled worker script, when running from dist/ (from TypeScript sources there is none). */
function workerScript(): string | undefined {
  const f = join(__dirname, "worker.js");
  return existsSync(f) ? f : undefined;
}

/** Number of workers to use: the request, else one per core; never more than tasks. */
export function workerCount(requested: number | undefined, tasks: number): number {
  const cores = typeof availableParallelism === "function" ? availableParallelism() : 1;
  return Math.max(1, Math.min(requested ?? cores, tasks));
}

/**
 * A module every PMF worker loads once when it starts (before its first task): the worker calls
 * the module's exported `pmfWorkerInit(data)` and waits for it if it returns a promise. For
 * per-worker state such as an instantiated WebAssembly kernel (`data` can be a compiled
 * `WebAssembly.Module`, which is shared with the worker, not recompiled).
 */
export interface PmfWorkerInit {
  /** Absolute path of a CommonJS module (compiled .js) exporting `pmfWorkerInit(data)`. */
  module: string;
  /** Passed to `pmfWorkerInit` (structured-cloned; SharedArrayBuffers and WebAssembly.Module are shared). */
  data?: unknown;
}

/** Summary of the pool's state (for tests and benchmarks). */
export interface PmfPoolInfo {
  /** Live workers. */
  workers: number;
  /** Their thread ids (a replaced worker gets a new id). */
  threadIds: number[];
  /** Workers running a task now. */
  busy: number;
  /** Workers started since the pool was created (replacements included). */
  started: number;
}

type Call = {
  id: number;
  context: TaskContext;
  tasks: PmfTask[];
  /** Tasks with their shared typed arrays swapped for SharedArrayBuffer views. */
  shared: (i: number) => PmfTask;
  limit: number;
  next: number;
  running: number;
  done: number;
  failed: boolean;
  results: unknown[];
  onDone?: (done: number, total: number, result: never, index: number) => void;
  resolve: (r: unknown[]) => void;
  reject: (e: unknown) => void;
};

type Slot = {
  worker: Worker;
  threadId: number;
  /** Call ids whose context this worker holds. */
  contexts: Set<number>;
  task?: { call: Call; index: number };
  gone: boolean;
};

type Pool = { script: string; slots: Slot[]; calls: Call[]; started: number; nextCallId: number };

let pool: Pool | undefined;
const inits: PmfWorkerInit[] = [];

/**
 * Register a module that every PMF worker loads once at start (see {@link PmfWorkerInit}); workers
 * already running load it before their next task. Returns a function that unregisters it for
 * workers started later (a worker that has loaded it keeps its state until the pool closes).
 */
export function addPmfWorkerInit(init: PmfWorkerInit): () => void {
  inits.push(init);
  if (pool) for (const s of pool.slots) s.worker.postMessage({ type: "setup", inits: [init] });
  return () => {
    const i = inits.indexOf(init);
    if (i >= 0) inits.splice(i, 1);
  };
}

/** The pool's state, or `undefined` when there is none. */
export function pmfPoolInfo(): PmfPoolInfo | undefined {
  if (!pool) return undefined;
  return {
    workers: pool.slots.length,
    threadIds: pool.slots.map((s) => s.threadId),
    busy: pool.slots.filter((s) => s.task).length,
    started: pool.started,
  };
}

/**
 * Terminate the PMF worker pool (the next call that needs workers creates a new one). Not needed
 * for a process to exit (idle workers do not keep it alive); for tests and for releasing the
 * workers' memory. Calls still running are rejected.
 *
 * @returns when every worker has exited.
 */
export async function closePmfPool(): Promise<void> {
  const p = pool;
  if (!p) return;
  pool = undefined;
  for (const c of p.calls) fail(c, new Error("PMF worker pool closed while tasks were running"));
  p.calls.length = 0;
  await Promise.all(
    p.slots.map((s) => {
      s.gone = true;
      return s.worker.terminate();
    }),
  );
}

const isShareable = (v: unknown): v is Float64Array | Int32Array =>
  (v instanceof Float64Array || v instanceof Int32Array) && v.length > 0;

/** A copy of `a` in a SharedArrayBuffer (posting it to a worker then copies nothing). */
function toShared<A extends Float64Array | Int32Array>(a: A): A {
  if (!isShareable(a) || a.buffer instanceof SharedArrayBuffer) return a; // (plain arrays are cloned as before)
  const C = a.constructor as { new (b: SharedArrayBuffer): A };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/**
 * The tasks with every typed array that two or more of them hold (the same object) replaced by
 * one SharedArrayBuffer copy, made once; arrays of one task only are sent as they are.
 */
function shareTasks(tasks: PmfTask[]): (i: number) => PmfTask {
  const seen = new Map<unknown, number>();
  for (const t of tasks) for (const v of Object.values(t)) if (isShareable(v)) seen.set(v, (seen.get(v) ?? 0) + 1);
  const copies = new Map<unknown, Float64Array | Int32Array>();
  for (const [v, n] of seen) if (n > 1) copies.set(v, toShared(v as Float64Array | Int32Array));
  if (copies.size === 0) return (i) => tasks[i];
  return (i) => {
    const t = tasks[i] as unknown as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(t)) {
      const c = copies.get(v);
      if (c) (out ??= { ...t })[k] = c;
    }
    return (out ?? t) as unknown as PmfTask;
  };
}

function fail(call: Call, err: unknown): void {
  if (call.failed) return;
  call.failed = true;
  call.reject(err);
}

/** Rebuild an error posted by a worker, keeping RangeError and TypeError as such. */
function rebuildError(e: { name: string; message: string }): Error {
  const C = e.name === "RangeError" ? RangeError : e.name === "TypeError" ? TypeError : Error;
  const err = new C(e.message);
  if (C === Error && e.name !== "Error") err.name = e.name;
  return err;
}

/**
 * The main thread's compiled WASM kernel module for a new worker (shared with it, so each worker
 * neither recompiles nor re-optimises the kernels), or null when the JS kernels are chosen or
 * the module is unavailable (the worker then decides, and reports an error, itself).
 */
function sharedKernels(): unknown {
  let choice;
  try {
    choice = kernelChoiceFromEnv();
  } catch {
    return null;
  }
  return choice === "js" ? null : wasmKernelModule();
}

function startWorker(p: Pool): Slot {
  const worker = new Worker(p.script);
  const slot: Slot = { worker, threadId: worker.threadId, contexts: new Set(), gone: false };
  p.started++;
  const kernels = sharedKernels();
  if (kernels) worker.postMessage({ type: "kernels", module: kernels });
  if (inits.length) worker.postMessage({ type: "setup", inits: [...inits] });
  worker.on(
    "message",
    (
      msg:
        | { type: "done"; call: number; index: number; result: unknown }
        | { type: "error"; call: number; index: number; name: string; message: string },
    ) => {
      const t = slot.task;
      if (!t || t.call.id !== msg.call || t.index !== msg.index) return;
      slot.task = undefined;
      const c = t.call;
      c.running--;
      if (msg.type === "error") fail(c, rebuildError(msg));
      else if (!c.failed) {
        c.results[msg.index] = msg.result;
        c.done++;
        try {
          c.onDone?.(c.done, c.tasks.length, msg.result as never, msg.index);
        } catch (e) {
          fail(c, e);
        }
      }
      settle(p, c);
      schedule(p);
    },
  );
  const lost = (why: string) => {
    if (slot.gone) return;
    slot.gone = true;
    const i = p.slots.indexOf(slot);
    if (i >= 0) p.slots.splice(i, 1);
    const t = slot.task;
    slot.task = undefined;
    if (t) {
      t.call.running--;
      fail(t.call, new Error(`PMF worker (thread ${slot.threadId}) died running task ${t.index + 1}: ${why}`));
      settle(p, t.call);
    }
    schedule(p); // a replacement starts if a call still needs it
  };
  worker.on("error", (e) => lost(e.message));
  worker.on("exit", (code) => lost(`exit code ${code}`));
  worker.unref();
  p.slots.push(slot);
  return slot;
}

/** Finish a call once nothing of it runs any more (resolved when all done, rejected when failed). */
function settle(p: Pool, c: Call): void {
  const over = c.failed ? c.running === 0 : c.done === c.tasks.length;
  if (!over) return;
  const i = p.calls.indexOf(c);
  if (i < 0) return;
  p.calls.splice(i, 1);
  for (const s of p.slots) if (s.contexts.delete(c.id)) s.worker.postMessage({ type: "drop", call: c.id }); // the worker frees the context
  if (!c.failed) c.resolve(c.results);
}

/** Give every free worker the next task of the oldest call that may use one more worker. */
function schedule(p: Pool): void {
  for (;;) {
    const c = p.calls.find((k) => !k.failed && k.next < k.tasks.length && k.running < k.limit);
    if (!c) break;
    let slot = p.slots.find((s) => !s.task);
    if (!slot) {
      const want = Math.max(...p.calls.filter((k) => !k.failed && k.next < k.tasks.length).map((k) => k.limit));
      if (p.slots.length >= want) break;
      slot = startWorker(p);
    }
    const index = c.next++;
    c.running++;
    slot.task = { call: c, index };
    if (!slot.contexts.has(c.id)) {
      slot.contexts.add(c.id);
      slot.worker.postMessage({ type: "context", call: c.id, context: c.context });
    }
    slot.worker.ref();
    slot.worker.postMessage({ type: "task", call: c.id, index, task: c.shared(index) });
  }
  for (const s of p.slots) if (!s.task) s.worker.unref();
}

/**
 * Run independent PMF tasks (base runs, bootstrap runs, displacement searches) on the process's
 * worker pool, or in this thread when `workers` is 1 or no compiled worker exists. Results come
 * back in task order; `onDone` is called as each finishes. A task that throws in a worker rejects
 * the call with the same kind of error (RangeError, TypeError, else Error with its name); a
 * worker that dies (crash, `process.exit`) rejects the call that ran on it and is replaced.
 */
export async function runTasks<T extends PmfTask>(
  context: TaskContext,
  tasks: T[],
  opts: {
    workers?: number;
    onDone?: (done: number, total: number, result: PmfTaskResult<T>, index: number) => void;
  } = {},
): Promise<PmfTaskResult<T>[]> {
  const nw = workerCount(opts.workers, tasks.length);
  const script = workerScript();
  if (nw <= 1 || !script || tasks.length === 0) {
    const results: PmfTaskResult<T>[] = new Array(tasks.length);
    tasks.forEach((t, i) => {
      results[i] = executeTask(context, t) as PmfTaskResult<T>;
      opts.onDone?.(i + 1, tasks.length, results[i], i);
    });
    return results;
  }
  const p = (pool ??= { script, slots: [], calls: [], started: 0, nextCallId: 1 });
  const shared: TaskContext = { ...context, x: toShared(context.x), s: toShared(context.s) };
  return new Promise<PmfTaskResult<T>[]>((resolve, reject) => {
    p.calls.push({
      id: p.nextCallId++,
      context: shared,
      tasks,
      shared: shareTasks(tasks),
      limit: nw,
      next: 0,
      running: 0,
      done: 0,
      failed: false,
      results: new Array(tasks.length),
      onDone: opts.onDone as Call["onDone"],
      resolve: resolve as (r: unknown[]) => void,
      reject,
    });
    schedule(p);
  });
}
