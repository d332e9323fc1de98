// Generator of the large benchmark table (issue #9 "Speed and memory"): 10 stations × 10 years
// hourly (87,600 h each; 876,000 rows) × 12 columns (time, station, 10 pollutant/met columns
// with units in the headers), about 2 % missing codes (-999, empty, NA). Written to a temp dir,
// never committed. Deterministic (seeded Rng from dist/).
import { createRequire } from "node:module";
import { openSync, writeSync, closeSync, existsSync, statSync } from "node:fs";
const require = createRequire(import.meta.url);
const a = require("../dist/index.js");

export const LARGE_HEADER = [
  "time",
  "station",
  "PM2.5 (µg/m3)",
  "PM10 (µg/m3)",
  "SO2 (µg/m3)",
  "NO2 (µg/m3)",
  "CO (mg/m3)",
  "O3 (µg/m3)",
  "WS (m/s)",
  "WD (deg)",
  "TEMP (°C)",
  "RH (%)",
];

/**
 * Write the table as CSV to `path` (skipped when it already exists with the same size marker).
 * Local time text without offset (China, +08:00), stations in blocks of 10 years each.
 */
export function writeLargeCsv(path, { stations = 10, hours = 87600, seed = 9 } = {}) {
  if (existsSync(path) && statSync(path).size > 0 && !process.env.AOZORA_BENCH_REGEN) return path;
  const rng = new a.Rng(seed);
  const fd = openSync(path, "w");
  writeSync(fd, LARGE_HEADER.join(",") + "\n");
  const t0 = Date.UTC(2015, 0, 1);
  const stamp = new Array(hours);
  for (let h = 0; h < hours; h++) stamp[h] = new Date(t0 + h * 3600000).toISOString().slice(0, 19).replace("T", " ");
  const miss = () => {
    const u = rng.uniform();
    return u < 0.01 ? "-999" : u < 0.015 ? "" : u < 0.02 ? "NA" : null;
  };
  const f = (x, d) => {
    const m = miss();
    return m ?? x.toFixed(d);
  };
  for (let s = 0; s < stations; s++) {
    const id = `CN-${String(110000 + s * 7).padStart(6, "0")}`;
    let buf = [];
    for (let h = 0; h < hours; h++) {
      const hod = h % 24,
        doy = Math.floor(h / 24) % 365;
      const season = Math.cos((2 * Math.PI * doy) / 365);
      const pm = 40 * (1 + 0.5 * season) * rng.lognormal(0, 0.5);
      const row = [
        stamp[h],
        id,
        f(pm, 4),
        f(pm * 1.6 * rng.lognormal(0, 0.2), 4),
        f(12 * (1 + season) * rng.lognormal(0, 0.6), 4),
        f(35 * (1 + 0.3 * Math.cos((2 * Math.PI * (hod - 8)) / 24)) * rng.lognormal(0, 0.4), 4),
        f(0.9 * rng.lognormal(0, 0.4), 5),
        f(
          Math.max(
            0,
            60 * (1 - 0.5 * season) * (1 + 0.6 * Math.sin((2 * Math.PI * (hod - 9)) / 24)) * rng.lognormal(0, 0.3),
          ),
          4,
        ),
        f(Math.min(20, rng.lognormal(Math.log(2.5), 0.5)), 3),
        f(360 * rng.uniform(), 2),
        f(12 - 15 * season + 5 * Math.sin((2 * Math.PI * (hod - 9)) / 24) + 2 * rng.normal(), 3),
        f(Math.min(100, Math.max(5, 60 + 20 * rng.normal())), 2),
      ];
      buf.push(row.join(","));
      if (buf.length === 10000) {
        writeSync(fd, buf.join("\n") + "\n");
        buf = [];
      }
    }
    if (buf.length) writeSync(fd, buf.join("\n") + "\n");
  }
  closeSync(fd);
  return path;
}
