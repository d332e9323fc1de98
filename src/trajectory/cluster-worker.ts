/**
 * Worker-thread entry of {@link trajCluster}'s distance matrix: fills rows [a0, a1) of the shared
 * packed triangle with the same kernel as the main thread (`fillDistances`), so the result is
 * bit-identical to a single-threaded run.
 */
import { parentPort, workerData } from "node:worker_threads";
import { fillDistances, type DistanceKernel } from "./cluster-distance";

const w = workerData as {
  kernel: DistanceKernel;
  n: number;
  points: number;
  x: SharedArrayBuffer;
  out: SharedArrayBuffer;
  origin?: [number, number];
  a0: number;
  a1: number;
};
try {
  const nanPairs = fillDistances(
    { kernel: w.kernel, n: w.n, points: w.points, x: new Float64Array(w.x), origin: w.origin },
    new Float32Array(w.out),
    w.a0,
    w.a1,
  );
  parentPort!.postMessage({ ok: true, nanPairs });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: (e as Error).message });
}
