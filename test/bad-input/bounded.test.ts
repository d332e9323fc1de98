/**
 * Issue #20, "Bounded resources": workbooks whose declared range, archive structure or inflated
 * size are hostile, and paths that are not regular files. Every input here is built in the test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable } from "../../src/io/monitoring";
import { readHysplit } from "../../src/trajectory/read-hysplit";
import { readArrow } from "../../src/io/arrow";
import { readParquet } from "../../src/io/parquet";
import { readCsvChunks } from "../../src/large/stream";
import { DEFAULT_MAX_FILE_BYTES, loadBytes } from "../../src/io/source";
import { DEFAULT_MAX_INFLATED_BYTES, unzipChecked } from "../../src/io/zipcheck";
import { makeZip, sheetXml, xlsxEntries } from "./zipfixture";

function thrown(f: () => unknown): AozoraInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AozoraInputError);
    return e as AozoraInputError;
  }
  throw new Error("expected an AozoraInputError");
}

const ROWS = [
  ["time", "PM2.5 (µg/m3)"],
  ["2025-01-01T00:00:00+09:00", 12.5],
  ["2025-01-01T01:00:00+09:00", 7],
];

describe("xlsx: the declared <dimension> is not walked", () => {
  it("a 2-data-row sheet declaring A1:XFD1048576 (17,179,869,184 cells) reads its 2 rows in well under a second", () => {
    const bytes = makeZip(xlsxEntries(sheetXml(ROWS, "A1:XFD1048576")));
    const t0 = performance.now();
    const { table, account } = readMonitoringTable({ name: "huge-dimension.xlsx", bytes });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(750);
    expect(table.numRows).toBe(2);
    expect(Array.from(table.numbers("PM2.5"))).toEqual([12.5, 7]);
    // 2025-01-01T00:00+09:00 = 2024-12-31T15:00Z
    expect(new Date(table.times()[0]).toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(account.inputRows).toBe(2);
    expect(account.blankRows).toEqual([]);
  });

  it("a namespaced <x:dimension> with a closing tag is dropped as well", () => {
    const xml = sheetXml(ROWS).replace("<sheetData>", '<x:dimension ref="A1:XFD1048576"></x:dimension><sheetData>');
    const t0 = performance.now();
    const { table } = readMonitoringTable({ name: "ns-dimension.xlsx", bytes: makeZip(xlsxEntries(xml)) });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(table.numRows).toBe(2);
  });

  it("two real cells far apart (A1 … XFD1048576) cost two cells, and the far one is an error naming its place", () => {
    const xml = sheetXml(ROWS).replace(
      "</sheetData>",
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
    );
    const t0 = performance.now();
    const e = thrown(() => readMonitoringTable({ name: "far-cell.xlsx", bytes: makeZip(xlsxEntries(xml)) }));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.row).toBe(1048576);
    expect(e.columnNumber).toBe(16384); // XFD = 24·26² + 6·26 + 4 = 16,384
    expect(e.expected).toBe("no value beyond the 2 header columns");
  });

  it("blank rows between data rows are counted from the cells, as before", () => {
    const xml = sheetXml(ROWS)
      .replace('<row r="3">', '<row r="5">')
      .replace(/r="([AB])3"/g, 'r="$15"');
    const { account } = readMonitoringTable({ name: "gap.xlsx", bytes: makeZip(xlsxEntries(xml)) });
    expect(account.blankRows).toEqual([3, 4]);
  });
});

describe("ZIP64 and damaged archives", () => {
  it("a workbook written with ZIP64 records (EOCD counts 0xFFFF, sizes in the extra field) is checked and read", () => {
    const bytes = makeZip(xlsxEntries(sheetXml(ROWS)), { zip64: true });
    const { table } = readMonitoringTable({ name: "zip64.xlsx", bytes });
    expect(Array.from(table.numbers("PM2.5"))).toEqual([12.5, 7]);
  });

  it("a ZIP64 archive with a wrong CRC is no longer passed through unchecked", () => {
    const bytes = makeZip(xlsxEntries(sheetXml(ROWS)), { zip64: true });
    // the first entry's data starts after its 30-byte header, 19-byte name and 20-byte extra field
    bytes[30 + 19 + 20] ^= 0xff;
    const e = thrown(() => readMonitoringTable({ name: "zip64-damaged.xlsx", bytes }));
    expect(e.found).toMatch(/^entry #1 (not inflating|failing its size or CRC-32 check)/);
  });

  it("ZIP64 markers without the locator are refused", () => {
    const good = makeZip(xlsxEntries(sheetXml(ROWS)), { zip64: true });
    const bytes = Uint8Array.from(good);
    bytes[good.length - 22 - 20] = 0; // break the locator's signature
    const e = thrown(() => readMonitoringTable({ name: "zip64-no-locator.xlsx", bytes }));
    expect(e.found).toBe("ZIP64 markers without a ZIP64 locator");
  });

  it("every truncation and every single-byte flip of a small plain and ZIP64 workbook ends quickly in AozoraInputError or a read", () => {
    for (const zip64 of [false, true]) {
      const good = makeZip(xlsxEntries(sheetXml(ROWS)), { zip64 });
      const t0 = performance.now();
      for (let len = 0; len < good.length; len += 7) {
        const e = thrown(() => readMonitoringTable({ name: "cut.xlsx", bytes: good.subarray(0, len) }));
        expect(e.file).toBe("cut.xlsx");
      }
      for (let k = 0; k < good.length; k += 13) {
        const bytes = Uint8Array.from(good);
        bytes[k] ^= 0x5a;
        try {
          readMonitoringTable({ name: "flip.xlsx", bytes });
        } catch (e) {
          expect(e).toBeInstanceOf(AozoraInputError);
        }
      }
      expect(performance.now() - t0).toBeLessThan(20000);
    }
  });
});

describe("inflated-size caps", () => {
  it("a bomb (4 MiB of zeros in ~4 KB) is refused before inflating under a lowered cap, and by its ratio", () => {
    const zeros = new Uint8Array(4 << 20);
    const parts = xlsxEntries(sheetXml(ROWS));
    const entries = [...parts, { name: "xl/media/bomb.bin", data: zeros }];
    // declared total: the five XML parts (their UTF-8 lengths) and 4,194,304 zero bytes
    const declared = parts.reduce((a, x) => a + Buffer.byteLength(x.data as string, "utf8"), 0) + 4194304;
    const bytes = makeZip(entries);
    expect(bytes.length).toBeLessThan(100_000);
    const rss0 = process.memoryUsage().rss;
    let t0 = performance.now();
    let e = thrown(() => readMonitoringTable({ name: "bomb.xlsx", bytes }, { maxInflatedBytes: 2 << 20 }));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.expected).toBe("at most 2097152 bytes inflated (option maxInflatedBytes): archive too large");
    expect(e.found).toBe(`entries #1–#6 declaring ${declared} bytes`);
    // within the size cap, the ratio 4,194,304 / ~4,100 ≈ 1,000 (deflate's limit is about 1,032) is above the default 500
    t0 = performance.now();
    e = thrown(() => readMonitoringTable({ name: "bomb.xlsx", bytes }));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.expected).toBe("an inflated/compressed ratio of at most 500 (option maxInflateRatio): archive too large");
    expect(e.found).toMatch(/^entry #6: 4194304 bytes from (40|41)\d\d$/);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(64 << 20);
  });

  it("a header that understates the size cannot make inflation run on: it stops at the declared size", () => {
    const zeros = new Uint8Array(4 << 20);
    const bytes = makeZip([
      ...xlsxEntries(sheetXml(ROWS)),
      { name: "xl/media/liar.bin", data: zeros, declaredSize: 1000 },
    ]);
    const t0 = performance.now();
    const e = thrown(() => readMonitoringTable({ name: "liar.xlsx", bytes }));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(e.found).toBe("entry #6 inflating beyond its recorded 1000 bytes");
  });

  it("the default cap (128 MiB) refuses an entry declaring 1 GiB without inflating anything", () => {
    expect(DEFAULT_MAX_INFLATED_BYTES).toBe(134_217_728); // 128 × 1024 × 1024
    const bytes = makeZip([{ name: "a.xml", data: "<a/>", declaredSize: 1 << 30 }]);
    const r = unzipChecked(bytes);
    expect(r).toEqual({
      problem: "entries #1–#1 declaring 1073741824 bytes",
      tooLarge: "at most 134217728 bytes inflated (option maxInflatedBytes): archive too large",
    });
  });

  it("limits that are not positive numbers are a RangeError", () => {
    const bytes = makeZip([{ name: "a.xml", data: "<a/>" }]);
    expect(() => unzipChecked(bytes, { maxInflatedBytes: 0 })).toThrow(RangeError);
    expect(() => unzipChecked(bytes, { maxInflateRatio: Number.NaN })).toThrow(RangeError);
  });
});

describe("non-regular files and the file-size limit", () => {
  const dir = mkdtempSync(join(tmpdir(), "aozora-nonregular-"));
  const fifo = join(dir, "pipe.csv");
  execFileSync("mkfifo", [fifo]);
  mkdirSync(join(dir, "folder.csv"));

  it("/dev/zero, a FIFO and a directory are refused at once by every reader that opens paths", async () => {
    const cases: [string, string][] = [
      ["/dev/zero", "a character device"],
      [fifo, "a FIFO (named pipe)"],
      [join(dir, "folder.csv"), "a directory"],
    ];
    for (const [path, what] of cases) {
      const t0 = performance.now();
      for (const read of [
        () => readMonitoringTable(path),
        () => readHysplit(path),
        () => readArrow(path),
        () => loadBytes(path),
      ]) {
        const e = thrown(read);
        expect([e.file, e.expected, e.found]).toEqual([path, "a regular file", what]);
      }
      await expect(readParquet(path)).rejects.toMatchObject({ expected: "a regular file", found: what });
      await expect(readCsvChunks(path).next()).rejects.toMatchObject({ expected: "a regular file", found: what });
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });

  it("a file beyond maxFileBytes is refused before reading; the default is 128 MiB", () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(134_217_728); // 128 × 1024 × 1024
    const p = join(dir, "big.csv");
    const hours = Array.from({ length: 24 }, (_, h) => `2025-01-01T${String(h).padStart(2, "0")}:00:00Z,1\n`);
    writeFileSync(p, "time,PM2.5 (ug/m3)\n" + hours.join("")); // 19 + 24 · 23 = 571 bytes
    const e = thrown(() => readMonitoringTable(p, { maxFileBytes: 570 }));
    expect(e.expected).toMatch(/^a file of at most 570 bytes \(option maxFileBytes/);
    expect(e.found).toBe("571 bytes");
    expect(readMonitoringTable(p, { maxFileBytes: 571 }).table.numRows).toBe(24);
    const m = thrown(() => readMonitoringTable({ name: "mem.csv", text: "a,b\n1,2\n" }, { maxFileBytes: 7 }));
    expect(m.found).toBe("8 bytes");
    expect(() => loadBytes(p, { maxFileBytes: 0 })).toThrow(RangeError);
  });
});
