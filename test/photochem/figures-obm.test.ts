import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { renderPng, renderSvg } from "../../src/figures/render";
import {
  compileMechanism,
  obmBudgetSpec,
  obmRadicalsSpec,
  parseChemmech,
  photoLabel,
  relativeIncrementalReactivity,
  rirSpec,
} from "../../src/photochem";

// A hand mechanism with held HO2, OH, NO, NO2: every budget number is known (see test/photochem/obm.test.ts)
const mech = compileMechanism(
  parseChemmech(`
HANDFIG
REACTIONS[CM] =
<R1> HO2 + NO = OH + NO2 # 8.0E-12;
<R2> OH + NO2 = HNO3 # 1.1E-11;
<R3> NO2 = NO + O3 # 1.0/<NO2_IUPAC10>;
<R4> OH + CO = HO2 # 2.4E-13;
END
`),
);
const n = 48;
const T0 = Date.UTC(2024, 6, 14, 16); // 2024-07-15 00:00 +08:00
const fill = (v: (i: number) => number) => Array.from({ length: n }, (_, i) => v(i));
const rir = relativeIncrementalReactivity(
  mech,
  {
    timesUtc: fill((i) => T0 + i * 3_600_000),
    ppb: {
      HO2: fill((i) => 0.01 + 0.001 * (i % 24)),
      NO: fill(() => 2),
      OH: fill(() => 2e-4),
      NO2: fill(() => 10),
      CO: fill(() => 300),
    },
    temperatureK: 298.15,
    rhPercent: 50,
  },
  {
    site: { lat: 34.26, lon: 108.94 },
    photolysis: { j: { NO2_IUPAC10: fill((i) => (i % 24 >= 6 && i % 24 < 19 ? 8e-3 : 0)) } },
    spinUpDays: 0,
    nox: "hold",
  },
  { NOx: ["NO", "NO2"], CO: ["CO"] },
);
const r = rir.base;

describe("OBM figures", () => {
  it("obmBudgetSpec: production above zero, losses below (ppb/h as in the budget), net line, local time", () => {
    const spec = obmBudgetSpec(r, { utcOffset: "+08:00" }) as any;
    const bars = spec.layer[0].data.values;
    expect(bars.length).toBe(n * 7);
    const at = (term: string, i: number) =>
      bars.find((b: any) => b.term === term && b.time === spec.layer[1].data.values[i].time).rate;
    expect(spec.layer[1].data.values[0].time).toBe("2024-07-15T01:00:00"); // end of the first hour
    expect(at("HO2+NO", 5)).toBe(r.budget.production["HO2+NO"][5]);
    expect(at("OH+NO2", 5)).toBe(-r.budget.loss["OH+NO2"][5]);
    expect(at("HO2+NO", 5)).toBeGreaterThan(0);
    expect(spec.layer[1].data.values[7].net).toBe(r.budget.net[7]);
    expect(spec.layer[0].encoding.y.title).toBe("O3 production and loss (ppb h⁻¹)");
    expect(spec.layer[0].encoding.color.scale.domain.at(-1)).toBe("net P(O3)");
    expect((obmBudgetSpec(r, { utcOffset: 480, lang: "zh" }) as any).layer[0].encoding.x.title).toBe(
      "当地时间 (UTC+08:00)",
    );
  });
  it("obmRadicalsSpec: mean by local hour over the days (HO2 at 05:00 local = mean of the two days' values, by hand)", () => {
    const spec = obmRadicalsSpec(r, { utcOffset: "+08:00", lang: "ja" }) as any;
    const ho2 = spec.vconcat[1].data.values.filter((v: any) => v.radical === "HO2");
    expect(ho2.length).toBe(24);
    // outputs at the end of each hour: 05:00 local is output 4 (day 1) and 28 (day 2)
    const hand = (r.radicals.HO2[4] + r.radicals.HO2[28]) / 2 / 1e8;
    expect(ho2.find((v: any) => v.hour === 5).value).toBeCloseTo(hand, 12);
    expect(spec.vconcat[0].encoding.y.title).toBe("濃度 (10⁶ cm⁻³)");
    expect(spec.vconcat[0].encoding.x.title).toBe(`${photoLabel("localHour", "ja")} (UTC+08:00)`);
  });
  it("rirSpec: one bar per group with the RIR value; RIR(NOx) = 1 here (P and L both ∝ NOx), RIR(CO) = 0", () => {
    expect(rir.groups.NOx.rir).toBeCloseTo(1, 9);
    expect(rir.groups.CO.rir).toBe(0);
    const spec = rirSpec(rir, { lang: "en" }) as any;
    expect(spec.data.values.map((v: any) => [v.group, v.label])).toEqual([
      ["NOx", "1.00"],
      ["CO", "0.00"],
    ]);
    expect(spec.layer[0].encoding.y.title).toBe("Relative incremental reactivity (RIR)");
  });
  it("render to SVG and PNG in all three languages", async () => {
    for (const lang of ["en", "ja", "zh"] as const)
      for (const spec of [
        obmBudgetSpec(r, { utcOffset: 480, lang }),
        obmRadicalsSpec(r, { utcOffset: 480, lang }),
        rirSpec(rir, { lang }),
      ]) {
        expect(await renderSvg(spec)).toContain("<svg");
        expect((await sharp(await renderPng(spec, { scale: 1 })).metadata()).width).toBeGreaterThan(500);
      }
  });
  it("refuses a bad size or language", () => {
    expect(() => obmBudgetSpec(r, { utcOffset: 480, width: -1 })).toThrow(RangeError);
    expect(() => rirSpec(rir, { lang: "fr" as any })).toThrow(RangeError);
  });
});
