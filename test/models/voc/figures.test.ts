import { describe, expect, it } from "vitest";
import { vocReactivity, type VocColumnInput } from "../../../src/models/voc/reactivity";
import { vocGroupShareSpec, vocSampleStackSpec, vocTopSpeciesSpec } from "../../../src/models/voc/figures";
import { renderSvg } from "../../../src/figures/render";

const col = (id: string, values: number[]): VocColumnInput => ({
  header: id,
  match: { kind: "species", id },
  unit: "ppb",
  values,
});
const t0 = Date.UTC(2024, 6, 1, 0); // 08:00 at UTC+8
const r = vocReactivity(
  [col("ethane", [10, 20]), col("toluene", [5, 5]), col("propylene", [2, 1]), col("isoprene", [0.5, 1])],
  {},
  [t0, t0 + 6 * 3600000],
);
type Rows = { values: Record<string, number | string>[] };

describe("VOC figures", () => {
  it("group shares: each metric's bar sums to 100 %, group names in the figure language", () => {
    const spec = vocGroupShareSpec(r, { lang: "zh" });
    const rows = (spec.data as Rows).values;
    for (const m of ["体积混合比", "臭氧生成潜势 (OFP)", "OH 反应活性 (L_OH)"]) {
      const s = rows.filter((x) => x.metric === m).reduce((a, x) => a + (x.share as number), 0);
      expect(s, m).toBeCloseTo(100, 9);
    }
    expect(new Set(rows.map((x) => x.groupLabel))).toEqual(new Set(["烷烃", "烯烃", "生物源 VOC", "芳香烃"]));
  });
  it("per-sample stack: one row per sample and group, local time labels, values = per-sample group OFP", () => {
    const spec = vocSampleStackSpec(r, { utcOffsetMinutes: 480, lang: "ja" });
    const rows = (spec.data as Rows).values;
    expect(rows.length).toBe(2 * 4);
    expect(rows[0].t).toBe("07-01 08");
    expect(rows.find((x) => x.t === "07-01 14" && x.groupLabel === "アルカン")!.value).toBeCloseTo(
      (0.28 * (20 * 30.07)) / 24.465437,
      4,
    );
  });
  it("top species: ordered by OFP, names translated, and the spec renders", async () => {
    const spec = vocTopSpeciesSpec(r, { lang: "ja", topN: 2 });
    const rows = (spec.data as Rows).values;
    expect(rows.map((x) => x.name)).toEqual(["トルエン", "プロピレン"]);
    const svg = await renderSvg(spec);
    expect(svg).toContain("トルエン");
  });
});
