import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/figures";
import {
  builtinProfiles,
  compareProfiles,
  identifyFactors,
  profileComparisonSpec,
  similarityHeatmapSpec,
  type SourceProfile,
} from "../../src/profiles";
import { efByGroup, efByModelYearSpec, efByVspSpec } from "../../src/remotesensing";

const f: SourceProfile = {
  name: "Factor 1",
  category: "unknown",
  species: ["SO4", "NH4", "OC", "Fe"],
  fraction: [0.6, 0.22, 0.05, 0.001],
  uncertainty: [NaN, NaN, NaN, NaN],
  unit: "g/g",
  provenance: { kind: "pmf-factor", source: "test" },
};

describe("profile and remote-sensing figures in three languages", () => {
  it("comparison bars carry both series, the metrics and translated axis titles", async () => {
    const c = compareProfiles(f, builtinProfiles()[2]);
    const svg = await renderSvg(profileComparisonSpec(c, { lang: "ja" }));
    expect(svg).toContain("質量分率");
    expect(svg).toContain("参照プロファイル: Ammonium sulfate");
    expect(svg).toContain(`r = ${c.pearson.toFixed(2)}`);
  });
  it("the heatmap has one cell per factor and reference", () => {
    const id = identifyFactors([f], builtinProfiles());
    const spec = similarityHeatmapSpec(id, { lang: "zh" }) as { data: { values: unknown[] } };
    expect(spec.data.values).toHaveLength(4);
  });
  it("EF by model year drops non-positive EFs and says how many; VSP bars use mode labels", async () => {
    const spec = efByModelYearSpec({ modelYear: [2010, 2010, 2020], ef: [5, -1, 2], pollutant: "CO", lang: "zh" }) as {
      data: { values: unknown[] };
      title: { subtitle: string };
    };
    expect(spec.data.values).toHaveLength(2);
    expect(spec.title.subtitle).toBe("EF ≤ 0: 1");
    const stats = efByGroup([1, 2, 3, 4], [3, 3, 9, 9]);
    const svg = await renderSvg(efByVspSpec({ stats, pollutant: "NO", lang: "en", minN: 1 }));
    expect(svg).toContain("9: [16, 19)");
    const few = efByVspSpec({ stats, pollutant: "NO" }) as { data: { values: unknown[] }; title: { subtitle: string } };
    expect(few.data.values).toHaveLength(0);
    expect(few.title.subtitle).toBe("n < 10: 3 (n = 2), 9 (n = 2)");
  });
});
