import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/figures";
import type { BootstrapResult } from "../../src/sourceapport/bootstrap";
import type { BsDispResult } from "../../src/sourceapport/bsdisp";
import type { DispResult } from "../../src/sourceapport/disp";
import {
  bootstrapIntervalTable,
  constrainedComparisonSpec,
  dispIntervalTable,
  fpeakCurveSpec,
  intervalProfileSpec,
  intervalWhiskers,
  swapTableSpec,
} from "../../src/sourceapport/errorfigures";
import { fixture } from "./fixture";

/*
 * Hand-made error-estimation results for the fixture (p = 2: "Factor 1", "Factor 2"; species
 * A, B, PM; F = [[2, 1, 4], [2, 6, 10]] µg/m3). Every interval end is a distinct, recognisable
 * number so the tests can find it in the spec data.
 */
const SPECIES = ["A", "B", "PM"];
const BASE = [
  [2, 1, 4],
  [2, 6, 10],
];

function bootstrap(): BootstrapResult {
  return {
    blockSize: 2,
    blockSizeSource: "given",
    seed: 1,
    minCorrelation: 0.6,
    factorNames: ["Factor 1", "Factor 2"],
    runs: [],
    convergedRuns: 10,
    mappingTable: [
      { factor: "Factor 1", reproduced: 10, notReproduced: 0, mappedTo: [10, 0], unmapped: 0 },
      { factor: "Factor 2", reproduced: 9, notReproduced: 1, mappedTo: [1, 9], unmapped: 0 },
    ],
    unmapped: 0,
    // p5 = base − 0.1·(j + 1) − k/100, p95 = base + 0.2·(j + 1) + k/100; Factor 2 / PM not reproduced
    intervals: BASE.map((row, k) =>
      row.map((base, j) => {
        const none = k === 1 && j === 2;
        const lo = base - 0.1 * (j + 1) - k / 100,
          hi = base + 0.2 * (j + 1) + k / 100;
        return {
          species: SPECIES[j],
          unit: "µg/m3",
          count: none ? 0 : 10,
          p5: none ? NaN : lo,
          p25: none ? NaN : lo + 0.01,
          p50: none ? NaN : base,
          p75: none ? NaN : hi - 0.01,
          p95: none ? NaN : hi,
          base,
        };
      }),
    ),
    notConverged: [],
  };
}

function disp(): DispResult {
  const levels = [4, 8, 16, 32];
  return {
    dQmax: levels,
    qBase: 16,
    polishDecrease: 0,
    intervals: BASE.flatMap((row, k) =>
      row.map((base, j) => ({
        factor: `Factor ${k + 1}`,
        k,
        species: SPECIES[j],
        j,
        base,
        // Factor 1 / A reaches 0 already at dQmax 4 (drawn at the axis)
        down: levels.map((_, li) => (k === 0 && j === 0 ? 0 : base * (0.7 - 0.1 * li) - 0.001 * j)),
        up: levels.map((_, li) => base * (1.3 + 0.1 * li) + 0.001 * j),
      })),
    ),
    swaps: levels.map((dQmax, li) => ({
      dQmax,
      byFactor: [li, 2 * li + 1],
      tried: [20, 20],
      displacements: 3 * li + 1,
    })),
    largestDecrease: 0,
    largestDecreasePct: 0,
    fits: 100,
    iterations: 0,
    notConverged: 0,
  };
}

function bsdisp(): BsDispResult {
  const levels = [0.5, 1, 2, 4];
  return {
    dQmax: levels,
    runsUsed: [1, 2, 3],
    runsSkipped: [],
    // only species B displaced
    intervals: [0, 1].map((k) => ({
      factor: `Factor ${k + 1}`,
      k,
      species: "B",
      j: 1,
      base: BASE[k][1],
      down: levels.map((L) => BASE[k][1] - 0.05 * L - 0.003),
      up: levels.map((L) => BASE[k][1] + 0.07 * L + 0.003),
    })),
    swaps: levels.map((dQmax) => ({ dQmax, byFactor: [0, 0], tried: [6, 6], displacements: 0 })),
    resamplesWithSwaps: 0,
    unreliableFactors: [],
    largestDecrease: 0,
    fits: 40,
    iterations: 0,
    notConverged: 0,
  };
}

type Panel = { layer: { data: { values: Record<string, unknown>[] } }[] };
const panels = (spec: object) => (spec as { vconcat: Panel[] }).vconcat;
const whiskerRows = (spec: object) => panels(spec).flatMap((p) => p.layer[1].data.values);
const barRows = (spec: object) => panels(spec).flatMap((p) => p.layer[0].data.values);

describe("error-estimation figures render to SVG, with Japanese titles", () => {
  const r = fixture();
  const cases: [string, () => object, string[]][] = [
    [
      "intervalProfileSpec",
      () => intervalProfileSpec(r, { lang: "ja", bootstrap: bootstrap(), disp: disp(), bsdisp: bsdisp() }),
      ["濃度 (µg/m3)", "成分", "誤差範囲", "BS 5–95 %", "DISP dQmax 4", "BS-DISP dQmax 4"],
    ],
    [
      "swapTableSpec (DISP)",
      () => swapTableSpec(disp(), { lang: "ja" }),
      ["dQmax（Q の許容増分）", "因子", "因子の入れ替わり回数"],
    ],
    ["swapTableSpec (BS-DISP)", () => swapTableSpec(bsdisp(), { lang: "ja" }), ["dQmax（Q の許容増分）", "因子"]],
    [
      "fpeakCurveSpec",
      () =>
        fpeakCurveSpec(
          [
            { strength: -0.5, dQ: 30 },
            { strength: 0, dQ: 0 },
            { strength: 0.5, dQ: 12 },
          ],
          { lang: "ja" },
        ),
      ["Fpeak 強度", "dQ（Q の増加量）"],
    ],
    [
      "fpeakCurveSpec (percent)",
      () =>
        fpeakCurveSpec(
          [
            { strength: 0, dQ: 0, dQPct: 0 },
            { strength: 0.5, dQ: 12, dQPct: 0.8 },
          ],
          { lang: "ja", percent: true },
        ),
      ["dQ（ベース Q に対する %）"],
    ],
    [
      "constrainedComparisonSpec",
      () => constrainedComparisonSpec(r, { F: Float64Array.from([2, 0, 4.5, 2.5, 6, 9]) }, { lang: "ja" }),
      ["濃度 (µg/m3)", "解", "ベースラン", "制約付き解"],
    ],
  ];
  for (const [name, make, titles] of cases) {
    it(name, async () => {
      const svg = await renderSvg(make() as Parameters<typeof renderSvg>[0]);
      expect(svg.startsWith("<svg")).toBe(true);
      for (const t of titles) expect(svg).toContain(t);
    });
  }
  it("English and Chinese", async () => {
    expect(await renderSvg(swapTableSpec(disp()))).toContain("Factor swaps");
    expect(await renderSvg(swapTableSpec(disp(), { lang: "zh" }))).toContain("因子交换次数");
    expect(await renderSvg(fpeakCurveSpec([{ strength: 0, dQ: 0 }], { lang: "zh" }))).toContain("Fpeak 强度");
    expect(await renderSvg(constrainedComparisonSpec(r, { F: r.F }, { lang: "zh", factor: 1 }))).toContain("约束解");
  });
});

describe("intervalProfileSpec data", () => {
  const r = fixture();

  it("whiskers carry exactly the BS p5–p95, DISP dQmax 4 and BS-DISP largest-level values", () => {
    const rows = whiskerRows(intervalProfileSpec(r, { bootstrap: bootstrap(), disp: disp(), bsdisp: bsdisp() }));
    const find = (factor: string, species: string, method: string) =>
      rows.find((w) => w.factor === factor && w.species === species && w.method === method);
    // BS: Factor 2, B: p5 = 6 − 0.2 − 0.01, p95 = 6 + 0.4 + 0.01
    expect(find("Factor 2", "B", "BS")).toMatchObject({
      low: 6 - 0.1 * 2 - 0.01,
      high: 6 + 0.2 * 2 + 0.01,
      interval: "BS 5–95 %",
    });
    expect(find("Factor 1", "PM", "BS")).toMatchObject({ low: 4 - 0.1 * 3 - 0, high: 4 + 0.2 * 3 + 0 });
    expect(find("Factor 2", "PM", "BS")).toBeUndefined(); // never reproduced: no whisker
    // DISP at dQmax 4 = level index 0
    expect(find("Factor 2", "PM", "DISP")).toMatchObject({
      low: 10 * 0.7 - 0.002,
      high: 10 * 1.3 + 0.002,
      interval: "DISP dQmax 4",
    });
    // BS-DISP at the largest level (dQmax 4, index 3)
    expect(find("Factor 1", "B", "BS-DISP")).toMatchObject({
      low: 1 - 0.05 * 4 - 0.003,
      high: 1 + 0.07 * 4 + 0.003,
      interval: "BS-DISP dQmax 4",
    });
    expect(rows.filter((w) => w.method === "BS-DISP")).toHaveLength(2);
    expect(rows).toHaveLength(5 + 6 + 2);
  });

  it("a whisker reaching 0 keeps low = 0 but is drawn at the lower end of the log axis", () => {
    const spec = intervalProfileSpec(r, { disp: disp(), factor: "Factor 1" });
    expect(panels(spec)).toHaveLength(1);
    const w = whiskerRows(spec).find((x) => x.species === "A")!;
    expect(w.low).toBe(0);
    const domain = (panels(spec)[0].layer[0] as unknown as { encoding: { y: { scale: { domain: [number, number] } } } })
      .encoding.y.scale.domain;
    expect(w.lowPlot).toBe(domain[0]);
    expect(w.highPlot).toBe(w.high);
    expect(domain[0]).toBeLessThan(0.7 - 0.001 * 1); // below every drawn value
  });

  it("bars are the base profiles; other levels can be chosen; only given methods appear", () => {
    const spec = intervalProfileSpec(r, { disp: disp(), dispLevel: 16 });
    expect(barRows(spec).find((b) => b.factor === "Factor 2" && b.species === "B")).toMatchObject({
      base: 6,
      concentration: 6,
    });
    const rows = whiskerRows(spec);
    expect(new Set(rows.map((w) => w.method))).toEqual(new Set(["DISP"]));
    expect(rows.find((w) => w.factor === "Factor 2" && w.species === "B")).toMatchObject({
      low: 6 * (0.7 - 0.1 * 2) - 0.001,
      high: 6 * (1.3 + 0.1 * 2) + 0.001,
      interval: "DISP dQmax 16",
    });
    expect(() => intervalProfileSpec(r, { disp: disp(), dispLevel: 5 })).toThrow(/dQmax 5/);
    expect(() => intervalProfileSpec(r, {})).toThrow(/at least one/);
    expect(() => intervalProfileSpec(r, { disp: disp(), factor: "Soil" })).toThrow(/Soil/);
  });

  it("intervalWhiskers returns the raw rows", () => {
    const rows = intervalWhiskers(r, { bootstrap: bootstrap(), factor: 0 });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      factor: "Factor 1",
      k: 0,
      species: "A",
      method: "BS",
      interval: "BS 5–95 %",
      low: 2 - 0.1,
      high: 2 + 0.2,
      lowPlot: 2 - 0.1,
      highPlot: 2 + 0.2,
    });
  });
});

describe("swap table, Fpeak curve and constrained comparison data", () => {
  it("swapTableSpec: one cell per factor and dQmax with the swap count", () => {
    const spec = swapTableSpec(disp()) as { data: { values: { factor: string; dQmax: number; swaps: number }[] } };
    expect(spec.data.values).toHaveLength(8);
    expect(spec.data.values.find((c) => c.factor === "Factor 2" && c.dQmax === 16)!.swaps).toBe(5);
    expect(spec.data.values.find((c) => c.factor === "Factor 1" && c.dQmax === 4)!.swaps).toBe(0);
    const named = swapTableSpec(disp(), { factorNames: ["soil", "coal"] }) as typeof spec;
    expect(named.data.values.find((c) => c.factor === "coal" && c.dQmax === 32)!.swaps).toBe(7);
    expect(() => swapTableSpec(disp(), { factorNames: ["soil"] })).toThrow(/1 factor names for 2 factors/);
  });

  it("fpeakCurveSpec: points sorted by strength", () => {
    const spec = fpeakCurveSpec([
      { strength: 0.5, dQ: 12 },
      { strength: -0.5, dQ: 30 },
      { strength: 0, dQ: 0 },
    ]) as { layer: { data: { values: object[] } }[] };
    expect(spec.layer[1].data.values).toEqual([
      { strength: -0.5, dQ: 30 },
      { strength: 0, dQ: 0 },
      { strength: 0.5, dQ: 12 },
    ]);
    expect(() => fpeakCurveSpec([])).toThrow(/no points/);
  });

  it("constrainedComparisonSpec: base and constrained values side by side", () => {
    const r = fixture();
    const spec = constrainedComparisonSpec(r, { F: Float64Array.from([2, 0, 4.5, 2.5, 6, 9]) }, { label: "Cu = 0" });
    const rows = (spec as { vconcat: { data: { values: Record<string, unknown>[] } }[] }).vconcat.flatMap(
      (p) => p.data.values,
    );
    expect(rows).toHaveLength(12);
    expect(rows.find((x) => x.factor === "Factor 1" && x.species === "B" && x.solution === "Cu = 0")).toMatchObject({
      value: 0,
      concentration: null,
    });
    expect(rows.find((x) => x.factor === "Factor 1" && x.species === "B" && x.solution === "Base run")).toMatchObject({
      value: 1,
      concentration: 1,
    });
    expect(rows.find((x) => x.factor === "Factor 2" && x.species === "PM" && x.solution === "Cu = 0")!.value).toBe(9);
    expect(() => constrainedComparisonSpec(r, { F: new Float64Array(5) })).toThrow(/p × m = 6/);
  });
});

describe("interval tables", () => {
  it("bootstrapIntervalTable: one row per factor and species with the percentiles", () => {
    const r = fixture();
    const t = bootstrapIntervalTable(r, bootstrap());
    expect(t.numRows).toBe(6);
    expect(t.names).toEqual(["factor", "species", "unit", "base", "p5", "p25", "p50", "p75", "p95", "count"]);
    expect(t.unit("p95")).toBe("µg/m3");
    expect(t.unit("count")).toBe("1"); // a count is dimensionless
    expect(t.numbers("p95")[4]).toBe(6 + 0.2 * 2 + 0.01);
    expect(Number.isNaN(t.numbers("p5")[5])).toBe(true);
    expect(t.numbers("count")[5]).toBe(0);
  });

  it("dispIntervalTable: one row per element and level (DISP and BS-DISP)", () => {
    const r = fixture();
    const t = dispIntervalTable(r, disp());
    expect(t.numRows).toBe(6 * 4);
    expect(t.names).toEqual(["factor", "species", "unit", "dQmax", "base", "low", "high"]);
    expect([t.unit("dQmax"), t.unit("low"), t.unit("high")]).toEqual(["1", "µg/m3", "µg/m3"]);
    const i = t
      .strings("factor")
      .findIndex((f, q) => f === "Factor 2" && t.strings("species")[q] === "PM" && t.numbers("dQmax")[q] === 32);
    expect(t.numbers("low")[i]).toBeCloseTo(10 * 0.4 - 0.002, 12);
    expect(t.numbers("high")[i]).toBeCloseTo(10 * 1.6 + 0.002, 12);
    const b = dispIntervalTable(r, bsdisp());
    expect(b.numRows).toBe(2 * 4);
    expect(b.numbers("high")[7]).toBe(6 + 0.07 * 4 + 0.003);
  });
});
