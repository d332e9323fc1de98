import { describe, expect, it } from "vitest";
import { enrichmentFactors, efClass } from "../../src/metals/enrichment";
import { UCC_MCLENNAN_2001, UCC_RUDNICK_GAO_2014 } from "../../src/metals/tables/crust";
import { tracerRatios, type TracerDefinition } from "../../src/metals/ratios";
import { compareWithFilter } from "../../src/metals/filtercompare";

describe("crust tables", () => {
  it("McLennan 2001 values as published (Se 50 ppb, not ppm)", () => {
    expect(UCC_MCLENNAN_2001.mgPerKg.Fe).toBe(35000); // 3.5 %
    expect(UCC_MCLENNAN_2001.mgPerKg.Al).toBe(80400); // 8.04 %
    expect(UCC_MCLENNAN_2001.mgPerKg.Se).toBe(0.05);
    expect(UCC_MCLENNAN_2001.mgPerKg.Sb).toBe(0.2);
  });
  it("Rudnick & Gao 2014 oxides converted to elements by hand", () => {
    // Al2O3 15.4 %: 2·26.9815/(2·26.9815 + 3·15.999) = 53.963/101.960 = 0.529256 → 8.1505 %
    expect(UCC_RUDNICK_GAO_2014.mgPerKg.Al).toBeCloseTo(81505, -1);
    // FeO 5.04 %: 55.845/71.844 = 0.777312 → 3.9177 %
    expect(UCC_RUDNICK_GAO_2014.mgPerKg.Fe).toBeCloseTo(39177, -1);
    // TiO2 0.64 %: 47.867/79.865 = 0.599349 → 0.38358 %
    expect(UCC_RUDNICK_GAO_2014.mgPerKg.Ti).toBeCloseTo(3835.8, 0);
    // SiO2 66.6 %: 28.085/60.083 = 0.467436 → 31.131 %
    expect(UCC_RUDNICK_GAO_2014.mgPerKg.Si).toBeCloseTo(311312, -2);
    expect(UCC_RUDNICK_GAO_2014.mgPerKg.Se).toBe(0.09);
  });
});

describe("enrichment factors", () => {
  it("EF = (X/Fe)/(X/Fe)crust, worked by hand (McLennan: Zn 71, Fe 35000 mg/kg)", () => {
    // sample 1: Zn 100, Fe 500 → 0.2 / (71/35000) = 98.5915...; sample 2: Zn 300, Fe 1000 → 0.3/0.00202857 = 147.887
    const r = enrichmentFactors({ Fe: [500, 1000], Zn: [100, 300] }, { reference: "Fe" });
    const zn = r.rows.find((x) => x.element === "Zn")!;
    expect(r.perSample.Zn[0]).toBeCloseTo(0.2 / (71 / 35000), 9);
    expect(r.perSample.Zn[0]).toBeCloseTo(98.5915493, 6);
    // EF of the means: (400/1500)/(71/35000) = 131.4554
    expect(zn.ef).toBeCloseTo(131.4553991, 6);
    expect(zn.efClass).toBe("strongly anthropogenic");
    expect(r.rows.find((x) => x.element === "Fe")!.ef).toBe(1);
  });
  it("reference element selectable; unknown elements listed", () => {
    const r = enrichmentFactors({ Ti: [4.1], Pb: [1.7], Xx: [1] }, { reference: "Ti" });
    // (1.7/4.1)/(17/4100) = 100
    expect(r.rows.find((x) => x.element === "Pb")!.ef).toBeCloseTo(100, 9);
    expect(r.missing).toEqual(["Xx"]);
    expect(() => enrichmentFactors({ Fe: [1] }, { reference: "Ca" as never })).toThrow(RangeError);
    expect(efClass(9.9)).toBe("crustal");
    expect(efClass(50)).toBe("anthropogenic");
  });
});

describe("tracer ratios", () => {
  it("V/Ni, Cu/Sb, excess K (McLennan K/Fe = 28000/35000 = 0.8)", () => {
    const r = tracerRatios({ V: [4, 1], Ni: [1, 0], Cu: [10, 5], Sb: [2, 1], K: [1000, 200], Fe: [500, 100] });
    expect(Array.from(r.series["V/Ni"])).toEqual([4, NaN]); // Ni 0 → undefined ratio
    expect(Array.from(r.series["Cu/Sb"])).toEqual([5, 5]);
    expect(r.series["excess K"][0]).toBeCloseTo(1000 - 0.8 * 500, 9);
    expect(r.units["excess K"]).toBe("ng/m3");
  });
  it("user-extensible; definitions with absent elements are listed as skipped", () => {
    const znCu: TracerDefinition = {
      name: "Zn/Cu",
      needs: ["Zn", "Cu"],
      unit: "1",
      description: "test",
      compute: (e) => e.Zn / e.Cu,
    };
    const r = tracerRatios({ Zn: [6], Cu: [3] }, { tracers: [znCu, { ...znCu, name: "Pb/Zn", needs: ["Pb", "Zn"] }] });
    expect(r.series["Zn/Cu"][0]).toBe(2);
    expect(r.skipped).toEqual([{ name: "Pb/Zn", missing: ["Pb"] }]);
  });
});

describe("comparison with filter data", () => {
  const H = 3600000,
    t0 = Date.UTC(2025, 0, 1);
  it("averages the hourly series over each filter period with a capture threshold; ratio, Deming, r², bias", () => {
    // three 24-h filters; continuous = 2·filter + 1 exactly in each period
    const filt = [4, 6, 9];
    const times: number[] = [],
      vals: number[] = [];
    for (let d = 0; d < 4; d++)
      for (let h = 0; h < 24; h++) {
        times.push(t0 + (d * 24 + h) * H);
        vals.push(d < 3 ? 2 * filt[d] + 1 : NaN);
      }
    // day 2: 5 hours missing → capture 19/24 ≥ 0.75, still used
    for (let h = 0; h < 5; h++) vals[24 + h] = NaN;
    const f = {
      start: [0, 1, 2, 3].map((d) => t0 + d * 24 * H),
      end: [1, 2, 3, 4].map((d) => t0 + d * 24 * H),
      values: [...filt, 5],
    };
    const r = compareWithFilter({ times, values: vals }, f);
    expect(r.pairs.map((p) => p.used)).toEqual([true, true, true, false]);
    expect(r.pairs[1].capture).toBeCloseTo(19 / 24, 12);
    expect(r.n).toBe(3);
    expect(r.deming!.slope).toBeCloseTo(2, 9);
    expect(r.deming!.intercept).toBeCloseTo(1, 9);
    expect(r.r2).toBeCloseTo(1, 12);
    // bias = mean(continuous − filter) = mean(5, 7, 10) = 22/3; filter mean 19/3 → 115.79 %
    expect(r.bias).toBeCloseTo(22 / 3, 12);
    expect(r.biasPct).toBeCloseTo((100 * 22) / 19, 9);
    // ratios 9/4, 13/6, 19/9
    expect(r.meanRatio).toBeCloseTo((9 / 4 + 13 / 6 + 19 / 9) / 3, 12);
    expect(r.medianRatio).toBeCloseTo(13 / 6, 12);
    expect(r.ratioOfMeans).toBeCloseTo(41 / 19, 12);
  });
});
