import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCnemcArchive } from "../../src/simulate";
import { run } from "./run";

// Issue #17 item 4: `aozora network summarise DATASET [--stations LIST] [--json|--out CSV]` on a dataset from `network ingest`.
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const arch = tmp("aozora-cli-sum-");
const { stationList } = writeCnemcArchive(arch, { seed: 9, stations: 3, days: 3, start: "2025-03-01" });
const ds = join(tmp("aozora-cli-sumds-"), "ds");

describe("aozora network summarise", () => {
  it("ingest then summarise: JSON rows per station-year, CSV table, text", async () => {
    const ing = await run(["network", "ingest", "--kind", "cnemc", arch, "--out", ds]);
    expect(ing.code, ing.err).toBe(0);
    const r = await run(["network", "summarise", ds, "--stations", stationList, "--trend", "none", "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.verb).toBe("network summarise");
    expect(j.rows).toHaveLength(3);
    // 3 days × 24 h per station (hour-ending stamps: the first hour belongs to 28 February)
    expect(j.account.rows).toBe(3 * 72);
    for (const row of j.rows) expect(row.year).toBe(2025);
    expect(j.rows[0].city).toBeTruthy();
    const csv = join(tmp("aozora-cli-sumcsv-"), "sum.csv");
    const c = await run(["network", "summarise", ds, "--out", csv, "--trend", "none"]);
    expect(c.code, c.err).toBe(0);
    const lines = readFileSync(csv, "utf8").trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0].split(",").slice(0, 5)).toEqual(["station", "city", "year", "hours in year", "rows"]);
    expect(lines[0]).toMatch(/PM2\.5 annual mean \(µg\/m3\)/);
    expect(lines[0]).toMatch(/GB 3095-2026 PM2\.5 24h exceedance days/);
    expect(lines[1].split(",")[3]).toBe("8760");
    const t = await run(["network", "summarise", ds, "--trend", "none"]);
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/network summarise: .*3 station-years, 216 rows read/);
  }, 120000);
  it("usage errors: no DATASET, a folder without partitions, --out not .csv, an ingest option", async () => {
    let r = await run(["network", "summarise"]);
    expect(r.code).toBe(2);
    r = await run(["network", "summarise", tmp("aozora-cli-empty-")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/year=YYYY/);
    r = await run(["network", "summarise", ds, "--out", join(tmpdir(), "x.txt")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out: expected a file name ending in \.csv/);
    r = await run(["network", "summarise", ds, "--kind", "cnemc"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind/);
  }, 60000);
});
