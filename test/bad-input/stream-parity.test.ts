/**
 * Issue #20: the chunked CSV reader (readCsvChunks) refuses what the in-memory reader
 * (readMonitoringTable) refuses, with the same row and column, when the hostile cell is in a
 * later chunk. Each file is ~150 KB, read in 64 KiB chunks (at least 3 chunks).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable, type MonitoringReadOptions } from "../../src/io/monitoring";
import { readCsvChunks } from "../../src/large/stream";

const N = 5000; // data rows; file rows 2 … 5001
const dir = mkdtempSync(join(tmpdir(), "aozora-parity-"));

/** File row r (2-based data rows) as "time,PM2.5,NO2" with an hourly time from 2025-01-01T00:00Z. */
function rows(edit: (row: number, cells: string[]) => string[] = (_, c) => c): string {
  const out = ["time,PM2.5 (ug/m3),NO2 (ppb)"];
  for (let i = 0; i < N; i++) {
    const t = new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString().replace(".000Z", "Z");
    out.push(edit(i + 2, [t, String(10 + (i % 7)), String(20 + (i % 5))]).join(","));
  }
  return out.join("\n") + "\n";
}

function errorOf(f: () => unknown): Record<string, unknown> {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    const { file, row, column, columnNumber, expected, found } = e as AozoraInputError;
    return { file, row, column, columnNumber, expected, found };
  }
  throw new Error("expected an AozoraInputError");
}

async function chunkedError(path: string, opts: MonitoringReadOptions): Promise<Record<string, unknown>> {
  let chunks = 0;
  try {
    for await (const _ of readCsvChunks(path, { ...opts, chunkBytes: 1 << 16 })) chunks++;
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    const { file, row, column, columnNumber, expected, found } = e as AozoraInputError;
    return { file, row, column, columnNumber, expected, found, chunks };
  }
  throw new Error(`expected an AozoraInputError after ${chunks} chunks`);
}

const LATE = 4500; // a row in the third chunk (~30 bytes a row: byte ~135,000)

const CASES: [string, (row: number, cells: string[]) => string[], number, string][] = [
  ["a text cell in PM2.5 in a later chunk", (r, c) => (r === LATE ? [c[0], "bad", c[2]] : c), LATE, "PM2.5 (ug/m3)"],
  [
    "PM2.5 missing from row 1000, text from row 3000: a later chunk holds only missing and text cells",
    (r, c) => (r >= 3000 ? [c[0], "offline", c[2]] : r >= 1000 ? [c[0], "NA", c[2]] : c),
    3000,
    "PM2.5 (ug/m3)",
  ],
  [
    "PM2.5 is text in the whole first chunk and numeric later: the error is at the first text cell",
    (r, c) => (r < 3000 ? [c[0], "calibrating", c[2]] : c),
    2,
    "PM2.5 (ug/m3)",
  ],
  ["Infinity in NO2 in a later chunk", (r, c) => (r === LATE ? [c[0], c[1], "Infinity"] : c), LATE, "NO2 (ppb)"],
  ["1e309 in NO2 in a later chunk", (r, c) => (r === LATE ? [c[0], c[1], "1e309"] : c), LATE, "NO2 (ppb)"],
  ["a decimal comma in a later chunk", (r, c) => (r === LATE ? [c[0], '"12,5"', c[2]] : c), LATE, "PM2.5 (ug/m3)"],
  [
    "an unparseable timestamp in a later chunk",
    (r, c) => (r === LATE ? ["2025-13-01T00:00Z", c[1], c[2]] : c),
    LATE,
    "time",
  ],
  ["a short row in a later chunk", (r, c) => (r === LATE ? [c[0], c[1]] : c), LATE, ""],
  [
    "5² (a superscript, not 52) in a later chunk",
    (r, c) => (r === LATE ? [c[0], "5²", c[2]] : c),
    LATE,
    "PM2.5 (ug/m3)",
  ],
];

describe("chunked reader refuses what the in-memory reader refuses", () => {
  for (const [what, edit, row, column] of CASES) {
    it(what, async () => {
      const path = join(dir, `${what.replace(/\W+/g, "-").slice(0, 40)}.csv`);
      writeFileSync(path, rows(edit));
      const opts: MonitoringReadOptions = {};
      const mem = errorOf(() => readMonitoringTable(path, opts));
      expect(mem.row).toBe(row);
      if (column !== "") expect(mem.column).toBe(column);
      const { chunks, ...streamed } = await chunkedError(path, opts);
      expect(streamed).toEqual(mem);
      if (row > 2) expect(chunks).toBeGreaterThanOrEqual(1); // the error came after whole chunks were read
    });
  }

  it("the unedited file reads the same in chunks as in memory (and spans at least 3 chunks)", async () => {
    const path = join(dir, "good.csv");
    writeFileSync(path, rows());
    const mem = readMonitoringTable(path).table;
    const pm: number[] = [];
    let chunks = 0;
    for await (const { table } of readCsvChunks(path, { chunkBytes: 1 << 16 })) {
      chunks++;
      pm.push(...table.numbers("PM2.5"));
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(pm).toEqual(Array.from(mem.numbers("PM2.5")));
  });
});
