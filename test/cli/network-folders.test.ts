import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCnemcDaily } from "../../src/network/read-cnemc";
import { writeCnemcArchive } from "../../src/simulate/cnemc";
import { writeSoramameFiles } from "../../src/simulate/soramame";
import { encodeShiftJis } from "../../src/io/encode";
import { run } from "./run";

// Issue #17: every file-reading verb takes a folder or a comma-separated list of CNEMC daily files
// (read as one table by readCnemcDaily), and `ofp` reads the network kinds through readInput.
const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-folders-"));
const cn = writeCnemcArchive(join(tmp, "cn"), { seed: 21, days: 3, stations: 2 });
const folder = dirname(cn.sites[0]);

describe("a folder or a list of CNEMC daily files, for every verb", () => {
  it("read: a folder is its station files (china_sites_*), read as one table; the statement says how many", async () => {
    const r = await run(["read", "--file", folder, "--kind", "cnemc", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.reason).toBe(`--kind cnemc; 3 files of the folder ${folder}`);
    // the same table as readCnemcDaily of the three station files: 3 days × 24 hours × 2 stations
    const lib = readCnemcDaily(cn.sites, { hourLabel: "start" });
    expect(j.tables.data.rows).toBe(lib.table.numRows);
    expect(j.tables.data.rows).toBe(3 * 24 * 2);
  });
  it("aqi: a comma-separated list of three daily files of one station gives three days (detected as CNEMC)", async () => {
    const list = cn.sites.join(",");
    const r = await run(["aqi", "--file", list, "--station", cn.truth.stations[0].code, "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("cnemc");
    expect(j.input.chosen).toBe("detected");
    expect(j.input.reason).toMatch(/; 3 files$/);
    // hour-ending: hour 0 of the first file is the last hour of the day before, so 4 local dates
    expect(j.days.map((d: { date: string }) => d.date)).toHaveLength(4);
    // local day 2 (the second file's date) is hours 1–23 of the second file and hour 0 of the third
    // (hour-ending): the list of those two files gives it the same AQI
    const two = await run([
      "aqi",
      "--file",
      `${cn.sites[1]},${cn.sites[2]}`,
      "--station",
      cn.truth.stations[0].code,
      "--json",
    ]);
    const mid = JSON.parse(two.out).days.find((d: { date: string }) => d.date === j.days[2].date);
    expect(mid.hours).toEqual(j.days[2].hours);
    expect(j.days[2].aqi).toBe(mid.aqi);
  });
  it("a folder or list of files of another kind is refused, naming the option; an empty folder too", async () => {
    const sora = writeSoramameFiles(join(tmp, "sora"), { seed: 3, days: 1 });
    const r = await run(["read", "--file", `${sora.files[0]},${sora.files[0]}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--file: expected one file: a folder or a list of files is read only as CNEMC daily files/);
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "notes.txt"), "x");
    const e = await run(["aqi", "--file", empty]);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/a folder of CNEMC daily files .*the folder holds none/);
  });
});

describe("ofp on the national network kinds", () => {
  it("a CNEMC file (no speciated VOCs) is read through readInput and refused with its columns named", async () => {
    const r = await run(["ofp", "--file", cn.sites[0], "--station", cn.truth.stations[0].code]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^detected: CNEMC daily archive file/m);
    expect(r.err).toMatch(/expected speciated VOC columns .*NMHC, CH4 and THC.*found "the columns .*PM2\.5/);
    // --units is the VOC table's option: refused for a network kind
    const u = await run(["ofp", "--file", cn.sites[0], "--kind", "cnemc", "--units", "ppb"]);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/--units: .*not used with --kind cnemc/);
  });
  it("a network-layout file that holds VOC species is computed: OFP = MIR × µg/m3 by hand", async () => {
    // a soramame-layout file (Shift_JIS) with toluene in µg/m3:
    // 24 hours of 10 µg/m3 → mean 10; OFP = MIR(toluene, SAPRC-07) × 10
    const rows = ["測定局コード,日付,時,トルエン(μg/m3)"];
    for (let h = 1; h <= 24; h++) rows.push(`14130010,2024/04/01,${h},10`);
    const f = join(tmp, "voc-sora.csv");
    writeFileSync(f, encodeShiftJis(rows.join("\r\n") + "\r\n"));
    const r = await run(["ofp", "--file", f, "--kind", "soramame", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.input.kind).toBe("soramame");
    expect(j.samples).toBe(24);
    const tol = j.species.find((s: { id: string }) => s.id === "toluene");
    expect(tol.ugm3).toBeCloseTo(10, 12);
    // SAPRC-07 MIR of toluene: 4.00 g O3/g VOC (Carter 2010, the registry's value)
    expect(tol.mir).toBe(4);
    expect(tol.ofp).toBeCloseTo(40, 10);
  });
});
