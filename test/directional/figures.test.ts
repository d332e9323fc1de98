import { describe, expect, it } from "vitest";
import { Rng } from "../../src/random/rng";
import { renderSvg } from "../../src/figures/render";
import { calendarSpec } from "../../src/figures/calendar";
import { windRose, percentileRose } from "../../src/directional/roses";
import { cpf, cbpf } from "../../src/directional/cpf";
import { polarPlot } from "../../src/directional/polarplot";
import { polarAnnulus } from "../../src/directional/annulus";
import { timeVariation } from "../../src/directional/timevariation";
import { theilSenTrend } from "../../src/directional/trend";
import {
  roseSpec,
  cpfSpec,
  cbpfSpec,
  percentileRoseSpec,
  polarPlotSpec,
  polarAnnulusSpec,
  timeVariationSpec,
  trendSpec,
  enrichmentSpec,
} from "../../src/directional/figures";

const rng = new Rng(4);
const n = 24 * 400,
  t0 = Date.UTC(2024, 0, 1);
const times = Array.from({ length: n }, (_, i) => t0 + i * 3600000);
const wd = times.map(() => 360 * rng.uniform()),
  ws = times.map(() => rng.lognormal(1, 0.5));
const values = times.map((_, i) => rng.lognormal(1, 0.5) + (Math.abs(wd[i] - 90) < 20 ? 5 : 0));
const s = { values, wd, ws };

type Data = { values: Record<string, unknown>[] };
const layerData = (spec: any, k: number) => (spec.layer[k].data as Data).values;

describe("directional figures (en/ja/zh)", () => {
  it("every builder gives a spec that renders, with translated labels", async () => {
    const tv = timeVariation(times, values, 480, { nBoot: 20 });
    const specs = [
      roseSpec(windRose(ws, wd), { lang: "ja" }),
      cpfSpec(cpf(s).rows, { lang: "zh" }),
      cbpfSpec(cbpf(s).rows, { lang: "en" }),
      percentileRoseSpec(percentileRose(values, wd, ws).rows, "ng/m3", { lang: "ja" }),
      polarPlotSpec(polarPlot(s, { grid: 41 }), "ng/m3", { lang: "zh" }),
      polarAnnulusSpec(polarAnnulus(s, times, 480).cells, "hour", "ng/m3", { lang: "ja" }),
      timeVariationSpec({ Fe: tv }, "ng/m3", { lang: "ja" }),
      trendSpec(theilSenTrend(times, values, 480, { nBoot: 20 }), "ng/m3", { lang: "zh" }),
      enrichmentSpec(
        [
          { element: "Fe", ef: 1 },
          { element: "Zn", ef: 150 },
        ],
        "Fe",
        { lang: "ja" },
      ),
    ];
    for (const spec of specs) expect(await renderSvg(spec)).toMatch(/^<svg/);
    expect(JSON.stringify(specs[0])).toContain("静穏");
    expect(JSON.stringify(specs[1])).toContain("北");
    expect(JSON.stringify(specs[6])).toContain("月");
  });
  it("wind-rose wedges: radii stack to each sector's total frequency, angles centred on the sector", () => {
    const wr = windRose([1, 3, 3, 1], [0, 0, 90, 180], { sectors: 4, breaks: [0, 2, 4], calm: 0.5 });
    const spec = roseSpec(wr, { size: 400 });
    const rows = layerData(spec, 0) as { t0: number; t1: number; r0: number; r1: number; percent: number }[];
    // N has 50 % (25 + 25): max total 50 → rings 12.5 … 50; outer radius R = 400/2 − 24 = 176 px
    const north = rows.filter((r) => Math.abs(r.t0 + r.t1) < 1e-9);
    expect(north.map((r) => r.percent)).toEqual([25, 25]);
    expect(north[1].r1).toBeCloseTo(176, 9);
    expect(north[1].r0).toBeCloseTo(88, 9);
    // breaks 0, 2, 4 are the lower edges of three classes, the last open above 4 (openair's reading)
    expect((spec as any).layer[0].encoding.color.scale.domain).toEqual(["0–2", "2–4", "> 4"]);
  });
  it("polar plot cells sit where the wind came from (north up)", () => {
    const r = polarPlot(
      { values: [1, 1, 1], wd: [0, 0, 0], ws: [4, 4, 4] },
      { smoother: "kernel", maxWs: 5, grid: 11, maskDistance: 0.6 },
    );
    const rows = layerData(polarPlotSpec(r, "ng/m3"), 0) as { x0: number; y0: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const c of rows) expect(c.y0).toBeGreaterThan(0);
  });
});

describe("calendarSpec", () => {
  it("places days on a Monday-first weekday × week grid per month", () => {
    const spec: any = calendarSpec({
      dates: ["2025-01-01", "2025-01-06", "2025-02-01"],
      values: [1, 2, NaN],
      lang: "ja",
      unit: "ng/m3",
    });
    const all = spec.data.values as { date: string; wd: string; week: number; value: number | null; panel: string }[];
    const rows = all.filter((r) => r.week >= 0);
    expect(rows).toHaveLength(31 + 28); // every day of both months
    expect(
      all
        .filter((r) => r.week === -1)
        .map((r) => r.wd)
        .slice(0, 7),
    ).toEqual(["月", "火", "水", "木", "金", "土", "日"]);
    const d = (x: string) => rows.find((r) => r.date === x)!;
    expect(d("2025-01-01")).toMatchObject({ wd: "水", week: 0, value: 1, panel: "2025年1月" }); // a Wednesday
    expect(d("2025-01-06")).toMatchObject({ wd: "月", week: 1, value: 2 });
    expect(d("2025-01-31")).toMatchObject({ wd: "金", week: 4 });
    expect(d("2025-02-01")).toMatchObject({ wd: "土", week: 0, value: null });
    expect(d("2025-01-02").value).toBeNull();
  });
  it("category colours, and errors for bad input", async () => {
    const spec = calendarSpec({
      dates: ["2025-03-01", "2025-03-02"],
      categories: ["good", "bad"],
      categoryColors: { good: "#2a9d8f", bad: "#e63946" },
      lang: "zh",
    });
    expect(await renderSvg(spec)).toMatch(/^<svg/);
    expect(() => calendarSpec({ dates: ["2025-3-1"], values: [1] })).toThrow(/YYYY-MM-DD/);
    expect(() => calendarSpec({ dates: ["2025-03-01", "2025-03-01"], values: [1, 2] })).toThrow(/repeats/);
    expect(() => calendarSpec({ dates: ["2025-03-01"] })).toThrow(/either/);
  });
});
