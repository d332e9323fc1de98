import { describe, expect, it } from "vitest";
import { stationTrendMapSpec } from "../../src/network/figures";
import type { StationTrend } from "../../src/network/summarise";

const tr = (station: string, slope: number, lo: number, hi: number): StationTrend => ({
  station,
  pollutant: "PM2.5",
  unit: "µg/m3",
  basis: "annual",
  deseasonalised: false,
  n: 5,
  slope,
  lo,
  hi,
  slopePct: NaN,
  pValue: NaN,
  level: 0.95,
});

describe("stationTrendMapSpec", () => {
  it("one point per station with a position and a trend; significance from the interval; labels per language", () => {
    const trends = [tr("A", -2, -3, -1), tr("B", 1, -0.5, 2), tr("C", NaN, NaN, NaN), tr("D", 1, 0.5, 2)];
    const stations = [
      { code: "A", city: "沈阳", longitude: 123.4, latitude: 41.8 },
      { code: "B", city: "北京", longitude: 116.4, latitude: 39.9 },
      { code: "C", city: "上海", longitude: 121.5, latitude: 31.2 },
    ];
    const spec = stationTrendMapSpec(trends, stations, { lang: "zh" }) as unknown as {
      title: { text: string };
      layer: { data: { values: { station: string; significant: string }[] } }[];
    };
    const pts = spec.layer[1].data.values;
    // C has no trend, D no position
    expect(pts.map((p) => p.station)).toEqual(["A", "B"]);
    expect(pts.map((p) => p.significant)).toEqual(["yes", "no"]);
    expect(spec.title.text).toBe("各站点 PM2.5 的 Theil–Sen 趋势");
    expect(() => stationTrendMapSpec([tr("D", 1, 0, 2)], stations)).toThrow(RangeError);
  });
});
