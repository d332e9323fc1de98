import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput } from "../../src/sourceapport/prepare";
import { runPmfSync } from "../../src/sourceapport/solver";
import { worstRelativeDifference } from "../sourceapport/dispcompare";
import { sharedPath } from "./shared";

// the compiled build: displacement searches run on worker threads only from dist/
const req = createRequire(__filename);
const dist = req(
  join(__dirname, "..", "..", "dist", "sourceapport", "disp.js"),
) as typeof import("../../src/sourceapport/disp");

describe("fast DISP against the exhaustive reference on Baton Rouge (EPA PMF example, k = 6, best of 20 base runs, seed 1)", () => {
  it("every factor × every eighth species: intervals agree to 1 % of each interval width, swap counts equal", async () => {
    const d = readEpaPmf(
      sharedPath("data", "epa-pmf", "Dataset-BatonRouge-con.csv"),
      sharedPath("data", "epa-pmf", "Dataset-BatonRouge-unc.csv"),
      { unit: "µg/m3", utcOffset: "-06:00" },
    );
    const input = preparePmfInput({ ...d, units: "µg/m3" });
    const base = runPmfSync(input, { factors: 6, runs: 20, seed: 1 });
    const species = base.input.species.filter((_, j) => j % 8 === 0);
    expect(species).toHaveLength(6);
    let t = Date.now();
    const fast = await dist.dispPmf(base, { workers: 2, species, method: "fast" });
    const tFast = (Date.now() - t) / 1000;
    t = Date.now();
    // the reference: the exhaustive search run until dQ ≥ 0.995·dQmax (up to 40 fits per level)
    const ref = await dist.dispPmf(base, { workers: 2, species, method: "exhaustive", accept: 0.995, steps: 40 });
    const tRef = (Date.now() - t) / 1000;
    const worst = worstRelativeDifference(fast, ref);
    console.log(
      `Baton Rouge, ${species.length} species × 6 factors: worst bound difference ${(100 * worst).toFixed(3)} % of the interval width; ` +
        `fast ${fast.iterations} ALS iterations (${fast.fits} fits, ${tFast.toFixed(1)} s), reference ${ref.iterations} (${ref.fits} fits, ${tRef.toFixed(1)} s); ` +
        `swaps fast ${fast.swaps.map((w) => w.displacements)}, reference ${ref.swaps.map((w) => w.displacements)}`,
    );
    expect(worst).toBeLessThan(0.01);
    expect(fast.swaps.map((w) => w.byFactor)).toEqual(ref.swaps.map((w) => w.byFactor));
    expect(fast.notConverged).toBeLessThan(0.05 * fast.fits);
    expect(fast.warning).toBeUndefined();
  }, 1_200_000);
});
