import { fixture } from "./fixture";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/figures";
import {
  contributionSpec,
  fingerprintSpec,
  gSpaceSpec,
  observedPredictedSpec,
  profileSpec,
  qScanSpec,
  residualBoxSpec,
} from "../../src/sourceapport/figures";

/** Inline rows of a single-data spec. */
function rowsOf(spec: object): Record<string, unknown>[] {
  return (spec as { data: { values: Record<string, unknown>[] } }).data.values;
}

/** Inline rows of all panels of a vconcat spec. */
function panelRows(spec: object): Record<string, unknown>[] {
  return (spec as { vconcat: { data: { values: Record<string, unknown>[] } }[] }).vconcat.flatMap((v) => v.data.values);
}

/** Inline rows of layer `i` of a layered spec. */
function layerRows(spec: object, i: number): Record<string, unknown>[] {
  return (spec as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer[i].data.values;
}

describe("PMF figures render to SVG, with Japanese axis titles", () => {
  const r = fixture({ times: true });
  const cases: [string, () => object, string[]][] = [
    ["profileSpec", () => profileSpec(r, { lang: "ja" }), ["濃度 (µg/m3)", "成分総量に対する割合 (%)", "成分"]],
    ["contributionSpec", () => contributionSpec(r, { lang: "ja" }), ["規格化寄与", "時刻 (UTC+08:00)"]],
    ["contributionSpec (mass)", () => contributionSpec(r, { lang: "ja", mass: true }), ["寄与濃度 (µg/m3)"]],
    ["fingerprintSpec", () => fingerprintSpec(r, { lang: "ja" }), ["成分総量に対する割合 (%)", "因子"]],
    ["residualBoxSpec", () => residualBoxSpec(r, { lang: "ja" }), ["スケール化残差", "成分"]],
    [
      "observedPredictedSpec",
      () => observedPredictedSpec(r, "B", { lang: "ja" }),
      ["予測値 (µg/m3)", "観測値 (µg/m3)"],
    ],
    ["gSpaceSpec", () => gSpaceSpec(r, 0, 1, { lang: "ja" }), ["規格化寄与: Factor 1", "規格化寄与: Factor 2"]],
    [
      "qScanSpec",
      () =>
        qScanSpec(
          [
            { factors: 3, qRobust: 300, qExpected: 100 },
            { factors: 4, qRobust: 150, qExpected: 90 },
            { factors: 5, qRobust: 90, qExpected: 80 },
          ],
          { lang: "ja" },
        ),
      ["因子数", "Q(robust)/Q(exp)"],
    ],
  ];
  for (const [name, make, titles] of cases) {
    it(name, async () => {
      const svg = await renderSvg(make() as Parameters<typeof renderSvg>[0]);
      expect(svg.startsWith("<svg")).toBe(true);
      for (const t of titles) expect(svg).toContain(t);
    });
  }

  it("English and Chinese titles", async () => {
    expect(await renderSvg(residualBoxSpec(r))).toContain("Scaled residual");
    expect(await renderSvg(residualBoxSpec(r, { lang: "zh" }))).toContain("标准化残差");
    expect(await renderSvg(contributionSpec(fixture(), { lang: "en" }))).toContain("Sample");
  });
});

describe("PMF figure data", () => {
  it("profileSpec: concentration and % of species per factor and species", () => {
    const rows = panelRows(profileSpec(fixture()));
    expect(rows).toHaveLength(6);
    const f2b = rows.find((x) => x.factor === "Factor 2" && x.species === "B")!;
    expect(f2b.concentration).toBe(6);
    expect(f2b.percentOfSpecies as number).toBeCloseTo(600 / 7, 12);
  });

  it("profileSpec: zero concentrations get no bar on the log scale", () => {
    const r = fixture();
    const rows = panelRows(profileSpec({ ...r, F: Float64Array.from([0, 1, 4, 2, 6, 10]) }));
    expect(rows.find((x) => x.factor === "Factor 1" && x.species === "A")!.concentration).toBeNull();
  });

  it("contributionSpec (mass): G·F_total", () => {
    const rows = rowsOf(contributionSpec(fixture(), { mass: true }));
    expect(rows.find((x) => x.factor === "Factor 2" && x.sample === 1)!.value).toBe(20);
    const r = fixture();
    expect(() => contributionSpec({ ...r, input: { ...r.input, total: undefined } }, { mass: true })).toThrow(
      /total variable/,
    );
  });

  it("fingerprintSpec: % of species sum to 100 per species", () => {
    const rows = rowsOf(fingerprintSpec(fixture()));
    const b = rows.filter((x) => x.species === "B").reduce((s, x) => s + (x.percentOfSpecies as number), 0);
    expect(b).toBeCloseTo(100, 12);
  });

  it("residualBoxSpec: box statistics and the flagged cell", () => {
    const spec = residualBoxSpec(fixture());
    expect(layerRows(spec, 0).find((x) => x.species === "B")).toEqual({
      species: "B",
      min: 0,
      q1: 0,
      median: 0,
      q3: 1,
      max: 4,
    });
    expect(layerRows(spec, 3)).toEqual([{ species: "B", value: 4 }]);
    expect(layerRows(spec, 4)).toEqual([{ y: 3 }, { y: -3 }]);
  });

  it("observedPredictedSpec: title with r², slope, intercept; unknown species rejected", () => {
    const spec = observedPredictedSpec(fixture(), "A") as { title: { text: string } };
    expect(spec.title.text).toBe("A: r² = 1.00, slope = 1.00, intercept = 0.00");
    expect(() => observedPredictedSpec(fixture(), "Zn")).toThrow(/Zn/);
  });

  it("qScanSpec: Q/Qexp sorted by number of factors, Qexp ≤ 0 dropped", () => {
    const rows = layerRows(
      qScanSpec([
        { factors: 4, qRobust: 150, qExpected: 100 },
        { factors: 3, qRobust: 300, qExpected: 100 },
        { factors: 9, qRobust: 10, qExpected: -5 },
      ]),
      0,
    );
    expect(rows).toEqual([
      { factors: 3, ratio: 3 },
      { factors: 4, ratio: 1.5 },
    ]);
    expect(() => qScanSpec([])).toThrow(/no points/);
  });
});
