import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture } from "./fixture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import {
  epaContributionsCsv,
  epaProfilesCsv,
  exportPmfResult,
  runsTable,
  speciesSummaryTable,
} from "../../src/sourceapport/export";

/** Split CSV text into lines (CRLF). */
function lines(text: string): string[] {
  return text.split("\r\n");
}

describe("EPA PMF 5.0 layout", () => {
  it("_profiles.csv: three blocks (+ % of total variable), header rows, species rows", () => {
    const l = lines(epaProfilesCsv(fixture()));
    expect(l[0]).toBe("Factor Profiles (conc. of species) from Base Run #2");
    expect(l[1]).toBe("");
    expect(l[2]).toBe(",Factor 1,Factor 2");
    expect(l.slice(3, 6)).toEqual(["A,2,2", "B,1,6", "PM,4,10"]);
    expect(l[6]).toBe("");
    expect(l[7]).toBe("Factor Profiles (% of species sum) from Base Run #2");
    expect(l[9]).toBe(",Factor 1,Factor 2");
    // B: 100·1/7 and 100·6/7 %
    const b = l[11].split(",");
    expect(b[0]).toBe("B");
    expect(Number(b[1])).toBeCloseTo(100 / 7, 12);
    expect(Number(b[2])).toBeCloseTo(600 / 7, 12);
    expect(l[14]).toBe("Factor Profiles (% of factor total) from Base Run #2");
    // factor 2, A: 2 / (2 + 6) → 25 %; the total variable's row is empty
    expect(l[17]).toBe("A,66.66666666666667,25");
    expect(l[19]).toBe("PM,,");
    expect(l[21]).toBe("Factor Profiles (% of total variable) from Base Run #2");
    expect(l[25]).toBe("B,25,60");
  });

  it("_contributions.csv: normalised block and conc.-units block", () => {
    const l = lines(epaContributionsCsv(fixture()));
    expect(l[0]).toBe("Factor Contributions (avg = 1) from Base Run #2");
    expect(l[2]).toBe("Sample,Factor 1,Factor 2");
    expect(l[3]).toBe("2025-01-01,0.5,2");
    expect(l[8]).toBe("Factor Contributions (conc. units) from Base Run #2; total variable PM (µg/m3)");
    expect(l[10]).toBe("Sample,Factor 1,Factor 2");
    // sample 1: 0.5 × 4 = 2 and 2 × 10 = 20 µg/m3
    expect(l[11]).toBe("2025-01-01,2,20");
  });

  it("dates as local ISO time when times are known", () => {
    const l = lines(epaContributionsCsv(fixture({ times: true })));
    expect(l[2]).toBe("Date,Factor 1,Factor 2");
    expect(l[3]).toBe("2025-01-01T00:00:00+08:00,0.5,2");
  });

  it("labels are protected against formula injection and quoted", () => {
    const r = fixture();
    const bad = {
      ...r,
      factorNames: ["=HYPERLINK(1)", "Factor, 2"],
      input: { ...r.input, samples: ["@x", "b", "c", "d"] },
    };
    const p = lines(epaProfilesCsv(bad));
    expect(p[2]).toBe(`,'=HYPERLINK(1),"Factor, 2"`);
    const c = lines(epaContributionsCsv(bad));
    expect(c[3].startsWith("'@x,")).toBe(true);
  });
});

describe("exportPmfResult", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aozora-pmf-export-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes tidy CSV and xlsx tables and the EPA-layout files", () => {
    const paths = exportPmfResult(fixture({ times: true }), dir, { format: "both", name: "br" });
    const names = paths.map((p) => p.slice(dir.length + 1)).sort();
    expect(names).toEqual(
      [
        "br_contribution_table.csv",
        "br_contribution_table.xlsx",
        "br_contributions.csv",
        "br_profile_table.csv",
        "br_profile_table.xlsx",
        "br_profiles.csv",
        "br_runs.csv",
        "br_runs.xlsx",
        "br_sample_diagnostics.csv",
        "br_sample_diagnostics.xlsx",
        "br_scaled_residuals.csv",
        "br_scaled_residuals.xlsx",
        "br_species_diagnostics.csv",
        "br_species_diagnostics.xlsx",
        "br_species_summary.csv",
        "br_species_summary.xlsx",
      ].sort(),
    );
    for (const p of paths) expect(existsSync(p)).toBe(true);

    const runs = lines(readFileSync(join(dir, "br_runs.csv"), "utf8"));
    expect(runs[0]).toBe("run (1),seed (1),qTrue (1),qRobust (1),iterations (1),converged,best");
    expect(runs[2]).toBe("2,12,16,16,120,true,*");

    const contrib = lines(readFileSync(join(dir, "br_contribution_table.csv"), "utf8"));
    expect(contrib[0]).toBe("time,Factor 1 (1),Factor 2 (1),Factor 1 [PM] (µg/m3),Factor 2 [PM] (µg/m3)");
    expect(contrib[1]).toBe("2025-01-01T00:00:00+08:00,0.5,2,2,20");

    const resid = lines(readFileSync(join(dir, "br_scaled_residuals.csv"), "utf8"));
    expect(resid[3]).toBe("2025-01-03T00:00:00+08:00,0,4,0");

    const epa = lines(readFileSync(join(dir, "br_profiles.csv"), "utf8"));
    expect(epa[0]).toBe("Factor Profiles (conc. of species) from Base Run #2");

    // xlsx: the profile table's % of factor total of factor 2, B is 75
    const wb = XLSX.read(readFileSync(join(dir, "br_profile_table.xlsx")));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[wb.SheetNames[0]]);
    const f2b = rows.find((r) => r.factor === "Factor 2" && r.species === "B")!;
    expect(f2b["percentOfFactorTotal (%)"]).toBeCloseTo(75, 12);
  });

  it("csv only by default; epaLayout false skips the EPA files", () => {
    const sub = join(dir, "plain");
    const paths = exportPmfResult(fixture(), sub, { epaLayout: false });
    expect(paths.every((p) => p.endsWith(".csv"))).toBe(true);
    expect(paths.some((p) => p.endsWith("pmf_profiles.csv"))).toBe(false);
    expect(paths).toHaveLength(7);
  });

  it("rejects a name with a path separator", () => {
    expect(() => exportPmfResult(fixture(), dir, { name: "../x" })).toThrow(/file-name prefix/);
  });

  it("runs and species summary tables", () => {
    expect(runsTable(fixture()).strings("best")).toEqual(["", "*"]);
    const s = speciesSummaryTable(fixture());
    expect(s.strings("category")).toEqual(["strong", "strong", "weak"]);
    expect(s.numbers("sn")[0]).toBe(5);
  });
});
