import { describe, expect, it } from "vitest";
import { readCommentedCsv } from "./openair-fixtures";
import { conditionalQuantile } from "../../src/directional/condquantile";
import { conditionalQuantileSpec } from "../../src/directional/figures-smooth";
import { renderSvg } from "../../src/figures/render";

const csv = readCommentedCsv;

describe("conditionalQuantile against openair 2.18.2.9005", () => {
  const inp = csv("openair-condquantile-in.csv");
  const oa = csv("openair-condquantile.csv"); // x, n, med, q25, q75, q10, q90 per bin (NA: empty or too few)
  const r = conditionalQuantile(
    inp.map((p) => p[0]),
    inp.map((p) => p[1]),
  );
  it("30 bins, the same centres, counts, medians and type-7 percentiles (to 1e-12), the same blanks", () => {
    expect(r.bins.length).toBe(30);
    expect(r.n).toBe(598);
    expect(r.dropped).toBe(2);
    oa.forEach((o, j) => {
      const b = r.bins[j];
      const mine = [b.x, b.n === 0 ? NaN : b.n, b.median, b.q25, b.q75, b.q10, b.q90];
      o.forEach((v, k) => {
        if (Number.isNaN(v)) expect(mine[k]).toBeNaN();
        else expect(Math.abs(mine[k] - v)).toBeLessThan(1e-12);
      });
    });
  });
  it("histograms count every pair once", () => {
    expect(r.modCounts.reduce((a, b) => a + b, 0)).toBe(598);
    expect(r.obsCounts.reduce((a, b) => a + b, 0)).toBe(598);
  });
});

describe("conditionalQuantile: hand-worked cases", () => {
  it("edges floor(min)…ceil(max), right-closed bins with the lowest edge included (R cut)", () => {
    // values 0…4 → edges seq(0, 4, length = 5) = 0, 1, 2, 3, 4
    const mod = [0, 1, 1.5, 2, 4, 3.2];
    const obs = [0.5, 1, 2, 2, 3, 3];
    const r = conditionalQuantile(obs, mod, { bins: 5, minBin: [1, 1] });
    expect(r.breaks).toEqual([0, 1, 2, 3, 4]);
    expect(r.bins.map((b) => b.n)).toEqual([2, 2, 0, 2]); // [0,1] ∋ 0, 1; (1,2] ∋ 1.5, 2; (3,4] ∋ 3.2, 4
    expect(r.bins[0].median).toBe(0.75);
    expect(r.bins[0].x).toBe(0.5);
    expect(r.bins[2].median).toBeNaN();
    // type 7: for [1, 2], p = 0.25 → 1 + 0.25·(2 − 1)
    expect(r.bins[0].q25).toBeCloseTo(0.5 + 0.25 * 0.5, 15);
    expect(r.bins[0].q90).toBeCloseTo(0.5 + 0.9 * 0.5, 15);
  });
  it("minBin: a bin with exactly minBin values keeps its percentiles; openair's rule (n > minBin) blanks it", () => {
    // edges 0, 10/3, 20/3, 10 (obs reach 9.2 → ⌈9.2⌉ = 10); ten values in (10/3, 20/3]
    const mod = Array.from({ length: 10 }, (_, i) => 4 + i * 0.01).concat([0, 9]);
    const obs = mod.map((m, i) => m + (i % 3) * 0.1);
    const ours = conditionalQuantile(obs, mod, { bins: 4 });
    expect(ours.bins.map((b) => b.n)).toEqual([1, 10, 1]);
    const bin = ours.bins.find((b) => b.n === 10)!;
    expect(bin.q25).not.toBeNaN();
    expect(bin.q10).toBeNaN(); // 10 < 20
    const theirs = conditionalQuantile(obs, mod, { bins: 4, openair: true });
    expect(theirs.bins.find((b) => b.n === 10)!.q25).toBeNaN();
  });
  it("type: one panel per level, histograms on the shared edges; bad arguments are RangeErrors", () => {
    const n = 400;
    const mod = Array.from({ length: n }, (_, i) => (i * 7) % 50);
    const obs = mod.map((m, i) => m + (i % 5));
    const grp = Array.from({ length: n }, (_, i) => (i < 200 ? 1 : 2));
    const r = conditionalQuantile(obs, mod, { type: "g", typeData: { columns: { g: grp } } });
    expect(r.byType?.panels.length).toBeGreaterThan(1);
    for (const p of r.byType!.panels) expect(p.result.histogramBreaks).toEqual(r.histogramBreaks);
    expect(() => conditionalQuantile([1], [1, 2])).toThrow(RangeError);
    expect(() => conditionalQuantile([NaN], [1])).toThrow(RangeError);
    expect(() => conditionalQuantile([1, 2], [1, 2], { bins: 1 })).toThrow(RangeError);
  });
});

describe("conditionalQuantileSpec", () => {
  it("bands, median, perfect model and histograms, labels en/ja/zh", async () => {
    const inp = csv("openair-condquantile-in.csv");
    const r = conditionalQuantile(
      inp.map((p) => p[0]),
      inp.map((p) => p[1]),
    );
    const want = {
      en: ["Conditional quantiles", "Perfect model", "25–75th percentiles", "Predicted value (µg/m3)"],
      ja: ["条件付き分位点", "完全なモデル", "予測値 (µg/m3)"],
      zh: ["条件分位数", "理想模型", "预测值 (µg/m3)"],
    } as const;
    for (const lang of ["en", "ja", "zh"] as const) {
      const svg = await renderSvg(conditionalQuantileSpec(r, "µg/m3", { lang }));
      for (const w of want[lang]) expect(svg).toContain(w);
    }
    expect(() => conditionalQuantileSpec(r, "µg/m3", { size: -1 })).toThrow(RangeError);
  });
});
