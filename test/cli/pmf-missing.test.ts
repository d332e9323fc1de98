import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";

// Issue #21: "the CLI has no option to exclude samples or choose the missing-value rule".
// A 20-sample × 4-species pair with one missing cell (-999, EPA PMF's code) in sample s3, species B.
const dir = mkdtempSync(join(tmpdir(), "aozora-pmf-missing-"));
const ids = Array.from({ length: 20 }, (_, i) => `s${i + 1}`);
const conc = ["id,A,B,C,D"],
  unc = ["id,A,B,C,D"];
ids.forEach((id, i) => {
  const row = [1 + (i % 5), 2 + (i % 3), 0.5 + (i % 7) * 0.1, 3 + (i % 4)];
  const cells = row.map((v, j) => (id === "s3" && j === 1 ? "-999" : v.toFixed(3)));
  conc.push([id, ...cells].join(","));
  unc.push([id, ...row.map((v, j) => (id === "s3" && j === 1 ? "-999" : (0.1 * v + 0.05).toFixed(4)))].join(","));
});
writeFileSync(join(dir, "con.csv"), conc.join("\n") + "\n");
writeFileSync(join(dir, "unc.csv"), unc.join("\n") + "\n");
const base = [
  "pmf",
  "--conc",
  join(dir, "con.csv"),
  "--unc",
  join(dir, "unc.csv"),
  "--factors",
  "2",
  "--runs",
  "1",
  "--json",
];

describe("aozora pmf --missing and --exclude-samples", () => {
  it("by default replaces the one missing cell by the median: 20 samples, one missing-replaced change", async () => {
    const r = await run(base);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(20);
    expect(j.changesByKind).toEqual({ "missing-replaced": 1 });
    expect(r.err).toContain("1 missing-replaced");
  });
  it("--missing drop-sample drops s3: 19 samples, one sample-excluded change", async () => {
    const r = await run([...base, "--missing", "drop-sample"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(19);
    expect(j.changesByKind).toEqual({ "sample-excluded": 1 });
  });
  it("--exclude-samples s1,s20 leaves 18 samples (and still replaces s3's cell)", async () => {
    const r = await run([...base, "--exclude-samples", "s1,s20"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n).toBe(18);
    expect(j.changesByKind).toEqual({ "sample-excluded": 2, "missing-replaced": 1 });
  });
  it("--missing with an unknown rule is refused with the choices", async () => {
    const r = await run([...base, "--missing", "zero"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--missing: expected one of median, drop-sample");
  });
});
