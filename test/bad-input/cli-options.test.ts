import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

// Issue #20, "Errors name the place", option-value bullet:
// "Empty option values (`--percentile ""`, `--cut ""`) are errors, not 0; `--site 95,400` is out of
//  range; `--seed` above 2³²−1 is refused, not wrapped; an output extension that does not match the
//  format written is refused; `--labs A,A` is refused; `1e400` limits are refused."
// Every case is a usage error: exit code 2, one line naming the option, nothing written, in the
// one option-error format of issue #15 item 3: `aozora <verb>: --opt: expected …, found …`.

const DATA = join(__dirname, "..", "..", "data");
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
const polar = ["polar", "--file", join(DATA, "xact-hourly.csv"), "--species", "V", "--json"];
const pmf = [
  "pmf",
  "--conc",
  join(DATA, "pmf-synthetic-con.csv"),
  "--unc",
  join(DATA, "pmf-synthetic-unc.csv"),
  "--factors",
  "5",
  "--runs",
  "1",
];
const pscf = [
  "pscf",
  "--traj",
  join(DATA, "tdump-backward.txt"),
  "--method",
  "frequency",
  "--out",
  "/tmp/never-written.svg",
];
const retrofit = ["retrofit", "--logs", join(DATA, "changshu-tenter-log.csv"), "--replicates", "100", "--json"];
const interlab = [
  "interlab",
  "--lab-a",
  join(DATA, "filter-campaign-lab-a.csv"),
  "--lab-b",
  join(DATA, "filter-campaign-lab-b.csv"),
  "--json",
];

describe("option values: empty, out of range, wrapped, mismatched extensions are refused", () => {
  it('empty values are errors, not 0 (Number("") === 0 in JavaScript)', async () => {
    expect(Number("")).toBe(0); // the trap the checks guard against
    for (const args of [
      [...polar, "--percentile", ""],
      [...polar, "--percentile", "  "],
      ["rsd", "--file", join(DATA, "xiamen-rsd.csv"), "--utc-offset", "+08:00", "--cut", ""],
      [...pmf, "--seed", ""],
      [...pmf.slice(0, 5), "--factors", ""],
      [...pmf, "--extra-uncertainty", ""],
      [...pscf, "--percentile", ""],
      [...retrofit, "--seed", ""],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(
        /^aozora \w+: --(percentile|cut|seed|factors|extra-uncertainty): expected .*, found "\s*"$/,
      );
      expect(r.out).toBe("");
    }
  });
  it("--site 95,400 is out of range (latitude ≤ 90°, longitude ≤ 180°); a valid site still passes the check", async () => {
    for (const s of ["95,400", "95,0", "0,400", "-91,10", ",10", "30"]) {
      const r = await run([...pscf, `--site=${s}`]); // "=" form: parseArgs reads "-91,10" as an option otherwise
      expect(r.code, s).toBe(2);
      expect(r.err).toMatch(/^aozora pscf: --site: expected LAT,LON in degrees/);
    }
    const ok = await run([...pscf, "--site", "31.2,121.5", "--json"]);
    expect(ok.err).not.toMatch(/--site/);
  });
  it("--seed above 2^32 − 1 = 4294967295 is refused, not wrapped to 0 by `>>> 0`", async () => {
    expect(2 ** 32 - 1).toBe(4294967295);
    expect(4294967296 >>> 0).toBe(0); // what the generator would have done
    for (const s of ["4294967296", "1e10", "-1", "1e400"]) {
      const a = await run([...pmf, `--seed=${s}`]);
      expect(a.code, `pmf ${s}`).toBe(2);
      expect(a.err).toMatch(/^aozora pmf: --seed: expected an integer in \[0, 4294967295\]/);
      const b = await run([...retrofit, `--seed=${s}`]);
      expect(b.code, `retrofit ${s}`).toBe(2);
      expect(b.err).toMatch(/^aozora retrofit: --seed: expected an integer in \[0, 4294967295\]/);
    }
  });
  it("an output extension that does not match the format written is refused", async () => {
    const a = await run([...polar, "--out", "/tmp/never-written-polar.pdf"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^aozora polar: --out: expected a file name ending in \.svg or \.png/);
    const b = await run([...pscf, "--table", "/tmp/never-written-cells.xlsx"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^aozora pscf: --table: expected a file name ending in \.csv/);
    const c = await run(["xact", join(DATA, "xact-hourly.csv"), "--out", "/tmp/never-written-flags.json"]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/^aozora xact: --out: expected a file name ending in \.csv/);
  });
  it("--labs A,A is refused (the two labs must differ)", async () => {
    const r = await run([...interlab, "--labs", "A,A"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^aozora interlab: --labs: expected two different lab names, found "A,A"$/);
    expect((await run([...interlab, "--labs", "A , A"])).code).toBe(2);
  });
  it("1e400 (parses to Infinity) limits and numbers are refused", async () => {
    expect(Number("1e400")).toBe(Infinity);
    const r = await run([...retrofit, "--limit", "VOC (NMHC)=1e400"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^aozora retrofit: --limit: expected POLLUTANT=mg\/Nm3 with a finite positive limit/);
    expect((await run([...polar, "--percentile", "1e400"])).code).toBe(2);
    expect(
      (await run(["rsd", "--file", join(DATA, "xiamen-rsd.csv"), "--utc-offset", "+08:00", "--cut", "1e400"])).code,
    ).toBe(2);
    expect((await run([...pscf, "--resolution", "1e400"])).code).toBe(2);
  });
});
