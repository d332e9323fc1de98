import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as A from "apache-arrow";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readArrow, readArrowBatches, toArrow, writeArrow, writeArrowBatches } from "../../src/io/arrow";
import { AozoraInputError } from "../../src/io/errors";
import { readParquet, readParquetBatches, toParquet, writeParquet, writeParquetBatches } from "../../src/io/parquet";
import { AqTable } from "../../src/table/table";

const UG = "\u00b5g/m3";
// 2025-01-01 00:00, 01:00, 02:00 UTC = 08:00, 09:00, 10:00 at +08:00
const T = [Date.UTC(2025, 0, 1, 0), Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1, 2)];
const dir = mkdtempSync(join(tmpdir(), "aozora-columnar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(): AqTable {
  return AqTable.create(
    { time: T, station: ["瀋陽-1", "Dalian, LN", ""], "PM2.5": [0.1 + 0.2, NaN, -0], CO: [1e-7, 1.5, 2e300] },
    { time: { original: "日時" }, "PM2.5": { unit: UG, original: "PM2.5 (ug/m3)" }, CO: { unit: "mg/m3" } },
    { column: "time", utcOffsetMinutes: 480 },
  );
}

function expectSame(t: AqTable, want: AqTable): void {
  expect(t.names).toEqual(want.names);
  expect(t.columns).toEqual(want.columns); // names, units, original headers, kinds
  expect(t.timeColumn).toBe(want.timeColumn);
  expect(t.utcOffsetMinutes).toBe(want.utcOffsetMinutes);
  for (const c of want.columns) {
    if (c.kind === "string") expect(t.strings(c.name)).toEqual(want.strings(c.name));
    else expect(Array.from(t.numbers(c.name))).toEqual(Array.from(want.numbers(c.name))); // toEqual tells NaN, -0 and 0 apart via Object.is
  }
}

describe("Arrow IPC", () => {
  it("round-trips values, units, original headers, time instants and the offset (file and stream formats)", () => {
    for (const format of ["file", "stream"] as const)
      expectSame(readArrow({ name: "mem.arrow", bytes: toArrow(sample(), { format }) }), sample());
    writeArrow(sample(), join(dir, "a.arrow"));
    const back = readArrow(join(dir, "a.arrow"));
    expectSame(back, sample());
    expect(back.localTimes()[0]).toBe("2025-01-01T08:00:00+08:00");
  });

  it("is an ordinary tz-aware Arrow table for other tools: Timestamp(ms, +08:00), Float64 with nulls, field unit metadata", () => {
    const t = A.tableFromIPC(toArrow(sample()));
    const time = t.schema.fields[0].type as A.TimestampMillisecond;
    expect(time.timezone).toBe("+08:00");
    expect(Number(t.getChild("time")!.get(0))).toBe(Date.UTC(2025, 0, 1, 0));
    expect(t.getChild("PM2.5")!.get(1)).toBeNull(); // NaN written as null
    expect(t.schema.fields[2].metadata.get("unit")).toBe(UG);
  });

  it("reads a foreign Arrow table: units from options, offset from the timestamp's time zone; missing unit names the column", () => {
    const ts = A.vectorFromArray([Date.UTC(2024, 5, 1, 3)], new A.TimestampSecond("+09:00"));
    const foreign = new A.Table({
      t: ts,
      no2: A.vectorFromArray([41.5], new A.Float64()),
      n: A.vectorFromArray([7], new A.Int32()),
    });
    const bytes = A.tableToIPC(foreign, "stream");
    const got = readArrow({ name: "foreign.arrows", bytes }, { units: { no2: "ppb" }, defaultUnit: "1" });
    expect(got.timeColumn).toBe("t");
    expect(got.utcOffsetMinutes).toBe(540);
    // TimestampSecond stores seconds; Arrow JS returns ms for .get, so 2024-06-01T03:00Z whatever the unit
    expect(got.times()[0]).toBe(Date.UTC(2024, 5, 1, 3));
    expect(got.unit("no2")).toBe("ppb");
    expect(got.numbers("n")[0]).toBe(7);
    const e = (() => {
      try {
        readArrow({ name: "foreign.arrows", bytes });
      } catch (x) {
        return x;
      }
    })() as AozoraInputError;
    expect(e).toBeInstanceOf(AozoraInputError);
    expect(e.message).toMatch(/foreign\.arrows, column "no2": expected a unit/);
  });

  it("garbage bytes are an AozoraInputError naming the file", () => {
    expect(() => readArrow({ name: "junk.arrow", bytes: new Uint8Array([1, 2, 3, 4, 5]) })).toThrow(AozoraInputError);
  });

  it("batch writer and batch reader: the batches concatenate to the whole table with its metadata", async () => {
    const whole = sample();
    const parts = [whole.take([0, 1]), whole.take([2])];
    const path = join(dir, "b.arrows");
    expect(await writeArrowBatches(path, parts)).toEqual({ rows: 3, batches: 2 });
    const got: AqTable[] = [];
    for await (const b of readArrowBatches(path)) got.push(b);
    expect(got.map((b) => b.numRows)).toEqual([2, 1]);
    expectSame(got[0], parts[0]);
    expectSame(got[1], parts[1]);
    expectSame(readArrow(path), whole);
  });
});

describe("Parquet", () => {
  it("round-trips values, units, original headers, time instants and the offset", async () => {
    expectSame(await readParquet({ name: "mem.parquet", bytes: await toParquet(sample()) }), sample());
    await writeParquet(sample(), join(dir, "a.parquet"));
    expectSame(await readParquet(join(dir, "a.parquet")), sample());
  });

  it("row groups come back one at a time; the batch writer writes one file", async () => {
    const whole = sample();
    await writeParquet(whole, join(dir, "rg.parquet"), { rowGroupSize: 2 });
    const got: AqTable[] = [];
    for await (const b of readParquetBatches(join(dir, "rg.parquet"))) got.push(b);
    expect(got.map((b) => b.numRows)).toEqual([2, 1]);
    expectSame(got[1], whole.take([2]));
    expect(await writeParquetBatches(join(dir, "b.parquet"), [whole.take([0]), whole.take([1, 2])])).toEqual({
      rows: 3,
      batches: 2,
    });
    expectSame(await readParquet(join(dir, "b.parquet")), whole);
  });

  it("selects columns; a foreign file without metadata needs units and an offset", async () => {
    const sel = await readParquet({ name: "m.parquet", bytes: await toParquet(sample()) }, { columns: ["time", "CO"] });
    expect(sel.names).toEqual(["time", "CO"]);
    expect(sel.unit("CO")).toBe("mg/m3");
    // a file written by another tool: no aozora metadata
    const hw = (await import("hyparquet-writer")) as unknown as { parquetWriteBuffer(o: unknown): ArrayBuffer };
    const foreign = new Uint8Array(
      hw.parquetWriteBuffer({
        columnData: [
          {
            name: "ts",
            data: [new Date(Date.UTC(2025, 5, 1, 0)), new Date(Date.UTC(2025, 5, 1, 1))],
            type: "TIMESTAMP",
          },
          { name: "so2", data: [3.5, null], type: "DOUBLE" },
        ],
      }),
    );
    const f = await readParquet(
      { name: "foreign.parquet", bytes: foreign },
      { units: { so2: "ug/m3" }, utcOffset: "JP" },
    );
    expect(f.timeColumn).toBe("ts");
    expect(f.utcOffsetMinutes).toBe(540);
    expect(f.localTimes()).toEqual(["2025-06-01T09:00:00+09:00", "2025-06-01T10:00:00+09:00"]);
    expect(f.unit("so2")).toBe("\u00b5g/m3");
    expect(Number.isNaN(f.numbers("so2")[1])).toBe(true);
    await expect(readParquet({ name: "foreign.parquet", bytes: foreign }, { utcOffset: "JP" })).rejects.toThrow(
      /column "so2": expected a unit/,
    );
    await expect(readParquet({ name: "foreign.parquet", bytes: foreign }, { units: { so2: "ppb" } })).rejects.toThrow(
      /column "ts": expected the site's UTC offset/,
    );
    const garbage = join(dir, "junk.parquet");
    writeFileSync(garbage, "not a parquet file at all");
    await expect(readParquet(garbage)).rejects.toThrow(AozoraInputError);
  });

  it("property: random tables round-trip exactly through Arrow and Parquet", async () => {
    const finite = fc.double({ noNaN: false, noDefaultInfinity: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(finite, fc.string(), fc.integer({ min: -1e12, max: 4e12 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        async (rows, q) => {
          const t = AqTable.create(
            { time: rows.map((r) => r[2]), x: rows.map((r) => r[0]), s: rows.map((r) => r[1]) },
            { x: { unit: "ppb" } },
            { column: "time", utcOffsetMinutes: q * 15 },
          );
          expectSame(readArrow({ name: "p.arrow", bytes: toArrow(t) }), t);
          expectSame(await readParquet({ name: "p.parquet", bytes: await toParquet(t) }), t);
        },
      ),
      { numRuns: 40 },
    );
  });
});
