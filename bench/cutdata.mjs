// openair time functions (issue #18): timeAverage to days and months of 87,600 hourly rows × 10
// columns (10 years at +08:00, wd/ws among them, 2 % missing values), and cutData "daylight" on the
// same rows (Shanghai). When Rscript with openair is installed, openair 2.18's timeAverage runs on
// the same data in the same run and the ratio openair / aozora is recorded; without R that row is
// skipped. Called by bench/run.mjs; also runs alone: `node bench/cutdata.mjs` (needs dist).
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

function median(fn, reps = 5) {
  fn();
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((x, y) => x - y)[Math.floor(reps / 2)];
}

/** Rows `{ name, ms, openair_ms?, ratio? }`. */
export async function runCutdataBench() {
  const n = 87600;
  const rng = new a.Rng(18);
  const times = Float64Array.from({ length: n }, (_, i) => Date.UTC(2015, 0, 1) - 8 * 3600000 + i * 3600000);
  const columns = {
    wd: Float64Array.from({ length: n }, () => Math.round(rng.uniform() * 360)),
    ws: Float64Array.from({ length: n }, () => +(rng.uniform() * 8).toFixed(2)),
  };
  for (let k = 0; k < 8; k++)
    columns[`x${k}`] = Float64Array.from({ length: n }, () =>
      rng.uniform() < 0.02 ? NaN : +(rng.uniform() * 100).toFixed(1),
    );
  const series = { times, utcOffsetMinutes: 480, columns };
  const rows = [];
  const day = median(() => a.timeAverage(series, { avgTime: "day", dataThresh: 75 }));
  const month = median(() => a.timeAverage(series, { avgTime: "month", dataThresh: 75 }));
  const daylight = median(() => a.cutData(series, "daylight", { latitude: 31.2304, longitude: 121.4737 }));
  let r = null;
  try {
    const dir = mkdtempSync(join(tmpdir(), "bench-cutdata-"));
    const csv = ["date," + Object.keys(columns).join(",")];
    for (let i = 0; i < n; i++)
      csv.push(
        new Date(times[i]).toISOString().slice(0, 19) +
          "Z," +
          Object.values(columns)
            .map((c) => (Number.isNaN(c[i]) ? "NA" : c[i]))
            .join(","),
      );
    writeFileSync(join(dir, "in.csv"), csv.join("\n"));
    const script = `suppressMessages(library(openair)); d <- read.csv("${join(dir, "in.csv")}");
d$date <- as.POSIXct(d$date, format = "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"); attr(d$date, "tzone") <- "Etc/GMT-8";
tm <- function(f) { f(); median(sapply(1:3, function(i) system.time(f())[["elapsed"]])) * 1000 };
cat(tm(function() timeAverage(d, "day", data.thresh = 75, progress = FALSE)), tm(function() timeAverage(d, "month", data.thresh = 75, progress = FALSE)),
 tm(function() cutData(d, "daylight", latitude = 31.2304, longitude = 121.4737)))`;
    const outp = execFileSync("Rscript", ["-e", script], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    r = outp.trim().split(/\s+/).map(Number);
  } catch {
    r = null; // R or openair absent: aozora rows only
  }
  const row = (name, ms, o) => ({
    name,
    ms: +ms.toFixed(1),
    ...(o ? { openair_ms: +o.toFixed(0), ratio: +(o / ms).toFixed(1) } : {}),
  });
  rows.push(row("timeAverage day, data.thresh 75, 87,600 × 10", day, r?.[0]));
  rows.push(row("timeAverage month, data.thresh 75, 87,600 × 10", month, r?.[1]));
  rows.push(row("cutData daylight (NOAA), 87,600 rows", daylight, r?.[2]));
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.table(await runCutdataBench());
