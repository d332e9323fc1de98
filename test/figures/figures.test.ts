import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  barSpec,
  displayFigure,
  label,
  LABELS,
  renderPng,
  renderSvg,
  saveFigure,
  timeSeriesSpec,
  toLocalIso,
} from "../../src/figures";

/** The spec's inline rows (the builders always use `data: { values }`). */
function rowsOf(spec: object): Record<string, unknown>[] {
  return (spec as { data: { values: Record<string, unknown>[] } }).data.values;
}

describe("labels", () => {
  it("returns the literal text for each language", () => {
    expect(label("time", "en")).toBe("Time");
    expect(label("time", "ja")).toBe("時刻");
    expect(label("time", "zh")).toBe("时间");
    expect(label("concentration", "en")).toBe("Concentration");
    expect(label("concentration", "ja")).toBe("濃度");
    expect(label("concentration", "zh")).toBe("浓度");
    expect(label("species", "en")).toBe("Species");
    expect(label("species", "ja")).toBe("成分");
    expect(label("species", "zh")).toBe("组分");
    expect(label("windSpeed", "ja")).toBe("風速");
    expect(label("windDirection", "zh")).toBe("风向");
    expect(label("hourOfDay", "en")).toBe("Hour of day");
    expect(label("value")).toBe("Value"); // English by default
  });
  it("every key has all three languages", () => {
    for (const row of Object.values(LABELS)) {
      expect(Object.keys(row).sort()).toEqual(["en", "ja", "zh"]);
    }
  });
  it("throws naming an unknown key (also for Object.prototype names)", () => {
    expect(() => label("pressure", "ja")).toThrow(/pressure/);
    expect(() => label("toString", "en")).toThrow(/toString/);
  });
});

describe("timeSeriesSpec", () => {
  const t0 = Date.UTC(2025, 0, 1, 0, 0);
  const hour = 3_600_000;

  it("local time at +480: 2025-01-01T00:00Z is 08:00 on the site clock", () => {
    const spec = timeSeriesSpec({
      times: [Date.UTC(2025, 0, 1, 0, 0)],
      utcOffsetMinutes: 480,
      series: [{ name: "PM2.5", values: [12] }],
      unit: "µg/m3",
    });
    expect(rowsOf(spec)[0].time).toBe("2025-01-01T08:00:00");
    expect(toLocalIso(Date.UTC(2025, 0, 1, 0, 0), 540)).toBe("2025-01-01T09:00:00");
    expect(toLocalIso(Date.UTC(2024, 11, 31, 20, 30), 480)).toBe("2025-01-01T04:30:00"); // crosses the year
  });

  it("has the expected encodings, titles and fonts", () => {
    const spec = timeSeriesSpec({
      times: [t0, t0 + hour],
      utcOffsetMinutes: 540,
      series: [
        { name: "NO2", values: [10, 11] },
        { name: "O3", values: [30, 31] },
      ],
      unit: "ppb",
      lang: "ja",
      title: "大気汚染",
      width: 500,
      height: 250,
    }) as Record<string, any>;
    expect(spec.encoding.x).toMatchObject({
      field: "time",
      type: "temporal",
      scale: { type: "utc" },
      title: "時刻 (UTC+09:00)",
    });
    expect(spec.encoding.y).toMatchObject({ field: "value", type: "quantitative", title: "濃度 (ppb)" });
    expect(spec.encoding.color).toMatchObject({ field: "series", type: "nominal", title: "成分" });
    // series names in the figure language (figures/names.ts): NO2 and O3 in a Japanese figure
    expect(spec.encoding.color.scale.domain).toEqual(["二酸化窒素", "オゾン"]);
    expect(spec.layer[0].mark.type).toBe("line");
    expect(spec.data.format.parse.time).toBe("utc:'%Y-%m-%dT%H:%M:%S'");
    expect(spec.title).toEqual({ text: "大気汚染" });
    expect([spec.width, spec.height]).toEqual([500, 250]);
    expect(spec.config.font).toBe("Noto Sans CJK JP");
    expect(spec.config.axis).toEqual({ labelFont: "Noto Sans CJK JP", titleFont: "Noto Sans CJK JP" });
    expect(spec.config.legend).toEqual({ labelFont: "Noto Sans CJK JP", titleFont: "Noto Sans CJK JP" });
    expect(spec.config.title.font).toBe("Noto Sans CJK JP");
  });

  it("English and Chinese axis titles", () => {
    const base = { times: [t0], utcOffsetMinutes: 480, series: [{ name: "SO2", values: [3] }], unit: "µg/m3" };
    const en = timeSeriesSpec(base) as Record<string, any>;
    expect(en.encoding.y.title).toBe("Concentration (µg/m3)");
    expect(en.encoding.x.title).toBe("Time (UTC+08:00)");
    const zh = timeSeriesSpec({ ...base, lang: "zh" }) as Record<string, any>;
    expect(zh.encoding.y.title).toBe("浓度 (µg/m3)");
    expect(zh.encoding.x.title).toBe("时间 (UTC+08:00)");
    expect(zh.encoding.color.title).toBe("组分");
  });

  it("drops NaN values (no NaN, null or 0 in the data) and breaks the line there", () => {
    const spec = timeSeriesSpec({
      times: [t0, t0 + hour, t0 + 2 * hour, t0 + 3 * hour, t0 + 4 * hour],
      utcOffsetMinutes: 0,
      series: [{ name: "PM10", values: Float64Array.from([5, 6, NaN, 8, 9]) }],
      unit: "µg/m3",
    });
    const rows = rowsOf(spec);
    expect(rows.map((r) => r.value)).toEqual([5, 6, 8, 9]);
    expect(rows.map((r) => r.time)).toEqual([
      "2025-01-01T00:00:00",
      "2025-01-01T01:00:00",
      "2025-01-01T03:00:00",
      "2025-01-01T04:00:00",
    ]);
    expect(rows.some((r) => Number.isNaN(r.value) || r.value === null || r.value === 0)).toBe(false);
    expect(JSON.stringify(spec)).not.toMatch(/NaN|null/);
    // two runs: before and after the gap, so no line segment is drawn across it
    expect(rows.map((r) => r.segment)).toEqual(["0:0", "0:0", "0:1", "0:1"]);
  });

  it("marks a value between two gaps as isolated (drawn as a point)", () => {
    const spec = timeSeriesSpec({
      times: [t0, t0 + hour, t0 + 2 * hour],
      utcOffsetMinutes: 0,
      series: [{ name: "CO", values: [NaN, 0.4, NaN] }],
      unit: "ppm",
    });
    expect(rowsOf(spec)).toEqual([
      { time: "2025-01-01T01:00:00", series: "CO", value: 0.4, segment: "0:0", isolated: true },
    ]);
  });

  it("rejects mismatched lengths, repeated names and bad offsets", () => {
    const opts = { times: [t0, t0 + hour], utcOffsetMinutes: 480, unit: "ppb" };
    expect(() => timeSeriesSpec({ ...opts, series: [{ name: "a", values: [1] }] })).toThrow(
      /"a" has 1 values but there are 2 times/,
    );
    expect(() =>
      timeSeriesSpec({
        ...opts,
        series: [
          { name: "a", values: [1, 2] },
          { name: "a", values: [1, 2] },
        ],
      }),
    ).toThrow(/Duplicate/);
    expect(() => timeSeriesSpec({ ...opts, utcOffsetMinutes: 8.5, series: [] })).toThrow();
  });
});

describe("barSpec", () => {
  it("keeps all categories in order, drops NaN bars, titles by key", () => {
    const spec = barSpec({
      categories: ["SO4", "NO3", "NH4"],
      values: [4.5, NaN, 2],
      unit: "µg/m3",
      lang: "zh",
      xTitleKey: "species",
    }) as Record<string, any>;
    expect(spec.mark).toMatchObject({ type: "bar" });
    expect(spec.encoding.x).toMatchObject({ field: "category", type: "nominal", title: "组分" });
    // categories are shown by their registry labels (src/figures/names.ts: ions keep their formula)
    expect(spec.encoding.x.scale.domain).toEqual(["SO₄²⁻", "NO₃⁻", "NH₄⁺"]);
    expect(spec.encoding.y).toMatchObject({ field: "value", type: "quantitative", title: "浓度 (µg/m3)" });
    expect(spec.data.values).toEqual([
      { category: "SO₄²⁻", value: 4.5 },
      { category: "NH₄⁺", value: 2 },
    ]);
    expect(spec.config.font).toBe("Noto Sans CJK SC");
  });
  it("x title from another key; unknown key throws naming it", () => {
    const spec = barSpec({
      categories: ["0", "1"],
      values: [1, 2],
      unit: "m/s",
      lang: "ja",
      xTitleKey: "hourOfDay",
      yTitleKey: "windSpeed",
    }) as Record<string, any>;
    expect(spec.encoding.x.title).toBe("時間帯");
    expect(spec.encoding.y.title).toBe("風速 (m/s)");
    expect(() => barSpec({ categories: ["a"], values: [1], unit: "", xTitleKey: "nope" })).toThrow(/nope/);
    expect(() => barSpec({ categories: ["a", "b"], values: [1], unit: "" })).toThrow(/1 values for 2 categories/);
  });
});

describe("rendering", () => {
  const times = [Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1, 2), Date.UTC(2025, 0, 1, 3)];
  const spec = timeSeriesSpec({
    times,
    utcOffsetMinutes: 540,
    series: [
      { name: "PM2.5", values: [10, 12, NaN, 9] },
      { name: "オゾン", values: [40, 41, 45, 44] },
    ],
    unit: "µg/m3",
    lang: "ja",
    title: "大気汚染",
    width: 400,
    height: 240,
  });

  it("renderSvg: an SVG with the Japanese title and labels as text", async () => {
    const svg = await renderSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("<svg");
    expect(svg).toContain(">大気汚染</text>");
    expect(svg).toContain(">濃度 (µg/m3)</text>");
    expect(svg).toContain(">オゾン</text>");
    expect(svg).toContain("Noto Sans CJK JP");
    // The whole figure is the requested size (autosize fit, padding included).
    expect(svg).toMatch(/^<svg[^>]* width="400" height="240"/);
    // Local time at +09:00: the first instant (00:00Z) is labelled 09:00 on the axis.
    expect(svg).toContain(">09:00</text>");
  });

  it("renderSvg does not depend on the machine's time zone", async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      const a = await renderSvg(spec);
      process.env.TZ = "Australia/Adelaide";
      const b = await renderSvg(spec);
      expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()).toBe(-630); // the zone change took effect
      expect(b).toBe(a);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("renderPng: PNG signature and width = spec width × scale", async () => {
    const png = await renderPng(spec, { scale: 2 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(800); // 400 px × 2
    expect(meta.height).toBe(480); // 240 px × 2
    const one = await sharp(await renderPng(spec, { scale: 1 })).metadata();
    expect([one.width, one.height]).toEqual([400, 240]);
  });

  it("renderPng: a bar chart with Chinese labels", async () => {
    const bar = barSpec({
      categories: ["硫酸盐", "硝酸盐", "铵盐"],
      values: [10, 7, 3],
      unit: "µg/m3",
      lang: "zh",
      width: 300,
      height: 200,
    });
    const meta = await sharp(await renderPng(bar, { scale: 3 })).metadata();
    expect([meta.width, meta.height]).toEqual([900, 600]);
  });

  it("saveFigure writes .svg and .png, creating folders", async () => {
    const dir = await mkdtemp(join(tmpdir(), "aozora-fig-"));
    try {
      const base = join(dir, "a", "b", "pm25");
      const out = await saveFigure(spec, base, { scale: 1 });
      expect(out).toEqual({ svg: `${base}.svg`, png: `${base}.png` });
      expect(await readFile(out.svg, "utf8")).toContain("大気汚染");
      const head = await readFile(out.png);
      expect([...head.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect((await stat(out.png)).size).toBeGreaterThan(1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("displayFigure outside a tslab kernel just returns the SVG", async () => {
    const svg = await displayFigure(spec);
    expect(svg).toContain("大気汚染");
  });
});
