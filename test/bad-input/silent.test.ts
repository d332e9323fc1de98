// Issue #20, "Nothing dropped or accepted silently": one case per item, each written from the
// file's contents by hand. Each case was first run against main and failed there (see the
// "Bugs this corpus found" table in README.md in this folder).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as A from "apache-arrow";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { thrown } from "../helpers";
import { readArrow, readArrowBatches, toArrow } from "../../src/io/arrow";
import { readEpaPmf } from "../../src/sourceapport/read-epapmf";
import { AozoraInputError } from "../../src/io/errors";
import { readHysplit } from "../../src/trajectory/read-hysplit";
import { readMachineLog } from "../../src/models/energy/read-machinelog";
import { readMonitoringTable } from "../../src/io/monitoring";
import { readParquet, toParquet } from "../../src/io/parquet";
import { readProfiles, readSpeciate } from "../../src/profiles/read";
import { readRemoteSensing } from "../../src/remotesensing/read";
import { readVocTable } from "../../src/models/voc/read";
import { AqTable } from "../../src/table/table";
import { cbpf, cpf } from "../../src/directional/cpf";
import { polarAnnulus } from "../../src/directional/annulus";
import { polarPlot } from "../../src/directional/polarplot";
import { percentileRose, pollutionRose, windRose } from "../../src/directional/roses";
import { vectorMeanWind } from "../../src/directional/wind";

const text = (name: string, ...lines: string[]) => ({ name, text: lines.join("\n") + "\n" });

/** Await a promise that must reject with an AozoraInputError; return the error. */
async function rejected(p: Promise<unknown>): Promise<AozoraInputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError, but the promise resolved");
}

describe("text encodings", () => {
  it("UTF-16LE without a byte-order mark is an error, never NUL-interleaved names", () => {
    // "time,PM2.5 (µg/m3)\n2025-01-01 00:00,12\n" as UTF-16LE: every ASCII byte is followed by 0x00
    const s = "time,PM2.5 (µg/m3)\n2025-01-01 00:00,12\n";
    const bytes = new Uint8Array(Buffer.from(s, "utf16le"));
    expect(bytes[1]).toBe(0); // the NUL after "t"
    const e = thrown(() => readMonitoringTable({ name: "le.csv", bytes }, { utcOffset: "+08:00" }));
    expect(e.file).toBe("le.csv");
    expect(e.row).toBe(1);
    expect(e.expected).toMatch(/UTF-16/);
  });

  it("UTF-16BE without a byte-order mark is an error too", () => {
    const le = Buffer.from("time,PM2.5 (µg/m3)\n2025-01-01 00:00,12\n", "utf16le");
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    const e = thrown(() => readMonitoringTable({ name: "be.csv", bytes: be }, { utcOffset: "+08:00" }));
    expect(e.expected).toMatch(/UTF-16/);
  });

  it("a NUL byte inside UTF-8 text is an error naming its row", () => {
    const bytes = new TextEncoder().encode("time,PM2.5 (µg/m3)\n2025-01-01 00:00,12\n2025-01-01 01:00,1\u00003\n");
    const e = thrown(() => readMonitoringTable({ name: "nul.csv", bytes }, { utcOffset: "+08:00" }));
    expect(e.row).toBe(3);
  });
});

describe("workbooks", () => {
  function twoSheets(hideFirst: boolean): Uint8Array {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["scratch", "x"],
        ["old", 1],
      ]),
      "scratch",
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["time", "PM2.5 (µg/m3)"],
        ["2025-01-01 00:00", 12],
      ]),
      "data",
    );
    if (hideFirst) wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] };
    return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);
  }

  it("a hidden first sheet is not read: the first visible sheet is, and the account says so", () => {
    const r = readMonitoringTable({ name: "h.xlsx", bytes: twoSheets(true) }, { utcOffset: "+08:00" });
    expect(r.table.names).toEqual(["time", "PM2.5"]);
    expect(Array.from(r.table.numbers("PM2.5"))).toEqual([12]);
    expect(r.account.sheet).toEqual({ name: "data", hiddenSkipped: ["scratch"], sheets: ["scratch", "data"] });
  });

  it("with no hidden sheet the first sheet is read and the account names it and the others", () => {
    const r = readMonitoringTable({ name: "v.xlsx", bytes: twoSheets(false) }, { time: false, defaultUnit: "1" });
    expect(r.table.names).toEqual(["scratch", "x"]);
    expect(r.account.sheet).toEqual({ name: "scratch", hiddenSkipped: [], sheets: ["scratch", "data"] });
  });

  it("a hidden sheet named in `sheet` is read (the choice is the user's)", () => {
    const r = readMonitoringTable(
      { name: "h.xlsx", bytes: twoSheets(true) },
      { sheet: "scratch", time: false, defaultUnit: "1" },
    );
    expect(r.table.names).toEqual(["scratch", "x"]);
    expect(r.account.sheet?.name).toBe("scratch");
  });
});

describe("delimiters", () => {
  it("a VOC TSV whose species names hold more commas than the header has tabs picks the tab", () => {
    // header: 2 tabs, 4 commas; data rows: 2 tabs, no comma
    const r = readVocTable(
      text(
        "v.tsv",
        "time\t2,2,4-trimethylpentane (ppb)\t1,2,4-trimethylbenzene (ppb)",
        "2024-07-01 08:00\t0.194\t0.441",
        "2024-07-01 14:00\t0.096\t0.163",
      ),
      { utcOffset: "+08:00" },
    );
    expect(r.columns.map((c) => c.header)).toEqual(["2,2,4-trimethylpentane (ppb)", "1,2,4-trimethylbenzene (ppb)"]);
    expect(Array.from(r.columns[0].values)).toEqual([0.194, 0.096]);
    expect(Array.from(r.columns[1].values)).toEqual([0.441, 0.163]);
  });

  it("2,2-dimethylbutane in a TSV with one species column", () => {
    const r = readVocTable(text("v.tsv", "time\t2,2-dimethylbutane (ppb)", "2024-07-01 08:00\t0.133"), {
      utcOffset: "+08:00",
    });
    expect(r.columns.map((c) => [c.header, c.values[0]])).toEqual([["2,2-dimethylbutane (ppb)", 0.133]]);
  });

  it("a comma CSV with a quoted comma name still reads as CSV", () => {
    const r = readVocTable(
      text("v.csv", 'time,"2,2-dimethylbutane (ppb)",benzene (ppb)', "2024-07-01 08:00,0.133,1.644"),
      { utcOffset: "+08:00" },
    );
    expect(r.columns.map((c) => c.values[0])).toEqual([0.133, 1.644]);
  });
});

describe("remote sensing", () => {
  const H = "time,plate,category,fuel,model year,speed (km/h),accel (km/h/s),CO/CO2,HC/CO2,NO/CO2";
  const ROW = "2025-05-06 07:01:36,闽DEL0BZ9,passenger car,gasoline,2020,37.52,1.781,0.003831,0.00009917,0.0003572";
  it("two CO2 columns: an error naming both", () => {
    const e = thrown(() =>
      readRemoteSensing(text("r.csv", `${H},CO2 (%),co2_signal`, `${ROW},7.336,7.2`), { utcOffset: "+08:00" }),
    );
    expect(e.file).toBe("r.csv");
    expect(e.row).toBe(1);
    expect(e.column).toBe("co2_signal");
    expect(e.columnNumber).toBe(12);
    expect(e.expected).toContain('"CO2 (%)" (#11)');
    expect(e.found).toBe('a second CO2 column "co2_signal" (#12)');
  });
  it("two plate columns: an error naming both", () => {
    const e = thrown(() =>
      readRemoteSensing(text("r.csv", `${H},CO2 (%),licence plate`, `${ROW},7.336,X`), { utcOffset: "+08:00" }),
    );
    expect(e.column).toBe("licence plate");
    expect(e.expected).toContain('"plate" (#2)');
  });
});

describe("machine logs", () => {
  it("machine ids that are prototype keys (constructor, __proto__, toString) work as data", () => {
    const src = readFileSync("data/changshu-tenter-log.csv", "utf8").split("\n");
    const header = src[0];
    // the first 4 rows of OLD-1 under three prototype-key names
    const rows = src.slice(1, 5);
    const ren = (r: string, id: string) => r.replace(",OLD-1,", `,${id},`).replace(",L00001,", `,L-${id},`);
    const text1 = [header, ren(rows[0], "constructor"), ren(rows[1], "constructor"), ren(rows[2], "__proto__")];
    text1.push(ren(rows[3], "toString"));
    const r = readMachineLog({ name: "m.csv", text: text1.join("\n") + "\n" }, { utcOffset: "+08:00" });
    expect(r.intervals.map((i) => i.machine)).toEqual(["constructor", "constructor", "__proto__", "toString"]);
    expect(Object.keys(r.thermalMeter).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(r.thermalMeter["constructor"]).toBe("gas");
    expect(r.account.inputRows).toBe(4);
    expect(r.account.keptRows).toBe(4);
    // electricity of the first row as written (67.55 kWh)
    expect(r.intervals[0].values.electricity).toBe(67.55);
  });
});

describe("source profiles", () => {
  it("fractions summing to 3.2 g/g are flagged in the account (0.9 + 0.95 + 0.85 + 0.5)", () => {
    const r = readProfiles(
      text(
        "p.csv",
        "profile,species,fraction (g/g)",
        "coal,SO4,0.9",
        "coal,OC,0.95",
        "coal,EC,0.85",
        "coal,NH4,0.5",
        "dust,Al,0.1",
      ),
    );
    expect(r.profiles.map((p) => p.name)).toEqual(["coal", "dust"]);
    expect(r.account.flagged).toEqual([
      {
        row: 2,
        reason: "profile-sum-above-1",
        detail: 'profile "coal" (rows 2–5): the fractions sum to 3.2 g/g; a mass fraction sum cannot exceed 1 g/g',
      },
    ]);
  });

  it("SPECIATE weights summing to 240 % are flagged (80 + 90 + 70)", () => {
    const r = readSpeciate(
      text(
        "s.csv",
        "PROFILE_CODE,SPECIES_NAME,WEIGHT_PERCENT",
        "91106,Sulfate,80",
        "91106,Organic carbon,90",
        "91106,Nitrate,70",
      ),
    );
    expect(r.account.flagged.map((f) => [f.row, f.reason])).toEqual([[2, "profile-sum-above-1"]]);
    expect(r.account.flagged[0].detail).toContain("sum to 2.4 g/g");
  });

  it("a sum of exactly 100 % is not flagged (25 + 75)", () => {
    const r = readSpeciate(
      text("s.csv", "PROFILE_CODE,SPECIES_NAME,WEIGHT_PERCENT", "1,Sulfate,25", "1,Organic carbon,75"),
    );
    expect(r.account.flagged).toEqual([]);
  });

  it("a single fraction above 1 g/g is refused", () => {
    const e = thrown(() => readProfiles(text("p.csv", "profile,species,fraction (g/g)", "coal,SO4,3.2")));
    expect([e.row, e.column, e.found]).toEqual([2, "fraction (g/g)", "3.2"]);
    expect(e.expected).toContain("at most 1 g/g");
  });

  it("negative uncertainties are refused in readProfiles and readSpeciate", () => {
    const e1 = thrown(() =>
      readProfiles(text("p.csv", "profile,species,fraction (%),uncertainty (%)", "coal,SO4,12,1", "coal,OC,20,-2")),
    );
    expect([e1.row, e1.column, e1.columnNumber, e1.found]).toEqual([3, "uncertainty (%)", 4, "-2"]);
    const e2 = thrown(() =>
      readSpeciate(text("s.csv", "PROFILE_CODE,SPECIES_NAME,WEIGHT_PERCENT,UNCERTAINTY_PERCENT", "1,Sulfate,25,-0.5")),
    );
    expect([e2.row, e2.column, e2.found]).toEqual([2, "UNCERTAINTY_PERCENT", "-0.5"]);
  });
});

describe("sample ids and trajectories", () => {
  const CON = ["sample,SO4,NO3", "A1,3.1,1.2", "A2,2.5,1.0", "A1,4.0,1.3"];
  const UNC = ["sample,SO4,NO3", "A1,0.31,0.12", "A2,0.25,0.1", "A1,0.4,0.13"];
  it("duplicate PMF sample ids (no dates, no offset) are flagged, each repeat naming the first row", () => {
    const d = readEpaPmf(text("c.csv", ...CON), text("u.csv", ...UNC), { unit: "µg/m3", sampleIds: true });
    expect(d.n).toBe(3);
    expect(d.accounts.concentration.flagged).toEqual([
      { row: 4, reason: "duplicate-sample-id", detail: 'sample id "A1" is also on row 2' },
    ]);
  });
  it("an empty PMF sample id is an error naming the row", () => {
    const c = ["sample,SO4", "A1,3.1", ",2.5"];
    const u = ["sample,SO4", "A1,0.31", ",0.25"];
    const e = thrown(() => readEpaPmf(text("c.csv", ...c), text("u.csv", ...u), { unit: "µg/m3", sampleIds: true }));
    expect([e.file, e.row, e.column, e.columnNumber, e.found]).toEqual(["c.csv", 3, "sample", 1, "an empty cell"]);
  });
  it("a tdump that declares zero trajectories is an error", () => {
    const t = readFileSync("data/tdump-backward.txt", "utf8").split("\n");
    // line 3 is "     3 BACKWARD OMEGA": declare 0 and drop the three starting points and all endpoints
    const zero = [t[0], t[1], "     0 BACKWARD OMEGA", t[6]].join("\n") + "\n";
    const e = thrown(() => readHysplit({ name: "z.tdump", text: zero }));
    expect([e.file, e.row, e.column, e.found]).toEqual(["z.tdump", 3, "number of trajectories", "0"]);
  });
});

describe("Arrow and Parquet", () => {
  const arrowOf = (fields: A.Field[], data: A.Data[]) => {
    const schema = new A.Schema(fields);
    const struct = A.makeData({ type: new A.Struct(fields), length: data[0].length, nullCount: 0, children: data });
    return A.tableToIPC(new A.Table(schema, [new A.RecordBatch(schema, struct)]), "file");
  };
  const f64 = (xs: number[]) => A.makeData({ type: new A.Float64(), length: xs.length, data: Float64Array.from(xs) });

  it("a column named __proto__ is an error naming it, never a vanished column", () => {
    const bytes = arrowOf(
      [new A.Field("x", new A.Float64()), new A.Field("__proto__", new A.Float64())],
      [f64([1, 2]), f64([3, 4])],
    );
    const e = thrown(() => readArrow({ name: "p.arrow", bytes }, { defaultUnit: "1" }));
    expect([e.file, e.column, e.columnNumber]).toEqual(["p.arrow", "__proto__", 2]);
    expect(e.expected).toContain("not a JavaScript object property name");
  });

  it("duplicate column names are an error naming both positions", () => {
    const bytes = arrowOf(
      [new A.Field("x", new A.Float64()), new A.Field("x", new A.Float64())],
      [f64([1, 2]), f64([3, 4])],
    );
    const e = thrown(() => readArrow({ name: "d.arrow", bytes }, { defaultUnit: "1" }));
    expect([e.column, e.columnNumber]).toEqual(["x", 2]);
    expect(e.expected).toContain("#1");
  });

  it("Infinity in a value column is an error naming the row", () => {
    const bytes = arrowOf([new A.Field("pm", new A.Float64())], [f64([1, Infinity, 3])]);
    const e = thrown(() => readArrow({ name: "i.arrow", bytes }, { defaultUnit: "µg/m3" }));
    expect([e.column, e.row, e.found]).toEqual(["pm", 2, "Infinity"]);
  });

  it("a null timestamp is an error naming the row", () => {
    const ts = A.makeData({
      type: new A.TimestampMillisecond("+08:00"),
      length: 2,
      nullCount: 1,
      nullBitmap: Uint8Array.of(0b01),
      data: BigInt64Array.of(1735660800000n, 0n) as unknown as Int32Array,
    });
    const bytes = arrowOf(
      [new A.Field("time", new A.TimestampMillisecond("+08:00")), new A.Field("pm", new A.Float64())],
      [ts, f64([1, 2])],
    );
    const e = thrown(() => readArrow({ name: "n.arrow", bytes }, { defaultUnit: "µg/m3" }));
    expect([e.column, e.row, e.found]).toEqual(["time", 2, "null"]);
  });

  const table = () =>
    AqTable.create(
      { time: Float64Array.of(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1, 1)), pm: Float64Array.of(12, 13) },
      { pm: { unit: "µg/m3" } },
      { column: "time", utcOffsetMinutes: 480 },
    );

  it("a stored offset beyond ±14 h (+15:00) is an error; +14:00 reads", () => {
    const bytes = arrowOf(
      [new A.Field("time", new A.TimestampMillisecond("+15:00")), new A.Field("pm", new A.Float64())],
      [
        A.makeData({
          type: new A.TimestampMillisecond("+15:00"),
          length: 1,
          data: BigInt64Array.of(0n) as unknown as Int32Array,
        }),
        f64([1]),
      ],
    );
    const e = thrown(() => readArrow({ name: "o.arrow", bytes }, { defaultUnit: "1" }));
    expect([e.column, e.found]).toEqual(["time", "+15:00"]);
    // aozora metadata with 900 minutes
    const meta = JSON.stringify({
      format: "aozora-table",
      version: "0",
      timeColumn: "time",
      utcOffsetMinutes: 900,
      columns: [
        { name: "time", unit: "", original: "time", kind: "time" },
        { name: "pm", unit: "µg/m3", original: "pm", kind: "number" },
      ],
    });
    const good = toArrow(table());
    const t = A.tableFromIPC(good);
    const schema = new A.Schema(t.schema.fields, new Map([["aozora", meta]]));
    const bad = A.tableToIPC(
      new A.Table(
        schema,
        t.batches.map((b) => new A.RecordBatch(schema, b.data)),
      ),
      "file",
    );
    const e2 = thrown(() => readArrow({ name: "m.arrow", bytes: bad }));
    expect(e2.found).toBe("900 minutes");
    expect(e2.expected).toContain("±14 h");
  });

  it("a corrupted Arrow file (bytes flipped in the body) gives AozoraInputError or reads", () => {
    const good = toArrow(table());
    for (let i = 0; i < good.length; i += 7) {
      const b = good.slice();
      b[i] ^= 0xff;
      try {
        readArrow({ name: "c.arrow", bytes: b });
      } catch (e) {
        expect(e).toBeInstanceOf(AozoraInputError);
      }
    }
  });

  it("one byte inserted into an Arrow file's first message is an error, not an endless loop (found by test/fuzz)", () => {
    // Arrow JS 21 looped forever on this input: the metadata size of the schema message now
    // points past the message framing; the check in src/io/arrowcheck.ts refuses it first
    const good = toArrow(table());
    const bad = new Uint8Array(good.length + 1);
    bad.set(good.subarray(0, 16));
    bad.set(good.subarray(16), 17);
    const e = thrown(() => readArrow({ name: "loop.arrow", bytes: bad }));
    expect(e.expected).toBe("an undamaged Arrow IPC file or stream");
  });

  it("readArrowBatches checks the same framing from disk", async () => {
    const good = toArrow(table());
    const bad = new Uint8Array(good.length + 1);
    bad.set(good.subarray(0, 16));
    bad.set(good.subarray(16), 17);
    const dir = mkdtempSync(join(tmpdir(), "aozora-silent-"));
    const path = join(dir, "loop.arrow");
    writeFileSync(path, bad);
    const e = await rejected(
      (async () => {
        for await (const _ of readArrowBatches(path)) void _;
      })(),
    );
    expect([e.file, e.expected]).toEqual([path, "an undamaged Arrow IPC file or stream"]);
    writeFileSync(path, good);
    let rows = 0;
    for await (const t of readArrowBatches(path)) rows += t.numRows;
    expect(rows).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it("corrupted Parquet pages give AozoraInputError", async () => {
    const good = await toParquet(table());
    // byte 4 is the first data page header (after the "PAR1" magic): garbling it breaks the page
    for (const at of [4, 5, 8, 20, 40]) {
      const b = good.slice();
      for (let k = at; k < at + 4; k++) b[k] ^= 0xa5;
      try {
        await readParquet({ name: "c.parquet", bytes: b });
      } catch (e) {
        expect(e, `flip at ${at}`).toBeInstanceOf(AozoraInputError);
      }
    }
    const truncated = good.slice(0, good.length - 9);
    const e = await rejected(readParquet({ name: "t.parquet", bytes: truncated }));
    expect(e.file).toBe("t.parquet");
  });

  it("a Parquet file whose page header was damaged is refused in milliseconds (found by test/fuzz)", async () => {
    // hyparquet 1.31 ran for more than 5 s on this input (a mutated copy of a 24-row table: one
    // byte changed in the first page header, one byte inserted); the page headers are now
    // checked first (src/io/parquetcheck.ts)
    const bytes = new Uint8Array(readFileSync("test/fuzz/regressions/parquet-page-values.parquet"));
    const t0 = performance.now();
    const e = await rejected(readParquet({ name: "p.parquet", bytes }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect([e.column, e.expected]).toEqual(["time", "undamaged Parquet pages"]);
  });

  it("Infinity in a Parquet value column is an error naming the row", async () => {
    const t = AqTable.create({ pm: Float64Array.of(1, Infinity) }, { pm: { unit: "µg/m3" } });
    const e = await rejected(readParquet({ name: "i.parquet", bytes: await toParquet(t) }));
    expect([e.column, e.row]).toEqual(["pm", 2]);
  });
});

describe("negative wind speeds", () => {
  // three records, the first with ws = -0.3 m/s: main counted it as calm in windRose
  // (calmCount 1 of n 3) and dropped it silently from polarPlot/cpf/percentileRose
  const ws = [-0.3, 2, 3],
    wd = [90, 180, 270],
    values = [1, 2, 3];
  const s = { values, wd, ws };
  const message = /ws\[0\] = -0\.3 m\/s is negative \(1 negative wind speed\)/;
  it("every directional analysis refuses them with a RangeError naming the first and the count", () => {
    expect(() => windRose(ws, wd)).toThrow(RangeError);
    expect(() => windRose(ws, wd)).toThrow(message);
    expect(() => pollutionRose(values, wd, ws)).toThrow(message);
    expect(() => percentileRose(values, wd, ws)).toThrow(message);
    expect(() => polarPlot(s)).toThrow(message);
    expect(() => cpf(s)).toThrow(message);
    expect(() => cbpf(s)).toThrow(message);
    expect(() => polarAnnulus(s, [0, 3600000, 7200000], 480)).toThrow(message);
    expect(() => vectorMeanWind(ws, wd)).toThrow(message);
  });
  it("NaN speeds are missing (skipped) and 0 is calm, as before", () => {
    const r = windRose([NaN, 0, 3], wd);
    // finite records: 0 and 3 m/s; 0 < 0.5 m/s calm → 1 calm of 2 (50 %)
    expect([r.n, r.calmCount, r.calmPercent]).toEqual([2, 1, 50]);
  });
});
