import { describe, expect, it } from "vitest";
import { readXact } from "../../src/metals/read-xact";
import { xactHourly, xactAmbientRows } from "../../src/metals/xactseries";
import { xactToPmf } from "../../src/metals/pmfinput";
import { enrichmentFactors } from "../../src/metals/enrichment";
import { sharedPath } from "./shared";

describe("Xact series tools on the real Xact 625i export (shared/data/xact)", () => {
  const read = readXact(sharedPath("data", "xact", "xact625i-hourly-sample.csv"), { utcOffset: "+08:00" });
  const s = xactHourly(read);
  it("26 ambient records → 26 local hours 2024-12-31 22:00 … 2025-01-01 23:00, none missing", () => {
    // file rows 3..30 minus the QA rows 5 and 30 (shared/README: Sample Type 2 records)
    expect(xactAmbientRows(read.account)).toEqual([3, 4, ...Array.from({ length: 24 }, (_, i) => i + 6)]);
    expect(s.times.length).toBe(26);
    expect(s.times[0]).toBe(Date.UTC(2024, 11, 31, 14)); // 22:00 +08:00
    expect(s.times[25]).toBe(Date.UTC(2025, 0, 1, 15)); // 23:00 +08:00
    expect(s.notes.filter((n) => n.reason === "no-record")).toHaveLength(0);
  });
  it("the 00:30 short record after the QA restart (file row 6) fills hour 00, flagged and blanked", () => {
    expect(s.row[2]).toBe(6);
    expect(s.flags[2]).toEqual(["short-record"]);
    expect(s.conc.Fe[2]).toBeNaN();
    expect(s.notes.filter((n) => n.reason === "off-hour").map((n) => n.row)).toEqual([6]);
    expect(s.flags.filter((f) => f.length > 0)).toHaveLength(1); // no alarms in this file
    // wind of the first record, as written: 1.55 m/s from 359.4°
    expect([s.ws[0], s.wd[0]]).toEqual([1.55, 359.4]);
  });
  it("PMF conversion: Al (MDL 100 ng/m3) is at or below its MDL in 22 of the 25 usable hours", () => {
    const p = xactToPmf(s);
    expect(p.n).toBe(25); // hour 00 has no usable value
    // Al as written (usable hours): only 108.8875, 293.9377 and 134.5198 exceed 100
    expect(p.belowMdl.Al).toBe(22);
    const j = p.species.indexOf("Al"),
      fe = p.species.indexOf("Fe"),
      pb = p.species.indexOf("Pb");
    // first record Al 21.1801 → 50 ng/m3 with s = 5/6 · 100
    expect(p.x[j]).toBe(50);
    expect(p.s[j]).toBeCloseTo(500 / 6, 10);
    // first record Fe 679.5228 ± 44.2522 → s = sqrt(44.2522² + 0.085²)
    expect(p.x[fe]).toBe(679.5228);
    expect(p.s[fe]).toBeCloseTo(Math.sqrt(44.2522 ** 2 + 0.085 ** 2), 10);
    expect(p.belowMdl.Pb).toBe(0); // Pb 9.67–30.8 ng/m3, far above 0.13
    expect(p.x[pb]).toBe(18.189);
  });
  it("enrichment factors relative to Fe, against the sums of the file's values (McLennan 2001: Pb 17, Zn 71, Fe 35000 mg/kg)", () => {
    const r = enrichmentFactors({ Fe: s.conc.Fe, Si: s.conc.Si, Zn: s.conc.Zn, Pb: s.conc.Pb }, { reference: "Fe" });
    const ef = Object.fromEntries(r.rows.map((x) => [x.element, x.ef]));
    // independent sums over the ambient table, leaving out the short record (table index 2)
    const sum = (el: string) => Array.from(read.table.numbers(el)).reduce((a, v, i) => (i === 2 ? a : a + v), 0);
    expect(ef.Fe).toBe(1);
    expect(ef.Pb).toBeCloseTo(sum("Pb") / sum("Fe") / (17 / 35000), 9);
    expect(ef.Zn).toBeCloseTo(sum("Zn") / sum("Fe") / (71 / 35000), 9);
    expect(ef.Si).toBeLessThan(10); // crustal
    expect(ef.Pb).toBeGreaterThan(10); // anthropogenic
  });
});
