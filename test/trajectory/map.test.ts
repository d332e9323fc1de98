import { describe, expect, it } from "vitest";
import { countryOutlines } from "../../src/figures/basemap";
import { trajectoryMapSpec } from "../../src/trajectory/map";
import { trajectoryFrequency } from "../../src/trajectory/statistics";
import { renderSvg } from "../../src/figures/render";

const EAST_ASIA = { lonMin: 110, lonMax: 135, latMin: 25, latMax: 45 };

describe("country outlines from world-atlas (Natural Earth)", () => {
  it("keeps the countries meeting the extent; China's decoded outline spans 73.5–134.8 E, 18.2–53.6 N", () => {
    const f = countryOutlines(EAST_ASIA, "110m");
    const names = f.map((x) => x.properties.name);
    expect(names).toEqual(expect.arrayContaining(["China", "Japan", "South Korea", "North Korea"]));
    expect(names).not.toContain("Brazil");
    const cn = f.find((x) => x.properties.name === "China")!;
    const pts = (cn.geometry.type === "Polygon" ? [cn.geometry.coordinates] : cn.geometry.coordinates).flat(2);
    const lons = pts.map((p) => p[0]),
      lats = pts.map((p) => p[1]);
    // Natural Earth's China: westernmost ~73.5 E (Xinjiang), easternmost ~134.8 E (Heilongjiang), south ~18.2 N (Hainan), north ~53.6 N
    expect(Math.min(...lons)).toBeGreaterThan(73);
    expect(Math.min(...lons)).toBeLessThan(74.5);
    expect(Math.max(...lons)).toBeGreaterThan(134);
    expect(Math.max(...lons)).toBeLessThan(135.5);
    expect(Math.min(...lats)).toBeGreaterThan(17.5);
    expect(Math.min(...lats)).toBeLessThan(19);
    expect(Math.max(...lats)).toBeGreaterThan(53);
    expect(Math.max(...lats)).toBeLessThan(54);
  });
});

describe("trajectory map spec", () => {
  const g = trajectoryFrequency({
    traj: [1, 1, 2],
    age: [0, -1, 0],
    lat: [31.2, 33.6, 31.2],
    lon: [121.4, 118.9, 121.4],
  });
  it("one rect per cell with its bounds, site and labels in the chosen language, renders to SVG", async () => {
    const spec = trajectoryMapSpec(g, {
      lang: "zh",
      site: { lat: 31.23, lon: 121.47 },
      extent: EAST_ASIA,
    }) as unknown as { layer: { data: { values?: unknown[] }; mark: { type: string } }[]; title: { text: string } };
    const rect = spec.layer.find((l) => l.mark.type === "rect")!;
    expect(rect.data.values).toEqual([
      expect.objectContaining({ latMin: 30.5, latMax: 31.5, lonMin: 120.5, lonMax: 121.5, value: 100 }),
      expect.objectContaining({ latMin: 33.5, latMax: 34.5, lonMin: 118.5, lonMax: 119.5, value: 50 }),
    ]);
    expect(spec.title.text).toContain("后向轨迹频率");
    const svg = await renderSvg(spec as never);
    expect(svg).toContain("受体点");
    expect(svg).toContain("120°E");
  });
});
