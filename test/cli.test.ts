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
