/**
 * The typed readers of readMonitoringTable (the default byte reader, engine "js", and DuckDB,
 * engine "duckdb") give exactly what the grid reader (engine "grid", every cell as text) gives:
 * the same table (names, units, originals, every value bit for bit, offset), the same account
 * (every changed cell, flag, row number) and the same error (file, row, column, message).
 */
import { describe, expect, it } from "vitest";
import { plainAsciiNumber, plainAsciiNumberBytes } from "../../src/io/cells";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable, type MonitoringReadOptions } from "../../src/io/monitoring";
import { readTypedBytes } from "../../src/io/monitoring-typed";
import type { AqTable } from "../../src/table/table";
import { readOutcome, tableDump, tempFiles } from "./read-helpers";
import { Rng } from "../../src/random/rng";

const { file } = tempFiles("aozora-typed-");

async function outcomeAsync(f: () => Promise<{ table: AqTable; account: unknown; engine: { used: string } }>) {
  try {
    const r = await f();
    return { out: { table: tableDump(r.table), account: r.account }, used: r.engine.used };
  } catch (e) {
    if (e instanceof AozoraInputError)
      return { out: { error: e.message, row: e.row, column: e.column }, used: "error" };
    throw e;
  }
}

/** All three engines on one file: equal outcomes; returns the grid outcome and which engines ran. */
async function same(p: string, opts: MonitoringReadOptions) {
  const grid = readOutcome(() => readMonitoringTable(p, { ...opts, engine: "grid" }));
  const js = readOutcome(() => readMonitoringTable(p, { ...opts, engine: "js" }));
  const duck = await outcomeAsync(() => readMonitoringTable(p, { ...opts, engine: "duckdb" }));
  expect(js).toEqual(grid);
  expect(duck.out).toEqual(grid);
  const bytes = readTypedBytes(p, opts);
  return { grid, bytesPath: typeof bytes === "string" ? bytes : "typed", duckdb: duck.used };
}

const HEADER = "time,station,PM2.5 (µg/m3),SO2 (ppb),note,CO (mg/m3)";

describe("typed readers = grid reader", () => {
  it("hand-checked: missing codes, <DL, ND, whitespace, offsets +08:00, each cell in the account", async () => {
    const p = file(
      "hand.csv",
      [
        HEADER,
        "2025-01-01 09:00:00,A,12.5,3,x,0.5",
        "2025-01-01 10:00:00,A,-999,<0.4,y ,NA",
        "2025-01-01 09:00:00,B, 7,ND,z,-999.0",
        "2025-01-01 10:00:00,B,,1e-3, w,-9999",
      ].join("\n") + "\n",
    );
    const r = await same(p, { utcOffset: "+08:00", station: "station" });
    expect(r.bytesPath).toBe("typed");
    expect(r.duckdb).toBe("duckdb");
    const t = readMonitoringTable(p, { utcOffset: "+08:00", station: "station" });
    // 09:00 at +08:00 = 01:00 UTC
    expect(Array.from(t.table.times())).toEqual([
      Date.UTC(2025, 0, 1, 1),
      Date.UTC(2025, 0, 1, 2),
      Date.UTC(2025, 0, 1, 1),
      Date.UTC(2025, 0, 1, 2),
    ]);
    expect(Array.from(t.table.numbers("PM2.5"))).toEqual([12.5, NaN, 7, NaN]);
    // <0.4 → DL/2 = 0.2 (EPA PMF convention); ND → NaN; 1e-3 = 0.001
    expect(Array.from(t.table.numbers("SO2"))).toEqual([3, 0.2, NaN, 0.001]);
    expect(t.table.strings("note")).toEqual(["x", "y", "z", "w"]);
    const changes = t.account.cellChanges.map((c) => `${c.row}:${c.column}:${c.original}:${c.reason}`);
    expect(changes).toEqual([
      "3:PM2.5:-999:missing-code",
      "5:PM2.5::missing-code",
      "3:SO2:<0.4:below-detection",
      "4:SO2:ND:below-detection",
      "3:note:y :whitespace-trimmed",
      "5:note: w:whitespace-trimmed",
      "3:CO:NA:missing-code",
      "4:CO:-999.0:missing-code",
      "5:CO:-9999:missing-code",
    ]);
  });

  it("ISO timestamps with their own offsets (+09:00, Z), T separator, no seconds; the site offset from the texts", async () => {
    const p = file(
      "offsets.csv",
      ["datetime,O3 (ppb)", "2025-04-01T09:00+09:00,30", "2025-04-01T01:00Z,31", "2025-04-01T11:00+09:00,32"].join(
        "\r\n",
      ),
    );
    const r = await same(p, { utcOffset: "JP" });
    expect(r.bytesPath).toBe("typed");
    expect(r.duckdb).toBe("duckdb");
    const t = readMonitoringTable(p, { utcOffset: "JP" }).table;
    expect(Array.from(t.times())).toEqual([Date.UTC(2025, 3, 1, 0), Date.UTC(2025, 3, 1, 1), Date.UTC(2025, 3, 1, 2)]);
    // one offset in every text: it is the site's without the option
    const q = file("offsets9.csv", "time,O3 (ppb)\n2025-04-01 09:00:00+09:00,1\n2025-04-01 10:00:00+09:00,2\n");
    const s = await same(q, {});
    expect(s.duckdb).toBe("duckdb");
    expect(readMonitoringTable(q).table.utcOffsetMinutes).toBe(540);
  });

  it("out-of-order rows are flagged with the same rows and texts; a BOM and CRLF line ends", async () => {
    const p = file(
      "order.csv",
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          [
            "time,station,NO2 (ppb)",
            "2025-01-01 02:00,S1,1",
            "2025-01-01 00:00,S1,2",
            "2025-01-01 01:00,S2,3",
            "2025-01-01 01:00,S1,4",
          ].join("\r\n") + "\r\n",
        ),
      ]),
    );
    const r = await same(p, { utcOffset: "CN", station: "station" });
    expect(r.bytesPath).toBe("typed");
    expect(r.duckdb).toBe("duckdb");
    const acc = readMonitoringTable(p, { utcOffset: "CN", station: "station" }).account;
    expect(acc.flagged.map((f) => [f.row, f.reason])).toEqual([
      [3, "out-of-order"],
      [5, "out-of-order"],
    ]);
    expect(acc.flagged[0].detail).toContain('"2025-01-01 00:00"');
  });

  it("a duplicated timestamp of one station is the same error naming the row; bad cells are the same errors", async () => {
    const dup = file(
      "dup.csv",
      "time,station,x (ppb)\n2025-01-01 00:00,A,1\n2025-01-01 00:00,B,2\n2025-01-01 00:00,A,3\n",
    );
    const r = await same(dup, { utcOffset: "CN", station: "station" });
    expect(r.grid).toMatchObject({ row: 4, column: "time" });
    // cells DuckDB's DOUBLE cast accepts but the reader does not: underscores, two signs
    for (const [name, cell] of [
      ["underscore", "1_000"],
      ["signs", "+-1"],
      ["comma", "12,5"],
      ["inf", "inf"],
      ["big", "1e309"],
    ]) {
      const p = file(
        `${name}.csv`,
        `time,x (ppb),y (ppb)\n2025-01-01 00:00,1,2\n2025-01-01 01:00,${cell === "12,5" ? "12;5" : cell},3\n`,
      );
      const o = await same(p, { utcOffset: "CN" });
      expect(o.grid, name).toMatchObject({ row: 3, column: "x (ppb)" });
    }
    const short = file("short.csv", "time,x (ppb),y (ppb)\n2025-01-01 00:00,1,2\n2025-01-01 01:00,3\n");
    expect((await same(short, { utcOffset: "CN" })).grid).toMatchObject({ row: 3 });
    const badTime = file("badtime.csv", "time,x (ppb)\n2025-01-01 00:00,1\n2025-02-30 01:00,3\n");
    expect((await same(badTime, { utcOffset: "CN" })).grid).toMatchObject({ row: 3, column: "time" });
  });

  it("files the typed paths leave to the grid reader read the same: quotes, blank lines, hour 24, day-first dates, compass text", async () => {
    const cases: [string, string, MonitoringReadOptions][] = [
      ["quoted.csv", 'time,x (ppb),note\n2025-01-01 00:00,1,"a, b"\n', { utcOffset: "CN" }],
      ["blank.csv", "time,x (ppb)\n2025-01-01 00:00,1\n\n2025-01-01 01:00,2\n", { utcOffset: "CN" }],
      ["hour24.csv", "time,x (ppb)\n2025-01-01 23:00,1\n2025-01-01 24:00,2\n", { utcOffset: "JP" }],
      ["dmy.csv", "date,x (ppb)\n13/01/2025 00:00,1\n01/02/2025 00:00,2\n", { utcOffset: "CN" }],
      [
        "wd.csv",
        "time,WD,WS (m/s)\n2025-01-01 00:00,NNE,1\n2025-01-01 01:00,CALM,0.1\n2025-01-01 02:00,90,2\n",
        { utcOffset: "JP" },
      ],
      ["textcol.csv", "time,site,x (ppb)\n2025-01-01 00:00, Kawasaki ,1\n", { utcOffset: "JP" }],
      ["delims.csv", "time,x (ppb)\n2025-01-01 00:00,1\n,\n", { utcOffset: "JP" }],
    ];
    for (const [name, text, opts] of cases) {
      const r = await same(file(name, text), opts);
      if (name === "dmy.csv" || name === "textcol.csv" || name === "hour24.csv")
        expect(r.bytesPath, name).toBe("typed");
      if (name === "quoted.csv" || name === "blank.csv") expect(r.bytesPath, name).not.toBe("typed");
      if (name === "hour24.csv" || name === "wd.csv" || name === "dmy.csv") expect(r.duckdb, name).toBe("js");
    }
  });

  it("property: random long tables (stations, codes, markers, numbers in every writing) read the same by all engines", async () => {
    const rng = new Rng(17);
    const cellOf = (): string => {
      const u = rng.uniform();
      if (u < 0.05)
        return ["", "NA", "-999", "-999.00", "-9999", "N/D", "欠測", "ND", "<0.05", "< 1"][
          Math.floor(rng.uniform() * 10)
        ];
      if (u < 0.1)
        return [" 12", "+5", ".5", "5.", "-0", "1e-3", "2.5E+2", "12345678901234567", "0.1000000000000000055511"][
          Math.floor(rng.uniform() * 9)
        ];
      return (rng.normal() * 50).toFixed(Math.floor(rng.uniform() * 6));
    };
    for (let trial = 0; trial < 6; trial++) {
      const stations = 1 + Math.floor(rng.uniform() * 3);
      const hours = 5 + Math.floor(rng.uniform() * 60);
      const lines = ["time,station,PM2.5 (µg/m3),SO2 (ppb),TEMP (°C)"];
      for (let s = 0; s < stations; s++)
        for (let h = 0; h < hours; h++) {
          const t = new Date(Date.UTC(2025, 0, 1, h))
            .toISOString()
            .slice(0, 16)
            .replace("T", trial % 2 ? "T" : " ");
          lines.push([t, `S${s}`, cellOf(), cellOf(), cellOf()].join(","));
        }
      // one out-of-order swap
      if (lines.length > 4) [lines[2], lines[3]] = [lines[3], lines[2]];
      const p = file(`prop${trial}.csv`, lines.join("\n") + (trial % 3 ? "\n" : ""));
      const r = await same(p, { utcOffset: trial % 2 ? "+09:00" : "+08:00", station: "station" });
      expect(r.bytesPath).toBe("typed");
      expect(r.duckdb).toBe("duckdb");
    }
  });
});

describe("plainAsciiNumberBytes", () => {
  it("equals plainAsciiNumber on every string of up to 5 characters over 1 5 0 . - + e E and space", () => {
    const alphabet = ["1", "5", "0", ".", "-", "+", "e", "E", " "];
    let n = 0;
    const check = (s: string) => {
      const b = Buffer.from(`,${s},`);
      const want = plainAsciiNumber(s);
      const got = plainAsciiNumberBytes(b, 1, 1 + s.length);
      if (!Object.is(got, want)) throw new Error(`${JSON.stringify(s)}: ${got} vs ${want}`);
      n++;
    };
    const grow = (s: string) => {
      check(s);
      if (s.length < 5) for (const c of alphabet) grow(s + c);
    };
    grow("");
    expect(n).toBe((9 ** 6 - 1) / 8); // 1 + 9 + … + 9^5
  });

  it("equals plainAsciiNumber (and Number) on random decimals of 1–20 digits", () => {
    const rng = new Rng(3);
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rng.uniform() * 20);
      let s = "";
      for (let i = 0; i < digits; i++) s += String(Math.floor(rng.uniform() * 10));
      const cut = Math.floor(rng.uniform() * (digits + 1));
      s = (rng.uniform() < 0.5 ? "-" : "") + s.slice(0, cut) + "." + s.slice(cut);
      const b = Buffer.from(s);
      expect(plainAsciiNumberBytes(b, 0, b.length)).toBe(Number(s));
    }
  });
});
