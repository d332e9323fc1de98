/**
 * The layer rule of issue #15 item 1, as written in the README ("Layout"): lowest to highest
 * table/ (with random/ and the root files version.ts, provenance.ts) <- io/ <- stats/, figures/,
 * edge/, notebook/ <- the domains <- simulate/ <- cli/ and the entry points. No file imports from
 * a higher layer; no import cycles between folders; no `export *` re-export chains.
 *
 * The checker is proven on a fixture tree (test/layers/fixtures/bad-tree) holding one upward
 * import of each kind the pre-processor reads (import, export … from, require, import()), two
 * folder cycles, a folder the table does not place and an `export *`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  LAYERS,
  exportStarLines,
  importGraph,
  layerOf,
  layerViolations,
  sourceFiles,
  unitCycles,
  unitOf,
} from "./graph";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");
const BAD = join(__dirname, "fixtures", "bad-tree");

describe("src/ follows the layer rule", () => {
  const files = sourceFiles(SRC);
  const edges = importGraph(SRC);

  it("reads the whole tree", () => {
    // every folder of the layer table that exists holds files, and imports were found
    expect(files.length).toBeGreaterThan(200);
    expect(edges.length).toBeGreaterThan(500);
    expect(files).toContain("cli/main.ts");
    expect(files).toContain("sourceapport/read-epapmf.ts");
  });

  it("no file imports from a higher layer, and every folder is in the table", () => {
    expect(layerViolations(edges, files)).toEqual([]);
  });

  it("no import cycles between folders", () => {
    expect(unitCycles(edges)).toEqual([]);
  });

  it("no export * chains: every barrel lists its names", () => {
    expect(exportStarLines(SRC)).toEqual([]);
  });

  it("io/ knows only the table (imports nothing but table/, the core files and itself)", () => {
    const outside = edges.filter((e) => unitOf(e.from) === "io" && layerOf(unitOf(e.to)) > layerOf("io"));
    expect(outside).toEqual([]);
    const ioUnits = new Set(edges.filter((e) => unitOf(e.from) === "io").map((e) => unitOf(e.to)));
    expect([...ioUnits].sort()).toEqual(["io", "table", "version.ts"]);
  });

  it("the README's layout table lists the same layers as the checker", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("<!-- layers -->");
    const end = readme.indexOf("<!-- /layers -->");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const rows = readme
      .slice(start, end)
      .split("\n")
      .filter((l) => /^\|\s*\d+\s*\|/.test(l))
      .map((l) => [...l.split("|")[2].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, "")));
    expect(rows).toEqual(LAYERS.map((l) => [...l.units]));
  });
});

describe("the checker fails on a tree that breaks the rule (fixture)", () => {
  const files = sourceFiles(BAD);
  const edges = importGraph(BAD);

  it("reads each kind of import: import, export … from, import type, import(), require()", () => {
    const seen = edges.map((e) => `${e.from} -> ${e.to}`).sort();
    expect(seen).toEqual([
      "io/read.ts -> table/table.ts", // import
      "metals/index.ts -> metals/ratios.ts", // export * from
      "metals/index.ts -> qa/checks.ts", // import type
      "profiles/read.ts -> simulate/run.ts", // require()
      "qa/checks.ts -> metals/index.ts", // import()
      "stats/mean.ts -> metals/index.ts", // export { } from
      "table/table.ts -> io/read.ts", // import
    ]);
  });

  it("reports each upward import and the unplaced folder", () => {
    expect(layerViolations(edges, files)).toEqual([
      'newfolder/x.ts: unit "newfolder" is in no layer of the table',
      'profiles/read.ts (layer domains) imports "../simulate/run" = simulate/run.ts (layer simulate, higher)',
      'stats/mean.ts (layer generic) imports "../metals/index" = metals/index.ts (layer domains, higher)',
      'table/table.ts (layer core) imports "../io/read" = io/read.ts (layer io, higher)',
    ]);
  });

  it("reports both folder cycles, with an example import for each direction", () => {
    expect(unitCycles(edges)).toEqual([
      { units: ["io", "table"], imports: ["io/read.ts -> table/table.ts", "table/table.ts -> io/read.ts"] },
      { units: ["metals", "qa"], imports: ["metals/index.ts -> qa/checks.ts", "qa/checks.ts -> metals/index.ts"] },
    ]);
  });

  it("reports the export * chain", () => {
    expect(exportStarLines(BAD)).toEqual(['metals/index.ts:4: export * from "./ratios";']);
  });

  it("a broken relative import is an error, not a silent pass", () => {
    expect(() => importGraph(join(__dirname, "fixtures", "broken"))).toThrow(
      'x.ts: import "./missing" resolves to no file',
    );
  });
});
