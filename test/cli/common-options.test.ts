import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { monitoringUnitsOf } from "../../src/cli/common";
import { run } from "./run";

// Issue #15 item 3: "Common input options shared by every verb that reads files: `--encoding`,
// `--units`, `--sheet`, `--utc-offset`, `--hour-label`"; issue #17 item 3: "`aozora aqi --file
// hourly.csv --standard cn-2026 --units "µg/m3,CO=mg/m3"` must work on a plain unit-less hourly
// export". An option the reader does not use is refused, never silently ignored.

const DATA = join(__dirname, "..", "..", "data");
const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-common-"));

describe("--units", () => {
  it('parses "µg/m3,CO=mg/m3" into a default unit and per-column overrides', () => {
    expect(monitoringUnitsOf("µg/m3,CO=mg/m3")).toEqual({ defaultUnit: "µg/m3", units: { CO: "mg/m3" } });
    expect(monitoringUnitsOf("ppb")).toEqual({ defaultUnit: "ppb" });
    expect(() => monitoringUnitsOf("ppb,ppm")).toThrow(RangeError);
    expect(() => monitoringUnitsOf("CO=")).toThrow(RangeError);
  });
  it("aqi on a unit-less hourly export: PM2.5 75 µg/m3 and CO 4 mg/m3 over 24 h give IAQI 100 each (HJ 633-2012 Table 1)", async () => {
    // HJ 633-2012 Table 1, IAQI 100 row: PM2.5 24-h mean 75 µg/m3, CO 24-h mean 4 mg/m3.
    const rows = [
      "Time,PM2.5,CO",
      ...Array.from({ length: 24 }, (_, h) => `2025-05-01 ${String(h).padStart(2, "0")}:00,75,4`),
    ];
    const file = join(tmp, "unitless.csv");
    writeFileSync(file, rows.join("\n") + "\n");
    const none = await run(["aqi", "--file", file, "--standard", "cn-2012"]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/unitless\.csv, row 1, column "PM2\.5" \(#2\): expected a unit/);
    const r = await run(["aqi", "--file", file, "--standard", "cn-2012", "--units", "µg/m3,CO=mg/m3", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.units).toEqual({ CO_24h: "mg/m3", PM25_24h: "µg/m3" });
    expect(j.days[0].iaqi).toEqual({ CO_24h: 100, PM25_24h: 100 });
    expect(j.days[0].aqi).toBe(100);
    const bad = await run(["aqi", "--file", file, "--units", "µg/m3,CO="]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^aozora aqi: --units: expected a unit and\/or COLUMN=UNIT pairs/);
  });
});

describe("--encoding and --sheet", () => {
  it("read --encoding shift_jis decodes a Shift_JIS export (日時 = bytes 93 FA 8E 9E); without it: an error naming the row", async () => {
    const file = join(tmp, "sjis.csv");
    // "日時,NO2 (ppb)\n2025-05-01 00:00,10\n" in Shift_JIS: 日 = 0x93FA, 時 = 0x8E9E (as Python's shift_jis codec encodes them)
    const head = Buffer.from([0x93, 0xfa, 0x8e, 0x9e]);
    writeFileSync(file, Buffer.concat([head, Buffer.from(",NO2 (ppb)\n2025-05-01 00:00,10\n2025-05-01 01:00,11\n")]));
    const r = await run(["read", "--file", file, "--encoding", "shift_jis", "--utc-offset", "+09:00", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.tables.data.rows).toBe(2);
    expect(j.tables.data.columns.map((c: { original: string }) => c.original)).toEqual(["日時", "NO2 (ppb)"]);
    const plain = await run(["read", "--file", file, "--utc-offset", "+09:00"]);
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/sjis\.csv, row 1: expected text in utf-8/);
    const wrong = await run(["read", "--file", file, "--encoding", "shift-jis"]);
    expect(wrong.err).toMatch(
      /^aozora read: --encoding: expected one of utf-8, shift_jis, .*found "shift-jis" \(did you mean shift_jis\?\)$/,
    );
  });
  it("--sheet picks the worksheet of an .xlsx; a sheet that does not exist names the sheets there", async () => {
    const xlsx = join(DATA, "kawasaki-hourly.xlsx");
    const ok = await run(["read", "--file", xlsx, "--sheet", "1時間値", "--utc-offset", "JP", "--json"]);
    expect(ok.code, ok.err).toBe(0);
    const bad = await run(["read", "--file", xlsx, "--sheet", "nope", "--utc-offset", "JP"]);
    expect(bad.code).toBe(2);
    // the last stderr line is the error (a detection statement may come first)
    expect(bad.err.split("\n").at(-1)).toBe(`aozora read: ${xlsx}: expected a worksheet named "nope" (have: 1時間値)`);
  });
  it("an option the chosen reader does not use is refused: read --kind hysplit --sheet, --kind xact --units", async () => {
    const h = await run(["read", "--file", join(DATA, "tdump-backward.txt"), "--sheet", "x"]);
    expect(h.code).toBe(2);
    expect(h.err.split("\n")).toEqual([
      `detected: hysplit (from the file name ${join(DATA, "tdump-backward.txt")})`,
      'aozora read: --sheet: expected an option the hysplit reader uses (none), found "x" (not used with --kind hysplit)',
    ]);
    const x = await run([
      "read",
      "--file",
      join(DATA, "xact-hourly.csv"),
      "--utc-offset",
      "+08:00",
      "--units",
      "ng/m3",
    ]);
    expect(x.code).toBe(2);
    expect(x.err.split("\n").at(-1)).toMatch(
      /^aozora read: --units: expected an option the xact reader uses \(--utc-offset, --hour-label, --encoding\)/,
    );
  });
});

describe("--hour-label", () => {
  it("aqi --hour-label takes start or end only", async () => {
    const r = await run(["aqi", "--file", join(DATA, "xian-hourly-s1.csv"), "--hour-label", "middle"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('aozora aqi: --hour-label: expected one of start, end, found "middle"');
  });
});
