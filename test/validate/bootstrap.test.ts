import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync } from "../../src/sourceapport/solver";
import { bootstrapPmf, type BootstrapResult } from "../../src/sourceapport/bootstrap";
import { sharedPath } from "./shared";

function input(name: string) {
  const d = readEpaPmf(
    sharedPath("data", "epa-pmf", `Dataset-${name}-con.csv`),
    sharedPath("data", "epa-pmf", `Dataset-${name}-unc.csv`),
    { unit: "µg/m3", utcOffset: "-06:00" },
  );
  return preparePmfInput({ x: d.x, s: d.s, n: d.n, m: d.m, species: d.species, units: "µg/m3", samples: d.samples });
}

function printTable(name: string, bs: BootstrapResult): void {
  const p = bs.factorNames.length;
  const head = [
    "BS factor",
    ...bs.factorNames.map((_, l) => `→ base ${l + 1}`),
    "unmapped",
    "reproduced",
    "not reproduced",
  ];
  const lines = bs.mappingTable.map((r, k) => [
    `${k + 1}`,
    ...r.mappedTo.map(String),
    String(r.unmapped),
    String(r.reproduced),
    String(r.notReproduced),
  ]);
  console.log(
    `${name} k = ${p}: ${bs.runs.length} bootstrap runs (${bs.convergedRuns} converged), block ${bs.blockSize} samples (${bs.blockSizeSource}), r ≥ ${bs.minCorrelation}\n` +
      [head, ...lines].map((row) => row.map((c) => c.padStart(10)).join(" ")).join("\n"),
  );
}

function checkTable(bs: BootstrapResult, runs: number): void {
  const p = bs.factorNames.length;
  expect(bs.runs).toHaveLength(runs);
  expect(bs.convergedRuns + bs.notConverged.length).toBe(runs);
  expect(bs.notConverged.length * 2).toBeLessThanOrEqual(runs);
  let unmapped = 0;
  for (const row of bs.mappingTable) {
    expect(row.mappedTo).toHaveLength(p);
    expect(row.reproduced + row.notReproduced).toBe(bs.convergedRuns);
    expect(row.reproduced + row.notReproduced).toBeLessThanOrEqual(runs);
    expect(row.mappedTo.reduce((a, b) => a + b, 0) + row.unmapped).toBe(bs.convergedRuns);
    unmapped += row.unmapped;
  }
  expect(bs.unmapped).toBe(unmapped);
  // a base factor is reproduced in a run when some BS factor maps to it: column sums of the table bound it
  for (let k = 0; k < p; k++) {
    const mappedToK = bs.mappingTable.reduce((a, r) => a + r.mappedTo[k], 0);
    expect(bs.mappingTable[k].reproduced).toBeLessThanOrEqual(mappedToK);
    expect(mappedToK === 0).toBe(bs.mappingTable[k].reproduced === 0);
  }
}

/** Share of profile elements with p5 ≤ base ≤ p95 (elements of never-reproduced factors count as outside). */
function baseInside(bs: BootstrapResult): number {
  let inside = 0,
    total = 0;
  for (const row of bs.intervals) {
    for (const iv of row) {
      total++;
      if (iv.p5 <= iv.base && iv.base <= iv.p95) inside++;
    }
  }
  return inside / total;
}

describe("bootstrap on the EPA PMF example data (k = 6, 20 BS runs)", () => {
  it("St. Louis: mapping table reported, every base factor reproduced in ≥ half the runs, base inside p5–p95 for ≥ 80 % of elements", async () => {
    const base = runPmfSync(input("StLouis"), { factors: 6, runs: 20, seed: 1 });
    const bs = await bootstrapPmf(base, { runs: 20, seed: 1, workers: 1 });
    printTable("St. Louis", bs);
    checkTable(bs, 20);
    expect(bs.blockSize).toBeGreaterThanOrEqual(1);
    expect(bs.blockSize).toBeLessThanOrEqual(Math.floor(base.input.n / 2));
    for (const row of bs.mappingTable) expect(row.reproduced, row.factor).toBeGreaterThanOrEqual(10);
    const share = baseInside(bs);
    console.log(
      `St. Louis: base value inside the 5th–95th interval for ${(100 * share).toFixed(1)} % of ${6 * base.input.m} elements`,
    );
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
  it("Baton Rouge: mapping table reported, base inside p5–p95 for ≥ 80 % of elements", async () => {
    const base = runPmfSync(input("BatonRouge"), { factors: 6, runs: 20, seed: 1 });
    const bs = await bootstrapPmf(base, { runs: 20, seed: 1, workers: 1 });
    printTable("Baton Rouge", bs);
    checkTable(bs, 20);
    expect(bs.blockSize).toBeLessThanOrEqual(Math.floor(base.input.n / 2));
    const share = baseInside(bs);
    console.log(
      `Baton Rouge: base value inside the 5th–95th interval for ${(100 * share).toFixed(1)} % of ${6 * base.input.m} elements`,
    );
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
