import { describe, expect, it } from "vitest";
import { airNumberDensity } from "../../src/photochem";

describe("airNumberDensity", () => {
  it("is the Loschmidt constant at 273.15 K and 101 325 Pa (CODATA 2018: 2.686780111e25 m^-3)", () => {
    expect(airNumberDensity(101325, 273.15) / 2.686780111e19).toBeCloseTo(1, 9);
  });
  it("scales as p/T (298.15 K: 2.686780111e19 × 273.15/298.15)", () => {
    expect(airNumberDensity(101325, 298.15) / ((2.686780111e19 * 273.15) / 298.15)).toBeCloseTo(1, 9);
  });
  it("refuses a non-positive temperature", () => {
    expect(() => airNumberDensity(101325, 0)).toThrow(RangeError);
  });
});
