import { describe, expect, it } from "vitest";
import { taylorDiagram, TAYLOR_LABELS } from "../../src/figures/taylor";
import { taylorStats } from "../../src/stats/taylor";
import { renderSvg } from "../../src/figures/render";

type Layer = { data: { values: Record<string, number | string>[] }; mark: { type: string } };

describe("taylorDiagram", () => {
  const a = taylorStats([1, 2, 3, 4], [2, 2, 2, 6]); // σ̂ = √(12/5), r = 6/√60
  const b = taylorStats([1, 2, 3, 4], [1.5, 2, 2.5, 3]); // σ̂ = 0.5, r = 1
  const spec = taylorDiagram(
    [
      { name: "A", stats: a },
      { name: "B", stats: b },
    ],
    { lang: "ja" },
  ) as unknown as { layer: Layer[]; width: number; height: number };
  const dots = spec.layer[spec.layer.length - 1].data.values;
  it("places each point at (σ̂ r, σ̂ √(1 − r²)) and the observed point at (1, 0)", () => {
    const sd = Math.sqrt(12 / 5),
      r = 6 / Math.sqrt(60);
    expect(dots[0].x).toBeCloseTo(sd * r, 12);
    expect(dots[0].y).toBeCloseTo(sd * Math.sqrt(1 - r * r), 12);
    expect(dots[1].x).toBeCloseTo(0.5, 12);
    expect(dots[1].y).toBeCloseTo(0, 6);
    // the distance of a point from (1, 0) is its normalised centred RMS difference (law of cosines)
    const d = Math.hypot((dots[0].x as number) - 1, dots[0].y as number);
    expect(d).toBeCloseTo(a.crmsdNorm, 12);
    const obs = spec.layer.find((l) => l.mark.type === "point" && l.data.values[0].text === TAYLOR_LABELS.observed.ja)!;
    expect(obs.data.values[0]).toMatchObject({ x: 1, y: 0 });
  });
  it("RMS contours are circles around the observed point, inside the outer arc of radius 1.2 × max σ̂", () => {
    const maxsd = 1.2 * Math.sqrt(12 / 5);
    const outer = spec.layer.flatMap((l) => l.data.values).filter((v) => v.id === "outer");
    for (const p of outer) expect(Math.hypot(p.x as number, p.y as number)).toBeCloseTo(maxsd, 12);
    const rms = spec.layer[0].data.values;
    expect(rms.length).toBeGreaterThan(50);
    for (const p of rms) {
      const g = Number(String(p.id).slice(1));
      expect(Math.hypot((p.x as number) - 1, p.y as number)).toBeCloseTo(g, 12);
      expect(Math.hypot(p.x as number, p.y as number)).toBeLessThanOrEqual(maxsd + 1e-12);
    }
  });
  it("labels in the figure language; bad input is a RangeError; renders to SVG", async () => {
    const text = JSON.stringify(spec);
    expect(text).toContain("標準偏差（規格化）");
    expect(text).toContain("相関係数");
    expect(JSON.stringify(taylorDiagram([{ name: "A", stats: a }], { lang: "zh" }))).toContain("相关系数");
    expect(() => taylorDiagram([])).toThrow(RangeError);
    expect(() =>
      taylorDiagram([
        { name: "A", stats: a },
        { name: "A", stats: b },
      ]),
    ).toThrow(RangeError);
    const neg = taylorStats([1, 2, 3], [3, 2, 1]);
    const s2 = taylorDiagram([
      { name: "A", stats: a },
      { name: "N", stats: neg },
    ]) as unknown as { title: { subtitle: string } };
    expect(s2.title.subtitle).toContain("N");
    expect(s2.title.subtitle).toContain("r < 0 or undefined, not shown");
    const s3 = taylorDiagram(
      [
        { name: "A", stats: a },
        { name: "N", stats: neg },
      ],
      { lang: "ja" },
    ) as unknown as { title: { subtitle: string } };
    expect(s3.title.subtitle).toBe("r < 0 または算出不能のため非表示: N");
    const svg = await renderSvg(taylorDiagram([{ name: "A", stats: a }]));
    expect(svg).toContain("<svg");
  });
});
