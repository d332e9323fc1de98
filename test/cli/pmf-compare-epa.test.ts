import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";

// Issue #21 item 6: `aozora pmf --compare-epa F` compares the fit with EPA PMF 5.0 result files.
// Round trip: aozora's own EPA-layout export (`--out`: pmf_profiles.csv, pmf_contributions.csv, the
// blocks EPA PMF writes) of a run compared with the same run (same data, same seed) must match each
// factor with itself: profile r = contribution r = 1 and every share difference 0.
const dir = mkdtempSync(join(tmpdir(), "aozora-pmf-epa-"));
const ids = Array.from({ length: 20 }, (_, i) => `s${i + 1}`);
const conc = ["id,A,B,C,D"],
  unc = ["id,A,B,C,D"];
ids.forEach((id, i) => {
  const row = [1 + (i % 5), 2 + (i % 3), 0.5 + (i % 7) * 0.1, 3 + (i % 4)];
  conc.push([id, ...row.map((v) => v.toFixed(3))].join(","));
  unc.push([id, ...row.map((v) => (0.1 * v + 0.05).toFixed(4))].join(","));
});
writeFileSync(join(dir, "con.csv"), conc.join("\n") + "\n");
writeFileSync(join(dir, "unc.csv"), unc.join("\n") + "\n");
const base = ["pmf", "--conc", join(dir, "con.csv"), "--unc", join(dir, "unc.csv"), "--factors", "2", "--runs", "2"];

describe("aozora pmf --compare-epa", () => {
  it("matches every factor of a run with itself in its own EPA-layout export", async () => {
    const first = await run([...base, "--out", join(dir, "a")]);
    expect(first.code).toBe(0);
    const files = ["pmf_profiles.csv", "pmf_contributions.csv"].map((f) => join(dir, "a", f));
    const r = await run([...base, "--json", "--out", join(dir, "b"), ...files.flatMap((f) => ["--compare-epa", f])]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out).compareEpa;
    expect(j.factors.map((f: { aozora: string; epa: string }) => [f.aozora, f.epa])).toEqual([
      ["Factor 1", "Factor 1"],
      ["Factor 2", "Factor 2"],
    ]);
    for (const f of j.factors) {
      expect(f.profileR).toBeCloseTo(1, 12);
      expect(f.contributionR).toBeCloseTo(1, 12);
      expect(Math.abs(f.maxShareDifference.points)).toBeLessThan(1e-9);
    }
    expect(j.samples).toEqual({ by: "label", paired: 20 });
    expect(j.species.shared).toEqual(["A", "B", "C", "D"]);
    // no base run summary table among the files: EPA's Q is unknown (null in JSON)
    expect(j.q.epaRobust).toBeNull();
    expect(existsSync(join(dir, "b", "pmf_epa_comparison.csv"))).toBe(true);
    expect(readFileSync(join(dir, "b", "pmf_epa_comparison.csv"), "utf8").split(/\r?\n/)[0]).toContain(
      "shareDifference",
    );
    const text = await run([...base, ...files.flatMap((f) => ["--compare-epa", f])]);
    expect(text.out).toMatch(/Factor 1 ↔ Factor 1: profile r 1\.000, contribution r 1\.000/);
    const wrongRun = await run([...base, ...files.flatMap((f) => ["--compare-epa", f]), "--epa-run", "99"]);
    expect(wrongRun.code).not.toBe(0);
    expect(wrongRun.err).toMatch(/expected profile or contribution blocks of base run #99/);
  });

  it("names the file and row of an unreadable EPA result file", async () => {
    writeFileSync(
      join(dir, "bad_profiles.csv"),
      "Factor Profiles (conc. of species) from Base Run #1\n\n,,Factor 1\n1,A,x\n",
    );
    const r = await run([...base, "--compare-epa", join(dir, "bad_profiles.csv")]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/bad_profiles\.csv, row 4, column "Factor 1" \(#3\): expected a number/);
  });
});
