import { describe, expect, it } from "vitest";
import { greatCircleKm, idwAt, idwGrid } from "../../src/spatial";

describe("great-circle distance", () => {
  it("1° along the equator = 6371.0088·π/180 = 111.195 km; a quarter meridian = 10007.5 km", () => {
    expect(greatCircleKm(0, 0, 1, 0)).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
    expect(greatCircleKm(108.95, 0, 108.95, 90)).toBeCloseTo((6371.0088 * Math.PI) / 2, 6);
  });
});

describe("IDW by hand", () => {
  const st = [
    { name: "A", lon: 0, lat: 0, value: 10 },
    { name: "B", lon: 1, lat: 0, value: 50 },
    { name: "C", lon: 0, lat: 1, value: 30 },
  ];
  it("two stations: at (0.25, 0) distances 0.25° and 0.75°, w ∝ d⁻² → 9 : 1 → (9·10 + 50)/10 = 14 (C at ≈114.6 km is outside 100 km)", () => {
    const r = idwAt(0.25, 0, st, { power: 2, radiusKm: 100 });
    expect(r.count).toBe(2);
    expect(r.value).toBeCloseTo(14, 10);
  });
  it("power 1: w ∝ 1/d → 3 : 1 → (3·10 + 50)/4 = 20", () => {
    expect(idwAt(0.25, 0, st, { power: 1, radiusKm: 100 }).value).toBeCloseTo(20, 10);
  });
  it("three equidistant stations (0.5° each from (0.5, 0)... along the equator and the meridian) → plain mean 30", () => {
    const s3 = [
      { lon: 0, lat: 0, value: 10 },
      { lon: 1, lat: 0, value: 50 },
      { lon: 0.5, lat: 0.5, value: 30 },
    ];
    expect(idwAt(0.5, 0, s3).value).toBeCloseTo(30, 10);
  });
  it("search radius: 50 km keeps only A (27.8 km) → 10; 20 km keeps none → masked", () => {
    expect(idwAt(0.25, 0, st, { radiusKm: 50 })).toEqual({ value: 10, count: 1 });
    expect(Number.isNaN(idwAt(0.25, 0, st, { radiusKm: 20 }).value)).toBe(true);
  });
  it("a grid cell on a station takes the station's value; far cells are masked", () => {
    const g = idwGrid(st, { lonMin: 0, lonMax: 3, latMin: 0, latMax: 0, step: 1 }, { radiusKm: 120 });
    expect(g.lons).toEqual([0, 1, 2, 3]);
    expect(g.values[0]).toBe(10);
    expect(g.values[1]).toBe(50);
    expect(g.values[2]).toBeCloseTo(50, 12); // only B within 120 km of (2, 0)
    expect(Number.isNaN(g.values[3])).toBe(true);
    expect(Array.from(g.counts)).toEqual([1, 1, 1, 0]);
  });
  it("bad input", () => {
    expect(() => idwGrid(st, { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1, step: 0 })).toThrow(/step/);
    expect(() => idwAt(0, 0, st, { power: 0 })).toThrow(/power/);
    expect(() =>
      idwGrid([{ lon: NaN, lat: 0, value: 1 }], { lonMin: 0, lonMax: 1, latMin: 0, latMax: 1, step: 1 }),
    ).toThrow(/invalid coordinates/);
  });
});
