import { describe, expect, it } from "vitest";
import { displacedElements, dispRunOptions } from "../../src/sourceapport/disp";

// One home for the element selection of DISP and BS-DISP (issue #15 item 4).
describe("displacedElements", () => {
  const species = ["SO4", "NO3", "OC", "EC"];
  const msg = (sp: string) => `X: unknown species "${sp}"`;
  it("defaults: every species (0..3) and every factor (0..p-1)", () => {
    expect(displacedElements(species, 3, {}, msg)).toEqual({ js: [0, 1, 2, 3], ks: [0, 1, 2] });
  });
  it("named species in the order given; factors as given", () => {
    expect(displacedElements(species, 3, { species: ["EC", "SO4"], factors: [2] }, msg)).toEqual({
      js: [3, 0],
      ks: [2],
    });
  });
  it("an unknown species: RangeError with the caller's message", () => {
    expect(() => displacedElements(species, 3, { species: ["Pb"] }, msg)).toThrow(RangeError);
    expect(() => displacedElements(species, 3, { species: ["Pb"] }, msg)).toThrow('X: unknown species "Pb"');
  });
  it("dispRunOptions: species by name, steps null when not given, method (default fast), swapTest only when given", () => {
    expect(dispRunOptions([4, 8], species, [3, 0], [1], {})).toEqual({
      dQmax: [4, 8],
      species: ["EC", "SO4"],
      factors: [1],
      steps: null,
      method: "fast",
    });
    expect(dispRunOptions([4], species, [2], [0], { steps: 12, method: "exhaustive" })).toEqual({
      dQmax: [4],
      species: ["OC"],
      factors: [0],
      steps: 12,
      method: "exhaustive",
    });
  });
});
