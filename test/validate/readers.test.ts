import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { readXact } from "../../src/metals/read-xact";
import { readHysplit } from "../../src/trajectory/read-hysplit";
import { sharedPath } from "./shared";

const pmf = (name: string, unit: string) =>
  readEpaPmf(
    sharedPath("data", "epa-pmf", `Dataset-${name}-con.csv`),
    sharedPath("data", "epa-pmf", `Dataset-${name}-unc.csv`),
    { unit, utcOffset: "-06:00" },
  );

describe("EPA PMF example data (shared/data/epa-pmf)", () => {
  it("Baton Rouge: 307 samples x 41 species, TNMOC unc = 4 x conc, BDL cells 0.005/0.008333", () => {
    const d = pmf("BatonRouge", "µg/m3");
    expect([d.n, d.m]).toEqual([307, 41]);
    expect(d.concentration.numRows).toBe(307);
    expect(d.species[0]).toBe("124-Trimethylbenzene");
    expect(d.species[40]).toBe("TNMOC");
    // first sample: 6/1/2005 6:00 local standard time (UTC-6) = 12:00 UTC
    expect(d.concentration.times()[0]).toBe(Date.UTC(2005, 5, 1, 12, 0));
    expect(d.concentration.localTimes()[0]).toBe("2005-06-01T06:00:00-06:00");
    // known fact (shared/README): TNMOC uncertainty is 4 x its concentration
    const j = d.species.indexOf("TNMOC");
    for (let i = 0; i < d.n; i++) expect(d.s[i * d.m + j]).toBeCloseTo(4 * d.x[i * d.m + j], 4);
    // known fact: below-detection cells hold conc 0.005 and unc 0.008333 (= 5/6 x 0.01)
    let bdl = 0;
    for (let k = 0; k < d.n * d.m; k++) {
      if (Math.abs(d.x[k] - 0.005) < 1e-6) {
        bdl++;
        expect(d.s[k]).toBeCloseTo((5 / 6) * 0.01, 5);
      }
    }
    expect(bdl).toBeGreaterThan(0);
    // first cell of the file, as written: 0.530000332 / 0.079500050
    expect(d.x[0]).toBe(0.530000332);
    expect(d.s[0]).toBe(0.07950005);
    expect(d.accounts.concentration.inputRows).toBe(307);
    expect(d.accounts.concentration.cellChanges).toHaveLength(0);
  });

  it("St. Louis: 418 hourly samples x 13 species, 9 exact zeros, Mass last", () => {
    const d = pmf("StLouis", "µg/m3");
    expect([d.n, d.m]).toEqual([418, 13]);
    expect(d.species).toEqual(["Cd", "Cu", "Fe", "Mn", "Ni", "Pb", "Se", "Zn", "SO4", "NO3", "OC", "EC", "Mass"]);
    let zeros = 0;
    for (const v of d.x) if (v === 0) zeros++;
    expect(zeros).toBe(9);
    const t = d.concentration.times();
    expect(t[1] - t[0]).toBe(3600_000); // hourly
    expect(d.x[d.species.indexOf("Mass")]).toBe(21.3); // first row, as written
  });
});

describe("Cooper Xact 625i export (shared/data/xact)", () => {
  const r = readXact(sharedPath("data", "xact", "xact625i-hourly-sample.csv"), { utcOffset: "+08:00" });
  it("reads all 28 records: QA records set aside, short record flagged", () => {
    // 30 lines = 2 header rows + 28 records; 2 of them are Sample Type 2 (00:15 QA records)
    expect(r.account.inputRows).toBe(28);
    expect(r.qa.numRows).toBe(2);
    expect(r.table.numRows).toBe(26);
    expect(r.account.setAside.map((s) => s.row)).toEqual([5, 30]); // file rows of the two "Sample Type 2" records (awk: $23==2);
    expect(r.account.setAside.every((s) => s.reason === "qa-record")).toBe(true);
    // the 00:30 record after the QA restart sampled 483.7 L instead of ~1000 L
    const short = r.account.flagged.filter((f) => f.reason === "short-record").map((f) => f.row);
    expect(short).toEqual([6]);
    expect(r.account.flagged.filter((f) => f.reason === "alarm")).toHaveLength(0);
    expect(r.account.inputRows).toBe(r.account.keptRows + r.account.setAside.length);
  });
  it("tolerates the header quirks and pairs every element with its uncertainty", () => {
    // "Mg uncert" (lower case) pairs with "Mg 12": Mg is empty in every record, so it is listed as not analysed
    expect(r.elements).not.toContain("Mg");
    expect(r.elements).toContain("K"); // " K 19" leading space
    expect(r.elements).toContain("Nb"); // "Nb 41(ng/m3)"
    expect(r.table.unit("Fe")).toBe("ng/m3");
    expect(r.table.names).toContain("Fe_unc");
    // first record, as written: Fe 26 = 679.5228, Fe Uncert = 44.2522; S 16 = 1950.0998
    expect(r.table.numbers("Fe")[0]).toBe(679.5228);
    expect(r.table.numbers("Fe_unc")[0]).toBe(44.2522);
    expect(r.table.numbers("S")[0]).toBe(1950.0998);
    // Mg is empty in every record: not in the analysis method
    expect(r.notAnalysed).toContain("Mg");
    expect(r.notAnalysed).toContain("Ar");
    // 12/31/2024 22:00:00 at UTC+8 = 14:00 UTC
    expect(r.table.times()[0]).toBe(Date.UTC(2024, 11, 31, 14, 0));
    expect(r.table.numbers("WS")[0]).toBe(1.55);
    expect(r.table.numbers("WD")[0]).toBe(359.4);
  });
});

describe("HYSPLIT tdump (shared/data/hysplit)", () => {
  it("reads 4 backward trajectories of 25 endpoints by column width", () => {
    const h = readHysplit(sharedPath("data", "hysplit", "tdump-backward-4traj.txt"));
    expect(h.direction).toBe("BACKWARD");
    expect(h.starts).toHaveLength(4);
    // 101 lines = 8 header lines + 93 endpoints; trajectory 1 ends after 18 endpoints (-17 h), the others run 25 (0..-24 h)
    expect(h.endpoints.numRows).toBe(93);
    const traj = Array.from(h.endpoints.numbers("traj"));
    expect([1, 2, 3, 4].map((k) => traj.filter((x) => x === k).length)).toEqual([18, 25, 25, 25]);
    expect(h.starts[0]).toEqual({ time: Date.UTC(2024, 1, 27, 16), lat: 22.63, lon: 120.346, height: 10 });
    const lat = h.endpoints.numbers("lat");
    const age = h.endpoints.numbers("age");
    expect(lat[4]).toBe(22.7); // traj 1 at -1 h: "22.700"
    expect(age[92]).toBe(-24);
    expect(h.endpoints.numbers("PRESSURE")[0]).toBe(1018.1);
    expect(h.endpoints.unit("PRESSURE")).toBe("hPa");
  });
});
