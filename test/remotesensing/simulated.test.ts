import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseCutPoint, cutPointTradeoff, efByGroup, readRemoteSensing, rsdEmissions } from "../../src/remotesensing";

const dir = join(__dirname, "..", "..", "data");
const truth = JSON.parse(readFileSync(join(dir, "xiamen-rsd.truth.json"), "utf8"));
const read = readRemoteSensing(join(dir, "xiamen-rsd.csv"), { utcOffset: "+08:00" });
const rec = read.records;

describe("the simulated Xiamen remote-sensing set", () => {
  it("every defect written by the simulator is flagged, with exact counts for missing CO2, duplicates and invalid passes", () => {
    const rowsWith = (f: string) => rec.rows.filter((_, i) => rec.flags[i].includes(f));
    expect(rowsWith("missing-co2")).toEqual(truth.defects.missingCo2);
    expect(rowsWith("duplicate-record")).toEqual(truth.defects.duplicate);
    expect(rowsWith("instrument-invalid")).toEqual(expect.arrayContaining(truth.defects.invalid));
    const oor = rowsWith("out-of-range:co_co2");
    expect(oor).toEqual(expect.arrayContaining(truth.defects.outOfRange));
    for (const row of oor) expect(rec.coCo2[rec.rows.indexOf(row)]).toBeGreaterThan(3);
    expect(read.flagCounts["missing-co2"]).toBe(truth.defects.missingCo2.length);
    expect(read.account.keptRows).toBe(read.account.inputRows);
  });
  it("newer model years emit less CO (the simulated median falls by exp(−0.13) per year for gasoline)", () => {
    const e = rsdEmissions(rec);
    const gas = Array.from(e.co, (v, i) => (rec.fuel[i] === "gasoline" ? v : NaN));
    const s = efByGroup(
      gas,
      Array.from(rec.modelYear, (y) => (y < 2012 ? "old" : y >= 2019 ? "new" : "mid")),
    );
    const med = Object.fromEntries(s.map((g) => [g.group, g.median]));
    expect(med.old).toBeGreaterThan(2 * med.mid);
    expect(med.mid).toBeGreaterThan(2 * med.new);
  });
  it("NO rises with vehicle specific power (the simulation multiplies NO/CO2 by 0.5 + 0.05·VSP up to 30 kW/t)", () => {
    const e = rsdEmissions(rec);
    const s = efByGroup(e.no, Array.from(e.mode));
    const mean = (m: number) => s.find((g) => g.group === String(m))!.mean;
    // modes 3 ([0, 1) kW/t, factor ≈ 0.5) vs 10 ([19, 23), factor ≈ 1.55): about 3× apart
    expect(mean(10) / mean(3)).toBeGreaterThan(2);
  });
  it("high-emitter screening: a single pass cannot separate perfectly; lower cuts catch more and flag more clean vehicles", () => {
    const e = rsdEmissions(rec);
    const high = new Set<string>(truth.highEmitters);
    const isHigh = rec.plate.map((p) => high.has(p));
    const gas = Array.from(e.co, (v, i) => (rec.fuel[i] === "gasoline" ? v : NaN));
    const rows = cutPointTradeoff(gas, isHigh, [50, 100, 200, 400]);
    for (let q = 1; q < rows.length; q++) {
      expect(rows[q].sensitivity).toBeLessThanOrEqual(rows[q - 1].sensitivity);
      expect(rows[q].falsePositiveRate).toBeLessThanOrEqual(rows[q - 1].falsePositiveRate);
    }
    expect(rows[0].falsePositives).toBeGreaterThan(0);
    expect(rows[rows.length - 1].falseNegatives).toBeGreaterThan(0);
    const chosen = chooseCutPoint(cutPointTradeoff(gas, isHigh, [25, 50, 100, 150, 200, 300, 400, 600]), 0.5);
    expect(chosen).toBeDefined();
    expect(chosen!.falseDiscoveryRate).toBeLessThanOrEqual(0.5);
  });
});
