import { describe, expect, it } from "vitest";
import {
  contingencySpec,
  forecastCategoryBands,
  forecastLabel,
  forecastScatterSpec,
  forecastSeriesSpec,
  FORECAST_LABELS,
  type ForecastRow,
} from "../../src/forecast";
import { categoryScores, eventScores } from "../../src/stats/contingency";
import { renderSvg } from "../../src/figures/render";

/* eslint-disable @typescript-eslint/no-explicit-any */
const edges = (b: { lo: number; hi: number }[]) => [b[0].lo, ...b.map((x) => x.hi)];

describe("AQI category bands of a forecast target", () => {
  it("PM2.5 under HJ 633-2026: the PM2.5 24-h breakpoints at IAQI 50, 100, 150, 200, 300", () => {
    // HJ 633-2026 Table 3, PM2.5 24-h mean row: IAQI 0/50/100/150/200/300 ↔ 0/35/60/115/150/250 µg/m3
    expect(edges(forecastCategoryBands("pm25", "cn-2026"))).toEqual([0, 35, 60, 115, 150, 250, Infinity]);
    // HJ 633-2012 Table 1: the IAQI 100 breakpoint was 75 µg/m3
    expect(edges(forecastCategoryBands("pm25", "cn-2012"))).toEqual([0, 35, 75, 115, 150, 250, Infinity]);
  });
  it("O3 MDA8 (China, O3 8-h row 0/100/160/215/265/800) and the AQI itself", () => {
    expect(edges(forecastCategoryBands("mda8", "cn-2026"))).toEqual([0, 100, 160, 215, 265, 800, Infinity]);
    // HJ 633 Table 2 levels: 0–50 优, 51–100 良, 101–150, 151–200, 201–300, > 300
    expect(edges(forecastCategoryBands("aqi"))).toEqual([0, 50, 100, 150, 200, 300, Infinity]);
  });
  it("US 2024: PM2.5 segment tops 9.0, 35.4, 55.4, 125.4, 225.4 µg/m3 (EPA-454/B-24-002 Table 6)", () => {
    const b = forecastCategoryBands("pm25", "us-2024");
    expect(edges(b)).toEqual([0, 9.0, 35.4, 55.4, 125.4, 225.4, Infinity]);
    expect(b[4].colour).toBe("#8f3f97"); // EPA purple (143, 63, 151)
    // O3 8-h stops at AQI 300 (0.200 ppm): five bands, the last one closed
    const o = forecastCategoryBands("mda8", "us-2024");
    expect(o.map((x) => x.level)).toEqual([1, 2, 3, 4, 5]);
    expect(o[4].hi).toBe(0.2);
  });
  it("official colours and names in the figure language", () => {
    const b = forecastCategoryBands("aqi", "cn-2026", "zh");
    // HJ 633 RGB: (0,228,0) (255,255,0) (255,126,0) (255,0,0) (153,0,76) (126,0,35)
    expect(b.map((x) => x.colour)).toEqual(["#00e400", "#ffff00", "#ff7e00", "#ff0000", "#99004c", "#7e0023"]);
    expect(b.map((x) => x.name)).toEqual(["优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"]);
  });
  it("refuses an unknown target or standard", () => {
    expect(() => forecastCategoryBands("pm10" as any)).toThrow(RangeError);
    expect(() => forecastCategoryBands("pm25", "eu" as any)).toThrow(/standard/);
  });
});

/** Hand-made forecasts: two methods, lead 1, four days; the MLR forecast of 01-03 is missing. */
function rows(): ForecastRow[] {
  const dates = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"];
  const obs = [40, 80, NaN, 120];
  const out: ForecastRow[] = [];
  dates.forEach((date, i) =>
    out.push({
      origin: "x",
      date,
      lead: 1,
      method: "persistence",
      value: [30, 40, 80, 90][i],
      lower: [20, 30, 60, 70][i],
      upper: [45, 60, 110, 130][i],
      observed: obs[i],
    }),
  );
  dates.forEach((date, i) =>
    out.push({
      origin: "x",
      date,
      lead: 1,
      method: "mlr",
      value: [35, 70, NaN, 100][i],
      lower: [25, 50, NaN, 80][i],
      upper: [50, 90, NaN, 140][i],
      observed: obs[i],
    }),
  );
  return out;
}

describe("forecastSeriesSpec", () => {
  it("one panel per method, in the order asked; forecast, observed and interval rows with gaps", () => {
    const spec = forecastSeriesSpec(rows(), { unit: "µg/m3", methods: ["mlr", "persistence"] }) as any;
    expect(spec.vconcat.map((p: any) => p.title)).toEqual(["Multiple linear regression", "Persistence"]);
    const [iv, lines] = spec.vconcat[0].layer.map((l: any) => l.data.values);
    // MLR: the missing forecast of 01-03 splits the forecast and the interval into two runs
    expect(iv).toEqual([
      { date: "2025-01-01T00:00:00", lower: 25, upper: 50, segment: "iv:0" },
      { date: "2025-01-02T00:00:00", lower: 50, upper: 90, segment: "iv:0" },
      { date: "2025-01-04T00:00:00", lower: 80, upper: 140, segment: "iv:1" },
    ]);
    const fc = lines.filter((r: any) => r.series === "Forecast");
    expect(fc.map((r: any) => [r.value, r.segment])).toEqual([
      [35, "fc:0"],
      [70, "fc:0"],
      [100, "fc:1"],
    ]);
    const ob = lines.filter((r: any) => r.series === "Observed");
    expect(ob.map((r: any) => [r.value, r.segment])).toEqual([
      [40, "obs:0"],
      [80, "obs:0"],
      [120, "obs:1"],
    ]);
    // encodings: x = the local date (utc scale), y = value in the unit, band y..y2 = lower..upper
    const lineLayer = spec.vconcat[0].layer[1];
    expect(lineLayer.encoding.x.field).toBe("date");
    expect(lineLayer.encoding.x.scale.type).toBe("utc");
    expect(lineLayer.encoding.y.field).toBe("value");
    expect(lineLayer.encoding.y.title).toBe("Forecast / Observed (µg/m3)");
    expect(spec.vconcat[0].layer[0].encoding.y.field).toBe("lower");
    expect(spec.vconcat[0].layer[0].encoding.y2.field).toBe("upper");
    // y from 0 to 1.05 × the largest value drawn (the MLR upper 140 of 01-04)
    expect(lineLayer.encoding.y.scale.domain).toEqual([0, 140 * 1.05]);
    expect(lineLayer.encoding.color.scale.domain).toEqual(["Observed", "Forecast", "Prediction interval (10–90 %)"]);
  });
  it("category bands up to the top of the axis and threshold lines with their labels", () => {
    const spec = forecastSeriesSpec(rows(), {
      unit: "µg/m3",
      methods: ["persistence"],
      bands: { target: "pm25", standard: "cn-2026" },
      thresholds: [{ value: 150, label: "heavy" }],
      lang: "ja",
    }) as any;
    const layers = spec.vconcat[0].layer;
    const top = 150 * 1.05; // the threshold is the largest value drawn
    // HJ 633-2026 PM2.5 edges 0/35/60/115/150/250: the bands below the top, the last one cut at the top
    expect(layers[0].data.values.map((b: any) => [b.lo, b.hi, b.name])).toEqual([
      [0, 35, "優"],
      [35, 60, "良"],
      [60, 115, "軽度汚染"],
      [115, 150, "中度汚染"],
      [150, top, "重度汚染"],
    ]);
    expect(layers[0].encoding.fill.scale.range[0]).toBe("#00e400");
    expect(layers[3].data.values).toEqual([{ value: 150, label: "heavy" }]);
    expect(layers[3].mark.type).toBe("rule");
    expect(layers[4].encoding.text.field).toBe("label");
    expect(spec.vconcat[0].title).toBe("持続予報");
    expect(layers[1].encoding.x.title).toBe("日付（現地）");
  });
  it("one panel per lead for one method; refuses mixed leads in method panels", () => {
    const r = rows().filter((x) => x.method === "persistence");
    const two = [...r, ...r.map((x) => ({ ...x, lead: 2 }))];
    const spec = forecastSeriesSpec(two, { unit: "µg/m3", panels: "lead", lang: "zh" }) as any;
    expect(spec.vconcat.map((p: any) => p.title)).toEqual(["预见期 1 天", "预见期 2 天"]);
    expect(() => forecastSeriesSpec(two, { unit: "µg/m3" })).toThrow(/one lead/);
    expect(() => forecastSeriesSpec(rows(), { unit: "µg/m3", panels: "lead" })).toThrow(/one method/);
  });
  it("refuses a unit that does not fit the bands, an empty selection and a repeated date", () => {
    expect(() => forecastSeriesSpec(rows(), { unit: "ppb", methods: ["mlr"], bands: { target: "pm25" } })).toThrow(
      /µg\/m3/,
    );
    expect(() => forecastSeriesSpec(rows(), { unit: "µg/m3", from: "2026-01-01" })).toThrow(/no forecast rows/);
    const r = rows().filter((x) => x.method === "mlr");
    expect(() => forecastSeriesSpec([...r, r[0]], { unit: "µg/m3" })).toThrow(/two forecasts for 2025-01-01/);
  });
  it("rows without an observation (forecastAt output) draw no observed line", () => {
    const r = rows()
      .filter((x) => x.method === "persistence")
      .map(({ observed: _o, ...x }) => x);
    const lines = (forecastSeriesSpec(r, { unit: "µg/m3" }) as any).vconcat[0].layer[1].data.values;
    expect(lines.map((l: any) => l.series)).toEqual(["Forecast", "Forecast", "Forecast", "Forecast"]);
  });
  it("yMax clips the axis; renders to SVG with Chinese labels", async () => {
    const spec = forecastSeriesSpec(rows(), {
      unit: "µg/m3",
      methods: ["mlr"],
      yMax: 100,
      bands: { target: "pm25" },
      lang: "zh",
    }) as any;
    expect(spec.vconcat[0].layer[1].encoding.y.scale.domain).toEqual([0, 100]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("多元线性回归");
    expect(svg).toContain("预测区间");
  });
});

describe("contingencySpec", () => {
  // forecast / observed AQI, event AQI > 200: (250, 260) hit, (210, 150) false alarm, (100, 230)
  // miss, (50, 40) and (120, 90) correct negatives, (220, NaN) left out
  const f = [250, 210, 100, 50, 120, 220];
  const o = [260, 150, 230, 40, 90, NaN];
  it("2 × 2: rows forecast yes/no, columns observed yes/no; POD, FAR, CSI, HSS in the subtitle", () => {
    const s = eventScores(f, o, 200, true);
    const spec = contingencySpec(s, { event: "AQI > 200" }) as any;
    expect(spec.data.values).toEqual([
      { forecast: "Yes", observed: "Yes", count: 1, fi: 0, oi: 0 },
      { forecast: "Yes", observed: "No", count: 1, fi: 0, oi: 1 },
      { forecast: "No", observed: "Yes", count: 1, fi: 1, oi: 0 },
      { forecast: "No", observed: "No", count: 2, fi: 1, oi: 1 },
    ]);
    // a = b = c = 1, d = 2: POD = 1/2, FAR = 1/2, CSI = 1/3,
    // HSS = 2(ad − bc)/((a+c)(c+d) + (a+b)(b+d)) = 2(2 − 1)/(2·3 + 2·3) = 1/6
    expect(spec.title.subtitle).toEqual(["AQI > 200: POD 0.50 · FAR 0.50 · CSI 0.33 · HSS 0.17 · n = 5"]);
    expect(spec.encoding.x.field).toBe("observed");
    expect(spec.encoding.y.field).toBe("forecast");
    expect(spec.layer[0].encoding.color.field).toBe("count");
    expect(spec.layer[1].encoding.text.field).toBe("count");
  });
  it("K × K from categoryScores with names; PC and the multi-category HSS; event scores added", () => {
    // forecast 1 1 2 2 3, observed 1 2 2 3 3: table [[1,1,0],[0,1,1],[0,0,1]], PC = 3/5;
    // marginals: forecast 2/5, 2/5, 1/5; observed 1/5, 2/5, 2/5 → chance = (2 + 4 + 2)/25 = 0.32;
    // HSS = (0.6 − 0.32)/(1 − 0.32) = 0.4118
    const c = categoryScores([1, 1, 2, 2, 3], [1, 2, 2, 3, 3], [1, 2, 3]);
    const spec = contingencySpec(c, {
      categories: ["low", "mid", "high"],
      eventScores: eventScores(f, o, 200, true),
      event: "AQI > 200",
      lang: "zh",
    }) as any;
    const cell = (fc: string, ob: string) =>
      spec.data.values.find((r: any) => r.forecast === fc && r.observed === ob).count;
    expect([
      cell("low", "low"),
      cell("low", "mid"),
      cell("mid", "high"),
      cell("high", "high"),
      cell("high", "low"),
    ]).toEqual([1, 1, 1, 1, 0]);
    expect(spec.title.subtitle[0]).toBe("PC 0.60 · HSS 0.41 · n = 5");
    expect(spec.title.subtitle[1]).toMatch(/^AQI > 200: POD 0.50/);
    expect(spec.encoding.x.scale.domain).toEqual(["low", "mid", "high"]);
    expect(spec.encoding.y.title).toBe("预报值");
  });
  it("NaN scores show as a dash; refuses missing or repeated names", async () => {
    const none = eventScores([10, 20], [30, 40], 200);
    const spec = contingencySpec(none, { lang: "ja" }) as any;
    expect(spec.title.subtitle[0]).toBe("POD — · FAR — · CSI — · HSS — · n = 2");
    const c = categoryScores([1, 2], [1, 2], [1, 2]);
    expect(() => contingencySpec(c)).toThrow(/2 category names/);
    expect(() => contingencySpec(c, { categories: ["a", "a"] })).toThrow(/repeat/);
    const svg = await renderSvg(spec);
    expect(svg).toContain("予報値");
    expect(svg).toContain("なし");
  });
});

describe("forecastScatterSpec", () => {
  it("points of the finite pairs, 1:1 and FAC2 lines to 1.05 × the largest value", () => {
    const spec = forecastScatterSpec(rows(), { unit: "µg/m3" }) as any;
    const [lines, pts] = spec.layer.map((l: any) => l.data.values);
    // 8 rows − 01-03 (observed NaN, both methods) = 6 pairs
    expect(pts.length).toBe(6);
    expect(spec.title.subtitle).toBe("n = 6");
    expect(pts[0]).toEqual({ observed: 40, forecast: 30, series: "Persistence", date: "2025-01-01" });
    const hi = 120 * 1.05; // the largest observation (120) exceeds every forecast (≤ 100)
    const ends = (name: string) => lines.filter((l: any) => l.line === name).map((l: any) => [l.x, l.y]);
    expect(ends("1:1")).toEqual([
      [0, 0],
      [hi, hi],
    ]);
    expect(ends("FAC2 bounds (×2, ×½) ×2")).toEqual([
      [0, 0],
      [hi / 2, hi],
    ]);
    expect(ends("FAC2 bounds (×2, ×½) ×½")).toEqual([
      [0, 0],
      [hi, hi / 2],
    ]);
    expect(spec.layer[1].encoding.x.field).toBe("observed");
    expect(spec.layer[1].encoding.y.field).toBe("forecast");
    expect(spec.layer[1].encoding.x.scale.domain).toEqual([0, hi]);
    expect(spec.layer[1].encoding.color.scale.domain).toEqual(["Persistence", "Multiple linear regression"]);
  });
  it("names the lead when several are drawn; refuses an empty selection; renders in Japanese", async () => {
    const r = rows().filter((x) => x.method === "mlr");
    const spec = forecastScatterSpec([...r, ...r.map((x) => ({ ...x, lead: 2 }))], {
      unit: "µg/m3",
      lang: "ja",
    }) as any;
    expect(spec.layer[1].encoding.color.scale.domain).toEqual([
      "重回帰, リードタイム 1 日",
      "重回帰, リードタイム 2 日",
    ]);
    expect(() => forecastScatterSpec(rows(), { unit: "µg/m3", methods: ["qr"] })).toThrow(RangeError);
    const svg = await renderSvg(spec);
    expect(svg).toContain("観測値");
  });
});

describe("forecast labels", () => {
  it("every row has en, ja and zh; unknown keys fall back to the common labels, else fail", () => {
    for (const row of Object.values(FORECAST_LABELS))
      for (const l of ["en", "ja", "zh"] as const) expect(row[l]).toBeTruthy();
    expect(forecastLabel("analog", "zh")).toBe("相似集合预报");
    expect(forecastLabel("time", "ja")).toBe("時刻");
    expect(() => forecastLabel("nope")).toThrow(RangeError);
  });
});
