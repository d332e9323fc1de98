/**
 * Properties of the monitoring-table reader and the CSV/xlsx writers: what toCsv/toXlsx write,
 * readMonitoringTable reads back exactly (values, units, instants, offsets, text); formula-like
 * text never leaves the writers unneutralised; random or broken input only ever gives an account
 * that adds up or an AozoraInputError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable } from "../../src/io/monitoring";
import { neutraliseFormula, toCsv, toXlsx } from "../../src/io/write";
import { AqTable } from "../../src/table/table";
import { garbage, readsOrRejects, runs, type Tally } from "./harness";

const UG = "\u00b5g/m3";
const offsets = fc.constantFrom(480, 540, 0, -360, 330, 345, -570);
// instants between 1990 and 2060, to the millisecond, distinct (duplicates are an error)
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const maybeMissing = fc.oneof({ weight: 9, arbitrary: finite }, { weight: 1, arbitrary: fc.constant(NaN) });
const unit = fc.constantFrom(UG, "ppb", "ng/m3", "1", "%", "m/s", "deg", "hPa", "mg/m3");
// text cells: a letter first (so the column stays text), then anything a person might type;
// or formula-like text that the writers must neutralise
const textChar = fc.constantFrom(..."abcXYZ 北九州大连,;\"'\n=+-@|!()0123456789.".split(""));
const text = fc.oneof(
  fc
    .tuple(fc.constantFrom("a", "K", "北", "D"), fc.array(textChar, { maxLength: 12 }))
    .map(([a, cs]) => (a + cs.join("")).trim()),
  fc
    .tuple(fc.constantFrom("=", "+", "-", "@"), fc.array(textChar, { maxLength: 12 }))
    .map(([a, cs]) => (a + cs.join("")).trim()),
);

/** A random table: time, two numeric columns with random units, one text column. */
const table = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    times: fc.uniqueArray(instant, { minLength: n, maxLength: n }),
    x: fc.array(maybeMissing, { minLength: n, maxLength: n }),
    y: fc.array(maybeMissing, { minLength: n, maxLength: n }),
    note: fc.array(text, { minLength: n, maxLength: n }),
    ux: unit,
    uy: unit,
    off: offsets,
  }),
);
type T = { times: number[]; x: number[]; y: number[]; note: string[]; ux: string; uy: string; off: number };
const build = (r: T) =>
  AqTable.create(
    { time: r.times, x: r.x, y: r.y, note: r.note },
    { x: { unit: r.ux }, y: { unit: r.uy } },
    { column: "time", utcOffsetMinutes: r.off },
  );

function expectSame(back: AqTable, r: T): void {
  expect(back.names).toEqual(["time", "x", "y", "note"]);
  expect(back.utcOffsetMinutes).toBe(r.off);
  expect(back.unit("x")).toBe(r.ux);
  expect(back.unit("y")).toBe(r.uy);
  const bt = back.times(),
    bx = back.numbers("x"),
    by = back.numbers("y");
  for (let i = 0; i < r.times.length; i++) {
    expect(bt[i]).toBe(r.times[i]);
    expect(Object.is(bx[i], r.x[i]), `x[${i}] = ${r.x[i]} came back as ${bx[i]}`).toBe(true);
    expect(Object.is(by[i], r.y[i]), `y[${i}] = ${r.y[i]} came back as ${by[i]}`).toBe(true);
  }
  // text comes back as written, formula-like text with the writer's leading apostrophe
  expect(back.strings("note")).toEqual(r.note.map(neutraliseFormula));
}

describe("write → read round trips", () => {
  it("CSV: finite doubles, NaN, units, instants, offsets and text come back exactly", () => {
    fc.assert(
      fc.property(table, (r) => expectSame(readMonitoringTable({ name: "p.csv", text: toCsv(build(r)) }).table, r)),
      runs(0x9a01, 150),
    );
  });

  it("TSV: the same", () => {
    fc.assert(
      fc.property(table, (r) =>
        expectSame(readMonitoringTable({ name: "p.tsv", text: toCsv(build(r), { delimiter: "\t" }) }).table, r),
      ),
      runs(0x9a02, 80),
    );
  });

  it("xlsx: the same", () => {
    // Excel has no negative zero: an xlsx cell holds -0 as 0 (CSV keeps "-0"), so -0 is left out here
    const noNegZero = (xs: number[]) => xs.map((v) => (Object.is(v, -0) ? 0 : v));
    const t2 = table.map((r) => ({ ...r, x: noNegZero(r.x), y: noNegZero(r.y) }));
    fc.assert(
      fc.property(t2, (r) => expectSame(readMonitoringTable({ name: "p.xlsx", bytes: toXlsx(build(r)) }).table, r)),
      runs(0x9a03, 60),
    );
  });

  it("the account of a round trip lists exactly the NaN cells, as missing-code changes", () => {
    fc.assert(
      fc.property(table, (r) => {
        const { account } = readMonitoringTable({ name: "p.csv", text: toCsv(build(r)) });
        // file row of record i: the header is row 1; a quoted line break inside a text cell makes a record span lines
        const fileRow: number[] = [];
        let line = 2;
        r.note.forEach((s) => {
          fileRow.push(line);
          line += 1 + (neutraliseFormula(s).match(/\n/g)?.length ?? 0);
        });
        const want: [number, string][] = [];
        for (const c of ["x", "y"] as const) r[c].forEach((v, i) => Number.isNaN(v) && want.push([fileRow[i], c]));
        expect(account.cellChanges.map((c) => [c.row, c.column])).toEqual(want);
        expect(account.cellChanges.every((c) => c.reason === "missing-code" && c.original === "")).toBe(true);
        expect([account.inputRows, account.keptRows, account.setAside.length]).toEqual([
          r.times.length,
          r.times.length,
          0,
        ]);
      }),
      runs(0x9a04, 80),
    );
  });
});

describe("formula injection", () => {
  const anyText = fc.string({ maxLength: 20 });
  it("no text cell or header written by toCsv/toXlsx starts with =, +, -, @, tab or CR", () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 6 }), anyText, (cells, head) => {
        const name = "n" + head; // a column name can carry formula text too, after its first letter
        const t = AqTable.create(
          { [name]: cells, [head === "" ? "h" : head]: cells.map(() => 1) },
          { [head === "" ? "h" : head]: { unit: "1" } },
        );
        const dangerous = /^[=+\-@\t\r]/;
        const ws = XLSX.read(toXlsx(t), { type: "buffer" }).Sheets.data;
        for (const [ref, cell] of Object.entries(ws)) {
          if (ref.startsWith("!")) continue;
          const c = cell as XLSX.CellObject;
          expect(c.f).toBeUndefined();
          if (c.t === "s") expect(dangerous.test(String(c.v)), `${ref} = ${JSON.stringify(c.v)}`).toBe(false);
        }
        // CSV: parse the written text back into cells (RFC 4180) and look at every text cell
        const csv = toCsv(t);
        const cellsOut: string[] = [];
        let f = "",
          q = false;
        for (let i = 0; i < csv.length; i++) {
          const ch = csv[i];
          if (q) {
            if (ch === '"' && csv[i + 1] === '"') {
              f += '"';
              i++;
            } else if (ch === '"') q = false;
            else f += ch;
          } else if (ch === '"' && f === "") q = true;
          else if (ch === "," || ch === "\n") {
            cellsOut.push(f);
            f = "";
          } else if (ch !== "\r" || csv[i + 1] !== "\n") f += ch;
        }
        for (const c of cellsOut) if (c !== "1") expect(dangerous.test(c), JSON.stringify(c)).toBe(false);
      }),
      runs(0x9a05, 150),
    );
  });
});

describe("random input", () => {
  const VALID = toCsv(
    AqTable.create(
      {
        time: [Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1, 2)],
        "PM2.5": [12.5, NaN, 3],
        O3: [30, 31, 1e-7],
        site: ["北九州", "a,b", "=x"],
      },
      { "PM2.5": { unit: UG }, O3: { unit: "ppb" } },
      { column: "time", utcOffsetMinutes: 540 },
    ),
  );

  it("broken CSV text reads with an account that adds up or throws AozoraInputError", () => {
    const tally: Tally = { read: 0, rejected: 0 };
    fc.assert(
      fc.property(garbage(VALID), fc.option(offsets, { nil: undefined }), (s, utcOffset) => {
        readsOrRejects(tally, "g.csv", () => [readMonitoringTable({ name: "g.csv", text: s }, { utcOffset }).account]);
      }),
      runs(0x9a06, 300),
    );
    expect(tally.read).toBeGreaterThan(10);
    expect(tally.rejected).toBeGreaterThan(10);
  });

  it("random and broken xlsx bytes read or throw AozoraInputError", () => {
    const good = toXlsx(
      AqTable.create(
        { time: [Date.UTC(2025, 0, 1)], x: [1] },
        { x: { unit: "1" } },
        { column: "time", utcOffsetMinutes: 540 },
      ),
    );
    const flips = fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
      .map((fl) => {
        const b = Uint8Array.from(good);
        for (const [i, v] of fl) b[i % b.length] = v;
        return b;
      });
    const tally: Tally = { read: 0, rejected: 0 };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          flips,
          fc.nat(good.length).map((k) => good.slice(0, k)),
        ),
        fc.constantFrom("g.csv", "g.xlsx"),
        (bytes, name) => {
          readsOrRejects(tally, name, () => [readMonitoringTable({ name, bytes }, { utcOffset: 540 }).account]);
        },
      ),
      runs(0x9a07, 120),
    );
    expect(tally.rejected).toBeGreaterThan(0);
  });

  it("an AozoraInputError always names a row inside the file when it names one", () => {
    fc.assert(
      fc.property(garbage(VALID), (s) => {
        try {
          readMonitoringTable({ name: "g.csv", text: s }, { utcOffset: 540 });
        } catch (e) {
          if (!(e instanceof AozoraInputError)) throw e;
          const lines = s.split(/\r\n|\n|\r/).length;
          if (e.row !== undefined)
            expect(e.row >= 1 && e.row <= lines + 1, `row ${e.row} of ${lines} lines`).toBe(true);
        }
      }),
      runs(0x9a08, 200),
    );
  });
});
