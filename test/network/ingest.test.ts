import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CNEMC_TYPES, CNEMC_UNITS, cnemcColumnName, ingestCnemcArchive, readCnemcDaily } from "../../src/network";
import { writeCnemcArchive } from "../../src/simulate";
import { openDuckDb, type DuckDb } from "../../src/io/duckdb";
import { AozoraInputError } from "../../src/io/errors";

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

interface Hp {
  parquetMetadata(buf: ArrayBuffer): {
    schema: {
      name: string;
      type?: string;
      logical_type?: { type: string; isAdjustedToUTC?: boolean; unit?: string };
    }[];
    key_value_metadata?: { key: string; value?: string }[];
    num_rows: bigint;
  };
  parquetReadObjects(o: { file: ArrayBuffer }): Promise<Record<string, unknown>[]>;
}
const hyparquet = () => import("hyparquet") as unknown as Promise<Hp>;
const bufOf = (f: string) => {
  const b = readFileSync(f);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** readCnemcDaily's rows as "station|time" → values by type (NaN ↔ null). */
function referenceRows(files: string[], hourLabel?: "start" | "end") {
  const { table, account } = readCnemcDaily(files, hourLabel ? { hourLabel } : {});
  const st = table.strings("station");
  const t = table.times();
  const cols = CNEMC_TYPES.map((ty) => table.numbers(cnemcColumnName(ty)));
  const rows = new Map<string, (number | null)[]>();
  for (let i = 0; i < table.numRows; i++)
    rows.set(
      `${st[i]}|${t[i]}`,
      cols.map((c) => (Number.isNaN(c[i]) ? null : c[i])),
    );
  return { rows, account };
}

describe("ingestCnemcArchive: a CNEMC archive → Parquet dataset with DuckDB", () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await openDuckDb();
  });
  afterAll(() => db.close());

  // 2024-12-30 … 2025-01-02: the hour-ending label puts hour 0 of 2025-01-01 into year 2024
  const arch = tmp("cnemc-arch-");
  const sim = writeCnemcArchive(arch, { seed: 3, stations: 6, days: 4, start: "2024-12-30", missingFraction: 0.1 });

  it("reads back (DuckDB and hyparquet) as readCnemcDaily reads the same files, value for value and instant for instant", async () => {
    const out = join(tmp("cnemc-ds-"), "ds");
    const acc = await ingestCnemcArchive({ dir: arch, out });
    const ref = referenceRows(sim.sites);
    expect(acc.kind).toBe("sites");
    expect(acc.files).toBe(4);
    expect(acc.rows).toBe(6 * 4 * 24);
    expect(acc.rows).toBe(ref.rows.size);
    expect(acc.inputRows).toBe(ref.account.files.reduce((s, f) => s + f.inputRows, 0));
    expect(acc.inputRows).toBe(4 * 24 * 15);
    for (const t of CNEMC_TYPES) expect(acc.missingCells[t], t).toBe(ref.account.missingCells[cnemcColumnName(t)] ?? 0);
    expect(acc.missingCells["PM2.5"]).toBeGreaterThan(0);
    // hive layout: year of the local start of the hour
    expect(readdirSync(out).sort()).toEqual(["year=2024", "year=2025"]);
    expect(readdirSync(join(out, "year=2025"))).toEqual(["data_0.parquet"]);
    // 2024: Dec 30 and 31 (48 h) + hour 0 of Jan 1 (23:00–24:00 local on Dec 31) per station
    expect(acc.parts.map((p) => [p.year, p.rows])).toEqual([
      [2024, 6 * 49],
      [2025, 6 * 47],
    ]);
    // DuckDB read-back
    const r = await db.query(
      `SELECT * FROM read_parquet('${out}/*/*.parquet', hive_partitioning = true) ORDER BY station, time`,
    );
    expect(r.names).toEqual(["station", "time", ...CNEMC_TYPES, "year"]);
    expect(r.types.slice(0, 3)).toEqual(["VARCHAR", "TIMESTAMP WITH TIME ZONE", "DOUBLE"]);
    expect(r.numRows).toBe(ref.rows.size);
    for (let i = 0; i < r.numRows; i++) {
      const key = `${r.columns.station[i]}|${(r.columns.time as Float64Array)[i]}`;
      const want = ref.rows.get(key);
      expect(want, key).toBeDefined();
      const got = CNEMC_TYPES.map((t) => {
        const v = (r.columns[t] as Float64Array)[i];
        return Number.isNaN(v) ? null : v;
      });
      expect(got, key).toEqual(want);
      // year = calendar year of the local (+08:00) start of the hour
      const t = (r.columns.time as Float64Array)[i];
      expect((r.columns.year as Float64Array)[i]).toBe(new Date(t + 8 * 3600000).getUTCFullYear());
    }
    // hyparquet read-back of one part: the same rows, sorted by station then time
    const hp = await hyparquet();
    const objs = await hp.parquetReadObjects({ file: bufOf(join(out, "year=2025", "data_0.parquet")) });
    expect(objs.length).toBe(6 * 47);
    let prev = "";
    for (const o of objs) {
      const t = (o.time as Date).getTime();
      const key = `${o.station as string}|${t}`;
      expect(key >= prev || key.split("|")[0] > prev.split("|")[0]).toBe(true);
      if (prev.split("|")[0] === o.station) expect(t).toBeGreaterThan(Number(prev.split("|")[1]));
      prev = key;
      expect(
        CNEMC_TYPES.map((c) => (o[c] === null || o[c] === undefined ? null : o[c])),
        key,
      ).toEqual(ref.rows.get(key));
    }
    // by hand: hour 0 of 2025-01-01 (hour-ending) is 23:00–24:00 on Dec 31 local = 15:00Z
    const first = objs.find((o) => (o.time as Date).getTime() === Date.UTC(2024, 11, 31, 15));
    expect(first).toBeUndefined(); // it is in the year=2024 part
    const y24 = await hp.parquetReadObjects({ file: bufOf(join(out, "year=2024", "data_0.parquet")) });
    const last = y24.filter((o) => o.station === "1001A").map((o) => (o.time as Date).getTime());
    expect(last[last.length - 1]).toBe(Date.UTC(2024, 11, 31, 15));
    expect(last[0]).toBe(Date.UTC(2024, 11, 29, 15)); // hour 0 of Dec 30 = 23:00 Dec 29 local
    // the value of station 1001A, PM2.5, 2025-01-01 hour 0 is the file's cell
    const line = readFileSync(join(arch, "china_sites_20250101.csv"), "utf8").split("\n")[2];
    expect(line.startsWith("20250101,0,PM2.5,")).toBe(true);
    const cell = line.split(",")[3];
    const pm = y24.find((o) => o.station === "1001A" && (o.time as Date).getTime() === Date.UTC(2024, 11, 31, 15))!;
    expect(pm["PM2.5"]).toBe(cell === "" ? null : Number(cell));
  }, 60000);

  it("writes the schema and metadata: TIMESTAMPTZ isAdjustedToUTC, units, offset, hour label, source, version", async () => {
    const out = join(tmp("cnemc-ds-"), "ds");
    await ingestCnemcArchive({ files: sim.sites, out, hourLabel: "start" });
    const hp = await hyparquet();
    const meta = hp.parquetMetadata(bufOf(join(out, "year=2025", "data_0.parquet")));
    const names = meta.schema.slice(1).map((s) => s.name);
    expect(names).toEqual(["station", "time", ...CNEMC_TYPES]);
    const time = meta.schema.find((s) => s.name === "time")!;
    expect(time.logical_type?.type).toBe("TIMESTAMP");
    expect(time.logical_type?.isAdjustedToUTC).toBe(true);
    expect(meta.schema.find((s) => s.name === "PM2.5")!.type).toBe("DOUBLE");
    expect(meta.schema.find((s) => s.name === "station")!.type).toBe("BYTE_ARRAY");
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(JSON.parse(kv["aozora.units"]!)).toEqual({ ...CNEMC_UNITS });
    expect(JSON.parse(kv["aozora.units"]!).CO).toBe("mg/m3");
    expect(kv["aozora.offset"]).toBe("+08:00");
    expect(kv["aozora.hour_label"]).toBe("start");
    expect(JSON.parse(kv["aozora.source"]!)).toEqual({ kind: "cnemc-sites", files: 4 });
    expect(kv["aozora.version"]).toBe(require("../../package.json").version);
    // hour label start: hour 0 of 2024-12-30 = 00:00+08:00 = 2024-12-29T16:00Z; every row in its local year
    const r = await db.query(
      `SELECT min(time) AS t0, count(*) AS n FROM read_parquet('${out}/year=2024/*.parquet') WHERE station = '1001A'`,
    );
    expect((r.columns.t0 as Float64Array)[0]).toBe(Date.UTC(2024, 11, 29, 16));
    expect((r.columns.n as Float64Array)[0]).toBe(48);
    const ref = referenceRows(sim.sites, "start");
    const all = await db.query(`SELECT station, time, "O3_8h" FROM read_parquet('${out}/*/*.parquet')`);
    for (let i = 0; i < all.numRows; i++) {
      const key = `${all.columns.station[i]}|${(all.columns.time as Float64Array)[i]}`;
      const v = (all.columns.O3_8h as Float64Array)[i];
      expect(Number.isNaN(v) ? null : v).toBe(ref.rows.get(key)![CNEMC_TYPES.indexOf("O3_8h")]);
    }
  }, 60000);

  it("reads files whose station columns differ (stations added over the years), one scan per header", async () => {
    const dir = tmp("cnemc-grow-");
    const a = writeCnemcArchive(dir, { seed: 5, stations: 3, days: 2, start: "2023-12-31" });
    const b = writeCnemcArchive(dir, { seed: 6, stations: 5, days: 2, start: "2024-01-02" });
    // a third layout: the same stations in another column order
    const c = join(dir, "china_sites_20240104.csv");
    const lines = readFileSync(b.sites[1], "utf8").trimEnd().split("\n");
    const perm = [0, 1, 2, 7, 3, 6, 4, 5];
    writeFileSync(
      c,
      lines
        .map((l, i) => {
          const f = l.split(",");
          if (i > 0) f[0] = "20240104";
          return perm.map((j) => f[j]).join(",");
        })
        .join("\n") + "\n",
    );
    const files = [...a.sites, ...b.sites, c];
    const out = join(tmp("cnemc-ds-"), "ds");
    const acc = await ingestCnemcArchive({ dir, out, batchFiles: 1 });
    expect(acc.headerGroups).toBe(3);
    expect(acc.stations).toBe(5);
    expect(acc.files).toBe(5);
    const ref = referenceRows(files);
    expect(acc.rows).toBe(ref.rows.size);
    expect(acc.rows).toBe(3 * 48 + 5 * 48 + 5 * 24);
    const r = await db.query(`SELECT * FROM read_parquet('${out}/*/*.parquet')`);
    expect(r.numRows).toBe(ref.rows.size);
    for (let i = 0; i < r.numRows; i++) {
      const key = `${r.columns.station[i]}|${(r.columns.time as Float64Array)[i]}`;
      const got = CNEMC_TYPES.map((t) => {
        const v = (r.columns[t] as Float64Array)[i];
        return Number.isNaN(v) ? null : v;
      });
      expect(got, key).toEqual(ref.rows.get(key));
    }
    for (const t of CNEMC_TYPES) expect(acc.missingCells[t]).toBe(ref.account.missingCells[cnemcColumnName(t)] ?? 0);
  }, 60000);

  describe("hostile files: the same error (file, row, column) as readCnemcDaily", () => {
    const base = readFileSync(sim.sites[1], "utf8");
    const baseLines = base.split("\n");
    // line index i of the file = file row i + 1
    const cases: [string, (lines: string[]) => string[]][] = [
      ["unknown type", (l) => l.map((x, i) => (i === 40 ? x.replace(/^(\d{8},\d+,)[^,]+/, "$1PM1O") : x))],
      ["date not the file name's", (l) => l.map((x, i) => (i === 77 ? x.replace(/^20241231/, "20241230") : x))],
      ["duplicated (date, hour, type)", (l) => [...l.slice(0, 100), l[98], ...l.slice(100)]],
      ["a cell that is not a number", (l) => l.map((x, i) => (i === 200 ? x.replace(/,(\d+),/, ",12a,") : x))],
      ["an hour outside 0–23", (l) => l.map((x, i) => (i === 300 ? x.replace(/^(\d{8}),\d+,/, "$1,24,") : x))],
      ["nan in a cell", (l) => l.map((x, i) => (i === 150 ? x.replace(/^([^,]*,[^,]*,[^,]*,)[^,]*/, "$1nan") : x))],
      ["inf in a cell", (l) => l.map((x, i) => (i === 151 ? x.replace(/^((?:[^,]*,){5})[^,]*/, "$1inf") : x))],
      ["a row with one field too many", (l) => l.map((x, i) => (i === 120 ? x + ",7" : x))],
      ["a row with one field too few", (l) => l.map((x, i) => (i === 121 ? x.replace(/,[^,]*$/, "") : x))],
      ["hour not a number", (l) => l.map((x, i) => (i === 5 ? x.replace(/^(\d{8}),\d+,/, "$1,x,") : x))],
    ];
    for (const [name, mutate] of cases)
      it(
        name,
        async () => {
          const dir = tmp("cnemc-bad-");
          const good = join(dir, "china_sites_20241230.csv");
          writeFileSync(good, readFileSync(sim.sites[0]));
          const f = join(dir, "china_sites_20241231.csv");
          writeFileSync(f, mutate(baseLines).join("\n"));
          let want: AozoraInputError | undefined;
          try {
            readCnemcDaily([good, f]);
          } catch (e) {
            want = e as AozoraInputError;
          }
          expect(want, "readCnemcDaily refuses it").toBeInstanceOf(AozoraInputError);
          const out = join(tmp("cnemc-ds-"), "ds");
          const got = await ingestCnemcArchive({ dir, out }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(got).toBeInstanceOf(AozoraInputError);
          const g = got as AozoraInputError;
          expect({ file: g.file, row: g.row, column: g.column, columnNumber: g.columnNumber }).toEqual({
            file: want!.file,
            row: want!.row,
            column: want!.column,
            columnNumber: want!.columnNumber,
          });
          expect(g.message).toBe(want!.message);
          rmSync(dir, { recursive: true, force: true });
        },
        30000,
      );

    it("two files of the same date, a header that is not CNEMC, files of both kinds", async () => {
      const dir = tmp("cnemc-bad-");
      const f1 = join(dir, "a", "china_sites_20241231.csv");
      const f2 = join(dir, "b", "china_sites_20241231.csv");
      require("node:fs").mkdirSync(join(dir, "a"));
      require("node:fs").mkdirSync(join(dir, "b"));
      writeFileSync(f1, base);
      writeFileSync(f2, base);
      const out = () => join(tmp("cnemc-ds-"), "ds");
      await expect(ingestCnemcArchive({ files: [f1, f2], out: out() })).rejects.toThrow(
        /china_sites_20241231\.csv, row 2, column "date" \(#1\): expected a date not already read \(20241231 is also in .*a\/china_sites_20241231\.csv\)/,
      );
      const h = join(dir, "china_sites_20250101.csv");
      writeFileSync(h, "time,hour,type,1001A\n20250101,0,PM2.5,1\n");
      await expect(ingestCnemcArchive({ files: [h], out: out() })).rejects.toThrow(/row 1: expected a CNEMC header/);
      await expect(ingestCnemcArchive({ files: [f1, sim.cities[0]], out: out() })).rejects.toThrow(
        /expected a china_sites file like the others/,
      );
    });
  });

  it("refuses bad arguments", async () => {
    const out = join(tmp("cnemc-ds-"), "ds");
    await expect(ingestCnemcArchive({ out })).rejects.toThrow(RangeError);
    await expect(ingestCnemcArchive({ dir: arch, files: [], out })).rejects.toThrow(RangeError);
    await expect(ingestCnemcArchive({ dir: tmp("empty-"), out })).rejects.toThrow(/no daily files/);
    await expect(ingestCnemcArchive({ dir: arch, out, hourLabel: "middle" as "end" })).rejects.toThrow(RangeError);
    await expect(ingestCnemcArchive({ dir: arch, out, threads: 0 })).rejects.toThrow(RangeError);
    await ingestCnemcArchive({ dir: arch, out });
    await expect(ingestCnemcArchive({ dir: arch, out })).rejects.toThrow(/already holds a dataset/);
  }, 60000);
});
