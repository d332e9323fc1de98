#!/usr/bin/env node
// Regenerates the rows of src/photochem/tables/voc-mechanism.ts from the CMAS/EPA Speciation Tool
// (github.com/CMASCenter/Speciation-Tool) at a given git mirror and commit, matched to aozora's VOC
// registry by CAS number. Usage: node scripts/voc-mechanism-table.cjs <git-dir> <commit>
// Prints the TypeScript array literal; paste it into the table module (the module's TSDoc names
// the source files and commit).
const fs = require("node:fs");
const cp = require("node:child_process");
const [gitDir, commit] = process.argv.slice(2);
if (!gitDir || !commit) throw new Error("usage: voc-mechanism-table.cjs <git-dir> <commit>");
const show = (p) => cp.execFileSync("git", ["-C", gitDir, "show", `${commit}:${p}`], { maxBuffer: 1e9 }).toString();
const csv = (line) => {
  const out = [];
  let cur = "";
  let q = false;
  for (const ch of line) {
    if (q) {
      if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
};
const src = fs.readFileSync("src/models/voc/tables/species.ts", "utf8");
const rows = [...src.matchAll(/\n {4}id: "([^"]+)",\n {4}cas: "([^"]+)"/g)].map((m) => ({ id: m[1], cas: m[2] }));
const byCas = new Map();
show("import_data/speciate5.1_exports/export_species_properties.txt")
  .split(/\r?\n/)
  .forEach((l, i) => {
    const c = csv(l);
    if (c.length < 3 || !c[2]) return;
    if (!byCas.has(c[2])) byCas.set(c[2], []);
    byCas.get(c[2]).push({ id: Number(c[0]), name: c[1], line: i + 1 });
  });
const mech = new Map();
show("import_data/mechanism_forImport_11Feb2020_speciate5_0_withSOAALK_8may2024_v0.csv")
  .split(/\r?\n/)
  .forEach((l, i) => {
    const c = csv(l);
    if (c.length < 4) return;
    const k = `${c[0]}|${c[1]}`;
    if (!mech.has(k)) mech.set(k, []);
    mech.get(k).push([c[2], Number(c[3]), i + 1]);
  });
const lines = [];
for (const r of rows) {
  // the first SPECIATE id of the CAS number (isoprene also has 2166 "Isoprene -duplicate", same rows)
  const sp = (byCas.get(r.cas) ?? [])[0];
  if (!sp) {
    lines.push(`  // ${r.id} (${r.cas}): no SPECIATE species with this CAS number`);
    continue;
  }
  const terms = (m) => JSON.stringify(mech.get(`${m}|${sp.id}`) ?? []);
  lines.push(
    `  { id: ${JSON.stringify(r.id)}, cas: ${JSON.stringify(r.cas)}, speciateId: ${sp.id}, speciateName: ${JSON.stringify(sp.name)}, cb6r3Ae7: ${terms("CB6R3_AE7")}, saprc07tcAe7: ${terms("SAPRC07TC_AE7")} },`,
  );
}
process.stdout.write(lines.join("\n") + "\n");
