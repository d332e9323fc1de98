import { describe, expect, it } from "vitest";
import { ammoniumNitrateProfile, ammoniumSulfateProfile } from "../../src/profiles/builtin";

// Issue #15 item 4: the two stoichiometric salt profiles share one builder. Hand values from the
// IUPAC 2021 standard atomic weights (N 14.007, H 1.008, S 32.06, O 15.999):
// (NH4)2SO4: NH4 = 18.039, SO4 = 96.056, total 132.134 → SO4 0.72696, NH4 0.27304;
// NH4NO3: NO3 = 62.004, total 80.043 → NO3 0.77463, NH4 0.22537.
describe("built-in salt profiles", () => {
  it("ammonium sulfate: species SO4, NH4 with fractions 0.72696, 0.27304 g/g, complete, code AOZORA-AS", () => {
    const p = ammoniumSulfateProfile();
    expect(p.species).toEqual(["SO4", "NH4"]);
    expect(p.fraction[0]).toBeCloseTo(0.72696, 4);
    expect(p.fraction[1]).toBeCloseTo(0.27304, 4);
    expect(p.fraction[0] + p.fraction[1]).toBeCloseTo(1, 12);
    expect(p).toMatchObject({ code: "AOZORA-AS", unit: "g/g", complete: true, category: "secondary sulfate" });
    expect(p.uncertainty.every(Number.isNaN)).toBe(true);
    expect(p.provenance.kind).toBe("built-in");
  });

  it("ammonium nitrate: species NO3, NH4 with fractions 0.77463, 0.22537 g/g, code AOZORA-AN", () => {
    const p = ammoniumNitrateProfile();
    expect(p.species).toEqual(["NO3", "NH4"]);
    expect(p.fraction[0]).toBeCloseTo(0.77463, 4);
    expect(p.fraction[1]).toBeCloseTo(0.22537, 4);
    expect(p).toMatchObject({ name: "Ammonium nitrate NH4NO3", code: "AOZORA-AN", category: "secondary nitrate" });
  });
});
