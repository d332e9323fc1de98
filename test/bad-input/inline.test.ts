// Bad input written inline (the seed of the corpus); the file-based corpus is corpus.test.ts + manifest.json.
import { thrown } from "../helpers";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { readHysplit } from "../../src/trajectory/read-hysplit";
import { readMonitoringTable } from "../../src/io/monitoring";
import { readXact } from "../../src/metals/read-xact";

const csv = (name: string, ...lines: string[]) => ({ name, text: lines.join("\n") + "\n" });

describe("EPA PMF input pairs", () => {
  const CON = ["date,SO4,NO3,NH4", "1/13/2025,3.1,1.2,0.9", "1/14/2025,2.5,-999,1.1", "1/15/2025,4.0,1.0,1.3"];
  const UNC = ["date,SO4,NO3,NH4", "1/13/2025,0.31,0.12,0.09", "1/14/2025,0.25,0.2,0.11", "1/15/2025,0.4,0.1,0.13"];
  const opts = { unit: "µg/m3", utcOffset: "-06:00" };

  it("a well-formed pair reads; trailing blank lines are tolerated; -999 is NaN and accounted", () => {
    const d = readEpaPmf(csv("con.csv", ...CON, "", ""), csv("unc.csv", ...UNC, ""), opts);
    expect([d.n, d.m]).toEqual([3, 3]);
    expect(d.species).toEqual(["SO4", "NO3", "NH4"]);
    // x is row-major n×m: row 2 of the file is sample 0 (13 > 12, so the dates are month-first)
    expect(Array.from(d.x.slice(0, 3))).toEqual([3.1, 1.2, 0.9]);
    expect(Number.isNaN(d.x[1 * 3 + 1])).toBe(true); // 1/14/2025 NO3 = -999
    expect(d.s[2 * 3 + 2]).toBe(0.13);
    // 1/13/2025 00:00 at -06:00 = 06:00 UTC
    expect(d.concentration.times()[0]).toBe(Date.UTC(2025, 0, 13, 6, 0));
    expect(d.concentration.unit("SO4")).toBe("µg/m3");
    expect(d.accounts.concentration.cellChanges).toEqual([
      { row: 3, column: "NO3", original: "-999", value: NaN, reason: "missing-code" },
    ]);
    expect(d.accounts.concentration.blankRows).toEqual([5, 6]);
    expect(d.accounts.uncertainty.cellChanges).toEqual([]);
    expect(d.accounts.concentration.inputRows).toBe(3);
    expect(d.accounts.concentration.keptRows).toBe(3);
  });

  it("more concentration rows than uncertainty rows names the extra row of the concentration file", () => {
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...UNC.slice(0, 3)), opts));
    expect(e.file).toBe("con.csv");
    expect(e.row).toBe(4); // con.csv has data rows 2..4; unc.csv only 2..3
    expect(e.message).toMatch(/the same number of samples as unc\.csv \(2\)/);
    expect(e.found).toBe("3 samples");
  });

  it("more uncertainty rows than concentration rows names the extra row of the uncertainty file", () => {
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON.slice(0, 2)), csv("unc.csv", ...UNC), opts));
    expect(e.file).toBe("unc.csv");
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/the same number of samples as con\.csv \(1\)/);
  });

  it("a different number of columns", () => {
    const unc = UNC.map((l) => l.split(",").slice(0, 3).join(","));
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...unc), opts));
    expect(e.file).toBe("unc.csv");
    expect(e.row).toBe(1);
    expect(e.message).toMatch(/4 columns, as in con\.csv/);
    expect(e.found).toBe("3 columns");
  });

  it("headers that differ between the two files", () => {
    const unc = ["date,SO4,NO3,Cl", ...UNC.slice(1)];
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...unc), opts));
    expect(e.file).toBe("unc.csv");
    expect(e.row).toBe(1);
    expect(e.column).toBe("Cl");
    expect(e.columnNumber).toBe(4);
    expect(e.message).toMatch(/species "NH4" as in con\.csv/);
  });

  it("sample dates that differ between the two files", () => {
    const unc = [...UNC.slice(0, 2), "1/16/2025,0.25,0.2,0.11", UNC[3]];
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...unc), opts));
    expect(e.file).toBe("unc.csv");
    expect(e.row).toBe(3);
    expect(e.column).toBe("date");
    expect(e.message).toMatch(/the same sample as row 3 of con\.csv \("1\/14\/2025"\)/);
  });

  it("a non-numeric cell", () => {
    const con = [...CON.slice(0, 2), "1/14/2025,2.5,abc,1.1", CON[3]];
    const e = thrown(() => readEpaPmf(csv("con.csv", ...con), csv("unc.csv", ...UNC), opts));
    expect(e.file).toBe("con.csv");
    expect(e.row).toBe(3);
    expect(e.column).toBe("NO3");
    expect(e.columnNumber).toBe(3);
    expect(e.found).toBe("abc");
    expect(e.message).toMatch(/a number or a missing-value code/);
  });

  it("a negative or zero uncertainty", () => {
    for (const bad of ["-0.1", "0", "0.0"]) {
      const unc = [...UNC.slice(0, 3), `1/15/2025,0.4,${bad},0.13`];
      const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...unc), opts));
      expect(e.file).toBe("unc.csv");
      expect(e.row).toBe(4);
      expect(e.column).toBe("NO3");
      expect(e.columnNumber).toBe(3);
      expect(e.found).toBe(bad);
      expect(e.message).toMatch(/a positive uncertainty/);
    }
  });

  it("a negative concentration is kept (PMF allows it)", () => {
    const con = [...CON.slice(0, 3), "1/15/2025,-0.05,1.0,1.3"];
    const d = readEpaPmf(csv("con.csv", ...con), csv("unc.csv", ...UNC), opts);
    expect(d.x[2 * 3 + 0]).toBe(-0.05);
  });

  it("a duplicated sample date names the earlier row", () => {
    const con = [...CON.slice(0, 3), "1/13/2025,4.0,1.0,1.3"];
    const unc = [...UNC.slice(0, 3), "1/13/2025,0.4,0.1,0.13"];
    const e = thrown(() => readEpaPmf(csv("con.csv", ...con), csv("unc.csv", ...unc), opts));
    expect(e.file).toBe("con.csv");
    expect(e.row).toBe(4);
    expect(e.column).toBe("date");
    expect(e.message).toMatch(/row 2 has the same/);
  });

  it("an unparseable sample date", () => {
    const con = [...CON.slice(0, 3), "2/30/2025,4.0,1.0,1.3"];
    const unc = [...UNC.slice(0, 3), "2/30/2025,0.4,0.1,0.13"];
    const e = thrown(() => readEpaPmf(csv("con.csv", ...con), csv("unc.csv", ...unc), { ...opts, timeFormat: "mdy" }));
    expect(e.file).toBe("con.csv");
    expect(e.row).toBe(4);
    expect(e.column).toBe("date");
    expect(e.found).toBe("2/30/2025");
    expect(e.message).toMatch(/layout "mdy"/);
  });

  it("sample dates without utcOffset, and a missing unit", () => {
    const e = thrown(() => readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...UNC), { unit: "µg/m3" }));
    expect(e.file).toBe("con.csv");
    expect(e.column).toBe("date");
    expect(e.message).toMatch(/utcOffset/);
    const u = thrown(() =>
      readEpaPmf(csv("con.csv", ...CON), csv("unc.csv", ...UNC), {
        unit: { SO4: "µg/m3", NO3: "µg/m3" },
        utcOffset: 0,
      }),
    );
    expect(u.column).toBe("NH4");
    expect(u.row).toBe(1);
    expect(u.message).toMatch(/a unit for this species/);
  });

  it("species headers named __proto__ or constructor", () => {
    for (const bad of ["__proto__", "constructor"]) {
      const h = `date,SO4,${bad},NH4`;
      const e = thrown(() => readEpaPmf(csv("con.csv", h, ...CON.slice(1)), csv("unc.csv", h, ...UNC.slice(1)), opts));
      expect(e.file).toBe("con.csv");
      expect(e.row).toBe(1);
      expect(e.column).toBe(bad);
      expect(e.columnNumber).toBe(3);
    }
  });
});

describe("monitoring tables", () => {
  const H = "time,PM2.5 (ug/m3),O3 (ppb)";

  it("a non-numeric cell in a numeric column", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", "2025-01-01 01:00,1,high"), { utcOffset: "CN" }),
    );
    expect(e.file).toBe("m.csv");
    expect(e.row).toBe(3);
    expect(e.column).toBe("O3 (ppb)");
    expect(e.columnNumber).toBe(3);
    expect(e.found).toBe("high");
    expect(e.message).toMatch(/m\.csv, row 3, column "O3 \(ppb\)" \(#3\): expected a number/);
  });

  it("1e309 and Infinity are not finite numbers", () => {
    for (const bad of ["1e309", "Infinity", "-inf"]) {
      const e = thrown(() =>
        readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", `2025-01-01 01:00,${bad},3`), { utcOffset: "CN" }),
      );
      expect(e.row).toBe(3);
      expect(e.column).toBe("PM2.5 (ug/m3)");
      expect(e.columnNumber).toBe(2);
      expect(e.found).toBe(bad);
      expect(e.message).toMatch(/a finite number/);
    }
  });

  it("a below-detection marker without a usable limit", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", "2025-01-01 01:00,<abc,2"), { utcOffset: "CN" }),
    );
    expect(e.row).toBe(3);
    expect(e.column).toBe("PM2.5 (ug/m3)");
    expect(e.message).toMatch(/a detection limit after '<'/);
  });

  it("a duplicated timestamp names the earlier row", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", "2025-01-01 01:00,1,2", "2025-01-01 00:00,3,4"), {
        utcOffset: "CN",
      }),
    );
    expect(e.row).toBe(4);
    expect(e.column).toBe("time");
    expect(e.columnNumber).toBe(1);
    expect(e.message).toMatch(/row 2 has the same instant/);
  });

  it("the same instant written with different offsets is a duplicate too", () => {
    // 09:00+09:00 and 08:00+08:00 are both 00:00 UTC
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01T09:00+09:00,1,2", "2025-01-01T08:00+08:00,1,2"), {
        utcOffset: "JP",
      }),
    );
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/row 2 has the same instant/);
  });

  it("an unparseable date", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", "2025-02-30 01:00,1,2"), { utcOffset: "JP" }),
    );
    expect(e.row).toBe(3);
    expect(e.column).toBe("time");
    expect(e.found).toBe("2025-02-30 01:00");
    expect(e.message).toMatch(/a timestamp in layout "iso"/);
  });

  it("day/month order that cannot be told apart", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "01/02/2025 00:00,1,2", "03/04/2025 00:00,1,2"), { utcOffset: "JP" }),
    );
    expect(e.column).toBe("time");
    expect(e.message).toMatch(/ambiguous/);
  });

  it("local timestamps without utcOffset", () => {
    const e = thrown(() => readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2")));
    expect(e.file).toBe("m.csv");
    expect(e.row).toBe(2);
    expect(e.column).toBe("time");
    expect(e.message).toMatch(/utcOffset/);
    expect(e.message).toMatch(/never guessed/);
  });

  it("a bad utcOffset option", () => {
    const e = thrown(() => readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2"), { utcOffset: "Tokyo" }));
    expect(e.file).toBe("m.csv");
    expect(e.found).toBe("Tokyo");
  });

  it("an offset in the text beyond ±14 h is an unparseable timestamp", () => {
    const e = thrown(() => readMonitoringTable(csv("m.csv", H, "2025-01-01T00:00+15:00,1,2")));
    expect(e.row).toBe(2);
    expect(e.column).toBe("time");
  });

  it("headers named __proto__ or constructor", () => {
    for (const bad of ["__proto__", "constructor", "__proto__ (ppb)"]) {
      const e = thrown(() => readMonitoringTable(csv("m.csv", `time,${bad}`, "2025-01-01 00:00,1"), { utcOffset: 0 }));
      expect(e.row).toBe(1);
      expect(e.column).toBe(bad);
      expect(e.columnNumber).toBe(2);
      expect(e.message).toMatch(/not a JavaScript object property name/);
    }
  });

  it("two headers that normalise to the same species, an empty header, a second time column", () => {
    const dup = thrown(() =>
      readMonitoringTable(csv("m.csv", "time,PM25 (ug/m3),PM2.5 (ug/m3)", "2025-01-01 00:00,1,1"), { utcOffset: 0 }),
    );
    expect(dup.row).toBe(1);
    expect(dup.column).toBe("PM2.5 (ug/m3)");
    expect(dup.columnNumber).toBe(3);
    expect(dup.message).toMatch(/column #2 "PM25 \(ug\/m3\)" is also "PM2.5"/);
    const empty = thrown(() =>
      readMonitoringTable(csv("m.csv", "time,,O3 (ppb)", "2025-01-01 00:00,1,1"), { utcOffset: 0 }),
    );
    expect(empty.row).toBe(1);
    expect(empty.columnNumber).toBe(2);
    expect(empty.message).toMatch(/a column name/);
    const clash = thrown(() =>
      readMonitoringTable(csv("m.csv", "Date,time,O3 (ppb)", "2025-01-01 00:00,x,1"), { utcOffset: 0 }),
    );
    expect(clash.row).toBe(1);
    expect(clash.column).toBe("time");
    expect(clash.columnNumber).toBe(2);
  });

  it("a truncated row (fewer fields than the header)", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2", "2025-01-01 01:00,1"), { utcOffset: 0 }),
    );
    expect(e.file).toBe("m.csv");
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/3 fields separated by ","/);
    expect(e.found).toBe("2 fields");
  });

  it("a row with more non-empty fields than the header; trailing empty fields are allowed", () => {
    const e = thrown(() => readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2,9"), { utcOffset: 0 }));
    expect(e.row).toBe(2);
    expect(e.found).toBe("4 fields");
    const ok = readMonitoringTable(csv("m.csv", H, "2025-01-01 00:00,1,2,,"), { utcOffset: 0 });
    expect(ok.table.names).toEqual(["time", "PM2.5", "O3"]);
  });

  it("an unterminated quote names the row where the field starts", () => {
    const e = thrown(() =>
      readMonitoringTable(
        csv("m.csv", "time,note", "2025-01-01 00:00,ok", '2025-01-01 01:00,"never closed', "2025-01-01 02:00,x"),
        { utcOffset: 0 },
      ),
    );
    expect(e.file).toBe("m.csv");
    expect(e.row).toBe(3);
    expect(e.message).toMatch(/a closing quote/);
  });

  it("a numeric column without a unit", () => {
    const e = thrown(() =>
      readMonitoringTable(csv("m.csv", "time,PM2.5,site", "2025-01-01 00:00,1,A"), { utcOffset: 0 }),
    );
    expect(e.file).toBe("m.csv");
    expect(e.row).toBe(1);
    expect(e.column).toBe("PM2.5");
    expect(e.columnNumber).toBe(2);
    expect(e.message).toMatch(/a unit for this numeric column/);
  });

  it("an empty file and a header row that is blank", () => {
    const e = thrown(() => readMonitoringTable({ name: "empty.csv", text: "" }));
    expect(e.file).toBe("empty.csv");
    expect(e.row).toBe(1);
    expect(e.found).toBe("an empty file");
    const b = thrown(() =>
      readMonitoringTable({ name: "b.csv", text: "preamble\n\ntime,x (ppb)\n" }, { headerRow: 2 }),
    );
    expect(b.row).toBe(2);
    expect(b.found).toBe("a blank line");
  });

  it("a .xlsx name on bytes that are not a workbook", () => {
    const e = thrown(() => readMonitoringTable({ name: "w.xlsx", bytes: new TextEncoder().encode("time,x\n1,2\n") }));
    expect(e.file).toBe("w.xlsx");
  });
});

describe("Xact 625i exports", () => {
  const ROW1 = ",,,,IRON,,ZINC,";
  const HEAD = "TIME,Sample Type,ALARM,VOLUME (L),Fe 26 (ng/m3),Fe Uncert (ng/m3),Zn 30 (ng/m3),Zn Uncert (ng/m3)";
  const R1 = "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1,2.1";
  const R2 = "01/01/2025 02:00:00,1,0,1000,0.0,1.5,28.0,2.0";

  it("a well-formed export reads (sanity check for the error cases below)", () => {
    const r = readXact(csv("x.csv", ROW1, HEAD, R1, R2), { utcOffset: "+09:00" });
    expect(r.elements).toEqual(["Fe", "Zn"]);
    expect(Array.from(r.table.numbers("Fe"))).toEqual([120.5, 0]);
    expect(Array.from(r.table.numbers("Zn_unc"))).toEqual([2.1, 2.0]);
    expect(r.notDetected).toEqual({ Fe: 1, Zn: 0 });
    // 01:00 at +09:00 = 2024-12-31 16:00 UTC
    expect(r.table.times()[0]).toBe(Date.UTC(2024, 11, 31, 16, 0));
  });

  it("an element column without its Uncert partner", () => {
    const head = "TIME,Sample Type,ALARM,VOLUME (L),Fe 26 (ng/m3),Fe Uncert (ng/m3),Zn 30 (ng/m3)";
    const e = thrown(() =>
      readXact(csv("x.csv", ",,,,IRON,,ZINC", head, "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1"), {
        utcOffset: "+09:00",
      }),
    );
    expect(e.file).toBe("x.csv");
    expect(e.row).toBe(2);
    expect(e.column).toBe("Zn 30 (ng/m3)");
    expect(e.columnNumber).toBe(7);
    expect(e.message).toMatch(/an "Zn Uncert \(ng\/m3\)" column after it/);
  });

  it("an Uncert column not right after its element", () => {
    const head = "TIME,Sample Type,ALARM,Fe Uncert (ng/m3),Fe 26 (ng/m3)";
    const e = thrown(() =>
      readXact(csv("x.csv", ",,,IRON,", head, "01/01/2025 01:00:00,1,0,8.5,120.5"), { utcOffset: "+09:00" }),
    );
    expect(e.row).toBe(2);
    expect(e.column).toBe("Fe Uncert (ng/m3)");
    expect(e.columnNumber).toBe(4);
    expect(e.message).toMatch(/right after the "Fe" concentration column/);
  });

  it("a non-numeric value and an unparseable TIME", () => {
    const bad = thrown(() =>
      readXact(csv("x.csv", ROW1, HEAD, R1, "01/01/2025 02:00:00,1,0,1000,err,1.5,28.0,2.0"), { utcOffset: "+09:00" }),
    );
    expect(bad.row).toBe(4);
    expect(bad.column).toBe("Fe 26 (ng/m3)");
    expect(bad.columnNumber).toBe(5);
    expect(bad.found).toBe("err");
    const t = thrown(() =>
      readXact(csv("x.csv", ROW1, HEAD, R1, "13/45/2025 02:00:00,1,0,1000,1,1.5,28.0,2.0"), { utcOffset: "+09:00" }),
    );
    expect(t.row).toBe(4);
    expect(t.column).toBe("TIME");
    expect(t.columnNumber).toBe(1);
  });

  it("a duplicated TIME among ambient records names the earlier row", () => {
    const e = thrown(() => readXact(csv("x.csv", ROW1, HEAD, R1, R2, R1), { utcOffset: "+09:00" }));
    expect(e.row).toBe(5);
    expect(e.column).toBe("TIME");
    expect(e.message).toMatch(/row 3/);
  });

  it("missing utcOffset", () => {
    const e = thrown(() => readXact(csv("x.csv", ROW1, HEAD, R1), { utcOffset: "somewhere" }));
    expect(e.file).toBe("x.csv");
    expect(e.message).toMatch(/utcOffset/);
  });
});

describe("HYSPLIT endpoint files", () => {
  // Fixed-width layout as HYSPLIT writes it (8I6, F8.1, 2F9.3, n(1X,F8.1) → widths 6×8, 8, 9, 9, 9, 9...)
  const i6 = (n: number) => String(n).padStart(6);
  const f = (x: number, w: number, d: number) => x.toFixed(d).padStart(w);
  const endpoint = (
    traj: number,
    y: number,
    mo: number,
    d: number,
    h: number,
    age: number,
    lat: number,
    lon: number,
    height: number,
    p: number,
  ) =>
    [traj, 1, y, mo, d, h, 0, Math.abs(age)].map(i6).join("") +
    f(age, 8, 1) +
    f(lat, 9, 3) +
    f(lon, 9, 3) +
    f(height, 9, 1) +
    f(p, 9, 1);
  const HEADER = [
    `${i6(1)}${i6(1)}`, // 1 met grid
    `    GDAS${i6(25)}${i6(1)}${i6(2)}${i6(3)}${i6(0)}`,
    `${i6(1)} BACKWARD OMEGA`, // 1 trajectory
    `${i6(25)}${i6(1)}${i6(2)}${i6(3)}${f(33.88, 9, 3)}${f(130.88, 9, 3)}${f(500, 8, 1)}`,
    `${i6(1)} PRESSURE`,
  ];
  const E1 = endpoint(1, 25, 1, 2, 3, 0, 33.88, 130.88, 500, 954.7); // file row 6
  const E2 = endpoint(1, 25, 1, 2, 2, -1, 34.0, 130.53, 505, 954.1); // file row 7

  it("a well-formed file reads (sanity check for the error case)", () => {
    const r = readHysplit(csv("tdump", ...HEADER, E1, E2));
    expect(r.direction).toBe("BACKWARD");
    expect(r.starts).toEqual([{ time: Date.UTC(2025, 0, 2, 3), lat: 33.88, lon: 130.88, height: 500 }]);
    expect(Array.from(r.endpoints.numbers("lat"))).toEqual([33.88, 34.0]);
    expect(Array.from(r.endpoints.numbers("age"))).toEqual([0, -1]);
    expect(Array.from(r.endpoints.times())).toEqual([Date.UTC(2025, 0, 2, 3), Date.UTC(2025, 0, 2, 2)]);
    expect(r.endpoints.unit("PRESSURE")).toBe("hPa");
    expect(r.account.inputRows).toBe(2);
  });

  it("an endpoint line with a non-numeric field names the file row and the field", () => {
    // replace the 9-character latitude field (characters 57..65) of the second endpoint
    const bad = E2.slice(0, 56) + "   xx.xxx" + E2.slice(65);
    expect(bad.length).toBe(E2.length);
    const e = thrown(() => readHysplit(csv("tdump", ...HEADER, E1, bad)));
    expect(e.file).toBe("tdump");
    expect(e.row).toBe(7);
    expect(e.column).toBe("lat");
    expect(e.found).toBe("   xx.xxx");
    expect(e.message).toMatch(/expected a number/);
  });

  it("a non-integer in an integer field, and a truncated header", () => {
    const bad = E2.slice(0, 12) + "  25.5" + E2.slice(18); // year field
    const e = thrown(() => readHysplit(csv("tdump", ...HEADER, E1, bad)));
    expect(e.row).toBe(7);
    expect(e.column).toBe("year");
    expect(e.message).toMatch(/an integer/);
    const short = thrown(() => readHysplit({ name: "tdump", text: HEADER.slice(0, 2).join("\n") }));
    expect(short.row).toBe(3);
    expect(short.message).toMatch(/more header lines/);
  });
});
