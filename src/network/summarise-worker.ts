/**
 * Worker-thread entry of {@link summariseNetwork}: one DuckDB per worker (the settings of
 * `workerData`), then one year task per message; posts each year's result, or the error as the
 * class it was thrown as. A year's result depends only on its task, so it is the same on any
 * thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDuckDb, type DuckDb } from "../io/duckdb";
import { postedError, summariseYear, type NetworkYearTask } from "./summarise";

let db: Promise<DuckDb> | undefined;
parentPort?.on("message", (msg: { type: "task"; task: NetworkYearTask }) => {
  void (async () => {
    try {
      db ??= openDuckDb(":memory:", (workerData as { settings: Record<string, string> }).settings);
      const result = await summariseYear(await db, msg.task);
      parentPort!.postMessage({ type: "done", result });
    } catch (e) {
      parentPort!.postMessage({ type: "error", error: postedError(e) });
    }
  })();
});
