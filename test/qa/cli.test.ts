import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";

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

describe("aozora qa / interlab", () => {
  it("qa --json: mass closure, ion balance, completeness per sample and campaign", async () => {
    const r = await run([
      "qa",
      "--file",
      join(DATA, "filter-campaign-lab-a.csv"),
      "--formulas",
      "cn",
      "--blanks",
      join(DATA, "filter-campaign-blanks.csv"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.massClosure.formulaSet).toBe("cn");
    expect(j.massClosure.samples).toHaveLength(120);
    expect(j.ionBalance.samples).toHaveLength(120);
    expect(j.completeness.samples).toHaveLength(120);
    expect(j.campaigns.campaigns.map((c: { campaign: string }) => c.campaign)).toEqual(["Kawasaki", "Shenyang"]);
    expect(j.fieldBlanks.changedCells).toBeGreaterThan(0);
    // every subtraction is listed: changed cells = finite sample cells of the corrected species
    expect(j.fieldBlanks.changes[0]).toHaveProperty("before");
    // blanks mostly below detection are not subtracted, and the output says so (V: blank level 0 in the simulator)
    expect(j.fieldBlanks.notCorrected.find((s: { species: string }) => s.species === "V").reason).toMatch(
      /0 of 12 blanks above detection/,
    );
    expect(Object.keys(j.fieldBlanks.blanks)).toContain("OC");
    // the OC blank subtracted is the mean of the 12 blanks (simulated level 0.5 µg/m3 ± 20 %)
    expect(Math.abs(j.fieldBlanks.blanks.OC.value - 0.5)).toBeLessThan(0.1);
  });
  it("interlab --json: per-species statistics and verdicts with the criterion", async () => {
    const r = await run([
      "interlab",
      "--lab-a",
      join(DATA, "filter-campaign-lab-a.csv"),
      "--lab-b",
      join(DATA, "filter-campaign-lab-b.csv"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.samples).toBe(120);
    expect(j.verdicts.OC).toBe("disagree");
    expect(j.verdicts["NO3 -"]).toBe("disagree");
    expect(j.criterion).toMatch(/Passing–Bablok/);
    expect(j.species[0].passingBablok.slopeCI).toHaveLength(2);
  });
  it("bad input: exit 2 with one line", async () => {
    const r = await run([
      "interlab",
      "--lab-a",
      join(DATA, "filter-campaign-lab-a.csv"),
      "--lab-b",
      join(DATA, "filter-campaign-blanks.csv"),
    ]);
    expect(r.code).toBe(2);
    // one error line, after the statements of what each file was read as (issue #17: detection is stated)
    const errLines = r.err.split("\n");
    expect(errLines.slice(0, -1).every((l) => l.startsWith("detected: "))).toBe(true);
    expect(errLines.filter((l) => !l.startsWith("detected: "))).toHaveLength(1);
    expect(r.err).toMatch(
      /filter-campaign-lab-a\.csv, row 2, column "sample_id": expected a sample id that is also in/,
    );
    const q = await run(["qa", "--file", join(DATA, "shenyang-hourly.csv")]);
    expect(q.code).toBe(2);
    expect(q.err).toMatch(/row 1: expected a sample-id column/);
    expect((await run(["qa"])).code).toBe(2);
    expect((await run(["interlab", "--lab-a", "x.csv", "--lab-b", "y.csv", "--tolerance", "abc"])).code).toBe(2);
  });
});
