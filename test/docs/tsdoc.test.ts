import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Missing = { name: string; kind: string; file: string; line: number };
const { undocumented } = createRequire(__filename)(join(__dirname, "..", "..", "scripts", "undocumented.cjs")) as {
  undocumented: (root?: string) => { checked: number; missing: Missing[]; unthrown: Missing[] };
};

describe("TSDoc on the public API (what `npm run docs` renders)", () => {
  it("finds undocumented functions, classes and methods in a small project", () => {
    const root = mkdtempSync(join(tmpdir(), "aozora-tsdoc-"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "tsconfig.build.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", types: [] }, include: ["src"] }));
    writeFileSync(
      join(root, "src", "a.ts"),
      [
        "/** Documented: the sum, in the inputs' unit. */",
        "export function documented(a: number, b: number): number { return a + b; }",
        "export function bare(a: number): number { return a; }",
        "/** An arrow function with a comment. */",
        "export const arrow = (x: number) => x;",
        "export const bareArrow = (x: number) => x;",
        "export const notAFunction = 3;",
        "/** A class. */",
        "export class K {",
        "  constructor(public v: number) {}",
        "  /** Documented method. */",
        "  twice(): number { return 2 * this.v; }",
        "  thrice(): number { return 3 * this.v; }",
        "  private hidden(): number { return 0; }",
        "}",
        "function internal(): void {}",
        "internal();",
      ].join("\n"),
    );
    writeFileSync(join(root, "src", "index.ts"), 'export * from "./a";\nexport { bare as renamed } from "./a";\n');
    const r = undocumented(root);
    expect(r.missing.map((m) => `${m.kind} ${m.name} ${m.file}:${m.line}`).sort()).toEqual(
      ["function bare src/a.ts:3", "function bareArrow src/a.ts:6", "function renamed src/a.ts:3", "method K.constructor src/a.ts:10", "method K.thrice src/a.ts:13"].sort(),
    );
    // documented, bare, arrow, bareArrow, K, K.constructor, K.twice, K.thrice, renamed
    expect(r.checked).toBe(9);
  }, 60_000);

  it("finds public functions and methods that throw without a @throws tag (CONTRIBUTING.md, Errors)", () => {
    const root = mkdtempSync(join(tmpdir(), "aozora-throws-"));
    mkdirSync(join(root, "src"));
    writeFileSync(
      join(root, "tsconfig.build.json"),
      JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", types: [] }, include: ["src"] }),
    );
    writeFileSync(
      join(root, "src", "a.ts"),
      [
        "/**",
        " * Tagged.",
        " * @throws {RangeError} when x < 0",
        " */",
        "export function tagged(x: number): number { if (x < 0) throw new RangeError('x'); return x; }",
        "/** Untagged. */",
        "export function untagged(x: number): number { if (x < 0) throw new RangeError('x'); return x; }",
        "/** Throws in a callback it runs itself: counts. */",
        "export const inCallback = (v: number[]) => v.map((x) => { if (x < 0) throw new RangeError('x'); return x; });",
        "/** Catches its own throw, re-throws only what it caught, or throws in a nested function it returns: none count. */",
        "export function quiet(x: number): () => void {",
        "  try { if (x < 0) throw new RangeError('x'); } catch { x = 0; }",
        "  try { JSON.parse('{'); } catch (e) { if (!(e instanceof SyntaxError)) throw e; }",
        "  function later(): void { throw new Error('later'); }",
        "  return later;",
        "}",
        "/** A class. */",
        "export class K {",
        "  /** Untagged method. */",
        "  check(x: number): void { if (x < 0) throw new RangeError('x'); }",
        "  /**",
        "   * Tagged method.",
        "   * @throws {RangeError} when x < 0",
        "   */",
        "  ok(x: number): void { if (x < 0) throw new RangeError('x'); }",
        "}",
      ].join("\n"),
    );
    writeFileSync(join(root, "src", "index.ts"), 'export * from "./a";\n');
    const r = undocumented(root);
    expect(r.missing).toEqual([]);
    expect(r.unthrown.map((m) => `${m.kind} ${m.name} ${m.file}:${m.line}`).sort()).toEqual(
      ["function untagged src/a.ts:7", "function inCallback src/a.ts:9", "method K.check src/a.ts:20"].sort(),
    );
  }, 60_000);

  it("every public function, class and method of src/index.ts has a TSDoc comment, and a @throws tag where it throws", () => {
    const r = undocumented();
    expect(r.checked).toBeGreaterThan(250);
    expect(r.missing).toEqual([]);
    expect(r.unthrown).toEqual([]);
  }, 120_000);
});
