/**
 * Worker-thread entry of {@link ekmaIsopleths}: compiles the mechanism of `workerData` once, then runs
 * one grid cell per message and posts its metrics, or the error as the class it was thrown as. A
 * cell's result depends only on the cell and the shared context, so it is the same on any thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileMechanism, type CompileMechanismOptions, type CompiledMechanism } from "./compile";
import { ekmaCell, type EkmaCellContext } from "./ekma";
import type { Mechanism } from "./mechanism";

const data = workerData as { mechanism: Mechanism; compile?: CompileMechanismOptions; ctx: EkmaCellContext };
let compiled: CompiledMechanism | undefined;
parentPort?.on("message", (msg: { type: "cell"; index: number; vocScale: number; noxScale: number }) => {
  try {
    compiled ??= compileMechanism(data.mechanism, data.compile);
    const value = ekmaCell(compiled, data.ctx, msg.vocScale, msg.noxScale);
    parentPort!.postMessage({ type: "done", index: msg.index, value });
  } catch (e) {
    parentPort!.postMessage({
      type: "error",
      error: { kind: e instanceof RangeError ? "range" : "error", message: e instanceof Error ? e.message : String(e) },
    });
  }
});
