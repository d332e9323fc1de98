import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync } from "../../src/sourceapport/solver";
import type { DispResult } from "../../src/sourceapport/disp";
import { sharedPath } from "./shared";

// the compiled build: displacement searches run on worker threads only from dist/
const req = createRequire(__filename);
const dist = req(
  join(__dirname, "..", "..", "dist", "sourceapport", "disp.js"),
) as typeof import("../../src/sourceapport/disp");

function input(name: string) {
  const d = readEpaPmf(
    sharedPath("data", "epa-pmf", `Dataset-${name}-con.csv`),
    sharedPath("data", "epa-pmf", `Dataset-${name}-unc.csv`),
    { unit: "µg/m3", utcOffset: "-06:00" },
  );
  // every species strong, data exactly as given
  return preparePmfInput({ x: d.x, s: d.s, n: d.n, m: d.m, species: d.species, units: "µg/m3", samples: d.samples });
}

function printSwaps(name: string, d: DispResult, seconds: number): void {
  const p = d.swaps[0].byFactor.length;
  const head = ["dQmax", ...Array.from({ length: p }, (_, k) => `F${k + 1}`), "displ. w/ swap"];
  const rows = d.swaps.map((w) => [
    String(w.dQmax),
    ...w.byFactor.map(String),
    `${w.displacements}/${2 * d.intervals.length}`,
  ]);
  console.log(
    `${name}: DISP of ${d.intervals.length} elements in ${seconds.toFixed(1)} s; ${d.fits} fits, ${d.notConverged} not converged; ` +
      `Q(base) ${d.qBase.toFixed(1)} (polish lowered it by ${d.polishDecrease.toFixed(3)}); largest Q decrease ${d.largestDecrease.toFixed(3)} (${d.largestDecreasePct.toFixed(4)} %)` +
      `${d.warning ? `\nWARNING: ${d.warning}` : ""}\nswaps per factor:\n` +
      [head, ...rows].map((r) => r.map((c) => c.padStart(8)).join(" ")).join("\n"),
  );
}

function check(d: DispResult, elements: number): void {
  expect(d.intervals).toHaveLength(elements);
  expect(d.dQmax).toEqual([4, 8, 16, 32]);
  // the best of 20 base runs is a global minimum as far as DISP can tell: no decrease > 0.1 % of Q
  expect(d.largestDecreasePct).toBeLessThan(0.1);
  expect(d.warning).toBeUndefined();
  expect(d.notConverged).toBeLessThan(0.05 * d.fits);
  for (const w of d.swaps) {
    expect(w.byFactor).toHaveLength(6);
    expect(w.displacements).toBeLessThanOrEqual(2 * elements);
  }
  for (const iv of d.intervals) {
    expect(iv.down[0]).toBeLessThanOrEqual(iv.base);
    expect(iv.up[0]).toBeGreaterThanOrEqual(iv.base);
    for (let l = 1; l < 4; l++) {
      expect(iv.down[l]).toBeLessThanOrEqual(iv.down[l - 1]);
      expect(iv.up[l]).toBeGreaterThanOrEqual(iv.up[l - 1]);
    }
  }
}

describe("DISP on the EPA PMF example data (k = 6, best of 20 base runs, seed 1, compiled build, 2 workers)", () => {
  it("St. Louis, every element: no Q decrease > 0.1 %, < 5 % of fits not converged, swap table reported", async () => {
    const base = runPmfSync(input("StLouis"), { factors: 6, runs: 20, seed: 1 });
    const t = Date.now();
    const d = await dist.dispPmf(base, { workers: 2 });
    printSwaps("St. Louis k = 6", d, (Date.now() - t) / 1000);
    check(d, 6 * base.input.m);
  }, 600_000);

  it("Baton Rouge, 10 species × all factors: same checks", async () => {
    const base = runPmfSync(input("BatonRouge"), { factors: 6, runs: 20, seed: 1 });
    // every fourth species: 10 of 41, spread over the list
    const species = base.input.species.filter((_, j) => j % 4 === 0).slice(0, 10);
    expect(species).toHaveLength(10);
    const t = Date.now();
    const d = await dist.dispPmf(base, { workers: 2, species });
    printSwaps(`Baton Rouge k = 6 (species ${species.join(", ")})`, d, (Date.now() - t) / 1000);
    check(d, 6 * 10);
  }, 600_000);
});
