import { describe, expect, it } from "vitest";
import { damerauLevenshtein, suggest } from "../../src/cli/options";
import { run } from "./run";

// Issue #15 item 3: "unknown options refused with exit 2 and a 'did you mean' for close misspellings
// of verbs and options"; done when "`aozora pfm` suggests `pmf`". The distance is Damerau's (1964):
// "wrong letter, missing letter, extra letter, or two adjacent letters transposed" each count 1.

describe("Damerau–Levenshtein distance (optimal string alignment)", () => {
  it("hand-counted values", () => {
    expect(damerauLevenshtein("pfm", "pmf")).toBe(1); // f,m transposed
    expect(damerauLevenshtein("robust", "robust")).toBe(0);
    expect(damerauLevenshtein("robst", "robust")).toBe(1); // missing u
    expect(damerauLevenshtein("standrad", "standard")).toBe(1); // r,a transposed
    expect(damerauLevenshtein("utc-ofset", "utc-offset")).toBe(1);
    // kitten → sitting: k→s, e→i, +g = 3 (the textbook Levenshtein example; no transposition helps)
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3);
    // "ca" → "abc": OSA gives 3 (an edited substring is not edited again; unrestricted DL would give 2)
    expect(damerauLevenshtein("ca", "abc")).toBe(3);
    expect(damerauLevenshtein("", "abc")).toBe(3);
  });
  it("suggest: the closest within distance 2, none beyond", () => {
    expect(suggest("pfm", ["read", "pmf", "polar"])).toBe("pmf");
    expect(suggest("robustt", ["robust", "runs"])).toBe("robust");
    expect(suggest("fctrs", ["factors"])).toBe("factors"); // two letters missing: distance 2
    expect(suggest("fctr", ["factors"])).toBeUndefined(); // three missing
    expect(suggest("zzzz", ["read", "pmf"])).toBeUndefined();
  });
});

describe("misspelt verbs, options and choices: exit 2, one line, a suggestion", () => {
  it("`aozora pfm` suggests pmf; `aozora polr` suggests polar; a far word suggests nothing", async () => {
    const r = await run(["pfm", "--factors", "3"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^aozora: "pfm": expected a verb \(.*\); did you mean pmf\?/);
    expect((await run(["polr"])).err).toMatch(/did you mean polar\?/);
    const far = await run(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.err).not.toMatch(/did you mean/);
  });
  it("misspelt options: --robsut → --robust (pmf), --standrad → --standard (aqi), --utc-ofset → --utc-offset", async () => {
    const cases: [string[], string][] = [
      [["pmf", "--conc", "a", "--unc", "b", "--factors", "3", "--robsut"], "--robust"],
      [["aqi", "--file", "x.csv", "--standrad", "us-2024"], "--standard"],
      [["rsd", "--file", "x.csv", "--utc-ofset", "+08:00"], "--utc-offset"],
      [["pscf", "--trajj", "d", "--out", "m.svg"], "--traj"],
    ];
    for (const [args, want] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toContain(`did you mean ${want}?`);
      expect(r.out).toBe("");
    }
  });
  it("`aozora read … --factors 3 --robust` exits 2 naming both options (they are pmf's, not read's)", async () => {
    const r = await run(["read", "--file", "data/shenyang-hourly.csv", "--factors", "3", "--robust"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      "aozora read: --factors, --robust: expected options of this verb (--help lists them), found unknown options: --factors, --robust",
    );
  });
  it("a misspelt choice is refused with the choices and a suggestion", async () => {
    const r = await run(["ofp", "--file", "x.csv", "--scale", "saprc7"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('aozora ofp: --scale: expected one of saprc07, cn, found "saprc7" (did you mean saprc07?)');
  });
  it("short options other than -h are refused; a boolean given a value is refused; an option given twice is refused", async () => {
    expect((await run(["pmf", "-r"])).err).toMatch(/^aozora pmf: -r: expected a long option/);
    expect((await run(["pmf", "--robust=yes"])).err).toMatch(
      /^aozora pmf: --robust: expected no value \(a flag\), found "yes"/,
    );
    const twice = await run(["aqi", "--file", "a.csv", "--file", "b.csv"]);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/^aozora aqi: --file: expected the option once, found "b\.csv"/);
  });
});
