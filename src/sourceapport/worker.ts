/**
 * Worker-thread entry for PMF base runs: receives the problem once, then run requests; posts
 * each finished run back. Runs depend only on their seed, so results are bit-identical to
 * running them in the main thread, whatever the scheduling.
 */
import { parentPort } from "node:worker_threads";
import { alsRun, type RunSettings } from "./als";

interface Init {
  type: "init";
  x: Float64Array;
  s: Float64Array;
  n: number;
  m: number;
  settings: RunSettings;
}
interface Job {
  type: "run";
  run: number;
  seed: number;
}

let problem: Init | undefined;
parentPort?.on("message", (msg: Init | Job | { type: "stop" }) => {
  if (msg.type === "init") problem = msg;
  else if (msg.type === "run" && problem) {
    const o = alsRun(problem.x, problem.s, problem.n, problem.m, msg.seed, problem.settings);
    parentPort!.postMessage({ type: "done", run: msg.run, seed: msg.seed, ...o }, [o.G.buffer as ArrayBuffer, o.F.buffer as ArrayBuffer]);
  } else if (msg.type === "stop") parentPort!.close();
});
