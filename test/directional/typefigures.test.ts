import { describe, expect, it } from "vitest";
import { facetSpecs } from "../../src/figures/facet";
import { byTypeSpec } from "../../src/directional/typefigures";
import { typeLevelLabel, seasonLevels } from "../../src/directional/typelabels";
import { windRose } from "../../src/directional/roses";
import { roseSpec } from "../../src/directional/figures";
import { renderSvg } from "../../src/figures/render";
import { timeProp } from "../../src/directional/timeprop";
import { trendLevel } from "../../src/directional/trendlevel";
import { timePropSpec, trendLevelSpec } from "../../src/directional/typefigures";

describe("level names in en/ja/zh", () => {
  it("fixed types are translated, openair's English kept", () => {
    expect(typeLevelLabel("season", "winter (DJF)", "ja")).toBe("冬 (12–2月)");
    expect(typeLevelLabel("season", "winter (DJF)", "zh")).toBe("冬季 (12–2月)");
    expect(typeLevelLabel("season", "winter (DJF)", "en")).toBe("winter (DJF)");
    expect(seasonLevels("southern", "ja")).toEqual(["春 (9–11月)", "夏 (12–2月)", "秋 (3–5月)", "冬 (6–8月)"]);
    expect(typeLevelLabel("weekday", "Monday", "zh")).toBe("星期一");
    expect(typeLevelLabel("month", "March", "ja")).toBe("3月");
    expect(typeLevelLabel("weekend", "weekend", "ja")).toBe("週末");
    expect(typeLevelLabel("daylight", "nighttime", "zh")).toBe("夜间");
    expect(typeLevelLabel("wd", "NE", "ja")).toBe("北東");
    expect(typeLevelLabel("wd", "NE", "zh")).toBe("东北");
    expect(typeLevelLabel("monthyear", "January 2025", "zh")).toBe("2025年1月");
    expect(typeLevelLabel("seasonyear", "winter (DJF) - 2026", "ja")).toBe("2026年 冬 (12–2月)");
    expect(typeLevelLabel("default", "01 December 2025 to 01 March 2026", "ja")).toBe("2025年12月1日～2026年3月1日");
    expect(typeLevelLabel("quantile", "pm25 2.4 to 13.5", "ja")).toBe("pm25 2.4～13.5");
  });
});

describe("faceted figures", () => {
  const ws = [1, 3, 5, 7, 9, 2, 4, 6];
  const wd = [0, 90, 180, 270, 45, 135, 225, 315];
  const times = ws.map((_, i) => Date.UTC(2025, i < 4 ? 0 : 6, 1 + i));
  it("one panel per level under its strip title, one shared colour legend, fonts of the language", async () => {
    const r = windRose(ws, wd, { type: "season", typeData: { times, utcOffsetMinutes: 480 } });
    const spec = byTypeSpec(r.byType!, (x) => roseSpec(x, { lang: "zh", size: 200 }), { lang: "zh" }) as any;
    expect(spec.concat.map((p: any) => p.title.text)).toEqual(["夏季 (6–8月)", "冬季 (12–2月)"]);
    expect(spec.concat[0].title.subtitle).toMatch(/静风/);
    expect(spec.columns).toBe(2);
    expect(spec.resolve.scale.color).toBe("shared");
    expect(spec.concat[0].$schema).toBeUndefined();
    expect(spec.config.font).toBe("Noto Sans CJK SC");
    const svg = await renderSvg(spec);
    expect(svg).toContain("冬季 (12–2月)");
  });
  it("two types: a row per level of the second type", () => {
    const r = windRose(ws, wd, { type: ["weekend", "season"], typeData: { times, utcOffsetMinutes: 480 } });
    const spec = byTypeSpec(r.byType!, (x) => roseSpec(x, { size: 150 })) as any;
    expect(spec.columns).toBe(2);
    expect(() => facetSpecs([])).toThrow(RangeError);
  });
});

describe("timeProp and trendLevel figures", () => {
  const h = 3600000;
  const times = Array.from({ length: 48 }, (_, i) => i * h);
  const series = {
    times,
    utcOffsetMinutes: 540,
    columns: { x: times.map((_, i) => i % 5), wd: times.map((_, i) => (i * 45) % 360) },
    units: { x: "ppb" },
  };
  it("timePropSpec: one bar segment per period × level, stacked from 0 to the period total, local times", async () => {
    const r = timeProp(series, { pollutant: "x" });
    const spec = timePropSpec(r, { lang: "ja" }) as any;
    expect(spec.data.values.length).toBe(r.rows.length);
    expect(spec.data.values[0].start).toBe("1970-01-01T00:00:00"); // local midnight of the first record's day at +09:00
    expect(spec.encoding.color.scale.domain).toEqual(["北", "北東", "東", "南東", "南", "南西", "西", "北西"]);
    expect(spec.encoding.color.title).toBe("風向");
    const svg = await renderSvg(spec);
    expect(svg).toContain("北東");
  });
  it("trendLevelSpec: one panel per type level, cells with values only", async () => {
    const r = trendLevel(series, { pollutant: "x", x: "hour", y: "wd", type: "default" });
    const spec = trendLevelSpec(r, { lang: "zh" }) as any;
    expect(spec.concat).toHaveLength(1);
    expect(spec.concat[0].data.values.length).toBe(r.cells.filter((c) => Number.isFinite(c.value)).length);
    expect(spec.concat[0].encoding.y.sort).toEqual(["北", "东北", "东", "东南", "南", "西南", "西", "西北"]);
  });
});
