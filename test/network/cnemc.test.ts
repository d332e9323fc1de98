import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCnemcDaily, readCnemcStations, isCnemcHeader } from "../../src/network";
import { writeCnemcArchive } from "../../src/simulate";
import { AozoraInputError } from "../../src/io/errors";

describe("CNEMC daily archive", () => {
  it("round-trips simulated site files (several seeds)", () => {
    for (const seed of [1, 2, 3]) {
      const dir = mkdtempSync(join(tmpdir(), "cnemc-"));
      const { truth } = writeCnemcArchive(dir, { seed, stations: 5, days: 2, start: "2025-01-01" });
      const files = [join(dir, "china_sites_20250101.csv"), join(dir, "china_sites_20250102.csv")];
      const { table, account } = readCnemcDaily(files);
      expect(table.numRows).toBe(5 * 48);
      // row order: day, hour, station; truth index h = day*24 + hour
      const pm = table.numbers("PM2.5");
      const pm24 = table.numbers("PM2.5_24h (published)");
      for (let h = 0; h < 48; h++)
        for (let s = 0; s < 5; s++) {
          expect(pm[h * 5 + s]).toEqual(truth.values!["PM2.5"][s][h]);
          expect(pm24[h * 5 + s]).toEqual(truth.values!["PM2.5_24h"][s][h]);
        }
      // hour 0 of 2025-01-01 (China) ends at 00:00+08:00 → its hour starts 2024-12-31T15:00Z
      expect(table.times()[0]).toBe(Date.UTC(2024, 11, 31, 15));
      expect(account.hourLabel).toBe("end");
      expect(table.unit("CO")).toBe("mg/m3");
      expect(table.unit("AQI")).toBe("1");
    }
  });
  it("reads the gb18030 station list and city files", () => {
    const dir = mkdtempSync(join(tmpdir(), "cnemc-"));
    const { stationList, cities, truth } = writeCnemcArchive(dir, {
      seed: 4,
      stations: 12,
      days: 1,
      encoding: "gb18030",
    });
    const st = readCnemcStations(stationList, { encoding: "gb18030" });
    expect(st.map((s) => s.city)).toEqual(truth.stations.map((s) => s.city));
    const { table, account } = readCnemcDaily(cities, { encoding: "gb18030" });
    expect(account.kind).toBe("cities");
    expect(table.strings("station")[0]).toBe("北京");
  });
  it("hour label start: hour 0 = 00:00+08:00", () => {
    const text = "date,hour,type,1001A\n20250101,0,PM2.5,12\n";
    const dir = mkdtempSync(join(tmpdir(), "cnemc-"));
    const f = join(dir, "china_sites_20250101.csv");
    require("node:fs").writeFileSync(f, text);
    expect(readCnemcDaily(f, { hourLabel: "start" }).table.times()[0]).toBe(Date.UTC(2024, 11, 31, 16));
    expect(isCnemcHeader(["date", "hour", "type", "1001A"])).toBe("sites");
    expect(isCnemcHeader(["date", "hour", "type", "北京"])).toBe("cities");
    require("node:fs").writeFileSync(f, "date,hour,type,1001A\n20250101,0,PM25,12\n");
    expect(() => readCnemcDaily(f)).toThrow(AozoraInputError);
    require("node:fs").writeFileSync(f, "date,hour,type,1001A\n20250102,0,PM2.5,12\n");
    expect(() => readCnemcDaily(f)).toThrow(/date/);
    require("node:fs").writeFileSync(f, "date,hour,type,1001A\n20250101,0,PM2.5,x\n");
    expect(() => readCnemcDaily(f)).toThrow(/row 2, column "1001A"/);
  });
  it("hostile layouts: a short row, a quoted field, the same day read twice", () => {
    const fs = require("node:fs");
    const dir = mkdtempSync(join(tmpdir(), "cnemc-"));
    const f = join(dir, "china_sites_20250101.csv");
    fs.writeFileSync(f, "date,hour,type,1001A,1002A\n20250101,0,PM2.5,12\n");
    expect(() => readCnemcDaily(f)).toThrow(/row 2/);
    // a quoted cell is one field (the shared CSV grid reader), read as the number it holds
    fs.writeFileSync(f, 'date,hour,type,1001A\n20250101,0,PM2.5,"12.5"\n');
    expect(readCnemcDaily(f).table.numbers("PM2.5")[0]).toBe(12.5);
    // a copy of the same day under another name would give every station × hour twice
    const g = join(dir, "copy_20250101.csv");
    fs.writeFileSync(g, "date,hour,type,1001A\n20250101,0,PM2.5,12\n");
    expect(() => readCnemcDaily([f, g])).toThrow(/20250101 is also in/);
  });
});
