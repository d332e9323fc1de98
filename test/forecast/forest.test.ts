import { describe, expect, it } from "vitest";
import { RandomForestRegression } from "ml-random-forest";
import { trainForest } from "../../src/forecast/forest";
import { simulateForecastStation } from "../../src/simulate/shenyang";
import { dailyMet, dailyTarget } from "../../src/forecast/station";

// trainForest must grow the trees of ml-random-forest 2.1.0 (with ml-cart 2.1.1): the library is
// the independent reference, tree by tree, on data with many ties (values rounded to 0.1) and on
// the forecast design of the simulated station.
function mlForest(x: number[][], y: number[], seed: number, trees: number, maxDepth: number) {
  const rf = new RandomForestRegression({
    seed,
    nEstimators: trees,
    maxFeatures: 0.34,
    replacement: true,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth, minNumSamples: 10 },
  });
  rf.train(x, y);
  return (row: number[]) => rf.predictionValues([row]).getRow(0) as number[];
}

describe("trainForest reproduces ml-random-forest's trees", () => {
  it("rounded data with ties: every tree's prediction is bit-identical", () => {
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const x = Array.from({ length: 200 }, () => Array.from({ length: 9 }, () => Math.round(rnd() * 50) / 10));
    const y = x.map((r) => Math.round((r[0] * 3 + r[1] + rnd()) * 10) / 10);
    for (const seed of [1, 5]) {
      const ref = mlForest(x, y, seed, 8, 6);
      const ours = trainForest(x, y, { seed, trees: 8, maxFeatures: 0.34, maxDepth: 6, minNumSamples: 10 });
      for (let i = 0; i < 60; i++) expect(ours.treePredictions(x[i])).toEqual(ref(x[i]));
      // a row not in the training set too
      const row = x[0].map((v) => v + 0.05);
      expect(ours.treePredictions(row)).toEqual(ref(row));
    }
  });
  it("the forecast design of the simulated station (ln PM2.5 lags and met)", () => {
    const { table } = simulateForecastStation({ seed: 3, days: 200 });
    const met = dailyMet(table.select(["time", "T", "RH", "WS", "BLH"]));
    const pm = dailyTarget(table, "pm25");
    const x: number[][] = [],
      y: number[] = [];
    for (let t = 2; t < pm.values.length; t++) {
      const row = [
        Math.log(pm.values[t - 1]),
        Math.log(pm.values[t - 2]),
        met.columns.T[t],
        met.columns.RH[t],
        met.columns.WS[t],
        met.columns.BLH[t],
      ];
      if ([...row, pm.values[t]].every(Number.isFinite)) {
        x.push(row);
        y.push(Math.log(pm.values[t]));
      }
    }
    const ref = mlForest(x, y, 11, 6, 6);
    const ours = trainForest(x, y, { seed: 11, trees: 6, maxFeatures: 0.34, maxDepth: 6, minNumSamples: 10 });
    for (let i = 0; i < x.length; i += 7) expect(ours.treePredictions(x[i])).toEqual(ref(x[i]));
  });
  it("bad arguments are RangeErrors", () => {
    expect(() => trainForest([], [], { seed: 1, trees: 1, maxFeatures: 0.34, maxDepth: 2, minNumSamples: 2 })).toThrow(
      RangeError,
    );
    expect(() =>
      trainForest([[1, 2, 3]], [1], { seed: 1.5, trees: 1, maxFeatures: 0.34, maxDepth: 2, minNumSamples: 2 }),
    ).toThrow(RangeError);
    expect(() =>
      trainForest([[1, 2]], [1], { seed: 1, trees: 1, maxFeatures: 0.34, maxDepth: 2, minNumSamples: 2 }),
    ).toThrow(RangeError);
  });
});
