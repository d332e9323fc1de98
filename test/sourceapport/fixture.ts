import type { PmfResult } from "../../src/sourceapport/types";

/*
 * A hand-made solution: n = 4 samples, m = 3 species (A, B and the total variable PM), p = 2.
 * G (each column has mean 1):        F (µg/m3):
 *   [0.5, 2.0]                          Factor 1: A 2, B 1, PM 4
 *   [1.5, 0.0]                          Factor 2: A 2, B 6, PM 10
 *   [1.0, 0.5]
 *   [1.0, 1.5]
 * X = G·F, except sample 3 (index 2) species B: G·F gives 4, observed 5 (residual +1, s = 0.25,
 * so r/s = 4 > 3). Uncertainties: A 0.5, B 0.25, PM 1 everywhere.
 */
export function fixture(opts: { times?: boolean; qExpected?: number } = {}): PmfResult {
  const G = Float64Array.from([0.5, 2, 1.5, 0, 1, 0.5, 1, 1.5]);
  const F = Float64Array.from([2, 1, 4, 2, 6, 10]);
  const x = Float64Array.from([5, 12.5, 22, 3, 1.5, 6, 3, 5, 9, 5, 10, 19]);
  const s = Float64Array.from([0.5, 0.25, 1, 0.5, 0.25, 1, 0.5, 0.25, 1, 0.5, 0.25, 1]);
  const summary = ["A", "B", "PM"].map((name) => ({
    name,
    sn: 5,
    category: name === "PM" ? ("weak" as const) : ("strong" as const),
    categoryReason: name === "PM" ? "total variable" : "default",
    belowUncertaintyShare: 0,
    missingShare: 0,
    unit: "µg/m3",
  }));
  return {
    input: {
      species: ["A", "B", "PM"],
      units: ["µg/m3", "µg/m3", "µg/m3"],
      categories: ["strong", "strong", "weak"],
      samples: ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"],
      ...(opts.times
        ? { times: Float64Array.from([0, 1, 2, 3], (d) => Date.UTC(2024, 11, 31 + d, 16)), utcOffsetMinutes: 480 }
        : {}),
      n: 4,
      m: 3,
      x,
      s,
      total: "PM",
      summary,
      changes: [],
      extraUncertaintyPct: 0,
    },
    p: 2,
    options: {
      factors: 2,
      runs: 2,
      seed: 1,
      robust: false,
      alpha: 4,
      maxIterations: 5000,
      tolerance: 0.1,
      relativeTolerance: 1e-5,
      window: 20,
      workers: 1,
    },
    qExpected: opts.qExpected ?? 4 * 3 - 2 * (4 + 3), // = −2 for this tiny problem
    runs: [
      { run: 1, seed: 11, qTrue: 20, qRobust: 19, iterations: 100, converged: true, G, F },
      { run: 2, seed: 12, qTrue: 16, qRobust: 16, iterations: 120, converged: true, G, F },
    ],
    bestIndex: 1,
    G,
    F,
    factorNames: ["Factor 1", "Factor 2"],
  };
}
