import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { massClosure } from "../../src/qa/massclosure";
import { completeness } from "../../src/qa/completeness";
import { secondaryOrganicCarbon } from "../../src/qa/soc";
import { sharedPath } from "./shared";

const con = () => sharedPath("data", "epa-pmf", "Dataset-StLouis-con.csv");
const read = () =>
  readEpaPmf(con(), sharedPath("data", "epa-pmf", "Dataset-StLouis-unc.csv"), { unit: "µg/m3", utcOffset: "-06:00" });

describe("composition QA on EPA's St. Louis data (shared/data/epa-pmf)", () => {
  it("mass closure (revised IMPROVE, OM/OC 1.8): hand values for the first two hours", () => {
    const d = read();
    const r = massClosure(d.concentration, { formulas: "improve-2007" });
    // only SO4, NO3, OC, EC (and Mass) of the IMPROVE symbols are in the file: soil and sea salt are skipped, not zero
    expect(r.components.map((c) => c.key)).toEqual([
      "ammoniumSulfate",
      "ammoniumNitrate",
      "organicMatter",
      "elementalCarbon",
    ]);
    expect(r.skipped.map((s) => s.key)).toEqual(["soil", "seaSalt"]);
    // row 1 (6/22/2001 0:00): SO4 1.76, NO3 1.31, OC 3.25, EC 0.584, Mass 21.3
    // 1.375·1.76 + 1.29·1.31 + 1.8·3.25 + 0.584 = 2.42 + 1.6899 + 5.85 + 0.584 = 10.5439; ratio 10.5439/21.3 = 0.495019
    expect(r.samples[0].reconstructed).toBeCloseTo(10.5439, 10);
    expect(r.samples[0].ratio).toBeCloseTo(0.495019, 6);
    // row 2 (1:00): SO4 1.96 → 2.695 + 1.6899 + 5.85 + 0.584 = 10.8189; Mass 28.6 → 0.378283
    expect(r.samples[1].reconstructed).toBeCloseTo(10.8189, 10);
    expect(r.samples[1].ratio).toBeCloseTo(0.378283, 6);
    expect(r.samples).toHaveLength(418);
  });

  it("completeness: every cell present, 9 exact zeros (shared/README), counted per species as in the raw text", () => {
    const d = read();
    const species = ["SO4", "NO3", "OC", "EC", "Mass"];
    const c = completeness(d.concentration, { species: d.concentration.names.filter((n) => n !== "time") });
    expect(c.species.every((s) => s.n === 418 && s.completeness === 1)).toBe(true);
    expect(c.species.reduce((a, s) => a + s.zeros, 0)).toBe(9);
    // independent count of "0" cells per column from the raw CSV text
    const lines = readFileSync(con(), "utf8").trim().split(/\r?\n/);
    const head = lines[0].split(",");
    const zeros: Record<string, number> = {};
    for (const l of lines.slice(1))
      l.split(",").forEach((f, j) => {
        if (j > 0 && Number(f) === 0) zeros[head[j]] = (zeros[head[j]] ?? 0) + 1;
      });
    for (const s of c.species) expect(s.zeros, s.species).toBe(zeros[d.concentration.info(s.species).original] ?? 0);
    for (const sp of species) expect(c.species.some((s) => d.concentration.info(s.species).original === sp)).toBe(true);
  });

  it("OC/EC minimum ratio equals the minimum over the raw rows", () => {
    const d = read();
    const r = secondaryOrganicCarbon(d.concentration);
    const lines = readFileSync(con(), "utf8").trim().split(/\r?\n/);
    const head = lines[0].split(",");
    const jo = head.indexOf("OC"),
      je = head.indexOf("EC");
    let min = Infinity;
    for (const l of lines.slice(1)) {
      const f = l.split(",");
      if (Number(f[je]) > 0) min = Math.min(min, Number(f[jo]) / Number(f[je]));
    }
    expect(r.primaryRatio).toBeCloseTo(min, 12);
    expect(r.samples.filter((s) => s.soc < 0)).toHaveLength(0);
  });
});
