import { describe, expect, it } from "vitest";
import { renderSvg, saveFigure } from "../../src/figures/render";
import { barSpec } from "../../src/figures/specs";
import { compareLabs } from "../../src/interlab/compare";
import { blandAltmanSpec, labScatterSpec } from "../../src/interlab/figures";
import { pairLabResults } from "../../src/interlab/read";
import { completenessHeatmapSpec, ionBalanceSpec } from "../../src/qa/figures";
import { ionBalance } from "../../src/qa/ionbalance";
import { readSampleTable } from "../../src/qa/read";
import { qaSummary } from "../../src/qa/summary";
import type { BootstrapResult } from "../../src/sourceapport/bootstrap";
import { constrainedComparisonSpec, intervalProfileSpec } from "../../src/sourceapport/errorfigures";
import type { PmfResult } from "../../src/sourceapport/types";
import { fixture } from "../sourceapport/fixture";
import { timeVariation } from "../../src/directional/timevariation";
import { enrichmentSpec, timeVariationSpec } from "../../src/directional/figures";
import { efByModelYearSpec } from "../../src/remotesensing/figures";
import { diurnalOxSpec } from "../../src/models/ozone/figures";
import { coBenefitSpec, emissionBarsSpec } from "../../src/models/energy/figures";
import type { StackSummary } from "../../src/models/energy/exhaust";
import type { CoBenefitRow } from "../../src/models/energy/cobenefit";
import { profileComparisonSpec, similarityHeatmapSpec } from "../../src/profiles/figures";
import type { FactorIdentification, ProfileComparison } from "../../src/profiles";
import { idwMapSpec } from "../../src/spatial/figures";
import { trajectoryMapSpec } from "../../src/trajectory/map";
import { trajectoryFrequency } from "../../src/trajectory/statistics";
import type { IdwResult } from "../../src/spatial/idw";

// Issue #16 item 16: "pollutant, factor, site and lab names have en/ja/zh labels where the registry
// knows them (PM2.5, SO4 2-, 二氧化硫 …); user-given names pass through unchanged."
// Expected labels are the registry's (src/figures/names.ts): SO2 is 二酸化硫黄 in the Japanese
// environmental quality standards and 二氧化硫 in HJ 633; Shenyang 瀋陽 / 沈阳; "Kawasaki lab"
// 川崎ラボ / 川崎实验室; coal combustion 石炭燃焼 / 燃煤. "myTracer", "My factor", "Site Q" and
// "My lab" are user names that the registry does not know.
const EXPECT = {
  ja: { so2: "二酸化硫黄", site: "瀋陽", lab: "川崎ラボ", coal: "石炭燃焼" },
  zh: { so2: "二氧化硫", site: "沈阳", lab: "川崎实验室", coal: "燃煤" },
} as const;
const OUT = process.env.AOZORA_FIGURE_OUT;

/** Every string value anywhere in a spec (titles, data rows, domains, sort lists). */
function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === "string") out.push(x);
  else if (Array.isArray(x)) for (const v of x) strings(v, out);
  else if (x && typeof x === "object") for (const v of Object.values(x)) strings(v, out);
  return out;
}

/** The fixture solution with species SO2, myTracer, PM2.5 and factors "coal combustion", "My factor". */
function pmf(): PmfResult {
  const r = fixture();
  return {
    ...r,
    factorNames: ["coal combustion", "My factor"],
    input: { ...r.input, species: ["SO2", "myTracer", "PM2.5"], total: "PM2.5" },
  };
}

function bootstrap(): BootstrapResult {
  const F = [
    [2, 1, 4],
    [2, 6, 10],
  ];
  return {
    factorNames: ["coal combustion", "My factor"],
    intervals: F.map((row) =>
      row.map((base, j) => ({
        species: ["SO2", "myTracer", "PM2.5"][j],
        unit: "µg/m3",
        count: 10,
        p5: base * 0.8,
        p25: base * 0.9,
        p50: base,
        p75: base * 1.1,
        p95: base * 1.2,
        base,
      })),
    ),
  } as unknown as BootstrapResult;
}

const csv = (name: string, text: string) => readSampleTable({ name, text });
const A = csv(
  "a.csv",
  "sample,SO4 (µg/m3),NH4 (µg/m3),NO3 (µg/m3),OC (µg/m3)\n" +
    [1, 2, 3, 4, 5, 6].map((k) => `s${k},${k},${0.5 * k},${0.3 * k},${2 * k}`).join("\n") +
    "\n",
);
const B = csv(
  "b.csv",
  "sample,OC (µg/m3)\n" + [1, 2, 3, 4, 5, 6].map((k) => `s${k},${2.3 * k - 0.05 * (k % 3)}`).join("\n") + "\n",
);
const oc = compareLabs(pairLabResults(A, B)).species.find((s) => s.species === "OC")!;

describe("registry names in ja / zh figures; user names unchanged", () => {
  for (const lang of ["ja", "zh"] as const) {
    const e = EXPECT[lang];

    it(`PMF error figures (${lang}): species axis and factor panel titles`, () => {
      for (const spec of [
        intervalProfileSpec(pmf(), { lang, bootstrap: bootstrap() }),
        constrainedComparisonSpec(pmf(), { F: pmf().F }, { lang }),
      ]) {
        const s = strings(spec);
        expect(s).toContain(e.so2);
        expect(s).toContain(e.coal);
        expect(s).toContain("myTracer");
        expect(s).toContain("My factor");
        expect(s).not.toContain("SO2");
        expect(s).not.toContain("coal combustion");
        const panels = (spec as unknown as { vconcat: { title: { text: string } }[] }).vconcat;
        expect(panels.map((p) => p.title.text)).toEqual([e.coal, "My factor"]);
      }
      // the whiskers sit in the relabelled species bands (no whisker row keeps the raw name)
      const ws = (
        intervalProfileSpec(pmf(), { lang, bootstrap: bootstrap() }) as unknown as {
          vconcat: { layer: { data: { values: { species: string }[] } }[] }[];
        }
      ).vconcat[0].layer[1].data.values.map((w) => w.species);
      expect(ws).toEqual([e.so2, "myTracer", "PM2.5"]);
    });

    it(`inter-lab figures (${lang}): species title and lab names`, () => {
      const so2 = { ...oc, species: "SO2" };
      const ba = blandAltmanSpec(so2, { lang }) as unknown as { title: string };
      expect(ba.title).toBe(e.so2);
      const sc = labScatterSpec(so2, { lang, labs: ["Kawasaki lab", "My lab"] });
      const s = strings(sc);
      expect((sc as unknown as { title: string }).title).toBe(e.so2);
      expect(s.some((t) => t.startsWith(e.lab))).toBe(true);
      expect(s.some((t) => t.startsWith("My lab"))).toBe(true);
      expect((blandAltmanSpec({ ...oc, species: "myTracer" }, { lang }) as unknown as { title: string }).title).toBe(
        "myTracer",
      );
    });

    it(`QA figures (${lang}): ion-balance groups, completeness species and campaigns`, () => {
      const ib = ionBalance(A.table);
      const pts = strings(
        ionBalanceSpec(
          [
            { group: "Shenyang", result: ib },
            { group: "Site Q", result: ib },
          ],
          { lang },
        ),
      );
      expect(pts).toContain(e.site);
      expect(pts).toContain("Site Q");
      expect(pts).not.toContain("Shenyang");
      const c = qaSummary(A.table).campaigns[0];
      const campaigns = [
        {
          ...c,
          campaign: "Shenyang",
          species: [
            { ...c.species[0], species: "SO2" },
            { ...c.species[1], species: "myTracer" },
          ],
        },
        { ...c, campaign: "Site Q", species: [{ ...c.species[0], species: "SO2" }] },
      ];
      const spec = completenessHeatmapSpec(campaigns, { lang }) as unknown as {
        layer?: { data?: { values: { species: string; campaign: string }[] } }[];
        data?: { values: { species: string; campaign: string }[] };
      };
      const rows = (spec.data ?? spec.layer!.find((l) => l.data)!.data!).values;
      expect(rows.map((r) => [r.campaign, r.species])).toEqual([
        [e.site, e.so2],
        [e.site, "myTracer"],
        ["Site Q", e.so2],
      ]);
    });
  }

  it("English figures keep the formula / English names; user names unchanged", () => {
    const s = strings(intervalProfileSpec(pmf(), { lang: "en", bootstrap: bootstrap() }));
    expect(s).toContain("SO₂");
    expect(s).toContain("coal combustion");
    for (const u of ["myTracer", "My factor"]) expect(s).toContain(u);
  });

  it("renders with the CJK font: the labels are in the SVG text", async () => {
    const figs = [
      [
        "pmf-interval-ja",
        intervalProfileSpec(pmf(), { lang: "ja", bootstrap: bootstrap() }),
        [EXPECT.ja.coal, "myTracer"],
      ],
      [
        "lab-scatter-zh",
        labScatterSpec({ ...oc, species: "SO2" }, { lang: "zh", labs: ["Kawasaki lab", "My lab"] }),
        [EXPECT.zh.so2],
      ],
      [
        "ion-balance-ja",
        ionBalanceSpec(
          [
            { group: "Shenyang", result: ionBalance(A.table) },
            { group: "Site Q", result: ionBalance(A.table) },
          ],
          { lang: "ja" },
        ),
        [EXPECT.ja.site, "Site Q"],
      ],
    ] as const;
    for (const [name, spec, texts] of figs) {
      const svg = OUT ? (await saveFigure(spec, `${OUT}/${name}`, { scale: 1 })).svg : await renderSvg(spec);
      const text = OUT ? (await import("node:fs")).readFileSync(svg, "utf8") : svg;
      for (const t of texts) expect(text).toContain(t);
    }
  });
});

describe("registry names in ozone, directional, energy, profile and map figures", () => {
  // O3 / NO2 / Ox: オゾン, 二酸化窒素, 光化学オキシダント (ja) and 臭氧, 二氧化氮, 光化学氧化剂 (zh), the registry rows
  const OZ = { ja: ["オゾン", "二酸化窒素", "光化学オキシダント"], zh: ["臭氧", "二氧化氮", "光化学氧化剂"] } as const;
  const hours = Array.from({ length: 48 }, (_, i) => Date.UTC(2025, 6, 1) + i * 3600000);
  const ppb = (a: number) => hours.map((_, i) => a + (i % 24));

  for (const lang of ["ja", "zh"] as const) {
    const e = EXPECT[lang];

    it(`ozone diurnal (${lang}): series and legend domain in the figure language`, () => {
      const spec = diurnalOxSpec({
        times: hours,
        utcOffsetMinutes: 540,
        o3Ppb: ppb(30),
        no2Ppb: ppb(10),
        noxPpb: ppb(15),
        lang,
      }) as unknown as {
        vconcat: { data: { values: { series: string }[] }; encoding: { color: { scale: { domain: string[] } } } }[];
      };
      expect(spec.vconcat[0].encoding.color.scale.domain).toEqual([...OZ[lang]]);
      expect([...new Set(spec.vconcat[0].data.values.map((v) => v.series))]).toEqual([...OZ[lang]]);
    });

    it(`time variation (${lang}): series names; a user series unchanged`, () => {
      const t = Array.from({ length: 24 * 70 }, (_, i) => Date.UTC(2025, 0, 1) + i * 3600000);
      const tv = timeVariation(
        t,
        t.map((_, i) => 1 + (i % 24)),
        480,
        { nBoot: 10 },
      );
      const s = strings(timeVariationSpec({ SO2: tv, myTracer: tv }, "µg/m3", { lang }));
      expect(s).toContain(e.so2);
      expect(s).toContain("myTracer");
      expect(s).not.toContain("SO2");
    });

    it(`energy (${lang}): pollutant axis of the emission bars and co-benefit facets`, () => {
      const stack = [
        { unit: "boiler", pollutant: "SO2", inletRate: 2, outletRate: 0.5, efficiency: 0.75 },
        { unit: "boiler", pollutant: "myDust", inletRate: 1, outletRate: 0.1, efficiency: 0.9 },
      ] as unknown as StackSummary[];
      const bars = strings(emissionBarsSpec(stack, { lang }));
      expect(bars).toContain(e.so2);
      expect(bars).toContain("myDust");
      const rows = [
        { item: "SO2", unit: "t/yr", without: 10, with: 4, fraction: 0.6 },
        { item: "my item", unit: "t/yr", without: 5, with: 4, fraction: 0.2 },
      ] as unknown as CoBenefitRow[];
      const cb = coBenefitSpec(rows, { lang }) as unknown as { facet: { sort: string[] } };
      expect(cb.facet.sort).toEqual([e.so2, "my item"]);
    });

    it(`profiles (${lang}): species axis, factor and reference names`, () => {
      const c = {
        profile: "coal combustion",
        reference: "My reference",
        species: ["SO2", "myTracer"],
        x: [0.2, 0.1],
        y: [0.3, 0.1],
        pearson: 1,
        sid: 0.1,
        pd: 0.1,
      } as unknown as ProfileComparison;
      const s = strings(profileComparisonSpec(c, { lang }));
      expect(s).toContain(e.so2);
      expect(s).toContain("myTracer");
      expect(s.some((t) => t.endsWith(`: ${e.coal}`))).toBe(true);
      expect(s.some((t) => t.endsWith(": My reference"))).toBe(true);
      const id = {
        factors: ["coal combustion", "My factor"],
        references: ["R1"],
        candidates: [[{ reference: "R1", pearson: 0.9 }], [{ reference: "R1", pearson: 0.5 }]],
        distance: [[0.1], [0.4]],
        naming: [],
      } as unknown as FactorIdentification;
      const rows = (similarityHeatmapSpec(id, { lang }) as unknown as { data: { values: { factor: string }[] } }).data
        .values;
      expect(rows.map((r) => r.factor)).toEqual([e.coal, "My factor"]);
    });

    it(`IDW map (${lang}): station (site) names`, () => {
      const res = {
        lons: [123, 124],
        lats: [41, 42],
        values: Float64Array.from([1, 2, 3, 4]),
        counts: Uint16Array.from([1, 1, 1, 1]),
        power: 2,
      } as unknown as IdwResult;
      const s = strings(
        idwMapSpec(
          res,
          [
            { name: "Shenyang", lon: 123.4, lat: 41.8, value: 3 },
            { name: "Site Q", lon: 123.6, lat: 41.5, value: 2 },
          ],
          { unit: "ppb", lang },
        ),
      );
      expect(s).toContain(e.site);
      expect(s).toContain("Site Q");
      expect(s).not.toContain("Shenyang");
    });
  }
});

describe("registry names in trajectory maps", () => {
  const g = trajectoryFrequency({
    traj: [1, 1, 2],
    age: [0, -1, 0],
    lat: [31.2, 33.6, 31.2],
    lon: [121.4, 118.9, 121.4],
  });
  const box = { lonMin: 118, lonMax: 122, latMin: 30, latMax: 35 };
  for (const lang of ["ja", "zh"] as const)
    it(`receptor and region names (${lang}); a user region unchanged`, () => {
      const s = strings(
        trajectoryMapSpec(g, {
          lang,
          site: { lat: 31.23, lon: 121.47, name: "Shanghai" },
          regions: [
            { name: "Jiangsu", box },
            { name: "Area X", box },
          ],
          extent: { lonMin: 110, lonMax: 135, latMin: 25, latMax: 45 },
        }),
      );
      // 上海 in both; Jiangsu is 江蘇 (ja) / 江苏 (zh) in the registry
      expect(s).toContain("上海");
      expect(s).toContain(lang === "ja" ? "江蘇" : "江苏");
      expect(s).toContain("Area X");
      expect(s).not.toContain("Jiangsu");
    });
});

describe("registry names in bar charts", () => {
  for (const lang of ["ja", "zh"] as const)
    it(`barSpec categories (${lang})`, () => {
      const spec = barSpec({ categories: ["SO2", "myTracer"], values: [1, 2], unit: "µg/m3", lang }) as unknown as {
        encoding: { x: { scale: { domain: string[] } } };
        data: { values: { category: string }[] };
      };
      expect(spec.encoding.x.scale.domain).toEqual([EXPECT[lang].so2, "myTracer"]);
      expect(spec.data.values.map((r) => r.category)).toEqual([EXPECT[lang].so2, "myTracer"]);
    });
});

describe("registry names in enrichment and remote-sensing figures", () => {
  for (const lang of ["ja", "zh"] as const)
    it(`element names by symbol, pollutant words (${lang}); user names unchanged`, () => {
      const ef = enrichmentSpec(
        [
          { element: "チタン", ef: 2 },
          { element: "镍", ef: 50 },
          { element: "myElement", ef: 5 },
        ],
        "aluminium",
        { lang },
      ) as unknown as { title: { text: string }; layer: { data: { values: { element: string }[] } }[] };
      expect(ef.layer[0].data.values.map((r) => r.element)).toEqual(["Ti", "Ni", "myElement"]);
      expect(ef.title.text.endsWith("(Al)")).toBe(true);
      // CO: 一酸化炭素 (ja) / 一氧化碳 (zh); HC is not in the registry and stays HC
      const co = strings(efByModelYearSpec({ modelYear: [2010, 2012], ef: [10, 20], pollutant: "CO", lang }));
      const word = lang === "ja" ? "一酸化炭素" : "一氧化碳";
      expect(co.some((t) => t.includes(word))).toBe(true);
      expect(co.some((t) => /\bCO\b/.test(t))).toBe(false);
      const hc = strings(efByModelYearSpec({ modelYear: [2010, 2012], ef: [10, 20], pollutant: "HC", lang }));
      expect(hc.some((t) => t.includes("(HC)"))).toBe(true);
    });
});
