import { describe, expect, it } from "vitest";
import {
  chinaReferenceState,
  convertReferenceState,
  molarVolume,
  ppbToPpbC,
  ppbToUgm3,
  STP_273,
  STP_298,
  ugm3ToPpb,
} from "../../src/table/gas";

describe("gas unit conversion", () => {
  it("uses the molar volume of the reference state", () => {
    expect(molarVolume(STP_273)).toBeCloseTo(22.414, 12);
    // 22.414 × 298.15 / 273.15 = 24.4654…
    expect(molarVolume(STP_298)).toBeCloseTo(24.465, 3);
    // half the pressure, double the volume
    expect(molarVolume({ temperatureK: 273.15, pressureKPa: 101.325 / 2 })).toBeCloseTo(44.828, 10);
  });
  it("converts ppb ↔ µg/m3 ↔ ppbC", () => {
    // O3 (48.00 g/mol) 100 ppb at 298.15 K: 100 × 48.00 / 24.4654 = 196.2 µg/m3
    expect(ppbToUgm3(100, 48.0, STP_298)).toBeCloseTo((100 * 48.0) / ((22.414 * 298.15) / 273.15), 10);
    expect(ppbToUgm3(100, 48.0, STP_298)).toBeCloseTo(196.2, 1);
    // the same at 273.15 K: 100 × 48 / 22.414 = 214.15 µg/m3
    expect(ppbToUgm3(100, 48.0, STP_273)).toBeCloseTo(214.15, 2);
    expect(ugm3ToPpb(ppbToUgm3(37, 78.11), 78.11)).toBeCloseTo(37, 12);
    expect(ppbToPpbC(2.5, 7)).toBe(17.5); // toluene C7
    expect(convertReferenceState(214.15, STP_273, STP_298)).toBeCloseTo((214.15 * 273.15) / 298.15, 10);
  });
  it("switches China's reference state on 2018-09-01 Beijing time", () => {
    expect(chinaReferenceState(Date.parse("2018-08-31T23:59:59+08:00"))).toBe(STP_273);
    expect(chinaReferenceState(Date.parse("2018-09-01T00:00:00+08:00"))).toBe(STP_298);
  });
  it("rejects impossible inputs", () => {
    expect(() => ppbToUgm3(1, 0)).toThrow(/molecular weight/);
    expect(() => molarVolume({ temperatureK: -1, pressureKPa: 101 })).toThrow(/must be > 0/);
    expect(() => ppbToPpbC(1, 1.5)).toThrow(/carbon number/);
  });
});
