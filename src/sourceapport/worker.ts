/**
 * Worker-thread entry for PMF tasks: receives the shared context once, then tasks; posts each
 * result back. Results depend only on the task and the context, so they are bit-identical to
 * running them in the main thread, whatever the scheduling.
 */
import { parentPort } from "node:worker_threads";
import { executeTask, type PmfTask, type TaskContext } from "./tasks";

let context: TaskContext | undefined;
parentPort?.on(
  "message",
  (msg: { type: "init"; context: TaskContext } | { type: "task"; index: number; task: PmfTask }) => {
    if (msg.type === "init") {
      context = msg.context;
      return;
    }
    try {
      if (!context) throw new Error("PMF worker: task before init");
      const result = executeTask(context, msg.task);
      const transfer = "G" in result ? [result.G.buffer as ArrayBuffer, result.F.buffer as ArrayBuffer] : [];
      parentPort!.postMessage({ type: "done", index: msg.index, result }, transfer);
    } catch (e) {
      parentPort!.postMessage({ type: "error", message: `PMF worker: ${(e as Error).message}` });
    }
  },
);
