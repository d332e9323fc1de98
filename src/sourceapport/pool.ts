import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { executeTask, type PmfTask, type PmfTaskResult, type TaskContext } from "./tasks";

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
 * Run independent PMF tasks (base runs, bootstrap runs, displacement searches) over worker
 * threads, or in this thread when `workers` is 1 or no compiled worker exists. Each task's result
 * depends only on the task and the shared context, so results are bit-identical whatever the
 * scheduling. Results come back in task order; `onDone` is called as each finishes.
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
  const results: PmfTaskResult<T>[] = new Array(tasks.length);
  if (nw <= 1 || !script || tasks.length === 0) {
    tasks.forEach((t, i) => {
      results[i] = executeTask(context, t) as PmfTaskResult<T>;
      opts.onDone?.(i + 1, tasks.length, results[i], i);
    });
    return results;
  }
  let next = 0,
    done = 0;
  await new Promise<void>((resolveAll, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finish = (err?: unknown) => {
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolveAll();
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const i = next++;
      w.postMessage({ type: "task", index: i, task: tasks[i] });
    };
    for (let k = 0; k < nw; k++) {
      const w = new Worker(script);
      workers.push(w);
      w.on(
        "message",
        (msg: { type: "done"; index: number; result: PmfTaskResult<T> } | { type: "error"; message: string }) => {
          if (failed) return;
          if (msg.type === "error") {
            failed = true;
            finish(new Error(msg.message));
            return;
          }
          results[msg.index] = msg.result;
          done++;
          opts.onDone?.(done, tasks.length, msg.result, msg.index);
          if (done === tasks.length) finish();
          else feed(w);
        },
      );
      w.on("error", (e) => {
        if (!failed) {
          failed = true;
          finish(e);
        }
      });
      w.postMessage({ type: "init", context });
      feed(w);
    }
  });
  return results;
}
