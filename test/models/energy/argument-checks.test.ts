import { describe, expect, it } from "vitest";
import { removalEfficiency } from "../../../src/models/energy/exhaust";
import { fabricThroughputKgPerH, requireNonNegative } from "../../../src/models/energy/physics";

// Issue #15 item 4: one argument check for the energy formulas. Hand values:
// throughput 50 m/min · 60 · 1.5 m · 200 g/m² / 1000 = 900 kg/h;
// η = (60·18000 − 8·18500)/(60·18000) = (1 080 000 − 148 000)/1 080 000 = 0.862963.
describe("energy formulas refuse negative, NaN and infinite arguments by name", () => {
  it("valid inputs give the hand values", () => {
    expect(fabricThroughputKgPerH(50, 1.5, 200)).toBeCloseTo(900, 10);
    expect(removalEfficiency(60, 18000, 8, 18500)).toBeCloseTo(932000 / 1080000, 12);
  });
  it("names the function and the argument", () => {
    expect(() => fabricThroughputKgPerH(50, -1, 200)).toThrow(
      "fabricThroughput: width must be a non-negative number, got -1",
    );
    expect(() => removalEfficiency(60, 18000, NaN, 18500)).toThrow(
      "removalEfficiency: C_out must be a non-negative number, got NaN",
    );
    expect(() => requireNonNegative("f", { a: 0, b: Infinity })).toThrow(RangeError);
    expect(() => requireNonNegative("f", { a: 0, b: 2 })).not.toThrow();
  });
});
