/**
 * Worker-thread entry of the PMF pool (pool.ts): takes the main thread's compiled WASM kernels
 * (kernels-wasm.ts; not recompiled), loads the registered init modules once, keeps
 * the contexts of the calls it works for (x and s in SharedArrayBuffers, not copied), runs tasks
 * and posts each result back (copied: see the note in `handle` on why not transferred). Messages are handled strictly in
 * order (an async init finishes before the next task starts). Results depend only on the task and
 * the context, so they are bit-identical to running them in the main thread.
 */
import { parentPort } from "node:worker_threads";
import { executeTask, type PmfTask, type TaskContext } from "./tasks";
import type { PmfWorkerInit } from "./pool";
import { useSharedWasmKernelModule } from "./kernels-wasm";

type Msg =
  | { type: "kernels"; module: unknown }
  | { type: "setup"; inits: PmfWorkerInit[] }
  | { type: "context"; call: number; context: TaskContext }
  | { type: "drop"; call: number }
  | { type: "task"; call: number; index: number; task: PmfTask };

const contexts = new Map<number, TaskContext>();
const loaded = new Set<string>();

async function handle(msg: Msg): Promise<void> {
  if (msg.type === "kernels") {
    useSharedWasmKernelModule(msg.module);
    return;
  }
  if (msg.type === "setup") {
    for (const init of msg.inits) {
      if (loaded.has(init.module)) continue;
      loaded.add(init.module);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(init.module) as { pmfWorkerInit?: (data: unknown) => unknown };
      if (typeof mod.pmfWorkerInit !== "function")
        throw new Error(`PMF worker init module ${init.module} exports no pmfWorkerInit function`);
      await mod.pmfWorkerInit(init.data);
    }
    return;
  }
  if (msg.type === "context") {
    contexts.set(msg.call, msg.context);
    return;
  }
  if (msg.type === "drop") {
    contexts.delete(msg.call);
    return;
  }
  try {
    const ctx = contexts.get(msg.call);
    if (!ctx) throw new Error(`PMF worker: task of call ${msg.call} before its context`);
    const result = executeTask(ctx, msg.task);
    // Copied, not transferred: transferring detaches the worker's buffers, and the first detached
    // ArrayBuffer invalidates V8's "array buffer detaching" protector for the whole isolate, after
    // which every optimised typed-array access carries a detach check. Measured on Baton Rouge
    // k = 6, 20 runs on 2 warm workers: 1.57–1.96 s CPU with transfer vs 1.27–1.36 s copied (one
    // thread: 1.21–1.43 s; load average 13–14). A result's G and F are a few hundred kB at most.
    parentPort!.postMessage({ type: "done", call: msg.call, index: msg.index, result });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({
      type: "error",
      call: msg.call,
      index: msg.index,
      name: err?.name ?? "Error",
      message: `PMF worker: ${err?.message ?? String(e)}`,
    });
  }
}

let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", (msg: Msg) => {
  // a failing init module is a crash of this worker: the pool rejects the call and replaces it
  queue = queue.then(() => handle(msg));
  queue.catch((e) =>
    setImmediate(() => {
      throw e;
    }),
  );
});
