import { describe, expect, it } from "vitest";
import { readSampleTable } from "../../src/qa/read";
import { massClosure } from "../../src/qa/massclosure";
import { ionBalance } from "../../src/qa/ionbalance";
import { qaSummary } from "../../src/qa/summary";
import { massClosureSpec, ionBalanceSpec, completenessHeatmapSpec } from "../../src/qa/figures";
import { blandAltmanSpec, labScatterSpec, zScoreSpec } from "../../src/interlab/figures";
import { pairLabResults } from "../../src/interlab/read";
import { compareLabs } from "../../src/interlab/compare";
import { qaLabel, QA_LABELS } from "../../src/qa/labels";
import { renderSvg } from "../../src/figures/render";

const csv = (name: string, text: string) => readSampleTable({ name, text });
const A = csv(
  "a.csv",
  "sample,site,PM2.5 (µg/m3),SO4 (µg/m3),NH4 (µg/m3),NO3 (µg/m3),OC (µg/m3),EC (µg/m3)\n" +
    [1, 2, 3, 4, 5, 6].map((k) => `s${k},X,${10 * k},${k},${0.5 * k},${0.3 * k},${2 * k},${0.5 * k}`).join("\n") +
    "\n",
);
const B = csv(
  "b.csv",
  "sample,SO4 (µg/m3),OC (µg/m3)\n" +
    [1, 2, 3, 4, 5, 6].map((k) => `s${k},${k * 1.02 + 0.01 * (k % 2)},${2.3 * k - 0.05 * (k % 3)}`).join("\n") +
    "\n",
);

describe("QA and inter-lab figures", () => {
  it("every label row has en/ja/zh", () => {
    for (const [k, row] of Object.entries(QA_LABELS))
      for (const l of ["en", "ja", "zh"] as const) expect(row[l], `${k}.${l}`).toBeTruthy();
    expect(qaLabel("organicMatter", "zh")).toBe("有机物");
    expect(qaLabel("myComponent", "ja")).toBe("myComponent");
  });

  it("mass closure: one bar segment per component and sample, measured mass as points; Japanese labels rendered", async () => {
    const mc = massClosure(A.table, { formulas: "cn" });
    const spec = massClosureSpec(mc, { lang: "ja" }) as unknown as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer[0].data.values).toHaveLength(6 * mc.components.length);
    expect(spec.layer[1].data.values).toHaveLength(6);
    const svg = await renderSvg(massClosureSpec(mc, { lang: "ja" }));
    expect(svg).toContain("有機物");
    expect(svg).toContain("PM2.5 秤量値");
  });

  it("ion balance, completeness heatmap, Bland–Altman, lab scatter and z bars build and render", async () => {
    const ib = ionBalance(A.table);
    const q = qaSummary(A.table);
    const cmp = compareLabs(pairLabResults(A, B));
    const oc = cmp.species.find((s) => s.species === "OC")!;
    const specs = [
      ionBalanceSpec([{ group: "X", result: ib }], { lang: "zh" }),
      completenessHeatmapSpec(q.campaigns, { lang: "en" }),
      blandAltmanSpec(oc, { lang: "zh" }),
      blandAltmanSpec(oc, { lang: "en", relative: true }),
      labScatterSpec(oc, { lang: "ja" }),
      zScoreSpec(oc.scores, { lang: "ja" }),
    ];
    const ba = specs[2] as unknown as { layer: { data: { values: { y: number }[] } }[] };
    expect(ba.layer[2].data.values.map((v) => v.y)).toEqual([
      oc.blandAltman!.bias,
      oc.blandAltman!.lower,
      oc.blandAltman!.upper,
    ]);
    const svgs = await Promise.all(specs.map(renderSvg));
    expect(svgs[0]).toContain("阳离子当量");
    expect(svgs[4]).toContain("Passing–Bablok");
    expect(svgs[5]).toContain("z スコア");
  });
});
