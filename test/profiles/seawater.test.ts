import { describe, expect, it } from "vitest";
import { SEAWATER_MILLERO_2008 } from "../../src/profiles/tables/seawater";

// Millero et al. (2008) Deep-Sea Res. I 55:50–72, Table 4 (reference composition at S_R = 35.16504 g/kg).
// The five minor constituents the table module leaves out (g/kg): CO3 2- 0.01434, B(OH)4- 0.00795,
// B(OH)3 0.01944, CO2 0.00042, OH- 0.00014; sum 0.04229. Hand sum of the ten listed values:
// 10.78145 + 1.28372 + 0.41208 + 0.39910 + 0.00795 + 19.35271 + 2.71235 + 0.06728 + 0.00130 + 0.10481 = 35.12275;
// 35.12275 + 0.04229 = 35.16504 = S_R.
describe("reference seawater composition (Millero et al. 2008, Table 4)", () => {
  const g = SEAWATER_MILLERO_2008.gPerKg;

  it("the listed constituents plus the five minor ones sum to S_R = 35.16504 g/kg", () => {
    const listed = Object.values(g).reduce((a, b) => a + b, 0);
    expect(listed).toBeCloseTo(35.12275, 9);
    expect(listed + 0.04229).toBeCloseTo(SEAWATER_MILLERO_2008.salinity, 9);
    expect(SEAWATER_MILLERO_2008.salinity).toBe(35.16504);
  });

  it("the major ions as transcribed independently by pyEQL (pyEQL/functions.py) and kkrings/seawater (g/kg)", () => {
    expect(g).toEqual({
      Na: 10.78145,
      Mg: 1.28372,
      Ca: 0.41208,
      K: 0.3991,
      Sr: 0.00795,
      Cl: 19.35271,
      SO4: 2.71235,
      Br: 0.06728,
      F: 0.0013,
      HCO3: 0.10481,
    });
  });

  it("mass ratios used for sea salt: Cl/Na = 1.79500, Mg/Na = 0.11907, SO4/Na = 0.25158 (hand: 19.35271/10.78145 etc.)", () => {
    expect(g.Cl / g.Na).toBeCloseTo(1.795, 4);
    expect(g.Mg / g.Na).toBeCloseTo(0.119067, 5);
    expect(g.SO4 / g.Na).toBeCloseTo(0.251576, 5);
  });
});
