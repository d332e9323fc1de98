import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { polarDiff, openairDiffLimit } from "../../src/directional/polardiff";
import { polarCluster } from "../../src/directional/polarcluster";
import { polarPlot } from "../../src/directional/polarplot";
import { polarDiffSpec, polarClusterSpec } from "../../src/directional/figures-polardiff";
import { readXact } from "../../src/metals/read-xact";
import { xactHourly } from "../../src/metals/xactseries";
import { pearson } from "../../src/stats/correlation";
import { simulatePolarRetrofit } from "../../src/simulate/polaryear";
import { renderSvg } from "../../src/figures/render";
import type { WindSeries } from "../../src/directional/wind";

const FIX = join(__dirname, "fixtures");

describe("polarDiff (openair polarDiff)", () => {
  // the simulated retrofit of scripts/compare-openair/polardiff.case.mjs and of the fixture
  const { before, after } = simulatePolarRetrofit();

  it("a constant added to every value gives that constant as the difference (force.positive = FALSE: the GAM is linear, the constant in its null space)", () => {
    const plus = { ...before, values: Float64Array.from(before.values as Float64Array, (c) => c + 10) };
    const r = polarDiff(before, plus, { forcePositive: false });
    let n = 0;
    for (const g of r.grid)
      if (Number.isFinite(g.z)) {
        expect(g.z).toBeCloseTo(10, 6); // up to the GCV search's tolerance on λ (measured 5e-8)
        n++;
      }
    expect(n).toBeGreaterThan(20000);
    expect(r.maxAbs).toBeCloseTo(10, 6);
    expect(r.limits).toEqual([-10, 10]); // the nice ceiling of 10
    // the same records twice: a zero surface, limits ±1
    const z = polarDiff(before, before);
    expect(z.maxAbs).toBe(0);
    expect(z.limits).toEqual([-1, 1]);
  });

  it("one grid for both periods: radius = max ws of both − min ws of both; cpf threshold = type-7 quantile of the combined values", () => {
    const r = polarDiff(before, after, { statistic: "cpf", percentile: 75 });
    let lo = Infinity,
      hi = -Infinity;
    for (const s of [before, after])
      for (const w of s.ws as Float64Array) ((lo = Math.min(lo, w)), (hi = Math.max(hi, w)));
    expect(r.radius).toBeCloseTo(hi - lo, 12);
    expect(r.wsOffset).toBe(lo);
    // type 7 by hand: h = (n − 1)·0.75, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])
    const all = [...(before.values as Float64Array), ...(after.values as Float64Array)].sort((a, b) => a - b);
    const h = (all.length - 1) * 0.75,
      f = Math.floor(h);
    expect(r.threshold).toBeCloseTo(all[f] + (h - f) * (all[f + 1] - all[f]), 12);
    expect(r.before.threshold).toBe(r.threshold);
    expect(r.after.threshold).toBe(r.threshold);
    // both periods' 30 speed bins span the combined range [lo, hi], as openair's: bin j at lo + (j + ½)(hi − lo)/30
    for (const p of [r.before, r.after]) {
      expect(p.fit!.wsOffset).toBe(lo);
      for (const b of p.bins) {
        const j = (b.ws - lo) / ((hi - lo) / 30) - 0.5;
        expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-9);
      }
    }
  });

  it("agrees with openair 2.18's difference surface on the simulated retrofit (fixture, openair: true)", () => {
    const oa = readFileSync(join(FIX, "openair-polardiff-sim.csv"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#") && !l.startsWith("i,"))
      .map((l) => l.split(",").map(Number));
    const r = polarDiff(before, after, { openair: true });
    expect(r.radius).toBeCloseTo(13.41, 10);
    const A: number[] = [],
      O: number[] = [];
    let maxO = 0;
    for (const [i, j, z] of oa) {
      const g = r.grid[(200 - 10 * j) * 201 + 10 * i];
      maxO = Math.max(maxO, Math.abs(z));
      if (Number.isFinite(g.z)) {
        A.push(g.z);
        O.push(z);
      }
    }
    // openair: true keeps openair's rim outside the circle too: 302 of openair's 303 points are unmasked here
    expect(A.length).toBeGreaterThanOrEqual(302);
    // both periods binned over the combined speed range (wsRange), as openair's polarPlot(type = "period"):
    // measured r 0.9999993, max |Δ| 27.2266 vs openair's 27.2288 (before the shared range: r 0.99983, 27.19)
    expect(pearson(A, O)).toBeGreaterThan(0.99999);
    expect(Math.abs(r.maxAbs / 27.2287525059325 - 1)).toBeLessThan(0.001);
    // the source cut at 130°, 4–7 m/s is the largest decrease; the new one at 250°, 1–3 m/s the largest increase
    expect(r.maxDecrease.wd).toBeGreaterThan(115);
    expect(r.maxDecrease.wd).toBeLessThan(145);
    expect(r.maxIncrease.wd).toBeGreaterThan(230);
    expect(r.maxIncrease.wd).toBeLessThan(270);
    expect(r.maxIncrease.ws).toBeLessThan(3.5);
  });

  it("openair's colour-limit rule: the second-largest of R's pretty(seq(0, M, 5))", () => {
    // R 4.2: for (M in …) { l <- pretty(seq(0, M, 5)); l[length(l) − 1] } → −1 −1 −1 4 4 15 50 120 (openair's limits c(−L, L): ±1 for L = −1)
    const R: [number, number][] = [
      [0.4, 1],
      [3, 1],
      [4.9, 1],
      [5, 4],
      [7, 4],
      [23, 15],
      [57, 50],
      [140, 120],
      [27.2287525059325, 20], // the simulated retrofit, printed by scripts/compare-openair/polardiff.R
    ];
    for (const [m, l] of R) expect(openairDiffLimit(m)).toBe(l);
    expect(() => openairDiffLimit(-1)).toThrow(RangeError);
  });

  it("bad arguments are RangeErrors", () => {
    expect(() => polarDiff(before, after, { limits: [1, -1] })).toThrow(/limits must increase/);
    expect(() => polarDiff({ values: [NaN], wd: [0], ws: [1] }, after)).toThrow(/before period/);
  });

  it("figure: diverging colours on the symmetric limits, renders", async () => {
    const r = polarDiff(before, after, { resmooth: true, grid: 51 });
    for (const lang of ["en", "ja", "zh"] as const) {
      const spec = polarDiffSpec(r, "ng/m3", { lang }) as any;
      const c = spec.layer[0].encoding.color;
      expect(c.scale.domain[0]).toBe(r.limits[0]);
      expect(c.scale.domain[8]).toBe(r.limits[1]);
      expect(c.scale.domain[4]).toBeCloseTo(0, 12);
      expect(c.title).toContain({ en: "After − before", ja: "後 − 前", zh: "后 − 前" }[lang]);
    }
    expect(r.maxAbs).toBeGreaterThan(25); // measured 26.8: the nice ceiling is 30
    expect(r.maxAbs).toBeLessThan(30);
    expect(r.limits).toEqual([-30, 30]);
    const svg = await renderSvg(polarDiffSpec(r, "ng/m3", { resmoothed: true }));
    expect(svg).toContain("<svg");
    expect(() => polarDiffSpec(polarDiff(before, before), "ng/m3", { resmoothed: true })).toThrow(RangeError);
  });
});

describe("polarCluster (openair polarCluster)", () => {
  const h = xactHourly(readXact(join(__dirname, "../../data/shanghai-xact-2025.csv"), { utcOffset: "+08:00" }));
  const s: WindSeries = { values: h.conc.V, wd: h.wd, ws: h.ws };
  const fx = readFileSync(join(FIX, "openair-polarcluster-xact-k3.txt"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"));
  const oaGrid = fx.slice(0, 101),
    oaRows = fx.slice(101).join("");

  it("the same 3 clusters as openair 2.18 on the example year's V (openair: true), numbered as openair", () => {
    const r = polarCluster(s, { nClusters: 3, openair: true });
    const G = r.surface.gridSize;
    expect(G).toBe(101);
    expect(r.surface.radius).toBeCloseTo(11.8, 10);
    let same = 0,
      both = 0;
    for (let j = 0; j < G; j++)
      for (let i = 0; i < G; i++) {
        const o = oaGrid[j][i];
        const c = r.levels[0].grid[(G - 1 - j) * G + i];
        if (o === "." || c === 0) {
          expect(o === "." && c === 0).toBe(true); // the same points are masked
          continue;
        }
        both++;
        if (Number(o) === c) same++;
      }
    expect(both).toBe(r.points);
    expect(same / both).toBeGreaterThan(0.999); // measured: every grid point (1.0)
    let rs = 0,
      rn = 0;
    for (let i = 0; i < oaRows.length; i++) {
      const o = oaRows[i] === "." ? 0 : Number(oaRows[i]);
      const c = r.levels[0].rows[i];
      if (o > 0 || c > 0) {
        rn++;
        if (o === c) rs++;
      }
    }
    expect(oaRows.length).toBe(h.times.length);
    expect(rs / rn).toBeGreaterThan(0.999);
    // clust_stats by hand from the rows
    const st = r.levels[0].stats;
    const withCluster = r.levels[0].rows.filter((c) => c > 0).length;
    expect(st.reduce((a, q) => a + q.n, 0)).toBe(withCluster);
    const c1 = Array.from(r.levels[0].rows).flatMap((c, i) => (c === 1 ? [h.conc.V[i]] : []));
    expect(st[0].mean).toBeCloseTo(c1.reduce((a, b) => a + b, 0) / c1.length, 12);
    expect(st.reduce((a, q) => a + q.nPercent, 0)).toBeCloseTo(100, 10);
  }, 180_000);

  it("after: the clusters are of the polarDiff surface, and the after rows get clusters too", () => {
    const { before: b, after: f } = simulatePolarRetrofit();
    const r = polarCluster(b, { after: f, nClusters: 2, grid: 41 });
    const d = polarDiff(b, f, { grid: 41 });
    expect(r.surface.grid.map((g) => g.z)).toEqual(d.grid.map((g) => g.z));
    const l = r.levels[0];
    expect(l.afterRows).toHaveLength(8760);
    expect(l.rows).toHaveLength(8760);
    // every clustered grid point is unmasked in the difference, every masked one unclustered
    l.grid.forEach((c, g) => expect(c > 0).toBe(Number.isFinite(d.grid[g].z)));
  }, 120_000);

  it("default: a row goes to the nearest grid point of its shifted speed; several k; figure", async () => {
    const small = simulatePolarRetrofit().after;
    const r = polarCluster(small, { nClusters: [2, 3], grid: 41 });
    const surf = polarPlot(small, { grid: 41 });
    const off = surf.fit!.wsOffset;
    expect(r.levels.map((l) => l.k)).toEqual([2, 3]);
    const G = 41,
      R = r.surface.radius,
      st = r.surface.step;
    for (let i = 0; i < 500; i++) {
      const x = (small.ws[i] as number) - off;
      const u = x * Math.sin((small.wd[i] * Math.PI) / 180),
        v = x * Math.cos((small.wd[i] * Math.PI) / 180);
      let best = -1,
        bd = Infinity;
      for (let g = 0; g < G * G; g++) {
        const p = r.surface.grid[g];
        const d = Math.hypot(p.u - u, p.v - v);
        if (d < bd) ((bd = d), (best = g));
      }
      expect(bd).toBeLessThanOrEqual((st * Math.SQRT2) / 2 + 1e-9);
      expect(r.levels[1].rows[i]).toBe(r.levels[1].grid[best]);
    }
    expect(R).toBeCloseTo(surf.radius, 12);
    for (const lang of ["en", "ja", "zh"] as const) {
      const spec = polarClusterSpec(r, { lang }) as any;
      expect(spec.concat).toHaveLength(2);
      expect(spec.concat[1].title).toBe(`3 ${{ en: "clusters", ja: "クラスター", zh: "类" }[lang]}`);
    }
    expect(await renderSvg(polarClusterSpec({ ...r, levels: [r.levels[1]] }))).toContain("<svg");
    expect(() => polarCluster(small, { nClusters: 0, grid: 41 })).toThrow(RangeError);
  }, 120_000);
});
