import { describe, expect, it } from "vitest";
import { parseCompass, compassPointDegrees, COMPASS_POINTS_EN, COMPASS_POINTS_JA } from "../../src/table/compass";

// The definition: 16 points, 22.5° apart, clockwise from north (meteorological: the direction the
// wind blows FROM). Written out by hand, not computed from the module.
const BY_HAND: [string, string, number][] = [
  ["N", "北", 0],
  ["NNE", "北北東", 22.5],
  ["NE", "北東", 45],
  ["ENE", "東北東", 67.5],
  ["E", "東", 90],
  ["ESE", "東南東", 112.5],
  ["SE", "南東", 135],
  ["SSE", "南南東", 157.5],
  ["S", "南", 180],
  ["SSW", "南南西", 202.5],
  ["SW", "南西", 225],
  ["WSW", "西南西", 247.5],
  ["W", "西", 270],
  ["WNW", "西北西", 292.5],
  ["NW", "北西", 315],
  ["NNW", "北北西", 337.5],
];

describe("16-point compass directions", () => {
  it("English and Japanese names give the degrees of the definition (22.5° steps, N = 0)", () => {
    for (const [en, ja, deg] of BY_HAND) {
      expect(parseCompass(en)).toMatchObject({ kind: "direction", degrees: deg, point: en });
      expect(parseCompass(en.toLowerCase())).toMatchObject({ kind: "direction", degrees: deg });
      expect(parseCompass(` ${ja} `)).toMatchObject({ kind: "direction", degrees: deg, point: en });
    }
    expect(COMPASS_POINTS_EN).toEqual(BY_HAND.map((r) => r[0]));
    expect(COMPASS_POINTS_JA).toEqual(BY_HAND.map((r) => r[1]));
    expect(compassPointDegrees(15)).toBe(337.5);
    expect(() => compassPointDegrees(16)).toThrow(RangeError);
  });

  it("full-width letters and Chinese names", () => {
    expect(parseCompass("ＮＮＥ")).toMatchObject({ kind: "direction", degrees: 22.5 });
    expect(parseCompass("东北")).toMatchObject({ kind: "direction", degrees: 45 });
    expect(parseCompass("西南")).toMatchObject({ kind: "direction", degrees: 225 });
    expect(parseCompass("北")).toMatchObject({ kind: "direction", degrees: 0 });
  });

  it("calm markers are calm, never a direction", () => {
    for (const c of ["CALM", "calm", "C", "静穏", "静稳", "無風"]) expect(parseCompass(c).kind).toBe("calm");
  });

  it("the Japanese 16-point code only when asked: 1 = NNE … 16 = N, 0 = calm (Yokohama / NIED coding)", () => {
    expect(parseCompass("1").kind).toBe("none");
    expect(parseCompass("1", { numeric: true })).toMatchObject({ kind: "direction", degrees: 22.5 });
    expect(parseCompass("4", { numeric: true })).toMatchObject({ kind: "direction", degrees: 90 });
    expect(parseCompass("8", { numeric: true })).toMatchObject({ kind: "direction", degrees: 180 });
    expect(parseCompass("16", { numeric: true })).toMatchObject({ kind: "direction", degrees: 0 });
    expect(parseCompass("0", { numeric: true }).kind).toBe("calm");
    expect(parseCompass("17", { numeric: true }).kind).toBe("none");
  });

  it("other text is not a direction", () => {
    for (const t of ["", "NNNE", "north", "北北北", "-"]) expect(parseCompass(t).kind).toBe("none");
  });
});
