import { describe, expect, it } from "vitest";
import { readXact } from "../../src/metals/read-xact";
import { xactHourly, xactAmbientRows } from "../../src/metals/xactseries";
import { xactToPmf } from "../../src/metals/pmfinput";
import { averageSeries } from "../../src/metals/averaging";
import { XACT625I_MDL_NG_M3, xactMdlTable } from "../../src/metals/tables/mdl";

/** A hand-written Xact export (UTC+8 clock): Fe and Zn, wind, flags. File rows are 3, 4, ... */
function exportText(): string {
  const head = [
    ",,,,,,,IRON,,ZINC,",
    "TIME,FLOW ACT (lpm),VOLUME (L),SAMPLE TIME (min),WIND (m/s),WIND DIR (deg),ALARM,Sample Type,Fe 26 (ng/m3),Fe Uncert (ng/m3),Zn 30 (ng/m3),Zn Uncert (ng/m3)",
  ];
  const rows = [
    "01/06/2025 00:00:00,16.7,980,60,2.0,90,0,1,10.0,0.8,0.05,0.02", // row 3: hour 00, Zn ≤ MDL 0.067
    "01/06/2025 01:00:00,16.7,980,60,3.0,180,103,1,500,30,20,1.5", // row 4: alarm
    // 02:00 missing
    "01/06/2025 03:00:00,16.7,980,60,4.0,270,0,1,0.0,0.0,30,2", // row 5: Fe not detected
    "01/06/2025 04:15:00,16.7,1000,60,4.0,270,0,2,99,9,99,9", // row 6: QA record
    "01/06/2025 04:30:00,16.7,480,60,4.0,270,0,1,40,3,12,1", // row 7: short record
    "01/06/2025 05:00:00,16.7,980,60,1.0,0,0,1,,,8,0.6", // row 8: Fe empty (not in method this record)
  ];
  return [...head, ...rows].join("\n") + "\n";
}

describe("Xact hourly series", () => {
  const read = readXact({ name: "x.csv", text: exportText() }, { utcOffset: "+08:00" });
  it("file rows of ambient records are rebuilt from the account", () => {
    expect(xactAmbientRows(read.account)).toEqual([3, 4, 5, 7, 8]);
  });
  const s = xactHourly(read);
  it("aligns to whole local hours, adds missing hours, blanks alarm and short records", () => {
    expect(s.times.length).toBe(6); // 00:00 … 05:00 local
    expect(s.times[0]).toBe(Date.UTC(2025, 0, 5, 16)); // 00:00 +08:00
    expect(Array.from(s.row)).toEqual([3, 4, NaN, 5, 7, 8]);
    expect(s.flags).toEqual([[], ["alarm"], ["no-record"], [], ["short-record"], []]);
    expect(Array.from(s.conc.Fe)).toEqual([10, NaN, NaN, 0, NaN, NaN]);
    expect(Array.from(s.conc.Zn)).toEqual([0.05, NaN, NaN, 30, NaN, 8]);
    // wind kept for excluded records
    expect(Array.from(s.wd)).toEqual([90, 180, NaN, 270, 270, 0]);
    const reasons = s.notes.map((n) => `${n.reason}:${n.row}`);
    expect(reasons).toEqual(expect.arrayContaining(["excluded:4", "no-record:NaN", "off-hour:7", "excluded:7"]));
  });
  it("exclude: [] keeps flagged values", () => {
    const all = xactHourly(read, { exclude: [] });
    expect(all.conc.Fe[1]).toBe(500);
    expect(all.conc.Fe[4]).toBe(40);
  });
  it("keeps the better of two records in one hour", () => {
    const text = exportText().replace("01/06/2025 05:00:00", "01/06/2025 04:00:00");
    const two = xactHourly(readXact({ name: "y.csv", text }, { utcOffset: "+08:00" }));
    // hour 04 holds the short 04:30 record (row 7) and the clean 04:00 record (row 8): row 8 is used
    expect(two.row[4]).toBe(8);
    expect(two.notes.find((n) => n.reason === "duplicate-hour")?.row).toBe(7);
  });

  it("PMF input: x ≤ MDL → MDL/2 and 5/6·MDL; else s = sqrt(u² + (MDL/2)²); missing stays NaN", () => {
    const p = xactToPmf(s);
    expect(p.species).toEqual(["Fe", "Zn"]);
    // hours kept: 00, 03, 05 (01, 02, 04 have no element value)
    expect(p.n).toBe(3);
    expect(p.droppedHours).toEqual([s.times[1], s.times[2], s.times[4]]);
    const cell = (i: number, j: number) => [p.x[i * 2 + j], p.s[i * 2 + j]];
    // Fe 10.0, u 0.8, MDL 0.17: s = sqrt(0.64 + 0.085²) = sqrt(0.647225) = 0.804503...
    expect(cell(0, 0)[0]).toBe(10);
    expect(cell(0, 0)[1]).toBeCloseTo(0.8045029521, 9);
    // Zn 0.05 ≤ 0.067: x = 0.0335, s = 0.0558333
    expect(cell(0, 1)[0]).toBeCloseTo(0.0335, 12);
    expect(cell(0, 1)[1]).toBeCloseTo((5 / 6) * 0.067, 12);
    // Fe 0.0 (not detected): below MDL
    expect(cell(1, 0)[0]).toBeCloseTo(0.085, 12);
    // Fe empty at 05:00: missing
    expect(cell(2, 0)[0]).toBeNaN();
    expect(p.belowMdl).toEqual({ Fe: 1, Zn: 1 });
    expect(p.missing).toEqual({ Fe: 1, Zn: 0 });
    expect(p.samples[0]).toBe("2025-01-06 00:00");
  });
  it("MDL table: CONVENTIONS §3 defaults, overridable", () => {
    expect(XACT625I_MDL_NG_M3.Al).toBe(100);
    expect(XACT625I_MDL_NG_M3.Pb).toBe(0.13);
    const m = xactMdlTable({ Fe: 1 });
    expect(m.Fe).toBe(1);
    expect(xactToPmf(s, { mdl: { Fe: 20 } }).x[0]).toBe(10); // 10 ≤ 20 → 10 = MDL/2
    expect(() => xactMdlTable({ Fe: 0 })).toThrow(RangeError);
    expect(() => xactToPmf(s, { elements: ["Fe", "Hg"] })).toThrow(/Hg/);
  });
});

describe("daily/monthly averaging with data capture and vector-averaged wind", () => {
  const t0 = Date.UTC(2025, 0, 1) - 8 * 3600000; // local midnight, +8
  const times = Array.from({ length: 48 }, (_, i) => t0 + i * 3600000);
  it("a day with 18 of 24 hours (75 %) is kept; 17 of 24 is not", () => {
    const v = times.map((_, i) => (i < 24 ? (i < 18 ? 2 : NaN) : i < 41 ? 4 : NaN));
    const a = averageSeries(times, { x: v }, 480, { period: "day" });
    expect(a.labels).toEqual(["2025-01-01", "2025-01-02"]);
    expect(Array.from(a.counts.x)).toEqual([18, 17]);
    expect(a.means.x[0]).toBe(2);
    expect(a.means.x[1]).toBeNaN();
    expect(a.times[0]).toBe(t0);
  });
  it("wind: scalar mean speed and vector-mean direction per day", () => {
    const ws = times.map((_, i) => (i % 2 ? 2 : 1));
    const wd = times.map((_, i) => (i % 2 ? 0 : 90));
    const a = averageSeries(times, {}, 480, { wind: { ws, wd } });
    // mean u = (1·1 + 0)/2 = 0.5, mean v = (0 + 2)/2 = 1 → 26.565°
    expect(a.wd![0]).toBeCloseTo(26.56505118, 6);
    expect(a.ws![0]).toBe(1.5);
  });
  it("monthly: possible hours = days × 24", () => {
    const a = averageSeries(times, { x: times.map(() => 1) }, 480, { period: "month" });
    expect(a.possible[0]).toBe(744);
    expect(a.means.x[0]).toBeNaN(); // 48 of 744 hours
    expect(averageSeries(times, { x: times.map(() => 1) }, 480, { period: "month", minCapture: 0.05 }).means.x[0]).toBe(
      1,
    );
  });
});
