import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EKMA_HAND_DEF } from "./fixtures/mechanisms";

// The worker threads run the compiled worker (dist/photochem/ekma-worker.js; `npm test` builds dist
// first, or run `bash scripts/build.sh`): compare 1 and 2 workers through the compiled library.
const a = createRequire(__filename)(join(__dirname, "..", "..", "dist", "index.js"));

const DEF = EKMA_HAND_DEF;
const n = 6;
const fill = (v: number) => new Array<number>(n).fill(v);
const obs = {
  timesUtc: Array.from({ length: n }, (_, i) => Date.UTC(2024, 6, 1) + i * 3600e3),
  ppb: { SRC: fill(1), VOC: fill(10), NO: fill(2), NO2: fill(8) },
  temperatureK: 298,
  rhPercent: 50,
};
const opts = {
  site: { lat: 34.26, lon: 108.94, altitudeM: 400 },
  photolysis: { j: { NO2_IUPAC10: fill(8e-3), SRC_J: fill(3e-4) } },
  spinUpDays: 0,
};

describe("ekmaIsopleths on worker threads (compiled library)", () => {
  it("2 workers give the same grids, ridge and regime as 1 worker, bit for bit", async () => {
    const mech = a.parseChemmech(DEF);
    const grid = { vocSpecies: ["VOC"], vocScales: [0.2, 0.5, 1, 1.5, 2], noxScales: [0.2, 0.5, 1, 1.5, 2] };
    const done: number[] = [];
    const two = await a.ekmaIsopleths(mech, obs, opts, {
      ...grid,
      workers: 2,
      onProgress: (d: number) => done.push(d),
    });
    const one = await a.ekmaIsopleths(mech, obs, opts, { ...grid, workers: 1 });
    expect(two.workers).toBe(2);
    expect(one.workers).toBe(1);
    expect(two.peakO3).toEqual(one.peakO3);
    expect(two.netPO3).toEqual(one.netPO3);
    expect(two.regime).toEqual(one.regime);
    expect(done).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // a cell equals runObm on the scaled observations in this thread
    const cm = a.compileMechanism(mech);
    const scaled = { ...obs, ppb: { ...obs.ppb, VOC: fill(10 * 0.2), NO: fill(2 * 1.5), NO2: fill(8 * 1.5) } };
    expect(two.peakO3[0][3]).toBe(Math.max(...a.runObm(cm, scaled, opts).ppb.O3));
  }, 60_000);
});
