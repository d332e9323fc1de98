import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { preparePmfInput, signalToNoise } from "../../src/sourceapport/prepare";
import { sharedPath } from "./shared";

const pmf = (name: string) =>
  readEpaPmf(
    sharedPath("data", "epa-pmf", `Dataset-${name}-con.csv`),
    sharedPath("data", "epa-pmf", `Dataset-${name}-unc.csv`),
    { unit: "µg/m3", utcOffset: "-06:00" },
  );

/** Significant digits to which a and b agree is at least `digits`: |a − b| ≤ 0.5·10^(e−digits+1), e = exponent of b. */
function expectSig(a: number, b: number, digits: number) {
  if (b === 0) {
    expect(Math.abs(a)).toBeLessThan(0.5e-6);
    return;
  }
  const e = Math.floor(Math.log10(Math.abs(b)));
  expect(Math.abs(a - b)).toBeLessThanOrEqual(0.5 * 10 ** (e - digits + 1));
}

describe("EPA PMF 5.0 S/N reference values (CONVENTIONS §1)", () => {
  it("Baton Rouge: S/N per species to 6 significant digits", () => {
    const d = pmf("BatonRouge");
    const sn = signalToNoise(d.x, d.s, d.n, d.m);
    const at = (sp: string) => sn[d.species.indexOf(sp)];
    expectSig(at("124-Trimethylbenzene"), 5.445168, 7);
    expectSig(at("Cis-2-Butene"), 3.100977, 7);
    expectSig(at("Isopropylbenzene"), 2.067318, 7);
    expectSig(at("Unidentified"), 1.0, 7);
    expect(at("TNMOC")).toBe(0); // s = 4x > x in every sample
    // "most other species 5.666667" (s = 0.15·x exactly → (x − s)/s = 17/3): 16 species
    const most = [
      "224-Trimethylpentane",
      "Acetylene",
      "Benzene",
      "Ethane",
      "Ethylbenzene",
      "Ethylene",
      "Isobutane",
      "Isopentane",
      "M_P Xylene",
      "N-Butane",
      "N-Heptane",
      "N-Pentane",
      "O-Xylene",
      "Propane",
      "Propylene",
      "Toluene",
    ];
    for (const sp of most) expectSig(at(sp), 5.666667, 7);
    const matching = d.species.filter((sp) => at(sp).toPrecision(7) === "5.666667");
    expect(matching).toEqual(most);
  });

  it("Baton Rouge through preparePmfInput: same S/N; TNMOC as total is weak with S/N 0; Unidentified strong", () => {
    const d = pmf("BatonRouge");
    const p = preparePmfInput(
      { ...d, units: "µg/m3", times: d.concentration.times() },
      { autoCategories: true, total: "TNMOC" },
    );
    const sum = (sp: string) => p.summary.find((q) => q.name === sp)!;
    expectSig(sum("124-Trimethylbenzene").sn, 5.445168, 7);
    expect(sum("TNMOC")).toMatchObject({
      sn: 0,
      category: "weak",
      categoryReason: "total variable",
      belowUncertaintyShare: 1,
    });
    // 0.999999999996 is 1 up to the rounding of the input files → strong, not weak
    expect(sum("Unidentified").category).toBe("strong");
    expect(p.summary.filter((q) => q.category !== "strong").map((q) => q.name)).toEqual(["TNMOC"]);
    expect([p.n, p.m]).toEqual([307, 41]);
    expect(p.changes).toEqual([]);
    // weak ×3 on TNMOC only: s = 3 × 4x = 12x
    const j = p.species.indexOf("TNMOC");
    expect(p.s[j]).toBeCloseTo(12 * p.x[j], 6);
  });

  it("St. Louis: S/N to 4 decimals", () => {
    const d = pmf("StLouis");
    const sn = signalToNoise(d.x, d.s, d.n, d.m);
    const at = (sp: string) => sn[d.species.indexOf(sp)];
    expect(at("Cd")).toBeCloseTo(0.4874, 4);
    expect(at("Ni")).toBeCloseTo(0.191, 4);
    expect(at("Se")).toBeCloseTo(0.1159, 4);
    expect(at("EC")).toBeCloseTo(0.4239, 4);
    expect(at("Mass")).toBe(0);
  });

  it("St. Louis auto categories (bad < 0.5 ≤ weak < 1): Cd, Ni, Se, EC bad; Mass weak as total; the rest strong", () => {
    // S/N: Cd 0.4874, Ni 0.1910, Se 0.1159, EC 0.4239 → all < 0.5 → bad; no species lies in
    // [0.5, 1), so none is weak by S/N; Mass has S/N 0 (bad by S/N) but is the total → weak.
    const d = pmf("StLouis");
    const p = preparePmfInput({ ...d, units: "µg/m3" }, { autoCategories: true, total: "Mass" });
    const cat = Object.fromEntries(p.summary.map((q) => [q.name, q.category]));
    expect(cat).toEqual({
      Cd: "bad",
      Cu: "strong",
      Fe: "strong",
      Mn: "strong",
      Ni: "bad",
      Pb: "strong",
      Se: "bad",
      Zn: "strong",
      SO4: "strong",
      NO3: "strong",
      OC: "strong",
      EC: "bad",
      Mass: "weak",
    });
    expect(p.species).toEqual(["Cu", "Fe", "Mn", "Pb", "Zn", "SO4", "NO3", "OC", "Mass"]);
    expect(p.changes.map((c) => [c.kind, c.species])).toEqual([
      ["species-excluded", "Cd"],
      ["species-excluded", "Ni"],
      ["species-excluded", "Se"],
      ["species-excluded", "EC"],
    ]);
    // without the total, Mass (S/N 0) would be bad as well
    const q = preparePmfInput({ ...d, units: "µg/m3" }, { autoCategories: true });
    expect(q.summary.find((r) => r.name === "Mass")!.category).toBe("bad");
  });
});
