import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { writeCnemcArchive } from "../../src/simulate";
import { run } from "./run";

// Issue #17 item 4: `aozora network ingest --kind cnemc DIR --out DATASET [--hour-label start|end] [--json]`.
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const arch = tmp("aozora-cli-ingest-");
writeCnemcArchive(arch, { seed: 8, stations: 4, days: 2, start: "2025-03-01" });

describe("aozora network ingest", () => {
  it("writes the dataset and prints one JSON object with the account", async () => {
    const out = join(tmp("aozora-cli-ds-"), "ds");
    const r = await run(["network", "ingest", "--kind", "cnemc", arch, "--out", out, "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.verb).toBe("network ingest");
    expect(j.files).toBe(2);
    expect(j.rows).toBe(4 * 48);
    expect(j.inputRows).toBe(2 * 24 * 15);
    expect(j.hourLabel).toBe("end");
    expect(j.parts.map((p: { year: number }) => p.year)).toEqual([2025]);
    expect(readdirSync(join(out, "year=2025"))).toEqual(["data_0.parquet"]);
  }, 60000);
  it("prints a summary; --hour-label start is passed through", async () => {
    const out = join(tmp("aozora-cli-ds-"), "ds");
    const r = await run(["network", "ingest", "--kind", "cnemc", arch, "--out", out, "--hour-label", "start"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/network ingest: 2 CNEMC sites files/);
    expect(r.out).toMatch(/marks the START of its hour/);
    expect(r.out).toMatch(/year=2025: 192 rows/);
  }, 60000);
  it("usage errors: unknown sub-command, missing --kind/--out, no DIR, an unknown kind, a missing folder", async () => {
    const out = join(tmp("aozora-cli-ds-"), "ds");
    let r = await run(["network", "ingset", arch, "--kind", "cnemc", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^aozora network: SUBCOMMAND: expected one of ingest, summarise, found "ingset" \(did you mean ingest\?\)/,
    );
    r = await run(["network", "ingest", arch, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind: expected cnemc \(required\)/);
    r = await run(["network", "ingest", arch, "--kind", "cnemc"]);
    expect(r.err).toMatch(/--out: expected DATASET \(required\)/);
    r = await run(["network", "ingest", "--kind", "cnemc", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/DIR/);
    r = await run(["network", "ingest", arch, "--kind", "soramame", "--out", out]);
    expect(r.err).toMatch(/--kind: expected one of cnemc, found "soramame"/);
    r = await run(["network", "ingest", "/nonexistent/archive", "--kind", "cnemc", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\/nonexistent\/archive: expected a readable directory/);
  });
  it("a bad file: one line naming file, row and column, exit 2", async () => {
    const dir = tmp("aozora-cli-bad-");
    writeFileSync(
      join(dir, "china_sites_20250301.csv"),
      "date,hour,type,1001A\n20250301,0,PM2.5,12\n20250301,1,PM2.5,x1\n",
    );
    const r = await run(["network", "ingest", "--kind", "cnemc", dir, "--out", join(tmp("aozora-cli-ds-"), "ds")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^aozora network: .*china_sites_20250301\.csv, row 3, column "1001A" \(#4\): expected a number or an empty cell, found "x1"$/,
    );
  }, 30000);
  it("the built command (dist) runs it", () => {
    const out = join(tmp("aozora-cli-ds-"), "ds");
    const main = join(__dirname, "..", "..", "dist", "cli", "main.js");
    const r = spawnSync(
      process.execPath,
      [main, "network", "ingest", "--kind", "cnemc", arch, "--out", out, "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toBe(4 * 48);
  }, 60000);
});
