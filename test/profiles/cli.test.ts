import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { readRemoteSensing } from "../../src/remotesensing";

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
const tmp = mkdtempSync(join(tmpdir(), "aozora-identify-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("aozora identify", () => {
  it("names the factors of a `pmf --out` folder from a SPECIATE export, the dilution-tunnel composite and the built-ins", async () => {
    const p = await run([
      "pmf",
      "--conc",
      join(DATA, "shenyang-pm25-con.csv"),
      "--unc",
      join(DATA, "shenyang-pm25-unc.csv"),
      "--factors",
      "7",
      "--runs",
      "4",
      "--total",
      "PM2.5",
      "--utc-offset",
      "+08:00",
      "--unit",
      "µg/m3",
      "--out",
      tmp,
      "--json",
    ]);
    expect(p.code).toBe(0);
    const r = await run([
      "identify",
      "--pmf-out",
      tmp,
      "--speciate",
      join(DATA, "source-profiles-speciate.csv"),
      "--categories",
      "SIM-SOIL=soil,SIM-COAL=coal combustion,SIM-BB=biomass burning,SIM-IND=industry",
      "--tunnel",
      join(DATA, "dilution-tunnel-tests.csv"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.naming.map((n: { name: string }) => n.name).sort()).toEqual([
      "biomass burning",
      "coal combustion",
      "industry",
      "secondary nitrate",
      "secondary sulfate",
      "soil",
      "vehicles",
    ]);
    const veh = j.naming.find((n: { name: string }) => n.name === "vehicles");
    expect(veh.reference).toMatch(/Dilution-tunnel composite/);
    expect(veh.tracerCheck.status).toBe("ok");
  });
  it("EPA-layout profile tables (issue #16 item 14): aozora's _profiles.csv and an EPA PMF 5.0 export name the same factors", async () => {
    const refs = [
      "--speciate",
      join(DATA, "source-profiles-speciate.csv"),
      "--categories",
      "SIM-SOIL=soil,SIM-COAL=coal combustion,SIM-BB=biomass burning,SIM-IND=industry",
      "--tunnel",
      join(DATA, "dilution-tunnel-tests.csv"),
      "--json",
    ];
    const names = (out: string) =>
      (JSON.parse(out).naming as { factor: string; name: string }[]).map((n) => `${n.factor}=${n.name}`).sort();
    const base = await run(["identify", "--pmf-out", tmp, ...refs]);
    expect(base.code).toBe(0);
    // 1. aozora's own EPA-layout file written by the pmf --out above
    const own = await run(["identify", "--profiles", join(tmp, "pmf_profiles.csv"), "--total", "PM2.5", ...refs]);
    expect(own.code, own.err).toBe(0);
    expect(names(own.out)).toEqual(names(base.out));
    // 2. the same numbers in EPA PMF 5.0's own export layout: tab separated, a leading run column
    //    (header cells 1 and 2 empty, rows "run, species, Factor 1 …"; EPA ESAT
    //    eval/factor_comparison.py reads PMF5's profile file this way) and EPA's title wording
    const epa = readFileSync(join(tmp, "pmf_profiles.csv"), "utf8")
      .split("\r\n")
      .map((l) => {
        if (l === "") return "";
        if (l.startsWith("Factor Profiles"))
          return l.replace(/from Base Run #(\d+)/, "from Base Run #$1 (Convergent Run)");
        const c = l.split(",");
        return [c[0] === "" ? "" : "3", ...c].join("\t");
      })
      .join("\r\n");
    writeFileSync(join(tmp, "colleague_profiles.txt"), epa);
    const theirs = await run([
      "identify",
      "--profiles",
      join(tmp, "colleague_profiles.txt"),
      "--total",
      "PM2.5",
      ...refs,
    ]);
    expect(theirs.code, theirs.err).toBe(0);
    expect(names(theirs.out)).toEqual(names(base.out));
  });
  it("usage errors exit 2 with one line", async () => {
    expect((await run(["identify"])).code).toBe(2);
    const r = await run(["identify", "--pmf-out", join(tmp, "nothing")]);
    expect(r.code).toBe(2);
    // issue #20: a missing folder is a file-system error naming the path, reported before any reading
    expect(r.err).toMatch(/^aozora identify: \/.*nothing: expected a readable directory, found nothing/);
    const empty = await run(["identify", "--pmf-out", tmp, "--name", "absent"]);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/expected the profile table written by `aozora pmf --out DIR`/);
  });
});

describe("aozora rsd", () => {
  it("--json reports the reader's flag counts and EFs by category, model year and VSP mode", async () => {
    const file = join(DATA, "xiamen-rsd.csv");
    const r = await run([
      "rsd",
      "--file",
      file,
      "--utc-offset",
      "+08:00",
      "--pollutant",
      "NO",
      "--cut",
      "20",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const read = readRemoteSensing(file, { utcOffset: "+08:00" });
    expect(j.flagCounts).toEqual(read.flagCounts);
    expect(j.records).toBe(read.records.n);
    expect(j.byCategory.map((g: { group: string }) => g.group)).toEqual([
      "bus",
      "heavy truck",
      "light truck",
      "passenger car",
      "taxi",
    ]);
    expect(j.byCategory.reduce((a: number, g: { n: number }) => a + g.n, 0)).toBe(j.usable);
    expect(j.screening.cut).toBe(20);
  });
  it("missing offset or a bad pollutant exits 2", async () => {
    expect((await run(["rsd", "--file", join(DATA, "xiamen-rsd.csv")])).code).toBe(2);
    expect(
      (await run(["rsd", "--file", join(DATA, "xiamen-rsd.csv"), "--utc-offset", "+08:00", "--pollutant", "SO2"])).code,
    ).toBe(2);
  });
});
