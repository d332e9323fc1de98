import { describe, expect, it } from "vitest";
import { EKMA_HAND_DEF } from "./fixtures/mechanisms";
import { contourLines } from "../../src/figures/contour";
import {
  compileMechanism,
  ekmaIsopleths,
  ekmaMetrics,
  ekmaRegime,
  parseChemmech,
  runObm,
  type ObmObservations,
  type ObmOptions,
} from "../../src/photochem";

// ---------------------------------------------------------------------------------------------
// ekmaRegime on synthetic surfaces with a known ridge: O3(v, n) = a(v) − c·(n − r(v))², a quadratic in
// n for each VOC scaling v, maximal at n = r(v); the quadratic interpolation of the ridge and the
// three-point derivatives are then exact.
const SCALES = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.7, 2];
const surface = (a: (v: number) => number, c: number, r: (v: number) => number, vs = SCALES, ns = SCALES) => ({
  vocScales: vs,
  noxScales: ns,
  values: vs.map((v) => ns.map((n) => a(v) - c * (n - r(v)) ** 2)),
});

describe("ekmaRegime on a synthetic surface with a known ridge", () => {
  it("finds the ridge n = 0.3 + 0.4 v of every row exactly, and calls NOx above it VOC-limited", () => {
    const s = surface(
      (v) => 50 + 30 * v,
      20,
      (v) => 0.3 + 0.4 * v,
    );
    const g = ekmaRegime(s);
    for (const p of g.ridge) {
      expect(p.edge).toBeUndefined();
      expect(p.noxScale).toBeCloseTo(0.3 + 0.4 * p.vocScale, 12);
      expect(p.value).toBeCloseTo(50 + 30 * p.vocScale, 10);
    }
    expect(g.ridgeNoxAtObserved).toBeCloseTo(0.7, 12);
    // by hand at (1, 1): ∂O3/∂n = −2c(1 − 0.7) = −12; ∂O3/∂v = 30 + 2c(1 − 0.7)(0.4) = 34.8 (d/d ln s = d/ds at s = 1)
    expect(g.derivatives.dLnNOx).toBeCloseTo(-12, 10);
    expect(g.derivatives.dLnVOC).toBeCloseTo(34.8, 10);
    expect(g.side).toBe("VOC-limited");
    expect(g.regime).toBe("VOC-limited"); // 12 > 0.2 × 34.8
    // the band: 12 ≤ 0.5 × 34.8 → transitional
    expect(ekmaRegime(s, 0.5).regime).toBe("transitional");
    expect(ekmaRegime(s, 0.5).side).toBe("VOC-limited");
  });
  it("below the ridge (r(1) = 1.4): NOx-limited, ∂O3/∂ln NOx = +2c·0.4", () => {
    const g = ekmaRegime(
      surface(
        (v) => 60 + 10 * v,
        10,
        (v) => 1.1 + 0.3 * v,
      ),
    );
    expect(g.ridge.every((p) => p.edge === undefined)).toBe(true);
    expect(g.ridgeNoxAtObserved).toBeCloseTo(1.4, 12);
    expect(g.derivatives.dLnNOx).toBeCloseTo(8, 10);
    expect(g.side).toBe("NOx-limited");
    expect(g.regime).toBe("NOx-limited");
  });
  it("a row whose maximum is at the highest NOx has its ridge above the grid (edge), so the point is NOx-limited", () => {
    const g = ekmaRegime(
      surface(
        (v) => 40 + v,
        5,
        (v) => 3 + v,
      ),
    ); // r ≥ 3.1 > 2 everywhere
    expect(g.ridge.every((p) => p.edge === "above" && p.noxScale === 2)).toBe(true);
    expect(g.side).toBe("NOx-limited");
    const low = ekmaRegime(
      surface(
        (v) => 40 + 30 * v,
        5,
        () => 0.01,
      ),
    );
    expect(low.ridge.every((p) => p.edge === "below" && p.noxScale === 0.1)).toBe(true);
    expect(low.side).toBe("VOC-limited");
  });
  it("unequal spacing: the quadratic through the three cells around the maximum, by hand", () => {
    // one row: values 1, 4, 3 at n = 0.5, 1, 2: y = A n² + B n + C with A = ((3−4)/1 − (4−1)/0.5)/1.5 = −14/3,
    // B = 6 − A·1.5 = 13, vertex n = −B/(2A) = 13·3/28 = 1.392857…
    const s = { vocScales: [0.5, 1, 2], noxScales: [0.5, 1, 2], values: [0, 1, 2].map(() => [1, 4, 3]) };
    expect(ekmaRegime(s).ridge[1].noxScale).toBeCloseTo(39 / 28, 12);
  });
  it("refuses grids without 1, too small, unsorted, or with NaN", () => {
    const ok = surface(
      (v) => v,
      1,
      () => 1,
    );
    expect(() => ekmaRegime({ ...ok, vocScales: SCALES.map((x) => x * 1.1) })).toThrow(/contain 1/);
    expect(() => ekmaRegime({ vocScales: [1, 2], noxScales: SCALES, values: [[], []] })).toThrow(RangeError);
    expect(() => ekmaRegime({ ...ok, noxScales: [...SCALES].reverse() })).toThrow(/increasing/);
    const bad = ok.values.map((r) => [...r]);
    bad[3][4] = NaN;
    expect(() => ekmaRegime({ ...ok, values: bad })).toThrow(/not finite/);
    expect(() => ekmaRegime(ok, -1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// A hand VOC–NOx–HOx mechanism: a held radical source, VOC + OH → RO2, RO2 + NO and HO2 + NO each
// make one NO2 (→ O3), radicals end in HNO3 (OH + NO2) or peroxides. With the radical source P fixed,
// at high NOx OH ≈ P/(k4[NO2]) and P(O3) ≈ 2·k1[VOC]·P/(k4[NO2]) falls as NOx grows (VOC-limited);
// at low NOx peroxides end the radicals and P(O3) grows with NO (NOx-limited).
const DEF = EKMA_HAND_DEF;
const mech = parseChemmech(DEF);
const n = 8;
const T0 = Date.UTC(2024, 6, 1, 0);
const fill = (v: number) => new Array<number>(n).fill(v);
const obs: ObmObservations = {
  timesUtc: Array.from({ length: n }, (_, i) => T0 + i * 3600e3),
  ppb: { SRC: fill(1), VOC: fill(10), NO: fill(2), NO2: fill(8) }, // O3 not observed: it starts at 0 and is made
  temperatureK: 298,
  rhPercent: 50,
};
const opts: ObmOptions = {
  site: { lat: 34.26, lon: 108.94, altitudeM: 400 },
  photolysis: { j: { NO2_IUPAC10: fill(8e-3), SRC_J: fill(3e-4) } },
  spinUpDays: 0,
};

describe("ekmaIsopleths on a hand mechanism", () => {
  it("the 1 × 1 cell equals a direct runObm (peak O3 and daytime net P(O3) of the last day, by hand from the run)", async () => {
    const g = await ekmaIsopleths(mech, obs, opts, { vocSpecies: ["VOC"], workers: 1 });
    const r = runObm(compileMechanism(mech), obs, opts);
    const i = g.vocScales.indexOf(1),
      j = g.noxScales.indexOf(1);
    expect(g.peakO3[i][j]).toBe(Math.max(...r.ppb.O3));
    expect(g.netPO3[i][j]).toBe(r.budget.net.reduce((a, v) => a + v * 1, 0)); // every interval is daytime, 1 h each
    expect(ekmaMetrics(r)).toEqual({ peakO3: g.peakO3[i][j], netPO3: g.netPO3[i][j] });
    // another cell equals a direct run on scaled observations
    const scaled = { ...obs, ppb: { ...obs.ppb, VOC: fill(10 * 0.4), NO: fill(2 * 1.7), NO2: fill(8 * 1.7) } };
    const r2 = runObm(compileMechanism(mech), scaled, opts);
    expect(g.peakO3[g.vocScales.indexOf(0.4)][g.noxScales.indexOf(1.7)]).toBe(Math.max(...r2.ppb.O3));
    expect(g.observed.vocPpb).toBe(10);
    expect(g.observed.noxPpb).toBe(10);
    expect(g.workers).toBe(1);
  });
  it("more NOx lowers O3 at the VOC-limited end and raises it at the NOx-limited end; the ridge moves to more NOx with more VOC", async () => {
    const g = await ekmaIsopleths(mech, obs, opts, { vocSpecies: ["VOC"], workers: 1 });
    const last = g.noxScales.length - 1;
    // VOC × 0.1 (1 ppb: k1[VOC] = 0.25 s⁻¹ ≪ k4[NO2] ≈ 1–1.8 s⁻¹ at NOx × 1.2–2): P(O3) falls with NOx at the high end
    for (let j = last - 3; j < last; j++) expect(g.netPO3[0][j + 1]).toBeLessThan(g.netPO3[0][j]);
    // (peak O3 there is the photostationary O3 of the reset NOx, J[NO2]/(k8[NO]), not produced ozone: no claim)
    // observed VOC: above the ridge every step of NOx lowers peak O3 and P(O3)
    const iv = g.vocScales.indexOf(1);
    for (let j = g.noxScales.indexOf(1); j < last; j++) {
      expect(g.peakO3[iv][j + 1]).toBeLessThan(g.peakO3[iv][j]);
      expect(g.netPO3[iv][j + 1]).toBeLessThan(g.netPO3[iv][j]);
    }
    // VOC × 2 at NOx × 0.1 → 0.2: O3 grows with NOx
    const top = g.vocScales.length - 1;
    expect(g.peakO3[top][1]).toBeGreaterThan(g.peakO3[top][0]);
    expect(g.netPO3[top][1]).toBeGreaterThan(g.netPO3[top][0]);
    expect(g.regime.ridge[top].noxScale).toBeGreaterThan(g.regime.ridge[0].noxScale);
    // the regime is the side of the ridge at VOC × 1, and the derivative's sign agrees with it
    const side = g.regime.ridgeNoxAtObserved < 1 ? "VOC-limited" : "NOx-limited";
    expect(g.regime.side).toBe(side);
    expect(Math.sign(g.regime.derivatives.dLnNOx)).toBe(side === "VOC-limited" ? -1 : 1);
    // the indicator comparison: HCHO is not a species here, no VOC ppbC given → neither indicator
    expect(g.comparison).toEqual({ ekma: g.regime.regime });
    const withRatios = await ekmaIsopleths(mech, obs, opts, {
      vocSpecies: ["VOC"],
      vocScales: [0.5, 1, 2],
      noxScales: [0.5, 1, 2],
      indicators: { vocPpbC: 50, hchoPpb: 3 },
      workers: 1,
    });
    // VOC/NOx = 50/10 = 5 < 8: VOC-limited (REGIME_THRESHOLDS); HCHO/NO2 = 3/8 = 0.375 < 1: VOC-limited
    expect(withRatios.comparison.vocNox).toMatchObject({ ratio: 5, regime: "VOC-limited" });
    expect(withRatios.comparison.hchoNo2).toMatchObject({ ratio: 3 / 8, regime: "VOC-limited" });
    expect(withRatios.comparison.vocNox!.agrees).toBe(withRatios.regime.regime === "VOC-limited");
  });
  it("the netPO3 metric gives the ridge of the integrated production; progress is reported per cell", async () => {
    const seen: number[] = [];
    const g = await ekmaIsopleths(mech, obs, opts, {
      vocSpecies: ["VOC"],
      vocScales: [0.5, 1, 2],
      noxScales: [0.25, 0.5, 1, 2, 4],
      metric: "netPO3",
      workers: 1,
      onProgress: (d) => seen.push(d),
    });
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(g.metric).toBe("netPO3");
    expect(g.regime).toEqual(ekmaRegime({ vocScales: g.vocScales, noxScales: g.noxScales, values: g.netPO3 }));
  });
  it("refuses a held O3, an unobserved species, bad scalings and workers", async () => {
    const withO3 = { ...obs, ppb: { ...obs.ppb, O3: fill(40) } };
    await expect(ekmaIsopleths(mech, withO3, { ...opts, free: [] }, { vocSpecies: ["VOC"] })).rejects.toThrow(
      /O3 is held/,
    );
    await expect(ekmaIsopleths(mech, obs, opts, { vocSpecies: ["TOL"] })).rejects.toThrow(/not observed/);
    await expect(ekmaIsopleths(mech, obs, opts)).rejects.toThrow(/no VOC species observed/);
    await expect(ekmaIsopleths(mech, obs, opts, { vocSpecies: ["VOC"], noxScales: [0.5, 2, 3] })).rejects.toThrow(
      /contain 1/,
    );
    await expect(ekmaIsopleths(mech, obs, opts, { vocSpecies: ["VOC"], workers: 0 })).rejects.toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
describe("contourLines (marching squares)", () => {
  it("z = x + y: the level-1 line is x + y = 1 at every point, from one edge of the grid to another", () => {
    const xs = [0, 0.25, 0.5, 1],
      ys = [0, 0.3, 0.6, 1];
    const z = xs.map((x) => ys.map((y) => x + y));
    const [c] = contourLines(z, xs, ys, [1]);
    expect(c.lines.length).toBe(1);
    const line = c.lines[0];
    for (const p of line) expect(p.x + p.y).toBeCloseTo(1, 12);
    const ends = [line[0], line[line.length - 1]].map((p) => [p.x, p.y].sort()[0]);
    expect(ends).toEqual([0, 0]); // both ends on the x = 0 or y = 0 boundary
    expect(line.length).toBeGreaterThanOrEqual(4);
  });
  it("z = x² + y² on a symmetric grid: a closed line near the circle of radius 1", () => {
    const xs = Array.from({ length: 21 }, (_, i) => -2.05 + i * 0.2); // no grid value exactly on the level
    const z = xs.map((x) => xs.map((y) => x * x + y * y));
    const [c] = contourLines(z, xs, xs, [1]);
    expect(c.lines.length).toBe(1);
    const line = c.lines[0];
    expect(line[0]).toEqual(line[line.length - 1]);
    // linear interpolation of a convex function along a grid edge: within the grid spacing of the circle
    for (const p of line) expect(Math.abs(Math.hypot(p.x, p.y) - 1)).toBeLessThan(0.02);
  });
  it("a saddle cell: the centre mean decides which corners are cut off", () => {
    // corners (0,0) = 1, (1,0) = 0, (1,1) = 1, (0,1) = 0; mean 0.5 ≥ 0.5 → the two low corners are cut off
    const z = [
      [1, 0],
      [0, 1],
    ];
    const [c] = contourLines(z, [0, 1], [0, 1], [0.5]);
    expect(c.lines.length).toBe(2);
    const mids = c.lines.map((l) => ({ x: (l[0].x + l[1].x) / 2, y: (l[0].y + l[1].y) / 2 }));
    mids.sort((a, b) => a.x - b.x);
    expect(mids).toEqual([
      { x: 0.25, y: 0.75 },
      { x: 0.75, y: 0.25 },
    ]);
    // below every value: no line
    expect(contourLines(z, [0, 1], [0, 1], [-1])[0].lines).toEqual([]);
  });
  it("refuses bad grids", () => {
    expect(() => contourLines([[1]], [0], [0], [1])).toThrow(RangeError);
    expect(() => contourLines([[1, 2], [3]], [0, 1], [0, 1], [1])).toThrow(RangeError);
    expect(() =>
      contourLines(
        [
          [1, 2],
          [3, 4],
        ],
        [1, 0],
        [0, 1],
        [1],
      ),
    ).toThrow(/increasing/);
    expect(() =>
      contourLines(
        [
          [1, 2],
          [3, 4],
        ],
        [0, 1],
        [0, 1],
        [NaN],
      ),
    ).toThrow(RangeError);
  });
});
