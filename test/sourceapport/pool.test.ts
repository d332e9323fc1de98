/**
 * The PMF worker pool (issue #21 item 2): one pool per process, workers kept alive across calls
 * and unref()ed when idle, contexts in SharedArrayBuffers, a crashed worker replaced with the
 * task's error reaching the caller, and the same bits on 1, 2 or 3 workers. Workers exist only in
 * the compiled build, so everything here goes through dist/ (built by `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPmfSync, runSeed, PMF_DEFAULTS } from "../../src/sourceapport/solver";
import { executeTask, type BaseRunTask, type TaskContext } from "../../src/sourceapport/tasks";
import type { RunOutcome } from "../../src/sourceapport/als";
import { wellPosed } from "./wellposed";

type Solver = typeof import("../../src/sourceapport/solver");
type Disp = typeof import("../../src/sourceapport/disp");
type Pool = typeof import("../../src/sourceapport/pool");
const req = createRequire(__filename);
const DIST = join(__dirname, "..", "..", "dist");
const dist = <T>(mod: string) => req(join(DIST, "sourceapport", `${mod}.js`)) as T;
const pool = dist<Pool>("pool");
const INIT = join(__dirname, "fixtures", "pool-init.cjs");

/** The IEEE-754 bytes of a Float64Array, as hex (equal strings ⇔ bit-identical). */
const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");

const { input, p } = wellPosed(120, 11);
const context: TaskContext = {
  x: input.x,
  s: input.s,
  n: input.n,
  m: input.m,
  settings: {
    p,
    robust: false,
    alpha: PMF_DEFAULTS.alpha,
    maxIterations: PMF_DEFAULTS.maxIterations,
    tolerance: PMF_DEFAULTS.tolerance,
    relativeTolerance: PMF_DEFAULTS.relativeTolerance,
    window: PMF_DEFAULTS.window,
  },
};
/** A task run in this thread from the TypeScript sources (no pool). */
const inThread = (t: BaseRunTask) => executeTask(context, t) as RunOutcome;
const baseTasks = (runs: number[]): BaseRunTask[] => runs.map((run) => ({ kind: "base", run, seed: runSeed(9, run) }));

afterEach(async () => {
  await pool.closePmfPool();
  expect(pool.pmfPoolInfo()).toBeUndefined();
});

describe("PMF worker pool", () => {
  it("1, 2 and 3 workers give the bits of the synchronous main-thread path (runPmf and dispPmf)", async () => {
    const { runPmf } = dist<Solver>("solver");
    const sync = runPmfSync(input, { factors: p, runs: 7, seed: 3 });
    for (const workers of [1, 2, 3]) {
      const r = await runPmf(input, { factors: p, runs: 7, seed: 3, workers });
      expect(r.runs.map((x) => bits(x.G) + bits(x.F))).toEqual(sync.runs.map((x) => bits(x.G) + bits(x.F)));
      expect(r.runs.map((x) => x.iterations)).toEqual(sync.runs.map((x) => x.iterations));
      expect(bits(r.G)).toBe(bits(sync.G));
    }
    // DISP tasks all hold the base G and F: the pool shares them (one SharedArrayBuffer copy)
    const { dispPmf } = dist<Disp>("disp");
    const opts = { species: [input.species[0], input.species[1]], factors: [0, 1] };
    const d1 = await dispPmf(sync, { ...opts, workers: 1 });
    const d3 = await dispPmf(sync, { ...opts, workers: 3 });
    expect(d3.intervals).toEqual(d1.intervals);
    expect(d3.swaps).toEqual(d1.swaps);
    expect(d3.fits).toBe(d1.fits);
  });

  it("keeps its workers across calls (one pool per process) and runs in order of the task list", async () => {
    const { runPmf } = dist<Solver>("solver");
    expect(pool.pmfPoolInfo()).toBeUndefined(); // created lazily
    await runPmf(input, { factors: p, runs: 4, seed: 3, workers: 2 });
    const first = pool.pmfPoolInfo()!;
    expect(first).toMatchObject({ workers: 2, busy: 0, started: 2 });
    const done: number[] = [];
    const again = await runPmf(input, { factors: p, runs: 6, seed: 4, workers: 2, onProgress: (d) => done.push(d) });
    expect(pool.pmfPoolInfo()).toEqual(first); // the same two threads, none started
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    expect(again.runs.map((r) => r.run)).toEqual([1, 2, 3, 4, 5, 6]);
    // two calls at once share the pool and each gets its own results
    const [a, b] = await Promise.all([
      pool.runTasks(context, baseTasks([1, 2, 3])),
      pool.runTasks({ ...context, settings: { ...context.settings, p: p - 1 } }, baseTasks([4, 5]), { workers: 2 }),
    ]);
    expect(a.map((r) => bits(r.F))).toEqual(baseTasks([1, 2, 3]).map((t) => bits(inThread(t).F)));
    expect(b.every((r) => r.F.length === (p - 1) * input.m)).toBe(true);
    expect(pool.pmfPoolInfo()!.started).toBe(2);
  });

  it("idle workers do not keep the process alive (a script exits by itself)", () => {
    const script = `const { runPmf } = require(${JSON.stringify(join(DIST, "sourceapport", "solver.js"))});
      const { simulatePmfInput } = require(${JSON.stringify(join(DIST, "simulate", "pmf.js"))});
      const sim = simulatePmfInput({ seed: 1, n: 60 });
      const input = { n: 60, m: sim.species.length, x: Float64Array.from(sim.x.flat()), s: Float64Array.from(sim.s.flat()) };
      runPmf(input, { factors: 3, runs: 4, seed: 1, workers: 2 }).then((r) => console.log("runs", r.runs.length));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 60000 });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("runs 4");
  });

  it("aozora pmf --workers 1, 2 and 3 print the same JSON (compiled CLI, bootstrap included); --workers 0 is refused", () => {
    const data = join(__dirname, "..", "..", "data");
    const cli = (...extra: string[]) =>
      spawnSync(
        process.execPath,
        [
          join(DIST, "cli", "main.js"),
          "pmf",
          "--conc",
          join(data, "shenyang-pm25-con.csv"),
          "--unc",
          join(data, "shenyang-pm25-unc.csv"),
          "--utc-offset",
          "+08:00",
          "--factors",
          "3",
          "--runs",
          "4",
          "--bootstrap",
          "4",
          "--json",
          ...extra,
        ],
        { encoding: "utf8", timeout: 120000 },
      );
    const outs = ["1", "2", "3"].map((w) => cli("--workers", w));
    for (const o of outs) expect(o.status).toBe(0);
    const parsed = outs.map((o) => JSON.parse(o.stdout) as { runs: { qTrue: number }[]; bootstrap: unknown });
    expect(parsed[0].runs).toHaveLength(4);
    expect(parsed[0].bootstrap).toBeDefined();
    expect(outs[1].stdout).toBe(outs[0].stdout);
    expect(outs[2].stdout).toBe(outs[0].stdout);
    const bad = cli("--workers", "0");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--workers: expected an integer in [1, 64], found "0"');
  });

  it("runs an init module once per worker (before its first task), also for workers started later", async () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const remove = pool.addPmfWorkerInit({ module: INIT, data: { counter, dist: DIST } });
    try {
      const tasks = baseTasks([1, 2, 3, 4]);
      const want = tasks.map((t) => bits(inThread(t).G));
      const r2 = await pool.runTasks(context, tasks, { workers: 2 });
      expect(Atomics.load(counter, 0)).toBe(2);
      await pool.runTasks(context, tasks, { workers: 2 });
      expect(Atomics.load(counter, 0)).toBe(2); // kept, not re-initialised
      const r3 = await pool.runTasks(context, tasks, { workers: 3 });
      expect(Atomics.load(counter, 0)).toBe(3); // the third worker, once
      expect(r2.map((r) => bits(r.G))).toEqual(want);
      expect(r3.map((r) => bits(r.G))).toEqual(want);
    } finally {
      remove();
    }
  });

  it("a worker that dies is replaced and its task's error reaches the caller; a task's RangeError stays one", async () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const remove = pool.addPmfWorkerInit({
      module: INIT,
      data: { counter, dist: DIST, crashRun: 3, exitCode: 7, throwRun: 5 },
    });
    try {
      await expect(pool.runTasks(context, baseTasks([1, 2, 3, 4]), { workers: 2 })).rejects.toThrow(
        /PMF worker \(thread \d+\) died running task 3: exit code 7/,
      );
      const after = pool.pmfPoolInfo()!;
      expect(after.workers).toBe(1); // the dead one is gone ...
      const tasks = baseTasks([1, 2, 4, 6]);
      const r = await pool.runTasks(context, tasks, { workers: 2 });
      expect(pool.pmfPoolInfo()).toMatchObject({ workers: 2, started: 3 }); // ... and replaced
      expect(pool.pmfPoolInfo()!.threadIds).toContain(after.threadIds[0]);
      expect(r.map((x) => bits(x.F))).toEqual(tasks.map((t) => bits(inThread(t).F)));
      // an error thrown by a task: same kind, the worker stays
      const e = await pool.runTasks(context, baseTasks([4, 5, 6]), { workers: 2 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RangeError);
      expect((e as Error).message).toBe("PMF worker: run 5 refused");
      expect(pool.pmfPoolInfo()).toMatchObject({ workers: 2, started: 3 });
    } finally {
      remove();
    }
  });

  it("closePmfPool rejects calls still running and the next call starts a new pool", async () => {
    const { runPmf } = dist<Solver>("solver");
    const running = runPmf(input, { factors: p, runs: 6, seed: 3, workers: 2 }).then(
      () => "resolved",
      (e: Error) => e.message,
    );
    await pool.closePmfPool();
    expect(await running).toBe("PMF worker pool closed while tasks were running");
    const r = await runPmf(input, { factors: p, runs: 2, seed: 3, workers: 2 });
    expect(bits(r.G)).toBe(bits(runPmfSync(input, { factors: p, runs: 2, seed: 3 }).G));
    expect(pool.pmfPoolInfo()).toMatchObject({ workers: 2, started: 2 });
  });
});
