import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable } from "../../src/io/monitoring";
import { averageByStation } from "../../src/large/average";
import { readCsvChunks, streamAggregate } from "../../src/large/stream";

const dir = mkdtempSync(join(tmpdir(), "aozora-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two stations, 3 local days hourly (+08:00), values chosen for hand-checkable means. */
function smallCsv(): string {
  const lines = ["time,station,PM2.5 (ug/m3),note"];
  for (const st of ["A", "B"]) {
    for (let h = 0; h < 72; h++) {
      const d = 1 + Math.floor(h / 24),
        hh = h % 24;
      const t = `2025-01-0${d} ${String(hh).padStart(2, "0")}:00`;
      // A: value = hour of day (day 2: hours 0-17 only, 18 h = capture 0.75); B: 10 every hour, day 3 has 17 values
      let v: string;
      if (st === "A") v = d === 2 && hh >= 18 ? "-999" : String(hh);
      else v = d === 3 && hh < 7 ? "" : "10";
      lines.push(`${t},${st},${v},"x, ""quoted"""`);
    }
  }
  return lines.join("\n") + "\n";
}

describe("streamAggregate", () => {
  const path = join(dir, "small.csv");
  writeFileSync(path, smallCsv());

  it("daily means with the 75 % capture rule, checked by hand", async () => {
    const r = await streamAggregate(path, {
      groupBy: "station",
      utcOffset: "+08:00",
      chunkBytes: 1 << 16,
      columns: ["PM2.5"],
    });
    expect(r.table.strings("station")).toEqual(["A", "A", "A", "B", "B", "B"]);
    expect(r.table.localTimes().slice(0, 3)).toEqual([
      "2025-01-01T00:00:00+08:00",
      "2025-01-02T00:00:00+08:00",
      "2025-01-03T00:00:00+08:00",
    ]);
    const m = Array.from(r.table.numbers("PM2.5"));
    // A day 1: mean of 0..23 = 11.5; day 2: 0..17 (18 of 24 = 0.75, kept) = 8.5; day 3: 11.5
    // B: 10, 10, and day 3 has 24 - 7 = 17 values (17/24 = 0.708 < 0.75) → NaN
    expect(m.slice(0, 5)).toEqual([11.5, 8.5, 11.5, 10, 10]);
    expect(m[5]).toBeNaN();
    expect(Array.from(r.counts["PM2.5"])).toEqual([24, 18, 24, 24, 24, 17]);
    expect(r.capture["PM2.5"][5]).toBeCloseTo(17 / 24, 15);
    expect(r.table.unit("PM2.5")).toBe("\u00b5g/m3");
    expect(r.account).toMatchObject({
      inputRows: 144,
      aggregatedRows: 144,
      filteredOut: 0,
      cellChanges: { "missing-code": 6 + 7 },
    });
  });

  it("gives exactly what averageByStation gives in memory, whatever the chunk size (quoted fields across chunk ends)", async () => {
    const mem = averageByStation(readMonitoringTable(path, { utcOffset: "+08:00", station: "station" }).table, {
      station: "station",
      period: "day",
    });
    for (const chunkBytes of [1 << 16, 1 << 20]) {
      const s = await streamAggregate(path, { groupBy: "station", utcOffset: "+08:00", chunkBytes });
      expect(s.table.toObjects()).toEqual(mem.table.toObjects());
      expect(s.counts).toEqual(mem.counts);
    }
    const monthly = await streamAggregate(path, {
      groupBy: "station",
      utcOffset: "+08:00",
      period: "month",
      minCapture: 0,
    });
    // January has 744 possible hours; A has 72 - 6 = 66 values
    expect(Array.from(monthly.possible)).toEqual([744, 744]);
    expect(monthly.counts["PM2.5"][0]).toBe(66);
  });

  it("filters by station, time window and a row mask; filtered rows are counted", async () => {
    const r = await streamAggregate(path, {
      groupBy: "station",
      utcOffset: "+08:00",
      stations: ["A"],
      from: Date.UTC(2025, 0, 1, 16), // 2025-01-02 00:00 +08:00
      where: (chunk) => Array.from(chunk.numbers("PM2.5"), (v) => !(v > 20)),
    });
    expect(r.table.localTimes()).toEqual(["2025-01-02T00:00:00+08:00", "2025-01-03T00:00:00+08:00"]);
    // day 2: hours 0..17 all ≤ 20 → 8.5; day 3: 0..20 (21 of 24 = 0.875) → mean 10
    expect(Array.from(r.table.numbers("PM2.5"))).toEqual([8.5, 10]);
    expect(r.account.aggregatedRows + r.account.filteredOut).toBe(144);
  });

  it("a record repeated in another chunk is an error naming its file row", async () => {
    const text = smallCsv() + "2025-01-01 05:00,A,1,x\n";
    const p = join(dir, "dup.csv");
    writeFileSync(p, text);
    const e = await streamAggregate(p, { groupBy: "station", utcOffset: "+08:00", chunkBytes: 1 << 16 }).then(
      () => undefined,
      (x) => x,
    );
    expect(e).toBeInstanceOf(AozoraInputError);
    expect((e as AozoraInputError).row).toBe(146); // header + 144 rows, then the repeat
  });

  it("chunks keep file rows and the time layout of the first chunk", async () => {
    // day-first dates; the second chunk alone (days ≤ 12) would be ambiguous
    const lines = ["date,x (ppb)"];
    for (const y of [2025, 2026])
      for (let m = 2; m <= 12; m++)
        for (let d = 1; d <= 12; d++) for (let h = 0; h < 24; h++) lines.push(`${d}/${m}/${y} ${h}:00,2`);
    // the only day-first evidence: 16 rows after 300 ambiguous ones, still in the first chunk
    lines.splice(301, 0, ...Array.from({ length: 16 }, (_, k) => `${13 + k}/01/2025 00:00,1`));
    const p = join(dir, "dmy.csv");
    writeFileSync(p, lines.join("\n"));
    const rows: number[] = [];
    let chunks = 0;
    const gen = readCsvChunks(p, { utcOffset: 0, chunkBytes: 1 << 16 });
    const e = await (async () => {
      try {
        for await (const c of gen) {
          chunks++;
          rows.push(c.rows[0]);
        }
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeUndefined();
    expect(chunks).toBeGreaterThan(1);
    expect(rows[0]).toBe(2);
    // whole file: same instants as the in-memory reader; a later chunk starts at its file row
    const all = readMonitoringTable(p, { utcOffset: 0 });
    expect(all.table.numRows).toBe(16 + 2 * 11 * 12 * 24);
    expect(rows[1]).toBeGreaterThan(2);
    const again: number[] = [];
    for await (const c of readCsvChunks(p, { utcOffset: 0, chunkBytes: 1 << 16 })) again.push(...c.table.times());
    expect(again).toEqual(Array.from(all.table.times()));
  });

  it("a text cell in a numeric column names the column and the rows", async () => {
    const p = join(dir, "text.csv");
    writeFileSync(p, "time,x (ppb)\n2025-01-01 00:00,abc\n");
    await expect(streamAggregate(p, { utcOffset: 0, columns: ["x"] })).rejects.toThrow(/column "x \(ppb\)".*rows 2–2/);
  });

  it("chunk ends respect quoted fields with line breaks and stray quotes inside unquoted fields", async () => {
    const lines = ["time,note,NO2 (ppb)"];
    for (let h = 0; h < 6000; h++) {
      const t = new Date(Date.UTC(2025, 0, 1) + h * 3600000).toISOString().slice(0, 16).replace("T", " ");
      const note = h % 3 === 0 ? `"line one\nline ""two"", ${h}"` : h % 3 === 1 ? `5" pipe ${h}` : `x${h}`;
      lines.push(`${t},${note},${h % 7 === 0 ? "-999" : (h / 10).toFixed(1)}`);
    }
    const p = join(dir, "quotes.csv");
    writeFileSync(p, lines.join("\r\n") + "\r\n");
    const whole = readMonitoringTable(p, { utcOffset: "+09:00" });
    const notes: string[] = [],
      times: number[] = [],
      rows: number[] = [];
    let changes = 0;
    for await (const c of readCsvChunks(p, { utcOffset: "+09:00", chunkBytes: 1 << 16 })) {
      notes.push(...c.table.strings("note"));
      times.push(...c.table.times());
      rows.push(...c.rows);
      changes += c.account.cellChanges.length;
    }
    expect(notes).toEqual(whole.table.strings("note"));
    expect(times).toEqual(Array.from(whole.table.times()));
    expect(changes).toBe(whole.account.cellChanges.length);
    // every quoted note spans two file lines: data row h starts at file row 2 + h + ceil(h / 3)
    expect(rows[4]).toBe(2 + 4 + Math.ceil(4 / 3));
    expect(rows[5999]).toBe(2 + 5999 + Math.ceil(5999 / 3));
  });

  it("an empty file is an error naming the header row", async () => {
    const p = join(dir, "empty.csv");
    writeFileSync(p, "");
    await expect(streamAggregate(p, { utcOffset: 0 })).rejects.toThrow(
      /row 1: expected a header row, found "an empty file"/,
    );
  });
});

describe("streamAggregate through the byte reader", () => {
  /** A file the byte reader takes: no quotes, no blank lines; stations, missing codes, -999, empty cells, <DL. */
  function plainCsv(rows: number, seed: number): string {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lines = ["time,station,PM2.5 (ug/m3),NO2 (ppb),O3 (ppb)"];
    const stations = ["S1", "S2", "S3"];
    const t0 = Date.UTC(2024, 11, 30, 16); // 2024-12-31 00:00 +08:00
    const per = Math.ceil(rows / stations.length);
    for (const st of stations)
      for (let h = 0; h < per; h++) {
        if (rnd() < 0.03) continue; // an absent hour
        const t = new Date(t0 + 8 * 3600e3 + h * 3600e3).toISOString().slice(0, 16).replace("T", " ");
        const cell = (scale: number, dec: number) => {
          const u = rnd();
          if (u < 0.04) return "";
          if (u < 0.06) return "-999";
          if (u < 0.07) return "<2";
          return (rnd() * scale).toFixed(dec);
        };
        lines.push(`${t},${st},${cell(150, 0)},${cell(60, 1)},${cell(90, 3)}`);
      }
    return lines.join("\n") + "\n";
  }

  it("hand case: two stations, the means by hand, every chunk by the byte reader", async () => {
    const lines = ["time,station,x (ug/m3)"];
    for (const st of ["A", "B"])
      for (let h = 0; h < 48; h++)
        lines.push(
          `2025-03-0${1 + Math.floor(h / 24)} ${String(h % 24).padStart(2, "0")}:00,${st},${st === "A" ? h % 24 : h < 30 ? "" : 4}`,
        );
    const p = join(dir, "plain-hand.csv");
    writeFileSync(p, lines.join("\n") + "\n");
    const r = await streamAggregate(p, { groupBy: "station", utcOffset: "+08:00", columns: ["x"] });
    expect(r.account.byteReaderChunks).toBe(r.account.chunks);
    // A: mean of 0..23 = 11.5 both days; B day 1: 0 values → NaN; day 2: hours 6..23 = 18 values of 4 (0.75, kept)
    const m = Array.from(r.table.numbers("x"));
    expect(m.slice(0, 2)).toEqual([11.5, 11.5]);
    expect(m[2]).toBeNaN();
    expect(m[3]).toBe(4);
    expect(Array.from(r.counts.x)).toEqual([24, 24, 0, 18]);
  });

  for (const seed of [1, 2, 3])
    it(`random file ${seed}: exactly averageByStation of readMonitoringTable, and the same account counts, over several chunks`, async () => {
      const p = join(dir, `plain-${seed}.csv`);
      writeFileSync(p, plainCsv(9000, seed));
      const whole = readMonitoringTable(p, { utcOffset: "+08:00", station: "station" });
      for (const period of ["day", "month"] as const) {
        const mem = averageByStation(whole.table, { station: "station", period, minCapture: 0.75 });
        const s = await streamAggregate(p, {
          groupBy: "station",
          utcOffset: "+08:00",
          chunkBytes: 1 << 16,
          period,
          minCapture: 0.75,
        });
        expect(s.account.chunks).toBeGreaterThan(2);
        expect(s.account.byteReaderChunks).toBe(s.account.chunks);
        expect(s.table.toObjects()).toEqual(mem.table.toObjects());
        expect(s.counts).toEqual(mem.counts);
        // the account: every changed cell of the whole-file read, counted by reason
        const byReason: Record<string, number> = {};
        for (const c of whole.account.cellChanges) byReason[c.reason] = (byReason[c.reason] ?? 0) + 1;
        expect(s.account.cellChanges).toEqual(byReason);
        expect(s.account.inputRows).toBe(whole.account.inputRows);
      }
    });

  it("a chunk the byte reader refuses (a quoted field) is read by the grid reader, same values", async () => {
    const text = plainCsv(9000, 4).split("\n");
    text[5000] = text[5000].replace(/,S(\d)/, ',"S$1"');
    const p = join(dir, "plain-quoted.csv");
    writeFileSync(p, text.join("\n"));
    const mem = averageByStation(readMonitoringTable(p, { utcOffset: "+08:00", station: "station" }).table, {
      station: "station",
      period: "day",
    });
    const s = await streamAggregate(p, { groupBy: "station", utcOffset: "+08:00", chunkBytes: 1 << 16 });
    expect(s.account.byteReaderChunks).toBeGreaterThan(0);
    expect(s.account.byteReaderChunks).toBeLessThan(s.account.chunks);
    expect(s.table.toObjects()).toEqual(mem.table.toObjects());
  });
});
