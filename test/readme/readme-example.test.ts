/**
 * The README's library example is run exactly as written (the block between the
 * `readme-example` markers), against the compiled library (dist/, as `require("aozora")` would
 * load it), and its numbers are checked against the simulator's truth. The command-line and
 * notebook tables of the README are checked against the verbs and notebooks that exist.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERBS } from "../../src/cli/verbs";
import { VERSION } from "../../src/version";
import { corr } from "../helpers";

const ROOT = join(__dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The code of the fenced block between the readme-example markers. */
function exampleBlock(): string {
  const m = /<!-- readme-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- readme-example:end -->/.exec(README);
  if (!m) throw new Error("README.md has no readme-example block");
  return m[1];
}

describe("README", () => {
  it("the library example is at most ~10 lines of code and runs as written; its numbers match the simulator's truth", async () => {
    const code = exampleBlock();
    const lines = code.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("//"));
    expect(lines.length).toBeLessThanOrEqual(10);
    // `import { a, b } from "aozora";` → the compiled library; top-level await → an async function
    const imp = /^import \{([^}]*)\} from "aozora";$/m;
    expect(code).toMatch(imp);
    const out = mkdtempSync(join(tmpdir(), "aozora-readme-"));
    const js = code
      .replace(imp, 'const {$1} = require("aozora");')
      .split('"figures/readme/')
      .join(JSON.stringify(out + "/").slice(0, -1));
    const logs: unknown[] = [];
    type Result = { input: { m: number; species: string[] }; F: Float64Array };
    const req = createRequire(join(ROOT, "package.json"));
    const lib = req(join(ROOT, "dist", "index.js"));
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<unknown>;
    const cwd = process.cwd();
    process.chdir(ROOT); // the example's data paths are relative to the project folder
    let result: Result;
    try {
      // the block as written, plus `return result;` to check the fitted profiles below
      result = (await new AsyncFunction("require", "console", js + "\nreturn result;\n")(
        (id: string) => (id === "aozora" ? lib : req(id)),
        { log: (...a: unknown[]) => logs.push(a.length === 1 ? a[0] : a) },
      )) as Result;
    } finally {
      process.chdir(cwd);
    }
    // 1st line: Q(true) and Q(expected). The data are x = G·F + N(0, s²) with the s written in the
    // uncertainty file (data/README.md), so Q(true)/Q(expected) ≈ 1: a χ² with Qexp = n·m − p(n + m)
    // = 240·14 − 5·254 = 2090 degrees of freedom has sd sqrt(2·2090) ≈ 65 (3 %); the values
    // below the MDL (replaced by MDL/2 with s = 5/6·MDL) and the weak total variable (s × 3) pull it lower.
    const m = /^Q\(true\) (\d+), Q\(expected\) (\d+)$/.exec(String(logs[0]));
    expect(m, String(logs[0])).not.toBeNull();
    expect(Number(m![2])).toBe(240 * 14 - 5 * (240 + 14));
    const ratio = Number(m![1]) / Number(m![2]);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.1);
    // 2nd line: the provenance record
    expect(logs[1]).toMatchObject({
      library: "aozora",
      version: VERSION,
      routine: "runPmf",
      seed: 1,
      options: { factors: 5, runs: 10, seed: 1 },
    });
    // the figure: SVG with the Japanese axis label, and a PNG
    const svg = readFileSync(join(out, "profiles-ja.svg"), "utf8");
    expect(svg).toContain("濃度");
    expect(readFileSync(join(out, "profiles-ja.png")).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // the fitted profiles recover the simulated sources (data/pmf-synthetic.truth.json): every
    // true profile correlates at r > 0.95 with one fitted factor
    const truth = JSON.parse(readFileSync(join(ROOT, "data", "pmf-synthetic.truth.json"), "utf8")) as {
      species: string[];
      F: number[][];
    };
    const cols = truth.species.map((sp) => result.input.species.indexOf(sp));
    expect(cols.every((j) => j >= 0)).toBe(true);
    for (const [t, f] of truth.F.entries()) {
      const best = Math.max(
        ...Array.from({ length: 5 }, (_, k) =>
          corr(
            f,
            cols.map((j) => result.F[k * result.input.m + j]),
          ),
        ),
      );
      expect(best, `true source ${t + 1}`).toBeGreaterThan(0.95);
    }
  }, 120_000);

  it("the command-line table lists every verb, and the notebook table every notebook", () => {
    const section = README.slice(README.indexOf("## Command line"), README.indexOf("## Notebooks"));
    for (const name of ["read", "pmf", "simulate", "version", ...VERBS.map((v) => v.name)])
      expect(section, name).toContain(`| \`aozora ${name}\` |`);
    const nbSection = README.slice(README.indexOf("## Notebooks"), README.indexOf("## Reproducibility"));
    const notebooks = readdirSync(join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb"));
    expect(notebooks.length).toBeGreaterThanOrEqual(7);
    for (const nb of notebooks) {
      expect(nbSection, nb).toContain(`| \`notebooks/${nb}\` |`);
    }
  });
});
