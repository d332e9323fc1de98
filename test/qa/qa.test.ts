import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSampleTable } from "../../src/qa/read";
import { massClosure } from "../../src/qa/massclosure";
import { MASS_CLOSURE_SETS } from "../../src/qa/tables/massclosure";
import { ionBalance } from "../../src/qa/ionbalance";
import { IONS } from "../../src/qa/tables/ions";
import { secondaryOrganicCarbon } from "../../src/qa/soc";
import { conversionRatios } from "../../src/qa/conversion";
import { completeness } from "../../src/qa/completeness";
import { subtractFieldBlanks } from "../../src/qa/blanks";
import { flagOutliers } from "../../src/qa/outliers";
import { qaSummary } from "../../src/qa/summary";
import { AozoraInputError } from "../../src/io/errors";
import type { FilterCampaignTruth } from "../../src/simulate/filtercampaign";

const csv = (text: string) => readSampleTable({ name: "test.csv", text });
const DATA = join(__dirname, "..", "..", "data");

describe("mass closure", () => {
  const t = csv(
    "sample_id,PM2.5 (µg/m3),SO4 (µg/m3),NO3 (µg/m3),OC (µg/m3),EC (µg/m3),Cl- (µg/m3),Al (ng/m3),Si (ng/m3),Ca (ng/m3),Fe (ng/m3),Ti (ng/m3),Zn (ng/m3)\n" +
      "S1,20,3,2,4,1,0.5,100,200,50,100,10,30\n" +
      "S2,10,1,NA,2,0.5,0.1,50,100,20,40,5,10\n",
  ).table;

  it("revised IMPROVE by hand (OM/OC 1.8, ng/m3 elements converted)", () => {
    // S1: AS 1.375·3 = 4.125; AN 1.29·2 = 2.58; OM 1.8·4 = 7.2; EC 1;
    // soil 2.20·0.1 + 2.49·0.2 + 1.63·0.05 + 2.42·0.1 + 1.94·0.01 = 0.22 + 0.498 + 0.0815 + 0.242 + 0.0194 = 1.0609;
    // sea salt 1.8·0.5 = 0.9 → 16.8659 µg/m3, ratio 16.8659/20 = 0.843295
    const r = massClosure(t, { formulas: "improve-2007" });
    const s = r.samples[0];
    expect(s.sample).toBe("S1");
    expect(s.components.ammoniumSulfate).toBeCloseTo(4.125, 12);
    expect(s.components.soil).toBeCloseTo(1.0609, 12);
    expect(s.components.seaSalt).toBeCloseTo(0.9, 12);
    expect(s.reconstructed).toBeCloseTo(16.8659, 10);
    expect(s.ratio).toBeCloseTo(0.843295, 6);
    expect(s.unexplained).toBeCloseTo(3.1341, 10);
    // S2 has NO3 missing: its ammonium nitrate and total are NaN, not a smaller sum
    expect(r.samples[1].components.ammoniumNitrate).toBeNaN();
    expect(r.samples[1].reconstructed).toBeNaN();
    expect(r.summary.n).toBe(1);
  });

  it("OM/OC factor is selectable; missing inputs skip a component and say so", () => {
    const r = massClosure(t, { formulas: "improve-1994", omoc: 2.1 });
    expect(r.samples[0].components.organicMatter).toBeCloseTo(8.4, 12);
    const cn = massClosure(t, { formulas: "cn" });
    const skipped = Object.fromEntries(cn.skipped.map((s) => [s.key, s.missingSymbols]));
    expect(skipped.ammonium).toEqual(["NH4"]);
    expect(skipped.seaSalt).toEqual(["Na_ion"]);
    expect(cn.samples[0].components.traceElements).toBeCloseTo(0.03, 12); // Zn 30 ng/m3
    expect(() => massClosure(t, { formulas: "cn", missing: "error" })).toThrow(/NH4/);
  });

  it("user formulas through mathjs replace or add components", () => {
    const r = massClosure(t, {
      formulas: "improve-2007",
      extraComponents: [
        { key: "soil", expression: "Al / 0.08" },
        { key: "other", expression: "max(0.5 * EC, 0.1)" },
      ],
    });
    expect(r.samples[0].components.soil).toBeCloseTo(0.1 / 0.08, 12);
    expect(r.samples[0].components.other).toBeCloseTo(0.5, 12);
    expect(() => massClosure(t, { extraComponents: [{ key: "bad", expression: "1.2 * (" }] })).toThrow(/cannot parse/);
  });

  it("formula factors are the stoichiometric ratios (IUPAC atomic weights)", () => {
    const H = 1.008,
      N = 14.007,
      O = 15.999,
      S = 32.06,
      Al = 26.982,
      Si = 28.085,
      Ca = 40.078,
      Fe = 55.845,
      Ti = 47.867;
    const so4 = S + 4 * O,
      no3 = N + 3 * O,
      nh4 = N + 4 * H;
    expect((2 * nh4 + so4) / so4).toBeCloseTo(1.375, 2); // (NH4)2SO4 / SO4
    expect((nh4 + no3) / no3).toBeCloseTo(1.29, 2); // NH4NO3 / NO3
    const oxide = MASS_CLOSURE_SETS.cn.components.find((c) => c.key === "mineralDust")!.expression;
    const coef = (el: string) => Number(new RegExp(`([0-9.]+) \\* ${el}\\b`).exec(oxide)![1]);
    expect(coef("Al")).toBeCloseTo((2 * Al + 3 * O) / (2 * Al), 2);
    expect(coef("Si")).toBeCloseTo((Si + 2 * O) / Si, 2);
    expect(coef("Ca")).toBeCloseTo((Ca + O) / Ca, 2);
    expect(coef("Fe")).toBeCloseTo((2 * Fe + 3 * O) / (2 * Fe), 2);
    expect(coef("Ti")).toBeCloseTo((Ti + 2 * O) / Ti, 2);
    // sea salt from Na+: 1 + seawater Mg/Na 0.12 + K/Na 0.037 + Ca/Na 0.038 + SO4/Na 0.25 = 1.445
    expect(1 + 0.12 + 0.037 + 0.038 + 0.25).toBeCloseTo(1.45, 2);
  });
});

describe("ion balance", () => {
  it("equivalents by hand", () => {
    const so4 = IONS.find((i) => i.symbol === "SO4")!.molarMass,
      no3 = IONS.find((i) => i.symbol === "NO3")!.molarMass,
      nh4 = IONS.find((i) => i.symbol === "NH4")!.molarMass;
    expect(so4).toBeCloseTo(96.056, 3);
    expect(no3).toBeCloseTo(62.004, 3);
    expect(nh4).toBeCloseTo(18.039, 3);
    // Na+ 0.4598 µg = 0.02 µeq; NH4+ 1.8039 µg = 0.1 µeq → CE 0.12; SO4 4.8028 µg = 2·0.05 = 0.1 µeq; NO3 0.62004 µg = 0.01 µeq → AE 0.11
    const t = csv(
      "sample,Na+ (µg/m3),NH4 (µg/m3),SO4 (µg/m3),NO3 (µg/m3)\nA,0.4598,1.8039,4.8028,0.62004\nB,0.2299,0.9,2.4,0.3\nC,0.1,2.0,5.0,1.0\n",
    ).table;
    const r = ionBalance(t);
    expect(r.samples[0].cations).toBeCloseTo(0.12, 6);
    expect(r.samples[0].anions).toBeCloseTo(0.11, 6);
    expect(r.samples[0].ratio).toBeCloseTo(0.12 / 0.11, 5);
    expect(r.missingIons).toContain("Ca2+");
    expect(r.ions["SO4 2-"]).toBe("SO4 2-");
  });
});

describe("OC/EC and SOC (EC tracer)", () => {
  const t = csv("sample,OC (µg/m3),EC (µg/m3)\na,4,2\nb,6,2\nc,10,2.5\nd,5,0\n").table;
  it("minimum ratio (Castro et al. 1999) by hand", () => {
    // OC/EC = 2, 3, 4 (d has EC 0: no ratio) → min 2; POC = 2·EC = 4, 4, 5; SOC = 0, 2, 5
    const r = secondaryOrganicCarbon(t);
    expect(r.primaryRatio).toBe(2);
    expect(r.samples.map((s) => s.soc).slice(0, 3)).toEqual([0, 2, 5]);
    expect(r.samples[3].soc).toBeNaN();
    expect(r.summary.n).toBe(3);
  });
  it("percentile choice; negative SOC counted, clipped copy", () => {
    // median of 2, 3, 4 = 3 → SOC = 4 − 6 = −2, 6 − 6 = 0, 10 − 7.5 = 2.5
    const r = secondaryOrganicCarbon(t, { method: "percentile", percentile: 0.5 });
    expect(r.primaryRatio).toBe(3);
    expect(r.samples.map((s) => s.soc).slice(0, 3)).toEqual([-2, 0, 2.5]);
    expect(r.samples.map((s) => s.socClipped).slice(0, 3)).toEqual([0, 0, 2.5]);
    expect(r.negativeCount).toBe(1);
  });
});

describe("SOC: (OC/EC)pri per site and per season (issue #16 item 9)", () => {
  // Castro et al. 1999 (Atmos. Environ. 33:2771) take the minimum OC/EC observed at each site (and
  // season) as the primary ratio; Turpin & Huntzicker 1995 (Atmos. Environ. 29:3527): POC = EC·(OC/EC)pri.
  const t = csv(
    "sample,site,date,OC (µg/m3),EC (µg/m3)\n" +
      "k1,K,2025-01-06,4,2\nk2,K,2025-07-01,6,2\nk3,K,2025-12-15,9,2\nk4,K,2025-07-10,5,1\n" +
      "s1,S,2025-01-06,12,3\ns2,S,2025-01-07,10,2\ns3,S,2025-01-08,18,3\n",
  ).table;
  it("two sites whose (OC/EC)min differ, by hand", () => {
    // K: OC/EC = 2, 3, 4.5, 5 → min 2; SOC = 4 − 4 = 0, 6 − 4 = 2, 9 − 4 = 5, 5 − 2 = 3
    // S: OC/EC = 4, 5, 6 → min 4; SOC = 12 − 12 = 0, 10 − 8 = 2, 18 − 12 = 6
    const r = secondaryOrganicCarbon(t);
    expect(r.siteColumn).toBe("site");
    expect(r.groups.map((g) => [g.site, g.n, g.primaryRatio])).toEqual([
      ["K", 4, 2],
      ["S", 3, 4],
    ]);
    expect(r.primaryRatio).toBeNaN();
    expect(r.samples.map((s) => s.soc)).toEqual([0, 2, 5, 3, 0, 2, 6]);
    // pooled over both sites the minimum would be K's 2, giving S SOC = 12 − 6 = 6, 10 − 4 = 6, 18 − 6 = 12
    const pooled = secondaryOrganicCarbon(t, { siteColumn: null });
    expect(pooled.primaryRatio).toBe(2);
    expect(pooled.samples.slice(4).map((s) => s.soc)).toEqual([6, 6, 12]);
  });
  it("per site and meteorological season, by hand", () => {
    // K DJF (Jan, Dec): OC/EC 2, 4.5 → 2; K JJA (Jul): 3, 5 → 3; S DJF: 4
    // SOC: k1 0, k2 6 − 6 = 0, k3 9 − 4 = 5, k4 5 − 3 = 2; S as above
    const r = secondaryOrganicCarbon(t, { season: "meteorological" });
    expect(r.seasonColumn).toBe("date");
    expect(r.groups.map((g) => [g.site, g.season, g.primaryRatio])).toEqual([
      ["K", "DJF", 2],
      ["K", "JJA", 3],
      ["S", "DJF", 4],
    ]);
    expect(r.samples.map((s) => s.soc)).toEqual([0, 0, 5, 2, 0, 2, 6]);
    expect(() => secondaryOrganicCarbon(t, { season: "meteorological", dateColumn: "site" })).toThrow(
      /sample k1: date "K" in column "site" is not YYYY-MM-DD/,
    );
  });
});

describe("SOR / NOR", () => {
  it("molar ratios by hand, gases in µg/m3 and ppb", () => {
    // SO4 9.6056 µg/m3 = 0.1 µmol/m3; SO2 6.4058 µg/m3 = 0.1 µmol/m3 → SOR 0.5
    // NO3 6.2004 µg/m3 = 0.1 µmol/m3; NO2 0.1 µmol/m3 = 0.1·24.465 = 2.4465 ppb at 298.15 K → NOR 0.5
    const t = csv(
      "sample,SO4 (µg/m3),SO2 (µg/m3),NO3 (µg/m3),NO2 (ppb)\nx,9.6056,6.4058,6.2004,2.4465\ny,9.6056,0,6.2004,7.3395\n",
    ).table;
    const r = conversionRatios(t);
    expect(r.samples[0].sor).toBeCloseTo(0.5, 4);
    expect(r.samples[0].nor).toBeCloseTo(0.5, 4);
    expect(r.samples[1].sor).toBeCloseTo(1, 12);
    expect(r.samples[1].nor).toBeCloseTo(0.25, 4);
  });
});

describe("completeness, below detection, blanks, outliers", () => {
  it("completeness and below-detection share by hand", () => {
    const r = csv("sample,SO4 (µg/m3),V (ng/m3)\na,1,<0.5\nb,NA,2\nc,3,ND\nd,4,0\n");
    // SO4: 3 of 4 valid; V: a = 0.25 (half limit), c = NaN (ND without limit), 0 kept → 3 valid,
    // below detection a and c = 2 of 4
    const c = completeness(r.table, { belowDetection: r.belowDetection, species: ["SO4 2-", "V"] });
    expect(c.species[0]).toMatchObject({ species: "SO4 2-", valid: 3, completeness: 0.75, belowDetection: 0 });
    expect(c.species[1]).toMatchObject({
      species: "V",
      valid: 3,
      belowDetection: 2,
      belowDetectionShare: 0.5,
      zeros: 1,
    });
    expect(c.samples.map((s) => s.completeness)).toEqual([1, 0.5, 0.5, 1]);
    // with an MDL of 1 ng/m3, the 0 also counts as below detection
    expect(
      completeness(r.table, { belowDetection: r.belowDetection, mdl: { V: 1 }, species: ["V"] }).species[0]
        .belowDetection,
    ).toBe(3);
  });

  it("field-blank subtraction accounts for every changed cell", () => {
    const s = csv("sample,OC (µg/m3),EC (µg/m3)\na,2,1\nb,0.3,NA\n").table;
    const b = csv("sample,OC (µg/m3),EC (µg/m3)\nFB1,0.4,0\nFB2,0.6,0\n").table;
    // OC blank mean 0.5 → 1.5, −0.2; EC blank 0 → nothing changes
    const r = subtractFieldBlanks(s, b);
    expect(r.blanks.OC).toEqual({ value: 0.5, n: 2, statistic: "mean" });
    expect(Array.from(r.table.numbers("OC"))).toEqual([1.5, 0.3 - 0.5]);
    expect(r.changes).toHaveLength(2);
    expect(r.negatives.OC).toBe(1);
    const z = subtractFieldBlanks(s, b, { negative: "zero" });
    expect(Array.from(z.table.numbers("OC"))).toEqual([1.5, 0]);
    expect(z.changes[1]).toMatchObject({
      sample: "b",
      species: "OC",
      before: 0.3,
      blank: 0.5,
      after: 0,
      reason: "negative-set-zero",
    });
    const ng = csv("sample,OC (ng/m3)\nFB1,400\n").table;
    expect(() => subtractFieldBlanks(s, ng, { species: ["OC"] })).toThrow(/ng\/m3/);
  });

  it("robust-z outlier flags", () => {
    const t = csv("sample,SO4 (µg/m3)\na,1\nb,2\nc,3\nd,4\ne,100\n").table;
    // median 3, MAD 1 → z(100) = 97/1.4826 = 65.4; z(1) = −1.35
    const r = flagOutliers(t, { scale: "linear" });
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ sample: "e", species: "SO4 2-", value: 100 });
    expect(r.flags[0].z).toBeCloseTo(97 / 1.482602218505602, 8);
    // log scale: ln x = 0, 0.693, 1.099, 1.386, 4.605; median ln 3, MAD = median(1.099, 0.405, 0, 0.288, 3.507) = 0.405
    // → z(100) = (ln 100 − ln 3)/(1.4826·ln 1.5) = 5.83: still flagged; z(1) = −1.83: not
    const g = flagOutliers(t);
    expect(g.flags).toHaveLength(1);
    expect(g.flags[0].z).toBeCloseTo(Math.log(100 / 3) / (1.482602218505602 * Math.log(1.5)), 8);
  });
});

describe("reader errors", () => {
  it("duplicate ids, no id column, missing units", () => {
    expect(() => csv("sample,SO4 (µg/m3)\na,1\nb,2\na,3\n")).toThrow(AozoraInputError);
    try {
      csv("sample,SO4 (µg/m3)\na,1\nb,2\na,3\n");
    } catch (e) {
      const err = e as AozoraInputError;
      expect(err.row).toBe(4);
      expect(err.column).toBe("sample");
      expect(err.message).toMatch(/row 2 has the same id/);
    }
    expect(() => csv("site,SO4 (µg/m3)\na,1\n")).toThrow(/sample-id column/);
    expect(() => csv("sample,SO4\na,1\n")).toThrow(/unit/);
  });
});

describe("QA summary on the simulated campaign", () => {
  it("per-site table; mass closure near 1/1.10 (the simulator's 10 % unexplained mass)", () => {
    const truth = JSON.parse(readFileSync(join(DATA, "filter-campaign.truth.json"), "utf8")) as FilterCampaignTruth;
    const r = readSampleTable(join(DATA, "filter-campaign-lab-a.csv"));
    const q = qaSummary(r.table, { belowDetection: r.belowDetection, massClosure: { formulas: "cn" } });
    expect(q.campaignColumn).toBe("site");
    expect(q.campaigns.map((c) => c.campaign)).toEqual(["Kawasaki", "Shenyang"]);
    expect(q.campaigns.map((c) => c.samples)).toEqual([60, 60]);
    for (const c of q.campaigns) {
      // reported values include the field-blank levels (+ a few %), so ratio ≈ 1/1.1 = 0.909 to ~0.95
      expect(c.massClosureMeanRatio).toBeGreaterThan(0.87);
      expect(c.massClosureMeanRatio).toBeLessThan(0.97);
    }
    // below-detection count per species equals the cells the simulator wrote as <MDL
    const bdlV = truth.belowDetection.labA.filter((c) => c.species === "V").length;
    const fromTable = q.campaigns.reduce((a, c) => a + c.species.find((s) => s.species === "V")!.belowDetection, 0);
    expect(fromTable).toBe(bdlV);
    const missingOC = truth.missing.labA.filter((c) => c.species === "OC").length;
    expect(q.campaigns.reduce((a, c) => a + c.species.find((s) => s.species === "OC")!.valid, 0)).toBe(120 - missingOC);
  });
});

describe("mass closure against the simulator's truth", () => {
  it("the cn set on the true concentrations gives exactly 1/(1 + unexplained fraction)", () => {
    const truth = JSON.parse(readFileSync(join(DATA, "filter-campaign.truth.json"), "utf8")) as FilterCampaignTruth;
    // write the true values as a sample table (units as in the simulator) with the true mass ÷ 1.1
    const head = ["sample", "PM2.5 (µg/m3)", ...truth.species.map((s) => `${s.name} (${s.unit})`)].join(",");
    const rows = truth.samples.map((id, i) =>
      [id, truth.mass[i], ...truth.species.map((s) => truth.truth[s.name][i])].join(","),
    );
    const t = readSampleTable({ name: "truth.csv", text: [head, ...rows].join("\n") + "\n" }).table;
    const r = massClosure(t, { formulas: "cn", omoc: 1.6 });
    expect(r.skipped).toEqual([]);
    for (const s of r.samples) expect(s.ratio).toBeCloseTo(1 / (1 + truth.unexplainedFraction), 10);
  });
});
