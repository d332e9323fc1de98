/**
 * Worker-thread entry of {@link summariseNetwork}: one DuckDB per worker (the settings of
 * `workerData`, opened at the first year task), then one job per message — a year task
 * ({@link summariseYear}) or a chunk of station trends ({@link stationTrends}); posts the result,
 * or the error as the class it was thrown as. A result depends only on its message, so it is the
 * same on any thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDuckDb, type DuckDb } from "../io/duckdb";
import { packYearResult, postedError, stationTrends, summariseYear, type SummariseWorkerMessage } from "./summarise";

let db: Promise<DuckDb> | undefined;
parentPort?.on("message", (msg: SummariseWorkerMessage) => {
  void (async () => {
    try {
      if (msg.type === "trends") {
        parentPort!.postMessage({ type: "done", result: stationTrends(msg.jobs, msg.settings) });
        return;
      }
      db ??= openDuckDb(":memory:", (workerData as { settings: Record<string, string> }).settings);
      // the rows packed in one transferred buffer: the main thread makes each row object only when it hands it out
      const { result, transfer } = packYearResult(await summariseYear(await db, msg.task));
      parentPort!.postMessage({ type: "done", result }, transfer);
    } catch (e) {
      parentPort!.postMessage({ type: "error", error: postedError(e) });
    }
  })();
});
