import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run";

// Issue #21 item 4: `aozora pmf --constraints FILE`. Two sources with distinct profiles
// (A: Pb, Zn; B: EC, OC; both share PM) over 30 samples, with a deterministic ±5 % scatter.
const dir = mkdtempSync(join(tmpdir(), "aozora-pmf-constraints-"));
const species = ["PM", "Pb", "Zn", "EC", "OC"];
const fA = [5, 0.8, 0.4, 0.05, 0.1],
  fB = [8, 0.02, 0.05, 1.5, 3];
const conc = ["id," + species.join(",")],
  unc = ["id," + species.join(",")];
for (let i = 0; i < 30; i++) {
  const gA = 0.3 + ((i * 7) % 11) / 6,
    gB = 0.2 + ((i * 5) % 13) / 7;
  const x = species.map((_, j) => (gA * fA[j] + gB * fB[j]) * (1 + 0.05 * Math.sin(1.7 * i + 2.3 * j)));
  conc.push([`s${i + 1}`, ...x.map((v) => v.toFixed(4))].join(","));
  unc.push([`s${i + 1}`, ...x.map((v) => (0.05 * v + 0.01).toFixed(4))].join(","));
}
writeFileSync(join(dir, "con.csv"), conc.join("\n") + "\n");
writeFileSync(join(dir, "unc.csv"), unc.join("\n") + "\n");
const args = (file: string, extra: string[] = []) => [
  "pmf",
  "--conc",
  join(dir, "con.csv"),
  "--unc",
  join(dir, "unc.csv"),
  "--factors",
  "2",
  "--runs",
  "3",
  "--constraints",
  file,
  ...extra,
];

describe("aozora pmf --constraints", () => {
  const good = join(dir, "good.json");
  writeFileSync(
    good,
    JSON.stringify({
      constraints: [
        { type: "zero", factor: 1, species: "EC" },
        { type: "zero", factor: 2, samples: ["s4"] },
        { type: "expression", expression: "F[1,Pb] - 2*F[1,Zn] = 0" },
      ],
    }),
  );
  it("prints the constrained run's dQ per constraint; the dQ are Q(true) − Q(true, base), % of the base Q; files beside the base", async () => {
    const out = join(dir, "out");
    const r = await run(args(good, ["--json", "--out", out]));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const c = j.constrained;
    expect(c.fromRun).toBe(j.best.run);
    // EPA's % dQ: 100·(Q − Q_base)/Q_base, Q = Q(true) in a non-robust fit
    expect(c.dQ / (c.qTrue - j.best.qTrue) - 1).toBeCloseTo(0, 9);
    expect(c.dQPct / ((100 * (c.qTrue - j.best.qTrue)) / j.best.qTrue) - 1).toBeCloseTo(0, 9);
    expect(c.steps.map((s: { description: string }) => s.description)).toEqual([
      "F[Factor 1, EC] = 0",
      "G[Factor 2, s4] = 0",
      "F[Factor 1, Pb] − 2·F[Factor 1, Zn] = 0",
    ]);
    const sum = c.steps.reduce((a: number, s: { dQ: number }) => a + s.dQ, 0);
    expect(sum / c.dQ - 1).toBeCloseTo(0, 9);
    // the written constrained profiles hold the constraints (tidy table: factor, species, unit, concentration …)
    const prof = readFileSync(join(out, "pmf_constrained_profile_table.csv"), "utf8").trim().split(/\r?\n/);
    const cell = (factor: string, sp: string) => {
      const row = prof.find((l) => l.startsWith(`${factor},${sp},`))!;
      return Number(row.split(",")[3]);
    };
    expect(cell("Factor 1", "EC")).toBe(0);
    expect(Math.abs(cell("Factor 1", "Pb") / cell("Factor 1", "Zn") / 2 - 1)).toBeLessThan(2e-3);
    const contrib = readFileSync(join(out, "pmf_constrained_contributions.csv"), "utf8");
    expect(contrib).toContain("Factor Contributions (avg = 1) from Constrained Run from Base Run #");
    expect(contrib.split(/\r?\n/).find((l) => l.startsWith("s4,"))).toMatch(/^s4,[^,]+,0$/);
    const steps = readFileSync(join(out, "pmf_constraints.csv"), "utf8");
    expect(steps.split(/\r?\n/)[0]).toBe("constraint,description,value (1),dQ (1),dQPct (%)");
    // the base files are still there
    expect(readFileSync(join(out, "pmf_profiles.csv"), "utf8")).toContain("from Base Run #");
  });
  it("the text summary lists each constraint with its dQ", async () => {
    const r = await run(args(good));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/constrained run from base run \d+: .* dQ [\d.]+ \([\d.]+ % of the base Q\)/);
    expect(r.out).toMatch(/ {2}2\. G\[Factor 2, s4\] = 0: dQ [\d.]+ \([\d.]+ %\)/);
  });
  it("a bad constraints file is refused before any fitting, naming the file, line and JSON path", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{\n  "constraints": [\n    { "type": "zero", "factor": 3, "species": "EC" }\n  ]\n}\n');
    const r = await run(args(bad));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${bad}, row 3, column "constraints[0].factor": expected a factor number 1..2`);
  });
});
