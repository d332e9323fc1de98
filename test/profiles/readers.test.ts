import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { dilutionTunnelProfiles, readDilutionTunnel, readProfiles, readSpeciate } from "../../src/profiles";
import { readEpaPmfProfiles } from "../../src/profiles/read";
import { epaProfilesCsv } from "../../src/sourceapport/export";
import { fixture } from "../sourceapport/fixture";

describe("user profile files", () => {
  const csv =
    "profile,category,species,fraction (%),uncertainty\nRoad dust,soil,Si,20,2\nRoad dust,soil,Ca,8,\nDiesel,vehicles,EC,55,5\nDiesel,vehicles,OC,30,4\n";
  it("reads a long CSV, converts % to g/g and keeps empty uncertainties as NaN with a cell change", () => {
    const r = readProfiles({ name: "p.csv", text: csv });
    expect(r.profiles.map((p) => p.name)).toEqual(["Road dust", "Diesel"]);
    expect(r.profiles[0].fraction).toEqual([0.2, 0.08]);
    expect(r.profiles[0].uncertainty[0]).toBeCloseTo(0.02, 15);
    expect(Number.isNaN(r.profiles[0].uncertainty[1])).toBe(true);
    expect(r.profiles[1].category).toBe("vehicles");
    expect(r.account.cellChanges).toHaveLength(1);
    expect(r.account.cellChanges[0]).toMatchObject({ row: 3, column: "uncertainty", reason: "missing-code" });
    expect(r.profiles[0].provenance.source).toBe("p.csv, rows 2–3");
  });
  it("reads the same table from xlsx", () => {
    const rows = csv
      .trim()
      .split("\n")
      .map((l) => l.split(",").map((c) => (/^\d+$/.test(c) ? Number(c) : c === "" ? null : c)));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "profiles");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    const r = readProfiles({ name: "p.xlsx", bytes });
    expect(r.profiles[1].fraction).toEqual([0.55, 0.3]);
  });
  it("mg/g headers are converted; bad input names file, row and column", () => {
    expect(
      readProfiles({ name: "p.csv", text: "profile,species,fraction (mg/g)\nA,Fe,12.5\n" }).profiles[0].fraction[0],
    ).toBeCloseTo(0.0125, 15);
    expect(() => readProfiles({ name: "p.csv", text: "profile,species,fraction\nA,Fe,1\n" })).toThrow(
      /a unit in the fraction header/,
    );
    expect(() => readProfiles({ name: "p.csv", text: "profile,species,fraction (%)\nA,Fe,-1\n" })).toThrow(
      /p\.csv, row 2, column "fraction \(%\)".*≥ 0/,
    );
    expect(() => readProfiles({ name: "p.csv", text: "profile,species,fraction (%)\nA,Fe,1\nA,Fe,2\n" })).toThrow(
      AozoraInputError,
    );
  });
});

describe("SPECIATE-style export", () => {
  it("reads weight percents as g/g with codes, names and categories", () => {
    const text =
      "PROFILE_CODE,PROFILE_NAME,SPECIES_NAME,WEIGHT_PERCENT,UNCERTAINTY_PERCENT\n91155,Gasoline exhaust,Elemental Carbon,12.5,3\n91155,Gasoline exhaust,Sulfate,2,0.5\n";
    const r = readSpeciate({ name: "s.csv", text }, { categories: { "91155": "vehicles" } });
    expect(r.profiles).toHaveLength(1);
    expect(r.profiles[0]).toMatchObject({
      code: "91155",
      name: "Gasoline exhaust",
      category: "vehicles",
      species: ["Elemental Carbon", "Sulfate"],
      fraction: [0.125, 0.02],
      uncertainty: [0.03, 0.005],
    });
    expect(() => readSpeciate({ name: "s.csv", text: text.replace("12.5", "120") })).toThrow(
      /row 2.*WEIGHT_PERCENT.*0 to 100/,
    );
  });
  it("reads the simulated example with the simulation's fractions", () => {
    const dir = join(__dirname, "..", "..", "data");
    const t = JSON.parse(readFileSync(join(dir, "source-profiles-speciate.truth.json"), "utf8"));
    const r = readSpeciate(join(dir, "source-profiles-speciate.csv"));
    expect(r.profiles.map((p) => p.code)).toEqual(Object.keys(t.codes));
    const coal = r.profiles[1];
    const jAs = t.species.indexOf("As");
    expect(coal.fraction[coal.species.indexOf("Arsenic")]).toBeCloseTo(t.fractions["SIM-COAL"][jAs], 5);
  });
});

describe("dilution-tunnel tests → profiles", () => {
  const text = [
    "test,vehicle,fuel,dilution_ratio,species,sample (µg/m3),sample_unc (µg/m3),background (µg/m3),background_unc (µg/m3)",
    "A,car,gasoline,10,PM2.5,500,25,20,2",
    "A,car,gasoline,10,OC,200,10,10,1",
    "B,car,gasoline,1,PM2.5,100,5,50,5",
    "B,car,gasoline,1,OC,50,2.5,5,1",
  ].join("\n");
  it("background-corrects with (1 − 1/DR), propagates uncertainty and builds the composite by hand", () => {
    const read = readDilutionTunnel({ name: "t.csv", text });
    expect(read.unit).toBe("µg/m3");
    const { tests, composite } = dilutionTunnelProfiles(read.rows);
    // test A: PM net = 500 − 20·0.9 = 482, σ = sqrt(25² + (0.9·2)²); OC net = 200 − 10·0.9 = 191, σ = sqrt(10² + 0.9²)
    const sPm = Math.sqrt(625 + 1.8 ** 2),
      sOc = Math.sqrt(100 + 0.9 ** 2);
    const fA = 191 / 482;
    expect(tests[0].net).toEqual([482, 191]);
    expect(tests[0].tailpipe).toEqual([4820, 1910]);
    expect(tests[0].fraction[1]).toBeCloseTo(fA, 14);
    const uA = fA * Math.sqrt((sOc / 191) ** 2 + (sPm / 482) ** 2);
    expect(tests[0].uncertainty[1]).toBeCloseTo(uA, 14);
    // test B: DR = 1, so the dilution air adds nothing: f = 50/100, σ = 0.5·sqrt(0.05² + 0.05²)
    expect(tests[1].fraction[1]).toBe(0.5);
    const uB = 0.5 * Math.sqrt(0.05 ** 2 + 0.05 ** 2);
    // composite: mean 0.448133; SD = |0.5 − fA|/√2 = 0.07335 exceeds RMS sqrt((uA² + uB²)/2) = 0.03247
    expect(composite.fraction[1]).toBeCloseTo((fA + 0.5) / 2, 14);
    expect(composite.uncertainty[1]).toBeCloseTo(
      Math.max(Math.abs(0.5 - fA) / Math.SQRT2, Math.sqrt((uA ** 2 + uB ** 2) / 2)),
      14,
    );
    expect(composite.uncertainty[1]).toBeCloseTo(0.07335, 4);
  });
  it("rejects a dilution ratio below 1 or changing within a test", () => {
    expect(() =>
      readDilutionTunnel({ name: "t.csv", text: text.replace("A,car,gasoline,10,OC", "A,car,gasoline,12,OC") }),
    ).toThrow(/row 3.*same dilution ratio/);
    expect(() => readDilutionTunnel({ name: "t.csv", text: text.replace(",1,PM2.5", ",0.5,PM2.5") })).toThrow(
      /row 4.*dilution ratio ≥ 1/,
    );
  });
  it("the simulated test set: composite within 2 combined SD of the true composite for the main species", () => {
    const dir = join(__dirname, "..", "..", "data");
    const t = JSON.parse(readFileSync(join(dir, "dilution-tunnel-tests.truth.json"), "utf8"));
    const { tests, composite } = dilutionTunnelProfiles(
      readDilutionTunnel(join(dir, "dilution-tunnel-tests.csv")).rows,
    );
    expect(tests).toHaveLength(10);
    for (const sp of ["OC", "EC", "Fe", "Cu", "Zn"]) {
      const j = composite.species.indexOf(sp),
        jt = t.species.indexOf(sp);
      expect(Math.abs(composite.fraction[j] - t.composite[jt]), sp).toBeLessThan(
        (2 * composite.uncertainty[j]) / Math.sqrt(10) + 0.01 * t.composite[jt],
      );
    }
  });
});

describe("EPA PMF 5.0 factor-profile layout (issue #16 item 14)", () => {
  // EPA PMF 5.0 base-run profile export (EPA/600/R-14/108): blocks titled "Factor Profiles (conc. of
  // species) from Base Run #r", "(% of species sum)", "(% of total variable)"; header cells run and
  // species empty, then Factor 1 …; rows: run, species, one value per factor (tab separated in .txt).
  const T = "\t";
  const epa = [
    "Factor Profiles (conc. of species) from Base Run #9 (Convergent Run)",
    "",
    ["", "", "Factor 1", "Factor 2"].join(T),
    ["9", "PM2.5", "10", "20"].join(T),
    ["9", "SO4", "4", "1"].join(T),
    ["9", "Na", "0.5", "3"].join(T),
    ["9", "Cl", "", "5"].join(T),
    "",
    "Factor Profiles (% of species sum) from Base Run #9 (Convergent Run)",
    "",
    ["", "", "Factor 1", "Factor 2"].join(T),
    ["9", "PM2.5", "33.3333", "66.6667"].join(T),
    ["9", "SO4", "80", "20"].join(T),
    ["9", "Na", "14.2857", "85.7143"].join(T),
    ["9", "Cl", "0", "100"].join(T),
    "",
  ].join("\r\n");
  it("reads the conc. block as fractions of the total variable, by hand", () => {
    const r = readEpaPmfProfiles({ name: "colleague_profiles.txt", text: epa }, { total: "PM2.5" });
    expect(r.layout).toBe("epa-pmf");
    expect(r.profiles.map((p) => p.name)).toEqual(["Factor 1", "Factor 2"]);
    expect(r.profiles[0].species).toEqual(["PM2.5", "SO4", "Na", "Cl"]);
    // Factor 1: 10, 4, 0.5 over PM2.5 = 10 → 1, 0.4, 0.05; Cl empty → NaN (a cell change)
    expect(r.profiles[0].fraction.slice(0, 3)).toEqual([1, 0.4, 0.05]);
    expect(r.profiles[0].fraction[3]).toBeNaN();
    expect(r.account.cellChanges).toHaveLength(1);
    expect(r.account.cellChanges[0]).toMatchObject({ row: 7, reason: "missing-code" });
    // Factor 2: 20, 1, 3, 5 over 20 → 1, 0.05, 0.15, 0.25
    expect(r.profiles[1].fraction).toEqual([1, 0.05, 0.15, 0.25]);
    expect(r.profiles[1].provenance.kind).toBe("pmf-factor");
    // shares from "% of species sum" ÷ 100
    expect(r.shares!.species).toEqual(["PM2.5", "SO4", "Na", "Cl"]);
    expect(r.shares!.share[0][1]).toBeCloseTo(0.8, 12);
    expect(r.shares!.share[1][3]).toBe(1);
    expect(r.account.keptRows).toBe(8);
    expect(r.account.blankRows).toEqual([2, 8, 10]); // the file ends with a line end, not a blank line
  });
  it("without total: fractions of the species sum; readProfiles detects the layout", () => {
    const r = readProfiles({ name: "colleague_profiles.txt", text: epa });
    expect(r.layout).toBe("epa-pmf");
    // Factor 2: sum 20 + 1 + 3 + 5 = 29
    expect(r.profiles[1].fraction[1]).toBeCloseTo(1 / 29, 15);
  });
  it("aozora's own _profiles.csv (one leading empty header cell)", () => {
    // epaProfilesCsv of the export fixture: Factor 1 A 2, B 1, PM 4; Factor 2 A 2, B 6, PM 10
    const text = epaProfilesCsv(fixture());
    const r = readProfiles({ name: "pmf_profiles.csv", text }, { total: "PM" });
    expect(r.profiles[0].fraction).toEqual([0.5, 0.25, 1]);
    expect(r.profiles[1].fraction).toEqual([0.2, 0.6, 1]);
    // % of species sum: B 1/7 and 6/7
    expect(r.shares!.share[0][1]).toBeCloseTo(1 / 7, 12);
    expect(r.shares!.share[1][1]).toBeCloseTo(6 / 7, 12);
  });
  it("bad input names file, row and column", () => {
    const bad = epa.replace(["9", "SO4", "4", "1"].join(T), ["9", "SO4", "four", "1"].join(T));
    expect(() => readEpaPmfProfiles({ name: "c.txt", text: bad })).toThrow(
      /c\.txt, row 5, column "Factor 1".*found "four"/,
    );
    expect(() => readEpaPmfProfiles({ name: "c.txt", text: epa }, { total: "PM10" })).toThrow(/total variable "PM10"/);
    const dup = epa.replace(["9", "Na", "0.5", "3"].join(T), ["9", "SO4", "0.5", "3"].join(T));
    expect(() => readEpaPmfProfiles({ name: "c.txt", text: dup })).toThrow(/row 6.*one row per species/);
  });
});
