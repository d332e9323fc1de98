// VOC reactivity speed: a year of hourly online-GC data (8,760 samples × 57 PAMS columns, wide CSV
// with Chinese headers) read with name matching, then OFP / L_OH / SOA per species, per group and
// per sample. Targets (2-core machine, quiet): read < 2 s, vocReactivity < 0.5 s.
// Called by bench/run.mjs; also runs alone: `node bench/voc.mjs`.
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { time as timeIt } from "./timing.mjs";

const require = createRequire(import.meta.url);
const time = (name, fn, reps = 5) => {
  const { out, ...row } = timeIt(name, fn, reps);
  return row;
};
const a = require("../dist/index.js");

/** Returns benchmark rows (same shape as bench/run.mjs rows). */
export async function runVocBench() {
  const dir = join(tmpdir(), "aozora-bench");
  mkdirSync(dir, { recursive: true });
  const rng = new a.Rng(6);
  const species = a.vocSpeciesList().filter((s) => s.pams && s.id !== "p-xylene");
  const header = ["采样时间", ...species.map((s) => (s.id === "m-xylene" ? "间/对二甲苯(ppb)" : `${s.zh}(ppb)`))];
  const q = (c) => (c.includes(",") ? `"${c}"` : c);
  const lines = [header.map(q).join(",")];
  const t0 = Date.UTC(2024, 0, 1);
  const hours = 8760;
  for (let h = 0; h < hours; h++) {
    const row = [new Date(t0 + h * 3600000).toISOString().slice(0, 16).replace("T", " ")];
    for (let j = 0; j < species.length; j++) row.push(rng.uniform() < 0.01 ? "" : (2 * rng.uniform()).toFixed(3));
    lines.push(row.join(","));
  }
  const path = join(dir, "voc-year.csv");
  writeFileSync(path, lines.join("\n") + "\n");
  let read;
  const rows = [];
  rows.push({
    ...time(
      `readVocTable: ${hours} samples × ${species.length} species (Chinese headers)`,
      () => {
        read = a.readVocTable(path, { utcOffset: "+08:00" });
      },
      3,
    ),
    cells: hours * species.length,
  });
  rows.push({
    ...time(`vocReactivity: same data (OFP, L_OH, SOA per species, group and sample)`, () =>
      a.vocReactivity(read.columns, { relativeUncertainty: 0.1 }, read.times),
    ),
    cells: hours * species.length,
  });
  for (const r of rows) r.cells_per_s = Math.round(r.cells / (r.median_ms / 1000));
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await runVocBench())
    console.log(`${r.name}: median ${r.median_ms} ms (${(r.cells_per_s / 1e6).toFixed(2)} M cells/s)`);
}
