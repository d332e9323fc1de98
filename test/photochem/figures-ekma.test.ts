import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { renderPng } from "../../src/figures/render";
import { ekmaIsoplethSpec, ekmaRegime, photoLabel, type EkmaResult } from "../../src/photochem";

// A result built by hand (no model run): O3 = 50 + 30 v − 20 (n − (0.3 + 0.4 v))², ridge n = 0.3 + 0.4 v
const S = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.7, 2];
const peak = S.map((v) => S.map((n) => 50 + 30 * v - 20 * (n - (0.3 + 0.4 * v)) ** 2));
const net = S.map((v) => S.map((n) => 10 * v * n - 3 * n * n)); // ridge at n = 10v/6: above the grid for v ≥ 1.2
const result: EkmaResult = {
  vocScales: S,
  noxScales: S,
  peakO3: peak,
  netPO3: net,
  metric: "peakO3",
  vocSpecies: ["VOC"],
  noxSpecies: ["NO", "NO2"],
  observed: { vocPpb: 40, noxPpb: 20 },
  regime: ekmaRegime({ vocScales: S, noxScales: S, values: peak }),
  comparison: { ekma: "VOC-limited" },
  workers: 1,
};

describe("ekmaIsoplethSpec", () => {
  it("draws marching-squares contours (every point on a grid line, at its level), the ridge and the observed point", () => {
    const spec = ekmaIsoplethSpec(result, { levels: [40, 60, 80] }) as any;
    const [lines, labels, ridge, , obs, obsText] = spec.layer;
    const rows = lines.data.values as { x: number; y: number; level: number }[];
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set([40, 60, 80]));
    for (const r of rows) {
      const onX = S.some((x) => Math.abs(x - r.x) < 1e-12),
        onY = S.some((y) => Math.abs(y - r.y) < 1e-12);
      expect(onX || onY).toBe(true);
      // on a grid line the surface is a quadratic; the point lies between two nodes where linear interpolation
      // gives the level: so the true value is within the curvature error of the level (< 20·0.3²/4 ≈ 0.5, or along v: < 7)
      const f = 50 + 30 * r.x - 20 * (r.y - (0.3 + 0.4 * r.x)) ** 2;
      expect(Math.abs(f - r.level)).toBeLessThan(7);
    }
    expect(labels.data.values.length).toBeGreaterThan(0);
    expect(ridge.data.values).toHaveLength(10);
    ridge.data.values.forEach((p: { x: number; y: number }) => expect(p.y).toBeCloseTo(0.3 + 0.4 * p.x, 12));
    expect(obs.data.values).toEqual([{ x: 1, y: 1 }]);
    expect(obsText.encoding.text.value).toBe("Observed: VOC-limited");
    expect(lines.encoding.x.title).toBe("VOC (× observed)");
    expect(lines.encoding.y.title).toBe("NOx (× observed)");
    expect(lines.encoding.color.title).toBe("Peak O3 (ppb)");
    expect(spec.title.text).toBe("O3 isopleths (EKMA)");
  });
  it("ppb axes scale by the observed means; the other metric gets its own ridge (edges left out) and regime", () => {
    const spec = ekmaIsoplethSpec(result, { axes: "ppb", metric: "netPO3", lang: "zh" }) as any;
    const [lines, , ridge, , obs, obsText] = spec.layer;
    expect(obs.data.values).toEqual([{ x: 40, y: 20 }]);
    expect(lines.encoding.x.scale.domain).toEqual([4, 80]);
    expect(lines.encoding.y.scale.domain).toEqual([2, 40]);
    // ridge n = 10v/6 (a quadratic in n: the vertex is exact) inside the grid for v ≤ 1 (n ≤ 1.67 < 2);
    // for v ≥ 1.2 the row maximum is at n = 2, an edge point, not drawn
    expect(ridge.data.values.map((p: { x: number }) => p.x / 40)).toEqual(S.filter((v) => v <= 1));
    ridge.data.values.forEach((p: { x: number; y: number }) => expect(p.y / 20).toBeCloseTo((10 * (p.x / 40)) / 6, 12));
    // at (1, 1): ∂/∂ln n = 10 − 6 = 4 > 0, ∂/∂ln v = 10: NOx-limited (4 > 0.2·10)
    expect(obsText.encoding.text.value).toBe(`${photoLabel("observedPoint", "zh")}: ${photoLabel("noxLimited", "zh")}`);
    expect(lines.encoding.color.title).toBe("日间 O3 净生成量 (ppb)");
    expect(lines.encoding.x.title).toBe("VOC（模式物种之和） (ppb)");
    expect(spec.config.font).toBe("Noto Sans CJK SC");
  });
  it("Japanese labels; renders to PNG at the figure size", async () => {
    const spec = ekmaIsoplethSpec(result, { lang: "ja", width: 500, height: 420 }) as any;
    expect(spec.layer[0].encoding.y.title).toBe("NOx（観測値に対する倍率）");
    expect(spec.title.text).toBe("O3 等濃度曲線（EKMA）");
    const png = await renderPng(spec, { scale: 1 });
    const meta = await sharp(png).metadata();
    expect(meta.width).toBe(500);
    expect(meta.height).toBe(420);
    expect(() => ekmaIsoplethSpec(result, { width: 0 })).toThrow(RangeError);
  });
});
