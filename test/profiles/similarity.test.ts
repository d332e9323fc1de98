import { describe, expect, it } from "vitest";
import {
  ammoniumNitrateProfile,
  ammoniumSulfateProfile,
  assignMinCost,
  averageRanks,
  coefficientOfDivergence,
  compareProfiles,
  crustalProfile,
  pearson,
  pearsonDistance,
  seaSaltProfile,
  sid,
  spearman,
  speciesMatchKey,
  type SourceProfile,
} from "../../src/profiles";

const prof = (
  name: string,
  species: string[],
  fraction: number[],
  complete = false,
): SourceProfile & { complete?: boolean } => ({
  name,
  category: name,
  species,
  fraction,
  uncertainty: fraction.map(() => NaN),
  unit: "g/g",
  complete,
  provenance: { kind: "file", source: "test" },
});

describe("similarity metrics on profiles with known answers", () => {
  const x = [0.4, 0.2, 0.1, 0.05, 0.01];
  it("identical profiles: r = ρ = 1, COD = SID = PD = 0", () => {
    expect(pearson(x, x)).toBeCloseTo(1, 14);
    expect(spearman(x, x)).toBeCloseTo(1, 14);
    expect(coefficientOfDivergence(x, x)).toBe(0);
    expect(sid(x, x)).toBe(0);
    expect(pearsonDistance(x, x)).toBeCloseTo(0, 14);
  });
  it("a profile scaled by c = 3: r = 1, PD = 0, but every term |x−y|/(x+y) = 2/4 so COD = 0.5 and SID = √2·0.5", () => {
    const y = x.map((v) => 3 * v);
    expect(pearson(x, y)).toBeCloseTo(1, 14);
    expect(pearsonDistance(x, y)).toBeCloseTo(0, 14);
    expect(coefficientOfDivergence(x, y)).toBeCloseTo(0.5, 14);
    expect(sid(x, y)).toBeCloseTo(Math.SQRT2 * 0.5, 14);
  });
  it("profiles without a species in common: COD = 1, SID = √2 (its maximum)", () => {
    const a = [0.5, 0.3, 0, 0],
      b = [0, 0, 0.6, 0.2];
    expect(coefficientOfDivergence(a, b)).toBeCloseTo(1, 14);
    expect(sid(a, b)).toBeCloseTo(Math.SQRT2, 14);
  });
  it("a hand-worked pair: x = (1,2,3), y = (1,3,2)", () => {
    // means 2 and 2; Σ(dx·dy) = (−1)(−1) + 0·1 + 1·0 = 1; Σdx² = Σdy² = 2 → r = 0.5; PD = 0.75
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 14);
    expect(pearsonDistance([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.75, 14);
    // terms |x−y|/(x+y): 0, 1/5, 1/5 → SID = √2/3·0.4 = 0.188562; COD = sqrt((0 + 0.04 + 0.04)/3) = 0.163299
    expect(sid([1, 2, 3], [1, 3, 2])).toBeCloseTo((Math.SQRT2 / 3) * 0.4, 14);
    expect(coefficientOfDivergence([1, 2, 3], [1, 3, 2])).toBeCloseTo(Math.sqrt(0.08 / 3), 14);
    // Spearman of ranks (1,2,3) vs (1,3,2) = 1 − 6Σd²/(n(n²−1)) = 1 − 6·2/24 = 0.5
    expect(spearman([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 14);
  });
  it("ties get average ranks", () => {
    expect(averageRanks([5, 1, 5, 3])).toEqual([3.5, 1, 3.5, 2]);
  });
  it("unrelated profiles fail SID/PD acceptance, a noisy copy passes", () => {
    const sp = ["OC", "EC", "SO4", "Fe", "Zn"];
    const a = prof("a", sp, x),
      copy = prof("b", sp, [0.42, 0.19, 0.11, 0.045, 0.012]),
      other = prof("c", sp, [0.01, 0.02, 0.05, 0.3, 0.4]);
    expect(compareProfiles(a, copy).accepted).toBe(true);
    const c = compareProfiles(a, other);
    expect(c.accepted).toBe(false);
    expect(c.pearson).toBeLessThan(0);
  });
  it("matches species across spellings and leaves the total out", () => {
    expect(speciesMatchKey("SO4 2-")).toBe("SO4");
    expect(speciesMatchKey("Sulfate")).toBe("SO4");
    expect(speciesMatchKey("Aluminum")).toBe("Al");
    expect(speciesMatchKey("Cl-")).toBe("Cl");
    expect(speciesMatchKey("pm25")).toBe("PM2.5");
    const a = prof("a", ["PM2.5", "SO4", "NH4", "OC"], [1, 0.6, 0.2, 0.1]);
    const c = compareProfiles(a, ammoniumSulfateProfile());
    // complete reference: OC enters with 0; PM2.5 is excluded
    expect(c.species).toEqual(["SO4", "NH4", "OC"]);
    expect(c.zeroFilled).toEqual(["OC"]);
  });
});

describe("built-in profiles by hand", () => {
  it("ammonium sulfate and nitrate by stoichiometry (IUPAC atomic weights)", () => {
    // NH4 = 14.007 + 4·1.008 = 18.039; SO4 = 32.06 + 4·15.999 = 96.056; (NH4)2SO4 = 132.134
    const as = ammoniumSulfateProfile();
    expect(as.fraction[0]).toBeCloseTo(96.056 / 132.134, 10);
    expect(as.fraction[1]).toBeCloseTo(36.078 / 132.134, 10);
    // NO3 = 14.007 + 3·15.999 = 62.004; NH4NO3 = 80.043
    const an = ammoniumNitrateProfile();
    expect(an.fraction[0]).toBeCloseTo(62.004 / 80.043, 10);
    expect(an.fraction[0] + an.fraction[1]).toBeCloseTo(1, 12);
  });
  it("crust: Al from 15.4 % Al2O3, Si from 66.6 % SiO2, Fe from 5.04 % FeO (Rudnick & Gao 2014)", () => {
    const c = crustalProfile();
    const f = (s: string) => c.fraction[c.species.indexOf(s)];
    // Al2O3 = 2·26.982 + 3·15.999 = 101.961 → Al = 0.154·53.964/101.961 = 0.081506
    expect(f("Al")).toBeCloseTo((0.154 * 53.964) / 101.961, 10);
    // SiO2 = 28.085 + 31.998 = 60.083 → Si = 0.666·28.085/60.083 = 0.311312
    expect(f("Si")).toBeCloseTo((0.666 * 28.085) / 60.083, 10);
    expect(f("Fe")).toBeCloseTo((0.0504 * 55.845) / 71.844, 10);
    expect(f("Cu")).toBeCloseTo(28e-6, 15);
    expect(f("Pb")).toBeCloseTo(17e-6, 15);
  });
  it("sea salt: Cl = 19.35271/35.16504, Na = 10.78145/35.16504 (Millero et al. 2008); Cl/Na mass ratio 1.795", () => {
    const s = seaSaltProfile();
    const f = (x: string) => s.fraction[s.species.indexOf(x)];
    expect(f("Cl")).toBeCloseTo(0.550339, 5);
    expect(f("Na")).toBeCloseTo(0.306596, 5);
    expect(f("Cl") / f("Na")).toBeCloseTo(1.795, 3);
  });
});

describe("assignment", () => {
  it("finds the minimum-cost one-to-one assignment (checked against all 6 permutations)", () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    // permutations: (0,1,2)=4+0+2=6, (0,2,1)=4+5+2=11, (1,0,2)=1+2+2=5, (1,2,0)=1+5+3=9, (2,0,1)=3+2+2=7, (2,1,0)=3+0+3=6 → best (1,0,2)
    expect(assignMinCost(cost)).toEqual([1, 0, 2]);
    expect(assignMinCost([[1, 5, 0.5]])).toEqual([2]);
  });
});
