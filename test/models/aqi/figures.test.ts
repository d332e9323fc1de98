import { describe, expect, it } from "vitest";
import { aqiTimelineSpec, dailyAqi, ozLabel } from "../../../src/models/aqi";
import { diurnalOxSpec } from "../../../src/models/ozone";
import { idwGrid, idwMapSpec } from "../../../src/spatial";
import { renderSvg } from "../../../src/figures/render";

const OFF = 480,
  H = 3_600_000;
const t0 = Date.UTC(2025, 6, 1) - OFF * 60_000;

describe("AQI category timeline", () => {
  const times = Array.from({ length: 72 }, (_, h) => t0 + h * H);
  // days at PM2.5 20, 47.5, 160 µg/m3 → IAQI 29 (20·50/35 = 28.6), 76 (47.5 rounded half to even
  // to 48 by default, HJ 633-2026 §4.2.2: 50 + 50·13/25 = 76), 210
  const pm = times.map((_, h) => [20, 47.5, 160][Math.floor(h / 24)]);
  const r = dailyAqi({ times, utcOffsetMinutes: OFF, series: { "PM2.5": { values: pm, unit: "µg/m3" } } });
  it("uses the official HJ 633 colours in category order, names in the figure language", () => {
    // 160: segment 150–250 → 200 + 100·10/100 = 210 → heavily polluted (level 5)
    expect(r.days.map((d) => d.aqi)).toEqual([29, 76, 210]);
    const spec = aqiTimelineSpec(r, { lang: "zh" }) as any;
    expect(spec.encoding.color.scale.range).toEqual(["#00e400", "#ffff00", "#ff7e00", "#ff0000", "#99004c", "#7e0023"]);
    expect(spec.encoding.color.scale.domain[0]).toBe("优");
    expect(spec.data.values.map((v: any) => v.category)).toEqual(["优", "良", "重度污染"]);
  });
  it("US colours for the US standard; renders with Chinese labels", async () => {
    const us = dailyAqi(
      { times, utcOffsetMinutes: OFF, series: { "PM2.5": { values: pm, unit: "µg/m3" } } },
      { standard: "us-2024" },
    );
    expect((aqiTimelineSpec(us) as any).encoding.color.scale.range[4]).toBe("#8f3f97");
    const svg = await renderSvg(aqiTimelineSpec(r, { lang: "zh" }));
    expect(svg).toContain(ozLabel("aqi", "zh"));
  });
});

describe("diurnal Ox and IDW map specs", () => {
  it("diurnal: Ox = O3 + NO2 per hour; O3/NOx ratio of hourly means", () => {
    const times = Array.from({ length: 48 }, (_, h) => t0 + h * H);
    const spec = diurnalOxSpec({
      times,
      utcOffsetMinutes: OFF,
      o3Ppb: times.map((_, h) => 10 + (h % 24)),
      no2Ppb: times.map(() => 5),
      noxPpb: times.map(() => 10),
    }) as any;
    const top = spec.vconcat[0].data.values;
    expect(top.find((r: any) => r.series === "Ox" && r.hour === 14).value).toBe(29); // 10 + 14 + 5
    expect(spec.vconcat[1].data.values.find((r: any) => r.hour === 14).ratio).toBeCloseTo(2.4, 12); // 24/10
  });
  it("IDW map: masked cells are not drawn; stations are labelled", async () => {
    const st = [
      { name: "A", lon: 0, lat: 0, value: 10 },
      { name: "B", lon: 1, lat: 0, value: 50 },
    ];
    const g = idwGrid(st, { lonMin: 0, lonMax: 3, latMin: 0, latMax: 0, step: 1 }, { radiusKm: 120 });
    const spec = idwMapSpec(g, st, { unit: "µg/m3", lang: "ja" }) as any;
    expect(spec.layer[0].data.values.length).toBe(3); // (3, 0) masked
    expect(spec.layer[2].data.values.map((v: any) => v.name)).toEqual(["A", "B"]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("経度");
  });
});
