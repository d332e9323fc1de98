import { describe, expect, it } from "vitest";
import { progress, progressLine, type ProgressDisplay } from "../../src/notebook";

describe("progressLine", () => {
  it("shows the bar, counts, percent, elapsed time and the time left", () => {
    // 5 of 20 done in 10 s: 2 s per step, 15 steps left → 30 s left; 5/20 of 24 cells = 6 filled
    expect(progressLine("PMF base runs", 5, 20, 10000)).toBe(
      `PMF base runs  ${"█".repeat(6)}${"░".repeat(18)}  5/20 (25 %) · 10.0 s · ~30 s left`,
    );
    expect(progressLine("runs", 20, 20, 12345, 10)).toBe(`runs  ${"█".repeat(10)}  20/20 (100 %) · 12.3 s`);
    expect(progressLine("runs", 0, 4, 0, 4, "starting")).toBe("runs  ░░░░  0/4 (0 %) · 0.0 s · starting");
    // 1 of 3 in 1 s: 2 steps × 1 s left; 1/3 of 6 = 2 cells
    expect(progressLine("x", 1, 3, 1000, 6)).toBe("x  ██░░░░  1/3 (33 %) · 1.0 s · ~2 s left");
  });
});

describe("progress", () => {
  function fakeClock() {
    let t = 1000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }

  it("rewrites one display entry, at most every intervalMs, always the first and the last", () => {
    const shown: string[] = [];
    const display: ProgressDisplay = { text: (s) => void shown.push(s) };
    const clock = fakeClock();
    const bar = progress("runs", { display, now: clock.now, intervalMs: 250, width: 4 });
    bar(1, 10); // first: shown (no estimate of the time left yet)
    clock.advance(100);
    bar(2, 10); // 100 ms later: skipped
    clock.advance(200);
    bar(3, 10); // 300 ms after the last shown: shown
    clock.advance(10);
    bar(10, 10); // last: always shown
    bar(10, 10); // after the end: ignored
    expect(shown).toEqual([
      "runs  ░░░░  1/10 (10 %) · 0.0 s",
      "runs  █░░░  3/10 (30 %) · 0.3 s · ~1 s left",
      "runs  ████  10/10 (100 %) · 0.3 s",
    ]);
  });

  it("accepts runPmf's third argument (a run object) and shows string notes", () => {
    const lines: [string, boolean][] = [];
    const bar = progress("runs", {
      output: { update: (l, f) => void lines.push([l, f]) },
      intervalMs: 0,
      width: 2,
      now: () => 0,
    });
    bar(1, 2, { run: 1, qRobust: 12 });
    bar(2, 2, "Q 10.5");
    expect(lines).toEqual([
      ["runs  █░  1/2 (50 %) · 0.0 s", false],
      ["runs  ██  2/2 (100 %) · 0.0 s · Q 10.5", true],
    ]);
  });

  it("outside a kernel falls back from the notebook display to stderr", () => {
    // tslab's display throws "Not ready" when no kernel runs (as in this test process)
    const display: ProgressDisplay = {
      text: () => {
        throw new Error("Not ready");
      },
    };
    const writes: string[] = [];
    const orig = process.stderr.write;
    process.stderr.write = ((s: string) => (writes.push(s), true)) as typeof process.stderr.write;
    try {
      const bar = progress("steps", { display, intervalMs: 0, width: 4, now: () => 0 });
      for (let i = 1; i <= 8; i++) bar(i, 8);
    } finally {
      process.stderr.write = orig;
    }
    if (process.stderr.isTTY) {
      expect(writes).toHaveLength(8);
      expect(writes[7]).toMatch(/^\rsteps .* 8\/8 \(100 %\).*\n$/);
    } else {
      // one line per quarter reached: 1/8 (12 %) → q0, 2/8 → q1, 4/8 → q2, 6/8 → q3, 8/8 → end
      expect(writes.map((w) => /(\d+)\/8/.exec(w)![1])).toEqual(["1", "2", "4", "6", "8"]);
    }
  });

  it("notebook output outside a kernel is an error; silent shows nothing", () => {
    const display: ProgressDisplay = {
      text: () => {
        throw new Error("Not ready");
      },
    };
    expect(() => progress("x", { output: "notebook", display, now: () => 0 })(1, 2)).toThrow("Not ready");
    expect(() => progress("x", { output: "silent" })(1, 2)).not.toThrow();
  });
});
