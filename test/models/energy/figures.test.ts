import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/figures/render";
import {
  type AnalysisUnit,
  coBenefitSpec,
  compareRegression,
  compareUnpaired,
  defaultEnergyParameters,
  emissionBarsSpec,
  energyBreakdownSpec,
  ENERGY_LABELS,
  regressionSpec,
  savingsSpec,
  secBoxSpec,
} from "../../../src/models/energy";

const params = defaultEnergyParameters();
function unit(i: number, group: "old" | "new", e: number, p: number): AnalysisUnit {
  return {
    id: `u${i}`,
    machine: group === "old" ? "OLD-1" : "NEW-1",
    group,
    period: group === "old" ? "before" : "after",
    article: "A",
    fabricClass: i % 2 ? "cotton" : "polyester",
    start: i * 3600000,
    end: (i + 1) * 3600000,
    runHours: 1,
    idleHours: 0.2,
    electricityRunKwh: e / 36,
    electricityIdleKwh: 1,
    thermalRunMJ: e,
    thermalIdleMJ: e / 20,
    thermalFuelMJ: e,
    thermalFuel: "gas",
    meter: "gas",
    productionKg: p,
    productionM: NaN,
    speed: NaN,
    width: NaN,
    gsm: NaN,
    exhaustTemp: NaN,
    exhaustHumidity: NaN,
    rows: [],
  };
}
const units = Array.from({ length: 12 }, (_, i) =>
  unit(i, i < 6 ? "old" : "new", (i < 6 ? 5 : 4) * (100 + 10 * i) + 7 * ((i * 37) % 5), 100 + 10 * i),
);

describe("tenter figures", () => {
  it("every label has en, ja and zh", () => {
    for (const [k, v] of Object.entries(ENERGY_LABELS))
      for (const l of ["en", "ja", "zh"] as const) expect((v as Record<string, string>)[l], `${k}.${l}`).toBeTruthy();
  });
  it("render with Chinese and Japanese labels", async () => {
    const svg = await renderSvg(secBoxSpec(units, "kg", params, { lang: "zh" }));
    expect(svg).toContain("单位产品能耗");
    expect(svg).toContain("MJ/kg");
    const reg = compareRegression(units, { basis: "kg", params });
    const svg2 = await renderSvg(regressionSpec(units, reg, params, { lang: "ja" }));
    expect(svg2).toContain("ロット当たり生産量");
  });
  it("breakdown rows are SEC components that add up to the total SEC", () => {
    const spec = energyBreakdownSpec(units, "kg") as unknown as { data: { values: { mp: string; v: number }[] } };
    const old = units.filter((u) => u.group === "old");
    const p = old.reduce((s, u) => s + u.productionKg, 0);
    const e = old.reduce(
      (s, u) => s + u.thermalRunMJ + u.thermalIdleMJ + 3.6 * (u.electricityRunKwh + u.electricityIdleKwh),
      0,
    );
    const sum = spec.data.values.filter((r) => r.mp === "OLD-1 (before)").reduce((s, r) => s + r.v, 0);
    expect(sum).toBeCloseTo(e / p, 10);
  });
  it("size and title: single views carry width × height at the top, the co-benefit facet in its inner spec", () => {
    // defaults written in each spec function: box and breakdown 560 × 300, emission bars 520 × 280, co-benefit 130 × 220
    const top = (x: unknown) => x as { $schema: string; title?: { text: string }; width?: number; height?: number };
    expect(top(secBoxSpec(units, "kg", params))).toMatchObject({ width: 560, height: 300 });
    expect(top(energyBreakdownSpec(units, "kg", { width: 400, height: 200, title: "T" }))).toMatchObject({
      width: 400,
      height: 200,
      title: { text: "T" },
    });
    expect(top(emissionBarsSpec([]))).toMatchObject({ width: 520, height: 280 });
    const cb = coBenefitSpec([{ item: "CO2", unit: "t/yr", without: 100, with: 75, reduction: 25, fraction: 0.25 }]);
    expect(top(cb).width).toBeUndefined();
    expect((cb as unknown as { spec: { width: number; height: number } }).spec).toMatchObject({
      width: 130,
      height: 220,
    });
    expect(top(cb).$schema).toMatch(/vega-lite/);
  });
  it("savings, emission and co-benefit specs carry their numbers", () => {
    const u = compareUnpaired(units, { basis: "kg", params, replicates: 100 });
    const s = savingsSpec({ unpaired: u, unpairedByClass: [{ fabricClass: "cotton", result: u }] }) as unknown as {
      data: { values: { label: string; est: number; lo: number; hi: number }[] };
    };
    expect(s.data.values[0].est).toBeCloseTo(100 * (1 - u.ratio.estimate), 10);
    // saving % = 100·(1 − ratio): the ratio's upper bound gives the lower saving bound
    expect(s.data.values[0].lo).toBeCloseTo(100 * (1 - u.ratio.upper), 10);
    expect(s.data.values[0].hi).toBeCloseTo(100 * (1 - u.ratio.lower), 10);
    expect(s.data.values[1]).toMatchObject({ label: "cotton", est: s.data.values[0].est, lo: s.data.values[0].lo });
    const st = [
      {
        unit: "ETU",
        pollutant: "VOC",
        n: 1,
        inletConc: 60,
        outletConc: 8,
        inletFlow: 18000,
        outletFlow: 18500,
        inletRate: 1.08,
        outletRate: 0.148,
        efficiency: 1 - 0.148 / 1.08,
        efficiencyMin: 0,
        efficiencyMax: 1,
      },
    ];
    expect(JSON.stringify(emissionBarsSpec(st))).toContain("η = 86.3 %");
    const cb = coBenefitSpec([{ item: "CO2", unit: "t/yr", without: 100, with: 75, reduction: 25, fraction: 0.25 }], {
      lang: "ja",
    });
    expect(JSON.stringify(cb)).toContain("−25 %");
    expect(JSON.stringify(cb)).toContain("事業あり");
  });
});
