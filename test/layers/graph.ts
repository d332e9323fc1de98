/**
 * The import graph of a source tree and the project's layer rule (issue #15 item 1; the table is
 * the README's "Layout" section). A file may import from its own folder, from a folder of the same
 * layer, or from a lower layer; never from a higher one. Between folders there are no cycles.
 *
 * Imports are read with TypeScript's own pre-processor (`ts.preProcessFile`), which lists
 * `import … from`, `export … from`, `import "…"`, `import type`, `require("…")` and `import("…")`
 * (also in type positions) without compiling the file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The layers, lowest first: each row lists the folders (or root-level files) of one layer. */
export const LAYERS: readonly { name: string; units: readonly string[] }[] = [
  { name: "core", units: ["table", "random", "version.ts", "provenance.ts"] },
  { name: "io", units: ["io"] },
  { name: "generic", units: ["stats", "figures", "edge", "notebook"] },
  {
    name: "domains",
    units: [
      "sourceapport",
      "metals",
      "trajectory",
      "directional",
      "qa",
      "interlab",
      "profiles",
      "remotesensing",
      "spatial",
      "large",
      "network",
      "models/aqi",
      "models/alerts",
      "models/energy",
      "models/ozone",
      "models/standards",
      "models/voc",
      "forecast",
      "photochem",
    ],
  },
  { name: "simulate", units: ["simulate"] },
  { name: "entry points", units: ["cli", "index.ts", "openair.ts"] },
];

/** One import of one file: `from` and `to` are paths relative to the tree's root (`/`-separated). */
export interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

/** All `.ts` files below `root`, relative to it, `/`-separated, sorted. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts")) out.push(relative(root, p).split(sep).join("/"));
    }
  };
  walk(root);
  return out;
}

/** Resolve a relative specifier the way `moduleResolution: nodenext` does for CommonJS `.ts` sources. */
function resolveSpecifier(root: string, fromFile: string, spec: string): string | undefined {
  const base = resolve(root, dirname(fromFile), spec).replace(/\.js$/, "");
  const candidates = [`${base}.ts`, join(base, "index.ts"), base];
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return relative(root, c).split(sep).join("/");
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

/**
 * Every relative import of every file below `root`. Package imports (`node:fs`, `xlsx`) are not
 * edges of the tree. A relative import that resolves to no file throws (a broken import must not
 * pass the rule unseen).
 */
export function importGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      if (!spec.startsWith("./") && !spec.startsWith("../")) continue;
      const to = resolveSpecifier(root, file, spec);
      if (to === undefined) throw new Error(`${file}: import "${spec}" resolves to no file`);
      edges.push({ from: file, to, specifier: spec });
    }
  }
  return edges;
}

/** The unit of a file: its top folder (`models/<x>` below `models/`), or the file itself at the root. */
export function unitOf(file: string): string {
  const parts = file.split("/");
  if (parts.length === 1) return parts[0];
  if (parts[0] === "models" && parts.length > 2) return `models/${parts[1]}`;
  return parts[0];
}

/** Layer index of a unit (0 = lowest), or -1 when the layer table does not place it. */
export function layerOf(unit: string, layers = LAYERS): number {
  return layers.findIndex((l) => l.units.includes(unit));
}

/** A breach of the layer rule, as a sentence naming the file, the import and the layers. */
export function layerViolations(edges: readonly ImportEdge[], files: readonly string[], layers = LAYERS): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (layerOf(unitOf(f), layers) < 0) out.push(`${f}: unit "${unitOf(f)}" is in no layer of the table`);
  }
  for (const e of edges) {
    const a = layerOf(unitOf(e.from), layers);
    const b = layerOf(unitOf(e.to), layers);
    if (a >= 0 && b > a) {
      out.push(
        `${e.from} (layer ${layers[a].name}) imports "${e.specifier}" = ${e.to} (layer ${layers[b].name}, higher)`,
      );
    }
  }
  return out;
}

/**
 * Cycles between units (Tarjan's strongly connected components of the unit graph): each cycle as
 * its sorted units and, for every import inside it, one example `file -> file`.
 */
export function unitCycles(edges: readonly ImportEdge[]): { units: string[]; imports: string[] }[] {
  const next = new Map<string, Set<string>>();
  const example = new Map<string, string>();
  for (const e of edges) {
    const a = unitOf(e.from);
    const b = unitOf(e.to);
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    if (a === b) continue;
    next.get(a)!.add(b);
    if (!example.has(`${a}\0${b}`)) example.set(`${a}\0${b}`, `${e.from} -> ${e.to}`);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const sccs: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) sccs.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return sccs.map((units) => {
    const set = new Set(units);
    const imports = [...example.entries()]
      .filter(([k]) => {
        const [a, b] = k.split("\0");
        return set.has(a) && set.has(b);
      })
      .map(([, v]) => v)
      .sort();
    return { units, imports };
  });
}

/** Lines with `export * from` (a re-export chain: barrels list their names explicitly). */
export function exportStarLines(root: string): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(root)) {
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (/^\s*export\s+(type\s+)?\*/.test(line)) out.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}
