import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../../src/cli/options";
import { VERBS } from "../../src/cli/verbs";
import { pmfVerb, MAX_PMF_RUNS } from "../../src/cli/pmf";
import { retrofitVerb, MAX_REPLICATES } from "../../src/cli/retrofit";
import { isAllocationFailure } from "../../src/io/errors";
import type { Verb } from "../../src/cli/verb";
import { readMachineLogs } from "../../src/models/energy/read-machinelog";
import { analyseRetrofit, flaggedRows } from "../../src/models/energy/retrofit";
import { defaultEnergyParameters } from "../../src/models/energy/tables/factors";
import { run } from "./run";

// Issue #20, bounded resources: "Counts have upper bounds with clear errors: `pmf --runs 1e9` runs
// out of heap (exit 134), `retrofit --replicates 1e9` runs unbounded and then exits 0 with every
// design 'skipped'. An allocation failure is never reported as success."

const DATA = join(__dirname, "..", "..", "data");
const pmf = ["pmf", "--conc", join(DATA, "pmf-synthetic-con.csv"), "--unc", join(DATA, "pmf-synthetic-unc.csv")];

describe("count options have upper bounds: exit 2 at once, one line naming the option and the range", () => {
  it("pmf --runs / --bootstrap / --bsdisp 1e9 and --factors 1e9", async () => {
    expect(MAX_PMF_RUNS).toBe(1000);
    const cases: [string[], string][] = [
      [[...pmf, "--factors", "5", "--runs", "1e9"], '--runs: expected an integer in [1, 1000], found "1e9"'],
      [[...pmf, "--factors", "5", "--bootstrap", "1e9"], '--bootstrap: expected an integer in [1, 1000], found "1e9"'],
      [
        [...pmf, "--factors", "5", "--bootstrap", "10", "--bsdisp", "1e9"],
        '--bsdisp: expected an integer in [1, 1000], found "1e9"',
      ],
      [[...pmf, "--factors", "1e9"], '--factors: expected an integer in [1, 50], found "1e9"'],
      [[...pmf, "--factors", "5", "--runs", "1001"], '--runs: expected an integer in [1, 1000], found "1001"'],
    ];
    for (const [args, msg] of cases) {
      const t0 = Date.now();
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toBe(`aozora pmf: ${msg}`);
      expect(r.out).toBe("");
      expect(Date.now() - t0).toBeLessThan(2000); // refused before reading or fitting
    }
  });
  it("retrofit --replicates 1e9 (and 100,001) is refused; ofp --top 1e9 is refused", async () => {
    expect(MAX_REPLICATES).toBe(100000);
    const logs = join(DATA, "changshu-tenter-log.csv");
    for (const n of ["1e9", "100001"]) {
      const r = await run(["retrofit", "--logs", logs, "--replicates", n, "--json"]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`aozora retrofit: --replicates: expected an integer in [100, 100000], found "${n}"`);
      expect(r.out).toBe("");
    }
    const o = await run(["ofp", "--file", join(DATA, "xian-voc-canister.csv"), "--top", "1e9"]);
    expect(o.code).toBe(2);
    expect(o.err).toBe('aozora ofp: --top: expected an integer in [1, 1000], found "1e9"');
  });
  it("the bounds themselves are accepted by the parser (1000 runs, 100,000 replicates)", () => {
    const p = parseOptions(
      ["--conc", "a", "--unc", "b", "--factors", "5", "--runs", "1000", "--bootstrap", "1000"],
      pmfVerb.options,
    );
    expect(p.values.runs).toBe(1000);
    expect(p.values.bootstrap).toBe(1000);
    const q = parseOptions(["--logs", "a.csv", "--replicates", "100000"], retrofitVerb.options);
    expect(q.values.replicates).toBe(100000);
  });
});

describe("an allocation failure is never success", () => {
  it("the engine's own allocation RangeErrors are recognised; argument RangeErrors are not", () => {
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error("did not throw");
    };
    expect(isAllocationFailure(caught(() => new Array(-1)))).toBe(true); // "Invalid array length"
    expect(isAllocationFailure(caught(() => new Float64Array(2 ** 53)))).toBe(true); // "Invalid typed array length"
    expect(isAllocationFailure(new RangeError("--runs must be a positive integer"))).toBe(false);
    expect(isAllocationFailure(new Error("Invalid array length"))).toBe(false); // only RangeError
  });
  it("analyseRetrofit: a replicate count that cannot be allocated throws; it is not a design 'skipped'", () => {
    const read = readMachineLogs([join(DATA, "changshu-tenter-log.csv")], { utcOffset: "+08:00" });
    const input = { intervals: read.intervals, thermalMeter: read.thermalMeter, flagged: flaggedRows(read.accounts) };
    // 2^53 replicates: the engine refuses the typed array ("Invalid typed array length")
    expect(() => analyseRetrofit(input, { params: defaultEnergyParameters({}), replicates: 2 ** 53, seed: 1 })).toThrow(
      /Invalid typed array length/,
    );
  });
  it("a verb that runs out of memory exits 1 with one line, not 0 and not 2", async () => {
    const oom: Verb = {
      name: "oom-test",
      summary: "test verb",
      usage: "",
      description: "allocates too much",
      options: {},
      async run() {
        new Float64Array(2 ** 53);
        return 0;
      },
    };
    VERBS.push(oom);
    try {
      const r = await run(["oom-test"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^aozora oom-test: ran out of memory \(Invalid typed array length: \d+\): use smaller counts/,
      );
    } finally {
      VERBS.splice(VERBS.indexOf(oom), 1);
    }
  });
});
