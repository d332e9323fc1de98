import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { polarPlot, type PolarPlotOptions, type PolarPlotResult } from "../../src/directional/polarplot";
import { readXact } from "../../src/metals/read-xact";
import { xactHourly } from "../../src/metals/xactseries";
import { pearson } from "../../src/stats/correlation";
import type { WindSeries } from "../../src/directional/wind";
import { simulatedPolarYear } from "./polarsim";
import { polarUncertaintySpec, polarPlotSpec } from "../../src/directional/figures";
import { renderSvg } from "../../src/figures/render";

const FIX = join(__dirname, "fixtures");

/** openair's surface at the 51 × 51 fit nodes (fixture written by scripts/compare-openair/polarplot.R). */
function openairNodes(name: string): { i: number; j: number; z: number }[] {
  return readFileSync(join(FIX, name), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("i,"))
    .map((l) => {
      const [i, j, z] = l.split(",").map(Number);
      return { i, j, z };
    });
}

/** aozora's value at node (i, j): grid column 4i, row from the top G − 1 − 4j. */
function at(r: PolarPlotResult, i: number, j: number, z?: Float64Array): number {
  const G = r.gridSize;
  const g = (G - 1 - 4 * j) * G + 4 * i;
  return z ? z[g] : r.grid[g].z;
}

function agreement(r: PolarPlotResult, nodes: { i: number; j: number; z: number }[], z?: Float64Array) {
  const a: number[] = [],
    o: number[] = [];
  let onlyOpenair = 0;
  for (const n of nodes) {
    const v = at(r, n.i, n.j, z);
    if (Number.isFinite(v)) {
      a.push(v);
      o.push(n.z);
    } else onlyOpenair++;
  }
  const oMax = nodes.reduce((b, n) => (n.z > b.z ? n : b));
  let aMax = { i: -1, j: -1, z: -Infinity };
  for (let i = 0; i <= 50; i++)
    for (let j = 0; j <= 50; j++) {
      const v = at(r, i, j, z);
      if (Number.isFinite(v) && v > aMax.z) aMax = { i, j, z: v };
    }
  let maxDiff = 0;
  for (let t = 0; t < a.length; t++) maxDiff = Math.max(maxDiff, Math.abs(a[t] - o[t]));
  return { r: pearson(a, o), n: a.length, onlyOpenair, maxDiff, oMax, aMax };
}

const xact = (() => {
  const h = xactHourly(readXact("data/shanghai-xact-2025.csv", { utcOffset: "+08:00" }));
  return { values: h.conc.V, wd: h.wd, ws: h.ws } as WindSeries;
})();
const sim = simulatedPolarYear();

describe("polarPlot (GAM) against openair 2.18.2.9005 polarPlot()$data on the same input", () => {
  const cases: [string, WindSeries, PolarPlotOptions, string][] = [
    ["example year V, mean", xact, {}, "openair-xact-V-mean.csv"],
    ["example year V, CBPF P90", xact, { statistic: "cpf", percentile: 90 }, "openair-xact-V-cpf90.csv"],
    ["simulated year (source 130°, 4–7 m/s), mean", sim, {}, "openair-sim-mean.csv"],
    ["simulated year, CBPF P90", sim, { statistic: "cpf", percentile: 90 }, "openair-sim-cpf90.csv"],
  ];
  for (const [what, s, opts, file] of cases) {
    const nodes = openairNodes(file);
    it(`${what}: openair: true reproduces openair's surface (r > 0.99999, same peak node, height within 0.01 %)`, () => {
      const r = polarPlot(s, { ...opts, openair: true });
      const g = agreement(r, nodes);
      expect(g.onlyOpenair).toBeLessThanOrEqual(2); // mask ties at exactly 0.05 of the grid width
      expect(g.r).toBeGreaterThan(0.99999);
      expect(Math.abs(g.aMax.z / g.oMax.z - 1)).toBeLessThan(1e-4);
      if (opts.statistic !== "cpf") expect([g.aMax.i, g.aMax.j]).toEqual([g.oMax.i, g.oMax.j]); // cpf: a plateau at 1
    });
    it(`${what}: the default (defects corrected) agrees with openair: r ≥ 0.995, peak within 3 % and one node`, () => {
      const r = polarPlot(s, opts);
      // cpf: openair clips its surface at 1, the default does not; compare the smoothers on min(z, 1)
      const g = agreement(
        r,
        nodes,
        opts.statistic === "cpf" ? Float64Array.from(r.grid, (p) => Math.min(p.z, 1)) : undefined,
      );
      expect(g.r).toBeGreaterThanOrEqual(0.995);
      if (opts.statistic !== "cpf") {
        expect(Math.abs(g.aMax.z / g.oMax.z - 1)).toBeLessThanOrEqual(0.03);
        expect(Math.abs(g.aMax.i - g.oMax.i)).toBeLessThanOrEqual(1);
        expect(Math.abs(g.aMax.j - g.oMax.j)).toBeLessThanOrEqual(1);
      } else {
        // openair clips the CBPF surface at 1; the default does not (r.fit.aboveOne says where it overshoots)
        expect(g.oMax.z).toBe(1);
        expect(r.fit!.aboveOne).toBeGreaterThan(0);
        expect(r.max.z).toBeGreaterThan(1);
      }
    });
  }
  it("uncertainty: the lower and upper surfaces (prediction ∓ 2 SE, squared back) match openair's", () => {
    const r = polarPlot(sim, { uncertainty: true, openair: true });
    for (const [file, z] of [
      ["openair-sim-mean-lower.csv", r.uncertainty!.lower],
      ["openair-sim-mean-upper.csv", r.uncertainty!.upper],
    ] as const) {
      const g = agreement(r, openairNodes(file), z);
      expect(g.r, file).toBeGreaterThan(0.99999);
      expect(g.maxDiff / g.oMax.z, file).toBeLessThan(1e-3);
    }
  });
  it("the simulated source is found: peak within 10° of 130° and inside 4–7 m/s", () => {
    const r = polarPlot(sim);
    expect(Math.abs(r.max.wd - 130)).toBeLessThanOrEqual(10);
    expect(r.max.ws).toBeGreaterThanOrEqual(4);
    expect(r.max.ws).toBeLessThanOrEqual(7);
  });
});

describe("polarUncertaintySpec and polarPlotSpec of the GAM surface", () => {
  it("three panels (lower, prediction, upper) on one colour scale spanning all three; titles in ja; rings labelled with the speed itself", async () => {
    const r = polarPlot(sim, { uncertainty: true });
    const spec: any = polarUncertaintySpec(r, "µg/m3", { lang: "ja" });
    expect(spec.hconcat.map((p: any) => p.title)).toEqual(["下限（−2 SE）", "予測", "上限（+2 SE）"]);
    const lo = Math.min(...r.uncertainty!.lower.filter(Number.isFinite));
    const hi = Math.max(...r.uncertainty!.upper.filter(Number.isFinite));
    expect(spec.hconcat[0].layer[0].encoding.color.scale.domain).toEqual([lo, hi]);
    // lower ≤ prediction ≤ upper wherever unmasked
    r.grid.forEach((g, i) => {
      if (Number.isFinite(g.z)) {
        expect(r.uncertainty!.lower[i]).toBeLessThanOrEqual(g.z + 1e-9);
        expect(r.uncertainty!.upper[i]).toBeGreaterThanOrEqual(g.z - 1e-9);
      }
    });
    expect(await renderSvg(spec)).toContain("<svg");
    // rings: radius r of the shifted speed, label r + min(ws)
    const p: any = polarPlotSpec(r, "µg/m3");
    const ringText = p.layer.find((l: any) => l.mark?.type === "text" && l.data.values[0]?.text?.endsWith("m/s"));
    const minWs = Math.min(...sim.ws);
    expect(ringText.data.values[0].text).toBe(`${+(5 + minWs).toPrecision(3)} m/s`);
    expect(() => polarUncertaintySpec(polarPlot(sim), "µg/m3")).toThrow(RangeError);
  });
});

/** 240 hours of 16-point compass winds (22.5° steps) at 5 speeds, 1–5 m/s. */
function compassWinds(n = 240): { wd: Float64Array; ws: Float64Array } {
  const wd = new Float64Array(n),
    ws = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = 22.5 * (i % 16);
    ws[i] = 1 + ((i * 7) % 5); // 5 speeds
  }
  return { wd, ws };
}

describe("polarPlot (GAM) with few occupied bins", () => {
  it("16-point compass winds over 10 days: k is lowered to the distinct bins − 1 (mgcv would refuse), the surface still fits", () => {
    const { wd, ws } = compassWinds();
    const values = wd.map((d) => 10 + (d === 90 ? 5 : 0));
    const r = polarPlot({ values, wd, ws });
    // 16 directions × 5 speeds = 80 occupied bins, each at its own centre: k = 79
    expect(r.fit!.knots).toBe(80);
    expect(r.fit!.k).toBe(79);
    expect(r.fit!.kRequested).toBe(100);
    // openair places speed bin 0 at x = 0 for every direction: one location, 16·4 + 1 = 65, k = 64
    const o = polarPlot({ values, wd, ws }, { openair: true });
    expect(o.fit!.knots).toBe(65);
    expect(o.fit!.k).toBe(64);
    expect(Math.abs(r.max.wd - 90)).toBeLessThanOrEqual(22.5);
    expect(() => polarPlot({ values: [1, 2, 3], wd: [0, 90, 180], ws: [1, 2, 3] })).toThrow(RangeError);
  });
});

describe("polarPlot (GAM) wsRange and wdInterval: scales from outside the records (openair's polarDiff and type panels)", () => {
  const { wd, ws } = compassWinds();
  const values = wd.map((d, i) => 10 + (d === 90 ? 5 : 0) + ws[i]);
  const speeds = (r: PolarPlotResult) => [...new Set(r.bins.map((b) => +b.ws.toFixed(9)))].sort((a, b) => a - b);

  it("wsRange [0, 12]: no shift, 30 bins of 0.4 m/s, right-closed; radius 12", () => {
    const r = polarPlot({ values, wd, ws }, { wsRange: [0, 12] });
    expect(r.fit!.wsOffset).toBe(0);
    expect(r.radius).toBe(12);
    // by hand: ws 1 ∈ (0.8, 1.2] (centre 1.0), 2 ∈ (1.6, 2.0] (1.8), 3 ∈ (2.8, 3.2] (3.0), 4 ∈ (3.6, 4.0] (3.8), 5 ∈ (4.8, 5.2] (5.0)
    expect(speeds(r)).toEqual([1, 1.8, 3, 3.8, 5]);
    // openair's positions j·12/29 for j = 2, 4, 7, 9, 12
    const o = polarPlot({ values, wd, ws }, { wsRange: [0, 12], openair: true });
    expect(speeds(o)).toEqual([2, 4, 7, 9, 12].map((j) => +((j * 12) / 29).toFixed(9)));
    // the records' own range (1 to 5 m/s): shift 1, bins of 4/30 m/s; ws 1 is x = 0, in the first bin
    const own = polarPlot({ values, wd, ws });
    expect(own.fit!.wsOffset).toBe(1);
    expect(speeds(own)[0]).toBeCloseTo(1 + 2 / 30, 8);
    // giving the records' own range changes nothing
    const same = polarPlot({ values, wd, ws }, { wsRange: [1, 5] });
    expect(same.grid.map((g) => g.z)).toEqual(own.grid.map((g) => g.z));
  });

  it("wdInterval 10 bins 45° at 40° (10·⌈4.5 − ½⌉); the default 5° keeps 45°", () => {
    const r10 = polarPlot({ values, wd, ws }, { wdInterval: 10 });
    const d10 = new Set(r10.bins.map((b) => b.wd));
    expect([...d10].every((d) => d % 10 === 0)).toBe(true);
    expect(d10.has(40)).toBe(true);
    const d5 = new Set(polarPlot({ values, wd, ws }).bins.map((b) => b.wd));
    expect(d5.has(45)).toBe(true);
    expect(d5.has(40)).toBe(false);
  });

  it("bad ranges are RangeErrors", () => {
    expect(() => polarPlot({ values, wd, ws }, { wsRange: [2, 12] })).toThrow(/must contain every usable speed/);
    expect(() => polarPlot({ values, wd, ws }, { wsRange: [0, 4] })).toThrow(/must contain every usable speed/);
    expect(() => polarPlot({ values, wd, ws }, { wsRange: [5, 3] })).toThrow(/increasing/);
    expect(() => polarPlot({ values, wd, ws }, { wdInterval: 7 as never })).toThrow(/5 or 10/);
  });
});
