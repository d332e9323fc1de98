import { describe, expect, it } from "vitest";
import { AqTable } from "../../src/table/table";
import { joinConcentration } from "../../src/trajectory/join";
import { cwt, pscf, trajectoryFrequency } from "../../src/trajectory/statistics";
import { roundHalfEven } from "../../src/trajectory/grid";
import { CWT_WEIGHTS, PSCF_WEIGHTS, cellWeight } from "../../src/trajectory/tables/weights";
import type { TrajectoryGrid } from "../../src/trajectory/result";

// Four hand-made back trajectories, 1° cells centred on whole degrees (openair's round_any):
//  traj 1 (C = 10): (31.2, 121.4) → cell 31/121; (31.6, 120.7) → 32/121; (32.4, 119.6) → 32/120
//  traj 2 (C = 20): (31.2, 121.4) → 31/121; (31.4, 120.4) → 31/120; (31.5, 119.5) → 32/120 (halves to even)
//  traj 3 (C = 30): (31.2, 121.4) → 31/121; (30.6, 121.8) → 31/122            (only 2 endpoints)
//  traj 4 (C = 40): (31.2, 121.4) → 31/121; (31.6, 120.7) → 32/121; (32.4, 119.6) → 32/120
// Counts n: 31/121 = 4, 32/121 = 2 (t1, t4), 32/120 = 3 (t1, t2, t4), 31/120 = 1 (t2), 31/122 = 1 (t3)
// 11 endpoints in 5 cells: n̄ = 2.2.
const EP = {
  traj: [1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4],
  age: [0, -1, -2, 0, -1, -2, 0, -1, 0, -1, -2],
  lat: [31.2, 31.6, 32.4, 31.2, 31.4, 31.5, 31.2, 30.6, 31.2, 31.6, 32.4],
  lon: [121.4, 120.7, 119.6, 121.4, 120.4, 119.5, 121.4, 121.8, 121.4, 120.7, 119.6],
};
const T0 = Date.UTC(2025, 0, 1);
const H = 3600000;
const conc = AqTable.create(
  { time: [T0, T0 + H, T0 + 2 * H, T0 + 3 * H], Pb: [10, 20, 30, 40] },
  { time: { kind: "time" }, Pb: { unit: "ng/m3" } },
  { column: "time", utcOffsetMinutes: 480 },
);
const arrivals = [1, 2, 3, 4].map((k) => ({ traj: k, start: T0 + (k - 1) * H, file: "f" }));
const joined = joinConcentration(arrivals, conc, "Pb");
const cell = (g: TrajectoryGrid, lat: number, lon: number) => {
  const c = g.cells.find((x) => x.lat === lat && x.lon === lon);
  if (!c) throw new Error(`no cell ${lat}/${lon}`);
  return c;
};

describe("grid cells (openair round_any)", () => {
  it("rounds halves to even like R's round()", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 31.5, 119.5, 31.49, 31.51].map(roundHalfEven)).toEqual([
      0, 2, 2, 0, -2, 32, 120, 31, 32,
    ]);
  });
});

describe("PSCF/CWT weight classes (openair trajLevel)", () => {
  it("PSCF: n̄ = 10 → 1 above 20, 0.75 in (10, 20], 0.5 in (5, 10], 0.15 at ≤ 5", () => {
    expect([21, 20, 11, 10, 6, 5, 1].map((n) => cellWeight(n, PSCF_WEIGHTS, 10))).toEqual([
      1, 0.75, 0.75, 0.5, 0.5, 0.15, 0.15,
    ]);
  });
  it("CWT: 1 above 80, 0.7 in (20, 80], 0.42 in (10, 20], 0.05 at ≤ 10", () => {
    expect([81, 80, 21, 20, 11, 10, 1].map((n) => cellWeight(n, CWT_WEIGHTS))).toEqual([
      1, 0.7, 0.7, 0.42, 0.42, 0.05, 0.05,
    ]);
  });
});

describe("PSCF on four hand-made trajectories", () => {
  it("75th percentile over endpoints: threshold 35, only trajectory 4 is high", () => {
    // endpoint values sorted: 10 10 10 20 20 20 30 30 40 40 40; h = 10·0.75 = 7.5 → (30 + 40)/2 = 35
    const g = pscf(EP, joined);
    expect(g.threshold).toBe(35);
    expect(g.meanCount).toBeCloseTo(2.2, 12);
    expect(g.cells).toHaveLength(5);
    const c = cell(g, 31, 121);
    expect([c.n, c.m, c.trajectories, c.value, c.weight]).toEqual([4, 1, 4, 0.25, 0.75]); // 4 ∈ (2.2, 4.4]
    expect(c.weighted).toBeCloseTo(0.1875, 12);
    const d = cell(g, 32, 121);
    expect([d.n, d.m, d.value, d.weight, d.weighted]).toEqual([2, 1, 0.5, 0.5, 0.25]); // 2 ∈ (1.1, 2.2]
    const e = cell(g, 32, 120);
    expect([e.n, e.m, e.weight]).toEqual([3, 1, 0.75]);
    expect(e.value).toBeCloseTo(1 / 3, 12);
    expect(cell(g, 31, 120)).toMatchObject({ n: 1, m: 0, value: 0, weight: 0.15 }); // 1 ≤ 1.1
    expect(cell(g, 31, 122)).toMatchObject({ n: 1, m: 0, value: 0, weight: 0.15 });
    expect(cell(g, 32, 120)).toMatchObject({ latMin: 31.5, latMax: 32.5, lonMin: 119.5, lonMax: 120.5 });
    expect(g.endpointsUsed).toBe(11);
    expect(g.trajectoriesUsed).toBe(4);
  });
  it("60th percentile over endpoints (30, strict >) differs from over trajectories (28)", () => {
    // endpoints: h = 10·0.6 = 6 → 30; trajectories [10 20 30 40]: h = 3·0.6 = 1.8 → 20 + 0.8·10 = 28
    const a = pscf(EP, joined, { percentile: 60 });
    expect(a.threshold).toBe(30);
    expect(cell(a, 31, 122).m).toBe(0); // trajectory 3 (30) is not > 30
    const b = pscf(EP, joined, { percentile: 60, percentileOver: "trajectories" });
    expect(b.threshold).toBeCloseTo(28, 12);
    expect(cell(b, 31, 122)).toMatchObject({ m: 1, value: 1 });
    expect(cell(b, 31, 121)).toMatchObject({ m: 2, value: 0.5 });
  });
  it("without the receptor endpoint: n̄ = 7/4, unweighted on request", () => {
    const g = pscf(EP, joined, { includeOrigin: false, weights: false });
    expect(g.cells).toHaveLength(4);
    expect(g.meanCount).toBe(1.75);
    expect(g.cells.every((c) => c.weight === 1)).toBe(true);
  });
  it("a trajectory without concentration is left out of n and m", () => {
    const part = joinConcentration(arrivals, conc.take([0, 1, 2]), "Pb"); // no 03:00 row → trajectory 4 unmatched
    expect(part.unmatched.map((u) => [u.traj, u.status])).toEqual([[4, "no-time-within-tolerance"]]);
    const g = pscf(EP, part, { threshold: 15 });
    expect(cell(g, 31, 121)).toMatchObject({ n: 3, m: 2 });
    expect(g.endpointsUsed).toBe(8);
  });
});

describe("CWT and frequency on the same trajectories", () => {
  it("CWT = mean of endpoint concentrations × weight", () => {
    const g = cwt(EP, joined);
    expect(cell(g, 31, 121)).toMatchObject({ n: 4, value: 25, weight: 0.05 }); // (10+20+30+40)/4
    expect(cell(g, 31, 121).weighted).toBeCloseTo(1.25, 12);
    expect(cell(g, 32, 121).value).toBe(25); // (10 + 40)/2
    expect(cell(g, 32, 120).value).toBeCloseTo(70 / 3, 12);
    expect(cell(g, 31, 122).value).toBe(30);
    expect(g.unit).toBe("ng/m3");
  });
  it("frequency = % of trajectories through the cell", () => {
    const g = trajectoryFrequency(EP);
    expect([cell(g, 31, 121).value, cell(g, 32, 121).value, cell(g, 32, 120).value, cell(g, 31, 120).value]).toEqual([
      100, 50, 75, 25,
    ]);
  });
});

describe("joining trajectories to concentrations by arrival time", () => {
  it("nearest row within the tolerance, ties to the earlier row, missing values reported", () => {
    const c = AqTable.create(
      { time: [T0, T0 + H, T0 + 2 * H, T0 + 3 * H], Pb: [1, NaN, 3, 4] },
      { time: { kind: "time" }, Pb: { unit: "ng/m3" } },
      { column: "time", utcOffsetMinutes: 480 },
    );
    const arr = [
      { traj: 1, start: T0 },
      { traj: 2, start: T0 + H + 20 * 60000 }, // nearest 01:00 (NaN) → missing-value
      { traj: 3, start: T0 + 2.5 * H }, // 02:00 and 03:00 both 30 min away → 02:00
      { traj: 4, start: T0 + 5 * H }, // 2 h from the last row
    ];
    const j = joinConcentration(arr, c, "Pb", { toleranceMinutes: 30 });
    expect(j.trajectories.map((t) => [t.status, t.value])).toEqual([
      ["matched", 1],
      ["missing-value", NaN],
      ["matched", 3],
      ["no-time-within-tolerance", NaN],
    ]);
    expect(j.trajectories[2].concTime).toBe(T0 + 2 * H);
    expect(j.matched).toBe(2);
    expect(joinConcentration(arr, c, "Pb").matched).toBe(1); // default tolerance 0: exact times only
  });
  it("rejects an unknown species and forward trajectories", () => {
    expect(() => joinConcentration(arrivals, conc, "Zn")).toThrow(/column "Zn"/);
    expect(() => joinConcentration([{ traj: 1, start: T0, direction: "FORWARD" }], conc, "Pb")).toThrow(/backward/);
    expect(() => pscf(EP, joinConcentration(arrivals, conc.take([]), "Pb"))).toThrow(
      /no trajectory has a Pb concentration/,
    );
  });
});
