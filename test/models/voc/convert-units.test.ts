import { describe, expect, it } from "vitest";
import { ppbToVoc, vocToPpb } from "../../../src/models/voc/convert";

// Issue #15 item 4: vocToPpb and ppbToVoc share one table of mole-ratio units (ppb, ppt, ppm,
// ppbC). Hand values: 1 ppm = 1000 ppb, 1 ppb = 1000 ppt, ppbC = ppb × carbon number (toluene C7H8:
// 5 ppb = 35 ppbC); µg/m3 = ppb × MW / Vm with Vm = 24.4654 L/mol at 298.15 K, 101.325 kPa.
describe("VOC mole-ratio units, both directions", () => {
  it("ppb → ppt, ppm, ppbC (toluene, C = 7) and back", () => {
    expect(ppbToVoc(5, "ppt", 92.14, 7)).toBe(5000);
    expect(ppbToVoc(5, "ppm", 92.14, 7)).toBe(0.005);
    expect(ppbToVoc(5, "ppbC", 92.14, 7)).toBe(35);
    expect(ppbToVoc(5, "ppb", 92.14, 7)).toBe(5);
    expect(vocToPpb(0.005, "ppm", 92.14, 7)).toBe(5);
    expect(vocToPpb(35, "ppbC", 92.14, 7)).toBe(5);
  });

  it("µg/m3: 1 ppb toluene = 92.14 / 24.4654 = 3.7661 µg/m3 at 25 °C, 1 atm", () => {
    expect(ppbToVoc(1, "µg/m3", 92.14, 7)).toBeCloseTo(92.14 / 24.4654, 3);
    expect(vocToPpb(92.14 / 24.4654, "µg/m3", 92.14, 7)).toBeCloseTo(1, 4);
  });

  it("ppbC without a carbon number > 0 is refused in both directions (it was silently 0 from ppb)", () => {
    expect(() => vocToPpb(1, "ppbC", 30, 0)).toThrow(RangeError);
    expect(() => ppbToVoc(1, "ppbC", 30, 0)).toThrow(RangeError);
  });
});
