// Compare case for issue #18 (type conditioning and time functions): aozora (dist/) against R
// openair 2.18 on one simulated hourly year at +08:00. `run()` returns rows
// { fn, what, aozora, openair, target, pass }; it calls Rscript on cutdata.R beside this file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function run() {
  const a = require(join(here, "..", "..", "dist", "index.js"));
  const out = mkdtempSync(join(tmpdir(), "cutdata-"));
  execFileSync("Rscript", [join(here, "cutdata.R"), out], { stdio: ["ignore", "ignore", "inherit"] });
  const ref = JSON.parse(readFileSync(join(out, "openair.json"), "utf8"));
  const lines = readFileSync(join(out, "input.csv"), "utf8").trim().split("\n").slice(1);
  const times = [],
    ws = [],
    wd = [],
    pm25 = [];
  for (const l of lines) {
    const f = l.split(",");
    times.push(Date.parse(f[0]));
    ws.push(+f[1]);
    wd.push(+f[2]);
    pm25.push(f[3] === "NA" ? NaN : +f[3]);
  }
  const series = { times, utcOffsetMinutes: 480, columns: { ws, wd, pm25 } };
  const rows = [];
  const counts = (type, opts = {}) => {
    const r = a.cutData(series, type, opts);
    const c = {};
    for (const k of r.index) if (k >= 0) c[r.levels[k]] = (c[r.levels[k]] ?? 0) + 1;
    return c;
  };
  const sameCounts = (fn, what, got, exp, tol = 0) => {
    const keys = Object.keys(exp);
    const diff = keys.reduce((s, k) => s + Math.abs((got[k] ?? 0) - exp[k]), 0);
    rows.push({
      fn,
      what,
      aozora: keys.map((k) => got[k] ?? 0).join("/"),
      openair: keys.map((k) => exp[k]).join("/"),
      target: tol ? `≤ ${tol} rows differ` : "equal",
      pass: diff <= tol,
    });
  };
  sameCounts("cutData", "season counts", counts("season"), ref.season);
  sameCounts("cutData", "weekday counts", counts("weekday"), ref.weekday);
  sameCounts("cutData", "wd sector counts", counts("wd"), ref.wd);
  sameCounts("cutData", "pm25 quartile classes", counts("pm25"), ref.pm25);
  // openair on R < 4.3 dates the Sun a day early for local hours before 08:00 (see cutdata.test.ts)
  sameCounts(
    "cutData",
    "daylight Shanghai",
    counts("daylight", { latitude: 31.2304, longitude: 121.4737 }),
    ref.daylight,
    20,
  );
  const maxDiff = (x, y) => {
    let m = 0,
      nanMismatch = 0;
    y.forEach((v, i) => {
      if (v === null) nanMismatch += Number.isNaN(x[i]) ? 0 : 1;
      else m = Math.max(m, Math.abs(x[i] - v));
    });
    return { m, nanMismatch, n: y.length === x.length };
  };
  const close = (fn, what, x, y) => {
    const d = maxDiff(x, y);
    rows.push({
      fn,
      what,
      aozora: `max |Δ| ${d.m.toExponential(2)}, ${x.length} values`,
      openair: `${y.length} values`,
      target: "|Δ| ≤ 1e-9, same NA",
      pass: d.n && d.m <= 1e-9 && d.nanMismatch === 0,
    });
  };
  const t0 = performance.now();
  const day = a.timeAverage(series, { avgTime: "day", dataThresh: 75 });
  const ms = performance.now() - t0;
  close("timeAverage", "day mean, data.thresh 75", day.columns.pm25, ref.day75);
  const month = a.timeAverage(series, { avgTime: "month" });
  close("timeAverage", "month mean", month.columns.pm25, ref.month);
  close("timeAverage", "month vector-mean wd", month.columns.wd, ref.monthwd);
  close(
    "rollingMean",
    "8-h right, 75 %",
    a.rollingMean(series, { pollutant: "pm25", align: "right" }).values,
    ref.roll8,
  );
  const t1 = performance.now();
  for (let i = 0; i < 3; i++) a.timeAverage(series, { avgTime: "day" });
  const aoz = (performance.now() - t1) / 3 / 1000;
  rows.push({
    fn: "timeAverage",
    what: "speed, day mean of 8,560 rows",
    aozora: `${(aoz * 1000).toFixed(1)} ms`,
    openair: `${(ref.seconds_day * 1000).toFixed(0)} ms`,
    target: "faster than openair",
    pass: aoz < ref.seconds_day,
  });
  void ms;
  return rows;
}
