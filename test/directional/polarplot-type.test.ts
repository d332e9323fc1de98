import { describe, expect, it } from "vitest";
import { polarPlot } from "../../src/directional/polarplot";
import { polarPlotTypeSpec } from "../../src/directional/figures";
import { simulatedPolarYear } from "./polarsim";

// a simulated hourly year in China (+08:00): local hour i of 2025 at UTC 2025-01-01T00:00+08:00 + i h
const off = 480;
const sim = simulatedPolarYear();
const n = sim.values.length;
const t0 = Date.UTC(2025, 0, 1) - off * 60000;
const times = Float64Array.from({ length: n }, (_, i) => t0 + i * 3600000);
const localMonth = (i: number) => new Date(times[i] + off * 60000).getUTCMonth() + 1;
const seasons: [string, number[]][] = [
  ["spring (MAM)", [3, 4, 5]],
  ["summer (JJA)", [6, 7, 8]],
  ["autumn (SON)", [9, 10, 11]],
  ["winter (DJF)", [12, 1, 2]],
];
// every season holds the year's lowest and highest speed, so that the shared scales (openair's
// min(ws), max.ws, computed before the split) equal each season's own and a panel must equal
// polarPlot on that season's rows alone
const ws = Float64Array.from(sim.ws);
let lo = Infinity,
  hi = -Infinity;
for (const w of ws) {
  lo = Math.min(lo, w);
  hi = Math.max(hi, w);
}
for (const [, ms] of seasons) {
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => ms.includes(localMonth(i)));
  ws[rows[0]] = lo;
  ws[rows[1]] = hi;
}
const s = { values: sim.values, wd: sim.wd, ws };
const pick = (a: ArrayLike<number>, rows: number[]) => Float64Array.from(rows, (r) => a[r]);

describe('polarPlot with type (openair\'s type = "season")', () => {
  const r = polarPlot(s, { type: "season", typeData: { times, utcOffsetMinutes: off } });
  it("one panel per season; each equals polarPlot on that season's rows filtered by hand", () => {
    expect(r.byType!.panels.map((p) => p.level)).toEqual(seasons.map(([l]) => l));
    for (const [label, ms] of seasons) {
      const rows = Array.from({ length: n }, (_, i) => i).filter((i) => ms.includes(localMonth(i)));
      const alone = polarPlot({ values: pick(s.values, rows), wd: pick(s.wd, rows), ws: pick(s.ws, rows) });
      const panel = r.byType!.panels.find((p) => p.level === label)!;
      expect(panel.n).toBe(rows.length);
      expect(panel.result.n).toBe(rows.length);
      expect(panel.result.grid.map((g) => g.z)).toEqual(alone.grid.map((g) => g.z));
      expect(panel.result.fit!.lambda).toBe(alone.fit!.lambda);
      expect(panel.result.max).toEqual(alone.max);
    }
    // the result's own surface is that of all rows
    expect(r.grid.map((g) => g.z)).toEqual(polarPlot(s).grid.map((g) => g.z));
  });
  it("CBPF panels use the threshold of all rows (openair computes Pval before splitting by type)", () => {
    const c = polarPlot(s, {
      statistic: "cpf",
      percentile: 90,
      type: "season",
      typeData: { times, utcOffsetMinutes: off },
    });
    const sorted = Float64Array.from(s.values).sort();
    // type-7 P90 by hand: h = (n − 1)·0.9
    const h = (n - 1) * 0.9,
      j = Math.floor(h);
    const p90 = sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
    expect(c.threshold).toBeCloseTo(p90, 12);
    for (const p of c.byType!.panels) expect(p.result.threshold).toBe(c.threshold);
    // a bin of the winter panel: the share of its records above the all-rows P90, counted by hand
    const winter = c.byType!.panels.find((p) => p.level === "winter (DJF)")!.result;
    const bin = winter.bins.reduce((a, b) => (b.n > a.n ? b : a));
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => [12, 1, 2].includes(localMonth(i)));
    const minWs = lo;
    const by = (hi - minWs) / 30;
    const inBin = rows.filter((i) => {
      const d = 5 * Math.ceil(s.wd[i] / 5 - 0.5);
      const a = ((Math.round(d / 5) % 72) + 72) % 72;
      const x = s.ws[i] - minWs;
      const jj = Math.max(0, Math.ceil(x / by) - 1);
      return (a === 0 ? 360 : a * 5) === bin.wd && Math.abs(minWs + (jj + 0.5) * by - bin.ws) < 1e-9;
    });
    expect(inBin.length).toBe(bin.n);
    expect(bin.z).toBeCloseTo(inBin.filter((i) => s.values[i] > p90).length / inBin.length, 14);
  });
  it("the type figure: one panel per season with ja strip titles, one colour domain over all panels", () => {
    const spec = polarPlotTypeSpec(r, "ng/m3", { lang: "ja" }) as any;
    const text = JSON.stringify(spec);
    expect(text).toContain("春");
    expect(text).toContain("冬");
    const panels = spec.vconcat ?? spec.hconcat ?? spec.concat;
    expect(panels).toBeDefined();
    let zmin = Infinity,
      zmax = -Infinity;
    for (const p of r.byType!.panels)
      for (const g of p.result.grid)
        if (Number.isFinite(g.z)) {
          zmin = Math.min(zmin, g.z);
          zmax = Math.max(zmax, g.z);
        }
    const domains = [...text.matchAll(/"scheme":"viridis","domain":\[([^\]]+)\]/g)].map((m) => m[1]);
    expect(domains).toHaveLength(4);
    for (const d of domains) expect(d.split(",").map(Number)).toEqual([zmin, zmax]);
    expect(() => polarPlotTypeSpec(polarPlot(s), "ng/m3")).toThrow(RangeError);
  });
});
