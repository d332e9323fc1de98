#!/usr/bin/env node
/**
 * The public functions of aozora without a TSDoc comment: every function (and every class and its
 * public methods) exported by the entry points (src/index.ts and the source of every subpath of
 * package.json `exports`, e.g. `aozora/pmf` = src/sourceapport/index.ts), checked with the TypeScript compiler
 * API of the project's TypeScript (node_modules/typescript). Overloads count as documented when
 * any signature is. `npm run docs:check` prints them; test/docs/tsdoc.test.ts fails on any.
 *
 * Usage: node scripts/undocumented.cjs [--json]
 */
"use strict";
const path = require("node:path");
const ts = require("typescript");

/** The source files of the entry points: src/index.ts and each `exports` subpath's `dist/X.js` as `src/X.ts`. */
function entryFiles(root) {
  const files = [path.join(root, "src", "index.ts")];
  let pkg;
  try {
    pkg = JSON.parse(require("node:fs").readFileSync(path.join(root, "package.json"), "utf8"));
  } catch {
    return files;
  }
  for (const target of Object.values(pkg.exports ?? {})) {
    const js = typeof target === "string" ? target : target.default;
    const m = /^\.\/dist\/(.+)\.js$/.exec(js ?? "");
    if (m) files.push(path.join(root, "src", `${m[1]}.ts`));
  }
  return [...new Set(files)];
}

/** { checked, missing: [{ name, kind, file, line }] } for the entry points of the project at `root`. */
function undocumented(root = path.join(__dirname, "..")) {
  const configPath = path.join(root, "tsconfig.build.json");
  const cfg = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const entries = entryFiles(root);
  const program = ts.createProgram({
    rootNames: entries,
    options: { ...cfg.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const missing = [];
  const seen = new Set();
  let checked = 0;
  const where = (decl) => {
    const sf = decl.getSourceFile();
    return { file: path.relative(root, sf.fileName), line: sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1 };
  };
  const documented = (sym) => sym.getDocumentationComment(checker).some((p) => p.text.trim() !== "");
  const exported = entries.flatMap((f) => {
    const entry = program.getSourceFile(f);
    if (!entry) throw new Error(`undocumented: entry point ${path.relative(root, f)} not found`);
    return checker.getExportsOfModule(checker.getSymbolAtLocation(entry));
  });
  for (const exp of exported) {
    const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decls = sym.getDeclarations() ?? [];
    if (decls.length === 0) continue;
    const d = decls[0];
    // the same name of the same declaration through several entry points counts once
    const key = `${exp.getName()}\0${d.getSourceFile().fileName}\0${d.getStart()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let kind;
    if (ts.isFunctionDeclaration(d)) kind = "function";
    else if (
      ts.isVariableDeclaration(d) &&
      d.initializer &&
      (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
    )
      kind = "function";
    else if (ts.isClassDeclaration(d)) kind = "class";
    else continue;
    checked++;
    if (!documented(sym)) missing.push({ name: exp.getName(), kind, ...where(d) });
    if (kind === "class") {
      for (const m of d.members) {
        if (!(ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m))) continue;
        const mods = ts.getCombinedModifierFlags(m);
        if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        if (m.name && ts.isPrivateIdentifier(m.name)) continue;
        const ms = ts.isConstructorDeclaration(m) ? null : checker.getSymbolAtLocation(m.name);
        if (ts.isConstructorDeclaration(m) && m.parameters.length === 0) continue;
        checked++;
        const ok = ms ? documented(ms) : ts.getJSDocCommentsAndTags(m).length > 0;
        if (!ok)
          missing.push({ name: `${exp.getName()}.${ms ? ms.getName() : "constructor"}`, kind: "method", ...where(m) });
      }
    }
  }
  return { checked, missing };
}

module.exports = { undocumented };

if (require.main === module) {
  const r = undocumented();
  if (process.argv.includes("--json")) console.log(JSON.stringify(r, null, 1));
  else {
    for (const m of r.missing) console.log(`${m.file}:${m.line}  ${m.kind} ${m.name}`);
    console.log(`${r.missing.length} of ${r.checked} public functions, classes and methods have no TSDoc comment`);
  }
  process.exitCode = r.missing.length > 0 ? 1 : 0;
}
