import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { VERSION } from "../src/version";
import pkg from "../package.json";

const DATA = join(__dirname, "..", "data");
async function run(args: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("aozora command line", () => {
  it("version equals package.json's", async () => {
    expect(VERSION).toBe(pkg.version);
    expect((await run(["version"])).out).toBe(pkg.version);
  });
  it("read --json reports shape, units and the account", async () => {
    const r = await run(["read", "--file", join(DATA, "xact-hourly.csv"), "--utc-offset", "+08:00", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kind).toBe("xact");
    expect(j.tables.ambient.rows + j.tables.qa.rows).toBe(j.accounts[0].inputRows);
    expect(j.tables.ambient.columns.find((c: { name: string }) => c.name === "Fe").unit).toBe("ng/m3");
  });
  it("bad input and usage errors exit 2 with one line naming file, row and column", async () => {
    const r = await run(["read", "--file", join(DATA, "shenyang-hourly.csv")]); // no offset: local times are not guessed
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/shenyang-hourly\.csv, row 2, column "Time" \(#1\): expected a timestamp with a UTC offset/);
    expect((await run(["read"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run(["read", "--file", "x", "--bogus"])).code).toBe(2);
  });
});

describe("aozora pmf", () => {
  const con = join(DATA, "pmf-synthetic-con.csv"),
    unc = join(DATA, "pmf-synthetic-unc.csv");
  it("--json prints exactly one JSON object with the documented fields", async () => {
    const r = await run([
      "pmf",
      "--conc",
      con,
      "--unc",
      unc,
      "--factors",
      "5",
      "--runs",
      "3",
      "--seed",
      "9",
      "--total",
      "PM2.5",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out); // throws unless stdout is one JSON value
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["qExpected", "best", "runs", "species"]));
    // 240 samples × 14 species, 5 factors: Qexp = 240·14 − 5·(240 + 14) = 3360 − 1270 = 2090
    expect(j.qExpected).toBe(2090);
    expect(j.runs).toHaveLength(3);
    for (const run of j.runs)
      expect(Object.keys(run)).toEqual(expect.arrayContaining(["seed", "qTrue", "qRobust", "iterations", "converged"]));
    expect(j.best.qRobust).toBe(Math.min(...j.runs.map((x: { qRobust: number }) => x.qRobust)));
    expect(j.species.find((s: { name: string }) => s.name === "PM2.5").category).toBe("weak");
    expect(j.species).toHaveLength(14);
  });
  it("--bad removes a species; --out writes the EPA-layout files", async () => {
    const { mkdtempSync, existsSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = mkdtempSync(join(tmpdir(), "aozora-pmf-"));
    const r = await run([
      "pmf",
      "--conc",
      con,
      "--unc",
      unc,
      "--factors",
      "4",
      "--runs",
      "2",
      "--bad",
      "Pb",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.species.find((s: { name: string }) => s.name === "Pb").category).toBe("bad");
    expect(j.m).toBe(13);
    expect(existsSync(join(out, "pmf_profiles.csv"))).toBe(true);
    expect(existsSync(join(out, "pmf_contributions.csv"))).toBe(true);
  });
  it("bad arguments and bad files: one line on stderr, exit 2", async () => {
    for (const args of [
      ["pmf", "--conc", con, "--unc", unc], // no --factors
      ["pmf", "--conc", con, "--unc", unc, "--factors", "x"],
      ["pmf", "--conc", con, "--unc", unc, "--factors", "99"],
      ["pmf", "--conc", con, "--unc", unc, "--factors", "3", "--weak", "Unobtainium"],
      ["pmf", "--conc", con, "--unc", join(DATA, "missing.csv"), "--factors", "3"],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });
});

describe("aozora pmf: error estimation and rotations", () => {
  const con = join(DATA, "pmf-synthetic-con.csv"),
    unc = join(DATA, "pmf-synthetic-unc.csv");
  const base = ["pmf", "--conc", con, "--unc", unc, "--runs", "2", "--seed", "9", "--total", "PM2.5"];

  it("--bootstrap N --fpeak S,S adds `bootstrap` and `fpeak` objects; --out writes the BS intervals", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "aozora-pmf-bs-"));
    const r = await run([...base, "--factors", "5", "--bootstrap", "5", "--fpeak", "-0.5,0.5", "--out", dir, "--json"]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.bootstrap).sort()).toEqual([
      "blockSize",
      "convergedRuns",
      "mappingTable",
      "provenance",
      "runs",
    ]);
    expect(j.bootstrap.runs).toBe(5);
    expect(j.bootstrap.blockSize).toBeGreaterThanOrEqual(1);
    expect(j.bootstrap.mappingTable).toHaveLength(5);
    for (const row of j.bootstrap.mappingTable) {
      expect(Object.keys(row).sort()).toEqual(["factor", "mappedTo", "notReproduced", "reproduced", "unmapped"]);
      expect(row.reproduced + row.notReproduced).toBe(j.bootstrap.convergedRuns);
    }
    expect(j.fpeak.map((f: { strength: number }) => f.strength)).toEqual([-0.5, 0.5]);
    for (const f of j.fpeak) {
      expect(Object.keys(f).sort()).toEqual(["converged", "dQ", "dQPct", "strength"]);
      expect(f.converged).toBe(true);
      expect(f.dQ).toBeGreaterThan(-1); // a rotation cannot lower Q much below a converged base
    }
    expect(j.disp).toBeUndefined();
    expect(j.bsdisp).toBeUndefined();
    // 5 factors × 14 species, one row each
    const csv = readFileSync(join(dir, "pmf_bootstrap_intervals.csv"), "utf8").trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^factor,species,unit,base \(µg\/m3\),p5 \(µg\/m3\),/);
    expect(csv).toHaveLength(1 + 5 * 14);
  });

  it("text mode prints the mapping table and the Fpeak dQ", async () => {
    const r = await run([...base, "--factors", "3", "--bootstrap", "3", "--fpeak", "0,0.5"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/bootstrap: 3 runs \(block size \d+, auto\), 3 converged/);
    expect(r.out).toMatch(/Factor 3: 3\/3/);
    expect(r.out).toMatch(/Fpeak: strength 0: dQ 0\.00 \(0\.000 %\); strength 0\.5: dQ /);
  });

  it("--disp and --bsdisp N add `disp` and `bsdisp` objects; --out writes their intervals", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "aozora-pmf-disp-"));
    // 2 factors keep DISP (2 × 14 elements × 2 directions) and one BS-DISP resample to seconds
    const r = await run([
      ...base,
      "--factors",
      "2",
      "--disp",
      "--bootstrap",
      "3",
      "--bsdisp",
      "1",
      "--out",
      dir,
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j.disp).sort()).toEqual([
      "dQmax",
      "largestDecrease",
      "largestDecreasePct",
      "provenance",
      "swaps",
      "warning",
    ]);
    expect(j.disp.dQmax).toEqual([4, 8, 16, 32]);
    expect(j.disp.swaps).toHaveLength(4);
    for (const lv of j.disp.swaps) expect(lv.byFactor).toHaveLength(2);
    expect(j.disp.largestDecrease).toBeGreaterThanOrEqual(0);
    expect(j.disp.warning === null || typeof j.disp.warning === "string").toBe(true);
    expect(Object.keys(j.bsdisp).sort()).toEqual(["dQmax", "provenance", "runsUsed", "swaps", "unreliableFactors"]);
    expect(j.bsdisp.dQmax).toEqual([0.5, 1, 2, 4]);
    expect(j.bsdisp.runsUsed.length).toBeLessThanOrEqual(1);
    expect(Array.isArray(j.bsdisp.unreliableFactors)).toBe(true);
    expect(j.bootstrap.runs).toBe(3);
    // no big matrices in the JSON: the intervals are in the CSV files
    expect(JSON.stringify(j)).not.toMatch(/intervals/);
    const disp = readFileSync(join(dir, "pmf_disp_intervals.csv"), "utf8").trim().split(/\r?\n/);
    expect(disp[0]).toMatch(/^factor,species,unit,dQmax \(1\),base \(µg\/m3\),low \(µg\/m3\),high \(µg\/m3\)$/);
    expect(disp).toHaveLength(1 + 2 * 14 * 4);
    const bsd = readFileSync(join(dir, "pmf_bsdisp_intervals.csv"), "utf8").trim().split(/\r?\n/);
    expect(bsd).toHaveLength(1 + (j.bsdisp.runsUsed.length > 0 ? 2 * 14 * 4 : 0));
  });

  it("bad error-estimation arguments: one line on stderr, exit 2", async () => {
    for (const extra of [
      ["--bootstrap", "0"],
      ["--bootstrap", "x"],
      ["--bootstrap", "2.5"],
      ["--bsdisp", "2"], // without --bootstrap
      ["--bootstrap", "2", "--bsdisp", "3"], // more BS-DISP runs than bootstrap runs
      ["--fpeak", "abc"],
      ["--fpeak", "0.5,,1"],
      ["--fpeak", "-x"],
    ]) {
      const r = await run([...base, "--factors", "3", ...extra]);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.split("\n"), extra.join(" ")).toHaveLength(1);
    }
  });
});
