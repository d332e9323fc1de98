import { describe, expect, it } from "vitest";
import { VERBS } from "../../src/cli/verbs";
import { run } from "./run";

// Issue #15 item 3: "for every verb: its own `--help` (exit 0, only that verb's options)".
// Done when: "`aozora <verb> --help` exits 0 for every verb".

/** Every `--name` written at the start of an option line of a help text. */
const optionsIn = (help: string) => [...help.matchAll(/^ {2}(?:-h, )?--([a-z0-9-]+)/gm)].map((m) => m[1]).sort();

describe("help", () => {
  it("the registry holds the 18 verbs of the README's command table, read/pmf/simulate/version included", () => {
    expect(VERBS.map((v) => v.name).sort()).toEqual(
      [
        "alerts",
        "aqi",
        "forecast",
        "identify",
        "interlab",
        "network",
        "obm",
        "ofp",
        "pmf",
        "polar",
        "pscf",
        "qa",
        "read",
        "retrofit",
        "rsd",
        "simulate",
        "version",
        "xact",
      ].sort(),
    );
  });
  it("`aozora <verb> --help` and `-h` exit 0 and list exactly that verb's options (plus --help)", async () => {
    for (const v of VERBS) {
      for (const flag of ["--help", "-h"]) {
        const r = await run([v.name, flag]);
        expect(r.code, `${v.name} ${flag}`).toBe(0);
        expect(r.err).toBe("");
        expect(r.out.startsWith(`Usage: aozora ${v.name}`)).toBe(true);
        const want = [...Object.keys(v.options), ...(v.json ? ["json"] : []), "help"].sort();
        expect(optionsIn(r.out), v.name).toEqual(want);
      }
    }
  });
  it("help wins over everything else on the line (even a missing required option or an unknown one)", async () => {
    expect((await run(["pmf", "--help"])).code).toBe(0);
    expect((await run(["pmf", "--factors", "3", "-h"])).code).toBe(0);
    expect((await run(["aqi", "--bogus", "--help"])).code).toBe(0);
    expect((await run(["help", "pscf"])).out.startsWith("Usage: aozora pscf")).toBe(true);
  });
  it("help shows units and defaults: pmf --runs (default 20, at most 1000), ofp --temperature in K", async () => {
    const pmf = (await run(["pmf", "--help"])).out;
    expect(pmf).toMatch(/^ {2}--runs N +base runs \(random starts\) \(an integer in \[1, 1000\]; default 20\)$/m);
    const ofp = (await run(["ofp", "--help"])).out.replace(/\n {4,}/g, " "); // long help lines wrap
    expect(ofp).toMatch(/--temperature K .*\(a number \(K\) in \[200, 350\]; default 298\.15\)/);
  });
  it("the read verb's help does not list PMF options (they are not read's)", async () => {
    const r = await run(["read", "--help"]);
    for (const o of ["factors", "robust", "runs", "bootstrap"]) expect(r.out).not.toMatch(new RegExp(`--${o}\\b`));
  });
  it("`aozora --help` lists every verb with one line and exits 0; no verb prints it and exits 2", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const v of VERBS) expect(r.out).toMatch(new RegExp(`^ {2}${v.name} +\\S`, "m"));
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe(r.out);
  });
});
