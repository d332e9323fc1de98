// `npm run compare:openair`: aozora against R openair on the same inputs, one markdown table of
// every case's rows. Each `*.case.mjs` beside this file exports `async function run()` returning
// rows { fn, what, aozora, openair, target, pass } and calls R itself (Rscript on an .R file
// beside it). Exits 0 even when a row fails (the table is the report); skips everything, with a
// line saying so, when `Rscript -e 'library(openair)'` fails. Not run in CI. Needs dist/ (build first).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
try {
  execFileSync("Rscript", ["-e", "suppressPackageStartupMessages(library(openair))"], {
    stdio: "ignore",
    env: { ...process.env, TZ: "UTC" },
  });
} catch {
  console.log("compare:openair skipped: `Rscript -e 'library(openair)'` failed (R or openair is not installed)");
  process.exit(0);
}
const fmt = (x) => (typeof x === "number" ? (Number.isInteger(x) ? String(x) : x.toPrecision(6)) : String(x ?? ""));
const rows = [];
for (const f of readdirSync(here)
  .filter((f) => f.endsWith(".case.mjs"))
  .sort()) {
  try {
    const mod = await import(pathToFileURL(join(here, f)).href);
    rows.push(...(await mod.run()));
  } catch (e) {
    rows.push({
      fn: f,
      what: "case failed to run",
      aozora: String(e.message ?? e).slice(0, 120),
      openair: "",
      target: "",
      pass: false,
    });
  }
}
console.log("| function | what | aozora | openair | target | pass |");
console.log("|---|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.fn} | ${r.what} | ${fmt(r.aozora)} | ${fmt(r.openair)} | ${fmt(r.target)} | ${r.pass ? "yes" : "NO"} |`,
  );
const failed = rows.filter((r) => !r.pass).length;
console.log(`\n${rows.length} rows, ${failed} not passing`);
