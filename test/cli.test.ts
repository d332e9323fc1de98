import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli";
import { VERSION } from "../src/version";
import pkg from "../package.json";

const DATA = join(__dirname, "..", "data");
async function run(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
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
  const con = join(DATA, "pmf-synthetic-con.csv"), unc = join(DATA, "pmf-synthetic-unc.csv");
  it("--json prints exactly one JSON object with the documented fields", async () => {
    const r = await run(["pmf", "--conc", con, "--unc", unc, "--factors", "5", "--runs", "3", "--seed", "9", "--total", "PM2.5", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out); // throws unless stdout is one JSON value
    expect(Object.keys(j)).toEqual(expect.arrayContaining(["qExpected", "best", "runs", "species"]));
    // 240 samples × 14 species, 5 factors: Qexp = 240·14 − 5·(240 + 14) = 3360 − 1270 = 2090
    expect(j.qExpected).toBe(2090);
    expect(j.runs).toHaveLength(3);
    for (const run of j.runs) expect(Object.keys(run)).toEqual(expect.arrayContaining(["seed", "qTrue", "qRobust", "iterations", "converged"]));
    expect(j.best.qRobust).toBe(Math.min(...j.runs.map((x: { qRobust: number }) => x.qRobust)));
    expect(j.species.find((s: { name: string }) => s.name === "PM2.5").category).toBe("weak");
    expect(j.species).toHaveLength(14);
  });
  it("--bad removes a species; --out writes the EPA-layout files", async () => {
    const { mkdtempSync, existsSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = mkdtempSync(join(tmpdir(), "aozora-pmf-"));
    const r = await run(["pmf", "--conc", con, "--unc", unc, "--factors", "4", "--runs", "2", "--bad", "Pb", "--out", out, "--json"]);
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
